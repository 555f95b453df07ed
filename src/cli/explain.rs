//! `newsgraph explain`: why a node is what it is.

use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use newsgraph::explain::{explain, explain_from_store};
use newsgraph::query::{find_entity, find_in_store};

/// Show how a node came to be: its names, its articles, the rule that joined each name to it,
/// and the similar names that were kept apart and why.
///
/// The name is found as `query` finds names (surname, no diacritics, small misspellings). The
/// graph must come from `newsgraph build` (it keeps what each article said); a name that fits
/// no node or several exits with status 1.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  newsgraph explain Gerasimov
  newsgraph explain --json \"Mike Pompeo\"
  newsgraph explain --graph /tmp/all/graph.json person:sergei-shoigu")]
pub struct Args {
    /// The graph, as written by `newsgraph build`: its store (graph.db), or graph.json with
    /// graph.db beside it.
    #[arg(long, value_name = "FILE", default_value = "graphs/graph.db")]
    graph: PathBuf,
    /// Print the explanation as JSON.
    #[arg(long)]
    json: bool,
    /// A name or node id; quotes are optional.
    #[arg(required = true, num_args = 1..)]
    name: Vec<String>,
}

pub fn execute(args: &Args) -> anyhow::Result<i32> {
    let name = args.name.join(" ");
    let reading = |error| anyhow::anyhow!("reading graph {}: {error}", args.graph.display());
    let mut explanation = None;
    if super::is_store(&args.graph)? {
        // From the store, reading only the node's articles and the names near its own.
        match find_in_store(&args.graph, &name).map_err(reading)? {
            Ok(entity) => {
                explanation = explain_from_store(&args.graph, &entity.id).map_err(reading)?;
            }
            Err(error) => {
                eprintln!("newsgraph: {error}");
                return Ok(1);
            }
        }
    }
    let explanation = match explanation {
        Some(explanation) => explanation,
        None => {
            // A graph.json (with its records, or the store beside it).
            let graph = super::read_graph_with_articles(&args.graph)?;
            let entity = match find_entity(&graph, &name) {
                Ok(entity) => entity,
                Err(error) => {
                    eprintln!("newsgraph: {error}");
                    return Ok(1);
                }
            };
            explain(&graph, entity)
        }
    };
    let mut out = io::stdout().lock();
    let written = if args.json {
        serde_json::to_writer_pretty(&mut out, &explanation)
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write!(out, "{explanation}")
    };
    match written.and_then(|()| out.flush()) {
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(0),
        result => result.context("writing the explanation").map(|()| 0),
    }
}
