//! People: the person candidates of an article in, its people out. Full names (titled, or of
//! several words not all common English words) are people; a lone name is one with evidence of
//! its own ("General Milley", "Zaluzhnyi said"). Surnames, given names, misspellings and
//! hyphenated pairs ("Trump-Kim") stand for the article's full names (`NameIndex`,
//! `same_name`). A person's country comes from the words around the name ("Putin of Russia",
//! "Russia's chief of the General Staff, Gen. Valery Gerasimov").

use super::entities::{Builder, Mention, PersonCandidate};
use super::shapes::is_initial;
use crate::findings::EntityKind;
use crate::lexicon::words::{is, WordList};
use crate::lexicon::Lexicon;
use crate::resolve::{fold, osa_distance, person_key};

// The hash maps and sets here are only looked up, never iterated: their order cannot show.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Two spellings of one name: equal once folded, or a small typo apart ("Milly", "Milley").
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    if a == b {
        return true;
    }
    if a.chars().next() != b.chars().next() {
        return false;
    }
    let shortest = a.chars().count().min(b.chars().count());
    let distance = osa_distance(&a, &b);
    (shortest >= 4 && distance <= 1) || (shortest >= 7 && distance <= 2)
}

impl Builder<'_> {
    /// Decides which person candidates are people and groups their mentions into entities.
    pub(super) fn resolve_people(&mut self) {
        let candidates = std::mem::take(&mut self.people);
        // Full names first: titled or multi-word names outside headlines.
        let mut full: Vec<(String, Vec<String>)> = Vec::new();
        let mut full_keys = HashSet::default();
        // In a headline every word is capitalised; a known given name and one more name
        // ("Olaf Scholz") is still a person's full name there.
        let is_full = |c: &PersonCandidate, lexicon: &Lexicon| {
            let headline_name = c.words.len() == 2
                && lexicon.is_given_name(&c.words[0])
                && !lexicon.is_common_word(&c.words[1]);
            c.words.len() >= 2
                && (!c.title_case || headline_name)
                && (c.titled || !c.words.iter().all(|w| lexicon.is_common_word(w)))
        };
        for c in &candidates {
            if is_full(c, self.lexicon) {
                let key = person_key(&c.words.join(" "));
                if full_keys.insert(key.clone()) {
                    full.push((key, c.words.clone()));
                }
            }
        }
        // Each full name is an entity; a shorter full name with the same first and last word
        // as a longer one ("Mohamed Ali", "Mohamed Irfaan Ali") joins it.
        let mut cluster_of: HashMap<String, usize> = HashMap::default();
        let mut names = NameIndex::default();
        let mut by_ends: HashMap<(String, String), usize> = HashMap::default();
        let mut order: Vec<usize> = (0..full.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(full[i].1.len()));
        for i in order {
            let (key, words) = &full[i];
            let ends = (fold(&words[0]), fold(&words[words.len() - 1]));
            let cluster = *by_ends
                .entry(ends)
                .or_insert_with(|| names.push(words.clone()));
            cluster_of.insert(key.clone(), cluster);
        }
        let names = names;
        let mut entity_of_cluster: Vec<Option<usize>> = vec![None; names.names.len()];
        // Lone names with their own evidence ("General Milley", "Zaluzhnyi said") are people
        // wherever they appear, also before that evidence.
        let mut singles: Vec<(String, usize)> = Vec::new();
        for c in &candidates {
            // A hyphenated word is one name only if none of its parts is a common word or a
            // place ("President Akufo-Addo"; not "Newly-elected", "Interfax-Ukraine").
            let evident = c.words.len() == 1
                && !c.title_case
                && !c.place
                && (c.titled || c.verb_after)
                && !self.lexicon.is_common_word(&c.words[0])
                && (!c.words[0].contains('-')
                    || c.words[0].split('-').all(|part| {
                        !self.lexicon.is_common_word(part)
                            && self.lexicon.place(part).is_none()
                            && self.lexicon.match_at(&[part], 0).is_none()
                    }));
            if evident
                && names.match_short(&c.words, &[]).is_none()
                && !singles.iter().any(|(w, _)| same_name(w, &c.words[0]))
            {
                let e = self.entity(EntityKind::Person, &c.words[0], &c.words[0], None);
                self.out.entities[e].mentions -= 1;
                singles.push((c.words[0].clone(), e));
            }
        }
        let mut named: Vec<(usize, usize)> = vec![(0, usize::MAX); names.names.len()];
        for c in &candidates {
            let cluster = if is_full(c, self.lexicon) {
                Some(cluster_of[&person_key(&c.words.join(" "))])
            } else if c.words.len() == 1 || c.title_case {
                names.match_short(&c.words, &named)
            } else {
                None
            };
            let surface = c.words.join(" ");
            // "Trump-Kim": two known names in one word. A hyphenated word whose parts are
            // not both names of the article is one name ("President Akufo-Addo").
            let known_pair: Option<Vec<usize>> = (cluster.is_none()
                && c.words.len() == 1
                && c.words[0].contains('-')
                && !c.title_case)
                .then(|| {
                    c.words[0]
                        .split('-')
                        .map(|p| names.match_short(&[p.to_string()], &named))
                        .collect::<Option<Vec<usize>>>()
                })
                .flatten()
                .filter(|parts| parts.len() >= 2);
            let entity = match cluster {
                Some(k) => {
                    named[k].0 += 1;
                    named[k].1 = named[k].1.min(c.sentence);
                    let name = names.names[k]
                        .iter()
                        .filter(|w| !is_initial(w))
                        .cloned()
                        .collect::<Vec<_>>()
                        .join(" ");
                    let entity = *entity_of_cluster[k].get_or_insert_with(|| {
                        self.entity(EntityKind::Person, &name, &surface, None)
                    });
                    if entity_of_cluster[k] == Some(entity)
                        && self.out.entities[entity].aliases.contains(&surface)
                    {
                        self.out.entities[entity].mentions += 1;
                    }
                    entity
                }
                None if known_pair.is_some() => {
                    for k in known_pair.into_iter().flatten() {
                        if let Some(entity) = entity_of_cluster[k] {
                            self.out.entities[entity].mentions += 1;
                            self.out.mentions.push(Mention {
                                sentence: c.sentence,
                                start: c.start,
                                end: c.end,
                                entity,
                                titled: false,
                                capital: false,
                                demonym: false,
                            });
                        }
                    }
                    continue;
                }
                None if c.words.len() == 1 => {
                    match singles.iter().find(|(w, _)| same_name(w, &c.words[0])) {
                        Some(&(_, e)) => {
                            self.out.entities[e].mentions += 1;
                            e
                        }
                        None => continue,
                    }
                }
                None => continue,
            };
            let entity_ref = &mut self.out.entities[entity];
            entity_ref.aliases.insert(surface.clone());
            for title in &c.titles {
                entity_ref.titles.insert(title.clone());
                // "Gen. Valery Gerasimov" is an alias as written.
            }
            if let Some(title) = c.titles.last() {
                // Not a lowercase title: "spokesman X" is a description, not a name of X.
                if c.titled && title.starts_with(|ch: char| !ch.is_lowercase()) {
                    entity_ref.aliases.insert(format!("{title} {surface}"));
                }
            }
            if entity_ref.country.is_none() {
                entity_ref.country = c.country;
            }
            if let Some((org, spokes)) = c.org {
                self.out.memberships.push((
                    entity,
                    org,
                    spokes
                        || c.titles
                            .iter()
                            .any(|t| t.to_lowercase().starts_with("spokes")),
                    c.sentence,
                ));
            }
            self.out.mentions.push(Mention {
                sentence: c.sentence,
                start: c.start,
                end: c.end,
                entity,
                titled: c.titled,
                capital: false,
                demonym: false,
            });
        }
    }

    /// A person's country from the words around a mention: "Putin of Russia", "Russia's chief
    /// of the General Staff, Gen. Valery Gerasimov", "Dunford, chairman of the Joint Chiefs".
    pub(super) fn infer_countries(&mut self) {
        let mentions = self.out.mentions.clone();
        for (index, m) in mentions.iter().enumerate() {
            let from = mentions.partition_point(|o| o.sentence < m.sentence);
            let to = mentions.partition_point(|o| o.sentence <= m.sentence);
            if self.out.entities[m.entity].kind != EntityKind::Person
                || self.out.entities[m.entity].country.is_some()
            {
                continue;
            }
            let words = self.words(m.sentence);
            let same = &mentions[from..to];
            let at = |j: usize| {
                same.iter()
                    .find(|o| o.start <= j && j < o.end)
                    .map(|o| o.entity)
            };
            let kind = |e: usize| self.out.entities[e].kind;
            let mut found = None;
            // "of Russia"
            if words.get(m.end) == Some(&"of") {
                found = at(m.end + 1).filter(|&e| kind(e) == EntityKind::Country);
            }
            // An apposition after the name: ", chairman of the Joint Chiefs of Staff,"
            if found.is_none() && words.get(m.end) == Some(&",") {
                for (k, word) in words.iter().enumerate().skip(m.end + 1).take(9) {
                    // An apposition has no verb: ", spoke with his Russian counterpart" is
                    // the sentence going on.
                    if matches!(*word, "," | "." | ";" | "and" | "said" | "told" | "with")
                        || is(WordList::PersonVerb, word)
                        || self.lexicon.contact_word(word).is_some()
                    {
                        break;
                    }
                    if let Some(e) = at(k) {
                        found = match kind(e) {
                            EntityKind::Country => Some(e),
                            EntityKind::Institution => self.out.entities[e].country,
                            EntityKind::Person => None,
                        };
                        break;
                    }
                }
            }
            // A country shortly before, within the same noun phrase.
            if found.is_none() {
                let mut k = m.start;
                while k > 0 && k + 12 > m.start {
                    k -= 1;
                    if matches!(
                        words[k],
                        "and" | "with" | "to" | "met" | ";" | "." | "between" | "said" | "told"
                    ) {
                        break;
                    }
                    if let Some(e) = at(k) {
                        // "Russia's chief of the General Staff, Gen. X": an institution is
                        // part of the title; its country, or one before it, is the person's.
                        match kind(e) {
                            EntityKind::Institution => match self.out.entities[e].country {
                                Some(c) => found = Some(c),
                                None => continue,
                            },
                            EntityKind::Country => found = Some(e),
                            EntityKind::Person => {}
                        }
                        break;
                    }
                }
            }
            let _ = index;
            if found.is_some() {
                self.out.entities[m.entity].country = found;
            }
        }
    }
}

/// The full names of an article, indexed by their folded words.
#[derive(Debug, Default)]
struct NameIndex {
    names: Vec<Vec<String>>,
    whole: HashMap<String, usize>,
    by_last: HashMap<String, Vec<usize>>,
    by_word: HashMap<String, Vec<usize>>,
    by_initial: HashMap<char, Vec<usize>>,
}

impl NameIndex {
    fn push(&mut self, words: Vec<String>) -> usize {
        let k = self.names.len();
        let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
        self.whole.entry(folded.join(" ")).or_insert(k);
        self.by_last
            .entry(folded[folded.len() - 1].clone())
            .or_default()
            .push(k);
        for w in &folded {
            let list = self.by_word.entry(w.clone()).or_default();
            if !list.contains(&k) {
                list.push(k);
            }
        }
        if let Some(c) = folded[folded.len() - 1].chars().next() {
            self.by_initial.entry(c).or_default().push(k);
        }
        self.names.push(words);
        k
    }

    /// The full name a surname, given name or misspelling stands for, if exactly one fits;
    /// among several, the one named most often so far (`named`, mentions by name), the first
    /// named on a tie: news calls the main figure by surname alone and a relative or
    /// namesake by full name ("President Javier Milei ... his sister Karina Milei ... Milei
    /// said").
    fn match_short(&self, words: &[String], named: &[(usize, usize)]) -> Option<usize> {
        let word = fold(&words.join(" "));
        // (times named, how early first named); never named counts as named last.
        let count = |k: usize| {
            let (times, first) = named.get(k).copied().unwrap_or((0, usize::MAX));
            (times, std::cmp::Reverse(first))
        };
        let pick = |hits: &[usize]| -> Option<usize> {
            match hits.len() {
                0 => None,
                1 => Some(hits[0]),
                _ => hits
                    .iter()
                    .copied()
                    .max_by_key(|&k| (count(k), std::cmp::Reverse(k))),
            }
        };
        if let Some(&k) = self.whole.get(&word) {
            return Some(k);
        }
        if let Some(k) = self.by_last.get(&word).and_then(|hits| pick(hits)) {
            return Some(k);
        }
        if let Some(k) = self.by_word.get(&word).and_then(|hits| pick(hits)) {
            return Some(k);
        }
        if words.len() == 1 {
            let first = word.chars().next()?;
            let fuzzy: Vec<usize> = self
                .by_initial
                .get(&first)
                .map(|ks| {
                    ks.iter()
                        .copied()
                        .filter(|&k| {
                            self.names[k]
                                .last()
                                .is_some_and(|w| same_name(w, &words[0]))
                        })
                        .collect()
                })
                .unwrap_or_default();
            if fuzzy.len() == 1 {
                return Some(fuzzy[0]);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::extract::find_mentions;
    use crate::lexicon::Lexicon;

    #[test]
    fn a_surname_two_people_share_names_the_main_figure() {
        let lexicon = Lexicon::builtin();
        for (text, main) in [
            (
                "President Javier Ostrand met the bankers. Ostrand spoke first. His sister, \
                 Secretary Karina Ostrand, also attended. \"It went well,\" Ostrand said.",
                "Javier Ostrand",
            ),
            (
                "Governor Lena Moreau opened the session. Her husband Paul Moreau sat in the \
                 front row. Moreau later told reporters the budget would pass.",
                "Lena Moreau",
            ),
        ] {
            let article = Article::parse("t.txt", text);
            let mentions = find_mentions(&lexicon, &article);
            let last = article.sentences.len() - 1;
            let named: Vec<&str> = mentions
                .in_sentence(last)
                .iter()
                .map(|m| mentions.entities[m.entity].name.as_str())
                .collect();
            assert_eq!(named, [main], "{text}");
        }
    }
}
