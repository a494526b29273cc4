//! `treatywatch`: a thin command line over `treatywatch-core` (the rules engine) and
//! `treatywatch-data` (the dataset).

mod annotate;
mod calendar;
mod cli;
mod commands;
mod render;
mod research;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use cli::Cli;

/// An error for the user: printed without a backtrace, exit code 1.
#[derive(Debug)]
pub struct UserError(pub String);

impl std::fmt::Display for UserError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UserError {}

/// `--version`: the release, and the built-in dataset's identity (its version, the date
/// of its latest fact and its digest), so a bug report or a citation names both.
fn long_version() -> String {
    let data = match treatywatch_data::embedded() {
        Ok(d) => d.identity().line(),
        Err(e) => format!("built-in dataset does not load: {e}"),
    };
    format!("{}\n{data}", env!("CARGO_PKG_VERSION"))
}

fn main() -> ExitCode {
    let mut command = Cli::command();
    // Parsing the dataset costs milliseconds: only when the version is asked for.
    if std::env::args_os().any(|a| a == "--version" || a == "-V") {
        command = command.long_version(&*Box::leak(long_version().into_boxed_str()));
    }
    let matches = command.get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = commands::run(cli, &mut out);
    let flushed = out.flush();
    match result {
        Ok(code) => {
            if let Err(e) = flushed {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return code;
                }
                eprintln!("treatywatch: cannot write output: {e}");
                return ExitCode::FAILURE;
            }
            code
        }
        Err(e) => {
            if let Some(io) = e.downcast_ref::<std::io::Error>()
                && io.kind() == std::io::ErrorKind::BrokenPipe
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("treatywatch: {e:#}");
            ExitCode::FAILURE
        }
    }
}
