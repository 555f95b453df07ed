//! Exporters: the graph in, a file format out, written to any `io::Write`. Each format owns
//! its file; none touches the file system.
//!
//! Every exporter but `json` takes the file form ([`GraphFile`]), so a `graph.json` can be
//! converted without the articles it was built from; [`write`] picks one by [`Format`].

pub mod cytoscape;
pub mod d3;
pub mod dot;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod layout;
pub mod select;
pub mod view;
mod xml;

use std::io;

pub use dot::{write_dot, write_dot_file, Cluster, DotOptions};
pub use json::{
    into_file, parse_file, read_json, to_file, write_file, write_json, GraphFile, ReadError,
};
pub use view::{check, ExportError};

/// A file format the graph can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    /// `graph.json`, the schema `query` reads.
    Json,
    /// Graphviz DOT.
    Dot,
    /// GraphML with typed attributes (yEd, Gephi, networkx).
    Graphml,
    /// GEXF 1.3 with edge dates (Gephi's timeline).
    Gexf,
    /// Cytoscape.js `{"elements": {"nodes", "edges"}}`.
    Cytoscape,
    /// D3 node-link JSON `{"nodes", "links"}`.
    D3,
    /// One self-contained interactive web page.
    Html,
}

impl Format {
    /// Every format, in the order help texts list them.
    pub const ALL: [Format; 7] = [
        Format::Json,
        Format::Dot,
        Format::Graphml,
        Format::Gexf,
        Format::Cytoscape,
        Format::D3,
        Format::Html,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Cytoscape => "cytoscape",
            Format::D3 => "d3",
            Format::Html => "html",
        }
    }

    /// The file name `build` writes: `graph.json`, `graph.cytoscape.json`, ...
    pub fn file_name(self) -> &'static str {
        match self {
            Format::Json => "graph.json",
            Format::Dot => "graph.dot",
            Format::Graphml => "graph.graphml",
            Format::Gexf => "graph.gexf",
            Format::Cytoscape => "graph.cytoscape.json",
            Format::D3 => "graph.d3.json",
            Format::Html => "graph.html",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// Options of the formats that have any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    pub dot: DotOptions,
    /// What the file shows of the graph when it is a part ([`select::Report::note`]): every
    /// format but `json` writes it where its readers see it.
    pub note: Option<String>,
}

/// Writes `file` in `format`. Fails when the file is inconsistent (see [`check`]), on an I/O
/// error, or for `html` when this binary was built without its JavaScript library.
pub fn write(
    format: Format,
    file: &GraphFile,
    options: &Options,
    out: &mut dyn io::Write,
) -> Result<(), ExportError> {
    check(file)?;
    let note = options.note.as_deref();
    match format {
        // graph.json's schema has no place for a note; the command line prints it.
        Format::Json => json::write_file(file, out)?,
        Format::Dot => dot::write_dot_noted(file, &options.dot, note, out)?,
        Format::Graphml => graphml::write_graphml(file, note, out)?,
        Format::Gexf => gexf::write_gexf(file, note, out)?,
        Format::Cytoscape => cytoscape::write_cytoscape(file, note, out)?,
        Format::D3 => d3::write_d3(file, note, out)?,
        Format::Html => html::write_html(file, note, out)?,
    }
    Ok(())
}
