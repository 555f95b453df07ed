//! `graph.db`: the same articles give the same store content, whatever the number of threads;
//! the store reads back into the graph it was written from; a user reads it with plain SQL.

use std::path::Path;

use crate::cli::newsgraph;
use crate::common::{json_bytes, project_dir, store_dump};

/// Builds the seeds into `dir/out` with `jobs` threads.
fn build_seeds(dir: &Path, out: &str, jobs: &str) {
    let seeds = project_dir().join("seeds");
    let seeds = seeds.to_str().unwrap();
    newsgraph(
        dir,
        &[
            "build",
            seeds,
            "--out",
            out,
            "--no-render",
            "-q",
            "-j",
            jobs,
        ],
    )
    .assert_code(0);
}

#[test]
fn the_same_articles_give_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path(), "a", "1");
    build_seeds(dir.path(), "b", "4");
    let a = store_dump(&dir.path().join("a/graph.db"));
    let b = store_dump(&dir.path().join("b/graph.db"));
    assert!(a.contains("articles: "), "no article rows:\n{a}");
    assert!(
        a == b,
        "graph.db differs between two builds of the same articles"
    );
}

#[test]
fn the_store_reads_back_into_the_graph_it_was_written_from() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path(), "g", "0");
    let graph = newsgraph::store::read(&dir.path().join("g/graph.db"), true).unwrap();
    let json = std::fs::read(dir.path().join("g/graph.json")).unwrap();
    let from_store = json_bytes(&graph);
    let json_graph = newsgraph::export::read_json(std::str::from_utf8(&json).unwrap()).unwrap();
    assert!(
        json_bytes(&json_graph) == from_store,
        "the graph read from graph.db differs from graph.json"
    );
}

#[test]
fn plain_sql_answers_who_spoke_to_whom() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path(), "g", "0");
    let db = rusqlite::Connection::open(dir.path().join("g/graph.db")).unwrap();
    // The README's first example.
    let names: Vec<String> = db
        .prepare(
            "SELECT DISTINCT other.name
             FROM entity_search s
             JOIN event_participants me ON me.entity = s.entity
             JOIN events e ON e.id = me.event AND e.status = 'happened'
             JOIN event_participants them ON them.event = e.id AND them.entity != me.entity
             JOIN entities other ON other.id = them.entity
             WHERE entity_search MATCH 'gerasimov'
             ORDER BY other.name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(names.iter().any(|n| n == "Mark Milley"), "{names:?}");
}
