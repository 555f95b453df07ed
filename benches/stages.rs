//! criterion benchmarks of each stage of a build, over real articles: the project's `seeds/`
//! and, when present, `../shared/corpus/dev` (or the folder in `NEWSGRAPH_BENCH_CORPUS`, e.g.
//! a corpus made by `examples/corpus.rs`, first 200 articles).
//!
//! ```sh
//! cargo bench --bench stages            # all stages
//! cargo bench --bench stages -- extract # one
//! ```

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use newsgraph::export::{write_dot, write_json};
use newsgraph::extract::find_mentions;
use newsgraph::{extract, Aliases, Article, ArticleGraph, Lexicon, NewsGraph};

/// The allocator of the `newsgraph` binary, so the figures match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn articles() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs: Vec<PathBuf> = match std::env::var_os("NEWSGRAPH_BENCH_CORPUS") {
        Some(dir) => vec![PathBuf::from(dir)],
        None => vec![root.join("seeds"), root.join("../shared/corpus/dev")],
    };
    let mut files = Vec::new();
    for dir in &dirs {
        collect(dir, &mut files);
    }
    files.sort();
    files.truncate(200);
    let articles: Vec<(String, String)> = files
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(p).ok()?)))
        .collect();
    assert!(!articles.is_empty(), "no articles in {dirs:?}");
    articles
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            collect(&entry.path(), files);
        }
    } else if path.extension().is_some_and(|e| e == "txt") {
        files.push(path.to_path_buf());
    }
}

fn stages(c: &mut Criterion) {
    let lexicon = Lexicon::builtin();
    let texts = articles();
    let bytes: u64 = texts.iter().map(|(_, t)| t.len() as u64).sum();
    let parsed: Vec<Article> = texts.iter().map(|(p, t)| Article::parse(p, t)).collect();
    let found: Vec<ArticleGraph> = parsed.iter().map(|a| extract(&lexicon, a)).collect();
    let graph = NewsGraph::build(found.clone(), &Aliases::default());

    let mut group = c.benchmark_group("per_article");
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("parse", |b| {
        b.iter(|| {
            for (path, text) in &texts {
                std::hint::black_box(Article::parse(path, text));
            }
        })
    });
    group.bench_function("mentions", |b| {
        b.iter(|| {
            for article in &parsed {
                std::hint::black_box(find_mentions(&lexicon, article));
            }
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            for article in &parsed {
                std::hint::black_box(extract(&lexicon, article));
            }
        })
    });
    group.bench_function("parse_and_extract", |b| {
        b.iter(|| {
            for (path, text) in &texts {
                std::hint::black_box(extract(&lexicon, &Article::parse(path, text)));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("graph");
    group.throughput(Throughput::Elements(found.len() as u64));
    group.bench_function("merge", |b| {
        b.iter_batched(
            || found.clone(),
            |found| NewsGraph::build(found, &Aliases::default()),
            BatchSize::SmallInput,
        )
    });
    group.bench_function("write_json", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            write_json(&graph, &mut out).unwrap();
        })
    });
    group.bench_function("write_dot", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            out.clear();
            write_dot(&graph, &mut out).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
