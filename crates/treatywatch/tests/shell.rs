//! The command line as a shell user meets it: completions, the manual, and `export`
//! choosing its format from the file name, keeping existing files and saying what it
//! wrote.

use std::process::Command as Process;

use assert_cmd::Command;
use predicates::prelude::*;

const BIN: &str = env!("CARGO_BIN_EXE_treatywatch");

fn tw() -> Command {
    let mut c = Command::cargo_bin("treatywatch").unwrap();
    c.env_remove("COLUMNS");
    c
}

fn stdout(args: &[&str]) -> String {
    let out = tw()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

const COMMANDS: [&str; 14] = [
    "status",
    "parties",
    "timeline",
    "deadlines",
    "records",
    "calendar",
    "annotate",
    "check",
    "serve",
    "completions",
    "man",
    "import",
    "export",
    "changes",
];

fn have(tool: &str) -> bool {
    Process::new("sh")
        .args(["-c", &format!("command -v {tool}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn bash_loads_the_completions_and_completes_commands_and_flags() {
    let script = format!("source <('{BIN}' completions bash) && complete -p treatywatch");
    let out = Process::new("bash").args(["-c", &script]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let registered = String::from_utf8(out.stdout).unwrap();
    assert!(registered.contains("_treatywatch"), "{registered}");
    assert!(
        registered.trim_end().ends_with(" treatywatch"),
        "{registered}"
    );

    // What Tab offers after `treatywatch dead` and `treatywatch deadlines --ov`: bash
    // calls the function with the command, the word being completed and the one before.
    let complete = |words: &str, cword: usize| {
        let script = format!(
            "source <('{BIN}' completions bash) && COMP_WORDS=({words} '') && COMP_CWORD={cword} \
             && COMP_LINE='{words}' && COMP_POINT=${{#COMP_LINE}} \
             && _treatywatch treatywatch \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\" \
             && printf '%s\\n' \"${{COMPREPLY[@]}}\""
        );
        let out = Process::new("bash").args(["-c", &script]).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let offered = complete("treatywatch dead", 1);
    assert_eq!(offered.trim(), "deadlines", "{offered}");
    let offered = complete("treatywatch deadlines --ov", 2);
    assert_eq!(offered.trim(), "--overdue", "{offered}");
    let offered = complete("treatywatch status FIN --format ", 4);
    for f in ["table", "json", "csv"] {
        assert!(offered.lines().any(|l| l == f), "{offered}");
    }
}

#[test]
fn completions_for_every_shell_name_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        for c in COMMANDS {
            assert!(script.contains(c), "{shell}: no {c}");
        }
        assert!(script.contains("--known-on"), "{shell}");
    }
    if have("zsh") {
        let script = format!("'{BIN}' completions zsh | zsh -n");
        assert!(
            Process::new("sh")
                .args(["-c", &script])
                .status()
                .unwrap()
                .success()
        );
    }
    if have("fish") {
        let script = format!("'{BIN}' completions fish | fish --no-execute");
        assert!(
            Process::new("sh")
                .args(["-c", &script])
                .status()
                .unwrap()
                .success()
        );
    }
    tw().args(["completions", "tcsh"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("possible values: bash"));
}

#[test]
fn the_manual_page_names_every_command_and_renders() {
    let roff = stdout(&["man"]);
    assert!(
        roff.starts_with(".ie \\n(.g .ds Aq") || roff.contains(".TH treatywatch 1"),
        "{roff}"
    );
    assert!(roff.contains(".TH treatywatch 1"), "{roff}");
    for c in COMMANDS {
        assert!(
            roff.contains(&format!("treatywatch\\-{c}")),
            "no {c} in the manual"
        );
    }
    assert!(roff.contains("Examples:"), "the examples are in the manual");
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("treatywatch.1");
    std::fs::write(&page, &roff).unwrap();
    if have("groff") {
        // groff reads it with every warning on and says nothing.
        let out = Process::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .arg(&page)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "groff warnings");
    }
    if have("man") {
        let out = Process::new("man")
            .arg("-l")
            .arg(&page)
            .env("MANWIDTH", "80")
            .env("MANPAGER", "cat")
            .env("PAGER", "cat")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("NAME") && text.contains("treatywatch"),
            "{text}"
        );
        assert!(text.contains("deadlines"), "{text}");
    }
}

#[test]
fn one_manual_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let assert = tw()
        .args(["man", "--out"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout("");
    let pages = std::fs::read_dir(dir.path()).unwrap().count();
    assert!(pages >= 17, "{pages}");
    let said = format!(
        "treatywatch: wrote {pages} manual pages to {}\n",
        dir.path().display()
    );
    assert_eq!(String::from_utf8_lossy(&assert.get_output().stderr), said);
    for c in COMMANDS {
        let page = dir.path().join(format!("treatywatch-{c}.1"));
        let text = std::fs::read_to_string(&page).unwrap_or_else(|_| panic!("no {page:?}"));
        assert!(text.contains(".TH"), "{c}");
    }
    for page in [
        "treatywatch.1",
        "treatywatch-export-panel.1",
        "treatywatch-import-untc.1",
    ] {
        assert!(dir.path().join(page).is_file(), "{page}");
    }
    let status = std::fs::read_to_string(dir.path().join("treatywatch-status.1")).unwrap();
    assert!(
        status.contains("known\\-on") && status.contains("Examples:"),
        "{status}"
    );
    tw().args(["man", "--out", "/nonexistent/dir"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a directory"));
}

fn export(args: &[&str], out: &std::path::Path) -> assert_cmd::assert::Assert {
    tw().args([
        "export", "panel", "--treaty", "ccm", "--from", "2024", "--to", "2025",
    ])
    .args(args)
    .arg("--out")
    .arg(out)
    .assert()
}

#[test]
fn export_takes_the_format_from_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let states = 197;
    for (name, magic) in [
        ("p.parquet", &b"PAR1"[..]),
        ("p.PQ", &b"PAR1"[..]),
        ("p.sqlite", &b"SQLite format 3\0"[..]),
        ("p.db", &b"SQLite format 3\0"[..]),
        ("p.csv", &b"state,state_name,"[..]),
    ] {
        let path = dir.path().join(name);
        let assert = export(&[], &path).success().stdout("");
        let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(
            stderr.starts_with(&format!("treatywatch: wrote {} rows (", states * 2)),
            "{stderr}"
        );
        assert!(
            stderr
                .trim_end()
                .ends_with(&format!("to {}", path.display())),
            "{stderr}"
        );
        assert!(
            stderr.contains("KiB") || stderr.contains("MiB"),
            "{stderr} ({size} bytes)"
        );
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{name}");
    }
    // The rows said are the rows written.
    let csv = std::fs::read_to_string(dir.path().join("p.csv")).unwrap();
    assert_eq!(csv.lines().count() - 1, states * 2);
    // No partial files left beside them.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("partial"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn export_keeps_an_existing_file_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("panel.csv");
    std::fs::write(&path, "precious\n").unwrap();
    export(&[], &path)
        .failure()
        .stderr(predicate::str::contains(
            "the file exists; give --force to replace it",
        ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious\n");
    export(&["--force"], &path).success();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("state,")
    );
}

#[test]
fn export_refuses_an_unknown_or_contradicting_extension() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("panel.txt");
    export(&[], &path)
        .failure()
        .stderr(predicate::str::contains("cannot tell the format of --out"));
    assert!(!path.exists());
    export(&["--format", "csv"], &path).success();
    assert!(path.exists());
    let path = dir.path().join("panel.parquet");
    export(&["--format", "csv"], &path).failure().stderr(
        predicate::str::contains("--format csv but --out")
            .and(predicate::str::contains("names a parquet file")),
    );
    assert!(!path.exists());
    // Standard output: CSV by default, and nothing said on standard error.
    tw().args([
        "export", "panel", "--treaty", "ccm", "--from", "2025", "--to", "2025", "--out", "-",
    ])
    .assert()
    .success()
    .stdout(predicate::str::starts_with("state,"))
    .stderr("");
}
