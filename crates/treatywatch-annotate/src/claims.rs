//! Reading claims as events: who did what, when, and how it is said.
//!
//! Trigger phrases ("signed", "has not signed", "plans to withdraw", "signed a decree",
//! "more than 160 countries"), from the article's language's [`Lexicon`], are found by
//! one regular expression each, run once over the text. Each sentence is cut into
//! clauses: the main clause, relative clauses ("which ratified in 2012"), brackets,
//! contrasts ("but", "while"), exceptions ("but not", "except") and inclusions
//! ("including"). A trigger then takes, from its own clause only:
//!
//! * **who**: the state, list of states, group ("the Baltic states") or body named
//!   before it; in a relative clause, what the clause hangs on; a pronoun ("it", "the
//!   country", "both countries") the states named before; failing those, the first
//!   named after it ("was ratified by Finland"). A subject that is not one state ("a
//!   state", "States Parties") makes the clause a description of the rules.
//! * **when**: the date nearest it in its clause, not past a neighbouring trigger.
//! * **how**: asserted, negated ("has not signed", "neither ... nor", "refused to
//!   sign"), future ("will take effect"), conditional ("if"), a call on others ("urged
//!   Poland to"), a question, or a description of the treaty's rules.
//!
//! States after "but not" or "except" get the clause's event negated; states after
//! "including" get it as it is. Sentences about the treaty's rules give `treaty_rule`
//! claims. Nothing here consults the record; that is [`crate::check`]'s work.

use regex::{Captures, Regex};
use treatywatch_core::StateCode;
use treatywatch_core::evidence::Aim;

use crate::dates::{FoundDate, When};
use crate::lexicon::{Lexicon, RuleTopic};
use crate::mentions::{Named, Who};
use crate::model::{ClaimKind, DateKind, Modality, NameKind, Span};
use crate::text::{in_quotation, sentence_of, within};

/// What a trigger phrase says, before its subject is known. The order is the priority
/// when two triggers start at the same place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Trig {
    NotSigned,
    NotJoined,
    NotIncluded,
    WithdrawalNotified,
    WithdrawalEffect,
    Decree,
    Law,
    Deposited,
    Opened,
    Rank,
    Intent,
    Count,
    Stockpile,
    Destroyed,
    Arsenal,
    Use,
    Ratified,
    Joined,
    Withdrew,
    /// A withdrawal named as a noun ("Lithuania's exit", "Baltic withdrawals").
    Nominal,
    Suspended,
    InForce,
    Decision,
    /// A vote's tally, with no body named in its clause ("107 members voted in favour").
    Tally,
    VoteOrAdopt,
    Signed,
    Production,
    /// The act of the verb before, done again by another state: "Finland did so on 10
    /// July", "Latvia did the same", "Finlandia zrobiła to". Dropped when no act is
    /// before it.
    Follow,
}

/// How a number is qualified: "more than 160", "about 6 million". The tolerances are
/// written down in `docs/annotate.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qual {
    Exact,
    MoreThan,
    AtLeast,
    Nearly,
    About,
    FewerThan,
}

impl Qual {
    /// Whether a true value `actual` fits "QUAL claimed":
    ///
    /// * exact: within 1% of the claimed figure, or 0.5;
    /// * "more than", "over": above it; "at least": at or above it;
    /// * "nearly", "almost": below it, by at most 10%;
    /// * "about", "some", "around": within 5%, or 2;
    /// * "fewer than", "under": below it.
    pub fn fits(self, claimed: f64, actual: f64) -> bool {
        match self {
            // A count of states must be exact; a large figure (mines) is read to 1%.
            Qual::Exact if claimed < 1000.0 => (actual - claimed).abs() < 0.5,
            Qual::Exact => (actual - claimed).abs() <= claimed * 0.01,
            Qual::MoreThan => actual > claimed,
            Qual::AtLeast => actual >= claimed,
            Qual::Nearly => actual <= claimed && actual >= claimed * 0.9,
            Qual::About => (actual - claimed).abs() <= (claimed * 0.05).max(2.0),
            Qual::FewerThan => actual < claimed,
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Qual::Exact => "",
            Qual::MoreThan => "more than ",
            Qual::AtLeast => "at least ",
            Qual::Nearly => "nearly ",
            Qual::About => "about ",
            Qual::FewerThan => "fewer than ",
        }
    }

    /// The tolerance in words, for notes.
    pub fn tolerance(self) -> &'static str {
        match self {
            Qual::Exact => {
                "a figure given as exact must match; one of 1,000 or more fits within 1%"
            }
            Qual::MoreThan => "\"more than N\" fits any figure above N",
            Qual::AtLeast => "\"at least N\" fits N or more",
            Qual::Nearly => "\"nearly N\" fits N or up to 10% below it",
            Qual::About => "\"about N\" fits within 5% of N (or 2)",
            Qual::FewerThan => "\"fewer than N\" fits any figure below N",
        }
    }
}

/// What a count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountWhat {
    /// States that have joined and not left (consent deposited, party, withdrawal pending).
    Joined,
    /// States bound (party, withdrawal pending).
    Parties,
    /// States that have signed.
    Signed,
    /// States that have notified a withdrawal (pending or in effect).
    Withdrawing,
    /// States that deposited a ratification, acceptance or approval (not accession).
    Ratified,
    /// States outside: neither signed nor joined, or not parties.
    Outside,
    /// Signatories that have not ratified.
    SignedOnly,
}

/// What a stockpile figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StockWhat {
    Held,
    Destroyed,
    Retained,
}

/// A state's obligation milestone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Obl {
    /// Stockpile destruction completed (Art. 4).
    StockpileDestroyed,
    /// Clearance of mined areas completed (Art. 5).
    ClearanceCompleted,
    /// A deadline missed.
    DeadlineMissed,
    /// An extension of the clearance deadline.
    Extension,
    /// A deadline's date, of stockpile destruction (Art. 4): "had until 1 March 2008".
    StockpileDeadline,
    /// A deadline's date, of clearance (Art. 5): "whose deadline now runs to 2019".
    ClearanceDeadline,
    /// A deadline's date, of either.
    SomeDeadline,
    /// The initial transparency report's deadline (Art. 7(1)): "must submit its first
    /// report by the end of July 2015".
    ReportDeadline,
    /// The rule's period said of one state: "Oman will have four years to destroy its
    /// stockpile" (Art. 4), "ten years to clear" (Art. 5); the number is in `n`.
    StockpilePeriod,
    ClearancePeriod,
    /// "its first transparency report is due within 180 days" (Art. 7(1)).
    ReportPeriod,
}

impl Obl {
    /// A deadline's date, checked against the record's deadlines.
    pub fn is_deadline(self) -> bool {
        matches!(
            self,
            Obl::StockpileDeadline
                | Obl::ClearanceDeadline
                | Obl::SomeDeadline
                | Obl::ReportDeadline
        )
    }

    /// The rule's period said of one state, checked against the rule and its deadline.
    pub fn is_period(self) -> bool {
        matches!(
            self,
            Obl::StockpilePeriod | Obl::ClearancePeriod | Obl::ReportPeriod
        )
    }
}

/// Details some triggers carry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Extra {
    None,
    Count {
        qual: Qual,
        n: u32,
        what: CountWhat,
        /// Said of a past moment the text does not date ("94 states signed it").
        past: bool,
    },
    Stock {
        qual: Qual,
        n: f64,
        what: StockWhat,
    },
    Vote {
        yes: u32,
        against: u32,
    },
    Rank {
        first: bool,
        group: &'static str,
        aim: Aim,
    },
    /// "the 162nd State Party", "the 148th state to accept the treaty": the state's
    /// place among all states, in the order of their consents (or withdrawals).
    Ordinal {
        n: u32,
        aim: Aim,
    },
    Rule {
        topic: RuleTopic,
        n: Option<u32>,
        negated: bool,
        permissive: bool,
        wrong_object: bool,
        un: bool,
    },
    /// Use of mines said to be recent ("new evidence of use", "is still laying"), with
    /// no date of its own: it speaks of the year before the article's date.
    Recent,
    Obligation {
        what: Obl,
        n: Option<(Qual, f64)>,
        /// The sentence speaks of more time ("a further five years"): an extension.
        more: bool,
    },
    /// A withdrawal period said to run from something other than the depositary's
    /// receipt (a vote, a decision).
    Period {
        wrong_start: bool,
    },
}

#[derive(Clone, Debug)]
pub struct Trigger {
    pub kind: Trig,
    pub span: Span,
    pub extra: Extra,
    /// The event is taken from the verb before it ("Estonia acceded in 2004 and Latvia
    /// followed in 2005"): the claim's reading carries [`Doubt::ElidedVerb`].
    pub borrowed: bool,
}

/// A claim found in the text, not yet checked.
#[derive(Clone, Debug)]
pub struct Draft {
    pub kind: ClaimKind,
    pub span: Span,
    pub state: Option<StateCode>,
    /// A domestic body named as the actor.
    pub actor: Option<String>,
    pub when: Option<When>,
    pub since: bool,
    /// Where a decree, law, vote or announcement points.
    pub aim: Option<Aim>,
    pub extra: Extra,
    /// For a withdrawal period: its length in months.
    pub months: Option<u32>,
    pub modality: Modality,
    /// A place named with it (a city id of the lexicon: "oslo", "ottawa").
    pub place: Option<&'static str>,
    /// A plain statement of a past fact ("never signed", "did not sign"), not a
    /// listing of states outside ("have not signed").
    pub plain: bool,
    /// Said of an earlier time ("the last state that had signed but not ratified").
    pub earlier: bool,
    /// What makes the reading of who did it, or whether the article itself says it,
    /// less than certain (a pronoun, another clause, a quotation): such a claim is never
    /// contradicted ([`crate::check::Checker::gate`]).
    pub subject_doubt: Option<Doubt>,
    /// What makes the reading of when less than certain (a relative date, a year placed
    /// by tense): a contradiction may not rest on such a date.
    pub date_doubt: Option<Doubt>,
}

/// Why a reading is not certain enough to contradict the record with: where the
/// claim's subject or date came from, when not from the claim's own clause, named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doubt {
    /// "it", "the country", "they", "both": the state resolved from a pronoun.
    Pronoun,
    /// A body named without its state ("the parliament"), the state taken from
    /// elsewhere in the clause.
    BodyState,
    /// The state is what a relative clause hangs on ("Finland, which ...").
    Relative,
    /// The state was taken from another clause ("..., but have not ratified").
    OtherClause,
    /// The state was named across a colon.
    Colon,
    /// A member of a list with an exception or a negation in it ("but not", "except",
    /// "neither ... nor").
    ListContrast,
    /// The state's verb is left out and taken from another clause ("as have Latvia and
    /// Estonia", "including", "Estonia since 2004").
    ElidedVerb,
    /// In English, a name after the verb and not its agent ("by Finland"): read as the
    /// subject only for want of one before it.
    AfterVerb,
    /// Inside quotation marks: someone's words the article reports.
    Quoted,
    /// The state named only as the owner of the subject ("Oman's neighbours"), in
    /// English.
    Possessive,
    /// "Our country" ("mūsų šaliai"), taken as the state of the article's language.
    Home,
    /// A withdrawal named after a rank ("the first states ever to quit"), which news
    /// writing says of a notice as well as of a withdrawal in effect.
    RankTo,
    /// A date relative to another ("two years later", "last month").
    RelativeDate,
    /// A day or month with no year, its year placed by the verb's tense.
    DateByTense,
    /// No date in the claim's clause (for the stricter gate of languages other than
    /// English).
    NoDate,
}

impl Doubt {
    /// What was uncertain, in words, for notes.
    pub fn words(self) -> &'static str {
        match self {
            Doubt::Pronoun => "the subject was found through a pronoun",
            Doubt::BodyState => "the body was not named with its state",
            Doubt::Relative => "the subject is what a relative clause hangs on, not named in it",
            Doubt::OtherClause => "the subject was taken from another clause",
            Doubt::Colon => "the subject was named across a colon",
            Doubt::ListContrast => {
                "the state is one of a list with an exception or a negation in it"
            }
            Doubt::ElidedVerb => "the state's verb is left out and taken from another clause",
            Doubt::AfterVerb => "the subject was read from a name after the verb, not its agent",
            Doubt::Quoted => "it is inside a quotation, someone's words the article reports",
            Doubt::Possessive => {
                "the state is named as the owner of the subject, not as the subject"
            }
            Doubt::RankTo => {
                "the withdrawal is named after a rank (\"the first to quit\"), which news \
                 writing says of a notice as well as of a withdrawal in effect"
            }
            Doubt::Home => {
                "the state was read from \"our country\", taken as the state whose language \
                 the article is in"
            }
            Doubt::RelativeDate => "the date is relative to another",
            Doubt::DateByTense => "the date has no year, and its year was placed by the tense",
            Doubt::NoDate => {
                "the clause gives no explicit date, which a contradiction needs in a language \
                 read with a shallower lexicon than English"
            }
        }
    }
}

/// Everything the claim finder needs from the other passes, all sorted by position.
pub struct Found<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    /// States, groups, bodies and treaty mentions, by position.
    pub named: &'a [Named],
    pub dates: &'a [FoundDate],
    pub others: &'a [Span],
}

/// A clause's part of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SegKind {
    Main,
    Relative,
    Paren,
    Exception,
    Inclusion,
    Condition,
}

/// A stretch of a sentence; pieces with the same `group` are one clause (a main
/// clause interrupted by a relative clause is two pieces).
#[derive(Clone, Copy, Debug)]
struct Piece {
    span: Span,
    kind: SegKind,
    group: usize,
}

/// Who a trigger is about.
#[derive(Clone, Debug)]
enum Subject {
    States(Vec<(StateCode, Span)>),
    Body(String, Option<StateCode>, Span),
    Treaty,
    /// "a state", "States Parties": the rules, not one state.
    Generic,
    None,
}

pub struct ClaimFinder {
    lex: &'static Lexicon,
    patterns: Vec<(Trig, Regex)>,
    not_treaty_objects: Regex,
    recent: Regex,
    offset: Regex,
    negation: Regex,
    future: Regex,
    conditional: Regex,
    appeal: Regex,
    generic: Regex,
    rule_cue: Regex,
    pronoun: Regex,
    plural: Regex,
    qualifiers: Vec<(Regex, Qual)>,
    count_join: Regex,
    count_sign: Regex,
    count_withdraw: Regex,
    count_parties: Regex,
    count_signatories: Regex,
    aim_withdraw: Regex,
    aim_suspend: Regex,
    aim_join: Regex,
    places: Vec<(Regex, &'static str)>,
    relative_clause: Regex,
    contrast: Regex,
    exception: Regex,
    inclusion: Regex,
    first: Regex,
    last: Regex,
    rank_groups: Vec<(Regex, &'static str)>,
    rules: Vec<(RuleTopic, Regex)>,
    not_banned: Regex,
    million: Regex,
    thousand: Regex,
    vote_figures: Regex,
    numbers: Vec<(Regex, u32)>,
    un: Regex,
    permissive: Regex,
    not_word: Regex,
    stock_words: Regex,
    anaphor: Regex,
    destroy_word: Regex,
    retain_word: Regex,
    period_start_wrong: Regex,
    period_start_right: Regex,
    period_follow: Regex,
    count_negative: Regex,
    count_signed_only: Regex,
    count_part: Regex,
    last_holdout: Regex,
    duty_to: Regex,
    rank_to: Regex,
    modified_noun: Regex,
    count_further: Regex,
    before_vote: Regex,
    count_other_verb: Regex,
    plain_past: Regex,
    respectively: Regex,
    count_relative: Regex,
    count_total: Regex,
    more_time: Regex,
    subordinate: Regex,
    future_after: Regex,
    law_word: Regex,
    prepositions: Regex,
    eif_postposition: Regex,
    eif_preposition: Regex,
    not_until: Regex,
    reporting: Regex,
    now_words: Regex,
    when_link: Regex,
    place_of: Regex,
    member_of: Regex,
    rank_word: Regex,
    similar: Regex,
    took: Regex,
    /// A modal before "the first to ...": "would then become the first state to leave".
    modal_before: Regex,
    /// "no longer" in the eight languages: a negation that states a withdrawal.
    no_longer: Regex,
    /// A number of states right before the verb: "164 countries have joined".
    count_subject: Regex,
    /// A treaty's noun right after a year: "1997 convention", "1997 m. konvencija".
    treaty_noun_after: Regex,
    /// "signed by its president": a law's signing.
    signed_by_head: Regex,
    /// "neither ... nor" before a verb, in its sentence.
    neither_nor: Regex,
    /// Words that make an entry into force one state's, in any of the languages: "for
    /// it", "для нашої держави", "w stosunku do niej", "Eesti suhtes".
    eif_for: Regex,
    about_verb: Regex,
    future_forms: Regex,
    past_count: Regex,
    pluperfect: Regex,
}

/// The earlier (then longer) of overlapping spans wins.
fn drop_overlaps<T>(mut all: Vec<T>, span: impl Fn(&T) -> Span) -> Vec<T> {
    all.sort_by_key(|t| (span(t).start, std::cmp::Reverse(span(t).end)));
    let mut out: Vec<T> = Vec::with_capacity(all.len());
    for t in all {
        if out.last().is_some_and(|l| span(&t).start < span(l).end) {
            continue;
        }
        out.push(t);
    }
    out
}

impl ClaimFinder {
    pub fn new(lex: &'static Lexicon) -> ClaimFinder {
        // English patterns take ASCII word boundaries (see `lexicon::word_bounds`).
        let re = |p: &str| -> Regex {
            Regex::new(&format!(
                "(?i){}",
                crate::lexicon::word_bounds(p, lex.language)
            ))
            .expect("claim patterns are valid")
        };
        let numbers_alt = crate::lexicon::alternatives(&lex.numbers);
        let patterns = lex
            .triggers
            .iter()
            .map(|(t, p)| (*t, re(&p.replace("{N}", &numbers_alt))))
            .collect();
        ClaimFinder {
            lex,
            patterns,
            not_treaty_objects: re(lex.not_treaty_objects),
            recent: re(lex.recent),
            offset: re(lex.offset),
            negation: re(lex.negation),
            future: re(lex.future),
            conditional: re(lex.conditional),
            appeal: re(lex.appeal),
            generic: re(lex.generic_subject),
            rule_cue: re(lex.rule_cue),
            pronoun: re(lex.pronoun),
            plural: re(lex.plural_pronoun),
            qualifiers: lex
                .qualifiers
                .iter()
                .map(|(p, q)| (re(&format!("^(?:{p})$")), *q))
                .collect(),
            count_join: re(lex.count_join_context),
            count_sign: re(lex.count_sign_context),
            count_withdraw: re(lex.count_withdraw_context),
            count_parties: re(lex.count_parties),
            count_signatories: re(lex.count_signatories),
            aim_withdraw: re(lex.aim_withdraw),
            aim_suspend: re(lex.aim_suspend),
            aim_join: re(lex.aim_join),
            places: lex
                .places
                .iter()
                .map(|(p, id)| {
                    let p = crate::lexicon::word_bounds(&format!(r"\b(?:{p})\b"), lex.language)
                        .into_owned();
                    (Regex::new(&p).expect("valid"), *id)
                })
                .collect(),
            relative_clause: re(lex.relative_clause),
            contrast: re(lex.contrast),
            exception: re(lex.exception),
            inclusion: re(lex.inclusion),
            first: re(lex.first_word),
            last: re(lex.last_word),
            rank_groups: lex.rank_groups.iter().map(|(p, id)| (re(p), *id)).collect(),
            rules: lex
                .rules
                .iter()
                .map(|(t, p)| (*t, re(&p.replace("{N}", &numbers_alt))))
                .collect(),
            not_banned: re(lex.not_banned),
            million: re(&format!("^(?:{})$", lex.million)),
            thousand: re(&format!("^(?:{})$", lex.thousand)),
            vote_figures: re(lex.vote_figures),
            numbers: lex
                .numbers
                .iter()
                .enumerate()
                .map(|(i, n)| (re(&format!("^(?:{n})$")), i as u32 + 1))
                .collect(),
            un: re(
                r"\b(?:UN|U\.N\.|United\s+Nations|Secretary[-\s]General|ООН|ЮН|JT|ANO|ÜRO|YK|ONZ|Генеральн\w*\s+секретар\w*|generalsekret\w*|pääsihteeri\w*|Sekretarz\w*\s+Generaln\w*|generalin\w*\s+sekretori\w*|ģenerālsekretār\w*|peasekretär\w*)\b",
            ),
            permissive: re(
                r"\b(?:may|can|could|allow\w*|permit\w*|entitled|galima|gali|drīkst|var|võib|voi|voivat|może|mogą|можуть|може|могут|может|дозволя\w*|разреша\w*)\b",
            ),
            not_word: re(
                r"\b(?:not|no|never|cannot|nor|ne|nėra|nav|ei|pole|eivät|nie|не|ні|нет|без|neither)\b|n['’]t\b",
            ),
            stock_words: re(lex.stock_words),
            destroy_word: re(
                r"\b(?:destr\w*|naikin\w*|iznīcin\w*|hävit\w*|niszcz\w*|знищ\w*|уничтож\w*)",
            ),
            retain_word: re(
                r"\b(?:retain\w*|kept|keep\w*|training|mokym\w*|apmācīb\w*|väljaõpp\w*|koulutu\w*|szkoleni\w*|навчан\w*|обучени\w*)",
            ),
            period_start_wrong: re(lex.period_start_wrong),
            period_start_right: re(lex.period_start_right),
            period_follow: re(lex.period_follow),
            count_negative: re(lex.count_negative),
            count_signed_only: re(lex.count_signed_only),
            count_part: re(lex.count_part),
            modified_noun: re(
                r"^\s+(?:allies|officials|forces|troops|soldiers|partners|diplomats|neighbou?rs|military|army|navy|lawmakers|senators|companies|firms|manufacturers|media|press|envoys?|negotiators|delegation|delegates|authorities|administration|policy|position|stance|government\s+officials)\b",
            ),
            rank_to: re(
                r"\b(?:first|last|only|latest|\d{1,3}(?:st|nd|rd|th))\b[^.;]{0,50}\bto\s+(?:formally\s+|officially\s+)?$",
            ),
            duty_to: re(
                r"\b(?:required|obliged|obligated|due|has|have|had|given|gives|give)\b[^.;]{0,70}\bto\s+$",
            ),
            last_holdout: re(r"\b(?:last|final|latest)\s+(?:[\w-]+\s+){0,3}$"),
            count_further: re(lex.count_further),
            count_other_verb: re(lex.count_other_verb),
            plain_past: re(lex.plain_past),
            subordinate: re(lex.subordinate),
            future_after: re(lex.future_after),
            law_word: re(lex.law_word),
            prepositions: re(lex.prepositions),
            eif_postposition: re(lex.eif_postposition),
            eif_preposition: re(lex.eif_preposition),
            not_until: re(lex.not_until),
            reporting: re(lex.reporting),
            now_words: re(lex.now_words),
            when_link: re(lex.when_link),
            place_of: re(
                r"\b(?:within|in|inside|outside|across|throughout|among|amongst)\s+(?:the\s+)?$",
            ),
            // "the only", "the first", "the last" in every language: a predicate noun
            // that stands for the subject.
            rank_word: re(
                r"\b(?:only|first|last|sole|viimei\w*|ensimmäi\w*|ainoa\w*|єдин\w*|перш\w*|останн\w*|единств\w*|последн\w*|перв\w*|pirm\w*|paskutin\w*|vienintel\w*|vienīg\w*|pēdēj\w*|ainu\w*|esime\w*|viima\w*|jedyn\w*|pierwsz\w*|ostatni\w*)\b",
            ),
            member_of: re(
                r"^\s*(?:members?|member\s+states|countries|allies|states|nations|partners)\b",
            ),
            similar: re(lex.similar),
            about_verb: re(lex.about_verb),
            future_forms: re(lex.future_forms),
            past_count: re(lex.past_count),
            pluperfect: re(lex.pluperfect),
            eif_for: re(
                r"(?:\b(?:для|щодо|стосовно|относительно|в\s+отношении|w\s+stosunku\s+do|wobec|dla|atžvilgiu|attiecībā|suhtes|osalta|kohdalla)\b|\b(?:mūsų\s+(?:šaliai|valstybei)|mūsu\s+(?:valstij|zem)\w*|meie\s+riigi(?:le|s|\s+jaoks)|maallemme|for\s+(?:our|the)\s+country|нашей\s+стран[еы]|нашої\s+(?:держави|країни))\b)",
            ),
            neither_nor: re(r"\bneither\b[^.;]{0,200}\bnor\b[^.;]{0,60}$"),
            signed_by_head: re(
                r"^\s+(?:into\s+law|by\s+(?:its\s+|the\s+|their\s+)?(?:president|head\s+of\s+state|prime\s+minister|king|queen|governor|speaker|President\s+\w+))",
            ),
            treaty_noun_after: re(
                r"^\.?\s*(?:m\.\s+|r\.\s+|roku\s+|года\s+|року\s+|gada\s+|vuoden\s+|aasta\s+)?(?:the\s+)?(?:Ottawa\s+|Oslo\s+|mine[-\s]ban\s+|landmine\s+|anti-?personnel\s+mine\s+)?(?:convention|treaty|accord|pact|agreement|ban\b|konvencij|konwencj|конвенци|договор|договір|sopimu|konventsioon|Otavos|Otavas|Ottawa)",
            ),
            count_subject: re(
                r"\b\d{1,3}\s+(?:other\s+|more\s+)?(?:countries|states|nations|governments|states\s+parties)\s+(?:have\s+|has\s+|had\s+)?(?:now\s+|already\s+|since\s+)?$",
            ),
            no_longer: re(
                r"\b(?:no\s+longer|enam|vairs|nebe\w*|enää|już|больше|більше|уже\s+не|вже\s+не)\b",
            ),
            modal_before: re(
                r"\b(?:will|would|could|shall|may|might|(?:set|expected|poised|likely|about|going)\s+to)\s+(?:\w+\s+){0,6}$",
            ),
            took: re(
                r"\b(?:took|takes|taken|take|managed|went\s+on|first|last|only|\d{1,3}(?:st|nd|rd|th)|had|has|have|used|began|started|needed|wanted|chose|refused|failed|continues|continued)\s+(?:\w+\s+){0,3}$",
            ),
            respectively: re(lex.respectively),
            count_relative: re(
                r"^\s*(?:that|which|who)\s+(?:had\s+|have\s+)?\w+\s+(?:before|ahead\s+of)\s+(?:it|them|her|him|that)\b",
            ),
            count_total: re(
                r"\b(?:a\s+total\s+of|in\s+total|altogether|in\s+all|łącznie|w\s+sumie|kokku|yhteensä|iš\s+viso|kopā|всего|в\s+общей\s+сложности|загалом|усього)\s+$",
            ),
            more_time: re(lex.more_time),
            before_vote: re(
                r"\b(?:members|MPs|deputies|lawmakers|legislators|parliamentarians|senators|representatives)\s+$",
            ),
            anaphor: re(&format!(
                r"\b(?:{})\b",
                crate::lexicon::alternatives(lex.anaphors)
            )),
        }
    }

    fn number(&self, s: &str) -> Option<u32> {
        let t = s.trim();
        t.parse().ok().or_else(|| english_number(t)).or_else(|| {
            self.numbers
                .iter()
                .find(|(re, _)| re.is_match(t))
                .map(|(_, n)| *n)
        })
    }

    fn qual(&self, s: Option<&str>) -> Qual {
        let Some(s) = s else { return Qual::Exact };
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        self.qualifiers
            .iter()
            .find(|(re, _)| re.is_match(&s))
            .map_or(Qual::About, |(_, q)| *q)
    }

    /// Every trigger in the text, non-overlapping, at most `limit` (the flag says more
    /// were left out).
    pub fn triggers(&self, text: &str, limit: usize) -> (Vec<Trigger>, bool) {
        let mut all: Vec<Trigger> = Vec::new();
        let mut truncated = false;
        'patterns: for (kind, re) in &self.patterns {
            for caps in re.captures_iter(text) {
                if all.len() >= limit * 4 {
                    truncated = true;
                    break 'patterns;
                }
                let m = caps.get(0).expect("group 0");
                let span = Span::new(m.start(), m.end());
                let Some((kind, extra)) = self.classify(*kind, &caps, text, span) else {
                    continue;
                };
                all.push(Trigger {
                    kind,
                    span,
                    extra,
                    borrowed: false,
                });
            }
        }
        all.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end), t.kind));
        let mut out: Vec<Trigger> = Vec::new();
        for t in all {
            // "became the 162nd State Party": the place inside the act is kept too.
            let ordinal = matches!(t.extra, Extra::Ordinal { .. });
            if out.last().is_some_and(|l| t.span.start < l.span.end) && !ordinal {
                continue;
            }
            if out.len() == limit {
                truncated = true;
                break;
            }
            out.push(t);
        }
        // "Estonia acceded in 2004 and Latvia followed in 2005", "... followed suit":
        // the act of the verb before it (within 250 bytes), not a decision.
        for i in 1..out.len() {
            let t = &out[i];
            if t.kind != Trig::Follow
                && (t.kind != Trig::Decision
                    || !text[t.span.start..t.span.end].starts_with("followed"))
            {
                continue;
            }
            let start = t.span.start;
            // The main verb before, not an infinitive ("voted to leave the treaty, and
            // Poland's lower house followed": a vote, which stays a domestic decision).
            let act = out[..i]
                .iter()
                .rev()
                .take(4)
                .filter(|p| start - p.span.end <= 250 && is_event(p.kind))
                .find(|p| !text[..p.span.start].trim_end().ends_with(" to"))
                .filter(|p| {
                    matches!(
                        p.kind,
                        Trig::Signed
                            | Trig::Ratified
                            | Trig::Joined
                            | Trig::Deposited
                            | Trig::WithdrawalNotified
                            | Trig::Withdrew
                            | Trig::Suspended
                    ) || (t.kind == Trig::Follow
                        && matches!(
                            p.kind,
                            Trig::VoteOrAdopt | Trig::Tally | Trig::Law | Trig::Decree
                        ))
                });
            if let Some(p) = act {
                // Following a ratification is joining, by whatever instrument.
                let kind = match p.kind {
                    Trig::Ratified | Trig::Deposited => Trig::Joined,
                    k => k,
                };
                let extra = p.extra;
                out[i].kind = kind;
                out[i].extra = extra;
                out[i].borrowed = true;
            }
        }
        out.retain(|t| t.kind != Trig::Follow);
        // A vote's figures belong to the nearest vote before them: "Estonia's parliament
        // voted on 4 June, ... and Lithuania's Seimas voted 107 to 0" gives Estonia's
        // vote no figures (another verb after a break in the clause comes between).
        for i in 0..out.len() {
            if !matches!(out[i].extra, Extra::Vote { .. }) {
                continue;
            }
            let Some(fig) = self.vote_figures_at(text, out[i].span) else {
                continue;
            };
            let end = out[i].span.end;
            // Another verb after a break in the clause (a comma, "and"): "a vote of 175
            // to 18" is still the vote's own.
            if out[i + 1..].iter().any(|x| {
                is_event(x.kind) && x.span.start >= end && x.span.start < fig && {
                    let between = &text[end..x.span.start];
                    between.contains([',', ';']) || between.contains(" and ")
                }
            }) {
                out[i].extra = Extra::None;
            }
        }
        (out, truncated)
    }

    /// What a rank or place is in ("first to leave", "the 148th state to accept"): the
    /// aim named first in the words after it.
    fn aim_after_rank(&self, after: &str) -> Option<Aim> {
        [
            (&self.aim_withdraw, Aim::Withdraw),
            (&self.aim_join, Aim::Join),
            (&self.count_sign, Aim::Join),
        ]
        .into_iter()
        .filter_map(|(re, aim)| re.find(after).map(|m| (m.start(), aim)))
        .min_by_key(|(s, _)| *s)
        .map(|(_, a)| a)
    }

    /// Where the figures of the vote at `span` start, if they are near it.
    fn vote_figures_at(&self, text: &str, span: Span) -> Option<usize> {
        let (start, end) = self.vote_window(text, span);
        self.vote_figures
            .find(&text[start..end])
            .map(|m| start + m.start())
    }

    /// The text a vote's figures are looked for in: from a little before it to 120
    /// bytes after.
    fn vote_window(&self, text: &str, span: Span) -> (usize, usize) {
        let mut end = (span.end + 120).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut start = span.start.saturating_sub(20);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        (start, end)
    }

    /// Refines a trigger from its captures; `None` drops it.
    fn classify(
        &self,
        kind: Trig,
        caps: &Captures<'_>,
        text: &str,
        span: Span,
    ) -> Option<(Trig, Extra)> {
        match kind {
            Trig::NotSigned => {
                // "did not sign up lightly": how they joined, not that they did not.
                let next = text[span.end..].trim_start().to_lowercase();
                if next.starts_with("up ") && !next.starts_with("up to") {
                    return None;
                }
                let whole = caps.get(0)?.as_str().to_lowercase();
                // "Poland, the last holdout in the EU, ratified in 2012": a rank in
                // the past, not a state outside now.
                let lead = &text[floor(text, span.start.saturating_sub(40))..span.start];
                if self.last_holdout.is_match(lead) && !whole.ends_with('s') {
                    return None;
                }
                let signs = match caps.name("v") {
                    Some(v) => {
                        let v = v.as_str().to_lowercase();
                        self.count_sign.is_match(&v) || v.starts_with("sign")
                    }
                    None => {
                        caps.name("sig").is_some()
                            || whole.starts_with("non-sign")
                            || whole.starts_with("nonsign")
                    }
                };
                // "did not ratify until 2012": it did, in 2012.
                let after = &text[span.end..floor(text, (span.end + 60).min(text.len()))];
                if self.not_until.is_match(after) {
                    let v = caps.name("v").map(|v| v.as_str().to_lowercase());
                    let did = match v.as_deref() {
                        _ if signs => Some(Trig::Signed),
                        Some(v) if v.starts_with("ratif") => Some(Trig::Ratified),
                        Some(_) => Some(Trig::Joined),
                        None => None,
                    };
                    if let Some(did) = did {
                        return Some((did, Extra::None));
                    }
                }
                Some((
                    if signs {
                        Trig::NotSigned
                    } else {
                        Trig::NotJoined
                    },
                    Extra::None,
                ))
            }
            Trig::Count => {
                let raw = caps.name("n").or(caps.name("n2"))?.as_str();
                let n = self.number(raw)?;
                // "the four governments": a group, not a count; counts in words start at ten.
                if n == 0 || (n < 10 && !raw.chars().all(|c| c.is_ascii_digit())) {
                    return None;
                }
                // "More than 100 States Parties are attending": not about membership.
                let after = &text[span.end..floor(text, (span.end + 80).min(text.len()))];
                // (Not when a joining comes first: "have joined and destroyed".)
                if self
                    .count_other_verb
                    .find(after)
                    .is_some_and(|m| !self.count_join.is_match(m.as_str()))
                {
                    return None;
                }
                let what = match (caps.name("what"), caps.name("verb")) {
                    (Some(w), _) if self.count_signatories.is_match(w.as_str()) => {
                        CountWhat::Signed
                    }
                    (Some(w), _) if self.count_parties.is_match(w.as_str()) => CountWhat::Parties,
                    // "Stronami traktatu jest 160 państw": the parties named just before
                    // the figure, in its sentence.
                    (Some(_), _) if self.parties_before(text, span.start) => CountWhat::Parties,
                    (Some(_), _) => CountWhat::Joined,
                    (None, Some(v)) if self.count_sign.is_match(v.as_str()) => CountWhat::Signed,
                    (None, Some(v))
                        if self.aim_join.is_match(v.as_str())
                            && v.as_str().to_lowercase().starts_with("ratif") =>
                    {
                        CountWhat::Ratified
                    }
                    (None, _) => CountWhat::Joined,
                };
                let mut qual = self.qual(caps.name("q").or(caps.name("qv")).map(|m| m.as_str()));
                if caps.name("plus").is_some() {
                    qual = Qual::MoreThan;
                }
                Some((
                    kind,
                    Extra::Count {
                        qual,
                        n,
                        what,
                        past: false,
                    },
                ))
            }
            Trig::Stockpile => {
                let raw = caps
                    .name("n")
                    .or(caps.name("n2"))
                    .or(caps.name("n3"))
                    .or(caps.name("n4"))
                    .map(|m| m.as_str().to_lowercase());
                // "milijoną minų": a million with no figure before it.
                let base = match raw {
                    Some(r) => self.figure(&r)?,
                    None => 1.0,
                };
                let whole = caps.get(0)?.as_str().to_lowercase();
                let what = if caps.name("n4").is_some() || self.destroy_word.is_match(&whole) {
                    StockWhat::Destroyed
                } else if self.retain_word.is_match(&whole) {
                    StockWhat::Retained
                } else {
                    StockWhat::Held
                };
                let mult = caps
                    .name("mult")
                    .or(caps.name("mult2"))
                    .or(caps.name("mult3"))
                    .or(caps.name("mult4"))
                    .map(|m| m.as_str().to_lowercase());
                let mult = match mult {
                    Some(m) if self.million.is_match(&m) => 1_000_000.0,
                    Some(m) if self.thousand.is_match(&m) => 1_000.0,
                    Some(_) => 1.0,
                    None if base < 10.0 => return None,
                    None => 1.0,
                };
                let qual = self.qual(
                    caps.name("q")
                        .or(caps.name("q2"))
                        .or(caps.name("q3"))
                        .or(caps.name("q4"))
                        .map(|m| m.as_str()),
                );
                Some((
                    kind,
                    Extra::Stock {
                        qual,
                        n: base * mult,
                        what,
                    },
                ))
            }
            // "ratified Protocol V", "ratified the law": not the treaty.
            Trig::Ratified if self.not_treaty_objects.is_match(&text[span.end..]) => None,
            Trig::Signed => {
                // "signed a decree", "signed the law": not the treaty.
                if self.not_treaty_objects.is_match(&text[span.end..]) {
                    return None;
                }
                // "had signed up years earlier": joined.
                if self.lex.language == crate::lang::Language::En
                    && text[span.end..].to_lowercase().starts_with(" up")
                    && !text[span.end..].to_lowercase().starts_with(" up to")
                {
                    return Some((Trig::Joined, Extra::None));
                }
                // "the president signed off on it": an approval, a domestic step.
                if self.lex.language == crate::lang::Language::En
                    && text[span.end..].to_lowercase().starts_with(" off")
                {
                    return Some((Trig::Decision, Extra::None));
                }
                // "a withdrawal law ..., signed by its president in April": a law's
                // signing, not the treaty's.
                let after = &text[span.end..floor(text, (span.end + 40).min(text.len()))];
                if self.signed_by_head.is_match(after) {
                    return None;
                }
                Some((kind, Extra::None))
            }
            Trig::Rank if caps.name("ord").is_some() => {
                let n: u32 = caps.name("ord")?.as_str().parse().ok()?;
                let whole = caps.get(0)?.as_str();
                let after = &text[span.end..floor(text, (span.end + 60).min(text.len()))];
                let aim = if whole.to_lowercase().ends_with("to") {
                    self.aim_after_rank(after).unwrap_or(Aim::Join)
                } else {
                    // "the 31st State Party to clear all mined areas": a place in another
                    // race than joining.
                    let after = after.trim_start().to_lowercase();
                    if let Some(rest) = after.strip_prefix("to ") {
                        let word = rest.split_whitespace().next().unwrap_or("");
                        let joins = self.aim_join.find(rest).is_some_and(|m| m.start() == 0);
                        if !joins
                            && !matches!(word, "the" | "this" | "that" | "it" | "its" | "a" | "an")
                        {
                            return None;
                        }
                    }
                    Aim::Join
                };
                Some((kind, Extra::Ordinal { n, aim }))
            }
            Trig::Rank => {
                let t = caps.get(0)?.as_str();
                // "among the first countries to sign": no rank is claimed.
                if text[..span.start]
                    .trim_end()
                    .to_lowercase()
                    .ends_with("among")
                {
                    return None;
                }
                let first = if self.first.is_match(t) {
                    true
                } else if self.last.is_match(t) {
                    false
                } else {
                    return None;
                };
                let group = self
                    .rank_groups
                    .iter()
                    .find(|(re, _)| re.is_match(t))
                    .map_or("world", |(_, g)| *g);
                // What it was first or last to do: the words after the trigger.
                let after = &text[span.end..floor(text, (span.end + 60).min(text.len()))];
                let aim = self.aim_after_rank(after)?;
                Some((kind, Extra::Rank { first, group, aim }))
            }
            Trig::VoteOrAdopt | Trig::Decision | Trig::Tally => {
                // The vote's figures, if given near it.
                let (start, end) = self.vote_window(text, span);
                let near = &text[start..end];
                let extra = self
                    .vote_figures
                    .captures(near)
                    .and_then(|c| {
                        Some(Extra::Vote {
                            yes: c.name("for")?.as_str().parse().ok()?,
                            against: c.name("against")?.as_str().parse().ok()?,
                        })
                    })
                    .filter(|v| matches!(v, Extra::Vote { yes, .. } if *yes >= 10))
                    .unwrap_or(Extra::None);
                Some((kind, extra))
            }
            _ => Some((kind, Extra::None)),
        }
    }

    /// "1,029,763", "1.2", "a", "one", "six": a figure.
    fn figure(&self, raw: &str) -> Option<f64> {
        let r = raw.trim();
        if let Some(n) = self.number(r) {
            return Some(f64::from(n));
        }
        let digits: String = r.chars().filter(|c| !c.is_whitespace()).collect();
        // "1,029,763" and "1 029 763" are thousands; "1,2" and "1.2" a decimal.
        let groups: Vec<&str> = digits.split([',', '.']).collect();
        if groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) {
            return digits.replace([',', '.'], "").parse().ok();
        }
        digits.replace(',', ".").parse().ok()
    }
}

/// The index of the piece holding `pos` (the last piece starting at or before it).
fn piece_of(pieces: &[Piece], pos: usize) -> usize {
    pieces
        .iter()
        .rposition(|p| p.span.start <= pos && pos < p.span.end.max(p.span.start + 1))
        .or_else(|| pieces.iter().rposition(|p| p.span.start <= pos))
        .unwrap_or(0)
}

/// Whether a body is a parliament: its votes are the steps recorded as votes.
pub fn is_parliament(name: &str) -> bool {
    matches!(
        name,
        "parliament"
            | "Seimas"
            | "Saeima"
            | "Riigikogu"
            | "Eduskunta"
            | "Sejm"
            | "Senate"
            | "Verkhovna Rada"
            | "State Duma"
            | "Storting"
            | "Riksdag"
            | "Folketing"
            | "Althing"
            | "Bundestag"
            | "Nationalrat"
            | "Knesset"
            | "Majlis"
            | "Oireachtas"
            | "Dáil"
    )
}

/// What a state's possessive may stand before and still be the state's own act
/// ("Poland's withdrawal", "Finland's accession").
const OWN_ACTS: [&str; 12] = [
    "withdrawal",
    "exit",
    "departure",
    "accession",
    "ratification",
    "signature",
    "instrument",
    "notice",
    "notification",
    "decision",
    "membership",
    "stockpile",
];

/// Stems of ceasing, in the eight languages: a treaty that ceases to bind is never one
/// entering into force.
const CEASE_STEMS: &[&str] = &[
    "cease",
    "stop",
    "przesta",
    "перестал",
    "перестан",
    "перестає",
    "перестане",
    "припин",
    "прекрат",
    "nusto",
    "beidz",
    "lakka",
    "lakkaa",
    "kaota",
    "lõpe",
];

/// Whether a trigger is a verb of its own, that bounds the dates and subjects of the
/// triggers beside it (counts and figures do not).
fn is_event(t: Trig) -> bool {
    !matches!(
        t,
        Trig::Count | Trig::Stockpile | Trig::Arsenal | Trig::Production | Trig::Nominal
    )
}

/// English numbers in words, up to 199: "sixty-five", "one hundred and seven".
fn english_number(s: &str) -> Option<u32> {
    const UNITS: [&str; 19] = [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let lower = s.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && *w != "and")
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut total = 0u32;
    let mut i = 0;
    if words.len() >= 2 && matches!(words[0], "one" | "a") && words[1] == "hundred" {
        total = 100;
        i = 2;
    }
    let mut seen = i > 0;
    while i < words.len() {
        let w = words[i];
        if let Some(t) = TENS.iter().position(|x| *x == w) {
            total += (t as u32 + 2) * 10;
        } else if let Some(u) = UNITS.iter().position(|x| *x == w) {
            total += u as u32 + 1;
        } else {
            return None;
        }
        seen = true;
        i += 1;
    }
    seen.then_some(total)
}

impl ClaimFinder {
    /// A word for the parties in the 50 bytes before a count, in its sentence.
    fn parties_before(&self, text: &str, start: usize) -> bool {
        let from = floor(text, start.saturating_sub(50));
        let before = text.get(from..start).unwrap_or("");
        let before = before.rsplit(['.', '\n', ';']).next().unwrap_or("");
        self.count_parties.is_match(before)
    }
}

/// The words that may lead a date opening a clause ("in", "by the end of", "w", "до"):
/// a date after a comma and other words sits in an aside.
const DATE_LEAD_WORDS: &[&str] = &[
    "in",
    "on",
    "by",
    "since",
    "as",
    "of",
    "from",
    "until",
    "at",
    "the",
    "end",
    "late",
    "early",
    "mid",
    "start",
    "beginning",
    "then",
    "and",
    "back",
    "w",
    "we",
    "od",
    "do",
    "z",
    "в",
    "во",
    "у",
    "з",
    "с",
    "от",
    "до",
    "на",
    "nuo",
    "iki",
    "no",
    "līdz",
    "alates",
    "kuni",
    "vuonna",
    "vuodesta",
    "jo",
    "jau",
    "już",
    "уже",
    "вже",
];

/// A position moved to a character boundary, down.
fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl ClaimFinder {
    /// Cuts a sentence into clauses: main pieces, relative clauses, brackets,
    /// conditions, exceptions and inclusions.
    fn segments(&self, text: &str, sent: Span, named: &[Named]) -> Vec<Piece> {
        #[derive(Clone, Copy, PartialEq, Eq)]
        enum Mark {
            Relative,
            Contrast,
            Exception,
            Inclusion,
            Open,
        }
        // Bounded: a sentence is read for clauses over its first 4,000 bytes.
        let end = floor(text, sent.end.min(sent.start + 4000)).max(sent.start);
        let s = &text[sent.start..end];
        let mut marks: Vec<(Span, Mark)> = Vec::new();
        for (re, kind) in [
            (&self.relative_clause, Mark::Relative),
            (&self.contrast, Mark::Contrast),
            (&self.exception, Mark::Exception),
            (&self.inclusion, Mark::Inclusion),
        ] {
            for m in re.find_iter(s).take(200) {
                marks.push((
                    Span::new(sent.start + m.start(), sent.start + m.end()),
                    kind,
                ));
            }
        }
        for (i, c) in s.char_indices().take(4000) {
            if c == '(' {
                marks.push((Span::new(sent.start + i, sent.start + i + 1), Mark::Open));
            }
        }
        // An apposition after a state: "The Marshall Islands, the last state that had
        // signed, deposited ...", "Finland, long the most reluctant, acceded".
        for n in named.iter().take(200) {
            if !matches!(n.who, Who::State(..) | Who::Group(_)) || n.span.end >= end {
                continue;
            }
            let rest = &text[n.span.end..end];
            let Some(after) = rest.strip_prefix(", ") else {
                continue;
            };
            let word = after
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            // "Finland, the Baltic states and Poland": a list, not an apposition ("Russia,
            // the country the Baltic states fear, ..." is one).
            let next_named = named
                .iter()
                .find(|x| x.span.start > n.span.end)
                .is_some_and(|x| {
                    let gap = text[n.span.end..x.span.start].trim_start_matches([',', ' ']);
                    let gap = gap.to_lowercase();
                    let gap = gap.trim();
                    gap.is_empty() || gap == "the" || gap == "and" || gap == "and the"
                });
            if self.lex.apposition_words.contains(&word.as_str()) && !next_named {
                marks.push((Span::new(n.span.end, n.span.end + 1), Mark::Relative));
            }
        }
        // An exception ("but not") wins over the contrast ("but") it starts with.
        marks.sort_by_key(|(sp, k)| (sp.start, std::cmp::Reverse(sp.end), *k as u8));
        let marks = drop_overlaps(marks, |(sp, _)| *sp);

        let mut pieces: Vec<Piece> = Vec::new();
        let mut group = 0usize;
        let mut next_group = 1usize;
        let mut main_start = sent.start;
        let mut resume_after = sent.start;
        let comma_after =
            |from: usize| -> usize { text[from..end].find([',', ';']).map_or(end, |i| from + i) };
        let starts: Vec<usize> = marks.iter().map(|(sp, _)| sp.start).collect();
        for (sp, kind) in marks {
            if sp.start < resume_after {
                continue;
            }
            // The next clause word after this one: an inclusion or exception stops there
            // ("including every NATO member except the United States").
            let next_mark = starts
                .iter()
                .copied()
                .find(|&s| s > sp.start)
                .unwrap_or(end);
            if sp.start > main_start {
                pieces.push(Piece {
                    span: Span::new(main_start, sp.start),
                    kind: SegKind::Main,
                    group,
                });
            }
            let (piece_end, piece_kind) = match kind {
                Mark::Contrast => {
                    group = next_group;
                    next_group += 1;
                    main_start = sp.start;
                    resume_after = sp.end;
                    continue;
                }
                Mark::Relative => (self.relative_end(text, sp.end, end), SegKind::Relative),
                Mark::Open => (
                    text[sp.end..end].find(')').map_or(end, |i| sp.end + i + 1),
                    SegKind::Paren,
                ),
                // Opening the sentence ("Unlike Ukraine, Russia has never ..."): to the
                // first comma; the main clause's subject follows it.
                Mark::Exception | Mark::Inclusion
                    if text[sent.start..sp.start].trim().is_empty() =>
                {
                    (
                        comma_after(sp.end).min(next_mark),
                        if kind == Mark::Exception {
                            SegKind::Exception
                        } else {
                            SegKind::Inclusion
                        },
                    )
                }
                Mark::Exception | Mark::Inclusion => {
                    // Over the list of states right after the marker; else to the next comma.
                    let after = within(named, Span::new(sp.end, end), |n| n.span.start);
                    let list_end = after
                        .first()
                        .filter(|n| {
                            // "Germany among them, but Russia ...": a clause word
                            // before the list ends the inclusion.
                            n.span.start - sp.end <= 20
                                && n.span.start < next_mark
                                && matches!(n.who, Who::State(..) | Who::Group(_))
                        })
                        .map(|_| {
                            let items = self.list(text, after, false);
                            items.last().map_or(sp.end, |(_, s)| s.end)
                        });
                    (
                        list_end.unwrap_or_else(|| comma_after(sp.end).min(next_mark)),
                        if kind == Mark::Exception {
                            SegKind::Exception
                        } else {
                            SegKind::Inclusion
                        },
                    )
                }
            };
            pieces.push(Piece {
                span: Span::new(sp.start, piece_end.max(sp.end)),
                kind: piece_kind,
                group: next_group,
            });
            next_group += 1;
            main_start = piece_end.max(sp.end);
            resume_after = main_start;
        }
        if main_start < sent.end || pieces.is_empty() {
            pieces.push(Piece {
                span: Span::new(main_start, sent.end),
                kind: SegKind::Main,
                group,
            });
        }
        // A condition opening the sentence runs to its first comma.
        if let Some(first) = pieces.first().copied()
            && first.kind == SegKind::Main
            && self
                .conditional
                .is_match(&text[first.span.start..first.span.end])
        {
            let cut = text[first.span.start..first.span.end]
                .find(',')
                .map(|i| first.span.start + i);
            match cut {
                Some(c) => {
                    pieces[0].span.start = c;
                    pieces.insert(
                        0,
                        Piece {
                            span: Span::new(first.span.start, c),
                            kind: SegKind::Condition,
                            group: next_group,
                        },
                    );
                }
                None => pieces[0].kind = SegKind::Condition,
            }
        }
        pieces
    }

    /// A list of states: "Poland, Latvia and Estonia", "China, Russia, the United
    /// States", "the Baltic states and Poland", "Russia nor China". `backward`: the
    /// list ends with the last item of `items`; else it starts with the first. At most
    /// 30 states.
    fn list(&self, text: &str, items: &[Named], backward: bool) -> Vec<(StateCode, Span)> {
        let joins = |gap: &str| {
            // A comma or a joining word: "Russia Lithuania" is not a list.
            if gap.trim().is_empty() {
                return false;
            }
            let g = gap.trim().to_lowercase();
            // "Finland's and Poland's parliaments".
            let g = g
                .strip_prefix("'s")
                .or_else(|| g.strip_prefix("\u{2019}s"))
                .unwrap_or(&g)
                .trim()
                .to_string();
            let g = g.trim_end_matches(" the").trim_end_matches("the").trim();
            let g = g.trim_start_matches(',').trim();
            let g = g
                .strip_suffix(" both")
                .or_else(|| g.strip_suffix("both"))
                .unwrap_or(g)
                .trim();
            g.is_empty()
                || self
                    .lex
                    .list_joins
                    .iter()
                    .any(|j| g == *j || g.strip_prefix(j).is_some_and(|r| r.trim().is_empty()))
        };
        let mut out: Vec<(StateCode, Span)> = Vec::new();
        let push = |c: StateCode, s: Span, out: &mut Vec<(StateCode, Span)>| {
            if !out.iter().any(|(x, _)| *x == c) {
                out.push((c, s));
            }
        };
        let walk: Box<dyn Iterator<Item = &Named>> = if backward {
            Box::new(items.iter().rev())
        } else {
            Box::new(items.iter())
        };
        let mut prev: Option<&Named> = None;
        for n in walk.take(60) {
            let codes: Vec<StateCode> = match &n.who {
                Who::State(c, _) => vec![*c],
                Who::Group(cs) => cs.clone(),
                _ => break,
            };
            if let Some(p) = prev {
                let (first, second) = if backward {
                    (n.span, p.span)
                } else {
                    (p.span, n.span)
                };
                if first.end > second.start || !joins(&text[first.end..second.start]) {
                    break;
                }
                // "citing the threat from Russia, and Vilnius notified": a name after a
                // preposition, joined by a comma and "and" to the subject, ends a clause
                // before ("those of China, Russia and Pakistan" is one list).
                let gap = &text[first.end..second.start];
                if backward
                    && out.len() == 1
                    && gap.contains(',')
                    && gap
                        .trim_start_matches([',', ' '])
                        .split_whitespace()
                        .count()
                        == 1
                    && self
                        .prepositions
                        .is_match(&text[floor(text, n.span.start.saturating_sub(30))..n.span.start])
                {
                    break;
                }
            }
            for c in codes {
                push(c, n.span, &mut out);
            }
            prev = Some(n);
            if out.len() >= 30 {
                break;
            }
        }
        if backward {
            out.reverse();
        }
        out
    }

    /// The states a pronoun before `at` stands for: the last state named before it (a
    /// single pronoun), or the last list (a plural one: "both", "the five countries").
    fn antecedent(
        &self,
        text: &str,
        all: &[Named],
        at: usize,
        plural: Option<usize>,
    ) -> Option<Subject> {
        let i = all.partition_point(|n| n.span.end <= at);
        let before = &all[..i];
        let last = before.iter().rev().take(200).find(|n| {
            matches!(
                n.who,
                Who::State(..) | Who::Group(_) | Who::Body(_, Some(_)) | Who::Treaty
            )
        })?;
        if at.saturating_sub(last.span.end) > 1500 {
            return None;
        }
        match (&last.who, plural) {
            (Who::Treaty, None) => Some(Subject::Treaty),
            (Who::Body(_, Some(c)), None) => Some(Subject::States(vec![(*c, last.span)])),
            (Who::State(c, _), None) => Some(Subject::States(vec![(*c, last.span)])),
            (Who::Group(cs), _) => Some(Subject::States(
                cs.iter().map(|c| (*c, last.span)).collect(),
            )),
            (_, Some(n)) => {
                // The last list before the pronoun, or else the last n states named.
                let states: Vec<&Named> = before
                    .iter()
                    .rev()
                    .take(200)
                    .filter(|x| matches!(x.who, Who::State(..) | Who::Group(_)))
                    .collect();
                let j = before
                    .iter()
                    .rposition(|x| matches!(x.who, Who::State(..) | Who::Group(_)))?;
                let list = self.list(text, &before[..=j], true);
                if list.len() >= 2 && (n == 0 || list.len() == n) {
                    return Some(Subject::States(list));
                }
                if n == 0 {
                    return None;
                }
                // "the five": the last list of exactly five states named before.
                let _ = states;
                let found = self.last_list_of(text, before, at, n);
                if found.is_some() {
                    return found;
                }
                // Else the last five states named, if close enough.
                let mut last_n: Vec<(StateCode, Span)> = Vec::new();
                for x in before.iter().rev().take(200) {
                    if at.saturating_sub(x.span.end) > 1500 {
                        break;
                    }
                    // Not "its border with Russia".
                    let from = floor(text, x.span.start.saturating_sub(30));
                    if let Who::State(c, _) = &x.who
                        && !last_n.iter().any(|(d, _)| d == c)
                        && !self.prepositions.is_match(&text[from..x.span.start])
                    {
                        last_n.push((*c, x.span));
                        if last_n.len() == n {
                            last_n.reverse();
                            return Some(Subject::States(last_n));
                        }
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// The last list of exactly `n` states named before `at`.
    fn last_list_of(&self, text: &str, before: &[Named], at: usize, n: usize) -> Option<Subject> {
        {
            let from = before.len().saturating_sub(200);
            for k in (from..before.len()).rev() {
                if !matches!(before[k].who, Who::State(..) | Who::Group(_)) {
                    continue;
                }
                if at.saturating_sub(before[k].span.end) > 4000 {
                    break;
                }
                let list = self.list(text, &before[from..=k], true);
                if list.len() == n {
                    return Some(Subject::States(list));
                }
            }
            None
        }
    }

    /// The states a body belongs to when several are named with it: "the defence
    /// ministers of Estonia, Latvia, Lithuania and Poland", "Finland's and Poland's
    /// parliaments", "Lietuvos, Latvijos, Estijos ir Lenkijos ... ministrai".
    fn body_list(&self, text: &str, named: &[Named], body: Span) -> Vec<(StateCode, Span)> {
        let i = named.partition_point(|n| n.span.start < body.end);
        let after = &named[i..];
        if let Some(first) = after.first() {
            let gap = &text[body.end..first.span.start.max(body.end)];
            let ok = [" of ", " of the ", " ", " obrony ", " of their "].contains(&gap)
                || self.lex.body_gaps_after.contains(&gap);
            if ok && matches!(first.who, Who::State(..) | Who::Group(_)) {
                let l = self.list(text, after, false);
                if l.len() >= 2 {
                    return l;
                }
            }
        }
        let j = named.partition_point(|n| n.span.end <= body.start);
        if j > 0 {
            let last = &named[j - 1];
            let gap = &text[last.span.end..body.start];
            let ok = [" ", "'s ", "\u{2019}s ", "' "].contains(&gap)
                || self.lex.body_gaps_before.contains(&gap)
                || gap.split_whitespace().count() <= 3 && !gap.contains([',', '.', ';']);
            if ok && matches!(last.who, Who::State(..) | Who::Group(_)) {
                let l = self.list(text, &named[..j], true);
                if l.len() >= 2 {
                    return l;
                }
            }
        }
        Vec::new()
    }

    /// The last state named before `at` (not the treaty), within 1,500 bytes.
    fn state_antecedent(&self, all: &[Named], at: usize) -> Option<Subject> {
        let i = all.partition_point(|n| n.span.end <= at);
        let last = all[..i].iter().rev().take(200).find(|n| {
            matches!(
                n.who,
                Who::State(..) | Who::Group(_) | Who::Body(_, Some(_))
            )
        })?;
        if at.saturating_sub(last.span.end) > 1500 {
            return None;
        }
        Some(match &last.who {
            Who::State(c, _) | Who::Body(_, Some(c)) => Subject::States(vec![(*c, last.span)]),
            Who::Group(cs) => Subject::States(cs.iter().map(|c| (*c, last.span)).collect()),
            _ => return None,
        })
    }

    /// Who a trigger is about, in its clause. The second value is true when the
    /// subject itself negates ("neither country").
    #[allow(clippy::too_many_arguments)]
    fn subject(
        &self,
        f: &Found<'_>,
        scope: &[Named],
        piece: Piece,
        hi: usize,
        sent_named: &[Named],
        t: &Trigger,
        triggers: &[Trigger],
        last_state: Option<(StateCode, Span, usize)>,
        si: usize,
    ) -> (Subject, bool, Option<Doubt>) {
        let text = f.text;
        // "a recommendation by the defence ministers of ...": the agent follows.
        let trig_text = &text[t.span.start..t.span.end];
        if t.kind == Trig::Decision
            && [" by", " of", " from"]
                .iter()
                .any(|e| trig_text.ends_with(e))
            && let Some(k) = scope
                .iter()
                .position(|n| n.span.start >= t.span.end && n.span.start < hi.max(t.span.end))
        {
            let n = &scope[k];
            match &n.who {
                Who::State(..) | Who::Group(_) => {
                    return (
                        Subject::States(self.list(text, &scope[k..], false)),
                        false,
                        None,
                    );
                }
                Who::Body(name, code) => {
                    return (Subject::Body(name.clone(), *code, n.span), false, None);
                }
                Who::Treaty => {}
            }
        }
        // Named things before the trigger in its clause; the treaty as the object of an
        // earlier verb ("joined the treaty in 2012 and withdrew") is passed over.
        // Named things inside another trigger's words ("the first among the Baltic
        // states") are not subjects.
        let inside_trigger = |n: &Named| {
            let i = triggers.partition_point(|x| x.span.start <= n.span.start);
            triggers[..i].iter().rev().take(3).any(|x| {
                x.span != t.span && x.span.start <= n.span.start && n.span.end <= x.span.end
            })
        };
        // In a relative clause only its own words; else what it hangs on (below).
        let before: Vec<&Named> = scope
            .iter()
            .filter(|n| n.span.end <= t.span.start && !inside_trigger(n))
            .filter(|n| piece.kind != SegKind::Relative || n.span.start >= piece.span.start)
            .collect();
        let mut last: Option<usize> = None;
        for (k, n) in before.iter().enumerate().rev() {
            if n.who == Who::Treaty {
                let prev_end = if k > 0 {
                    before[k - 1].span.end
                } else {
                    piece.span.start
                };
                // Not across a colon ("set the date for entry into force: under
                // Article 17, the Convention takes effect ...").
                // (Triggers are sorted by start; every scan here is bounded, for
                // sentences that never end.)
                let between = |from: usize, to: usize| {
                    let i = triggers.partition_point(|y| y.span.start < from);
                    triggers[i..]
                        .iter()
                        .take(50)
                        .take_while(move |y| y.span.start < to)
                        .filter(move |y| y.span.end <= to)
                };
                let colon = |from: usize, to: usize| {
                    to.saturating_sub(from) > 400 || text[from..to].contains(':')
                };
                let object =
                    between(prev_end, n.span.start).any(|x| !colon(x.span.end, n.span.start));
                // The treaty after a state is the object ("Lietuva konvenciją pasirašė").
                // ... with no verb or colon between them.
                let state_before = before[k.saturating_sub(8)..k].iter().any(|x| {
                    matches!(x.who, Who::State(..) | Who::Group(_) | Who::Body(..))
                        && !colon(x.span.end, n.span.start)
                        && between(x.span.end, n.span.start).next().is_none()
                });
                if (object || state_before) && k > 0 {
                    continue;
                }
                // Only the treaty's own events have it as their subject.
                if !matches!(
                    t.kind,
                    Trig::InForce
                        | Trig::Opened
                        | Trig::VoteOrAdopt
                        | Trig::Signed
                        | Trig::Ratified
                        | Trig::WithdrawalEffect
                        | Trig::Count
                ) {
                    continue;
                }
            }
            // "with Russia", "з Росією": not the subject.
            if matches!(n.who, Who::State(..) | Who::Group(_)) {
                let from = floor(text, n.span.start.saturating_sub(30));
                if self.prepositions.is_match(&text[from..n.span.start]) {
                    continue;
                }
                // "many US allies have renounced": the name qualifies the subject.
                if self.lex.language == crate::lang::Language::En
                    && self.modified_noun.is_match(&text[n.span.end..])
                {
                    continue;
                }
            }
            last = Some(k);
            break;
        }
        let window_from = floor(
            text,
            last.map_or(piece.span.start, |k| before[k].span.end)
                .max(t.span.start.saturating_sub(160)),
        );
        let window = &text[window_from.min(t.span.start)..t.span.start];
        // "a state", "States Parties": the rules.
        if self.generic.is_match(window) {
            return (Subject::Generic, false, None);
        }
        // "... that 164 countries have joined": a count is the subject, not a state.
        if self.count_subject.is_match(window) {
            return (Subject::Generic, false, None);
        }
        // A pronoun right before the verb.
        if let Some(m) = self
            .plural
            .captures(window)
            .filter(|m| m.get(0).is_some_and(|g| g.end() + 30 >= window.len()))
        {
            let whole = m.get(0).expect("group 0").as_str().to_lowercase();
            let n = whole
                .split_whitespace()
                .find_map(|w| self.number(w))
                .or_else(|| (whole.contains("both") || m.name("neg").is_some()).then_some(2))
                .unwrap_or(0) as usize;
            if let Some(s) = self.antecedent(
                text,
                f.named,
                window_from + m.get(0).expect("g").start(),
                Some(n),
            ) {
                return (s, m.name("neg").is_some(), Some(Doubt::Pronoun));
            }
        }
        if let Some(pm) = self.pronoun.find(window) {
            let at = window_from + pm.start();
            let treaty_event = matches!(t.kind, Trig::InForce | Trig::Opened);
            // A state's act: the state the last claim was about, if it was in this
            // sentence or the two before; else the last state named.
            let recent = last_state
                .filter(|(_, _, s)| s + 2 >= si && !treaty_event)
                .map(|(c, sp, _)| Subject::States(vec![(c, sp)]));
            // A state named earlier in this sentence comes first ("Finland said that it
            // planned to quit").
            let in_sentence = (!treaty_event)
                .then(|| {
                    sent_named
                        .iter()
                        .rev()
                        .filter(|n| {
                            n.span.end <= at && matches!(n.who, Who::State(..) | Who::Group(_))
                        })
                        .find(|n| {
                            let from = floor(text, n.span.start.saturating_sub(30));
                            !self.prepositions.is_match(&text[from..n.span.start])
                        })
                        .map(|n| match &n.who {
                            Who::State(c, _) => Subject::States(vec![(*c, n.span)]),
                            Who::Group(cs) => {
                                Subject::States(cs.iter().map(|c| (*c, n.span)).collect())
                            }
                            _ => Subject::None,
                        })
                })
                .flatten();
            let found = in_sentence.or(recent).or_else(|| {
                if treaty_event {
                    self.antecedent(text, f.named, at, None)
                } else {
                    self.state_antecedent(f.named, at)
                }
            });
            if let Some(s) = found {
                return (s, false, Some(Doubt::Pronoun));
            }
        }
        // "Riigikogu võttis ... vastu, 13. juunil kiitis selle heaks president Alar
        // Karis": a body right after the verb, with a comma since the one before.
        // Outside English, states too, with a pronoun between ("samuti ei kuulu
        // sellesse Ameerika Ühendriigid ega Hiina").
        if let Some(k) = last
            && text[before[k].span.end..t.span.start].contains(',')
            && let Some(i) = scope.iter().position(|n| n.span.start >= t.span.end)
        {
            let n = &scope[i];
            let gap = text[t.span.end..n.span.start].split_whitespace().count();
            match &n.who {
                Who::Body(name, code) if gap == 0 => {
                    return (Subject::Body(name.clone(), *code, n.span), false, None);
                }
                Who::State(..) | Who::Group(_)
                    if gap <= 1 && self.lex.language != crate::lang::Language::En =>
                {
                    return (
                        Subject::States(self.list(text, &scope[i..], false)),
                        false,
                        None,
                    );
                }
                _ => {}
            }
        }
        if let Some(k) = last {
            let n = before[k];
            let doubt = text[n.span.end..t.span.start]
                .contains(':')
                .then_some(Doubt::Colon);
            return match &n.who {
                Who::State(..) | Who::Group(_) => {
                    let items: Vec<Named> = before[..=k].iter().map(|x| (*x).clone()).collect();
                    (Subject::States(self.list(text, &items, true)), false, doubt)
                }
                Who::Body(name, code) => (Subject::Body(name.clone(), *code, n.span), false, doubt),
                Who::Treaty => (Subject::Treaty, false, doubt),
            };
        }
        // In a relative clause: what it hangs on.
        if piece.kind == SegKind::Relative {
            let ante: Vec<Named> = sent_named
                .iter()
                .filter(|n| n.span.end <= piece.span.start)
                .cloned()
                .collect();
            if ante.is_empty()
                && let Some((c, sp, s)) = last_state
                && s == si
            {
                // "It missed its deadline ..., which once stood at ...": the state of
                // the clause it hangs on.
                return (Subject::States(vec![(c, sp)]), false, Some(Doubt::Relative));
            }
            // "riigid, kes ...": what it hangs on is a word, not a name; but "Finland
            // became the last EU country, which joined": the state itself.
            if let Some(n) = ante.last()
                && text[n.span.end..piece.span.start]
                    .split_whitespace()
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .count()
                    >= 3
                && !self.rank_word.is_match(&text[n.span.end..piece.span.start])
            {
                let _ = n;
                return (Subject::Generic, false, None);
            }
            if let Some(n) = ante.last() {
                // "Finland, which only joined in 2011": the clause opens right after the
                // state's name, so it is the state's own.
                // Not after a preposition ("The debate moved to Finland, which ..."):
                // the state is then no subject of the sentence, and the clause may be
                // read as hanging on more than its name.
                let word_before = text[f.sentences[si].start.min(n.span.start)..n.span.start]
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("")
                    .to_lowercase();
                let after_preposition = matches!(
                    word_before.as_str(),
                    "to" | "in"
                        | "with"
                        | "of"
                        | "from"
                        | "by"
                        | "for"
                        | "on"
                        | "at"
                        | "like"
                        | "than"
                        | "as"
                        | "including"
                        | "about"
                        | "against"
                        | "between"
                        | "among"
                        | "into"
                        | "over"
                        | "under"
                        | "visited"
                        | "and"
                );
                let adjacent = text[n.span.end..piece.span.start]
                    .trim_matches(|c: char| c == ',' || c.is_whitespace())
                    .is_empty()
                    && matches!(n.who, Who::State(..))
                    && !after_preposition;
                return match &n.who {
                    Who::State(..) | Who::Group(_) => {
                        let states = self.list(text, &ante, true);
                        // A list before it: the clause may hang on its last item only.
                        let doubt = (!adjacent || states.len() > 1).then_some(Doubt::Relative);
                        (Subject::States(states), false, doubt)
                    }
                    Who::Body(name, code) => (
                        Subject::Body(name.clone(), *code, n.span),
                        false,
                        Some(Doubt::Relative),
                    ),
                    Who::Treaty => (Subject::Treaty, false, Some(Doubt::Relative)),
                };
            }
        }
        // A clause after "but" with no subject of its own: the states of the clause
        // before ("Poland and Ukraine have signed, but have not ratified").
        if piece.kind == SegKind::Main && piece.group > 0 {
            let prev: Vec<Named> = sent_named
                .iter()
                .filter(|n| {
                    n.span.end <= piece.span.start
                        && matches!(n.who, Who::State(..) | Who::Group(_))
                        && !inside_trigger(n)
                })
                .cloned()
                .collect();
            let starts_without_subject = !scope
                .iter()
                .any(|n| n.span.start >= piece.span.start && n.span.end <= t.span.start);
            // "..., a wcześniej podobne decyzje podjęły parlamenty Litwy": the subject
            // right after the verb.
            let subject_follows = scope
                .iter()
                .find(|n| n.span.start >= t.span.end)
                .is_some_and(|n| {
                    matches!(n.who, Who::State(..) | Who::Group(_) | Who::Body(..))
                        && text[t.span.end..n.span.start].trim().is_empty()
                });
            if starts_without_subject && !subject_follows && !prev.is_empty() {
                return (
                    Subject::States(self.list(text, &prev, true)),
                    false,
                    Some(Doubt::OtherClause),
                );
            }
        }
        // Failing those, the first state or body named after it in its clause, before
        // the next verb.
        let after: Vec<Named> = scope
            .iter()
            .filter(|n| n.span.start >= t.span.end && n.span.start < hi.max(t.span.end))
            .cloned()
            .collect();
        // A state inside the trigger's own words ("stājas spēkā Latvijas izstāšanās").
        let inside: Vec<Named> = scope
            .iter()
            .filter(|n| {
                n.span.start >= t.span.start
                    && n.span.end <= t.span.end
                    && matches!(n.who, Who::State(..) | Who::Group(_))
            })
            .cloned()
            .collect();
        if !inside.is_empty() {
            return (
                Subject::States(self.list(text, &inside, false)),
                false,
                None,
            );
        }
        // A withdrawal's state stands before it ("Finland's withdrawal").
        let after: &[Named] = if t.kind == Trig::WithdrawalEffect {
            &[]
        } else {
            &after
        };
        // In English a name after the verb is its object unless it is the agent ("was
        // ratified by Finland") or the subject of the clause a participle opens ("Before
        // joining the convention in 2011, Finland had ..."): a subject read there is a
        // guess.
        let after_doubt = |n: &Named| {
            let gap = &text[t.span.end..n.span.start];
            let agent = gap
                .split_whitespace()
                .rfind(|w| !w.eq_ignore_ascii_case("the"))
                .is_some_and(|w| w.eq_ignore_ascii_case("by"));
            let participle = gap.contains(',')
                && text[t.span.start..t.span.end]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| w.to_lowercase().ends_with("ing"));
            (self.lex.language == crate::lang::Language::En && !agent && !participle)
                .then_some(Doubt::AfterVerb)
        };
        for (i, n) in after.iter().enumerate().take(60) {
            match &n.who {
                Who::State(..) | Who::Group(_) => {
                    return (
                        Subject::States(self.list(text, &after[i..], false)),
                        false,
                        after_doubt(n),
                    );
                }
                Who::Body(name, code) => {
                    return (
                        Subject::Body(name.clone(), *code, n.span),
                        false,
                        after_doubt(n),
                    );
                }
                Who::Treaty => continue,
            }
        }
        (Subject::None, false, None)
    }

    /// How the clause says it.
    fn modality(&self, text: &str, sent: Span, piece: Piece, t: &Trigger) -> Modality {
        let sentence = text[sent.start..sent.end].trim_end();
        if sentence.ends_with('?') {
            return Modality::Question;
        }
        if piece.kind == SegKind::Condition {
            return Modality::Conditional;
        }
        let from = floor(text, piece.span.start.max(t.span.start.saturating_sub(160)));
        let before = &text[from.min(t.span.start)..t.span.start];
        if self.appeal.is_match(before) {
            return Modality::Reported;
        }
        if let Some(m) = self.negation.find(before)
            && !m.as_str().to_lowercase().starts_with("not only")
        {
            return Modality::Negated;
        }
        let trig = &text[t.span.start..t.span.end];
        if matches!(
            t.kind,
            Trig::WithdrawalEffect | Trig::InForce | Trig::Withdrew | Trig::Suspended
        ) && self.not_word.is_match(trig)
            && !self.no_longer.is_match(trig)
        {
            return Modality::Negated;
        }
        // "once the withdrawal takes effect", "if Ukraine withdrew": a time or a
        // condition, not a claim.
        if self.subordinate.is_match(before) {
            return Modality::Conditional;
        }
        // "The Baltic states leave the treaty on 27 December" (not "the first to leave").
        if self.future_forms.is_match(trig) && !before.trim_end().to_lowercase().ends_with(" to") {
            return Modality::Future;
        }
        let after_end = floor(text, (t.span.end + 40).min(sent.end)).max(t.span.end);
        if self.future_after.is_match(&text[t.span.end..after_end]) {
            return Modality::Future;
        }
        let took_to = self.future.find(before).is_some_and(|m| {
            m.as_str().trim_start().to_lowercase().starts_with("to")
                && self.took.is_match(&before[..m.start()])
                && !self.modal_before.is_match(&before[..m.start()])
        });
        if (self.future.is_match(before) && !took_to)
            || (matches!(t.kind, Trig::WithdrawalEffect | Trig::InForce)
                && self.future.is_match(&format!("{trig} ")))
        {
            return Modality::Future;
        }
        Modality::Asserted
    }

    /// Ties each trigger to its subject, date and mood, and adds the rules described,
    /// the withdrawal periods, and the states of exceptions and inclusions. `limit`
    /// bounds the drafts.
    pub fn drafts(&self, f: &Found<'_>, triggers: &[Trigger], limit: usize) -> (Vec<Draft>, bool) {
        let mut out: Vec<Draft> = Vec::new();
        let mut suppress_until = 0usize;
        let mut cache: Option<(usize, Vec<Piece>, bool)> = None;
        // The state the last claim was about, and its sentence: what "it" refers to.
        let mut last_state: Option<(StateCode, Span, usize)> = None;
        // The first trigger of each clause group with a state event, per sentence, for
        // exceptions and inclusions.
        let treaty_spans: Vec<Span> = f
            .named
            .iter()
            .filter(|n| n.who == Who::Treaty)
            .map(|n| n.span)
            .collect();
        let inside_treaty_name = |sp: Span| {
            let i = treaty_spans.partition_point(|t| t.end <= sp.start);
            treaty_spans
                .get(i)
                .is_some_and(|t| t.start <= sp.start && sp.end <= t.end)
        };
        for (ti, t) in triggers.iter().enumerate() {
            if out.len() >= limit {
                return (out, true);
            }
            if let Some(d) = out.last()
                && let Some(c) = d.state
                && let Some(s) = sentence_of(f.sentences, d.span.start)
            {
                last_state = Some((c, d.span, s));
            }
            if t.span.start < suppress_until || inside_treaty_name(t.span) {
                continue;
            }
            let Some(si) = sentence_of(f.sentences, t.span.start) else {
                continue;
            };
            let sent = f.sentences[si];
            let sent_named = within(f.named, sent, |n| n.span.start);
            if cache.as_ref().map(|c| c.0) != Some(si) {
                // Another treaty or body named in the sentence, unless as a place
                // ("Within the European Union, Greece and Romania have not signed").
                let other = self.other_in(f, sent);
                let skip = other && !sent_named.iter().any(|n| n.who == Who::Treaty);
                cache = Some((si, self.segments(f.text, sent, sent_named), skip));
            }
            let (_, pieces, skip) = cache.as_ref().expect("set above");
            if *skip {
                continue;
            }
            let piece = pieces[piece_of(pieces, t.span.start)];

            let scope: Vec<Span> = pieces
                .iter()
                .filter(|p| p.group == piece.group)
                .map(|p| p.span)
                .collect();
            let in_scope = |pos: usize| scope.iter().any(|s| s.start <= pos && pos < s.end);
            let named: Vec<Named> = sent_named
                .iter()
                .filter(|n| in_scope(n.span.start))
                .cloned()
                .collect();
            // Dates this trigger may take: in its clause, not past a neighbouring trigger.
            let lo = triggers[..ti]
                .iter()
                .rev()
                .take(50)
                .find(|p| is_event(p.kind) && in_scope(p.span.start) && p.span.start >= sent.start)
                .map_or(sent.start, |p| p.span.end);
            let hi = triggers[ti + 1..]
                .iter()
                .take(50)
                .find(|n| is_event(n.kind) && in_scope(n.span.start) && n.span.start < sent.end)
                .map_or(sent.end, |n| n.span.start);
            // A date that qualifies the treaty ("the 1997 Ottawa Convention", "vuonna
            // 1997 solmittu sopimus") is not the date of the event.
            let treaty_date = |d: &FoundDate| {
                // "the 1997 convention", "1997 m. konvencija": a year naming the treaty.
                if matches!(d.mention.kind, DateKind::Year)
                    && self.treaty_noun_after.is_match(
                        &f.text[d.mention.span.end
                            ..floor(f.text, (d.mention.span.end + 40).min(f.text.len()))],
                    )
                    && !matches!(t.kind, Trig::InForce | Trig::Opened | Trig::VoteOrAdopt)
                {
                    return true;
                }
                // "Оттавской конвенции 1997 года", "konwencji ottawskiej z 1997 r.": a year
                // right after the treaty's name.
                let j = treaty_spans.partition_point(|x| x.end <= d.mention.span.start);
                if j > 0
                    && matches!(d.mention.kind, DateKind::Year)
                    && matches!(
                        f.text[treaty_spans[j - 1].end..d.mention.span.start].trim(),
                        "" | "z" | "з" | "из" | "of" | "from"
                    )
                    && !matches!(t.kind, Trig::InForce | Trig::Opened | Trig::VoteOrAdopt)
                {
                    return true;
                }
                let i = treaty_spans.partition_point(|x| x.start < d.mention.span.end);
                treaty_spans.get(i).is_some_and(|x| {
                    // "1997. gadā noslēgtajai Otavas konvencijai", "1997 m. pasirašyta":
                    // the year's own word is not a word between.
                    let gap = f.text[d.mention.span.end..x.start].trim().to_lowercase();
                    let gap = gap.strip_prefix('.').unwrap_or(&gap).trim_start();
                    let gap = [
                        "gadā ",
                        "gada ",
                        "m. ",
                        "r. ",
                        "roku ",
                        "года ",
                        "году ",
                        "року ",
                        "aastal ",
                        "aasta ",
                        "vuonna ",
                    ]
                    .iter()
                    .find_map(|w| gap.strip_prefix(w))
                    .unwrap_or(gap)
                    .trim()
                    .to_string();
                    !matches!(t.kind, Trig::InForce | Trig::Opened | Trig::VoteOrAdopt)
                        && x.start - d.mention.span.end <= 30
                        && gap.split_whitespace().count() <= 1
                        && !matches!(gap.as_str(), "the" | "a" | "this")
                        && !gap.contains([',', '.', ';'])
                        && !triggers
                            .iter()
                            .any(|y| y.span.start >= d.mention.span.end && y.span.end <= x.start)
                })
            };
            // A count takes any date of its clause; a verb one not past its neighbours.
            let (dlo, dhi) = if t.kind == Trig::Count {
                (sent.start, sent.end)
            } else {
                (lo, hi.max(lo))
            };
            let dates: Vec<&FoundDate> =
                within(f.dates, Span::new(dlo, dhi), |d| d.mention.span.start)
                    .iter()
                    .filter(|d| in_scope(d.mention.span.start) && !treaty_date(d))
                    // "..., the ministry said on Friday": the saying's date.
                    .filter(|d| {
                        let from = floor(f.text, d.mention.span.start.saturating_sub(40));
                        !self.reporting.is_match(&f.text[from..d.mention.span.start])
                    })
                    // "opened for signature on 3 December 1997, and 133 states signed it":
                    // the date of the verb before it, not of the count.
                    .filter(|d| {
                        t.kind != Trig::Count
                            || d.mention.span.start > t.span.start
                            || self.when_link.is_match(
                                &f.text[d.mention.span.end.min(t.span.start)..t.span.start],
                            )
                            || !triggers.iter().take(ti).rev().take(10).any(|x| {
                                is_event(x.kind)
                                    && x.span.start >= sent.start
                                    && x.span.end <= d.mention.span.start
                                    && d.mention.span.start - x.span.end <= 60
                            })
                    })
                    // "The treaty, concluded in 1997, ... has been joined by more than 160",
                    // "The treaty, drafted in Oslo in September 1997, came into force": a
                    // date in an aside before the verb is the aside's ("By 2016, 162 states
                    // had joined" and "Finland, in 2012, acceded" keep theirs).
                    .filter(|d| {
                        if d.mention.span.end > t.span.start
                            || !f.text[d.mention.span.end..t.span.start].contains([',', ';'])
                            || self
                                .offset
                                .is_match(&f.text[d.mention.span.end..t.span.start])
                        {
                            return true;
                        }
                        // The date sits in an aside (", drafted in Oslo in September
                        // 1997,"): words of its own between the comma before it and it.
                        let head = &f.text[sent.start..d.mention.span.start];
                        match head.rfind([',', ';']) {
                            Some(i) => head[i + 1..]
                                .split_whitespace()
                                .all(|w| DATE_LEAD_WORDS.contains(&w.to_lowercase().as_str())),
                            None => true,
                        }
                    })
                    // "adopted in 1997, and more than 160 states have joined it": a
                    // date before a comma and "and" is the clause before's.
                    .filter(|d| {
                        if t.kind != Trig::Count || d.mention.span.end > t.span.start {
                            return true;
                        }
                        let gap = f.text[d.mention.span.end..t.span.start].to_lowercase();
                        let Some(i) = gap.find(',') else { return true };
                        let next = gap[i + 1..].split_whitespace().next().unwrap_or("");
                        !self.conjunctions().any(|w| w == next)
                    })
                    // "concluded in 1997 and has since been signed by more than 160": now.
                    .filter(|d| {
                        t.kind != Trig::Count
                            || d.mention.span.end > t.span.start
                            || !self
                                .now_words
                                .is_match(&f.text[d.mention.span.end..t.span.start])
                    })
                    .collect();
            // "Estonia acceded in 2004, Lithuania ratified ...", "did not ratify until
            // 2012 and went on to destroy": a date after the verb before, with no break
            // between them, and a break after it, is that verb's.
            let prev_end = (lo > sent.start).then_some(lo);
            let dates: Vec<&FoundDate> = dates
                .into_iter()
                .filter(|d| {
                    let Some(pe) = prev_end else { return true };
                    if t.kind == Trig::Count
                        || d.mention.span.start < pe
                        || d.mention.span.end > t.span.start
                    {
                        return true;
                    }
                    // "and" in the article's language too ("liittyi vuonna 2012 ja
                    // hävitti": Finland's 2012 is its joining's, not its destroying's).
                    let joins = || self.conjunctions().map(|w| format!(" {w} "));
                    let breaks = |gap: &str| {
                        let gap = gap.to_lowercase();
                        gap.contains([',', ';']) || joins().any(|w| gap.contains(&w))
                    };
                    // "..., and in 2012, ratified": a date opening the clause is its own;
                    // "ratify it, in 1998, and was bound": one closing the clause before
                    // ("and" right after it) is not.
                    let after_date = format!(
                        " {}",
                        f.text[d.mention.span.end..t.span.start]
                            .trim_start_matches([',', ' '])
                            .to_lowercase()
                    );
                    (breaks(&f.text[pe..d.mention.span.start])
                        && !joins().any(|w| after_date.starts_with(&w)))
                        || !breaks(&f.text[d.mention.span.end..t.span.start])
                })
                .collect();
            let date = nearest_date(f.text, &dates, t.span);
            // "on 2 December 1997, two days before the Marshall Islands signed": the
            // event is two days after the date; a date read so is relative to another.
            let shifted;
            let date = match date {
                Some(d) if d.mention.span.end <= t.span.start => {
                    match self.offset_from(d, &f.text[d.mention.span.end..t.span.start]) {
                        Some(x) => {
                            shifted = x;
                            Some(&shifted)
                        }
                        None => Some(d),
                    }
                }
                other => other,
            };
            let (subject, neither, mut subject_doubt) = self.subject(
                f, &named, piece, hi, sent_named, t, triggers, last_state, si,
            );
            // "the first states ever to quit the treaty": news writing says so of a
            // notice as well as of a withdrawal in effect.
            if t.kind == Trig::Withdrew
                && subject_doubt.is_none()
                && self.rank_to.is_match(
                    &f.text[floor(f.text, t.span.start.saturating_sub(60)).max(sent.start)
                        ..t.span.start],
                )
            {
                subject_doubt = Some(Doubt::RankTo);
            }
            if t.borrowed && subject_doubt.is_none() {
                subject_doubt = Some(Doubt::ElidedVerb);
            }
            // "Neither Russia nor China", "all but not Finland": a list with a negation
            // or an exception in it.
            if subject_doubt.is_none()
                && (neither
                    || (matches!(&subject, Subject::States(l) if l.len() > 1)
                        && pieces.iter().any(|p| p.kind == SegKind::Exception)))
            {
                subject_doubt = Some(Doubt::ListContrast);
            }
            let mut modality = self.modality(f.text, sent, piece, t);
            // "If the Baltic states deposit theirs, they would be free": all of it.
            if pieces.first().is_some_and(|p| p.kind == SegKind::Condition)
                && matches!(modality, Modality::Asserted | Modality::Future)
            {
                modality = Modality::Conditional;
            }
            // "did not ratify until 2012": it did, in 2012.
            if modality == Modality::Negated {
                let after = &f.text
                    [t.span.end..floor(f.text, (t.span.end + 30).min(sent.end)).max(t.span.end)];
                if self.not_until.is_match(after) {
                    modality = Modality::Asserted;
                }
            }
            if neither && modality == Modality::Asserted {
                modality = Modality::Negated;
            }
            // "Neither China nor North Korea has joined": the pair scopes over the verb,
            // whatever the length of the names.
            if modality == Modality::Asserted
                && let Subject::States(l) = &subject
                && l.len() > 1
                && self.neither_nor.is_match(&f.text[sent.start..t.span.start])
            {
                modality = Modality::Negated;
            }
            // "Neither Russia nor Finland has signed": a negation before the states
            // scopes over a list.
            if subject_doubt.is_none()
                && modality == Modality::Negated
                && let Subject::States(l) = &subject
                && let Some(first) = l.iter().map(|(_, sp)| sp.start).min()
                && first > piece.span.start
                && first < t.span.start
                && self.negation.is_match(
                    &f.text[floor(f.text, piece.span.start.max(first.saturating_sub(40)))..first],
                )
            {
                subject_doubt = Some(Doubt::ListContrast);
            }
            if matches!(subject, Subject::Generic) && modality != Modality::Question {
                // A description of the rules: read by the rules pass.
                continue;
            }
            let others: Vec<Span> = within(triggers, sent, |x| x.span.start)
                .iter()
                .filter(|x| is_event(x.kind) && x.span != t.span)
                .map(|x| x.span)
                .collect();
            let place = self.place_in(f.text, &scope, t.span, &treaty_spans, &others);
            let sentence_text = around(f.text, sent, t.span, 300);
            let make = |kind: ClaimKind,
                        state: Option<(StateCode, Span)>,
                        actor: Option<String>,
                        aim: Option<Aim>,
                        modality: Modality| {
                let mut span = t.span;
                // The state's name, when it is in the same sentence.
                if let Some((_, s)) = state
                    && s.start.abs_diff(t.span.start) < 400
                    && s.start >= sent.start
                    && s.end <= sent.end
                {
                    span = span.cover(s);
                }
                if let Some(d) = date {
                    span = span.cover(d.mention.span);
                }
                Draft {
                    kind,
                    span,
                    state: state.map(|(c, _)| c),
                    actor,
                    // A day or month with no year: ahead for the future, else behind;
                    // a taking effect, the nearest.
                    when: date.and_then(|d| {
                        if matches!(t.kind, Trig::WithdrawalEffect | Trig::InForce)
                            && modality != Modality::Future
                        {
                            d.claim_when_nearest()
                        } else {
                            d.claim_when_for(modality == Modality::Future)
                        }
                    }),
                    since: date.is_some_and(|d| d.mention.since),
                    aim,
                    extra: if kind == ClaimKind::Use
                        && date.is_none()
                        && self.recent.is_match(around(f.text, sent, t.span, 60))
                    {
                        Extra::Recent
                    } else {
                        t.extra
                    },
                    months: None,
                    modality,
                    place,
                    plain: self.plain_past.is_match(&f.text[t.span.start..t.span.end]),
                    earlier: {
                        let from = floor(f.text, t.span.start.saturating_sub(40).max(sent.start));
                        self.pluperfect.is_match(&f.text[from..t.span.end])
                    },
                    // "The parliament voted": a body not named with its state, the state
                    // taken from elsewhere in the clause.
                    subject_doubt: state
                        .filter(|(_, s)| {
                            within(f.named, *s, |n| n.span.start).iter().any(|n| {
                                n.span == *s && matches!(n.who, Who::State(_, NameKind::Home))
                            })
                        })
                        .map(|_| Doubt::Home)
                        .or(subject_doubt)
                        .or_else(|| match (&subject, state) {
                            (Subject::Body(_, None, b), Some((_, s)))
                                if s.start.max(b.start)
                                    - s.end.min(b.end).min(s.start.max(b.start))
                                    > 60
                                    || sentence_of(f.sentences, s.start) != Some(si) =>
                            {
                                Some(Doubt::BodyState)
                            }
                            // "Oman's neighbours have not joined": the state owns the subject,
                            // it is not the subject.
                            // ("Poland's withdrawal took effect" is Poland's act.)
                            (Subject::States(_), Some((_, s)))
                                if ["'s ", "\u{2019}s "].iter().any(|p| {
                                    f.text[s.end..].strip_prefix(p).is_some_and(|rest| {
                                        !OWN_ACTS.iter().any(|w| rest.starts_with(w))
                                    })
                                }) =>
                            {
                                Some(Doubt::Possessive)
                            }
                            _ => None,
                        }),
                    date_doubt: date.and_then(date_doubt),
                }
            };
            let states: Vec<(StateCode, Span)> = match &subject {
                Subject::States(l) => l.clone(),
                _ => Vec::new(),
            };
            // A body named without its state and no state in its clause ("Parliament
            // approved the exit"): the state of the last claim in this sentence or the two
            // before (the reading then carries `Doubt::BodyState`).
            let body_state = |code: Option<StateCode>, span: Span, after_first: bool| {
                code.map(|c| (c, span))
                    .or_else(|| nearest_state(&named, t.span, after_first))
                    .or_else(|| {
                        last_state
                            .filter(|(_, _, s)| s + 2 >= si)
                            .map(|(c, sp, _)| (c, sp))
                    })
            };
            // One claim of a kind per state (or per treaty event) a sentence.
            let push = |d: Draft, out: &mut Vec<Draft>| {
                if !out.iter().any(|x| {
                    x.kind == d.kind
                        && x.state == d.state
                        && (x.state.is_some()
                            || matches!(
                                d.kind,
                                ClaimKind::TreatyOpened
                                    | ClaimKind::TreatyAdopted
                                    | ClaimKind::EntryIntoForce
                            ))
                        && sentence_of(f.sentences, x.span.start) == Some(si)
                }) {
                    out.push(d);
                }
            };
            match t.kind {
                Trig::Decree | Trig::Law => {
                    let (aim, end) = self.aim_after(f.text, t.span, sent);
                    suppress_until = end;
                    let kind = if t.kind == Trig::Decree {
                        ClaimKind::Decree
                    } else {
                        ClaimKind::Law
                    };
                    let (state, actor) = match &subject {
                        Subject::Body(name, code, span) => {
                            (body_state(*code, *span, true), Some(name.clone()))
                        }
                        Subject::States(list) => (list.first().copied(), None),
                        _ => (nearest_state(&named, t.span, true), None),
                    };
                    if state.is_some() {
                        push(make(kind, state, actor, aim, modality), &mut out);
                    }
                }
                Trig::Tally => {
                    // "107 members voted in favour": the parliament named before, else the
                    // state.
                    let i = f.named.partition_point(|n| n.span.end <= t.span.start);
                    let found = f.named[..i]
                        .iter()
                        .rev()
                        .take(60)
                        .take_while(|n| t.span.start - n.span.end <= 800)
                        .find_map(|n| match &n.who {
                            Who::Body(name, Some(c)) if is_parliament(name) => {
                                Some((*c, n.span, Some(name.clone())))
                            }
                            Who::State(c, _) => Some((*c, n.span, None)),
                            _ => None,
                        });
                    if let Some((c, sp, body)) = found {
                        let aim = self
                            .aim_withdraw
                            .is_match(sentence_text)
                            .then_some(Aim::Withdraw);
                        push(
                            make(
                                ClaimKind::Vote,
                                Some((c, sp)),
                                Some(body.unwrap_or_else(|| "parliament".into())),
                                aim,
                                modality,
                            ),
                            &mut out,
                        );
                    }
                }
                Trig::VoteOrAdopt | Trig::Decision => {
                    // "One hundred and seven members voted": the body named before.
                    let subject = match &subject {
                        Subject::None => {
                            let from = floor(f.text, t.span.start.saturating_sub(40));
                            if self.before_vote.is_match(&f.text[from..t.span.start]) {
                                self.antecedent(f.text, f.named, t.span.start, None).map_or(
                                    Subject::None,
                                    |s| match s {
                                        Subject::States(l) => Subject::Body(
                                            "parliament".into(),
                                            l.first().map(|x| x.0),
                                            l.first().map_or(t.span, |x| x.1),
                                        ),
                                        other => other,
                                    },
                                )
                            } else {
                                Subject::None
                            }
                        }
                        other => other.clone(),
                    };
                    match &subject {
                        Subject::Body(name, code, span) => {
                            let state = body_state(*code, *span, false).or_else(|| {
                                match self.antecedent(f.text, f.named, t.span.start, None) {
                                    Some(Subject::States(l)) => l.first().copied(),
                                    _ => None,
                                }
                            });
                            let (aim, end) = self.aim_after(f.text, t.span, sent);
                            suppress_until = end;
                            let kind = if is_parliament(name) {
                                ClaimKind::Vote
                            } else {
                                ClaimKind::Decision
                            };
                            // "the defence ministers of Estonia, Latvia, Lithuania and
                            // Poland": one claim per state.
                            let several = self.body_list(f.text, sent_named, *span);
                            if several.len() >= 2 {
                                for st in several {
                                    push(
                                        make(kind, Some(st), Some(name.clone()), aim, modality),
                                        &mut out,
                                    );
                                }
                            } else if state.is_some() {
                                push(
                                    make(kind, state, Some(name.clone()), aim, modality),
                                    &mut out,
                                );
                            }
                        }
                        Subject::States(list) if t.kind == Trig::Decision => {
                            let (aim, end) = self.aim_after(f.text, t.span, sent);
                            let aim = aim.or_else(|| {
                                self.aim_withdraw
                                    .is_match(sentence_text)
                                    .then_some(Aim::Withdraw)
                            });
                            suppress_until = end;
                            {
                                for st in list {
                                    push(
                                        make(ClaimKind::Decision, Some(*st), None, aim, modality),
                                        &mut out,
                                    );
                                }
                            }
                        }
                        Subject::Treaty if self.is_adopted(&f.text[t.span.start..t.span.end]) => {
                            push(
                                make(ClaimKind::TreatyAdopted, None, None, None, modality),
                                &mut out,
                            );
                        }
                        _ => {}
                    }
                }
                Trig::InForce => {
                    let after = f.text.get(t.span.end..sent.end).unwrap_or("");
                    let for_state = (after.starts_with(" for ") || after.starts_with(" in "))
                        .then(|| {
                            named.iter().find(|n| {
                                n.span.start >= t.span.end && n.span.start <= t.span.end + 8
                            })
                        })
                        .flatten()
                        .and_then(|n| match n.who {
                            Who::State(c, _) => Some((c, n.span)),
                            _ => None,
                        });
                    let for_pronoun = (after.starts_with(" for it")
                        || after.starts_with(" for them")
                        || after.starts_with(" for the country"))
                    .then(|| {
                        last_state
                            .filter(|(_, _, s)| s + 2 >= si)
                            .map(|(c, sp, _)| Subject::States(vec![(c, sp)]))
                            .or_else(|| self.state_antecedent(f.named, t.span.start))
                    })
                    .flatten()
                    .and_then(|s| match s {
                        Subject::States(l) => l.first().copied(),
                        _ => None,
                    });
                    // "Lietuvai ši konvencija įsigaliojo": a state named before it in its
                    // clause (in the languages that put it there); "jõustus Eesti suhtes".
                    let state_near = (self.lex.language != crate::lang::Language::En)
                        .then(|| {
                            let before = named
                                .iter()
                                .rev()
                                .filter(|n| {
                                    n.span.end <= t.span.start
                                        && n.span.start >= piece.span.start
                                        && matches!(n.who, Who::State(..))
                                        && !triggers.iter().any(|x| {
                                            x.span != t.span
                                                && is_event(x.kind)
                                                && x.span.start >= n.span.end
                                                && x.span.end <= t.span.start
                                        })
                                })
                                .find_map(|n| match n.who {
                                    Who::State(c, _) => Some((c, n.span)),
                                    _ => None,
                                });
                            let after = named
                                .iter()
                                // "tuli Suomen osalta voimaan": inside the verb's words too.
                                .filter(|n| {
                                    n.span.start > t.span.start && n.span.start <= t.span.end + 40
                                })
                                .find(|n| {
                                    self.eif_postposition.is_match(
                                        &f.text[n.span.end
                                            ..floor(f.text, (n.span.end + 20).min(f.text.len()))],
                                    ) || f
                                        .text
                                        .get(t.span.end..n.span.start)
                                        .is_some_and(|gap| self.eif_preposition.is_match(gap))
                                })
                                .and_then(|n| match n.who {
                                    Who::State(c, _) => Some((c, n.span)),
                                    _ => None,
                                });
                            before.or(after)
                        })
                        .flatten();
                    // "Australia will be bound from July 1": the subject's own entry into
                    // force.
                    let bound_states: Vec<(StateCode, Span)> = {
                        let trig = f.text[t.span.start..t.span.end].to_lowercase();
                        match &subject {
                            Subject::States(l) if trig.contains("bound") => l.clone(),
                            _ => Vec::new(),
                        }
                    };
                    if for_state.is_none() && !bound_states.is_empty() {
                        for st in &bound_states {
                            push(
                                make(ClaimKind::EntryIntoForce, Some(*st), None, None, modality),
                                &mut out,
                            );
                        }
                    } else if let Some(st) = for_state.or(for_pronoun).or(state_near) {
                        push(
                            make(ClaimKind::EntryIntoForce, Some(st), None, None, modality),
                            &mut out,
                        );
                    } else if matches!(subject, Subject::Treaty | Subject::None)
                        && (matches!(subject, Subject::Treaty)
                            || self.mentions_treaty(sentence_text))
                        // "для нашої держави договір набув чинності": one state's entry
                        // into force whose state is not named, not the treaty's own.
                        && !after.starts_with(" for ")
                        && !{
                            // "для подписания" ("for signature") is not "for a state".
                            let near = around(f.text, piece.span, t.span, 80);
                            self.eif_for.find_iter(near).any(|m| {
                                let rest = near[m.end()..].trim_start().to_lowercase();
                                !["подпис", "підпис", "podpis", "signature"]
                                    .iter()
                                    .any(|w| rest.starts_with(w))
                            })
                        }
                        // "was bound by it from June 2013": always a state's.
                        && !f.text[t.span.start..t.span.end].to_lowercase().contains("bound")
                    {
                        push(
                            make(ClaimKind::EntryIntoForce, None, None, None, modality),
                            &mut out,
                        );
                    }
                }
                Trig::Opened => {
                    push(
                        make(ClaimKind::TreatyOpened, None, None, None, modality),
                        &mut out,
                    );
                }
                Trig::Count => {
                    let Extra::Count { what, qual, n, .. } = t.extra else {
                        continue;
                    };
                    // The words of its clause around it.
                    let clause_end = scope
                        .iter()
                        .find(|sp| sp.start <= t.span.start && t.span.start < sp.end)
                        .map_or(sent.end, |sp| sp.end);
                    let _ = clause_end;
                    // The clause's own words after the count, skipping what an inclusion
                    // ("including Russia") or a relative clause puts between.
                    // Up to the next count: "112 States Parties, and another 12 ...".
                    let next_count = triggers[ti + 1..]
                        .iter()
                        .take(10)
                        .find(|x| x.kind == Trig::Count)
                        .map_or(sent.end, |x| x.span.start);
                    let mut after = String::new();
                    for sp in &scope {
                        let a = sp.start.max(t.span.end);
                        let b = sp.end.min(next_count).min(a + 150);
                        if a < b {
                            after.push_str(&f.text[a..floor(f.text, b)]);
                            after.push(' ');
                        }
                        if after.len() > 150 {
                            break;
                        }
                    }
                    // "the 39 states that ratified before it": counted from another
                    // state's act, not on a date the text gives.
                    if self.count_relative.is_match(&after) {
                        continue;
                    }
                    // Its own clause: up to the next comma after it; none when a new
                    // clause follows it (", and signed by one more that has not yet
                    // ratified" is not about the 164).
                    let new_clause = after.trim_start().strip_prefix(',').is_some_and(|rest| {
                        let w = rest.split_whitespace().next().unwrap_or("").to_lowercase();
                        self.conjunctions().any(|c| c == w)
                    });
                    let after = if new_clause { "" } else { after.as_str() };
                    let after = after
                        .trim_start_matches([',', ' ', ';'])
                        .split([',', ';', '\u{2013}', '\u{2014}'])
                        .next()
                        .unwrap_or("");
                    // "delegations from 12 countries that have not joined": some of
                    // them, not a count of all; not checked.
                    let lead =
                        &f.text[floor(f.text, t.span.start.saturating_sub(40))..t.span.start];
                    if self.count_part.is_match(lead) {
                        continue;
                    }
                    // "112 States Parties and a further 12 signatories": those that
                    // signed and did not ratify.
                    let parties_before = triggers[..ti].iter().rev().take(10).any(|x| {
                        x.span.start >= sent.start
                            && matches!(
                                x.extra,
                                Extra::Count {
                                    what: CountWhat::Parties | CountWhat::Joined,
                                    ..
                                }
                            )
                    });
                    // "for a total of 126 signatories": all that signed.
                    let total = self.count_total.is_match(lead);
                    let what = if (what == CountWhat::Signed
                        && !total
                        && (parties_before || self.count_further.is_match(lead)))
                        || self.count_signed_only.is_match(after)
                    {
                        Some(CountWhat::SignedOnly)
                    } else if self.count_negative.is_match(after)
                        || self
                            .count_negative
                            .is_match(&f.text[t.span.start..t.span.end])
                    {
                        Some(CountWhat::Outside)
                    } else {
                        match what {
                            CountWhat::Joined | CountWhat::Withdrawing => {
                                // Its own clause's words: "binds 166 states, but five of
                                // them are leaving" does not count those leaving.
                                let own = format!(
                                    "{} {after}",
                                    &f.text[floor(
                                        f.text,
                                        t.span.start.saturating_sub(60).max(sent.start),
                                    )..t.span.end]
                                );
                                if self.count_withdraw.is_match(&own) {
                                    Some(CountWhat::Withdrawing)
                                } else if self.count_join.is_match(sentence_text) {
                                    Some(CountWhat::Joined)
                                } else if self.count_sign.is_match(sentence_text) {
                                    Some(CountWhat::Signed)
                                } else {
                                    None
                                }
                            }
                            w => Some(w),
                        }
                    };
                    if let Some(what) = what {
                        let mut d = make(ClaimKind::Count, None, None, None, modality);
                        d.span = t.span;
                        if d.since {
                            d.when = None;
                        }
                        let past = d.when.is_none() && self.past_count.is_match(after);
                        d.extra = Extra::Count {
                            qual,
                            n,
                            what,
                            past,
                        };
                        out.push(d);
                    }
                }
                Trig::Destroyed => {
                    let trig = f.text[t.span.start..t.span.end].to_lowercase();
                    // "has until 2010", "whose deadline now runs to 2019", "must finish
                    // clearing by 2009", "was extended in 2008 to March 2014": a deadline's
                    // date, which must follow in the clause.
                    // "was required to destroy its stocks by 1 March 2008", "will have four
                    // years, until June 1, 2010, to destroy": the act as a duty, dated.
                    let duty = {
                        let from = floor(f.text, t.span.start.saturating_sub(100)).max(sent.start);
                        let pre = f.text[from..t.span.start].to_lowercase();
                        self.lex.language == crate::lang::Language::En
                            && self.duty_to.find(&pre).is_some_and(|m| {
                                !m.as_str().contains(" and ") && !m.as_str().contains(" went ")
                            })
                            && date.is_some()
                    };
                    let deadline = (duty
                        || trig.contains("until")
                        || trig.starts_with("must")
                        || trig.starts_with("extended")
                        || (trig.contains("deadline")
                            && !["missed", "failed", "overdue"]
                                .iter()
                                .any(|w| trig.contains(w))))
                    .then(|| {
                        let near = around(f.text, sent, t.span, 100).to_lowercase();
                        if ["clear", "mined", "minefield", "mine-free", "contaminat"]
                            .iter()
                            .any(|w| near.contains(w))
                        {
                            Obl::ClearanceDeadline
                        } else if ["stock", "destroy", "destruction"]
                            .iter()
                            .any(|w| near.contains(w))
                        {
                            Obl::StockpileDeadline
                        } else {
                            Obl::SomeDeadline
                        }
                    });
                    // "must submit its first transparency report by July 2015".
                    let deadline = if trig.contains("report") {
                        Some(Obl::ReportDeadline)
                    } else {
                        deadline
                    };
                    let what = if let Some(w) = deadline {
                        // "... deadlines of 2008 and 2010 respectively": not read.
                        if self.respectively.is_match(sentence_text) {
                            continue;
                        }
                        if date.is_none_or(|d| d.mention.span.start < t.span.end) && !duty {
                            continue;
                        }
                        w
                    } else if trig.contains("deadline") {
                        Obl::DeadlineMissed
                    } else if trig.contains("extension")
                        || trig.contains("more time")
                        || trig.contains("extra time")
                        || trig.contains("additional time")
                        || trig.contains("further time")
                        || trig.contains(" years")
                    {
                        Obl::Extension
                    } else if trig.contains("clear") || trig.contains("free") {
                        Obl::ClearanceCompleted
                    } else {
                        // "destroyed" must be about stockpiled mines.
                        let after =
                            &f.text[t.span.end..floor(f.text, (t.span.end + 80).min(sent.end))];
                        if !self.stock_words.is_match(after) {
                            continue;
                        }
                        Obl::StockpileDestroyed
                    };
                    // "the other parties granted it an extension": the state is "it".
                    let states = if states.is_empty() && what == Obl::Extension {
                        last_state
                            .filter(|(_, _, s)| s + 1 >= si)
                            .map(|(c, sp, _)| vec![(c, sp)])
                            .unwrap_or_default()
                    } else {
                        states.clone()
                    };
                    for st in &states {
                        let mut d = make(ClaimKind::Obligation, Some(*st), None, None, modality);
                        d.extra = Extra::Obligation {
                            what,
                            n: None,
                            more: false,
                        };
                        push(d, &mut out);
                    }
                }
                Trig::NotIncluded => {
                    let after: Vec<Named> = named
                        .iter()
                        .filter(|n| n.span.start >= t.span.end)
                        .cloned()
                        .collect();
                    if after
                        .first()
                        .is_some_and(|n| matches!(n.who, Who::State(..) | Who::Group(_)))
                    {
                        let kind = if self.count_sign.is_match(sentence_text) {
                            ClaimKind::NotSigned
                        } else {
                            ClaimKind::NotJoined
                        };
                        for st in self.list(f.text, &after, false) {
                            push(
                                make(kind, Some(st), None, None, Modality::Negated),
                                &mut out,
                            );
                        }
                    }
                }
                Trig::Nominal => {
                    // "Lithuania's exit", "Baltic withdrawals", "the withdrawal of Poland":
                    // a state right beside the noun; read in a headline, or as what a
                    // statement is about ("denounces Baltic withdrawals").
                    let headline = si == 0
                        || !f.text[sent.start..sent.end]
                            .trim_end()
                            .ends_with(['.', '!', '?', '"', '\u{201d}']);
                    let from = floor(f.text, t.span.start.saturating_sub(40));
                    if !headline && !self.about_verb.is_match(&f.text[from..t.span.start]) {
                        continue;
                    }
                    let before = named
                        .iter()
                        .rev()
                        .find(|n| n.span.end <= t.span.start)
                        .filter(|n| {
                            let gap = &f.text[n.span.end..t.span.start];
                            gap.len() <= 4 && !gap.contains([',', '.', ';'])
                        });
                    let after = named
                        .iter()
                        .find(|n| n.span.start >= t.span.end)
                        .filter(|n| {
                            let gap = f.text[t.span.end..n.span.start].trim().to_lowercase();
                            gap == "of" || gap == "by"
                        });
                    let Some(n) = before.or(after) else { continue };
                    let list: Vec<(StateCode, Span)> = match &n.who {
                        Who::State(c, _) => vec![(*c, n.span)],
                        Who::Group(cs) => cs.iter().map(|c| (*c, n.span)).collect(),
                        Who::Body(_, Some(c)) => vec![(*c, n.span)],
                        _ => continue,
                    };
                    let list = if matches!(n.who, Who::State(..)) && before.is_some() {
                        let items: Vec<Named> = named
                            .iter()
                            .filter(|x| x.span.end <= n.span.end)
                            .cloned()
                            .collect();
                        self.list(f.text, &items, true)
                    } else {
                        list
                    };
                    for st in list {
                        push(
                            make(
                                ClaimKind::IntendsToWithdraw,
                                Some(st),
                                None,
                                Some(Aim::Withdraw),
                                modality,
                            ),
                            &mut out,
                        );
                    }
                }
                // "Lithuania ceased to be a party": a state's, not the treaty's.
                Trig::WithdrawalEffect
                    if !matches!(subject, Subject::States(_))
                        && !self
                            .aim_withdraw
                            .is_match(&f.text[t.span.start..t.span.end])
                        && !self.aim_withdraw.is_match(
                            &f.text[floor(
                                f.text,
                                t.span.start.saturating_sub(100).max(piece.span.start),
                            )..t.span.start],
                        ) =>
                {
                    // "Konwencja przestanie obowiązywać Polskę 20 lutego": the treaty
                    // ceases to bind the state named after the verb, its withdrawal.
                    let trig = f.text[t.span.start..t.span.end].to_lowercase();
                    let ceases = CEASE_STEMS.iter().any(|w| trig.contains(w));
                    let object = within(
                        f.named,
                        Span::new(
                            t.span.end,
                            floor(f.text, (t.span.end + 40).min(piece.span.end)),
                        ),
                        |n| n.span.start,
                    )
                    .iter()
                    .find_map(|n| match n.who {
                        Who::State(code, _) => Some((code, n.span)),
                        _ => None,
                    });
                    if ceases {
                        if let Some(st) = object
                            && matches!(subject, Subject::Treaty)
                        {
                            let mut d =
                                make(ClaimKind::WithdrawalEffect, Some(st), None, None, modality);
                            d.subject_doubt = d.subject_doubt.or(Some(Doubt::AfterVerb));
                            push(d, &mut out);
                        }
                    }
                    // "The Convention takes effect on ...": the treaty, not a withdrawal.
                    else if matches!(subject, Subject::Treaty)
                        && !self.rule_cue.is_match(sentence_text)
                    {
                        push(
                            make(ClaimKind::EntryIntoForce, None, None, None, modality),
                            &mut out,
                        );
                    }
                }
                kind => {
                    let asserted = matches!(modality, Modality::Asserted);
                    let negated = modality == Modality::Negated;
                    let future = modality == Modality::Future;
                    let claim = match kind {
                        Trig::NotSigned => ClaimKind::NotSigned,
                        Trig::NotJoined => ClaimKind::NotJoined,
                        Trig::Signed if negated => ClaimKind::NotSigned,
                        Trig::Signed => ClaimKind::Signed,
                        // "deposit theirs" names no instrument: an accession only in
                        // sentences about joining.
                        Trig::Deposited
                            if !self.aim_join.is_match(&f.text[t.span.start..t.span.end])
                                && !self.aim_join.is_match(
                                    &f.text[f.sentences[si.saturating_sub(2)].start.min(sent.start)
                                        ..sent.end],
                                ) =>
                        {
                            continue;
                        }
                        Trig::Ratified | Trig::Joined | Trig::Deposited if negated => {
                            ClaimKind::NotJoined
                        }
                        Trig::Ratified => ClaimKind::Ratified,
                        Trig::Joined | Trig::Deposited => ClaimKind::Joined,
                        Trig::Withdrew | Trig::WithdrawalNotified | Trig::WithdrawalEffect
                            if negated =>
                        {
                            ClaimKind::NotWithdrawn
                        }
                        Trig::Withdrew if future => {
                            if date.is_some_and(|d| matches!(d.when, Some(When::Day(_)))) {
                                ClaimKind::WithdrawalEffect
                            } else {
                                ClaimKind::IntendsToWithdraw
                            }
                        }
                        // "submitted their notifications to the UN": a withdrawal only
                        // in a text about leaving.
                        Trig::WithdrawalNotified
                            if !self
                                .aim_withdraw
                                .is_match(&f.text[t.span.start..t.span.end])
                                && (self.aim_join.is_match(sentence_text)
                                    || !self.aim_withdraw.is_match(
                                        &f.text[f.sentences[si.saturating_sub(2)]
                                            .start
                                            .min(sent.start)
                                            ..sent.end],
                                    )) =>
                        {
                            continue;
                        }
                        Trig::WithdrawalNotified => ClaimKind::WithdrawalNotified,
                        Trig::WithdrawalEffect => ClaimKind::WithdrawalEffect,
                        Trig::Withdrew => ClaimKind::Withdrew,
                        // "announced similar moves": only after sentences about leaving.
                        Trig::Intent
                            if self.similar.is_match(&f.text[t.span.start..t.span.end]) =>
                        {
                            let from = f.sentences[si.saturating_sub(2)].start.min(sent.start);
                            if !self.aim_withdraw.is_match(&f.text[from..t.span.start]) {
                                continue;
                            }
                            ClaimKind::IntendsToWithdraw
                        }
                        Trig::Intent => ClaimKind::IntendsToWithdraw,
                        Trig::Stockpile => ClaimKind::Stockpile,
                        Trig::Arsenal => ClaimKind::Arsenal,
                        Trig::Suspended => ClaimKind::Suspended,
                        Trig::Production => ClaimKind::Production,
                        Trig::Use => ClaimKind::Use,
                        Trig::Rank if matches!(t.extra, Extra::Ordinal { .. }) => ClaimKind::Count,
                        Trig::Rank => ClaimKind::GroupRank,
                        _ => continue,
                    };
                    let _ = asserted;
                    let aim = match claim {
                        ClaimKind::IntendsToWithdraw => Some(Aim::Withdraw),
                        ClaimKind::Suspended => Some(Aim::Suspend),
                        _ => None,
                    };
                    // Negated claim kinds carry their negation.
                    let modality = match claim {
                        ClaimKind::NotSigned | ClaimKind::NotJoined | ClaimKind::NotWithdrawn
                            if modality == Modality::Asserted =>
                        {
                            Modality::Negated
                        }
                        _ => modality,
                    };
                    // Production is read only of a state named before it.
                    if claim == ClaimKind::Production
                        && states.first().is_none_or(|(_, sp)| sp.end > t.span.start)
                    {
                        continue;
                    }
                    // "no longer bound by the treaty's bans on the use, production": what
                    // the treaty bans, not what the state does.
                    if matches!(claim, ClaimKind::Production | ClaimKind::Use) {
                        let from = floor(f.text, t.span.start.saturating_sub(80)).max(sent.start);
                        let pre = &f.text[from..t.span.end];
                        let treaty_before =
                            within(f.named, Span::new(from, t.span.start), |n| n.span.start)
                                .iter()
                                .rev()
                                .find(|n| n.who != Who::Body(String::new(), None))
                                .is_some_and(|n| n.who == Who::Treaty);
                        if (treaty_before && claim == ClaimKind::Production)
                            || self.rules.iter().any(|(topic, re)| {
                                *topic == RuleTopic::Prohibitions && re.is_match(pre)
                            })
                        {
                            continue;
                        }
                    }
                    match &subject {
                        Subject::States(list) => {
                            // "Lithuania, Estonia and Latvia joined it in 2003, 2004 and
                            // 2005 respectively": the dates go to the states in order.
                            let later: Vec<&&FoundDate> = dates
                                .iter()
                                .filter(|d| {
                                    d.mention.span.start >= t.span.end
                                        && matches!(
                                            d.mention.kind,
                                            DateKind::Day | DateKind::Month | DateKind::Year
                                        )
                                })
                                .collect();
                            // "Estonia and Latvia ... acceded in 2004 and 2005": as many
                            // dates as states, nothing but joining words between them.
                            let adjacent = || {
                                let mut pos = t.span.end;
                                let mut rest = String::new();
                                for d in &later {
                                    if d.mention.span.start < pos {
                                        return false;
                                    }
                                    rest.push_str(&f.text[pos..d.mention.span.start]);
                                    pos = d.mention.span.end;
                                }
                                rest.split(|c: char| !c.is_alphanumeric())
                                    .filter(|w| !w.is_empty())
                                    .all(|w| {
                                        let w = w.to_lowercase();
                                        [
                                            "in", "on", "and", "m", "r", "gadā", "gada", "vuonna",
                                            "roku", "году", "року", "aastal", "w", "в", "у",
                                        ]
                                        .contains(&w.as_str())
                                            || self.lex.list_joins.contains(&w.as_str())
                                    })
                            };
                            let paired = list.len() >= 2
                                && later.len() == list.len()
                                && (self.respectively.is_match(sentence_text) || adjacent());
                            for (i, st) in list.iter().enumerate() {
                                let mut d = make(claim, Some(*st), None, aim, modality);
                                if paired {
                                    d.when = later[i].claim_when();
                                    d.since = later[i].mention.since;
                                    d.date_doubt = None;
                                }
                                push(d, &mut out);
                            }
                            // "Lithuania had been bound by it since 2003, Estonia since
                            // 2004 and Latvia since 2006": the verb left out.
                            // "The three Baltic states leave on Dec. 27, Finland on
                            // Jan. 10": after a list too.
                            if let (false, Some(first)) = (list.is_empty(), date)
                                && !paired
                                && first.mention.span.start > t.span.start
                            {
                                for (st, when, since, span) in self.gapped(
                                    f,
                                    sent,
                                    first,
                                    t,
                                    triggers,
                                    modality == Modality::Future,
                                ) {
                                    let mut d = make(claim, Some((st, span)), None, aim, modality);
                                    d.when = Some(when);
                                    d.since = since;
                                    d.span = span;
                                    d.subject_doubt = Some(Doubt::ElidedVerb);
                                    d.date_doubt = None;
                                    push(d, &mut out);
                                }
                            }
                        }
                        Subject::Body(name, code, span)
                            if claim == ClaimKind::Signed
                                && self.law_word.is_match(
                                    &f.text[si
                                        .checked_sub(1)
                                        .map_or(sent.start, |p| f.sentences[p].start)
                                        ..sent.end],
                                ) =>
                        {
                            // "President Rinkevics signed it": the law, not the treaty.
                            let state = body_state(*code, *span, false);
                            if state.is_some() {
                                let aim = self
                                    .aim_withdraw
                                    .is_match(&f.text[sent.start..sent.end])
                                    .then_some(Aim::Withdraw);
                                push(
                                    make(ClaimKind::Law, state, Some(name.clone()), aim, modality),
                                    &mut out,
                                );
                            }
                        }
                        Subject::Body(name, code, span) => {
                            let state = body_state(*code, *span, false);
                            // A government or president signing, notifying, withdrawing
                            // acts for the state; a parliament's "ratified" is a step.
                            let domestic = is_parliament(name);
                            let actor = (domestic
                                && matches!(
                                    claim,
                                    ClaimKind::Ratified | ClaimKind::Joined | ClaimKind::Withdrew
                                ))
                            .then(|| name.clone());
                            // "the defence ministers of Estonia, Latvia, Lithuania and
                            // Poland recommended leaving": one claim per state.
                            let several = if claim == ClaimKind::IntendsToWithdraw {
                                self.body_list(f.text, sent_named, *span)
                            } else {
                                Vec::new()
                            };
                            if several.len() >= 2 {
                                for st in several {
                                    push(
                                        make(claim, Some(st), actor.clone(), aim, modality),
                                        &mut out,
                                    );
                                }
                            } else if state.is_some() {
                                push(make(claim, state, actor, aim, modality), &mut out);
                            }
                        }
                        Subject::Treaty
                            if claim == ClaimKind::Signed
                                && (date.is_some() || place.is_some()) =>
                        {
                            push(
                                make(ClaimKind::TreatyOpened, None, None, None, modality),
                                &mut out,
                            );
                        }
                        _ => {}
                    }
                }
            }
        }
        self.exceptions_and_inclusions(f, triggers, &mut out, limit);
        self.periods(f, &mut out, limit);
        self.rules(f, &mut out, limit);
        // "Somalia will have four years to destroy its stocks": the rule's period said
        // of the state is the claim; its verb alone is not another.
        let is_period =
            |d: &Draft| matches!(d.extra, Extra::Obligation { what, .. } if what.is_period());
        // A deadline's date inside the period ("four years, until February 2019, to
        // destroy") is checked by its date instead.
        let dated: Vec<(Option<StateCode>, Span)> = out
            .iter()
            .filter(|d| {
                matches!(
                    d.extra,
                    Extra::Obligation {
                        what: Obl::StockpileDeadline | Obl::ClearanceDeadline | Obl::SomeDeadline,
                        ..
                    }
                )
            })
            .map(|d| (d.state, d.span))
            .collect();
        out.retain(|d| {
            !(is_period(d)
                && dated.iter().any(|(x, s)| {
                    *x == d.state && d.span.start <= s.start && s.end <= d.span.end + 40
                }))
        });
        let periods: Vec<(Option<StateCode>, Span)> = out
            .iter()
            .filter(|d| is_period(d))
            .map(|d| (d.state, d.span))
            .collect();
        if !periods.is_empty() {
            out.retain(|d| {
                !(d.kind == ClaimKind::Obligation
                    && !is_period(d)
                    && periods.iter().any(|(st, sp)| {
                        *st == d.state && sp.start < d.span.end && d.span.start < sp.end
                    }))
            });
        }
        // Someone's words the article quotes: not the article's own claim.
        for d in &mut out {
            if in_quotation(f.text, d.span.start) {
                d.subject_doubt = Some(Doubt::Quoted);
            }
        }
        out.sort_by_key(|d| (d.span.start, d.span.end));
        let cut = out.len() > limit;
        out.truncate(limit);
        (out, cut)
    }

    /// Whether a sentence names another treaty or body (NATO, the EU), other than as a
    /// place ("Within the European Union, Greece and Romania have not signed").
    fn other_in(&self, f: &Found<'_>, sent: Span) -> bool {
        within(f.others, sent, |s| s.start).iter().any(|o| {
            let from = floor(f.text, o.start.saturating_sub(20));
            let to = floor(f.text, (o.end + 20).min(sent.end)).max(o.end);
            // "the NATO members that border Russia": a group of states, not the body.
            !self.place_of.is_match(&f.text[from..o.start])
                && !self.member_of.is_match(&f.text[o.end..to])
        })
    }

    /// Where a relative clause ends: at its next comma or semicolon, but not at the
    /// commas of a list inside it ("which bans the use, production and transfer of").
    fn relative_end(&self, text: &str, from: usize, end: usize) -> usize {
        let mut at = from;
        while let Some(i) = text[at..end].find([',', ';']) {
            let comma = at + i;
            if text[comma..].starts_with(';') {
                return comma;
            }
            // One or two words, then another comma or a list's "and".
            let rest = &text[comma + 1..end];
            let mut words = rest.split_whitespace();
            let mut listed = false;
            for _ in 0..3 {
                let Some(w) = words.next() else { break };
                if w.ends_with(',') {
                    listed = true;
                    break;
                }
                let bare = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                if self.lex.list_joins.contains(&bare.as_str()) {
                    listed = true;
                    break;
                }
                if w.ends_with(['.', ';', ':', ')']) {
                    break;
                }
            }
            if !listed {
                return comma;
            }
            at = comma + 1;
        }
        end
    }

    fn is_adopted(&self, trig: &str) -> bool {
        let t = trig.to_lowercase();
        t.starts_with("adopt")
            || t.starts_with("priim")
            || t.starts_with("pieņ")
            || t.starts_with("võeti")
            || t.starts_with("hyväksy")
            || t.starts_with("tehtiin")
            || t.starts_with("przyj")
            || t.starts_with("ухвал")
            || t.starts_with("прийн")
            || t.starts_with("принят")
            || t.starts_with("прин")
    }

    fn mentions_treaty(&self, s: &str) -> bool {
        self.anaphor.is_match(s)
    }

    /// A place named near the trigger, in its clause, not inside a name of the treaty
    /// ("Ottawa Convention"): the nearest, after it first.
    fn place_in(
        &self,
        text: &str,
        scope: &[Span],
        t: Span,
        treaty_spans: &[Span],
        others: &[Span],
    ) -> Option<&'static str> {
        let mut best: Option<(usize, &'static str)> = None;
        for sp in scope {
            let a = floor(text, sp.start.max(t.start.saturating_sub(80)));
            let b = floor(text, sp.end.min(t.end + 80));
            if a >= b {
                continue;
            }
            for (re, id) in &self.places {
                for m in re.find_iter(&text[a..b]) {
                    let (ms, me) = (a + m.start(), a + m.end());
                    if treaty_spans.iter().any(|x| x.start <= ms && me <= x.end) {
                        continue;
                    }
                    // "adopted on 18 September 1997, was signed by Poland in Ottawa":
                    // the place of another verb between.
                    if others.iter().any(|o| {
                        (t.end <= o.start && o.end <= ms) || (me <= o.start && o.end <= t.start)
                    }) {
                        continue;
                    }
                    // Distance, with places after the verb a little nearer.
                    let dist = if ms >= t.end {
                        ms - t.end
                    } else {
                        (t.start.saturating_sub(me)) * 2
                    };
                    if best.is_none_or(|(d, _)| dist < d) {
                        best = Some((dist, id));
                    }
                }
            }
        }
        best.map(|(_, id)| id)
    }

    /// Words that join clauses: English "and", "but", "while", "whereas" (articles in
    /// every language quote English) and the article language's one-word list joins.
    fn conjunctions(&self) -> impl Iterator<Item = &'static str> + '_ {
        ["and", "while", "but", "whereas"].into_iter().chain(
            self.lex
                .list_joins
                .iter()
                .copied()
                .filter(|w| w.chars().all(char::is_alphabetic)),
        )
    }

    /// A date moved by the offset that follows it ("2 December 1997, two days before"),
    /// or `None` when no offset follows. The result is marked relative (a contradiction
    /// may not rest on it); a date that cannot be moved loses its day.
    fn offset_from(&self, d: &FoundDate, gap: &str) -> Option<FoundDate> {
        let c = self.offset.captures(gap)?;
        let n = match c.name("n").map(|m| m.as_str().to_lowercase()) {
            Some(w) if w == "a" || w == "an" => 1,
            Some(w) => w
                .parse::<i64>()
                .ok()
                .or_else(|| english_number(&w).map(i64::from))?,
            None => return None,
        };
        let n = if c.name("before").is_some() { n } else { -n };
        let unit = c.name("unit").map_or("", |m| m.as_str()).to_lowercase();
        let span = match unit.chars().next() {
            Some('d') => jiff::Span::new().days(n),
            Some('w') => jiff::Span::new().weeks(n),
            Some('m') => jiff::Span::new().months(n),
            _ => jiff::Span::new().years(n),
        };
        let shift = |w: Option<When>| -> Option<When> {
            match w? {
                When::Day(x) => x.checked_add(span).ok().map(When::Day),
                When::Month(y, m) if matches!(unit.chars().next(), Some('m' | 'y')) => {
                    let x = treatywatch_core::Date::new(y, m, 1)
                        .ok()?
                        .checked_add(span)
                        .ok()?;
                    Some(When::Month(x.year(), x.month()))
                }
                When::Year(y) if unit.starts_with('y') => {
                    Some(When::Year(y + i16::try_from(n).ok()?))
                }
                _ => None,
            }
        };
        let mut out = d.clone();
        out.when = shift(d.when);
        out.past = d.past.and_then(|w| shift(Some(w)));
        out.ahead = d.ahead.and_then(|w| shift(Some(w)));
        out.mention.kind = DateKind::Relative;
        out.mention.span = Span::new(
            d.mention.span.start,
            d.mention.span.end + c.get(0).map_or(0, |m| m.end()),
        );
        Some(out)
    }

    /// States after the first claim's date, each with a date of its own and no verb:
    /// ", Estonia since 2004 and Latvia since the start of 2006".
    fn gapped(
        &self,
        f: &Found<'_>,
        sent: Span,
        first: &FoundDate,
        t: &Trigger,
        triggers: &[Trigger],
        future: bool,
    ) -> Vec<(StateCode, When, bool, Span)> {
        let mut out = Vec::new();
        let mut pos = first.mention.span.end;
        let named = within(f.named, Span::new(pos, sent.end), |n| n.span.start);
        for n in named.iter().take(10) {
            let Who::State(code, _) = n.who else { break };
            let gap = f.text[pos..n.span.start].trim().to_lowercase();
            if !(gap == "," || gap == "and" || gap == ", and" || gap == ";") {
                break;
            }
            if triggers.iter().any(|x| {
                x.span.start > t.span.end && x.span.start >= pos && x.span.start < n.span.start
            }) {
                break;
            }
            let Some(d) = within(f.dates, Span::new(n.span.end, sent.end), |d| {
                d.mention.span.start
            })
            .first() else {
                break;
            };
            let between = f.text[n.span.end..d.mention.span.start]
                .trim()
                .to_lowercase();
            let ok = between.is_empty()
                || [
                    "since",
                    "in",
                    "on",
                    "from",
                    "by",
                    "since the start of",
                    "in the autumn of",
                    "since the end of",
                ]
                .contains(&between.as_str());
            if !ok {
                break;
            }
            let Some(w) = d.claim_when_for(future) else {
                break;
            };
            out.push((code, w, d.mention.since, n.span.cover(d.mention.span)));
            pos = d.mention.span.end;
        }
        out
    }

    /// Where a decree, law or vote points, from the words after it (up to 120 bytes in
    /// its sentence), and where those words end.
    fn aim_after(&self, text: &str, trigger: Span, sent: Span) -> (Option<Aim>, usize) {
        let end = floor(text, (trigger.end + 120).min(sent.end)).max(trigger.end);
        // "võttis konventsioonist lahkumise seaduse vastu": the aim inside the trigger.
        let inner = &text[trigger.start..trigger.end];
        for (re, aim) in [
            (&self.aim_suspend, Aim::Suspend),
            (&self.aim_withdraw, Aim::Withdraw),
            (&self.aim_join, Aim::Join),
        ] {
            if re.is_match(inner) {
                return (Some(aim), trigger.end);
            }
        }
        let object = &text[trigger.end..end];
        let found = [
            (&self.aim_suspend, Aim::Suspend),
            (&self.aim_withdraw, Aim::Withdraw),
            (&self.aim_join, Aim::Join),
        ]
        .into_iter()
        .filter_map(|(re, aim)| re.find(object).map(|m| (m.start(), m.end(), aim)))
        .min_by_key(|(s, _, _)| *s);
        match found {
            Some((_, e, aim)) => (Some(aim), trigger.end + e),
            None => (None, trigger.end),
        }
    }

    /// States after "but not" or "except" get the clause's event negated; states
    /// after "including" get it as it is.
    fn exceptions_and_inclusions(
        &self,
        f: &Found<'_>,
        triggers: &[Trigger],
        out: &mut Vec<Draft>,
        limit: usize,
    ) {
        for (si, sent) in f.sentences.iter().enumerate() {
            if out.len() >= limit {
                return;
            }
            let sent_named = within(f.named, *sent, |n| n.span.start);
            if sent_named.is_empty() {
                continue;
            }
            let pieces = self.segments(f.text, *sent, sent_named);
            if !pieces
                .iter()
                .any(|p| matches!(p.kind, SegKind::Exception | SegKind::Inclusion))
            {
                continue;
            }
            let other = self.other_in(f, *sent);
            if other && !sent_named.iter().any(|n| n.who == Who::Treaty) {
                continue;
            }
            let sent_triggers = within(triggers, *sent, |t| t.span.start);
            for p in pieces
                .iter()
                .filter(|p| matches!(p.kind, SegKind::Exception | SegKind::Inclusion))
            {
                if sent_triggers
                    .iter()
                    .any(|t| p.span.start <= t.span.start && t.span.start < p.span.end)
                {
                    continue;
                }
                let items: Vec<Named> = within(sent_named, p.span, |n| n.span.start).to_vec();
                let states = self.list(f.text, &items, false);
                if states.is_empty() {
                    continue;
                }
                // The event it qualifies: the nearest state event or count in the sentence.
                let event = sent_triggers
                    .iter()
                    .filter(|t| {
                        matches!(
                            t.kind,
                            Trig::Count
                                | Trig::Signed
                                | Trig::Ratified
                                | Trig::Joined
                                | Trig::Deposited
                                | Trig::Withdrew
                                | Trig::WithdrawalNotified
                                | Trig::NotSigned
                                | Trig::NotJoined
                        )
                    })
                    .min_by_key(|t| t.span.start.abs_diff(p.span.start));
                let Some(event) = event else { continue };
                let sentence_text = &f.text[sent.start..sent.end];
                // A count as it was read (a count of states outside, of signatories).
                let extra = out
                    .iter()
                    .find(|d| d.kind == ClaimKind::Count && d.span == event.span)
                    .map_or(event.extra, |d| d.extra);
                let base = match (event.kind, extra) {
                    (Trig::Count, Extra::Count { what, .. }) => match what {
                        CountWhat::Outside => ClaimKind::NotJoined,
                        CountWhat::SignedOnly => ClaimKind::Signed,
                        CountWhat::Signed => ClaimKind::Signed,
                        CountWhat::Withdrawing => ClaimKind::IntendsToWithdraw,
                        _ if self.count_withdraw.is_match(sentence_text) => {
                            ClaimKind::IntendsToWithdraw
                        }
                        _ if self.count_sign.is_match(sentence_text)
                            && !self.count_join.is_match(sentence_text) =>
                        {
                            ClaimKind::Signed
                        }
                        _ => ClaimKind::Joined,
                    },
                    (Trig::Signed, _) => ClaimKind::Signed,
                    (Trig::Withdrew | Trig::WithdrawalNotified, _) => ClaimKind::Withdrew,
                    (Trig::NotSigned, _) => ClaimKind::NotSigned,
                    (Trig::NotJoined, _) => ClaimKind::NotJoined,
                    _ => ClaimKind::Joined,
                };
                let kind = if p.kind == SegKind::Exception {
                    match base {
                        ClaimKind::NotJoined => ClaimKind::Joined,
                        ClaimKind::Signed => ClaimKind::NotSigned,
                        ClaimKind::Joined => ClaimKind::NotJoined,
                        ClaimKind::Withdrew | ClaimKind::IntendsToWithdraw => {
                            ClaimKind::NotWithdrawn
                        }
                        // "have not signed, except X": X signed.
                        ClaimKind::NotSigned => ClaimKind::Signed,
                        _ => ClaimKind::Joined,
                    }
                } else {
                    base
                };
                let modality = match kind {
                    ClaimKind::NotSigned | ClaimKind::NotJoined | ClaimKind::NotWithdrawn => {
                        Modality::Negated
                    }
                    _ => Modality::Asserted,
                };
                for (c, sp) in states {
                    if out.iter().any(|d| {
                        d.state == Some(c) && sentence_of(f.sentences, d.span.start) == Some(si)
                    }) {
                        continue;
                    }
                    out.push(Draft {
                        kind,
                        span: Span::new(marker_start(f.text, p.span), sp.end),
                        state: Some(c),
                        actor: None,
                        when: None,
                        since: false,
                        aim: (kind == ClaimKind::IntendsToWithdraw).then_some(Aim::Withdraw),
                        extra: Extra::None,
                        months: None,
                        modality,
                        place: None,
                        plain: false,
                        earlier: false,
                        subject_doubt: Some(if p.kind == SegKind::Exception {
                            Doubt::ListContrast
                        } else {
                            Doubt::ElidedVerb
                        }),
                        date_doubt: None,
                    });
                }
            }
        }
    }

    /// Sentences that describe the treaty's rules: one `treaty_rule` claim per topic.
    fn rules(&self, f: &Found<'_>, out: &mut Vec<Draft>, limit: usize) {
        let treaty_spans: Vec<Span> = f
            .named
            .iter()
            .filter(|n| n.who == Who::Treaty)
            .map(|n| n.span)
            .collect();
        for sent in f.sentences {
            if out.len() >= limit {
                return;
            }
            // A sentence with a withdrawal period read already: its other rules only
            // ("it has no suspension clause: only withdrawal, six months after ...").
            let has_period = out.iter().any(|d| {
                d.kind == ClaimKind::WithdrawalPeriod
                    && sent.start <= d.span.start
                    && d.span.start < sent.end
            });
            let mut topics: Vec<RuleTopic> = Vec::new();
            let end = floor(f.text, sent.end.min(sent.start + 2000)).max(sent.start);
            let s = &f.text[sent.start..end];
            let sent_named = within(f.named, *sent, |n| n.span.start);
            let other = self.other_in(f, *sent);
            let names_treaty = sent_named.iter().any(|n| n.who == Who::Treaty);
            if other && !names_treaty {
                continue;
            }
            let about_treaty = names_treaty || self.mentions_treaty(s);
            let cue = self.rule_cue.is_match(s) || self.generic.is_match(s);
            let withdraw = self.aim_withdraw.is_match(s);
            for (topic, re) in &self.rules {
                // Two rules at most in a sentence, of different topics.
                // Art. 20 is one rule: its period and its armed-conflict clause.
                let art20 = matches!(
                    topic,
                    RuleTopic::WithdrawalPeriod | RuleTopic::ArmedConflict
                );
                if topics.len() >= 2
                    || (has_period && art20)
                    || (art20
                        && topics.iter().any(|t| {
                            matches!(t, RuleTopic::WithdrawalPeriod | RuleTopic::ArmedConflict)
                        }))
                {
                    continue;
                }
                // "its first transparency report, due within 180 days": one rule.
                if *topic == RuleTopic::Reports && topics.contains(&RuleTopic::InitialReport) {
                    continue;
                }
                let Some(caps) = re.captures(s) else { continue };
                let m = caps.get(0).expect("group 0");
                // "... and ten years to clear": the rule's own words start at `from`.
                let from = caps.name("from").map_or(m.start(), |x| x.start());
                let span = Span::new(sent.start + from, sent.start + m.end());
                if treaty_spans
                    .iter()
                    .any(|t| t.start <= span.start && span.end <= t.end)
                {
                    continue;
                }
                let gate = match topic {
                    RuleTopic::ArmedConflict => withdraw,
                    RuleTopic::Prohibitions => about_treaty || cue,
                    RuleTopic::Reservations => true,
                    RuleTopic::StockpileDeadline
                    | RuleTopic::ClearanceDeadline
                    | RuleTopic::InitialReport => true,
                    RuleTopic::Reports | RuleTopic::Retention => cue,
                    RuleTopic::Depositary | RuleTopic::NoSuspension => true,
                    RuleTopic::Withdrawal
                    | RuleTopic::Retraction
                    | RuleTopic::Definition
                    | RuleTopic::Extension
                    | RuleTopic::Accession
                    | RuleTopic::Duration => true,
                    RuleTopic::EntryIntoForce => true,
                    RuleTopic::WithdrawalPeriod => withdraw,
                };
                if !gate {
                    continue;
                }
                let n = caps
                    .name("n")
                    .or(caps.name("n2"))
                    .and_then(|n| self.number(n.as_str()));
                // "срок которого истек в 2010 году": a year, not a number of years.
                if n.is_some_and(|n| n >= 100) && *topic != RuleTopic::InitialReport {
                    continue;
                }
                // "Oman will have four years to destroy its stockpile": the rule said of
                // a state is that state's obligation.
                let period = match topic {
                    RuleTopic::StockpileDeadline => Some(Obl::StockpilePeriod),
                    RuleTopic::ClearanceDeadline => Some(Obl::ClearancePeriod),
                    RuleTopic::InitialReport => Some(Obl::ReportPeriod),
                    _ => None,
                };
                // "granted Chile a further eight years to clear": an extension, read
                // as one elsewhere, not the rule's period.
                if period.is_some() && self.more_time.is_match(m.as_str()) {
                    continue;
                }
                if let Some(what) = period {
                    let states = self.rule_states(f, *sent, span);
                    // "... and ten years to clear" said of no state: the sentence's
                    // first rule holds it.
                    if states.is_empty() && caps.name("from").is_some() {
                        continue;
                    }
                    if !states.is_empty() {
                        topics.push(*topic);
                        let conditional = self.conditional.is_match(s);
                        let more = self.more_time.is_match(s);
                        for (st, _) in states {
                            out.push(Draft {
                                kind: ClaimKind::Obligation,
                                span,
                                state: Some(st),
                                actor: None,
                                when: None,
                                since: false,
                                aim: None,
                                extra: Extra::Obligation {
                                    what,
                                    n: n.map(|n| (Qual::Exact, f64::from(n))),
                                    more,
                                },
                                months: None,
                                modality: if conditional {
                                    Modality::Conditional
                                } else {
                                    Modality::Asserted
                                },
                                place: None,
                                plain: false,
                                earlier: false,
                                subject_doubt: None,
                                date_doubt: None,
                            });
                        }
                        continue;
                    }
                }
                // The first takes the sentence; a second, its own words.
                let whole = topics.is_empty() && !has_period;
                topics.push(*topic);
                out.push(Draft {
                    kind: ClaimKind::TreatyRule,
                    span: if whole { trimmed(f.text, *sent) } else { span },
                    state: None,
                    actor: None,
                    when: None,
                    since: false,
                    aim: None,
                    extra: Extra::Rule {
                        topic: *topic,
                        n,
                        negated: self.not_word.is_match(s),
                        permissive: self.permissive.is_match(s),
                        wrong_object: self.not_banned.is_match(s),
                        un: self.un.is_match(s),
                    },
                    months: None,
                    modality: Modality::Rule,
                    place: None,
                    plain: false,
                    earlier: false,
                    subject_doubt: None,
                    date_doubt: None,
                });
            }
        }
    }

    /// The states a rule's period is said of: the state (or list) named last before it in
    /// the sentence, with no generic subject ("states", "each party") between; else, for a
    /// sentence opening with a pronoun ("It", "The Gulf state"), the state named last
    /// before the sentence.
    fn rule_states(&self, f: &Found<'_>, sent: Span, at: Span) -> Vec<(StateCode, Span)> {
        let before: Vec<Named> = within(f.named, sent, |n| n.span.start)
            .iter()
            .filter(|n| {
                n.span.end <= at.start
                    && matches!(n.who, Who::State(..) | Who::Body(..) | Who::Group(_))
            })
            .cloned()
            .collect();
        if let Some(last) = before.last() {
            if !matches!(
                last.who,
                Who::State(..) | Who::Body(_, Some(_)) | Who::Group(_)
            ) {
                return Vec::new();
            }
            let gap = &f.text[last.span.end..at.start];
            if gap.len() > 160 || self.generic.is_match(gap) {
                return Vec::new();
            }
            // "Mozambique ... has until 2009 to clear; its stockpile must be destroyed":
            // past a semicolon, only a pronoun carries the subject on.
            if let Some(i) = gap.rfind([';', ':'])
                && !self.opens_with_pronoun(&gap[i + 1..])
            {
                return Vec::new();
            }
            return match &last.who {
                Who::Group(cs) => cs.iter().map(|c| (*c, last.span)).collect(),
                Who::Body(_, Some(c)) => vec![(*c, last.span)],
                _ => self.list(f.text, &before, true),
            };
        }
        let lead = &f.text[sent.start..at.start];
        if self.generic.is_match(&f.text[sent.start..at.end]) {
            return Vec::new();
        }
        // "Under the treaty it will then have four years": the pronoun before the verb.
        let mut bare = lead.trim_end();
        loop {
            let word_start = bare.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            let word = bare[word_start..].to_lowercase();
            if [
                "will",
                "would",
                "must",
                "shall",
                "now",
                "then",
                "also",
                "therefore",
                "thus",
            ]
            .contains(&word.as_str())
            {
                bare = bare[..word_start].trim_end();
            } else {
                break;
            }
        }
        let before_verb = format!("{bare} ");
        if !self.opens_with_pronoun(lead) && !self.pronoun.is_match(&before_verb) {
            return Vec::new();
        }
        // "It gives each state four years": after a verb of giving, "it" may be the
        // treaty; before one of having or doing, it is the state.
        let giving = {
            let m = f.text[at.start..at.end].to_lowercase();
            ["give", "allow", "grant"].iter().any(|w| m.starts_with(w))
        };
        let found = if giving {
            self.antecedent(f.text, f.named, sent.start, None)
        } else {
            self.state_antecedent(f.named, sent.start)
        };
        match found {
            Some(Subject::States(v)) => v,
            _ => Vec::new(),
        }
    }

    /// Whether `s` opens with a pronoun for a state ("it", "its", "the country").
    fn opens_with_pronoun(&self, s: &str) -> bool {
        let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
        (1..=s.len().min(40))
            .filter(|&k| s.is_char_boundary(k))
            .any(|k| self.pronoun.find(&s[..k]).is_some_and(|m| m.start() == 0))
    }

    /// Withdrawal periods: a length of time in a sentence about withdrawing.
    fn periods(&self, f: &Found<'_>, out: &mut Vec<Draft>, limit: usize) {
        let mut done: Vec<usize> = Vec::new();
        for d in f.dates {
            if out.len() >= limit {
                return;
            }
            if d.mention.kind != DateKind::Duration {
                continue;
            }
            let Some(si) = sentence_of(f.sentences, d.mention.span.start) else {
                continue;
            };
            if done.contains(&si) {
                continue;
            }
            let sent = f.sentences[si];
            let sent_named = within(f.named, sent, |n| n.span.start);
            let other = self.other_in(f, sent);
            if other && !sent_named.iter().any(|n| n.who == Who::Treaty) {
                continue;
            }
            if !self
                .aim_withdraw
                .is_match(around(f.text, sent, d.mention.span, 300))
            {
                continue;
            }
            // The rule's period: "six months after ...", "the six-month notice period";
            // not "six months earlier", "those six months".
            let end =
                floor(f.text, (d.mention.span.end + 120).min(sent.end)).max(d.mention.span.end);
            let after = &f.text[d.mention.span.end..end];
            if !self.period_follow.is_match(after) {
                continue;
            }
            // A sentence about one state's withdrawal, or with a date, is about that
            // withdrawal, not the rule.
            let state_before = sent_named.iter().any(|n| {
                n.span.end <= d.mention.span.start
                    && matches!(n.who, Who::State(..) | Who::Group(_))
            });
            let dated = within(f.dates, sent, |x| x.mention.span.start)
                .iter()
                .any(|x| {
                    matches!(
                        x.mention.kind,
                        DateKind::Day | DateKind::Month | DateKind::MonthDay
                    )
                });
            // Unless it spells out the rule's start: "six months after the UN receives
            // the notice" is the rule, whoever it is said of.
            let right = self.period_start_right.is_match(after);
            if (state_before || dated) && !right {
                continue;
            }
            let wrong_start = self.period_start_wrong.is_match(after) && !right;
            done.push(si);
            out.push(Draft {
                kind: ClaimKind::WithdrawalPeriod,
                span: trimmed(f.text, sent),
                state: None,
                actor: None,
                when: None,
                since: false,
                aim: Some(Aim::Withdraw),
                extra: Extra::Period { wrong_start },
                months: d.mention.months,
                modality: Modality::Rule,
                place: None,
                plain: false,
                earlier: false,
                subject_doubt: None,
                date_doubt: None,
            });
        }
    }
}

/// A sentence's span without its closing punctuation.
/// What keeps a date from being an explicit absolute date or year: a date relative to
/// another ("two years later", "1 July that year"), or one whose year was placed by the
/// verb's tense ("on June 29", "in March").
fn date_doubt(d: &FoundDate) -> Option<Doubt> {
    match d.mention.kind {
        DateKind::Relative => Some(Doubt::RelativeDate),
        DateKind::MonthDay => Some(Doubt::DateByTense),
        _ if d.past.is_some() || d.ahead.is_some() => Some(Doubt::DateByTense),
        _ if d.mention.how.starts_with("a day whose year") => Some(Doubt::RelativeDate),
        _ => None,
    }
}

fn trimmed(text: &str, sent: Span) -> Span {
    let s = &text[sent.start..sent.end];
    let t = s.trim_end_matches(['.', '!', '?', ' ', '"', '\u{201d}']);
    Span::new(sent.start, sent.start + t.len().max(1).min(s.len()))
}

/// Where an exception or inclusion's words start: after the comma and spaces.
fn marker_start(text: &str, p: Span) -> usize {
    let s = &text[p.start..p.end];
    p.start + (s.len() - s.trim_start_matches([',', ' ', ';']).len())
}

/// The state named nearest a trigger in its clause (`named` is the clause's), after
/// it first when `after_first`.
fn nearest_state(named: &[Named], trigger: Span, after_first: bool) -> Option<(StateCode, Span)> {
    let as_state = |n: &Named| match &n.who {
        Who::State(c, _) => Some((*c, n.span)),
        Who::Body(_, Some(c)) => Some((*c, n.span)),
        Who::Group(cs) => cs.first().map(|c| (*c, n.span)),
        _ => None,
    };
    let split = named.partition_point(|n| n.span.start < trigger.end);
    let after = named[split..].iter().take(60).find_map(as_state);
    let before = named[..split]
        .iter()
        .rev()
        .filter(|n| n.span.end <= trigger.start)
        .take(60)
        .find_map(as_state);
    if after_first {
        after.or(before)
    } else {
        before.or(after)
    }
}

/// The date for a trigger among its clause's dates: the nearest after it if within 60
/// bytes, else the nearest before it, else the nearest after it. Durations are not
/// dates.
fn nearest_date<'a>(text: &str, dates: &[&'a FoundDate], trigger: Span) -> Option<&'a FoundDate> {
    let here: Vec<&FoundDate> = dates
        .iter()
        .copied()
        .filter(|d| d.mention.kind != DateKind::Duration)
        .collect();
    // A date the trigger's words run into ("leave on Dec. 27": the trigger ends inside
    // "Dec.") is after it.
    let after = here.iter().find(|d| {
        d.mention.span.start >= trigger.end
            || (d.mention.span.start > trigger.start && d.mention.span.end > trigger.end)
    });
    // "joined the convention, adopted in Dublin in 2008, in 2011": the first date
    // after the verb sits in an aside, and the clause resumes after the next comma
    // with a date of its own.
    let after = after.map(|a| {
        let aside = text
            .get(trigger.end..a.mention.span.start)
            .is_some_and(|g| g.contains(','));
        let resumed = here
            .iter()
            .find(|b| b.mention.span.start >= a.mention.span.end)
            .filter(|b| {
                let gap = text
                    .get(a.mention.span.end..b.mention.span.start)
                    .unwrap_or("")
                    .trim();
                // ", in", "году, в": one comma and at most two short words.
                let words: Vec<&str> = gap.split([',', ' ']).filter(|w| !w.is_empty()).collect();
                gap.matches(',').count() == 1
                    && words.len() <= 2
                    && words.iter().all(|w| w.chars().count() <= 6)
            });
        match resumed {
            Some(b) if aside => b,
            _ => a,
        }
    });
    let before = here
        .iter()
        .rev()
        .find(|d| d.mention.span.end <= trigger.start);
    match (after, before) {
        (Some(a), _) if a.mention.span.start.saturating_sub(trigger.end) <= 60 => Some(a),
        (_, Some(b)) => Some(b),
        (a, None) => a.copied(),
    }
}

/// The part of a sentence within `reach` bytes of a span: the words a trigger is read
/// with. Keeps each look at the context bounded, whatever the sentence's length.
fn around(text: &str, sent: Span, at: Span, reach: usize) -> &str {
    let mut a = at.start.saturating_sub(reach).max(sent.start);
    let mut b = (at.end + reach).min(sent.end);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    while !text.is_char_boundary(b) {
        b += 1;
    }
    &text[a..b]
}
