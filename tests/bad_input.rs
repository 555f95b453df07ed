//! Bad input (issue 7): what `newsgraph build` and `newsgraph query` do with files that are
//! empty, binary, in other encodings, huge, numerous, unreadable or hostile, and with broken
//! graph files. TESTING.md lists every case and what happens.
//!
//! Each case checks the message on stderr (naming the file and the problem), that the rest of
//! the input still builds, and the exit status: 0 fine (warnings allowed), 1 something skipped,
//! 2 nothing done.

use std::collections::BTreeSet;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use newsgraph::export::read_json;
use tempfile::TempDir;

use crate::common::{run_output, Run};

const AUSTIN: &str = "Defense Secretary Lloyd Austin spoke by phone on Friday with Russian Defense Minister Sergei Shoigu.\n";
const MILLEY: &str = "Gen. Mark Milley met with Gen. Valery Gerasimov in Helsinki on Thursday.\n";
/// A contact whose names are not ASCII, to see that a decoded text reads right.
const NIINISTO: &str =
    "Lloyd Austin met Finnish President Sauli Niinistö in Helsinki on Monday, “a good talk”.\n";

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_newsgraph")
}

/// Runs `newsgraph ARGS` in `dir` with no stdin, under `timeout` so that a hang fails the test
/// instead of stalling the suite.
fn newsgraph(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new("timeout")
        .args(["--kill-after=5", "300", bin()])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("running newsgraph under timeout");
    let run = run_output(output);
    assert_ne!(run.code, Some(124), "newsgraph {args:?} did not finish");
    run
}

/// `newsgraph build ARGS --no-render` in `dir`.
fn build(dir: &Path, args: &[&str]) -> Run {
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    all.push("--no-render");
    newsgraph(dir, &all)
}

/// Writes `files` (relative path, bytes) below a new temporary folder.
fn folder(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    for (path, bytes) in files {
        write(&dir.path().join(path), bytes);
    }
    dir
}

fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}

#[track_caller]
fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The graph a run wrote: (articles named by its nodes, node names, edge evidence).
struct Written {
    articles: BTreeSet<String>,
    names: BTreeSet<String>,
    evidence: Vec<String>,
}

#[track_caller]
fn written(graph_json: &Path) -> Written {
    let text = String::from_utf8(read(graph_json)).expect("graph.json is UTF-8");
    let graph = read_json(&text).unwrap_or_else(|e| panic!("{}: {e}", graph_json.display()));
    let file = newsgraph::export::json::to_file(&graph);
    Written {
        articles: graph
            .entities()
            .flat_map(|e| e.articles.iter().map(|a| a.to_string()))
            .collect(),
        names: graph.entities().map(|e| e.name.clone()).collect(),
        evidence: file
            .edges
            .into_iter()
            .map(|e| e.evidence.to_string())
            .collect(),
    }
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let bom: &[u8] = if big_endian { b"\xfe\xff" } else { b"\xff\xfe" };
    let units = text.encode_utf16().flat_map(move |u| {
        if big_endian {
            u.to_be_bytes()
        } else {
            u.to_le_bytes()
        }
    });
    bom.iter().copied().chain(units).collect()
}

/// Latin-1 / Windows-1252 bytes of `text` (every character must have one).
fn windows1252(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "{text:?} has no Windows-1252 form");
    bytes.into_owned()
}

/// Deterministic noise, like the inside of a compressed file.
fn noise(n: usize) -> Vec<u8> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

/// Am I root? (A file I create is owned by my effective user.)
fn running_as_root(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let probe = dir.join(".uid-probe");
    fs::write(&probe, b"").unwrap();
    let uid = fs::metadata(&probe).unwrap().uid();
    fs::remove_file(&probe).unwrap();
    uid == 0
}

// ---------------------------------------------------------------------------------------------
// Empty, binary, encodings, line endings, NUL bytes
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_and_blank_files_are_skipped_and_the_rest_builds() {
    let dir = folder(&[
        ("in/a.txt", AUSTIN.as_bytes()),
        ("in/empty.txt", b""),
        ("in/blank.txt", b"  \n\t\r\n \x0c \r"),
    ]);
    let run = build(dir.path(), &["in", "--out", "out"]);
    run.assert_code(1)
        .assert_line(&["skipping", "in/empty.txt", "empty file"])
        .assert_line(&["skipping", "in/blank.txt", "white space"]);
    assert_eq!(
        written(&dir.path().join("out/graph.json")).articles,
        set(&["in/a.txt"])
    );
}

#[test]
fn binary_files_are_skipped_and_the_rest_builds() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let dir = folder(&[
        ("in/a.txt", AUSTIN.as_bytes()),
        ("in/pixel.txt", &read(&data.join("pixel.png"))),
        ("in/article.zip.txt", &read(&data.join("article.zip"))),
        ("in/program.txt", &read(Path::new(bin()))),
        ("in/noise.txt", &noise(50_000)),
        ("in/nuls.txt", &[0; 4096]),
    ]);
    let run = build(dir.path(), &["in", "--out", "out"]);
    run.assert_code(1)
        .assert_line(&["skipping", "in/pixel.txt", "binary file (PNG image)"])
        .assert_line(&[
            "skipping",
            "in/article.zip.txt",
            "binary file (ZIP archive)",
        ])
        .assert_line(&["skipping", "in/program.txt", "binary file (ELF executable)"])
        .assert_line(&["skipping", "in/noise.txt", "binary file"])
        .assert_line(&["skipping", "in/nuls.txt", "binary file"]);
    assert_eq!(
        written(&dir.path().join("out/graph.json")).articles,
        set(&["in/a.txt"])
    );
}

/// Every encoding gives the same graph as UTF-8: same names, same evidence.
#[test]
fn other_encodings_are_decoded_to_the_same_graph() {
    let text = format!("{AUSTIN}{NIINISTO}");
    let variants: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        ("utf8", text.clone().into_bytes(), None),
        (
            "utf8-bom",
            [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(),
            None,
        ),
        ("utf16le-bom", utf16(&text, false), None),
        ("utf16be-bom", utf16(&text, true), None),
        (
            "latin1",
            windows1252(&text.replace(['“', '”'], "\"")),
            Some("not UTF-8; read as Windows-1252 (Latin-1)"),
        ),
        (
            "windows1252",
            windows1252(&text),
            Some("not UTF-8; read as Windows-1252 (Latin-1)"),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut graphs = Vec::new();
    for (name, bytes, warning) in &variants {
        let work = dir.path().join(name);
        write(&work.join("a.txt"), bytes);
        let run = build(&work, &["a.txt", "--out", "out"]);
        run.assert_code(0);
        match warning {
            Some(warning) => {
                run.assert_line(&["a.txt", warning]);
            }
            None => assert!(
                !run.stderr.contains("a.txt"),
                "{name}: unexpected message:\n{}",
                run.stderr
            ),
        }
        let graph = written(&work.join("out/graph.json"));
        assert!(
            graph.names.contains("Sauli Niinistö"),
            "{name}: names {:?}",
            graph.names
        );
        graphs.push((name, graph));
    }
    let (_, utf8) = &graphs[0];
    for (name, graph) in &graphs[1..] {
        assert_eq!(graph.names, utf8.names, "{name}: names differ from UTF-8");
        let evidence = |g: &Written| -> Vec<String> {
            // Latin-1 has no curly quotes: compare without them.
            g.evidence
                .iter()
                .map(|e| e.replace(['“', '”'], "\""))
                .collect()
        };
        assert_eq!(evidence(graph), evidence(utf8), "{name}: evidence differs");
    }
}

#[test]
fn invalid_utf8_is_replaced_reported_and_counts_as_skipped() {
    let dir = folder(&[
        ("in/a.txt", AUSTIN.as_bytes()),
        (
            "in/bad.txt",
            b"Z\xc3\xbcrich \xe2\x80\x93 Gen\xc3\xa8ve: \xc3\x28 \xe2\x82 talks.\n",
        ),
    ]);
    let run = build(dir.path(), &["in", "--out", "out"]);
    run.assert_code(1).assert_line(&[
        "in/bad.txt",
        "not valid UTF-8: 2 bad byte sequences (the first at byte 21)",
    ]);
    assert!(written(&dir.path().join("out/graph.json"))
        .articles
        .contains("in/a.txt"));
}

/// CRLF, lone CR and LF give byte-identical graphs (offsets count the normalised text).
#[test]
fn crlf_and_lone_cr_give_the_same_graph_as_lf() {
    let text = format!("Headline\n\n{AUSTIN}{MILLEY}{NIINISTO}");
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for (name, ending) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
        let work = dir.path().join(name);
        write(&work.join("a.txt"), text.replace('\n', ending).as_bytes());
        build(&work, &["a.txt", "--out", "out"]).assert_code(0);
        outputs.push((
            name,
            read(&work.join("out/graph.json")),
            read(&work.join("out/graph.dot")),
        ));
    }
    for (name, json, dot) in &outputs[1..] {
        assert!(json == &outputs[0].1, "{name}: graph.json differs from LF");
        assert!(dot == &outputs[0].2, "{name}: graph.dot differs from LF");
    }
}

/// NUL bytes are dropped: the graph is that of the text without them.
#[test]
fn nul_bytes_in_text_are_ignored_with_a_warning() {
    let text = AUSTIN
        .replace("Austin ", "Austin\0 ")
        .replace("phone", "ph\0one");
    let dir = folder(&[
        ("nul/a.txt", text.as_bytes()),
        ("clean/a.txt", AUSTIN.as_bytes()),
    ]);
    let run = build(&dir.path().join("nul"), &["a.txt", "--out", "out"]);
    run.assert_code(0)
        .assert_line(&["a.txt", "2 NUL bytes ignored"]);
    build(&dir.path().join("clean"), &["a.txt", "--out", "out"]).assert_code(0);
    assert!(
        read(&dir.path().join("nul/out/graph.json"))
            == read(&dir.path().join("clean/out/graph.json")),
        "NUL bytes changed the graph"
    );
}

// ---------------------------------------------------------------------------------------------
// Size and number
// ---------------------------------------------------------------------------------------------

/// Runs `newsgraph ARGS` in `dir` with its data (heap and anonymous memory) limited to
/// `mebibytes`: a run that needs more dies instead of passing.
fn newsgraph_within(dir: &Path, mebibytes: u64, args: &[&str]) -> Run {
    let script = format!("ulimit -d {}; exec \"$0\" \"$@\"", mebibytes * 1024);
    let output = Command::new("sh")
        .args(["-c", &script, bin()])
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("running newsgraph under sh");
    run_output(output)
}

/// A 100 MB article is read up to 8 MiB, cut at a line break, in bounded memory (the whole
/// file would take over 2 GB).
#[test]
fn a_100_mb_article_is_read_up_to_8_mib_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!("{AUSTIN}{MILLEY}Nothing else happened on that day in the capital.\n");
    let big = line.repeat(100_000_000 / line.len() + 1);
    write(&dir.path().join("in/big.txt"), big.as_bytes());
    write(&dir.path().join("in/small.txt"), NIINISTO.as_bytes());
    let run = newsgraph_within(
        dir.path(),
        512,
        &["build", "in", "--out", "out", "--no-render"],
    );
    run.assert_code(1).assert_line(&[
        "in/big.txt",
        "only the first 8 MiB read of 100.0 MB (one article is at most 8 MiB)",
    ]);
    let graph = written(&dir.path().join("out/graph.json"));
    assert_eq!(graph.articles, set(&["in/big.txt", "in/small.txt"]));
    assert!(
        graph.names.contains("Valery Gerasimov"),
        "{:?}",
        graph.names
    );
}

/// A line of a million characters (no line break; one sentence of 200,000 words, and one of
/// many sentences) builds in bounded memory.
#[test]
fn a_line_of_a_million_characters_builds() {
    let sentence = format!("{} ", AUSTIN.trim_end());
    let sentences = sentence.repeat(1_000_000 / sentence.len() + 1);
    let words = "Zürich word ".repeat(1_000_000 / 12 + 1);
    let dir = folder(&[
        ("in/sentences.txt", sentences.as_bytes()),
        ("in/words.txt", words.as_bytes()),
        ("in/letters.txt", "A".repeat(1_000_000).as_bytes()),
    ]);
    assert!(sentences.chars().count() >= 1_000_000 && words.chars().count() >= 1_000_000);
    let run = newsgraph_within(
        dir.path(),
        512,
        &["build", "in", "--out", "out", "--no-render"],
    );
    run.assert_code(0);
    let graph = written(&dir.path().join("out/graph.json"));
    assert!(graph.names.contains("Sergei Shoigu"), "{:?}", graph.names);
}

/// 100,000 small files in 100 folders.
#[test]
fn a_hundred_thousand_small_files_build() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..100 {
        let folder = dir.path().join(format!("in/{n:03}"));
        fs::create_dir_all(&folder).unwrap();
        for file in 0..1000 {
            // Each text differs: the same text under two names is read once.
            let text = format!("{AUSTIN}Filed as {n:03}/{file:04}.\n");
            fs::write(folder.join(format!("{file:04}.txt")), text).unwrap();
        }
    }
    let run = build(dir.path(), &["in", "--out", "out", "--quiet"]);
    run.assert_code(0);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let graph = written(&dir.path().join("out/graph.json"));
    assert_eq!(graph.articles.len(), 100_000);
    assert!(graph.articles.contains("in/099/0999.txt"));
}

// ---------------------------------------------------------------------------------------------
// Paths: nesting, links, permissions, vanishing files, folders and pipes, odd names
// ---------------------------------------------------------------------------------------------

/// Folders 500 deep are read; a tree so deep that its paths pass the system's limit (4096
/// bytes) is reported where it passes it, and the rest still builds.
#[test]
fn deeply_nested_folders() {
    let dir = folder(&[("in/a.txt", AUSTIN.as_bytes())]);
    let deep = "d/".repeat(500);
    write(
        &dir.path().join("in").join(&deep).join("m.txt"),
        MILLEY.as_bytes(),
    );
    // 3000 levels: three chains of 1000, each moved into the bottom of the next one up, so
    // that no path this test uses passes the limit.
    let chain = "e/".repeat(1000);
    for name in ["c1", "c2", "c3"] {
        fs::create_dir_all(dir.path().join(name).join(&chain)).unwrap();
    }
    fs::write(dir.path().join("c3").join(&chain).join("n.txt"), NIINISTO).unwrap();
    fs::rename(
        dir.path().join("c3"),
        dir.path().join("c2").join(&chain).join("e"),
    )
    .unwrap();
    fs::rename(
        dir.path().join("c2"),
        dir.path().join("c1").join(&chain).join("e"),
    )
    .unwrap();
    fs::rename(dir.path().join("c1"), dir.path().join("in/e")).unwrap();
    let run = build(dir.path(), &["in", "--out", "out"]);
    run.assert_code(1)
        .assert_line(&["skipping", "in/e/e/e/", "File name too long"]);
    let graph = written(&dir.path().join("out/graph.json"));
    let deep_article = format!("in/{deep}m.txt");
    assert_eq!(graph.articles, set(&["in/a.txt", &deep_article]));
}

/// A link to a file that is gone is reported like a file that vanished.
#[test]
fn broken_link_is_reported_and_the_rest_builds() {
    let dir = folder(&[("in/a.txt", AUSTIN.as_bytes())]);
    std::os::unix::fs::symlink("../gone.txt", dir.path().join("in/link.txt")).unwrap();
    std::os::unix::fs::symlink("../gone", dir.path().join("in/other-link")).unwrap();
    let run = build(dir.path(), &["in", "--out", "out"]);
    run.assert_code(1)
        .assert_line(&["skipping", "in/link.txt", "No such file or directory"]);
    assert!(!run.stderr.contains("other-link"), "{}", run.stderr);
    assert_eq!(
        written(&dir.path().join("out/graph.json")).articles,
        set(&["in/a.txt"])
    );
}

/// A file and a folder without read permission. Root reads them anyway, so as root the
/// binary runs as `nobody` (setpriv, from util-linux); without setpriv the test is skipped
/// with a note, except on CI.
#[test]
fn unreadable_file_and_folder_are_reported_and_the_rest_builds() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[
        ("in/a.txt", AUSTIN.as_bytes()),
        ("in/secret.txt", MILLEY.as_bytes()),
        ("in/locked/m.txt", MILLEY.as_bytes()),
    ]);
    let root = running_as_root(dir.path());
    let mut program = bin().to_string();
    let mut command = Command::new("setpriv");
    if root {
        if Command::new("setpriv").arg("--version").output().is_err() {
            assert!(
                std::env::var_os("CI").is_none(),
                "setpriv is needed on CI to test unreadable files as root"
            );
            eprintln!("skipped: running as root without setpriv");
            return;
        }
        // `nobody` may not reach the build folder: the binary goes into the test folder.
        program = dir.path().join("newsgraph").display().to_string();
        fs::copy(bin(), &program).unwrap();
        for entry in walk(dir.path()) {
            std::os::unix::fs::chown(&entry, Some(65534), Some(65534)).unwrap();
        }
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups", &program]);
    } else {
        command = Command::new(&program);
    }
    fs::set_permissions(
        dir.path().join("in/secret.txt"),
        fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    fs::set_permissions(
        dir.path().join("in/locked"),
        fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let output = command
        .args(["build", "in", "--out", "out", "--no-render"])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let run = run_output(output);
    fs::set_permissions(
        dir.path().join("in/locked"),
        fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    run.assert_code(1)
        .assert_line(&["skipping", "in/secret.txt", "Permission denied"])
        .assert_line(&["skipping", "in/locked", "Permission denied"]);
    assert_eq!(
        written(&dir.path().join("out/graph.json")).articles,
        set(&["in/a.txt"])
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// A folder named like an article is read as a folder; a named pipe named like one is
/// skipped without waiting for a writer; a folder given to `--lexicon` or `--graph` is an
/// error naming it.
#[test]
fn folders_and_pipes_where_files_are_expected() {
    let dir = folder(&[
        ("in/a.txt", AUSTIN.as_bytes()),
        ("in/folder.txt/m.txt", MILLEY.as_bytes()),
    ]);
    let status = Command::new("mkfifo")
        .arg(dir.path().join("in/pipe.txt"))
        .status()
        .unwrap();
    assert!(status.success());
    let run = build(dir.path(), &["in", "--out", "out"]);
    run.assert_code(1).assert_line(&[
        "skipping",
        "in/pipe.txt",
        "not a regular file (a named pipe)",
    ]);
    assert_eq!(
        written(&dir.path().join("out/graph.json")).articles,
        set(&["in/a.txt", "in/folder.txt/m.txt"])
    );

    let run = build(dir.path(), &["in/a.txt", "--lexicon", "in", "--out", "out"]);
    run.assert_code(2)
        .assert_line(&["lexicon", "in", "Is a directory"]);
    let run = newsgraph(
        dir.path(),
        &["query", "--graph", "in", "who spoke to Shoigu"],
    );
    run.assert_code(2)
        .assert_line(&["graph", "in", "Is a directory"]);
}

/// Spaces, non-ASCII letters and bytes that are not UTF-8 in paths.
#[test]
fn paths_with_spaces_and_non_ascii_characters() {
    let dir = folder(&[
        ("my articles/Zürich – Москва/a b.txt", AUSTIN.as_bytes()),
        ("my articles/ünïcödé 文章.txt", MILLEY.as_bytes()),
    ]);
    let odd = std::ffi::OsStr::from_bytes(b"my articles/latin1-\xe9.txt");
    fs::write(dir.path().join(odd), NIINISTO).unwrap();
    let run = build(dir.path(), &["my articles", "--out", "out dir/ö"]);
    run.assert_code(0);
    let graph = written(&dir.path().join("out dir/ö/graph.json"));
    assert_eq!(
        graph.articles,
        set(&[
            "my articles/Zürich – Москва/a b.txt",
            "my articles/ünïcödé 文章.txt",
            // Shown as Rust shows a path that is not UTF-8.
            "my articles/latin1-\u{fffd}.txt",
        ])
    );
}

/// When no article can be read, the previous graph stays and the exit status is 2.
#[test]
fn nothing_readable_leaves_the_previous_graph() {
    let dir = folder(&[("a.txt", AUSTIN.as_bytes()), ("bad/empty.txt", b"")]);
    build(dir.path(), &["a.txt", "--out", "out"]).assert_code(0);
    let before = read(&dir.path().join("out/graph.json"));
    let run = build(dir.path(), &["bad", "missing", "--out", "out"]);
    run.assert_code(2)
        .assert_line(&["skipping", "bad/empty.txt", "empty file"])
        .assert_line(&["skipping", "missing", "No such file"])
        .assert_line(&["no article could be read", "out", "left as it was"]);
    assert!(read(&dir.path().join("out/graph.json")) == before);
}

// ---------------------------------------------------------------------------------------------
// Hostile text: the outputs stay valid and inert
// ---------------------------------------------------------------------------------------------

const HOSTILE_NAME: &str =
    "Acme \"Q\" \\N \\L {W} <script>alert(1)</script> &amp; ]]> \u{1} \u{1b}[31m Works";

/// A name (from a user's lexicon) and evidence full of quotes, backslashes, braces, markup and
/// control characters: graph.json reads back to the same strings, Graphviz parses graph.dot,
/// and graph.svg has no live markup.
#[test]
fn hostile_names_and_evidence_keep_outputs_valid_and_inert() {
    let lexicon = format!("[organisations]\n{HOSTILE_NAME}\tcompany\tUS\tAcme Works|Acme\n");
    let article = "Acme spokesman John Smith said \"hi\" \\\\ {x} <script>alert(1)</script> & \u{7} \u{1b}[31m red.\n\
         Defense Secretary Lloyd Austin spoke by phone on Friday with John Smith about \"quotes\" \\back\\slash\\ {braces} <script>alert('x')</script> &amp; \u{7}bell.\r\n\
         Acme Works}\"; digraph { x -> y } // said Austin\u{2028}met Smith again on Monday.\n";
    let dir = folder(&[
        ("lexicon.txt", lexicon.as_bytes()),
        ("in/a \"b\" {c} <d>.txt", article.as_bytes()),
    ]);
    let dot_installed = Command::new("dot").arg("-V").output().is_ok();
    assert!(
        dot_installed || std::env::var_os("CI").is_none(),
        "Graphviz (dot) is needed on CI"
    );
    let mut args = vec!["build", "in", "--out", "out", "--lexicon", "lexicon.txt"];
    if !dot_installed {
        args.push("--no-render");
    }
    newsgraph(dir.path(), &args).assert_code(0);

    let out = dir.path().join("out");
    let graph = written(&out.join("graph.json"));
    assert!(graph.names.contains(HOSTILE_NAME), "{:?}", graph.names);
    assert!(
        graph.evidence.iter().any(|e| e.contains(
            "\"quotes\" \\back\\slash\\ {braces} <script>alert('x')</script> &amp; bell."
        )),
        "{:?}",
        graph.evidence
    );
    assert_eq!(
        graph.articles,
        set(&["in/a \"b\" {c} <d>.txt"]),
        "article path"
    );
    if !dot_installed {
        eprintln!("skipped the Graphviz half: dot is not installed");
        return;
    }
    // Graphviz parses the DOT (a syntax error is an error, not a warning, with -Tcanon).
    let output = Command::new("dot")
        .args(["-Tcanon", "-o", "/dev/null"])
        .arg(out.join("graph.dot"))
        .output()
        .unwrap();
    assert!(
        output.status.success() && output.stderr.is_empty(),
        "dot: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let svg = String::from_utf8(read(&out.join("graph.svg"))).unwrap();
    assert!(!svg.contains("<script"), "graph.svg has a live <script>");
    assert!(svg.contains("&lt;script&gt;"), "graph.svg lost the name");
}

// ---------------------------------------------------------------------------------------------
// Broken graph files
// ---------------------------------------------------------------------------------------------

/// `query` on a graph.json that is truncated, not JSON, of another schema_version, another
/// tool's JSON, empty, not UTF-8 or missing: exit 2, naming the file and the problem.
#[test]
fn broken_graph_files_are_named_with_their_problem() {
    let dir = folder(&[("a.txt", AUSTIN.as_bytes())]);
    build(dir.path(), &["a.txt", "--out", "out"]).assert_code(0);
    let good = String::from_utf8(read(&dir.path().join("out/graph.json"))).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated.json",
            good.as_bytes()[..good.len() / 2].to_vec(),
            "truncated: the JSON ends early",
        ),
        (
            "malformed.json",
            good.replacen("\"nodes\": [", "\"nodes\": [}", 1)
                .into_bytes(),
            "not valid JSON: expected value at line 4",
        ),
        (
            "version.json",
            good.replacen("\"schema_version\": 1", "\"schema_version\": 99", 1)
                .into_bytes(),
            "schema_version 99 is not supported (this newsgraph reads version 1)",
        ),
        (
            "package.json",
            br#"{"name": "left-pad", "version": "1.3.0", "main": "index.js"}"#.to_vec(),
            "not a newsgraph graph file (another tool's JSON?): no schema_version field",
        ),
        (
            "geo.json",
            br#"[{"type": "Feature", "geometry": null}]"#.to_vec(),
            "not a newsgraph graph file (another tool's JSON?): the top level is an array",
        ),
        (
            "extra.json",
            good.replacen("\"nodes\"", "\"colour\": 1, \"nodes\"", 1)
                .into_bytes(),
            "not a newsgraph graph file: unknown field `colour`",
        ),
        ("empty.json", Vec::new(), "empty file, not a graph"),
        (
            "utf16.json",
            utf16(&good, false),
            "not a newsgraph graph file: not UTF-8 (bad byte at offset 0)",
        ),
    ];
    for (name, bytes, problem) in &cases {
        write(&dir.path().join(name), bytes);
        newsgraph(
            dir.path(),
            &["query", "--graph", name, "who spoke to Shoigu"],
        )
        .assert_code(2)
        .assert_line(&["reading graph", name, problem]);
    }
    newsgraph(
        dir.path(),
        &["query", "--graph", "missing.json", "who spoke to Shoigu"],
    )
    .assert_code(2)
    .assert_line(&[
        "reading graph missing.json",
        "No such file",
        "newsgraph build",
    ]);
}

// ---------------------------------------------------------------------------------------------
// Killed runs
// ---------------------------------------------------------------------------------------------

/// `newsgraph build` killed (SIGKILL) at many moments, among them while a new graph.json or
/// graph.dot is being written: each file is always either the previous graph or the complete
/// new one, and what may be left behind is a hidden temporary file, never a graph file.
#[test]
fn a_killed_build_leaves_the_previous_graph_or_the_new_one() {
    let dir = folder(&[("old.txt", MILLEY.as_bytes())]);
    for folder in 0..20 {
        let folder = dir.path().join(format!("in/{folder:02}"));
        fs::create_dir_all(&folder).unwrap();
        for file in 0..1000 {
            let text = if file % 2 == 0 { AUSTIN } else { NIINISTO };
            fs::write(folder.join(format!("{file:04}.txt")), text).unwrap();
        }
    }
    build(dir.path(), &["in", "--out", "new", "--quiet"]).assert_code(0);
    build(dir.path(), &["old.txt", "--out", "out"]).assert_code(0);
    let out = dir.path().join("out");
    let versions = |name: &str| {
        [
            read(&dir.path().join("new").join(name)),
            read(&out.join(name)),
        ]
    };
    let (json_versions, dot_versions) = (versions("graph.json"), versions("graph.dot"));

    let mut outcomes = BTreeSet::new();
    // Kill after a delay, and kill as soon as a temporary file shows in the output folder.
    let moments = (0..8).map(Some).chain([None, None, None, None]);
    for moment in moments {
        for entry in fs::read_dir(&out).unwrap() {
            let path = entry.unwrap().path();
            if path
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".tmp")
            {
                fs::remove_file(path).unwrap();
            }
        }
        let mut child = Command::new(bin())
            .args(["build", "in", "--out", "out", "--no-render", "--quiet"])
            .current_dir(dir.path())
            .stdin(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        match moment {
            Some(step) => std::thread::sleep(std::time::Duration::from_millis(step * 150)),
            None => loop {
                let busy = fs::read_dir(&out)
                    .unwrap()
                    .any(|e| e.unwrap().file_name().to_string_lossy().starts_with(".tmp"));
                if busy || child.try_wait().unwrap().is_some() {
                    break;
                }
            },
        }
        let _ = child.kill();
        let status = child.wait().unwrap();
        outcomes.insert(if status.success() {
            "finished"
        } else {
            "killed"
        });
        let json = read(&out.join("graph.json"));
        let dot = read(&out.join("graph.dot"));
        assert!(
            json_versions.contains(&json),
            "graph.json is neither the old nor the new graph (moment {moment:?})"
        );
        assert!(
            dot_versions.contains(&dot),
            "graph.dot is neither the old nor the new graph (moment {moment:?})"
        );
        for entry in fs::read_dir(&out).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(
                name == "graph.json"
                    || name == "graph.dot"
                    || name == "graph.db"
                    || name.starts_with(".tmp"),
                "unexpected file {name} left in the output folder"
            );
        }
    }
    assert!(
        outcomes.contains("killed"),
        "no run was killed before it finished"
    );
}
