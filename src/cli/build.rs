//! `newsgraph build`: articles in, `graph.json` and `graph.dot` out (and the formats asked
//! for with `--format`, and SVG/PNG pictures when Graphviz is installed).

use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsgraph::batch::{extract_batch, BatchOptions, Extracted, Loaded};
use newsgraph::export::{
    self, dot::layout_engine, into_file, write_file, ExportError, Format, Options,
};
use newsgraph::graph::{Builder, Records};
use newsgraph::time::{self, DateSource, Published};
use newsgraph::{input, Aliases, Lexicon, NewsGraph};

use super::export::{format_parser, ClusterArg, SelectArgs};

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
///
/// An article's publication date comes from a sidecar NAME.meta.json ({"published":
/// "2024-03-15"}), else a `Date:` header line at its top, else a YYYY-MM-DD in its path; with
/// it, dates as written ("Wednesday", "Nov. 27", "last week") are resolved to ISO dates.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  newsgraph build seeds\n  newsgraph build articles/ --out out --format graphml,gexf,html\n  newsgraph build seeds --cluster country\n  newsgraph build todays-articles/ --out graphs --update\n  newsgraph build articles/ --aliases aliases.txt\n\n`newsgraph export --help` describes the formats; `newsgraph explain NAME` tells why a node is what it is."
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
    /// Threads reading articles; 0 means one per core. The output is the same for any number.
    #[arg(long, short, default_value_t = 0, value_name = "N")]
    jobs: usize,
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
    /// When another newsgraph is writing to the same output folder, fail at once (exit
    /// status 2) instead of waiting for it to finish.
    #[arg(long)]
    no_wait: bool,
    /// Draw a box around each country with its people and institutions in graph.dot (and
    /// its pictures).
    #[arg(long, value_enum, default_value_t = ClusterArg::None)]
    cluster: ClusterArg,
    /// The part of the graph graph.dot and the --format files show (graph.json always holds
    /// everything).
    #[command(flatten)]
    select: SelectArgs,
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
    // One writer at a time: an update reads the old store and replaces it, and every output
    // of one run replaces its old version together, never beside another run's.
    let wait = if args.no_wait {
        super::Wait::No
    } else {
        super::Wait::Yes
    };
    let _lock = super::lock_folder(&args.out, wait)?;
    // An update holds the old records and the new in memory, to read them as one set; a fresh
    // build keeps them in a temporary file, so memory grows with the graph only.
    let mut old = Vec::new();
    if args.update {
        // The store, or a graph.json of an older newsgraph that kept the records itself.
        let store = args.out.join("graph.db");
        let json = args.out.join("graph.json");
        let from = if store.is_file() { store } else { json };
        if from.is_file() {
            let (articles, rules) = super::read_articles(&from)?;
            aliases.extend(&rules);
            old = articles;
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
    let progress = progress_bar(inputs.files.len() as u64, args.quiet);
    // Texts are read, parsed and dropped in parallel; each result comes back in path order,
    // so any number of threads gives the same graph, and memory holds the graph, not the
    // articles. What a file's reading has to say is printed in path order too.
    let mut failure = None;
    extract_batch(
        &lexicon,
        &inputs.files,
        &BatchOptions { jobs: args.jobs },
        |path| load(path),
        || progress.inc(1),
        |_, result| {
            let (found_here, notes) = match result {
                Ok(Extracted { graph, notes }) => (Some(graph), notes),
                Err(notes) => (None, notes),
            };
            progress.suspend(|| {
                for (note, skips) in &notes {
                    eprintln!("newsgraph: {note}");
                    problems += usize::from(*skips);
                }
            });
            let Some(found_here) = found_here else {
                return;
            };
            n_new += 1;
            if args.update {
                found.push(found_here);
                return;
            }
            if failure.is_some() {
                return;
            }
            let added = builder.add(found_here).and_then(|_| {
                if builder.len() == SPILL_AFTER {
                    builder.spill_to(tempfile::tempfile()?)?;
                }
                Ok(())
            });
            failure = added.err();
        },
    );
    progress.finish_and_clear();
    if let Some(error) = failure {
        return Err(error).context("writing article records to a temporary file");
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
    let (n_entities, n_events) = (graph.entities().count(), graph.events().len());
    problems += write_selected_outputs(graph, &args.out, &outputs, &args.select)?;
    if !args.quiet {
        let added = if args.update {
            format!(" ({n_new} read now)")
        } else {
            String::new()
        };
        eprintln!(
            "newsgraph: {} articles{added}, {} entities, {} events -> {}",
            n_articles,
            n_entities,
            n_events,
            args.out.display()
        );
    }
    Ok(if problems > 0 { 1 } else { 0 })
}

/// A file's article with what its reading had to say, in order: (message, input skipped).
type Notes = Vec<(String, bool)>;

/// Reads one article: its decoded text, and its publication date from a sidecar; the notes
/// say what was wrong. Err when nothing can be read.
fn load(path: &Path) -> Result<Loaded<Notes>, Notes> {
    let text =
        input::read_article(path).map_err(|error| vec![(format!("skipping {error}"), true)])?;
    let mut notes: Notes = text
        .warnings
        .iter()
        .map(|w| (format!("{}: {w}", path.display()), w.skips_input()))
        .collect();
    let published = match sidecar_date(path) {
        Ok(date) => date.map(|date| Published {
            date,
            source: DateSource::Sidecar,
        }),
        Err(reason) => {
            notes.push((format!("{}: {reason}", sidecar_path(path).display()), true));
            None
        }
    };
    Ok(Loaded {
        path: path.display().to_string(),
        text: text.text,
        published,
        notes,
    })
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

/// Graphviz's force-directed layouts take minutes beyond a few thousand nodes: larger graphs
/// are written as DOT but not drawn.
const MAX_DRAWN_ENTITIES: usize = 3000;

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
pub fn write_outputs(graph: NewsGraph, out: &Path, outputs: &Outputs) -> anyhow::Result<usize> {
    write_selected_outputs(graph, out, outputs, &SelectArgs::default())
}

/// [`write_outputs`], the formats other than graph.json showing the part of the graph
/// `select` chooses (by default: all of it up to what each format's readers can draw). When
/// the selection cannot be made (an unknown name), only graph.json is written.
pub fn write_selected_outputs(
    graph: NewsGraph,
    out: &Path,
    outputs: &Outputs,
    select: &SelectArgs,
) -> anyhow::Result<usize> {
    let mut problems = 0;
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut formats = outputs.formats.clone();
    formats.push(Format::Dot);
    formats.retain(|f| *f != Format::Json);
    formats.sort();
    formats.dedup();
    // The store first, from the graph itself; then every other output from the graph's file
    // form, made by taking the graph apart (a large graph is never held twice).
    let store = super::prepare_store(&out.join("graph.db"), &graph)?;
    let file = into_file(graph);
    let limit_of = |format: Format| {
        if select.all {
            None
        } else {
            export::select::drawing_limit(format)
        }
    };
    // The part each format shows, made once per drawing limit (a copy only when it is a part).
    let mut parts: Vec<(Option<usize>, export::GraphFile, Option<String>)> = Vec::new();
    for &format in &formats {
        let limit = limit_of(format);
        if parts.iter().any(|(l, _, _)| *l == limit) {
            continue;
        }
        let whole =
            select.selection().is_everything() && limit.is_none_or(|l| file.nodes.len() <= l);
        if whole {
            continue;
        }
        let names: Vec<&str> = formats
            .iter()
            .filter(|f| limit_of(**f) == limit)
            .map(|f| f.file_name())
            .collect();
        let what = names.join(", ");
        match select.apply(file.clone(), format, &what) {
            Ok((part, note)) => parts.push((limit, part, note)),
            Err(error) => {
                eprintln!("newsgraph: writing graph.json only: {error:#}");
                formats.clear();
                problems += 1;
                break;
            }
        }
    }
    let part_of = |format: Format| {
        let limit = limit_of(format);
        match parts.iter().find(|(l, _, _)| *l == limit) {
            Some((_, part, note)) => (
                part,
                Options {
                    note: note.clone(),
                    ..outputs.options.clone()
                },
            ),
            None => (&file, outputs.options.clone()),
        }
    };
    // Pictures are drawn of a part the user chose, or of a whole graph small enough; never
    // of the part a large graph is cut to by default (Graphviz would take long on it).
    let n_entities = if select.selection().is_everything() {
        file.nodes.len()
    } else {
        part_of(Format::Dot).0.nodes.len()
    };
    let draw = outputs.draw && !formats.is_empty() && n_entities <= MAX_DRAWN_ENTITIES;
    if outputs.draw && !formats.is_empty() && !draw {
        eprintln!(
            "newsgraph: not drawing graph.svg/graph.png: {n_entities} entities is too many to \
             lay out (the limit is {MAX_DRAWN_ENTITIES})"
        );
    }
    let mut dot = Vec::new();
    // Each output is streamed into a temporary file; graph.json, the largest, on a thread of
    // its own beside the others. They replace their old versions once all are written, so a
    // failure leaves the previous graph as it was.
    let (json, others) = std::thread::scope(|scope| {
        let json = scope.spawn(|| {
            super::prepare_atomically(&out.join(Format::Json.file_name()), |w| {
                write_file(&file, w)
            })
        });
        let mut others = Vec::new();
        for &format in &formats {
            let mut failed = None;
            let (part, options) = part_of(format);
            let prepared = super::prepare_atomically(&out.join(format.file_name()), |w| {
                let written = match format {
                    Format::Dot if draw => export::write(format, part, &options, &mut dot)
                        .and_then(|()| w.write_all(&dot).map_err(ExportError::from)),
                    _ => export::write(format, part, &options, w),
                };
                written.map_err(|error| {
                    let io = std::io::Error::other(error.to_string());
                    failed = Some(error);
                    io
                })
            });
            others.push((format, prepared, failed));
        }
        (json.join(), others)
    });
    let json = json.map_err(|_| anyhow::anyhow!("writing graph.json failed"))?;
    // Every output is written in full before any replaces its old version.
    let mut ready = vec![store, json?];
    for (format, prepared, failed) in others {
        match (prepared, failed) {
            (Ok(prepared), _) => ready.push(prepared),
            (Err(_), Some(error)) if !matches!(error, ExportError::Io(_)) => {
                // One format this build cannot write (html without d3) spoils only itself.
                eprintln!("newsgraph: not writing {}: {error}", format.file_name());
                problems += 1;
            }
            (Err(error), _) => return Err(error),
        }
    }
    if draw {
        for format in ["svg", "png"] {
            match render(&dot, layout_engine(part_of(Format::Dot).0), format) {
                Ok(Some(bytes)) => ready.push(super::prepare_atomically(
                    &out.join(format!("graph.{format}")),
                    |w| w.write_all(&bytes),
                )?),
                Ok(None) => break,
                Err(reason) => {
                    eprintln!("newsgraph: could not draw graph.{format}: {reason}");
                    problems += 1;
                }
            }
        }
    }
    for prepared in ready {
        prepared.replace()?;
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
