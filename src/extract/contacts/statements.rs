//! Statements: one sentence in, the contacts it states out. Each contact word is read with its
//! sides; a group meets as one when three or more meet (unless one person meets a list, or
//! the meetings are "separate"); people who attended ("attended by", "present at",
//! "accompanied") join the sentence's contact or the latest gathering: an event read with its
//! attendees, or a host of guests the text does not name ("X hosted the Olympic team").

use super::modality::nearest_date;
use super::phrases::opens_along;
use super::reader::{is_possessive_next, Actor, Reader, Statement};
use crate::extract::dates::{find_dates, DateExpr};
use crate::findings::{ContactKind, Status};
use crate::lexicon::words::{is, WordList};
use crate::lexicon::ContactWord;

impl Reader<'_> {
    pub(super) fn read_sentence(&mut self, s: usize) -> Vec<Statement> {
        let mut out = Vec::new();
        // Most sentences have no contact word: nothing below would be read, but for people
        // who attend the event in focus ("Also present at the dinner were X and Y").
        if self.classes[s].iter().all(Option::is_none) {
            if self.focus.is_some()
                || self.gathering.is_some()
                || self.lower[s].iter().any(|w| is(WordList::Chair, w))
            {
                if let Some(group) = self.read_attendance(s, &mut out) {
                    self.gathering = Some(group);
                }
            }
            return out;
        }
        let n = self.words[s].len();
        let mut host = None;
        let mut dates = find_dates(&self.words[s]);
        // "ahead of Tuesday's press briefing": a date that modifies another noun.
        dates.retain(|d| {
            !is_possessive_next(&self.words[s], d.end)
                || (d.end + 1..(d.end + 4).min(n)).any(|k| self.trigger(s, k).is_some())
        });
        let mut t = 0;
        while t < n {
            let Some(class) = self.trigger(s, t) else {
                t += 1;
                continue;
            };
            // "phone call", "telephone conversation": one trigger.
            let mut last = t;
            while last + 1 < n && self.trigger(s, last + 1).is_some() {
                last += 1;
            }
            // "sat down with X": the particle belongs to the verb.
            if self.lower[s].get(last + 1) == Some(&"down") {
                last += 1;
            }
            let class = (t..=last)
                .filter_map(|k| self.trigger(s, k))
                .find(|c| matches!(c, ContactWord::Call | ContactWord::Meet))
                .unwrap_or(class);
            host = self
                .read_trigger(s, t, last, class, &dates, &mut out)
                .or(host);
            t = last + 1;
        }
        // A new contact closes the gathering others joined; a host of guests the text does
        // not name opens one.
        if out.iter().any(|st| st.status == Status::Happened) {
            self.gathering = None;
        } else if host.is_some() {
            self.gathering = host;
        }
        if let Some(group) = self.read_attendance(s, &mut out) {
            self.gathering = Some(group);
        }
        out
    }

    /// "The meeting was attended by X and Y", "Present at the talks were X and Y", "X was
    /// also present during the meeting", "accompanied by X", "during the negotiations our
    /// partners were represented by X": people who took part in an event.
    /// The event is the contact this sentence states, or else the latest gathering (or the
    /// one in focus) when the sentence names an event ("the meeting"). Everyone in it meets
    /// everyone else. Returns the people of the event, attendees included.
    fn read_attendance(&self, s: usize, out: &mut Vec<Statement>) -> Option<Vec<usize>> {
        let lower = &self.lower[s];
        let n = lower.len();
        // "involved X" took part; "involved in supporting a coup" did something else.
        // "Also at the meeting were X and Y": being at the event is attending it.
        // "They include X, Y and Z" after a host of guests the text does not name: the guests.
        let cue = (0..n).find(|&k| {
            is(WordList::Attend, lower[k])
                && !(lower[k].starts_with("involv") && lower.get(k + 1) == Some(&"in"))
                || k > 0 && lower[k - 1] == "also" && matches!(lower[k], "at" | "during")
                || self.gathering.is_some() && names_the_guests(lower, k)
        })?;
        // Who attended: the people listed after the cue, or else the subject before it.
        // A list of guests may open with a long title: "They include the Ambassador
        // Extraordinary and Plenipotentiary of the Republic of Guinea to Ghana, X".
        let reach = if names_the_guests(lower, cue) { 30 } else { 16 };
        // "Accompanying the president were X and Y": those after the verb, not the one they
        // came with.
        let first = match fronted_companions(lower, cue) {
            Some(verb) => verb + 1,
            None => cue + 1,
        };
        let after = (first..(cue + reach).min(n))
            .find_map(|k| self.mention_span_at(s, k).filter(|m| self.is_person(m.0)));
        let joiners = match after {
            Some((entity, _, end)) => {
                let mut joiners = self.conjoined_right(s, end, entity);
                // "attended by X, Minister of Y; Z, Minister of W; and V": a list whose items
                // carry titles is cut by semicolons; each item opens with its person.
                let mut k = end;
                while let Some(semicolon) = (k..n).find(|&q| lower[q] == ";") {
                    let first = (semicolon + 1..(semicolon + 4).min(n))
                        .find_map(|q| self.mention_span_at(s, q))
                        .filter(|m| self.is_person(m.0));
                    let Some((person, _, person_end)) = first else {
                        break;
                    };
                    if !joiners.contains(&person) {
                        joiners.push(person);
                    }
                    k = person_end;
                }
                joiners
            }
            None => match (0..cue)
                .rev()
                .find_map(|k| self.mention_span_at(s, k).filter(|m| self.is_person(m.0)))
            {
                Some((entity, start, _)) => self.conjoined_left(s, start, entity, true),
                None => return None,
            },
        };
        // The sentence's own contact, unless it is only the attendees themselves ("the
        // meeting was attended by X and Y" names no one else: the meeting is the one in focus).
        let own: Vec<&Statement> = out
            .iter()
            .filter(|st| st.status == Status::Happened)
            .filter(|st| st.participants.iter().any(|p| !joiners.contains(p)))
            .collect();
        let (mut group, kind, strong, date) = match own.first() {
            Some(first) => {
                let mut group: Vec<usize> = own
                    .iter()
                    .flat_map(|st| st.participants.iter().copied())
                    .collect();
                group.sort();
                group.dedup();
                (group, first.kind, first.strong, first.date.clone())
            }
            // "X chaired a meeting attended by A and B": the chair is at the event.
            None if let Some(chair) = self.chair_before(s, cue) => {
                (vec![chair], ContactKind::Meeting, true, None)
            }
            None => {
                // "The President, who was accompanied by X, will address the meeting": people
                // with someone at an event still to come attend nothing yet.
                // Not a relative clause's future: "represented by X, who will soon head Y".
                let future = (0..n).any(|k| {
                    matches!(lower[k], "will" | "would" | "'ll")
                        && !(k.saturating_sub(3)..k).any(|q| matches!(lower[q], "who" | "which"))
                });
                if future {
                    return None;
                }
                // The gathering others joined is as new as the focus, or newer.
                let focus = self.gathering.as_ref().or(self.focus.as_ref())?;
                // The event in focus is named definitely: "the meeting", not "a meeting"; or
                // an occasion of it is: "the dinner", "the gathering".
                let event = (0..n).find_map(|k| {
                    self.trigger(s, k)
                        .or_else(|| is(WordList::Occasion, lower[k]).then_some(ContactWord::Meet))
                        .map(|c| (k, c))
                });
                let (kind, strong) = match event {
                    Some((k, _))
                        if !(k.saturating_sub(2)..k)
                            .any(|q| matches!(lower[q], "the" | "this" | "that")) =>
                    {
                        return None
                    }
                    // "the talks", "the conversation": the latest contact, of its kind.
                    Some((_, ContactWord::Talk | ContactWord::Discuss))
                        if self.latest_kind.is_some() =>
                    {
                        (self.latest_kind?, true)
                    }
                    Some((_, class)) => self.kind(s, class),
                    // No event named: people there with one of the latest contact, unless
                    // another person is the subject ("Later, X arrived, accompanied by Y").
                    None if (tells_presence(lower, cue) || names_the_guests(lower, cue))
                        && !(0..cue).any(|k| {
                            self.mention_at(s, k).is_some_and(|e| {
                                self.is_person(e) && !focus.contains(&e) && !joiners.contains(&e)
                            })
                        }) =>
                    {
                        (self.latest_kind?, true)
                    }
                    None => return None,
                };
                // Attendees join a meeting of people rather than the countries of the latest
                // contact ("talks between A and B" before "the meeting was attended by X").
                let focus = match &self.people_focus {
                    Some(people) if !focus.iter().any(|&e| self.is_person(e)) => people,
                    _ => focus,
                };
                (focus.clone(), kind, strong, None)
            }
        };
        // People who attend meet the people of the event, not the countries it was between.
        if joiners.iter().any(|&j| self.is_person(j)) {
            group.retain(|&e| self.is_person(e));
        }
        let before = group.len();
        for joiner in joiners {
            if !group.contains(&joiner) {
                group.push(joiner);
            }
        }
        // The pairs the joiners add; the event's own pairs are stated already.
        for i in 0..group.len() {
            for k in (i + 1).max(before)..group.len() {
                let mut pair = vec![group[i], group[k]];
                pair.sort();
                out.push(Statement {
                    participants: pair,
                    kind,
                    strong,
                    status: Status::Happened,
                    date: date.clone(),
                    sentence: s,
                });
            }
        }
        Some(group)
    }

    fn read_trigger(
        &mut self,
        s: usize,
        t: usize,
        last: usize,
        class: ContactWord,
        dates: &[DateExpr],
        out: &mut Vec<Statement>,
    ) -> Option<Vec<usize>> {
        let lower = &self.lower[s];
        if (t.saturating_sub(3)..t).any(|k| is(WordList::Generic, lower[k])) {
            return None;
        }
        // "on the sidelines of the summit", "on the eve of the talks": the event is the
        // setting of another contact, no contact of those named before it.
        if (t.saturating_sub(4)..t)
            .any(|k| is(WordList::Setting, lower[k]) && lower.get(k + 1) == Some(&"of"))
        {
            return None;
        }
        // "met X, Y and Z to discuss trade": the purpose of the contact before, not another
        // one of those listed.
        if class == ContactWord::Discuss
            && t > 0
            && lower[t - 1] == "to"
            && (0..t - 1).any(|k| self.trigger(s, k).is_some())
        {
            return None;
        }
        let (right, between) = self.right_actor(s, t, last);
        let left = if between {
            Actor::Entities(Vec::new())
        } else {
            self.left_actor(s, t)
        };
        // "During the call between X and Y, ..." names both sides already.
        let (left, right) = if between {
            (left, right)
        } else {
            self.told_in_a_call(s, t, left, right)
        };
        let resolve = |actor: &Actor, focus: &Option<Vec<usize>>| -> Option<Vec<usize>> {
            match actor {
                Actor::Entities(e) if !e.is_empty() => Some(e.clone()),
                Actor::Focus => focus.clone(),
                _ => None,
            }
        };
        // "the two men" are two: the latest pair when more have joined the focus since.
        let two = self.lower[s].windows(2).any(|w| w == ["the", "two"]);
        let focus = match &self.focus {
            Some(f) if two && f.len() > 2 => self.pair_focus.clone().or(Some(f.clone())),
            f => f.clone(),
        };
        let left_entities = resolve(&left, &focus);
        let right_entities = resolve(&right.clone().unwrap_or(Actor::Unknown), &focus);
        let has_object = right.is_some();
        // "X met some governors", "X hosted the Olympic team": one host and guests the text
        // does not name. People it names as present later meet X.
        let host = match (&left_entities, &right) {
            (Some(l), Some(Actor::Unknown)) if l.len() == 1 && self.is_person(l[0]) => {
                Some(l.clone())
            }
            _ => None,
        };
        let mut groups: Vec<Vec<usize>> = Vec::new();
        // "met with X and later with Y": a contact with each.
        if let (Some(l), Some(r)) = (&left_entities, &right_entities) {
            for b in self.and_with_after(s, last + 1, r) {
                for &a in l {
                    groups.push(vec![a, b]);
                }
            }
        }
        match (left_entities, right_entities) {
            (_, Some(r)) if between => groups.push(r),
            (Some(l), Some(r)) => {
                let mut all: Vec<usize> = l.iter().chain(&r).copied().collect();
                all.sort();
                all.dedup();
                // "A and B met C", "A and B met C and D": one meeting of them all. "A met B,
                // C and D" is a contact with each, unless A stands for a group (a delegation).
                // "received by X, together with Y and Z": hosts who came along, one meeting.
                let along = r.len() >= 2 && self.lower[s][last..].windows(3).any(opens_along);
                // "Y was welcomed by A, B and C": the hosts receive the guest together.
                let hosts = r.len() >= 2
                    && self.lower[s][t].ends_with("ed")
                    && is(WordList::Host, self.lower[s][t])
                    && self.lower[s][last + 1..]
                        .iter()
                        .take(14)
                        .any(|w| *w == "by");
                // "received a delegation consisting of X and Y": one meeting of the group;
                // "X and other members of the board met Y and Z": X stands for a group too.
                let group = self.group_of_members_after(s, last, 8)
                    || self.lower[s][..t].windows(2).any(|w| w == ["and", "other"]);
                let one_meeting = l.len() >= 2
                    || !l.iter().any(|&e| self.is_person(e))
                    || along
                    || hosts
                    || group
                    || self.joint_noun(s, t, last);
                if all.len() >= 3 && one_meeting && !self.one_with_each(s, t, last, r.len() == 1) {
                    groups.push(all);
                } else {
                    for a in &l {
                        for b in &r {
                            if a != b {
                                groups.push(vec![*a, *b]);
                            }
                        }
                    }
                }
            }
            (Some(l), None) if !has_object && l.len() >= 2 => groups.push(l),
            (None, None)
                if !has_object && matches!(left, Actor::Entities(ref e) if e.is_empty()) =>
            {
                // "The last call prior to that was on January 20.": a new dated event of the
                // latest pair, told without naming it.
                let dated = nearest_date(dates, t, lower).is_some_and(|d| d.start.abs_diff(t) <= 7);
                // Not an event of others: "the 17 August summit meeting of IGAD".
                let noun = matches!(
                    lower[t],
                    "call" | "meeting" | "conversation" | "talks" | "summit" | "visit" | "calls"
                ) && lower.get(last + 1) != Some(&"of");
                if dated && noun {
                    if let Some(focus) = &self.focus {
                        groups.push(focus.clone());
                    }
                }
            }
            _ => {}
        }
        if class == ContactWord::Discuss && !groups.iter().all(|g| g.len() >= 2) {
            return None;
        }
        let status = self.status(s, t);
        let host = host.filter(|_| status == Status::Happened);
        let (kind, strong) = self.kind(s, class);
        if status == Status::Happened && (host.is_some() || !groups.is_empty()) {
            self.latest_kind = Some(kind);
        }
        let date = nearest_date(dates, t, lower);
        for mut group in groups {
            group.sort();
            group.dedup();
            if group.len() < 2
                || !group.iter().any(|&e| self.is_person(e))
                    && group.iter().any(|&e| self.is_person(e))
            {
                continue;
            }
            let parts = match &date {
                Some(d) if d.parts.len() > 1 && self.plural_trigger(s, t, last) => d.parts.clone(),
                Some(d) => vec![d.parts[0].clone()],
                None => vec![],
            };
            if parts.is_empty() {
                out.push(Statement {
                    participants: group,
                    kind,
                    strong,
                    status,
                    date: None,
                    sentence: s,
                });
            } else {
                for part in parts {
                    out.push(Statement {
                        participants: group.clone(),
                        kind,
                        strong,
                        status,
                        date: Some(part),
                        sentence: s,
                    });
                }
            }
        }
        host
    }

    /// "X chaired a meeting attended by ...", "The meeting, chaired by X, was attended by
    /// ...": the person who chaired the event the attendance cue at `cue` is of.
    fn chair_before(&self, s: usize, cue: usize) -> Option<usize> {
        let lower = &self.lower[s];
        let verb = (0..cue).find(|&k| is(WordList::Chair, lower[k]))?;
        let person = |k: usize| self.mention_at(s, k).filter(|&e| self.is_person(e));
        if lower.get(verb + 1) == Some(&"by") {
            return (verb + 2..cue).find_map(person);
        }
        (0..verb).rev().find_map(person)
    }
}

/// Does the attendance cue at `cue` say who was there without naming the event: "accompanied
/// by X", "flanked by X", "was joined by X" (not "accompanied on the trip by X"), "Accompanying
/// her was X", "X was present.", "Among those present were X", "Also present was X", "Also in
/// attendance were X"?
fn tells_presence(lower: &[&str], cue: usize) -> bool {
    let next = lower.get(cue + 1).copied();
    match lower[cue] {
        "accompanied" | "flanked" | "joined" => next == Some("by"),
        "present" => {
            next.is_none_or(|w| matches!(w, "," | "." | "among" | "were" | "was" | "included"))
        }
        "attendance" => cue > 0 && lower[cue - 1] == "in",
        "accompanying" => fronted_companions(lower, cue).is_some(),
        _ => false,
    }
}

/// "Accompanying the president were X and Y", "Accompanying her was X": the position of the
/// verb after which those who came along are named, when the sentence opens with the cue.
fn fronted_companions(lower: &[&str], cue: usize) -> Option<usize> {
    if cue != 0 || lower[cue] != "accompanying" {
        return None;
    }
    (cue + 1..lower.len().min(cue + 10)).find(|&k| matches!(lower[k], "were" | "was"))
}

/// Does "include" at `k` name the guests of the latest gathering: "They include X, Y and Z",
/// "These included X"?
fn names_the_guests(lower: &[&str], k: usize) -> bool {
    matches!(lower[k], "include" | "included")
        && k >= 1
        && matches!(lower[k - 1], "they" | "these" | "those")
        && k <= 2
}
