//! Answering from a store: what a question needs, read from `graph.db` with SQL.
//!
//! In: the path of a store and a [`Query`]. Out: the part of the graph the question needs
//! and the answer from it, equal to the answer from the whole graph. A name's candidates
//! come from the `name_terms` index (the entities with a name, key or key word equal to the
//! question's; then, if none fits well, those with a word a spelling slip away; then, for an
//! unknown name's suggestions, those with a term near it), so a question reads a few rows
//! instead of every node. Then, for a table of a few rows, the rows counted in SQL and the
//! events of those shown (`counted`); for the whole answer (`--json`, a drawing), the events
//! of the entities found (for a country, of everyone whose country it is) through the
//! participants' index, and the entities those events name. Paths and rankings search and
//! count in SQL (`whole`), never reading the whole store. Imports `answer`, `counted`,
//! `filter_sql`, `names`, `parse` and `whole` of `query`.

use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::Connection;

use super::answer::{answer_found, Answer};
use super::counted;
use super::filter_sql::{json, side_of, unplaced};
use super::names::{Finder, Sieve, Wanted};
use super::parse::{Query, QueryError};
use super::whole;
use crate::graph::{Entity, NewsGraph};
use crate::store::{self, Detail, StoreError};

/// Answers a question from a store: the part of the graph it was answered from (empty when a
/// name was not found) and the answer, or why the question has none. The answer's `question`
/// is the query in canonical form.
///
/// The part read holds what the answer shows; `detail` asks for more (aliases, titles and every
/// report of each event, as a drawing of the answer needs). With `shown`, the answer is for a
/// table of that many rows (or timeline events): the others are counted, not read
/// ([`Answer::more_rows`], [`Answer::more_events`]). Paths and rankings never read the whole
/// store.
pub fn answer_from_store(
    path: &Path,
    query: &Query,
    detail: Detail,
    shown: Option<usize>,
) -> Result<(NewsGraph, Result<Answer, QueryError>), StoreError> {
    let db = store::open(path)?;
    let mut found: Vec<Entity> = Vec::new();
    if !query.names().is_empty() {
        let finder = Finder::new(store::decorations(&db)?);
        for name in query.names() {
            match find(&db, &finder, name)? {
                Ok(entity) => found.push(entity),
                Err(error) => return Ok((NewsGraph::new(), Err(error))),
            }
        }
    }
    let (graph, mut answer) = match (query, shown) {
        (
            Query::MostConnected {
                kind,
                limit,
                filter,
            },
            _,
        ) => whole::most_connected(&db, *kind, *limit, filter, detail)?,
        (Query::Path { filter, .. }, _) => whole::path(&db, &found[0], &found[1], filter, detail)?,
        (_, Some(shown)) => counted::answer_shown(&db, query, &found, shown, detail)?,
        (_, None) => return answer_in_full(&db, query, &found, &focus(&db, &found)?, detail),
    };
    answer.question = query.to_string();
    let filter = query.filter();
    if let Some(period) = filter.period {
        let around = match query {
            Query::MostConnected { .. } | Query::Path { .. } => None,
            _ => Some(json(&focus(&db, &found)?)?),
        };
        let unplaced = unplaced(&db, filter, around.as_deref())?;
        if unplaced > 0 {
            answer.notes.push(format!(
                "{unplaced} events of the graph could not be placed {period} and were left out"
            ));
        }
    }
    Ok((graph, Ok(answer)))
}

/// The ids the entities found stand for (a country with everyone whose country it is).
fn focus(db: &Connection, found: &[Entity]) -> Result<BTreeSet<String>, StoreError> {
    let mut focus = BTreeSet::new();
    for entity in found {
        focus.extend(side_of(db, entity)?);
    }
    Ok(focus)
}

/// The whole answer to a question about the entities `found`: every event of `focus` (their
/// sides), and the entities those events name.
fn answer_in_full(
    db: &Connection,
    query: &Query,
    found: &[Entity],
    focus: &BTreeSet<String>,
    detail: Detail,
) -> Result<(NewsGraph, Result<Answer, QueryError>), StoreError> {
    let events = store::events_around(db, &json(focus)?, detail)?;
    let mut named = focus.clone();
    named.extend(
        events
            .iter()
            .flat_map(|e| e.participants.iter().map(|p| p.to_string())),
    );
    let entities = store::entities_by_id(db, &json(&named)?, detail)?;
    drop(named);
    let graph = NewsGraph::from_parts(
        entities,
        events,
        Vec::new(),
        Vec::new(),
        store::alias_rules(db)?,
    );
    let found: Vec<&Entity> = found
        .iter()
        .map(|e| graph.entity(&e.id))
        .collect::<Option<_>>()
        .ok_or_else(|| StoreError::Bad("an entity found is gone from the store".to_string()))?;
    let answer = answer_found(&graph, query, &found);
    Ok((graph, Ok(answer)))
}

/// The entity a name stands for in the store at `path`: the one [`super::find_entity`] finds
/// over the whole graph, found through the store's name terms.
pub fn find_in_store(path: &Path, name: &str) -> Result<Result<Entity, QueryError>, StoreError> {
    let db = store::open(path)?;
    let finder = Finder::new(store::decorations(&db)?);
    find(&db, &finder, name)
}

/// The entity a name stands for, among the candidates the store's name terms give; the same
/// as [`Finder::find`] over every entity of the store (see the module's comment).
fn find(
    db: &Connection,
    finder: &Finder,
    name: &str,
) -> Result<Result<Entity, QueryError>, StoreError> {
    let wanted = finder.wanted(name);
    let mut ids = entities_with(db, &finder.exact_terms(&wanted))?;
    ids.insert(wanted.id.clone());
    ids.extend(wanted.country.clone());
    let entities = store::entities_by_id(db, &json(&ids)?, Detail::ALL)?;
    let best = finder.best(&wanted, &entities);
    if best.first().is_some_and(|(score, _)| *score < 100) {
        return Ok(decide(finder, &wanted, best));
    }
    // Spelling variants: a word of a key a slip or two from a word of the name, among the
    // terms whose length and letters allow it.
    let mut close: Vec<String> = Vec::new();
    terms_sieved(db, &finder.close_sieve(&wanted), &mut |term| {
        if finder.close_term(&wanted, term) {
            close.push(term.to_string());
        }
    })?;
    ids.extend(entities_with(db, &close)?);
    let entities = store::entities_by_id(db, &json(&ids)?, Detail::ALL)?;
    let best = finder.best(&wanted, &entities);
    if !best.is_empty() {
        return Ok(decide(finder, &wanted, best));
    }
    // Suggestions: the terms near the name, of a length and letters near its own, or
    // starting with it.
    let mut near: BTreeSet<String> = BTreeSet::new();
    terms_sieved(db, &finder.near_sieve(&wanted), &mut |term| {
        if finder.near_term(&wanted, term) {
            near.insert(term.to_string());
        }
    })?;
    if let Some(prefix) = finder.near_prefix(&wanted) {
        terms_starting(db, prefix, &mut |term| {
            if finder.near_term(&wanted, term) {
                near.insert(term.to_string());
            }
        })?;
    }
    let near: Vec<String> = near.into_iter().collect();
    let entities = store::entities_by_id(db, &json(&entities_with(db, &near)?)?, Detail::ALL)?;
    Ok(finder
        .decide(&wanted, Vec::new(), || finder.suggest(&wanted, &entities))
        .cloned())
}

fn decide(
    finder: &Finder,
    wanted: &Wanted,
    best: super::names::Best<'_>,
) -> Result<Entity, QueryError> {
    finder.decide(wanted, best, Vec::new).cloned()
}

/// The ids of the entities with one of `terms`.
fn entities_with(db: &Connection, terms: &[String]) -> Result<BTreeSet<String>, StoreError> {
    let mut stmt = db.prepare_cached(
        "SELECT DISTINCT entity FROM name_terms WHERE term IN (SELECT value FROM json_each(?1))",
    )?;
    let ids = stmt.query_map([json(terms)?], |r| r.get::<_, String>(0))?;
    Ok(ids.collect::<Result<_, _>>()?)
}

/// Hands `each` every distinct term of the store that `sieve` passes: those of its lengths
/// (an index read of `name_term_list`, kept by length) whose letters pass.
fn terms_sieved(
    db: &Connection,
    sieve: &Sieve,
    each: &mut dyn FnMut(&str),
) -> Result<(), StoreError> {
    let mut stmt = db.prepare_cached(
        "SELECT length, term, letters FROM name_term_list WHERE length BETWEEN ?1 AND ?2",
    )?;
    for (from, to) in sieve.lengths() {
        let bound = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        let mut rows = stmt.query([bound(from), bound(to)])?;
        while let Some(r) = rows.next()? {
            let length = r.get::<_, i64>(0)?.max(0) as usize;
            // The bits as written (SQLite's integers are signed).
            let letters = r.get::<_, i64>(2)? as u64;
            if sieve.passes(length, letters) {
                each(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?);
            }
        }
    }
    Ok(())
}

/// Hands `each` every distinct term of the store that starts with `prefix` (a range of the
/// index of `name_terms`: the terms that start with it follow it in order).
fn terms_starting(
    db: &Connection,
    prefix: &str,
    each: &mut dyn FnMut(&str),
) -> Result<(), StoreError> {
    let mut stmt =
        db.prepare_cached("SELECT DISTINCT term FROM name_terms WHERE term >= ?1 ORDER BY term")?;
    let mut rows = stmt.query([prefix])?;
    while let Some(r) = rows.next()? {
        let term = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        if !term.starts_with(prefix) {
            break;
        }
        each(term);
    }
    Ok(())
}
