//! Contact events: an article with its mentions in, the calls and meetings it states out.
//!
//! Each contact word ("spoke", "phone", "met", "talks", ...) is read with the actors on its
//! left (the subject: a name, "X and Y", a pronoun, "the two men") and on its right (the
//! object after "with"/"to", or "between X and Y"). Actors the sentence leaves unnamed are
//! taken from the discourse: the pair of the latest event ("the pair", "they"), the person a
//! pronoun points back to, the one person of a country ("his Russian counterpart"). Mentions of
//! one event are then merged: the same pair, status and date is one event, and a mention
//! without a date joins the pair's first dated event.
//!
//! The files stand in a line, each importing only the ones above it:
//! - `reader.rs`: the `Reader` (an article's words, their lowercase forms and contact-word
//!   classes, its mentions, the event in focus), `Statement` and `Actor`;
//! - `referents.rs`: who an unnamed actor is (pronouns, descriptions, counterparts, the
//!   leader of a delegation, a role's holder in apposition);
//! - `phrases.rs`: the actors a noun phrase names, lists of participants among them;
//! - `frames.rs`: whether a contact word is used as one, and how it counts its participants;
//! - `sides.rs`: the actor on each side of a contact word;
//! - `modality.rs`: a contact's status, kind and date from the words around it;
//! - `statements.rs`: one sentence's contacts, and the people who attended them;
//! - `events.rs`: statements merged into events, initiators, sides covered by their people.

mod events;
mod frames;
mod modality;
mod phrases;
mod reader;
mod referents;
mod sides;
mod statements;

use std::collections::BTreeSet;

use crate::article::Article;
use crate::extract::mentions::Mentions;
use crate::findings::{LocalEvent, Status};
use crate::lexicon::{ContactWord, Lexicon};
use events::{assign_initiators, drop_covered_sides, merge};
use reader::Reader;

/// The contact words of each sentence used as such ("came together", not "stood together
/// with"), as the reader reads them: (token, class).
/// Only the sentences `wanted` are read; the others have none.
pub(in crate::extract) fn contact_words<'a>(
    lexicon: &'a Lexicon,
    words: &'a [Vec<&'a str>],
    mentions: &'a Mentions,
    wanted: impl Fn(usize) -> bool,
) -> Vec<Vec<(usize, ContactWord)>> {
    let mut buffer = String::new();
    let reader = Reader::new(lexicon, words, mentions, &mut buffer);
    (0..words.len())
        .map(|s| {
            if !wanted(s) {
                return Vec::new();
            }
            (0..words[s].len())
                .filter_map(|t| reader.trigger(s, t).map(|class| (t, class)))
                .collect()
        })
        .collect()
}

/// Finds the contact events of an article (`words` are its words, [`Article::words`]), with
/// the contact words (as [`contact_words`] reads them) of each sentence that tells one of the
/// events; the other sentences have none.
pub(in crate::extract) fn find_events_with_words<'a>(
    lexicon: &'a Lexicon,
    article: &Article,
    words: &'a [Vec<&'a str>],
    mentions: &'a Mentions,
) -> (Vec<LocalEvent>, Vec<Vec<(usize, ContactWord)>>) {
    let mut buffer = String::new();
    let mut reader = Reader::new(lexicon, words, mentions, &mut buffer);
    let mut statements = Vec::new();
    let mut initiators: Vec<(usize, usize)> = Vec::new();
    for s in 0..article.sentences.len() {
        let found = reader.read_sentence(s);
        // The discourse follows what happened; plans move the focus only when there is none.
        let happened: BTreeSet<Vec<usize>> = found
            .iter()
            .filter(|st| st.status == Status::Happened)
            .map(|st| st.participants.clone())
            .collect();
        let pairs = if happened.is_empty() && reader.focus.is_some() {
            BTreeSet::new()
        } else if happened.is_empty() {
            found.iter().map(|st| st.participants.clone()).collect()
        } else {
            happened
        };
        for p in &pairs {
            *reader.salience.entry(p.clone()).or_default() += 1;
        }
        if pairs.len() == 1 {
            reader.focus = pairs.into_iter().next();
        } else if pairs.len() > 1 && !reader.focus.as_ref().is_some_and(|f| pairs.contains(f)) {
            reader.focus = reader
                .salience
                .iter()
                .max_by_key(|(p, n)| (**n, std::cmp::Reverse((*p).clone())))
                .map(|(p, _)| p.clone());
        }
        if let Some(focus) = &reader.focus {
            if focus.iter().any(|&e| reader.is_person(e)) {
                reader.people_focus = Some(focus.clone());
            }
            if focus.len() == 2 {
                reader.pair_focus = Some(focus.clone());
            }
        }
        if let Some(initiator) = reader.initiator(s) {
            initiators.push((s, initiator));
        }
        statements.extend(found);
    }
    let mut events = merge(article, &reader, statements);
    assign_initiators(mentions, &mut events, &initiators, article);
    drop_covered_sides(mentions, &mut events);
    let told: BTreeSet<usize> = events.iter().map(|e| e.evidence.start).collect();
    let used = article
        .sentences
        .iter()
        .enumerate()
        .map(|(s, sentence)| {
            if !told.contains(&article.char_offset(sentence.span.start)) {
                return Vec::new();
            }
            (0..words[s].len())
                .filter_map(|t| reader.trigger(s, t).map(|class| (t, class)))
                .collect()
        })
        .collect();
    (events, used)
}
