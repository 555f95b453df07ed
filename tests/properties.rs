//! Property tests (proptest): a short, deterministic fuzz run inside the test suite. The
//! long runs are the cargo-fuzz targets in `fuzz/` (TESTING.md).
//!
//! - Any bytes decode or are refused, and whatever decodes goes through extraction without a
//!   panic, with every evidence's character offsets slicing the text to the evidence.
//! - News-like text (names, titles, contact words, punctuation, line endings, control
//!   characters) builds a graph whose graph.json reads back to the same bytes.
//! - Any change to a valid graph.json is read or refused, never a panic.

use std::sync::OnceLock;

use newsgraph::export::{read_json, write_dot, write_json};
use newsgraph::{extract, input, Article, Lexicon, NewsGraph};
use proptest::prelude::*;

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::builtin)
}

/// Extracts `text` and checks the evidence offsets; returns the article's graph.
fn check_article(text: &str) -> NewsGraph {
    let article = Article::parse("p.txt", text);
    let found = extract(lexicon(), &article);
    let chars: Vec<char> = article.text.chars().collect();
    let evidence = found
        .events
        .iter()
        .map(|e| &e.evidence)
        .chain(found.affiliations.iter().map(|a| &a.evidence));
    for evidence in evidence {
        assert!(evidence.start <= evidence.end && evidence.end <= chars.len());
        let slice: String = chars[evidence.start..evidence.end].iter().collect();
        assert_eq!(slice, *evidence.text, "evidence offsets of {text:?}");
    }
    NewsGraph::build([found], &newsgraph::Aliases::default())
}

fn json(graph: &NewsGraph) -> String {
    let mut out = Vec::new();
    write_json(graph, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Pieces of news text, so random sequences of them reach the extractor's rules.
fn news_text() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "Gen.",
        "Mark",
        "Milley",
        "Valery",
        "Gerasimov",
        "President",
        "Sauli",
        "Niinistö",
        "Defense",
        "Minister",
        "Secretary",
        "Lloyd",
        "Austin",
        "Russian",
        "Russia",
        "U.S.",
        "the",
        "United",
        "States",
        "Ministry",
        "spoke",
        "with",
        "met",
        "called",
        "talks",
        "by",
        "phone",
        "on",
        "Monday",
        "Nov.",
        "27",
        "2022",
        "and",
        "his",
        "counterpart",
        "they",
        "said",
        "did",
        "not",
        "plan",
        "to",
        "meet",
        "between",
        "’s",
        "'s",
        "-",
        ",",
        ".",
        "?",
        "\"",
        "“",
        "”",
        "(",
        ")",
        "{",
        "}",
        "\\",
        "<script>",
        "&",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\0",
        "\u{1b}",
        "\u{feff}",
        "\u{2028}",
        " ",
        " ",
        " ",
    ]);
    prop::collection::vec(piece, 0..120).prop_map(|pieces| {
        let mut text = String::new();
        for piece in pieces {
            if !text.is_empty() && !piece.starts_with(['\n', '\r', ' ', ',', '.']) {
                text.push(' ');
            }
            text.push_str(piece);
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_decode_or_are_refused_and_never_panic_the_extractor(
        bytes in prop::collection::vec(any::<u8>(), 0..2000)
    ) {
        if let Ok(text) = input::decode(bytes) {
            check_article(&text.text);
        }
    }

    #[test]
    fn any_string_never_panics_the_extractor(text in "\\PC{0,400}") {
        check_article(&text);
    }

    #[test]
    fn news_like_text_builds_a_graph_that_reads_back_to_itself(text in news_text()) {
        let graph = check_article(&text);
        let written = json(&graph);
        let again = read_json(&written).expect("reading our own graph.json");
        prop_assert_eq!(json(&again), written);
        write_dot(&graph, &mut Vec::new()).unwrap();
    }

    #[test]
    fn a_changed_graph_file_is_read_or_refused(
        cut in any::<prop::sample::Index>(),
        insert in prop::sample::select(vec![
            "", "}", "]", "\"", "\\", "null", "1e999", "-1", "\"x\"", "{}", "[]", ",", ":",
            "\"schema_version\": 2,", "\u{0}",
        ]),
        drop in 0usize..40,
    ) {
        let text = seeds_json();
        let at = cut.index(text.len());
        let at = (0..=at).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
        let end = (at + drop).min(text.len());
        let end = (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        let changed = format!("{}{insert}{}", &text[..at], &text[end..]);
        if let Ok(graph) = read_json(&changed) {
            let written = json(&graph);
            prop_assert_eq!(json(&read_json(&written).unwrap()), written);
        }
    }
}

fn seeds_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| json(&crate::common::build(&crate::common::seed_articles())))
}
