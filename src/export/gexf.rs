//! `graph.gexf`: the graph as GEXF 1.3, Gephi's own format.
//!
//! In: a [`GraphFile`]. Out: one undirected, dynamic `<graph>`: typed attributes as in
//! GraphML (from [`NODE_ATTRIBUTES`] and [`EDGE_ATTRIBUTES`]), one `<node>` per node with a
//! `viz` colour, shape and size by kind, and one `<edge>` per edge of the file (ids `e0`,
//! `e1`, ..., so parallel edges stay apart for networkx). An edge whose date is known as a
//! calendar date gets it as `start`/`end` (a year or month spans its days), so Gephi's
//! timeline can play the contacts in order; undated edges and all nodes exist at all times.

use std::io;

use super::json::{Edge, GraphFile, Node};
use super::view::{
    edge_attributes, edge_id, iso_date, node_attributes, Type, EDGE_ATTRIBUTES, NODE_ATTRIBUTES,
};
use super::xml::Xml;
use crate::graph::{EntityKind, Status};

/// Writes the graph file as GEXF 1.3.
///
/// `note`, when the file is a part of the graph, is added to `<meta><description>`.
pub fn write_gexf(file: &GraphFile, note: Option<&str>, out: &mut dyn io::Write) -> io::Result<()> {
    let mut xml = Xml::new(out)?;
    xml.open(
        "gexf",
        &[
            ("xmlns", "http://gexf.net/1.3"),
            ("xmlns:viz", "http://gexf.net/1.3/viz"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            (
                "xsi:schemaLocation",
                "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
            ),
            ("version", "1.3"),
        ],
    )?;
    xml.open("meta", &[])?;
    xml.text("creator", &[], &file.generator)?;
    let description = match note {
        Some(note) => format!("who talked to whom, from news articles: {note}"),
        None => "who talked to whom, from news articles".to_string(),
    };
    xml.text("description", &[], &description)?;
    xml.close("meta")?;
    xml.open(
        "graph",
        &[
            ("defaultedgetype", "undirected"),
            ("mode", "dynamic"),
            ("timeformat", "date"),
        ],
    )?;
    // `label` is GEXF's own attribute of nodes and edges, not a declared one.
    for (class, table) in [("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)] {
        xml.open("attributes", &[("class", class), ("mode", "static")])?;
        for (name, kind) in table.iter().filter(|(name, _)| *name != "label") {
            let kind = match kind {
                Type::Text | Type::List => "string",
                Type::Integer => "long",
                Type::Real => "double",
            };
            xml.empty(
                "attribute",
                &[("id", name), ("title", name), ("type", kind)],
            )?;
        }
        xml.close("attributes")?;
    }
    xml.open("nodes", &[])?;
    for node in &file.nodes {
        write_node(&mut xml, node)?;
    }
    xml.close("nodes")?;
    xml.open("edges", &[])?;
    for (index, edge) in file.edges.iter().enumerate() {
        write_edge(&mut xml, index, edge)?;
    }
    xml.close("edges")?;
    xml.close("graph")?;
    xml.close("gexf")?;
    xml.finish()
}

fn write_node(xml: &mut Xml, node: &Node) -> io::Result<()> {
    xml.open("node", &[("id", &node.id), ("label", &node.name)])?;
    attvalues(xml, node_attributes(node))?;
    let ((r, g, b), shape) = match node.kind {
        EntityKind::Person => ((111, 168, 220), "disc"),
        EntityKind::Institution => ((246, 178, 107), "square"),
        EntityKind::Country => ((147, 196, 125), "diamond"),
    };
    color(xml, (r, g, b))?;
    let size = 10 + 2 * node.mentions.min(15);
    xml.empty("viz:size", &[("value", &size.to_string())])?;
    xml.empty("viz:shape", &[("value", shape)])?;
    xml.close("node")
}

fn write_edge(xml: &mut Xml, index: usize, edge: &Edge) -> io::Result<()> {
    let id = edge_id(index);
    let attributes = edge_attributes(edge);
    let label = attributes
        .iter()
        .find(|(name, _)| *name == "label")
        .map(|(_, value)| value.to_text())
        .unwrap_or_default();
    let mut list = vec![
        ("id", id.as_str()),
        ("source", edge.source.as_ref()),
        ("target", edge.target.as_ref()),
        ("label", label.as_str()),
    ];
    let span = iso_date(edge).and_then(|date| date_span(&date));
    if let Some((start, end)) = &span {
        list.push(("start", start));
        list.push(("end", end));
    }
    xml.open("edge", &list)?;
    attvalues(xml, attributes)?;
    let rgb = match (&*edge.kind, edge.status) {
        (_, Some(Status::Denied)) => (204, 0, 0),
        (_, Some(Status::Planned)) => (153, 153, 153),
        ("call" | "meeting", _) => (40, 40, 40),
        _ => (204, 204, 204),
    };
    color(xml, rgb)?;
    xml.close("edge")
}

fn attvalues(xml: &mut Xml, attributes: Vec<(&str, super::view::Value)>) -> io::Result<()> {
    xml.open("attvalues", &[])?;
    for (name, value) in attributes.iter().filter(|(name, _)| *name != "label") {
        xml.empty("attvalue", &[("for", name), ("value", &value.to_text())])?;
    }
    xml.close("attvalues")
}

fn color(xml: &mut Xml, (r, g, b): (u8, u8, u8)) -> io::Result<()> {
    xml.empty(
        "viz:color",
        &[
            ("r", &r.to_string()),
            ("g", &g.to_string()),
            ("b", &b.to_string()),
        ],
    )
}

/// First and last day of an ISO date: `2023-03-13` is one day, `2023-03` its month, `2023`
/// its year.
fn date_span(date: &str) -> Option<(String, String)> {
    let parts: Vec<u32> = date
        .split('-')
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [_, _, _] => Some((date.to_string(), date.to_string())),
        [year, month] => Some((
            format!("{year:04}-{month:02}-01"),
            format!("{year:04}-{month:02}-{:02}", days_in_month(*year, *month)),
        )),
        [year] => Some((format!("{year:04}-01-01"), format!("{year:04}-12-31"))),
        _ => None,
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_spans() {
        let span = |d: &str| date_span(d).map(|(a, b)| format!("{a}..{b}"));
        assert_eq!(
            span("2023-03-13").as_deref(),
            Some("2023-03-13..2023-03-13")
        );
        assert_eq!(span("2024-02").as_deref(), Some("2024-02-01..2024-02-29"));
        assert_eq!(span("1900-02").as_deref(), Some("1900-02-01..1900-02-28"));
        assert_eq!(span("2023").as_deref(), Some("2023-01-01..2023-12-31"));
    }
}
