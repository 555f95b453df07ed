//! Likely pairs: an article's words, its mentions and the events the contact reader found in;
//! out, the pairs of sides named together in a sentence with a contact word that the reader
//! left alone, each with the cues a fitted model weighs ([`candidates`]), and an event for
//! each pair the model believes ([`add_likely_events`]).
//!
//! The reader knows the frames of contact news ("X met Y", "talks between X and Y"); news
//! written in other ways ("X, who flew in on Monday, held a long meeting there with Y") it
//! misses. This stage is its second opinion: it reads no frame, only cues any sentence has
//! (where the contact word stands, what lies between the names, reporting words, modal
//! words), and logistic regression fitted on the gold development folders
//! (`scripts/fit_pairs.py`, weights in `lexicon/data/pair_weights.tsv`) weighs them.

use std::collections::{BTreeMap, BTreeSet};

use crate::article::Article;
use crate::findings::{ContactKind, EntityKind, Evidence, LocalEvent, Status};
use crate::lexicon::weights::{pair_weights, Weights};
use crate::lexicon::words::{is, WordList};
use crate::lexicon::{ContactWord, Lexicon};

use super::mentions::{Mention, Mentions};

/// Two sides named in one sentence with a contact word, and what the sentence shows of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub sentence: usize,
    /// Entities, the one named first first.
    pub a: usize,
    pub b: usize,
    /// The kind of contact the sentence's contact words point to.
    pub kind: ContactKind,
    /// The cues, by name (the names the weights file uses).
    pub cues: Vec<String>,
}

/// The pairs the reader left alone that share a sentence with a contact word.
pub fn candidates(
    lexicon: &Lexicon,
    article: &Article,
    words: &[Vec<&str>],
    mentions: &Mentions,
    events: &[LocalEvent],
) -> Vec<Candidate> {
    let linked: BTreeSet<(usize, usize)> = events
        .iter()
        .flat_map(|e| crate::findings::pairs(&e.participants).map(|(a, b)| ordered(*a, *b)))
        .collect();
    let starts: BTreeMap<usize, usize> = article
        .sentences
        .iter()
        .enumerate()
        .map(|(s, sentence)| (article.char_offset(sentence.span.start), s))
        .collect();
    let mut read: BTreeMap<usize, Vec<&LocalEvent>> = BTreeMap::new();
    for event in events {
        if let Some(&s) = starts.get(&event.evidence.start) {
            read.entry(s).or_default().push(event);
        }
    }
    let article_has_call = words
        .iter()
        .flatten()
        .any(|w| lexicon.contact_word(w) == Some(ContactWord::Call));
    let mut found = Vec::new();
    for (s, sentence) in words.iter().enumerate() {
        let named = first_mentions(mentions.in_sentence(s));
        if named.len() < 2 {
            continue;
        }
        let inside = |t: usize| named.iter().any(|m| (m.start..m.end).contains(&t));
        let contact: Vec<(usize, ContactWord)> = sentence
            .iter()
            .enumerate()
            .filter(|&(t, _)| !inside(t))
            .filter_map(|(t, w)| lexicon.contact_word(w).map(|class| (t, class)))
            .collect();
        if contact.is_empty() {
            continue;
        }
        let lower: Vec<String> = sentence.iter().map(|w| w.to_lowercase()).collect();
        let view = Sentence {
            lower: &lower,
            named: &named,
            contact: &contact,
            read: read.get(&s).map(Vec::as_slice).unwrap_or(&[]),
            headline: article.sentences[s].title_case,
        };
        let kind = view.kind(article_has_call);
        for (i, first) in named.iter().enumerate() {
            for second in &named[i + 1..] {
                if linked.contains(&ordered(first.entity, second.entity)) {
                    continue;
                }
                found.push(Candidate {
                    sentence: s,
                    a: first.entity,
                    b: second.entity,
                    kind,
                    cues: view.cues(mentions, first, second),
                });
            }
        }
    }
    found
}

/// Adds an event for each pair of [`candidates`] the fitted model believes, in the sentence
/// where it believes it most; returns how many it added.
pub fn add_likely_events(
    lexicon: &Lexicon,
    article: &Article,
    words: &[Vec<&str>],
    mentions: &Mentions,
    events: &mut Vec<LocalEvent>,
) -> usize {
    let weights = pair_weights();
    let mut best: BTreeMap<(usize, usize), (f32, Candidate)> = BTreeMap::new();
    for candidate in candidates(lexicon, article, words, mentions, events) {
        let p = probability(weights, &candidate);
        if p < weights.threshold {
            continue;
        }
        let key = ordered(candidate.a, candidate.b);
        if best.get(&key).is_none_or(|(q, _)| p > *q) {
            best.insert(key, (p, candidate));
        }
    }
    let mut added: Vec<LocalEvent> = best
        .into_values()
        .map(|(_, c)| {
            let sentence = &article.sentences[c.sentence];
            LocalEvent {
                kind: c.kind,
                status: Status::Happened,
                participants: vec![c.a.min(c.b), c.a.max(c.b)],
                date: None,
                date_iso: None,
                initiator: None,
                evidence: Evidence {
                    article: article.path.as_str().into(),
                    text: article.sentence_text(sentence).into(),
                    start: article.char_offset(sentence.span.start),
                    end: article.char_offset(sentence.span.end),
                },
            }
        })
        .collect();
    added.sort_by_key(|e| (e.evidence.start, e.participants.clone()));
    let n = added.len();
    events.extend(added);
    events.sort_by_key(|e| e.evidence.start);
    n
}

/// The model's probability that `candidate` is a contact that happened.
pub fn probability(weights: &Weights, candidate: &Candidate) -> f32 {
    weights.probability(candidate.cues.iter().map(String::as_str))
}

fn ordered(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// The first mention of each entity in a sentence's mentions, in order.
fn first_mentions(mentions: &[Mention]) -> Vec<Mention> {
    let mut seen = BTreeSet::new();
    mentions
        .iter()
        .filter(|m| seen.insert(m.entity))
        .cloned()
        .collect()
}

/// What the cues are read from: one sentence.
struct Sentence<'s> {
    lower: &'s [String],
    /// The first mention of each entity named.
    named: &'s [Mention],
    /// The contact words outside names: (token, class).
    contact: &'s [(usize, ContactWord)],
    /// The reader's events told in this sentence.
    read: &'s [&'s LocalEvent],
    headline: bool,
}

impl Sentence<'_> {
    fn kind(&self, article_has_call: bool) -> ContactKind {
        let has = |class| self.contact.iter().any(|&(_, c)| c == class);
        if has(ContactWord::Call) {
            ContactKind::Call
        } else if has(ContactWord::Meet) {
            ContactKind::Meeting
        } else if article_has_call {
            ContactKind::Call
        } else {
            ContactKind::Meeting
        }
    }

    fn any(&self, range: std::ops::Range<usize>, test: impl Fn(&str) -> bool) -> bool {
        self.lower
            .get(range.start.min(self.lower.len())..range.end.min(self.lower.len()))
            .is_some_and(|ws| ws.iter().any(|w| test(w)))
    }

    fn cues(&self, mentions: &Mentions, first: &Mention, second: &Mention) -> Vec<String> {
        let entities = &mentions.entities;
        let letter = |e: usize| match entities[e].kind {
            EntityKind::Person => 'P',
            EntityKind::Country => 'C',
            EntityKind::Institution => 'I',
        };
        let mut kinds = [letter(first.entity), letter(second.entity)];
        kinds.sort();
        let kinds: String = kinds.iter().collect();
        let gap = (first.end, second.start.max(first.end));
        let everything = 0..self.lower.len();
        // The contact word nearest the pair, one between the names first.
        let distance = |t: usize| {
            if (gap.0..gap.1).contains(&t) {
                0
            } else if t < first.start {
                first.start - t
            } else {
                t.saturating_sub(second.end) + 1
            }
        };
        let &(cue_at, class) = self
            .contact
            .iter()
            .min_by_key(|(t, _)| (distance(*t), *t))
            .expect("a sentence with candidates has a contact word");
        let position = if (gap.0..gap.1).contains(&cue_at) {
            "between"
        } else if cue_at < first.start {
            "before"
        } else {
            "after"
        };
        let class = match class {
            ContactWord::Call => "call",
            ContactWord::Meet => "meet",
            ContactWord::Talk => "talk",
            ContactWord::Discuss => "discuss",
        };
        let span = gap.1 - gap.0;
        let others = self
            .named
            .iter()
            .filter(|m| m.start >= gap.0 && m.start < gap.1)
            .count();
        let between: Vec<&str> = self.lower[gap.0..gap.1]
            .iter()
            .map(String::as_str)
            .collect();
        let belongs = |p: usize, side: usize| {
            entities[p].kind == EntityKind::Person
                && (entities[p].country == Some(side)
                    || mentions
                        .memberships
                        .iter()
                        .any(|&(person, institution, _, _)| person == p && institution == side))
        };
        let mut cues = vec![
            format!("kinds:{kinds}"),
            format!("cue:{class}"),
            format!("cue_pos:{position}"),
            format!("kinds:{kinds}&cue_pos:{position}"),
            format!("cue_gap:{}", bucket(distance(cue_at), &[0, 2, 6])),
            format!("dist:{}", bucket(span, &[0, 1, 3, 8, 15])),
            format!("others_between:{}", others.min(2)),
            format!("named:{}", self.named.len().min(4)),
        ];
        let mut flag = |on: bool, name: &str| {
            if on {
                cues.push(name.to_string());
            }
        };
        flag(
            self.any(second.start.saturating_sub(3)..second.start, |w| w == "with"),
            "with_before_second",
        );
        flag(
            !between.is_empty()
                && between.len() <= 2
                && between.contains(&"and")
                && between.iter().all(|w| matches!(*w, "and" | ",")),
            "and_joins",
        );
        flag(
            self.any(first.start.saturating_sub(3)..first.start, |w| w == "between"),
            "between_before_first",
        );
        flag(
            between.iter().any(|w| is(WordList::Report, w)),
            "report_between",
        );
        flag(
            self.any(everything.clone(), |w| is(WordList::Report, w)),
            "report",
        );
        flag(
            between
                .iter()
                .any(|w| matches!(*w, "\"" | "\u{201c}" | "\u{201d}")),
            "quote_between",
        );
        flag(
            self.named.first().is_some_and(|m| m.entity == first.entity),
            "first_opens",
        );
        flag(!self.read.is_empty(), "read_here");
        flag(
            self.read.iter().any(|e| {
                e.participants.contains(&first.entity) || e.participants.contains(&second.entity)
            }),
            "read_here_with_one",
        );
        flag(
            belongs(first.entity, second.entity) || belongs(second.entity, first.entity),
            "member",
        );
        flag(first.demonym || second.demonym, "demonym");
        flag(first.titled || second.titled, "titled");
        flag(first.capital || second.capital, "capital");
        for (list, name) in [
            (WordList::Plan, "plan"),
            (WordList::Deny, "deny"),
            (WordList::Cancel, "cancel"),
            (WordList::Generic, "generic"),
            (WordList::Intent, "intent"),
            (WordList::Pair, "pair"),
            (WordList::Host, "host"),
            (WordList::Attend, "attend"),
        ] {
            flag(self.any(everything.clone(), |w| is(list, w)), name);
        }
        flag(
            self.any(everything.clone(), |w| {
                matches!(w, "not" | "n't" | "never" | "no")
            }),
            "negation",
        );
        flag(
            self.lower
                .get(second.start.wrapping_sub(1))
                .is_some_and(|w| w == "of"),
            "of_before_second",
        );
        flag(
            self.lower
                .get(first.end)
                .is_some_and(|w| w.starts_with('\'') || w.starts_with('\u{2019}')),
            "possessive_first",
        );
        flag(self.headline, "headline");
        flag(true, &format!("word:{}", self.lower[cue_at]));
        flag(
            self.lower.get(cue_at + 1).is_some_and(|w| w == "with"),
            "cue_with",
        );
        flag(between.contains(&","), "comma_between");
        let quoted = |t: usize| {
            self.lower[..t]
                .iter()
                .filter(|w| matches!(w.as_str(), "\"" | "\u{201c}" | "\u{201d}"))
                .count()
                % 2
                == 1
        };
        flag(quoted(first.start) || quoted(second.start), "in_quote");
        flag(
            entities[first.entity].country.is_some()
                && entities[first.entity].country == entities[second.entity].country,
            "same_country",
        );
        for (m, name) in [(first, "first"), (second, "second")] {
            flag(
                self.read.iter().any(|e| e.participants.contains(&m.entity)),
                &format!("read_with_{name}"),
            );
        }
        cues
    }
}

/// The index of the first bound `n` does not pass, as a cue value: `bucket(5, &[0, 2, 6])` is
/// "le6".
fn bucket(n: usize, bounds: &[usize]) -> String {
    match bounds.iter().find(|&&b| n <= b) {
        Some(b) => format!("le{b}"),
        None => format!("gt{}", bounds.last().copied().unwrap_or(0)),
    }
}
