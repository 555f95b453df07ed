//! Explaining a node from a store, reading only what the explanation needs.
//!
//! In: the path of a store and a node id. Out: the [`Explanation`] the whole graph gives
//! ([`super::explain`]), from the node's articles (their findings), the node ids of the
//! people those articles name, and the people whose names come near. The whole graph knows
//! each article's node ids by resolving every name of every article again; a store answers
//! it by name: a person of an article is the one node that has the name among its aliases
//! and the article among its articles. When a name fits several such nodes, None: the
//! caller explains from the whole graph.

use std::cell::Cell;
use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension};

use super::{explain_with, may_be_near, Explanation, Sources};
use crate::findings::{from_record, ArticleRecord};
use crate::graph::{ArticleGraph, Entity, EntityKind};
use crate::resolve::Aliases;
use crate::store::{self, Detail, StoreError};

/// Explains the node `id` of the store at `path`: None when the store holds no such node, or
/// when a name of its articles fits several nodes (see the module's comment).
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
        Some(Failure::Store(error)) => Err(error),
        Some(Failure::Ambiguous) => Ok(None),
        None => Ok(Some(explanation)),
    }
}

/// Why the store could not give what an explanation asked for.
enum Failure {
    Store(StoreError),
    /// A person of an article fits several nodes by name.
    Ambiguous,
}

struct StoreSources {
    db: Connection,
    aliases: Aliases,
    /// The first failure; later reads give nothing.
    failed: Cell<Option<Failure>>,
}

impl StoreSources {
    /// Runs `read`, keeping its failure; `or` when it fails or failed before.
    fn guard<T>(&self, or: T, read: impl FnOnce() -> Result<T, Failure>) -> T {
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

    /// The nodes that may be the person `name` of `article`: those with the name among their
    /// aliases and the article among their articles.
    fn candidates(&self, article: &str, name: &str) -> Result<BTreeSet<String>, Failure> {
        let mut stmt = self
            .db
            .prepare_cached(
                "SELECT DISTINCT a.entity, a.alias FROM entity_aliases a \
                 JOIN entity_articles r ON r.entity = a.entity AND r.article = ?2 \
                 JOIN entities e ON e.id = a.entity AND e.kind = 'person' \
                 WHERE a.alias = ?1 COLLATE NOCASE",
            )
            .map_err(store_error)?;
        let mut rows = stmt.query([name, article]).map_err(store_error)?;
        let mut found = BTreeSet::new();
        while let Some(r) = rows.next().map_err(store_error)? {
            let (entity, alias): (String, String) = (
                r.get(0).map_err(store_error)?,
                r.get(1).map_err(store_error)?,
            );
            if alias == name {
                found.insert(entity);
            }
        }
        Ok(found)
    }

    /// The node id of each person of an article (None for other entities). Each person is one
    /// node, and each node that lists the article is some person of it: a node only one
    /// person could be is that person's, which may leave another person one node.
    fn people_of(&self, article: &ArticleGraph) -> Result<Vec<Option<String>>, Failure> {
        let mut fits: Vec<Option<BTreeSet<String>>> = Vec::new();
        for local in &article.entities {
            fits.push(match local.kind {
                EntityKind::Person => Some(self.candidates(&article.article, &local.name)?),
                _ => None,
            });
        }
        loop {
            let mut changed = false;
            let nodes: BTreeSet<String> = fits.iter().flatten().flatten().cloned().collect();
            for node in nodes {
                let who: Vec<usize> = (0..fits.len())
                    .filter(|&i| fits[i].as_ref().is_some_and(|f| f.contains(&node)))
                    .collect();
                if let [only] = who[..] {
                    let fit = fits[only].as_mut().expect("a person");
                    if fit.len() > 1 {
                        *fit = BTreeSet::from([node]);
                        changed = true;
                    }
                }
            }
            if !changed {
                break;
            }
        }
        fits.into_iter()
            .map(|fit| match fit {
                None => Ok(None),
                Some(fit) if fit.len() == 1 => Ok(fit.into_iter().next()),
                Some(_) => Err(Failure::Ambiguous),
            })
            .collect()
    }
}

impl Sources for StoreSources {
    fn aliases(&self) -> &Aliases {
        &self.aliases
    }

    fn articles_naming(&self, id: &str) -> Vec<(ArticleGraph, Vec<Option<String>>)> {
        self.guard(Vec::new(), || {
            let mut stmt = self
                .db
                .prepare_cached(
                    "SELECT a.path, a.findings FROM entity_articles r \
                     JOIN articles a ON a.path = r.article \
                     JOIN entities e ON e.id = r.entity AND e.kind = 'person' \
                     WHERE r.entity = ?1 ORDER BY a.path",
                )
                .map_err(store_error)?;
            let mut rows = stmt.query([id]).map_err(store_error)?;
            let mut out = Vec::new();
            while let Some(r) = rows.next().map_err(store_error)? {
                let path: String = r.get(0).map_err(store_error)?;
                let findings: String = r.get(1).map_err(store_error)?;
                let record: ArticleRecord = serde_json::from_str(&findings).map_err(|e| {
                    Failure::Store(StoreError::Bad(format!("article {path:?}: {e}")))
                })?;
                let article = from_record(record)
                    .map_err(|e| Failure::Store(StoreError::Bad(e.to_string())))?;
                let ids = self.people_of(&article)?;
                out.push((article, ids));
            }
            Ok(out)
        })
    }

    fn name(&self, id: &str) -> Option<String> {
        self.guard(None, || {
            self.db
                .query_row("SELECT name FROM entities WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(store_error)
        })
    }

    fn near_people(&self, entity: &Entity) -> Vec<Entity> {
        self.guard(Vec::new(), || {
            // Every person by name and titles; those near read in full.
            let mut stmt = self
                .db
                .prepare(
                    "SELECT e.id, e.name, (SELECT json_group_array(title) FROM \
                     (SELECT title FROM entity_titles t WHERE t.entity = e.id ORDER BY title)) \
                     FROM entities e WHERE e.kind = 'person' ORDER BY e.id",
                )
                .map_err(store_error)?;
            let mut rows = stmt.query([]).map_err(store_error)?;
            let mut near: Vec<String> = Vec::new();
            while let Some(r) = rows.next().map_err(store_error)? {
                let id: String = r.get(0).map_err(store_error)?;
                if *id == *entity.id {
                    continue;
                }
                let titles: String = r.get(2).map_err(store_error)?;
                let other = Entity {
                    id: id.as_str().into(),
                    kind: EntityKind::Person,
                    name: r.get(1).map_err(store_error)?,
                    aliases: Vec::new(),
                    titles: serde_json::from_str(&titles)
                        .map_err(|e| Failure::Store(StoreError::Bad(e.to_string())))?,
                    country: None,
                    iso: None,
                    articles: Vec::new(),
                    mentions: 0,
                };
                if may_be_near(&self.aliases, entity, &other) {
                    near.push(id);
                }
            }
            let ids = json(&near).map_err(Failure::Store)?;
            store::entities_by_id(&self.db, &ids, Detail::ALL).map_err(Failure::Store)
        })
    }
}

fn store_error(error: rusqlite::Error) -> Failure {
    Failure::Store(error.into())
}

fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(|e| StoreError::Bad(e.to_string()))
}
