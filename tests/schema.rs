//! `graph.json` of the seeds parsed back into test-local `deny_unknown_fields` structs that
//! mirror the documented schema (version 1), so any change of the schema fails here loudly; then
//! the invariants a reader relies on, the round trip, and the errors of `read_json`.

use std::collections::{BTreeMap, BTreeSet};

use newsgraph::article::normalize;
use newsgraph::export::read_json;
use serde::{Deserialize, Serialize};

use crate::common::{build, json_bytes, seed_articles};

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    schema_version: u32,
    generator: String,
    nodes: Vec<Node>,
    edges: Vec<Edge>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    aliases: Option<Vec<String>>,
    /// Article records: written by newsgraph before graph.db kept them, still read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    articles: Vec<Article>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Article {
    id: String,
    hash: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    published_from: Option<String>,
    entities: Vec<RecordEntity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    events: Option<Vec<RecordEvent>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    affiliations: Option<Vec<RecordAffiliation>>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordEntity {
    kind: String,
    name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    aliases: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    titles: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iso: Option<String>,
    mentions: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordEvent {
    kind: String,
    status: String,
    participants: Vec<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date_iso: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    initiator: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    evidence: String,
    start: usize,
    end: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordAffiliation {
    from: usize,
    to: usize,
    kind: String,
    evidence: String,
    start: usize,
    end: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Source {
    article: String,
    evidence: String,
    start: usize,
    end: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Node {
    id: String,
    kind: String,
    name: String,
    aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    titles: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    iso: Option<String>,
    articles: Vec<String>,
    mentions: usize,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Edge {
    source: String,
    target: String,
    kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    event: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    participants: Option<Vec<String>>,
    article: String,
    evidence: String,
    start: usize,
    end: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    date_iso: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    initiator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reports: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sources: Option<Vec<Source>>,
}

const NODE_KINDS: &[&str] = &["person", "institution", "country"];
const CONTACT_KINDS: &[&str] = &["call", "meeting"];
const AFFILIATION_KINDS: &[&str] = &["member", "spokesperson", "nationality", "part_of"];
const STATUSES: &[&str] = &["happened", "planned", "denied"];

/// The seeds' graph.json, its text, and the seed articles by path.
fn seeds_file() -> (File, String, BTreeMap<String, String>) {
    let articles = seed_articles();
    let json = String::from_utf8(json_bytes(&build(&articles))).expect("graph.json is UTF-8");
    let file: File = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("graph.json no longer matches schema version 1: {e}"));
    (file, json, articles.into_iter().collect())
}

#[test]
fn seeds_json_matches_the_schema_exactly() {
    let (file, json, _) = seeds_file();
    assert_eq!(file.schema_version, 1);
    assert!(
        !file.nodes.is_empty() && !file.edges.is_empty(),
        "the seeds give no nodes or no edges"
    );
    for edge in file.edges.iter().filter(|e| e.status.is_some()) {
        let c = edge
            .confidence
            .expect("every contact edge has a confidence");
        assert!((0.0..=1.0).contains(&c), "confidence {c} out of 0..=1");
    }
    // Written back from the test structs, the file is the same value: no field changed type or
    // came out as `null`.
    let original: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mirrored = serde_json::to_value(&file).unwrap();
    assert!(
        original == mirrored,
        "graph.json has fields the schema structs do not mirror:\n{json}"
    );
}

#[test]
fn node_ids_are_unique_readable_slugs() {
    let (file, _, _) = seeds_file();
    let slug = regex::Regex::new(r"^(person|institution|country):[a-z0-9]+(-[a-z0-9]+)*$").unwrap();
    let mut seen = BTreeSet::new();
    for node in &file.nodes {
        assert!(
            NODE_KINDS.contains(&node.kind.as_str()),
            "node {} has kind {:?}",
            node.id,
            node.kind
        );
        assert!(
            slug.is_match(&node.id),
            "node id {:?} is not a kind:lowercase-slug",
            node.id
        );
        assert!(
            node.id.starts_with(&format!("{}:", node.kind)),
            "node id {:?} does not start with its kind {}",
            node.id,
            node.kind
        );
        assert!(
            seen.insert(node.id.as_str()),
            "node id {:?} appears twice",
            node.id
        );
    }
}

#[test]
fn node_references_and_fields_are_valid() {
    let (file, _, articles) = seeds_file();
    let kinds: BTreeMap<&str, &str> = file
        .nodes
        .iter()
        .map(|n| (n.id.as_str(), n.kind.as_str()))
        .collect();
    for node in &file.nodes {
        if let Some(country) = &node.country {
            assert_eq!(
                kinds.get(country.as_str()),
                Some(&"country"),
                "node {}: country {country:?} is not a country node",
                node.id
            );
        }
        match (&node.iso, node.kind.as_str()) {
            (Some(iso), "country") => assert!(
                iso.len() == 2 && iso.chars().all(|c| c.is_ascii_uppercase()),
                "node {}: iso {iso:?}",
                node.id
            ),
            (Some(iso), kind) => panic!("node {} of kind {kind} has an iso code {iso:?}", node.id),
            (None, _) => {}
        }
        assert!(
            node.titles.as_ref().is_none_or(|t| !t.is_empty()),
            "node {}: empty titles should be left out",
            node.id
        );
        assert!(
            !node.articles.is_empty(),
            "node {} names no article",
            node.id
        );
        for article in &node.articles {
            assert!(
                articles.contains_key(article),
                "node {}: unknown article {article:?}",
                node.id
            );
        }
        assert!(node.mentions > 0, "node {} has no mentions", node.id);
    }
}

#[test]
fn edges_join_nodes_and_contacts_have_a_status() {
    let (file, _, _) = seeds_file();
    let ids: BTreeSet<&str> = file.nodes.iter().map(|n| n.id.as_str()).collect();
    for edge in &file.edges {
        let what = format!("edge {} -{}- {}", edge.source, edge.kind, edge.target);
        assert!(
            ids.contains(edge.source.as_str()),
            "{what}: source is not a node"
        );
        assert!(
            ids.contains(edge.target.as_str()),
            "{what}: target is not a node"
        );
        assert_ne!(edge.source, edge.target, "{what}: a loop");
        if CONTACT_KINDS.contains(&edge.kind.as_str()) {
            let status = edge
                .status
                .as_deref()
                .unwrap_or_else(|| panic!("{what}: a contact edge without status"));
            assert!(STATUSES.contains(&status), "{what}: status {status:?}");
            assert!(edge.event.is_some(), "{what}: a contact edge without event");
            if let Some(participants) = &edge.participants {
                assert!(
                    participants.len() > 2,
                    "{what}: participants listed for a two-party event"
                );
                assert!(
                    participants.contains(&edge.source) && participants.contains(&edge.target),
                    "{what}: not among its participants"
                );
                assert!(
                    participants.iter().all(|p| ids.contains(p.as_str())),
                    "{what}: a participant is not a node"
                );
            }
            if let Some(initiator) = &edge.initiator {
                assert!(
                    ids.contains(initiator.as_str()),
                    "{what}: initiator {initiator:?} is not a node"
                );
            }
        } else {
            assert!(
                AFFILIATION_KINDS.contains(&edge.kind.as_str()),
                "{what}: unknown edge kind"
            );
            assert!(
                edge.status.is_none() && edge.event.is_none(),
                "{what}: an affiliation with a status or event"
            );
        }
    }
}

#[test]
fn evidence_is_the_article_text_at_its_char_offsets() {
    let (file, _, articles) = seeds_file();
    for edge in &file.edges {
        let text = articles.get(&edge.article).unwrap_or_else(|| {
            panic!(
                "edge {} -- {}: unknown article {:?}",
                edge.source, edge.target, edge.article
            )
        });
        let chars: Vec<char> = normalize(text).chars().collect();
        assert!(
            edge.start <= edge.end && edge.end <= chars.len(),
            "{}: offsets {}..{} outside the text",
            edge.article,
            edge.start,
            edge.end
        );
        let slice: String = chars[edge.start..edge.end].iter().collect();
        assert_eq!(
            slice, edge.evidence,
            "{} {}..{}: evidence is not the text at its offsets",
            edge.article, edge.start, edge.end
        );
    }
}

#[test]
fn evidence_offsets_count_chars_after_crlf_normalisation() {
    let text = "Washington — Defense Secretary Lloyd Austin spoke by phone on Friday with Russian Defense Minister Sergei Shoigu.\r\n\
                Gen. Mark Milley met with Gen. Valery Gerasimov in Helsinki on Thursday.\r\n";
    let graph = build(&[("crlf.txt".to_string(), text.to_string())]);
    let file: File = serde_json::from_slice(&json_bytes(&graph)).unwrap();
    let chars: Vec<char> = normalize(text).chars().collect();
    assert!(!file.edges.is_empty(), "no edges from {text:?}");
    for edge in &file.edges {
        let slice: String = chars
            .get(edge.start..edge.end)
            .expect("offsets inside the text")
            .iter()
            .collect();
        assert_eq!(slice, edge.evidence);
    }
}

#[test]
fn streamed_json_is_the_file_form_serialised() {
    // write_json streams nodes and edges; the bytes must be those of the file form.
    use newsgraph::export::json::{to_file, write_file};
    let graph = build(&seed_articles());
    let file = to_file(&graph);
    let mut expected = Vec::new();
    write_file(&file, &mut expected).unwrap();
    assert!(
        json_bytes(&graph) == expected,
        "write_json and to_file disagree"
    );
}

#[test]
fn read_json_then_write_json_round_trips() {
    let (_, json, _) = seeds_file();
    let graph = read_json(&json).unwrap_or_else(|e| panic!("reading back our own graph.json: {e}"));
    let again = String::from_utf8(json_bytes(&graph)).unwrap();
    assert!(
        again == json,
        "graph.json changes on a read/write round trip"
    );
}

#[track_caller]
fn check_read_error(text: &str, expected_in_message: &str) {
    match read_json(text) {
        Ok(_) => panic!("read_json accepted {text:?}"),
        Err(error) => {
            let message = error.to_string();
            assert!(
                message.contains(expected_in_message),
                "read_json error {message:?} should mention {expected_in_message:?}"
            );
        }
    }
}

#[test]
fn read_json_names_what_is_wrong() {
    let (_, json, _) = seeds_file();
    check_read_error(
        &json[..json.find("\"edges\"").expect("an edges field")],
        "EOF",
    );
    check_read_error(
        &json.replacen("\"schema_version\": 1", "\"schema_version\": 2", 1),
        "schema_version 2",
    );
    check_read_error("{}", "schema_version");
    check_read_error(
        &json.replacen(
            "\"mentions\":",
            "\"colour\": \"red\",\n      \"mentions\":",
            1,
        ),
        "colour",
    );
}
