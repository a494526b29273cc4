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

use clap::Parser;

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

fn main() -> ExitCode {
    let cli = Cli::parse();
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
