//! Dates and date phrases in running text: "September 18, 1997", "29 June 2025",
//! "on June 29", "in February 1999", "in 2011", "since 1999", "six-month". One regular
//! expression finds them all (the regex crate matches in linear time); a year-less date
//! is placed in the year that puts it nearest the article's date.

use regex::Regex;
use treatywatch_core::{Date, PartialDate};

use crate::lexicon::{MONTHS, NUMBER_WORDS};
use crate::model::{DateKind, DateMention, Span};

/// Nouns that, right after a four-digit number, show it is a count and not a year.
const COUNTED_NOUNS: &[&str] = &[
    "mines",
    "landmines",
    "people",
    "soldiers",
    "troops",
    "casualties",
    "victims",
    "km",
    "square",
    "hectares",
    "devices",
    "units",
    "items",
    "euros",
    "dollars",
    "metres",
    "meters",
];

/// A date as precisely as the text gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Day(Date),
    Month(i16, i8),
    Year(i16),
    /// A day and month whose year is not known.
    MonthDay(i8, i8),
}

impl When {
    /// The first and last day it can be; `None` for a year-less date.
    pub fn range(self) -> Option<(Date, Date)> {
        match self {
            When::Day(d) => Some((d, d)),
            When::Month(y, m) => {
                let first = Date::new(y, m, 1).ok()?;
                Some((first, first.last_of_month()))
            }
            When::Year(y) => Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)),
            When::MonthDay(..) => None,
        }
    }

    /// Whether a recorded day falls within it.
    pub fn contains(self, day: Date) -> bool {
        match (self, self.range()) {
            (When::MonthDay(m, d), _) => day.month() == m && day.day() == d,
            (_, Some((a, b))) => a <= day && day <= b,
            _ => false,
        }
    }

    /// Whether a recorded date, known only as precisely as the record knows it, can
    /// fall within it.
    pub fn overlaps(self, fact: &PartialDate) -> bool {
        match fact {
            PartialDate::Day(d) => self.contains(*d),
            _ => match (self.range(), fact.earliest(), fact.latest()) {
                (Some((a, b)), Some(fa), Some(fb)) => fa <= b && a <= fb,
                (None, Some(fa), Some(fb)) => {
                    // A year-less day against a month or year: the month must fit.
                    let When::MonthDay(m, _) = self else {
                        return false;
                    };
                    fa.year() == fb.year() && fa.month() <= m && m <= fb.month()
                }
                _ => false,
            },
        }
    }

    pub fn to_partial(self) -> Option<PartialDate> {
        Some(match self {
            When::Day(d) => PartialDate::Day(d),
            When::Month(y, m) => PartialDate::Month(y, m),
            When::Year(y) => PartialDate::Year(y),
            When::MonthDay(..) => return None,
        })
    }

    /// In words, for notes: "2011", "1999-02", "2025-06-29", "29 June (year unknown)".
    pub fn describe(self) -> String {
        match self {
            When::Day(d) => d.to_string(),
            When::Month(y, m) => format!("{y:04}-{m:02}"),
            When::Year(y) => y.to_string(),
            When::MonthDay(m, d) => format!("--{m:02}-{d:02} (year unknown)"),
        }
    }
}

/// A date phrase with what the annotator can compare.
#[derive(Clone, Debug)]
pub struct FoundDate {
    pub mention: DateMention,
    pub when: Option<When>,
}

/// Finds date phrases.
pub struct DateFinder {
    re: Regex,
}

fn month_number(name: &str) -> Option<i8> {
    let name = name.trim_end_matches('.');
    MONTHS.iter().find(|(n, _)| *n == name).map(|(_, m)| *m)
}

impl DateFinder {
    pub fn new() -> DateFinder {
        let months: Vec<String> = MONTHS
            .iter()
            .map(|(n, _)| {
                if n.len() <= 4 && *n != "May" && *n != "June" && *n != "July" {
                    format!("{n}\\.?")
                } else {
                    n.to_string()
                }
            })
            .collect();
        let m = format!("(?:{})", months.join("|"));
        let y = r"(?:19|20)\d\d";
        let d = r"(?:3[01]|[12]\d|0?[1-9])";
        let n = NUMBER_WORDS.join("|");
        let pattern = format!(
            r"\b(?:(?P<iso>(?P<iy>{y})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01]))|(?P<m1>{m})\s+(?P<d1>{d})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>{y}))?|(?P<d2>{d})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{m})(?:,?\s+(?P<y2>{y}))?|(?P<m3>{m})\s+(?:of\s+)?(?P<y3>{y})|(?P<n>(?i:{n})|\d{{1,2}})(?:-|\s)months?|(?P<y4>{y}))\b"
        );
        DateFinder {
            re: Regex::new(&pattern).expect("the date pattern is valid"),
        }
    }

    /// Every date phrase in `text`, in order, at most `limit`; the flag says whether
    /// more were left out. Year-less dates are placed near `article`, if known.
    pub fn find(&self, text: &str, article: Option<Date>, limit: usize) -> (Vec<FoundDate>, bool) {
        let mut out = Vec::new();
        for caps in self.re.captures_iter(text) {
            if out.len() == limit {
                return (out, true);
            }
            let whole = caps.get(0).expect("group 0");
            let (start, end) = (whole.start(), whole.end());
            let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
            let mut months = None;
            let (kind, when, how) = if caps.name("iso").is_some() {
                let when = day(num("iy"), num("im"), num("id"));
                (DateKind::Day, when, "a full date".to_string())
            } else if let Some(m) = caps.name("m1").or(caps.name("m2")) {
                let month = month_number(m.as_str());
                let dd = num("d1").or(num("d2"));
                match num("y1").or(num("y2")) {
                    Some(yy) => (
                        DateKind::Day,
                        day(Some(yy), month.map(i32::from), dd),
                        "a full date".to_string(),
                    ),
                    None => {
                        let (when, how) = month_day(month, dd, article);
                        (DateKind::MonthDay, when, how)
                    }
                }
            } else if let Some(m) = caps.name("m3") {
                let when = match (month_number(m.as_str()), num("y3")) {
                    (Some(mo), Some(yy)) => Some(When::Month(yy as i16, mo)),
                    _ => None,
                };
                (DateKind::Month, when, "a month".to_string())
            } else if let Some(n) = caps.name("n") {
                let word = n.as_str().to_ascii_lowercase();
                let count = NUMBER_WORDS
                    .iter()
                    .position(|w| *w == word)
                    .map(|i| i as u32 + 1)
                    .or_else(|| word.parse().ok());
                months = count;
                (DateKind::Duration, None, "a length of time".to_string())
            } else {
                // A bare year: not when it is part of a number, a reference or a count.
                if !bare_year(text, start, end) {
                    continue;
                }
                let when = num("y4").map(|y| When::Year(y as i16));
                (DateKind::Year, when, "a year".to_string())
            };
            if kind != DateKind::Duration && when.is_none() {
                // "February 30, 2025": not a real day.
                continue;
            }
            let since = preceded_by_since(text, start);
            let how = if since {
                format!("{how}, the start of a period (\"since\")")
            } else {
                how
            };
            out.push(FoundDate {
                mention: DateMention {
                    span: Span::new(start, end),
                    text: text[start..end].to_string(),
                    kind,
                    since,
                    resolved: when.and_then(When::to_partial),
                    months,
                    how,
                },
                when,
            });
        }
        (out, false)
    }
}

impl Default for DateFinder {
    fn default() -> Self {
        DateFinder::new()
    }
}

fn day(y: Option<i32>, m: Option<i32>, d: Option<i32>) -> Option<When> {
    let (y, m, d) = (y?, m?, d?);
    Date::new(y as i16, m as i8, d as i8).ok().map(When::Day)
}

/// Places "June 29" in the year that puts it nearest the article's date.
fn month_day(month: Option<i8>, day: Option<i32>, article: Option<Date>) -> (Option<When>, String) {
    let (Some(m), Some(d)) = (month, day) else {
        return (None, String::new());
    };
    let d = d as i8;
    let Some(article) = article else {
        // Check the day exists in some year (29 February does, in leap years).
        if Date::new(2000, m, d).is_err() {
            return (None, String::new());
        }
        return (
            Some(When::MonthDay(m, d)),
            "a day with no year, and no article date to place it".to_string(),
        );
    };
    let best = [-1i16, 0, 1]
        .iter()
        .filter_map(|dy| Date::new(article.year() + dy, m, d).ok())
        .min_by_key(|c| c.until(article).map_or(i32::MAX, |s| s.get_days().abs()));
    match best {
        Some(date) => (
            Some(When::Day(date)),
            format!(
                "a day with no year, placed in {} as nearest the article date {article}",
                date.year()
            ),
        ),
        None => (None, String::new()),
    }
}

fn preceded_by_since(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    before.len() >= 5
        && before.is_char_boundary(before.len() - 5)
        && before[before.len() - 5..].eq_ignore_ascii_case("since")
        && !before[..before.len() - 5]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// Whether a four-digit match stands alone as a year: not in "441/2025", "1,2025",
/// "2000 mines" or "2025-ish".
fn bare_year(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    if before.is_some_and(|c| matches!(c, '/' | '-' | '.' | ',' | '$' | '#' | '№' | '€' | '£'))
    {
        return false;
    }
    let rest = &text[end..];
    let mut chars = rest.chars();
    if let Some(c) = chars.next() {
        let next = chars.next();
        if matches!(c, '/' | '%')
            || (matches!(c, '-' | '.' | ',') && next.is_some_and(|n| n.is_ascii_digit()))
        {
            return false;
        }
    }
    let word: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(12)
        .collect::<String>()
        .to_lowercase();
    !COUNTED_NOUNS.contains(&word.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn found(text: &str, article: Option<Date>) -> Vec<(String, DateKind, Option<String>)> {
        DateFinder::new()
            .find(text, article, 100)
            .0
            .into_iter()
            .map(|f| {
                (
                    f.mention.text,
                    f.mention.kind,
                    f.mention
                        .resolved
                        .map(|r| r.to_string())
                        .or(f.mention.months.map(|m| format!("{m} months"))),
                )
            })
            .collect()
    }

    #[test]
    fn finds_the_forms_articles_use() {
        let article = Some(date(2025, 7, 9));
        let got = found(
            "adopted on September 18, 1997, in force in 1999; on June 29 a decree; signed in \
             February 1999; the six-month process; since 1999; 29 June 2025; 2025-06-29; \
             Decree No. 441/2025; 2000 mines; 12 months",
            article,
        );
        let want: Vec<(&str, DateKind, Option<&str>)> = vec![
            ("September 18, 1997", DateKind::Day, Some("1997-09-18")),
            ("1999", DateKind::Year, Some("1999")),
            ("June 29", DateKind::MonthDay, Some("2025-06-29")),
            ("February 1999", DateKind::Month, Some("1999-02")),
            ("six-month", DateKind::Duration, Some("6 months")),
            ("1999", DateKind::Year, Some("1999")),
            ("29 June 2025", DateKind::Day, Some("2025-06-29")),
            ("2025-06-29", DateKind::Day, Some("2025-06-29")),
            ("12 months", DateKind::Duration, Some("12 months")),
        ];
        let got: Vec<(&str, DateKind, Option<&str>)> = got
            .iter()
            .map(|(t, k, r)| (t.as_str(), *k, r.as_deref()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn year_less_dates_go_nearest_the_article_date() {
        let got = found("on December 27", Some(date(2025, 7, 9)));
        assert_eq!(got[0].2.as_deref(), Some("2025-12-27"));
        let got = found("on December 27", Some(date(2025, 2, 1)));
        assert_eq!(got[0].2.as_deref(), Some("2024-12-27"));
        let got = DateFinder::new().find("on June 29", None, 10).0;
        assert_eq!(got[0].when, Some(When::MonthDay(6, 29)));
        assert!(got[0].mention.resolved.is_none());
        assert!(found("on February 30, 2025", None).is_empty());
    }

    #[test]
    fn since_marks_a_start() {
        let got = DateFinder::new().find("a party since 1999", None, 10).0;
        assert!(got[0].mention.since);
        let got = DateFinder::new().find("convince 1999", None, 10).0;
        assert!(!got[0].mention.since);
    }

    #[test]
    fn matching_against_the_record() {
        let feb = When::Month(1999, 2);
        assert!(feb.contains(date(1999, 2, 24)));
        assert!(!feb.contains(date(1999, 3, 1)));
        assert!(When::Year(2011).overlaps(&PartialDate::Month(2011, 12)));
        assert!(!When::Year(2011).overlaps(&PartialDate::Day(date(2012, 1, 9))));
        assert!(When::MonthDay(6, 29).contains(date(2025, 6, 29)));
        assert!(When::MonthDay(5, 18).overlaps(&PartialDate::Month(2005, 5)));
    }
}
