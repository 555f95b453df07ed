//! Dates as written: the words of a sentence in, the date expressions among them out
//! ("Wednesday", "late Friday", "March 13", "Nov. 27", "February 12 and 15", "last week").

use crate::time::date_words;

/// A date expression: tokens `start..end` of a sentence, the words as written, and for a list
/// ("February 12 and 15") one entry per date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateExpr {
    pub start: usize,
    pub end: usize,
    pub parts: Vec<String>,
    /// Introduced by "since", "before", "after" or "until": the date of something else.
    pub bounding: bool,
}

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const MONTHS: &[(&str, &str)] = &[
    ("January", "January"),
    ("Jan.", "January"),
    ("February", "February"),
    ("Feb.", "February"),
    ("March", "March"),
    ("Mar.", "March"),
    ("April", "April"),
    ("Apr.", "April"),
    ("May", "May"),
    ("June", "June"),
    ("Jun.", "June"),
    ("July", "July"),
    ("Jul.", "July"),
    ("August", "August"),
    ("Aug.", "August"),
    ("September", "September"),
    ("Sep.", "September"),
    ("Sept.", "September"),
    ("October", "October"),
    ("Oct.", "October"),
    ("November", "November"),
    ("Nov.", "November"),
    ("December", "December"),
    ("Dec.", "December"),
];

/// Is `word` a month ("March", "Nov.") or a weekday ("Friday")? Such words are never names.
pub fn is_month_or_day(word: &str) -> bool {
    month(word).is_some() || is_weekday(word)
}

/// Does the word at `i` abbreviate a weekday before a month ("Tue Mar 28") or a month before
/// a number ("Mar 28", "Sept 2024")? Alone such a word may be a name ("Jan Lipavsky", "Sun
/// Weidong").
pub fn is_date_abbreviation(words: &[&str], i: usize) -> bool {
    const DAYS: &[&str] = &[
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun",
    ];
    const MONTHS_SHORT: &[&str] = &[
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    ];
    // Called for every word: most are turned away by their first letter or their length.
    if !words[i]
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_uppercase)
        || words[i].len() > 6
    {
        return false;
    }
    let word = words[i].trim_end_matches('.');
    let next = words.get(i + 1).map(|w| w.trim_end_matches(['.', ',']));
    let number = |w: Option<&str>| w.is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
    if DAYS.contains(&word) {
        let next = next.unwrap_or("");
        return MONTHS_SHORT.contains(&next) || month(next).is_some();
    }
    MONTHS_SHORT.contains(&word) && number(next)
}

fn month(word: &str) -> Option<&'static str> {
    // Most capitalised words start with another letter than any month.
    let first = word.as_bytes().first()?;
    if !matches!(first, b'J' | b'F' | b'M' | b'A' | b'S' | b'O' | b'N' | b'D') {
        return None;
    }
    MONTHS.iter().find(|(w, _)| *w == word).map(|(_, m)| *m)
}

fn is_weekday(word: &str) -> bool {
    // Every weekday ends in "day": most words are turned away without the table.
    word.ends_with("day") && WEEKDAYS.contains(&word)
}

fn is_day_number(word: &str) -> bool {
    // Most words: a day number starts with a digit (the check below, without the scan).
    if !word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let digits = word.trim_end_matches(|c: char| c.is_alphabetic());
    !digits.is_empty()
        && digits.len() <= 2
        && digits.chars().all(|c| c.is_ascii_digit())
        && digits.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && (word.starts_with("19") || word.starts_with("20"))
}

/// Finds the date expressions among a sentence's words.
pub fn find_dates(words: &[&str]) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some((end, parts)) = date_at(words, i) {
            let mut start = i;
            if start > 0
                && matches!(
                    words[start - 1],
                    "late" | "early" | "Late" | "Early" | "mid"
                )
            {
                start -= 1;
            }
            // Compared ignoring ASCII case, as in date_at: no other character lowercases to
            // the letters of these words.
            let bounding = (start.saturating_sub(4)..start).any(|j| {
                [
                    "since",
                    "before",
                    "after",
                    "until",
                    "till",
                    "ahead",
                    "prior",
                    "following",
                ]
                .iter()
                .any(|b| words[j].eq_ignore_ascii_case(b))
            });
            let written = |text: String| {
                if start < i {
                    format!("{} {}", words[start], text)
                } else {
                    text
                }
            };
            let parts = parts.into_iter().map(written).collect();
            out.push(DateExpr {
                start,
                end,
                parts,
                bounding,
            });
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

/// A date starting at word `i`: where it ends and its parts.
fn date_at(words: &[&str], i: usize) -> Option<(usize, Vec<String>)> {
    let w = words[i];
    // Every date starts with a capital (a weekday or month), a digit, or a word below (last,
    // next, this, earlier, yesterday, today, tonight, a number word before "weeks ago"): most
    // words are turned away here.
    let may_start = |b: &u8| {
        b.is_ascii_uppercase()
            || b.is_ascii_digit()
            || matches!(b, b'l' | b'n' | b't' | b'e' | b'y' | b'a' | b'f' | b's')
    };
    if !w.as_bytes().first().is_some_and(may_start) {
        return None;
    }
    let next = |k: usize| words.get(i + k).copied().unwrap_or("");
    if is_weekday(w) {
        let end = if matches!(next(1), "morning" | "afternoon" | "evening" | "night") {
            i + 2
        } else {
            i + 1
        };
        return Some((end, vec![words[i..end].join(" ")]));
    }
    if let Some(m) = month(w) {
        if is_day_number(next(1)) {
            // "February 12 and 15", "Nov. 27, 2024"
            let mut end = i + 2;
            let mut parts = vec![format!("{w} {}", next(1))];
            if matches!(next(2), "and" | "or" | "&") && is_day_number(next(3)) {
                parts.push(format!("{w} {}", next(3)));
                end = i + 4;
            }
            if words.get(end) == Some(&",") && words.get(end + 1).is_some_and(|y| is_year(y)) {
                end += 2;
                let year = words[end - 1];
                parts = parts.into_iter().map(|p| format!("{p}, {year}")).collect();
            }
            let _ = m;
            return Some((end, parts));
        }
        if is_year(next(1)) {
            return Some((i + 2, vec![format!("{w} {}", next(1))]));
        }
        let before = if i > 0 { words[i - 1] } else { "" };
        if (w != "May"
            || matches!(
                before,
                "in" | "since" | "that" | "early" | "late" | "mid" | "last" | "In"
            ))
            && matches!(
                before,
                "in" | "In"
                    | "since"
                    | "that"
                    | "early"
                    | "late"
                    | "mid"
                    | "last"
                    | "this"
                    | "next"
                    | "of"
            )
        {
            let end = if next(1) == "this" && next(2) == "year" {
                i + 3
            } else {
                i + 1
            };
            return Some((end, vec![words[i..end].join(" ")]));
        }
        return None;
    }
    if is_day_number(w) && month(next(1)).is_some() {
        let end = if is_year(next(2)) { i + 3 } else { i + 2 };
        return Some((end, vec![words[i..end].join(" ")]));
    }
    // The ASCII case-insensitive comparison equals comparing w.to_lowercase(), without an
    // allocation for every word: no other character lowercases to the letters of these words.
    let is = |word: &str| w.eq_ignore_ascii_case(word);
    if (is("last") || is("next") || is("this"))
        && matches!(
            next(1),
            "week"
                | "month"
                | "year"
                | "weekend"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
        )
    {
        return Some((i + 2, vec![words[i..i + 2].join(" ")]));
    }
    if is("earlier") && next(1) == "this" && matches!(next(2), "week" | "month" | "year") {
        return Some((i + 3, vec![words[i..i + 3].join(" ")]));
    }
    // "two weeks ago", "a month ago", "10 days ago".
    if next(2) == "ago"
        && matches!(
            next(1),
            "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years"
        )
        && (w.bytes().all(|b| b.is_ascii_digit())
            || [
                "a", "an", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "several", "few",
            ]
            .iter()
            .any(|n| is(n)))
    {
        return Some((i + 3, vec![words[i..i + 3].join(" ")]));
    }
    if is("yesterday") || is("today") || is("tonight") {
        return Some((i + 1, vec![w.to_string()]));
    }
    if is_year(w) && i > 0 && matches!(words[i - 1], "in" | "In") {
        return Some((i + 1, vec![w.to_string()]));
    }
    None
}

/// A key under which two writings of one date agree: "late Friday" and "Friday morning" are
/// both "friday".
pub fn date_key(written: &str) -> String {
    let lower = written.to_lowercase();
    let words = date_words(&lower);
    let words: Vec<String> = words
        .iter()
        .map(|w| {
            month(&capitalise(w))
                .map(|m| m.to_lowercase())
                .unwrap_or_else(|| w.to_string())
        })
        .collect();
    words.join(" ")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<(Vec<String>, bool)> {
        let words: Vec<&str> = text.split(' ').collect();
        find_dates(&words)
            .into_iter()
            .map(|d| (d.parts, d.bounding))
            .collect()
    }

    #[test]
    fn a_time_ago_is_a_date() {
        assert_eq!(
            dates("they last spoke two weeks ago ."),
            [(vec!["two weeks ago".to_string()], false)]
        );
        assert_eq!(
            dates("met a month ago in Oslo"),
            [(vec!["a month ago".to_string()], false)]
        );
        assert_eq!(
            dates("met 10 days ago"),
            [(vec!["10 days ago".to_string()], false)]
        );
        assert!(dates("two weeks of talks").is_empty());
    }

    #[test]
    fn abbreviated_dates_are_told_from_names() {
        let abbreviated = |text: &str, i: usize| {
            let words: Vec<&str> = text.split(' ').collect();
            is_date_abbreviation(&words, i)
        };
        assert!(abbreviated("By Khaama Press - Tue Mar 28 2017", 4));
        assert!(abbreviated("By Khaama Press - Tue Mar 28 2017", 5));
        assert!(abbreviated("Posted Sept. 5, 2024", 1));
        assert!(abbreviated("Updated Wed. December 4", 1));
        assert!(!abbreviated("Foreign Minister Jan Lipavsky met him", 2));
        assert!(!abbreviated("Ambassador Sun Weidong said", 1));
        assert!(!abbreviated("She met Mar", 2));
    }

    #[test]
    fn finds_weekdays_days_lists_and_relative_dates() {
        assert_eq!(
            dates("spoke on Wednesday"),
            [(vec!["Wednesday".to_string()], false)]
        );
        assert_eq!(
            dates("met late Friday"),
            [(vec!["late Friday".to_string()], false)]
        );
        assert_eq!(
            dates("calls on February 12 and 15 ."),
            [(
                vec!["February 12".to_string(), "February 15".to_string()],
                false
            )]
        );
        assert_eq!(
            dates("occurred on Nov. 27 and"),
            [(vec!["Nov. 27".to_string()], false)]
        );
        assert_eq!(
            dates("first time since May ,"),
            [(vec!["May".to_string()], true)]
        );
        assert_eq!(
            dates("Last week , Austin"),
            [(vec!["Last week".to_string()], false)]
        );
        assert!(dates("it may rain").is_empty());
    }

    #[test]
    fn date_keys_agree_across_writings() {
        assert_eq!(date_key("late Friday"), date_key("Friday morning"));
        assert_eq!(date_key("Nov. 27"), date_key("November 27"));
    }
}
