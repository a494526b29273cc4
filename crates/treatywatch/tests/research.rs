//! The research commands end to end: import untc, --untc, export panel, changes.

use assert_cmd::Command;
use predicates::prelude::*;

/// The binary, as when piped: no `COLUMNS` from the environment that runs the tests.
fn tw() -> Command {
    let mut c = Command::cargo_bin("treatywatch").unwrap();
    c.env_remove("COLUMNS");
    c
}

fn fixtures() -> String {
    format!(
        "{}/../treatywatch-untc/tests/fixtures/untc",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn lithuania_and_the_cluster_munitions_convention() {
    for (on, status) in [
        ("2025-03-05", "withdrawal_pending"),
        ("2025-03-06", "withdrawn"),
    ] {
        tw().args([
            "status", "LTU", "--treaty", "ccm", "--on", on, "--format", "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(format!(",{on},{status},")));
    }
    tw().args([
        "status",
        "Lithuania",
        "--treaty",
        "XXVI-6",
        "--on",
        "2025-03-06",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains(
        "Withdrawal received by the depositary on 2024-09-06",
    ));
}

#[test]
fn import_reports_every_file_and_writes_a_dataset() {
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("data");
    tw().args(["import", "untc", &fixtures(), "--out"])
        .arg(&dir)
        .assert()
        .success()
        .stdout(predicate::str::contains("5 of 5 files read"))
        .stdout(predicate::str::contains("unknown suffix `Z`"))
        .stdout(predicate::str::contains(
            "European Union: an international organisation",
        ));
    assert!(dir.join("IMPORT-REPORT.md").is_file());
    tw().arg("--data").arg(&dir).arg("check").assert().success();
    tw().arg("--data")
        .arg(&dir)
        .args([
            "status", "Eswatini", "--treaty", "XXVI-5", "--format", "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("SWZ,Eswatini,apmbc"));
    // --strict makes the unresolved rows fatal.
    tw().args(["import", "untc", &fixtures(), "--strict"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--strict: 5 rows or cells"));
    tw().args(["import", "untc", &fixtures(), "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"rows_imported\""));
    tw().args(["import", "untc", "/no/such/dir"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no such file or directory"));
}

#[test]
fn untc_tables_for_one_command() {
    tw().args([
        "--untc",
        &fixtures(),
        "status",
        "DEU",
        "--treaty",
        "un-99-1",
        "--on",
        "2020-01-01",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("consent_deposited"))
    .stdout(predicate::str::contains("unknown"));
    // Without the tables, a registry treaty has rules but no participants.
    tw().args(["parties", "--treaty", "cwc"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--untc"));
}

#[test]
fn export_panel_as_csv_to_stdout() {
    tw().args([
        "export", "panel", "--treaty", "ccm", "--treaty", "apmbc", "--from", "2024", "--to",
        "2025", "--as-of", "03-06", "--format", "csv", "--out", "-",
    ])
    .assert()
    .success()
    .stdout(predicate::str::starts_with(
        "state,state_name,treaty,treaty_ref,period,date,status,",
    ))
    .stdout(predicate::str::contains(
        "LTU,Lithuania,ccm,XXVI-6,2025,2025-03-06,withdrawn,",
    ));
    tw().args([
        "export", "panel", "--all", "--from", "2024", "--to", "2025", "--format", "parquet",
        "--out", "-",
    ])
    .assert()
    .failure()
    .stderr(predicate::str::contains("only CSV"));
    tw().args([
        "export", "panel", "--treaty", "ccm", "--from", "2024", "--to", "2025", "--as-of", "13-01",
        "--format", "csv", "--out", "-",
    ])
    .assert()
    .failure()
    .stderr(predicate::str::contains("--as-of"));
}

#[test]
fn export_panel_files() {
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [("parquet", "p.parquet"), ("sqlite", "p.sqlite")] {
        let path = dir.path().join(name);
        tw().args([
            "export", "panel", "--all", "--from", "2020", "--to", "2021", "--format", format,
            "--out",
        ])
        .arg(&path)
        .assert()
        .success();
        assert!(std::fs::metadata(&path).unwrap().len() > 0);
    }
}

#[test]
fn changes_between_two_days() {
    tw().args([
        "changes",
        "--from",
        "2025-03-01",
        "--to",
        "2025-03-31",
        "--treaty",
        "ccm",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains(
        "Lithuania (LTU)  ccm: withdrawal_pending -> withdrawn",
    ))
    .stdout(predicate::str::contains(
        "rule: withdrawal received 2024-09-06 takes effect",
    ));
    tw().args([
        "changes",
        "--from",
        "2025-06-01",
        "--to",
        "2025-12-31",
        "--format",
        "csv",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains(
        "2025-12-27,EST,Estonia,apmbc,withdrawal_pending,withdrawn,",
    ));
    tw().args([
        "changes",
        "--from",
        "2025-06-01",
        "--to",
        "2025-12-31",
        "--format",
        "json",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("\"events\""));
    tw().args(["changes", "--from", "2026-01-01", "--to", "2025-01-01"])
        .assert()
        .failure();
}
