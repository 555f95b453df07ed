//! Answering a parsed question from a graph.
//!
//! In: a [`NewsGraph`] (the whole graph, or the part of a store a question needs) and a
//! [`Query`]. Out: an [`Answer`]: the entities found, each with the events that put it there,
//! a timeline for pairs and timelines, and notes on what was left out. Imports `names`,
//! `parse` and `dates` of `query`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use serde::Serialize;

use super::dates::{event_span, parse_written, Day};
use super::names::Finder;
use super::parse::{Filter, Query, QueryError};
use crate::graph::{ContactKind, Entity, EntityKind, Event, NewsGraph, Status};

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
    /// Rows of the answer counted but not read, after `results` (an answer from a store for
    /// a table of a few rows; 0 in a whole answer).
    #[serde(skip)]
    pub more_rows: usize,
    /// Events of the timeline counted but not read, after `timeline` (as `more_rows`).
    #[serde(skip)]
    pub more_events: usize,
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

/// Answers a parsed question from the graph. The answer's `question` is the query rewritten
/// in canonical form.
pub fn answer(graph: &NewsGraph, query: &Query) -> Result<Answer, QueryError> {
    let finder = Finder::of_graph(graph);
    let mut found = Vec::new();
    for name in query.names() {
        found.push(finder.find(name, graph)?);
    }
    Ok(answer_found(graph, query, &found))
}

/// Answers a question whose names were found already: `found` holds the entity of each of
/// [`Query::names`], in order, and `graph` holds at least every event of theirs (for a
/// country, of everyone whose country it is) with every entity those events name.
pub(super) fn answer_found(graph: &NewsGraph, query: &Query, found: &[&Entity]) -> Answer {
    let entity = |i: usize| found[i];
    let mut answer = match query {
        Query::Partners { filter, .. } => partners(graph, entity(0), filter),
        Query::Between { filter, .. } => between(graph, entity(0), entity(1), filter),
        Query::Which { filter, .. } => which(graph, entity(0), entity(1), filter),
        Query::Timeline { filter, .. } => timeline(graph, entity(0), filter),
        Query::Path { filter, .. } => path(graph, entity(0), entity(1), filter),
        Query::MostConnected {
            kind,
            limit,
            filter,
        } => most_connected(graph, *kind, *limit, filter),
    };
    answer.question = query.to_string();
    if let Some(period) = query.filter().period {
        // The events left out are those the question is about: of the entities found (their
        // sides), or of the whole graph for rankings and paths, as the store counts them.
        let around: Option<BTreeSet<&str>> = match query {
            Query::MostConnected { .. } | Query::Path { .. } => None,
            _ => Some(found.iter().flat_map(|e| side(graph, e)).collect()),
        };
        let unplaced = graph
            .events()
            .iter()
            .filter(|e| {
                around
                    .as_ref()
                    .is_none_or(|ids| e.participants.iter().any(|p| ids.contains(&**p)))
            })
            .filter(|e| query.filter().admits_ignoring_period(e) && event_span(e).is_none())
            .count();
        if unplaced > 0 {
            answer.notes.push(format!(
                "{unplaced} events of the graph could not be placed {period} and were left out"
            ));
        }
    }
    answer
}

// Answers.

pub(super) fn partners(graph: &NewsGraph, entity: &Entity, filter: &Filter) -> Answer {
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
    let summary = partners_summary(entity, filter, results.len());
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

/// The summary of "who spoke to X": `n` entities had contacts with X.
pub(super) fn partners_summary(entity: &Entity, filter: &Filter, n: usize) -> String {
    let members = if entity.kind == EntityKind::Country {
        format!(" (or anyone whose country is {})", entity.name)
    } else {
        String::new()
    };
    format!(
        "{} had {} with {}{members}{}",
        count(n, "entity", "entities"),
        filter.describe(),
        entity.name,
        filter.period_text()
    )
}

pub(super) fn between(graph: &NewsGraph, a: &Entity, b: &Entity, filter: &Filter) -> Answer {
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
    let summary = between_summary(a, b, filter, events.len(), happened);
    let mut answer = new_answer(
        AnswerKind::Between,
        summary,
        vec![a.id.to_string(), b.id.to_string()],
        rows(graph, found),
    );
    answer.timeline = events.into_iter().map(view).collect();
    answer
}

/// The summary of "contacts between A and B": `events` events, `happened` of which happened.
pub(super) fn between_summary(
    a: &Entity,
    b: &Entity,
    filter: &Filter,
    events: usize,
    happened: usize,
) -> String {
    let pair = format!("{} and {}", a.name, b.name);
    let period = filter.period_text();
    if filter.statuses.contains(&Status::Happened) {
        let contacts = Filter {
            statuses: vec![Status::Happened],
            ..filter.clone()
        }
        .describe();
        let others = events - happened;
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
            count(events, &singular(&filter.describe()), &filter.describe())
        )
    }
}

pub(super) fn which(graph: &NewsGraph, group: &Entity, other: &Entity, filter: &Filter) -> Answer {
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
    let summary = which_summary(group, other, filter, results.len());
    new_answer(
        AnswerKind::Which,
        summary,
        vec![group.id.to_string(), other.id.to_string()],
        results,
    )
}

/// The summary of "which Russians spoke to Americans": `n` of the group did.
pub(super) fn which_summary(group: &Entity, other: &Entity, filter: &Filter, n: usize) -> String {
    format!(
        "{} of {} had {} with {}{}",
        count(n, "entity", "entities"),
        group.name,
        filter.describe(),
        other.name,
        filter.period_text()
    )
}

pub(super) fn timeline(graph: &NewsGraph, entity: &Entity, filter: &Filter) -> Answer {
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
    let summary = timeline_summary(entity, filter, events.len());
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

/// The summary of "timeline of X": `n` events of X.
pub(super) fn timeline_summary(entity: &Entity, filter: &Filter, n: usize) -> String {
    format!(
        "{} of {}{}",
        count(n, &singular(&filter.describe()), &filter.describe()),
        entity.name,
        filter.period_text()
    )
}

pub(super) fn path(graph: &NewsGraph, from: &Entity, to: &Entity, filter: &Filter) -> Answer {
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
        let summary = path_summary(from, to, None, filter);
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
    let summary = path_summary(from, to, Some(chain.len() - 1), filter);
    new_answer(AnswerKind::Path, summary, about, results)
}

/// "X to Y in 2 steps of calls and meetings", or with no chain (`steps` None) "no chain of
/// calls and meetings links X and Y".
pub(super) fn path_summary(
    from: &Entity,
    to: &Entity,
    steps: Option<usize>,
    filter: &Filter,
) -> String {
    match steps {
        Some(steps) => format!(
            "{} to {} in {} of {}{}",
            from.name,
            to.name,
            count(steps, "step", "steps"),
            filter.describe(),
            filter.period_text()
        ),
        None => format!(
            "no chain of {} links {} and {}{}",
            filter.describe(),
            from.name,
            to.name,
            filter.period_text()
        ),
    }
}

pub(super) fn most_connected(
    graph: &NewsGraph,
    kind: EntityKind,
    limit: usize,
    filter: &Filter,
) -> Answer {
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
    let summary = most_connected_summary(kind, filter, results.len(), total);
    new_answer(AnswerKind::MostConnected, summary, Vec::new(), results)
}

/// "the 20 most connected of 1,006 people, by distinct partners in ...": `shown` of `total`.
pub(super) fn most_connected_summary(
    kind: EntityKind,
    filter: &Filter,
    shown: usize,
    total: usize,
) -> String {
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
    if shown < total {
        format!("the {shown} most connected of {total} {kinds}, {ranked}")
    } else {
        format!("{shown} {kinds}, {ranked}")
    }
}

/// A note on the events of a side that the filter's statuses left out.
pub(super) fn left_out(
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
    left_out_note(&counts, ask)
}

/// The note on events left out by their status: `counts` of each status, and the question
/// that shows them.
pub(super) fn left_out_note(counts: &BTreeMap<Status, usize>, ask: &str) -> Option<String> {
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

pub(super) fn count_parts(parts: &[String]) -> String {
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
pub(super) fn contacts_across<'g>(
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

pub(super) fn side<'g>(graph: &'g NewsGraph, entity: &'g Entity) -> BTreeSet<&'g str> {
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
pub(super) fn rows(graph: &NewsGraph, found: BTreeMap<&str, Vec<&Event>>) -> Vec<Row> {
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

pub(super) fn row(graph: &NewsGraph, id: &str, events: &[&Event]) -> Row {
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

pub(super) fn view(event: &Event) -> EventView {
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

pub(super) fn new_answer(
    kind: AnswerKind,
    summary: String,
    about: Vec<String>,
    results: Vec<Row>,
) -> Answer {
    Answer {
        question: String::new(),
        kind,
        summary,
        about,
        results,
        timeline: Vec::new(),
        notes: Vec::new(),
        more_rows: 0,
        more_events: 0,
    }
}

pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "happened calls and meetings" -> "happened call or meeting".
pub(super) fn singular(plural: &str) -> String {
    plural
        .replace("calls and meetings", "call or meeting")
        .replace("calls", "call")
        .replace("meetings", "meeting")
}

// Dates.

/// Timeline order: placed events by date, then by article, written month and day, position.
pub(super) fn sort_events(events: &mut [&Event]) {
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
