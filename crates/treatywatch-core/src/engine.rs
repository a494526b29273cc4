//! The status engine: from depositary actions and a treaty's rules to a state's status
//! on any date, with the dates, actions and sources behind it.
//!
//! The engine indexes a [`Dataset`] once ([`Engine::new`]); every question after that
//! replays one state's few actions up to the date asked about, using entry-into-force
//! and withdrawal dates computed at indexing time.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::evidence::{Aim, Record, Step};
use crate::model::{Action, ActionKind, ConsentKind, Dataset, Source, State, StateCode, Treaty};
use crate::names::{NameCollision, NameIndex, UnknownState};
use crate::rules::{
    EntryBasis, GeneralEntry, StateEntry, SuspensionRule, WithdrawalEffect, WithdrawalRule,
};

/// A state's relationship to a treaty on a date.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Status {
    /// Has neither signed nor deposited an instrument.
    #[default]
    NotSignatory,
    /// Has signed, and not deposited an instrument of consent.
    Signatory,
    /// Has deposited consent; the treaty is not yet in force for it.
    ConsentDeposited,
    /// Bound by the treaty.
    Party,
    /// Has notified withdrawal, which has not yet taken effect: still bound.
    WithdrawalPending,
    /// Its withdrawal has taken effect.
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::NotSignatory,
        Status::Signatory,
        Status::ConsentDeposited,
        Status::Party,
        Status::WithdrawalPending,
        Status::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotSignatory => "not_signatory",
            Status::Signatory => "signatory",
            Status::ConsentDeposited => "consent_deposited",
            Status::Party => "party",
            Status::WithdrawalPending => "withdrawal_pending",
            Status::Withdrawn => "withdrawn",
        }
    }

    /// The status in words, for sentences: "a State Party".
    pub fn phrase(self) -> &'static str {
        match self {
            Status::NotSignatory => "not a signatory",
            Status::Signatory => "a signatory",
            Status::ConsentDeposited => "a state that has consented, not yet bound",
            Status::Party => "a State Party",
            Status::WithdrawalPending => "a State Party whose withdrawal is pending",
            Status::Withdrawn => "withdrawn",
        }
    }

    /// Whether the state is bound by the treaty (a party, including one whose
    /// withdrawal has not yet taken effect).
    pub fn is_bound(self) -> bool {
        matches!(self, Status::Party | Status::WithdrawalPending)
    }

    /// Whether the state has deposited consent and not left.
    pub fn has_consented(self) -> bool {
        matches!(
            self,
            Status::ConsentDeposited | Status::Party | Status::WithdrawalPending
        )
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Status {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == t)
            .ok_or_else(|| {
                let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
                format!("unknown status `{s}`: expected one of {}", all.join(", "))
            })
    }
}

/// A treaty that is not in the dataset.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message())]
pub struct UnknownTreaty {
    pub query: String,
    /// Every treaty, as `id (UN reference)`.
    pub known: Vec<String>,
    /// The closest treaties, best first: `(id, the name that matched)`.
    pub suggestions: Vec<(String, String)>,
}

impl UnknownTreaty {
    fn message(&self) -> String {
        if self.suggestions.is_empty() {
            let mut known = self.known.clone();
            let more = known.len().saturating_sub(20);
            known.truncate(20);
            let tail = if more > 0 {
                format!(" and {more} more (`treatywatch treaties` lists them all)")
            } else {
                String::new()
            };
            format!(
                "unknown treaty `{}`: known treaties are {}{tail}",
                self.query,
                known.join(", ")
            )
        } else {
            let list: Vec<String> = self
                .suggestions
                .iter()
                .map(|(id, name)| {
                    if id == name {
                        id.clone()
                    } else {
                        format!("{name} ({id})")
                    }
                })
                .collect();
            format!(
                "unknown treaty `{}`: did you mean {}?",
                self.query,
                list.join(", ")
            )
        }
    }
}

/// What the engine derived for one action at indexing time.
#[derive(Clone, Debug)]
enum Derived {
    None,
    Entry(StateEntry),
    Effect(WithdrawalEffect),
}

struct TreatyIndex {
    general: GeneralEntry,
    /// The general entry into force the recorded deposits alone give.
    computed: GeneralEntry,
    /// For each state (by position in `Dataset::states`), its action indices, sorted by
    /// the day each action counts from, then by same-day rank.
    per_state: Vec<Vec<usize>>,
    /// For each state, its domestic steps (indices), by date.
    steps: Vec<Vec<usize>>,
    /// For each state, its records (indices), by date.
    records: Vec<Vec<usize>>,
}

/// The day an action counts from: its own date, except a succession under a treaty whose
/// successors are bound from independence, which counts from the state's independence
/// (when that is recorded and earlier).
pub fn counts_from(
    action: &Action,
    rules: Option<&crate::rules::Rules>,
    state: Option<&State>,
) -> Date {
    match (
        action.kind,
        rules.map(|r| &r.succession),
        state.and_then(|s| s.independence.as_ref()),
    ) {
        (
            ActionKind::Consent(ConsentKind::Succession),
            Some(crate::rules::SuccessionRule::FromIndependence),
            Some(ind),
        ) => ind.date.min(action.date),
        _ => action.date,
    }
}

/// The indexed dataset, ready to answer questions.
pub struct Engine<'d> {
    data: &'d Dataset,
    treaties: Vec<TreatyIndex>,
    state_pos: HashMap<StateCode, usize>,
    source_pos: HashMap<&'d str, usize>,
    /// Per action index, what was derived for it.
    derived: Vec<Derived>,
    /// Per action index, the day it counts from (a succession counts from independence).
    counts_from: Vec<Date>,
    /// Per state position, indices of its armed-conflict periods.
    conflicts: Vec<Vec<usize>>,
    names: NameIndex,
    collisions: Vec<NameCollision>,
}

impl<'d> Engine<'d> {
    /// Indexes a dataset. Never fails: problems in the data (unknown states, duplicate
    /// names) are the business of the dataset check, and facts the engine cannot place
    /// are ignored here and reported there.
    pub fn new(data: &'d Dataset) -> Engine<'d> {
        let state_pos: HashMap<StateCode, usize> = data
            .states
            .iter()
            .enumerate()
            .map(|(i, s)| (s.code, i))
            .collect();
        let source_pos = data
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.0.as_str(), i))
            .collect();
        let mut conflicts = vec![Vec::new(); data.states.len()];
        for (i, c) in data.conflicts.iter().enumerate() {
            if let Some(&p) = state_pos.get(&c.state) {
                conflicts[p].push(i);
            }
        }
        let counts_from: Vec<Date> = data
            .actions
            .iter()
            .map(|a| {
                let treaty = data.treaties.iter().find(|t| t.id == a.treaty);
                let state = state_pos.get(&a.state).map(|&p| &data.states[p]);
                counts_from(a, treaty.map(|t| &t.rules), state)
            })
            .collect();
        let mut derived = vec![Derived::None; data.actions.len()];
        let mut treaties = Vec::with_capacity(data.treaties.len());
        for treaty in &data.treaties {
            let mut per_state = vec![Vec::new(); data.states.len()];
            for (i, a) in data.actions.iter().enumerate() {
                if a.treaty == treaty.id
                    && let Some(&p) = state_pos.get(&a.state)
                {
                    per_state[p].push(i);
                }
            }
            for list in &mut per_state {
                list.sort_by_key(|&i| {
                    (
                        counts_from[i],
                        data.actions[i].kind.same_day_rank(),
                        data.actions[i].date,
                    )
                });
            }
            // Each state's first consent counts towards the threshold.
            let firsts: Vec<(usize, Date, ConsentKind)> = per_state
                .iter()
                .filter_map(|list| {
                    list.iter().find_map(|&i| match data.actions[i].kind {
                        ActionKind::Consent(k) => Some((i, data.actions[i].date, k)),
                        _ => None,
                    })
                })
                .collect();
            let computed = treaty
                .rules
                .entry_into_force
                .general_with_states(&firsts, &|i| data.actions.get(i).map(|a| a.state));
            let general = GeneralEntry::recorded(
                &computed,
                &treaty.rules.entry_into_force,
                treaty.entry_into_force,
            )
            .unwrap_or_else(|| computed.clone());
            for (p, list) in per_state.iter().enumerate() {
                let independence = data.states[p].independence.as_ref().map(|d| d.date);
                let state_conflicts: Vec<(usize, &crate::model::ConflictPeriod)> = conflicts[p]
                    .iter()
                    .map(|&c| (c, &data.conflicts[c]))
                    .collect();
                for &i in list {
                    let a = &data.actions[i];
                    derived[i] = match a.kind {
                        ActionKind::Consent(k) => Derived::Entry(treaty.rules.entry_for_state(
                            &general,
                            a.date,
                            k,
                            independence,
                        )),
                        ActionKind::Withdrawal => Derived::Effect(
                            treaty.rules.withdrawal_effect(a.date, &state_conflicts),
                        ),
                        _ => Derived::None,
                    };
                }
            }
            let mut steps = vec![Vec::new(); data.states.len()];
            for (i, st) in data.steps.iter().enumerate() {
                if st.treaty == treaty.id
                    && let Some(&p) = state_pos.get(&st.state)
                {
                    steps[p].push(i);
                }
            }
            for list in &mut steps {
                list.sort_by_key(|&i| data.steps[i].date.sort_key());
            }
            let mut records = vec![Vec::new(); data.states.len()];
            for (i, r) in data.records.iter().enumerate() {
                if r.treaty == treaty.id
                    && let Some(&p) = state_pos.get(&r.state)
                {
                    records[p].push(i);
                }
            }
            for list in &mut records {
                list.sort_by_key(|&i| data.records[i].date.sort_key());
            }
            treaties.push(TreatyIndex {
                general,
                computed,
                per_state,
                steps,
                records,
            });
        }
        let (names, collisions) = NameIndex::build(&data.states);
        Engine {
            data,
            treaties,
            state_pos,
            source_pos,
            derived,
            counts_from,
            conflicts,
            names,
            collisions,
        }
    }

    pub fn data(&self) -> &'d Dataset {
        self.data
    }

    /// Names claimed by two states (reported by the dataset check).
    pub fn name_collisions(&self) -> &[NameCollision] {
        &self.collisions
    }

    /// Resolves a code, name, alias or former name to a state.
    pub fn resolve_state(&self, query: &str) -> Result<&'d State, UnknownState> {
        let code = self
            .names
            .resolve(query, |c| self.state_pos.contains_key(&c))?;
        Ok(&self.data.states[self.state_pos[&code]])
    }

    /// Resolves a code, name, alias or former name exactly, without looking for the
    /// closest names when there is none (see [`Engine::resolve_state`]).
    pub fn find_state(&self, query: &str) -> Option<&'d State> {
        let code = self
            .names
            .find(query, |c| self.state_pos.contains_key(&c))?;
        Some(&self.data.states[self.state_pos[&code]])
    }

    /// The closest state names to `query`.
    pub fn suggest_states(&self, query: &str, limit: usize) -> Vec<(String, StateCode)> {
        self.names.suggest(query, limit)
    }

    /// Finds a treaty by id or alias.
    pub fn resolve_treaty(&self, query: &str) -> Result<&'d Treaty, UnknownTreaty> {
        self.data.treaty(query).ok_or_else(|| UnknownTreaty {
            query: query.to_string(),
            suggestions: crate::names::suggest_treaties(&self.data.treaties, query, 5),
            known: self
                .data
                .treaties
                .iter()
                .map(|t| match &t.untc {
                    Some(u) => format!("{} ({u})", t.id),
                    None => t.id.to_string(),
                })
                .collect(),
        })
    }

    fn treaty_pos(&self, treaty: &Treaty) -> usize {
        let all = &self.data.treaties;
        // A treaty borrowed from this dataset is found by its address, in constant time;
        // an equal treaty from elsewhere by its id.
        let offset = (treaty as *const Treaty as usize).wrapping_sub(all.as_ptr() as usize);
        let i = offset / std::mem::size_of::<Treaty>().max(1);
        if i < all.len() && std::ptr::eq(&all[i], treaty) {
            return i;
        }
        all.iter()
            .position(|t| t.id == treaty.id)
            .expect("treaty from this dataset")
    }

    fn state_position(&self, state: &State) -> usize {
        self.state_pos[&state.code]
    }

    /// The general entry into force as the recorded deposits alone give it, before the
    /// treaty's recorded date is taken into account (see [`GeneralEntry::recorded`]).
    pub fn computed_general_entry(&self, treaty: &Treaty) -> &GeneralEntry {
        &self.treaties[self.treaty_pos(treaty)].computed
    }

    /// Whether any action is recorded for the treaty.
    pub fn has_actions(&self, treaty: &Treaty) -> bool {
        self.treaties[self.treaty_pos(treaty)]
            .per_state
            .iter()
            .any(|l| !l.is_empty())
    }

    /// The general entry into force of a treaty, as computed from its deposits, or as
    /// recorded where the record lacks instruments that counted.
    pub fn general_entry(&self, treaty: &Treaty) -> &GeneralEntry {
        &self.treaties[self.treaty_pos(treaty)].general
    }

    /// The actions of one state under one treaty, in the order they count.
    pub fn actions(&self, treaty: &Treaty, state: &State) -> impl Iterator<Item = &'d Action> + '_ {
        let t = self.treaty_pos(treaty);
        let p = self.state_position(state);
        self.treaties[t].per_state[p]
            .iter()
            .map(|&i| &self.data.actions[i])
    }

    fn replay(&self, t: usize, p: usize, on: Date) -> Replay {
        let mut r = Replay::default();
        for &i in &self.treaties[t].per_state[p] {
            if self.counts_from[i] > on {
                break;
            }
            let a = &self.data.actions[i];
            r.seen.push(i);
            match a.kind {
                ActionKind::Signature => r.signature = Some(i),
                ActionKind::Consent(_) => {
                    let left = r
                        .withdrawal
                        .is_some_and(|w| self.effect_date(w).is_some_and(|d| d <= a.date));
                    if r.consent.is_none() || left {
                        if let Some(w) = r.withdrawal.take() {
                            r.earlier_withdrawals.push(w);
                        }
                        if let Some(c) = r.consent.replace(i) {
                            r.earlier_consents.push(c);
                        }
                    } else {
                        r.ignored.push(i);
                    }
                }
                ActionKind::Withdrawal
                    if matches!(
                        self.data.treaties[t].rules.withdrawal,
                        WithdrawalRule::NoClause { .. }
                    ) =>
                {
                    r.without_effect.push(i);
                }
                ActionKind::Withdrawal => {
                    if r.consent.is_some() && r.withdrawal.is_none() {
                        r.withdrawal = Some(i);
                    } else {
                        r.ignored.push(i);
                    }
                }
                ActionKind::WithdrawalRetracted => match r.withdrawal {
                    Some(w) if self.effect_date(w).is_none_or(|d| a.date < d) => {
                        r.retracted.push((w, i));
                        r.withdrawal = None;
                    }
                    _ => r.ignored.push(i),
                },
                ActionKind::SuspensionDeclared => r.suspensions.push(i),
                ActionKind::ProvisionalApplication => r.provisional.push(i),
            }
        }
        r.status = match (r.consent, r.withdrawal, r.signature) {
            (Some(_), Some(w), _) => match self.effect_date(w) {
                Some(d) if d <= on => Status::Withdrawn,
                _ => Status::WithdrawalPending,
            },
            (Some(c), None, _) => match self.entry(c) {
                Some(StateEntry::On { date, .. }) if *date <= on => Status::Party,
                _ => Status::ConsentDeposited,
            },
            (None, _, Some(_)) => Status::Signatory,
            (None, _, None) => Status::NotSignatory,
        };
        r
    }

    fn entry(&self, action: usize) -> Option<&StateEntry> {
        match &self.derived[action] {
            Derived::Entry(e) => Some(e),
            _ => None,
        }
    }

    fn effect(&self, action: usize) -> Option<&WithdrawalEffect> {
        match &self.derived[action] {
            Derived::Effect(e) => Some(e),
            _ => None,
        }
    }

    fn effect_date(&self, action: usize) -> Option<Date> {
        match self.effect(action)? {
            WithdrawalEffect::On { date, .. } => Some(*date),
            _ => None,
        }
    }

    /// Only the status of a state on a date: the fast path for counts.
    pub fn status_only(&self, treaty: &Treaty, state: &State, on: Date) -> Status {
        self.replay(self.treaty_pos(treaty), self.state_position(state), on)
            .status
    }

    /// The status of every state on a date, in dataset order.
    pub fn statuses_on(&self, treaty: &Treaty, on: Date) -> Vec<(&'d State, Status)> {
        let t = self.treaty_pos(treaty);
        self.data
            .states
            .iter()
            .enumerate()
            .map(|(p, s)| (s, self.replay(t, p, on).status))
            .collect()
    }

    /// The number of states in each status on a date, in [`Status::ALL`] order.
    pub fn counts_on(&self, treaty: &Treaty, on: Date) -> [(Status, usize); 6] {
        let t = self.treaty_pos(treaty);
        let mut counts = Status::ALL.map(|s| (s, 0));
        for p in 0..self.data.states.len() {
            let st = self.replay(t, p, on).status;
            counts[st as usize].1 += 1;
        }
        counts
    }

    /// The full answer for one state on one date.
    pub fn status(&self, treaty: &'d Treaty, state: &'d State, on: Date) -> StatusReport<'d> {
        let t = self.treaty_pos(treaty);
        let p = self.state_position(state);
        let r = self.replay(t, p, Self::record_day(treaty, on));
        self.report(treaty, state, p, on, r)
    }

    /// The day a question about `on` is answered for: `on`, or the last day the treaty's
    /// record speaks for ([`Treaty::known_until`]) when `on` is after it.
    fn record_day(treaty: &Treaty, on: Date) -> Date {
        match treaty.known_until {
            Some(k) if on > k => k,
            _ => on,
        }
    }

    /// The full answer for every state on one date, in dataset order.
    pub fn statuses(&self, treaty: &'d Treaty, on: Date) -> Vec<StatusReport<'d>> {
        let t = self.treaty_pos(treaty);
        self.data
            .states
            .iter()
            .enumerate()
            .map(|(p, s)| {
                let r = self.replay(t, p, Self::record_day(treaty, on));
                self.report(treaty, s, p, on, r)
            })
            .collect()
    }

    fn source(&self, id: &crate::model::SourceId) -> Option<&'d Source> {
        self.source_pos
            .get(id.0.as_str())
            .map(|&i| &self.data.sources[i])
    }

    fn report(
        &self,
        treaty: &'d Treaty,
        state: &'d State,
        p: usize,
        on: Date,
        r: Replay,
    ) -> StatusReport<'d> {
        let actions = &self.data.actions;
        let day = Self::record_day(treaty, on);
        let known_until = treaty.known_until.filter(|k| on > *k);
        let mut rep = StatusReport {
            state,
            treaty,
            on,
            known_until,
            status: r.status,
            bound_unknown: false,
            signed: r.signature.map(|i| actions[i].date),
            consent_deposited: r.consent.map(|i| actions[i].date),
            consent_kind: r.consent.and_then(|i| match actions[i].kind {
                ActionKind::Consent(k) => Some(k),
                _ => None,
            }),
            entry_into_force: None,
            withdrawal_notified: r.withdrawal.map(|i| actions[i].date),
            withdrawal_effective: r.withdrawal.and_then(|i| self.effect_date(i)),
            notes: Vec::new(),
            sources: Vec::new(),
            actions: r.seen.iter().map(|&i| &actions[i]).collect(),
            evidence: self.treaties[self.treaty_pos(treaty)].steps[p]
                .iter()
                .map(|&i| &self.data.steps[i])
                .filter(|st| st.date.earliest().is_some_and(|d| d <= day))
                .map(|step| Evidence {
                    step,
                    sources: step
                        .sources
                        .iter()
                        .filter_map(|id| self.source(id))
                        .collect(),
                })
                .collect(),
        };
        let name = &state.name;
        let short = &treaty.short_name;
        if let Some(k) = known_until {
            rep.notes.push(format!(
                "The record of the {short} ends on {k}: it comes from a status table captured \
                 then, and nothing later is known here. {on} is after it, so the status is \
                 unknown; what follows is {name}'s status on {k}, the last day the record \
                 speaks for ({}).",
                r.status.as_str()
            ));
        }
        let on = day;
        let mut cite_rules = false;
        let mut cite_independence = false;
        let mut cited_conflicts: Vec<usize> = Vec::new();

        // Earlier membership that ended in a withdrawal, before a new consent.
        for &w in &r.earlier_withdrawals {
            if let Some(d) = self.effect_date(w) {
                rep.notes.push(format!(
                    "An earlier withdrawal, received on {}, took effect on {d}.",
                    actions[w].date
                ));
            }
        }

        match r.status {
            Status::NotSignatory => {
                rep.notes.push(format!(
                    "{name} has neither signed nor joined the {short}: no signature or \
                     instrument is recorded for it."
                ));
            }
            Status::Signatory => {
                rep.notes.push(format!(
                    "{name} signed on {}; no instrument of consent is recorded, so it is not bound.",
                    rep.signed.expect("signatory has signed")
                ));
            }
            _ => {}
        }

        if let Some(c) = r.consent {
            let action = &actions[c];
            let kind = rep.consent_kind.expect("consent kind");
            match self.entry(c) {
                Some(StateEntry::On { date, basis }) => {
                    rep.entry_into_force = Some(*date);
                    cite_rules = true;
                    let clause = entry_clause(treaty);
                    let verb = if *date <= on { "entered" } else { "enters" };
                    match basis {
                        EntryBasis::General { threshold_date } => {
                            let same_day = if action.date == *threshold_date {
                                format!(
                                    " Its instrument was deposited on the same day as the \
                                     threshold instrument ({threshold_date}), which is not \
                                     \"after\" it, so the general date applies."
                                )
                            } else {
                                String::new()
                            };
                            let recorded = match self.general_entry(treaty) {
                                GeneralEntry::InForce {
                                    threshold_action: usize::MAX,
                                    ..
                                } => " That date is the depositary's: the deposits recorded here \
                                      do not reach the threshold by then, so instruments \
                                      missing from the record (such as those of states that \
                                      no longer exist) counted."
                                    .to_string(),
                                _ => String::new(),
                            };
                            rep.notes.push(format!(
                                "{} deposited on {}; the treaty {verb} into force for it on \
                                 {date}, the date it {verb} into force generally ({clause}).{same_day}{recorded}",
                                capitalise(kind.as_str()),
                                action.date
                            ));
                        }
                        EntryBasis::Later => {
                            let delay = treaty
                                .rules
                                .entry_into_force
                                .later()
                                .map_or(String::new(), |(l, _)| l.describe());
                            rep.notes.push(format!(
                                "{} deposited on {}; the treaty {verb} into force for it on \
                                 {date}, {delay} the deposit ({clause}).",
                                capitalise(kind.as_str()),
                                action.date
                            ));
                        }
                        EntryBasis::Independence { independence } => {
                            cite_independence = true;
                            rep.notes.push(format!(
                                "Succession notified on {}; as a successor state it is bound \
                                 from its independence on {independence}, not from the \
                                 notification (in force for it from {date}).",
                                action.date
                            ));
                        }
                        EntryBasis::Notification => {
                            rep.notes.push(format!(
                                "Succession notified on {}; bound from {date}.",
                                action.date
                            ));
                        }
                    }
                }
                Some(StateEntry::TreatyNotInForce { deposited, needed }) => {
                    cite_rules = true;
                    rep.notes.push(format!(
                        "{} deposited on {}; the treaty is not yet in force: {deposited} of the \
                         {needed} instruments it needs have been deposited, so no \
                         entry-into-force date exists yet.",
                        capitalise(kind.as_str()),
                        action.date
                    ));
                }
                Some(StateEntry::Unknown(what)) => {
                    rep.bound_unknown = r.status == Status::ConsentDeposited;
                    rep.notes.push(format!(
                        "{} deposited on {}; the date the treaty enters into force for it is \
                         unknown, because {what} is not recorded.",
                        capitalise(kind.as_str()),
                        action.date
                    ));
                }
                None => {}
            }
        }

        if let Some(w) = r.withdrawal {
            let received = actions[w].date;
            let clause = withdrawal_clause(treaty);
            match self.effect(w) {
                Some(WithdrawalEffect::On {
                    date,
                    nominal,
                    held_by_conflict,
                }) => {
                    cite_rules = true;
                    let period = match &treaty.rules.withdrawal {
                        WithdrawalRule::Notice { period, .. } => period.describe(),
                        WithdrawalRule::Unknown | WithdrawalRule::NoClause { .. } => String::new(),
                    };
                    if *date <= on {
                        rep.notes.push(format!(
                            "Withdrawal received by the depositary on {received}; it took effect \
                             on {date} ({clause}: {period} after receipt). {name} is no longer bound."
                        ));
                    } else {
                        rep.notes.push(format!(
                            "Withdrawal received by the depositary on {received}; it takes effect \
                             on {date} ({clause}: {period} after receipt). Until then {name} \
                             remains a State Party, bound by the treaty."
                        ));
                    }
                    if let Some(c) = held_by_conflict {
                        cited_conflicts.push(*c);
                        let conflict = &self.data.conflicts[*c];
                        rep.notes.push(format!(
                            "The notice period ended on {nominal}, during an armed conflict \
                             ({}); under {clause} the withdrawal could not take effect before \
                             the conflict ended on {date}.",
                            conflict.description
                        ));
                    }
                }
                Some(WithdrawalEffect::HeldByOngoingConflict { nominal, conflict }) => {
                    cite_rules = true;
                    cited_conflicts.push(*conflict);
                    let c = &self.data.conflicts[*conflict];
                    rep.notes.push(format!(
                        "Withdrawal received by the depositary on {received}. The notice period \
                         ended on {nominal}, but {name} is engaged in an armed conflict ({}, \
                         since {}); under {clause} the withdrawal does not take effect before that \
                         conflict ends, so no date of effect exists yet. It remains bound.",
                        c.description, c.start
                    ));
                }
                Some(WithdrawalEffect::Unknown(what)) => {
                    rep.notes.push(format!(
                        "Withdrawal received by the depositary on {received}; when it takes \
                         effect is unknown, because {what} is not recorded."
                    ));
                }
                None => {}
            }
        }

        for &(w, x) in &r.retracted {
            rep.notes.push(format!(
                "A withdrawal received on {} was retracted on {} before it took effect; it \
                 never took effect.",
                actions[w].date, actions[x].date
            ));
        }

        for &s in &r.suspensions {
            let declared = actions[s].date;
            let mut note = match &treaty.rules.suspension {
                SuspensionRule::NoClause => {
                    cite_rules = true;
                    format!(
                        "{name} declared on {declared} that it suspends the treaty. The treaty \
                         has no suspension clause, so the declaration does not change its legal \
                         status: it is recorded here, and {name} is shown as {}.",
                        r.status.phrase()
                    )
                }
                SuspensionRule::Unknown => format!(
                    "{name} declared on {declared} that it suspends the treaty. Whether the \
                     treaty allows suspension is not recorded, so its status is computed \
                     without it."
                ),
            };
            if let WithdrawalRule::Notice {
                armed_conflict_clause: true,
                ..
            } = &treaty.rules.withdrawal
                && let Some(&c) = self.conflicts[p]
                    .iter()
                    .find(|&&c| self.data.conflicts[c].covers(on))
            {
                cited_conflicts.push(c);
                let conflict = &self.data.conflicts[c];
                note.push_str(&format!(
                    " Even a withdrawal could not take effect while {name} is engaged in an \
                         armed conflict ({}): since {}, {}.",
                    withdrawal_clause(treaty),
                    conflict.start,
                    conflict.description
                ));
            }
            rep.notes.push(note);
        }

        for &i in &r.provisional {
            rep.notes.push(format!(
                "Declared provisional application on {}.",
                actions[i].date
            ));
        }
        for &i in &r.without_effect {
            cite_rules = true;
            rep.notes.push(format!(
                "{name} notified a withdrawal on {}. The {short} has no withdrawal or \
                 denunciation clause, so the notice does not end its obligations: it is \
                 recorded here, and {name} is shown as {}.",
                actions[i].date,
                r.status.phrase()
            ));
        }
        for &i in &r.ignored {
            rep.notes.push(format!(
                "A {} recorded on {} does not fit the state's record and was not applied \
                 (see `treatywatch check`).",
                actions[i].kind.as_str().replace('_', " "),
                actions[i].date
            ));
        }
        for &i in &r.seen {
            let a = &actions[i];
            if !a.note.is_empty() {
                rep.notes.push(format!(
                    "{} {}: {}",
                    a.date,
                    a.kind.as_str().replace('_', " "),
                    a.note
                ));
            }
        }

        // Domestic steps that point where the legal status has not gone (yet).
        let mut cite_steps: Vec<&'d Step> = Vec::new();
        let consented_on = r.consent.map(|c| actions[c].date);
        for aim in [Aim::Join, Aim::Withdraw, Aim::Suspend] {
            let pending: Vec<&'d Step> = rep
                .evidence
                .iter()
                .map(|e| e.step)
                .filter(|st| st.aim == aim)
                .filter(|st| match aim {
                    // Steps towards joining count until consent is deposited.
                    Aim::Join => r.consent.is_none(),
                    // Steps towards leaving count while bound and not yet notified,
                    // and only if taken during the current membership.
                    Aim::Withdraw => {
                        r.status.is_bound()
                            && r.withdrawal.is_none()
                            && consented_on.is_none_or(|c| st.date.sort_key() >= c)
                    }
                    Aim::Suspend => {
                        r.status.is_bound()
                            && r.suspensions.is_empty()
                            && consented_on.is_none_or(|c| st.date.sort_key() >= c)
                    }
                })
                .collect();
            let Some(last) = pending.last() else {
                continue;
            };
            let legal = match aim {
                Aim::Join => "no instrument of consent has been deposited",
                Aim::Withdraw => {
                    "no instrument of withdrawal has been deposited with the depositary"
                }
                Aim::Suspend => "no suspension has been notified to the depositary",
            };
            rep.notes.push(format!(
                "Domestic steps point to {} ({} step{}, the latest: {}), but {legal}: legally \
                 {name} is {}.",
                aim.act(),
                pending.len(),
                if pending.len() == 1 { "" } else { "s" },
                describe_step(last),
                r.status.phrase()
            ));
            cite_steps.extend(pending);
        }

        // Sources: the actions, then what the computation relied on.
        let push = |rep: &mut StatusReport<'d>, id: &crate::model::SourceId| {
            if let Some(s) = self.source(id)
                && !rep.sources.iter().any(|x| std::ptr::eq(*x, s))
            {
                rep.sources.push(s);
            }
        };
        for &i in &r.seen {
            for id in &actions[i].sources {
                push(&mut rep, id);
            }
        }
        if r.seen.is_empty() {
            for id in &treaty.status_sources {
                push(&mut rep, id);
            }
        }
        if cite_independence && let Some(ind) = &state.independence {
            push(&mut rep, &ind.source);
        }
        for c in cited_conflicts {
            for id in &self.data.conflicts[c].sources {
                push(&mut rep, id);
            }
        }
        if cite_rules {
            for id in &treaty.sources {
                push(&mut rep, id);
            }
        }
        for st in cite_steps {
            for id in &st.sources {
                push(&mut rep, id);
            }
        }
        rep
    }

    /// Every day on which a state's status under a treaty changes, with the new status,
    /// in order. Before the first change the state is [`Status::NotSignatory`].
    pub fn history(&self, treaty: &Treaty, state: &State) -> Vec<(Date, Status)> {
        let t = self.treaty_pos(treaty);
        let p = self.state_position(state);
        let days = self.event_days(t, p);
        let mut out: Vec<(Date, Status)> = Vec::new();
        let mut last = Status::NotSignatory;
        for d in days {
            let st = self.replay(t, p, d).status;
            if st != last {
                out.push((d, st));
                last = st;
            }
        }
        out
    }

    /// The days on which anything in a state's record under a treaty can change: the day
    /// each action counts from, each entry into force and each withdrawal's effect.
    fn event_days(&self, t: usize, p: usize) -> Vec<Date> {
        let mut days: Vec<Date> = Vec::new();
        for &i in &self.treaties[t].per_state[p] {
            days.push(self.counts_from[i]);
            match &self.derived[i] {
                Derived::Entry(StateEntry::On { date, .. }) => days.push(*date),
                Derived::Effect(WithdrawalEffect::On { date, .. }) => days.push(*date),
                _ => {}
            }
        }
        days.sort();
        days.dedup();
        days
    }

    fn facts_of(&self, r: &Replay) -> StatusFacts {
        let actions = &self.data.actions;
        let consent = r.consent.map(|i| &actions[i]);
        StatusFacts {
            status: r.status,
            bound_unknown: r.status == Status::ConsentDeposited
                && r.consent
                    .is_some_and(|i| matches!(self.entry(i), Some(StateEntry::Unknown(_)))),
            signed: r.signature.map(|i| actions[i].date),
            consent_deposited: consent.map(|a| a.date),
            consent_kind: consent.and_then(|a| match a.kind {
                ActionKind::Consent(k) => Some(k),
                _ => None,
            }),
            entry_into_force: r.consent.and_then(|i| match self.entry(i) {
                Some(StateEntry::On { date, .. }) => Some(*date),
                _ => None,
            }),
            withdrawal_notified: r.withdrawal.map(|i| actions[i].date),
            withdrawal_effective: r.withdrawal.and_then(|i| self.effect_date(i)),
        }
    }

    /// The status facts (no notes, no sources) of one state under one treaty on each of
    /// `days`, in the same order. Cheap enough for panels of millions of rows: the
    /// state's record is replayed only on the few days it can change.
    pub fn facts_on(&self, treaty: &Treaty, state: &State, days: &[Date]) -> Vec<StatusFacts> {
        let t = self.treaty_pos(treaty);
        let p = self.state_position(state);
        if self.treaties[t].per_state[p].is_empty() {
            return vec![StatusFacts::default(); days.len()];
        }
        let events = self.event_days(t, p);
        let at_event: Vec<StatusFacts> = events
            .iter()
            .map(|&d| self.facts_of(&self.replay(t, p, d)))
            .collect();
        days.iter()
            .map(|d| match events.partition_point(|e| e <= d) {
                0 => StatusFacts::default(),
                n => at_event[n - 1],
            })
            .collect()
    }

    /// The dated story of one state under one treaty: every action, and every day the
    /// rules make something happen (entry into force, a withdrawal taking effect).
    pub fn timeline(&self, treaty: &'d Treaty, state: &'d State) -> Vec<TimelineEvent<'d>> {
        let t = self.treaty_pos(treaty);
        let p = self.state_position(state);
        let mut events = Vec::new();
        let treaty_sources: Vec<&'d Source> = treaty
            .sources
            .iter()
            .filter_map(|id| self.source(id))
            .collect();
        let name = &state.name;
        for &i in &self.treaties[t].per_state[p] {
            let a = &self.data.actions[i];
            let source: Vec<&'d Source> =
                a.sources.iter().filter_map(|id| self.source(id)).collect();
            let what = match a.kind {
                ActionKind::Signature => format!("{name} signs the {}", treaty.short_name),
                ActionKind::Consent(k) => format!("instrument of {k} deposited"),
                ActionKind::ProvisionalApplication => "provisional application declared".into(),
                ActionKind::Withdrawal => "withdrawal received by the depositary".into(),
                ActionKind::WithdrawalRetracted => "withdrawal retracted".into(),
                ActionKind::SuspensionDeclared => format!(
                    "{name} declares it suspends the treaty (no legal effect on status{})",
                    match treaty.rules.suspension {
                        SuspensionRule::NoClause => ": the treaty has no suspension clause",
                        SuspensionRule::Unknown => "",
                    }
                ),
            };
            events.push(TimelineEvent {
                date: a.date,
                when: crate::date::PartialDate::Day(a.date),
                kind: TimelineKind::Action(a.kind),
                text: what,
                note: a.note.clone(),
                action: Some(a),
                sources: source.clone(),
            });
            match &self.derived[i] {
                Derived::Entry(StateEntry::On { date, basis }) => {
                    let how = match basis {
                        EntryBasis::General { .. } => {
                            format!("general entry into force ({})", entry_clause(treaty))
                        }
                        EntryBasis::Later => format!(
                            "{} the deposit of {} ({})",
                            treaty
                                .rules
                                .entry_into_force
                                .later()
                                .map_or(String::new(), |(l, _)| l.describe()),
                            a.date,
                            entry_clause(treaty)
                        ),
                        EntryBasis::Independence { independence } => format!(
                            "bound from independence on {independence}, by succession notified {}",
                            a.date
                        ),
                        EntryBasis::Notification => "from the notification of succession".into(),
                    };
                    let mut sources = source.clone();
                    if let EntryBasis::Independence { .. } = basis
                        && let Some(s) = state
                            .independence
                            .as_ref()
                            .and_then(|ind| self.source(&ind.source))
                    {
                        sources.push(s);
                    }
                    sources.extend(treaty_sources.iter().copied());
                    events.push(TimelineEvent {
                        date: *date,
                        when: crate::date::PartialDate::Day(*date),
                        kind: TimelineKind::EntryIntoForce,
                        text: format!("the treaty enters into force for {name}: {how}"),
                        note: String::new(),
                        action: Some(a),
                        sources,
                    });
                }
                // Only if the withdrawal was not retracted first.
                Derived::Effect(WithdrawalEffect::On {
                    date,
                    held_by_conflict,
                    ..
                }) if self.replay(t, p, *date).status == Status::Withdrawn => {
                    let mut sources = source.clone();
                    sources.extend(treaty_sources.iter().copied());
                    let held = held_by_conflict
                        .map(|c| {
                            sources.extend(
                                self.data.conflicts[c]
                                    .sources
                                    .iter()
                                    .filter_map(|id| self.source(id)),
                            );
                            " (held back until the end of an armed conflict)".to_string()
                        })
                        .unwrap_or_default();
                    events.push(TimelineEvent {
                        date: *date,
                        when: crate::date::PartialDate::Day(*date),
                        kind: TimelineKind::WithdrawalTakesEffect,
                        text: format!(
                            "withdrawal received {} takes effect ({}){held}",
                            a.date,
                            withdrawal_clause(treaty)
                        ),
                        note: String::new(),
                        action: Some(a),
                        sources,
                    });
                }
                Derived::Effect(WithdrawalEffect::HeldByOngoingConflict { nominal, conflict }) => {
                    let c = &self.data.conflicts[*conflict];
                    let mut sources = source.clone();
                    sources.extend(c.sources.iter().filter_map(|id| self.source(id)));
                    sources.extend(treaty_sources.iter().copied());
                    events.push(TimelineEvent {
                        date: *nominal,
                        when: crate::date::PartialDate::Day(*nominal),
                        kind: TimelineKind::WithdrawalHeld,
                        text: format!(
                            "notice period ends, but the withdrawal cannot take effect during \
                             the armed conflict ({}, since {})",
                            c.description, c.start
                        ),
                        note: String::new(),
                        action: Some(a),
                        sources,
                    });
                }
                _ => {}
            }
        }
        let tx = &self.treaties[t];
        for &i in &tx.steps[p] {
            let st = &self.data.steps[i];
            events.push(TimelineEvent {
                date: st.date.sort_key(),
                when: st.date.clone(),
                kind: TimelineKind::Step(st.kind),
                text: format!(
                    "{}: {} (towards {}; evidence of intent, not a legal act)",
                    describe_step(st),
                    st.summary,
                    st.aim.act()
                ),
                note: String::new(),
                action: None,
                sources: st.sources.iter().filter_map(|id| self.source(id)).collect(),
            });
        }
        for &i in &tx.records[p] {
            let r = &self.data.records[i];
            events.push(TimelineEvent {
                date: r.date.sort_key(),
                when: r.date.clone(),
                kind: TimelineKind::Record(r.kind),
                text: describe_record(r),
                note: r.note.clone(),
                action: None,
                sources: r.sources.iter().filter_map(|id| self.source(id)).collect(),
            });
        }
        events.sort_by_key(|e| (e.date, e.kind.rank()));
        events
    }

    /// The records of one state under one treaty, by date, with their sources.
    pub fn records(&self, treaty: &Treaty, state: &State) -> Vec<(&'d Record, Vec<&'d Source>)> {
        let t = self.treaty_pos(treaty);
        let p = self.state_position(state);
        self.treaties[t].records[p]
            .iter()
            .map(|&i| {
                let r = &self.data.records[i];
                (
                    r,
                    r.sources.iter().filter_map(|id| self.source(id)).collect(),
                )
            })
            .collect()
    }
}

fn entry_clause(treaty: &Treaty) -> String {
    treaty
        .rules
        .entry_into_force
        .clause()
        .map_or_else(|| "rule unknown".into(), str::to_string)
}

fn withdrawal_clause(treaty: &Treaty) -> String {
    match &treaty.rules.withdrawal {
        WithdrawalRule::Notice { clause, .. } => clause.clone(),
        WithdrawalRule::NoClause { .. } => "no withdrawal clause".into(),
        WithdrawalRule::Unknown => "rule unknown".into(),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f
            .to_uppercase()
            .chain(c)
            .collect::<String>()
            .replace('_', " "),
        None => String::new(),
    }
}

#[derive(Default)]
struct Replay {
    status: Status,
    signature: Option<usize>,
    consent: Option<usize>,
    withdrawal: Option<usize>,
    earlier_consents: Vec<usize>,
    earlier_withdrawals: Vec<usize>,
    retracted: Vec<(usize, usize)>,
    suspensions: Vec<usize>,
    provisional: Vec<usize>,
    /// Withdrawals notified under a treaty with no withdrawal clause.
    without_effect: Vec<usize>,
    ignored: Vec<usize>,
    seen: Vec<usize>,
}

/// The answer for one state, treaty and date.
#[derive(Clone, Debug)]
pub struct StatusReport<'d> {
    pub state: &'d State,
    pub treaty: &'d Treaty,
    pub on: Date,
    /// Set when `on` is after the last day the treaty's record speaks for (a treaty known
    /// only from a status table captured then): the status is then unknown, and every
    /// other field is as of this day.
    pub known_until: Option<Date>,
    /// The status on `on`, or, when `known_until` is set, the last known status.
    pub status: Status,
    /// Consent is recorded but whether and when it binds the state is unknown, because
    /// a rule is not recorded (the status stays `consent_deposited`).
    pub bound_unknown: bool,
    pub signed: Option<Date>,
    pub consent_deposited: Option<Date>,
    pub consent_kind: Option<ConsentKind>,
    pub entry_into_force: Option<Date>,
    pub withdrawal_notified: Option<Date>,
    pub withdrawal_effective: Option<Date>,
    /// Plain-language explanations, in the project's own words.
    pub notes: Vec<String>,
    /// The sources of every fact the answer rests on.
    pub sources: Vec<&'d Source>,
    /// The actions taken into account.
    pub actions: Vec<&'d Action>,
    /// Domestic steps up to the date: evidence of intent, not legal acts.
    pub evidence: Vec<Evidence<'d>>,
}

/// A domestic step with its sources resolved.
#[derive(Clone, Debug)]
pub struct Evidence<'d> {
    pub step: &'d Step,
    pub sources: Vec<&'d Source>,
}

impl Serialize for Evidence<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let st = self.step;
        let mut m = s.serialize_struct("Evidence", 8)?;
        m.serialize_field("date", &st.date)?;
        m.serialize_field("step", &st.kind)?;
        m.serialize_field("aim", &st.aim)?;
        m.serialize_field("body", &st.body)?;
        m.serialize_field("vote", &st.vote)?;
        m.serialize_field("summary", &st.summary)?;
        m.serialize_field(
            "legal_effect",
            "none: evidence of intent, not a depositary act",
        )?;
        m.serialize_field("sources", &self.sources)?;
        m.end()
    }
}

/// "stockpile: 1,029,763 (801,618 blast mines ...)".
pub fn describe_record(r: &Record) -> String {
    let value = match r.value {
        crate::evidence::RecordValue::None => String::new(),
        v => format!(": {v}"),
    };
    let detail = if r.detail.is_empty() {
        String::new()
    } else {
        format!(" ({})", r.detail)
    };
    format!("{}{value}{detail}", r.kind.words())
}

/// "parliamentary vote (Seimas) on 2025-05-08, 107 for, 0 against, 3 abstaining".
pub fn describe_step(st: &Step) -> String {
    let body = if st.body.is_empty() {
        String::new()
    } else {
        format!(" ({})", st.body)
    };
    let vote = st.vote.map(|v| format!(", {v}")).unwrap_or_default();
    format!("{}{body} on {}{vote}", st.kind.words(), st.date)
}

impl StatusReport<'_> {
    /// The status as said to people and programs: `unknown` after the record
    /// (`known_until`), else the status.
    pub fn status_label(&self) -> &'static str {
        if self.known_until.is_some() {
            "unknown"
        } else {
            self.status.as_str()
        }
    }

    /// The report's facts without notes or sources: what [`Engine::facts_on`] gives.
    pub fn facts(&self) -> StatusFacts {
        StatusFacts {
            status: self.status,
            bound_unknown: self.bound_unknown,
            signed: self.signed,
            consent_deposited: self.consent_deposited,
            consent_kind: self.consent_kind,
            entry_into_force: self.entry_into_force,
            withdrawal_notified: self.withdrawal_notified,
            withdrawal_effective: self.withdrawal_effective,
        }
    }
}

impl Serialize for StatusReport<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Status", 14)?;
        st.serialize_field("state", &self.state.code)?;
        st.serialize_field("name", &self.state.name)?;
        st.serialize_field("treaty", &self.treaty.id)?;
        st.serialize_field("on", &self.on)?;
        st.serialize_field("status", self.status_label())?;
        if let Some(k) = self.known_until {
            // Only after a snapshot's record: the last known status and its day.
            st.serialize_field("known_until", &k)?;
            st.serialize_field("last_known_status", &self.status)?;
        }
        st.serialize_field("signed", &self.signed)?;
        st.serialize_field("consent_deposited", &self.consent_deposited)?;
        st.serialize_field("consent_kind", &self.consent_kind)?;
        st.serialize_field("entry_into_force", &self.entry_into_force)?;
        st.serialize_field("withdrawal_notified", &self.withdrawal_notified)?;
        st.serialize_field("withdrawal_effective", &self.withdrawal_effective)?;
        st.serialize_field("notes", &self.notes)?;
        st.serialize_field("sources", &self.sources)?;
        st.serialize_field("evidence", &self.evidence)?;
        st.end()
    }
}

/// The facts of a state's status on one day, without notes or sources: what panels and
/// bulk exports need. Dates are as in [`StatusReport`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StatusFacts {
    pub status: Status,
    /// Consent is recorded, but whether and when it binds the state is unknown: a rule
    /// the answer depends on (entry into force, succession) is not recorded.
    pub bound_unknown: bool,
    pub signed: Option<Date>,
    pub consent_deposited: Option<Date>,
    pub consent_kind: Option<ConsentKind>,
    pub entry_into_force: Option<Date>,
    pub withdrawal_notified: Option<Date>,
    pub withdrawal_effective: Option<Date>,
}

/// What a timeline line records.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineKind {
    /// A depositary action.
    Action(ActionKind),
    /// The treaty enters into force for the state (derived by the rules).
    EntryIntoForce,
    /// A withdrawal takes effect (derived by the rules).
    WithdrawalTakesEffect,
    /// A withdrawal's notice period ends during an armed conflict (derived).
    WithdrawalHeld,
    /// A domestic step: evidence of intent, not a legal act.
    Step(crate::evidence::StepKind),
    /// A record (stockpile, production, use, an obligation's milestone).
    Record(crate::evidence::RecordKind),
}

impl TimelineKind {
    fn rank(self) -> u8 {
        match self {
            TimelineKind::Action(k) => k.same_day_rank(),
            TimelineKind::EntryIntoForce => 10,
            TimelineKind::WithdrawalTakesEffect => 11,
            TimelineKind::WithdrawalHeld => 12,
            TimelineKind::Step(_) => 20,
            TimelineKind::Record(_) => 21,
        }
    }

    /// Whether a line of this kind can change a status (a declared suspension or a
    /// provisional application cannot).
    pub fn changes_status(self) -> bool {
        match self {
            TimelineKind::Action(k) => !matches!(
                k,
                ActionKind::SuspensionDeclared | ActionKind::ProvisionalApplication
            ),
            TimelineKind::EntryIntoForce | TimelineKind::WithdrawalTakesEffect => true,
            TimelineKind::WithdrawalHeld | TimelineKind::Step(_) | TimelineKind::Record(_) => false,
        }
    }

    /// Whether the line is derived by the rules rather than recorded.
    pub fn is_derived(self) -> bool {
        matches!(
            self,
            TimelineKind::EntryIntoForce
                | TimelineKind::WithdrawalTakesEffect
                | TimelineKind::WithdrawalHeld
        )
    }

    /// The line's class: `action` (a depositary act), `rule` (derived), `evidence`
    /// (a domestic step, not a legal act) or `record`.
    pub fn class(self) -> &'static str {
        match self {
            TimelineKind::Action(_) => "action",
            TimelineKind::EntryIntoForce
            | TimelineKind::WithdrawalTakesEffect
            | TimelineKind::WithdrawalHeld => "rule",
            TimelineKind::Step(_) => "evidence",
            TimelineKind::Record(_) => "record",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            TimelineKind::Action(k) => k.as_str(),
            TimelineKind::EntryIntoForce => "entry_into_force",
            TimelineKind::WithdrawalTakesEffect => "withdrawal_takes_effect",
            TimelineKind::WithdrawalHeld => "withdrawal_held",
            TimelineKind::Step(k) => k.as_str(),
            TimelineKind::Record(k) => k.as_str(),
        }
    }
}

/// One line of a state's story.
#[derive(Clone, Debug)]
pub struct TimelineEvent<'d> {
    /// The day to sort by (the earliest possible day, for a partial date).
    pub date: Date,
    /// The date as precisely as it is known, for display.
    pub when: crate::date::PartialDate,
    pub kind: TimelineKind,
    /// What happened, in the project's words.
    pub text: String,
    /// The curator's note on the action, if any.
    pub note: String,
    /// The action recorded or behind the derived event.
    pub action: Option<&'d Action>,
    pub sources: Vec<&'d Source>,
}

/// One deadline of one state, as it stands on a date.
#[derive(Clone, Debug)]
pub struct Deadline<'d> {
    pub state: &'d State,
    pub treaty: &'d Treaty,
    pub obligation: &'d crate::obligations::ObligationRule,
    /// For yearly obligations, the calendar year covered (the year before the deadline).
    pub covers_year: Option<i16>,
    /// The state's entry into force, from which the deadline is counted.
    pub entry_into_force: Date,
    /// The deadline the rule gives.
    pub original_due: Date,
    /// The deadline in force on `on`, after any extension.
    pub due: Date,
    pub status: crate::obligations::DeadlineStatus,
    /// Why, in words.
    pub reason: String,
    /// The day (or month, or year) the work was done, if recorded and known by `on`.
    pub completed: Option<crate::date::PartialDate>,
    /// The day completion was declared, if recorded and known by `on`: kept apart
    /// from the day the work was done.
    pub declared: Option<crate::date::PartialDate>,
    /// Every record of this obligation for the state known by `on`, by date: requests,
    /// decisions, declarations, completions.
    pub history: Vec<&'d Record>,
    /// The records that decided it (extension, completion, declaration, evidence it
    /// applied, evidence there was nothing to do).
    pub records: Vec<&'d Record>,
    pub sources: Vec<&'d Source>,
    pub on: Date,
}

impl Serialize for Deadline<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut m = s.serialize_struct("Deadline", 18)?;
        m.serialize_field("state", &self.state.code)?;
        m.serialize_field("name", &self.state.name)?;
        m.serialize_field("treaty", &self.treaty.id)?;
        m.serialize_field("obligation", &self.obligation.id)?;
        m.serialize_field("article", &self.obligation.article)?;
        m.serialize_field("title", &self.obligation.title)?;
        m.serialize_field("covers_year", &self.covers_year)?;
        m.serialize_field("entry_into_force", &self.entry_into_force)?;
        m.serialize_field("original_due", &self.original_due)?;
        m.serialize_field("due", &self.due)?;
        m.serialize_field("on", &self.on)?;
        m.serialize_field("status", &self.status)?;
        m.serialize_field("reason", &self.reason)?;
        m.serialize_field("completed", &self.completed.as_ref().map(|d| d.to_string()))?;
        m.serialize_field("declared", &self.declared.as_ref().map(|d| d.to_string()))?;
        m.serialize_field(
            "history",
            &self
                .history
                .iter()
                .map(|r| HistoryEntry(r))
                .collect::<Vec<_>>(),
        )?;
        m.serialize_field("sources", &self.sources)?;
        m.end()
    }
}

/// One record in a deadline's history: `{date, kind, value, detail, sources}`.
struct HistoryEntry<'a>(&'a Record);

impl Serialize for HistoryEntry<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let r = self.0;
        let mut m = s.serialize_struct("HistoryEntry", 5)?;
        m.serialize_field("date", &r.date.to_string())?;
        m.serialize_field("kind", &r.kind)?;
        let value = match r.value {
            crate::evidence::RecordValue::None => None,
            v => Some(v.to_string()),
        };
        m.serialize_field("value", &value)?;
        m.serialize_field("detail", &r.detail)?;
        m.serialize_field(
            "sources",
            &r.sources.iter().map(|id| id.0.as_str()).collect::<Vec<_>>(),
        )?;
        m.end()
    }
}

impl<'d> Engine<'d> {
    /// Every deadline of one state under a treaty, as they stand on `on`: one-off
    /// deadlines whatever their date, yearly ones up to `until`. Empty unless the state
    /// has consented and its entry into force is known. Deadlines falling after its
    /// withdrawal takes effect are left out, unless already met.
    pub fn deadlines(
        &self,
        treaty: &'d Treaty,
        state: &'d State,
        on: Date,
        until: Date,
    ) -> Vec<Deadline<'d>> {
        self.deadlines_where(treaty, state, on, until, &|_| true)
    }

    /// [`Engine::deadlines`] of the obligations `include` accepts only: the others'
    /// deadlines are never computed (yearly ones can be many).
    pub fn deadlines_where(
        &self,
        treaty: &'d Treaty,
        state: &'d State,
        on: Date,
        until: Date,
        include: &dyn Fn(&crate::obligations::ObligationRule) -> bool,
    ) -> Vec<Deadline<'d>> {
        use crate::obligations::{DeadlineInput, annual_deadlines, assess};
        let t = self.treaty_pos(treaty);
        let p = self.state_position(state);
        let r = self.replay(t, p, on);
        let Some(consent) = r.consent else {
            return Vec::new();
        };
        let Some(StateEntry::On { date: eif, .. }) = self.entry(consent) else {
            return Vec::new();
        };
        let eif = *eif;
        let withdrawal_effective = r.withdrawal.and_then(|w| self.effect_date(w));
        let records: Vec<&'d Record> = self.treaties[t].records[p]
            .iter()
            .map(|&i| &self.data.records[i])
            .collect();
        let mut base_sources: Vec<&'d Source> = Vec::new();
        let add = |list: &mut Vec<&'d Source>, ids: &[crate::model::SourceId]| {
            for id in ids {
                if let Some(s) = self.source(id)
                    && !list.iter().any(|x| std::ptr::eq(*x, s))
                {
                    list.push(s);
                }
            }
        };
        add(&mut base_sources, &self.data.actions[consent].sources);
        add(&mut base_sources, &treaty.sources);
        let mut out = Vec::new();
        let mut push = |rule: &'d crate::obligations::ObligationRule,
                        original_due: Date,
                        covers_year: Option<i16>| {
            let outcome = assess(&DeadlineInput {
                rule,
                original_due,
                records: &records,
                withdrawal_effective,
                covers_year,
                on,
            });
            let decided: Vec<&'d Record> = [
                outcome.extension,
                outcome.completion,
                outcome.declaration,
                outcome.applies,
                outcome.not_applicable,
            ]
            .into_iter()
            .flatten()
            .collect();
            let mut sources = base_sources.clone();
            for r in &decided {
                add(&mut sources, &r.sources);
            }
            out.push(Deadline {
                state,
                treaty,
                obligation: rule,
                covers_year,
                entry_into_force: eif,
                original_due,
                due: outcome.due,
                status: outcome.status,
                reason: outcome.reason,
                completed: outcome.completion.map(|r| r.date.clone()),
                declared: outcome.declaration.map(|r| r.date.clone()),
                history: outcome.history,
                records: decided,
                sources,
                on,
            });
        };
        for rule in treaty.obligations.iter().filter(|r| include(r)) {
            if let Some(due) = rule.due
                && let Some(d) = due.apply(eif)
            {
                push(rule, d, None);
            }
            if let Some(annual) = &rule.annual {
                let start = treaty
                    .obligations
                    .iter()
                    .find(|o| o.id == annual.after)
                    .and_then(|o| o.due)
                    .and_then(|d| d.apply(eif));
                let Some(start) = start else { continue };
                let last = match withdrawal_effective {
                    Some(w) => until.min(w.yesterday().unwrap_or(w)),
                    None => until,
                };
                for d in annual_deadlines(annual, start, last) {
                    push(rule, d, Some(d.year() - 1));
                }
            }
        }
        out.retain(|d| {
            d.status != crate::obligations::DeadlineStatus::Ended
                || withdrawal_effective.is_none_or(|w| d.original_due < w)
        });
        out.sort_by_key(|d| (d.due, d.obligation.id.clone()));
        out
    }

    /// The deadlines of every state under a treaty.
    pub fn all_deadlines(&self, treaty: &'d Treaty, on: Date, until: Date) -> Vec<Deadline<'d>> {
        self.data
            .states
            .iter()
            .flat_map(|s| self.deadlines(treaty, s, on, until))
            .collect()
    }
}
