//! `treatywatch`: a thin command line over `treatywatch-core` (the rules engine) and
//! `treatywatch-data` (the dataset).

mod annotate;
mod calendar;
mod cli;
mod commands;
mod layout;
#[cfg(test)]
mod reference;
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

/// Whether the error, or any error in its chain, is a write to a closed pipe.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        // serde_json's error hides the io::Error it holds from the chain; csv's names it.
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
            || c.downcast_ref::<csv::Error>().is_some_and(
                |e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe),
            )
    })
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
            // A reader that stopped early (`| head`) is not an error, however deep in
            // the error's chain (anyhow context, csv or serde_json errors) it is found.
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("treatywatch: {e:#}");
            ExitCode::FAILURE
        }
    }
}
