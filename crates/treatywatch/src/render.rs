//! Rendering answers: aligned tables for a terminal, JSON and CSV for programs.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use treatywatch_core::doc::CoverageDoc;
use treatywatch_core::engine::Deadline;
use treatywatch_core::evidence::{Record, RecordValue};
use treatywatch_core::obligations::DeadlineStatus;
use treatywatch_core::{
    Date, PartiesDoc, Source, State, Status, StatusReport, TimelineDoc, TimelineEvent, Treaty,
};

use crate::layout::{Column, Grid, Width};

fn opt(d: Option<Date>) -> String {
    d.map_or_else(|| "-".to_string(), |d| d.to_string())
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
    /// The column of a table: names wrap (and are not padded beyond 24 columns), dates
    /// and codes never break; the least needed columns are left out first.
    fn column(self) -> Column {
        let c = Column::keep(self.header());
        match self {
            Col::State | Col::Status => c,
            Col::Name => Column::wrap(self.header(), 10, Some(24)),
            Col::InForce | Col::WithdrawalEffective => c.priority(1),
            Col::Consent | Col::WithdrawalNotified => c.priority(2),
            Col::Signed => c.priority(3),
            Col::Kind => c.priority(4),
        }
    }

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
) -> Grid {
    let mut t = Grid::new(cols.iter().map(|c| c.column()).collect());
    for r in reports {
        t.row(cols.iter().map(|c| c.cell(r)));
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

    /// The numbered list, one citation a line.
    pub fn write(&self, out: &mut impl Write) -> Result<()> {
        self.write_wrapped(out, Width::Unlimited)
    }

    /// The numbered list, each citation wrapped to the width under its number (URLs
    /// whole).
    pub fn write_wrapped(&self, out: &mut impl Write, width: Width) -> Result<()> {
        if self.list.is_empty() {
            return Ok(());
        }
        writeln!(out)?;
        writeln!(out, "Sources:")?;
        let pad = (self.list.len().to_string().len() + 3).min(8);
        for (i, s) in self.list.iter().enumerate() {
            let number = format!("[{}] ", i + 1);
            width.para(out, &number, &" ".repeat(pad), &cite(s))?;
        }
        Ok(())
    }
}

pub fn status_table(
    out: &mut impl Write,
    width: Width,
    treaty: &Treaty,
    on: Date,
    known_on: Option<Date>,
    reports: &[StatusReport<'_>],
) -> Result<()> {
    width.para(out, "", "", &heading(treaty, on, known_on))?;
    writeln!(out)?;
    report_table(reports, &ALL_COLUMNS).write(out, width)?;
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
            width.para(out, "  - ", "    ", n)?;
        }
        if !r.evidence.is_empty() {
            writeln!(
                out,
                "  Domestic steps (evidence of intent, not legal acts):"
            )?;
            for e in &r.evidence {
                let step = format!(
                    "{}: {}",
                    treatywatch_core::engine::describe_step(e.step),
                    e.step.summary
                );
                width.para(out, "    ", "      ", &step)?;
            }
        }
        if !r.sources.is_empty() {
            writeln!(out, "  Sources:")?;
            let pad = " ".repeat((r.sources.len().to_string().len() + 5).min(10));
            for (i, s) in r.sources.iter().enumerate() {
                width.para(out, &format!("  [{}] ", i + 1), &pad, &cite(s))?;
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
    width: Width,
    treaty: &Treaty,
    on: Date,
    known_on: Option<Date>,
    counts: &[(Status, usize)],
    reports: &[StatusReport<'_>],
) -> Result<()> {
    let total: usize = counts.iter().map(|(_, n)| n).sum();
    let title = format!("{}: {total} states", heading(treaty, on, known_on));
    width.para(out, "", "", &title)?;
    writeln!(out)?;
    let mut c = Grid::new(vec![Column::keep("STATUS"), Column::keep("STATES").right()]);
    for (s, n) in counts {
        c.row([s.as_str().to_string(), n.to_string()]);
    }
    c.write(out, width)?;
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
    report_table(sorted, &cols).write(out, width)?;
    Ok(())
}

/// The `parties --format json` document: the same type the web API serves.
pub fn parties_json(out: &mut impl Write, doc: &PartiesDoc<'_>) -> Result<()> {
    json(out, doc)
}

pub fn timeline_text<'d>(
    out: &mut impl Write,
    width: Width,
    treaty: &Treaty,
    state: &State,
    known_on: Option<Date>,
    events: &[TimelineEvent<'d>],
    now: &StatusReport<'d>,
) -> Result<()> {
    let mut title = format!(
        "{} ({}) and the {} ({})",
        state.name, state.code, treaty.short_name, treaty.id
    );
    if let Some(k) = known_on {
        title.push_str(&format!(", as known on {k}"));
    }
    width.para(out, "", "", &title)?;
    writeln!(out)?;
    let mut cites = Citations::default();
    let no_actions = events.iter().all(|e| e.kind.class() != "action");
    if no_actions {
        let r = cites.refs(&now.sources);
        let line = format!(
            "No depositary action recorded: {} has neither signed nor joined. {r}",
            state.name
        );
        width.para(out, "", "", &line)?;
    }
    let mut t = Grid::headless(vec![
        Column::keep("DATE"),
        Column::keep("KIND"),
        Column::wrap("EVENT", 30, None),
    ]);
    for e in events {
        let mark = match e.kind.class() {
            "action" => "",
            other => other,
        };
        let mut text = format!("{} {}", e.text, cites.refs(&e.sources));
        if !e.note.is_empty() {
            text.push_str(&format!("\nnote: {}", e.note));
        }
        t.row([e.when.to_string(), mark.to_string(), text]);
    }
    if !events.is_empty() {
        if no_actions {
            writeln!(out)?;
        }
        t.write(out, width)?;
    }
    writeln!(out)?;
    writeln!(out, "Status on {}: {}", now.on, now.status_label())?;
    width.para(
        out,
        "",
        "",
        "Unmarked lines are depositary actions; `rule` lines are computed from the treaty's \
         clauses; `evidence` lines are domestic steps (intent, not legal acts); `record` lines \
         are records of stockpiles, production, use and obligations.",
    )?;
    cites.write_wrapped(out, width)
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
    width: Width,
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
    let title = format!(
        "{}: {} {what}{window}",
        heading(treaty, on, known_on),
        deadlines.len()
    );
    width.para(out, "", "", &title)?;
    if deadlines.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let mut cites = Citations::default();
    let mut t = Grid::new(vec![
        Column::keep("DUE"),
        Column::wrap("STATE", 10, Some(24)),
        Column::wrap("OBLIGATION", 10, Some(30)),
        Column::keep("STATUS"),
        Column::wrap_or_below("REASON", 40),
    ]);
    for d in deadlines {
        let obligation = match d.covers_year {
            Some(y) => format!("{} {} ({y})", d.obligation.article, d.obligation.id),
            None => format!("{} {}", d.obligation.article, d.obligation.id),
        };
        t.row([
            d.due.to_string(),
            format!("{} {}", d.state.code, d.state.name),
            obligation,
            d.status.to_string(),
            format!("{} {}", d.reason, cites.refs(&d.sources)),
        ]);
    }
    t.write(out, width)?;
    cites.write_wrapped(out, width)
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
        "completed",
        "declared",
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
            d.completed
                .as_ref()
                .map(|x| x.to_string())
                .unwrap_or_default(),
            d.declared
                .as_ref()
                .map(|x| x.to_string())
                .unwrap_or_default(),
            d.reason.clone(),
            urls(&d.sources),
        ])?;
    }
    w.flush()?;
    Ok(())
}

/// Source URLs for a CSV cell, separated by spaces.
/// `coverage` as a table: one row per obligation, with the unknown states named.
pub fn coverage_table(out: &mut impl Write, width: Width, doc: &CoverageDoc<'_>) -> Result<()> {
    let title = format!(
        "Coverage of the {} obligations' record on {}",
        doc.treaty, doc.on
    );
    width.para(out, "", "", &title)?;
    writeln!(out)?;
    let mut columns = vec![
        Column::wrap("OBLIGATION", 12, Some(32)),
        Column::keep("STATES").right(),
    ];
    // The unknown count is what the command is for: it stays; the rarer statuses are
    // left out first when the terminal is narrow.
    columns.extend(DeadlineStatus::ALL.iter().map(|s| {
        let priority = match s {
            DeadlineStatus::Unknown => 0,
            DeadlineStatus::NotApplicable | DeadlineStatus::Overdue => 1,
            DeadlineStatus::Completed | DeadlineStatus::Pending => 2,
            _ => 3,
        };
        Column::keep(&s.as_str().to_uppercase())
            .right()
            .priority(priority)
    }));
    columns.push(Column::keep("UNKNOWN %").right());
    let mut t = Grid::new(columns);
    for o in &doc.obligations {
        let mut row = vec![
            match o.covers_year {
                Some(y) => format!("{} {} ({y})", o.article, o.obligation),
                None => format!("{} {}", o.article, o.obligation),
            },
            o.states.to_string(),
        ];
        row.extend(
            DeadlineStatus::ALL
                .iter()
                .map(|s| o.counts.get(*s).to_string()),
        );
        row.push(format!("{:.1}", o.unknown_share * 100.0));
        t.row(row);
    }
    t.write(out, width)?;
    for o in &doc.obligations {
        if o.unknown_states.is_empty() {
            continue;
        }
        let codes: Vec<&str> = o.unknown_states.iter().map(|c| c.as_str()).collect();
        writeln!(out)?;
        width.para(
            out,
            "",
            "  ",
            &format!(
                "{} {}: unknown for {} state(s): {}",
                o.article,
                o.obligation,
                codes.len(),
                codes.join(" ")
            ),
        )?;
    }
    Ok(())
}

/// `coverage` as CSV: one row per obligation and status, plus the unknown states.
pub fn coverage_csv(out: &mut impl Write, doc: &CoverageDoc<'_>) -> Result<()> {
    let mut w = csv::Writer::from_writer(&mut *out);
    let mut header = vec![
        "treaty".to_string(),
        "on".to_string(),
        "obligation".to_string(),
        "article".to_string(),
        "covers_year".to_string(),
        "states".to_string(),
    ];
    header.extend(DeadlineStatus::ALL.iter().map(|s| s.as_str().to_string()));
    header.push("unknown_share".to_string());
    header.push("unknown_states".to_string());
    w.write_record(&header)?;
    for o in &doc.obligations {
        let mut row = vec![
            doc.treaty.to_string(),
            doc.on.to_string(),
            o.obligation.to_string(),
            o.article.to_string(),
            o.covers_year.map(|y| y.to_string()).unwrap_or_default(),
            o.states.to_string(),
        ];
        row.extend(
            DeadlineStatus::ALL
                .iter()
                .map(|s| o.counts.get(*s).to_string()),
        );
        row.push(format!("{:.4}", o.unknown_share));
        row.push(
            o.unknown_states
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
        w.write_record(&row)?;
    }
    w.flush()?;
    Ok(())
}

pub fn urls(sources: &[&Source]) -> String {
    sources
        .iter()
        .map(|s| s.url.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn records_table<'d>(
    out: &mut impl Write,
    width: Width,
    treaty: &Treaty,
    state: &State,
    records: &[(&'d Record, Vec<&'d Source>)],
) -> Result<()> {
    let title = format!(
        "{} ({}) under the {} ({}): {} records",
        state.name,
        state.code,
        treaty.short_name,
        treaty.id,
        records.len()
    );
    width.para(out, "", "", &title)?;
    if records.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let mut cites = Citations::default();
    let mut t = Grid::new(vec![
        Column::keep("DATE"),
        Column::wrap("RECORD", 10, Some(24)),
        Column::wrap("VALUE", 10, Some(24)),
        Column::wrap_or_below("DETAIL", 30),
    ]);
    for (r, sources) in records {
        let mut detail = format!("{} {}", r.detail, cites.refs(sources));
        if !r.note.is_empty() {
            detail.push_str(&format!("\nnote: {}", r.note));
        }
        t.row([
            r.date.to_string(),
            r.kind.words().to_string(),
            r.value.to_string(),
            detail.trim_start().to_string(),
        ]);
    }
    t.write(out, width)?;
    cites.write_wrapped(out, width)
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
