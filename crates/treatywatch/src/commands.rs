//! One function per subcommand. Each resolves the user's words (dates, states,
//! treaties) with errors that say what to type, asks the engine, and renders.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};
use jiff::ToSpan;
use treatywatch_core::engine::Engine;
use treatywatch_core::{Dataset, Date, DeadlineWindow, State, Status, parse_date};
use treatywatch_data::{LoadError, Problem};

use crate::UserError;
use crate::cli::{Cli, Command, Format};
use crate::layout::Width;
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

fn states_arg<'d>(engine: &Engine<'d>, queries: &[String]) -> Result<Vec<&'d State>> {
    let mut resolved: Vec<&'d State> = Vec::new();
    let mut errors = Vec::new();
    for q in queries {
        match engine.resolve_state(q) {
            Ok(s) => {
                if !resolved.iter().any(|r| r.code == s.code) {
                    resolved.push(s);
                }
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    if errors.is_empty() {
        Ok(resolved)
    } else {
        Err(user(errors.join("\n")))
    }
}

/// The `--known-on` of the commands that take it.
fn known_on_arg(command: &Command) -> Result<Option<Date>> {
    let known = match command {
        Command::Status { known_on, .. }
        | Command::Parties { known_on, .. }
        | Command::Timeline { known_on, .. }
        | Command::Deadlines { known_on, .. } => known_on.as_deref(),
        _ => None,
    };
    known
        .map(|k| parse_date(k.trim()).map_err(|e| user(format!("--known-on: {e}"))))
        .transpose()
}

pub fn run(cli: Cli, out: &mut impl Write) -> Result<ExitCode> {
    match &cli.command {
        Command::Check => return check(cli.data.as_deref(), out),
        Command::Serve {
            addr,
            access_log,
            max_connections,
            header_timeout,
            idle_timeout,
            write_timeout,
            shutdown_timeout,
            public_url,
        } => {
            let secs = std::time::Duration::from_secs;
            treatywatch_web::run_with(treatywatch_web::ServeOptions {
                addr: *addr,
                data_dir: cli.data.clone(),
                access_log: *access_log,
                public_url: public_url.clone(),
                limits: treatywatch_web::Limits {
                    max_connections: (*max_connections).max(1),
                    header_timeout: secs((*header_timeout).max(1)),
                    idle_timeout: secs((*idle_timeout).max(1)),
                    write_timeout: secs((*write_timeout).max(1)),
                    shutdown_timeout: secs(*shutdown_timeout),
                },
            })
            .map_err(user)?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Site { out: dir } => {
            let done = treatywatch_web::site::run(dir, cli.data.as_deref()).map_err(user)?;
            writeln!(out, "{done}")?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Import(cmd) => return crate::research::import(cli.data.as_deref(), cmd, out),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(*shell, &mut command, "treatywatch", out);
            return Ok(ExitCode::SUCCESS);
        }
        Command::Man { out: dir } => {
            man(dir.as_deref(), out)?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    // Tables and text sized to the terminal, COLUMNS, or not at all (piped, --wide).
    let width = Width::detect(cli.wide);
    let full = match cli.untc.is_empty() {
        true => load(cli.data.as_deref())?,
        false => crate::research::load_with_untc(
            cli.data.as_deref(),
            &cli.untc,
            cli.untc_captured.as_deref(),
        )?,
    };
    let known_on = known_on_arg(&cli.command)?;
    // As a careful reader knew it on `known_on`: later facts left out.
    let view = known_on.map(|k| full.as_known_on(k));
    let data = view.as_ref().unwrap_or(&full);
    let engine = Engine::new(data);
    // `--on` defaults to the `--known-on` day, else to today.
    let on_arg = |on: Option<&str>| -> Result<Date> {
        match (on, known_on) {
            (None, Some(k)) => Ok(k),
            (on, _) => date_arg(on, "--on"),
        }
    };
    match cli.command {
        Command::Status {
            states,
            treaty,
            on,
            format,
            ..
        } => {
            let on = on_arg(on.as_deref())?;
            let treaty = treaty_arg(&engine, &treaty)?;
            let reports: Vec<_> = states_arg(&engine, &states)?
                .into_iter()
                .map(|s| engine.status(treaty, s, on))
                .collect();
            match format {
                Format::Table => render::status_table(out, width, treaty, on, known_on, &reports)?,
                Format::Json => {
                    let data = engine.data();
                    let docs: Vec<_> = reports
                        .iter()
                        .map(|r| treatywatch_core::Identified::new(data, r))
                        .collect();
                    render::json(out, &docs)?
                }
                Format::Csv => render::status_csv(out, &reports)?,
            }
        }
        Command::Parties {
            treaty,
            on,
            status,
            format,
            ..
        } => {
            let on = on_arg(on.as_deref())?;
            let treaty = treaty_arg(&engine, &treaty)?;
            let filter = match status.as_deref() {
                None => None,
                Some(s) => Some(
                    s.parse::<Status>()
                        .map_err(|e| user(format!("--status: {e}")))?,
                ),
            };
            let mut doc = engine.parties(treaty, on);
            if let Some(k) = doc.known_until {
                eprintln!(
                    "treatywatch: the record of {} ends on {k} (an imported table): every \
                     status on {on} is unknown; the counts are the last known, as of {k}",
                    treaty.id
                );
            }
            if let Some(f) = filter {
                doc.states.retain(|r| r.status == f);
            }
            match format {
                Format::Table => render::parties_table(
                    out,
                    width,
                    treaty,
                    on,
                    known_on,
                    &doc.counts.0,
                    &doc.states,
                )?,
                Format::Json => render::parties_json(out, &doc)?,
                Format::Csv => render::status_csv(out, &doc.states)?,
            }
        }
        Command::Timeline {
            state,
            treaty,
            format,
            ..
        } => {
            let treaty = treaty_arg(&engine, &treaty)?;
            let state = engine
                .resolve_state(&state)
                .map_err(|e| user(e.to_string()))?;
            let doc = engine.timeline_doc(treaty, state);
            let events = &doc.events;
            let now = engine.status(treaty, state, known_on.unwrap_or_else(today));
            match format {
                Format::Table => {
                    render::timeline_text(out, width, treaty, state, known_on, events, &now)?
                }
                Format::Json => render::timeline_json(out, &doc)?,
                Format::Csv => render::timeline_csv(out, state, events)?,
            }
        }
        Command::Deadlines {
            treaty,
            states,
            from,
            to,
            overdue,
            obligations,
            on,
            format,
            ..
        } => {
            let on = on_arg(on.as_deref())?;
            let treaty = treaty_arg(&engine, &treaty)?;
            let states = states_arg(&engine, &states)?;
            let from = from
                .as_deref()
                .map(|d| parse_date(d.trim()).map_err(|e| user(format!("--from: {e}"))))
                .transpose()?;
            let to = to
                .as_deref()
                .map(|d| parse_date(d.trim()).map_err(|e| user(format!("--to: {e}"))))
                .transpose()?;
            let window = DeadlineWindow::new(on, from, to, overdue, !states.is_empty())
                .map_err(|e| user(format!("--from {} is after --to {}", e.from, e.to)))?
                .with_obligations(treaty, &obligations)
                .map_err(|e| user(format!("--obligation: {e}")))?;
            let doc = engine.deadlines_doc(treaty, &states, on, &window);
            match format {
                Format::Table => render::deadlines_table(
                    out,
                    width,
                    treaty,
                    on,
                    known_on,
                    window.from,
                    window.to,
                    overdue,
                    &doc.deadlines,
                )?,
                Format::Json => render::json(out, &doc)?,
                Format::Csv => render::deadlines_csv(out, &doc.deadlines)?,
            }
        }
        Command::Records {
            state,
            treaty,
            format,
        } => {
            let treaty = treaty_arg(&engine, &treaty)?;
            let state = engine
                .resolve_state(&state)
                .map_err(|e| user(e.to_string()))?;
            let records = engine.records(treaty, state);
            match format {
                Format::Table => render::records_table(out, width, treaty, state, &records)?,
                Format::Json => render::records_json(out, &records)?,
                Format::Csv => render::records_csv(out, &records)?,
            }
        }
        Command::Calendar {
            treaty,
            from,
            to,
            states,
            obligations,
        } => {
            let treaty = treaty_arg(&engine, &treaty)?;
            let states = states_arg(&engine, &states)?;
            let from = date_arg(from.as_deref(), "--from")?;
            let to = match to.as_deref() {
                Some(t) => parse_date(t.trim()).map_err(|e| user(format!("--to: {e}")))?,
                None => from.checked_add(2.years()).unwrap_or(from),
            };
            if from > to {
                return Err(user(format!("--from {from} is after --to {to}")));
            }
            let window = DeadlineWindow::new(today(), Some(from), Some(to), false, false)
                .map_err(|e| user(format!("--from {} is after --to {}", e.from, e.to)))?
                .with_obligations(treaty, &obligations)
                .map_err(|e| user(format!("--obligation: {e}")))?;
            let events = crate::calendar::events(&engine, treaty, &states, &window, today());
            out.write_all(crate::calendar::to_ics(&events, today()).as_bytes())?;
        }
        Command::Coverage { treaty, on, format } => {
            let on = on_arg(on.as_deref())?;
            let treaty = treaty_arg(&engine, &treaty)?;
            let coverage = engine.coverage(treaty, on);
            match format {
                Format::Table => render::coverage_table(out, width, &coverage)?,
                Format::Json => render::json(out, &coverage)?,
                Format::Csv => render::coverage_csv(out, &coverage)?,
            }
        }
        Command::Annotate(args) => return crate::annotate::run(&engine, args, today(), out),
        Command::Export(cmd) => return crate::research::export(&engine, &cmd, out),
        Command::Treaties { format } => crate::research::treaties(&engine, format, width, out)?,
        Command::Changes {
            from,
            to,
            treaty,
            format,
        } => {
            let from = date_arg(Some(&from), "--from")?;
            let to = date_arg(to.as_deref(), "--to")?;
            let treaty = treaty.map(|t| treaty_arg(&engine, &t)).transpose()?;
            crate::research::changes(&engine, treaty, from, to, format, width, out)?;
        }
        Command::Check
        | Command::Serve { .. }
        | Command::Site { .. }
        | Command::Import(_)
        | Command::Completions { .. }
        | Command::Man { .. } => {
            unreachable!("handled above")
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `treatywatch man`: the main page on standard output, or every page to `dir`.
fn man(dir: Option<&std::path::Path>, out: &mut impl Write) -> Result<()> {
    let command = <Cli as clap::CommandFactory>::command();
    match dir {
        None => clap_mangen::Man::new(command)
            .render(out)
            .context("writing the manual page")?,
        Some(dir) => {
            if !dir.is_dir() {
                return Err(user(format!(
                    "--out {}: not a directory (create it first)",
                    dir.display()
                )));
            }
            clap_mangen::generate_to(command, dir)
                .with_context(|| format!("writing the manual pages to {}", dir.display()))?;
            fn pages(c: &clap::Command) -> usize {
                1 + c
                    .get_subcommands()
                    .filter(|s| !s.is_hide_set() && s.get_name() != "help")
                    .map(pages)
                    .sum::<usize>()
            }
            let pages = pages(&<Cli as clap::CommandFactory>::command());
            eprintln!(
                "treatywatch: wrote {pages} manual pages to {}",
                dir.display()
            );
        }
    }
    Ok(())
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
             {} actions, {} conflict periods, {} domestic steps, {} records",
            d.sources.len(),
            d.states.len(),
            d.entities.len(),
            d.treaties.len(),
            d.actions.len(),
            d.conflicts.len(),
            d.steps.len(),
            d.records.len()
        )?;
        writeln!(out, "dataset: {}", d.identity().line())?;
        writeln!(out, "{}", currency(d))?;
    }
    writeln!(out, "{errors} error(s), {warnings} warning(s)")?;
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Which treaties are current: curated to the latest fact, known only from imported
/// tables up to their capture, or with rules and no record.
fn currency(d: &Dataset) -> String {
    let with_actions: std::collections::HashSet<&str> =
        d.actions.iter().map(|a| a.treaty.as_str()).collect();
    let mut current = Vec::new();
    let mut bounded = Vec::new();
    let mut rules_only = 0;
    for t in &d.treaties {
        match (with_actions.contains(t.id.as_str()), t.known_until) {
            (false, _) => rules_only += 1,
            (true, Some(k)) => bounded.push(k),
            (true, None) => current.push(t.id.as_str()),
        }
    }
    let latest = d
        .latest_fact()
        .map_or_else(|| "-".to_string(), |x| x.to_string());
    let mut s = format!(
        "treaties: {} current to the latest fact {latest} ({})",
        current.len(),
        current.join(", ")
    );
    if let (Some(a), Some(b)) = (bounded.iter().min(), bounded.iter().max()) {
        s.push_str(&format!(
            "; {} known only from imported tables, up to {a}..{b} (unknown after)",
            bounded.len()
        ));
    }
    if rules_only > 0 {
        s.push_str(&format!(
            "; {rules_only} with rules but no record (import their tables with --untc)"
        ));
    }
    s
}
