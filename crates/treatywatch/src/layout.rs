//! Output sized for whoever reads it. Every table of the `table` format goes through
//! [`Grid`], and every long line of prose through [`Width::para`].
//!
//! The width comes from [`Width::detect`]: `--wide` turns sizing off; otherwise `COLUMNS`
//! when it is set, the terminal's width when standard output is a terminal, and no limit
//! when it is piped or redirected (as ripgrep and cargo do, output for a program keeps one
//! row per line and is never wrapped). JSON and CSV never go through here.
//!
//! A table is a list of [`Column`]s, each with a [`Fit`] (how its cells may be broken) and
//! a priority (which columns are left out first when even their narrowest form does not
//! fit). Widths are measured in display columns (`unicode-width`, through `textwrap`),
//! never bytes; text is wrapped by `textwrap` and the grid drawn by `comfy-table`.

use std::io::Write;

use anyhow::Result;
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use textwrap::core::display_width;
use textwrap::{Options, WordSeparator, WordSplitter, WrapAlgorithm};

/// How wide output may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    /// Piped, redirected or `--wide`: every row on one line, nothing wrapped.
    Unlimited,
    /// A terminal or `COLUMNS`: this many display columns.
    Columns(usize),
}

/// How far the text put under a row is indented.
const BELOW_INDENT: &str = "    ";

/// The narrowest width honoured: below it, tables overflow rather than shred words.
const MIN_WIDTH: usize = 20;

impl Width {
    /// The width for standard output: see the module's documentation.
    pub fn detect(wide: bool) -> Width {
        use std::io::IsTerminal;
        let columns = std::env::var("COLUMNS").ok();
        let terminal = if std::io::stdout().is_terminal() {
            terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
        } else {
            None
        };
        Width::from_parts(wide, columns.as_deref(), terminal)
    }

    /// [`Width::detect`] without the environment: `--wide`, the value of `COLUMNS` and
    /// the terminal's width if standard output is one. A `COLUMNS` that is not a positive
    /// number is ignored.
    pub fn from_parts(wide: bool, columns: Option<&str>, terminal: Option<usize>) -> Width {
        if wide {
            return Width::Unlimited;
        }
        let columns = columns
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|&c| c > 0);
        match columns.or(terminal.filter(|&t| t > 0)) {
            Some(w) => Width::Columns(w.max(MIN_WIDTH)),
            None => Width::Unlimited,
        }
    }

    /// Writes a paragraph wrapped to the width: `first` before its first line, `rest`
    /// before the others. Words are never split, nor at hyphens: dates, URLs and
    /// identifiers stay whole (a URL longer than the line has a line of its own and runs
    /// past the width, so that it can still be copied and followed). Unlimited: one line.
    pub fn para(self, out: &mut impl Write, first: &str, rest: &str, text: &str) -> Result<()> {
        match self {
            Width::Unlimited => {
                for (i, line) in text.lines().enumerate() {
                    let indent = if i == 0 { first } else { rest };
                    writeln!(out, "{}", format!("{indent}{line}").trim_end())?;
                }
                if text.is_empty() {
                    writeln!(out, "{}", first.trim_end())?;
                }
            }
            Width::Columns(w) => {
                let options = text_options(w)
                    .initial_indent(first)
                    .subsequent_indent(rest)
                    .break_words(false);
                for line in textwrap::wrap(text, options) {
                    writeln!(out, "{}", line.trim_end())?;
                }
            }
        }
        Ok(())
    }
}

fn text_options<'a>(width: usize) -> Options<'a> {
    Options::new(width.max(1))
        .word_separator(WordSeparator::AsciiSpace)
        .word_splitter(WordSplitter::NoHyphenation)
        .wrap_algorithm(WrapAlgorithm::FirstFit)
}

/// How the cells of a column may be broken to fit.
#[derive(Clone, Copy, Debug)]
pub enum Fit {
    /// Never broken: dates, codes, statuses, counts. Only the header may wrap, at its
    /// spaces.
    Keep,
    /// Wrapped at spaces to the column's width: names, notes, reasons. The column is at
    /// least `min` wide (or its longest word, up to `max`) and, when the width is
    /// limited, at most `max` wide.
    Wrap { min: usize, max: Option<usize> },
    /// Like `Wrap`, but when the column cannot have `min` columns beside the others, its
    /// text goes under the row, indented, wrapped to the whole width: long reasons and
    /// details.
    WrapOrBelow { min: usize },
    /// One line, cut with `…` to the column's width: for URLs in a table (never in JSON
    /// or CSV, and never in the source lists, where a URL is kept whole). No table of
    /// the command line holds URLs yet.
    #[allow(dead_code)]
    Shorten { min: usize },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A column: its header, how its cells fit, and its priority.
#[derive(Clone, Debug)]
pub struct Column {
    pub header: String,
    pub fit: Fit,
    /// 0: always shown. Otherwise, when the table does not fit, the columns with the
    /// highest priority number are left out first (the rightmost of equals first).
    pub priority: u8,
    pub align: Align,
}

impl Column {
    fn new(header: &str, fit: Fit) -> Column {
        Column {
            header: header.to_string(),
            fit,
            priority: 0,
            align: Align::Left,
        }
    }

    /// A column never broken (dates, codes, statuses, counts).
    pub fn keep(header: &str) -> Column {
        Column::new(header, Fit::Keep)
    }

    /// A column wrapped at spaces, `min` to `max` wide.
    pub fn wrap(header: &str, min: usize, max: Option<usize>) -> Column {
        Column::new(header, Fit::Wrap { min, max })
    }

    /// A column wrapped at spaces, or put under its row when narrower than `min`.
    pub fn wrap_or_below(header: &str, min: usize) -> Column {
        Column::new(header, Fit::WrapOrBelow { min })
    }

    /// A column cut to one line with `…`, at least `min` wide.
    #[allow(dead_code)]
    pub fn shorten(header: &str, min: usize) -> Column {
        Column::new(header, Fit::Shorten { min })
    }

    /// Left out before columns of lower numbers when the table does not fit.
    pub fn priority(mut self, priority: u8) -> Column {
        self.priority = priority;
        self
    }

    pub fn right(mut self) -> Column {
        self.align = Align::Right;
        self
    }
}

/// A table: columns, and rows of cells (a cell may hold several lines).
#[derive(Clone, Debug)]
pub struct Grid {
    columns: Vec<Column>,
    rows: Vec<Vec<String>>,
    header: bool,
}

/// Where each column goes, and how wide it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The width of each column; `None` for columns left out or put below the row.
    pub widths: Vec<Option<usize>>,
    /// Columns whose text goes under each row.
    pub below: Vec<usize>,
    /// Columns left out.
    pub hidden: Vec<usize>,
}

/// The line width of a table with these column widths: a leading space and two spaces
/// between columns (trailing spaces are trimmed).
fn line_width(widths: impl Iterator<Item = usize>) -> usize {
    let (n, sum) = widths.fold((0, 0), |(n, s), w| (n + 1, s + w));
    if n == 0 { 0 } else { sum + 2 * n - 1 }
}

fn longest_word(s: &str) -> usize {
    s.split_whitespace().map(display_width).max().unwrap_or(0)
}

fn text_width(s: &str) -> usize {
    s.lines().map(display_width).max().unwrap_or(0)
}

impl Grid {
    pub fn new(columns: Vec<Column>) -> Grid {
        Grid {
            columns,
            rows: Vec::new(),
            header: true,
        }
    }

    /// A table with no header row.
    pub fn headless(columns: Vec<Column>) -> Grid {
        Grid {
            header: false,
            ..Grid::new(columns)
        }
    }

    /// Adds a row; missing cells are empty, extra ones are dropped.
    pub fn row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let mut row: Vec<String> = cells.into_iter().map(Into::into).collect();
        row.resize(self.columns.len(), String::new());
        self.rows.push(row);
    }

    fn header_of(&self, i: usize) -> &str {
        if self.header {
            &self.columns[i].header
        } else {
            ""
        }
    }

    /// The widest cell of column `i`, and its longest word.
    fn content(&self, i: usize) -> (usize, usize) {
        self.rows.iter().fold((0, 0), |(w, word), r| {
            (w.max(text_width(&r[i])), word.max(longest_word(&r[i])))
        })
    }

    /// The narrowest and the preferred width of column `i` beside the others.
    fn bounds(&self, i: usize) -> (usize, usize) {
        let header = self.header_of(i);
        let (cells, word) = self.content(i);
        let natural = cells.max(display_width(header));
        let head_word = longest_word(header);
        match self.columns[i].fit {
            Fit::Keep => (cells.max(head_word), natural),
            Fit::Wrap { min, max } => {
                let max = max.unwrap_or(usize::MAX);
                let lo = head_word.max(word.clamp(min.min(max), max).min(natural));
                (lo, natural.min(max).max(lo))
            }
            Fit::WrapOrBelow { min } | Fit::Shorten { min } => {
                let lo = head_word.max(min.min(natural));
                (lo, natural.max(lo))
            }
        }
    }

    /// Decides which columns are shown, and how wide, for this width.
    pub fn plan(&self, width: Width) -> Plan {
        let n = self.columns.len();
        let bounds: Vec<(usize, usize)> = (0..n).map(|i| self.bounds(i)).collect();
        let avail = match width {
            Width::Unlimited => {
                // Nothing wrapped: every column as wide as its widest cell.
                let widths = (0..n)
                    .map(|i| {
                        let natural = text_width(self.header_of(i)).max(self.content(i).0);
                        Some(natural)
                    })
                    .collect();
                return Plan {
                    widths,
                    below: Vec::new(),
                    hidden: Vec::new(),
                };
            }
            Width::Columns(w) => w,
        };
        let mut shown: Vec<bool> = vec![true; n];
        let lo_total =
            |shown: &[bool]| line_width((0..n).filter(|&i| shown[i]).map(|i| bounds[i].0));
        // First, long text goes under the rows; then columns are left out by priority.
        let mut below = Vec::new();
        if lo_total(&shown) > avail {
            for (i, column) in self.columns.iter().enumerate() {
                if matches!(column.fit, Fit::WrapOrBelow { .. }) {
                    shown[i] = false;
                    below.push(i);
                }
            }
        }
        let mut hidden = Vec::new();
        while lo_total(&shown) > avail {
            let drop = (0..n)
                .filter(|&i| shown[i] && self.columns[i].priority > 0)
                .max_by_key(|&i| (self.columns[i].priority, i));
            match drop {
                Some(i) => {
                    shown[i] = false;
                    hidden.push(i);
                }
                None => break,
            }
        }
        hidden.sort_unstable();
        let mut widths: Vec<Option<usize>> =
            (0..n).map(|i| shown[i].then_some(bounds[i].0)).collect();
        let mut extra = avail.saturating_sub(lo_total(&shown));
        // The space left goes first to the text columns with a preferred width (names,
        // short labels), the nearest to it first, so that as few as possible wrap; then
        // to the open-ended text (notes, reasons), evenly; then to the fixed columns, so
        // that their headers need not wrap.
        let kind = |i: usize| match self.columns[i].fit {
            Fit::Wrap { max: Some(_), .. } => 0,
            Fit::Keep => 2,
            _ => 1,
        };
        for pass in 0..3 {
            let mut growable: Vec<usize> = (0..n)
                .filter(|&i| kind(i) == pass && widths[i].is_some_and(|w| w < bounds[i].1))
                .collect();
            if pass != 1 {
                growable.sort_by_key(|&i| bounds[i].1 - widths[i].unwrap_or(0));
                for i in growable {
                    if let Some(w) = widths[i].as_mut() {
                        let add = (bounds[i].1 - *w).min(extra);
                        *w += add;
                        extra -= add;
                    }
                }
                continue;
            }
            while extra > 0 && !growable.is_empty() {
                for &i in &growable {
                    if extra == 0 {
                        break;
                    }
                    if let Some(w) = widths[i].as_mut() {
                        *w += 1;
                        extra -= 1;
                    }
                }
                growable.retain(|&i| widths[i].is_some_and(|w| w < bounds[i].1));
            }
        }
        Plan {
            widths,
            below,
            hidden,
        }
    }

    /// The cell's text fitted to `width` columns, by the column's rule.
    fn fit_cell(&self, i: usize, text: &str, width: usize, header: bool) -> String {
        if width == usize::MAX {
            return text.to_string();
        }
        let fit = if header {
            Fit::Keep
        } else {
            self.columns[i].fit
        };
        match fit {
            Fit::Keep => {
                if text_width(text) <= width {
                    text.to_string()
                } else {
                    // Only headers come here with a wider text: wrapped at spaces.
                    textwrap::wrap(text, text_options(width).break_words(false)).join("\n")
                }
            }
            Fit::Wrap { .. } | Fit::WrapOrBelow { .. } => {
                textwrap::wrap(text, text_options(width).break_words(true)).join("\n")
            }
            Fit::Shorten { .. } => text
                .lines()
                .map(|l| shorten(l, width))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }

    /// The table as lines of text with no trailing spaces; the text of columns put under
    /// the rows after each row, and a last line naming the columns left out, if any.
    pub fn render(&self, width: Width) -> String {
        let plan = self.plan(width);
        let shown: Vec<usize> = (0..self.columns.len())
            .filter(|&i| plan.widths[i].is_some())
            .collect();
        let col_width = |i: usize| match width {
            Width::Unlimited => usize::MAX,
            Width::Columns(_) => plan.widths[i].unwrap_or(0),
        };
        let height = |cells: &[String]| {
            cells
                .iter()
                .map(|c| c.lines().count())
                .max()
                .unwrap_or(0)
                .max(1)
        };
        let mut t = Table::new();
        t.load_style(presets::NOTHING)
            .set_content_arrangement(ContentArrangement::Disabled);
        let mut heights = Vec::new();
        if self.header {
            let header: Vec<String> = shown
                .iter()
                .map(|&i| self.fit_cell(i, &self.columns[i].header, col_width(i), true))
                .collect();
            heights.push(height(&header));
            t.set_header(header);
        }
        for row in &self.rows {
            let cells: Vec<String> = shown
                .iter()
                .map(|&i| self.fit_cell(i, &row[i], col_width(i), false))
                .collect();
            heights.push(height(&cells));
            t.add_row(cells);
        }
        for (k, &i) in shown.iter().enumerate() {
            if self.columns[i].align == Align::Right
                && let Some(c) = t.column_mut(k)
            {
                c.set_cell_alignment(CellAlignment::Right);
            }
        }
        let drawn = t.to_string();
        let mut lines = drawn.lines();
        let mut out = String::new();
        let full = match width {
            Width::Columns(w) => w,
            Width::Unlimited => usize::MAX,
        };
        let first_row = usize::from(self.header);
        for (r, h) in heights.iter().enumerate() {
            for line in lines.by_ref().take(*h) {
                out.push_str(line.trim_end());
                out.push('\n');
            }
            let Some(row) = r.checked_sub(first_row).map(|r| &self.rows[r]) else {
                continue;
            };
            for &i in &plan.below {
                if row[i].trim().is_empty() {
                    continue;
                }
                let options = text_options(full)
                    .initial_indent(BELOW_INDENT)
                    .subsequent_indent(BELOW_INDENT)
                    .break_words(false);
                for line in textwrap::wrap(&row[i], options) {
                    out.push_str(line.trim_end());
                    out.push('\n');
                }
            }
        }
        if !plan.hidden.is_empty() {
            let names: Vec<&str> = plan
                .hidden
                .iter()
                .map(|&i| self.columns[i].header.as_str())
                .collect();
            let note = format!(
                "({} left out to fit {full} columns; --wide shows every column)",
                names.join(", ")
            );
            for line in textwrap::wrap(
                &note,
                text_options(full)
                    .initial_indent(" ")
                    .subsequent_indent(" "),
            ) {
                out.push_str(line.trim_end());
                out.push('\n');
            }
        }
        out
    }

    /// Writes the table (see [`Grid::render`]).
    pub fn write(&self, out: &mut impl Write, width: Width) -> Result<()> {
        out.write_all(self.render(width).as_bytes())?;
        Ok(())
    }
}

/// `text` cut to `width` display columns, ending in `…` when cut.
pub fn shorten(text: &str, width: usize) -> String {
    if display_width(text) <= width {
        return text.to_string();
    }
    let mut s = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        s.push(c);
        used += w;
    }
    s.push('…');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Grid {
        let mut g = Grid::new(vec![
            Column::keep("STATE"),
            Column::wrap("NAME", 10, Some(24)),
            Column::keep("STATUS"),
            Column::keep("WITHDRAWAL EFFECTIVE").priority(2),
            Column::keep("SIGNED").priority(3),
        ]);
        g.row([
            "GBR",
            "United Kingdom of Great Britain and Northern Ireland",
            "party",
            "-",
            "1997-12-03",
        ]);
        g.row(["FIN", "Finland", "withdrawn", "2026-01-10", "-"]);
        g.row(["CIV", "Côte d'Ivoire", "party", "-", "1997-12-03"]);
        g
    }

    fn widest(s: &str) -> usize {
        s.lines().map(display_width).max().unwrap_or(0)
    }

    #[test]
    fn width_from_the_flag_the_environment_and_the_terminal() {
        assert_eq!(Width::from_parts(false, None, None), Width::Unlimited);
        assert_eq!(
            Width::from_parts(false, None, Some(100)),
            Width::Columns(100)
        );
        assert_eq!(
            Width::from_parts(false, Some("80"), Some(100)),
            Width::Columns(80)
        );
        assert_eq!(
            Width::from_parts(false, Some("80"), None),
            Width::Columns(80)
        );
        assert_eq!(
            Width::from_parts(true, Some("80"), Some(100)),
            Width::Unlimited
        );
        assert_eq!(
            Width::from_parts(false, Some("wide"), None),
            Width::Unlimited
        );
        assert_eq!(
            Width::from_parts(false, Some("0"), Some(90)),
            Width::Columns(90)
        );
        assert_eq!(
            Width::from_parts(false, Some("3"), None),
            Width::Columns(MIN_WIDTH)
        );
    }

    #[test]
    fn unlimited_keeps_every_row_on_one_line() {
        let s = names().render(Width::Unlimited);
        assert_eq!(s.lines().count(), 4, "{s}");
        assert!(s.contains("United Kingdom of Great Britain and Northern Ireland  party"));
    }

    #[test]
    fn a_limited_width_wraps_names_and_keeps_dates_whole() {
        for w in [40, 60, 80, 120] {
            let s = names().render(Width::Columns(w));
            assert!(widest(&s) <= w, "{w}:\n{s}");
            assert!(s.contains("Northern"), "{s}");
            // The NAME column is capped: the long name wraps, short ones are not padded.
            let fin = s.lines().find(|l| l.contains("FIN")).unwrap();
            assert!(fin.find("withdrawn").unwrap() <= 1 + 5 + 2 + 24 + 2, "{s}");
            for l in s.lines() {
                for word in l.split_whitespace() {
                    if word.starts_with("19") || word.starts_with("20") {
                        assert_eq!(word.len(), 10, "{w}: a date broken:\n{s}");
                    }
                }
            }
        }
    }

    #[test]
    fn columns_are_left_out_by_priority_and_named() {
        let s = names().render(Width::Columns(40));
        assert!(!s.contains("SIGNED  "), "{s}");
        assert!(s.contains("SIGNED"), "the note names it:\n{s}");
        assert!(s.contains("--wide"), "{s}");
        let plan = names().plan(Width::Columns(40));
        assert_eq!(plan.hidden, [3, 4]);
        let plan = names().plan(Width::Columns(120));
        assert!(plan.hidden.is_empty());
        // Headers of fixed columns wrap at their spaces rather than widen the column.
        let plan = names().plan(Width::Columns(58));
        assert_eq!(plan.widths[3], Some(10), "{plan:?}");
    }

    #[test]
    fn long_text_goes_under_the_row_when_narrow() {
        let mut g = Grid::new(vec![
            Column::keep("DUE"),
            Column::keep("STATE"),
            Column::wrap_or_below("REASON", 40),
        ]);
        g.row([
            "2026-03-01",
            "HRV",
            &"the deadline moved by a request ".repeat(6),
        ]);
        g.row(["2026-04-30", "AFG", "due 2026-04-30"]);
        let s = g.render(Width::Columns(50));
        assert!(widest(&s) <= 50, "{s}");
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0], " DUE         STATE", "{s}");
        assert!(
            lines[2].starts_with(BELOW_INDENT) && lines[2].contains("deadline"),
            "{s}"
        );
        assert!(s.lines().any(|l| l == "    due 2026-04-30"), "{s}");
        let wide = g.render(Width::Columns(120));
        assert!(wide.lines().next().unwrap().contains("REASON"), "{wide}");
    }

    #[test]
    fn display_columns_not_bytes() {
        assert_eq!(
            shorten("https://example.org/a/long/path", 12),
            "https://exa…"
        );
        assert_eq!(shorten("Côte d'Ivoire", 13), "Côte d'Ivoire");
        assert_eq!(display_width(&shorten("日本語のテキスト", 7)), 7);
        let mut g = Grid::new(vec![Column::keep("A"), Column::shorten("URL", 10)]);
        g.row(["x", "https://example.org/a/very/long/path/indeed"]);
        let s = g.render(Width::Columns(24));
        assert!(s.contains(" x  https://example.org…"), "{s}");
        assert!(widest(&s) <= 24, "{s}");
        assert!(g.render(Width::Unlimited).contains("indeed"));
    }

    #[test]
    fn paragraphs_wrap_with_a_hanging_indent_and_keep_urls_whole() {
        let mut out = Vec::new();
        let url = "https://treaties.un.org/pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-5";
        let text = format!("Status of Treaties, Chapter XXVI.5: a long title here. {url}");
        Width::Columns(40)
            .para(&mut out, "  [1] ", "      ", &text)
            .unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.lines().any(|l| l.trim() == url), "{s}");
        assert!(
            s.lines()
                .filter(|l| !l.contains(url))
                .all(|l| display_width(l) <= 40),
            "{s}"
        );
        assert!(s.starts_with("  [1] Status"), "{s}");
        let mut out = Vec::new();
        Width::Unlimited.para(&mut out, "- ", "  ", &text).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), format!("- {text}\n"));
    }

    #[test]
    fn tiny_and_empty_tables_do_not_panic() {
        let g = Grid::new(vec![Column::keep("A"), Column::wrap("B", 1, None)]);
        for w in [Width::Unlimited, Width::Columns(1), Width::Columns(20)] {
            assert_eq!(g.render(w).lines().count(), 1);
        }
        let mut g = Grid::headless(vec![Column::keep("A"), Column::wrap("B", 1, None)]);
        g.row(["", ""]);
        g.row(["x"]);
        let _ = g.render(Width::Columns(20));
        let _ = g.render(Width::Unlimited);
    }
}
