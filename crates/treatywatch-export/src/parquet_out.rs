//! The panel as Parquet, through the `parquet` crate's column writers: strings as UTF8
//! byte arrays, days as DATE, years, codes and 0/1 indicators as INT32; every column
//! dictionary- and run-length-encoded, pages compressed with zstd, the dataset's
//! identity in the key-value metadata.
//!
//! Row groups are encoded in parallel: the treaties are cut into chunks of about
//! [`GROUP`] rows, worker threads encode each chunk as a one-row-group file in memory,
//! and the chunks' column chunks are spliced into the output in order. The file is the
//! same whatever the number of threads.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::Bytes;
use jiff::civil::Date;
use parquet::basic::{Compression, ZstdLevel};
use parquet::column::writer::ColumnCloseResult;
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type};
use parquet::file::metadata::{KeyValue, ParquetMetaDataReader};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use parquet::schema::types::{ColumnPath, Type};
use treatywatch_core::{CodeSystem, Engine, Treaty};
use treatywatch_core::{ConsentKind, Status};

use crate::{Actor, ExportError, Granularity, Period, RowFacts, for_each_pair, io, metadata};

/// Rows per row group, about: a chunk of whole treaties.
const GROUP: usize = 256 * 1024;
/// Values per `write_batch` call.
const BATCH: usize = 16 * 1024;

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

/// Chunks encoded by one thread: (chunk index, a one-row-group file).
type Encoded = Vec<(usize, Vec<u8>)>;

struct Row {
    treaty: u32,
    actor: u32,
    period: u32,
    codes: [Option<u16>; 3],
    facts: RowFacts,
}

fn schema(granularity: Granularity) -> Result<Arc<Type>, ExportError> {
    let period = match granularity {
        Granularity::Year => "INT32 year",
        Granularity::Day => "INT32 day (DATE)",
    };
    let text = format!(
        "message panel {{
            REQUIRED BYTE_ARRAY state (UTF8);
            REQUIRED BYTE_ARRAY state_name (UTF8);
            OPTIONAL INT32 iso3n;
            OPTIONAL INT32 ccode;
            OPTIONAL INT32 gwcode;
            REQUIRED BYTE_ARRAY treaty (UTF8);
            REQUIRED BYTE_ARRAY treaty_name (UTF8);
            REQUIRED BYTE_ARRAY treaty_short_name (UTF8);
            REQUIRED BYTE_ARRAY treaty_ref (UTF8);
            REQUIRED {period};
            REQUIRED INT32 date (DATE);
            REQUIRED BYTE_ARRAY status (UTF8);
            OPTIONAL INT32 signed;
            OPTIONAL INT32 consented;
            OPTIONAL INT32 bound;
            OPTIONAL INT32 withdrawn;
            OPTIONAL INT32 signature_date (DATE);
            OPTIONAL INT32 consent_date (DATE);
            OPTIONAL BYTE_ARRAY consent_kind (UTF8);
            OPTIONAL INT32 entry_into_force (DATE);
            OPTIONAL INT32 withdrawal_notified (DATE);
            OPTIONAL INT32 withdrawal_effective (DATE);
            OPTIONAL INT32 known_until (DATE);
        }}"
    );
    Ok(Arc::new(parse_message_type(&text)?))
}

fn properties(kv: Option<Vec<KeyValue>>) -> Result<Arc<WriterProperties>, ExportError> {
    let mut b = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3)?))
        // Pages bounded by size only: long pages let zstd see the panel's repeats (the
        // years of each state cycle; the file is a third smaller than with 20,000-row
        // pages).
        .set_data_page_row_count_limit(usize::MAX)
        .set_statistics_enabled(EnabledStatistics::Chunk)
        .set_max_row_group_row_count(Some(usize::MAX))
        .set_key_value_metadata(kv);
    // Long names nobody filters on by range: no min/max to compute per value.
    for c in ["state_name", "treaty_name", "treaty_short_name"] {
        b = b.set_column_statistics_enabled(ColumnPath::from(c), EnabledStatistics::None);
    }
    Ok(Arc::new(b.build()))
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
    let schema = schema(granularity)?;
    // Chunks of whole treaties, about GROUP rows each.
    let per_treaty = (engine.data().states.len() + 8) * periods.len();
    let per_chunk = (GROUP / per_treaty.max(1)).max(1);
    let chunks: Vec<&[&'d Treaty]> = treaties.chunks(per_chunk).collect();
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(chunks.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let results: Vec<Result<Encoded, ExportError>> = std::thread::scope(|scope| {
        let work = || -> Result<Encoded, ExportError> {
            let mut done = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(chunk) = chunks.get(i) else {
                    return Ok(done);
                };
                done.push((i, encode_chunk(engine, chunk, periods, schema.clone())?));
            }
        };
        let handles: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = vec![work()];
        for h in handles {
            all.push(h.join().unwrap_or_else(|_| {
                Err(ExportError::Spec("a Parquet worker thread failed".into()))
            }));
        }
        all
    });
    let mut encoded: Vec<(usize, Vec<u8>)> = Vec::with_capacity(chunks.len());
    for r in results {
        encoded.extend(r?);
    }
    encoded.sort_by_key(|(i, _)| *i);
    let kv = metadata(engine.data(), treaties, periods)
        .into_iter()
        .map(|(k, v)| KeyValue::new(k, v))
        .collect();
    let mut file = SerializedFileWriter::new(out, schema, properties(Some(kv))?)?;
    for (_, bytes) in encoded {
        let bytes = Bytes::from(bytes);
        let meta = ParquetMetaDataReader::new().parse_and_finish(&bytes)?;
        for rg in meta.row_groups() {
            let mut group = file.next_row_group()?;
            for column in rg.columns() {
                group.append_column(
                    &bytes,
                    ColumnCloseResult {
                        bytes_written: column.compressed_size() as u64,
                        rows_written: rg.num_rows() as u64,
                        metadata: column.clone(),
                        bloom_filter: None,
                        column_index: None,
                        offset_index: None,
                    },
                )?;
            }
            group.close()?;
        }
    }
    file.close()?;
    Ok(())
}

/// One chunk of treaties as a Parquet file in memory with one row group (none if the
/// chunk has no rows).
fn encode_chunk<'d>(
    engine: &Engine<'d>,
    treaties: &[&'d Treaty],
    periods: &[(Period, Date)],
    schema: Arc<Type>,
) -> Result<Vec<u8>, ExportError> {
    let mut rows: Vec<Row> = Vec::new();
    let mut actors: Vec<Actor<'d>> = Vec::new();
    for_each_pair(engine, treaties, periods, |ti, _, actor, facts| {
        let a = match actors.iter().position(|x| x.id == actor.id) {
            Some(a) => a,
            None => {
                actors.push(actor.clone());
                actors.len() - 1
            }
        };
        for (p, f) in facts.iter().enumerate() {
            let Some(f) = f else { continue };
            let codes = CodeSystem::ALL.map(|s| actor.code(s, periods[p].1));
            rows.push(Row {
                treaty: ti as u32,
                actor: a as u32,
                period: p as u32,
                codes,
                facts: *f,
            });
        }
        Ok(())
    })?;
    let mut buf: Vec<u8> = Vec::new();
    let mut file = SerializedFileWriter::new(&mut buf, schema, properties(None)?)?;
    if !rows.is_empty() {
        write_group(&mut file, &rows, treaties, &actors, periods)?;
    }
    file.close()?;
    Ok(buf)
}

fn write_group<W: Write + Send>(
    file: &mut SerializedFileWriter<W>,
    rows: &[Row],
    treaties: &[&Treaty],
    actors: &[Actor<'_>],
    periods: &[(Period, Date)],
) -> Result<(), ExportError> {
    let treaty_text: Vec<[ByteArray; 4]> = treaties
        .iter()
        .map(|t| {
            [
                ByteArray::from(t.id.as_str()),
                ByteArray::from(t.name.as_str()),
                ByteArray::from(t.short_name.as_str()),
                ByteArray::from(t.untc.as_deref().unwrap_or("")),
            ]
        })
        .collect();
    let actor_text: Vec<[ByteArray; 2]> = actors
        .iter()
        .map(|a| {
            [
                ByteArray::from(a.id.as_str()),
                ByteArray::from(a.name.as_str()),
            ]
        })
        .collect();
    // Every status and consent kind once; rows share them.
    let statuses: Vec<(&str, ByteArray)> = Status::ALL
        .iter()
        .map(|s| s.as_str())
        .chain(["consented", "unknown"])
        .map(|s| (s, ByteArray::from(s)))
        .collect();
    let status_text = |s: &str| -> ByteArray {
        statuses
            .iter()
            .find(|(x, _)| *x == s)
            .map_or_else(|| ByteArray::from(s), |(_, b)| b.clone())
    };
    let kinds: Vec<ByteArray> = ConsentKind::ALL
        .iter()
        .map(|k| ByteArray::from(k.as_str()))
        .collect();
    let kind_text = |k: ConsentKind| -> ByteArray {
        ConsentKind::ALL
            .iter()
            .position(|x| *x == k)
            .map_or_else(|| ByteArray::from(k.as_str()), |i| kinds[i].clone())
    };
    let mut group = file.next_row_group()?;
    let mut index = 0;
    while let Some(mut col) = group.next_column()? {
        for chunk in rows.chunks(BATCH) {
            // An optional INT32 column from `pick`.
            let optional = |col: &mut parquet::file::writer::SerializedColumnWriter<'_>,
                            pick: &dyn Fn(&Row) -> Option<i32>|
             -> Result<(), ExportError> {
                let mut values = Vec::with_capacity(chunk.len());
                let mut levels = Vec::with_capacity(chunk.len());
                for r in chunk {
                    let v = pick(r);
                    levels.push(i16::from(v.is_some()));
                    values.extend(v);
                }
                col.typed::<Int32Type>()
                    .write_batch(&values, Some(&levels), None)?;
                Ok(())
            };
            match index {
                0 | 1 | 5..=8 | 11 => {
                    let values: Vec<ByteArray> = chunk
                        .iter()
                        .map(|r| match index {
                            0 | 1 => actor_text[r.actor as usize][index].clone(),
                            5..=8 => treaty_text[r.treaty as usize][index - 5].clone(),
                            _ => status_text(r.facts.status.as_str()),
                        })
                        .collect();
                    col.typed::<ByteArrayType>()
                        .write_batch(&values, None, None)?;
                }
                2..=4 => optional(&mut col, &|r| r.codes[index - 2].map(i32::from))?,
                9 | 10 => {
                    let values: Vec<i32> = chunk
                        .iter()
                        .map(|r| {
                            let (p, d) = periods[r.period as usize];
                            match (index, p) {
                                (9, Period::Year(y)) => i32::from(y),
                                (9, Period::Day(day)) => epoch_days(day),
                                _ => epoch_days(d),
                            }
                        })
                        .collect();
                    col.typed::<Int32Type>().write_batch(&values, None, None)?;
                }
                12..=15 => optional(&mut col, &|r| {
                    r.facts.status.indicators(&r.facts.facts)[index - 12].map(i32::from)
                })?,
                18 => {
                    let mut values = Vec::new();
                    let mut levels = Vec::with_capacity(chunk.len());
                    for r in chunk {
                        let k = r.facts.facts.consent_kind;
                        levels.push(i16::from(k.is_some()));
                        values.extend(k.map(kind_text));
                    }
                    col.typed::<ByteArrayType>()
                        .write_batch(&values, Some(&levels), None)?;
                }
                22 => optional(&mut col, &|r| {
                    treaties[r.treaty as usize].known_until.map(epoch_days)
                })?,
                _ => {
                    let i = index;
                    optional(&mut col, &|r| {
                        let f = &r.facts.facts;
                        match i {
                            16 => f.signed,
                            17 => f.consent_deposited,
                            19 => f.entry_into_force,
                            20 => f.withdrawal_notified,
                            _ => f.withdrawal_effective,
                        }
                        .map(epoch_days)
                    })?
                }
            }
        }
        col.close()?;
        index += 1;
    }
    group.close()?;
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
