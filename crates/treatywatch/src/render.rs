//! Rendering answers: aligned tables for a terminal, JSON and CSV for programs.

use std::io::Write;

use anyhow::Result;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use serde::Serialize;
use treatywatch_core::engine::Deadline;
use treatywatch_core::evidence::{Record, RecordValue};
use treatywatch_core::{
    Date, PartiesDoc, Source, State, Status, StatusReport, TimelineDoc, TimelineEvent, Treaty,
};

fn opt(d: Option<Date>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
}

/// Writes a table with no trailing spaces on its lines.
fn write_table(out: &mut impl Write, t: &Table) -> Result<()> {
    for line in t.to_string().lines() {
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

fn table() -> Table {
    let mut t = Table::new();
    t.load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    t
}

/// The one-line citation of a source.
pub fn cite(s: &Source) -> String {
    let title = s.title.trim_end();
    let stop = if title.ends_with(['.', '?', '!']) {
        ""
    } else {
        "."
    };
    format!("{title}{stop} {}, {}. {}", s.publisher, s.date, s.url)
}

/// A column of a status table.
#[derive(Clone, Copy)]
enum Col {
    State,
    Name,
    Status,
    Signed,
    Consent,
    Kind,
    InForce,
    WithdrawalNotified,
    WithdrawalEffective,
}

const ALL_COLUMNS: [Col; 9] = [
    Col::State,
    Col::Name,
    Col::Status,
    Col::Signed,
    Col::Consent,
    Col::Kind,
    Col::InForce,
    Col::WithdrawalNotified,
    Col::WithdrawalEffective,
];

impl Col {
    fn header(self) -> &'static str {
        match self {
            Col::State => "STATE",
            Col::Name => "NAME",
            Col::Status => "STATUS",
            Col::Signed => "SIGNED",
            Col::Consent => "CONSENT",
            Col::Kind => "KIND",
            Col::InForce => "IN FORCE",
            Col::WithdrawalNotified => "WITHDRAWAL NOTIFIED",
            Col::WithdrawalEffective => "WITHDRAWAL EFFECTIVE",
        }
    }

    fn cell(self, r: &StatusReport<'_>) -> String {
        match self {
            Col::State => r.state.code.to_string(),
            Col::Name => r.state.name.clone(),
            Col::Status => r.status_label().to_string(),
            Col::Signed => opt(r.signed),
            Col::Consent => opt(r.consent_deposited),
            Col::Kind => r.consent_kind.map_or("-".into(), |k| k.to_string()),
            Col::InForce => opt(r.entry_into_force),
            Col::WithdrawalNotified => opt(r.withdrawal_notified),
            Col::WithdrawalEffective => opt(r.withdrawal_effective),
        }
    }
}

fn report_table<'a, 'd: 'a>(
    reports: impl IntoIterator<Item = &'a StatusReport<'d>>,
    cols: &[Col],
) -> Table {
    let mut t = table();
    t.set_header(cols.iter().map(|c| c.header()).collect::<Vec<_>>());
    for r in reports {
        t.add_row(cols.iter().map(|c| c.cell(r)).collect::<Vec<_>>());
    }
    t
}

/// The heading line: "Mine Ban Treaty (apmbc) on 2026-03-01", and how it was known.
fn heading(treaty: &Treaty, on: Date, known_on: Option<Date>) -> String {
    let known = known_on
        .map(|k| format!(", as known on {k} (facts made public later are left out)"))
        .unwrap_or_default();
    format!("{} ({}) on {on}{known}", treaty.short_name, treaty.id)
}

/// Numbers sources in order of first use, to cite them as `[1, 3]` and list them once.
#[derive(Default)]
pub struct Citations<'d> {
    list: Vec<&'d Source>,
}

impl<'d> Citations<'d> {
    pub fn refs(&mut self, sources: &[&'d Source]) -> String {
        let mut nums = Vec::new();
        for s in sources {
            let n = match self.list.iter().position(|c| std::ptr::eq(*c, *s)) {
                Some(i) => i + 1,
                None => {
                    self.list.push(s);
                    self.list.len()
                }
            };
            if !nums.contains(&n) {
                nums.push(n);
            }
        }
        nums.sort_unstable();
        let nums: Vec<String> = nums.iter().map(|n| n.to_string()).collect();
        format!("[{}]", nums.join(", "))
    }

    pub fn write(&self, out: &mut impl Write) -> Result<()> {
        if self.list.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        writeln!(out, "Sources:")?;
        for (i, s) in self.list.iter().enumerate() {
            writeln!(out, "[{}] {}", i + 1, cite(s))?;
        }
        Ok(())
    }
}

pub fn status_table(
    out: &mut impl Write,
    treaty: &Treaty,
    on: Date,
    known_on: Option<Date>,
    reports: &[StatusReport<'_>],
) -> Result<()> {
    writeln!(out, "{}", heading(treaty, on, known_on))?;
    writeln!(out)?;
    write_table(out, &report_table(reports, &ALL_COLUMNS))?;
    for r in reports {
        writeln!(out)?;
        writeln!(
            out,
            "{} ({}): {}",
            r.state.name,
            r.state.code,
            r.status_label()
        )?;
        for n in &r.notes {
            writeln!(out, "  - {n}")?;
        }
        if !r.evidence.is_empty() {
            writeln!(
                out,
                "  Domestic steps (evidence of intent, not legal acts):"
            )?;
            for e in &r.evidence {
                writeln!(
                    out,
                    "    {}: {}",
                    treatywatch_core::engine::describe_step(e.step),
                    e.step.summary
                )?;
            }
        }
        if !r.sources.is_empty() {
            writeln!(out, "  Sources:")?;
            for (i, s) in r.sources.iter().enumerate() {
                writeln!(out, "  [{}] {}", i + 1, cite(s))?;
            }
        }
    }
    Ok(())
}

pub fn json<T: Serialize + ?Sized>(out: &mut impl Write, value: &T) -> Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// The CSV columns of a status row.
pub const STATUS_CSV_HEADER: [&str; 13] = [
    "state",
    "name",
    "treaty",
    "on",
    "status",
    "signed",
    "consent_deposited",
    "consent_kind",
    "entry_into_force",
    "withdrawal_notified",
    "withdrawal_effective",
    "notes",
    "source_urls",
];

pub fn status_csv(out: &mut impl Write, reports: &[StatusReport<'_>]) -> Result<()> {
    let mut w = csv::Writer::from_writer(&mut *out);
    w.write_record(STATUS_CSV_HEADER)?;
    let d = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
    for r in reports {
        w.write_record([
            r.state.code.to_string(),
            r.state.name.clone(),
            r.treaty.id.to_string(),
            r.on.to_string(),
            r.status_label().to_string(),
            d(r.signed),
            d(r.consent_deposited),
            r.consent_kind.map(|k| k.to_string()).unwrap_or_default(),
            d(r.entry_into_force),
            d(r.withdrawal_notified),
            d(r.withdrawal_effective),
            r.notes.join(" | "),
            urls(&r.sources),
        ])?;
    }
    w.flush()?;
    Ok(())
}

pub fn parties_table(
    out: &mut impl Write,
    treaty: &Treaty,
    on: Date,
    known_on: Option<Date>,
    counts: &[(Status, usize)],
    reports: &[StatusReport<'_>],
) -> Result<()> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    writeln!(out, "{}: {total} states", heading(treaty, on, known_on))?;
    writeln!(out)?;
    let mut c = table();
    c.set_header(vec!["STATUS", "STATES"]);
    for (s, n) in counts {
        c.add_row(vec![s.as_str().to_string(), n.to_string()]);
    }
    if let Some(col) = c.column_mut(1) {
        col.set_cell_alignment(CellAlignment::Right);
    }
    write_table(out, &c)?;
    writeln!(out)?;
    let mut sorted: Vec<&StatusReport<'_>> = reports.iter().collect();
    sorted.sort_by(|a, b| {
        b.status
            .cmp(&a.status)
            .then_with(|| a.state.name.cmp(&b.state.name))
    });
    let cols = [
        Col::State,
        Col::Name,
        Col::Status,
        Col::Consent,
        Col::InForce,
        Col::WithdrawalEffective,
    ];
    write_table(out, &report_table(sorted, &cols))?;
    Ok(())
}

/// The `parties --format json` document: the same type the web API serves.
pub fn parties_json(out: &mut impl Write, doc: &PartiesDoc<'_>) -> Result<()> {
    json(out, doc)
}

pub fn timeline_text<'d>(
    out: &mut impl Write,
    treaty: &Treaty,
    state: &State,
    known_on: Option<Date>,
    events: &[TimelineEvent<'d>],
    now: &StatusReport<'d>,
) -> Result<()> {
    write!(
        out,
        "{} ({}) and the {} ({})",
        state.name, state.code, treaty.short_name, treaty.id
    )?;
    match known_on {
        Some(k) => writeln!(out, ", as known on {k}")?,
        None => writeln!(out)?,
    }
    writeln!(out)?;
    let mut cites = Citations::default();
    let no_actions = events.iter().all(|e| e.kind.class() != "action");
    if no_actions {
        let r = cites.refs(&now.sources);
        writeln!(
            out,
            "No depositary action recorded: {} has neither signed nor joined. {r}",
            state.name
        )?;
    }
    let mut t = table();
    for e in events {
        let mark = match e.kind.class() {
            "action" => "",
            other => other,
        };
        let mut text = format!("{} {}", e.text, cites.refs(&e.sources));
        if !e.note.is_empty() {
            text.push_str(&format!("\nnote: {}", e.note));
        }
        t.add_row(vec![e.when.to_string(), mark.to_string(), text]);
    }
    if !events.is_empty() {
        if no_actions {
            writeln!(out)?;
        }
        write_table(out, &t)?;
    }
    writeln!(out)?;
    writeln!(out, "Status on {}: {}", now.on, now.status_label())?;
    writeln!(
        out,
        "Unmarked lines are depositary actions; `rule` lines are computed from the treaty's \
         clauses; `evidence` lines are domestic steps (intent, not legal acts); `record` lines \
         are records of stockpiles, production, use and obligations."
    )?;
    cites.write(out)
}

/// The `timeline --format json` document: the same type the web API serves.
pub fn timeline_json(out: &mut impl Write, doc: &TimelineDoc<'_>) -> Result<()> {
    json(out, doc)
}

pub fn timeline_csv(
    out: &mut impl Write,
    state: &State,
    events: &[TimelineEvent<'_>],
) -> Result<()> {
    let mut w = csv::Writer::from_writer(&mut *out);
    w.write_record([
        "state",
        "date",
        "kind",
        "class",
        "derived",
        "text",
        "note",
        "source_urls",
    ])?;
    for e in events {
        w.write_record([
            state.code.to_string(),
            e.when.to_string(),
            e.kind.as_str().to_string(),
            e.kind.class().to_string(),
            e.kind.is_derived().to_string(),
            e.text.clone(),
            e.note.clone(),
            urls(&e.sources),
        ])?;
    }
    w.flush()?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
pub fn deadlines_table<'d>(
    out: &mut impl Write,
    treaty: &Treaty,
    on: Date,
    known_on: Option<Date>,
    from: Option<Date>,
    to: Option<Date>,
    overdue: bool,
    deadlines: &[Deadline<'d>],
) -> Result<()> {
    let window = match (from, to) {
        (Some(f), Some(t)) => format!(", due {f} to {t}"),
        (None, Some(t)) => format!(", due by {t}"),
        (Some(f), None) => format!(", due from {f}"),
        (None, None) => String::new(),
    };
    let what = if overdue {
        "overdue deadlines"
    } else {
        "deadlines"
    };
    writeln!(
        out,
        "{}: {} {what}{window}",
        heading(treaty, on, known_on),
        deadlines.len()
    )?;
    if deadlines.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let mut cites = Citations::default();
    let mut t = table();
    t.set_header(vec!["DUE", "STATE", "OBLIGATION", "STATUS", "REASON"]);
    for d in deadlines {
        let obligation = match d.covers_year {
            Some(y) => format!("{} {} ({y})", d.obligation.article, d.obligation.id),
            None => format!("{} {}", d.obligation.article, d.obligation.id),
        };
        t.add_row(vec![
            d.due.to_string(),
            format!("{} {}", d.state.code, d.state.name),
            obligation,
            d.status.to_string(),
            format!("{} {}", d.reason, cites.refs(&d.sources)),
        ]);
    }
    write_table(out, &t)?;
    cites.write(out)
}

pub fn deadlines_csv(out: &mut impl Write, deadlines: &[Deadline<'_>]) -> Result<()> {
    let mut w = csv::Writer::from_writer(&mut *out);
    w.write_record([
        "state",
        "name",
        "treaty",
        "obligation",
        "article",
        "covers_year",
        "entry_into_force",
        "original_due",
        "due",
        "on",
        "status",
        "reason",
        "source_urls",
    ])?;
    for d in deadlines {
        w.write_record([
            d.state.code.to_string(),
            d.state.name.clone(),
            d.treaty.id.to_string(),
            d.obligation.id.clone(),
            d.obligation.article.clone(),
            d.covers_year.map(|y| y.to_string()).unwrap_or_default(),
            d.entry_into_force.to_string(),
            d.original_due.to_string(),
            d.due.to_string(),
            d.on.to_string(),
            d.status.to_string(),
            d.reason.clone(),
            urls(&d.sources),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Source URLs for a CSV cell, separated by spaces.
pub fn urls(sources: &[&Source]) -> String {
    sources
        .iter()
        .map(|s| s.url.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn records_table<'d>(
    out: &mut impl Write,
    treaty: &Treaty,
    state: &State,
    records: &[(&'d Record, Vec<&'d Source>)],
) -> Result<()> {
    writeln!(
        out,
        "{} ({}) under the {} ({}): {} records",
        state.name,
        state.code,
        treaty.short_name,
        treaty.id,
        records.len()
    )?;
    if records.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let mut cites = Citations::default();
    let mut t = table();
    t.set_header(vec!["DATE", "RECORD", "VALUE", "DETAIL"]);
    for (r, sources) in records {
        let mut detail = format!("{} {}", r.detail, cites.refs(sources));
        if !r.note.is_empty() {
            detail.push_str(&format!("\nnote: {}", r.note));
        }
        t.add_row(vec![
            r.date.to_string(),
            r.kind.words().to_string(),
            r.value.to_string(),
            detail.trim_start().to_string(),
        ]);
    }
    write_table(out, &t)?;
    cites.write(out)
}

#[derive(Serialize)]
struct RecordJson<'a> {
    state: String,
    treaty: &'a str,
    kind: &'a str,
    date: &'a treatywatch_core::PartialDate,
    value: &'a RecordValue,
    detail: &'a str,
    note: &'a str,
    sources: &'a [&'a Source],
}

pub fn records_json<'d>(
    out: &mut impl Write,
    records: &[(&'d Record, Vec<&'d Source>)],
) -> Result<()> {
    let list: Vec<RecordJson<'_>> = records
        .iter()
        .map(|(r, sources)| RecordJson {
            state: r.state.to_string(),
            treaty: r.treaty.as_str(),
            kind: r.kind.as_str(),
            date: &r.date,
            value: &r.value,
            detail: &r.detail,
            note: &r.note,
            sources,
        })
        .collect();
    json(out, &list)
}

pub fn records_csv<'d>(
    out: &mut impl Write,
    records: &[(&'d Record, Vec<&'d Source>)],
) -> Result<()> {
    let mut w = csv::Writer::from_writer(&mut *out);
    w.write_record([
        "state",
        "treaty",
        "kind",
        "date",
        "value",
        "qualifier",
        "detail",
        "note",
        "source_urls",
    ])?;
    for (r, sources) in records {
        let (value, qualifier) = match r.value {
            RecordValue::Count { count, qualifier } => (
                count.to_string(),
                serde_json::to_value(qualifier)?
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
            ),
            RecordValue::Production(p) => (p.as_str().to_string(), String::new()),
            other => (other.to_string(), String::new()),
        };
        w.write_record([
            r.state.to_string(),
            r.treaty.to_string(),
            r.kind.as_str().to_string(),
            r.date.to_string(),
            value,
            qualifier,
            r.detail.clone(),
            r.note.clone(),
            urls(sources),
        ])?;
    }
    w.flush()?;
    Ok(())
}
