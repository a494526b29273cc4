//! Finding states, groups of states, domestic bodies, the treaty and other treaties in
//! text. The dataset's names of every state (in every language it holds) are one
//! Aho-Corasick automaton built once; each language adds its inflected stems (a second
//! automaton), its names of groups, capitals and bodies, and its names of the treaty
//! (regular expressions). Each pass is linear in the text, and a match is kept only
//! where it stands as whole words.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::Regex;
use treatywatch_core::{Dataset, StateCode, Treaty};

use crate::lexicon::{Lexicon, variants};
use crate::model::{NameKind, Span, StateMention, TreatyMention};
use crate::text::{is_whole_word, is_word_char};

/// Who a stretch of text names: a state, a group of states, a domestic body, or the
/// treaty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    State(StateCode, NameKind),
    /// Several states named as one ("the Baltic states", "North and South Korea").
    Group(Vec<StateCode>),
    /// A body; its state when the words around it tell.
    Body(String, Option<StateCode>),
    Treaty,
}

/// A named thing with where it is.
#[derive(Clone, Debug)]
pub struct Named {
    pub span: Span,
    pub who: Who,
}

/// Words before "America" that make it a continent, not the United States.
const CONTINENT_PREFIXES: &[&str] = &["Latin", "South", "North", "Central"];

/// Matchers that depend on the dataset only: every name of every state.
pub struct StateNames {
    states: AhoCorasick,
    state_patterns: Vec<(StateCode, NameKind)>,
}

fn build(patterns: &[String], case_insensitive: bool) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(case_insensitive)
        .build(patterns)
        .expect("word lists build an automaton")
}

/// A case-insensitive regex of whole-word alternatives.
fn alternation(parts: &[&str], case_insensitive: bool) -> Option<Regex> {
    if parts.is_empty() {
        return None;
    }
    let body = crate::lexicon::alternatives(parts);
    let flags = if case_insensitive { "(?i)" } else { "" };
    Some(Regex::new(&format!(r"{flags}\b(?:{body})\b")).expect("lexicon patterns are valid"))
}

impl StateNames {
    pub fn new(data: &Dataset) -> StateNames {
        // Every name of every state, as written, with curly apostrophes and in capitals
        // too. A name two states claim is left out.
        let mut by_pattern: HashMap<String, Option<(StateCode, NameKind)>> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for s in &data.states {
            let names = std::iter::once((&s.name, NameKind::Name))
                .chain(std::iter::once((&s.formal, NameKind::Formal)))
                .chain(s.aliases.iter().map(|a| (a, NameKind::Alias)))
                .chain(s.former.iter().map(|a| (a, NameKind::Former)))
                .chain(s.demonyms.iter().map(|a| (a, NameKind::Demonym)));
            for (name, kind) in names {
                let name = name.trim();
                if name.chars().count() < 2 {
                    continue;
                }
                let mut forms = vec![name.to_string(), name.replace('\'', "\u{2019}")];
                let upper = name.to_uppercase();
                if name.chars().count() >= 4 {
                    forms.push(upper);
                }
                for form in forms {
                    match by_pattern.get_mut(&form) {
                        Some(slot) => {
                            if slot.is_some_and(|(c, _)| c != s.code) {
                                *slot = None;
                            }
                        }
                        None => {
                            order.push(form.clone());
                            by_pattern.insert(form, Some((s.code, kind)));
                        }
                    }
                }
            }
        }
        let mut state_names = Vec::new();
        let mut state_patterns = Vec::new();
        for p in order {
            if let Some(Some(meta)) = by_pattern.get(&p) {
                state_patterns.push(*meta);
                state_names.push(p);
            }
        }
        StateNames {
            states: build(&state_names, false),
            state_patterns,
        }
    }
}

/// The matchers of one language for one treaty.
pub struct LangMatchers {
    /// Inflected stems and the longest ending each takes.
    stems: Option<AhoCorasick>,
    stem_meta: Vec<(StateCode, usize)>,
    groups: Vec<(Regex, Vec<StateCode>)>,
    capitals: Vec<(Regex, StateCode)>,
    home: Option<(Regex, StateCode)>,
    place_before: Regex,
    named_bodies: Vec<(Regex, String, StateCode)>,
    generic_bodies: Vec<(Regex, String)>,
    gaps_before: Vec<String>,
    gaps_after: Vec<String>,
    treaty_data: AhoCorasick,
    treaty_data_via: Vec<&'static str>,
    treaty_phrases: Option<Regex>,
    anaphors: Option<Regex>,
    topic: Regex,
    others: Option<Regex>,
}

impl LangMatchers {
    pub fn new(data: &Dataset, treaty: &Treaty, lex: &'static Lexicon) -> LangMatchers {
        let mut stem_names = Vec::new();
        let mut stem_meta = Vec::new();
        for (entry, code) in lex.states {
            let (stem, max) = crate::lexicon::stem_entry(entry, lex.state_ending);
            if let Ok(code) = code.parse::<StateCode>()
                && data.state(code).is_some()
            {
                stem_names.push(stem.to_string());
                stem_meta.push((code, max));
            }
        }
        let stems = (!stem_names.is_empty()).then(|| build(&stem_names, false));
        let codes = |list: &[&str]| -> Vec<StateCode> {
            list.iter()
                .filter_map(|c| c.parse::<StateCode>().ok())
                .filter(|c| data.state(*c).is_some())
                .collect()
        };
        let groups = lex
            .groups
            .iter()
            .map(|(re, members)| {
                (
                    Regex::new(&format!(r"(?i)\b(?:{re})\b")).expect("valid group pattern"),
                    codes(members),
                )
            })
            .collect();
        let capitals = lex
            .capitals
            .iter()
            .filter_map(|(r, c)| {
                Some((
                    Regex::new(&format!(r"\b(?:{r})\b")).expect("valid capital pattern"),
                    c.parse().ok()?,
                ))
            })
            .collect();
        let named_bodies = lex
            .named_bodies
            .iter()
            .filter_map(|(re, name, code)| {
                let code: StateCode = code.parse().ok()?;
                data.state(code)?;
                // Outside English, a body's name may be written in lower case
                // ("riigikogu").
                let flags = if lex.language == crate::lang::Language::En {
                    ""
                } else {
                    "(?i)"
                };
                Some((
                    Regex::new(&format!(r"{flags}\b(?:{re})\b")).expect("valid body pattern"),
                    name.to_string(),
                    code,
                ))
            })
            .collect();
        let generic_bodies = lex
            .generic_bodies
            .iter()
            .map(|(re, name)| {
                (
                    Regex::new(&format!(r"\b(?:{re})\b")).expect("valid body pattern"),
                    name.to_string(),
                )
            })
            .collect();

        // The treaty: its names from the data file, then the lexicon's phrasings.
        let mut treaty_names: Vec<String> = Vec::new();
        let mut treaty_via = Vec::new();
        let mut add = |name: String, via: &'static str| {
            if name.chars().count() >= 3
                && !treaty_names.iter().any(|n| n.eq_ignore_ascii_case(&name))
            {
                treaty_names.push(name);
                treaty_via.push(via);
            }
        };
        for v in variants(&treaty.name) {
            add(v, "name");
        }
        for v in variants(&treaty.short_name) {
            add(v, "short_name");
        }
        for alias in &treaty.aliases {
            // Slugs such as "ottawa-convention" become phrases; a single word ("ottawa")
            // is a city before it is a treaty, so only acronyms are kept.
            if alias.contains('-') && alias.chars().any(char::is_alphabetic) {
                let words = alias.replace('-', " ");
                if words.split_whitespace().count() >= 2
                    && !words
                        .split_whitespace()
                        .any(|w| w.chars().all(|c| c.is_ascii_digit()))
                {
                    for v in variants(&words) {
                        add(v, "alias");
                    }
                } else {
                    add(alias.clone(), "alias");
                }
            } else if alias.len() <= 5 && alias.chars().all(|c| c.is_ascii_alphabetic()) {
                add(alias.to_ascii_uppercase(), "alias");
            }
        }
        if let Some(untc) = &treaty.untc {
            add(untc.clone(), "alias");
        }
        let own: Vec<&str> = lex
            .treaty_names
            .iter()
            .filter(|(id, _)| *id == treaty.id.as_str())
            .flat_map(|(_, n)| n.iter().copied())
            .collect();
        let mut others: Vec<&str> = lex.other_treaties.to_vec();
        others.extend(
            lex.treaty_names
                .iter()
                .filter(|(id, _)| *id != treaty.id.as_str())
                .flat_map(|(_, n)| n.iter().copied()),
        );
        let topic = if treaty.id.as_str() == "ccm" {
            others.push(strip_word_bounds(lex.mine_words));
            lex.cluster_words
        } else {
            others.push(strip_word_bounds(lex.cluster_words));
            lex.mine_words
        };
        LangMatchers {
            stems,
            stem_meta,
            groups,
            capitals,
            home: lex.home.and_then(|(r, c)| {
                Some((
                    Regex::new(&format!(r"(?i)\b(?:{r})\b")).expect("valid home pattern"),
                    c.parse().ok()?,
                ))
            }),
            // A whole word: "that Kyiv" is not "at Kyiv".
            place_before: Regex::new(&format!(r"(?i)\b{}", lex.place_prepositions))
                .expect("valid place pattern"),
            named_bodies,
            generic_bodies,
            gaps_before: lex.body_gaps_before.iter().map(|s| s.to_string()).collect(),
            gaps_after: lex.body_gaps_after.iter().map(|s| s.to_string()).collect(),
            treaty_data: build(&treaty_names, true),
            treaty_data_via: treaty_via,
            treaty_phrases: alternation(&own, true),
            anaphors: alternation(lex.anaphors, true),
            topic: Regex::new(&format!("(?i){topic}")).expect("valid topic pattern"),
            others: alternation(&others, true),
        }
    }

    /// States named in `text`, at most `limit` (the flag says more were left out):
    /// the dataset's names, the language's inflected forms, and capitals standing for
    /// their governments.
    pub fn states(
        &self,
        names: &StateNames,
        text: &str,
        limit: usize,
    ) -> (Vec<StateMention>, bool) {
        let mut all = Vec::new();
        let mut cut = false;
        for m in names.states.find_iter(text) {
            if !is_whole_word(text, m.start(), m.end()) {
                continue;
            }
            let (state, via) = names.state_patterns[m.pattern().as_usize()];
            let found = &text[m.start()..m.end()];
            if found.to_ascii_lowercase().starts_with("america") {
                let prev = text[..m.start()]
                    .split_whitespace()
                    .next_back()
                    .unwrap_or("");
                if CONTINENT_PREFIXES.contains(&prev) {
                    continue;
                }
            }
            if all.len() >= limit * 2 {
                cut = true;
                break;
            }
            all.push(StateMention {
                span: Span::new(m.start(), m.end()),
                text: found.to_string(),
                state,
                via,
            });
        }
        if let Some(stems) = &self.stems {
            for m in stems.find_iter(text) {
                let before = text[..m.start()].chars().next_back();
                if before.is_some_and(is_word_char) {
                    continue;
                }
                let (state, max) = self.stem_meta[m.pattern().as_usize()];
                let rest = &text[m.end()..];
                let ending: usize = rest
                    .char_indices()
                    .take_while(|(_, c)| c.is_alphabetic())
                    .map(|(i, c)| i + c.len_utf8())
                    .last()
                    .unwrap_or(0);
                if rest[..ending].chars().count() > max {
                    continue;
                }
                if all.len() >= limit * 2 {
                    cut = true;
                    break;
                }
                let end = m.end() + ending;
                all.push(StateMention {
                    span: Span::new(m.start(), end),
                    text: text[m.start()..end].to_string(),
                    state,
                    via: NameKind::Inflected,
                });
            }
        }
        if let Some((re, code)) = &self.home {
            for m in re.find_iter(text).take(limit) {
                all.push(StateMention {
                    span: Span::new(m.start(), m.end()),
                    text: m.as_str().to_string(),
                    state: *code,
                    via: NameKind::Home,
                });
            }
        }
        for (re, code) in &self.capitals {
            for m in re.find_iter(text).take(limit) {
                let mut from = m.start().saturating_sub(40);
                while !text.is_char_boundary(from) {
                    from += 1;
                }
                if self.place_before.is_match(&text[from..m.start()]) {
                    continue;
                }
                all.push(StateMention {
                    span: Span::new(m.start(), m.end()),
                    text: m.as_str().to_string(),
                    state: *code,
                    via: NameKind::Capital,
                });
            }
        }
        // Earlier first, then longer; overlaps dropped.
        all.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut out: Vec<StateMention> = Vec::with_capacity(all.len());
        for m in all {
            if out.last().is_some_and(|l| m.span.start < l.span.end) {
                continue;
            }
            if out.len() == limit {
                return (out, true);
            }
            out.push(m);
        }
        (out, cut)
    }

    /// Groups of states named as one.
    pub fn groups(&self, text: &str, limit: usize) -> Vec<Named> {
        let mut out = Vec::new();
        for (re, codes) in &self.groups {
            for m in re.find_iter(text).take(limit) {
                out.push(Named {
                    span: Span::new(m.start(), m.end()),
                    who: Who::Group(codes.clone()),
                });
            }
        }
        out.sort_by_key(|n| n.span);
        out.truncate(limit);
        out
    }

    /// Domestic bodies named in `text`; a generic one ("parliament") takes the state
    /// named just before it ("Finland's parliament", "the Finnish Parliament", "Suomen
    /// eduskunta") or just after it ("the parliament of Finland", "парламент Финляндии").
    pub fn bodies(&self, text: &str, states: &[StateMention], limit: usize) -> Vec<Named> {
        let mut out = Vec::new();
        for (re, name, code) in &self.named_bodies {
            for m in re.find_iter(text).take(limit) {
                out.push(Named {
                    span: Span::new(m.start(), m.end()),
                    who: Who::Body(name.clone(), Some(*code)),
                });
            }
        }
        for (re, name) in &self.generic_bodies {
            for m in re.find_iter(text).take(limit) {
                let i = states.partition_point(|s| s.span.end <= m.start());
                let before = states[..i].last().filter(|prev| {
                    let gap = &text[prev.span.end..m.start()];
                    self.gaps_before.iter().any(|g| g == gap)
                });
                let after = states[i..].first().filter(|next| {
                    next.span.start >= m.end()
                        && self
                            .gaps_after
                            .iter()
                            .any(|g| g == &text[m.end()..next.span.start])
                });
                let code = before.or(after).map(|s| s.state);
                out.push(Named {
                    span: Span::new(m.start(), m.end()),
                    who: Who::Body(name.clone(), code),
                });
            }
        }
        out.sort_by_key(|n| (n.span.start, std::cmp::Reverse(n.span.end)));
        out.dedup_by(|b, a| b.span.start < a.span.end);
        out.truncate(limit);
        out
    }

    /// The treaty named in `text`: its names and the language's phrasings; with none
    /// of them, "the convention" in a text about its subject (mines, or cluster
    /// munitions). The second list is every "the convention" (as Named, for subjects).
    pub fn treaty(&self, text: &str, limit: usize) -> (Vec<TreatyMention>, Vec<Span>, bool) {
        let mut all: Vec<TreatyMention> = Vec::new();
        let mut cut = false;
        for m in self.treaty_data.find_iter(text) {
            if !is_whole_word(text, m.start(), m.end()) {
                continue;
            }
            if all.len() >= limit {
                cut = true;
                break;
            }
            all.push(TreatyMention {
                span: Span::new(m.start(), m.end()),
                text: text[m.start()..m.end()].to_string(),
                via: self.treaty_data_via[m.pattern().as_usize()],
            });
        }
        if let Some(re) = &self.treaty_phrases {
            for m in re.find_iter(text) {
                if all.len() >= limit * 2 {
                    cut = true;
                    break;
                }
                all.push(TreatyMention {
                    span: Span::new(m.start(), m.end()),
                    text: m.as_str().to_string(),
                    via: "phrase",
                });
            }
        }
        all.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
        let mut out: Vec<TreatyMention> = Vec::with_capacity(all.len());
        for m in all {
            if out.last().is_some_and(|l| m.span.start < l.span.end) {
                continue;
            }
            if out.len() == limit {
                cut = true;
                break;
            }
            out.push(m);
        }
        let mut anaphors = Vec::new();
        if let Some(re) = &self.anaphors {
            let others = self.others(text, limit);
            for m in re.find_iter(text).take(limit) {
                let span = Span::new(m.start(), m.end());
                let overlaps = |x: Span| x.start < span.end && span.start < x.end;
                // "the Convention on Cluster Munitions": the start of another name.
                let rest = &text[span.end..];
                // "the treaty on anti-personnel mines": a treaty described, not "the
                // convention" of the article.
                let named_on = ["on ", "of ", "against ", "for ", "banning ", "prohibiting "]
                    .iter()
                    .any(|p| rest.strip_prefix(' ').is_some_and(|r| r.starts_with(p)));
                if !out.iter().any(|t| overlaps(t.span))
                    && !others.iter().any(|o| overlaps(*o))
                    && !named_on
                {
                    anaphors.push(span);
                }
            }
        }
        if out.is_empty() && !anaphors.is_empty() && self.topic.is_match(text) {
            out = anaphors
                .iter()
                .map(|s| TreatyMention {
                    span: *s,
                    text: text[s.start..s.end].to_string(),
                    via: "anaphor",
                })
                .collect();
        }
        (out, anaphors, cut)
    }

    /// Where other treaties and organisations are named.
    pub fn others(&self, text: &str, limit: usize) -> Vec<Span> {
        let Some(re) = &self.others else {
            return Vec::new();
        };
        re.find_iter(text)
            .take(limit)
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    }
}

/// A pattern with its `\b...\b` wrapper taken off, to sit inside an alternation.
fn strip_word_bounds(p: &str) -> &str {
    p.strip_prefix(r"\b")
        .and_then(|p| p.strip_suffix(r"\b"))
        .unwrap_or(p)
}
