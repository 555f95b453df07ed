//! `newsgraph query`: a graph file and a question in, the answer on stdout (a table, JSON or
//! DOT). A question that cannot be answered exits with status 1, an unreadable graph with 2.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use newsgraph::export::{self, Format, GraphFile, Options};
use newsgraph::query::{self, Answer};

use super::export::SelectArgs;

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
    /// Print the answer's subgraph as Graphviz DOT (drawn as `export -f dot` draws, when
    /// the options below choose a part of it).
    #[arg(long)]
    dot: bool,
    /// Show at most N rows of the table (then how many more there are); --all shows every
    /// row, and every line whole.
    #[arg(long, default_value_t = 20, value_name = "N")]
    limit: usize,
    #[command(flatten)]
    select: SelectArgs,
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
  newsgraph query --dot --kind call --since 2023 \"who spoke to Gerasimov\" | dot -Kfdp -Tsvg > calls.svg
  newsgraph query --graph /tmp/q/graph.db \"timeline of Gerasimov in 2023\"
  newsgraph query --all \"who spoke to Russia\"";

pub fn execute(args: &Args) -> anyhow::Result<i32> {
    let question = args.question.join(" ");
    let selected = !args.select.selection().is_everything();
    if selected && !args.dot {
        anyhow::bail!("--around, --top, --since, --until, --kind, --status and --country choose the part of the answer --dot draws; add --dot");
    }
    let parsed = match query::parse(&question) {
        Ok(parsed) => parsed,
        Err(error) => {
            eprintln!("newsgraph: {error}");
            return Ok(1);
        }
    };
    let (graph, answer) = if super::is_store(&args.graph)? {
        // A drawing of a chosen part shows names, titles and every report, as `export` does.
        let detail = if args.dot && (selected || args.select.all) {
            newsgraph::store::Detail::ALL
        } else {
            newsgraph::store::Detail::default()
        };
        // A table reads the events of the rows it shows; JSON and drawings read them all.
        let shown = (!args.json && !args.dot && !args.select.all).then_some(args.limit);
        query::answer_from_store(&args.graph, &parsed, detail, shown)
            .map_err(|error| anyhow::anyhow!("reading graph {}: {error}", args.graph.display()))?
    } else {
        let graph = super::read_graph(&args.graph)?;
        let answer = query::answer(&graph, &parsed);
        (graph, answer)
    };
    let answer = match answer.map(|mut answer| {
        answer.question = question.trim().to_string();
        answer
    }) {
        Ok(answer) => answer,
        Err(error) => {
            eprintln!("newsgraph: {error}");
            return Ok(1);
        }
    };
    if args.dot && (selected || args.select.all) {
        let file = export::json::to_file(&graph);
        let (part, note) = args
            .select
            .apply(subgraph(file, &answer), Format::Dot, "the answer")?;
        let options = Options {
            note,
            ..Options::default()
        };
        let mut bytes = Vec::new();
        export::write(Format::Dot, &part, &options, &mut bytes)
            .map_err(|error| super::export::explain(error, &args.graph))?;
        let mut out = io::stdout().lock();
        return match out.write_all(&bytes).and_then(|()| out.flush()) {
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(0),
            result => result.context("writing the answer").map(|()| 0),
        };
    }
    let mut out = io::stdout().lock();
    let written = if args.json {
        query::write_json(&answer, &mut out)
    } else if args.dot {
        query::write_dot(&graph, &answer, &mut out)
    } else {
        let options = if args.select.all {
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

/// The answer's part of the graph file: the entities it names and finds, the edges of its
/// events, and the affiliations of those entities.
fn subgraph(file: GraphFile, answer: &Answer) -> GraphFile {
    use std::collections::HashSet;
    let events: HashSet<&str> = answer
        .results
        .iter()
        .flat_map(|r| &r.events)
        .chain(&answer.timeline)
        .map(|e| e.id.as_str())
        .collect();
    let mut ids: HashSet<&str> = answer.about.iter().map(String::as_str).collect();
    ids.extend(answer.results.iter().map(|r| r.id.as_str()));
    let edges: Vec<_> = file
        .edges
        .iter()
        .filter(|e| match &e.event {
            Some(event) => events.contains(&**event),
            None => false,
        })
        .cloned()
        .collect();
    let mut ids: HashSet<String> = ids.into_iter().map(str::to_string).collect();
    for edge in &edges {
        ids.insert(edge.source.to_string());
        ids.insert(edge.target.to_string());
    }
    let affiliations: Vec<_> = file
        .edges
        .iter()
        .filter(|e| e.event.is_none() && ids.contains(&*e.source))
        .cloned()
        .collect();
    for edge in &affiliations {
        ids.insert(edge.target.to_string());
    }
    let nodes = file
        .nodes
        .into_iter()
        .filter(|n| ids.contains(&*n.id))
        .collect();
    GraphFile {
        nodes,
        edges: edges.into_iter().chain(affiliations).collect(),
        articles: Vec::new(),
        ..file
    }
}
