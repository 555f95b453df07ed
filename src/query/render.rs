//! Rendering an answer: JSON, a plain-text table for a reader, or Graphviz DOT.
//!
//! In: an [`Answer`] and the graph it was answered from (for the names of its entities).
//! Out: bytes on an `io::Write`. Imports only `answer` of `query`.

use std::collections::{BTreeMap, BTreeSet};
use std::io;

use super::answer::{Answer, AnswerKind, EventView};
use crate::graph::{NewsGraph, Status};

/// Writes the answer as pretty-printed JSON, ending with a newline.
pub fn write_json(answer: &Answer, out: &mut dyn io::Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, answer)?;
    out.write_all(b"\n")
}

/// How much of an answer the plain text shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// At most this many rows (entities or events); then a line saying how many more there
    /// are and how to see them. None shows all.
    pub limit: Option<usize>,
    /// No line longer than this many characters (cut with `…`). None leaves lines whole.
    pub width: Option<usize>,
}

/// Writes the answer as plain text: its summary, then a table of entities or of events, all
/// of them and lines whole (see [`write_text_with`]).
pub fn write_text(graph: &NewsGraph, answer: &Answer, out: &mut dyn io::Write) -> io::Result<()> {
    write_text_with(graph, answer, &TextOptions::default(), out)
}

/// Writes the answer as plain text for a reader: at most `options.limit` rows, then how many
/// more and how to see them; a row's dates and articles summarised past three (first, last and
/// how many); no line wider than `options.width`.
pub fn write_text_with(
    graph: &NewsGraph,
    answer: &Answer,
    options: &TextOptions,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    let mut text = Vec::new();
    write_lines(
        graph,
        answer,
        options.limit.unwrap_or(usize::MAX),
        &mut text,
    )?;
    let Some(width) = options.width else {
        return out.write_all(&text);
    };
    for line in String::from_utf8_lossy(&text).lines() {
        if line.chars().count() > width {
            let cut: String = line.chars().take(width.saturating_sub(1)).collect();
            writeln!(out, "{cut}…")?;
        } else {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

pub(super) fn write_lines(
    graph: &NewsGraph,
    answer: &Answer,
    limit: usize,
    out: &mut dyn io::Write,
) -> io::Result<()> {
    writeln!(out, "{}", answer.summary)?;
    let name = |id: &str| {
        graph
            .entity(id)
            .map_or_else(|| id.to_string(), |e| e.name.clone())
    };
    let mut lines = Vec::new();
    match answer.kind {
        AnswerKind::Between | AnswerKind::Timeline => {
            let mut rows = vec![cells(&["DATE", "KIND", "STATUS", "WITH", "ARTICLE"])];
            for event in answer.timeline.iter().take(limit) {
                let others: Vec<String> = event
                    .participants
                    .iter()
                    .filter(|p| !answer.about.contains(p) || answer.kind == AnswerKind::Between)
                    .map(|p| name(p))
                    .collect();
                rows.push(vec![
                    date_text(event),
                    event.kind.as_str().to_string(),
                    event.status.as_str().to_string(),
                    others.join(", "),
                    event.article.clone(),
                ]);
            }
            for (i, line) in table(&rows).into_iter().enumerate() {
                lines.push(line);
                if i > 0 {
                    lines.push(format!("    \"{}\"", answer.timeline[i - 1].evidence));
                }
            }
            let events = answer.timeline.len() + answer.more_events;
            if events > limit {
                lines.push(more_line(events - limit, "event", "events"));
            }
        }
        AnswerKind::Path => {
            for (i, row) in answer.results.iter().enumerate() {
                match row.events.first() {
                    None => lines.push(format!("{} ({})", row.name, row.kind.as_str())),
                    Some(event) => {
                        let more = match row.events.len() {
                            1 => String::new(),
                            n => format!(", and {} more", n - 1),
                        };
                        let previous = &answer.results[i - 1].name;
                        lines.push(format!(
                            "  {} {} of {} and {}, {} ({}{})",
                            date_text(event),
                            event.kind.as_str(),
                            previous,
                            row.name,
                            event.status.as_str(),
                            event.article,
                            more
                        ));
                        lines.push(format!("{} ({})", row.name, row.kind.as_str()));
                    }
                }
            }
        }
        AnswerKind::Partners | AnswerKind::Which | AnswerKind::MostConnected => {
            let ranked = answer.kind == AnswerKind::MostConnected;
            let mut header = vec!["NAME", "KIND"];
            if ranked {
                header.push("PARTNERS");
            }
            header.extend(["CONTACTS", "DATES", "ARTICLES"]);
            let mut rows = vec![cells(&header)];
            for row in answer.results.iter().take(limit) {
                let mut cells = vec![row.name.clone(), row.kind.as_str().to_string()];
                if let Some(partners) = row.partners {
                    cells.push(partners.to_string());
                }
                let dates: Vec<String> = row.events.iter().map(date_text).collect();
                let mut articles: Vec<&str> = Vec::new();
                for event in &row.events {
                    if !articles.contains(&event.article.as_str()) {
                        articles.push(&event.article);
                    }
                }
                cells.extend([
                    row.events.len().to_string(),
                    summarise(&dates, "dates"),
                    summarise(&articles, "articles"),
                ]);
                rows.push(cells);
            }
            lines = table(&rows);
            let rows = answer.results.len() + answer.more_rows;
            if rows > limit {
                lines.push(more_line(rows - limit, "row", "rows"));
            }
        }
    }
    let rows = answer.results.len() + answer.more_rows;
    if rows > 0 || answer.timeline.len() + answer.more_events > 0 {
        for line in lines {
            writeln!(out, "{line}")?;
        }
    }
    for note in &answer.notes {
        writeln!(out, "note: {note}")?;
    }
    Ok(())
}

/// Writes the answer's subgraph as Graphviz DOT: the entities the question names (bold), the
/// answer's entities, and one edge per pair of each event; planned events dashed, denied
/// dotted.
pub fn write_dot(graph: &NewsGraph, answer: &Answer, out: &mut dyn io::Write) -> io::Result<()> {
    let mut events: BTreeMap<&str, &EventView> = BTreeMap::new();
    for event in answer
        .results
        .iter()
        .flat_map(|r| &r.events)
        .chain(&answer.timeline)
    {
        events.insert(&event.id, event);
    }
    let mut nodes: BTreeSet<&str> = answer.about.iter().map(String::as_str).collect();
    nodes.extend(answer.results.iter().map(|r| r.id.as_str()));
    nodes.extend(
        events
            .values()
            .flat_map(|e| e.participants.iter().map(String::as_str)),
    );
    writeln!(out, "graph answer {{")?;
    writeln!(out, "  label=\"{}\";", escape(&answer.question))?;
    writeln!(out, "  node [shape=box];")?;
    for id in &nodes {
        let label = graph.entity(id).map_or(*id, |e| e.name.as_str());
        let bold = if answer.about.iter().any(|a| a == id) {
            ", style=bold"
        } else {
            ""
        };
        writeln!(
            out,
            "  \"{}\" [label=\"{}\"{}];",
            escape(id),
            escape(label),
            bold
        )?;
    }
    for event in events.values() {
        let style = match event.status {
            Status::Happened => "",
            Status::Planned => ", style=dashed",
            Status::Denied => ", style=dotted",
        };
        let label = format!("{} {}", event.kind.as_str(), date_text(event));
        for (a, b) in crate::graph::pairs(&event.participants) {
            writeln!(
                out,
                "  \"{}\" -- \"{}\" [label=\"{}\"{}];",
                escape(a),
                escape(b),
                escape(&label),
                style
            )?;
        }
    }
    writeln!(out, "}}")
}

// Text helpers.

/// Past three items, the first and the last and how many: "2024-01-02 … 2024-05-06 (17 dates)".
pub(super) fn summarise<T: AsRef<str>>(items: &[T], what: &str) -> String {
    match items {
        [] => String::new(),
        [first, .., last] if items.len() > 3 => {
            format!(
                "{} … {} ({} {what})",
                first.as_ref(),
                last.as_ref(),
                items.len()
            )
        }
        _ => items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The line under a table cut short.
pub(super) fn more_line(n: usize, one: &str, many: &str) -> String {
    let what = if n == 1 { one } else { many };
    format!("... {n} more {what}; use --limit N or --all to see them (--json has them all)")
}

pub(super) fn date_text(event: &EventView) -> String {
    match (&event.date_iso, &event.date) {
        (Some(iso), Some(written)) => format!("{iso} ({written})"),
        (None, Some(written)) => written.clone(),
        (Some(iso), None) => iso.clone(),
        (None, None) => "undated".to_string(),
    }
}

pub(super) fn cells(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

/// Lines of a table whose columns are padded to their widest cell; the last is not padded.
pub(super) fn table(rows: &[Vec<String>]) -> Vec<String> {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    rows.iter()
        .map(|row| {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                line.push_str(cell);
                if i + 1 < row.len() {
                    line.push_str(&" ".repeat(widths[i] - cell.chars().count() + 2));
                }
            }
            line
        })
        .collect()
}

/// Escapes a DOT string: quotes, backslashes and line breaks.
pub(super) fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
