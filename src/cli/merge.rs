//! `newsgraph merge`: graphs built separately in, the graph of all their articles out.

use std::path::PathBuf;

use newsgraph::export::Format;
use newsgraph::{Aliases, NewsGraph};

use super::export::{format_parser, ClusterArg};

/// Merge graphs built separately (on other machines, or shards of one corpus) into the graph
/// one build over all their articles would give.
///
/// Each store (graph.db) keeps what each of its articles said, so the merge re-resolves entities and
/// events over the union of articles: a lone surname in one shard joins the full name in
/// another, and one event reported in two shards becomes one event with two sources. An
/// article in several inputs counts once. Alias rules recorded in the inputs apply, with those
/// of --aliases.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  newsgraph build shard1 --out out/1 && newsgraph build shard2 --out out/2
  newsgraph merge out/1/graph.db out/2/graph.db --out graphs")]
pub struct Args {
    /// Stores written by `newsgraph build` (or `merge`): graph.db, or graph.json with graph.db
    /// beside it, or a graph.json of an older newsgraph that kept its article records.
    #[arg(required = true, value_name = "GRAPH.db")]
    graphs: Vec<PathBuf>,
    /// Folder to write graph.json and graph.dot into (created if missing).
    #[arg(long, short, default_value = "graphs")]
    out: PathBuf,
    /// More alias rules (see `newsgraph build --help`).
    #[arg(long, value_name = "FILE")]
    aliases: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
    /// Do not draw graph.svg and graph.png.
    #[arg(long)]
    no_render: bool,
    /// Also write these formats (see `newsgraph build --help`).
    #[arg(long, short, value_name = "FORMAT", value_delimiter = ',', value_parser = format_parser())]
    format: Vec<Format>,
    /// When another newsgraph is writing to the same output folder, fail at once (exit
    /// status 2) instead of waiting for it to finish.
    #[arg(long)]
    no_wait: bool,
    /// Draw a box around each country in graph.dot.
    #[arg(long, value_enum, default_value_t = ClusterArg::None)]
    cluster: ClusterArg,
}

pub fn execute(args: &Args) -> anyhow::Result<i32> {
    let mut aliases = match &args.aliases {
        Some(path) => super::build::read_aliases(path)?,
        None => Aliases::default(),
    };
    // One writer at a time: an update reads the old store and replaces it, and every output
    // of one run replaces its old version together, never beside another run's.
    let wait = if args.no_wait {
        super::Wait::No
    } else {
        super::Wait::Yes
    };
    let _lock = super::lock_folder(&args.out, wait)?;
    let mut articles = Vec::new();
    for path in &args.graphs {
        let (these, rules) = super::read_articles(path)?;
        aliases.extend(&rules);
        articles.extend(these);
    }
    let graph = NewsGraph::build(articles, &aliases);
    let outputs = super::build::Outputs {
        formats: args.format.clone(),
        options: args.cluster.options(),
        draw: !args.no_render,
    };
    let (n_articles, n_entities, n_events) = (
        graph.article_count(),
        graph.entities().count(),
        graph.events().len(),
    );
    let problems = super::build::write_outputs(graph, &args.out, &outputs)?;
    if !args.quiet {
        eprintln!(
            "newsgraph: {} graphs, {} articles, {} entities, {} events -> {}",
            args.graphs.len(),
            n_articles,
            n_entities,
            n_events,
            args.out.display()
        );
    }
    Ok(if problems > 0 { 1 } else { 0 })
}
