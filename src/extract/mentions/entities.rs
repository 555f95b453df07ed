//! What reading an article builds: [`Mention`]s of article-local entities ([`Mentions`]),
//! and the `Builder` that holds them while the sentences are read: the entity table (one
//! entity per kind and canonical name, with its aliases and how often it is mentioned), the
//! person candidates waiting to be resolved, and the institutions a following name may belong to.

use std::collections::BTreeSet;

use crate::findings::{EntityKind, LocalEntity};
use crate::lexicon::Lexicon;

// The hash maps here are only looked up, never iterated: their order cannot show.
use rustc_hash::FxHashMap as HashMap;

/// One mention: tokens `start..end` of sentence `sentence`, standing for entity `entity`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    /// Country or institution phrase that stood before the name in the same run, as in
    /// "Russian Defense Minister Sergei Shoigu".
    pub titled: bool,
    /// A country form used as a capital: "Moscow said".
    pub capital: bool,
    /// A country named by its demonym: "Russian" describes, it does not act.
    pub demonym: bool,
}

/// The entities of one article and where each is mentioned.
#[derive(Debug, Clone, Default)]
pub struct Mentions {
    pub entities: Vec<LocalEntity>,
    /// Sorted by sentence, then token.
    pub mentions: Vec<Mention>,
    /// (person, institution, is spokesperson) affiliations read from titles.
    pub memberships: Vec<(usize, usize, bool, usize)>,
}

impl Mentions {
    /// The mentions of sentence `s`.
    pub fn in_sentence(&self, s: usize) -> &[Mention] {
        let from = self.mentions.partition_point(|m| m.sentence < s);
        let to = self.mentions.partition_point(|m| m.sentence <= s);
        &self.mentions[from..to]
    }

    /// Whether person `p` belongs to `side`: a country that is hers, or an institution her title
    /// names. The side is then hers, named twice.
    pub fn belongs(&self, p: usize, side: usize) -> bool {
        let entities = &self.entities;
        entities[p].kind == EntityKind::Person
            && match entities[side].kind {
                EntityKind::Country => entities[p].country == Some(side),
                EntityKind::Institution => self
                    .memberships
                    .iter()
                    .any(|&(person, institution, _, _)| person == p && institution == side),
                EntityKind::Person => false,
            }
    }
}

/// A person candidate before resolution.
#[derive(Debug, Clone)]
pub(super) struct PersonCandidate {
    pub(super) sentence: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) words: Vec<String>,
    pub(super) titles: Vec<String>,
    pub(super) titled: bool,
    pub(super) verb_after: bool,
    pub(super) country: Option<usize>,
    pub(super) org: Option<(usize, bool)>,
    pub(super) title_case: bool,
    /// One word that is a known place, without a title right before it.
    pub(super) place: bool,
}

pub(super) struct Builder<'a> {
    pub(super) lexicon: &'a Lexicon,
    /// The words of every sentence, cut out of the text once.
    pub(super) words: &'a [Vec<&'a str>],
    pub(super) out: Mentions,
    /// Entity index by kind and canonical name.
    pub(super) keys: HashMap<(EntityKind, String), usize>,
    pub(super) people: Vec<PersonCandidate>,
    /// Organisation entity of each (sentence, token end) for membership of following people.
    pub(super) pending_orgs: HashMap<(usize, usize), usize>,
}

impl<'a> Builder<'a> {
    /// The words of sentence `s`.
    pub(super) fn words(&self, s: usize) -> &'a [&'a str] {
        let words: &'a [Vec<&'a str>] = self.words;
        &words[s]
    }

    /// The latest mention of sentence `s` (the one being read) that satisfies `test`.
    pub(super) fn recent_mention(
        &self,
        s: usize,
        test: impl Fn(&Mention) -> bool,
    ) -> Option<&Mention> {
        self.out
            .mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence == s)
            .find(|m| test(m))
    }

    /// Records a plain mention (no title, not a capital, not a demonym).
    pub(super) fn push_mention(
        &mut self,
        sentence: usize,
        start: usize,
        end: usize,
        entity: usize,
    ) {
        self.out.mentions.push(Mention {
            sentence,
            start,
            end,
            entity,
            titled: false,
            capital: false,
            demonym: false,
        });
    }

    /// The entity of this kind and canonical name, created on first use; adds the alias.
    pub(super) fn entity(
        &mut self,
        kind: EntityKind,
        name: &str,
        surface: &str,
        country: Option<usize>,
    ) -> usize {
        let index = *self
            .keys
            .entry((kind, name.to_string()))
            .or_insert_with(|| {
                self.out.entities.push(LocalEntity {
                    kind,
                    name: name.to_string(),
                    aliases: BTreeSet::new(),
                    titles: BTreeSet::new(),
                    country,
                    iso: None,
                    mentions: 0,
                });
                self.out.entities.len() - 1
            });
        let entity = &mut self.out.entities[index];
        if !entity.aliases.contains(surface) {
            entity.aliases.insert(surface.to_string());
        }
        entity.mentions += 1;
        if entity.country.is_none() {
            entity.country = country;
        }
        index
    }
}
