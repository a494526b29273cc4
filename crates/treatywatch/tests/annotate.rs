//! `treatywatch annotate`, end to end.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const ARTICLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../treatywatch-annotate/tests/fixtures/2025-lithuania-finland-mine-production.txt"
);

fn tw() -> Command {
    Command::cargo_bin("treatywatch").unwrap()
}

#[test]
fn text_output_gives_verdicts_facts_and_numbered_sources() {
    tw().args(["annotate", ARTICLE, "--date", "2025-07-09"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Article date: 2025-07-09 (given)"))
        .stdout(predicate::str::contains("CONTRADICTED  joined FIN"))
        .stdout(predicate::str::contains("not in 2011"))
        .stdout(predicate::str::contains(
            "(a domestic step reported as a legal act)",
        ))
        .stdout(predicate::str::contains("Sources:\n[1] "));
}

#[test]
fn json_output_is_the_annotation() {
    let out = tw()
        .args([
            "annotate",
            ARTICLE,
            "--date",
            "2025-07-09",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["treaty"], "apmbc");
    let claims = v["claims"].as_array().unwrap();
    assert!(
        claims
            .iter()
            .any(|c| c["kind"] == "count" && c["verdict"] == "supported")
    );
    assert!(
        claims
            .iter()
            .all(|c| c["span"]["end"].as_u64() > c["span"]["start"].as_u64())
    );
}

#[test]
fn html_output_is_one_escaped_page() {
    tw().args(["annotate", "-", "--format", "html", "--date", "2025-08-01"])
        .write_stdin("<b>Ukraine</b> withdrew from the Ottawa Convention & more.")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("<!DOCTYPE html>"))
        .stdout(predicate::str::contains("&lt;b&gt;"))
        .stdout(predicate::str::contains("Ukraine&lt;/b&gt; withdrew"))
        .stdout(predicate::str::contains("&amp; more"))
        .stdout(predicate::str::contains("<b>").not());
}

#[test]
fn bad_input_gets_a_clear_error() {
    tw().args(["annotate", "-"])
        .write_stdin(&b"Finland \xff joined"[..])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not UTF-8").and(predicate::str::contains("offset 8")));
    let big = vec![b'a'; 3 * 1024 * 1024];
    tw().args(["annotate", "-"])
        .write_stdin(big)
        .assert()
        .failure()
        .stderr(predicate::str::contains("2 MiB"));
    tw().args(["annotate", "/no/such/article.txt"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot open"));
    tw().args(["annotate", ARTICLE, "--date", "9 July 2025"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--date").and(predicate::str::contains("YYYY-MM-DD")));
}
