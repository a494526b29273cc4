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
        "state,state_name,iso3n,ccode,gwcode,treaty,treaty_name,treaty_short_name,treaty_ref,year,date,status,",
    ))
    .stdout(predicate::str::contains(
        "XXVI-6,2025,2025-03-06,withdrawn,1,0,0,1,",
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

// ---- Issue 11: merging that never loses a fact, snapshots bounded by their date, the
// panel in the field's conventions. A small excerpt of the UN tables ships with the
// repository (tests/fixtures/untc-research: ICCPR, CTBT and CCM rows; the CCM table's
// Lithuanian signature is planted a day late, to be reported); the same checks run on
// ../shared/data/untc-2015 when it is there.

fn research_fixtures() -> String {
    format!(
        "{}/tests/fixtures/untc-research",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn shared_untc() -> Option<String> {
    let dir = std::env::var("TREATYWATCH_UNTC").unwrap_or_else(|_| {
        format!(
            "{}/../../../shared/data/untc-2015",
            env!("CARGO_MANIFEST_DIR")
        )
    });
    std::path::Path::new(&dir)
        .join("index.csv")
        .is_file()
        .then_some(dir)
}

fn untc_sources() -> Vec<String> {
    let mut v = vec![research_fixtures()];
    v.extend(shared_untc());
    v
}

const CAPTURED: &str = "2013-01-01/2015-12-31";

#[test]
fn untc_keeps_the_curated_withdrawals_and_says_so() {
    for untc in untc_sources() {
        let run = |args: &[&str]| {
            tw().args(["--untc", &untc, "--untc-captured", CAPTURED])
                .args(args)
                .assert()
                .success()
                .stderr(predicate::str::contains("kept the curated record of"))
        };
        run(&["status", "POL", "--on", "2026-06-01", "--format", "csv"])
            .stdout(predicate::str::contains(",2026-06-01,withdrawn,"));
        run(&[
            "status",
            "LTU",
            "--treaty",
            "ccm",
            "--on",
            "2025-06-01",
            "--format",
            "csv",
        ])
        .stdout(predicate::str::contains(",2025-06-01,withdrawn,"));
        let out = tempfile::tempdir().unwrap();
        let path = out.path().join("panel.csv");
        tw().args(["--untc", &untc, "--untc-captured", CAPTURED])
            .args([
                "export",
                "panel",
                "--treaty",
                "apmbc",
                "--treaty",
                "Cluster Munitions",
                "--from",
                "2026",
                "--to",
                "2026",
                "--format",
                "csv",
                "--out",
            ])
            .arg(&path)
            .assert()
            .success();
        let text = std::fs::read_to_string(&path).unwrap();
        let withdrawn = |id: &str, treaty: &str| {
            text.lines().any(|l| {
                l.starts_with(&format!("{id},"))
                    && l.contains(&format!(",{treaty},"))
                    && l.contains(",withdrawn,1,0,0,1,")
            })
        };
        assert!(withdrawn("POL", "apmbc"), "{untc}");
        assert!(withdrawn("LTU", "ccm"), "{untc}");
        assert!(out.path().join("panel.metadata.json").is_file());
    }
}

#[test]
fn the_reconcile_report_lists_every_difference() {
    tw().args([
        "import",
        "untc",
        &research_fixtures(),
        "--reconcile",
        "--captured",
        CAPTURED,
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("Reconcile:"))
    .stdout(predicate::str::contains(
        "LTU signature: the curated record says 2008-12-03, the table 2008-12-04; kept 2008-12-03",
    ));
    if let Some(untc) = shared_untc() {
        tw().args([
            "import",
            "untc",
            &untc,
            "--reconcile",
            "--captured",
            CAPTURED,
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "apmbc (26-5.csv): 294 actions agree, 0 differences",
        ))
        .stdout(predicate::str::contains(
            "ccm (26-6.csv): 195 actions agree, 0 differences",
        ));
    }
}

#[test]
fn after_a_snapshot_the_status_is_unknown_never_confident() {
    for untc in untc_sources() {
        let out = tw()
            .args(["--untc", &untc, "--untc-captured", CAPTURED])
            .args([
                "status",
                "RUS",
                "--treaty",
                "ctbt",
                "--on",
                "2024-01-01",
                "--format",
                "json",
            ])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let j: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(j[0]["status"], "unknown", "{untc}");
        assert_eq!(j[0]["last_known_status"], "consent_deposited", "{untc}");
        let k = j[0]["known_until"].as_str().unwrap();
        assert!(("2013-01-01".."2024-01-01").contains(&k), "{k}");
        // The same day inside the record is a confident answer.
        tw().args(["--untc", &untc, "--untc-captured", CAPTURED])
            .args([
                "status",
                "RUS",
                "--treaty",
                "ctbt",
                "--on",
                "2010-01-01",
                "--format",
                "csv",
            ])
            .assert()
            .success()
            .stdout(predicate::str::contains(",2010-01-01,consent_deposited,"));
        // Counts after the record are the last known ones, and say as of when.
        let out = tw()
            .args(["--untc", &untc, "--untc-captured", CAPTURED])
            .args([
                "parties",
                "--treaty",
                "ctbt",
                "--on",
                "2024-01-01",
                "--format",
                "json",
            ])
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "every status on 2024-01-01 is unknown",
            ))
            .get_output()
            .stdout
            .clone();
        let j: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(j["known_until"], serde_json::json!(k));
        assert!(
            j["states"]
                .as_array()
                .unwrap()
                .iter()
                .all(|s| s["status"] == "unknown")
        );
        // The table view says unknown too.
        tw().args(["--untc", &untc, "--untc-captured", CAPTURED])
            .args(["status", "RUS", "--treaty", "XXVI-4", "--on", "2024-01-01"])
            .assert()
            .success()
            .stdout(predicate::str::contains(
                "Russian Federation (RUS): unknown",
            ));
    }
}

fn panel(untc: &str, treaty: &str, from: &str, to: &str) -> Vec<Vec<String>> {
    let out = tw()
        .args(["--untc", untc, "--untc-captured", CAPTURED])
        .args([
            "export", "panel", "--treaty", treaty, "--from", from, "--to", to,
        ])
        .args(["--format", "csv", "--out", "-"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut r = csv::Reader::from_reader(out.as_slice());
    r.records()
        .map(|x| x.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn the_iccpr_panel_follows_the_field_and_reaches_bound() {
    for untc in untc_sources() {
        // Columns: state 0, iso3n 2, ccode 3, gwcode 4, treaty 5, year 9, status 11,
        // signed 12, consented 13, bound 14, withdrawn 15, known_until 22.
        let rows = panel(
            &untc,
            "International Covenant on Civil and Political Rights",
            "1985",
            "2015",
        );
        let usa = |y: &str| {
            rows.iter()
                .find(|r| r[0] == "USA" && r[9] == y)
                .unwrap()
                .clone()
        };
        assert_eq!(usa("1991")[11], "signatory");
        assert_eq!(&usa("1993")[11..16], ["party", "1", "1", "1", "0"]);
        assert_eq!(
            (usa("1993")[2].as_str(), usa("1993")[3].as_str()),
            ("840", "2")
        );
        assert_eq!(usa("1993")[5], "iccpr");
        // South Sudan has no rows before 2011; Czechoslovakia has rows to 1992, its
        // status unknown (the tables give a former state's actions in footnotes).
        let years = |id: &str| -> Vec<i32> {
            rows.iter()
                .filter(|r| r[0] == id)
                .map(|r| r[9].parse().unwrap())
                .collect()
        };
        assert_eq!(years("SSD").first(), Some(&2011));
        assert_eq!(years("CSK").last(), Some(&1992));
        assert_eq!(years("CSK").first(), Some(&1985));
        assert!(years("CZE").iter().all(|y| *y >= 1993));
        let csk = rows.iter().find(|r| r[0] == "CSK").unwrap();
        assert_eq!(
            (csk[3].as_str(), csk[11].as_str(), csk[14].as_str()),
            ("315", "unknown", "")
        );
        // The USSR's rows carry the actions the tables list under the Russian
        // Federation; the Russian Federation's rows start on 1991-12-26.
        assert!(
            rows.iter()
                .any(|r| r[0] == "SUN" && r[9] == "1990" && r[11] == "party")
        );
        assert_eq!(years("RUS").first(), Some(&1991));
        // A succession under a rule not recorded: consented, bound left empty.
        let cze = rows
            .iter()
            .find(|r| r[0] == "CZE" && r[9] == "1994")
            .unwrap();
        assert_eq!(&cze[11..16], ["consented", "0", "1", "", "0"]);
        // Germany's COW code changes with unification.
        let all = panel(&untc, "iccpr", "1989", "1991");
        let deu = |y: &str| {
            all.iter()
                .find(|r| r[0] == "DEU" && r[9] == y)
                .map(|r| r[3].clone())
        };
        assert_eq!(deu("1989").as_deref(), Some("260"));
        assert_eq!(deu("1990").as_deref(), Some("255"));
        assert!(all.iter().any(|r| r[0] == "DDR" && r[9] == "1989"));
        assert!(!all.iter().any(|r| r[0] == "DDR" && r[9] == "1990"));
    }
}

#[test]
fn treaties_are_found_by_any_name_and_listed() {
    for name in [
        "Ottawa Convention",
        "Mine Ban Treaty",
        "mine-ban treaty",
        "XXVI.5",
        "xxvi-5",
    ] {
        tw().args([
            "status",
            "FIN",
            "--treaty",
            name,
            "--on",
            "2026-03-01",
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains(",apmbc,2026-03-01,withdrawn,"));
    }
    tw().args(["status", "FIN", "--treaty", "Otawa Convention"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("did you mean"))
        .stderr(predicate::str::contains("apmbc"));
    tw().args(["treaties"])
        .assert()
        .success()
        .stdout(predicate::str::contains("apmbc"))
        .stdout(predicate::str::contains("curated"))
        .stdout(predicate::str::contains("iccpr"));
    tw().args([
        "--untc",
        &research_fixtures(),
        "--untc-captured",
        CAPTURED,
        "treaties",
        "--format",
        "json",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("\"record\": \"imported\""));
}
