//! Rendering answers: aligned tables for a terminal, JSON and CSV for programs.

use std::io::Write;

use anyhow::Result;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use serde::Serialize;
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
            Col::Status => r.status.to_string(),
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

pub fn status_table(
    out: &mut impl Write,
    treaty: &Treaty,
    on: Date,
    reports: &[StatusReport<'_>],
) -> Result<()> {
    writeln!(out, "{} ({}) on {on}", treaty.short_name, treaty.id)?;
    writeln!(out)?;
    write_table(out, &report_table(reports, &ALL_COLUMNS))?;
    for r in reports {
        writeln!(out)?;
        writeln!(
            out,
            "{} ({}): {}",
            r.state.name,
            r.state.code,
            r.status.as_str()
        )?;
        for n in &r.notes {
            writeln!(out, "  - {n}")?;
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
            r.status.to_string(),
            d(r.signed),
            d(r.consent_deposited),
            r.consent_kind.map(|k| k.to_string()).unwrap_or_default(),
            d(r.entry_into_force),
            d(r.withdrawal_notified),
            d(r.withdrawal_effective),
            r.notes.join(" | "),
            r.sources
                .iter()
                .map(|s| s.url.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ])?;
    }
    w.flush()?;
    Ok(())
}

pub fn parties_table(
    out: &mut impl Write,
    treaty: &Treaty,
    on: Date,
    counts: &[(Status, usize)],
    reports: &[StatusReport<'_>],
) -> Result<()> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    writeln!(
        out,
        "{} ({}) on {on}: {total} states",
        treaty.short_name, treaty.id
    )?;
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
    events: &[TimelineEvent<'d>],
    now: &StatusReport<'d>,
) -> Result<()> {
    writeln!(
        out,
        "{} ({}) and the {} ({})",
        state.name, state.code, treaty.short_name, treaty.id
    )?;
    writeln!(out)?;
    // Sources are numbered in order of first use and listed once, at the end.
    let mut cited: Vec<&'d Source> = Vec::new();
    let mut refs = |sources: &[&'d Source]| -> String {
        let mut nums = Vec::new();
        for s in sources {
            let n = match cited.iter().position(|c| std::ptr::eq(*c, *s)) {
                Some(i) => i + 1,
                None => {
                    cited.push(s);
                    cited.len()
                }
            };
            nums.push(n);
        }
        nums.sort_unstable();
        let nums: Vec<String> = nums.iter().map(|n| n.to_string()).collect();
        format!("[{}]", nums.join(", "))
    };
    if events.is_empty() {
        let r = refs(&now.sources);
        writeln!(
            out,
            "No action recorded: {} has neither signed nor joined. {r}",
            state.name
        )?;
    }
    let mut t = table();
    for e in events {
        let mark = if e.kind.is_derived() { "rule" } else { "" };
        let mut text = format!("{} {}", e.text, refs(&e.sources));
        if !e.note.is_empty() {
            text.push_str(&format!("\nnote: {}", e.note));
        }
        t.add_row(vec![e.date.to_string(), mark.to_string(), text]);
    }
    if !events.is_empty() {
        write_table(out, &t)?;
    }
    writeln!(out)?;
    writeln!(out, "Status on {}: {}", now.on, now.status)?;
    writeln!(
        out,
        "Lines marked `rule` are computed from the treaty's clauses; the others are recorded actions."
    )?;
    writeln!(out)?;
    writeln!(out, "Sources:")?;
    for (i, s) in cited.iter().enumerate() {
        writeln!(out, "[{}] {}", i + 1, cite(s))?;
    }
    Ok(())
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
        "derived",
        "text",
        "note",
        "source_urls",
    ])?;
    for e in events {
        w.write_record([
            state.code.to_string(),
            e.date.to_string(),
            e.kind.as_str().to_string(),
            e.kind.is_derived().to_string(),
            e.text.clone(),
            e.note.clone(),
            e.sources
                .iter()
                .map(|s| s.url.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ])?;
    }
    w.flush()?;
    Ok(())
}
