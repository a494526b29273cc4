//! The real, embedded dataset: it checks clean, and it gives the answers the sources give.

use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use treatywatch_core::engine::Engine;
use treatywatch_core::{ConsentKind, Dataset, StateKind, Status};

fn data() -> Dataset {
    treatywatch_data::embedded().expect("the embedded dataset parses")
}

fn consented(engine: &Engine<'_>, data: &Dataset, on: Date) -> usize {
    let t = data.treaty("apmbc").unwrap();
    engine
        .counts_on(t, on)
        .iter()
        .filter(|(s, _)| s.has_consented())
        .map(|(_, n)| n)
        .sum()
}

fn status_of(engine: &Engine<'_>, data: &Dataset, who: &str, on: Date) -> Status {
    let t = data.treaty("apmbc").unwrap();
    let s = engine.resolve_state(who).unwrap();
    engine.status_only(t, s, on)
}

/// The sources still cited through a copy because the publisher's own page could not be
/// found (wire stories in a subscriber's pages, report PDFs on document-sharing sites):
/// `check` warns about each, and the list may only shrink.
const KNOWN_COPIES: &[&str] = &[
    "cp24-reuters-2025-05-08-lithuania",
    "fmt-reuters-2025-06-19-finland-parliament",
    "icbl-15msp-statement-ukraine",
    "mar-ctm2016-peru-copy",
    "mar-ctm2016-turkey",
    "mar-ctm2019-bih",
    "mar-ctm2019-serbia-copy",
    "mar-ctm2020-cambodia",
    "mar-ctm2020-croatia",
    "mar-ctm2020-drc-copy",
    "mar-ctm2020-palestine-copy",
    "mar-ctm2020-ukraine",
    "miragenews-2025-12-hrw-landmine-monitor-2025",
    "redorbit-reuters-2006-06-28-montenegro-192nd",
    "thestar-reuters-2025-03-18-poland-baltics",
];

#[test]
fn the_embedded_dataset_checks_clean() {
    let d = data();
    let problems = treatywatch_data::check(&d, jiff::ZonedDateTime::now().date());
    let unexpected: Vec<_> = problems
        .iter()
        .filter(|p| {
            p.is_error()
                || !KNOWN_COPIES
                    .iter()
                    .any(|id| p.message.starts_with(&format!("source `{id}` names ")))
        })
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
}

#[test]
fn every_state_that_can_take_part_is_listed() {
    let d = data();
    assert_eq!(d.states.len(), 197);
    let count = |k| d.states.iter().filter(|s| s.kind == k).count();
    assert_eq!(count(StateKind::UnMember), 193);
    assert_eq!(count(StateKind::Observer), 2);
    assert_eq!(count(StateKind::NonMember), 2);
}

#[test]
fn consent_counts_on_the_days_of_the_later_deposits() {
    let d = data();
    let engine = Engine::new(&d);
    for (who, on, expected) in [
        ("Oman", date(2014, 8, 20), 162),
        ("Sri Lanka", date(2017, 12, 13), 163),
        ("State of Palestine", date(2017, 12, 29), 164),
        ("Marshall Islands", date(2025, 3, 12), 165),
        ("Tonga", date(2025, 6, 25), 166),
    ] {
        assert_eq!(consented(&engine, &d, on), expected, "{who} on {on}");
        assert_eq!(
            consented(&engine, &d, on.yesterday().unwrap()),
            expected - 1,
            "the day before {who}"
        );
        assert_eq!(status_of(&engine, &d, who, on), Status::ConsentDeposited);
    }
}

#[test]
fn states_parties_on_1_march_2026() {
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    let counts = engine.counts_on(t, date(2026, 3, 1));
    assert_eq!(counts[Status::Party as usize].1, 161);
    assert_eq!(counts[Status::Withdrawn as usize].1, 5);
    assert_eq!(counts[Status::WithdrawalPending as usize].1, 0);
    assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), 197);
}

#[test]
fn the_2025_withdrawals_take_effect_on_the_right_days() {
    let d = data();
    let engine = Engine::new(&d);
    for (who, received, effective) in [
        ("Finland", date(2025, 7, 10), date(2026, 1, 10)),
        ("Estonia", date(2025, 6, 27), date(2025, 12, 27)),
        ("Latvia", date(2025, 6, 27), date(2025, 12, 27)),
        ("Lithuania", date(2025, 6, 27), date(2025, 12, 27)),
        ("Poland", date(2025, 8, 20), date(2026, 2, 20)),
    ] {
        assert_eq!(
            status_of(&engine, &d, who, received.yesterday().unwrap()),
            Status::Party
        );
        assert_eq!(
            status_of(&engine, &d, who, received),
            Status::WithdrawalPending
        );
        assert_eq!(
            status_of(&engine, &d, who, effective.yesterday().unwrap()),
            Status::WithdrawalPending,
            "{who} the day before"
        );
        assert_eq!(
            status_of(&engine, &d, who, effective),
            Status::Withdrawn,
            "{who}"
        );
    }
    assert_eq!(
        status_of(&engine, &d, "FIN", date(2026, 1, 9)),
        Status::WithdrawalPending
    );
    assert_eq!(
        status_of(&engine, &d, "FIN", date(2026, 1, 10)),
        Status::Withdrawn
    );
}

#[test]
fn ukraine_is_a_party_with_a_contested_suspension() {
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    let ukr = engine.resolve_state("Ukraine").unwrap();
    for on in [date(2025, 7, 18), date(2026, 3, 1), date(2026, 11, 26)] {
        let r = engine.status(t, ukr, on);
        assert_eq!(r.status, Status::Party, "{on}");
        assert_eq!(r.withdrawal_notified, None);
        assert!(
            r.notes.iter().any(|n| n.contains("suspends")),
            "{:?}",
            r.notes
        );
        assert!(
            r.notes.iter().any(|n| n.contains("dispute")),
            "{:?}",
            r.notes
        );
    }
    let r = engine.status(t, ukr, date(2026, 1, 1));
    assert_eq!(r.signed, Some(date(1999, 2, 24)));
    assert_eq!(r.consent_deposited, Some(date(2005, 12, 27)));
    assert_eq!(r.entry_into_force, Some(date(2006, 6, 1)));
}

#[test]
fn entry_into_force_on_known_cases() {
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    for (who, eif) in [
        ("Albania", date(2000, 8, 1)),           // deposited 29 Feb 2000
        ("Equatorial Guinea", date(1999, 3, 1)), // same day as the 40th
        ("Burkina Faso", date(1999, 3, 1)),      // the 40th
        ("Canada", date(1999, 3, 1)),
        ("Finland", date(2012, 7, 1)),
        ("Oman", date(2015, 2, 1)),
        ("Marshall Islands", date(2025, 9, 1)),
        ("Tonga", date(2025, 12, 1)),
        ("South Sudan", date(2011, 7, 9)), // from independence
        ("Montenegro", date(2006, 6, 3)),  // from independence
    ] {
        let s = engine.resolve_state(who).unwrap();
        let r = engine.status(t, s, date(2026, 1, 1));
        assert_eq!(r.entry_into_force, Some(eif), "{who}");
    }
    let s = engine.resolve_state("South Sudan").unwrap();
    let r = engine.status(t, s, date(2011, 8, 1));
    assert_eq!(r.status, Status::Party);
    assert_eq!(r.consent_kind, Some(ConsentKind::Succession));
}

#[test]
fn non_signatories_are_a_real_answer() {
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    for who in [
        "United States",
        "Russia",
        "China",
        "India",
        "Pakistan",
        "Iran",
        "Israel",
    ] {
        let s = engine.resolve_state(who).unwrap();
        let r = engine.status(t, s, date(2026, 11, 26));
        assert_eq!(r.status, Status::NotSignatory, "{who}");
        assert!(!r.sources.is_empty(), "{who} cites the status table");
    }
}

#[test]
fn names_aliases_and_former_names_resolve() {
    let d = data();
    let engine = Engine::new(&d);
    for (q, code) in [
        ("fin", "FIN"),
        ("Finland", "FIN"),
        ("Türkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Swaziland", "SWZ"),
        ("Eswatini", "SWZ"),
        ("The former Yugoslav Republic of Macedonia", "MKD"),
        ("North Macedonia", "MKD"),
        ("Czech Republic", "CZE"),
        ("Czechia", "CZE"),
        ("Cape Verde", "CPV"),
        ("Cabo Verde", "CPV"),
        ("Holy See", "VAT"),
        ("Cook Islands", "COK"),
        ("Niue", "NIU"),
        ("State of Palestine", "PSE"),
        ("St. Kitts and Nevis", "KNA"),
        ("cote d'ivoire", "CIV"),
    ] {
        assert_eq!(engine.resolve_state(q).unwrap().code.as_str(), code, "{q}");
    }
    let err = engine.resolve_state("Finlandia Republic").unwrap_err();
    assert!(
        err.suggestions.iter().any(|(_, c)| c.as_str() == "FIN"),
        "{err}"
    );
}

#[test]
fn every_participant_of_the_un_table_is_in_the_dataset() {
    // The fixture copy of the UN table (26-5.csv) shipped with the tests.
    let table = include_str!("fixtures/untc-26-5.csv");
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    let mut rows = 0;
    for line in table.lines().skip(1) {
        let name = line.split(',').next().unwrap();
        let s = engine.resolve_state(name).unwrap_or_else(|e| panic!("{e}"));
        assert!(engine.actions(t, s).next().is_some(), "{name} has actions");
        rows += 1;
    }
    assert_eq!(rows, 162);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn counts_always_add_up(offset in 0i64..12000) {
        let d = data();
        let engine = Engine::new(&d);
        let t = d.treaty("apmbc").unwrap();
        let on = date(1997, 1, 1).checked_add(offset.days()).unwrap();
        let counts = engine.counts_on(t, on);
        prop_assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), 197);
    }
}

#[test]
fn no_real_state_moves_backwards_except_through_withdrawal() {
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    for s in &d.states {
        let mut last = Status::NotSignatory;
        for (day, st) in engine.history(t, s) {
            assert!(
                st > last || matches!(last, Status::WithdrawalPending | Status::Withdrawn),
                "{}: {last} -> {st} on {day}",
                s.code
            );
            last = st;
        }
    }
}

#[test]
fn changes_replay_to_the_counts_of_every_day_and_name_their_events() {
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    let all = engine.changes(t, date(1990, 1, 1), date(2100, 1, 1));
    let mut current: std::collections::HashMap<_, Status> = d
        .states
        .iter()
        .map(|s| (s.code, Status::NotSignatory))
        .collect();
    for (i, c) in all.iter().enumerate() {
        assert!(
            !c.events.is_empty(),
            "{} {}: no event",
            c.state.code,
            c.date
        );
        assert!(
            !c.sources().is_empty(),
            "{} {}: no source",
            c.state.code,
            c.date
        );
        assert_eq!(
            current[&c.state.code], c.from,
            "{} {}",
            c.state.code, c.date
        );
        current.insert(c.state.code, c.to);
        // After the last change of a day, the replayed statuses give that day's counts.
        if all.get(i + 1).is_none_or(|n| n.date != c.date) {
            let counts = engine.counts_on(t, c.date);
            for (status, n) in counts {
                let replayed = current.values().filter(|s| **s == status).count();
                assert_eq!(replayed, n, "{status} on {}", c.date);
            }
        }
    }
}

#[test]
fn the_changes_of_2025_and_2026_are_the_joins_and_the_withdrawals() {
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    let doc = engine.changes_doc(t, date(2026, 1, 1), date(2026, 3, 1));
    let json = serde_json::to_value(&doc).unwrap();
    assert_eq!(json["from"], "2026-01-01");
    let fin = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["state"] == "FIN")
        .expect("Finland's withdrawal takes effect in the range");
    assert_eq!(fin["date"], "2026-01-10");
    assert_eq!(fin["from"], "withdrawal_pending");
    assert_eq!(fin["to"], "withdrawn");
    assert_eq!(fin["events"][0]["kind"], "withdrawal_takes_effect");
    assert!(fin["events"][0]["sources"][0]["url"].is_string());
    let states: Vec<&str> = doc.changes.iter().map(|c| c.state.code.as_str()).collect();
    assert_eq!(states, ["FIN", "POL"]);
    // Both ends are included.
    let one_day = engine.changes(t, date(2026, 1, 10), date(2026, 1, 10));
    assert_eq!(one_day.len(), 1);
}

#[test]
fn lithuania_left_the_cluster_munitions_convention_on_2025_03_06() {
    let d = data();
    let engine = Engine::new(&d);
    let ccm = d.treaty("ccm").unwrap();
    assert_eq!(d.treaty("XXVI-6").unwrap().id, ccm.id);
    let ltu = engine.resolve_state("LTU").unwrap();
    let before = engine.status(ccm, ltu, date(2025, 3, 5));
    // The day before, a State Party whose withdrawal is pending: still bound.
    assert_eq!(before.status, Status::WithdrawalPending);
    assert!(before.status.is_bound());
    assert_eq!(before.withdrawal_notified, Some(date(2024, 9, 6)));
    assert_eq!(before.withdrawal_effective, Some(date(2025, 3, 6)));
    let on = engine.status(ccm, ltu, date(2025, 3, 6));
    assert_eq!(on.status, Status::Withdrawn);
    assert!(!on.sources.is_empty());
    // In force generally on 2010-08-01, after the 30th instrument.
    assert_eq!(
        engine
            .status(ccm, engine.resolve_state("MDA").unwrap(), date(2011, 1, 1))
            .entry_into_force,
        Some(date(2010, 8, 1))
    );
    // 112 States Parties after Vanuatu (in force 2026-03-01), Lithuania out.
    let parties = engine
        .counts_on(ccm, date(2026, 3, 1))
        .iter()
        .filter(|(s, _)| s.is_bound())
        .map(|(_, n)| n)
        .sum::<usize>();
    assert_eq!(parties, 112);
}

#[test]
fn registry_treaties_have_rules_but_no_participants_in_the_embedded_data() {
    let d = data();
    let engine = Engine::new(&d);
    for id in [
        "enmod", "ccw", "ccw-p4", "ccw-ap2", "ccw-art1", "ccw-p5", "cwc", "ctbt", "kinshasa",
    ] {
        let t = d.treaty(id).unwrap_or_else(|| panic!("{id}"));
        assert!(t.untc.as_deref().unwrap().starts_with("XXVI-"), "{id}");
        assert!(!engine.has_actions(t), "{id}");
    }
    // The TPNW and the ATT are curated: their counts on the depositary's table of
    // 2026-02-03 (TPNW: 95 signatories, 74 parties; ATT: 130 signatories, 117 parties).
    for (id, signed, bound) in [("tpnw", 95, 74), ("att", 130, 117)] {
        let t = d.treaty(id).unwrap();
        let on = date(2026, 2, 3);
        let counts = engine.counts_on(t, on);
        let n = |f: &dyn Fn(Status) -> bool| -> usize {
            counts.iter().filter(|(s, _)| f(*s)).map(|(_, n)| n).sum()
        };
        assert_eq!(n(&|s| s.is_bound()), bound, "{id}");
        let ever_signed = d
            .actions
            .iter()
            .filter(|a| a.treaty.0 == id && a.kind == treatywatch_core::ActionKind::Signature)
            .count();
        assert_eq!(ever_signed, signed, "{id}");
    }
    // The TPNW entered into force 90 days after Honduras's 50th instrument.
    let tpnw = d.treaty("tpnw").unwrap();
    assert!(matches!(
        engine.general_entry(tpnw),
        treatywatch_core::rules::GeneralEntry::InForce { date: d, .. } if *d == date(2021, 1, 22)
    ));
    // The CTBT waits for all 44 Annex 2 states.
    let ctbt = d.treaty("ctbt").unwrap();
    match &ctbt.rules.entry_into_force {
        treatywatch_core::rules::EntryIntoForceRule::AllOf { states, .. } => {
            assert_eq!(states.len(), 44)
        }
        other => panic!("{other:?}"),
    }
}
