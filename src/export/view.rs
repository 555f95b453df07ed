//! One reading of a [`GraphFile`] shared by the exporters, so that each knows the file's
//! fields in as few places as possible.
//!
//! In: a `GraphFile` (as read from `graph.json` or converted from a built graph). Out: a
//! [`View`]: the nodes, the file's edges, and *links*: the contact edges between one pair of
//! the same kind and status grouped into one link (its events in file order), and each
//! affiliation as a link of its own. Formats that keep every edge (GraphML, GEXF, Cytoscape,
//! D3) use `file.edges`; pictures (DOT, HTML) draw links.
//!
//! The edge accessors at the bottom ([`written_date`], [`iso_date`], [`articles_of`]) are the
//! only places that read an edge's date and articles; new optional schema fields are added
//! there.

use std::collections::HashMap;

use super::json::{Edge, GraphFile, Node};
use crate::graph::Status;

/// Why a graph file cannot be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("edge {index} ({from} -- {to}) names node {missing:?}, which is not in the file")]
    UnknownNode {
        index: usize,
        from: String,
        to: String,
        missing: String,
    },
    #[error("node id {0:?} appears twice")]
    DuplicateNode(String),
    #[error("{0}")]
    Unavailable(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Checks what every exporter relies on: node ids are unique and every edge joins two nodes
/// of the file. (A GraphML or GEXF reader would otherwise invent nodes, and counts would
/// differ from the JSON.)
pub fn check(file: &GraphFile) -> Result<(), ExportError> {
    let mut ids = HashMap::new();
    for node in &file.nodes {
        if ids.insert(node.id.as_ref(), ()).is_some() {
            return Err(ExportError::DuplicateNode(node.id.to_string()));
        }
    }
    for (index, edge) in file.edges.iter().enumerate() {
        for end in [&edge.source, &edge.target] {
            if !ids.contains_key(end.as_ref()) {
                return Err(ExportError::UnknownNode {
                    index,
                    from: edge.source.to_string(),
                    to: edge.target.to_string(),
                    missing: end.to_string(),
                });
            }
        }
    }
    Ok(())
}

/// Contact kinds: their edges are events with a status and a date. Every other edge kind is
/// an affiliation.
pub fn is_contact(kind: &str) -> bool {
    matches!(kind, "call" | "meeting")
}

/// The nodes, edges and links of a file.
pub struct View<'a> {
    pub nodes: &'a [Node],
    pub edges: &'a [Edge],
    pub links: Vec<Link<'a>>,
}

/// What a picture draws as one line: the contact edges of one pair, kind and status (in file
/// order), or one affiliation edge. Drawn between the ends of its first edge.
pub struct Link<'a> {
    /// The file's edges.
    all: &'a [Edge],
    /// The positions of the link's edges in the file (their ids are [`edge_id`]s), in order.
    pub indices: Vec<u32>,
}

impl<'a> Link<'a> {
    fn first(&self) -> &'a Edge {
        &self.all[self.indices[0] as usize]
    }

    pub fn source(&self) -> &'a str {
        &self.first().source
    }

    pub fn target(&self) -> &'a str {
        &self.first().target
    }

    pub fn kind(&self) -> &'a str {
        &self.first().kind
    }

    pub fn status(&self) -> Option<Status> {
        self.first().status
    }

    /// The link's edges, in file order.
    pub fn edges(&self) -> Vec<&'a Edge> {
        self.indices
            .iter()
            .map(|&i| &self.all[i as usize])
            .collect()
    }

    pub fn is_contact(&self) -> bool {
        is_contact(self.kind())
    }

    /// The written dates of the link's events, each once, in file order.
    pub fn dates(&self) -> Vec<&'a str> {
        let mut dates: Vec<&str> = Vec::new();
        for date in self.edges().into_iter().filter_map(written_date) {
            if !dates.contains(&date) {
                dates.push(date);
            }
        }
        dates
    }
}

impl<'a> View<'a> {
    pub fn new(file: &'a GraphFile) -> View<'a> {
        let all = &file.edges[..];
        // Contact edges of one pair (undirected), kind and status make one link: sorted by
        // that key (and by position within it), each run is a link.
        let key = |i: u32| {
            let edge = &all[i as usize];
            let (a, b) = if edge.source <= edge.target {
                (&*edge.source, &*edge.target)
            } else {
                (&*edge.target, &*edge.source)
            };
            (a, b, &*edge.kind, edge.status)
        };
        let mut contacts: Vec<u32> = (0..all.len() as u32)
            .filter(|&i| is_contact(&all[i as usize].kind))
            .collect();
        contacts.sort_by(|&x, &y| key(x).cmp(&key(y)));
        let mut links: Vec<Link<'a>> = contacts
            .chunk_by(|&x, &y| key(x) == key(y))
            .map(|run| Link {
                all,
                indices: run.to_vec(),
            })
            .collect();
        drop(contacts);
        links.extend(
            (0..all.len() as u32)
                .filter(|&i| !is_contact(&all[i as usize].kind))
                .map(|i| Link {
                    all,
                    indices: vec![i],
                }),
        );
        // In file order of their first edges, as first seen.
        links.sort_by_key(|link| link.indices[0]);
        View {
            nodes: &file.nodes,
            edges: &file.edges,
            links,
        }
    }
}

/// The id of the `index`th edge of a file in every format: `e0`, `e1`, ...
pub fn edge_id(index: usize) -> String {
    format!("e{index}")
}

/// The date as the article wrote it ("Wednesday", "Nov. 27").
pub fn written_date(edge: &Edge) -> Option<&str> {
    edge.date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
}

/// The edge's date as an ISO 8601 calendar date (`2023-03-13`, or `2023-03`, `2023`), when
/// known: the date resolved against the article's publication date, or a written date that is
/// already in ISO form. An ISO week ("last week": `2024-W10`) is not a calendar date.
pub fn iso_date(edge: &Edge) -> Option<String> {
    edge.date_iso
        .as_deref()
        .filter(|d| is_iso_date(d))
        .or_else(|| written_date(edge).filter(|d| is_iso_date(d)))
        .map(str::to_string)
}

/// The articles that report the edge, each once, the first report's first.
pub fn articles_of(edge: &Edge) -> Vec<&str> {
    let mut out = vec![edge.article.as_ref()];
    for source in &edge.sources {
        if !out.contains(&source.article.as_ref()) {
            out.push(source.article.as_ref());
        }
    }
    out
}

/// How many articles report the edge's event.
pub fn reports_of(edge: &Edge) -> usize {
    edge.reports.unwrap_or(1).max(1)
}

/// The type of an attribute in the attribute tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Text,
    /// A list of texts: an array in JSON formats, joined by [`LIST_SEPARATOR`] in XML ones.
    List,
    Integer,
    /// A number with a fraction (a confidence).
    Real,
}

/// The value of one attribute of one node or edge.
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    Text(std::borrow::Cow<'a, str>),
    List(Vec<&'a str>),
    Integer(u64),
    Real(f32),
}

impl Value<'_> {
    /// The value as one text (lists joined by [`LIST_SEPARATOR`]).
    pub fn to_text(&self) -> String {
        match self {
            Value::Text(text) => text.to_string(),
            Value::List(items) => items.join(LIST_SEPARATOR),
            Value::Integer(n) => n.to_string(),
            Value::Real(x) => x.to_string(),
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::Text(text) => text.as_ref().into(),
            Value::List(items) => items.as_slice().into(),
            Value::Integer(n) => (*n).into(),
            Value::Real(x) => x
                .to_string()
                .parse::<f64>()
                .map_or(serde_json::Value::Null, Into::into),
        }
    }
}

pub const LIST_SEPARATOR: &str = "; ";

/// The node attributes every format with typed attributes writes, in this order. `label` is
/// the name, which Gephi and yEd show.
pub const NODE_ATTRIBUTES: &[(&str, Type)] = &[
    ("label", Type::Text),
    ("kind", Type::Text),
    ("aliases", Type::List),
    ("titles", Type::List),
    ("country", Type::Text),
    ("iso", Type::Text),
    ("articles", Type::List),
    ("mentions", Type::Integer),
];

/// The edge attributes, in this order. `label` is the kind, with the date when known.
pub const EDGE_ATTRIBUTES: &[(&str, Type)] = &[
    ("label", Type::Text),
    ("kind", Type::Text),
    ("status", Type::Text),
    ("event", Type::Text),
    ("date", Type::Text),
    ("iso_date", Type::Text),
    ("participants", Type::List),
    ("initiator", Type::Text),
    ("confidence", Type::Real),
    ("articles", Type::List),
    ("reports", Type::Integer),
    ("evidence", Type::Text),
    ("start", Type::Integer),
    ("end", Type::Integer),
];

/// A node's attributes, those it has, in [`NODE_ATTRIBUTES`] order.
pub fn node_attributes(node: &Node) -> Vec<(&'static str, Value<'_>)> {
    fn text(s: &str) -> Value<'_> {
        Value::Text(s.into())
    }
    fn list<S: AsRef<str>>(items: &[S]) -> Value<'_> {
        Value::List(items.iter().map(AsRef::as_ref).collect())
    }
    let mut out = vec![
        ("label", text(&node.name)),
        ("kind", text(node.kind.as_str())),
    ];
    if !node.aliases.is_empty() {
        out.push(("aliases", list(&node.aliases)));
    }
    if !node.titles.is_empty() {
        out.push(("titles", list(&node.titles)));
    }
    if let Some(country) = &node.country {
        out.push(("country", text(country)));
    }
    if let Some(iso) = &node.iso {
        out.push(("iso", text(iso)));
    }
    if !node.articles.is_empty() {
        out.push(("articles", list(&node.articles)));
    }
    out.push(("mentions", Value::Integer(node.mentions as u64)));
    out
}

/// A node as a JSON object: its id and its attributes (for the D3 file and the HTML page).
pub fn node_object(node: &Node) -> serde_json::Value {
    let mut object = serde_json::Map::new();
    object.insert("id".into(), (*node.id).into());
    for (name, value) in node_attributes(node) {
        object.insert(name.into(), value.to_json());
    }
    serde_json::Value::Object(object)
}

/// An edge's attributes, those it has, in [`EDGE_ATTRIBUTES`] order.
pub fn edge_attributes(edge: &Edge) -> Vec<(&'static str, Value<'_>)> {
    fn text(s: &str) -> Value<'_> {
        Value::Text(s.into())
    }
    let mut label = edge.kind.to_string();
    if let Some(date) = written_date(edge) {
        label.push_str(", ");
        label.push_str(date);
    }
    let mut out = vec![
        ("label", Value::Text(label.into())),
        ("kind", text(&edge.kind)),
    ];
    if let Some(status) = edge.status {
        out.push(("status", text(status.as_str())));
    }
    if let Some(event) = &edge.event {
        out.push(("event", text(event)));
    }
    if let Some(date) = written_date(edge) {
        out.push(("date", text(date)));
    }
    if let Some(date) = iso_date(edge) {
        out.push(("iso_date", Value::Text(date.into())));
    }
    if !edge.participants.is_empty() {
        out.push((
            "participants",
            Value::List(edge.participants.iter().map(AsRef::as_ref).collect()),
        ));
    }
    if let Some(initiator) = &edge.initiator {
        out.push(("initiator", text(initiator)));
    }
    if let Some(confidence) = edge.confidence {
        out.push(("confidence", Value::Real(confidence)));
    }
    out.push(("articles", Value::List(articles_of(edge))));
    if edge.reports.is_some() {
        out.push(("reports", Value::Integer(reports_of(edge) as u64)));
    }
    out.push(("evidence", text(&edge.evidence)));
    out.push(("start", Value::Integer(edge.start as u64)));
    out.push(("end", Value::Integer(edge.end as u64)));
    out
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a plausible month and day.
fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let in_range = |s: &str, max: u32| s.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v));
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 12),
        [y, m, d] => {
            digits(y, 4) && digits(m, 2) && in_range(m, 12) && digits(d, 2) && in_range(d, 31)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_tables_list_every_attribute_written() {
        use crate::export::json::to_file;
        let text = "Gen. Mark Milley met Gen. Valery Gerasimov in Helsinki on Thursday.";
        let file = to_file(&crate::build(&crate::Lexicon::builtin(), [("a.txt", text)]));
        for node in &file.nodes {
            let names: Vec<&str> = node_attributes(node).iter().map(|(n, _)| *n).collect();
            let known: Vec<&str> = NODE_ATTRIBUTES.iter().map(|(n, _)| *n).collect();
            assert!(names.iter().all(|n| known.contains(n)), "{names:?}");
        }
        for edge in &file.edges {
            for (name, value) in edge_attributes(edge) {
                let (_, kind) = EDGE_ATTRIBUTES.iter().find(|(n, _)| *n == name).unwrap();
                let matches = matches!(
                    (kind, &value),
                    (Type::Text, Value::Text(_))
                        | (Type::List, Value::List(_))
                        | (Type::Integer, Value::Integer(_))
                        | (Type::Real, Value::Real(_))
                );
                assert!(matches, "{name}: {value:?}");
            }
        }
    }

    #[test]
    fn iso_dates_are_recognised() {
        for yes in ["2023", "2023-03", "2023-03-13", "1999-12-31"] {
            assert!(is_iso_date(yes), "{yes}");
        }
        for no in [
            "Wednesday",
            "Nov. 27",
            "2023-13",
            "2023-3-1",
            "23-03-13",
            "2023-03-32",
            "",
        ] {
            assert!(!is_iso_date(no), "{no}");
        }
    }
}
