//! `graph.graphml`: the graph as GraphML, for yEd, Gephi, Cytoscape desktop and networkx.
//!
//! In: a [`GraphFile`]. Out: one undirected `<graph>` with a typed `<key>` for every
//! attribute of [`NODE_ATTRIBUTES`] and [`EDGE_ATTRIBUTES`] (texts, lists joined by `; `,
//! integers as `long`), one `<node>` per node (id = the node id) and one `<edge>` per edge
//! of the file (ids `e0`, `e1`, ...), so a pair with several events has parallel edges and
//! networkx reads a `MultiGraph` with the JSON's counts. For yEd, each node and edge also
//! carries yFiles graphics (shape, colour and label by kind, line style by kind and status,
//! nodes on a grid until a layout is run); other readers ignore them. The XML is written by
//! `quick-xml`, which escapes all text.

use std::io;

use super::json::{Edge, GraphFile, Node};
use super::view::{
    edge_attributes, edge_id, node_attributes, written_date, Type, EDGE_ATTRIBUTES, NODE_ATTRIBUTES,
};
use super::xml::Xml;
use crate::graph::{EntityKind, Status};

const YFILES: &str = "http://www.yworks.com/xml/graphml";
/// Nodes per row of the starting grid in yEd.
const GRID_COLUMNS: usize = 8;

const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// Writes the graph file as GraphML.
///
/// `note`, when the file is a part of the graph, is the graph's `note` attribute (networkx:
/// `G.graph["note"]`).
pub fn write_graphml(
    file: &GraphFile,
    note: Option<&str>,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut xml = Xml::new(out)?;
    xml.open(
        "graphml",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xmlns:y", YFILES),
            ("xsi:schemaLocation", SCHEMA),
        ],
    )?;
    for (domain, table) in [("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)] {
        for (name, kind) in table {
            let id = key_id(domain, name);
            let kind = match kind {
                Type::Text | Type::List => "string",
                Type::Integer => "long",
                Type::Real => "double",
            };
            xml.empty(
                "key",
                &[
                    ("id", &id),
                    ("for", domain),
                    ("attr.name", name),
                    ("attr.type", kind),
                ],
            )?;
        }
    }
    xml.empty(
        "key",
        &[
            ("id", "n_graphics"),
            ("for", "node"),
            ("yfiles.type", "nodegraphics"),
        ],
    )?;
    xml.empty(
        "key",
        &[
            ("id", "e_graphics"),
            ("for", "edge"),
            ("yfiles.type", "edgegraphics"),
        ],
    )?;
    if note.is_some() {
        xml.empty(
            "key",
            &[
                ("id", "g_note"),
                ("for", "graph"),
                ("attr.name", "note"),
                ("attr.type", "string"),
            ],
        )?;
    }
    xml.open(
        "graph",
        &[("id", "newsgraph"), ("edgedefault", "undirected")],
    )?;
    if let Some(note) = note {
        xml.text("data", &[("key", "g_note")], note)?;
    }
    for (index, node) in file.nodes.iter().enumerate() {
        xml.open("node", &[("id", &node.id)])?;
        for (name, value) in node_attributes(node) {
            xml.text("data", &[("key", &key_id("node", name))], &value.to_text())?;
        }
        node_graphics(&mut xml, index, node)?;
        xml.close("node")?;
    }
    for (index, edge) in file.edges.iter().enumerate() {
        xml.open(
            "edge",
            &[
                ("id", &edge_id(index)),
                ("source", &edge.source),
                ("target", &edge.target),
            ],
        )?;
        for (name, value) in edge_attributes(edge) {
            xml.text("data", &[("key", &key_id("edge", name))], &value.to_text())?;
        }
        edge_graphics(&mut xml, edge)?;
        xml.close("edge")?;
    }
    xml.close("graph")?;
    xml.close("graphml")?;
    xml.finish()
}

/// `n_kind`, `e_kind`: node and edge attributes may share a name, key ids may not.
fn key_id(domain: &str, name: &str) -> String {
    format!("{}_{name}", &domain[..1])
}

/// yEd's picture of a node: the DOT's shapes and colours, the name as label, a place on a grid.
fn node_graphics(xml: &mut Xml, index: usize, node: &Node) -> io::Result<()> {
    let (shape, fill) = match node.kind {
        EntityKind::Person => ("ellipse", "#CFE2F3"),
        EntityKind::Institution => ("rectangle", "#FCE5B0"),
        EntityKind::Country => ("hexagon", "#D9EAD3"),
    };
    let width = (node.name.chars().count().clamp(6, 40) * 7 + 20).to_string();
    let x = ((index % GRID_COLUMNS) * 320).to_string();
    let y = ((index / GRID_COLUMNS) * 90).to_string();
    xml.open("data", &[("key", "n_graphics")])?;
    xml.open("y:ShapeNode", &[])?;
    xml.empty(
        "y:Geometry",
        &[("height", "36"), ("width", &width), ("x", &x), ("y", &y)],
    )?;
    xml.empty("y:Fill", &[("color", fill), ("transparent", "false")])?;
    xml.empty(
        "y:BorderStyle",
        &[("color", "#666666"), ("type", "line"), ("width", "1.0")],
    )?;
    xml.text("y:NodeLabel", &[("fontSize", "12")], &node.name)?;
    xml.empty("y:Shape", &[("type", shape)])?;
    xml.close("y:ShapeNode")?;
    xml.close("data")
}

/// yEd's picture of an edge: calls dashed, meetings solid, plans dotted grey, denials red,
/// affiliations thin dotted grey; contacts labelled with kind and date.
fn edge_graphics(xml: &mut Xml, edge: &Edge) -> io::Result<()> {
    let contact = matches!(&*edge.kind, "call" | "meeting");
    let (style, color, width) = match (contact, edge.status) {
        (false, _) => ("dotted", "#AAAAAA", "1.0"),
        (true, Some(Status::Planned)) => ("dotted", "#808080", "2.0"),
        (true, status) => (
            if edge.kind == "call" {
                "dashed"
            } else {
                "line"
            },
            if status == Some(Status::Denied) {
                "#CC0000"
            } else {
                "#000000"
            },
            "2.0",
        ),
    };
    xml.open("data", &[("key", "e_graphics")])?;
    xml.open("y:PolyLineEdge", &[])?;
    xml.empty(
        "y:LineStyle",
        &[("color", color), ("type", style), ("width", width)],
    )?;
    xml.empty("y:Arrows", &[("source", "none"), ("target", "none")])?;
    if contact {
        let label = match written_date(edge) {
            Some(date) => format!("{}, {date}", edge.kind),
            None => edge.kind.to_string(),
        };
        xml.text("y:EdgeLabel", &[("fontSize", "10")], &label)?;
    }
    xml.close("y:PolyLineEdge")?;
    xml.close("data")
}
