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
use crate::model::{Dataset, DatasetIdentity, Source, State, Treaty, TreatyId};
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
    pub deadlines: Vec<Deadline<'d>>,
}

/// Which deadlines a listing shows: those due from `from` to `to` (either bound open
/// when `None`), only the overdue ones if `overdue`; yearly deadlines are generated up
/// to `until`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DeadlineWindow {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub overdue: bool,
    pub until: Date,
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
        })
    }

    /// Whether a deadline belongs in the listing.
    pub fn contains(&self, d: &Deadline<'_>) -> bool {
        self.from.is_none_or(|f| d.due >= f)
            && self.to.is_none_or(|t| d.due <= t)
            && (!self.overdue || d.status == DeadlineStatus::Overdue)
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
        let mut out: Vec<Deadline<'d>> = if states.is_empty() {
            self.all_deadlines(treaty, on, window.until)
        } else {
            states
                .iter()
                .flat_map(|s| self.deadlines(treaty, s, on, window.until))
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
