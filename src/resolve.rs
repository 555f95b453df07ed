//! Entity resolution: which article-local entities are one real entity.
//!
//! In: the entities of each article, one article at a time. Out: the id of the graph node each
//! belongs to. Names are compared in a folded form (no diacritics, lowercase, no punctuation,
//! no initials or suffixes), so "Sauli Niinistö" and "Sauli Niinisto" are one key. A lone
//! surname joins the one full name it fits across the graph, never a guess among several.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use crate::graph::{Entity, EntityKind, LocalEntity};

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
    let folded = fold(name);
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
        if matches!(word, "al" | "el" | "bin" | "ibn") || word.chars().count() == 1 {
            continue;
        }
        words.push(transliteration_key(&word.replace(['\'', '.'], "")));
    }
    words.join(" ")
}

/// One spelling for the common romanisation variants of a name word: "sergey" and "sergei",
/// "zaluzhnyi" and "zaluzhny", "valerii" and "valery", "anthony" and "antony", "yevgeny" and
/// "evgeny", "zelenskyy" and "zelensky".
fn transliteration_key(word: &str) -> String {
    let mut w = word.replace("th", "t");
    if let Some(rest) = w.strip_prefix("ye") {
        w = format!("e{rest}");
    }
    for (ending, replacement) in [
        ("yy", "y"),
        ("iy", "y"),
        ("yi", "y"),
        ("ii", "y"),
        ("ey", "ei"),
    ] {
        if w.len() > ending.len() + 2 && w.ends_with(ending) {
            w = format!("{}{replacement}", &w[..w.len() - ending.len()]);
            break;
        }
    }
    w
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
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// Remembers the ids given so far and the keys that lead to them.
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    /// Folded full-name key -> id, for people.
    people: BTreeMap<String, String>,
    /// Folded surname -> ids of full-named people with that surname.
    surnames: BTreeMap<String, Vec<String>>,
}

impl Resolver {
    /// The node id for an article-local entity.
    pub fn resolve(&mut self, entity: &LocalEntity) -> String {
        match entity.kind {
            EntityKind::Person => self.resolve_person(&entity.name),
            kind => format!("{}:{}", kind.as_str(), slug(&entity.name)),
        }
    }

    /// Makes a full name known before any article is added, so a lone surname read earlier
    /// still finds it: the result does not depend on the order of articles.
    pub fn announce(&mut self, entity: &LocalEntity) {
        if entity.kind == EntityKind::Person {
            let key = person_key(&entity.name);
            if key.contains(' ') && !self.people.contains_key(&key) {
                let id = format!("person:{}", slug(&key));
                self.register(&key, &id);
            }
        }
    }

    /// Registers an entity read back from a graph file.
    pub fn remember(&mut self, entity: &Entity) {
        if entity.kind == EntityKind::Person {
            self.register(&person_key(&entity.name), &entity.id);
        }
    }

    /// The node id for a person's name: its full-name key, the one full name a lone surname
    /// fits, or its own.
    pub fn resolve_person(&mut self, name: &str) -> String {
        let key = person_key(name);
        if let Some(id) = self.people.get(&key) {
            return id.clone();
        }
        if !key.contains(' ') {
            if let Some(ids) = self.surnames.get(&key) {
                if ids.len() == 1 {
                    return ids[0].clone();
                }
            }
        }
        let id = format!("person:{}", slug(&key));
        self.register(&key, &id);
        id
    }

    fn register(&mut self, key: &str, id: &str) {
        self.people.insert(key.to_string(), id.to_string());
        if let Some(surname) = key.rsplit(' ').next().filter(|_| key.contains(' ')) {
            let ids = self.surnames.entry(surname.to_string()).or_default();
            if !ids.iter().any(|i| i == id) {
                ids.push(id.to_string());
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
        assert_eq!(person_key("John F. Kerry"), "john kerry");
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
    fn folding_ascii_takes_a_shortcut_to_the_same_result() {
        for text in ["Valery GERASIMOV", "O'Brien-Smith Jr.", "U.S. 2024", ""] {
            let slow: String = text
                .nfkd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .collect();
            assert_eq!(fold(text), slow);
        }
        assert_eq!(fold("Niinistö’s"), "niinisto's");
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
    }
}
