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
pub mod html;
pub mod input;
pub mod lexicon;
pub mod mentions;
pub mod model;
pub mod text;

use treatywatch_core::engine::Engine;
use treatywatch_core::{Date, State, Treaty};

pub use input::{InputError, MAX_CLAIMS, MAX_INPUT_BYTES, MAX_MENTIONS};
pub use model::{
    Annotation, ArticleDateSource, Claim, ClaimKind, DateKind, DateMention, Fact, NameKind,
    Reading, Span, StateCard, StateMention, Summary, TreatyMention, Verdict,
};

use crate::claims::{ClaimFinder, Found};
use crate::dates::{DateFinder, FoundDate};
use crate::mentions::{Matchers, Named, Who};

/// What a caller passes besides the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// The article's date, if known (`--date`). Without it, a dateline in the text is
    /// used, or else `today`.
    pub article_date: Option<Date>,
    /// Today, for the status cards "as of today".
    pub today: Date,
}

/// Annotates articles against one treaty of one dataset.
pub struct Annotator<'e, 'd> {
    engine: &'e Engine<'d>,
    treaty: &'d Treaty,
    matchers: Matchers,
    dates: DateFinder,
    claims: ClaimFinder,
}

impl<'e, 'd> Annotator<'e, 'd> {
    /// Builds the matchers for a dataset's states and a treaty's names.
    pub fn new(engine: &'e Engine<'d>, treaty: &'d Treaty) -> Annotator<'e, 'd> {
        Annotator {
            engine,
            treaty,
            matchers: Matchers::new(engine.data(), treaty),
            dates: DateFinder::new(),
            claims: ClaimFinder::new(),
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

        // Dates, and the article's date: given, or a dateline in the text.
        let (mut found_dates, cut) = self.dates.find(text, opts.article_date, MAX_MENTIONS);
        truncated |= cut;
        let (article_date, source, date_span) = match opts.article_date {
            Some(d) => (Some(d), ArticleDateSource::Given, None),
            None => match dateline(text, &found_dates) {
                Some((d, span)) => {
                    // Place year-less dates near the dateline.
                    found_dates = self.dates.find(text, Some(d), MAX_MENTIONS).0;
                    notes.push(format!(
                        "The article's date, {d}, was read from the text (\"{}\").",
                        &text[span.start..span.end]
                    ));
                    (Some(d), ArticleDateSource::Dateline, Some(span))
                }
                None => {
                    notes.push(format!(
                        "No article date was given or found in the text, so claims are checked \
                         as of today ({}) and dates with no year are left unplaced; pass --date \
                         to check them as of the article's date.",
                        opts.today
                    ));
                    (None, ArticleDateSource::None, None)
                }
            },
        };
        let checked_on = article_date.unwrap_or(opts.today);

        // Mentions.
        let sentences = text::sentences(text);
        let (state_mentions, cut) = self.matchers.states(text, MAX_MENTIONS);
        truncated |= cut;
        let bodies = self.matchers.bodies(text, &state_mentions, MAX_MENTIONS);
        let (treaty_mentions, cut) = self.matchers.treaty(text, MAX_MENTIONS);
        truncated |= cut;
        let others = self.matchers.others(text, MAX_MENTIONS);
        let named = merge(&state_mentions, &bodies, &treaty_mentions);

        // Named bodies are mentions of their state too.
        let mut all_mentions = state_mentions.clone();
        for b in &bodies {
            if let Who::Body(name, Some(code)) = &b.who
                && lexicon::NAMED_BODIES.iter().any(|(n, _)| n == name)
            {
                all_mentions.push(StateMention {
                    span: b.span,
                    text: text[b.span.start..b.span.end].to_string(),
                    state: *code,
                    via: NameKind::Body,
                });
            }
        }
        all_mentions.sort_by_key(|m| m.span);

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
            let (triggers, cut) = self.claims.triggers(text, MAX_CLAIMS * 20);
            truncated |= cut;
            let found = Found {
                text,
                sentences: &sentences,
                named: &named,
                dates: &found_dates,
                others: &others,
            };
            let (drafts, cut) = self.claims.drafts(&found, &triggers, MAX_CLAIMS);
            truncated |= cut;
            let mut checker = check::Checker::new(
                self.engine,
                self.treaty,
                checked_on,
                opts.today,
                named_states.iter().map(|(s, _)| *s).collect(),
            );
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

/// States, bodies and treaty mentions in one list by position, overlaps dropped (the
/// earlier, then longer, wins).
fn merge(states: &[StateMention], bodies: &[Named], treaty: &[TreatyMention]) -> Vec<Named> {
    let mut all: Vec<Named> = states
        .iter()
        .map(|m| Named {
            span: m.span,
            who: Who::State(m.state, m.via),
        })
        .chain(bodies.iter().cloned())
        .chain(treaty.iter().map(|t| Named {
            span: t.span,
            who: Who::Treaty,
        }))
        .collect();
    all.sort_by_key(|n| (n.span.start, std::cmp::Reverse(n.span.end)));
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
/// short, or on a line that says "published", "updated", "posted" or "date".
fn dateline(text: &str, dates: &[FoundDate]) -> Option<(Date, Span)> {
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
        let labelled = ["published", "updated", "posted", "date:", "dated"]
            .iter()
            .any(|w| lower.contains(w));
        let top = line_no <= 3 && line.trim().chars().count() <= 100;
        if !(labelled || top) {
            if line_no > 3 && offset > 4096 {
                break;
            }
            continue;
        }
        let span = Span::new(start, offset);
        let found = text::within(dates, span, |d| d.mention.span.start)
            .iter()
            .find(|d| d.mention.kind == DateKind::Day);
        if let Some(d) = found
            && let Some(dates::When::Day(day)) = d.when
        {
            return Some((day, d.mention.span));
        }
    }
    None
}
