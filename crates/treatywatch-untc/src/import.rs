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
}

/// The result of an import.
#[derive(Clone, Debug, Default)]
pub struct Import {
    pub treaties: Vec<ImportedTreaty>,
    pub reports: Vec<FileReport>,
}

impl Import {
    /// Whether every file could be read.
    pub fn all_read(&self) -> bool {
        self.reports.iter().all(|r| r.error.is_none())
    }

    pub fn unresolved(&self) -> usize {
        self.reports.iter().map(|r| r.unresolved.len()).sum()
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
fn source_toml(t: &ImportedTreaty) -> String {
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
    let _ = writeln!(
        s,
        "# The 2013-2015 scrape in shared/data/untc-2015/treaties/{}.csv; its capture day is \
         only bounded.",
        m.stem
    );
    let _ = writeln!(s, "date = \"2013/2015\"");
    let _ = writeln!(s, "url = {}", toml_str(&m.url));
    // The depositary's table records each action as it happens: for --known-on, every
    // action it lists was public from its own date.
    let _ = writeln!(s, "kind = \"record\"");
    s
}

/// The treaty file for a treaty the registry does not have: rules unknown.
fn treaty_toml(t: &ImportedTreaty) -> String {
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
    let _ = writeln!(s, "sources = [{}]", toml_str(&t.source_id()));
    let _ = writeln!(s, "status_sources = [{}]", toml_str(&t.source_id()));
    let _ = writeln!(s, "\n[rules.entry_into_force]\nrule = \"unknown\"");
    s
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

/// The files of a dataset made of `base_files` and the import: each imported treaty's
/// actions replace the base's for that treaty; treaties the registry lacks get a file
/// with unknown rules; each table gets a source. `base` must be `base_files` parsed.
pub fn merged_files(base_files: &[DataFile], base: &Dataset, import: &Import) -> Vec<DataFile> {
    let imported: HashMap<String, &ImportedTreaty> = import
        .treaties
        .iter()
        .map(|t| (t.id.0.clone(), t))
        .collect();
    let known_sources: HashSet<&str> = base.sources.iter().map(|s| s.id.0.as_str()).collect();
    let mut out: Vec<DataFile> = Vec::with_capacity(base_files.len() + 2 * imported.len());
    for f in base_files {
        let replaced = f
            .path
            .strip_prefix("actions/")
            .and_then(|p| p.strip_suffix(".csv"))
            .is_some_and(|id| imported.contains_key(id));
        if replaced {
            continue;
        }
        if f.path == "sources.toml" {
            let mut text = f.text.clone();
            text.push_str("\n# ---- Status tables imported by `treatywatch import untc` ----\n");
            for t in &import.treaties {
                if !known_sources.contains(t.source_id().as_str()) {
                    text.push_str(&source_toml(t));
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
                text: treaty_toml(t),
            });
        }
        out.push(DataFile {
            path: format!("actions/{}.csv", t.id),
            text: actions_csv(t),
        });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}
