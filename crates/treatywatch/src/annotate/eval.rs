//! `treatywatch annotate --eval DIR`: runs the annotator over a labelled corpus (every
//! `<stem>.txt` with its `<stem>.toml`), compares its claims with the labels
//! (`treatywatch_annotate::eval`), and prints the measures per article, per language
//! and in total. Limits (`--min-recall` and the others) make it fail, for CI.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use clap::Args;
use serde_json::{Value, json};
use treatywatch_annotate::eval::{self, ArticleScore, Counts, Gate, Labelled, Spurious};
use treatywatch_annotate::{Annotation, Annotator, Options, Verdict};
use treatywatch_core::engine::Engine;

use super::{AnnotateFormat, user};

#[derive(Args, Debug, Default)]
pub struct EvalArgs {
    /// Measure the annotator on a labelled corpus: every <stem>.txt in DIR with its
    /// <stem>.toml (docs/annotate.md). Prints recall, verdict accuracy, false and missed
    /// contradictions and spurious claims, per article, per language and in total.
    #[arg(long, value_name = "DIR")]
    pub eval: Option<PathBuf>,
    /// With --eval: print the totals and the languages only, no line per article.
    #[arg(long)]
    pub summary: bool,
    /// With --eval: fail (exit 1) if recall, in percent, is under this.
    #[arg(long, value_name = "PCT")]
    pub min_recall: Option<f64>,
    /// With --eval: fail if verdict accuracy (of the claims found), in percent, is under this.
    #[arg(long, value_name = "PCT")]
    pub min_accuracy: Option<f64>,
    /// With --eval: fail if spurious claims, in percent of the claims produced, are over this.
    #[arg(long, value_name = "PCT")]
    pub max_spurious: Option<f64>,
    /// With --eval: fail if false contradictions per 40 articles are over this.
    #[arg(long, value_name = "N")]
    pub max_false_contradictions: Option<f64>,
    /// With --eval: hold each language to the limits too, not only the total.
    #[arg(long)]
    pub per_language: bool,
}

impl EvalArgs {
    /// The --eval options make no sense without --eval.
    pub fn check_unused(&self) -> Result<()> {
        if self.summary
            || self.per_language
            || self.min_recall.is_some()
            || self.min_accuracy.is_some()
            || self.max_spurious.is_some()
            || self.max_false_contradictions.is_some()
        {
            return Err(user(
                "--summary, --per-language and the --min-/--max- limits go with --eval DIR",
            ));
        }
        Ok(())
    }

    fn gate(&self) -> Result<Gate> {
        let pct = |v: Option<f64>, name: &str| -> Result<Option<f64>> {
            match v {
                Some(x) if !(0.0..=100.0).contains(&x) => Err(user(format!(
                    "--{name}: {x} is not a percentage from 0 to 100"
                ))),
                Some(x) => Ok(Some(x / 100.0)),
                None => Ok(None),
            }
        };
        if self.max_false_contradictions.is_some_and(|x| x < 0.0) {
            return Err(user(
                "--max-false-contradictions: give a number of 0 or more",
            ));
        }
        Ok(Gate {
            min_recall: pct(self.min_recall, "min-recall")?,
            min_accuracy: pct(self.min_accuracy, "min-accuracy")?,
            max_spurious: pct(self.max_spurious, "max-spurious")?,
            max_false_contradictions_per_40: self.max_false_contradictions,
        })
    }
}

/// One article read and scored.
struct Scored<'d> {
    stem: String,
    text: String,
    labels: Labelled,
    annotation: Annotation<'d>,
    score: ArticleScore,
}

/// The `<stem>.txt`/`<stem>.toml` pairs of a directory, and the files that have no pair.
fn pairs(dir: &Path) -> Result<(Vec<String>, Vec<String>)> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| user(format!("{}: cannot read the directory: {e}", dir.display())))?;
    let mut txt = std::collections::BTreeSet::new();
    let mut toml = std::collections::BTreeSet::new();
    for e in entries {
        let e = e.map_err(|e| user(format!("{}: {e}", dir.display())))?;
        let name = e.file_name().to_string_lossy().to_string();
        if let Some(stem) = name.strip_suffix(".txt") {
            txt.insert(stem.to_string());
        } else if let Some(stem) = name.strip_suffix(".toml") {
            toml.insert(stem.to_string());
        }
    }
    let both: Vec<String> = txt.intersection(&toml).cloned().collect();
    let mut alone = Vec::new();
    for s in txt.difference(&toml) {
        alone.push(format!("{s}.txt has no {s}.toml beside it"));
    }
    for s in toml.difference(&txt) {
        alone.push(format!("{s}.toml has no {s}.txt beside it"));
    }
    Ok((both, alone))
}

fn pct(x: Option<f64>) -> String {
    x.map_or("-".to_string(), |x| format!("{:.1}%", x * 100.0))
}

pub fn run(
    engine: &Engine<'_>,
    dir: &Path,
    args: &EvalArgs,
    format: AnnotateFormat,
    today: treatywatch_core::Date,
    out: &mut impl Write,
) -> Result<ExitCode> {
    if format == AnnotateFormat::Html {
        return Err(user(
            "--eval prints text or JSON (--format text|json), not HTML",
        ));
    }
    let gate = args.gate()?;
    let (stems, alone) = pairs(dir)?;
    let mut problems: Vec<String> = alone
        .into_iter()
        .map(|m| format!("{}: {m}", dir.display()))
        .collect();
    if stems.is_empty() {
        return Err(user(format!(
            "{}: no <stem>.txt with a <stem>.toml beside it; nothing to measure",
            dir.display()
        )));
    }
    let mut annotators: BTreeMap<String, Annotator<'_, '_>> = BTreeMap::new();
    let mut scored: Vec<Scored<'_>> = Vec::new();
    for stem in &stems {
        let txt_path = dir.join(format!("{stem}.txt"));
        let toml_path = dir.join(format!("{stem}.toml"));
        let bytes = match super::read_input(&txt_path) {
            Ok(b) => b,
            Err(e) => {
                problems.push(format!("{e}"));
                continue;
            }
        };
        let Ok(text) = String::from_utf8(bytes) else {
            problems.push(format!("{}: not UTF-8 text", txt_path.display()));
            continue;
        };
        let src = match std::fs::read_to_string(&toml_path) {
            Ok(s) => s,
            Err(e) => {
                problems.push(format!("{}: cannot read: {e}", toml_path.display()));
                continue;
            }
        };
        let labels = match eval::parse(&src, &text) {
            Ok(l) => l,
            Err(errors) => {
                for e in errors {
                    problems.push(format!("{}: {e}", toml_path.display()));
                }
                continue;
            }
        };
        for w in &labels.warnings {
            eprintln!("treatywatch: warning: {}: {w}", toml_path.display());
        }
        for l in &labels.claims {
            if let Some(c) = l.state
                && engine.data().state(c).is_none()
            {
                problems.push(format!(
                    "{}: line {}: claims[{}].state: `{c}` is not a state of the dataset",
                    toml_path.display(),
                    l.line,
                    l.index
                ));
            }
        }
        let treaty = match engine.resolve_treaty(&labels.treaty) {
            Ok(t) => t,
            Err(e) => {
                problems.push(format!("{}: treaty: {e}", toml_path.display()));
                continue;
            }
        };
        let annotator = annotators
            .entry(treaty.id.as_str().to_string())
            .or_insert_with(|| Annotator::new(engine, treaty));
        let opts = Options {
            article_date: Some(labels.date),
            today,
            language: None,
        };
        let annotation = match annotator.annotate(&text, &opts) {
            Ok(a) => a,
            Err(e) => {
                problems.push(format!("{}: {e}", txt_path.display()));
                continue;
            }
        };
        let score = eval::score(&labels, &annotation);
        scored.push(Scored {
            stem: stem.clone(),
            text,
            labels,
            annotation,
            score,
        });
    }

    let mut total = Counts::default();
    for s in &scored {
        total.add(&s.score.counts);
    }
    let by_lang = eval::by_language(scored.iter().map(|s| (s.labels.language, &s.score.counts)));
    let mut failures = gate.failures("total", &total);
    if args.per_language {
        for (l, c) in &by_lang {
            failures.extend(gate.failures(l.name(), c));
        }
    }
    match format {
        AnnotateFormat::Json => {
            let doc = json!({
                "dir": dir.display().to_string(),
                "articles": if args.summary { Value::Null } else {
                    Value::Array(scored.iter().map(article_json).collect())
                },
                "total": counts_json(&total),
                "by_language": by_lang.iter().map(|(l, c)| (l.code().to_string(), counts_json(c))).collect::<serde_json::Map<_, _>>(),
                "problems": problems,
                "failures": failures,
            });
            crate::render::json(out, &doc)?;
        }
        _ => {
            writeln!(
                out,
                "treatywatch annotate --eval {}: {} articles",
                dir.display(),
                scored.len()
            )?;
            if !args.summary {
                writeln!(out)?;
                for s in &scored {
                    article_text(out, s)?;
                }
            }
            writeln!(out)?;
            writeln!(out, "Total")?;
            totals_text(out, &total)?;
            writeln!(out)?;
            writeln!(out, "By language")?;
            writeln!(
                out,
                "  {:<11} {:>8} {:>6} {:>7} {:>9} {:>8} {:>12} {:>9} {:>8} {:>9}",
                "LANGUAGE",
                "ARTICLES",
                "LABELS",
                "RECALL",
                "ACCURACY",
                "FALSE-C",
                "FALSE-C/40",
                "MISSED-C",
                "CLAIMS",
                "SPURIOUS"
            )?;
            for (l, c) in &by_lang {
                writeln!(
                    out,
                    "  {:<11} {:>8} {:>6} {:>7} {:>9} {:>8} {:>12} {:>9} {:>8} {:>9}",
                    l.name(),
                    c.articles,
                    c.labels,
                    pct(c.recall()),
                    pct(c.accuracy()),
                    c.false_contradictions(),
                    c.false_contradictions_per_40()
                        .map_or("-".into(), |x| format!("{x:.2}")),
                    format!("{}/{}", c.missed_contradictions, c.contradictions_due),
                    c.produced,
                    pct(c.spurious_share())
                )?;
            }
        }
    }
    for p in &problems {
        eprintln!("treatywatch: {p}");
    }
    for f in &failures {
        eprintln!("treatywatch: eval: {f}");
    }
    if !problems.is_empty() {
        eprintln!(
            "treatywatch: {} problem{} in the corpus files (above); the articles with them were \
             left out",
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn totals_text(out: &mut impl Write, c: &Counts) -> Result<()> {
    writeln!(
        out,
        "  labelled claims found (recall):    {} ({} of {})",
        pct(c.recall()),
        c.found,
        c.labels
    )?;
    writeln!(
        out,
        "  verdict right, of those found:     {} ({} of {}); kinds agreeing {} of {}",
        pct(c.accuracy()),
        c.verdict_right,
        c.found,
        c.kind_agrees,
        c.found
    )?;
    writeln!(
        out,
        "  false contradictions:              {} ({} on labelled claims true in the world, {} \
         on spurious claims), {} per 40 articles",
        c.false_contradictions(),
        c.false_contradictions_labelled,
        c.false_contradictions_spurious,
        c.false_contradictions_per_40()
            .map_or("-".into(), |x| format!("{x:.2}"))
    )?;
    writeln!(
        out,
        "  missed contradictions:             {} of {} labelled contradicted",
        c.missed_contradictions, c.contradictions_due
    )?;
    writeln!(
        out,
        "  errors in the articles caught:     {} of {} claims false in the world",
        c.errors_caught, c.errors
    )?;
    writeln!(
        out,
        "  spurious claims, of those produced: {} ({} of {})",
        pct(c.spurious_share()),
        c.spurious,
        c.produced
    )?;
    if c.language_wrong > 0 {
        writeln!(
            out,
            "  articles whose language was told wrongly: {}",
            c.language_wrong
        )?;
    }
    Ok(())
}

fn verdict(v: Option<Verdict>) -> &'static str {
    v.map_or("not found", |v| v.as_str())
}

fn one_line(s: &str, max: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        one
    } else {
        format!("{}\u{2026}", one.chars().take(max - 1).collect::<String>())
    }
}

fn article_text(out: &mut impl Write, s: &Scored<'_>) -> Result<()> {
    let c = &s.score.counts;
    writeln!(
        out,
        "{}  [{}{}] labels {}, found {}, right {}, false-c {}, missed-c {}/{}, claims {}, spurious {}",
        s.stem,
        s.labels.language,
        if s.annotation.language != s.labels.language {
            format!(", read as {}", s.annotation.language)
        } else {
            String::new()
        },
        c.labels,
        c.found,
        c.verdict_right,
        c.false_contradictions(),
        c.missed_contradictions,
        c.contradictions_due,
        c.produced,
        c.spurious
    )?;
    for o in &s.score.outcomes {
        let l = &s.labels.claims[o.label - 1];
        let claim = o
            .claim
            .and_then(|id| s.annotation.claims.iter().find(|c| c.id == id));
        let who = l.state.map_or(String::new(), |c| format!(" {c}"));
        match claim {
            None => writeln!(
                out,
                "    missed   label {} ({}{who}, {}): \"{}\"",
                l.index,
                l.kind,
                l.verdict.as_str(),
                one_line(&l.quote, 90)
            )?,
            Some(cl) if cl.verdict != l.verdict => writeln!(
                out,
                "    verdict  label {} ({}{who}): {} where the label says {} [as {} {}]: {}",
                l.index,
                l.kind,
                verdict(Some(cl.verdict)),
                l.verdict.as_str(),
                cl.kind.words(),
                cl.modality.as_str(),
                one_line(&cl.note, 160)
            )?,
            Some(_) => {}
        }
    }
    for (id, why) in &s.score.spurious {
        let Some(cl) = s.annotation.claims.iter().find(|c| c.id == *id) else {
            continue;
        };
        let why = match why {
            Spurious::NoLabel => "no label".to_string(),
            Spurious::Duplicate { label } => format!("a second claim on label {label}"),
            Spurious::Trap { trap } => format!("trap {trap}"),
        };
        let who = cl.state.map_or(String::new(), |c| format!(" {c}"));
        writeln!(
            out,
            "    spurious ({why}) {}{who} [{}] {}: \"{}\"",
            cl.kind.words(),
            cl.modality.as_str(),
            cl.verdict.as_str(),
            one_line(&s.text[cl.span.start..cl.span.end], 90)
        )?;
    }
    Ok(())
}

fn counts_json(c: &Counts) -> Value {
    json!({
        "articles": c.articles,
        "labels": c.labels,
        "found": c.found,
        "recall": c.recall(),
        "verdict_right": c.verdict_right,
        "verdict_accuracy": c.accuracy(),
        "kind_agrees": c.kind_agrees,
        "false_contradictions": c.false_contradictions(),
        "false_contradictions_labelled": c.false_contradictions_labelled,
        "false_contradictions_spurious": c.false_contradictions_spurious,
        "false_contradictions_per_40": c.false_contradictions_per_40(),
        "contradictions_due": c.contradictions_due,
        "missed_contradictions": c.missed_contradictions,
        "errors": c.errors,
        "errors_caught": c.errors_caught,
        "produced": c.produced,
        "spurious": c.spurious,
        "spurious_share": c.spurious_share(),
        "language_wrong": c.language_wrong,
    })
}

fn article_json(s: &Scored<'_>) -> Value {
    json!({
        "stem": s.stem,
        "language": s.labels.language.code(),
        "read_as": s.annotation.language.code(),
        "counts": counts_json(&s.score.counts),
        "labels": s.score.outcomes.iter().map(|o| {
            let l = &s.labels.claims[o.label - 1];
            json!({
                "label": l.index,
                "line": l.line,
                "kind": l.kind,
                "state": l.state.map(|c| c.as_str().to_string()),
                "expected": l.verdict.as_str(),
                "claim": o.claim,
                "verdict": o.verdict.map(|v| v.as_str()),
                "kind_agrees": o.kind_agrees,
            })
        }).collect::<Vec<_>>(),
        "spurious": s.score.spurious.iter().map(|(id, why)| json!({
            "claim": id,
            "why": match why {
                Spurious::NoLabel => "no_label".to_string(),
                Spurious::Duplicate { label } => format!("duplicate of label {label}"),
                Spurious::Trap { trap } => format!("trap {trap}"),
            },
        })).collect::<Vec<_>>(),
    })
}
