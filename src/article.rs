//! Articles: raw text in, normalised text with sentences and tokens out.
//!
//! Loading a file is the binary's job; this module only turns a string into an [`Article`].
//! Normalisation strips a byte-order mark, turns CRLF and lone CR into LF and drops NUL and
//! other control characters (tabs become spaces), so every offset below is a byte offset into
//! [`Article::text`], the normalised text.

use std::ops::Range;

use crate::lexicon::tokens::is_abbreviation;
pub use crate::lexicon::tokens::{tokenize, Token, TokenKind};
use crate::time::{self, DateSource, Published};

/// One article: its path as given by the user, its normalised text and its sentences.
#[derive(Debug, Clone)]
pub struct Article {
    pub path: String,
    pub text: String,
    pub sentences: Vec<Sentence>,
    /// When the article was published: from a `Date:` header or a date in its path here; a
    /// caller with a sidecar `NAME.meta.json` sets it (see [`crate::time`]).
    pub published: Option<Published>,
    /// The number of characters before every multiple of [`CHAR_STRIDE`] bytes, so that
    /// [`Article::char_offset`] does not count from the start each time (that was quadratic
    /// in the article's length: one count per evidence sentence).
    char_counts: Vec<usize>,
}

/// Bytes between two entries of `Article::char_counts`: small enough that an offset costs a
/// count over at most this many bytes (evidence asks for two offsets a sentence), large
/// enough that the table stays a small fraction of the text.
const CHAR_STRIDE: usize = 256;

/// A sentence: a byte range of the article text and its tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Range<usize>,
    pub tokens: Vec<Token>,
    /// A Title Case line (a headline): capitalised words there say nothing about names.
    pub title_case: bool,
}

impl Article {
    /// Normalises `text` and splits it into sentences and tokens. Never fails.
    pub fn parse(path: &str, text: &str) -> Article {
        let text = normalize(text);
        let sentences = segment(&text);
        let published = time::from_header(&text)
            .map(|date| Published {
                date,
                source: DateSource::Header,
            })
            .or_else(|| {
                time::from_path(path).map(|date| Published {
                    date,
                    source: DateSource::Path,
                })
            });
        let char_counts = count_chars(&text);
        Article {
            path: path.to_string(),
            text,
            sentences,
            published,
            char_counts,
        }
    }

    /// The text of a token.
    pub fn token_text(&self, token: &Token) -> &str {
        &self.text[token.start..token.end]
    }

    /// The texts of the tokens, sentence by sentence: the words the extractors read.
    pub fn words(&self) -> Vec<Vec<&str>> {
        self.sentences
            .iter()
            .map(|sentence| sentence.tokens.iter().map(|t| self.token_text(t)).collect())
            .collect()
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, sentence: &Sentence) -> &str {
        &self.text[sentence.span.clone()]
    }

    /// Converts a byte offset of the text into a character offset, as JSON users count.
    pub fn char_offset(&self, byte: usize) -> usize {
        let stride = byte / CHAR_STRIDE;
        let from = stride * CHAR_STRIDE;
        // Counting the bytes that start a character works from any byte position.
        self.char_counts[stride] + starts_of_chars(&self.text.as_bytes()[from..byte])
    }
}

fn count_chars(text: &str) -> Vec<usize> {
    let mut counts = vec![0];
    for chunk in text.as_bytes().chunks(CHAR_STRIDE) {
        counts.push(counts[counts.len() - 1] + starts_of_chars(chunk));
    }
    counts
}

/// The number of bytes that are not UTF-8 continuation bytes.
fn starts_of_chars(bytes: &[u8]) -> usize {
    // Counted in one byte per lane over blocks of at most 255 bytes, which the compiler
    // vectorises; a count per byte in a usize is not.
    bytes
        .chunks(255)
        .map(|block| {
            let starts = block
                .iter()
                .fold(0u8, |n, &b| n + u8::from((b as i8) >= -0x40));
            usize::from(starts)
        })
        .sum()
}

/// Strips a BOM, unifies line endings and removes control characters.
pub fn normalize(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !needs_normalizing(text) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\n' => out.push('\n'),
            '\t' | '\u{a0}' | '\u{2009}' | '\u{202f}' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Does `text` hold anything [`normalize`] changes: a CR, tab or other control character
/// (C0 but the line feed, DEL, C1), or a no-break, thin or narrow no-break space? A byte scan,
/// so the common clean text is copied as it is.
fn needs_normalizing(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Blocks of 64 bytes without a suspicious byte are passed over by a test the compiler
    // vectorises; the exact check runs only in the few blocks that have one.
    let suspicious = |b: u8| (b < 0x20 && b != b'\n') || b == 0x7f || b == 0xc2 || b == 0xe2;
    (0..bytes.len()).step_by(64).any(|from| {
        let block = &bytes[from..(from + 64).min(bytes.len())];
        block.iter().fold(false, |any, &b| any | suspicious(b))
            && (from..from + block.len()).any(|i| needs_normalizing_at(bytes, i))
    })
}

/// Does the character at byte `i` need normalizing (see [`needs_normalizing`])?
fn needs_normalizing_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        b'\n' => false,
        0..=0x1f | 0x7f => true,
        // U+0080..U+009F (C1 controls) and U+00A0.
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0xa0)),
        // U+2009 and U+202F.
        0xe2 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x89 | 0xaf)),
        _ => false,
    }
}

/// Splits normalised text into sentences: every line break ends one, and so does a final
/// period, question or exclamation mark followed by a capitalised word, unless the period
/// belongs to an abbreviation or an initial. In text wrapped at a fixed width (wire copy,
/// e-mail), a line break inside a paragraph is a space.
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (line_start, line_end) in logical_lines(text) {
        let mut tokens = tokenize(text, line_start, line_end);
        let title_case = is_title_case(text, &tokens);
        // Each sentence's tokens are copied once, at their final size, but the last one's: it
        // keeps the line's tokens (often it is the whole line). A line of several sentences is
        // no headline: a photo caption dense with names ends in a period before its credit.
        let mut start = 0;
        let mut several = false;
        for i in 0..tokens.len() {
            if ends_sentence(text, &tokens, i) && i + 1 < tokens.len() {
                push_sentence(&mut sentences, tokens[start..=i].to_vec(), false);
                start = i + 1;
                several = true;
            }
        }
        tokens.drain(..start);
        push_sentence(&mut sentences, tokens, title_case && !several);
    }
    sentences
}

/// The byte ranges of the text's lines; in hard-wrapped text, those of its paragraphs.
/// Text is hard-wrapped when at least two lines break off mid-sentence: the line does not
/// end a sentence and ends in a function word ("to the / Prime Minister") or the next goes on
/// in lowercase ("German Chancellor Olaf Scholz / and French President ..."). Then a line joins the next unless it ends a sentence or either
/// is blank.
fn logical_lines(text: &str) -> Vec<(usize, usize)> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        lines.push((start, start + line.len()));
        start += line.len() + 1;
    }
    let line = |(a, b): (usize, usize)| text[a..b].trim();
    let ends_sentence =
        |l: &str| l.ends_with(['.', '!', '?', ':', '"', '”', '’', ')']) || l.is_empty();
    let broken = lines
        .windows(2)
        .filter(|w| {
            let (this, next) = (line(w[0]), line(w[1]));
            let function_word = this.rsplit(' ').next().is_some_and(|w| {
                matches!(
                    w,
                    "a" | "an" | "the" | "of" | "to" | "and" | "with" | "by" | "for"
                )
            });
            !ends_sentence(this)
                && !next.is_empty()
                && (function_word || next.chars().next().is_some_and(char::is_lowercase))
        })
        .count();
    if broken < 2 {
        return lines;
    }
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(lines.len());
    for range in lines {
        match joined.last_mut() {
            Some(last) if !ends_sentence(line(*last)) && !line(range).is_empty() => {
                last.1 = range.1
            }
            _ => joined.push(range),
        }
    }
    joined
}

fn push_sentence(sentences: &mut Vec<Sentence>, tokens: Vec<Token>, title_case: bool) {
    if !tokens.iter().any(|t| t.kind == TokenKind::Word) {
        return;
    }
    let span = tokens[0].start..tokens[tokens.len() - 1].end;
    sentences.push(Sentence {
        span,
        tokens,
        title_case,
    });
}

/// Does the sentence end after token `i`?
fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let token = &tokens[i];
    let s = &text[token.start..token.end];
    // Most tokens are words: only punctuation and words with a period can end a sentence.
    if token.kind != TokenKind::Punct && !s.ends_with('.') {
        return false;
    }
    let closing = |t: &Token| matches!(&text[t.start..t.end], "\"" | "”" | "’" | "'" | ")");
    // Closing quotes or brackets right after a final mark belong to the sentence.
    if closing(token) {
        return i > 0
            && matches!(
                &text[tokens[i - 1].start..tokens[i - 1].end],
                "." | "!" | "?"
            )
            && next_starts_sentence(text, tokens, i + 1);
    }
    let final_mark = matches!(s, "." | "!" | "?");
    let initialism = token.kind == TokenKind::Word && s.ends_with('.') && s.len() > 2;
    if !(final_mark || initialism) {
        return false;
    }
    // A period with a word right after it, no space between, ends no sentence: an initial
    // written onto the name ("L.Oyun-Erdene", "B.Sharav"). Unless a lowercase word stands
    // before it and a capitalised one after: a space lost in copying ("the villa.The envoy").
    if text[token.end..]
        .chars()
        .next()
        .is_some_and(char::is_alphabetic)
    {
        let before = i
            .checked_sub(1)
            .map(|b| &text[tokens[b].start..tokens[b].end])
            .unwrap_or("");
        // A word, not a part of an address ("www.Example.org").
        let after = tokens
            .get(i + 1)
            .filter(|t| !text[t.end..].starts_with('.'))
            .map(|t| &text[t.start..t.end])
            .unwrap_or("");
        let lost_space = before.len() >= 3
            && before.chars().all(|c| c.is_ascii_lowercase())
            && after.len() >= 2
            && after.starts_with(|c: char| c.is_ascii_uppercase())
            && after[1..].chars().all(|c| c.is_ascii_lowercase());
        if !lost_space {
            return false;
        }
    }
    if tokens.get(i + 1).is_some_and(closing) {
        return false;
    }
    if initialism {
        // "U.S." ends a sentence only when a common sentence opener follows.
        let next = tokens
            .get(i + 1)
            .map(|t| &text[t.start..t.end])
            .unwrap_or("");
        return !is_abbreviation(s.trim_end_matches('.'))
            && matches!(
                next,
                "The"
                    | "A"
                    | "An"
                    | "It"
                    | "He"
                    | "She"
                    | "They"
                    | "We"
                    | "This"
                    | "But"
                    | "In"
                    | "On"
                    | "At"
                    | "His"
                    | "Her"
                    | "Their"
                    | "That"
                    | "There"
                    | "And"
                    | "I"
            );
    }
    next_starts_sentence(text, tokens, i + 1)
}

fn next_starts_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(next) = tokens.get(i) else {
        return false;
    };
    let s = &text[next.start..next.end];
    let first = s.chars().next().unwrap_or(' ');
    first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '“' | '‘' | '\'' | '(')
}

/// Headlines in Title Case: most longer words after the first are capitalised.
fn is_title_case(text: &str, tokens: &[Token]) -> bool {
    let last = tokens.last().map(|t| &text[t.start..t.end]).unwrap_or("");
    if matches!(last, "." | "!" | "?" | "”" | "\"") {
        return false;
    }
    let words = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| &text[t.start..t.end])
        // At least four characters: a fourth exists.
        .filter(|w| w.chars().nth(3).is_some() && w.chars().next().is_some_and(char::is_alphabetic))
        .skip(1);
    let (mut n_words, mut n_capitalised) = (0, 0);
    for word in words {
        n_words += 1;
        if word.chars().next().is_some_and(char::is_uppercase) {
            n_capitalised += 1;
        }
    }
    n_words >= 3 && n_capitalised * 4 >= n_words * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let article = Article::parse("t", text);
        article
            .sentences
            .iter()
            .map(|s| article.sentence_text(s).to_string())
            .collect()
    }

    fn tokens(text: &str) -> Vec<String> {
        tokenize(text, 0, text.len())
            .iter()
            .map(|t| text[t.start..t.end].to_string())
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let got = sentences(
            "Gen. Mark Milley spoke with President Vladimir V. Putin of Russia on Nov. 27. \
             It was the U.S. Army's call. The talks were in the U.S. The next day they met.",
        );
        assert_eq!(
            got,
            [
                "Gen. Mark Milley spoke with President Vladimir V. Putin of Russia on Nov. 27.",
                "It was the U.S. Army's call.",
                "The talks were in the U.S.",
                "The next day they met.",
            ]
        );
        // An initial written onto the name: no space, no sentence end.
        let got = sentences("Prime Minister L.Oyun-Erdene met B.Sharav. They spoke.");
        assert_eq!(
            got,
            ["Prime Minister L.Oyun-Erdene met B.Sharav.", "They spoke."]
        );
        // A space lost after a lowercase word: the sentence ends all the same.
        let got = sentences("He met the envoy at the villa.The envoy left.Then it rained.");
        assert_eq!(
            got,
            [
                "He met the envoy at the villa.",
                "The envoy left.",
                "Then it rained."
            ]
        );
        let got = sentences("The site example.com went down. Visit www.Example.org now.");
        assert_eq!(
            got,
            [
                "The site example.com went down.",
                "Visit www.Example.org now."
            ]
        );
    }

    #[test]
    fn quotes_close_their_sentence_and_lines_end_sentences() {
        let got = sentences("He said “we met.” Then he left\nHeadline Without Period\r\nBody.");
        assert_eq!(
            got,
            [
                "He said “we met.”",
                "Then he left",
                "Headline Without Period",
                "Body."
            ]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_read_as_prose() {
        let got = sentences(
            "Rain Delays Harvest\n\nLONDON (Wire) - Farm Minister Ana Reyes\nand her deputy \
             met growers on Monday, a\nspokesman said.\nThe talks went on\nfor hours.",
        );
        assert_eq!(
            got,
            [
                "Rain Delays Harvest",
                "LONDON (Wire) - Farm Minister Ana Reyes\nand her deputy met growers on Monday, \
                 a\nspokesman said.",
                "The talks went on\nfor hours.",
            ]
        );
        let got = sentences(
            "The envoy spoke to Chancellor Jonas\nBrekke by phone and then to the\nPrime \
             Minister of\nPortugal, officials said.\n\nNo date was set.",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        // One line breaking off mid-sentence is not yet a wrapped text: a headline stays apart.
        let got = sentences("Talks in Oslo\nend without a deal\nThe talks ended.");
        assert_eq!(got.len(), 3, "{got:?}");
    }

    #[test]
    fn tokens_keep_names_whole_and_split_possessives() {
        assert_eq!(
            tokens("Russia’s Kim Jong-un met O'Brien's U.S.-led al-Assad."),
            [
                "Russia", "’s", "Kim", "Jong-un", "met", "O'Brien", "'s", "U.S.", "-", "led",
                "al-Assad", "."
            ]
        );
    }

    #[test]
    fn title_case_headlines_are_marked() {
        let article = Article::parse(
            "t",
            "Heads of U.S. and Russian General Staffs Talked by Phone\nKerry meets Russian counterpart for Ukraine talks",
        );
        let flags: Vec<bool> = article.sentences.iter().map(|s| s.title_case).collect();
        assert_eq!(flags, [true, false]);
    }

    #[test]
    fn a_caption_dense_with_names_before_its_credit_is_no_headline() {
        let article = Article::parse(
            "t",
            "U.S. Envoy Ivo Marsh, Deputy Minister Lena Kovac and Ambassador Hugo Baptista Pose \
             Before Talks in Geneva June 25, 2013. REUTERS/Clara Oduya\n\
             U.S. Envoy Meets Russian Deputy Minister Before Geneva Talks",
        );
        let flags: Vec<bool> = article.sentences.iter().map(|s| s.title_case).collect();
        assert_eq!(flags, [false, false, true]);
    }

    #[test]
    fn char_offsets_count_characters_across_strides() {
        let text = "ä€😀a\n".repeat(2000);
        let article = Article::parse("t", &text);
        for (byte, _) in article
            .text
            .char_indices()
            .step_by(7)
            .chain([(text.len(), ' ')])
        {
            assert_eq!(
                article.char_offset(byte),
                article.text[..byte].chars().count(),
                "at byte {byte}"
            );
        }
    }

    #[test]
    fn normalisation_removes_bom_cr_and_controls() {
        assert_eq!(normalize("\u{feff}a\r\nb\rc\0d\te"), "a\nb\ncd e");
        for text in [
            "a\u{a0}b",
            "a\u{2009}b",
            "a\u{202f}b",
            "a\u{85}b",
            "a\u{7f}b",
            "a\u{9f}b",
        ] {
            assert!(needs_normalizing(text), "{text:?}");
            assert_ne!(normalize(text), text);
            // Found wherever it falls against the 64-byte blocks of the scan.
            for n in 60..70 {
                let long = format!("{}{text}", "x".repeat(n));
                assert!(needs_normalizing(&long), "{long:?}");
            }
        }
        for text in ["plain text\n", "Zürich — “quoted” ‘x’ \u{2008} \u{2028} é"] {
            assert!(!needs_normalizing(text), "{text:?}");
        }
    }
}
