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
    let committed = fs::read(&path)
        .unwrap_or_else(|e| panic!("graphs/{name} cannot be read ({e}): {REGENERATE}"));
    if committed != built {
        let (committed, built) = (
            String::from_utf8_lossy(&committed),
            String::from_utf8_lossy(built),
        );
        let line = committed
            .lines()
            .zip(built.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(built.lines().count()));
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
    if Command::new("dot")
        .arg("-V")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_err()
    {
        let on_ci = std::env::var("CI").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"));
        assert!(
            !on_ci,
            "Graphviz `dot` is not on PATH, and CI is set: install graphviz (.ci/run does)"
        );
        eprintln!("skipping seeds_dot_renders_with_graphviz: Graphviz `dot` is not on PATH");
        return;
    }
    let graph = build(&seed_articles());
    let dot = String::from_utf8(dot_bytes(&graph)).expect("graph.dot is UTF-8");
    let n_contacts = graph
        .events()
        .iter()
        .map(|e| e.participants.len() * (e.participants.len() - 1) / 2)
        .sum::<usize>();
    let n_edges = count_dot_edges(&dot);
    assert!(
        n_contacts == 0 || n_edges > 0,
        "graph.dot has no edges, but the seeds' graph has {n_contacts} contact edges:\n{dot}"
    );

    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("running dot");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(dot.as_bytes())
        .expect("writing to dot");
    let output = child.wait_with_output().expect("waiting for dot");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "dot -Tsvg failed ({}): {stderr}\n{dot}",
        output.status
    );
    let svg = String::from_utf8(output.stdout).expect("SVG is UTF-8");
    let edge_groups: Vec<&str> = svg.split("class=\"edge\"").skip(1).collect();
    assert_eq!(
        edge_groups.len(),
        n_edges,
        "the SVG draws {} edges, graph.dot states {n_edges} visible ones",
        edge_groups.len()
    );
    for (i, group) in edge_groups.iter().enumerate() {
        let body = group.split("</g>").next().unwrap_or(group);
        assert!(
            body.contains("<title>"),
            "SVG edge {} has no <title>",
            i + 1
        );
    }
}

/// Visible edges in DOT source: edge operators less those of statements whose attribute list
/// says `style=invis` (Graphviz draws no SVG for those).
fn count_dot_edges(dot: &str) -> usize {
    let tokens = dot_tokens(dot);
    let (mut i, mut n, mut pending) = (0, 0, 0);
    while i < tokens.len() {
        match tokens[i] {
            Token::EdgeOp => {
                n += 1;
                pending += 1;
            }
            Token::Punct(b'[') => {
                let end = tokens[i..]
                    .iter()
                    .position(|t| *t == Token::Punct(b']'))
                    .map_or(tokens.len(), |k| i + k);
                let invisible = tokens[i..end].windows(3).any(|w| {
                    matches!(w, [Token::Id("style"), Token::Punct(b'='), Token::Id(value)] if value.split(',').any(|s| s.trim() == "invis"))
                });
                if invisible {
                    n -= pending;
                }
                pending = 0;
                i = end;
            }
            Token::Punct(b';' | b'{' | b'}') => pending = 0,
            _ => {}
        }
        i += 1;
    }
    n
}

/// A DOT token: an identifier (bare, quoted or HTML, without its quotes), `--`/`->`, or any
/// other single character. Comments are dropped.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Token<'a> {
    Id(&'a str),
    EdgeOp,
    Punct(u8),
}

fn dot_tokens(dot: &str) -> Vec<Token<'_>> {
    let bytes = dot.as_bytes();
    let line_end = |i: usize| dot[i..].find('\n').map_or(dot.len(), |k| i + k);
    let is_word = |c: u8| c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || c >= 0x80;
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &dot[i..];
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if rest.starts_with("//") || (c == b'#' && (i == 0 || bytes[i - 1] == b'\n')) {
            i = line_end(i);
        } else if rest.starts_with("/*") {
            i = rest.find("*/").map_or(dot.len(), |k| i + k + 2);
        } else if rest.starts_with("--") || rest.starts_with("->") {
            tokens.push(Token::EdgeOp);
            i += 2;
        } else if c == b'"' {
            let mut close = i + 1;
            while close < bytes.len() && bytes[close] != b'"' {
                close += if bytes[close] == b'\\' { 2 } else { 1 };
            }
            tokens.push(Token::Id(&dot[i + 1..close.min(dot.len())]));
            i = close + 1;
        } else if c == b'<' {
            let (mut close, mut depth) = (i, 0);
            while close < bytes.len() {
                depth += match bytes[close] {
                    b'<' => 1,
                    b'>' => -1,
                    _ => 0,
                };
                if depth == 0 {
                    break;
                }
                close += 1;
            }
            tokens.push(Token::Id(&dot[i + 1..close.min(dot.len())]));
            i = close + 1;
        } else if is_word(c) {
            let end = bytes[i..]
                .iter()
                .position(|&c| !is_word(c))
                .map_or(dot.len(), |k| i + k);
            tokens.push(Token::Id(&dot[i..end]));
            i = end;
        } else {
            tokens.push(Token::Punct(c));
            i += 1;
        }
    }
    tokens
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
    check_edges(
        r#"graph g { "x -- y" [label="a -- \"b\" -- c"]; a -- b }"#,
        1,
    );
    check_edges(
        "graph g { a [label=<x -- <b>y</b> -- z>]; /* a -- b */ // c -- d\n e -- f }",
        1,
    );
    check_edges("# a -- b\ngraph g { a -- b }", 1);
    check_edges("graph g { a -- b [style=invis]; c -- d -- e [color=red, style=\"dashed,invis\"]; f -- g [label=\"style=invis\"] }", 1);
    check_edges("graph g { edge [style=invis]; a -- b; n [style=invis] }", 1);
    check_edges("graph g { a--b; \"é\"->c }", 2);
}

#[test]
fn committed_graph_db_is_up_to_date() {
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap();
    crate::cli::newsgraph(
        project_dir(),
        &["build", "seeds", "--out", out_dir, "--no-render", "-q"],
    )
    .assert_code(0);
    let built = crate::common::store_dump(&out.path().join("graph.db"));
    let committed = crate::common::store_dump(&project_dir().join("graphs/graph.db"));
    assert!(
        built == committed,
        "graphs/graph.db is not what the code builds from seeds/: regenerate with \
         `cargo run --release -- build seeds` and commit graphs/"
    );
}
