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
    /// Records of the day the work was done.
    #[serde(default)]
    pub completed_by: Vec<RecordKind>,
    /// Records of a declaration that it was done (to a meeting, in a report): the work
    /// was finished by then, on a day the declaration does not give.
    #[serde(default)]
    pub declared_by: Vec<RecordKind>,
    /// Records whose value is the deadline in force: decisions granting an extension,
    /// reports of the deadline. Deadlines only move later.
    #[serde(default)]
    pub extended_by: Vec<RecordKind>,
    /// Records of an extension requested (value: the deadline asked for).
    #[serde(default)]
    pub requested_by: Vec<RecordKind>,
    /// Records of a request not granted, or withdrawn: the deadline stays where it was.
    #[serde(default)]
    pub refused_by: Vec<RecordKind>,
    /// Records that show, when dated on or after the deadline, that the obligation
    /// applied and was still unmet.
    #[serde(default)]
    pub applies_if: Vec<RecordKind>,
    /// Records that show there was nothing to do (never held a stockpile, never
    /// reported contaminated areas). They speak of the whole past, whatever their date.
    #[serde(default)]
    pub not_applicable_if: Vec<RecordKind>,
    /// Records that reopen a completed obligation (contaminated areas found after
    /// completion): an earlier completion no longer meets it.
    #[serde(default)]
    pub reopened_by: Vec<RecordKind>,
}

impl ObligationRule {
    /// Every record kind the rule names, in any role.
    pub fn kinds(&self) -> impl Iterator<Item = RecordKind> + '_ {
        self.completed_by
            .iter()
            .chain(&self.declared_by)
            .chain(&self.extended_by)
            .chain(&self.requested_by)
            .chain(&self.refused_by)
            .chain(&self.applies_if)
            .chain(&self.not_applicable_if)
            .chain(&self.reopened_by)
            .copied()
    }

    /// Whether `query` names this obligation: its id (`clearance`), or its article
    /// written without spaces and dots, whole or by number (`art5`, `art7` names both
    /// `Art. 7(1)` and `Art. 7(2)`).
    pub fn matches(&self, query: &str) -> bool {
        let q = query.trim().to_ascii_lowercase();
        if self.id.eq_ignore_ascii_case(&q) {
            return true;
        }
        let article: String = self
            .article
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '(' || *c == ')')
            .collect();
        if article == q {
            return true;
        }
        // `art7` names `art7(1)` and `art7(2)`, never `art70`.
        article
            .strip_prefix(q.as_str())
            .is_some_and(|rest| rest.starts_with('(') && !q.is_empty())
    }

    /// The short names a user can give for this obligation: its id and its article.
    pub fn names(&self) -> Vec<String> {
        let article: String = self
            .article
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '(' || *c == ')')
            .collect();
        vec![self.id.clone(), article]
    }

    /// Whether it recurs every year.
    pub fn is_annual(&self) -> bool {
        self.annual.is_some()
    }
}

impl ObligationRule {
    /// Checks the rule's shape; the message says what to write instead.
    pub fn validate(&self, all: &[ObligationRule]) -> Result<(), String> {
        match (&self.due, &self.annual) {
            (Some(_), None) => self.validate_kinds(),
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
                .and_then(|()| self.validate_kinds())
            }
            _ => Err(format!(
                "obligation `{}` needs exactly one of `due` (after entry into force) or `annual`",
                self.id
            )),
        }
    }
}

impl ObligationRule {
    /// Each role takes only kinds whose value fits it: deadlines for `extended_by` and
    /// `requested_by`.
    fn validate_kinds(&self) -> Result<(), String> {
        use RecordKind as K;
        let deadline_kinds = [
            K::ClearanceDeadline,
            K::ClearanceExtensionGranted,
            K::StockpileExtensionGranted,
        ];
        for k in &self.extended_by {
            if !deadline_kinds.contains(k) {
                return Err(format!(
                    "obligation `{}`: `extended_by` takes kinds whose value is the deadline in force ({}), not `{k}`",
                    self.id,
                    deadline_kinds.map(|k| k.as_str()).join(", ")
                ));
            }
        }
        for k in &self.requested_by {
            if !matches!(
                k,
                K::ClearanceExtensionRequested | K::StockpileExtensionRequested
            ) {
                return Err(format!(
                    "obligation `{}`: `requested_by` takes extension requests, not `{k}`",
                    self.id
                ));
            }
        }
        Ok(())
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
    /// Met, but whether by the deadline is not known: only a declaration after the
    /// deadline is recorded, or the day the work finished is known only to a month or
    /// year that contains the deadline.
    CompletedTimingUnknown,
    /// The deadline passed; the dataset shows the obligation applied and was not met.
    Overdue,
    /// The deadline passed; the dataset records neither completion nor that it applied.
    Unknown,
    /// The state's withdrawal took effect before it was met.
    Ended,
    /// The records show there was nothing to do (never held a stockpile, never
    /// reported contaminated areas, a stockpile of zero).
    NotApplicable,
}

impl DeadlineStatus {
    /// Every status, in the order listings and coverage reports give them.
    pub const ALL: [DeadlineStatus; 8] = [
        DeadlineStatus::Pending,
        DeadlineStatus::Completed,
        DeadlineStatus::CompletedLate,
        DeadlineStatus::CompletedTimingUnknown,
        DeadlineStatus::Overdue,
        DeadlineStatus::NotApplicable,
        DeadlineStatus::Ended,
        DeadlineStatus::Unknown,
    ];

    /// Whether the obligation was met.
    pub fn is_met(self) -> bool {
        matches!(
            self,
            DeadlineStatus::Completed
                | DeadlineStatus::CompletedLate
                | DeadlineStatus::CompletedTimingUnknown
        )
    }
}

impl DeadlineStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            DeadlineStatus::Pending => "pending",
            DeadlineStatus::Completed => "completed",
            DeadlineStatus::CompletedLate => "completed_late",
            DeadlineStatus::CompletedTimingUnknown => "completed_timing_unknown",
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
    /// For yearly deadlines, the calendar year the report covers: only a record of that
    /// year's report meets it, and nothing extends it.
    pub covers_year: Option<i16>,
    pub on: Date,
}

/// The outcome for one deadline.
#[derive(Clone, Debug)]
pub struct DeadlineOutcome<'a> {
    pub due: Date,
    /// The record that set the deadline in force, if an extension did.
    pub extension: Option<&'a Record>,
    /// The record of the day the work was done, known by the day asked.
    pub completion: Option<&'a Record>,
    /// The record of the declaration that it was done, known by the day asked.
    pub declaration: Option<&'a Record>,
    /// The record that shows it applied and was unmet at the deadline.
    pub applies: Option<&'a Record>,
    /// The record that shows there was nothing to do.
    pub not_applicable: Option<&'a Record>,
    /// Every record of this obligation for the state known by the day asked, by date:
    /// the chain of requests, decisions, declarations and completions.
    pub history: Vec<&'a Record>,
    pub status: DeadlineStatus,
    pub reason: String,
}

/// " (Art. 5's deadline of 2009-03-01, moved by a decision of 2008-11-28 at 9MSP)".
fn extension_note(rule: &ObligationRule, original: Date, r: Option<&Record>) -> String {
    let Some(r) = r else {
        return String::new();
    };
    let how = if r.detail.is_empty() {
        String::new()
    } else {
        format!(", {}", r.detail)
    };
    format!(
        " (the {} deadline, {original}, moved by a record of {}{how})",
        rule.article, r.date
    )
}

/// Whether a partial date lies wholly on or before `due` (`Some(true)`), wholly after it
/// (`Some(false)`), or straddles it (`None`: a month or year that contains the deadline).
fn by_deadline(date: &crate::date::PartialDate, due: Date) -> Option<bool> {
    match (date.earliest(), date.latest()) {
        (_, Some(l)) if l <= due => Some(true),
        (Some(e), _) if e > due => Some(false),
        _ => None,
    }
}

/// Decides one deadline's status on `input.on`.
///
/// The order of the questions, each answered only from records known by `on`:
/// 1. the deadline in force: the rule's, moved later by any decision (`extended_by`);
///    a request not granted or withdrawn leaves it where it was;
/// 2. met: the work done (`completed_by`) or declared done (`declared_by`), after any
///    reopening (`reopened_by`);
/// 3. ended by a withdrawal that took effect;
/// 4. nothing to do (`not_applicable_if`, or a latest count of zero);
/// 5. not yet due: pending;
/// 6. passed, with a record dated on or after the deadline showing it unmet: overdue;
/// 7. otherwise unknown, with what is known in the reason.
pub fn assess<'a>(input: &DeadlineInput<'_, 'a>) -> DeadlineOutcome<'a> {
    use crate::evidence::RecordValue;
    let on = input.on;
    let rule = input.rule;
    // A record counts once the whole period its date names has passed: a decision of
    // "2018-11" is known from 2018-11-30.
    let known_by = |r: &Record| r.date.latest().is_some_and(|d| d <= on);
    let annual = input.covers_year.is_some();
    let of = |kinds: &[RecordKind]| -> Vec<&'a Record> {
        input
            .records
            .iter()
            .copied()
            .filter(|r| kinds.contains(&r.kind))
            .collect()
    };
    let for_year = |r: &&'a Record| match (input.covers_year, r.value) {
        (Some(y), RecordValue::Year(v)) => y == v,
        (Some(_), _) => false,
        (None, _) => true,
    };
    let mut history: Vec<&'a Record> = if annual {
        of(&rule.completed_by)
            .into_iter()
            .filter(for_year)
            .filter(|r| known_by(r))
            .collect()
    } else {
        input
            .records
            .iter()
            .copied()
            .filter(|r| rule.kinds().any(|k| k == r.kind) && known_by(r))
            .collect()
    };
    history.sort_by_key(|r| r.date.sort_key());

    // 1. The deadline in force.
    let extension = if annual {
        None
    } else {
        of(&rule.extended_by)
            .into_iter()
            .filter(|r| known_by(r))
            .filter_map(|r| match r.value {
                RecordValue::Date(d) if d > input.original_due => Some((d, r)),
                _ => None,
            })
            .max_by_key(|(d, r)| (*d, std::cmp::Reverse(r.date.sort_key())))
            .map(|(_, r)| r)
    };
    let due = match extension.map(|r| r.value) {
        Some(RecordValue::Date(d)) => d,
        _ => input.original_due,
    };
    let ext_note = extension_note(rule, input.original_due, extension);

    // 2. Met? Only what comes after the latest reopening meets it.
    let reopened = of(&rule.reopened_by)
        .into_iter()
        .filter(|r| known_by(r))
        .max_by_key(|r| r.date.sort_key());
    // A record counts after the reopening unless it is certainly before it.
    let after_reopening =
        |r: &&'a Record| reopened.is_none_or(|x| r.date.latest() > x.date.earliest());
    let first_known = |kinds: &[RecordKind]| -> Option<&'a Record> {
        of(kinds)
            .into_iter()
            .filter(for_year)
            .filter(after_reopening)
            .filter(|r| known_by(r))
            .min_by_key(|r| r.date.sort_key())
    };
    let completion = first_known(&rule.completed_by);
    let declaration = first_known(&rule.declared_by);

    let is_zero = |r: &Record| {
        matches!(
            r.value,
            RecordValue::Count {
                count: 0,
                qualifier: crate::evidence::Qualifier::Exact
            }
        )
    };
    // Evidence that the obligation was still unmet when its deadline came: a record of
    // an applying kind dated on or after the deadline (a count of zero never counts).
    let applies = if annual {
        None
    } else {
        of(&rule.applies_if)
            .into_iter()
            .filter(|r| known_by(r) && !is_zero(r))
            .filter(|r| r.date.earliest().is_some_and(|d| d >= due))
            .min_by_key(|r| r.date.sort_key())
    };
    // Nothing to do: a statement that speaks of the whole past, or a latest count of zero.
    let never = of(&rule.not_applicable_if)
        .into_iter()
        .min_by_key(|r| r.date.sort_key());
    let zero = of(&rule.applies_if)
        .into_iter()
        .filter(|r| known_by(r) && matches!(r.value, RecordValue::Count { .. }))
        .max_by_key(|r| r.date.sort_key())
        .filter(|r| is_zero(r));
    let applied_at_all = input.records.iter().any(|r| {
        (rule.applies_if.contains(&r.kind)
            || rule.extended_by.contains(&r.kind)
            || rule.requested_by.contains(&r.kind)
            || rule.completed_by.contains(&r.kind)
            || rule.declared_by.contains(&r.kind))
            && !is_zero(r)
    });
    let not_applicable = if annual || applied_at_all {
        zero.filter(|_| !annual)
    } else {
        never.or(zero)
    };
    // A request still waiting for its decision.
    let open_request = of(&rule.requested_by)
        .into_iter()
        .filter(|r| known_by(r))
        .max_by_key(|r| r.date.sort_key())
        .filter(|req| {
            !input.records.iter().any(|d| {
                (rule.extended_by.contains(&d.kind) || rule.refused_by.contains(&d.kind))
                    && known_by(d)
                    && d.date.earliest() >= req.date.earliest()
            })
        });
    let refused = of(&rule.refused_by)
        .into_iter()
        .filter(|r| known_by(r))
        .max_by_key(|r| r.date.sort_key())
        .filter(|r| extension.is_none_or(|e| r.date.earliest() > e.date.latest()));
    let waiting = match (open_request, refused) {
        (Some(r), _) => format!(
            "; an extension{} was requested on {} and no decision is recorded",
            match r.value {
                RecordValue::Date(d) => format!(" to {d}"),
                _ => String::new(),
            },
            r.date
        ),
        (None, Some(r)) => format!(
            "; {} on {}{}",
            r.kind.words(),
            r.date,
            if r.detail.is_empty() {
                String::new()
            } else {
                format!(" ({})", r.detail)
            }
        ),
        _ => String::new(),
    };
    let reopened_note = reopened
        .map(|r| {
            format!(
                "; {} on {}, after an earlier completion",
                r.kind.words(),
                r.date
            )
        })
        .unwrap_or_default();

    let extendable = !rule.extended_by.is_empty();
    // Met: the work was done by the earliest of the day recorded for it and the day it
    // was declared; it was late only if the day recorded for it is certainly after the
    // deadline.
    let met = if completion.is_none() && declaration.is_none() {
        None
    } else {
        let done_by = [completion, declaration]
            .into_iter()
            .flatten()
            .filter_map(|r| r.date.latest())
            .min();
        let what = match (completion, declaration) {
            (Some(c), Some(d)) => format!("completed {}, declared {}", c.date, d.date),
            (Some(c), None) => format!("completed {}", c.date),
            (None, Some(d)) => format!(
                "completion declared {}{} (the day the work finished is not recorded)",
                d.date,
                if d.detail.is_empty() {
                    String::new()
                } else {
                    format!(", {}", d.detail)
                }
            ),
            (None, None) => unreachable!("one of them is known"),
        };
        // Late: the day recorded for the work is after the deadline, or a record dated on
        // or after the deadline (and before the work was done) shows it still unmet.
        let late = completion.is_some_and(|c| by_deadline(&c.date, due) == Some(false))
            || applies.is_some_and(|a| {
                a.date
                    .earliest()
                    .zip(done_by)
                    .is_some_and(|(seen, done)| seen <= done)
            });
        Some(if done_by.is_some_and(|d| d <= due) {
            (
                DeadlineStatus::Completed,
                format!("{what}, by the deadline of {due}{ext_note}"),
            )
        } else if late && extendable && extension.is_none() && refused.is_none() {
            (
                DeadlineStatus::CompletedTimingUnknown,
                format!(
                    "{what}, after the rule's deadline of {due}; no extension is recorded, so \
                     whether it was met in time is not known"
                ),
            )
        } else if late {
            (
                DeadlineStatus::CompletedLate,
                format!("{what}, after the deadline of {due}{ext_note}"),
            )
        } else {
            (
                DeadlineStatus::CompletedTimingUnknown,
                format!(
                    "{what}: the deadline of {due}{ext_note} may fall before the work finished, \
                     so whether it was met in time is not known"
                ),
            )
        })
    };

    let (status, reason) = if let Some(m) = met {
        m
    } else if let Some(w) = input.withdrawal_effective.filter(|w| *w <= on && *w <= due) {
        (
            DeadlineStatus::Ended,
            format!("the obligation ended when the state's withdrawal took effect on {w}"),
        )
    } else if let Some(z) = not_applicable {
        let what = if z.kind == RecordKind::StockpileCount {
            format!("{} of zero", z.kind.words())
        } else {
            z.kind.words().to_string()
        };
        (
            DeadlineStatus::NotApplicable,
            format!(
                "nothing to do: the record shows {what} ({}{})",
                z.date,
                if z.detail.is_empty() {
                    String::new()
                } else {
                    format!(", {}", z.detail)
                }
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
            format!("due {due}{ext_note}{waiting}{reopened_note}{ends}"),
        )
    } else if let Some(a) = applies {
        (
            DeadlineStatus::Overdue,
            format!(
                "the deadline of {due} passed{ext_note}{waiting}{reopened_note}; a record of {} \
                 shows {}{} and no completion is recorded by {on}",
                a.date,
                a.kind.words(),
                match a.value {
                    RecordValue::None => String::new(),
                    v => format!(": {v}"),
                }
            ),
        )
    } else if let Some(c) = of(&rule.completed_by)
        .into_iter()
        .filter(for_year)
        .filter(after_reopening)
        .filter(|c| !extendable && c.date.earliest().is_some_and(|d| d > due))
        .min_by_key(|r| r.date.sort_key())
    {
        (
            DeadlineStatus::Overdue,
            format!(
                "the deadline of {due} passed{ext_note}; completion was only recorded later, on {}",
                c.date
            ),
        )
    } else {
        let known: Vec<String> = history
            .iter()
            .rev()
            .take(1)
            .map(|r| format!("; the latest record is of {} ({})", r.date, r.kind.words()))
            .collect();
        (
            DeadlineStatus::Unknown,
            format!(
                "the deadline of {due} passed{ext_note}{waiting}{reopened_note}; the dataset \
                 records neither completion nor that the obligation was unmet{}",
                known.concat()
            ),
        )
    };
    DeadlineOutcome {
        due,
        extension,
        completion,
        declaration,
        applies,
        not_applicable: if status == DeadlineStatus::NotApplicable {
            not_applicable
        } else {
            None
        },
        history,
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
            declared_by: vec![RecordKind::StockpileDestructionDeclared],
            extended_by: vec![],
            requested_by: vec![],
            refused_by: vec![],
            applies_if: vec![RecordKind::StockpileCount],
            not_applicable_if: vec![RecordKind::StockpileNeverHeld],
            reopened_by: vec![],
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
            covers_year: None,
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
        // extension on record is not called late, nor on time: whether it was met in
        // time is not known.
        let done = rec(RecordKind::StockpileDestroyed, "2012-04", RecordValue::None);
        let o = assess_extendable(&[&done, &ext], date(2013, 1, 1));
        assert_eq!(
            o.status,
            DeadlineStatus::CompletedTimingUnknown,
            "{}",
            o.reason
        );
    }

    fn clearance_rule() -> ObligationRule {
        ObligationRule {
            id: "clearance".into(),
            article: "Art. 5".into(),
            title: "clear".into(),
            due: Some(AfterEntryIntoForce {
                years: 10,
                months: 0,
                days: 0,
            }),
            annual: None,
            completed_by: vec![RecordKind::ClearanceCompleted],
            declared_by: vec![RecordKind::ClearanceCompletionDeclared],
            extended_by: vec![RecordKind::ClearanceExtensionGranted],
            requested_by: vec![RecordKind::ClearanceExtensionRequested],
            refused_by: vec![RecordKind::ClearanceExtensionNotGranted],
            applies_if: vec![
                RecordKind::ClearanceExtensionRequested,
                RecordKind::ClearanceExtensionNotGranted,
                RecordKind::ContaminationReported,
            ],
            not_applicable_if: vec![RecordKind::ContaminationNeverReported],
            reopened_by: vec![RecordKind::ContaminationRediscovered],
        }
    }

    fn clearance(records: &[&Record], on: Date) -> DeadlineOutcome<'static> {
        assess_rule(clearance_rule(), records, on, None)
    }

    #[test]
    fn declared_and_done_are_kept_apart() {
        // Done before the deadline (2010-06-01), declared after it: on time.
        let done = rec(
            RecordKind::ClearanceCompleted,
            "2010-02-27",
            RecordValue::None,
        );
        let said = rec(
            RecordKind::ClearanceCompletionDeclared,
            "2010-11",
            RecordValue::None,
        );
        let o = clearance(&[&done, &said], date(2011, 1, 1));
        assert_eq!(o.status, DeadlineStatus::Completed, "{}", o.reason);
        assert_eq!(
            o.declaration.map(|r| r.date.to_string()).as_deref(),
            Some("2010-11")
        );
        // Declared only, after the deadline: met, but not known to be in time.
        let o = clearance(&[&said], date(2011, 1, 1));
        assert_eq!(
            o.status,
            DeadlineStatus::CompletedTimingUnknown,
            "{}",
            o.reason
        );
        assert!(o.reason.contains("not recorded"), "{}", o.reason);
        // Declared only, before the deadline: done in time.
        let early = rec(
            RecordKind::ClearanceCompletionDeclared,
            "2009-12",
            RecordValue::None,
        );
        assert_eq!(
            clearance(&[&early], date(2011, 1, 1)).status,
            DeadlineStatus::Completed
        );
    }

    #[test]
    fn requests_and_refusals() {
        // A request filed before the deadline, no decision: unknown once it passes,
        // and the reason says a decision is missing.
        let asked = rec(
            RecordKind::ClearanceExtensionRequested,
            "2010-03-31",
            RecordValue::Date(date(2015, 6, 1)),
        );
        let o = clearance(&[&asked], date(2010, 5, 1));
        assert_eq!(o.status, DeadlineStatus::Pending);
        assert!(o.reason.contains("no decision is recorded"), "{}", o.reason);
        let o = clearance(&[&asked], date(2011, 1, 1));
        assert_eq!(o.status, DeadlineStatus::Unknown, "{}", o.reason);
        // Not granted at a meeting after the deadline: the deadline stays, and the
        // refusal shows it unmet: overdue.
        let refused = rec(
            RecordKind::ClearanceExtensionNotGranted,
            "2010-12-03",
            RecordValue::None,
        );
        let o = clearance(&[&asked, &refused], date(2011, 1, 1));
        assert_eq!(
            (o.status, o.due),
            (DeadlineStatus::Overdue, date(2010, 6, 1))
        );
        assert!(o.reason.contains("not granted"), "{}", o.reason);
        assert_eq!(o.history.len(), 2);
    }

    #[test]
    fn never_affected_and_reopened() {
        let never = rec(
            RecordKind::ContaminationNeverReported,
            "2018-01",
            RecordValue::None,
        );
        // A statement of "never" speaks of the past too.
        let o = clearance(&[&never], date(2011, 1, 1));
        assert_eq!(o.status, DeadlineStatus::NotApplicable, "{}", o.reason);
        // Reported contamination outweighs it: not "nothing to do".
        let reported = rec(RecordKind::ContaminationReported, "2003", RecordValue::None);
        assert_eq!(
            clearance(&[&never, &reported], date(2011, 1, 1)).status,
            DeadlineStatus::Unknown
        );
        // Completed, then new areas found: the old completion no longer meets it.
        let done = rec(RecordKind::ClearanceCompleted, "2009-06", RecordValue::None);
        let found = rec(
            RecordKind::ContaminationRediscovered,
            "2012",
            RecordValue::None,
        );
        assert_eq!(
            clearance(&[&done], date(2013, 1, 1)).status,
            DeadlineStatus::Completed
        );
        let o = clearance(&[&done, &found], date(2013, 1, 1));
        assert_ne!(o.status, DeadlineStatus::Completed, "{}", o.reason);
        assert!(
            o.reason.contains("after an earlier completion"),
            "{}",
            o.reason
        );
        let again = rec(RecordKind::ClearanceCompleted, "2014-05", RecordValue::None);
        assert!(
            clearance(&[&done, &found, &again], date(2015, 1, 1))
                .status
                .is_met()
        );
    }

    #[test]
    fn a_yearly_report_is_met_by_the_report_for_its_year() {
        let rule = ObligationRule {
            due: None,
            annual: Some(Annual {
                month: 4,
                day: 30,
                after: "initial_report".into(),
            }),
            completed_by: vec![RecordKind::AnnualReportSubmitted],
            ..clearance_rule()
        };
        let r: &'static ObligationRule = Box::leak(Box::new(rule));
        let for_2019 = rec(
            RecordKind::AnnualReportSubmitted,
            "2020-04-29",
            RecordValue::Year(2019),
        );
        let recs: &'static [&'static Record] =
            Box::leak(vec![&*Box::leak(Box::new(for_2019))].into_boxed_slice());
        let year = |covers: i16, due: Date| {
            assess(&DeadlineInput {
                rule: r,
                original_due: due,
                records: recs,
                withdrawal_effective: None,
                covers_year: Some(covers),
                on: date(2022, 1, 1),
            })
        };
        assert_eq!(
            year(2019, date(2020, 4, 30)).status,
            DeadlineStatus::Completed
        );
        // The 2019 report does not meet 2020's.
        assert_eq!(
            year(2020, date(2021, 4, 30)).status,
            DeadlineStatus::Unknown
        );
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
