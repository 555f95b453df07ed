//! `graph.dot`: the graph for Graphviz.
//!
//! In: a [`NewsGraph`]. Out: one undirected Graphviz `graph` (contacts are symmetric), written
//! to any `io::Write`, byte-identical for the same graph. Entities become nodes (person =
//! blue ellipse, institution = orange box, country = green hexagon) labelled with their name
//! (and a person's first title); each pair of each contact event and each affiliation becomes
//! an edge whose tooltip is the evidence sentence. A `cluster_legend` explains the styles.
//! No layout engine is chosen: `dot`, `neato`, `fdp` and `sfdp` all read it. (`pack=true`
//! would make `dot` lay unconnected entities out in a block instead of one long row, but
//! Graphviz 2.43's `dot` then drops many edge labels, so it is not set.)
//!
//! The DOT is written by hand rather than with the `dot-writer` crate, because dot-writer
//! 0.1.4 cannot express what we need safely: it `unwrap()`s every write (an I/O error would
//! panic instead of being returned), writes node ids and quoted values verbatim (our ids contain
//! `:`, which DOT reads as a port, and article text must be escaped), and names clusters
//! `cluster_0`, `cluster_1`, ... with no way to name the legend. Every string that reaches the
//! output goes through `quote` (or `quote_lines`), so the hand-written part is small.

use std::io;

mod text;

use super::json::{to_file, Edge, GraphFile, Node};
use super::view::{articles_of, is_contact, Link, View};
use crate::graph::{AffiliationKind, ContactKind, EntityKind, NewsGraph, Status};
use text::{attributes, escape_into, quote, quote_lines, shorten, wrap, Dot};

/// Longest name, title or date shown in a label, in characters.
const MAX_LABEL: usize = 40;
/// Longest evidence sentence shown in a tooltip, in characters.
const MAX_TOOLTIP: usize = 400;
/// Most evidence sentences listed in one edge's tooltip.
const MAX_EVIDENCE: usize = 5;
/// Most aliases listed in a node's tooltip.
const MAX_ALIASES: usize = 8;
/// From this many nodes on, a graph is drawn for readability at scale: laid out with `sfdp`,
/// overlaps removed, edges under the nodes, and the many country affiliations unlabelled.
pub const LARGE_GRAPH: usize = 150;

const FONT: &str = "Helvetica";
const TITLE: &str = "newsgraph: who talked to whom";

/// How to draw the graph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DotOptions {
    pub cluster: Cluster,
}

/// Groups of nodes drawn in a box of their own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Cluster {
    #[default]
    None,
    /// One box per country: the country and the people and institutions whose country it is.
    Country,
}

/// Writes a built graph as Graphviz DOT with the default options.
pub fn write_dot(graph: &NewsGraph, out: &mut dyn io::Write) -> io::Result<()> {
    write_dot_file(&to_file(graph), &DotOptions::default(), out)
}

/// Writes a graph file as Graphviz DOT.
pub fn write_dot_file(
    file: &GraphFile,
    options: &DotOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    render(file, options, None, out)
}

/// [`write_dot_file`] with a note under the title: what part of the graph the file shows
/// (see [`super::select::Report::note`]), also written as a comment at the top.
pub fn write_dot_noted(
    file: &GraphFile,
    options: &DotOptions,
    note: Option<&str>,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    render(file, options, note, out)
}

/// The Graphviz layout engine that draws `file` best: `fdp` (force-directed, honours
/// clusters) for ordinary graphs, `sfdp` (its multilevel version) for large ones.
pub fn layout_engine(file: &GraphFile) -> &'static str {
    if is_large(file) {
        "sfdp"
    } else {
        "fdp"
    }
}

fn is_large(file: &GraphFile) -> bool {
    file.nodes.len() >= LARGE_GRAPH
}

/// Writes the whole DOT text of a graph.
fn render(
    file: &GraphFile,
    options: &DotOptions,
    note: Option<&str>,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let view = View::new(file);
    let large = is_large(file);
    if let Some(note) = note {
        for line in wrap(note, 100) {
            writeln!(out, "// {line}")?;
        }
    }
    let mut dot = Dot::new(out);
    dot.open("graph newsgraph");
    let mut title = vec![TITLE.to_string()];
    title.extend(note.map(|n| wrap(n, 100)).unwrap_or_default());
    let title: Vec<&str> = title.iter().map(String::as_str).collect();
    let mut graph_attributes = vec![
        ("label", quote_lines(&title)),
        ("labelloc", "t".into()),
        ("fontname", quote(FONT)),
        ("fontsize", "16".into()),
    ];
    if large {
        // Graphviz's advice for big graphs: the multilevel layout, overlaps removed by the
        // fast prism method, straight edges drawn under the nodes.
        graph_attributes.extend([
            ("layout", "sfdp".into()),
            ("overlap", "prism".into()),
            ("splines", "false".into()),
            ("outputorder", "edgesfirst".into()),
        ]);
    } else {
        // "compound" is fdp's spline mode for graphs with clusters (the legend is one):
        // fdp of Graphviz 2.43 with "true", a cluster and two edges between one pair
        // crashes about one run in three (heap corruption), losing the picture.
        graph_attributes.extend([("overlap", "false".into()), ("splines", "compound".into())]);
    }
    dot.statement(&format!("graph{}", attributes(&graph_attributes)));
    dot.statement(&format!(
        "node{}",
        attributes(&[
            ("fontname", quote(FONT)),
            ("fontsize", "11".into()),
            ("style", "filled".into()),
            ("color", quote("gray40")),
        ])
    ));
    dot.statement(&format!(
        "edge{}",
        attributes(&[("fontname", quote(FONT)), ("fontsize", "9".into())])
    ));

    dot.blank();
    match options.cluster {
        Cluster::None => {
            for node in view.nodes {
                dot.statement(&node_statement(node));
            }
        }
        Cluster::Country => country_clusters(&mut dot, view.nodes),
    }
    dot.blank();
    for link in view.links.iter().filter(|l| l.is_contact()) {
        dot.statement(&contact_edge(link));
    }
    dot.blank();
    for link in view.links.iter().filter(|l| !l.is_contact()) {
        dot.statement(&affiliation_edge(link, large));
    }
    dot.blank();
    legend(&mut dot);
    dot.close();
    dot.finish()
}

/// Nodes without a country (or whose country is not in the file) first, then one cluster per
/// country node with its members, in file order.
fn country_clusters<'a>(dot: &mut Dot, nodes: &'a [Node]) {
    let countries: Vec<&Node> = nodes
        .iter()
        .filter(|n| n.kind == EntityKind::Country)
        .collect();
    let cluster_of = |node: &'a Node| -> Option<&'a str> {
        let country = match node.kind {
            EntityKind::Country => Some(node.id.as_ref()),
            _ => node.country.as_deref(),
        };
        country.filter(|c| countries.iter().any(|n| *n.id == **c))
    };
    for node in nodes.iter().filter(|n| cluster_of(n).is_none()) {
        dot.statement(&node_statement(node));
    }
    for country in &countries {
        dot.open(&format!(
            "subgraph {}",
            quote(&format!("cluster_{}", country.id))
        ));
        dot.statement(&format!(
            "graph{}",
            attributes(&[
                ("label", quote(&shorten(&country.name, MAX_LABEL))),
                ("fontsize", "12".into()),
                ("style", quote("rounded,filled")),
                ("fillcolor", quote("#f6faf4")),
                ("color", quote("#b6d7a8")),
            ])
        ));
        for node in nodes
            .iter()
            .filter(|n| cluster_of(n) == Some(country.id.as_ref()))
        {
            dot.statement(&node_statement(node));
        }
        dot.close();
    }
}

/// Shape and fill colour of a kind of entity.
fn node_style(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Person => ("ellipse", "#cfe2f3"),
        EntityKind::Institution => ("box", "#fce5b0"),
        EntityKind::Country => ("hexagon", "#d9ead3"),
    }
}

fn node_statement(node: &Node) -> String {
    let name = shorten(&node.name, MAX_LABEL);
    let title = match node.kind {
        EntityKind::Person => node.titles.first().map(|t| shorten(t, MAX_LABEL)),
        _ => None,
    };
    let label = match &title {
        Some(title) if !title.is_empty() => quote_lines(&[&name, title]),
        _ => quote(&name),
    };
    let (shape, fill) = node_style(node.kind);
    dot_node(&node.id, label, shape, fill, Some(node_tooltip(node)))
}

fn dot_node(id: &str, label: String, shape: &str, fill: &str, tooltip: Option<String>) -> String {
    let mut list = vec![
        ("label", label),
        ("shape", shape.to_string()),
        ("fillcolor", quote(fill)),
    ];
    if let Some(tooltip) = tooltip {
        list.push(("tooltip", tooltip));
    }
    format!("{}{}", quote(id), attributes(&list))
}

/// `Name (kind)`, then titles, other names and the number of articles, one per line.
fn node_tooltip(node: &Node) -> String {
    let mut lines = vec![format!(
        "{} ({})",
        shorten(&node.name, MAX_TOOLTIP),
        node.kind.as_str()
    )];
    if !node.titles.is_empty() {
        let titles: Vec<String> = node
            .titles
            .iter()
            .take(MAX_ALIASES)
            .map(|t| shorten(t, MAX_LABEL))
            .collect();
        lines.push(format!("titles: {}", titles.join("; ")));
    }
    let aliases: Vec<String> = node
        .aliases
        .iter()
        .filter(|a| **a != node.name)
        .map(|a| shorten(a, MAX_LABEL))
        .collect();
    if !aliases.is_empty() {
        let more = if aliases.len() > MAX_ALIASES {
            ", …"
        } else {
            ""
        };
        lines.push(format!(
            "aliases: {}{more}",
            aliases[..aliases.len().min(MAX_ALIASES)].join(", ")
        ));
    }
    let n = node.articles.len();
    lines.push(format!("{n} article{}", if n == 1 { "" } else { "s" }));
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    quote_lines(&lines)
}

/// One event: `call, Friday`; several: `3 calls: January 20, March 13`; with ` (planned)` or
/// ` (denied)` when they did not happen.
fn contact_label(kind: &str, status: Status, n_events: usize, dates: &[&str]) -> String {
    let dates: Vec<String> = dates
        .iter()
        .map(|d| shorten(d, MAX_LABEL))
        .filter(|d| !d.is_empty())
        .collect();
    let mut label = if n_events == 1 {
        kind.to_string()
    } else {
        format!("{n_events} {kind}s")
    };
    if !dates.is_empty() {
        label.push_str(if n_events == 1 { ", " } else { ": " });
        label.push_str(&shorten(&dates.join(", "), MAX_LABEL));
    }
    if status != Status::Happened {
        label.push_str(&format!(" ({})", status.as_str()));
    }
    label
}

/// Line style and colour: calls dashed, meetings solid; planned ones dotted grey, denied ones
/// red (keeping the kind's style, so a denied call still looks like a call).
fn contact_style(kind: &str, status: Status) -> (&'static str, &'static str) {
    let style = match kind {
        "call" => "dashed",
        _ => "solid",
    };
    match status {
        Status::Happened => (style, "black"),
        Status::Planned => ("dotted", "gray50"),
        Status::Denied => (style, "red"),
    }
}

/// Line width of a contact link: 2 for one event, growing with the logarithm of the number
/// of events, at most 8.
fn penwidth(n_events: usize) -> String {
    if n_events <= 1 {
        return "2".into();
    }
    let width = (2.0 + 2.0 * (n_events as f64).log2()).min(8.0);
    format!("{width:.1}")
}

/// `evidence (article)` for each edge, one per line, at most [`MAX_EVIDENCE`] of them.
fn evidence_tooltip(edges: &[&Edge]) -> String {
    // As `quote_lines` would write the lines, written straight into one string.
    let mut out = String::with_capacity(256 * edges.len().min(MAX_EVIDENCE + 1));
    out.push('"');
    for (i, edge) in edges.iter().take(MAX_EVIDENCE).enumerate() {
        if i > 0 {
            out.push_str("\\n");
        }
        escape_into(&mut out, &shorten(&edge.evidence, MAX_TOOLTIP));
        out.push_str(" (");
        for (j, article) in articles_of(edge).iter().enumerate() {
            if j > 0 {
                out.push_str(", ");
            }
            escape_into(&mut out, article);
        }
        out.push(')');
    }
    if edges.len() > MAX_EVIDENCE {
        out.push_str("\\n");
        escape_into(
            &mut out,
            &format!("… and {} more", edges.len() - MAX_EVIDENCE),
        );
    }
    out.push('"');
    out
}

fn contact_edge(link: &Link) -> String {
    let status = link.status().unwrap_or(Status::Happened);
    let n = link.indices.len();
    let label = contact_label(link.kind(), status, n, &link.dates());
    let (style, color) = contact_style(link.kind(), status);
    let list = [
        ("label", quote(&label)),
        ("style", style.to_string()),
        ("color", quote(color)),
        ("fontcolor", quote(color)),
        ("penwidth", penwidth(n)),
        ("tooltip", evidence_tooltip(&link.edges())),
    ];
    link_statement(link, &list)
}

/// Affiliations are thin grey dotted lines; nationality and part_of, which every person and
/// institution may have, are lighter still so they do not hide the contacts (and unlabelled
/// in a large graph).
fn affiliation_color(kind: &str) -> &'static str {
    match kind {
        "nationality" | "part_of" => "gray80",
        _ => "gray50",
    }
}

/// `source -- target [attributes]` for a link.
fn link_statement(link: &Link, list: &[(&str, String)]) -> String {
    format!(
        "{} -- {}{}",
        quote(link.source()),
        quote(link.target()),
        attributes(list)
    )
}

fn affiliation_edge(link: &Link, large: bool) -> String {
    let color = affiliation_color(link.kind());
    let mut list = Vec::new();
    if !(large && color == "gray80") {
        list.push(("label", quote(link.kind())));
    }
    list.extend([
        ("style", "dotted".into()),
        ("color", quote(color)),
        ("fontcolor", quote(color)),
        ("penwidth", "1".into()),
        ("arrowhead", "none".into()),
        ("tooltip", evidence_tooltip(&link.edges())),
    ]);
    link_statement(link, &list)
}

/// A cluster with one node per kind of entity and one short edge per kind of line, in one row
/// (kept in order by invisible edges). Its ids start with `legend_` and have no `:`, so they
/// never clash with entity ids (`kind:slug`).
fn legend(dot: &mut Dot) {
    dot.open("subgraph cluster_legend");
    dot.statement(&format!(
        "graph{}",
        attributes(&[
            ("label", quote("Legend")),
            ("fontsize", "11".into()),
            ("style", quote("rounded")),
            ("color", quote("gray60")),
        ])
    ));
    // `rank=same` is ignored on a cluster itself, so the row is a plain subgraph inside it.
    dot.open("subgraph");
    dot.statement("rank=same");
    let mut order = Vec::new();
    for kind in [
        EntityKind::Person,
        EntityKind::Institution,
        EntityKind::Country,
    ] {
        let (shape, fill) = node_style(kind);
        let id = format!("legend_{}", kind.as_str());
        dot.statement(&dot_node(&id, quote(kind.as_str()), shape, fill, None));
        order.push(id);
    }
    let point = attributes(&[
        ("label", quote("")),
        ("shape", "point".into()),
        ("width", "0.05".into()),
        ("color", quote("gray40")),
    ]);
    let contacts = [
        ("call", ContactKind::Call, Status::Happened),
        ("meeting", ContactKind::Meeting, Status::Happened),
        ("planned", ContactKind::Meeting, Status::Planned),
        ("denied", ContactKind::Call, Status::Denied),
    ];
    debug_assert!(contacts
        .iter()
        .all(|(_, kind, _)| is_contact(kind.as_str())));
    let mut samples = Vec::new();
    for (name, kind, status) in contacts {
        let (style, color) = contact_style(kind.as_str(), status);
        let list = vec![
            (
                "label",
                quote(&contact_label(kind.as_str(), status, 1, &[])),
            ),
            ("style", style.to_string()),
            ("color", quote(color)),
            ("fontcolor", quote(color)),
            ("penwidth", "2".into()),
        ];
        samples.push((name, list));
    }
    let color = affiliation_color(AffiliationKind::Member.as_str());
    let list = vec![
        ("label", quote("affiliation")),
        ("style", "dotted".into()),
        ("color", quote(color)),
        ("fontcolor", quote(color)),
        ("penwidth", "1".into()),
        ("arrowhead", "none".into()),
    ];
    samples.push(("affiliation", list));
    for (name, list) in &samples {
        let (a, b) = (format!("legend_{name}_a"), format!("legend_{name}_b"));
        dot.statement(&format!("{}{point}", quote(&a)));
        dot.statement(&format!("{}{point}", quote(&b)));
        dot.statement(&format!(
            "{} -- {}{}",
            quote(&a),
            quote(&b),
            attributes(list)
        ));
        order.push(a);
        order.push(b);
    }
    // Each sample's own edge already keeps its two points in order.
    for pair in order.windows(2).filter(|pair| !pair[0].ends_with("_a")) {
        dot.statement(&format!(
            "{} -- {} [style=invis]",
            quote(&pair[0]),
            quote(&pair[1])
        ));
    }
    dot.close();
    dot.close();
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::graph::{Affiliation, Entity, Event, Evidence};
    use crate::{build, Lexicon};

    fn dot_of(graph: &NewsGraph) -> String {
        let mut out = Vec::new();
        write_dot(graph, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Checks the DOT lexically as Graphviz reads it: strings close on the line they open (no
    /// raw newline or control character inside), `\` always starts a `\"`, `\\` or our `\n`,
    /// outside strings there are only ids, `--`, punctuation and `//` comments, and braces and
    /// brackets balance.
    #[track_caller]
    fn assert_valid_dot(dot: &str) {
        let mut stack = Vec::new();
        for (n, line) in dot.lines().enumerate() {
            let mut chars = line.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '"' => loop {
                        match chars.next() {
                            None => panic!("line {}: unterminated string: {line}", n + 1),
                            Some('"') => break,
                            Some('\\') => match chars.next() {
                                Some('"' | '\\' | 'n') => {}
                                other => panic!(
                                    "line {}: stray backslash before {other:?}: {line}",
                                    n + 1
                                ),
                            },
                            Some(c) if c.is_control() => {
                                panic!("line {}: control character in string", n + 1)
                            }
                            Some(_) => {}
                        }
                    },
                    '/' if chars.peek() == Some(&'/') => break,
                    '{' | '[' => stack.push(c),
                    '}' => assert_eq!(stack.pop(), Some('{'), "line {}: {line}", n + 1),
                    ']' => assert_eq!(stack.pop(), Some('['), "line {}: {line}", n + 1),
                    '-' if chars.peek() == Some(&'-') => {
                        chars.next();
                    }
                    c if c.is_ascii_alphanumeric() || "_.;=, ".contains(c) => {}
                    c => panic!("line {}: unexpected {c:?} outside a string: {line}", n + 1),
                }
            }
        }
        assert!(stack.is_empty(), "unbalanced: {stack:?}");
        assert!(dot.starts_with("graph newsgraph {\n") && dot.ends_with("}\n"));
    }

    #[test]
    fn call_between_two_people() {
        let text = "Defense Secretary Lloyd Austin spoke by phone on Friday with Russian Defense \
                    Minister Sergei Shoigu.";
        let graph = build(&Lexicon::builtin(), [("a.txt", text)]);
        let dot = dot_of(&graph);
        assert_valid_dot(&dot);
        let austin = dot
            .lines()
            .find(|l| l.trim_start().starts_with("\"person:lloyd-austin\" ["))
            .expect(&dot);
        assert!(
            austin.contains("shape=ellipse") && austin.contains("label=\"Lloyd Austin"),
            "{austin}"
        );
        let shoigu = dot
            .lines()
            .find(|l| l.trim_start().starts_with("\"person:sergei-shoigu\" ["))
            .expect(&dot);
        assert!(shoigu.contains("shape=ellipse"), "{shoigu}");
        let call = dot
            .lines()
            .find(|l| l.contains("\"person:lloyd-austin\" -- \"person:sergei-shoigu\""))
            .expect(&dot);
        assert!(call.contains("label=\"call, Friday\""), "{call}");
        assert!(
            call.contains("style=dashed") && call.contains("penwidth=2"),
            "{call}"
        );
        assert!(
            call.contains("tooltip=\"Defense Secretary Lloyd Austin spoke by phone")
                && call.contains("(a.txt)\"")
        );
        assert!(dot.contains("subgraph cluster_legend {"));
        for id in [
            "legend_person",
            "legend_institution",
            "legend_country",
            "legend_call_a",
            "legend_denied_b",
        ] {
            assert!(dot.contains(&format!("\"{id}\"")), "no {id}");
        }
        assert!(dot.contains("label=\"newsgraph: who talked to whom\""));
        assert_eq!(dot, dot_of(&graph), "not deterministic");
    }

    fn hostile_graph() -> NewsGraph {
        let name = "President \"Evil\\\" <script>alert(1)</script>\n{x} \\N\u{1b}[31m";
        let person = |id: &str, name: &str| Entity {
            id: id.into(),
            kind: EntityKind::Person,
            name: name.to_string(),
            aliases: vec!["al\"ias\\".to_string(), name.to_string()],
            titles: vec!["Chief \"of\" \\ staff\r\nline".to_string()],
            country: None,
            iso: None,
            articles: vec!["evil\".txt".into()],
            mentions: 1,
        };
        let evidence = Evidence {
            article: "dir\\evil\".txt".into(),
            text: "He said \"hi\\\" and\nleft.\t</script>\\".into(),
            start: 0,
            end: 10,
        };
        let event = Event {
            id: "e#1".into(),
            kind: ContactKind::Meeting,
            status: Status::Denied,
            participants: vec!["person:a\"b".into(), "person:c\\".into()],
            date: Some("Mon\"day\\\n".to_string()),
            date_iso: None,
            initiator: None,
            confidence: None,
            evidence: evidence.clone(),
            sources: Vec::new(),
        };
        let affiliation = Affiliation {
            from: "person:a\"b".into(),
            to: "person:c\\".into(),
            kind: AffiliationKind::Member,
            evidence,
        };
        NewsGraph::from_parts(
            vec![person("person:a\"b", name), person("person:c\\", "\\")],
            vec![event],
            vec![affiliation],
            Vec::new(),
            Default::default(),
        )
    }

    #[test]
    fn hostile_text_stays_inside_its_strings() {
        let graph = hostile_graph();
        let dot = dot_of(&graph);
        assert_valid_dot(&dot);
        assert!(
            dot.contains(r#""person:a\"b" -- "person:c\\" [label="meeting, Mon\"day\\ (denied)""#),
            "{dot}"
        );
        let label =
            r#"label="President \"Evil\\\" <script>alert(1)</scr…\nChief \"of\" \\ staff line""#;
        assert!(dot.contains(label), "{dot}");
        let tooltip =
            r#"tooltip="President \"Evil\\\" <script>alert(1)</script> {x} \\N [31m (person)\n"#;
        assert!(dot.contains(tooltip), "{dot}");
        assert!(
            dot.contains(r#"tooltip="He said \"hi\\\" and left. </script>\\ (dir\\evil\".txt)""#),
            "{dot}"
        );
        assert_eq!(dot, dot_of(&graph));
    }

    fn file_of(text: &str) -> GraphFile {
        to_file(&build(&Lexicon::builtin(), [("a.txt", text)]))
    }

    fn dot_of_file(file: &GraphFile, options: &DotOptions) -> String {
        let mut out = Vec::new();
        write_dot_file(file, options, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn events_of_one_pair_share_a_line_whose_width_counts_them() {
        let graph = build(
            &Lexicon::builtin(),
            [
                (
                    "c.txt",
                    "Gen. Mark Milley met with Gen. Valery Gerasimov in Helsinki on Thursday.",
                ),
                (
                    "d.txt",
                    "Gen. Mark Milley met with Gen. Valery Gerasimov in Geneva on Friday.",
                ),
            ],
        );
        let dot = dot_of_file(&to_file(&graph), &DotOptions::default());
        assert_valid_dot(&dot);
        let lines: Vec<&str> = dot
            .lines()
            .filter(|l| l.contains("-- \"person:valery-gerasimov\""))
            .collect();
        assert_eq!(lines.len(), 1, "{dot}");
        assert!(
            lines[0].contains("label=\"2 meetings: Thursday, Friday\"")
                && lines[0].contains("penwidth=4.0"),
            "{}",
            lines[0]
        );
        assert!(
            lines[0].contains("on Thursday. (c.txt)\\nGen. Mark Milley met"),
            "{}",
            lines[0]
        );
        assert_eq!(penwidth(1), "2");
        assert_eq!(penwidth(1000), "8.0");
    }

    #[test]
    fn clusters_by_country_hold_the_country_and_its_people() {
        let file = file_of(
            "Defense Secretary Lloyd Austin spoke by phone on Friday with Russian Defense \
             Minister Sergei Shoigu.",
        );
        let dot = dot_of_file(
            &file,
            &DotOptions {
                cluster: Cluster::Country,
            },
        );
        assert_valid_dot(&dot);
        let start = dot
            .find("subgraph \"cluster_country:russia\" {")
            .expect(&dot);
        let body = &dot[start..start + dot[start..].find("\n  }").unwrap()];
        assert!(body.contains("label=\"Russia\""), "{body}");
        assert!(body.contains("\"person:sergei-shoigu\" ["), "{body}");
        assert!(body.contains("\"country:russia\" ["), "{body}");
        assert!(!body.contains("lloyd-austin"), "{body}");
        let declared = |l: &&str| l.trim_start().starts_with("\"person:sergei-shoigu\" [");
        assert_eq!(dot.lines().filter(declared).count(), 1);
        let plain = dot_of_file(&file, &DotOptions::default());
        assert!(!plain.contains("cluster_country"));
    }

    #[test]
    fn large_graphs_get_layout_hints() {
        let mut file = file_of("Gen. Mark Milley met Gen. Valery Gerasimov on Thursday.");
        assert_eq!(layout_engine(&file), "fdp");
        let template = file.nodes[0].clone();
        for i in 0..LARGE_GRAPH {
            let mut node = template.clone();
            node.id = format!("person:extra-{i}").into();
            file.nodes.push(node);
        }
        assert_eq!(layout_engine(&file), "sfdp");
        let dot = dot_of_file(&file, &DotOptions::default());
        assert_valid_dot(&dot);
        assert!(dot.contains("layout=sfdp") && dot.contains("outputorder=edgesfirst"));
    }

    #[test]
    fn io_errors_are_returned() {
        struct Broken;
        impl io::Write for Broken {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        assert!(write_dot(&NewsGraph::new(), &mut Broken).is_err());
    }
}
