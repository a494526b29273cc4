//! OpenAPI schemas of the documents that `treatywatch-core` serializes by hand
//! ([`treatywatch_core::StatusReport`], [`treatywatch_core::PartiesDoc`], ...). They are
//! only descriptions; the integration tests check that every response the server gives
//! has exactly the properties these schemas list, so they cannot drift.

#![allow(dead_code)] // the fields are read by utoipa's derive, not by code

use treatywatch_core::{ConsentKind, Status};
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
    treaty: String,
    #[schema(format = Date)]
    from: String,
    #[schema(format = Date)]
    to: String,
    changes: Vec<Change>,
}
