//! How a name a user writes is compared with the names of the graph: the forms both are
//! brought to before `query` compares them, and the terms the store indexes them by.
//!
//! In: entities (their names, aliases, titles) and names as a user writes them. Out:
//! [`normalize`]d forms, [`Decorations`] (the words that may precede a name: titles,
//! demonyms, honorifics) with the comparable [`Decorations::key`] of a name, and the
//! [`Decorations::terms`] of an entity: every normalized name, its key and each word of the
//! key. `store` writes the terms into `graph.db`, so `query` finds a name's candidates with
//! an index instead of comparing it with every node; `query` scores them the same way for a
//! graph in memory and for a store. The store keeps each distinct term by its length and
//! its [`letters`], so a spelling slip reads and compares only the terms that could be a few
//! edits from the name.

use std::collections::BTreeSet;

use crate::graph::{Entity, EntityKind};
use crate::resolve::{fold, person_key};

/// Honorifics that extraction drops from names, so the graph's titles do not list them.
pub const HONORIFICS: &[&str] = &["dr", "madam", "miss", "mr", "mrs", "ms", "sir"];

/// Folded words that may precede a name: titles from the graph, demonyms and other names of
/// its countries, honorifics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Decorations {
    words: BTreeSet<String>,
}

impl Decorations {
    /// The decorations of a graph's entities: persons' titles and countries' names.
    pub fn of<'e>(entities: impl IntoIterator<Item = &'e Entity>) -> Decorations {
        let mut words: BTreeSet<String> = HONORIFICS.iter().map(|w| w.to_string()).collect();
        for entity in entities {
            let texts: &[String] = match entity.kind {
                EntityKind::Person => &entity.titles,
                EntityKind::Country => &entity.aliases,
                EntityKind::Institution => &[],
            };
            for text in texts {
                words.extend(
                    normalize(text)
                        .split(' ')
                        .filter(|w| w.len() > 1 && !matches!(*w, "of" | "the" | "and" | "for"))
                        .map(str::to_string),
                );
            }
        }
        Decorations { words }
    }

    /// Decorations as listed by [`Decorations::words`] (read back from a store).
    pub fn from_words(words: impl IntoIterator<Item = String>) -> Decorations {
        Decorations {
            words: words.into_iter().collect(),
        }
    }

    /// Every word, sorted.
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(String::as_str)
    }

    /// Drops decoration words from the start of a normalized name, keeping at least one word.
    pub fn strip(&self, normalized: &str) -> String {
        let words: Vec<&str> = normalized.split(' ').collect();
        let start = words
            .iter()
            .position(|w| !self.words.contains(*w))
            .unwrap_or(words.len().saturating_sub(1));
        words[start..].join(" ")
    }

    /// The comparable form of a normalized name: for people, titles and demonyms dropped from
    /// its start, and initials, particles and suffixes too.
    pub fn key(&self, kind: EntityKind, normalized: &str) -> String {
        match kind {
            EntityKind::Person => person_key(&self.strip(normalized)),
            _ => normalized.to_string(),
        }
    }

    /// The terms an entity is found by: each of its names normalized, the key of each (empty
    /// when nothing is left of it) and each word of the key; sorted, each once. A name whose
    /// form, key or a key word equals one of these terms has this entity as a candidate.
    pub fn terms(&self, entity: &Entity) -> Vec<String> {
        let mut terms = BTreeSet::new();
        for form in std::iter::once(&entity.name).chain(&entity.aliases) {
            let normalized = normalize(form);
            let key = self.key(entity.kind, &normalized);
            for word in key.split(' ') {
                terms.insert(word.to_string());
            }
            terms.insert(key);
            terms.insert(normalized);
        }
        terms.into_iter().collect()
    }
}

/// Folded, without dots and apostrophes, other punctuation as spaces, without a leading "the":
/// "the U.S." -> "us", "Niinistö" -> "niinisto".
pub fn normalize(text: &str) -> String {
    let folded: String = fold(text)
        .chars()
        .filter(|c| !matches!(c, '.' | '\''))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let start = usize::from(words.len() > 1 && words[0] == "the");
    words[start..].join(" ")
}

/// The letters of a term as a set of bits (a to z, 0 to 9, any other character by its code):
/// a term with `k` bits the other lacks (or lacking `k` of the other's) is at least `k`
/// edits from it, since an edit adds or removes at most one letter on each side and each
/// bit one term has alone stands for a letter the other lacks.
pub fn letters(term: &str) -> u64 {
    term.chars().fold(0, |bits, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 36 + c as u32 % 28,
        };
        bits | 1 << bit
    })
}

/// How many edits apart two terms are at least, by their [`letters`].
pub fn letters_apart(a: u64, b: u64) -> usize {
    (a & !b).count_ones().max((b & !a).count_ones()) as usize
}
