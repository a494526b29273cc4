//! Research exports: a panel with one row per state, treaty and period, as CSV, Parquet
//! or SQLite, with stable, documented columns (see [`COLUMNS`] and `docs/exports.md`).
//!
//! The panel is computed by the engine ([`treatywatch_core::Engine::facts_on`]): every
//! row is the state's status on the period's day, with the dates that decide it.

mod csv_out;
mod panel;
mod parquet_out;
mod sqlite_out;

use std::path::Path;

use jiff::civil::Date;

pub use csv_out::{write_csv, write_metadata_json};
pub use parquet_out::{write_parquet, write_parquet_to};
pub use sqlite_out::{sqlite_bytes, write_sqlite};

/// The panel's columns, in order, with what each holds. The same names and order in
/// every format; `year` is `day` in a daily panel ([`columns`]).
pub const COLUMNS: [(&str, &str); 23] = [
    (
        "state",
        "ISO 3166-1 alpha-3 code; for a former state, its ISO 3166-3 code or id (CSK, DDR, SUN, YUG, SCG, YAR, YMD)",
    ),
    (
        "state_name",
        "the UN's current short name, or the former state's name",
    ),
    ("iso3n", "ISO 3166-1 numeric code (UN M49), empty if none"),
    (
        "ccode",
        "Correlates of War state number on the row's day, empty when the COW list has none",
    ),
    (
        "gwcode",
        "Gleditsch-Ward state number on the row's day, empty when the GW list has none",
    ),
    ("treaty", "treaty id (apmbc, ccm, iccpr, un-3-2-12a, ...)"),
    ("treaty_name", "the treaty's full title"),
    (
        "treaty_short_name",
        "the name most people use (Mine Ban Treaty)",
    ),
    (
        "treaty_ref",
        "UN Treaty Collection reference (XXVI-5), empty if none",
    ),
    ("year", "the year (`day`, the day, in a daily panel)"),
    (
        "date",
        "the day the status is taken on: the year's --as-of day, or the day",
    ),
    (
        "status",
        "not_signatory, signatory, consent_deposited, consented (bound unknown), party, withdrawal_pending, withdrawn, unknown",
    ),
    (
        "signed",
        "1 if a signature is recorded by that day, else 0; empty when unknown",
    ),
    (
        "consented",
        "1 if an instrument of consent is in effect (deposited and not withdrawn from), else 0; empty when unknown",
    ),
    (
        "bound",
        "1 if bound by the treaty (party, withdrawal pending), else 0; empty when unknown or when a rule it depends on is not recorded",
    ),
    (
        "withdrawn",
        "1 if a withdrawal has taken effect, else 0; empty when unknown",
    ),
    ("signature_date", "signature date, if signed by that day"),
    (
        "consent_date",
        "date of the instrument of consent in force for the state by that day",
    ),
    (
        "consent_kind",
        "ratification, accession, acceptance, approval, succession, ...",
    ),
    (
        "entry_into_force",
        "the day the treaty enters (entered) into force for the state, if known",
    ),
    (
        "withdrawal_notified",
        "the day the depositary received a withdrawal, if any by that day",
    ),
    (
        "withdrawal_effective",
        "the day that withdrawal takes (took) effect, if known",
    ),
    (
        "known_until",
        "for a treaty known only from an imported status table, the last day it speaks for; after it the status is unknown and the dates are as of that day",
    ),
];

/// The column names for a panel of this granularity.
pub fn columns(granularity: Granularity) -> Vec<&'static str> {
    COLUMNS
        .iter()
        .map(|(c, _)| match (*c, granularity) {
            ("year", Granularity::Day) => "day",
            (c, _) => c,
        })
        .collect()
}

/// How long each period is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    Year,
    Day,
}

/// One period of the panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Year(i16),
    Day(Date),
}

/// Why a panel cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    Spec(String),
    #[error("writing {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("writing Parquet: {0}")]
    Parquet(#[from] parquet::errors::ParquetError),
    #[error("writing SQLite: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// The periods of a panel from year `from` to year `to` (both included), each with the
/// day its status is taken on: the `as_of` month and day of each year (the last day of
/// February in years without a 29th), or every day.
pub fn periods(
    from: i16,
    to: i16,
    granularity: Granularity,
    as_of: (i8, i8),
) -> Result<Vec<(Period, Date)>, ExportError> {
    if !(1000..=9999).contains(&from) || !(1000..=9999).contains(&to) {
        return Err(ExportError::Spec(
            "years must be between 1000 and 9999".into(),
        ));
    }
    if from > to {
        return Err(ExportError::Spec(format!(
            "--from {from} is after --to {to}"
        )));
    }
    let (m, d) = as_of;
    if Date::new(2000, m, d).is_err() {
        return Err(ExportError::Spec(format!(
            "--as-of {m:02}-{d:02} is not a day of the year (MM-DD, such as 12-31)"
        )));
    }
    let mut out = Vec::new();
    match granularity {
        Granularity::Year => {
            for y in from..=to {
                let day = Date::new(y, m, d)
                    .or_else(|_| Date::new(y, m, 1).map(|f| f.last_of_month()))
                    .map_err(|e| ExportError::Spec(e.to_string()))?;
                out.push((Period::Year(y), day));
            }
        }
        Granularity::Day => {
            let mut day = Date::new(from, 1, 1).map_err(|e| ExportError::Spec(e.to_string()))?;
            let last = Date::new(to, 12, 31).map_err(|e| ExportError::Spec(e.to_string()))?;
            while day <= last {
                out.push((Period::Day(day), day));
                match day.tomorrow() {
                    Ok(next) => day = next,
                    Err(_) => break,
                }
            }
        }
    }
    Ok(out)
}

/// Reads a yearly panel's day, `MM-DD` (`12-31`), as (month, day). Whether the day
/// exists is checked by [`periods`].
pub fn parse_as_of(s: &str) -> Result<(i8, i8), ExportError> {
    let bad = || ExportError::Spec(format!("`{s}` is not MM-DD, such as 12-31"));
    let (m, d) = s.trim().split_once('-').ok_or_else(bad)?;
    if m.len() != 2 || d.len() != 2 {
        return Err(bad());
    }
    Ok((m.parse().map_err(|_| bad())?, d.parse().map_err(|_| bad())?))
}

/// How many periods [`periods`] gives from year `from` to year `to`, without making
/// them: for bounding a request before it is built. 0 when `from` is after `to`.
pub fn period_count(from: i16, to: i16, granularity: Granularity) -> u64 {
    if from > to {
        return 0;
    }
    match granularity {
        Granularity::Year => (i32::from(to) - i32::from(from) + 1) as u64,
        Granularity::Day => (from..=to)
            .map(|y| {
                let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
                if leap { 366 } else { 365 }
            })
            .sum(),
    }
}

pub use panel::{Actor, PanelStatus, RowFacts, actors, for_each_pair, metadata};

fn io(path: &Path) -> impl Fn(std::io::Error) -> ExportError + '_ {
    move |source| ExportError::Io {
        path: path.display().to_string(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn yearly_periods_take_the_as_of_day() {
        let p = periods(2023, 2025, Granularity::Year, (2, 29)).unwrap();
        assert_eq!(
            p,
            vec![
                (Period::Year(2023), date(2023, 2, 28)),
                (Period::Year(2024), date(2024, 2, 29)),
                (Period::Year(2025), date(2025, 2, 28)),
            ]
        );
        assert_eq!(
            periods(2024, 2024, Granularity::Day, (12, 31))
                .unwrap()
                .len(),
            366
        );
        assert!(periods(2025, 2024, Granularity::Year, (12, 31)).is_err());
        assert!(periods(2024, 2025, Granularity::Year, (2, 30)).is_err());
        assert!(periods(20, 2025, Granularity::Year, (1, 1)).is_err());
    }

    #[test]
    fn as_of_is_month_and_day() {
        assert_eq!(parse_as_of("12-31").unwrap(), (12, 31));
        assert_eq!(parse_as_of(" 02-29 ").unwrap(), (2, 29));
        for bad in ["1231", "12/31", "1-1", "ab-cd", "", "-12-31"] {
            assert!(parse_as_of(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn period_count_matches_the_periods() {
        for (from, to) in [
            (2023, 2025),
            (1999, 2001),
            (1900, 1900),
            (2000, 2000),
            (2024, 2024),
        ] {
            for g in [Granularity::Year, Granularity::Day] {
                assert_eq!(
                    period_count(from, to, g),
                    periods(from, to, g, (12, 31)).unwrap().len() as u64,
                    "{from}-{to} {g:?}"
                );
            }
        }
        assert_eq!(period_count(2025, 2024, Granularity::Day), 0);
    }
}
