//! Sides: a contact word in, the actor on each side of it out. On the left the subject (a
//! name with those joined to it, a pronoun, "the two men", a description); on the right the
//! object after "with"/"to", a direct object, "between X and Y", "by" after a passive host
//! verb ("Y was received by X") or after "talks held", "from" after a call, "on" after a
//! courtesy call; a place after "in"/"at" is passed over. Two clause shapes read the pair from
//! around a contact noun in a prepositional phrase ("X told Y in a call", "In a call with Y, X
//! said").

use super::reader::{is_possessive_next, is_time_word, Actor, Reader};
use crate::extract::mentions::is_capitalised;
use crate::lexicon::words::{is, WordList};

impl Reader<'_> {
    /// The subject of the contact word at `t`.
    pub(super) fn left_actor(&self, s: usize, t: usize) -> Actor {
        let words = &self.words[s];
        let lower = &self.lower[s];
        let mut fallback: Option<(usize, usize)> = None;
        // "X met Y, having already met Z": a participle's subject is its main clause's.
        let mut p = t;
        while p > 0 && matches!(lower[p - 1], "already" | "also" | "previously" | "earlier") {
            p -= 1;
        }
        if p >= 2 && lower[p - 1] == "having" && lower[p - 2] == "," {
            if let Some(first) = self
                .mentions
                .in_sentence(s)
                .iter()
                .find(|m| m.end < p && self.is_person(m.entity))
            {
                return Actor::Entities(vec![first.entity]);
            }
        }
        if let Some(k) = self.earlier_verb_of_and(s, t) {
            return self.left_actor(s, k);
        }
        let mut j = t;
        while j > 0 {
            j -= 1;
            let w = lower[j];
            if matches!(w, ";" | "that" | "—") || (matches!(w, "said" | "saying") && j + 1 < t) {
                break;
            }
            if let Some((entity, start, end)) = self.mention_span_at(s, j) {
                // "X and President Y's envoy met": Y owns the subject, the envoy is unnamed.
                if self.is_person(entity)
                    && is_possessive_next(words, end)
                    && (end + 1..t).any(|k| is(WordList::Role, lower[k]))
                {
                    return Actor::Unknown;
                }
                // "X, a key figure behind Y's war, spoke with Z": the owner inside an
                // apposition is not the subject; the search goes on to the left.
                if self.is_person(entity)
                    && is_possessive_next(words, end)
                    && (end + 1..t).any(|k| words[k] == ",")
                {
                    j = start;
                    continue;
                }
                if self.is_person(entity) {
                    // "Trump-Kim meeting": one token, two people.
                    let here: Vec<usize> = self
                        .mentions
                        .in_sentence(s)
                        .iter()
                        .filter(|m| m.start == start && self.is_person(m.entity))
                        .map(|m| m.entity)
                        .collect();
                    if here.len() >= 2 {
                        return Actor::Entities(here);
                    }
                    return Actor::Entities(self.conjoined_left(s, start, entity, true));
                }
                // A country or institution that merely describes ("NATO's top officer") is
                // kept only if no person stands further left in the clause.
                if fallback.is_none()
                    && !self.is_demonym_at(s, j)
                    && !is_possessive_next(
                        words,
                        self.mention_span_at(s, j).map(|m| m.2).unwrap_or(j + 1),
                    )
                {
                    fallback = Some((entity, start));
                }
                j = start;
                continue;
            }
            // "X held their first telephone talks": the possessive of the contact noun.
            if matches!(w, "their" | "his" | "her")
                && j > 0
                && matches!(
                    lower[j - 1],
                    "held"
                        | "hold"
                        | "holds"
                        | "had"
                        | "has"
                        | "have"
                        | "made"
                        | "make"
                        | "presented"
                        | "handed"
                        | "submitted"
                )
                && (j + 1..t).all(|k| !is_capitalised(words[k]))
            {
                continue;
            }
            // "X congratulated Y on his victory in a call": a possessive inside a phrase of
            // the object is no subject; the search goes on to the left.
            if matches!(w, "his" | "her")
                && j > 0
                && matches!(lower[j - 1], "on" | "for" | "about" | "over")
                && self
                    .mention_at(s, j.saturating_sub(2))
                    .is_some_and(|e| self.is_person(e))
            {
                continue;
            }
            match w {
                "he" | "she" | "his" | "her" | "him" => return self.pronoun(s, j),
                "they" | "their" | "them" => return Actor::Focus,
                "i" | "we" | "my" | "our" | "us" | "you" => return Actor::Unknown,
                "both"
                    if j + 1 == t || lower.get(j + 1).is_some_and(|n| !is(WordList::Pair, n)) =>
                {
                    return Actor::Focus
                }
                "who" => {
                    let before = if j >= 1 && words[j - 1] == "," {
                        j.saturating_sub(2)
                    } else {
                        j.saturating_sub(1)
                    };
                    if let Some(entity) = self.mention_at(s, before).filter(|&e| self.is_person(e))
                    {
                        return Actor::Entities(vec![entity]);
                    }
                    return Actor::Unknown;
                }
                _ => {}
            }
            // "the two" is a pair only as a subject: "the two spoke", not "the two Koreas".
            let two_as_subject = w != "two"
                || j + 1 == t
                || lower.get(j + 1).is_some_and(|n| {
                    matches!(
                        *n,
                        "have"
                            | "had"
                            | "has"
                            | "last"
                            | "also"
                            | "again"
                            | "then"
                            | "were"
                            | "are"
                            | "did"
                            | "will"
                            | "would"
                            | "later"
                            | "previously"
                            | "first"
                            | "held"
                            | "agreed"
                    )
                });
            // "X and other officials met Y": X is named for the group.
            if j >= 2
                && lower[j - 1] == "other"
                && lower[j - 2] == "and"
                && !is_capitalised(words[j])
            {
                j -= 2;
                continue;
            }
            if is(WordList::Pair, w) && !is_capitalised(words[j]) && two_as_subject {
                let determiner = (j.saturating_sub(5)..j)
                    .any(|k| matches!(lower[k], "the" | "both" | "their" | "these" | "those"));
                let owned = (j.saturating_sub(3)..j)
                    .any(|k| matches!(lower[k], "his" | "her" | "our" | "its"));
                if determiner && !owned && w != "officials" && w != "sides" {
                    return Actor::Focus;
                }
                return Actor::Unknown;
            }
            if matches!(
                w,
                "counterparts" | "partners" | "officials" | "delegation" | "delegations"
            ) {
                return Actor::Unknown;
            }
            if is(WordList::Role, w) && !self.in_apposition(s, j) {
                if let Some(entity) = self.description(s, j, &[]) {
                    return Actor::Entities(vec![entity]);
                }
                // "X and his Irish counterpart held talks": the counterpart of X.
                if let Some(group) = self.joined_counterpart(s, j) {
                    return Actor::Entities(group);
                }
                // "The president then headed to a meeting with X": the sentence's subject.
                if j <= 3 {
                    if let Some(entity) = self.described_subject(s) {
                        return Actor::Entities(vec![entity]);
                    }
                }
            }
            // "The 61-year-old met X": someone named before.
            if w.ends_with("-year-old") && j == 1 {
                if let Some(entity) = self.described_subject(s) {
                    return Actor::Entities(vec![entity]);
                }
            }
        }
        match fallback {
            Some((entity, start)) => Actor::Entities(self.conjoined_left(s, start, entity, false)),
            None => Actor::Entities(Vec::new()),
        }
    }

    /// "X held talks with Y and later met Z": a contact word right after "and" (adverbs
    /// between) shares the subject of the contact word before it in the clause, when that one
    /// has a named object ("met Y in Oslo and then visited Z"). Returns where the earlier
    /// contact word is.
    fn earlier_verb_of_and(&self, s: usize, t: usize) -> Option<usize> {
        let lower = &self.lower[s];
        let mut a = t;
        while a > 0 && is(WordList::Sequence, lower[a - 1]) {
            a -= 1;
        }
        if a < 2 || lower[a - 1] != "and" {
            return None;
        }
        let k = (0..a - 1).rev().find(|&k| self.trigger(s, k).is_some())?;
        let object = (k + 1..a - 1).any(|j| self.mention_at(s, j).is_some());
        (object && self.mention_at(s, k).is_none() && (k + 1..a - 1).all(|j| lower[j] != ","))
            .then_some(k)
    }

    /// "met with X on Monday and later with Y": the people of a second "with" after the
    /// object `object` (read from `from`), a time or a place between them.
    pub(super) fn and_with_after(&self, s: usize, from: usize, object: &[usize]) -> Vec<usize> {
        let (words, lower) = (&self.words[s], &self.lower[s]);
        let Some(mut k) = self
            .mentions
            .in_sentence(s)
            .iter()
            .filter(|m| m.start >= from && object.contains(&m.entity))
            .map(|m| m.end)
            .max()
        else {
            return Vec::new();
        };
        while k < lower.len()
            && (matches!(lower[k], "on" | "in" | "at" | "the")
                || is_time_word(&words[k..], lower[k])
                || is_capitalised(words[k]) && self.mention_at(s, k).is_none())
        {
            k += 1;
        }
        if lower.get(k) != Some(&"and") {
            return Vec::new();
        }
        k += 1;
        while lower.get(k).is_some_and(|w| is(WordList::Sequence, w)) {
            k += 1;
        }
        if lower.get(k) != Some(&"with") {
            return Vec::new();
        }
        match self.object_at(s, k + 1, object) {
            Some(Actor::Entities(e)) if e.iter().all(|&x| self.is_person(x)) => e,
            _ => Vec::new(),
        }
    }

    /// The object of the contact word `t..=last`: after "with"/"to", or directly after a
    /// transitive verb, or the two sides after "between". Returns None when the word has no
    /// object; the flag says the object came from "between".
    pub(super) fn right_actor(&self, s: usize, t: usize, last: usize) -> (Option<Actor>, bool) {
        let words = &self.words[s];
        let lower = &self.lower[s];
        let n = words.len();
        // "between X and Y", "the summit in Helsinki between X and Y"
        for b in last + 1..(last + 6).min(n) {
            // "talks on the war between A and B", "lunch after tensions between A and B":
            // "between" belongs to another noun ("talks on Monday between A and B" do not).
            if is(WordList::Break, lower[b])
                || matches!(
                    lower[b],
                    "to" | "about" | "of" | "for" | "over" | "after" | "amid" | "despite"
                )
                || lower[b] == "on"
                    && lower
                        .get(b + 1)
                        .is_none_or(|next| !is_time_word(&words[b + 1..], next))
            {
                break;
            }
            if lower[b] == "between" {
                let first = self.object_at(s, b + 1, &[]);
                return match first {
                    Some(Actor::Entities(e)) if e.len() >= 2 => (Some(Actor::Entities(e)), true),
                    Some(Actor::Focus) => (Some(Actor::Focus), true),
                    Some(Actor::Entities(e)) if !e.is_empty() => {
                        // The second side after "and".
                        let end = self
                            .mentions
                            .in_sentence(s)
                            .iter()
                            .filter(|m| e.contains(&m.entity) && m.start > b)
                            .map(|m| m.end)
                            .min()
                            .unwrap_or(b + 1);
                        let and = (end..n.min(end + 14)).find(|&k| lower[k] == "and");
                        match and.and_then(|a| self.object_at(s, a + 1, &e)) {
                            Some(Actor::Entities(mut other)) if !other.is_empty() => {
                                other.extend(e);
                                (Some(Actor::Entities(other)), true)
                            }
                            _ => (None, false),
                        }
                    }
                    _ => (None, false),
                };
            }
        }
        // "The summit brought together X, Y and Z": those gathered, one event.
        if lower[last] == "together" && t > 0 && is(WordList::Gather, lower[t - 1]) {
            return match self.object_at(s, last + 1, &[]) {
                Some(Actor::Entities(e)) if e.len() >= 2 => (Some(Actor::Entities(e)), true),
                _ => (None, false),
            };
        }
        // "the meeting of X with Y": both sides after the noun.
        if lower.get(last + 1) == Some(&"of") && !lower[last].starts_with("visit") {
            if let Some(pair) = self.of_with_after(s, last + 2) {
                return (Some(Actor::Entities(pair)), true);
            }
        }
        // "the talks held on Monday by X and Y": both sides after "by".
        if lower
            .get(last + 1)
            .is_some_and(|w| matches!(*w, "held" | "conducted"))
        {
            // Only a time or a place may stand between: not "held in Oslo were praised by".
            let by = (last + 2..(last + 8).min(n))
                .take_while(|&k| {
                    lower[k] == "by"
                        || matches!(lower[k], "on" | "in" | "at" | "," | "last" | "this")
                        || is_capitalised(words[k])
                        || is_time_word(&words[k..], lower[k])
                        || lower[k].starts_with(|c: char| c.is_ascii_digit())
                })
                .find(|&k| lower[k] == "by");
            if let Some(by) = by {
                if let Some(Actor::Entities(e)) = self.object_at(s, by + 1, &[]) {
                    if e.len() >= 2 {
                        return (Some(Actor::Entities(e)), true);
                    }
                }
            }
        }
        // "after meeting X", "while visiting X": a gerund takes its object as a verb does.
        let gerund = t > 0
            && matches!(lower[t], "meeting" | "visiting" | "hosting")
            && matches!(
                lower[t - 1],
                "after" | "before" | "while" | "when" | "since" | "by" | "on" | "and"
            );
        let transitive =
            gerund || is(WordList::Transitive, lower[t]) || is(WordList::Host, lower[t]);
        // "a courtesy call on X": the one visited.
        if matches!(lower[last], "call" | "calls" | "called")
            && lower.get(last + 1).is_some_and(|w| *w == "on")
            && self.calls_on_a_person(s, last)
        {
            let actor = self.object_at(s, last + 2, &[]).unwrap_or(Actor::Unknown);
            return (Some(actor), false);
        }
        // "a call from X": who called.
        let from = matches!(lower[last], "call" | "calls");
        // "Y was received by X": the host.
        let by = transitive && lower[t].ends_with("ed");
        // "Y was received at the palace by X", "was hosted for lunch at the Institute by its
        // President, X": a passive's host after a place, a time or a meal.
        if let Some(host) = self.passive_host_by(s, t, last).filter(|&k| k > last + 1) {
            if let Some(actor) = self.object_at(s, host + 1, &[]) {
                return (Some(actor), false);
            }
        }
        let meal = is(WordList::Meal, lower[last]);
        let mut j = last + 1;
        // Only a time or a place stood between the verb and `j`: a direct object may follow.
        let mut adjuncts_only = true;
        while j < n && j <= last + 12 {
            let w = lower[j];
            // "met to discuss X": an infinitive, whose object is no side.
            if w == "to" && self.infinitive_at(s, j + 1) {
                break;
            }
            if matches!(w, "with" | "to")
                || (from && w == "from")
                || (by && w == "by" && j == last + 1)
            {
                let actor = self.object_at(s, j + 1, &[]).unwrap_or(Actor::Unknown);
                return (Some(self.visit_needs_person(s, t, actor)), false);
            }
            // "received the credentials of Ambassador X": the envoy who presents them.
            if matches!(lower[last], "credentials" | "credence") && matches!(w, "of" | "from") {
                let actor = self.object_at(s, j + 1, &[]).unwrap_or(Actor::Unknown);
                return (Some(actor), false);
            }
            // "hosted a dinner for X", "a banquet in honour of X": the guest of a meal.
            if meal && j == last + 1 {
                let guest = match (w, lower.get(j + 1), lower.get(j + 2)) {
                    ("for", _, _) => Some(j + 1),
                    ("in", Some(&("honour" | "honor")), Some(&"of")) => Some(j + 3),
                    _ => None,
                };
                if let Some(Actor::Entities(e)) = guest.and_then(|g| self.object_at(s, g, &[])) {
                    if e.iter().all(|&x| self.is_person(x)) {
                        return (Some(Actor::Entities(e)), false);
                    }
                }
            }
            // "received in audience the Ambassador of X": the manner passed over.
            if w == "in" && lower.get(j + 1) == Some(&"audience") {
                j += 2;
                continue;
            }
            // "met behind closed doors with X": so is the manner of meeting.
            if lower[j..].starts_with(&["behind", "closed", "doors"]) {
                j += 3;
                continue;
            }
            // "held talks in Bern with ...": a place passed over.
            if matches!(w, "in" | "at") {
                let mut q = j + 1;
                if q < n && lower[q] == "the" {
                    q += 1;
                }
                while q < n
                    && is_capitalised(words[q])
                    && !self.mention_at(s, q).is_some_and(|e| self.is_person(e))
                {
                    q += 1;
                }
                if q > j + 1 && q < n {
                    j = q;
                    continue;
                }
            }
            // "met in the Oval Office": a place is no object. The object may follow a time:
            // "received on Monday the President of ...".
            // A comma ends the object: "met in Madrid, X said" names the speaker.
            if transitive
                && adjuncts_only
                && !matches!(
                    w,
                    "in" | "at" | "on" | "for" | "during" | "after" | "before" | ","
                )
            {
                if let Some(actor) = self.object_at(s, j, &[]) {
                    return (Some(self.visit_needs_person(s, t, actor)), false);
                }
            }
            let skippable = is_time_word(&words[j..], w)
                || matches!(
                    w,
                    "again"
                        | "also"
                        | "by"
                        | "the"
                        | "phone"
                        | "telephone"
                        | "separately"
                        | "briefly"
                        | "directly"
                        | "privately"
                        | "hands"
                        | "via"
                        | "video"
                        | "link"
                        | "in"
                        | "person"
                        | "a"
                        | "an"
                        | "call"
                        | "conversation"
                        | "talks"
                        | "bilateral"
                        | "first"
                        | "second"
                        | "over"
                        | "past"
                        // A closing quote mark: "a 'fruitful meeting' with X".
                        | "\""
                        | "”"
                        | "'"
                        | "’"
                )
                || w.chars().all(|c| c.is_ascii_digit());
            if !skippable {
                break;
            }
            // "on Monday" is a time, "on the sidelines of X" is not.
            adjuncts_only &= is_time_word(&words[j..], w)
                && (w != "on"
                    || lower
                        .get(j + 1)
                        .is_some_and(|&next| next != "on" && is_time_word(&words[j + 1..], next)));
            j += 1;
        }
        // "discussed security issues with X": the topic stands between the verb and "with".
        if lower[t].starts_with("discuss") {
            return (self.discussed_with(s, last), false);
        }
        (None, false)
    }

    /// "(the joint meeting) of Serbian President X with Prime Minister Y": the person named
    /// from token `k` and the people after the "with" that follows; None unless both are
    /// people.
    fn of_with_after(&self, s: usize, k: usize) -> Option<Vec<usize>> {
        let lower = &self.lower[s];
        let (first, _, end) = (k..(k + 5).min(lower.len()))
            .find_map(|q| self.mention_span_at(s, q).filter(|m| self.is_person(m.0)))?;
        // Only the person's apposition may stand before "with".
        let with = (end..(end + 12).min(lower.len()))
            .take_while(|&q| {
                !(is(WordList::Break, lower[q]) || self.trigger(s, q).is_some())
                    && self.mention_at(s, q).is_none_or(|e| !self.is_person(e))
            })
            .find(|&q| lower[q] == "with")?;
        let mut people = self.people_object_at(s, with + 1, &[first])?;
        people.push(first);
        Some(people)
    }

    /// The people a topic was discussed with, after the topic: "discussed security issues
    /// with Prime Minister X", "discussed trade, energy and the war with X". Only people: in
    /// "discussed relations with China" the country is part of the topic.
    fn discussed_with(&self, s: usize, last: usize) -> Option<Actor> {
        let lower = &self.lower[s];
        let with = (last + 1..(last + 12).min(lower.len()))
            .take_while(|&k| {
                !(is(WordList::Break, lower[k])
                    || matches!(
                        lower[k],
                        "that" | "said" | "who" | "which" | "to" | "." | ";"
                    )
                    || self.trigger(s, k).is_some()
                    || self.mention_at(s, k).is_some())
            })
            .find(|&k| lower[k] == "with")?;
        self.people_object_at(s, with + 1, &[]).map(Actor::Entities)
    }

    /// Does token `k`, after "to", start an infinitive ("to discuss", "to sign") rather than
    /// the one spoken to ("to the President", "to Putin", "to his counterpart")? A lowercase word
    /// that is no determiner, role noun or person noun.
    fn infinitive_at(&self, s: usize, k: usize) -> bool {
        let Some(&w) = self.lower[s].get(k) else {
            return false;
        };
        let word = self.words[s][k];
        !is_capitalised(word)
            && word.chars().next().is_some_and(char::is_alphabetic)
            && !matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "both"
                    | "all"
                    | "each"
                    | "two"
                    | "three"
                    | "some"
                    | "several"
                    | "fellow"
                    | "other"
                    | "top"
                    | "senior"
                    | "foreign"
                    | "visiting"
            )
            && !is(WordList::Role, w)
            && !is(WordList::PersonNoun, w)
    }

    /// Two clause shapes where the contact noun sits in a prepositional phrase:
    /// "X told Y in a phone call", "X told Y by phone" (the speaker and the one spoken to are
    /// the pair) and "In a phone call with Y, X stressed ...", "After talks with Y, X said"
    /// (the main clause's subject is the other side).
    pub(super) fn told_in_a_call(
        &self,
        s: usize,
        t: usize,
        left: Actor,
        right: Option<Actor>,
    ) -> (Actor, Option<Actor>) {
        let lower = &self.lower[s];
        // "by phone" as "in a phone call": "X told Y by telephone".
        let in_a = (t.saturating_sub(3)..t).any(|k| {
            matches!(
                lower[k],
                "in" | "during" | "over" | "at" | "after" | "following"
            )
        }) || t > 0 && lower[t - 1] == "by" && matches!(lower[t], "phone" | "telephone");
        if !in_a {
            return (left, right);
        }
        let mentions = self.mentions.in_sentence(s);
        let people = || mentions.iter().filter(|m| self.is_person(m.entity));
        match (&left, &right) {
            // "X told Y in a call", "X told Y at their meeting": Y is the nearest person on
            // the left; X its clause's subject a verb before it.
            (Actor::Entities(_), None) | (Actor::Focus, None)
                if matches!(&left, Actor::Entities(l) if l.len() == 1)
                    || t > 0 && lower[t - 1] == "their" =>
            {
                let Some(object) = people().filter(|m| m.end <= t).max_by_key(|m| m.end) else {
                    return (left, right);
                };
                let subject = people()
                    .filter(|m| m.end < object.start && m.entity != object.entity)
                    .max_by_key(|m| m.end)
                    .filter(|m| self.verb_between(s, m.end, object.start));
                let object = match &left {
                    Actor::Entities(l) => l.clone(),
                    _ => vec![object.entity],
                };
                match subject {
                    Some(m) => (
                        Actor::Entities(vec![m.entity]),
                        Some(Actor::Entities(object)),
                    ),
                    None => (left, right),
                }
            }
            // "In a phone call on Friday, X told Y ...", "During the talks, X urged Y to ...":
            // the phrase names no one; the main clause's subject and its object are the pair.
            (Actor::Entities(l), None) if l.is_empty() => self.fronted_clause_or(s, t, left, right),
            // "In a call with Y, X said": the first person after the phrase's comma.
            (Actor::Entities(l), Some(Actor::Entities(r)))
                if l.is_empty()
                    && matches!(
                        lower.first(),
                        Some(&("in" | "during" | "at" | "after" | "following"))
                    ) =>
            {
                let Some(comma) = (t..lower.len()).find(|&k| lower[k] == ",") else {
                    return (left, right);
                };
                // The object list may have run on over the comma into the subject.
                let subject = people()
                    .filter(|m| m.start > comma && m.start <= comma + 6)
                    .min_by_key(|m| m.start);
                let rest: Vec<usize> = match subject {
                    Some(m) => r.iter().copied().filter(|&e| e != m.entity).collect(),
                    None => return (left, right),
                };
                match subject {
                    Some(m) if !rest.is_empty() => {
                        (Actor::Entities(vec![m.entity]), Some(Actor::Entities(rest)))
                    }
                    // The "object" was the main clause's subject: the phrase names no one.
                    _ => self.fronted_clause_or(s, t, left, right),
                }
            }
            _ => (left, right),
        }
    }

    /// The pair of [`Self::fronted_clause_pair`] as the two sides, or else `left` and `right`
    /// as they were.
    fn fronted_clause_or(
        &self,
        s: usize,
        t: usize,
        left: Actor,
        right: Option<Actor>,
    ) -> (Actor, Option<Actor>) {
        match self.fronted_clause_pair(s, t) {
            Some((subject, others)) => (
                Actor::Entities(vec![subject]),
                Some(Actor::Entities(others)),
            ),
            None => (left, right),
        }
    }

    /// "In a phone call on Friday, X told Y ...": the subject of the main clause after a
    /// fronted phrase with the contact word at `t`, and the person it speaks to; or those
    /// joined to the subject: "In their phone talks, X and his counterpart, Y, agreed ...".
    fn fronted_clause_pair(&self, s: usize, t: usize) -> Option<(usize, Vec<usize>)> {
        let lower = &self.lower[s];
        if !matches!(lower.first(), Some(&"in" | &"during")) {
            return None;
        }
        let comma = (t..(t + 8).min(lower.len())).find(|&k| lower[k] == ",")?;
        let people = self
            .mentions
            .in_sentence(s)
            .iter()
            .filter(|m| self.is_person(m.entity));
        let subject = people
            .clone()
            .filter(|m| m.start > comma && m.start <= comma + 6)
            .min_by_key(|m| m.start)?;
        let object = people
            .filter(|m| m.start >= subject.end && m.entity != subject.entity)
            .min_by_key(|m| m.start)
            .filter(|m| self.verb_between(s, subject.end, m.start));
        if let Some(object) = object {
            return Some((subject.entity, vec![object.entity]));
        }
        // Only a contact the phrase names as theirs: "In the talks", "In their call".
        if !matches!(lower.get(1), Some(&("the" | "their"))) {
            return None;
        }
        let joined = self.conjoined_right(s, subject.end, subject.entity);
        let others: Vec<usize> = joined
            .into_iter()
            .filter(|&e| e != subject.entity)
            .collect();
        (!others.is_empty()).then_some((subject.entity, others))
    }

    /// Is what stands between a subject ending at `from` and an object opening at `to` a verb
    /// alone, or a verb and the object's capitalised title: "X told Y", "X urged Y", "X told
    /// President of the Japan Chamber of Commerce (JCCI) Y"?
    fn verb_between(&self, s: usize, from: usize, to: usize) -> bool {
        let lower = &self.lower[s];
        let between = &lower[from..to];
        let verb = |w: &str| {
            w.chars().all(char::is_alphabetic)
                && !matches!(
                    w,
                    "and" | "with" | "of" | "to" | "by" | "that" | "said" | "says" | "saying"
                )
        };
        let plain = (1..=4).contains(&between.len()) && between.iter().all(|w| verb(w));
        // "X invited Iran's president-elect Y": a country's lowercase title too.
        let titled = (2..=14).contains(&between.len())
            && verb(between[0])
            && (from + 1..to).all(|k| {
                is_capitalised(self.words[s][k])
                    || matches!(
                        lower[k],
                        "of" | "the" | "and" | "for" | "(" | ")" | "'s" | "’s"
                    )
                    || is(WordList::Role, lower[k].split('-').next().unwrap_or(""))
                    || is(WordList::Filler, lower[k]) && lower[k] != ","
            });
        plain || titled
    }
}
