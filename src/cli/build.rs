//! `newsgraph build`: articles in, `graph.json` and `graph.dot` out.

use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::export::{write_dot, write_json};
use newsgraph::{extract_batch, BatchOptions, Lexicon, Loaded, NewsGraph};

/// Graphviz's force-directed layout takes minutes beyond a few thousand nodes: larger graphs
/// are written as DOT but not drawn.
const MAX_DRAWN_ENTITIES: usize = 3000;

/// Build the graph of a set of articles.
///
/// Reads every `.txt` file given, and every `.txt` file below each folder given (recursively,
/// in sorted order), and writes DIR/graph.json and DIR/graph.dot. Files that cannot be read or
/// are not UTF-8 are reported and skipped; the rest still builds, and the exit status is 1.
/// Outputs are replaced atomically: a failed or killed run leaves the previous graph intact.
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
    /// Print nothing but errors (and no progress bar).
    #[arg(long, short)]
    quiet: bool,
    /// Threads reading articles; 0 means one per core. The output is the same for any number.
    #[arg(long, short, default_value_t = 0, value_name = "N")]
    jobs: usize,
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
    let mut files = Vec::new();
    for input in &args.inputs {
        if let Err(error) = collect(input, &mut files) {
            eprintln!("newsgraph: {}: {error}", input.display());
            problems += 1;
        }
    }
    files.sort();
    files.dedup();
    let progress = progress_bar(files.len() as u64, args.quiet);
    // Texts are read, parsed and dropped in parallel; each result is merged into the graph in
    // path order as it comes, so any number of threads gives the same graph and memory holds
    // the graph, not the articles.
    let mut graph = NewsGraph::new();
    let mut n_articles = 0;
    extract_batch(
        &lexicon,
        &files,
        &BatchOptions { jobs: args.jobs },
        |path| {
            read_article(path).map(|text| Loaded {
                path: path.display().to_string(),
                text,
            })
        },
        || progress.inc(1),
        |index, result| match result {
            Ok(article) => {
                graph.add_streamed(&article);
                n_articles += 1;
            }
            Err(reason) => {
                progress.suspend(|| {
                    eprintln!("newsgraph: skipping {}: {reason}", files[index].display())
                });
                problems += 1;
            }
        },
    );
    graph.finish_stream();
    progress.finish_and_clear();
    fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let n_entities = graph.entities().count();
    let draw = !args.no_render && n_entities <= MAX_DRAWN_ENTITIES;
    // graph.json and graph.dot are written at once, on two threads (each is a long serial
    // walk over a large graph); graph.json replaces its old version first, and graph.dot only
    // if graph.json could be written.
    let (json, dot) = std::thread::scope(|scope| {
        let dot = scope.spawn(|| -> anyhow::Result<(super::Prepared, Vec<u8>)> {
            let path = args.out.join("graph.dot");
            if draw {
                let mut dot = Vec::new();
                write_dot(&graph, &mut dot)?;
                Ok((
                    super::prepare_atomically(&path, |out| out.write_all(&dot))?,
                    dot,
                ))
            } else {
                let prepared = super::prepare_atomically(&path, |out| write_dot(&graph, out))?;
                Ok((prepared, Vec::new()))
            }
        });
        let json =
            super::prepare_atomically(&args.out.join("graph.json"), |out| write_json(&graph, out));
        let dot = dot
            .join()
            .unwrap_or_else(|_| Err(anyhow::anyhow!("writing graph.dot failed")));
        (json, dot)
    });
    json?.replace()?;
    let (prepared, dot) = dot?;
    prepared.replace()?;
    if !draw && !args.no_render && !args.quiet {
        eprintln!(
            "newsgraph: not drawing graph.svg/graph.png: {n_entities} entities is too many to \
             lay out (the limit is {MAX_DRAWN_ENTITIES})"
        );
    }
    if draw {
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
            n_entities,
            graph.events().len(),
            args.out.display()
        );
    }
    Ok(if problems > 0 { 1 } else { 0 })
}

/// A progress bar on stderr, only for a person watching: not with --quiet, not when stderr
/// is a file or a pipe.
fn progress_bar(len: u64, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} reading articles {wide_bar} {human_pos}/{human_len} ({eta} left)",
    ) {
        bar.set_style(style);
    }
    bar
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
