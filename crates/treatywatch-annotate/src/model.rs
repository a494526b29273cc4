//! The annotation: what was found in the text and what the record says about it. Every
//! type here serializes to the JSON that `treatywatch annotate --format json` prints (and
//! that a web endpoint would return).

use serde::Serialize;
use treatywatch_core::{Date, PartialDate, Source, StateCode, StatusReport, TreatyId};

pub use crate::lang::{Language, LanguageSource};

/// A range of the input text, in byte offsets: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// How a state was named.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum NameKind {
    Name,
    Formal,
    Alias,
    Former,
    Demonym,
    /// A domestic body of the state: its parliament, president, government.
    Body,
    /// An inflected form from the language's word list ("Suomen", "Lietuvos").
    Inflected,
    /// The capital standing for the government ("Kyiv signed").
    Capital,
    /// "Our country" in the language of one state ("mūsų šaliai", "naszego kraju"):
    /// read as that state, never certain enough to contradict the record with.
    Home,
    /// A group of states named as one ("the Baltic states").
    Group,
}

/// A state named in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StateMention {
    pub span: Span,
    pub text: String,
    pub state: StateCode,
    pub via: NameKind,
}

/// The treaty named in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TreatyMention {
    pub span: Span,
    pub text: String,
    /// `name` (the full title), `short_name`, `alias` (from the treaty file) or
    /// `phrase` (one of the annotator's own phrasings).
    pub via: &'static str,
}

/// What kind of date phrase was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum DateKind {
    /// A full date: "September 18, 1997", "2025-06-29".
    Day,
    /// A day and month with no year: "June 29".
    MonthDay,
    /// "February 1999".
    Month,
    /// "in 2011".
    Year,
    /// A length of time: "six-month", "6 months".
    Duration,
    /// A date relative to the article's date or to a date before it: "on Friday",
    /// "last month", "two years later".
    Relative,
}

/// A date or date phrase found in the text, and what it was read as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DateMention {
    pub span: Span,
    pub text: String,
    pub kind: DateKind,
    /// "since 1999": the date is where a period starts.
    pub since: bool,
    /// The date it was read as, as precisely as the text gives it; `None` for a
    /// duration, or a year-less date when no article date is known.
    pub resolved: Option<PartialDate>,
    /// For a duration, its length in months.
    pub months: Option<u32>,
    /// How it was resolved, in words.
    pub how: String,
}

/// Where the article's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ArticleDateSource {
    /// Given by the caller (`--date`).
    Given,
    /// A dateline found in the text (a full date at the top, or after "Published").
    Dateline,
    /// None was given or found.
    None,
}

/// A claim's verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Verdict {
    Supported,
    Contradicted,
    NotCheckable,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::NotCheckable => "not_checkable",
        }
    }
}

/// What a claim says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ClaimKind {
    /// The state signed the treaty.
    Signed,
    /// The state ratified it.
    Ratified,
    /// The state joined it (any instrument of consent; "became a party").
    Joined,
    /// The state has not signed it.
    NotSigned,
    /// The state has not joined it (is not a party).
    NotJoined,
    /// The state withdrew from it (a legal act).
    Withdrew,
    /// The state notified the depositary of its withdrawal.
    WithdrawalNotified,
    /// The state's withdrawal takes or took effect.
    WithdrawalEffect,
    /// The state plans, intends or decided to withdraw.
    IntendsToWithdraw,
    /// The state suspended the treaty.
    Suspended,
    /// A decree was signed.
    Decree,
    /// A law was signed.
    Law,
    /// A parliament voted.
    Vote,
    /// A number of states that joined, are parties or signed.
    Count,
    /// When the treaty was adopted.
    TreatyAdopted,
    /// When the treaty entered into force (generally, or for one state).
    EntryIntoForce,
    /// How long a withdrawal takes.
    WithdrawalPeriod,
    /// How many mines a state held.
    Stockpile,
    /// Plans or capacity to produce mines.
    Production,
    /// Rankings of arsenals.
    Arsenal,
    /// A government, cabinet, council or committee decision, or a ministerial
    /// announcement: a domestic step.
    Decision,
    /// Where and when the treaty was opened for signature.
    TreatyOpened,
    /// What the treaty's clauses say: the withdrawal rule, the armed-conflict clause,
    /// what it forbids (Art. 1) and requires (Art. 4, 5, 7), reservations, the depositary.
    TreatyRule,
    /// "The first (last) state of a group to join (leave)".
    GroupRank,
    /// A state's obligation: stockpile destruction, clearance, reports; done, due, missed.
    Obligation,
    /// A state used mines.
    Use,
    /// The state has not withdrawn (or not yet left).
    NotWithdrawn,
}

impl ClaimKind {
    /// The kind in words, for a terminal or a page.
    pub fn words(self) -> &'static str {
        match self {
            ClaimKind::Signed => "signed",
            ClaimKind::Ratified => "ratified",
            ClaimKind::Joined => "joined",
            ClaimKind::NotSigned => "has not signed",
            ClaimKind::NotJoined => "has not joined",
            ClaimKind::Withdrew => "withdrew",
            ClaimKind::WithdrawalNotified => "notified withdrawal",
            ClaimKind::WithdrawalEffect => "withdrawal takes effect",
            ClaimKind::IntendsToWithdraw => "intends to withdraw",
            ClaimKind::Suspended => "suspended",
            ClaimKind::Decree => "decree",
            ClaimKind::Law => "law signed",
            ClaimKind::Vote => "parliamentary vote",
            ClaimKind::Count => "count of states",
            ClaimKind::TreatyAdopted => "treaty adopted",
            ClaimKind::EntryIntoForce => "entry into force",
            ClaimKind::WithdrawalPeriod => "withdrawal period",
            ClaimKind::Stockpile => "stockpile",
            ClaimKind::Production => "production",
            ClaimKind::Arsenal => "arsenal",
            ClaimKind::Decision => "decision",
            ClaimKind::TreatyOpened => "opened for signature",
            ClaimKind::TreatyRule => "treaty rule",
            ClaimKind::GroupRank => "first or last of a group",
            ClaimKind::Obligation => "obligation",
            ClaimKind::Use => "use of mines",
            ClaimKind::NotWithdrawn => "has not withdrawn",
        }
    }
}

/// How the sentence says it: the claim's mood.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Modality {
    /// Stated as a fact: "Finland joined in 2012".
    Asserted,
    /// Stated as not so: "Russia has not signed".
    Negated,
    /// Said of the future: "the withdrawal will take effect on 27 December".
    Future,
    /// Under a condition: "if Ukraine withdrew, ...".
    Conditional,
    /// Someone's wish or call, not a claim of the event: "urged Poland to stay".
    Reported,
    /// A description of the treaty's rules: "a withdrawal takes effect six months after".
    Rule,
    /// Asked, not stated.
    Question,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Future => "future",
            Modality::Conditional => "conditional",
            Modality::Reported => "reported",
            Modality::Rule => "rule",
            Modality::Question => "question",
        }
    }
}

/// How the claim was read against the record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Reading {
    /// A legal act under the treaty: checked against the depositary's record.
    LegalAct,
    /// A domestic step (a decree, a vote, a law, an announcement): evidence of intent,
    /// checked against the domestic steps recorded.
    DomesticStep,
    /// A domestic step reported as if it were the legal act ("the parliament ratified
    /// it in May 2005"): the step is checked, and the legal act is given beside it.
    DomesticStepReportedAsLegalAct,
    /// A fact about the treaty itself: adoption, entry into force, its rules.
    TreatyFact,
    /// A count of states on a date.
    Count,
    /// A record of stockpiles or production.
    Record,
    /// Beyond what the record holds.
    BeyondRecord,
}

/// One fact from the record behind a verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fact {
    /// When, as precisely as the record knows it.
    pub date: Option<PartialDate>,
    /// What, in the project's words.
    pub text: String,
}

impl Fact {
    /// "2012-01-09: Finland deposited ...", or the text alone when undated.
    pub fn line(&self) -> String {
        match &self.date {
            Some(d) => format!("{d}: {}", self.text),
            None => self.text.clone(),
        }
    }
}

/// A checkable statement found in the text, with its verdict.
#[derive(Clone, Debug, Serialize)]
pub struct Claim<'d> {
    /// 1, 2, 3... in text order.
    pub id: usize,
    pub kind: ClaimKind,
    /// The text the claim was read from.
    pub span: Span,
    pub text: String,
    /// The state it is about, if any (alpha-3).
    pub state: Option<StateCode>,
    /// A domestic body named as the actor ("Verkhovna Rada").
    pub actor: Option<String>,
    /// The date the text gives for it, resolved.
    pub claimed_date: Option<PartialDate>,
    /// The date statuses and counts were taken on.
    pub as_of: Date,
    /// How the sentence says it.
    pub modality: Modality,
    pub verdict: Verdict,
    pub reading: Reading,
    /// Whether the text reports a domestic step as if it were the legal act.
    pub domestic_step_reported_as_legal_act: bool,
    /// Why the verdict, in words.
    pub note: String,
    pub facts: Vec<Fact>,
    pub sources: Vec<&'d Source>,
}

/// A state's status as of the article's date and as of today.
#[derive(Clone, Debug, Serialize)]
pub struct StateCard<'d> {
    pub state: StateCode,
    pub name: String,
    /// How often it is named.
    pub mentions: usize,
    /// On the article's date; `None` when no article date is known.
    pub on_article_date: Option<StatusReport<'d>>,
    pub today: StatusReport<'d>,
}

/// How many claims got each verdict.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub claims: usize,
    pub supported: usize,
    pub contradicted: usize,
    pub not_checkable: usize,
}

/// Everything the annotator found, and the record's answers.
#[derive(Clone, Debug, Serialize)]
pub struct Annotation<'d> {
    pub treaty: TreatyId,
    pub treaty_name: String,
    /// The language the article was read in.
    pub language: Language,
    pub language_source: LanguageSource,
    /// The article's date: given, found in the text, or `None`.
    pub article_date: Option<Date>,
    pub article_date_source: ArticleDateSource,
    /// Where in the text the article date was found.
    pub article_date_span: Option<Span>,
    /// The date claims were checked on: the article's date, or today without one.
    pub checked_on: Date,
    pub today: Date,
    /// The size of the text, in bytes.
    pub bytes: usize,
    /// Whether a limit on claims or mentions cut the lists short.
    pub truncated: bool,
    /// Remarks on the whole annotation (no treaty mentioned, no article date, ...).
    pub notes: Vec<String>,
    pub summary: Summary,
    pub treaty_mentions: Vec<TreatyMention>,
    pub state_mentions: Vec<StateMention>,
    pub dates: Vec<DateMention>,
    /// Each state named, by first mention.
    pub states: Vec<StateCard<'d>>,
    pub claims: Vec<Claim<'d>>,
}
