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
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// The dated story of one state under a treaty, each line with its source.
    Timeline {
        /// An alpha-3 code or a name.
        #[arg(value_name = "STATE")]
        state: String,
        #[arg(long, default_value = "apmbc")]
        treaty: String,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
    /// Validate the dataset: every fact sourced, dates real and in order, references
    /// known, no duplicates. Exits non-zero on any error.
    Check,
    /// Serve the JSON API (/api/v1/) and the map pages over HTTP until SIGTERM or
    /// Ctrl-C, logging each request on standard error.
    Serve {
        /// The address and port to listen on.
        #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
        addr: std::net::SocketAddr,
    },
}
