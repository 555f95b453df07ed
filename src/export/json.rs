//! `graph.json`: the graph as nodes and edges, schema version 1, and back.
//!
//! The schema is a set of `Serialize` structs converted from the model, so the model can
//! change without breaking users. Reading checks the schema version and rejects unknown
//! fields, so a file of another version or tool fails with a clear message.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// The article records a `graph.json` of an older newsgraph carries are the findings' own
/// record form (`findings.rs`), shared with the store.
pub use crate::findings::{
    record, ArticleRecord, RecordAffiliation, RecordEntity, RecordError, RecordEvent,
};
use crate::graph::{
    Affiliation, AffiliationKind, ArticleGraph, ContactKind, Entity, EntityKind, Event, Evidence,
    NewsGraph, Parts, Status,
};
use crate::resolve::Aliases;

pub const SCHEMA_VERSION: u32 = 1;

/// The whole file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GraphFile {
    pub schema_version: u32,
    pub generator: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// The user's alias rules the graph was built with (`A = B`, `A != B`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// What each article said, so graphs can be merged and updated without the texts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<ArticleRecord>,
}

/// One report of an event that several articles tell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub article: Arc<str>,
    pub evidence: Arc<str>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Node {
    pub id: Arc<str>,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub titles: Vec<String>,
    /// The node id of the entity's country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Arc<str>>,
    /// ISO 3166-1 alpha-2 code, for countries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
    pub articles: Vec<Arc<str>>,
    pub mentions: usize,
}

/// A contact edge (`call`, `meeting`: one pair of one event) or an affiliation edge
/// (`member`, `spokesperson`, `nationality`, `part_of`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    pub source: Arc<str>,
    pub target: Arc<str>,
    /// `call`, `meeting`, or an affiliation kind (written by newsgraph: never allocated).
    pub kind: Cow<'static, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event: Option<Arc<str>>,
    /// Every participant of the event (more than two for a multi-party event).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<Arc<str>>,
    pub article: Arc<str>,
    pub evidence: Arc<str>,
    /// Character offsets of the evidence sentence in the (normalised) article text.
    pub start: usize,
    pub end: usize,
    /// The date as written ("Wednesday").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The date resolved against the article's publication date: `2024-03-13`, `2024-W10`,
    /// `2024-03` or `2024`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_iso: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initiator: Option<Arc<str>>,
    /// How much the fitted pair model believes the event, 0 to 1 (contact edges).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// How many articles report the event (contact edges).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reports: Option<usize>,
    /// Every report when several articles tell the event; the first is `article`/`evidence`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// Why a graph file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("empty file, not a graph")]
    Empty,
    /// The JSON stops in the middle (a copy or a write that was cut off).
    #[error("truncated: the JSON ends early ({0})")]
    Truncated(serde_json::Error),
    #[error("not valid JSON: {0}")]
    Syntax(serde_json::Error),
    /// JSON of another shape: another tool's file, or a hand edit.
    #[error("not a newsgraph graph file: {0}")]
    Malformed(#[from] serde_json::Error),
    /// JSON without the `schema_version` of a graph file.
    #[error("not a newsgraph graph file (another tool's JSON?): {0}")]
    Foreign(String),
    #[error(
        "schema_version {found} is not supported (this newsgraph reads version {SCHEMA_VERSION})"
    )]
    Version { found: u64 },
    #[error("unknown edge kind {0:?}")]
    EdgeKind(String),
    #[error("article {article:?}: {problem}")]
    Record { article: String, problem: String },
    #[error("alias rule {0}")]
    Alias(String),
}

/// Converts the graph to its file form, without its article records (see [`write_json`]).
pub fn to_file(graph: &NewsGraph) -> GraphFile {
    GraphFile {
        schema_version: SCHEMA_VERSION,
        generator: generator(),
        nodes: nodes(graph).collect(),
        edges: edges(graph).collect(),
        aliases: graph.aliases().lines().to_vec(),
        // Written one by one by `write_json`, never all held at once.
        articles: Vec::new(),
    }
}

/// Converts the graph to its file form (without records), taking it apart as it goes, so the
/// two are never held whole at once.
pub fn into_file(graph: NewsGraph) -> GraphFile {
    let Parts {
        entities,
        events,
        affiliations,
        aliases,
        records: _,
    } = graph.into_parts();
    let nodes = entities
        .into_iter()
        .map(|e| Node {
            id: e.id,
            kind: e.kind,
            name: e.name,
            aliases: e.aliases,
            titles: e.titles,
            country: e.country,
            iso: e.iso,
            articles: e.articles,
            mentions: e.mentions,
        })
        .collect();
    // Room for every edge at once: a growing list would briefly hold two copies.
    let pairs: usize = events
        .iter()
        .map(|e| e.participants.len() * e.participants.len().saturating_sub(1) / 2)
        .sum();
    let mut edges = Vec::with_capacity(pairs + affiliations.len());
    for event in events {
        edges.extend(event_edges(&event));
    }
    edges.extend(affiliations.into_iter().map(|a| affiliation_edge(&a)));
    GraphFile {
        schema_version: SCHEMA_VERSION,
        generator: generator(),
        nodes,
        edges,
        aliases: aliases.lines().to_vec(),
        articles: Vec::new(),
    }
}

fn generator() -> String {
    format!("newsgraph {}", env!("CARGO_PKG_VERSION"))
}

/// The graph's nodes in file form, one at a time.
fn nodes(graph: &NewsGraph) -> impl Iterator<Item = Node> + '_ {
    graph.entities().map(|e| Node {
        id: e.id.clone(),
        kind: e.kind,
        name: e.name.clone(),
        aliases: e.aliases.to_vec(),
        titles: e.titles.to_vec(),
        country: e.country.clone(),
        iso: e.iso.clone(),
        articles: e.articles.to_vec(),
        mentions: e.mentions,
    })
}

/// The graph's edges in file form, one at a time: each pair of each event, then the
/// affiliations.
fn edges(graph: &NewsGraph) -> impl Iterator<Item = Edge> + '_ {
    let contacts = graph.events().iter().flat_map(event_edges);
    contacts.chain(graph.affiliations().iter().map(affiliation_edge))
}

/// The edges of an event: one for each pair of its participants.
fn event_edges(event: &Event) -> Vec<Edge> {
    crate::graph::pairs(&event.participants)
        .map(|(a, b)| Edge {
            source: a.clone(),
            target: b.clone(),
            kind: Cow::Borrowed(event.kind.as_str()),
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
            date_iso: event.date_iso.clone(),
            initiator: event.initiator.clone(),
            confidence: event.confidence,
            reports: Some(event.reports()),
            sources: event
                .sources
                .iter()
                .map(|e| Source {
                    article: e.article.clone(),
                    evidence: e.text.clone(),
                    start: e.start,
                    end: e.end,
                })
                .collect(),
        })
        .collect()
}

fn affiliation_edge(affiliation: &Affiliation) -> Edge {
    Edge {
        source: affiliation.from.clone(),
        target: affiliation.to.clone(),
        kind: Cow::Borrowed(affiliation.kind.as_str()),
        status: None,
        event: None,
        participants: Vec::new(),
        article: affiliation.evidence.article.clone(),
        evidence: affiliation.evidence.text.clone(),
        start: affiliation.evidence.start,
        end: affiliation.evidence.end,
        date: None,
        date_iso: None,
        initiator: None,
        confidence: None,
        reports: None,
        sources: Vec::new(),
    }
}

/// Reads an article record back, checking that every index points at one of its entities.
pub fn from_record(record: ArticleRecord) -> Result<ArticleGraph, ReadError> {
    crate::findings::from_record(record).map_err(|e| ReadError::Record {
        article: e.article,
        problem: e.problem,
    })
}

/// Writes `graph.json`, pretty-printed, ending with a newline: nodes, edges and alias rules.
/// What each article said lives in the store (`graph.db`), not here.
pub fn write_json(graph: &NewsGraph, out: &mut dyn io::Write) -> io::Result<()> {
    // Nodes and edges are written one at a time: a large graph is never held twice.
    let aliases = graph.aliases().lines();
    Records::new(out, &generator(), nodes(graph), edges(graph), aliases)?.finish()
}

/// Writes a graph file: the layout of `serde_json`'s pretty printer for nodes and edges, then
/// its article records (a file read from an older newsgraph has them) one a line.
pub fn write_file(file: &GraphFile, out: &mut dyn io::Write) -> io::Result<()> {
    let nodes = file.nodes.iter().cloned();
    let edges = file.edges.iter().cloned();
    let mut records = Records::new(out, &file.generator, nodes, edges, &file.aliases)?;
    for article in &file.articles {
        records.push(article)?;
    }
    records.finish()
}

/// Writes `"name": [items]` as a field of the top-level object, pretty-printed: each item as
/// `serde_json::to_string_pretty` lays it out, every line indented by four spaces.
fn write_list<T: Serialize>(
    out: &mut dyn io::Write,
    name: &str,
    items: impl Iterator<Item = T>,
) -> io::Result<()> {
    write!(out, ",\n  \"{name}\": [")?;
    // Each item is printed into one buffer, indented as it is printed, and written at once.
    let mut text = Vec::with_capacity(1 << 12);
    let mut any = false;
    for item in items {
        text.clear();
        text.extend_from_slice(if any { b",\n    " } else { b"\n    " });
        any = true;
        item.serialize(&mut serde_json::Serializer::with_formatter(
            &mut text,
            ListItem::default(),
        ))?;
        out.write_all(&text)?;
    }
    out.write_all(if any { b"\n  ]" } else { b"]" })
}

/// serde_json's pretty layout (`PrettyFormatter`, two spaces a level) for an item of a list of
/// the top-level object: each line indented by four more spaces, as if the item's own pretty
/// text were indented line by line.
#[derive(Default)]
struct ListItem {
    depth: usize,
    has_value: bool,
}

impl ListItem {
    /// `lead` (a newline, with a comma before it or not), then the indentation of the depth.
    fn new_line<W: ?Sized + io::Write>(&self, out: &mut W, lead: &[u8]) -> io::Result<()> {
        const SPACES: &[u8; 64] = &[b' '; 64];
        out.write_all(lead)?;
        let width = 4 + 2 * self.depth;
        match SPACES.get(..width) {
            Some(spaces) => out.write_all(spaces),
            None => (0..width).try_for_each(|_| out.write_all(b" ")),
        }
    }

    /// Opens an array or object one level deeper.
    fn open<W: ?Sized + io::Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        out.write_all(bracket)
    }

    /// Closes an array or object, on a line of its own when it held anything.
    fn close<W: ?Sized + io::Write>(&mut self, out: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(out, b"\n")?;
        }
        out.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for ListItem {
    fn begin_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.new_line(out, if first { b"\n" } else { b",\n" })
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.open(out, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        self.close(out, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        out: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.new_line(out, if first { b"\n" } else { b",\n" })
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, out: &mut W) -> io::Result<()> {
        out.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _out: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// A graph file being written: the head is out, the article records follow one by one.
struct Records<'w> {
    out: &'w mut dyn io::Write,
    first: bool,
}

impl<'w> Records<'w> {
    fn new(
        out: &'w mut dyn io::Write,
        generator: &str,
        nodes: impl Iterator<Item = Node>,
        edges: impl Iterator<Item = Edge>,
        aliases: &[String],
    ) -> io::Result<Records<'w>> {
        write!(
            out,
            "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"generator\": "
        )?;
        serde_json::to_writer(&mut *out, generator)?;
        write_list(out, "nodes", nodes)?;
        write_list(out, "edges", edges)?;
        if !aliases.is_empty() {
            write_list(out, "aliases", aliases.iter())?;
        }
        Ok(Records { out, first: true })
    }

    fn push(&mut self, record: &ArticleRecord) -> io::Result<()> {
        self.push_line(&serde_json::to_string(record)?)
    }

    /// Adds a record already in compact JSON.
    fn push_line(&mut self, record: &str) -> io::Result<()> {
        self.out.write_all(if self.first {
            b",\n  \"articles\": [\n    "
        } else {
            b",\n    "
        })?;
        self.first = false;
        self.out.write_all(record.as_bytes())
    }

    fn finish(self) -> io::Result<()> {
        if !self.first {
            self.out.write_all(b"\n  ]")?;
        }
        self.out.write_all(b"\n}\n")
    }
}

/// Reads a graph file back into a graph.
pub fn read_json(text: &str) -> Result<NewsGraph, ReadError> {
    from_file(parse_file(text)?)
}

/// Reads the text of a graph file into its file form, checking the schema version first.
pub fn parse_file(text: &str) -> Result<GraphFile, ReadError> {
    if text.trim().is_empty() {
        return Err(ReadError::Empty);
    }
    // The version is checked first, so a future file says so instead of "unknown field".
    let value: serde_json::Value = serde_json::from_str(text).map_err(|error| {
        if error.is_eof() {
            ReadError::Truncated(error)
        } else {
            ReadError::Syntax(error)
        }
    })?;
    let Some(object) = value.as_object() else {
        return Err(ReadError::Foreign(format!(
            "the top level is {}, not an object",
            json_kind(&value)
        )));
    };
    match object.get("schema_version") {
        Some(version) => match version.as_u64() {
            Some(v) if v == u64::from(SCHEMA_VERSION) => {}
            Some(found) => return Err(ReadError::Version { found }),
            None => {
                return Err(ReadError::Foreign(format!(
                    "schema_version is {}, not a version number",
                    json_kind(version)
                )))
            }
        },
        None => {
            return Err(ReadError::Foreign(
                "no schema_version field at the top level".to_string(),
            ))
        }
    }
    drop(value);
    // Parsed again from the text, so an error names its line and column.
    Ok(serde_json::from_str(text)?)
}

fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// A list as the model keeps it: sorted, each item once (a file may say otherwise).
fn sorted<T: Ord>(mut items: Vec<T>) -> Vec<T> {
    items.sort();
    items.dedup();
    items
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
            aliases: sorted(n.aliases),
            titles: sorted(n.titles),
            country: n.country,
            iso: n.iso,
            articles: sorted(n.articles),
            mentions: n.mentions,
        })
        .collect();
    let mut events: BTreeMap<Arc<str>, Event> = BTreeMap::new();
    let mut order: Vec<Arc<str>> = Vec::new();
    let mut affiliations = Vec::new();
    for edge in file.edges {
        let evidence = Evidence {
            article: edge.article,
            text: edge.evidence,
            start: edge.start,
            end: edge.end,
        };
        let contact = match &*edge.kind {
            "call" => Some(ContactKind::Call),
            "meeting" => Some(ContactKind::Meeting),
            _ => None,
        };
        if let Some(kind) = contact {
            let id = edge
                .event
                .unwrap_or_else(|| format!("{}#{}", evidence.article, order.len() + 1).into());
            let event = events.entry(id.clone()).or_insert_with(|| {
                order.push(id.clone());
                Event {
                    id,
                    kind,
                    status: edge.status.unwrap_or(Status::Happened),
                    participants: Vec::new(),
                    date: edge.date,
                    date_iso: edge.date_iso,
                    initiator: edge.initiator,
                    confidence: edge.confidence,
                    evidence,
                    sources: edge
                        .sources
                        .into_iter()
                        .map(|s| Evidence {
                            article: s.article,
                            text: s.evidence,
                            start: s.start,
                            end: s.end,
                        })
                        .collect(),
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
        let kind = match &*edge.kind {
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
    let articles = file
        .articles
        .into_iter()
        .map(from_record)
        .collect::<Result<Vec<_>, _>>()?;
    let mut aliases = Aliases::default();
    for line in &file.aliases {
        aliases.add(line).map_err(ReadError::Alias)?;
    }
    Ok(NewsGraph::from_parts(
        entities,
        events,
        affiliations,
        articles,
        aliases,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `write_list` wrote when each item was printed by `to_string_pretty` and its lines
    /// indented afterwards.
    fn reference(items: &[serde_json::Value]) -> String {
        let mut out = String::from(",\n  \"items\": [");
        for (i, item) in items.iter().enumerate() {
            out.push_str(if i > 0 { ",\n" } else { "\n" });
            let text = serde_json::to_string_pretty(item).unwrap();
            let lines: Vec<String> = text.lines().map(|line| format!("    {line}")).collect();
            out.push_str(&lines.join("\n"));
        }
        out.push_str(if items.is_empty() { "]" } else { "\n  ]" });
        out
    }

    #[test]
    fn list_items_are_laid_out_as_pretty_printed_and_indented() {
        let items = serde_json::json!([
            {"id": "person:a", "names": ["A", "B \"quoted\"\nnext line"], "empty": [], "none": {}},
            {"nested": [[1, [2, {"deep": [true, null]}]], {"k": {"l": {"m": "n"}}}], "n": 1.5},
            "a string",
            [],
            {},
            3,
        ]);
        let items = items.as_array().unwrap();
        for n in 0..=items.len() {
            let mut out = Vec::new();
            write_list(&mut out, "items", items[..n].iter()).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), reference(&items[..n]));
        }
    }
}
