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
    /// Lone names of a stream not yet joined to a full name: provisional node id (see
    /// [`provisional_id`]) -> one of the names written.
    pending: BTreeMap<String, String>,
}

impl NewsGraph {
    pub fn new() -> NewsGraph {
        NewsGraph::default()
    }

    /// Merges the findings of many articles. A lone surname in an early article joins the
    /// full name of a later one, so the order of articles changes nothing but the order of
    /// events.
    pub fn add_articles(&mut self, articles: &[ArticleGraph]) {
        for article in articles {
            self.add_streamed(article);
        }
        self.finish_stream();
    }

    /// Merges one article of a stream; the stream ends with [`NewsGraph::finish_stream`].
    /// Together they give what [`NewsGraph::add_articles`] gives over all the stream's
    /// articles, without holding them: a lone surname ("Milley") stays a provisional node
    /// until the end, when every full name of the stream is known.
    pub fn add_streamed(&mut self, article: &ArticleGraph) {
        for entity in &article.entities {
            self.resolver.announce(entity);
        }
        self.add_article_with(article, true);
    }

    /// Ends a stream of [`NewsGraph::add_streamed`] articles: each provisional lone name
    /// becomes the node it resolves to now (the one full name with that surname, or its own
    /// node), merging nodes, events and affiliations as if it had been resolved at once.
    pub fn finish_stream(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        if pending.is_empty() {
            return;
        }
        let renames: BTreeMap<String, String> = pending
            .into_iter()
            .map(|(provisional, name)| {
                let id = self.resolver.resolve_person(&name);
                (provisional, id)
            })
            .collect();
        for (provisional, id) in &renames {
            let Some(node) = self.index.remove(provisional) else {
                continue;
            };
            let mut entity = self.graph[node].clone();
            entity.id = id.clone();
            match self.index.get(id) {
                Some(&target) => merge_entity(&mut self.graph[target], entity),
                None => {
                    let node = self.graph.add_node(entity);
                    self.index.insert(id.clone(), node);
                }
            }
        }
        let rename = |id: &mut String| {
            if let Some(new) = renames.get(id.as_str()) {
                id.clone_from(new);
                true
            } else {
                false
            }
        };
        let mut events = std::mem::take(&mut self.events);
        events.retain_mut(|event| {
            let mut renamed = false;
            for participant in &mut event.participants {
                renamed |= rename(participant);
            }
            if let Some(initiator) = &mut event.initiator {
                rename(initiator);
            }
            if renamed {
                event.participants.sort();
                event.participants.dedup();
            }
            event.participants.len() >= 2
        });
        let mut affiliations = std::mem::take(&mut self.affiliations);
        self.affiliation_keys.clear();
        affiliations.retain_mut(|affiliation| {
            rename(&mut affiliation.from);
            rename(&mut affiliation.to);
            affiliation.from != affiliation.to
                && self.affiliation_keys.insert((
                    affiliation.from.clone(),
                    affiliation.to.clone(),
                    affiliation.kind,
                ))
        });
        // The petgraph is rebuilt from the merged nodes; edge order is not observable.
        let old = std::mem::take(&mut self.graph);
        let (nodes, _) = old.into_nodes_edges();
        let mut weights: Vec<Option<Entity>> = nodes.into_iter().map(|n| Some(n.weight)).collect();
        for node in self.index.values_mut() {
            let entity = weights[node.index()].take().expect("one node per id");
            *node = self.graph.add_node(entity);
        }
        for (index, event) in events.iter().enumerate() {
            for (a, b) in pairs(&event.participants) {
                let (a, b) = (self.index[a], self.index[b]);
                self.graph.add_edge(a, b, Edge::Contact { event: index });
            }
        }
        for (index, affiliation) in affiliations.iter().enumerate() {
            let (a, b) = (self.index[&affiliation.from], self.index[&affiliation.to]);
            self.graph
                .add_edge(a, b, Edge::Affiliation { affiliation: index });
        }
        self.events = events;
        self.affiliations = affiliations;
    }

    /// Merges the findings of one article into the graph, resolving lone surnames against the
    /// full names known so far.
    pub fn add_article(&mut self, article: &ArticleGraph) {
        self.add_article_with(article, false);
    }

    fn add_article_with(&mut self, article: &ArticleGraph, streamed: bool) {
        let ids: Vec<String> = (0..article.entities.len())
            .map(|i| self.add_entity(article, i, streamed))
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

    fn add_entity(&mut self, article: &ArticleGraph, i: usize, streamed: bool) -> String {
        let local = &article.entities[i];
        let country = local.country.map(|c| entity_id(&article.entities[c]));
        let id = match provisional_id(local) {
            Some(provisional) if streamed => {
                self.pending
                    .entry(provisional.clone())
                    .or_insert_with(|| local.name.clone());
                provisional
            }
            _ => self.resolver.resolve(local),
        };
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

/// The node id of a lone name ("Milley") while its stream is read: one per folded key, and
/// never a real id (a slug has no `?`).
fn provisional_id(entity: &LocalEntity) -> Option<String> {
    if entity.kind != EntityKind::Person {
        return None;
    }
    let key = person_key(&entity.name);
    (!key.contains(' ')).then(|| format!("person:?{key}"))
}

/// Merges two nodes of one entity as adding their articles one by one would: the best
/// name, every alias, title and article, the mentions summed, the first country by id.
fn merge_entity(into: &mut Entity, other: Entity) {
    if better_name(&other.name, &into.name) {
        into.name = other.name;
    }
    into.aliases.extend(other.aliases);
    into.titles.extend(other.titles);
    into.articles.extend(other.articles);
    into.mentions += other.mentions;
    if into.country.is_none()
        || other
            .country
            .as_ref()
            .is_some_and(|c| Some(c) < into.country.as_ref())
    {
        into.country = other.country.or(into.country.take());
    }
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

#[cfg(test)]
mod tests {
    use crate::{build, Lexicon, NewsGraph};

    fn graph(articles: &[(&str, &str)]) -> NewsGraph {
        build(&Lexicon::builtin(), articles.iter().copied())
    }

    fn people(graph: &NewsGraph) -> Vec<&str> {
        graph
            .entities()
            .filter(|e| e.id.starts_with("person:"))
            .map(|e| e.id.as_str())
            .collect()
    }

    #[test]
    fn a_lone_surname_joins_a_full_name_read_later_and_only_one() {
        let early = (
            "a.txt",
            "Korvalen spoke by phone with Ilsa Marrow on Friday.",
        );
        let later = (
            "b.txt",
            "Foreign Minister Edda Korvalen met Ilsa Marrow in Paris on Monday.",
        );
        let joined = graph(&[early, later]);
        assert_eq!(
            people(&joined),
            ["person:edda-korvalen", "person:ilsa-marrow"]
        );
        let event = &joined.events()[0];
        assert_eq!(
            event.participants,
            ["person:edda-korvalen", "person:ilsa-marrow"]
        );
        assert!(joined
            .entity("person:edda-korvalen")
            .unwrap()
            .articles
            .contains("a.txt"));
        // Two full names with that surname: the lone one stays apart.
        let other = (
            "c.txt",
            "Trade Minister Piet Korvalen met Ilsa Marrow in Rome on Tuesday.",
        );
        let apart = graph(&[early, later, other]);
        assert_eq!(
            people(&apart),
            [
                "person:edda-korvalen",
                "person:ilsa-marrow",
                "person:korvalen",
                "person:piet-korvalen"
            ]
        );
    }

    #[test]
    fn a_stream_gives_what_adding_each_article_after_all_full_names_gives() {
        let texts = [
            (
                "a.txt",
                "Korvalen met Marrow in Oslo on Friday. Korvalen called Dunst.",
            ),
            (
                "b.txt",
                "Foreign Minister Edda Korvalen met Ilsa Marrow in Paris on Monday.",
            ),
            ("c.txt", "Marrow spoke with Korvalen by phone on Sunday."),
        ];
        let lexicon = Lexicon::builtin();
        let articles: Vec<_> = texts
            .iter()
            .map(|(path, text)| crate::extract(&lexicon, &crate::Article::parse(path, text)))
            .collect();
        let mut streamed = NewsGraph::new();
        for article in &articles {
            streamed.add_streamed(article);
        }
        streamed.finish_stream();
        // The one-article-at-a-time path, with every full name known first.
        let mut at_once = NewsGraph::new();
        for article in &articles {
            for entity in &article.entities {
                at_once.resolver.announce(entity);
            }
        }
        for article in &articles {
            at_once.add_article(article);
        }
        let json = |graph: &NewsGraph| {
            let mut out = Vec::new();
            crate::export::write_json(graph, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        assert_eq!(json(&streamed), json(&at_once));
        // The rebuilt petgraph agrees with the events.
        let id = "person:edda-korvalen";
        let with_her = streamed
            .events()
            .iter()
            .filter(|e| e.participants.iter().any(|p| p == id))
            .count();
        assert!(with_her >= 2);
        assert_eq!(streamed.events_of(id).len(), with_her);
    }
}
