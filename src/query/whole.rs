//! Questions about the whole graph, from a store: the most connected entities and the path
//! between two, without reading the graph.
//!
//! In: a connection to a store and a question. Out: the answer [`super::answer`] gives over
//! the whole graph, and the part of the graph it shows. "Most connected" with its default
//! filter reads the ranking the build counted (`entity_stats`, by kind and rank); with a
//! period it counts partners and contacts from the participants of the admitted events (ids
//! only) and reads names only where counts tie at the cut; either way it reads events only
//! for the rows shown. A path is a breadth-first
//! search from both ends, one indexed query per step; of the shortest paths it picks the one
//! the whole graph's search picks, the least by its node ids from the start (that search
//! visits neighbours in order of id, so each node's parent is its least-ordered neighbour one
//! step nearer the start). Imports `answer`, `dates`, `filter_sql` and `parse` of `query`.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::Connection;

use super::answer::{
    most_connected_summary, new_answer, path_summary, row, sort_events, Answer, AnswerKind, Row,
};
use super::filter_sql::{condition, json};
use super::parse::Filter;
use crate::graph::{Entity, EntityKind, Event, NewsGraph};
use crate::store::{self, Detail, StoreError};

/// "Most connected": entities of `kind` ranked by distinct partners, then contacts, name, id.
pub(super) fn most_connected(
    db: &Connection,
    kind: EntityKind,
    limit: usize,
    filter: &Filter,
    detail: Detail,
) -> Result<(NewsGraph, Answer), StoreError> {
    let admitted = condition(db, filter, None)?;
    let (top, total) = if counted_at_build(filter) {
        ranked_at_build(db, kind, limit)?
    } else {
        ranked_now(db, kind, limit, &admitted)?
    };
    // The events of the rows shown.
    let shown: Vec<&str> = top.iter().map(|(_, id)| id.as_str()).collect();
    let mut of_row: BTreeMap<String, Vec<String>> = BTreeMap::new();
    {
        let mut stmt = db.prepare(&format!(
            "SELECT p.entity, p.event FROM event_participants p JOIN events e ON e.id = p.event \
             WHERE p.entity IN (SELECT value FROM json_each(?1)) AND {admitted}"
        ))?;
        let mut rows = stmt.query([json(&shown)?])?;
        while let Some(r) = rows.next()? {
            of_row.entry(r.get(0)?).or_default().push(r.get(1)?);
        }
    }
    let event_ids: BTreeSet<&String> = of_row.values().flatten().collect();
    let read = store::events_by_id(db, &json(&event_ids)?, detail)?;
    let graph = part(db, &shown, read, detail)?;
    // Each row's events by id (sort_events orders them wholly, ids last).
    let by_id: HashMap<&str, &Event> = graph.events().iter().map(|e| (&*e.id, e)).collect();
    let results: Vec<Row> = top
        .iter()
        .map(|(p, id)| {
            let wanted: BTreeSet<&str> = of_row
                .get(id)
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect();
            let mut events: Vec<&Event> = wanted
                .iter()
                .filter_map(|e| by_id.get(e).copied())
                .collect();
            sort_events(&mut events);
            let mut row = row(&graph, id, &events);
            row.partners = Some(*p as usize);
            row
        })
        .collect();
    let summary = most_connected_summary(kind, filter, results.len(), total);
    let answer = new_answer(AnswerKind::MostConnected, summary, Vec::new(), results);
    Ok((graph, answer))
}

/// Does `entity_stats` hold the counts `filter` asks for (calls and meetings that happened,
/// at any time)?
fn counted_at_build(filter: &Filter) -> bool {
    let kinds: BTreeSet<_> = filter.kinds.iter().collect();
    let statuses: BTreeSet<_> = filter.statuses.iter().collect();
    filter.period.is_none()
        && kinds == store::COUNTED_KINDS.iter().collect()
        && statuses == BTreeSet::from([&store::COUNTED_STATUS])
}

/// The first `limit` entities of `kind` by their rank in `entity_stats` (partners, contacts,
/// name, id), with their partners, and how many of the kind have a contact: an index read.
fn ranked_at_build(
    db: &Connection,
    kind: EntityKind,
    limit: usize,
) -> Result<(Vec<(u32, String)>, usize), StoreError> {
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    let mut stmt = db.prepare(
        "SELECT partners, entity FROM entity_stats WHERE kind = ?1 AND rank <= ?2 ORDER BY rank",
    )?;
    let top = stmt
        .query_map(rusqlite::params![kind.as_str(), limit], |r| {
            Ok((
                r.get::<_, i64>(0)?.clamp(0, u32::MAX.into()) as u32,
                r.get(1)?,
            ))
        })?
        .collect::<Result<Vec<_>, _>>()?;
    let total: Option<i64> = db.query_row(
        "SELECT max(rank) FROM entity_stats WHERE kind = ?1",
        [kind.as_str()],
        |r| r.get(0),
    )?;
    Ok((top, total.unwrap_or(0).max(0) as usize))
}

/// The first `limit` entities of `kind` by distinct partners, then contacts, name and id
/// among the events `admitted` admits, counted from their participants (ids only; names read
/// only where counts tie at the cut), with their partners, and how many of the kind have a
/// contact.
fn ranked_now(
    db: &Connection,
    kind: EntityKind,
    limit: usize,
    admitted: &str,
) -> Result<(Vec<(u32, String)>, usize), StoreError> {
    // Each admitted event's participants, one event after another.
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut events: Vec<u32> = Vec::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    {
        let mut stmt = db.prepare(&format!(
            "SELECT e.seq, p.entity FROM events e JOIN event_participants p ON p.event = e.id \
             WHERE {admitted}"
        ))?;
        let mut rows = stmt.raw_query();
        let (mut current, mut group): (Option<i64>, Vec<u32>) = (None, Vec::new());
        let flush = |group: &mut Vec<u32>, pairs: &mut Vec<(u32, u32)>| {
            for &a in group.iter() {
                pairs.extend(group.iter().filter(|&&b| b != a).map(|&b| (a, b)));
            }
            group.clear();
        };
        while let Some(r) = rows.next()? {
            let seq: i64 = r.get(0)?;
            let entity = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
            if current != Some(seq) {
                flush(&mut group, &mut pairs);
                current = Some(seq);
            }
            let id = match ids.get(entity) {
                Some(&id) => id,
                None => {
                    let id = names.len() as u32;
                    names.push(entity.to_string());
                    ids.insert(entity.to_string(), id);
                    id
                }
            };
            if events.len() <= id as usize {
                events.resize(id as usize + 1, 0);
            }
            events[id as usize] += 1;
            group.push(id);
        }
        flush(&mut group, &mut pairs);
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut partners = vec![0u32; names.len()];
    for (a, _) in &pairs {
        partners[*a as usize] += 1;
    }
    drop(pairs);
    // Those of the kind asked about, best first; names only where counts tie at the cut.
    let mut ranked: Vec<u32> = Vec::new();
    {
        let mut stmt = db.prepare("SELECT id FROM entities WHERE kind = ?1")?;
        let mut rows = stmt.query([kind.as_str()])?;
        while let Some(r) = rows.next()? {
            let id = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
            if let Some(&n) = ids.get(id) {
                ranked.push(n);
            }
        }
    }
    drop(ids);
    let counts = |n: u32| (partners[n as usize], events[n as usize]);
    ranked.sort_unstable_by_key(|&n| std::cmp::Reverse(counts(n)));
    let total = ranked.len();
    let cut = match ranked.get(limit.saturating_sub(1)) {
        Some(&last) if limit > 0 => ranked
            .iter()
            .position(|&n| counts(n) < counts(last))
            .unwrap_or(total),
        _ => limit.min(total),
    };
    ranked.truncate(cut);
    let chosen: Vec<&str> = ranked.iter().map(|&n| names[n as usize].as_str()).collect();
    let entities = store::entities_by_id(db, &json(&chosen)?, Detail::default())?;
    let name_of: HashMap<&str, &str> = entities.iter().map(|e| (&*e.id, e.name.as_str())).collect();
    let mut top: Vec<(u32, u32, &str, &str)> = ranked
        .iter()
        .map(|&n| {
            let id = names[n as usize].as_str();
            let (p, e) = counts(n);
            (p, e, name_of.get(id).copied().unwrap_or(id), id)
        })
        .collect();
    top.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.cmp(&a.1))
            .then(a.2.cmp(b.2))
            .then(a.3.cmp(b.3))
    });
    top.truncate(limit);
    Ok((
        top.into_iter()
            .map(|(p, _, _, id)| (p, id.to_string()))
            .collect(),
        total,
    ))
}

/// "Path from X to Y": the shortest chain of admitted contacts, as the whole graph's search
/// finds it (see the module's comment).
pub(super) fn path(
    db: &Connection,
    from: &Entity,
    to: &Entity,
    filter: &Filter,
    detail: Detail,
) -> Result<(NewsGraph, Answer), StoreError> {
    let admitted = condition(db, filter, None)?;
    let search = Search { db, admitted };
    let chain = search.chain(&from.id, &to.id)?;
    let about = vec![from.id.to_string(), to.id.to_string()];
    let Some(chain) = chain else {
        let summary = path_summary(from, to, None, filter);
        let graph = part(db, &[&*from.id, &*to.id], Vec::new(), detail)?;
        return Ok((
            graph,
            new_answer(AnswerKind::Path, summary, about, Vec::new()),
        ));
    };
    let mut steps: Vec<Vec<String>> = vec![Vec::new()];
    for pair in chain.windows(2) {
        steps.push(search.events_between(&pair[0], &pair[1])?);
    }
    let event_ids: BTreeSet<&String> = steps.iter().flatten().collect();
    let read = store::events_by_id(db, &json(&event_ids)?, detail)?;
    let ends: Vec<&str> = chain.iter().map(String::as_str).collect();
    let graph = part(db, &ends, read, detail)?;
    let results: Vec<Row> = chain
        .iter()
        .zip(&steps)
        .map(|(id, step)| {
            let mut events: Vec<&Event> = graph
                .events()
                .iter()
                .filter(|e| step.iter().any(|s| **s == *e.id))
                .collect();
            sort_events(&mut events);
            row(&graph, id, &events)
        })
        .collect();
    let summary = path_summary(from, to, Some(chain.len() - 1), filter);
    Ok((graph, new_answer(AnswerKind::Path, summary, about, results)))
}

/// The part of the graph an answer shows: `ids` and every participant of `events` (in full,
/// with their affiliations and the affiliations' targets when the answer is drawn).
fn part(
    db: &Connection,
    ids: &[&str],
    events: Vec<Event>,
    detail: Detail,
) -> Result<NewsGraph, StoreError> {
    let mut named: BTreeSet<&str> = ids.iter().copied().collect();
    named.extend(
        events
            .iter()
            .flat_map(|e| e.participants.iter().map(|p| &**p)),
    );
    let (entities, affiliations) = if detail.names {
        let affiliations = store::affiliations_from(db, &json(&named)?)?;
        let mut all: BTreeSet<&str> = named.clone();
        all.extend(affiliations.iter().map(|a| &*a.to));
        (store::entities_in_full(db, &json(&all)?)?, affiliations)
    } else {
        (
            store::entities_by_id(db, &json(&named)?, detail)?,
            Vec::new(),
        )
    };
    Ok(NewsGraph::from_parts(
        entities,
        events,
        affiliations,
        Vec::new(),
        store::alias_rules(db)?,
    ))
}

/// A breadth-first search over the admitted contacts of a store.
struct Search<'a> {
    db: &'a Connection,
    admitted: String,
}

impl Search<'_> {
    /// Each of `ids` with its neighbours: the entities it met in an admitted event.
    fn neighbours(&self, ids: &[&str]) -> Result<BTreeMap<String, BTreeSet<String>>, StoreError> {
        let mut stmt = self.db.prepare_cached(&format!(
            "SELECT p.entity, q.entity FROM event_participants p \
             JOIN events e ON e.id = p.event \
             JOIN event_participants q ON q.event = p.event AND q.entity != p.entity \
             WHERE p.entity IN (SELECT value FROM json_each(?1)) AND {}",
            self.admitted
        ))?;
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let mut rows = stmt.query([json(ids)?])?;
        while let Some(r) = rows.next()? {
            out.entry(r.get(0)?).or_default().insert(r.get(1)?);
        }
        Ok(out)
    }

    /// The chain from `from` to `to` the whole graph's search finds (the least by ids of the
    /// shortest), or None.
    fn chain(&self, from: &str, to: &str) -> Result<Option<Vec<String>>, StoreError> {
        if from == to {
            return Ok(Some(vec![to.to_string()]));
        }
        // Distances from each end, found a whole level at a time, the smaller side first.
        let mut near: [HashMap<String, usize>; 2] = [
            HashMap::from([(from.to_string(), 0)]),
            HashMap::from([(to.to_string(), 0)]),
        ];
        let mut frontier: [Vec<String>; 2] = [vec![from.to_string()], vec![to.to_string()]];
        let length = loop {
            if frontier[0].is_empty() || frontier[1].is_empty() {
                return Ok(None);
            }
            let side = usize::from(frontier[1].len() < frontier[0].len());
            let level = near[side][&frontier[side][0]] + 1;
            let ids: Vec<&str> = frontier[side].iter().map(String::as_str).collect();
            let mut next = Vec::new();
            for found in self.neighbours(&ids)?.into_values().flatten() {
                if !near[side].contains_key(&found) {
                    near[side].insert(found.clone(), level);
                    next.push(found);
                }
            }
            frontier[side] = next;
            let met = frontier[side]
                .iter()
                .filter_map(|id| near[1 - side].get(id).map(|d| level + d))
                .min();
            if let Some(length) = met {
                break length;
            }
        };
        // The nodes on a shortest path, by their distance from `from`.
        let (start, end) = (&near[0], &near[1]);
        let mut on: Vec<BTreeSet<String>> = vec![BTreeSet::new(); length + 1];
        for (id, d) in start {
            if end.get(id).is_some_and(|e| d + e == length) {
                on[*d].insert(id.clone());
            }
        }
        // Where one side's distances end, the nodes next to those on a path.
        for i in (0..length).rev() {
            if on[i].is_empty() && !on[i + 1].is_empty() {
                let ids: Vec<&str> = on[i + 1].iter().map(String::as_str).collect();
                let next: BTreeSet<String> = self
                    .neighbours(&ids)?
                    .into_values()
                    .flatten()
                    .filter(|n| start.get(n) == Some(&i))
                    .collect();
                on[i] = next;
            }
        }
        for i in 1..=length {
            if on[i].is_empty() && !on[i - 1].is_empty() {
                let ids: Vec<&str> = on[i - 1].iter().map(String::as_str).collect();
                let next: BTreeSet<String> = self
                    .neighbours(&ids)?
                    .into_values()
                    .flatten()
                    .filter(|n| end.get(n) == Some(&(length - i)))
                    .collect();
                on[i] = next;
            }
        }
        // The least chain: from `from`, each step the least id on a shortest path.
        let mut chain = vec![from.to_string()];
        for step in on.iter().skip(1) {
            let last = chain[chain.len() - 1].as_str();
            let next = self
                .neighbours(&[last])?
                .into_values()
                .flatten()
                .find(|n| step.contains(n))
                .ok_or_else(|| StoreError::Bad("a path's step is gone".to_string()))?;
            chain.push(next);
        }
        Ok(Some(chain))
    }

    /// The admitted events `a` and `b` both took part in.
    fn events_between(&self, a: &str, b: &str) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.db.prepare_cached(&format!(
            "SELECT p.event FROM event_participants p \
             JOIN event_participants q ON q.event = p.event AND q.entity = ?2 \
             JOIN events e ON e.id = p.event WHERE p.entity = ?1 AND {}",
            self.admitted
        ))?;
        let events = stmt.query_map([a, b], |r| r.get::<_, String>(0))?;
        Ok(events.collect::<Result<_, _>>()?)
    }
}
