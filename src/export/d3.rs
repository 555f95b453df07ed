//! `graph.d3.json`: the graph as node-link JSON, the shape D3's force layout (and
//! networkx's `node_link_graph(data, edges="links")`) reads.
//!
//! In: a [`GraphFile`]. Out: `{"directed": false, "multigraph": true, "graph": {...},
//! "nodes": [{"id", ...}], "links": [{"id", "key", "source", "target", ...}]}`: nodes carry
//! the attributes of [`NODE_ATTRIBUTES`], links (one per edge of the file, `source`/`target`
//! being node ids, as `d3.forceLink().id(d => d.id)` expects) those of [`EDGE_ATTRIBUTES`].
//!
//! [`NODE_ATTRIBUTES`]: super::view::NODE_ATTRIBUTES
//! [`EDGE_ATTRIBUTES`]: super::view::EDGE_ATTRIBUTES

use std::io;

use serde_json::{json, Map, Value};

use super::json::GraphFile;
use super::view::{edge_attributes, edge_id, node_object};

/// Writes the graph file as D3 node-link JSON.
///
/// `note`, when the file is a part of the graph, goes into `graph.note`.
pub fn write_d3(file: &GraphFile, note: Option<&str>, out: &mut dyn io::Write) -> io::Result<()> {
    let nodes: Vec<Value> = file.nodes.iter().map(node_object).collect();
    let links: Vec<Value> = file
        .edges
        .iter()
        .enumerate()
        .map(|(index, edge)| {
            let mut object = Map::new();
            object.insert("id".into(), edge_id(index).into());
            // networkx's key of a parallel edge.
            object.insert("key".into(), edge_id(index).into());
            object.insert("source".into(), (*edge.source).into());
            object.insert("target".into(), (*edge.target).into());
            for (name, value) in edge_attributes(edge) {
                object.insert(name.into(), value.to_json());
            }
            Value::Object(object)
        })
        .collect();
    let mut graph = json!({"name": "newsgraph", "generator": file.generator,
                           "schema_version": file.schema_version});
    if let Some(note) = note {
        graph["note"] = note.into();
    }
    let document = json!({
        "directed": false,
        "multigraph": true,
        "graph": graph,
        "nodes": nodes,
        "links": links,
    });
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}
