//! What extraction finds in one article, as plain data, and its record form.
//!
//! In: nothing but serde and the kinds of dates (`time`). Out: the kinds of entities, contacts,
//! statuses and affiliations; [`Evidence`]; an article's own entities, events and affiliations
//! ([`ArticleGraph`], which `extract` makes and `graph` merges); and [`ArticleRecord`], the
//! serde form of an [`ArticleGraph`] (entities referred to by index) that the store keeps in
//! `articles.findings`, a large build spills to a temporary file, and a `graph.json` of an
//! older newsgraph carried. Below both `resolve` and `graph`, so neither imports the other's
//! data in a circle, and the model imports no file format.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::time::DateSource;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Institution,
    Country,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Institution => "institution",
            EntityKind::Country => "country",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Call,
    Meeting,
}

impl ContactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ContactKind::Call => "call",
            ContactKind::Meeting => "meeting",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Happened,
    Planned,
    Denied,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Planned => "planned",
            Status::Denied => "denied",
        }
    }
}

/// How an entity belongs to another: a person to an institution or country, an institution to
/// a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AffiliationKind {
    /// Works in, heads, commands or serves in.
    Member,
    Spokesperson,
    /// A person's country.
    Nationality,
    /// An institution's country.
    PartOf,
}

impl AffiliationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AffiliationKind::Member => "member",
            AffiliationKind::Spokesperson => "spokesperson",
            AffiliationKind::Nationality => "nationality",
            AffiliationKind::PartOf => "part_of",
        }
    }
}

/// Where a statement was read: article, sentence and its character offsets. The article and
/// sentence are shared (`Arc<str>`): a large graph names each article in many places.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub article: Arc<str>,
    pub text: Arc<str>,
    pub start: usize,
    pub end: usize,
}

/// An entity as one article knows it. `key` identifies it within the article.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEntity {
    pub kind: EntityKind,
    pub name: String,
    pub aliases: BTreeSet<String>,
    pub titles: BTreeSet<String>,
    /// Index of the entity's country among the article's entities.
    pub country: Option<usize>,
    /// ISO code, for countries.
    pub iso: Option<String>,
    pub mentions: usize,
}

/// A contact event as one article states it; participants index the article's entities.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEvent {
    pub kind: ContactKind,
    pub status: Status,
    pub participants: Vec<usize>,
    /// The date as written ("Wednesday").
    pub date: Option<String>,
    /// The written date resolved against the publication date (`2024-03-13`, see [`crate::time`]).
    pub date_iso: Option<String>,
    pub initiator: Option<usize>,
    /// How much the fitted pair model believes the event (0 to 1, two decimals; see
    /// `extract/pairs.rs`); none in findings written before the model.
    pub confidence: Option<f32>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LocalAffiliation {
    pub from: usize,
    pub to: usize,
    pub kind: AffiliationKind,
    pub evidence: Evidence,
}

/// What extraction found in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleGraph {
    pub article: String,
    /// A hash of the article text: the same text under two names is read once.
    pub hash: String,
    /// Publication date (ISO) and where it was found.
    pub published: Option<(String, DateSource)>,
    pub entities: Vec<LocalEntity>,
    pub events: Vec<LocalEvent>,
    pub affiliations: Vec<LocalAffiliation>,
}

/// One article's findings: its entities, and its events and affiliations between them
/// (entities are referred to by their index in `entities`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleRecord {
    pub id: String,
    /// A hash of the normalised text (128-bit xxh3, hexadecimal).
    pub hash: String,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Where the publication date was found: `sidecar`, `header` or `path`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_from: Option<DateSource>,
    pub entities: Vec<RecordEntity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<RecordEvent>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub affiliations: Vec<RecordAffiliation>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordEntity {
    pub kind: EntityKind,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    pub mentions: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordEvent {
    pub kind: ContactKind,
    pub status: Status,
    pub participants: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_iso: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiator: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    pub evidence: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordAffiliation {
    pub from: usize,
    pub to: usize,
    pub kind: AffiliationKind,
    pub evidence: String,
    pub start: usize,
    pub end: usize,
}

/// Why an article record cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("article {article:?}: {problem}")]
pub struct RecordError {
    pub article: String,
    pub problem: String,
}

/// The record form of an article's findings.
pub fn record(article: &ArticleGraph) -> ArticleRecord {
    ArticleRecord {
        id: article.article.clone(),
        hash: article.hash.clone(),
        published: article.published.as_ref().map(|(d, _)| d.clone()),
        published_from: article.published.as_ref().map(|(_, s)| *s),
        entities: article
            .entities
            .iter()
            .map(|e| RecordEntity {
                kind: e.kind,
                name: e.name.clone(),
                aliases: e.aliases.iter().cloned().collect(),
                titles: e.titles.iter().cloned().collect(),
                country: e.country,
                iso: e.iso.clone(),
                mentions: e.mentions,
            })
            .collect(),
        events: article
            .events
            .iter()
            .map(|e| RecordEvent {
                kind: e.kind,
                status: e.status,
                participants: e.participants.clone(),
                date: e.date.clone(),
                date_iso: e.date_iso.clone(),
                initiator: e.initiator,
                confidence: e.confidence,
                evidence: e.evidence.text.to_string(),
                start: e.evidence.start,
                end: e.evidence.end,
            })
            .collect(),
        affiliations: article
            .affiliations
            .iter()
            .map(|a| RecordAffiliation {
                from: a.from,
                to: a.to,
                kind: a.kind,
                evidence: a.evidence.text.to_string(),
                start: a.evidence.start,
                end: a.evidence.end,
            })
            .collect(),
    }
}

/// Reads an article record back, checking that every index points at one of its entities.
pub fn from_record(record: ArticleRecord) -> Result<ArticleGraph, RecordError> {
    let n = record.entities.len();
    let id = record.id;
    let bad = |what: &str, index: usize| RecordError {
        article: id.clone(),
        problem: format!("{what} {index} is not one of its {n} entities"),
    };
    let check = |what: &str, index: usize| {
        if index < n {
            Ok(index)
        } else {
            Err(bad(what, index))
        }
    };
    let evidence = |text: String, start: usize, end: usize| Evidence {
        article: id.as_str().into(),
        text: text.into(),
        start,
        end,
    };
    let published = match (record.published, record.published_from) {
        (Some(date), source) => Some((date, source.unwrap_or(DateSource::Header))),
        (None, _) => None,
    };
    let mut entities = Vec::with_capacity(n);
    for e in record.entities {
        if let Some(c) = e.country {
            check("country", c)?;
        }
        entities.push(LocalEntity {
            kind: e.kind,
            name: e.name,
            aliases: e.aliases.into_iter().collect(),
            titles: e.titles.into_iter().collect(),
            country: e.country,
            iso: e.iso,
            mentions: e.mentions,
        });
    }
    let mut events = Vec::new();
    for e in record.events {
        for &p in &e.participants {
            check("participant", p)?;
        }
        if let Some(i) = e.initiator {
            check("initiator", i)?;
        }
        events.push(LocalEvent {
            kind: e.kind,
            status: e.status,
            participants: e.participants,
            date: e.date,
            date_iso: e.date_iso,
            initiator: e.initiator,
            confidence: e.confidence.filter(|c| (0.0..=1.0).contains(c)),
            evidence: evidence(e.evidence, e.start, e.end),
        });
    }
    let mut affiliations = Vec::new();
    for a in record.affiliations {
        affiliations.push(LocalAffiliation {
            from: check("affiliation", a.from)?,
            to: check("affiliation", a.to)?,
            kind: a.kind,
            evidence: evidence(a.evidence, a.start, a.end),
        });
    }
    Ok(ArticleGraph {
        article: id.clone(),
        hash: record.hash,
        published,
        entities,
        events,
        affiliations,
    })
}

/// Every unordered pair of a list, in order.
pub fn pairs<T>(items: &[T]) -> impl Iterator<Item = (&T, &T)> {
    items
        .iter()
        .enumerate()
        .flat_map(move |(i, a)| items[i + 1..].iter().map(move |b| (a, b)))
}
