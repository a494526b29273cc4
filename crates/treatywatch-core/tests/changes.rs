//! `Engine::changes` (every status change between two days, with what caused it),
//! `Engine::facts_on` (the lean facts panels are made of), and the all-of rule.

mod common;

use common::*;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use treatywatch_core::rules::{Delay, EntryIntoForceRule, GeneralEntry, LaterFrom};
use treatywatch_core::*;

fn code(s: &str) -> StateCode {
    s.parse().unwrap()
}

/// Treaty `t` with a threshold of 2: AAA and BBB ratify, CCC signs only, DDD ratifies
/// late and withdraws.
fn data() -> Dataset {
    let mut d = dataset(mine_ban_rules(
        2,
        vec![ConsentKind::Ratification, ConsentKind::Accession],
        false,
    ));
    for c in ["AAA", "BBB", "CCC", "DDD"] {
        d.states.push(state(code(c), None));
    }
    d.actions.extend([
        action(code("AAA"), "signature", date(2000, 1, 10)),
        action(code("AAA"), "ratification", date(2000, 3, 15)),
        action(code("BBB"), "signature", date(2000, 1, 10)),
        action(code("BBB"), "ratification", date(2000, 5, 2)),
        action(code("CCC"), "signature", date(2000, 2, 1)),
        action(code("DDD"), "accession", date(2003, 1, 20)),
        action(code("DDD"), "withdrawal", date(2010, 4, 1)),
    ]);
    d
}

#[test]
fn changes_between_two_days_with_their_causes() {
    let d = data();
    let engine = Engine::new(&d);
    let t = &d.treaties[0];
    let all = engine.changes(t, date(1999, 12, 31), date(2011, 1, 1));
    let summary: Vec<(Date, &str, Status, Status)> = all
        .iter()
        .map(|c| (c.date, c.state.code.as_str(), c.from, c.to))
        .collect();
    use Status::*;
    assert_eq!(
        summary,
        vec![
            (date(2000, 1, 10), "AAA", NotSignatory, Signatory),
            (date(2000, 1, 10), "BBB", NotSignatory, Signatory),
            (date(2000, 2, 1), "CCC", NotSignatory, Signatory),
            (date(2000, 3, 15), "AAA", Signatory, ConsentDeposited),
            (date(2000, 5, 2), "BBB", Signatory, ConsentDeposited),
            // The second ratification brings the treaty into force on the first day of
            // the sixth month after: both become parties that day.
            (date(2000, 11, 1), "AAA", ConsentDeposited, Party),
            (date(2000, 11, 1), "BBB", ConsentDeposited, Party),
            (date(2003, 1, 20), "DDD", NotSignatory, ConsentDeposited),
            (date(2003, 7, 1), "DDD", ConsentDeposited, Party),
            (date(2010, 4, 1), "DDD", Party, WithdrawalPending),
            (date(2010, 10, 1), "DDD", WithdrawalPending, Withdrawn),
        ]
    );
    // Each change says why, with sources: the action, or the rule that took effect.
    for c in &all {
        assert!(!c.events.is_empty(), "{c:?}");
        assert!(c.events.iter().all(|e| !e.sources.is_empty()));
    }
    let entry = &all[5].events;
    assert!(
        entry
            .iter()
            .any(|e| e.kind == TimelineKind::EntryIntoForce && e.kind.is_derived())
    );
    let withdrawn = &all[10].events[0];
    assert_eq!(withdrawn.kind, TimelineKind::WithdrawalTakesEffect);
    assert_eq!(withdrawn.action.unwrap().date, date(2010, 4, 1));
    // The window is `from <= day <= to`.
    let window = engine.changes(t, date(2000, 11, 1), date(2003, 1, 20));
    let codes: Vec<&str> = window.iter().map(|c| c.state.code.as_str()).collect();
    assert_eq!(codes, ["AAA", "BBB", "DDD"]);
    assert_eq!(
        engine
            .changes(t, date(2000, 11, 2), date(2003, 1, 19))
            .len(),
        0
    );
    assert!(
        engine
            .changes(t, date(2011, 1, 1), date(2030, 1, 1))
            .is_empty()
    );
}

#[test]
fn facts_match_the_full_report_on_any_day() {
    let d = data();
    let engine = Engine::new(&d);
    let t = &d.treaties[0];
    let days: Vec<Date> = (1999..2012)
        .flat_map(|y| [date(y, 1, 1), date(y, 6, 30), date(y, 12, 31)])
        .chain([date(2000, 11, 1), date(2000, 10, 31), date(2010, 10, 1)])
        .collect();
    for s in &d.states {
        let facts = engine.facts_on(t, s, &days);
        for (day, f) in days.iter().zip(&facts) {
            let r = engine.status(t, s, *day);
            assert_eq!(*f, r.facts(), "{} on {day}", s.code);
        }
    }
}

proptest! {
    /// On the real dataset, for any day, the lean facts agree with the full report.
    #[test]
    fn facts_agree_with_reports_on_arbitrary_days(y in 1995i16..2030, doy in 0i64..365) {
        use jiff::ToSpan;
        let d = data();
        let engine = Engine::new(&d);
        let t = &d.treaties[0];
        let day = date(y, 1, 1).checked_add(doy.days()).unwrap();
        for s in &d.states {
            let f = engine.facts_on(t, s, &[day])[0];
            prop_assert_eq!(f, engine.status(t, s, day).facts());
        }
    }
}

#[test]
fn an_all_of_rule_waits_for_every_listed_state() {
    let mut d = data();
    d.treaties[0].rules.entry_into_force = EntryIntoForceRule::AllOf {
        states: vec![code("AAA"), code("CCC")],
        counted: vec![ConsentKind::Ratification],
        general: Delay::DaysAfter { days: 180 },
        not_before: Some(date(2001, 1, 1)),
        later: Delay::DaysAfter { days: 30 },
        later_from: LaterFrom::EntryIntoForce,
        clause: "Art. XIV".into(),
    };
    {
        let engine = Engine::new(&d);
        let t = &d.treaties[0];
        // CCC has only signed: not in force, whatever the others did.
        assert_eq!(
            engine.general_entry(t),
            &GeneralEntry::NotYet {
                deposited: 1,
                needed: 2
            }
        );
        let aaa = engine.resolve_state("AAA").unwrap();
        let r = engine.status(t, aaa, date(2026, 1, 1));
        assert_eq!(r.status, Status::ConsentDeposited);
        assert!(r.notes[0].contains("1 of the 2"), "{:?}", r.notes);
    }
    d.actions
        .push(action(code("CCC"), "ratification", date(2000, 3, 1)));
    let engine = Engine::new(&d);
    let t = &d.treaties[0];
    // The last listed ratification (2000-03-15) plus 180 days is 2000-09-11, but never
    // before 2001-01-01.
    assert!(matches!(
        engine.general_entry(t),
        GeneralEntry::InForce { date: d, .. } if *d == date(2001, 1, 1)
    ));
}

#[test]
fn a_recorded_date_governs_when_the_record_lacks_instruments() {
    let mut d = data();
    // Only AAA and BBB counted would give 2000-11-01; the depositary records an earlier
    // date, reached with instruments not in the record.
    d.treaties[0].entry_into_force = Some(date(2000, 8, 1));
    let engine = Engine::new(&d);
    let t = &d.treaties[0];
    assert!(matches!(
        engine.computed_general_entry(t),
        GeneralEntry::InForce { date: d, .. } if *d == date(2000, 11, 1)
    ));
    assert!(matches!(
        engine.general_entry(t),
        GeneralEntry::InForce { date: d, threshold_date, .. }
            if *d == date(2000, 8, 1) && *threshold_date == date(2000, 2, 1)
    ));
    let bbb = engine.resolve_state("BBB").unwrap();
    // BBB ratified after the (recovered) threshold day: first day of the sixth month.
    assert_eq!(
        engine.status(t, bbb, date(2001, 1, 1)).entry_into_force,
        Some(date(2000, 11, 1))
    );
    // A recorded date later than the computation is not used (the check reports it).
    let mut d2 = data();
    d2.treaties[0].entry_into_force = Some(date(2001, 8, 1));
    let engine = Engine::new(&d2);
    assert!(matches!(
        engine.general_entry(&d2.treaties[0]),
        GeneralEntry::InForce { date: d, .. } if *d == date(2000, 11, 1)
    ));
}
