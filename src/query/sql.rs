//! Answering from a store: what a question needs, read from `graph.db` with SQL.
//!
//! In: the path of a store and a [`Query`]. Out: the part of the graph the question needs
//! and the answer from it, equal to the answer from the whole graph. A name's candidates
//! come from the `name_terms` index (the entities with a name, key or key word equal to the
//! question's; then, if none fits well, those with a word a spelling slip away; then, for an
//! unknown name's suggestions, those with a term near it), so a question reads a few rows
//! instead of every node. Then the events of the entities found (for a country, of everyone
//! whose country it is) through the participants' index, and the entities those events
//! name. Paths and rankings read the whole store. Imports `answer`, `names` and `parse` of
//! `query`.

use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::Connection;

use super::answer::{answer, answer_found, Answer};
use super::names::{Finder, Wanted};
use super::parse::{Query, QueryError};
use crate::graph::{Entity, EntityKind, NewsGraph};
use crate::store::{self, Detail, StoreError};

/// Answers a question from a store: the part of the graph it was answered from (the whole
/// graph for paths and rankings; empty when a name was not found) and the answer, or why the
/// question has none. The answer's `question` is the query in canonical form.
///
/// The part read holds what the answer shows; `detail` asks for more (aliases, titles and every
/// report of each event, as a drawing of the answer needs).
pub fn answer_from_store(
    path: &Path,
    query: &Query,
    detail: Detail,
) -> Result<(NewsGraph, Result<Answer, QueryError>), StoreError> {
    if matches!(query, Query::Path { .. } | Query::MostConnected { .. }) {
        let graph = store::read(path, false)?;
        let answer = answer(&graph, query);
        return Ok((graph, answer));
    }
    let db = store::open(path)?;
    let finder = Finder::new(store::decorations(&db)?);
    let mut found: Vec<Entity> = Vec::new();
    for name in query.names() {
        match find(&db, &finder, name)? {
            Ok(entity) => found.push(entity),
            Err(error) => return Ok((NewsGraph::new(), Err(error))),
        }
    }
    let mut focus: BTreeSet<String> = BTreeSet::new();
    for entity in &found {
        focus.insert(entity.id.to_string());
        if entity.kind == EntityKind::Country {
            let mut stmt = db.prepare_cached("SELECT id FROM entities WHERE country = ?1")?;
            let members = stmt.query_map([&*entity.id], |r| r.get::<_, String>(0))?;
            for id in members {
                focus.insert(id?);
            }
        }
    }
    let events = store::events_around(&db, &json(&focus)?, detail)?;
    let mut named = focus;
    named.extend(
        events
            .iter()
            .flat_map(|e| e.participants.iter().map(|p| p.to_string())),
    );
    let entities = store::entities_by_id(&db, &json(&named)?, detail)?;
    drop(named);
    let graph = NewsGraph::from_parts(
        entities,
        events,
        Vec::new(),
        Vec::new(),
        store::alias_rules(&db)?,
    );
    let found: Vec<&Entity> = found
        .iter()
        .map(|e| graph.entity(&e.id))
        .collect::<Option<_>>()
        .ok_or_else(|| StoreError::Bad("an entity found is gone from the store".to_string()))?;
    let answer = answer_found(&graph, query, &found);
    Ok((graph, Ok(answer)))
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
    // Spelling variants: a word of a key a slip or two from a word of the name.
    let terms = all_terms(db)?;
    let close: Vec<String> = terms
        .iter()
        .filter(|t| finder.close_term(&wanted, t))
        .cloned()
        .collect();
    ids.extend(entities_with(db, &close)?);
    let entities = store::entities_by_id(db, &json(&ids)?, Detail::ALL)?;
    let best = finder.best(&wanted, &entities);
    if !best.is_empty() {
        return Ok(decide(finder, &wanted, best));
    }
    let near: Vec<String> = terms
        .into_iter()
        .filter(|t| finder.near_term(&wanted, t))
        .collect();
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

/// Every term of the store, each once.
fn all_terms(db: &Connection) -> Result<Vec<String>, StoreError> {
    let mut stmt = db.prepare("SELECT term FROM name_term_list")?;
    let terms = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(terms.collect::<Result<_, _>>()?)
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Bad(e.to_string()))
}
