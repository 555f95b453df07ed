//! The `newsgraph` binary driven in a temporary folder: what it writes, what it reports on
//! stderr and its exit status (0 fine, 1 some input skipped, 2 nothing could be done).

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use newsgraph::export::read_json;
use tempfile::TempDir;

use crate::common::{run_output, Run};

const AUSTIN: &str = "Defense Secretary Lloyd Austin spoke by phone on Friday with Russian Defense Minister Sergei Shoigu.\n";
const MILLEY: &str = "Gen. Mark Milley met with Gen. Valery Gerasimov in Helsinki on Thursday.\n";

/// Runs `newsgraph ARGS` in `dir`, with no stdin.
pub fn newsgraph(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("running newsgraph");
    run_output(output)
}

/// Writes `files` (relative path, bytes) below a new temporary folder.
pub fn folder(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (path, bytes) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
    }
    dir
}

#[track_caller]
pub fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The articles named by the nodes of a written graph.json.
#[track_caller]
fn articles_in(graph_json: &Path) -> BTreeSet<String> {
    let text = String::from_utf8(read(graph_json)).expect("graph.json is UTF-8");
    let graph = read_json(&text).unwrap_or_else(|e| panic!("{}: {e}", graph_json.display()));
    graph
        .entities()
        .flat_map(|e| e.articles.iter().map(|a| a.to_string()))
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// The names in a folder, to spot leftover temporary files.
fn listing(dir: &Path) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn help_names_the_subcommands() {
    let dir = folder(&[]);
    let run = newsgraph(dir.path(), &["--help"]);
    run.assert_code(0);
    assert!(
        run.stdout.contains("build") && run.stdout.contains("query"),
        "--help should list build and query:\n{}",
        run.stdout
    );
}

#[test]
fn non_utf8_file_is_reported_and_the_rest_builds() {
    let dir = folder(&[
        ("in/a.txt", AUSTIN.as_bytes()),
        ("in/b.txt", MILLEY.as_bytes()),
        // Mostly UTF-8, one bad sequence (text without any UTF-8 would be read as Latin-1).
        ("in/bad.txt", b"Z\xc3\xbcrich: bad bytes \xc3\x28\n"),
    ]);
    let run = newsgraph(dir.path(), &["build", "in", "--out", "out"]);
    run.assert_code(1)
        .assert_stderr_has("in/bad.txt")
        .assert_stderr_has("UTF-8");
    assert!(
        dir.path().join("out/graph.dot").is_file(),
        "graph.dot not written"
    );
    assert_eq!(
        articles_in(&dir.path().join("out/graph.json")),
        set(&["in/a.txt", "in/b.txt"])
    );
}

#[test]
fn same_input_gives_identical_bytes() {
    let dir = folder(&[
        ("in/a.txt", AUSTIN.as_bytes()),
        ("in/b.txt", MILLEY.as_bytes()),
    ]);
    newsgraph(dir.path(), &["build", "in", "--out", "one"]).assert_code(0);
    newsgraph(dir.path(), &["build", "in", "--out", "two"]).assert_code(0);
    for name in ["graph.json", "graph.dot"] {
        let (one, two) = (
            read(&dir.path().join("one").join(name)),
            read(&dir.path().join("two").join(name)),
        );
        assert!(
            one == two,
            "{name} differs between two runs over the same input"
        );
    }
}

#[test]
fn one_thread_and_many_give_identical_bytes() {
    // Enough articles for the work to be split between threads, with a bad file among them.
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut inputs: Vec<String> = ["seeds", "dev"]
        .iter()
        .map(|d| corpus.join(d).display().to_string())
        .collect();
    let dir = folder(&[("bad.txt", b"")]);
    inputs.push("bad.txt".to_string());
    let build = |out: &str, jobs: &str| {
        let mut args: Vec<&str> = vec!["build", "--no-render", "--out", out, "--jobs", jobs];
        args.extend(inputs.iter().map(String::as_str));
        let run = newsgraph(dir.path(), &args);
        run.assert_code(1).assert_stderr_has("bad.txt");
        run.stderr.replace(out, "OUT")
    };
    let one = build("one", "1");
    let many = build("many", "4");
    assert_eq!(one, many, "stderr differs between -j 1 and -j 4");
    for name in ["graph.json", "graph.dot"] {
        let (one, many) = (
            read(&dir.path().join("one").join(name)),
            read(&dir.path().join("many").join(name)),
        );
        assert!(one == many, "{name} differs between -j 1 and -j 4");
    }
}

#[test]
fn argument_order_does_not_change_the_output() {
    let dir = folder(&[("a.txt", AUSTIN.as_bytes()), ("b.txt", MILLEY.as_bytes())]);
    newsgraph(dir.path(), &["build", "a.txt", "b.txt", "--out", "ab"]).assert_code(0);
    newsgraph(dir.path(), &["build", "b.txt", "a.txt", "--out", "ba"]).assert_code(0);
    for name in ["graph.json", "graph.dot"] {
        let (ab, ba) = (
            read(&dir.path().join("ab").join(name)),
            read(&dir.path().join("ba").join(name)),
        );
        assert!(
            ab == ba,
            "{name} depends on the order of the input arguments"
        );
    }
}

#[test]
fn missing_output_folder_is_created() {
    let dir = folder(&[("a.txt", AUSTIN.as_bytes())]);
    newsgraph(dir.path(), &["build", "a.txt", "--out", "x/y/z"]).assert_code(0);
    assert!(
        dir.path().join("x/y/z/graph.json").is_file(),
        "graph.json not written into a new folder"
    );
    assert!(
        dir.path().join("x/y/z/graph.dot").is_file(),
        "graph.dot not written into a new folder"
    );
}

#[test]
fn nonexistent_input_is_reported_and_the_rest_builds() {
    let dir = folder(&[("a.txt", AUSTIN.as_bytes())]);
    let run = newsgraph(
        dir.path(),
        &["build", "a.txt", "no/such-article.txt", "--out", "out"],
    );
    run.assert_code(1).assert_stderr_has("no/such-article.txt");
    assert_eq!(
        articles_in(&dir.path().join("out/graph.json")),
        set(&["a.txt"])
    );
}

#[test]
fn output_under_a_regular_file_exits_2() {
    let dir = folder(&[("a.txt", AUSTIN.as_bytes()), ("file", b"not a folder")]);
    let run = newsgraph(dir.path(), &["build", "a.txt", "--out", "file/out"]);
    run.assert_code(2).assert_stderr_has("file/out");
    assert_eq!(read(&dir.path().join("file")), b"not a folder");
}

/// A write that fails half-way (here: a file size limit, which holds for root too) leaves the
/// previous graph.json and graph.dot as they were, and no temporary file behind.
#[test]
fn failed_write_keeps_the_previous_graph() {
    let dir = folder(&[
        ("a.txt", AUSTIN.as_bytes()),
        ("big/m.txt", MILLEY.repeat(200).as_bytes()),
    ]);
    newsgraph(
        dir.path(),
        &["build", "a.txt", "--out", "out", "--no-render"],
    )
    .assert_code(0);
    let out = dir.path().join("out");
    let (json, dot) = (read(&out.join("graph.json")), read(&out.join("graph.dot")));

    // SIGXFSZ ignored, so a write past the limit fails with EFBIG instead of killing the process.
    let script = r#"trap '' XFSZ; ulimit -f 1; exec "$0" "$@""#;
    let output = Command::new("sh")
        .args([
            "-c",
            script,
            env!("CARGO_BIN_EXE_newsgraph"),
            "build",
            "a.txt",
            "big",
            "--out",
            "out",
            "--no-render",
        ])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("running newsgraph under sh");
    let run = run_output(output);
    // graph.db is written first, so it is the one the full disk stops.
    run.assert_code(2).assert_stderr_has("graph.db");
    assert!(
        read(&out.join("graph.json")) == json,
        "a failed run changed the previous graph.json"
    );
    assert!(
        read(&out.join("graph.dot")) == dot,
        "a failed run changed the previous graph.dot"
    );
    assert_eq!(
        listing(&out),
        set(&["graph.db", "graph.dot", "graph.json"]),
        "a failed run left files behind"
    );
}

/// When graph.dot cannot be replaced, graph.json is a whole file (old or new), never a part.
#[test]
fn unwritable_dot_exits_2_and_json_stays_whole() {
    let dir = folder(&[("a.txt", AUSTIN.as_bytes()), ("b.txt", MILLEY.as_bytes())]);
    newsgraph(
        dir.path(),
        &["build", "a.txt", "--out", "out", "--no-render"],
    )
    .assert_code(0);
    let out = dir.path().join("out");
    fs::remove_file(out.join("graph.dot")).unwrap();
    fs::create_dir_all(out.join("graph.dot/in-the-way")).unwrap();
    let run = newsgraph(
        dir.path(),
        &["build", "a.txt", "b.txt", "--out", "out", "--no-render"],
    );
    run.assert_code(2).assert_stderr_has("graph.dot");
    let articles = articles_in(&out.join("graph.json"));
    assert!(
        articles == set(&["a.txt"]) || articles == set(&["a.txt", "b.txt"]),
        "graph.json holds {articles:?}"
    );
    assert_eq!(
        listing(&out),
        set(&["graph.db", "graph.dot", "graph.json"]),
        "a failed run left files behind"
    );
}

#[test]
fn nested_folders_with_a_symlink_loop_build_each_article_once() {
    let dir = folder(&[
        ("tree/a.txt", AUSTIN.as_bytes()),
        ("tree/one/two/three/m.txt", MILLEY.as_bytes()),
        ("tree/one/notes.md", b"ignored"),
    ]);
    std::os::unix::fs::symlink("../..", dir.path().join("tree/one/two/loop")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("tree/self")).unwrap();
    // `timeout` (coreutils) ends a run that never would; the test itself reads no clock.
    let output = Command::new("timeout")
        .args([
            "--kill-after=5",
            "120",
            env!("CARGO_BIN_EXE_newsgraph"),
            "build",
            "tree",
            "--out",
            "out",
        ])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .expect("running newsgraph under timeout");
    let run = run_output(output);
    assert_ne!(
        run.code,
        Some(124),
        "newsgraph did not finish walking a folder with a symlink loop"
    );
    run.assert_code(0);
    assert_eq!(
        articles_in(&dir.path().join("out/graph.json")),
        set(&["tree/a.txt", "tree/one/two/three/m.txt"])
    );
}
