//! The treatywatch model and rules engine.
//!
//! This crate is pure: no files, no network, no clock. It takes a [`Dataset`] (states,
//! treaties with their rules, depositary actions, armed-conflict periods, sources) and
//! answers, for a treaty, a state and a date, what the state's status is and why.
//!
//! * [`date`]: calendar days and source dates, and strict parsing of both.
//! * [`model`]: the data types.
//! * [`rules`]: a treaty's final clauses as data, and the date arithmetic they imply.
//! * [`engine`]: statuses, counts, histories, timelines and deadlines.
//! * [`evidence`]: domestic steps and records (stockpiles, production, use, milestones).
//! * [`obligations`]: obligations with deadlines as data, and their status.
//! * [`doc`]: the JSON documents the command line and the web API share.
//! * [`names`]: resolving what users type to a state.

pub mod date;
pub mod doc;
pub mod engine;
pub mod evidence;
pub mod model;
pub mod names;
pub mod obligations;
pub mod rules;

pub use date::{Date, DateError, PartialDate, SourceDate, parse_date};
pub use doc::{
    BadWindow, Change, ChangesDoc, Counts, DeadlineWindow, DeadlinesDoc, Identified, PartiesDoc,
    TimelineDoc, UnknownObligation,
};
pub use engine::{
    Engine, Status, StatusFacts, StatusReport, TimelineEvent, TimelineKind, UnknownTreaty,
};
pub use model::{
    Action, ActionKind, CodeSystem, ConflictPeriod, ConsentKind, Dataset, DatasetIdentity,
    DatasetMeta, Dated, Entity, EntityKind, Origin, Source, SourceId, SourceKind, State, StateCode,
    StateKind, SystemCode, Treaty, TreatyId,
};
pub use names::UnknownState;
pub use rules::Rules;
