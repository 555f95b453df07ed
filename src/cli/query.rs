//! `newsgraph query`: a graph file and a question in, the answer on stdout (a table, JSON or
//! DOT). A question that cannot be answered exits with status 1, an unreadable graph with 2.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
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
    /// The graph to ask, as written by `newsgraph build`: its store (graph.db) or graph.json.
    #[arg(long, value_name = "FILE", default_value = "graphs/graph.db")]
    graph: PathBuf,
    /// Print the answer as JSON: {"question", "results": [{"id", "name", "kind", "events"}]}.
    #[arg(long, conflicts_with = "dot")]
    json: bool,
    /// Print the answer's subgraph as Graphviz DOT.
    #[arg(long)]
    dot: bool,
    /// Show at most N rows of the table (then how many more there are).
    #[arg(long, default_value_t = 20, value_name = "N")]
    limit: usize,
    /// Show every row (and every line whole).
    #[arg(long, conflicts_with = "limit")]
    all: bool,
    /// The question; quotes are optional.
    #[arg(required = true, num_args = 1..)]
    question: Vec<String>,
}

/// The terminal's width when stdout is one, else 200 characters.
fn line_width() -> usize {
    if io::stdout().is_terminal() {
        if let Some((_, columns)) = console::Term::stdout().size_checked() {
            return usize::from(columns).max(40);
        }
    }
    200
}

const EXAMPLES: &str = "Examples:
  newsgraph query \"who spoke to Gerasimov\"
  newsgraph query --json \"did Milley speak to Gerasimov\"
  newsgraph query \"contacts between Russia and the United States\"
  newsgraph query --dot \"path from Dunford to Milley\" | dot -Tsvg > path.svg
  newsgraph query --graph /tmp/q/graph.db \"timeline of Gerasimov in 2023\"
  newsgraph query --all \"who spoke to Russia\"";

pub fn execute(args: &Args) -> anyhow::Result<i32> {
    let question = args.question.join(" ");
    let parsed = match query::parse(&question) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("newsgraph: {error}");
            return Ok(1);
        }
    };
    let graph = super::read_graph_for(&args.graph, &parsed)?;
    let answer = match query::answer(&graph, &parsed).map(|mut answer| {
        answer.question = question.trim().to_string();
        answer
    }) {
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
        let options = if args.all {
            query::TextOptions::default()
        } else {
            query::TextOptions {
                limit: Some(args.limit),
                width: Some(line_width()),
            }
        };
        query::write_text_with(&graph, &answer, &options, &mut out)
    };
    match written.and_then(|()| out.flush()) {
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(0),
        result => result.context("writing the answer").map(|()| 0),
    }
}
