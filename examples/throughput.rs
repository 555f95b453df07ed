//! Extraction throughput on one thread: the articles of the given files and folders are read
//! into memory first, then parsed and extracted (the work of `newsgraph build` per article,
//! without disk, graph or output), and timed.
//!
//! ```sh
//! cargo run --release --example throughput -- [--limit N] [--rounds R] FILE_OR_DIR...
//! ```
//!
//! Prints one line of `key=value` pairs (articles, words, bytes, seconds, words_per_s, ...),
//! the best of R rounds. Words are counted as whitespace-separated runs, as for the spaCy
//! comparison in `scripts/spacy_bench.py`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use newsgraph::{extract, Article, Lexicon};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut limit = usize::MAX;
    let mut rounds = 3;
    let mut inputs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--limit" => limit = args.next().and_then(|n| n.parse().ok()).expect("--limit N"),
            "--rounds" => {
                rounds = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--rounds R")
            }
            _ => inputs.push(PathBuf::from(arg)),
        }
    }
    let mut files = Vec::new();
    for input in &inputs {
        collect(input, &mut files);
    }
    files.sort();
    files.truncate(limit);
    let texts: Vec<(String, String)> = files
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(p).ok()?)))
        .collect();
    let words: usize = texts
        .iter()
        .map(|(_, t)| t.split_whitespace().count())
        .sum();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let lexicon = Lexicon::builtin();
    let mut best = f64::INFINITY;
    let mut events = 0;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        events = 0;
        for (path, text) in &texts {
            let graph = extract(&lexicon, &Article::parse(path, text));
            events += graph.events.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "articles={} words={} bytes={} events={} seconds={:.3} words_per_s={:.0} articles_per_s={:.0} mb_per_s={:.2}",
        texts.len(),
        words,
        bytes,
        events,
        best,
        words as f64 / best,
        texts.len() as f64 / best,
        bytes as f64 / best / 1e6
    );
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let Ok(entries) = std::fs::read_dir(path) else {
            return;
        };
        for entry in entries.flatten() {
            collect(&entry.path(), files);
        }
    } else if path.extension().is_some_and(|e| e == "txt") {
        files.push(path.to_path_buf());
    }
}
