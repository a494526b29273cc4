//! The engine on small hand-made datasets: one test per rule.

use jiff::civil::{Date, date};
use treatywatch_core::engine::Engine;
use treatywatch_core::rules::*;
use treatywatch_core::*;

mod common;

struct Builder {
    data: Dataset,
}

fn code(s: &str) -> StateCode {
    s.parse().unwrap()
}

impl Builder {
    fn new(threshold: u32) -> Builder {
        let counted = vec![
            ConsentKind::Ratification,
            ConsentKind::Acceptance,
            ConsentKind::Approval,
            ConsentKind::Accession,
        ];
        Builder {
            data: common::dataset(common::mine_ban_rules(threshold, counted, true)),
        }
    }

    fn state(mut self, c: &str) -> Builder {
        self.data.states.push(common::state(code(c), None));
        self
    }

    fn independent(mut self, c: &str, on: Date) -> Builder {
        let s = self
            .data
            .states
            .iter_mut()
            .find(|s| s.code == code(c))
            .unwrap();
        *s = common::state(code(c), Some(on));
        self
    }

    fn act(mut self, c: &str, kind: &str, on: Date) -> Builder {
        if !self.data.states.iter().any(|s| s.code == code(c)) {
            self = self.state(c);
        }
        self.data.actions.push(common::action(code(c), kind, on));
        self
    }

    fn conflict(mut self, c: &str, start: Date, end: Option<Date>) -> Builder {
        self.data
            .conflicts
            .push(common::conflict(code(c), start, end));
        self
    }

    /// Three early ratifications bring a threshold-3 treaty into force on 1999-03-01.
    fn in_force(self) -> Builder {
        self.act("AAA", "ratification", date(1998, 1, 10))
            .act("BBB", "ratification", date(1998, 5, 10))
            .act("CCC", "accession", date(1998, 9, 16))
    }
}

fn status(data: &Dataset, c: &str, on: Date) -> Status {
    let engine = Engine::new(data);
    let t = &data.treaties[0];
    engine.status_only(t, data.state(code(c)).unwrap(), on)
}

fn report<'d>(engine: &Engine<'d>, data: &'d Dataset, c: &str, on: Date) -> StatusReport<'d> {
    engine.status(&data.treaties[0], data.state(code(c)).unwrap(), on)
}

#[test]
fn the_status_ladder() {
    let data = Builder::new(3)
        .in_force()
        .act("DDD", "signature", date(1997, 12, 3))
        .act("DDD", "ratification", date(2000, 2, 29))
        .state("EEE")
        .data;
    assert_eq!(
        status(&data, "DDD", date(1997, 12, 2)),
        Status::NotSignatory
    );
    assert_eq!(status(&data, "DDD", date(1997, 12, 3)), Status::Signatory);
    assert_eq!(status(&data, "DDD", date(2000, 2, 28)), Status::Signatory);
    assert_eq!(
        status(&data, "DDD", date(2000, 2, 29)),
        Status::ConsentDeposited
    );
    // From 29 February: the first day of the sixth month after is 1 August.
    assert_eq!(
        status(&data, "DDD", date(2000, 7, 31)),
        Status::ConsentDeposited
    );
    assert_eq!(status(&data, "DDD", date(2000, 8, 1)), Status::Party);
    assert_eq!(status(&data, "EEE", date(2026, 1, 1)), Status::NotSignatory);
}

#[test]
fn a_deposit_on_the_day_of_the_threshold_instrument() {
    // DDD deposits the same day as the 3rd instrument: the general date, 1999-03-01.
    let data = Builder::new(3)
        .in_force()
        .act("DDD", "accession", date(1998, 9, 16))
        .act("EEE", "accession", date(1998, 9, 17))
        .act("FFF", "accession", date(1998, 10, 1))
        .data;
    let engine = Engine::new(&data);
    let r = report(&engine, &data, "DDD", date(1999, 3, 1));
    assert_eq!(r.status, Status::Party);
    assert_eq!(r.entry_into_force, Some(date(1999, 3, 1)));
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("same day as the threshold instrument")),
        "{:?}",
        r.notes
    );
    assert_eq!(
        status(&data, "DDD", date(1999, 2, 28)),
        Status::ConsentDeposited
    );
    // The next day is "after" it; the sixth month after September is still March.
    assert_eq!(
        report(&engine, &data, "EEE", date(1999, 3, 1)).entry_into_force,
        Some(date(1999, 3, 1))
    );
    // A deposit in October waits until 1 April.
    assert_eq!(
        report(&engine, &data, "FFF", date(1999, 3, 1)).entry_into_force,
        Some(date(1999, 4, 1))
    );
    assert_eq!(
        status(&data, "FFF", date(1999, 3, 31)),
        Status::ConsentDeposited
    );
    assert_eq!(status(&data, "FFF", date(1999, 4, 1)), Status::Party);
}

#[test]
fn the_general_entry_into_force_across_a_year_boundary() {
    let data = Builder::new(3).in_force().data;
    let engine = Engine::new(&data);
    assert_eq!(
        engine.general_entry(&data.treaties[0]),
        &GeneralEntry::InForce {
            date: date(1999, 3, 1),
            threshold_date: date(1998, 9, 16),
            threshold_action: 2
        }
    );
    assert_eq!(
        status(&data, "AAA", date(1999, 2, 28)),
        Status::ConsentDeposited
    );
    assert_eq!(status(&data, "AAA", date(1999, 3, 1)), Status::Party);
}

#[test]
fn a_treaty_not_yet_in_force() {
    let data = Builder::new(10).in_force().data;
    let engine = Engine::new(&data);
    let r = report(&engine, &data, "AAA", date(2026, 1, 1));
    assert_eq!(r.status, Status::ConsentDeposited);
    assert_eq!(r.entry_into_force, None);
    assert!(
        r.notes.iter().any(|n| n.contains("3 of the 10")),
        "{:?}",
        r.notes
    );
}

#[test]
fn an_unknown_entry_into_force_rule_is_never_guessed() {
    let mut data = Builder::new(3).in_force().data;
    data.treaties[0].rules.entry_into_force = EntryIntoForceRule::Unknown;
    let engine = Engine::new(&data);
    let r = report(&engine, &data, "AAA", date(2026, 1, 1));
    assert_eq!(r.status, Status::ConsentDeposited);
    assert_eq!(r.entry_into_force, None);
    assert!(
        r.notes.iter().any(|n| n.contains("unknown")),
        "{:?}",
        r.notes
    );
}

#[test]
fn successions_take_effect_from_independence() {
    // Independence 2011-07-09, succession notified 2011-11-11 (South Sudan).
    let data = Builder::new(3)
        .in_force()
        .state("SSD")
        .independent("SSD", date(2011, 7, 9))
        .act("SSD", "succession", date(2011, 11, 11))
        .data;
    assert_eq!(status(&data, "SSD", date(2011, 7, 8)), Status::NotSignatory);
    assert_eq!(status(&data, "SSD", date(2011, 7, 9)), Status::Party);
    let engine = Engine::new(&data);
    let r = report(&engine, &data, "SSD", date(2012, 1, 1));
    assert_eq!(r.entry_into_force, Some(date(2011, 7, 9)));
    assert_eq!(r.consent_deposited, Some(date(2011, 11, 11)));
    assert_eq!(r.consent_kind, Some(ConsentKind::Succession));
    assert_eq!(
        engine.history(&data.treaties[0], data.state(code("SSD")).unwrap()),
        vec![(date(2011, 7, 9), Status::Party)]
    );
}

#[test]
fn a_withdrawal_takes_effect_on_the_exact_day() {
    // Received 2025-07-10: pending until 2026-01-09, withdrawn from 2026-01-10 (Finland).
    let data = Builder::new(3)
        .in_force()
        .act("FIN", "accession", date(2012, 1, 9))
        .act("FIN", "withdrawal", date(2025, 7, 10))
        .data;
    assert_eq!(status(&data, "FIN", date(2025, 7, 9)), Status::Party);
    assert_eq!(
        status(&data, "FIN", date(2025, 7, 10)),
        Status::WithdrawalPending
    );
    assert_eq!(
        status(&data, "FIN", date(2026, 1, 9)),
        Status::WithdrawalPending
    );
    assert_eq!(status(&data, "FIN", date(2026, 1, 10)), Status::Withdrawn);
    let engine = Engine::new(&data);
    let r = report(&engine, &data, "FIN", date(2026, 1, 9));
    assert_eq!(r.withdrawal_notified, Some(date(2025, 7, 10)));
    assert_eq!(r.withdrawal_effective, Some(date(2026, 1, 10)));
    assert!(r.status.is_bound());
    // Before the notice, no withdrawal fields.
    let r = report(&engine, &data, "FIN", date(2025, 1, 1));
    assert_eq!(r.withdrawal_notified, None);
    assert_eq!(r.withdrawal_effective, None);
}

#[test]
fn a_withdrawal_held_back_by_an_armed_conflict() {
    let data = Builder::new(3)
        .in_force()
        .act("UUU", "accession", date(2005, 12, 27))
        .act("UUU", "withdrawal", date(2025, 7, 18))
        .conflict("UUU", date(2022, 2, 24), None)
        .act("VVV", "accession", date(2005, 12, 27))
        .act("VVV", "withdrawal", date(2025, 7, 18))
        .conflict("VVV", date(2022, 2, 24), Some(date(2027, 3, 1)))
        .data;
    // Ongoing conflict: pending for ever, no effective date.
    assert_eq!(
        status(&data, "UUU", date(2026, 1, 18)),
        Status::WithdrawalPending
    );
    assert_eq!(
        status(&data, "UUU", date(2040, 1, 1)),
        Status::WithdrawalPending
    );
    let engine = Engine::new(&data);
    let r = report(&engine, &data, "UUU", date(2026, 6, 1));
    assert_eq!(r.withdrawal_effective, None);
    assert!(
        r.notes.iter().any(|n| n.contains("armed conflict")),
        "{:?}",
        r.notes
    );
    // A conflict that ends: the withdrawal takes effect the day it ends.
    assert_eq!(
        status(&data, "VVV", date(2027, 2, 28)),
        Status::WithdrawalPending
    );
    assert_eq!(status(&data, "VVV", date(2027, 3, 1)), Status::Withdrawn);
    let r = report(&engine, &data, "VVV", date(2026, 6, 1));
    assert_eq!(r.withdrawal_effective, Some(date(2027, 3, 1)));
}

#[test]
fn a_retracted_withdrawal_never_takes_effect() {
    let data = Builder::new(3)
        .in_force()
        .act("RRR", "accession", date(2000, 1, 1))
        .act("RRR", "withdrawal", date(2025, 7, 10))
        .act("RRR", "withdrawal_retracted", date(2025, 12, 1))
        .data;
    assert_eq!(
        status(&data, "RRR", date(2025, 11, 30)),
        Status::WithdrawalPending
    );
    assert_eq!(status(&data, "RRR", date(2025, 12, 1)), Status::Party);
    assert_eq!(status(&data, "RRR", date(2026, 1, 10)), Status::Party);
    let engine = Engine::new(&data);
    let r = report(&engine, &data, "RRR", date(2026, 2, 1));
    assert_eq!(r.withdrawal_notified, None);
    assert!(
        r.notes.iter().any(|n| n.contains("retracted")),
        "{:?}",
        r.notes
    );
    let t = &data.treaties[0];
    let timeline = engine.timeline(t, data.state(code("RRR")).unwrap());
    assert!(
        !timeline
            .iter()
            .any(|e| e.kind == TimelineKind::WithdrawalTakesEffect),
        "a retracted withdrawal has no date of effect"
    );
}

#[test]
fn a_retraction_after_the_withdrawal_took_effect_changes_nothing() {
    let data = Builder::new(3)
        .in_force()
        .act("RRR", "accession", date(2000, 1, 1))
        .act("RRR", "withdrawal", date(2025, 7, 10))
        .act("RRR", "withdrawal_retracted", date(2026, 2, 1))
        .data;
    assert_eq!(status(&data, "RRR", date(2026, 3, 1)), Status::Withdrawn);
}

#[test]
fn joining_again_after_withdrawing() {
    let data = Builder::new(3)
        .in_force()
        .act("JJJ", "accession", date(2000, 1, 1))
        .act("JJJ", "withdrawal", date(2010, 1, 15))
        .act("JJJ", "accession", date(2015, 3, 12))
        .data;
    assert_eq!(status(&data, "JJJ", date(2010, 7, 15)), Status::Withdrawn);
    assert_eq!(
        status(&data, "JJJ", date(2015, 3, 12)),
        Status::ConsentDeposited
    );
    assert_eq!(status(&data, "JJJ", date(2015, 9, 1)), Status::Party);
    let engine = Engine::new(&data);
    let r = report(&engine, &data, "JJJ", date(2016, 1, 1));
    assert_eq!(r.consent_deposited, Some(date(2015, 3, 12)));
    assert_eq!(r.withdrawal_notified, None);
    assert!(r.notes.iter().any(|n| n.contains("earlier withdrawal")));
    assert_eq!(
        engine.history(&data.treaties[0], data.state(code("JJJ")).unwrap()),
        vec![
            (date(2000, 1, 1), Status::ConsentDeposited),
            (date(2000, 7, 1), Status::Party),
            (date(2010, 1, 15), Status::WithdrawalPending),
            (date(2010, 7, 15), Status::Withdrawn),
            (date(2015, 3, 12), Status::ConsentDeposited),
            (date(2015, 9, 1), Status::Party),
        ]
    );
}

#[test]
fn a_declared_suspension_does_not_change_status() {
    let data = Builder::new(3)
        .in_force()
        .act("UKR", "signature", date(1999, 2, 24))
        .act("UKR", "ratification", date(2005, 12, 27))
        .act("UKR", "suspension_declared", date(2025, 7, 18))
        .conflict("UKR", date(2022, 2, 24), None)
        .data;
    let engine = Engine::new(&data);
    let r = report(&engine, &data, "UKR", date(2026, 3, 1));
    assert_eq!(r.status, Status::Party);
    assert_eq!(r.entry_into_force, Some(date(2006, 6, 1)));
    assert!(
        r.notes.iter().any(|n| n.contains("no suspension clause")),
        "{:?}",
        r.notes
    );
    assert!(
        r.notes.iter().any(|n| n.contains("armed conflict")),
        "{:?}",
        r.notes
    );
}

#[test]
fn unknown_withdrawal_rule_leaves_the_withdrawal_pending() {
    let mut data = Builder::new(3)
        .in_force()
        .act("WWW", "accession", date(2000, 1, 1))
        .act("WWW", "withdrawal", date(2010, 1, 1))
        .data;
    data.treaties[0].rules.withdrawal = WithdrawalRule::Unknown;
    assert_eq!(
        status(&data, "WWW", date(2030, 1, 1)),
        Status::WithdrawalPending
    );
}

#[test]
fn counts_cover_every_state() {
    let data = Builder::new(3)
        .in_force()
        .act("DDD", "signature", date(1997, 12, 3))
        .state("EEE")
        .data;
    let engine = Engine::new(&data);
    let counts = engine.counts_on(&data.treaties[0], date(2000, 1, 1));
    assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), 5);
    assert_eq!(counts[Status::Party as usize], (Status::Party, 3));
    assert_eq!(counts[Status::Signatory as usize], (Status::Signatory, 1));
    assert_eq!(
        counts[Status::NotSignatory as usize],
        (Status::NotSignatory, 1)
    );
}

#[test]
fn treaties_resolve_by_id_and_alias() {
    let data = Builder::new(3).data;
    let engine = Engine::new(&data);
    assert_eq!(engine.resolve_treaty("T").unwrap().id.as_str(), "t");
    assert_eq!(engine.resolve_treaty("xxvi-99").unwrap().id.as_str(), "t");
    let err = engine.resolve_treaty("ccm").unwrap_err();
    assert!(err.to_string().contains("known treaties are t"), "{err}");
}
