//! Entity resolution: which article-local entities are one real entity.
//!
//! In: the entities of each article, one article at a time. Out: the id of the graph node each
//! belongs to. Names are compared in a folded form (no diacritics, lowercase, no punctuation,
//! no initials or suffixes), so "Sauli Niinistö" and "Sauli Niinisto" are one key. A lone
//! surname joins the one full name it fits across the graph (its initials, if written, fitting
//! the given names; no other country), never a guess among several. A lone first word ("Xi")
//! joins the one full name it opens only when the articles agree on a country, a title or a
//! person met the same week.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;

use unicode_normalization::UnicodeNormalization;

use chrono::Datelike;

use crate::findings::{ArticleGraph, EntityKind, LocalEntity, Status};

pub mod names;
mod settle;

use names::transliteration_key;

/// Lowercase, without diacritics or apostrophes: "Niinistö" -> "niinisto".
pub fn fold(text: &str) -> String {
    // ASCII has no diacritics to strip and no curly apostrophes (most names, every slug of a
    // lexicon entry): the same result without the Unicode decomposition.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

/// The folded words of a person's name without initials, particles, suffixes or titles:
/// "John F. Kerry Jr." -> "john kerry", "Bashar al-Assad" -> "bashar assad".
pub fn person_key(name: &str) -> String {
    // One name is keyed many times over (each mention, each article, each resolving step):
    // a cache per thread keeps that to once. The key is a pure function of the name, so
    // the cache changes no result; it is emptied when it grows past a bound.
    thread_local! {
        static KEYS: std::cell::RefCell<FxHashMap<Box<str>, Box<str>>> =
            std::cell::RefCell::new(FxHashMap::default());
    }
    const BOUND: usize = 1 << 16;
    KEYS.with(|keys| {
        if let Some(key) = keys.borrow().get(name) {
            return key.to_string();
        }
        let key = name_words(name, true);
        let mut keys = keys.borrow_mut();
        if keys.len() >= BOUND {
            keys.clear();
        }
        keys.insert(name.into(), key.as_str().into());
        key
    })
}

/// [`person_key`] without folding transliteration variants together: "sergey shoigu".
pub fn plain_key(name: &str) -> String {
    name_words(name, false)
}

fn name_words(name: &str, transliterate: bool) -> String {
    let folded = fold(&split_camel_particle(name));
    let mut words: Vec<String> = Vec::new();
    for word in folded.split(|c: char| c.is_whitespace() || c == ',' || c == '-') {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() || matches!(word, "jr" | "sr" | "ii" | "iii" | "iv") {
            continue;
        }
        let word = ["al-", "el-", "ad-", "as-"]
            .iter()
            .find_map(|p| word.strip_prefix(p))
            .unwrap_or(word);
        // Initials, one ("f") or a run of them ("a.k"), are not part of the key.
        let initials = word.split('.').all(|l| l.chars().count() == 1);
        if matches!(word, "al" | "el" | "bin" | "ibn" | "bint") || initials {
            continue;
        }
        words.push(word.replace(['\'', '.'], ""));
    }
    if !transliterate {
        return words.join(" ");
    }
    // A surname's particles stay with it ("von der Leyen", "de Guindos", "Di Maio"), so the
    // surname written alone is still the surname.
    let mut glued: Vec<String> = Vec::with_capacity(words.len());
    let mut pending = String::new();
    let last = words.len().saturating_sub(1);
    for (i, word) in words.into_iter().enumerate() {
        if i < last && is_particle(&word) {
            pending.push_str(&word);
            continue;
        }
        glued.push(transliteration_key(&format!("{pending}{word}")));
        pending.clear();
    }
    glued.join(" ")
}

/// A particle of a surname: "von", "van", "der", "de", "da", "di", "du", "del", "la", "le".
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "von"
            | "van"
            | "vom"
            | "der"
            | "den"
            | "de"
            | "da"
            | "das"
            | "dos"
            | "di"
            | "du"
            | "del"
            | "della"
            | "la"
            | "le"
            | "ter"
            | "ten"
            | "zu"
    )
}

/// "ElBaradei" and "AlSaud" are "El Baradei" and "Al Saud": the Arabic article written onto
/// the name.
fn split_camel_particle(name: &str) -> std::borrow::Cow<'_, str> {
    let camel = |word: &str| {
        let mut chars = word.chars();
        matches!(
            (chars.next(), chars.next(), chars.next(), chars.next()),
            (Some('A' | 'E'), Some('l'), Some(c), Some(_)) if c.is_uppercase()
        )
    };
    if !name.split_whitespace().any(camel) {
        return name.into();
    }
    name.split_whitespace()
        .map(|w| if camel(w) { &w[2..] } else { w })
        .collect::<Vec<_>>()
        .join(" ")
        .into()
}

/// A readable id part: "Valery Gerasimov" -> "valery-gerasimov".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in fold(text).chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Optimal string alignment distance (edits and adjacent transpositions).
pub fn osa_distance(a: &str, b: &str) -> usize {
    osa_bounded(a, b, usize::MAX)
}

/// Is the [`osa_distance`] of `a` and `b` at most `limit`? The same answer, at once when
/// their lengths differ by more (each letter more is an edit), and without filling the rest
/// of the table once two of its rows exceed the limit.
pub fn osa_within(a: &str, b: &str, limit: usize) -> bool {
    a.chars().count().abs_diff(b.chars().count()) <= limit && osa_bounded(a, b, limit) <= limit
}

/// The OSA distance of `a` and `b` when it is at most `limit`, else a number above `limit`.
fn osa_bounded(a: &str, b: &str, limit: usize) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the table at a time: the two before and the one being filled. No cell
    // of a row is less than the least of the row before, or of the one before that plus
    // one (a transposition), so once two rows in a row exceed the limit, all the rest do.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    let mut row: Vec<usize> = vec![0; b.len() + 1];
    // The least of the row before (the first row's is 0).
    let mut least_before = 0;
    for i in 1..=a.len() {
        row[0] = i;
        let mut least = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
            least = least.min(row[j]);
        }
        if least > limit && least_before > limit {
            return limit.saturating_add(1);
        }
        least_before = least;
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut row);
    }
    last[b.len()]
}

/// The given names that are short forms of one another ("mike" and "michael"), each word
/// mapped to the full forms it may stand for.
fn given_names() -> &'static BTreeMap<String, Vec<String>> {
    static TABLE: OnceLock<BTreeMap<String, Vec<String>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for line in include_str!("../lexicon/data/given_names.tsv").lines() {
            let Some((full, short)) = line.split_once('\t') else {
                continue;
            };
            let full = transliteration_key(full);
            for word in std::iter::once(full.as_str()).chain(short.split(' ')) {
                table
                    .entry(transliteration_key(word))
                    .or_default()
                    .push(full.clone());
            }
        }
        table
    })
}

/// Is a given name (as in a [`person_key`]) a short form ("mike", not "michael")? Full names
/// are announced first, so a node takes its id from the full form.
pub fn is_short_given_name(word: &str) -> bool {
    given_names()
        .get(word)
        .is_some_and(|full| !full.iter().any(|f| f == word))
}

/// Can two given names (as in a [`person_key`]) be one person's? "mike" and "michael" can,
/// "charles" and "gordon" cannot.
pub fn given_names_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let table = given_names();
    match (table.get(a), table.get(b)) {
        (Some(x), Some(y)) => x.iter().any(|f| y.contains(f)),
        _ => false,
    }
}

/// A name's folded words, all of them: "Donald Trump Jr." -> "donald trump jr".
pub fn exact_key(name: &str) -> String {
    fold(name)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A person's name as `explain` compares it with another's: its key ([`person_key`]) and,
/// when it is a regnal or honorific name, its regnal key ([`names::regnal_key`], with the
/// person's titles as [`folded_titles`] gives them). Worked out once a person, so a store
/// keeps them (`person_keys`) and a comparison with every person reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameKeys {
    pub key: String,
    pub regnal: Option<String>,
}

impl NameKeys {
    /// The keys of the person named `name` with `titles`.
    pub fn of(name: &str, titles: &[String]) -> NameKeys {
        NameKeys {
            key: person_key(name),
            regnal: names::regnal_key(name, &folded_titles(titles)),
        }
    }
}

/// Titles as names are compared with them: folded, without periods.
pub fn folded_titles(titles: &[String]) -> BTreeSet<String> {
    titles.iter().map(|t| fold(t).replace('.', "")).collect()
}

/// The last word of a full-name key.
pub fn surname(key: &str) -> Option<&str> {
    key.rsplit_once(' ').map(|(_, last)| last)
}

/// The given name and the rest of a full-name key.
pub fn given(key: &str) -> Option<(&str, &str)> {
    key.split_once(' ')
}

/// A new person node's id: the name as first met, without titles, initials or suffixes
/// ("person:mark-milley"), or the key a user's rule gave it.
fn person_id(name: &str, key: &str) -> String {
    if key.starts_with('#') {
        if let Some(regnal) = names::regnal_name(name, true) {
            return format!("person:{}", slug(&regnal));
        }
    }
    if key == person_key(name) {
        format!("person:{}", slug(&plain_key(name)))
    } else {
        format!("person:{}", slug(key))
    }
}

/// A user's alias rules: names that are one entity (`A = B = C`) and names that are never one
/// (`A != B`). One rule per line; `#` starts a comment.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Aliases {
    /// The rules as written, kept in the graph so an update or merge applies them again.
    lines: Vec<String>,
    groups: Vec<Vec<String>>,
    apart: Vec<(String, String)>,
}

/// A line of an alias file that is not a rule.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("line {line}: {message}")]
pub struct AliasError {
    pub line: usize,
    pub message: String,
}

impl Aliases {
    /// Reads alias rules, one per line.
    pub fn parse(text: &str) -> Result<Aliases, AliasError> {
        let mut aliases = Aliases::default();
        for (n, line) in text.lines().enumerate() {
            let rule = line.split('#').next().unwrap_or("").trim();
            if rule.is_empty() {
                continue;
            }
            aliases.add(rule).map_err(|message| AliasError {
                line: n + 1,
                message,
            })?;
        }
        Ok(aliases)
    }

    /// Adds one rule: `A = B` or `A != B`.
    pub fn add(&mut self, rule: &str) -> Result<(), String> {
        let rule = rule.trim();
        if self.lines.iter().any(|l| l == rule) {
            return Ok(());
        }
        let names = |text: &str, sep: &str| -> Result<Vec<String>, String> {
            let names: Vec<String> = text.split(sep).map(|n| n.trim().to_string()).collect();
            if names.len() < 2 || names.iter().any(|n| exact_key(n).is_empty()) {
                return Err(format!(
                    "{rule:?} is not a rule: write \"A = B\" (one entity) or \"A != B\" (never one)"
                ));
            }
            Ok(names)
        };
        if rule.contains("!=") {
            let names = names(rule, "!=")?;
            if names.len() != 2 {
                return Err(format!("{rule:?}: \"!=\" takes two names"));
            }
            self.apart.push((names[0].clone(), names[1].clone()));
        } else {
            self.groups.push(names(rule, "=")?);
        }
        self.lines.push(rule.to_string());
        Ok(())
    }

    /// Adds every rule of another set.
    pub fn extend(&mut self, other: &Aliases) {
        for line in &other.lines {
            // Rules read back from a graph were valid when written.
            let _ = self.add(line);
        }
    }

    /// The rules as written.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// Does a rule say these two names are one entity?
    pub fn joins(&self, a: &str, b: &str) -> bool {
        if self.groups.is_empty() {
            return false;
        }
        let (a, b) = (exact_key(a), exact_key(b));
        self.groups
            .iter()
            .any(|g| g.iter().any(|n| exact_key(n) == a) && g.iter().any(|n| exact_key(n) == b))
    }

    /// Does a rule say these two names are never one entity?
    pub fn separates(&self, a: &str, b: &str) -> bool {
        // No rule, nothing to key (`explain` asks this of every person).
        if self.apart.is_empty() {
            return false;
        }
        let (a, b) = (exact_key(a), exact_key(b));
        self.apart.iter().any(|(x, y)| {
            let (x, y) = (exact_key(x), exact_key(y));
            (x == a && y == b) || (x == b && y == a)
        })
    }
}

/// Gives each article-local entity the id of its graph node. Deterministic: the same
/// announcements and questions give the same answers.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    /// The people made known, (key, id), in order; the maps below hold indices into it, so a
    /// graph of hundreds of thousands of people holds each key and id once.
    known: Vec<(Arc<str>, Arc<str>)>,
    /// Person key -> its person in `known`.
    people: FxHashMap<Arc<str>, u32>,
    /// Folded surname -> the full-named people with that surname.
    surnames: FxHashMap<Box<str>, Vec<u32>>,
    /// Folded first word -> the full-named people whose name starts with it: a family name
    /// written first ("Xi Jinping").
    first_words: FxHashMap<Box<str>, Vec<u32>>,
    /// Person key -> the key a user's `=` rule maps it to.
    same_person: BTreeMap<String, String>,
    /// Slug -> the slug a user's `=` rule maps it to (institutions and countries).
    same_other: BTreeMap<String, String>,
    /// Exact key -> own key, for names a `!=` rule keeps apart from a name of the same key.
    marked: BTreeMap<String, String>,
    /// Pairs of keys a `!=` rule keeps apart.
    apart: BTreeSet<(String, String)>,
    /// What the articles that name a person in full say about them (id -> titles and
    /// countries, as numbers of `words`).
    facts: FxHashMap<Arc<str>, Facts>,
    /// The titles and country names of `facts`, each once.
    words: FxHashMap<Box<str>, u32>,
    /// The words of `words`, by number.
    word_names: Vec<Box<str>>,
    /// Per person of `known`: was the name written with an Arabic patronymic ("bin")?
    arabic: Vec<bool>,
    /// A full key with its last word cut to its first letter, or its first word so cut
    /// ("olaf s", "o scholz") -> the people of that key: where misspellings are looked for.
    near: FxHashMap<Box<str>, Vec<u32>>,
    /// A shortened form of full keys of three words or more -> those people (see
    /// `settle::part_keys`).
    parts: FxHashMap<Box<str>, Vec<u32>>,
    /// Regnal or honorific name word -> the people of regnal keys with it ("felipe").
    regnal: FxHashMap<Box<str>, Vec<u32>>,
    /// Id -> the id a name rule joined it to (see `settle.rs`).
    joined: FxHashMap<Arc<str>, Arc<str>>,
    /// Id -> the most words of a key it was announced under, and how often it was announced:
    /// of two ids joined, the fuller and more used one names the node.
    weight: FxHashMap<Arc<str>, (usize, u32)>,
    /// Have the people announced so far been joined by the name rules?
    settled: bool,
}

/// What articles say of one person: titles and countries, sorted numbers of
/// [`Resolver::words`].
#[derive(Debug, Clone, Default)]
struct Facts {
    titles: Vec<u32>,
    countries: Vec<u32>,
    spellings: Vec<u32>,
    meetings: Vec<u32>,
}

/// What an article says about a person besides the name, to tell apart people of one surname.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Context {
    pub titles: BTreeSet<String>,
    pub countries: BTreeSet<String>,
    /// Name words the article also writes for the person that are not in the name's key
    /// ("abdollahian" beside "Hossein Amir Adollahian"): evidence for a misspelling.
    pub spellings: BTreeSet<String>,
    /// The people the person met or called, each with the week of the contact
    /// ("sergei lavrov|2024-W11", see [`meeting`]): two spellings that met the same person in
    /// the same week are evidence for a misspelling.
    pub meetings: BTreeSet<String>,
    /// The initials the article writes before the name's surname ("J. K. Otieno" beside
    /// "Otieno"): only a full name those initials fit is the same person.
    pub initials: Vec<char>,
}

/// A counterpart's key and the ISO week of a contact with them, as [`Context::meetings`]
/// holds them: "sergei lavrov|2024-W11".
pub fn meeting(counterpart_key: &str, week: &str) -> String {
    format!("{counterpart_key}|{week}")
}

/// The ISO week of a resolved date ("2024-03-13" or "2024-W11" -> "2024-W11"); None for a
/// month or a year, which name no one week.
pub fn iso_week(date: &str) -> Option<String> {
    if date.len() == 8 && date.as_bytes()[5] == b'W' {
        return Some(date.to_string());
    }
    let day = chrono::NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()?;
    let week = day.iso_week();
    Some(format!("{}-W{:02}", week.year(), week.week()))
}

/// The contacts of the entity `i` of an article that were not denied, as (counterpart, ISO
/// week): other people named in full (two words or more of key), and the week of the
/// contact's date, or of the article's publication when the contact has no date. A contact
/// dated only by month or year has no week.
pub fn meetings_of(article: &ArticleGraph, i: usize) -> Vec<(usize, String)> {
    let published = article.published.as_ref().map(|(date, _)| date.as_str());
    let mut out = Vec::new();
    for event in &article.events {
        if event.status == Status::Denied || !event.participants.contains(&i) {
            continue;
        }
        let Some(week) = event.date_iso.as_deref().or(published).and_then(iso_week) else {
            continue;
        };
        for &other in &event.participants {
            let is_person = article
                .entities
                .get(other)
                .is_some_and(|e| e.kind == EntityKind::Person);
            if other != i && is_person && person_key(&article.entities[other].name).contains(' ') {
                out.push((other, week.clone()));
            }
        }
    }
    out
}

impl Context {
    /// The context of an article-local entity whose country (if any) is named `country`.
    pub fn of(entity: &LocalEntity, country: Option<&str>) -> Context {
        Context {
            titles: entity.titles.iter().map(|t| title_key(t)).collect(),
            countries: country.map(str::to_string).into_iter().collect(),
            spellings: spellings(entity),
            meetings: BTreeSet::new(),
            initials: initials(entity),
        }
    }

    /// What an article says about its entity `i` besides the name: titles, country, other
    /// spellings, and the people met each week (only people need it).
    pub fn in_article(article: &ArticleGraph, i: usize) -> Context {
        let entity = &article.entities[i];
        if entity.kind != EntityKind::Person {
            return Context::default();
        }
        let country = entity
            .country
            .and_then(|c| article.entities.get(c))
            .map(|c| c.name.as_str());
        let mut context = Context::of(entity, country);
        context.meetings = meetings_of(article, i)
            .into_iter()
            .map(|(other, week)| meeting(&person_key(&article.entities[other].name), &week))
            .collect();
        context
    }
}

/// The initials written before a person's name, or before one of its other names of the
/// same key, in one article: "J. K. Otieno" for the person named "Otieno".
fn initials(entity: &LocalEntity) -> Vec<char> {
    if entity.kind != EntityKind::Person {
        return Vec::new();
    }
    let key = person_key(&entity.name);
    std::iter::once(&entity.name)
        .chain(&entity.aliases)
        .map(|name| (name, names::initials(name)))
        .find(|(name, initials)| !initials.is_empty() && person_key(name) == key)
        .map(|(_, initials)| initials)
        .unwrap_or_default()
}

/// The words of a person's other names in one article that are not in the name's key.
fn spellings(entity: &LocalEntity) -> BTreeSet<String> {
    if entity.kind != EntityKind::Person || entity.aliases.is_empty() {
        return BTreeSet::new();
    }
    let key = person_key(&entity.name);
    let own: BTreeSet<&str> = key.split(' ').collect();
    entity
        .aliases
        .iter()
        .flat_map(|alias| {
            person_key(alias)
                .split(' ')
                .filter(|w| !w.is_empty() && !own.contains(w))
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// One spelling for a title: "Gen." and "General" are "general".
fn title_key(title: &str) -> String {
    let lower = fold(title).replace('.', "");
    let lower = lower.trim();
    let full = match lower {
        "gen" => "general",
        "adm" => "admiral",
        "lt" => "lieutenant",
        "col" => "colonel",
        "maj" => "major",
        "capt" => "captain",
        "sgt" => "sergeant",
        "sen" => "senator",
        "rep" => "representative",
        "gov" => "governor",
        "pres" => "president",
        other => other,
    };
    full.to_string()
}

impl Resolver {
    pub fn new(aliases: Aliases) -> Resolver {
        let mut resolver = Resolver::default();
        for (a, b) in &aliases.apart {
            let (ka, kb) = (person_key(a), person_key(b));
            if ka == kb {
                // "Donald Trump != Donald Trump Jr.": the form that is not plain gets a key of
                // its own.
                for name in [a, b] {
                    let exact = exact_key(name);
                    if exact != ka {
                        resolver.marked.insert(exact.clone(), exact);
                    }
                }
            }
        }
        for (a, b) in &aliases.apart {
            let (ka, kb) = (resolver.key(a), resolver.key(b));
            resolver
                .apart
                .insert((ka.clone().min(kb.clone()), ka.max(kb)));
        }
        for group in &aliases.groups {
            let canonical = resolver.key(&group[0]);
            let canonical_slug = slug(&group[0]);
            for name in &group[1..] {
                let key = resolver.key(name);
                if key != canonical {
                    resolver.same_person.insert(key, canonical.clone());
                }
                let other = slug(name);
                if other != canonical_slug {
                    resolver.same_other.insert(other, canonical_slug.clone());
                }
            }
        }
        resolver
    }

    /// A person's key under the user's rules.
    fn key(&self, name: &str) -> String {
        self.key_for(name, &BTreeSet::new())
    }

    /// A person's key under the user's rules, with the titles an article gives them: a regnal
    /// or honorific name ("King Felipe", "Felipe VI") has a key of its own kind ("#felipe"),
    /// never the key of an ordinary name.
    fn key_for(&self, name: &str, titles: &BTreeSet<String>) -> String {
        if let Some(key) = self.marked.get(&exact_key(name)) {
            return key.clone();
        }
        let key = match names::regnal_key(name, titles) {
            Some(regnal) => format!("#{regnal}"),
            None => person_key(name),
        };
        self.same_person.get(&key).cloned().unwrap_or(key)
    }

    fn kept_apart(&self, a: &str, b: &str) -> bool {
        let pair = if a < b { (a, b) } else { (b, a) };
        self.apart
            .iter()
            .any(|(x, y)| x.as_str() == pair.0 && y.as_str() == pair.1)
    }

    /// The node id for an article-local entity; `context` is what its article says about it.
    pub fn resolve(&mut self, entity: &LocalEntity, context: &Context) -> String {
        match entity.kind {
            EntityKind::Person => self.resolve_person(&entity.name, context),
            kind => {
                let slug = slug(&entity.name);
                let slug = self.same_other.get(&slug).cloned().unwrap_or(slug);
                format!("{}:{slug}", kind.as_str())
            }
        }
    }

    /// Makes a full name known before any article is added, so a lone surname read earlier
    /// still finds it: the result does not depend on the order of articles.
    pub fn announce(&mut self, entity: &LocalEntity, context: &Context) {
        if entity.kind != EntityKind::Person {
            return;
        }
        let key = self.key_for(&entity.name, &context.titles);
        let regnal = key.starts_with('#');
        if !key.contains(' ') && !regnal {
            return;
        }
        self.settled = false;
        if let Some(&person) = self.people.get(key.as_str()) {
            let id = self.known[person as usize].1.clone();
            self.learn(&id, context);
            self.weigh(&id, &key);
            return;
        }
        // "Mike Pompeo" joins "Michael Pompeo" when he is the only one it can be and the
        // articles do not give them different countries.
        let (first, rest) = given(&key).unwrap_or(("", ""));
        let mut fits: Vec<&Arc<str>> = self
            .surname_of(&key)
            .filter(|_| !regnal)
            .and_then(|s| self.surnames.get(s.as_str()))
            .map(|known| {
                known
                    .iter()
                    .map(|&i| &self.known[i as usize])
                    .filter(|(k, _)| {
                        given(k).is_some_and(|(f, r)| r == rest && given_names_agree(f, first))
                            && !self.kept_apart(k, &key)
                    })
                    .map(|(_, id)| id)
                    .collect()
            })
            .unwrap_or_default();
        fits.dedup();
        if let [id] = fits.as_slice() {
            if self.evidence_for(id, context) == settle::Evidence::Conflict {
                fits.clear();
            }
        }
        let id: Arc<str> = match fits.as_slice() {
            [id] => Arc::clone(id),
            _ => person_id(&entity.name, &key).into(),
        };
        self.register(&key, id.clone(), names::is_arabic_patronymic(&entity.name));
        self.learn(&id, context);
        self.weigh(&id, &key);
    }

    /// Counts an announcement of `id` under `key`.
    fn weigh(&mut self, id: &Arc<str>, key: &str) {
        let words = key.split(' ').count();
        let weight = self.weight.entry(id.clone()).or_default();
        weight.0 = weight.0.max(words);
        weight.1 += 1;
    }

    /// Keeps what an article says of the person `id`.
    fn learn(&mut self, id: &Arc<str>, context: &Context) {
        let titles: Vec<u32> = context.titles.iter().map(|t| self.word(t)).collect();
        let countries: Vec<u32> = context.countries.iter().map(|c| self.word(c)).collect();
        let spellings: Vec<u32> = context.spellings.iter().map(|c| self.word(c)).collect();
        let meetings: Vec<u32> = context.meetings.iter().map(|c| self.word(c)).collect();
        let facts = self.facts.entry(id.clone()).or_default();
        for (set, new) in [
            (&mut facts.titles, titles),
            (&mut facts.countries, countries),
            (&mut facts.spellings, spellings),
            (&mut facts.meetings, meetings),
        ] {
            for word in new {
                if let Err(at) = set.binary_search(&word) {
                    set.insert(at, word);
                }
            }
        }
    }

    /// The number of a title or country name in `words`.
    fn word(&mut self, word: &str) -> u32 {
        if let Some(&n) = self.words.get(word) {
            return n;
        }
        let n = self.words.len() as u32;
        self.words.insert(word.into(), n);
        self.word_names.push(word.into());
        n
    }

    /// Of several people a lone surname could be, the one its article's context fits: the
    /// same country, then a title they share. None unless exactly one fits.
    fn by_context<'k>(&self, ids: &[&'k Arc<str>], context: &Context) -> Option<&'k Arc<str>> {
        let numbers = |words: &BTreeSet<String>| -> Vec<u32> {
            words
                .iter()
                .filter_map(|w| self.words.get(w.as_str()).copied())
                .collect()
        };
        let (titles, countries) = (numbers(&context.titles), numbers(&context.countries));
        let shares = |id: &Arc<str>, of: fn(&Facts) -> &Vec<u32>, wanted: &[u32]| {
            self.facts
                .get(id)
                .is_some_and(|f| wanted.iter().any(|w| of(f).binary_search(w).is_ok()))
        };
        let mut left: Vec<&Arc<str>> = ids.to_vec();
        if !context.countries.is_empty() {
            left.retain(|id| shares(id, |f| &f.countries, &countries));
        }
        if left.len() > 1 && !context.titles.is_empty() {
            left.retain(|id| shares(id, |f| &f.titles, &titles));
        }
        match left.as_slice() {
            [id] => Some(*id),
            _ => None,
        }
    }

    /// What an article's context says of a person, as facts to compare with a group's.
    /// Words no article of a full name used are numbers no group has.
    fn facts_of(&self, context: &Context) -> Facts {
        let numbers = |words: &BTreeSet<String>| -> Vec<u32> {
            let mut numbers: Vec<u32> = words
                .iter()
                .map(|w| self.words.get(w.as_str()).copied().unwrap_or(u32::MAX))
                .collect();
            numbers.sort_unstable();
            numbers
        };
        Facts {
            titles: numbers(&context.titles),
            countries: numbers(&context.countries),
            spellings: Vec::new(),
            meetings: numbers(&context.meetings),
        }
    }

    /// What the articles of the group `id` and a lone name's article say, side by side.
    fn evidence_for(&self, id: &Arc<str>, context: &Context) -> settle::Evidence {
        match self.facts.get(id) {
            Some(facts) => self.compare(facts, &self.facts_of(context)),
            None => settle::Evidence::Neither,
        }
    }

    fn resolve_person(&mut self, name: &str, context: &Context) -> String {
        if !self.settled {
            self.settle();
        }
        let key = self.key_for(name, &context.titles);
        if let Some(&person) = self.people.get(key.as_str()) {
            return self.known[person as usize].1.to_string();
        }
        if !key.contains(' ') && !key.starts_with('#') {
            let initials = match names::initials(name) {
                written if written.is_empty() => context.initials.clone(),
                written => written,
            };
            if let Some(known) = self.surnames.get(key.as_str()) {
                let mut ids = self.candidates(known, &key);
                // "S. Jaishankar", "A. K. Antony": only a full name with those initials.
                if !initials.is_empty() {
                    ids.retain(|id| self.has_initials(id, &key, &initials));
                }
                // The one full name of this surname, unless the articles give them different
                // countries.
                if let [id] = ids.as_slice() {
                    if self.evidence_for(id, context) != settle::Evidence::Conflict {
                        return id.to_string();
                    }
                }
                // "British Prime Minister Brown" when Charles Brown is an American general.
                if let Some(id) = self.by_context(&ids, context) {
                    return id.to_string();
                }
            } else if let Some(known) = self.first_words.get(key.as_str()) {
                // "President Xi": a family name written first, when no one has it last and
                // the articles agree on a country, a title or a person met that week (a lone
                // given name, "Emmanuel", could be anyone's). A word after initials ("A. K.
                // Antony") is a surname, never a family name written first.
                if let [id] = self.candidates(known, &key).as_slice() {
                    if initials.is_empty()
                        && self.evidence_for(id, context) == settle::Evidence::Agree
                    {
                        return id.to_string();
                    }
                }
            }
        }
        let id = person_id(name, &key);
        self.register(&key, id.as_str().into(), names::is_arabic_patronymic(name));
        id
    }

    /// Is one of the full names of `id` with the surname `key` written with given names these
    /// initials fit?
    fn has_initials(&self, id: &Arc<str>, key: &str, initials: &[char]) -> bool {
        self.surnames.get(key).is_some_and(|known| {
            known.iter().any(|&i| {
                let (k, other) = &self.known[i as usize];
                other == id && names::initials_fit(initials, k)
            })
        })
    }

    /// The distinct ids of `known` people that no rule keeps apart from `key`.
    fn candidates(&self, known: &[u32], key: &str) -> Vec<&Arc<str>> {
        let mut ids: Vec<&Arc<str>> = known
            .iter()
            .map(|&i| &self.known[i as usize])
            .filter(|(k, _)| !self.kept_apart(k, key))
            .map(|(_, id)| id)
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// The surname of a full-name key ("trump" for the marked "donald trump jr" too).
    fn surname_of(&self, key: &str) -> Option<String> {
        if self.marked.contains_key(key) {
            return surname(&person_key(key)).map(str::to_string);
        }
        surname(key).map(str::to_string)
    }

    fn register(&mut self, key: &str, id: Arc<str>, arabic: bool) {
        let key: Arc<str> = Arc::from(key);
        let person = self.known.len() as u32;
        self.known.push((key.clone(), id));
        self.arabic.push(arabic);
        // A key made known before is in the lists of its surname and first word already.
        let listed = self.people.insert(key.clone(), person).is_some();
        if listed {
            return;
        }
        if let Some(regnal) = key.strip_prefix('#') {
            let word = regnal.split(' ').next().unwrap_or(regnal);
            self.regnal.entry(word.into()).or_default().push(person);
            return;
        }
        if key.contains(' ') {
            for near in settle::near_keys(&key) {
                self.near.entry(near.into()).or_default().push(person);
            }
            for part in settle::part_keys(&key) {
                self.parts.entry(part.into()).or_default().push(person);
            }
        }
        if let Some(surname) = self.surname_of(&key) {
            self.surnames
                .entry(surname.into())
                .or_default()
                .push(person);
            if let Some((first, _)) = given(&key) {
                self.first_words
                    .entry(first.into())
                    .or_default()
                    .push(person);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_diacritics_initials_particles_and_suffixes() {
        assert_eq!(person_key("Sauli Niinistö"), person_key("Sauli Niinisto"));
        assert_eq!(person_key("John F. Kerry"), "john keri");
        assert_eq!(person_key("Bashar al-Assad"), person_key("Bashar Assad"));
        assert_eq!(person_key("Martin Luther King Jr."), "martin luter king");
    }

    #[test]
    fn keys_join_transliteration_variants_and_keep_different_people_apart() {
        for (a, b) in [
            ("Sergei Shoigu", "Sergey Shoigu"),
            ("Valerii Zaluzhnyi", "Valery Zaluzhny"),
            ("Anthony Blinken", "Antony Blinken"),
            ("Yevgeny Prigozhin", "Evgeny Prigozhin"),
            ("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
            ("Kim Jong-un", "Kim Jong Un"),
            ("John F. Kerry", "John Kerry"),
            ("Bashar Assad", "Bashar al-Assad"),
        ] {
            assert_eq!(person_key(a), person_key(b), "{a} = {b}");
        }
        for (a, b) in [
            ("Charles Brown", "Gordon Brown"),
            ("Donald Trump", "Ivanka Trump"),
            ("Wang Yi", "Wang Wentao"),
            ("Li Shangfu", "Li Qiang"),
            ("Sabrina Singh", "Rajnath Singh"),
        ] {
            assert_ne!(person_key(a), person_key(b), "{a} != {b}");
        }
    }

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("Valery Gerasimov"), "valery-gerasimov");
        assert_eq!(slug("People's Liberation Army"), "people-s-liberation-army");
        assert_eq!(slug("António Guterres"), "antonio-guterres");
    }

    #[test]
    fn distance_counts_transpositions_once() {
        assert_eq!(osa_distance("zelenksy", "zelensky"), 1);
        assert_eq!(osa_distance("milly", "milley"), 1);
        assert_eq!(osa_distance("gutteres", "guterres"), 2);
        // Empty words, unequal lengths, and the restricted transposition of OSA ("ca" to
        // "abc" is 3, not 2 as with unrestricted transpositions).
        assert_eq!(osa_distance("", "abc"), 3);
        assert_eq!(osa_distance("abc", ""), 3);
        assert_eq!(osa_distance("ca", "abc"), 3);
        assert_eq!(osa_distance("kamilla ghannouchi", "kamila ghanouchi"), 2);
        assert_eq!(osa_distance("abcdef", "badcfe"), 3);
        for (a, b) in [
            ("milly", "milley"),
            ("ab", "abcde"),
            ("abcd", "dcba"),
            ("é", "e"),
        ] {
            for limit in 0..4 {
                assert_eq!(
                    osa_within(a, b, limit),
                    osa_distance(a, b) <= limit,
                    "{a} {b}"
                );
            }
        }
    }

    fn person(name: &str) -> LocalEntity {
        LocalEntity {
            kind: EntityKind::Person,
            name: name.to_string(),
            aliases: Default::default(),
            titles: Default::default(),
            country: None,
            iso: None,
            mentions: 1,
        }
    }

    /// The ids of names met in this order, as a build resolves them: all announced first.
    fn ids_with(aliases: Aliases, names: &[&str]) -> Vec<String> {
        let mut resolver = Resolver::new(aliases);
        for name in names {
            resolver.announce(&person(name), &Context::default());
        }
        names
            .iter()
            .map(|n| resolver.resolve(&person(n), &Context::default()))
            .collect()
    }

    fn ids(names: &[&str]) -> Vec<String> {
        ids_with(Aliases::default(), names)
    }

    #[test]
    fn every_kind_of_variant_resolves_to_one_node() {
        for pair in [
            ["Sauli Niinistö", "Sauli Niinisto"],
            ["Sergei Shoigu", "Sergey Shoigu"],
            ["Yevgeny Prigozhin", "Evgeny Prigozhin"],
            ["Valerii Zaluzhnyi", "Valery Zaluzhny"],
            ["Bashar al-Assad", "Bashar Assad"],
            ["John F. Kerry", "John Kerry"],
            ["Martin Luther King Jr.", "Martin Luther King"],
            ["William J. Burns III", "William Burns"],
            ["Michael Pompeo", "Mike Pompeo"],
            ["William Burns", "Bill Burns"],
            ["Kim Jong-un", "Kim Jong Un"],
            ["Volodymyr Zelenskyy", "Volodymyr Zelensky"],
        ] {
            let got = ids(&pair);
            assert_eq!(got[0], got[1], "{pair:?}");
            // Whichever article comes first.
            let got = ids(&[pair[1], pair[0]]);
            assert_eq!(got[0], got[1], "{pair:?} reversed");
        }
        // A lone surname joins the one full name it fits, wherever that is.
        assert_eq!(
            ids(&["Shoigu", "Sergei Shoigu"]),
            ["person:sergei-shoigu"; 2]
        );
        // Ids are the name as first met, not its folded key.
        assert_eq!(ids(&["Mark Milley"]), ["person:mark-milley"]);
    }

    #[test]
    fn different_people_of_one_surname_stay_apart() {
        for pair in [
            ["Charles Brown", "Gordon Brown"],
            ["Donald Trump", "Ivanka Trump"],
            ["Wang Yi", "Wang Wentao"],
            ["Li Shangfu", "Li Qiang"],
            ["Sabrina Singh", "Rajnath Singh"],
            ["Michael Pompeo", "Mark Pompeo"],
        ] {
            let got = ids(&pair);
            assert_ne!(got[0], got[1], "{pair:?}");
        }
        // A surname that could be two people is left alone, never guessed.
        let got = ids(&["Charles Brown", "Gordon Brown", "Brown"]);
        assert_eq!(got[2], "person:brown");
        // Unless the article's context tells: the country, or a title.
        let mut resolver = Resolver::default();
        let context = |title: &str, country: &str| Context {
            titles: [title_key(title)].into(),
            countries: [country.to_string()].into(),
            ..Default::default()
        };
        resolver.announce(&person("Charles Brown"), &context("Gen.", "United States"));
        resolver.announce(
            &person("Gordon Brown"),
            &context("Prime Minister", "United Kingdom"),
        );
        let brown = person("Brown");
        let by = |r: &mut Resolver, c: &Context| r.resolve(&brown, c);
        assert_eq!(
            by(&mut resolver, &context("Prime Minister", "United Kingdom")),
            "person:gordon-brown"
        );
        let general = Context {
            titles: [title_key("General")].into(),
            ..Default::default()
        };
        assert_eq!(by(&mut resolver, &general), "person:charles-brown");
        assert_eq!(by(&mut resolver, &Context::default()), "person:brown");
        // A short given name that fits two full ones is not guessed either.
        let got = ids(&["Edward Kennedy", "Theodore Kennedy", "Ted Kennedy"]);
        assert_eq!(got[2], "person:ted-kennedy");
    }

    #[test]
    fn alias_rules_force_and_forbid() {
        let rules = Aliases::parse(
            "# a comment\nDonald Trump != Donald Trump Jr.\nVlad Putin = Vladimir Putin\n\n\
             Brown != Gordon Brown\n",
        )
        .unwrap();
        let got = ids_with(
            rules.clone(),
            &[
                "Donald Trump",
                "Donald Trump Jr.",
                "Donald J. Trump",
                "Trump",
            ],
        );
        assert_eq!(got[0], got[2]);
        assert_ne!(got[0], got[1]);
        assert_eq!(got[3], "person:trump", "Trump could be either");
        let got = ids_with(rules.clone(), &["Vladimir Putin", "Vlad Putin"]);
        assert_eq!(got[0], got[1]);
        let got = ids_with(rules, &["Gordon Brown", "Brown"]);
        assert_ne!(got[0], got[1]);
        assert_eq!(
            Aliases::parse("ok = fine\nnot a rule\n"),
            Err(AliasError {
                line: 2,
                message: "\"not a rule\" is not a rule: write \"A = B\" (one entity) or \"A != B\" (never one)"
                    .to_string()
            })
        );
    }
}
