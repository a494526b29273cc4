//! The importer on small tables shipped with the repository: every header variant and
//! suffix kind, names as the UN wrote them, and every way a row can fail to import.

use std::path::PathBuf;

use jiff::civil::date;
use treatywatch_core::{ActionKind, ConsentKind, Dataset, Engine, Status};
use treatywatch_untc::{FileReport, Import, import, merged_files, read_paths};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/untc")
}

fn run() -> (Dataset, Import) {
    let base = treatywatch_data::embedded().unwrap();
    let (tables, index, problems) = read_paths(&[fixtures()], None).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let imported = import(&tables, &index, &base);
    (base, imported)
}

fn report<'a>(imp: &'a Import, stem: &str) -> &'a FileReport {
    imp.reports
        .iter()
        .find(|r| r.path.ends_with(&format!("/{stem}.csv")))
        .unwrap()
}

fn reasons(notes: &[treatywatch_untc::RowNote], who: &str) -> Vec<String> {
    notes
        .iter()
        .filter(|n| n.participant == who)
        .map(|n| n.reason.clone())
        .collect()
}

#[test]
fn every_file_is_read_and_every_row_accounted_for() {
    let (_, imp) = run();
    assert_eq!(imp.reports.len(), 5);
    assert!(imp.all_read());
    for r in &imp.reports {
        let accounted = r.rows_imported
            + r.not_states.len()
            + r.no_date.len()
            + r.unresolved
                .iter()
                .filter(|n| !n.reason.contains("duplicate") && !n.reason.contains("fields"))
                .map(|n| (n.line, n.participant.clone()))
                .collect::<std::collections::HashSet<_>>()
                .len();
        assert!(accounted >= r.rows_read, "{}: {r:#?}", r.path);
    }
}

#[test]
fn curated_ids_and_derived_slugs() {
    let (_, imp) = run();
    let apmbc = report(&imp, "26-5");
    assert_eq!(apmbc.treaty.as_ref().unwrap().0, "apmbc");
    assert!(apmbc.curated);
    assert_eq!(apmbc.rows_read, 7);
    assert_eq!(apmbc.rows_imported, 7);
    // The registry knows CCW Protocol IV by its UN reference.
    assert_eq!(report(&imp, "26-2-a").treaty.as_ref().unwrap().0, "ccw-p4");
    let messy = report(&imp, "99-1");
    assert_eq!(messy.treaty.as_ref().unwrap().0, "un-99-1");
    assert_eq!(messy.reference.as_deref(), Some("XCIX-1"));
    assert!(!messy.curated);
}

#[test]
fn suffixes_take_the_meaning_their_header_gives() {
    let (_, imp) = run();
    let rows = |id: &str| {
        imp.treaties
            .iter()
            .find(|t| t.id.0 == id)
            .unwrap()
            .rows
            .clone()
    };
    let kind = |id: &str, code: &str| -> Vec<(ActionKind, jiff::civil::Date)> {
        rows(id)
            .iter()
            .filter(|r| r.state.as_str() == code)
            .map(|r| (r.kind, r.date))
            .collect()
    };
    use ActionKind::*;
    use ConsentKind::*;
    assert_eq!(
        kind("apmbc", "AFG"),
        [(Consent(Accession), date(2002, 9, 11))]
    );
    assert_eq!(
        kind("apmbc", "JPN")[1],
        (Consent(Acceptance), date(1998, 9, 30))
    );
    assert_eq!(
        kind("apmbc", "MNE"),
        [(Consent(Succession), date(2006, 10, 23))]
    );
    // Canada signed and ratified the same day: signature first.
    assert_eq!(
        kind("apmbc", "CAN"),
        [
            (Signature, date(1997, 12, 3)),
            (Consent(Ratification), date(1997, 12, 3))
        ]
    );
    // "Consent to be bound(P)".
    assert_eq!(
        kind("ccw-p4", "AUT"),
        [(Consent(ConsentToBeBound), date(1998, 7, 27))]
    );
    // "Signature ad referendum (s)" is a signature in that column; "(C)" confirms it and is
    // not a second signature.
    assert_eq!(
        kind("un-14-7", "AFG"),
        [
            (Signature, date(1983, 9, 13)),
            (Consent(Ratification), date(1988, 7, 6))
        ]
    );
    let notes = &report(&imp, "14-7").notes;
    assert!(
        notes
            .iter()
            .any(|n| n.contains("Notification under article 21 (1)")),
        "{notes:?}"
    );
    assert!(
        notes.iter().any(|n| n.contains("Confirmation")),
        "{notes:?}"
    );
}

#[test]
fn names_as_the_un_wrote_them() {
    let (_, imp) = run();
    let apmbc = &imp
        .treaties
        .iter()
        .find(|t| t.id.0 == "apmbc")
        .unwrap()
        .rows;
    let swz = apmbc.iter().find(|r| r.state.as_str() == "SWZ").unwrap();
    assert_eq!(swz.note, "listed by the UN as \"Swaziland\"");
    assert!(apmbc.iter().any(|r| r.state.as_str() == "MKD"));
    let messy = &imp
        .treaties
        .iter()
        .find(|t| t.id.0 == "un-99-1")
        .unwrap()
        .rows;
    let codes: Vec<&str> = messy.iter().map(|r| r.state.as_str()).collect();
    // Footnote marks, "St.", former names, long month names and "Sept".
    for code in ["DEU", "FRA", "LCA", "CPV"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    let lca = messy.iter().find(|r| r.state.as_str() == "LCA").unwrap();
    assert_eq!(lca.date, date(2006, 7, 19));
    let cpv = messy.iter().find(|r| r.state.as_str() == "CPV").unwrap();
    assert_eq!(cpv.date, date(2000, 9, 5));
}

#[test]
fn rows_not_imported_say_why() {
    let (_, imp) = run();
    let r = report(&imp, "99-1");
    let unresolved = |who| reasons(&r.unresolved, who);
    assert!(unresolved("France*")[0].contains("unknown suffix `Z`"));
    assert!(unresolved("Atlantis")[0].contains("unknown state `Atlantis`"));
    assert!(unresolved("Norway")[0].contains("names no real day"));
    assert!(unresolved("Iceland")[0].contains("extra ones were not read"));
    assert!(unresolved("Chile")[0].contains("duplicate"));
    let not_states = |who| reasons(&r.not_states, who);
    assert!(not_states("Hong Kong")[0].contains("a territory"));
    let yug = &not_states("Yugoslavia")[0];
    assert!(
        yug.contains("no longer exists") && yug.contains("SRB"),
        "{yug}"
    );
    assert!(reasons(&r.no_date, "Sweden")[0].contains("empty"));
    assert!(reasons(&r.no_date, "Denmark")[0].contains("record no signature"));
    assert!(
        r.notes.iter().any(|n| n.contains("`Extension`")),
        "{:?}",
        r.notes
    );
    let eu = reasons(&report(&imp, "26-2-a").not_states, "European Union");
    assert!(eu[0].contains("international organisation"), "{eu:?}");
    let icj = report(&imp, "1-4");
    assert_eq!(icj.rows_read, 2);
    assert_eq!(icj.actions, 0);
    assert!(reasons(&icj.no_date, "Austria")[0].contains("without dates"));
    assert_eq!(imp.unresolved(), 5);
}

#[test]
fn the_import_loads_as_a_dataset_and_answers() {
    let (base, imp) = run();
    let files = merged_files(&treatywatch_data::embedded_files(), &base, &imp);
    let data = treatywatch_data::parse(&files).unwrap();
    // The curated record of apmbc is kept; the table adds only what no curated action
    // of the same class answers, and the reconcile report lists it.
    let apmbc = data.treaty("XXVI-5").unwrap();
    let curated = base.actions.iter().filter(|a| a.treaty == apmbc.id).count();
    let added = imp
        .reconcile(&base)
        .iter()
        .filter(|r| r.treaty == apmbc.id)
        .flat_map(|r| &r.differences)
        .filter(|d| matches!(d, treatywatch_untc::Difference::TableOnly { .. }))
        .count();
    assert_eq!(
        data.actions.iter().filter(|a| a.treaty == apmbc.id).count(),
        curated + added
    );
    assert!(apmbc.known_until.is_none(), "a curated treaty is current");
    let engine = Engine::new(&data);
    let fin = engine.resolve_state("FIN").unwrap();
    assert_eq!(
        engine.status(apmbc, fin, date(2013, 1, 1)).entry_into_force,
        Some(date(2012, 7, 1))
    );
    assert_eq!(
        engine.status_only(apmbc, fin, date(2026, 6, 1)),
        Status::Withdrawn
    );
    // A treaty the registry does not know: rules unknown, stops at consent_deposited.
    let messy = data.treaty("un-99-1").unwrap();
    let deu = engine.resolve_state("Germany").unwrap();
    let r = engine.status(messy, deu, date(2020, 1, 1));
    assert_eq!(r.status, Status::ConsentDeposited);
    assert_eq!(r.entry_into_force, None);
    assert!(
        r.notes.iter().any(|n| n.contains("unknown")),
        "{:?}",
        r.notes
    );
    // Every imported action cites the table's source.
    let src = data.source(
        &data
            .actions
            .iter()
            .find(|a| a.treaty == messy.id)
            .unwrap()
            .sources[0],
    );
    // Captured no earlier than the table's latest entry; it is known up to that day.
    let latest = data
        .actions
        .iter()
        .filter(|a| a.treaty == messy.id)
        .map(|a| a.date)
        .max()
        .unwrap();
    assert_eq!(src.unwrap().date.to_string(), latest.to_string());
    assert_eq!(messy.known_until, Some(latest));
}
