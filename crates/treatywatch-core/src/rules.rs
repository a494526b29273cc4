//! A treaty's final clauses as data: when it enters into force, how a state leaves it,
//! what a succession or a declared suspension does.
//!
//! Each rule is either known, with the clause it paraphrases, or `Unknown`. The engine
//! never guesses: where a rule is unknown, the answer that depends on it is unknown too.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::{ConsentKind, StateCode};
use jiff::ToSpan;

/// All the rules of one treaty that decide a state's status.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    #[serde(default)]
    pub entry_into_force: EntryIntoForceRule,
    #[serde(default)]
    pub withdrawal: WithdrawalRule,
    #[serde(default)]
    pub succession: SuccessionRule,
    #[serde(default)]
    pub suspension: SuspensionRule,
    #[serde(default)]
    pub signature: SignatureRule,
}

/// How long after an event something happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum Delay {
    /// On the first day of the `months`-th month after the month of the event
    /// ("the first day of the sixth month after the month in which ..."). Also right for
    /// "the first day of the sixth month after the date on which ...": both land on the
    /// first day of the month `months` months after the event's month.
    FirstDayOfMonthAfter { months: u8 },
    /// `days` days after the event ("on the thirtieth day following the date of deposit").
    DaysAfter { days: u16 },
    /// `months` calendar months after the event, on the same day of the month, or the
    /// last day of a shorter month.
    MonthsAfter { months: u8 },
    /// On the first day of the month after the `days`-th day following the event ("on
    /// the first day of the month after the 60th day following the date of the deposit",
    /// Rome Statute Art. 126).
    FirstDayOfMonthAfterDays { days: u16 },
    /// On the day of the event.
    SameDay,
}

impl Delay {
    /// The day this delay after `from` ends, or `None` past the end of the calendar.
    pub fn apply(self, from: Date) -> Option<Date> {
        match self {
            Delay::FirstDayOfMonthAfter { months } => from
                .first_of_month()
                .checked_add(i64::from(months).months())
                .ok(),
            Delay::DaysAfter { days } => from.checked_add(i64::from(days).days()).ok(),
            Delay::MonthsAfter { months } => from.checked_add(i64::from(months).months()).ok(),
            Delay::FirstDayOfMonthAfterDays { days } => from
                .checked_add(i64::from(days).days())
                .ok()?
                .first_of_month()
                .checked_add(1.month())
                .ok(),
            Delay::SameDay => Some(from),
        }
    }

    /// The earliest day from which this delay ends on `to`: the day of the threshold
    /// instrument, when only the date of entry into force is known. For "the first day of
    /// the sixth month after", any day of that month would do; the first is given.
    pub fn invert(self, to: Date) -> Option<Date> {
        match self {
            Delay::FirstDayOfMonthAfter { months } => to
                .first_of_month()
                .checked_sub(i64::from(months).months())
                .ok(),
            Delay::DaysAfter { days } => to.checked_sub(i64::from(days).days()).ok(),
            Delay::MonthsAfter { months } => to.checked_sub(i64::from(months).months()).ok(),
            // The Nth day must fall in the month before `to`: its first day is the earliest.
            Delay::FirstDayOfMonthAfterDays { days } => to
                .first_of_month()
                .checked_sub(1.month())
                .ok()?
                .checked_sub(i64::from(days).days())
                .ok(),
            Delay::SameDay => Some(to),
        }
    }

    /// A short description for notes: "the first day of the sixth month after".
    pub fn describe(self) -> String {
        match self {
            Delay::FirstDayOfMonthAfter { months } => {
                format!(
                    "the first day of the {} month after",
                    ordinal(months.into())
                )
            }
            Delay::DaysAfter { days } => format!("{days} days after"),
            Delay::MonthsAfter { months } => format!("{months} months after"),
            Delay::FirstDayOfMonthAfterDays { days } => format!(
                "the first day of the month after the {} day following",
                ordinal(u32::from(days))
            ),
            Delay::SameDay => "the day of".to_string(),
        }
    }
}

/// "first", "second", ..., for small numbers.
pub fn ordinal(n: u32) -> String {
    const WORDS: [&str; 12] = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    match n {
        1..=12 => WORDS[n as usize - 1].to_string(),
        _ => {
            let suffix = match (n % 10, n % 100) {
                (1, 11) | (2, 12) | (3, 13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{n}{suffix}")
        }
    }
}

/// From which event the later joiners' rule applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum LaterFrom {
    /// To instruments deposited after the date of the threshold instrument (Mine Ban
    /// Treaty Art. 17(2)). Instruments deposited that same day take the general date.
    #[default]
    ThresholdDeposit,
    /// To instruments deposited after the treaty entered into force generally.
    EntryIntoForce,
}

/// When the treaty enters into force, generally and for each state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum EntryIntoForceRule {
    /// Not known: consent can be recorded, but no entry-into-force date is computed.
    #[default]
    Unknown,
    /// In force after a number of instruments.
    Threshold {
        /// How many instruments bring the treaty into force.
        instruments: u32,
        /// Which kinds of instrument count towards the threshold.
        counted: Vec<ConsentKind>,
        /// From the date of the threshold instrument to general entry into force.
        general: Delay,
        /// From a later joiner's deposit to entry into force for it.
        later: Delay,
        #[serde(default)]
        later_from: LaterFrom,
        /// Never before this day, whatever the deposits (a protocol that cannot enter
        /// into force before its parent treaty: ICCPR Optional Protocol Art. 9).
        #[serde(default)]
        not_before: Option<Date>,
        /// The clause paraphrased, for notes: "Art. 17".
        clause: String,
    },
    /// In force after every one of the listed states has deposited an instrument (the
    /// Comprehensive Nuclear-Test-Ban Treaty's Annex 2 states).
    AllOf {
        /// The states whose instruments are all needed.
        states: Vec<StateCode>,
        counted: Vec<ConsentKind>,
        /// From the last of those instruments to general entry into force.
        general: Delay,
        /// Never before this day, whatever the deposits ("in no case earlier than two
        /// years after its opening for signature").
        #[serde(default)]
        not_before: Option<Date>,
        later: Delay,
        #[serde(default)]
        later_from: LaterFrom,
        clause: String,
    },
}

impl EntryIntoForceRule {
    /// The later joiners' delay and from when it applies, if the rule is known.
    pub fn later(&self) -> Option<(Delay, LaterFrom)> {
        match self {
            EntryIntoForceRule::Unknown => None,
            EntryIntoForceRule::Threshold {
                later, later_from, ..
            }
            | EntryIntoForceRule::AllOf {
                later, later_from, ..
            } => Some((*later, *later_from)),
        }
    }

    /// The delay from the threshold instrument to general entry into force, if known.
    pub fn general_delay(&self) -> Option<Delay> {
        match self {
            EntryIntoForceRule::Unknown => None,
            EntryIntoForceRule::Threshold { general, .. }
            | EntryIntoForceRule::AllOf { general, .. } => Some(*general),
        }
    }

    /// The clause the rule paraphrases ("Art. 17"), if the rule is known.
    pub fn clause(&self) -> Option<&str> {
        match self {
            EntryIntoForceRule::Unknown => None,
            EntryIntoForceRule::Threshold { clause, .. }
            | EntryIntoForceRule::AllOf { clause, .. } => Some(clause),
        }
    }
}

/// How long a withdrawal notice runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    #[serde(default)]
    pub months: u16,
    #[serde(default)]
    pub days: u16,
}

impl Period {
    pub fn after(self, from: Date) -> Option<Date> {
        from.checked_add(i64::from(self.months).months())
            .ok()?
            .checked_add(i64::from(self.days).days())
            .ok()
    }

    pub fn describe(self) -> String {
        match (self.months, self.days) {
            (0, d) => format!("{d} days"),
            (m, 0) => format!("{} months", number_word(m.into())),
            (m, d) => format!("{} months and {d} days", number_word(m.into())),
        }
    }
}

fn number_word(n: u32) -> String {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    match n {
        1..=12 => WORDS[n as usize - 1].to_string(),
        _ => n.to_string(),
    }
}

/// Whether a withdrawal notice can be retracted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Retraction {
    /// At any time before the withdrawal takes effect.
    BeforeEffect,
    #[default]
    Unknown,
}

/// How a state leaves the treaty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum WithdrawalRule {
    /// Not known: a withdrawal is recorded as pending, with no date of effect.
    #[default]
    Unknown,
    /// Withdrawal takes effect a period after the depositary receives the notice.
    Notice {
        period: Period,
        /// If the withdrawing state is engaged in an armed conflict when the period
        /// ends, the withdrawal does not take effect before the conflict ends.
        #[serde(default)]
        armed_conflict_clause: bool,
        #[serde(default)]
        retraction: Retraction,
        /// The clause paraphrased, for notes: "Art. 20".
        clause: String,
    },
    /// The treaty has no withdrawal or denunciation clause (the ICCPR, the ICESCR): a
    /// notice of withdrawal is recorded and changes no status.
    NoClause {
        /// Where the final clauses are, for notes: "Arts. 48-53".
        #[serde(default)]
        clause: String,
    },
}

/// From when a successor state is bound.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum SuccessionRule {
    #[default]
    Unknown,
    /// From the date of the successor's independence (the depositary practice recorded
    /// with suffix `d`), but never before the treaty is in force generally.
    FromIndependence,
    /// From the date of the notification of succession.
    FromNotification,
}

/// What a declared suspension does.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum SuspensionRule {
    #[default]
    Unknown,
    /// The treaty has no suspension clause: a declared suspension does not change the
    /// state's status.
    NoClause,
}

/// When signature is possible.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum SignatureRule {
    #[default]
    Unknown,
    /// Open for signature until entry into force; after that, only accession.
    UntilEntryIntoForce,
    /// Open for signature without an end date.
    Open,
}

/// The general entry into force of a treaty, computed from its deposits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GeneralEntry {
    /// The rule is unknown.
    RuleUnknown,
    /// Fewer instruments than the threshold have been deposited.
    NotYet { deposited: u32, needed: u32 },
    /// In force from `date`, after the threshold instrument deposited on `threshold_date`.
    InForce {
        date: Date,
        threshold_date: Date,
        /// Index, in the caller's list, of the threshold instrument; `usize::MAX` when
        /// the date is the treaty's recorded one (see [`GeneralEntry::recorded`]).
        threshold_action: usize,
    },
    /// The threshold date is so late that the delay overflows the calendar.
    Overflow,
}

impl GeneralEntry {
    /// The general entry into force to use when the treaty's `recorded` date is earlier
    /// than what the recorded deposits give (or the deposits do not reach the threshold):
    /// instruments that count are missing from the record, typically those of states that
    /// no longer exist (Czechoslovakia, the German Democratic Republic, Yugoslavia),
    /// which today's UN tables do not list. The depositary's date then governs, and the
    /// threshold day is taken back from it. `None` when the computation stands.
    pub fn recorded(
        computed: &GeneralEntry,
        rule: &EntryIntoForceRule,
        recorded: Option<Date>,
    ) -> Option<GeneralEntry> {
        let recorded = recorded?;
        let behind = match computed {
            GeneralEntry::InForce { date, .. } => *date > recorded,
            GeneralEntry::NotYet { .. } => true,
            GeneralEntry::RuleUnknown | GeneralEntry::Overflow => false,
        };
        if !behind {
            return None;
        }
        Some(GeneralEntry::InForce {
            date: recorded,
            threshold_date: rule.general_delay()?.invert(recorded)?,
            threshold_action: usize::MAX,
        })
    }
}

impl EntryIntoForceRule {
    /// Computes general entry into force from every consent to the treaty:
    /// `(index, date, kind)` for each state's first instrument.
    pub fn general(&self, consents: &[(usize, Date, ConsentKind)]) -> GeneralEntry {
        self.general_with_states(consents, &|_| None)
    }

    /// [`EntryIntoForceRule::general`] for rules that name the states whose instruments
    /// are needed: `state_of` gives the state of the instrument at an index.
    pub fn general_with_states(
        &self,
        consents: &[(usize, Date, ConsentKind)],
        state_of: &dyn Fn(usize) -> Option<StateCode>,
    ) -> GeneralEntry {
        if let EntryIntoForceRule::AllOf {
            states,
            counted,
            general,
            not_before,
            ..
        } = self
        {
            let mut last: Option<(usize, Date)> = None;
            let mut deposited = 0;
            for s in states {
                let first = consents
                    .iter()
                    .filter(|(i, _, k)| counted.contains(k) && state_of(*i) == Some(*s))
                    .min_by_key(|(i, d, _)| (*d, *i));
                if let Some((i, d, _)) = first {
                    deposited += 1;
                    if last.is_none_or(|(_, l)| *d > l) {
                        last = Some((*i, *d));
                    }
                }
            }
            let needed = states.len() as u32;
            return match last {
                Some((i, d)) if deposited == needed => match general.apply(d) {
                    Some(date) => GeneralEntry::InForce {
                        date: not_before.map_or(date, |nb| date.max(nb)),
                        threshold_date: d,
                        threshold_action: i,
                    },
                    None => GeneralEntry::Overflow,
                },
                _ => GeneralEntry::NotYet { deposited, needed },
            };
        }
        let EntryIntoForceRule::Threshold {
            instruments,
            counted,
            general,
            not_before,
            ..
        } = self
        else {
            return GeneralEntry::RuleUnknown;
        };
        let mut counting: Vec<&(usize, Date, ConsentKind)> = consents
            .iter()
            .filter(|(_, _, k)| counted.contains(k))
            .collect();
        counting.sort_by_key(|(i, d, _)| (*d, *i));
        let needed = *instruments;
        let Some(nth) = needed.checked_sub(1).and_then(|i| counting.get(i as usize)) else {
            return GeneralEntry::NotYet {
                deposited: counting.len() as u32,
                needed,
            };
        };
        match general.apply(nth.1) {
            Some(date) => GeneralEntry::InForce {
                date: not_before.map_or(date, |nb| date.max(nb)),
                threshold_date: nth.1,
                threshold_action: nth.0,
            },
            None => GeneralEntry::Overflow,
        }
    }
}

/// Why entry into force for one state falls on the day it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryBasis {
    /// Deposited before or on the day of the threshold instrument: the general date.
    General { threshold_date: Date },
    /// Deposited later: the later joiners' rule.
    Later,
    /// A succession, bound from independence.
    Independence { independence: Date },
    /// A succession, bound from notification.
    Notification,
}

/// Entry into force for one state, or why it is not known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StateEntry {
    On {
        date: Date,
        basis: EntryBasis,
    },
    /// The treaty is not yet in force generally.
    TreatyNotInForce {
        deposited: u32,
        needed: u32,
    },
    /// A rule the answer depends on is unknown; the string says which.
    Unknown(String),
}

impl Rules {
    /// Entry into force for a state whose instrument of `kind` was deposited on
    /// `deposit`; `independence` is the state's independence date, for successions.
    pub fn entry_for_state(
        &self,
        general: &GeneralEntry,
        deposit: Date,
        kind: ConsentKind,
        independence: Option<Date>,
    ) -> StateEntry {
        let (general_date, threshold_date) = match general {
            GeneralEntry::InForce {
                date,
                threshold_date,
                ..
            } => (*date, *threshold_date),
            GeneralEntry::NotYet { deposited, needed } => {
                return StateEntry::TreatyNotInForce {
                    deposited: *deposited,
                    needed: *needed,
                };
            }
            GeneralEntry::RuleUnknown => {
                return StateEntry::Unknown("the treaty's entry-into-force rule".to_string());
            }
            GeneralEntry::Overflow => {
                return StateEntry::Unknown("a date beyond the calendar".to_string());
            }
        };
        let Some((later, later_from)) = self.entry_into_force.later() else {
            return StateEntry::Unknown("the treaty's entry-into-force rule".to_string());
        };
        let (later, later_from) = (&later, &later_from);
        if kind == ConsentKind::Succession {
            return match &self.succession {
                SuccessionRule::FromIndependence => match independence {
                    Some(ind) => StateEntry::On {
                        date: ind.max(general_date),
                        basis: EntryBasis::Independence { independence: ind },
                    },
                    None => StateEntry::Unknown("the state's date of independence".to_string()),
                },
                SuccessionRule::FromNotification => StateEntry::On {
                    date: deposit.max(general_date),
                    basis: EntryBasis::Notification,
                },
                SuccessionRule::Unknown => {
                    StateEntry::Unknown("the treaty's rule for successions".to_string())
                }
            };
        }
        let cutoff = match later_from {
            LaterFrom::ThresholdDeposit => threshold_date,
            LaterFrom::EntryIntoForce => general_date,
        };
        if deposit <= cutoff {
            return StateEntry::On {
                date: general_date,
                basis: EntryBasis::General { threshold_date },
            };
        }
        match later.apply(deposit) {
            Some(d) => StateEntry::On {
                date: d.max(general_date),
                basis: EntryBasis::Later,
            },
            None => StateEntry::Unknown("a date beyond the calendar".to_string()),
        }
    }
}

/// When a withdrawal takes effect, or why it has not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WithdrawalEffect {
    /// Takes (or took) effect on `date`. `held_until_conflict_end` is set when an armed
    /// conflict pushed it past the end of the notice period (`nominal`).
    On {
        date: Date,
        nominal: Date,
        held_by_conflict: Option<usize>,
    },
    /// The notice period ended during an armed conflict that has not ended: the
    /// withdrawal cannot take effect yet.
    HeldByOngoingConflict { nominal: Date, conflict: usize },
    /// A rule the answer depends on is unknown.
    Unknown(String),
}

impl Rules {
    /// When a withdrawal received by the depositary on `received` takes effect, given
    /// the withdrawing state's armed-conflict periods `conflicts` (`(index, period)`).
    pub fn withdrawal_effect(
        &self,
        received: Date,
        conflicts: &[(usize, &crate::model::ConflictPeriod)],
    ) -> WithdrawalEffect {
        let WithdrawalRule::Notice {
            period,
            armed_conflict_clause,
            ..
        } = &self.withdrawal
        else {
            return WithdrawalEffect::Unknown("the treaty's withdrawal rule".to_string());
        };
        let Some(nominal) = period.after(received) else {
            return WithdrawalEffect::Unknown("a date beyond the calendar".to_string());
        };
        if *armed_conflict_clause {
            // A conflict that ends may be followed by another that already covers its
            // end: keep moving until a day free of conflict.
            let mut day = nominal;
            let mut held = None;
            while let Some((i, c)) = conflicts.iter().find(|(_, c)| c.covers(day)) {
                held = Some(*i);
                match c.end {
                    Some(end) => day = end,
                    None => {
                        return WithdrawalEffect::HeldByOngoingConflict {
                            nominal,
                            conflict: *i,
                        };
                    }
                }
            }
            return WithdrawalEffect::On {
                date: day,
                nominal,
                held_by_conflict: held,
            };
        }
        WithdrawalEffect::On {
            date: nominal,
            nominal,
            held_by_conflict: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ConflictPeriod, StateCode};
    use jiff::civil::date;

    fn six_months() -> Delay {
        Delay::FirstDayOfMonthAfter { months: 6 }
    }

    fn apmbc() -> Rules {
        Rules {
            entry_into_force: EntryIntoForceRule::Threshold {
                instruments: 40,
                counted: vec![
                    ConsentKind::Ratification,
                    ConsentKind::Acceptance,
                    ConsentKind::Approval,
                    ConsentKind::Accession,
                ],
                general: six_months(),
                later: six_months(),
                later_from: LaterFrom::ThresholdDeposit,
                not_before: None,
                clause: "Art. 17".into(),
            },
            withdrawal: WithdrawalRule::Notice {
                period: Period { months: 6, days: 0 },
                armed_conflict_clause: true,
                retraction: Retraction::BeforeEffect,
                clause: "Art. 20".into(),
            },
            succession: SuccessionRule::FromIndependence,
            suspension: SuspensionRule::NoClause,
            signature: SignatureRule::UntilEntryIntoForce,
        }
    }

    fn general_1999() -> GeneralEntry {
        GeneralEntry::InForce {
            date: date(1999, 3, 1),
            threshold_date: date(1998, 9, 16),
            threshold_action: 0,
        }
    }

    #[test]
    fn first_day_of_the_sixth_month_worked_examples() {
        // The brief's worked examples.
        assert_eq!(
            six_months().apply(date(1999, 1, 14)),
            Some(date(1999, 7, 1))
        );
        assert_eq!(
            six_months().apply(date(2025, 3, 12)),
            Some(date(2025, 9, 1))
        );
        assert_eq!(
            six_months().apply(date(2025, 6, 25)),
            Some(date(2025, 12, 1))
        );
        // Across a year boundary, from the month of the 40th deposit.
        assert_eq!(
            six_months().apply(date(1998, 9, 16)),
            Some(date(1999, 3, 1))
        );
        assert_eq!(
            six_months().apply(date(2025, 12, 31)),
            Some(date(2026, 6, 1))
        );
        // From 29 February: Albania, in force 1 August 2000.
        assert_eq!(
            six_months().apply(date(2000, 2, 29)),
            Some(date(2000, 8, 1))
        );
        // A deposit on the first of a month still waits for the sixth month after.
        assert_eq!(six_months().apply(date(2025, 3, 1)), Some(date(2025, 9, 1)));
    }

    #[test]
    fn other_delays() {
        assert_eq!(
            Delay::DaysAfter { days: 30 }.apply(date(2025, 2, 1)),
            Some(date(2025, 3, 3))
        );
        assert_eq!(
            Delay::MonthsAfter { months: 6 }.apply(date(2025, 8, 31)),
            Some(date(2026, 2, 28))
        );
        assert_eq!(
            Delay::SameDay.apply(date(2025, 8, 31)),
            Some(date(2025, 8, 31))
        );
        assert_eq!(six_months().apply(date(9999, 12, 1)), None);
        // Rome Statute Art. 126: the 60th instrument on 2002-04-11, in force 2002-07-01.
        let rome = Delay::FirstDayOfMonthAfterDays { days: 60 };
        assert_eq!(rome.apply(date(2002, 4, 11)), Some(date(2002, 7, 1)));
        assert_eq!(rome.apply(date(2002, 4, 1)), Some(date(2002, 6, 1)));
        assert_eq!(rome.invert(date(2002, 7, 1)), Some(date(2002, 4, 2)));
        assert_eq!(rome.apply(date(2002, 4, 2)), Some(date(2002, 7, 1)));
    }

    #[test]
    fn general_entry_after_the_threshold_instrument() {
        let rules = apmbc();
        let mut consents: Vec<(usize, Date, ConsentKind)> = (0..39)
            .map(|i| (i, date(1998, 6, 1), ConsentKind::Ratification))
            .collect();
        // A succession does not count towards the threshold.
        consents.push((39, date(1998, 7, 1), ConsentKind::Succession));
        assert_eq!(
            rules.entry_into_force.general(&consents),
            GeneralEntry::NotYet {
                deposited: 39,
                needed: 40
            }
        );
        consents.push((40, date(1998, 9, 16), ConsentKind::Ratification));
        consents.push((41, date(1998, 9, 16), ConsentKind::Accession));
        assert_eq!(
            rules.entry_into_force.general(&consents),
            GeneralEntry::InForce {
                date: date(1999, 3, 1),
                threshold_date: date(1998, 9, 16),
                threshold_action: 40
            }
        );
        assert_eq!(
            EntryIntoForceRule::Unknown.general(&consents),
            GeneralEntry::RuleUnknown
        );
    }

    #[test]
    fn a_deposit_on_the_day_of_the_threshold_instrument_takes_the_general_date() {
        // Equatorial Guinea deposited on 16 September 1998, the day of the 40th.
        let e = apmbc().entry_for_state(
            &general_1999(),
            date(1998, 9, 16),
            ConsentKind::Accession,
            None,
        );
        assert_eq!(
            e,
            StateEntry::On {
                date: date(1999, 3, 1),
                basis: EntryBasis::General {
                    threshold_date: date(1998, 9, 16)
                }
            }
        );
        // The next day it is a later deposit, which here lands on the same date.
        let e = apmbc().entry_for_state(
            &general_1999(),
            date(1998, 9, 17),
            ConsentKind::Ratification,
            None,
        );
        assert_eq!(
            e,
            StateEntry::On {
                date: date(1999, 3, 1),
                basis: EntryBasis::Later
            }
        );
        // Early deposits wait for the general date.
        let e = apmbc().entry_for_state(
            &general_1999(),
            date(1997, 12, 3),
            ConsentKind::Ratification,
            None,
        );
        assert!(matches!(e, StateEntry::On { date: d, .. } if d == date(1999, 3, 1)));
    }

    #[test]
    fn later_joiners() {
        let rules = apmbc();
        for (deposit, expected) in [
            (date(2000, 2, 29), date(2000, 8, 1)),
            (date(2012, 1, 9), date(2012, 7, 1)),
            (date(2014, 8, 20), date(2015, 2, 1)),
            (date(2025, 6, 25), date(2025, 12, 1)),
            (date(1998, 12, 2), date(1999, 6, 1)),
        ] {
            let e = rules.entry_for_state(&general_1999(), deposit, ConsentKind::Accession, None);
            assert_eq!(
                e,
                StateEntry::On {
                    date: expected,
                    basis: EntryBasis::Later
                },
                "{deposit}"
            );
        }
    }

    #[test]
    fn later_from_entry_into_force() {
        let mut rules = apmbc();
        if let EntryIntoForceRule::Threshold {
            later, later_from, ..
        } = &mut rules.entry_into_force
        {
            *later = Delay::DaysAfter { days: 30 };
            *later_from = LaterFrom::EntryIntoForce;
        }
        // After the 40th deposit but before general entry into force: general date,
        // even though 30 days later would be after it.
        let e = rules.entry_for_state(
            &general_1999(),
            date(1999, 2, 20),
            ConsentKind::Ratification,
            None,
        );
        assert!(matches!(e, StateEntry::On { date: d, .. } if d == date(1999, 3, 1)));
        let e = rules.entry_for_state(
            &general_1999(),
            date(1999, 3, 2),
            ConsentKind::Ratification,
            None,
        );
        assert!(matches!(e, StateEntry::On { date: d, .. } if d == date(1999, 4, 1)));
    }

    #[test]
    fn successions_take_effect_from_independence() {
        let rules = apmbc();
        // South Sudan: independence 9 July 2011, succession notified 11 November 2011.
        let e = rules.entry_for_state(
            &general_1999(),
            date(2011, 11, 11),
            ConsentKind::Succession,
            Some(date(2011, 7, 9)),
        );
        assert_eq!(
            e,
            StateEntry::On {
                date: date(2011, 7, 9),
                basis: EntryBasis::Independence {
                    independence: date(2011, 7, 9)
                }
            }
        );
        // Never before the treaty is in force generally.
        let e = rules.entry_for_state(
            &general_1999(),
            date(1999, 5, 1),
            ConsentKind::Succession,
            Some(date(1998, 1, 1)),
        );
        assert!(matches!(e, StateEntry::On { date: d, .. } if d == date(1999, 3, 1)));
        // Without an independence date, unknown rather than guessed.
        let e = rules.entry_for_state(
            &general_1999(),
            date(2011, 11, 11),
            ConsentKind::Succession,
            None,
        );
        assert!(matches!(e, StateEntry::Unknown(_)));
        // From notification, where that is the rule.
        let mut rules = apmbc();
        rules.succession = SuccessionRule::FromNotification;
        let e = rules.entry_for_state(
            &general_1999(),
            date(2011, 11, 11),
            ConsentKind::Succession,
            Some(date(2011, 7, 9)),
        );
        assert!(matches!(e, StateEntry::On { date: d, .. } if d == date(2011, 11, 11)));
        rules.succession = SuccessionRule::Unknown;
        let e = rules.entry_for_state(
            &general_1999(),
            date(2011, 11, 11),
            ConsentKind::Succession,
            Some(date(2011, 7, 9)),
        );
        assert!(matches!(e, StateEntry::Unknown(_)));
    }

    #[test]
    fn unknown_or_unmet_entry_rules() {
        let rules = apmbc();
        let e = rules.entry_for_state(
            &GeneralEntry::NotYet {
                deposited: 10,
                needed: 40,
            },
            date(1998, 1, 1),
            ConsentKind::Ratification,
            None,
        );
        assert_eq!(
            e,
            StateEntry::TreatyNotInForce {
                deposited: 10,
                needed: 40
            }
        );
        let e = Rules::default().entry_for_state(
            &GeneralEntry::RuleUnknown,
            date(1998, 1, 1),
            ConsentKind::Ratification,
            None,
        );
        assert!(matches!(e, StateEntry::Unknown(_)));
    }

    fn conflict(start: Date, end: Option<Date>) -> ConflictPeriod {
        ConflictPeriod {
            state: "UKR".parse::<StateCode>().unwrap(),
            start,
            end,
            description: String::new(),
            sources: vec![crate::model::SourceId("s".into())],
            origin: Default::default(),
        }
    }

    #[test]
    fn withdrawal_six_months_after_receipt() {
        let rules = apmbc();
        for (received, effective) in [
            (date(2025, 6, 27), date(2025, 12, 27)),
            (date(2025, 7, 10), date(2026, 1, 10)),
            (date(2025, 8, 20), date(2026, 2, 20)),
            // The last day of a longer month runs to the last day of a shorter one.
            (date(2025, 8, 31), date(2026, 2, 28)),
        ] {
            assert_eq!(
                rules.withdrawal_effect(received, &[]),
                WithdrawalEffect::On {
                    date: effective,
                    nominal: effective,
                    held_by_conflict: None
                }
            );
        }
    }

    #[test]
    fn withdrawal_held_back_by_an_armed_conflict() {
        let rules = apmbc();
        let ongoing = conflict(date(2022, 2, 24), None);
        assert_eq!(
            rules.withdrawal_effect(date(2025, 6, 29), &[(7, &ongoing)]),
            WithdrawalEffect::HeldByOngoingConflict {
                nominal: date(2025, 12, 29),
                conflict: 7
            }
        );
        // A conflict that ends: the withdrawal takes effect when it ends.
        let ended = conflict(date(2022, 2, 24), Some(date(2027, 5, 1)));
        assert_eq!(
            rules.withdrawal_effect(date(2025, 6, 29), &[(0, &ended)]),
            WithdrawalEffect::On {
                date: date(2027, 5, 1),
                nominal: date(2025, 12, 29),
                held_by_conflict: Some(0)
            }
        );
        // A conflict that ended before the notice ran out changes nothing.
        let over = conflict(date(2020, 1, 1), Some(date(2025, 12, 29)));
        assert!(matches!(
            rules.withdrawal_effect(date(2025, 6, 29), &[(0, &over)]),
            WithdrawalEffect::On { date: d, held_by_conflict: None, .. } if d == date(2025, 12, 29)
        ));
        // A second conflict running when the first ends keeps holding it.
        let second = conflict(date(2027, 4, 1), Some(date(2028, 1, 1)));
        assert!(matches!(
            rules.withdrawal_effect(date(2025, 6, 29), &[(0, &ended), (1, &second)]),
            WithdrawalEffect::On { date: d, held_by_conflict: Some(1), .. } if d == date(2028, 1, 1)
        ));
        // Without the clause, conflicts do not matter.
        let mut no_clause = apmbc();
        if let WithdrawalRule::Notice {
            armed_conflict_clause,
            ..
        } = &mut no_clause.withdrawal
        {
            *armed_conflict_clause = false;
        }
        assert!(matches!(
            no_clause.withdrawal_effect(date(2025, 6, 29), &[(0, &ongoing)]),
            WithdrawalEffect::On { date: d, .. } if d == date(2025, 12, 29)
        ));
        assert!(matches!(
            Rules::default().withdrawal_effect(date(2025, 6, 29), &[]),
            WithdrawalEffect::Unknown(_)
        ));
    }

    #[test]
    fn words() {
        assert_eq!(ordinal(6), "sixth");
        assert_eq!(ordinal(21), "21st");
        assert_eq!(ordinal(13), "13th");
        assert_eq!(Period { months: 6, days: 0 }.describe(), "six months");
        assert_eq!(
            Period {
                months: 0,
                days: 90
            }
            .describe(),
            "90 days"
        );
        assert_eq!(
            six_months().describe(),
            "the first day of the sixth month after"
        );
    }
}
