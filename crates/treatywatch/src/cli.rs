//! The command line, as clap sees it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Where every state stands on a humanitarian-disarmament treaty, on any date, with
/// sources.
#[derive(Parser, Debug)]
#[command(name = "treatywatch", version, about, long_about = None)]
pub struct Cli {
    /// Read the dataset from DIR (a copy of the repository's data/ directory) instead
    /// of the copy built into the binary.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Also import these UN Treaty Collection status tables (a directory with
    /// index.csv and treaties/, or table files) for this command only: their actions
    /// replace the dataset's for the same treaties.
    #[arg(long, global = true, value_name = "PATH")]
    pub untc: Vec<PathBuf>,

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
    Status {
        /// Alpha-3 codes or names, in any case: FIN, fin, Finland, Türkiye, Turkey.
        #[arg(required = true, value_name = "STATE")]
        states: Vec<String>,
        /// Treaty id or UN reference: apmbc, XXVI-5.
        #[arg(long, default_value = "apmbc")]
        treaty: String,
        /// The date, as YYYY-MM-DD. Defaults to today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        /// Answer as a careful reader would have on this day: facts that became public
        /// later (by their sources' dates) are left out. `--on` defaults to this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        known_on: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Every state's status on a date, with the count for each status.
    Parties {
        #[arg(long, default_value = "apmbc")]
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
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The dated story of one state under a treaty, each line with its source:
    /// depositary actions, what the rules derive from them, domestic steps (evidence)
    /// and records.
    Timeline {
        /// An alpha-3 code or a name.
        #[arg(value_name = "STATE")]
        state: String,
        #[arg(long, default_value = "apmbc")]
        treaty: String,
        /// Answer as a careful reader would have on this day: facts that became public
        /// later (by their sources' dates) are left out. `--on` defaults to this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        known_on: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Obligations' deadlines (stockpile destruction, clearance, reports) with their
    /// status on a date, the reason and the sources.
    Deadlines {
        #[arg(long, default_value = "apmbc")]
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
        /// The day the statuses are for. Defaults to today (or `--known-on`).
        #[arg(long, value_name = "YYYY-MM-DD")]
        on: Option<String>,
        /// Answer as a careful reader would have on this day: facts that became public
        /// later (by their sources' dates) are left out. `--on` defaults to this day.
        #[arg(long, value_name = "YYYY-MM-DD")]
        known_on: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Records about one state: stockpiles, mines retained, production, use, and the
    /// milestones of its obligations, each with its sources.
    Records {
        #[arg(value_name = "STATE")]
        state: String,
        #[arg(long, default_value = "apmbc")]
        treaty: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// An iCalendar (RFC 5545) file of entries into force, withdrawals taking effect and
    /// deadlines, each with its source link: `treatywatch calendar > events.ics`.
    Calendar {
        #[arg(long, default_value = "apmbc")]
        treaty: String,
        /// Events on or after this day. Defaults to today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
        /// Events on or before this day. Defaults to two years after `--from`.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
    },
    /// Check a news article against the record: the states, treaty names and dates it
    /// mentions, each claim with a verdict (supported, contradicted, not checkable), the
    /// record's facts and sources, and each state's status then and today.
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
    /// Import treaty status tables from outside sources.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Research exports.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Every status change between two dates, each with the action and sources behind it.
    Changes {
        /// Changes on or after this day (YYYY-MM-DD) ...
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: String,
        /// ... up to and including this day. Defaults to today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        to: Option<String>,
        /// Only this treaty (id or UN reference); every treaty if not given.
        #[arg(long)]
        treaty: Option<String>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Import UN Treaty Collection status tables (index.csv and treaties/*.csv): prints
    /// a report per file; with --out, writes a dataset directory usable with --data.
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
        /// `table` lists every file; `json` gives the report to programs.
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum PanelFormat {
    Csv,
    Parquet,
    Sqlite,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum Granularity {
    #[default]
    Year,
    Day,
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// One row per state, treaty and period: the status on the period's day and the
    /// dates behind it (columns in docs/exports.md).
    Panel {
        /// Treaty ids or UN references; repeat for several.
        #[arg(long, value_name = "T")]
        treaty: Vec<String>,
        /// Every treaty in the dataset.
        #[arg(long, conflicts_with = "treaty")]
        all: bool,
        #[arg(long, value_name = "YEAR")]
        from: i16,
        #[arg(long, value_name = "YEAR")]
        to: i16,
        #[arg(long, value_enum, default_value_t)]
        granularity: Granularity,
        /// For yearly panels, the day of each year the status is taken on.
        #[arg(long, value_name = "MM-DD", default_value = "12-31")]
        as_of: String,
        #[arg(long, value_enum)]
        format: PanelFormat,
        /// The file to write (`-` for standard output, CSV only).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
}
