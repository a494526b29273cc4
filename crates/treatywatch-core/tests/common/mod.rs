//! Hand-made datasets for the engine tests.
#![allow(dead_code)]

use treatywatch_core::rules::*;
use treatywatch_core::*;

pub fn src() -> SourceId {
    SourceId("src".into())
}

/// The Mine Ban Treaty's rules with a different threshold and counted instruments.
pub fn mine_ban_rules(threshold: u32, counted: Vec<ConsentKind>, armed_conflict: bool) -> Rules {
    Rules {
        entry_into_force: EntryIntoForceRule::Threshold {
            instruments: threshold,
            counted,
            general: Delay::FirstDayOfMonthAfter { months: 6 },
            later: Delay::FirstDayOfMonthAfter { months: 6 },
            later_from: LaterFrom::ThresholdDeposit,
            not_before: None,
            clause: "Art. 17".into(),
        },
        withdrawal: WithdrawalRule::Notice {
            period: Period { months: 6, days: 0 },
            armed_conflict_clause: armed_conflict,
            retraction: Retraction::BeforeEffect,
            clause: "Art. 20".into(),
        },
        succession: SuccessionRule::FromIndependence,
        suspension: SuspensionRule::NoClause,
        signature: SignatureRule::UntilEntryIntoForce,
    }
}

/// A dataset with one source and one treaty `t` (alias `XXVI-99`) with `rules`.
pub fn dataset(rules: Rules) -> Dataset {
    let mut data = Dataset::default();
    data.sources.push(Source {
        id: src(),
        title: "A source".into(),
        publisher: "Publisher".into(),
        date: "2020".parse().unwrap(),
        url: "https://example.org/".into(),
        kind: SourceKind::Publication,
        origin: Origin::default(),
    });
    data.treaties.push(Treaty {
        id: TreatyId("t".into()),
        aliases: vec!["XXVI-99".into()],
        name: "Test Treaty".into(),
        short_name: "Test Treaty".into(),
        untc: None,
        adopted: None,
        opened_for_signature: None,
        entry_into_force: None,
        known_until: None,
        rules,
        sources: vec![src()],
        status_sources: vec![src()],
        obligations: vec![],
        origin: Origin::default(),
        field_origins: vec![],
    });
    data
}

pub fn state(code: StateCode, independence: Option<jiff::civil::Date>) -> State {
    State {
        code,
        name: format!("State {code}"),
        formal: String::new(),
        kind: StateKind::UnMember,
        aliases: vec![],
        former: vec![],
        demonyms: vec![],
        independence: independence.map(|date| Dated {
            date,
            source: src(),
        }),
        from: None,
        origin: Origin::default(),
    }
}

pub fn action(code: StateCode, kind: &str, date: jiff::civil::Date) -> Action {
    Action {
        treaty: TreatyId("t".into()),
        state: code,
        kind: kind.parse().unwrap(),
        date,
        sources: vec![src()],
        note: String::new(),
        origin: Origin::default(),
    }
}

pub fn conflict(
    code: StateCode,
    start: jiff::civil::Date,
    end: Option<jiff::civil::Date>,
) -> ConflictPeriod {
    ConflictPeriod {
        state: code,
        start,
        end,
        description: "a war".into(),
        sources: vec![src()],
        origin: Origin::default(),
    }
}
