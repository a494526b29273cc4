//! The annotator's word lists, one module per language, kept as data: how articles in
//! that language name the treaty, the states (in their inflected forms), domestic
//! bodies and groups of states; their dates; the words for the events the annotator
//! reads (signed, ratified, joined, withdrew, notified, took effect, suspended,
//! decree, vote...); and the words that change how a clause is meant (negation, the
//! future, conditions, calls on others, the treaty's rules).
//!
//! Every list is a regular expression or a list of them, matched ignoring case unless
//! it says otherwise, and standing as whole words; in the inflected languages a stem
//! ends in `\w*` so that every case ending matches. Each list is commented with what it
//! is for; `docs/annotate.md` says how to add a phrasing.
//!
//! The languages share the engine: [`crate::claims`] reads any of them through a
//! [`Lexicon`]. Verdict notes stay in English whatever the article's language.

use crate::claims::{Qual, Trig};
use crate::lang::Language;

mod en;
mod et;
mod fi;
mod lt;
mod lv;
mod pl;
mod ru;
mod uk;

/// A date relative to the article's date or to the date before it in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    /// The article's date.
    Today,
    Yesterday,
    Tomorrow,
    /// The seven days up to the article's date.
    ThisWeek,
    /// The seven days before those.
    LastWeek,
    ThisMonth,
    LastMonth,
    ThisYear,
    LastYear,
    NextYear,
    /// The year of the date named before it in the text ("the same year").
    SameYear,
    /// The year after the date named before it ("the following year").
    FollowingYear,
    /// N years after the date named before it ("two years later"); N in group `n`.
    YearsLater,
    /// N years before the date named before it ("a year earlier", "the year before",
    /// "two years earlier"); N in group `n`, one when absent.
    YearsEarlier,
    /// N years before the article's date ("five years ago"); N in group `n`.
    YearsAgo,
}

/// What a language's words are, for the annotator.
pub struct Lexicon {
    pub language: Language,
    /// The treaty's names, per treaty id, beyond those in its data file.
    pub treaty_names: &'static [(&'static str, &'static [&'static str])],
    /// Words that point back to a treaty ("the convention"): a mention of the treaty
    /// when the article names it, or when it names no treaty but is about landmines.
    pub anaphors: &'static [&'static str],
    /// Words that show an article is about anti-personnel mines.
    pub mine_words: &'static str,
    /// Words near "destroyed" that make it stockpiled mines being destroyed.
    pub stock_words: &'static str,
    /// Words that show an article is about cluster munitions.
    pub cluster_words: &'static str,
    /// Other treaties and organisations: a sentence naming one of them, and not this
    /// treaty, is not read for claims ("Finland joined NATO in 2023").
    pub other_treaties: &'static [&'static str],
    /// States in inflected forms: a stem (case-sensitive), then at most
    /// `state_ending` word characters of ending ("Stem:N" allows N instead), and the
    /// state's code. The dataset's own names (every language it holds) come first.
    pub states: &'static [(&'static str, &'static str)],
    pub state_ending: usize,
    /// Groups of states named as one ("the Baltic states"): regex, and the members.
    pub groups: &'static [(&'static str, &'static [&'static str])],
    /// Capitals standing for their governments ("Kyiv signed"): regex
    /// (case-sensitive), code. Not read after a preposition of place.
    pub capitals: &'static [(&'static str, &'static str)],
    /// Words before a capital that make it a place, not a government.
    pub place_prepositions: &'static str,
    /// Bodies named by their own name: regex (case-sensitive), the name in the
    /// annotation, the state.
    pub named_bodies: &'static [(&'static str, &'static str, &'static str)],
    /// Bodies named by what they are: regex, and the name in the annotation (English).
    /// Their state is the one named right before or after them.
    pub generic_bodies: &'static [(&'static str, &'static str)],
    /// What may stand between a state's name and a body after it ("Finland's
    /// parliament", "Suomen eduskunta").
    pub body_gaps_before: &'static [&'static str],
    /// What may stand between a body and a state's name after it ("the parliament of
    /// Finland", "парламент Финляндии").
    pub body_gaps_after: &'static [&'static str],
    /// The forms of each month's name, January first (an alternation).
    pub months: [&'static str; 12],
    /// Full dates beyond "D MONTH YYYY", "MONTH D, YYYY", "D.M.YYYY" and ISO: regexes
    /// with groups `d`, `m` (a month form, written `{M}`) and `y`.
    pub day_patterns: &'static [&'static str],
    /// A month of a year: groups `m` (`{M}`) and `y`.
    pub month_patterns: &'static [&'static str],
    /// A month with no year, resolved near the article's date ("in June"): group `m`.
    pub bare_month: &'static str,
    /// A length of time in months ("six-month", "6 months"): group `n`.
    pub duration: &'static str,
    /// A word before a date that makes it the start of a period ("since").
    pub since: &'static str,
    /// A word before a date that makes it a limit: done on or before it ("by 2016").
    pub by: &'static str,
    /// Relative dates.
    pub relative: &'static [(&'static str, Rel)],
    /// The days of the week, Monday first, as said for "on Friday".
    pub weekdays: [&'static str; 7],
    /// Numbers one to ten as words (an alternation each), for "two years later".
    pub numbers: [&'static str; 10],
    /// The events: which trigger, and its regex. The order is the priority when two
    /// start at the same place.
    pub triggers: &'static [(Trig, &'static str)],
    /// After "signed": objects that are not the treaty ("signed a decree").
    pub not_treaty_objects: &'static str,
    /// Words that say a use of mines is recent ("new evidence of use", "still using"):
    /// such a claim with no date of its own speaks of the year before the article.
    pub recent: &'static str,
    /// "Our country" in this language, and the state it stands for in an article
    /// written in it ("mūsų šaliai": Lithuania). A guess, so never certain.
    pub home: Option<(&'static str, &'static str)>,
    /// Right before a count: it counts some of the states, not all ("delegations from
    /// 12 countries"). Anchored at the count.
    pub count_part: &'static str,
    /// Right before a count of signatories: more besides the parties ("a further 12
    /// signatories"). Anchored at the count.
    pub count_further: &'static str,
    /// An offset from the date before it to the claim's event ("on 2 December 1997, two
    /// days before the Marshall Islands signed"): groups `n` (a number, in figures or
    /// words of `numbers`), `unit` (day, week, month, year: matched by its first letter
    /// in English, by `unit_*` groups otherwise) and `before` (set when the event is
    /// later than the date). A pattern that never matches where none is written.
    pub offset: &'static str,
    /// Negation right before a verb (anchored at the verb, with up to two words
    /// between: "has not yet signed").
    pub negation: &'static str,
    /// The future or an intention, right before the verb ("will", "is set to").
    pub future: &'static str,
    /// A condition opening the clause ("if", "unless", "should").
    pub conditional: &'static str,
    /// A call on others or a wish ("urged ... to", "called on ... to"), before the verb.
    pub appeal: &'static str,
    /// Subjects that are not one state: "a state", "States Parties", "any country".
    pub generic_subject: &'static str,
    /// Words that make a sentence a description of the treaty's rules.
    pub rule_cue: &'static str,
    /// Words that refer back to a state named before ("it", "the country"), right
    /// before the verb.
    pub pronoun: &'static str,
    /// Words that refer back to several states named before ("both countries",
    /// "neither country", "the five states").
    pub plural_pronoun: &'static str,
    /// Count qualifiers ("more than") and what they mean.
    pub qualifiers: &'static [(&'static str, Qual)],
    /// Words of a sentence that make a count one of joined states.
    pub count_join_context: &'static str,
    /// ... of signatories.
    pub count_sign_context: &'static str,
    /// ... of states that withdrew or are withdrawing.
    pub count_withdraw_context: &'static str,
    /// Where a decree, law, vote or decision points.
    pub aim_withdraw: &'static str,
    pub aim_suspend: &'static str,
    pub aim_join: &'static str,
    /// Places: where the treaty was adopted and opened for signature, by city.
    pub places: &'static [(&'static str, &'static str)],
    /// The words that join the items of a list ("and", "or", "nor").
    pub list_joins: &'static [&'static str],
    /// Clause openers, each a regex found anywhere in a sentence, with the comma or
    /// space before it. A relative clause ("which", "who"): its subject is what stands before it.
    pub relative_clause: &'static str,
    /// A contrast or new clause ("but", "while", "whereas").
    pub contrast: &'static str,
    /// An exception ("but not", "except"): the states after it are outside what the
    /// clause before it says.
    pub exception: &'static str,
    /// An inclusion ("including", "among them"): the states after it are inside it.
    pub inclusion: &'static str,
    /// "First"/"last" of a group, for ranks: regexes.
    pub first_word: &'static str,
    pub last_word: &'static str,
    /// Groups for ranks ("EU member", "Nordic country"): regex, group id.
    pub rank_groups: &'static [(&'static str, &'static str)],
    /// Topics of the treaty's rules, each a regex over a sentence, for `treaty_rule`
    /// claims.
    pub rules: &'static [(RuleTopic, &'static str)],
    /// What the treaty does not ban, said as if it did ("anti-tank mines").
    pub not_banned: &'static str,
    /// Words for a million and a thousand (an alternation each).
    pub million: &'static str,
    pub thousand: &'static str,
    /// Words of `what` that make a count one of parties; of signatories.
    pub count_parties: &'static str,
    pub count_signatories: &'static str,
    /// A parliament's vote figures: groups `for` and `against`.
    pub vote_figures: &'static str,
    /// After a withdrawal period ("six months after ..."): what it runs from, if it is
    /// not the depositary's receipt (a vote, a decision, a law).
    pub period_start_wrong: &'static str,
    /// ... and the depositary's receipt, the notification.
    pub period_start_right: &'static str,
    /// What may follow a length of time for it to be the withdrawal period ("after",
    /// "notice period"); anchored at the start of the text after it.
    pub period_follow: &'static str,
    /// Words after a count that make it a count of states outside ("are not members").
    pub count_negative: &'static str,
    /// Words that make a count one of signatories that have not ratified.
    pub count_signed_only: &'static str,
    /// A plain statement that a state did not sign ("never signed", "did not sign"),
    /// true of a state that joined by accession.
    pub plain_past: &'static str,
    /// "respectively": the states and the dates of a list go in pairs.
    pub respectively: &'static str,
    /// "a further five years", "more time": a sentence about an extension, not the
    /// rule's own period.
    pub more_time: &'static str,
    /// A time or a condition right before the subject of a verb ("once the
    /// withdrawal takes effect"); anchored at the verb.
    pub subordinate: &'static str,
    /// Words right after a verb or noun that put it in the future ("instruments are
    /// expected soon"); anchored at its end.
    pub future_after: &'static str,
    /// Words for a law, a bill or a decree: what a president "signed it" signs.
    pub law_word: &'static str,
    /// A preposition right before a state's name: the state is not the subject of the
    /// verb after it ("with Russia", "з Росією"); anchored at the name.
    pub prepositions: &'static str,
    /// Words after a state's name that make an entry into force one for that state
    /// ("Eesti suhtes"); anchored after the name.
    pub eif_postposition: &'static str,
    /// Words between an entry into force and a state's name that make it one for that
    /// state ("w stosunku do Polski", "для України"); the text between them, whole.
    pub eif_preposition: &'static str,
    /// After a negated verb: "until" ("did not ratify until 2012" says it did, then);
    /// anchored after the verb.
    pub not_until: &'static str,
    /// A reporting verb right before a date ("said on Friday", "kertoi viime kuussa"):
    /// the date is of the saying, not of the event; anchored at the date.
    pub reporting: &'static str,
    /// Words between a date and a count that make the count one of now ("has since
    /// been signed by", "today").
    pub now_words: &'static str,
    /// Words between a date and a count that tie the count to that date ("on 3-4
    /// December 1997, when 122 states signed").
    pub when_link: &'static str,
    /// "similar" in an intention trigger ("announced similar moves"): it takes its
    /// aim from the sentences before, and is dropped when they are not about leaving.
    pub similar: &'static str,
    /// Verbs whose object a nominal withdrawal can be ("denounces Baltic
    /// withdrawals", "welcomed Poland's exit"); anchored at the noun's state.
    pub about_verb: &'static str,
    /// Verb forms that are the future by themselves ("įsigalios", "вступит"), in a
    /// trigger's words.
    pub future_forms: &'static str,
    /// After a count: a verb in the simple past ("94 states signed it"): a past moment;
    /// anchored after the count.
    pub past_count: &'static str,
    /// A verb form of an earlier time ("had signed but not ratified"), before a trigger.
    pub pluperfect: &'static str,
    /// Words that open an apposition after a state's name and a comma ("Finland, long
    /// the most reluctant, acceded"), lower case.
    pub apposition_words: &'static [&'static str],
    /// Verbs right after a count that make it about something other than membership
    /// ("100 States Parties are attending", "have destroyed"); anchored at its end.
    pub count_other_verb: &'static str,
}

/// What a sentence about the treaty's rules is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleTopic {
    /// The period after which a withdrawal takes effect (Art. 20(2)).
    WithdrawalPeriod,
    /// No withdrawal takes effect while the state is in an armed conflict (Art. 20(3)).
    ArmedConflict,
    /// What the treaty bans (Art. 1).
    Prohibitions,
    /// Stockpiles destroyed within four years (Art. 4).
    StockpileDeadline,
    /// Mined areas cleared within ten years (Art. 5), extensions.
    ClearanceDeadline,
    /// Transparency reports (Art. 7).
    Reports,
    /// The initial transparency report, within 180 days of entry into force (Art. 7(1)).
    InitialReport,
    /// Mines retained for training (Art. 3).
    Retention,
    /// No reservations (Art. 19).
    Reservations,
    /// The UN Secretary-General is the depositary (Art. 21).
    Depositary,
    /// Entry into force: forty instruments, the sixth month (Art. 17).
    EntryIntoForce,
    /// The treaty has no clause for suspending it.
    NoSuspension,
    /// A State Party may withdraw by notice to the other parties, the depositary and
    /// the Security Council; the treaty is of unlimited duration (Art. 20(1), (2)).
    Withdrawal,
    /// A notice of withdrawal may be retracted before it takes effect.
    Retraction,
    /// What an anti-personnel mine is (Art. 2).
    Definition,
    /// Extensions of the clearance deadline, up to ten years each (Art. 5(3)-(6)).
    Extension,
    /// Open for signature until entry into force; after it, accession only (Art. 15, 16).
    Accession,
    /// Of unlimited duration (Art. 20(1)); the record does not hold it.
    Duration,
}

/// Regex alternatives, each in its own non-capturing group: `(?:a)|(?:b)|...`.
pub fn alternatives(parts: &[&str]) -> String {
    parts
        .iter()
        .map(|p| format!("(?:{p})"))
        .collect::<Vec<_>>()
        .join("|")
}

/// A pattern with English word boundaries made ASCII: `\b` becomes `(?-u:\b)`.
///
/// The regex crate's fast engines cannot run Unicode word boundaries on text that is
/// not all ASCII (a curly quote is enough) and fall back to a slow one; English
/// patterns are ASCII words, whose boundaries ASCII decides. Other languages keep
/// Unicode boundaries (their words have letters beyond ASCII).
pub fn word_bounds(p: &str, l: Language) -> std::borrow::Cow<'_, str> {
    if l == Language::En && p.contains(r"\b") {
        std::borrow::Cow::Owned(p.replace(r"\b", r"(?-u:\b)"))
    } else {
        std::borrow::Cow::Borrowed(p)
    }
}

/// The lexicon of a language.
pub fn for_language(l: Language) -> &'static Lexicon {
    match l {
        Language::En => &en::LEX,
        Language::Lt => &lt::LEX,
        Language::Lv => &lv::LEX,
        Language::Et => &et::LEX,
        Language::Fi => &fi::LEX,
        Language::Pl => &pl::LEX,
        Language::Uk => &uk::LEX,
        Language::Ru => &ru::LEX,
    }
}

/// Facts about a treaty the annotator checks places against: where it was adopted and
/// where it was opened for signature (from the domain brief; the dates are in the
/// treaty's data file). The city ids are those of [`Lexicon::places`].
pub struct TreatyPlaces {
    pub treaty: &'static str,
    pub adopted_in: &'static str,
    pub opened_in: &'static str,
    /// The last day of the signing conference, when it ran over several days (the
    /// Mine Ban Treaty's in Ottawa: 3-4 December 1997).
    pub opened_until: Option<(i16, i8, i8)>,
}

pub const TREATY_PLACES: &[TreatyPlaces] = &[
    // Adopted at Oslo on 1997-09-18; opened for signature at Ottawa on 3-4 December 1997.
    TreatyPlaces {
        treaty: "apmbc",
        adopted_in: "oslo",
        opened_in: "ottawa",
        opened_until: Some((1997, 12, 4)),
    },
    // Adopted at Dublin on 2008-05-30; opened for signature at Oslo on 2008-12-03.
    TreatyPlaces {
        treaty: "ccm",
        adopted_in: "dublin",
        opened_in: "oslo",
        opened_until: Some((2008, 12, 4)),
    },
];

/// Groups of states for "the first/last ... to join or leave". Membership is as of
/// the dates given (from the organisations' own lists); a state is counted while
/// it is a member.
pub struct Group {
    pub id: &'static str,
    pub name: &'static str,
    /// Members: code, joined (YYYY-MM-DD), left.
    pub members: &'static [(&'static str, &'static str, Option<&'static str>)],
}

pub const GROUPS: &[Group] = &[
    Group {
        id: "eu",
        name: "European Union",
        members: &[
            ("AUT", "1995-01-01", None),
            ("BEL", "1958-01-01", None),
            ("BGR", "2007-01-01", None),
            ("HRV", "2013-07-01", None),
            ("CYP", "2004-05-01", None),
            ("CZE", "2004-05-01", None),
            ("DNK", "1973-01-01", None),
            ("EST", "2004-05-01", None),
            ("FIN", "1995-01-01", None),
            ("FRA", "1958-01-01", None),
            ("DEU", "1958-01-01", None),
            ("GRC", "1981-01-01", None),
            ("HUN", "2004-05-01", None),
            ("IRL", "1973-01-01", None),
            ("ITA", "1958-01-01", None),
            ("LVA", "2004-05-01", None),
            ("LTU", "2004-05-01", None),
            ("LUX", "1958-01-01", None),
            ("MLT", "2004-05-01", None),
            ("NLD", "1958-01-01", None),
            ("POL", "2004-05-01", None),
            ("PRT", "1986-01-01", None),
            ("ROU", "2007-01-01", None),
            ("SVK", "2004-05-01", None),
            ("SVN", "2004-05-01", None),
            ("ESP", "1986-01-01", None),
            ("SWE", "1995-01-01", None),
            ("GBR", "1973-01-01", Some("2020-01-31")),
        ],
    },
    Group {
        id: "nato",
        name: "NATO",
        members: &[
            ("ALB", "2009-04-01", None),
            ("BEL", "1949-08-24", None),
            ("BGR", "2004-03-29", None),
            ("CAN", "1949-08-24", None),
            ("HRV", "2009-04-01", None),
            ("CZE", "1999-03-12", None),
            ("DNK", "1949-08-24", None),
            ("EST", "2004-03-29", None),
            ("FIN", "2023-04-04", None),
            ("FRA", "1949-08-24", None),
            ("DEU", "1955-05-06", None),
            ("GRC", "1952-02-18", None),
            ("HUN", "1999-03-12", None),
            ("ISL", "1949-08-24", None),
            ("ITA", "1949-08-24", None),
            ("LVA", "2004-03-29", None),
            ("LTU", "2004-03-29", None),
            ("LUX", "1949-08-24", None),
            ("MNE", "2017-06-05", None),
            ("NLD", "1949-08-24", None),
            ("MKD", "2020-03-27", None),
            ("NOR", "1949-08-24", None),
            ("POL", "1999-03-12", None),
            ("PRT", "1949-08-24", None),
            ("ROU", "2004-03-29", None),
            ("SVK", "2004-03-29", None),
            ("SVN", "2004-03-29", None),
            ("ESP", "1982-05-30", None),
            ("SWE", "2024-03-07", None),
            ("TUR", "1952-02-18", None),
            ("GBR", "1949-08-24", None),
            ("USA", "1949-08-24", None),
        ],
    },
    Group {
        id: "nordic",
        name: "the Nordic countries",
        members: &[
            ("DNK", "1900-01-01", None),
            ("FIN", "1900-01-01", None),
            ("ISL", "1900-01-01", None),
            ("NOR", "1900-01-01", None),
            ("SWE", "1900-01-01", None),
        ],
    },
    Group {
        id: "baltic",
        name: "the Baltic states",
        members: &[
            ("EST", "1900-01-01", None),
            ("LVA", "1900-01-01", None),
            ("LTU", "1900-01-01", None),
        ],
    },
    Group {
        id: "world",
        name: "all states",
        members: &[],
    },
];

/// Every spelling variant of an English phrase: hyphenation of "anti-personnel" and
/// "landmine".
pub fn variants(phrase: &str) -> Vec<String> {
    let mut out = vec![phrase.to_string()];
    let swaps: [(&str, &[&str]); 2] = [
        ("anti-personnel", &["antipersonnel", "anti personnel"]),
        ("landmine", &["land mine", "land-mine"]),
    ];
    for (from, tos) in swaps {
        let mut more = Vec::new();
        for p in &out {
            let lower = p.to_ascii_lowercase();
            if let Some(i) = lower.find(from) {
                for to in tos {
                    more.push(format!("{}{}{}", &p[..i], to, &p[i + from.len()..]));
                }
            }
        }
        out.extend(more);
    }
    out
}

/// A state stem entry: the stem and the longest ending it takes.
pub fn stem_entry(entry: &str, default: usize) -> (&str, usize) {
    match entry.rsplit_once(':') {
        Some((stem, n)) if n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() => {
            (stem, n.parse().unwrap_or(default))
        }
        _ => (entry, default),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    #[test]
    fn spelling_variants() {
        let v = variants("Anti-Personnel Mine Ban Convention");
        assert!(v.contains(&"antipersonnel Mine Ban Convention".to_string()));
        assert!(v.contains(&"anti personnel Mine Ban Convention".to_string()));
        let v = variants("landmine treaty");
        assert_eq!(
            v,
            vec!["landmine treaty", "land mine treaty", "land-mine treaty"]
        );
    }

    /// Every regular expression of every language compiles, and every state code is
    /// a code.
    #[test]
    fn every_list_compiles() {
        for l in Language::ALL {
            let x = for_language(l);
            assert_eq!(x.language, l);
            let mut all: Vec<&str> = vec![
                x.mine_words,
                x.cluster_words,
                x.stock_words,
                x.place_prepositions,
                x.bare_month,
                x.duration,
                x.since,
                x.by,
                x.not_treaty_objects,
                x.negation,
                x.future,
                x.conditional,
                x.appeal,
                x.generic_subject,
                x.rule_cue,
                x.pronoun,
                x.plural_pronoun,
                x.count_join_context,
                x.count_sign_context,
                x.count_withdraw_context,
                x.aim_withdraw,
                x.aim_suspend,
                x.aim_join,
                x.relative_clause,
                x.contrast,
                x.exception,
                x.inclusion,
                x.first_word,
                x.last_word,
                x.vote_figures,
                x.period_start_wrong,
                x.period_start_right,
                x.period_follow,
                x.count_negative,
                x.count_signed_only,
                x.count_other_verb,
                x.plain_past,
                x.respectively,
                x.more_time,
                x.subordinate,
                x.future_after,
                x.law_word,
                x.prepositions,
                x.eif_postposition,
                x.eif_preposition,
                x.not_until,
                x.reporting,
                x.now_words,
                x.when_link,
                x.similar,
                x.about_verb,
                x.future_forms,
                x.past_count,
                x.pluperfect,
                x.not_banned,
                x.million,
                x.thousand,
                x.count_parties,
                x.count_signatories,
            ];
            all.extend(x.treaty_names.iter().flat_map(|(_, n)| n.iter().copied()));
            all.extend(x.anaphors.iter().copied());
            all.extend(x.other_treaties.iter().copied());
            all.extend(x.groups.iter().map(|(r, _)| *r));
            all.extend(x.capitals.iter().map(|(r, _)| *r));
            all.extend(x.named_bodies.iter().map(|(r, _, _)| *r));
            all.extend(x.generic_bodies.iter().map(|(r, _)| *r));
            all.extend(x.months.iter().copied());
            all.extend(x.relative.iter().map(|(r, _)| *r));
            all.extend(x.weekdays.iter().copied());
            all.extend(x.numbers.iter().copied());
            all.extend(x.triggers.iter().map(|(_, r)| *r));
            all.extend(x.qualifiers.iter().map(|(r, _)| *r));
            all.extend(x.places.iter().map(|(r, _)| *r));
            all.extend(x.rank_groups.iter().map(|(r, _)| *r));
            all.extend(x.rules.iter().map(|(_, r)| *r));
            for p in x.day_patterns.iter().chain(x.month_patterns) {
                all.push(p);
            }
            for r in all {
                let r = r.replace("{M}", "x").replace("{N}", "x");
                assert!(Regex::new(&r).is_ok(), "{l}: {r}");
            }
            for (_, code) in x.states {
                assert!(code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()));
            }
        }
    }
}
