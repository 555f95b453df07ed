//! `graph.json`: the graph as nodes and edges, schema version 1, and back.
//!
//! The schema is a set of `Serialize` structs converted from the model, so the model can
//! change without breaking users. Reading checks the schema version and rejects unknown
//! fields, so a file of another version or tool fails with a clear message.

use std::collections::BTreeMap;
use std::io;

use serde::{Deserialize, Serialize};

use crate::graph::{
    Affiliation, AffiliationKind, ContactKind, Entity, EntityKind, Event, Evidence, NewsGraph,
    Status,
};

pub const SCHEMA_VERSION: u32 = 1;

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphFile {
    pub schema_version: u32,
    pub generator: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<String>,
    /// The node id of the entity's country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// ISO 3166-1 alpha-2 code, for countries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    pub articles: Vec<String>,
    pub mentions: usize,
}

/// A contact edge (`call`, `meeting`: one pair of one event) or an affiliation edge
/// (`member`, `spokesperson`, `nationality`, `part_of`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<String>,
    /// Every participant of the event (more than two for a multi-party event).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    pub article: String,
    pub evidence: String,
    /// Character offsets of the evidence sentence in the (normalised) article text.
    pub start: usize,
    pub end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiator: Option<String>,
}

/// Why a graph file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("not a newsgraph graph file: {0}")]
    Malformed(#[from] serde_json::Error),
    #[error(
        "schema_version {found} is not supported (this newsgraph reads version {SCHEMA_VERSION})"
    )]
    Version { found: u64 },
    #[error("unknown edge kind {0:?}")]
    EdgeKind(String),
}

/// Converts the graph to its file form.
pub fn to_file(graph: &NewsGraph) -> GraphFile {
    GraphFile {
        schema_version: SCHEMA_VERSION,
        generator: generator(),
        nodes: graph.entities().map(node).collect(),
        edges: edges(graph).collect(),
    }
}

fn generator() -> String {
    format!("newsgraph {}", env!("CARGO_PKG_VERSION"))
}

fn node(e: &Entity) -> Node {
    Node {
        id: e.id.clone(),
        kind: e.kind,
        name: e.name.clone(),
        aliases: e.aliases.iter().cloned().collect(),
        titles: e.titles.iter().cloned().collect(),
        country: e.country.clone(),
        iso: e.iso.clone(),
        articles: e.articles.iter().cloned().collect(),
        mentions: e.mentions,
    }
}

/// The edges of the file: each pair of each event, then the affiliations.
fn edges(graph: &NewsGraph) -> impl Iterator<Item = Edge> + '_ {
    let contacts = graph.events().iter().flat_map(|event| {
        crate::graph::pairs(&event.participants).map(move |(a, b)| Edge {
            source: a.clone(),
            target: b.clone(),
            kind: event.kind.as_str().to_string(),
            status: Some(event.status),
            event: Some(event.id.clone()),
            participants: if event.participants.len() > 2 {
                event.participants.clone()
            } else {
                Vec::new()
            },
            article: event.evidence.article.clone(),
            evidence: event.evidence.text.clone(),
            start: event.evidence.start,
            end: event.evidence.end,
            date: event.date.clone(),
            initiator: event.initiator.clone(),
        })
    });
    let affiliations = graph.affiliations().iter().map(|affiliation| Edge {
        source: affiliation.from.clone(),
        target: affiliation.to.clone(),
        kind: affiliation.kind.as_str().to_string(),
        status: None,
        event: None,
        participants: Vec::new(),
        article: affiliation.evidence.article.clone(),
        evidence: affiliation.evidence.text.clone(),
        start: affiliation.evidence.start,
        end: affiliation.evidence.end,
        date: None,
        initiator: None,
    });
    contacts.chain(affiliations)
}

/// [`GraphFile`] with its lists made one item at a time as they are written, so writing a
/// large graph never holds a second copy of it. Same fields in the same order: the bytes are
/// those of `to_file` (a unit test checks).
#[derive(Serialize)]
#[serde(bound(serialize = "Streamed<N>: Serialize, Streamed<E>: Serialize"))]
struct StreamedFile<N, E> {
    schema_version: u32,
    generator: String,
    nodes: Streamed<N>,
    edges: Streamed<E>,
}

/// A list written from an iterator (taken on first use; serialised once).
struct Streamed<I>(std::cell::RefCell<Option<I>>);

impl<I> Serialize for Streamed<I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let items = self.0.borrow_mut().take();
        serializer.collect_seq(items.into_iter().flatten())
    }
}

/// Writes `graph.json`, pretty-printed, ending with a newline.
pub fn write_json(graph: &NewsGraph, out: &mut dyn io::Write) -> io::Result<()> {
    let file = StreamedFile {
        schema_version: SCHEMA_VERSION,
        generator: generator(),
        nodes: Streamed(std::cell::RefCell::new(Some(graph.entities().map(node)))),
        edges: Streamed(std::cell::RefCell::new(Some(edges(graph)))),
    };
    serde_json::to_writer_pretty(&mut *out, &file)?;
    out.write_all(b"\n")
}

/// Reads a graph file back into a graph.
pub fn read_json(text: &str) -> Result<NewsGraph, ReadError> {
    // The version is checked first, so a future file says so instead of "unknown field".
    let value: serde_json::Value = serde_json::from_str(text)?;
    match value.get("schema_version").and_then(|v| v.as_u64()) {
        Some(v) if v == u64::from(SCHEMA_VERSION) => {}
        Some(found) => return Err(ReadError::Version { found }),
        None => {
            return Err(ReadError::Malformed(serde::de::Error::missing_field(
                "schema_version",
            )))
        }
    }
    let file: GraphFile = serde_json::from_value(value)?;
    from_file(file)
}

/// Converts a file form back into the model.
pub fn from_file(file: GraphFile) -> Result<NewsGraph, ReadError> {
    let entities: Vec<Entity> = file
        .nodes
        .into_iter()
        .map(|n| Entity {
            id: n.id,
            kind: n.kind,
            name: n.name,
            aliases: n.aliases.into_iter().collect(),
            titles: n.titles.into_iter().collect(),
            country: n.country,
            iso: n.iso,
            articles: n.articles.into_iter().collect(),
            mentions: n.mentions,
        })
        .collect();
    let mut events: BTreeMap<String, Event> = BTreeMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut affiliations = Vec::new();
    for edge in file.edges {
        let evidence = Evidence {
            article: edge.article,
            text: edge.evidence,
            start: edge.start,
            end: edge.end,
        };
        let contact = match edge.kind.as_str() {
            "call" => Some(ContactKind::Call),
            "meeting" => Some(ContactKind::Meeting),
            _ => None,
        };
        if let Some(kind) = contact {
            let id = edge
                .event
                .unwrap_or_else(|| format!("{}#{}", evidence.article, order.len() + 1));
            let event = events.entry(id.clone()).or_insert_with(|| {
                order.push(id.clone());
                Event {
                    id,
                    kind,
                    status: edge.status.unwrap_or(Status::Happened),
                    participants: Vec::new(),
                    date: edge.date,
                    initiator: edge.initiator,
                    evidence,
                }
            });
            for p in edge
                .participants
                .into_iter()
                .chain([edge.source, edge.target])
            {
                if !event.participants.contains(&p) {
                    event.participants.push(p);
                }
            }
            event.participants.sort();
            continue;
        }
        let kind = match edge.kind.as_str() {
            "member" => AffiliationKind::Member,
            "spokesperson" => AffiliationKind::Spokesperson,
            "nationality" => AffiliationKind::Nationality,
            "part_of" => AffiliationKind::PartOf,
            other => return Err(ReadError::EdgeKind(other.to_string())),
        };
        affiliations.push(Affiliation {
            from: edge.source,
            to: edge.target,
            kind,
            evidence,
        });
    }
    let events = order
        .into_iter()
        .filter_map(|id| events.remove(&id))
        .collect();
    Ok(NewsGraph::from_parts(entities, events, affiliations))
}
