//! What the words around a contact word say of it: its position in, its status out (happened,
//! planned: "wants to meet", "will hold talks"; denied: "did not meet", "the call was
//! cancelled"), its kind (a call or a meeting, and whether the sentence said so outright) and
//! its date (the nearest date expression that dates this contact, not "since May").

use super::reader::Reader;
use crate::extract::dates::{is_month_or_day, DateExpr};
use crate::extract::mentions::is_capitalised;
use crate::findings::{ContactKind, Status};
use crate::lexicon::words::{is, WordList};
use crate::lexicon::{ContactWord, CountryForm, Target};

impl Reader<'_> {
    pub(super) fn status(&self, s: usize, t: usize) -> Status {
        let lower = &self.lower[s];
        let window = t.saturating_sub(4)..t;
        if window.clone().any(|k| is(WordList::Deny, lower[k]))
            && !window.clone().any(|k| matches!(lower[k], "only"))
        {
            return Status::Denied;
        }
        // "A planned call ... was cancelled"
        if (t.saturating_sub(6)..(t + 10).min(lower.len())).any(|k| is(WordList::Cancel, lower[k]))
        {
            return Status::Denied;
        }
        // "called off the meeting", "the meeting was called off"; not "they agreed to call
        // off the strike".
        let called_off = |k: usize| {
            matches!(lower[k], "called" | "call" | "calling") && lower.get(k + 1) == Some(&"off")
        };
        if (t.saturating_sub(4)..t).any(called_off)
            || (t + 1..(t + 10).min(lower.len())).any(|k| {
                called_off(k) && matches!(lower[k - 1], "was" | "were" | "been" | "be" | "is")
            })
        {
            return Status::Denied;
        }
        // "wants to meet", and "wants to hold a conversation": "to" with a light verb.
        let to = (t >= 1 && lower[t - 1] == "to").then(|| t - 1).or_else(|| {
            (t.saturating_sub(5)..t.saturating_sub(1)).rev().find(|&k| {
                lower[k] == "to"
                    && matches!(lower[k + 1], "hold" | "have" | "make" | "pay" | "conduct")
            })
        });
        if let Some(to) = to {
            let before = if to >= 1 { lower[to - 1] } else { "" };
            let intent = is(WordList::Intent, before)
                || (to.saturating_sub(5)..t).any(|k| {
                    matches!(
                        lower[k],
                        "will" | "would" | "invitation" | "proposal" | "plans" | "wants" | "agreed"
                    )
                });
            return if intent {
                Status::Planned
            } else {
                Status::Happened
            };
        }
        if window.clone().any(|k| is(WordList::Plan, lower[k]))
            || (t.saturating_sub(7)..t)
                .any(|k| matches!(lower[k], "will" | "would" | "invitation" | "proposal"))
        {
            return Status::Planned;
        }
        if (t.saturating_sub(2)..t).any(|k| lower[k] == "before") {
            return Status::Planned;
        }
        // "agreed to talk after Trump's meeting with Zelensky": an event placed relative to a
        // plan is part of the plan.
        if (t.saturating_sub(6)..t).any(|k| lower[k] == "after")
            && lower.iter().any(|w| {
                matches!(
                    *w,
                    "will" | "would" | "agreed" | "plans" | "expected" | "scheduled"
                )
            })
        {
            return Status::Planned;
        }
        if lower.get(t + 1).is_some_and(|w| *w == "next")
            || lower.get(t + 2).is_some_and(|w| *w == "next")
        {
            return Status::Planned;
        }
        Status::Happened
    }

    /// The kind of a contact and whether the sentence said it outright.
    pub(super) fn kind(&self, s: usize, class: ContactWord) -> (ContactKind, bool) {
        match class {
            ContactWord::Call => (ContactKind::Call, true),
            ContactWord::Meet => (ContactKind::Meeting, true),
            ContactWord::Talk | ContactWord::Discuss => {
                let lower = &self.lower[s];
                let classes = &self.classes[s];
                if classes.contains(&Some(ContactWord::Call)) {
                    return (ContactKind::Call, true);
                }
                if classes.contains(&Some(ContactWord::Meet)) {
                    return (ContactKind::Meeting, true);
                }
                // Talks held in a place are a meeting, whatever else the article tells.
                let words = &self.words[s];
                let place = (1..words.len()).any(|k| {
                    matches!(lower[k - 1], "in" | "at")
                        && is_capitalised(words[k])
                        && self.lexicon.match_at(words, k).is_some_and(|(_, targets)| {
                            targets.iter().any(|t| {
                                matches!(
                                    t,
                                    Target::Country(_, CountryForm::Name | CountryForm::Capital)
                                )
                            })
                        })
                });
                if place {
                    return (ContactKind::Meeting, false);
                }
                if self.article_has_call {
                    return (ContactKind::Call, false);
                }
                // "in March" is a time, no place.
                let place = (1..words.len()).any(|k| {
                    matches!(lower[k - 1], "in" | "at")
                        && is_capitalised(words[k])
                        && !is_month_or_day(words[k])
                });
                if place {
                    (ContactKind::Meeting, false)
                } else {
                    (ContactKind::Call, false)
                }
            }
        }
    }
}

/// The date closest to the contact word, leaving out dates of other things ("since May",
/// "since Brown took over the role in October 2023", "following the October 7 attack").
pub(super) fn nearest_date(dates: &[DateExpr], t: usize, lower: &[&str]) -> Option<DateExpr> {
    // "prior to that" and "before that" point back to an event; they bound nothing.
    let anaphoric = |k: usize| {
        let next = |i: usize| lower.get(k + i).copied().unwrap_or("");
        matches!(next(1), "that" | "this")
            || (next(1) == "to" && matches!(next(2), "that" | "this"))
    };
    let other_clause = |range: std::ops::Range<usize>| {
        range.into_iter().any(|k| {
            matches!(
                lower[k],
                "since"
                    | "after"
                    | "before"
                    | "until"
                    | "following"
                    | "when"
                    | "while"
                    | "because"
                    | "if"
                    | "ahead"
                    | "prior"
            ) && !anaphoric(k)
        })
    };
    dates
        .iter()
        .filter(|d| !d.bounding)
        .filter(|d| {
            if d.start > t {
                !other_clause(t + 1..d.start)
            } else {
                !other_clause(d.end.min(t)..t)
            }
        })
        .min_by_key(|d| {
            if d.start > t {
                (d.start - t) * 2
            } else {
                (t - d.end + 1) * 2 + 1
            }
        })
        .cloned()
}
