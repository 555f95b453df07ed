//! Countries and institutions: a lexicon phrase or a span of words ending in an institution
//! word in, an entity and its mention out. A country is named by its name, demonym or capital
//! (a capital after "in" is a place, not a government); an institution by the table's name when
//! the table knows it under any word order ("Russian Defense Ministry", "Ministry of Defense of
//! Russia"), else by a canonical name built from its words and country. A phrase ending in a
//! word of things ("Summit", "Treaty") is no institution.

use super::entities::{Builder, Mention};
use super::shapes::{capitalise, is_capitalised, join_words};
use crate::findings::EntityKind;
use crate::lexicon::words::{is, WordList};
use crate::lexicon::{CountryForm, Target, ThingRole};

impl Builder<'_> {
    pub(super) fn add_lexicon_mention(
        &mut self,
        s: usize,
        start: usize,
        end: usize,
        targets: &[Target],
        surface: &str,
        titled: bool,
    ) -> Option<usize> {
        let target = targets
            .iter()
            .find(|t| matches!(t, Target::Organisation(_)))
            .or_else(|| targets.iter().find(|t| matches!(t, Target::Country(..))))?;
        let (entity, capital) = match *target {
            Target::Country(c, form) => {
                let words = self.words(s);
                if form == CountryForm::Capital && is_locative(words, start) {
                    return None;
                }
                // "South American neighbours" name a continent, not the United States.
                if form == CountryForm::Demonym
                    && start > 0
                    && matches!(words[start - 1], "South" | "North" | "Latin" | "Central")
                {
                    return None;
                }
                (
                    self.country_entity(c, surface),
                    form == CountryForm::Capital,
                )
            }
            Target::Organisation(o) => {
                let org = &self.lexicon.organisations[o];
                let country = org.country.map(|c| {
                    let name = self.lexicon.countries[c].name.clone();
                    self.country_entity_silent(c, &name)
                });
                (
                    self.entity(EntityKind::Institution, &org.name.clone(), surface, country),
                    false,
                )
            }
            Target::Title => return None,
        };
        let demonym = matches!(target, Target::Country(_, CountryForm::Demonym));
        self.out.mentions.push(Mention {
            sentence: s,
            start,
            end,
            entity,
            titled,
            capital,
            demonym,
        });
        Some(entity)
    }

    fn country_entity(&mut self, c: usize, surface: &str) -> usize {
        let name = self.lexicon.countries[c].name.clone();
        let entity = self.entity(EntityKind::Country, &name, surface, None);
        self.out.entities[entity].iso = Some(self.lexicon.countries[c].iso.clone());
        entity
    }

    /// A country named only through an institution's table entry: an entity without a mention
    /// of its own, so it is not counted as mentioned unless the text names it too.
    fn country_entity_silent(&mut self, c: usize, name: &str) -> usize {
        let entity = self.entity(EntityKind::Country, name, name, None);
        self.out.entities[entity].iso = Some(self.lexicon.countries[c].iso.clone());
        self.out.entities[entity].mentions -= 1;
        entity
    }

    /// "Russia's defense ministry", "the Chinese foreign ministry": a ministry written in
    /// lowercase after its country, which ends at token `i`.
    pub(super) fn lowercase_ministry(&mut self, s: usize, words: &[&str], i: usize) {
        let Some((country, start)) = self
            .recent_mention(s, |m| m.end == i)
            .map(|m| (m.entity, m.start))
        else {
            return;
        };
        if self.out.entities[country].kind != EntityKind::Country {
            return;
        }
        let at = if matches!(words.get(i), Some(&"’s") | Some(&"'s")) {
            i + 1
        } else {
            i
        };
        let domain = words.get(at).copied().unwrap_or("");
        let ministry = words.get(at + 1).copied().unwrap_or("");
        if is(WordList::MinistryDomain, domain) && ministry == "ministry" {
            let _ = self.add_institution(s, words, start, at + 2, None);
        }
    }

    /// An institution read from its words; `possessor` is the country of "Russia's ...".
    pub(super) fn add_institution(
        &mut self,
        s: usize,
        words: &[&str],
        start: usize,
        end: usize,
        possessor: Option<usize>,
    ) -> Option<usize> {
        let surface_words = &words[start..end];
        if surface_words.last().is_some_and(|w| self.is_thing_head(w)) {
            return None;
        }
        if words.get(end) == Some(&"(")
            && words.get(end + 2) == Some(&")")
            && words.get(end + 3).is_some_and(|w| self.is_thing_head(w))
        {
            return None;
        }
        // A country inside the name: "Russian Defense Ministry", "Armed Forces of Ukraine".
        let mut country = possessor;
        let mut core: Vec<&str> = Vec::new();
        let mut j = 0;
        while j < surface_words.len() {
            if let Some((len, targets)) = self.lexicon.match_at(surface_words, j) {
                if let Some(Target::Country(c, _)) =
                    targets.iter().find(|t| matches!(t, Target::Country(..)))
                {
                    let name = self.lexicon.countries[*c].name.clone();
                    let entity = self.country_entity(*c, &surface_words[j..j + len].join(" "));
                    self.out.mentions.push(Mention {
                        sentence: s,
                        start: start + j,
                        end: start + j + len,
                        entity,
                        titled: false,
                        capital: false,
                        demonym: true,
                    });
                    let _ = name;
                    country = Some(entity);
                    j += len;
                    continue;
                }
            }
            if !matches!(surface_words[j], "'s" | "’s")
                || j + 1 < surface_words.len()
                    && self.lexicon.is_org_word(surface_words[j + 1])
                    && !core.is_empty()
            {
                core.push(surface_words[j]);
            }
            j += 1;
        }
        while core
            .last()
            .is_some_and(|w| matches!(*w, "of" | "the" | "for"))
        {
            core.pop();
        }
        while core
            .first()
            .is_some_and(|w| matches!(*w, "of" | "the" | "The" | "for"))
        {
            core.remove(0);
        }
        // A lone institution word ("Government spokesman") names no institution.
        if core.is_empty()
            || (core.len() == 1
                && country.is_none()
                && matches!(self.canonical_institution(&core, None), Canonical::Name(_)))
        {
            return None;
        }
        let bare = join_words(surface_words);
        let mut surface = bare.clone();
        if possessor.is_some() && start >= 2 {
            // Keep "Ukraine’s Armed Forces" as written, and the bare name too.
            surface = format!("{}{} {}", words[start - 2], words[start - 1], bare);
        }
        let canonical = self.canonical_institution(&core, country);
        let (name, lexicon_country) = match canonical {
            Canonical::Organisation(o) => {
                let org = &self.lexicon.organisations[o];
                let c = org.country.map(|c| {
                    let name = self.lexicon.countries[c].name.clone();
                    self.country_entity_silent(c, &name)
                });
                (org.name.clone(), c)
            }
            Canonical::Name(name) => (name, None),
        };
        let entity = self.entity(
            EntityKind::Institution,
            &name,
            &surface,
            country.or(lexicon_country),
        );
        self.out.entities[entity].aliases.insert(bare);
        self.push_mention(s, start, end, entity);
        Some(entity)
    }

    /// The table's organisation named exactly `name`, if any.
    fn lexicon_organisation(&self, name: &str) -> Option<usize> {
        let tokens = crate::article::tokenize(name, 0, name.len());
        let words: Vec<&str> = tokens.iter().map(|t| &name[t.start..t.end]).collect();
        let (len, targets) = self.lexicon.match_at(&words, 0)?;
        if len != words.len() {
            return None;
        }
        targets.iter().find_map(|t| match t {
            Target::Organisation(o) => Some(*o),
            _ => None,
        })
    }

    fn canonical_institution(&self, core: &[&str], country: Option<usize>) -> Canonical {
        let country_names = country.and_then(|c| {
            let entity = &self.out.entities[c];
            let index = self.lexicon.country(&entity.name)?;
            let info = &self.lexicon.countries[index];
            Some((info.name.clone(), info.demonym.clone()))
        });
        // A ministry: "{Demonym} Ministry of {Domain}".
        let lower: Vec<String> = core.iter().map(|w| w.to_lowercase()).collect();
        if let Some(m) = lower.iter().position(|w| w == "ministry") {
            let domain: Vec<&str> = if m + 1 < core.len() {
                core[m + 1..]
                    .iter()
                    .copied()
                    .filter(|w| !matches!(*w, "of" | "the"))
                    .collect()
            } else {
                core[..m].to_vec()
            };
            if !domain.is_empty() {
                let domain = domain
                    .iter()
                    .map(|w| match w.to_lowercase().as_str() {
                        "defence" | "defense" => "Defense".to_string(),
                        "foreign" => "Foreign Affairs".to_string(),
                        other => capitalise(other),
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                let name = match &country_names {
                    Some((_, Some(demonym))) => format!("{demonym} Ministry of {domain}"),
                    Some((name, None)) => format!("Ministry of {domain} of {name}"),
                    None => format!("Ministry of {domain}"),
                };
                // The table may know it under another word order: "Russian Defense Ministry".
                let short_domain = domain.trim_end_matches(" Affairs");
                let variants = match &country_names {
                    Some((country, Some(demonym))) => vec![
                        name.clone(),
                        format!("{demonym} {short_domain} Ministry"),
                        format!("Ministry of {domain} of {country}"),
                    ],
                    _ => vec![name.clone()],
                };
                for variant in &variants {
                    if let Some(o) = self.lexicon_organisation(variant) {
                        return Canonical::Organisation(o);
                    }
                }
                return Canonical::Name(name);
            }
        }
        // Variants a lexicon may list: "Armed Forces of Ukraine" for "Ukraine's Armed Forces".
        let core_text = join_words(core);
        let mut variants = vec![core_text.clone()];
        if let Some((name, demonym)) = &country_names {
            variants.insert(0, format!("{core_text} of {name}"));
            if let Some(d) = demonym {
                variants.insert(0, format!("{d} {core_text}"));
            }
            variants.insert(0, format!("{name} {core_text}"));
        }
        for variant in &variants {
            if let Some(o) = self.lexicon_organisation(variant) {
                let org = &self.lexicon.organisations[o];
                let same_country = match (org.country, &country_names) {
                    (Some(c), Some((name, _))) => &self.lexicon.countries[c].name == name,
                    _ => true,
                };
                if same_country {
                    return Canonical::Organisation(o);
                }
            }
        }
        match &country_names {
            Some((_, Some(demonym))) => Canonical::Name(format!("{demonym} {core_text}")),
            Some((name, None)) => Canonical::Name(format!("{core_text} of {name}")),
            None => Canonical::Name(core_text),
        }
    }

    /// Does `word` end capitalised phrases that name things ("Summit", "Treaty")?
    pub(super) fn is_thing_head(&self, word: &str) -> bool {
        self.lexicon.thing_word(word) == Some(ThingRole::Head)
    }
}

enum Canonical {
    Organisation(usize),
    Name(String),
}

/// Is the capital at token `i` a place ("in Moscow") rather than a government?
fn is_locative(words: &[&str], i: usize) -> bool {
    let before = if i > 0 { words[i - 1] } else { "" };
    let after = words.get(i + 1).copied().unwrap_or("");
    matches!(
        before,
        "in" | "at"
            | "near"
            | "from"
            | "to"
            | "into"
            | "outside"
            | "around"
            | "across"
            | "toward"
            | "towards"
            | "via"
            | "of"
            | "visit"
            | "visited"
            | "left"
            | "reached"
    ) || after == "—"
        || (after == "," && words.get(i + 2).is_some_and(|w| is_capitalised(w)))
}
