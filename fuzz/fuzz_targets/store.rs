//! Arbitrary bytes as `graph.db`, and as a `graph.json` put into a store: reading a store
//! either fails with an error or gives a graph, without a panic; a graph written into a store
//! reads back to the same graph.json, with its article records; questions answered from the
//! store (through its name index and only the events they need) equal the answers from the
//! whole graph.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::export::{read_json, write_json};
use newsgraph::{query, store};

/// Questions asked of every store; the names of the graph's first entities are asked too.
const QUESTIONS: &[&str] = &[
    "who spoke to Russia",
    "contacts between Russia and the United States",
    "which Russians spoke to Americans",
    "timeline of Gerasimov",
    "who spoke to Gerasimof",
    "who spoke to Xq",
];

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // The bytes as a database file.
    let raw = dir.path().join("raw.db");
    std::fs::write(&raw, data).expect("writing the input");
    if let Ok(graph) = store::read(&raw, true) {
        write_json(&graph, &mut Vec::new()).unwrap();
    }
    let _ = store::read_articles(&raw);
    for question in QUESTIONS {
        let parsed = query::parse(question).expect("a question of the list");
        let _ = query::answer_from_store(&raw, &parsed, store::Detail::default(), None);
    }
    // The bytes as graph.json, written into a store and read back.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(graph) = read_json(text) else {
        return;
    };
    let path = dir.path().join("graph.db");
    store::write(&graph, &path).expect("writing a store");
    let again = store::read(&path, true).expect("reading our own store");
    let (mut json, mut json_again) = (Vec::new(), Vec::new());
    write_json(&graph, &mut json).unwrap();
    write_json(&again, &mut json_again).unwrap();
    assert!(
        json == json_again,
        "graph.db does not read back to its graph"
    );
    assert_eq!(
        graph.articles().unwrap(),
        again.articles().unwrap(),
        "article records"
    );
    let mut questions: Vec<String> = QUESTIONS.iter().map(|q| q.to_string()).collect();
    for entity in graph.entities().take(3) {
        questions.push(format!("who spoke to {}", entity.name));
        questions.push(format!("contacts of {}", entity.id));
    }
    for question in questions {
        let Ok(parsed) = query::parse(&question) else {
            continue;
        };
        let (_, from_store) = query::answer_from_store(&path, &parsed, store::Detail::default(), None)
            .expect("answering from our own store");
        assert_eq!(
            from_store,
            query::answer(&again, &parsed),
            "{question}: the store answers otherwise than the whole graph"
        );
    }
});
