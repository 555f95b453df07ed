//! Contact events: an article with its mentions in, the calls and meetings it states out.
//!
//! Each contact word ("spoke", "phone", "met", "talks", ...) is read with the actors on its
//! left (the subject: a name, "X and Y", a pronoun, "the two men") and on its right (the
//! object after "with"/"to", or "between X and Y"). Actors the sentence leaves unnamed are
//! taken from the discourse: the pair of the latest event ("the pair", "they"), the person a
//! pronoun points back to, the one person of a country ("his Russian counterpart"). Mentions of
//! one event are then merged: the same pair, status and date is one event, and a mention
//! without a date joins the pair's first dated event.

use std::collections::{BTreeMap, BTreeSet};

use super::dates::{date_key, find_dates, DateExpr};
use super::mentions::{is_capitalised, Mentions};
use crate::article::Article;
use crate::findings::{ContactKind, EntityKind, Evidence, LocalEvent, Status};
use crate::lexicon::words::{is, WordList};
use crate::lexicon::{ContactWord, CountryForm, Lexicon, Target};

/// One statement of a contact, before merging.
#[derive(Debug, Clone)]
struct Statement {
    participants: Vec<usize>,
    kind: ContactKind,
    strong: bool,
    status: Status,
    date: Option<String>,
    sentence: usize,
}

#[derive(Debug, Clone, PartialEq)]
enum Actor {
    Entities(Vec<usize>),
    /// The pair (or group) of the latest event.
    Focus,
    /// Someone the text does not let us name: stops the search.
    Unknown,
}

struct Reader<'a> {
    lexicon: &'a Lexicon,
    mentions: &'a Mentions,
    words: &'a [Vec<&'a str>],
    /// The words in lowercase with apostrophes unified.
    lower: Vec<Vec<&'a str>>,
    /// The contact word class of every word, looked up once.
    classes: Vec<Vec<Option<ContactWord>>>,
    article_has_call: bool,
    focus: Option<Vec<usize>>,
    /// The latest focus with a person in it: people who attend join people's meetings.
    people_focus: Option<Vec<usize>>,
    salience: BTreeMap<Vec<usize>, usize>,
}

/// Finds the contact events of an article; `words` are its words ([`Article::words`]).
pub fn find_events<'a>(
    lexicon: &'a Lexicon,
    article: &Article,
    words: &'a [Vec<&'a str>],
    mentions: &'a Mentions,
) -> Vec<LocalEvent> {
    let mut buffer = String::new();
    let mut reader = Reader::new(lexicon, words, mentions, &mut buffer);
    let mut statements = Vec::new();
    let mut initiators: Vec<(usize, usize)> = Vec::new();
    for s in 0..article.sentences.len() {
        let found = reader.read_sentence(s);
        // The discourse follows what happened; plans move the focus only when there is none.
        let happened: BTreeSet<Vec<usize>> = found
            .iter()
            .filter(|st| st.status == Status::Happened)
            .map(|st| st.participants.clone())
            .collect();
        let pairs = if happened.is_empty() && reader.focus.is_some() {
            BTreeSet::new()
        } else if happened.is_empty() {
            found.iter().map(|st| st.participants.clone()).collect()
        } else {
            happened
        };
        for p in &pairs {
            *reader.salience.entry(p.clone()).or_default() += 1;
        }
        if pairs.len() == 1 {
            reader.focus = pairs.into_iter().next();
        } else if pairs.len() > 1 && !reader.focus.as_ref().is_some_and(|f| pairs.contains(f)) {
            reader.focus = reader
                .salience
                .iter()
                .max_by_key(|(p, n)| (**n, std::cmp::Reverse((*p).clone())))
                .map(|(p, _)| p.clone());
        }
        if let Some(focus) = &reader.focus {
            if focus.iter().any(|&e| reader.is_person(e)) {
                reader.people_focus = Some(focus.clone());
            }
        }
        if let Some(initiator) = reader.initiator(s) {
            initiators.push((s, initiator));
        }
        statements.extend(found);
    }
    let mut events = merge(article, &reader, statements);
    assign_initiators(mentions, &mut events, &initiators, article);
    drop_covered_sides(mentions, &mut events);
    events
}

impl<'a> Reader<'a> {
    fn new(
        lexicon: &'a Lexicon,
        words: &'a [Vec<&'a str>],
        mentions: &'a Mentions,
        buffer: &'a mut String,
    ) -> Self {
        let lower = lowercase_words(words, buffer);
        let classes: Vec<Vec<Option<ContactWord>>> = lower
            .iter()
            .map(|ws| ws.iter().map(|w| lexicon.contact_word(w)).collect())
            .collect();
        let article_has_call = classes
            .iter()
            .flatten()
            .any(|&class| class == Some(ContactWord::Call));
        Reader {
            lexicon,
            mentions,
            words,
            lower,
            classes,
            article_has_call,
            focus: None,
            people_focus: None,
            salience: BTreeMap::new(),
        }
    }
}

/// The contact words of each sentence used as such ("came together", not "stood together
/// with"), as the reader reads them: (token, class).
pub(super) fn contact_words<'a>(
    lexicon: &'a Lexicon,
    words: &'a [Vec<&'a str>],
    mentions: &'a Mentions,
) -> Vec<Vec<(usize, ContactWord)>> {
    let mut buffer = String::new();
    let reader = Reader::new(lexicon, words, mentions, &mut buffer);
    (0..words.len())
        .map(|s| {
            (0..words[s].len())
                .filter_map(|t| reader.trigger(s, t).map(|class| (t, class)))
                .collect()
        })
        .collect()
}

/// The lowercase form of every word, apostrophes unified: the word itself when it already is
/// that (most words), else a slice of `buffer`, where the other forms are written one after
/// another, so lowercasing an article allocates once rather than once a word.
fn lowercase_words<'a>(words: &[Vec<&'a str>], buffer: &'a mut String) -> Vec<Vec<&'a str>> {
    let mut lower: Vec<Vec<&str>> = Vec::with_capacity(words.len());
    // Where the forms written to the buffer go: (sentence, token, range of the buffer).
    let mut written = Vec::new();
    for (s, sentence) in words.iter().enumerate() {
        let mut forms = Vec::with_capacity(sentence.len());
        for (t, &word) in sentence.iter().enumerate() {
            // One pass over the bytes tells most words (lowercase ASCII) apart.
            if !word
                .bytes()
                .any(|b| !b.is_ascii() || b.is_ascii_uppercase())
            {
                forms.push(word);
                continue;
            }
            let start = buffer.len();
            if word.is_ascii() {
                buffer.push_str(word);
                buffer[start..].make_ascii_lowercase();
            } else {
                buffer.push_str(&word.to_lowercase().replace('’', "'"));
            }
            // A place holder until the buffer is complete.
            forms.push("");
            written.push((s, t, start..buffer.len()));
        }
        lower.push(forms);
    }
    let buffer: &'a str = buffer;
    for (s, t, range) in written {
        lower[s][t] = &buffer[range];
    }
    lower
}

impl<'a> Reader<'a> {
    fn read_sentence(&mut self, s: usize) -> Vec<Statement> {
        let mut out = Vec::new();
        // Most sentences have no contact word: nothing below would be read, but for people
        // who attend the event in focus ("Also present at the dinner were X and Y").
        if self.classes[s].iter().all(Option::is_none) {
            if self.focus.is_some() {
                self.read_attendance(s, &mut out);
            }
            return out;
        }
        let n = self.words[s].len();
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
            self.read_trigger(s, t, last, class, &dates, &mut out);
            t = last + 1;
        }
        self.read_attendance(s, &mut out);
        out
    }

    /// "The meeting was attended by X and Y", "Present at the talks were X and Y", "X was
    /// also present during the meeting", "accompanied by X", "during the negotiations our
    /// partners were represented by X": people who took part in an event.
    /// The event is the contact this sentence states, or else the one in focus when the
    /// sentence names an event ("the meeting"). Everyone in it meets everyone else.
    fn read_attendance(&self, s: usize, out: &mut Vec<Statement>) {
        let lower = &self.lower[s];
        let n = lower.len();
        let Some(cue) = (0..n).find(|&k| is(WordList::Attend, lower[k])) else {
            return;
        };
        // Who attended: the people listed after the cue, or else the subject before it.
        let after = (cue + 1..(cue + 16).min(n))
            .find_map(|k| self.mention_span_at(s, k).filter(|m| self.is_person(m.0)));
        let joiners = match after {
            Some((entity, _, end)) => self.conjoined_right(s, end, entity),
            None => match (0..cue)
                .rev()
                .find_map(|k| self.mention_span_at(s, k).filter(|m| self.is_person(m.0)))
            {
                Some((entity, start, _)) => self.conjoined_left(s, start, entity, true),
                None => return,
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
            None => {
                let Some(focus) = &self.focus else { return };
                // The event in focus is named definitely: "the meeting", not "a meeting"; or
                // an occasion of it is: "the dinner", "the gathering".
                let Some((k, class)) = (0..n).find_map(|k| {
                    self.trigger(s, k)
                        .or_else(|| is(WordList::Occasion, lower[k]).then_some(ContactWord::Meet))
                        .map(|c| (k, c))
                }) else {
                    return;
                };
                if !(k.saturating_sub(2)..k).any(|q| matches!(lower[q], "the" | "this" | "that")) {
                    return;
                }
                let (kind, strong) = self.kind(s, class);
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
    }

    /// Whether the tokens `from..to` between two names are only what a list holds between its
    /// names: commas, "and", titles, countries and institutions ("X of Benin, Y and Z",
    /// "X, the foreign minister, and Y"); a comma or "and" must separate the names.
    fn is_list_gap(&self, s: usize, from: usize, to: usize) -> bool {
        if to <= from || to - from > 14 {
            return false;
        }
        let mut separated = false;
        // Words of a description after a possessive: "Y's top scientific adviser".
        let mut described = 0;
        for k in from..to {
            let w = self.lower[s][k];
            if matches!(w, "," | "and" | "&") {
                separated = true;
                described = 0;
                continue;
            }
            if self.classes[s][k].is_some() || is(WordList::Break, w) {
                return false;
            }
            if w == "'s" {
                described = 3;
                continue;
            }
            if !(is(WordList::Filler, w)
                || is_capitalised(self.words[s][k])
                || self.mention_at(s, k).is_some())
            {
                if described == 0 {
                    return false;
                }
                described -= 1;
            }
        }
        separated
    }

    /// Does the contact word `t..=last` stand for one contact with each person of a list
    /// rather than one contact of them all: "held bilateral meetings with", "separate calls"?
    fn one_with_each(&self, s: usize, t: usize, last: usize) -> bool {
        let lower = &self.lower[s];
        (t.saturating_sub(3)..=last).any(|k| is(WordList::Separate, lower[k]))
            || (t..=last).any(|k| matches!(lower[k], "meetings" | "calls" | "conversations"))
    }

    /// Is token `t` a contact word used as one?
    #[inline]
    fn trigger(&self, s: usize, t: usize) -> Option<ContactWord> {
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
            "shake" | "shook" if next != "hands" => None,
            // "X and Y came together", not "together with"; "contacted X by telephone";
            // "convened with X"; "X's engagement with Y".
            "together"
                if !matches!(prev, "came" | "come" | "comes" | "coming" | "got" | "get")
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
                || (!matches!(next, "a" | "an") || self.led_by_at(s, t + 2).is_some())
                    && self.calls_a_person(s, t))
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

    fn read_trigger(
        &mut self,
        s: usize,
        t: usize,
        last: usize,
        class: ContactWord,
        dates: &[DateExpr],
        out: &mut Vec<Statement>,
    ) {
        let lower = &self.lower[s];
        if (t.saturating_sub(3)..t).any(|k| is(WordList::Generic, lower[k])) {
            return;
        }
        // "met X, Y and Z to discuss trade": the purpose of the contact before, not another
        // one of those listed.
        if class == ContactWord::Discuss
            && t > 0
            && lower[t - 1] == "to"
            && (0..t - 1).any(|k| self.trigger(s, k).is_some())
        {
            return;
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
        let left_entities = resolve(&left, &self.focus);
        let right_entities = resolve(&right.clone().unwrap_or(Actor::Unknown), &self.focus);
        let has_object = right.is_some();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        match (left_entities, right_entities) {
            (_, Some(r)) if between => groups.push(r),
            (Some(l), Some(r)) => {
                let mut all: Vec<usize> = l.iter().chain(&r).copied().collect();
                all.sort();
                all.dedup();
                // "A and B met C", "A and B met C and D": one meeting of them all. "A met B,
                // C and D" is a contact with each, unless A stands for a group (a delegation).
                let one_meeting = l.len() >= 2 || !l.iter().any(|&e| self.is_person(e));
                if all.len() >= 3 && one_meeting && !self.one_with_each(s, t, last) {
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
                let noun = matches!(
                    lower[t],
                    "call" | "meeting" | "conversation" | "talks" | "summit" | "visit" | "calls"
                );
                if dated && noun {
                    if let Some(focus) = &self.focus {
                        groups.push(focus.clone());
                    }
                }
            }
            _ => {}
        }
        if class == ContactWord::Discuss && !groups.iter().all(|g| g.len() >= 2) {
            return;
        }
        let status = self.status(s, t);
        let (kind, strong) = self.kind(s, class);
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
    }

    fn plural_trigger(&self, s: usize, t: usize, last: usize) -> bool {
        (t..=last).any(|k| {
            matches!(
                self.lower[s][k],
                "calls" | "meetings" | "conversations" | "talks" | "summits" | "visits"
            )
        })
    }

    fn is_person(&self, entity: usize) -> bool {
        self.mentions.entities[entity].kind == EntityKind::Person
    }

    /// Is "called" at token `t` followed by the person called: "called Gen. Valery
    /// Gerasimov", "called Ukrainian Gen. Valerii Zaluzhnyi", "called his Russian
    /// counterpart"? Not "called the plan a mistake" or "called for talks".
    /// The person may come after a time ("received on Monday President X") or in apposition
    /// to a role ("received the President of Switzerland, X").
    fn calls_a_person(&self, s: usize, t: usize) -> bool {
        let words = &self.words[s];
        let end = (t + 16).min(words.len());
        let mut j = t + 1;
        while j < end {
            let (word, lower) = (words[j], self.lower[s][j]);
            if let Some((e, start, mention_end)) = self.mention_span_at(s, j) {
                if self.is_person(e) {
                    return true;
                }
                // "the President of Switzerland, X"
                let before = &self.lower[s][start.saturating_sub(2)..start];
                let of_a_place = matches!(before, [_, "of"] | ["of", "the"]);
                // "a Hamas delegation led by X"
                let group = self.led_by_at(s, mention_end) == Some(mention_end + 2);
                if self.is_demonym_at(s, j) || of_a_place || group {
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
            // "received on Monday at Bayan Palace the President of ..."
            let place =
                matches!(lower, "at" | "in") && words.get(j + 1).is_some_and(|w| is_capitalised(w));
            if !(capitalised
                || place
                || matches!(lower, "his" | "her" | "their" | "the" | "." | "of" | ",")
                || is(WordList::Filler, lower) && lower != "and"
                || matches!(lower, "a" | "an") && self.led_by_at(s, j + 1).is_some()
                || is(WordList::Role, lower)
                || (is_time_word(&words[j..], lower) && j < t + 4))
            {
                return false;
            }
            j += 1;
        }
        false
    }

    /// "call on X" at token `t` in the sense of a visit: a person follows "on" and no "to"
    /// follows the person ("called on X to withdraw" urges, it is no contact).
    fn calls_on_a_person(&self, s: usize, t: usize) -> bool {
        if !self.calls_a_person(s, t + 1) {
            return false;
        }
        let person_end = (t + 2..self.words[s].len())
            .find_map(|k| self.mention_span_at(s, k).filter(|m| self.is_person(m.0)))
            .map(|m| m.2);
        person_end.is_some_and(|end| self.lower[s].get(end).is_none_or(|w| *w != "to"))
    }

    /// The entity of the mention covering token `j`, if any.
    fn mention_at(&self, s: usize, j: usize) -> Option<usize> {
        self.mention_span_at(s, j).map(|(e, _, _)| e)
    }

    fn is_demonym_at(&self, s: usize, j: usize) -> bool {
        self.mentions
            .in_sentence(s)
            .iter()
            .any(|m| m.start <= j && j < m.end && m.demonym)
    }

    fn mention_span_at(&self, s: usize, j: usize) -> Option<(usize, usize, usize)> {
        self.mentions
            .in_sentence(s)
            .iter()
            .filter(|m| m.start <= j && j < m.end)
            .max_by_key(|m| (self.is_person(m.entity), m.end - m.start))
            .map(|m| (m.entity, m.start, m.end))
    }

    /// The subject of the contact word at `t`.
    fn left_actor(&self, s: usize, t: usize) -> Actor {
        let words = &self.words[s];
        let lower = &self.lower[s];
        let mut fallback: Option<(usize, usize)> = None;
        let mut j = t;
        while j > 0 {
            j -= 1;
            let w = lower[j];
            if matches!(w, ";" | "that" | "—") || (w == "said" && j + 1 < t) {
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
                    "held" | "hold" | "holds" | "had" | "has" | "have" | "made" | "make"
                )
                && (j + 1..t).all(|k| !is_capitalised(words[k]))
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
            }
        }
        match fallback {
            Some((entity, start)) => Actor::Entities(self.conjoined_left(s, start, entity, false)),
            None => Actor::Entities(Vec::new()),
        }
    }

    /// Is the role noun at `j` part of an apposition to the name before it: "Hiro Tanabe, the
    /// Japanese prime minister,"? Then the name, not a description, is the actor.
    fn in_apposition(&self, s: usize, j: usize) -> bool {
        let lower = &self.lower[s];
        let Some(the) = (j.saturating_sub(5)..j).rev().find(|&k| lower[k] == "the") else {
            return false;
        };
        the >= 2
            && lower[the - 1] == ","
            && self
                .mention_at(s, the - 2)
                .is_some_and(|e| self.is_person(e))
    }

    /// A person (or country) and those joined to it by "and"/"nor" before it: "X and Y",
    /// "Neither X nor Y", "X, chairman of ..., and Y".
    fn conjoined_left(&self, s: usize, start: usize, entity: usize, people: bool) -> Vec<usize> {
        let mut group = vec![entity];
        let mut start = start;
        loop {
            let previous = self
                .mentions
                .in_sentence(s)
                .iter()
                .filter(|m| {
                    m.end <= start
                        && self.is_person(m.entity) == people
                        && !group.contains(&m.entity)
                })
                .max_by_key(|m| m.end);
            let Some(previous) = previous else { break };
            let between = &self.lower[s][previous.end..start];
            let joined = people
                && !is_possessive_next(&self.words[s], previous.end)
                && self.is_list_gap(s, previous.end, start)
                || between.iter().any(|w| matches!(*w, "and" | "nor" | "&"))
                    && between.len() <= 20
                    && !between.iter().any(|w| {
                        self.lexicon.contact_word(w).is_some()
                            || is(WordList::Break, w)
                            || matches!(*w, "that" | "with" | "to" | "met" | "in")
                    });
            if !joined {
                break;
            }
            group.push(previous.entity);
            start = previous.start;
        }
        group
    }

    /// The object of the contact word `t..=last`: after "with"/"to", or directly after a
    /// transitive verb, or the two sides after "between". Returns None when the word has no
    /// object; the flag says the object came from "between".
    fn right_actor(&self, s: usize, t: usize, last: usize) -> (Option<Actor>, bool) {
        let words = &self.words[s];
        let lower = &self.lower[s];
        let n = words.len();
        // "between X and Y", "the summit in Helsinki between X and Y"
        for b in last + 1..(last + 6).min(n) {
            if is(WordList::Break, lower[b]) {
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
        let transitive = gerund
            || matches!(
                lower[t],
                "met"
                    | "meet"
                    | "meets"
                    | "visited"
                    | "visit"
                    | "visits"
                    | "hosted"
                    | "hosts"
                    | "called"
                    | "phoned"
                    | "telephoned"
                    | "contacted"
            )
            || is(WordList::Host, lower[t]);
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
        let mut j = last + 1;
        // Only a time or a place stood between the verb and `j`: a direct object may follow.
        let mut adjuncts_only = true;
        while j < n && j <= last + 12 {
            let w = lower[j];
            if matches!(w, "with" | "to")
                || (from && w == "from")
                || (by && w == "by" && j == last + 1)
            {
                let actor = self.object_at(s, j + 1, &[]).unwrap_or(Actor::Unknown);
                return (Some(self.visit_needs_person(s, t, actor)), false);
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
            if transitive
                && adjuncts_only
                && !matches!(
                    w,
                    "in" | "at" | "on" | "for" | "during" | "after" | "before"
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
        (None, false)
    }

    /// One visits a person; a visit to a country or a building is no contact.
    fn visit_needs_person(&self, s: usize, t: usize, actor: Actor) -> Actor {
        let visit = matches!(
            self.lower[s][t],
            "visited" | "visit" | "visits" | "visiting"
        );
        match actor {
            Actor::Entities(e) if visit && e.iter().any(|&x| !self.is_person(x)) => Actor::Unknown,
            other => other,
        }
    }

    /// The actor a noun phrase starting at token `k` names: a person (with appositions passed
    /// over), "the presidents of A, B and C", a description, a counterpart, a pronoun.
    fn object_at(&self, s: usize, k: usize, exclude: &[usize]) -> Option<Actor> {
        let words = &self.words[s];
        let lower = &self.lower[s];
        let n = words.len();
        let mut fallback: Option<usize> = None;
        let mut counterpart: Option<usize> = None;
        let mut role_country: Option<usize> = None;
        let mut j = k;
        while j < n && j < k + 16 {
            if let Some((entity, _, end)) = self.mention_span_at(s, j) {
                if exclude.contains(&entity) {
                    j = end;
                    continue;
                }
                // "met X's adviser": X owns the object, it is not the object.
                if self.is_person(entity) && !is_possessive_next(words, end) {
                    return Some(Actor::Entities(self.conjoined_right(s, end, entity)));
                }
                if fallback.is_none()
                    && role_country.is_none()
                    && !is_possessive_next(words, end)
                    && !self.is_demonym_at(s, j)
                {
                    fallback = Some(entity);
                }
                j = end;
                continue;
            }
            let w = lower[j];
            match w {
                // "his Russian counterpart" is a possessive; only "him" and a final "her" name someone.
                "him" | "her"
                    if w == "him"
                        || lower.get(j + 1).is_none_or(|n| {
                            !n.chars().next().is_some_and(char::is_alphanumeric)
                        }) =>
                {
                    if let Actor::Entities(e) = self.pronoun(s, j) {
                        return Some(Actor::Entities(e));
                    }
                }
                "them" | "their" => return Some(Actor::Focus),
                "the" | "both"
                    if lower
                        .get(j + 1)
                        .is_some_and(|n| is(WordList::Pair, n) && *n != "officials")
                        && lower.get(j + 2).is_none_or(|n| *n != "of") =>
                {
                    return Some(Actor::Focus)
                }
                "the" if lower.get(j + 1).is_some_and(|n| *n == "two") => {
                    return Some(Actor::Focus)
                }
                // "between the top diplomats"
                _ if is(WordList::Pair, w)
                    && w != "officials"
                    && w != "sides"
                    && !is_capitalised(words[j])
                    && lower.get(j + 1).is_none_or(|n| *n != "of")
                    && (j.saturating_sub(3)..j)
                        .any(|q| matches!(lower[q], "the" | "both" | "their")) =>
                {
                    return Some(Actor::Focus)
                }
                "counterpart" => counterpart = Some(j),
                "presidents" | "ministers" | "leaders" | "premiers" | "heads" | "counterparts"
                | "chiefs" | "kings"
                    if lower.get(j + 1).is_some_and(|n| *n == "of") =>
                {
                    // "the presidents of Tunisia, Peru and South Africa": the list, up to its end;
                    // "the prime ministers of Tajikistan X, Kazakhstan Y": the people named.
                    let mut countries: Vec<usize> = Vec::new();
                    let mut people: Vec<usize> = Vec::new();
                    let mut q = j + 2;
                    while q < n {
                        if let Some((e, _, end)) = self.mention_span_at(s, q).filter(|(e, _, _)| {
                            self.mentions.entities[*e].kind == EntityKind::Country
                        }) {
                            if !countries.contains(&e) {
                                countries.push(e);
                            }
                            q = end;
                            if let Some((person, _, end)) = self
                                .mention_span_at(s, q)
                                .filter(|(p, _, _)| self.is_person(*p))
                            {
                                people.push(person);
                                q = end;
                            }
                        } else if matches!(lower[q], "," | "and" | "&") {
                            q += 1;
                        } else {
                            break;
                        }
                    }
                    if !people.is_empty() && people.len() == countries.len() {
                        return Some(Actor::Entities(people));
                    }
                    // "the leaders of France and Germany", named earlier: their people; "the
                    // foreign ministers of A and B" only if people with that title are named.
                    let role = w.strip_suffix('s').unwrap_or(w);
                    let known: Vec<usize> = countries
                        .iter()
                        .filter_map(|&c| match role {
                            "leader" | "head" | "counterpart" => self.person_of(c, exclude),
                            _ => self.titled_person_of(c, Some(role), exclude),
                        })
                        .collect();
                    if !countries.is_empty() && known.len() == countries.len() {
                        return Some(Actor::Entities(known));
                    }
                    if !countries.is_empty() {
                        return Some(Actor::Entities(countries));
                    }
                    return Some(Actor::Unknown);
                }
                // "his Indian and Thai counterparts": the person of each country.
                "counterparts" => {
                    let countries: Vec<usize> = (j.saturating_sub(5)..j)
                        .filter_map(|q| {
                            self.mention_at(s, q)
                                .filter(|&e| self.mentions.entities[e].kind == EntityKind::Country)
                        })
                        .collect();
                    let people: Vec<usize> = countries
                        .iter()
                        .filter_map(|&c| self.person_of(c, exclude))
                        .collect();
                    if !countries.is_empty() && people.len() == countries.len() {
                        return Some(Actor::Entities(people));
                    }
                    return Some(Actor::Unknown);
                }
                // "a Hamas delegation led by X": the one who leads it stands for it.
                "delegation" | "team" | "mission" if self.led_by_at(s, j) == Some(j + 2) => {
                    return match self.object_at(s, j + 3, exclude) {
                        Some(Actor::Entities(e)) if e.iter().all(|&x| self.is_person(x)) => {
                            Some(Actor::Entities(e))
                        }
                        _ => Some(Actor::Unknown),
                    };
                }
                "partners" | "officials" | "reporters" | "journalists" | "media" | "press"
                | "lawmakers" | "delegation" | "delegations" => return Some(Actor::Unknown),
                _ => {}
            }
            if is(WordList::Role, w) && w != "counterpart" && counterpart.is_none() {
                // A description, unless a name follows in apposition.
                // "the Russian leader Vladimir Putin", "the Russian leader, Vladimir Putin"
                let first = if words.get(j + 1) == Some(&",") {
                    j + 2
                } else {
                    j + 1
                };
                if let Some((holder, end)) = self.holder_after_role(s, j) {
                    if !exclude.contains(&holder) {
                        return Some(Actor::Entities(self.conjoined_right(s, end, holder)));
                    }
                }
                let named = (first..(first + 3).min(n))
                    .any(|q| self.mention_at(s, q).is_some_and(|e| self.is_person(e)));
                if !named {
                    if let Some(entity) = self.description(s, j, exclude) {
                        return Some(Actor::Entities(vec![entity]));
                    }
                    // An unnamed office holder of a country is that country's side, not
                    // whatever the sentence names later: "the meeting between X and Angolan
                    // President is expected to ... between India and Angola".
                    // A name in apposition may still follow ("Russia's chief of staff, Gen.
                    // X"), so the country is kept until the search ends.
                    // "the Russian leader" points back to someone named; only a bare
                    // "Angolan President" is the country's side.
                    let bare = !(j.saturating_sub(4)..j).any(|q| lower[q] == "the");
                    if let Some((country, _)) = self.country_before_role(s, j).filter(|_| bare) {
                        if !exclude.contains(&country) && role_country.is_none() {
                            role_country = Some(country);
                        }
                    }
                }
            }
            if is(WordList::Break, w)
                || matches!(
                    w,
                    "and"
                        | "after"
                        | "before"
                        | "ahead"
                        | "prior"
                        | "during"
                        | "for"
                        | "about"
                        | "over"
                        | "on"
                ) && j > k
                    && !(w == "and" && self.demonyms_before_counterparts(s, j + 1))
            {
                break;
            }
            j += 1;
        }
        if let Some(c) = counterpart {
            return self
                .counterpart(s, c, exclude)
                .map(|e| Actor::Entities(vec![e]));
        }
        role_country.or(fallback).map(|e| Actor::Entities(vec![e]))
    }

    /// Two clause shapes where the contact noun sits in a prepositional phrase:
    /// "X told Y in a phone call" (the speaker and the one spoken to are the pair) and
    /// "In a phone call with Y, X stressed ..." (the main clause's subject is the other side).
    fn told_in_a_call(
        &self,
        s: usize,
        t: usize,
        left: Actor,
        right: Option<Actor>,
    ) -> (Actor, Option<Actor>) {
        let lower = &self.lower[s];
        let in_a = (t.saturating_sub(3)..t).any(|k| matches!(lower[k], "in" | "during" | "over"));
        if !in_a {
            return (left, right);
        }
        let mentions = self.mentions.in_sentence(s);
        let people = || mentions.iter().filter(|m| self.is_person(m.entity));
        match (&left, &right) {
            // "X told Y in a call": Y is the nearest person on the left; X its clause's
            // subject a verb before it.
            (Actor::Entities(l), None) if l.len() == 1 => {
                let Some(object) = people().filter(|m| m.end <= t).max_by_key(|m| m.end) else {
                    return (left, right);
                };
                let subject = people()
                    .filter(|m| m.end < object.start && m.entity != object.entity)
                    .max_by_key(|m| m.end)
                    .filter(|m| {
                        let between = &lower[m.end..object.start];
                        (1..=4).contains(&between.len())
                            && between.iter().all(|w| {
                                w.chars().all(char::is_alphabetic)
                                    && !matches!(*w, "and" | "with" | "of" | "to" | "by")
                            })
                    });
                match subject {
                    Some(m) => (
                        Actor::Entities(vec![m.entity]),
                        Some(Actor::Entities(l.clone())),
                    ),
                    None => (left, right),
                }
            }
            // "In a call with Y, X said": the first person after the phrase's comma.
            (Actor::Entities(l), Some(Actor::Entities(r)))
                if l.is_empty() && matches!(lower.first(), Some(&"in" | &"during")) =>
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
                    _ => (left, right),
                }
            }
            _ => (left, right),
        }
    }

    /// "delegation led by", "team headed by" from token `j` (the group noun, perhaps after
    /// a name: "a Hamas delegation"): the position of "by".
    fn led_by_at(&self, s: usize, j: usize) -> Option<usize> {
        let lower = &self.lower[s];
        let group = (j..(j + 4).min(lower.len()))
            .find(|&k| matches!(lower[k], "delegation" | "team" | "mission"))?;
        (lower
            .get(group + 1)
            .is_some_and(|w| matches!(*w, "led" | "headed"))
            && lower.get(group + 2).is_some_and(|w| *w == "by"))
        .then_some(group + 2)
    }

    /// The holder of the role noun at `j` when its name follows in apposition, after what the
    /// role is of: "the President of the Swiss Confederation, Guy Parmelin", "the head of the
    /// central bank, Irena Lisac", "the Ambassador of France to Chad Pierre Martin"; with the
    /// token after the name.
    fn holder_after_role(&self, s: usize, j: usize) -> Option<(usize, usize)> {
        let lower = &self.lower[s];
        if lower.get(j + 1).is_none_or(|w| *w != "of") {
            return None;
        }
        let mut q = j + 2;
        while q < lower.len() && q < j + 20 {
            if let Some((entity, start, end)) = self.mention_span_at(s, q) {
                if self.is_person(entity) {
                    // ", X" or ", Gen. X"; without the comma, after a place or an institution
                    // ("of France to Chad Pierre Martin"), never after "of" (whose it is).
                    let comma = (start.saturating_sub(4)..start).any(|k| lower[k] == ",");
                    let after_name = start > 0
                        && !matches!(lower[start - 1], "of" | "the" | "and")
                        && (is_capitalised(self.words[s][start - 1])
                            || self.mention_at(s, start - 1).is_some());
                    return (comma || after_name).then_some((entity, end));
                }
                q = end;
                continue;
            }
            if !(matches!(lower[q], "," | "the" | "of" | "and" | "to" | ".")
                || is_capitalised(self.words[s][q]))
            {
                return None;
            }
            q += 1;
        }
        None
    }

    /// Do the tokens from `j` continue a list of demonyms up to "counterparts": "(his Indian
    /// and) Thai counterparts"?
    fn demonyms_before_counterparts(&self, s: usize, j: usize) -> bool {
        let lower = &self.lower[s];
        let mut q = j;
        while q < lower.len() && q < j + 6 {
            match self.mention_span_at(s, q) {
                Some((_, _, end)) if self.is_demonym_at(s, q) => q = end,
                _ if matches!(lower[q], "," | "and") => q += 1,
                _ => return lower[q] == "counterparts",
            }
        }
        false
    }

    /// People joined to a person after it: "X and Y", "X, Y and Z".
    fn conjoined_right(&self, s: usize, end: usize, entity: usize) -> Vec<usize> {
        let mut group = vec![entity];
        let mut end = end;
        loop {
            // A person who owns a description in the list is no member of it: "X, President
            // Y's top adviser, and Z".
            let next = self
                .mentions
                .in_sentence(s)
                .iter()
                .filter(|m| {
                    m.start >= end
                        && self.is_person(m.entity)
                        && !group.contains(&m.entity)
                        && !is_possessive_next(&self.words[s], m.end)
                })
                .min_by_key(|m| m.start);
            let Some(next) = next else { break };
            let between = &self.lower[s][end..next.start];
            // A name that owns something ("X's adviser") or speaks ("X said") is no member.
            let member = !is_possessive_next(&self.words[s], next.end)
                && self.lower[s]
                    .get(next.end)
                    .is_none_or(|w| *w == "." || !is(WordList::Break, w));
            let joined = member && self.is_list_gap(s, end, next.start)
                || between.iter().any(|w| matches!(*w, "and" | "&"))
                    && between.len() <= 6
                    && !between.iter().any(|w| {
                        is(WordList::Break, w)
                            || self.lexicon.contact_word(w).is_some()
                            || matches!(
                                *w,
                                "with"
                                    | "to"
                                    | "other"
                                    | "before"
                                    | "after"
                                    | "his"
                                    | "her"
                                    | "in"
                                    | "at"
                            )
                    });
            if !joined {
                break;
            }
            group.push(next.entity);
            end = next.end;
        }
        group
    }

    /// Who a pronoun at token `j` stands for: the subject of its sentence, or of a fronted
    /// phrase's main clause, or of the last sentence that named someone.
    fn pronoun(&self, s: usize, j: usize) -> Actor {
        let people: Vec<_> = self
            .mentions
            .in_sentence(s)
            .iter()
            .filter(|m| self.is_person(m.entity))
            .collect();
        if let Some(first) = people.iter().find(|m| m.end <= j) {
            return Actor::Entities(vec![first.entity]);
        }
        // "In addition to his meetings ..., the President also ...": the main clause's subject.
        let lower = &self.lower[s];
        let opener = lower
            .iter()
            .find(|w| w.chars().any(char::is_alphanumeric))
            .copied()
            .unwrap_or("");
        if matches!(
            opener,
            "in" | "during"
                | "after"
                | "before"
                | "ahead"
                | "despite"
                | "following"
                | "at"
                | "on"
                | "like"
                | "unlike"
                | "as"
        ) {
            if let Some(comma) = (j..lower.len()).find(|&k| lower[k] == ",") {
                for (k, word) in lower.iter().enumerate().skip(comma + 1).take(7) {
                    if let Some(e) = self.mention_at(s, k).filter(|&e| self.is_person(e)) {
                        return Actor::Entities(vec![e]);
                    }
                    if is(WordList::Role, word) {
                        if let Some(e) = self.description(s, k, &[]) {
                            return Actor::Entities(vec![e]);
                        }
                    }
                }
            }
        }
        for previous in (s.saturating_sub(2)..s).rev() {
            if let Some(first) = self
                .mentions
                .in_sentence(previous)
                .iter()
                .find(|m| self.is_person(m.entity))
            {
                return Actor::Entities(vec![first.entity]);
            }
        }
        Actor::Unknown
    }

    /// The person a description names: "the Nigerian president", "the Russian leader",
    /// "The top U.S. military chief", "the President". The role noun is token `j`.
    fn description(&self, s: usize, j: usize, exclude: &[usize]) -> Option<usize> {
        let words = &self.words[s];
        let lower = &self.lower[s];
        let from = j.saturating_sub(5);
        let the = match (from..j).rev().find(|&k| lower[k] == "the") {
            Some(the) => the,
            // Without an article, a country's name or demonym right before the role opens the
            // description: "Angolan President", "Russia's foreign minister".
            None => self.country_before_role(s, j)?.1.checked_sub(1)?,
        };
        if (the + 1..j).any(|k| is(WordList::Break, lower[k]) || words[k] == ",") {
            return None;
        }
        let country = (the + 1..j).find_map(|k| {
            self.mention_at(s, k)
                .filter(|&e| self.mentions.entities[e].kind == EntityKind::Country)
        });
        let role = lower[j];
        let people: Vec<usize> = (0..self.mentions.entities.len())
            .filter(|&e| self.is_person(e) && !exclude.contains(&e))
            .filter(|&e| country.is_none() || self.mentions.entities[e].country == country)
            .collect();
        let titled: Vec<usize> = people
            .iter()
            .copied()
            .filter(|&e| {
                self.mentions.entities[e]
                    .titles
                    .iter()
                    .any(|t| t.to_lowercase().contains(role))
            })
            .collect();
        match country {
            Some(_) => {
                let pool = if titled.is_empty() { people } else { titled };
                pool.into_iter()
                    .max_by_key(|&e| (self.mentions.entities[e].mentions, std::cmp::Reverse(e)))
            }
            // Without a country only a capitalised title fits: "the President".
            None if is_capitalised(words[j]) => titled.into_iter().next(),
            None => None,
        }
    }

    /// The country named right before the role word at `j`, with the token its name starts
    /// at: "Angolan President", "Russia's foreign minister", "the US Defence Secretary".
    fn country_before_role(&self, s: usize, j: usize) -> Option<(usize, usize)> {
        let lower = &self.lower[s];
        let mut k = j;
        // Up to two title words between the country and the role ("foreign minister").
        for _ in 0..3 {
            k = k.checked_sub(1)?;
            if let Some((e, start, _)) = self
                .mention_span_at(s, k)
                .filter(|(e, _, _)| self.mentions.entities[*e].kind == EntityKind::Country)
            {
                return Some((e, start));
            }
            if !(lower[k] == "'s"
                || is(WordList::Role, lower[k])
                || is_capitalised(self.words[s][k]))
            {
                return None;
            }
        }
        None
    }

    /// "his Russian counterpart": the person of that country, or the country itself.
    fn counterpart(&self, s: usize, j: usize, exclude: &[usize]) -> Option<usize> {
        let country = (j.saturating_sub(3)..j).find_map(|k| {
            self.mention_at(s, k)
                .filter(|&e| self.mentions.entities[e].kind == EntityKind::Country)
        })?;
        self.person_of(country, exclude)
    }

    /// The most mentioned person of a country, left out those in `exclude`.
    fn person_of(&self, country: usize, exclude: &[usize]) -> Option<usize> {
        self.titled_person_of(country, None, exclude)
    }

    /// The most mentioned person of a country with a title naming `role` (any person when
    /// `None`), left out those in `exclude`.
    fn titled_person_of(
        &self,
        country: usize,
        role: Option<&str>,
        exclude: &[usize],
    ) -> Option<usize> {
        (0..self.mentions.entities.len())
            .filter(|&e| {
                let entity = &self.mentions.entities[e];
                self.is_person(e)
                    && !exclude.contains(&e)
                    && entity.country == Some(country)
                    && role.is_none_or(|role| {
                        entity
                            .titles
                            .iter()
                            .any(|t| t.to_lowercase().contains(role))
                    })
            })
            .max_by_key(|&e| (self.mentions.entities[e].mentions, std::cmp::Reverse(e)))
    }

    fn status(&self, s: usize, t: usize) -> Status {
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
    fn kind(&self, s: usize, class: ContactWord) -> (ContactKind, bool) {
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
                let place = (1..words.len())
                    .any(|k| matches!(lower[k - 1], "in" | "at") && is_capitalised(words[k]));
                if place {
                    (ContactKind::Meeting, false)
                } else {
                    (ContactKind::Call, false)
                }
            }
        }
    }

    /// "at the request of the Russian side", "at Washington's initiative": who asked.
    fn initiator(&self, s: usize) -> Option<usize> {
        let lower = &self.lower[s];
        for (k, w) in lower.iter().enumerate() {
            if !matches!(*w, "request" | "initiative" | "invitation") {
                continue;
            }
            // "at X's initiative"
            if k >= 2 && lower[k - 1] == "'s" {
                if let Some(e) = self.mention_at(s, k - 2) {
                    return Some(e);
                }
            }
            // "at the initiative of the American side"
            if lower.get(k + 1).is_some_and(|n| *n == "of") {
                for q in k + 2..(k + 7).min(lower.len()) {
                    if let Some(e) = self.mention_at(s, q) {
                        return Some(e);
                    }
                }
            }
        }
        None
    }
}

/// Is `word` (the first of `words`) part of a time phrase: "on Monday", "late yesterday",
/// "this week", a date?
fn is_time_word(words: &[&str], word: &str) -> bool {
    matches!(
        word,
        "on" | "last"
            | "late"
            | "early"
            | "this"
            | "week"
            | "month"
            | "today"
            | "yesterday"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
    ) || find_dates(&words[..1.min(words.len())]).len() == 1
        || words.first().is_some_and(|w| {
            matches!(
                *w,
                "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
            )
        })
}

fn is_possessive_next(words: &[&str], end: usize) -> bool {
    words.get(end).is_some_and(|w| *w == "'s" || *w == "’s")
}

/// The date closest to the contact word, leaving out dates of other things ("since May",
/// "since Brown took over the role in October 2023", "following the October 7 attack").
fn nearest_date(dates: &[DateExpr], t: usize, lower: &[&str]) -> Option<DateExpr> {
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

/// Merges the statements of one event: same participants and status, and the same date or no
/// date. Undated statements join the first dated event of their pair.
fn merge(article: &Article, reader: &Reader, statements: Vec<Statement>) -> Vec<LocalEvent> {
    let mut events: Vec<(Statement, String)> = Vec::new();
    let mut undated: Vec<Statement> = Vec::new();
    for st in statements {
        match &st.date {
            Some(date) => {
                let key = date_key(date);
                if let Some((event, _)) = events.iter_mut().find(|(e, k)| {
                    e.participants == st.participants && e.status == st.status && *k == key
                }) {
                    if st.strong && !event.strong {
                        event.kind = st.kind;
                        event.strong = true;
                    }
                } else {
                    events.push((st, key));
                }
            }
            None => undated.push(st),
        }
    }
    for st in undated {
        let existing = events
            .iter_mut()
            .find(|(e, _)| e.participants == st.participants && e.status == st.status);
        match existing {
            Some((event, _)) => {
                if st.strong && !event.strong {
                    event.kind = st.kind;
                    event.strong = true;
                }
                if st.sentence < event.sentence && event.date.is_none() {
                    event.sentence = st.sentence;
                }
            }
            None => events.push((st, String::new())),
        }
    }
    events.sort_by_key(|(e, _)| e.sentence);
    let _ = reader;
    events
        .into_iter()
        .map(|(st, _)| {
            let sentence = &article.sentences[st.sentence];
            LocalEvent {
                kind: st.kind,
                status: st.status,
                participants: st.participants,
                date: st.date,
                date_iso: None,
                initiator: None,
                confidence: None,
                evidence: Evidence {
                    article: article.path.as_str().into(),
                    text: article.sentence_text(sentence).into(),
                    start: article.char_offset(sentence.span.start),
                    end: article.char_offset(sentence.span.end),
                },
            }
        })
        .collect()
}

/// Gives each event the participant that asked for it, when a sentence says so: in the
/// event's own sentence, or the sentence right after.
fn assign_initiators(
    mentions: &Mentions,
    events: &mut [LocalEvent],
    initiators: &[(usize, usize)],
    article: &Article,
) {
    for &(s, who) in initiators {
        let start = article.char_offset(article.sentences[s].span.start);
        let event = events
            .iter_mut()
            .filter(|e| e.evidence.start <= start)
            .max_by_key(|e| e.evidence.start);
        let Some(event) = event else { continue };
        let chosen = if event.participants.contains(&who) {
            Some(who)
        } else {
            // A country or capital names the participant from that country.
            event
                .participants
                .iter()
                .copied()
                .find(|&p| mentions.entities[p].country == Some(who))
        };
        if chosen.is_some() {
            event.initiator = chosen;
        }
    }
}

/// A country or institution stands in for a side only where no person of it is named: drops
/// "Trump - Nigeria" when the article has Trump speaking with Nigeria's president, "Nissan -
/// May" when Nissan's chief executive met May, and contacts of a person with their own
/// country or institution.
fn drop_covered_sides(mentions: &Mentions, events: &mut Vec<LocalEvent>) {
    let entities = &mentions.entities;
    // Whether person `p` belongs to the country or institution `side`.
    let belongs = |p: usize, side: usize| {
        entities[p].kind == EntityKind::Person
            && match entities[side].kind {
                EntityKind::Country => entities[p].country == Some(side),
                EntityKind::Institution => mentions
                    .memberships
                    .iter()
                    .any(|&(person, institution, _, _)| person == p && institution == side),
                EntityKind::Person => false,
            }
    };
    // In a meeting of three or more, a side beside a person of its own is that person's side
    // named twice: "Egyptian President X and Qatar's Emir Y meet, Cairo says".
    for event in events.iter_mut().filter(|e| e.participants.len() > 2) {
        let all = event.participants.clone();
        event
            .participants
            .retain(|&side| !all.iter().any(|&p| belongs(p, side)));
        event.participants.sort();
    }
    // Left with the people of another event, it is that event told again.
    let mut seen = BTreeSet::new();
    events.retain(|e| {
        let mut key = e.participants.clone();
        key.sort();
        seen.insert((key, e.status, e.date.clone()))
    });
    let person_pairs: Vec<(usize, usize)> = events
        .iter()
        .filter(|e| {
            e.participants
                .iter()
                .all(|&p| entities[p].kind == EntityKind::Person)
        })
        .flat_map(|e| {
            crate::findings::pairs(&e.participants)
                .map(|(a, b)| (*a, *b))
                .collect::<Vec<_>>()
        })
        .collect();
    events.retain(|event| {
        let p = &event.participants;
        if p.len() != 2 {
            return p.len() > 2;
        }
        for (a, b) in [(p[0], p[1]), (p[1], p[0])] {
            if entities[b].kind != EntityKind::Person && entities[a].kind == EntityKind::Person {
                if belongs(a, b) {
                    return false;
                }
                let covered = person_pairs
                    .iter()
                    .any(|&(x, y)| (x == a && belongs(y, b)) || (y == a && belongs(x, b)));
                if covered {
                    return false;
                }
            }
        }
        true
    });
}
