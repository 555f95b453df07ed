//! Dates of questions and events, for the period a question asks about.
//!
//! In: a date written in a question ("March 2022"), an event's written and ISO dates and its
//! article's path. Out: [`Day`]s and [`Period`]s that compare, and the span of days an event
//! took place in ([`event_span`]). Imports nothing else of `query`.

use std::fmt;

use crate::graph::Event;
use crate::resolve::fold;

/// A calendar day. `day` may be 0 or 32 at the edges of a period, which only compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: Day,
    pub to: Day,
}

impl Day {
    pub(super) const MIN: Day = Day {
        year: 0,
        month: 0,
        day: 0,
    };
    pub(super) const MAX: Day = Day {
        year: u16::MAX,
        month: u8::MAX,
        day: u8::MAX,
    };
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year,
            self.month,
            self.day.clamp(1, 31)
        )
    }
}

impl Period {
    pub fn overlaps(&self, other: &Period) -> bool {
        self.from <= other.to && other.from <= self.to
    }

    pub(super) fn span(year: u16, month: Option<u8>, day: Option<u8>) -> Period {
        match (month, day) {
            (Some(m), Some(d)) => Period {
                from: Day {
                    year,
                    month: m,
                    day: d,
                },
                to: Day {
                    year,
                    month: m,
                    day: d,
                },
            },
            (Some(m), None) => Period {
                from: Day {
                    year,
                    month: m,
                    day: 1,
                },
                to: Day {
                    year,
                    month: m,
                    day: 31,
                },
            },
            _ => Period {
                from: Day {
                    year,
                    month: 1,
                    day: 1,
                },
                to: Day {
                    year,
                    month: 12,
                    day: 31,
                },
            },
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (from, to) = (self.from, self.to);
        if from.year == to.year && (from.month, from.day, to.month, to.day) == (1, 1, 12, 31) {
            return write!(f, "in {}", from.year);
        }
        if (from.year, from.month) == (to.year, to.month) && (from.day, to.day) == (1, 31) {
            return write!(f, "in {:04}-{:02}", from.year, from.month);
        }
        // Day 32 and day 0 stand just after and just before a month.
        let start = |f: &mut fmt::Formatter<'_>| {
            if from.day > 31 {
                write!(f, "after {from}")
            } else {
                write!(f, "since {from}")
            }
        };
        let end = |f: &mut fmt::Formatter<'_>| {
            if to.day == 0 {
                write!(f, "before {:04}-{:02}-01", to.year, to.month)
            } else {
                write!(f, "until {to}")
            }
        };
        match (from == Day::MIN, to == Day::MAX) {
            (true, true) => write!(f, "at any time"),
            (true, false) => end(f),
            (false, true) => start(f),
            (false, false) if from == to => write!(f, "on {from}"),
            (false, false) if (from.day, to.day) == (1, 31) => write!(
                f,
                "between {:04}-{:02} and {:04}-{:02}",
                from.year, from.month, to.year, to.month
            ),
            (false, false) => write!(f, "between {from} and {to}"),
        }
    }
}

/// The days an ISO date covers: `2024-03-13`, `2024-W10`, `2024-03` or `2024`.
pub(super) fn iso_span(iso: &str) -> Option<Period> {
    use chrono::{Datelike, NaiveDate, Weekday};
    let day = |d: NaiveDate| Day {
        year: d.year() as u16,
        month: d.month() as u8,
        day: d.day() as u8,
    };
    if let Some((year, week)) = iso.split_once("-W") {
        let monday =
            NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, Weekday::Mon)?;
        let sunday = monday.checked_add_signed(chrono::Duration::days(6))?;
        return Some(Period {
            from: day(monday),
            to: day(sunday),
        });
    }
    let mut parts = iso.split('-').map(|p| p.parse::<u16>().ok());
    let year = parts.next()??;
    let month = parts.next().flatten().map(|m| m as u8);
    let date = parts.next().flatten().map(|d| d as u8);
    Some(Period::span(year, month, month.and(date)))
}

/// A date as written, in parts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Written {
    pub(super) year: Option<u16>,
    pub(super) month: Option<u8>,
    pub(super) day: Option<u8>,
}

/// When an event took place: its resolved ISO date when the article's publication date was
/// known, else as far as its written date and its article's path tell.
pub(super) fn event_span(event: &Event) -> Option<Period> {
    span_of(
        event.date.as_deref(),
        event.date_iso.as_deref(),
        &event.evidence.article,
    )
}

/// [`event_span`] of an event's written date, ISO date and first article, as a store's row
/// holds them.
pub(super) fn span_of(date: Option<&str>, date_iso: Option<&str>, article: &str) -> Option<Period> {
    if let Some(span) = date_iso.and_then(iso_span) {
        return Some(span);
    }
    let written = date.map(parse_written).unwrap_or_default();
    if let Some(year) = written.year {
        return Some(Period::span(
            year,
            written.month,
            written.month.and(written.day),
        ));
    }
    let article = article_date(article)?;
    let article_year = article.year?;
    if let Some(month) = written.month {
        let year = if article.month.is_some_and(|m| month > m) {
            article_year - 1
        } else {
            article_year
        };
        return Some(Period::span(year, Some(month), written.day));
    }
    Some(Period::span(
        article_year,
        article.month,
        article.month.and(article.day),
    ))
}

/// "Nov. 27" -> month 11, day 27; "October 2023" -> year 2023, month 10.
pub(super) fn parse_written(text: &str) -> Written {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut written = Written::default();
    let day = |w: &str| {
        w.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u8>()
            .ok()
            .filter(|d| (1..=31).contains(d) && w.len() <= 4)
    };
    for (i, word) in words.iter().enumerate() {
        if word.len() == 4 {
            if let Ok(year) = word.parse::<u16>() {
                if (1800..=2100).contains(&year) {
                    written.year = Some(year);
                }
            }
        }
        if written.month.is_none() {
            if let Some(month) = month_number(word) {
                written.month = Some(month);
                written.day = words
                    .get(i + 1)
                    .and_then(|w| day(w))
                    .or_else(|| i.checked_sub(1).and_then(|j| day(words[j])));
            }
        }
    }
    written
}

/// A date in an article's path: `2022-03-20`, `2022-03` or a lone year as a path part.
pub(super) fn article_date(path: &str) -> Option<Written> {
    let re =
        regex!(r"(?:^|[^0-9A-Za-z])((?:19|20)\d\d)(?:[-_/](\d\d)(?:[-_/](\d\d))?)?(?:[^0-9]|$)");
    let captures = re.captures(path)?;
    let number = |i: usize| captures.get(i).and_then(|m| m.as_str().parse::<u16>().ok());
    let month = number(2)
        .and_then(|m| u8::try_from(m).ok())
        .filter(|m| (1..=12).contains(m));
    let day = number(3)
        .and_then(|d| u8::try_from(d).ok())
        .filter(|d| (1..=31).contains(d));
    Some(Written {
        year: number(1),
        month,
        day: month.and(day),
    })
}

pub(super) fn month_number(word: &str) -> Option<u8> {
    crate::time::month_number(word).map(|m| m as u8)
}
