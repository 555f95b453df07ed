//! Arguments and subcommands. Exit status: 0 success, 1 something was skipped or a question
//! could not be answered, 2 nothing could be done (bad arguments, unwritable output).

mod build;
mod explain;
mod export;
mod merge;
mod query;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

/// Build a knowledge graph of who talked to whom from news articles.
///
/// newsgraph reads plain-text news articles, finds the people, institutions and countries
/// they name and the calls and meetings between them, and writes one merged graph as JSON and
/// Graphviz DOT (and, on request, GraphML, GEXF, Cytoscape.js, D3 JSON and an interactive
/// HTML page). Every edge points at the sentence that states it.
#[derive(Debug, Parser)]
#[command(
    name = "newsgraph",
    version,
    after_help = "Examples:\n  newsgraph build seeds --out graphs\n  newsgraph query \"who spoke to Gerasimov\"\n  newsgraph query --json \"did Milley speak to Gerasimov\"\n  newsgraph explain Shoigu\n  newsgraph export --format html -o graph.html\n  newsgraph build new-articles --update\n  newsgraph merge a/graph.json b/graph.json --out all"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Build(build::Args),
    Query(query::Args),
    Explain(explain::Args),
    Merge(merge::Args),
    Export(export::Args),
}

pub fn run() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build::execute(&args),
        Command::Query(args) => query::execute(&args),
        Command::Explain(args) => explain::execute(&args),
        Command::Merge(args) => merge::execute(&args),
        Command::Export(args) => export::execute(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("newsgraph: {error:#}");
            2
        }
    }
}

/// Reads a graph file into the model; the error names the file and what is wrong with it.
pub fn read_graph(path: &Path) -> anyhow::Result<newsgraph::NewsGraph> {
    let file = read_graph_file(path)?;
    newsgraph::export::json::from_file(file)
        .map_err(|error| anyhow::anyhow!("reading graph {}: {error}", path.display()))
}

/// Reads a graph file in its file form; the error names the file and what is wrong with it.
pub fn read_graph_file(path: &Path) -> anyhow::Result<newsgraph::export::GraphFile> {
    use std::io;
    let bytes = match std::fs::read(path) {
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
    newsgraph::export::json::parse_file(&text)
        .map_err(|error| anyhow::anyhow!("reading graph {}: {error}", path.display()))
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// reader (or a killed run) never sees a half-written file.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// Like [`write_atomically`], for output written piece by piece through a buffer (a large
/// graph is never held whole in memory as bytes).
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    prepare_atomically(path, write)?.replace()
}

/// A file written in full beside its destination, not yet in its place.
pub struct Prepared {
    file: tempfile::NamedTempFile,
    path: PathBuf,
}

impl Prepared {
    /// Renames the file over its destination.
    pub fn replace(self) -> anyhow::Result<()> {
        use anyhow::Context;
        self.file
            .persist(&self.path)
            .with_context(|| format!("replacing {}", self.path.display()))?;
        Ok(())
    }
}

/// Writes the store of `graph` into a temporary file beside `path`, ready to replace it.
pub fn prepare_store(path: &Path, graph: &newsgraph::NewsGraph) -> anyhow::Result<Prepared> {
    use anyhow::Context;
    let dir = parent_dir(path);
    let file = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    newsgraph::store::write(graph, file.path())
        .with_context(|| format!("writing {}", path.display()))?;
    file.as_file()
        .sync_all()
        .with_context(|| format!("writing {}", path.display()))?;
    set_readable(file.as_file());
    Ok(Prepared {
        file,
        path: path.to_path_buf(),
    })
}

/// The folder a file is in (`.` for a bare name).
fn parent_dir(path: &Path) -> PathBuf {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// A temporary file is private (0600); the graph is an ordinary file.
fn set_readable(file: &std::fs::File) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    #[cfg(not(unix))]
    let _ = file;
}

/// The first half of [`write_atomically_with`]: writes and syncs the temporary file, so that
/// several outputs can be written (even at once) before any replaces its old version.
pub fn prepare_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<Prepared> {
    use anyhow::Context;
    let dir = parent_dir(path);
    let mut file = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file.as_file_mut());
        write(&mut out)
            .and_then(|()| out.flush())
            .with_context(|| format!("writing {}", path.display()))?;
    }
    file.as_file()
        .sync_all()
        .with_context(|| format!("writing {}", path.display()))?;
    set_readable(file.as_file());
    Ok(Prepared {
        file,
        path: path.to_path_buf(),
    })
}
