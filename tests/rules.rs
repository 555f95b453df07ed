//! The rules' corpus: for each general pattern of contact news the extractor reads, sentences
//! written for the test (never copied from the gold articles) with the contacts they state,
//! and sentences of the same look that state none. One test runs them all, as Duckling keeps
//! `Corpus.hs` beside `Rules.hs`.
//!
//! A contact is written `"A-B"` (the last words of the two names, sorted) with `:planned` or
//! `:denied` after it when it did not happen, and `:call` when it must be a call.

use std::collections::BTreeSet;

use newsgraph::{ContactKind, Lexicon, Status};

struct Rule {
    name: &'static str,
    /// Texts and every contact each states (all of them, nothing more).
    positive: &'static [(&'static str, &'static [&'static str])],
    /// Texts that state no contact at all.
    negative: &'static [&'static str],
}

const RULES: &[Rule] = &[
    Rule {
        name: "a subject met an object",
        positive: &[
            (
                "Finance Minister Paolo Renzetti met Governor Clara Oduya on Monday.",
                &["Oduya-Renzetti"],
            ),
            (
                "Prime Minister Anika Sorvald met with Chancellor Jonas Brekke in Oslo.",
                &["Brekke-Sorvald"],
            ),
        ],
        negative: &[
            "Prime Minister Anika Sorvald met reporters in Oslo on Monday.",
            "Prime Minister Anika Sorvald met President Paolo Renzetti's adviser on Monday.",
        ],
    },
    Rule {
        name: "a name before a lowercase title modifies it: the object is the name after it",
        positive: &[
            (
                "President Paolo Renzetti spoke on Monday. Prime Minister Anika Sorvald met \
                 Renzetti aide Ivo Marsh in Oslo.",
                &["Marsh-Sorvald"],
            ),
            (
                "Finance Minister Lena Kovac met Storting speaker Tove Lund on Friday.",
                &["Kovac-Lund"],
            ),
        ],
        negative: &["Prime Minister Anika Sorvald met Storting members in Oslo on Monday."],
    },
    Rule {
        name: "coordinated subjects with appositions",
        positive: &[
            (
                "Tomas Ferreira, the president, and Hiro Tanabe, the Japanese prime minister, \
                 held their first telephone talks on Monday.",
                &["Ferreira-Tanabe:call"],
            ),
            (
                "General Ivo Marsh and Admiral Lena Kovac held talks in Brussels.",
                &["Kovac-Marsh"],
            ),
        ],
        negative: &["General Ivo Marsh and Admiral Lena Kovac spoke about the budget."],
    },
    Rule {
        name: "a list of participants: one meeting of a group, one contact each for one subject",
        positive: &[
            (
                "Ambassador Hugo Baptista and his deputy Ivo Marsh met with the Central Bank \
                 Governor, Irena Lisac, and Finance Minister Novak Petric.",
                &[
                    "Baptista-Lisac",
                    "Baptista-Marsh",
                    "Baptista-Petric",
                    "Lisac-Marsh",
                    "Lisac-Petric",
                    "Marsh-Petric",
                ],
            ),
            (
                "Foreign Minister Ana Reyes met Defence Minister Tomas Ferreira, Interior \
                 Minister Hugo Baptista and Justice Minister Clara Oduya in Lisbon.",
                &["Baptista-Reyes", "Ferreira-Reyes", "Oduya-Reyes"],
            ),
            // Members with titles may be cut by semicolons.
            (
                "Foreign Minister Ana Reyes met Chilean Defence Minister Tomas Ferreira; \
                 Peruvian Interior Minister Hugo Baptista; and Bolivian Justice Minister Clara \
                 Oduya.",
                &["Baptista-Reyes", "Ferreira-Reyes", "Oduya-Reyes"],
            ),
            (
                "In Rome, General Ivo Marsh also met with Admiral Lena Kovac; Governor Clara \
                 Oduya; and Ambassador Hugo Baptista.",
                &["Baptista-Marsh", "Kovac-Marsh", "Marsh-Oduya"],
            ),
            (
                "Chancellor Jonas Brekke and Prime Minister Anika Sorvald met with President \
                 Paolo Renzetti.",
                &["Brekke-Renzetti", "Brekke-Sorvald", "Renzetti-Sorvald"],
            ),
            // A member's lowercase title: "opposition leader B", "bronze medallist C".
            (
                "President Ana Reyes met Governor Clara Oduya, opposition leader Hugo Baptista \
                 and parliament speaker Ivo Marsh on Monday.",
                &["Baptista-Reyes", "Marsh-Reyes", "Oduya-Reyes"],
            ),
            (
                "King Harald received Prime Minister Ana Reyes. The meeting was attended by \
                 gold medallist Tomas Ferreira, bronze medallist Lena Kovac and others.",
                &[
                    "Ferreira-Harald",
                    "Ferreira-Kovac",
                    "Ferreira-Reyes",
                    "Harald-Kovac",
                    "Harald-Reyes",
                    "Kovac-Reyes",
                ],
            ),
            // "as well as" joins as "and" does.
            (
                "Foreign Minister Ana Reyes met Defence Minister Tomas Ferreira as well as \
                 Justice Minister Clara Oduya.",
                &["Ferreira-Reyes", "Oduya-Reyes"],
            ),
            (
                "Governor Clara Oduya received the former mayor, Hugo Baptista, as well as the \
                 current mayor, Ivo Marsh.",
                &["Baptista-Oduya", "Marsh-Oduya"],
            ),
            // A semicolon before an untitled name starts a new clause.
            (
                "Foreign Minister Ana Reyes met Tomas Ferreira; Hugo Baptista praised the talks.",
                &["Ferreira-Reyes"],
            ),
            // "to discuss" after the list is the purpose of the meeting, not a meeting of
            // those listed.
            (
                "President Ana Reyes held meetings with Governor Clara Oduya, Admiral Ivo Marsh \
                 and General Lena Kovac to discuss the budget.",
                &["Kovac-Reyes", "Marsh-Reyes", "Oduya-Reyes"],
            ),
            (
                "Chancellor Jonas Brekke met Hugo Baptista, Tomas Ferreira and Paolo Renzetti \
                 on Friday to discuss trade.",
                &["Baptista-Brekke", "Brekke-Ferreira", "Brekke-Renzetti"],
            ),
            // What a description in the list is of is no member: "the envoy of X".
            (
                "Emir Khalid met with Tomas Ferreira, the special envoy of President Ana Reyes, \
                 and Lena Kovac in Doha.",
                &["Ferreira-Khalid", "Khalid-Kovac"],
            ),
            (
                "Governor Clara Oduya spoke with Ivo Marsh, the Middle East envoy for US \
                 President-elect Hugo Baptista.",
                &["Marsh-Oduya:call"],
            ),
            // A capitalised title with "to" or "of" before its holder is the holder's title.
            (
                "President Ana Reyes met Chancellor Jonas Brekke on Monday. Present at the \
                 meeting were Vice-Minister Lena Kovac and Ambassador to the United States Ivo \
                 Marsh.",
                &[
                    "Brekke-Kovac",
                    "Brekke-Marsh",
                    "Brekke-Reyes",
                    "Kovac-Marsh",
                    "Kovac-Reyes",
                    "Marsh-Reyes",
                ],
            ),
            // The owner of a description in the list is no member: "President X's adviser".
            (
                "Ambassador Hugo Baptista met with Ivo Marsh, President Ana Reyes's chief \
                 economist, and General Lena Kovac.",
                &["Baptista-Kovac", "Baptista-Marsh"],
            ),
            (
                "PM Clara Oduya spoke over the past week with Tomas Ferreira, Chancellor Jonas \
                 Brekke's envoy, and Admiral Ivo Marsh.",
                &["Ferreira-Oduya:call", "Marsh-Oduya:call"],
            ),
        ],
        negative: &[],
    },
    Rule {
        name: "those along with the subject, or the officials with it, share its contact",
        positive: &[
            (
                "President Ana Reyes, along with Governor Clara Oduya and Admiral Ivo Marsh, met \
                 Chancellor Jonas Brekke in Oslo.",
                &[
                    "Brekke-Marsh",
                    "Brekke-Oduya",
                    "Brekke-Reyes",
                    "Marsh-Oduya",
                    "Marsh-Reyes",
                    "Oduya-Reyes",
                ],
            ),
            // "bilateral" is between the two sides: one meeting of them all.
            (
                "Prime Minister Hugo Baptista, accompanied by Finance Minister Lena Kovac, held \
                 a bilateral meeting with President Tomas Ferreira in Lisbon.",
                &["Baptista-Ferreira", "Baptista-Kovac", "Ferreira-Kovac"],
            ),
            (
                "President Ana Reyes was received by the minister, Hugo Baptista, together with \
                 the ambassador, Lena Kovac, and Admiral Ivo Marsh.",
                &[
                    "Baptista-Kovac",
                    "Baptista-Marsh",
                    "Baptista-Reyes",
                    "Kovac-Marsh",
                    "Kovac-Reyes",
                    "Marsh-Reyes",
                ],
            ),
            (
                "Governor Clara Oduya and other officials met with Chancellor Jonas Brekke in \
                 Rome.",
                &["Brekke-Oduya"],
            ),
            (
                "President Ana Reyes and other ministers held talks with Admiral Ivo Marsh in \
                 Lisbon.",
                &["Marsh-Reyes"],
            ),
        ],
        negative: &[
            "President Ana Reyes, along with Governor Clara Oduya, criticised the budget in \
             Oslo.",
            "Governor Clara Oduya and other officials met reporters in Rome.",
        ],
    },
    Rule {
        name: "informal contact verbs: huddled, conferred, chatted, dined with",
        positive: &[
            (
                "President Ana Reyes huddled with Admiral Ivo Marsh at the base on Sunday.",
                &["Marsh-Reyes"],
            ),
            (
                "Chancellor Jonas Brekke conferred with Prime Minister Hugo Baptista by \
                 telephone.",
                &["Baptista-Brekke:call"],
            ),
            (
                "Governor Clara Oduya dined with Ambassador Tomas Ferreira in Rome.",
                &["Ferreira-Oduya"],
            ),
        ],
        negative: &["President Ana Reyes huddled with her advisers before the vote."],
    },
    Rule {
        name: "a contact noun with a list names one contact of everyone",
        positive: &[
            (
                "Chancellor Jonas Brekke joined a call with President Ana Reyes and Prime \
                 Minister Hugo Baptista on Tuesday.",
                &[
                    "Baptista-Brekke:call",
                    "Baptista-Reyes:call",
                    "Brekke-Reyes:call",
                ],
            ),
            (
                "Governor Clara Oduya arrived in Rome for talks with Admiral Ivo Marsh and the \
                 finance minister, Paolo Renzetti.",
                &["Marsh-Oduya", "Marsh-Renzetti", "Oduya-Renzetti"],
            ),
            (
                "Prime Minister Anika Sorvald held a meeting with Tomas Ferreira, Lena Kovac \
                 and Hugo Baptista in Oslo.",
                &[
                    "Baptista-Ferreira",
                    "Baptista-Kovac",
                    "Baptista-Sorvald",
                    "Ferreira-Kovac",
                    "Ferreira-Sorvald",
                    "Kovac-Sorvald",
                ],
            ),
            // After a comma "meeting" is a verb: one meeting with each.
            (
                "President Ana Reyes toured the port, meeting with Governor Clara Oduya and \
                 Admiral Ivo Marsh.",
                &["Oduya-Reyes", "Marsh-Reyes"],
            ),
        ],
        negative: &[],
    },
    Rule {
        name: "separate bilateral meetings with a list",
        positive: &[
            (
                "President Ana Reyes held bilateral meetings with Prime Minister Hugo Baptista, \
                 Chancellor Jonas Brekke and President Paolo Renzetti.",
                &["Baptista-Reyes", "Brekke-Reyes", "Renzetti-Reyes"],
            ),
            (
                "Chancellor Jonas Brekke held separate meetings with his Spanish counterpart \
                 Ana Reyes and Italian Prime Minister Paolo Renzetti.",
                &["Brekke-Reyes", "Brekke-Renzetti"],
            ),
            // Each country of "the prime ministers of" followed by its person.
            (
                "President Ana Reyes held bilateral meetings with the prime ministers of Spain \
                 Hugo Baptista, Norway Jonas Brekke and Italy Paolo Renzetti.",
                &["Baptista-Reyes", "Brekke-Reyes", "Renzetti-Reyes"],
            ),
            (
                "King Harald held separate talks with the foreign ministers of Chile Clara \
                 Oduya and Peru Ivo Marsh.",
                &["Harald-Oduya", "Harald-Marsh"],
            ),
            // "the" before a country of the list; the people after the list of countries.
            (
                "President Ana Reyes had telephone conversations with the presidents of the \
                 Czech Republic Hugo Baptista and Norway Jonas Brekke.",
                &["Baptista-Reyes:call", "Brekke-Reyes:call"],
            ),
            (
                "President Ana Reyes had telephone conversations with the presidents of Chile \
                 and Peru, Clara Oduya and Ivo Marsh.",
                &["Marsh-Reyes:call", "Oduya-Reyes:call"],
            ),
            // A long capitalised description between two members of the list.
            (
                "King Harald exchanged phone calls with President Ana Reyes of the Republic of \
                 Chile, Chairman of the Executive Committee of the Andean Development Council, \
                 and Prince Hugo Baptista of Monaco.",
                &["Baptista-Harald:call", "Harald-Reyes:call"],
            ),
            // Several on one side, separately with one on the other: each of them with it.
            (
                "General Ivo Marsh and Admiral Lena Kovac had separate meetings with President \
                 Ana Reyes late Friday.",
                &["Kovac-Reyes", "Marsh-Reyes"],
            ),
        ],
        negative: &[],
    },
    Rule {
        name: "those who attended an event join it",
        positive: &[
            // A list of titled attendees cut by semicolons.
            (
                "King Harald received President Ana Reyes. The meeting was attended by Hugo \
                 Baptista, Minister of Foreign Affairs; Dr. Lena Kovac, Minister of Commerce; \
                 and Ivo Marsh, Chief of Protocol.",
                &[
                    "Baptista-Harald",
                    "Baptista-Kovac",
                    "Baptista-Marsh",
                    "Baptista-Reyes",
                    "Harald-Kovac",
                    "Harald-Marsh",
                    "Harald-Reyes",
                    "Kovac-Marsh",
                    "Kovac-Reyes",
                    "Marsh-Reyes",
                ],
            ),
            (
                "President Tomas Ferreira met Chancellor Jonas Brekke on Monday. Also present at \
                 the talks were Clara Oduya, the finance minister; and Paolo Renzetti, the \
                 central bank governor.",
                &[
                    "Brekke-Ferreira",
                    "Brekke-Oduya",
                    "Brekke-Renzetti",
                    "Ferreira-Oduya",
                    "Ferreira-Renzetti",
                    "Oduya-Renzetti",
                ],
            ),
            (
                "President Ana Reyes met Chancellor Jonas Brekke on Monday. The meeting was \
                 attended by Foreign Minister Hugo Baptista.",
                &["Baptista-Brekke", "Baptista-Reyes", "Brekke-Reyes"],
            ),
            (
                "President Ana Reyes received Chancellor Jonas Brekke at the palace. Present at \
                 the meeting were Foreign Minister Hugo Baptista and Ambassador Clara Oduya.",
                &[
                    "Baptista-Brekke",
                    "Baptista-Oduya",
                    "Baptista-Reyes",
                    "Brekke-Oduya",
                    "Brekke-Reyes",
                    "Oduya-Reyes",
                ],
            ),
            (
                "President Ana Reyes met Chancellor Jonas Brekke in Madrid. Others at the \
                 meeting included Governor Clara Oduya.",
                &["Brekke-Oduya", "Brekke-Reyes", "Oduya-Reyes"],
            ),
            (
                "President Ana Reyes held talks with Chancellor Jonas Brekke in Rome. During the \
                 talks the Spanish side was also represented by Foreign Minister Hugo Baptista.",
                &["Baptista-Brekke", "Baptista-Reyes", "Brekke-Reyes"],
            ),
            // Long titles between the attendees; the meeting named is the one in focus.
            (
                "Prime Minister Ana Reyes met with the President of Portugal, Jonas Brekke. \
                 The meeting was attended by Spain's Minister of Economy and Trade, Hugo \
                 Baptista, and the Head of the Government Administration, Clara Oduya.",
                &[
                    "Baptista-Brekke",
                    "Baptista-Oduya",
                    "Baptista-Reyes",
                    "Brekke-Oduya",
                    "Brekke-Reyes",
                    "Oduya-Reyes",
                ],
            ),
            (
                "King Harald received Chancellor Jonas Brekke. Also participating in the \
                 meeting were Norway's Ambassador to Germany Clara Oduya and Deputy Managing \
                 Director Hugo Baptista.",
                &[
                    "Baptista-Brekke",
                    "Baptista-Harald",
                    "Baptista-Oduya",
                    "Brekke-Harald",
                    "Brekke-Oduya",
                    "Harald-Oduya",
                ],
            ),
            // Attendance at an occasion of the event in focus, in a sentence with no contact
            // word of its own.
            (
                "President Ana Reyes met Chancellor Jonas Brekke in Madrid on Monday. Also \
                 present at the dinner were Governor Clara Oduya and Ambassador Hugo Baptista.",
                &[
                    "Baptista-Brekke",
                    "Baptista-Oduya",
                    "Baptista-Reyes",
                    "Brekke-Oduya",
                    "Brekke-Reyes",
                    "Oduya-Reyes",
                ],
            ),
            (
                "King Harald held talks with Prime Minister Ana Reyes. Also participating in the \
                 gathering was Foreign Minister Hugo Baptista.",
                &["Baptista-Harald", "Baptista-Reyes", "Harald-Reyes"],
            ),
            // Attendees join the latest meeting of people, not a contact of countries.
            (
                "President Ana Reyes met Chancellor Jonas Brekke in Oslo. Spain and Norway \
                 announced the end of negotiations on fishing. The meeting was attended by \
                 Governor Clara Oduya.",
                &[
                    "Brekke-Oduya",
                    "Brekke-Reyes",
                    "Norway-Spain:call",
                    "Oduya-Reyes",
                ],
            ),
            // "involved": who else took part, in a relative clause on the event.
            (
                "President Ana Reyes spoke with businessman Hugo Baptista on Monday. The \
                 conversation, which also involved Chief of Staff Clara Oduya, lasted an hour.",
                &[
                    "Baptista-Oduya:call",
                    "Baptista-Reyes:call",
                    "Oduya-Reyes:call",
                ],
            ),
            // "Also at the meeting was X": being at the event is attending it. A description
            // in the list ("the head of the football federation") is of its holder after it.
            (
                "President Ana Reyes met Chancellor Jonas Brekke on Monday. Also at the meeting \
                 was the Minister of Sports, Clara Oduya, and the head of the football \
                 federation (FF), Hugo Baptista.",
                &[
                    "Baptista-Brekke",
                    "Baptista-Oduya",
                    "Baptista-Reyes",
                    "Brekke-Oduya",
                    "Brekke-Reyes",
                    "Oduya-Reyes",
                ],
            ),
            // Talks that people are at are a meeting.
            (
                "King Harald received Prime Minister Ana Reyes. Also at the talks were Governor \
                 Clara Oduya and Ambassador Hugo Baptista.",
                &[
                    "Baptista-Harald",
                    "Baptista-Oduya",
                    "Baptista-Reyes",
                    "Harald-Oduya",
                    "Harald-Reyes",
                    "Oduya-Reyes",
                ],
            ),
            // Those who came along with one of the latest contact joined it, though the
            // sentence names no event.
            (
                "President Ana Reyes met Chancellor Jonas Brekke on Monday. The chancellor \
                 arrived at noon and was accompanied by Governor Clara Oduya.",
                &["Brekke-Oduya", "Brekke-Reyes", "Oduya-Reyes"],
            ),
            (
                "King Harald received Prime Minister Ana Reyes at the palace. She came by \
                 train, accompanied by Ambassador Hugo Baptista.",
                &["Baptista-Harald", "Baptista-Reyes", "Harald-Reyes"],
            ),
            // "flanked by", "joined by", "in the presence of": the same company.
            (
                "President Ana Reyes met Chancellor Jonas Brekke on Monday. Reyes was flanked \
                 by Foreign Minister Hugo Baptista.",
                &["Baptista-Brekke", "Baptista-Reyes", "Brekke-Reyes"],
            ),
            (
                "King Harald received Governor Clara Oduya on Monday, in the presence of \
                 Ambassador Hugo Baptista.",
                &["Baptista-Harald", "Baptista-Oduya", "Harald-Oduya"],
            ),
            (
                "President Ana Reyes, alongside Foreign Minister Hugo Baptista, met Chancellor \
                 Jonas Brekke on Monday.",
                &["Baptista-Brekke", "Baptista-Reyes", "Brekke-Reyes"],
            ),
            // "X was (also) present": at the latest contact, though no event is named.
            (
                "Prime Minister Ana Reyes met Chancellor Jonas Brekke on Monday. Governor Clara \
                 Oduya was also present.",
                &["Brekke-Oduya", "Brekke-Reyes", "Oduya-Reyes"],
            ),
            (
                "King Harald received Governor Hugo Baptista at the palace. Ambassador Ivo \
                 Marsh, MP, was present, among others.",
                &["Baptista-Harald", "Baptista-Marsh", "Harald-Marsh"],
            ),
            (
                "Prime Minister Ana Reyes met Chancellor Jonas Brekke on Monday. Also in \
                 attendance were Governor Clara Oduya and Ambassador Hugo Baptista.",
                &[
                    "Baptista-Brekke",
                    "Baptista-Oduya",
                    "Baptista-Reyes",
                    "Brekke-Oduya",
                    "Brekke-Reyes",
                    "Oduya-Reyes",
                ],
            ),
            (
                "King Harald received Governor Hugo Baptista on Monday. Among those present \
                 were Ambassador Ivo Marsh and Admiral Lena Kovac.",
                &[
                    "Baptista-Harald",
                    "Baptista-Kovac",
                    "Baptista-Marsh",
                    "Harald-Kovac",
                    "Harald-Marsh",
                    "Kovac-Marsh",
                ],
            ),
            // Not when what they came along on is named, or another person came.
            (
                "President Ana Reyes met Chancellor Jonas Brekke on Monday. The chancellor is \
                 accompanied on the trip by Governor Clara Oduya.",
                &["Brekke-Reyes"],
            ),
            (
                "President Ana Reyes met Chancellor Jonas Brekke on Monday. Later, Governor \
                 Clara Oduya arrived in Oslo, accompanied by Ambassador Hugo Baptista.",
                &["Brekke-Reyes"],
            ),
            // Nor with someone at an event still to come; a relative clause's future is
            // another matter.
            (
                "President Ana Reyes met Chancellor Jonas Brekke on Monday. The president, who \
                 was accompanied by Governor Clara Oduya, will address the summit.",
                &["Brekke-Reyes"],
            ),
            (
                "President Ana Reyes met Chancellor Jonas Brekke on Monday. The meeting was \
                 attended by Governor Clara Oduya, who will soon retire.",
                &["Brekke-Reyes", "Brekke-Oduya", "Oduya-Reyes"],
            ),
            // "involved in" doing something else is no attendance.
            (
                "President Ana Reyes spoke with Chancellor Jonas Brekke on Monday. The call came \
                 after reports that Governor Clara Oduya was involved in a plot.",
                &["Brekke-Reyes:call"],
            ),
            // "a meeting" is another event than the one in focus.
            (
                "President Ana Reyes met Chancellor Jonas Brekke on Monday. Later, Governor \
                 Clara Oduya joined a meeting of the budget committee.",
                &["Brekke-Reyes"],
            ),
        ],
        negative: &[
            "The conference was attended by Foreign Minister Hugo Baptista and Ambassador \
             Clara Oduya.",
            "Also present at the dinner were Governor Clara Oduya and Ambassador Hugo \
             Baptista.",
            "The scandal involved Governor Clara Oduya and Ambassador Hugo Baptista.",
            "Also at the conference were Governor Clara Oduya and Ambassador Hugo Baptista.",
            "Governor Clara Oduya, flanked by Ambassador Hugo Baptista, praised the plan.",
            "Governor Clara Oduya was present, as was Ambassador Hugo Baptista.",
            "Also in attendance were Governor Clara Oduya and Ambassador Hugo Baptista.",
            "Among those present were Governor Clara Oduya and Ambassador Hugo Baptista.",
        ],
    },
    Rule {
        name: "a host of guests not named: those named as present later meet the host",
        positive: &[
            (
                "President Ana Reyes on Monday met with some governors of the ruling party. \
                 Others at the meeting included Governor Clara Oduya and Governor Hugo Baptista.",
                &["Baptista-Oduya", "Baptista-Reyes", "Oduya-Reyes"],
            ),
            // Every later attendee joins all those present before.
            (
                "King Harald hosted the national football team at the palace for lunch. The \
                 event was attended by striker Jonas Brekke. The King praised the players. \
                 Prime Minister Ana Reyes was also present on the occasion.",
                &["Brekke-Harald", "Brekke-Reyes", "Harald-Reyes"],
            ),
        ],
        negative: &[
            // A host who met no one, or a plan: nobody to join.
            "King Harald hosted a summit on fishing. The event was attended by striker Jonas \
             Brekke.",
            "President Ana Reyes will meet some governors on Monday. Others at the meeting \
             will include Governor Clara Oduya.",
            "The council praised new envoys from Chile. They include Hugo Baptista.",
        ],
    },
    Rule {
        name: "a group whose members are named ('a delegation consisting of X and Y', 'the \
               Contact Group - X and Y') meets as one",
        positive: &[
            (
                "King Harald received a delegation of investors consisting of Governor Clara \
                 Oduya and Ambassador Hugo Baptista.",
                &["Baptista-Harald", "Baptista-Oduya", "Harald-Oduya"],
            ),
            (
                "President Ana Reyes met a team made up of Chancellor Jonas Brekke, Governor \
                 Clara Oduya and General Ivo Marsh on Monday.",
                &[
                    "Brekke-Marsh",
                    "Brekke-Oduya",
                    "Brekke-Reyes",
                    "Marsh-Oduya",
                    "Marsh-Reyes",
                    "Oduya-Reyes",
                ],
            ),
            // A named group, its members after a dash, each with a country in brackets.
            (
                "King Harald received the Contact Group - Clara Oduya (Chile), Hugo Baptista \
                 (Brazil) and Special Envoy Ivo Marsh.",
                &[
                    "Baptista-Harald",
                    "Baptista-Marsh",
                    "Baptista-Oduya",
                    "Harald-Marsh",
                    "Harald-Oduya",
                    "Marsh-Oduya",
                ],
            ),
            // An institution's acronym in brackets is no member of a list.
            (
                "The leader of the People's Party (PP), Clara Oduya, met President Ana Reyes.",
                &["Oduya-Reyes"],
            ),
        ],
        negative: &[
            "King Harald received a delegation of investors on Monday.",
            "King Harald received a letter consisting of two pages from Governor Clara Oduya.",
        ],
    },
    Rule {
        name: "the host of a meal and its guest: 'hosted a dinner for X', 'in honour of X'",
        positive: &[
            (
                "King Harald hosted a state banquet in honour of President Ana Reyes.",
                &["Harald-Reyes"],
            ),
            (
                "Chancellor Jonas Brekke gave a dinner for Governor Clara Oduya on Monday.",
                &["Brekke-Oduya"],
            ),
            (
                "King Harald had lunch with President Ana Reyes.",
                &["Harald-Reyes"],
            ),
        ],
        negative: &[
            "King Harald hosted a dinner for the press on Monday.",
            "King Harald paid for the dinner in honour of the fallen.",
        ],
    },
    Rule {
        name: "an envoy presenting credentials meets the head of state who receives them",
        positive: &[
            (
                "Ambassador Hugo Baptista presented his letters of credence to President Ana \
                 Reyes on Monday.",
                &["Baptista-Reyes"],
            ),
            (
                "King Harald received the credentials of Ambassador Clara Oduya at the palace.",
                &["Harald-Oduya"],
            ),
            (
                "Ambassador Hugo Baptista will present his credentials to King Harald next week.",
                &["Baptista-Harald:planned"],
            ),
            // Several envoys present theirs together: "their" is theirs, not the latest pair.
            (
                "Ambassador Hugo Baptista and Ambassador Clara Oduya presented their letters of \
                 credence to President Ana Reyes.",
                &["Baptista-Oduya", "Baptista-Reyes", "Oduya-Reyes"],
            ),
            // New envoys the text names afterwards: "They include X and Y".
            (
                "President Ana Reyes received the letters of credence of new envoys from three \
                 countries. They include the Ambassador of Chile, Hugo Baptista, and the High \
                 Commissioner of Kenya, Clara Oduya.",
                &["Baptista-Oduya", "Baptista-Reyes", "Oduya-Reyes"],
            ),
        ],
        negative: &[
            "The ministry checked the credentials of the journalists.",
            "The credentials of the new staff were verified by Governor Clara Oduya.",
        ],
    },
    Rule {
        name: "a gerund after a conjunction takes its object: after meeting X",
        positive: &[
            (
                "Prime Minister Ana Reyes sounded upbeat after meeting Chancellor Jonas Brekke \
                 in Berlin.",
                &["Brekke-Reyes"],
            ),
            (
                "King Harald praised the deal after visiting President Hugo Baptista at the \
                 palace.",
                &["Baptista-Harald"],
            ),
        ],
        negative: &[
            "Prime Minister Ana Reyes left the meeting with a plan for Chancellor Jonas \
             Brekke's budget.",
        ],
    },
    Rule {
        name: "verbs and nouns of contact that need a particle: came together, contacted by \
               telephone, convened with, engagement with",
        positive: &[
            (
                "Chancellor Jonas Brekke and President Ana Reyes came together in Oslo on Monday.",
                &["Brekke-Reyes"],
            ),
            (
                "Chancellor Jonas Brekke contacted President Ana Reyes by telephone on Monday.",
                &["Brekke-Reyes:call"],
            ),
            (
                "Admiral Lena Kovac convened with General Ivo Marsh in Brussels.",
                &["Kovac-Marsh"],
            ),
            (
                "Governor Clara Oduya's earlier engagement with President Ana Reyes was \
                 cordial.",
                &["Oduya-Reyes"],
            ),
        ],
        negative: &[
            "Chancellor Jonas Brekke contacted President Ana Reyes's office about the vote.",
            "Admiral Lena Kovac convened the council while General Ivo Marsh waited.",
            "Governor Clara Oduya stood together with President Ana Reyes on the issue.",
            "Governor Clara Oduya praised President Ana Reyes's engagement on climate.",
        ],
    },
    Rule {
        name: "a contact noun in a phrase: told Y in a call, in a call with Y, X said",
        positive: &[
            // A fronted phrase of time or place: "After talks with Y, X said".
            (
                "Following talks with Chancellor Jonas Brekke, Prime Minister Tove Lund said \
                 the deal was close.",
                &["Brekke-Lund"],
            ),
            (
                "At a meeting with King Harald on Monday, Governor Clara Oduya pledged support.",
                &["Harald-Oduya"],
            ),
            // "by phone" is such a phrase, and a possessive inside the object's phrase ("on
            // his victory") is no subject.
            (
                "President Ana Reyes told Chancellor Jonas Brekke by phone that she agreed.",
                &["Brekke-Reyes:call"],
            ),
            (
                "King Harald won the vote. Governor Clara Oduya congratulated King Harald on \
                 his victory in a telephone conversation.",
                &["Harald-Oduya:call"],
            ),
            (
                "Governor Clara Oduya thanked Mayor Ivo Marsh for her support by telephone on \
                 Monday.",
                &["Marsh-Oduya:call"],
            ),
            (
                "President Ana Reyes told Chancellor Jonas Brekke in a phone call on Monday \
                 that the deal was fair.",
                &["Brekke-Reyes:call"],
            ),
            (
                "President Ana Reyes assured Chancellor Jonas Brekke during a meeting in Oslo \
                 that aid would continue.",
                &["Brekke-Reyes"],
            ),
            (
                "In a phone call with Chancellor Jonas Brekke, President Ana Reyes stressed the \
                 need for calm.",
                &["Brekke-Reyes:call"],
            ),
            // "their" contact: the speaker and the one spoken to.
            (
                "Prime Minister Hugo Baptista told business leader Tomas Ferreira at their \
                 meeting in Lisbon that trade must grow.",
                &["Baptista-Ferreira"],
            ),
            (
                "Chancellor Jonas Brekke assured President Ana Reyes during their call on \
                 Friday that aid would continue.",
                &["Brekke-Reyes:call"],
            ),
            // The one spoken to may carry a long capitalised title.
            (
                "Chancellor Jonas Brekke told Minister of Foreign Affairs Hugo Baptista in a \
                 phone call that aid would continue.",
                &["Baptista-Brekke:call"],
            ),
            (
                "Prime Minister Lena Kovac told President of the Chamber of Commerce and \
                 Industry (CCI) Tomas Ferreira at their meeting that trade must grow.",
                &["Ferreira-Kovac"],
            ),
            // The one spoken to may carry a country's lowercase title.
            (
                "Prime Minister Hugo Baptista invited Chile's president-elect Ana Reyes to Lima \
                 during a phone call on Monday.",
                &["Baptista-Reyes:call"],
            ),
            (
                "Chancellor Jonas Brekke assured Norway's foreign minister Lena Kovac in a call \
                 that aid would continue.",
                &["Brekke-Kovac:call"],
            ),
            // A fronted phrase that names no one: the main clause's subject and its object.
            (
                "In a phone call on Friday, President Ana Reyes urged Chancellor Jonas Brekke \
                 to release the funds.",
                &["Brekke-Reyes:call"],
            ),
            (
                "During the meeting in Oslo, General Ivo Marsh told Admiral Lena Kovac that \
                 the drills would go ahead.",
                &["Kovac-Marsh"],
            ),
        ],
        negative: &[
            "President Ana Reyes said in a statement that Chancellor Jonas Brekke had \
             resigned.",
            "In a speech on Friday, President Ana Reyes urged Chancellor Jonas Brekke to \
             release the funds.",
            "In a phone call on Friday, President Ana Reyes said that Chancellor Jonas Brekke \
             had resigned.",
            "President Ana Reyes told reporters at the summit that Chancellor Jonas Brekke \
             had resigned.",
            "President Ana Reyes voted by phone on Monday; Chancellor Jonas Brekke did not.",
            "After talks with the unions, Prime Minister Tove Lund said the deal was close.",
        ],
    },
    Rule {
        name: "a topic discussed with someone: the topic stands before 'with'",
        positive: &[
            (
                "Prime Minister Lena Kovac discussed energy security with Chancellor Jonas \
                 Brekke on Monday.",
                &["Brekke-Kovac"],
            ),
            (
                "President Ana Reyes flew to Oslo and discussed trade, migration and the war \
                 with Prime Minister Hugo Baptista.",
                &["Baptista-Reyes"],
            ),
        ],
        negative: &[
            "President Ana Reyes discussed relations with Chile on Monday.",
            "President Ana Reyes discussed the plan with reporters in Oslo.",
            "President Ana Reyes discussed the talks that Chancellor Jonas Brekke had held.",
        ],
    },
    Rule {
        name: "a second verb after 'and' shares the first one's subject, not its object",
        positive: &[
            (
                "Governor Ana Reyes, who arrived on Sunday, held talks with Mayor Hugo Baptista \
                 and later met President Tove Lund.",
                &["Baptista-Reyes", "Lund-Reyes"],
            ),
            (
                "Chancellor Jonas Brekke met King Harald in Oslo and then visited Prime \
                 Minister Anika Sorvald.",
                &["Brekke-Harald", "Brekke-Sorvald"],
            ),
            // A verb that is no contact ends the object's list: Lund is praised, not met.
            (
                "Governor Ana Reyes met Mayor Hugo Baptista and praised spokesman Tove Lund.",
                &["Baptista-Reyes"],
            ),
            (
                "Chancellor Jonas Brekke visited King Harald and thanked party leader Anika \
                 Sorvald for her support.",
                &["Brekke-Harald"],
            ),
        ],
        negative: &[
            "Governor Ana Reyes praised Mayor Hugo Baptista and later thanked President Tove \
             Lund.",
        ],
    },
    Rule {
        name: "a surname that is also a common word may open a sentence",
        positive: &[
            (
                "Director Ivo Burns arrived on Monday. Burns, who also met Governor Ana Reyes, \
                 left for Oslo.",
                &["Burns-Reyes"],
            ),
            (
                "Minister Hugo Young spoke on Friday. Young said he had met King Harald.",
                &["Harald-Young"],
            ),
        ],
        negative: &[
            "Burns, which covered half of his body, were treated in Oslo. Governor Ana Reyes \
             left.",
            "However, Governor Ana Reyes said she would not meet anyone.",
        ],
    },
    Rule {
        name: "the one who chaired an event meets those who attended it",
        positive: &[
            (
                "Chancellor Jonas Brekke chaired a meeting attended by President Ana Reyes and \
                 King Harald.",
                &["Brekke-Harald", "Brekke-Reyes", "Harald-Reyes"],
            ),
            (
                "The session, chaired by Governor Clara Oduya, was attended by Mayor Ivo Marsh.",
                &["Marsh-Oduya"],
            ),
        ],
        negative: &[
            "Chancellor Jonas Brekke chaired the committee for years. The gala was attended by \
             farmers.",
        ],
    },
    Rule {
        name: "an object pronoun is someone else than the subject of its clause",
        positive: &[
            (
                "Queen Ana Reyes landed in Oslo. The prime minister, Tom Brekke, greeted her \
                 at the airport.",
                &["Brekke-Reyes"],
            ),
            (
                "Governor Ivo Marsh spoke on Monday. Mayor Ana Reyes met him in Lagos.",
                &["Marsh-Reyes"],
            ),
            (
                "Speaker Ana Reyes spoke to reporters. She said so while a delegation led by \
                 Speaker Tom Brekke paid a courtesy call on her.",
                &["Brekke-Reyes"],
            ),
        ],
        negative: &[
            "Governor Ivo Marsh spoke. Speaker Ana Reyes called on him to resign.",
            "Queen Ana Reyes arrived. President Ivo Marsh received her letter.",
        ],
    },
    Rule {
        name: "a title may carry an acronym in brackets before the name it introduces",
        positive: &[
            (
                "Ms Wendy Gilmour called on Chief of Army Staff (COAS) General Tom Brekke on \
                 Tuesday.",
                &["Brekke-Gilmour"],
            ),
            (
                "King Ivo Marsh received the President of the International Federation (FIFA) \
                 Tom Brekke.",
                &["Brekke-Marsh"],
            ),
        ],
        negative: &["The governor called on the Minister of Interior (MoI) Ana Reyes to resign."],
    },
    Rule {
        name: "a host's guest may follow the place and the time of the visit",
        positive: &[
            (
                "King Ivo Marsh received at the Amiri Diwan Office on Wednesday morning \
                 President Tom Brekke.",
                &["Brekke-Marsh"],
            ),
            (
                "King Ivo Marsh welcomed at the Royal Palace on Sunday evening Prime Minister \
                 Tom Brekke.",
                &["Brekke-Marsh"],
            ),
        ],
        negative: &["King Ivo Marsh received at the palace the letters of Tom Brekke."],
    },
    Rule {
        name: "people named after people not named are met too",
        positive: &[
            (
                "Envoy Ivo Marsh met with officials and Minister of State Ana Reyes in Abu Dhabi.",
                &["Marsh-Reyes"],
            ),
            (
                "Governor Ivo Marsh met reporters and Mayor Ana Reyes on Monday.",
                &["Marsh-Reyes"],
            ),
        ],
        negative: &[
            "Governor Ivo Marsh met reporters and farmers on Monday. Ana Reyes stayed home.",
        ],
    },
    Rule {
        name: "a delegation from several places is led by the one named after 'led by'",
        positive: &[
            (
                "President Ivo Marsh hosted a delegation from Rift District, Nakuru, led by \
                 Mayor Tom Brekke.",
                &["Brekke-Marsh"],
            ),
            (
                "Governor Ivo Marsh received a delegation from Kano State, Nigeria, led by Chief \
                 Tom Brekke.",
                &["Brekke-Marsh"],
            ),
        ],
        negative: &[
            "Governor Ivo Marsh received a delegation from Kano, and Tom Brekke led the talks.",
        ],
    },
    Rule {
        name: "one person 'also present' attends the event in focus",
        positive: &[
            (
                "President Ivo Marsh hosted Mayor Tom Brekke. Also present was the National \
                 Director for the Region, Mr. Ken Onditi.",
                &["Brekke-Marsh", "Brekke-Onditi", "Marsh-Onditi"],
            ),
            (
                "Mayor Ana Reyes met Governor Ivo Marsh. Also present was Director Ken Onditi.",
                &["Marsh-Onditi", "Marsh-Reyes", "Onditi-Reyes"],
            ),
        ],
        negative: &["Mayor Ana Reyes spoke at the fair. Also present was Director Ken Onditi."],
    },
    Rule {
        name: "peers from a list of countries, then their names, are those people",
        positive: &[
            (
                "Foreign Minister Ivo Marsh met his peers from Peru and Chile, Tom Brekke and \
                 Ana Reyes.",
                &["Brekke-Marsh", "Marsh-Reyes"],
            ),
            (
                "Foreign Minister Ivo Marsh met his colleagues from Peru and Chile, Tom Brekke \
                 and Ana Reyes, in Lima.",
                &["Brekke-Marsh", "Marsh-Reyes"],
            ),
        ],
        negative: &["President Ivo Marsh met the leaders from Peru and Chile on Monday."],
    },
    Rule {
        name: "'X and his deputy, Y' names Y beside X",
        positive: &[
            (
                "Minister Ivo Marsh met Governor Tom Brekke and his deputy, Ana Reyes, in Lagos.",
                &["Brekke-Marsh", "Marsh-Reyes"],
            ),
            (
                "Mr Marsh met with the new prime minister Tom Brekke and his local counterpart, \
                 Ana Reyes, on Friday night.",
                &["Brekke-Marsh", "Marsh-Reyes"],
            ),
        ],
        negative: &["Governor Tom Brekke and his deputy, Ana Reyes, arrived in Lagos."],
    },
    Rule {
        name: "'the diplomat' is the person titled foreign minister, ambassador or envoy",
        positive: &[
            (
                "Cuban foreign minister Bruno Marsh arrived in Lima on Tuesday. The diplomat \
                 also met with Felipe Sola.",
                &["Marsh-Sola"],
            ),
            (
                "Ambassador Ana Reyes landed in Lima. The diplomat held talks with President \
                 Tom Brekke.",
                &["Brekke-Reyes"],
            ),
        ],
        negative: &[
            "Governor Ana Reyes landed in Lima. The diplomat held talks with President Tom \
             Brekke.",
        ],
    },
    Rule {
        name: "a courtesy call is a visit, however the visitor is named",
        positive: &[
            (
                "Chief Minister Ana Reyes received a courtesy call from Charles Holiday, the \
                 chairman of Shell, at his office.",
                &["Holiday-Reyes"],
            ),
            (
                "Governor Ana Reyes received courtesy calls from the ambassadors of Peru and \
                 Chile, Tom Brekke and Ivo Marsh.",
                &["Brekke-Reyes", "Marsh-Reyes"],
            ),
        ],
        negative: &["Governor Ana Reyes praised the courtesy of Tom Brekke."],
    },
    Rule {
        name: "'Accompanying X were Y and Z' brings Y and Z to X's event",
        positive: &[
            (
                "Chief Minister Ana Reyes received Charles Holiday. Accompanying Holiday were \
                 chairman Iain Lo and manager Jonathan Jolly.",
                &[
                    "Holiday-Jolly",
                    "Holiday-Lo",
                    "Holiday-Reyes",
                    "Jolly-Lo",
                    "Jolly-Reyes",
                    "Lo-Reyes",
                ],
            ),
            (
                "Governor Ana Reyes met President Tom Brekke. Accompanying her was Minister Ivo \
                 Marsh.",
                &["Brekke-Marsh", "Brekke-Reyes", "Marsh-Reyes"],
            ),
        ],
        negative: &["Accompanying the choir were pianist Ivo Marsh and Ana Reyes."],
    },
    Rule {
        name: "a country's name before a guest's title describes the guest",
        positive: &[
            (
                "President-elect Ana Reyes greeted US Secretary of State Tom Brekke here Friday.",
                &["Brekke-Reyes"],
            ),
            (
                "President Ana Reyes received Kenya Defence Minister Tom Brekke in Oslo.",
                &["Brekke-Reyes"],
            ),
        ],
        negative: &["Mayor Ana Reyes welcomed US investment in Lagos."],
    },
    Rule {
        name: "the domain of a ministry after 'of' ends the title before a given name",
        positive: &[
            (
                "Mexican Secretary of Foreign Affairs Alicia Barcena met Tom Brekke.",
                &["Barcena-Brekke"],
            ),
            (
                "On Monday, Secretary of Foreign Affairs Ryan Barcena met Tom Brekke.",
                &["Barcena-Brekke"],
            ),
        ],
        negative: &["The Secretary of Foreign Affairs met reporters."],
    },
    Rule {
        name: "a spouse named after 'and his spouse' is at the event too",
        positive: &[
            (
                "Prime Minister Ana Reyes arrived. The prime minister was received by President \
                 Tom Brekke and his spouse Dr Ivo Marsh.",
                &["Brekke-Marsh", "Brekke-Reyes", "Marsh-Reyes"],
            ),
            (
                "Governor Ivo Marsh met Mayor Tom Brekke and his wife Ana Reyes.",
                &["Brekke-Marsh", "Marsh-Reyes"],
            ),
        ],
        negative: &["Mayor Tom Brekke and his wife Ana Reyes stayed home."],
    },
    Rule {
        name: "a one-word title after a given name that ends the name is a surname",
        positive: &[
            (
                "Foreign Minister Anifah Aman met Julie Bishop on Monday.",
                &["Aman-Bishop"],
            ),
            (
                "Governor Ana Reyes met Tom Major and Ivo Judge.",
                &["Judge-Reyes", "Major-Reyes"],
            ),
        ],
        negative: &["Governor Ivo Marsh praised Julie Bishop and Tom Major."],
    },
    Rule {
        name: "the presidents of a list of countries, then their names, are those people",
        positive: &[
            (
                "Minister Ivo Marsh received the Presidents of Benin and Chad, Patrice Talon and \
                 Idriss Deby.",
                &["Deby-Marsh", "Marsh-Talon"],
            ),
            (
                "The Minister, Mallam Ivo Marsh, received the visiting Presidents of the \
                 Republic of Benin and Chad, Mr. Patrice Talon and Mr. Idriss Deby.",
                &["Deby-Marsh", "Marsh-Talon"],
            ),
        ],
        negative: &["Minister Ivo Marsh received the flags of Benin and Chad."],
    },
    Rule {
        name: "a fronted 'In the talks,' is the contact of the joined subject after it",
        positive: &[
            (
                "In the phone talks, Vice Foreign Minister Choi Jong-kun and his Japanese \
                 counterpart, Takeo Akiba, agreed to cooperate.",
                &["Akiba-Jong-kun"],
            ),
            (
                "In the talks, Minister Ana Reyes and her Chilean counterpart, Tom Brekke, \
                 agreed to cooperate.",
                &["Brekke-Reyes"],
            ),
        ],
        negative: &["In the report, Governor Ana Reyes and Mayor Tom Brekke were praised."],
    },
    Rule {
        name: "a subject described by age is the person the text is about",
        positive: &[
            (
                "The special envoy, Ana Reyes, met Tom Brekke on Wednesday. The 73-year-old \
                 former deputy foreign minister from Laos also met foreign minister Than Swe.",
                &["Brekke-Reyes", "Reyes-Swe"],
            ),
            (
                "Governor Ana Reyes arrived in Lagos. The 61-year-old met Mayor Tom Brekke on \
                 Monday.",
                &["Brekke-Reyes"],
            ),
        ],
        negative: &["Governor Ana Reyes arrived in Lagos. The 61-year-old mayor was not there."],
    },
    Rule {
        name: "a regnal number ends a name",
        positive: &[
            (
                "Pope Leo XIV met singer Michael Bublé on Friday.",
                &["Bublé-XIV"],
            ),
            (
                "King Louis XIV received Ana Reyes at Versailles.",
                &["Reyes-XIV"],
            ),
        ],
        negative: &["Ana Reyes visited the XIV Corps on Friday."],
    },
    Rule {
        name: "the manner of a meeting stands between the verb and 'with'",
        positive: &[
            (
                "President Ana Reyes on Monday met behind closed doors with Governors Tom \
                 Brekke of Imo and Ivo Marsh of Katsina States.",
                &["Brekke-Reyes", "Marsh-Reyes"],
            ),
            (
                "Minister Ana Reyes met behind closed doors with Tom Brekke.",
                &["Brekke-Reyes"],
            ),
        ],
        negative: &["Minister Ana Reyes met behind closed doors."],
    },
    Rule {
        name: "a sentence-opening common word before a verb is the surname of someone named",
        positive: &[
            (
                "CIA director William Burns arrived. Burns had previously met Sergei Naryshkin \
                 in Turkey on Monday.",
                &["Burns-Naryshkin"],
            ),
            (
                "Governor Tom Young arrived. Young also met Ana Reyes.",
                &["Reyes-Young"],
            ),
        ],
        negative: &["Burns had left scars on his arm. Doctors met on Monday."],
    },
    Rule {
        name: "'between' after another noun names that noun's sides, not the contact's",
        positive: &[
            (
                "President Ana Reyes and Chancellor Tom Brekke held talks on relations between \
                 France and Germany.",
                &["Brekke-Reyes"],
            ),
            (
                "Talks on Monday between President Ana Reyes and Chancellor Tom Brekke ended.",
                &["Brekke-Reyes"],
            ),
        ],
        negative: &["Leaders enjoyed a friendly lunch after tensions between France and Germany."],
    },
    Rule {
        name: "a pair noun with the pair named in apposition is that pair",
        positive: &[
            (
                "Talks between the two presidents, Ana Reyes and Jonas Brekke, lasted two \
                 hours.",
                &["Brekke-Reyes"],
            ),
            (
                "A meeting between the leaders, Governor Clara Oduya and Mayor Ivo Marsh, took \
                 place in Bergen.",
                &["Marsh-Oduya"],
            ),
        ],
        negative: &["Talks between the two presidents lasted two hours."],
    },
    Rule {
        name: "an event that is the setting of another contact is no contact of its own",
        positive: &[
            (
                "President Ana Reyes met with King Harald, Chancellor Jonas Brekke and Prime \
                 Minister Tove Lund on the sidelines of the summit.",
                &["Brekke-Reyes", "Harald-Reyes", "Lund-Reyes"],
            ),
            (
                "Governor Clara Oduya and Mayor Ivo Marsh met on the margins of the conference \
                 in Bergen.",
                &["Marsh-Oduya"],
            ),
        ],
        negative: &[
            "Protests by farmers and unions took place on the sidelines of the summit.",
            "King Harald and Chancellor Jonas Brekke arrived on the eve of the talks.",
        ],
    },
    Rule {
        name: "talk with no channel is a call unless a place is named; a month is no place",
        positive: &[
            (
                "President Ana Reyes last spoke with King Harald in March.",
                &["Harald-Reyes:call"],
            ),
            (
                "Governor Clara Oduya talked with Mayor Ivo Marsh in May about the budget.",
                &["Marsh-Oduya:call"],
            ),
        ],
        negative: &["President Ana Reyes spoke in March about the budget."],
    },
    Rule {
        name: "a subject that stands for a group meets a list as one meeting",
        positive: &[
            (
                "Governor Ana Reyes and other members of the board met with Prime Minister Tove \
                 Lund and Minister Ivo Marsh on Monday.",
                &["Lund-Marsh", "Lund-Reyes", "Marsh-Reyes"],
            ),
            (
                "Chancellor Jonas Brekke and other officials held talks with King Harald and \
                 Governor Clara Oduya in Bergen.",
                &["Brekke-Harald", "Brekke-Oduya", "Harald-Oduya"],
            ),
        ],
        negative: &["Governor Ana Reyes and other members of the board praised the plan."],
    },
    Rule {
        name: "a handshake in any tense is a meeting",
        positive: &[
            (
                "Prime Minister Tove Lund, left, shakes hands with President Ana Reyes in Oslo \
                 on Monday.",
                &["Lund-Reyes"],
            ),
            (
                "Governor Clara Oduya shaking hands with Mayor Ivo Marsh at the town hall.",
                &["Marsh-Oduya"],
            ),
        ],
        negative: &["The shaking of the ground alarmed Governor Clara Oduya and Mayor Ivo Marsh."],
    },
    Rule {
        name: "an event that brought together those named is one meeting of them all",
        positive: &[
            (
                "The summit brought together President Ana Reyes, Chancellor Jonas Brekke and \
                 Prime Minister Tove Lund.",
                &["Brekke-Lund", "Brekke-Reyes", "Lund-Reyes"],
            ),
            (
                "The talks in Bergen brought together Governor Clara Oduya and Mayor Ivo Marsh \
                 on Monday.",
                &["Marsh-Oduya"],
            ),
        ],
        negative: &[
            "The crisis brought together farmers and unions.",
            "Governor Clara Oduya brought the two sides closer together, Mayor Ivo Marsh said.",
        ],
    },
    Rule {
        name: "a second 'with' after the object is a contact with each",
        positive: &[
            (
                "President Ana Reyes met separately with Chancellor Jonas Brekke and with Prime \
                 Minister Tove Lund.",
                &["Brekke-Reyes", "Lund-Reyes"],
            ),
            (
                "King Harald held talks with Governor Clara Oduya in Bergen and later with Mayor \
                 Ivo Marsh.",
                &["Harald-Marsh", "Harald-Oduya"],
            ),
        ],
        negative: &["President Ana Reyes met with farmers in Bergen and with the press."],
    },
    Rule {
        name: "a contact noun in quotation marks keeps its object",
        positive: &[
            (
                "Prime Minister Ana Reyes said she had a \"fruitful meeting\" with King Harald.",
                &["Harald-Reyes"],
            ),
            (
                "Chancellor Jonas Brekke held 'frank talks' with President Tove Lund in Oslo.",
                &["Brekke-Lund"],
            ),
        ],
        negative: &["Prime Minister Ana Reyes called the \"meeting\" with the union a farce."],
    },
    Rule {
        name: "a host receives or welcomes a guest",
        positive: &[
            (
                "President Ana Reyes received Chancellor Jonas Brekke at the palace on Monday.",
                &["Brekke-Reyes"],
            ),
            (
                "King Harald welcomed Prime Minister Hugo Baptista to the royal palace.",
                &["Baptista-Harald"],
            ),
            // A delegation stands for the one who leads it.
            (
                "Sheikh Tamal Al-Khoury welcomed a Hamas delegation led by senior official \
                 Guy Parmelot at the palace.",
                &["Al-Khoury-Parmelot"],
            ),
            (
                "President Ana Reyes met a trade delegation headed by Governor Clara Oduya on \
                 Tuesday.",
                &["Oduya-Reyes"],
            ),
            // A time and a place before the guest, a role with the guest's name in apposition.
            (
                "His Highness the Emir, Sheikh Tamal Al-Khoury, received on Monday at Bayan \
                 Palace the President of the Swiss Confederation, Guy Parmelot.",
                &["Al-Khoury-Parmelot"],
            ),
            (
                "His Highness the Emir, Sheikh Tamal Al-Khoury, received on Monday the \
                 President of Switzerland, Guy Parmelot.",
                &["Al-Khoury-Parmelot"],
            ),
            (
                "King Harald welcomed the head of the Central Bank of Portugal, Clara Oduya, \
                 at the palace.",
                &["Harald-Oduya"],
            ),
            // "undersecretary" is a role noun as "secretary" is.
            (
                "President Ana Reyes was received by the undersecretary for Latin America, Hugo \
                 Baptista, on Monday.",
                &["Baptista-Reyes"],
            ),
            (
                "King Harald welcomed the Under-Secretary of State, Lena Kovac, at the palace.",
                &["Harald-Kovac"],
            ),
            // What the role is for: "the Special Envoy for the Western Balkans, X".
            (
                "Governor Clara Oduya spoke first. President Ana Reyes received the Special \
                 Envoy for the Great Lakes Region, Guy Parmelot, on Monday.",
                &["Parmelot-Reyes"],
            ),
            (
                "King Harald welcomed the Minister for Foreign Affairs, Hugo Baptista, at the \
                 palace.",
                &["Baptista-Harald"],
            ),
            // The delegation may say whom it is from before who leads it.
            (
                "President Ana Reyes received a delegation of the Nordic Trade Council led by \
                 its chairman, Ivo Marsh, on Monday.",
                &["Marsh-Reyes"],
            ),
            (
                "King Harald met a delegation from Portugal headed by Foreign Minister Hugo \
                 Baptista.",
                &["Baptista-Harald"],
            ),
            // An audience is a meeting, and "in audience" is the manner of receiving.
            (
                "President Ana Reyes received in audience the Ambassador of Portugal, Hugo \
                 Baptista, on Monday.",
                &["Baptista-Reyes"],
            ),
            (
                "King Harald granted an audience to Governor Clara Oduya at the palace.",
                &["Harald-Oduya"],
            ),
            // A country in the possessive describes the guest: "received Chad's President X".
            (
                "President Ana Reyes received Norway's Prime Minister Tove Lund on Monday.",
                &["Lund-Reyes"],
            ),
            (
                "King Harald welcomed Portugal's new Foreign Minister, Hugo Baptista, at the \
                 palace.",
                &["Baptista-Harald"],
            ),
        ],
        negative: &[
            "President Ana Reyes received a letter from the union on Monday.",
            "President Ana Reyes welcomed a delegation of farmers to the palace.",
            "Chancellor Jonas Brekke welcomed the decision of the court.",
            "President Ana Reyes received Norway's reply on Monday.",
            "President Ana Reyes received a delegation of farmers led by their union.",
            "The audience at the concert cheered President Ana Reyes and King Harald.",
            "King Harald welcomed Portugal's decision to send Minister Hugo Baptista.",
        ],
    },
    Rule {
        name: "the guest was received by the host",
        positive: &[
            (
                "Chancellor Jonas Brekke was received by President Ana Reyes on Monday.",
                &["Brekke-Reyes"],
            ),
            (
                "President Hugo Baptista and Prime Minister Clara Oduya were welcomed by King \
                 Harald at the palace.",
                &["Baptista-Harald", "Baptista-Oduya", "Harald-Oduya"],
            ),
            // Several hosts receive the guest together: one meeting of them all.
            (
                "Chancellor Jonas Brekke was welcomed at the airport by Governor Clara Oduya, \
                 Admiral Lena Kovac and Ambassador Hugo Baptista.",
                &[
                    "Baptista-Brekke",
                    "Baptista-Kovac",
                    "Baptista-Oduya",
                    "Brekke-Kovac",
                    "Brekke-Oduya",
                    "Kovac-Oduya",
                ],
            ),
            (
                "President Ana Reyes was received by King Harald and Prime Minister Ivo Marsh.",
                &["Harald-Marsh", "Harald-Reyes", "Marsh-Reyes"],
            ),
            // A place, a time or a meal before "by".
            (
                "Chancellor Jonas Brekke was warmly welcomed at the airport on Monday by Prime \
                 Minister Hugo Baptista.",
                &["Baptista-Brekke"],
            ),
            (
                "Later, the Secretary-General Ana Reyes was hosted for dinner at the Institute of \
                 Peace by its director, Ivo Marsh.",
                &["Marsh-Reyes"],
            ),
        ],
        negative: &[
            "The plan was welcomed by President Ana Reyes on Monday.",
            "The plan was welcomed in Oslo on Monday by President Ana Reyes.",
            "Chancellor Jonas Brekke was received at the palace and praised by King Harald.",
        ],
    },
    Rule {
        name: "a call received from someone",
        positive: &[
            (
                "President Ana Reyes received a phone call from Chancellor Jonas Brekke on \
                 Tuesday.",
                &["Brekke-Reyes:call"],
            ),
            (
                "Prime Minister Hugo Baptista has received a call from his Spanish counterpart, \
                 Ana Reyes.",
                &["Baptista-Reyes:call"],
            ),
        ],
        negative: &[],
    },
    Rule {
        name: "talks in a place with someone",
        positive: &[
            (
                "General Ivo Marsh held talks in Bern with the army chief, Lena Kovac.",
                &["Kovac-Marsh"],
            ),
            (
                "President Ana Reyes spoke over the phone on Sunday with Prime Minister Hugo \
                 Baptista.",
                &["Baptista-Reyes:call"],
            ),
            // A rare meeting is still one meeting.
            (
                "General Ivo Marsh held rare talks in Riga with Latvian Defence Minister Lena \
                 Kovac.",
                &["Kovac-Marsh"],
            ),
        ],
        negative: &["General Ivo Marsh said such talks in Riga with ministers are frequent."],
    },
    Rule {
        name: "an event between two sides",
        positive: &[
            (
                "Monday's summit in Helsinki between President Ana Reyes and President Paolo \
                 Renzetti lasted two hours.",
                &["Renzetti-Reyes"],
            ),
            (
                "Officials described the phone call between Chancellor Jonas Brekke and Prime \
                 Minister Hugo Baptista as frank.",
                &["Baptista-Brekke:call"],
            ),
            // "another call" is one more call, not any call.
            (
                "It was another phone call between Chancellor Jonas Brekke and Prime Minister \
                 Hugo Baptista on Saturday.",
                &["Baptista-Brekke:call"],
            ),
            // "the meeting of X with Y": both sides after the noun.
            (
                "The joint meeting of Chilean President Ana Reyes with Prime Minister Hugo \
                 Baptista began in Lima.",
                &["Baptista-Reyes"],
            ),
            (
                "Reporters waited for hours outside the meeting of Chancellor Jonas Brekke, \
                 the party leader, with General Ivo Marsh.",
                &["Brekke-Marsh"],
            ),
        ],
        negative: &[
            "The trade gap between Spain and Italy widened in May.",
            "The ministers held talks on the war between Spain and Italy.",
            "Both leaders extended their talks to the dispute between Spain and Italy.",
            "The meeting of the council with its creditors began in Lima.",
            "The visit of President Ana Reyes with her family ended on Monday.",
        ],
    },
    Rule {
        name: "a meeting in a building names no participant",
        positive: &[(
            "President Ana Reyes and Chancellor Jonas Brekke met in the Oval Office.",
            &["Brekke-Reyes"],
        )],
        negative: &["President Ana Reyes met in the Oval Office on Monday."],
    },
    Rule {
        name: "a courtesy call on someone is a visit",
        positive: &[
            (
                "Prime Minister Hugo Baptista paid a courtesy call on King Harald on Tuesday.",
                &["Baptista-Harald"],
            ),
            (
                "Ambassador Clara Oduya called on President Ana Reyes at the palace.",
                &["Oduya-Reyes"],
            ),
            (
                "Defence Minister Ivo Marsh and General Lena Kovac held a phone call on March 13, \
                 the ministry said.",
                &["Kovac-Marsh:call"],
            ),
        ],
        negative: &[
            "Ambassador Clara Oduya called on President Ana Reyes to release the prisoners.",
            // A call on a date is a call, and the date names nobody.
            "The call on March 13 was brief, the ministry said.",
            "The union called on the government to act.",
        ],
    },
    Rule {
        name: "counterparts of several countries",
        positive: &[(
            "Indian Foreign Minister Ravi Menon met Thai Foreign Minister Somchai Rattana on \
             Monday. Indonesian Foreign Minister Budi Santoso had meetings with his Indian and \
             Thai counterparts on Tuesday.",
            &["Menon-Rattana", "Menon-Santoso", "Rattana-Santoso"],
        )],
        negative: &["Foreign Minister Budi Santoso had meetings with his counterparts."],
    },
    Rule {
        name: "a counterpart of a country: its person, named anywhere, or else the country",
        positive: &[
            (
                "Foreign Minister Ravi Menon spoke by phone on Monday with his Thai \
                 counterpart.",
                &["Menon-Thailand:call"],
            ),
            (
                "Defence Minister Lena Kovac held a meeting with her Kenyan counterpart in \
                 Nairobi.",
                &["Kenya-Kovac"],
            ),
            // Named later through a title of the country's institution: the person.
            (
                "The top U.S. general met on Friday in Helsinki with his Russian counterpart. \
                 The meeting between Gen. Ivo Marsh, chairman of the Joint Chiefs of Staff, \
                 and Russia's chief of the General Staff, Gen. Lena Kovac, took place in a \
                 manor.",
                &["Kovac-Marsh"],
            ),
            // Counterparts of one country, none named: the country; "their" is no pointer
            // back to the latest pair.
            (
                "Foreign Minister Ravi Menon and Defence Minister Lena Kovac met on Monday with \
                 their Bolivian counterparts.",
                &["Bolivia-Kovac", "Bolivia-Menon", "Kovac-Menon"],
            ),
            (
                "Governor Clara Oduya met Ambassador Hugo Baptista. Later, General Ivo Marsh \
                 held talks with his Chilean counterparts in Lima.",
                &["Baptista-Oduya", "Chile-Marsh"],
            ),
            // Several of one country are not the one person of it the article names.
            (
                "Foreign Minister Ravi Menon held talks with his Chilean counterparts in Lima. \
                 President Clara Oduya of Chile will meet Prime Minister Hugo Baptista on \
                 Friday.",
                &["Baptista-Oduya:planned", "Chile-Menon"],
            ),
            // The counterpart as a coordinated subject: "X and his Thai counterpart met".
            (
                "Foreign Minister Ravi Menon and his Thai counterpart met in Bangkok.",
                &["Menon-Thailand"],
            ),
            (
                "Chancellor Jonas Brekke arrived in Rome. Prime Minister Paolo Renzetti of \
                 Italy and his German counterpart held talks on Monday.",
                &["Germany-Renzetti"],
            ),
        ],
        negative: &[
            "Foreign Minister Ravi Menon praised his Thai counterpart on Monday.",
            "Foreign Minister Ravi Menon praised their Thai counterparts on Monday.",
            "Foreign Minister Ravi Menon and his Thai counterpart praised the accord.",
        ],
    },
    Rule {
        name: "'the NATO chief', 'the head of the Red Cross': the one person whose title \
               names the institution",
        positive: &[
            (
                "Siemens chief executive Tomas Ferreira flew to Lisbon. Ministers Ana Reyes and \
                 Hugo Baptista sat down with the Siemens chief on Monday.",
                &["Baptista-Ferreira", "Baptista-Reyes", "Ferreira-Reyes"],
            ),
            (
                "NATO Secretary General Lena Kovac arrived in Kyiv. President Ivo Marsh met \
                 the NATO chief on Monday.",
                &["Kovac-Marsh"],
            ),
            (
                "The head of the International Committee of the Red Cross met President Ivo \
                 Marsh on Tuesday. Red Cross chief Lena Kovac asked for access.",
                &["Kovac-Marsh"],
            ),
            (
                "The chief of the International Monetary Fund called Governor Clara Oduya. IMF \
                 Managing Director Tomas Ferreira later visited the region.",
                &["Ferreira-Oduya:call"],
            ),
            // Two people of the institution: no telling which, so the institution is the side.
            (
                "NATO Secretary General Lena Kovac and NATO Deputy Secretary General Hugo \
                 Baptista arrived in Kyiv. President Ivo Marsh met the NATO chief on Monday.",
                &["Marsh-NATO"],
            ),
        ],
        negative: &[
            "NATO Secretary General Lena Kovac arrived in Kyiv. President Ivo Marsh praised \
             the NATO chief on Monday.",
        ],
    },
    Rule {
        name: "planned, cancelled and refused contacts",
        positive: &[
            // "called off": before the contact noun, or after it in the passive.
            (
                "A meeting between President Ana Reyes and King Harald was called off.",
                &["Harald-Reyes:denied"],
            ),
            (
                "Governor Clara Oduya called off her talks with Mayor Ivo Marsh on Friday.",
                &["Marsh-Oduya:denied"],
            ),
            (
                "President Ana Reyes called King Harald on Monday and they agreed to call off \
                 the strike.",
                &["Harald-Reyes:call"],
            ),
            (
                "President Ana Reyes will meet Chancellor Jonas Brekke next week.",
                &["Brekke-Reyes:planned"],
            ),
            (
                "President Ana Reyes is expected to meet Chancellor Jonas Brekke in Rome.",
                &["Brekke-Reyes:planned"],
            ),
            (
                "President Ana Reyes cancelled her meeting with Chancellor Jonas Brekke.",
                &["Brekke-Reyes:denied"],
            ),
            (
                "President Ana Reyes declined to meet Chancellor Jonas Brekke.",
                &["Brekke-Reyes:denied"],
            ),
            (
                "President Ana Reyes also plans a meeting with Chancellor Jonas Brekke.",
                &["Brekke-Reyes:planned"],
            ),
            (
                "Defence Minister Lena Kovac is open to the possibility of holding talks with \
                 General Ivo Marsh.",
                &["Kovac-Marsh:planned"],
            ),
            // The subject after a fronted phrase, named by a description.
            (
                "President Ana Reyes of Chile arrived. On the sidelines of the summit, the \
                 Chilean president plans to meet Chancellor Jonas Brekke. She also plans a \
                 meeting with Prime Minister Hugo Baptista.",
                &["Brekke-Reyes:planned", "Baptista-Reyes:planned"],
            ),
        ],
        negative: &[],
    },
    Rule {
        name: "an unnamed office holder of a country is that country's side",
        positive: &[
            (
                "The meeting between Prime Minister Tomas Ferreira and Angolan President is \
                 expected to boost trade between Portugal and Angola.",
                &["Angola-Ferreira"],
            ),
            (
                "Talks between Chancellor Jonas Brekke and Finland's president were held in \
                 Oslo on Monday, the first between Norway and Finland.",
                &["Brekke-Finland"],
            ),
            // A name in apposition after what the role is of is still the holder.
            (
                "The talks between Gen. Ivo Marsh and Russia's chief of the General Staff, Gen. \
                 Oleg Volkov, took place in Helsinki.",
                &["Marsh-Volkov"],
            ),
            // A speaker after the comma is no apposition: the description is resolved.
            (
                "Kenyan President Clara Oduya spoke on Monday. Envoy Ivo Marsh held two hours of \
                 talks with the Kenyan leader, spokesman Hugo Baptista said.",
                &["Marsh-Oduya:call"],
            ),
            (
                "Thai Prime Minister Somchai Rattana arrived on Friday. Chancellor Jonas Brekke \
                 met the Thai premier, his spokeswoman Lena Kovac told reporters.",
                &["Brekke-Rattana"],
            ),
        ],
        negative: &[
            "The dispute between Prime Minister Tomas Ferreira and Angolan President was \
             about trade with India.",
        ],
    },
    Rule {
        name: "a country or institution is no side where one of its people is",
        positive: &[
            (
                "Orland Bank's chief executive Dana Holm visited Prime Minister Anika Sorvald. \
                 Orland Bank boss leaves meeting with Prime Minister Anika Sorvald.",
                &["Holm-Sorvald"],
            ),
            (
                "Egyptian President Omar Hamdi and Qatar's Emir Sheikh Fahd Al-Mansour meet to \
                 review the talks, Cairo says.",
                &["Al-Mansour-Hamdi"],
            ),
            (
                "Acme Corp's president, Lena Kovac, met Chancellor Jonas Brekke on Monday. Acme \
                 Corp held talks with Chancellor Jonas Brekke on Monday.",
                &["Brekke-Kovac"],
            ),
        ],
        negative: &[],
    },
    Rule {
        name: "a role's holder named after what the role is of, with or without a comma",
        positive: &[
            (
                "The Chairperson of the Commission, Maria Lopez, has met with the newly \
                 appointed Minister of Foreign Affairs of the Federal Democratic Republic of \
                 Ethiopia, H.E. Dr. Abebe Tadesse.",
                &["Lopez-Tadesse"],
            ),
            (
                "Minister Ali Hasanov received the new Ambassador of France to Azerbaijan \
                 Pierre Martin.",
                &["Hasanov-Martin"],
            ),
            // Both sides after "between" are named, so the main clause after it adds no one.
            (
                "During the conversation between the Minister of Foreign Affairs of Ukraine, \
                 Ivan Petrov, and the Secretary General of NATO, Jens Larsen, the latter said \
                 aid must grow.",
                &["Larsen-Petrov:call"],
            ),
        ],
        negative: &[
            "Minister Ali Hasanov received the new budget of France from Pierre Martin.",
            "Minister Ali Hasanov met the head of the delegation of Pierre Martin.",
        ],
    },
    Rule {
        name: "a title whose words are joined by 'and' still ends at its holder",
        positive: &[
            (
                "Envoy Hugo Baptista will meet the EU foreign and security policy chief Lena \
                 Kovac on Friday.",
                &["Baptista-Kovac:planned"],
            ),
            (
                "President Ana Reyes met Japan's trade and industry minister, Hiro Tanabe, in \
                 Lisbon.",
                &["Reyes-Tanabe"],
            ),
            (
                "Prime Minister Hugo Baptista received Japanese Economic and Fiscal Policy \
                 Minister Hiro Tanabe in Lisbon.",
                &["Baptista-Tanabe"],
            ),
            (
                "Prime Minister Hugo Baptista received trade and industry minister Hiro Tanabe \
                 on Monday.",
                &["Baptista-Tanabe"],
            ),
            // Two roles joined by "and" before the holder in apposition.
            (
                "President Ana Reyes met the former Prime Minister and member of the Truce \
                 Council, Hugo Baptista, on Monday.",
                &["Baptista-Reyes"],
            ),
            (
                "Chancellor Jonas Brekke received the Prime Minister and Minister of Defence, \
                 Lena Kovac, at the palace.",
                &["Brekke-Kovac"],
            ),
            // A name before "and" is a member of a list, not a title word.
            (
                "President Ana Reyes met Hugo Baptista and Defence Minister Lena Kovac.",
                &["Baptista-Reyes", "Kovac-Reyes"],
            ),
        ],
        negative: &[
            "Prime Minister Hugo Baptista received trade and industry reports on Monday.",
            // The one "saying" something is not who may meet.
            "The Prime Minister's Office replied to the request, saying the chief minister \
             can meet Food and Public Distribution Minister, Hiro Tanabe, if needed.",
            "President Ana Reyes met reporters and security officials in Lisbon.",
            "President Ana Reyes met Japan's trade and industry delegation in Lisbon.",
        ],
    },
    Rule {
        name: "a participle's subject is its main clause's: ', having already met Z'",
        positive: &[
            (
                "Ambassador Hugo Baptista met President Ana Reyes, having already met her \
                 predecessor Ivo Marsh.",
                &["Baptista-Marsh", "Baptista-Reyes"],
            ),
            (
                "General Lena Kovac flew home, having previously met Admiral Tomas Ferreira \
                 in Oslo.",
                &["Ferreira-Kovac"],
            ),
        ],
        negative: &["General Lena Kovac flew home, having praised Admiral Tomas Ferreira."],
    },
    Rule {
        name: "a person who owns the subject is not the subject",
        positive: &[
            (
                "President Hugo Baptista's first meeting with Chancellor Jonas Brekke took \
                 place in Oslo.",
                &["Baptista-Brekke"],
            ),
            // An owner inside an apposition of the subject: the search goes past it.
            (
                "Gen. Ivo Marsh, a key figure behind President Ana Reyes's reforms, spoke with \
                 Admiral Lena Kovac last week.",
                &["Kovac-Marsh"],
            ),
            (
                "Minister Tomas Ferreira, a close ally of Chancellor Jonas Brekke's government, \
                 met Governor Clara Oduya in Rome.",
                &["Ferreira-Oduya"],
            ),
        ],
        negative: &[
            "President Ana Silva and Prime Minister John Carter's envoy for the conflict met \
             in Lisbon on Thursday.",
            "Chancellor Jonas Brekke and President Hugo Baptista's special adviser held talks \
             in Oslo.",
            "President Ana Reyes's envoy, who arrived on Monday, met Chancellor Jonas Brekke.",
        ],
    },
    Rule {
        name: "a sentence opening with 'The president' describes its subject, and 'He' after it",
        positive: &[
            (
                "President Ana Reyes met King Harald on Monday. The president then headed to a \
                 meeting with Italian President Paolo Renzetti. He is then expected to meet \
                 Prime Minister Hugo Baptista.",
                &["Harald-Reyes", "Renzetti-Reyes", "Baptista-Reyes:planned"],
            ),
            (
                "Foreign Minister Lena Kovac arrived in Oslo. The minister later held talks with \
                 Chancellor Jonas Brekke.",
                &["Brekke-Kovac"],
            ),
        ],
        negative: &[
            "Foreign Minister Lena Kovac arrived in Oslo. The minister later praised \
             Chancellor Jonas Brekke.",
        ],
    },
    Rule {
        name: "a pronoun stands for what an earlier pronoun of its clause or the sentence before \
               does, or for a description before it",
        positive: &[
            (
                "President Ana Reyes arrived in Oslo. She was received by Governor Clara Oduya, \
                 who accompanied her. She then met Chancellor Jonas Brekke.",
                &["Oduya-Reyes", "Brekke-Reyes"],
            ),
            (
                "General Ivo Marsh landed on Monday. Later he was welcomed by Admiral Lena \
                 Kovac at the base. He also held talks with Ambassador Hugo Baptista.",
                &["Kovac-Marsh", "Baptista-Marsh"],
            ),
            // A pronoun after "and" repeats the subject pronoun of the clause before.
            (
                "Admiral Lena Kovac spoke first. President Ana Reyes flew to Oslo, where she \
                 met Governor Clara Oduya, and she was then received by King Harald.",
                &["Oduya-Reyes", "Harald-Reyes"],
            ),
            // A description before the pronoun, in its sentence, is what it stands for.
            (
                "UN Secretary-General Hugo Baptista met Ivo Marsh. Ana Reyes spoke on Monday. \
                 Reports say the Secretary-General will be in Kyiv, where he will meet \
                 Foreign Minister Tomas Ferreira.",
                &["Baptista-Marsh", "Baptista-Ferreira:planned"],
            ),
        ],
        negative: &[
            "President Ana Reyes arrived in Oslo. She praised Governor Clara Oduya. She then \
             thanked Chancellor Jonas Brekke.",
        ],
    },
    Rule {
        name: "the leaders of countries named earlier are their people",
        positive: &[
            (
                "President Ana Silva met French President Louis Moreau and German Chancellor \
                 Karl Weber. Talks between Oleg Volkov and the leaders of France and Germany \
                 followed on Monday.",
                &[
                    "Moreau-Silva",
                    "Silva-Weber",
                    "Moreau-Volkov",
                    "Moreau-Weber",
                    "Volkov-Weber",
                ],
            ),
            // Other roles must be the titles of the people named.
            (
                "President Ana Silva met French President Louis Moreau and German Chancellor \
                 Karl Weber. Talks between the foreign ministers of France and Germany \
                 followed on Monday.",
                &["Moreau-Silva", "Silva-Weber", "France-Germany"],
            ),
        ],
        negative: &[],
    },
    Rule {
        name: "an intent before 'to' and a light verb makes a plan",
        positive: &[
            (
                "NATO Secretary General Jens Larsen expressed his desire to hold a conversation \
                 with Foreign Minister Anna Berg.",
                &["Berg-Larsen:planned"],
            ),
            (
                "President Ana Silva wants to pay a visit to Chancellor Jonas Brekke.",
                &["Brekke-Silva:planned"],
            ),
            (
                "President Ana Silva held a conversation with Chancellor Jonas Brekke to discuss \
                 trade.",
                &["Brekke-Silva"],
            ),
        ],
        negative: &[],
    },
    Rule {
        name: "'sat down with' meets; 'the visit of X to Y' is travel, not a contact",
        positive: &[
            (
                "Senator Ana Reyes sat down with Governor Tom Walsh on Friday.",
                &["Reyes-Walsh"],
            ),
            (
                "White House aides Lena Kovac and Ivo Marsh sat down with Chief Executive Dana \
                 Holm at her office.",
                &["Holm-Kovac", "Holm-Marsh", "Kovac-Marsh"],
            ),
        ],
        negative: &[
            "Senator Ana Reyes sat down to eat with her family after Governor Tom Walsh left.",
            "President Louis Moreau and Chancellor Karl Weber arrived in Kyiv. Deputy Chairman \
             Oleg Volkov responded with a threat to the visit of Moreau and Weber to Ukraine.",
        ],
    },
    Rule {
        name:
            "a comma or an infinitive ends the other side: 'X met in Y, Z said', 'met to discuss'",
        positive: &[
            (
                "Ana Reyes and Hugo Baptista met in Madrid, Ivo Marsh said.",
                &["Baptista-Reyes"],
            ),
            (
                "Prime Minister Lena Kovac met Governor Clara Oduya in Oslo on Friday, a \
                 spokesman, Tomas Ferreira, told reporters.",
                &["Kovac-Oduya"],
            ),
            (
                "Ana Reyes and Hugo Baptista met to discuss trade, Ivo Marsh said.",
                &["Baptista-Reyes"],
            ),
            (
                "President Ana Reyes spoke to Prime Minister Hugo Baptista on Monday.",
                &["Baptista-Reyes"],
            ),
        ],
        negative: &[
            "Ana Reyes met in Madrid, Ivo Marsh said.",
            "Governor Clara Oduya met to discuss the plan of Paolo Renzetti.",
        ],
    },
    Rule {
        name: "a contact noun 'held by' both sides",
        positive: &[
            (
                "The Kremlin called the talks held on Monday by Russian President Oleg Volkov \
                 and his French counterpart Louis Moreau positive.",
                &["Moreau-Volkov"],
            ),
            (
                "The talks held last week in Geneva by Foreign Minister Anna Berg and Secretary \
                 Tom Walsh ended without a deal.",
                &["Berg-Walsh"],
            ),
        ],
        negative: &[
            "The talks held in Oslo were praised by Chancellor Jonas Brekke and \
                     President Ana Silva.",
        ],
    },
    Rule {
        name: "indirect talks are no contact between the sides",
        positive: &[
            (
                "Iran and the United States held direct talks in Oman on Saturday.",
                &["Iran-States"],
            ),
            (
                "Armenian Prime Minister Aram Petrosyan and Azerbaijani President Ilham Karimov \
                 held talks in Prague, after months of indirect contacts.",
                &["Karimov-Petrosyan"],
            ),
        ],
        negative: &[
            "Egypt, along with Qatar, has been mediating indirect talks between Israel and \
             Hamas. The latest round of talks was held in Doha last week.",
            "Iran and the United States held indirect talks in Oman on Saturday.",
            "Envoys shuttled between the two capitals in proximity talks between Armenia and \
             Azerbaijan.",
        ],
    },
];

/// The contacts of a text in the notation above.
fn contacts(text: &str) -> BTreeSet<String> {
    let graph = newsgraph::build(&Lexicon::builtin(), [("rule.txt", text)]);
    let last = |id: &str| {
        let entity = graph.entity(id).expect("an event's participant is a node");
        entity
            .name
            .rsplit(' ')
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let mut out = BTreeSet::new();
    for event in graph.events() {
        for (a, b) in newsgraph::graph::pairs(&event.participants) {
            let mut names = [last(a), last(b)];
            names.sort();
            let mut contact = names.join("-");
            match event.status {
                Status::Planned => contact.push_str(":planned"),
                Status::Denied => contact.push_str(":denied"),
                Status::Happened => {}
            }
            out.insert(contact.clone());
            if event.kind == ContactKind::Call {
                out.insert(format!("{contact}:call"));
            }
        }
    }
    out
}

#[test]
fn every_rule_reads_its_sentences() {
    let mut failures = Vec::new();
    for rule in RULES {
        for (text, expected) in rule.positive {
            let found = contacts(text);
            let wanted: BTreeSet<String> = expected.iter().map(|c| c.to_string()).collect();
            // A `:call` expectation also expects the plain contact; a found call is listed both
            // ways, so compare on the plain contacts plus the calls asked for.
            let plain: BTreeSet<String> = found
                .iter()
                .filter(|c| !c.ends_with(":call"))
                .cloned()
                .collect();
            let wanted_plain: BTreeSet<String> = wanted
                .iter()
                .map(|c| c.trim_end_matches(":call").to_string())
                .collect();
            let calls_missing: Vec<&String> = wanted
                .iter()
                .filter(|c| c.ends_with(":call") && !found.contains(*c))
                .collect();
            if plain != wanted_plain || !calls_missing.is_empty() {
                failures.push(format!(
                    "[{}] {text}\n    wanted {wanted:?}\n    found  {found:?}",
                    rule.name
                ));
            }
        }
        for text in rule.negative {
            let found = contacts(text);
            if !found.is_empty() {
                failures.push(format!(
                    "[{}] must state no contact: {text}\n    found {found:?}",
                    rule.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} sentences read wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// "The two men" are the latest pair in focus, not the group others joined since: the event
/// they tell of has two participants (pairs alone cannot show it, the group's pairs being
/// contacts already).
#[test]
fn the_two_are_the_latest_pair() {
    for text in [
        "Governor Ana Reyes met Mayor Ivo Marsh on Monday. Later they met President Tove Lund. \
         The two women first met in Bergen in May.",
        "King Harald and Chancellor Jonas Brekke met on Monday. They were joined by Governor \
         Clara Oduya. The two men had last met in 2019.",
    ] {
        let graph = newsgraph::build(&Lexicon::builtin(), [("rule.txt", text)]);
        let last = graph
            .events()
            .iter()
            .find(|e| e.evidence.text.starts_with("The two"))
            .expect("the last sentence tells an event");
        assert_eq!(last.participants.len(), 2, "{text}");
    }
}
