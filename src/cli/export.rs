//! `newsgraph export`: a graph file in, the same graph in another format out (a file, or
//! stdout). An unreadable graph, or a format this build cannot write, exits with status 2.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use newsgraph::export::select::{self, Report, Selection};
use newsgraph::export::{self, Cluster, DotOptions, ExportError, Format, GraphFile, Options};
use newsgraph::graph::{ContactKind, Status};

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
    #[command(flatten)]
    select: SelectArgs,
}

/// The part of the graph to show: the same options on `export`, `build` and `query --dot`.
#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "Choosing the part of the graph to show")]
pub struct SelectArgs {
    /// Only NAME and the entities it had contacts with (names are found as `query` finds
    /// them: "Gerasimov", "gen. gerasimov", "Shoygu").
    #[arg(long, value_name = "NAME")]
    pub around: Option<String>,
    /// With --around: how many contacts away to go (2: contacts of contacts too).
    #[arg(long, value_name = "N", default_value_t = 1, requires = "around",
          value_parser = clap::value_parser!(u16).range(1..))]
    pub depth: u16,
    /// Only the N most connected entities (most distinct contact partners; ties by id).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub top: Option<u32>,
    /// Only contacts on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD; resolved dates).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only contacts on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD; resolved dates).
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
    /// With --since/--until: leave out contacts without a resolved date (kept by default).
    #[arg(long)]
    pub drop_undated: bool,
    /// Only contacts of this kind (comma-separated or repeated).
    #[arg(long, value_enum, value_name = "KIND", value_delimiter = ',')]
    pub kind: Vec<KindArg>,
    /// Only contacts with this status (comma-separated or repeated).
    #[arg(long, value_enum, value_name = "STATUS", value_delimiter = ',')]
    pub status: Vec<StatusArg>,
    /// Only this country and the people and institutions whose country it is.
    #[arg(long, value_name = "NAME")]
    pub country: Option<String>,
    /// Write the whole graph (or the whole selection) even when it is larger than the
    /// format's readers can draw (2,000 entities for html, d3 and cytoscape, 3,000 for dot).
    #[arg(long, conflicts_with = "top")]
    pub all: bool,
}

/// `--kind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    Call,
    Meeting,
}

/// `--status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusArg {
    Happened,
    Planned,
    Denied,
}

impl SelectArgs {
    pub fn selection(&self) -> Selection {
        Selection {
            around: self.around.clone(),
            depth: usize::from(self.depth),
            top: self.top.map(|n| n as usize),
            since: self.since.clone(),
            until: self.until.clone(),
            drop_undated: self.drop_undated,
            kinds: self
                .kind
                .iter()
                .map(|k| match k {
                    KindArg::Call => ContactKind::Call,
                    KindArg::Meeting => ContactKind::Meeting,
                })
                .collect(),
            statuses: self
                .status
                .iter()
                .map(|s| match s {
                    StatusArg::Happened => Status::Happened,
                    StatusArg::Planned => Status::Planned,
                    StatusArg::Denied => Status::Denied,
                })
                .collect(),
            country: self.country.clone(),
        }
    }

    /// The part of `file` to write in `format`: the selection, cut to the format's drawing
    /// limit unless `--all`; the note to write in the file (also printed on stderr, naming
    /// `what`). An unknown or ambiguous name, or a bad date, is an error (exit status 2).
    pub fn apply(
        &self,
        file: GraphFile,
        format: Format,
        what: &str,
    ) -> anyhow::Result<(GraphFile, Option<String>)> {
        let limit = if self.all {
            None
        } else {
            select::drawing_limit(format)
        };
        let (file, report) = select::fit(file, &self.selection(), limit)?;
        Ok((file, announce(&report, what)))
    }
}

/// The report's note, printed on stderr.
pub fn announce(report: &Report, what: &str) -> Option<String> {
    let note = report.note()?;
    eprintln!("newsgraph: {what} {note}");
    Some(note)
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

Choosing a part (the options above; the same on `build` and `query --dot`):
  Past 2,000 entities (html, d3, cytoscape) or 3,000 (dot), the most connected part is
  written, and stderr and the file say so; --all writes everything.

Examples:
  newsgraph export --format html -o graph.html
  newsgraph export -f d3 --around Gerasimov --depth 1 -o gerasimov.d3.json
  newsgraph export -f html --top 300 --since 2024 --kind call -o calls.html
  newsgraph export -f dot --country Russia --status happened | dot -Ksfdp -Tsvg -o russia.svg
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
            note: None,
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
    let what = match args.output.as_deref() {
        Some(path) if path != Path::new("-") => path.display().to_string(),
        _ => format!("the {} export", args.format.name()),
    };
    let (file, note) = args.select.apply(file, args.format, &what)?;
    let options = Options {
        note,
        ..args.cluster.options()
    };
    let mut bytes = Vec::new();
    export::write(args.format, &file, &options, &mut bytes)
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
