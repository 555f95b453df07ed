//! `graph.db`: the same articles give the same store content, whatever the number of threads;
//! the store reads back into the graph it was written from; a user reads it with plain SQL.

use std::path::Path;

use crate::cli::newsgraph;
use crate::common::{json_bytes, project_dir, store_dump};

/// Builds the seeds into `dir/out` with `jobs` threads.
fn build_seeds(dir: &Path, out: &str, jobs: &str) {
    let seeds = project_dir().join("seeds");
    let seeds = seeds.to_str().unwrap();
    newsgraph(
        dir,
        &[
            "build",
            seeds,
            "--out",
            out,
            "--no-render",
            "-q",
            "-j",
            jobs,
        ],
    )
    .assert_code(0);
}

#[test]
fn the_same_articles_give_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path(), "a", "1");
    build_seeds(dir.path(), "b", "4");
    let a = store_dump(&dir.path().join("a/graph.db"));
    let b = store_dump(&dir.path().join("b/graph.db"));
    assert!(a.contains("articles: "), "no article rows:\n{a}");
    assert!(
        a == b,
        "graph.db differs between two builds of the same articles"
    );
}

#[test]
fn the_store_reads_back_into_the_graph_it_was_written_from() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path(), "g", "0");
    let graph = newsgraph::store::read(&dir.path().join("g/graph.db"), true).unwrap();
    let json = std::fs::read(dir.path().join("g/graph.json")).unwrap();
    let from_store = json_bytes(&graph);
    let json_graph = newsgraph::export::read_json(std::str::from_utf8(&json).unwrap()).unwrap();
    assert!(
        json_bytes(&json_graph) == from_store,
        "the graph read from graph.db differs from graph.json"
    );
}

#[test]
fn plain_sql_answers_who_spoke_to_whom() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path(), "g", "0");
    let db = rusqlite::Connection::open(dir.path().join("g/graph.db")).unwrap();
    // The README's first example.
    let names: Vec<String> = first_column(
        &db,
        "SELECT DISTINCT other.name
             FROM entity_search s
             JOIN event_participants me ON me.entity = s.entity
             JOIN events e ON e.id = me.event AND e.status = 'happened'
             JOIN event_participants them ON them.event = e.id AND them.entity != me.entity
             JOIN entities other ON other.id = them.entity
             WHERE entity_search MATCH 'gerasimov'
             ORDER BY other.name",
    );
    assert!(names.iter().any(|n| n == "Mark Milley"), "{names:?}");
    // The README's ranking: the people `query` ranks most connected, in its order.
    let ranked: Vec<String> = first_column(
        &db,
        "SELECT e.name, s.partners, s.contacts
             FROM entity_stats s JOIN entities e ON e.id = s.entity
             WHERE s.kind = 'person' AND s.rank <= 10
             ORDER BY s.rank",
    );
    let asked = newsgraph(
        dir.path(),
        &[
            "query",
            "--graph",
            "g/graph.db",
            "--json",
            "most connected people",
        ],
    );
    asked.assert_code(0);
    let answer: serde_json::Value = serde_json::from_str(&asked.stdout).unwrap();
    let names: Vec<String> = answer["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["name"].as_str().unwrap().to_string())
        .collect();
    assert!(ranked.len() > 2, "{ranked:?}");
    assert_eq!(ranked, names);
}

#[test]
fn a_graph_json_with_records_from_an_older_newsgraph_still_merges_and_updates() {
    use newsgraph::export::json::{record, to_file, write_file};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    build_seeds(d, "fresh", "0");
    // What an older newsgraph wrote: graph.json with the article records, no graph.db.
    let articles = crate::common::seed_articles();
    let seeds = project_dir().join("seeds");
    let renamed: Vec<(String, String)> = articles
        .iter()
        .map(|(path, text)| {
            let name = path.trim_start_matches("seeds/");
            (seeds.join(name).display().to_string(), text.clone())
        })
        .collect();
    let graph = crate::common::build(&renamed);
    let mut file = to_file(&graph);
    file.articles = graph.articles().unwrap().iter().map(record).collect();
    std::fs::create_dir_all(d.join("old")).unwrap();
    let mut bytes = Vec::new();
    write_file(&file, &mut bytes).unwrap();
    std::fs::write(d.join("old/graph.json"), &bytes).unwrap();
    newsgraph(
        d,
        &[
            "merge",
            "old/graph.json",
            "--out",
            "merged",
            "--no-render",
            "-q",
        ],
    )
    .assert_code(0);
    let fresh = std::fs::read(d.join("fresh/graph.json")).unwrap();
    let merged = std::fs::read(d.join("merged/graph.json")).unwrap();
    assert!(
        fresh == merged,
        "merging an older graph.json differs from a build"
    );
    assert!(
        store_dump(&d.join("fresh/graph.db")) == store_dump(&d.join("merged/graph.db")),
        "the merged store differs from a build's"
    );
    // Without its records and without a store beside it, the error says how to rebuild.
    std::fs::create_dir_all(d.join("bare")).unwrap();
    std::fs::copy(d.join("fresh/graph.json"), d.join("bare/graph.json")).unwrap();
    newsgraph(d, &["merge", "bare/graph.json", "--out", "m2", "-q"])
        .assert_code(2)
        .assert_stderr_has("newsgraph build");
}

/// Articles that each report one meeting of two people of their own.
fn numbered_articles(dir: &Path, folder: &str, n: usize) {
    let d = dir.join(folder);
    std::fs::create_dir_all(&d).unwrap();
    for i in 0..n {
        let text = format!(
            "Gen. Arvid {folder}{i} met with Gen. Boris {folder}{i}son in Helsinki on Monday.\n"
        );
        std::fs::write(d.join(format!("{i:02}.txt")), text).unwrap();
    }
}

fn article_rows(store: &Path) -> i64 {
    let db = rusqlite::Connection::open(store).unwrap();
    db.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn two_concurrent_updates_keep_every_article() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    numbered_articles(d, "base", 1);
    numbered_articles(d, "one", 15);
    numbered_articles(d, "two", 15);
    newsgraph(d, &["build", "base", "--out", "g", "--no-render", "-q"]).assert_code(0);
    let run = |folder: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args([
                "build",
                folder,
                "--out",
                "g",
                "--update",
                "--no-render",
                "-q",
            ])
            .current_dir(d)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (one, two) = (run("one"), run("two"));
    for child in [one, two] {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{output:?}");
    }
    assert_eq!(article_rows(&d.join("g/graph.db")), 31);
}

#[cfg(unix)]
#[test]
fn a_second_writer_waits_or_with_no_wait_fails_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    numbered_articles(d, "a", 2);
    newsgraph(d, &["build", "a", "--out", "g", "--no-render", "-q"]).assert_code(0);
    // Another writer holds the folder's lock (as newsgraph takes it, on the folder itself).
    let held = std::fs::File::open(d.join("g")).unwrap();
    held.lock().unwrap();
    newsgraph(
        d,
        &["build", "a", "--out", "g", "--no-render", "-q", "--no-wait"],
    )
    .assert_code(2)
    .assert_stderr_has("being written by another newsgraph");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(["build", "a", "--out", "g", "--no-render", "-q"])
        .current_dir(d)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    held.unlock().unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("waiting for another newsgraph"), "{stderr}");
}

#[test]
fn answers_from_the_store_equal_answers_from_graph_json() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path(), "g", "0");
    for question in [
        "who spoke to Gerasimov",
        "did Milley speak to Gerasimov",
        "contacts between Russia and the United States",
        "which Russians spoke to Americans",
        "timeline of Gerasimov",
        "path from Dunford to Milley",
        "most connected people",
        "who spoke to Nobody Atall",
        // Names found forgivingly through the store's name terms give what the whole graph
        // gives: case, diacritics, titles, surnames, ids, spelling slips, countries by
        // demonym, ambiguity and suggestions.
        "who spoke to gen. GERASIMOV",
        "who spoke to person:valery-gerasimov",
        "who spoke to Gerasimof",
        "who spoke to Shoygu",
        "who spoke to Niinisto",
        "who spoke to the U.S.",
        "who spoke to Americans",
        "who spoke to Russian Gen. Valery Gerasimov",
        "who spoke to Kim",
        "who spoke to Gerasim",
        "who spoke to Xq",
        "planned meetings of Gerasimov",
        "all contacts between Milley and Russia in 2019",
        "which Americans met Russians",
        "who spoke to - -",
        // Counted in SQL, searched step by step: rankings of each kind, paths near and far
        // (the store's search picks the path the whole graph's does), a country's tables.
        "most connected institutions",
        "most connected countries",
        "top 3 most connected people",
        "most connected people in 2019",
        "path from Dunford to Khomchak",
        "path between Khomchak and Dunford",
        "path from Milley to Shoigu",
        "path from Dunford to Dunford",
        "path from Russia to Milley",
        "path from Dunford to Khomchak in 2019",
        "who spoke to Russia",
        "timeline of Russia",
        "all contacts of the United States",
        "who met Russia in 2019",
    ] {
        // The whole answer (JSON, every row) and a table of a few rows, whose other rows the
        // store counts without reading them.
        for mode in [&["--json"][..], &[], &["--all"], &["--limit", "1"]] {
            let ask = |graph: &str| {
                let mut args = vec!["query", "--graph", graph];
                args.extend(mode);
                args.push(question);
                let run = newsgraph(dir.path(), &args);
                (run.code, run.stdout.clone(), run.stderr.clone())
            };
            assert_eq!(
                ask("g/graph.db"),
                ask("g/graph.json"),
                "{question} {mode:?}"
            );
        }
    }
}

#[test]
fn export_and_explain_read_the_store() {
    let dir = tempfile::tempdir().unwrap();
    build_seeds(dir.path(), "g", "0");
    let exported = newsgraph(
        dir.path(),
        &["export", "--graph", "g/graph.db", "--format", "json"],
    );
    exported.assert_code(0);
    let json = std::fs::read_to_string(dir.path().join("g/graph.json")).unwrap();
    assert!(
        exported.stdout == json,
        "export from graph.db differs from graph.json"
    );
    let from_store = newsgraph(
        dir.path(),
        &["explain", "--graph", "g/graph.db", "Gerasimov"],
    );
    let from_json = newsgraph(
        dir.path(),
        &["explain", "--graph", "g/graph.json", "Gerasimov"],
    );
    from_store.assert_code(0);
    assert_eq!(from_store.stdout, from_json.stdout);
    assert!(from_store.stdout.contains("seeds"), "{}", from_store.stdout);
    // explain reads only what it needs from a store, and says what the whole graph says
    // (graph.json's explanation is read from the whole store beside it).
    for name in [
        "Milley", "Shoigu", "Russia", "Pentagon", "Khomchak", "Brown", "Nobody",
    ] {
        for json in [&["--json"][..], &[]] {
            let ask = |graph: &str| {
                let mut args = vec!["explain", "--graph", graph];
                args.extend(json);
                args.push(name);
                let run = newsgraph(dir.path(), &args);
                (run.code, run.stdout.clone(), run.stderr.clone())
            };
            assert_eq!(ask("g/graph.db"), ask("g/graph.json"), "{name}");
        }
    }
}

/// The gold articles beside the project in two shard folders of `dir` (alternately), and
/// every one of them in `all`.
fn gold_shards(dir: &Path) {
    let mut n = 0;
    for gold in ["tests/corpus/seeds", "tests/corpus/dev"] {
        let mut paths: Vec<_> = std::fs::read_dir(project_dir().join(gold))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let name = path.file_name().unwrap();
            for folder in [format!("shard{}", 1 + n % 2), "all".to_string()] {
                std::fs::create_dir_all(dir.join(&folder)).unwrap();
                std::fs::copy(&path, dir.join(&folder).join(name)).unwrap();
            }
            n += 1;
        }
    }
}

/// What a build counted once (`entity_stats`), resolved (`article_entities`) and keyed
/// (`person_keys`), checked against counting from the events with plain SQL, resolving every
/// article's names again and keying every person's name again.
#[track_caller]
fn assert_kept_tables_are_right(store: &Path) {
    let db = rusqlite::Connection::open(store).unwrap();
    // Counts from the events: distinct partners and events among calls and meetings that
    // happened; ranks by partners, contacts, name and id within each kind.
    let mut counted: Vec<(String, String, String, i64, i64)> = rows(
        &db,
        "WITH admitted AS (SELECT id FROM events
                               WHERE kind IN ('call', 'meeting') AND status = 'happened'),
             contacts AS (SELECT p.entity, count(*) AS n FROM event_participants p
                          JOIN admitted a ON a.id = p.event GROUP BY p.entity),
             partners AS (SELECT p.entity, count(DISTINCT q.entity) AS n
                          FROM event_participants p JOIN admitted a ON a.id = p.event
                          JOIN event_participants q ON q.event = p.event AND q.entity != p.entity
                          GROUP BY p.entity)
             SELECT e.id, e.kind, e.name, coalesce(partners.n, 0), coalesce(contacts.n, 0)
             FROM entities e LEFT JOIN contacts ON contacts.entity = e.id
             LEFT JOIN partners ON partners.entity = e.id",
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    );
    counted.sort_by(|a, b| {
        (a.1.as_str(), b.3, b.4, a.2.as_str(), a.0.as_str()).cmp(&(
            b.1.as_str(),
            a.3,
            a.4,
            b.2.as_str(),
            b.0.as_str(),
        ))
    });
    let mut expected: Vec<(String, String, i64, i64, Option<i64>)> = Vec::new();
    let mut rank = 0;
    for (i, (id, kind, _, partners, contacts)) in counted.iter().enumerate() {
        rank = if i > 0 && counted[i - 1].1 == *kind {
            rank
        } else {
            0
        };
        let place = (*contacts > 0).then(|| {
            rank += 1;
            rank
        });
        expected.push((id.clone(), kind.clone(), *partners, *contacts, place));
    }
    expected.sort();
    let kept: Vec<(String, String, i64, i64, Option<i64>)> = rows(
        &db,
        "SELECT entity, kind, partners, contacts, rank FROM entity_stats ORDER BY entity",
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    );
    assert!(
        kept.iter().any(|k| k.2 >= 2 && k.4 == Some(1)),
        "no ranked entity with several partners: {kept:?}"
    );
    assert_eq!(
        kept, expected,
        "entity_stats differs from counting the events"
    );

    // The node of each entity of each article, as resolving every article again gives it.
    let graph = newsgraph::store::read(store, true).unwrap();
    let articles = graph.articles().unwrap();
    let resolved = graph.local_ids().unwrap();
    let mut expected: Vec<(String, i64, String)> = Vec::new();
    for (article, ids) in articles.iter().zip(&resolved) {
        assert_eq!(article.entities.len(), ids.len());
        for (seq, id) in ids.iter().enumerate() {
            expected.push((article.article.clone(), seq as i64, id.clone()));
        }
    }
    let kept: Vec<(String, i64, String)> = rows(
        &db,
        "SELECT article, seq, entity FROM article_entities ORDER BY article, seq",
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    );
    assert!(expected.len() > 100, "{expected:?}");
    assert_eq!(
        kept, expected,
        "article_entities differs from resolving again"
    );

    // Every person's name keys, and no one else's.
    let expected: Vec<(String, String, Option<String>)> = graph
        .entities()
        .filter(|e| e.kind == newsgraph::EntityKind::Person)
        .map(|e| {
            let keys = newsgraph::resolve::NameKeys::of(&e.name, &e.titles);
            (e.id.to_string(), keys.key, keys.regnal)
        })
        .collect();
    let kept: Vec<(String, String, Option<String>)> = rows(
        &db,
        "SELECT entity, key, regnal FROM person_keys ORDER BY entity",
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    );
    assert_eq!(
        kept, expected,
        "person_keys differs from keying every name again"
    );
}

#[test]
fn what_a_build_counts_once_stays_right_after_update_and_merge() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    gold_shards(d);
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["-q", "--no-render"]);
        newsgraph(d, &all).assert_code(0);
    };
    run(&["build", "all", "--out", "one"]);
    run(&["build", "shard1", "--out", "grown"]);
    run(&["build", "shard2", "--out", "grown", "--update"]);
    run(&["build", "shard2", "--out", "two"]);
    run(&["merge", "grown/graph.db", "two/graph.db", "--out", "merged"]);
    for out in ["one", "grown", "merged", "two"] {
        assert_kept_tables_are_right(&d.join(out).join("graph.db"));
    }
}

#[test]
fn a_store_of_an_older_version_is_refused_by_questions_and_rebuilt_by_merge_or_update() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    build_seeds(d, "fresh", "0");
    // What newsgraph wrote before schema_version 3: no counts, article nodes or name keys.
    for old in ["old", "older"] {
        std::fs::create_dir_all(d.join(old)).unwrap();
        std::fs::copy(d.join("fresh/graph.db"), d.join(old).join("graph.db")).unwrap();
        let db = rusqlite::Connection::open(d.join(old).join("graph.db")).unwrap();
        db.execute_batch(
            "UPDATE meta SET value = '2' WHERE key = 'schema_version';
             DROP TABLE entity_stats; DROP TABLE article_entities; DROP TABLE person_keys;",
        )
        .unwrap();
    }
    for command in [
        &["query", "who spoke to Gerasimov"][..],
        &["explain", "Gerasimov"],
    ] {
        newsgraph(d, &[command[0], "--graph", "old/graph.db", command[1]])
            .assert_code(2)
            .assert_stderr_has("schema_version 2 is not supported")
            .assert_stderr_has("newsgraph merge");
    }
    // Rebuilt in place from the articles it keeps, it is what a build writes.
    newsgraph(
        d,
        &["merge", "old/graph.db", "--out", "old", "--no-render", "-q"],
    )
    .assert_code(0);
    let seeds = project_dir().join("seeds");
    newsgraph(
        d,
        &[
            "build",
            seeds.to_str().unwrap(),
            "--out",
            "older",
            "--update",
            "--no-render",
            "-q",
        ],
    )
    .assert_code(0);
    let fresh = store_dump(&d.join("fresh/graph.db"));
    for rebuilt in ["old", "older"] {
        assert!(
            store_dump(&d.join(rebuilt).join("graph.db")) == fresh,
            "{rebuilt}: a rebuilt older store differs from a build"
        );
    }
}

/// The first column of every row `sql` gives, as texts.
fn first_column(db: &rusqlite::Connection, sql: &str) -> Vec<String> {
    rows(db, sql, |r| r.get(0))
}

/// Every row of a query, each read by `row`.
fn rows<T>(
    db: &rusqlite::Connection,
    sql: &str,
    row: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Vec<T> {
    db.prepare(sql)
        .unwrap()
        .query_map([], row)
        .unwrap()
        .map(Result::unwrap)
        .collect()
}
