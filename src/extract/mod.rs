//! Extraction: an [`Article`] in, an [`ArticleGraph`] out (its entities, contact events and
//! affiliations). Analysis always succeeds; text it cannot read simply yields nothing.

mod contacts;
mod dates;
mod mentions;

pub use dates::{date_key, find_dates, DateExpr};
pub use mentions::{find_mentions, same_name, Mention, Mentions};

use crate::article::Article;
use crate::graph::{AffiliationKind, ArticleGraph, EntityKind, Evidence, LocalAffiliation};
use crate::lexicon::Lexicon;

/// Reads one article.
pub fn extract(lexicon: &Lexicon, article: &Article) -> ArticleGraph {
    let mentions = find_mentions(lexicon, article);
    let events = contacts::find_events(lexicon, article, &mentions);
    let affiliations = affiliations(article, &mentions);
    // Entities without a mention of their own (a country known only from an institution's
    // table entry) are kept as the target of affiliations only when something points at them.
    ArticleGraph { article: article.path.clone(), entities: mentions.entities, events, affiliations }
}

fn affiliations(article: &Article, mentions: &Mentions) -> Vec<LocalAffiliation> {
    let evidence = |sentence: usize| {
        let sentence = &article.sentences[sentence];
        Evidence {
            article: article.path.clone(),
            text: article.sentence_text(sentence).to_string(),
            start: article.char_offset(sentence.span.start),
            end: article.char_offset(sentence.span.end),
        }
    };
    let first_sentence = |entity: usize| mentions.mentions.iter().find(|m| m.entity == entity).map(|m| m.sentence);
    let mut out = Vec::new();
    for &(person, institution, spokes, sentence) in &mentions.memberships {
        let kind = if spokes { AffiliationKind::Spokesperson } else { AffiliationKind::Member };
        if !out.iter().any(|a: &LocalAffiliation| a.from == person && a.to == institution) {
            out.push(LocalAffiliation { from: person, to: institution, kind, evidence: evidence(sentence) });
        }
    }
    for (index, entity) in mentions.entities.iter().enumerate() {
        let (Some(country), Some(sentence)) = (entity.country, first_sentence(index)) else { continue };
        let kind = match entity.kind {
            EntityKind::Person => AffiliationKind::Nationality,
            EntityKind::Institution => AffiliationKind::PartOf,
            EntityKind::Country => continue,
        };
        out.push(LocalAffiliation { from: index, to: country, kind, evidence: evidence(sentence) });
    }
    out
}
