//! Unit tests of `query`: questions to a small graph of six articles.

use expect_test::{expect, Expect};

use super::dates::*;
use super::parse::*;
use super::render::escape;
use super::*;
use crate::graph::{ContactKind, Status};
const ARTICLES: &[(&str, &str)] = &[
    ("a.txt", "Gen. Joseph Dunford spoke by phone on Wednesday with Russian Gen. Valery Gerasimov."),
    ("b.txt", "U.S. Gen. Mark Milley met Gen. Valery Gerasimov in Helsinki on Friday."),
    ("c.txt", "Donald Trump met Ivanka Trump on Monday."),
    ("d.txt", "Gen. Curtis Scaparrotti will meet Gen. Valery Gerasimov in Baku."),
    (
        "f.txt",
        "Russian Defense Minister Sergei Shoigu did not meet U.S. Defense Secretary Lloyd Austin. \
         Austin spoke by phone with Gen. Mark Milley on Nov. 27.",
    ),
    (
        "news/2022-03-20/e.txt",
        "Finnish President Sauli Niinistö spoke by phone with Russian President Vladimir Putin on March 13. \
         President Vladimir Putin met Gen. Valery Gerasimov on Tuesday. Putin spoke with Gerasimov in November.",
    ),
];

fn graph() -> NewsGraph {
    crate::build(&crate::Lexicon::builtin(), ARTICLES.iter().copied())
}

/// The names of the answer's results, in order.
#[track_caller]
fn names(question: &str) -> Vec<String> {
    let answer = ask(&graph(), question).unwrap_or_else(|e| panic!("{question}: {e}"));
    answer.results.into_iter().map(|r| r.name).collect()
}

#[track_caller]
fn fails(question: &str) -> QueryError {
    ask(&graph(), question).expect_err(question)
}

#[track_caller]
fn check_text(question: &str, expect: Expect) {
    let graph = graph();
    let mut out = Vec::new();
    write_text(&graph, &ask(&graph, question).unwrap(), &mut out).unwrap();
    expect.assert_eq(&String::from_utf8(out).unwrap());
}

#[test]
fn every_form_parses_to_its_canonical_question() {
    let cases = [
        ("who spoke to Gerasimov?", "who spoke to Gerasimov"),
        ("Who talked to  Gerasimov", "who spoke to Gerasimov"),
        ("who has spoken with Gerasimov", "who spoke to Gerasimov"),
        ("who contacted Gerasimov", "who spoke to Gerasimov"),
        ("who called Gerasimov", "who called Gerasimov"),
        ("who phoned Gerasimov", "who called Gerasimov"),
        ("who met Gerasimov", "who met Gerasimov"),
        ("who met with Gerasimov", "who met Gerasimov"),
        ("who did Gerasimov speak to", "who spoke to Gerasimov"),
        ("who did Gerasimov talk with", "who spoke to Gerasimov"),
        ("who did Gerasimov meet", "who met Gerasimov"),
        ("who did Gerasimov call", "who called Gerasimov"),
        (
            "who planned to meet Gerasimov",
            "who planned to meet Gerasimov",
        ),
        ("who did not meet Shoigu", "who did not meet Shoigu"),
        (
            "did Dunford speak to Gerasimov",
            "all contacts between Dunford and Gerasimov",
        ),
        (
            "did Dunford call Gerasimov",
            "all calls between Dunford and Gerasimov",
        ),
        (
            "has Milley ever met with Gerasimov",
            "all meetings between Milley and Gerasimov",
        ),
        (
            "contacts between Russia and the United States",
            "all contacts between Russia and United States",
        ),
        (
            "planned meetings between Scaparrotti and Gerasimov",
            "planned meetings between Scaparrotti and Gerasimov",
        ),
        (
            "which Russians spoke to Americans",
            "which Russians spoke to Americans",
        ),
        (
            "which Americans met Russians",
            "which Americans met Russians",
        ),
        ("Gerasimov's contacts", "contacts of Gerasimov"),
        ("Gerasimov’s meetings", "meetings of Gerasimov"),
        ("timeline of Gerasimov", "contacts of Gerasimov"),
        ("calls of Gerasimov", "calls of Gerasimov"),
        (
            "planned meetings of Gerasimov",
            "planned meetings of Gerasimov",
        ),
        (
            "planned contacts of Gerasimov",
            "planned contacts of Gerasimov",
        ),
        ("denied contacts of Shoigu", "denied contacts of Shoigu"),
        ("all contacts of Gerasimov", "all contacts of Gerasimov"),
        (
            "path from Dunford to Niinistö",
            "path from Dunford to Niinistö",
        ),
        (
            "shortest path between Dunford and Putin",
            "path from Dunford to Putin",
        ),
        (
            "how is Dunford connected to Putin",
            "path from Dunford to Putin",
        ),
        ("most connected people", "top 10 most connected people"),
        (
            "who are the top 3 most connected countries",
            "top 3 most connected countries",
        ),
        (
            "most connected institutions",
            "top 10 most connected institutions",
        ),
        ("who spoke to Putin in 2022", "who spoke to Putin in 2022"),
        (
            "who spoke to Putin in March 2022",
            "who spoke to Putin in 2022-03",
        ),
        (
            "who spoke to Putin between March 2022 and 2023-06-30",
            "who spoke to Putin between 2022-03-01 and 2023-06-30",
        ),
        (
            "who spoke to Putin from 2021 to 2022",
            "who spoke to Putin between 2021-01 and 2022-12",
        ),
        (
            "who spoke to Putin since 2021",
            "who spoke to Putin since 2021-01-01",
        ),
        (
            "who spoke to Putin after 2021",
            "who spoke to Putin after 2021-12-31",
        ),
        (
            "who spoke to Putin before 2023",
            "who spoke to Putin before 2023-01-01",
        ),
        ("who spoke to Putin on March 13, 2022", "who spoke to Putin"),
        (
            "contacts between Russia and Finland between 2020 and 2022",
            "all contacts between Russia and Finland between 2020-01 and 2022-12",
        ),
    ];
    for (question, canonical) in cases {
        let query = parse(question).unwrap_or_else(|e| panic!("{question}: {e}"));
        if canonical != "who spoke to Putin" {
            assert_eq!(query.to_string(), canonical, "{question}");
            assert_eq!(parse(canonical).unwrap(), query, "{canonical} reads back");
        }
    }
    // "on DATE" is not a period form: the date stays part of the name, which is not found.
    assert!(matches!(
        fails("who spoke to Putin on March 13, 2022"),
        QueryError::Unknown { .. }
    ));
}

#[test]
fn who_spoke_to_counts_happened_calls_and_meetings() {
    assert_eq!(
        names("who spoke to Gerasimov"),
        ["Vladimir Putin", "Joseph Dunford", "Mark Milley"]
    );
    assert_eq!(
        names("who called Gerasimov"),
        ["Joseph Dunford", "Vladimir Putin"]
    );
    assert_eq!(
        names("who met with Gerasimov"),
        ["Mark Milley", "Vladimir Putin"]
    );
    assert_eq!(
        names("who did Milley speak to"),
        ["Lloyd Austin", "Valery Gerasimov"]
    );
    assert_eq!(
        names("who planned to meet Gerasimov"),
        ["Curtis Scaparrotti"]
    );
    assert_eq!(names("who did not meet Shoigu"), ["Lloyd Austin"]);
}

#[test]
fn partners_list_their_events_with_dates_and_say_what_was_left_out() {
    let answer = ask(&graph(), "who spoke to Gerasimov").unwrap();
    let putin = &answer.results[0];
    let dates: Vec<_> = putin.events.iter().map(|e| e.date.as_deref()).collect();
    assert_eq!(dates, [Some("November"), Some("Tuesday")]);
    assert_eq!(answer.about, ["person:valery-gerasimov"]);
    assert_eq!(
        answer.notes,
        ["1 planned event not counted; ask \"all contacts of Valery Gerasimov\" to see them"]
    );
}

#[test]
fn names_are_found_forgivingly() {
    for name in [
        "Gerasimov",
        "gerasimov",
        "GERASIMOV",
        "Gen. Gerasimov",
        "Russian Gen. Valery Gerasimov",
        "Valery Gerasimov",
        "Gerasimow",
        "Valeri Gerasimov",
        "person:valery-gerasimov",
    ] {
        let answer = ask(&graph(), &format!("who spoke to {name}"))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(answer.about, ["person:valery-gerasimov"], "{name}");
    }
    for (name, id) in [
        ("Niinistö", "person:sauli-niinisto"),
        ("niinisto", "person:sauli-niinisto"),
        ("President Niinisto", "person:sauli-niinisto"),
        ("Shoygu", "person:sergei-shoigu"),
        ("Sergey Shoigu", "person:sergei-shoigu"),
        ("Ivanka", "person:ivanka-trump"),
        ("Donald Trump", "person:donald-trump"),
        ("Russia", "country:russia"),
        ("the United States", "country:united-states"),
        ("US", "country:united-states"),
        ("u.s.", "country:united-states"),
    ] {
        let answer =
            ask(&graph(), &format!("contacts of {name}")).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(answer.about, [id], "{name}");
    }
}

#[test]
fn an_ambiguous_name_lists_the_candidates() {
    let error = fails("who spoke to Trump");
    assert_eq!(
        error,
        QueryError::Ambiguous {
            name: "Trump".to_string(),
            candidates: vec![
                "Donald Trump (person:donald-trump)".to_string(),
                "Ivanka Trump (person:ivanka-trump)".to_string()
            ],
        }
    );
    assert_eq!(error.to_string(), "\"Trump\" could be Donald Trump (person:donald-trump) or Ivanka Trump (person:ivanka-trump); be more precise");
}

#[test]
fn an_unknown_name_suggests_close_names() {
    let error = fails("who spoke to Gerasimovsky");
    assert_eq!(
        error,
        QueryError::Unknown {
            name: "Gerasimovsky".to_string(),
            suggestions: vec!["Valery Gerasimov".to_string()]
        }
    );
    assert_eq!(
        error.to_string(),
        "no one called \"Gerasimovsky\" in the graph; did you mean Valery Gerasimov?"
    );
    assert_eq!(
        fails("did Xyzzy meet Putin").to_string(),
        "no one called \"Xyzzy\" in the graph"
    );
    // A spelling variant of a shared surname is as ambiguous as the surname.
    assert!(matches!(
        fails("who spoke to Tramp"),
        QueryError::Ambiguous { .. }
    ));
}

#[test]
fn a_question_it_cannot_parse_lists_the_forms() {
    let error = fails("what is love");
    assert_eq!(
        error,
        QueryError::Unparsed {
            question: "what is love".to_string()
        }
    );
    let message = error.to_string();
    assert!(message.starts_with("cannot understand \"what is love\"; ask one of these:\n"));
    assert!(message.contains("who spoke to X") && message.contains("path from X to Y"));
    assert!(!message.ends_with('.'));
    assert!(matches!(
        fails("most connected cats"),
        QueryError::Unparsed { .. }
    ));
    assert!(matches!(fails(""), QueryError::Unparsed { .. }));
}

#[test]
fn a_pair_shows_every_event_with_its_status() {
    let graph = graph();
    let answer = ask(&graph, "did Dunford speak to Gerasimov").unwrap();
    assert_eq!(
        answer.summary,
        "yes: 1 happened call or meeting between Joseph Dunford and Valery Gerasimov"
    );
    let event = &answer.timeline[0];
    assert_eq!(
        (
            event.kind,
            event.status,
            event.date.as_deref(),
            event.article.as_str()
        ),
        (
            ContactKind::Call,
            Status::Happened,
            Some("Wednesday"),
            "a.txt"
        )
    );
    assert_eq!(event.evidence, ARTICLES[0].1);
    assert_eq!(
        event.participants,
        ["person:joseph-dunford", "person:valery-gerasimov"]
    );
    assert_eq!(
        names("did Dunford speak to Gerasimov"),
        ["Valery Gerasimov"]
    );

    let answer = ask(&graph, "did Scaparrotti meet Gerasimov").unwrap();
    assert_eq!(answer.summary, "no: no happened meeting between Curtis Scaparrotti and Valery Gerasimov (and 1 event planned or denied)");
    assert_eq!(answer.timeline[0].status, Status::Planned);
    let answer = ask(&graph, "contacts between Shoigu and Austin").unwrap();
    assert_eq!(answer.timeline[0].status, Status::Denied);
    assert_eq!(
        ask(&graph, "planned meetings between Scaparrotti and Gerasimov")
            .unwrap()
            .summary,
        "1 planned meeting between Curtis Scaparrotti and Valery Gerasimov"
    );
    assert!(ask(&graph, "did Dunford meet Ivanka")
        .unwrap()
        .results
        .is_empty());
}

#[test]
fn countries_stand_for_their_people() {
    let answer = ask(&graph(), "contacts between Russia and the United States").unwrap();
    let events: Vec<_> = answer
        .timeline
        .iter()
        .map(|e| (e.id.as_str(), e.status))
        .collect();
    assert_eq!(
        events,
        [("b.txt#1", Status::Happened), ("f.txt#1", Status::Denied)]
    );
    assert_eq!(
        names("which Russians spoke to Americans"),
        ["Valery Gerasimov"]
    );
    assert_eq!(names("which Americans spoke to Russians"), ["Mark Milley"]);
    assert_eq!(names("which Americans spoke to Gerasimov"), ["Mark Milley"]);
    assert_eq!(names("who spoke to Finland"), ["Vladimir Putin"]);
}

#[test]
fn timelines_are_in_date_order_as_far_as_dates_tell() {
    let answer = ask(&graph(), "Gerasimov's contacts").unwrap();
    let events: Vec<_> = answer
        .timeline
        .iter()
        .map(|e| (e.id.as_str(), e.date.as_deref()))
        .collect();
    // November takes the year before the article's (2022-03-20), Tuesday the article's
    // date; the undated-by-year rest follow by article.
    assert_eq!(
        events,
        [
            ("news/2022-03-20/e.txt#3", Some("November")),
            ("news/2022-03-20/e.txt#2", Some("Tuesday")),
            ("a.txt#1", Some("Wednesday")),
            ("b.txt#1", Some("Friday")),
        ]
    );
    let statuses: Vec<_> = ask(&graph(), "all contacts of Gerasimov")
        .unwrap()
        .timeline
        .iter()
        .map(|e| e.status)
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == Status::Planned).count(),
        1
    );
    assert_eq!(
        names("planned meetings of Gerasimov"),
        ["Curtis Scaparrotti"]
    );
    assert_eq!(names("denied contacts of Shoigu"), ["Lloyd Austin"]);
    assert_eq!(
        names("calls of Gerasimov"),
        ["Joseph Dunford", "Vladimir Putin"]
    );
}

#[test]
fn periods_use_written_years_and_article_dates() {
    assert_eq!(
        names("who spoke to Putin in 2022"),
        ["Sauli Niinistö", "Valery Gerasimov"]
    );
    assert_eq!(names("who spoke to Putin in 2021"), ["Valery Gerasimov"]);
    assert_eq!(
        names("who spoke to Putin before 2022-03-14"),
        ["Sauli Niinistö", "Valery Gerasimov"]
    );
    assert_eq!(
        names("who spoke to Putin between 2022-03-14 and 2022-12-31"),
        ["Valery Gerasimov"]
    );
    let answer = ask(&graph(), "who spoke to Gerasimov in 2022").unwrap();
    assert_eq!(
        answer
            .results
            .iter()
            .map(|r| r.name.as_str())
            .collect::<Vec<_>>(),
        ["Vladimir Putin"]
    );
    // Only Gerasimov's own events count, as the store counts them: two of them are undated.
    assert_eq!(
        answer.notes[0],
        "2 events of the graph could not be placed in 2022 and were left out"
    );
}

#[test]
fn paths_follow_happened_contacts() {
    assert_eq!(
        names("path from Dunford to Niinistö"),
        [
            "Joseph Dunford",
            "Valery Gerasimov",
            "Vladimir Putin",
            "Sauli Niinistö"
        ]
    );
    let answer = ask(&graph(), "path from Dunford to Niinistö").unwrap();
    assert!(answer.results[0].events.is_empty());
    assert_eq!(answer.results[1].events[0].id, "a.txt#1");
    assert_eq!(
        answer.summary,
        "Joseph Dunford to Sauli Niinistö in 3 steps of happened calls and meetings"
    );
    assert!(names("path from Dunford to Ivanka").is_empty());
    // A planned meeting is no link.
    assert!(names("path from Scaparrotti to Dunford").is_empty());
    assert_eq!(names("path from Putin to Putin"), ["Vladimir Putin"]);
}

#[test]
fn most_connected_ranks_by_distinct_partners() {
    let answer = ask(&graph(), "top 3 most connected people").unwrap();
    let ranked: Vec<_> = answer
        .results
        .iter()
        .map(|r| (r.name.as_str(), r.partners))
        .collect();
    assert_eq!(
        ranked,
        [
            ("Valery Gerasimov", Some(3)),
            ("Vladimir Putin", Some(2)),
            ("Mark Milley", Some(2))
        ]
    );
    assert_eq!(
        answer.summary,
        "the 3 most connected of 8 people, by distinct partners in happened calls and meetings"
    );
}

#[test]
fn json_names_only_the_answer() {
    let mut out = Vec::new();
    write_json(&ask(&graph(), "who spoke to Gerasimov").unwrap(), &mut out).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    fn collect(value: &serde_json::Value, names: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    match value.as_str() {
                        Some(name) if key == "name" => names.push(name.to_string()),
                        _ => collect(value, names),
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, names)),
            _ => {}
        }
    }
    let mut names = Vec::new();
    collect(&value, &mut names);
    assert_eq!(names, ["Vladimir Putin", "Joseph Dunford", "Mark Milley"]);
    assert_eq!(value["question"], "who spoke to Gerasimov");
    let event = &value["results"][1]["events"][0];
    let keys: Vec<_> = event
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "article",
            "date",
            "evidence",
            "id",
            "kind",
            "participants",
            "status"
        ]
    );
    assert_eq!(
        event["participants"],
        serde_json::json!(["person:joseph-dunford", "person:valery-gerasimov"])
    );
}

#[test]
fn dot_draws_the_answer_subgraph() {
    let graph = graph();
    let mut out = Vec::new();
    write_dot(
        &graph,
        &ask(&graph, "did Scaparrotti meet \"Gerasimov\"").unwrap(),
        &mut out,
    )
    .unwrap();
    expect![[r#"
        graph answer {
          label="did Scaparrotti meet \"Gerasimov\"";
          node [shape=box];
          "person:curtis-scaparrotti" [label="Curtis Scaparrotti", style=bold];
          "person:valery-gerasimov" [label="Valery Gerasimov", style=bold];
          "person:curtis-scaparrotti" -- "person:valery-gerasimov" [label="meeting undated", style=dashed];
        }
    "#]]
    .assert_eq(&String::from_utf8(out).unwrap());
    assert_eq!(escape(r#"a "b" \ c"#), r#"a \"b\" \\ c"#);
}

#[test]
fn text_is_a_table() {
    check_text(
        "who spoke to Gerasimov",
        expect![[r#"
            3 entities had happened calls and meetings with Valery Gerasimov
            NAME            KIND    CONTACTS  DATES                                     ARTICLES
            Vladimir Putin  person  2         2021-11 (November), 2022-03-15 (Tuesday)  news/2022-03-20/e.txt
            Joseph Dunford  person  1         Wednesday                                 a.txt
            Mark Milley     person  1         Friday                                    b.txt
            note: 1 planned event not counted; ask "all contacts of Valery Gerasimov" to see them
        "#]],
    );
    check_text(
        "did Milley meet Gerasimov",
        expect![[r#"
            yes: 1 happened meeting between Mark Milley and Valery Gerasimov
            DATE    KIND     STATUS    WITH                           ARTICLE
            Friday  meeting  happened  Mark Milley, Valery Gerasimov  b.txt
                "U.S. Gen. Mark Milley met Gen. Valery Gerasimov in Helsinki on Friday."
        "#]],
    );
    check_text(
        "path from Milley to Putin",
        expect![[r#"
            Mark Milley to Vladimir Putin in 2 steps of happened calls and meetings
            Mark Milley (person)
              Friday meeting of Mark Milley and Valery Gerasimov, happened (b.txt)
            Valery Gerasimov (person)
              2021-11 (November) call of Valery Gerasimov and Vladimir Putin, happened (news/2022-03-20/e.txt, and 1 more)
            Vladimir Putin (person)
        "#]],
    );
}

#[test]
fn written_dates_and_bounds_parse() {
    assert_eq!(
        parse_written("Nov. 27"),
        Written {
            year: None,
            month: Some(11),
            day: Some(27)
        }
    );
    assert_eq!(
        parse_written("October 2023"),
        Written {
            year: Some(2023),
            month: Some(10),
            day: None
        }
    );
    assert_eq!(
        parse_written("27 March"),
        Written {
            year: None,
            month: Some(3),
            day: Some(27)
        }
    );
    assert_eq!(parse_written("Wednesday"), Written::default());
    assert_eq!(
        article_date("news/2022-03-20/e.txt"),
        Some(Written {
            year: Some(2022),
            month: Some(3),
            day: Some(20)
        })
    );
    assert_eq!(article_date("seeds/000_76767b8e407a9ef1.txt"), None);
    assert_eq!(
        parse_bound("March 1, 2022"),
        Some(Period::span(2022, Some(3), Some(1)))
    );
    assert_eq!(
        parse_bound("1 March 2022"),
        Some(Period::span(2022, Some(3), Some(1)))
    );
    assert_eq!(parse_bound("2022-13"), None);
    assert_eq!(parse_bound("Helsinki"), None);
    assert_eq!(parse_bound("March"), None);
}

#[test]
fn a_name_that_fits_many_lists_ten_and_counts_the_others() {
    let candidates: Vec<String> = (1..=37)
        .map(|i| format!("Ann Lee {i:02} (person:ann-lee-{i:02})"))
        .collect();
    let error = QueryError::Ambiguous {
        name: "Lee".to_string(),
        candidates,
    };
    let message = error.to_string();
    assert!(
        message.starts_with("\"Lee\" could be Ann Lee 01 (person:ann-lee-01), "),
        "{message}"
    );
    assert!(
        message.ends_with("Ann Lee 10 (person:ann-lee-10) or 27 others; be more precise"),
        "{message}"
    );
}

/// A graph of many equally short paths and many equal ranks: layers of people, each met by
/// some of the layer before (written in an order unlike their ids').
fn lattice() -> NewsGraph {
    let given = [
        "Anna", "Jan", "Olga", "Piotr", "Marta", "Tomas", "Ewa", "Karel",
    ];
    let family = ["Weber", "Kowalczyk", "Novak", "Horvat"];
    let person =
        |layer: usize, i: usize| format!("{} {}", given[(i * 3 + layer) % 8], family[layer]);
    let mut articles = Vec::new();
    for layer in 0..3 {
        for i in 0..4 {
            for j in 0..4 {
                if (i + 2 * j + layer) % 3 != 0 {
                    let text = format!(
                        "{} met {} in Prague on Monday.",
                        person(layer, i),
                        person(layer + 1, j)
                    );
                    articles.push((format!("l{layer}/{i}{j}.txt"), text));
                }
            }
        }
    }
    crate::build(
        &crate::Lexicon::builtin(),
        articles
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str())),
    )
}

#[test]
fn paths_and_rankings_from_a_store_are_those_of_the_whole_graph() {
    let graph = lattice();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("graph.db");
    crate::store::write(&graph, &path).unwrap();
    let people: Vec<String> = graph
        .entities()
        .filter(|e| e.kind == crate::graph::EntityKind::Person)
        .map(|e| e.id.to_string())
        .collect();
    assert!(people.len() >= 12, "{people:?}");
    let mut questions = vec![
        "most connected people".to_string(),
        "top 5 most connected people".to_string(),
    ];
    for a in &people {
        for b in &people {
            questions.push(format!("path from {a} to {b}"));
        }
    }
    for question in questions {
        let query = parse(&question).unwrap();
        let whole = answer(&graph, &query).unwrap();
        for shown in [None, Some(2)] {
            let (_, from_store) =
                answer_from_store(&path, &query, crate::store::Detail::default(), shown).unwrap();
            assert_eq!(from_store.unwrap(), whole, "{question}");
        }
    }
}

#[test]
fn the_sieve_of_terms_passes_every_term_a_slip_or_a_suggestion_accepts() {
    // Names as a question writes them, and terms of every length and many letters: the
    // given names of the lexicon, their slips, and words of the names themselves.
    let finder = names::Finder::new(crate::lookup::Decorations::default());
    let mut terms: Vec<String> = include_str!("../lexicon/data/given_names.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .take(3000)
        .map(crate::lookup::normalize)
        .collect();
    for name in [
        "Kamilla Ghannouchi",
        "Nobody Atall",
        "Ann",
        "Xq",
        "Zelensky",
        "Shoigu",
    ] {
        let folded = crate::lookup::normalize(name);
        for word in folded.split(' ') {
            terms.push(word.to_string());
            terms.push(word[1..].to_string());
            terms.push(format!("{word}x"));
            terms.push(word.chars().rev().collect());
        }
        terms.push(folded);
    }
    let (mut close, mut near) = (0, 0);
    for name in [
        "Kamilla Ghannouch",
        "Nobody Atall",
        "Ann",
        "Xq",
        "Zelenksy",
        "Shoygu",
        "- -",
    ] {
        let wanted = finder.wanted(name);
        let (close_sieve, near_sieve) = (finder.close_sieve(&wanted), finder.near_sieve(&wanted));
        for term in &terms {
            let (length, letters) = (term.chars().count(), crate::lookup::letters(term));
            let in_lengths = |sieve: &names::Sieve| {
                sieve
                    .lengths()
                    .iter()
                    .any(|&(from, to)| (from..=to).contains(&length))
            };
            if finder.close_term(&wanted, term) {
                close += 1;
                assert!(
                    close_sieve.passes(length, letters) && in_lengths(&close_sieve),
                    "{name}: {term}"
                );
            }
            if finder.near_term(&wanted, term) {
                near += 1;
                let prefix = finder
                    .near_prefix(&wanted)
                    .is_some_and(|p| term.starts_with(p));
                assert!(
                    prefix || (near_sieve.passes(length, letters) && in_lengths(&near_sieve)),
                    "{name}: {term}"
                );
            }
        }
    }
    assert!(
        close > 10 && near > 10,
        "too few terms accepted: {close} {near}"
    );
}
