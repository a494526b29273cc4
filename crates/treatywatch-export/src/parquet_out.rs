//! The panel as Parquet, through the `parquet` crate's column writers: strings as UTF8
//! byte arrays (dictionary-encoded), days as DATE, the year as INT32.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use treatywatch_core::{Engine, State, StatusFacts, Treaty};

use crate::{ExportError, Granularity, Period, for_each_pair, io};

/// Rows per row group: small enough to keep memory low, large enough for readers.
const GROUP: usize = 256 * 1024;
/// Values per `write_batch` call.
const BATCH: usize = 8 * 1024;

/// Days since 1970-01-01, as Parquet's DATE counts them.
pub fn epoch_days(d: Date) -> i32 {
    // Howard Hinnant's days_from_civil.
    let (mut y, m, day) = (
        i32::from(d.year()),
        i32::from(d.month()),
        i32::from(d.day()),
    );
    if m <= 2 {
        y -= 1;
    }
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

struct Row {
    treaty: u32,
    state: u32,
    period: u32,
    facts: StatusFacts,
}

struct Writer<'a, W: Write + Send> {
    file: SerializedFileWriter<W>,
    treaties: Vec<(ByteArray, ByteArray)>,
    states: Vec<(ByteArray, ByteArray)>,
    periods: &'a [(Period, Date)],
    rows: Vec<Row>,
}

impl<W: Write + Send> Writer<'_, W> {
    fn flush(&mut self) -> Result<(), ExportError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let mut group = self.file.next_row_group()?;
        let mut index = 0;
        while let Some(mut col) = group.next_column()? {
            for chunk in self.rows.chunks(BATCH) {
                let text = |f: &dyn Fn(&Row) -> ByteArray| -> Vec<ByteArray> {
                    chunk.iter().map(f).collect()
                };
                match index {
                    0..=3 | 6 => {
                        let values = match index {
                            0 => text(&|r| self.states[r.state as usize].0.clone()),
                            1 => text(&|r| self.states[r.state as usize].1.clone()),
                            2 => text(&|r| self.treaties[r.treaty as usize].0.clone()),
                            3 => text(&|r| self.treaties[r.treaty as usize].1.clone()),
                            _ => text(&|r| ByteArray::from(r.facts.status.as_str())),
                        };
                        col.typed::<ByteArrayType>()
                            .write_batch(&values, None, None)?;
                    }
                    4 | 5 => {
                        let values: Vec<i32> = chunk
                            .iter()
                            .map(|r| {
                                let (p, d) = self.periods[r.period as usize];
                                match (index, p) {
                                    (4, Period::Year(y)) => i32::from(y),
                                    (4, Period::Day(day)) => epoch_days(day),
                                    _ => epoch_days(d),
                                }
                            })
                            .collect();
                        col.typed::<Int32Type>().write_batch(&values, None, None)?;
                    }
                    9 => {
                        let (values, levels): (Vec<ByteArray>, Vec<i16>) = (
                            chunk
                                .iter()
                                .filter_map(|r| r.facts.consent_kind)
                                .map(|k| ByteArray::from(k.as_str()))
                                .collect(),
                            chunk
                                .iter()
                                .map(|r| i16::from(r.facts.consent_kind.is_some()))
                                .collect(),
                        );
                        col.typed::<ByteArrayType>()
                            .write_batch(&values, Some(&levels), None)?;
                    }
                    _ => {
                        let pick = |f: &StatusFacts| match index {
                            7 => f.signed,
                            8 => f.consent_deposited,
                            10 => f.entry_into_force,
                            11 => f.withdrawal_notified,
                            _ => f.withdrawal_effective,
                        };
                        let values: Vec<i32> = chunk
                            .iter()
                            .filter_map(|r| pick(&r.facts))
                            .map(epoch_days)
                            .collect();
                        let levels: Vec<i16> = chunk
                            .iter()
                            .map(|r| i16::from(pick(&r.facts).is_some()))
                            .collect();
                        col.typed::<Int32Type>()
                            .write_batch(&values, Some(&levels), None)?;
                    }
                }
            }
            col.close()?;
            index += 1;
        }
        group.close()?;
        self.rows.clear();
        Ok(())
    }
}

/// Writes the panel as a Parquet file at `path`.
pub fn write_parquet<'d>(
    path: &Path,
    engine: &Engine<'d>,
    treaties: &[&'d Treaty],
    periods: &[(Period, Date)],
    granularity: Granularity,
) -> Result<(), ExportError> {
    let file = File::create(path).map_err(io(path))?;
    write_parquet_to(file, engine, treaties, periods, granularity)
}

/// Writes the panel as Parquet to `out` (a file, or a `Vec<u8>` for a download).
pub fn write_parquet_to<'d, W: Write + Send>(
    out: W,
    engine: &Engine<'d>,
    treaties: &[&'d Treaty],
    periods: &[(Period, Date)],
    granularity: Granularity,
) -> Result<(), ExportError> {
    let period_type = match granularity {
        Granularity::Year => "INT32 period",
        Granularity::Day => "INT32 period (DATE)",
    };
    let schema = format!(
        "message panel {{
            REQUIRED BYTE_ARRAY state (UTF8);
            REQUIRED BYTE_ARRAY state_name (UTF8);
            REQUIRED BYTE_ARRAY treaty (UTF8);
            REQUIRED BYTE_ARRAY treaty_ref (UTF8);
            REQUIRED {period_type};
            REQUIRED INT32 date (DATE);
            REQUIRED BYTE_ARRAY status (UTF8);
            OPTIONAL INT32 signed (DATE);
            OPTIONAL INT32 consent_deposited (DATE);
            OPTIONAL BYTE_ARRAY consent_kind (UTF8);
            OPTIONAL INT32 entry_into_force (DATE);
            OPTIONAL INT32 withdrawal_notified (DATE);
            OPTIONAL INT32 withdrawal_effective (DATE);
        }}"
    );
    let schema = Arc::new(parse_message_type(&schema)?);
    let props = Arc::new(WriterProperties::builder().build());
    let states: &[State] = &engine.data().states;
    let mut w = Writer {
        file: SerializedFileWriter::new(out, schema, props)?,
        treaties: treaties
            .iter()
            .map(|t| {
                (
                    ByteArray::from(t.id.0.as_str()),
                    ByteArray::from(t.untc.as_deref().unwrap_or("")),
                )
            })
            .collect(),
        states: states
            .iter()
            .map(|s| {
                (
                    ByteArray::from(s.code.as_str()),
                    ByteArray::from(s.name.as_str()),
                )
            })
            .collect(),
        periods,
        rows: Vec::with_capacity(GROUP),
    };
    let treaty_pos = |t: &Treaty| treaties.iter().position(|x| std::ptr::eq(*x, t));
    let mut current: Option<(usize, &Treaty)> = None;
    for_each_pair(engine, treaties, periods, |treaty, state, facts| {
        let t = match current {
            Some((i, c)) if std::ptr::eq(c, treaty) => i,
            _ => {
                let i = treaty_pos(treaty).unwrap_or(0);
                current = Some((i, treaty));
                i
            }
        };
        let s = states
            .iter()
            .position(|x| x.code == state.code)
            .unwrap_or(0);
        for (p, f) in facts.iter().enumerate() {
            w.rows.push(Row {
                treaty: t as u32,
                state: s as u32,
                period: p as u32,
                facts: *f,
            });
        }
        if w.rows.len() >= GROUP {
            w.flush()?;
        }
        Ok(())
    })?;
    w.flush()?;
    w.file.close()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn epoch_days_match_the_calendar() {
        assert_eq!(epoch_days(date(1970, 1, 1)), 0);
        assert_eq!(epoch_days(date(2000, 3, 1)), 11_017);
        assert_eq!(epoch_days(date(1945, 12, 31)), -8767);
        assert_eq!(epoch_days(date(2026, 3, 6)), 20_518);
    }
}
