//! Answers for a table of a few rows, from a store: rows counted from ids, events read in
//! full only for the rows and timeline lines shown.
//!
//! In: a connection to a store, a question whose names were found, and how many rows (or
//! timeline events) the table shows. Out: the answer [`super::answer`] gives over the whole
//! graph, cut to those rows: `results` and `timeline` hold what is shown, `more_rows` and
//! `more_events` count the rest. Two indexed reads do the counting: the events of the side
//! asked about (a country with everyone whose country it is), with their dates and whether
//! the filter admits them, and the participants of those admitted; a timeline is sorted by
//! those dates alone, and names are read only where counts tie at the cut. Imports `answer`,
//! `filter_sql` and `parse` of `query`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use rusqlite::Connection;

use super::answer::{
    between_summary, left_out_note, new_answer, partners_summary, row, sort_events,
    timeline_summary, view, which_summary, Answer, AnswerKind,
};
use super::filter_sql::{condition, json, side_of};
use super::parse::{Filter, Query};
use crate::graph::{Entity, EntityKind, Event, Evidence, NewsGraph, Status};
use crate::store::{self, Detail, StoreError};

/// Answers `query` (not a path or a ranking) for a table of `shown` rows; `found` holds the
/// entity of each of its names.
pub(super) fn answer_shown(
    db: &Connection,
    query: &Query,
    found: &[Entity],
    shown: usize,
    detail: Detail,
) -> Result<(NewsGraph, Answer), StoreError> {
    let filter = query.filter();
    let reader = Reader { db, shown, detail };
    match query {
        Query::Partners { .. } => {
            let entity = &found[0];
            let side = side_of(db, entity)?;
            let events = reader.side_events(&side, filter)?;
            let participants = reader.participants(&events)?;
            // The others in each event, with the events they are in.
            let mut found: HashMap<&str, Vec<usize>> = HashMap::new();
            for (event, entity) in &participants {
                if !side.contains(entity) {
                    found.entry(entity).or_default().push(*event);
                }
            }
            let summary = partners_summary(entity, filter, found.len());
            let about = vec![entity.id.to_string()];
            let (graph, mut answer) =
                reader.rows(AnswerKind::Partners, summary, about, &events, found)?;
            answer.notes.extend(left_out(&events, filter, &entity.name));
            Ok((graph, answer))
        }
        Query::Which { .. } => {
            let (group, other) = (&found[0], &found[1]);
            let mut members = side_of(db, group)?;
            if group.kind == EntityKind::Country {
                members.remove(&*group.id);
            }
            let far = side_of(db, other)?;
            let events = reader.side_events(&members, filter)?;
            let participants = reader.participants(&events)?;
            let mut found: HashMap<&str, Vec<usize>> = HashMap::new();
            for (event, met) in contacts_across(&participants, &members, &far) {
                for p in met {
                    found.entry(p).or_default().push(event);
                }
            }
            let summary = which_summary(group, other, filter, found.len());
            let about = vec![group.id.to_string(), other.id.to_string()];
            reader.rows(AnswerKind::Which, summary, about, &events, found)
        }
        Query::Between { .. } => {
            let (a, b) = (&found[0], &found[1]);
            let (near, far) = (side_of(db, b)?, side_of(db, a)?);
            let events = reader.side_events(&near, filter)?;
            let participants = reader.participants(&events)?;
            let mut rows: HashSet<&str> = HashSet::new();
            let mut chosen = Vec::new();
            for (event, met) in contacts_across(&participants, &near, &far) {
                rows.extend(met);
                chosen.push(event);
            }
            let happened = chosen
                .iter()
                .filter(|&&i| events[i].event.status == Status::Happened)
                .count();
            let summary = between_summary(a, b, filter, chosen.len(), happened);
            let about = vec![a.id.to_string(), b.id.to_string()];
            let light: Vec<&Event> = chosen.iter().map(|&i| &events[i].event).collect();
            reader.timeline(AnswerKind::Between, summary, about, light, rows.len())
        }
        Query::Timeline { .. } => {
            let entity = &found[0];
            let side = side_of(db, entity)?;
            let events = reader.side_events(&side, filter)?;
            let summary =
                timeline_summary(entity, filter, events.iter().filter(|e| e.admitted).count());
            let about = vec![entity.id.to_string()];
            let light: Vec<&Event> = events
                .iter()
                .filter(|e| e.admitted)
                .map(|e| &e.event)
                .collect();
            // The rows of a timeline's table are its events; whom they name is not counted.
            let (graph, mut answer) =
                reader.timeline(AnswerKind::Timeline, summary, about, light, 0)?;
            answer.notes.extend(left_out(&events, filter, &entity.name));
            Ok((graph, answer))
        }
        Query::Path { .. } | Query::MostConnected { .. } => Err(StoreError::Bad(
            "paths and rankings are answered from the whole store".to_string(),
        )),
    }
}

/// An event of a side: light (its dates, kind, status and first article; no text, no
/// participants), whether the filter admits it, and whether it would with its own status.
struct SideEvent {
    event: Event,
    admitted: bool,
    other_status: bool,
}

/// Each event (by its place in the side's events) in which someone of `near` met someone of
/// `far`, with those of `near` who did, in order of their ids (as
/// [`super::answer::contacts_across`]).
fn contacts_across<'p>(
    participants: &'p [(usize, String)],
    near: &BTreeSet<String>,
    far: &BTreeSet<String>,
) -> Vec<(usize, Vec<&'p str>)> {
    let mut out = Vec::new();
    for group in participants.chunk_by(|a, b| a.0 == b.0) {
        let met: Vec<&str> = group
            .iter()
            .filter(|(_, p)| near.contains(p))
            .filter(|(_, p)| group.iter().any(|(_, q)| q != p && far.contains(q)))
            .map(|(_, p)| p.as_str())
            .collect();
        if !met.is_empty() {
            out.push((group[0].0, met));
        }
    }
    out
}

/// The note on the side's events the filter's statuses leave out.
fn left_out(events: &[SideEvent], filter: &Filter, name: &str) -> Option<String> {
    if filter.statuses.len() == 3 {
        return None;
    }
    let mut counts: BTreeMap<Status, usize> = BTreeMap::new();
    for e in events.iter().filter(|e| e.other_status) {
        *counts.entry(e.event.status).or_default() += 1;
    }
    left_out_note(&counts, &format!("all contacts of {name}"))
}

struct Reader<'a> {
    db: &'a Connection,
    shown: usize,
    detail: Detail,
}

impl Reader<'_> {
    /// The events someone of `side` took part in, light, in graph order.
    fn side_events(
        &self,
        side: &BTreeSet<String>,
        filter: &Filter,
    ) -> Result<Vec<SideEvent>, StoreError> {
        let admitted = condition(self.db, filter, None)?;
        let other_status = if filter.statuses.len() == 3 {
            "0".to_string()
        } else {
            let others: Vec<Status> = [Status::Happened, Status::Planned, Status::Denied]
                .into_iter()
                .filter(|s| !filter.statuses.contains(s))
                .collect();
            condition(self.db, filter, Some(&others))?
        };
        let mut stmt = self.db.prepare(&format!(
            "SELECT e.seq, e.id, e.kind, e.status, e.date, e.date_iso, e.article, \
             ({admitted}), ({other_status}) FROM event_participants p \
             JOIN events e ON e.id = p.event \
             WHERE p.entity IN (SELECT value FROM json_each(?1))"
        ))?;
        let mut rows = stmt.query([json(side)?])?;
        let mut out: Vec<(i64, SideEvent)> = Vec::new();
        let mut seen: HashSet<i64> = HashSet::new();
        let empty: Arc<str> = Arc::from("");
        while let Some(r) = rows.next()? {
            let seq: i64 = r.get(0)?;
            if !seen.insert(seq) {
                continue;
            }
            let kind: String = r.get(2)?;
            let status: String = r.get(3)?;
            out.push((
                seq,
                SideEvent {
                    event: Event {
                        id: r.get::<_, String>(1)?.into(),
                        kind: parse_name(&kind)?,
                        status: parse_name(&status)?,
                        participants: Vec::new(),
                        date: r.get(4)?,
                        date_iso: r.get(5)?,
                        initiator: None,
                        confidence: None,
                        evidence: Evidence {
                            article: r.get::<_, String>(6)?.into(),
                            text: empty.clone(),
                            start: 0,
                            end: 0,
                        },
                        sources: Vec::new(),
                    },
                    admitted: r.get(7)?,
                    other_status: r.get(8)?,
                },
            ));
        }
        out.sort_unstable_by_key(|(seq, _)| *seq);
        Ok(out.into_iter().map(|(_, e)| e).collect())
    }

    /// The participants of the admitted `events`: (the event's place, the entity), by event.
    fn participants(&self, events: &[SideEvent]) -> Result<Vec<(usize, String)>, StoreError> {
        let place: HashMap<&str, usize> = events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.admitted)
            .map(|(i, e)| (&*e.event.id, i))
            .collect();
        let ids: Vec<&str> = place.keys().copied().collect();
        let mut stmt = self.db.prepare(
            "SELECT event, entity FROM event_participants \
             WHERE event IN (SELECT value FROM json_each(?1)) ORDER BY event, entity",
        )?;
        let mut rows = stmt.query([json(&ids)?])?;
        let mut out: Vec<(usize, String)> = Vec::new();
        while let Some(r) = rows.next()? {
            let event: String = r.get(0)?;
            if let Some(&i) = place.get(event.as_str()) {
                out.push((i, r.get(1)?));
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        Ok(out)
    }

    /// The answer whose rows are the entities of `found` with their events (places in
    /// `events`), most events first, then by name and id; the first `shown` read in full.
    fn rows(
        &self,
        kind: AnswerKind,
        summary: String,
        about: Vec<String>,
        events: &[SideEvent],
        found: HashMap<&str, Vec<usize>>,
    ) -> Result<(NewsGraph, Answer), StoreError> {
        let mut ranked: Vec<(&str, usize)> = found.iter().map(|(id, e)| (*id, e.len())).collect();
        ranked.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let total = ranked.len();
        // Names decide between equal counts: read those of the rows up to the cut's count.
        let cut = match ranked.get(self.shown.saturating_sub(1)) {
            Some(&(_, last)) if self.shown > 0 => {
                ranked.iter().position(|r| r.1 < last).unwrap_or(total)
            }
            _ => self.shown.min(total),
        };
        ranked.truncate(cut);
        let ids: Vec<&str> = ranked.iter().map(|r| r.0).collect();
        let names: HashMap<String, String> =
            store::entities_by_id(self.db, &json(&ids)?, Detail::default())?
                .into_iter()
                .map(|e| (e.id.to_string(), e.name))
                .collect();
        let name = |id: &str| names.get(id).map_or(id, String::as_str).to_string();
        let mut ranked: Vec<(&str, usize, String)> = ranked
            .into_iter()
            .map(|(id, n)| (id, n, name(id)))
            .collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)).then(a.0.cmp(b.0)));
        ranked.truncate(self.shown);
        let shown: Vec<&str> = ranked.iter().map(|r| r.0).collect();
        let wanted: BTreeSet<&str> = shown
            .iter()
            .flat_map(|id| &found[id])
            .map(|&i| &*events[i].event.id)
            .collect();
        let read = store::events_by_id(self.db, &json(&wanted)?, self.detail)?;
        let graph = self.part(&shown, read)?;
        let by_id: HashMap<&str, &Event> = graph.events().iter().map(|e| (&*e.id, e)).collect();
        let results = shown
            .iter()
            .map(|id| {
                let mut chosen: Vec<&Event> = found[id]
                    .iter()
                    .filter_map(|&i| by_id.get(&*events[i].event.id).copied())
                    .collect();
                sort_events(&mut chosen);
                row(&graph, id, &chosen)
            })
            .collect::<Vec<_>>();
        let mut answer = new_answer(kind, summary, about, results);
        answer.more_rows = total - answer.results.len();
        Ok((graph, answer))
    }

    /// The answer whose timeline is `light` (events without text or participants), the first
    /// `shown` in date order read in full; `rows` entities are counted in its results.
    fn timeline(
        &self,
        kind: AnswerKind,
        summary: String,
        about: Vec<String>,
        mut light: Vec<&Event>,
        rows: usize,
    ) -> Result<(NewsGraph, Answer), StoreError> {
        sort_events(&mut light);
        let shown: Vec<&str> = light.iter().take(self.shown).map(|e| &*e.id).collect();
        let read = store::events_by_id(self.db, &json(&shown)?, self.detail)?;
        let ends: Vec<&str> = about.iter().map(String::as_str).collect();
        let graph = self.part(&ends, read)?;
        let by_id: HashMap<&str, &Event> = graph.events().iter().map(|e| (&*e.id, e)).collect();
        let timeline = shown
            .iter()
            .filter_map(|id| by_id.get(id).map(|e| view(e)))
            .collect::<Vec<_>>();
        let mut answer = new_answer(kind, summary, about, Vec::new());
        answer.more_events = light.len() - timeline.len();
        answer.timeline = timeline;
        answer.more_rows = rows;
        Ok((graph, answer))
    }

    /// The part of the graph an answer shows: `ids` and the participants of `events`.
    fn part(&self, ids: &[&str], events: Vec<Event>) -> Result<NewsGraph, StoreError> {
        let mut named: BTreeSet<&str> = ids.iter().copied().collect();
        named.extend(
            events
                .iter()
                .flat_map(|e| e.participants.iter().map(|p| &**p)),
        );
        let entities = store::entities_by_id(self.db, &json(&named)?, self.detail)?;
        Ok(NewsGraph::from_parts(
            entities,
            events,
            Vec::new(),
            Vec::new(),
            store::alias_rules(self.db)?,
        ))
    }
}

/// A kind or status by its name in the store.
fn parse_name<T: serde::de::DeserializeOwned>(s: &str) -> Result<T, StoreError> {
    use serde::de::IntoDeserializer;
    T::deserialize(s.into_deserializer())
        .map_err(|_: serde::de::value::Error| StoreError::Bad(format!("unknown name {s:?}")))
}
