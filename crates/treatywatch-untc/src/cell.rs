//! The cells and headers of a UN status table: dates with suffixes ("11 Sep 2002 a"),
//! and column headers that declare what each suffix means ("Accession(a)").

use treatywatch_core::{ActionKind, ConsentKind, Date};

/// A date cell: the day and the suffix written after it, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub date: Date,
    pub suffix: Option<String>,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Reads a cell as the UN writes dates: `11 Sep 2002`, `11 Sep 2002 a`, `19 July 2006`,
/// `5 Sept 2000`. Returns why not otherwise.
pub fn parse_cell(text: &str) -> Result<Cell, String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let bad = || {
        format!("`{text}` is not a date of the form `11 Sep 2002`, optionally followed by a suffix")
    };
    if words.len() < 3 || words.len() > 4 {
        return Err(bad());
    }
    let day: i8 = match words[0] {
        d if (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()) => {
            d.parse().map_err(|_| bad())?
        }
        _ => return Err(bad()),
    };
    let m = words[1].to_lowercase();
    let month = MONTHS
        .iter()
        .position(|full| m.len() >= 3 && full.starts_with(m.trim_end_matches('.')))
        .ok_or_else(bad)? as i8
        + 1;
    let year: i16 = match words[2] {
        y if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            y.parse().map_err(|_| bad())?
        }
        _ => return Err(bad()),
    };
    if year < 1000 {
        return Err(bad());
    }
    let date = Date::new(year, month, day)
        .map_err(|_| format!("`{text}` names no real day ({year:04}-{month:02}-{day:02})"))?;
    let suffix = words
        .get(3)
        .map(|s| s.trim_start_matches('(').trim_end_matches(')').to_string());
    Ok(Cell { date, suffix })
}

/// What the dates in a column, or the dates with one suffix, record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Meaning {
    /// A depositary action.
    Action(ActionKind),
    /// Something that is not an action on the treaty's status (a GA resolution number, a
    /// territorial extension, a notification under an article): read, counted, and
    /// reported, not imported.
    NotStatus,
}

/// Header labels and the action each records, by how the label starts (lower case);
/// longer prefixes first.
const LABELS: [(&str, ActionKind); 19] = [
    (
        "undertaking of provisional application",
        ActionKind::ProvisionalApplication,
    ),
    ("provisional", ActionKind::ProvisionalApplication),
    ("signature ad referendum", ActionKind::Signature),
    ("succession to signature", ActionKind::Signature),
    (
        "definitive signature",
        ActionKind::Consent(ConsentKind::DefinitiveSignature),
    ),
    ("signature", ActionKind::Signature),
    (
        "definitive acceptance",
        ActionKind::Consent(ConsentKind::Acceptance),
    ),
    ("acceptance", ActionKind::Consent(ConsentKind::Acceptance)),
    (
        "ratification",
        ActionKind::Consent(ConsentKind::Ratification),
    ),
    ("accession", ActionKind::Consent(ConsentKind::Accession)),
    ("approval", ActionKind::Consent(ConsentKind::Approval)),
    ("succession", ActionKind::Consent(ConsentKind::Succession)),
    (
        "formal confirmation",
        ActionKind::Consent(ConsentKind::FormalConfirmation),
    ),
    (
        "consent to be bound",
        ActionKind::Consent(ConsentKind::ConsentToBeBound),
    ),
    (
        "participation",
        ActionKind::Consent(ConsentKind::Participation),
    ),
    (
        "simplified procedure",
        ActionKind::Consent(ConsentKind::SimplifiedProcedure),
    ),
    ("application", ActionKind::Consent(ConsentKind::Application)),
    // Table I-2 (declarations of acceptance of the Charter's obligations): the day the
    // declaration was registered.
    (
        "registration date",
        ActionKind::Consent(ConsentKind::Acceptance),
    ),
    (
        "notification in respect of",
        ActionKind::Consent(ConsentKind::Succession),
    ),
];

/// The UN's general meaning of each suffix, used where a table's header does not
/// declare it.
pub const SUFFIXES: [(&str, Meaning); 10] = [
    (
        "a",
        Meaning::Action(ActionKind::Consent(ConsentKind::Accession)),
    ),
    (
        "A",
        Meaning::Action(ActionKind::Consent(ConsentKind::Acceptance)),
    ),
    (
        "AA",
        Meaning::Action(ActionKind::Consent(ConsentKind::Approval)),
    ),
    (
        "d",
        Meaning::Action(ActionKind::Consent(ConsentKind::Succession)),
    ),
    (
        "s",
        Meaning::Action(ActionKind::Consent(ConsentKind::DefinitiveSignature)),
    ),
    (
        "c",
        Meaning::Action(ActionKind::Consent(ConsentKind::FormalConfirmation)),
    ),
    ("n", Meaning::Action(ActionKind::ProvisionalApplication)),
    (
        "P",
        Meaning::Action(ActionKind::Consent(ConsentKind::Participation)),
    ),
    (
        "p",
        Meaning::Action(ActionKind::Consent(ConsentKind::SimplifiedProcedure)),
    ),
    // Confirmation of a signature ad referendum: the signature is already recorded.
    ("C", Meaning::NotStatus),
];

/// The meaning of a label, from how it starts.
pub fn label_meaning(label: &str) -> Meaning {
    let l = label.trim().to_lowercase();
    LABELS
        .iter()
        .find(|(prefix, _)| l.starts_with(prefix))
        .map_or(Meaning::NotStatus, |(_, k)| Meaning::Action(*k))
}

/// One label of a column header, with the suffix it declares, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub text: String,
    pub suffix: Option<String>,
    pub meaning: Meaning,
}

/// A column of the table, as its header describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    pub header: String,
    pub labels: Vec<Label>,
    /// What an unsuffixed date in this column records: the first unsuffixed label.
    pub default: Meaning,
}

impl Column {
    /// The unsuffixed labels after the first: their dates cannot be told apart from the
    /// first's, and are read as the first's (the report says so).
    pub fn ambiguous_labels(&self) -> Vec<&str> {
        self.unsuffixed().skip(1).collect()
    }

    /// The labels that declare no suffix, in order.
    pub fn unsuffixed(&self) -> impl Iterator<Item = &str> {
        self.labels
            .iter()
            .filter(|l| l.suffix.is_none())
            .map(|l| l.text.as_str())
    }
}

/// Splits a header into labels at ", " and reads a trailing `(x)` as the suffix the
/// label declares.
pub fn parse_column(header: &str) -> Column {
    let labels: Vec<Label> = header
        .split(", ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|raw| {
            let (text, suffix) = match raw.strip_suffix(')').and_then(|r| r.rsplit_once('(')) {
                Some((text, code))
                    if (1..=2).contains(&code.len())
                        && code.bytes().all(|b| b.is_ascii_alphabetic()) =>
                {
                    (text.trim().to_string(), Some(code.to_string()))
                }
                _ => (raw.to_string(), None),
            };
            let meaning = label_meaning(&text);
            Label {
                text,
                suffix,
                meaning,
            }
        })
        .collect();
    // A column whose labels all carry a suffix ("Acceptance(A)") reads an unsuffixed
    // date as its first label.
    let default = labels
        .iter()
        .find(|l| l.suffix.is_none())
        .or(labels.first())
        .map_or(Meaning::NotStatus, |l| l.meaning);
    Column {
        header: header.to_string(),
        labels,
        default,
    }
}

/// Where the meaning of a suffix came from, for the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuffixSource {
    /// Declared by this column's header.
    Column,
    /// Declared by another column of the same table.
    Table,
    /// Not declared: the UN's general meaning.
    General,
}

/// The meaning of `suffix` in column `col` of a table with `columns`.
pub fn suffix_meaning(
    columns: &[Column],
    col: usize,
    suffix: &str,
) -> Option<(Meaning, SuffixSource)> {
    let declared = |c: &Column| {
        c.labels
            .iter()
            .find(|l| l.suffix.as_deref() == Some(suffix))
            .map(|l| match l.meaning {
                // A declared label we cannot read ("Notification in respect of ...(d)")
                // falls back on the suffix's general meaning.
                Meaning::NotStatus => general(suffix).unwrap_or(Meaning::NotStatus),
                m => m,
            })
    };
    if let Some(m) = columns.get(col).and_then(declared) {
        return Some((m, SuffixSource::Column));
    }
    if let Some(m) = columns.iter().find_map(declared) {
        return Some((m, SuffixSource::Table));
    }
    general(suffix).map(|m| (m, SuffixSource::General))
}

fn general(suffix: &str) -> Option<Meaning> {
    SUFFIXES.iter().find(|(s, _)| *s == suffix).map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn reads_the_un_date_forms() {
        assert_eq!(
            parse_cell("11 Sep 2002 a").unwrap(),
            Cell {
                date: date(2002, 9, 11),
                suffix: Some("a".into())
            }
        );
        assert_eq!(parse_cell(" 3 Dec 1997").unwrap().date, date(1997, 12, 3));
        assert_eq!(parse_cell("19 July 2006").unwrap().date, date(2006, 7, 19));
        assert_eq!(parse_cell("5 Sept 2000").unwrap().date, date(2000, 9, 5));
        assert_eq!(parse_cell("29 Feb 2000").unwrap().date, date(2000, 2, 29));
        assert_eq!(
            parse_cell("1 Apr 1998 AA").unwrap().suffix.as_deref(),
            Some("AA")
        );
        for bad in [
            "",
            "N/A",
            "995 (X)",
            "30 Feb 2001",
            "1 Foo 2000",
            "1 Sep 98",
            "1 Sep 2000 a b",
        ] {
            assert!(parse_cell(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn headers_declare_their_suffixes() {
        let c =
            parse_column("Ratification, Acceptance(A), Approval(AA), Accession(a), Succession(d)");
        assert_eq!(
            c.default,
            Meaning::Action(ActionKind::Consent(ConsentKind::Ratification))
        );
        assert_eq!(c.labels[2].suffix.as_deref(), Some("AA"));
        let s = parse_column("Signature, Succession to signature(d)");
        assert_eq!(s.default, Meaning::Action(ActionKind::Signature));
        let cols = [s, c];
        // "d" is a signature in the signature column and a succession in the other.
        assert_eq!(
            suffix_meaning(&cols, 0, "d"),
            Some((Meaning::Action(ActionKind::Signature), SuffixSource::Column))
        );
        assert_eq!(
            suffix_meaning(&cols, 1, "d").unwrap().0,
            Meaning::Action(ActionKind::Consent(ConsentKind::Succession))
        );
        // "s" is declared nowhere: the UN's general meaning.
        assert_eq!(
            suffix_meaning(&cols, 1, "s").unwrap().1,
            SuffixSource::General
        );
        assert_eq!(suffix_meaning(&cols, 1, "Z"), None);
        assert_eq!(parse_column("Extension").default, Meaning::NotStatus);
        assert_eq!(
            parse_column("Signature, Signature ad referendum (s)").labels[1]
                .suffix
                .as_deref(),
            Some("s")
        );
        assert_eq!(
            parse_column("Consent to be bound(P), Succession(d)").labels[0].meaning,
            Meaning::Action(ActionKind::Consent(ConsentKind::ConsentToBeBound))
        );
    }
}
