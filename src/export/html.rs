//! `graph.html`: one self-contained page that draws the graph and lets a reader explore it
//! offline: drag and zoom, search by name or alias, filter by kind, status and date range,
//! click a node or a line to read its events, evidence sentences and articles. A graph of
//! [`LARGE`] entities or more is laid out here ([`super::layout`]) and drawn by the page on a
//! canvas, so thousands of entities stay fluid; a note says what part of the graph it shows.
//!
//! In: a [`GraphFile`]. Out: an HTML document with everything inline: the page's own CSS and
//! JavaScript (`web/page.css`, `web/page.js`, in this repository), the d3 library (from npm
//! at build time, see `build.rs`) and the graph as JSON in a
//! `<script type="application/json">` block, in which `<`, `>`, `&`, U+2028 and U+2029 are
//! written as `\uXXXX` escapes, so no article text can close the block. The page's script
//! puts article text on the page only as text (`textContent`), never as markup, and a
//! Content-Security-Policy allows only the page's own two scripts (by hash) and no network.

use std::io;

use base64::Engine;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};

use super::json::GraphFile;
use super::view::{edge_attributes, edge_id, node_object, ExportError, View};

const TEMPLATE: &str = include_str!("../../web/page.html");
const STYLE: &str = include_str!("../../web/page.css");
const SCRIPT: &str = include_str!("../../web/page.js");
/// d3's minified build, copied by `build.rs` from `web/node_modules`; empty when npm was not
/// available at build time.
const LIBRARY: &str = include_str!(concat!(env!("OUT_DIR"), "/d3.min.js"));

/// What to tell a user whose binary has no d3.
pub const NO_LIBRARY: &str = "this newsgraph was built without the d3 JavaScript library, so it cannot write HTML; install Node.js with npm, run `npm ci` in the project's web/ folder, and rebuild (`cargo build --release`)";

/// Whether this build can write HTML (it embeds d3).
pub fn available() -> bool {
    !LIBRARY.trim().is_empty()
}

/// Writes the graph file as one self-contained HTML page.
///
/// `note`, when the file is a part of the graph, is shown at the top of the side panel.
pub fn write_html(
    file: &GraphFile,
    note: Option<&str>,
    out: &mut dyn io::Write,
) -> Result<(), ExportError> {
    if !available() {
        return Err(ExportError::Unavailable(NO_LIBRARY.to_string()));
    }
    out.write_all(render(file, note, LIBRARY).as_bytes())?;
    Ok(())
}

fn render(file: &GraphFile, note: Option<&str>, library: &str) -> String {
    let library = inert_script(library);
    let script = inert_script(SCRIPT);
    let csp = format!(
        "default-src 'none'; script-src '{}' '{}'; style-src '{}'; img-src data:; base-uri 'none'; form-action 'none'",
        sha256_source(&library),
        sha256_source(&script),
        sha256_source(STYLE),
    );
    fill(
        TEMPLATE,
        &[
            ("csp", &csp),
            ("generator", &escape_attribute(&file.generator)),
            ("style", STYLE),
            ("data", &script_json(&page_data(file, note))),
            ("library", &library),
            ("script", &script),
        ],
    )
}

/// From this many entities on, the page draws on a canvas, at positions computed here
/// ([`super::layout`]) rather than by d3-force in the browser.
pub const LARGE: usize = 400;

/// The data the page script reads: nodes with their attributes (and positions, for a large
/// graph), and the lines it draws (contacts of one pair, kind and status grouped, each with
/// its events).
fn page_data(file: &GraphFile, note: Option<&str>) -> Value {
    let view = View::new(file);
    let mut nodes: Vec<Value> = view.nodes.iter().map(node_object).collect();
    let large = nodes.len() >= LARGE;
    if large {
        let index: std::collections::HashMap<&str, u32> = view
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (&*n.id, i as u32))
            .collect();
        let lines: Vec<(u32, u32, f64)> = view
            .links
            .iter()
            .filter_map(|link| {
                let weight = if link.is_contact() { 1.0 } else { 0.15 };
                Some((
                    *index.get(link.source())?,
                    *index.get(link.target())?,
                    weight,
                ))
            })
            .collect();
        let positions = super::layout::layout(nodes.len(), &lines);
        for (node, (x, y)) in nodes.iter_mut().zip(positions) {
            // Tenths of a unit are finer than a pixel at any zoom the page allows.
            node["x"] = json!((x * 10.0).round() / 10.0);
            node["y"] = json!((y * 10.0).round() / 10.0);
        }
    }
    let links: Vec<Value> = view
        .links
        .iter()
        .enumerate()
        .map(|(index, link)| {
            let events: Vec<Value> = link
                .edges()
                .into_iter()
                .zip(&link.indices)
                .map(|(edge, &index)| {
                    let mut object = Map::new();
                    object.insert("id".into(), edge_id(index as usize).into());
                    for (name, value) in edge_attributes(edge) {
                        object.insert(name.into(), value.to_json());
                    }
                    Value::Object(object)
                })
                .collect();
            json!({
                "id": format!("l{index}"),
                "source": link.source(),
                "target": link.target(),
                "kind": link.kind(),
                "status": link.status().map(|s| s.as_str()),
                "contact": link.is_contact(),
                "events": events,
            })
        })
        .collect();
    json!({"generator": file.generator, "note": note, "large": large, "nodes": nodes, "links": links})
}

/// JSON that is safe inside a `<script>` element: the characters that could end the element
/// or start markup (`<`, `>`, `&`), and the line separators old JavaScript parsers choke on,
/// are written as `\uXXXX`. They can only occur inside JSON strings, where the escape means
/// the same character.
fn script_json(value: &Value) -> String {
    let text = serde_json::to_string(value).expect("a JSON value always serialises");
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for c in text.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// JavaScript that cannot end its `<script>` element early: `</script` (any case) becomes
/// `<\/script`, which means the same inside the strings, regular expressions and comments
/// where it can occur.
fn inert_script(script: &str) -> String {
    let lower = script.to_ascii_lowercase();
    let mut out = String::with_capacity(script.len());
    let mut last = 0;
    for (at, _) in lower.match_indices("</script") {
        out.push_str(&script[last..at + 1]);
        out.push('\\');
        last = at + 1;
    }
    out.push_str(&script[last..]);
    out
}

/// A CSP source allowing exactly this inline script or style.
fn sha256_source(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn escape_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The template with each `{{name}}` replaced by its value, in one pass over the template,
/// so a value that happens to contain `{{...}}` is never expanded.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out =
        String::with_capacity(template.len() + values.iter().map(|(_, v)| v.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find("{{") {
        let Some(close) = rest[open..].find("}}").map(|k| open + k) else {
            break;
        };
        let name = &rest[open + 2..close];
        out.push_str(&rest[..open]);
        match values.iter().find(|(n, _)| *n == name) {
            Some((_, value)) => out.push_str(value),
            None => out.push_str(&rest[open..close + 2]),
        }
        rest = &rest[close + 2..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let value =
            json!({"evidence": "</script><script>alert('x')</script> & <!-- \u{2028}\u{2029}"});
        let text = script_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        assert!(!text.contains('\u{2028}') && !text.contains('\u{2029}'));
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn inert_script_escapes_closing_tags_only() {
        assert_eq!(inert_script("a('</script>')"), r"a('<\/script>')");
        assert_eq!(
            inert_script("x</SCRIPT y</scripts"),
            r"x<\/SCRIPT y<\/scripts"
        );
        assert_eq!(inert_script("a < b; </div>"), "a < b; </div>");
        assert!(!inert_script(SCRIPT)
            .to_ascii_lowercase()
            .contains("</script"));
    }

    #[test]
    fn large_graphs_come_laid_out_and_small_ones_do_not() {
        use super::super::json::Node;
        use crate::graph::EntityKind;
        let node = |i: usize| Node {
            id: format!("person:p{i:04}").into(),
            kind: EntityKind::Person,
            name: format!("P {i}"),
            aliases: Vec::new(),
            titles: Vec::new(),
            country: None,
            iso: None,
            articles: Vec::new(),
            mentions: 1,
        };
        let mut file = GraphFile {
            schema_version: 1,
            generator: "test".into(),
            nodes: (0..LARGE).map(node).collect(),
            edges: Vec::new(),
            aliases: Vec::new(),
            articles: Vec::new(),
        };
        let data = page_data(&file, Some("shows a part"));
        assert_eq!(data["large"], true);
        assert_eq!(data["note"], "shows a part");
        assert!(data["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|n| n["x"].is_f64() && n["y"].is_f64()));
        file.nodes.truncate(LARGE - 1);
        let data = page_data(&file, None);
        assert_eq!(data["large"], false);
        assert!(data["nodes"][0].get("x").is_none() && data["note"].is_null());
    }

    #[test]
    fn fill_expands_only_the_template() {
        assert_eq!(
            fill("<{{a}}|{{b}}|{{c}}>", &[("a", "{{b}}"), ("b", "2")]),
            "<{{b}}|2|{{c}}>"
        );
    }

    #[test]
    fn the_page_has_its_parts_and_a_strict_policy() {
        let graph = crate::build(
            &crate::Lexicon::builtin(),
            [(
                "a.txt",
                "Gen. Mark Milley met Gen. Valery Gerasimov on Thursday.",
            )],
        );
        let file = super::super::json::to_file(&graph);
        let page = render(&file, None, "window.d3 = {};");
        assert!(!page.contains("{{"), "unfilled template");
        assert!(page.contains("<script type=\"application/json\" id=\"graph-data\">{\""));
        assert!(page.contains("window.d3 = {};"));
        assert!(page.contains("script-src 'sha256-"));
        assert!(!page.contains("unsafe-inline"));
        assert_eq!(
            page,
            render(&file, None, "window.d3 = {};"),
            "not deterministic"
        );
    }
}
