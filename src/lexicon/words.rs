//! The readers' word lists: `data/reader_words.tsv` in, a lookup of which lists a lowercase
//! word belongs to out.
//!
//! These are words of English news, not names: the nouns that point back to a pair ("the two
//! leaders"), the words that make a contact planned or denied, the words that may stand
//! between the names of a list, the words that say who else attended, the nouns and verbs
//! that show a capitalised word names a person ("spokesman X", "X said"). One word can be in
//! several lists; a lookup is one hash probe.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

const READER_WORDS: &str = include_str!("data/reader_words.tsv");

/// One list of `reader_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum WordList {
    Pair,
    Role,
    Break,
    Intent,
    Plan,
    Deny,
    Cancel,
    Generic,
    Filler,
    Separate,
    Attend,
    Host,
    Occasion,
    Report,
    PersonNoun,
    PersonVerb,
    ObjectVerb,
    MinistryDomain,
    Transitive,
    Joint,
    Unnamed,
    Meal,
    NameTitle,
    Gather,
    Sequence,
    Setting,
    Chair,
    Diplomat,
    Kin,
}

impl WordList {
    const ALL: [(WordList, &'static str); 29] = [
        (WordList::Pair, "pair"),
        (WordList::Role, "role"),
        (WordList::Break, "break"),
        (WordList::Intent, "intent"),
        (WordList::Plan, "plan"),
        (WordList::Deny, "deny"),
        (WordList::Cancel, "cancel"),
        (WordList::Generic, "generic"),
        (WordList::Filler, "filler"),
        (WordList::Separate, "separate"),
        (WordList::Attend, "attend"),
        (WordList::Host, "host"),
        (WordList::Occasion, "occasion"),
        (WordList::Report, "report"),
        (WordList::PersonNoun, "person_noun"),
        (WordList::PersonVerb, "person_verb"),
        (WordList::ObjectVerb, "object_verb"),
        (WordList::MinistryDomain, "ministry_domain"),
        (WordList::Transitive, "transitive"),
        (WordList::Joint, "joint"),
        (WordList::Unnamed, "unnamed"),
        (WordList::Meal, "meal"),
        (WordList::NameTitle, "name_title"),
        (WordList::Gather, "gather"),
        (WordList::Sequence, "sequence"),
        (WordList::Setting, "setting"),
        (WordList::Chair, "chair"),
        (WordList::Diplomat, "diplomat"),
        (WordList::Kin, "kin"),
    ];

    fn bit(self) -> u32 {
        1 << self as u8
    }
}

/// Whether lowercase `word` is in `list`.
#[inline]
pub fn is(list: WordList, word: &str) -> bool {
    table().get(word).is_some_and(|bits| bits & list.bit() != 0)
}

fn table() -> &'static HashMap<&'static str, u32> {
    static TABLE: OnceLock<HashMap<&'static str, u32>> = OnceLock::new();
    TABLE.get_or_init(|| parse(READER_WORDS).expect("built-in reader words"))
}

fn parse(text: &'static str) -> Result<HashMap<&'static str, u32>, String> {
    let mut table: HashMap<&'static str, u32> = HashMap::default();
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (list, word) = line
            .split_once('\t')
            .ok_or_else(|| format!("reader_words.tsv:{}: expected list<TAB>word", n + 1))?;
        let (list, _) = WordList::ALL
            .iter()
            .find(|(_, name)| *name == list)
            .ok_or_else(|| format!("reader_words.tsv:{}: unknown list {list:?}", n + 1))?;
        *table.entry(word).or_default() |= list.bit();
    }
    Ok(table)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_lists_parse_are_sorted_and_lowercase() {
        assert!(parse(READER_WORDS).is_ok());
        let rows: Vec<(&str, &str)> = READER_WORDS
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split_once('\t').unwrap())
            .collect();
        let mut sorted = rows.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            rows, sorted,
            "reader_words.tsv is kept sorted, without repeats"
        );
        assert!(rows.iter().all(|(_, w)| w.to_lowercase() == *w));
    }

    #[test]
    fn a_word_can_be_in_several_lists() {
        assert!(is(WordList::Plan, "invited") && is(WordList::Intent, "invited"));
        assert!(is(WordList::Pair, "leaders") && !is(WordList::Role, "leaders"));
        assert!(
            !is(WordList::Pair, "Leaders"),
            "lookups are of lowercase words"
        );
    }
}
