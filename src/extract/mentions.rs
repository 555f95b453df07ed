//! Mentions: an [`Article`] in, the people, institutions and countries it names out, each
//! mention tied to one article-local entity.
//!
//! Capitalised runs of tokens are cut into lexicon phrases (countries, organisations, titles)
//! and unknown capitalised words. Unknown words become institutions when an institution word
//! ends them ("Arctic Council"), places when a place word does ("Galwan Valley"), and people
//! when news writes them as people: after a title, as a full name, or as a known surname.

use std::collections::BTreeSet;

use super::dates::is_month_or_day;
use crate::article::{Article, Sentence, TokenKind};
use crate::findings::{EntityKind, LocalEntity};
use crate::lexicon::{CountryForm, Lexicon, Target, ThingRole};
use crate::resolve::{fold, osa_distance, person_key};

// The hash maps and sets here are only looked up, never iterated: their order cannot show.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

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
}

/// Words after a lone capitalised word that show it names a person who acts or speaks.
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "wrote",
    "tweeted",
    "stated",
    "noted",
    "urged",
    "emphasized",
    "emphasised",
    "stressed",
    "met",
    "meets",
    "spoke",
    "speaks",
    "called",
    "visited",
    "holds",
    "held",
    "talked",
    "insisted",
    "argued",
    "replied",
    "warned",
    "announced",
    "thanked",
    "congratulated",
    "expressed",
    "praised",
    "discussed",
    "agreed",
    "accused",
    "endorsed",
    "explained",
    "asked",
    "confirmed",
    "denied",
    "revealed",
];

/// Lowercase words before a capitalised name that show it is a person ("spokesman John Kirby").
const PERSON_NOUNS: &[&str] = &[
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "aide",
    "ambassador",
    "boss",
    "chairman",
    "chancellor",
    "chief",
    "commander",
    "conservative",
    "counterpart",
    "deputy",
    "diplomat",
    "envoy",
    "general",
    "governor",
    "head",
    "leader",
    "liberal",
    "minister",
    "premier",
    "president",
    "predecessor",
    "predecessors",
    "secretary",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "successor",
    "colleague",
];

/// Lowercase particles inside names: "Mohammed bin Salman", "Ursula von der Leyen".
const NAME_PARTICLES: &[&str] = &[
    "bin", "ibn", "al", "van", "von", "der", "de", "da", "del", "di", "dos",
];

/// Unknown all-capital words that are not organisations.
const NOT_ACRONYMS: &[&str] = &[
    "AI", "AM", "CEO", "COVID", "DMZ", "GDP", "GMT", "II", "III", "IV", "OK", "PM", "TV", "UAV",
    "UTC", "US", "USA", "VIP",
];

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

/// A person candidate before resolution.
#[derive(Debug, Clone)]
struct PersonCandidate {
    sentence: usize,
    start: usize,
    end: usize,
    words: Vec<String>,
    titles: Vec<String>,
    titled: bool,
    verb_after: bool,
    country: Option<usize>,
    org: Option<(usize, bool)>,
    title_case: bool,
    /// One word that is a known place, without a title right before it.
    place: bool,
}

struct Builder<'a> {
    lexicon: &'a Lexicon,
    /// The words of every sentence, cut out of the text once.
    words: &'a [Vec<&'a str>],
    out: Mentions,
    /// Entity index by kind and canonical name.
    keys: HashMap<(EntityKind, String), usize>,
    people: Vec<PersonCandidate>,
    /// Organisation entity of each (sentence, token end) for membership of following people.
    pending_orgs: HashMap<(usize, usize), usize>,
}

/// Finds every mention of a person, institution or country in the article.
pub fn find_mentions(lexicon: &Lexicon, article: &Article) -> Mentions {
    find_mentions_in(lexicon, article, &article.words())
}

/// [`find_mentions`] with the article's words ([`Article::words`]) already cut out.
pub(super) fn find_mentions_in(
    lexicon: &Lexicon,
    article: &Article,
    words: &[Vec<&str>],
) -> Mentions {
    let mut builder = Builder {
        lexicon,
        words,
        out: Mentions::default(),
        keys: HashMap::default(),
        people: Vec::new(),
        pending_orgs: HashMap::default(),
    };
    for (s, sentence) in article.sentences.iter().enumerate() {
        builder.scan_sentence(s, sentence);
    }
    builder.resolve_people();
    builder
        .out
        .mentions
        .sort_by_key(|m| (m.sentence, m.start, m.end));
    builder.infer_countries();
    builder
        .out
        .mentions
        .dedup_by(|a, b| a.sentence == b.sentence && a.start == b.start && a.entity == b.entity);
    builder.out
}

impl<'a> Builder<'a> {
    /// The words of sentence `s`.
    fn words(&self, s: usize) -> &'a [&'a str] {
        let words: &'a [Vec<&'a str>] = self.words;
        &words[s]
    }

    fn scan_sentence(&mut self, s: usize, sentence: &Sentence) {
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

    /// "Russia's defense ministry", "the Chinese foreign ministry": a ministry written in
    /// lowercase after its country, which ends at token `i`.
    fn lowercase_ministry(&mut self, s: usize, words: &[&str], i: usize) {
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
        let domains = [
            "defense",
            "defence",
            "foreign",
            "interior",
            "finance",
            "economy",
            "justice",
            "health",
            "trade",
            "commerce",
            "energy",
            "emergencies",
            "education",
        ];
        if domains.contains(&domain) && ministry == "ministry" {
            let _ = self.add_institution(s, words, start, at + 2, None);
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
        loop {
            if j >= words.len() {
                break;
            }
            let lexical = if j == i {
                match_at_start.take()
            } else {
                self.lexicon.match_at(words, j)
            };
            if let Some((len, targets)) = lexical {
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
                let mut k = j;
                while k < words.len() && NAME_PARTICLES.contains(&words[k]) {
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

    /// Does the capitalised phrase `words[start..end]`, left over after institutions and
    /// titles, name something other than a person: a place, an event or document, an initial?
    /// Person decisions start here; the word lists are the lexicon's data.
    fn names_no_person(&self, words: &[&str], start: usize, end: usize, titled: bool) -> bool {
        let chunk = &words[start..end];
        let (first, last) = (chunk[0], chunk[chunk.len() - 1]);
        let lexicon = self.lexicon;
        // A lone initial ("F." before a title, "L" in a list) names nobody.
        if chunk.len() == 1 && (is_initial(first) || first.chars().count() == 1) {
            return true;
        }
        // "Hurricane Milton", "Operation Spiderweb": the first word says what it is.
        if chunk.len() >= 2 && lexicon.thing_word(first) == Some(ThingRole::Opener) {
            return true;
        }
        // "Euro-Atlantic Integration", "China-Sri Lanka Friendship": a noun of action or
        // state ends the phrase; no surname ends so (a given name like "Clement" may).
        if lexicon.has_thing_suffix(last) && !lexicon.is_given_name(last) {
            return true;
        }
        // "North Africa", "Eastern Ladakh", "West African", "Middle East".
        if chunk.len() >= 2 && lexicon.is_place_opener(first) {
            return true;
        }
        // "Tel Aviv", "South Carolina": the whole phrase is a place of the gazetteer.
        if chunk.len() >= 2 && lexicon.place(&chunk.join(" ")).is_some() {
            return true;
        }
        // "Islamist President Mohamed Morsi", "House Minority Leader": a word right before a
        // capitalised title describes the person after it.
        if words.get(end).is_some_and(|w| is_capitalised(w))
            && self.title_right_before(words, end + 1)
        {
            return true;
        }
        // "in Aso Rock Villa", "at Hyderabad House": after a preposition of place, a phrase
        // of two or more names that opens with no known given name and has no title is a
        // place ("at Daniel Ortega", "in Joe Biden's" are people). Not after "the": news
        // writes "the Dalai Lama".
        let locative = start > 0
            && matches!(
                words[start - 1],
                "in" | "at" | "near" | "outside" | "inside"
            );
        let possessive = matches!(words.get(end), Some(&"’s") | Some(&"'s"));
        if locative && chunk.len() >= 2 && !titled && !possessive && !lexicon.is_given_name(first) {
            return true;
        }
        false
    }

    /// Is token `start` right after a title ("Secretary Austin", "Gen. Milley")?
    fn title_right_before(&self, words: &[&str], start: usize) -> bool {
        start > 0
            && matches!(self.lexicon.match_at(words, start - 1), Some((1, t)) if t == [Target::Title])
    }

    /// Does `word` end capitalised phrases that name things ("Summit", "Treaty")?
    fn is_thing_head(&self, word: &str) -> bool {
        self.lexicon.thing_word(word) == Some(ThingRole::Head)
    }

    /// Would a person's name start at token `j` (a title, or a name after one)?
    fn is_person_start(&self, words: &[&str], j: usize) -> bool {
        matches!(self.lexicon.match_at(words, j), Some((_, t)) if t == [Target::Title])
            && !words
                .get(j + 1)
                .is_some_and(|w| self.lexicon.is_org_word(w))
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
            // A capitalised common word opening a sentence or quote is not a name.
            while first < last
                && (first == 0 || is_opening(words, first))
                && self.lexicon.is_common_word(words[first])
            {
                first += 1;
            }
            while first < last && is_month_or_day(words[first]) {
                first += 1;
            }
            let mut last_kept = last;
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
            if first < last_kept {
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
                    titled,
                    run_country,
                    run_org,
                    title_case,
                    next_piece_is_thing,
                );
            }
            p = q;
        }
    }

    /// Country of "X's" or "X’s" just before token `start`, or a demonym shortly before a
    /// lowercase title ("his Russian counterpart Gen. Valery Gerasimov").
    fn owner_before(&mut self, s: usize, words: &[&str], start: usize) -> Option<usize> {
        let from = start.saturating_sub(4);
        for j in (from..start).rev() {
            let w = words[j];
            if w == "," && j + 1 < start {
                // Appositions: "Finland's military chief, Gen. Jarmo Lindberg"
                continue;
            }
            let possessive = w == "’s" || w == "'s";
            let hit = self.recent_mention(s, |m| {
                if possessive {
                    m.end == j
                } else {
                    m.start <= j && j < m.end
                }
            });
            if let Some(m) = hit {
                let entity = &self.out.entities[m.entity];
                // "Nissan's chief executive X": an institution owns a role only as a possessive.
                if entity.kind == EntityKind::Country
                    || possessive && entity.kind == EntityKind::Institution
                {
                    return Some(m.entity);
                }
                return None;
            }
            if is_capitalised(w) || matches!(w, "." | ";" | ":" | "and" | "with" | "to" | "met") {
                return None;
            }
        }
        None
    }

    /// A lowercase role noun right before the run: "spokesman John Kirby".
    fn lowercase_title_before(&self, words: &[&str], start: usize) -> bool {
        start > 0
            && PERSON_NOUNS.contains(&words[start - 1].to_lowercase().as_str())
            && !is_capitalised(words[start - 1])
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
                Piece::Lex { targets, .. }
                    if targets.contains(&Target::Title)
                        && !targets.iter().any(|t| {
                            matches!(t, Target::Country(..) | Target::Organisation(_))
                        }) =>
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

    /// The latest mention of sentence `s` (the one being read) that satisfies `test`.
    fn recent_mention(&self, s: usize, test: impl Fn(&Mention) -> bool) -> Option<&Mention> {
        self.out
            .mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence == s)
            .find(|m| test(m))
    }

    /// Records a plain mention (no title, not a capital, not a demonym).
    fn push_mention(&mut self, sentence: usize, start: usize, end: usize, entity: usize) {
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

    fn add_lexicon_mention(
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

    /// The entity of this kind and canonical name, created on first use; adds the alias.
    fn entity(
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

    /// An institution read from its words; `possessor` is the country of "Russia's ...".
    fn add_institution(
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

    #[allow(clippy::too_many_arguments)]
    fn name_chunk(
        &mut self,
        s: usize,
        words: &[&str],
        kinds: &[TokenKind],
        start: usize,
        end: usize,
        titles: &[String],
        titled: bool,
        country: Option<usize>,
        org: Option<(usize, bool)>,
        title_case: bool,
        before_thing: bool,
    ) {
        let chunk = &words[start..end];
        let last = chunk[chunk.len() - 1];
        if self.lexicon.is_place_word(last) || self.is_thing_head(last) || before_thing {
            return;
        }
        if self.names_no_person(words, start, end, titled) {
            return;
        }
        // "Jr." or "III" ends a name ("Lloyd J. Austin III"); alone it is none.
        let suffix = |w: &str| NAME_SUFFIXES.contains(&w);
        if chunk.len() == 1 && suffix(last) {
            return;
        }
        // Acronyms: institutions unless a lowercase word follows ("ATACMS missiles").
        if chunk.len() == 1 && is_acronym(last) {
            // A country, capital or place written in capitals, as datelines and shouted
            // headlines write them: "TEHRAN (Reuters) -", "NEW YORK —".
            let title = capitalise(&last.to_lowercase());
            if let Some((1, targets)) = self.lexicon.match_at(&[title.as_str()], 0) {
                if targets.iter().any(|t| matches!(t, Target::Country(..))) {
                    self.add_lexicon_mention(s, start, end, &targets, last, false);
                    return;
                }
            }
            let with_previous = start > 0 && is_acronym(words[start - 1]) && {
                let previous = capitalise(&words[start - 1].to_lowercase());
                self.lexicon.place(&format!("{previous} {title}")).is_some()
            };
            if self.lexicon.place(&title).is_some() || with_previous {
                return;
            }
            // A dateline: "ANKARA (Reuters) -", "WASHINGTON —".
            let dateline =
                start == 0 && matches!(words.get(end).copied(), Some("(" | "—" | "–" | "-" | ","));
            if NOT_ACRONYMS.contains(&last) || title_case || dateline {
                return;
            }
            let next = words.get(end).copied().unwrap_or("");
            let defines = (start >= 1 && words[start - 1] == "(")
                || (start >= 2 && words[start - 2] == "(" && words.get(end) == Some(&")"));
            if defines && words.get(end + 1).is_some_and(|w| self.is_thing_head(w)) {
                return;
            }
            let noun_follows = next.chars().next().is_some_and(char::is_lowercase)
                && !PERSON_VERBS.contains(&next)
                && !matches!(next, "and" | "or" | "on" | "in" | "of");
            if noun_follows {
                return;
            }
            if defines {
                // "(SCO)": an alias of the institution just before.
                if let Some(m) = self.recent_mention(s, |m| m.end + 1 == start) {
                    let entity = m.entity;
                    if self.out.entities[entity].kind == EntityKind::Institution {
                        self.out.entities[entity].aliases.insert(last.to_string());
                        self.push_mention(s, start, end, entity);
                    }
                }
                return;
            }
            let entity = self.entity(EntityKind::Institution, last, last, None);
            self.push_mention(s, start, end, entity);
            return;
        }
        if chunk.iter().any(|w| is_acronym(w) && !suffix(w)) && chunk.len() > 1 {
            return;
        }
        let verb_before = start > 0
            && matches!(
                words[start - 1],
                "met"
                    | "meet"
                    | "meets"
                    | "visited"
                    | "phoned"
                    | "telephoned"
                    | "hosted"
                    | "thanked"
                    | "congratulated"
                    | "urged"
                    | "told"
            );
        let verb_after = verb_before
            || words.get(end).is_some_and(|w| PERSON_VERBS.contains(w))
            || (matches!(words.get(end), Some(&"’s") | Some(&"'s"))
                && words.get(end + 1).is_some_and(|w| !is_capitalised(w)));
        let _ = kinds;
        // A lone word that is a known place ("Tibet", "Kerala") is a person only as the
        // surname of a full name of the article ("Austin" for "Lloyd Austin") or right after a
        // title ("Secretary Austin"), never on a verb's evidence alone.
        let place = chunk.len() == 1
            && self.lexicon.place(last).is_some()
            && !self.title_right_before(words, start);
        self.people.push(PersonCandidate {
            sentence: s,
            start,
            end,
            words: chunk.iter().map(|w| w.to_string()).collect(),
            titles: titles.to_vec(),
            titled,
            verb_after,
            country,
            org,
            title_case,
            place,
        });
    }

    /// A person's country from the words around a mention: "Putin of Russia", "Russia's chief
    /// of the General Staff, Gen. Valery Gerasimov", "Dunford, chairman of the Joint Chiefs".
    fn infer_countries(&mut self) {
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
                        || PERSON_VERBS.contains(word)
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
                        if kind(e) == EntityKind::Country {
                            found = Some(e);
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

    /// Decides which person candidates are people and groups their mentions into entities.
    fn resolve_people(&mut self) {
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
            let evident = c.words.len() == 1
                && !c.title_case
                && !c.place
                && (c.titled || c.verb_after)
                && !self.lexicon.is_common_word(&c.words[0]);
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
                // "Trump-Kim": two known names in one word.
                None if c.words.len() == 1 && c.words[0].contains('-') && !c.title_case => {
                    let parts: Vec<Option<usize>> = c.words[0]
                        .split('-')
                        .map(|p| names.match_short(&[p.to_string()], &named))
                        .collect();
                    if parts.len() >= 2 && parts.iter().all(Option::is_some) {
                        for k in parts.into_iter().flatten() {
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
                if c.titled {
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

enum Canonical {
    Organisation(usize),
    Name(String),
}

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

/// "al-Assad", "el-Sisi": a lowercase particle joined to a capitalised name.
fn is_particle_name(word: &str) -> bool {
    ["al-", "el-", "ad-", "as-", "bin-", "ben-"]
        .iter()
        .any(|p| word.strip_prefix(p).is_some_and(is_capitalised))
}

pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.') && !word.contains('.')
}

/// Generational suffixes that end a person's name.
const NAME_SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

fn is_initial(word: &str) -> bool {
    word.chars().count() == 2 && word.ends_with('.')
}

/// Is token `i` the first word after an opening quote or bracket?
fn is_opening(words: &[&str], i: usize) -> bool {
    i > 0
        && matches!(
            words[i - 1],
            "“" | "\"" | "‘" | "'" | "(" | "—" | "–" | ":" | "-"
        )
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

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

/// Joins words with spaces, without spaces around possessives.
fn join_words(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && !matches!(*w, "'s" | "’s") {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The people found in `text`, by canonical name.
    fn people(lexicon: &Lexicon, text: &str) -> Vec<String> {
        let article = Article::parse("t.txt", text);
        find_mentions(lexicon, &article)
            .entities
            .into_iter()
            .filter(|e| e.kind == EntityKind::Person && e.mentions > 0)
            .map(|e| e.name)
            .collect()
    }

    /// Each rule of person decisions with sentences written for it: in `not_person`, the
    /// phrase must not become a person; in `person`, the phrase must stay one (the rule must
    /// not fire there).
    struct Case {
        rule: &'static str,
        not_person: &'static [(&'static str, &'static str)],
        person: &'static [(&'static str, &'static str)],
    }

    const CASES: &[Case] = &[
        Case {
            rule: "an event or document word ends the phrase",
            not_person: &[
                ("The Baltic Energy Summit opened on a rainy morning.", "Baltic Energy"),
                ("Delegates adopted the Lisbon Climate Declaration on Friday.", "Lisbon Climate"),
                ("Both sides praised the Danube Security Dialogue as useful.", "Danube Security"),
            ],
            person: &[
                ("President Adam Summers attended the summit.", "Adam Summers"),
                ("Envoy Lena Marsh drafted the declaration overnight.", "Lena Marsh"),
            ],
        },
        Case {
            rule: "an event word opens the phrase",
            not_person: &[
                ("Officials said Hurricane Beatrix flooded the coast.", "Hurricane Beatrix"),
                ("Kyiv said Operation Nightfall hit two airfields.", "Operation Nightfall"),
            ],
            person: &[("Foreign Minister Anna Storm met her counterpart.", "Anna Storm")],
        },
        Case {
            rule: "a noun of action or state ends the phrase",
            not_person: &[
                ("Leaders hailed the Sino-Brazilian Friendship on Tuesday.", "Sino-Brazilian Friendship"),
                ("The ministers discussed Regional Integration at length.", "Regional Integration"),
            ],
            person: &[
                ("Prime Minister Pierre Clement said the talks went well.", "Pierre Clement"),
                ("Ambassador Ruth Stalwart said the visit went well.", "Ruth Stalwart"),
            ],
        },
        Case {
            rule: "a place opener and another name",
            not_person: &[
                ("Troops moved into Eastern Kordofan overnight.", "Eastern Kordofan"),
                ("The drought hit Southern Patagonia hardest.", "Southern Patagonia"),
                ("Several West African leaders sent messages.", "West African"),
            ],
            person: &[
                ("Minister Peter Eastman spoke to reporters.", "Peter Eastman"),
                ("Senator Rosa Northcott said she would vote no.", "Rosa Northcott"),
            ],
        },
        Case {
            rule: "the whole phrase is a place of the gazetteer",
            not_person: &[
                ("Protests spread across South Carolina on Sunday.", "South Carolina"),
                ("Tel Aviv hosted the donors on Monday.", "Tel Aviv"),
            ],
            person: &[
                ("Senator Charlotte Brandt said the bill would pass.", "Charlotte Brandt"),
                ("Coach Austin Reyes said the team was ready.", "Austin Reyes"),
            ],
        },
        Case {
            rule: "a lone place name is no person on a verb alone",
            not_person: &[
                ("Kerala said it would reopen schools.", "Kerala"),
                ("Sichuan announced new rules for farmers.", "Sichuan"),
            ],
            person: &[
                (
                    "Defense Secretary Lloyd Austin arrived late. Austin said the visit was useful.",
                    "Lloyd Austin",
                ),
                ("Secretary Austin said the visit was useful.", "Austin"),
            ],
        },
        Case {
            rule: "after in, at or the, a phrase that opens with no given name",
            not_person: &[
                ("The talks were held at Mirador Kestrel on Friday.", "Mirador Kestrel"),
                ("Envoys gathered outside Ostrava Kasbah before dawn.", "Ostrava Kasbah"),
                ("Rebels regrouped in Zabul Kotal after the raid.", "Zabul Kotal"),
            ],
            person: &[
                ("Protesters shouted at Daniel Ortega as he left.", "Daniel Ortega"),
                ("In Helena Vargas, the party found a steady leader.", "Helena Vargas"),
                ("Reporters waited in Minister Ivo Kranjc's office.", "Ivo Kranjc"),
                ("Envoys flew to Lisbon to meet the Aga Khan on Friday.", "Aga Khan"),
            ],
        },
        Case {
            rule: "in a headline, a known given name and one more name is a person",
            not_person: &[
                ("Baltic Ports, Nordic Railways Expect Strong Growth This Year", "Baltic Ports"),
                ("Winter Markets, Harbour Lights Draw Record Crowds Downtown", "Harbour Lights"),
            ],
            person: &[
                ("Olaf Scholz, Emmanuel Macron Urge Ceasefire After Long Phone Call", "Olaf Scholz"),
                ("Budget Talks Stall Again After Midnight — Helena Vargas", "Helena Vargas"),
            ],
        },
        Case {
            rule: "a word right before a capitalised title describes the person after it",
            not_person: &[
                ("Centrist Senator Ola Berg said the bill would pass.", "Centrist"),
                ("Peronist Governor Lena Hoff met the farmers on Sunday.", "Peronist"),
            ],
            person: &[
                ("Centrist Senator Ola Berg said the bill would pass.", "Ola Berg"),
                ("Ola Berg said Senator Tom Reyes agreed.", "Ola Berg"),
            ],
        },
        Case {
            rule: "words with endings no name has are English words, not names",
            not_person: &[
                ("Experts from Seismology Humanities warned of a new wave.", "Seismology Humanities"),
                ("Delegates of Volunteerism Extremists met in the capital.", "Volunteerism Extremists"),
            ],
            person: &[
                ("Octavious Bell said the fund would grow.", "Octavious Bell"),
                ("Senator Lena Harkness said the bill would pass.", "Lena Harkness"),
            ],
        },
        Case {
            rule: "a lone initial names nobody",
            not_person: &[
                ("Reporters asked about Annex F. during the briefing.", "F."),
                ("The parties known as Bloc Q. said they would abstain.", "Q."),
            ],
            person: &[("T. Rowe Hadley said the fund would grow.", "Rowe Hadley")],
        },
    ];

    /// The entities of `text` as "kind name".
    fn entities(lexicon: &Lexicon, text: &str) -> Vec<String> {
        let article = Article::parse("t.txt", text);
        find_mentions(lexicon, &article)
            .entities
            .into_iter()
            .filter(|e| e.mentions > 0)
            .map(|e| format!("{:?} {}", e.kind, e.name))
            .collect()
    }

    #[test]
    fn places_in_capitals_are_read_as_written_in_title_case() {
        let lexicon = Lexicon::builtin();
        // A capital or country in capitals is its country; another place is no entity.
        for (text, expected) in [
            (
                "TEHRAN (Reuters) - Officials said talks would resume.",
                vec!["Country Iran", "Institution Reuters"],
            ),
            (
                "Ministers of KENYA and Uganda met on Monday.",
                vec!["Country Kenya", "Country Uganda"],
            ),
            (
                "NEW YORK (Reuters) - Stocks rose on Monday.",
                vec!["Institution Reuters"],
            ),
            ("Crowds filled the streets of ALEPPO on Sunday.", vec![]),
            // Acronyms that are no place stay institutions.
            (
                "The ZKPQ said inspectors had left.",
                vec!["Institution ZKPQ"],
            ),
        ] {
            assert_eq!(entities(&lexicon, text), expected, "{text}");
        }
    }

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

    #[test]
    fn person_rules_keep_their_corpus() {
        let lexicon = Lexicon::builtin();
        let mut failures = Vec::new();
        for case in CASES {
            assert!(
                case.not_person.len() + case.person.len() >= 3,
                "{}: two sentences it fires on and one it must not",
                case.rule
            );
            for (text, phrase) in case.not_person {
                let found = people(&lexicon, text);
                if found.iter().any(|p| p == phrase) {
                    failures.push(format!("{}: {phrase:?} is a person in {text:?}", case.rule));
                }
            }
            for (text, phrase) in case.person {
                let found = people(&lexicon, text);
                if !found.iter().any(|p| p == phrase) {
                    failures.push(format!(
                        "{}: {phrase:?} is no person in {text:?} (found {found:?})",
                        case.rule
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
