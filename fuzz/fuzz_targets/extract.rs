//! Arbitrary bytes through the whole build: decode, `Article::parse`, `extract`, merge, and
//! the JSON and DOT writers. Checks that nothing panics, that every evidence's character
//! offsets slice the normalised text to the evidence, and that graph.json reads back to the
//! same bytes.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use newsgraph::export::{read_json, write_dot, write_json};
use newsgraph::{extract, input, Article, Lexicon, NewsGraph};

fuzz_target!(|data: &[u8]| {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    let lexicon = LEXICON.get_or_init(Lexicon::builtin);
    let Ok(text) = input::decode(data.to_vec()) else {
        return;
    };
    let article = Article::parse("fuzz.txt", &text.text);
    let found = extract(lexicon, &article);
    let chars: Vec<char> = article.text.chars().collect();
    let evidence = found
        .events
        .iter()
        .map(|e| &e.evidence)
        .chain(found.affiliations.iter().map(|a| &a.evidence));
    for evidence in evidence {
        let slice: String = chars[evidence.start..evidence.end].iter().collect();
        assert_eq!(slice, &*evidence.text, "evidence offsets");
    }
    let graph = NewsGraph::build([found], &newsgraph::Aliases::default());
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
});
