//! One function per subcommand. Each resolves the user's words (dates, states,
//! treaties) with errors that say what to type, asks the engine, and renders.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use treatywatch_core::engine::Engine;
use treatywatch_core::{Dataset, Date, Status, parse_date};
use treatywatch_data::{LoadError, Problem};

use crate::UserError;
use crate::cli::{Cli, Command, Format};
use crate::render;

/// Today's date on this machine's clock and time zone.
pub fn today() -> Date {
    jiff::ZonedDateTime::now().date()
}

pub(crate) fn user(msg: impl Into<String>) -> anyhow::Error {
    UserError(msg.into()).into()
}

/// Loads the dataset: the embedded copy, or `--data DIR`, fully checked.
pub(crate) fn load(cli_data: Option<&std::path::Path>) -> Result<Dataset> {
    match cli_data {
        None => treatywatch_data::embedded()
            .map_err(|e| user(format!("the built-in dataset does not load (a bug): {e}"))),
        Some(dir) => match treatywatch_data::load_dir(dir, today()) {
            Ok((data, _warnings)) => Ok(data),
            Err(e) => Err(user(format!(
                "cannot use the dataset in {}: {e}run `treatywatch check --data {}` for details",
                dir.display(),
                dir.display()
            ))),
        },
    }
}

fn date_arg(on: Option<&str>, flag: &str) -> Result<Date> {
    match on {
        None => Ok(today()),
        Some(s) => parse_date(s.trim()).map_err(|e| user(format!("{flag}: {e}"))),
    }
}

pub(crate) fn treaty_arg<'d>(
    engine: &Engine<'d>,
    query: &str,
) -> Result<&'d treatywatch_core::Treaty> {
    let treaty = engine
        .resolve_treaty(query)
        .map_err(|e| user(e.to_string()))?;
    crate::research::has_participants(engine, treaty)?;
    Ok(treaty)
}

pub fn run(cli: Cli, out: &mut impl Write) -> Result<ExitCode> {
    if let Command::Check = cli.command {
        return check(cli.data.as_deref(), out);
    }
    if let Command::Import(cmd) = &cli.command {
        return crate::research::import(cli.data.as_deref(), cmd, out);
    }
    let data = match cli.untc.is_empty() {
        true => load(cli.data.as_deref())?,
        false => crate::research::load_with_untc(cli.data.as_deref(), &cli.untc)?,
    };
    let engine = Engine::new(&data);
    match cli.command {
        Command::Status {
            states,
            treaty,
            on,
            format,
        } => {
            let on = date_arg(on.as_deref(), "--on")?;
            let treaty = treaty_arg(&engine, &treaty)?;
            let mut resolved = Vec::new();
            let mut errors = Vec::new();
            for q in &states {
                match engine.resolve_state(q) {
                    Ok(s) => {
                        if !resolved
                            .iter()
                            .any(|r: &&treatywatch_core::State| r.code == s.code)
                        {
                            resolved.push(s);
                        }
                    }
                    Err(e) => errors.push(e.to_string()),
                }
            }
            if !errors.is_empty() {
                return Err(user(errors.join("\n")));
            }
            let reports: Vec<_> = resolved
                .into_iter()
                .map(|s| engine.status(treaty, s, on))
                .collect();
            match format {
                Format::Table => render::status_table(out, treaty, on, &reports)?,
                Format::Json => render::json(out, &reports)?,
                Format::Csv => render::status_csv(out, &reports)?,
            }
        }
        Command::Parties {
            treaty,
            on,
            status,
            format,
        } => {
            let on = date_arg(on.as_deref(), "--on")?;
            let treaty = treaty_arg(&engine, &treaty)?;
            let filter = match status.as_deref() {
                None => None,
                Some(s) => Some(
                    s.parse::<Status>()
                        .map_err(|e| user(format!("--status: {e}")))?,
                ),
            };
            let mut reports = engine.statuses(treaty, on);
            let counts = engine.counts_on(treaty, on);
            if let Some(f) = filter {
                reports.retain(|r| r.status == f);
            }
            match format {
                Format::Table => render::parties_table(out, treaty, on, &counts, &reports)?,
                Format::Json => render::parties_json(out, treaty, on, &counts, &reports)?,
                Format::Csv => render::status_csv(out, &reports)?,
            }
        }
        Command::Timeline {
            state,
            treaty,
            format,
        } => {
            let treaty = treaty_arg(&engine, &treaty)?;
            let state = engine
                .resolve_state(&state)
                .map_err(|e| user(e.to_string()))?;
            let events = engine.timeline(treaty, state);
            let now = engine.status(treaty, state, today());
            match format {
                Format::Table => render::timeline_text(out, treaty, state, &events, &now)?,
                Format::Json => render::timeline_json(out, treaty, state, &events)?,
                Format::Csv => render::timeline_csv(out, state, &events)?,
            }
        }
        Command::Check | Command::Import(_) => unreachable!("handled above"),
        Command::Export(cmd) => return crate::research::export(&engine, &cmd, out),
        Command::Changes {
            from,
            to,
            treaty,
            format,
        } => {
            let from = date_arg(Some(&from), "--from")?;
            let to = date_arg(to.as_deref(), "--to")?;
            let treaty = treaty.map(|t| treaty_arg(&engine, &t)).transpose()?;
            crate::research::changes(&engine, treaty, from, to, format, out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(dir: Option<&std::path::Path>, out: &mut impl Write) -> Result<ExitCode> {
    let (files, label) = match dir {
        None => (
            treatywatch_data::embedded_files(),
            "the built-in dataset".to_string(),
        ),
        Some(d) => match treatywatch_data::read_dir(d) {
            Ok(f) => (f, d.display().to_string()),
            Err(LoadError { problems }) => {
                return report(out, &problems, &d.display().to_string(), None);
            }
        },
    };
    let data = match treatywatch_data::parse(&files) {
        Ok(d) => d,
        Err(LoadError { problems }) => return report(out, &problems, &label, None),
    };
    let problems = treatywatch_data::check(&data, today());
    report(out, &problems, &label, Some(&data))
}

fn report(
    out: &mut impl Write,
    problems: &[Problem],
    label: &str,
    data: Option<&Dataset>,
) -> Result<ExitCode> {
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    for p in problems {
        writeln!(out, "{p}").context("writing the report")?;
    }
    if let Some(d) = data {
        writeln!(
            out,
            "checked {label}: {} sources, {} states, {} other participants, {} treaties, \
             {} actions, {} conflict periods",
            d.sources.len(),
            d.states.len(),
            d.entities.len(),
            d.treaties.len(),
            d.actions.len(),
            d.conflicts.len()
        )?;
    }
    writeln!(out, "{errors} error(s), {warnings} warning(s)")?;
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
