//! Graphs that grow: `build --update` and `merge` give exactly the graph of one build over all
//! the articles; reports of one event by several articles become one event; alias files force
//! and forbid merges; `explain` says why.

use std::fs;
use std::path::Path;

use newsgraph::export::read_json;
use tempfile::TempDir;

use crate::cli::{folder, newsgraph, read};

/// The gold articles beside the project, split into two shards of a new folder.
fn two_shards() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for gold in ["tests/corpus/seeds", "tests/corpus/dev"] {
        let mut names: Vec<_> = fs::read_dir(root.join(gold))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        names.sort();
        for path in names {
            let shard = dir.path().join(format!("shard{}", 1 + n % 2));
            fs::create_dir_all(&shard).unwrap();
            fs::copy(&path, shard.join(path.file_name().unwrap())).unwrap();
            n += 1;
        }
    }
    dir
}

#[track_caller]
fn assert_same_graph(dir: &Path, a: &str, b: &str) {
    for file in ["graph.json", "graph.dot"] {
        let (x, y) = (read(&dir.join(a).join(file)), read(&dir.join(b).join(file)));
        assert!(x == y, "{a}/{file} and {b}/{file} differ");
    }
}

#[test]
fn merging_shards_and_updating_equal_one_build_over_all() {
    let dir = two_shards();
    let d = dir.path();
    let build = |args: &[&str]| {
        let mut all = vec!["build", "-q", "--no-render"];
        all.extend_from_slice(args);
        newsgraph(d, &all).assert_code(0);
    };
    build(&["shard1", "shard2", "--out", "all"]);
    build(&["shard1", "--out", "one"]);
    build(&["shard2", "--out", "two"]);
    newsgraph(
        d,
        &[
            "merge",
            "-q",
            "--no-render",
            "one/graph.json",
            "two/graph.json",
            "--out",
            "merged",
        ],
    )
    .assert_code(0);
    assert_same_graph(d, "all", "merged");
    // The other order, and a shard given twice, change nothing.
    newsgraph(
        d,
        &[
            "merge",
            "-q",
            "--no-render",
            "two/graph.json",
            "one/graph.json",
            "two/graph.json",
            "--out",
            "again",
        ],
    )
    .assert_code(0);
    assert_same_graph(d, "all", "again");

    build(&["shard1", "--out", "grown"]);
    build(&["shard2", "--out", "grown", "--update"]);
    assert_same_graph(d, "all", "grown");
    build(&["shard2", "--out", "grown", "--update"]);
    assert_same_graph(d, "all", "grown");
}

#[test]
fn update_replaces_an_edited_article_and_keeps_the_rest() {
    let dir = folder(&[
        (
            "a.txt",
            b"Defense Secretary Lloyd Austin spoke by phone with Russian Defense Minister Sergei Shoigu on Friday.\n",
        ),
        (
            "b.txt",
            b"Gen. Mark Milley met Gen. Valery Gerasimov in Helsinki on Thursday.\n",
        ),
    ]);
    let d = dir.path();
    newsgraph(
        d,
        &["build", "-q", "--no-render", "a.txt", "b.txt", "--out", "g"],
    )
    .assert_code(0);
    fs::write(
        d.join("b.txt"),
        "Gen. Mark Milley met Gen. Valery Gerasimov in Helsinki on Thursday. Milley later called Ukrainian Gen. Valerii Zaluzhnyi.\n",
    )
    .unwrap();
    newsgraph(
        d,
        &[
            "build",
            "-q",
            "--no-render",
            "b.txt",
            "--out",
            "g",
            "--update",
        ],
    )
    .assert_code(0);
    newsgraph(
        d,
        &[
            "build",
            "-q",
            "--no-render",
            "a.txt",
            "b.txt",
            "--out",
            "fresh",
        ],
    )
    .assert_code(0);
    assert_same_graph(d, "fresh", "g");
    let graph = read_json(&String::from_utf8(read(&d.join("g/graph.json"))).unwrap()).unwrap();
    assert_eq!(graph.events().len(), 3);
}

/// Two outlets report one call, a third reports another call a month later.
const OUTLET_A: &str = "Date: 2024-03-15\n\nU.S. Defense Secretary Lloyd Austin spoke by phone on Wednesday with Russian Defense Minister Sergei Shoigu, the Pentagon said.\n";
const OUTLET_B: &str = "Russian Defence Minister Sergey Shoigu and U.S. Defense Secretary Lloyd Austin held a phone call on March 13, the ministry said.\n";
const OUTLET_C: &str = "Published: April 20, 2024\n\nDefense Secretary Lloyd Austin spoke by phone with Russian Defense Minister Sergei Shoigu on Friday.\n";

#[test]
fn one_event_told_by_two_articles_is_one_event_with_two_sources() {
    let dir = folder(&[
        ("a.txt", OUTLET_A.as_bytes()),
        ("news/2024-03-14/b.txt", OUTLET_B.as_bytes()),
        ("c.txt", OUTLET_C.as_bytes()),
    ]);
    let d = dir.path();
    newsgraph(d, &["build", "-q", "--no-render", ".", "--out", "g"]).assert_code(0);
    let text = String::from_utf8(read(&d.join("g/graph.json"))).unwrap();
    let graph = read_json(&text).unwrap();
    let events: Vec<_> = graph
        .events()
        .iter()
        .map(|e| (e.date_iso.clone(), e.date.clone(), e.reports()))
        .collect();
    assert_eq!(
        events,
        [
            (Some("2024-03-13".into()), Some("Wednesday".into()), 2),
            (Some("2024-04-19".into()), Some("Friday".into()), 1),
        ]
    );
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let edge = &json["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["reports"] == 2)
        .expect("an edge with two reports");
    let sources: Vec<&str> = edge["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["article"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["./a.txt", "./news/2024-03-14/b.txt"]);
    // The publication dates are kept in the store.
    let db = rusqlite::Connection::open(d.join("g/graph.db")).unwrap();
    let published: Vec<(String, String)> = db
        .prepare("SELECT published, published_from FROM articles ORDER BY path")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let published: Vec<(&str, &str)> = published
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        published,
        [
            ("2024-03-15", "header"),
            ("2024-04-20", "header"),
            ("2024-03-14", "path")
        ]
    );
}

#[test]
fn without_publication_dates_undated_reports_stay_apart() {
    let text = "Defense Secretary Lloyd Austin spoke by phone with Russian Defense Minister Sergei Shoigu.\n";
    let dir = folder(&[
        ("a.txt", text.as_bytes()),
        (
            "b.txt",
            text.replace("Defense Secretary", "Pentagon chief")
                .as_bytes(),
        ),
    ]);
    let d = dir.path();
    newsgraph(d, &["build", "-q", "--no-render", ".", "--out", "g"]).assert_code(0);
    let graph = read_json(&String::from_utf8(read(&d.join("g/graph.json"))).unwrap()).unwrap();
    assert_eq!(graph.events().len(), 2);
}

#[test]
fn a_sidecar_gives_the_publication_date_and_a_bad_one_is_reported() {
    let dir = folder(&[
        (
            "a.txt",
            b"Gen. Mark Milley met Gen. Valery Gerasimov in Helsinki on Thursday.\n",
        ),
        ("a.meta.json", br#"{"published": "2018-06-09T10:00:00Z"}"#),
        (
            "b.txt",
            b"Gen. Mark Milley called Gen. Valery Gerasimov on Monday.\n",
        ),
        ("b.meta.json", br#"{"published": "someday"}"#),
    ]);
    let d = dir.path();
    newsgraph(d, &["build", "-q", "--no-render", ".", "--out", "g"])
        .assert_code(1)
        .assert_stderr_has("b.meta.json")
        .assert_stderr_has("not a date");
    let graph = read_json(&String::from_utf8(read(&d.join("g/graph.json"))).unwrap()).unwrap();
    let dates: Vec<_> = graph.events().iter().map(|e| e.date_iso.clone()).collect();
    assert_eq!(dates, [Some("2018-06-07".to_string()), None]);
}

#[test]
fn alias_files_force_and_forbid_merges_and_stay_with_the_graph() {
    let dir = folder(&[
        (
            "a.txt",
            b"President Donald Trump met Russian President Vladimir Putin in Helsinki on Monday.\n",
        ),
        (
            "b.txt",
            b"Donald Trump Jr. met Kremlin spokesman Dmitry Peskov on Tuesday.\n",
        ),
        (
            "c.txt",
            b"Secretary of State Mike Pompeo met Foreign Minister Sergei Lavrov on Monday.\n",
        ),
        (
            "d.txt",
            b"The top U.S. diplomat, Michael R. Pompeo, spoke by phone with Foreign Minister Sergei Lavrov on Friday.\n",
        ),
        (
            "rules.txt",
            b"# people the rules cannot tell apart\nDonald Trump != Donald Trump Jr.\nVladimir Putin = Vladimir Vladimirovich Putin\n",
        ),
        ("bad.rules", b"Donald Trump\n"),
    ]);
    let d = dir.path();
    let ids = |out: &str| -> Vec<String> {
        let text = String::from_utf8(read(&d.join(out).join("graph.json"))).unwrap();
        let graph = read_json(&text).unwrap();
        graph
            .entities()
            .filter(|e| e.id.starts_with("person:"))
            .map(|e| e.id.to_string())
            .collect()
    };
    newsgraph(
        d,
        &[
            "build",
            "-q",
            "--no-render",
            "a.txt",
            "b.txt",
            "c.txt",
            "d.txt",
            "--out",
            "plain",
        ],
    )
    .assert_code(0);
    // The suffix rule joins father and son, and the short given name joins Mike and Michael.
    assert!(!ids("plain").contains(&"person:donald-trump-jr".to_string()));
    assert!(ids("plain").contains(&"person:michael-pompeo".to_string()));
    assert!(!ids("plain").contains(&"person:mike-pompeo".to_string()));

    newsgraph(
        d,
        &[
            "build",
            "-q",
            "--no-render",
            "a.txt",
            "b.txt",
            "--out",
            "ruled",
            "--aliases",
            "rules.txt",
        ],
    )
    .assert_code(0);
    assert!(ids("ruled").contains(&"person:donald-trump-jr".to_string()));
    assert!(ids("ruled").contains(&"person:donald-trump".to_string()));
    // The rules are kept in graph.json and apply again on update.
    newsgraph(
        d,
        &[
            "build",
            "-q",
            "--no-render",
            "c.txt",
            "--out",
            "ruled",
            "--update",
        ],
    )
    .assert_code(0);
    assert!(ids("ruled").contains(&"person:donald-trump-jr".to_string()));
    let out = newsgraph(
        d,
        &["explain", "--graph", "ruled/graph.json", "Donald Trump"],
    );
    out.assert_code(0);
    assert!(
        out.stdout.contains("alias file keeps them apart"),
        "{}",
        out.stdout
    );

    newsgraph(
        d,
        &[
            "build",
            "-q",
            "a.txt",
            "--out",
            "bad",
            "--aliases",
            "bad.rules",
        ],
    )
    .assert_code(2)
    .assert_stderr_has("bad.rules")
    .assert_stderr_has("line 1");
}

#[test]
fn explain_shows_names_rules_articles_and_fails_on_unknown_names() {
    let dir = folder(&[
        (
            "a.txt",
            b"Secretary of State Mike Pompeo met Foreign Minister Sergei Lavrov on Monday. Pompeo said the talks were useful.\n",
        ),
        (
            "b.txt",
            b"U.S. Secretary of State Michael Pompeo spoke by phone with Foreign Minister Sergey Lavrov on Friday.\n",
        ),
    ]);
    let d = dir.path();
    newsgraph(d, &["build", "-q", "--no-render", ".", "--out", "g"]).assert_code(0);
    let out = newsgraph(d, &["explain", "--graph", "g/graph.json", "Lavrov"]);
    out.assert_code(0);
    for needle in [
        "Sergei Lavrov (person:sergei-lavrov, person)",
        "Articles (2)",
        "\"Sergey Lavrov\": a transliteration variant of the same name",
        "in ./b.txt",
    ] {
        assert!(
            out.stdout.contains(needle),
            "{needle:?} in:\n{}",
            out.stdout
        );
    }
    let out = newsgraph(
        d,
        &[
            "explain",
            "--graph",
            "g/graph.json",
            "--json",
            "Mike Pompeo",
        ],
    );
    out.assert_code(0);
    let json: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(json["id"], "person:michael-pompeo");
    newsgraph(d, &["explain", "--graph", "g/graph.json", "Gerasimov"])
        .assert_code(1)
        .assert_stderr_has("Gerasimov");
    newsgraph(d, &["explain", "--graph", "nowhere.json", "Lavrov"])
        .assert_code(2)
        .assert_stderr_has("nowhere.json");
}

#[test]
fn records_spilled_to_a_file_give_the_same_graph_as_records_in_memory() {
    use newsgraph::graph::{Builder, Records};
    use newsgraph::{extract, Aliases, Article, Lexicon};
    let lexicon = Lexicon::builtin();
    let articles: Vec<_> = crate::common::seed_articles()
        .iter()
        .map(|(path, text)| extract(&lexicon, &Article::parse(path, text)))
        .collect();
    let in_memory = newsgraph::NewsGraph::build(articles.clone(), &Aliases::default());
    let mut builder = Builder::new(Aliases::default(), Records::default());
    for (i, article) in articles.into_iter().enumerate() {
        builder.add(article).unwrap();
        if i == 1 {
            builder.spill_to(tempfile::tempfile().unwrap()).unwrap();
        }
    }
    let spilled = builder.finish().unwrap();
    assert!(
        crate::common::json_bytes(&in_memory) == crate::common::json_bytes(&spilled),
        "graph.json differs when the records were spilled"
    );
}

/// The map-reduce recipe on a real engine: PySpark in local mode builds shards, `merge` joins
/// them, and the result is the bytes of one build (scripts/spark_demo.py --check).
#[test]
fn pyspark_shards_merged_equal_one_build() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let has_spark = std::process::Command::new("python3")
        .args(["-c", "import pyspark"])
        .output()
        .is_ok_and(|o| o.status.success());
    let missing = (!has_spark).then(|| "python3 cannot import pyspark".to_string());
    if !crate::export::consumer_ready("pyspark_shards_merged_equal_one_build", missing) {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let run = std::process::Command::new("python3")
        .arg(root.join("scripts/spark_demo.py"))
        .args([
            "tests/corpus/seeds",
            "tests/corpus/dev",
            "--shards",
            "3",
            "--check",
        ])
        .arg("--out")
        .arg(out.path())
        .arg("--newsgraph")
        .arg(env!("CARGO_BIN_EXE_newsgraph"))
        .current_dir(root)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("running python3");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success() && stdout.contains("equals one build over all articles: yes"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
