//! The rows of a panel: who has rows (states while they exist, and former states), what
//! each row says (the engine's facts, bounded by a snapshot's `known_until`), and the
//! dataset identity every file carries.

use jiff::civil::Date;
use treatywatch_core::{
    CodeSystem, Dataset, Engine, EntityKind, State, Status, StatusFacts, SystemCode, Treaty,
};

use crate::{ExportError, Period};

/// A row's status: the engine's, `consented` when consent is recorded but a rule that
/// decides whether it binds is not, or `unknown` (after a table's capture, or a former
/// state whose actions the record does not hold).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PanelStatus {
    Known(Status),
    Consented,
    Unknown,
}

impl PanelStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PanelStatus::Known(s) => s.as_str(),
            PanelStatus::Consented => "consented",
            PanelStatus::Unknown => "unknown",
        }
    }

    /// `signed`, `consented`, `bound`, `withdrawn` as 0/1, `None` when unknown.
    pub fn indicators(self, facts: &StatusFacts) -> [Option<u8>; 4] {
        let b = |x: bool| Some(u8::from(x));
        match self {
            PanelStatus::Unknown => [None; 4],
            PanelStatus::Consented => [b(facts.signed.is_some()), b(true), None, b(false)],
            PanelStatus::Known(s) => [
                b(facts.signed.is_some()),
                b(s.has_consented()),
                b(s.is_bound()),
                b(s == Status::Withdrawn),
            ],
        }
    }
}

/// What one row says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowFacts {
    pub status: PanelStatus,
    /// The dates; after `known_until`, as of that day.
    pub facts: StatusFacts,
}

/// Who has rows in a panel: a state, or a former state.
#[derive(Clone, Debug)]
pub struct Actor<'d> {
    /// Alpha-3 code, or the former state's id.
    pub id: String,
    pub name: String,
    /// The first and last day it exists (`None`: before or after any panel).
    pub from: Option<Date>,
    pub until: Option<Date>,
    /// Whose record gives its facts: the state itself, or for a former state the state
    /// that continued it (the UN tables list the USSR's actions under the Russian
    /// Federation); `None` for a former state whose actions the tables do not list.
    pub record: Option<&'d State>,
    pub former: bool,
    codes: Vec<&'d SystemCode>,
}

impl Actor<'_> {
    pub fn exists(&self, day: Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day <= u)
    }

    /// Its code in `system` on `day`.
    pub fn code(&self, system: CodeSystem, day: Date) -> Option<u16> {
        self.codes
            .iter()
            .find(|c| c.system == system && c.covers(day))
            .map(|c| c.code)
    }
}

/// Every actor of a panel: the states in dataset order, then the former states that have
/// a first or last day, by id.
pub fn actors<'d>(engine: &Engine<'d>) -> Vec<Actor<'d>> {
    let data = engine.data();
    let codes =
        |id: &str| -> Vec<&'d SystemCode> { data.codes.iter().filter(|c| c.id == id).collect() };
    let mut out: Vec<Actor<'d>> = data
        .states
        .iter()
        .map(|s| Actor {
            id: s.code.to_string(),
            name: s.name.clone(),
            from: s.from.as_ref().map(|d| d.date),
            until: None,
            record: Some(s),
            former: false,
            codes: codes(s.code.as_str()),
        })
        .collect();
    let mut former: Vec<Actor<'d>> = data
        .entities
        .iter()
        .filter(|e| {
            e.kind == EntityKind::HistoricalState && (e.from.is_some() || e.until.is_some())
        })
        .map(|e| Actor {
            id: e.id.clone(),
            name: e.name.clone(),
            from: e.from,
            until: e.until,
            record: e.continued_by.and_then(|c| data.state(c)),
            former: true,
            codes: codes(&e.id),
        })
        .collect();
    former.sort_by(|a, b| a.id.cmp(&b.id));
    out.extend(former);
    out
}

/// The first day a treaty could have had participants, if recorded.
fn opened(treaty: &Treaty) -> Option<Date> {
    match (treaty.adopted, treaty.opened_for_signature) {
        (Some(a), Some(o)) => Some(a.min(o)),
        (a, o) => a.or(o),
    }
}

/// Calls `pair` for every actor (in [`actors`] order) of every treaty (in the given
/// order) with one entry per period: `None` where the actor does not exist on the
/// period's day, else what the row says.
pub fn for_each_pair<'d>(
    engine: &Engine<'d>,
    treaties: &[&'d Treaty],
    periods: &[(Period, Date)],
    mut pair: impl FnMut(usize, &'d Treaty, &Actor<'d>, &[Option<RowFacts>]) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    let actors = actors(engine);
    let days: Vec<Date> = periods.iter().map(|(_, d)| *d).collect();
    let mut rows: Vec<Option<RowFacts>> = Vec::with_capacity(days.len());
    let mut asked: Vec<Date> = Vec::with_capacity(days.len());
    for (ti, treaty) in treaties.iter().enumerate() {
        for actor in &actors {
            rows.clear();
            match actor.record {
                Some(state) => {
                    asked.clear();
                    asked.extend(days.iter().map(|d| match treaty.known_until {
                        Some(k) if *d > k => k,
                        _ => *d,
                    }));
                    let facts = engine.facts_on(treaty, state, &asked);
                    for (d, f) in days.iter().zip(facts) {
                        rows.push(actor.exists(*d).then(|| RowFacts {
                            status: if treaty.known_until.is_some_and(|k| *d > k) {
                                PanelStatus::Unknown
                            } else if f.bound_unknown {
                                PanelStatus::Consented
                            } else {
                                PanelStatus::Known(f.status)
                            },
                            facts: f,
                        }));
                    }
                }
                None => {
                    // The tables do not list this former state's actions: unknown from
                    // the day the treaty was open.
                    let open = opened(treaty);
                    for d in &days {
                        rows.push(actor.exists(*d).then(|| RowFacts {
                            status: match open {
                                Some(o) if *d < o => PanelStatus::Known(Status::NotSignatory),
                                _ => PanelStatus::Unknown,
                            },
                            facts: StatusFacts::default(),
                        }));
                    }
                }
            }
            pair(ti, treaty, actor, &rows)?;
        }
    }
    Ok(())
}

/// The dataset's identity and the panel's description, as key-value pairs: Parquet's
/// key-value metadata, the SQLite `metadata` table, the CSV's companion file.
pub fn metadata(
    data: &Dataset,
    treaties: &[&Treaty],
    periods: &[(Period, Date)],
) -> Vec<(String, String)> {
    let id = data.identity();
    let mut out = vec![
        ("treatywatch.dataset.title".to_string(), id.title.clone()),
        (
            "treatywatch.dataset.version".to_string(),
            id.version.clone(),
        ),
        (
            "treatywatch.dataset.latest_fact".to_string(),
            id.latest_fact.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "treatywatch.dataset.license".to_string(),
            id.license.clone(),
        ),
        (
            "treatywatch.dataset.license_url".to_string(),
            id.license_url.clone(),
        ),
        ("treatywatch.dataset.digest".to_string(), id.digest.clone()),
        ("treatywatch.dataset".to_string(), id.line()),
    ];
    let bounded: Vec<Date> = treaties.iter().filter_map(|t| t.known_until).collect();
    if let (Some(a), Some(b)) = (bounded.iter().min(), bounded.iter().max()) {
        out.push((
            "treatywatch.imported_tables".to_string(),
            format!(
                "{} of the {} treaties are known only from imported UN status tables, each up \
                 to its known_until ({a} to {b}); after it their status is unknown",
                bounded.len(),
                treaties.len()
            ),
        ));
    }
    let ids: Vec<&str> = treaties.iter().map(|t| t.id.as_str()).collect();
    out.push(("treatywatch.treaties".to_string(), ids.join(",")));
    if let (Some(first), Some(last)) = (periods.first(), periods.last()) {
        let label = |p: &Period| match p {
            Period::Year(y) => y.to_string(),
            Period::Day(d) => d.to_string(),
        };
        out.push((
            "treatywatch.periods".to_string(),
            format!("{} to {}", label(&first.0), label(&last.0)),
        ));
    }
    out.push((
        "treatywatch.columns".to_string(),
        "documented in docs/exports.md of the treatywatch repository".to_string(),
    ));
    out
}
