//! Mentions: an [`Article`] in, the people, institutions and countries it names out, each
//! mention tied to one article-local entity.
//!
//! Capitalised runs of tokens are cut into lexicon phrases (countries, organisations, titles)
//! and unknown capitalised words. Unknown words become institutions when an institution word
//! ends them ("Arctic Council"), places when a place word does ("Galwan Valley"), and people
//! when news writes them as people: after a title, as a full name, or as a known surname.
//!
//! The files stand in a line, each importing only the ones above it:
//! - `shapes.rs`: what a word's spelling says (capitalised, acronym, initial, particle);
//! - `entities.rs`: `Mention`, `Mentions` and the `Builder` that records entities as they are found;
//! - `titles.rs`: titles and role nouns before a name, and who owns the role;
//! - `institutions.rs`: countries and institutions, from the lexicon or from their words;
//! - `candidates.rs`: a leftover capitalised phrase to a person candidate, or to nothing (a
//!   place, an event, a document);
//! - `runs.rs`: a sentence's capitalised runs, cut into pieces and read;
//! - `people.rs`: which candidates are people, the full name each short name stands for, and
//!   each person's country;
//! - `corpus.rs` (tests): the sentences written for each person rule.

mod candidates;
mod entities;
mod institutions;
mod people;
mod runs;
mod shapes;
mod titles;

#[cfg(test)]
mod corpus;

pub use entities::{Mention, Mentions};
pub use people::same_name;
pub(super) use shapes::{is_acronym, is_capitalised};
pub(super) use titles::lowercase_title_before_name;

use crate::article::Article;
use crate::lexicon::Lexicon;
use entities::Builder;

// Only looked up, never iterated.
use rustc_hash::FxHashMap as HashMap;

/// Finds every mention of a person, institution or country in the article.
pub fn find_mentions(lexicon: &Lexicon, article: &Article) -> Mentions {
    find_mentions_in(lexicon, article, &article.words())
}

/// [`find_mentions`] with the article's words ([`Article::words`]) already cut out.
pub(super) fn find_mentions_in(
    lexicon: &Lexicon,
    article: &Article,
    words: &[Vec<&str>],
) -> Mentions {
    let mut builder = Builder {
        lexicon,
        words,
        out: Mentions::default(),
        keys: HashMap::default(),
        people: Vec::new(),
        pending_orgs: HashMap::default(),
    };
    for (s, sentence) in article.sentences.iter().enumerate() {
        builder.scan_sentence(s, sentence);
    }
    builder.resolve_people();
    builder
        .out
        .mentions
        .sort_by_key(|m| (m.sentence, m.start, m.end));
    builder.infer_countries();
    builder
        .out
        .mentions
        .dedup_by(|a, b| a.sentence == b.sentence && a.start == b.start && a.entity == b.entity);
    builder.out
}
