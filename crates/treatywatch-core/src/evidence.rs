//! What surrounds a legal status: domestic steps (evidence of intent, not legal acts)
//! and records of stockpiles, retained mines, production, use, and the obligations'
//! milestones (extensions, completions, reports).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::date::{Date, PartialDate};
use crate::model::{Origin, SourceId, StateCode, TreatyId};

/// Defines a string-named enum with parsing that lists the accepted names.
macro_rules! named_enum {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)+
                    _ => Err(format!(
                        concat!("unknown ", $what, " `{}`: expected one of {}"),
                        s,
                        [$($text),+].join(", ")
                    )),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

named_enum!(
    /// What kind of domestic step a state took.
    StepKind, "step" {
        /// A minister or head of government says the state intends to act.
        Announcement = "announcement",
        /// A joint or national statement recommending an act.
        Statement = "statement",
        /// A government or security council decision.
        GovernmentDecision = "government_decision",
        /// A vote in parliament.
        ParliamentVote = "parliament_vote",
        /// A law signed or promulgated.
        LawSigned = "law_signed",
        /// A decree signed.
        DecreeSigned = "decree_signed",
        /// The instrument for the depositary signed (not yet deposited).
        InstrumentSigned = "instrument_signed",
    }
);

named_enum!(
    /// Where a domestic step points.
    Aim, "aim" {
        Join = "join",
        Withdraw = "withdraw",
        Suspend = "suspend",
    }
);

impl Aim {
    /// The legal act this step points towards, in words.
    pub fn act(self) -> &'static str {
        match self {
            Aim::Join => "joining",
            Aim::Withdraw => "withdrawal",
            Aim::Suspend => "suspension",
        }
    }
}

impl StepKind {
    pub fn words(self) -> &'static str {
        match self {
            StepKind::Announcement => "announcement",
            StepKind::Statement => "statement",
            StepKind::GovernmentDecision => "government decision",
            StepKind::ParliamentVote => "parliamentary vote",
            StepKind::LawSigned => "law signed",
            StepKind::DecreeSigned => "decree signed",
            StepKind::InstrumentSigned => "instrument signed",
        }
    }
}

/// A recorded vote: for, against, and abstentions where reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Vote {
    #[serde(rename = "for")]
    pub yes: u32,
    pub against: u32,
    pub abstain: Option<u32>,
}

impl FromStr for Vote {
    type Err = String;

    /// `107-0-3` (for, against, abstaining) or `157-18`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<&str> = s.split('-').collect();
        let n = |p: &str| {
            p.parse::<u32>().map_err(|_| {
                format!("`{s}` is not a vote: expected FOR-AGAINST or FOR-AGAINST-ABSTAINING, such as 107-0-3")
            })
        };
        match parts.as_slice() {
            [y, a] => Ok(Vote {
                yes: n(y)?,
                against: n(a)?,
                abstain: None,
            }),
            [y, a, b] => Ok(Vote {
                yes: n(y)?,
                against: n(a)?,
                abstain: Some(n(b)?),
            }),
            _ => Err(format!(
                "`{s}` is not a vote: expected FOR-AGAINST or FOR-AGAINST-ABSTAINING, such as 107-0-3"
            )),
        }
    }
}

impl fmt::Display for Vote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.abstain {
            Some(a) => write!(
                f,
                "{} for, {} against, {a} abstaining",
                self.yes, self.against
            ),
            None => write!(f, "{} for, {} against", self.yes, self.against),
        }
    }
}

/// A domestic step: evidence of intent, not a legal act.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub treaty: TreatyId,
    pub state: StateCode,
    pub date: PartialDate,
    pub kind: StepKind,
    pub aim: Aim,
    /// Who took it: "Seimas", "President", "Council of Ministers".
    pub body: String,
    pub vote: Option<Vote>,
    /// What happened, in our own words.
    pub summary: String,
    pub sources: Vec<SourceId>,
    pub origin: Origin,
}

named_enum!(
    /// What a record states. A record's date is the date of the fact it states (the day
    /// the work finished, the meeting decided, the report was submitted), never its
    /// source's publication date. What was due is computed; what was declared, what was
    /// done and what was decided are separate kinds.
    RecordKind, "record" {
        /// Weapons stockpiled, as of the record's date.
        StockpileCount = "stockpile_count",
        /// Mines retained for training (Mine Ban Treaty Art. 3), as of the record's date.
        RetainedCount = "retained_count",
        /// The state declared it never held a stockpile: nothing to destroy.
        StockpileNeverHeld = "stockpile_never_held",
        /// Stockpile destruction finished on the record's date (value: how many destroyed, if known).
        StockpileDestroyed = "stockpile_destroyed",
        /// Completion of stockpile destruction declared (to a meeting, in a report).
        StockpileDestructionDeclared = "stockpile_destruction_declared",
        /// The stockpile-destruction deadline passed with weapons left (value: how many).
        StockpileDeadlineMissed = "stockpile_deadline_missed",
        /// An extension of the stockpile-destruction deadline requested (value: the deadline asked for).
        StockpileExtensionRequested = "stockpile_extension_requested",
        /// An extension of the stockpile-destruction deadline granted (value: the new deadline).
        StockpileExtensionGranted = "stockpile_extension_granted",
        /// A request to extend the stockpile-destruction deadline not granted (value: the deadline asked for, if known).
        StockpileExtensionNotGranted = "stockpile_extension_not_granted",
        /// Stocks unknown before were reported after destruction was completed (value: how many, if known).
        StockpileDiscovered = "stockpile_discovered",
        /// The state reported areas under its jurisdiction or control that are (or are suspected to be) contaminated.
        ContaminationReported = "contamination_reported",
        /// The state never reported contaminated areas, as of the record's date (a complete list leaves it out, or it declared none).
        ContaminationNeverReported = "contamination_never_reported",
        /// The clearance deadline in force, as reported on the record's date (value: the deadline).
        ClearanceDeadline = "clearance_deadline",
        /// An extension of the clearance deadline requested (value: the deadline asked for).
        ClearanceExtensionRequested = "clearance_extension_requested",
        /// An extension of the clearance deadline granted (value: the new deadline).
        ClearanceExtensionGranted = "clearance_extension_granted",
        /// A request to extend the clearance deadline not granted (value: the deadline asked for, if known).
        ClearanceExtensionNotGranted = "clearance_extension_not_granted",
        /// A request to extend the clearance deadline withdrawn (value: the deadline asked for, if known).
        ClearanceExtensionWithdrawn = "clearance_extension_withdrawn",
        /// The clearance deadline passed with no extension and no completion.
        ClearanceDeadlineMissed = "clearance_deadline_missed",
        /// Clearance of all known contaminated areas finished on the record's date.
        ClearanceCompleted = "clearance_completed",
        /// Completion of clearance declared (to a meeting, in a report).
        ClearanceCompletionDeclared = "clearance_completion_declared",
        /// Contaminated areas unknown before were reported after clearance was completed.
        ContaminationRediscovered = "contamination_rediscovered",
        /// The initial transparency report submitted.
        InitialReportSubmitted = "initial_report_submitted",
        /// A yearly transparency report submitted (value: the calendar year it covers).
        AnnualReportSubmitted = "annual_report_submitted",
        /// Production status (value: never, ceased, intent_announced, producing).
        ProductionStatus = "production_status",
        /// An allegation of use (detail: where and how it was confirmed).
        UseAllegation = "use_allegation",
    }
);

named_enum!(
    /// Whether a state makes the weapons a treaty bans.
    Production, "production status" {
        Never = "never",
        Ceased = "ceased",
        IntentAnnounced = "intent_announced",
        Producing = "producing",
    }
);

/// How exact a count is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    /// `~N`: about N.
    About,
    /// `>N`: more than N.
    MoreThan,
    /// `<N`: fewer than N.
    LessThan,
}

/// A record's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum RecordValue {
    None,
    Count {
        count: u64,
        qualifier: Qualifier,
    },
    Date(Date),
    /// A calendar year (the year a yearly report covers).
    Year(i16),
    Production(Production),
}

impl fmt::Display for RecordValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordValue::None => Ok(()),
            RecordValue::Count { count, qualifier } => {
                let prefix = match qualifier {
                    Qualifier::Exact => "",
                    Qualifier::About => "about ",
                    Qualifier::MoreThan => "more than ",
                    Qualifier::LessThan => "fewer than ",
                };
                write!(f, "{prefix}{}", group_thousands(*count))
            }
            RecordValue::Date(d) => write!(f, "{d}"),
            RecordValue::Year(y) => write!(f, "{y}"),
            RecordValue::Production(p) => f.write_str(&p.as_str().replace('_', " ")),
        }
    }
}

/// `1029763` -> `1,029,763`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl RecordKind {
    /// Parses a value written in a data file for this kind of record.
    pub fn parse_value(self, s: &str) -> Result<RecordValue, String> {
        let s = s.trim();
        let count = |required: bool| -> Result<RecordValue, String> {
            if s.is_empty() {
                return if required {
                    Err(format!(
                        "a {self} needs a count: a non-negative integer such as 17260, or ~N (about), >N (more than), <N (fewer than)"
                    ))
                } else {
                    Ok(RecordValue::None)
                };
            }
            let (qualifier, digits) = match s.as_bytes()[0] {
                b'~' => (Qualifier::About, &s[1..]),
                b'>' => (Qualifier::MoreThan, &s[1..]),
                b'<' => (Qualifier::LessThan, &s[1..]),
                _ => (Qualifier::Exact, s),
            };
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "`{s}` is not a count: expected a non-negative integer such as 17260, or ~N, >N, <N"
                ));
            }
            let count = digits
                .parse::<u64>()
                .map_err(|_| format!("`{s}` is too large a count"))?;
            Ok(RecordValue::Count { count, qualifier })
        };
        let deadline = |required: bool| -> Result<RecordValue, String> {
            if s.is_empty() && !required {
                return Ok(RecordValue::None);
            }
            crate::date::parse_date(s)
                .map(RecordValue::Date)
                .map_err(|e| format!("a {self} needs the deadline as its value: {e}"))
        };
        match self {
            RecordKind::StockpileCount | RecordKind::RetainedCount => count(true),
            RecordKind::StockpileDestroyed
            | RecordKind::StockpileDeadlineMissed
            | RecordKind::StockpileDiscovered => count(false),
            RecordKind::ClearanceDeadline
            | RecordKind::ClearanceExtensionGranted
            | RecordKind::StockpileExtensionGranted => deadline(true),
            RecordKind::ClearanceExtensionRequested
            | RecordKind::StockpileExtensionRequested
            | RecordKind::ClearanceExtensionNotGranted
            | RecordKind::ClearanceExtensionWithdrawn
            | RecordKind::StockpileExtensionNotGranted => deadline(false),
            RecordKind::AnnualReportSubmitted => {
                let year = s.parse::<i16>().ok().filter(|y| (1900..=9999).contains(y));
                match year {
                    Some(y) => Ok(RecordValue::Year(y)),
                    None => Err(format!(
                        "an {self} needs the calendar year the report covers as its value, such as 2024"
                    )),
                }
            }
            RecordKind::ProductionStatus => s.parse::<Production>().map(RecordValue::Production),
            RecordKind::StockpileNeverHeld
            | RecordKind::StockpileDestructionDeclared
            | RecordKind::ContaminationReported
            | RecordKind::ContaminationNeverReported
            | RecordKind::ClearanceDeadlineMissed
            | RecordKind::ClearanceCompleted
            | RecordKind::ClearanceCompletionDeclared
            | RecordKind::ContaminationRediscovered
            | RecordKind::InitialReportSubmitted
            | RecordKind::UseAllegation => {
                if s.is_empty() {
                    Ok(RecordValue::None)
                } else {
                    Err(format!("a {self} takes no value; put details in `detail`"))
                }
            }
        }
    }

    /// Whether the record is a milestone of an obligation (so it cannot follow a
    /// withdrawal that has taken effect). Counts, production, use and the statements of
    /// what a state never held or never reported are not: they describe, they do not
    /// carry out an obligation.
    pub fn is_obligation_milestone(self) -> bool {
        !matches!(
            self,
            RecordKind::StockpileCount
                | RecordKind::RetainedCount
                | RecordKind::StockpileNeverHeld
                | RecordKind::ContaminationReported
                | RecordKind::ContaminationNeverReported
                | RecordKind::ProductionStatus
                | RecordKind::UseAllegation
        )
    }

    /// Whether the record's value is a deadline that a decision set or asked for.
    pub fn is_deadline_decision(self) -> bool {
        matches!(
            self,
            RecordKind::ClearanceExtensionGranted | RecordKind::StockpileExtensionGranted
        )
    }

    pub fn words(self) -> &'static str {
        match self {
            RecordKind::StockpileCount => "stockpile",
            RecordKind::RetainedCount => "mines retained (Art. 3)",
            RecordKind::StockpileNeverHeld => "declared it never held a stockpile",
            RecordKind::StockpileDestroyed => "stockpile destruction completed",
            RecordKind::StockpileDestructionDeclared => {
                "completion of stockpile destruction declared"
            }
            RecordKind::StockpileDeadlineMissed => "stockpile-destruction deadline missed",
            RecordKind::StockpileExtensionRequested => {
                "extension of the stockpile-destruction deadline requested to"
            }
            RecordKind::StockpileExtensionGranted => "stockpile-destruction deadline extended to",
            RecordKind::StockpileExtensionNotGranted => {
                "extension of the stockpile-destruction deadline not granted"
            }
            RecordKind::StockpileDiscovered => "stocks unknown before reported",
            RecordKind::ContaminationReported => "contaminated areas reported",
            RecordKind::ContaminationNeverReported => "no contaminated areas ever reported",
            RecordKind::ClearanceDeadline => "clearance deadline in force",
            RecordKind::ClearanceExtensionRequested => {
                "extension of the clearance deadline requested to"
            }
            RecordKind::ClearanceExtensionGranted => "clearance deadline extended to",
            RecordKind::ClearanceExtensionNotGranted => {
                "extension of the clearance deadline not granted"
            }
            RecordKind::ClearanceExtensionWithdrawn => {
                "request to extend the clearance deadline withdrawn"
            }
            RecordKind::ClearanceDeadlineMissed => "clearance deadline missed",
            RecordKind::ClearanceCompleted => "clearance completed",
            RecordKind::ClearanceCompletionDeclared => "completion of clearance declared",
            RecordKind::ContaminationRediscovered => "contaminated areas unknown before reported",
            RecordKind::InitialReportSubmitted => "initial transparency report submitted",
            RecordKind::AnnualReportSubmitted => "yearly transparency report submitted for",
            RecordKind::ProductionStatus => "production",
            RecordKind::UseAllegation => "use alleged",
        }
    }
}

/// A sourced record about a state under a treaty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    pub treaty: TreatyId,
    pub state: StateCode,
    pub kind: RecordKind,
    /// The as-of date (counts) or the event date (completions, decisions).
    pub date: PartialDate,
    pub value: RecordValue,
    /// Meeting, place, how confirmed: in our own words.
    pub detail: String,
    pub note: String,
    pub sources: Vec<SourceId>,
    pub origin: Origin,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn votes() {
        let v: Vote = "107-0-3".parse().unwrap();
        assert_eq!(v.to_string(), "107 for, 0 against, 3 abstaining");
        assert_eq!("157-18".parse::<Vote>().unwrap().abstain, None);
        assert!("157 to 18".parse::<Vote>().is_err());
        assert!("1-2-3-4".parse::<Vote>().is_err());
    }

    #[test]
    fn record_values() {
        let k = RecordKind::StockpileCount;
        assert_eq!(
            k.parse_value("1029763").unwrap(),
            RecordValue::Count {
                count: 1029763,
                qualifier: Qualifier::Exact
            }
        );
        assert_eq!(
            k.parse_value(">1000000").unwrap().to_string(),
            "more than 1,000,000"
        );
        assert_eq!(
            k.parse_value("~6600000").unwrap().to_string(),
            "about 6,600,000"
        );
        for bad in ["", "-5", "1.5", "1,000", "lots", "~"] {
            assert!(k.parse_value(bad).is_err(), "{bad}");
        }
        assert!(RecordKind::StockpileDestroyed.parse_value("").is_ok());
        assert!(
            RecordKind::ClearanceExtensionGranted
                .parse_value("2033-12-01")
                .is_ok()
        );
        let e = RecordKind::ClearanceExtensionGranted
            .parse_value("2033")
            .unwrap_err();
        assert!(e.contains("YYYY-MM-DD"), "{e}");
        assert!(
            RecordKind::ProductionStatus
                .parse_value("intent_announced")
                .is_ok()
        );
        assert!(RecordKind::ProductionStatus.parse_value("maybe").is_err());
        assert!(RecordKind::UseAllegation.parse_value("5").is_err());
        assert_eq!(group_thousands(6099096), "6,099,096");
        assert_eq!(group_thousands(999), "999");
    }

    #[test]
    fn names_list_the_choices() {
        let e = "vote".parse::<StepKind>().unwrap_err();
        assert!(e.contains("parliament_vote"), "{e}");
        assert_eq!("withdraw".parse::<Aim>().unwrap(), Aim::Withdraw);
    }
}
