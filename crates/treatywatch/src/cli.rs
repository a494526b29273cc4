//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Where every state stands on a humanitarian-disarmament treaty, on any date, with
/// sources.
#[derive(Parser, Debug)]
#[command(name = "treatywatch", version, about, long_about = None, after_help = MAIN_EXAMPLES)]
pub struct Cli {
    /// Read the dataset from DIR (a copy of the repository's data/ directory) instead
    /// of the copy built into the binary.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Also import these UN Treaty Collection status tables (a directory with
    /// index.csv and treaties/, or table files) for this command only. A treaty the
    /// dataset records keeps its record and gets only what the tables alone have; the
    /// differences are summed up on standard error.
    #[arg(long, global = true, value_name = "PATH")]
    pub untc: Vec<PathBuf>,

    /// Do not size tables and text to the terminal: one line per row, nothing wrapped
    /// or left out (as when the output is piped). Otherwise the width is COLUMNS if set,
    /// else the terminal's.
    #[arg(long, global = true)]
    pub wide: bool,

    /// When the --untc tables were captured, FROM/TO (`2013-01-01/2015-12-31`): a
    /// treaty known only from a table has an unknown status after the later of FROM
    /// and the table's latest entry. Without it, each table is known up to its latest
    /// entry.
    #[arg(long, global = true, value_name = "FROM/TO")]
    pub untc_captured: Option<String>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum Format {
    /// Aligned columns for a terminal, with notes and sources.
    #[default]
    Table,
    /// JSON for programs (the documented status objects).
    Json,
    /// CSV for spreadsheets and programs.
    Csv,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// The status of one or more states on a date.
    #[command(after_help = STATUS_EXAMPLES)]
    Status {
        /// Alpha-3 codes or names, in any case: FIN, fin, Finland, Türkiye, Turkey.
        #[arg(required = true, value_name = "STATE")]
        states: Vec<String>,
        /// The treaty: an id (apmbc, ccm) or a UN reference (XXVI-5).
        #[arg(long, default_value = "apmbc", value_name = "TREATY")]
        treaty: String,
        /// The date, as YYYY-MM-DD. Defaults to today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        /// Answer as a careful reader would have on this day: facts that became public
        /// later (by their sources' dates) are left out. `--on` defaults to this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        known_on: Option<String>,
        /// table: aligned columns for people; json or csv: for programs (never wrapped).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Every state's status on a date, with the count for each status.
    #[command(after_help = PARTIES_EXAMPLES)]
    Parties {
        /// The treaty: an id (apmbc, ccm) or a UN reference (XXVI-5).
        #[arg(long, default_value = "apmbc", value_name = "TREATY")]
        treaty: String,
        /// The date, as YYYY-MM-DD. Defaults to today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        /// List only states with this status (the counts still cover every state):
        /// not_signatory, signatory, consent_deposited, party, withdrawal_pending,
        /// withdrawn.
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// Answer as a careful reader would have on this day: facts that became public
        /// later (by their sources' dates) are left out. `--on` defaults to this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        known_on: Option<String>,
        /// table: aligned columns for people; json or csv: for programs (never wrapped).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The dated story of one state under a treaty, each line with its source:
    /// depositary actions, what the rules derive from them, domestic steps (evidence)
    /// and records.
    #[command(after_help = TIMELINE_EXAMPLES)]
    Timeline {
        /// An alpha-3 code or a name.
        #[arg(value_name = "STATE")]
        state: String,
        /// The treaty: an id (apmbc, ccm) or a UN reference (XXVI-5).
        #[arg(long, default_value = "apmbc", value_name = "TREATY")]
        treaty: String,
        /// Answer as a careful reader would have on this day: facts that became public
        /// later (by their sources' dates) are left out. `--on` defaults to this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        known_on: Option<String>,
        /// table: aligned columns for people; json or csv: for programs (never wrapped).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Obligations' deadlines (stockpile destruction, clearance, reports) with their
    /// status on a date, the reason and the sources.
    #[command(after_help = DEADLINES_EXAMPLES)]
    Deadlines {
        /// The treaty: an id (apmbc, ccm) or a UN reference (XXVI-5).
        #[arg(long, default_value = "apmbc", value_name = "TREATY")]
        treaty: String,
        /// Only these states (codes or names); repeat for more.
        #[arg(long = "state", value_name = "STATE")]
        states: Vec<String>,
        /// Deadlines due on or after this day. Defaults to `--on`, or to the start of the
        /// treaty's record with `--state`.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// Deadlines due on or before this day. Defaults to a year after `--on`.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        /// Only deadlines overdue on `--on`, whatever their due date unless `--from` or
        /// `--to` is given.
        #[arg(long)]
        overdue: bool,
        /// Only this obligation: its id (`stockpile_destruction`, `clearance`,
        /// `initial_report`, `annual_report`) or article (`art4`, `art5`, `art7`; for the
        /// cluster munitions convention `art3`, `art4`, `art7`); repeat for more. Without
        /// it, every obligation but the yearly reports.
        #[arg(long = "obligation", value_name = "OBLIGATION")]
        obligations: Vec<String>,
        /// The day the statuses are for. Defaults to today (or `--known-on`).
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        /// Answer as a careful reader would have on this day: facts that became public
        /// later (by their sources' dates) are left out. `--on` defaults to this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        known_on: Option<String>,
        /// table: aligned columns for people; json or csv: for programs (never wrapped).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Records about one state: stockpiles, mines retained, production, use, and the
    /// milestones of its obligations, each with its sources.
    #[command(after_help = RECORDS_EXAMPLES)]
    Records {
        /// An alpha-3 code or a name.
        #[arg(value_name = "STATE")]
        state: String,
        /// The treaty: an id (apmbc, ccm) or a UN reference (XXVI-5).
        #[arg(long, default_value = "apmbc", value_name = "TREATY")]
        treaty: String,
        /// table: aligned columns for people; json or csv: for programs (never wrapped).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// An iCalendar (RFC 5545) file of entries into force, withdrawals taking effect and
    /// deadlines, each with its source link: `treatywatch calendar > events.ics`.
    #[command(after_help = CALENDAR_EXAMPLES)]
    Calendar {
        /// The treaty: an id (apmbc, ccm) or a UN reference (XXVI-5).
        #[arg(long, default_value = "apmbc", value_name = "TREATY")]
        treaty: String,
        /// Events on or after this day. Defaults to today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// Events on or before this day. Defaults to two years after `--from`.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        /// Only these states (codes or names); repeat for more.
        #[arg(long = "state", value_name = "STATE")]
        states: Vec<String>,
        /// Only the deadlines of this obligation (id or article, as for `deadlines`);
        /// repeat for more. Without it, every obligation but the yearly reports.
        #[arg(long = "obligation", value_name = "OBLIGATION")]
        obligations: Vec<String>,
    },
    /// For every obligation of a treaty, how many parties' deadlines are known (met,
    /// pending, overdue, nothing to do) and how many are unknown, with the unknown ones
    /// named: where the record has gaps to fill.
    #[command(after_help = COVERAGE_EXAMPLES)]
    Coverage {
        /// The treaty: an id (apmbc, ccm) or a UN reference (XXVI-5).
        #[arg(long, default_value = "apmbc", value_name = "TREATY")]
        treaty: String,
        /// The day the deadlines' statuses are for. Defaults to today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        /// table: aligned columns for people; json or csv: for programs (never wrapped).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Check a news article against the record: the states, treaty names and dates it
    /// mentions, each claim with a verdict (supported, contradicted, not checkable), the
    /// record's facts and sources, and each state's status then and today.
    #[command(after_help = ANNOTATE_EXAMPLES)]
    Annotate(crate::annotate::AnnotateArgs),
    /// Validate the dataset: every fact sourced, dates real and in order, references
    /// known, no duplicates. Exits non-zero on any error.
    Check,
    /// Serve the JSON API (/api/v1/) and the map pages over HTTP until SIGTERM or
    /// Ctrl-C, logging each request on standard error.
    Serve {
        /// The address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
        addr: std::net::SocketAddr,
        /// The access log on standard error: `text` (a line per request), `json` (a JSON
        /// object per line: time, request id, client, method, target, status, bytes,
        /// duration, user agent) or `off`.
        #[arg(long, default_value = "text", value_name = "FORMAT")]
        access_log: treatywatch_web::AccessLog,
        /// The most connections open at once; one more is answered 503 and closed.
        #[arg(long, default_value_t = 1024, value_name = "N")]
        max_connections: usize,
        /// Seconds a client has to send a request's head, from its first byte.
        #[arg(long, default_value_t = 5, value_name = "SECONDS")]
        header_timeout: u64,
        /// Seconds a kept-alive connection may wait for its next request.
        #[arg(long, default_value_t = 60, value_name = "SECONDS")]
        idle_timeout: u64,
        /// Seconds a response may wait for a client that does not read it.
        #[arg(long, default_value_t = 10, value_name = "SECONDS")]
        write_timeout: u64,
        /// Seconds requests in flight may run after SIGTERM before every connection is
        /// closed.
        #[arg(long, default_value_t = 5, value_name = "SECONDS")]
        shutdown_timeout: u64,
        /// The site's public address (`https://example.org`), for absolute links in the
        /// pages' Open Graph and Twitter card tags.
        #[arg(long, value_name = "URL")]
        public_url: Option<String>,
    },
    /// Write the site (the map, every state's page, the JSON documents and histories the
    /// map needs) as static files for the current dataset, to serve from any object
    /// store or CDN with no server.
    Site {
        /// The directory to write (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Print a shell completion script: bash, zsh, fish, powershell or elvish.
    #[command(after_help = COMPLETIONS_EXAMPLES)]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum, value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write one page per command to a directory.
    #[command(after_help = MAN_EXAMPLES)]
    Man {
        /// Write treatywatch.1 and a page for every command (treatywatch-status.1, ...)
        /// to DIR instead of printing the main page.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Import treaty status tables from outside sources.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Research exports.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Every treaty: id, names, UN reference, whether curated or imported, and how
    /// current its record is.
    Treaties {
        /// table: aligned columns for people; json (every alias) or csv: for programs.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Every status change between two dates, each with the action and sources behind it.
    #[command(after_help = CHANGES_EXAMPLES)]
    Changes {
        /// The first day: changes on or after it.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        /// The last day, included. Defaults to today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        /// Only this treaty (id or UN reference); every treaty if not given.
        #[arg(long, value_name = "TREATY")]
        treaty: Option<String>,
        /// table: aligned columns for people; json or csv: for programs (never wrapped).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Import UN Treaty Collection status tables (index.csv and treaties/*.csv): prints
    /// a report per file; with --out, writes a dataset directory usable with --data.
    #[command(after_help = IMPORT_EXAMPLES)]
    Untc {
        /// A directory holding index.csv and treaties/, a treaties/ directory, or table
        /// files.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// The index of treaties, if not found beside the tables.
        #[arg(long, value_name = "FILE")]
        index: Option<PathBuf>,
        /// Write the dataset (the current one with the imported tables) to DIR.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Fail (exit 1) if any row or name could not be resolved.
        #[arg(long)]
        strict: bool,
        /// When the tables were captured, FROM/TO (`2013-01-01/2015-12-31`); see
        /// --untc-captured.
        #[arg(long, value_name = "FROM/TO")]
        captured: Option<String>,
        /// List every difference between the curated record and the tables of the same
        /// treaties (always written to IMPORT-REPORT.md with --out).
        #[arg(long)]
        reconcile: bool,
        /// table: the report for people, every file listed; json: the report for
        /// programs (csv gives the table).
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum PanelFormat {
    /// Comma-separated values with a header row (.csv).
    Csv,
    /// Apache Parquet, typed columns (.parquet, .pq).
    Parquet,
    /// A SQLite database with the panel and the dataset's tables (.sqlite, .sqlite3, .db).
    Sqlite,
}

impl PanelFormat {
    /// The format a file name's extension stands for, if any.
    pub fn from_extension(path: &std::path::Path) -> Option<PanelFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(PanelFormat::Csv),
            "parquet" | "pq" => Some(PanelFormat::Parquet),
            "sqlite" | "sqlite3" | "db" => Some(PanelFormat::Sqlite),
            _ => None,
        }
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum Granularity {
    /// One row per year, on the --as-of day.
    #[default]
    Year,
    /// One row per day.
    Day,
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// One row per state, treaty and period: the status on the period's day and the
    /// dates behind it (columns in docs/exports.md).
    #[command(after_help = EXPORT_EXAMPLES)]
    Panel {
        /// A treaty id or UN reference; repeat for several.
        #[arg(long, value_name = "TREATY")]
        treaty: Vec<String>,
        /// Every treaty in the dataset with recorded participants.
        #[arg(long, conflicts_with = "treaty")]
        all: bool,
        /// The first year of the panel.
        #[arg(long, value_name = "YEAR")]
        from: i16,
        /// The last year of the panel (included).
        #[arg(long, value_name = "YEAR")]
        to: i16,
        /// One row per state, treaty and year, or per day.
        #[arg(long, value_enum, default_value_t)]
        granularity: Granularity,
        /// For yearly panels, the day of each year the status is taken on.
        #[arg(long, value_name = "MM-DD", default_value = "12-31")]
        as_of: String,
        /// The file format. Defaults to the one --out's extension names (.csv, .parquet,
        /// .sqlite or .db); CSV for standard output.
        #[arg(long, value_enum)]
        format: Option<PanelFormat>,
        /// The file to write (`-` for standard output, CSV only). An existing file is
        /// kept unless --force is given.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Replace the --out file if it exists.
        #[arg(long)]
        force: bool,
    },
}

// The examples at the end of `--help`, also in the manual and docs/cli.md. A test
// (`reference::help_examples_parse`) parses every one of them, so they cannot go stale.

pub const MAIN_EXAMPLES: &str = "\
Examples:
  treatywatch parties                      every state's status today, with counts
  treatywatch status Finland --on 2026-01-09
  treatywatch deadlines --overdue --on 2020-01-01
  treatywatch timeline POL --format json   the same answers for programs

Tables fit the terminal (or COLUMNS); piped output keeps one row per line.
Shell completions: treatywatch completions bash|zsh|fish|powershell
The manual: treatywatch man | man -l -";

pub const STATUS_EXAMPLES: &str = "\
Examples:
  treatywatch status Finland --on 2026-01-09
  treatywatch status FIN EST LVA LTU POL --format csv
  treatywatch status Ukraine --treaty ccm
  treatywatch status FIN --known-on 2025-07-05   as a reader knew it that day";

pub const PARTIES_EXAMPLES: &str = "\
Examples:
  treatywatch parties --on 2026-03-01
  treatywatch parties --status withdrawn
  treatywatch parties --treaty ccm --format json";

pub const TIMELINE_EXAMPLES: &str = "\
Examples:
  treatywatch timeline Poland
  treatywatch timeline LTU --treaty ccm
  treatywatch timeline FIN --known-on 2025-07-05 --format json";

pub const COVERAGE_EXAMPLES: &str = "\
Examples:
  treatywatch coverage                      how much of each Mine Ban Treaty obligation is on record
  treatywatch coverage --treaty ccm         the same for the Convention on Cluster Munitions
  treatywatch coverage --format csv         one row per obligation, unknown states named";

const DEADLINES_EXAMPLES: &str = "\
Examples:
  treatywatch deadlines                                due in the year after today
  treatywatch deadlines --overdue --on 2020-01-01
  treatywatch deadlines --state Oman --state Ukraine   every deadline of their record
  treatywatch deadlines --from 2026-01-01 --to 2026-12-31 --format csv";

pub const RECORDS_EXAMPLES: &str = "\
Examples:
  treatywatch records Ukraine
  treatywatch records FIN --format json";

pub const CALENDAR_EXAMPLES: &str = "\
Examples:
  treatywatch calendar > events.ics
  treatywatch calendar --from 2025-01-01 --to 2026-12-31 > events.ics";

pub const ANNOTATE_EXAMPLES: &str = "\
Examples:
  treatywatch annotate article.txt --date 2025-07-09
  curl -s https://example.org/article.txt | treatywatch annotate - --format json
  treatywatch annotate article.txt --format html > checked.html
  treatywatch annotate artikkeli.txt --language fi --date 2025-06-19
  treatywatch annotate --eval corpus/annotate/dev --summary
  treatywatch annotate --eval corpus/annotate/dev --min-recall 75 --max-spurious 12";

pub const IMPORT_EXAMPLES: &str = "\
Examples:
  treatywatch import untc ../shared/data/untc-2015
  treatywatch import untc ../shared/data/untc-2015 --out data-untc --strict
  treatywatch --data data-untc parties --treaty cwc";

pub const EXPORT_EXAMPLES: &str = "\
Examples:
  treatywatch export panel --all --from 1997 --to 2026 --out panel.parquet
  treatywatch export panel --treaty apmbc --from 2024 --to 2025 --granularity day --out days.csv
  treatywatch export panel --treaty ccm --from 2008 --to 2026 --out - | head

The format comes from --out's extension (.csv, .parquet, .sqlite, .db) unless --format
is given. An existing file is kept unless --force is given. What was written (rows, size,
path) is said on standard error.";

pub const CHANGES_EXAMPLES: &str = "\
Examples:
  treatywatch changes --from 2025-01-01
  treatywatch changes --from 2025-03-01 --to 2025-03-31 --treaty ccm --format json";

pub const COMPLETIONS_EXAMPLES: &str = "\
Examples:
  source <(treatywatch completions bash)                   in ~/.bashrc
  treatywatch completions zsh > ~/.zfunc/_treatywatch      with fpath+=~/.zfunc
  treatywatch completions fish > ~/.config/fish/completions/treatywatch.fish
  treatywatch completions powershell >> $PROFILE";

pub const MAN_EXAMPLES: &str = "\
Examples:
  treatywatch man | man -l -
  treatywatch man --out /usr/local/share/man/man1";
