//! `newsgraph export`: a graph file in, the same graph in another format out (a file, or
//! stdout). An unreadable graph, or a format this build cannot write, exits with status 2.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use newsgraph::export::{self, Cluster, DotOptions, ExportError, Format, Options};

/// Convert a graph file for other tools: Graphviz, Gephi, yEd, Cytoscape, D3, a browser.
///
/// Reads a graph.json written by `newsgraph build` and writes it in one format, to FILE or
/// to standard output. The same graph always gives the same bytes.
#[derive(Debug, clap::Args)]
#[command(after_help = AFTER_HELP)]
pub struct Args {
    /// The format to write (see the list below).
    #[arg(long, short, value_name = "FORMAT", value_parser = format_parser())]
    format: Format,
    /// The graph to convert, as written by `newsgraph build`.
    #[arg(long, value_name = "FILE", default_value = "graphs/graph.json")]
    graph: PathBuf,
    /// Write to FILE (replaced atomically) instead of standard output; `-` is standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// DOT only: draw a box around each country with its people and institutions.
    #[arg(long, value_enum, default_value_t = ClusterArg::None)]
    cluster: ClusterArg,
}

const AFTER_HELP: &str = "Formats:
  json       graph.json itself (schema version 1), as `query` reads it
  dot        Graphviz: shapes and colours by kind, line style by kind and status, line width
             by number of events, dates on lines, a legend, the evidence sentence and article
             as tooltips in SVG; large graphs are laid out with sfdp
               newsgraph export -f dot | dot -Kfdp -Tsvg -o graph.svg
  graphml    GraphML with typed attributes, one edge per event; opens in yEd, Gephi,
             Cytoscape desktop and networkx (nx.read_graphml)
  gexf       GEXF 1.3 for Gephi, with colours, shapes and sizes, and calendar dates on
             edges where known, for Gephi's timeline; networkx reads it (nx.read_gexf)
  cytoscape  Cytoscape.js elements JSON: cy.add(json.elements), or import in Cytoscape
  d3         node-link JSON {nodes, links} for d3.forceSimulation (and networkx's
             node_link_graph(data, edges=\"links\"))
  html       one self-contained page, offline: the graph drawn and draggable, search by
             name or alias, filters by kind, status and date, click for the evidence

Examples:
  newsgraph export --format html -o graph.html
  newsgraph export -f dot --cluster country | dot -Kfdp -Tpng -o graph.png
  newsgraph export -f graphml --graph /tmp/q/graph.json -o /tmp/q/graph.graphml
  newsgraph build seeds --format graphml,gexf,html   # beside graph.json and graph.dot";

/// `--cluster`: groups of nodes in DOT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClusterArg {
    None,
    Country,
}

impl ClusterArg {
    pub fn options(self) -> Options {
        let cluster = match self {
            ClusterArg::None => Cluster::None,
            ClusterArg::Country => Cluster::Country,
        };
        Options {
            dot: DotOptions { cluster },
        }
    }
}

/// Parses a format name, listing the names in `--help` and in errors.
pub fn format_parser() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(Format::ALL.map(Format::name))
        .map(|name| Format::from_name(&name).expect("a listed format"))
}

pub fn execute(args: &Args) -> anyhow::Result<i32> {
    let file = super::read_graph_file(&args.graph)?;
    let mut bytes = Vec::new();
    export::write(args.format, &file, &args.cluster.options(), &mut bytes)
        .map_err(|error| explain(error, &args.graph))?;
    match args.output.as_deref() {
        Some(path) if path != Path::new("-") => {
            super::write_atomically(path, &bytes)?;
            Ok(0)
        }
        _ => {
            let mut out = io::stdout().lock();
            match out.write_all(&bytes).and_then(|()| out.flush()) {
                // A closed pipe (`| head`) is the reader's choice, not a failure.
                Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(0),
                result => result.context("writing to standard output").map(|()| 0),
            }
        }
    }
}

/// An export error as the user should read it: which graph, what is wrong.
pub fn explain(error: ExportError, graph: &Path) -> anyhow::Error {
    match error {
        ExportError::Unavailable(reason) => anyhow::anyhow!("{reason}"),
        ExportError::Io(error) => anyhow::Error::from(error).context("writing the export"),
        error => anyhow::anyhow!("graph {}: {error}", graph.display()),
    }
}
