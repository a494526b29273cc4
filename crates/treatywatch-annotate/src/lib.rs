//! Checks a news article against the treatywatch record.
//!
//! Pure: text in, [`Annotation`] out. No files, no network, no clock (today is passed
//! in), no downloaded model: rule-based and deterministic. The same text, date and
//! dataset always give the same annotation.
//!
//! What it does, in order:
//!
//! 1. **Checks the input** ([`input`]): at most [`MAX_INPUT_BYTES`], UTF-8, no NUL byte;
//!    otherwise an [`InputError`] that names the size or the byte offset.
//! 2. **Finds mentions**: states by every name, alias, former name and demonym in the
//!    dataset, in every language it has them (one Aho-Corasick automaton); domestic
//!    bodies (the Verkhovna Rada, the Seimas, "Finland's parliament"); the treaty under
//!    the names in its data file and the phrasings in [`lexicon`]; dates and date phrases
//!    ([`dates`]). Each mention keeps its byte span and how it was read.
//! 3. **Finds claims** ([`claims`]): signing, ratifying, joining, not having signed,
//!    withdrawing, intending to withdraw, suspending, decrees, laws and votes, counts of
//!    states, the treaty's adoption and entry into force, the withdrawal period,
//!    stockpiles, production and arsenals. A text that never names the treaty has none.
//! 4. **Checks each claim** ([`check`]) as of the article's date (given, or a dateline
//!    found in the text, or else today), with the record's facts and sources:
//!    `supported`, `contradicted`, or `not_checkable` when the record does not speak to
//!    it. A domestic step reported as a legal act is flagged.
//! 5. **Gives each state named a status card**, on the article's date and today.
//!
//! Every pass is linear in the text (the regex crate and Aho-Corasick guarantee it);
//! claims, mentions and the context each claim looks at are bounded ([`MAX_CLAIMS`],
//! [`MAX_MENTIONS`]), so hostile input gets an error or a bounded result, never a hang.
//!
//! # Serving it
//!
//! [`Annotator::new`] builds the matchers once (a few milliseconds); keep one per
//! dataset and call [`Annotator::annotate`] per request. A `POST /api/v1/annotate` handler
//! is then a thin wrapper: read the body's `text` (or raw bytes, through
//! [`Annotator::annotate_bytes`]) and optional `date`, call the annotator with today's
//! date, and return the [`Annotation`] as JSON (it implements `Serialize`); an
//! [`InputError`] is a 400 or 413 with its message. [`html::page`] renders the same
//! annotation as a self-contained page.

pub mod check;
pub mod claims;
pub mod dates;
pub mod eval;
pub mod html;
pub mod input;
pub mod lang;
pub mod lexicon;
pub mod mentions;
pub mod model;
pub mod text;

use std::sync::OnceLock;

use treatywatch_core::engine::Engine;
use treatywatch_core::{Date, State, Treaty};

pub use input::{InputError, MAX_CLAIMS, MAX_INPUT_BYTES, MAX_MENTIONS};
pub use lang::{Language, LanguageSource};
pub use model::{
    Annotation, ArticleDateSource, Claim, ClaimKind, DateKind, DateMention, Fact, Modality,
    NameKind, Reading, Span, StateCard, StateMention, Summary, TreatyMention, Verdict,
};

use crate::claims::{ClaimFinder, Found};
use crate::dates::{DateFinder, FoundDate};
use crate::mentions::{LangMatchers, Named, StateNames, Who};

/// What a caller passes besides the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The article's date, if known. Without it, a dateline in the text is used, or
    /// else `today`.
    pub article_date: Option<Date>,
    /// Today, for the status cards "as of today".
    pub today: Date,
    /// The article's language, if known; otherwise it is told from the text.
    pub language: Option<Language>,
}

impl Options {
    /// Options with the article's date and today, the language told from the text.
    pub fn new(article_date: Option<Date>, today: Date) -> Options {
        Options {
            article_date,
            today,
            language: None,
        }
    }
}

/// What one language needs, built the first time an article in it is read.
struct LangParts {
    matchers: LangMatchers,
    dates: DateFinder,
    claims: ClaimFinder,
}

/// Annotates articles against one treaty of one dataset.
pub struct Annotator<'e, 'd> {
    engine: &'e Engine<'d>,
    treaty: &'d Treaty,
    names: StateNames,
    langs: [OnceLock<LangParts>; 8],
}

impl<'e, 'd> Annotator<'e, 'd> {
    /// Builds the matchers for a dataset's states and a treaty's names. Each
    /// language's own matchers are built when an article in it is first read.
    pub fn new(engine: &'e Engine<'d>, treaty: &'d Treaty) -> Annotator<'e, 'd> {
        let a = Annotator {
            engine,
            treaty,
            names: StateNames::new(engine.data()),
            langs: Default::default(),
        };
        a.parts(Language::En);
        a
    }

    fn parts(&self, l: Language) -> &LangParts {
        self.langs[l.index()].get_or_init(|| {
            let lex = lexicon::for_language(l);
            LangParts {
                matchers: LangMatchers::new(self.engine.data(), self.treaty, lex),
                dates: DateFinder::new(lex),
                claims: ClaimFinder::new(lex),
            }
        })
    }

    /// Builds every language's matchers now (a server does it once at start).
    pub fn prepare_all(&self) {
        for l in Language::ALL {
            self.parts(l);
        }
    }

    /// Annotates raw bytes: checks they are text first ([`input::text_from_bytes`]).
    pub fn annotate_bytes(
        &self,
        bytes: &[u8],
        opts: &Options,
    ) -> Result<Annotation<'d>, InputError> {
        let text = input::text_from_bytes(bytes)?;
        self.annotate(text, opts)
    }

    /// Annotates text.
    pub fn annotate(&self, text: &str, opts: &Options) -> Result<Annotation<'d>, InputError> {
        input::check_text(text)?;
        let mut truncated = false;
        let mut notes = Vec::new();

        // The language: given, or told from the text.
        let (language, language_source) = match opts.language {
            Some(l) => (l, LanguageSource::Given),
            None => (
                lang::detect(text).unwrap_or(Language::En),
                LanguageSource::Detected,
            ),
        };
        let parts = self.parts(language);

        // Dates, and the article's date: given, or a dateline in the text.
        let (mut found_dates, cut) = parts.dates.find(text, opts.article_date, MAX_MENTIONS);
        truncated |= cut;
        let (article_date, source, date_span) = match opts.article_date {
            Some(d) => (Some(d), ArticleDateSource::Given, None),
            None => match dateline(text, &found_dates) {
                Some((d, span)) => {
                    // Place year-less and relative dates near the dateline.
                    found_dates = parts.dates.find(text, Some(d), MAX_MENTIONS).0;
                    notes.push(format!(
                        "The article's date, {d}, was read from the text (\"{}\").",
                        &text[span.start..span.end]
                    ));
                    (Some(d), ArticleDateSource::Dateline, Some(span))
                }
                None => {
                    notes.push(format!(
                        "No article date was given or found in the text, so claims are checked \
                         as of today ({}), and dates with no year or relative to the article's \
                         date (\"on Friday\") are left unplaced. Give the article's date to \
                         check them as of that day.",
                        opts.today
                    ));
                    (None, ArticleDateSource::None, None)
                }
            },
        };
        let checked_on = article_date.unwrap_or(opts.today);

        // Mentions.
        let sentences = text::sentences(text);
        let (state_mentions, cut) = parts.matchers.states(&self.names, text, MAX_MENTIONS);
        truncated |= cut;
        let groups = parts.matchers.groups(text, MAX_MENTIONS);
        let bodies = parts.matchers.bodies(text, &state_mentions, MAX_MENTIONS);
        let (treaty_mentions, anaphors, cut) = parts.matchers.treaty(text, MAX_MENTIONS);
        truncated |= cut;
        let others = parts.matchers.others(text, MAX_MENTIONS);
        let named = merge(
            &state_mentions,
            &groups,
            &bodies,
            &treaty_mentions,
            &anaphors,
        );

        // Named bodies, capitals and groups are mentions of their states too.
        let mut all_mentions = state_mentions.clone();
        for n in groups.iter().chain(&bodies) {
            let codes: Vec<_> = match &n.who {
                Who::Body(_, Some(code)) if !matches!(n.who, Who::Body(ref name, _) if is_generic_body(name)) =>
                {
                    vec![*code]
                }
                Who::Group(cs) => cs.clone(),
                _ => continue,
            };
            // A state already named inside the group ("South Korea" in "North and South
            // Korea") is not named twice.
            let inside: Vec<_> = all_mentions
                .iter()
                .filter(|m| m.span.start < n.span.end && n.span.start < m.span.end)
                .map(|m| m.state)
                .collect();
            let codes: Vec<_> = codes.into_iter().filter(|c| !inside.contains(c)).collect();
            if codes.is_empty() || (!inside.is_empty() && !matches!(n.who, Who::Group(_))) {
                continue;
            }
            let via = if matches!(n.who, Who::Group(_)) {
                NameKind::Group
            } else {
                NameKind::Body
            };
            for code in codes {
                all_mentions.push(StateMention {
                    span: n.span,
                    text: text[n.span.start..n.span.end].to_string(),
                    state: code,
                    via,
                });
            }
        }
        all_mentions.sort_by_key(|m| m.span);
        all_mentions.truncate(MAX_MENTIONS);

        // The states named, by first mention.
        let mut named_states: Vec<(&'d State, usize)> = Vec::new();
        for m in &all_mentions {
            match named_states.iter_mut().find(|(s, _)| s.code == m.state) {
                Some((_, n)) => *n += 1,
                None => {
                    if let Some(s) = self.engine.data().state(m.state) {
                        named_states.push((s, 1));
                    }
                }
            }
        }

        // Claims.
        let mut claims = Vec::new();
        if treaty_mentions.is_empty() {
            notes.push(format!(
                "The text does not name the {}, so no claims were read; the states and dates \
                 it names are still listed.",
                self.treaty.short_name
            ));
        } else {
            if treaty_mentions.iter().all(|t| t.via == "anaphor") {
                notes.push(format!(
                    "The text names no treaty, but speaks of \"{}\" in an article about its \
                     subject, so it was read as the {}.",
                    treaty_mentions[0].text, self.treaty.short_name
                ));
            }
            let (triggers, cut) = parts.claims.triggers(text, MAX_CLAIMS * 20);
            truncated |= cut;
            // Datelines ("VILNIUS, June 29 -") date the article, not a claim.
            let claim_dates: Vec<FoundDate> = found_dates
                .iter()
                .filter(|d| !is_dateline(text, d.mention.span))
                .cloned()
                .collect();
            let found = Found {
                text,
                sentences: &sentences,
                named: &named,
                dates: &claim_dates,
                others: &others,
            };
            let (drafts, cut) = parts.claims.drafts(&found, &triggers, MAX_CLAIMS);
            truncated |= cut;
            let mut checker = check::Checker::new(
                self.engine,
                self.treaty,
                checked_on,
                opts.today,
                named_states.iter().map(|(s, _)| *s).collect(),
            );
            checker.strict = language != Language::En;
            for (i, d) in drafts.iter().take(MAX_CLAIMS).enumerate() {
                let c = checker.check(d);
                claims.push(Claim {
                    id: i + 1,
                    kind: d.kind,
                    span: d.span,
                    text: text[d.span.start..d.span.end].to_string(),
                    state: d.state,
                    actor: d.actor.clone(),
                    claimed_date: d.when.and_then(|w| w.to_partial()),
                    as_of: checked_on,
                    modality: d.modality,
                    verdict: c.verdict,
                    reading: c.reading,
                    domestic_step_reported_as_legal_act: c.flag,
                    note: c.note,
                    facts: c.facts,
                    sources: c.sources,
                });
            }
        }
        if truncated {
            notes.push(format!(
                "The text is unusually dense: only the first {MAX_CLAIMS} claims and \
                 {MAX_MENTIONS} mentions of each kind are listed."
            ));
        }

        let states = named_states
            .iter()
            .map(|(s, n)| StateCard {
                state: s.code,
                name: s.name.clone(),
                mentions: *n,
                on_article_date: article_date.map(|d| self.engine.status(self.treaty, s, d)),
                today: self.engine.status(self.treaty, s, opts.today),
            })
            .collect();
        let mut summary = Summary {
            claims: claims.len(),
            ..Summary::default()
        };
        for c in &claims {
            match c.verdict {
                Verdict::Supported => summary.supported += 1,
                Verdict::Contradicted => summary.contradicted += 1,
                Verdict::NotCheckable => summary.not_checkable += 1,
            }
        }
        Ok(Annotation {
            treaty: self.treaty.id.clone(),
            treaty_name: self.treaty.short_name.clone(),
            language,
            language_source,
            article_date,
            article_date_source: source,
            article_date_span: date_span,
            checked_on,
            today: opts.today,
            bytes: text.len(),
            truncated,
            notes,
            summary,
            treaty_mentions,
            state_mentions: all_mentions,
            dates: found_dates.into_iter().map(|d| d.mention).collect(),
            states,
            claims,
        })
    }
}

/// Whether a date opens its line as a dateline does: "VILNIUS, June 29 -", "Geneva,
/// 1 July 2025 -", "23 May 2012 -", "February 26, 1999" alone on its line.
fn is_dateline(text: &str, span: Span) -> bool {
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let prefix = &text[line_start..span.start];
    if prefix.chars().count() > 60 || prefix.contains(['.', ';']) {
        return false;
    }
    // Only a place or nothing before it: capitals, commas, spaces.
    let place_like = prefix
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || w == "-");
    if !place_like {
        return false;
    }
    let rest = &text[span.end..];
    let line_end = rest.find('\n').unwrap_or(rest.len());
    let after = rest[..line_end].trim_start();
    let after = after
        .strip_prefix('(')
        .and_then(|a| a.split_once(')').map(|(_, r)| r.trim_start()))
        .unwrap_or(after);
    after.is_empty()
        || after.starts_with(['-', '\u{2013}', '\u{2014}', '/', '|'])
        || after.starts_with("--")
}

/// A body named by what it is ("parliament"), not by its own name ("Seimas").
fn is_generic_body(name: &str) -> bool {
    matches!(
        name,
        "parliament"
            | "government"
            | "cabinet"
            | "committee"
            | "president"
            | "prime minister"
            | "minister"
    )
}

/// States, groups, bodies, treaty mentions and "the convention" in one list by
/// position, overlaps dropped (the earlier, then longer, wins).
fn merge(
    states: &[StateMention],
    groups: &[Named],
    bodies: &[Named],
    treaty: &[TreatyMention],
    anaphors: &[Span],
) -> Vec<Named> {
    let mut all: Vec<Named> = groups
        .iter()
        .cloned()
        .chain(states.iter().map(|m| Named {
            span: m.span,
            who: Who::State(m.state, m.via),
        }))
        .chain(bodies.iter().cloned())
        .chain(treaty.iter().map(|t| Named {
            span: t.span,
            who: Who::Treaty,
        }))
        .chain(anaphors.iter().map(|s| Named {
            span: *s,
            who: Who::Treaty,
        }))
        .collect();
    // Groups first among equals: "the Baltic states" over "Baltic".
    all.sort_by_key(|n| {
        (
            n.span.start,
            std::cmp::Reverse(n.span.end),
            !matches!(n.who, Who::Group(_)),
        )
    });
    let mut out: Vec<Named> = Vec::with_capacity(all.len());
    for n in all {
        if out.last().is_some_and(|l| n.span.start < l.span.end) {
            continue;
        }
        out.push(n);
    }
    out
}

/// A dateline: a full date on one of the first three non-empty lines, when the line is
/// short or the date opens it (within its first 100 characters, not after "on", "in",
/// "since"...: "HELSINKI, July 10, 2025 (Reuters) - ..."), or on a line that says
/// "published", "updated", "posted" or "date".
fn dateline(text: &str, dates: &[FoundDate]) -> Option<(Date, Span)> {
    const PREPOSITIONS: &[&str] = &[
        "on",
        "in",
        "since",
        "by",
        "from",
        "until",
        "of",
        "at",
        "before",
        "after",
        "to",
        "nuo",
        "iki",
        "kopš",
        "līdz",
        "alates",
        "kuni",
        "od",
        "do",
        "w",
        "we",
        "з",
        "від",
        "до",
        "у",
        "в",
        "с",
        "со",
        "по",
        "после",
        "після",
    ];
    let mut line_no = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        line_no += 1;
        let lower = line.to_lowercase();
        let labelled = [
            "published",
            "updated",
            "posted",
            "date:",
            "dated",
            "paskelbta",
            "publicēts",
            "avaldatud",
            "julkaistu",
            "opublikowano",
            "опубліковано",
            "опубликовано",
        ]
        .iter()
        .any(|w| lower.contains(w));
        let top = line_no <= 3;
        if !(labelled || top) {
            if line_no > 3 && offset > 4096 {
                break;
            }
            continue;
        }
        let short = line.trim().chars().count() <= 100;
        let span = Span::new(start, offset);
        let found = text::within(dates, span, |d| d.mention.span.start)
            .iter()
            .find(|d| {
                if d.mention.kind != DateKind::Day {
                    return false;
                }
                if labelled || short {
                    return true;
                }
                // A long first line: the date must open it, as a dateline does.
                let prefix = &text[start..d.mention.span.start];
                let word_before = prefix
                    .split(|c: char| !c.is_alphanumeric())
                    .rfind(|w| !w.is_empty())
                    .unwrap_or("")
                    .to_lowercase();
                prefix.chars().count() <= 100 && !PREPOSITIONS.contains(&word_before.as_str())
            });
        if let Some(d) = found
            && let Some(dates::When::Day(day)) = d.when
        {
            return Some((day, d.mention.span));
        }
    }
    None
}
