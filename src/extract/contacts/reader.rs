//! What the contact reader sees: an article's words and mentions in, the `Reader` over them
//! out: each word's lowercase form and contact-word class (looked up once), the mention at a
//! token, and the discourse so far (the pair in focus, the latest pair of people, how often
//! each pair was named). `Statement` is one contact as a sentence states it, `Actor` one side
//! as the sentence names it.

use std::collections::BTreeMap;

use crate::extract::dates::find_dates;
use crate::extract::mentions::Mentions;
use crate::findings::{ContactKind, EntityKind, Status};
use crate::lexicon::{ContactWord, Lexicon};

/// One statement of a contact, before merging.
#[derive(Debug, Clone)]
pub(super) struct Statement {
    pub(super) participants: Vec<usize>,
    pub(super) kind: ContactKind,
    pub(super) strong: bool,
    pub(super) status: Status,
    pub(super) date: Option<String>,
    pub(super) sentence: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Actor {
    Entities(Vec<usize>),
    /// The pair (or group) of the latest event.
    Focus,
    /// Someone the text does not let us name: stops the search.
    Unknown,
}

pub(super) struct Reader<'a> {
    pub(super) lexicon: &'a Lexicon,
    pub(super) mentions: &'a Mentions,
    pub(super) words: &'a [Vec<&'a str>],
    /// The words in lowercase with apostrophes unified.
    pub(super) lower: Vec<Vec<&'a str>>,
    /// The contact word class of every word, looked up once.
    pub(super) classes: Vec<Vec<Option<ContactWord>>>,
    pub(super) article_has_call: bool,
    pub(super) focus: Option<Vec<usize>>,
    /// The latest focus with a person in it: people who attend join people's meetings.
    pub(super) people_focus: Option<Vec<usize>>,
    /// The latest focus of exactly two: whom "the two men" mean when others joined the
    /// focus since.
    pub(super) pair_focus: Option<Vec<usize>>,
    /// The people of the latest gathering that others may still join: those of an event
    /// read with its attendees, or the one host of guests the text does not name ("X met
    /// some governors"). A new contact closes it.
    pub(super) gathering: Option<Vec<usize>>,
    /// The kind of the latest contact that happened: what "the talks" others attended were.
    pub(super) latest_kind: Option<ContactKind>,
    pub(super) salience: BTreeMap<Vec<usize>, usize>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(
        lexicon: &'a Lexicon,
        words: &'a [Vec<&'a str>],
        mentions: &'a Mentions,
        buffer: &'a mut String,
    ) -> Self {
        let lower = lowercase_words(words, buffer);
        let classes: Vec<Vec<Option<ContactWord>>> = lower
            .iter()
            .map(|ws| ws.iter().map(|w| lexicon.contact_word(w)).collect())
            .collect();
        let article_has_call = classes
            .iter()
            .flatten()
            .any(|&class| class == Some(ContactWord::Call));
        Reader {
            lexicon,
            mentions,
            words,
            lower,
            classes,
            article_has_call,
            focus: None,
            people_focus: None,
            pair_focus: None,
            gathering: None,
            latest_kind: None,
            salience: BTreeMap::new(),
        }
    }
}

/// The lowercase form of every word, apostrophes unified: the word itself when it already is
/// that (most words), else a slice of `buffer`, where the other forms are written one after
/// another, so lowercasing an article allocates once rather than once a word.
pub(super) fn lowercase_words<'a>(
    words: &[Vec<&'a str>],
    buffer: &'a mut String,
) -> Vec<Vec<&'a str>> {
    let mut lower: Vec<Vec<&str>> = Vec::with_capacity(words.len());
    // Where the forms written to the buffer go: (sentence, token, range of the buffer).
    let mut written = Vec::new();
    for (s, sentence) in words.iter().enumerate() {
        let mut forms = Vec::with_capacity(sentence.len());
        for (t, &word) in sentence.iter().enumerate() {
            // One pass over the bytes tells most words (lowercase ASCII) apart.
            if !word
                .bytes()
                .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
            {
                forms.push(word);
                continue;
            }
            let start = buffer.len();
            if word.is_ascii() {
                buffer.push_str(word);
                buffer[start..].make_ascii_lowercase();
            } else {
                buffer.push_str(&word.to_lowercase().replace('’', "'"));
            }
            // A place holder until the buffer is complete.
            forms.push("");
            written.push((s, t, start..buffer.len()));
        }
        lower.push(forms);
    }
    let buffer: &'a str = buffer;
    for (s, t, range) in written {
        lower[s][t] = &buffer[range];
    }
    lower
}

impl Reader<'_> {
    pub(super) fn is_person(&self, entity: usize) -> bool {
        self.mentions.entities[entity].kind == EntityKind::Person
    }

    /// The entity of the mention covering token `j`, if any.
    pub(super) fn mention_at(&self, s: usize, j: usize) -> Option<usize> {
        self.mention_span_at(s, j).map(|(e, _, _)| e)
    }

    pub(super) fn is_demonym_at(&self, s: usize, j: usize) -> bool {
        self.mentions
            .in_sentence(s)
            .iter()
            .any(|m| m.start <= j && j < m.end && m.demonym)
    }

    pub(super) fn mention_span_at(&self, s: usize, j: usize) -> Option<(usize, usize, usize)> {
        self.mentions
            .in_sentence(s)
            .iter()
            .filter(|m| m.start <= j && j < m.end)
            .max_by_key(|m| (self.is_person(m.entity), m.end - m.start))
            .map(|m| (m.entity, m.start, m.end))
    }
}

/// Is `word` (the first of `words`) part of a time phrase: "on Monday", "late yesterday",
/// "this week", a date?
pub(super) fn is_time_word(words: &[&str], word: &str) -> bool {
    matches!(
        word,
        "on" | "last"
            | "late"
            | "early"
            | "this"
            | "week"
            | "month"
            | "today"
            | "yesterday"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
    ) || find_dates(&words[..1.min(words.len())]).len() == 1
        || words.first().is_some_and(|w| {
            matches!(
                *w,
                "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
            )
        })
}

pub(super) fn is_possessive_next(words: &[&str], end: usize) -> bool {
    words.get(end).is_some_and(|w| *w == "'s" || *w == "’s")
}

/// Is token `j` a pronoun that names someone as an object: "him", or "her" before punctuation
/// or a preposition ("received her at the palace"), not "her" before a noun ("her
/// counterpart")?
pub(super) fn object_pronoun_at(lower: &[&str], j: usize) -> bool {
    match lower.get(j) {
        Some(&"him") => true,
        Some(&"her") => lower.get(j + 1).is_none_or(|n| {
            !n.chars().next().is_some_and(char::is_alphanumeric)
                || matches!(*n, "at" | "in" | "on" | "during" | "and" | "when" | "while")
        }),
        _ => false,
    }
}
