//! Finding the entity a name in a question stands for.
//!
//! In: a name as written ("Gen. Gerasimov", "Shoygu", "the U.S.") and the entities to look
//! among. Out: the one entity it stands for, or [`QueryError::Ambiguous`] /
//! [`QueryError::Unknown`] with suggestions. Imports only `parse` (its error) of `query`.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use super::parse::QueryError;
use crate::article::tokenize;
use crate::graph::{Entity, EntityKind, NewsGraph};
use crate::lexicon::{Lexicon, Target};
use crate::lookup::{letters, letters_apart, normalize, Decorations};
use crate::resolve::{osa_distance, slug};

/// Finds the entity a name in a question stands for, among entities it is given: all of a
/// graph's ([`find_entity`]), or the candidates a store's index of name terms gives.
pub(super) struct Finder {
    decorations: Decorations,
}

/// A name from a question in the forms [`Finder::score`] compares.
pub(super) struct Wanted {
    /// As written.
    name: String,
    /// As written, trimmed: it may be a node id.
    pub(super) id: String,
    /// The node id of the country the lexicon says it names.
    pub(super) country: Option<String>,
    /// Normalized.
    query: String,
    /// Normalized, without leading titles and demonyms.
    core: String,
    /// The keys of `core` as a person's and as another entity's name.
    core_keys: [String; 2],
}

/// The entities that fit a name best, with their score (lower is better).
pub(super) type Best<'e> = Vec<(u32, &'e Entity)>;

impl Finder {
    pub(super) fn new(decorations: Decorations) -> Finder {
        Finder { decorations }
    }

    pub(super) fn of_graph(graph: &NewsGraph) -> Finder {
        Finder::new(Decorations::of(graph.entities()))
    }

    pub(super) fn wanted(&self, name: &str) -> Wanted {
        let query = normalize(name);
        let core = self.decorations.strip(&query);
        let core_keys = [
            self.decorations.key(EntityKind::Person, &core),
            self.decorations.key(EntityKind::Institution, &core),
        ];
        Wanted {
            name: name.to_string(),
            id: name.trim().to_string(),
            country: lexicon_country(name),
            query,
            core,
            core_keys,
        }
    }

    /// Finds the one entity of a graph a name stands for.
    pub(super) fn find<'e>(
        &self,
        name: &str,
        graph: &'e NewsGraph,
    ) -> Result<&'e Entity, QueryError> {
        let wanted = self.wanted(name);
        let best = self.best(&wanted, graph.entities());
        self.decide(&wanted, best, || self.suggest(&wanted, graph.entities()))
    }

    /// The entities that fit the name best, in the order given.
    pub(super) fn best<'e>(
        &self,
        wanted: &Wanted,
        entities: impl IntoIterator<Item = &'e Entity>,
    ) -> Best<'e> {
        let mut best: Best<'e> = Vec::new();
        for entity in entities {
            let Some(score) = self.score(wanted, entity) else {
                continue;
            };
            match best.first() {
                Some((s, _)) if *s < score => {}
                Some((s, _)) if *s == score => best.push((score, entity)),
                _ => best = vec![(score, entity)],
            }
        }
        best
    }

    /// The one best entity, or why there is none: ambiguous, or unknown with `suggestions`.
    pub(super) fn decide<'e>(
        &self,
        wanted: &Wanted,
        best: Best<'e>,
        suggestions: impl FnOnce() -> Vec<String>,
    ) -> Result<&'e Entity, QueryError> {
        match best.as_slice() {
            [(_, entity)] => Ok(entity),
            [] => Err(QueryError::Unknown {
                name: wanted.name.clone(),
                suggestions: suggestions(),
            }),
            many => {
                let mut candidates: Vec<String> = many
                    .iter()
                    .map(|(_, e)| format!("{} ({})", e.name, e.id))
                    .collect();
                candidates.sort();
                Err(QueryError::Ambiguous {
                    name: wanted.name.clone(),
                    candidates,
                })
            }
        }
    }

    /// The terms (see [`Decorations::terms`]) of every entity that may fit the name with a
    /// score under 100 (all but spelling variants): besides these, only the entity whose id
    /// is [`Wanted::id`] or [`Wanted::country`] can.
    pub(super) fn exact_terms(&self, wanted: &Wanted) -> Vec<String> {
        let mut terms = BTreeSet::from([wanted.query.clone(), wanted.core.clone()]);
        for key in &wanted.core_keys {
            terms.extend(key.split(' ').map(str::to_string));
            terms.insert(key.clone());
        }
        // The empty term is what a name of punctuation alone is: only the whole name may be.
        if !wanted.query.is_empty() {
            terms.remove("");
        }
        terms.into_iter().collect()
    }

    /// Whether an entity with the term (a word of one of its keys) may fit the name as a
    /// spelling variant ([`Finder::score`] 100 and above): the word is close to a word of the
    /// name's core.
    pub(super) fn close_term(&self, wanted: &Wanted, term: &str) -> bool {
        if term.is_empty() || term.contains(' ') {
            return false;
        }
        let length = term.chars().count();
        wanted
            .core_keys
            .iter()
            .flat_map(|k| k.split(' '))
            // At most two edits apart: no closer in length than that, and then close.
            .filter(|word| word.chars().count().abs_diff(length) <= 2)
            .any(|word| close_words(&[word], &[term]).is_some())
    }

    /// Whether an entity with the term (a key or a word of one) may be suggested for an
    /// unknown name ([`Finder::suggest`]).
    pub(super) fn near_term(&self, wanted: &Wanted, term: &str) -> bool {
        let core = wanted.core.as_str();
        let length = core.chars().count();
        let limit = (length / 2).max(2);
        (core.len() >= 3 && term.starts_with(core))
            // The distance is at least the difference in length.
            || (term.chars().count().abs_diff(length) <= limit
                && bag_distance(core, term) <= limit
                && osa_distance(core, term) <= limit)
    }

    /// Which terms [`Finder::close_term`] may accept, told by their length and letters.
    pub(super) fn close_sieve(&self, wanted: &Wanted) -> Sieve {
        Sieve {
            words: wanted
                .core_keys
                .iter()
                .flat_map(|k| k.split(' '))
                .map(|word| (word.chars().count(), letters(word), 2))
                .collect(),
        }
    }

    /// Which terms [`Finder::near_term`] may accept, told by their length and letters,
    /// besides those starting with [`Finder::near_prefix`].
    pub(super) fn near_sieve(&self, wanted: &Wanted) -> Sieve {
        let core = wanted.core.as_str();
        let length = core.chars().count();
        Sieve {
            words: vec![(length, letters(core), (length / 2).max(2))],
        }
    }

    /// What every term [`Finder::near_term`] accepts whatever its length starts with, if
    /// any.
    pub(super) fn near_prefix<'w>(&self, wanted: &'w Wanted) -> Option<&'w str> {
        (wanted.core.len() >= 3).then_some(wanted.core.as_str())
    }

    /// How well a name fits an entity, lower is better: 0 a whole name, alias, id or a
    /// country's name, demonym or capital in the lexicon, 1 a name without titles, 2 a
    /// surname, 3 another part of the name, 100 + edits for a spelling variant.
    fn score(&self, wanted: &Wanted, entity: &Entity) -> Option<u32> {
        let Wanted {
            id,
            country,
            query,
            core,
            ..
        } = wanted;
        if **id == *entity.id || country.as_deref() == Some(entity.id.as_ref()) {
            return Some(0);
        }
        let forms: Vec<String> = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .map(|f| normalize(f))
            .collect();
        if forms.iter().any(|f| f == query) {
            return Some(0);
        }
        let keys: Vec<String> = forms
            .iter()
            .map(|f| self.decorations.key(entity.kind, f))
            .filter(|k| !k.is_empty())
            .collect();
        let core_key = self.decorations.key(entity.kind, core);
        if core_key.is_empty() {
            return None;
        }
        if keys.contains(&core_key) {
            return Some(1);
        }
        let single = !core_key.contains(' ');
        if entity.kind == EntityKind::Person
            && single
            && keys
                .iter()
                .any(|k| k.contains(' ') && k.rsplit(' ').next() == Some(core_key.as_str()))
        {
            return Some(2);
        }
        let core_words: Vec<&str> = core_key.split(' ').collect();
        if keys
            .iter()
            .any(|k| k.contains(' ') && core_words.iter().all(|w| k.split(' ').any(|kw| kw == *w)))
        {
            return Some(3);
        }
        let mut best: Option<u32> = None;
        for key in &keys {
            let key_words: Vec<&str> = key.split(' ').collect();
            let distance = if core_words.len() == key_words.len() {
                close_words(&core_words, &key_words)
            } else if single && entity.kind == EntityKind::Person {
                close_words(&core_words, &key_words[key_words.len() - 1..])
            } else {
                None
            };
            if let Some(d) = distance {
                best = Some(best.map_or(d, |b| b.min(d)));
            }
        }
        best.map(|d| 100 + d)
    }

    /// Up to three entities of `entities` whose names are near the core of an unknown name.
    pub(super) fn suggest<'e>(
        &self,
        wanted: &Wanted,
        entities: impl IntoIterator<Item = &'e Entity>,
    ) -> Vec<String> {
        let core = wanted.core.as_str();
        let limit = (core.chars().count() / 2).max(2);
        let mut near: Vec<(usize, &str)> = Vec::new();
        for entity in entities {
            let mut best = usize::MAX;
            for form in std::iter::once(&entity.name).chain(&entity.aliases) {
                let key = self.decorations.key(entity.kind, &normalize(form));
                for candidate in std::iter::once(key.as_str()).chain(key.split(' ')) {
                    let mut distance = osa_distance(core, candidate);
                    if core.len() >= 3 && candidate.starts_with(core) {
                        distance = distance.min(1);
                    }
                    best = best.min(distance);
                }
            }
            if best <= limit && !near.iter().any(|(_, n)| *n == entity.name) {
                near.push((best, &entity.name));
            }
        }
        near.sort();
        near.into_iter()
            .take(3)
            .map(|(_, n)| n.to_string())
            .collect()
    }
}

/// The node id of the country a name stands for in the built-in lexicon, which knows the
/// names, demonyms and capitals no article of the graph may have used ("Americans").
pub(super) fn lexicon_country(name: &str) -> Option<String> {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    let lexicon = LEXICON.get_or_init(Lexicon::builtin);
    let title_case = |w: &str| -> String {
        let mut chars = w.chars();
        chars
            .next()
            .map(|c| {
                c.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
            .unwrap_or_default()
    };
    let written: Vec<&str> = name.split_whitespace().collect();
    let variants = [
        written.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
        written.iter().map(|w| title_case(w)).collect(),
        written.iter().map(|w| w.to_uppercase()).collect(),
    ];
    for words in variants {
        let text = words.join(" ");
        let tokens: Vec<&str> = tokenize(&text, 0, text.len())
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        if let Some((_, targets)) = lexicon
            .match_at(&tokens, 0)
            .filter(|(n, _)| *n == tokens.len())
        {
            if let Some(Target::Country(index, _)) =
                targets.iter().find(|t| matches!(t, Target::Country(..)))
            {
                return Some(format!("country:{}", slug(&lexicon.countries[*index].name)));
            }
        }
    }
    None
}

/// The terms a comparison may accept, told by their length and [`letters`] alone: a term at
/// most `limit` edits from a word is at most `limit` characters longer or shorter and at
/// least that close by its letters ([`letters_apart`]), so a store reads only the terms of
/// those lengths and compares only those whose letters pass.
pub(super) struct Sieve {
    /// Each word a term is compared with: its length in characters, its letters and how many
    /// edits a term may be from it.
    words: Vec<(usize, u64, usize)>,
}

impl Sieve {
    /// The lengths a term may have, as ranges (inclusive), in order and apart.
    pub(super) fn lengths(&self) -> Vec<(usize, usize)> {
        let mut ranges: Vec<(usize, usize)> = self
            .words
            .iter()
            .map(|&(length, _, limit)| (length.saturating_sub(limit), length + limit))
            .collect();
        ranges.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (from, to) in ranges {
            match merged.last_mut() {
                Some(last) if from <= last.1 + 1 => last.1 = last.1.max(to),
                _ => merged.push((from, to)),
            }
        }
        merged
    }

    /// May a term of `length` characters and these `letters` be accepted?
    pub(super) fn passes(&self, length: usize, letters: u64) -> bool {
        self.words.iter().any(|&(own, bits, limit)| {
            own.abs_diff(length) <= limit && letters_apart(bits, letters) <= limit
        })
    }
}

/// A lower bound of the edit distance: the letters of one that the other lacks, counted
/// with repeats, whichever side lacks more (an edit or a transposition changes it by one at
/// most). Much cheaper than the distance, so most terms are ruled out by it.
fn bag_distance(a: &str, b: &str) -> usize {
    let mut counts: std::collections::HashMap<char, i32> = std::collections::HashMap::new();
    for c in a.chars() {
        *counts.entry(c).or_default() += 1;
    }
    for c in b.chars() {
        *counts.entry(c).or_default() -= 1;
    }
    let only_a: i32 = counts.values().filter(|n| **n > 0).sum();
    let only_b: i32 = counts.values().filter(|n| **n < 0).map(|n| -n).sum();
    only_a.max(only_b) as usize
}

/// The summed edits between two names word by word, if each word is close enough: none for
/// up to three letters, one up to six, two beyond.
pub(super) fn close_words(a: &[&str], b: &[&str]) -> Option<u32> {
    let mut total = 0;
    for (x, y) in a.iter().zip(b) {
        let allowed = match y.chars().count() {
            0..=3 => 0,
            4..=6 => 1,
            _ => 2,
        };
        let d = osa_distance(x, y);
        if d > allowed {
            return None;
        }
        total += d as u32;
    }
    Some(total)
}

/// Finds the one entity a name stands for, as questions do: forgivingly (surnames, no
/// diacritics or titles, small spelling variants), failing on an unknown or ambiguous name.
pub fn find_entity<'g>(graph: &'g NewsGraph, name: &str) -> Result<&'g Entity, QueryError> {
    Finder::of_graph(graph).find(name, graph)
}
