//! Tokens: a text in, its words, possessive endings and punctuation out, as byte ranges.
//!
//! The one notion of a word that the article's sentences and the lexicon's phrases share: a
//! phrase of the lexicon matches a text because both are cut here. It lives in the lexicon, which
//! imports no extraction stage; `article` re-exports it.

/// A token: a byte range of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters and digits, with inner hyphens and apostrophes ("Jong-un", "O'Brien"), and
    /// abbreviations that keep their period ("Gen.", "U.S.", "V.").
    Word,
    /// The possessive ending "'s" or "’s", split off its word.
    Possessive,
    /// Any other single character that is not white space.
    Punct,
}

/// Words that keep a following period and do not end a sentence ("Gen. Mark Milley"). Sorted
/// (a unit test checks it): looked up by binary search.
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Brig", "Capt", "Cdr", "Cmdr", "Co", "Col", "Corp", "Dec", "Dr", "Feb",
    "Ft", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd", "Maj", "Mar",
    "Messrs", "Mr", "Mrs", "Ms", "Mt", "No", "Nov", "Oct", "Pres", "Prof", "Rep", "Rev", "Sen",
    "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "etc", "vs",
];

/// Splits `text[start..end]` into tokens.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Token> {
    let line = Line { text: &text[..end] };
    let bytes = line.text.as_bytes();
    // Positions are byte offsets of characters; `line.next(p)` is the character after `p`.
    let at = |p: usize| line.char_at(p);
    let next = |p: usize| line.next(p);
    // About one token for every five characters of news prose.
    let mut tokens = Vec::with_capacity((end - start) / 4);
    let mut p = start;
    while p < end {
        if bytes[p] == b' ' {
            p += 1;
            continue;
        }
        let c = at(p).expect("p < end");
        if c.is_whitespace() {
            p = next(p);
            continue;
        }
        let p1 = next(p);
        if is_apostrophe(c)
            && matches!(at(p1), Some('s' | 'S'))
            && !at(next(p1)).is_some_and(char::is_alphanumeric)
            && text[start..p]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            tokens.push(Token {
                start: p,
                end: next(p1),
                kind: TokenKind::Possessive,
            });
            p = next(p1);
            continue;
        }
        if !c.is_alphanumeric() {
            tokens.push(Token {
                start: p,
                end: p1,
                kind: TokenKind::Punct,
            });
            p = p1;
            continue;
        }
        let begin = p;
        p = p1;
        loop {
            // Most words are ASCII letters: skip them without decoding.
            while bytes
                .get(p)
                .is_some_and(|&b| ASCII_ALPHANUMERIC[usize::from(b)])
            {
                p += 1;
            }
            // Any other ASCII character but these three (a space, a comma) ends the word.
            if bytes
                .get(p)
                .is_none_or(|&b| b.is_ascii() && !matches!(b, b'-' | b'\'' | b'.'))
            {
                break;
            }
            match at(p) {
                Some(c) if c.is_alphanumeric() => p = next(p),
                Some('-') if at(next(p)).is_some_and(char::is_alphanumeric) => p = next(next(p)),
                Some(c) if is_apostrophe(c) && at(next(p)).is_some_and(char::is_alphanumeric) => {
                    // A possessive "'s" is split off; "O'Brien" stays whole.
                    let possessive = matches!(at(next(p)), Some('s' | 'S'))
                        && !at(next(next(p))).is_some_and(char::is_alphanumeric);
                    if possessive {
                        break;
                    }
                    p = next(next(p));
                }
                // Initialisms: "U.S.", "U.N.", "U.S.A."
                Some('.')
                    if p == p1
                        && c.is_uppercase()
                        && at(next(p)).is_some_and(char::is_uppercase)
                        && at(next(next(p))) == Some('.') =>
                {
                    p = next(next(next(p)));
                    while at(p).is_some_and(char::is_uppercase) && at(next(p)) == Some('.') {
                        p = next(next(p));
                    }
                    break;
                }
                _ => break,
            }
        }
        let word = || &text[begin..p];
        let keeps_period = at(p) == Some('.')
            && !word().ends_with('.')
            && (is_abbreviation(word())
                || (p == p1
                    && c.is_uppercase()
                    && at(next(p)) == Some(' ')
                    && at(next(next(p))).is_some_and(char::is_uppercase)));
        if keeps_period {
            p = next(p);
        }
        tokens.push(Token {
            start: begin,
            end: p,
            kind: TokenKind::Word,
        });
    }
    tokens
}

/// Which bytes are ASCII letters and digits, as a table: a word's inner loop tests a byte with
/// one load.
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        table[byte] = (byte as u8).is_ascii_alphanumeric();
        byte += 1;
    }
    table
};

/// The text of a line up to its end, read character by character at byte offsets.
struct Line<'a> {
    text: &'a str,
}

impl Line<'_> {
    /// The character at byte `p`, None at or past the end.
    fn char_at(&self, p: usize) -> Option<char> {
        match *self.text.as_bytes().get(p)? {
            b if b.is_ascii() => Some(char::from(b)),
            _ => self.text[p..].chars().next(),
        }
    }

    /// The byte offset of the character after the one at `p`; the end for the last one.
    fn next(&self, p: usize) -> usize {
        match self.text.as_bytes().get(p) {
            None => self.text.len(),
            Some(b) if b.is_ascii() => p + 1,
            Some(_) => p + self.char_at(p).map_or(1, char::len_utf8),
        }
    }
}

pub(crate) fn is_abbreviation(word: &str) -> bool {
    // None is longer than six letters; most words before a period are.
    word.len() <= 6 && ABBREVIATIONS.binary_search(&word).is_ok()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|pair| pair[0] < pair[1]));
        // `is_abbreviation` turns longer words away before searching.
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= 6));
    }
}
