//! Name shapes: a word in, what its spelling says out: capitalised, an acronym, an initial,
//! a particle inside a name ("bin", "von", "al-Assad"), a generational suffix ("Jr.", "III"),
//! the first word after a quote or bracket; and the two small text helpers the stages share
//! (capitalise a word, join words without spaces before possessives).

/// Lowercase particles inside names: "Mohammed bin Salman", "Ursula von der Leyen", "José
/// Eduardo dos Santos".
pub(super) const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "van", "von", "der", "de", "da", "del", "di", "do", "dos", "das", "du",
];

/// Articles that follow a particle inside a name: "Juan Ramón de la Fuente", "de los Santos".
pub(super) const PARTICLE_ARTICLES: &[&str] = &["la", "las", "los", "le"];

/// Generational suffixes that end a person's name.
pub(super) const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

/// Letters after a name that stand for an office or an honour ("Hon. X MP", "X OBE"): not
/// part of the name. Sorted (looked up by binary search).
pub(super) const POST_NOMINALS: &[&str] = &[
    "CBE", "KBE", "KC", "MBE", "MHA", "MLA", "MNA", "MP", "MPP", "OBE", "PhD", "QC",
];

pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

pub(in crate::extract) fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.') && !word.contains('.')
}

pub(super) fn is_initial(word: &str) -> bool {
    word.chars().count() == 2 && word.ends_with('.')
}

/// "al-Assad", "el-Sisi": a lowercase particle joined to a capitalised name.
pub(super) fn is_particle_name(word: &str) -> bool {
    ["al-", "el-", "ad-", "as-", "bin-", "ben-"]
        .iter()
        .any(|p| word.strip_prefix(p).is_some_and(is_capitalised))
}

/// Is token `i` the first word after an opening quote or bracket?
pub(super) fn is_opening(words: &[&str], i: usize) -> bool {
    i > 0
        && matches!(
            words[i - 1],
            "“" | "\"" | "‘" | "'" | "(" | "—" | "–" | ":" | "-"
        )
}

pub(super) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// Joins words with spaces, without spaces around possessives.
pub(super) fn join_words(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && !matches!(*w, "'s" | "’s") {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
