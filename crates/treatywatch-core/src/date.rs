//! Dates as users and curators write them.
//!
//! Two kinds of date appear in treatywatch:
//!
//! * [`Date`]: a calendar day, written `YYYY-MM-DD`. Every legal fact (a deposit, an
//!   entry into force, a withdrawal taking effect) is a calendar day.
//! * [`SourceDate`] (also [`PartialDate`]): a date known only as precisely as a source
//!   gives it: a day, a month (`2025-06`), a year (`2025`), only between two bounds
//!   (`2012-12-27/2014-08-19`, ISO 8601 interval notation), or not at all (`n.d.`, for an
//!   undated page). Publication dates of sources, and dates of domestic steps and records
//!   reported only to the month, have this type.

use std::fmt;
use std::str::FromStr;

pub use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// Why a string is not a date of the form treatywatch expects.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text does not have the shape `YYYY-MM-DD`.
    #[error("`{input}` is not a date: expected the form YYYY-MM-DD, for example 2026-03-01")]
    Form { input: String },
    /// The text has the right shape but names no real day (2025-02-30).
    #[error("`{input}` is not a real day: {reason}")]
    NotReal { input: String, reason: String },
    /// A source date that is none of the accepted forms.
    #[error(
        "`{input}` is not a partial date: expected YYYY-MM-DD, YYYY-MM, YYYY, \
         an interval FROM/TO of those forms (for example 2012-12-27/2014-08-19), \
         or n.d. for an undated source"
    )]
    SourceForm { input: String },
}

fn digits(s: &str) -> Option<i32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Parses a calendar day written exactly as `YYYY-MM-DD`.
///
/// Other forms (`1/3/2026`, `2026-3-1`, `2026-03-01T00:00`) are refused rather than
/// guessed at, and the error says which form is expected. The year must be between
/// 1000 and 9999.
pub fn parse_date(input: &str) -> Result<Date, DateError> {
    let form = || DateError::Form {
        input: input.to_string(),
    };
    let bytes = input.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return Err(form());
    }
    let year = digits(&input[0..4]).ok_or_else(form)?;
    let month = digits(&input[5..7]).ok_or_else(form)?;
    let day = digits(&input[8..10]).ok_or_else(form)?;
    if year < 1000 {
        return Err(form());
    }
    make_date(input, year, month, day)
}

fn make_date(input: &str, year: i32, month: i32, day: i32) -> Result<Date, DateError> {
    let not_real = |reason: String| DateError::NotReal {
        input: input.to_string(),
        reason,
    };
    if !(1..=12).contains(&month) {
        return Err(not_real(format!("there is no month {month}")));
    }
    // All three values are small: year < 10000, month <= 12, day < 100.
    Date::new(year as i16, month as i8, day as i8).map_err(|_| {
        let last = Date::new(year as i16, month as i8, 1)
            .map(|d| d.last_of_month().day())
            .unwrap_or(31);
        not_real(format!(
            "{year:04}-{month:02} has {last} days, so day {day} does not exist"
        ))
    })
}

/// A date to the precision it is known: the publication date of a source, or the date
/// of a step or record reported only to the month.
pub type PartialDate = SourceDate;

/// The publication date of a source, to the precision it is known.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceDate {
    /// A known day.
    Day(Date),
    /// Known to the month: year and month.
    Month(i16, i8),
    /// Known to the year.
    Year(i16),
    /// Known only to lie between two bounds, inclusive.
    Between(Box<SourceDate>, Box<SourceDate>),
    /// Not known at all (an undated page), written `n.d.`.
    Undated,
}

impl SourceDate {
    /// The earliest day it can be, or `None` when undated.
    pub fn earliest(&self) -> Option<Date> {
        match self {
            SourceDate::Day(d) => Some(*d),
            SourceDate::Month(y, m) => Date::new(*y, *m, 1).ok(),
            SourceDate::Year(y) => Date::new(*y, 1, 1).ok(),
            SourceDate::Between(a, _) => a.earliest(),
            SourceDate::Undated => None,
        }
    }

    /// The latest day it can be, or `None` when undated. For a publication date, the
    /// day a careful reader can be sure the source was public.
    pub fn latest(&self) -> Option<Date> {
        match self {
            SourceDate::Day(d) => Some(*d),
            SourceDate::Month(y, m) => Date::new(*y, *m, 1).ok().map(|d| d.last_of_month()),
            SourceDate::Year(y) => Date::new(*y, 12, 31).ok(),
            SourceDate::Between(_, b) => b.latest(),
            SourceDate::Undated => None,
        }
    }

    /// The day to sort by: the earliest possible day, undated last.
    pub fn sort_key(&self) -> Date {
        self.earliest().unwrap_or(Date::MAX)
    }

    fn parse_single(input: &str, whole: &str) -> Result<SourceDate, DateError> {
        let form = || DateError::SourceForm {
            input: whole.to_string(),
        };
        match input.len() {
            10 => parse_date(input).map(SourceDate::Day).map_err(|e| match e {
                DateError::Form { .. } => form(),
                other => other,
            }),
            7 if input.as_bytes()[4] == b'-' => {
                let y = digits(&input[0..4]).ok_or_else(form)?;
                let m = digits(&input[5..7]).ok_or_else(form)?;
                if y < 1000 {
                    return Err(form());
                }
                make_date(input, y, m, 1)?;
                Ok(SourceDate::Month(y as i16, m as i8))
            }
            4 => {
                let y = digits(input).ok_or_else(form)?;
                if y < 1000 {
                    return Err(form());
                }
                Ok(SourceDate::Year(y as i16))
            }
            _ => Err(form()),
        }
    }
}

impl FromStr for SourceDate {
    type Err = DateError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        if input == "n.d." {
            return Ok(SourceDate::Undated);
        }
        match input.split_once('/') {
            None => SourceDate::parse_single(input, input),
            Some((a, b)) => {
                let a = SourceDate::parse_single(a, input)?;
                let b = SourceDate::parse_single(b, input)?;
                if a.earliest() > b.latest() || a == SourceDate::Undated || b == SourceDate::Undated
                {
                    return Err(DateError::NotReal {
                        input: input.to_string(),
                        reason: "the interval ends before it starts".to_string(),
                    });
                }
                Ok(SourceDate::Between(Box::new(a), Box::new(b)))
            }
        }
    }
}

impl fmt::Display for SourceDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceDate::Day(d) => write!(f, "{d}"),
            SourceDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            SourceDate::Year(y) => write!(f, "{y:04}"),
            SourceDate::Between(a, b) => write!(f, "{a}/{b}"),
            SourceDate::Undated => f.write_str("n.d."),
        }
    }
}

impl Serialize for SourceDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for SourceDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn parses_plain_days() {
        assert_eq!(parse_date("2000-02-29").unwrap(), date(2000, 2, 29));
        assert_eq!(parse_date("2026-01-10").unwrap(), date(2026, 1, 10));
    }

    #[test]
    fn refuses_other_forms_with_the_expected_form() {
        for bad in [
            "",
            "2026-3-1",
            "1/3/2026",
            "2026-03-01T00:00",
            "２０２６-03-01",
            "+026-03-01",
            "0999-01-01",
            "2026/03/01",
            "20260301",
        ] {
            let err = parse_date(bad).unwrap_err();
            assert!(matches!(err, DateError::Form { .. }), "{bad}: {err}");
            assert!(err.to_string().contains("YYYY-MM-DD"), "{err}");
        }
    }

    #[test]
    fn refuses_days_that_do_not_exist() {
        let err = parse_date("2025-02-29").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`2025-02-29` is not a real day: 2025-02 has 28 days, so day 29 does not exist"
        );
        let err = parse_date("2025-13-01").unwrap_err();
        assert!(err.to_string().contains("no month 13"), "{err}");
        assert!(parse_date("2025-00-10").is_err());
        assert!(parse_date("2025-04-00").is_err());
    }

    #[test]
    fn source_dates_of_every_precision() {
        let d: SourceDate = "2025-06".parse().unwrap();
        assert_eq!(d.earliest(), Some(date(2025, 6, 1)));
        assert_eq!(d.latest(), Some(date(2025, 6, 30)));
        let y: SourceDate = "2014".parse().unwrap();
        assert_eq!(y.latest(), Some(date(2014, 12, 31)));
        let b: SourceDate = "2012-12-27/2014-08-19".parse().unwrap();
        assert_eq!(b.earliest(), Some(date(2012, 12, 27)));
        assert_eq!(b.latest(), Some(date(2014, 8, 19)));
        let n: SourceDate = "n.d.".parse().unwrap();
        assert_eq!((n.earliest(), n.latest()), (None, None));
        assert_eq!(n.to_string(), "n.d.");
        assert!("n.d./2014".parse::<SourceDate>().is_err());
        assert_eq!(b.to_string(), "2012-12-27/2014-08-19");
        assert!("2014-08-19/2012-12-27".parse::<SourceDate>().is_err());
        assert!("2025-6".parse::<SourceDate>().is_err());
        assert!("June 2025".parse::<SourceDate>().is_err());
        assert!("2025-02-30".parse::<SourceDate>().is_err());
    }
}
