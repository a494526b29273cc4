//! Output for people, as a terminal of 80 or 120 columns shows it and as a pipe gets it;
//! and the quiet end of a closed pipe. The real binary, on the embedded dataset.

use std::io::{BufRead, BufReader, Read};
use std::process::{Command as Process, Stdio};

use assert_cmd::Command;

const BIN: &str = env!("CARGO_BIN_EXE_treatywatch");

/// The output of `args` at `columns` (None: piped, no `COLUMNS`).
fn run(args: &[&str], columns: Option<usize>) -> String {
    let mut c = Command::cargo_bin("treatywatch").unwrap();
    c.env_remove("COLUMNS").args(args);
    if let Some(w) = columns {
        c.env("COLUMNS", w.to_string());
    }
    let out = c.assert().success().get_output().clone();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The width of a line in display columns (every character here is one column wide but
/// for none: the names are Latin, Cyrillic and Polish).
fn columns(line: &str) -> usize {
    line.chars().count()
}

/// A URL alone on its line: never broken, so it may run past the width.
fn url_alone(line: &str) -> bool {
    line.trim_start().starts_with("http") && !line.trim().contains(' ')
}

/// Every line fits, but for a URL alone on its line.
fn assert_fits(text: &str, width: usize, what: &str) {
    for line in text.lines() {
        let url_alone = url_alone(line);
        assert!(
            columns(line) <= width || url_alone,
            "{what} at {width} columns: a line of {}:\n{line}\n\n{text}",
            columns(line)
        );
        assert!(!line.ends_with(' '), "{what}: trailing space:\n{line}");
    }
}

/// The widest line, URLs alone on their line left out.
fn widest(text: &str) -> usize {
    text.lines()
        .filter(|l| !url_alone(l))
        .map(columns)
        .max()
        .unwrap_or(0)
}

const PARTIES: &[&str] = &["parties", "--on", "2026-03-01"];
const STATUS: &[&str] = &["status", "Poland", "--on", "2026-03-01"];
const DEADLINES: &[&str] = &["deadlines", "--overdue", "--on", "2026-03-01"];
const TIMELINE: &[&str] = &["timeline", "Poland", "--known-on", "2026-03-01"];

fn snapshots(name: &str, args: &[&str]) {
    for (suffix, width) in [("80", Some(80)), ("120", Some(120)), ("piped", None)] {
        let text = run(args, width);
        if let Some(w) = width {
            assert_fits(&text, w, name);
        }
        insta::assert_snapshot!(format!("{name}_{suffix}"), text, &args.join(" "));
    }
}

#[test]
fn parties_at_80_and_120_columns_and_piped() {
    snapshots("parties", PARTIES);
}

#[test]
fn status_at_80_and_120_columns_and_piped() {
    snapshots("status", STATUS);
}

#[test]
fn deadlines_at_80_and_120_columns_and_piped() {
    snapshots("deadlines", DEADLINES);
}

#[test]
fn timeline_at_80_and_120_columns_and_piped() {
    snapshots("timeline", TIMELINE);
}

#[test]
fn names_wrap_instead_of_padding_every_row() {
    for w in [80, 120] {
        let text = run(PARTIES, Some(w));
        let fin = text.lines().find(|l| l.starts_with(" FIN ")).unwrap();
        // STATE, then NAME capped at 24 columns: STATUS starts by column 35.
        let status_at = fin.find("withdrawn").unwrap();
        assert!(status_at <= 1 + 3 + 2 + 24 + 2 + 2, "{w}: {fin}");
        let gbr = text.lines().position(|l| l.starts_with(" GBR ")).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[gbr + 1].starts_with("        ") && lines[gbr + 1].contains("Britain"),
            "{w}:\n{text}"
        );
    }
    // Piped, every row keeps one line, as programs reading lines expect.
    let piped = run(PARTIES, None);
    assert_eq!(
        piped
            .lines()
            .filter(|l| l.contains("Northern Ireland"))
            .count(),
        1
    );
    assert!(piped.lines().any(|l| {
        l.starts_with(" GBR    United Kingdom of Great Britain and Northern Ireland  party")
    }));
}

#[test]
fn wide_turns_sizing_off() {
    let wide = run(&[&["--wide"][..], STATUS].concat(), Some(80));
    assert_eq!(wide, run(STATUS, None));
    assert!(widest(&wide) > 200);
}

#[test]
fn columns_left_out_are_named() {
    let text = run(STATUS, Some(80));
    let header = text.lines().find(|l| l.contains("STATE")).unwrap();
    assert!(
        !header.contains("SIGNED") && !header.contains("KIND"),
        "{text}"
    );
    assert!(
        text.contains("(SIGNED, KIND left out to fit 80 columns; --wide shows every column)"),
        "{text}"
    );
    let text = run(STATUS, Some(120));
    assert!(
        text.contains("SIGNED") && !text.contains("left out"),
        "{text}"
    );
}

#[test]
fn json_and_csv_are_never_sized() {
    for format in ["json", "csv"] {
        let args = ["status", "Poland", "--on", "2026-03-01", "--format", format];
        assert_eq!(run(&args, Some(40)), run(&args, None), "{format}");
    }
    let csv = run(
        &[
            "deadlines",
            "--overdue",
            "--on",
            "2026-03-01",
            "--format",
            "csv",
        ],
        Some(40),
    );
    assert!(csv.contains("https://"), "URLs whole in CSV");
}

#[test]
fn a_bad_columns_value_is_ignored() {
    let mut c = Command::cargo_bin("treatywatch").unwrap();
    c.env("COLUMNS", "lots").args(STATUS);
    let out = c.assert().success().get_output().stdout.clone();
    assert_eq!(String::from_utf8(out).unwrap(), run(STATUS, None));
}

/// `sh -c "treatywatch ARGS | head -1"` with pipefail: status 0, nothing on stderr.
fn through_head(args: &str) {
    let script = format!("set -o pipefail; '{BIN}' {args} | head -1");
    let out = Process::new("bash")
        .args(["-c", &script])
        .env_remove("COLUMNS")
        .output()
        .expect("bash");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "`{args} | head -1`: {:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1);
}

#[test]
fn deadlines_into_head_ends_quietly() {
    through_head("deadlines");
    through_head("deadlines --state POL");
    through_head("deadlines --format json");
    through_head("parties --format csv");
}

#[test]
fn a_pipe_closed_early_ends_quietly() {
    // Outputs larger than a pipe's buffer (64 KiB), so that the writes after the
    // reader is gone do fail: as a table, JSON, CSV, a calendar and a panel.
    for args in [
        &["deadlines", "--from", "1997-01-01", "--to", "2030-12-31"][..],
        &[
            "deadlines",
            "--from",
            "1997-01-01",
            "--to",
            "2030-12-31",
            "--format",
            "json",
        ],
        &[
            "deadlines",
            "--from",
            "1997-01-01",
            "--to",
            "2030-12-31",
            "--format",
            "csv",
        ],
        &["parties", "--format", "json"],
        &["calendar", "--from", "1997-01-01", "--to", "2030-12-31"],
        &[
            "export", "panel", "--all", "--from", "1990", "--to", "2026", "--out", "-",
        ],
    ] {
        let mut child = Process::new(BIN)
            .args(args)
            .env_remove("COLUMNS")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        reader.read_line(&mut first).unwrap();
        assert!(!first.is_empty(), "{args:?}");
        drop(reader); // the reader goes away, as `head -1` does
        let mut stderr = String::new();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut stderr)
            .unwrap();
        let status = child.wait().unwrap();
        assert!(status.success(), "{args:?}: {status:?} {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[test]
fn widths_before_and_after() {
    // What the issue measured (121, 420, 589, 588 columns whatever the terminal) now
    // fits 80 and 120 columns; piped output is as wide as before.
    for args in [PARTIES, STATUS, DEADLINES, TIMELINE] {
        for w in [80, 120] {
            assert!(widest(&run(args, Some(w))) <= w, "{args:?} at {w}");
        }
    }
    assert!(widest(&run(PARTIES, None)) > 100);
}
