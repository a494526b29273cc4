//! The panel as CSV: written with pre-rendered fields, since it can run to millions of
//! rows. The dataset's identity is not in the CSV itself (a comment line would break
//! readers): the command line writes it beside the file ([`write_metadata_json`]).

use std::io::Write;

use jiff::civil::Date;
use treatywatch_core::{CodeSystem, Engine, StatusFacts, Treaty};

use crate::{ExportError, Granularity, Period, RowFacts, columns, for_each_pair};

/// A field quoted as CSV requires (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn push_date(buf: &mut Vec<u8>, d: Option<Date>) {
    if let Some(d) = d {
        let (y, m, day) = (d.year() as u32, d.month() as u32, d.day() as u32);
        buf.extend_from_slice(&[
            b'0' + (y / 1000 % 10) as u8,
            b'0' + (y / 100 % 10) as u8,
            b'0' + (y / 10 % 10) as u8,
            b'0' + (y % 10) as u8,
            b'-',
            b'0' + (m / 10) as u8,
            b'0' + (m % 10) as u8,
            b'-',
            b'0' + (day / 10) as u8,
            b'0' + (day % 10) as u8,
        ]);
    }
}

fn push_facts(buf: &mut Vec<u8>, r: &RowFacts, known_until: Option<Date>) {
    let f: &StatusFacts = &r.facts;
    buf.extend_from_slice(r.status.as_str().as_bytes());
    for i in r.status.indicators(f) {
        buf.push(b',');
        if let Some(i) = i {
            buf.push(b'0' + i);
        }
    }
    buf.push(b',');
    push_date(buf, f.signed);
    buf.push(b',');
    push_date(buf, f.consent_deposited);
    buf.push(b',');
    if let Some(k) = f.consent_kind {
        buf.extend_from_slice(k.as_str().as_bytes());
    }
    buf.push(b',');
    push_date(buf, f.entry_into_force);
    buf.push(b',');
    push_date(buf, f.withdrawal_notified);
    buf.push(b',');
    push_date(buf, f.withdrawal_effective);
    buf.push(b',');
    push_date(buf, known_until);
    buf.push(b'\n');
}

fn push_code(buf: &mut Vec<u8>, c: Option<u16>) {
    if let Some(c) = c {
        buf.extend_from_slice(c.to_string().as_bytes());
    }
    buf.push(b',');
}

/// Writes the panel as CSV with a header row of [`crate::COLUMNS`] (`day` for `year` in
/// a daily panel).
pub fn write_csv<'d>(
    out: &mut impl Write,
    engine: &Engine<'d>,
    treaties: &[&'d Treaty],
    periods: &[(Period, Date)],
) -> Result<(), ExportError> {
    let err = |source| ExportError::Io {
        path: "the CSV output".into(),
        source,
    };
    let granularity = match periods.first() {
        Some((Period::Day(_), _)) => Granularity::Day,
        _ => Granularity::Year,
    };
    writeln!(out, "{}", columns(granularity).join(",")).map_err(err)?;
    // Each period's "period,date," part, rendered once.
    let period_fields: Vec<Vec<u8>> = periods
        .iter()
        .map(|(p, d)| {
            let mut b = Vec::new();
            match p {
                Period::Year(y) => b.extend_from_slice(y.to_string().as_bytes()),
                Period::Day(day) => push_date(&mut b, Some(*day)),
            }
            b.push(b',');
            push_date(&mut b, Some(*d));
            b.push(b',');
            b
        })
        .collect();
    let treaty_fields: Vec<Vec<u8>> = treaties
        .iter()
        .map(|t| {
            format!(
                "{},{},{},{},",
                field(&t.id.0),
                field(&t.name),
                field(&t.short_name),
                field(t.untc.as_deref().unwrap_or(""))
            )
            .into_bytes()
        })
        .collect();
    // The rows are formatted on a worker thread and written here, so that formatting
    // and the system's writing overlap; at most a few megabytes are in flight.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(4);
    std::thread::scope(|scope| -> Result<(), ExportError> {
        let producer = scope.spawn(move || -> Result<(), ExportError> {
            let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
            let mut tail: Vec<u8> = Vec::with_capacity(160);
            let mut codes: Vec<u8> = Vec::with_capacity(16);
            let stopped = || ExportError::Spec("the CSV output was closed".into());
            for_each_pair(engine, treaties, periods, |ti, treaty, actor, rows| {
                let who = format!("{},{},", field(&actor.id), field(&actor.name));
                let mut last: Option<&RowFacts> = None;
                let mut last_codes: Option<[Option<u16>; 3]> = None;
                for (i, r) in rows.iter().enumerate() {
                    let Some(r) = r else { continue };
                    let day = periods[i].1;
                    let c = CodeSystem::ALL.map(|s| actor.code(s, day));
                    if last_codes != Some(c) {
                        codes.clear();
                        for x in c {
                            push_code(&mut codes, x);
                        }
                        last_codes = Some(c);
                    }
                    if last != Some(r) {
                        tail.clear();
                        push_facts(&mut tail, r, treaty.known_until);
                        last = Some(r);
                    }
                    buf.extend_from_slice(who.as_bytes());
                    buf.extend_from_slice(&codes);
                    buf.extend_from_slice(&treaty_fields[ti]);
                    buf.extend_from_slice(&period_fields[i]);
                    buf.extend_from_slice(&tail);
                }
                if buf.len() > 1 << 20 {
                    let full = std::mem::replace(&mut buf, Vec::with_capacity(1 << 20 | 1 << 16));
                    tx.send(full).map_err(|_| stopped())?;
                }
                Ok(())
            })?;
            tx.send(buf).map_err(|_| stopped())?;
            Ok(())
        });
        let mut written = Ok(());
        for chunk in rx {
            if let Err(e) = out.write_all(&chunk) {
                written = Err(err(e));
                break;
            }
        }
        // Dropping the receiver (on a write error) stops the producer.
        let produced = producer
            .join()
            .unwrap_or_else(|_| Err(ExportError::Spec("the CSV worker thread failed".into())));
        written?;
        produced
    })?;
    out.flush().map_err(err)?;
    Ok(())
}

/// The dataset's identity and the panel's description as a JSON object, for the file
/// the command line writes beside a CSV panel (`PANEL.csv` gets `PANEL.metadata.json`).
pub fn write_metadata_json(
    out: &mut impl Write,
    meta: &[(String, String)],
) -> Result<(), ExportError> {
    let err = |source| ExportError::Io {
        path: "the metadata file".into(),
        source,
    };
    let mut s = String::from("{\n");
    for (i, (k, v)) in meta.iter().enumerate() {
        let esc = |x: &str| {
            let mut o = String::with_capacity(x.len() + 2);
            for ch in x.chars() {
                match ch {
                    '"' => o.push_str("\\\""),
                    '\\' => o.push_str("\\\\"),
                    c if (c as u32) < 0x20 => o.push_str(&format!("\\u{:04x}", c as u32)),
                    c => o.push(c),
                }
            }
            o
        };
        s.push_str(&format!(
            "  \"{}\": \"{}\"{}\n",
            esc(k),
            esc(v),
            if i + 1 < meta.len() { "," } else { "" }
        ));
    }
    s.push_str("}\n");
    out.write_all(s.as_bytes()).map_err(err)
}
