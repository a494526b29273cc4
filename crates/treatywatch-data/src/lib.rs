//! Loads, validates and embeds the treatywatch dataset.
//!
//! The dataset is a directory of human-editable text files (see `data/README.md` in
//! the repository):
//!
//! | file | holds |
//! |---|---|
//! | `dataset.toml` | the dataset's title, version and licence |
//! | `sources.toml` | every source: title, publisher, date, URL |
//! | `states.toml` | every state that can take part, with its names |
//! | `entities.toml` | participants that are not states: former states, organisations, territories |
//! | `treaties/<id>.toml` | a treaty and its rules |
//! | `actions/<id>.csv` | the depositary actions for that treaty |
//! | `conflicts.csv` | armed-conflict periods |
//! | `codes.csv` | states' ISO numeric, Correlates of War and Gleditsch-Ward codes |
//! | `evidence/<id>.csv` | domestic steps (evidence of intent) for that treaty |
//! | `records/<id>.csv` | stockpile, production, use and obligation records |
//!
//! [`embedded`] gives the copy compiled into the binary; [`load_dir`] reads another
//! copy from disk. Both parse every file, report every problem with its file, line and
//! field, and never panic on bad input.

mod check;
mod parse;
mod problem;

use std::path::Path;

pub use check::check;
pub use parse::{DataFile, file_stem};
pub use problem::{LoadError, Problem, Severity, line_of};
use treatywatch_core::{Dataset, Date};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The files of the embedded dataset.
pub fn embedded_files() -> Vec<DataFile> {
    generated::FILES
        .iter()
        .map(|(path, text)| DataFile {
            path: (*path).to_string(),
            text: (*text).to_string(),
        })
        .collect()
}

/// Parses a set of data files into a dataset. Fails with every problem found when any
/// file cannot be read into the model; semantic problems are left to [`check`].
pub fn parse(files: &[DataFile]) -> Result<Dataset, LoadError> {
    let mut p = parse::Parser::default();
    let mut have_sources = false;
    let mut have_states = false;
    for file in files {
        let path = file.path.as_str();
        match path {
            "sources.toml" => {
                have_sources = true;
                p.sources(file);
            }
            "states.toml" => {
                have_states = true;
                p.states(file);
            }
            "dataset.toml" => p.dataset_meta(file),
            "conflicts.csv" => p.conflicts(file),
            "codes.csv" => p.codes(file),
            "entities.toml" => p.entities(file),
            _ if path.starts_with("treaties/")
                && path.ends_with(".toml")
                && !path[9..].contains('/') =>
            {
                p.treaty(file)
            }
            _ if path.starts_with("actions/")
                && path.ends_with(".csv")
                && !path[8..].contains('/') =>
            {
                p.actions(file)
            }
            _ if path.starts_with("evidence/")
                && path.ends_with(".csv")
                && !path[9..].contains('/') =>
            {
                p.steps(file)
            }
            _ if path.starts_with("records/")
                && path.ends_with(".csv")
                && !path[8..].contains('/') =>
            {
                p.records(file)
            }
            _ if path.ends_with(".md") => {}
            _ => p.problems.push(Problem::error(
                path,
                0,
                None,
                "unexpected file: the dataset holds dataset.toml, sources.toml, states.toml, entities.toml, \
                 conflicts.csv, codes.csv, treaties/<id>.toml, actions/<id>.csv, evidence/<id>.csv, \
                 records/<id>.csv and *.md notes",
            )),
        }
    }
    for (have, name) in [(have_sources, "sources.toml"), (have_states, "states.toml")] {
        if !have {
            p.problems
                .push(Problem::error(name, 0, None, "missing file"));
        }
    }
    if p.problems.iter().any(Problem::is_error) {
        return Err(LoadError {
            problems: p.problems,
        });
    }
    p.data.meta.digest = format!("{:016x}", digest(files));
    p.data.states.sort_by_key(|s| s.code);
    p.data.entities.sort_by(|a, b| a.id.cmp(&b.id));
    p.data.treaties.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(p.data)
}

/// A 64-bit FNV-1a hash of every file's path and text, in path order: the same files
/// give the same digest whatever order they were read in.
pub fn digest(files: &[DataFile]) -> u64 {
    let mut sorted: Vec<&DataFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in sorted {
        for b in f.path.bytes().chain([0]).chain(f.text.bytes()).chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// Parses and checks: the dataset, with any warnings, or every problem found.
pub fn load(files: &[DataFile], today: Date) -> Result<(Dataset, Vec<Problem>), LoadError> {
    let data = parse(files)?;
    let problems = check(&data, today);
    if problems.iter().any(Problem::is_error) {
        return Err(LoadError { problems });
    }
    Ok((data, problems))
}

/// The embedded dataset, parsed. The embedded copy is checked by the test suite, so
/// this skips the full check to keep start-up fast.
pub fn embedded() -> Result<Dataset, LoadError> {
    parse(&embedded_files())
}

/// Reads every file under `dir`.
pub fn read_dir(dir: &Path) -> Result<Vec<DataFile>, LoadError> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    if !dir.is_dir() {
        return Err(LoadError {
            problems: vec![Problem::error(
                &dir.display().to_string(),
                0,
                None,
                "not a directory: --data takes a copy of the repository's data/ directory",
            )],
        });
    }
    walk(dir, dir, &mut files, &mut problems);
    if problems.is_empty() {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    } else {
        Err(LoadError { problems })
    }
}

fn walk(root: &Path, dir: &Path, files: &mut Vec<DataFile>, problems: &mut Vec<Problem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(Problem::error(
                &dir.display().to_string(),
                0,
                None,
                e.to_string(),
            ));
            return;
        }
    };
    for entry in entries {
        let path = match entry {
            Ok(e) => e.path(),
            Err(e) => {
                problems.push(Problem::error(
                    &dir.display().to_string(),
                    0,
                    None,
                    e.to_string(),
                ));
                continue;
            }
        };
        let rel = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if rel.starts_with('.') || rel.contains("/.") {
            continue; // editor and VCS files
        }
        if path.is_dir() {
            walk(root, &path, files, problems);
            continue;
        }
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => files.push(DataFile { path: rel, text }),
                Err(e) => {
                    let line = line_of(
                        &String::from_utf8_lossy(e.as_bytes()),
                        e.utf8_error().valid_up_to(),
                    );
                    problems.push(Problem::error(&rel, line, None, "not valid UTF-8 text"));
                }
            },
            Err(e) => problems.push(Problem::error(&rel, 0, None, e.to_string())),
        }
    }
}

/// Reads and loads a data directory.
pub fn load_dir(dir: &Path, today: Date) -> Result<(Dataset, Vec<Problem>), LoadError> {
    load(&read_dir(dir)?, today)
}
