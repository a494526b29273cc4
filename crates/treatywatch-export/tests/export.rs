//! The panel in each format, on the embedded dataset.

use jiff::civil::date;
use parquet::file::reader::{FileReader, SerializedFileReader};
use treatywatch_core::{Engine, Treaty};
use treatywatch_export::{COLUMNS, Granularity, Period, periods};

fn setup() -> treatywatch_core::Dataset {
    treatywatch_data::embedded().unwrap()
}

fn curated(data: &treatywatch_core::Dataset) -> Vec<&Treaty> {
    vec![data.treaty("apmbc").unwrap(), data.treaty("ccm").unwrap()]
}

/// Rows a panel has per treaty: one per actor and period while the actor exists.
fn rows_per_treaty(engine: &Engine<'_>, p: &[(Period, jiff::civil::Date)]) -> usize {
    treatywatch_export::actors(engine)
        .iter()
        .map(|a| p.iter().filter(|(_, d)| a.exists(*d)).count())
        .sum()
}

#[test]
fn csv_has_the_documented_columns_and_one_row_per_state_treaty_and_year() {
    let data = setup();
    let engine = Engine::new(&data);
    let p = periods(2024, 2026, Granularity::Year, (3, 6)).unwrap();
    let mut out = Vec::new();
    treatywatch_export::write_csv(&mut out, &engine, &curated(&data), &p).unwrap();
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
    assert_eq!(lines.next().unwrap(), header.join(","));
    assert_eq!(lines.clone().count(), 197 * 2 * 3);
    let ltu: Vec<&str> = lines
        .filter(|l| l.starts_with("LTU,Lithuania,440,368,368,ccm,"))
        .collect();
    let common = "LTU,Lithuania,440,368,368,ccm,Convention on Cluster Munitions,Convention on Cluster Munitions,XXVI-6";
    assert_eq!(
        ltu,
        [
            format!(
                "{common},2024,2024-03-06,party,1,1,1,0,2008-12-03,2011-03-24,ratification,2011-09-01,,,"
            ),
            format!(
                "{common},2025,2025-03-06,withdrawn,1,0,0,1,2008-12-03,2011-03-24,ratification,2011-09-01,2024-09-06,2025-03-06,"
            ),
            format!(
                "{common},2026,2026-03-06,withdrawn,1,0,0,1,2008-12-03,2011-03-24,ratification,2011-09-01,2024-09-06,2025-03-06,"
            ),
        ]
    );
    // Names with commas are quoted.
    assert!(!text.contains(",Korea, "));
}

#[test]
fn daily_panels_have_one_row_per_day() {
    let data = setup();
    let engine = Engine::new(&data);
    let p = periods(2025, 2025, Granularity::Day, (12, 31)).unwrap();
    assert_eq!(p[64], (Period::Day(date(2025, 3, 6)), date(2025, 3, 6)));
    let mut out = Vec::new();
    let ccm = vec![data.treaty("ccm").unwrap()];
    treatywatch_export::write_csv(&mut out, &engine, &ccm, &p).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 1 + 197 * 365);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .contains(",treaty_ref,day,date,")
    );
    assert!(text.contains("XXVI-6,2025-03-05,2025-03-05,withdrawal_pending,1,1,1,0,"));
    assert!(text.contains("XXVI-6,2025-03-06,2025-03-06,withdrawn,1,0,0,1,"));
}

#[test]
fn parquet_reads_back_with_the_same_columns_and_rows() {
    let data = setup();
    let engine = Engine::new(&data);
    let p = periods(1997, 2026, Granularity::Year, (12, 31)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("panel.parquet");
    treatywatch_export::write_parquet(&path, &engine, &curated(&data), &p, Granularity::Year)
        .unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let meta = reader.metadata();
    assert_eq!(
        meta.file_metadata().num_rows() as usize,
        2 * rows_per_treaty(&engine, &p)
    );
    // The dataset's identity is in the key-value metadata.
    let kv = meta.file_metadata().key_value_metadata().unwrap();
    let get = |k: &str| {
        kv.iter()
            .find(|x| x.key == k)
            .and_then(|x| x.value.clone())
            .unwrap()
    };
    assert_eq!(get("treatywatch.dataset.version"), data.identity().version);
    assert_eq!(get("treatywatch.dataset.license"), "CC-BY-4.0");
    assert!(format!("{:?}", meta.row_group(0).column(0).compression()).contains("ZSTD"));
    let names: Vec<&str> = meta
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name())
        .collect();
    let expected: Vec<&str> = COLUMNS.iter().map(|(c, _)| *c).collect();
    assert_eq!(names, expected);
    let rows: Vec<String> = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| r.unwrap().to_string())
        .filter(|r| r.contains("\"FIN\"") && r.contains("\"apmbc\"") && r.contains("year: 2026,"))
        .collect();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].contains("withdrawn"), "{}", rows[0]);
}

#[test]
fn sqlite_holds_the_dataset_and_the_panel_and_answers_joins() {
    let data = setup();
    let engine = Engine::new(&data);
    let p = periods(2020, 2026, Granularity::Year, (12, 31)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("panel.sqlite");
    treatywatch_export::write_sqlite(&path, &data, &engine, &curated(&data), &p).unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM states"), 197);
    assert_eq!(
        count("SELECT count(*) FROM panel") as usize,
        2 * rows_per_treaty(&engine, &p)
    );
    assert_eq!(
        count("SELECT count(*) FROM metadata WHERE key = 'treatywatch.dataset.version'"),
        1
    );
    assert_eq!(
        count("SELECT count(*) FROM actions"),
        data.actions.len() as i64
    );
    // Who left the Mine Ban Treaty in 2025, with the sources of their withdrawals?
    let mut st = db
        .prepare(
            "SELECT p.state, s.name, src.url FROM panel p
             JOIN states s ON s.code = p.state
             JOIN actions a ON a.state = p.state AND a.treaty = p.treaty AND a.action = 'withdrawal'
             JOIN action_sources x ON x.action = a.id
             JOIN sources src ON src.id = x.source
             WHERE p.treaty = 'apmbc' AND p.year = 2025 AND p.status = 'withdrawn'
             ORDER BY p.state",
        )
        .unwrap();
    let rows: Vec<(String, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let states: std::collections::BTreeSet<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    assert_eq!(
        states,
        std::collections::BTreeSet::from(["EST", "LTU", "LVA"])
    );
    assert!(rows.iter().all(|r| r.2.starts_with("http")));
    assert!(count("SELECT count(*) FROM sqlite_master WHERE type = 'index'") >= 5);
    assert_eq!(count("SELECT count(*) FROM entities WHERE id = 'EU'"), 1);
}

/// The in-memory writers (for downloads) give the same files as the file writers.
#[test]
fn in_memory_exports_equal_the_files() {
    let data = setup();
    let engine = Engine::new(&data);
    let p = periods(2024, 2026, Granularity::Year, (12, 31)).unwrap();
    let treaties = curated(&data);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("panel.parquet");
    treatywatch_export::write_parquet(&path, &engine, &treaties, &p, Granularity::Year).unwrap();
    let mut bytes = Vec::new();
    treatywatch_export::write_parquet_to(&mut bytes, &engine, &treaties, &p, Granularity::Year)
        .unwrap();
    assert_eq!(bytes, std::fs::read(&path).unwrap());

    let bytes = treatywatch_export::sqlite_bytes(&data, &engine, &treaties, &p).unwrap();
    assert!(bytes.starts_with(b"SQLite format 3\0"));
    let path = dir.path().join("from-memory.sqlite");
    std::fs::write(&path, &bytes).unwrap();
    let db = rusqlite::Connection::open(&path).unwrap();
    let count = |sql: &str| -> i64 { db.query_row(sql, [], |r| r.get(0)).unwrap() };
    assert_eq!(count("SELECT count(*) FROM panel"), 197 * 2 * 3);
    assert_eq!(count("SELECT count(*) FROM states"), 197);
    assert!(count("SELECT count(*) FROM sqlite_master WHERE type = 'index'") >= 5);
    assert_eq!(
        db.query_row(
            "SELECT status FROM panel WHERE state = 'FIN' AND treaty = 'apmbc' AND year = 2026",
            [],
            |r| r.get::<_, String>(0)
        )
        .unwrap(),
        "withdrawn"
    );
}
