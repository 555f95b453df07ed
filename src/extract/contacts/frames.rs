//! Contact words: a token in, whether it is a contact word used as one here out ("called for"
//! and "called the plan a mistake" are none, "called Gen. X" and "paid a courtesy call on X"
//! are; "received a letter" is none, "received the President of X" is), and how it counts the
//! people it joins ("calls", "separate meetings": one contact with each).

use super::reader::{is_possessive_next, is_time_word, object_pronoun_at, Actor, Reader};
use crate::extract::dates::find_dates;
use crate::extract::mentions::is_capitalised;
use crate::findings::EntityKind;
use crate::lexicon::words::{is, WordList};
use crate::lexicon::ContactWord;

impl Reader<'_> {
    /// Is token `t` a contact word used as one?
    #[inline]
    pub(super) fn trigger(&self, s: usize, t: usize) -> Option<ContactWord> {
        // Called for every token: most are no contact word at all.
        let class = self.classes[s][t]?;
        self.used_as_contact(s, t, class)
    }

    /// Is token `t`, a contact word of this class, used as one here?
    fn used_as_contact(&self, s: usize, t: usize, class: ContactWord) -> Option<ContactWord> {
        let w = self.lower[s][t];
        let next = self.lower[s].get(t + 1).copied().unwrap_or("");
        let prev = if t > 0 { self.lower[s][t - 1] } else { "" };
        match w {
            // "called for", "called on Moscow to"; but "calls on February 12" are calls.
            "call" | "calls" | "called" if matches!(next, "for" | "upon" | "it" | "off") => None,
            // "received a courtesy call from X": a visit, wherever the visitor is named.
            "call" | "calls" if prev == "courtesy" => Some(ContactWord::Meet),
            "call" | "calls" | "called"
                if next == "on"
                    && self.words[s].get(t + 2).is_some_and(|_| {
                        find_dates(&self.words[s][t + 2..(t + 4).min(self.words[s].len())])
                            .first()
                            .is_none_or(|d| d.start != 0)
                    }) =>
            {
                // "paid a courtesy call on the Emperor X" is a visit; "called on X to act" urges.
                self.calls_on_a_person(s, t).then_some(ContactWord::Meet)
            }
            "called" if !self.calls_a_person(s, t) => None,
            "shake" | "shakes" | "shaking" | "shook" if next != "hands" => None,
            // "X and Y came together", "the summit brought together X and Y", not "together
            // with"; "contacted X by telephone";
            // "convened with X"; "X's engagement with Y".
            "together"
                if !matches!(prev, "came" | "come" | "comes" | "coming" | "got" | "get")
                    && !is(WordList::Gather, prev)
                    || next == "with" =>
            {
                None
            }
            "contacted"
                if !self.lower[s][t + 1..(t + 10).min(self.lower[s].len())]
                    .iter()
                    .any(|w| matches!(*w, "telephone" | "phone")) =>
            {
                None
            }
            "convened" | "engagement" if next != "with" => None,
            // "X received Y", "Y was welcomed by X"; not "received a letter", "welcomed the plan".
            // "welcomed a delegation led by X" is a guest too.
            _ if is(WordList::Host, w) => (next == "by"
                || self.passive_host_by(s, t, t).is_some()
                || (!matches!(next, "a" | "an") || self.led_by_at(s, t + 2).is_some())
                    && (self.calls_a_person(s, t) || self.hosts_unnamed_guests(s, t))
                || self.group_of_members_after(s, t, 6))
            .then_some(class),
            "talk" | "talked" | "talks" | "speak" | "spoke" | "speaking" | "speaks"
                if matches!(next, "about" | "of") && !matches!(prev, "held" | "hold") =>
            {
                None
            }
            "meeting" | "visit" | "talks" if matches!(prev, "press") => None,
            // "the visit of X to Ukraine": who travels where, no contact with the clause's
            // subject ("Y responded with a threat to the visit of X").
            "visit" | "visits" if next == "of" => None,
            // "X sat down with Y" meets; "sat down to eat" does not.
            "sat" | "sit" | "sits" | "sitting"
                if !(next == "down" && self.lower[s].get(t + 2).is_some_and(|w| *w == "with")) =>
            {
                None
            }
            _ => Some(class),
        }
    }

    /// The "by" that names the host of a passive host verb at `t` (ending at `last`): "was
    /// received at the palace by X", "were warmly welcomed on Monday by X", "was hosted for
    /// lunch at the Institute by X"; only a place, a time or a meal stand between.
    pub(super) fn passive_host_by(&self, s: usize, t: usize, last: usize) -> Option<usize> {
        let lower = &self.lower[s];
        let aux = |w: &str| matches!(w, "was" | "were" | "been" | "being" | "is" | "are" | "be");
        let passive = lower[t].ends_with("ed")
            && is(WordList::Host, lower[t])
            && (t >= 1 && aux(lower[t - 1])
                || t >= 2 && lower[t - 1].ends_with("ly") && aux(lower[t - 2]));
        if !passive {
            return None;
        }
        (last + 1..(last + 14).min(lower.len()))
            .take_while(|&k| {
                !(is(WordList::Break, lower[k])
                    || matches!(lower[k], "," | "and" | "who" | "which" | "where" | "to"))
            })
            .find(|&k| lower[k] == "by")
    }

    /// Is "called" at token `t` followed by the person called: "called Gen. Valery
    /// Gerasimov", "called Ukrainian Gen. Valerii Zaluzhnyi", "called his Russian
    /// counterpart"? Not "called the plan a mistake" or "called for talks".
    /// The person may come after a time ("received on Monday President X") or in apposition
    /// to a role ("received the President of Switzerland, X").
    fn calls_a_person(&self, s: usize, t: usize) -> bool {
        let words = &self.words[s];
        if object_pronoun_at(&self.lower[s], t + 1) {
            return true;
        }
        let end = (t + 16).min(words.len());
        let mut j = t + 1;
        while j < end {
            let (word, lower) = (words[j], self.lower[s][j]);
            if let Some((e, start, mention_end)) = self.mention_span_at(s, j) {
                if self.is_person(e) {
                    return true;
                }
                // "greeted US Secretary of State X": a country before a title describes the
                // guest, as a demonym does.
                let country_of_title = self.mentions.entities[e].kind == EntityKind::Country
                    && words.get(mention_end).is_some_and(|w| {
                        is_capitalised(w) || is(WordList::Role, &w.to_lowercase())
                    });
                // "the President of Switzerland, X"
                let before = &self.lower[s][start.saturating_sub(2)..start];
                // "the Presidents of Benin and Chad, X and Y": each country of the list.
                let listed_country = matches!(before, [_, "and" | ","])
                    && start >= 2
                    && self
                        .mention_at(s, start - 2)
                        .is_some_and(|c| self.mentions.entities[c].kind == EntityKind::Country);
                let of_a_place = matches!(before, [_, "of"] | ["of", "the"]) || listed_country;
                // "a Hamas delegation led by X"
                let group = self.led_by_at(s, mention_end) == Some(mention_end + 2);
                // "received Senegal's President X": the country describes the guest.
                if is_possessive_next(words, mention_end) {
                    j = mention_end + 2;
                    continue;
                }
                // "received at the Amiri Diwan on Monday X": where, not whom.
                let venue = matches!(before, [_, "at" | "in"] | ["at" | "in", "the"]);
                // "the President of the Federation (FIFA) X": an acronym in brackets.
                let acronym = matches!(before, [_, "("]);
                if self.is_demonym_at(s, j)
                    || of_a_place
                    || group
                    || venue
                    || acronym
                    || country_of_title
                {
                    j = mention_end.max(j + 1);
                    continue;
                }
                return false;
            }
            if matches!(lower, "counterpart" | "counterparts") {
                return true;
            }
            if let Some(by) = self.led_by_at(s, j) {
                return matches!(self.object_at(s, by + 1, &[]), Some(Actor::Entities(e))
                    if e.iter().all(|&x| self.is_person(x)));
            }
            // "received the new Ambassador of France to Chad Pierre Martin"
            if is(WordList::Role, lower) && self.holder_after_role(s, j).is_some() {
                return true;
            }
            let capitalised = word.chars().next().is_some_and(char::is_uppercase);
            // "received on Monday at Bayan Palace the President of ...", "received in
            // audience the Ambassador of ..."
            let place = matches!(lower, "at" | "in")
                && words
                    .get(j + 1)
                    .is_some_and(|w| is_capitalised(w) || *w == "audience" || *w == "the")
                && words
                    .get(j + 2)
                    .is_some_and(|w| is_capitalised(w) || words[j + 1] != "the");
            if !(capitalised
                || place
                || lower == "audience" && self.lower[s][j - 1] == "in"
                // "called on Chief of Army Staff (COAS) General X": an acronym in brackets.
                || matches!(lower, "his" | "her" | "their" | "the" | "." | "of" | "," | "(" | ")")
                || is(WordList::Filler, lower) && lower != "and"
                // "received the Presidents of Benin and Chad, X and Y"
                || lower == "and"
                    && self.mention_at(s, j - 1).is_some()
                    && self.mention_at(s, j + 1).is_some()
                || matches!(lower, "a" | "an") && self.led_by_at(s, j + 1).is_some()
                || is(WordList::Role, lower)
                || self.in_title_words(s, j)
                || (is_time_word(&words[j..], lower)
                    && (j < t + 4 || is_time_word(&words[j - 1..], self.lower[s][j - 1])))
                // "received at the Diwan on Wednesday morning President X"
                || lower == "on"
                    && self.lower[s]
                        .get(j + 1)
                        .is_some_and(|next| is_time_word(&words[j + 1..], next)))
            {
                return false;
            }
            j += 1;
        }
        false
    }

    /// Does the host verb at token `t` take guests the text does not name one by one: "hosted
    /// the national football team", "received some governors"? Not "hosted a summit".
    fn hosts_unnamed_guests(&self, s: usize, t: usize) -> bool {
        let lower = &self.lower[s];
        let Some(&first) = lower.get(t + 1) else {
            return false;
        };
        if !matches!(first, "the" | "some" | "his" | "her" | "their" | "several") {
            return false;
        }
        // The head noun comes after a few modifiers ("the Indian Olympic contingent").
        lower[t + 2..(t + 6).min(lower.len())]
            .iter()
            .take_while(|w| w.chars().all(char::is_alphabetic))
            .any(|w| is(WordList::Unnamed, w))
    }

    /// Does a group whose members are named stand among the `within` tokens after token `t`:
    /// "(received) a delegation of investors consisting of X and Y", "(received) the Minsk
    /// Group - X and Y"? A group's noun ("delegation") or an institution's name ends at a
    /// token its members follow.
    pub(super) fn group_of_members_after(&self, s: usize, t: usize, within: usize) -> bool {
        (t + 1..(t + within).min(self.lower[s].len())).any(|k| {
            let names_a_group = is(WordList::Unnamed, self.lower[s][k])
                || self
                    .mention_span_at(s, k)
                    .is_some_and(|(e, _, end)| end == k + 1 && !self.is_person(e));
            names_a_group && self.members_at(s, k + 1).is_some()
        })
    }

    /// "call on X" at token `t` in the sense of a visit: a person follows "on" and no "to"
    /// follows the person ("called on X to withdraw" urges, it is no contact).
    pub(super) fn calls_on_a_person(&self, s: usize, t: usize) -> bool {
        // "paid a courtesy call on her at the palace", not "called on him to resign".
        let lower = &self.lower[s];
        if object_pronoun_at(lower, t + 2) {
            return lower.get(t + 3).is_none_or(|w| *w != "to");
        }
        if !self.calls_a_person(s, t + 1) {
            return false;
        }
        let person_end = (t + 2..self.words[s].len())
            .find_map(|k| self.mention_span_at(s, k).filter(|m| self.is_person(m.0)))
            .map(|m| m.2);
        person_end.is_some_and(|end| lower.get(end).is_none_or(|w| *w != "to"))
    }

    pub(super) fn plural_trigger(&self, s: usize, t: usize, last: usize) -> bool {
        (t..=last).any(|k| {
            matches!(
                self.lower[s][k],
                "calls" | "meetings" | "conversations" | "talks" | "summits" | "visits"
            )
        })
    }

    /// Is the contact word `t..=last` a noun of one contact followed by "with": "a call with
    /// A, B and C", "for talks with A and B" name one contact of everyone, where the verb in
    /// "met A, B and C" tells of one with each. "meeting" is a noun only after a determiner
    /// ("a meeting with"); after a comma it is a verb ("..., meeting with A and B").
    pub(super) fn joint_noun(&self, s: usize, t: usize, last: usize) -> bool {
        let lower = &self.lower[s];
        let noun = lower[last];
        if !is(WordList::Joint, noun) || lower.get(last + 1).is_none_or(|w| *w != "with") {
            return false;
        }
        noun != "meeting"
            || t > 0
                && matches!(
                    lower[t - 1],
                    "a" | "an" | "the" | "his" | "her" | "their" | "its" | "'s" | "this" | "that"
                )
    }

    /// Does the contact word `t..=last` stand for one contact with each person of a list
    /// rather than one contact of them all: "held bilateral meetings with", "separate calls"?
    /// With one other side (`one_other`), "a bilateral meeting" is between the two sides: one
    /// meeting of everyone on them ("X, along with Y, held a bilateral meeting with Z").
    pub(super) fn one_with_each(&self, s: usize, t: usize, last: usize, one_other: bool) -> bool {
        let lower = &self.lower[s];
        (t.saturating_sub(3)..=last)
            .any(|k| is(WordList::Separate, lower[k]) && !(one_other && lower[k] == "bilateral"))
            || (t..=last).any(|k| matches!(lower[k], "meetings" | "calls" | "conversations"))
    }
}
