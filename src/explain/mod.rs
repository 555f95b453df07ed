//! Why a node is what it is: the names it was read under, the articles, the rule that joined
//! each name to it, and the near-candidates that were kept apart and why.
//!
//! In: a graph with its article records (as `build` writes them) and a node, or a store
//! (`store.rs`: only the node's articles, the nodes they name and the people whose names
//! come near). Out: an [`Explanation`], printable as text or JSON. What is read goes through
//! [`Sources`].

mod store;

pub use store::explain_from_store;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Serialize;

use crate::graph::{ArticleGraph, Entity, EntityKind, NewsGraph};
use crate::resolve::names::{self, Relation};
use crate::resolve::{
    exact_key, folded_titles, given, given_names_agree, meetings_of, osa_within, person_key,
    plain_key, surname, Aliases, NameKeys,
};

/// Everything `newsgraph explain` says about one node.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub articles: Vec<String>,
    /// Each name the node was read under, with the rule that joined it.
    pub names: Vec<NameForm>,
    /// Other nodes that a careless merge would have joined, and why they were not.
    pub kept_apart: Vec<KeptApart>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameForm {
    pub name: String,
    pub rule: String,
    /// The articles that use this name for the node (empty when the graph has no records).
    pub articles: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeptApart {
    pub id: String,
    pub name: String,
    pub reason: String,
}

/// What explaining a node reads.
pub trait Sources {
    /// The user's alias rules.
    fn aliases(&self) -> &Aliases;
    /// Hands `each` every article one of whose people is the node `id`, in order, with the
    /// node id of each of its people (None for other entities): one at a time, so a node of
    /// thousands of articles never holds them all.
    fn for_each_article_naming(
        &self,
        id: &str,
        each: &mut dyn FnMut(&ArticleGraph, &[Option<String>]),
    );
    /// The name of the node `id`.
    fn name(&self, id: &str) -> Option<String>;
    /// The people other than `entity` (whose name's keys are `keys`) that
    /// [`Explanation::kept_apart`] may name (every person whose name comes near), sorted by
    /// id.
    fn near_people(&self, entity: &Entity, keys: &NameKeys) -> Vec<Entity>;
}

/// Explains a node of the graph.
pub fn explain(graph: &NewsGraph, entity: &Entity) -> Explanation {
    // A graph read from a file holds its records in memory: reading them cannot fail.
    let articles = graph.articles().unwrap_or_default();
    let local_ids = graph.local_ids().unwrap_or_default();
    let sources = GraphSources {
        graph,
        articles: articles
            .into_iter()
            .zip(local_ids)
            .map(|(article, ids)| {
                let ids = ids
                    .into_iter()
                    .zip(&article.entities)
                    .map(|(id, local)| (local.kind == EntityKind::Person).then_some(id))
                    .collect();
                (article, ids)
            })
            .collect(),
    };
    explain_with(&sources, entity)
}

/// A graph in memory with its articles, and each article's node ids.
struct GraphSources<'g> {
    graph: &'g NewsGraph,
    articles: Vec<(ArticleGraph, Vec<Option<String>>)>,
}

impl Sources for GraphSources<'_> {
    fn aliases(&self) -> &Aliases {
        self.graph.aliases()
    }

    fn for_each_article_naming(
        &self,
        id: &str,
        each: &mut dyn FnMut(&ArticleGraph, &[Option<String>]),
    ) {
        for (article, ids) in &self.articles {
            if ids.iter().any(|i| i.as_deref() == Some(id)) {
                each(article, ids);
            }
        }
    }

    fn name(&self, id: &str) -> Option<String> {
        self.graph.entity(id).map(|e| e.name.clone())
    }

    fn near_people(&self, entity: &Entity, _keys: &NameKeys) -> Vec<Entity> {
        self.graph
            .entities()
            .filter(|e| e.id != entity.id && e.kind == EntityKind::Person)
            .cloned()
            .collect()
    }
}

/// Explains a node from what `sources` give.
pub fn explain_with(sources: &dyn Sources, entity: &Entity) -> Explanation {
    // Which article used which name for this node.
    let mut used: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut lone_in: BTreeSet<String> = BTreeSet::new();
    // Each name of this node -> the people met under it, with the week and the article.
    let mut met_as: BTreeMap<String, BTreeSet<(Met, String)>> = BTreeMap::new();
    // The people this node met, with the week, under any name.
    let mut met: BTreeSet<Met> = BTreeSet::new();
    sources.for_each_article_naming(&entity.id, &mut |article, ids| {
        for (i, (local, id)) in article.entities.iter().zip(ids).enumerate() {
            if local.kind != EntityKind::Person || id.as_deref() != Some(&*entity.id) {
                continue;
            }
            let meetings = meetings_in(article, ids, i);
            met.extend(meetings.iter().cloned());
            let forms = std::iter::once(&local.name).chain(&local.aliases);
            for form in forms {
                used.entry(form.clone())
                    .or_default()
                    .insert(article.article.clone());
                met_as.entry(form.clone()).or_default().extend(
                    meetings
                        .iter()
                        .map(|m| (m.clone(), article.article.clone())),
                );
            }
            if entity.kind == EntityKind::Person && !person_key(&local.name).contains(' ') {
                lone_in.insert(local.name.clone());
            }
        }
    });
    let mut forms: BTreeSet<&String> = entity.aliases.iter().collect();
    forms.insert(&entity.name);
    let node = Node {
        kind: entity.kind,
        name: &entity.name,
        titles: titles(entity),
        evidence: evidence_of(entity),
    };
    let names = forms
        .into_iter()
        .map(|form| {
            let rule = if *form == entity.name {
                "the node's name (its fullest form)".to_string()
            } else {
                let met = met_under_both(sources, form, &met_as);
                why_same(&node, form, sources.aliases(), lone_in.contains(form), &met)
            };
            NameForm {
                name: form.clone(),
                rule,
                articles: used
                    .get(form)
                    .map(|a| a.iter().cloned().collect())
                    .unwrap_or_default(),
            }
        })
        .collect();
    Explanation {
        id: entity.id.to_string(),
        name: entity.name.clone(),
        kind: entity.kind,
        country: entity.country.as_deref().map(str::to_string),
        articles: entity.articles.iter().map(|a| a.to_string()).collect(),
        names,
        kept_apart: kept_apart(sources, entity, &met),
    }
}

/// The people the person `i` of an article met, by node id, with the week.
fn meetings_in(article: &ArticleGraph, ids: &[Option<String>], i: usize) -> BTreeSet<Met> {
    meetings_of(article, i)
        .into_iter()
        .filter_map(|(other, week)| Some((ids[other].clone()?, week)))
        .collect()
}

/// The people the node `id` met, by node id, with the week: over every article naming it.
fn met_by(sources: &dyn Sources, id: &str) -> BTreeSet<Met> {
    let mut met = BTreeSet::new();
    sources.for_each_article_naming(id, &mut |article, ids| {
        for (i, local) in ids.iter().enumerate() {
            if local.as_deref() == Some(id) && article.entities[i].kind == EntityKind::Person {
                met.extend(meetings_in(article, ids, i));
            }
        }
    });
    met
}

/// A person met, by node id, and the ISO week of the contact.
type Met = (String, String);

/// The people met in the same week under `form` and, in another article, under another
/// spelling of the node, as evidence: "met Anna Weber in the week 2024-W11 under both
/// spellings".
fn met_under_both(
    sources: &dyn Sources,
    form: &str,
    met_as: &BTreeMap<String, BTreeSet<(Met, String)>>,
) -> Vec<String> {
    let Some(own) = met_as.get(form) else {
        return Vec::new();
    };
    let key = person_key(form);
    let others: Vec<&(Met, String)> = met_as
        .iter()
        .filter(|(other, _)| person_key(other) != key)
        .flat_map(|(_, met)| met)
        .collect();
    let both: BTreeSet<&Met> = own
        .iter()
        .filter(|(met, article)| others.iter().any(|(m, a)| m == met && a != article))
        .map(|(met, _)| met)
        .collect();
    both.into_iter()
        .map(|(id, week)| {
            let name = sources.name(id).unwrap_or_else(|| id.clone());
            format!("met {name} in the week {week} under both spellings")
        })
        .collect()
}

/// What `why_same` needs of the node.
struct Node<'a> {
    kind: EntityKind,
    name: &'a str,
    /// Its titles, folded.
    titles: BTreeSet<String>,
    /// What its articles say of it, for rules that need evidence: its country and titles.
    evidence: Vec<String>,
}

/// An entity's titles, folded.
fn titles(entity: &Entity) -> BTreeSet<String> {
    folded_titles(&entity.titles)
}

/// What an entity's articles say of it: its country and titles.
fn evidence_of(entity: &Entity) -> Vec<String> {
    let mut parts = Vec::new();
    if let Some(country) = &entity.country {
        parts.push(format!("country {country}"));
    }
    if !entity.titles.is_empty() {
        parts.push(format!("titles {}", entity.titles.join(", ")));
    }
    parts
}

/// The evidence a rule that needs it had: " (evidence: country ...; met ...)".
fn evidence(parts: &[String], met: &[String]) -> String {
    let all: Vec<&str> = parts.iter().chain(met).map(String::as_str).collect();
    if all.is_empty() {
        " (evidence: the same words written in one of its articles)".to_string()
    } else {
        format!(" (evidence: {})", all.join("; "))
    }
}

/// The rule that makes `form` a name of `node`; `lone`: an article names them by `form`
/// alone; `met`: the people met the same week under `form` and another name (evidence).
fn why_same(node: &Node, form: &str, aliases: &Aliases, lone: bool, met: &[String]) -> String {
    let (kind, name) = (node.kind, node.name);
    if aliases.joins(form, name) {
        return "your alias file says so".to_string();
    }
    if form == name {
        return "the node's name".to_string();
    }
    if exact_key(form) == exact_key(name) {
        return "the same name with other capitals, accents or punctuation".to_string();
    }
    if kind != EntityKind::Person {
        return "another name for it, from the lexicon or the same article".to_string();
    }
    // "Defense Minister Sergei Shoigu": the name with a title before it.
    let words: Vec<&str> = form.split_whitespace().collect();
    // The node's own name after the title first ("President" before "João Manuel Gonçalves
    // Lourenço", not "President João Manuel" before "Gonçalves Lourenço").
    let own = person_key(name);
    if let Some(i) = (1..words.len()).find(|&i| person_key(&words[i..].join(" ")) == own) {
        return format!(
            "the name with a title before it ({:?})",
            words[..i].join(" ")
        );
    }
    for i in (1..words.len()).rev() {
        let rest = words[i..].join(" ");
        if person_key(&rest).contains(' ') && why_same(node, &rest, aliases, false, met) != OTHER {
            return format!(
                "the name with a title before it ({:?})",
                words[..i].join(" ")
            );
        }
    }
    let (regnal_form, regnal_name) = (
        names::regnal_key(form, &node.titles),
        names::regnal_key(name, &node.titles),
    );
    if let (Some(x), Some(y)) = (&regnal_form, &regnal_name) {
        if x.split(' ').next() == y.split(' ').next() {
            return "a regnal or honorific name, with or without its title or number (\"King \
                    Felipe\", \"Felipe VI\"): regnal names join only one another, never an \
                    ordinary name of the same word"
                .to_string();
        }
    }
    if regnal_form.is_some() && regnal_name.is_none() {
        return format!(
            "{}{}",
            Relation::HonorificGivenName.describe(),
            evidence(&node.evidence, met)
        );
    }
    let (a, b) = (person_key(form), person_key(name));
    if a == b {
        return if plain_key(form) == plain_key(name) {
            "the same name without titles, initials, suffixes, particles or hyphens".to_string()
        } else {
            "a transliteration variant of the same name".to_string()
        };
    }
    let agree = given(&a)
        .zip(given(&b))
        .is_some_and(|((fa, ra), (fb, rb))| ra == rb && given_names_agree(fa, fb));
    if agree {
        return "a short form of the same given name, with the same surname".to_string();
    }
    if !a.contains(' ') && surname(&b) == Some(a.as_str()) {
        return if lone {
            "the surname alone: where an article names no one in full, they are the only \
             full-named person of this surname in the graph (with the initials written before \
             it, if any) and the articles give no other country, or the only one the article's \
             country or title fits"
                .to_string()
        } else {
            "the surname alone, in an article that names them in full".to_string()
        };
    }
    if !a.contains(' ') && given(&b).map(|g| g.0) == Some(a.as_str()) {
        return if lone {
            format!(
                "the first word alone (a family name written first, \"President Xi\"), where an \
                 article names no one in full: no one else has it, and the articles agree on a \
                 country, a title or a person met that week{}",
                evidence(&node.evidence, met)
            )
        } else {
            "the first word alone (a given name, or a family name written first), in an \
             article that names them in full"
                .to_string()
        };
    }
    if let Some(relation) = names::relate(&a, &b) {
        let short_words = a.split(' ').count().min(b.split(' ').count());
        let evidence = if relation.needs_agreement(short_words) || relation == Relation::TailDropped
        {
            evidence(&node.evidence, met)
        } else {
            String::new()
        };
        return format!("{}{evidence}", relation.describe());
    }
    if osa_within(&a, &b, 2) {
        return "a misspelling, in an article that names them".to_string();
    }
    OTHER.to_string()
}

const OTHER: &str = "how an article that names them in full refers to them";

/// People whose names come close to this node's, and why they are another node; `met`: the
/// people the node met, with the week.
fn kept_apart(sources: &dyn Sources, entity: &Entity, met: &BTreeSet<Met>) -> Vec<KeptApart> {
    if entity.kind != EntityKind::Person {
        return Vec::new();
    }
    let mut out = Vec::new();
    let own = NameKeys::of(&entity.name, &entity.titles);
    for other in sources.near_people(entity, &own) {
        if other.id == entity.id || other.kind != EntityKind::Person {
            continue;
        }
        let theirs = NameKeys::of(&other.name, &other.titles);
        let mut met_both = || !met.is_disjoint(&met_by(sources, &other.id));
        let (entity, other) = ((entity, &own), (&other, &theirs));
        if let Some(reason) = apart(sources.aliases(), entity, other, &mut met_both) {
            out.push(KeptApart {
                id: other.0.id.to_string(),
                name: other.0.name.clone(),
                reason,
            });
        }
    }
    out
}

/// Why the person `other` is not `entity`, if their names come near; each comes with its
/// name's keys; `met_both`: did they meet one person in the same week. Whether it says
/// anything depends only on the two names and their keys (not on `other`'s aliases, titles,
/// country or meetings), so a store finds the people to ask about from their names and keys
/// alone ([`may_be_near`]).
fn apart(
    aliases: &Aliases,
    (entity, own): (&Entity, &NameKeys),
    (other, theirs): (&Entity, &NameKeys),
    met_both: &mut dyn FnMut() -> bool,
) -> Option<String> {
    let key = own.key.as_str();
    let last = surname(key).unwrap_or(key).to_string();
    {
        let other_key = theirs.key.as_str();
        let other_last = surname(other_key).unwrap_or(other_key);
        let (own_regnal, other_regnal) = (&own.regnal, &theirs.regnal);
        let word = |regnal: &Option<String>| {
            regnal
                .as_deref()
                .and_then(|r| r.split(' ').next())
                .map(str::to_string)
        };
        let shares_word = |regnal: &Option<String>, key: &str| {
            word(regnal).is_some_and(|w| key.split(' ').any(|k| k == w))
        };
        let reason = if aliases.separates(&entity.name, &other.name) {
            "your alias file keeps them apart".to_string()
        } else if (own_regnal.is_some()
            && other_regnal.is_none()
            && shares_word(own_regnal, other_key))
            || (other_regnal.is_some() && own_regnal.is_none() && shares_word(other_regnal, key))
        {
            "one is a regnal or honorific name (a title such as King, Pope, Emir or Sheikh, or \
             a number after the name) and the other an ordinary name with the same word: they \
             are never joined"
                .to_string()
        } else if own_regnal.is_some()
            && other_regnal.is_some()
            && word(own_regnal) == word(other_regnal)
        {
            "another regnal name of the same word: a different number, or more than one ruler \
             it could be"
                .to_string()
        } else if let Some(relation) = names::relate(key, other_key) {
            rejected(relation, entity, other, met_both())
        } else if let Some(reason) = lone_apart((entity, key), (other, other_key)) {
            reason
        } else if other_last == last && !other_key.contains(' ') {
            "a surname alone that fits more than one full-named person: left unmerged, never \
             guessed"
                .to_string()
        } else if other_last == last && !key.contains(' ') {
            "one of several full-named people this surname could be: left unmerged, never \
             guessed"
                .to_string()
        } else if other_last == last {
            let (own, their) = (
                given(key).map_or("", |g| g.0),
                given(other_key).map_or("", |g| g.0),
            );
            if given_names_agree(own, their) {
                "the same surname and a given name that could be the same, but another \
                 person of this surname fits too"
                    .to_string()
            } else {
                format!("the same surname, another given name ({own} / {their})")
            }
        } else if key.contains(' ')
            && other_key.contains(' ')
            && given(key).is_some_and(|g| g.0.len() <= 5)
            && given(key).map(|g| g.0) == given(other_key).map(|g| g.0)
        {
            "the same first name word (a given name, or a family name written first, as in \
             Chinese), but the rest of the name differs"
                .to_string()
        } else if osa_within(key, other_key, 2) {
            "a similar name, but not the same after folding spelling variants".to_string()
        } else {
            return None;
        };
        Some(reason)
    }
}

/// Might [`apart`] say something of the person `other` (of whom only the id, name and
/// name's keys need be known), `entity` having the keys `own`? The same answer as for the
/// whole node: a lone name that [`lone_apart`] keeps apart by its initials or country is
/// also a surname alone or a first word, which [`apart`] names whatever the rest.
pub(crate) fn may_be_near(
    aliases: &Aliases,
    (entity, own): (&Entity, &NameKeys),
    (other, theirs): (&Entity, &NameKeys),
) -> bool {
    apart(aliases, (entity, own), (other, theirs), &mut || false).is_some()
}

/// Why a lone name (one word of key) was not joined to a full name whose surname or first
/// word it is, when the reason is what the articles say: initials that do not fit, another
/// country, or (for a first word alone) nothing in common. Each entity comes with its
/// name's key.
fn lone_apart(
    (entity, key): (&Entity, &str),
    (other, other_key): (&Entity, &str),
) -> Option<String> {
    let (lone, word, full, full_key) = match (key.contains(' '), other_key.contains(' ')) {
        (false, true) => (entity, key, other, other_key),
        (true, false) => (other, other_key, entity, key),
        _ => return None,
    };
    let is_surname = surname(full_key) == Some(word);
    let is_first = given(full_key).map(|g| g.0) == Some(word);
    if !is_surname && !is_first {
        return None;
    }
    let initials = std::iter::once(&lone.name)
        .chain(&lone.aliases)
        .map(|name| names::initials(name))
        .find(|initials| !initials.is_empty());
    if let Some(initials) = initials {
        let written: String = initials
            .iter()
            .map(|c| format!("{}. ", c.to_uppercase()))
            .collect();
        if !is_surname {
            return Some(format!(
                "a surname after initials ({}): never a given name or a family name written \
                 first",
                written.trim_end()
            ));
        }
        if !names::initials_fit(&initials, full_key) {
            return Some(format!(
                "the same surname, but the initials ({}) do not fit the given names",
                written.trim_end()
            ));
        }
    }
    if let (Some(a), Some(b)) = (&lone.country, &full.country) {
        if a != b {
            return Some(format!(
                "the name alone, but its articles give another country ({a} / {b}): never \
                 joined"
            ));
        }
    }
    if is_first && !is_surname {
        return Some(
            "the first word of the name alone (a given name, or a family name written first, \
             \"President Xi\"): joined only where the articles agree on a country, a title or \
             a person met the same week, and no one else fits"
                .to_string(),
        );
    }
    None
}

/// Why a name rule did not join two people it relates; `met_both`: they met one person in
/// the same week.
fn rejected(relation: Relation, entity: &Entity, other: &Entity, met_both: bool) -> String {
    if let (Some(a), Some(b)) = (&entity.country, &other.country) {
        if a != b {
            return format!(
                "{} would fit, but their articles give different countries ({a} / {b})",
                rule_name(relation)
            );
        }
    }
    let shared_title = entity.titles.iter().any(|t| other.titles.contains(t));
    let shared_country = entity.country.is_some() && entity.country == other.country;
    let short_words = [&entity.name, &other.name]
        .map(|name| person_key(name).split(' ').count())
        .into_iter()
        .min()
        .unwrap_or(0);
    if relation.needs_agreement(short_words) && !shared_title && !shared_country && !met_both {
        return format!(
            "{} would fit, but no country or title in common, no person both met in the same \
             week and no article writing both spellings: a near spelling alone never merges",
            rule_name(relation)
        );
    }
    format!(
        "{} would fit, but so does another person, or a shorter form fits more than one full \
         name: left apart, never guessed",
        rule_name(relation)
    )
}

/// A rule's short name.
fn rule_name(relation: Relation) -> &'static str {
    match relation {
        Relation::GivenDropped => "a dropped given name",
        Relation::MiddleDropped => "dropped middle names",
        Relation::TailDropped => "a dropped family part or second surname",
        Relation::Reordered => "the same names in the other order",
        Relation::Misspelled => "a spelling a letter or two apart",
        Relation::RegnalNumber => "a regnal name with its number",
        Relation::HonorificGivenName => "an honorific with a given name",
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({}, {})", self.name, self.id, self.kind.as_str())?;
        if let Some(country) = &self.country {
            write!(f, ", country {country}")?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "\nArticles ({}):\n  {}",
            self.articles.len(),
            self.articles.join("\n  ")
        )?;
        writeln!(f, "\nNames, and the rule that joined each:")?;
        for form in &self.names {
            writeln!(f, "  {:?}: {}", form.name, form.rule)?;
            if !form.articles.is_empty() {
                writeln!(f, "      in {}", form.articles.join(", "))?;
            }
        }
        if self.kept_apart.is_empty() {
            writeln!(f, "\nKept apart: no near candidates.")?;
        } else {
            writeln!(f, "\nKept apart:")?;
            for other in &self.kept_apart {
                writeln!(f, "  {} ({}): {}", other.name, other.id, other.reason)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
