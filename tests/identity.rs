//! One node per real person across articles: every gold article under `tests/corpus/` (seeds,
//! dev, dev2) built into one graph, checked like `../shared/tools/merge_check.py`
//! checks it. Every person the gold files name in two or more articles must be exactly one
//! person node, and no node may stand for two gold people.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;

use newsgraph::{EntityKind, Lexicon};
use regex::Regex;
use serde::Deserialize;

/// The gold folders, relative to the project root.
const GOLD_DIRS: &[&str] = &[
    "tests/corpus/seeds",
    "tests/corpus/dev",
    "tests/corpus/dev2",
];

/// Gold names that are one person spelled two ways in two articles (what `merge_check.py`
/// takes as `--same`). This is the test's knowledge of its gold data, not the product's.
const SAME: &[(&str, &str)] = &[
    ("Sergey Shoigu", "Sergei Shoigu"),
    ("Sergei Lavrov", "Sergey Lavrov"),
    ("Mike Pompeo", "Michael Pompeo"),
    ("Pat Ryder", "Patrick Ryder"),
    ("Nicolás Maduro", "Nicolas Maduro"),
    ("Steven Witkoff", "Steve Witkoff"),
    ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
    ("İsmail Haniyeh", "Ismail Haniyeh"),
    ("João Lourenço", "Joao Manuel Goncalves Lourenco"),
    ("Steven Mnuchin", "Steve Mnuchin"),
    // The gold files spell him both ways; normalised, the two are one form anyway.
    ("Kim Jong-un", "Kim Jong Un"),
];

/// Gold people the extractor does not find as people at all, in any article: resolution
/// cannot make one node of nothing. None now ("Theresa May" was read as a month until a month
/// after a given name became a surname). The test fails once the extractor finds one listed.
const NOT_EXTRACTED: &[&str] = &[];

#[derive(Deserialize)]
struct Gold {
    article: String,
    entities: Vec<GoldEntity>,
}

#[derive(Deserialize)]
struct GoldEntity {
    name: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// `merge_check.py`'s normalisation: folded, without possessives, common titles or punctuation.
fn norm(text: &str) -> String {
    use unicode_normalization::char::canonical_combining_class;
    use unicode_normalization::UnicodeNormalization;
    let folded: String = text
        .nfkd()
        .filter(|c| canonical_combining_class(*c) == 0)
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'");
    let possessive = Regex::new(r"'s\b").unwrap();
    let titles =
        Regex::new(r"\b(mr|mrs|ms|dr|president|gen|general|secretary|chancellor|adm|col)\b\.?")
            .unwrap();
    let other = Regex::new(r"[^a-z0-9 ]+").unwrap();
    let s = possessive.replace_all(&folded, "");
    let s = titles.replace_all(&s, " ");
    let s = other.replace_all(&s, " ");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn gold_files() -> Vec<(PathBuf, Gold)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in GOLD_DIRS {
        let dir = root.join(dir);
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        for entry in entries {
            let path = entry.unwrap().path();
            if path.to_string_lossy().ends_with(".gold.json") {
                let text = fs::read_to_string(&path).unwrap();
                let gold: Gold = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                out.push((path.with_file_name(&gold.article), gold));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        out.len() >= 10,
        "expected the gold articles beside the project"
    );
    out
}

#[test]
fn every_person_named_in_several_articles_is_one_node_and_no_node_is_two_people() {
    let canon = |name: &str| -> String {
        SAME.iter()
            .find(|(a, _)| *a == name)
            .map_or(name, |(_, b)| *b)
            .to_string()
    };
    let golds = gold_files();
    // Gold person -> its full (two words or more) normalised forms, and its articles.
    let mut forms: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut articles: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, gold) in &golds {
        for entity in gold.entities.iter().filter(|e| e.kind == "person") {
            let person = canon(&entity.name);
            let full = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .map(|f| norm(f))
                .filter(|f| f.split(' ').count() >= 2);
            forms.entry(person.clone()).or_default().extend(full);
            articles
                .entry(person)
                .or_default()
                .insert(path.display().to_string());
        }
    }
    let texts: Vec<(String, String)> = golds
        .iter()
        .map(|(path, _)| {
            (
                path.display().to_string(),
                fs::read_to_string(path).unwrap(),
            )
        })
        .collect();
    let graph = newsgraph::build(
        &Lexicon::builtin(),
        texts.iter().map(|(p, t)| (p.as_str(), t.as_str())),
    );
    let nodes: Vec<(String, BTreeSet<String>)> = graph
        .entities()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| {
            let node_forms = std::iter::once(&e.name)
                .chain(&e.aliases)
                .map(|f| norm(f))
                .collect();
            (e.name.clone(), node_forms)
        })
        .collect();

    let mut problems = Vec::new();
    let several: Vec<&String> = articles
        .iter()
        .filter(|(_, a)| a.len() >= 2)
        .map(|(p, _)| p)
        .collect();
    assert!(
        several.len() >= 10,
        "the gold files name {} such people",
        several.len()
    );
    for person in &several {
        let hits: Vec<&String> = nodes
            .iter()
            .filter(|(_, f)| !f.is_disjoint(&forms[*person]))
            .map(|(name, _)| name)
            .collect();
        if NOT_EXTRACTED.contains(&person.as_str()) {
            if !hits.is_empty() {
                problems.push(format!(
                    "{person} is found now: take them off NOT_EXTRACTED ({hits:?})"
                ));
            }
            continue;
        }
        if hits.len() != 1 {
            problems.push(format!("{person} is {} nodes: {hits:?}", hits.len()));
        }
    }
    for (name, node_forms) in &nodes {
        let covered: Vec<&String> = forms
            .iter()
            .filter(|(_, f)| !f.is_disjoint(node_forms))
            .map(|(p, _)| p)
            .collect();
        if covered.len() > 1 {
            problems.push(format!("node {name} stands for {covered:?}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The graph of some articles, built by the library: each entity's id and its names.
fn nodes_of(articles: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    let named: Vec<(String, &str)> = articles
        .iter()
        .enumerate()
        .map(|(i, text)| (format!("{i}.txt"), *text))
        .collect();
    let graph = newsgraph::build(
        &Lexicon::builtin(),
        named.iter().map(|(p, t)| (p.as_str(), *t)),
    );
    graph
        .entities()
        .map(|e| (e.id.to_string(), e.aliases.iter().cloned().collect()))
        .collect()
}

#[test]
fn institution_variants_are_one_node() {
    let nodes = nodes_of(&[
        "The Russian Ministry of Defense said the talks went well. The Pentagon declined to comment. \
         The Joint Chiefs of Staff said nothing.",
        "The Russian Defense Ministry said it had called the U.S. Department of Defense. The Joint \
         Chiefs said nothing.",
        "Russia's defense ministry said the Defense Department had asked for the call. A spokesman \
         for the U.S. Joint Chiefs of Staff confirmed it. The Ministry of Defence of the Russian \
         Federation said so too. DoD officials agreed.",
    ]);
    let ministry = &nodes["institution:russian-defense-ministry"];
    for name in [
        "Russian Ministry of Defense",
        "Russian Defense Ministry",
        "Russia's defense ministry",
        "Ministry of Defence of the Russian Federation",
    ] {
        assert!(ministry.contains(name), "{name} in {ministry:?}");
    }
    let pentagon = &nodes["institution:pentagon"];
    for name in [
        "Pentagon",
        "U.S. Department of Defense",
        "Defense Department",
        "DoD",
    ] {
        assert!(pentagon.contains(name), "{name} in {pentagon:?}");
    }
    let chiefs = &nodes["institution:joint-chiefs-of-staff"];
    for name in [
        "Joint Chiefs of Staff",
        "Joint Chiefs",
        "U.S. Joint Chiefs of Staff",
    ] {
        assert!(chiefs.contains(name), "{name} in {chiefs:?}");
    }
    let institutions = nodes
        .keys()
        .filter(|k| k.starts_with("institution:"))
        .count();
    assert_eq!(institutions, 3, "{:?}", nodes.keys());
}

/// "Senate" alone is the US Senate, as US news writes it; after another country's demonym
/// or possessive it is that country's own house.
#[test]
fn another_countrys_senate_is_not_the_us_senate() {
    let nodes = nodes_of(&[
        "The Senate voted on Monday. The Philippine Senate voted on Tuesday.",
        "Mexico's Congress passed the law. The U.S. Congress did not. Kenya’s Senate met.",
    ]);
    let mut institutions: Vec<&str> = nodes
        .keys()
        .filter_map(|k| k.strip_prefix("institution:"))
        .collect();
    institutions.sort();
    assert_eq!(
        institutions,
        [
            "filipino-senate",
            "kenyan-senate",
            "mexican-congress",
            "us-congress",
            "us-senate"
        ]
    );
    assert!(nodes["institution:filipino-senate"].contains("Philippine Senate"));
}

#[test]
fn titles_and_honorifics_do_not_make_another_person() {
    let nodes = nodes_of(&[
        "Gen. Mark Milley met Gen. Valery Gerasimov in Helsinki on Thursday.",
        "General Mark A. Milley, the chairman of the Joint Chiefs of Staff, spoke by phone with \
         Army General Valery Gerasimov on Friday. Mr. Milley said little.",
    ]);
    let people: Vec<&String> = nodes.keys().filter(|k| k.starts_with("person:")).collect();
    assert_eq!(people, ["person:mark-milley", "person:valery-gerasimov"]);
}

#[test]
fn suffixes_family_names_first_and_short_given_names_join_across_articles() {
    let nodes = nodes_of(&[
        "U.S. Defense Secretary Lloyd J. Austin III met Ukrainian Defense Minister Oleksii \
         Reznikov in Kyiv on Monday. Chinese President Xi Jinping spoke by phone with Ukrainian \
         President Volodymyr Zelenskyy on Tuesday.",
        "Oleksiy Reznikov and Lloyd Austin held talks in Kyiv on Monday. President Xi told \
         President Zelensky that China would send an envoy. Secretary of State Tony Blinken \
         welcomed the call.",
        "Secretary of State Antony J. Blinken met Chinese Foreign Minister Qin Gang in Beijing. \
         Blinken also met Wang Yi, China's top diplomat.",
    ]);
    let people: Vec<&String> = nodes.keys().filter(|k| k.starts_with("person:")).collect();
    assert_eq!(
        people,
        [
            "person:antony-blinken",
            "person:lloyd-austin",
            "person:oleksii-reznikov",
            "person:qin-gang",
            "person:volodymyr-zelenskyy",
            "person:wang-yi",
            "person:xi-jinping"
        ]
    );
}

#[test]
fn a_country_after_the_verb_is_not_the_subjects() {
    let graph = newsgraph::build(
        &Lexicon::builtin(),
        [(
            "a.txt",
            "Britain's top military officer, Adm. Harold Penwick, spoke with his Chinese \
             counterpart Gen. Wen Dao on Monday.",
        )],
    );
    let country = |id: &str| graph.entity(id).and_then(|e| e.country.clone());
    assert_eq!(
        country("person:harold-penwick").as_deref(),
        Some("country:united-kingdom")
    );
    assert_eq!(country("person:wen-dao").as_deref(), Some("country:china"));
}

/// The person nodes of some articles: id -> names.
fn people_of(articles: &[&str]) -> BTreeMap<String, BTreeSet<String>> {
    nodes_of(articles)
        .into_iter()
        .filter(|(id, _)| id.starts_with("person:"))
        .collect()
}

/// The one person node with this name among its names.
#[track_caller]
fn node_named<'a>(people: &'a BTreeMap<String, BTreeSet<String>>, name: &str) -> &'a str {
    let ids: Vec<&String> = people
        .iter()
        .filter(|(_, names)| names.contains(name))
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids.len(), 1, "{name} in {people:?}");
    ids[0]
}

/// `a` and `b` are names of one node.
fn assert_one_node(people: &BTreeMap<String, BTreeSet<String>>, a: &str, b: &str) {
    assert_eq!(node_named(people, a), node_named(people, b), "{a} and {b}");
}

/// `a` and `b` are names of two nodes.
fn assert_two_nodes(people: &BTreeMap<String, BTreeSet<String>>, a: &str, b: &str) {
    assert_ne!(node_named(people, a), node_named(people, b), "{a} and {b}");
}

#[test]
fn transliterations_and_misspellings_join_across_articles() {
    let people = people_of(&[
        "Iranian Foreign Minister Mohammad Rezaei met Ukrainian Defence Minister Oleksandr \
         Kovalenko in Geneva on Monday.",
        "Iran's Foreign Minister Mohammed Rezaei spoke by phone with Olexandr Kovalenko, the \
         Ukrainian defence minister, on Friday.",
        "German Chancellor Olaf Brandtner met Rezaei in Berlin on Tuesday.",
        "German Chancellor Olaf Brantner spoke by phone with Kovalenko on Thursday.",
    ]);
    let rezaei = node_named(&people, "Mohammad Rezaei");
    assert_eq!(node_named(&people, "Mohammed Rezaei"), rezaei);
    let kovalenko = node_named(&people, "Oleksandr Kovalenko");
    assert_eq!(node_named(&people, "Olexandr Kovalenko"), kovalenko);
    // One letter apart, both German chancellors: one person.
    assert_one_node(&people, "Olaf Brandtner", "Olaf Brantner");
}

#[test]
fn name_structures_of_many_cultures_join_across_articles() {
    let people = people_of(&[
        "Turkish President Recep Tayyip Ozdemir met Qatar's Emir Tamim bin Khalid Al Nuaimi in \
         Doha on Monday.",
        "President Tayyip Ozdemir spoke by phone with Tamim bin Khalid on Friday.",
        "Angolan President Joao Manuel Goncalves Pereira met Japanese Prime Minister Tanaka \
         Hiroshi in Tokyo on Tuesday.",
        "Angolan President Joao Pereira met Prime Minister Hiroshi Tanaka in Luanda on Monday.",
    ]);
    assert_one_node(&people, "Recep Tayyip Ozdemir", "Tayyip Ozdemir");
    assert_one_node(&people, "Tamim bin Khalid Al Nuaimi", "Tamim bin Khalid");
    assert_one_node(&people, "Joao Manuel Goncalves Pereira", "Joao Pereira");
    assert_one_node(&people, "Tanaka Hiroshi", "Hiroshi Tanaka");
}

#[test]
fn a_king_is_never_an_ordinary_person_of_the_same_name() {
    let people = people_of(&[
        "Britain's King Charles III met French President Emmanuel Macron in London on Monday.",
        "King Charles spoke by phone with Macron on Friday.",
        "Colombian Senator Andres Charles met Macron in Paris on Tuesday. Charles said the talks \
         went well.",
    ]);
    let king = node_named(&people, "Charles III");
    assert_eq!(node_named(&people, "King Charles"), king);
    let senator = node_named(&people, "Andres Charles");
    assert_ne!(king, senator);
    assert!(!people[king].contains("Andres Charles"), "{people:?}");
}

/// The person nodes of articles with their paths (a date in a path is its publication date).
fn people_of_named(articles: &[(&str, &str)]) -> BTreeMap<String, BTreeSet<String>> {
    let graph = newsgraph::build(&Lexicon::builtin(), articles.iter().copied());
    graph
        .entities()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| (e.id.to_string(), e.aliases.iter().cloned().collect()))
        .collect()
}

#[test]
fn a_misspelling_joins_when_both_spellings_met_one_person_the_same_week() {
    // No country, no title: only the counterpart and the week tell it is one person.
    let same_week = people_of_named(&[
        (
            "2024-03-11/a.txt",
            "Olaf Brandtner met Anna Wisniewska in Warsaw on Monday.",
        ),
        (
            "2024-03-13/b.txt",
            "Olaf Brantner spoke by phone with Anna Wisniewska on Wednesday.",
        ),
        (
            "2023-06-02/c.txt",
            "Ruth Okonkwo-Adeyemi met Tomas Lindqvist in Abuja on Friday.",
        ),
        (
            "2023-06-01/d.txt",
            "Ruth Okonkwo-Adeyami spoke by phone with Tomas Lindqvist on Thursday.",
        ),
    ]);
    assert_one_node(&same_week, "Olaf Brandtner", "Olaf Brantner");
    assert_one_node(&same_week, "Ruth Okonkwo-Adeyemi", "Ruth Okonkwo-Adeyami");
    // Weeks apart, or another counterpart: a near spelling alone never merges.
    let apart = people_of_named(&[
        (
            "2024-03-11/a.txt",
            "Olaf Brandtner met Anna Wisniewska in Warsaw on Monday.",
        ),
        (
            "2024-04-24/b.txt",
            "Olaf Brantner spoke by phone with Anna Wisniewska on Wednesday.",
        ),
        (
            "2023-06-02/c.txt",
            "Ruth Okonkwo-Adeyemi met Tomas Lindqvist in Abuja on Friday.",
        ),
        (
            "2023-06-01/d.txt",
            "Ruth Okonkwo-Adeyami spoke by phone with Piotr Zielinski on Thursday.",
        ),
    ]);
    assert_two_nodes(&apart, "Olaf Brandtner", "Olaf Brantner");
    assert_two_nodes(&apart, "Ruth Okonkwo-Adeyemi", "Ruth Okonkwo-Adeyami");
}

#[test]
fn a_surname_after_initials_is_never_a_given_name() {
    let people = people_of(&[
        "Secretary of State Varghese Tomlin met Japanese Foreign Minister Kenji Okada in Tokyo \
         on Monday.",
        "Indian Defence Minister P. R. Varghese met Kenji Okada in Delhi on Tuesday.",
        "Kenyan Finance Minister Mwangi Otieno met Okada on Friday.",
        "Defence Minister J. K. Otieno met Okada in Nairobi on Monday.",
    ]);
    let tomlin = node_named(&people, "Varghese Tomlin");
    assert!(
        !people[tomlin].iter().any(|n| n.ends_with("R. Varghese")),
        "{people:?}"
    );
    // Two initials, one given name: "J. K." is not "Mwangi".
    let mwangi = node_named(&people, "Mwangi Otieno");
    assert!(
        !people[mwangi].iter().any(|n| n.ends_with("K. Otieno")),
        "{people:?}"
    );
}

#[test]
fn a_lone_surname_from_another_country_is_not_the_one_full_name() {
    let people = people_of(&[
        "American General Charles Whitaker met Polish Defence Minister Jan Nowicki in Warsaw on \
         Monday.",
        "British Prime Minister Whitaker met French President Emmanuel Macron in London on \
         Friday.",
        "Kenyan President Ruth Wanjiru met Macron in Paris on Tuesday.",
        "President Wanjiru of Kenya spoke by phone with Nowicki on Thursday.",
    ]);
    let general = node_named(&people, "Charles Whitaker");
    assert!(
        !people[general].iter().any(|n| n.contains("Prime Minister")),
        "{people:?}"
    );
    assert_one_node(&people, "Ruth Wanjiru", "President Wanjiru");
}

#[test]
fn a_month_after_a_given_name_is_a_surname() {
    let people = people_of(&[
        "British Prime Minister Julia May met Irish Taoiseach Sean Walsh in London on Monday.",
        "Julia May spoke by phone with Sean Walsh on June 3. Walsh said talks would resume in \
         May.",
        "Sean Walsh met Lars Berg on Friday, May 12.",
    ]);
    let may = node_named(&people, "Julia May");
    assert!(
        people[may].contains("Prime Minister Julia May"),
        "{people:?}"
    );
    // A month after a name, with a day after it, or alone, is a date.
    assert!(
        people
            .values()
            .flatten()
            .all(|n| !n.ends_with("May 12") && n != "May" && n != "Friday"),
        "{people:?}"
    );
}
