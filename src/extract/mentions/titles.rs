//! Titles and roles: the tokens before a name in, whether they make it a person's name out: a
//! title right before it ("Secretary Austin"), a title in the plural that introduces several
//! ("Defense Ministers X and Y"), a lowercase role noun ("spokesman John Kirby"); and the country
//! or institution that owns the role ("Russia's Chief of the General Staff").

use super::entities::Builder;
use super::shapes::{capitalise, is_capitalised};
use crate::findings::EntityKind;
use crate::lexicon::words::{is, WordList};
use crate::lexicon::{Lexicon, Target};

impl Builder<'_> {
    /// Is token `start` right after a title ("Secretary Austin", "Gen. Milley")?
    pub(super) fn title_right_before(&self, words: &[&str], start: usize) -> bool {
        start > 0
            && matches!(self.lexicon.match_at(words, start - 1), Some((1, t)) if t == [Target::Title])
    }

    /// Would a person's name start at token `j` (a title, or a name after one)?
    pub(super) fn is_person_start(&self, words: &[&str], j: usize) -> bool {
        matches!(self.lexicon.match_at(words, j), Some((_, t)) if t == [Target::Title])
            && !words
                .get(j + 1)
                .is_some_and(|w| self.lexicon.is_org_word(w))
    }

    /// Is `word` a title in the plural ("Ministers", "Secretaries", "Presidents")?
    pub(super) fn is_plural_title(&self, word: &str) -> bool {
        let singular = match word.strip_suffix("ies") {
            Some(stem) => format!("{stem}y"),
            None => match word.strip_suffix('s') {
                Some(stem) => stem.to_string(),
                None => return false,
            },
        };
        matches!(self.lexicon.match_at(&[singular.as_str()], 0), Some((1, t)) if t == [Target::Title])
    }

    /// A lowercase role noun right before the run: "spokesman John Kirby".
    pub(super) fn lowercase_title_before(&self, words: &[&str], start: usize) -> bool {
        start > 0
            && is(WordList::PersonNoun, &words[start - 1].to_lowercase())
            && !is_capitalised(words[start - 1])
    }

    /// The lowercase title right before the run, when the lexicon knows its noun as an office:
    /// "Cuban foreign minister X" has "foreign minister", "spokesman X" "spokesman"; a relation
    /// is none ("his counterpart X").
    pub(super) fn lowercase_office_before(&self, words: &[&str], start: usize) -> Option<String> {
        if !self.lowercase_title_before(words, start) {
            return None;
        }
        let office = capitalise(words[start - 1]);
        if !self
            .lexicon
            .match_at(&[office.as_str()], 0)
            .is_some_and(|(_, t)| t.contains(&Target::Title))
        {
            return None;
        }
        let first = (start.saturating_sub(3)..start)
            .rev()
            .take_while(|&k| {
                words[k].chars().all(|c| c.is_lowercase() || c == '-')
                    && !matches!(words[k], "the" | "a" | "an" | "and" | "of" | "for" | "to")
            })
            .last()
            .unwrap_or(start - 1);
        Some(words[first..start].join(" "))
    }

    /// Country of "X's" or "X’s" just before token `start`, or a demonym shortly before a
    /// lowercase title ("his Russian counterpart Gen. Valery Gerasimov").
    pub(super) fn owner_before(&mut self, s: usize, words: &[&str], start: usize) -> Option<usize> {
        let from = start.saturating_sub(4);
        for j in (from..start).rev() {
            let w = words[j];
            if w == "," && j + 1 < start {
                // Appositions: "Finland's military chief, Gen. Jarmo Lindberg"
                continue;
            }
            let possessive = w == "’s" || w == "'s";
            let hit = self.recent_mention(s, |m| {
                if possessive {
                    m.end == j
                } else {
                    m.start <= j && j < m.end
                }
            });
            if let Some(m) = hit {
                let entity = &self.out.entities[m.entity];
                // "Nissan's chief executive X": an institution owns a role only as a possessive.
                // "Siemens chief executive X": or right before a lowercase title.
                let title_between = j + 1 < start
                    && (j + 1..start).all(|k| !is_capitalised(words[k]))
                    && self.lowercase_title_before(words, start);
                if entity.kind == EntityKind::Country
                    || (possessive || title_between) && entity.kind == EntityKind::Institution
                {
                    return Some(m.entity);
                }
                return None;
            }
            if is_capitalised(w) || matches!(w, "." | ";" | ":" | "and" | "with" | "to" | "met") {
                return None;
            }
        }
        None
    }
}

/// Is token `j` a title written in lowercase before a name ("Riigikogu speaker Lauri Hussar",
/// "Gazprom chief Alexei Miller", "Putin aide Yuri Ushakov")? The word before it modifies the
/// title.
pub(in crate::extract) fn lowercase_title_before_name(
    lexicon: &Lexicon,
    words: &[&str],
    j: usize,
) -> bool {
    let (Some(word), Some(next)) = (words.get(j), words.get(j + 1)) else {
        return false;
    };
    if is_capitalised(word) || !is_capitalised(next) {
        return false;
    }
    let title = capitalise(word);
    is(WordList::Role, word)
        || is(WordList::PersonNoun, word)
        || matches!(lexicon.match_at(&[title.as_str()], 0), Some((1, t)) if t == [Target::Title])
}
