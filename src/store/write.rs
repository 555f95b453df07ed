//! Writing `graph.db`: a [`NewsGraph`] in, a new database file out, its rows in a fixed order
//! (so the same graph gives the same `sqlite3 graph.db .dump`).
//!
//! A build spends more time here than anywhere but extraction, so the rows go in the cheapest
//! way SQLite offers that leaves the content as it was: one transaction into a file nobody
//! reads yet (no journal, no syncs: the caller syncs it and renames it into place), and many
//! rows an `INSERT` ([`Rows`]), which runs the statement's set-up once for all of them.

use std::path::Path;

use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Connection, Statement};

use super::{StoreError, INDEXES, SCHEMA, SCHEMA_VERSION};
use crate::findings::record;
use crate::graph::{Entity, EntityKind, NewsGraph};
use crate::lookup::{letters, Decorations};
use crate::resolve::NameKeys;

/// Writes the graph into a new database at `path` (a fresh, empty or missing file: the caller
/// writes to a temporary file and renames it into place).
pub fn write(graph: &NewsGraph, path: &Path) -> Result<(), StoreError> {
    let mut db = Connection::open(path)?;
    // One transaction into a file nobody reads yet: no journal, no syncs until the end.
    db.execute_batch(
        "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;",
    )?;
    let tx = db.transaction()?;
    tx.execute_batch(SCHEMA)?;
    let generator = format!("newsgraph {}", env!("CARGO_PKG_VERSION"));
    let version = SCHEMA_VERSION.to_string();
    let mut meta = Rows::new(&tx, "INSERT INTO meta", 2);
    meta.push(&[text("schema_version"), text(&version)])?;
    meta.push(&[text("generator"), text(&generator)])?;
    meta.finish()?;
    write_search(&tx, graph)?;
    write_entities(&tx, graph)?;
    write_events(&tx, graph)?;
    write_terms(&tx, graph)?;
    write_person_keys(&tx, graph)?;
    let lines = graph.aliases().lines();
    let mut rule = Rows::new(&tx, "INSERT INTO alias_rules", 2);
    for (seq, line) in lines.iter().enumerate() {
        rule.push(&[int(seq), text(line)])?;
    }
    rule.finish()?;
    super::stats::write_stats(&tx, graph)?;
    write_articles(&tx, graph)?;
    tx.execute_batch(INDEXES)?;
    tx.commit()?;
    db.execute_batch("PRAGMA optimize;")?;
    db.close().map_err(|(_, e)| e)?;
    Ok(())
}

/// `entity_search`, the FTS5 index of every entity's name and aliases: one row a statement,
/// before any other rows. FTS5 keeps the rows of a transaction in memory and writes them out
/// as a segment when a statement opens a savepoint (as an `INSERT` of several rows does) or
/// the memory fills, so the segments, which `.dump` shows, depend on when other statements
/// run: written this way they are those of the rows written one a statement in any order.
fn write_search(db: &Connection, graph: &NewsGraph) -> Result<(), StoreError> {
    let mut search = db.prepare("INSERT INTO entity_search VALUES (?1, ?2)")?;
    for e in graph.entities() {
        search.execute([&*e.id, &e.name])?;
        for a in &e.aliases {
            if *a != e.name {
                search.execute([&*e.id, a])?;
            }
        }
    }
    Ok(())
}

/// `entities` with their aliases, titles and articles.
fn write_entities(db: &Connection, graph: &NewsGraph) -> Result<(), StoreError> {
    let mut entity = Rows::new(db, "INSERT INTO entities", 6);
    let mut alias = Rows::new(db, "INSERT OR IGNORE INTO entity_aliases", 2);
    let mut title = Rows::new(db, "INSERT OR IGNORE INTO entity_titles", 2);
    let mut article = Rows::new(db, "INSERT OR IGNORE INTO entity_articles", 2);
    for e in graph.entities() {
        let id = text(&e.id);
        entity.push(&[
            id,
            text(e.kind.as_str()),
            text(&e.name),
            optional(e.country.as_deref()),
            optional(e.iso.as_deref()),
            int(e.mentions),
        ])?;
        for a in &e.aliases {
            alias.push(&[id, text(a)])?;
        }
        for t in &e.titles {
            title.push(&[id, text(t)])?;
        }
        for a in &e.articles {
            article.push(&[id, text(a)])?;
        }
    }
    for rows in [entity, alias, title, article] {
        rows.finish()?;
    }
    Ok(())
}

/// `events` with their participants and every report, then `affiliations`.
fn write_events(db: &Connection, graph: &NewsGraph) -> Result<(), StoreError> {
    let mut event = Rows::new(db, "INSERT OR IGNORE INTO events", 13);
    let mut participant = Rows::new(db, "INSERT OR IGNORE INTO event_participants", 2);
    let mut source = Rows::new(db, "INSERT OR IGNORE INTO sources", 6);
    let reports: Vec<i64> = graph.events().iter().map(|e| e.reports() as i64).collect();
    for ((seq, e), n_reports) in graph.events().iter().enumerate().zip(&reports) {
        let ev = &e.evidence;
        let id = text(&e.id);
        event.push(&[
            id,
            int(seq),
            text(e.kind.as_str()),
            text(e.status.as_str()),
            optional(e.date.as_deref()),
            optional(e.date_iso.as_deref()),
            optional(e.initiator.as_deref()),
            ValueRef::Integer(*n_reports),
            text(&ev.article),
            text(&ev.text),
            int(ev.start),
            int(ev.end),
            confidence(e.confidence),
        ])?;
        for p in &e.participants {
            participant.push(&[id, text(p)])?;
        }
        let sources = if e.sources.is_empty() {
            std::slice::from_ref(ev)
        } else {
            &e.sources[..]
        };
        for (i, s) in sources.iter().enumerate() {
            source.push(&[
                id,
                int(i),
                text(&s.article),
                text(&s.text),
                int(s.start),
                int(s.end),
            ])?;
        }
    }
    for rows in [event, participant, source] {
        rows.finish()?;
    }
    let mut affiliation = Rows::new(db, "INSERT INTO affiliations", 8);
    for (seq, a) in graph.affiliations().iter().enumerate() {
        let ev = &a.evidence;
        affiliation.push(&[
            int(seq),
            text(&a.from),
            text(&a.to),
            text(a.kind.as_str()),
            text(&ev.article),
            text(&ev.text),
            int(ev.start),
            int(ev.end),
        ])?;
    }
    affiliation.finish()
}

/// `name_terms`, `name_term_list` and `name_decorations`: how `query` finds a name.
fn write_terms(db: &Connection, graph: &NewsGraph) -> Result<(), StoreError> {
    // The terms of every name, made on every core (the folding is most of a small build's
    // time spent here), written in order.
    let decorations = Decorations::of(graph.entities());
    let entities: Vec<&Entity> = graph.entities().collect();
    let terms: Vec<Vec<String>> = {
        use rayon::prelude::*;
        entities.par_iter().map(|e| decorations.terms(e)).collect()
    };
    let mut term = Rows::new(db, "INSERT INTO name_terms", 2);
    for (entity, terms) in entities.iter().zip(&terms) {
        for t in terms {
            term.push(&[text(t), text(&entity.id)])?;
        }
    }
    term.finish()?;
    let distinct: std::collections::BTreeSet<&String> = terms.iter().flatten().collect();
    let mut listed = Rows::new(db, "INSERT INTO name_term_list", 3);
    for t in distinct {
        listed.push(&[
            int(t.chars().count()),
            text(t),
            // The bits as they are (SQLite's integers are signed).
            ValueRef::Integer(letters(t) as i64),
        ])?;
    }
    listed.finish()?;
    let mut decoration = Rows::new(db, "INSERT INTO name_decorations", 1);
    for word in decorations.words() {
        decoration.push(&[text(word)])?;
    }
    decoration.finish()
}

/// `person_keys`: each person's name keys, as `explain` compares names ([`NameKeys`]),
/// made on every core.
fn write_person_keys(db: &Connection, graph: &NewsGraph) -> Result<(), StoreError> {
    let people: Vec<&Entity> = graph
        .entities()
        .filter(|e| e.kind == EntityKind::Person)
        .collect();
    let keys: Vec<NameKeys> = {
        use rayon::prelude::*;
        people
            .par_iter()
            .map(|e| NameKeys::of(&e.name, &e.titles))
            .collect()
    };
    let mut row = Rows::new(db, "INSERT INTO person_keys", 3);
    for (person, keys) in people.iter().zip(&keys) {
        row.push(&[
            text(&person.id),
            text(&keys.key),
            optional(keys.regnal.as_deref()),
        ])?;
    }
    row.finish()
}

/// `articles`: each article's path, hash, publication date and findings (JSON), and
/// `article_entities`: the node id of each entity of its findings; in order.
fn write_articles(db: &Connection, graph: &NewsGraph) -> Result<(), StoreError> {
    let mut row = db.prepare("INSERT OR REPLACE INTO articles VALUES (?1, ?2, ?3, ?4, ?5)")?;
    let mut entity = db.prepare("INSERT OR REPLACE INTO article_entities VALUES (?1, ?2, ?3)")?;
    let mut failed = None;
    graph.for_each_article_with_ids(&mut |a, ids| {
        if failed.is_some() {
            return;
        }
        let findings = record(a);
        let written = serde_json::to_string(&findings)
            .map_err(|e| StoreError::Bad(e.to_string()))
            .and_then(|json| {
                row.execute(rusqlite::params![
                    findings.id,
                    findings.hash,
                    findings.published,
                    findings.published_from.map(|s| s.as_str()),
                    json
                ])
                .map_err(StoreError::from)
            })
            .and_then(|_| {
                for (seq, id) in ids.iter().enumerate() {
                    entity.execute(rusqlite::params![findings.id, seq as i64, &**id])?;
                }
                Ok(())
            });
        failed = written.err();
    })?;
    match failed {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// How many rows one `INSERT` of [`Rows`] carries.
const ROWS: usize = 64;

/// The rows of one table, in order, `ROWS` to an `INSERT ... VALUES (..), (..), ...`: SQLite
/// opens the table and its indexes once a statement, so fewer statements do less work for
/// the same rows (the rows and their order, hence the content, are the same as one a
/// statement). Values are borrowed until their statement runs.
pub(super) struct Rows<'c, 'a> {
    db: &'c Connection,
    /// `INSERT [OR IGNORE] INTO table`.
    insert: &'static str,
    width: usize,
    /// The statement of `ROWS` rows, made when first needed.
    full: Option<Statement<'c>>,
    pending: Vec<ValueRef<'a>>,
}

impl<'c, 'a> Rows<'c, 'a> {
    pub(super) fn new(db: &'c Connection, insert: &'static str, width: usize) -> Rows<'c, 'a> {
        Rows {
            db,
            insert,
            width,
            full: None,
            pending: Vec::with_capacity(width * ROWS),
        }
    }

    /// Adds a row (`width` values); runs the statement when `ROWS` rows are waiting.
    pub(super) fn push(&mut self, row: &[ValueRef<'a>]) -> Result<(), StoreError> {
        debug_assert_eq!(row.len(), self.width);
        self.pending.extend_from_slice(row);
        if self.pending.len() == self.width * ROWS {
            if self.full.is_none() {
                self.full = Some(self.statement(ROWS)?);
            }
            if let Some(full) = &mut self.full {
                run(full, &self.pending)?;
            }
            self.pending.clear();
        }
        Ok(())
    }

    /// Inserts the rows still waiting.
    pub(super) fn finish(self) -> Result<(), StoreError> {
        if !self.pending.is_empty() {
            let mut last = self.statement(self.pending.len() / self.width)?;
            run(&mut last, &self.pending)?;
        }
        Ok(())
    }

    fn statement(&self, rows: usize) -> Result<Statement<'c>, StoreError> {
        let mut row = String::from("(?");
        row.push_str(&",?".repeat(self.width - 1));
        row.push(')');
        let sql = format!("{} VALUES {}", self.insert, vec![row; rows].join(","));
        Ok(self.db.prepare(&sql)?)
    }
}

/// Binds `values` to the statement's parameters in order and runs it.
fn run(statement: &mut Statement, values: &[ValueRef]) -> Result<(), StoreError> {
    for (i, value) in values.iter().enumerate() {
        statement.raw_bind_parameter(i + 1, ToSqlOutput::Borrowed(*value))?;
    }
    statement.raw_execute()?;
    Ok(())
}

pub(super) fn text(s: &str) -> ValueRef<'_> {
    ValueRef::Text(s.as_bytes())
}

fn optional(s: Option<&str>) -> ValueRef<'_> {
    s.map_or(ValueRef::Null, |s| ValueRef::Text(s.as_bytes()))
}

fn int(n: usize) -> ValueRef<'static> {
    ValueRef::Integer(n as i64)
}

/// A confidence as SQLite's double, by its two-decimal text: 0.85, not 0.8500000238418579.
fn confidence(c: Option<f32>) -> ValueRef<'static> {
    c.and_then(|c| c.to_string().parse::<f64>().ok())
        .map_or(ValueRef::Null, ValueRef::Real)
}
