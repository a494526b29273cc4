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
use treatywatch_untc::{Capture, Difference, FileReport, Import, Reconcile};

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
/// The capture range of `--captured FROM/TO`, else unknown up to today.
fn capture_arg(captured: Option<&str>, flag: &str) -> Result<Capture> {
    match captured {
        Some(c) => Capture::parse(c).map_err(|e| user(format!("{flag}: {e}"))),
        None => Ok(Capture {
            from: None,
            to: Some(crate::commands::today()),
        }),
    }
}

/// An import and the dataset it gives.
struct Imported {
    import: Import,
    merged: Vec<DataFile>,
    index_problems: Vec<String>,
    reconcile: Vec<Reconcile>,
}

fn import_tables(
    dir: Option<&Path>,
    paths: &[PathBuf],
    index: Option<&Path>,
    capture: Capture,
) -> Result<Imported> {
    let files = base_files(dir)?;
    let base = treatywatch_data::parse(&files).map_err(|e| user(e.to_string()))?;
    let (tables, index, index_problems) =
        treatywatch_untc::read_paths(paths, index).map_err(user)?;
    let mut import = treatywatch_untc::import(&tables, &index, &base);
    import.capture = capture;
    let merged = treatywatch_untc::merged_files(&files, &base, &import);
    let reconcile = import.reconcile(&base);
    Ok(Imported {
        import,
        merged,
        index_problems,
        reconcile,
    })
}

/// The dataset with UN tables imported for one command (`--untc`). Says on standard
/// error how the tables met the curated record, and how current they are.
pub fn load_with_untc(
    dir: Option<&Path>,
    paths: &[PathBuf],
    captured: Option<&str>,
) -> Result<Dataset> {
    let capture = capture_arg(captured, "--untc-captured")?;
    let Imported {
        import,
        merged,
        reconcile,
        ..
    } = import_tables(dir, paths, None, capture)?;
    if let Some(bad) = import.reports.iter().find(|r| r.error.is_some()) {
        return Err(user(format!(
            "--untc: {}: {}",
            bad.path,
            bad.error.as_deref().unwrap_or("")
        )));
    }
    for line in untc_warnings(&import, &reconcile, captured.is_some()) {
        eprintln!("treatywatch: --untc: {line}");
    }
    treatywatch_data::parse(&merged).map_err(|e| {
        user(format!(
            "--untc: the imported tables do not load: {e}run `treatywatch import untc` for the report"
        ))
    })
}

/// What a run with `--untc` says on standard error: the curated treaties kept and the
/// differences, and the capture days.
pub fn untc_warnings(import: &Import, reconcile: &[Reconcile], captured: bool) -> Vec<String> {
    let mut out = Vec::new();
    if !reconcile.is_empty() {
        let parts: Vec<String> = reconcile
            .iter()
            .map(|r| {
                let added = r
                    .differences
                    .iter()
                    .filter(|d| matches!(d, Difference::TableOnly { .. }))
                    .count();
                format!(
                    "{} ({} agree, {} added from the table, {} other differences, {} later \
                     curated actions)",
                    r.treaty,
                    r.agreed,
                    added,
                    r.differences.len() - added,
                    r.later
                )
            })
            .collect();
        out.push(format!(
            "kept the curated record of {}; `treatywatch import untc PATH --reconcile` lists \
             every difference",
            parts.join(", ")
        ));
    }
    let bounded = import
        .treaties
        .iter()
        .filter(|t| reconcile.iter().all(|r| r.treaty != t.id))
        .count();
    if bounded > 0 {
        out.push(format!(
            "{bounded} treaties are known only from the tables: after each table's capture \
             their status is `unknown`{}",
            if captured {
                ""
            } else {
                " (no --untc-captured FROM/TO: each table is taken to speak only up to its \
                 latest entry)"
            }
        ));
    }
    out
}

/// The reconcile report: every difference between the curated record and the tables.
pub fn reconcile_text(reconcile: &[Reconcile]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "\nReconcile: curated treaties and their tables (the curated record is kept; the \
         table adds only what no curated action of the same class answers)"
    );
    if reconcile.is_empty() {
        let _ = writeln!(s, "  no imported table is of a curated treaty");
    }
    for r in reconcile {
        let _ = writeln!(
            s,
            "\n  {} ({}): {} actions agree, {} differences, {} curated signatures and instruments \
             dated after the table's earliest possible capture",
            r.treaty,
            file_name(&r.path),
            r.agreed,
            r.differences.len(),
            r.later
        );
        for d in &r.differences {
            let _ = writeln!(s, "    {}", d.describe());
        }
    }
    s
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

fn report_json(import: &Import, reconcile: &[Reconcile]) -> serde_json::Value {
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
        "reconcile": reconcile.iter().map(|r| json!({
            "treaty": r.treaty.0,
            "path": r.path,
            "agreed": r.agreed,
            "later_curated_actions": r.later,
            "differences": r.differences.iter().map(|d| {
                let (kind, state, action, curated, table) = match d {
                    Difference::DateDiffers { state, kind, curated, table } =>
                        ("date_differs", state, kind, Some(curated), Some(table)),
                    Difference::TableOnly { state, kind, date } =>
                        ("table_only", state, kind, None, Some(date)),
                    Difference::CuratedOnly { state, kind, date } =>
                        ("curated_only", state, kind, Some(date), None),
                };
                json!({"difference": kind, "state": state, "action": action.as_str(),
                       "curated": curated, "table": table, "resolution": d.describe()})
            }).collect::<Vec<_>>(),
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
        captured,
        reconcile: show_reconcile,
    } = cmd;
    let capture = capture_arg(captured.as_deref(), "--captured")?;
    let Imported {
        import,
        merged,
        index_problems,
        reconcile,
    } = import_tables(dir, paths, index.as_deref(), capture)?;
    let text = report_text(&import, &index_problems);
    let reconciled = reconcile_text(&reconcile);
    match format {
        Format::Json => render::json(out, &report_json(&import, &reconcile))?,
        _ => {
            write!(out, "{text}")?;
            if *show_reconcile {
                write!(out, "{reconciled}")?;
            }
        }
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
        let report = format!("# Import report\n\n```\n{text}{reconciled}```\n");
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
/// `treatywatch treaties`: every treaty with its names, UN reference, whether its record
/// is curated or imported, and how current it is.
pub fn treaties(
    engine: &Engine<'_>,
    format: Format,
    width: Width,
    out: &mut impl Write,
) -> Result<()> {
    let data = engine.data();
    let latest = data.latest_fact();
    let rows: Vec<serde_json::Value> = data
        .treaties
        .iter()
        .map(|t| {
            let actions = engine.has_actions(t);
            let record = match (actions, t.known_until) {
                (false, _) => "rules_only",
                (true, Some(_)) => "imported",
                (true, None) => "curated",
            };
            let rules_known = !matches!(
                t.rules.entry_into_force,
                treatywatch_core::rules::EntryIntoForceRule::Unknown
            );
            json!({
                "id": t.id,
                "name": t.name,
                "short_name": t.short_name,
                "untc": t.untc,
                "aliases": t.aliases,
                "record": record,
                "known_until": t.known_until.or(if actions { latest } else { None }),
                "current": actions && t.known_until.is_none(),
                "rules_known": rules_known,
            })
        })
        .collect();
    match format {
        Format::Json => render::json(out, &json!({"dataset": data.identity(), "treaties": rows}))?,
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut *out);
            w.write_record([
                "id",
                "short_name",
                "name",
                "untc",
                "aliases",
                "record",
                "known_until",
                "rules_known",
            ])?;
            for r in &rows {
                let s = |k: &str| r[k].as_str().unwrap_or("").to_string();
                let aliases: Vec<&str> = r["aliases"]
                    .as_array()
                    .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
                    .unwrap_or_default();
                w.write_record([
                    s("id"),
                    s("short_name"),
                    s("name"),
                    s("untc"),
                    aliases.join("; "),
                    s("record"),
                    s("known_until"),
                    r["rules_known"].to_string(),
                ])?;
            }
            w.flush()?;
        }
        Format::Table => {
            let mut t = Grid::new(vec![
                Column::keep("ID"),
                Column::keep("UN REF"),
                Column::wrap("SHORT NAME", 16, Some(48)),
                Column::keep("RECORD"),
                Column::keep("KNOWN UNTIL"),
                Column::wrap("RULES", 8, None).priority(1),
            ]);
            for r in &rows {
                let s = |k: &str| r[k].as_str().unwrap_or("-").to_string();
                t.row([
                    s("id"),
                    s("untc"),
                    s("short_name"),
                    s("record"),
                    s("known_until"),
                    if r["rules_known"] == json!(true) {
                        "known".into()
                    } else {
                        "entry into force unknown".into()
                    },
                ]);
            }
            let current = rows.iter().filter(|r| r["current"] == json!(true)).count();
            let imported = rows
                .iter()
                .filter(|r| r["record"] == json!("imported"))
                .count();
            let only = rows
                .iter()
                .filter(|r| r["record"] == json!("rules_only"))
                .count();
            writeln!(
                out,
                "{} treaties: {current} curated to the dataset's latest fact ({}), {imported} \
                 known from imported tables up to their capture, {only} with rules but no \
                 record (import their tables with --untc)\n",
                rows.len(),
                latest.map_or("-".into(), |d| d.to_string())
            )?;
            t.write(out, width)?;
            writeln!(
                out,
                "\n--treaty takes an id, a UN reference or any name: `--treaty \"Ottawa \
                 Convention\"`. `--format json` adds every alias."
            )?;
        }
    }
    Ok(())
}

/// `treatywatch export panel`.
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
    if to_stdout {
        treatywatch_export::write_csv(out, engine, &treaties, &periods)?;
        return Ok(ExitCode::SUCCESS);
    }
    // One row per treaty, period and actor existing on the period's day
    // (`for_each_pair`).
    let actors = treatywatch_export::actors(engine);
    let rows = treaties.len() as u64
        * periods
            .iter()
            .map(|(_, day)| actors.iter().filter(|a| a.exists(*day)).count() as u64)
            .sum::<u64>();
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
    // The dataset's identity beside a CSV: PANEL.csv -> PANEL.metadata.json (not beside
    // a device such as /dev/null). Parquet and SQLite carry it inside.
    if format == PanelFormat::Csv && std::fs::metadata(path).is_ok_and(|m| m.is_file()) {
        let meta_path = path.with_extension("metadata.json");
        let mut m = std::fs::File::create(&meta_path)
            .with_context(|| format!("creating {}", meta_path.display()))?;
        let meta = treatywatch_export::metadata(engine.data(), &treaties, &periods);
        treatywatch_export::write_metadata_json(&mut m, &meta)?;
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
                    "dataset": engine.data().identity(),
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
