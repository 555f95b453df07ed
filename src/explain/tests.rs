//! Explanations of small graphs built for each rule.

use super::*;
use crate::{build, Lexicon};

/// The node one of whose names is `alias`.
fn named<'g>(graph: &'g NewsGraph, alias: &str) -> &'g Entity {
    graph
        .entities()
        .find(|e| e.aliases.iter().any(|a| a == alias))
        .unwrap_or_else(|| panic!("{alias}"))
}

/// Whether `explanation` keeps `name` apart for a reason that says `why`.
fn kept_apart(explanation: &Explanation, name: &str, why: &str) -> bool {
    explanation
        .kept_apart
        .iter()
        .any(|k| k.name == name && k.reason.contains(why))
}

fn graph() -> NewsGraph {
    build(
        &Lexicon::builtin(),
        [
            (
                "a.txt",
                "Secretary of State Mike Pompeo met Russian Foreign Minister Sergei Lavrov \
                 on Monday. Pompeo said the talks were useful.",
            ),
            (
                "b.txt",
                "U.S. Secretary of State Michael Pompeo spoke by phone with Foreign \
                 Minister Sergey Lavrov on Friday.",
            ),
            (
                "c.txt",
                "Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Tuesday. \
                 Chinese Commerce Minister Wang Wentao met Pompeo on Wednesday.",
            ),
        ],
    )
}

#[test]
fn explains_each_name_and_the_people_kept_apart() {
    let graph = graph();
    let lavrov = graph
        .entity("person:sergei-lavrov")
        .expect("one Lavrov node");
    let explanation = explain(&graph, lavrov);
    let rule = |name: &str| {
        explanation
            .names
            .iter()
            .find(|n| n.name == name)
            .map(|n| n.rule.clone())
            .unwrap_or_default()
    };
    assert!(rule("Sergey Lavrov").contains("transliteration"));
    assert!(rule("Lavrov").contains("surname alone"));
    assert_eq!(explanation.articles, ["a.txt", "b.txt", "c.txt"]);

    let pompeo = graph
        .entities()
        .find(|e| e.name.ends_with("Pompeo"))
        .expect("one Pompeo node");
    let explanation = explain(&graph, pompeo);
    let text = explanation.to_string();
    assert!(text.contains("short form of the same given name"), "{text}");

    let wang = graph.entity("person:wang-yi").expect("Wang Yi");
    let explanation = explain(&graph, wang);
    assert!(
        explanation
            .kept_apart
            .iter()
            .any(|k| k.id == "person:wang-wentao"),
        "{explanation}"
    );
}

#[test]
fn explains_name_rules_with_their_evidence_and_the_candidates_they_refused() {
    let graph = build(
        &Lexicon::builtin(),
        [
            (
                "a.txt",
                "German Chancellor Olaf Brandtner met Britain's King Charles III in London \
                 on Monday.",
            ),
            (
                "b.txt",
                "German Chancellor Olaf Brantner spoke by phone with King Charles on \
                 Friday.",
            ),
            (
                "c.txt",
                "Colombian Senator Andres Charles met Olaf Brandner in Paris on Tuesday.",
            ),
        ],
    );
    let olaf = named(&graph, "Olaf Brantner");
    let explanation = explain(&graph, olaf);
    let text = explanation.to_string();
    assert!(text.contains("a letter or two apart"), "{text}");
    assert!(text.contains("evidence: country"), "{text}");
    // Olaf Brandner (no country, no title) is near but not joined, and says why.
    assert!(
        kept_apart(&explanation, "Olaf Brandner", "never merges"),
        "{text}"
    );
    let king = named(&graph, "Charles III");
    let explanation = explain(&graph, king);
    let text = explanation.to_string();
    assert!(text.contains("regnal"), "{text}");
    assert!(
        kept_apart(&explanation, "Andres Charles", "never joined"),
        "{text}"
    );
}

#[test]
fn a_misspelling_joined_by_a_counterpart_of_the_same_week_names_them() {
    let graph = build(
        &Lexicon::builtin(),
        [
            (
                "2024-03-11/a.txt",
                "Olaf Brandtner met Anna Wisniewska in Warsaw on Monday.",
            ),
            (
                "2024-03-13/b.txt",
                "Olaf Brantner spoke by phone with Anna Wisniewska on Wednesday.",
            ),
            (
                "2024-05-02/c.txt",
                "Olaf Brandner met Jan Kowalczyk in Gdansk on Thursday.",
            ),
        ],
    );
    let olaf = named(&graph, "Olaf Brantner");
    let explanation = explain(&graph, olaf);
    let text = explanation.to_string();
    assert!(
        text.contains("met Anna Wisniewska in the week 2024-W11 under both spellings"),
        "{text}"
    );
    // Brandner met someone else, weeks later: near, kept apart, and why.
    assert!(
        kept_apart(
            &explanation,
            "Olaf Brandner",
            "no person both met in the same week"
        ),
        "{text}"
    );
}

#[test]
fn lone_names_kept_apart_say_why() {
    let graph = build(
        &Lexicon::builtin(),
        [
            (
                "a.txt",
                "Secretary of State Varghese Tomlin met American General Charles Whitaker \
                 in Washington on Monday.",
            ),
            (
                "b.txt",
                "Indian Defence Minister P. R. Varghese met Japanese Foreign Minister Kenji \
                 Okada in Delhi on Tuesday.",
            ),
            (
                "c.txt",
                "British Prime Minister Whitaker met Okada in London on Friday.",
            ),
            ("d.txt", "Emmanuel met Okada in Paris on Friday."),
            (
                "e.txt",
                "French Finance Minister Emmanuel Laurent met Okada on Monday.",
            ),
        ],
    );
    let reasons = |name: &str| -> Vec<(String, String)> {
        let entity = graph
            .entities()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("{name}"));
        explain(&graph, entity)
            .kept_apart
            .into_iter()
            .map(|k| (k.name, k.reason))
            .collect()
    };
    let tomlin = reasons("Varghese Tomlin");
    assert!(
        tomlin
            .iter()
            .any(|(n, r)| n == "Varghese" && r.contains("a surname after initials (P. R.)")),
        "{tomlin:?}"
    );
    let whitaker = reasons("Charles Whitaker");
    assert!(
        whitaker
            .iter()
            .any(|(n, r)| n == "Whitaker" && r.contains("another country")),
        "{whitaker:?}"
    );
    let laurent = reasons("Emmanuel Laurent");
    assert!(
        laurent
            .iter()
            .any(|(n, r)| n == "Emmanuel" && r.contains("the first word of the name alone")),
        "{laurent:?}"
    );
}

#[test]
fn the_title_before_a_long_name_is_the_title_only() {
    let graph = build(
        &Lexicon::builtin(),
        [
            (
                "a.txt",
                "Angolan President Joao Manuel Goncalves Pereira met Kenji Okada on Monday.",
            ),
            (
                "b.txt",
                "Mexican President Andres Manuel Lopez Obrador met Kenji Okada on Friday.",
            ),
        ],
    );
    for (name, form) in [
        (
            "Joao Manuel Goncalves Pereira",
            "President Joao Manuel Goncalves Pereira",
        ),
        (
            "Andres Manuel Lopez Obrador",
            "President Andres Manuel Lopez Obrador",
        ),
    ] {
        let entity = graph.entities().find(|e| e.name == name).expect(name);
        let explanation = explain(&graph, entity);
        let rule = explanation
            .names
            .iter()
            .find(|n| n.name == form)
            .map(|n| n.rule.clone())
            .unwrap_or_default();
        assert_eq!(rule, "the name with a title before it (\"President\")");
    }
}
