//! Arguments and subcommands. Exit status: 0 success, 1 something was skipped or a question
//! could not be answered, 2 nothing could be done (bad arguments, unwritable output).

mod build;
mod explain;
mod export;
mod merge;
mod query;

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
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

/// Reads a graph into the model, without what each article said: from a store (`graph.db`)
/// or a `graph.json`. The error names the file and what is wrong with it.
pub fn read_graph(path: &Path) -> anyhow::Result<newsgraph::NewsGraph> {
    if is_store(path)? {
        return read_store(path, false);
    }
    let file = read_graph_file(path)?;
    newsgraph::export::json::from_file(file)
        .map_err(|error| anyhow::anyhow!("reading graph {}: {error}", path.display()))
}

/// Like [`read_graph`], with what each article said (for `explain`): from the store, or the
/// store beside a `graph.json`, or the records of a `graph.json` written by an older newsgraph.
pub fn read_graph_with_articles(path: &Path) -> anyhow::Result<newsgraph::NewsGraph> {
    if is_store(path)? {
        return read_store(path, true);
    }
    let file = read_graph_file(path)?;
    if file.articles.is_empty() {
        let beside = store_beside(path);
        if beside.is_file() {
            return read_store(&beside, true);
        }
    }
    newsgraph::export::json::from_file(file)
        .map_err(|error| anyhow::anyhow!("reading graph {}: {error}", path.display()))
}

/// What each article of a graph said, and the alias rules it was built with: what `merge` and
/// `build --update` rebuild from. Read from a store, from the store beside a `graph.json`, or
/// from the records of a `graph.json` written by an older newsgraph.
pub fn read_articles(
    path: &Path,
) -> anyhow::Result<(Vec<newsgraph::ArticleGraph>, newsgraph::Aliases)> {
    if is_store(path)? {
        return newsgraph::store::read_articles(path)
            .map_err(|error| anyhow::anyhow!("reading graph {}: {error}", path.display()));
    }
    let beside = store_beside(path);
    let file = read_graph_file(path)?;
    if file.articles.is_empty() {
        if beside.is_file() {
            return newsgraph::store::read_articles(&beside)
                .map_err(|error| anyhow::anyhow!("reading graph {}: {error}", beside.display()));
        }
        if !file.nodes.is_empty() {
            anyhow::bail!(
                "{} keeps no article records and there is no graph.db beside it: build the \
                 graph again from its articles with `newsgraph build`",
                path.display()
            );
        }
    }
    let graph = newsgraph::export::json::from_file(file)
        .map_err(|error| anyhow::anyhow!("reading graph {}: {error}", path.display()))?;
    let articles = graph
        .articles()
        .with_context(|| format!("reading graph {}", path.display()))?;
    Ok((articles, graph.aliases().clone()))
}

/// `graph.db` in the folder of `path`.
pub fn store_beside(path: &Path) -> PathBuf {
    parent_dir(path).join("graph.db")
}

/// Does the file start as a SQLite database does? A missing file says how to make one.
pub fn is_store(path: &Path) -> anyhow::Result<bool> {
    use std::io::Read;
    let mut head = [0u8; 16];
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            anyhow::bail!(
                "reading graph {}: {error} (write one with `newsgraph build`)",
                path.display()
            )
        }
        Err(error) => anyhow::bail!("reading graph {}: {error}", path.display()),
    };
    let n = file.take(16).read(&mut head).unwrap_or(0);
    Ok(n == 16 && &head == b"SQLite format 3\0")
}

fn read_store(path: &Path, with_articles: bool) -> anyhow::Result<newsgraph::NewsGraph> {
    newsgraph::store::read(path, with_articles)
        .map_err(|error| anyhow::anyhow!("reading graph {}: {error}", path.display()))
}

/// Reads a graph file in its file form; the error names the file and what is wrong with it.
pub fn read_graph_file(path: &Path) -> anyhow::Result<newsgraph::export::GraphFile> {
    use std::io;
    if is_store(path)? {
        return Ok(newsgraph::export::into_file(read_store(path, false)?));
    }
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

/// The exclusive lock of an output folder, held by one writer (`build`, `build --update`,
/// `merge`) from reading the old store to replacing every output; released when dropped (or
/// when the process ends, however it ends).
pub struct FolderLock {
    _file: std::fs::File,
}

/// How a writer that finds its output folder locked behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wait {
    /// Wait for the other writer to finish, saying so on stderr.
    Yes,
    /// Fail at once.
    No,
}

/// Takes the exclusive lock of the output folder `dir` (created if missing). On Unix the lock
/// is the folder's own (`flock` on it), so no lock file is left behind; elsewhere it is a
/// `.newsgraph.lock` file in the folder.
pub fn lock_folder(dir: &Path, wait: Wait) -> anyhow::Result<FolderLock> {
    use anyhow::Context;
    use std::fs::TryLockError;
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    #[cfg(unix)]
    let file = std::fs::File::open(dir);
    #[cfg(not(unix))]
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(".newsgraph.lock"));
    let file = file.with_context(|| format!("locking {}", dir.display()))?;
    match file.try_lock() {
        Ok(()) => return Ok(FolderLock { _file: file }),
        Err(TryLockError::WouldBlock) => {}
        Err(TryLockError::Error(error)) => {
            return Err(error).with_context(|| format!("locking {}", dir.display()))
        }
    }
    if wait == Wait::No {
        anyhow::bail!(
            "{} is being written by another newsgraph (build or merge); run again when it \
             is done, or without --no-wait to wait for it",
            dir.display()
        );
    }
    eprintln!(
        "newsgraph: waiting for another newsgraph writing to {} to finish",
        dir.display()
    );
    file.lock()
        .with_context(|| format!("locking {}", dir.display()))?;
    Ok(FolderLock { _file: file })
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
    prepare(path, |file| {
        newsgraph::store::write(graph, file.path()).map_err(anyhow::Error::from)
    })
}

/// A temporary file beside `path`, filled by `fill`, synced and made readable: what every
/// output goes through before it replaces its old version.
fn prepare(
    path: &Path,
    fill: impl FnOnce(&mut tempfile::NamedTempFile) -> anyhow::Result<()>,
) -> anyhow::Result<Prepared> {
    use anyhow::Context;
    let dir = parent_dir(path);
    let mut file = tempfile::NamedTempFile::new_in(&dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    fill(&mut file).with_context(|| format!("writing {}", path.display()))?;
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
    prepare(path, |file| {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, file.as_file_mut());
        write(&mut out).and_then(|()| out.flush())?;
        Ok(())
    })
}
