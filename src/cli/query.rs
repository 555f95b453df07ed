//! `newsgraph query`: a graph file and a question in, the answer on stdout (a table, JSON or
//! DOT). A question that cannot be answered exits with status 1, an unreadable graph with 2.

use std::fs;
use std::io::{self, Write};
use std::path::PathBuf;

use anyhow::Context;
use newsgraph::export::read_json;
use newsgraph::query;

/// Ask the graph who talked to whom.
///
/// Names are found forgivingly: by surname, in any case, with or without diacritics or
/// titles ("Gen. Gerasimov", "gerasimov", "Niinisto"), with small spelling variants
/// ("Shoygu"), and countries by name or alias ("Russia", "the United States", "US"). A
/// country stands for itself and everyone whose country it is. Only calls and meetings that
/// happened count as contacts; planned and denied ones are shown where a question asks for
/// them. A name that fits several entities, an unknown name, or a question in none of the
/// forms below exits with status 1; a missing or unreadable graph with status 2.
#[derive(Debug, clap::Args)]
#[command(after_help = format!("Questions:\n{}\n\n{EXAMPLES}", query::QUESTION_FORMS))]
pub struct Args {
    /// The graph to ask, as written by `newsgraph build`.
    #[arg(long, value_name = "FILE", default_value = "graphs/graph.json")]
    graph: PathBuf,
    /// Print the answer as JSON: {"question", "results": [{"id", "name", "kind", "events"}]}.
    #[arg(long, conflicts_with = "dot")]
    json: bool,
    /// Print the answer's subgraph as Graphviz DOT.
    #[arg(long)]
    dot: bool,
    /// The question; quotes are optional.
    #[arg(required = true, num_args = 1..)]
    question: Vec<String>,
}

const EXAMPLES: &str = "Examples:
  newsgraph query \"who spoke to Gerasimov\"
  newsgraph query --json \"did Milley speak to Gerasimov\"
  newsgraph query \"contacts between Russia and the United States\"
  newsgraph query --dot \"path from Dunford to Milley\" | dot -Tsvg > path.svg
  newsgraph query --graph /tmp/q/graph.json \"timeline of Gerasimov in 2023\"";

pub fn execute(args: &Args) -> anyhow::Result<i32> {
    let question = args.question.join(" ");
    let path = &args.graph;
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            anyhow::bail!(
                "reading graph {}: {error} (write one with `newsgraph build`)",
                path.display()
            )
        }
        Err(error) => anyhow::bail!("reading graph {}: {error}", path.display()),
    };
    let text = String::from_utf8(bytes).map_err(|error| {
        anyhow::anyhow!(
            "reading graph {}: not a newsgraph graph file: not UTF-8 (bad byte at offset {})",
            path.display(),
            error.utf8_error().valid_up_to()
        )
    })?;
    // The error's own message already names its cause, so it is not chained again.
    let graph = read_json(&text)
        .map_err(|error| anyhow::anyhow!("reading graph {}: {error}", path.display()))?;
    let answer = match query::ask(&graph, &question) {
        Ok(answer) => answer,
        Err(error) => {
            eprintln!("newsgraph: {error}");
            return Ok(1);
        }
    };
    let mut out = io::stdout().lock();
    let written = if args.json {
        query::write_json(&answer, &mut out)
    } else if args.dot {
        query::write_dot(&graph, &answer, &mut out)
    } else {
        query::write_text(&graph, &answer, &mut out)
    };
    match written.and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(0),
        result => result.context("writing the answer").map(|()| 0),
    }
}
