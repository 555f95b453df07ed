//! Gold-scored extraction: every `NAME.txt` with a `NAME.gold.json` beside it under
//! `tests/corpus/` (seeds, dev, dev2; see its README) is built on its own by the library and scored
//! like `../shared/tools/score.py` scores the binary (a faithful port: same normalisation, same
//! node matching with its surname fallback, same micro-averaged counts).
//!
//! `cargo test --release gold -- --nocapture` prints the per-article table in the format of
//! `score.py --verbose`, then the totals in the format of its summary.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use newsgraph::export::json::{to_file, GraphFile, Node};
use newsgraph::{Lexicon, Status};
use regex::Regex;
use serde::Deserialize;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

const MIN_CONTACTS_F1: f64 = 0.79;
const MIN_EVENTS_F1: f64 = 0.755;
const MIN_ENTITIES_F1: f64 = 0.942;

/// The gold folders, relative to the project root.
const GOLD_DIRS: &[&str] = &[
    "tests/corpus/seeds",
    "tests/corpus/dev",
    "tests/corpus/dev2",
];

#[test]
fn gold_scores_meet_thresholds() {
    let lexicon = Lexicon::builtin();
    let mut totals = Scores::default();
    let mut table = String::new();
    let mut n_articles = 0;
    for (txt, gold_path) in gold_articles() {
        let text =
            fs::read_to_string(&txt).unwrap_or_else(|e| panic!("reading {}: {e}", txt.display()));
        let gold_text = fs::read_to_string(&gold_path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", gold_path.display()));
        let gold: Gold = serde_json::from_str(&gold_text)
            .unwrap_or_else(|e| panic!("parsing {}: {e}", gold_path.display()));
        let path = txt.display().to_string();
        let graph = newsgraph::build(&lexicon, [(path.as_str(), text.as_str())]);
        let (scores, report) = score_article(&to_file(&graph), &gold);
        let name = txt.file_name().unwrap().to_string_lossy();
        write_article(&mut table, &name, &scores, &report);
        totals.add(&scores);
        n_articles += 1;
    }
    let summary = totals.summary(n_articles);
    println!("{table}{summary}");

    let mut failures = Vec::new();
    for (metric, counts, min) in [
        ("contacts", totals.contacts, MIN_CONTACTS_F1),
        ("events", totals.events, MIN_EVENTS_F1),
        ("entities", totals.entities, MIN_ENTITIES_F1),
    ] {
        let (_, _, f1) = prf(counts);
        // F1 is computed exactly as score.py computes it; the tolerance only absorbs float noise
        // at a threshold the scorer prints as equal.
        if f1 + 1e-9 < min {
            failures.push(format!("{metric} F1 {f1:.3} is below {min:.2}"));
        }
    }
    assert!(
        failures.is_empty(),
        "gold scores regressed: {}\n\n{table}{summary}",
        failures.join("; ")
    );
}

/// Every `(NAME.txt, NAME.gold.json)` in the gold folders, in score.py's order. Panics if a
/// folder is missing: a missing gold corpus must not look like a pass.
fn gold_articles() -> Vec<(PathBuf, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in GOLD_DIRS {
        let dir = root.join(dir);
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| {
            panic!(
                "gold folder {} cannot be read ({e}): the development corpus is part of the \
                 repository (tests/corpus/README.md)",
                dir.display()
            )
        });
        let mut names: Vec<String> = entries
            .map(|e| {
                e.expect("a readable folder entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        for name in names {
            if let Some(stem) = name.strip_suffix(".txt") {
                let gold = dir.join(format!("{stem}.gold.json"));
                if gold.exists() {
                    out.push((dir.join(&name), gold));
                }
            }
        }
    }
    assert!(
        !out.is_empty(),
        "no NAME.txt with NAME.gold.json found under {GOLD_DIRS:?}"
    );
    out
}

#[derive(Debug, Deserialize)]
struct Gold {
    entities: Vec<GoldEntity>,
    #[serde(default)]
    optional: Vec<String>,
    #[serde(default)]
    interactions: Vec<GoldInteraction>,
}

#[derive(Debug, Deserialize)]
struct GoldEntity {
    name: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct GoldInteraction {
    kind: String,
    participants: Vec<String>,
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    ambiguous: bool,
}

/// (true positives, false positives, false negatives).
type Counts = (usize, usize, usize);

#[derive(Debug, Default, Clone, Copy, PartialEq)]
struct Scores {
    entities: Counts,
    contacts: Counts,
    typed: Counts,
    events: Counts,
}

impl Scores {
    fn add(&mut self, other: &Scores) {
        for (total, part) in [
            (&mut self.entities, other.entities),
            (&mut self.contacts, other.contacts),
            (&mut self.typed, other.typed),
            (&mut self.events, other.events),
        ] {
            total.0 += part.0;
            total.1 += part.1;
            total.2 += part.2;
        }
    }

    /// score.py's summary lines.
    fn summary(&self, n_articles: usize) -> String {
        let mut out = String::new();
        for (name, counts) in [
            ("entities", self.entities),
            ("contacts", self.contacts),
            ("typed", self.typed),
            ("events", self.events),
        ] {
            let (p, r, f) = prf(counts);
            let (tp, fp, fn_) = counts;
            writeln!(
                out,
                "{name:9} P {p:.3}  R {r:.3}  F1 {f:.3}   (tp {tp}, fp {fp}, fn {fn_})"
            )
            .unwrap();
        }
        writeln!(out, "articles {n_articles}").unwrap();
        writeln!(
            out,
            "contacts F1 {:.3} typed F1 {:.3} events F1 {:.3} entities F1 {:.3}",
            prf(self.contacts).2,
            prf(self.typed).2,
            prf(self.events).2,
            prf(self.entities).2
        )
        .unwrap();
        out
    }
}

/// What went wrong in one article, named as score.py names it.
#[derive(Debug, Default, PartialEq)]
struct Report {
    fn_nodes: Vec<String>,
    fp_nodes: Vec<String>,
    dup_nodes: Vec<String>,
    fn_edges: Vec<String>,
    fp_edges: Vec<String>,
}

/// score.py's `--verbose` lines for one article.
fn write_article(out: &mut String, name: &str, s: &Scores, report: &Report) {
    let t = |c: Counts| format!("({}, {}, {})", c.0, c.1, c.2);
    writeln!(
        out,
        "== {name}  entities {}  contacts {}  typed {}  events {}",
        t(s.entities),
        t(s.contacts),
        t(s.typed),
        t(s.events)
    )
    .unwrap();
    for (key, list) in [
        ("fn_nodes", &report.fn_nodes),
        ("fp_nodes", &report.fp_nodes),
        ("dup_nodes", &report.dup_nodes),
        ("fn_edges", &report.fn_edges),
        ("fp_edges", &report.fp_edges),
    ] {
        if !list.is_empty() {
            let items: Vec<String> = list.iter().map(|s| py_repr(s)).collect();
            writeln!(out, "   {key}: [{}]", items.join(", ")).unwrap();
        }
    }
}

/// A string as Python's `repr` shows it (enough for names), so the table diffs against score.py.
fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(quote);
    for c in s.chars() {
        if c == '\\' || c == quote {
            out.push('\\');
        }
        out.push(c);
    }
    out.push(quote);
    out
}

/// score.py `prf`: precision, recall, F1; an empty denominator counts as 1.0.
fn prf((tp, fp, fn_): Counts) -> (f64, f64, f64) {
    let (tp, fp, fn_) = (tp as f64, fp as f64, fn_ as f64);
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 1.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 1.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// score.py `norm`: NFKD without combining marks, lowercase, ’ as ', no possessive 's, runs of
/// anything but [a-z0-9 ] as one space, single spaces.
fn norm(s: &str) -> String {
    static POSSESSIVE: OnceLock<Regex> = OnceLock::new();
    static OTHER: OnceLock<Regex> = OnceLock::new();
    let s: String = s
        .nfkd()
        .filter(|&c| canonical_combining_class(c) == 0)
        .collect();
    let s = s.to_lowercase().replace('\u{2019}', "'");
    let s = POSSESSIVE
        .get_or_init(|| Regex::new(r"'s\b").unwrap())
        .replace_all(&s, "");
    let s = OTHER
        .get_or_init(|| Regex::new(r"[^a-z0-9 ]+").unwrap())
        .replace_all(&s, " ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// score.py `forms`: the normalised name and aliases of a gold entity.
fn forms(entity: &GoldEntity) -> HashSet<String> {
    std::iter::once(&entity.name)
        .chain(&entity.aliases)
        .map(|s| norm(s))
        .filter(|f| !f.is_empty())
        .collect()
}

/// The normalised name and aliases of a predicted node.
fn node_forms(node: &Node) -> HashSet<String> {
    std::iter::once(&node.name)
        .chain(&node.aliases)
        .map(|s| norm(s))
        .collect()
}

/// score.py `match_node`: the gold entity a predicted node denotes. A shared form of the same
/// kind wins at once; else a person's surname matching exactly one gold person; else the first
/// gold entity of another kind sharing a form.
fn match_node(node: &Node, gold: &[GoldEntity]) -> Option<usize> {
    let mut predicted = node_forms(node);
    predicted.remove("");
    let kind = node.kind.as_str();
    let mut best = None;
    for (i, entity) in gold.iter().enumerate() {
        if !predicted.is_disjoint(&forms(entity)) {
            if entity.kind == kind {
                return Some(i);
            }
            best = best.or(Some(i));
        }
    }
    if kind == "person" {
        let surname = |name: &str| norm(name).split_whitespace().last().map(str::to_string);
        let last = surname(&node.name);
        let hits: Vec<usize> = gold
            .iter()
            .enumerate()
            .filter(|(_, g)| g.kind == "person" && last.is_some() && surname(&g.name) == last)
            .map(|(i, _)| i)
            .collect();
        if hits.len() == 1 {
            return Some(hits[0]);
        }
    }
    best
}

type Pair = (usize, usize);

fn pair(a: usize, b: usize) -> Pair {
    (a.min(b), a.max(b))
}

/// score.py `score_article`.
fn score_article(graph: &GraphFile, gold: &Gold) -> (Scores, Report) {
    let ents = &gold.entities;
    let optional: HashSet<String> = gold.optional.iter().map(|o| norm(o)).collect();
    let idx_by_name: HashMap<&str, usize> = ents
        .iter()
        .enumerate()
        .map(|(i, g)| (g.name.as_str(), i))
        .collect();
    let mut report = Report::default();

    // Entities.
    let mut node_map: HashMap<&str, Option<usize>> = HashMap::new();
    let mut matched: BTreeSet<usize> = BTreeSet::new();
    for node in &graph.nodes {
        let i = match_node(node, ents);
        node_map.insert(&node.id, i);
        match i {
            Some(i) if ents[i].kind == node.kind.as_str() => {
                if !matched.insert(i) {
                    report.dup_nodes.push(node.name.clone());
                }
            }
            Some(i) => report.fp_nodes.push(format!(
                "{} (kind {}, gold {})",
                node.name,
                node.kind.as_str(),
                ents[i].kind
            )),
            None => {
                if node_forms(node).is_disjoint(&optional) {
                    report.fp_nodes.push(node.name.clone());
                }
            }
        }
    }
    let e_tp = matched.len();
    let entities = (
        e_tp,
        report.fp_nodes.len() + report.dup_nodes.len(),
        ents.len() - e_tp,
    );
    report.fn_nodes = (0..ents.len())
        .filter(|i| !matched.contains(i))
        .map(|i| ents[i].name.clone())
        .collect();

    // Gold interactions.
    let mut gold_pairs: HashSet<Pair> = HashSet::new();
    let mut gold_kinds: HashMap<Pair, HashSet<&str>> = HashMap::new();
    let mut ignore_pairs: HashSet<Pair> = HashSet::new();
    let mut gold_events: HashMap<Pair, usize> = HashMap::new();
    for interaction in &gold.interactions {
        let [a, b] = interaction.participants.as_slice() else {
            panic!("a gold interaction needs exactly two participants: {interaction:?}");
        };
        let (Some(&a), Some(&b)) = (idx_by_name.get(a.as_str()), idx_by_name.get(b.as_str()))
        else {
            continue;
        };
        if a == b {
            continue;
        }
        let p = pair(a, b);
        if interaction.status.as_deref().unwrap_or("happened") != "happened" {
            ignore_pairs.insert(p);
            continue;
        }
        gold_pairs.insert(p);
        *gold_events.entry(p).or_default() += 1;
        let kind = if interaction.ambiguous {
            "any"
        } else {
            interaction.kind.as_str()
        };
        gold_kinds.entry(p).or_default().insert(kind);
    }
    ignore_pairs.retain(|p| !gold_pairs.contains(p));

    // Predicted contact edges.
    let mut pred_pairs: HashSet<Pair> = HashSet::new();
    let mut pred_kinds: HashMap<Pair, HashSet<&str>> = HashMap::new();
    let mut pred_events: HashMap<Pair, usize> = HashMap::new();
    let mut unmatched_edges = Vec::new();
    for edge in &graph.edges {
        if edge.kind != "call" && edge.kind != "meeting" {
            continue;
        }
        let a = node_map.get(&*edge.source).copied().flatten();
        let b = node_map.get(&*edge.target).copied().flatten();
        let p = match (a, b) {
            (Some(a), Some(b)) if a != b => pair(a, b),
            _ => {
                unmatched_edges.push(format!(
                    "{} -- {} ({})",
                    edge.source, edge.target, edge.kind
                ));
                continue;
            }
        };
        if ignore_pairs.contains(&p) {
            continue;
        }
        pred_pairs.insert(p);
        if edge.status.is_none_or(|s| s == Status::Happened) {
            *pred_events.entry(p).or_default() += 1;
        }
        pred_kinds.entry(p).or_default().insert(&*edge.kind);
    }
    let tp = pred_pairs.intersection(&gold_pairs).count();
    let fp_pairs: Vec<Pair> = pred_pairs.difference(&gold_pairs).copied().collect();
    let fn_pairs: Vec<Pair> = gold_pairs.difference(&pred_pairs).copied().collect();
    let fp = fp_pairs.len() + unmatched_edges.len();
    let fn_ = fn_pairs.len();
    let name = |p: &Pair| {
        let mut names = [ents[p.0].name.as_str(), ents[p.1].name.as_str()];
        names.sort();
        names.join(" -- ")
    };
    // score.py lists pairs in set order; sorted here so the report is stable.
    let mut fp_names: Vec<String> = fp_pairs.iter().map(name).collect();
    fp_names.sort();
    report.fn_edges = fn_pairs.iter().map(name).collect();
    report.fn_edges.sort();
    report.fp_edges = unmatched_edges.clone();
    report.fp_edges.extend(fp_names);

    let t_tp = pred_pairs
        .intersection(&gold_pairs)
        .filter(|p| gold_kinds[*p].contains("any") || !pred_kinds[*p].is_disjoint(&gold_kinds[*p]))
        .count();
    let typed = (t_tp, fp + (tp - t_tp), fn_ + (tp - t_tp));

    let v_tp: usize = gold_events
        .iter()
        .map(|(p, &n)| pred_events.get(p).copied().unwrap_or(0).min(n))
        .sum();
    let v_fp = pred_events.values().sum::<usize>() - v_tp + unmatched_edges.len();
    let v_fn = gold_events.values().sum::<usize>() - v_tp;

    let scores = Scores {
        entities,
        contacts: (tp, fp, fn_),
        typed,
        events: (v_tp, v_fp, v_fn),
    };
    (scores, report)
}

// The port itself, on tiny cases.

#[track_caller]
fn check_norm(text: &str, expected: &str) {
    assert_eq!(norm(text), expected, "norm({text:?})");
}

#[test]
fn norm_matches_score_py() {
    check_norm("Gen. Valery Gerasimov", "gen valery gerasimov");
    check_norm("U.S.", "u s");
    check_norm("Shoigu’s", "shoigu");
    check_norm("Russia's", "russia");
    check_norm("José Álvarez-Núñez", "jose alvarez nunez");
    check_norm("  Kim   Jong-un ", "kim jong un");
    check_norm("'s", "");
    check_norm("the ’sixties", "the sixties");
}

fn entity(name: &str, kind: &str, aliases: &[&str]) -> GoldEntity {
    GoldEntity {
        name: name.into(),
        kind: kind.into(),
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    }
}

fn node(id: &str, name: &str, aliases: &[&str]) -> Node {
    let value = serde_json::json!({
        "id": id, "kind": id.split(':').next().unwrap(), "name": name, "aliases": aliases,
        "articles": ["t.txt"], "mentions": 1,
    });
    serde_json::from_value(value).expect("a valid node")
}

#[track_caller]
fn check_match(node: Node, gold: &[GoldEntity], expected: Option<&str>) {
    let found = match_node(&node, gold).map(|i| gold[i].name.as_str());
    assert_eq!(found, expected, "match_node({:?})", node.name);
}

#[test]
fn match_node_prefers_same_kind_then_surname_then_other_kind() {
    let gold = [
        entity("Russia", "country", &["Russian"]),
        entity("Valery Gerasimov", "person", &["Gerasimov"]),
        entity("Russian Ministry of Defense", "institution", &["Russian"]),
        entity("Mark Milley", "person", &["Milley"]),
        entity("Georgy Milley", "person", &[]),
    ];
    check_match(
        node("person:gerasimov", "Gerasimov", &[]),
        &gold,
        Some("Valery Gerasimov"),
    );
    check_match(
        node("person:v-gerasimov", "V. Gerasimov", &[]),
        &gold,
        Some("Valery Gerasimov"),
    );
    check_match(
        node("institution:russian", "Russian", &[]),
        &gold,
        Some("Russian Ministry of Defense"),
    );
    check_match(
        node("person:russian", "Russian", &[]),
        &gold,
        Some("Russia"),
    );
    // Two gold people share the surname: no fallback.
    check_match(node("person:gen-milley", "Gen. X Milley", &[]), &gold, None);
    check_match(node("country:france", "France", &[]), &gold, None);
}

#[test]
fn score_article_counts_like_score_py() {
    let gold: Gold = serde_json::from_value(serde_json::json!({
        "entities": [
            {"name": "Lloyd Austin", "kind": "person", "aliases": ["Austin"]},
            {"name": "Sergei Shoigu", "kind": "person"},
            {"name": "Russia", "kind": "country", "aliases": ["Russian"]},
            {"name": "Pat Ryder", "kind": "person"},
        ],
        "optional": ["Telegram"],
        "interactions": [
            {"kind": "call", "participants": ["Lloyd Austin", "Sergei Shoigu"], "status": "happened"},
            {"kind": "call", "participants": ["Lloyd Austin", "Sergei Shoigu"]},
            {"kind": "meeting", "participants": ["Lloyd Austin", "Pat Ryder"], "status": "planned"},
        ],
    }))
    .unwrap();
    let graph: GraphFile = serde_json::from_value(serde_json::json!({
        "schema_version": 1, "generator": "test",
        "nodes": [
            {"id": "person:lloyd-austin", "kind": "person", "name": "Lloyd Austin", "aliases": [], "articles": [], "mentions": 1},
            {"id": "person:shoigu", "kind": "person", "name": "Shoigu", "aliases": [], "articles": [], "mentions": 1},
            {"id": "person:sergei-shoigu", "kind": "person", "name": "Sergei Shoigu", "aliases": [], "articles": [], "mentions": 1},
            {"id": "institution:russian", "kind": "institution", "name": "Russian", "aliases": [], "articles": [], "mentions": 1},
            {"id": "institution:telegram", "kind": "institution", "name": "Telegram", "aliases": [], "articles": [], "mentions": 1},
            {"id": "person:nobody", "kind": "person", "name": "Nobody Known", "aliases": [], "articles": [], "mentions": 1},
            {"id": "person:pat-ryder", "kind": "person", "name": "Pat Ryder", "aliases": [], "articles": [], "mentions": 1},
        ],
        "edges": [
            {"source": "person:lloyd-austin", "target": "person:sergei-shoigu", "kind": "meeting", "status": "happened", "article": "t", "evidence": "", "start": 0, "end": 0},
            {"source": "person:lloyd-austin", "target": "person:shoigu", "kind": "call", "status": "happened", "article": "t", "evidence": "", "start": 0, "end": 0},
            {"source": "person:lloyd-austin", "target": "person:shoigu", "kind": "call", "status": "happened", "article": "t", "evidence": "", "start": 0, "end": 0},
            {"source": "person:lloyd-austin", "target": "person:nobody", "kind": "call", "status": "happened", "article": "t", "evidence": "", "start": 0, "end": 0},
            {"source": "person:lloyd-austin", "target": "person:pat-ryder", "kind": "meeting", "status": "happened", "article": "t", "evidence": "", "start": 0, "end": 0},
            {"source": "person:lloyd-austin", "target": "person:sergei-shoigu", "kind": "member", "article": "t", "evidence": "", "start": 0, "end": 0},
        ],
    }))
    .unwrap();
    let (scores, report) = score_article(&graph, &gold);
    // Austin, Shoigu, Ryder matched; the second Shoigu a duplicate; Russian of the wrong kind and
    // Nobody false; Telegram optional; Russia missed.
    assert_eq!(scores.entities, (3, 3, 1));
    // One pair, right; Austin -- Nobody unmatched; Austin -- Ryder planned, ignored.
    assert_eq!(scores.contacts, (1, 1, 0));
    assert_eq!(scores.typed, (1, 1, 0));
    // Three happened edges for two gold calls: one extra, plus the unmatched edge.
    assert_eq!(scores.events, (2, 2, 0));
    assert_eq!(report.dup_nodes, ["Sergei Shoigu"]);
    assert_eq!(
        report.fp_nodes,
        ["Russian (kind institution, gold country)", "Nobody Known"]
    );
    assert_eq!(report.fn_nodes, ["Russia"]);
    assert_eq!(
        report.fp_edges,
        ["person:lloyd-austin -- person:nobody (call)"]
    );
}
