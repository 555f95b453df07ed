//! When things happened: an article's publication date, and event dates as written ("Wednesday",
//! "last week", "Nov. 27") resolved against it to ISO 8601.
//!
//! A publication date comes from, in order of trust:
//! 1. a sidecar file `NAME.meta.json` beside `NAME.txt`, with a `published` (or `date`,
//!    `published_at`, `datePublished`) field;
//! 2. a header line among the first lines of the article: `Date: 2024-03-15`,
//!    `Published: March 15, 2024`, `Date: Fri, 15 Mar 2024 10:00:00 +0000`;
//! 3. a `YYYY-MM-DD` in the file's path (`news/2024-03-15/x.txt`, `2024-03-15-talks.txt`).
//!
//! Each field or header accepts `2024-03-15`, `2024-03-15T10:00:00Z` (RFC 3339), RFC 2822,
//! `March 15, 2024`, `Mar. 15, 2024` and `15 March 2024`.
//!
//! Resolved dates have the precision the words have: `2024-03-13` for "Wednesday" or
//! "March 13", `2024-W10` (an ISO week) for "last week", `2024-03` for "last month" or
//! "in March", `2023` for "last year". A weekday or a day without a year is placed in the
//! past of the publication date for things that happened, in its future for planned ones.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Where an article's publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    Sidecar,
    Header,
    Path,
}

impl DateSource {
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::Sidecar => "sidecar",
            DateSource::Header => "header",
            DateSource::Path => "path",
        }
    }
}

/// An article's publication date and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub date: NaiveDate,
    pub source: DateSource,
}

/// How many lines at the top of an article may hold a `Date:` header.
const HEADER_LINES: usize = 6;

const HEADER_KEYS: &[&str] = &[
    "date",
    "published",
    "published on",
    "published at",
    "publication date",
    "pubdate",
];

const SIDECAR_KEYS: &[&str] = &["published", "date", "published_at", "datePublished"];

/// The date of a `Date:` (or `Published:`) header line near the top of the text.
pub fn from_header(text: &str) -> Option<NaiveDate> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(HEADER_LINES)
        .find_map(|line| {
            let (key, value) = line.split_once(':')?;
            let key = key.trim().to_ascii_lowercase();
            HEADER_KEYS
                .contains(&key.as_str())
                .then(|| parse_date(value))
                .flatten()
        })
}

/// The publication date in a sidecar `NAME.meta.json`. An error says what is wrong with it.
pub fn from_sidecar(json: &str) -> Result<Option<NaiveDate>, String> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
    let Some(object) = value.as_object() else {
        return Err("not a JSON object".to_string());
    };
    for key in SIDECAR_KEYS {
        if let Some(field) = object.get(*key) {
            let text = field
                .as_str()
                .ok_or_else(|| format!("field {key:?} is not a string"))?;
            return parse_date(text)
                .map(Some)
                .ok_or_else(|| format!("field {key:?}: {text:?} is not a date"));
        }
    }
    Ok(None)
}

/// A `YYYY-MM-DD` in a path; the one nearest the file name wins.
pub fn from_path(path: &str) -> Option<NaiveDate> {
    let bytes = path.as_bytes();
    (0..bytes.len().saturating_sub(9))
        .rev()
        .filter(|&i| i == 0 || !bytes[i - 1].is_ascii_digit())
        .filter(|&i| bytes.get(i + 10).is_none_or(|b| !b.is_ascii_digit()))
        .find_map(|i| {
            let candidate = path.get(i..i + 10)?;
            let digit_at = |j: usize| candidate.as_bytes()[j].is_ascii_digit();
            let shaped = [0, 1, 2, 3, 5, 6, 8, 9].into_iter().all(digit_at)
                && candidate.as_bytes()[4] == b'-'
                && candidate.as_bytes()[7] == b'-';
            shaped.then(|| parse_date(candidate)).flatten()
        })
}

/// A publication date as metadata writes it, in a year news can have been published.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    parse_any_date(text).filter(|d| (1800..=2200).contains(&d.year()))
}

fn parse_any_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(date) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(date);
    }
    if let Ok(time) = chrono::DateTime::parse_from_rfc3339(text) {
        return Some(time.date_naive());
    }
    if let Ok(time) = chrono::DateTime::parse_from_rfc2822(text) {
        return Some(time.date_naive());
    }
    if let Some(date) = text.get(..10).and_then(|head| {
        let rest = &text[10..];
        (rest.starts_with('T') || rest.starts_with(' '))
            .then(|| NaiveDate::parse_from_str(head, "%Y-%m-%d").ok())
            .flatten()
    }) {
        return Some(date);
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| w.parse::<u32>().ok();
    match words.as_slice() {
        // "March 15, 2024", "Mar. 15 2024", "Friday, March 15, 2024"
        [.., m, d, y] if month_number(m).is_some() => NaiveDate::from_ymd_opt(
            number(y)? as i32,
            month_number(m)?,
            number(d.trim_end_matches(|c: char| c.is_alphabetic()))?,
        ),
        // "15 March 2024"
        [.., d, m, y] if month_number(m).is_some() => NaiveDate::from_ymd_opt(
            number(y)? as i32,
            month_number(m)?,
            number(d.trim_end_matches(|c: char| c.is_alphabetic()))?,
        ),
        _ => None,
    }
}

/// A month's number from its name or abbreviation ("March", "mar", "Sept.").
pub fn month_number(word: &str) -> Option<u32> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if word.len() < 3 {
        return None;
    }
    NAMES
        .iter()
        .position(|m| m.starts_with(&word))
        .map(|i| i as u32 + 1)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match word {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// The words of a lowercase date that say which day: "late friday morning" -> ["friday"].
pub fn date_words(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    *w,
                    "late" | "early" | "mid" | "on" | "morning" | "afternoon" | "evening" | "night"
                )
        })
        .collect()
}

/// Resolves a date as written against the publication date: forward for planned events.
/// None when the words say nothing placeable ("recently", "on the same day").
pub fn resolve(written: &str, published: NaiveDate, forward: bool) -> Option<String> {
    // Far from any news, date arithmetic could overflow.
    if !(1..=9999).contains(&published.year()) {
        return None;
    }
    let lower = written.to_lowercase();
    let words = date_words(&lower);
    let year = |w: &str| {
        (w.len() == 4)
            .then(|| w.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    };
    let day_number = |w: &str| {
        w.trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d))
    };
    let day = |date: NaiveDate| Some(date.format("%Y-%m-%d").to_string());
    let week = |date: NaiveDate| {
        let w = date.iso_week();
        Some(format!("{}-W{:02}", w.year(), w.week()))
    };
    let month = |y: i32, m: u32| Some(format!("{y:04}-{m:02}"));
    let shift_month = |by: i32| {
        let index = published.year() * 12 + published.month0() as i32 + by;
        month(index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
    };
    match words.as_slice() {
        [w] if weekday(w).is_some() => {
            let target = weekday(w)?.num_days_from_monday() as i64;
            let today = published.weekday().num_days_from_monday() as i64;
            let offset = if forward {
                (target - today).rem_euclid(7)
            } else {
                -(today - target).rem_euclid(7)
            };
            day(published + Duration::days(offset))
        }
        ["today" | "tonight"] => day(published),
        ["yesterday"] => day(published - Duration::days(1)),
        ["tomorrow"] => day(published + Duration::days(1)),
        [w] if year(w).is_some() => Some(w.to_string()),
        ["last", "week"] => week(published - Duration::days(7)),
        ["this" | "earlier" | "later", "week"] | ["earlier" | "later", "this", "week"] => {
            week(published)
        }
        ["next", "week"] => week(published + Duration::days(7)),
        ["last", "weekend"] => {
            // The Saturday before the publication day.
            let back = (published.weekday().num_days_from_monday() as i64 - 5).rem_euclid(7);
            day(published - Duration::days(if back == 0 { 7 } else { back }))
        }
        ["last", "month"] => shift_month(-1),
        ["this" | "earlier" | "later", "month"] | ["earlier" | "later", "this", "month"] => {
            shift_month(0)
        }
        ["next", "month"] => shift_month(1),
        ["last", "year"] => Some(format!("{}", published.year() - 1)),
        ["this" | "earlier" | "later", "year"] | ["earlier" | "later", "this", "year"] => {
            Some(format!("{}", published.year()))
        }
        ["next", "year"] => Some(format!("{}", published.year() + 1)),
        // "March 13", "Nov. 27, 2024", "13 March"
        [m, d] | [m, d, _] if month_number(m).is_some() && day_number(d).is_some() => {
            let explicit = words.get(2).and_then(|y| year(y));
            place_day(
                published,
                month_number(m)?,
                day_number(d)?,
                explicit,
                forward,
            )
        }
        [d, m] | [d, m, _] if month_number(m).is_some() && day_number(d).is_some() => {
            let explicit = words.get(2).and_then(|y| year(y));
            place_day(
                published,
                month_number(m)?,
                day_number(d)?,
                explicit,
                forward,
            )
        }
        // "March 2022", "March this year", "in March"
        [m, y] if month_number(m).is_some() && year(y).is_some() => {
            month(year(y)?, month_number(m)?)
        }
        [m, "this", "year"] if month_number(m).is_some() => {
            month(published.year(), month_number(m)?)
        }
        [m] | ["in" | "last" | "since", m] if month_number(m).is_some() => {
            let m = month_number(m)?;
            let y = if !forward && m > published.month() {
                published.year() - 1
            } else if forward && m < published.month() {
                published.year() + 1
            } else {
                published.year()
            };
            month(y, m)
        }
        _ => None,
    }
}

/// A day of a month: in the given year, else the year that puts it on the right side of the
/// publication date (a day or two of slack for time zones and late editions).
fn place_day(
    published: NaiveDate,
    month: u32,
    day: u32,
    explicit: Option<i32>,
    forward: bool,
) -> Option<String> {
    let in_year = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
    let date = match explicit {
        Some(y) => in_year(y)?,
        None => {
            let same = in_year(published.year())?;
            if !forward && same > published + Duration::days(2) {
                in_year(published.year() - 1)?
            } else if forward && same < published - Duration::days(2) {
                in_year(published.year() + 1)?
            } else {
                same
            }
        }
    };
    Some(date.format("%Y-%m-%d").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Published on Friday 2024-03-15.
    fn past(written: &str) -> Option<String> {
        resolve(written, date("2024-03-15"), false)
    }

    #[test]
    fn weekdays_are_the_last_one_for_past_events_and_the_next_for_planned() {
        assert_eq!(past("Wednesday").as_deref(), Some("2024-03-13"));
        assert_eq!(past("late Friday").as_deref(), Some("2024-03-15"));
        assert_eq!(past("on Saturday").as_deref(), Some("2024-03-09"));
        assert_eq!(past("Monday morning").as_deref(), Some("2024-03-11"));
        let planned = |w| resolve(w, date("2024-03-15"), true);
        assert_eq!(planned("Wednesday").as_deref(), Some("2024-03-20"));
        assert_eq!(planned("Friday").as_deref(), Some("2024-03-15"));
    }

    #[test]
    fn days_of_months_take_the_year_that_fits() {
        assert_eq!(past("March 13").as_deref(), Some("2024-03-13"));
        assert_eq!(past("Nov. 27").as_deref(), Some("2023-11-27"));
        assert_eq!(past("Sept. 3").as_deref(), Some("2023-09-03"));
        assert_eq!(past("13 March").as_deref(), Some("2024-03-13"));
        assert_eq!(past("March 4, 2015").as_deref(), Some("2015-03-04"));
        assert_eq!(
            resolve("January 20", date("2024-12-30"), true).as_deref(),
            Some("2025-01-20")
        );
        assert_eq!(past("February 30"), None);
    }

    #[test]
    fn relative_words_take_their_precision() {
        assert_eq!(past("yesterday").as_deref(), Some("2024-03-14"));
        assert_eq!(past("today").as_deref(), Some("2024-03-15"));
        assert_eq!(past("last week").as_deref(), Some("2024-W10"));
        assert_eq!(past("Last week").as_deref(), Some("2024-W10"));
        assert_eq!(past("earlier this week").as_deref(), Some("2024-W11"));
        assert_eq!(past("last weekend").as_deref(), Some("2024-03-09"));
        assert_eq!(past("last month").as_deref(), Some("2024-02"));
        assert_eq!(past("last year").as_deref(), Some("2023"));
        assert_eq!(past("February this year").as_deref(), Some("2024-02"));
        assert_eq!(past("May").as_deref(), Some("2023-05"));
        assert_eq!(past("March 2022").as_deref(), Some("2022-03"));
        assert_eq!(past("2019").as_deref(), Some("2019"));
        assert_eq!(
            resolve("last month", date("2024-01-10"), false).as_deref(),
            Some("2023-12")
        );
        assert_eq!(past("recently"), None);
        assert_eq!(past("over the last few days"), None);
    }

    #[test]
    fn dates_far_from_any_news_are_refused_not_overflowed() {
        assert_eq!(resolve("last week", NaiveDate::MAX, false), None);
        assert_eq!(resolve("Monday", NaiveDate::MIN, true), None);
        assert_eq!(parse_date("+262143-01-01"), None);
        assert_eq!(parse_date("0001-01-01"), None);
        assert_eq!(from_header("Date: 12024-03-15\n"), None);
    }

    #[test]
    fn publication_dates_come_from_headers_sidecars_and_paths() {
        let header = "Talks in Helsinki\nDate: 2024-03-15\n\nThe two men met.";
        assert_eq!(from_header(header), Some(date("2024-03-15")));
        assert_eq!(
            from_header("Published: March 15, 2024\nText."),
            Some(date("2024-03-15"))
        );
        assert_eq!(
            from_header("Date: Fri, 15 Mar 2024 10:00:00 +0000\n"),
            Some(date("2024-03-15"))
        );
        assert_eq!(
            from_header("Published on: 15 March 2024\n"),
            Some(date("2024-03-15"))
        );
        assert_eq!(from_header("The date: unknown.\n"), None);
        assert_eq!(
            from_sidecar(r#"{"published": "2024-03-15T08:00:00Z", "url": "x"}"#),
            Ok(Some(date("2024-03-15")))
        );
        assert_eq!(from_sidecar(r#"{"url": "x"}"#), Ok(None));
        assert!(from_sidecar(r#"{"date": "soon"}"#).is_err());
        assert!(from_sidecar("[1]").is_err());
        assert_eq!(
            from_path("news/2024-03-15/talks.txt"),
            Some(date("2024-03-15"))
        );
        assert_eq!(
            from_path("2023-01-01/2024-03-15-talks.txt"),
            Some(date("2024-03-15"))
        );
        assert_eq!(from_path("seeds/000_76767b8e407a9ef1.txt"), None);
        assert_eq!(from_path("x/12024-03-15.txt"), None);
        assert_eq!(from_path("x/2024-13-45.txt"), None);
    }
}
