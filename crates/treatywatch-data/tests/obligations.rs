//! Deadlines, evidence and `--known-on` on the real dataset.

use jiff::civil::{Date, date};
use treatywatch_core::engine::{Deadline, Engine};
use treatywatch_core::obligations::DeadlineStatus;
use treatywatch_core::{Dataset, Status};

fn data() -> Dataset {
    treatywatch_data::embedded().expect("the embedded dataset parses")
}

fn deadlines<'d>(engine: &Engine<'d>, data: &'d Dataset, who: &str, on: Date) -> Vec<Deadline<'d>> {
    let t = data.treaty("apmbc").unwrap();
    let s = engine.resolve_state(who).unwrap();
    engine.deadlines(t, s, on, date(2040, 1, 1))
}

fn find<'a, 'd>(list: &'a [Deadline<'d>], obligation: &str) -> &'a Deadline<'d> {
    list.iter()
        .find(|d| d.obligation.id == obligation && d.covers_year.is_none())
        .unwrap_or_else(|| panic!("no {obligation}"))
}

#[test]
fn oman_deadlines_follow_from_entry_into_force() {
    let d = data();
    let engine = Engine::new(&d);
    let list = deadlines(&engine, &d, "Oman", date(2026, 1, 1));
    let initial = find(&list, "initial_report");
    assert_eq!(initial.entry_into_force, date(2015, 2, 1));
    assert_eq!(initial.due, date(2015, 7, 31));
    let stockpile = find(&list, "stockpile_destruction");
    assert_eq!(stockpile.due, date(2019, 2, 1));
    assert_eq!(stockpile.status, DeadlineStatus::Completed);
    assert!(
        stockpile.reason.contains("completed 2018"),
        "{}",
        stockpile.reason
    );
    assert!(
        stockpile.sources.iter().any(|s| s.url.contains("oman")),
        "the completion's source is cited"
    );
    // Before the completion it was pending.
    let list = deadlines(&engine, &d, "Oman", date(2017, 1, 1));
    assert_eq!(
        find(&list, "stockpile_destruction").status,
        DeadlineStatus::Pending
    );
    let clearance = find(&list, "clearance");
    assert_eq!(clearance.due, date(2025, 2, 1));
    // Yearly reports from 2016 on.
    let first_annual = list
        .iter()
        .filter(|x| x.obligation.id == "annual_report")
        .map(|x| x.due)
        .min()
        .unwrap();
    assert_eq!(first_annual, date(2016, 4, 30));
}

#[test]
fn ukraine_clearance_missed_then_extended() {
    let d = data();
    let engine = Engine::new(&d);
    for (on, due, status) in [
        (date(2016, 6, 1), date(2016, 6, 1), DeadlineStatus::Pending),
        (date(2017, 1, 1), date(2016, 6, 1), DeadlineStatus::Overdue),
        (date(2019, 6, 1), date(2021, 6, 1), DeadlineStatus::Pending),
        (date(2022, 1, 1), date(2023, 12, 1), DeadlineStatus::Pending),
        (
            date(2026, 11, 26),
            date(2033, 12, 1),
            DeadlineStatus::Pending,
        ),
    ] {
        let list = deadlines(&engine, &d, "Ukraine", on);
        let c = find(&list, "clearance");
        assert_eq!((c.due, c.status), (due, status), "on {on}: {}", c.reason);
        assert_eq!(c.original_due, date(2016, 6, 1));
    }
    let list = deadlines(&engine, &d, "Ukraine", date(2020, 1, 1));
    let c = find(&list, "clearance");
    assert!(c.reason.contains("17MSP"), "{}", c.reason);
    assert!(c.sources.iter().any(|s| s.url.contains("canadianlandmine")));
    // Its stockpile deadline of 2010-06-01 was missed and is still overdue.
    let s = find(&list, "stockpile_destruction");
    assert_eq!(
        (s.due, s.status),
        (date(2010, 6, 1), DeadlineStatus::Overdue)
    );
}

#[test]
fn overdue_on_1_january_2020_is_exactly_what_the_records_show() {
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    let on = date(2020, 1, 1);
    let overdue: Vec<(String, String)> = engine
        .all_deadlines(t, on, on)
        .into_iter()
        .filter(|x| x.status == DeadlineStatus::Overdue)
        .map(|x| {
            assert!(!x.reason.is_empty());
            assert!(
                x.records.iter().any(|r| !r.sources.is_empty()),
                "{}: a record with its source decides it",
                x.state.code
            );
            (x.state.code.to_string(), x.obligation.id.clone())
        })
        .collect();
    assert_eq!(
        overdue,
        [
            ("GRC".to_string(), "stockpile_destruction".to_string()),
            ("UKR".to_string(), "stockpile_destruction".to_string())
        ]
    );
    // Belarus and Turkey missed theirs too, but had completed by 2020.
    let by = |who: &str, on: Date| {
        find(&deadlines(&engine, &d, who, on), "stockpile_destruction").status
    };
    assert_eq!(by("Belarus", date(2012, 1, 1)), DeadlineStatus::Overdue);
    assert_eq!(by("Belarus", on), DeadlineStatus::CompletedLate);
    assert_eq!(by("Turkey", date(2010, 1, 1)), DeadlineStatus::Overdue);
    assert_eq!(by("Turkey", on), DeadlineStatus::CompletedLate);
}

#[test]
fn obligations_end_with_a_withdrawal() {
    let d = data();
    let engine = Engine::new(&d);
    let list = deadlines(&engine, &d, "Finland", date(2026, 11, 26));
    // No yearly report falls due after the withdrawal took effect on 2026-01-10.
    assert!(
        list.iter()
            .filter(|x| x.obligation.id == "annual_report")
            .all(|x| x.due < date(2026, 1, 10))
    );
    let stockpile = find(&list, "stockpile_destruction");
    assert_eq!(stockpile.status, DeadlineStatus::Completed);
}

fn known(d: &Dataset, on: Date) -> Dataset {
    d.as_known_on(on)
}

#[test]
fn known_on_around_the_2025_withdrawals() {
    let d = data();
    let t = d.treaty("apmbc").unwrap();
    // Finland on 5 July 2025: a party with a parliamentary vote to withdraw, and no
    // withdrawal date yet; its instrument was presented on 10 July and reported on 11 July.
    let view = known(&d, date(2025, 7, 5));
    let engine = Engine::new(&view);
    let fin = engine.resolve_state("FIN").unwrap();
    let r = engine.status(t, fin, date(2025, 7, 5));
    assert_eq!(r.status, Status::Party);
    assert_eq!(r.withdrawal_notified, None);
    assert_eq!(r.withdrawal_effective, None);
    assert!(
        r.evidence
            .iter()
            .any(|e| e.step.summary.contains("approves withdrawal")),
        "the vote of 19 June is known"
    );
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("Domestic steps point to withdrawal"))
    );
    // Once it was public, the withdrawal and its date of effect are known.
    let view = known(&d, date(2025, 7, 11));
    let engine = Engine::new(&view);
    let r = engine.status(t, engine.resolve_state("FIN").unwrap(), date(2025, 7, 11));
    assert_eq!(r.status, Status::WithdrawalPending);
    assert_eq!(r.withdrawal_effective, Some(date(2026, 1, 10)));

    // Lithuania: the Seimas vote of 8 May was public that day; the Baltic instruments of
    // 27 June were first reported on 29 June.
    for (k, status, votes) in [
        (date(2025, 5, 7), Status::Party, 0),
        (date(2025, 5, 8), Status::Party, 1),
        (date(2025, 6, 28), Status::Party, 1),
        (date(2025, 6, 29), Status::WithdrawalPending, 1),
    ] {
        let view = known(&d, k);
        let engine = Engine::new(&view);
        let r = engine.status(t, engine.resolve_state("LTU").unwrap(), k);
        assert_eq!(r.status, status, "known on {k}");
        let n = r
            .evidence
            .iter()
            .filter(|e| e.step.kind == treatywatch_core::evidence::StepKind::ParliamentVote)
            .count();
        assert_eq!(n, votes, "known on {k}");
    }
    // Poland: the notification of 20 August was first reported on 27 August.
    for (k, status) in [
        (date(2025, 8, 26), Status::Party),
        (date(2025, 8, 27), Status::WithdrawalPending),
    ] {
        let view = known(&d, k);
        let engine = Engine::new(&view);
        let r = engine.status(t, engine.resolve_state("POL").unwrap(), k);
        assert_eq!(r.status, status, "known on {k}");
    }
    // Facts from the depositary's table are known from their own day.
    let view = known(&d, date(2012, 1, 9));
    let engine = Engine::new(&view);
    let r = engine.status(t, engine.resolve_state("FIN").unwrap(), date(2012, 1, 9));
    assert_eq!(r.status, Status::ConsentDeposited);
}

#[test]
fn a_reporter_in_may_2025_sees_the_vote_and_the_legal_status_apart() {
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    let r = engine.status(
        t,
        engine.resolve_state("Lithuania").unwrap(),
        date(2025, 5, 20),
    );
    assert_eq!(r.status, Status::Party);
    let note = r
        .notes
        .iter()
        .find(|n| n.contains("Domestic steps point to withdrawal"))
        .expect("a note about the steps");
    assert!(note.contains("107 for, 0 against, 3 abstaining"), "{note}");
    assert!(note.contains("no instrument of withdrawal"), "{note}");
    // Ukraine: the decree points to withdrawal, the notified suspension is recorded.
    let r = engine.status(
        t,
        engine.resolve_state("Ukraine").unwrap(),
        date(2026, 1, 1),
    );
    assert_eq!(r.status, Status::Party);
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("Domestic steps point to withdrawal"))
    );
    assert!(
        !r.notes
            .iter()
            .any(|n| n.contains("Domestic steps point to suspension"))
    );
}

#[test]
fn records_of_stockpiles_production_and_use() {
    use treatywatch_core::evidence::{Production, RecordKind, RecordValue};
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    let recs = |who: &str| engine.records(t, engine.resolve_state(who).unwrap());
    // Finland had over a million before it joined.
    assert!(
        recs("FIN")
            .iter()
            .any(|(r, _)| r.kind == RecordKind::StockpileCount
                && matches!(r.value, RecordValue::Count { count, .. } if count > 1_000_000))
    );
    // Production intent announced in 2025 by Lithuania and Finland.
    for who in ["LTU", "FIN"] {
        assert!(
            recs(who).iter().any(|(r, s)| r.value
                == RecordValue::Production(Production::IntentAnnounced)
                && !s.is_empty()),
            "{who}"
        );
    }
    // Ukraine's stockpile series and Poland's destroyed stockpile.
    let ukr = recs("UKR");
    assert!(
        ukr.iter()
            .filter(|(r, _)| r.kind == RecordKind::StockpileCount)
            .count()
            >= 5
    );
    assert!(ukr.iter().any(|(r, _)| r.kind == RecordKind::UseAllegation));
    assert!(
        recs("POL")
            .iter()
            .any(|(r, _)| r.kind == RecordKind::StockpileDestroyed
                && matches!(r.value, RecordValue::Count { count, .. } if count > 1_000_000))
    );
    assert!(
        recs("OMN")
            .iter()
            .any(|(r, _)| r.kind == RecordKind::StockpileDestroyed)
    );
    // Every record is sourced.
    for (r, s) in d.states.iter().flat_map(|st| engine.records(t, st)) {
        assert!(!s.is_empty(), "{}:{}", r.origin.file, r.origin.line);
    }
}

#[test]
fn each_2025_step_and_withdrawal_appears_the_day_it_became_public() {
    let d = data();
    let t = d.treaty("apmbc").unwrap();
    let mut checked = 0;
    for step in &d.steps {
        let public = d
            .public_from(&step.sources, step.date.latest().unwrap())
            .expect("dated sources");
        let seen = |k: Date| {
            let view = d.as_known_on(k);
            let engine = Engine::new(&view);
            let s = engine.resolve_state(step.state.as_str()).unwrap();
            engine
                .status(t, s, k)
                .evidence
                .iter()
                .any(|e| e.step.summary == step.summary && e.step.date == step.date)
        };
        assert!(
            !seen(public.yesterday().unwrap()),
            "{} {}",
            step.state,
            step.summary
        );
        assert!(seen(public), "{} {}", step.state, step.summary);
        checked += 1;
    }
    assert_eq!(checked, d.steps.len());
    for a in d
        .actions
        .iter()
        .filter(|a| a.treaty == t.id && a.kind == treatywatch_core::ActionKind::Withdrawal)
    {
        let public = d.public_from(&a.sources, a.date).unwrap();
        let status = |k: Date| {
            let view = d.as_known_on(k);
            let engine = Engine::new(&view);
            engine.status_only(t, engine.resolve_state(a.state.as_str()).unwrap(), k)
        };
        assert_eq!(
            status(public.yesterday().unwrap()),
            Status::Party,
            "{}",
            a.state
        );
        assert_eq!(status(public), Status::WithdrawalPending, "{}", a.state);
    }
}

#[test]
fn the_depositary_tables_are_records_whose_facts_are_public_from_their_own_day() {
    let d = data();
    let ccm = d.treaty("ccm").unwrap();
    // Lithuania ratified the CCM on 2011-03-24; a reader in 2012 knew it from the UN table.
    let view = d.as_known_on(date(2012, 1, 1));
    let engine = Engine::new(&view);
    let ltu = engine.resolve_state("LTU").unwrap();
    assert_eq!(
        engine.status_only(ccm, ltu, date(2012, 1, 1)),
        Status::Party
    );
    for s in d
        .sources
        .iter()
        // The status pages (a treaty's text on the same site is a publication).
        .filter(|s| s.url.contains("treaties.un.org") && s.url.contains("mtdsg_no="))
    {
        assert_eq!(s.kind, treatywatch_core::SourceKind::Record, "{}", s.id);
    }
}
