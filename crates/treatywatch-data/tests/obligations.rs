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
            // Cameroon: the Monitor showed its 2013 deadline passed with no extension
            // requested, in 2017.
            ("CMR".to_string(), "clearance".to_string()),
            ("GRC".to_string(), "stockpile_destruction".to_string()),
            // Nigeria declared completion in 2011, then reported improvised mines in the
            // northeast; the Monitor showed its 2012 deadline missed in 2017.
            ("NGA".to_string(), "clearance".to_string()),
            ("UKR".to_string(), "stockpile_destruction".to_string()),
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

fn one<'d>(
    engine: &Engine<'d>,
    data: &'d Dataset,
    treaty: &str,
    who: &str,
    obligation: &str,
    on: Date,
) -> Deadline<'d> {
    let t = data.treaty(treaty).unwrap();
    let s = engine.resolve_state(who).unwrap();
    engine
        .deadlines(t, s, on, on)
        .into_iter()
        .find(|d| d.obligation.id == obligation && d.covers_year.is_none())
        .unwrap_or_else(|| panic!("{who}: no {obligation} under {treaty}"))
}

#[test]
fn thailand_clearance_deadline_moves_with_each_extension_granted() {
    let d = data();
    let engine = Engine::new(&d);
    let at = |on| one(&engine, &d, "apmbc", "Thailand", "clearance", on);
    // Ten years after entry into force (1999-05-01), then three extensions.
    assert_eq!(at(date(2008, 1, 1)).due, date(2009, 5, 1));
    assert_eq!(at(date(2008, 1, 1)).original_due, date(2009, 5, 1));
    // 9MSP, 28 November 2008: to 1 November 2018.
    assert_eq!(at(date(2008, 11, 27)).due, date(2009, 5, 1));
    assert_eq!(at(date(2008, 11, 28)).due, date(2018, 11, 1));
    // 16MSP, December 2017: to 31 October 2023 (known from the month's end).
    assert_eq!(at(date(2018, 1, 1)).due, date(2023, 10, 31));
    // 20MSP, November 2022: to 31 December 2026.
    let now = at(date(2026, 6, 1));
    assert_eq!(
        (now.due, now.status),
        (date(2026, 12, 31), DeadlineStatus::Pending)
    );
    let granted = now
        .history
        .iter()
        .filter(|r| r.kind.as_str() == "clearance_extension_granted")
        .count();
    assert_eq!(granted, 3, "{:#?}", now.history);
}

#[test]
fn chile_completion_is_dated_by_the_work_not_by_its_declaration() {
    let d = data();
    let engine = Engine::new(&d);
    let c = one(&engine, &d, "apmbc", "Chile", "clearance", date(2026, 6, 1));
    // Finished on 27 February 2020, two days before the deadline of 1 March 2020;
    // declared to the 18MSP in November 2020, after it.
    assert_eq!(c.due, date(2020, 3, 1));
    assert_eq!(c.status, DeadlineStatus::Completed, "{}", c.reason);
    assert_eq!(c.completed.as_ref().unwrap().to_string(), "2020-02-27");
    assert_eq!(c.declared.as_ref().unwrap().to_string(), "2020-11");
    // Between the two, the record already shows it met.
    let between = one(&engine, &d, "apmbc", "Chile", "clearance", date(2020, 6, 1));
    assert_eq!(between.status, DeadlineStatus::Completed);
    assert!(between.declared.is_none());
}

#[test]
fn a_state_that_never_held_a_stockpile_has_nothing_to_destroy() {
    let d = data();
    let engine = Engine::new(&d);
    let l = one(
        &engine,
        &d,
        "apmbc",
        "Liberia",
        "stockpile_destruction",
        date(2026, 6, 1),
    );
    assert_eq!(l.status, DeadlineStatus::NotApplicable, "{}", l.reason);
    assert!(l.reason.contains("never held"), "{}", l.reason);
    assert!(l.sources.iter().any(|s| s.url.contains("the-monitor.org")));
    // A state that destroyed its stockpile is told apart.
    let f = one(
        &engine,
        &d,
        "apmbc",
        "Finland",
        "stockpile_destruction",
        date(2026, 6, 1),
    );
    assert_eq!(f.status, DeadlineStatus::Completed);
}

#[test]
fn a_cluster_munitions_clearance_deadline_and_its_extension() {
    let d = data();
    let engine = Engine::new(&d);
    // Lao PDR: in force 2010-08-01, ten years to 2020-08-01, extended at the 9MSP
    // (September 2019) to 2025-08-01.
    let before = one(&engine, &d, "ccm", "Lao", "clearance", date(2019, 6, 1));
    assert_eq!(
        (before.original_due, before.due),
        (date(2020, 8, 1), date(2020, 8, 1))
    );
    let after = one(&engine, &d, "ccm", "Lao", "clearance", date(2020, 1, 1));
    assert_eq!(
        (after.due, after.status),
        (date(2025, 8, 1), DeadlineStatus::Pending)
    );
    // Croatia finished on 10 July 2020, before its deadline of 1 August 2020.
    let hrv = one(&engine, &d, "ccm", "Croatia", "clearance", date(2021, 1, 1));
    assert_eq!(hrv.status, DeadlineStatus::Completed, "{}", hrv.reason);
}

#[test]
fn overdue_in_2026_names_the_states_the_records_show() {
    let d = data();
    let engine = Engine::new(&d);
    let on = date(2026, 6, 1);
    let overdue = |treaty: &str| -> Vec<(String, String)> {
        let t = d.treaty(treaty).unwrap();
        let window = treatywatch_core::DeadlineWindow::new(on, None, None, true, false).unwrap();
        engine
            .deadline_list(t, &[], on, &window)
            .into_iter()
            .map(|x| (x.state.code.to_string(), x.obligation.id.clone()))
            .collect()
    };
    assert_eq!(
        overdue("apmbc"),
        [
            ("GRC".to_string(), "stockpile_destruction".to_string()),
            // Mali declared no mined areas in 2005; Mine Action Review (2023) counts its
            // improvised mines and its 2009 deadline as missed.
            ("MLI".to_string(), "clearance".to_string()),
            ("UKR".to_string(), "stockpile_destruction".to_string()),
            ("NGA".to_string(), "clearance".to_string()),
            ("CMR".to_string(), "clearance".to_string()),
        ]
    );
    // No Convention on Cluster Munitions deadline is shown missed by its record.
    assert!(overdue("ccm").is_empty());
}

#[test]
fn yearly_reports_are_listed_only_when_asked_for() {
    let d = data();
    let engine = Engine::new(&d);
    let t = d.treaty("apmbc").unwrap();
    let on = date(2026, 1, 1);
    let window = treatywatch_core::DeadlineWindow::new(on, None, None, false, false).unwrap();
    let default = engine.deadline_list(t, &[], on, &window);
    assert!(!default.is_empty());
    assert!(default.iter().all(|x| x.covers_year.is_none()));
    let asked = window
        .clone()
        .with_obligations(t, &["art7".to_string()])
        .unwrap();
    let reports = engine.deadline_list(t, &[], on, &asked);
    assert!(reports.iter().any(|x| x.obligation.id == "annual_report"));
    assert!(
        reports
            .iter()
            .all(|x| x.obligation.article.starts_with("Art. 7"))
    );
    let e = window
        .with_obligations(t, &["art9".to_string()])
        .unwrap_err();
    assert!(e.to_string().contains("art5"), "{e}");
}

#[test]
fn coverage_counts_every_party_and_names_the_gaps() {
    let d = data();
    let engine = Engine::new(&d);
    for treaty in ["apmbc", "ccm"] {
        let t = d.treaty(treaty).unwrap();
        let c = engine.coverage(t, date(2026, 6, 1));
        for o in &c.obligations {
            let total: usize = DeadlineStatus::ALL.iter().map(|s| o.counts.get(*s)).sum();
            assert_eq!(total, o.states, "{treaty} {}", o.obligation);
            assert_eq!(o.unknown_states.len(), o.unknown);
        }
        let stockpile = c
            .obligations
            .iter()
            .find(|o| o.obligation == "stockpile_destruction")
            .unwrap();
        // The stockpile record covers at least 95% of the parties.
        assert!(stockpile.unknown_share <= 0.05, "{treaty}: {stockpile:#?}");
    }
}
