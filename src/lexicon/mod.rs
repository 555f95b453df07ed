//! General knowledge the extractor relies on: countries, well-known organisations, titles,
//! institution and place words, common English words and contact words; a gazetteer of places
//! and a list of given names generated from open data by `scripts/gen_lexicon.py`; words that
//! make a phrase name an event, a document or a place.
//!
//! The built-in tables are data files under `src/lexicon/data`, embedded at compile time; they
//! hold no person's name. A user adds their own entries with [`Lexicon::extend`] from a file in
//! the same formats (see README). Phrases are matched on token texts, case-sensitively.

use std::borrow::Cow;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub mod tokens;

use tokens::{tokenize, TokenKind};

pub mod weights;
pub mod words;

mod table;

use table::{line_count, lines, word_set};

/// A sovereign state.
#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub iso: String,
    /// The demonym used for "Russian Ministry of Defense"-style names: the first listed.
    pub demonym: Option<String>,
}

/// A named organisation from the built-in table or a user's file.
#[derive(Debug, Clone)]
pub struct Organisation {
    pub name: String,
    pub category: String,
    /// Index into [`Lexicon::countries`].
    pub country: Option<usize>,
}

/// How a phrase names a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountryForm {
    Name,
    Demonym,
    Capital,
}

/// What a lexicon phrase stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Country(usize, CountryForm),
    Organisation(usize),
    Title,
}

/// What kind of place a gazetteer name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Continent,
    /// A first-level administrative area: a state, province, oblast.
    Region,
    City,
}

/// How a word makes a capitalised phrase name a thing (an event, a document) rather than an
/// entity: see `data/thing_words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThingRole {
    /// The phrase ends with it: "Normandy Format Summit".
    Head,
    /// The phrase starts with it: "Hurricane Milton".
    Opener,
}

/// The class of a contact word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactWord {
    /// Names the channel: a call.
    Call,
    /// Names an in-person meeting.
    Meet,
    /// A conversation whose channel is not given.
    Talk,
    /// "discussed": a contact only between two named sides.
    Discuss,
}

#[derive(Debug, Clone)]
struct Phrase {
    tokens: Vec<String>,
    target: Target,
}

/// The phrases that start with one token.
#[derive(Debug, Clone, Default)]
struct PhraseStart {
    /// What the token alone stands for, in table order.
    alone: Vec<Target>,
    /// The phrases of two or more tokens by their second token: a common first token ("The",
    /// "Republic", "U.S.") starts dozens of phrases, a pair only a few.
    longer: HashMap<String, Vec<Phrase>>,
}

/// All general knowledge, indexed for matching.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub countries: Vec<Country>,
    pub organisations: Vec<Organisation>,
    phrases: HashMap<String, Vec<Phrase>>,
    /// The phrases again, indexed for matching by their first token.
    phrase_starts: HashMap<String, PhraseStart>,
    /// The first two bytes of every phrase's first token, as for `contact_prefixes`: most
    /// tokens (lowercase words, punctuation) start no phrase and are rejected before hashing.
    phrase_prefixes: Vec<u64>,
    org_words: HashSet<&'static str>,
    place_words: HashSet<&'static str>,
    /// Common English words and the function words, lowercase.
    common_words: HashSet<&'static str>,
    contact_words: HashMap<String, ContactWord>,
    /// Gazetteer names as written ("Tel Aviv"), with their kind.
    places: HashMap<&'static str, PlaceKind>,
    /// Words that open a place name made with another: "North", "Eastern".
    place_openers: HashSet<&'static str>,
    given_names: HashSet<&'static str>,
    thing_words: HashMap<&'static str, ThingRole>,
    /// Endings of nouns of action or state ("-tion", "-ship"), never of a surname.
    thing_suffixes: Vec<String>,
    /// The first two bytes of every contact word, one bit each: most words of a text are
    /// rejected without lowercasing or hashing them.
    contact_prefixes: Vec<u64>,
    country_by_name: HashMap<String, usize>,
}

/// An error in a lexicon file: the line and what is wrong with it.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

const COUNTRIES: &str = include_str!("data/countries.tsv");
const ORGANISATIONS: &str = include_str!("data/organisations.tsv");
const TITLES: &str = include_str!("data/titles.txt");
const ORG_WORDS: &str = include_str!("data/org_words.txt");
const PLACE_WORDS: &str = include_str!("data/place_words.txt");
const COMMON_WORDS: &str = include_str!("data/common_words.txt");
const CONTACT_WORDS: &str = include_str!("data/contact_words.tsv");
const PLACES: &str = include_str!("data/places.tsv");
const PLACE_OPENERS: &str = include_str!("data/place_openers.txt");
const GIVEN_NAMES: &str = include_str!("data/given_names.txt");
const THING_WORDS: &str = include_str!("data/thing_words.tsv");

impl Lexicon {
    /// The built-in lexicon. Its data is checked by unit tests, so this cannot fail.
    pub fn builtin() -> Lexicon {
        let mut lexicon = Lexicon::default();
        lexicon
            .load_countries("countries.tsv", COUNTRIES)
            .expect("built-in countries");
        lexicon
            .load_organisations("organisations.tsv", ORGANISATIONS)
            .expect("built-in organisations");
        for title in lines(TITLES) {
            lexicon.add_phrase(title.1, Target::Title);
        }
        lexicon.org_words = word_set(ORG_WORDS);
        lexicon.place_words = word_set(PLACE_WORDS);
        // Function words count as common, whatever the list says: one set holds both.
        lexicon.common_words = word_set(COMMON_WORDS);
        lexicon.common_words.extend(FUNCTION_WORDS);
        lexicon
            .load_contact_words("contact_words.tsv", CONTACT_WORDS)
            .expect("built-in contact words");
        lexicon
            .load_places("places.tsv", PLACES)
            .expect("built-in places");
        lexicon.place_openers = word_set(PLACE_OPENERS);
        lexicon.given_names = word_set(GIVEN_NAMES);
        lexicon
            .load_thing_words("thing_words.tsv", THING_WORDS)
            .expect("built-in thing words");
        lexicon
    }

    /// Adds a user's entries. The file has sections `[countries]`, `[organisations]` and
    /// `[titles]`, each in the format of the built-in file of that name.
    pub fn extend(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        let mut section = String::new();
        let mut chunk = String::new();
        let flush = |section: &str, chunk: &mut String, lexicon: &mut Lexicon| {
            let result = match section {
                "countries" => lexicon.load_countries(file, chunk),
                "organisations" | "organizations" => lexicon.load_organisations(file, chunk),
                "titles" => {
                    for (_, title) in lines(chunk) {
                        lexicon.add_phrase(title, Target::Title);
                    }
                    Ok(())
                }
                _ if chunk.trim().is_empty() => Ok(()),
                other => Err(LexiconError {
                    file: file.to_string(),
                    line: 0,
                    message: format!(
                        "unknown section [{other}]; use [countries], [organisations] or [titles]"
                    ),
                }),
            };
            chunk.clear();
            result
        };
        for line in text.lines() {
            let trimmed = line.trim();
            if trimmed.starts_with('[') && trimmed.ends_with(']') {
                flush(&section, &mut chunk, self)?;
                section = trimmed[1..trimmed.len() - 1].trim().to_lowercase();
                chunk.push('\n');
            } else {
                chunk.push_str(line);
                chunk.push('\n');
            }
        }
        flush(&section, &mut chunk, self)
    }

    /// The longest phrase starting at token `i` of `words`: its length and what it stands for.
    pub fn match_at(&self, words: &[&str], i: usize) -> Option<(usize, Vec<Target>)> {
        if !may_start(&self.phrase_prefixes, phrase_prefix(words[i])) {
            return None;
        }
        let start = self.phrase_starts.get(phrase_key(words[i]).as_ref())?;
        // A phrase of two or more tokens is longer than the token alone: those are tried
        // first, among the few that share the second token too.
        let longer = words
            .get(i + 1)
            .and_then(|second| start.longer.get(phrase_key(second).as_ref()));
        longest_match(longer.into_iter().flatten(), words, i)
            .or_else(|| (!start.alone.is_empty()).then(|| (1, start.alone.clone())))
    }

    pub fn is_org_word(&self, word: &str) -> bool {
        self.org_words.contains(word)
    }

    pub fn is_place_word(&self, word: &str) -> bool {
        self.place_words.contains(word)
    }

    /// The kind of place this name (words joined by single spaces, as written) stands for.
    pub fn place(&self, name: &str) -> Option<PlaceKind> {
        self.places.get(name).copied()
    }

    /// Does `word` open place names made with another ("North Africa", "Eastern Ladakh")?
    pub fn is_place_opener(&self, word: &str) -> bool {
        self.place_openers.contains(word)
    }

    /// Is `word`, as written, a known given name ("Antony", "Olaf")?
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// How `word` makes a capitalised phrase name a thing, if it does.
    pub fn thing_word(&self, word: &str) -> Option<ThingRole> {
        self.thing_words.get(word).copied()
    }

    /// Does `word` end like a noun of action or state ("Integration", "Friendship")?
    pub fn has_thing_suffix(&self, word: &str) -> bool {
        self.thing_suffixes
            .iter()
            .any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix.as_str()))
    }

    /// Is the lowercase form of `word` a common English word?
    pub fn is_common_word(&self, word: &str) -> bool {
        // Short ASCII words (nearly all) are lowercased on the stack.
        let mut buffer = [0u8; 32];
        let lower = match buffer.get_mut(..word.len()) {
            Some(bytes) if word.is_ascii() => {
                bytes.copy_from_slice(word.as_bytes());
                bytes.make_ascii_lowercase();
                Cow::Borrowed(std::str::from_utf8(bytes).expect("ASCII"))
            }
            _ => lowercase(word),
        };
        self.common_words.contains(lower.as_ref())
            || has_common_suffix(&lower) && !self.is_given_name(word)
    }

    /// The class of a contact word, in any case.
    #[inline]
    pub fn contact_word(&self, word: &str) -> Option<ContactWord> {
        // Asked of every word of an article: the prefix test, inlined, answers most.
        if !may_start(&self.contact_prefixes, prefix(word, true)) {
            return None;
        }
        self.contact_word_in_table(word)
    }

    fn contact_word_in_table(&self, word: &str) -> Option<ContactWord> {
        self.contact_words.get(lowercase(word).as_ref()).copied()
    }

    /// The country of this canonical name or ISO code.
    pub fn country(&self, name: &str) -> Option<usize> {
        self.country_by_name.get(name).copied()
    }

    fn add_phrase(&mut self, text: &str, target: Target) {
        let tokens: Vec<String> = tokenize(text, 0, text.len())
            .iter()
            .map(|t| match t.kind {
                TokenKind::Possessive => "'s".to_string(),
                _ => phrase_key(&text[t.start..t.end]).into_owned(),
            })
            .collect();
        if tokens.is_empty() {
            return;
        }
        remember_prefix(&mut self.phrase_prefixes, phrase_prefix(&tokens[0]));
        let entry = self.phrases.entry(tokens[0].clone()).or_default();
        if !entry
            .iter()
            .any(|p| p.tokens == tokens && p.target == target)
        {
            let start = self.phrase_starts.entry(tokens[0].clone()).or_default();
            if tokens.len() == 1 {
                // Unique: (tokens, target) pairs are.
                start.alone.push(target);
            } else {
                start
                    .longer
                    .entry(tokens[1].clone())
                    .or_default()
                    .push(Phrase {
                        tokens: tokens.clone(),
                        target,
                    });
            }
            entry.push(Phrase { tokens, target });
        }
    }

    fn load_countries(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (line, row) in lines(text) {
            let fields: Vec<&str> = row.split('\t').collect();
            if fields.len() < 3 {
                return Err(error(
                    file,
                    line,
                    "a country needs name, iso2 and names, TAB-separated",
                ));
            }
            let list = |i: usize| -> Vec<&str> {
                fields
                    .get(i)
                    .map(|f| {
                        f.split('|')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .collect()
                    })
                    .unwrap_or_default()
            };
            let index = self.countries.len();
            let demonyms = list(3);
            self.countries.push(Country {
                name: fields[0].trim().to_string(),
                iso: fields[1].trim().to_string(),
                demonym: demonyms.first().map(|d| d.to_string()),
            });
            self.country_by_name
                .insert(fields[0].trim().to_string(), index);
            self.country_by_name
                .insert(fields[1].trim().to_string(), index);
            self.add_phrase(fields[0].trim(), Target::Country(index, CountryForm::Name));
            for name in list(2) {
                self.add_phrase(name, Target::Country(index, CountryForm::Name));
            }
            for demonym in demonyms {
                self.add_phrase(demonym, Target::Country(index, CountryForm::Demonym));
            }
            for capital in list(4) {
                self.add_phrase(capital, Target::Country(index, CountryForm::Capital));
            }
        }
        Ok(())
    }

    fn load_organisations(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (line, row) in lines(text) {
            let fields: Vec<&str> = row.split('\t').collect();
            if fields.len() < 4 {
                return Err(error(
                    file,
                    line,
                    "an organisation needs name, kind, country and aliases, TAB-separated",
                ));
            }
            let country =
                match fields[2].trim() {
                    "" => None,
                    code => Some(self.country(code).ok_or_else(|| {
                        error(file, line, &format!("unknown country code {code:?}"))
                    })?),
                };
            let index = self.organisations.len();
            self.organisations.push(Organisation {
                name: fields[0].trim().to_string(),
                category: fields[1].trim().to_string(),
                country,
            });
            self.add_phrase(fields[0].trim(), Target::Organisation(index));
            for alias in fields[3]
                .split('|')
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                self.add_phrase(alias, Target::Organisation(index));
            }
        }
        Ok(())
    }

    fn load_contact_words(&mut self, file: &str, text: &str) -> Result<(), LexiconError> {
        for (line, row) in lines(text) {
            let (word, class) = row
                .split_once('\t')
                .ok_or_else(|| error(file, line, "expected word<TAB>class"))?;
            let class = match class.trim() {
                "call" => ContactWord::Call,
                "meet" => ContactWord::Meet,
                "talk" => ContactWord::Talk,
                "discuss" => ContactWord::Discuss,
                other => {
                    return Err(error(
                        file,
                        line,
                        &format!("unknown contact class {other:?}"),
                    ))
                }
            };
            let word = word.trim().to_lowercase();
            remember_prefix(&mut self.contact_prefixes, prefix(&word, false));
            self.contact_words.insert(word, class);
        }
        Ok(())
    }
}

impl Lexicon {
    fn load_places(&mut self, file: &str, text: &'static str) -> Result<(), LexiconError> {
        self.places.reserve(line_count(text));
        for (line, row) in lines(text) {
            let (name, kind) = row
                .split_once('\t')
                .ok_or_else(|| error(file, line, "expected name<TAB>kind"))?;
            let kind = match kind.trim() {
                "continent" => PlaceKind::Continent,
                "region" => PlaceKind::Region,
                "city" => PlaceKind::City,
                other => return Err(error(file, line, &format!("unknown place kind {other:?}"))),
            };
            self.places.insert(name.trim(), kind);
        }
        Ok(())
    }

    fn load_thing_words(&mut self, file: &str, text: &'static str) -> Result<(), LexiconError> {
        for (line, row) in lines(text) {
            let (word, role) = row
                .split_once('\t')
                .ok_or_else(|| error(file, line, "expected word<TAB>role"))?;
            let word = word.trim();
            match role.trim() {
                "head" => {
                    self.thing_words.insert(word, ThingRole::Head);
                }
                "opener" => {
                    self.thing_words.insert(word, ThingRole::Opener);
                }
                "suffix" => self.thing_suffixes.push(word.to_string()),
                other => return Err(error(file, line, &format!("unknown role {other:?}"))),
            }
        }
        Ok(())
    }
}

/// The longest of `phrases` that starts at token `i` of `words`, with the targets of all the
/// phrases of that length in their order.
fn longest_match<'p>(
    phrases: impl Iterator<Item = &'p Phrase>,
    words: &[&str],
    i: usize,
) -> Option<(usize, Vec<Target>)> {
    let mut best: Option<(usize, Vec<Target>)> = None;
    for phrase in phrases {
        let n = phrase.tokens.len();
        if i + n > words.len() {
            continue;
        }
        let matches = phrase
            .tokens
            .iter()
            .zip(&words[i..i + n])
            .all(|(a, b)| *a == *phrase_key(b));
        if !matches {
            continue;
        }
        match &mut best {
            Some((len, targets)) if *len == n => {
                if !targets.contains(&phrase.target) {
                    targets.push(phrase.target)
                }
            }
            Some((len, _)) if *len > n => {}
            _ => best = Some((n, vec![phrase.target])),
        }
    }
    best
}

/// Function words that are never names, whatever the common-word list says.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "as", "at", "before", "both", "but",
    "by", "during", "each", "either", "for", "from", "he", "her", "his", "however", "i", "if",
    "in", "into", "it", "its", "last", "neither", "no", "nor", "not", "of", "on", "one", "or",
    "our", "she", "since", "so", "some", "such", "than", "that", "the", "their", "then", "there",
    "these", "they", "this", "those", "though", "to", "under", "until", "we", "what", "when",
    "where", "which", "while", "who", "why", "with", "without", "yet", "you", "your",
];

/// Phrases are matched with apostrophes unified and possessives as "'s". Borrows the word
/// when it has no curly apostrophe (nearly always), so matching allocates nothing.
fn phrase_key(word: &str) -> Cow<'_, str> {
    // The curly apostrophe is the only character rewritten: ASCII words are their own key.
    if word.is_ascii() {
        return Cow::Borrowed(word);
    }
    if word == "’s" || word == "’S" {
        return Cow::Borrowed("'s");
    }
    if word.contains('’') {
        Cow::Owned(word.replace('’', "'"))
    } else {
        Cow::Borrowed(word)
    }
}

/// The first two bytes of `word` (lowercased with `lower`; a second byte 0 for a one-byte
/// word) as an index into 2^16 bits, when both are ASCII. An ASCII letter lowercases to one
/// ASCII letter whatever follows it, so a word whose prefix bit is clear cannot be a key of
/// the table. None (no verdict) otherwise.
fn prefix(word: &str, lower: bool) -> Option<usize> {
    let bytes = word.as_bytes();
    let first = *bytes.first()?;
    let second = bytes.get(1).copied().unwrap_or(0);
    if !(first.is_ascii() && second.is_ascii()) {
        return None;
    }
    let (first, second) = if lower {
        (first.to_ascii_lowercase(), second.to_ascii_lowercase())
    } else {
        (first, second)
    };
    Some(usize::from(first) << 8 | usize::from(second))
}

/// The first two bytes of `word` (a second byte 0 for a one-byte word) as an index into 2^16
/// bits, for the case-sensitive phrase table. [`phrase_key`] rewrites only the curly
/// apostrophe, whose first byte is 0xE2: a word with that byte in its first two has no
/// verdict (None); any other word starts with the same two bytes as its key.
fn phrase_prefix(word: &str) -> Option<usize> {
    let bytes = word.as_bytes();
    let first = *bytes.first()?;
    let second = bytes.get(1).copied().unwrap_or(0);
    if first == 0xe2 || second == 0xe2 {
        return None;
    }
    Some(usize::from(first) << 8 | usize::from(second))
}

/// Could a key of the table with these prefix bits start like this word?
fn may_start(bits: &[u64], prefix: Option<usize>) -> bool {
    match prefix {
        Some(p) => bits.get(p / 64).is_some_and(|b| b & (1 << (p % 64)) != 0),
        None => true,
    }
}

/// Sets the bit of a key's prefix (taken from the key in the table's form);
/// a key without a prefix sets every bit (nothing can be rejected).
fn remember_prefix(bits: &mut Vec<u64>, prefix: Option<usize>) {
    if bits.is_empty() {
        *bits = vec![0; (1 << 16) / 64];
    }
    match prefix {
        Some(p) => bits[p / 64] |= 1 << (p % 64),
        None => bits.fill(u64::MAX),
    }
}

/// The lowercase form of a word with apostrophes unified, borrowed when the word is already
/// that (most words of a text), so lookups allocate nothing.
fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else if word.is_ascii() {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Owned(word.to_lowercase().replace('’', "'"))
    }
}

fn error(file: &str, line: usize, message: &str) -> LexiconError {
    LexiconError {
        file: file.to_string(),
        line,
        message: message.to_string(),
    }
}

/// English derivational endings no name has: "Infectious", "Progressives", "Communism",
/// "Cardiology", "Federation" are words of English, whether the list has them or not.
fn has_common_suffix(lower: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "tious", "xious", "eous", "uous", "ism", "isms", "ists", "ology", "ologies", "ation",
        "ations", "ution", "utions", "ities", "ives", "ness", "ships",
    ];
    lower.len() >= 7 && SUFFIXES.iter().any(|suffix| lower.ends_with(suffix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted_unique(name: &str, text: &str) {
        let keys: Vec<String> = lines(text)
            .map(|(_, l)| l.split('\t').next().unwrap().to_lowercase())
            .collect();
        for pair in keys.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} must come after {:?} (sorted, unique)",
                pair[1],
                pair[0]
            );
        }
    }

    #[test]
    fn data_files_are_sorted_and_unique() {
        sorted_unique("countries.tsv", COUNTRIES);
        sorted_unique("organisations.tsv", ORGANISATIONS);
        sorted_unique("titles.txt", TITLES);
        sorted_unique("org_words.txt", ORG_WORDS);
        sorted_unique("place_words.txt", PLACE_WORDS);
        sorted_unique("common_words.txt", COMMON_WORDS);
        sorted_unique("contact_words.tsv", CONTACT_WORDS);
        sorted_unique("places.tsv", PLACES);
        sorted_unique("place_openers.txt", PLACE_OPENERS);
        sorted_unique("given_names.txt", GIVEN_NAMES);
        sorted_unique("thing_words.tsv", THING_WORDS);
    }

    #[test]
    fn given_names_are_single_words_and_not_common_words() {
        let lexicon = Lexicon::builtin();
        for (_, name) in lines(GIVEN_NAMES) {
            assert!(
                name.chars().all(char::is_alphabetic) && is_capitalised_word(name),
                "{name:?} is not one capitalised word"
            );
            assert!(!lexicon.is_common_word(name), "{name:?} is a common word");
        }
        assert!(lexicon.is_given_name("Antony"));
        assert!(!lexicon.is_given_name("antony"));
        assert!(!lexicon.is_given_name("Summit"));
    }

    #[test]
    fn gazetteer_finds_cities_regions_and_continents() {
        let lexicon = Lexicon::builtin();
        assert_eq!(lexicon.place("Tel Aviv"), Some(PlaceKind::Region));
        assert_eq!(lexicon.place("Europe"), Some(PlaceKind::Continent));
        assert_eq!(lexicon.place("South Carolina"), Some(PlaceKind::Region));
        assert_eq!(lexicon.place("Aachen"), Some(PlaceKind::City));
        // Countries stay in countries.tsv; common words are no place on their own.
        assert_eq!(lexicon.place("France"), None);
        assert_eq!(lexicon.place("Split"), None);
        assert!(lexicon.is_place_opener("Eastern"));
        assert_eq!(lexicon.thing_word("Summit"), Some(ThingRole::Head));
        assert_eq!(lexicon.thing_word("Hurricane"), Some(ThingRole::Opener));
        assert!(lexicon.has_thing_suffix("Integration"));
        assert!(lexicon.has_thing_suffix("Friendship"));
        assert!(!lexicon.has_thing_suffix("Zion"));
    }

    fn is_capitalised_word(word: &str) -> bool {
        word.chars().next().is_some_and(char::is_uppercase)
    }

    #[test]
    fn no_alias_names_two_countries_or_two_organisations() {
        let lexicon = Lexicon::builtin();
        for phrases in lexicon.phrases.values() {
            for a in phrases {
                for b in phrases {
                    let clash = match (a.target, b.target) {
                        (Target::Country(x, _), Target::Country(y, _)) => x != y,
                        (Target::Organisation(x), Target::Organisation(y)) => x != y,
                        _ => false,
                    };
                    assert!(
                        !(a.tokens == b.tokens && clash),
                        "alias {:?} names two entries",
                        a.tokens
                    );
                }
            }
        }
    }

    #[test]
    fn contact_words_are_found_in_any_case_and_others_are_not() {
        let lexicon = Lexicon::builtin();
        for (_, row) in lines(CONTACT_WORDS) {
            let word = row.split('\t').next().unwrap().trim();
            let capitalised = format!("{}{}", word[..1].to_uppercase(), &word[1..]);
            for form in [word.to_string(), capitalised, word.to_uppercase()] {
                assert!(lexicon.contact_word(&form).is_some(), "{form}");
            }
        }
        for word in [
            "",
            "a",
            "the",
            "said",
            "Minister",
            "calling-card",
            "métier",
            "Ökonom",
        ] {
            assert!(lexicon.contact_word(word).is_none(), "{word}");
        }
    }

    #[test]
    fn builtin_lexicon_finds_countries_organisations_and_titles() {
        let lexicon = Lexicon::builtin();
        let words = [
            "the", "U.S.", "and", "Joint", "Chiefs", "of", "Staff", "Gen.", "Mark", "Russian",
        ];
        assert!(
            matches!(lexicon.match_at(&words, 1), Some((1, t)) if matches!(t[0], Target::Country(_, CountryForm::Name)))
        );
        assert!(
            matches!(lexicon.match_at(&words, 3), Some((4, t)) if matches!(t[0], Target::Organisation(_)))
        );
        assert!(matches!(lexicon.match_at(&words, 7), Some((1, t)) if t == [Target::Title]));
        assert!(lexicon.match_at(&words, 8).is_none());
        assert!(
            matches!(lexicon.match_at(&words, 9), Some((1, t)) if matches!(t[0], Target::Country(_, CountryForm::Demonym)))
        );
    }

    #[test]
    fn phrase_prefilter_keeps_non_ascii_and_curly_apostrophe_phrases() {
        let lexicon = Lexicon::builtin();
        // A first token that starts with a non-ASCII letter.
        assert!(matches!(lexicon.match_at(&["Élysée"], 0), Some((1, _))));
        // Curly and straight apostrophes and possessives inside a phrase.
        for apostrophe in ["'s", "’s"] {
            let words = ["Korean", "People", apostrophe, "Army"];
            assert!(matches!(lexicon.match_at(&words, 0), Some((4, _))));
        }
        for word in ["", ",", "the", "said", "’", "’s", "Zzyzx"] {
            assert!(lexicon.match_at(&[word], 0).is_none(), "{word:?}");
        }
    }

    #[test]
    fn user_file_adds_entries_and_reports_bad_lines() {
        let mut lexicon = Lexicon::builtin();
        lexicon
            .extend(
                "mine.txt",
                "[organisations]\nAcme Works\tcompany\tUS\tAcme Works|Acme\n",
            )
            .unwrap();
        assert!(lexicon.match_at(&["Acme"], 0).is_some());
        let err = lexicon
            .extend("mine.txt", "[organisations]\nBroken line\n")
            .unwrap_err();
        assert_eq!(
            err.to_string(),
            "mine.txt:2: an organisation needs name, kind, country and aliases, TAB-separated"
        );
    }
}
