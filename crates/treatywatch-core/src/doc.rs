//! The documents treatywatch hands to programs. The command line's `--format json` and
//! the web API serialize these same types, so the two cannot drift apart.
//!
//! * [`PartiesDoc`]: every state's status on a date, with the count for each status
//!   (`parties --format json`, `GET /api/v1/status`).
//! * [`TimelineDoc`]: one state's dated story (`timeline --format json`,
//!   `GET /api/v1/states/{code}/timeline`).
//! * [`ChangesDoc`]: every status change between two dates, each with the events and
//!   sources behind it (`GET /api/v1/changes`), built by [`Engine::changes`].
//! * [`DeadlineWindow`] and [`Engine::deadline_list`]: which deadlines `deadlines`
//!   lists, with the same defaults for the window on both; [`DeadlinesDoc`] the listing
//!   as a document (`deadlines --format json`, `GET /api/v1/deadlines`).
//! * [`Identified`]: any other document (one state's status, an annotation) with the
//!   dataset's identity beside its own fields.
//!
//! Every document carries `dataset`, the identity of the dataset that answered
//! ([`Dataset::identity`]: version, date of the latest fact, licence, digest), so that a
//! program, a newsroom or a cache can tell how current an answer is.

use jiff::ToSpan;
use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct};

use crate::date::Date;
use crate::engine::{Deadline, Engine, Status, StatusReport, TimelineEvent};
use crate::model::{Dataset, DatasetIdentity, Source, State, StateCode, Treaty, TreatyId};
use crate::obligations::DeadlineStatus;

/// The number of states in each status, serialized as an object with a key for every
/// status, in [`Status::ALL`] order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts(pub [(Status, usize); 6]);

impl Counts {
    /// Counts the statuses of `reports`.
    pub fn of<'a, 'd: 'a>(reports: impl IntoIterator<Item = &'a StatusReport<'d>>) -> Counts {
        let mut counts = Status::ALL.map(|s| (s, 0));
        for r in reports {
            counts[r.status as usize].1 += 1;
        }
        Counts(counts)
    }

    /// The count for one status.
    pub fn get(&self, status: Status) -> usize {
        self.0[status as usize].1
    }

    /// The number of states counted.
    pub fn total(&self) -> usize {
        self.0.iter().map(|(_, n)| n).sum()
    }
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (status, n) in &self.0 {
            m.serialize_entry(status.as_str(), n)?;
        }
        m.end()
    }
}

/// A document with the dataset's identity first, then the fields of `doc` (which must
/// serialize as an object): `{"dataset", ...}`.
#[derive(Clone, Debug, Serialize)]
pub struct Identified<T> {
    pub dataset: DatasetIdentity,
    #[serde(flatten)]
    pub doc: T,
}

impl<T> Identified<T> {
    /// `doc` with the identity of `data`.
    pub fn new(data: &Dataset, doc: T) -> Identified<T> {
        Identified {
            dataset: data.identity(),
            doc,
        }
    }
}

/// Every state's status on a date: `{"dataset", "treaty", "on", "counts", "states"}`.
/// `counts` covers every state even when `states` has been filtered.
#[derive(Clone, Debug, Serialize)]
pub struct PartiesDoc<'d> {
    pub dataset: DatasetIdentity,
    pub treaty: &'d TreatyId,
    pub on: Date,
    /// Set when `on` is after the last day the treaty's record speaks for (a treaty
    /// known only from an imported status table): every state's status is then
    /// `unknown`, and `counts` are the last known ones, as of this day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub known_until: Option<Date>,
    pub counts: Counts,
    pub states: Vec<StatusReport<'d>>,
}

impl<'d> PartiesDoc<'d> {
    /// The document for `reports`, which should be every state's report on `on`.
    pub fn new(
        data: &Dataset,
        treaty: &'d Treaty,
        on: Date,
        states: Vec<StatusReport<'d>>,
    ) -> PartiesDoc<'d> {
        PartiesDoc {
            dataset: data.identity(),
            treaty: &treaty.id,
            on,
            known_until: treaty.known_until.filter(|k| on > *k),
            counts: Counts::of(&states),
            states,
        }
    }
}

impl Serialize for TimelineEvent<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Event", 7)?;
        st.serialize_field("date", &self.when)?;
        st.serialize_field("kind", self.kind.as_str())?;
        st.serialize_field("class", self.kind.class())?;
        st.serialize_field("derived", &self.kind.is_derived())?;
        st.serialize_field("text", &self.text)?;
        st.serialize_field("note", &self.note)?;
        st.serialize_field("sources", &self.sources)?;
        st.end()
    }
}

/// One state's dated story: `{"dataset", "state", "name", "treaty", "events"}`.
#[derive(Clone, Debug)]
pub struct TimelineDoc<'d> {
    pub dataset: DatasetIdentity,
    pub treaty: &'d Treaty,
    pub state: &'d State,
    pub events: Vec<TimelineEvent<'d>>,
}

impl Serialize for TimelineDoc<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Timeline", 5)?;
        st.serialize_field("dataset", &self.dataset)?;
        st.serialize_field("state", &self.state.code)?;
        st.serialize_field("name", &self.state.name)?;
        st.serialize_field("treaty", &self.treaty.id)?;
        st.serialize_field("events", &self.events)?;
        st.end()
    }
}

/// A day on which a state's status changed, with what happened that day.
#[derive(Clone, Debug)]
pub struct Change<'d> {
    pub date: Date,
    pub state: &'d State,
    pub treaty: &'d Treaty,
    /// The status on the day before.
    pub from: Status,
    /// The status from this day on.
    pub to: Status,
    /// The timeline events of that day (actions recorded and dates derived by the
    /// rules), each with its sources.
    pub events: Vec<TimelineEvent<'d>>,
}

impl Change<'_> {
    /// Every source of the change's events, once each, in order of first use.
    pub fn sources(&self) -> Vec<&Source> {
        let mut out: Vec<&Source> = Vec::new();
        for s in self.events.iter().flat_map(|e| e.sources.iter()) {
            if !out.iter().any(|x| std::ptr::eq(*x, *s)) {
                out.push(s);
            }
        }
        out
    }
}

impl Serialize for Change<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Change", 7)?;
        st.serialize_field("date", &self.date)?;
        st.serialize_field("state", &self.state.code)?;
        st.serialize_field("name", &self.state.name)?;
        st.serialize_field("treaty", &self.treaty.id)?;
        st.serialize_field("from", &self.from)?;
        st.serialize_field("to", &self.to)?;
        st.serialize_field("events", &self.events)?;
        st.end()
    }
}

/// Every status change on a day from `from` to `to`, both included:
/// `{"dataset", "treaty", "from", "to", "changes"}`.
#[derive(Clone, Debug, Serialize)]
pub struct ChangesDoc<'d> {
    pub dataset: DatasetIdentity,
    pub treaty: &'d TreatyId,
    pub from: Date,
    pub to: Date,
    pub changes: Vec<Change<'d>>,
}

/// The deadlines listing as a document: `{"dataset", "treaty", "on", "from", "to",
/// "overdue", "deadlines"}`, with the window it covers (`null` for an open end).
#[derive(Clone, Debug, Serialize)]
pub struct DeadlinesDoc<'d> {
    pub dataset: DatasetIdentity,
    pub treaty: &'d TreatyId,
    pub on: Date,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub overdue: bool,
    /// The obligations listed, by id; empty: every obligation but the yearly reports.
    pub obligations: Vec<String>,
    pub deadlines: Vec<Deadline<'d>>,
}

/// Which deadlines a listing shows: those due from `from` to `to` (either bound open
/// when `None`), only the overdue ones if `overdue`; yearly deadlines are generated up
/// to `until`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DeadlineWindow {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub overdue: bool,
    pub until: Date,
    /// The obligations listed, by id. Empty: every obligation that does not recur yearly
    /// (yearly reports are listed only when asked for by name).
    pub obligations: Vec<String>,
}

/// An obligation name that names none of the treaty's obligations.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{given}` names no obligation of this treaty: use one of {}", choices.join(", "))]
pub struct UnknownObligation {
    pub given: String,
    /// Every accepted name: ids and articles (`clearance`, `art5`).
    pub choices: Vec<String>,
}

/// A window whose first day is after its last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("from {from} is after to {to}")]
pub struct BadWindow {
    pub from: Date,
    pub to: Date,
}

impl DeadlineWindow {
    /// The window for what the user gave, as of `on`. Without `from` and `to`: with
    /// `overdue`, every deadline due by `on`; for named states (`for_states`), their whole
    /// record; otherwise what is due in the year after `on`. With either bound, the other
    /// is open before and a year after `on` at the end.
    pub fn new(
        on: Date,
        from: Option<Date>,
        to: Option<Date>,
        overdue: bool,
        for_states: bool,
    ) -> Result<DeadlineWindow, BadWindow> {
        let year_after = on.checked_add(1.year()).unwrap_or(on);
        let (from, to) = match (from, to, overdue, for_states) {
            (None, None, true, _) => (None, Some(on)),
            (None, None, false, false) => (Some(on), Some(year_after)),
            (None, None, false, true) => (None, None),
            (f, t, _, _) => (f, Some(t.unwrap_or(year_after))),
        };
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(BadWindow { from, to });
        }
        Ok(DeadlineWindow {
            from,
            to,
            overdue,
            // Yearly deadlines run up to the window's end, or a year ahead.
            until: to.unwrap_or(year_after),
            obligations: Vec::new(),
        })
    }

    /// The window listing only the obligations `names` name (ids, or articles such as
    /// `art5`; `art7` names both reports); none given keeps the default: every obligation
    /// that does not recur yearly.
    pub fn with_obligations(
        mut self,
        treaty: &Treaty,
        names: &[String],
    ) -> Result<DeadlineWindow, UnknownObligation> {
        let mut ids: Vec<String> = Vec::new();
        for name in names {
            let found: Vec<&str> = treaty
                .obligations
                .iter()
                .filter(|o| o.matches(name))
                .map(|o| o.id.as_str())
                .collect();
            if found.is_empty() {
                return Err(UnknownObligation {
                    given: name.clone(),
                    choices: treaty.obligations.iter().flat_map(|o| o.names()).collect(),
                });
            }
            for id in found {
                if !ids.iter().any(|i| i == id) {
                    ids.push(id.to_string());
                }
            }
        }
        self.obligations = ids;
        Ok(self)
    }

    /// Whether the window lists deadlines of this obligation.
    pub fn lists(&self, rule: &crate::obligations::ObligationRule) -> bool {
        if self.obligations.is_empty() {
            !rule.is_annual()
        } else {
            self.obligations.contains(&rule.id)
        }
    }

    /// Whether a deadline belongs in the listing.
    pub fn contains(&self, d: &Deadline<'_>) -> bool {
        self.from.is_none_or(|f| d.due >= f)
            && self.to.is_none_or(|t| d.due <= t)
            && (!self.overdue || d.status == DeadlineStatus::Overdue)
            && self.lists(d.obligation)
    }
}

impl<'d> Engine<'d> {
    /// The deadlines of `states` (every state when empty) as they stand on `on`, within
    /// `window`, by due date, then state name, then obligation: what `deadlines` lists.
    pub fn deadline_list(
        &self,
        treaty: &'d Treaty,
        states: &[&'d State],
        on: Date,
        window: &DeadlineWindow,
    ) -> Vec<Deadline<'d>> {
        let listed = |rule: &crate::obligations::ObligationRule| window.lists(rule);
        let mut out: Vec<Deadline<'d>> = if states.is_empty() {
            self.data()
                .states
                .iter()
                .flat_map(|s| self.deadlines_where(treaty, s, on, window.until, &listed))
                .collect()
        } else {
            states
                .iter()
                .flat_map(|s| self.deadlines_where(treaty, s, on, window.until, &listed))
                .collect()
        };
        out.retain(|d| window.contains(d));
        out.sort_by(|a, b| {
            (a.due, &a.state.name, &a.obligation.id).cmp(&(b.due, &b.state.name, &b.obligation.id))
        });
        out
    }

    /// The deadlines listing as one document.
    pub fn deadlines_doc(
        &self,
        treaty: &'d Treaty,
        states: &[&'d State],
        on: Date,
        window: &DeadlineWindow,
    ) -> DeadlinesDoc<'d> {
        DeadlinesDoc {
            dataset: self.data().identity(),
            treaty: &treaty.id,
            on,
            from: window.from,
            to: window.to,
            overdue: window.overdue,
            obligations: window.obligations.clone(),
            deadlines: self.deadline_list(treaty, states, on, window),
        }
    }

    /// Every state's full report on a date, as one document.
    pub fn parties(&self, treaty: &'d Treaty, on: Date) -> PartiesDoc<'d> {
        PartiesDoc::new(self.data(), treaty, on, self.statuses(treaty, on))
    }

    /// One state's dated story, as one document.
    pub fn timeline_doc(&self, treaty: &'d Treaty, state: &'d State) -> TimelineDoc<'d> {
        TimelineDoc {
            dataset: self.data().identity(),
            treaty,
            state,
            events: self.timeline(treaty, state),
        }
    }

    /// Every status change that happens on a day `D` with `from <= D <= to`, ordered by
    /// day then state code. A change on `D` means the status on `D` differs from the
    /// status on the day before. Built on [`Engine::history`], so it agrees with
    /// [`Engine::status`] on every day.
    pub fn changes(&self, treaty: &'d Treaty, from: Date, to: Date) -> Vec<Change<'d>> {
        let mut out = Vec::new();
        for state in &self.data().states {
            let mut before = Status::NotSignatory;
            let mut timeline: Option<Vec<TimelineEvent<'d>>> = None;
            for (day, status) in self.history(treaty, state) {
                if from <= day && day <= to {
                    let events = timeline
                        .get_or_insert_with(|| self.timeline(treaty, state))
                        .iter()
                        // The legal events of the day, not domestic steps or records.
                        .filter(|e| e.date == day && e.kind.changes_status())
                        .cloned()
                        .collect();
                    out.push(Change {
                        date: day,
                        state,
                        treaty,
                        from: before,
                        to: status,
                        events,
                    });
                }
                before = status;
            }
        }
        out.sort_by(|a, b| a.date.cmp(&b.date).then(a.state.code.cmp(&b.state.code)));
        out
    }

    /// The changes between two days, as one document.
    pub fn changes_doc(&self, treaty: &'d Treaty, from: Date, to: Date) -> ChangesDoc<'d> {
        ChangesDoc {
            dataset: self.data().identity(),
            treaty: &treaty.id,
            from,
            to,
            changes: self.changes(treaty, from, to),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn deadline_windows_default_as_the_command_documents() {
        let on = date(2026, 3, 1);
        let w = |from, to, overdue, states| DeadlineWindow::new(on, from, to, overdue, states);
        let next_year = date(2027, 3, 1);
        // What is coming in the year after `on`.
        let coming = w(None, None, false, false).unwrap();
        assert_eq!(
            (coming.from, coming.to, coming.until),
            (Some(on), Some(next_year), next_year)
        );
        // Overdue: everything due by `on`, whenever.
        let overdue = w(None, None, true, false).unwrap();
        assert_eq!(
            (overdue.from, overdue.to, overdue.until),
            (None, Some(on), on)
        );
        // A state's whole record, yearly deadlines a year ahead.
        let record = w(None, None, false, true).unwrap();
        assert_eq!(
            (record.from, record.to, record.until),
            (None, None, next_year)
        );
        // One bound given: the other end is a year after `on`.
        let from = w(Some(date(2020, 1, 1)), None, false, true).unwrap();
        assert_eq!(
            (from.from, from.to),
            (Some(date(2020, 1, 1)), Some(next_year))
        );
        let to = w(None, Some(date(2030, 1, 1)), true, false).unwrap();
        assert_eq!(
            (to.from, to.to, to.until),
            (None, Some(date(2030, 1, 1)), date(2030, 1, 1))
        );
        assert_eq!(
            w(Some(date(2030, 1, 1)), Some(date(2020, 1, 1)), false, false),
            Err(BadWindow {
                from: date(2030, 1, 1),
                to: date(2020, 1, 1)
            })
        );
    }
}

/// How much of one obligation the record covers: for every state with a deadline of it
/// (every state that has been bound, whose entry into force is known), how its deadline
/// stands on a day. For a yearly obligation, the latest year due by that day.
#[derive(Clone, Debug, Serialize)]
pub struct ObligationCoverage<'d> {
    pub obligation: &'d str,
    pub article: &'d str,
    pub title: &'d str,
    /// For a yearly obligation, the calendar year whose report is counted.
    pub covers_year: Option<i16>,
    /// The states with a deadline of this obligation.
    pub states: usize,
    /// How many deadlines stand in each status.
    pub counts: DeadlineCounts,
    /// States whose deadline is `unknown`: the record says nothing either way.
    pub unknown: usize,
    /// `unknown` as a share of `states` (0 to 1; 0 when there are none).
    pub unknown_share: f64,
    /// The states whose deadline is `unknown`, by code.
    pub unknown_states: Vec<&'d StateCode>,
}

/// The number of deadlines in each status, serialized with a key for every status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DeadlineCounts(pub [usize; DeadlineStatus::ALL.len()]);

impl DeadlineCounts {
    pub fn get(&self, status: DeadlineStatus) -> usize {
        DeadlineStatus::ALL
            .iter()
            .position(|s| *s == status)
            .map_or(0, |i| self.0[i])
    }

    fn add(&mut self, status: DeadlineStatus) {
        if let Some(i) = DeadlineStatus::ALL.iter().position(|s| *s == status) {
            self.0[i] += 1;
        }
    }
}

impl Serialize for DeadlineCounts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (status, n) in DeadlineStatus::ALL.iter().zip(self.0) {
            m.serialize_entry(status.as_str(), &n)?;
        }
        m.end()
    }
}

/// `treatywatch coverage`: for every obligation of a treaty, how many parties' deadlines
/// the record covers on a day, and which it does not.
#[derive(Clone, Debug, Serialize)]
pub struct CoverageDoc<'d> {
    pub dataset: DatasetIdentity,
    pub treaty: &'d TreatyId,
    pub on: Date,
    pub obligations: Vec<ObligationCoverage<'d>>,
}

impl<'d> Engine<'d> {
    /// The coverage of every obligation of `treaty` on `on`.
    pub fn coverage(&self, treaty: &'d Treaty, on: Date) -> CoverageDoc<'d> {
        let mut obligations = Vec::new();
        for rule in &treaty.obligations {
            let mut counts = DeadlineCounts::default();
            let mut unknown_states = Vec::new();
            let mut states = 0;
            let mut covers_year = None;
            for state in &self.data().states {
                let only = |r: &crate::obligations::ObligationRule| r.id == rule.id;
                let deadlines = self.deadlines_where(treaty, state, on, on, &only);
                // One deadline a state: the one-off deadline, or the latest yearly one
                // due by `on`.
                let Some(d) = deadlines
                    .iter()
                    .filter(|d| !rule.is_annual() || d.due <= on)
                    .max_by_key(|d| d.due)
                else {
                    continue;
                };
                states += 1;
                counts.add(d.status);
                if rule.is_annual() {
                    covers_year = covers_year.max(d.covers_year);
                }
                if d.status == DeadlineStatus::Unknown {
                    unknown_states.push(&state.code);
                }
            }
            let unknown = counts.get(DeadlineStatus::Unknown);
            obligations.push(ObligationCoverage {
                obligation: &rule.id,
                article: &rule.article,
                title: &rule.title,
                covers_year,
                states,
                counts,
                unknown,
                unknown_share: if states == 0 {
                    0.0
                } else {
                    unknown as f64 / states as f64
                },
                unknown_states,
            });
        }
        CoverageDoc {
            dataset: self.data().identity(),
            treaty: &treaty.id,
            on,
            obligations,
        }
    }
}
