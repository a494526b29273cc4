//! The real 2013-2015 snapshot of the UN tables, from `../shared/data/untc-2015` (or
//! `$TREATYWATCH_UNTC`). Skipped, with a message, where the snapshot is absent: the
//! project's tests pass on a fresh clone without it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use jiff::civil::{Date, date};
use treatywatch_core::{ActionKind, Dataset};
use treatywatch_untc::{Import, import, merged_files, read_paths};

fn snapshot() -> Option<PathBuf> {
    let dir = std::env::var_os("TREATYWATCH_UNTC")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/untc-2015")
        });
    if dir.join("index.csv").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: no UN snapshot at {} (set TREATYWATCH_UNTC to run)",
            dir.display()
        );
        None
    }
}

fn import_all(dir: &std::path::Path, only: Option<&str>) -> (Dataset, Import) {
    let base = treatywatch_data::embedded().unwrap();
    let path = match only {
        Some(stem) => dir.join("treaties").join(format!("{stem}.csv")),
        None => dir.to_path_buf(),
    };
    let (tables, index, problems) = read_paths(&[path], None).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let imported = import(&tables, &index, &base);
    (base, imported)
}

#[test]
fn every_one_of_the_324_tables_imports() {
    let Some(dir) = snapshot() else { return };
    let (base, imp) = import_all(&dir, None);
    assert_eq!(imp.reports.len(), 324);
    assert!(imp.all_read());
    let sum = |f: fn(&treatywatch_untc::FileReport) -> usize| -> usize {
        imp.reports.iter().map(f).sum()
    };
    let (read, imported, not_states, no_date) = (
        sum(|r| r.rows_read),
        sum(|r| r.rows_imported),
        sum(|r| r.not_states.len()),
        sum(|r| r.no_date.len()),
    );
    println!(
        "{read} rows read, {imported} imported ({} actions), {not_states} not states, \
         {no_date} with no date, {} unresolved",
        sum(|r| r.actions),
        imp.unresolved()
    );
    assert_eq!(
        imp.unresolved(),
        0,
        "every name resolves and every cell reads"
    );
    assert_eq!(read, imported + not_states + no_date);
    assert_eq!(read, 23757);
    // Every participant that is not a state is an entity with its reason.
    let entities: BTreeSet<&str> = base.entities.iter().map(|e| e.name.as_str()).collect();
    for r in &imp.reports {
        for n in &r.not_states {
            assert!(
                entities.contains(n.participant.as_str()),
                "{}",
                n.participant
            );
        }
    }
    // Every treaty gets a distinct, valid id; the disarmament treaties their curated ones.
    let ids: BTreeSet<&str> = imp.treaties.iter().map(|t| t.id.0.as_str()).collect();
    assert_eq!(ids.len(), 324);
    for id in [
        "apmbc", "ccm", "ccw", "ccw-p4", "ccw-ap2", "ccw-art1", "ccw-p5", "cwc", "ctbt", "enmod",
        "kinshasa", "att",
    ] {
        assert!(ids.contains(id), "{id}");
    }
    // The whole import loads and checks without errors; the only remarks on treaty
    // rules are the three recorded dates of entry into force that the tables cannot
    // reproduce (former states' instruments; the ATT's fiftieth after the snapshot).
    let files = merged_files(&treatywatch_data::embedded_files(), &base, &imp);
    let data = treatywatch_data::parse(&files).unwrap();
    let problems = treatywatch_data::check(&data, date(2026, 11, 26));
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let eif: BTreeSet<&str> = problems
        .iter()
        .filter(|p| p.field.as_deref() == Some("entry_into_force"))
        .map(|p| p.file.as_str())
        .collect();
    // Where the recorded deposits give a later date than the depositary's (instruments of
    // former states are missing from today's tables) the recorded date is used, with a
    // warning; never an error.
    assert_eq!(
        eif,
        BTreeSet::from([
            "treaties/basel.toml",
            "treaties/ccw.toml",
            "treaties/cedaw.toml",
            "treaties/drug-trafficking-convention.toml",
            "treaties/enmod.toml",
            "treaties/iccpr-op2.toml",
            "treaties/iccpr.toml",
            "treaties/icerd.toml",
            "treaties/icescr.toml",
            "treaties/lrtap.toml",
            "treaties/minamata.toml",
            "treaties/nagoya.toml",
            "treaties/protected-persons.toml",
            "treaties/psychotropic.toml",
            "treaties/single-convention.toml",
            "treaties/stateless-persons.toml",
            "treaties/unclos.toml",
            "treaties/vccr.toml",
            "treaties/vcdr.toml",
            "treaties/vclt.toml",
            "treaties/vcst.toml",
        ])
    );
}

type Record = BTreeSet<(String, Date)>;

fn records(data: &Dataset, treaty: &str, until: Date) -> BTreeMap<String, Record> {
    let mut out: BTreeMap<String, Record> = BTreeMap::new();
    for a in data.actions.iter().filter(|a| a.treaty.0 == treaty) {
        if matches!(a.kind, ActionKind::Signature | ActionKind::Consent(_)) && a.date <= until {
            out.entry(a.state.to_string())
                .or_default()
                .insert((a.kind.to_string(), a.date));
        }
    }
    out
}

/// Compares the imported table of a curated treaty with the curated record: they must
/// agree for every participant up to the day the snapshot was taken, and every later
/// curated action is listed.
fn compare(stem: &str, treaty: &str, snapshot_until: Date) -> Vec<String> {
    let Some(dir) = snapshot() else {
        return Vec::new();
    };
    let (base, imp) = import_all(&dir, Some(stem));
    let files = merged_files(&treatywatch_data::embedded_files(), &base, &imp);
    let imported = treatywatch_data::parse(&files).unwrap();
    // The curated record is kept and the table adds only what it alone has: up to the
    // day of the snapshot, the merged record must be the curated one, action for action.
    let from_table = records(&imported, treaty, snapshot_until);
    let curated_then = records(&base, treaty, snapshot_until);
    let states: BTreeSet<&String> = from_table.keys().chain(curated_then.keys()).collect();
    for s in &states {
        assert_eq!(
            from_table.get(*s),
            curated_then.get(*s),
            "{treaty}: {s} differs between the UN table and the curated record"
        );
    }
    let mut later = Vec::new();
    for a in base.actions.iter().filter(|a| a.treaty.0 == treaty) {
        if a.date > snapshot_until {
            later.push(format!("{} {} {}", a.date, a.state, a.kind));
        }
    }
    later.sort();
    println!(
        "{treaty}: the UN table and the curated record agree for all {} participants up \
         to {snapshot_until}; curated actions after it: {}",
        states.len(),
        later.join("; ")
    );
    later
}

#[test]
fn the_mine_ban_treaty_table_agrees_with_the_curated_record() {
    let later = compare("26-5", "apmbc", date(2012, 12, 27));
    if snapshot().is_some() {
        // Oman, Sri Lanka, Palestine, Marshall Islands, Tonga, five withdrawals and
        // Ukraine's declared suspension.
        assert_eq!(later.len(), 11, "{later:#?}");
    }
}

#[test]
fn the_cluster_munitions_table_agrees_with_the_curated_record() {
    let later = compare("26-6", "ccm", date(2013, 9, 13));
    if snapshot().is_some() {
        assert!(
            later.iter().any(|l| l.contains("LTU withdrawal")),
            "{later:#?}"
        );
    }
}
