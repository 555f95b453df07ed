//! The committed `graphs/` (the seeds' graph, pictured in the README) equals what the current
//! code builds from `seeds/`, and its DOT renders with Graphviz.

use std::fs;
use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::{build, dot_bytes, json_bytes, project_dir, seed_articles};

const REGENERATE: &str = "regenerate with `cargo run --release -- build seeds` and commit graphs/";

#[track_caller]
fn check_golden(name: &str, built: &[u8]) {
    let path = project_dir().join("graphs").join(name);
    let committed = fs::read(&path).unwrap_or_else(|e| panic!("graphs/{name} cannot be read ({e}): {REGENERATE}"));
    if committed != built {
        let (committed, built) = (String::from_utf8_lossy(&committed), String::from_utf8_lossy(built));
        let line = committed.lines().zip(built.lines()).position(|(a, b)| a != b).unwrap_or_else(|| committed.lines().count().min(built.lines().count()));
        panic!(
            "graphs/{name} is not what the code builds from seeds/ (first difference at line {}: committed {:?}, built {:?}): {REGENERATE}",
            line + 1,
            committed.lines().nth(line).unwrap_or("<end>"),
            built.lines().nth(line).unwrap_or("<end>"),
        );
    }
}

#[test]
fn committed_graph_json_is_up_to_date() {
    check_golden("graph.json", &json_bytes(&build(&seed_articles())));
}

#[test]
fn committed_graph_dot_is_up_to_date() {
    check_golden("graph.dot", &dot_bytes(&build(&seed_articles())));
}

/// The seeds' DOT rendered by the real `dot -Tsvg`: exit 0 and one `<title>` per edge. Skipped
/// without Graphviz, except on CI (`CI=true`), where a missing `dot` is a failure.
#[test]
fn seeds_dot_renders_with_graphviz() {
    if Command::new("dot").arg("-V").stdout(Stdio::null()).stderr(Stdio::null()).status().is_err() {
        assert!(std::env::var("CI").as_deref() != Ok("true"), "Graphviz `dot` is not on PATH, and CI=true: install graphviz (.ci/run does)");
        eprintln!("skipping seeds_dot_renders_with_graphviz: Graphviz `dot` is not on PATH");
        return;
    }
    let graph = build(&seed_articles());
    let dot = String::from_utf8(dot_bytes(&graph)).expect("graph.dot is UTF-8");
    let n_contacts = graph.events().iter().map(|e| e.participants.len() * (e.participants.len() - 1) / 2).sum::<usize>();
    let n_edges = count_dot_edges(&dot);
    assert!(n_contacts == 0 || n_edges > 0, "graph.dot has no edges, but the seeds' graph has {n_contacts} contact edges:\n{dot}");

    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running dot");
    child.stdin.take().unwrap().write_all(dot.as_bytes()).expect("writing to dot");
    let output = child.wait_with_output().expect("waiting for dot");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "dot -Tsvg failed ({}): {stderr}\n{dot}", output.status);
    let svg = String::from_utf8(output.stdout).expect("SVG is UTF-8");
    let edge_groups: Vec<&str> = svg.split("class=\"edge\"").skip(1).collect();
    assert_eq!(edge_groups.len(), n_edges, "the SVG draws {} edges, graph.dot states {n_edges}", edge_groups.len());
    for (i, group) in edge_groups.iter().enumerate() {
        let body = group.split("</g>").next().unwrap_or(group);
        assert!(body.contains("<title>"), "SVG edge {} has no <title>", i + 1);
    }
}

/// Edge operators (`--`, `->`) in DOT source, outside strings, HTML labels and comments.
fn count_dot_edges(dot: &str) -> usize {
    let bytes = dot.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'<' => {
                let mut depth = 1;
                i += 1;
                while i < bytes.len() && depth > 0 {
                    depth += match bytes[i] {
                        b'<' => 1,
                        b'>' => -1,
                        _ => 0,
                    };
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'#' if i == 0 || bytes[i - 1] == b'\n' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'-' if matches!(bytes.get(i + 1), Some(b'-' | b'>')) => {
                n += 1;
                i += 1;
            }
            _ => {}
        }
        i += 1;
    }
    n
}

#[track_caller]
fn check_edges(dot: &str, expected: usize) {
    assert_eq!(count_dot_edges(dot), expected, "edges in {dot:?}");
}

#[test]
fn count_dot_edges_skips_strings_labels_and_comments() {
    check_edges("graph g {}", 0);
    check_edges("graph g { a -- b; b -- c -- d }", 3);
    check_edges("digraph g { a -> b }", 1);
    check_edges(r#"graph g { "x -- y" [label="a -- \"b\" -- c"]; a -- b }"#, 1);
    check_edges("graph g { a [label=<x -- <b>y</b> -- z>]; /* a -- b */ // c -- d\n e -- f }", 1);
    check_edges("# a -- b\ngraph g { a -- b }", 1);
}
