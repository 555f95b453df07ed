//! Helpers shared by the test modules: where the project's seeds are and the graph they make.

use std::fs;
use std::path::Path;

use newsgraph::export::{write_dot, write_json};
use newsgraph::{Lexicon, NewsGraph};

/// The project root.
pub fn project_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The project's `seeds/` articles as `newsgraph build seeds` names them, run from the
/// project root: `(seeds/NAME.txt, text)`, sorted by path.
pub fn seed_articles() -> Vec<(String, String)> {
    let dir = project_dir().join("seeds");
    let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    let mut names: Vec<String> = entries
        .map(|entry| {
            entry
                .expect("a readable seeds/ entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no .txt files in {}", dir.display());
    names
        .into_iter()
        .map(|name| {
            let path = dir.join(&name);
            let text = fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
            (format!("seeds/{name}"), text)
        })
        .collect()
}

/// The graph of `articles`, built by the library.
pub fn build(articles: &[(String, String)]) -> NewsGraph {
    newsgraph::build(
        &Lexicon::builtin(),
        articles
            .iter()
            .map(|(path, text)| (path.as_str(), text.as_str())),
    )
}

/// `graph.json` bytes.
pub fn json_bytes(graph: &NewsGraph) -> Vec<u8> {
    let mut out = Vec::new();
    write_json(graph, &mut out).expect("writing JSON to memory");
    out
}

/// `graph.dot` bytes.
pub fn dot_bytes(graph: &NewsGraph) -> Vec<u8> {
    let mut out = Vec::new();
    write_dot(graph, &mut out).expect("writing DOT to memory");
    out
}

/// What one run of the binary did.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn assert_code(&self, expected: i32) -> &Run {
        assert_eq!(
            self.code,
            Some(expected),
            "exit status\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn assert_stderr_has(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "stderr should mention {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    /// Asserts that one line of stderr contains every one of `needles`.
    #[track_caller]
    pub fn assert_line(&self, needles: &[&str]) -> &Run {
        assert!(
            self.stderr
                .lines()
                .any(|line| needles.iter().all(|n| line.contains(n))),
            "no line of stderr mentions all of {needles:?}:\n{}",
            self.stderr
        );
        self
    }
}

pub fn run_output(output: std::process::Output) -> Run {
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// The content of a `graph.db`, as `sqlite3 graph.db .dump` would list it: every table's
/// schema and rows in order (FTS5's own tables included), as text.
pub fn store_dump(path: &Path) -> String {
    let db =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap_or_else(|e| panic!("opening {}: {e}", path.display()));
    let mut out = String::new();
    let tables: Vec<(String, String)> = db
        .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get::<_, Option<String>>(1)?.unwrap_or_default(),
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for (name, sql) in tables {
        out += &format!("{sql};\n");
        if sql.starts_with("CREATE INDEX") || sql.is_empty() {
            continue;
        }
        let mut stmt = db.prepare(&format!("SELECT * FROM \"{name}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            let cells: Vec<String> = (0..n)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            out += &format!("{name}: {}\n", cells.join(" | "));
        }
    }
    out
}
