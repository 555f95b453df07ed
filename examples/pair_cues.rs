//! Prints, for each article given, what the fitted pair model sees: the entities, the pairs
//! the reader linked (with the status of their event) and the pairs the model weighs, with
//! their cues; one JSON object a line. `scripts/fit_pairs.py` fits the weights on it.
//! `cargo run --release --example pair_cues -- FILE...`

use newsgraph::extract::pair_view;
use newsgraph::findings::pairs;
use newsgraph::{Article, Lexicon};
use serde_json::json;

fn main() {
    let lexicon = Lexicon::builtin();
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{path}: {e}");
                std::process::exit(1);
            }
        };
        let article = Article::parse(&path, &text);
        let view = pair_view(&lexicon, &article);
        let entities: Vec<_> = view
            .entities
            .iter()
            .map(|e| json!({"name": e.name, "kind": e.kind.as_str(), "aliases": e.aliases}))
            .collect();
        let linked: Vec<_> = view
            .events
            .iter()
            .flat_map(|e| pairs(&e.participants).map(|(a, b)| json!([a, b, e.status.as_str()])))
            .collect();
        let read: Vec<_> = view
            .read
            .iter()
            .map(|r| json!({"a": r.a, "b": r.b, "cues": r.cues}))
            .collect();
        let candidates: Vec<_> = view
            .candidates
            .iter()
            .map(|c| {
                let sentence = &article.sentences[c.sentence];
                json!({
                    "sentence": article.sentence_text(sentence),
                    "a": c.a,
                    "b": c.b,
                    "cues": c.cues,
                })
            })
            .collect();
        println!(
            "{}",
            json!({
                "article": path,
                "entities": entities,
                "linked": linked,
                "read": read,
                "candidates": candidates,
            })
        );
    }
}
