//! `treatywatch annotate`: reads an article (a file or standard input, bounded), asks
//! `treatywatch-annotate` for the annotation, and prints it as text, JSON or HTML; with
//! `--eval DIR`, measures the annotator on a labelled corpus ([`eval`]).

mod eval;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::{Args, ValueEnum};
use treatywatch_annotate::{
    Annotation, Annotator, ArticleDateSource, Language, MAX_INPUT_BYTES, Options, Verdict,
};
use treatywatch_core::engine::Engine;
use treatywatch_core::parse_date;

use crate::UserError;
use crate::render::Citations;

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum, Default)]
pub enum AnnotateFormat {
    /// Claims with verdicts, facts and numbered sources, for a terminal.
    #[default]
    Text,
    /// The annotation for programs: mentions, claims with spans, verdicts, facts, sources.
    Json,
    /// A self-contained page: the article marked up with the verdicts beside each claim.
    Html,
}

#[derive(Args, Debug)]
pub struct AnnotateArgs {
    /// The article: a UTF-8 text file, or `-` for standard input (at most 2 MiB).
    #[arg(value_name = "FILE|-", required_unless_present = "eval")]
    pub file: Option<PathBuf>,
    /// The article's date, as YYYY-MM-DD: claims are checked as of this day, and dates
    /// with no year ("on June 29") or relative to it ("on Friday") are placed near it.
    /// Defaults to a dateline in the text, else today.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// The treaty the claims are checked against: an id (apmbc, ccm) or a UN reference.
    #[arg(long, default_value = "apmbc", value_name = "TREATY")]
    pub treaty: String,
    /// The article's language: en, lt, lv, et, fi, pl, uk or ru. Defaults to the
    /// language told from the text.
    #[arg(long, value_name = "CODE")]
    pub language: Option<String>,
    /// text: for people; json: for programs; html: a page to open in a browser
    /// (text or json with `--eval`).
    #[arg(long, value_enum, default_value_t)]
    pub format: AnnotateFormat,
    #[command(flatten)]
    pub eval: eval::EvalArgs,
}

fn user(msg: impl Into<String>) -> anyhow::Error {
    UserError(msg.into()).into()
}

/// Reads at most one byte more than the limit, so a huge input is refused without being
/// read whole.
pub(crate) fn read_input(path: &std::path::Path) -> Result<Vec<u8>> {
    let limit = MAX_INPUT_BYTES as u64;
    let name = path.display();
    let mut buf = Vec::new();
    let too_large = |size: Option<u64>| {
        let size = size.map_or("larger than that".to_string(), |n| format!("{n} bytes"));
        user(format!(
            "{name}: an article may have at most {limit} bytes (2 MiB) and this input is \
             {size}; annotate one article at a time"
        ))
    };
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut buf)?;
        if buf.len() as u64 > limit {
            return Err(too_large(None));
        }
        return Ok(buf);
    }
    let file = std::fs::File::open(path).map_err(|e| user(format!("{name}: cannot open: {e}")))?;
    if let Ok(meta) = file.metadata()
        && meta.is_file()
        && meta.len() > limit
    {
        return Err(too_large(Some(meta.len())));
    }
    file.take(limit + 1)
        .read_to_end(&mut buf)
        .map_err(|e| user(format!("{name}: cannot read: {e}")))?;
    if buf.len() as u64 > limit {
        return Err(too_large(None));
    }
    Ok(buf)
}

pub fn run(
    engine: &Engine<'_>,
    args: AnnotateArgs,
    today: treatywatch_core::Date,
    out: &mut impl Write,
) -> Result<ExitCode> {
    if let Some(dir) = &args.eval.eval {
        if args.file.is_some() || args.date.is_some() || args.language.is_some() {
            return Err(user(
                "--eval reads each article's date and language from its label file: give \
                 --eval DIR alone, without FILE, --date or --language",
            ));
        }
        return eval::run(engine, dir, &args.eval, args.format, today, out);
    }
    args.eval.check_unused()?;
    let file = args
        .file
        .clone()
        .ok_or_else(|| user("give the article: a FILE, or - for standard input"))?;
    let treaty = engine
        .resolve_treaty(&args.treaty)
        .map_err(|e| user(e.to_string()))?;
    let article_date = args
        .date
        .as_deref()
        .map(|d| parse_date(d.trim()).map_err(|e| user(format!("--date: {e}"))))
        .transpose()?;
    let language = args
        .language
        .as_deref()
        .map(|l| Language::parse(l).map_err(|e| user(format!("--language: {e}"))))
        .transpose()?;
    let bytes = read_input(&file)?;
    let annotator = Annotator::new(engine, treaty);
    let opts = Options {
        article_date,
        today,
        language,
    };
    let annotation = annotator
        .annotate_bytes(&bytes, &opts)
        .map_err(|e| user(format!("{}: {e}", file.display())))?;
    let text = std::str::from_utf8(&bytes).expect("checked by the annotator");
    match args.format {
        AnnotateFormat::Text => text_report(out, &annotation)?,
        AnnotateFormat::Json => crate::render::json(
            out,
            &treatywatch_core::Identified::new(engine.data(), &annotation),
        )?,
        AnnotateFormat::Html => {
            out.write_all(treatywatch_annotate::html::page(&annotation, text).as_bytes())?
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn verdict_word(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "SUPPORTED",
        Verdict::Contradicted => "CONTRADICTED",
        Verdict::NotCheckable => "NOT CHECKABLE",
    }
}

/// Shortens a quotation to `max` characters, on one line.
fn quote(s: &str, max: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        one
    } else {
        let cut: String = one.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}\u{2026}")
    }
}

fn text_report(out: &mut impl Write, a: &Annotation<'_>) -> Result<()> {
    let mut cites = Citations::default();
    writeln!(out, "Checked against the {} ({})", a.treaty_name, a.treaty)?;
    let date = match (a.article_date, a.article_date_source) {
        (Some(d), treatywatch_annotate::ArticleDateSource::Given) => format!("{d} (given)"),
        (Some(d), _) => format!("{d} (read from the text)"),
        (None, _) => "none found".to_string(),
    };
    writeln!(
        out,
        "Article date: {date}; claims checked as of {}; today {}",
        a.checked_on, a.today
    )?;
    let how = match a.language_source {
        treatywatch_annotate::LanguageSource::Given => "given",
        treatywatch_annotate::LanguageSource::Detected => "told from the text",
    };
    writeln!(out, "Language: {} ({how})", a.language.name())?;
    for n in &a.notes {
        writeln!(out, "Note: {n}")?;
    }
    if a.article_date_source == ArticleDateSource::None {
        writeln!(
            out,
            "Hint: pass --date YYYY-MM-DD (the article's publication date) to check the claims \
             as of that day."
        )?;
    }
    writeln!(out)?;
    let names: Vec<String> = a
        .states
        .iter()
        .map(|s| format!("{} {} ({})", s.state, s.name, s.mentions))
        .collect();
    writeln!(
        out,
        "States named: {}",
        if names.is_empty() {
            "none".into()
        } else {
            names.join(", ")
        }
    )?;
    let mut treaty_names: Vec<&str> = a.treaty_mentions.iter().map(|t| t.text.as_str()).collect();
    treaty_names.dedup();
    writeln!(
        out,
        "Treaty named {} time{}{}",
        a.treaty_mentions.len(),
        if a.treaty_mentions.len() == 1 {
            ""
        } else {
            "s"
        },
        if treaty_names.is_empty() {
            String::new()
        } else {
            format!(": {}", quote(&treaty_names.join("; "), 160))
        }
    )?;
    let dates: Vec<String> = a
        .dates
        .iter()
        .take(30)
        .map(|d| match (&d.resolved, d.months) {
            (Some(r), _) if r.to_string() != d.text => format!("\"{}\" = {r}", d.text),
            (_, Some(m)) => format!("\"{}\" = {m} months", d.text),
            _ => format!("\"{}\"", d.text),
        })
        .collect();
    writeln!(
        out,
        "Dates: {}",
        if dates.is_empty() {
            "none".into()
        } else {
            dates.join(", ")
        }
    )?;
    writeln!(out)?;
    let s = a.summary;
    writeln!(
        out,
        "Claims: {} ({} supported, {} contradicted, {} not checkable)",
        s.claims, s.supported, s.contradicted, s.not_checkable
    )?;
    for c in &a.claims {
        writeln!(out)?;
        let who = match (&c.state, &c.actor) {
            (Some(s), Some(b)) => format!(" {s} ({b})"),
            (Some(s), None) => format!(" {s}"),
            _ => String::new(),
        };
        let mood = match c.modality {
            treatywatch_annotate::Modality::Asserted => String::new(),
            m => format!(" [{}]", m.as_str()),
        };
        writeln!(
            out,
            "{:>3}. {:<13} {}{who}{mood}",
            c.id,
            verdict_word(c.verdict),
            c.kind.words()
        )?;
        writeln!(
            out,
            "     \"{}\" (bytes {}-{})",
            quote(&c.text, 110),
            c.span.start,
            c.span.end
        )?;
        let refs = if c.sources.is_empty() {
            String::new()
        } else {
            format!(" {}", cites.refs(&c.sources))
        };
        writeln!(out, "     {}{refs}", c.note)?;
        if c.domestic_step_reported_as_legal_act {
            writeln!(out, "     (a domestic step reported as a legal act)")?;
        }
        for f in &c.facts {
            writeln!(out, "       - {}", f.line())?;
        }
    }
    if !a.states.is_empty() {
        writeln!(out)?;
        let then = a.article_date.map_or("-".to_string(), |d| d.to_string());
        writeln!(
            out,
            "States named, on the article date ({then}) and today ({}):",
            a.today
        )?;
        for card in &a.states {
            let on = card
                .on_article_date
                .as_ref()
                .map_or("-".to_string(), |r| r.status.to_string());
            let refs = cites.refs(&card.today.sources);
            writeln!(
                out,
                "  {} {:<28} {:<20} {:<20} {refs}",
                card.state,
                quote(&card.name, 28),
                on,
                card.today.status.to_string()
            )?;
        }
    }
    cites.write(out)?;
    Ok(())
}
