//! Events: an article's statements in, its events out. Statements of one event are merged
//! (same participants and status, the same date or none); each event gets the participant who
//! asked for it ("at the request of the Russian side"); a country or institution beside a
//! person of its own, or covered by a contact of that person, is dropped.

use std::collections::BTreeSet;

use super::reader::{Reader, Statement};
use crate::article::Article;
use crate::extract::dates::date_key;
use crate::extract::mentions::Mentions;
use crate::findings::{EntityKind, Evidence, LocalEvent};

impl Reader<'_> {
    /// "at the request of the Russian side", "at Washington's initiative": who asked.
    pub(super) fn initiator(&self, s: usize) -> Option<usize> {
        let lower = &self.lower[s];
        for (k, w) in lower.iter().enumerate() {
            if !matches!(*w, "request" | "initiative" | "invitation") {
                continue;
            }
            // "at X's initiative"
            if k >= 2 && lower[k - 1] == "'s" {
                if let Some(e) = self.mention_at(s, k - 2) {
                    return Some(e);
                }
            }
            // "at the initiative of the American side"
            if lower.get(k + 1).is_some_and(|n| *n == "of") {
                for q in k + 2..(k + 7).min(lower.len()) {
                    if let Some(e) = self.mention_at(s, q) {
                        return Some(e);
                    }
                }
            }
        }
        None
    }
}

/// Merges the statements of one event: same participants and status, and the same date or no
/// date. Undated statements join the first dated event of their pair.
pub(super) fn merge(
    article: &Article,
    reader: &Reader,
    statements: Vec<Statement>,
) -> Vec<LocalEvent> {
    let mut events: Vec<(Statement, String)> = Vec::new();
    let mut undated: Vec<Statement> = Vec::new();
    for st in statements {
        match &st.date {
            Some(date) => {
                let key = date_key(date);
                if let Some((event, _)) = events.iter_mut().find(|(e, k)| {
                    e.participants == st.participants && e.status == st.status && *k == key
                }) {
                    if st.strong && !event.strong {
                        event.kind = st.kind;
                        event.strong = true;
                    }
                } else {
                    events.push((st, key));
                }
            }
            None => undated.push(st),
        }
    }
    for st in undated {
        let existing = events
            .iter_mut()
            .find(|(e, _)| e.participants == st.participants && e.status == st.status);
        match existing {
            Some((event, _)) => {
                if st.strong && !event.strong {
                    event.kind = st.kind;
                    event.strong = true;
                }
                if st.sentence < event.sentence && event.date.is_none() {
                    event.sentence = st.sentence;
                }
            }
            None => events.push((st, String::new())),
        }
    }
    events.sort_by_key(|(e, _)| e.sentence);
    let _ = reader;
    events
        .into_iter()
        .map(|(st, _)| {
            let sentence = &article.sentences[st.sentence];
            LocalEvent {
                kind: st.kind,
                status: st.status,
                participants: st.participants,
                date: st.date,
                date_iso: None,
                initiator: None,
                confidence: None,
                evidence: Evidence {
                    article: article.path.as_str().into(),
                    text: article.sentence_text(sentence).into(),
                    start: article.char_offset(sentence.span.start),
                    end: article.char_offset(sentence.span.end),
                },
            }
        })
        .collect()
}

/// Gives each event the participant that asked for it, when a sentence says so: in the
/// event's own sentence, or the sentence right after.
pub(super) fn assign_initiators(
    mentions: &Mentions,
    events: &mut [LocalEvent],
    initiators: &[(usize, usize)],
    article: &Article,
) {
    for &(s, who) in initiators {
        let start = article.char_offset(article.sentences[s].span.start);
        let event = events
            .iter_mut()
            .filter(|e| e.evidence.start <= start)
            .max_by_key(|e| e.evidence.start);
        let Some(event) = event else { continue };
        let chosen = if event.participants.contains(&who) {
            Some(who)
        } else {
            // A country or capital names the participant from that country.
            event
                .participants
                .iter()
                .copied()
                .find(|&p| mentions.entities[p].country == Some(who))
        };
        if chosen.is_some() {
            event.initiator = chosen;
        }
    }
}

/// A country or institution stands in for a side only where no person of it is named: drops
/// "Trump - Nigeria" when the article has Trump speaking with Nigeria's president, "Nissan -
/// May" when Nissan's chief executive met May, and contacts of a person with their own
/// country or institution.
pub(super) fn drop_covered_sides(mentions: &Mentions, events: &mut Vec<LocalEvent>) {
    let entities = &mentions.entities;
    // Whether person `p` belongs to the country or institution `side`.
    let belongs = |p: usize, side: usize| mentions.belongs(p, side);
    // In a meeting of three or more, a side beside a person of its own is that person's side
    // named twice: "Egyptian President X and Qatar's Emir Y meet, Cairo says".
    for event in events.iter_mut().filter(|e| e.participants.len() > 2) {
        let all = event.participants.clone();
        event
            .participants
            .retain(|&side| !all.iter().any(|&p| belongs(p, side)));
        event.participants.sort();
    }
    // Left with the people of another event, it is that event told again.
    let mut seen = BTreeSet::new();
    events.retain(|e| {
        let mut key = e.participants.clone();
        key.sort();
        seen.insert((key, e.status, e.date.clone()))
    });
    let person_pairs: Vec<(usize, usize)> = events
        .iter()
        .filter(|e| {
            e.participants
                .iter()
                .all(|&p| entities[p].kind == EntityKind::Person)
        })
        .flat_map(|e| {
            crate::findings::pairs(&e.participants)
                .map(|(a, b)| (*a, *b))
                .collect::<Vec<_>>()
        })
        .collect();
    events.retain(|event| {
        let p = &event.participants;
        if p.len() != 2 {
            return p.len() > 2;
        }
        for (a, b) in [(p[0], p[1]), (p[1], p[0])] {
            if entities[b].kind != EntityKind::Person && entities[a].kind == EntityKind::Person {
                if belongs(a, b) {
                    return false;
                }
                let covered = person_pairs
                    .iter()
                    .any(|&(x, y)| (x == a && belongs(y, b)) || (y == a && belongs(x, b)));
                if covered {
                    return false;
                }
            }
        }
        true
    });
}
