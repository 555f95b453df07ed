//! Extraction: an [`Article`] in, an [`ArticleGraph`] out (its entities, contact events and
//! affiliations). Analysis always succeeds; text it cannot read simply yields nothing.

mod contacts;
mod dates;
mod mentions;
mod pairs;

pub use crate::time::date_words;
pub use dates::{date_key, find_dates, DateExpr};
pub use mentions::{find_mentions, same_name, Mention, Mentions};
pub use pairs::{Candidate, ReadPair};

use crate::article::Article;
use crate::findings::{
    AffiliationKind, ArticleGraph, EntityKind, Evidence, LocalAffiliation, Status,
};
use crate::lexicon::Lexicon;
use crate::time;

/// Reads one article.
pub fn extract(lexicon: &Lexicon, article: &Article) -> ArticleGraph {
    let words = article.words();
    let mentions = mentions::find_mentions_in(lexicon, article, &words);
    let (mut events, used) = contacts::find_events_with_words(lexicon, article, &words, &mentions);
    pairs::weigh(lexicon, article, &words, &mentions, &mut events, &used);
    let affiliations = affiliations(article, &mentions);
    let mut graph = ArticleGraph {
        article: article.path.clone(),
        hash: format!(
            "{:032x}",
            xxhash_rust::xxh3::xxh3_128(article.text.as_bytes())
        ),
        published: article
            .published
            .map(|p| (p.date.format("%Y-%m-%d").to_string(), p.source)),
        entities: mentions.entities,
        events,
        affiliations,
    };
    if let Some(published) = article.published {
        for event in &mut graph.events {
            let forward = event.status == Status::Planned;
            event.date_iso = event
                .date
                .as_deref()
                .and_then(|written| time::resolve(written, published.date, forward));
        }
    }
    drop_unmentioned(&mut graph);
    graph
}

/// What the fitted pair model sees of one article: its entities, the reader's events (made
/// as [`extract`] makes them) and the pairs the model weighs. `scripts/fit_pairs.py` learns
/// from it (through `examples/pair_cues.rs`).
pub struct PairView {
    pub entities: Vec<crate::findings::LocalEntity>,
    pub events: Vec<crate::findings::LocalEvent>,
    pub candidates: Vec<Candidate>,
    /// The pairs of the reader's events, with their cues.
    pub read: Vec<ReadPair>,
}

/// Reads one article as far as the pair model: see [`PairView`].
pub fn pair_view(lexicon: &Lexicon, article: &Article) -> PairView {
    let words = article.words();
    let mentions = mentions::find_mentions_in(lexicon, article, &words);
    let (events, used) = contacts::find_events_with_words(lexicon, article, &words, &mentions);
    let candidates = pairs::candidates(lexicon, article, &words, &mentions, &events);
    let read = pairs::read_pairs(article, &words, &mentions, &events, &used);
    PairView {
        entities: mentions.entities,
        events,
        candidates,
        read,
    }
}

/// Removes entities the text never names (a country known only from an institution's table
/// entry), with whatever points at them.
fn drop_unmentioned(graph: &mut ArticleGraph) {
    let keep: Vec<bool> = graph.entities.iter().map(|e| e.mentions > 0).collect();
    let mut new_index = vec![usize::MAX; keep.len()];
    let mut next = 0;
    for (i, &k) in keep.iter().enumerate() {
        if k {
            new_index[i] = next;
            next += 1;
        }
    }
    let map = |i: usize| (new_index[i] != usize::MAX).then_some(new_index[i]);
    let entities = std::mem::take(&mut graph.entities);
    graph.entities = entities
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep[*i])
        .map(|(_, mut e)| {
            e.country = e.country.and_then(map);
            e
        })
        .collect();
    graph
        .events
        .retain(|e| e.participants.iter().all(|&p| keep[p]));
    for event in &mut graph.events {
        event.participants = event.participants.iter().map(|&p| new_index[p]).collect();
        event.initiator = event.initiator.and_then(map);
    }
    graph.affiliations.retain(|a| keep[a.from] && keep[a.to]);
    for affiliation in &mut graph.affiliations {
        affiliation.from = new_index[affiliation.from];
        affiliation.to = new_index[affiliation.to];
    }
}

fn affiliations(article: &Article, mentions: &Mentions) -> Vec<LocalAffiliation> {
    let evidence = |sentence: usize| {
        let sentence = &article.sentences[sentence];
        Evidence {
            article: article.path.as_str().into(),
            text: article.sentence_text(sentence).into(),
            start: article.char_offset(sentence.span.start),
            end: article.char_offset(sentence.span.end),
        }
    };
    let mut first: Vec<Option<usize>> = vec![None; mentions.entities.len()];
    for m in &mentions.mentions {
        first[m.entity].get_or_insert(m.sentence);
    }
    let first_sentence = |entity: usize| first[entity];
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for &(person, institution, spokes, sentence) in &mentions.memberships {
        let kind = if spokes {
            AffiliationKind::Spokesperson
        } else {
            AffiliationKind::Member
        };
        if seen.insert((person, institution)) {
            out.push(LocalAffiliation {
                from: person,
                to: institution,
                kind,
                evidence: evidence(sentence),
            });
        }
    }
    for (index, entity) in mentions.entities.iter().enumerate() {
        let (Some(country), Some(sentence)) = (entity.country, first_sentence(index)) else {
            continue;
        };
        let kind = match entity.kind {
            EntityKind::Person => AffiliationKind::Nationality,
            EntityKind::Institution => AffiliationKind::PartOf,
            EntityKind::Country => continue,
        };
        out.push(LocalAffiliation {
            from: index,
            to: country,
            kind,
            evidence: evidence(sentence),
        });
    }
    out
}
