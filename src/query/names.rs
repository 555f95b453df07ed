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
use crate::resolve::{fold, osa_distance, person_key, slug};

// Finding names.

/// Finds the entity a name in a question stands for.
pub(super) struct Finder<'g> {
    graph: &'g NewsGraph,
    /// Folded words that may precede a name: titles from the graph, demonyms, honorifics.
    decorations: BTreeSet<String>,
}

/// A name from a question in the forms [`Finder::score`] compares.
pub(super) struct Wanted<'q> {
    /// As written, trimmed: it may be a node id.
    id: &'q str,
    /// The node id of the country the lexicon says it names.
    country: Option<String>,
    /// Normalized.
    query: &'q str,
    /// Normalized, without leading titles and demonyms.
    core: &'q str,
}

/// Honorifics that extraction drops from names, so the graph's titles do not list them.
pub(super) const HONORIFICS: &[&str] = &["dr", "madam", "miss", "mr", "mrs", "ms", "sir"];

impl<'g> Finder<'g> {
    pub(super) fn new(graph: &'g NewsGraph) -> Finder<'g> {
        let mut decorations: BTreeSet<String> = HONORIFICS.iter().map(|w| w.to_string()).collect();
        for entity in graph.entities() {
            let words: Vec<&String> = match entity.kind {
                EntityKind::Person => entity.titles.iter().collect(),
                EntityKind::Country => entity.aliases.iter().collect(),
                EntityKind::Institution => Vec::new(),
            };
            for text in words {
                decorations.extend(
                    normalize(text)
                        .split(' ')
                        .filter(|w| w.len() > 1 && !matches!(*w, "of" | "the" | "and" | "for"))
                        .map(str::to_string),
                );
            }
        }
        Finder { graph, decorations }
    }

    pub(super) fn find(&self, name: &str) -> Result<&'g Entity, QueryError> {
        let query = normalize(name);
        let core = self.strip(&query);
        let wanted = Wanted {
            id: name.trim(),
            country: lexicon_country(name),
            query: &query,
            core: &core,
        };
        let mut best: Vec<(u32, &'g Entity)> = Vec::new();
        for entity in self.graph.entities() {
            let Some(score) = self.score(&wanted, entity) else {
                continue;
            };
            match best.first() {
                Some((s, _)) if *s < score => {}
                Some((s, _)) if *s == score => best.push((score, entity)),
                _ => best = vec![(score, entity)],
            }
        }
        match best.as_slice() {
            [(_, entity)] => Ok(entity),
            [] => Err(QueryError::Unknown {
                name: name.to_string(),
                suggestions: self.suggest(&core),
            }),
            many => {
                let mut candidates: Vec<String> = many
                    .iter()
                    .map(|(_, e)| format!("{} ({})", e.name, e.id))
                    .collect();
                candidates.sort();
                Err(QueryError::Ambiguous {
                    name: name.to_string(),
                    candidates,
                })
            }
        }
    }

    /// How well a name fits an entity, lower is better: 0 a whole name, alias, id or a
    /// country's name, demonym or capital in the lexicon, 1 a name without titles, 2 a
    /// surname, 3 another part of the name, 100 + edits for a spelling variant.
    fn score(&self, wanted: &Wanted<'_>, entity: &Entity) -> Option<u32> {
        let Wanted {
            id,
            country,
            query,
            core,
        } = wanted;
        if **id == *entity.id || country.as_deref() == Some(entity.id.as_ref()) {
            return Some(0);
        }
        let forms: Vec<String> = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .map(|f| normalize(f))
            .collect();
        if forms.iter().any(|f| f == *query) {
            return Some(0);
        }
        let keys: Vec<String> = forms
            .iter()
            .map(|f| self.key(entity.kind, f))
            .filter(|k| !k.is_empty())
            .collect();
        let core_key = self.key(entity.kind, core);
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

    /// The comparable form of a name: titles and demonyms dropped from its start, and for
    /// people initials, particles and suffixes too.
    fn key(&self, kind: EntityKind, normalized: &str) -> String {
        match kind {
            EntityKind::Person => person_key(&self.strip(normalized)),
            _ => normalized.to_string(),
        }
    }

    /// Drops decoration words from the start of a normalized name, keeping at least one word.
    fn strip(&self, normalized: &str) -> String {
        let words: Vec<&str> = normalized.split(' ').collect();
        let start = words
            .iter()
            .position(|w| !self.decorations.contains(*w))
            .unwrap_or(words.len().saturating_sub(1));
        words[start..].join(" ")
    }

    /// Up to three entities whose names are near the core of an unknown name.
    fn suggest(&self, core: &str) -> Vec<String> {
        let limit = (core.chars().count() / 2).max(2);
        let mut near: Vec<(usize, &str)> = Vec::new();
        for entity in self.graph.entities() {
            let mut best = usize::MAX;
            for form in std::iter::once(&entity.name).chain(&entity.aliases) {
                let key = self.key(entity.kind, &normalize(form));
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

/// Folded, without dots and apostrophes, other punctuation as spaces, without a leading "the":
/// "the U.S." -> "us", "Niinistö" -> "niinisto".
pub(super) fn normalize(text: &str) -> String {
    let folded: String = fold(text)
        .chars()
        .filter(|c| !matches!(c, '.' | '\''))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let start = usize::from(words.len() > 1 && words[0] == "the");
    words[start..].join(" ")
}

/// Finds the one entity a name stands for, as questions do: forgivingly (surnames, no
/// diacritics or titles, small spelling variants), failing on an unknown or ambiguous name.
pub fn find_entity<'g>(graph: &'g NewsGraph, name: &str) -> Result<&'g Entity, QueryError> {
    Finder::new(graph).find(name)
}
