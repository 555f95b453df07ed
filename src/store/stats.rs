//! `entity_stats`: what a build counts once so that "most connected" need not.
//!
//! In: a [`NewsGraph`] being written. Out: a row for every entity: its distinct partners and
//! its contacts among the calls and meetings that happened (what "most connected" counts by
//! default), and its place among the entities of its kind in that ranking (partners, then
//! contacts, most first, then name and id; none without a contact), so the default ranking
//! is an index read. The rows are a function of the graph, so a build, a merge and an update
//! over the same articles write the same rows.

use std::collections::HashMap;

use rusqlite::types::ValueRef;
use rusqlite::Connection;

use super::write::{text, Rows};
use super::StoreError;
use crate::graph::{ContactKind, EntityKind, NewsGraph, Status};

/// The calls and meetings `entity_stats` counts: those that happened (the default of a
/// ranking, [`crate::query::Filter::contacts`]).
pub const COUNTED_KINDS: [ContactKind; 2] = [ContactKind::Call, ContactKind::Meeting];
pub const COUNTED_STATUS: Status = Status::Happened;

/// One entity's counts and rank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stat<'g> {
    pub id: &'g str,
    pub kind: EntityKind,
    /// Distinct entities it had a counted contact with.
    pub partners: u32,
    /// Counted contacts it took part in.
    pub contacts: u32,
    /// 1 for the most connected of its kind; None without a counted contact.
    pub rank: Option<u32>,
}

/// Every entity's counts and rank, in order of ids.
pub fn stats(graph: &NewsGraph) -> Vec<Stat<'_>> {
    // Each id a number: the entities first (in order), then any participant that is none.
    let mut number: HashMap<&str, u32> = HashMap::new();
    for (n, e) in graph.entities().enumerate() {
        number.insert(&e.id, n as u32);
    }
    let mut contacts: Vec<u32> = vec![0; number.len()];
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    let mut group: Vec<u32> = Vec::new();
    for event in graph.events() {
        if !COUNTED_KINDS.contains(&event.kind) || event.status != COUNTED_STATUS {
            continue;
        }
        group.clear();
        for p in &event.participants {
            let next = number.len() as u32;
            group.push(*number.entry(&**p).or_insert(next));
        }
        group.sort_unstable();
        group.dedup();
        contacts.resize(number.len(), 0);
        for &a in &group {
            contacts[a as usize] += 1;
            pairs.extend(group.iter().filter(|&&b| b != a).map(|&b| (a, b)));
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    let mut partners = vec![0u32; number.len()];
    for (a, _) in pairs {
        partners[a as usize] += 1;
    }
    let mut out: Vec<Stat> = graph
        .entities()
        .enumerate()
        .map(|(n, e)| Stat {
            id: &e.id,
            kind: e.kind,
            partners: partners[n],
            contacts: contacts.get(n).copied().unwrap_or(0),
            rank: None,
        })
        .collect();
    // Ranks, kind by kind: partners, contacts (most first), name, id.
    let names: Vec<&str> = graph.entities().map(|e| e.name.as_str()).collect();
    let mut order: Vec<usize> = (0..out.len()).filter(|&n| out[n].contacts > 0).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&out[a], &out[b]);
        x.kind
            .as_str()
            .cmp(y.kind.as_str())
            .then(y.partners.cmp(&x.partners))
            .then(y.contacts.cmp(&x.contacts))
            .then(names[a].cmp(names[b]))
            .then(x.id.cmp(y.id))
    });
    let mut last: Option<(EntityKind, u32)> = None;
    for n in order {
        let rank = match last {
            Some((kind, rank)) if kind == out[n].kind => rank + 1,
            _ => 1,
        };
        out[n].rank = Some(rank);
        last = Some((out[n].kind, rank));
    }
    out
}

/// Writes `entity_stats`, in order of ids.
pub(super) fn write_stats(db: &Connection, graph: &NewsGraph) -> Result<(), StoreError> {
    let stats = stats(graph);
    let mut row = Rows::new(db, "INSERT INTO entity_stats", 5);
    for s in &stats {
        row.push(&[
            text(s.id),
            text(s.kind.as_str()),
            ValueRef::Integer(s.partners.into()),
            ValueRef::Integer(s.contacts.into()),
            s.rank
                .map_or(ValueRef::Null, |r| ValueRef::Integer(r.into())),
        ])?;
    }
    row.finish()
}
