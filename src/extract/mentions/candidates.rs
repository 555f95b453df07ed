//! Person candidates: a capitalised phrase left over after institutions and titles in, a
//! person candidate with its evidence (a title, a verb of speaking or meeting next to it) out,
//! or nothing when the phrase names something else: a place ("North Africa", "Tel Aviv", "the
//! Bocharov Ruchei residence"), an event or document ("Hurricane Milton", "the Baltic Energy
//! Summit"), a common noun, an initial. A lone acronym is an institution unless it is a place in
//! capitals ("TEHRAN (Reuters) -") or a common abbreviation.

use super::entities::{Builder, PersonCandidate};
use super::shapes::{capitalise, is_acronym, is_capitalised, is_initial, NAME_SUFFIXES};
use super::titles::lowercase_title_before_name;
use crate::article::TokenKind;
use crate::findings::EntityKind;
use crate::lexicon::words::{is, WordList};
use crate::lexicon::{Target, ThingRole};
use crate::resolve::names::is_roman_numeral;

/// Unknown all-capital words that are not organisations.
const NOT_ACRONYMS: &[&str] = &[
    "AI", "AM", "CEO", "COVID", "DMZ", "GDP", "GMT", "II", "III", "IV", "OK", "PM", "TV", "UAV",
    "UTC", "US", "USA", "VIP",
];

impl Builder<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn name_chunk(
        &mut self,
        s: usize,
        words: &[&str],
        kinds: &[TokenKind],
        start: usize,
        end: usize,
        titles: &[String],
        titled: bool,
        country: Option<usize>,
        org: Option<(usize, bool)>,
        title_case: bool,
        before_thing: bool,
    ) {
        let chunk = &words[start..end];
        let last = chunk[chunk.len() - 1];
        // "the Olympic Museum", "Galwan Valley"; but after a title a place word is a surname
        // ("Minister Clara Hall").
        let titled_name = titled && chunk.len() >= 2 && self.lexicon.is_given_name(chunk[0]);
        if self.lexicon.is_place_word(last) && !titled_name
            || self.is_thing_head(last)
            || before_thing
        {
            return;
        }
        if self.names_no_person(words, start, end, titled) {
            return;
        }
        // "Jr." or "III" ends a name ("Lloyd J. Austin III", "Pope Leo XIV"); alone it is
        // none.
        let suffix = |w: &str| {
            NAME_SUFFIXES.contains(&w)
                || w.len() >= 2
                    && w.chars().all(char::is_uppercase)
                    && is_roman_numeral(&w.to_lowercase())
        };
        if chunk.len() == 1 && suffix(last) {
            return;
        }
        // Acronyms: institutions unless a lowercase word follows ("ATACMS missiles").
        if chunk.len() == 1 && is_acronym(last) {
            // A country, capital or place written in capitals, as datelines and shouted
            // headlines write them: "TEHRAN (Reuters) -", "NEW YORK —".
            let title = capitalise(&last.to_lowercase());
            if let Some((1, targets)) = self.lexicon.match_at(&[title.as_str()], 0) {
                if targets.iter().any(|t| matches!(t, Target::Country(..))) {
                    self.add_lexicon_mention(s, start, end, &targets, last, false);
                    return;
                }
            }
            let with_previous = start > 0 && is_acronym(words[start - 1]) && {
                let previous = capitalise(&words[start - 1].to_lowercase());
                self.lexicon.place(&format!("{previous} {title}")).is_some()
            };
            if self.lexicon.place(&title).is_some() || with_previous {
                return;
            }
            // A dateline: "ANKARA (Reuters) -", "WASHINGTON —".
            let dateline =
                start == 0 && matches!(words.get(end).copied(), Some("(" | "—" | "–" | "-" | ","));
            if NOT_ACRONYMS.contains(&last) || title_case || dateline {
                return;
            }
            let next = words.get(end).copied().unwrap_or("");
            let defines = (start >= 1 && words[start - 1] == "(")
                || (start >= 2 && words[start - 2] == "(" && words.get(end) == Some(&")"));
            if defines && words.get(end + 1).is_some_and(|w| self.is_thing_head(w)) {
                return;
            }
            let noun_follows = next.chars().next().is_some_and(char::is_lowercase)
                && !is(WordList::PersonVerb, next)
                && !matches!(next, "and" | "or" | "on" | "in" | "of");
            if noun_follows {
                return;
            }
            if defines {
                // "(SCO)": an alias of the institution just before.
                if let Some(m) = self.recent_mention(s, |m| m.end + 1 == start) {
                    let entity = m.entity;
                    if self.out.entities[entity].kind == EntityKind::Institution {
                        self.out.entities[entity].aliases.insert(last.to_string());
                        self.push_mention(s, start, end, entity);
                    }
                }
                return;
            }
            let entity = self.entity(EntityKind::Institution, last, last, None);
            self.push_mention(s, start, end, entity);
            return;
        }
        // "General MM Naravane", "medallist PV Sindhu": after a title, two or three capitals
        // before a surname are initials written without points.
        let initials = titled
            && chunk.len() >= 2
            && chunk[0].chars().count() <= 3
            && is_acronym(chunk[0])
            && !chunk[1..].iter().any(|w| is_acronym(w));
        if !initials && chunk.iter().any(|w| is_acronym(w) && !suffix(w)) && chunk.len() > 1 {
            return;
        }
        // "Truss-backing", "Kremlin-backed": a compound adjective, not a name ("Jong-un" is).
        let adjective = |w: &str| {
            w.split('-').skip(1).any(|part| {
                part.starts_with(|c: char| c.is_lowercase())
                    && (part.ends_with("ed") || part.ends_with("ing"))
            })
        };
        if chunk.iter().any(|w| adjective(w)) {
            return;
        }
        // "met Riigikogu speaker Lauri Hussar", "met Storting members": a lone word before a
        // lowercase title and a name, or before a group noun, modifies it; it is not the
        // verb's object.
        let attributive = chunk.len() == 1
            && (lowercase_title_before_name(self.lexicon, words, end)
                || words
                    .get(end)
                    .is_some_and(|w| is(WordList::Unnamed, w) || is(WordList::Pair, w)));
        let verb_before = !attributive && start > 0 && is(WordList::ObjectVerb, words[start - 1]);
        // "Boric was received by X": the guest of a host verb in the passive.
        let received = words.get(end) == Some(&"was")
            && words
                .get(end + 1)
                .is_some_and(|w| w.ends_with("ed") && is(WordList::Host, w));
        let verb_after = verb_before
            || received
            || words.get(end).is_some_and(|w| is(WordList::PersonVerb, w))
            || (matches!(words.get(end), Some(&"’s") | Some(&"'s"))
                && words.get(end + 1).is_some_and(|w| !is_capitalised(w)));
        let _ = kinds;
        // A lone word that is a known place ("Tibet", "Kerala") is a person only as the
        // surname of a full name of the article ("Austin" for "Lloyd Austin") or right after a
        // title ("Secretary Austin"), never on a verb's evidence alone.
        let place = chunk.len() == 1
            && self.lexicon.place(last).is_some()
            && !self.title_right_before(words, start);
        self.people.push(PersonCandidate {
            sentence: s,
            start,
            end,
            words: chunk.iter().map(|w| w.to_string()).collect(),
            titles: titles.to_vec(),
            titled,
            verb_after,
            country,
            org,
            title_case,
            place,
        });
    }

    /// Does the capitalised phrase `words[start..end]`, left over after institutions and
    /// titles, name something other than a person: a place, an event or document, an initial?
    /// Person decisions start here; the word lists are the lexicon's data.
    fn names_no_person(&self, words: &[&str], start: usize, end: usize, titled: bool) -> bool {
        let chunk = &words[start..end];
        let (first, last) = (chunk[0], chunk[chunk.len() - 1]);
        let lexicon = self.lexicon;
        // A lone initial ("F." before a title, "L" in a list) names nobody.
        if chunk.len() == 1 && (is_initial(first) || first.chars().count() == 1) {
            return true;
        }
        // "Hurricane Milton", "Operation Spiderweb": the first word says what it is.
        if chunk.len() >= 2 && lexicon.thing_word(first) == Some(ThingRole::Opener) {
            return true;
        }
        // "Euro-Atlantic Integration", "China-Sri Lanka Friendship": a noun of action or
        // state ends the phrase; no surname ends so (a given name like "Clement" may).
        if lexicon.has_thing_suffix(last) && !lexicon.is_given_name(last) {
            return true;
        }
        // "European Armies", "Defense Ministries", "Operating Procedures": a common noun in
        // the plural ends no name (a surname like "Banks" follows a known given name, one like
        // "Morales" a title).
        if chunk.len() >= 2
            && !titled
            && !lexicon.is_given_name(first)
            && !lexicon.is_given_name(last)
        {
            let lower = last.to_lowercase();
            let plural_of_common = [("ies", "y"), ("es", ""), ("s", "")]
                .iter()
                .filter_map(|(plural, one)| {
                    lower
                        .strip_suffix(plural)
                        .map(|stem| format!("{stem}{one}"))
                })
                .any(|one| one.len() >= 3 && lexicon.is_common_word(&one));
            if plural_of_common {
                return true;
            }
        }
        // "the Federal Republic of ...": common words only, with no title right before them,
        // name no one (a title earlier in the run belongs to the name after them).
        if !self.title_right_before(words, start)
            && chunk.iter().all(|w| lexicon.is_common_word(w))
            && chunk.len() >= 2
        {
            return true;
        }
        // "the Bocharov Ruchei residence", "the Nagorno Karabakh conflict": a name before a
        // lowercase noun of a place or a thing describes it ("the Putin meeting" may name a
        // person: contact words are left out).
        if words.get(end).is_some_and(|w| {
            !is_capitalised(w)
                && (lexicon.is_place_word(&capitalise(w))
                    || lexicon.thing_word(&capitalise(w)) == Some(ThingRole::Head)
                        && lexicon.contact_word(w).is_none())
        }) {
            return true;
        }
        // "North Africa", "Eastern Ladakh", "West African", "Middle East".
        if chunk.len() >= 2 && lexicon.is_place_opener(first) {
            return true;
        }
        // "Tel Aviv", "South Carolina": the whole phrase is a place of the gazetteer.
        if chunk.len() >= 2 && lexicon.place(&chunk.join(" ")).is_some() {
            return true;
        }
        // "Islamist President Mohamed Morsi", "House Minority Leader": a word right before a
        // capitalised title describes the person after it.
        if words.get(end).is_some_and(|w| is_capitalised(w))
            && self.title_right_before(words, end + 1)
        {
            return true;
        }
        // "in Aso Rock Villa", "at Hyderabad House": after a preposition of place, a phrase
        // of two or more names that opens with no known given name and has no title is a
        // place ("at Daniel Ortega", "in Joe Biden's" are people). Not after "the": news
        // writes "the Dalai Lama".
        let locative = start > 0
            && matches!(
                words[start - 1],
                "in" | "at" | "near" | "outside" | "inside"
            );
        let possessive = matches!(words.get(end), Some(&"’s") | Some(&"'s"));
        if locative && chunk.len() >= 2 && !titled && !possessive && !lexicon.is_given_name(first) {
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::extract::find_mentions;
    use crate::lexicon::Lexicon;

    /// The entities of `text` as "kind name".
    fn entities(lexicon: &Lexicon, text: &str) -> Vec<String> {
        let article = Article::parse("t.txt", text);
        find_mentions(lexicon, &article)
            .entities
            .into_iter()
            .filter(|e| e.mentions > 0)
            .map(|e| format!("{:?} {}", e.kind, e.name))
            .collect()
    }

    #[test]
    fn places_in_capitals_are_read_as_written_in_title_case() {
        let lexicon = Lexicon::builtin();
        // A capital or country in capitals is its country; another place is no entity.
        for (text, expected) in [
            (
                "TEHRAN (Reuters) - Officials said talks would resume.",
                vec!["Country Iran", "Institution Reuters"],
            ),
            (
                "Ministers of KENYA and Uganda met on Monday.",
                vec!["Country Kenya", "Country Uganda"],
            ),
            (
                "NEW YORK (Reuters) - Stocks rose on Monday.",
                vec!["Institution Reuters"],
            ),
            ("Crowds filled the streets of ALEPPO on Sunday.", vec![]),
            // Acronyms that are no place stay institutions.
            (
                "The ZKPQ said inspectors had left.",
                vec!["Institution ZKPQ"],
            ),
        ] {
            assert_eq!(entities(&lexicon, text), expected, "{text}");
        }
    }
}
