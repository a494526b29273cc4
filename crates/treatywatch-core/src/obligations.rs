//! Obligations with deadlines, as data (`[[obligations]]` in a treaty file), and their
//! status for a state on a date, from the records in the dataset.
//!
//! A deadline is computed from the state's entry into force (`due`), or recurs every
//! year after another obligation's deadline (`annual`). Records complete it
//! (`completed_by`), move it (`extended_by`), or show that it applies to the state
//! (`applies_if`): a deadline that has passed is `overdue` only when the dataset shows the
//! obligation applied and was not met; with no record either way it is `unknown`.

use std::fmt;

use jiff::ToSpan;
use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::evidence::{Record, RecordKind};

impl<'de> Deserialize<'de> for RecordKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A period after the state's entry into force.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AfterEntryIntoForce {
    #[serde(default)]
    pub years: u16,
    #[serde(default)]
    pub months: u16,
    #[serde(default)]
    pub days: u16,
}

impl AfterEntryIntoForce {
    pub fn apply(self, eif: Date) -> Option<Date> {
        eif.checked_add(i64::from(self.years).years())
            .ok()?
            .checked_add(i64::from(self.months).months())
            .ok()?
            .checked_add(i64::from(self.days).days())
            .ok()
    }

    pub fn describe(self) -> String {
        let mut parts = Vec::new();
        for (n, unit) in [
            (self.years, "year"),
            (self.months, "month"),
            (self.days, "day"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
            }
        }
        format!("{} after entry into force", parts.join(" "))
    }
}

/// A yearly deadline on a fixed day, starting the year after another obligation's
/// deadline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annual {
    pub month: i8,
    pub day: i8,
    /// The obligation whose deadline starts the series.
    pub after: String,
}

/// One obligation of a treaty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObligationRule {
    /// A short id: `stockpile_destruction`, `clearance`, `initial_report`.
    pub id: String,
    /// The article: "Art. 4".
    pub article: String,
    /// What must be done, in our words.
    pub title: String,
    #[serde(default)]
    pub due: Option<AfterEntryIntoForce>,
    #[serde(default)]
    pub annual: Option<Annual>,
    #[serde(default)]
    pub completed_by: Vec<RecordKind>,
    #[serde(default)]
    pub extended_by: Vec<RecordKind>,
    #[serde(default)]
    pub applies_if: Vec<RecordKind>,
}

impl ObligationRule {
    /// Checks the rule's shape; the message says what to write instead.
    pub fn validate(&self, all: &[ObligationRule]) -> Result<(), String> {
        match (&self.due, &self.annual) {
            (Some(_), None) => Ok(()),
            (None, Some(a)) => {
                if jiff::civil::Date::new(2001, a.month, a.day).is_err() {
                    return Err(format!(
                        "obligation `{}`: {}-{} is not a day of the year",
                        self.id, a.month, a.day
                    ));
                }
                match all.iter().find(|o| o.id == a.after) {
                    Some(o) if o.due.is_some() => Ok(()),
                    Some(_) => Err(format!(
                        "obligation `{}`: `after = \"{}\"` must name an obligation with `due`",
                        self.id, a.after
                    )),
                    None => Err(format!(
                        "obligation `{}`: `after = \"{}\"` names no obligation of this treaty",
                        self.id, a.after
                    )),
                }
            }
            _ => Err(format!(
                "obligation `{}` needs exactly one of `due` (after entry into force) or `annual`",
                self.id
            )),
        }
    }
}

/// Where a deadline stands on a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum DeadlineStatus {
    /// Not yet due.
    Pending,
    /// Met on or before the deadline.
    Completed,
    /// Met after the deadline.
    CompletedLate,
    /// The deadline passed; the dataset shows the obligation applied and was not met.
    Overdue,
    /// The deadline passed; the dataset records neither completion nor that it applied.
    Unknown,
    /// The state's withdrawal took effect before it was met.
    Ended,
    /// The records show there was nothing to do (a stockpile of zero).
    NotApplicable,
}

impl DeadlineStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineStatus::Pending => "pending",
            DeadlineStatus::Completed => "completed",
            DeadlineStatus::CompletedLate => "completed_late",
            DeadlineStatus::Overdue => "overdue",
            DeadlineStatus::Unknown => "unknown",
            DeadlineStatus::Ended => "ended",
            DeadlineStatus::NotApplicable => "not_applicable",
        }
    }
}

impl fmt::Display for DeadlineStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The input for one deadline's status.
pub struct DeadlineInput<'r, 'a> {
    pub rule: &'r ObligationRule,
    /// The deadline from the rule (before extensions).
    pub original_due: Date,
    /// The state's records under this treaty, all of them.
    pub records: &'r [&'a Record],
    /// The day the state's withdrawal takes (or took) effect, if any.
    pub withdrawal_effective: Option<Date>,
    /// For yearly deadlines: only records dated in this year's window count.
    pub annual: bool,
    pub on: Date,
}

/// The outcome for one deadline.
#[derive(Clone, Debug)]
pub struct DeadlineOutcome<'a> {
    pub due: Date,
    pub extension: Option<&'a Record>,
    pub completion: Option<&'a Record>,
    pub applies: Option<&'a Record>,
    pub status: DeadlineStatus,
    pub reason: String,
}

/// Decides one deadline's status on `input.on`.
pub fn assess<'a>(input: &DeadlineInput<'_, 'a>) -> DeadlineOutcome<'a> {
    let on = input.on;
    let rule = input.rule;
    // A record counts once the whole period its date names has passed: a decision of
    // "2018-11" is known from 2018-11-30.
    let known_by = |r: &Record| r.date.latest().is_some_and(|d| d <= on);
    // Deadlines only move later: the deadline in force is the latest one any known
    // extension (or report of the deadline in force) gives, never earlier than the rule's.
    let extension = if input.annual {
        None
    } else {
        input
            .records
            .iter()
            .copied()
            .filter(|r| rule.extended_by.contains(&r.kind) && known_by(r))
            .filter_map(|r| match r.value {
                crate::evidence::RecordValue::Date(d) if d > input.original_due => Some((d, r)),
                _ => None,
            })
            .max_by_key(|(d, r)| (*d, std::cmp::Reverse(r.date.sort_key())))
            .map(|(_, r)| r)
    };
    let due = match extension.map(|r| r.value) {
        Some(crate::evidence::RecordValue::Date(d)) => d,
        _ => input.original_due,
    };
    let completion = if input.annual {
        None
    } else {
        input
            .records
            .iter()
            .copied()
            .filter(|r| rule.completed_by.contains(&r.kind))
            .min_by_key(|r| r.date.sort_key())
    };
    let is_zero = |r: &Record| {
        matches!(
            r.value,
            crate::evidence::RecordValue::Count {
                count: 0,
                qualifier: crate::evidence::Qualifier::Exact
            }
        )
    };
    // Evidence that the obligation was still unmet when its deadline came: a record of
    // an applying kind dated on or after the deadline (a count of zero never counts).
    let applies = input
        .records
        .iter()
        .copied()
        .filter(|r| rule.applies_if.contains(&r.kind) && known_by(r) && !is_zero(r))
        .filter(|r| r.date.earliest().is_some_and(|d| d >= due))
        .min_by_key(|r| r.date.sort_key());
    // The latest known count says there is nothing to destroy.
    let nothing = input
        .records
        .iter()
        .copied()
        .filter(|r| rule.applies_if.contains(&r.kind) && known_by(r))
        .filter(|r| matches!(r.value, crate::evidence::RecordValue::Count { .. }))
        .max_by_key(|r| r.date.sort_key())
        .filter(|r| is_zero(r));
    let extendable = !rule.extended_by.is_empty();
    let done_by_on = completion.filter(|r| known_by(r));
    let ext_note = extension
        .map(|r| {
            let how = if r.detail.is_empty() {
                String::new()
            } else {
                format!(", {}", r.detail)
            };
            format!(
                " (the {} deadline, {}, moved by a record of {}{how})",
                rule.article, input.original_due, r.date
            )
        })
        .unwrap_or_default();

    let (status, reason) = if let Some(c) = done_by_on {
        let after = c.date.earliest().is_some_and(|d| d > due);
        if after && extendable && extension.is_none() {
            (
                DeadlineStatus::Completed,
                format!(
                    "completed {}; the rule's deadline was {due}, and any extension granted \
                     before then is not recorded",
                    c.date
                ),
            )
        } else if after {
            (
                DeadlineStatus::CompletedLate,
                format!("completed {} after the deadline of {due}{ext_note}", c.date),
            )
        } else {
            (
                DeadlineStatus::Completed,
                format!("completed {}, by the deadline of {due}{ext_note}", c.date),
            )
        }
    } else if let Some(w) = input.withdrawal_effective.filter(|w| *w <= on && *w <= due) {
        (
            DeadlineStatus::Ended,
            format!("the obligation ended when the state's withdrawal took effect on {w}"),
        )
    } else if let Some(z) = nothing {
        (
            DeadlineStatus::NotApplicable,
            format!(
                "the record shows {} of zero ({}), so there is nothing to do",
                z.kind.words(),
                z.date
            ),
        )
    } else if due >= on {
        let ends = match input.withdrawal_effective {
            Some(w) if w <= due => {
                format!("; it ends if the pending withdrawal takes effect on {w}")
            }
            _ => String::new(),
        };
        (
            DeadlineStatus::Pending,
            format!("due {due}{ext_note}{ends}"),
        )
    } else if let Some(a) = applies {
        (
            DeadlineStatus::Overdue,
            format!(
                "the deadline of {due} passed{ext_note}; a record of {} shows {}{} and no \
                 completion is recorded by {on}",
                a.date,
                a.kind.words(),
                match a.value {
                    crate::evidence::RecordValue::None => String::new(),
                    v => format!(": {v}"),
                }
            ),
        )
    } else if let Some(c) =
        completion.filter(|c| !extendable && c.date.earliest().is_some_and(|d| d > due))
    {
        (
            DeadlineStatus::Overdue,
            format!(
                "the deadline of {due} passed{ext_note}; completion was only recorded later, on {}",
                c.date
            ),
        )
    } else {
        (
            DeadlineStatus::Unknown,
            format!(
                "the deadline of {due} passed{ext_note}; the dataset records neither completion \
                 nor that the obligation was unmet"
            ),
        )
    };
    DeadlineOutcome {
        due,
        extension,
        completion: done_by_on,
        applies,
        status,
        reason,
    }
}

/// The yearly deadlines of an `annual` obligation, one a year from the calendar year
/// after `start` (the deadline that starts the series), up to and including `until`.
pub fn annual_deadlines(annual: &Annual, start: Date, until: Date) -> Vec<Date> {
    let mut out = Vec::new();
    let Some(mut year) = start.year().checked_add(1) else {
        return out;
    };
    loop {
        let Ok(d) = Date::new(year, annual.month, annual.day) else {
            break;
        };
        if d > until {
            break;
        }
        out.push(d);
        match year.checked_add(1) {
            Some(y) if y <= 9999 => year = y,
            _ => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::{Qualifier, RecordValue};
    use crate::model::{Origin, SourceId, TreatyId};
    use jiff::civil::date;

    fn rule(id: &str, due: AfterEntryIntoForce) -> ObligationRule {
        ObligationRule {
            id: id.into(),
            article: "Art. 4".into(),
            title: "destroy".into(),
            due: Some(due),
            annual: None,
            completed_by: vec![RecordKind::StockpileDestroyed],
            extended_by: vec![],
            applies_if: vec![RecordKind::StockpileCount],
        }
    }

    fn rec(kind: RecordKind, d: &str, value: RecordValue) -> Record {
        Record {
            treaty: TreatyId("t".into()),
            state: "UKR".parse().unwrap(),
            kind,
            date: d.parse().unwrap(),
            value,
            detail: String::new(),
            note: String::new(),
            sources: vec![SourceId("s".into())],
            origin: Origin::default(),
        }
    }

    fn four_years() -> AfterEntryIntoForce {
        AfterEntryIntoForce {
            years: 4,
            months: 0,
            days: 0,
        }
    }

    #[test]
    fn periods_after_entry_into_force() {
        // Oman: in force 2015-02-01; report 2015-07-31, stockpile 2019-02-01.
        let eif = date(2015, 2, 1);
        let days = AfterEntryIntoForce {
            years: 0,
            months: 0,
            days: 180,
        };
        assert_eq!(days.apply(eif), Some(date(2015, 7, 31)));
        assert_eq!(four_years().apply(eif), Some(date(2019, 2, 1)));
        assert_eq!(four_years().describe(), "4 years after entry into force");
        // From 29 February four years on is again 29 February.
        assert_eq!(
            four_years().apply(date(2000, 2, 29)),
            Some(date(2004, 2, 29))
        );
    }

    fn assess_with(
        records: &[&Record],
        on: Date,
        withdrawal: Option<Date>,
    ) -> DeadlineOutcome<'static> {
        assess_rule(rule("s", four_years()), records, on, withdrawal)
    }

    fn assess_extendable(records: &[&Record], on: Date) -> DeadlineOutcome<'static> {
        let mut r = rule("s", four_years());
        r.extended_by = vec![RecordKind::ClearanceExtensionGranted];
        assess_rule(r, records, on, None)
    }

    fn assess_rule(
        rule: ObligationRule,
        records: &[&Record],
        on: Date,
        withdrawal: Option<Date>,
    ) -> DeadlineOutcome<'static> {
        let r: &'static ObligationRule = Box::leak(Box::new(rule));
        let recs: &'static [&'static Record] = Box::leak(
            records
                .iter()
                .map(|r| &*Box::leak(Box::new((*r).clone())))
                .collect::<Vec<_>>()
                .into_boxed_slice(),
        );
        assess(&DeadlineInput {
            rule: r,
            original_due: date(2010, 6, 1),
            records: recs,
            withdrawal_effective: withdrawal,
            annual: false,
            on,
        })
    }

    fn count(kind: RecordKind, d: &str, n: u64) -> Record {
        rec(
            kind,
            d,
            RecordValue::Count {
                count: n,
                qualifier: Qualifier::Exact,
            },
        )
    }

    #[test]
    fn statuses() {
        let before = count(RecordKind::StockpileCount, "2009", 6_099_096);
        let at_deadline = count(RecordKind::StockpileCount, "2010-06-01", 6_100_000);
        let done = rec(RecordKind::StockpileDestroyed, "2012-04", RecordValue::None);
        // Before the deadline: pending, even on the day itself.
        assert_eq!(
            assess_with(&[&before], date(2010, 6, 1), None).status,
            DeadlineStatus::Pending
        );
        // After it, with a record showing the stockpile still there: overdue.
        let o = assess_with(&[&before, &at_deadline], date(2010, 6, 2), None);
        assert_eq!(o.status, DeadlineStatus::Overdue);
        assert!(o.reason.contains("6,100,000"), "{}", o.reason);
        // A count from before the deadline does not show it was missed: unknown.
        assert_eq!(
            assess_with(&[&before], date(2011, 1, 1), None).status,
            DeadlineStatus::Unknown
        );
        // Nothing on record: unknown, not overdue.
        assert_eq!(
            assess_with(&[], date(2011, 1, 1), None).status,
            DeadlineStatus::Unknown
        );
        // A stockpile of zero: nothing to destroy.
        let zero = count(RecordKind::StockpileCount, "2009", 0);
        let o = assess_with(&[&zero], date(2011, 1, 1), None);
        assert_eq!(o.status, DeadlineStatus::NotApplicable, "{}", o.reason);
        // Completed late (a rule without extensions): overdue until then, late after.
        assert_eq!(
            assess_with(&[&done], date(2011, 1, 1), None).status,
            DeadlineStatus::Overdue
        );
        assert_eq!(
            assess_with(&[&before, &done], date(2013, 1, 1), None).status,
            DeadlineStatus::CompletedLate
        );
        let early = rec(
            RecordKind::StockpileDestroyed,
            "2008-01-01",
            RecordValue::None,
        );
        assert_eq!(
            assess_with(&[&early], date(2013, 1, 1), None).status,
            DeadlineStatus::Completed
        );
        // A withdrawal that took effect before the deadline ends the obligation.
        assert_eq!(
            assess_with(&[&before], date(2011, 1, 1), Some(date(2010, 1, 1))).status,
            DeadlineStatus::Ended
        );
        let pending = assess_with(&[&before], date(2009, 6, 1), Some(date(2010, 1, 1)));
        assert_eq!(pending.status, DeadlineStatus::Pending);
        assert!(pending.reason.contains("ends if"), "{}", pending.reason);
    }

    #[test]
    fn extensions_move_the_deadline_once_decided() {
        let missed = count(RecordKind::StockpileCount, "2016-11-14", 1);
        let ext = rec(
            RecordKind::ClearanceExtensionGranted,
            "2018-11",
            RecordValue::Date(date(2021, 6, 1)),
        );
        // Missed, before the extension was granted.
        let o = assess_extendable(&[&missed, &ext], date(2017, 1, 1));
        assert_eq!(
            (o.status, o.due),
            (DeadlineStatus::Overdue, date(2010, 6, 1))
        );
        // A decision of "2018-11" is known from the end of that month.
        let o = assess_extendable(&[&missed, &ext], date(2018, 11, 15));
        assert_eq!(o.status, DeadlineStatus::Overdue);
        // After the decision, due on the new deadline.
        let o = assess_extendable(&[&missed, &ext], date(2020, 1, 1));
        assert_eq!(
            (o.status, o.due),
            (DeadlineStatus::Pending, date(2021, 6, 1))
        );
        assert!(
            o.reason.contains("moved by a record of 2018-11"),
            "{}",
            o.reason
        );
        // A completion after the rule's deadline of an extendable obligation with no
        // extension on record is not called late.
        let done = rec(RecordKind::StockpileDestroyed, "2012-04", RecordValue::None);
        let o = assess_extendable(&[&done, &ext], date(2013, 1, 1));
        assert_eq!(o.status, DeadlineStatus::Completed, "{}", o.reason);
    }

    #[test]
    fn yearly_deadlines() {
        let a = Annual {
            month: 4,
            day: 30,
            after: "initial_report".into(),
        };
        assert_eq!(
            annual_deadlines(&a, date(2015, 7, 31), date(2018, 4, 30)),
            vec![date(2016, 4, 30), date(2017, 4, 30), date(2018, 4, 30)]
        );
        // A first deadline before 30 April starts the series the next year.
        assert_eq!(
            annual_deadlines(&a, date(2015, 2, 1), date(2016, 12, 31)),
            vec![date(2016, 4, 30)]
        );
        assert!(annual_deadlines(&a, date(2015, 7, 31), date(2015, 1, 1)).is_empty());
    }

    #[test]
    fn rule_shapes() {
        let good = rule("a", four_years());
        assert!(good.validate(std::slice::from_ref(&good)).is_ok());
        let mut neither = good.clone();
        neither.due = None;
        assert!(neither.validate(&[]).unwrap_err().contains("exactly one"));
        let annual = ObligationRule {
            due: None,
            annual: Some(Annual {
                month: 4,
                day: 31,
                after: "a".into(),
            }),
            ..good.clone()
        };
        assert!(
            annual
                .validate(std::slice::from_ref(&good))
                .unwrap_err()
                .contains("not a day")
        );
        let annual = ObligationRule {
            due: None,
            annual: Some(Annual {
                month: 4,
                day: 30,
                after: "zzz".into(),
            }),
            ..good.clone()
        };
        assert!(
            annual
                .validate(&[good])
                .unwrap_err()
                .contains("names no obligation")
        );
    }
}
