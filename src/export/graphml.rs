//! `graph.graphml`: the graph as GraphML, for yEd, Gephi, Cytoscape desktop and networkx.
//!
//! In: a [`GraphFile`]. Out: one undirected `<graph>` with a typed `<key>` for every
//! attribute of [`NODE_ATTRIBUTES`] and [`EDGE_ATTRIBUTES`] (texts, lists joined by `; `,
//! integers as `long`), one `<node>` per node (id = the node id) and one `<edge>` per edge
//! of the file (ids `e0`, `e1`, ...), so a pair with several events has parallel edges and
//! networkx reads a `MultiGraph` with the JSON's counts. The XML is written by `quick-xml`,
//! which escapes all text.

use std::io;

use super::json::GraphFile;
use super::view::{
    edge_attributes, edge_id, node_attributes, Type, EDGE_ATTRIBUTES, NODE_ATTRIBUTES,
};
use super::xml::Xml;

const NAMESPACE: &str = "http://graphml.graphdrawing.org/xmlns";
const SCHEMA: &str =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";

/// Writes the graph file as GraphML.
pub fn write_graphml(file: &GraphFile, out: &mut dyn io::Write) -> io::Result<()> {
    let mut xml = Xml::new(out)?;
    xml.open(
        "graphml",
        &[
            ("xmlns", NAMESPACE),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", SCHEMA),
        ],
    )?;
    for (domain, table) in [("node", NODE_ATTRIBUTES), ("edge", EDGE_ATTRIBUTES)] {
        for (name, kind) in table {
            let id = key_id(domain, name);
            let kind = match kind {
                Type::Text | Type::List => "string",
                Type::Integer => "long",
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
    xml.open(
        "graph",
        &[("id", "newsgraph"), ("edgedefault", "undirected")],
    )?;
    for node in &file.nodes {
        xml.open("node", &[("id", &node.id)])?;
        for (name, value) in node_attributes(node) {
            xml.text("data", &[("key", &key_id("node", name))], &value.to_text())?;
        }
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
