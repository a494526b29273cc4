//! Measuring the annotator on a labelled corpus (`treatywatch annotate --eval DIR`).
//!
//! A corpus article is two files with one stem: `<stem>.txt`, the text, and
//! `<stem>.toml`, its date, language, treaty and labels: one `[[claims]]` table per
//! checkable claim and state (quote, state, kind, the verdict a careful checker gives
//! against the record, and whether the claim is true in the world), and `[[traps]]`,
//! text that must give no claim. The format is documented in `docs/annotate.md`.
//!
//! This module is pure like the rest of the crate: [`parse`] reads the label file's
//! text (with the article's text, to place each quote), [`score`] compares an
//! [`Annotation`] with the labels. Reading the files and printing is the CLI's work.
//!
//! **Matching.** A produced claim matches a label when its span overlaps the label's
//! quote (its `occurrence`-th place in the text) and both name the same state (or both
//! none). One sentence with a list ("Poland, Latvia and Estonia withdrew") is one label
//! per state with the same quote, and the annotator gives one claim per state, each
//! spanning its own state's name and the verb: each pairs with the label of its state.
//! Pairs are made one to one, greedily: a pair whose kinds agree (see [`kinds_agree`])
//! before one whose kinds differ, then the larger overlap. A claim left over is
//! *spurious*: it matches no label, or only a label already paired (a duplicate), or
//! it overlaps a trap.
//!
//! **Measures.** Recall: labels paired, of all labels. Verdict accuracy: paired labels
//! whose claim has the label's verdict. False contradictions: claims `contradicted`
//! whose label is true in the world (`truth = "true"`), plus spurious claims
//! `contradicted` (a contradiction where the article claimed nothing checkable).
//! Missed contradictions: labels `contradicted` whose claim is not (or that were not
//! found). Errors caught: labels false in the world whose claim is `contradicted`.
//! Spurious share: spurious claims, of all claims produced.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use toml::Spanned;
use treatywatch_core::{Date, StateCode, parse_date};

use crate::lang::Language;
use crate::model::{Annotation, Claim, ClaimKind, Span, Verdict};

/// The kinds a label may have, as `FORMAT.md` lists them.
pub const LABEL_KINDS: &[&str] = &[
    "signed",
    "ratified",
    "joined",
    "eif_state",
    "not_signed",
    "not_party",
    "withdrawal_notified",
    "withdrew",
    "withdrawal_effect",
    "withdrawal_intent",
    "suspended",
    "domestic_step",
    "count",
    "group_rank",
    "treaty_fact",
    "treaty_rule",
    "obligation",
    "stockpile",
    "production",
    "use",
];

/// The outlet types.
pub const OUTLETS: &[&str] = &[
    "wire",
    "national",
    "regional",
    "ngo",
    "opinion",
    "explainer",
    "official",
    "local",
];

/// Whether the claim is true in the world.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Truth {
    True,
    False,
    Unknown,
}

/// One labelled claim.
#[derive(Clone, Debug)]
pub struct Label {
    /// 1, 2, 3... in the file's order.
    pub index: usize,
    /// The line of its `[[claims]]` header in the label file.
    pub line: usize,
    pub quote: String,
    /// Where the quote is in the text.
    pub span: Span,
    pub state: Option<StateCode>,
    pub kind: String,
    pub verdict: Verdict,
    pub truth: Truth,
    pub reason: String,
}

/// Text that must give no claim.
#[derive(Clone, Debug)]
pub struct Trap {
    pub index: usize,
    pub line: usize,
    pub quote: String,
    pub span: Span,
    pub reason: String,
}

/// A label file, read and checked against its text.
#[derive(Clone, Debug)]
pub struct Labelled {
    pub language: Language,
    pub outlet: Option<String>,
    pub date: Date,
    pub treaty: String,
    pub claims: Vec<Label>,
    pub traps: Vec<Trap>,
    /// Keys the format does not define: not errors, but said.
    pub warnings: Vec<String>,
}

/// What is wrong in a label file: the line (1-based) when known, the field, the problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorpusError {
    pub line: Option<usize>,
    pub field: String,
    pub message: String,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}: {}: {}", self.field, self.message),
            None => write!(f, "{}: {}", self.field, self.message),
        }
    }
}

#[derive(Deserialize)]
struct RawFile {
    language: Option<Spanned<String>>,
    outlet: Option<Spanned<String>>,
    date: Option<Spanned<String>>,
    treaty: Option<Spanned<String>>,
    #[serde(default)]
    claims: Vec<Spanned<RawClaim>>,
    #[serde(default)]
    traps: Vec<Spanned<RawTrap>>,
}

#[derive(Deserialize)]
struct RawClaim {
    quote: Option<Spanned<String>>,
    occurrence: Option<Spanned<i64>>,
    state: Option<Spanned<String>>,
    kind: Option<Spanned<String>>,
    verdict: Option<Spanned<String>>,
    truth: Option<Spanned<String>>,
    reason: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct RawTrap {
    quote: Option<Spanned<String>>,
    occurrence: Option<Spanned<i64>>,
    reason: Option<Spanned<String>>,
}

const FILE_KEYS: &[&str] = &[
    "language",
    "outlet",
    "date",
    "treaty",
    "modelled_on",
    "claims",
    "traps",
];
const CLAIM_KEYS: &[&str] = &[
    "quote",
    "occurrence",
    "state",
    "kind",
    "verdict",
    "truth",
    "reason",
];
const TRAP_KEYS: &[&str] = &["quote", "occurrence", "reason"];

/// The 1-based line of a byte offset.
fn line_of(src: &str, offset: usize) -> usize {
    src.as_bytes()[..offset.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Where the `n`-th (1-based) occurrence of `quote` is in `text`.
fn locate(text: &str, quote: &str, n: usize) -> Result<Span, String> {
    if quote.is_empty() {
        return Err("the quote is empty".into());
    }
    let mut from = 0;
    let mut found = 0;
    while let Some(i) = text[from..].find(quote) {
        let start = from + i;
        found += 1;
        if found == n {
            return Ok(Span::new(start, start + quote.len()));
        }
        from = start + quote[..].chars().next().map_or(1, char::len_utf8);
    }
    Err(if found == 0 {
        format!(
            "`{}` is not in the article's text (it must be an exact substring)",
            shorten(quote)
        )
    } else {
        format!(
            "`{}` occurs {found} time{} in the text, so there is no occurrence {n}",
            shorten(quote),
            if found == 1 { "" } else { "s" }
        )
    })
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 60 {
        s.to_string()
    } else {
        format!("{}\u{2026}", s.chars().take(59).collect::<String>())
    }
}

/// Reads a label file's text (`src`) against its article's text.
pub fn parse(src: &str, text: &str) -> Result<Labelled, Vec<CorpusError>> {
    let raw: RawFile = toml::from_str(src).map_err(|e| {
        let line = e.span().map(|s| line_of(src, s.start));
        // The key written on that line, when there is one: "truth = true".
        let field = line
            .and_then(|l| src.lines().nth(l - 1))
            .and_then(|t| t.split_once('='))
            .map(|(k, _)| k.trim().to_string())
            .filter(|k| !k.is_empty() && !k.contains(['[', ' ']))
            .unwrap_or_else(|| "(file)".into());
        vec![CorpusError {
            line,
            field,
            message: format!("not valid TOML for a label file: {}", e.message()),
        }]
    })?;
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let err = |errors: &mut Vec<CorpusError>, at: Option<usize>, field: String, msg: String| {
        errors.push(CorpusError {
            line: at.map(|o| line_of(src, o)),
            field,
            message: msg,
        })
    };

    // Keys the format does not define.
    if let Ok(table) = src.parse::<toml::Table>() {
        for k in table.keys() {
            if !FILE_KEYS.contains(&k.as_str()) {
                warnings.push(format!("unknown key `{k}` (ignored)"));
            }
        }
        for (name, keys) in [("claims", CLAIM_KEYS), ("traps", TRAP_KEYS)] {
            if let Some(toml::Value::Array(items)) = table.get(name) {
                for (i, item) in items.iter().enumerate() {
                    if let toml::Value::Table(t) = item {
                        for k in t.keys() {
                            if !keys.contains(&k.as_str()) {
                                warnings.push(format!(
                                    "{name}[{}]: unknown key `{k}` (ignored)",
                                    i + 1
                                ));
                            }
                        }
                    }
                }
            }
        }
    }

    let language = match &raw.language {
        None => {
            err(
                &mut errors,
                None,
                "language".into(),
                "missing: give one of en, lt, lv, et, fi, pl, uk, ru".into(),
            );
            Language::En
        }
        Some(l) => Language::parse(l.get_ref()).unwrap_or_else(|e| {
            err(&mut errors, Some(l.span().start), "language".into(), e);
            Language::En
        }),
    };
    let date = match &raw.date {
        None => {
            err(
                &mut errors,
                None,
                "date".into(),
                "missing: the article's publication date, YYYY-MM-DD".into(),
            );
            None
        }
        Some(d) => match parse_date(d.get_ref().trim()) {
            Ok(d) => Some(d),
            Err(e) => {
                err(
                    &mut errors,
                    Some(d.span().start),
                    "date".into(),
                    e.to_string(),
                );
                None
            }
        },
    };
    let outlet = raw.outlet.as_ref().map(|o| {
        if !OUTLETS.contains(&o.get_ref().as_str()) {
            err(
                &mut errors,
                Some(o.span().start),
                "outlet".into(),
                format!(
                    "unknown outlet `{}`: expected one of {}",
                    o.get_ref(),
                    OUTLETS.join(", ")
                ),
            );
        }
        o.get_ref().clone()
    });
    let treaty = raw
        .treaty
        .as_ref()
        .map_or_else(|| "apmbc".to_string(), |t| t.get_ref().clone());

    let mut claims = Vec::new();
    for (i, c) in raw.claims.iter().enumerate() {
        let at = c.span().start;
        let line = line_of(src, at);
        let field = |f: &str| format!("claims[{}].{f}", i + 1);
        let c = c.get_ref();
        let need = |errors: &mut Vec<CorpusError>, v: &Option<Spanned<String>>, f: &str| {
            if v.is_none() {
                err(errors, Some(at), field(f), "missing".into());
            }
        };
        need(&mut errors, &c.quote, "quote");
        need(&mut errors, &c.kind, "kind");
        need(&mut errors, &c.verdict, "verdict");
        need(&mut errors, &c.truth, "truth");
        let occurrence = match &c.occurrence {
            Some(o) if *o.get_ref() < 1 => {
                err(
                    &mut errors,
                    Some(o.span().start),
                    field("occurrence"),
                    format!("{} is not an occurrence: count from 1", o.get_ref()),
                );
                1
            }
            Some(o) => *o.get_ref() as usize,
            None => 1,
        };
        let span = c.quote.as_ref().and_then(|q| {
            locate(text, q.get_ref(), occurrence)
                .map_err(|m| err(&mut errors, Some(q.span().start), field("quote"), m))
                .ok()
        });
        let state = c.state.as_ref().and_then(|s| {
            let code = s.get_ref().trim();
            match code.parse::<StateCode>() {
                Ok(c) if code.chars().all(|c| c.is_ascii_uppercase()) => Some(c),
                _ => {
                    err(
                        &mut errors,
                        Some(s.span().start),
                        field("state"),
                        format!(
                            "`{code}` is not an ISO 3166-1 alpha-3 code in capitals (FIN, UKR)"
                        ),
                    );
                    None
                }
            }
        });
        let kind = c.kind.as_ref().map(|k| {
            if !LABEL_KINDS.contains(&k.get_ref().as_str()) {
                err(
                    &mut errors,
                    Some(k.span().start),
                    field("kind"),
                    format!(
                        "unknown kind `{}`: expected one of {}",
                        k.get_ref(),
                        LABEL_KINDS.join(", ")
                    ),
                );
            }
            k.get_ref().clone()
        });
        let verdict = c.verdict.as_ref().and_then(|v| match v.get_ref().as_str() {
            "supported" => Some(Verdict::Supported),
            "contradicted" => Some(Verdict::Contradicted),
            "not_checkable" => Some(Verdict::NotCheckable),
            other => {
                err(
                    &mut errors,
                    Some(v.span().start),
                    field("verdict"),
                    format!(
                        "unknown verdict `{other}`: expected supported, contradicted or not_checkable"
                    ),
                );
                None
            }
        });
        let truth = c.truth.as_ref().and_then(|t| match t.get_ref().as_str() {
            "true" => Some(Truth::True),
            "false" => Some(Truth::False),
            "unknown" => Some(Truth::Unknown),
            other => {
                err(
                    &mut errors,
                    Some(t.span().start),
                    field("truth"),
                    format!(
                        "unknown truth `{other}`: expected \"true\", \"false\" or \"unknown\" (a string)"
                    ),
                );
                None
            }
        });
        if let (Some(span), Some(kind), Some(verdict), Some(truth)) = (span, kind, verdict, truth) {
            claims.push(Label {
                index: i + 1,
                line,
                quote: c
                    .quote
                    .as_ref()
                    .map(|q| q.get_ref().clone())
                    .unwrap_or_default(),
                span,
                state,
                kind,
                verdict,
                truth,
                reason: c
                    .reason
                    .as_ref()
                    .map(|r| r.get_ref().clone())
                    .unwrap_or_default(),
            });
        }
    }
    let mut traps = Vec::new();
    for (i, t) in raw.traps.iter().enumerate() {
        let at = t.span().start;
        let field = format!("traps[{}].quote", i + 1);
        let t = t.get_ref();
        let occurrence = t
            .occurrence
            .as_ref()
            .map_or(1, |o| (*o.get_ref()).max(1) as usize);
        match &t.quote {
            None => err(&mut errors, Some(at), field, "missing".into()),
            Some(q) => match locate(text, q.get_ref(), occurrence) {
                Ok(span) => traps.push(Trap {
                    index: i + 1,
                    line: line_of(src, at),
                    quote: q.get_ref().clone(),
                    span,
                    reason: t
                        .reason
                        .as_ref()
                        .map(|r| r.get_ref().clone())
                        .unwrap_or_default(),
                }),
                Err(m) => err(&mut errors, Some(q.span().start), field, m),
            },
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Labelled {
        language,
        outlet,
        date: date.expect("checked"),
        treaty,
        claims,
        traps,
        warnings,
    })
}

/// Whether a produced claim's kind can be what a label's kind names.
pub fn kinds_agree(label: &str, kind: ClaimKind) -> bool {
    use ClaimKind as K;
    match label {
        "signed" => matches!(kind, K::Signed),
        "ratified" | "joined" => matches!(kind, K::Ratified | K::Joined),
        "eif_state" => matches!(kind, K::EntryIntoForce | K::Joined | K::Ratified),
        "not_signed" | "not_party" => matches!(kind, K::NotSigned | K::NotJoined),
        "withdrawal_notified" | "withdrew" | "withdrawal_effect" => matches!(
            kind,
            K::Withdrew | K::WithdrawalNotified | K::WithdrawalEffect
        ),
        "withdrawal_intent" => matches!(kind, K::IntendsToWithdraw),
        "suspended" => matches!(kind, K::Suspended),
        "domestic_step" => matches!(kind, K::Decree | K::Law | K::Vote | K::Decision),
        "count" => matches!(kind, K::Count),
        "group_rank" => matches!(kind, K::GroupRank),
        "treaty_fact" => matches!(
            kind,
            K::TreatyAdopted | K::TreatyOpened | K::EntryIntoForce | K::TreatyRule
        ),
        "treaty_rule" => matches!(kind, K::TreatyRule | K::WithdrawalPeriod),
        "obligation" => matches!(kind, K::Obligation | K::Stockpile),
        "stockpile" => matches!(kind, K::Stockpile | K::Obligation),
        "production" => matches!(kind, K::Production | K::Arsenal),
        "use" => matches!(kind, K::Use),
        _ => false,
    }
}

/// Why a produced claim is spurious.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Spurious {
    /// It matches no label.
    NoLabel,
    /// It matches only a label already paired with another claim.
    Duplicate { label: usize },
    /// It overlaps a trap.
    Trap { trap: usize },
}

/// What became of one label.
#[derive(Clone, Debug)]
pub struct LabelOutcome {
    pub label: usize,
    /// The id of the claim it was paired with.
    pub claim: Option<usize>,
    pub verdict: Option<Verdict>,
    pub kind_agrees: bool,
}

/// The counts behind the measures; they add up over articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub articles: usize,
    pub labels: usize,
    pub found: usize,
    pub verdict_right: usize,
    pub kind_agrees: usize,
    /// Labels `contradicted` (the record disagrees with the article).
    pub contradictions_due: usize,
    pub missed_contradictions: usize,
    /// Paired claims `contradicted` whose label is true in the world.
    pub false_contradictions_labelled: usize,
    /// Spurious claims `contradicted`.
    pub false_contradictions_spurious: usize,
    /// Labels false in the world.
    pub errors: usize,
    pub errors_caught: usize,
    pub produced: usize,
    pub spurious: usize,
    /// Articles whose language was told wrongly.
    pub language_wrong: usize,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.articles += o.articles;
        self.labels += o.labels;
        self.found += o.found;
        self.verdict_right += o.verdict_right;
        self.kind_agrees += o.kind_agrees;
        self.contradictions_due += o.contradictions_due;
        self.missed_contradictions += o.missed_contradictions;
        self.false_contradictions_labelled += o.false_contradictions_labelled;
        self.false_contradictions_spurious += o.false_contradictions_spurious;
        self.errors += o.errors;
        self.errors_caught += o.errors_caught;
        self.produced += o.produced;
        self.spurious += o.spurious;
        self.language_wrong += o.language_wrong;
    }

    pub fn false_contradictions(&self) -> usize {
        self.false_contradictions_labelled + self.false_contradictions_spurious
    }

    fn ratio(a: usize, b: usize) -> Option<f64> {
        (b > 0).then(|| a as f64 / b as f64)
    }

    /// Labels found, of all labels.
    pub fn recall(&self) -> Option<f64> {
        Counts::ratio(self.found, self.labels)
    }

    /// Verdicts right, of labels found.
    pub fn accuracy(&self) -> Option<f64> {
        Counts::ratio(self.verdict_right, self.found)
    }

    /// Spurious claims, of claims produced.
    pub fn spurious_share(&self) -> Option<f64> {
        Counts::ratio(self.spurious, self.produced)
    }

    /// False contradictions per 40 articles.
    pub fn false_contradictions_per_40(&self) -> Option<f64> {
        Counts::ratio(self.false_contradictions() * 40, self.articles)
    }
}

/// One article scored.
#[derive(Clone, Debug)]
pub struct ArticleScore {
    pub counts: Counts,
    pub outcomes: Vec<LabelOutcome>,
    /// Spurious claims: the claim's id and why.
    pub spurious: Vec<(usize, Spurious)>,
}

fn overlap(a: Span, b: Span) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Scores an annotation against its labels.
pub fn score(l: &Labelled, a: &Annotation<'_>) -> ArticleScore {
    let claims: &[Claim<'_>] = &a.claims;
    // Candidate pairs: same state, overlapping spans.
    let mut pairs: Vec<(bool, usize, usize, usize)> = Vec::new();
    for (ci, c) in claims.iter().enumerate() {
        for (li, lab) in l.claims.iter().enumerate() {
            if c.state == lab.state && overlaps(c.span, lab.span) {
                pairs.push((
                    kinds_agree(&lab.kind, c.kind),
                    overlap(c.span, lab.span),
                    ci,
                    li,
                ));
            }
        }
    }
    pairs.sort_by(|x, y| {
        (y.0, y.1)
            .cmp(&(x.0, x.1))
            .then((x.2, x.3).cmp(&(y.2, y.3)))
    });
    let mut claim_of_label: Vec<Option<(usize, bool)>> = vec![None; l.claims.len()];
    let mut label_of_claim: Vec<Option<usize>> = vec![None; claims.len()];
    for (agree, _, ci, li) in pairs {
        if claim_of_label[li].is_none() && label_of_claim[ci].is_none() {
            claim_of_label[li] = Some((ci, agree));
            label_of_claim[ci] = Some(li);
        }
    }
    let mut k = Counts {
        articles: 1,
        labels: l.claims.len(),
        produced: claims.len(),
        language_wrong: usize::from(a.language != l.language),
        ..Counts::default()
    };
    let mut outcomes = Vec::new();
    for (li, lab) in l.claims.iter().enumerate() {
        let paired = claim_of_label[li].map(|(ci, agree)| (&claims[ci], agree));
        let verdict = paired.map(|(c, _)| c.verdict);
        if lab.verdict == Verdict::Contradicted {
            k.contradictions_due += 1;
            if verdict != Some(Verdict::Contradicted) {
                k.missed_contradictions += 1;
            }
        }
        if lab.truth == Truth::False {
            k.errors += 1;
            if verdict == Some(Verdict::Contradicted) {
                k.errors_caught += 1;
            }
        }
        if let Some((c, agree)) = paired {
            k.found += 1;
            k.verdict_right += usize::from(c.verdict == lab.verdict);
            k.kind_agrees += usize::from(agree);
            if lab.truth == Truth::True && c.verdict == Verdict::Contradicted {
                k.false_contradictions_labelled += 1;
            }
        }
        outcomes.push(LabelOutcome {
            label: lab.index,
            claim: paired.map(|(c, _)| c.id),
            verdict,
            kind_agrees: paired.is_some_and(|(_, a)| a),
        });
    }
    let mut spurious = Vec::new();
    for (ci, c) in claims.iter().enumerate() {
        if label_of_claim[ci].is_some() {
            continue;
        }
        let why = if let Some(t) = l.traps.iter().find(|t| overlaps(c.span, t.span)) {
            Spurious::Trap { trap: t.index }
        } else if let Some(lab) = l
            .claims
            .iter()
            .find(|lab| lab.state == c.state && overlaps(c.span, lab.span))
        {
            Spurious::Duplicate { label: lab.index }
        } else {
            Spurious::NoLabel
        };
        k.spurious += 1;
        if c.verdict == Verdict::Contradicted {
            k.false_contradictions_spurious += 1;
        }
        spurious.push((c.id, why));
    }
    ArticleScore {
        counts: k,
        outcomes,
        spurious,
    }
}

/// Limits a run must meet; `None` is no limit.
#[derive(Clone, Copy, Debug, Default)]
pub struct Gate {
    /// Minimum recall, as a share (0.8).
    pub min_recall: Option<f64>,
    pub min_accuracy: Option<f64>,
    /// Maximum spurious share (0.05).
    pub max_spurious: Option<f64>,
    /// Maximum false contradictions per 40 articles.
    pub max_false_contradictions_per_40: Option<f64>,
}

impl Gate {
    /// What a set of counts fails, in words; empty when it passes.
    pub fn failures(&self, what: &str, c: &Counts) -> Vec<String> {
        let mut out = Vec::new();
        let pct = |x: f64| format!("{:.1}%", x * 100.0);
        if let (Some(min), Some(r)) = (self.min_recall, c.recall())
            && r < min
        {
            out.push(format!("{what}: recall {} is under {}", pct(r), pct(min)));
        }
        if let (Some(min), Some(r)) = (self.min_accuracy, c.accuracy())
            && r < min
        {
            out.push(format!(
                "{what}: verdict accuracy {} is under {}",
                pct(r),
                pct(min)
            ));
        }
        if let (Some(max), Some(r)) = (self.max_spurious, c.spurious_share())
            && r > max
        {
            out.push(format!(
                "{what}: spurious claims {} are over {}",
                pct(r),
                pct(max)
            ));
        }
        if let (Some(max), Some(r)) = (
            self.max_false_contradictions_per_40,
            c.false_contradictions_per_40(),
        ) && r > max
        {
            out.push(format!(
                "{what}: {} false contradictions in {} articles ({r:.2} per 40) is over {max} per 40",
                c.false_contradictions(),
                c.articles
            ));
        }
        out
    }
}

/// Counts by language, in a fixed order.
pub fn by_language<'a>(
    items: impl IntoIterator<Item = (Language, &'a Counts)>,
) -> BTreeMap<Language, Counts> {
    let mut out: BTreeMap<Language, Counts> = BTreeMap::new();
    for (l, c) in items {
        out.entry(l).or_default().add(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Poland, Latvia and Estonia withdrew. Poland withdrew. Production";

    #[test]
    fn reads_a_label_file_and_places_quotes() {
        let src = r#"
language = "en"
outlet = "wire"
date = "2025-07-11"
treaty = "apmbc"
[modelled_on]
title = "x"

[[claims]]
quote = "Poland withdrew"
occurrence = 1
state = "POL"
kind = "withdrew"
verdict = "supported"
truth = "true"
reason = "r"

[[traps]]
quote = "Production"
reason = "title"
"#;
        let l = parse(src, TEXT).unwrap();
        assert_eq!(l.language, Language::En);
        assert_eq!(l.claims.len(), 1);
        assert_eq!(l.claims[0].span, Span::new(37, 52));
        assert_eq!(l.claims[0].line, 9);
        assert_eq!(l.traps[0].span.start, 54);
        assert!(l.warnings.is_empty());
    }

    #[test]
    fn bad_files_name_the_line_and_field() {
        let src = "language = \"en\"\ndate = \"2025-13-01\"\n\n[[claims]]\nquote = \"Sweden withdrew\"\nstate = \"fin\"\nkind = \"left\"\nverdict = \"true\"\ntruth = true\n";
        let errs = parse(src, TEXT).unwrap_err();
        let text: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        let all = text.join("\n");
        assert!(all.contains("line 9: truth: not valid TOML"), "{all}");
        // `truth = true` is a boolean, not a string: a TOML type error at its line.
        let src = src.replace("truth = true", "truth = \"yes\"");
        let errs = parse(&src, TEXT).unwrap_err();
        let all: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        let all = all.join("\n");
        assert!(all.contains("line 2: date:"), "{all}");
        assert!(
            all.contains("line 5: claims[1].quote: `Sweden withdrew` is not in"),
            "{all}"
        );
        assert!(all.contains("line 6: claims[1].state"), "{all}");
        assert!(
            all.contains("line 7: claims[1].kind: unknown kind `left`"),
            "{all}"
        );
        assert!(all.contains("line 8: claims[1].verdict"), "{all}");
        assert!(all.contains("line 9: claims[1].truth"), "{all}");
        let errs = parse(
            "language = \"xx\"\n[[claims]]\nquote = \"Poland\"\noccurrence = 9\n",
            TEXT,
        )
        .unwrap_err();
        let all: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
        let all = all.join("\n");
        assert!(
            all.contains("line 1: language: unknown language `xx`"),
            "{all}"
        );
        assert!(all.contains("date: missing"), "{all}");
        assert!(all.contains("claims[1].kind: missing"), "{all}");
        assert!(all.contains("occurs 2 times"), "{all}");
        let errs = parse("language = \n", TEXT).unwrap_err();
        assert_eq!(errs[0].line, Some(1));
    }
}
