//! Prints what extraction sees in one article: each sentence's mentions and the events found.
//! `cargo run --example debug -- FILE`

use newsgraph::extract::find_mentions;
use newsgraph::{extract, Article, Lexicon};

fn main() {
    let path = std::env::args().nth(1).expect("usage: debug FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let lexicon = Lexicon::builtin();
    let article = Article::parse(&path, &text);
    let mentions = find_mentions(&lexicon, &article);
    for (s, sentence) in article.sentences.iter().enumerate() {
        let words: Vec<&str> = sentence
            .tokens
            .iter()
            .map(|t| article.token_text(t))
            .collect();
        println!(
            "[{s}]{} {}",
            if sentence.title_case { " (title)" } else { "" },
            words.join(" ")
        );
        for m in mentions.in_sentence(s) {
            let e = &mentions.entities[m.entity];
            println!(
                "     {:?} {:?} <- {:?}",
                e.kind,
                e.name,
                words[m.start..m.end].join(" ")
            );
        }
    }
    let graph = extract(&lexicon, &article);
    for e in &graph.events {
        let names: Vec<&str> = e
            .participants
            .iter()
            .map(|&p| graph.entities[p].name.as_str())
            .collect();
        println!(
            "EVENT {:?} {:?} {:?} date={:?} init={:?} :: {}",
            e.kind,
            e.status,
            names,
            e.date,
            e.initiator.map(|i| &graph.entities[i].name),
            e.evidence.text
        );
    }
}
