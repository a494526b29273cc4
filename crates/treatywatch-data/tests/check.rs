//! Broken data files get problems that name the file, the line and the field, and never
//! a panic.

use std::path::Path;

use jiff::civil::date;
use proptest::prelude::*;
use treatywatch_data::{DataFile, Problem};

fn mini() -> Vec<DataFile> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini");
    treatywatch_data::read_dir(&dir).expect("the mini fixture reads")
}

/// The mini dataset with one file replaced (or added).
fn with(path: &str, text: &str) -> Vec<DataFile> {
    let mut files: Vec<DataFile> = mini().into_iter().filter(|f| f.path != path).collect();
    files.push(DataFile {
        path: path.to_string(),
        text: text.to_string(),
    });
    files
}

/// The mini dataset with `from` replaced by `to` in one file.
fn edit(path: &str, from: &str, to: &str) -> Vec<DataFile> {
    let file = mini().into_iter().find(|f| f.path == path).unwrap();
    assert!(file.text.contains(from), "fixture {path} has no `{from}`");
    with(path, &file.text.replacen(from, to, 1))
}

fn problems(files: &[DataFile]) -> Vec<Problem> {
    match treatywatch_data::load(files, date(2026, 11, 26)) {
        Ok((_, warnings)) => warnings,
        Err(e) => e.problems,
    }
}

/// Asserts exactly one error, at `file:line`, in `field`, with `words` in its message.
fn expect_error(files: &[DataFile], file: &str, line: u32, field: Option<&str>, words: &str) {
    let ps: Vec<Problem> = problems(files)
        .into_iter()
        .filter(|p| p.is_error())
        .collect();
    assert_eq!(ps.len(), 1, "{ps:#?}");
    let p = &ps[0];
    assert_eq!(
        (p.file.as_str(), p.line, p.field.as_deref()),
        (file, line, field),
        "{p}"
    );
    assert!(p.message.contains(words), "`{}` lacks `{words}`", p.message);
    let shown = p.to_string();
    let place = if line == 0 {
        format!("error: {file}: ")
    } else {
        format!("error: {file}:{line}: ")
    };
    assert!(shown.starts_with(&place), "{shown}");
}

#[test]
fn the_fixture_is_clean() {
    assert!(problems(&mini()).is_empty(), "{:#?}", problems(&mini()));
}

#[test]
fn a_malformed_date_says_the_expected_form() {
    let files = edit("actions/mini.csv", "1998-06-01", "1/6/1998");
    expect_error(&files, "actions/mini.csv", 4, Some("date"), "YYYY-MM-DD");
}

#[test]
fn a_day_that_does_not_exist() {
    let files = edit("actions/mini.csv", "1998-06-01", "1998-02-30");
    expect_error(
        &files,
        "actions/mini.csv",
        4,
        Some("date"),
        "not a real day",
    );
}

#[test]
fn an_unknown_state_code() {
    let files = edit("actions/mini.csv", "BBB,accession", "ZZZ,accession");
    expect_error(
        &files,
        "actions/mini.csv",
        5,
        Some("state"),
        "unknown state code `ZZZ`",
    );
}

#[test]
fn a_row_without_a_source() {
    let files = edit("actions/mini.csv", "1998-06-01,table", "1998-06-01,");
    expect_error(
        &files,
        "actions/mini.csv",
        4,
        Some("source"),
        "needs a source",
    );
}

#[test]
fn a_source_that_does_not_exist() {
    let files = edit("actions/mini.csv", "1998-06-01,table", "1998-06-01,nowhere");
    expect_error(
        &files,
        "actions/mini.csv",
        4,
        Some("source"),
        "`nowhere` is not defined",
    );
}

#[test]
fn an_unknown_action() {
    let files = edit("actions/mini.csv", "AAA,ratification", "AAA,ratify");
    expect_error(
        &files,
        "actions/mini.csv",
        4,
        Some("action"),
        "expected one of",
    );
}

#[test]
fn ratification_before_signature() {
    let files = edit(
        "actions/mini.csv",
        "AAA,signature,1997-12-03",
        "AAA,signature,1998-07-01",
    );
    expect_error(
        &files,
        "actions/mini.csv",
        4,
        Some("date"),
        "before the signature",
    );
}

#[test]
fn ratification_without_signature() {
    let files = edit("actions/mini.csv", "AAA,signature,1997-12-03,table,\n", "");
    expect_error(
        &files,
        "actions/mini.csv",
        3,
        Some("action"),
        "without a signature",
    );
}

#[test]
fn a_signature_after_entry_into_force() {
    let files = with(
        "actions/mini.csv",
        "state,action,date,source,note\nAAA,signature,1997-12-03,table,\nAAA,ratification,1998-06-01,table,\nBBB,accession,1998-09-16,table,\nCCC,signature,2000-01-01,table,\n",
    );
    expect_error(
        &files,
        "actions/mini.csv",
        5,
        Some("date"),
        "from then on states join by accession",
    );
}

#[test]
fn a_withdrawal_by_a_non_party() {
    let files = edit(
        "actions/mini.csv",
        "# a comment line\n",
        "CCC,withdrawal,2010-01-01,table,\n",
    );
    expect_error(&files, "actions/mini.csv", 2, Some("action"), "not a party");
}

#[test]
fn a_retraction_without_a_pending_withdrawal() {
    let files = edit(
        "actions/mini.csv",
        "# a comment line\n",
        "AAA,withdrawal_retracted,2010-01-01,table,\n",
    );
    expect_error(
        &files,
        "actions/mini.csv",
        2,
        Some("action"),
        "without a pending withdrawal",
    );
}

#[test]
fn a_duplicate_row() {
    let files = edit(
        "actions/mini.csv",
        "# a comment line\n",
        "BBB,accession,1998-09-16,table,dup\n",
    );
    let ps: Vec<_> = problems(&files)
        .into_iter()
        .filter(|p| p.is_error())
        .collect();
    assert!(
        ps.iter()
            .any(|p| p.message.contains("duplicate row") && p.line == 5),
        "{ps:#?}"
    );
}

#[test]
fn a_future_date() {
    let files = edit("actions/mini.csv", "2025-06-27", "2099-06-27");
    expect_error(&files, "actions/mini.csv", 6, Some("date"), "in the future");
}

#[test]
fn a_wrong_header() {
    let files = edit(
        "actions/mini.csv",
        "state,action,date,source,note",
        "state,kind,date,source,note",
    );
    expect_error(&files, "actions/mini.csv", 1, None, "header must be");
}

#[test]
fn a_short_row() {
    let files = edit(
        "actions/mini.csv",
        "BBB,accession,1998-09-16,table,",
        "BBB,accession",
    );
    expect_error(&files, "actions/mini.csv", 5, None, "expected 5 fields");
}

#[test]
fn broken_toml_names_the_line() {
    let files = edit(
        "sources.toml",
        "publisher = \"Depositary\"\ndate = \"2013\"",
        "publisher = \"Depositary\ndate = \"2013\"",
    );
    let ps = problems(&files);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    // The string left open on line 10.
    assert_eq!(
        (ps[0].file.as_str(), ps[0].line),
        ("sources.toml", 10),
        "{}",
        ps[0]
    );
}

#[test]
fn a_missing_toml_field() {
    let files = edit(
        "sources.toml",
        "publisher = \"Depositary\"\ndate = \"2013\"\n",
        "date = \"2013\"\n",
    );
    let ps = problems(&files);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert!(ps[0].message.contains("publisher"), "{}", ps[0]);
    assert_eq!(ps[0].file, "sources.toml");
    assert!(ps[0].line >= 8, "{}", ps[0]);
}

#[test]
fn an_unknown_toml_field() {
    let files = edit(
        "states.toml",
        "kind = \"observer\"",
        "kind = \"observer\"\ncapital = \"X\"",
    );
    let ps = problems(&files);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert!(ps[0].message.contains("capital"), "{}", ps[0]);
    assert_eq!((ps[0].file.as_str(), ps[0].line), ("states.toml", 13));
}

#[test]
fn a_bad_source_date_and_url() {
    let files = edit(
        "sources.toml",
        "date = \"2013\"\nurl = \"https://example.org/status\"",
        "date = \"sometime\"\nurl = \"example.org\"",
    );
    let ps: Vec<_> = problems(&files);
    assert_eq!(ps.len(), 2, "{ps:#?}");
    assert!(ps.iter().any(|p| p.field.as_deref() == Some("date")
        && p.line == 11
        && p.message.contains("YYYY-MM-DD, YYYY-MM, YYYY")));
    assert!(
        ps.iter()
            .any(|p| p.field.as_deref() == Some("url") && p.line == 12)
    );
}

#[test]
fn a_recorded_entry_into_force_that_the_rules_contradict() {
    let files = edit(
        "treaties/mini.toml",
        "entry_into_force = \"1999-03-01\"",
        "entry_into_force = \"1999-04-01\"",
    );
    expect_error(
        &files,
        "treaties/mini.toml",
        6,
        Some("entry_into_force"),
        "give 1999-03-01",
    );
}

#[test]
fn an_unknown_rule() {
    let files = edit(
        "treaties/mini.toml",
        "rule = \"notice\"",
        "rule = \"whenever\"",
    );
    let ps = problems(&files);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].file, "treaties/mini.toml");
    assert!(ps[0].message.contains("whenever"), "{}", ps[0]);
    assert!(ps[0].line >= 17, "{}", ps[0]);
}

#[test]
fn a_name_claimed_by_two_states() {
    let files = edit(
        "states.toml",
        "[BBB]\nname = \"Beta\"",
        "[BBB]\nname = \"Beta\"\naliases = [\"Alphaland\"]",
    );
    expect_error(
        &files,
        "states.toml",
        6,
        None,
        "claimed by both AAA and BBB",
    );
}

#[test]
fn a_treaty_file_named_differently_from_its_id() {
    let file = mini()
        .into_iter()
        .find(|f| f.path == "treaties/mini.toml")
        .unwrap();
    let mut files: Vec<_> = mini()
        .into_iter()
        .filter(|f| f.path != "treaties/mini.toml")
        .collect();
    files.push(DataFile {
        path: "treaties/other.toml".into(),
        text: file.text,
    });
    let ps: Vec<_> = problems(&files)
        .into_iter()
        .filter(|p| p.is_error())
        .collect();
    assert!(
        ps.iter().any(|p| p.file == "treaties/other.toml"
            && p.line == 1
            && p.message.contains("does not match the file name")),
        "{ps:#?}"
    );
}

#[test]
fn a_negative_or_fractional_count() {
    for bad in ["-5", "1.5", "\"1,000\"", "lots", "~"] {
        let files = edit(
            "records/mini.csv",
            "stockpile_count,1998,1000",
            &format!("stockpile_count,1998,{bad}"),
        );
        expect_error(
            &files,
            "records/mini.csv",
            2,
            Some("value"),
            "non-negative integer",
        );
    }
}

#[test]
fn a_record_date_that_is_not_real() {
    let files = edit(
        "records/mini.csv",
        "stockpile_destroyed,2001-01-01",
        "stockpile_destroyed,2001-02-30",
    );
    expect_error(
        &files,
        "records/mini.csv",
        3,
        Some("date"),
        "not a real day",
    );
    let files = edit(
        "records/mini.csv",
        "stockpile_destroyed,2001-01-01",
        "stockpile_destroyed,n.d.",
    );
    expect_error(
        &files,
        "records/mini.csv",
        3,
        Some("date"),
        "a fact needs a date",
    );
}

#[test]
fn a_record_without_a_source() {
    let files = edit("records/mini.csv", "declared,table,", "declared,,");
    expect_error(
        &files,
        "records/mini.csv",
        2,
        Some("source"),
        "needs a source",
    );
}

#[test]
fn an_unknown_record_kind() {
    let files = edit("records/mini.csv", "AAA,stockpile_count", "AAA,stockpile");
    expect_error(
        &files,
        "records/mini.csv",
        2,
        Some("kind"),
        "expected one of stockpile_count",
    );
}

#[test]
fn an_obligation_milestone_after_the_withdrawal_took_effect() {
    let files = edit(
        "records/mini.csv",
        "BBB,clearance_extension_granted,2010-11,2019-03-01",
        "BBB,clearance_extension_granted,2026-01,2030-03-01",
    );
    expect_error(
        &files,
        "records/mini.csv",
        4,
        Some("kind"),
        "obligations end with it",
    );
}

#[test]
fn an_extension_that_does_not_extend() {
    let files = edit(
        "records/mini.csv",
        "2010-11,2019-03-01",
        "2010-11,2009-03-01",
    );
    expect_error(
        &files,
        "records/mini.csv",
        4,
        Some("value"),
        "must set a later deadline",
    );
}

#[test]
fn a_step_with_a_bad_vote_or_aim() {
    let files = edit("evidence/mini.csv", "100-2-1", "100 to 2");
    expect_error(&files, "evidence/mini.csv", 2, Some("vote"), "FOR-AGAINST");
    let files = edit(
        "evidence/mini.csv",
        "withdraw,Parliament",
        "leave,Parliament",
    );
    expect_error(
        &files,
        "evidence/mini.csv",
        2,
        Some("aim"),
        "expected one of join, withdraw, suspend",
    );
    let files = edit("evidence/mini.csv", "Parliament votes to leave,", ",");
    expect_error(&files, "evidence/mini.csv", 2, Some("summary"), "own words");
}

#[test]
fn a_bad_obligation_rule() {
    let files = edit("treaties/mini.toml", "due = { years = 4 }", "");
    let ps = problems(&files);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert_eq!(ps[0].file, "treaties/mini.toml");
    assert!(ps[0].message.contains("exactly one of `due`"), "{}", ps[0]);
    let files = edit(
        "treaties/mini.toml",
        "completed_by = [\"stockpile_destroyed\"]",
        "completed_by = [\"destroyed\"]",
    );
    let ps = problems(&files);
    assert_eq!(ps.len(), 1, "{ps:#?}");
    assert!(ps[0].message.contains("destroyed"), "{}", ps[0]);
}

#[test]
fn an_unexpected_file_is_not_ignored() {
    let files = with("notes.txt", "hello");
    expect_error(&files, "notes.txt", 0, None, "unexpected file");
}

#[test]
fn unused_sources_are_warnings() {
    let files = edit(
        "sources.toml",
        "[table]",
        "[spare]\ntitle = \"t\"\npublisher = \"p\"\ndate = \"2020\"\nurl = \"https://example.org/\"\n\n[table]",
    );
    let ps = problems(&files);
    assert_eq!(ps.len(), 1);
    assert!(!ps[0].is_error());
    assert!(ps[0].message.contains("`spare` is not cited"));
}

#[test]
fn a_directory_that_is_not_there() {
    let err = treatywatch_data::read_dir(Path::new("/nonexistent/treatywatch")).unwrap_err();
    assert!(err.to_string().contains("not a directory"), "{err}");
}

#[test]
fn non_utf8_files_are_reported_with_their_path() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("sources.toml"), b"[a]\ntitle = \"\xff\"\n").unwrap();
    let err = treatywatch_data::read_dir(dir.path()).unwrap_err();
    assert_eq!(err.problems[0].file, "sources.toml");
    assert_eq!(err.problems[0].line, 2);
    assert!(err.problems[0].message.contains("UTF-8"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any bytes in any data file: problems, never a panic.
    #[test]
    fn arbitrary_file_contents_never_panic(
        which in 0usize..7,
        text in "(?s).{0,400}",
    ) {
        let path = [
            "sources.toml",
            "states.toml",
            "treaties/mini.toml",
            "actions/mini.csv",
            "conflicts.csv",
            "evidence/mini.csv",
            "records/mini.csv",
        ][which];
        let _ = problems(&with(path, &text));
    }

    /// Small mutations of valid rows: problems, never a panic.
    #[test]
    fn mutated_rows_never_panic(
        state in "[A-Z]{2,4}|AAA|BBB|CCC",
        kind in "signature|ratification|accession|succession|withdrawal|withdrawal_retracted|suspension_declared|[a-z]{1,8}",
        day in "[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9-]{0,12}",
        source in "table|text|[a-z;]{0,8}",
    ) {
        let text = format!("state,action,date,source,note\n{state},{kind},{day},{source},\n");
        let _ = problems(&with("actions/mini.csv", &text));
    }
}

#[test]
fn the_dataset_names_itself() {
    let (data, _) = treatywatch_data::load(&mini(), date(2026, 11, 26)).unwrap();
    let id = data.identity();
    assert_eq!(id.version, "0.1");
    assert_eq!(id.license, "CC0-1.0");
    assert_eq!(id.digest.len(), 16);
    assert!(id.latest_fact.is_some());
    // The same files in another order give the same digest; any change gives another.
    let mut reversed = mini();
    reversed.reverse();
    assert_eq!(
        treatywatch_data::digest(&reversed),
        treatywatch_data::digest(&mini())
    );
    let changed = edit("dataset.toml", "0.1", "0.2");
    assert_ne!(
        treatywatch_data::digest(&changed),
        treatywatch_data::digest(&mini())
    );
}

#[test]
fn a_bad_dataset_version_names_the_field() {
    let files = edit("dataset.toml", "\"0.1\"", "\"zero one\"");
    expect_error(&files, "dataset.toml", 3, Some("version"), "2026.1");
}

#[test]
fn a_copy_without_dataset_toml_loads_unversioned_with_a_warning() {
    let files: Vec<DataFile> = mini()
        .into_iter()
        .filter(|f| f.path != "dataset.toml")
        .collect();
    let (data, warnings) = treatywatch_data::load(&files, date(2026, 11, 26)).unwrap();
    assert_eq!(data.identity().version, "unversioned");
    assert!(
        warnings.iter().any(|p| p.file == "dataset.toml"),
        "{warnings:#?}"
    );
}

#[test]
fn a_scanner_probe_in_a_source_url_is_refused() {
    let files = edit(
        "sources.toml",
        "url = \"https://example.org/status\"",
        "url = \"https://example.org/status?L=0%27%2Ffileadmin%2Fx&cHash=1\"",
    );
    expect_error(&files, "sources.toml", 8, Some("url"), "probe");
    // A plain language switch is not a probe.
    let files = edit(
        "sources.toml",
        "url = \"https://example.org/status\"",
        "url = \"https://example.org/status?L=1\"",
    );
    assert!(problems(&files).iter().all(|p| !p.is_error()));
}

#[test]
fn a_local_file_path_in_a_source_title_is_refused() {
    let files = edit(
        "sources.toml",
        "title = \"Status table\"",
        "title = \"Status table (copy at /home/me/tables/status.html)\"",
    );
    expect_error(&files, "sources.toml", 8, Some("title"), "file path");
    // A UN document symbol is not a path.
    let files = edit(
        "sources.toml",
        "title = \"Status table\"",
        "title = \"Status table, A/RES/45/158 and C:\u{e9}t\u{e9}\"",
    );
    assert!(
        problems(&files).iter().all(|p| !p.is_error()),
        "{:#?}",
        problems(&files)
    );
}

#[test]
fn a_known_publisher_on_another_host_is_a_warning() {
    let files = edit(
        "sources.toml",
        "publisher = \"Depositary\"\ndate = \"2013\"",
        "publisher = \"Human Rights Watch\"\ndate = \"2013\"",
    );
    let ps = problems(&files);
    assert!(ps.iter().all(|p| !p.is_error()), "{ps:#?}");
    assert!(
        ps.iter()
            .any(|p| p.field.as_deref() == Some("url") && p.message.contains("hrw.org")),
        "{ps:#?}"
    );
}

#[test]
fn a_completion_dated_after_its_declaration_is_refused() {
    let files = edit(
        "records/mini.csv",
        "AAA,stockpile_destroyed,2001-01-01,,,table,",
        "AAA,stockpile_destroyed,2001-01-01,,,table,\nAAA,stockpile_destruction_declared,2000-11,,a meeting,table,",
    );
    expect_error(
        &files,
        "records/mini.csv",
        3,
        Some("date"),
        "later than its declaration",
    );
    // Declared after the work was done: fine.
    let files = edit(
        "records/mini.csv",
        "AAA,stockpile_destroyed,2001-01-01,,,table,",
        "AAA,stockpile_destroyed,2001-01-01,,,table,\nAAA,stockpile_destruction_declared,2001-11,,a meeting,table,",
    );
    assert!(problems(&files).iter().all(|p| !p.is_error()));
}

#[test]
fn an_extension_that_moves_a_deadline_earlier_is_refused() {
    let files = edit(
        "records/mini.csv",
        "BBB,clearance_extension_granted,2010-11,2019-03-01,a meeting,table,",
        "BBB,clearance_extension_granted,2010-11,2019-03-01,a meeting,table,\nBBB,clearance_extension_granted,2018-11,2018-12-31,another meeting,table,",
    );
    expect_error(
        &files,
        "records/mini.csv",
        5,
        Some("value"),
        "only move a deadline later",
    );
}

#[test]
fn a_completion_after_the_withdrawal_took_effect_is_refused() {
    // BBB's withdrawal (received 2025-06-27) took effect on 2025-12-27.
    let files = edit(
        "records/mini.csv",
        "BBB,clearance_extension_granted,2010-11,2019-03-01,a meeting,table,",
        "BBB,clearance_extension_granted,2010-11,2019-03-01,a meeting,table,\nBBB,clearance_completed,2026-03,,too late,table,",
    );
    expect_error(
        &files,
        "records/mini.csv",
        5,
        Some("kind"),
        "withdrawal took effect",
    );
}

proptest! {
    /// Whatever a title or URL holds, the source checks never panic.
    #[test]
    fn source_checks_never_panic(title in "\\PC{0,40}", query in "\\PC{0,40}") {
        let t = title.replace(['"', '\\'], "");
        let q = query.replace(['"', '\\'], "");
        let files = edit(
            "sources.toml",
            "title = \"Status table\"\npublisher = \"Depositary\"\ndate = \"2013\"\nurl = \"https://example.org/status\"",
            &format!("title = \"{t}\"\npublisher = \"Depositary\"\ndate = \"2013\"\nurl = \"https://example.org/status?{q}\""),
        );
        let _ = problems(&files);
    }
}
