//! Explaining a node from a store, reading only what the explanation needs.
//!
//! In: the path of a store and a node id. Out: the [`Explanation`] the whole graph gives
//! ([`super::explain`]), from the node's articles (their findings), the node ids of the
//! people those articles name, and the people whose names come near. The whole graph knows
//! each article's node ids from its build (or by resolving every name of every article
//! again); a store keeps them in `article_entities`, written by the same build.

use std::cell::Cell;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use super::{explain_with, may_be_near, Explanation, Sources};
use crate::findings::{from_record, ArticleRecord};
use crate::graph::{ArticleGraph, Entity, EntityKind};
use crate::resolve::{Aliases, NameKeys};
use crate::store::{self, Detail, StoreError};

/// Explains the node `id` of the store at `path`: None when the store holds no such node.
pub fn explain_from_store(path: &Path, id: &str) -> Result<Option<Explanation>, StoreError> {
    let db = store::open(path)?;
    let Some(entity) = store::entities_in_full(&db, &json(&[id])?)?.pop() else {
        return Ok(None);
    };
    let sources = StoreSources {
        aliases: store::alias_rules(&db)?,
        db,
        failed: Cell::new(None),
    };
    let explanation = explain_with(&sources, &entity);
    match sources.failed.take() {
        Some(error) => Err(error),
        None => Ok(Some(explanation)),
    }
}

struct StoreSources {
    db: Connection,
    aliases: Aliases,
    /// The first failure; later reads give nothing.
    failed: Cell<Option<StoreError>>,
}

impl StoreSources {
    /// Runs `read`, keeping its failure; `or` when it fails or failed before.
    fn guard<T>(&self, or: T, read: impl FnOnce() -> Result<T, StoreError>) -> T {
        let before = self.failed.take();
        if before.is_some() {
            self.failed.set(before);
            return or;
        }
        match read() {
            Ok(value) => value,
            Err(failure) => {
                self.failed.set(Some(failure));
                or
            }
        }
    }

    /// The node id of each person of an article (None for other entities), as the build
    /// resolved them (`article_entities`).
    fn people_of(&self, article: &ArticleGraph) -> Result<Vec<Option<String>>, StoreError> {
        let mut stmt = self.db.prepare_cached(
            "SELECT entity FROM article_entities WHERE article = ?1 ORDER BY seq",
        )?;
        let ids = stmt
            .query_map([&article.article], |r| r.get::<_, String>(0))?
            .collect::<Result<Vec<String>, _>>()?;
        if ids.len() != article.entities.len() {
            return Err(StoreError::Bad(format!(
                "article {:?}: {} entities in its findings, {} in article_entities",
                article.article,
                article.entities.len(),
                ids.len()
            )));
        }
        Ok(ids
            .into_iter()
            .zip(&article.entities)
            .map(|(id, local)| (local.kind == EntityKind::Person).then_some(id))
            .collect())
    }
}

impl Sources for StoreSources {
    fn aliases(&self) -> &Aliases {
        &self.aliases
    }

    fn for_each_article_naming(
        &self,
        id: &str,
        each: &mut dyn FnMut(&ArticleGraph, &[Option<String>]),
    ) {
        self.guard((), || {
            let mut stmt = self.db.prepare_cached(
                "SELECT a.path, a.findings FROM entity_articles r \
                     JOIN articles a ON a.path = r.article \
                     JOIN entities e ON e.id = r.entity AND e.kind = 'person' \
                     WHERE r.entity = ?1 ORDER BY a.path",
            )?;
            let mut rows = stmt.query([id])?;
            while let Some(r) = rows.next()? {
                let path = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
                let findings = r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?;
                let record: ArticleRecord = serde_json::from_str(findings)
                    .map_err(|e| StoreError::Bad(format!("article {path:?}: {e}")))?;
                let article = from_record(record).map_err(|e| StoreError::Bad(e.to_string()))?;
                let ids = self.people_of(&article)?;
                if ids.iter().any(|i| i.as_deref() == Some(id)) {
                    each(&article, &ids);
                }
            }
            Ok(())
        })
    }

    fn name(&self, id: &str) -> Option<String> {
        self.guard(None, || {
            self.db
                .query_row("SELECT name FROM entities WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(StoreError::from)
        })
    }

    fn near_people(&self, entity: &Entity, keys: &NameKeys) -> Vec<Entity> {
        self.guard(Vec::new(), || {
            // Every person by name and the name's keys (kept by the build); those near read
            // in full.
            let mut stmt = self.db.prepare(
                "SELECT k.entity, e.name, k.key, k.regnal FROM person_keys k \
                 JOIN entities e ON e.id = k.entity ORDER BY k.entity",
            )?;
            let mut rows = stmt.raw_query();
            let mut near: Vec<String> = Vec::new();
            // One entity and one set of keys, refilled for each person.
            let mut other = Entity {
                id: "".into(),
                kind: EntityKind::Person,
                name: String::new(),
                aliases: Vec::new(),
                titles: Vec::new(),
                country: None,
                iso: None,
                articles: Vec::new(),
                mentions: 0,
            };
            let mut theirs = NameKeys {
                key: String::new(),
                regnal: None,
            };
            let text = |r: &rusqlite::Row, i: usize| -> Result<Option<String>, StoreError> {
                let value = r.get_ref(i)?;
                Ok(value
                    .as_str_or_null()
                    .map_err(rusqlite::Error::from)?
                    .map(str::to_string))
            };
            while let Some(r) = rows.next()? {
                let id = r.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
                if *id == *entity.id {
                    continue;
                }
                other.name.clear();
                other
                    .name
                    .push_str(r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)?);
                theirs.key.clear();
                theirs
                    .key
                    .push_str(r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?);
                theirs.regnal = text(r, 3)?;
                if may_be_near(&self.aliases, (entity, keys), (&other, &theirs)) {
                    near.push(id.to_string());
                }
            }
            let ids = json(&near)?;
            store::entities_by_id(&self.db, &ids, Detail::ALL)
        })
    }
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Bad(e.to_string()))
}
