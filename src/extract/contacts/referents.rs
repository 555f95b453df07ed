//! Referents: a pronoun, role noun or group noun in a sentence in, the entity it stands for
//! out: the subject a pronoun points back to, the person a description names ("the Nigerian
//! president", "Angolan President"), the person of a country ("his Russian counterpart"), the
//! holder of a role named in apposition ("the President of the Swiss Confederation, Guy
//! Parmelin"), the one who leads a delegation ("a delegation led by X").

use super::reader::{Actor, Reader};
use crate::extract::mentions::is_capitalised;
use crate::findings::EntityKind;
use crate::lexicon::words::{is, WordList};

impl Reader<'_> {
    /// Who a pronoun at token `j` stands for: the subject of its sentence, or of a fronted
    /// phrase's main clause, or of the last sentence that named someone.
    pub(super) fn pronoun(&self, s: usize, j: usize) -> Actor {
        let lower = &self.lower[s];
        // "he will meet X, and he will be received by Y": a pronoun after "and" repeats the
        // subject pronoun of the clause before.
        if j >= 1 && lower[j - 1] == "and" && matches!(lower[j], "he" | "she") {
            if let Some(k) = (0..j - 1).rev().find(|&k| lower[k] == lower[j]) {
                return self.pronoun(s, k);
            }
        }
        let people: Vec<_> = self
            .mentions
            .in_sentence(s)
            .iter()
            .filter(|m| self.is_person(m.entity))
            .collect();
        if let Some(first) = people.iter().find(|m| m.end <= j) {
            return Actor::Entities(vec![first.entity]);
        }
        // "The UN Secretary-General will be in Kyiv, where he will meet X": a description
        // before the pronoun, in its sentence.
        if let Some(e) = (1..j)
            .filter(|&k| is(WordList::Role, lower[k]) && !self.in_apposition(s, k))
            .find_map(|k| self.description(s, k, &[]))
        {
            return Actor::Entities(vec![e]);
        }
        // "In addition to his meetings ..., the President also ...": the main clause's subject.
        if opens_with_phrase(lower) {
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
        self.pronoun_before(s)
    }

    /// The person the object pronoun ("him", "her") at token `j` stands for. Never the
    /// clause's own subject, the person named nearest before it ("X met her" is not X), nor
    /// one of `exclude`; a subject pronoun of the same sentence before anyone is named is the
    /// same person ("She spoke while a delegation called on her").
    pub(super) fn object_pronoun(&self, s: usize, j: usize, exclude: &[usize]) -> Actor {
        let lower = &self.lower[s];
        let people: Vec<_> = self
            .mentions
            .in_sentence(s)
            .iter()
            .filter(|m| self.is_person(m.entity))
            .collect();
        let before: Vec<usize> = people
            .iter()
            .filter(|m| m.end <= j)
            .map(|m| m.entity)
            .collect();
        let subject = if lower[j] == "her" { "she" } else { "he" };
        let first_named = people.first().map_or(j, |m| m.start.min(j));
        if let Some(k) = (0..first_named).find(|&k| lower[k] == subject) {
            return self.pronoun(s, k);
        }
        let nearest = before.last().copied();
        match before
            .iter()
            .find(|&&e| Some(e) != nearest && !exclude.contains(&e))
        {
            Some(&e) => Actor::Entities(vec![e]),
            None if before.is_empty() => self.pronoun(s, j),
            None => self.pronoun_before(s),
        }
    }

    /// The person a pronoun in sentence `s` stands for when its own sentence names no one:
    /// the subject of one of the two sentences before.
    fn pronoun_before(&self, s: usize) -> Actor {
        for previous in (s.saturating_sub(2)..s).rev() {
            if let Some(e) = self.described_subject(previous) {
                return Actor::Entities(vec![e]);
            }
            // "He was welcomed by X, who accompanied him. He also met Y": a sentence whose
            // subject is a pronoun itself hands on what that pronoun stands for.
            let lower = &self.lower[previous];
            let first_person = self
                .mentions
                .in_sentence(previous)
                .iter()
                .find(|m| self.is_person(m.entity))
                .map_or(lower.len(), |m| m.start);
            if let Some(k) = (0..first_person.min(4)).find(|&k| matches!(lower[k], "he" | "she")) {
                return self.pronoun(previous, k);
            }
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

    /// The person a sentence's subject describes when it opens with "the" and a role before
    /// any name: "The president then headed to a meeting with Italian President X." describes
    /// someone else than X: the person titled so, named elsewhere in the article, most often.
    pub(super) fn described_subject(&self, s: usize) -> Option<usize> {
        let lower = &self.lower[s];
        // "On the sidelines of the meeting, the Chilean President plans ...": the subject
        // opens the main clause after a fronted phrase.
        let start = if opens_with_phrase(lower) {
            (0..lower.len().min(14)).find(|&k| lower[k] == ",")? + 1
        } else {
            0
        };
        if lower.get(start) != Some(&"the") {
            return None;
        }
        // "The 73-year-old former minister also met X": an age that describes someone named
        // before, the one the sentences before are about.
        if lower
            .get(start + 1)
            .is_some_and(|w| w.ends_with("-year-old"))
        {
            if let Actor::Entities(e) = self.pronoun_before(s) {
                return e.first().copied();
            }
        }
        let mentions = self.mentions.in_sentence(s);
        let role = (start + 1..(start + 4).min(lower.len()))
            .take_while(|&k| {
                !mentions.iter().any(|m| {
                    m.start <= k
                        && (self.is_person(m.entity)
                            || m.start < start
                            || self.mentions.entities[m.entity].kind != EntityKind::Country)
                })
            })
            .find(|&k| is(WordList::Role, lower[k]))?;
        let here: Vec<usize> = mentions.iter().map(|m| m.entity).collect();
        // "the Chilean President": the person of that country.
        if (start + 1..role).any(|k| self.mention_at(s, k).is_some()) {
            return self.description(s, role, &here);
        }
        self.most_mentioned(
            (0..self.mentions.entities.len())
                .filter(|&e| self.is_person(e) && !here.contains(&e))
                .filter(|&e| self.titled_as(e, lower[role])),
        )
    }

    /// Whether one of person `e`'s titles names `role` ("Prime Minister" names "minister";
    /// "Foreign Minister" and "Ambassador" name "diplomat").
    fn titled_as(&self, e: usize, role: &str) -> bool {
        self.mentions.entities[e].titles.iter().any(|t| {
            let t = t.to_lowercase();
            t.contains(role)
                || role == "diplomat" && t.split([' ', '-']).any(|w| is(WordList::Diplomat, w))
        })
    }

    /// The entity named most often in the article, the first of those named as often.
    fn most_mentioned(&self, entities: impl Iterator<Item = usize>) -> Option<usize> {
        entities.max_by_key(|&e| (self.mentions.entities[e].mentions, std::cmp::Reverse(e)))
    }

    /// The person a description names: "the Nigerian president", "the Russian leader",
    /// "The top U.S. military chief", "the President". The role noun is token `j`.
    pub(super) fn description(&self, s: usize, j: usize, exclude: &[usize]) -> Option<usize> {
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
        // "the Tesla chief", "the head of the Red Cross": the one person whose title names it.
        if country.is_none() {
            let of_the = match lower.get(j + 1..j + 3) {
                Some(["of", "the"]) => Some(j + 3),
                Some(["of", _]) => Some(j + 2),
                _ => None,
            };
            let institution = (the + 1..j).chain(of_the).find_map(|k| {
                self.mention_at(s, k)
                    .filter(|&e| self.mentions.entities[e].kind == EntityKind::Institution)
            });
            if let Some(institution) = institution {
                let mut members = (0..self.mentions.entities.len())
                    .filter(|&e| !exclude.contains(&e) && self.mentions.belongs(e, institution));
                return match (members.next(), members.next()) {
                    (Some(only), None) => Some(only),
                    _ => None,
                };
            }
        }
        let people: Vec<usize> = (0..self.mentions.entities.len())
            .filter(|&e| self.is_person(e) && !exclude.contains(&e))
            .filter(|&e| country.is_none() || self.mentions.entities[e].country == country)
            .collect();
        let titled: Vec<usize> = people
            .iter()
            .copied()
            .filter(|&e| self.titled_as(e, role))
            .collect();
        match country {
            Some(_) => {
                let pool = if titled.is_empty() { people } else { titled };
                self.most_mentioned(pool.into_iter())
            }
            // Without a country only a capitalised title fits: "the President".
            None if is_capitalised(words[j]) => titled.into_iter().next(),
            None => None,
        }
    }

    /// "X and his Irish counterpart": X, with those joined to X, and the counterpart of X
    /// (the person of that country, or the country) when the counterpart noun is at `j`.
    pub(super) fn joined_counterpart(&self, s: usize, j: usize) -> Option<Vec<usize>> {
        let lower = &self.lower[s];
        if lower[j] != "counterpart" {
            return None;
        }
        let owner = (j.saturating_sub(3)..j).find(|&k| matches!(lower[k], "his" | "her"))?;
        if owner < 2 || lower[owner - 1] != "and" {
            return None;
        }
        // "X of Italy and his German counterpart": the person before the country.
        let mut k = owner - 2;
        if let Some((_, start, _)) = self
            .mention_span_at(s, k)
            .filter(|(e, _, _)| self.mentions.entities[*e].kind == EntityKind::Country)
        {
            if start >= 2 && lower[start - 1] == "of" {
                k = start - 2;
            }
        }
        let named = self.mention_at(s, k).filter(|&e| self.is_person(e))?;
        let other = self.counterpart(s, j, &[named])?;
        let mut group = self.conjoined_left(s, owner, named, true);
        group.retain(|&e| e != other);
        group.push(other);
        Some(group)
    }

    /// The country named right before the role word at `j`, with the token its name starts
    /// at: "Angolan President", "Russia's foreign minister", "the US Defence Secretary".
    pub(super) fn country_before_role(&self, s: usize, j: usize) -> Option<(usize, usize)> {
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
    pub(super) fn counterpart(&self, s: usize, j: usize, exclude: &[usize]) -> Option<usize> {
        let country = (j.saturating_sub(3)..j).find_map(|k| {
            self.mention_at(s, k)
                .filter(|&e| self.mentions.entities[e].kind == EntityKind::Country)
        })?;
        // "his Irish counterpart" with no Irish person named: the country is the side.
        self.person_of(country, exclude)
            .or(Some(country).filter(|c| !exclude.contains(c)))
    }

    /// The most mentioned person of a country, left out those in `exclude`.
    pub(super) fn person_of(&self, country: usize, exclude: &[usize]) -> Option<usize> {
        self.titled_person_of(country, None, exclude)
    }

    /// The most mentioned person of a country with a title naming `role` (any person when
    /// `None`), left out those in `exclude`.
    pub(super) fn titled_person_of(
        &self,
        country: usize,
        role: Option<&str>,
        exclude: &[usize],
    ) -> Option<usize> {
        self.most_mentioned((0..self.mentions.entities.len()).filter(|&e| {
            self.is_person(e)
                && !exclude.contains(&e)
                && self.mentions.entities[e].country == Some(country)
                && role.is_none_or(|role| self.titled_as(e, role))
        }))
    }

    /// Is the role noun at `j` part of an apposition to the name before it: "Hiro Tanabe, the
    /// Japanese prime minister,"? Then the name, not a description, is the actor.
    pub(super) fn in_apposition(&self, s: usize, j: usize) -> bool {
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

    /// The holder of the role noun at `j` when its name follows in apposition, after what the
    /// role is of or for: "the President of the Swiss Confederation, Guy Parmelin", "the head
    /// of the central bank, Irena Lisac", "the Ambassador of France to Chad Pierre Martin",
    /// "the Special Envoy for the Western Balkans, Gabriel Escobar"; with the token after the
    /// name.
    pub(super) fn holder_after_role(&self, s: usize, j: usize) -> Option<(usize, usize)> {
        let lower = &self.lower[s];
        // "the former Prime Minister and member of the Truce Centre, X": a title of two roles.
        if lower
            .get(j + 1)
            .is_none_or(|w| !matches!(*w, "of" | "for" | "and"))
        {
            return None;
        }
        let mut q = j + 2;
        while q < lower.len() && q < j + 20 {
            if let Some((entity, start, end)) = self.mention_span_at(s, q) {
                if self.is_person(entity) {
                    // ", X" or ", Gen. X"; without the comma, after a place or an institution
                    // ("of France to Chad Pierre Martin"), never after "of" (whose it is).
                    let comma = (start.saturating_sub(4)..start).any(|k| lower[k] == ",");
                    // "President of the Football Federation (FIFA) X": after an acronym too.
                    let after_name = start > 0
                        && !matches!(lower[start - 1], "of" | "the" | "and")
                        && (is_capitalised(self.words[s][start - 1])
                            || lower[start - 1] == ")"
                            || self.mention_at(s, start - 1).is_some());
                    return (comma || after_name).then_some((entity, end));
                }
                q = end;
                continue;
            }
            if !(matches!(
                lower[q],
                "," | "the" | "of" | "for" | "and" | "to" | "." | "member" | "(" | ")"
            ) || is(WordList::Role, lower[q])
                || is_capitalised(self.words[s][q]))
            {
                return None;
            }
            q += 1;
        }
        None
    }

    /// "delegation led by", "team headed by" from token `j` (the group noun, perhaps after
    /// a name: "a Hamas delegation"; perhaps with whom it is from: "a delegation of the
    /// Business Council led by"): the position of "by".
    pub(super) fn led_by_at(&self, s: usize, j: usize) -> Option<usize> {
        let lower = &self.lower[s];
        let group = (j..(j + 4).min(lower.len()))
            .find(|&k| matches!(lower[k], "delegation" | "team" | "mission"))?;
        let mut k = group + 1;
        if lower.get(k).is_some_and(|w| matches!(*w, "of" | "from")) {
            k += 1;
            if lower.get(k) == Some(&"the") {
                k += 1;
            }
            // "a delegation from Bao'an District, Shenzhen, led by": the places it is from,
            // perhaps unknown to the lexicon but capitalised.
            let from = k;
            while k < lower.len() && k < from + 8 {
                match self.mention_span_at(s, k) {
                    Some((entity, _, _)) if self.is_person(entity) => return None,
                    Some((_, _, end)) => k = end,
                    None if is_capitalised(self.words[s][k]) || lower[k] == "," && k > from => {
                        k += 1
                    }
                    None => break,
                }
            }
            if k == from {
                return None;
            }
        }
        (lower.get(k).is_some_and(|w| matches!(*w, "led" | "headed"))
            && lower.get(k + 1).is_some_and(|w| *w == "by"))
        .then_some(k + 1)
    }
}

/// Does the sentence open with a fronted phrase before its main clause ("In addition to ...,",
/// "On the sidelines of the meeting,", "During the talks,")?
fn opens_with_phrase(lower: &[&str]) -> bool {
    let opener = lower
        .iter()
        .find(|w| w.chars().any(char::is_alphanumeric))
        .copied()
        .unwrap_or("");
    matches!(
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
    )
}
