//! `newsgraph query`: a question in, an answer from the graph out.

use std::path::PathBuf;

/// Ask the graph a question (see README for the forms it understands).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The graph to ask.
    #[arg(long, default_value = "graphs/graph.json")]
    graph: PathBuf,
    /// Print the answer as JSON.
    #[arg(long, conflicts_with = "dot")]
    json: bool,
    /// Print the answer's subgraph as Graphviz DOT.
    #[arg(long)]
    dot: bool,
    /// The question, e.g. "who spoke to Gerasimov".
    #[arg(required = true, num_args = 1..)]
    question: Vec<String>,
}

pub fn execute(args: &Args) -> anyhow::Result<i32> {
    let _ = args;
    Ok(0)
}
