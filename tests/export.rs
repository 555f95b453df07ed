//! Every export format checked by a real consumer: Graphviz renders the DOT (with tooltips in
//! the SVG), networkx reads the GraphML, GEXF and D3 JSON with the JSON's node and edge
//! counts, and headless Chromium opens the HTML page, draws every node, and a search narrows
//! them. Hostile article text (`<script>`, quotes, backslashes, braces, newlines, control
//! characters) keeps every format valid and inert. A test whose consumer is missing prints a
//! note and passes, except on CI (`CI` set), where it fails: `.ci/run` installs them all.
//! Also `newsgraph export` and `build --format` through the binary.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use newsgraph::export::{self, Cluster, DotOptions, Format, GraphFile, Options};
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::common::{build, project_dir, seed_articles};

pub fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"))
}

/// Whether a consumer can run; when not, says so (and fails on CI).
#[track_caller]
pub fn consumer_ready(test: &str, missing: Option<String>) -> bool {
    let Some(missing) = missing else {
        return true;
    };
    assert!(
        !on_ci(),
        "{test}: {missing}, and CI is set (.ci/run installs it)"
    );
    eprintln!("skipping {test}: {missing}");
    false
}

pub fn runs(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The seeds' graph.json as read back, article records and all.
pub fn seeds_file() -> GraphFile {
    let json = crate::common::json_bytes(&build(&seed_articles()));
    newsgraph::export::json::parse_file(std::str::from_utf8(&json).unwrap())
        .expect("graph.json reads back")
}

pub fn export_bytes(format: Format, file: &GraphFile, options: &Options) -> Vec<u8> {
    let mut out = Vec::new();
    export::write(format, file, options, &mut out)
        .unwrap_or_else(|e| panic!("exporting {}: {e}", format.name()));
    out
}

fn export_text(format: Format, file: &GraphFile) -> String {
    String::from_utf8(export_bytes(format, file, &Options::default())).expect("UTF-8 output")
}

/// Runs `program args` with `input` on stdin.
pub fn pipe(program: &str, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("running {program}: {e}"));
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("waiting for the child");
    let _ = writer.join();
    output
}

/// A graph whose every text is hostile: markup, quotes, backslashes, braces, DOT escapes,
/// newlines, control characters, line separators. Written as JSON, so fields the schema
/// gains later take their defaults.
fn hostile_file() -> GraphFile {
    const EVIL: &str = "</script><script>alert(\"x\")</script> '\"\\ {x} [y] \\N \\n\n\r\t\u{0}\u{1b}[31m \u{2028}\u{2029} &amp; <!-- ]]> -->";
    let node = |id: &str, kind: &str, name: &str| {
        json!({
            "id": id, "kind": kind, "name": name,
            "aliases": [name, format!("alias {EVIL}")],
            "titles": [format!("Chief {EVIL}")],
            "country": "country:<evil>",
            "articles": [format!("dir/{EVIL}.txt")],
            "mentions": 2,
        })
    };
    let edge = |kind: &str, status: Option<&str>, date: Option<&str>| {
        let mut edge = json!({
            "source": "person:a\"b", "target": "person:<c>\\", "kind": kind,
            "article": format!("dir/{EVIL}.txt"),
            "evidence": format!("He said {EVIL} and left."),
            "start": 0, "end": 10,
        });
        if let Some(status) = status {
            edge["status"] = status.into();
            edge["event"] = format!("evil.txt#{EVIL}").into();
        }
        if let Some(date) = date {
            edge["date"] = date.into();
        }
        edge
    };
    let file = json!({
        "schema_version": 1,
        "generator": format!("newsgraph {EVIL}"),
        "nodes": [
            node("country:<evil>", "country", &format!("Land {EVIL}")),
            node("person:<c>\\", "person", "Evil \\ <c>"),
            node("person:a\"b", "person", &format!("President {EVIL}")),
        ],
        "edges": [
            edge("call", Some("happened"), Some(EVIL)),
            edge("call", Some("happened"), Some("2023-03-13")),
            edge("meeting", Some("denied"), None),
            edge("member", None, None),
        ],
    });
    serde_json::from_value(file).expect("a valid graph file")
}

#[test]
fn every_format_is_deterministic_and_names_its_file() {
    let file = seeds_file();
    for format in Format::ALL {
        if format == Format::Html && !export::html::available() {
            continue;
        }
        let options = Options::default();
        let first = export_bytes(format, &file, &options);
        assert!(!first.is_empty(), "{} is empty", format.name());
        assert_eq!(
            first,
            export_bytes(format, &file, &options),
            "{} differs between runs",
            format.name()
        );
        assert_eq!(Format::from_name(format.name()), Some(format));
        assert!(format.file_name().starts_with("graph."));
    }
    assert_eq!(
        String::from_utf8(export_bytes(Format::Json, &file, &Options::default())).unwrap(),
        String::from_utf8(crate::common::json_bytes(&build(&seed_articles()))).unwrap(),
        "export --format json is graph.json"
    );
}

#[test]
fn inconsistent_files_are_refused() {
    let mut file = hostile_file();
    file.edges[0].target = "person:nobody".into();
    let error = export::write(Format::Graphml, &file, &Options::default(), &mut Vec::new())
        .expect_err("an edge to a missing node");
    assert!(error.to_string().contains("person:nobody"), "{error}");
    let mut file = hostile_file();
    file.nodes.push(file.nodes[0].clone());
    assert!(export::write(Format::D3, &file, &Options::default(), &mut Vec::new()).is_err());
}

/// `dot -Tsvg` draws the seeds' DOT, with and without country clusters, and the hostile
/// graph's, and the SVG has every node's and edge's tooltip.
#[test]
fn graphviz_renders_the_dot_with_tooltips() {
    if !consumer_ready(
        "graphviz_renders_the_dot_with_tooltips",
        (!runs("dot", &["-V"])).then(|| "Graphviz `dot` is not on PATH".to_string()),
    ) {
        return;
    }
    let seeds = seeds_file();
    for (file, cluster) in [
        (&seeds, Cluster::None),
        (&seeds, Cluster::Country),
        (&hostile_file(), Cluster::Country),
    ] {
        let options = Options {
            dot: DotOptions { cluster },
            note: None,
        };
        let dot = export_bytes(Format::Dot, file, &options);
        let output = pipe("dot", &["-Kfdp", "-Tsvg"], &dot);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success(),
            "dot failed ({cluster:?}): {stderr}\n{}",
            String::from_utf8_lossy(&dot)
        );
        let svg = String::from_utf8(output.stdout).expect("SVG is UTF-8");
        let groups = |class: &str| -> Vec<String> {
            svg.split(&format!("class=\"{class}\""))
                .skip(1)
                .map(|g| g.split("</g>").next().unwrap_or(g).to_string())
                .collect()
        };
        let (nodes, edges) = (groups("node"), groups("edge"));
        let n_legend_nodes = 3 + 2 * 5;
        assert_eq!(nodes.len(), file.nodes.len() + n_legend_nodes);
        assert!(!edges.is_empty());
        let with_tooltip = |g: &&String| g.contains("xlink:title=");
        assert_eq!(
            nodes.iter().filter(with_tooltip).count(),
            file.nodes.len(),
            "every entity node has a tooltip"
        );
        let n_real_edges = edges
            .iter()
            .filter(|g| !g.contains("<title>legend_"))
            .count();
        assert_eq!(
            edges.iter().filter(with_tooltip).count(),
            n_real_edges,
            "every edge has a tooltip"
        );
        assert!(
            !svg.contains("<script"),
            "markup from the text reached the SVG"
        );
        if file == &seeds {
            let evidence = "The last call prior to that was on January 20.";
            assert!(svg.contains(evidence), "no evidence tooltip in the SVG");
        } else {
            assert!(svg.contains("&lt;/script&gt;&lt;script&gt;alert"), "{svg}");
        }
    }
}

/// What networkx read: `{"graphml": {...}, "gexf": {...}, "d3": {...}}`, or None when it
/// cannot run here.
pub fn networkx_read(test: &str, file: &GraphFile, options: &Options) -> Option<Value> {
    let missing = (!runs("python3", &["-c", "import networkx"]))
        .then(|| "python3 with networkx is not available (pip install networkx)".to_string());
    if !consumer_ready(test, missing) {
        return None;
    }
    let dir = TempDir::new().unwrap();
    let mut paths = Vec::new();
    for format in [Format::Graphml, Format::Gexf, Format::D3] {
        let path = dir.path().join(format.file_name());
        fs::write(&path, export_bytes(format, file, options)).unwrap();
        paths.push(path);
    }
    let script = project_dir().join("tests/networkx_check.py");
    let output = Command::new("python3")
        .arg(&script)
        .args(&paths)
        .output()
        .expect("running python3");
    assert!(
        output.status.success(),
        "networkx could not read the exports: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(serde_json::from_slice(&output.stdout).expect("the script prints JSON"))
}

#[test]
fn networkx_reads_graphml_gexf_and_d3_with_the_json_counts() {
    let file = seeds_file();
    let Some(read) = networkx_read(
        "networkx_reads_graphml_gexf_and_d3",
        &file,
        &Options::default(),
    ) else {
        return;
    };
    for format in ["graphml", "gexf", "d3"] {
        let graph = &read[format];
        assert_eq!(graph["nodes"], file.nodes.len(), "{format} nodes");
        assert_eq!(graph["edges"], file.edges.len(), "{format} edges");
        let gerasimov = &graph["node_attributes"]["person:valery-gerasimov"];
        assert_eq!(gerasimov["kind"], "person", "{format}: {gerasimov}");
        assert_eq!(gerasimov["label"], "Valery Gerasimov", "{format}");
        assert!(gerasimov["mentions"].is_u64(), "{format}: typed integer");
        for (index, edge) in file.edges.iter().enumerate() {
            let read = &graph["edge_attributes"][format!("e{index}")];
            assert_eq!(read["kind"], &*edge.kind, "{format} e{index}");
            assert_eq!(read["evidence"], &*edge.evidence, "{format} e{index}");
        }
    }
}

#[test]
fn hostile_text_survives_graphml_gexf_and_d3_unchanged_but_for_control_characters() {
    let file = hostile_file();
    for format in [Format::Graphml, Format::Gexf] {
        let xml = export_text(format, &file);
        assert!(!xml.contains("<script>") && !xml.contains("<c>"), "{xml}");
        assert!(!xml.contains('\u{0}') && !xml.contains('\u{1b}'));
    }
    let Some(read) = networkx_read(
        "hostile_text_survives_graphml_gexf_and_d3",
        &file,
        &Options::default(),
    ) else {
        return;
    };
    // XML cannot carry NUL or ESC: they become spaces. Parsers turn \r\n into \n in text and
    // all whitespace into spaces in attribute values (GEXF keeps values in attributes).
    let xml_text = |text: &str| text.replace(['\u{0}', '\u{1b}'], " ").replace("\r\n", "\n");
    for format in ["graphml", "gexf", "d3"] {
        let graph = &read[format];
        assert_eq!(graph["nodes"], 3, "{format}");
        assert_eq!(graph["edges"], 4, "{format}");
        let president = &graph["node_attributes"]["person:a\"b"];
        let evidence = graph["edge_attributes"]["e0"]["evidence"]
            .as_str()
            .unwrap()
            .to_string();
        let expected = &file.edges[0].evidence.to_string();
        match format {
            "d3" => {
                assert_eq!(president["label"], file.nodes[2].name.as_str());
                assert_eq!(&evidence, expected);
            }
            "graphml" => {
                assert_eq!(president["label"], xml_text(&file.nodes[2].name).as_str());
                assert_eq!(evidence, xml_text(expected));
            }
            _ => {
                let flat = |t: &str| {
                    xml_text(t)
                        .replace(['\n', '\r', '\t'], " ")
                        .split(' ')
                        .collect::<Vec<_>>()
                        .join(" ")
                };
                assert_eq!(flat(&evidence), flat(expected), "gexf");
            }
        }
        assert!(
            graph["edge_attributes"]["e0"]["source"] == "person:a\"b"
                || graph["edge_attributes"]["e0"]["target"] == "person:a\"b"
        );
    }
    assert_eq!(read["gexf"]["edge_attributes"]["e1"]["start"], "2023-03-13");
}

/// What headless Chromium saw of a page: see `web/tools/page.mjs`.
pub fn chromium_report(test: &str, html: &[u8], args: &[&str]) -> Option<Value> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let missing = if !export::html::available() {
        Some(format!(
            "{} (this build has no d3)",
            export::html::NO_LIBRARY
        ))
    } else if !runs("node", &["--version"]) {
        Some("Node.js is not on PATH".to_string())
    } else if !project_dir()
        .join("web/node_modules/playwright-core")
        .exists()
    {
        Some("web/node_modules/playwright-core is missing (npm ci in web/)".to_string())
    } else if !Path::new(&chromium).exists() {
        Some(format!("{chromium} is missing (apt-get install chromium)"))
    } else {
        None
    };
    if !consumer_ready(test, missing) {
        return None;
    }
    let dir = TempDir::new().unwrap();
    let page = dir.path().join("graph.html");
    fs::write(&page, html).unwrap();
    let output = Command::new("node")
        .arg(project_dir().join("web/tools/page.mjs"))
        .arg(&page)
        .args(args)
        .env("CHROMIUM", &chromium)
        .stdin(Stdio::null())
        .output()
        .expect("running node");
    assert!(
        output.status.success(),
        "web/tools/page.mjs failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "page.mjs printed no JSON ({e}): {}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    assert_eq!(report["errors"], json!([]), "page errors");
    assert_eq!(report["dialogs"], json!([]), "the page opened a dialog");
    assert_eq!(report["requests"], json!([]), "the page went online");
    assert_eq!(report["ready"], true, "the page never finished drawing");
    Some(report)
}

#[test]
fn chromium_draws_every_node_and_a_search_narrows_them() {
    if !export::html::available() && !on_ci() {
        eprintln!(
            "skipping chromium_draws_every_node: {}",
            export::html::NO_LIBRARY
        );
        return;
    }
    let file = seeds_file();
    let html = export_bytes(Format::Html, &file, &Options::default());
    let Some(report) = chromium_report(
        "chromium_draws_every_node_and_a_search_narrows_them",
        &html,
        &["--search", "gerasimov", "--click", "person:joseph-dunford"],
    ) else {
        return;
    };
    assert_eq!(report["total"], file.nodes.len());
    assert_eq!(report["drawn"], file.nodes.len(), "{report}");
    let after = report["drawnAfterSearch"].as_u64().unwrap();
    assert!(after >= 1 && after < file.nodes.len() as u64, "{report}");
    assert_eq!(report["matches"], 1, "{report}");
    let details = report["detailsAfterClick"].as_str().unwrap();
    assert!(
        details.contains("Joseph Dunford")
            && details.contains("The last call prior to that was on January 20.")
            && details.contains("seeds/000_76767b8e407a9ef1.txt"),
        "{details}"
    );
}

#[test]
fn hostile_text_cannot_break_or_script_the_page() {
    if !export::html::available() && !on_ci() {
        eprintln!("skipping hostile_text_cannot_break_or_script_the_page: no d3 in this build");
        return;
    }
    let file = hostile_file();
    let html = export_text(Format::Html, &file);
    // The data block holds no markup, and the document has exactly its own script elements.
    let data_start = html.find("id=\"graph-data\">").unwrap();
    let data = &html[data_start + 16..];
    let data = &data[..data.find("</script>").unwrap()];
    assert!(!data.contains('<') && !data.contains('>') && !data.contains('&'));
    assert_eq!(html.matches("<script").count(), 3);
    assert_eq!(html.matches("</script>").count(), 3);
    let Some(report) = chromium_report(
        "hostile_text_cannot_break_or_script_the_page",
        html.as_bytes(),
        &["--search", "president", "--click", "person:a\"b"],
    ) else {
        return;
    };
    assert_eq!(report["drawn"], 3, "{report}");
    let details = report["detailsAfterClick"].as_str().unwrap();
    assert!(
        details.contains("</script><script>alert(\"x\")</script>"),
        "the text is shown as text: {details}"
    );
}

/// Runs the binary in `dir`.
pub fn newsgraph(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsgraph"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("running newsgraph")
}

#[test]
fn export_cli_converts_a_graph_file() {
    let dir = TempDir::new().unwrap();
    fs::create_dir(dir.path().join("graphs")).unwrap();
    let file = seeds_file();
    fs::write(
        dir.path().join("graphs/graph.json"),
        export_bytes(Format::Json, &file, &Options::default()),
    )
    .unwrap();
    // Default graph, stdout.
    let output = newsgraph(dir.path(), &["export", "--format", "d3"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let d3: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(d3["nodes"].as_array().unwrap().len(), file.nodes.len());
    assert_eq!(d3["links"].as_array().unwrap().len(), file.edges.len());
    // A file, and the same bytes as the library.
    let output = newsgraph(
        dir.path(),
        &[
            "export",
            "-f",
            "graphml",
            "--graph",
            "graphs/graph.json",
            "-o",
            "g.graphml",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(output.stdout.is_empty());
    assert_eq!(
        fs::read(dir.path().join("g.graphml")).unwrap(),
        export_bytes(Format::Graphml, &file, &Options::default())
    );
    let output = newsgraph(
        dir.path(),
        &["export", "-f", "dot", "--cluster", "country", "-o", "-"],
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("subgraph \"cluster_country:russia\""));
}

#[test]
fn export_cli_names_the_file_and_the_problem() {
    let dir = TempDir::new().unwrap();
    let check = |args: &[&str], needles: &[&str]| {
        let output = newsgraph(dir.path(), args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        for needle in needles {
            assert!(
                stderr.contains(needle),
                "{args:?}: {needle:?} not in {stderr}"
            );
        }
    };
    check(
        &["export", "-f", "gexf", "--graph", "missing.json"],
        &["missing.json", "newsgraph build"],
    );
    fs::write(dir.path().join("bad.json"), "{\"nodes\": [}").unwrap();
    check(
        &["export", "-f", "gexf", "--graph", "bad.json"],
        &["bad.json", "not valid JSON"],
    );
    fs::write(dir.path().join("v2.json"), "{\"schema_version\": 2}").unwrap();
    check(
        &["export", "-f", "dot", "--graph", "v2.json"],
        &["v2.json", "schema_version 2"],
    );
    let mut file = hostile_file();
    file.edges[0].source = "person:nobody".into();
    fs::write(
        dir.path().join("dangling.json"),
        serde_json::to_vec(&file).unwrap(),
    )
    .unwrap();
    check(
        &["export", "-f", "graphml", "--graph", "dangling.json"],
        &["dangling.json", "person:nobody"],
    );
    check(&["export", "-f", "svg"], &["svg", "graphml"]);
}

#[test]
fn build_writes_the_formats_asked_for() {
    let dir = TempDir::new().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Defense Secretary Lloyd Austin spoke by phone on Friday with Russian Defense Minister Sergei Shoigu.\n",
    )
    .unwrap();
    let output = newsgraph(
        dir.path(),
        &[
            "build",
            "a.txt",
            "--out",
            "out",
            "--no-render",
            "-q",
            "--format",
            "graphml,gexf",
            "-f",
            "cytoscape",
            "--format",
            "d3",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let mut names: Vec<String> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "graph.cytoscape.json",
            "graph.d3.json",
            "graph.db",
            "graph.dot",
            "graph.gexf",
            "graph.graphml",
            "graph.json"
        ]
    );
    let cytoscape: Value =
        serde_json::from_slice(&fs::read(dir.path().join("out/graph.cytoscape.json")).unwrap())
            .unwrap();
    assert_eq!(cytoscape["elements"]["edges"][0]["data"]["date"], "Friday");
    assert_eq!(
        cytoscape["elements"]["edges"][0]["classes"],
        json!(["call", "happened"])
    );
}
