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
