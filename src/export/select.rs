//! Choosing the part of a graph to show: one selection for every format.
//!
//! In: a [`GraphFile`] and a [`Selection`] (around a name to a depth, the most connected,
//! a period, a contact kind, a status, a country). Out: a smaller `GraphFile` that every
//! exporter reads as it reads a whole one, and a [`Report`] of what was left out. Names are
//! found as `query` finds them ([`crate::query::find_entity`]), with its errors for unknown
//! and ambiguous names.
//!
//! The steps, in order:
//! 1. contacts are kept by kind, status and date (on the resolved ISO date; an event
//!    without one is kept unless [`Selection::drop_undated`]);
//! 2. `--country`: only the country and the entities whose country it is, and the kept
//!    contacts among them;
//! 3. `--around`: the entities within `depth` kept contacts of the named one (itself
//!    included); otherwise every entity of step 2, or, when a contact filter was given, those
//!    with a kept contact;
//! 4. `--top N`: the N of those with the most distinct contact partners among them (ties: more
//!    events first, then by id; the `--around` entity always stays);
//! 5. the affiliations of the chosen entities are kept with the institutions and countries
//!    they point to, so a picture stays readable (an affiliation never adds a person).
//!
//! Nodes and edges keep their file order, so the output is deterministic.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use super::json::{Edge, GraphFile, Node};
use super::view::{is_contact, written_date};
use super::Format;
use crate::graph::{ContactKind, EntityKind, Status};
use crate::query::QueryError;

/// The most entities the HTML page, D3 and Cytoscape.js lay out fluidly.
pub const MAX_DRAWN: usize = 2000;
/// The most entities Graphviz lays out in reasonable time (with `sfdp`).
pub const MAX_DRAWN_DOT: usize = 3000;

/// How many entities a consumer of `format` can draw; `None` for formats that are data
/// (`json`) or read by tools made for large graphs (GraphML, GEXF: Gephi, networkx).
pub fn drawing_limit(format: Format) -> Option<usize> {
    match format {
        Format::Dot => Some(MAX_DRAWN_DOT),
        Format::Html | Format::D3 | Format::Cytoscape => Some(MAX_DRAWN),
        Format::Json | Format::Graphml | Format::Gexf => None,
    }
}

/// Which part of the graph to show. The default shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// A name (found forgivingly) whose neighbourhood is shown.
    pub around: Option<String>,
    /// How many contacts away from `around` (1: its partners; 2: theirs too). 0 is read as 1.
    pub depth: usize,
    /// Only the N most connected entities.
    pub top: Option<usize>,
    /// Contacts on or after this date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub since: Option<String>,
    /// Contacts on or before this date.
    pub until: Option<String>,
    /// Leave out contacts without a resolved date when a period is given.
    pub drop_undated: bool,
    /// Only these contact kinds (empty: all).
    pub kinds: Vec<ContactKind>,
    /// Only these statuses (empty: all).
    pub statuses: Vec<Status>,
    /// Only this country and the entities whose country it is.
    pub country: Option<String>,
}

impl Selection {
    /// Whether the selection keeps the whole graph.
    pub fn is_everything(&self) -> bool {
        self.around.is_none()
            && self.top.is_none()
            && self.since.is_none()
            && self.until.is_none()
            && self.kinds.is_empty()
            && self.statuses.is_empty()
            && self.country.is_none()
    }

    /// Whether contacts are filtered (so entities without a kept contact are left out).
    fn filters_contacts(&self) -> bool {
        self.since.is_some()
            || self.until.is_some()
            || !self.kinds.is_empty()
            || !self.statuses.is_empty()
    }
}

/// Why a selection cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SelectError {
    /// An unknown or ambiguous name, as `query` says it.
    #[error(transparent)]
    Name(#[from] QueryError),
    #[error("{name:?} is {found}, not a country")]
    NotCountry { name: String, found: String },
    #[error("{0:?} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")]
    Date(String),
    #[error("--since {since} is after --until {until}")]
    Period { since: String, until: String },
}

/// What a selection kept of the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// Entities shown and in the whole graph.
    pub nodes: usize,
    pub total_nodes: usize,
    /// Contact edges (one pair of one event) shown and in the whole graph.
    pub contacts: usize,
    pub total_contacts: usize,
    /// The selection in words ("around Valery Gerasimov, depth 1; calls"), empty for none.
    pub described: String,
    /// Set when the graph was cut to its most connected part because it was too large for
    /// the format: the limit.
    pub capped: Option<usize>,
}

impl Report {
    /// Whether something was left out.
    pub fn is_partial(&self) -> bool {
        self.nodes < self.total_nodes || self.contacts < self.total_contacts
    }

    /// One paragraph saying what is shown and what was left out, for the file and for stderr;
    /// `None` when everything is shown.
    pub fn note(&self) -> Option<String> {
        if !self.is_partial() && self.described.is_empty() {
            return None;
        }
        let mut note = format!(
            "shows {} of {} entities and {} of {} contacts",
            thousands(self.nodes),
            thousands(self.total_nodes),
            thousands(self.contacts),
            thousands(self.total_contacts)
        );
        if !self.described.is_empty() {
            note.push_str(&format!(" ({})", self.described));
        }
        if let Some(limit) = self.capped {
            note.push_str(&format!(
                "; the whole graph is too large to draw in this format (over {} entities), so \
                 only its most connected part is shown; choose another part with --top N, \
                 --around NAME [--depth N], --country, --since/--until, --kind or --status, \
                 or write everything with --all",
                thousands(limit)
            ));
        }
        Some(note)
    }
}

/// `21170` as `21,170`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The part of `file` that `selection` asks for. A selection that keeps everything returns
/// the file as it is.
pub fn select(file: GraphFile, selection: &Selection) -> Result<(GraphFile, Report), SelectError> {
    fit(file, selection, None)
}

/// [`select`], then, when no `--top` was asked for and more than `limit` entities remain,
/// only the `limit` most connected of them (the report says so: [`Report::capped`]).
pub fn fit(
    file: GraphFile,
    selection: &Selection,
    limit: Option<usize>,
) -> Result<(GraphFile, Report), SelectError> {
    let total_nodes = file.nodes.len();
    let total_contacts = file.edges.iter().filter(|e| is_contact(&e.kind)).count();
    let mut report = Report {
        nodes: total_nodes,
        total_nodes,
        contacts: total_contacts,
        total_contacts,
        described: String::new(),
        capped: None,
    };
    if selection.is_everything() && limit.is_none_or(|l| total_nodes <= l) {
        return Ok((file, report));
    }
    let plan = Plan::new(&file, selection)?;
    report.described = plan.described.clone();
    let mut chosen = plan.choose(&file, selection.top);
    if let (None, Some(limit)) = (selection.top, limit) {
        if chosen.len() > limit {
            let within: HashSet<&str> = chosen.iter().map(|s| &**s).collect();
            chosen = plan.most_connected(&file, &within, limit);
            report.capped = Some(limit);
        }
    }
    let out = plan.subgraph(file, &chosen);
    report.nodes = out.nodes.len();
    report.contacts = out.edges.iter().filter(|e| is_contact(&e.kind)).count();
    Ok((out, report))
}

/// A selection with its names found and dates read.
struct Plan {
    center: Option<Arc<str>>,
    depth: usize,
    country: Option<Arc<str>>,
    since: Option<String>,
    until: Option<String>,
    drop_undated: bool,
    kinds: Vec<ContactKind>,
    statuses: Vec<Status>,
    filters_contacts: bool,
    described: String,
}

impl Plan {
    fn new(file: &GraphFile, selection: &Selection) -> Result<Plan, SelectError> {
        let needs_names = selection.around.is_some() || selection.country.is_some();
        // Names are found as `query` finds them, in a graph of the nodes alone.
        let names = if needs_names {
            Some(names_graph(file))
        } else {
            None
        };
        let find = |name: &str| -> Result<(Arc<str>, EntityKind, String), SelectError> {
            let graph = names.as_ref().expect("built when a name is given");
            let entity = crate::query::find_entity(graph, name)?;
            Ok((entity.id.clone(), entity.kind, entity.name.clone()))
        };
        let mut described = Vec::new();
        let depth = selection.depth.max(1);
        let center = match &selection.around {
            Some(name) => {
                let (id, _, found) = find(name)?;
                described.push(format!("around {found}, depth {depth}"));
                Some(id)
            }
            None => None,
        };
        let country = match &selection.country {
            Some(name) => {
                let (id, kind, found) = find(name)?;
                if kind != EntityKind::Country {
                    return Err(SelectError::NotCountry {
                        name: name.clone(),
                        found: format!("{found} ({id})"),
                    });
                }
                described.push(format!("country {found}"));
                Some(id)
            }
            None => None,
        };
        let since = selection
            .since
            .as_deref()
            .map(|d| span(d).map(|(lo, _)| lo).ok_or(SelectError::Date(d.into())))
            .transpose()?;
        let until = selection
            .until
            .as_deref()
            .map(|d| span(d).map(|(_, hi)| hi).ok_or(SelectError::Date(d.into())))
            .transpose()?;
        if let (Some(s), Some(u)) = (&since, &until) {
            if s > u {
                return Err(SelectError::Period {
                    since: selection.since.clone().unwrap_or_default(),
                    until: selection.until.clone().unwrap_or_default(),
                });
            }
        }
        if since.is_some() || until.is_some() {
            described.push(format!(
                "dated {}{}{}",
                selection
                    .since
                    .as_deref()
                    .map_or(String::new(), |d| format!("from {d}")),
                if since.is_some() && until.is_some() {
                    " "
                } else {
                    ""
                },
                selection
                    .until
                    .as_deref()
                    .map_or(String::new(), |d| format!("until {d}")),
            ));
            described.push(if selection.drop_undated {
                "undated contacts left out".into()
            } else {
                "undated contacts kept".into()
            });
        }
        if !selection.kinds.is_empty() {
            let kinds: Vec<&str> = selection.kinds.iter().map(|k| k.as_str()).collect();
            described.push(format!("kind {}", kinds.join(", ")));
        }
        if !selection.statuses.is_empty() {
            let statuses: Vec<&str> = selection.statuses.iter().map(|s| s.as_str()).collect();
            described.push(format!("status {}", statuses.join(", ")));
        }
        if let Some(top) = selection.top {
            described.push(format!("top {top} most connected"));
        }
        Ok(Plan {
            center,
            depth,
            country,
            since,
            until,
            drop_undated: selection.drop_undated,
            kinds: selection.kinds.clone(),
            statuses: selection.statuses.clone(),
            filters_contacts: selection.filters_contacts(),
            described: described.join("; "),
        })
    }

    /// Whether a contact edge passes the kind, status and date filters.
    fn keeps_contact(&self, edge: &Edge) -> bool {
        if !self.kinds.is_empty() && !self.kinds.iter().any(|k| k.as_str() == edge.kind) {
            return false;
        }
        let status = edge.status.unwrap_or(Status::Happened);
        if !self.statuses.is_empty() && !self.statuses.contains(&status) {
            return false;
        }
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        let date = edge
            .date_iso
            .as_deref()
            .and_then(span)
            .or_else(|| written_date(edge).and_then(span));
        match date {
            None => !self.drop_undated,
            Some((lo, hi)) => {
                self.since.as_ref().is_none_or(|s| hi >= *s)
                    && self.until.as_ref().is_none_or(|u| lo <= *u)
            }
        }
    }

    /// Whether a node may be shown under `--country`.
    fn admits(&self, node: &Node) -> bool {
        match &self.country {
            None => true,
            Some(c) => node.id == *c || node.country.as_ref() == Some(c),
        }
    }

    /// The kept contact edges between admitted nodes, as pairs of node ids.
    fn contacts<'f>(&self, file: &'f GraphFile) -> Vec<(&'f str, &'f str)> {
        let admitted: HashSet<&str> = match &self.country {
            None => HashSet::new(),
            Some(_) => file
                .nodes
                .iter()
                .filter(|n| self.admits(n))
                .map(|n| &*n.id)
                .collect(),
        };
        file.edges
            .iter()
            .filter(|e| is_contact(&e.kind) && self.keeps_contact(e))
            .filter(|e| {
                self.country.is_none()
                    || (admitted.contains(&*e.source) && admitted.contains(&*e.target))
            })
            .map(|e| (&*e.source, &*e.target))
            .collect()
    }

    /// The entities steps 2 to 4 choose (see the module docs), in no particular order.
    fn choose(&self, file: &GraphFile, top: Option<usize>) -> Vec<Arc<str>> {
        let contacts = self.contacts(file);
        let mut chosen: HashSet<&str> = HashSet::new();
        if let Some(center) = &self.center {
            let mut partners: HashMap<&str, Vec<&str>> = HashMap::new();
            for &(a, b) in &contacts {
                partners.entry(a).or_default().push(b);
                partners.entry(b).or_default().push(a);
            }
            let mut queue = VecDeque::from([(&**center, 0)]);
            chosen.insert(center);
            while let Some((id, distance)) = queue.pop_front() {
                if distance == self.depth {
                    continue;
                }
                for &next in partners.get(id).into_iter().flatten() {
                    if chosen.insert(next) {
                        queue.push_back((next, distance + 1));
                    }
                }
            }
        } else if self.filters_contacts {
            chosen.extend(contacts.iter().flat_map(|&(a, b)| [a, b]));
        } else {
            chosen.extend(file.nodes.iter().filter(|n| self.admits(n)).map(|n| &*n.id));
        }
        match top {
            Some(n) => self.most_connected(file, &chosen, n),
            None => {
                let ids: HashMap<&str, &Arc<str>> =
                    file.nodes.iter().map(|n| (&*n.id, &n.id)).collect();
                chosen
                    .into_iter()
                    .filter_map(|id| ids.get(id).map(|a| (*a).clone()))
                    .collect()
            }
        }
    }

    /// The `n` entities of `within` with the most distinct partners through kept contacts
    /// inside `within` (ties: more contact edges, then id); the `--around` entity first.
    fn most_connected(&self, file: &GraphFile, within: &HashSet<&str>, n: usize) -> Vec<Arc<str>> {
        let mut partners: HashMap<&str, HashSet<&str>> = HashMap::new();
        let mut events: HashMap<&str, usize> = HashMap::new();
        for (a, b) in self.contacts(file) {
            if within.contains(a) && within.contains(b) {
                partners.entry(a).or_default().insert(b);
                partners.entry(b).or_default().insert(a);
                *events.entry(a).or_default() += 1;
                *events.entry(b).or_default() += 1;
            }
        }
        let mut ranked: Vec<(bool, usize, usize, &Arc<str>)> = file
            .nodes
            .iter()
            .filter(|node| within.contains(&*node.id))
            .map(|node| {
                let id = &*node.id;
                (
                    self.center.as_deref() == Some(id),
                    partners.get(id).map_or(0, HashSet::len),
                    events.get(id).copied().unwrap_or(0),
                    &node.id,
                )
            })
            .collect();
        ranked.sort_by(|x, y| {
            (y.0, y.1, y.2)
                .cmp(&(x.0, x.1, x.2))
                .then_with(|| x.3.cmp(y.3))
        });
        ranked.truncate(n);
        ranked.into_iter().map(|(_, _, _, id)| id.clone()).collect()
    }

    /// The file cut to the chosen entities: their kept contacts among them, their
    /// affiliations with the institutions and countries these point to, in file order.
    fn subgraph(&self, file: GraphFile, chosen: &[Arc<str>]) -> GraphFile {
        let chosen: HashSet<&str> = chosen.iter().map(|s| &**s).collect();
        let kinds: HashMap<&str, EntityKind> =
            file.nodes.iter().map(|n| (&*n.id, n.kind)).collect();
        let mut shown: HashSet<&str> = chosen.clone();
        for edge in file.edges.iter().filter(|e| !is_contact(&e.kind)) {
            if chosen.contains(&*edge.source)
                && kinds.get(&*edge.target) != Some(&EntityKind::Person)
            {
                shown.insert(&edge.target);
            }
        }
        let keep_edge = |edge: &Edge| {
            let both = shown.contains(&*edge.source) && shown.contains(&*edge.target);
            if is_contact(&edge.kind) {
                both && chosen.contains(&*edge.source)
                    && chosen.contains(&*edge.target)
                    && self.keeps_contact(edge)
            } else {
                both
            }
        };
        let edges: Vec<Edge> = file
            .edges
            .iter()
            .filter(|e| keep_edge(e))
            .cloned()
            .collect();
        let nodes: Vec<Node> = file
            .nodes
            .iter()
            .filter(|n| shown.contains(&*n.id))
            .cloned()
            .collect();
        GraphFile {
            schema_version: file.schema_version,
            generator: file.generator.clone(),
            nodes,
            edges,
            aliases: file.aliases.clone(),
            articles: Vec::new(),
        }
    }
}

/// A graph of the file's nodes alone, enough for [`crate::query::find_entity`].
fn names_graph(file: &GraphFile) -> crate::NewsGraph {
    let nodes = GraphFile {
        schema_version: file.schema_version,
        generator: String::new(),
        nodes: file.nodes.clone(),
        edges: Vec::new(),
        aliases: Vec::new(),
        articles: Vec::new(),
    };
    super::json::from_file(nodes).expect("nodes alone always make a graph")
}

/// The first and last day an ISO date (`2024`, `2024-03`, `2024-03-13`, `2024-W10`) covers,
/// as `YYYY-MM-DD` texts that compare as dates; `None` for anything else.
fn span(date: &str) -> Option<(String, String)> {
    use chrono::{Datelike, NaiveDate, Weekday};
    let date = date.trim();
    let parts: Vec<&str> = date.split('-').collect();
    let number = |s: &str, n: usize| {
        (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let day = |d: NaiveDate| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
    match parts.as_slice() {
        [y] => {
            let y = number(y, 4)?;
            Some((format!("{y:04}-01-01"), format!("{y:04}-12-31")))
        }
        [y, w] if w.starts_with('W') => {
            let (y, w) = (number(y, 4)? as i32, number(&w[1..], 2)?);
            let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
            let sunday = NaiveDate::from_isoywd_opt(y, w, Weekday::Sun)?;
            Some((day(monday), day(sunday)))
        }
        [y, m] => {
            let (y, m) = (number(y, 4)?, number(m, 2)?);
            let first = NaiveDate::from_ymd_opt(y as i32, m, 1)?;
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y as i32 + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y as i32, m + 1, 1)?
            };
            Some((day(first), day(next.pred_opt()?)))
        }
        [y, m, d] => {
            let date = NaiveDate::from_ymd_opt(number(y, 4)? as i32, number(m, 2)?, number(d, 2)?)?;
            Some((day(date), day(date)))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;

    fn node(id: &str, kind: EntityKind, name: &str, country: Option<&str>) -> Node {
        Node {
            id: id.into(),
            kind,
            name: name.into(),
            aliases: vec![name.into()],
            titles: Vec::new(),
            country: country.map(Into::into),
            iso: None,
            articles: vec!["a.txt".into()],
            mentions: 1,
        }
    }

    fn edge(
        a: &str,
        b: &str,
        kind: &'static str,
        status: Option<Status>,
        date: Option<&str>,
    ) -> Edge {
        Edge {
            source: a.into(),
            target: b.into(),
            kind: Cow::Borrowed(kind),
            status,
            event: status.map(|_| format!("{a}|{b}|{kind}").into()),
            participants: Vec::new(),
            article: "a.txt".into(),
            evidence: "They spoke.".into(),
            start: 0,
            end: 11,
            date: None,
            date_iso: date.map(Into::into),
            initiator: None,
            confidence: None,
            reports: status.map(|_| 1),
            sources: Vec::new(),
        }
    }

    const RU: &str = "country:russia";
    const US: &str = "country:united-states";
    const MINISTRY: &str = "institution:defence-ministry";

    /// Five people in a chain a-b-c-d plus a-d and d-e, one isolated namesake of b, two
    /// countries and a ministry.
    fn file() -> GraphFile {
        use EntityKind::{Country, Institution, Person};
        use Status::{Denied, Happened, Planned};
        let nodes = vec![
            node(RU, Country, "Russia", None),
            node(US, Country, "United States", None),
            node(MINISTRY, Institution, "Defence Ministry", Some(RU)),
            node("person:alice-adams", Person, "Alice Adams", Some(RU)),
            node("person:bob-brown", Person, "Bob Brown", Some(US)),
            node("person:carol-clark", Person, "Carol Clark", Some(US)),
            node("person:dan-dow", Person, "Dan Dow", Some(RU)),
            node("person:eve-evans", Person, "Eve Evans", None),
            node("person:frank-brown", Person, "Frank Brown", None),
        ];
        let (a, b, c, d, e) = (
            "person:alice-adams",
            "person:bob-brown",
            "person:carol-clark",
            "person:dan-dow",
            "person:eve-evans",
        );
        let edges = vec![
            edge(a, b, "call", Some(Happened), Some("2024-03-13")),
            edge(b, c, "meeting", Some(Planned), Some("2024-05")),
            edge(c, d, "call", Some(Denied), None),
            edge(a, d, "meeting", Some(Happened), Some("2023")),
            edge(d, e, "call", Some(Happened), Some("2024-W10")),
            edge(a, RU, "nationality", None, None),
            edge(a, MINISTRY, "member", None, None),
            edge(MINISTRY, RU, "part_of", None, None),
            edge(b, US, "nationality", None, None),
            edge(e, MINISTRY, "spokesperson", None, None),
        ];
        GraphFile {
            schema_version: 1,
            generator: "test".into(),
            nodes,
            edges,
            aliases: Vec::new(),
            articles: Vec::new(),
        }
    }

    /// The selection's node ids (short: `alice`, `russia`) and contact pairs, sorted.
    #[track_caller]
    fn check(selection: Selection, nodes: &[&str], contacts: &[&str]) {
        let (out, report) = select(file(), &selection).unwrap();
        let short = |id: &str| {
            id.rsplit([':'])
                .next()
                .unwrap()
                .split('-')
                .next()
                .unwrap()
                .to_string()
        };
        let mut got: Vec<String> = out.nodes.iter().map(|n| short(&n.id)).collect();
        got.sort();
        assert_eq!(got, nodes, "nodes of {selection:?}");
        let mut pairs: Vec<String> = out
            .edges
            .iter()
            .filter(|e| is_contact(&e.kind))
            .map(|e| format!("{}-{}", short(&e.source), short(&e.target)))
            .collect();
        pairs.sort();
        assert_eq!(pairs, contacts, "contacts of {selection:?}");
        assert_eq!(report.nodes, out.nodes.len());
        assert!(super::super::check(&out).is_ok(), "an edge lost its end");
    }

    fn around(name: &str, depth: usize) -> Selection {
        Selection {
            around: Some(name.into()),
            depth,
            ..Selection::default()
        }
    }

    #[test]
    fn no_selection_keeps_the_file_as_it_is() {
        let (out, report) = select(file(), &Selection::default()).unwrap();
        assert_eq!(out, file());
        assert_eq!(report.note(), None);
    }

    #[test]
    fn around_keeps_the_partners_and_their_affiliations() {
        check(
            around("Alice", 1),
            &["alice", "bob", "dan", "defence", "russia", "united"],
            &["alice-bob", "alice-dan"],
        );
    }

    #[test]
    fn depth_two_adds_the_partners_of_partners() {
        check(
            around("adams", 2),
            &[
                "alice", "bob", "carol", "dan", "defence", "eve", "russia", "united",
            ],
            &[
                "alice-bob",
                "alice-dan",
                "bob-carol",
                "carol-dan",
                "dan-eve",
            ],
        );
    }

    #[test]
    fn top_keeps_the_most_connected_ties_by_events_then_id() {
        let top = Selection {
            top: Some(2),
            ..Selection::default()
        };
        check(top, &["alice", "dan", "defence", "russia"], &["alice-dan"]);
    }

    #[test]
    fn since_keeps_overlapping_dates_and_undated_unless_dropped() {
        let since = Selection {
            since: Some("2024-03".into()),
            ..Selection::default()
        };
        check(
            since.clone(),
            &[
                "alice", "bob", "carol", "dan", "defence", "eve", "russia", "united",
            ],
            &["alice-bob", "bob-carol", "carol-dan", "dan-eve"],
        );
        let dropped = Selection {
            drop_undated: true,
            ..since
        };
        check(
            dropped,
            &[
                "alice", "bob", "carol", "dan", "defence", "eve", "russia", "united",
            ],
            &["alice-bob", "bob-carol", "dan-eve"],
        );
    }

    #[test]
    fn until_and_a_week_date() {
        let until = Selection {
            until: Some("2024-03-05".into()),
            drop_undated: true,
            ..Selection::default()
        };
        // The week 2024-W10 runs from 4 to 10 March.
        check(
            until,
            &["alice", "dan", "defence", "eve", "russia"],
            &["alice-dan", "dan-eve"],
        );
    }

    #[test]
    fn kind_and_status_keep_their_contacts() {
        let calls = Selection {
            kinds: vec![ContactKind::Call],
            ..Selection::default()
        };
        check(
            calls,
            &[
                "alice", "bob", "carol", "dan", "defence", "eve", "russia", "united",
            ],
            &["alice-bob", "carol-dan", "dan-eve"],
        );
        let planned = Selection {
            statuses: vec![Status::Planned],
            ..Selection::default()
        };
        check(planned, &["bob", "carol", "united"], &["bob-carol"]);
    }

    #[test]
    fn country_keeps_its_entities_and_their_contacts() {
        let russia = Selection {
            country: Some("Russian".into()),
            ..Selection::default()
        };
        check(
            russia,
            &["alice", "dan", "defence", "russia"],
            &["alice-dan"],
        );
    }

    #[test]
    fn options_combine() {
        let calls_around_dan = Selection {
            kinds: vec![ContactKind::Call],
            ..around("Dan Dow", 1)
        };
        check(
            calls_around_dan,
            // Only affiliation edges bring entities in (Dan and Carol have none).
            &["carol", "dan", "defence", "eve"],
            &["carol-dan", "dan-eve"],
        );
        let happened_2024_top = Selection {
            since: Some("2024".into()),
            statuses: vec![Status::Happened],
            top: Some(2),
            ..around("Dan Dow", 2)
        };
        check(happened_2024_top, &["dan", "defence", "eve"], &["dan-eve"]);
    }

    #[test]
    fn names_fail_as_in_query() {
        let error = select(file(), &around("Brown", 1)).unwrap_err();
        assert!(
            matches!(error, SelectError::Name(QueryError::Ambiguous { .. })),
            "{error}"
        );
        let error = select(file(), &around("Zelda Zork", 1)).unwrap_err();
        assert!(
            matches!(error, SelectError::Name(QueryError::Unknown { .. })),
            "{error}"
        );
        let not_country = Selection {
            country: Some("Alice Adams".into()),
            ..Selection::default()
        };
        let error = select(file(), &not_country).unwrap_err();
        assert!(matches!(error, SelectError::NotCountry { .. }), "{error}");
    }

    #[test]
    fn dates_are_checked() {
        for (since, until) in [("March", "2024"), ("2024-13", "2024"), ("2025", "2024")] {
            let period = Selection {
                since: Some(since.into()),
                until: Some(until.into()),
                ..Selection::default()
            };
            assert!(select(file(), &period).is_err(), "{since} {until}");
        }
    }

    #[test]
    fn a_graph_over_the_limit_is_cut_to_its_most_connected_part_and_says_so() {
        let (out, report) = fit(file(), &Selection::default(), Some(2)).unwrap();
        let people = out
            .nodes
            .iter()
            .filter(|n| n.kind == EntityKind::Person)
            .count();
        assert_eq!(people, 2);
        assert_eq!(report.capped, Some(2));
        let note = report.note().unwrap();
        assert!(
            note.starts_with("shows 4 of 9 entities and 1 of 5 contacts"),
            "{note}"
        );
        for hint in ["--top", "--around", "--all"] {
            assert!(note.contains(hint), "{note}");
        }
        // Under the limit, or with --top, nothing is capped.
        assert_eq!(
            fit(file(), &Selection::default(), Some(9)).unwrap().0,
            file()
        );
        let top = Selection {
            top: Some(5),
            ..Selection::default()
        };
        assert_eq!(fit(file(), &top, Some(2)).unwrap().1.capped, None);
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(2000), "2,000");
        assert_eq!(thousands(21170), "21,170");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
