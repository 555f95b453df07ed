//! `graph.db`: the graph as a SQLite database, the store every command works from.
//!
//! In: a [`NewsGraph`] (with what each article said). Out: a database a user can open with
//! `sqlite3`, Python or Datasette without our code, and read back into a [`NewsGraph`]
//! ([`read`]) or into each article's findings for `merge` and `build --update`
//! ([`read_articles`]).
//!
//! Tables (see [`SCHEMA`]): `meta` (`schema_version`, `generator`), `entities` with
//! `entity_aliases`, `entity_titles` and `entity_articles`, `events` with
//! `event_participants` and `sources` (every report of an event), `affiliations`,
//! `articles` (path, hash, publication date and the article's findings as JSON), `alias_rules`,
//! `entity_search`, an FTS5 index over names and aliases for users' SQL, and `name_terms`
//! (with `name_term_list` and `name_decorations`): the terms `query` finds a name by
//! ([`crate::lookup`]), so a question reads a few rows instead of every node;
//! `name_term_list` keeps each term once by its length with its letters, so a spelling slip
//! reads only the terms a few edits allow. What a build works out once so questions need
//! not: `entity_stats` (each entity's partners and contacts, and its place in the default
//! "most connected" ranking: `stats.rs`), `article_entities` (the node each entity of an
//! article's findings became, so `explain` resolves no names) and `person_keys` (each
//! person's name keys, which `explain` compares with). Rows are written in a fixed order, so
//! the same graph gives the same content (`sqlite3 graph.db .dump` is equal).
//!
//! The library never touches the file system elsewhere; this module opens the database file
//! it is given (SQLite needs a path), and the caller decides where that is and renames it into
//! place.

use std::path::Path;
use std::sync::Arc;

use rusqlite::{Connection, OpenFlags, OptionalExtension};

use crate::findings::{from_record, ArticleRecord};
use crate::graph::{Affiliation, ArticleGraph, Entity, Event, Evidence, NewsGraph};
use crate::lookup::Decorations;

mod stats;
mod write;

use crate::resolve::Aliases;
pub use stats::{stats, Stat, COUNTED_KINDS, COUNTED_STATUS};
pub use write::write;

/// The version of the tables below; a store of another version is refused with a message
/// saying how to rebuild it. Version 3 added `entity_stats`,
/// `article_entities`, `person_keys` and `events.confidence`.
pub const SCHEMA_VERSION: u32 = 3;

/// The oldest version whose articles (`articles.findings`, `alias_rules`) this newsgraph
/// reads, so `merge` and `build --update` rebuild an older store into this version.
const OLDEST_READABLE_ARTICLES: u32 = 1;

/// The tables and indexes of `graph.db`.
pub const SCHEMA: &str = "
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,          -- person, institution, country
    name TEXT NOT NULL,
    country TEXT,                -- the id of the entity's country
    iso TEXT,                    -- ISO 3166-1 alpha-2, for countries
    mentions INTEGER NOT NULL
);
CREATE TABLE entity_aliases (entity TEXT NOT NULL, alias TEXT NOT NULL, PRIMARY KEY (entity, alias));
CREATE TABLE entity_titles (entity TEXT NOT NULL, title TEXT NOT NULL, PRIMARY KEY (entity, title));
CREATE TABLE entity_articles (entity TEXT NOT NULL, article TEXT NOT NULL, PRIMARY KEY (entity, article));
CREATE TABLE events (
    id TEXT PRIMARY KEY,         -- article#n of the first report
    seq INTEGER NOT NULL UNIQUE, -- the event's place in the graph
    kind TEXT NOT NULL,          -- call, meeting
    status TEXT NOT NULL,        -- happened, planned, denied
    date TEXT,                   -- as written (\"Wednesday\")
    date_iso TEXT,               -- 2024-03-13, 2024-W10, 2024-03 or 2024
    initiator TEXT,
    reports INTEGER NOT NULL,    -- how many articles tell it
    article TEXT NOT NULL,       -- the first report
    evidence TEXT NOT NULL,
    start INTEGER NOT NULL,      -- character offsets of the evidence in the article
    end INTEGER NOT NULL,
    confidence REAL              -- how much the fitted pair model believes it, 0 to 1
);
CREATE TABLE event_participants (event TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY (event, entity));
CREATE TABLE sources (
    event TEXT NOT NULL,
    seq INTEGER NOT NULL,        -- 0 is the first report
    article TEXT NOT NULL,
    evidence TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    PRIMARY KEY (event, seq)
);
CREATE TABLE affiliations (
    seq INTEGER PRIMARY KEY,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    kind TEXT NOT NULL,          -- member, spokesperson, nationality, part_of
    article TEXT NOT NULL,
    evidence TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL
);
CREATE TABLE articles (
    path TEXT PRIMARY KEY,
    hash TEXT NOT NULL,          -- xxh3-128 of the normalised text
    published TEXT,              -- YYYY-MM-DD
    published_from TEXT,         -- sidecar, header, path
    findings TEXT NOT NULL       -- what the article said (JSON), for merge and build --update
);
CREATE TABLE alias_rules (seq INTEGER PRIMARY KEY, rule TEXT NOT NULL);
CREATE VIRTUAL TABLE entity_search USING fts5(entity UNINDEXED, name, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE name_terms (        -- how `query` finds a name (src/lookup.rs): each name and alias
    term TEXT NOT NULL,          -- folded, its key (no titles, initials, particles) and the key's words
    entity TEXT NOT NULL,
    PRIMARY KEY (term, entity)
) WITHOUT ROWID;
CREATE TABLE name_term_list (    -- each term once, by length, for spelling slips
    length INTEGER NOT NULL,     -- in characters
    term TEXT NOT NULL,
    letters INTEGER NOT NULL,    -- its letters as bits (src/lookup.rs, letters)
    PRIMARY KEY (length, term)
) WITHOUT ROWID;
CREATE TABLE name_decorations (word TEXT PRIMARY KEY) WITHOUT ROWID; -- titles, demonyms, honorifics
CREATE TABLE entity_stats (      -- each entity's calls and meetings that happened, counted at build
    entity TEXT PRIMARY KEY,
    kind TEXT NOT NULL,          -- the entity's kind
    partners INTEGER NOT NULL,   -- distinct entities it called or met
    contacts INTEGER NOT NULL,   -- events it took part in
    rank INTEGER                 -- 1 the most connected of its kind (partners, contacts, name, id); NULL without contacts
);
CREATE TABLE person_keys (       -- how `explain` compares a person's name with others' (src/resolve)
    entity TEXT PRIMARY KEY,
    key TEXT NOT NULL,           -- the name folded, without titles, initials, particles, suffixes
    regnal TEXT                  -- for a regnal or honorific name (\"King Felipe VI\"): \"felipe vi\"
) WITHOUT ROWID;
CREATE TABLE article_entities (  -- the node each entity of an article's findings became
    article TEXT NOT NULL,
    seq INTEGER NOT NULL,        -- the entity's place in the findings' entities, 0 the first
    entity TEXT NOT NULL,        -- its node id
    PRIMARY KEY (article, seq)
) WITHOUT ROWID;
";

/// Indexes, made once the rows are in.
const INDEXES: &str = "
CREATE INDEX entities_kind ON entities (kind, id);
CREATE INDEX entities_country ON entities (country);
CREATE INDEX entities_name ON entities (name COLLATE NOCASE);
CREATE INDEX entity_aliases_alias ON entity_aliases (alias COLLATE NOCASE);
CREATE INDEX event_participants_entity ON event_participants (entity, event);
CREATE INDEX events_date ON events (date_iso);
CREATE INDEX events_kind_status ON events (kind, status);
CREATE INDEX affiliations_source ON affiliations (source);
CREATE INDEX affiliations_target ON affiliations (target);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX entity_stats_rank ON entity_stats (kind, rank);
";

/// Why a store could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("not a newsgraph store: {0}")]
    Foreign(String),
    #[error(
        "store schema_version {found} is not supported (this newsgraph reads version \
         {SCHEMA_VERSION}): rebuild it from the articles it keeps with `newsgraph merge \
         OLD/graph.db --out FOLDER` (or `newsgraph build ARTICLES --out FOLDER --update`), or \
         build the graph again with `newsgraph build`"
    )]
    Version { found: String },
    #[error("{0}")]
    Bad(String),
    #[error("reading the article records: {0}")]
    Records(#[from] std::io::Error),
}

/// Opens a store for reading, checking that it is one and of this version.
pub fn open(path: &Path) -> Result<Connection, StoreError> {
    let (db, version) = open_any(path)?;
    if version == SCHEMA_VERSION.to_string() {
        Ok(db)
    } else {
        Err(StoreError::Version { found: version })
    }
}

/// Opens a store of any version for reading: the connection and its `schema_version`.
fn open_any(path: &Path) -> Result<(Connection, String), StoreError> {
    let db = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let version: Option<String> = db
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get(0),
        )
        .optional()
        .map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                StoreError::Foreign("not a SQLite database".to_string())
            }
            rusqlite::Error::SqliteFailure(_, Some(m)) => StoreError::Foreign(m),
            other => StoreError::Foreign(other.to_string()),
        })?;
    match version {
        Some(version) => Ok((db, version)),
        None => Err(StoreError::Foreign("no schema_version in meta".to_string())),
    }
}

/// Opens a store whose articles this newsgraph reads: of this version or an older one that
/// kept them the same way.
fn open_articles(path: &Path) -> Result<Connection, StoreError> {
    let (db, version) = open_any(path)?;
    match version.parse::<u32>() {
        Ok(v) if (OLDEST_READABLE_ARTICLES..=SCHEMA_VERSION).contains(&v) => Ok(db),
        _ => Err(StoreError::Version { found: version }),
    }
}

/// Reads the graph back: nodes, events and affiliations, and, when `with_articles`, what each
/// article said (needed by `explain`, `merge` and `build --update`).
pub fn read(path: &Path, with_articles: bool) -> Result<NewsGraph, StoreError> {
    let db = open(path)?;
    let mut shared = Shared::default();
    let entities = entities_of(&db, &mut shared, true)?;
    let events = events_of(&db, &mut shared, Chosen::All, true)?;
    let affiliations = affiliations_where(&db, &mut shared, None)?;
    let aliases = read_alias_rules(&db)?;
    let articles = if with_articles {
        articles_of(&db)?
    } else {
        Vec::new()
    };
    Ok(NewsGraph::from_parts(
        entities,
        events,
        affiliations,
        articles,
        aliases,
    ))
}

/// What to read of each entity and event beyond what an answer shows (ids, kinds, names,
/// countries, dates, the first report): what a drawing of the answer shows too.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Detail {
    /// Entities' aliases and titles.
    pub names: bool,
    /// Every report of each event, not just the first.
    pub sources: bool,
}

impl Detail {
    pub const ALL: Detail = Detail {
        names: true,
        sources: true,
    };
}

/// The entities of `ids` (a JSON list of node ids), with their aliases and titles when
/// `detail.names` (never their articles), sorted by id; ids the store does not hold are
/// left out.
pub fn entities_by_id(
    db: &Connection,
    ids: &str,
    detail: Detail,
) -> Result<Vec<Entity>, StoreError> {
    let lists = if detail.names {
        Lists::Names
    } else {
        Lists::None
    };
    entities_where(db, &mut Shared::default(), lists, Some(ids))
}

/// The entities of `ids` (a JSON list of node ids) as the whole graph holds them: with their
/// aliases, titles and articles (what a drawing of them shows), sorted by id.
pub fn entities_in_full(db: &Connection, ids: &str) -> Result<Vec<Entity>, StoreError> {
    entities_where(db, &mut Shared::default(), Lists::All, Some(ids))
}

/// Every event one of `ids` (a JSON list of node ids) took part in, found through the
/// participants' index, in graph order; every report of each when `detail.sources`.
pub fn events_around(db: &Connection, ids: &str, detail: Detail) -> Result<Vec<Event>, StoreError> {
    events_of(
        db,
        &mut Shared::default(),
        Chosen::Around(ids),
        detail.sources,
    )
}

/// The events of `ids` (a JSON list of event ids), in graph order; every report of each when
/// `detail.sources`.
pub fn events_by_id(db: &Connection, ids: &str, detail: Detail) -> Result<Vec<Event>, StoreError> {
    events_of(db, &mut Shared::default(), Chosen::Ids(ids), detail.sources)
}

/// The affiliations whose source is one of `ids` (a JSON list of node ids), in graph order.
pub fn affiliations_from(db: &Connection, ids: &str) -> Result<Vec<Affiliation>, StoreError> {
    affiliations_where(db, &mut Shared::default(), Some(ids))
}

/// The user's alias rules the graph was built with.
pub fn alias_rules(db: &Connection) -> Result<Aliases, StoreError> {
    read_alias_rules(db)
}

/// The words that may precede a name in a question ([`Decorations`]), as the store was
/// written with.
pub fn decorations(db: &Connection) -> Result<Decorations, StoreError> {
    let mut stmt = db.prepare("SELECT word FROM name_decorations ORDER BY word")?;
    let words = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Decorations::from_words(words))
}

/// Strings read many times (ids, article paths) held once.
#[derive(Default)]
struct Shared {
    ids: std::collections::HashMap<String, Arc<str>>,
}

impl Shared {
    fn get(&mut self, s: String) -> Arc<str> {
        if let Some(a) = self.ids.get(&s) {
            return a.clone();
        }
        let a: Arc<str> = s.as_str().into();
        self.ids.insert(s, a.clone());
        a
    }
}

fn entities_of(
    db: &Connection,
    shared: &mut Shared,
    with_articles: bool,
) -> Result<Vec<Entity>, StoreError> {
    let lists = if with_articles {
        Lists::All
    } else {
        Lists::Names
    };
    entities_where(db, shared, lists, None)
}

/// Which lists of each entity to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lists {
    None,
    /// Aliases and titles.
    Names,
    /// Aliases, titles and articles.
    All,
}

/// The entities of the store, or of `ids` (a JSON list of node ids), sorted by id.
fn entities_where(
    db: &Connection,
    shared: &mut Shared,
    lists: Lists,
    ids: Option<&str>,
) -> Result<Vec<Entity>, StoreError> {
    let (filter, list_filter) = match ids {
        Some(_) => (
            "WHERE id IN (SELECT value FROM json_each(?1))",
            "WHERE entity IN (SELECT value FROM json_each(?1))",
        ),
        None => ("", ""),
    };
    let mut entities: Vec<Entity> = Vec::new();
    {
        let mut stmt = db.prepare(&format!(
            "SELECT id, kind, name, country, iso, mentions FROM entities {filter} ORDER BY id"
        ))?;
        bind_list(&mut stmt, ids)?;
        let mut rows = stmt.raw_query();
        while let Some(r) = rows.next()? {
            let kind: String = r.get(1)?;
            let country: Option<String> = r.get(3)?;
            entities.push(Entity {
                id: shared.get(r.get(0)?),
                kind: parse_name(&kind, "entity kind")?,
                name: r.get(2)?,
                aliases: Vec::new(),
                titles: Vec::new(),
                country: country.map(|c| shared.get(c)),
                iso: r.get(4)?,
                articles: Vec::new(),
                mentions: r.get::<_, i64>(5)?.max(0) as usize,
            });
        }
    }
    let position = |entities: &[Entity], id: &str| entities.binary_search_by(|e| (*e.id).cmp(id));
    let tables: &[(&str, &str)] = match lists {
        Lists::None => &[],
        Lists::Names => &[("entity_aliases", "alias"), ("entity_titles", "title")],
        Lists::All => &[
            ("entity_aliases", "alias"),
            ("entity_titles", "title"),
            ("entity_articles", "article"),
        ],
    };
    for &(table, column) in tables {
        let mut stmt = db.prepare(&format!(
            "SELECT entity, {column} FROM {table} {list_filter} ORDER BY entity, {column}"
        ))?;
        bind_list(&mut stmt, ids)?;
        let mut rows = stmt.raw_query();
        while let Some(r) = rows.next()? {
            let id: String = r.get(0)?;
            let value: String = r.get(1)?;
            if let Ok(i) = position(&entities, &id) {
                let e = &mut entities[i];
                match table {
                    "entity_aliases" => e.aliases.push(value),
                    "entity_titles" => e.titles.push(value),
                    _ => e.articles.push(shared.get(value)),
                }
            }
        }
    }
    Ok(entities)
}

/// Binds a JSON list of node ids, if any, as the statement's `?1`.
fn bind_list(stmt: &mut rusqlite::Statement, list: Option<&str>) -> Result<(), StoreError> {
    if let Some(list) = list {
        stmt.raw_bind_parameter(1, list)?;
    }
    Ok(())
}

/// Which events to read.
#[derive(Clone, Copy)]
enum Chosen<'a> {
    All,
    /// Those one of these node ids (a JSON list) took part in.
    Around(&'a str),
    /// These (a JSON list of event ids).
    Ids(&'a str),
}

/// The chosen events of the store in graph order.
fn events_of(
    db: &Connection,
    shared: &mut Shared,
    chosen: Chosen,
    sources: bool,
) -> Result<Vec<Event>, StoreError> {
    let (set, focus) = match chosen {
        Chosen::All => (None, None),
        Chosen::Around(ids) => (
            Some(
                "(SELECT event FROM event_participants \
                 WHERE entity IN (SELECT value FROM json_each(?1)))",
            ),
            Some(ids),
        ),
        Chosen::Ids(ids) => (Some("(SELECT value FROM json_each(?1))"), Some(ids)),
    };
    let (filter, event_filter) = match set {
        Some(set) => (
            format!("WHERE id IN {set}"),
            format!("WHERE event IN {set}"),
        ),
        None => (String::new(), String::new()),
    };
    let mut events: Vec<Event> = Vec::new();
    {
        let mut stmt = db.prepare(&format!(
            "SELECT id, kind, status, date, date_iso, initiator, article, evidence, start, end, \
             confidence FROM events {filter} ORDER BY seq"
        ))?;
        bind_list(&mut stmt, focus)?;
        let mut rows = stmt.raw_query();
        while let Some(r) = rows.next()? {
            let kind: String = r.get(1)?;
            let status: String = r.get(2)?;
            let initiator: Option<String> = r.get(5)?;
            events.push(Event {
                id: shared.get(r.get(0)?),
                kind: parse_name(&kind, "event kind")?,
                status: parse_name(&status, "status")?,
                participants: Vec::new(),
                date: r.get(3)?,
                date_iso: r.get(4)?,
                initiator: initiator.map(|i| shared.get(i)),
                confidence: r.get::<_, Option<f64>>(10)?.map(|c| c as f32),
                evidence: Evidence {
                    article: shared.get(r.get(6)?),
                    text: r.get::<_, String>(7)?.into(),
                    start: r.get::<_, i64>(8)?.max(0) as usize,
                    end: r.get::<_, i64>(9)?.max(0) as usize,
                },
                sources: Vec::new(),
            });
        }
    }
    let by_id: std::collections::HashMap<Arc<str>, usize> = events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    {
        let mut stmt = db.prepare(&format!(
            "SELECT event, entity FROM event_participants {event_filter} ORDER BY event, entity"
        ))?;
        bind_list(&mut stmt, focus)?;
        let mut rows = stmt.raw_query();
        while let Some(r) = rows.next()? {
            let event: String = r.get(0)?;
            if let Some(&i) = by_id.get(event.as_str()) {
                events[i].participants.push(shared.get(r.get(1)?));
            }
        }
        if !sources {
            return Ok(events);
        }
        let mut stmt = db.prepare(&format!(
            "SELECT event, article, evidence, start, end FROM sources {event_filter} \
             ORDER BY event, seq"
        ))?;
        bind_list(&mut stmt, focus)?;
        let mut rows = stmt.raw_query();
        while let Some(r) = rows.next()? {
            let event: String = r.get(0)?;
            if let Some(&i) = by_id.get(event.as_str()) {
                events[i].sources.push(Evidence {
                    article: shared.get(r.get(1)?),
                    text: r.get::<_, String>(2)?.into(),
                    start: r.get::<_, i64>(3)?.max(0) as usize,
                    end: r.get::<_, i64>(4)?.max(0) as usize,
                });
            }
        }
    }
    for e in &mut events {
        // One report is the event's own evidence, as the model keeps it.
        if e.sources.len() == 1 {
            e.sources.clear();
        }
    }
    Ok(events)
}

/// The affiliations of the store in graph order; with `sources` (a JSON list of node ids),
/// only those from one of them.
fn affiliations_where(
    db: &Connection,
    shared: &mut Shared,
    sources: Option<&str>,
) -> Result<Vec<Affiliation>, StoreError> {
    let filter = match sources {
        Some(_) => "WHERE source IN (SELECT value FROM json_each(?1))",
        None => "",
    };
    let mut affiliations = Vec::new();
    let mut stmt = db.prepare(&format!(
        "SELECT source, target, kind, article, evidence, start, end FROM affiliations \
         {filter} ORDER BY seq"
    ))?;
    bind_list(&mut stmt, sources)?;
    let mut rows = stmt.raw_query();
    while let Some(r) = rows.next()? {
        let kind: String = r.get(2)?;
        affiliations.push(Affiliation {
            from: shared.get(r.get(0)?),
            to: shared.get(r.get(1)?),
            kind: parse_name(&kind, "affiliation kind")?,
            evidence: Evidence {
                article: shared.get(r.get(3)?),
                text: r.get::<_, String>(4)?.into(),
                start: r.get::<_, i64>(5)?.max(0) as usize,
                end: r.get::<_, i64>(6)?.max(0) as usize,
            },
        });
    }
    Ok(affiliations)
}

/// What each article of a store said, in order of their paths, and the alias rules it was
/// built with: what `merge` and `build --update` rebuild from. A store of an older version
/// is read too (its articles are kept as in this one), so they rebuild it in this version.
pub fn read_articles(path: &Path) -> Result<(Vec<ArticleGraph>, Aliases), StoreError> {
    let db = open_articles(path)?;
    Ok((articles_of(&db)?, read_alias_rules(&db)?))
}

/// How many articles a store holds.
pub fn article_count(path: &Path) -> Result<usize, StoreError> {
    let db = open_articles(path)?;
    let n: i64 = db.query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
    Ok(n.max(0) as usize)
}

fn articles_of(db: &Connection) -> Result<Vec<ArticleGraph>, StoreError> {
    let mut stmt = db.prepare("SELECT path, findings FROM articles ORDER BY path")?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let path: String = r.get(0)?;
        let json: String = r.get(1)?;
        let record: ArticleRecord = serde_json::from_str(&json)
            .map_err(|e| StoreError::Bad(format!("article {path:?}: {e}")))?;
        out.push(from_record(record).map_err(|e| StoreError::Bad(e.to_string()))?);
    }
    Ok(out)
}

fn read_alias_rules(db: &Connection) -> Result<Aliases, StoreError> {
    let mut aliases = Aliases::default();
    let mut stmt = db.prepare("SELECT rule FROM alias_rules ORDER BY seq")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let rule: String = r.get(0)?;
        aliases
            .add(&rule)
            .map_err(|e| StoreError::Bad(format!("alias rule {e}")))?;
    }
    Ok(aliases)
}

/// A kind or status read back by its serde name (the name `as_str` writes): one parser for
/// every such enum of the model.
fn parse_name<T: serde::de::DeserializeOwned>(s: &str, what: &str) -> Result<T, StoreError> {
    use serde::de::IntoDeserializer;
    T::deserialize(s.into_deserializer())
        .map_err(|_: serde::de::value::Error| StoreError::Bad(format!("unknown {what} {s:?}")))
}
