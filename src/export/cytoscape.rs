//! `graph.cytoscape.json`: the graph as Cytoscape.js elements.
//!
//! In: a [`GraphFile`]. Out: `{"data": {...}, "elements": {"nodes": [...], "edges": [...]}}`,
//! each element `{"data": {...}, "classes": [...]}`: `cy.add(json.elements)` in Cytoscape.js,
//! or File > Import > Network from File in Cytoscape desktop. Node data has `id` and the
//! attributes of [`NODE_ATTRIBUTES`]; edge data `id` (`e0`, `e1`, ...), `source`, `target` and
//! [`EDGE_ATTRIBUTES`]. Classes are the node kind, and the edge kind and status, for
//! stylesheets such as `edge.planned { line-style: dotted }`.
//!
//! [`NODE_ATTRIBUTES`]: super::view::NODE_ATTRIBUTES
//! [`EDGE_ATTRIBUTES`]: super::view::EDGE_ATTRIBUTES

use std::io;

use serde_json::{json, Map, Value};

use super::json::GraphFile;
use super::view::{edge_attributes, edge_id, node_attributes};

/// Writes the graph file as Cytoscape.js elements JSON.
///
/// `note`, when the file is a part of the graph, goes into the top-level `data.note`.
pub fn write_cytoscape(
    file: &GraphFile,
    note: Option<&str>,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let nodes: Vec<Value> = file
        .nodes
        .iter()
        .map(|node| {
            let mut data = Map::new();
            data.insert("id".into(), (*node.id).into());
            for (name, value) in node_attributes(node) {
                data.insert(name.into(), value.to_json());
            }
            json!({"data": data, "classes": [node.kind.as_str()]})
        })
        .collect();
    let edges: Vec<Value> = file
        .edges
        .iter()
        .enumerate()
        .map(|(index, edge)| {
            let mut data = Map::new();
            data.insert("id".into(), edge_id(index).into());
            data.insert("source".into(), (*edge.source).into());
            data.insert("target".into(), (*edge.target).into());
            for (name, value) in edge_attributes(edge) {
                data.insert(name.into(), value.to_json());
            }
            let mut classes = vec![edge.kind.to_string()];
            classes.extend(edge.status.map(|s| s.as_str().to_string()));
            json!({"data": data, "classes": classes})
        })
        .collect();
    let mut data = json!({"name": "newsgraph", "schema_version": file.schema_version});
    if let Some(note) = note {
        data["note"] = note.into();
    }
    let document = json!({
        "format_version": "1.0",
        "generated_by": file.generator,
        "target_cytoscapejs_version": "~3",
        "data": data,
        "elements": {"nodes": nodes, "edges": edges},
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}
