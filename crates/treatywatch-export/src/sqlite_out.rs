//! The panel and the dataset behind it as one SQLite database: tables `metadata` (the
//! dataset's identity), `states`, `entities`, `treaties`, `actions`, `action_sources`,
//! `sources` and `panel`, with indexes for the usual joins. Opens in `sqlite3` and
//! Datasette.

use std::path::Path;

use jiff::civil::Date;
use rusqlite::{Connection, params};
use treatywatch_core::{CodeSystem, Dataset, Engine, Treaty};

use crate::{ExportError, Period, for_each_pair, io};

const SCHEMA: &str = "
CREATE TABLE metadata (
    key TEXT PRIMARY KEY,           -- treatywatch.dataset.version, ...
    value TEXT NOT NULL
);
CREATE TABLE states (
    code TEXT PRIMARY KEY,          -- ISO 3166-1 alpha-3
    name TEXT NOT NULL,             -- the UN's short name
    formal TEXT NOT NULL,
    kind TEXT NOT NULL              -- un_member, observer, non_member
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,            -- YUG, EU, HKG, ...
    name TEXT NOT NULL,
    kind TEXT NOT NULL,             -- historical_state, organisation, territory
    successors TEXT NOT NULL,       -- state codes separated by spaces
    part_of TEXT
);
CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    publisher TEXT NOT NULL,
    date TEXT NOT NULL,             -- YYYY-MM-DD, YYYY-MM, YYYY or FROM/TO
    url TEXT NOT NULL
);
CREATE TABLE treaties (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    short_name TEXT NOT NULL,
    untc TEXT,                      -- UN reference such as XXVI-5
    adopted TEXT,
    opened_for_signature TEXT,
    entry_into_force TEXT,          -- as recorded; the engine computes its own
    known_until TEXT                -- known only from an imported table up to this day
);
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    treaty TEXT NOT NULL REFERENCES treaties(id),
    state TEXT NOT NULL REFERENCES states(code),
    action TEXT NOT NULL,
    date TEXT NOT NULL,
    note TEXT NOT NULL
);
CREATE TABLE action_sources (
    action INTEGER NOT NULL REFERENCES actions(id),
    source TEXT NOT NULL REFERENCES sources(id),
    PRIMARY KEY (action, source)
);
CREATE TABLE panel_rows (
    state TEXT NOT NULL,            -- states(code), or entities(id) for a former state
    state_name TEXT NOT NULL,
    iso3n INTEGER,
    ccode INTEGER,                  -- Correlates of War
    gwcode INTEGER,                 -- Gleditsch-Ward
    treaty TEXT NOT NULL REFERENCES treaties(id),
    {period},
    date TEXT NOT NULL,
    status TEXT NOT NULL,
    signed INTEGER,                 -- 0/1, NULL when unknown
    consented INTEGER,
    bound INTEGER,
    withdrawn INTEGER,
    signature_date TEXT,
    consent_date TEXT,
    consent_kind TEXT,
    entry_into_force TEXT,
    withdrawal_notified TEXT,
    withdrawal_effective TEXT,
    PRIMARY KEY (state, treaty, {key})
) WITHOUT ROWID;
-- The panel with the columns of every format: the rows and their treaty's names.
CREATE VIEW panel AS
SELECT p.state, p.state_name, p.iso3n, p.ccode, p.gwcode, p.treaty,
       t.name AS treaty_name, t.short_name AS treaty_short_name,
       coalesce(t.untc, '') AS treaty_ref, p.{key}, p.date, p.status,
       p.signed, p.consented, p.bound, p.withdrawn, p.signature_date, p.consent_date,
       p.consent_kind, p.entry_into_force, p.withdrawal_notified, p.withdrawal_effective,
       t.known_until
FROM panel_rows p JOIN treaties t ON t.id = p.treaty;
";

const INDEXES: &str = "
CREATE INDEX actions_by_treaty_state ON actions(treaty, state, date);
CREATE INDEX actions_by_state ON actions(state);
CREATE INDEX action_sources_by_source ON action_sources(source);
CREATE INDEX panel_by_treaty_period ON panel_rows(treaty, {key}, status);
CREATE INDEX panel_by_status ON panel_rows(status, {key});
";

/// Writes the dataset and the panel to a new SQLite database at `path` (replacing any
/// file there).
pub fn write_sqlite<'d>(
    path: &Path,
    data: &'d Dataset,
    engine: &Engine<'d>,
    treaties: &[&'d Treaty],
    periods: &[(Period, Date)],
) -> Result<(), ExportError> {
    if path.exists() {
        std::fs::remove_file(path).map_err(io(path))?;
    }
    let mut db = Connection::open(path)?;
    fill(&mut db, data, engine, treaties, periods)
}

/// The same database as [`write_sqlite`], built in memory and returned as the bytes of
/// a database file (for a download).
pub fn sqlite_bytes<'d>(
    data: &'d Dataset,
    engine: &Engine<'d>,
    treaties: &[&'d Treaty],
    periods: &[(Period, Date)],
) -> Result<Vec<u8>, ExportError> {
    let mut db = Connection::open_in_memory()?;
    fill(&mut db, data, engine, treaties, periods)?;
    Ok(db.serialize(rusqlite::MAIN_DB)?.to_vec())
}

/// Creates the tables in `db`, fills them and adds the indexes.
fn fill<'d>(
    db: &mut Connection,
    data: &'d Dataset,
    engine: &Engine<'d>,
    treaties: &[&'d Treaty],
    periods: &[(Period, Date)],
) -> Result<(), ExportError> {
    db.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")?;
    let daily = matches!(periods.first(), Some((Period::Day(_), _)));
    let (period, key) = if daily {
        ("day TEXT NOT NULL", "day")
    } else {
        ("year INTEGER NOT NULL", "year")
    };
    db.execute_batch(&SCHEMA.replace("{period}", period).replace("{key}", key))?;
    let tx = db.transaction()?;
    {
        let mut st = tx.prepare("INSERT INTO metadata VALUES (?1, ?2)")?;
        for (k, v) in crate::metadata(data, treaties, periods) {
            st.execute(params![k, v])?;
        }
        let d = |d: Option<Date>| d.map(|d| d.to_string());
        let mut st = tx.prepare("INSERT INTO states VALUES (?1, ?2, ?3, ?4)")?;
        for s in &data.states {
            let kind = match s.kind {
                treatywatch_core::StateKind::UnMember => "un_member",
                treatywatch_core::StateKind::Observer => "observer",
                treatywatch_core::StateKind::NonMember => "non_member",
            };
            st.execute(params![s.code.as_str(), s.name, s.formal, kind])?;
        }
        let mut st = tx.prepare("INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5)")?;
        for e in &data.entities {
            let successors: Vec<&str> = e.successors.iter().map(|c| c.as_str()).collect();
            st.execute(params![
                e.id,
                e.name,
                e.kind.as_str(),
                successors.join(" "),
                e.part_of.map(|c| c.to_string())
            ])?;
        }
        let mut st = tx.prepare("INSERT INTO sources VALUES (?1, ?2, ?3, ?4, ?5)")?;
        for s in &data.sources {
            st.execute(params![
                s.id.0,
                s.title,
                s.publisher,
                s.date.to_string(),
                s.url
            ])?;
        }
        let mut st = tx.prepare("INSERT INTO treaties VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
        for t in &data.treaties {
            st.execute(params![
                t.id.0,
                t.name,
                t.short_name,
                t.untc,
                d(t.adopted),
                d(t.opened_for_signature),
                d(t.entry_into_force),
                d(t.known_until)
            ])?;
        }
        let mut st = tx.prepare("INSERT INTO actions VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
        let mut src = tx.prepare("INSERT OR IGNORE INTO action_sources VALUES (?1, ?2)")?;
        for (i, a) in data.actions.iter().enumerate() {
            st.execute(params![
                i as i64 + 1,
                a.treaty.0,
                a.state.as_str(),
                a.kind.as_str(),
                a.date.to_string(),
                a.note
            ])?;
            for s in &a.sources {
                src.execute(params![i as i64 + 1, s.0])?;
            }
        }
        let mut st = tx.prepare(
            "INSERT INTO panel_rows VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, \
             ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )?;
        let labels: Vec<(rusqlite::types::Value, String)> = periods
            .iter()
            .map(|(p, day)| {
                let p = match p {
                    Period::Year(y) => rusqlite::types::Value::Integer(i64::from(*y)),
                    Period::Day(x) => rusqlite::types::Value::Text(x.to_string()),
                };
                (p, day.to_string())
            })
            .collect();
        for_each_pair(engine, treaties, periods, |_, treaty, actor, rows| {
            for (i, r) in rows.iter().enumerate() {
                let Some(r) = r else { continue };
                let day = periods[i].1;
                let f = &r.facts;
                let [signed, consented, bound, withdrawn] = r.status.indicators(f);
                st.execute(params![
                    actor.id,
                    actor.name,
                    actor.code(CodeSystem::Iso3n, day),
                    actor.code(CodeSystem::Cow, day),
                    actor.code(CodeSystem::Gw, day),
                    treaty.id.0,
                    labels[i].0,
                    labels[i].1,
                    r.status.as_str(),
                    signed,
                    consented,
                    bound,
                    withdrawn,
                    d(f.signed),
                    d(f.consent_deposited),
                    f.consent_kind.map(|k| k.as_str()),
                    d(f.entry_into_force),
                    d(f.withdrawal_notified),
                    d(f.withdrawal_effective),
                ])?;
            }
            Ok(())
        })?;
    }
    tx.commit()?;
    db.execute_batch(&INDEXES.replace("{key}", key))?;
    db.execute_batch("ANALYZE;")?;
    Ok(())
}
