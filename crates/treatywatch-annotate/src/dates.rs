//! Dates and date phrases in running text, in the article's language: "September 18,
//! 1997", "29 June 2025", "2025 m. birželio 27 d.", "27. kesäkuuta 2025", "27.06.2025",
//! "on June 29", "in February 1999", "in 2011", "since 1999", "six-month"; and dates
//! relative to the article's date or to the date named before them: "today", "on
//! Friday", "last month", "the same year", "two years later". One regular expression
//! per language finds them all (the regex crate matches in linear time); a year-less
//! date is placed in the year that puts it nearest the article's date.

use regex::Regex;
use treatywatch_core::{Date, PartialDate};

use crate::lexicon::{Lexicon, Rel};
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
    "min",
    "minų",
    "mīnas",
    "mīnu",
    "miini",
    "miinaa",
    "мин",
    "мін",
];

/// A date as precisely as the text gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    Day(Date),
    Month(i16, i8),
    Year(i16),
    /// A day and month whose year is not known.
    MonthDay(i8, i8),
    /// Some day between two days ("last week").
    Range(Date, Date),
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
            When::Range(a, b) => Some((a, b)),
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
            When::Range(a, b) => {
                PartialDate::Between(Box::new(PartialDate::Day(a)), Box::new(PartialDate::Day(b)))
            }
        })
    }

    /// In words, for notes: "2011", "1999-02", "2025-06-29", "29 June (year unknown)".
    pub fn describe(self) -> String {
        match self {
            When::Day(d) => d.to_string(),
            When::Month(y, m) => format!("{y:04}-{m:02}"),
            When::Year(y) => y.to_string(),
            When::MonthDay(m, d) => format!("--{m:02}-{d:02} (year unknown)"),
            When::Range(a, b) => format!("{a} to {b}"),
        }
    }

    /// The year, when it is one year.
    fn year(self) -> Option<i16> {
        let (a, b) = self.range()?;
        (a.year() == b.year()).then_some(a.year())
    }
}

/// A date phrase with what the annotator can compare.
#[derive(Clone, Debug)]
pub struct FoundDate {
    pub mention: DateMention,
    pub when: Option<When>,
    /// "by 2016": on or before it.
    pub by: bool,
    /// For a date the text gives with no year ("on June 29", "in March"): the latest
    /// such day (month) up to the article's date, and the next one after it. A claim
    /// said of the future takes the second, any other the first.
    pub past: Option<When>,
    pub ahead: Option<When>,
}

impl FoundDate {
    /// What a claim dated by it can be: for "by 2016", any day up to the end of 2016.
    pub fn claim_when(&self) -> Option<When> {
        self.claim_when_for(false)
    }

    /// What a claim dated by it can be, the date placed nearest the article's.
    pub fn claim_when_nearest(&self) -> Option<When> {
        let mut d = self.clone();
        d.past = None;
        d.ahead = None;
        d.claim_when_for(false)
    }

    /// What a claim dated by it can be, for a claim said of the future or not.
    pub fn claim_when_for(&self, future: bool) -> Option<When> {
        let placed = if future { self.ahead } else { self.past };
        let w = placed.or(self.when)?;
        if !self.by {
            return Some(w);
        }
        let (_, end) = w.range()?;
        Some(When::Range(Date::new(1900, 1, 1).ok()?, end))
    }
}

/// What a group of the big pattern is.
#[derive(Clone, Copy, Debug)]
enum Part {
    Iso,
    Numeric,
    /// A day pattern: its groups are `d{i}`, `m{i}`, `y{i}`.
    Day(usize),
    Month(usize),
    BareMonth,
    Duration,
    Relative(usize),
    Weekday(usize),
    Year,
}

/// Finds date phrases in one language.
pub struct DateFinder {
    re: Regex,
    parts: Vec<(String, Part)>,
    months: Vec<(Regex, i8)>,
    numbers: Vec<(Regex, u32)>,
    relative: Vec<Rel>,
    since: Regex,
    by: Regex,
    last_word: Regex,
}

/// The first character boundary at or after `start - 24`.
fn floor_start(text: &str, start: usize) -> usize {
    let mut i = start.saturating_sub(24);
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Renames a pattern's groups `d`, `m`, `y`, `n` with a suffix, and puts the month
/// forms where it says `{M}`.
fn rename(p: &str, suffix: &str, months: &str, numbers: &str) -> String {
    p.replace("{M}", months)
        .replace("{N}", numbers)
        .replace("(?P<d>", &format!("(?P<d{suffix}>"))
        .replace("(?P<d2>", &format!("(?P<e{suffix}>"))
        .replace("(?P<m>", &format!("(?P<m{suffix}>"))
        .replace("(?P<y>", &format!("(?P<y{suffix}>"))
        .replace("(?P<n>", &format!("(?P<n{suffix}>"))
}

impl DateFinder {
    pub fn new(lex: &Lexicon) -> DateFinder {
        let months_alt = crate::lexicon::alternatives(&lex.months);
        let numbers_alt = crate::lexicon::alternatives(&lex.numbers);
        let y = r"(?:19|20)\d\d";
        let mut alts: Vec<String> = Vec::new();
        let mut parts: Vec<(String, Part)> = Vec::new();
        let mut push = |name: String, body: String, part: Part| {
            alts.push(format!("(?P<{name}>{body})"));
            parts.push((name, part));
        };
        push(
            "iso".into(),
            format!(r"(?P<iy>{y})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"),
            Part::Iso,
        );
        push(
            "num".into(),
            format!(r"(?P<nd>3[01]|[12]\d|0?[1-9])\.(?P<nm>1[0-2]|0?[1-9])\.(?P<ny>{y})"),
            Part::Numeric,
        );
        for (i, p) in lex.day_patterns.iter().enumerate() {
            push(
                format!("day{i}"),
                rename(p, &format!("_{i}"), &months_alt, &numbers_alt),
                Part::Day(i),
            );
        }
        for (i, p) in lex.month_patterns.iter().enumerate() {
            push(
                format!("mon{i}"),
                rename(p, &format!("_m{i}"), &months_alt, &numbers_alt),
                Part::Month(i),
            );
        }
        push(
            "dur".into(),
            rename(lex.duration, "_dur", &months_alt, &numbers_alt),
            Part::Duration,
        );
        for (i, (p, _)) in lex.relative.iter().enumerate() {
            push(
                format!("rel{i}"),
                rename(p, &format!("_r{i}"), &months_alt, &numbers_alt),
                Part::Relative(i),
            );
        }
        for (i, p) in lex.weekdays.iter().enumerate() {
            push(format!("wd{i}"), p.to_string(), Part::Weekday(i));
        }
        push(
            "bare".into(),
            rename(lex.bare_month, "_b", &months_alt, &numbers_alt),
            Part::BareMonth,
        );
        push("year".into(), y.to_string(), Part::Year);
        let pattern = format!(r"(?i)\b(?:{})\b", alts.join("|"));
        let pattern = crate::lexicon::word_bounds(&pattern, lex.language);
        DateFinder {
            re: Regex::new(&pattern).expect("the date pattern is valid"),
            parts,
            months: lex
                .months
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    (
                        Regex::new(&format!(r"(?i)^(?:{m})$")).expect("valid month"),
                        i as i8 + 1,
                    )
                })
                .collect(),
            numbers: lex
                .numbers
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    (
                        Regex::new(&format!(r"(?i)^(?:{n})$")).expect("valid number"),
                        i as u32 + 1,
                    )
                })
                .collect(),
            relative: lex.relative.iter().map(|(_, r)| *r).collect(),
            since: Regex::new(&format!(r"(?i)(?:{})\s*$", lex.since)).expect("valid since"),
            by: Regex::new(&format!(r"(?i)(?:{})\s*$", lex.by)).expect("valid by"),
            last_word: Regex::new(r"(?i)\blast\s").expect("valid"),
        }
    }

    fn month_number(&self, name: &str) -> Option<i8> {
        self.months
            .iter()
            .find(|(re, _)| re.is_match(name))
            .map(|(_, m)| *m)
    }

    /// A number in digits or words; for "šešių mėnesių" the first word.
    fn number(&self, s: &str) -> Option<u32> {
        let word = |w: &str| -> Option<u32> {
            w.parse().ok().or_else(|| {
                self.numbers
                    .iter()
                    .find(|(re, _)| re.is_match(w))
                    .map(|(_, n)| *n)
            })
        };
        let lower = s.trim().to_lowercase();
        word(&lower)
            .or_else(|| lower.split_whitespace().next().and_then(word))
            .or_else(|| {
                [
                    "eleven",
                    "twelve",
                    "thirteen",
                    "fourteen",
                    "fifteen",
                    "sixteen",
                    "seventeen",
                    "eighteen",
                    "nineteen",
                    "twenty",
                ]
                .iter()
                .position(|w| *w == lower)
                .map(|i| i as u32 + 11)
            })
    }

    /// Every date phrase in `text`, in order, at most `limit`; the flag says whether
    /// more were left out. Year-less and relative dates are placed near `article`, if
    /// known.
    pub fn find(&self, text: &str, article: Option<Date>, limit: usize) -> (Vec<FoundDate>, bool) {
        let mut out: Vec<FoundDate> = Vec::new();
        // The last date that names a year, for "the same year", "two years later".
        let mut previous: Option<When> = None;
        for caps in self.re.captures_iter(text) {
            if out.len() == limit {
                return (out, true);
            }
            let whole = caps.get(0).expect("group 0");
            let (mut start, end) = (whole.start(), whole.end());
            let Some(part) = self
                .parts
                .iter()
                .find(|(name, _)| caps.name(name).is_some())
                .map(|(_, p)| *p)
            else {
                continue;
            };
            let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
            let mut months = None;
            let (kind, when, how) = match part {
                Part::Iso => (
                    DateKind::Day,
                    day(num("iy"), num("im"), num("id")),
                    "a full date".to_string(),
                ),
                Part::Numeric => (
                    DateKind::Day,
                    day(num("ny"), num("nm"), num("nd")),
                    "a full date".to_string(),
                ),
                Part::Day(i) => {
                    let s = format!("_{i}");
                    let month = caps
                        .name(&format!("m{s}"))
                        .and_then(|m| self.month_number(m.as_str().trim_end_matches('.')));
                    let dd = num(&format!("d{s}"));
                    let d2 = num(&format!("e{s}"));
                    match num(&format!("y{s}")) {
                        Some(yy) => {
                            let first = day(Some(yy), month.map(i32::from), dd);
                            let last =
                                d2.and_then(|d2| day(Some(yy), month.map(i32::from), Some(d2)));
                            match (first, last) {
                                (Some(When::Day(a)), Some(When::Day(b))) if a < b => (
                                    DateKind::Day,
                                    Some(When::Range(a, b)),
                                    "days of one month".to_string(),
                                ),
                                _ => (DateKind::Day, first, "a full date".to_string()),
                            }
                        }
                        None => {
                            let (when, how) = month_day(month, dd, article);
                            (DateKind::MonthDay, when, how)
                        }
                    }
                }
                Part::Month(i) => {
                    let s = format!("_m{i}");
                    let when = match (
                        caps.name(&format!("m{s}"))
                            .and_then(|m| self.month_number(m.as_str().trim_end_matches('.'))),
                        num(&format!("y{s}")),
                    ) {
                        (Some(mo), Some(yy)) => Some(When::Month(yy as i16, mo)),
                        _ => None,
                    };
                    (DateKind::Month, when, "a month".to_string())
                }
                Part::BareMonth => {
                    let m_b = caps.name("m_b");
                    // The preposition is not part of the date.
                    start = m_b.map_or(start, |m| m.start());
                    let month = m_b.and_then(|m| self.month_number(m.as_str()));
                    if let (Some(mo), Some(yy)) = (month, num("y_b")) {
                        (
                            DateKind::Month,
                            Some(When::Month(yy as i16, mo)),
                            "a month".to_string(),
                        )
                    } else {
                        match (month, article) {
                            (Some(mo), Some(a)) => {
                                // The latest such month up to the article's date, or one
                                // or two months ahead of it.
                                let this = i32::from(a.month());
                                let diff = i32::from(mo) - this;
                                let year = if diff > 2 { a.year() - 1 } else { a.year() };
                                (
                                    DateKind::Month,
                                    Some(When::Month(year, mo)),
                                    format!(
                                        "a month with no year, placed in {year} as nearest the article date {a}"
                                    ),
                                )
                            }
                            _ => continue,
                        }
                    }
                }
                Part::Duration => {
                    months = caps.name("n_dur").and_then(|n| self.number(n.as_str()));
                    (DateKind::Duration, None, "a length of time".to_string())
                }
                Part::Relative(i) => {
                    let rel = self.relative[i];
                    let n = caps
                        .name(&format!("n_r{i}"))
                        .and_then(|n| self.number(n.as_str()));
                    // "today" in a quotation is the speaker's day, not the article's.
                    let when = if in_quote(text, start)
                        && !matches!(
                            rel,
                            Rel::SameYear
                                | Rel::FollowingYear
                                | Rel::YearsLater
                                | Rel::YearsEarlier
                        ) {
                        None
                    } else {
                        relative(rel, n, article, previous)
                    };
                    let how = match (when, article) {
                        (Some(_), _) => {
                            "a date relative to the article's date or to the date before it"
                                .to_string()
                        }
                        (None, None) => {
                            "a relative date, with no article date to place it".to_string()
                        }
                        (None, Some(_)) => {
                            "a relative date with no date before it to count from".to_string()
                        }
                    };
                    (DateKind::Relative, when, how)
                }
                Part::Weekday(i) => {
                    let last = self.last_word.is_match(whole.as_str());
                    let when = if in_quote(text, start) {
                        None
                    } else {
                        article.and_then(|a| weekday(a, i, last)).map(When::Day)
                    };
                    (
                        DateKind::Relative,
                        when,
                        if when.is_some() {
                            "a day of the week, the latest one up to the article's date".to_string()
                        } else {
                            "a day of the week, with no article date to place it".to_string()
                        },
                    )
                }
                Part::Year => {
                    // A bare year: not when it is part of a number, a reference or a count.
                    if !bare_year(text, start, end) {
                        continue;
                    }
                    let when = num("year").map(|y| When::Year(y as i16));
                    (DateKind::Year, when, "a year".to_string())
                }
            };
            if matches!(kind, DateKind::Day | DateKind::Month | DateKind::Year) && when.is_none() {
                // "February 30, 2025": not a real day.
                continue;
            }
            if kind == DateKind::MonthDay && when.is_none() {
                continue;
            }
            if matches!(
                kind,
                DateKind::Day | DateKind::Month | DateKind::Year | DateKind::Relative
            ) && when.is_some()
            {
                previous = when;
            }
            let since = self.since.is_match(&text[..start]) && kind != DateKind::Duration;
            let by = self.by.is_match(&text[floor_start(text, start)..start])
                && kind != DateKind::Duration;
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
                by,
                past: None,
                ahead: None,
            });
            if let (Some(a), Some(w)) = (article, when)
                && let Some(last) = out.last_mut()
                && (last.mention.kind == DateKind::MonthDay
                    || last.mention.how.starts_with("a month with no year"))
            {
                let (past, ahead) = either_side(w, a);
                last.past = past;
                last.ahead = ahead;
            }
        }
        // "1 July that year", "sama aasta 1. novembril": a day whose year a phrase beside
        // it gives.
        for i in 0..out.len() {
            let bare_month = out[i].mention.how.starts_with("a month with no year");
            if out[i].mention.kind != DateKind::MonthDay && !bare_month {
                continue;
            }
            let neighbours = [i.checked_sub(1), Some(i + 1)];
            for j in neighbours.into_iter().flatten() {
                let Some(other) = out.get(j) else { continue };
                if other.mention.kind != DateKind::Relative {
                    continue;
                }
                let (a, b) = if j < i {
                    (other.mention.span, out[i].mention.span)
                } else {
                    (out[i].mention.span, other.mention.span)
                };
                let gap = text[a.end..b.start.max(a.end)].trim();
                let Some(When::Year(y)) = other.when else {
                    continue;
                };
                if !(gap.is_empty() || gap == "of" || gap == ",") {
                    continue;
                }
                if bare_month {
                    // "saman vuoden heinäkuussa", "in July that year".
                    let Some(When::Month(_, m)) = out[i].when else {
                        continue;
                    };
                    out[i].when = Some(When::Month(y, m));
                    out[i].past = None;
                    out[i].ahead = None;
                    out[i].mention.resolved = Some(PartialDate::Month(y, m));
                    out[i].mention.how = "a month whose year the words beside it give".into();
                    break;
                }
                let (m, d) = match out[i].when {
                    Some(When::Day(x)) => (x.month(), x.day()),
                    Some(When::MonthDay(m, d)) => (m, d),
                    _ => continue,
                };
                if let Ok(x) = Date::new(y, m, d) {
                    out[i].when = Some(When::Day(x));
                    out[i].past = None;
                    out[i].ahead = None;
                    out[i].mention.resolved = Some(PartialDate::Day(x));
                    out[i].mention.kind = DateKind::Day;
                    out[i].mention.how = "a day whose year the words beside it give".into();
                }
                break;
            }
        }
        // "on Monday, March 1, 1999": the full date says it; the weekday goes.
        let mut keep = vec![true; out.len()];
        for i in 0..out.len().saturating_sub(1) {
            let (a, b) = (&out[i].mention, &out[i + 1].mention);
            if a.kind == DateKind::Relative
                && matches!(b.kind, DateKind::Day | DateKind::MonthDay)
                && text[a.span.end..b.span.start]
                    .trim_matches([',', ' ', '\u{a0}'])
                    .is_empty()
            {
                keep[i] = false;
            }
        }
        let mut k = keep.into_iter();
        out.retain(|_| k.next().unwrap_or(true));
        (out, false)
    }
}

/// Whether a position is inside a quotation, in its paragraph: an odd number of
/// straight quotes before it, or more opening curly quotes than closing ones.
fn in_quote(text: &str, pos: usize) -> bool {
    let mut from = pos.saturating_sub(3000);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..pos];
    let para = before.rsplit('\n').next().unwrap_or(before);
    let straight = para.matches('"').count();
    let open = para.matches('\u{201c}').count()
        + para.matches('\u{00ab}').count()
        + para.matches('\u{201e}').count();
    let close = para.matches('\u{201d}').count() + para.matches('\u{00bb}').count();
    straight % 2 == 1 || open > close
}

fn day(y: Option<i32>, m: Option<i32>, d: Option<i32>) -> Option<When> {
    let (y, m, d) = (y?, m?, d?);
    Date::new(y as i16, m as i8, d as i8).ok().map(When::Day)
}

/// A relative date, from the article's date or the date named before it.
fn relative(
    rel: Rel,
    n: Option<u32>,
    article: Option<Date>,
    previous: Option<When>,
) -> Option<When> {
    let days = |d: Date, k: i64| d.checked_add(jiff::Span::new().days(k)).ok();
    let month_of = |d: Date, back: i8| {
        let (mut y, mut m) = (d.year(), d.month() - back);
        if m < 1 {
            m += 12;
            y -= 1;
        }
        When::Month(y, m)
    };
    match rel {
        Rel::SameYear => previous.and_then(When::year).map(When::Year),
        Rel::FollowingYear => previous.and_then(When::year).map(|y| When::Year(y + 1)),
        Rel::YearsLater => {
            let y = previous.and_then(When::year)?;
            Some(When::Year(y + n.unwrap_or(1) as i16))
        }
        Rel::YearsEarlier => {
            let y = previous.and_then(When::year)?;
            Some(When::Year(y - n.unwrap_or(1) as i16))
        }
        _ => {
            let a = article?;
            Some(match rel {
                Rel::Today => When::Day(a),
                Rel::Yesterday => When::Day(days(a, -1)?),
                Rel::Tomorrow => When::Day(days(a, 1)?),
                Rel::ThisWeek => When::Range(days(a, -6)?, a),
                Rel::LastWeek => When::Range(days(a, -13)?, days(a, -6)?),
                Rel::ThisMonth => month_of(a, 0),
                Rel::LastMonth => month_of(a, 1),
                Rel::ThisYear => When::Year(a.year()),
                Rel::LastYear => When::Year(a.year() - 1),
                Rel::NextYear => When::Year(a.year() + 1),
                Rel::YearsAgo => When::Year(a.year() - n.unwrap_or(1) as i16),
                Rel::SameYear | Rel::FollowingYear | Rel::YearsLater | Rel::YearsEarlier => {
                    return None;
                }
            })
        }
    }
}

/// The latest day that is weekday `i` (Monday = 0) on or before the article's date;
/// strictly before it for "last Friday".
fn weekday(article: Date, i: usize, strictly_before: bool) -> Option<Date> {
    let today = article.weekday().to_monday_zero_offset() as i64;
    let mut back = (today - i as i64).rem_euclid(7);
    if back == 0 && strictly_before {
        back = 7;
    }
    article.checked_sub(jiff::Span::new().days(back)).ok()
}

/// For a day or month placed with no year: the latest one up to the article's date
/// (with three days' grace) and the first one after it.
fn either_side(w: When, article: Date) -> (Option<When>, Option<When>) {
    let y = article.year();
    match w {
        When::Day(d) => {
            let cands: Vec<Date> = [-1i16, 0, 1]
                .iter()
                .filter_map(|dy| Date::new(y + dy, d.month(), d.day()).ok())
                .collect();
            let grace = article
                .checked_add(jiff::Span::new().days(3))
                .unwrap_or(article);
            let past = cands.iter().rev().find(|c| **c <= grace).copied();
            let ahead = cands.iter().find(|c| **c >= article).copied();
            (past.map(When::Day), ahead.map(When::Day))
        }
        When::Month(_, m) => {
            let past_y = if m <= article.month() { y } else { y - 1 };
            let ahead_y = if m >= article.month() { y } else { y + 1 };
            (Some(When::Month(past_y, m)), Some(When::Month(ahead_y, m)))
        }
        _ => (None, None),
    }
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
    use crate::lang::Language;
    use crate::lexicon::for_language;
    use jiff::civil::date;

    fn finder(l: Language) -> DateFinder {
        DateFinder::new(for_language(l))
    }

    fn found_in(
        l: Language,
        text: &str,
        article: Option<Date>,
    ) -> Vec<(String, DateKind, Option<String>)> {
        finder(l)
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

    fn found(text: &str, article: Option<Date>) -> Vec<(String, DateKind, Option<String>)> {
        found_in(Language::En, text, article)
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
        let got = finder(Language::En).find("on June 29", None, 10).0;
        assert_eq!(got[0].when, Some(When::MonthDay(6, 29)));
        assert!(got[0].mention.resolved.is_none());
        assert!(found("on February 30, 2025", None).is_empty());
        let got = found("in June the Sejm voted", Some(date(2025, 7, 9)));
        assert_eq!(got[0].2.as_deref(), Some("2025-06"));
    }

    #[test]
    fn relative_dates() {
        // 2025-07-11 is a Friday.
        let a = Some(date(2025, 7, 11));
        let got = found(
            "on Friday; on Thursday; last Friday; today; yesterday; late last month; last year",
            a,
        );
        let r: Vec<Option<&str>> = got.iter().map(|g| g.2.as_deref()).collect();
        assert_eq!(
            r,
            vec![
                Some("2025-07-11"),
                Some("2025-07-10"),
                Some("2025-07-04"),
                Some("2025-07-11"),
                Some("2025-07-10"),
                Some("2025-06"),
                Some("2024")
            ]
        );
        let got = found(
            "It joined in 2012 and destroyed its stock two years later; the same year it reported.",
            a,
        );
        let r: Vec<Option<&str>> = got.iter().map(|g| g.2.as_deref()).collect();
        assert_eq!(r, vec![Some("2012"), Some("2014"), Some("2014")]);
        // No article date: relative dates stay unplaced.
        let got = found("on Friday", None);
        assert_eq!(got[0].1, DateKind::Relative);
        assert_eq!(got[0].2, None);
    }

    #[test]
    fn since_marks_a_start() {
        let got = finder(Language::En).find("a party since 1999", None, 10).0;
        assert!(got[0].mention.since);
        let got = finder(Language::En).find("convince 1999", None, 10).0;
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
