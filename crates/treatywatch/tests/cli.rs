//! The command line, end to end, on the embedded dataset.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

/// The binary, as when piped: no `COLUMNS` from the environment that runs the tests.
fn tw() -> Command {
    let mut c = Command::cargo_bin("treatywatch").unwrap();
    c.env_remove("COLUMNS");
    c
}

fn json(args: &[&str]) -> Value {
    let out = tw()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn status_json_follows_the_contract() {
    let v = json(&["status", "FIN", "--on", "2026-01-09", "--format", "json"]);
    let list = v.as_array().unwrap();
    assert_eq!(list.len(), 1);
    let s = &list[0];
    let keys: Vec<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "dataset",
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
            "sources",
            "evidence"
        ]
    );
    assert_eq!(s["state"], "FIN");
    assert_eq!(s["name"], "Finland");
    assert_eq!(s["treaty"], "apmbc");
    assert_eq!(s["on"], "2026-01-09");
    assert_eq!(s["status"], "withdrawal_pending");
    assert_eq!(s["signed"], Value::Null);
    assert_eq!(s["consent_deposited"], "2012-01-09");
    assert_eq!(s["consent_kind"], "accession");
    assert_eq!(s["entry_into_force"], "2012-07-01");
    assert_eq!(s["withdrawal_notified"], "2025-07-10");
    assert_eq!(s["withdrawal_effective"], "2026-01-10");
    for src in s["sources"].as_array().unwrap() {
        let keys: Vec<&str> = src
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["title", "publisher", "date", "url"]);
        assert!(src["url"].as_str().unwrap().starts_with("http"));
    }
    let v = json(&["status", "fin", "--on", "2026-01-10", "--format", "json"]);
    assert_eq!(v[0]["status"], "withdrawn");
}

#[test]
fn status_json_snapshot() {
    let out = tw()
        .args([
            "status",
            "Finland",
            "--on",
            "2026-01-09",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    // The dataset's identity (its digest changes with any edit of the data) is checked
    // apart; the snapshot is the status itself.
    let mut v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let id = v[0]
        .as_object_mut()
        .unwrap()
        .shift_remove("dataset")
        .unwrap();
    assert_eq!(id["title"], "treatywatch dataset");
    assert_eq!(id["digest"].as_str().unwrap().len(), 16);
    insta::assert_snapshot!(
        "status_fin_2026_01_09",
        serde_json::to_string_pretty(&v).unwrap() + "\n"
    );
}

#[test]
fn names_in_any_case_and_form() {
    let v = json(&[
        "status",
        "Türkiye",
        "Turkey",
        "tur",
        "Swaziland",
        "Cabo Verde",
        "--on",
        "2026-01-01",
        "--format",
        "json",
    ]);
    let codes: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["TUR", "SWZ", "CPV"]);
}

#[test]
fn ukraine_is_a_party_with_its_suspension_noted() {
    let v = json(&[
        "status",
        "Ukraine",
        "--on",
        "2026-03-01",
        "--format",
        "json",
    ]);
    assert_eq!(v[0]["status"], "party");
    let notes = v[0]["notes"].to_string();
    assert!(notes.contains("suspends the treaty"), "{notes}");
    assert!(notes.contains("no suspension clause"), "{notes}");
}

#[test]
fn parties_json_has_counts_for_every_status() {
    let v = json(&["parties", "--on", "2026-03-01", "--format", "json"]);
    assert_eq!(v["treaty"], "apmbc");
    assert_eq!(v["on"], "2026-03-01");
    let counts = v["counts"].as_object().unwrap();
    let keys: Vec<&str> = counts.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "not_signatory",
            "signatory",
            "consent_deposited",
            "party",
            "withdrawal_pending",
            "withdrawn"
        ]
    );
    assert_eq!(counts["party"], 161);
    assert_eq!(counts["withdrawn"], 5);
    let total: u64 = counts.values().map(|n| n.as_u64().unwrap()).sum();
    assert_eq!(total, 197);
    assert_eq!(v["states"].as_array().unwrap().len(), 197);
}

#[test]
fn parties_filtered_by_status() {
    let v = json(&[
        "parties",
        "--on",
        "2026-03-01",
        "--status",
        "withdrawn",
        "--format",
        "json",
    ]);
    let codes: Vec<&str> = v["states"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["state"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["EST", "FIN", "LTU", "LVA", "POL"]);
    assert_eq!(v["counts"]["party"], 161);
}

#[test]
fn parties_table_is_aligned() {
    let out = tw()
        .args(["parties", "--on", "2026-03-01"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("on 2026-03-01: 197 states"), "{text}");
    let party_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("party "))
        .unwrap();
    assert!(party_line.trim_end().ends_with("161"), "{party_line}");
    // Every row of the state table starts its STATUS column at the same place.
    let rows: Vec<&str> = text.lines().skip_while(|l| !l.contains("NAME")).collect();
    // Columns are counted in characters: names such as Côte d'Ivoire are not ASCII.
    let col = rows[0].find("STATUS").unwrap(); // the header is ASCII
    assert_eq!(rows.len(), 198);
    for r in &rows[1..] {
        let rest: String = r.chars().skip(col).collect();
        let word = rest.split_whitespace().next().unwrap();
        assert!(
            [
                "party",
                "withdrawn",
                "not_signatory",
                "signatory",
                "consent_deposited",
                "withdrawal_pending"
            ]
            .contains(&word),
            "{r}"
        );
    }
}

#[test]
fn csv_output_reads_back() {
    let out = tw()
        .args(["parties", "--on", "2025-12-27", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let mut r = csv::Reader::from_reader(out.as_slice());
    let headers = r.headers().unwrap().clone();
    assert_eq!(&headers[0], "state");
    assert_eq!(&headers[4], "status");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 197);
    let fin = rows.iter().find(|r| &r[0] == "FIN").unwrap();
    assert_eq!(&fin[4], "withdrawal_pending");
    let est = rows.iter().find(|r| &r[0] == "EST").unwrap();
    assert_eq!(&est[4], "withdrawn");
}

#[test]
fn timeline_lines_carry_sources() {
    let out = tw()
        .args(["timeline", "POL"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let line = |start: &str| {
        text.lines()
            .find(|l| l.trim_start().starts_with(start))
            .unwrap_or_else(|| panic!("no line starting {start}:\n{text}"))
            .to_string()
    };
    assert!(line("1997-12-04").contains("Poland signs the Mine Ban Treaty [1]"));
    assert!(line("2012-12-27").contains("instrument of ratification deposited [1]"));
    let eif = line("2013-06-01");
    assert!(
        eif.contains(" rule ") && eif.contains("enters into force for Poland"),
        "{eif}"
    );
    assert!(line("2025-08-20").contains("withdrawal received by the depositary"));
    let effect = line("2026-02-20");
    assert!(
        effect.contains(" rule ") && effect.contains("takes effect (Art. 20)"),
        "{effect}"
    );
    // Every dated line cites numbered sources, and every number is listed.
    let listed = text.lines().filter(|l| l.starts_with('[')).count();
    for l in text
        .lines()
        .filter(|l| l.trim_start().starts_with(['1', '2']))
    {
        let refs = &l[l.rfind('[').unwrap() + 1..l.rfind(']').unwrap()];
        for n in refs.split(", ") {
            let n: usize = n.parse().unwrap();
            assert!(n >= 1 && n <= listed, "{l}");
        }
    }
    assert!(
        text.contains("[1] Status of Treaties, Chapter XXVI.5"),
        "{text}"
    );
    assert!(
        text.lines().all(|l| !l.ends_with(' ')),
        "no trailing spaces"
    );
    let v = json(&["timeline", "POL", "--format", "json"]);
    let events = v["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .all(|e| !e["sources"].as_array().unwrap().is_empty())
    );
    assert_eq!(events.iter().filter(|e| e["derived"] == true).count(), 2);
}

#[test]
fn an_unknown_state_suggests_the_closest_names() {
    tw().args(["status", "Finlnd"])
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown state `Finlnd`: did you mean Finland (FIN)",
        ));
    tw().args(["status", "Korea"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("(KOR)").and(predicate::str::contains("(PRK)")));
}

#[test]
fn a_malformed_date_says_the_expected_form() {
    tw().args(["status", "FIN", "--on", "9/1/2026"])
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains(
            "--on: `9/1/2026` is not a date: expected the form YYYY-MM-DD",
        ));
    tw().args(["parties", "--on", "2026-02-30"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not a real day"));
}

#[test]
fn an_unknown_treaty_or_status() {
    tw().args(["status", "FIN", "--treaty", "nope"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "unknown treaty `nope`: known treaties are",
        ))
        .stderr(predicate::str::contains("apmbc (XXVI-5)"))
        .stderr(predicate::str::contains(
            "`treatywatch treaties` lists them all",
        ));
    tw().args(["parties", "--status", "member"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("expected one of not_signatory"));
}

#[test]
fn the_un_reference_is_a_treaty_alias() {
    let v = json(&[
        "status",
        "FIN",
        "--treaty",
        "XXVI-5",
        "--on",
        "2020-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(v[0]["treaty"], "apmbc");
    assert_eq!(v[0]["status"], "party");
}

#[test]
fn check_passes_on_the_embedded_dataset() {
    tw().arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains("0 error(s)"));
}

fn copy_data(to: &std::path::Path) {
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    for entry in walk(&from) {
        let rel = entry.strip_prefix(&from).unwrap();
        let dest = to.join(rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(&entry, &dest).unwrap();
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn check_reports_a_broken_copy_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let actions = dir.path().join("actions/apmbc.csv");
    let text = std::fs::read_to_string(&actions).unwrap();
    let broken = text.replacen("FIN,accession,2012-01-09", "FIN,accession,2012-13-09", 1);
    assert_ne!(text, broken);
    std::fs::write(&actions, &broken).unwrap();
    let line = broken
        .lines()
        .position(|l| l.starts_with("FIN,accession"))
        .unwrap()
        + 1;
    let expected =
        format!("error: actions/apmbc.csv:{line}: field `date`: `2012-13-09` is not a real day");
    tw().args(["check", "--data"])
        .arg(dir.path())
        .assert()
        .failure()
        .code(1)
        .stdout(predicate::str::contains(expected));
    // Other commands refuse a broken copy too, pointing at `check`.
    tw().args(["status", "FIN", "--data"])
        .arg(dir.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("treatywatch check --data"));
}

#[test]
fn data_reads_an_edited_copy() {
    let dir = tempfile::tempdir().unwrap();
    copy_data(dir.path());
    let actions = dir.path().join("actions/apmbc.csv");
    let mut text = std::fs::read_to_string(&actions).unwrap();
    text.push_str(
        "FIN,withdrawal_retracted,2025-12-01,censor-2025-07-11-finland-notifies-un,a test edit\n",
    );
    std::fs::write(&actions, text).unwrap();
    let out = tw()
        .args([
            "status",
            "FIN",
            "--on",
            "2026-02-01",
            "--format",
            "json",
            "--data",
        ])
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v[0]["status"], "party");
}

#[test]
fn a_missing_data_directory() {
    tw().args(["status", "FIN", "--data", "/nonexistent/dir"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a directory"));
}

#[test]
fn deadlines_overdue_on_2020_01_01() {
    let v = json(&[
        "deadlines",
        "--overdue",
        "--on",
        "2020-01-01",
        "--format",
        "json",
    ]);
    assert_eq!(v["overdue"], true);
    assert_eq!(v["to"], "2020-01-01");
    let list = v["deadlines"].as_array().unwrap();
    let got: Vec<(&str, &str)> = list
        .iter()
        .map(|d| {
            (
                d["state"].as_str().unwrap(),
                d["obligation"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("GRC", "stockpile_destruction"),
            ("UKR", "stockpile_destruction"),
            ("NGA", "clearance"),
            ("CMR", "clearance")
        ]
    );
    for d in list {
        assert_eq!(d["status"], "overdue");
        assert!(
            d["reason"]
                .as_str()
                .unwrap()
                .contains("no completion is recorded")
        );
        assert!(!d["sources"].as_array().unwrap().is_empty());
    }
    // The table names the reason and numbers the sources.
    let out = tw()
        .args(["deadlines", "--overdue", "--on", "2020-01-01"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("4 overdue deadlines"), "{text}");
    assert!(
        text.contains("GRC Greece") && text.contains("UKR Ukraine"),
        "{text}"
    );
    assert!(text.contains("Sources:\n[1] "), "{text}");
}

#[test]
fn deadlines_for_oman() {
    let v = json(&["deadlines", "--state", "Oman", "--format", "json"]);
    let find = |o: &str| {
        v["deadlines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["obligation"] == o)
            .unwrap()
            .clone()
    };
    assert_eq!(find("initial_report")["due"], "2015-07-31");
    assert_eq!(find("stockpile_destruction")["due"], "2019-02-01");
    assert_eq!(find("stockpile_destruction")["status"], "completed");
    tw().args(["deadlines", "--from", "2030-01-01", "--to", "2020-01-01"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--from 2030-01-01 is after --to 2020-01-01",
        ));
}

#[test]
fn known_on_finland_on_5_july_2025() {
    let v = json(&[
        "status",
        "FIN",
        "--known-on",
        "2025-07-05",
        "--format",
        "json",
    ]);
    let s = &v[0];
    assert_eq!(s["on"], "2025-07-05");
    assert_eq!(s["status"], "party");
    assert_eq!(s["withdrawal_effective"], Value::Null);
    let steps: Vec<&str> = s["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["step"].as_str().unwrap())
        .collect();
    assert!(steps.contains(&"parliament_vote"), "{steps:?}");
    for e in s["evidence"].as_array().unwrap() {
        assert!(e["legal_effect"].as_str().unwrap().starts_with("none"));
        assert!(!e["sources"].as_array().unwrap().is_empty());
    }
    let v = json(&["parties", "--known-on", "2025-07-05", "--format", "json"]);
    assert_eq!(v["counts"]["withdrawal_pending"], 3);
    tw().args(["status", "FIN", "--known-on", "5 July"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "--known-on: `5 July` is not a date",
        ));
}

#[test]
fn timeline_marks_evidence_and_records() {
    let out = tw()
        .args(["timeline", "LTU"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let vote = text
        .lines()
        .find(|l| l.contains("Seimas"))
        .expect("the Seimas vote");
    assert!(vote.contains(" evidence "), "{vote}");
    assert!(vote.contains("not a legal act"), "{vote}");
    assert!(
        text.lines()
            .any(|l| l.contains(" record ") && l.contains("intent announced")),
        "{text}"
    );
    let v = json(&["timeline", "LTU", "--format", "json"]);
    let classes: Vec<&str> = v["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["class"].as_str().unwrap())
        .collect();
    for c in ["action", "rule", "evidence", "record"] {
        assert!(classes.contains(&c), "{c}: {classes:?}");
    }
}

#[test]
fn records_view() {
    let v = json(&["records", "Ukraine", "--format", "json"]);
    let list = v.as_array().unwrap();
    assert!(list.len() >= 20);
    assert!(
        list.iter()
            .all(|r| !r["sources"].as_array().unwrap().is_empty())
    );
    assert!(list.iter().any(|r| r["kind"] == "use_allegation"));
    let out = tw()
        .args(["records", "FIN"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("1,029,763"), "{text}");
}

#[test]
fn the_calendar_parses_in_a_real_icalendar_parser() {
    let out = tw()
        .args(["calendar", "--from", "2025-01-01", "--to", "2026-12-31"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let parser = ical::IcalParser::new(out.as_slice());
    let calendars: Vec<_> = parser.map(|c| c.expect("a valid calendar")).collect();
    assert_eq!(calendars.len(), 1);
    let events = &calendars[0].events;
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    let find = |summary: &str| {
        events
            .iter()
            .find(|e| prop(e, "SUMMARY").contains(summary))
            .unwrap_or_else(|| panic!("no event `{summary}`"))
    };
    let fin = find("Finland: its withdrawal");
    assert_eq!(prop(fin, "DTSTART"), "20260110");
    assert!(prop(fin, "URL").starts_with("http"));
    assert!(prop(fin, "DESCRIPTION").contains("Sources:"));
    let ton = find("Tonga: the Mine Ban Treaty enters into force");
    assert_eq!(prop(ton, "DTSTART"), "20251201");
    for who in ["Estonia", "Latvia", "Lithuania"] {
        assert_eq!(
            prop(find(&format!("{who}: its withdrawal")), "DTSTART"),
            "20251227"
        );
    }
    assert_eq!(prop(find("Poland: its withdrawal"), "DTSTART"), "20260220");
    assert!(events.iter().any(|e| prop(e, "CATEGORIES") == "deadline"));
    // Every event has a UID, a stamp and a source link; UIDs are unique.
    let mut uids: Vec<String> = events.iter().map(|e| prop(e, "UID")).collect();
    assert!(events.iter().all(|e| !prop(e, "DTSTAMP").is_empty()));
    assert!(events.iter().all(|e| prop(e, "URL").starts_with("http")));
    let n = uids.len();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), n);
}

/// The web API serves the very documents the command line prints.
#[test]
fn the_web_api_gives_the_same_documents_as_json_output() {
    let app = std::sync::Arc::new(
        treatywatch_web::App::embedded(|| jiff::civil::date(2026, 3, 1)).unwrap(),
    );
    let api = |uri: &str| treatywatch_web::testing::get(&app, uri, &[]).json();
    assert_eq!(
        api("/api/v1/status?treaty=apmbc&on=2026-03-01"),
        json(&["parties", "--on", "2026-03-01", "--format", "json"])
    );
    assert_eq!(
        api("/api/v1/states/FIN/timeline?treaty=apmbc"),
        json(&["timeline", "FIN", "--format", "json"])
    );
    assert_eq!(
        serde_json::Value::Array(vec![api("/api/v1/states/Ukraine?on=2026-01-09")]),
        json(&["status", "UKR", "--on", "2026-01-09", "--format", "json"])
    );
    assert_eq!(
        serde_json::Value::Array(vec![api(
            "/api/v1/states/FIN?on=2026-03-01&known_on=2025-07-05"
        )]),
        json(&[
            "status",
            "FIN",
            "--on",
            "2026-03-01",
            "--known-on",
            "2025-07-05",
            "--format",
            "json"
        ])
    );
    assert_eq!(
        api("/api/v1/status?known_on=2025-07-05"),
        json(&["parties", "--known-on", "2025-07-05", "--format", "json"])
    );
    // Deadlines: the same window defaults on both.
    for (query, args) in [
        (
            "overdue=true&on=2020-01-01",
            &["--overdue", "--on", "2020-01-01"][..],
        ),
        (
            "state=Oman&on=2026-03-01",
            &["--state", "Oman", "--on", "2026-03-01"],
        ),
        ("on=2025-01-01", &["--on", "2025-01-01"]),
        (
            "from=2026-01-01&on=2025-06-01",
            &["--from", "2026-01-01", "--on", "2025-06-01"],
        ),
        ("known_on=2020-01-01", &["--known-on", "2020-01-01"]),
    ] {
        let mut cli = vec!["deadlines", "--format", "json"];
        cli.extend_from_slice(args);
        assert_eq!(
            api(&format!("/api/v1/deadlines?{query}")),
            json(&cli),
            "{query}"
        );
    }
    // An article: the same annotation, but for "today", which the API's clock fixes.
    let article = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../treatywatch-annotate/tests/fixtures/2025-lithuania-finland-mine-production.txt"
    );
    let text = std::fs::read(article).unwrap();
    let posted = treatywatch_web::testing::post(
        &app,
        "/api/v1/annotate?date=2025-07-09",
        "text/plain",
        text,
    )
    .json();
    let without_today = |mut v: serde_json::Value| {
        let o = v.as_object_mut().unwrap();
        o.remove("today");
        for card in o["states"].as_array_mut().unwrap() {
            card.as_object_mut().unwrap().remove("today");
        }
        v
    };
    assert_eq!(
        without_today(posted),
        without_today(json(&[
            "annotate",
            article,
            "--date",
            "2025-07-09",
            "--format",
            "json"
        ]))
    );
}

#[test]
fn serve_refuses_a_bad_address() {
    tw().args(["serve", "--addr", "localhost"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("invalid socket address"));
}

/// `serve` answers on a real socket, logs the request, and stops cleanly on SIGTERM.
#[cfg(unix)]
#[test]
fn serve_answers_and_stops_on_sigterm() {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("treatywatch"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();
    let mut conn = std::net::TcpStream::connect(&addr).unwrap();
    conn.write_all(
        b"GET /api/v1/states/FIN?on=2026-03-01 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    )
    .unwrap();
    let mut reply = String::new();
    conn.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 200"), "{reply}");
    assert!(reply.contains("\"status\":\"withdrawn\""));
    let log = lines.next().unwrap().unwrap();
    assert!(
        log.contains("GET /api/v1/states/FIN?on=2026-03-01 200"),
        "{log}"
    );
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = child.wait().unwrap();
    assert!(status.success(), "{status}");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l.contains("stopped")), "{rest:?}");
}

#[test]
fn the_calendar_leaves_yearly_reports_out_unless_asked() {
    let ics = |args: &[&str]| {
        let out = tw()
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let all = ics(&["calendar", "--from", "2025-01-01", "--to", "2026-12-31"]);
    assert!(
        !all.contains("Art. 7(2)"),
        "yearly reports listed by default"
    );
    let reports = ics(&[
        "calendar",
        "--from",
        "2025-01-01",
        "--to",
        "2026-12-31",
        "--state",
        "Ukraine",
        "--obligation",
        "annual_report",
    ]);
    assert!(reports.contains("Ukraine: Art. 7(2) deadline"), "{reports}");
    assert!(!reports.contains("Finland"), "only the state asked for");
    assert!(!reports.contains("Art. 5"), "only the obligation asked for");
    tw().args(["calendar", "--obligation", "art99"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("art5"));
}

#[test]
fn deadlines_by_obligation() {
    let v = json(&[
        "deadlines",
        "--state",
        "Thailand",
        "--obligation",
        "art5",
        "--format",
        "json",
    ]);
    assert_eq!(v["obligations"], serde_json::json!(["clearance"]));
    let list = v["deadlines"].as_array().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["obligation"], "clearance");
    let history = list[0]["history"].as_array().unwrap();
    assert!(
        history
            .iter()
            .filter(|r| r["kind"] == "clearance_extension_granted")
            .count()
            >= 3
    );
}

#[test]
fn coverage_names_the_gaps_in_every_format() {
    let v = json(&["coverage", "--on", "2026-06-01", "--format", "json"]);
    assert!(v["dataset"]["version"].is_string(), "{v}");
    let obligations = v["obligations"].as_array().unwrap();
    let ids: Vec<&str> = obligations
        .iter()
        .map(|o| o["obligation"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "stockpile_destruction",
            "clearance",
            "initial_report",
            "annual_report"
        ]
    );
    for o in obligations {
        let counts = o["counts"].as_object().unwrap();
        let total: u64 = counts.values().map(|n| n.as_u64().unwrap()).sum();
        assert_eq!(total, o["states"].as_u64().unwrap());
        assert_eq!(
            o["unknown_states"].as_array().unwrap().len() as u64,
            o["unknown"].as_u64().unwrap()
        );
    }
    let out = tw()
        .args(["coverage", "--treaty", "ccm", "--on", "2026-06-01"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Art. 3 stockpile_destruction"), "{text}");
    let out = tw()
        .args(["coverage", "--format", "csv"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let csv = String::from_utf8(out).unwrap();
    assert!(csv.starts_with("treaty,on,obligation,article,covers_year,states,pending"));
    assert_eq!(csv.lines().count(), 5);
}
