//! A deterministic corpus of invented news articles, for benchmarks.
//!
//! ```sh
//! cargo run --release --example corpus -- --seed 7 --articles 250000 --out target/corpus
//! ```
//!
//! writes OUT/0000/000000.txt, OUT/0000/000001.txt, ... (1,000 articles to a folder), about
//! 4 KB each, so 250,000 articles are about 1 GB. The same seed and count give the same bytes.
//!
//! The articles read like wire copy about diplomacy and defence: a headline, often a
//! dateline, calls, meetings, planned and denied contacts, spokespeople, quotes and filler
//! paragraphs, in many sentence forms. The people are invented (names made from syllables, so
//! the corpus names no real person); countries, capitals and institutions are real. People
//! recur across articles with a skewed frequency, as in real news, so the graph grows more
//! slowly than the number of articles. This generator is not the product's lexicon: its tables
//! only serve to write varied prose.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

use clap::Parser;
use fastrand::Rng;

#[derive(Debug, Parser)]
struct Args {
    /// Seed of the generator.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Number of articles.
    #[arg(long, default_value_t = 1000)]
    articles: usize,
    /// Output folder (created; existing articles of the same names are overwritten).
    #[arg(long)]
    out: PathBuf,
    /// Articles per subfolder.
    #[arg(long, default_value_t = 1000)]
    per_folder: usize,
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let world = World::new(args.seed, args.articles);
    let mut bytes = 0u64;
    let mut words = 0u64;
    for n in 0..args.articles {
        let dir = args.out.join(format!("{:04}", n / args.per_folder.max(1)));
        if n % args.per_folder.max(1) == 0 {
            fs::create_dir_all(&dir)?;
        }
        let text = world.article(n);
        bytes += text.len() as u64;
        words += text.split_whitespace().count() as u64;
        fs::write(dir.join(format!("{n:06}.txt")), text)?;
    }
    eprintln!(
        "corpus: {} articles, {} bytes ({:.0} per article), {} words -> {}",
        args.articles,
        bytes,
        bytes as f64 / args.articles.max(1) as f64,
        words,
        args.out.display()
    );
    Ok(())
}

/// A country as the prose uses it: name, demonym, capital, and its institutions.
struct Country {
    name: &'static str,
    demonym: &'static str,
    capital: &'static str,
    /// Name forms of the naming region (index into SURNAME_ENDINGS).
    region: usize,
}

const COUNTRIES: &[Country] = &[
    c("the United States", "U.S.", "Washington", 0),
    c("Russia", "Russian", "Moscow", 1),
    c("Ukraine", "Ukrainian", "Kyiv", 1),
    c("China", "Chinese", "Beijing", 2),
    c("France", "French", "Paris", 3),
    c("Germany", "German", "Berlin", 4),
    c("the United Kingdom", "British", "London", 0),
    c("Japan", "Japanese", "Tokyo", 5),
    c("India", "Indian", "New Delhi", 6),
    c("Turkey", "Turkish", "Ankara", 7),
    c("Iran", "Iranian", "Tehran", 8),
    c("Israel", "Israeli", "Jerusalem", 8),
    c("Saudi Arabia", "Saudi", "Riyadh", 8),
    c("Egypt", "Egyptian", "Cairo", 8),
    c("Nigeria", "Nigerian", "Abuja", 9),
    c("Kenya", "Kenyan", "Nairobi", 9),
    c("South Africa", "South African", "Pretoria", 9),
    c("Brazil", "Brazilian", "Brasilia", 3),
    c("Mexico", "Mexican", "Mexico City", 3),
    c("Argentina", "Argentine", "Buenos Aires", 3),
    c("Canada", "Canadian", "Ottawa", 0),
    c("Australia", "Australian", "Canberra", 0),
    c("Poland", "Polish", "Warsaw", 1),
    c("Italy", "Italian", "Rome", 3),
    c("Spain", "Spanish", "Madrid", 3),
    c("Sweden", "Swedish", "Stockholm", 4),
    c("Finland", "Finnish", "Helsinki", 4),
    c("Norway", "Norwegian", "Oslo", 4),
    c("South Korea", "South Korean", "Seoul", 5),
    c("Pakistan", "Pakistani", "Islamabad", 6),
    c("Indonesia", "Indonesian", "Jakarta", 5),
    c("Vietnam", "Vietnamese", "Hanoi", 5),
    c("Qatar", "Qatari", "Doha", 8),
    c("Greece", "Greek", "Athens", 7),
    c("Hungary", "Hungarian", "Budapest", 4),
    c("Romania", "Romanian", "Bucharest", 1),
    c("Ethiopia", "Ethiopian", "Addis Ababa", 9),
    c("Colombia", "Colombian", "Bogota", 3),
];

const fn c(
    name: &'static str,
    demonym: &'static str,
    capital: &'static str,
    region: usize,
) -> Country {
    Country {
        name,
        demonym,
        capital,
        region,
    }
}

/// Offices: the title as written before a name, and the institution the holder belongs to
/// ({D} is the country's demonym).
const OFFICES: &[(&str, &str)] = &[
    ("President", "{D} government"),
    ("Prime Minister", "{D} government"),
    ("Foreign Minister", "{D} Foreign Ministry"),
    ("Defense Minister", "{D} Defense Ministry"),
    ("Interior Minister", "{D} Interior Ministry"),
    ("Finance Minister", "{D} Finance Ministry"),
    ("Gen.", "{D} Armed Forces"),
    ("Adm.", "{D} Navy"),
    ("Ambassador", "{D} Foreign Ministry"),
    ("Chief of the General Staff", "{D} Armed Forces"),
    ("National Security Adviser", "{D} National Security Council"),
    ("Energy Minister", "{D} Energy Ministry"),
    ("Trade Minister", "{D} Trade Ministry"),
];

const GIVEN_ONSETS: &[&str] = &[
    "Al", "Ber", "Ca", "Da", "El", "Fa", "Ga", "Ha", "I", "Jo", "Ka", "Le", "Ma", "Na", "O", "Pa",
    "Ra", "Sa", "Ta", "Va", "Ya", "Ze", "Mi", "Ro", "Lu", "Se", "Ti", "No", "Ar", "Ed",
];
const GIVEN_MIDDLES: &[&str] = &[
    "", "", "l", "n", "r", "m", "v", "d", "s", "lin", "rin", "del", "mar", "ven", "sor",
];
const GIVEN_ENDINGS: &[&str] = &[
    "a", "o", "an", "en", "in", "ia", "el", "ir", "us", "ek", "im", "ela", "ina", "ard", "ey",
];
const SURNAME_ONSETS: &[&str] = &[
    "Bar", "Kor", "Dal", "Mer", "Vol", "Tas", "Gre", "Hal", "Zar", "Pel", "Lin", "Nov", "Sor",
    "Kal", "Bren", "Dor", "Fen", "Gal", "Hur", "Jas", "Kem", "Lor", "Mal", "Nes", "Or", "Pra",
    "Quin", "Ros", "Sten", "Tor", "Ul", "Var", "Wes", "Yar", "Zol", "Ash", "Bel", "Cor",
];
const SURNAME_MIDDLES: &[&str] = &["", "", "a", "e", "i", "o", "ra", "li", "ne", "to", "ka"];
/// Surname endings by naming region, so names sound as if from somewhere.
const SURNAME_ENDINGS: &[&[&str]] = &[
    &["ton", "ley", "wood", "field", "son", "er", "man", "well"],
    &["ov", "enko", "sky", "in", "ovich", "chuk", "ev", "ski"],
    &["ang", "ei", "ong", "ian", "ao", "un"],
    &["ez", "ini", "eau", "ard", "elli", "ado", "ier", "ano"],
    &["berg", "mann", "sen", "ström", "dorf", "inen", "ler"],
    &["moto", "ata", "ura", "anh", "won", "jima"],
    &["jee", "ani", "ar", "esh", "eri", "ath"],
    &["oglu", "akis", "an", "opoulos", "soy"],
    &["abi", "adi", "ani", "oud", "ari", "i"],
    &["ubu", "enge", "ola", "eke", "ani", "uri"],
];

const SOURCES: &[&str] = &[
    "Reuters",
    "the Associated Press",
    "state media",
    "officials",
    "two people familiar with the matter",
    "a government statement",
    "the ministry",
    "a readout released afterwards",
    "local media",
    "diplomats",
];

const TOPICS: &[&str] = &[
    "regional security",
    "the war in Ukraine",
    "energy supplies",
    "trade tariffs",
    "grain exports",
    "arms control",
    "maritime security in the Red Sea",
    "the humanitarian situation",
    "nuclear talks",
    "counterterrorism cooperation",
    "climate finance",
    "migration",
    "the situation in the Middle East",
    "sanctions relief",
    "defence procurement",
    "a prisoner exchange",
    "cyber security",
    "debt restructuring",
    "the upcoming summit",
    "border demarcation",
];

const SUMMITS: &[&str] = &[
    "Group of 20 summit",
    "NATO summit",
    "United Nations General Assembly",
    "Munich Security Conference",
    "ASEAN summit",
    "World Economic Forum",
    "climate conference",
    "African Union summit",
    "Shangri-La Dialogue",
];

const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SHORT_MONTHS: &[&str] = &[
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

/// Pieces of filler sentences: subject, verb phrase, complement, tail.
const FILLER_SUBJECTS: &[&str] = &[
    "Analysts",
    "Economists",
    "Officials in {C}",
    "Diplomats in {C}",
    "Markets",
    "Opposition lawmakers",
    "Aid agencies",
    "Military experts",
    "Residents of {C}",
    "Business groups",
    "Energy traders",
    "Several European governments",
    "Human rights groups",
    "Central bankers",
    "Farmers",
];
const FILLER_VERBS: &[&str] = &[
    "have warned that",
    "said last month that",
    "have long argued that",
    "expect that",
    "remain unconvinced that",
    "noted in a report that",
    "fear that",
    "have pointed out that",
    "believe that",
];
const FILLER_CLAUSES: &[&str] = &[
    "the cost of fuel will keep rising through the winter",
    "the ceasefire is unlikely to hold without outside guarantees",
    "inflation has eased but remains well above target",
    "the new sanctions will take months to bite",
    "shipping through the strait has fallen by a third",
    "the harvest was the smallest in a decade",
    "talks on a trade agreement have stalled",
    "the election could reshape the region's alliances",
    "reconstruction will cost billions of dollars",
    "the border crossing has been closed for weeks",
    "defence budgets across the continent are growing",
    "the currency has lost a fifth of its value this year",
    "refugee numbers have doubled since the spring",
    "the pipeline will not be repaired before next year",
    "public support for the government is slipping",
    "drone attacks on power stations have intensified",
];
const FILLER_TAILS: &[&str] = &[
    "",
    "",
    ", although the data are incomplete",
    ", citing figures from the statistics office",
    " and that the pressure on households is growing",
    ", a view shared by many in {CAP}",
    " despite repeated assurances from the authorities",
    ", according to a survey published this week",
];
const BACKGROUND: &[&str] = &[
    "Relations between {C1} and {C2} have been strained for years, and contacts at this level are rare.",
    "The two countries signed a framework agreement on {T} in {Y}, but much of it has yet to be carried out.",
    "{C1} has repeatedly called for a negotiated settlement, while {C2} says it is open to dialogue.",
    "The last such contact took place in {M}, when the two sides agreed to keep a hotline open.",
    "Neither side gave details of the conversation beyond the brief statements.",
    "The talks come ahead of a regional meeting on {T} planned for later this year.",
    "Officials on both sides have described the relationship as pragmatic rather than warm.",
    "Trade between {C1} and {C2} reached record levels last year, according to customs data.",
    "The visit is the first by a senior {D1} official to {CAP2} since {Y}.",
    "Critics say the contacts have produced few concrete results.",
];
const QUOTES: &[&str] = &[
    "We had a frank and constructive exchange on {T}",
    "Our positions remain far apart, but we agreed to keep talking",
    "There is no alternative to dialogue",
    "We will continue to defend our national interests",
    "This was a useful conversation, and we will follow up in the coming weeks",
    "The situation on {T} requires urgent attention from all sides",
    "We expect concrete steps, not just words",
    "Both sides stressed the importance of keeping channels of communication open",
];

/// One invented person: name, country, office.
struct Person {
    given: String,
    surname: String,
    country: usize,
    office: usize,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.given, self.surname)
    }
}

struct World {
    seed: u64,
    people: Vec<Person>,
}

impl World {
    /// A pool of people that grows with the corpus (one for every 25 articles, at least 400).
    fn new(seed: u64, articles: usize) -> World {
        let mut rng = Rng::with_seed(seed);
        let n = (articles / 25).max(400);
        let mut seen = std::collections::HashSet::new();
        let mut people = Vec::with_capacity(n);
        while people.len() < n {
            let country = rng.usize(..COUNTRIES.len());
            let region = COUNTRIES[country].region;
            let given = format!(
                "{}{}{}",
                pick(&mut rng, GIVEN_ONSETS),
                pick(&mut rng, GIVEN_MIDDLES),
                pick(&mut rng, GIVEN_ENDINGS)
            );
            let surname = format!(
                "{}{}{}",
                pick(&mut rng, SURNAME_ONSETS),
                pick(&mut rng, SURNAME_MIDDLES),
                pick(&mut rng, SURNAME_ENDINGS[region])
            );
            // Surnames are kept unique, so a lone surname names one person.
            if !seen.insert(surname.clone()) {
                continue;
            }
            people.push(Person {
                given,
                surname,
                country,
                office: rng.usize(..OFFICES.len()),
            });
        }
        World { seed, people }
    }

    /// Article `n`: a function of the seed and `n` only.
    fn article(&self, n: usize) -> String {
        let mut rng = Rng::with_seed(self.seed ^ (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut cast: Vec<usize> = Vec::new();
        let n_cast = 2 + rng.usize(..4);
        while cast.len() < n_cast {
            let p = self.popular(&mut rng);
            // The first two people of an article are of different countries.
            let same_country = cast.len() < 2
                && cast
                    .iter()
                    .any(|&q| self.people[q].country == self.people[p].country);
            if !cast.contains(&p) && !same_country {
                cast.push(p);
            }
        }
        let mut writer = Writer {
            rng,
            world: self,
            cast,
            out: String::with_capacity(5000),
            named: Vec::new(),
        };
        writer.write();
        writer.out
    }

    /// A person, the first ones far more often than the rest (roughly Zipf).
    fn popular(&self, rng: &mut Rng) -> usize {
        let n = self.people.len() as f64;
        let u = rng.f64();
        ((n.powf(u) - 1.0) as usize).min(self.people.len() - 1)
    }
}

struct Writer<'a> {
    rng: Rng,
    world: &'a World,
    cast: Vec<usize>,
    out: String,
    /// People already named in full in this article.
    named: Vec<usize>,
}

impl Writer<'_> {
    fn write(&mut self) {
        let (a, b) = (self.cast[0], self.cast[1]);
        self.headline(a, b);
        let dateline = self.rng.bool();
        // Four articles in ten are about a contact and report several; the rest are general
        // news that names people and mentions a contact now and then.
        let contact_story = self.rng.u8(..10) < 4;
        let contact_odds = if contact_story { 3 } else { 1 };
        let mut paragraphs: Vec<String> = Vec::new();
        let lead = if contact_story {
            self.contact(a, b, true)
        } else {
            self.statement(a)
        };
        paragraphs.push(if dateline {
            let capital = self.country(a).capital.to_uppercase();
            format!("{capital} — {lead}")
        } else {
            lead
        });
        let target = 3300 + self.rng.usize(..1600);
        let mut turn = 0;
        while paragraphs.iter().map(String::len).sum::<usize>() < target {
            let paragraph = match (turn, self.rng.u8(..12)) {
                (0, _) => self.background(a, b),
                (_, k) if k < contact_odds => {
                    let (x, y) = self.pair();
                    self.contact(x, y, false)
                }
                (_, 3 | 4) => self.spokesperson(),
                (_, 5) => self.quote(),
                (_, 6) => self.background_any(),
                (_, 7) => {
                    let p = self.cast[self.rng.usize(..self.cast.len())];
                    self.statement(p)
                }
                _ => self.filler(),
            };
            paragraphs.push(paragraph);
            turn += 1;
        }
        for paragraph in paragraphs {
            self.out.push_str(&paragraph);
            self.out.push_str("\n\n");
        }
        let trailer = self.rng.u8(..6);
        if trailer == 0 {
            self.out
                .push_str("Reporting by newsroom staff; editing by the desk\n");
        } else if trailer == 1 {
            self.out.push_str("Share this article\n");
        }
    }

    fn country(&self, p: usize) -> &'static Country {
        &COUNTRIES[self.world.people[p].country]
    }

    fn pick(&mut self, items: &[&'static str]) -> &'static str {
        pick(&mut self.rng, items)
    }

    fn pair(&mut self) -> (usize, usize) {
        let i = self.rng.usize(..self.cast.len());
        let mut j = self.rng.usize(..self.cast.len() - 1);
        if j >= i {
            j += 1;
        }
        (self.cast[i], self.cast[j])
    }

    /// The first mention of a person is full ("Russian Foreign Minister Ivana Korov" or
    /// "Ivana Korov, the Russian foreign minister"); later ones are the surname, sometimes
    /// with the title.
    fn name(&mut self, p: usize) -> String {
        let person = &self.world.people[p];
        let (office, _) = OFFICES[person.office];
        let demonym = self.country(p).demonym;
        if !self.named.contains(&p) {
            self.named.push(p);
            return match self.rng.u8(..10) {
                // Well-known people are often named by surname alone.
                0 => person.surname.clone(),
                1..=3 => format!("{demonym} {office} {}", person.full()),
                4..=6 => format!("{office} {}", person.full()),
                _ => format!("{} {}", demonym, person.full()),
            };
        }
        if office.ends_with('.') && self.rng.bool() {
            format!("{office} {}", person.surname)
        } else {
            person.surname.clone()
        }
    }

    fn date(&mut self) -> String {
        match self.rng.u8(..6) {
            0..=2 => format!("on {}", self.pick(WEEKDAYS)),
            3 => format!("on {} {}", self.pick(MONTHS), 1 + self.rng.u8(..28)),
            4 => format!("on {} {}", self.pick(SHORT_MONTHS), 1 + self.rng.u8(..28)),
            _ => format!(
                "on {} {}, {}",
                self.pick(MONTHS),
                1 + self.rng.u8(..28),
                2015 + self.rng.u16(..11)
            ),
        }
    }

    fn headline(&mut self, a: usize, b: usize) {
        let (sa, sb) = (&self.world.people[a].surname, &self.world.people[b].surname);
        let (ca, cb) = (self.country(a), self.country(b));
        let topic = self.pick(TOPICS);
        let line = match self.rng.u8(..6) {
            0 => format!("{sa} and {sb} discuss {topic} by phone"),
            1 => format!(
                "{} and {} Officials Hold Talks on {}",
                ca.demonym,
                cb.demonym,
                title_case(topic)
            ),
            2 => format!("{sa} meets {} counterpart in {}", cb.demonym, cb.capital),
            3 => format!(
                "{} says it is ready for talks with {}",
                capitalise(ca.name),
                cb.name
            ),
            4 => format!("{sa} to visit {} next week", cb.capital),
            _ => format!("Calls grow for dialogue over {topic}"),
        };
        self.out.push_str(&line);
        self.out.push_str("\n\n");
    }

    /// A paragraph that states a contact between `a` and `b`, in one of many forms.
    fn contact(&mut self, a: usize, b: usize, lead: bool) -> String {
        let na = self.name(a);
        let nb = self.name(b);
        let date = self.date();
        let topic = self.pick(TOPICS);
        let source = self.pick(SOURCES);
        let city = self.country(b).capital;
        let summit = self.pick(SUMMITS);
        let first = match self.rng.u8(..16) {
            0 => format!("{na} spoke by phone with {nb} {date} about {topic}, {source} said."),
            1 => format!("{na} and {nb} held talks in {city} {date}, focusing on {topic}."),
            2 => format!("{na} met {nb} {date} in {city} to discuss {topic}, according to {source}."),
            3 => format!("In a telephone call {date}, {na} and {nb} discussed {topic}."),
            4 => format!("{na} held a phone conversation with {nb} {date}, {source} reported."),
            5 => format!("{na} met with {nb} on the sidelines of the {summit} {date}."),
            6 => format!("{na} is expected to meet {nb} in {city} next week to discuss {topic}, {source} said."),
            7 => format!("{na} plans to call {nb} {date} to discuss {topic}."),
            8 => format!("{na} denied that he had spoken with {nb} about {topic}."),
            9 => format!("A meeting between {na} and {nb} is scheduled for next month, {source} said."),
            10 => format!("{na} told reporters {date} that he had talked with {nb} about {topic}."),
            11 => format!("{na} hosted {nb} for talks in {city} {date}."),
            12 => format!("{na} said {date} that she had no plans to meet {nb}."),
            13 => format!("The call between {na} and {nb} lasted about an hour, {source} said."),
            14 => format!("{na} and {nb} spoke by video link {date}, their first contact since the spring."),
            _ => format!("{na} visited {city} {date} and met {nb}, {source} said."),
        };
        let mut paragraph = first;
        if lead || self.rng.bool() {
            let follow = match self.rng.u8(..5) {
                0 => format!(
                    " The two discussed {}, according to a readout from the {} side.",
                    self.pick(TOPICS),
                    self.country(a).demonym
                ),
                1 => format!(
                    " It was the {} conversation between the two this year.",
                    ["second", "third", "first", "fourth"][self.rng.usize(..4)]
                ),
                2 => " Both sides described the conversation as businesslike.".to_string(),
                3 => format!(
                    " The ministers also touched on {}, {} said.",
                    self.pick(TOPICS),
                    self.pick(SOURCES)
                ),
                _ => String::new(),
            };
            paragraph.push_str(&follow);
        }
        paragraph
    }

    /// A person says something: no contact.
    fn statement(&mut self, p: usize) -> String {
        let name = self.name(p);
        let date = self.date();
        let clause = self.pick(FILLER_CLAUSES);
        let topic = self.pick(TOPICS);
        let place = self.country(p).name;
        match self.rng.u8(..4) {
            0 => format!("{name} said {date} that {clause}."),
            1 => format!(
                "{name} warned {date} that {place} would not accept any deal on {topic} imposed from outside."
            ),
            2 => format!(
                "Speaking to lawmakers {date}, {name} defended the government's record on {topic}."
            ),
            _ => format!(
                "{name} announced {date} a new package of measures on {topic}, saying {clause}."
            ),
        }
    }

    fn spokesperson(&mut self) -> String {
        let p = self.cast[self.rng.usize(..self.cast.len())];
        let country = self.country(p);
        let institution = OFFICES[self.world.people[p].office]
            .1
            .replace("{D}", country.demonym);
        let spokesperson = self.spokes_name(p);
        let topic = self.pick(TOPICS);
        match self.rng.u8(..3) {
            0 => format!(
                "{institution} spokesperson {spokesperson} said the talks on {topic} would continue at a lower level."
            ),
            1 => format!(
                "{spokesperson}, a spokesman for the {institution}, told reporters that no decision on {topic} had been taken."
            ),
            _ => format!(
                "A spokeswoman for the {institution}, {spokesperson}, declined to comment on {topic}."
            ),
        }
    }

    /// A spokesperson's name: drawn from this article's own stream, so spokespeople vary a lot.
    fn spokes_name(&mut self, p: usize) -> String {
        let region = self.country(p).region;
        format!(
            "{}{}{} {}{}{}",
            self.pick(GIVEN_ONSETS),
            self.pick(GIVEN_MIDDLES),
            self.pick(GIVEN_ENDINGS),
            self.pick(SURNAME_ONSETS),
            self.pick(SURNAME_MIDDLES),
            self.pick(SURNAME_ENDINGS[region])
        )
    }

    fn quote(&mut self) -> String {
        let p = self.cast[self.rng.usize(..self.cast.len())];
        let quote = self.pick(QUOTES).replace("{T}", self.pick(TOPICS));
        let name = self.name(p);
        match self.rng.u8(..3) {
            0 => format!("“{quote},” {name} said."),
            1 => format!("“{quote},” {name} told reporters after the meeting."),
            _ => format!("{name} said in a statement: “{quote}.”"),
        }
    }

    fn background(&mut self, a: usize, b: usize) -> String {
        let mut text = self.pick(BACKGROUND).to_string();
        let (ca, cb) = (self.country(a), self.country(b));
        text = text
            .replace("{C1}", ca.name)
            .replace("{C2}", cb.name)
            .replace("{D1}", ca.demonym)
            .replace("{CAP2}", cb.capital)
            .replace("{T}", self.pick(TOPICS))
            .replace("{M}", self.pick(MONTHS))
            .replace("{Y}", &(2010 + self.rng.u16(..14)).to_string());
        capitalise(&text)
    }

    fn background_any(&mut self) -> String {
        let (a, b) = self.pair();
        self.background(a, b)
    }

    fn filler(&mut self) -> String {
        let n = 2 + self.rng.usize(..3);
        let mut paragraph = String::new();
        for i in 0..n {
            let country = &COUNTRIES[self.rng.usize(..COUNTRIES.len())];
            let sentence = format!(
                "{} {} {}{}.",
                self.pick(FILLER_SUBJECTS),
                self.pick(FILLER_VERBS),
                self.pick(FILLER_CLAUSES),
                self.pick(FILLER_TAILS)
            )
            .replace("{C}", country.name)
            .replace("{CAP}", country.capital);
            if i > 0 {
                paragraph.push(' ');
            }
            let _ = write!(paragraph, "{}", capitalise(&sentence));
        }
        paragraph
    }
}

fn pick(rng: &mut Rng, items: &[&'static str]) -> &'static str {
    items[rng.usize(..items.len())]
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn title_case(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            if matches!(w, "the" | "in" | "of" | "a") {
                w.to_string()
            } else {
                capitalise(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
