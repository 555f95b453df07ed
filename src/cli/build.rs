//! `newsgraph build`: articles in, `graph.json` and `graph.dot` out (and the formats asked
//! for with `--format`, and SVG/PNG pictures when Graphviz is installed).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;
use newsgraph::export::{self, dot::layout_engine, to_file, Format};
use newsgraph::{extract, Article, Lexicon, NewsGraph};

use super::export::{format_parser, ClusterArg};

/// Build the graph of a set of articles.
///
/// Reads every `.txt` file given, and every `.txt` file below each folder given (recursively,
/// in sorted order), and writes DIR/graph.json and DIR/graph.dot, and DIR/graph.svg and
/// DIR/graph.png when Graphviz is installed. Files that cannot be read or are not UTF-8 are
/// reported and skipped; the rest still builds, and the exit status is 1. Outputs are
/// replaced atomically: a failed or killed run leaves the previous graph intact.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph build seeds\n  newsgraph build articles/ --out out --format graphml,gexf,html\n  newsgraph build seeds --cluster country\n\n`newsgraph export --help` describes the formats."
)]
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
    /// Also write DIR/graph.FORMAT for each FORMAT (comma-separated or repeated): graphml,
    /// gexf, cytoscape (graph.cytoscape.json), d3 (graph.d3.json), html. graph.json and
    /// graph.dot are always written.
    #[arg(long, short, value_name = "FORMAT", value_delimiter = ',', value_parser = format_parser())]
    format: Vec<Format>,
    /// Draw a box around each country with its people and institutions in graph.dot (and
    /// its pictures).
    #[arg(long, value_enum, default_value_t = ClusterArg::None)]
    cluster: ClusterArg,
}

pub fn execute(args: &Args) -> anyhow::Result<i32> {
    let mut lexicon = Lexicon::builtin();
    if let Some(path) = &args.lexicon {
        let text = fs::read_to_string(path)
            .with_context(|| format!("reading lexicon {}", path.display()))?;
        lexicon.extend(&path.display().to_string(), &text)?;
    }
    let mut problems = 0;
    let mut files = Vec::new();
    for input in &args.inputs {
        if let Err(error) = collect(input, &mut files) {
            eprintln!("newsgraph: {}: {error}", input.display());
            problems += 1;
        }
    }
    files.sort();
    files.dedup();
    let mut found = Vec::new();
    for path in &files {
        let text = match read_article(path) {
            Ok(text) => text,
            Err(reason) => {
                eprintln!("newsgraph: skipping {}: {reason}", path.display());
                problems += 1;
                continue;
            }
        };
        let article = Article::parse(&path.display().to_string(), &text);
        found.push(extract(&lexicon, &article));
    }
    let n_articles = found.len();
    let mut graph = NewsGraph::new();
    graph.add_articles(&found);
    fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let file = to_file(&graph);
    let options = args.cluster.options();
    let mut formats = vec![Format::Json, Format::Dot];
    formats.extend(args.format.iter().copied());
    formats.sort();
    formats.dedup();
    let mut dot = Vec::new();
    for format in formats {
        let mut bytes = Vec::new();
        if let Err(error) = export::write(format, &file, &options, &mut bytes) {
            // One format this build cannot write (html without d3) spoils only itself.
            eprintln!("newsgraph: not writing {}: {error}", format.file_name());
            problems += 1;
            continue;
        }
        super::write_atomically(&args.out.join(format.file_name()), &bytes)?;
        if format == Format::Dot {
            dot = bytes;
        }
    }
    if !args.no_render {
        for format in ["svg", "png"] {
            match render(&dot, layout_engine(&file), format) {
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

/// Draws the DOT with Graphviz and the given layout engine (force-directed `fdp` reads best
/// for contact graphs, `sfdp` for large ones). None when Graphviz is not installed.
fn render(dot: &[u8], engine: &str, format: &str) -> Result<Option<Vec<u8>>, String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let child = Command::new("dot")
        .args([format!("-K{engine}"), format!("-T{format}")])
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

/// Adds `input` (a file, or the .txt files below a folder) to `files`.
fn collect(input: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let meta = fs::metadata(input)?;
    if meta.is_file() {
        files.push(input.to_path_buf());
        return Ok(());
    }
    let mut stack = vec![input.to_path_buf()];
    let mut seen = std::collections::HashSet::new();
    while let Some(dir) = stack.pop() {
        // A symlink loop would revisit a folder: each real folder is read once.
        let real = fs::canonicalize(&dir)?;
        if !seen.insert(real) {
            continue;
        }
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) => {
                eprintln!("newsgraph: skipping folder {}: {error}", dir.display());
                continue;
            }
        };
        for entry in entries.flatten() {
            let path = entry.path();
            match fs::metadata(&path) {
                Ok(m) if m.is_dir() => stack.push(path),
                Ok(_) if path.extension().is_some_and(|e| e == "txt") => files.push(path),
                _ => {}
            }
        }
    }
    Ok(())
}

fn read_article(path: &Path) -> Result<String, String> {
    let bytes = fs::read(path).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}
