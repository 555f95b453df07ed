//! Noun phrases as actors: a token in, the entities the noun phrase from there names out: a
//! name with those joined to it ("X and Y", "X of Benin, Y and Z", "X, the foreign minister,
//! and Y"), "the presidents of A, B and C", "his Indian and Thai counterparts", a delegation by
//! the one who leads it, a description, a pronoun, or the pair in focus ("the two leaders").

use super::reader::{is_possessive_next, object_pronoun_at, Actor, Reader};
use crate::extract::mentions::{is_acronym, is_capitalised, lowercase_title_before_name};
use crate::findings::EntityKind;
use crate::lexicon::words::{is, WordList};

impl Reader<'_> {
    /// The actor a noun phrase starting at token `k` names: a person (with appositions passed
    /// over), "the presidents of A, B and C", a description, a counterpart, a pronoun.
    pub(super) fn object_at(&self, s: usize, k: usize, exclude: &[usize]) -> Option<Actor> {
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
                // "met Putin aide Yuri Ushakov": X modifies the title of the object.
                if lowercase_title_before_name(self.lexicon, words, end)
                    && self
                        .mention_at(s, end + 1)
                        .is_some_and(|e| self.is_person(e))
                {
                    j = end;
                    continue;
                }
                // "met X's adviser": X owns the object, it is not the object.
                if self.is_person(entity) && !is_possessive_next(words, end) {
                    return Some(Actor::Entities(self.conjoined_right(s, end, entity)));
                }
                // "received the Minsk Group - X, Y and Z": the members named.
                if let Some(members) = self.members_at(s, end) {
                    return Some(Actor::Entities(members));
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
            // "between the two presidents, X and Y": the pair named in apposition.
            if w == "the" {
                if let Some(pair) = self.pair_in_apposition(s, j + 1) {
                    return Some(Actor::Entities(pair));
                }
            }
            match w {
                "him" | "her" if object_pronoun_at(lower, j) => {
                    if let Actor::Entities(e) = self.object_pronoun(s, j, exclude) {
                        return Some(Actor::Entities(e));
                    }
                }
                // "their Bolivian counterparts" is read at "counterparts".
                "their" if self.demonyms_before_counterparts(s, j + 1) => {}
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
                // "received new envoys from five countries": people the text does not name
                // (yet), not the country after them.
                "envoys" | "diplomats" | "ambassadors"
                    if (j == k || j == k + 1 && matches!(lower[k], "new" | "several" | "some"))
                        && !(j + 1..(j + 4).min(n))
                            .any(|q| self.mention_at(s, q).is_some_and(|e| self.is_person(e))) =>
                {
                    return Some(Actor::Unknown)
                }
                "counterpart" => counterpart = Some(j),
                // "his peers from Argentina and Brazil, X and Y": the people named, one of each
                // country; without them, whoever else the phrase names.
                _ if let Some(people) = self.people_from_countries(s, j) => {
                    return Some(Actor::Entities(people));
                }
                _ if PLURAL_OFFICES.contains(&w) && lower.get(j + 1) == Some(&"of") => {
                    // "the presidents of Tunisia, Peru and South Africa": the list, up to its end;
                    // "the prime ministers of Tajikistan X, Kazakhstan Y": the people named.
                    let (countries, people) = self.countries_and_people(s, j + 2);
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
                    // "his Indian and Thai counterparts": a person of each country.
                    if countries.len() >= 2 && people.len() == countries.len() {
                        return Some(Actor::Entities(people));
                    }
                    // "their Bolivian counterparts": several of one country, not the one
                    // person of it named: the country's side. (Several countries none of
                    // whose people are named stay unknown: validate rose and probe B fell.)
                    if countries.len() == 1 {
                        return Some(Actor::Entities(countries));
                    }
                    return Some(Actor::Unknown);
                }
                // "a Hamas delegation led by X", "a delegation of the Y Council headed by X":
                // the one who leads it stands for it.
                "delegation" | "team" | "mission"
                    if self.led_by_at(s, j).is_some_and(|by| by >= j + 2) =>
                {
                    let by = self.led_by_at(s, j).unwrap_or(j + 2);
                    return match self.object_at(s, by + 1, exclude) {
                        Some(Actor::Entities(e)) if e.iter().all(|&x| self.is_person(x)) => {
                            Some(Actor::Entities(e))
                        }
                        _ => Some(Actor::Unknown),
                    };
                }
                // "met with Governors X and Y": a plural title before the names.
                _ if is(WordList::Unnamed, w)
                    && is_capitalised(words[j])
                    && self.mention_at(s, j + 1).is_some_and(|e| self.is_person(e)) => {}
                // "a delegation consisting of X and Y": its members; "met reporters",
                // "hosted the Olympic contingent": people not named.
                _ if is(WordList::Unnamed, w) => {
                    // "met with officials and Minister of State X": the people named after
                    // those not named.
                    if lower.get(j + 1) == Some(&"and") {
                        if let Some(people) = self.people_object_at(s, j + 2, exclude) {
                            return Some(Actor::Entities(people));
                        }
                    }
                    return Some(
                        self.members_at(s, j + 1)
                            .map_or(Actor::Unknown, Actor::Entities),
                    );
                }
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
                // Not a speaker after a comma: "the Syrian leader, spokesman X said".
                let named = (first..(first + 3).min(n)).any(|q| {
                    self.mention_span_at(s, q).is_some_and(|(e, _, end)| {
                        self.is_person(e) && lower.get(end).is_none_or(|w| !is(WordList::Report, w))
                    })
                });
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
                        | "between"
                ) && j > k
                    && !(w == "and" && self.demonyms_before_counterparts(s, j + 1))
                    && !(w == "and" && self.and_inside_title(s, j))
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

    /// The countries listed from token `q` ("Tunisia, Peru and South Africa") and the people
    /// named with them: each after its country ("Tajikistan X, Kazakhstan Y") or all after the
    /// list ("A and B, X and Y").
    fn countries_and_people(&self, s: usize, q: usize) -> (Vec<usize>, Vec<usize>) {
        let lower = &self.lower[s];
        let n = lower.len();
        let mut q = q;
        let mut countries: Vec<usize> = Vec::new();
        let mut people: Vec<usize> = Vec::new();
        while q < n {
            if let Some((e, _, end)) = self
                .mention_span_at(s, q)
                .filter(|(e, _, _)| self.mentions.entities[*e].kind == EntityKind::Country)
            {
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
            } else if matches!(lower[q], "," | "and" | "&" | "the") {
                q += 1;
            } else {
                break;
            }
        }
        // "the presidents of A and B, X and Y", "..., Mr. X and Mr. Y": the people after the
        // countries.
        if people.is_empty() && q > 0 && lower[q - 1] == "," {
            if let Some((first, _, end)) = (q..(q + 3).min(n))
                .find_map(|k| self.mention_span_at(s, k))
                .filter(|(p, _, _)| self.is_person(*p))
            {
                people = self.conjoined_right(s, end, first);
            }
        }
        (countries, people)
    }

    /// The people of "(his peers) from A and B, X and Y", the plural noun at token `j`: as
    /// many as the countries.
    fn people_from_countries(&self, s: usize, j: usize) -> Option<Vec<usize>> {
        let w = self.lower[s][j];
        if !(PLURAL_OFFICES.contains(&w) || matches!(w, "peers" | "colleagues"))
            || self.lower[s].get(j + 1) != Some(&"from")
        {
            return None;
        }
        let (countries, people) = self.countries_and_people(s, j + 2);
        (!people.is_empty() && people.len() == countries.len()).then_some(people)
    }

    /// The people a noun phrase from token `k` names, when it names people only ("with Prime
    /// Minister X and Y"); None for a country, an institution or no one.
    pub(super) fn people_object_at(
        &self,
        s: usize,
        k: usize,
        exclude: &[usize],
    ) -> Option<Vec<usize>> {
        match self.object_at(s, k, exclude)? {
            Actor::Entities(e) if !e.is_empty() && e.iter().all(|&x| self.is_person(x)) => Some(e),
            _ => None,
        }
    }

    /// Does the "and" at `j` join two lowercase words of one title ("the EU's foreign and
    /// security policy chief X", "trade and industry minister Y")? A title word follows
    /// within four lowercase words.
    fn and_inside_title(&self, s: usize, j: usize) -> bool {
        let words = &self.words[s];
        let lower = &self.lower[s];
        let lowercase = |w: &str| w.chars().all(|c| c.is_lowercase() || c == '-');
        // Both sides in the same case: "foreign and security policy chief", "Trade and
        // Industry Minister"; a name or a role before "and" is a member of a list.
        let same_case = |q: usize| {
            words.get(q).is_some_and(|w| {
                lowercase(words[j - 1]) && lowercase(w)
                    || is_capitalised(words[j - 1])
                        && is_capitalised(w)
                        && self.mention_at(s, q).is_none()
            })
        };
        if j == 0
            || !same_case(j + 1)
            || self.mention_at(s, j - 1).is_some()
            || is(WordList::Role, lower[j - 1])
        {
            return false;
        }
        (j + 1..(j + 5).min(words.len()))
            .take_while(|&q| same_case(q))
            .any(|q| is(WordList::Role, lower[q]))
    }

    /// Is the lowercase word or "and" at `j` inside a title that a role word ends within four
    /// words: "received trade and industry minister X", "Trade and Industry Minister X"?
    pub(super) fn in_title_words(&self, s: usize, j: usize) -> bool {
        let words = &self.words[s];
        let lower = &self.lower[s];
        if lower[j] == "and" {
            return self.and_inside_title(s, j);
        }
        words[j].chars().all(|c| c.is_lowercase() || c == '-')
            && (j + 1..(j + 5).min(words.len()))
                .take_while(|&q| lower[q] == "and" || words[q].chars().all(char::is_lowercase))
                .any(|q| is(WordList::Role, lower[q]))
    }

    /// One visits a person; a visit to a country or a building is no contact.
    pub(super) fn visit_needs_person(&self, s: usize, t: usize, actor: Actor) -> Actor {
        let visit = matches!(
            self.lower[s][t],
            "visited" | "visit" | "visits" | "visiting"
        );
        match actor {
            Actor::Entities(e) if visit && e.iter().any(|&x| !self.is_person(x)) => Actor::Unknown,
            other => other,
        }
    }

    /// A person (or country) and those joined to it by "and"/"nor" before it: "X and Y",
    /// "Neither X nor Y", "X, chairman of ..., and Y".
    pub(super) fn conjoined_left(
        &self,
        s: usize,
        start: usize,
        entity: usize,
        people: bool,
    ) -> Vec<usize> {
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
            // "X, along with Y and Z, met": those who come along are joined to X.
            let along = people && self.is_along_gap(between, true);
            let joined = along
                || people
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

    /// People joined to a person after it: "X and Y", "X, Y and Z".
    /// "two presidents, X and Y" from `k` (after "the"): the people named in apposition to
    /// a plural noun of a pair.
    fn pair_in_apposition(&self, s: usize, k: usize) -> Option<Vec<usize>> {
        let lower = &self.lower[s];
        let mut k = k;
        if lower.get(k) == Some(&"two") {
            k += 1;
        }
        if !lower.get(k).is_some_and(|w| is(WordList::Pair, w)) || lower.get(k + 1) != Some(&",") {
            return None;
        }
        // The first name may carry a title: "the leaders, Governor X and Mayor Y".
        let (first, _, end) = (k + 2..(k + 5).min(lower.len()))
            .take_while(|&q| is_capitalised(self.words[s][q]))
            .find_map(|q| self.mention_span_at(s, q))
            .filter(|(e, _, _)| self.is_person(*e))?;
        Some(self.conjoined_right(s, end, first)).filter(|pair| pair.len() >= 2)
    }

    pub(super) fn conjoined_right(&self, s: usize, end: usize, entity: usize) -> Vec<usize> {
        let mut group = vec![entity];
        let mut end = end;
        // Those a description in the list is of: "X, the special envoy of Y, and Z".
        let mut owners: Vec<usize> = Vec::new();
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
                        && !owners.contains(&m.entity)
                        && !is_possessive_next(&self.words[s], m.end)
                })
                .min_by_key(|m| m.start);
            let Some(next) = next else { break };
            let between = &self.lower[s][end..next.start];
            // A name that owns something ("X's adviser") or speaks ("X said") is no member.
            let member = !is_possessive_next(&self.words[s], next.end)
                && self.lower[s]
                    .get(next.end)
                    .is_none_or(|w| matches!(*w, "." | ";") || !is(WordList::Break, w));
            // The noun is the last lowercase word: a title may stand before the name ("his
            // spouse Dr Y").
            let original = &self.words[s][end..next.start];
            let role_of_previous = matches!(between, ["and", "his" | "her", ..])
                && between.len() <= 6
                && (2..between.len())
                    .rev()
                    .find(|&k| between[k] != "," && !is_capitalised(original[k]))
                    .is_some_and(|k| {
                        is(WordList::Role, between[k]) || is(WordList::Kin, between[k])
                    })
                && between[2..]
                    .iter()
                    .all(|w| w.chars().all(char::is_alphabetic) || *w == ",");
            // "received by X, together with Y, and Z": those along with X.
            let along = member && self.is_along_gap(between, false);
            if member && !role_of_previous && self.list_gap(s, end, next.start) == Some(true) {
                owners.push(next.entity);
                continue;
            }
            // "X and his local counterpart, Y", "X and her deputy Y", "X and his spouse Y":
            // someone of the one before, named.
            let joined = along
                || member && role_of_previous
                || member && self.is_list_gap(s, end, next.start)
                || between.iter().any(|w| matches!(*w, "and" | "&"))
                    && between.len() <= 6
                    && !between.iter().any(|w| {
                        is(WordList::Break, w)
                            || is(WordList::ObjectVerb, w)
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

    /// Whether the lowercase tokens `between` two names join the second to the first as one
    /// who came along: ", along with", ", together with", and before the subject's verb also
    /// ", accompanied by" (`accompanied`), with no contact word or clause break after them.
    fn is_along_gap(&self, between: &[&str], accompanied: bool) -> bool {
        (opens_along(between) || accompanied && matches!(between, [",", "accompanied", "by", ..]))
            && between.len() <= 8
            && !between[3..]
                .iter()
                .any(|w| self.lexicon.contact_word(w).is_some() || is(WordList::Break, w))
    }

    /// Whether the tokens `from..to` between two names are only what a list holds between its
    /// names: commas, "and", titles, countries and institutions ("X of Benin, Y and Z",
    /// "X, the foreign minister, and Y"); a comma or "and" must separate the names.
    fn is_list_gap(&self, s: usize, from: usize, to: usize) -> bool {
        self.list_gap(s, from, to) == Some(false)
    }

    /// As [`Self::is_list_gap`], telling also a gap that ends in what a description is of
    /// (`Some(true)`: "X, the special envoy of Y"), whose name is no member of the list.
    fn list_gap(&self, s: usize, from: usize, to: usize) -> Option<bool> {
        if to <= from || to - from > 20 {
            return None;
        }
        let mut separated = false;
        // Words of a description after a possessive: "Y's top scientific adviser".
        let mut described = 0;
        // "X, the special envoy of Y": the name after "of", "for" or "to" is what the
        // description is of, no member of the list; a separator after it starts a new member.
        let mut owned = false;
        // "met A; Bolivian Foreign Minister B; and C": a list whose members carry titles may
        // be cut by semicolons; a title must follow the semicolon.
        let mut untitled_after_semicolon = false;
        let lower = &self.lower[s];
        // "A, opposition leader B and parliament speaker C": up to two lowercase words and a
        // lowercase title right before the next name are that member's title.
        let mut title_at = to;
        if to - 1 > from && lowercase_title_before_name(self.lexicon, &self.words[s], to - 1) {
            title_at = to - 1;
            while title_at > from
                && to - title_at < 3
                && lower[title_at - 1].chars().all(char::is_alphabetic)
                && !is_capitalised(self.words[s][title_at - 1])
                && !matches!(lower[title_at - 1], "and" | "of" | "for" | "to" | "the")
                // "X and praised spokesman Y": a verb ends the list.
                && !is(WordList::ObjectVerb, lower[title_at - 1])
            {
                title_at -= 1;
            }
        }
        // "X as well as Y": the three words join as "and" does.
        let as_well_as = |k: usize| {
            (k.saturating_sub(2).max(from)..=k)
                .any(|first| lower[first..to.min(first + 3)] == ["as", "well", "as"])
        };
        for k in from..title_at {
            let w = self.lower[s][k];
            if as_well_as(k) {
                separated = true;
                described = 0;
                owned = false;
                continue;
            }
            if w == ";" {
                untitled_after_semicolon = true;
            } else if is_capitalised(self.words[s][k]) {
                untitled_after_semicolon = false;
            }
            if matches!(w, "," | "and" | "&" | ";") {
                separated = true;
                described = 0;
                owned = false;
                continue;
            }
            // Only after a lowercase description: "Under Secretary of State X" is a title.
            if matches!(w, "of" | "for" | "to") && k > from && !is_capitalised(self.words[s][k - 1])
            {
                owned = true;
            }
            if self.classes[s][k].is_some() || is(WordList::Break, w) {
                return None;
            }
            if w == "'s" {
                described = 3;
                continue;
            }
            // "the head of the football federation (NFF), X": what a description is of may
            // be lowercase, and an acronym in brackets may follow it.
            if owned && (w.chars().all(char::is_alphabetic) || matches!(w, "(" | ")")) {
                continue;
            }
            // "X (Russia), Y (USA) and Z": the country of each in brackets; not the acronym
            // of an institution ("the People's Party (PP), X").
            let country_at = |q: usize| {
                self.mention_at(s, q)
                    .is_some_and(|e| self.mentions.entities[e].kind == EntityKind::Country)
            };
            if w == "(" && country_at(k + 1) || w == ")" && k > 0 && country_at(k - 1) {
                continue;
            }
            // "X, Ambassador of European Union (EU), Y": the acronym of the institution a
            // title is of, after its name.
            let acronym_at = |q: usize| self.words[s].get(q).is_some_and(|w| is_acronym(w));
            let title_of_before =
                |q: usize| (from..q).any(|p| lower[p] == "of") && self.mention_at(s, q).is_some();
            if w == "("
                && acronym_at(k + 1)
                && lower.get(k + 2) == Some(&")")
                && k > 0
                && title_of_before(k - 1)
                || w == ")" && k >= 2 && lower[k - 2] == "(" && acronym_at(k - 1)
            {
                continue;
            }
            if !(is(WordList::Filler, w)
                || is_capitalised(self.words[s][k])
                || self.mention_at(s, k).is_some())
            {
                if described == 0 {
                    return None;
                }
                described -= 1;
            }
        }
        // "Ambassador to the United States X": the country is what the title is of, X holds it.
        let of_a_place = self.mention_at(s, to - 1).is_some();
        (separated && !untitled_after_semicolon).then_some(owned && !of_a_place)
    }

    /// The people a group is made of, from token `j` after its noun or name: "(a delegation
    /// of investors) consisting of X and Y", "comprising X, Y and Z", "made up of X and Y",
    /// "(the Minsk Group) - X, Y and Z".
    pub(super) fn members_at(&self, s: usize, j: usize) -> Option<Vec<usize>> {
        let lower = &self.lower[s];
        let n = lower.len();
        // "the Minsk Group - X, Y and Z", "the delegation: X and Y".
        if matches!(lower.get(j), Some(&("-" | "–" | "—" | ":"))) {
            return match self.object_at(s, j + 1, &[])? {
                Actor::Entities(e) if e.len() >= 2 && e.iter().all(|&x| self.is_person(x)) => {
                    Some(e)
                }
                _ => None,
            };
        }
        let cue = (j..(j + 5).min(n))
            .take_while(|&k| !is(WordList::Break, lower[k]) && self.classes[s][k].is_none())
            .find(|&k| {
                matches!(lower[k], "consisting" | "comprising" | "composed")
                    || lower[k] == "made" && lower.get(k + 1) == Some(&"up")
            })?;
        let from = if lower[cue] == "made" {
            cue + 2
        } else {
            cue + 1
        };
        match self.object_at(s, from, &[])? {
            Actor::Entities(e) if e.iter().all(|&x| self.is_person(x)) => Some(e),
            _ => None,
        }
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
}

/// Plural nouns of office that a list of countries may follow ("the presidents of A and B",
/// "the ambassadors of A and B, X and Y").
const PLURAL_OFFICES: &[&str] = &[
    "presidents",
    "ministers",
    "leaders",
    "premiers",
    "heads",
    "counterparts",
    "chiefs",
    "kings",
    "ambassadors",
    "envoys",
];

/// Do the lowercase tokens open a phrase of those who come along: ", along with", ", together
/// with", ", alongside"?
pub(super) fn opens_along(tokens: &[&str]) -> bool {
    matches!(
        tokens,
        [",", "along" | "together", "with", ..] | [",", "alongside", ..]
    )
}
