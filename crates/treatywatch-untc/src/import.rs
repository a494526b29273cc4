//! A whole import: tables in, actions and a report out, and the dataset files that hold
//! them.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use treatywatch_core::{ActionKind, Dataset, Date, EntityKind, StateCode, TreatyId};
use treatywatch_data::DataFile;

use crate::cell::{Meaning, SuffixSource, parse_cell, parse_column, suffix_meaning};
use crate::index::{TreatyMeta, roman};
use crate::participants::{Participant, Participants};

/// A status table to import: its path as given, and its text.
#[derive(Clone, Debug)]
pub struct Table {
    pub path: String,
    pub text: String,
}

/// A row, or a cell of a row, that was not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowNote {
    pub line: u32,
    pub participant: String,
    pub reason: String,
}

/// What happened to one file.
#[derive(Clone, Debug, Default)]
pub struct FileReport {
    pub path: String,
    /// The treaty id the table was imported as, if the file could be read.
    pub treaty: Option<TreatyId>,
    pub reference: Option<String>,
    /// Whether the id is curated in the registry (`data/treaties/<id>.toml`) rather than
    /// derived from the reference.
    pub curated: bool,
    /// Set when the file could not be read at all.
    pub error: Option<String>,
    pub rows_read: usize,
    /// Rows of a state with at least one action imported.
    pub rows_imported: usize,
    pub actions: usize,
    /// Rows of participants that are not states: explained, not imported.
    pub not_states: Vec<RowNote>,
    /// Rows of states with no signature, consent or provisional application date (the
    /// table lists the participant only, or only columns that record something else).
    pub no_date: Vec<RowNote>,
    /// Rows or cells that could not be resolved: unknown names, unreadable dates,
    /// unknown suffixes, duplicates.
    pub unresolved: Vec<RowNote>,
    /// Column-level notes: columns that hold no status action, ambiguous labels, suffixes
    /// read by the UN's general convention.
    pub notes: Vec<String>,
}

/// One imported action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub state: StateCode,
    pub kind: ActionKind,
    pub date: Date,
    pub note: String,
}

/// An imported treaty: its id, the index's description, and its actions.
#[derive(Clone, Debug)]
pub struct ImportedTreaty {
    pub id: TreatyId,
    pub meta: TreatyMeta,
    pub curated: bool,
    pub rows: Vec<Row>,
}

impl ImportedTreaty {
    /// The id of the source that stands for the snapshot of this table.
    pub fn source_id(&self) -> String {
        format!("untc-2015-{}", self.meta.stem.to_ascii_lowercase())
    }

    /// The latest day the table records: it cannot have been captured before.
    pub fn latest(&self) -> Option<Date> {
        self.rows.iter().map(|r| r.date).max()
    }
}

/// When a snapshot of tables was captured, as far as it is known: no earlier than `from`
/// and no later than `to` (`--captured FROM/TO`). Each table was also captured no
/// earlier than the latest day it records.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Capture {
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Capture {
    /// Reads `FROM/TO` (`2013-01-01/2015-12-31`) or a single day.
    pub fn parse(s: &str) -> Result<Capture, String> {
        let day =
            |x: &str| treatywatch_core::parse_date(x.trim()).map_err(|e| format!("`{s}`: {e}"));
        let (from, to) = match s.split_once('/') {
            Some((a, b)) => (day(a)?, day(b)?),
            None => (day(s)?, day(s)?),
        };
        if to < from {
            return Err(format!("`{s}`: the end is before the start"));
        }
        Ok(Capture {
            from: Some(from),
            to: Some(to),
        })
    }

    /// The range in which `table` was captured: from the later of the snapshot's start
    /// and the table's latest day, to the snapshot's end.
    pub fn of(&self, table: &ImportedTreaty) -> (Option<Date>, Option<Date>) {
        let from = match (self.from, table.latest()) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        };
        (from, self.to.map(|t| from.map_or(t, |f| t.max(f))))
    }

    /// The last day `table` surely speaks for: the earliest day it can have been
    /// captured. After it, a treaty known only from the table has an unknown status.
    pub fn known_until(&self, table: &ImportedTreaty) -> Option<Date> {
        self.of(table).0
    }
}

/// How a curated record and an imported table compare for one state's action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// The table records the action on another day than the curated record: the
    /// curated day is kept.
    DateDiffers {
        state: StateCode,
        kind: ActionKind,
        curated: Date,
        table: Date,
    },
    /// Only the table records it (no action of its class for the state in the curated
    /// record): added to the merged record.
    TableOnly {
        state: StateCode,
        kind: ActionKind,
        date: Date,
    },
    /// Only the curated record has it, on a day the table should cover (before its
    /// capture): kept.
    CuratedOnly {
        state: StateCode,
        kind: ActionKind,
        date: Date,
    },
}

impl Difference {
    pub fn state(&self) -> StateCode {
        match self {
            Difference::DateDiffers { state, .. }
            | Difference::TableOnly { state, .. }
            | Difference::CuratedOnly { state, .. } => *state,
        }
    }

    /// The difference in words, with what the merge did.
    pub fn describe(&self) -> String {
        match self {
            Difference::DateDiffers {
                state,
                kind,
                curated,
                table,
            } => format!(
                "{state} {kind}: the curated record says {curated}, the table {table}; kept \
                 {curated}"
            ),
            Difference::TableOnly { state, kind, date } => {
                format!("{state} {kind} on {date}: only in the table; added")
            }
            Difference::CuratedOnly { state, kind, date } => format!(
                "{state} {kind} on {date}: only in the curated record, though the table \
                 should show it; kept"
            ),
        }
    }
}

/// How the import of one table met the curated record of the same treaty.
#[derive(Clone, Debug)]
pub struct Reconcile {
    pub treaty: TreatyId,
    pub path: String,
    /// Actions both record on the same day.
    pub agreed: usize,
    /// Curated signatures and instruments after the earliest day the table can have been
    /// captured, which it may not show.
    pub later: usize,
    pub differences: Vec<Difference>,
}

/// The result of an import.
#[derive(Clone, Debug, Default)]
pub struct Import {
    pub treaties: Vec<ImportedTreaty>,
    pub reports: Vec<FileReport>,
    /// When the tables were captured (`--captured`).
    pub capture: Capture,
}

impl Import {
    /// Whether every file could be read.
    pub fn all_read(&self) -> bool {
        self.reports.iter().all(|r| r.error.is_none())
    }

    pub fn unresolved(&self) -> usize {
        self.reports.iter().map(|r| r.unresolved.len()).sum()
    }

    /// Each imported table of a treaty the base dataset already records (a curated
    /// treaty), compared with that record. The merge keeps the curated record and adds
    /// what only the table has ([`merged_files`]); this lists every difference.
    pub fn reconcile(&self, base: &Dataset) -> Vec<Reconcile> {
        let mut out = Vec::new();
        for t in &self.treaties {
            let curated: Vec<&treatywatch_core::Action> =
                base.actions.iter().filter(|a| a.treaty == t.id).collect();
            if curated.is_empty() {
                continue;
            }
            let path = self
                .reports
                .iter()
                .find(|r| r.treaty.as_ref() == Some(&t.id))
                .map_or_else(String::new, |r| r.path.clone());
            let mut rec = Reconcile {
                treaty: t.id.clone(),
                path,
                agreed: 0,
                later: 0,
                differences: Vec::new(),
            };
            // Curated actions after the earliest day the table can have been captured
            // may postdate it: not a disagreement.
            let captured = self.capture.known_until(t);
            for r in &t.rows {
                if curated
                    .iter()
                    .any(|a| a.state == r.state && a.kind == r.kind && a.date == r.date)
                {
                    rec.agreed += 1;
                    continue;
                }
                let same_class = curated
                    .iter()
                    .filter(|a| a.state == r.state && same_class(a.kind, r.kind))
                    .min_by_key(|a| (a.date.max(r.date), a.date.min(r.date)));
                match same_class {
                    Some(a) => rec.differences.push(Difference::DateDiffers {
                        state: r.state,
                        kind: a.kind,
                        curated: a.date,
                        table: r.date,
                    }),
                    None => rec.differences.push(Difference::TableOnly {
                        state: r.state,
                        kind: r.kind,
                        date: r.date,
                    }),
                }
            }
            for a in &curated {
                let in_table = t.rows.iter().any(|r| {
                    r.state == a.state
                        && (r.kind == a.kind && r.date == a.date || same_class(r.kind, a.kind))
                });
                if in_table {
                    continue;
                }
                if captured.is_some_and(|c| a.date > c) {
                    rec.later += 1;
                } else if matches!(a.kind, ActionKind::Signature | ActionKind::Consent(_)) {
                    // Withdrawals, retractions and declarations are not in the status
                    // tables' columns: their absence is no disagreement.
                    rec.differences.push(Difference::CuratedOnly {
                        state: a.state,
                        kind: a.kind,
                        date: a.date,
                    });
                }
            }
            rec.differences
                .sort_by_key(|d| (d.state(), format!("{d:?}")));
            out.push(rec);
        }
        out
    }
}

/// Whether two actions answer the same question in a state's record: two signatures,
/// two instruments of consent (of any kind), or the same other action.
fn same_class(a: ActionKind, b: ActionKind) -> bool {
    match (a, b) {
        (ActionKind::Consent(_), ActionKind::Consent(_)) => true,
        _ => a == b,
    }
}

/// The treaty id for a UN reference: the curated id where the registry has one (a
/// treaty whose `untc` field is the reference), else `un-` and the table's stem
/// (`un-3-2-12a`), which is unique and stable.
pub fn treaty_slug(base: &Dataset, meta: &TreatyMeta) -> (TreatyId, bool) {
    match base.treaties.iter().find(|t| {
        t.untc
            .as_deref()
            .is_some_and(|u| u.eq_ignore_ascii_case(&meta.reference))
    }) {
        Some(t) => (t.id.clone(), true),
        None => (
            TreatyId(format!("un-{}", meta.stem.to_ascii_lowercase())),
            false,
        ),
    }
}

/// The stem of a table's path: `.../treaties/26-5.csv` -> `26-5`.
fn stem_of(path: &str) -> &str {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    name.strip_suffix(".csv").unwrap_or(name)
}

/// Imports `tables`, described by `index`, against the states, entities and registry of
/// `base`. Never fails: every problem is in the reports.
pub fn import(tables: &[Table], index: &[TreatyMeta], base: &Dataset) -> Import {
    let participants = Participants::new(base);
    let by_stem: HashMap<&str, &TreatyMeta> = index.iter().map(|m| (m.stem.as_str(), m)).collect();
    let mut out = Import::default();
    let mut seen_ids: HashSet<TreatyId> = HashSet::new();
    for table in tables {
        let stem = stem_of(&table.path);
        let mut report = FileReport {
            path: table.path.clone(),
            ..FileReport::default()
        };
        let Some(meta) = by_stem.get(stem) else {
            report.error = Some(format!(
                "`{stem}` is not in the index: the index names each table's treaty, UN \
                 reference and page (give the directory that holds index.csv, or --index)"
            ));
            out.reports.push(report);
            continue;
        };
        let (id, curated) = treaty_slug(base, meta);
        report.treaty = Some(id.clone());
        report.reference = Some(meta.reference.clone());
        report.curated = curated;
        if !seen_ids.insert(id.clone()) {
            report.error = Some(format!(
                "treaty `{id}` is already imported from another file"
            ));
            out.reports.push(report);
            continue;
        }
        let rows = read_table(table, &participants, &mut report);
        if report.error.is_none() {
            out.treaties.push(ImportedTreaty {
                id,
                meta: (*meta).clone(),
                curated,
                rows,
            });
        }
        out.reports.push(report);
    }
    out
}

fn read_table(table: &Table, participants: &Participants<'_>, report: &mut FileReport) -> Vec<Row> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(table.text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => {
            report.error = Some(format!("unreadable header: {e}"));
            return Vec::new();
        }
        None => {
            report.error = Some("empty file: expected a header starting with `Participant`".into());
            return Vec::new();
        }
    };
    if header.get(0).map(str::trim) != Some("Participant") {
        report.error = Some(format!(
            "the first column must be `Participant`, found `{}`",
            header.get(0).unwrap_or("")
        ));
        return Vec::new();
    }
    let columns: Vec<_> = header.iter().skip(1).map(parse_column).collect();
    for (i, c) in columns.iter().enumerate() {
        let ambiguous = c.ambiguous_labels();
        if !ambiguous.is_empty() {
            report.notes.push(format!(
                "column {} (`{}`): unsuffixed dates cannot be told apart between `{}` and {}; \
                 they are read as the first",
                i + 2,
                c.header,
                c.unsuffixed().next().unwrap_or(""),
                ambiguous
                    .iter()
                    .map(|l| format!("`{l}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    let mut not_status: BTreeMap<usize, usize> = BTreeMap::new();
    let mut general_suffixes: BTreeMap<String, usize> = BTreeMap::new();
    let mut rows = Vec::new();
    let mut seen: HashSet<(StateCode, ActionKind, Date)> = HashSet::new();
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as u32);
                report.unresolved.push(RowNote {
                    line,
                    participant: String::new(),
                    reason: format!("unreadable CSV row: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as u32);
        let name = record.get(0).unwrap_or("").trim().to_string();
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // a blank line
        }
        report.rows_read += 1;
        if record.len() > columns.len() + 1 {
            report.unresolved.push(RowNote {
                line,
                participant: name.clone(),
                reason: format!(
                    "{} fields, but the header has {}: the extra ones were not read",
                    record.len(),
                    columns.len() + 1
                ),
            });
        }
        let who = match participants.resolve(&name) {
            Ok(Participant::State(s)) => s,
            Ok(Participant::Entity(e)) => {
                let what = match e.kind {
                    EntityKind::Organisation => "an international organisation",
                    EntityKind::Territory => "a territory, not a state",
                    EntityKind::HistoricalState => "a state that no longer exists",
                };
                let mut reason = format!(
                    "{} (entities.toml: {}): the status model counts states only",
                    what, e.id
                );
                if !e.successors.is_empty() {
                    let list: Vec<String> = e.successors.iter().map(|c| c.to_string()).collect();
                    let _ = write!(reason, "; its successors are {}", list.join(", "));
                }
                if let Some(p) = e.part_of {
                    let _ = write!(reason, "; part of {p}");
                }
                report.not_states.push(RowNote {
                    line,
                    participant: name,
                    reason,
                });
                continue;
            }
            Err(e) => {
                report.unresolved.push(RowNote {
                    line,
                    participant: name,
                    reason: e.to_string(),
                });
                continue;
            }
        };
        let listed_as = if treatywatch_core::names::normalize(&name)
            == treatywatch_core::names::normalize(&who.name)
        {
            String::new()
        } else {
            format!("listed by the UN as \"{name}\"")
        };
        let mut imported_here = 0;
        let mut other_here = 0;
        let unresolved_before = report.unresolved.len();
        for (i, field) in record.iter().enumerate().skip(1).take(columns.len()) {
            let text = field.trim();
            if text.is_empty() {
                continue;
            }
            let col = i - 1;
            let column = &columns[col];
            if column.default == Meaning::NotStatus
                && column.labels.iter().all(|l| l.suffix.is_none())
            {
                *not_status.entry(col).or_default() += 1;
                other_here += 1;
                continue;
            }
            let cell = match parse_cell(text) {
                Ok(c) => c,
                Err(reason) => {
                    report.unresolved.push(RowNote {
                        line,
                        participant: name.clone(),
                        reason: format!("column {} (`{}`): {reason}", i + 1, column.header),
                    });
                    continue;
                }
            };
            let meaning = match &cell.suffix {
                None => column.default,
                Some(s) => match suffix_meaning(&columns, col, s) {
                    Some((m, source)) => {
                        if source == SuffixSource::General {
                            *general_suffixes.entry(s.clone()).or_default() += 1;
                        }
                        m
                    }
                    None => {
                        report.unresolved.push(RowNote {
                            line,
                            participant: name.clone(),
                            reason: format!(
                                "column {} (`{}`): unknown suffix `{s}` after {}: neither the \
                                 header nor the UN's general list of suffixes says what it means",
                                i + 1,
                                column.header,
                                cell.date
                            ),
                        });
                        continue;
                    }
                },
            };
            let kind = match meaning {
                Meaning::Action(k) => k,
                Meaning::NotStatus => {
                    *not_status.entry(col).or_default() += 1;
                    other_here += 1;
                    continue;
                }
            };
            if !seen.insert((who.code, kind, cell.date)) {
                report.unresolved.push(RowNote {
                    line,
                    participant: name.clone(),
                    reason: format!(
                        "duplicate: {} on {} is already recorded for {}",
                        kind, cell.date, who.code
                    ),
                });
                continue;
            }
            rows.push(Row {
                state: who.code,
                kind,
                date: cell.date,
                note: listed_as.clone(),
            });
            imported_here += 1;
        }
        if imported_here > 0 {
            report.rows_imported += 1;
            report.actions += imported_here;
        } else if report.unresolved.len() == unresolved_before {
            report.no_date.push(RowNote {
                line,
                participant: name,
                reason: match (columns.len(), other_here) {
                    (0, _) => "the table lists participants without dates".into(),
                    (_, 0) => "every date cell of the row is empty".into(),
                    _ => "the row's dates are all in columns that record no signature or \
                          instrument (see the column notes)"
                        .into(),
                },
            });
        }
    }
    for (col, n) in not_status {
        report.notes.push(format!(
            "column {} (`{}`): {n} value(s) not imported: the column records no signature, \
             consent or provisional application",
            col + 2,
            columns[col].header
        ));
    }
    for (s, n) in general_suffixes {
        report.notes.push(format!(
            "suffix `{s}` ({n} date(s)) is not declared in the header: read by the UN's general \
             meaning ({})",
            match crate::cell::SUFFIXES.iter().find(|(x, _)| *x == s) {
                Some((_, Meaning::Action(k))) => k.as_str(),
                _ => "not a status action",
            }
        ));
    }
    rows.sort_by(|a, b| {
        (a.state, a.date, a.kind.same_day_rank()).cmp(&(b.state, b.date, b.kind.same_day_rank()))
    });
    rows
}

fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The source standing for one imported table.
fn source_toml(t: &ImportedTreaty, capture: &Capture) -> String {
    let m = &t.meta;
    let number = m.reference.split_once('-').map_or("", |(_, n)| n);
    let mut s = String::new();
    let _ = writeln!(s, "\n[{}]", t.source_id());
    let _ = writeln!(
        s,
        "title = {}",
        toml_str(&format!(
            "Status of Treaties, Chapter {}.{}: {}",
            roman(m.chapter),
            number,
            m.short_title()
        ))
    );
    let _ = writeln!(s, "publisher = \"United Nations Treaty Collection\"");
    let (from, to) = capture.of(t);
    let _ = writeln!(
        s,
        "# The table {}.csv as captured: no earlier than its latest entry{}, no later than \
         the snapshot's end.",
        m.stem,
        if capture.from.is_some() {
            " and the snapshot's start"
        } else {
            ""
        }
    );
    let date = match (from, to) {
        (Some(f), Some(t)) if f != t => format!("{f}/{t}"),
        (Some(f), _) | (None, Some(f)) => f.to_string(),
        (None, None) => "n.d.".to_string(),
    };
    let _ = writeln!(s, "date = {}", toml_str(&date));
    let _ = writeln!(s, "url = {}", toml_str(&m.url));
    // The depositary's table records each action as it happens: for --known-on, every
    // action it lists was public from its own date.
    let _ = writeln!(s, "kind = \"record\"");
    s
}

/// The treaty file for a treaty the registry does not have: rules unknown.
fn treaty_toml(t: &ImportedTreaty, known_until: Option<Date>) -> String {
    let m = &t.meta;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Imported from the UN Treaty Collection's status table {}.csv ({}).\n\
         # Its rules are not in the registry: status stops at consent_deposited.",
        m.stem, m.reference
    );
    let _ = writeln!(s, "id = {}", toml_str(&t.id.0));
    let _ = writeln!(s, "name = {}", toml_str(m.short_title()));
    let _ = writeln!(s, "short_name = {}", toml_str(m.short_title()));
    let _ = writeln!(s, "aliases = [{}]", toml_str(&m.reference));
    let _ = writeln!(s, "untc = {}", toml_str(&m.reference));
    // The day at the end of the index's title is not always the adoption (an amended
    // text carries its amendment's day, and parties to the original precede it): no
    // `adopted` is written.
    if let Some(k) = known_until {
        let _ = writeln!(s, "# The table is known to speak for the days up to here.");
        let _ = writeln!(s, "known_until = \"{k}\"");
    }
    let _ = writeln!(s, "sources = [{}]", toml_str(&t.source_id()));
    let _ = writeln!(s, "status_sources = [{}]", toml_str(&t.source_id()));
    let _ = writeln!(s, "\n[rules.entry_into_force]\nrule = \"unknown\"");
    s
}

/// A treaty file of the registry with `known_until` set: the line goes before the first
/// table, replacing any there.
fn with_known_until(text: &str, k: Date) -> String {
    let mut out = String::with_capacity(text.len() + 80);
    let mut done = false;
    for line in text.lines() {
        if line.trim_start().starts_with("known_until") && !done {
            continue;
        }
        if !done && line.trim_start().starts_with('[') {
            out.push_str(&format!(
                "# Known only from an imported status table: it speaks for the days up to \
                 here.\nknown_until = \"{k}\"\n\n"
            ));
            done = true;
        }
        out.push_str(line);
        out.push('\n');
    }
    if !done {
        out.push_str(&format!("known_until = \"{k}\"\n"));
    }
    out
}

/// The actions file of an imported treaty.
fn actions_csv(t: &ImportedTreaty) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let source = t.source_id();
    let _ = w.write_record(["state", "action", "date", "source", "note"]);
    for r in &t.rows {
        let _ = w.write_record([
            r.state.as_str(),
            r.kind.as_str(),
            &r.date.to_string(),
            &source,
            &r.note,
        ]);
    }
    let bytes = w.into_inner().unwrap_or_default();
    let mut text = format!(
        "# Imported from the UN Treaty Collection's status table {}.csv ({}) by \
         `treatywatch import untc`.\n",
        t.meta.stem, t.meta.reference
    );
    text.push_str(&String::from_utf8_lossy(&bytes));
    text
}

/// The files of a dataset made of `base_files` and the import. A treaty the base records
/// (curated actions) keeps its record, and gets only the actions no curated action of the
/// same class answers ([`Import::reconcile`] lists every difference). A treaty the base
/// does not record takes the table's actions, and its file gets `known_until`, the last
/// day the table surely speaks for; treaties the registry lacks get a file with unknown
/// rules; each table gets a source. `base` must be `base_files` parsed.
pub fn merged_files(base_files: &[DataFile], base: &Dataset, import: &Import) -> Vec<DataFile> {
    let imported: HashMap<String, &ImportedTreaty> = import
        .treaties
        .iter()
        .map(|t| (t.id.0.clone(), t))
        .collect();
    let curated: HashSet<&str> = base.actions.iter().map(|a| a.treaty.0.as_str()).collect();
    let reconcile: HashMap<String, Reconcile> = import
        .reconcile(base)
        .into_iter()
        .map(|r| (r.treaty.0.clone(), r))
        .collect();
    let known_sources: HashSet<&str> = base.sources.iter().map(|s| s.id.0.as_str()).collect();
    let mut out: Vec<DataFile> = Vec::with_capacity(base_files.len() + 2 * imported.len());
    for f in base_files {
        let id = f
            .path
            .strip_prefix("actions/")
            .and_then(|p| p.strip_suffix(".csv"));
        if let Some(t) = id.and_then(|id| imported.get(id)) {
            // A curated treaty: its record, and what only the table has.
            let mut text = f.text.clone();
            if !text.ends_with('\n') {
                text.push('\n');
            }
            let added: Vec<&Difference> = reconcile
                .get(&t.id.0)
                .map(|r| {
                    r.differences
                        .iter()
                        .filter(|d| matches!(d, Difference::TableOnly { .. }))
                        .collect()
                })
                .unwrap_or_default();
            if !added.is_empty() {
                let _ = writeln!(
                    text,
                    "# Added by `treatywatch import untc` from {}.csv ({}): actions the curated \
                     record above lacks.",
                    t.meta.stem, t.meta.reference
                );
                for d in added {
                    if let Difference::TableOnly { state, kind, date } = d {
                        let _ = writeln!(
                            text,
                            "{state},{kind},{date},{},only in the UN table; not in the curated record",
                            t.source_id()
                        );
                    }
                }
            }
            out.push(DataFile {
                path: f.path.clone(),
                text,
            });
            continue;
        }
        let treaty_file = f
            .path
            .strip_prefix("treaties/")
            .and_then(|p| p.strip_suffix(".toml"))
            .and_then(|id| imported.get(id));
        if let Some(t) = treaty_file
            && !curated.contains(t.id.0.as_str())
            && let Some(k) = import.capture.known_until(t)
        {
            out.push(DataFile {
                path: f.path.clone(),
                text: with_known_until(&f.text, k),
            });
            continue;
        }
        if f.path == "sources.toml" {
            let mut text = f.text.clone();
            text.push_str("\n# ---- Status tables imported by `treatywatch import untc` ----\n");
            for t in &import.treaties {
                if !known_sources.contains(t.source_id().as_str()) {
                    text.push_str(&source_toml(t, &import.capture));
                }
            }
            out.push(DataFile {
                path: f.path.clone(),
                text,
            });
            continue;
        }
        out.push(f.clone());
    }
    for t in &import.treaties {
        if base.treaties.iter().all(|b| b.id != t.id) {
            out.push(DataFile {
                path: format!("treaties/{}.toml", t.id),
                text: treaty_toml(t, import.capture.known_until(t)),
            });
        }
        if !curated.contains(t.id.0.as_str()) {
            out.push(DataFile {
                path: format!("actions/{}.csv", t.id),
                text: actions_csv(t),
            });
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}
