//! A question's [`Filter`] as SQL over the store's `events`, and the small reads the answers
//! from a store share.
//!
//! In: a connection to a store and a filter. Out: a condition on `events` (named `e`) that
//! admits exactly the events [`Filter::admits`] admits: kinds and statuses in SQL, a period
//! through the function `newsgraph_in_period` registered on the connection (the same
//! [`span_of`] as in Rust, so the two never differ). Imports `dates` and `parse` of `query`.

use std::collections::BTreeSet;

use rusqlite::functions::FunctionFlags;
use rusqlite::Connection;

use super::dates::{span_of, Period};
use super::parse::Filter;
use crate::graph::{Entity, EntityKind, Status};
use crate::store::StoreError;

/// The SQL condition on `events AS e` that admits what `filter` admits; `statuses`, if given,
/// replaces the filter's statuses. Registers the period's function on `db` when needed.
pub(super) fn condition(
    db: &Connection,
    filter: &Filter,
    statuses: Option<&[Status]>,
) -> Result<String, StoreError> {
    let kinds: Vec<String> = filter
        .kinds
        .iter()
        .map(|k| format!("'{}'", k.as_str()))
        .collect();
    let statuses: Vec<String> = statuses
        .unwrap_or(&filter.statuses)
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    let mut sql = format!(
        "e.kind IN ({}) AND e.status IN ({})",
        kinds.join(", "),
        statuses.join(", ")
    );
    if let Some(period) = filter.period {
        register_period(db, period)?;
        sql.push_str(" AND newsgraph_in_period(e.date, e.date_iso, e.article)");
    }
    Ok(sql)
}

/// Registers `newsgraph_in_period(date, date_iso, article)`: does the event overlap `period`?
fn register_period(db: &Connection, period: Period) -> Result<(), StoreError> {
    db.create_scalar_function(
        "newsgraph_in_period",
        3,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        move |ctx| {
            let date: Option<String> = ctx.get(0)?;
            let date_iso: Option<String> = ctx.get(1)?;
            let article: String = ctx.get(2)?;
            Ok(span_of(date.as_deref(), date_iso.as_deref(), &article)
                .is_some_and(|s| period.overlaps(&s)))
        },
    )?;
    Ok(())
}

/// How many events of `kinds` and `statuses` (and among those `around` took part in, a JSON
/// list of node ids, if given) cannot be placed in time: the note of a question with a period.
pub(super) fn unplaced(
    db: &Connection,
    filter: &Filter,
    around: Option<&str>,
) -> Result<usize, StoreError> {
    db.create_scalar_function(
        "newsgraph_placed",
        3,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| {
            let date: Option<String> = ctx.get(0)?;
            let date_iso: Option<String> = ctx.get(1)?;
            let article: String = ctx.get(2)?;
            Ok(span_of(date.as_deref(), date_iso.as_deref(), &article).is_some())
        },
    )?;
    let unfiltered = Filter {
        period: None,
        ..filter.clone()
    };
    let admitted = condition(db, &unfiltered, None)?;
    let placed = "NOT newsgraph_placed(e.date, e.date_iso, e.article)";
    let n: i64 = match around {
        None => db.query_row(
            &format!("SELECT count(*) FROM events e WHERE {admitted} AND {placed}"),
            [],
            |r| r.get(0),
        )?,
        Some(ids) => db.query_row(
            &format!(
                "SELECT count(*) FROM events e WHERE e.id IN (SELECT event FROM \
                 event_participants WHERE entity IN (SELECT value FROM json_each(?1))) \
                 AND {admitted} AND {placed}"
            ),
            [ids],
            |r| r.get(0),
        )?,
    };
    Ok(n.max(0) as usize)
}

/// The ids an entity stands for: a country with its people and institutions, else itself
/// (as [`super::answer::side`] over the whole graph).
pub(super) fn side_of(db: &Connection, entity: &Entity) -> Result<BTreeSet<String>, StoreError> {
    let mut side = BTreeSet::from([entity.id.to_string()]);
    if entity.kind == EntityKind::Country {
        let mut stmt = db.prepare_cached("SELECT id FROM entities WHERE country = ?1")?;
        let members = stmt.query_map([&*entity.id], |r| r.get::<_, String>(0))?;
        for id in members {
            side.insert(id?);
        }
    }
    Ok(side)
}

/// A value as JSON (lists of ids are bound to statements as JSON and read with `json_each`).
pub(super) fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Bad(e.to_string()))
}
