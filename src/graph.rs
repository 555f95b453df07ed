//! The model: one graph of entities (people, institutions, countries) joined by contact events
//! and affiliations, merged across articles.
//!
//! In: the [`ArticleGraph`] of each article (entities local to it, events, affiliations).
//! Out: a [`NewsGraph`] whose entities have stable, readable ids (`person:valery-gerasimov`).
//! petgraph stays inside this module; callers see domain types.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, BufRead, Seek, Write};
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use petgraph::graph::{NodeIndex, UnGraph};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

use crate::resolve::{is_short_given_name, person_key, Aliases, Context, Resolver};

pub use crate::findings::pairs;
pub use crate::findings::{
    AffiliationKind, ArticleGraph, ContactKind, EntityKind, Evidence, LocalAffiliation,
    LocalEntity, LocalEvent, Status,
};

/// A node of the merged graph. Its lists are sorted and hold each item once; ids and article
/// names are shared with the rest of the graph (`Arc<str>`), which names them many times.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: Arc<str>,
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub titles: Vec<String>,
    pub country: Option<Arc<str>>,
    pub iso: Option<String>,
    pub articles: Vec<Arc<str>>,
    pub mentions: usize,
}

/// A contact event of the merged graph; each pair of participants gives an edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `article#n`: the article of the first report, and the event's place in it.
    pub id: Arc<str>,
    pub kind: ContactKind,
    pub status: Status,
    /// Node ids, sorted.
    pub participants: Vec<Arc<str>>,
    /// The date as the first report wrote it.
    pub date: Option<String>,
    /// The date resolved to ISO 8601 (`2024-03-13`, `2024-W10`, `2024-03`), when known.
    pub date_iso: Option<String>,
    pub initiator: Option<Arc<str>>,
    /// How much the fitted pair model believes the event: the most any report gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// The first report of the event.
    pub evidence: Evidence,
    /// Every report of the event when several articles tell it (the first included); empty
    /// when only one does.
    pub sources: Vec<Evidence>,
}

impl Event {
    /// How many reports tell this event.
    pub fn reports(&self) -> usize {
        self.sources.len().max(1)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Affiliation {
    pub from: Arc<str>,
    pub to: Arc<str>,
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
#[derive(Debug, Default)]
pub struct NewsGraph {
    graph: UnGraph<Entity, Edge>,
    index: BTreeMap<Arc<str>, NodeIndex>,
    events: Vec<Event>,
    affiliations: Vec<Affiliation>,
    /// What each article said, kept so graphs can be merged and updated without the texts.
    records: Records,
    /// The node of each entity of each article, in the order of `records`, as a build
    /// resolved them (a graph made from parts has none: [`NewsGraph::local_ids`] resolves
    /// them again).
    local_nodes: Vec<Box<[NodeIndex]>>,
    aliases: Aliases,
}

/// How many days apart two articles may be published and still report one undated event.
pub const SAME_EVENT_DAYS: i64 = 3;

impl NewsGraph {
    pub fn new() -> NewsGraph {
        NewsGraph::default()
    }

    /// The graph of a set of articles. The result depends only on the set, never on the order:
    /// articles are read in order of their names; an article given twice under one name is
    /// read once (the later copy wins, so an edited article replaces its old version), and the
    /// same text under two names is read once (under the first name).
    pub fn build(articles: impl IntoIterator<Item = ArticleGraph>, aliases: &Aliases) -> NewsGraph {
        let mut builder = Builder::new(aliases.clone(), Records::default());
        for article in distinct(articles) {
            builder.add(article).expect("records in memory cannot fail");
        }
        builder.finish().expect("records in memory cannot fail")
    }

    /// Adds one article's entities and affiliations (its events go to `reports`, merged
    /// later), its entities having node ids `ids`.
    fn add_article(
        &mut self,
        article: &ArticleGraph,
        ids: &[String],
        reports: &mut Reports,
        affiliation_keys: &mut FxHashSet<(Arc<str>, Arc<str>, AffiliationKind)>,
    ) {
        // The article's name and sentences are held once, however many statements use them.
        let path: Arc<str> = Arc::from(article.article.as_str());
        // A sentence is found by its offsets in the article (and is the same text: a record
        // read from a file may say anything).
        let mut sentences: FxHashMap<(usize, usize), Arc<str>> = FxHashMap::default();
        let mut evidence = |e: &Evidence| {
            let shared = sentences
                .entry((e.start, e.end))
                .or_insert_with(|| e.text.clone());
            Evidence {
                article: path.clone(),
                text: if **shared == *e.text {
                    shared.clone()
                } else {
                    e.text.clone()
                },
                start: e.start,
                end: e.end,
            }
        };
        let nodes: Vec<NodeIndex> = article
            .entities
            .iter()
            .zip(ids)
            .map(|(local, id)| self.node(local, id))
            .collect();
        self.local_nodes.push(nodes.clone().into_boxed_slice());
        for (i, local) in article.entities.iter().enumerate() {
            let country = local
                .country
                .and_then(|c| nodes.get(c))
                .map(|&c| self.graph[c].id.clone());
            add_to_entity(&mut self.graph[nodes[i]], local, &path, country);
        }
        let ids: Vec<Arc<str>> = nodes.iter().map(|&n| self.graph[n].id.clone()).collect();
        let published = article
            .published
            .as_ref()
            .and_then(|(date, _)| parse_day(date));
        for (n, event) in article.events.iter().enumerate() {
            let mut participants: Vec<Arc<str>> =
                event.participants.iter().map(|&p| ids[p].clone()).collect();
            participants.sort();
            participants.dedup();
            if participants.len() < 2 {
                continue;
            }
            let event = Event {
                id: format!("{}#{}", article.article, n + 1).into(),
                kind: event.kind,
                status: event.status,
                participants,
                date: event.date.clone(),
                date_iso: event.date_iso.clone(),
                initiator: event.initiator.map(|i| ids[i].clone()),
                confidence: event.confidence,
                evidence: evidence(&event.evidence),
                sources: Vec::new(),
            };
            reports.events.push(event);
            reports.published.push(published);
        }
        for affiliation in &article.affiliations {
            let (a, b) = (nodes[affiliation.from], nodes[affiliation.to]);
            let (from, to) = (ids[affiliation.from].clone(), ids[affiliation.to].clone());
            if from == to || !affiliation_keys.insert((from.clone(), to.clone(), affiliation.kind))
            {
                continue;
            }
            let index = self.affiliations.len();
            self.graph
                .add_edge(a, b, Edge::Affiliation { affiliation: index });
            self.affiliations.push(Affiliation {
                from,
                to,
                kind: affiliation.kind,
                evidence: evidence(&affiliation.evidence),
            });
        }
    }

    /// The node of id `id`, made for `local` when there is none yet.
    fn node(&mut self, local: &LocalEntity, id: &str) -> NodeIndex {
        if let Some(&node) = self.index.get(id) {
            return node;
        }
        let id: Arc<str> = Arc::from(id);
        let entity = Entity {
            id: id.clone(),
            kind: local.kind,
            name: local.name.clone(),
            aliases: Vec::new(),
            titles: Vec::new(),
            country: None,
            iso: local.iso.clone(),
            articles: Vec::new(),
            mentions: 0,
        };
        let node = self.graph.add_node(entity);
        self.index.insert(id, node);
        node
    }

    /// Takes the graph apart, for a caller that needs it no more.
    pub fn into_parts(self) -> Parts {
        drop(self.index);
        let (nodes, _) = self.graph.into_nodes_edges();
        let mut entities: Vec<Entity> = nodes.into_iter().map(|n| n.weight).collect();
        // Sorted in place, without a second list of them all. A graph read from a file may
        // name an id twice: the last node of that id is the one it has (as in `index`).
        entities.reverse();
        entities.sort_by(|a, b| a.id.cmp(&b.id));
        entities.dedup_by(|a, b| a.id == b.id);
        Parts {
            entities,
            events: self.events,
            affiliations: self.affiliations,
            aliases: self.aliases,
            records: self.records,
        }
    }

    /// The node id of each entity of each article (as [`NewsGraph::articles`] lists them).
    pub fn local_ids(&self) -> io::Result<Vec<Vec<String>>> {
        if self.kept_local_nodes() {
            return Ok(self
                .local_nodes
                .iter()
                .map(|nodes| {
                    nodes
                        .iter()
                        .map(|&n| self.graph[n].id.to_string())
                        .collect()
                })
                .collect());
        }
        Ok(resolve_all(&self.articles()?, &self.aliases))
    }

    /// Lends each article's findings to `each`, in order, with the node id of each of its
    /// entities: as the build resolved them, or (a graph made from parts) resolved again.
    pub fn for_each_article_with_ids(
        &self,
        each: &mut dyn FnMut(&ArticleGraph, &[Arc<str>]),
    ) -> io::Result<()> {
        if self.kept_local_nodes() {
            let mut nodes = self.local_nodes.iter();
            return self.for_each_article(&mut |article| {
                let ids: Vec<Arc<str>> = nodes
                    .next()
                    .map(|nodes| nodes.iter().map(|&n| self.graph[n].id.clone()).collect())
                    .unwrap_or_default();
                each(article, &ids);
            });
        }
        let mut all = self.local_ids()?.into_iter();
        self.for_each_article(&mut |article| {
            let ids: Vec<Arc<str>> = all
                .next()
                .unwrap_or_default()
                .into_iter()
                .map(Arc::from)
                .collect();
            each(article, &ids);
        })
    }

    /// Does the graph hold the node of each entity of each of its articles?
    fn kept_local_nodes(&self) -> bool {
        self.local_nodes.len() == self.records.len() && !self.local_nodes.is_empty()
    }

    /// What each article said, in order of their names (read back when spilled to a file).
    pub fn articles(&self) -> io::Result<Vec<ArticleGraph>> {
        let mut out = Vec::new();
        self.records.read(&mut |a| out.push(a))?;
        Ok(out)
    }

    /// Lends each article's findings to `each`, in order, without holding them all (nor
    /// copying those kept in memory).
    pub fn for_each_article(&self, each: &mut dyn FnMut(&ArticleGraph)) -> io::Result<()> {
        match &self.records {
            Records::Memory(all) => {
                all.iter().for_each(each);
                Ok(())
            }
            Records::File(_) => self.records.read(&mut |article| each(&article)),
        }
    }

    /// Hands each article's record (as [`crate::findings::record`] makes it) to `each` as
    /// one line of compact JSON, in order; spilled records are copied, not read back.
    pub fn for_each_record_line(
        &self,
        each: &mut dyn FnMut(&str) -> io::Result<()>,
    ) -> io::Result<()> {
        self.records.read_lines(each)
    }

    /// How many articles the graph was built from.
    pub fn article_count(&self) -> usize {
        self.records.len()
    }

    /// The user's alias rules the graph was built with.
    pub fn aliases(&self) -> &Aliases {
        &self.aliases
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

    /// Rebuilds a graph from its parts (as read back from JSON): nodes, events and
    /// affiliations as they are, plus the article records and alias rules they came from.
    pub fn from_parts(
        entities: Vec<Entity>,
        events: Vec<Event>,
        affiliations: Vec<Affiliation>,
        articles: Vec<ArticleGraph>,
        aliases: Aliases,
    ) -> NewsGraph {
        let mut graph = NewsGraph {
            records: Records::Memory(articles),
            aliases,
            ..NewsGraph::default()
        };
        for entity in entities {
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
                graph
                    .graph
                    .add_edge(a, b, Edge::Affiliation { affiliation: index });
                graph.affiliations.push(affiliation);
            }
        }
        graph
    }
}

/// A graph taken apart ([`NewsGraph::into_parts`]).
pub struct Parts {
    /// Sorted by id.
    pub entities: Vec<Entity>,
    pub events: Vec<Event>,
    pub affiliations: Vec<Affiliation>,
    pub aliases: Aliases,
    /// What each article said.
    pub records: Records,
}

/// The articles in order of their names, each name once (its last copy) and each text once
/// (under its first name).
fn distinct(articles: impl IntoIterator<Item = ArticleGraph>) -> Vec<ArticleGraph> {
    let mut by_name: BTreeMap<String, ArticleGraph> = BTreeMap::new();
    for article in articles {
        by_name.insert(article.article.clone(), article);
    }
    let mut texts = std::collections::HashSet::new();
    by_name
        .into_values()
        .filter(|a| a.hash.is_empty() || texts.insert(a.hash.clone()))
        .collect()
}

/// The node id of each entity of each article, as [`Builder`] resolves them.
fn resolve_all(articles: &[ArticleGraph], aliases: &Aliases) -> Vec<Vec<String>> {
    let mut resolver = Resolver::new(aliases.clone());
    for pass in [false, true] {
        for article in articles {
            announce(&mut resolver, article, pass);
        }
    }
    articles
        .iter()
        .map(|a| {
            (0..a.entities.len())
                .map(|i| resolver.resolve(&a.entities[i], &context(a, i)))
                .collect()
        })
        .collect()
}

/// What an article says about its entity `i` besides the name (only people need it).
fn context(article: &ArticleGraph, i: usize) -> Context {
    Context::in_article(article, i)
}

/// Does this person's name use a short given name ("Mike")? Those are made known after all
/// full ones, so a node takes its id from the full form.
fn short_given_name(entity: &LocalEntity) -> bool {
    entity.kind == EntityKind::Person
        && person_key(&entity.name)
            .split_once(' ')
            .is_some_and(|(g, _)| is_short_given_name(g))
}

/// Makes an article's full names known: those without a short given name in the first pass,
/// those with one in the second.
fn announce(resolver: &mut Resolver, article: &ArticleGraph, short: bool) {
    for (i, entity) in article.entities.iter().enumerate() {
        if short_given_name(entity) == short {
            resolver.announce(entity, &context(article, i));
        }
    }
}

/// Where a build keeps what each article said until the graph is written: in memory, or in a
/// file (one JSON record a line), so that memory grows with the graph, not with the number of
/// articles.
#[derive(Debug)]
pub enum Records {
    Memory(Vec<ArticleGraph>),
    File(std::sync::Mutex<RecordFile>),
}

impl Default for Records {
    fn default() -> Records {
        Records::Memory(Vec::new())
    }
}

/// Records spilled to a file the caller provides (a temporary file).
#[derive(Debug)]
pub struct RecordFile {
    file: io::BufWriter<std::fs::File>,
    count: usize,
}

impl Records {
    /// Records kept in `file`, which should be empty, readable and writable.
    pub fn in_file(file: std::fs::File) -> Records {
        Records::File(std::sync::Mutex::new(RecordFile {
            file: io::BufWriter::new(file),
            count: 0,
        }))
    }

    fn push(&mut self, article: ArticleGraph) -> io::Result<()> {
        match self {
            Records::Memory(all) => all.push(article),
            Records::File(spill) => {
                let spill = spill.get_mut().map_err(|_| io::Error::other("poisoned"))?;
                serde_json::to_writer(&mut spill.file, &crate::findings::record(&article))?;
                spill.file.write_all(b"\n")?;
                spill.count += 1;
            }
        }
        Ok(())
    }

    fn len(&self) -> usize {
        match self {
            Records::Memory(all) => all.len(),
            Records::File(spill) => spill.lock().map(|s| s.count).unwrap_or(0),
        }
    }

    /// Hands each record to `each` as one line of compact JSON, in order.
    pub fn read_lines(&self, each: &mut dyn FnMut(&str) -> io::Result<()>) -> io::Result<()> {
        match self {
            Records::Memory(all) => {
                for article in all {
                    each(&serde_json::to_string(&crate::findings::record(article))?)?;
                }
            }
            Records::File(spill) => {
                let mut spill = spill.lock().map_err(|_| io::Error::other("poisoned"))?;
                spill.file.flush()?;
                let file = spill.file.get_mut();
                file.seek(io::SeekFrom::Start(0))?;
                let mut reader = io::BufReader::new(&*file);
                let mut line = String::new();
                while reader.read_line(&mut line)? > 0 {
                    each(line.trim_end_matches('\n'))?;
                    line.clear();
                }
                file.seek(io::SeekFrom::End(0))?;
            }
        }
        Ok(())
    }

    fn read(&self, each: &mut dyn FnMut(ArticleGraph)) -> io::Result<()> {
        match self {
            Records::Memory(all) => all.iter().cloned().for_each(each),
            Records::File(_) => self.read_lines(&mut |line| {
                let record = serde_json::from_str(line)?;
                let article = crate::findings::from_record(record)
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                each(article);
                Ok(())
            })?,
        }
        Ok(())
    }
}

/// Builds a graph from articles given one at a time, in order of their names, each name once:
/// full names are made known as they come; [`Builder::finish`] then reads the records again,
/// resolving every name against all of them, and merges reports of one event.
pub struct Builder {
    aliases: Aliases,
    resolver: Resolver,
    /// Texts seen (hashes): the same text under another name is read once.
    texts: std::collections::HashSet<String>,
    /// Full names with a short given name, made known after all others.
    short: Vec<(LocalEntity, Context)>,
    records: Records,
    /// How many events the articles report, to make room for them at once.
    events: usize,
}

impl Builder {
    pub fn new(aliases: Aliases, records: Records) -> Builder {
        Builder {
            resolver: Resolver::new(aliases.clone()),
            aliases,
            texts: Default::default(),
            short: Vec::new(),
            records,
            events: 0,
        }
    }

    /// Adds an article; false when its text was already added under another name.
    pub fn add(&mut self, article: ArticleGraph) -> io::Result<bool> {
        if !article.hash.is_empty() && !self.texts.insert(article.hash.clone()) {
            return Ok(false);
        }
        // Full names are made known now, those with a short given name at the end.
        for (i, entity) in article.entities.iter().enumerate() {
            if entity.kind != EntityKind::Person {
                continue;
            }
            if short_given_name(entity) {
                self.short.push((entity.clone(), context(&article, i)));
            } else {
                self.resolver.announce(entity, &context(&article, i));
            }
        }
        self.events += article.events.len();
        self.records.push(article)?;
        Ok(true)
    }

    /// How many articles were added.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Moves the records kept so far, and all to come, to `file`.
    pub fn spill_to(&mut self, file: std::fs::File) -> io::Result<()> {
        if let Records::Memory(kept) = &mut self.records {
            let kept = std::mem::take(kept);
            let mut records = Records::in_file(file);
            for article in kept {
                records.push(article)?;
            }
            self.records = records;
        }
        Ok(())
    }

    /// Resolves every article's names and builds the graph.
    pub fn finish(self) -> io::Result<NewsGraph> {
        let Builder {
            aliases,
            mut resolver,
            short,
            records,
            events: n_events,
            texts,
        } = self;
        drop(texts);
        for (entity, context) in &short {
            resolver.announce(entity, context);
        }
        drop(short);
        let mut graph = NewsGraph {
            aliases,
            ..NewsGraph::default()
        };
        let mut affiliation_keys = FxHashSet::default();
        // Room for every report at once: a growing list would briefly hold two copies.
        let mut reports = Reports {
            events: Vec::with_capacity(n_events),
            published: Vec::with_capacity(n_events),
        };
        // The records are read back (parsed) on a thread of their own while this one resolves
        // names in order.
        std::thread::scope(|scope| {
            let (send, receive) = std::sync::mpsc::sync_channel::<ArticleGraph>(256);
            let records = &records;
            let reader = scope.spawn(move || {
                records.read(&mut |article| {
                    // Only a receiver gone (a panic below) fails a send.
                    let _ = send.send(article);
                })
            });
            for article in receive {
                let ids: Vec<String> = (0..article.entities.len())
                    .map(|i| resolver.resolve(&article.entities[i], &context(&article, i)))
                    .collect();
                graph.add_article(&article, &ids, &mut reports, &mut affiliation_keys);
            }
            reader
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("reading the article records failed")))
        })?;
        // Names are all resolved: what it took is needed no more, before reports are merged.
        drop((resolver, affiliation_keys));
        graph.events = merge_reports(reports);
        for (index, event) in graph.events.iter().enumerate() {
            for (a, b) in pairs(&event.participants) {
                let (a, b) = (graph.index[a], graph.index[b]);
                graph.graph.add_edge(a, b, Edge::Contact { event: index });
            }
        }
        graph.graph.shrink_to_fit();
        graph.affiliations.shrink_to_fit();
        graph.records = records;
        Ok(graph)
    }
}

/// Every article's reports of events, before reports of one event are merged, and the
/// publication date of each report's article.
struct Reports {
    events: Vec<Event>,
    published: Vec<Option<NaiveDate>>,
}

impl Reports {
    fn get(&self, i: usize) -> Report<'_> {
        Report {
            event: &self.events[i],
            published: self.published[i],
        }
    }
}

/// One article's report of an event.
#[derive(Clone, Copy)]
struct Report<'a> {
    event: &'a Event,
    published: Option<NaiveDate>,
}

/// A day in ISO form, within years that date arithmetic cannot overflow (a graph file may say
/// anything).
fn parse_day(iso: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .ok()
        .filter(|d| (1..=9999).contains(&d.year()))
}

/// Merges the reports of one event by several articles: the same participants, kind and
/// status, from different articles, and either the same resolved day, or no day against
/// which they disagree and publication dates at most [`SAME_EVENT_DAYS`] apart. Without
/// publication dates, undated reports stay apart: nothing says they are one event.
fn merge_reports(reports: Reports) -> Vec<Event> {
    let n = reports.events.len();
    // The reports of each pair (or group), kind and status, each group in order of reports.
    let key = |i: usize| {
        let e = &reports.events[i];
        (&e.participants, e.kind, e.status)
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| key(a).cmp(&key(b)));
    // Each report's cluster, named by its first report.
    let mut first_of: Vec<usize> = (0..n).collect();
    for members in order.chunk_by(|&a, &b| key(a) == key(b)) {
        // Clusters of one event, found by the day they happened or were reported: only those
        // within SAME_EVENT_DAYS can take a report, so this stays linear in the reports.
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        let mut by_day: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        for &i in members {
            let Some(day) = anchor(&reports.get(i)) else {
                // Nothing places it in time: an event of its own.
                first_of[i] = i;
                continue;
            };
            let window = day - chrono::Duration::days(SAME_EVENT_DAYS)
                ..=day + chrono::Duration::days(SAME_EVENT_DAYS);
            let joined = by_day
                .range(window)
                .flat_map(|(_, c)| c.iter().copied())
                .filter(|&c| {
                    clusters[c]
                        .iter()
                        .all(|&j| same_event(&reports.get(i), &reports.get(j)))
                })
                .min();
            match joined {
                Some(c) => clusters[c].push(i),
                None => {
                    by_day.entry(day).or_default().push(clusters.len());
                    clusters.push(vec![i]);
                }
            }
        }
        for cluster in clusters {
            for &i in &cluster {
                first_of[i] = cluster[0];
            }
        }
    }
    drop(order);
    // Each later report is folded into its cluster's first (always an earlier one), in
    // place: the events are never held twice.
    let mut events = reports.events;
    for (i, &first) in first_of.iter().enumerate() {
        if first == i {
            continue;
        }
        let (before, from) = events.split_at_mut(i);
        let (base, event) = (&mut before[first], &mut from[0]);
        if base.sources.is_empty() {
            base.sources.push(base.evidence.clone());
        }
        base.sources.push(event.evidence.clone());
        if base.date.is_none() {
            base.date = event.date.take();
        }
        if precision(event.date_iso.as_deref()) > precision(base.date_iso.as_deref()) {
            base.date_iso = event.date_iso.take();
        }
        if base.initiator.is_none() {
            base.initiator = event.initiator.take();
        }
        base.confidence = match (base.confidence, event.confidence) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
    }
    let mut i = 0;
    events.retain(|_| {
        let first = first_of[i] == i;
        i += 1;
        first
    });
    events
}

/// The day a report places its event: its resolved day, else its publication date.
fn anchor(report: &Report) -> Option<NaiveDate> {
    report
        .event
        .date_iso
        .as_deref()
        .and_then(parse_day)
        .or(report.published)
}

/// Are two reports (of the same pair, kind and status) one event?
fn same_event(a: &Report, b: &Report) -> bool {
    if a.event.evidence.article == b.event.evidence.article {
        return false;
    }
    let (da, db) = (a.event.date_iso.as_deref(), b.event.date_iso.as_deref());
    if let (Some(x), Some(y)) = (da, db) {
        if !dates_agree(x, y) {
            return false;
        }
        if parse_day(x).is_some() && parse_day(y).is_some() {
            return true;
        }
    }
    match (anchor(a), anchor(b)) {
        (Some(x), Some(y)) => (x - y).num_days().abs() <= SAME_EVENT_DAYS,
        _ => false,
    }
}

/// Can two ISO dates of different precision name the same day? "2024-03-13" and "2024-03",
/// "2024-W11" or "2024" can; "2024-03-13" and "2024-03-14" cannot.
fn dates_agree(a: &str, b: &str) -> bool {
    let week_of = |d: NaiveDate| {
        let w = d.iso_week();
        format!("{}-W{:02}", w.year(), w.week())
    };
    let covers = |coarse: &str, fine: &str| {
        fine.starts_with(coarse) || parse_day(fine).is_some_and(|d| week_of(d) == coarse)
    };
    a == b || covers(a, b) || covers(b, a)
}

/// How precise an ISO date is: day, week, month, year, none.
fn precision(date: Option<&str>) -> u8 {
    match date {
        None => 0,
        Some(d) if parse_day(d).is_some() => 4,
        Some(d) if d.contains('W') => 3,
        Some(d) if d.len() == 7 => 2,
        Some(_) => 1,
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

/// Adds what an article says of an entity to its node: `path` is the article, `country` the
/// node id of the entity's country there.
fn add_to_entity(
    entity: &mut Entity,
    local: &LocalEntity,
    path: &Arc<str>,
    country: Option<Arc<str>>,
) {
    // The fullest name wins; ties go to the alphabetically first, so order never matters.
    if better_name(&local.name, &entity.name) {
        entity.name = local.name.clone();
    }
    for alias in local.aliases.iter().chain([&local.name]) {
        insert_sorted(&mut entity.aliases, alias);
    }
    for title in &local.titles {
        insert_sorted(&mut entity.titles, title);
    }
    insert_sorted(&mut entity.articles, path);
    entity.mentions += local.mentions;
    // The alphabetically first country, so order never matters.
    if let Some(country) = country.filter(|c| *c != entity.id) {
        if entity
            .country
            .as_ref()
            .is_none_or(|current| country < *current)
        {
            entity.country = Some(country);
        }
    }
}

/// Adds `item` to a sorted list of distinct items, unless it is there (a set in a `Vec`: most
/// hold one or two items, and articles come in order, so this costs little).
fn insert_sorted<T: Ord + Clone>(set: &mut Vec<T>, item: &T) {
    if set.last().is_none_or(|last| last < item) {
        set.push(item.clone());
    } else if let Err(at) = set.binary_search(item) {
        set.insert(at, item.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str) -> LocalEntity {
        LocalEntity {
            kind: EntityKind::Person,
            name: name.to_string(),
            aliases: BTreeSet::new(),
            titles: BTreeSet::new(),
            country: None,
            iso: None,
            mentions: 1,
        }
    }

    fn evidence(text: &str, start: usize) -> Evidence {
        Evidence {
            article: "a.txt".into(),
            text: text.into(),
            start,
            end: start + text.chars().count(),
        }
    }

    /// One article: Ann Lee met Bob Cho, and Ann Lee works with Bob Cho, in `sentences`.
    fn article(sentences: [Evidence; 3]) -> ArticleGraph {
        let [met, works, again] = sentences;
        let event = |evidence| LocalEvent {
            kind: ContactKind::Meeting,
            status: Status::Happened,
            participants: vec![0, 1],
            date: None,
            date_iso: None,
            initiator: None,
            confidence: None,
            evidence,
        };
        ArticleGraph {
            article: "a.txt".to_string(),
            entities: vec![person("Ann Lee"), person("Bob Cho")],
            events: vec![event(met), event(again)],
            affiliations: vec![LocalAffiliation {
                from: 0,
                to: 1,
                kind: AffiliationKind::Member,
                evidence: works,
            }],
            ..ArticleGraph::default()
        }
    }

    #[test]
    fn statements_of_one_sentence_share_its_text_and_others_keep_their_own() {
        let met = evidence("Ann Lee met Bob Cho.", 0);
        let graph = NewsGraph::build(
            [article([met.clone(), met.clone(), met])],
            &Aliases::default(),
        );
        let (event, affiliation) = (&graph.events()[0], &graph.affiliations()[0]);
        assert!(Arc::ptr_eq(
            &event.evidence.text,
            &affiliation.evidence.text
        ));
        assert!(Arc::ptr_eq(
            &event.evidence.article,
            &graph.events()[1].evidence.article
        ));

        // A record read from a file may give two texts the same offsets: each keeps its own.
        let other = evidence("Something else.", 0);
        let met = evidence("Ann Lee met Bob Cho.", 0);
        let graph = NewsGraph::build([article([met.clone(), other, met])], &Aliases::default());
        assert_eq!(&*graph.affiliations()[0].evidence.text, "Something else.");
        assert_eq!(&*graph.events()[0].evidence.text, "Ann Lee met Bob Cho.");
    }

    #[test]
    fn sorted_lists_hold_each_item_once_in_order() {
        let mut list: Vec<Arc<str>> = Vec::new();
        for item in ["b", "a", "c", "b", "a", "d"] {
            insert_sorted(&mut list, &Arc::from(item));
        }
        let items: Vec<&str> = list.iter().map(|s| &**s).collect();
        assert_eq!(items, ["a", "b", "c", "d"]);
    }
}
