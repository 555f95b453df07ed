//! Questions to the graph: a question in plain English in, an [`Answer`] out.
//!
//! [`parse`] turns a question ("who spoke to Gerasimov") into a [`Query`]; [`answer`] finds the
//! names it mentions in a [`NewsGraph`] and answers it; [`ask`] does both. An answer is a list of
//! entities, each with the contact events that put it in the answer. It serializes to JSON
//! ([`write_json`]) and renders as a plain-text table ([`write_text`]) or as the answer's
//! subgraph in Graphviz DOT ([`write_dot`]). [`QUESTION_FORMS`] lists the questions understood.
//!
//! Names are found forgivingly: in any case, with or without diacritics, titles ("Gen.") or a
//! demonym ("Russian Gen. Valery Gerasimov"), by surname or first name alone, through every
//! alias an article used, by node id, and with a spelling slip or two on longer names
//! ("Shoygu" finds Shoigu). A name that fits two entities equally well is an error listing
//! them ([`QueryError::Ambiguous`]), never a guess. A country stands for itself and for every
//! person and institution whose `country` is that country.
//!
//! Only events that happened count as contacts. Planned and denied events are shown with
//! their status where a question asks about them ("planned meetings of X", "denied contacts
//! of X", "all contacts of X") and in the answers about one pair ("did X speak to Y").
//!
//! Dates are a best effort. Events carry their date as the article wrote it ("Wednesday",
//! "Nov. 27", "October 2023"); a period filter ("in 2022", "between March 2022 and 2023")
//! places an event by the year in its written date, else by a date in its article's path
//! (`news/2022-03-20/a.txt`): a month without a year takes the article's year (the year
//! before, for a month later than the article's), a weekday or a missing date takes the
//! article's own date. Events that cannot be placed are left out of a period's answer, and
//! the answer says how many. Timelines put placed events first, in date order, then the rest
//! by article, by written month and day, and by position in the article.

use crate::graph::NewsGraph;

macro_rules! regex {
    ($re:expr) => {{
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| regex::Regex::new($re).expect("a valid regex"))
    }};
}
/// Verbs of contact, as a regex alternation; [`verb_kinds`] tells their kinds.
macro_rules! verbs {
    () => {
        "spoke|spoken|speak|speaks|talked|talk|talks|contacted|contact|conferred|confer|held talks|had talks|been in contact|in contact|called|call|calls|phoned|phone|phones|telephoned|telephone|rang|ring|met|meet|meets|visited|visit|visits"
    };
}

mod answer;
mod counted;
mod dates;
mod filter_sql;
mod names;
mod parse;
mod render;
mod sql;
#[cfg(test)]
mod tests;
mod whole;

pub use answer::{answer, Answer, AnswerKind, EventView, Row};
pub use dates::{Day, Period};
pub use names::find_entity;
pub use parse::{parse, Filter, Query, QueryError, QUESTION_FORMS};
pub use render::{write_dot, write_json, write_text, write_text_with, TextOptions};
pub use sql::{answer_from_store, find_in_store};

/// Parses a question and answers it from the graph.
pub fn ask(graph: &NewsGraph, question: &str) -> Result<Answer, QueryError> {
    let query = parse(question)?;
    let mut answer = answer(graph, &query)?;
    answer.question = question.trim().to_string();
    Ok(answer)
}
