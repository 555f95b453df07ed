//! Choosing the part of the graph to show (issue 15): the selection through the binary
//! (`export`, `build --format`, `query --dot`), every format of a selection read by its real
//! consumer, graphs too large to draw cut to their most connected part with a note, and the
//! page of several thousand entities in headless Chromium. The selection's rules themselves are
//! unit-tested in `src/export/select.rs`.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use newsgraph::export::select::{self, Selection};
use newsgraph::export::{Format, GraphFile, Options};
use newsgraph::ContactKind;
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::export::{
    chromium_report, export_bytes, networkx_read, newsgraph, pipe, runs, seeds_file,
};

const GERASIMOV: &str = "person:valery-gerasimov";

/// A folder with `graphs/graph.json` holding `file`.
fn folder_with(file: &GraphFile) -> TempDir {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("graphs")).unwrap();
    fs::write(
        dir.path().join("graphs/graph.json"),
        export_bytes(Format::Json, file, &Options::default()),
    )
    .unwrap();
    dir
}

/// The people who share a contact edge with `id` in `file`.
fn partners(file: &GraphFile, id: &str) -> BTreeSet<String> {
    file.edges
        .iter()
        .filter(|e| matches!(&*e.kind, "call" | "meeting"))
        .filter_map(|e| {
            if &*e.source == id {
                Some(e.target.to_string())
            } else if &*e.target == id {
                Some(e.source.to_string())
            } else {
                None
            }
        })
        .collect()
}

#[test]
fn around_gerasimov_holds_him_and_each_person_he_spoke_with_and_no_other() {
    let file = seeds_file();
    let dir = folder_with(&file);
    let output = newsgraph(
        dir.path(),
        &[
            "export",
            "--format",
            "d3",
            "--around",
            "Gerasimov",
            "--depth",
            "1",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let d3: Value = serde_json::from_slice(&output.stdout).unwrap();
    let people: BTreeSet<String> = d3["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == "person")
        .map(|n| n["id"].as_str().unwrap().to_string())
        .collect();
    let mut expected = partners(&file, GERASIMOV);
    expected.insert(GERASIMOV.to_string());
    assert!(expected.len() >= 5, "the seeds changed: {expected:?}");
    assert_eq!(people, expected);
    // Every link joins two of its nodes, and his contacts are all there.
    let ids: BTreeSet<&str> = d3["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    for link in d3["links"].as_array().unwrap() {
        assert!(
            ids.contains(link["source"].as_str().unwrap())
                && ids.contains(link["target"].as_str().unwrap())
        );
    }
    // His country stays, through his affiliation.
    assert!(ids.contains("country:russia"), "{ids:?}");
    let note = d3["graph"]["note"].as_str().unwrap();
    assert!(note.contains("around Valery Gerasimov, depth 1"), "{note}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("around Valery Gerasimov"), "{stderr}");
}

#[test]
fn unknown_and_ambiguous_names_fail_as_in_query() {
    let file = seeds_file();
    let dir = folder_with(&file);
    let output = newsgraph(
        dir.path(),
        &["export", "-f", "dot", "--around", "Nobody Atall"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let query = newsgraph(
        dir.path(),
        &[
            "query",
            "--graph",
            "graphs/graph.json",
            "who spoke to Nobody Atall",
        ],
    );
    let from_query = String::from_utf8_lossy(&query.stderr);
    assert!(
        from_query.contains("no one called \"Nobody Atall\""),
        "{from_query}"
    );
    assert_eq!(String::from_utf8_lossy(&output.stderr), from_query);
    let output = newsgraph(
        dir.path(),
        &["export", "-f", "dot", "--country", "Gerasimov"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a country"));
    let output = newsgraph(dir.path(), &["export", "-f", "dot", "--since", "last week"]);
    assert_eq!(output.status.code(), Some(2));
    // --depth without --around is refused by the parser.
    let output = newsgraph(dir.path(), &["export", "-f", "dot", "--depth", "2"]);
    assert_eq!(output.status.code(), Some(2));
}

/// Calls around Gerasimov: a part with a note.
fn selected_seeds() -> (GraphFile, Options) {
    let selection = Selection {
        around: Some("Gerasimov".into()),
        depth: 1,
        kinds: vec![ContactKind::Call],
        ..Selection::default()
    };
    let (file, report) = select::select(seeds_file(), &selection).unwrap();
    let options = Options {
        note: report.note(),
        ..Options::default()
    };
    assert!(options.note.is_some());
    (file, options)
}

#[test]
fn graphviz_draws_a_selection_with_its_note() {
    let missing = (!runs("dot", &["-V"])).then(|| "Graphviz dot is not installed".to_string());
    if !crate::export::consumer_ready("graphviz_draws_a_selection_with_its_note", missing) {
        return;
    }
    let (file, options) = selected_seeds();
    let dot = export_bytes(Format::Dot, &file, &options);
    let output = pipe("dot", &["-Kfdp", "-Tsvg"], &dot);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let svg = String::from_utf8_lossy(&output.stdout);
    assert!(
        svg.contains("around Valery Gerasimov, depth 1"),
        "the note is not drawn"
    );
    for node in &file.nodes {
        // Graphviz writes `-` as `&#45;` in titles.
        let title = format!("<title>{}</title>", node.id.replace('-', "&#45;"));
        assert!(svg.contains(&title), "{title}");
    }
}

#[test]
fn networkx_reads_a_selection_with_its_counts_and_note() {
    let (file, options) = selected_seeds();
    let Some(read) = networkx_read("networkx_reads_a_selection", &file, &options) else {
        return;
    };
    for format in ["graphml", "gexf", "d3"] {
        let graph = &read[format];
        assert_eq!(graph["nodes"], file.nodes.len(), "{format} nodes");
        assert_eq!(graph["edges"], file.edges.len(), "{format} edges");
        assert!(graph["node_attributes"][GERASIMOV].is_object(), "{format}");
    }
    for format in ["graphml", "d3"] {
        let note = read[format]["graph_attributes"]["note"]
            .as_str()
            .unwrap_or_default();
        assert_eq!(Some(note), options.note.as_deref(), "{format}");
    }
    let cytoscape: Value =
        serde_json::from_slice(&export_bytes(Format::Cytoscape, &file, &options)).unwrap();
    assert_eq!(cytoscape["data"]["note"], json!(options.note));
    assert_eq!(
        cytoscape["elements"]["nodes"].as_array().unwrap().len(),
        file.nodes.len()
    );
}

#[test]
fn chromium_draws_a_selection_and_shows_its_note() {
    let (file, options) = selected_seeds();
    if !newsgraph::export::html::available() && !crate::export::on_ci() {
        eprintln!("skipping chromium_draws_a_selection: no d3 in this build");
        return;
    }
    let html = export_bytes(Format::Html, &file, &options);
    let Some(report) = chromium_report("chromium_draws_a_selection", &html, &[]) else {
        return;
    };
    assert_eq!(report["drawn"], file.nodes.len(), "{report}");
    let note = report["note"].as_str().unwrap();
    assert!(note.contains("around Valery Gerasimov"), "{note}");
}

/// A synthetic graph of `people` people in 20 countries, each calling a few others
/// (deterministic: a linear congruential sequence), with their nationalities.
pub fn synthetic_file(people: usize) -> GraphFile {
    let mut state: u64 = 42;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % n
    };
    let mut nodes: Vec<Value> = (0..20)
        .map(|c| {
            json!({"id": format!("country:c{c:02}"), "kind": "country", "name": format!("Land {c}"),
                   "aliases": [format!("Land {c}")], "articles": ["a.txt"], "mentions": 1})
        })
        .collect();
    let mut edges = Vec::new();
    for p in 0..people {
        nodes.push(json!({
            "id": format!("person:p{p:05}"), "kind": "person", "name": format!("Person Number{p}"),
            "aliases": [format!("Person Number{p}")], "country": format!("country:c{:02}", p % 20),
            "articles": [format!("a{}.txt", p % 300)], "mentions": 2,
        }));
        // Early people are called more: a few hubs, as in the news.
        for k in 0..2 {
            let other = if k == 0 {
                next(people.min(1 + p))
            } else {
                next(people)
            };
            if other == p {
                continue;
            }
            let day = 1 + next(28);
            edges.push(json!({
                "source": format!("person:p{p:05}"), "target": format!("person:p{other:05}"),
                "kind": if k == 0 { "call" } else { "meeting" }, "status": "happened",
                "event": format!("a{p}.txt#{k}"), "article": format!("a{}.txt", p % 300),
                "evidence": "They spoke on Monday.", "start": 0, "end": 21,
                "date": "Monday", "date_iso": format!("2024-03-{day:02}"), "reports": 1,
            }));
        }
    }
    for p in 0..people {
        edges.push(json!({
            "source": format!("person:p{p:05}"), "target": format!("country:c{:02}", p % 20),
            "kind": "nationality", "article": "a.txt", "evidence": "x", "start": 0, "end": 1,
        }));
    }
    nodes.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    serde_json::from_value(json!({
        "schema_version": 1, "generator": "synthetic", "nodes": nodes, "edges": edges,
    }))
    .expect("a valid graph file")
}

#[test]
fn export_cuts_a_graph_too_large_to_draw_and_says_so() {
    let file = synthetic_file(2500);
    let dir = folder_with(&file);
    let people = |v: &Value, key: &str| {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .filter(|n| n["kind"] == "person" || n["data"]["kind"] == "person")
            .count()
    };
    // D3: over 2,000 entities, cut to the 2,000 most connected.
    let output = newsgraph(dir.path(), &["export", "-f", "d3"]);
    assert_eq!(output.status.code(), Some(0));
    let d3: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(people(&d3, "nodes"), select::MAX_DRAWN);
    let note = d3["graph"]["note"].as_str().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    for text in [note, &*stderr] {
        for hint in [
            "most connected",
            "--top",
            "--around",
            "--all",
            "2,520 entities",
        ] {
            assert!(text.contains(hint), "{hint}: {text}");
        }
    }
    // The busiest person is in; --all writes everything; --top chooses another size.
    let ids: Vec<&str> = d3["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&"person:p00000"));
    let output = newsgraph(dir.path(), &["export", "-f", "cytoscape", "--all"]);
    let all: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        all["elements"]["nodes"].as_array().unwrap().len(),
        file.nodes.len()
    );
    assert!(all["data"]["note"].is_null());
    let output = newsgraph(dir.path(), &["export", "-f", "d3", "--top", "300"]);
    let top: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(people(&top, "nodes"), 300);
    // Graphviz draws up to 3,000; GraphML is for tools made for large graphs: not cut.
    for format in ["dot", "graphml"] {
        let output = newsgraph(dir.path(), &["export", "-f", format]);
        assert_eq!(output.status.code(), Some(0));
        assert!(
            output.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    // The same bytes every time.
    assert_eq!(
        newsgraph(dir.path(), &["export", "-f", "d3"]).stdout,
        newsgraph(dir.path(), &["export", "-f", "d3"]).stdout
    );
}

#[test]
fn build_and_query_take_the_same_selection() {
    let dir = TempDir::new().unwrap();
    let seeds = crate::common::project_dir().join("tests/corpus/seeds");
    let output = newsgraph(
        dir.path(),
        &[
            "build",
            seeds.to_str().unwrap(),
            "--out",
            "out",
            "--no-render",
            "--format",
            "d3",
            "--around",
            "Gerasimov",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let whole = seeds_file();
    let json: Value =
        serde_json::from_slice(&fs::read(dir.path().join("out/graph.json")).unwrap()).unwrap();
    assert_eq!(
        json["nodes"].as_array().unwrap().len(),
        whole.nodes.len(),
        "graph.json holds everything"
    );
    let d3: Value =
        serde_json::from_slice(&fs::read(dir.path().join("out/graph.d3.json")).unwrap()).unwrap();
    assert!(d3["nodes"].as_array().unwrap().len() < whole.nodes.len());
    assert!(d3["graph"]["note"]
        .as_str()
        .unwrap()
        .contains("around Valery Gerasimov"));
    let dot = fs::read_to_string(dir.path().join("out/graph.dot")).unwrap();
    assert!(dot.starts_with("// shows "), "{}", &dot[..80]);

    let graph = dir.path().join("out/graph.json");
    let output = newsgraph(
        Path::new("."),
        &[
            "query",
            "--graph",
            graph.to_str().unwrap(),
            "--dot",
            "--status",
            "planned",
            "all contacts of Gerasimov",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let dot = String::from_utf8_lossy(&output.stdout);
    assert!(
        dot.contains("person:curtis-scaparrotti") && !dot.contains("person:mark-milley"),
        "{dot}"
    );
    assert!(dot.contains("status planned"), "{dot}");
    // Without --dot the options have nothing to choose from.
    let output = newsgraph(
        Path::new("."),
        &[
            "query",
            "--graph",
            graph.to_str().unwrap(),
            "--kind",
            "call",
            "who spoke to Gerasimov",
        ],
    );
    assert_eq!(output.status.code(), Some(2));
}

/// The page of a graph of several thousand entities opens in headless Chromium, drawn on a
/// canvas, searchable and clickable, within a generous budget (BENCHMARKS.md records the
/// times; `scripts/page_bench.sh` measures them).
#[test]
fn the_page_of_several_thousand_entities_loads_in_chromium() {
    if !newsgraph::export::html::available() && !crate::export::on_ci() {
        eprintln!("skipping the_page_of_several_thousand_entities: no d3 in this build");
        return;
    }
    let file = synthetic_file(5000);
    let html = export_bytes(Format::Html, &file, &Options::default());
    let Some(report) = chromium_report(
        "the_page_of_several_thousand_entities_loads_in_chromium",
        &html,
        &["--search", "number4321", "--click", "person:p04321"],
    ) else {
        return;
    };
    assert_eq!(report["renderer"], "canvas", "{report}");
    assert_eq!(report["drawn"], file.nodes.len(), "{report}");
    assert_eq!(report["matches"], 1, "{report}");
    let after = report["drawnAfterSearch"].as_u64().unwrap();
    assert!(after > 1 && after < 50, "{report}");
    let details = report["detailsAfterClick"].as_str().unwrap_or_default();
    assert!(details.starts_with("Person Number4321\n"), "{report}");
    let ms = report["loadMs"].as_u64().unwrap();
    eprintln!("page of {} entities ready in {ms} ms", file.nodes.len());
    assert!(ms < 60_000, "{report}");
}
