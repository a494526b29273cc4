//! The `calendar` command: entries into force, withdrawals taking effect and deadlines
//! as RFC 5545 all-day events, each with its sources.

use icalendar::{Calendar, Component, Event, EventLike};
use treatywatch_core::engine::{Engine, TimelineKind};
use treatywatch_core::{Date, DeadlineWindow, Source, State, Treaty};

use crate::render::cite;

/// One calendar event.
#[derive(Clone, Debug)]
pub struct CalEvent {
    pub date: Date,
    /// A stable id: the same event has the same UID in every export.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
    pub category: &'static str,
}

fn describe(text: &str, sources: &[&Source]) -> String {
    let mut d = text.to_string();
    if !sources.is_empty() {
        d.push_str("\n\nSources:");
        for s in sources {
            d.push_str(&format!("\n- {}", cite(s)));
        }
    }
    d
}

/// Every event of a treaty between `from` and `to`, inclusive, for `states` (every state
/// when empty); deadlines as they stand on `on`, of the obligations `window` lists
/// (yearly reports only when asked for).
pub fn events<'d>(
    engine: &Engine<'d>,
    treaty: &'d Treaty,
    states: &[&'d State],
    window: &DeadlineWindow,
    on: Date,
) -> Vec<CalEvent> {
    let (Some(from), Some(to)) = (window.from, window.to) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let in_window = |d: Date| from <= d && d <= to;
    if let treatywatch_core::rules::GeneralEntry::InForce { date, .. } =
        engine.general_entry(treaty)
        && in_window(*date)
        && states.is_empty()
    {
        let sources: Vec<&Source> = treaty
            .sources
            .iter()
            .filter_map(|id| engine.data().source(id))
            .collect();
        out.push(CalEvent {
            date: *date,
            uid: format!("{}-entry-into-force-{date}@treatywatch", treaty.id),
            summary: format!("The {} enters into force", treaty.short_name),
            description: describe(
                "General entry into force, computed from the treaty's rules and the deposits.",
                &sources,
            ),
            url: sources.first().map(|s| s.url.clone()),
            category: "entry into force",
        });
    }
    let all: Vec<&State> = engine.data().states.iter().collect();
    let chosen = if states.is_empty() { &all[..] } else { states };
    for state in chosen {
        for e in engine.timeline(treaty, state) {
            let (category, summary) = match e.kind {
                TimelineKind::EntryIntoForce => (
                    "entry into force",
                    format!(
                        "{}: the {} enters into force for it",
                        state.name, treaty.short_name
                    ),
                ),
                TimelineKind::WithdrawalTakesEffect => (
                    "withdrawal",
                    format!(
                        "{}: its withdrawal from the {} takes effect",
                        state.name, treaty.short_name
                    ),
                ),
                TimelineKind::WithdrawalHeld => (
                    "withdrawal",
                    format!(
                        "{}: the withdrawal notice ends, held back by an armed conflict",
                        state.name
                    ),
                ),
                _ => continue,
            };
            if !in_window(e.date) {
                continue;
            }
            out.push(CalEvent {
                date: e.date,
                uid: format!(
                    "{}-{}-{}-{}@treatywatch",
                    treaty.id,
                    state.code.as_str().to_ascii_lowercase(),
                    e.kind.as_str(),
                    e.date
                ),
                summary,
                description: describe(&e.text, &e.sources),
                url: e.sources.first().map(|s| s.url.clone()),
                category,
            });
        }
    }
    for d in engine.deadline_list(treaty, states, on, window) {
        let covers = d
            .covers_year
            .map(|y| format!(" for {y}"))
            .unwrap_or_default();
        out.push(CalEvent {
            date: d.due,
            uid: format!(
                "{}-{}-{}{}-{}@treatywatch",
                treaty.id,
                d.state.code.as_str().to_ascii_lowercase(),
                d.obligation.id,
                d.covers_year.map(|y| format!("-{y}")).unwrap_or_default(),
                d.due
            ),
            summary: format!(
                "{}: {} deadline ({}{covers})",
                d.state.name, d.obligation.article, d.obligation.title
            ),
            description: describe(
                &format!("Status on {}: {}. {}", d.on, d.status, d.reason),
                &d.sources,
            ),
            url: d.sources.first().map(|s| s.url.clone()),
            category: "deadline",
        });
    }
    out.sort_by(|a, b| (a.date, &a.uid).cmp(&(b.date, &b.uid)));
    out
}

fn naive(d: Date) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(i32::from(d.year()), d.month() as u32, d.day() as u32)
        .expect("a real day")
}

/// The events as an iCalendar file. `stamp` is the day the file is made (DTSTAMP).
pub fn to_ics(events: &[CalEvent], stamp: Date) -> String {
    let stamp = naive(stamp)
        .and_hms_opt(0, 0, 0)
        .expect("midnight")
        .and_utc();
    let mut cal = Calendar::new();
    cal.name("treatywatch");
    cal.description("Entries into force, withdrawals taking effect and deadlines, with sources");
    for e in events {
        let mut ev = Event::new();
        ev.uid(&e.uid)
            .timestamp(stamp)
            .summary(&e.summary)
            .description(&e.description)
            .starts(naive(e.date))
            .ends(naive(e.date.tomorrow().unwrap_or(e.date)))
            .add_property("CATEGORIES", e.category);
        if let Some(u) = &e.url {
            ev.url(u);
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}
