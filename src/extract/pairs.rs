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

use super::contacts::contact_words;
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

/// A pair of one of the reader's events, with the cues of the event's sentence: what the
/// event's confidence is weighed from. Cues carry the prefix `read:`, as the reader's pairs
/// have weights of their own.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadPair {
    /// The index of the event in the reader's events.
    pub event: usize,
    pub a: usize,
    pub b: usize,
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
    let read = events_by_sentence(article, events);
    let used = contact_words(lexicon, words, mentions, |_| true);
    let article_has_call = used
        .iter()
        .flatten()
        .any(|&(_, class)| class == ContactWord::Call);
    let mut found = Vec::new();
    for s in 0..words.len() {
        // A sentence the reader read as a contact it read whole: who of its names met whom
        // is the reader's call ("X met A, B and C": not A and B).
        // Who attended is the reader's call too: they join the event in focus, if any.
        if read.contains_key(&s)
            || words[s]
                .iter()
                .any(|w| is(WordList::Attend, &w.to_lowercase()))
        {
            continue;
        }
        let view = Sentence::new(article, words, mentions, &used, &read, events, s);
        if view.named.len() < 2 || view.contact.is_empty() {
            continue;
        }
        let kind = view.kind(article_has_call);
        for (i, first) in view.named.iter().enumerate() {
            for second in &view.named[i + 1..] {
                if linked.contains(&ordered(first.entity, second.entity))
                    || view.owns(second)
                    || view.is_of(second)
                    || view.is_place(first)
                    || view.is_place(second)
                    || covered(mentions, &linked, first.entity, second.entity)
                {
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

/// Every pair of every one of the reader's events, with the cues of the event's sentence (a
/// side the sentence does not name, known from an earlier one, gives the cue `read:unnamed`).
/// `used` are the contact words of the events' sentences, as the reader read them.
pub fn read_pairs(
    article: &Article,
    words: &[Vec<&str>],
    mentions: &Mentions,
    events: &[LocalEvent],
    used: &[Vec<(usize, ContactWord)>],
) -> Vec<ReadPair> {
    let read = events_by_sentence(article, events);
    let mut found = Vec::new();
    for (s, told) in &read {
        let view = Sentence::new(article, words, mentions, used, &read, events, *s);
        for &e in told {
            for (&a, &b) in crate::findings::pairs(&events[e].participants) {
                let named = |x: usize| view.named.iter().find(|m| m.entity == x);
                let cues = match (named(a), named(b)) {
                    (Some(x), Some(y)) if x.start <= y.start => view.cues(mentions, x, y),
                    (Some(x), Some(y)) => view.cues(mentions, y, x),
                    _ => vec!["unnamed".to_string(), kinds(mentions, a, b)],
                };
                let mut cues: Vec<String> = cues.into_iter().map(|c| format!("read:{c}")).collect();
                cues.push("read:bias".to_string());
                found.push(ReadPair {
                    event: e,
                    a,
                    b,
                    cues,
                });
            }
        }
    }
    found
}

/// Weighs the reader's events and the pairs it left alone: gives each of the reader's events
/// its confidence (that of its least believed pair), and adds an event for each pair of
/// [`candidates`] the fitted model believes, in the sentence where it believes it most, with
/// that belief as its confidence. Returns how many events it added.
/// `used` are the contact words of the events' sentences, as the reader read them.
pub fn weigh(
    lexicon: &Lexicon,
    article: &Article,
    words: &[Vec<&str>],
    mentions: &Mentions,
    events: &mut Vec<LocalEvent>,
    used: &[Vec<(usize, ContactWord)>],
) -> usize {
    let weights = pair_weights();
    for pair in read_pairs(article, words, mentions, events, used) {
        let p = rounded(weights.probability_without_bias(pair.cues.iter().map(String::as_str)));
        let event = &mut events[pair.event];
        event.confidence = Some(event.confidence.map_or(p, |q| q.min(p)));
    }
    if weights.threshold > 1.0 - f32::EPSILON {
        return 0;
    }
    let mut best: BTreeMap<(usize, usize), (f32, Candidate)> = BTreeMap::new();
    for candidate in candidates(lexicon, article, words, mentions, events) {
        let p = rounded(probability(weights, &candidate));
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
        .map(|(p, c)| {
            let sentence = &article.sentences[c.sentence];
            LocalEvent {
                kind: c.kind,
                status: Status::Happened,
                participants: vec![c.a.min(c.b), c.a.max(c.b)],
                date: None,
                date_iso: None,
                initiator: None,
                confidence: Some(p),
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

/// A probability to two decimals: what is shown, and all the model can tell.
fn rounded(p: f32) -> f32 {
    (p * 100.0).round() / 100.0
}

fn ordered(a: usize, b: usize) -> (usize, usize) {
    (a.min(b), a.max(b))
}

/// Whether one of `a` and `b` is a country or institution whose own person is already linked
/// with the other: the side is that person's, named twice (the reader's rule for its events).
fn covered(mentions: &Mentions, linked: &BTreeSet<(usize, usize)>, a: usize, b: usize) -> bool {
    let entities = &mentions.entities;
    let belongs = |p: usize, side: usize| mentions.belongs(p, side);
    let side_of = |side: usize, other: usize| {
        entities[side].kind != EntityKind::Person
            && (0..entities.len()).any(|p| belongs(p, side) && linked.contains(&ordered(p, other)))
    };
    side_of(a, b) || side_of(b, a)
}

/// The indices of the events told in each sentence.
fn events_by_sentence(article: &Article, events: &[LocalEvent]) -> BTreeMap<usize, Vec<usize>> {
    let starts: BTreeMap<usize, usize> = article
        .sentences
        .iter()
        .enumerate()
        .map(|(s, sentence)| (article.char_offset(sentence.span.start), s))
        .collect();
    let mut read: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (e, event) in events.iter().enumerate() {
        if let Some(&s) = starts.get(&event.evidence.start) {
            read.entry(s).or_default().push(e);
        }
    }
    read
}

/// The kinds of two sides as a cue: "kinds:CP" for a country and a person.
fn kinds(mentions: &Mentions, a: usize, b: usize) -> String {
    let letter = |e: usize| match mentions.entities[e].kind {
        EntityKind::Person => 'P',
        EntityKind::Country => 'C',
        EntityKind::Institution => 'I',
    };
    let mut kinds = [letter(a), letter(b)];
    kinds.sort();
    format!("kinds:{}{}", kinds[0], kinds[1])
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
struct Sentence<'e> {
    lower: Vec<String>,
    /// The first mention of each entity named.
    named: Vec<Mention>,
    /// The contact words outside names: (token, class).
    contact: Vec<(usize, ContactWord)>,
    /// The reader's events told in this sentence.
    read: Vec<&'e LocalEvent>,
    headline: bool,
    /// The cues of the sentence as a whole: its reporting, modal and negation words.
    sentence_cues: Vec<&'static str>,
}

impl<'e> Sentence<'e> {
    fn new(
        article: &Article,
        words: &[Vec<&str>],
        mentions: &Mentions,
        used: &[Vec<(usize, ContactWord)>],
        read: &BTreeMap<usize, Vec<usize>>,
        events: &'e [LocalEvent],
        s: usize,
    ) -> Self {
        let named = first_mentions(mentions.in_sentence(s));
        let inside = |t: usize| named.iter().any(|m| (m.start..m.end).contains(&t));
        let contact = used[s]
            .iter()
            .filter(|&&(t, _)| !inside(t))
            .copied()
            .collect();
        let lower: Vec<String> = words[s].iter().map(|w| w.to_lowercase()).collect();
        let has = |test: &dyn Fn(&str) -> bool| lower.iter().any(|w| test(w));
        let mut sentence_cues: Vec<&'static str> = [
            (WordList::Report, "report"),
            (WordList::Plan, "plan"),
            (WordList::Deny, "deny"),
            (WordList::Cancel, "cancel"),
            (WordList::Generic, "generic"),
            (WordList::Intent, "intent"),
            (WordList::Pair, "pair"),
            (WordList::Host, "host"),
            (WordList::Attend, "attend"),
        ]
        .into_iter()
        .filter(|&(list, _)| has(&|w| is(list, w)))
        .map(|(_, name)| name)
        .collect();
        if has(&|w| matches!(w, "not" | "n't" | "never" | "no")) {
            sentence_cues.push("negation");
        }
        Sentence {
            lower,
            sentence_cues,
            named,
            contact,
            read: read
                .get(&s)
                .map(|told| told.iter().map(|&e| &events[e]).collect())
                .unwrap_or_default(),
            headline: article.sentences[s].title_case,
        }
    }

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

    /// Whether a name stands where a place does ("met in the Oval Office", "at the Bank"):
    /// it says where, not who.
    fn is_place(&self, m: &Mention) -> bool {
        let before = |k: usize| m.start.checked_sub(k).map(|t| self.lower[t].as_str());
        matches!(before(1), Some("in" | "at"))
            || matches!((before(2), before(1)), (Some("in" | "at"), Some("the")))
    }

    /// Whether a name is what a noun before it is of ("the head of the delegation of X"):
    /// the one met, if anyone, is the noun.
    fn is_of(&self, m: &Mention) -> bool {
        m.start > 0 && self.lower[m.start - 1] == "of"
    }

    /// Whether a name owns the word after it ("X's adviser", "X's budget"): the one met, if
    /// anyone, is what X owns, not X.
    fn owns(&self, m: &Mention) -> bool {
        self.lower
            .get(m.end)
            .is_some_and(|w| matches!(w.as_str(), "'s" | "\u{2019}s" | "'" | "\u{2019}"))
    }

    fn any(&self, range: std::ops::Range<usize>, test: impl Fn(&str) -> bool) -> bool {
        self.lower
            .get(range.start.min(self.lower.len())..range.end.min(self.lower.len()))
            .is_some_and(|ws| ws.iter().any(|w| test(w)))
    }

    fn cues(&self, mentions: &Mentions, first: &Mention, second: &Mention) -> Vec<String> {
        let entities = &mentions.entities;
        let kinds = kinds(mentions, first.entity, second.entity);
        let gap = (first.end, second.start.max(first.end));
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
        let nearest = self
            .contact
            .iter()
            .min_by_key(|(t, _)| (distance(*t), *t))
            .copied();
        let mut cues = vec![kinds.clone()];
        if let Some((cue_at, class)) = nearest {
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
            cues.extend([
                format!("cue:{class}"),
                format!("cue_pos:{position}"),
                format!("{kinds}&cue_pos:{position}"),
                format!("cue_gap:{}", bucket(distance(cue_at), &[0, 2, 6])),
                format!("word:{}", self.lower[cue_at]),
            ]);
            if self.lower.get(cue_at + 1).is_some_and(|w| w == "with") {
                cues.push("cue_with".to_string());
            }
        } else {
            cues.push("cue:none".to_string());
        }
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
        let belongs = |p: usize, side: usize| mentions.belongs(p, side);
        cues.extend([
            format!("dist:{}", bucket(span, &[0, 1, 3, 8, 15])),
            format!("others_between:{}", others.min(2)),
            format!("named:{}", self.named.len().min(4)),
        ]);
        let mut flag = |on: bool, name: &str| {
            if on {
                cues.push(name.to_string());
            }
        };
        flag(
            self.any(second.start.saturating_sub(3)..second.start, |w| {
                w == "with"
            }),
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
            self.any(first.start.saturating_sub(3)..first.start, |w| {
                w == "between"
            }),
            "between_before_first",
        );
        flag(
            between.iter().any(|w| is(WordList::Report, w)),
            "report_between",
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
        for cue in &self.sentence_cues {
            flag(true, cue);
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn graph(text: &str) -> crate::findings::ArticleGraph {
        extract(&Lexicon::builtin(), &Article::parse("a.txt", text))
    }

    #[test]
    fn every_event_gets_a_confidence_and_a_plain_meeting_a_high_one() {
        for text in [
            "Chancellor Jonas Brekke met President Ana Reyes in Lisbon on Monday.",
            "Prime Minister Hugo Baptista held talks with Governor Clara Oduya on Friday.",
        ] {
            let g = graph(text);
            assert_eq!(g.events.len(), 1, "{text}");
            let c = g.events[0].confidence.expect("a confidence");
            assert!((0.8..=1.0).contains(&c), "{text}: {c}");
        }
    }

    #[test]
    fn pairs_the_reader_decides_or_a_name_describes_are_no_candidates() {
        let lexicon = Lexicon::builtin();
        for text in [
            // The reader read the sentence: the list's members did not meet each other.
            "Chancellor Jonas Brekke met Hugo Baptista, Tomas Ferreira and Paolo Renzetti.",
            // A name that owns what was met, or that a noun is of, or where it happened.
            "Prime Minister Anika Sorvald's adviser left the meeting with President Paolo Renzetti's aide.",
            "The meeting of the head of the delegation of Pierre Martin with the staff of Ali Hasanov ended.",
            "Before the talks in the Oval Office, President Ana Reyes waited.",
        ] {
            let article = Article::parse("a.txt", text);
            let words = article.words();
            let mentions = super::super::mentions::find_mentions_in(&lexicon, &article, &words);
            let (events, _) =
                super::super::contacts::find_events_with_words(&lexicon, &article, &words, &mentions);
            let found = candidates(&lexicon, &article, &words, &mentions, &events);
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }
}
