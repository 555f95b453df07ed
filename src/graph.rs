//! The model: one graph of entities (people, institutions, countries) joined by contact events
//! and affiliations, merged across articles.
//!
//! In: the [`ArticleGraph`] of each article (entities local to it, events, affiliations).
//! Out: a [`NewsGraph`] whose entities have stable, readable ids (`person:valery-gerasimov`).
//! petgraph stays inside this module; callers see domain types.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::graph::{NodeIndex, UnGraph};
use serde::{Deserialize, Serialize};

use crate::resolve::{person_key, slug, Resolver};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Institution,
    Country,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Institution => "institution",
            EntityKind::Country => "country",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    Call,
    Meeting,
}

impl ContactKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ContactKind::Call => "call",
            ContactKind::Meeting => "meeting",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Happened,
    Planned,
    Denied,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Planned => "planned",
            Status::Denied => "denied",
        }
    }
}

/// How an entity belongs to another: a person to an institution or country, an institution to
/// a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AffiliationKind {
    /// Works in, heads, commands or serves in.
    Member,
    Spokesperson,
    /// A person's country.
    Nationality,
    /// An institution's country.
    PartOf,
}

impl AffiliationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AffiliationKind::Member => "member",
            AffiliationKind::Spokesperson => "spokesperson",
            AffiliationKind::Nationality => "nationality",
            AffiliationKind::PartOf => "part_of",
        }
    }
}

/// Where a statement was read: article, sentence and its character offsets.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Evidence {
    pub article: String,
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// An entity as one article knows it. `key` identifies it within the article.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEntity {
    pub kind: EntityKind,
    pub name: String,
    pub aliases: BTreeSet<String>,
    pub titles: BTreeSet<String>,
    /// Index of the entity's country among the article's entities.
    pub country: Option<usize>,
    /// ISO code, for countries.
    pub iso: Option<String>,
    pub mentions: usize,
}

/// A contact event as one article states it; participants index the article's entities.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEvent {
    pub kind: ContactKind,
    pub status: Status,
    pub participants: Vec<usize>,
    pub date: Option<String>,
    pub initiator: Option<usize>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LocalAffiliation {
    pub from: usize,
    pub to: usize,
    pub kind: AffiliationKind,
    pub evidence: Evidence,
}

/// What extraction found in one article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleGraph {
    pub article: String,
    pub entities: Vec<LocalEntity>,
    pub events: Vec<LocalEvent>,
    pub affiliations: Vec<LocalAffiliation>,
}

/// A node of the merged graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: BTreeSet<String>,
    pub titles: BTreeSet<String>,
    pub country: Option<String>,
    pub iso: Option<String>,
    pub articles: BTreeSet<String>,
    pub mentions: usize,
}

/// A contact event of the merged graph; each pair of participants gives an edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: String,
    pub kind: ContactKind,
    pub status: Status,
    pub participants: Vec<String>,
    pub date: Option<String>,
    pub initiator: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Affiliation {
    pub from: String,
    pub to: String,
    pub kind: AffiliationKind,
    pub evidence: Evidence,
}

/// An edge of the graph: one pair of one event, or one affiliation.
#[derive(Debug, Clone, PartialEq)]
pub enum Edge {
    Contact { event: usize },
    Affiliation { affiliation: usize },
}

/// The merged graph of many articles.
#[derive(Debug, Clone, Default)]
pub struct NewsGraph {
    graph: UnGraph<Entity, Edge>,
    index: BTreeMap<String, NodeIndex>,
    events: Vec<Event>,
    affiliations: Vec<Affiliation>,
    affiliation_keys: std::collections::HashSet<(String, String, AffiliationKind)>,
    resolver: Resolver,
}

impl NewsGraph {
    pub fn new() -> NewsGraph {
        NewsGraph::default()
    }

    /// Merges the findings of many articles. Full names are made known first, so a lone
    /// surname in an early article joins the full name of a later one.
    pub fn add_articles(&mut self, articles: &[ArticleGraph]) {
        for article in articles {
            for entity in &article.entities {
                self.resolver.announce(entity);
            }
        }
        for article in articles {
            self.add_article(article);
        }
    }

    /// Merges the findings of one article into the graph.
    pub fn add_article(&mut self, article: &ArticleGraph) {
        let ids: Vec<String> = (0..article.entities.len())
            .map(|i| self.add_entity(article, i))
            .collect();
        for (n, event) in article.events.iter().enumerate() {
            let mut participants: Vec<String> =
                event.participants.iter().map(|&p| ids[p].clone()).collect();
            participants.sort();
            participants.dedup();
            if participants.len() < 2 {
                continue;
            }
            let event = Event {
                id: format!("{}#{}", article.article, n + 1),
                kind: event.kind,
                status: event.status,
                participants,
                date: event.date.clone(),
                initiator: event.initiator.map(|i| ids[i].clone()),
                evidence: event.evidence.clone(),
            };
            let index = self.events.len();
            for (a, b) in pairs(&event.participants) {
                let (a, b) = (self.index[a], self.index[b]);
                self.graph.add_edge(a, b, Edge::Contact { event: index });
            }
            self.events.push(event);
        }
        for affiliation in &article.affiliations {
            let (from, to) = (ids[affiliation.from].clone(), ids[affiliation.to].clone());
            if from == to {
                continue;
            }
            let affiliation = Affiliation {
                from,
                to,
                kind: affiliation.kind,
                evidence: affiliation.evidence.clone(),
            };
            if !self.affiliation_keys.insert((
                affiliation.from.clone(),
                affiliation.to.clone(),
                affiliation.kind,
            )) {
                continue;
            }
            let index = self.affiliations.len();
            let (a, b) = (self.index[&affiliation.from], self.index[&affiliation.to]);
            self.graph
                .add_edge(a, b, Edge::Affiliation { affiliation: index });
            self.affiliations.push(affiliation);
        }
    }

    fn add_entity(&mut self, article: &ArticleGraph, i: usize) -> String {
        let local = &article.entities[i];
        let country = local.country.map(|c| entity_id(&article.entities[c]));
        let id = self.resolver.resolve(local);
        let node = match self.index.get(&id) {
            Some(&node) => node,
            None => {
                let entity = Entity {
                    id: id.clone(),
                    kind: local.kind,
                    name: local.name.clone(),
                    aliases: BTreeSet::new(),
                    titles: BTreeSet::new(),
                    country: None,
                    iso: local.iso.clone(),
                    articles: BTreeSet::new(),
                    mentions: 0,
                };
                let node = self.graph.add_node(entity);
                self.index.insert(id.clone(), node);
                node
            }
        };
        let entity = &mut self.graph[node];
        // The fullest name wins; ties go to the alphabetically first, so order never matters.
        if better_name(&local.name, &entity.name) {
            entity.name = local.name.clone();
        }
        entity.aliases.extend(local.aliases.iter().cloned());
        entity.aliases.insert(local.name.clone());
        entity.titles.extend(local.titles.iter().cloned());
        entity.articles.insert(article.article.clone());
        entity.mentions += local.mentions;
        if entity.country.is_none()
            || country
                .as_ref()
                .is_some_and(|c| Some(c) < entity.country.as_ref())
        {
            entity.country = country.or(entity.country.take());
        }
        id
    }

    /// All entities, sorted by id.
    pub fn entities(&self) -> impl Iterator<Item = &Entity> {
        self.index.values().map(|&n| &self.graph[n])
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.index.get(id).map(|&n| &self.graph[n])
    }

    /// All contact events, in the order they were added.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn affiliations(&self) -> &[Affiliation] {
        &self.affiliations
    }

    /// The events an entity took part in.
    pub fn events_of(&self, id: &str) -> Vec<&Event> {
        let Some(&node) = self.index.get(id) else {
            return Vec::new();
        };
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for edge in self.graph.edges(node) {
            if let Edge::Contact { event } = edge.weight() {
                if seen.insert(*event) {
                    out.push(&self.events[*event]);
                }
            }
        }
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    /// Rebuilds a graph from its parts (as read back from JSON).
    pub fn from_parts(
        entities: Vec<Entity>,
        events: Vec<Event>,
        affiliations: Vec<Affiliation>,
    ) -> NewsGraph {
        let mut graph = NewsGraph::new();
        for entity in entities {
            graph.resolver.remember(&entity);
            let id = entity.id.clone();
            let node = graph.graph.add_node(entity);
            graph.index.insert(id, node);
        }
        for event in events {
            let index = graph.events.len();
            let known = event
                .participants
                .iter()
                .all(|p| graph.index.contains_key(p));
            if known {
                for (a, b) in pairs(&event.participants) {
                    let (a, b) = (graph.index[a], graph.index[b]);
                    graph.graph.add_edge(a, b, Edge::Contact { event: index });
                }
                graph.events.push(event);
            }
        }
        for affiliation in affiliations {
            if let (Some(&a), Some(&b)) = (
                graph.index.get(&affiliation.from),
                graph.index.get(&affiliation.to),
            ) {
                let index = graph.affiliations.len();
                graph.affiliation_keys.insert((
                    affiliation.from.clone(),
                    affiliation.to.clone(),
                    affiliation.kind,
                ));
                graph
                    .graph
                    .add_edge(a, b, Edge::Affiliation { affiliation: index });
                graph.affiliations.push(affiliation);
            }
        }
        graph
    }
}

/// Every unordered pair of a list, in order.
pub fn pairs<T>(items: &[T]) -> impl Iterator<Item = (&T, &T)> {
    items
        .iter()
        .enumerate()
        .flat_map(move |(i, a)| items[i + 1..].iter().map(move |b| (a, b)))
}

/// The id an article-local entity would get on its own: `kind:slug-of-name`.
pub fn entity_id(entity: &LocalEntity) -> String {
    match entity.kind {
        EntityKind::Person => format!("person:{}", slug(&person_key(&entity.name))),
        kind => format!("{}:{}", kind.as_str(), slug(&entity.name)),
    }
}

fn better_name(candidate: &str, current: &str) -> bool {
    let (a, b) = (
        candidate.split_whitespace().count(),
        current.split_whitespace().count(),
    );
    a > b
        || (a == b && candidate.len() > current.len())
        || (a == b && candidate.len() == current.len() && candidate < current)
}
