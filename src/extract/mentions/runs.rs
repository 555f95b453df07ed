//! Runs: a sentence in, its capitalised runs read out. A run is cut into pieces (lexicon
//! phrases and unknown capitalised words, with the particles and connectors names and
//! institutions hold: "bin", "of the"); an institution word ends an institution over the pieces
//! before and after it ("Russian Defense Ministry", "General Staff of the Russian Armed
//! Forces"); titles are kept for the name after them; the unknown words left over go to
//! `Builder::name_chunk`. Lexicon phrases outside runs (countries in lowercase words, "US-led")
//! are read too.

use super::entities::Builder;
use super::shapes::{
    is_capitalised, is_opening, is_particle_name, NAME_PARTICLES, PARTICLE_ARTICLES, POST_NOMINALS,
};
use crate::article::{Sentence, TokenKind};
use crate::extract::dates::{is_date_abbreviation, is_month_or_day};
use crate::findings::EntityKind;
use crate::lexicon::words::{is, WordList};
use crate::lexicon::{CountryForm, Target};

#[derive(Debug, Clone)]
enum Piece {
    Lex {
        start: usize,
        end: usize,
        targets: Vec<Target>,
    },
    Word {
        at: usize,
    },
}

impl<'a> Builder<'a> {
    pub(super) fn scan_sentence(&mut self, s: usize, sentence: &Sentence) {
        let words = self.words(s);
        let kinds: Vec<TokenKind> = sentence.tokens.iter().map(|t| t.kind).collect();
        let mut i = 0;
        while i < words.len() {
            // Lexicon phrases stand on their own, capitalised or not (countries, organisations).
            if let Some((len, targets)) = self.lexicon.match_at(words, i) {
                if is_capitalised(words[i]) || targets.iter().any(|t| !matches!(t, Target::Title)) {
                    let end = self.scan_run(s, sentence, words, &kinds, i, Some((len, targets)));
                    i = end.max(i + len);
                    self.lowercase_ministry(s, words, i);
                    continue;
                }
            }
            // "By Khaama Press -", "From Tribune News Services": a byline's preposition, written
            // capitalised at the opening, is no word of the name after it.
            if (i == 0 || is_opening(words, i)) && matches!(words[i], "By" | "From") {
                while matches!(words.get(i), Some(&("By" | "From"))) {
                    i += 1;
                }
                continue;
            }
            // "Tue Mar 28 2017": a date written in abbreviations.
            if is_date_abbreviation(words, i) {
                i += 1;
                continue;
            }
            if kinds[i] == TokenKind::Word && is_capitalised(words[i]) {
                let end = self.scan_run(s, sentence, words, &kinds, i, None);
                i = end.max(i + 1);
                self.lowercase_ministry(s, words, i);
                continue;
            }
            // Hyphenated words that contain a country or organisation: "US-led", "pro-Syrian".
            if kinds[i] == TokenKind::Word && words[i].bytes().any(|b| b == b'-') {
                self.scan_hyphenated(s, words[i], i);
            }
            i += 1;
        }
    }

    fn scan_hyphenated(&mut self, s: usize, word: &str, i: usize) {
        for part in word.split('-') {
            if let Some((1, targets)) = self.lexicon.match_at(&[part], 0) {
                self.add_lexicon_mention(s, i, i + 1, &targets, part, false);
            }
        }
    }

    /// Reads the capitalised run starting at token `i`; returns the token after it.
    /// `match_at_start` is the lexicon's match at token `i`, which the caller looked up.
    fn scan_run(
        &mut self,
        s: usize,
        sentence: &Sentence,
        words: &[&'a str],
        kinds: &[TokenKind],
        i: usize,
        mut match_at_start: Option<(usize, Vec<Target>)>,
    ) -> usize {
        let mut pieces: Vec<Piece> = Vec::new();
        let mut j = i;
        // The word after a particle is a name's ("Mohammed Ali al Houthi"), whatever else the
        // lexicon knows it as.
        let mut after_particle = false;
        loop {
            if j >= words.len() || j > i && is_date_abbreviation(words, j) {
                break;
            }
            let lexical = if j == i {
                match_at_start.take()
            } else {
                self.lexicon.match_at(words, j)
            };
            // "Abdel Fatah al-Sisi": a one-word organisation between a given name and a
            // particle name is a word of a person's name.
            let in_a_name = |len: usize, targets: &[Target]| {
                len == 1
                    && targets.iter().all(|t| matches!(t, Target::Organisation(_)))
                    && matches!(pieces.last(), Some(Piece::Word { at })
                        if self.lexicon.is_given_name(words[*at]))
                    && words.get(j + 1).is_some_and(|w| is_particle_name(w))
            };
            // "Hassan Sheikh Mohamud": a title some names carry as a word of theirs, between
            // a given name starting the run and a capitalised word that is no title.
            let title_in_a_name = |len: usize| {
                len == 1
                    && is(WordList::NameTitle, &words[j].to_lowercase())
                    && matches!(pieces.last(), Some(Piece::Word { at })
                        if self.lexicon.is_given_name(words[*at]))
                    && !matches!(pieces.iter().rev().nth(1), Some(Piece::Word { .. }))
                    && words.get(j + 1).is_some_and(|w| {
                        is_capitalised(w)
                            && !self
                                .lexicon
                                .match_at(words, j + 1)
                                .is_some_and(|(_, t)| t.iter().any(|t| matches!(t, Target::Title)))
                    })
            };
            // "Julie Bishop said", "met Tom Major and": a one-word title after a given name
            // that opens the name, ending the run, is the surname.
            let title_as_surname = |len: usize, targets: &[Target]| {
                len == 1
                    && targets.iter().all(|t| matches!(t, Target::Title))
                    && matches!(pieces.last(), Some(Piece::Word { at })
                        if self.lexicon.is_given_name(words[*at]))
                    && !matches!(pieces.iter().rev().nth(1), Some(Piece::Word { .. }))
                    && words.get(j + 1).is_none_or(|w| !is_capitalised(w))
            };
            let name_word = std::mem::take(&mut after_particle);
            if let Some((len, targets)) = lexical.filter(|(len, t)| {
                !(in_a_name(*len, t)
                    || title_in_a_name(*len)
                    || title_as_surname(*len, t)
                    || name_word && *len == 1)
            }) {
                let proper =
                    is_capitalised(words[j]) || targets.iter().any(|t| !matches!(t, Target::Title));
                if proper {
                    pieces.push(Piece::Lex {
                        start: j,
                        end: j + len,
                        targets,
                    });
                    j += len;
                    continue;
                }
            }
            if kinds[j] == TokenKind::Word
                && (is_capitalised(words[j]) || is_particle_name(words[j]))
            {
                pieces.push(Piece::Word { at: j });
                j += 1;
                continue;
            }
            // "Mohammed bin Salman", "Ursula von der Leyen"
            if !pieces.is_empty() && NAME_PARTICLES.contains(&words[j]) {
                let mut k = j + 1;
                while k < words.len()
                    && (NAME_PARTICLES.contains(&words[k]) || PARTICLE_ARTICLES.contains(&words[k]))
                {
                    k += 1;
                }
                if k < words.len()
                    && k - j <= 2
                    && is_capitalised(words[k])
                    && matches!(pieces.last(), Some(Piece::Word { .. }))
                {
                    for q in j..k {
                        pieces.push(Piece::Word { at: q });
                    }
                    j = k;
                    after_particle = true;
                    continue;
                }
            }
            // Connectors inside institution and title names: "Ministry of Defense",
            // "General Staff of the Russian Armed Forces", "Prosecutor General's Office".
            let last_is_head = match pieces.last() {
                Some(Piece::Word { at }) => self.lexicon.is_org_word(words[*at]),
                Some(Piece::Lex { targets, .. }) => targets
                    .iter()
                    .any(|t| matches!(t, Target::Title | Target::Organisation(_))),
                None => false,
            };
            let skip = match words[j] {
                "of" | "for" if last_is_head => {
                    if words.get(j + 1) == Some(&"the") {
                        2
                    } else {
                        1
                    }
                }
                "’s" | "'s"
                    if words
                        .get(j + 1)
                        .is_some_and(|w| self.lexicon.is_org_word(w)) =>
                {
                    1
                }
                _ => 0,
            };
            let next = j + skip;
            if skip > 0
                && next < words.len()
                && kinds[next] == TokenKind::Word
                && is_capitalised(words[next])
                && !self.is_person_start(words, next)
            {
                j = next;
                continue;
            }
            break;
        }
        self.interpret_run(s, sentence, words, kinds, i, j, &pieces);
        j
    }

    #[allow(clippy::too_many_arguments)]
    fn interpret_run(
        &mut self,
        s: usize,
        sentence: &Sentence,
        words: &[&'a str],
        kinds: &[TokenKind],
        start: usize,
        end: usize,
        pieces: &[Piece],
    ) {
        let title_case = sentence.title_case;
        // The country or institution of a possessive right before the run: "Russia's Chief of
        // the General Staff", "Nissan's chief executive".
        let owner = self.owner_before(s, words, start);
        let owner_org = owner.filter(|&e| self.out.entities[e].kind == EntityKind::Institution);
        let possessor_country = match owner_org {
            Some(org) => self.out.entities[org].country,
            None => owner,
        };
        // Where institutions are: an institution word ends them.
        let mut used = vec![false; pieces.len()];
        let mut run_country: Option<usize> = possessor_country;
        let mut run_org: Option<(usize, bool)> = owner_org.map(|org| (org, false));
        let mut titles: Vec<String> = Vec::new();
        let mut titled = self.lowercase_title_before(words, start);
        // "Cuban foreign minister X": the lowercase title is X's too ("the diplomat" later).
        titles.extend(self.lowercase_office_before(words, start));
        let mut p = 0;
        while p < pieces.len() {
            match &pieces[p] {
                Piece::Lex {
                    start: a,
                    end: b,
                    targets,
                } => {
                    let surface = words[*a..*b].join(" ");
                    if targets.contains(&Target::Title)
                        && !targets.iter().any(|t| matches!(t, Target::Organisation(_)))
                    {
                        // A title followed by an institution word is part of the institution.
                        if self.org_head_after(pieces, p, words).is_none() {
                            titles.push(surface);
                            titled = true;
                            used[p] = true;
                        }
                    } else if let Some(entity) = self.other_countrys_house(
                        s,
                        words,
                        (*a, *b),
                        targets,
                        possessor_country.filter(|_| p == 0),
                    ) {
                        used[p] = true;
                        run_org = Some((entity, false));
                    } else if let Some(entity) =
                        self.add_lexicon_mention(s, *a, *b, targets, &surface, false)
                    {
                        used[p] = true;
                        match self.out.entities[entity].kind {
                            EntityKind::Country => run_country = Some(entity),
                            _ => {
                                let org_country = self.out.entities[entity].country;
                                run_org = Some((entity, false));
                                if run_country.is_none() {
                                    run_country = org_country;
                                }
                                // "Armed Forces of Ukraine" style names may follow with "of X".
                                self.pending_orgs.insert((s, *b), entity);
                            }
                        }
                    }
                }
                Piece::Word { at } => {
                    if self.lexicon.is_org_word(words[*at]) && !is_month_or_day(words[*at]) {
                        let first = self.institution_start(pieces, p, words);
                        let last = self.institution_end(pieces, p, words);
                        let (a, b) = (piece_start(&pieces[first]), piece_end(&pieces[last]));
                        let entity = self.add_institution(
                            s,
                            words,
                            a,
                            b,
                            possessor_country.filter(|_| first == 0),
                        );
                        for u in used.iter_mut().take(last + 1).skip(first) {
                            *u = true;
                        }
                        if let Some(entity) = entity {
                            run_org = Some((entity, false));
                            if let Some(c) = self.out.entities[entity].country {
                                run_country = Some(c);
                            }
                        }
                        p = last + 1;
                        continue;
                    }
                }
            }
            p += 1;
        }
        // Unknown capitalised words left over: names, places, things or acronyms.
        let mut p = 0;
        while p < pieces.len() {
            if used[p] || !matches!(pieces[p], Piece::Word { .. }) {
                p += 1;
                continue;
            }
            let mut q = p;
            while q < pieces.len() && !used[q] && matches!(pieces[q], Piece::Word { .. }) {
                q += 1;
            }
            let mut first = piece_start(&pieces[p]);
            let last = piece_end(&pieces[q - 1]);
            // A capitalised common word opening a sentence or quote is not a name; alone
            // before a comma or a verb of a person ("Burns, who met X", "Young said") it may
            // be the surname of someone the article names in full, which resolution decides.
            // "Burns had met X" after "William Burns": the surname of someone named before.
            let known_surname = |w: &str| {
                self.people
                    .iter()
                    .any(|p| p.words.len() >= 2 && p.words.last().is_some_and(|l| l == w))
            };
            // A verb follows a subject, not a noun a common word modifies ("Young people").
            let verb_next = |w: &str| {
                w.ends_with("ed")
                    || matches!(
                        w,
                        "had" | "has" | "was" | "is" | "will" | "would" | "also" | "then"
                    )
            };
            let surname_alone = first + 1 == last
                && words.get(last).is_some_and(|w| {
                    *w == ","
                        || is(WordList::PersonVerb, w)
                        || verb_next(w) && known_surname(words[first])
                });
            while first < last
                && !surname_alone
                && (first == 0 || is_opening(words, first))
                && self.lexicon.is_common_word(words[first])
            {
                first += 1;
            }
            while first < last && is_month_or_day(words[first]) {
                first += 1;
            }
            let after_connector =
                first > 0 && matches!(words[first - 1], "for" | "of" | "and" | "&");
            // "Minister of Finance Zbyněk Stanjura": the ministry's domain after a title and
            // "of" is the title's, whatever the given name after it.
            if first + 2 < last
                && first > 0
                && words[first - 1] == "of"
                && is(WordList::MinistryDomain, &words[first].to_lowercase())
            {
                first += 1;
            }
            // "Defense Ministers X of Russia and Y of Belarus": a title in the plural
            // introduces the names after it.
            let mut plural_title = false;
            while first + 1 < last && self.is_plural_title(words[first]) {
                first += 1;
                plural_title = true;
            }
            let mut last_kept = last;
            // "Prime Minister Hon. X MP": letters of an office after the name end it.
            while last_kept > first + 1
                && POST_NOMINALS.binary_search(&words[last_kept - 1]).is_ok()
            {
                last_kept -= 1;
            }
            while last_kept > first && is_month_or_day(words[last_kept - 1]) {
                // "Theresa May said": a month after a given name, no day or year after it,
                // is a surname.
                let surname = last_kept >= first + 2
                    && self.lexicon.is_given_name(words[last_kept - 2])
                    && !words[last_kept - 1].ends_with("day")
                    && !words
                        .get(last_kept)
                        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
                if surname {
                    break;
                }
                last_kept -= 1;
            }
            // "Minister for Foreign Affairs Mikhail Bogdanov", "Minister of Culture & Heritage
            // Hugo Baptista", "Secretary of Foreign Affairs Alicia Barcena": after "for", "of"
            // or an "and" of the title, the capitalised common words before a given name end
            // the title, not open the name.
            if after_connector {
                let given = (first + 1..last_kept.saturating_sub(1))
                    .find(|&k| self.lexicon.is_given_name(words[k]));
                if let Some(given) = given.filter(|&g| {
                    (first..g).all(|k| {
                        self.lexicon.is_common_word(words[k])
                            && !self.lexicon.is_given_name(words[k])
                    })
                }) {
                    first = given;
                }
            }
            // "the Minister of Youths and Sports, X": one word after a title's "of" and before
            // "and" is a portfolio, not a name.
            let portfolio = first + 1 == last_kept
                && first >= 2
                && matches!(words[first - 1], "for" | "of")
                && self.title_right_before(words, first - 1)
                && matches!(words.get(last_kept), Some(&"and" | &"&"));
            if first < last_kept && !portfolio {
                // "Intermediate-Range Nuclear Forces (INF) Treaty" names a treaty.
                let next_piece_is_thing = words.get(end).is_some_and(|w| self.is_thing_head(w))
                    || (words.get(end) == Some(&"(")
                        && words.get(end + 2) == Some(&")")
                        && words.get(end + 3).is_some_and(|w| self.is_thing_head(w)));
                self.name_chunk(
                    s,
                    words,
                    kinds,
                    first,
                    last_kept,
                    &titles,
                    titled || plural_title,
                    run_country,
                    run_org,
                    title_case,
                    next_piece_is_thing,
                );
            }
            p = q;
        }
    }

    /// Index of the institution word piece that makes piece `p` part of an institution.
    fn org_head_after(&self, pieces: &[Piece], p: usize, words: &[&str]) -> Option<usize> {
        match pieces.get(p + 1) {
            Some(Piece::Word { at }) if self.lexicon.is_org_word(words[*at]) => Some(p + 1),
            _ => None,
        }
    }

    /// The first piece of the institution whose head word is piece `p`: back over unknown
    /// words and titles, and over one country ("Russian Defense Ministry").
    fn institution_start(&self, pieces: &[Piece], p: usize, words: &[&str]) -> usize {
        let mut first = p;
        while first > 0 {
            match &pieces[first - 1] {
                Piece::Word { at }
                    if !self.lexicon.is_common_word(words[*at]) || is_capitalised(words[*at]) =>
                {
                    first -= 1
                }
                // "Prosecutor General's Office", not "President of the Football Federation":
                // a title joined by "of" holds the institution, it is no part of its name.
                Piece::Lex { targets, end, .. }
                    if targets.contains(&Target::Title)
                        && !targets.iter().any(|t| {
                            matches!(t, Target::Country(..) | Target::Organisation(_))
                        })
                        && !matches!(words.get(*end), Some(&("of" | "for"))) =>
                {
                    first -= 1
                }
                Piece::Lex { targets, .. }
                    if targets.iter().any(|t| {
                        matches!(
                            t,
                            Target::Country(_, CountryForm::Name | CountryForm::Demonym)
                        )
                    }) =>
                {
                    first -= 1;
                    break;
                }
                _ => break,
            }
            // A name introduced by a title is a person, not part of the institution.
            if first > 0
                && matches!(&pieces[first - 1], Piece::Lex { targets, .. } if targets == &[Target::Title])
                && matches!(pieces[first], Piece::Word { at } if !self.lexicon.is_common_word(words[at]))
            {
                break;
            }
        }
        first
    }

    /// The last piece of the institution whose head word is piece `p`: "of the Russian Armed
    /// Forces" and other words up to the last institution word or country.
    fn institution_end(&self, pieces: &[Piece], p: usize, words: &[&str]) -> usize {
        let mut last = p;
        let mut q = p + 1;
        while q < pieces.len() {
            match &pieces[q] {
                Piece::Word { at } if self.lexicon.is_org_word(words[*at]) => last = q,
                Piece::Word { .. } => {}
                Piece::Lex { targets, .. }
                    if targets.iter().any(|t| {
                        matches!(
                            t,
                            Target::Country(_, CountryForm::Name | CountryForm::Demonym)
                        )
                    }) =>
                {
                    // "of Ukraine": the country closes the name when it stands after "of".
                    let a = piece_start(&pieces[q]);
                    if a >= 1 && matches!(words[a - 1], "of" | "the") {
                        last = q;
                    }
                }
                _ => break,
            }
            // Only continue across "of"; a run of names after the head is something else.
            let next_start = pieces.get(q + 1).map(piece_start);
            let here_end = piece_end(&pieces[q]);
            if next_start != Some(here_end)
                && !next_start.is_some_and(|_| matches!(words[here_end], "of" | "for"))
                && next_start.is_some()
            {
                break;
            }
            q += 1;
        }
        // Words between the head and "of ..." that are not followed by a head are left out.
        if last == p {
            let mut q = p + 1;
            while q < pieces.len() && piece_start(&pieces[q]) == piece_end(&pieces[q - 1]) {
                if let Piece::Word { at } = pieces[q] {
                    if self.lexicon.is_org_word(words[at]) {
                        last = q;
                    }
                }
                q += 1;
            }
        }
        last
    }
}

impl Builder<'_> {
    /// A generic word the table gives to one country's institution ("Senate", "Congress")
    /// after another country's demonym or possessive names that country's own: "the
    /// Philippine Senate", "Mexico's Congress". `span` is the word; `possessor` the country of
    /// a possessive before the run.
    fn other_countrys_house(
        &mut self,
        s: usize,
        words: &[&str],
        (a, b): (usize, usize),
        targets: &[Target],
        possessor: Option<usize>,
    ) -> Option<usize> {
        if b != a + 1 || !self.lexicon.is_org_word(words[a]) {
            return None;
        }
        let org_country = targets.iter().find_map(|t| match t {
            Target::Organisation(o) => self.lexicon.organisations[*o].country,
            _ => None,
        })?;
        let other = |builder: &Self, entity: usize| {
            let entity = &builder.out.entities[entity];
            entity.kind == EntityKind::Country
                && builder.lexicon.country(&entity.name) != Some(org_country)
        };
        if let Some(country) = possessor.filter(|&c| other(self, c)) {
            return self.add_institution(s, words, a, b, Some(country));
        }
        let before = self
            .out
            .mentions
            .last()
            .filter(|m| m.sentence == s && other(self, m.entity))?;
        if before.end + 1 == a && matches!(words[before.end], "'s" | "’s") {
            let country = before.entity;
            return self.add_institution(s, words, a, b, Some(country));
        }
        // The demonym just before: its mention gives way to the institution's, which
        // holds it.
        if before.end != a || !before.demonym {
            return None;
        }
        let start = before.start;
        self.out.mentions.pop();
        self.add_institution(s, words, start, b, None)
    }
}

fn piece_start(piece: &Piece) -> usize {
    match piece {
        Piece::Lex { start, .. } => *start,
        Piece::Word { at } => *at,
    }
}

fn piece_end(piece: &Piece) -> usize {
    match piece {
        Piece::Lex { end, .. } => *end,
        Piece::Word { at } => at + 1,
    }
}
