//! Questions to the graph: a question in plain English in, an [`Answer`] out.
//!
//! [`parse`] turns a question ("who spoke to Gerasimov") into a [`Query`]; [`answer`] finds the
//! names it mentions in a [`NewsGraph`] and answers it; [`ask`] does both. An answer is a list of
//! entities, each with the contact events that put it in the answer. It serializes to JSON
//! ([`write_json`]) and renders as a plain-text table ([`write_text`]) or as the answer's
//! subgraph in Graphviz DOT ([`write_dot`]). [`QUESTION_FORMS`] lists the questions understood.
//!
//! Names are found forgivingly: in any case, with or without diacritics, titles ("Gen.") or a
//! demonym ("Russian Gen. Valery Gerasimov"), by surname or first name alone, through every
//! alias an article used, by node id, and with a spelling slip or two on longer names
//! ("Shoygu" finds Shoigu). A name that fits two entities equally well is an error listing
//! them ([`QueryError::Ambiguous`]), never a guess. A country stands for itself and for every
//! person and institution whose `country` is that country.
//!
//! Only events that happened count as contacts. Planned and denied events are shown with
//! their status where a question asks about them ("planned meetings of X", "denied contacts
//! of X", "all contacts of X") and in the answers about one pair ("did X speak to Y").
//!
//! Dates are a best effort. Events carry their date as the article wrote it ("Wednesday",
//! "Nov. 27", "October 2023"); a period filter ("in 2022", "between March 2022 and 2023")
//! places an event by the year in its written date, else by a date in its article's path
//! (`news/2022-03-20/a.txt`): a month without a year takes the article's year (the year
//! before, for a month later than the article's), a weekday or a missing date takes the
//! article's own date. Events that cannot be placed are left out of a period's answer, and
//! the answer says how many. Timelines put placed events first, in date order, then the rest
//! by article, by written month and day, and by position in the article.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::fmt;
use std::io;
use std::sync::OnceLock;

use regex::{Captures, Regex};
use serde::Serialize;

use crate::article::tokenize;
use crate::graph::{ContactKind, Entity, EntityKind, Event, NewsGraph, Status};
use crate::lexicon::{Lexicon, Target};
use crate::resolve::{fold, osa_distance, person_key, slug};

macro_rules! regex {
    ($re:expr) => {{
        static RE: OnceLock<Regex> = OnceLock::new();
        RE.get_or_init(|| Regex::new($re).expect("a valid regex"))
    }};
}
/// Verbs of contact, as a regex alternation; [`verb_kinds`] tells their kinds.
macro_rules! verbs {
    () => {
        "spoke|spoken|speak|speaks|talked|talk|talks|contacted|contact|conferred|confer|held talks|had talks|been in contact|in contact|called|call|calls|phoned|phone|phones|telephoned|telephone|rang|ring|met|meet|meets|visited|visit|visits"
    };
}

/// The questions [`parse`] understands, one a line, for help texts and error messages.
pub const QUESTION_FORMS: &str = "  who spoke to X               also: talked to, contacted (calls and meetings)
  who called X                 also: phoned (calls only)
  who met X                    also: met with (meetings only)
  who did X speak to           also: talk to, call, meet
  who planned to meet X        planned events
  did X speak to Y             also: talk to, call, meet
  contacts between X and Y     also: calls, meetings; planned/denied/all contacts between X and Y
  which Russians spoke to Americans
  X's contacts                 also: contacts of X, timeline of X, meetings of X, calls of X
  planned meetings of X        also: planned contacts, denied contacts, all contacts of X
  path from X to Y             also: path between X and Y, how is X connected to Y
  most connected people        also: institutions, countries; top 5 most connected people
  ... in 2022                  also: between March 2022 and 2023-06-30, since 2021, before 2023
X and Y are people, institutions or countries: \"Gerasimov\", \"Gen. Milley\", \"the United States\"";

/// A question, parsed. Names are kept as written; [`answer`] finds them in the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// "who spoke to X", "who did X meet": the entities X had contact with.
    Partners { name: String, filter: Filter },
    /// "did X speak to Y", "contacts between X and Y": every event between the two.
    Between {
        a: String,
        b: String,
        filter: Filter,
    },
    /// "which Russians spoke to Americans": members of `group` in contact with `other`.
    Which {
        group: String,
        other: String,
        filter: Filter,
    },
    /// "X's contacts", "timeline of X": X's events in date order.
    Timeline { name: String, filter: Filter },
    /// "path from X to Y": the shortest chain of contacts.
    Path {
        from: String,
        to: String,
        filter: Filter,
    },
    /// "most connected people": entities of a kind ranked by their distinct contact partners.
    MostConnected {
        kind: EntityKind,
        limit: usize,
        filter: Filter,
    },
}

/// Which events a question is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub kinds: Vec<ContactKind>,
    pub statuses: Vec<Status>,
    pub period: Option<Period>,
}

/// A calendar day. `day` may be 0 or 32 at the edges of a period, which only compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Day,
    pub to: Day,
}

/// Why a question could not be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("cannot understand {question:?}; ask one of these:\n{QUESTION_FORMS}")]
    Unparsed { question: String },
    #[error("{name:?} could be {}; be more precise", or_list(.candidates))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
    #[error("no one called {name:?} in the graph{}", suggest(.suggestions))]
    Unknown {
        name: String,
        suggestions: Vec<String>,
    },
}

/// What kind of question an answer answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    Partners,
    Between,
    Which,
    Timeline,
    Path,
    MostConnected,
}

/// The answer to a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub question: String,
    pub kind: AnswerKind,
    /// One line saying what was found.
    pub summary: String,
    /// Ids of the entities the question names. Their names are never in `results` unless
    /// they are part of the answer (a path's ends).
    pub about: Vec<String>,
    pub results: Vec<Row>,
    /// Every event of the answer in date order, for timelines and pairs.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<EventView>,
    /// What was left out and how to ask for it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One entity of an answer with the events that put it there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Distinct contact partners, for "most connected".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partners: Option<usize>,
    pub events: Vec<EventView>,
}

/// An event as an answer shows it; participants are node ids.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventView {
    pub id: String,
    pub kind: ContactKind,
    pub status: Status,
    /// The date as written.
    pub date: Option<String>,
    /// The date resolved to ISO 8601, when the article's publication date is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_iso: Option<String>,
    pub evidence: String,
    pub article: String,
    pub participants: Vec<String>,
}

/// Parses a question and answers it from the graph.
pub fn ask(graph: &NewsGraph, question: &str) -> Result<Answer, QueryError> {
    let query = parse(question)?;
    let mut answer = answer(graph, &query)?;
    answer.question = question.trim().to_string();
    Ok(answer)
}

/// Parses a question; see [`QUESTION_FORMS`].
pub fn parse(question: &str) -> Result<Query, QueryError> {
    let text = clean_question(question);
    let (core, period) = split_period(&text);
    let mut query = parse_core(core).ok_or_else(|| QueryError::Unparsed {
        question: question.trim().to_string(),
    })?;
    if period.is_some() {
        query.filter_mut().period = period;
    }
    Ok(query)
}

/// The node ids whose events answer a question, found in a graph of the nodes alone (the
/// entity each name stands for and, for a country, everyone whose country it is): a store
/// reads only those events. None when the answer needs the whole graph (paths, rankings).
/// An error is the one [`answer`] would give.
pub fn focus(names: &NewsGraph, query: &Query) -> Result<Option<Vec<String>>, QueryError> {
    let wanted: Vec<&String> = match query {
        Query::Partners { name, .. } | Query::Timeline { name, .. } => vec![name],
        Query::Between { a, b, .. } => vec![a, b],
        Query::Which { group, other, .. } => vec![group, other],
        Query::Path { .. } | Query::MostConnected { .. } => return Ok(None),
    };
    let finder = Finder::new(names);
    let mut ids = Vec::new();
    for name in wanted {
        let entity = finder.find(name)?;
        ids.extend(side(names, entity).into_iter().map(String::from));
    }
    ids.sort();
    ids.dedup();
    Ok(Some(ids))
}

/// Answers a parsed question from the graph. The answer's `question` is the query rewritten
/// in canonical form.
pub fn answer(graph: &NewsGraph, query: &Query) -> Result<Answer, QueryError> {
    let finder = Finder::new(graph);
    let mut answer = match query {
        Query::Partners { name, filter } => partners(graph, finder.find(name)?, filter),
        Query::Between { a, b, filter } => between(graph, finder.find(a)?, finder.find(b)?, filter),
        Query::Which {
            group,
            other,
            filter,
        } => which(graph, finder.find(group)?, finder.find(other)?, filter),
        Query::Timeline { name, filter } => timeline(graph, finder.find(name)?, filter),
        Query::Path { from, to, filter } => {
            path(graph, finder.find(from)?, finder.find(to)?, filter)
        }
        Query::MostConnected {
            kind,
            limit,
            filter,
        } => most_connected(graph, *kind, *limit, filter),
    };
    answer.question = query.to_string();
    if let Some(period) = query.filter().period {
        let unplaced = graph
            .events()
            .iter()
            .filter(|e| query.filter().admits_ignoring_period(e) && event_span(e).is_none())
            .count();
        if unplaced > 0 {
            answer.notes.push(format!(
                "{unplaced} events of the graph could not be placed {period} and were left out"
            ));
        }
    }
    Ok(answer)
}

/// Writes the answer as pretty-printed JSON, ending with a newline.
/// Finds the one entity a name stands for, as questions do: forgivingly (surnames, no
/// diacritics or titles, small spelling variants), failing on an unknown or ambiguous name.
pub fn find_entity<'g>(graph: &'g NewsGraph, name: &str) -> Result<&'g Entity, QueryError> {
    Finder::new(graph).find(name)
}

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

fn write_lines(
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
            if answer.timeline.len() > limit {
                lines.push(more_line(answer.timeline.len() - limit, "event", "events"));
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
            if answer.results.len() > limit {
                lines.push(more_line(answer.results.len() - limit, "row", "rows"));
            }
        }
    }
    if !answer.results.is_empty() || !answer.timeline.is_empty() {
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

impl Query {
    pub fn filter(&self) -> &Filter {
        match self {
            Query::Partners { filter, .. }
            | Query::Between { filter, .. }
            | Query::Which { filter, .. }
            | Query::Timeline { filter, .. }
            | Query::Path { filter, .. }
            | Query::MostConnected { filter, .. } => filter,
        }
    }

    fn filter_mut(&mut self) -> &mut Filter {
        match self {
            Query::Partners { filter, .. }
            | Query::Between { filter, .. }
            | Query::Which { filter, .. }
            | Query::Timeline { filter, .. }
            | Query::Path { filter, .. }
            | Query::MostConnected { filter, .. } => filter,
        }
    }
}

impl fmt::Display for Query {
    /// The question in a canonical form that [`parse`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let filter = self.filter();
        let prefix = filter.status_prefix();
        match self {
            Query::Partners { name, .. } => {
                let verb = match filter.kinds.as_slice() {
                    [ContactKind::Call] => "called",
                    [ContactKind::Meeting] => "met",
                    _ => "spoke to",
                };
                let base = match filter.kinds.as_slice() {
                    [ContactKind::Call] => "call",
                    [ContactKind::Meeting] => "meet",
                    _ => "speak to",
                };
                match filter.statuses.as_slice() {
                    [Status::Planned] => write!(f, "who planned to {base} {name}"),
                    [Status::Denied] => write!(f, "who did not {base} {name}"),
                    _ => write!(f, "who {verb} {name}"),
                }
            }
            Query::Between { a, b, .. } => {
                write!(f, "{prefix}{} between {a} and {b}", filter.kinds_noun())
            }
            Query::Which { group, other, .. } => {
                let verb = match filter.kinds.as_slice() {
                    [ContactKind::Call] => "called",
                    [ContactKind::Meeting] => "met",
                    _ => "spoke to",
                };
                write!(f, "which {group} {verb} {other}")
            }
            Query::Timeline { name, .. } => write!(f, "{prefix}{} of {name}", filter.kinds_noun()),
            Query::Path { from, to, .. } => write!(f, "path from {from} to {to}"),
            Query::MostConnected { kind, limit, .. } => {
                let kind = match kind {
                    EntityKind::Person => "people",
                    EntityKind::Institution => "institutions",
                    EntityKind::Country => "countries",
                };
                write!(f, "top {limit} most connected {kind}")
            }
        }?;
        if let Some(period) = filter.period {
            write!(f, " {period}")?;
        }
        Ok(())
    }
}

impl Filter {
    /// Calls and meetings that happened.
    pub fn contacts() -> Filter {
        Filter {
            kinds: vec![ContactKind::Call, ContactKind::Meeting],
            statuses: vec![Status::Happened],
            period: None,
        }
    }

    /// Does the event pass the filter?
    pub fn admits(&self, event: &Event) -> bool {
        self.admits_ignoring_period(event)
            && self
                .period
                .is_none_or(|p| event_span(event).is_some_and(|s| p.overlaps(&s)))
    }

    fn admits_ignoring_period(&self, event: &Event) -> bool {
        self.kinds.contains(&event.kind) && self.statuses.contains(&event.status)
    }

    fn kinds_noun(&self) -> &'static str {
        match self.kinds.as_slice() {
            [ContactKind::Call] => "calls",
            [ContactKind::Meeting] => "meetings",
            _ => "contacts",
        }
    }

    /// "calls and meetings", "planned meetings", "happened, planned or denied calls".
    fn describe(&self) -> String {
        let kinds = match self.kinds.as_slice() {
            [ContactKind::Call] => "calls",
            [ContactKind::Meeting] => "meetings",
            _ => "calls and meetings",
        };
        let statuses: Vec<&str> = self.statuses.iter().map(|s| s.as_str()).collect();
        let statuses = match statuses.as_slice() {
            [one] => one.to_string(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
            [] => String::new(),
        };
        format!("{statuses} {kinds}")
    }

    /// " in 2022", or nothing without a period.
    fn period_text(&self) -> String {
        self.period.map(|p| format!(" {p}")).unwrap_or_default()
    }

    fn status_prefix(&self) -> &'static str {
        match self.statuses.as_slice() {
            [Status::Happened] => "",
            [Status::Planned] => "planned ",
            [Status::Denied] => "denied ",
            _ => "all ",
        }
    }
}

impl Day {
    const MIN: Day = Day {
        year: 0,
        month: 0,
        day: 0,
    };
    const MAX: Day = Day {
        year: u16::MAX,
        month: u8::MAX,
        day: u8::MAX,
    };
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year,
            self.month,
            self.day.clamp(1, 31)
        )
    }
}

impl Period {
    pub fn overlaps(&self, other: &Period) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    fn span(year: u16, month: Option<u8>, day: Option<u8>) -> Period {
        match (month, day) {
            (Some(m), Some(d)) => Period {
                from: Day {
                    year,
                    month: m,
                    day: d,
                },
                to: Day {
                    year,
                    month: m,
                    day: d,
                },
            },
            (Some(m), None) => Period {
                from: Day {
                    year,
                    month: m,
                    day: 1,
                },
                to: Day {
                    year,
                    month: m,
                    day: 31,
                },
            },
            _ => Period {
                from: Day {
                    year,
                    month: 1,
                    day: 1,
                },
                to: Day {
                    year,
                    month: 12,
                    day: 31,
                },
            },
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (from, to) = (self.from, self.to);
        if from.year == to.year && (from.month, from.day, to.month, to.day) == (1, 1, 12, 31) {
            return write!(f, "in {}", from.year);
        }
        if (from.year, from.month) == (to.year, to.month) && (from.day, to.day) == (1, 31) {
            return write!(f, "in {:04}-{:02}", from.year, from.month);
        }
        // Day 32 and day 0 stand just after and just before a month.
        let start = |f: &mut fmt::Formatter<'_>| {
            if from.day > 31 {
                write!(f, "after {from}")
            } else {
                write!(f, "since {from}")
            }
        };
        let end = |f: &mut fmt::Formatter<'_>| {
            if to.day == 0 {
                write!(f, "before {:04}-{:02}-01", to.year, to.month)
            } else {
                write!(f, "until {to}")
            }
        };
        match (from == Day::MIN, to == Day::MAX) {
            (true, true) => write!(f, "at any time"),
            (true, false) => end(f),
            (false, true) => start(f),
            (false, false) if from == to => write!(f, "on {from}"),
            (false, false) if (from.day, to.day) == (1, 31) => write!(
                f,
                "between {:04}-{:02} and {:04}-{:02}",
                from.year, from.month, to.year, to.month
            ),
            (false, false) => write!(f, "between {from} and {to}"),
        }
    }
}

// Answers.

fn partners(graph: &NewsGraph, entity: &Entity, filter: &Filter) -> Answer {
    let side = side(graph, entity);
    let mut found: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for event in graph.events().iter().filter(|e| filter.admits(e)) {
        if !event.participants.iter().any(|p| side.contains(p.as_ref())) {
            continue;
        }
        for p in event
            .participants
            .iter()
            .filter(|p| !side.contains(p.as_ref()))
        {
            found.entry(p).or_default().push(event);
        }
    }
    let results = rows(graph, found);
    let members = if entity.kind == EntityKind::Country {
        format!(" (or anyone whose country is {})", entity.name)
    } else {
        String::new()
    };
    let summary = format!(
        "{} had {} with {}{members}{}",
        count(results.len(), "entity", "entities"),
        filter.describe(),
        entity.name,
        filter.period_text()
    );
    let mut answer = new_answer(
        AnswerKind::Partners,
        summary,
        vec![entity.id.to_string()],
        results,
    );
    answer.notes.extend(left_out(
        graph,
        &side,
        filter,
        &format!("all contacts of {}", entity.name),
    ));
    answer
}

fn between(graph: &NewsGraph, a: &Entity, b: &Entity, filter: &Filter) -> Answer {
    let (side_a, side_b) = (side(graph, a), side(graph, b));
    let mut found: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    let mut events = Vec::new();
    for (event, met) in contacts_across(graph, &side_b, &side_a, filter) {
        for q in met {
            found.entry(q).or_default().push(event);
        }
        events.push(event);
    }
    sort_events(&mut events);
    let happened = events
        .iter()
        .filter(|e| e.status == Status::Happened)
        .count();
    let pair = format!("{} and {}", a.name, b.name);
    let period = filter.period_text();
    let summary = if filter.statuses.contains(&Status::Happened) {
        let contacts = Filter {
            statuses: vec![Status::Happened],
            ..filter.clone()
        }
        .describe();
        let others = events.len() - happened;
        let others = if others > 0 {
            format!(
                " (and {} planned or denied)",
                count(others, "event", "events")
            )
        } else {
            String::new()
        };
        match happened {
            0 => format!(
                "no: no {} between {pair}{period}{others}",
                singular(&contacts)
            ),
            n => format!(
                "yes: {} between {pair}{period}{others}",
                count(n, &singular(&contacts), &contacts)
            ),
        }
    } else {
        format!(
            "{} between {pair}{period}",
            count(
                events.len(),
                &singular(&filter.describe()),
                &filter.describe()
            )
        )
    };
    let mut answer = new_answer(
        AnswerKind::Between,
        summary,
        vec![a.id.to_string(), b.id.to_string()],
        rows(graph, found),
    );
    answer.timeline = events.into_iter().map(view).collect();
    answer
}

fn which(graph: &NewsGraph, group: &Entity, other: &Entity, filter: &Filter) -> Answer {
    let mut side_group = side(graph, group);
    if group.kind == EntityKind::Country {
        side_group.remove(group.id.as_ref());
    }
    let side_other = side(graph, other);
    let mut found: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for (event, met) in contacts_across(graph, &side_group, &side_other, filter) {
        for p in met {
            found.entry(p).or_default().push(event);
        }
    }
    let results = rows(graph, found);
    let summary = format!(
        "{} of {} had {} with {}{}",
        count(results.len(), "entity", "entities"),
        group.name,
        filter.describe(),
        other.name,
        filter.period_text()
    );
    new_answer(
        AnswerKind::Which,
        summary,
        vec![group.id.to_string(), other.id.to_string()],
        results,
    )
}

fn timeline(graph: &NewsGraph, entity: &Entity, filter: &Filter) -> Answer {
    let side = side(graph, entity);
    let mut events: Vec<&Event> = graph
        .events()
        .iter()
        .filter(|e| filter.admits(e) && e.participants.iter().any(|p| side.contains(p.as_ref())))
        .collect();
    sort_events(&mut events);
    let mut found: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for event in &events {
        for p in event
            .participants
            .iter()
            .filter(|p| !side.contains(p.as_ref()))
        {
            found.entry(p).or_default().push(event);
        }
    }
    let summary = format!(
        "{} of {}{}",
        count(
            events.len(),
            &singular(&filter.describe()),
            &filter.describe()
        ),
        entity.name,
        filter.period_text()
    );
    let mut answer = new_answer(
        AnswerKind::Timeline,
        summary,
        vec![entity.id.to_string()],
        rows(graph, found),
    );
    answer.timeline = events.into_iter().map(view).collect();
    answer.notes.extend(left_out(
        graph,
        &side,
        filter,
        &format!("all contacts of {}", entity.name),
    ));
    answer
}

fn path(graph: &NewsGraph, from: &Entity, to: &Entity, filter: &Filter) -> Answer {
    let mut neighbours: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for event in graph.events().iter().filter(|e| filter.admits(e)) {
        for (a, b) in crate::graph::pairs(&event.participants) {
            neighbours.entry(a).or_default().insert(b);
            neighbours.entry(b).or_default().insert(a);
        }
    }
    let mut parent: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([from.id.as_ref()]);
    parent.insert(&from.id, "");
    while let Some(node) = queue.pop_front() {
        if *node == *to.id {
            break;
        }
        for &next in neighbours.get(node).into_iter().flatten() {
            if !parent.contains_key(next) {
                parent.insert(next, node);
                queue.push_back(next);
            }
        }
    }
    let about = vec![from.id.to_string(), to.id.to_string()];
    if !parent.contains_key(to.id.as_ref()) {
        let summary = format!(
            "no chain of {} links {} and {}{}",
            filter.describe(),
            from.name,
            to.name,
            filter.period_text()
        );
        return new_answer(AnswerKind::Path, summary, about, Vec::new());
    }
    let mut chain = vec![to.id.as_ref()];
    while let Some(&previous) = parent.get(chain[chain.len() - 1]).filter(|p| !p.is_empty()) {
        chain.push(previous);
    }
    chain.reverse();
    let mut results = Vec::new();
    for (i, id) in chain.iter().enumerate() {
        let mut events: Vec<&Event> = match i {
            0 => Vec::new(),
            _ => graph
                .events()
                .iter()
                .filter(|e| {
                    filter.admits(e)
                        && e.participants.iter().any(|p| **p == **id)
                        && e.participants.iter().any(|p| **p == *chain[i - 1])
                })
                .collect(),
        };
        sort_events(&mut events);
        results.push(row(graph, id, &events));
    }
    let steps = chain.len() - 1;
    let summary = format!(
        "{} to {} in {} of {}{}",
        from.name,
        to.name,
        count(steps, "step", "steps"),
        filter.describe(),
        filter.period_text()
    );
    new_answer(AnswerKind::Path, summary, about, results)
}

fn most_connected(graph: &NewsGraph, kind: EntityKind, limit: usize, filter: &Filter) -> Answer {
    let mut partners: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut events: BTreeMap<&str, Vec<&Event>> = BTreeMap::new();
    for event in graph.events().iter().filter(|e| filter.admits(e)) {
        for p in &event.participants {
            partners.entry(p).or_default().extend(
                event
                    .participants
                    .iter()
                    .filter(|q| *q != p)
                    .map(AsRef::as_ref),
            );
            events.entry(p).or_default().push(event);
        }
    }
    let mut results: Vec<Row> = events
        .into_iter()
        .filter(|(id, _)| graph.entity(id).is_some_and(|e| e.kind == kind))
        .map(|(id, mut events)| {
            sort_events(&mut events);
            let mut row = row(graph, id, &events);
            row.partners = Some(partners[id].len());
            row
        })
        .collect();
    results.sort_by(|a, b| {
        b.partners
            .cmp(&a.partners)
            .then(b.events.len().cmp(&a.events.len()))
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    let total = results.len();
    results.truncate(limit);
    let kinds = match kind {
        EntityKind::Person => "people",
        EntityKind::Institution => "institutions",
        EntityKind::Country => "countries",
    };
    let ranked = format!(
        "by distinct partners in {}{}",
        filter.describe(),
        filter.period_text()
    );
    let summary = match results.len() {
        n if n < total => format!("the {n} most connected of {total} {kinds}, {ranked}"),
        n => format!("{n} {kinds}, {ranked}"),
    };
    new_answer(AnswerKind::MostConnected, summary, Vec::new(), results)
}

/// A note on the events of a side that the filter's statuses left out.
fn left_out(
    graph: &NewsGraph,
    side: &BTreeSet<&str>,
    filter: &Filter,
    ask: &str,
) -> Option<String> {
    if filter.statuses.len() == 3 {
        return None;
    }
    let mut counts: BTreeMap<Status, usize> = BTreeMap::new();
    for event in graph.events() {
        let other = Filter {
            statuses: vec![event.status],
            ..filter.clone()
        };
        if !filter.statuses.contains(&event.status)
            && other.admits(event)
            && event.participants.iter().any(|p| side.contains(p.as_ref()))
        {
            *counts.entry(event.status).or_default() += 1;
        }
    }
    if counts.is_empty() {
        return None;
    }
    let parts: Vec<String> = counts
        .iter()
        .map(|(status, n)| format!("{n} {}", status.as_str()))
        .collect();
    Some(format!(
        "{} not counted; ask \"{ask}\" to see them",
        count_parts(&parts)
    ))
}

fn count_parts(parts: &[String]) -> String {
    let n: usize = parts
        .iter()
        .filter_map(|p| p.split(' ').next()?.parse::<usize>().ok())
        .sum();
    format!(
        "{} {}",
        parts.join(" and "),
        if n == 1 { "event" } else { "events" }
    )
}

/// The ids an entity stands for: a country with its people and institutions, else itself.
/// Each event `filter` admits in which someone of `near` met someone of `far`, with those of
/// `near` who did (in order of participants).
fn contacts_across<'g>(
    graph: &'g NewsGraph,
    near: &BTreeSet<&str>,
    far: &BTreeSet<&str>,
    filter: &Filter,
) -> Vec<(&'g Event, Vec<&'g str>)> {
    graph
        .events()
        .iter()
        .filter(|e| filter.admits(e))
        .filter_map(|event| {
            let met: Vec<&str> = event
                .participants
                .iter()
                .filter(|p| near.contains(p.as_ref()))
                .filter(|p| {
                    event
                        .participants
                        .iter()
                        .any(|q| q != *p && far.contains(q.as_ref()))
                })
                .map(|p| p.as_ref())
                .collect();
            (!met.is_empty()).then_some((event, met))
        })
        .collect()
}

fn side<'g>(graph: &'g NewsGraph, entity: &'g Entity) -> BTreeSet<&'g str> {
    let mut side = BTreeSet::from([entity.id.as_ref()]);
    if entity.kind == EntityKind::Country {
        side.extend(
            graph
                .entities()
                .filter(|e| e.country.as_deref() == Some(entity.id.as_ref()))
                .map(|e| e.id.as_ref()),
        );
    }
    side
}

/// Rows of entities with their events, most events first.
fn rows(graph: &NewsGraph, found: BTreeMap<&str, Vec<&Event>>) -> Vec<Row> {
    let mut rows: Vec<Row> = found
        .into_iter()
        .map(|(id, mut events)| {
            events.dedup_by(|a, b| a.id == b.id);
            sort_events(&mut events);
            row(graph, id, &events)
        })
        .collect();
    rows.sort_by(|a, b| {
        b.events
            .len()
            .cmp(&a.events.len())
            .then(a.name.cmp(&b.name))
            .then(a.id.cmp(&b.id))
    });
    rows
}

fn row(graph: &NewsGraph, id: &str, events: &[&Event]) -> Row {
    let (name, kind) = graph
        .entity(id)
        .map_or((id.to_string(), EntityKind::Person), |e| {
            (e.name.clone(), e.kind)
        });
    Row {
        id: id.to_string(),
        name,
        kind,
        partners: None,
        events: events.iter().map(|e| view(e)).collect(),
    }
}

fn view(event: &Event) -> EventView {
    EventView {
        id: event.id.to_string(),
        kind: event.kind,
        status: event.status,
        date: event.date.clone(),
        date_iso: event.date_iso.clone(),
        evidence: event.evidence.text.to_string(),
        article: event.evidence.article.to_string(),
        participants: event.participants.iter().map(|p| p.to_string()).collect(),
    }
}

fn new_answer(kind: AnswerKind, summary: String, about: Vec<String>, results: Vec<Row>) -> Answer {
    Answer {
        question: String::new(),
        kind,
        summary,
        about,
        results,
        timeline: Vec::new(),
        notes: Vec::new(),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "happened calls and meetings" -> "happened call or meeting".
fn singular(plural: &str) -> String {
    plural
        .replace("calls and meetings", "call or meeting")
        .replace("calls", "call")
        .replace("meetings", "meeting")
}

// Dates.

/// Timeline order: placed events by date, then by article, written month and day, position.
fn sort_events(events: &mut [&Event]) {
    events.sort_by_cached_key(|e| {
        let written = e.date.as_deref().map(parse_written).unwrap_or_default();
        let month_day = written.month.map_or(u16::MAX, |m| {
            u16::from(m) * 100 + u16::from(written.day.unwrap_or(99))
        });
        let position =
            e.id.rsplit_once('#')
                .and_then(|(_, n)| n.parse::<usize>().ok())
                .unwrap_or(0);
        (
            event_span(e).map_or(Day::MAX, |s| s.from),
            e.evidence.article.clone(),
            month_day,
            position,
            e.id.clone(),
        )
    });
}

/// The days an ISO date covers: `2024-03-13`, `2024-W10`, `2024-03` or `2024`.
fn iso_span(iso: &str) -> Option<Period> {
    use chrono::{Datelike, NaiveDate, Weekday};
    let day = |d: NaiveDate| Day {
        year: d.year() as u16,
        month: d.month() as u8,
        day: d.day() as u8,
    };
    if let Some((year, week)) = iso.split_once("-W") {
        let monday =
            NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, Weekday::Mon)?;
        let sunday = monday.checked_add_signed(chrono::Duration::days(6))?;
        return Some(Period {
            from: day(monday),
            to: day(sunday),
        });
    }
    let mut parts = iso.split('-').map(|p| p.parse::<u16>().ok());
    let year = parts.next()??;
    let month = parts.next().flatten().map(|m| m as u8);
    let date = parts.next().flatten().map(|d| d as u8);
    Some(Period::span(year, month, month.and(date)))
}

/// A date as written, in parts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Written {
    year: Option<u16>,
    month: Option<u8>,
    day: Option<u8>,
}

/// When an event took place: its resolved ISO date when the article's publication date was
/// known, else as far as its written date and its article's path tell.
fn event_span(event: &Event) -> Option<Period> {
    if let Some(span) = event.date_iso.as_deref().and_then(iso_span) {
        return Some(span);
    }
    let written = event.date.as_deref().map(parse_written).unwrap_or_default();
    if let Some(year) = written.year {
        return Some(Period::span(
            year,
            written.month,
            written.month.and(written.day),
        ));
    }
    let article = article_date(&event.evidence.article)?;
    let article_year = article.year?;
    if let Some(month) = written.month {
        let year = if article.month.is_some_and(|m| month > m) {
            article_year - 1
        } else {
            article_year
        };
        return Some(Period::span(year, Some(month), written.day));
    }
    Some(Period::span(
        article_year,
        article.month,
        article.month.and(article.day),
    ))
}

/// "Nov. 27" -> month 11, day 27; "October 2023" -> year 2023, month 10.
fn parse_written(text: &str) -> Written {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut written = Written::default();
    let day = |w: &str| {
        w.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u8>()
            .ok()
            .filter(|d| (1..=31).contains(d) && w.len() <= 4)
    };
    for (i, word) in words.iter().enumerate() {
        if word.len() == 4 {
            if let Ok(year) = word.parse::<u16>() {
                if (1800..=2100).contains(&year) {
                    written.year = Some(year);
                }
            }
        }
        if written.month.is_none() {
            if let Some(month) = month_number(word) {
                written.month = Some(month);
                written.day = words
                    .get(i + 1)
                    .and_then(|w| day(w))
                    .or_else(|| i.checked_sub(1).and_then(|j| day(words[j])));
            }
        }
    }
    written
}

/// A date in an article's path: `2022-03-20`, `2022-03` or a lone year as a path part.
fn article_date(path: &str) -> Option<Written> {
    let re =
        regex!(r"(?:^|[^0-9A-Za-z])((?:19|20)\d\d)(?:[-_/](\d\d)(?:[-_/](\d\d))?)?(?:[^0-9]|$)");
    let captures = re.captures(path)?;
    let number = |i: usize| captures.get(i).and_then(|m| m.as_str().parse::<u16>().ok());
    let month = number(2)
        .and_then(|m| u8::try_from(m).ok())
        .filter(|m| (1..=12).contains(m));
    let day = number(3)
        .and_then(|d| u8::try_from(d).ok())
        .filter(|d| (1..=31).contains(d));
    Some(Written {
        year: number(1),
        month,
        day: month.and(day),
    })
}

fn month_number(word: &str) -> Option<u8> {
    crate::time::month_number(word).map(|m| m as u8)
}

/// A date in a question: "2022", "2022-03", "2022-03-01", "March 2022", "March 1, 2022",
/// "1 March 2022".
fn parse_bound(text: &str) -> Option<Period> {
    let text = text.trim();
    if let Some(c) = regex!(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$").captures(text) {
        let year: u16 = c[1].parse().ok()?;
        let month = c
            .get(2)
            .map(|m| m.as_str().parse::<u8>())
            .transpose()
            .ok()?;
        let day = c
            .get(3)
            .map(|m| m.as_str().parse::<u8>())
            .transpose()
            .ok()?;
        return valid(year, month, day);
    }
    let written = parse_written(text);
    let words = fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    let expected = 1 + usize::from(written.month.is_some()) + usize::from(written.day.is_some());
    if words != expected || written.month.is_none() {
        return None;
    }
    valid(written.year?, written.month, written.day)
}

fn valid(year: u16, month: Option<u8>, day: Option<u8>) -> Option<Period> {
    let ok = (1000..=9999).contains(&year)
        && month.is_none_or(|m| (1..=12).contains(&m))
        && day.is_none_or(|d| (1..=31).contains(&d));
    ok.then(|| Period::span(year, month, day))
}

/// Splits a period off the end of a question: "... in 2022", "... between A and B",
/// "... from A to B", "... since A", "... before A", "... until A".
fn split_period(text: &str) -> (&str, Option<Period>) {
    fn head<'t>(c: &Captures<'t>) -> &'t str {
        c.get(1).map_or("", |m| m.as_str()).trim_end_matches(',')
    }
    for re in [
        regex!(r"(?i)^(.*\S)\s+between\s+(.+?)\s+and\s+(.+)$"),
        regex!(r"(?i)^(.*\S)\s+from\s+(.+?)\s+(?:to|until|till)\s+(.+)$"),
    ] {
        if let Some(c) = re.captures(text) {
            if let (Some(a), Some(b)) = (parse_bound(&c[2]), parse_bound(&c[3])) {
                return (
                    head(&c),
                    Some(Period {
                        from: a.from,
                        to: b.to,
                    }),
                );
            }
        }
    }
    if let Some(c) =
        regex!(r"(?i)^(.*\S)\s+(in|during|since|after|before|until)\s+(.+)$").captures(text)
    {
        if let Some(bound) = parse_bound(&c[3]) {
            let period = match c[2].to_lowercase().as_str() {
                "since" => Period {
                    from: bound.from,
                    to: Day::MAX,
                },
                "after" => Period {
                    from: Day {
                        day: bound.to.day + 1,
                        ..bound.to
                    },
                    to: Day::MAX,
                },
                "before" => Period {
                    from: Day::MIN,
                    to: Day {
                        day: bound.from.day - 1,
                        ..bound.from
                    },
                },
                "until" => Period {
                    from: Day::MIN,
                    to: bound.to,
                },
                _ => bound,
            };
            return (head(&c), Some(period));
        }
    }
    (text, None)
}

// Parsing.

fn verb_kinds(verb: &str) -> Vec<ContactKind> {
    let verb = verb.to_lowercase();
    if ["call", "phone", "rang", "ring"]
        .iter()
        .any(|w| verb.contains(w))
    {
        vec![ContactKind::Call]
    } else if ["met", "meet", "visit"].iter().any(|w| verb.contains(w)) {
        vec![ContactKind::Meeting]
    } else {
        vec![ContactKind::Call, ContactKind::Meeting]
    }
}

/// Kinds named by a plural noun: "calls", "meetings", "contacts".
fn noun_kinds(noun: &str) -> Vec<ContactKind> {
    let noun = noun.to_lowercase();
    if noun.starts_with("call") {
        vec![ContactKind::Call]
    } else if noun.starts_with("meeting") {
        vec![ContactKind::Meeting]
    } else {
        vec![ContactKind::Call, ContactKind::Meeting]
    }
}

/// Statuses named by a prefix word: "planned", "denied", "all"; `default` without one.
fn prefix_statuses(prefix: Option<&str>, default: &[Status]) -> Vec<Status> {
    match prefix.map(str::to_lowercase).as_deref() {
        Some("planned") => vec![Status::Planned],
        Some("denied") => vec![Status::Denied],
        Some("all") => vec![Status::Happened, Status::Planned, Status::Denied],
        _ => default.to_vec(),
    }
}

const ALL_STATUSES: &[Status] = &[Status::Happened, Status::Planned, Status::Denied];

fn clean_question(question: &str) -> String {
    let text = question.replace('’', "'");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    text.trim_end_matches(['?', '!', '.', ' ']).to_string()
}

/// A name as written in a question, without a leading "the", quotes or a possessive.
fn clean_name(name: &str) -> String {
    let name = name.trim().trim_matches(['"', '\'', ',']).trim();
    let name = regex!(r"(?i)^the\s+").replace(name, "");
    let name = name.strip_suffix("'s").unwrap_or(&name);
    name.trim().to_string()
}

fn parse_core(text: &str) -> Option<Query> {
    let name = |c: &Captures<'_>, i: usize| clean_name(&c[i]);
    let with = |kinds: Vec<ContactKind>, statuses: Vec<Status>| Filter {
        kinds,
        statuses,
        period: None,
    };
    let statuses = |c: &Captures<'_>, i: usize, default: &[Status]| {
        prefix_statuses(c.get(i).map(|m| m.as_str()), default)
    };
    // "who spoke to X", "who planned to meet X", "who did not meet X": the prefix says
    // which events count.
    static WHO_VERB: OnceLock<[(Regex, Status); 3]> = OnceLock::new();
    let who_verb = WHO_VERB.get_or_init(|| {
        let form = |prefix: &str| {
            let pattern = format!(r"(?i)^{prefix}({})(?:\s+(?:to|with))?\s+(.+)$", verbs!());
            Regex::new(&pattern).expect("a valid regex")
        };
        [
            (form(r"who(?:m)?\s+(?:has\s+|have\s+|had\s+)?"), Status::Happened),
            (form(r"who\s+(?:planned|plans|was\s+to|is\s+to|agreed|proposed|wanted|wants|was\s+going|is\s+going)\s+to\s+"), Status::Planned),
            (form(r"who\s+(?:did\s+not|didn't|never|refused\s+to|declined\s+to)\s+"), Status::Denied),
        ]
    });
    for (pattern, status) in who_verb {
        if let Some(c) = pattern.captures(text) {
            return Some(Query::Partners {
                name: name(&c, 2),
                filter: with(verb_kinds(&c[1]), vec![*status]),
            });
        }
    }
    if let Some(c) = regex!(concat!(
        r"(?i)^who(?:m)?\s+(?:did|has|had|have|does|do)\s+(.+?)\s+(",
        verbs!(),
        r")(?:\s+(?:to|with))?$"
    ))
    .captures(text)
    {
        return Some(Query::Partners {
            name: name(&c, 1),
            filter: with(verb_kinds(&c[2]), vec![Status::Happened]),
        });
    }
    if let Some(c) = regex!(concat!(
        r"(?i)^(?:did|has|have|had|does|do)\s+(.+?)\s+(?:ever\s+)?(",
        verbs!(),
        r")(?:\s+(?:to|with))?\s+(.+)$"
    ))
    .captures(text)
    {
        return Some(Query::Between {
            a: name(&c, 1),
            b: name(&c, 3),
            filter: with(verb_kinds(&c[2]), ALL_STATUSES.to_vec()),
        });
    }
    if let Some(c) = regex!(r"(?i)^(?:(?:the\s+)?(?:shortest\s+)?(?:path|chain|route|connection)\s+between\s+(.+?)\s+and\s+(.+)|(?:the\s+)?(?:shortest\s+)?(?:path|chain|route|connection)\s+from\s+(.+?)\s+to\s+(.+)|how\s+(?:is|are|was|were)\s+(.+?)\s+(?:connected|linked)\s+(?:to|with)\s+(.+))$").captures(text) {
        let (from, to) = [(1, 2), (3, 4), (5, 6)].into_iter().find(|(i, _)| c.get(*i).is_some())?;
        return Some(Query::Path { from: name(&c, from), to: name(&c, to), filter: Filter::contacts() });
    }
    if let Some(c) = regex!(r"(?i)^(?:(planned|denied|all)\s+)?(contacts?|calls?|meetings?|talks|events|conversations?)\s+between\s+(.+?)\s+and\s+(.+)$").captures(text) {
        let filter = with(noun_kinds(&c[2]), statuses(&c, 1, ALL_STATUSES));
        return Some(Query::Between { a: name(&c, 3), b: name(&c, 4), filter });
    }
    if let Some(c) = regex!(concat!(
        r"(?i)^which\s+(.+?)\s+(?:have\s+|has\s+|had\s+)?(",
        verbs!(),
        r")(?:\s+(?:to|with))?\s+(.+)$"
    ))
    .captures(text)
    {
        return Some(Query::Which {
            group: name(&c, 1),
            other: name(&c, 3),
            filter: with(verb_kinds(&c[2]), vec![Status::Happened]),
        });
    }
    if let Some(c) = regex!(r"(?i)^(?:(planned|denied|all)\s+)?(contacts|calls|meetings|events|talks|timeline|history)\s+(?:of|for|with)\s+(.+)$").captures(text) {
        return Some(Query::Timeline { name: name(&c, 3), filter: with(noun_kinds(&c[2]), statuses(&c, 1, &[Status::Happened])) });
    }
    if let Some(c) = regex!(r"(?i)^(.+?)(?:'s|')\s+(?:(planned|denied|all)\s+)?(contacts|calls|meetings|events|talks|timeline|history)$").captures(text) {
        return Some(Query::Timeline { name: name(&c, 1), filter: with(noun_kinds(&c[3]), statuses(&c, 2, &[Status::Happened])) });
    }
    if let Some(c) = regex!(r"(?i)^(?:(?:who|which\s+\w+)\s+(?:is|are)\s+)?(?:the\s+)?(?:top\s+(\d+)\s+)?(?:most|best)[\s-]+connected(?:\s+(\w+))?$").captures(text) {
        let limit = c.get(1).map_or(Some(10), |m| m.as_str().parse().ok())?;
        let kind = match c.get(2).map(|m| m.as_str().to_lowercase()).as_deref() {
            None | Some("people" | "persons" | "person") => EntityKind::Person,
            Some("institutions" | "institution" | "organisations" | "organizations") => EntityKind::Institution,
            Some("countries" | "country") => EntityKind::Country,
            Some(_) => return None,
        };
        return Some(Query::MostConnected { kind, limit, filter: Filter::contacts() });
    }
    None
}

// Finding names.

/// Finds the entity a name in a question stands for.
struct Finder<'g> {
    graph: &'g NewsGraph,
    /// Folded words that may precede a name: titles from the graph, demonyms, honorifics.
    decorations: BTreeSet<String>,
}

/// A name from a question in the forms [`Finder::score`] compares.
struct Wanted<'q> {
    /// As written, trimmed: it may be a node id.
    id: &'q str,
    /// The node id of the country the lexicon says it names.
    country: Option<String>,
    /// Normalized.
    query: &'q str,
    /// Normalized, without leading titles and demonyms.
    core: &'q str,
}

/// Honorifics that extraction drops from names, so the graph's titles do not list them.
const HONORIFICS: &[&str] = &["dr", "madam", "miss", "mr", "mrs", "ms", "sir"];

impl<'g> Finder<'g> {
    fn new(graph: &'g NewsGraph) -> Finder<'g> {
        let mut decorations: BTreeSet<String> = HONORIFICS.iter().map(|w| w.to_string()).collect();
        for entity in graph.entities() {
            let words: Vec<&String> = match entity.kind {
                EntityKind::Person => entity.titles.iter().collect(),
                EntityKind::Country => entity.aliases.iter().collect(),
                EntityKind::Institution => Vec::new(),
            };
            for text in words {
                decorations.extend(
                    normalize(text)
                        .split(' ')
                        .filter(|w| w.len() > 1 && !matches!(*w, "of" | "the" | "and" | "for"))
                        .map(str::to_string),
                );
            }
        }
        Finder { graph, decorations }
    }

    fn find(&self, name: &str) -> Result<&'g Entity, QueryError> {
        let query = normalize(name);
        let core = self.strip(&query);
        let wanted = Wanted {
            id: name.trim(),
            country: lexicon_country(name),
            query: &query,
            core: &core,
        };
        let mut best: Vec<(u32, &'g Entity)> = Vec::new();
        for entity in self.graph.entities() {
            let Some(score) = self.score(&wanted, entity) else {
                continue;
            };
            match best.first() {
                Some((s, _)) if *s < score => {}
                Some((s, _)) if *s == score => best.push((score, entity)),
                _ => best = vec![(score, entity)],
            }
        }
        match best.as_slice() {
            [(_, entity)] => Ok(entity),
            [] => Err(QueryError::Unknown {
                name: name.to_string(),
                suggestions: self.suggest(&core),
            }),
            many => {
                let mut candidates: Vec<String> = many
                    .iter()
                    .map(|(_, e)| format!("{} ({})", e.name, e.id))
                    .collect();
                candidates.sort();
                Err(QueryError::Ambiguous {
                    name: name.to_string(),
                    candidates,
                })
            }
        }
    }

    /// How well a name fits an entity, lower is better: 0 a whole name, alias, id or a
    /// country's name, demonym or capital in the lexicon, 1 a name without titles, 2 a
    /// surname, 3 another part of the name, 100 + edits for a spelling variant.
    fn score(&self, wanted: &Wanted<'_>, entity: &Entity) -> Option<u32> {
        let Wanted {
            id,
            country,
            query,
            core,
        } = wanted;
        if **id == *entity.id || country.as_deref() == Some(entity.id.as_ref()) {
            return Some(0);
        }
        let forms: Vec<String> = std::iter::once(&entity.name)
            .chain(&entity.aliases)
            .map(|f| normalize(f))
            .collect();
        if forms.iter().any(|f| f == *query) {
            return Some(0);
        }
        let keys: Vec<String> = forms
            .iter()
            .map(|f| self.key(entity.kind, f))
            .filter(|k| !k.is_empty())
            .collect();
        let core_key = self.key(entity.kind, core);
        if core_key.is_empty() {
            return None;
        }
        if keys.contains(&core_key) {
            return Some(1);
        }
        let single = !core_key.contains(' ');
        if entity.kind == EntityKind::Person
            && single
            && keys
                .iter()
                .any(|k| k.contains(' ') && k.rsplit(' ').next() == Some(core_key.as_str()))
        {
            return Some(2);
        }
        let core_words: Vec<&str> = core_key.split(' ').collect();
        if keys
            .iter()
            .any(|k| k.contains(' ') && core_words.iter().all(|w| k.split(' ').any(|kw| kw == *w)))
        {
            return Some(3);
        }
        let mut best: Option<u32> = None;
        for key in &keys {
            let key_words: Vec<&str> = key.split(' ').collect();
            let distance = if core_words.len() == key_words.len() {
                close_words(&core_words, &key_words)
            } else if single && entity.kind == EntityKind::Person {
                close_words(&core_words, &key_words[key_words.len() - 1..])
            } else {
                None
            };
            if let Some(d) = distance {
                best = Some(best.map_or(d, |b| b.min(d)));
            }
        }
        best.map(|d| 100 + d)
    }

    /// The comparable form of a name: titles and demonyms dropped from its start, and for
    /// people initials, particles and suffixes too.
    fn key(&self, kind: EntityKind, normalized: &str) -> String {
        match kind {
            EntityKind::Person => person_key(&self.strip(normalized)),
            _ => normalized.to_string(),
        }
    }

    /// Drops decoration words from the start of a normalized name, keeping at least one word.
    fn strip(&self, normalized: &str) -> String {
        let words: Vec<&str> = normalized.split(' ').collect();
        let start = words
            .iter()
            .position(|w| !self.decorations.contains(*w))
            .unwrap_or(words.len().saturating_sub(1));
        words[start..].join(" ")
    }

    /// Up to three entities whose names are near the core of an unknown name.
    fn suggest(&self, core: &str) -> Vec<String> {
        let limit = (core.chars().count() / 2).max(2);
        let mut near: Vec<(usize, &str)> = Vec::new();
        for entity in self.graph.entities() {
            let mut best = usize::MAX;
            for form in std::iter::once(&entity.name).chain(&entity.aliases) {
                let key = self.key(entity.kind, &normalize(form));
                for candidate in std::iter::once(key.as_str()).chain(key.split(' ')) {
                    let mut distance = osa_distance(core, candidate);
                    if core.len() >= 3 && candidate.starts_with(core) {
                        distance = distance.min(1);
                    }
                    best = best.min(distance);
                }
            }
            if best <= limit && !near.iter().any(|(_, n)| *n == entity.name) {
                near.push((best, &entity.name));
            }
        }
        near.sort();
        near.into_iter()
            .take(3)
            .map(|(_, n)| n.to_string())
            .collect()
    }
}

/// The node id of the country a name stands for in the built-in lexicon, which knows the
/// names, demonyms and capitals no article of the graph may have used ("Americans").
fn lexicon_country(name: &str) -> Option<String> {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    let lexicon = LEXICON.get_or_init(Lexicon::builtin);
    let title_case = |w: &str| -> String {
        let mut chars = w.chars();
        chars
            .next()
            .map(|c| {
                c.to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
            .unwrap_or_default()
    };
    let written: Vec<&str> = name.split_whitespace().collect();
    let variants = [
        written.iter().map(|w| w.to_string()).collect::<Vec<_>>(),
        written.iter().map(|w| title_case(w)).collect(),
        written.iter().map(|w| w.to_uppercase()).collect(),
    ];
    for words in variants {
        let text = words.join(" ");
        let tokens: Vec<&str> = tokenize(&text, 0, text.len())
            .iter()
            .map(|t| &text[t.start..t.end])
            .collect();
        if let Some((_, targets)) = lexicon
            .match_at(&tokens, 0)
            .filter(|(n, _)| *n == tokens.len())
        {
            if let Some(Target::Country(index, _)) =
                targets.iter().find(|t| matches!(t, Target::Country(..)))
            {
                return Some(format!("country:{}", slug(&lexicon.countries[*index].name)));
            }
        }
    }
    None
}

/// The summed edits between two names word by word, if each word is close enough: none for
/// up to three letters, one up to six, two beyond.
fn close_words(a: &[&str], b: &[&str]) -> Option<u32> {
    let mut total = 0;
    for (x, y) in a.iter().zip(b) {
        let allowed = match y.chars().count() {
            0..=3 => 0,
            4..=6 => 1,
            _ => 2,
        };
        let d = osa_distance(x, y);
        if d > allowed {
            return None;
        }
        total += d as u32;
    }
    Some(total)
}

/// Folded, without dots and apostrophes, other punctuation as spaces, without a leading "the":
/// "the U.S." -> "us", "Niinistö" -> "niinisto".
fn normalize(text: &str) -> String {
    let folded: String = fold(text)
        .chars()
        .filter(|c| !matches!(c, '.' | '\''))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = folded.split_whitespace().collect();
    let start = usize::from(words.len() > 1 && words[0] == "the");
    words[start..].join(" ")
}

// Text helpers.

/// Past three items, the first and the last and how many: "2024-01-02 … 2024-05-06 (17 dates)".
fn summarise<T: AsRef<str>>(items: &[T], what: &str) -> String {
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
fn more_line(n: usize, one: &str, many: &str) -> String {
    let what = if n == 1 { one } else { many };
    format!("... {n} more {what}; use --limit N or --all to see them (--json has them all)")
}

fn date_text(event: &EventView) -> String {
    match (&event.date_iso, &event.date) {
        (Some(iso), Some(written)) => format!("{iso} ({written})"),
        (None, Some(written)) => written.clone(),
        (Some(iso), None) => iso.clone(),
        (None, None) => "undated".to_string(),
    }
}

fn cells(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

/// Lines of a table whose columns are padded to their widest cell; the last is not padded.
fn table(rows: &[Vec<String>]) -> Vec<String> {
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
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

fn suggest(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        _ => format!("; did you mean {}?", or_list(suggestions)),
    }
}

#[cfg(test)]
mod tests {
    use expect_test::{expect, Expect};

    use super::*;

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
            let answer = ask(&graph(), &format!("contacts of {name}"))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
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
        assert_eq!(
            answer.notes[0],
            "4 events of the graph could not be placed in 2022 and were left out"
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
}
