//! Properties of the engine on arbitrary datasets, including nonsensical ones.

use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;
use treatywatch_core::engine::Engine;
use treatywatch_core::*;

mod common;

const KINDS: [&str; 12] = [
    "signature",
    "ratification",
    "acceptance",
    "approval",
    "accession",
    "succession",
    "definitive_signature",
    "formal_confirmation",
    "provisional_application",
    "withdrawal",
    "withdrawal_retracted",
    "suspension_declared",
];

fn day(offset: u16) -> Date {
    date(1997, 1, 1)
        .checked_add((offset as i64).days())
        .unwrap()
}

fn code(i: usize) -> StateCode {
    let b = [
        b'A' + (i / 26 / 26 % 26) as u8,
        b'A' + (i / 26 % 26) as u8,
        b'A' + (i % 26) as u8,
    ];
    std::str::from_utf8(&b).unwrap().parse().unwrap()
}

/// One state: its independence offset, and its (kind index, day offset) actions.
type StateSpec = (Option<u16>, Vec<(usize, u16)>);

#[derive(Debug, Clone)]
struct Spec {
    threshold: u32,
    armed_conflict: bool,
    /// Per state: independence offset, and (kind index, day offset) actions.
    states: Vec<StateSpec>,
    /// (state index, start offset, length or open).
    conflicts: Vec<(usize, u16, Option<u16>)>,
}

fn spec() -> impl Strategy<Value = Spec> {
    (
        1u32..6,
        any::<bool>(),
        prop::collection::vec(
            (
                prop::option::of(0u16..12000),
                prop::collection::vec((0usize..KINDS.len(), 0u16..12000), 0..7),
            ),
            1..12,
        ),
        prop::collection::vec(
            (0usize..12, 0u16..12000, prop::option::of(1u16..3000)),
            0..3,
        ),
    )
        .prop_map(|(threshold, armed_conflict, states, conflicts)| Spec {
            threshold,
            armed_conflict,
            states,
            conflicts,
        })
}

fn build(spec: &Spec) -> Dataset {
    let counted = vec![ConsentKind::Ratification, ConsentKind::Accession];
    let mut data = common::dataset(common::mine_ban_rules(
        spec.threshold,
        counted,
        spec.armed_conflict,
    ));
    for (i, (independence, actions)) in spec.states.iter().enumerate() {
        data.states
            .push(common::state(code(i), independence.map(day)));
        for (k, d) in actions {
            data.actions
                .push(common::action(code(i), KINDS[*k], day(*d)));
        }
    }
    for (s, start, len) in &spec.conflicts {
        if *s < spec.states.len() {
            data.conflicts.push(common::conflict(
                code(*s),
                day(*start),
                len.map(|l| day(start + l)),
            ));
        }
    }
    data
}

fn forward_or_leaving(from: Status, to: Status) -> bool {
    to > from || matches!(from, Status::WithdrawalPending | Status::Withdrawn)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn counts_add_up_to_the_number_of_states(spec in spec(), probe in 0u16..14000) {
        let data = build(&spec);
        let engine = Engine::new(&data);
        let t = &data.treaties[0];
        let counts = engine.counts_on(t, day(probe));
        prop_assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), data.states.len());
        let reports = engine.statuses(t, day(probe));
        prop_assert_eq!(reports.len(), data.states.len());
        for (r, (s, st)) in reports.iter().zip(engine.statuses_on(t, day(probe))) {
            prop_assert_eq!(r.state.code, s.code);
            prop_assert_eq!(r.status, st);
            prop_assert_eq!(counts[st as usize].0, st);
        }
    }

    #[test]
    fn status_never_moves_backwards_except_through_withdrawal(spec in spec()) {
        let data = build(&spec);
        let engine = Engine::new(&data);
        let t = &data.treaties[0];
        for state in &data.states {
            let history = engine.history(t, state);
            let mut last = Status::NotSignatory;
            for (d, st) in &history {
                prop_assert!(
                    forward_or_leaving(last, *st),
                    "{}: {:?} -> {:?} on {}: {:?}", state.code, last, st, d, history
                );
                last = *st;
            }
            // And day by day around every change, the history agrees with the engine.
            for (d, st) in &history {
                prop_assert_eq!(engine.status_only(t, state, *d), *st);
                let before = d.yesterday().unwrap();
                prop_assert_ne!(engine.status_only(t, state, before), *st);
            }
        }
    }

    #[test]
    fn reports_are_consistent(spec in spec(), probe in 0u16..14000) {
        let data = build(&spec);
        let engine = Engine::new(&data);
        let t = &data.treaties[0];
        let on = day(probe);
        for state in &data.states {
            let r = engine.status(t, state, on);
            prop_assert!(!r.notes.is_empty() || r.status == Status::Party);
            prop_assert!(!r.sources.is_empty());
            if r.status == Status::Party {
                prop_assert!(r.entry_into_force.is_some_and(|d| d <= on));
            }
            if r.status == Status::Withdrawn {
                prop_assert!(r.withdrawal_effective.is_some_and(|d| d <= on));
            }
            if r.status == Status::WithdrawalPending {
                prop_assert!(r.withdrawal_notified.is_some_and(|d| d <= on));
                prop_assert!(r.withdrawal_effective.is_none_or(|d| d > on));
            }
            if r.status.has_consented() {
                prop_assert!(r.consent_deposited.is_some());
            }
        }
    }
}
