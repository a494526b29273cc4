//! OpenAPI schemas of the documents that `treatywatch-core` serializes by hand
//! ([`treatywatch_core::StatusReport`], [`treatywatch_core::PartiesDoc`], ...). They are
//! only descriptions; the integration tests check that every response the server gives
//! has exactly the properties these schemas list, so they cannot drift.

#![allow(dead_code)] // the fields are read by utoipa's derive, not by code

use treatywatch_annotate::{
    ArticleDateSource, ClaimKind, DateKind, Language, LanguageSource, Modality, NameKind, Reading,
    Verdict,
};
use treatywatch_core::obligations::DeadlineStatus;
use treatywatch_core::{ConsentKind, DatasetIdentity, Status};
use utoipa::ToSchema;

/// A public source behind a fact.
#[derive(ToSchema)]
pub struct Source {
    title: String,
    publisher: String,
    /// Publication date as precisely as known: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or
    /// `FROM/TO` when only bounded.
    #[schema(example = "2025-07-11")]
    date: String,
    url: String,
}

/// One state's status under one treaty on one date, with the notes and sources that
/// explain it (the objects `treatywatch status --format json` prints).
#[derive(ToSchema)]
#[schema(as = StatusObject)]
pub struct StatusObject {
    /// ISO 3166-1 alpha-3 code.
    #[schema(example = "FIN")]
    state: String,
    name: String,
    #[schema(example = "apmbc")]
    treaty: String,
    #[schema(format = Date)]
    on: String,
    status: Status,
    #[schema(format = Date, required = true)]
    signed: Option<String>,
    #[schema(format = Date, required = true)]
    consent_deposited: Option<String>,
    #[schema(required = true)]
    consent_kind: Option<ConsentKind>,
    #[schema(format = Date, required = true)]
    entry_into_force: Option<String>,
    #[schema(format = Date, required = true)]
    withdrawal_notified: Option<String>,
    #[schema(format = Date, required = true)]
    withdrawal_effective: Option<String>,
    /// Plain-language explanations.
    notes: Vec<String>,
    sources: Vec<Source>,
    /// Domestic steps up to the date, kept apart from the legal status.
    evidence: Vec<Evidence>,
}

/// One state's status on its own (`GET /api/v1/states/{state}`, and each object of
/// `treatywatch status --format json`): a [`StatusObject`] with the dataset's identity.
#[derive(ToSchema)]
pub struct StateStatus {
    dataset: DatasetIdentity,
    /// ISO 3166-1 alpha-3 code.
    #[schema(example = "FIN")]
    state: String,
    name: String,
    #[schema(example = "apmbc")]
    treaty: String,
    #[schema(format = Date)]
    on: String,
    status: Status,
    #[schema(format = Date, required = true)]
    signed: Option<String>,
    #[schema(format = Date, required = true)]
    consent_deposited: Option<String>,
    #[schema(required = true)]
    consent_kind: Option<ConsentKind>,
    #[schema(format = Date, required = true)]
    entry_into_force: Option<String>,
    #[schema(format = Date, required = true)]
    withdrawal_notified: Option<String>,
    #[schema(format = Date, required = true)]
    withdrawal_effective: Option<String>,
    /// Plain-language explanations.
    notes: Vec<String>,
    sources: Vec<Source>,
    /// Domestic steps up to the date, kept apart from the legal status.
    evidence: Vec<Evidence>,
}

/// A parliamentary or other vote on a domestic step.
#[derive(ToSchema)]
pub struct Vote {
    #[schema(rename = "for")]
    r#for: Option<u32>,
    against: Option<u32>,
    abstain: Option<u32>,
}

/// A domestic step (announcement, vote, law, decree): evidence of intent, not a
/// depositary act.
#[derive(ToSchema)]
pub struct Evidence {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    date: String,
    #[schema(example = "parliament_vote")]
    step: String,
    #[schema(example = "withdraw")]
    aim: String,
    body: String,
    #[schema(required = true)]
    vote: Option<Vote>,
    summary: String,
    legal_effect: String,
    sources: Vec<Source>,
}

/// The number of states in each status.
#[derive(ToSchema)]
pub struct Counts {
    not_signatory: u32,
    signatory: u32,
    consent_deposited: u32,
    party: u32,
    withdrawal_pending: u32,
    withdrawn: u32,
}

/// Every state's status on a date (what `treatywatch parties --format json` prints).
#[derive(ToSchema)]
pub struct Parties {
    dataset: DatasetIdentity,
    treaty: String,
    #[schema(format = Date)]
    on: String,
    counts: Counts,
    states: Vec<StatusObject>,
}

/// One line of a state's story: a recorded action, or a date derived by the rules.
#[derive(ToSchema)]
pub struct Event {
    /// `YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for a step known only that precisely.
    date: String,
    /// An action (`signature`, `ratification`, `accession`, `withdrawal`, ...) or a
    /// derived event (`entry_into_force`, `withdrawal_takes_effect`, `withdrawal_held`).
    #[schema(example = "withdrawal_takes_effect")]
    kind: String,
    /// `action` (a depositary action), `rule` (derived by the treaty's clauses),
    /// `evidence` (a domestic step) or `record` (a reported figure or milestone).
    #[schema(example = "rule")]
    class: String,
    /// Whether the line is computed from the treaty's clauses.
    derived: bool,
    text: String,
    /// The curator's note, or "".
    note: String,
    sources: Vec<Source>,
}

/// A state's dated story (what `treatywatch timeline --format json` prints).
#[derive(ToSchema)]
pub struct Timeline {
    dataset: DatasetIdentity,
    state: String,
    name: String,
    treaty: String,
    events: Vec<Event>,
}

/// A day on which a state's status changed, with the events of that day.
#[derive(ToSchema)]
pub struct Change {
    #[schema(format = Date)]
    date: String,
    state: String,
    name: String,
    treaty: String,
    /// The status the day before.
    from: Status,
    /// The status from that day on.
    to: Status,
    events: Vec<Event>,
}

/// Every status change between two dates, both included.
#[derive(ToSchema)]
pub struct Changes {
    dataset: DatasetIdentity,
    treaty: String,
    #[schema(format = Date)]
    from: String,
    #[schema(format = Date)]
    to: String,
    changes: Vec<Change>,
}

/// One deadline of one state, as it stands on a date (the objects `treatywatch
/// deadlines --format json` prints).
#[derive(ToSchema)]
pub struct Deadline {
    #[schema(example = "UKR")]
    state: String,
    name: String,
    #[schema(example = "apmbc")]
    treaty: String,
    /// `stockpile_destruction`, `clearance`, `initial_report`, `annual_report`, ...
    #[schema(example = "stockpile_destruction")]
    obligation: String,
    #[schema(example = "Art. 4")]
    article: String,
    /// What must be done.
    title: String,
    /// For a yearly obligation, the calendar year the deadline covers.
    #[schema(required = true)]
    covers_year: Option<i32>,
    /// The state's entry into force, from which the deadline is counted.
    #[schema(format = Date)]
    entry_into_force: String,
    /// The deadline the treaty's rule gives.
    #[schema(format = Date)]
    original_due: String,
    /// The deadline in force on `on`, after any extension.
    #[schema(format = Date)]
    due: String,
    #[schema(format = Date)]
    on: String,
    status: DeadlineStatus,
    /// Why, in words, with the records that decided it.
    reason: String,
    /// The day (`YYYY-MM-DD`), month or year the work was done, if recorded and known
    /// by `on`.
    #[schema(required = true)]
    completed: Option<String>,
    /// The day, month or year completion was declared (to a meeting, in a report), if
    /// recorded and known by `on`: kept apart from the day the work was done.
    #[schema(required = true)]
    declared: Option<String>,
    /// Every record of this obligation for the state known by `on`, by date: requests,
    /// decisions, declarations, completions.
    history: Vec<ObligationRecord>,
    sources: Vec<Source>,
}

/// The deadlines due in a window, as they stand on a date (what `treatywatch deadlines
/// --format json` prints).
#[derive(ToSchema)]
pub struct Deadlines {
    dataset: DatasetIdentity,
    #[schema(example = "apmbc")]
    treaty: String,
    /// The day the statuses are for.
    #[schema(format = Date)]
    on: String,
    /// The first due date listed; `null`: no lower bound.
    #[schema(format = Date, required = true)]
    from: Option<String>,
    /// The last due date listed; `null`: no upper bound.
    #[schema(format = Date, required = true)]
    to: Option<String>,
    /// Whether only the overdue deadlines are listed.
    overdue: bool,
    /// The obligations listed, by id (`clearance`, `annual_report`); empty: every
    /// obligation but the yearly reports.
    obligations: Vec<String>,
    deadlines: Vec<Deadline>,
}

/// One record in a deadline's history.
#[derive(ToSchema)]
pub struct ObligationRecord {
    /// The date of the fact the record states: `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or
    /// `FROM/TO`.
    #[schema(example = "2008-11-28")]
    date: String,
    /// `clearance_extension_granted`, `clearance_completed`, `stockpile_never_held`, ...
    #[schema(example = "clearance_extension_granted")]
    kind: String,
    /// The record's value in words: a deadline, a count, a year.
    #[schema(required = true, example = "2018-11-01")]
    value: Option<String>,
    /// The meeting, document or how it was confirmed, in the project's words.
    detail: String,
    /// The ids of the record's sources (their details are in `sources`).
    sources: Vec<String>,
}

/// A stretch of the article, in byte offsets into its UTF-8 text: `text[start..end]`.
#[derive(ToSchema)]
pub struct Span {
    start: u64,
    end: u64,
}

/// How many claims got each verdict.
#[derive(ToSchema)]
pub struct Summary {
    claims: u64,
    supported: u64,
    contradicted: u64,
    not_checkable: u64,
}

/// The treaty named in the article.
#[derive(ToSchema)]
pub struct TreatyMention {
    span: Span,
    text: String,
    /// `name`, `short_name`, `alias` (from the treaty's file) or `phrase` (one of the
    /// annotator's own phrasings).
    #[schema(example = "alias")]
    via: String,
}

/// A state named in the article (by name, alias, former name, demonym or one of its
/// bodies).
#[derive(ToSchema)]
pub struct StateMention {
    span: Span,
    text: String,
    #[schema(example = "FIN")]
    state: String,
    via: NameKind,
}

/// A date or date phrase found in the article, and what it was read as.
#[derive(ToSchema)]
pub struct DateMention {
    span: Span,
    text: String,
    kind: DateKind,
    /// "since 1999": the date is where a period starts.
    since: bool,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as precisely as the text gives it.
    #[schema(required = true)]
    resolved: Option<String>,
    /// For a duration, its length in months.
    #[schema(required = true)]
    months: Option<u32>,
    /// How it was read, in words.
    how: String,
}

/// A state named in the article, with its status on the article's date and today.
#[derive(ToSchema)]
pub struct StateCard {
    #[schema(example = "FIN")]
    state: String,
    name: String,
    /// How often it is named.
    mentions: u64,
    /// Its status on the article's date; `null` when no article date is known.
    #[schema(required = true)]
    on_article_date: Option<StatusObject>,
    today: StatusObject,
}

/// One fact from the record behind a verdict.
#[derive(ToSchema)]
pub struct Fact {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[schema(required = true)]
    date: Option<String>,
    text: String,
}

/// A checkable statement found in the article, with its verdict.
#[derive(ToSchema)]
pub struct Claim {
    /// 1, 2, 3... in the article's order.
    id: u64,
    kind: ClaimKind,
    span: Span,
    /// The words the claim was read from.
    text: String,
    #[schema(required = true, example = "FIN")]
    state: Option<String>,
    /// A domestic body named as the actor ("Verkhovna Rada").
    #[schema(required = true)]
    actor: Option<String>,
    /// The date the article gives for it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[schema(required = true)]
    claimed_date: Option<String>,
    /// The day statuses and counts were taken on.
    #[schema(format = Date)]
    as_of: String,
    /// How the sentence says it: asserted, negated, future, conditional, reported (a
    /// call on others), rule (the treaty's rules described) or question.
    modality: Modality,
    verdict: Verdict,
    reading: Reading,
    /// Whether the article reports a domestic step (a decree, a vote, a law) as if it
    /// were the legal act.
    domestic_step_reported_as_legal_act: bool,
    /// Why the verdict, in words.
    note: String,
    facts: Vec<Fact>,
    sources: Vec<Source>,
}

/// An article checked against the record (what `treatywatch annotate --format json`
/// prints).
#[derive(ToSchema)]
pub struct Annotation {
    dataset: DatasetIdentity,
    #[schema(example = "apmbc")]
    treaty: String,
    treaty_name: String,
    /// The language the article was read in.
    language: Language,
    /// Whether the language was given or told from the text.
    language_source: LanguageSource,
    /// The article's date: given, read from a dateline, or `null`.
    #[schema(format = Date, required = true)]
    article_date: Option<String>,
    article_date_source: ArticleDateSource,
    /// Where in the text the article's date was read.
    #[schema(required = true)]
    article_date_span: Option<Span>,
    /// The day claims were checked on: the article's date, else today.
    #[schema(format = Date)]
    checked_on: String,
    #[schema(format = Date)]
    today: String,
    /// The size of the text, in bytes.
    bytes: u64,
    /// Whether the limits on claims (500) or mentions (5,000 of each kind) cut the
    /// lists short.
    truncated: bool,
    notes: Vec<String>,
    summary: Summary,
    treaty_mentions: Vec<TreatyMention>,
    state_mentions: Vec<StateMention>,
    dates: Vec<DateMention>,
    /// Each state named, by first mention.
    states: Vec<StateCard>,
    claims: Vec<Claim>,
}

/// An article to check: its text and, optionally, its date and the treaty.
#[derive(ToSchema)]
pub struct AnnotateRequest {
    /// The article, UTF-8 text of at most 2 MiB.
    #[schema(example = "Helsinki, 10 July 2025. Finland joined the Ottawa Convention in 2012.")]
    text: String,
    /// The article's date, `YYYY-MM-DD`: claims are checked as of this day. Default: a
    /// dateline in the text, else today.
    #[schema(format = Date, example = "2025-07-10")]
    date: Option<String>,
    /// Treaty id or UN reference. Default `apmbc`.
    #[schema(example = "apmbc")]
    treaty: Option<String>,
    /// The article's language: `en`, `lt`, `lv`, `et`, `fi`, `pl`, `uk` or `ru`.
    /// Default: told from the text.
    #[schema(example = "fi")]
    language: Option<String>,
}
