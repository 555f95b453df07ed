//! Parsing questions: a question in plain English in, a [`Query`] out.
//!
//! In: the text of a question ("who spoke to Gerasimov in 2022"). Out: a [`Query`] with the
//! names as written and a [`Filter`] (kinds, statuses, period), or [`QueryError::Unparsed`].
//! [`QUESTION_FORMS`] lists the forms understood. Imports only `dates` of `query`.

use std::fmt;
use std::sync::OnceLock;

use regex::{Captures, Regex};

use super::dates::{event_span, parse_written, Day, Period};
use crate::graph::{ContactKind, EntityKind, Event, Status};
use crate::resolve::fold;

/// The questions [`parse`] understands, one a line, for help texts and error messages.
pub const QUESTION_FORMS: &str = "  who spoke to X               also: talked to, contacted (calls and meetings)
  who called X                 also: phoned (calls only)
  who met X                    also: met with (meetings only)
  who did X speak to           also: talk to, call, meet
  who planned to meet X        planned events
  did X speak to Y             also: talk to, call, meet
  contacts between X and Y     also: calls, meetings; planned/denied/all contacts between X and Y
  which Russians spoke to Americans
  X's contacts                 also: contacts of X, timeline of X, meetings of X, calls of X
  planned meetings of X        also: planned contacts, denied contacts, all contacts of X
  path from X to Y             also: path between X and Y, how is X connected to Y
  most connected people        also: institutions, countries; top 5 most connected people
  ... in 2022                  also: between March 2022 and 2023-06-30, since 2021, before 2023
X and Y are people, institutions or countries: \"Gerasimov\", \"Gen. Milley\", \"the United States\"";

/// A question, parsed. Names are kept as written; [`answer`] finds them in the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Query {
    /// "who spoke to X", "who did X meet": the entities X had contact with.
    Partners { name: String, filter: Filter },
    /// "did X speak to Y", "contacts between X and Y": every event between the two.
    Between {
        a: String,
        b: String,
        filter: Filter,
    },
    /// "which Russians spoke to Americans": members of `group` in contact with `other`.
    Which {
        group: String,
        other: String,
        filter: Filter,
    },
    /// "X's contacts", "timeline of X": X's events in date order.
    Timeline { name: String, filter: Filter },
    /// "path from X to Y": the shortest chain of contacts.
    Path {
        from: String,
        to: String,
        filter: Filter,
    },
    /// "most connected people": entities of a kind ranked by their distinct contact partners.
    MostConnected {
        kind: EntityKind,
        limit: usize,
        filter: Filter,
    },
}

/// Which events a question is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub kinds: Vec<ContactKind>,
    pub statuses: Vec<Status>,
    pub period: Option<Period>,
}

/// Why a question could not be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("cannot understand {question:?}; ask one of these:\n{QUESTION_FORMS}")]
    Unparsed { question: String },
    #[error("{name:?} could be {}; be more precise", candidate_list(.candidates))]
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
    #[error("no one called {name:?} in the graph{}", suggest(.suggestions))]
    Unknown {
        name: String,
        suggestions: Vec<String>,
    },
}

/// Parses a question; see [`QUESTION_FORMS`].
pub fn parse(question: &str) -> Result<Query, QueryError> {
    let text = clean_question(question);
    let (core, period) = split_period(&text);
    let mut query = parse_core(core).ok_or_else(|| QueryError::Unparsed {
        question: question.trim().to_string(),
    })?;
    if period.is_some() {
        query.filter_mut().period = period;
    }
    Ok(query)
}

impl Query {
    /// The names the question mentions, in order.
    pub fn names(&self) -> Vec<&str> {
        match self {
            Query::Partners { name, .. } | Query::Timeline { name, .. } => vec![name],
            Query::Between { a, b, .. } => vec![a, b],
            Query::Which { group, other, .. } => vec![group, other],
            Query::Path { from, to, .. } => vec![from, to],
            Query::MostConnected { .. } => Vec::new(),
        }
    }

    pub fn filter(&self) -> &Filter {
        match self {
            Query::Partners { filter, .. }
            | Query::Between { filter, .. }
            | Query::Which { filter, .. }
            | Query::Timeline { filter, .. }
            | Query::Path { filter, .. }
            | Query::MostConnected { filter, .. } => filter,
        }
    }

    pub(super) fn filter_mut(&mut self) -> &mut Filter {
        match self {
            Query::Partners { filter, .. }
            | Query::Between { filter, .. }
            | Query::Which { filter, .. }
            | Query::Timeline { filter, .. }
            | Query::Path { filter, .. }
            | Query::MostConnected { filter, .. } => filter,
        }
    }
}

impl fmt::Display for Query {
    /// The question in a canonical form that [`parse`] reads back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let filter = self.filter();
        let prefix = filter.status_prefix();
        match self {
            Query::Partners { name, .. } => {
                let verb = match filter.kinds.as_slice() {
                    [ContactKind::Call] => "called",
                    [ContactKind::Meeting] => "met",
                    _ => "spoke to",
                };
                let base = match filter.kinds.as_slice() {
                    [ContactKind::Call] => "call",
                    [ContactKind::Meeting] => "meet",
                    _ => "speak to",
                };
                match filter.statuses.as_slice() {
                    [Status::Planned] => write!(f, "who planned to {base} {name}"),
                    [Status::Denied] => write!(f, "who did not {base} {name}"),
                    _ => write!(f, "who {verb} {name}"),
                }
            }
            Query::Between { a, b, .. } => {
                write!(f, "{prefix}{} between {a} and {b}", filter.kinds_noun())
            }
            Query::Which { group, other, .. } => {
                let verb = match filter.kinds.as_slice() {
                    [ContactKind::Call] => "called",
                    [ContactKind::Meeting] => "met",
                    _ => "spoke to",
                };
                write!(f, "which {group} {verb} {other}")
            }
            Query::Timeline { name, .. } => write!(f, "{prefix}{} of {name}", filter.kinds_noun()),
            Query::Path { from, to, .. } => write!(f, "path from {from} to {to}"),
            Query::MostConnected { kind, limit, .. } => {
                let kind = match kind {
                    EntityKind::Person => "people",
                    EntityKind::Institution => "institutions",
                    EntityKind::Country => "countries",
                };
                write!(f, "top {limit} most connected {kind}")
            }
        }?;
        if let Some(period) = filter.period {
            write!(f, " {period}")?;
        }
        Ok(())
    }
}

impl Filter {
    /// Calls and meetings that happened.
    pub fn contacts() -> Filter {
        Filter {
            kinds: vec![ContactKind::Call, ContactKind::Meeting],
            statuses: vec![Status::Happened],
            period: None,
        }
    }

    /// Does the event pass the filter?
    pub fn admits(&self, event: &Event) -> bool {
        self.admits_ignoring_period(event)
            && self
                .period
                .is_none_or(|p| event_span(event).is_some_and(|s| p.overlaps(&s)))
    }

    pub(super) fn admits_ignoring_period(&self, event: &Event) -> bool {
        self.kinds.contains(&event.kind) && self.statuses.contains(&event.status)
    }

    pub(super) fn kinds_noun(&self) -> &'static str {
        match self.kinds.as_slice() {
            [ContactKind::Call] => "calls",
            [ContactKind::Meeting] => "meetings",
            _ => "contacts",
        }
    }

    /// "calls and meetings", "planned meetings", "happened, planned or denied calls".
    pub(super) fn describe(&self) -> String {
        let kinds = match self.kinds.as_slice() {
            [ContactKind::Call] => "calls",
            [ContactKind::Meeting] => "meetings",
            _ => "calls and meetings",
        };
        let statuses: Vec<&str> = self.statuses.iter().map(|s| s.as_str()).collect();
        let statuses = match statuses.as_slice() {
            [one] => one.to_string(),
            [init @ .., last] => format!("{} or {last}", init.join(", ")),
            [] => String::new(),
        };
        format!("{statuses} {kinds}")
    }

    /// " in 2022", or nothing without a period.
    pub(super) fn period_text(&self) -> String {
        self.period.map(|p| format!(" {p}")).unwrap_or_default()
    }

    pub(super) fn status_prefix(&self) -> &'static str {
        match self.statuses.as_slice() {
            [Status::Happened] => "",
            [Status::Planned] => "planned ",
            [Status::Denied] => "denied ",
            _ => "all ",
        }
    }
}

/// A date in a question: "2022", "2022-03", "2022-03-01", "March 2022", "March 1, 2022",
/// "1 March 2022".
pub(super) fn parse_bound(text: &str) -> Option<Period> {
    let text = text.trim();
    if let Some(c) = regex!(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$").captures(text) {
        let year: u16 = c[1].parse().ok()?;
        let month = c
            .get(2)
            .map(|m| m.as_str().parse::<u8>())
            .transpose()
            .ok()?;
        let day = c
            .get(3)
            .map(|m| m.as_str().parse::<u8>())
            .transpose()
            .ok()?;
        return valid(year, month, day);
    }
    let written = parse_written(text);
    let words = fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    let expected = 1 + usize::from(written.month.is_some()) + usize::from(written.day.is_some());
    if words != expected || written.month.is_none() {
        return None;
    }
    valid(written.year?, written.month, written.day)
}

pub(super) fn valid(year: u16, month: Option<u8>, day: Option<u8>) -> Option<Period> {
    let ok = (1000..=9999).contains(&year)
        && month.is_none_or(|m| (1..=12).contains(&m))
        && day.is_none_or(|d| (1..=31).contains(&d));
    ok.then(|| Period::span(year, month, day))
}

/// Splits a period off the end of a question: "... in 2022", "... between A and B",
/// "... from A to B", "... since A", "... before A", "... until A".
pub(super) fn split_period(text: &str) -> (&str, Option<Period>) {
    fn head<'t>(c: &Captures<'t>) -> &'t str {
        c.get(1).map_or("", |m| m.as_str()).trim_end_matches(',')
    }
    for re in [
        regex!(r"(?i)^(.*\S)\s+between\s+(.+?)\s+and\s+(.+)$"),
        regex!(r"(?i)^(.*\S)\s+from\s+(.+?)\s+(?:to|until|till)\s+(.+)$"),
    ] {
        if let Some(c) = re.captures(text) {
            if let (Some(a), Some(b)) = (parse_bound(&c[2]), parse_bound(&c[3])) {
                return (
                    head(&c),
                    Some(Period {
                        from: a.from,
                        to: b.to,
                    }),
                );
            }
        }
    }
    if let Some(c) =
        regex!(r"(?i)^(.*\S)\s+(in|during|since|after|before|until)\s+(.+)$").captures(text)
    {
        if let Some(bound) = parse_bound(&c[3]) {
            let period = match c[2].to_lowercase().as_str() {
                "since" => Period {
                    from: bound.from,
                    to: Day::MAX,
                },
                "after" => Period {
                    from: Day {
                        day: bound.to.day + 1,
                        ..bound.to
                    },
                    to: Day::MAX,
                },
                "before" => Period {
                    from: Day::MIN,
                    to: Day {
                        day: bound.from.day - 1,
                        ..bound.from
                    },
                },
                "until" => Period {
                    from: Day::MIN,
                    to: bound.to,
                },
                _ => bound,
            };
            return (head(&c), Some(period));
        }
    }
    (text, None)
}

// Parsing.

pub(super) fn verb_kinds(verb: &str) -> Vec<ContactKind> {
    let verb = verb.to_lowercase();
    if ["call", "phone", "rang", "ring"]
        .iter()
        .any(|w| verb.contains(w))
    {
        vec![ContactKind::Call]
    } else if ["met", "meet", "visit"].iter().any(|w| verb.contains(w)) {
        vec![ContactKind::Meeting]
    } else {
        vec![ContactKind::Call, ContactKind::Meeting]
    }
}

/// Kinds named by a plural noun: "calls", "meetings", "contacts".
pub(super) fn noun_kinds(noun: &str) -> Vec<ContactKind> {
    let noun = noun.to_lowercase();
    if noun.starts_with("call") {
        vec![ContactKind::Call]
    } else if noun.starts_with("meeting") {
        vec![ContactKind::Meeting]
    } else {
        vec![ContactKind::Call, ContactKind::Meeting]
    }
}

/// Statuses named by a prefix word: "planned", "denied", "all"; `default` without one.
pub(super) fn prefix_statuses(prefix: Option<&str>, default: &[Status]) -> Vec<Status> {
    match prefix.map(str::to_lowercase).as_deref() {
        Some("planned") => vec![Status::Planned],
        Some("denied") => vec![Status::Denied],
        Some("all") => vec![Status::Happened, Status::Planned, Status::Denied],
        _ => default.to_vec(),
    }
}

pub(super) const ALL_STATUSES: &[Status] = &[Status::Happened, Status::Planned, Status::Denied];

pub(super) fn clean_question(question: &str) -> String {
    let text = question.replace('’', "'");
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    text.trim_end_matches(['?', '!', '.', ' ']).to_string()
}

/// A name as written in a question, without a leading "the", quotes or a possessive.
pub(super) fn clean_name(name: &str) -> String {
    let name = name.trim().trim_matches(['"', '\'', ',']).trim();
    let name = regex!(r"(?i)^the\s+").replace(name, "");
    let name = name.strip_suffix("'s").unwrap_or(&name);
    name.trim().to_string()
}

pub(super) fn parse_core(text: &str) -> Option<Query> {
    let name = |c: &Captures<'_>, i: usize| clean_name(&c[i]);
    let with = |kinds: Vec<ContactKind>, statuses: Vec<Status>| Filter {
        kinds,
        statuses,
        period: None,
    };
    let statuses = |c: &Captures<'_>, i: usize, default: &[Status]| {
        prefix_statuses(c.get(i).map(|m| m.as_str()), default)
    };
    // "who spoke to X", "who planned to meet X", "who did not meet X": the prefix says
    // which events count.
    static WHO_VERB: OnceLock<[(Regex, Status); 3]> = OnceLock::new();
    let who_verb = WHO_VERB.get_or_init(|| {
        let form = |prefix: &str| {
            let pattern = format!(r"(?i)^{prefix}({})(?:\s+(?:to|with))?\s+(.+)$", verbs!());
            Regex::new(&pattern).expect("a valid regex")
        };
        [
            (form(r"who(?:m)?\s+(?:has\s+|have\s+|had\s+)?"), Status::Happened),
            (form(r"who\s+(?:planned|plans|was\s+to|is\s+to|agreed|proposed|wanted|wants|was\s+going|is\s+going)\s+to\s+"), Status::Planned),
            (form(r"who\s+(?:did\s+not|didn't|never|refused\s+to|declined\s+to)\s+"), Status::Denied),
        ]
    });
    for (pattern, status) in who_verb {
        if let Some(c) = pattern.captures(text) {
            return Some(Query::Partners {
                name: name(&c, 2),
                filter: with(verb_kinds(&c[1]), vec![*status]),
            });
        }
    }
    if let Some(c) = regex!(concat!(
        r"(?i)^who(?:m)?\s+(?:did|has|had|have|does|do)\s+(.+?)\s+(",
        verbs!(),
        r")(?:\s+(?:to|with))?$"
    ))
    .captures(text)
    {
        return Some(Query::Partners {
            name: name(&c, 1),
            filter: with(verb_kinds(&c[2]), vec![Status::Happened]),
        });
    }
    if let Some(c) = regex!(concat!(
        r"(?i)^(?:did|has|have|had|does|do)\s+(.+?)\s+(?:ever\s+)?(",
        verbs!(),
        r")(?:\s+(?:to|with))?\s+(.+)$"
    ))
    .captures(text)
    {
        return Some(Query::Between {
            a: name(&c, 1),
            b: name(&c, 3),
            filter: with(verb_kinds(&c[2]), ALL_STATUSES.to_vec()),
        });
    }
    if let Some(c) = regex!(r"(?i)^(?:(?:the\s+)?(?:shortest\s+)?(?:path|chain|route|connection)\s+between\s+(.+?)\s+and\s+(.+)|(?:the\s+)?(?:shortest\s+)?(?:path|chain|route|connection)\s+from\s+(.+?)\s+to\s+(.+)|how\s+(?:is|are|was|were)\s+(.+?)\s+(?:connected|linked)\s+(?:to|with)\s+(.+))$").captures(text) {
        let (from, to) = [(1, 2), (3, 4), (5, 6)].into_iter().find(|(i, _)| c.get(*i).is_some())?;
        return Some(Query::Path { from: name(&c, from), to: name(&c, to), filter: Filter::contacts() });
    }
    if let Some(c) = regex!(r"(?i)^(?:(planned|denied|all)\s+)?(contacts?|calls?|meetings?|talks|events|conversations?)\s+between\s+(.+?)\s+and\s+(.+)$").captures(text) {
        let filter = with(noun_kinds(&c[2]), statuses(&c, 1, ALL_STATUSES));
        return Some(Query::Between { a: name(&c, 3), b: name(&c, 4), filter });
    }
    if let Some(c) = regex!(concat!(
        r"(?i)^which\s+(.+?)\s+(?:have\s+|has\s+|had\s+)?(",
        verbs!(),
        r")(?:\s+(?:to|with))?\s+(.+)$"
    ))
    .captures(text)
    {
        return Some(Query::Which {
            group: name(&c, 1),
            other: name(&c, 3),
            filter: with(verb_kinds(&c[2]), vec![Status::Happened]),
        });
    }
    if let Some(c) = regex!(r"(?i)^(?:(planned|denied|all)\s+)?(contacts|calls|meetings|events|talks|timeline|history)\s+(?:of|for|with)\s+(.+)$").captures(text) {
        return Some(Query::Timeline { name: name(&c, 3), filter: with(noun_kinds(&c[2]), statuses(&c, 1, &[Status::Happened])) });
    }
    if let Some(c) = regex!(r"(?i)^(.+?)(?:'s|')\s+(?:(planned|denied|all)\s+)?(contacts|calls|meetings|events|talks|timeline|history)$").captures(text) {
        return Some(Query::Timeline { name: name(&c, 1), filter: with(noun_kinds(&c[3]), statuses(&c, 2, &[Status::Happened])) });
    }
    if let Some(c) = regex!(r"(?i)^(?:(?:who|which\s+\w+)\s+(?:is|are)\s+)?(?:the\s+)?(?:top\s+(\d+)\s+)?(?:most|best)[\s-]+connected(?:\s+(\w+))?$").captures(text) {
        let limit = c.get(1).map_or(Some(10), |m| m.as_str().parse().ok())?;
        let kind = match c.get(2).map(|m| m.as_str().to_lowercase()).as_deref() {
            None | Some("people" | "persons" | "person") => EntityKind::Person,
            Some("institutions" | "institution" | "organisations" | "organizations") => EntityKind::Institution,
            Some("countries" | "country") => EntityKind::Country,
            Some(_) => return None,
        };
        return Some(Query::MostConnected { kind, limit, filter: Filter::contacts() });
    }
    None
}

pub(super) fn or_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}

/// At most this many candidates of an ambiguous name are listed, so the message fits a
/// terminal (a common surname fits hundreds of people in a large graph).
const LISTED_CANDIDATES: usize = 10;

/// The candidates of an ambiguous name: all of them up to [`LISTED_CANDIDATES`], else the
/// first ones and how many more.
pub(super) fn candidate_list(candidates: &[String]) -> String {
    if candidates.len() <= LISTED_CANDIDATES {
        return or_list(candidates);
    }
    format!(
        "{} or {} others",
        candidates[..LISTED_CANDIDATES].join(", "),
        candidates.len() - LISTED_CANDIDATES
    )
}

pub(super) fn suggest(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        _ => format!("; did you mean {}?", or_list(suggestions)),
    }
}
