//! The research commands: `import untc`, `export panel`, `changes`, and loading UN
//! tables for a single command (`--untc`).

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use serde_json::json;
use treatywatch_core::{Dataset, Date, Engine, Treaty};
use treatywatch_data::DataFile;
use treatywatch_untc::{FileReport, Import};

use crate::cli::{ExportCommand, Format, Granularity, ImportCommand, PanelFormat};
use crate::commands::{treaty_arg, user};
use crate::layout::{Column, Grid, Width};
use crate::render;

/// Refuses a treaty whose rules are recorded but not its participants (the registry's
/// treaties other than the curated ones): every state would wrongly show as not a
/// signatory.
pub fn has_participants(engine: &Engine<'_>, treaty: &Treaty) -> Result<()> {
    if engine.has_actions(treaty) {
        return Ok(());
    }
    Err(user(format!(
        "the dataset holds the rules of `{}` but none of its participants' actions; import \
         its UN status table for this command with --untc PATH (for example \
         --untc ../shared/data/untc-2015), or write a dataset with `treatywatch import untc`",
        treaty.id
    )))
}

/// The dataset's files: the embedded copy or `--data DIR`.
fn base_files(dir: Option<&Path>) -> Result<Vec<DataFile>> {
    match dir {
        None => Ok(treatywatch_data::embedded_files()),
        Some(d) => treatywatch_data::read_dir(d).map_err(|e| user(format!("{}: {e}", d.display()))),
    }
}

/// Imports the UN tables under `paths` against the dataset in `dir` (or the embedded
/// one): the import, and the files of the dataset with the import merged in.
fn import_tables(
    dir: Option<&Path>,
    paths: &[PathBuf],
    index: Option<&Path>,
) -> Result<(Import, Vec<DataFile>, Vec<String>)> {
    let files = base_files(dir)?;
    let base = treatywatch_data::parse(&files).map_err(|e| user(e.to_string()))?;
    let (tables, index, index_problems) =
        treatywatch_untc::read_paths(paths, index).map_err(user)?;
    let import = treatywatch_untc::import(&tables, &index, &base);
    let merged = treatywatch_untc::merged_files(&files, &base, &import);
    Ok((import, merged, index_problems))
}

/// The dataset with UN tables imported for one command (`--untc`).
pub fn load_with_untc(dir: Option<&Path>, paths: &[PathBuf]) -> Result<Dataset> {
    let (import, merged, _) = import_tables(dir, paths, None)?;
    if let Some(bad) = import.reports.iter().find(|r| r.error.is_some()) {
        return Err(user(format!(
            "--untc: {}: {}",
            bad.path,
            bad.error.as_deref().unwrap_or("")
        )));
    }
    treatywatch_data::parse(&merged).map_err(|e| {
        user(format!(
            "--untc: the imported tables do not load: {e}run `treatywatch import untc` for the report"
        ))
    })
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// The import report as text: a table of files, the totals, then every row not imported
/// with its reason, and the column notes.
pub fn report_text(import: &Import, index_problems: &[String]) -> String {
    let mut s = String::new();
    // Written to IMPORT-REPORT.md as well as printed: never sized to a terminal.
    let mut t = Grid::new(vec![
        Column::keep("FILE"),
        Column::keep("TREATY"),
        Column::keep("UN REF"),
        Column::keep("ROWS").right(),
        Column::keep("IMPORTED").right(),
        Column::keep("ACTIONS").right(),
        Column::keep("NOT STATES").right(),
        Column::keep("NO DATE").right(),
        Column::keep("UNRESOLVED").right(),
    ]);
    for r in &import.reports {
        t.row([
            file_name(&r.path).to_string(),
            r.treaty.as_ref().map_or("-".into(), |t| t.to_string()),
            r.reference.clone().unwrap_or_else(|| "-".into()),
            r.rows_read.to_string(),
            r.rows_imported.to_string(),
            r.actions.to_string(),
            r.not_states.len().to_string(),
            r.no_date.len().to_string(),
            match &r.error {
                Some(_) => "NOT READ".into(),
                None => r.unresolved.len().to_string(),
            },
        ]);
    }
    s.push_str(&t.render(Width::Unlimited));
    let sum = |f: fn(&FileReport) -> usize| import.reports.iter().map(f).sum::<usize>();
    let read = import.reports.iter().filter(|r| r.error.is_none()).count();
    let _ = writeln!(
        s,
        "\n{read} of {} files read; {} rows read, {} imported ({} actions); {} rows of \
         participants that are not states; {} rows with no date; {} rows or cells unresolved.",
        import.reports.len(),
        sum(|r| r.rows_read),
        sum(|r| r.rows_imported),
        sum(|r| r.actions),
        sum(|r| r.not_states.len()),
        sum(|r| r.no_date.len()),
        sum(|r| r.unresolved.len()),
    );
    for p in index_problems {
        let _ = writeln!(s, "index: {p}");
    }
    let section =
        |s: &mut String, title: &str, pick: fn(&FileReport) -> &Vec<treatywatch_untc::RowNote>| {
            if import.reports.iter().all(|r| pick(r).is_empty()) {
                return;
            }
            let _ = writeln!(s, "\n{title}");
            for r in &import.reports {
                for n in pick(r) {
                    let _ = writeln!(
                        s,
                        "  {}:{}  {}: {}",
                        file_name(&r.path),
                        n.line,
                        n.participant,
                        n.reason
                    );
                }
            }
        };
    section(
        &mut s,
        "Not imported: participants that are not states",
        |r| &r.not_states,
    );
    section(
        &mut s,
        "Not imported: rows with no signature or instrument date",
        |r| &r.no_date,
    );
    section(&mut s, "Unresolved", |r| &r.unresolved);
    if import
        .reports
        .iter()
        .any(|r| r.error.is_some() || !r.notes.is_empty())
    {
        let _ = writeln!(s, "\nNotes on files and columns");
        for r in &import.reports {
            if let Some(e) = &r.error {
                let _ = writeln!(s, "  {}: NOT READ: {e}", file_name(&r.path));
            }
            for n in &r.notes {
                let _ = writeln!(s, "  {}: {n}", file_name(&r.path));
            }
        }
    }
    s
}

fn report_json(import: &Import) -> serde_json::Value {
    let notes = |v: &Vec<treatywatch_untc::RowNote>| -> Vec<serde_json::Value> {
        v.iter()
            .map(|n| json!({"line": n.line, "participant": n.participant, "reason": n.reason}))
            .collect()
    };
    json!({
        "files": import.reports.iter().map(|r| json!({
            "path": r.path,
            "treaty": r.treaty.as_ref().map(|t| t.0.clone()),
            "untc": r.reference,
            "curated": r.curated,
            "error": r.error,
            "rows_read": r.rows_read,
            "rows_imported": r.rows_imported,
            "actions": r.actions,
            "not_states": notes(&r.not_states),
            "no_date": notes(&r.no_date),
            "unresolved": notes(&r.unresolved),
            "notes": r.notes,
        })).collect::<Vec<_>>(),
    })
}

/// `treatywatch import untc`.
pub fn import(dir: Option<&Path>, cmd: &ImportCommand, out: &mut impl Write) -> Result<ExitCode> {
    let ImportCommand::Untc {
        paths,
        index,
        out: out_dir,
        strict,
        format,
    } = cmd;
    let (import, merged, index_problems) = import_tables(dir, paths, index.as_deref())?;
    let text = report_text(&import, &index_problems);
    match format {
        Format::Json => render::json(out, &report_json(&import))?,
        _ => write!(out, "{text}")?,
    }
    if let Some(dir) = out_dir {
        // Check that the dataset loads before writing it.
        treatywatch_data::parse(&merged)
            .map_err(|e| user(format!("the merged dataset does not load: {e}")))?;
        for f in &merged {
            let path = dir.join(&f.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("creating {}", parent.display()))?;
            }
            std::fs::write(&path, &f.text)
                .with_context(|| format!("writing {}", path.display()))?;
        }
        let report = format!("# Import report\n\n```\n{text}```\n");
        std::fs::write(dir.join("IMPORT-REPORT.md"), report)
            .with_context(|| format!("writing {}", dir.display()))?;
        if *format != Format::Json {
            writeln!(
                out,
                "\nwrote {} files to {} (use it with --data {})",
                merged.len() + 1,
                dir.display(),
                dir.display()
            )?;
        }
    }
    if !import.all_read() {
        return Ok(ExitCode::FAILURE);
    }
    if *strict && import.unresolved() > 0 {
        eprintln!(
            "treatywatch: --strict: {} rows or cells could not be resolved (listed above)",
            import.unresolved()
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// The name clap gives a value (`csv`, `parquet`, `sqlite`).
fn value_name(v: impl clap::ValueEnum) -> String {
    v.to_possible_value()
        .map(|p| p.get_name().to_string())
        .unwrap_or_default()
}

/// The format of `export panel`: `--format`, else the one `--out`'s extension names,
/// else CSV for standard output. A known extension that names another format than
/// `--format` is refused: a `.parquet` file holding CSV would mislead every reader.
pub fn panel_format(format: Option<PanelFormat>, path: &Path) -> Result<PanelFormat> {
    let to_stdout = path.as_os_str() == "-";
    let by_extension = PanelFormat::from_extension(path);
    match (format, by_extension) {
        (Some(f), Some(e)) if f != e && !to_stdout => Err(user(format!(
            "--format {} but --out {} names a {} file: drop --format, or change the file name",
            value_name(f),
            path.display(),
            value_name(e)
        ))),
        (Some(f), _) => Ok(f),
        (None, Some(e)) => Ok(e),
        (None, None) if to_stdout => Ok(PanelFormat::Csv),
        (None, None) => Err(user(format!(
            "cannot tell the format of --out {}: end the file name in .csv, .parquet or \
             .sqlite (or .db), or give --format csv|parquet|sqlite",
            path.display()
        ))),
    }
}

/// A byte count for people: `812 bytes`, `41.3 KiB`, `2.0 MiB`.
pub fn human_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        format!("{bytes} bytes")
    } else if b < KIB * KIB {
        format!("{:.1} KiB", b / KIB)
    } else if b < KIB * KIB * KIB {
        format!("{:.1} MiB", b / (KIB * KIB))
    } else {
        format!("{:.1} GiB", b / (KIB * KIB * KIB))
    }
}

/// `1234567` as `1,234,567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut s = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            s.push(',');
        }
        s.push(c);
    }
    s
}

/// `treatywatch export panel`. A file is written beside its destination under a
/// temporary name and renamed when complete, so a failed export leaves no partial file
/// and never harms the file it would replace.
pub fn export(engine: &Engine<'_>, cmd: &ExportCommand, out: &mut impl Write) -> Result<ExitCode> {
    let ExportCommand::Panel {
        treaty,
        all,
        from,
        to,
        granularity,
        as_of,
        format,
        out: path,
        force,
    } = cmd;
    let to_stdout = path.as_os_str() == "-";
    let format = panel_format(*format, path)?;
    if to_stdout && format != PanelFormat::Csv {
        return Err(user("--out -: only CSV can go to standard output"));
    }
    if !to_stdout && !force && path.exists() {
        return Err(user(format!(
            "--out {}: the file exists; give --force to replace it",
            path.display()
        )));
    }
    let treaties: Vec<&Treaty> = if *all {
        // Every treaty with recorded participants.
        engine
            .data()
            .treaties
            .iter()
            .filter(|t| engine.has_actions(t))
            .collect()
    } else if treaty.is_empty() {
        return Err(user("give --treaty T (repeatable) or --all"));
    } else {
        treaty
            .iter()
            .map(|t| treaty_arg(engine, t))
            .collect::<Result<_>>()?
    };
    let g = match granularity {
        Granularity::Year => treatywatch_export::Granularity::Year,
        Granularity::Day => treatywatch_export::Granularity::Day,
    };
    let as_of =
        treatywatch_export::parse_as_of(as_of).map_err(|e| user(format!("--as-of: {e}")))?;
    let periods =
        treatywatch_export::periods(*from, *to, g, as_of).map_err(|e| user(e.to_string()))?;
    // One row per state of the dataset, treaty and period (`for_each_pair`).
    let rows = (treaties.len() * engine.data().states.len() * periods.len()) as u64;
    if to_stdout {
        treatywatch_export::write_csv(out, engine, &treaties, &periods)?;
        return Ok(ExitCode::SUCCESS);
    }
    let name = path
        .file_name()
        .ok_or_else(|| user(format!("--out {}: not a file name", path.display())))?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let partial = dir.join(format!(
        ".{}.partial-{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    let written = (|| -> Result<()> {
        match format {
            PanelFormat::Csv => {
                let file = std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&partial)
                    .with_context(|| format!("creating {}", path.display()))?;
                let mut w = std::io::BufWriter::with_capacity(1 << 20, file);
                treatywatch_export::write_csv(&mut w, engine, &treaties, &periods)?;
                w.flush()
                    .with_context(|| format!("writing {}", path.display()))?;
            }
            PanelFormat::Parquet => {
                treatywatch_export::write_parquet(&partial, engine, &treaties, &periods, g)?;
            }
            PanelFormat::Sqlite => {
                treatywatch_export::write_sqlite(
                    &partial,
                    engine.data(),
                    engine,
                    &treaties,
                    &periods,
                )?;
            }
        }
        if !force && path.exists() {
            return Err(user(format!(
                "--out {}: the file appeared while exporting; give --force to replace it",
                path.display()
            )));
        }
        std::fs::rename(&partial, path)
            .with_context(|| format!("moving the export to {}", path.display()))?;
        Ok(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&partial);
        return Err(e);
    }
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    eprintln!(
        "treatywatch: wrote {} rows ({}, {}) to {}",
        thousands(rows),
        value_name(format),
        human_size(size),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// `treatywatch changes`.
pub fn changes(
    engine: &Engine<'_>,
    treaty: Option<&Treaty>,
    from: Date,
    to: Date,
    format: Format,
    width: Width,
    out: &mut impl Write,
) -> Result<()> {
    if from > to {
        return Err(user(format!("--from {from} is after --to {to}")));
    }
    let treaties: Vec<&Treaty> = match treaty {
        Some(t) => vec![t],
        None => engine
            .data()
            .treaties
            .iter()
            .filter(|t| engine.has_actions(t))
            .collect(),
    };
    let mut all = Vec::new();
    for t in treaties {
        all.extend(engine.changes(t, from, to));
    }
    all.sort_by(|a, b| {
        (a.date, &a.treaty.id, a.state.code).cmp(&(b.date, &b.treaty.id, b.state.code))
    });
    let because = |c: &treatywatch_core::Change<'_>| -> String {
        c.events
            .iter()
            .map(|e| e.text.clone())
            .collect::<Vec<_>>()
            .join("; ")
    };
    match format {
        Format::Json => {
            // With one treaty, the same document as `GET /api/v1/changes`.
            render::json(
                out,
                &json!({
                    "treaty": treaty.map(|t| &t.id),
                    "from": from,
                    "to": to,
                    "changes": all,
                }),
            )?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record([
                "date",
                "state",
                "name",
                "treaty",
                "from",
                "to",
                "because",
                "source_urls",
            ])?;
            for c in &all {
                w.write_record([
                    c.date.to_string(),
                    c.state.code.to_string(),
                    c.state.name.clone(),
                    c.treaty.id.to_string(),
                    c.from.to_string(),
                    c.to.to_string(),
                    because(c),
                    render::urls(&c.sources()),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            writeln!(out, "Status changes from {from} to {to}: {}", all.len())?;
            let mut cites = render::Citations::default();
            for c in &all {
                writeln!(out)?;
                let line = format!(
                    "{}  {} ({})  {}: {} -> {}",
                    c.date, c.state.name, c.state.code, c.treaty.id, c.from, c.to
                );
                width.para(out, "", "    ", &line)?;
                for e in &c.events {
                    let line = format!("{}: {} {}", e.kind.class(), e.text, cites.refs(&e.sources));
                    width.para(out, "  ", "    ", &line)?;
                }
            }
            cites.write_wrapped(out, width)?;
        }
    }
    Ok(())
}
