//! The panel as CSV: written with pre-rendered fields, since it can run to millions of
//! rows.

use std::io::Write;

use jiff::civil::Date;
use treatywatch_core::{Engine, StatusFacts, Treaty};

use crate::{COLUMNS, ExportError, Period, for_each_pair};

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

fn push_facts(buf: &mut Vec<u8>, f: &StatusFacts) {
    buf.extend_from_slice(f.status.as_str().as_bytes());
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
    buf.push(b'\n');
}

/// Writes the panel as CSV with a header row of [`COLUMNS`].
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
    let header: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
    writeln!(out, "{}", header.join(",")).map_err(err)?;
    // Each period's "period,date," prefix, rendered once.
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
    let mut buf: Vec<u8> = Vec::with_capacity(1 << 20);
    let mut tail: Vec<u8> = Vec::with_capacity(128);
    for_each_pair(engine, treaties, periods, |treaty, state, facts| {
        let prefix = format!(
            "{},{},{},{},",
            state.code,
            field(&state.name),
            field(&treaty.id.0),
            field(treaty.untc.as_deref().unwrap_or(""))
        );
        let mut last: Option<&StatusFacts> = None;
        for (i, f) in facts.iter().enumerate() {
            if last != Some(f) {
                tail.clear();
                push_facts(&mut tail, f);
                last = Some(f);
            }
            buf.extend_from_slice(prefix.as_bytes());
            buf.extend_from_slice(&period_fields[i]);
            buf.extend_from_slice(&tail);
        }
        if buf.len() > 1 << 20 {
            out.write_all(&buf).map_err(err)?;
            buf.clear();
        }
        Ok(())
    })?;
    out.write_all(&buf).map_err(err)?;
    out.flush().map_err(err)?;
    Ok(())
}
