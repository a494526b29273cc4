//! Finding claims: trigger phrases ("signed", "has not signed", "plans to withdraw",
//! "signed a decree", "more than 160 countries"), each found by one regular expression
//! run once over the text, then tied to the state or body it is about, the date nearest
//! it in its sentence, and what it aims at. Nothing here consults the record; that is
//! [`crate::check`]'s work.

use regex::{Captures, Regex};
use treatywatch_core::StateCode;
use treatywatch_core::evidence::Aim;

use crate::dates::{FoundDate, When};
use crate::lexicon::TREATY_ANAPHORS;
use crate::mentions::{Named, Who};
use crate::model::{ClaimKind, DateKind, Span};
use crate::text::{sentence_of, within};

/// What a trigger phrase says, before its subject is known. The order is the priority
/// when two triggers start at the same place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Trig {
    NotSigned,
    NotJoined,
    WithdrawalNotified,
    WithdrawalEffect,
    Decree,
    Law,
    Deposited,
    Intent,
    Count,
    Stockpile,
    Arsenal,
    Ratified,
    Joined,
    Withdrew,
    Suspended,
    InForce,
    VoteOrAdopt,
    Signed,
    Production,
}

/// How a number is qualified: "more than 160", "about 6 million".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qual {
    Exact,
    MoreThan,
    AtLeast,
    Nearly,
    About,
    FewerThan,
}

impl Qual {
    fn parse(s: Option<&str>) -> Qual {
        let s = s.map(|s| {
            s.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_ascii_lowercase()
        });
        match s.as_deref() {
            None => Qual::Exact,
            Some("more than" | "over") => Qual::MoreThan,
            Some("at least") => Qual::AtLeast,
            Some("nearly" | "almost") => Qual::Nearly,
            Some("fewer than" | "less than" | "under") => Qual::FewerThan,
            Some(_) => Qual::About,
        }
    }

    /// Whether a true value `actual` fits "QUAL claimed".
    pub fn fits(self, claimed: f64, actual: f64) -> bool {
        match self {
            Qual::Exact => (actual - claimed).abs() <= (claimed * 0.01).max(0.5),
            Qual::MoreThan => actual > claimed,
            Qual::AtLeast => actual >= claimed,
            Qual::Nearly => actual < claimed && actual >= claimed * 0.9,
            Qual::About => (actual - claimed).abs() <= (claimed * 0.05).max(2.0),
            Qual::FewerThan => actual < claimed,
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Qual::Exact => "",
            Qual::MoreThan => "more than ",
            Qual::AtLeast => "at least ",
            Qual::Nearly => "nearly ",
            Qual::About => "about ",
            Qual::FewerThan => "fewer than ",
        }
    }
}

/// What a count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountWhat {
    /// States that have joined and not left (consent deposited, party, withdrawal pending).
    Joined,
    /// States bound (party, withdrawal pending).
    Parties,
    /// States that have signed.
    Signed,
}

/// Details some triggers carry.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Extra {
    None,
    Count { qual: Qual, n: u32, what: CountWhat },
    Stock { qual: Qual, n: f64 },
}

#[derive(Clone, Debug)]
pub struct Trigger {
    pub kind: Trig,
    pub span: Span,
    pub extra: Extra,
}

/// A claim found in the text, not yet checked.
#[derive(Clone, Debug)]
pub struct Draft {
    pub kind: ClaimKind,
    pub span: Span,
    pub state: Option<StateCode>,
    /// A domestic body named as the actor.
    pub actor: Option<String>,
    pub when: Option<When>,
    pub since: bool,
    /// Where a decree, law, vote or announcement points.
    pub aim: Option<Aim>,
    pub extra: Extra,
    /// For a withdrawal period: its length in months.
    pub months: Option<u32>,
}

/// Everything the claim finder needs from the other passes, all sorted by position.
pub struct Found<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    /// States, bodies and treaty mentions, by position.
    pub named: &'a [Named],
    pub dates: &'a [FoundDate],
    pub others: &'a [Span],
}

pub struct ClaimFinder {
    patterns: Vec<(Trig, Regex)>,
    aim_withdraw: Regex,
    aim_suspend: Regex,
    aim_join: Regex,
    count_join: Regex,
    count_sign: Regex,
    withdraw_word: Regex,
}

const NOT_TREATY_OBJECTS: &[&str] = &[
    "decree",
    "law",
    "bill",
    "order",
    "act",
    "instrument",
    "memorandum",
    "contract",
    "contracts",
    "deal",
    "letter",
    "statement",
    "declaration",
    "petition",
    "resolution",
];

fn re(p: &str) -> Regex {
    Regex::new(&format!("(?i){p}")).expect("claim patterns are valid")
}

impl ClaimFinder {
    pub fn new() -> ClaimFinder {
        let apos = "['\u{2019}]";
        let patterns = vec![
            (
                Trig::NotSigned,
                re(&format!(
                    r"\b(?:(?:have|has|had|did|does|do)\s+not|haven{apos}t|hasn{apos}t|hadn{apos}t|didn{apos}t|doesn{apos}t|don{apos}t|never)\s+(?:yet\s+|even\s+)?(?P<v>signed|sign|joined|join|ratified|ratify|acceded|accede)\b|\bnon-?signator(?:y|ies)\b|\bnot\s+(?:a\s+)?(?:state\s+)?part(?:y|ies)\s+to\b|\b(?:remain|remains|remained|stay|stays|are|is)\s+outside\s+(?:of\s+)?(?:the\s+)?(?:treaty|convention)\b"
                )),
            ),
            (
                Trig::WithdrawalNotified,
                re(
                    r"\bnotif(?:ied|ies|y)\b[^.;\n]{0,60}?\b(?:withdrawal|withdraw|withdrawing|denunciation)\b|\b(?:deposited|submitted|presented|handed\s+over|sent)\s+(?:its|their|the|an|a)\s+(?:instrument|notice|notification|note)\s+of\s+(?:withdrawal|denunciation)\b",
                ),
            ),
            (
                Trig::WithdrawalEffect,
                re(
                    r"\bwithdrawals?\b[^.;\n]{0,60}?\b(?:takes|took|will\s+take|would\s+take|comes|came|will\s+come)\s+(?:into\s+)?(?:effect|force)\b|\bwithdrawals?\b[^.;\n]{0,60}?\b(?:became|becomes|will\s+become)\s+effective\b",
                ),
            ),
            (
                Trig::Decree,
                re(
                    r"\b(?:signed|signs|issued|issues)\s+(?:a|an|the)\s+(?:presidential\s+)?decree\b|\bdecree\b",
                ),
            ),
            (
                Trig::Law,
                re(
                    r"\b(?:signed|signs|promulgated)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:law|bill|act)\b",
                ),
            ),
            (
                Trig::Deposited,
                re(
                    r"\bdeposited\s+(?:its|their|the|an)\s+instrument\s+of\s+(?:ratification|accession|acceptance|approval)\b",
                ),
            ),
            (
                Trig::Intent,
                re(
                    r"\b(?:plans?|planned|planning|intends?|intended|intending|intention|intent|decided|decides|decision|announced|announces|wants?|wanted|seeks?|sought|seeking|moving|moves|move|will|would|prepares?|prepared|preparing|ready|is\s+withdrawing|are\s+withdrawing|began|begun|started|starts|initiated)\b[^.;\n]{0,40}?\b(?:withdraw|withdrawing|withdrawal|leave|leaving|exit|exiting|quit|quitting|pull\s+out)\b",
                ),
            ),
            (
                Trig::Count,
                re(
                    r"\b(?:(?P<q>more\s+than|over|at\s+least|nearly|almost|about|around|some|roughly|approximately|fewer\s+than|less\s+than|under)\s+)?(?P<n>\d{1,3})\s+(?P<what>countries|states\s+parties|state\s+parties|states|nations|governments|signatories|parties)\b",
                ),
            ),
            (
                Trig::Stockpile,
                re(
                    r"\b(?:had|has|have|held|holds|hold|kept|possessed|possesses|stockpiled)\s+(?:(?P<q>over|more\s+than|about|around|nearly|almost|some|roughly|fewer\s+than|less\s+than|under)\s+)?(?P<n>a|one|\d[\d,.]*)\s*(?P<mult>million|thousand)?\s+(?:anti-?\s?personnel\s+|antipersonnel\s+)?(?:land\s?)?mines\b",
                ),
            ),
            (
                Trig::Arsenal,
                re(
                    r"\b(?:arsenals?|(?:largest|biggest)\s+(?:stockpiles?|stocks?)|(?:second|third|fourth|fifth|sixth)[-\s]largest)\b",
                ),
            ),
            (Trig::Ratified, re(r"\b(?:ratified|ratifies|ratifying)\b")),
            (
                Trig::Joined,
                re(
                    r"\b(?:joined|joins|joining|acceded|accedes|acceding|became\s+(?:a\s+)?(?:state\s+)?party|(?:has|have)\s+been\s+(?:a\s+)?(?:state\s+)?part(?:y|ies))\b",
                ),
            ),
            (
                Trig::Withdrew,
                re(
                    r"\b(?:withdrew|withdrawn|pulled\s+out|(?:left|quit|exited|abandoned)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:convention|treaty|agreement|accord|pact))\b",
                ),
            ),
            (
                Trig::Suspended,
                re(
                    r"\b(?:suspended|suspends|suspending|(?:declared|announced|notified)\s+(?:a|its|the)\s+suspension)\b",
                ),
            ),
            (
                Trig::InForce,
                re(
                    r"\b(?:came|comes|come|entered|enters|enter|went|goes)\s+into\s+(?:force|effect)\b|\bin\s+force\s+since\b",
                ),
            ),
            (
                Trig::VoteOrAdopt,
                re(
                    r"\b(?:voted|votes|approved|approves|passed|passes|adopted|adopts|backed|endorsed)\b",
                ),
            ),
            (Trig::Signed, re(r"\b(?:signed|signs)\b")),
            (
                Trig::Production,
                re(
                    r"\b(?:production|produce|produces|producing|produced|manufacture|manufactures|manufacturing|manufactured)\b",
                ),
            ),
        ];
        ClaimFinder {
            patterns,
            aim_withdraw: re(r"\b(?:withdraw\w*|leav(?:e|ing)|exit\w*|denounc\w*|denunciation)\b"),
            aim_suspend: re(r"\bsuspen\w*"),
            aim_join: re(r"\b(?:ratif\w*|accession|accede\w*|join\w*)\b"),
            count_join: re(
                r"\b(?:joined|joining|join|ratified|acceded|members?|part(?:y|ies)|bound|signed\s+and\s+ratified|adhered)\b",
            ),
            count_sign: re(r"\b(?:signed|signatories)\b"),
            withdraw_word: re(r"\bwithdraw\w*"),
        }
    }

    /// Every trigger in the text, non-overlapping, at most `limit` (the flag says more
    /// were left out).
    pub fn triggers(&self, text: &str, limit: usize) -> (Vec<Trigger>, bool) {
        let mut all: Vec<Trigger> = Vec::new();
        let mut truncated = false;
        'patterns: for (kind, re) in &self.patterns {
            for caps in re.captures_iter(text) {
                if all.len() >= limit * 4 {
                    truncated = true;
                    break 'patterns;
                }
                let m = caps.get(0).expect("group 0");
                let span = Span::new(m.start(), m.end());
                let Some((kind, extra)) = classify(*kind, &caps, text, span) else {
                    continue;
                };
                all.push(Trigger { kind, span, extra });
            }
        }
        all.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end), t.kind));
        let mut out: Vec<Trigger> = Vec::new();
        for t in all {
            if out.last().is_some_and(|l| t.span.start < l.span.end) {
                continue;
            }
            if out.len() == limit {
                truncated = true;
                break;
            }
            out.push(t);
        }
        (out, truncated)
    }

    /// Ties each trigger to its subject, date and aim. `limit` bounds the drafts.
    pub fn drafts(&self, f: &Found<'_>, triggers: &[Trigger], limit: usize) -> (Vec<Draft>, bool) {
        let mut out: Vec<Draft> = Vec::new();
        let mut suppress_until = 0usize;
        let mut skip_sentence: (Option<usize>, bool) = (None, false);
        for (ti, t) in triggers.iter().enumerate() {
            if out.len() >= limit {
                return (out, true);
            }
            if t.span.start < suppress_until {
                continue;
            }
            let Some(si) = sentence_of(f.sentences, t.span.start) else {
                continue;
            };
            let sent = f.sentences[si];
            let named = within(f.named, sent, |n| n.span.start);
            // A sentence that names another treaty, and not this one, is about the other.
            if skip_sentence.0 != Some(si) {
                let other = !within(f.others, sent, |s| s.start).is_empty();
                skip_sentence = (
                    Some(si),
                    other && !named.iter().any(|n| n.who == Who::Treaty),
                );
            }
            if skip_sentence.1 {
                continue;
            }
            // Dates this trigger may take: in its sentence, not past a neighbouring trigger.
            let lo = ti
                .checked_sub(1)
                .map(|p| triggers[p].span.end)
                .filter(|&e| e > sent.start)
                .unwrap_or(sent.start);
            let hi = triggers
                .get(ti + 1)
                .map(|n| n.span.start)
                .filter(|&s| s < sent.end)
                .unwrap_or(sent.end);
            let date = nearest_date(f.dates, t.span, Span::new(lo, hi));
            let subject = subject(f, named, t.span, sent);
            // The words around the trigger, for checks on its context.
            let sentence_text = around(f.text, sent, t.span, 300);
            let make = |kind: ClaimKind,
                        state: Option<(StateCode, Span)>,
                        actor: Option<String>,
                        aim: Option<Aim>| {
                let mut span = t.span;
                if let Some((_, s)) = state {
                    span = span.cover(s);
                }
                if let Some(d) = date {
                    span = span.cover(d.mention.span);
                }
                Draft {
                    kind,
                    span,
                    state: state.map(|(c, _)| c),
                    actor,
                    when: date.and_then(|d| d.when),
                    since: date.is_some_and(|d| d.mention.since),
                    aim,
                    extra: t.extra,
                    months: None,
                }
            };
            match t.kind {
                Trig::Decree | Trig::Law => {
                    let (aim, end) = self.aim_after(f.text, t.span, sent);
                    suppress_until = end;
                    let kind = if t.kind == Trig::Decree {
                        ClaimKind::Decree
                    } else {
                        ClaimKind::Law
                    };
                    let (state, actor) = match &subject {
                        Subject::Body(name, Some(code), span) => {
                            (Some((*code, *span)), Some(name.clone()))
                        }
                        Subject::Body(name, None, _) => {
                            (nearest_state(named, t.span, true), Some(name.clone()))
                        }
                        Subject::States(list) => (list.first().copied(), None),
                        _ => (nearest_state(named, t.span, true), None),
                    };
                    if state.is_some() {
                        out.push(make(kind, state, actor, aim));
                    }
                }
                Trig::VoteOrAdopt => match &subject {
                    Subject::Body(name, code, span) => {
                        let state = code
                            .map(|c| (c, *span))
                            .or_else(|| nearest_state(named, t.span, false));
                        let (aim, end) = self.aim_after(f.text, t.span, sent);
                        suppress_until = end;
                        if state.is_some() {
                            out.push(make(ClaimKind::Vote, state, Some(name.clone()), aim));
                        }
                    }
                    Subject::Treaty
                        if f.text[t.span.start..t.span.end].eq_ignore_ascii_case("adopted") =>
                    {
                        out.push(make(ClaimKind::TreatyAdopted, None, None, None));
                    }
                    _ => {}
                },
                Trig::InForce => {
                    // A trigger can run past its sentence ("came\ninto force").
                    let after = f.text.get(t.span.end..sent.end).unwrap_or("");
                    let for_state = after
                        .strip_prefix(" for ")
                        .and_then(|_| named.iter().find(|n| n.span.start == t.span.end + 5))
                        .and_then(|n| match n.who {
                            Who::State(c, _) => Some((c, n.span)),
                            _ => None,
                        });
                    if let Some(st) = for_state {
                        out.push(make(ClaimKind::EntryIntoForce, Some(st), None, None));
                    } else if matches!(subject, Subject::Treaty) || has_anaphor(sentence_text) {
                        out.push(make(ClaimKind::EntryIntoForce, None, None, None));
                    }
                }
                Trig::Count => {
                    let Extra::Count { what, qual, n } = t.extra else {
                        continue;
                    };
                    let what = match what {
                        CountWhat::Parties | CountWhat::Signed => Some(what),
                        CountWhat::Joined => {
                            if self.count_join.is_match(sentence_text) {
                                Some(CountWhat::Joined)
                            } else if self.count_sign.is_match(sentence_text) {
                                Some(CountWhat::Signed)
                            } else {
                                None
                            }
                        }
                    };
                    if let Some(what) = what {
                        out.push(Draft {
                            kind: ClaimKind::Count,
                            span: t.span,
                            state: None,
                            actor: None,
                            when: None,
                            since: false,
                            aim: None,
                            extra: Extra::Count { qual, n, what },
                            months: None,
                        });
                    }
                }
                kind => {
                    let claim = match kind {
                        Trig::NotSigned => ClaimKind::NotSigned,
                        Trig::NotJoined => ClaimKind::NotJoined,
                        Trig::WithdrawalNotified => ClaimKind::WithdrawalNotified,
                        Trig::WithdrawalEffect => ClaimKind::WithdrawalEffect,
                        Trig::Deposited => ClaimKind::Joined,
                        Trig::Intent => ClaimKind::IntendsToWithdraw,
                        Trig::Stockpile => ClaimKind::Stockpile,
                        Trig::Arsenal => ClaimKind::Arsenal,
                        Trig::Ratified => ClaimKind::Ratified,
                        Trig::Joined => ClaimKind::Joined,
                        Trig::Withdrew => ClaimKind::Withdrew,
                        Trig::Suspended => ClaimKind::Suspended,
                        Trig::Signed => ClaimKind::Signed,
                        Trig::Production => ClaimKind::Production,
                        _ => continue,
                    };
                    let aim = match claim {
                        ClaimKind::IntendsToWithdraw => Some(Aim::Withdraw),
                        ClaimKind::Suspended => Some(Aim::Suspend),
                        _ => None,
                    };
                    // Production and arsenals are read only of a state named before them.
                    let before_only = matches!(claim, ClaimKind::Production);
                    let subject_before = match &subject {
                        Subject::States(list) => {
                            list.first().is_some_and(|(_, sp)| sp.end <= t.span.start)
                        }
                        _ => true,
                    };
                    if before_only && !subject_before {
                        continue;
                    }
                    match &subject {
                        Subject::States(list) => {
                            for st in list {
                                if !out.iter().any(|d| {
                                    d.kind == claim
                                        && d.state == Some(st.0)
                                        && sentence_of(f.sentences, d.span.start) == Some(si)
                                }) {
                                    out.push(make(claim, Some(*st), None, aim));
                                }
                            }
                        }
                        Subject::Body(name, code, span) => {
                            let state = code
                                .map(|c| (c, *span))
                                .or_else(|| nearest_state(named, t.span, false));
                            if state.is_some() {
                                out.push(make(claim, state, Some(name.clone()), aim));
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        // Withdrawal periods: a length of time in a sentence about withdrawing.
        for d in f.dates {
            if out.len() >= limit {
                return (out, true);
            }
            if d.mention.kind != DateKind::Duration {
                continue;
            }
            let Some(si) = sentence_of(f.sentences, d.mention.span.start) else {
                continue;
            };
            let sent = f.sentences[si];
            if self
                .withdraw_word
                .is_match(around(f.text, sent, d.mention.span, 300))
            {
                out.push(Draft {
                    kind: ClaimKind::WithdrawalPeriod,
                    span: d.mention.span,
                    state: None,
                    actor: None,
                    when: None,
                    since: false,
                    aim: Some(Aim::Withdraw),
                    extra: Extra::None,
                    months: d.mention.months,
                });
            }
        }
        out.sort_by_key(|d| (d.span.start, d.span.end));
        (out, false)
    }

    /// Where a decree, law or vote points, from the words after it (up to 120 bytes in
    /// its sentence), and where those words end.
    fn aim_after(&self, text: &str, trigger: Span, sent: Span) -> (Option<Aim>, usize) {
        let mut end = (trigger.end + 120).min(sent.end).max(trigger.end);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let object = &text[trigger.end..end];
        let found = [
            (&self.aim_suspend, Aim::Suspend),
            (&self.aim_withdraw, Aim::Withdraw),
            (&self.aim_join, Aim::Join),
        ]
        .into_iter()
        .filter_map(|(re, aim)| re.find(object).map(|m| (m.start(), m.end(), aim)))
        .min_by_key(|(s, _, _)| *s);
        match found {
            Some((_, e, aim)) => (Some(aim), trigger.end + e),
            None => (None, trigger.end),
        }
    }
}

impl Default for ClaimFinder {
    fn default() -> Self {
        ClaimFinder::new()
    }
}

/// Refines a trigger from its captures; `None` drops it.
fn classify(kind: Trig, caps: &Captures<'_>, text: &str, span: Span) -> Option<(Trig, Extra)> {
    match kind {
        Trig::NotSigned => {
            let whole = caps.get(0)?.as_str().to_ascii_lowercase();
            let signs = match caps.name("v") {
                Some(v) => v.as_str().to_ascii_lowercase().starts_with("sign"),
                None => whole.starts_with("non"),
            };
            Some((
                if signs {
                    Trig::NotSigned
                } else {
                    Trig::NotJoined
                },
                Extra::None,
            ))
        }
        Trig::Count => {
            let n: u32 = caps.name("n")?.as_str().parse().ok()?;
            let what = caps.name("what")?.as_str().to_ascii_lowercase();
            let what = if what.contains("part") {
                CountWhat::Parties
            } else if what == "signatories" {
                CountWhat::Signed
            } else {
                CountWhat::Joined
            };
            let qual = Qual::parse(caps.name("q").map(|m| m.as_str()));
            Some((kind, Extra::Count { qual, n, what }))
        }
        Trig::Stockpile => {
            let raw = caps.name("n")?.as_str().to_ascii_lowercase();
            let base: f64 = match raw.as_str() {
                "a" | "one" => 1.0,
                r => r.replace(',', "").parse().ok()?,
            };
            let mult = match caps.name("mult").map(|m| m.as_str().to_ascii_lowercase()) {
                Some(m) if m == "million" => 1_000_000.0,
                Some(_) => 1_000.0,
                None if base < 10.0 => return None,
                None => 1.0,
            };
            let qual = Qual::parse(caps.name("q").map(|m| m.as_str()));
            Some((
                kind,
                Extra::Stock {
                    qual,
                    n: base * mult,
                },
            ))
        }
        Trig::Signed => {
            // "signed a decree", "signed the law": not the treaty.
            let next: Vec<String> = text[span.end..]
                .split_whitespace()
                .take(4)
                .map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_ascii_lowercase()
                })
                .collect();
            if next
                .iter()
                .any(|w| NOT_TREATY_OBJECTS.contains(&w.as_str()))
            {
                return None;
            }
            Some((kind, Extra::None))
        }
        _ => Some((kind, Extra::None)),
    }
}

/// Who a trigger is about.
#[derive(Clone, Debug)]
enum Subject {
    States(Vec<(StateCode, Span)>),
    Body(String, Option<StateCode>, Span),
    Treaty,
    None,
}

/// The subject of a trigger: what is named nearest before it in its sentence (a list
/// of states joined by commas and "and" counts as one subject); failing that, the first
/// state or body named after it.
fn subject(f: &Found<'_>, named: &[Named], trigger: Span, sent: Span) -> Subject {
    let before = within(named, Span::new(sent.start, trigger.start), |n| {
        n.span.start
    });
    if let Some(last) = before.iter().rev().find(|n| n.span.end <= trigger.start) {
        let i = before
            .iter()
            .rposition(|n| n.span == last.span)
            .expect("found");
        return match &last.who {
            Who::State(..) => Subject::States(list(f.text, &before[..=i], true)),
            Who::Body(name, code) => Subject::Body(name.clone(), *code, last.span),
            Who::Treaty => Subject::Treaty,
        };
    }
    let after = within(named, Span::new(trigger.end, sent.end), |n| n.span.start);
    for (i, n) in after.iter().enumerate().take(60) {
        match &n.who {
            Who::State(..) => return Subject::States(list(f.text, &after[i..], false)),
            Who::Body(name, code) => return Subject::Body(name.clone(), *code, n.span),
            Who::Treaty => continue,
        }
    }
    Subject::None
}

/// A list of states: "Poland, Latvia, and Estonia", "China, Russia, the United States".
/// `backward`: the list ends with the last item of `items`; else it starts with the
/// first. At most 30 states.
fn list(text: &str, items: &[Named], backward: bool) -> Vec<(StateCode, Span)> {
    let joins = |gap: &str| {
        let g = gap.trim().to_ascii_lowercase();
        let g = g.trim_end_matches(" the").trim_end_matches("the").trim();
        matches!(
            g,
            "" | "," | "and" | ", and" | "or" | ", or" | "&" | "as well as" | ", as well as"
        )
    };
    let state = |n: &Named| match n.who {
        Who::State(c, _) => Some((c, n.span)),
        _ => None,
    };
    let mut out: Vec<(StateCode, Span)> = Vec::new();
    let push = |c: StateCode, s: Span, out: &mut Vec<(StateCode, Span)>| {
        if !out.iter().any(|(x, _)| *x == c) {
            out.push((c, s));
        }
    };
    let walk: Box<dyn Iterator<Item = &Named>> = if backward {
        Box::new(items.iter().rev())
    } else {
        Box::new(items.iter())
    };
    let mut prev: Option<&Named> = None;
    for n in walk.take(60) {
        let Some((c, s)) = state(n) else { break };
        if let Some(p) = prev {
            // The two names in text order, and what stands between them.
            let (first, second) = if backward {
                (n.span, p.span)
            } else {
                (p.span, n.span)
            };
            if first.end > second.start || !joins(&text[first.end..second.start]) {
                break;
            }
        }
        push(c, s, &mut out);
        prev = Some(n);
        if out.len() == 30 {
            break;
        }
    }
    if backward {
        out.reverse();
    }
    out
}

/// The state named nearest a trigger in its sentence (`named` is the sentence's), after
/// it first when `after_first`.
fn nearest_state(named: &[Named], trigger: Span, after_first: bool) -> Option<(StateCode, Span)> {
    let as_state = |n: &Named| match n.who {
        Who::State(c, _) => Some((c, n.span)),
        Who::Body(_, Some(c)) => Some((c, n.span)),
        _ => None,
    };
    let split = named.partition_point(|n| n.span.start < trigger.end);
    let after = named[split..].iter().take(60).find_map(as_state);
    let before = named[..split]
        .iter()
        .rev()
        .filter(|n| n.span.end <= trigger.start)
        .take(60)
        .find_map(as_state);
    if after_first {
        after.or(before)
    } else {
        before.or(after)
    }
}

/// The date for a trigger: within `window`, the nearest after it if within 60 bytes,
/// else the nearest before it, else the nearest after it. Durations are not dates.
fn nearest_date(dates: &[FoundDate], trigger: Span, window: Span) -> Option<&FoundDate> {
    let here = within(dates, window, |d| d.mention.span.start);
    let here: Vec<&FoundDate> = here
        .iter()
        .filter(|d| d.mention.kind != DateKind::Duration && d.mention.span.end <= window.end)
        .collect();
    let after = here.iter().find(|d| d.mention.span.start >= trigger.end);
    let before = here
        .iter()
        .rev()
        .find(|d| d.mention.span.end <= trigger.start);
    match (after, before) {
        (Some(a), _) if a.mention.span.start - trigger.end <= 60 => Some(a),
        (_, Some(b)) => Some(b),
        (a, None) => a.copied(),
    }
}

/// The part of a sentence within `reach` bytes of a span: the words a trigger is read
/// with. Keeps each look at the context bounded, whatever the sentence's length.
fn around(text: &str, sent: Span, at: Span, reach: usize) -> &str {
    let mut a = at.start.saturating_sub(reach).max(sent.start);
    let mut b = (at.end + reach).min(sent.end);
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    while !text.is_char_boundary(b) {
        b += 1;
    }
    &text[a..b]
}

fn has_anaphor(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    TREATY_ANAPHORS.iter().any(|a| lower.contains(a))
}
