//! `newsgraph build`: articles in, `graph.json` and `graph.dot` out (and the formats asked
//! for with `--format`, and SVG/PNG pictures when Graphviz is installed).

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;
use newsgraph::export::{
    self, dot::layout_engine, read_json, to_file, write_json, Format, Options,
};
use newsgraph::graph::{Builder, Records};
use newsgraph::time::{self, DateSource, Published};
use newsgraph::{extract, input, Aliases, Article, Lexicon, NewsGraph};

use super::export::{format_parser, ClusterArg};

/// Build the graph of a set of articles.
///
/// Reads every `.txt` file given, and every `.txt` file below each folder given (recursively,
/// in sorted order), and writes DIR/graph.json and DIR/graph.dot, and DIR/graph.svg and
/// DIR/graph.png when Graphviz is installed. Files that cannot be read, are empty or are binary
/// are reported and skipped; the rest still builds, and the exit status is 1. Text that is not
/// UTF-8 is read as Windows-1252 (Latin-1), with a warning; UTF-16 with a byte-order mark is
/// decoded; one article is at most 8 MiB. When no article can be read, nothing is written and
/// the exit status is 2. Outputs are replaced atomically: a failed or killed run leaves the
/// previous graph intact.
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
    /// Alias rules, one per line: `Mike Pompeo = Michael Pompeo` makes names one entity,
    /// `Donald Trump != Donald Trump Jr.` keeps them apart. Kept in graph.json for later
    /// updates and merges.
    #[arg(long, value_name = "FILE")]
    aliases: Option<PathBuf>,
    /// Add the inputs to the existing OUT/graph.json instead of starting afresh: old articles
    /// are not read again, an article already there is replaced by its new version, and the
    /// result is the graph a fresh build over all the articles would give.
    #[arg(long)]
    update: bool,
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
    let mut aliases = match &args.aliases {
        Some(path) => read_aliases(path)?,
        None => Aliases::default(),
    };
    // An update holds the old records and the new in memory, to read them as one set; a fresh
    // build keeps them in a temporary file, so memory grows with the graph only.
    let mut old = Vec::new();
    let json_path = args.out.join("graph.json");
    if args.update {
        match fs::read_to_string(&json_path) {
            Ok(text) => {
                let graph =
                    read_json(&text).with_context(|| format!("reading {}", json_path.display()))?;
                if graph.article_count() == 0 && graph.entities().next().is_some() {
                    anyhow::bail!(
                        "{} has no article records (written by an older newsgraph?): build it afresh",
                        json_path.display()
                    );
                }
                aliases.extend(graph.aliases());
                old = graph.articles()?;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e).with_context(|| format!("reading {}", json_path.display())),
        }
    }
    let mut problems = 0;
    let mut found = Vec::new();
    let mut builder = Builder::new(aliases.clone(), Records::default());
    let inputs = input::collect(&args.inputs);
    for problem in &inputs.problems {
        eprintln!("newsgraph: skipping {problem}");
        problems += 1;
    }
    let mut n_new = 0;
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
        let mut article = Article::parse(&path.display().to_string(), &text.text);
        match sidecar_date(path) {
            Ok(Some(date)) => {
                article.published = Some(Published {
                    date,
                    source: DateSource::Sidecar,
                })
            }
            Ok(None) => {}
            Err(reason) => {
                eprintln!("newsgraph: {}: {reason}", sidecar_path(path).display());
                problems += 1;
            }
        }
        let found_here = extract(&lexicon, &article);
        if args.update {
            found.push(found_here);
        } else {
            builder
                .add(found_here)
                .context("writing article records to a temporary file")?;
            if builder.len() == SPILL_AFTER {
                let file = tempfile::tempfile().context("creating a temporary file")?;
                builder
                    .spill_to(file)
                    .context("writing article records to a temporary file")?;
            }
        }
        n_new += 1;
    }
    if n_new == 0 {
        // Replacing a graph with an empty one (or the same) would lose it for nothing.
        eprintln!(
            "newsgraph: no article could be read; {} left as it was",
            args.out.display()
        );
        return Ok(2);
    }
    let graph = if args.update {
        NewsGraph::build(old.into_iter().chain(found), &aliases)
    } else {
        builder.finish()?
    };
    let n_articles = graph.article_count();
    let outputs = Outputs {
        formats: args.format.clone(),
        options: args.cluster.options(),
        draw: !args.no_render,
    };
    problems += write_outputs(&graph, &args.out, &outputs)?;
    if !args.quiet {
        let added = if args.update {
            format!(" ({n_new} read now)")
        } else {
            String::new()
        };
        eprintln!(
            "newsgraph: {} articles{added}, {} entities, {} events -> {}",
            n_articles,
            graph.entities().count(),
            graph.events().len(),
            args.out.display()
        );
    }
    Ok(if problems > 0 { 1 } else { 0 })
}

/// How many articles' records a build keeps in memory before it moves them to a temporary
/// file (so memory grows with the graph, not with the number of articles).
const SPILL_AFTER: usize = 2000;

/// Reads a user's alias file.
pub fn read_aliases(path: &Path) -> anyhow::Result<Aliases> {
    let text =
        fs::read_to_string(path).with_context(|| format!("reading aliases {}", path.display()))?;
    Aliases::parse(&text).with_context(|| format!("in aliases {}", path.display()))
}

/// `NAME.meta.json` beside `NAME.txt`.
fn sidecar_path(path: &Path) -> PathBuf {
    path.with_extension("meta.json")
}

/// The publication date in an article's sidecar file, if it has one.
fn sidecar_date(path: &Path) -> Result<Option<chrono::NaiveDate>, String> {
    match fs::read_to_string(sidecar_path(path)) {
        Ok(text) => time::from_sidecar(&text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// What to write of a graph.
pub struct Outputs {
    /// The formats (graph.json and graph.dot are written whatever this says).
    pub formats: Vec<Format>,
    pub options: Options,
    /// Draw graph.svg and graph.png when Graphviz is installed.
    pub draw: bool,
}

/// Writes graph.json, graph.dot and the other formats asked for into `out` (created if
/// missing), and draws graph.svg and graph.png when asked and Graphviz is installed. Returns
/// how many outputs could not be written.
pub fn write_outputs(graph: &NewsGraph, out: &Path, outputs: &Outputs) -> anyhow::Result<usize> {
    let mut problems = 0;
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let file = to_file(graph);
    let mut formats = outputs.formats.clone();
    formats.extend([Format::Json, Format::Dot]);
    formats.sort();
    formats.dedup();
    let mut dot = Vec::new();
    for format in formats {
        let mut bytes = Vec::new();
        let written = match format {
            // graph.json streams the article records, which `file` does not hold.
            Format::Json => write_json(graph, &mut bytes).map_err(export::ExportError::from),
            _ => export::write(format, &file, &outputs.options, &mut bytes),
        };
        if let Err(error) = written {
            // One format this build cannot write (html without d3) spoils only itself.
            eprintln!("newsgraph: not writing {}: {error}", format.file_name());
            problems += 1;
            continue;
        }
        super::write_atomically(&out.join(format.file_name()), &bytes)?;
        if format == Format::Dot {
            dot = bytes;
        }
    }
    if outputs.draw {
        for format in ["svg", "png"] {
            match render(&dot, layout_engine(&file), format) {
                Ok(Some(bytes)) => {
                    super::write_atomically(&out.join(format!("graph.{format}")), &bytes)?
                }
                Ok(None) => break,
                Err(reason) => {
                    eprintln!("newsgraph: could not draw graph.{format}: {reason}");
                    problems += 1;
                }
            }
        }
    }
    Ok(problems)
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
