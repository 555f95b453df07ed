//! `newsgraph build`: articles in, `graph.json` and `graph.dot` out.

use std::fs;
use std::path::PathBuf;

use anyhow::Context;
use newsgraph::export::{write_dot, write_json};
use newsgraph::{extract, input, Article, Lexicon, NewsGraph};

/// Build the graph of a set of articles.
///
/// Reads every `.txt` file given, and every `.txt` file below each folder given (recursively,
/// in sorted order), and writes DIR/graph.json and DIR/graph.dot. Files that cannot be read,
/// are empty or are binary are reported and skipped; the rest still builds, and the exit
/// status is 1. Text that is not UTF-8 is read as Windows-1252 (Latin-1), with a warning;
/// UTF-16 with a byte-order mark is decoded; one article is at most 8 MiB. When no article can
/// be read, nothing is written and the exit status is 2. Outputs are replaced atomically: a
/// failed or killed run leaves the previous graph intact.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Article files (.txt) or folders of them.
    #[arg(default_value = "seeds")]
    inputs: Vec<PathBuf>,
    /// Folder to write graph.json and graph.dot into (created if missing).
    #[arg(long, short, default_value = "graphs")]
    out: PathBuf,
    /// Extra lexicon file: [countries], [organisations] and [titles] sections in the format
    /// of the built-in tables.
    #[arg(long)]
    lexicon: Option<PathBuf>,
    /// Print nothing but errors.
    #[arg(long, short)]
    quiet: bool,
    /// Do not draw graph.svg and graph.png (drawn with Graphviz when `dot` is installed).
    #[arg(long)]
    no_render: bool,
}

pub fn execute(args: &Args) -> anyhow::Result<i32> {
    let mut lexicon = Lexicon::builtin();
    if let Some(path) = &args.lexicon {
        let text = fs::read_to_string(path)
            .with_context(|| format!("reading lexicon {}", path.display()))?;
        lexicon.extend(&path.display().to_string(), &text)?;
    }
    let mut problems = 0;
    let inputs = input::collect(&args.inputs);
    for problem in &inputs.problems {
        eprintln!("newsgraph: skipping {problem}");
        problems += 1;
    }
    let mut found = Vec::new();
    for path in &inputs.files {
        let text = match input::read_article(path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("newsgraph: skipping {error}");
                problems += 1;
                continue;
            }
        };
        for warning in &text.warnings {
            eprintln!("newsgraph: {}: {warning}", path.display());
            problems += usize::from(warning.skips_input());
        }
        let article = Article::parse(&path.display().to_string(), &text.text);
        found.push(extract(&lexicon, &article));
    }
    if found.is_empty() {
        // Replacing a graph with an empty one would lose it for nothing.
        eprintln!(
            "newsgraph: no article could be read; {} left as it was",
            args.out.display()
        );
        return Ok(2);
    }
    let n_articles = found.len();
    let mut graph = NewsGraph::new();
    graph.add_articles(&found);
    fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let mut json = Vec::new();
    write_json(&graph, &mut json)?;
    let mut dot = Vec::new();
    write_dot(&graph, &mut dot)?;
    super::write_atomically(&args.out.join("graph.json"), &json)?;
    super::write_atomically(&args.out.join("graph.dot"), &dot)?;
    if !args.no_render {
        for format in ["svg", "png"] {
            match render(&dot, format) {
                Ok(Some(bytes)) => {
                    super::write_atomically(&args.out.join(format!("graph.{format}")), &bytes)?
                }
                Ok(None) => break,
                Err(reason) => {
                    eprintln!("newsgraph: could not draw graph.{format}: {reason}");
                    problems += 1;
                }
            }
        }
    }
    if !args.quiet {
        eprintln!(
            "newsgraph: {} articles, {} entities, {} events -> {}",
            n_articles,
            graph.entities().count(),
            graph.events().len(),
            args.out.display()
        );
    }
    Ok(if problems > 0 { 1 } else { 0 })
}

/// Draws the DOT with Graphviz (the force-directed `fdp` layout reads best for contact
/// graphs). None when Graphviz is not installed.
fn render(dot: &[u8], format: &str) -> Result<Option<Vec<u8>>, String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("dot")
        .args(["-Kfdp", &format!("-T{format}")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let mut stdin = child.stdin.take().ok_or("no stdin")?;
    let input = dot.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().map_err(|e| e.to_string())?;
    let _ = writer.join();
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_string());
    }
    Ok(Some(output.stdout))
}
