//! Arbitrary bytes as `graph.json`: reading either fails with an error or gives a graph that
//! writes, reads back to the same JSON, draws as DOT and answers questions, without a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsgraph::export::{read_json, write_dot, write_json};
use newsgraph::query;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(graph) = read_json(text) else {
        return;
    };
    let mut json = Vec::new();
    write_json(&graph, &mut json).unwrap();
    let again = read_json(std::str::from_utf8(&json).unwrap()).expect("reading our own JSON");
    let mut json_again = Vec::new();
    write_json(&again, &mut json_again).unwrap();
    assert!(
        json == json_again,
        "graph.json does not read back to itself"
    );
    write_dot(&graph, &mut Vec::new()).unwrap();
    let names: Vec<String> = graph.entities().map(|e| e.name.clone()).take(2).collect();
    let mut questions = vec!["most connected people".to_string()];
    if let [a, rest @ ..] = names.as_slice() {
        questions.push(format!("who spoke to {a}"));
        questions.push(format!("timeline of {a}"));
        if let [b, ..] = rest {
            questions.push(format!("path from {a} to {b}"));
            questions.push(format!("contacts between {a} and {b}"));
        }
    }
    for question in questions {
        if let Ok(answer) = query::ask(&graph, &question) {
            query::write_text(&graph, &answer, &mut Vec::new()).unwrap();
            query::write_json(&answer, &mut Vec::new()).unwrap();
            query::write_dot(&graph, &answer, &mut Vec::new()).unwrap();
        }
    }
});
