//! Finding states, domestic bodies, the treaty and other treaties in text. Each is one
//! Aho-Corasick automaton built once from the dataset and the lexicon, run once over
//! the text (linear in its length), with matches kept only where they stand as whole
//! words.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use treatywatch_core::{Dataset, StateCode, Treaty};

use crate::lexicon::{GENERIC_BODIES, NAMED_BODIES, OTHER_TREATIES, TREATY_PHRASES, variants};
use crate::model::{NameKind, Span, StateMention, TreatyMention};
use crate::text::is_whole_word;

/// Who a stretch of text names: a state, a domestic body, or the treaty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    State(StateCode, NameKind),
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

pub struct Matchers {
    states: AhoCorasick,
    state_patterns: Vec<(StateCode, NameKind)>,
    bodies: AhoCorasick,
    body_patterns: Vec<(String, Option<StateCode>)>,
    treaty: AhoCorasick,
    treaty_via: Vec<&'static str>,
    others: AhoCorasick,
}

fn build(patterns: &[String], case_insensitive: bool) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(case_insensitive)
        .build(patterns)
        .expect("word lists build an automaton")
}

impl Matchers {
    pub fn new(data: &Dataset, treaty: &Treaty) -> Matchers {
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

        let mut body_names = Vec::new();
        let mut body_patterns = Vec::new();
        for (name, code) in NAMED_BODIES {
            if let Ok(code) = code.parse::<StateCode>()
                && data.state(code).is_some()
            {
                body_names.push(name.to_string());
                body_patterns.push((name.to_string(), Some(code)));
            }
        }
        for name in GENERIC_BODIES {
            body_names.push(name.to_string());
            body_patterns.push((name.to_string(), None));
        }

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
            } else if alias.len() <= 6 && alias.chars().all(|c| c.is_ascii_alphabetic()) {
                add(alias.to_ascii_uppercase(), "alias");
            }
        }
        if let Some(untc) = &treaty.untc {
            add(untc.clone(), "alias");
        }
        for p in TREATY_PHRASES {
            for v in variants(p) {
                add(v, "phrase");
            }
        }

        let others: Vec<String> = OTHER_TREATIES.iter().map(|s| s.to_string()).collect();
        Matchers {
            states: build(&state_names, false),
            state_patterns,
            bodies: build(&body_names, false),
            body_patterns,
            treaty: build(&treaty_names, true),
            treaty_via,
            others: build(&others, true),
        }
    }

    /// States named in `text`, at most `limit` (the flag says more were left out).
    pub fn states(&self, text: &str, limit: usize) -> (Vec<StateMention>, bool) {
        let mut out = Vec::new();
        for m in self.states.find_iter(text) {
            if !is_whole_word(text, m.start(), m.end()) {
                continue;
            }
            let (state, via) = self.state_patterns[m.pattern().as_usize()];
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
            if out.len() == limit {
                return (out, true);
            }
            out.push(StateMention {
                span: Span::new(m.start(), m.end()),
                text: found.to_string(),
                state,
                via,
            });
        }
        (out, false)
    }

    /// Domestic bodies named in `text`; a generic one ("parliament") takes the state
    /// named just before it ("Finland's parliament", "the Finnish Parliament").
    pub fn bodies(&self, text: &str, states: &[StateMention], limit: usize) -> Vec<Named> {
        let mut out = Vec::new();
        for m in self.bodies.find_iter(text) {
            if out.len() == limit {
                break;
            }
            if !is_whole_word(text, m.start(), m.end()) {
                continue;
            }
            let (name, code) = &self.body_patterns[m.pattern().as_usize()];
            let i = states.partition_point(|s| s.span.end <= m.start());
            let before = states[..i].last().filter(|prev| {
                let gap = &text[prev.span.end..m.start()];
                matches!(gap, " " | "'s " | "\u{2019}s " | "' ")
            });
            let after = states[i..].first().filter(|next| {
                next.span.start >= m.end()
                    && matches!(&text[m.end()..next.span.start], " of " | " of the ")
            });
            let code = code.or(before.or(after).map(|s| s.state));
            out.push(Named {
                span: Span::new(m.start(), m.end()),
                who: Who::Body(name.clone(), code),
            });
        }
        out
    }

    /// The treaty named in `text`.
    pub fn treaty(&self, text: &str, limit: usize) -> (Vec<TreatyMention>, bool) {
        let mut out = Vec::new();
        for m in self.treaty.find_iter(text) {
            if !is_whole_word(text, m.start(), m.end()) {
                continue;
            }
            if out.len() == limit {
                return (out, true);
            }
            out.push(TreatyMention {
                span: Span::new(m.start(), m.end()),
                text: text[m.start()..m.end()].to_string(),
                via: self.treaty_via[m.pattern().as_usize()],
            });
        }
        (out, false)
    }

    /// Where other treaties and organisations are named.
    pub fn others(&self, text: &str, limit: usize) -> Vec<Span> {
        self.others
            .find_iter(text)
            .filter(|m| is_whole_word(text, m.start(), m.end()))
            .take(limit)
            .map(|m| Span::new(m.start(), m.end()))
            .collect()
    }
}
