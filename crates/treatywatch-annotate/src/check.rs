//! Checking each claim against the record: depositary actions for legal acts, domestic
//! steps for decrees, votes and laws, the engine's counts for numbers of states, the
//! treaty's rules for its own facts, records for stockpiles. A verdict is `supported` or
//! `contradicted` only when the record speaks to the claim; otherwise `not_checkable`.
//! A `contradicted` verdict then passes the certainty gate ([`Checker::gate`]): only a
//! claim read with certainty contradicts the record. The notes are the project's own
//! words.

use treatywatch_core::engine::{Engine, Evidence, describe_step};
use treatywatch_core::evidence::{Aim, Qualifier, RecordKind, RecordValue, StepKind};
use treatywatch_core::rules::{GeneralEntry, Retraction, WithdrawalRule};
use treatywatch_core::{
    Action, ActionKind, Date, PartialDate, Source, SourceId, State, Status, StatusReport, Treaty,
};

use treatywatch_core::rules::{EntryIntoForceRule, SignatureRule, SuspensionRule};

use crate::claims::{CountWhat, Doubt, Draft, Extra, Obl, Qual, StockWhat};
use crate::dates::When;
use crate::lexicon::{GROUPS, RuleTopic, TREATY_PLACES};
use crate::model::{ClaimKind, Fact, Modality, Reading, Verdict};

/// The outcome of one check.
pub struct Checked<'d> {
    pub verdict: Verdict,
    pub reading: Reading,
    pub flag: bool,
    pub note: String,
    pub facts: Vec<Fact>,
    pub sources: Vec<&'d Source>,
}

impl<'d> Checked<'d> {
    fn new(reading: Reading) -> Checked<'d> {
        Checked {
            verdict: Verdict::NotCheckable,
            reading,
            flag: false,
            note: String::new(),
            facts: Vec::new(),
            sources: Vec::new(),
        }
    }

    fn cite(&mut self, sources: &[&'d Source]) {
        for s in sources {
            if !self.sources.iter().any(|x| std::ptr::eq(*x, *s)) {
                self.sources.push(s);
            }
        }
    }

    fn fact(&mut self, date: Option<PartialDate>, text: String, sources: &[&'d Source]) {
        self.facts.push(Fact { date, text });
        self.cite(sources);
    }

    /// A domestic step as a fact, with its sources.
    fn step(&mut self, e: &Evidence<'d>) {
        self.fact(
            Some(e.step.date.clone()),
            format!("{}: {}", describe_step(e.step), e.step.summary),
            &e.sources,
        );
    }

    fn set(mut self, verdict: Verdict, note: String) -> Checked<'d> {
        self.verdict = verdict;
        self.note = note;
        self
    }
}

/// Counts of states on one day.
#[derive(Clone, Copy, Debug)]
struct Counts {
    joined: usize,
    parties: usize,
    pending: usize,
    consented: usize,
    withdrawn: usize,
    signatories: usize,
    outside: usize,
    signed_ever: usize,
    ratified: usize,
}

pub struct Checker<'e, 'd> {
    engine: &'e Engine<'d>,
    treaty: &'d Treaty,
    /// The day statuses and counts are taken on.
    pub as_of: Date,
    /// The latest day the record is read up to: today, or the article date if later.
    horizon: Date,
    /// States named in the article, for the withdrawal-period facts.
    named: Vec<&'d State>,
    /// The stricter certainty gate, for languages whose lexicons are shallower than
    /// English's: a contradiction also needs an explicit date in the claim's clause.
    pub strict: bool,
    counts: Option<Counts>,
    reports: std::cell::RefCell<
        std::collections::HashMap<(treatywatch_core::StateCode, Date), StatusReport<'d>>,
    >,
}

fn day(d: Date) -> Option<PartialDate> {
    Some(PartialDate::Day(d))
}

fn words(s: &str) -> String {
    s.replace('_', " ")
}

impl<'e, 'd> Checker<'e, 'd> {
    pub fn new(
        engine: &'e Engine<'d>,
        treaty: &'d Treaty,
        as_of: Date,
        today: Date,
        named: Vec<&'d State>,
    ) -> Checker<'e, 'd> {
        Checker {
            engine,
            treaty,
            as_of,
            horizon: today.max(as_of),
            named,
            strict: false,
            counts: None,
            reports: Default::default(),
        }
    }

    fn sources(&self, ids: &[SourceId]) -> Vec<&'d Source> {
        ids.iter()
            .filter_map(|id| self.engine.data().source(id))
            .collect()
    }

    /// The sources of the state's actions of one kind.
    fn action_sources(&self, state: &'d State, kind: ActionKind) -> Vec<&'d Source> {
        let mut out: Vec<&'d Source> = Vec::new();
        for a in self.actions(state) {
            if a.kind == kind {
                for s in self.sources(&a.sources) {
                    if !out.iter().any(|x| std::ptr::eq(*x, s)) {
                        out.push(s);
                    }
                }
            }
        }
        out
    }

    fn actions(&self, state: &'d State) -> Vec<&'d Action> {
        self.engine.actions(self.treaty, state).collect()
    }

    /// A state's status report on a day, computed once per annotation: many claims
    /// ask for the same ones.
    fn status(&self, state: &'d State, on: Date) -> StatusReport<'d> {
        let key = (state.code, on);
        if let Some(r) = self.reports.borrow().get(&key) {
            return r.clone();
        }
        let r = self.engine.status(self.treaty, state, on);
        self.reports.borrow_mut().insert(key, r.clone());
        r
    }

    /// Every domestic step recorded for the state, up to the horizon.
    fn steps(&self, state: &'d State) -> Vec<Evidence<'d>> {
        self.status(state, self.horizon).evidence
    }

    fn short(&self) -> &str {
        &self.treaty.short_name
    }

    /// The verdict on one claim: read against the record, then through the certainty
    /// gate ([`Checker::gate`]).
    pub fn check(&mut self, d: &Draft) -> Checked<'d> {
        let c = self.read(d);
        if c.verdict == Verdict::Contradicted {
            self.gate(d, c)
        } else {
            c
        }
    }

    /// The certainty gate: a claim is `contradicted` only when its reading is certain.
    /// Its state named directly in its own clause, with its own verb (not found through
    /// a pronoun, a relative clause, another clause or a colon, not one of a list with
    /// an exception or a negation in it); stated as a past or present fact (not said of
    /// the future, under a condition, as a wish or an intention); not an approximate
    /// figure ("about", "nearly"); and, when the contradiction rests on the date, an
    /// explicit date or year in its clause (not "two years later", not a day whose year
    /// the tense placed). With the stricter gate (languages other than English) every
    /// contradicted claim of a state's act needs such a date. The rest are
    /// `not_checkable`, saying what was uncertain.
    pub fn gate(&mut self, d: &Draft, c: Checked<'d>) -> Checked<'d> {
        let uncertain = |c: Checked<'d>, why: &str| {
            let note = format!(
                "Not contradicted: {why}, so the reading is not certain enough to contradict \
                 the record. (Read with certainty, the record would not bear it out: {})",
                c.note
            );
            c.set(Verdict::NotCheckable, note)
        };
        if let Some(doubt) = d.subject_doubt {
            return uncertain(c, doubt.words());
        }
        let rule = matches!(d.kind, ClaimKind::TreatyRule | ClaimKind::WithdrawalPeriod);
        match d.modality {
            Modality::Asserted | Modality::Negated => {}
            Modality::Rule if rule => {}
            m => {
                return uncertain(
                    c,
                    &format!("it is said as {}, not stated as a fact", m.as_str()),
                );
            }
        }
        if d.kind == ClaimKind::IntendsToWithdraw {
            return uncertain(c, "it reports an intention, not an act");
        }
        let approximate = |q: Qual| matches!(q, Qual::About | Qual::Nearly);
        let approx = match d.extra {
            Extra::Count { qual, .. } | Extra::Stock { qual, .. } => approximate(qual),
            Extra::Obligation {
                n: Some((q, _)), ..
            } => approximate(q),
            _ => false,
        };
        if approx {
            return uncertain(c, "the figure is given as approximate");
        }
        let state_act = d.state.is_some() && !rule;
        // An ordinal place is read in the order of consents, whatever the claim's date.
        if matches!(d.extra, Extra::Ordinal { .. }) {
            return c;
        }
        let date_doubt = d
            .date_doubt
            .or_else(|| (self.strict && state_act && d.when.is_none()).then_some(Doubt::NoDate));
        match date_doubt {
            None => c,
            Some(Doubt::NoDate) => uncertain(c, Doubt::NoDate.words()),
            // A figure or a rank is read on its date: without it, it is another claim.
            Some(doubt)
                if matches!(
                    d.kind,
                    ClaimKind::Count
                        | ClaimKind::Stockpile
                        | ClaimKind::Obligation
                        | ClaimKind::GroupRank
                ) =>
            {
                uncertain(c, doubt.words())
            }
            Some(doubt) => {
                // Does the contradiction rest on the date? Read it again without it.
                let mut undated = d.clone();
                undated.when = None;
                undated.since = false;
                let again = self.read(&undated);
                if again.verdict == Verdict::Contradicted && !self.strict {
                    let note = format!(
                        "{} (The claim's date was not relied on: {}.)",
                        again.note,
                        doubt.words()
                    );
                    again.set(Verdict::Contradicted, note)
                } else {
                    uncertain(c, doubt.words())
                }
            }
        }
    }

    /// The verdict on one claim as read, before the certainty gate.
    fn read(&mut self, d: &Draft) -> Checked<'d> {
        if let Some(c) = self.mood(d) {
            return c;
        }
        let state = d.state.and_then(|c| self.engine.data().state(c));
        match (d.kind, state) {
            (ClaimKind::Signed, Some(s)) => self.signed(s, d.when),
            (ClaimKind::Ratified | ClaimKind::Joined, Some(s)) => match &d.actor {
                Some(body) => self.domestic_consent(s, d, body),
                None => self.consent(s, d),
            },
            (ClaimKind::NotSigned | ClaimKind::NotJoined, Some(s)) => {
                let c = self.outside(s, d.kind, d.plain);
                if d.earlier && c.verdict == Verdict::Contradicted {
                    // "The last state that had signed but not ratified": said of a
                    // moment before the one the record is read on.
                    let note = format!(
                        "Said of an earlier moment the text does not date; {} The claim is \
                         not checked against today's status.",
                        c.note
                    );
                    c.set(Verdict::NotCheckable, note)
                } else {
                    c
                }
            }
            (ClaimKind::NotWithdrawn, Some(s)) => self.not_withdrawn(s),
            (ClaimKind::Withdrew, Some(s)) if d.actor.is_some() => {
                let mut c = self.domestic(
                    s,
                    d,
                    &[
                        StepKind::ParliamentVote,
                        StepKind::LawSigned,
                        StepKind::DecreeSigned,
                        StepKind::InstrumentSigned,
                    ],
                    Some(Aim::Withdraw),
                );
                if c.verdict == Verdict::Supported {
                    c.reading = Reading::DomesticStepReportedAsLegalAct;
                    c.flag = true;
                }
                c
            }
            (
                ClaimKind::Withdrew | ClaimKind::WithdrawalNotified | ClaimKind::WithdrawalEffect,
                Some(s),
            ) => self.withdrew(s, d),
            (ClaimKind::IntendsToWithdraw, Some(s)) => self.intent(s, d.when),
            (ClaimKind::Suspended, Some(s)) => self.suspended(s, d.when),
            (ClaimKind::Decree, Some(s)) => self.domestic(s, d, &[StepKind::DecreeSigned], d.aim),
            (ClaimKind::Law, Some(s)) => self.domestic(
                s,
                d,
                &[StepKind::LawSigned, StepKind::InstrumentSigned],
                d.aim,
            ),
            (ClaimKind::Vote, Some(s)) => self.domestic(s, d, &[StepKind::ParliamentVote], d.aim),
            (ClaimKind::Decision, Some(s)) => {
                let kinds: &[StepKind] = match d.actor.as_deref() {
                    Some("government" | "cabinet" | "minister" | "prime minister") => &[
                        StepKind::GovernmentDecision,
                        StepKind::Announcement,
                        StepKind::Statement,
                    ],
                    Some("president") => &[
                        StepKind::LawSigned,
                        StepKind::DecreeSigned,
                        StepKind::InstrumentSigned,
                        StepKind::Announcement,
                        StepKind::GovernmentDecision,
                    ],
                    Some("committee") => &[],
                    _ => StepKind::ALL,
                };
                self.domestic(s, d, kinds, d.aim)
            }
            (ClaimKind::Count, Some(s)) if matches!(d.extra, Extra::Ordinal { .. }) => {
                self.rank(s, d.extra)
            }
            (ClaimKind::Count, _) => self.count(d.extra, d.when),
            (ClaimKind::TreatyAdopted, _) => self.adopted(d.when, d.place),
            (ClaimKind::TreatyOpened, _) => self.opened(d.when, d.place),
            (ClaimKind::EntryIntoForce, s) => self.entry_into_force(s, d.when),
            (ClaimKind::WithdrawalPeriod, _) => self.period(d.months, d.extra),
            (ClaimKind::TreatyRule, _) => self.rule(d.extra),
            (ClaimKind::Stockpile, Some(s)) => self.stockpile(s, d.extra),
            (ClaimKind::Obligation, Some(s)) => self.obligation(s, d),
            (ClaimKind::GroupRank, Some(s)) => self.rank(s, d.extra),
            (ClaimKind::Production, Some(s)) => self.production(s, d.modality),
            (ClaimKind::Use, Some(s)) => self.used(s, d),
            (ClaimKind::Arsenal, Some(s)) => Checked::new(Reading::BeyondRecord).set(
                Verdict::NotCheckable,
                format!(
                    "Rankings of arsenals between states are beyond the record, which holds \
                     each state's own stockpile counts (see `treatywatch records {}`).",
                    s.code
                ),
            ),
            _ => Checked::new(Reading::BeyondRecord).set(
                Verdict::NotCheckable,
                "The claim names no state the record can look up.".to_string(),
            ),
        }
    }

    /// Claims the sentence does not make as facts: conditions, questions, calls on
    /// others, denials of intentions, future acts with no date.
    fn mood(&self, d: &Draft) -> Option<Checked<'d>> {
        let not = |note: String| {
            Some(Checked::new(Reading::BeyondRecord).set(Verdict::NotCheckable, note))
        };
        let what = d.kind.words();
        match d.modality {
            Modality::Conditional => not(format!(
                "Said under a condition (\"if ...\"): the sentence does not claim that it \
                 happened ({what}), so there is nothing to check."
            )),
            Modality::Question => not(format!(
                "Asked, not stated ({what}): there is nothing to check."
            )),
            Modality::Reported => not(format!(
                "A call on the state or someone's wish ({what}), not a claim that it happened."
            )),
            // "must destroy its stocks by 1 March 2008", "has until 2033": a deadline
            // is a fact now, however the sentence puts it.
            Modality::Future if matches!(d.extra, Extra::Obligation { what, .. } if what.is_deadline()) => {
                None
            }
            Modality::Future => match d.kind {
                // Only a day set ahead ("will deposit it on 10 July") is checked.
                ClaimKind::Signed | ClaimKind::Ratified | ClaimKind::Joined if !matches!(d.when, Some(When::Day(x)) if x > self.as_of) => {
                    not(format!(
                        "Said of the future ({what}), with no day set after the article's: the \
                         record holds what has happened, not what is planned."
                    ))
                }
                ClaimKind::WithdrawalNotified if !matches!(d.when, Some(When::Day(x)) if x > self.as_of) => {
                    not(format!(
                        "Said of the future ({what}): the record holds what has happened, not \
                         what is expected."
                    ))
                }
                ClaimKind::Decree
                | ClaimKind::Law
                | ClaimKind::Vote
                | ClaimKind::Decision
                | ClaimKind::Suspended
                | ClaimKind::Production
                | ClaimKind::Use
                | ClaimKind::Stockpile
                | ClaimKind::Count
                | ClaimKind::Obligation => not(format!(
                    "Said of the future ({what}): the record holds what has happened, not what \
                     is planned."
                )),
                _ => None,
            },
            Modality::Negated => match d.kind {
                ClaimKind::NotSigned
                | ClaimKind::NotJoined
                | ClaimKind::NotWithdrawn
                | ClaimKind::Production => None,
                _ => not(format!(
                    "The sentence denies it ({what}); the record does not hold what states did \
                     not do or do not plan, so it cannot confirm or refute this."
                )),
            },
            Modality::Asserted | Modality::Rule => None,
        }
    }

    fn signed(&self, s: &'d State, when: Option<When>) -> Checked<'d> {
        let mut c = Checked::new(Reading::LegalAct);
        let actions = self.actions(s);
        let name = &s.name;
        let sig = actions.iter().find(|a| a.kind == ActionKind::Signature);
        let consent = actions
            .iter()
            .find(|a| matches!(a.kind, ActionKind::Consent(_)));
        if let Some(a) = sig {
            c.fact(
                day(a.date),
                format!("{name} signed the {} on {}", self.short(), a.date),
                &self.sources(&a.sources),
            );
        }
        if let Some(a) = consent {
            c.fact(
                day(a.date),
                format!(
                    "{name} deposited its instrument of {}",
                    words(a.kind.as_str())
                ),
                &self.sources(&a.sources),
            );
        }
        match (sig, when) {
            (Some(a), Some(w)) if w.contains(a.date) => c.set(
                Verdict::Supported,
                format!(
                    "{name} signed on {}, which matches {}.",
                    a.date,
                    w.describe()
                ),
            ),
            (Some(a), Some(w)) => c.set(
                Verdict::Contradicted,
                format!("{name} signed on {}, not {}.", a.date, w.describe()),
            ),
            (Some(a), None) if a.date <= self.as_of => {
                c.set(Verdict::Supported, format!("{name} signed on {}.", a.date))
            }
            (Some(a), None) => c.set(
                Verdict::Contradicted,
                format!("{name} signed only on {}, after {}.", a.date, self.as_of),
            ),
            (None, _) => {
                let rep = self.status(s, self.as_of);
                c.cite(&rep.sources);
                let note = match consent {
                    Some(a) => format!(
                        "{name} never signed: it joined by {} on {}, which needs no signature \
                         (once the treaty is in force, joining is by accession only).",
                        words(a.kind.as_str()),
                        a.date
                    ),
                    None => format!(
                        "No signature by {name} is recorded: on {} it is {}.",
                        self.as_of,
                        rep.status.phrase()
                    ),
                };
                c.set(Verdict::Contradicted, note)
            }
        }
    }

    /// The consent in force for the state and when the treaty entered into force for it.
    fn consent_facts(&self, s: &'d State, c: &mut Checked<'d>) -> Vec<(&'d Action, Option<Date>)> {
        let rep = self.status(s, self.horizon);
        let consents: Vec<&'d Action> = self
            .actions(s)
            .into_iter()
            .filter(|a| matches!(a.kind, ActionKind::Consent(_)))
            .collect();
        let mut out = Vec::new();
        for a in consents {
            let eif = (rep.consent_deposited == Some(a.date))
                .then_some(rep.entry_into_force)
                .flatten();
            let in_force = eif
                .map(|e| format!("; the treaty entered into force for {} on {e}", s.name))
                .unwrap_or_default();
            c.fact(
                day(a.date),
                format!(
                    "{} deposited its instrument of {} with the depositary{in_force}",
                    s.name,
                    words(a.kind.as_str())
                ),
                &self.sources(&a.sources),
            );
            if eif.is_some() {
                c.cite(&self.sources(&self.treaty.sources));
            }
            out.push((a, eif));
        }
        out
    }

    fn consent(&self, s: &'d State, d: &Draft) -> Checked<'d> {
        let mut c = Checked::new(Reading::LegalAct);
        let name = &s.name;
        let consents = self.consent_facts(s, &mut c);
        let verb = if d.kind == ClaimKind::Ratified {
            "ratified"
        } else {
            "joined"
        };
        let kind_note = |a: &Action| match (d.kind, a.kind) {
            (ClaimKind::Ratified, ActionKind::Consent(k)) if k.as_str() != "ratification" => {
                format!(
                    " Strictly, it joined by {}, not ratification.",
                    words(k.as_str())
                )
            }
            _ => String::new(),
        };
        let Some(&(first, _)) = consents.first() else {
            let rep = self.status(s, self.as_of);
            c.cite(&rep.sources);
            return c.set(
                Verdict::Contradicted,
                format!(
                    "{name} has deposited no instrument of consent: on {} it is {}.",
                    self.as_of,
                    rep.status.phrase()
                ),
            );
        };
        match d.when {
            Some(w) => {
                let hit = consents.iter().find(|(a, eif)| {
                    w.contains(a.date)
                        || (d.kind == ClaimKind::Joined && eif.is_some_and(|e| w.contains(e)))
                });
                if let Some((a, eif)) = hit {
                    let which = if w.contains(a.date) {
                        format!(
                            "its instrument of {} was deposited on {}",
                            words(a.kind.as_str()),
                            a.date
                        )
                    } else {
                        format!(
                            "the treaty entered into force for it on {}",
                            eif.expect("matched")
                        )
                    };
                    return c.set(
                        Verdict::Supported,
                        format!(
                            "{name} {verb} in {}: {which}.{}",
                            w.describe(),
                            kind_note(a)
                        ),
                    );
                }
                let (a, eif) = consents[consents.len() - 1];
                let in_force = eif
                    .map(|e| format!(" (in force for it from {e})"))
                    .unwrap_or_default();
                let mut note = format!(
                    "{name} deposited its instrument of {} on {}{in_force}, not in {}.",
                    words(a.kind.as_str()),
                    a.date,
                    w.describe()
                );
                let steps: Vec<Evidence<'d>> = self
                    .steps(s)
                    .into_iter()
                    .filter(|e| e.step.aim == Aim::Join && w.overlaps(&e.step.date))
                    .collect();
                if let Some(e) = steps.first() {
                    note.push_str(&format!(
                        " In {} the record shows a domestic step, {}: the text reports a \
                         domestic step as the legal act.",
                        w.describe(),
                        describe_step(e.step)
                    ));
                    c.flag = true;
                    c.reading = Reading::DomesticStepReportedAsLegalAct;
                    c.step(e);
                }
                c.set(Verdict::Contradicted, note)
            }
            None if first.date <= self.as_of => c.set(
                Verdict::Supported,
                format!(
                    "{name} {verb}: instrument of {} deposited on {}.{}",
                    words(first.kind.as_str()),
                    first.date,
                    kind_note(first)
                ),
            ),
            None => c.set(
                Verdict::Contradicted,
                format!(
                    "{name} deposited its instrument only on {}, after {}.",
                    first.date, self.as_of
                ),
            ),
        }
    }

    /// "The parliament ratified it in May 2005": a domestic step reported as the act.
    fn domestic_consent(&self, s: &'d State, d: &Draft, body: &str) -> Checked<'d> {
        let mut c = Checked::new(Reading::DomesticStep);
        let name = &s.name;
        let steps: Vec<Evidence<'d>> = self
            .steps(s)
            .into_iter()
            .filter(|e| e.step.aim == Aim::Join)
            .collect();
        let matching: Vec<&Evidence<'d>> = steps
            .iter()
            .filter(|e| d.when.is_none_or(|w| w.overlaps(&e.step.date)))
            .collect();
        for e in &matching {
            c.step(e);
        }
        let consents = self.consent_facts(s, &mut c);
        let legal = match consents.last() {
            Some((a, eif)) => format!(
                "the legal act, the deposit of the instrument of {} with the depositary, came on {}{}",
                words(a.kind.as_str()),
                a.date,
                eif.map(|e| format!(", and the treaty entered into force for {name} on {e}"))
                    .unwrap_or_default()
            ),
            None => format!("no instrument of consent by {name} has been deposited"),
        };
        let when = d
            .when
            .map(|w| format!(" in {}", w.describe()))
            .unwrap_or_default();
        // The step the body itself took, else a vote, else the first.
        let best = matching
            .iter()
            .find(|e| e.step.body.contains(body))
            .or_else(|| {
                matching
                    .iter()
                    .find(|e| e.step.kind == StepKind::ParliamentVote)
            })
            .or(matching.first());
        if let Some(e) = best {
            c.flag = true;
            c.reading = Reading::DomesticStepReportedAsLegalAct;
            return c.set(
                Verdict::Supported,
                format!(
                    "A domestic step reported as a legal act: what the {body} did{when} was a \
                     {}; {legal}.",
                    describe_step(e.step)
                ),
            );
        }
        if steps.is_empty() {
            return c.set(
                Verdict::NotCheckable,
                format!("The record holds no domestic step towards joining by {name}; {legal}."),
            );
        }
        let list: Vec<String> = steps.iter().map(|e| describe_step(e.step)).collect();
        c.set(
            Verdict::Contradicted,
            format!(
                "The record's domestic steps towards joining by {name} are {}, none{when}; {legal}.",
                list.join("; ")
            ),
        )
    }

    fn outside(&self, s: &'d State, kind: ClaimKind, plain: bool) -> Checked<'d> {
        let mut c = Checked::new(Reading::LegalAct);
        let rep = self.status(s, self.as_of);
        let name = &s.name;
        c.cite(&rep.sources);
        c.fact(
            day(self.as_of),
            format!("{name} is {} ({})", rep.status.phrase(), rep.status),
            &[],
        );
        let on = self.as_of;
        if kind == ClaimKind::NotSigned {
            return match (rep.signed, rep.consent_deposited, rep.consent_kind) {
                (None, None, _) => c.set(
                    Verdict::Supported,
                    format!(
                        "On {on} {name} has neither signed nor joined the {}.",
                        self.short()
                    ),
                ),
                (Some(sd), _, _) => c.set(
                    Verdict::Contradicted,
                    format!(
                        "{name} signed on {sd}; on {on} it is {}.",
                        rep.status.phrase()
                    ),
                ),
                (None, Some(cd), k) if plain => c.set(
                    Verdict::Supported,
                    format!(
                        "{name} never signed: it joined by {} on {cd}, which needs no signature.",
                        k.map_or("an instrument".to_string(), |k| words(k.as_str())),
                    ),
                ),
                (None, Some(cd), k) => c.set(
                    Verdict::Contradicted,
                    format!(
                        "{name} never signed, but it joined by {} on {cd}: on {on} it is {}, \
                         so listing it among states outside the treaty misleads.",
                        k.map_or("an instrument".to_string(), |k| words(k.as_str())),
                        rep.status.phrase()
                    ),
                ),
            };
        }
        match rep.status {
            Status::NotSignatory | Status::Signatory => c.set(
                Verdict::Supported,
                format!("On {on} {name} has not joined the {}: it is {}.", self.short(), rep.status.phrase()),
            ),
            Status::Withdrawn => c.set(
                Verdict::Supported,
                format!(
                    "{name} joined on {} but its withdrawal took effect on {}: on {on} it is not a party.",
                    rep.consent_deposited.map_or("-".into(), |d| d.to_string()),
                    rep.withdrawal_effective.map_or("-".into(), |d| d.to_string())
                ),
            ),
            st => c.set(
                Verdict::Contradicted,
                format!(
                    "{name} joined on {}: on {on} it is {}.",
                    rep.consent_deposited.map_or("-".into(), |d| d.to_string()),
                    st.phrase()
                ),
            ),
        }
    }

    fn withdrew(&self, s: &'d State, d: &Draft) -> Checked<'d> {
        let mut c = Checked::new(Reading::LegalAct);
        let name = &s.name;
        let rep = self.status(s, self.horizon);
        let received = rep.withdrawal_notified;
        let effective = rep.withdrawal_effective;
        let wd = self
            .actions(s)
            .into_iter()
            .find(|a| a.kind == ActionKind::Withdrawal && Some(a.date) == received);
        if let Some(a) = wd {
            let effect = match effective {
                Some(e) => format!("; it takes effect on {e}"),
                None => "; no date of effect can be given yet".to_string(),
            };
            c.fact(
                day(a.date),
                format!("the depositary received {name}'s instrument of withdrawal{effect}"),
                &self.sources(&a.sources),
            );
            c.cite(&self.sources(&self.treaty.sources));
        }
        let Some(r) = received else {
            return self.no_withdrawal(s, c);
        };
        let effect_words = |on: Date| match effective {
            Some(e) if e <= on => format!("it took effect on {e}"),
            Some(e) => format!("it takes effect on {e}; until then {name} remains a State Party"),
            None => "no date of effect is known yet".to_string(),
        };
        // "Finland has withdrawn" while its withdrawal is still pending: the notice is
        // not the withdrawal, which takes effect only six months after it (Art. 20).
        let plain_past = d.kind == ClaimKind::Withdrew && d.modality == Modality::Asserted;
        if plain_past
            && r <= self.as_of
            && effective.is_none_or(|e| e > self.as_of)
            && d.when
                .is_none_or(|w| w.range().is_some_and(|(a, _)| a <= self.as_of))
        {
            let until = match effective {
                Some(e) => format!("it takes effect only on {e}"),
                None => "no date of effect is known yet".to_string(),
            };
            return c.set(
                Verdict::Contradicted,
                format!(
                    "On {} {name} had not withdrawn: the depositary received its notice of \
                     withdrawal on {r}, but {until}, and until then {name} remains a State \
                     Party. The text reports the notice as the withdrawal.",
                    self.as_of
                ),
            );
        }
        let candidates: Vec<Date> = match d.kind {
            ClaimKind::WithdrawalNotified => vec![r],
            ClaimKind::WithdrawalEffect => effective.into_iter().collect(),
            _ => std::iter::once(r).chain(effective).collect(),
        };
        // A plain past withdrawal with a notice received only after the article's date:
        // read as if undated ("it was received later").
        let when = if plain_past && r > self.as_of {
            None
        } else {
            d.when
        };
        match when {
            Some(w) => {
                if candidates.iter().any(|&x| w.contains(x)) {
                    c.set(
                        Verdict::Supported,
                        format!(
                            "The depositary received {name}'s withdrawal on {r}; {}.",
                            effect_words(self.horizon)
                        ),
                    )
                } else {
                    c.set(
                        Verdict::Contradicted,
                        format!(
                            "Not {}: the depositary received {name}'s withdrawal on {r}; {}.",
                            w.describe(),
                            effect_words(self.horizon)
                        ),
                    )
                }
            }
            None if r <= self.as_of => c.set(
                Verdict::Supported,
                format!(
                    "The depositary received {name}'s withdrawal on {r}; {}.",
                    effect_words(self.as_of)
                ),
            ),
            // A notice said to be sent, with no date, that was sent after the article:
            // the text may speak of it ahead ("Finland sends its notice to the UN").
            None if d.kind != ClaimKind::Withdrew => c.set(
                Verdict::NotCheckable,
                format!(
                    "On {} no withdrawal by {name} had been received; it was received later, on \
                     {r}. The text gives no date, so it may speak of it ahead.",
                    self.as_of
                ),
            ),
            None => {
                let steps: Vec<Evidence<'d>> = self
                    .steps(s)
                    .into_iter()
                    .filter(|e| e.step.aim == Aim::Withdraw)
                    .filter(|e| e.step.date.earliest().is_some_and(|x| x <= self.as_of))
                    .collect();
                let mut note = format!(
                    "On {} no withdrawal by {name} had been received; it was received later, on {r}.",
                    self.as_of
                );
                if let Some(last) = steps.last() {
                    note.push_str(&format!(
                        " By then only domestic steps were recorded (the latest: {}): the text \
                         reports a domestic step as the legal act.",
                        describe_step(last.step)
                    ));
                    c.flag = true;
                    for e in &steps {
                        c.step(e);
                    }
                }
                let mut c = c.set(Verdict::Contradicted, note);
                c.reading = if c.flag {
                    Reading::DomesticStepReportedAsLegalAct
                } else {
                    Reading::LegalAct
                };
                c
            }
        }
    }

    /// No instrument of withdrawal: say what there is instead.
    fn no_withdrawal(&self, s: &'d State, mut c: Checked<'d>) -> Checked<'d> {
        let name = &s.name;
        let rep = self.status(s, self.as_of);
        c.cite(&rep.sources);
        let mut note = format!(
            "No instrument of withdrawal by {name} is recorded: on {} it is {}.",
            self.as_of,
            rep.status.phrase()
        );
        for a in self.actions(s) {
            if a.kind == ActionKind::SuspensionDeclared && a.date <= self.horizon {
                c.fact(
                    day(a.date),
                    format!("{name} declared to the depositary that it suspends the treaty, which has no suspension clause; its status is unchanged"),
                    &self.sources(&a.sources),
                );
                note.push_str(&format!(
                    " It declared a suspension on {}, which is not a withdrawal and, with no \
                     suspension clause in the treaty, changes no legal status.",
                    a.date
                ));
            }
        }
        let steps: Vec<Evidence<'d>> = self
            .steps(s)
            .into_iter()
            .filter(|e| matches!(e.step.aim, Aim::Withdraw | Aim::Suspend))
            .filter(|e| e.step.date.earliest().is_some_and(|d| d <= self.as_of))
            .collect();
        if let Some(last) = steps.last() {
            c.flag = true;
            c.reading = Reading::DomesticStepReportedAsLegalAct;
            note.push_str(&format!(
                " Domestic steps are recorded (the latest: {}), but they are not the legal act.",
                describe_step(last.step)
            ));
            for e in &steps {
                c.step(e);
            }
        }
        c.set(Verdict::Contradicted, note)
    }

    fn intent(&self, s: &'d State, when: Option<When>) -> Checked<'d> {
        // A date up to the article's is when the intention was said; a later one is
        // when the withdrawal is planned for, and says nothing about the record.
        if let Some(w) = when
            && w.range().is_some_and(|(a, _)| a <= self.as_of)
        {
            let rep = self.status(s, self.horizon);
            let dated = self
                .steps(s)
                .into_iter()
                .find(|e| matches!(e.step.aim, Aim::Withdraw) && w.overlaps(&e.step.date));
            let deposited = rep.withdrawal_notified.filter(|r| w.contains(*r));
            if dated.is_none() && deposited.is_none() {
                let mut c = self.intent(s, None);
                if c.verdict == Verdict::Supported {
                    c.verdict = Verdict::NotCheckable;
                    c.note = format!(
                        "The record shows {} intending to withdraw, but no step of it in {}: \
                         the record cannot tie the intention to that date. {}",
                        s.name,
                        w.describe(),
                        c.note
                    );
                }
                return c;
            }
        }
        let mut c = Checked::new(Reading::DomesticStep);
        let name = &s.name;
        let on = self.as_of;
        let rep = self.status(s, on);
        let later = self.status(s, self.horizon);
        let steps: Vec<Evidence<'d>> = rep
            .evidence
            .iter()
            .filter(|e| e.step.aim == Aim::Withdraw)
            .cloned()
            .collect();
        for e in &steps {
            c.step(e);
        }
        if let Some(r) = rep.withdrawal_notified {
            c.cite(&self.action_sources(s, ActionKind::Withdrawal));
            c.cite(&self.sources(&self.treaty.sources));
            c.reading = Reading::LegalAct;
            let effect = rep
                .withdrawal_effective
                .map(|e| format!(", taking effect on {e}"))
                .unwrap_or_default();
            c.fact(
                day(r),
                format!("the depositary received {name}'s instrument of withdrawal{effect}"),
                &[],
            );
            return c.set(
                Verdict::Supported,
                format!(
                    "More than an intention by {on}: the depositary had received {name}'s \
                     withdrawal on {r}{effect}."
                ),
            );
        }
        let afterwards = later
            .withdrawal_notified
            .map(|r| {
                c.cite(&self.action_sources(s, ActionKind::Withdrawal));
                format!(" Its withdrawal was received later, on {r}.")
            })
            .unwrap_or_default();
        if let Some(last) = steps.last() {
            return c.set(
                Verdict::Supported,
                format!(
                    "The record shows domestic steps towards withdrawal (the latest by {on}: {}). \
                     No instrument of withdrawal had been deposited by then: legally {name} was {}.{afterwards}",
                    describe_step(last.step),
                    rep.status.phrase()
                ),
            );
        }
        if !rep.status.is_bound() {
            c.cite(&rep.sources);
            return c.set(
                Verdict::Contradicted,
                format!(
                    "On {on} {name} is {}: it has no membership to withdraw from.",
                    rep.status.phrase()
                ),
            );
        }
        c.set(
            Verdict::NotCheckable,
            format!(
                "The record holds no domestic step towards withdrawal by {name} up to {on}, so it \
                 can neither confirm nor refute an intention.{afterwards}"
            ),
        )
    }

    fn suspended(&self, s: &'d State, when: Option<When>) -> Checked<'d> {
        let mut c = Checked::new(Reading::LegalAct);
        let name = &s.name;
        let on = self.as_of;
        let rep = self.status(s, on);
        let fits = |d: Date| when.map_or(d <= on, |w| w.contains(d));
        let declared: Vec<&'d Action> = self
            .actions(s)
            .into_iter()
            .filter(|a| a.kind == ActionKind::SuspensionDeclared && fits(a.date))
            .collect();
        let steps: Vec<Evidence<'d>> = self
            .steps(s)
            .into_iter()
            .filter(|e| e.step.aim == Aim::Suspend)
            .filter(|e| {
                when.map_or(e.step.date.earliest().is_some_and(|d| d <= on), |w| {
                    w.overlaps(&e.step.date)
                })
            })
            .collect();
        for a in &declared {
            c.fact(
                day(a.date),
                format!("{name} declared to the depositary that it suspends the treaty"),
                &self.sources(&a.sources),
            );
        }
        for e in &steps {
            c.step(e);
        }
        let status = format!("on {on} {name} is {}", rep.status.phrase());
        if let Some(a) = declared.first() {
            c.cite(&self.sources(&self.treaty.sources));
            return c.set(
                Verdict::Supported,
                format!(
                    "{name} declared a suspension on {}. The treaty has no suspension clause, so \
                     the declaration changes no legal status: {status}.",
                    a.date
                ),
            );
        }
        if let Some(e) = steps.last() {
            c.reading = Reading::DomesticStep;
            return c.set(
                Verdict::Supported,
                format!(
                    "Domestic steps towards suspension are recorded ({}); they change no legal \
                     status: {status}.",
                    describe_step(e.step)
                ),
            );
        }
        c.cite(&rep.sources);
        c.set(
            Verdict::NotCheckable,
            format!("The record holds no suspension by {name}: {status}."),
        )
    }

    /// Decrees, laws and votes: domestic steps of the given kinds.
    fn domestic(
        &self,
        s: &'d State,
        d: &Draft,
        kinds: &[StepKind],
        aim: Option<Aim>,
    ) -> Checked<'d> {
        let mut c = Checked::new(Reading::DomesticStep);
        let name = &s.name;
        let on = self.as_of;
        let all_steps = self.steps(s);
        let of_kind: Vec<&Evidence<'d>> = all_steps
            .iter()
            .filter(|e| kinds.contains(&e.step.kind))
            .collect();
        // The steps of this process: same kind and, when the text says, same aim.
        let covering: Vec<&Evidence<'d>> = of_kind
            .iter()
            .copied()
            .filter(|e| aim.is_some_and(|a| e.step.aim == a))
            .collect();
        // Announcements and statements are recorded only in part: a government's act
        // with no date matches only a recorded government decision, and a dated one
        // that matches none is not contradicted.
        // A decision said of the state itself ("Latvia decided") is as soft: it may be
        // any step.
        let government = !kinds.is_empty()
            && kinds.iter().all(|k| {
                matches!(
                    k,
                    StepKind::GovernmentDecision | StepKind::Announcement | StepKind::Statement
                )
            });
        let soft = government || d.kind == ClaimKind::Decision;
        let matching: Vec<&Evidence<'d>> = of_kind
            .iter()
            .copied()
            .filter(|e| aim.is_none_or(|a| e.step.aim == a))
            .filter(|e| match d.when {
                Some(w) => w.overlaps(&e.step.date),
                None => {
                    e.step.date.earliest().is_some_and(|x| x <= on)
                        && (!matches!(d.actor.as_deref(), Some("government" | "cabinet"))
                            || e.step.kind == StepKind::GovernmentDecision)
                }
            })
            .collect();
        let what = match kinds.first() {
            Some(StepKind::DecreeSigned) => "a decree",
            Some(StepKind::LawSigned) => "a law",
            Some(StepKind::ParliamentVote) => "a parliamentary vote",
            Some(StepKind::GovernmentDecision) => "a government decision or announcement",
            _ => "a domestic step",
        };
        let aim_words = aim
            .map(|a| format!(" towards {}", a.act()))
            .unwrap_or_default();
        let when = d
            .when
            .map(|w| format!(" in {}", w.describe()))
            .unwrap_or_default();
        let Some(hit) = matching.first() else {
            for e in &all_steps {
                c.step(e);
            }
            // A date before the record's first step towards the same end: the record's
            // account of that process begins later (an earlier, rejected bill is not in
            // it), so it cannot refute a step then.
            let first_step = all_steps
                .iter()
                .filter(|e| aim.is_none_or(|a| e.step.aim == a))
                .filter_map(|e| e.step.date.earliest())
                .min();
            let before_record = match (d.when.and_then(|w| w.range()), first_step) {
                (Some((_, end)), Some(first)) => end < first,
                _ => false,
            };
            if covering.is_empty() || soft || before_record {
                let others = if before_record {
                    format!(
                        "its steps of that kind begin on {}",
                        first_step.map_or_else(String::new, |d| d.to_string())
                    )
                } else if all_steps.is_empty() {
                    format!("no domestic steps of {name} are recorded at all")
                } else {
                    let list: Vec<String> =
                        all_steps.iter().map(|e| describe_step(e.step)).collect();
                    format!("the steps it holds are {}", list.join("; "))
                };
                return c.set(
                    Verdict::NotCheckable,
                    format!(
                        "The record holds no {}{aim_words} by {name}{when} ({others}), so it \
                         cannot confirm or refute this.",
                        &what[2..]
                    ),
                );
            }
            let list: Vec<String> = covering.iter().map(|e| describe_step(e.step)).collect();
            return c.set(
                Verdict::Contradicted,
                format!(
                    "The record shows no {}{aim_words}{when} by {name}; it shows {}.",
                    &what[2..],
                    list.join("; ")
                ),
            );
        };
        for e in &matching {
            c.step(e);
        }
        let legal = self.legal_context(s, hit.step.aim, &mut c);
        if let Extra::Vote { yes, against } = d.extra
            && let Some(v) = hit.step.vote
            && (yes.abs_diff(v.yes) > 1 || against.abs_diff(v.against) > 1)
        {
            return c.set(
                Verdict::Contradicted,
                format!(
                    "The record shows {} ({}), but with {v}, not {yes} to {against}.",
                    what,
                    describe_step(hit.step)
                ),
            );
        }
        c.set(
            Verdict::Supported,
            format!(
                "The record shows {} ({}). It is a domestic step, evidence of intent, not a legal \
                 act under the treaty: {legal}",
                what,
                describe_step(hit.step)
            ),
        )
    }

    /// What the depositary's record says beside a domestic step.
    fn legal_context(&self, s: &'d State, aim: Aim, c: &mut Checked<'d>) -> String {
        let name = &s.name;
        let on = self.as_of;
        let rep = self.status(s, on);
        let later = self.status(s, self.horizon);
        if aim == Aim::Join {
            for a in self.actions(s) {
                if matches!(a.kind, ActionKind::Consent(_)) {
                    c.cite(&self.sources(&a.sources));
                }
            }
        }
        match aim {
            Aim::Join => match (rep.consent_deposited, later.consent_deposited) {
                (Some(d), _) => format!("{name}'s instrument was deposited on {d}."),
                (None, Some(d)) => format!("the instrument was deposited later, on {d}."),
                (None, None) => format!("no instrument of consent by {name} is recorded."),
            },
            Aim::Withdraw | Aim::Suspend => {
                c.cite(&self.action_sources(s, ActionKind::Withdrawal));
                if later.withdrawal_notified.is_none() {
                    c.cite(&self.sources(&self.treaty.status_sources));
                }
                let mut out = match (rep.withdrawal_notified, later.withdrawal_notified) {
                    (Some(r), _) => format!("the depositary received {name}'s withdrawal on {r}."),
                    (None, Some(r)) => format!(
                        "on {on} no instrument of withdrawal had been deposited ({name} was {}); \
                         one was received later, on {r}.",
                        rep.status.phrase()
                    ),
                    (None, None) => format!(
                        "no instrument of withdrawal by {name} is recorded, so {name} remains {}.",
                        later.status.phrase()
                    ),
                };
                for a in self.actions(s) {
                    if a.kind == ActionKind::SuspensionDeclared && a.date <= self.horizon {
                        out.push_str(&format!(
                            " It declared a suspension on {}, which the treaty does not provide for.",
                            a.date
                        ));
                        c.fact(
                            day(a.date),
                            format!(
                                "{name} declared to the depositary that it suspends the treaty"
                            ),
                            &self.sources(&a.sources),
                        );
                    }
                }
                out
            }
        }
    }

    fn counts_on(&self, on: Date) -> Counts {
        let by = self.engine.counts_on(self.treaty, on);
        let n = |st: Status| by.iter().find(|(s, _)| *s == st).map_or(0, |(_, n)| *n);
        let mut signed_ever = 0;
        let mut ratified = 0;
        for s in &self.engine.data().states {
            let mut signed = false;
            let mut rat = false;
            for a in self.engine.actions(self.treaty, s) {
                if a.date > on {
                    continue;
                }
                match a.kind {
                    ActionKind::Signature => signed = true,
                    ActionKind::Consent(k)
                        if matches!(k.as_str(), "ratification" | "acceptance" | "approval") =>
                    {
                        rat = true
                    }
                    _ => {}
                }
            }
            signed_ever += usize::from(signed);
            ratified += usize::from(rat);
        }
        Counts {
            joined: n(Status::ConsentDeposited) + n(Status::Party) + n(Status::WithdrawalPending),
            parties: n(Status::Party) + n(Status::WithdrawalPending),
            pending: n(Status::WithdrawalPending),
            consented: n(Status::ConsentDeposited),
            withdrawn: n(Status::Withdrawn),
            signatories: n(Status::Signatory),
            outside: n(Status::NotSignatory),
            signed_ever,
            ratified,
        }
    }

    fn counts(&mut self) -> Counts {
        if let Some(c) = self.counts {
            return c;
        }
        let c = self.counts_on(self.as_of);
        self.counts = Some(c);
        c
    }

    fn count(&mut self, extra: Extra, when: Option<When>) -> Checked<'d> {
        let mut c = Checked::new(Reading::Count);
        let Extra::Count {
            qual,
            n,
            what,
            past,
        } = extra
        else {
            return c.set(Verdict::NotCheckable, "Not a count.".into());
        };
        if what == CountWhat::Withdrawing {
            return self.count_withdrawing(c, qual, n);
        }
        // A count the text dates earlier is taken on that date.
        let on = when
            .and_then(|w| w.range())
            .map(|(_, b)| b)
            .filter(|b| *b < self.as_of)
            .unwrap_or(self.as_of);
        let k = if on == self.as_of {
            self.counts()
        } else {
            self.counts_on(on)
        };
        c.cite(&self.sources(&self.treaty.status_sources));
        c.fact(
            day(on),
            format!(
                "{} states had joined: {} States Parties ({} of them with a withdrawal pending) \
                 and {} bound later; {} withdrawn, {} signatories not bound, {} outside; {} had \
                 signed, {} had ratified, accepted or approved",
                k.joined,
                k.parties,
                k.pending,
                k.consented,
                k.withdrawn,
                k.signatories,
                k.outside,
                k.signed_ever,
                k.ratified
            ),
            &[],
        );
        // What the count can be: some phrasings fit more than one reading.
        let readings = count_readings(k, what);
        let claim = format!("{}{n}", qual.words());
        if let Some((actual, label)) = readings
            .iter()
            .find(|(a, _)| qual.fits(f64::from(n), *a as f64))
        {
            return c.set(
                Verdict::Supported,
                format!(
                    "On {on} the record counts {actual} {label}, which fits \"{claim}\" ({}).",
                    qual.tolerance()
                ),
            );
        }
        // A count dated by a month or a year ("signed by 122 governments in December
        // 1997") may be meant of any day in it: it fits when it fits on one of them.
        if let Some((day_fit, actual, label)) = self.count_within(when, what, qual, n, on) {
            return c.set(
                Verdict::Supported,
                format!(
                    "On {day_fit}, within the period the text gives, the record counts {actual} \
                     {label}, which fits \"{claim}\" ({}; on {on} it counts otherwise).",
                    qual.tolerance()
                ),
            );
        }
        let (actual, label) = readings[0];
        if past && when.is_none() {
            return c.set(
                Verdict::NotCheckable,
                format!(
                    "The text gives this count for a past moment it does not date; on {on} the \
                     record counts {actual} {label}, so the count is not checked."
                ),
            );
        }
        c.set(
            Verdict::Contradicted,
            format!(
                "On {on} the record counts {actual} {label}, which does not fit \"{claim}\" ({}).",
                qual.tolerance()
            ),
        )
    }

    /// The first day of a month or year the text gives (up to `on`) on which a count
    /// fits the record: the days the record's counts can change on (each depositary
    /// action, the day after it, and each month's first day, when entry into force
    /// falls), at most 400 of them.
    fn count_within(
        &self,
        when: Option<When>,
        what: CountWhat,
        qual: Qual,
        n: u32,
        on: Date,
    ) -> Option<(Date, usize, &'static str)> {
        let (a, b) = match when? {
            w @ (When::Month(..) | When::Year(..)) => w.range()?,
            _ => return None,
        };
        let b = b.min(on);
        if a >= b {
            return None;
        }
        let mut days: Vec<Date> = vec![a];
        for s in &self.engine.data().states {
            for act in self.engine.actions(self.treaty, s) {
                if act.date >= a && act.date <= b {
                    days.push(act.date);
                    if let Ok(next) = act.date.tomorrow()
                        && next <= b
                    {
                        days.push(next);
                    }
                }
            }
        }
        let mut m = a.first_of_month();
        while m <= b {
            days.push(m);
            m = match m.checked_add(jiff::Span::new().months(1)) {
                Ok(x) => x,
                Err(_) => break,
            };
        }
        days.sort();
        days.dedup();
        days.truncate(400);
        for d in days {
            let readings = count_readings(self.counts_on(d), what);
            if let Some((actual, label)) = readings
                .iter()
                .find(|(x, _)| qual.fits(f64::from(n), *x as f64))
            {
                return Some((d, *actual, label));
            }
        }
        None
    }

    /// "Five countries are leaving": the states whose withdrawal was received, and those
    /// with domestic steps towards it, by the article's date.
    fn count_withdrawing(&self, mut c: Checked<'d>, qual: Qual, n: u32) -> Checked<'d> {
        let on = self.as_of;
        let data = self.engine.data();
        let mut notified = Vec::new();
        let mut intending = Vec::new();
        for s in &data.states {
            // From the actions and steps themselves: no full report for every state.
            let has_notice = self
                .engine
                .actions(self.treaty, s)
                .any(|a| a.kind == ActionKind::Withdrawal && a.date <= on);
            let has_steps = data.steps.iter().any(|st| {
                st.state == s.code
                    && st.treaty == self.treaty.id
                    && st.aim == Aim::Withdraw
                    && st.date.earliest().is_some_and(|d| d <= on)
            });
            if has_notice {
                notified.push(s.name.clone());
            }
            if has_notice || has_steps {
                intending.push(s.name.clone());
            }
        }
        c.fact(
            day(on),
            format!(
                "{} states had notified a withdrawal ({}); {} had notified one or taken domestic \
                 steps towards it",
                notified.len(),
                notified.join(", "),
                intending.len()
            ),
            &[],
        );
        let claim = format!("{}{n}", qual.words());
        let fits = |k: usize| qual.fits(f64::from(n), k as f64);
        if fits(notified.len()) || fits(intending.len()) {
            return c.set(
                Verdict::Supported,
                format!(
                    "On {on} {} states had notified a withdrawal and {} had notified one or \
                     taken steps towards it, which fits \"{claim}\".",
                    notified.len(),
                    intending.len()
                ),
            );
        }
        if qual == Qual::Exact && n as usize > intending.len() {
            return c.set(
                Verdict::Contradicted,
                format!(
                    "On {on} only {} states had notified a withdrawal or taken steps towards \
                     it, not {n}.",
                    intending.len()
                ),
            );
        }
        c.set(
            Verdict::NotCheckable,
            format!(
                "On {on} {} states had notified a withdrawal and {} had notified one or taken \
                 steps towards it; which the text counts is not clear enough to check \"{claim}\".",
                notified.len(),
                intending.len()
            ),
        )
    }

    fn adopted(&self, when: Option<When>, place: Option<&'static str>) -> Checked<'d> {
        let mut c = Checked::new(Reading::TreatyFact);
        let places = TREATY_PLACES
            .iter()
            .find(|p| p.treaty == self.treaty.id.as_str());
        if let (Some(p), Some(place)) = (places, place)
            && place != p.adopted_in
        {
            let mut c = c;
            c.cite(&self.sources(&self.treaty.sources));
            let hint = if place == p.opened_in {
                format!(" ({} is where it was opened for signature)", city(place))
            } else {
                String::new()
            };
            return c.set(
                Verdict::Contradicted,
                format!(
                    "The {} was adopted in {}, not in {}{hint}.",
                    self.short(),
                    city(p.adopted_in),
                    city(place)
                ),
            );
        }
        let Some(adopted) = self.treaty.adopted else {
            return c.set(
                Verdict::NotCheckable,
                "The record holds no adoption date.".into(),
            );
        };
        c.fact(
            day(adopted),
            format!("the {} was adopted", self.short()),
            &self.sources(&self.treaty.sources),
        );
        match when {
            Some(w) if w.contains(adopted) => {
                c.set(Verdict::Supported, format!("Adopted on {adopted}."))
            }
            Some(w) => c.set(
                Verdict::Contradicted,
                format!("Adopted on {adopted}, not {}.", w.describe()),
            ),
            None => c.set(
                Verdict::NotCheckable,
                format!("The text gives no date; it was adopted on {adopted}."),
            ),
        }
    }

    fn entry_into_force(&self, s: Option<&'d State>, when: Option<When>) -> Checked<'d> {
        let mut c = Checked::new(Reading::TreatyFact);
        let (date, who) = match s {
            Some(s) => {
                let rep = self.status(s, self.horizon);
                c.cite(&rep.sources);
                (rep.entry_into_force, format!(" for {}", s.name))
            }
            None => {
                let computed = match self.engine.general_entry(self.treaty) {
                    GeneralEntry::InForce { date, .. } => Some(*date),
                    _ => None,
                };
                c.cite(&self.sources(&self.treaty.sources));
                (computed.or(self.treaty.entry_into_force), String::new())
            }
        };
        let Some(date) = date else {
            return c.set(
                Verdict::NotCheckable,
                format!("The record gives no entry into force{who}."),
            );
        };
        c.fact(
            day(date),
            format!("the {} entered into force{who}", self.short()),
            &[],
        );
        match when {
            Some(w) if w.contains(date) => c.set(
                Verdict::Supported,
                format!("It entered into force{who} on {date}."),
            ),
            Some(w) => c.set(
                Verdict::Contradicted,
                format!(
                    "It entered into force{who} on {date}, not {}.",
                    w.describe()
                ),
            ),
            // "shortly before the treaty took effect for it": it did.
            None if date <= self.as_of => c.set(
                Verdict::Supported,
                format!("It entered into force{who} on {date} (the text gives no date)."),
            ),
            None => c.set(
                Verdict::NotCheckable,
                format!("The text gives no date; it entered into force{who} on {date}."),
            ),
        }
    }

    fn period(&self, months: Option<u32>, extra: Extra) -> Checked<'d> {
        let mut c = Checked::new(Reading::TreatyFact);
        let WithdrawalRule::Notice {
            period,
            armed_conflict_clause,
            clause,
            ..
        } = &self.treaty.rules.withdrawal
        else {
            return c.set(
                Verdict::NotCheckable,
                "The treaty's withdrawal rule is not recorded.".into(),
            );
        };
        c.cite(&self.sources(&self.treaty.sources));
        c.fact(
            None,
            format!(
                "{clause}: a withdrawal takes effect {} after the depositary receives the instrument{}",
                period.describe(),
                if *armed_conflict_clause {
                    ", and not while the withdrawing state is engaged in an armed conflict"
                } else {
                    ""
                }
            ),
            &[],
        );
        for s in &self.named {
            let rep = self.status(s, self.horizon);
            if let (Some(r), Some(e)) = (rep.withdrawal_notified, rep.withdrawal_effective) {
                c.fact(
                    day(r),
                    format!(
                        "{}'s withdrawal was received; it takes effect on {e}",
                        s.name
                    ),
                    &self.action_sources(s, ActionKind::Withdrawal),
                );
            }
        }
        let Some(m) = months else {
            return c.set(
                Verdict::NotCheckable,
                "The length of time could not be read.".into(),
            );
        };
        let conflict = if *armed_conflict_clause {
            " (held back while the state is engaged in an armed conflict)"
        } else {
            ""
        };
        if matches!(extra, Extra::Period { wrong_start: true }) {
            return c.set(
                Verdict::Contradicted,
                format!(
                    "Under {clause} a withdrawal takes effect {} after the depositary receives the \
                     instrument, not counted from a vote, a decision or a law.",
                    period.describe()
                ),
            );
        }
        if period.days == 0 && u32::from(period.months) == m {
            c.set(
                Verdict::Supported,
                format!("Under {clause} a withdrawal takes effect {} after the depositary receives it{conflict}.", period.describe()),
            )
        } else {
            c.set(
                Verdict::Contradicted,
                format!("Under {clause} a withdrawal takes effect {} after the depositary receives it, not {m} months.", period.describe()),
            )
        }
    }

    fn stockpile(&self, s: &'d State, extra: Extra) -> Checked<'d> {
        let mut c = Checked::new(Reading::Record);
        let Extra::Stock { qual, n, what } = extra else {
            return c.set(Verdict::NotCheckable, "Not a stockpile figure.".into());
        };
        let name = &s.name;
        // The records a figure of this sort can be: by their kinds' names, so that new
        // kinds of record are read too.
        let kinds: &[&str] = match what {
            StockWhat::Held => &["stockpile_count", "stockpile_deadline_missed"],
            StockWhat::Destroyed => &["stockpile_destroyed", "stockpile_count"],
            StockWhat::Retained => &["retained_count"],
        };
        let records: Vec<_> = self
            .engine
            .records(self.treaty, s)
            .into_iter()
            .filter(|(r, _)| kinds.contains(&r.kind.as_str()))
            .collect();
        let mut fits = None;
        for (r, sources) in &records {
            if let RecordValue::Count { count, qualifier } = r.value {
                let actual = match qualifier {
                    Qualifier::MoreThan => count as f64 + 1.0,
                    Qualifier::LessThan => count as f64 - 1.0,
                    _ => count as f64,
                };
                let ok = qual.fits(n, actual);
                if ok && fits.is_none() {
                    fits = Some((r.date.clone(), r.value));
                }
                c.fact(
                    Some(r.date.clone()),
                    format!("{}: {} ({})", words_of(r.kind.as_str()), r.value, r.detail),
                    sources,
                );
            }
        }
        if c.facts.is_empty() {
            return c.set(
                Verdict::NotCheckable,
                format!(
                    "The record holds no figure of this kind ({}) for {name}.",
                    kinds.join(", ").replace('_', " ")
                ),
            );
        }
        match fits {
            Some((d, v)) => c.set(
                Verdict::Supported,
                format!(
                    "The record's figure of {d} ({v}) fits the text's \"{}{}\" ({}).",
                    qual.words(),
                    n,
                    qual.tolerance()
                ),
            ),
            None => c.set(
                Verdict::NotCheckable,
                format!("None of the record's stockpile counts for {name} fits the figure, but counts change over time and the text's moment is not clear enough to contradict it."),
            ),
        }
    }

    fn production(&self, s: &'d State, modality: Modality) -> Checked<'d> {
        let mut c = Checked::new(Reading::BeyondRecord);
        if modality == Modality::Negated {
            // "has never produced": against the production status records.
            let mut latest = None;
            for (r, sources) in self.engine.records(self.treaty, s) {
                if r.kind == RecordKind::ProductionStatus
                    && r.date.earliest().is_some_and(|d| d <= self.as_of)
                {
                    c.fact(
                        Some(r.date.clone()),
                        format!("production status: {} ({})", r.value, r.detail),
                        &sources,
                    );
                    latest = Some(r.value);
                }
            }
            c.reading = Reading::Record;
            return match latest {
                Some(RecordValue::Production(p)) if matches!(p.as_str(), "never" | "ceased") => c
                    .set(
                        Verdict::Supported,
                        format!(
                            "The record's production status for {} by {} is {p}.",
                            s.name, self.as_of
                        ),
                    ),
                Some(RecordValue::Production(p)) if p.as_str() == "producing" => c.set(
                    Verdict::Contradicted,
                    format!(
                        "The record's production status for {} by {} is {p}.",
                        s.name, self.as_of
                    ),
                ),
                _ => c.set(
                    Verdict::NotCheckable,
                    format!(
                        "The record holds no production status for {} that settles this.",
                        s.name
                    ),
                ),
            };
        }
        for (r, sources) in self.engine.records(self.treaty, s) {
            if r.kind == RecordKind::ProductionStatus {
                c.fact(
                    Some(r.date.clone()),
                    format!("production status: {} ({})", r.value, r.detail),
                    &sources,
                );
            }
        }
        let context = if c.facts.is_empty() {
            String::new()
        } else {
            " The record's production-status entries are listed for context.".to_string()
        };
        c.set(
            Verdict::NotCheckable,
            format!(
                "Plans and capacity to produce mines are beyond what the record can confirm or \
                 refute.{context}"
            ),
        )
    }
    fn opened(&self, when: Option<When>, place: Option<&'static str>) -> Checked<'d> {
        let mut c = Checked::new(Reading::TreatyFact);
        let Some(opened) = self.treaty.opened_for_signature else {
            return c.set(
                Verdict::NotCheckable,
                "The record holds no date of opening for signature.".into(),
            );
        };
        let places = TREATY_PLACES
            .iter()
            .find(|p| p.treaty == self.treaty.id.as_str());
        let until = places
            .and_then(|p| p.opened_until)
            .and_then(|(y, m, d)| Date::new(y, m, d).ok())
            .unwrap_or(opened);
        let where_ = places.map_or(String::new(), |p| format!(" in {}", city(p.opened_in)));
        c.fact(
            day(opened),
            format!(
                "the {} was opened for signature{where_} ({opened} to {until})",
                self.short()
            ),
            &self.sources(&self.treaty.sources),
        );
        if let (Some(p), Some(place)) = (places, place)
            && place != p.opened_in
            && place != "new_york"
        {
            let hint = if place == p.adopted_in {
                format!(" ({} is where it was adopted)", city(place))
            } else {
                String::new()
            };
            return c.set(
                Verdict::Contradicted,
                format!(
                    "The {} was opened for signature in {}, not in {}{hint}.",
                    self.short(),
                    city(p.opened_in),
                    city(place)
                ),
            );
        }
        match when {
            Some(w) => {
                let hit = w.contains(opened)
                    || w.contains(until)
                    || w.range().is_some_and(|(a, b)| a <= until && opened <= b);
                if hit {
                    c.set(
                        Verdict::Supported,
                        format!("Opened for signature{where_} on {opened} (to {until})."),
                    )
                } else {
                    c.set(
                        Verdict::Contradicted,
                        format!(
                            "Opened for signature{where_} on {opened} (to {until}), not {}.",
                            w.describe()
                        ),
                    )
                }
            }
            None if place.is_some() => c.set(
                Verdict::Supported,
                format!("Opened for signature{where_} on {opened}."),
            ),
            None => c.set(
                Verdict::NotCheckable,
                format!(
                    "The text gives no date or place; it was opened for signature on {opened}."
                ),
            ),
        }
    }

    /// "X has not (yet) withdrawn".
    fn not_withdrawn(&self, s: &'d State) -> Checked<'d> {
        let mut c = Checked::new(Reading::LegalAct);
        let name = &s.name;
        let on = self.as_of;
        let rep = self.status(s, on);
        c.cite(&rep.sources);
        c.fact(
            day(on),
            format!("{name} is {} ({})", rep.status.phrase(), rep.status),
            &[],
        );
        match (rep.withdrawal_notified, rep.withdrawal_effective) {
            (Some(r), Some(e)) if e <= on => c.set(
                Verdict::Contradicted,
                format!(
                    "{name}'s withdrawal was received on {r} and took effect on {e}: on {on} it \
                     had withdrawn."
                ),
            ),
            (Some(r), e) => c.set(
                Verdict::Supported,
                format!(
                    "{name}'s withdrawal was received on {r}{}; on {on} it had not yet taken \
                     effect, so {name} was still bound.",
                    e.map(|e| format!(" and takes effect on {e}"))
                        .unwrap_or_default()
                ),
            ),
            (None, _) => {
                let mut note = format!(
                    "No instrument of withdrawal by {name} is recorded by {on}: it is {}.",
                    rep.status.phrase()
                );
                for a in self.actions(s) {
                    if a.kind == ActionKind::SuspensionDeclared && a.date <= on {
                        note.push_str(&format!(
                            " Its declared suspension ({}) is not a withdrawal.",
                            a.date
                        ));
                    }
                }
                c.set(Verdict::Supported, note)
            }
        }
    }

    /// A description of the treaty's rules, checked against its clauses.
    fn rule(&self, extra: Extra) -> Checked<'d> {
        let mut c = Checked::new(Reading::TreatyFact);
        let Extra::Rule {
            topic,
            n,
            negated,
            permissive,
            wrong_object,
            un,
        } = extra
        else {
            return c.set(Verdict::NotCheckable, "Not a rule.".into());
        };
        c.cite(&self.sources(&self.treaty.sources));
        let id = self.treaty.id.as_str();
        let short = self.short().to_string();
        let due = |oid: &str| {
            self.treaty
                .obligations
                .iter()
                .find(|o| o.id == oid)
                .and_then(|o| o.due.map(|d| (o.article.clone(), d.years)))
        };
        let supported = |mut c: Checked<'d>, fact: String| {
            c.fact(None, fact.clone(), &[]);
            c.set(Verdict::Supported, format!("The {short}'s rule: {fact}."))
        };
        match topic {
            RuleTopic::ArmedConflict => match &self.treaty.rules.withdrawal {
                WithdrawalRule::Notice {
                    armed_conflict_clause: true,
                    clause,
                    ..
                } => supported(
                    c,
                    format!(
                        "under {clause}, if the withdrawing state is engaged in an armed conflict \
                         when the notice period ends, the withdrawal does not take effect before \
                         that conflict ends"
                    ),
                ),
                WithdrawalRule::Notice { clause, .. } => c.set(
                    Verdict::Contradicted,
                    format!("{clause} has no armed-conflict clause in the record."),
                ),
                _ => c.set(
                    Verdict::NotCheckable,
                    "The treaty's withdrawal rule is not recorded.".into(),
                ),
            },
            // What the record holds of the treaty: its full title (the bans), Arts. 4,
            // 5, 7, 15-17 and 20 and the suspension rule. Other clauses are not checked.
            RuleTopic::Prohibitions if id == "apmbc" => {
                if wrong_object {
                    return c.set(
                        Verdict::Contradicted,
                        "The treaty bans anti-personnel mines only (Art. 1, 2): anti-vehicle \
                         (anti-tank) mines and sea mines are outside it."
                            .into(),
                    );
                }
                supported(
                    c,
                    format!(
                        "its full title is the \"{}\"; Art. 4 and 5 require destroying \
                         stockpiles and the mines in mined areas",
                        self.treaty.name
                    ),
                )
            }
            RuleTopic::StockpileDeadline | RuleTopic::ClearanceDeadline => {
                let oid = if topic == RuleTopic::StockpileDeadline {
                    "stockpile_destruction"
                } else {
                    "clearance"
                };
                match (due(oid), n) {
                    (Some((article, years)), Some(n)) if u32::from(years) == n => supported(
                        c,
                        format!("{article}: within {years} years of entry into force for the state"),
                    ),
                    (Some((article, years)), Some(n)) => c.set(
                        Verdict::Contradicted,
                        format!(
                            "{article} gives {years} years from entry into force for the state, \
                             not {n}."
                        ),
                    ),
                    _ => c.set(
                        Verdict::NotCheckable,
                        "The record does not hold this deadline rule.".into(),
                    ),
                }
            }
            RuleTopic::InitialReport => {
                let rule = self
                    .treaty
                    .obligations
                    .iter()
                    .find(|o| o.id == "initial_report")
                    .and_then(|o| o.due.map(|d| (o.article.clone(), d.days)));
                match (rule, n) {
                    (Some((article, days)), Some(n)) if u32::from(days) == n => supported(
                        c,
                        format!("{article}: within {days} days of entry into force for the state"),
                    ),
                    (Some((article, days)), Some(n)) if days > 0 => c.set(
                        Verdict::Contradicted,
                        format!(
                            "{article} gives {days} days from entry into force for the state, \
                             not {n}."
                        ),
                    ),
                    _ => c.set(
                        Verdict::NotCheckable,
                        "The record does not hold this deadline rule.".into(),
                    ),
                }
            }
            RuleTopic::Reports if self.treaty.obligations.iter().any(|o| o.annual.is_some()) => {
                supported(
                    c,
                    "Art. 7: an initial transparency report within 180 days of entry into force, \
                     then an annual report by 30 April"
                        .into(),
                )
            }
            RuleTopic::Retention
            | RuleTopic::Reservations
            | RuleTopic::Definition
            | RuleTopic::Duration
            | RuleTopic::Prohibitions => {
                let what = match topic {
                    RuleTopic::Retention => "mines kept for training (Art. 3)",
                    RuleTopic::Reservations => "reservations (Art. 19)",
                    RuleTopic::Definition => "the definitions (Art. 2)",
                    RuleTopic::Duration => "the treaty's duration (Art. 20(1))",
                    _ => "what the treaty prohibits (Art. 1)",
                };
                let _ = (negated, permissive);
                c.set(
                    Verdict::NotCheckable,
                    format!(
                        "The record's data on the {short} does not hold the clause on {what}, \
                         so this description is not checked."
                    ),
                )
            }
            RuleTopic::Withdrawal => match &self.treaty.rules.withdrawal {
                WithdrawalRule::Notice { clause, .. } => supported(
                    c,
                    format!(
                        "under {clause} it is of unlimited duration, and a State Party may \
                         withdraw by giving notice to all other States Parties, the depositary and \
                         the UN Security Council"
                    ),
                ),
                _ => c.set(
                    Verdict::NotCheckable,
                    "The treaty's withdrawal rule is not recorded.".into(),
                ),
            },
            RuleTopic::Retraction => match &self.treaty.rules.withdrawal {
                WithdrawalRule::Notice {
                    retraction: Retraction::BeforeEffect,
                    ..
                } => supported(
                    c,
                    "a notice of withdrawal may be retracted before it takes effect".into(),
                ),
                _ => c.set(
                    Verdict::NotCheckable,
                    "The record does not say whether a withdrawal may be retracted.".into(),
                ),
            },
            RuleTopic::Extension if id == "apmbc" => match n {
                Some(n) if n != 10 => c.set(
                    Verdict::Contradicted,
                    format!(
                        "Art. 5(3)-(6): a State Party may ask for extensions of the clearance \
                         deadline of up to ten years each, not {n}."
                    ),
                ),
                _ => supported(
                    c,
                    "Art. 5(3)-(6): a State Party may ask the Meeting of States Parties for \
                     extensions of its clearance deadline, of up to ten years each"
                        .into(),
                ),
            },
            RuleTopic::Accession => match self.treaty.rules.signature {
                SignatureRule::UntilEntryIntoForce => supported(
                    c,
                    "it was open for signature until it entered into force; since then a state \
                     joins by accession"
                        .into(),
                ),
                _ => c.set(
                    Verdict::NotCheckable,
                    "The record does not hold when the treaty closed for signature.".into(),
                ),
            },
            RuleTopic::Depositary if un => supported(
                c,
                "the depositary is the Secretary-General of the United Nations".into(),
            ),
            RuleTopic::NoSuspension => match self.treaty.rules.suspension {
                SuspensionRule::NoClause if !permissive || negated => {
                    supported(c, "it has no clause allowing a state to suspend it".into())
                }
                SuspensionRule::NoClause => c.set(
                    Verdict::Contradicted,
                    "The treaty has no clause allowing a state to suspend it.".into(),
                ),
                _ => c.set(
                    Verdict::NotCheckable,
                    "The record does not say whether the treaty can be suspended.".into(),
                ),
            },
            RuleTopic::EntryIntoForce => match &self.treaty.rules.entry_into_force {
                EntryIntoForceRule::Threshold {
                    instruments,
                    clause,
                    ..
                } => match n {
                    Some(n) if n != *instruments && n != 6 => c.set(
                        Verdict::Contradicted,
                        format!("{clause}: it entered into force after {instruments} instruments, not {n}."),
                    ),
                    _ => supported(
                        c,
                        format!(
                            "{clause}: in force on the first day of the sixth month after the \
                             {instruments}th instrument; for a later state, the first day of the \
                             sixth month after its own deposit"
                        ),
                    ),
                },
                _ => c.set(
                    Verdict::NotCheckable,
                    "The treaty's entry-into-force rule is not recorded.".into(),
                ),
            },
            _ => c.set(
                Verdict::NotCheckable,
                "This description of the treaty's rules is not one the record can check.".into(),
            ),
        }
    }

    /// Stockpile destruction, clearance, deadlines and extensions, against the records,
    /// read by their kind's name so that new kinds of record are read too.
    fn obligation(&self, s: &'d State, d: &Draft) -> Checked<'d> {
        let mut c = Checked::new(Reading::Record);
        let Extra::Obligation { what, n, .. } = d.extra else {
            return c.set(Verdict::NotCheckable, "Not an obligation.".into());
        };
        let name = &s.name;
        if what.is_deadline() {
            return self.deadline_date(s, d, what, c);
        }
        if what.is_period() {
            return self.obligation_period(s, d, what, c);
        }
        let (kinds, words): (&[&str], &str) = match what {
            Obl::StockpileDestroyed => {
                (&["stockpile_destroyed"], "stockpile destruction completed")
            }
            Obl::ClearanceCompleted => (&["clearance_completed"], "clearance completed"),
            Obl::DeadlineMissed => (
                &["stockpile_deadline_missed", "clearance_deadline"],
                "a deadline missed",
            ),
            Obl::Extension => (&["clearance_extension_granted"], "an extension granted"),
            Obl::StockpileDeadline
            | Obl::ClearanceDeadline
            | Obl::SomeDeadline
            | Obl::ReportDeadline
            | Obl::StockpilePeriod
            | Obl::ClearancePeriod
            | Obl::ReportPeriod => unreachable!("read by deadline_date and obligation_period"),
        };
        let records: Vec<_> = self
            .engine
            .records(self.treaty, s)
            .into_iter()
            .filter(|(r, _)| kinds.contains(&r.kind.as_str()))
            .collect();
        // A state that never held a stockpile had none to destroy.
        let never: Vec<_> = self
            .engine
            .records(self.treaty, s)
            .into_iter()
            .filter(|(r, _)| r.kind.as_str() == "stockpile_never_held")
            .collect();
        for (r, sources) in records.iter().chain(&never) {
            c.fact(
                Some(r.date.clone()),
                format!("{}: {} ({})", words_of(r.kind.as_str()), r.value, r.detail),
                sources,
            );
        }
        if what == Obl::StockpileDestroyed && !never.is_empty() && records.is_empty() {
            return c.set(
                Verdict::Contradicted,
                format!("The record says {name} never held a stockpile of anti-personnel mines."),
            );
        }
        let Some(first) = records.first() else {
            return c.set(
                Verdict::NotCheckable,
                format!(
                    "The record holds no {words} for {name}, so it cannot confirm or refute this."
                ),
            );
        };
        if what == Obl::DeadlineMissed {
            return c.set(
                Verdict::Supported,
                format!(
                    "The record shows {words} {} {name} ({}).",
                    if what == Obl::Extension { "to" } else { "by" },
                    first.0.date
                ),
            );
        }
        // The figure, if the text gives one: destroyed counts.
        let figure_fits = n.map(|(q, n)| {
            records.iter().any(|(r, _)| match r.value {
                RecordValue::Count { count, .. } => q.fits(n, count as f64),
                _ => false,
            })
        });
        let dated = |w: When| {
            records.iter().any(|(r, _)| {
                w.overlaps(&r.date)
                    || (d.since
                        && r.date
                            .earliest()
                            .is_some_and(|e| w.range().is_some_and(|(a, _)| a <= e)))
            })
        };
        let by_words = |w: When| -> bool {
            // "by 2016": on or before the end of the period.
            records.iter().any(|(r, _)| {
                r.date
                    .earliest()
                    .zip(w.range())
                    .is_some_and(|(e, (_, b))| e <= b)
            })
        };
        let when_ok = d.when.map(|w| dated(w) || by_words(w));
        let first_date = first.0.date.clone();
        match (when_ok, figure_fits) {
            (Some(false), _) => {
                // The record's date is later than the text says: the claim is early.
                c.set(
                    Verdict::Contradicted,
                    format!(
                        "The record dates {words} by {name} to {first_date}, not {}.",
                        d.when.map(|w| w.describe()).unwrap_or_default()
                    ),
                )
            }
            (_, Some(false)) => c.set(
                Verdict::NotCheckable,
                format!(
                    "The record shows {words} by {name} ({first_date}), but none of its figures \
                     fits the text's; figures differ between sources."
                ),
            ),
            _ => c.set(
                Verdict::Supported,
                format!("The record shows {words} by {name} ({first_date})."),
            ),
        }
    }

    /// "Oman will have four years to destroy its stockpile", "its first report is due
    /// within 180 days": the rule's period said of one state. Supported when the period
    /// is the rule's and the record gives the state that obligation (it consented to be
    /// bound); contradicted only when the period differs from the rule's and the sentence
    /// speaks of no extension ("a further five years to clear" is an extension).
    fn obligation_period(
        &self,
        s: &'d State,
        d: &Draft,
        what: Obl,
        mut c: Checked<'d>,
    ) -> Checked<'d> {
        let name = &s.name;
        let oid = match what {
            Obl::StockpilePeriod => "stockpile_destruction",
            Obl::ClearancePeriod => "clearance",
            _ => "initial_report",
        };
        let Some(rule) = self.treaty.obligations.iter().find(|o| o.id == oid) else {
            return c.set(
                Verdict::NotCheckable,
                "The record does not hold this obligation's rule.".into(),
            );
        };
        let Some(due) = rule.due else {
            return c.set(
                Verdict::NotCheckable,
                "The record does not hold this obligation's period.".into(),
            );
        };
        let (have, unit) = if what == Obl::ReportPeriod {
            (u32::from(due.days), "days")
        } else {
            (u32::from(due.years), "years")
        };
        let Extra::Obligation {
            n: Some((_, n)),
            more,
            ..
        } = d.extra
        else {
            return c.set(
                Verdict::NotCheckable,
                "The text gives no length of time to check.".into(),
            );
        };
        let article = &rule.article;
        let title = &rule.title;
        c.fact(
            None,
            format!("{article}: {title} within {have} {unit} of entry into force for the state"),
            &[],
        );
        if have == 0 {
            return c.set(
                Verdict::NotCheckable,
                "The record does not hold this obligation's period.".into(),
            );
        }
        if f64::from(have) != n {
            if more {
                return c.set(
                    Verdict::NotCheckable,
                    format!(
                        "The rule gives {have} {unit}; the sentence speaks of more time, and \
                         extensions are checked by their dates, not their lengths."
                    ),
                );
            }
            return c.set(
                Verdict::Contradicted,
                format!(
                    "{article} gives {have} {unit} from entry into force for the state, not {n}."
                ),
            );
        }
        let dls = self
            .engine
            .deadlines_where(self.treaty, s, self.horizon, self.horizon, &|r| r.id == oid);
        let Some(dl) = dls.first() else {
            return c.set(
                Verdict::NotCheckable,
                format!(
                    "The rule gives {have} {unit}, but the record holds no such deadline for \
                     {name} (it has not consented to be bound)."
                ),
            );
        };
        c.fact(
            day(dl.original_due),
            format!("{name}: due {} under the rule", dl.original_due),
            &dl.sources,
        );
        c.set(
            Verdict::Supported,
            format!(
                "{article} gives {have} {unit} from entry into force; for {name} that was {}.",
                dl.original_due
            ),
        )
    }

    /// "Cambodia has until 2010", "whose deadline now runs to 2019": the date of a
    /// stockpile-destruction or clearance deadline, against the rule's deadline and
    /// every deadline the record's decisions set (as known today). Contradicted only
    /// when the record knows how the deadline stands (not `unknown`) and no request for
    /// an extension is recorded that could explain another date.
    fn deadline_date(&self, s: &'d State, d: &Draft, what: Obl, mut c: Checked<'d>) -> Checked<'d> {
        let name = &s.name;
        let ids: &[&str] = match what {
            Obl::StockpileDeadline => &["stockpile_destruction"],
            Obl::ClearanceDeadline => &["clearance"],
            Obl::ReportDeadline => &["initial_report"],
            _ => &["stockpile_destruction", "clearance"],
        };
        let Some(w) = d.when else {
            return c.set(
                Verdict::NotCheckable,
                "The text gives no date for the deadline.".into(),
            );
        };
        let dls = self
            .engine
            .deadlines_where(self.treaty, s, self.horizon, self.horizon, &|r| {
                ids.contains(&r.id.as_str())
            });
        if dls.is_empty() {
            return c.set(
                Verdict::NotCheckable,
                format!("The record holds no such deadline for {name}."),
            );
        }
        let mut known = true;
        let mut all: Vec<Date> = Vec::new();
        for dl in &dls {
            c.cite(&dl.sources);
            all.push(dl.original_due);
            all.push(dl.due);
            for r in &dl.history {
                if let RecordValue::Date(x) = r.value {
                    if dl.obligation.extended_by.contains(&r.kind) {
                        all.push(x);
                    } else if dl.obligation.requested_by.contains(&r.kind) {
                        // A request may be what the text reports.
                        known = false;
                    }
                }
            }
            if dl.status == treatywatch_core::obligations::DeadlineStatus::Unknown {
                known = false;
            }
            c.fact(
                day(dl.original_due),
                format!(
                    "{} ({}): due {} under the rule; in force {}",
                    dl.obligation.title, dl.obligation.article, dl.original_due, dl.due
                ),
                &dl.sources,
            );
        }
        all.sort();
        all.dedup();
        let listed = all
            .iter()
            .map(|x| x.to_string())
            .collect::<Vec<_>>()
            .join(", ");
        // "by 2009": the deadline falls in (or at the end of) the period.
        let fits = all.iter().any(|&x| {
            w.contains(x)
                || w.range().is_some_and(|(_, b)| {
                    // "until 2010" of a deadline of 1 January 2010, "to the end of 2025"
                    // of one of 31 December 2025.
                    x == b || x.yesterday().is_ok_and(|y| y == b)
                })
        });
        if fits {
            return c.set(
                Verdict::Supported,
                format!("The record's deadlines for {name} include this one ({listed})."),
            );
        }
        if !known {
            return c.set(
                Verdict::NotCheckable,
                format!(
                    "The record's deadlines for {name} ({listed}) do not include {}, but the \
                     record is not complete here (an extension requested, or how the deadline \
                     stands is unknown), so it cannot refute it.",
                    w.describe()
                ),
            );
        }
        c.set(
            Verdict::Contradicted,
            format!(
                "The record's deadlines for {name} are {listed}, not {}.",
                w.describe()
            ),
        )
    }

    /// A state's first consent deposited (or withdrawal received, for `Aim::Withdraw`) on
    /// or before `by`, from the depositary actions themselves.
    fn first_act(&self, m: &'d State, aim: Aim, by: Date) -> Option<Date> {
        self.engine
            .actions(self.treaty, m)
            .filter(|a| match aim {
                Aim::Withdraw => a.kind == ActionKind::Withdrawal,
                _ => matches!(a.kind, ActionKind::Consent(_)),
            })
            .map(|a| a.date)
            .filter(|d| *d <= by)
            .min()
    }

    /// "The 162nd State Party", "the 148th state to accept the treaty": the state's
    /// place among every state by the day of its first consent (or withdrawal), ties
    /// counted either way. Said "to ratify", it may also be read among ratifications
    /// alone.
    fn ordinal(&self, s: &'d State, n: u32, aim: Aim) -> Checked<'d> {
        let mut c = Checked::new(Reading::LegalAct);
        let act = if aim == Aim::Withdraw {
            "withdrawal received"
        } else {
            "consent deposited"
        };
        let first_of = |m: &'d State| self.first_act(m, aim, self.horizon);
        let Some(own) = first_of(s) else {
            return c.set(
                Verdict::NotCheckable,
                format!(
                    "The record shows no {act} for {}: its place cannot be read.",
                    s.name
                ),
            );
        };
        // Each state's first act, and whether its withdrawal had taken effect by `own`:
        // "the 112th state to join" may count the states that left, or not.
        let dates: Vec<(Date, bool)> = self
            .engine
            .data()
            .states
            .iter()
            .filter_map(|m| {
                first_of(m).map(|d| {
                    let left = aim != Aim::Withdraw
                        && self
                            .status(m, own)
                            .withdrawal_effective
                            .is_some_and(|e| e <= own);
                    (d, left)
                })
            })
            .collect();
        let before = dates.iter().filter(|(d, _)| *d < own).count();
        let same = dates.iter().filter(|(d, _)| *d == own).count();
        let (lo, hi) = (before + 1, before + same);
        let gone = dates.iter().filter(|(d, l)| *d < own && *l).count();
        let (lo2, hi2) = (lo - gone, hi - gone);
        c.cite(&self.sources(&self.treaty.status_sources));
        c.fact(day(own), format!("{}: {act} on {own}", s.name), &[]);
        let place = if lo == hi {
            format!("{lo}")
        } else {
            format!("{lo} to {hi} (with others on the same day)")
        };
        let n = n as usize;
        if (lo2..=hi2).contains(&n) && !(lo..=hi).contains(&n) {
            return c.set(
                Verdict::Supported,
                format!(
                    "By the day of its {act} ({own}), {} was number {n} of the states to do so, \
                     leaving out the {gone} whose withdrawal had taken effect (number {place} \
                     counting them).",
                    s.name
                ),
            );
        }
        if (lo..=hi).contains(&n) {
            return c.set(
                Verdict::Supported,
                format!(
                    "By the day of its {act} ({own}), {} was number {place} of the states to do so.",
                    s.name
                ),
            );
        }
        c.set(
            Verdict::Contradicted,
            format!(
                "{} was number {place} of the states with a {act} (its own on {own}), not {n}.",
                s.name
            ),
        )
    }

    /// "The first (last) EU state to join (leave)".
    fn rank(&self, s: &'d State, extra: Extra) -> Checked<'d> {
        let mut c = Checked::new(Reading::LegalAct);
        if let Extra::Ordinal { n, aim } = extra {
            return self.ordinal(s, n, aim);
        }
        let Extra::Rank { first, group, aim } = extra else {
            return c.set(Verdict::NotCheckable, "Not a rank.".into());
        };
        let Some(g) = GROUPS.iter().find(|g| g.id == group) else {
            return c.set(Verdict::NotCheckable, "An unknown group.".into());
        };
        let on = self.as_of;
        let data = self.engine.data();
        let members: Vec<&'d State> = if g.id == "world" {
            data.states.iter().collect()
        } else {
            g.members
                .iter()
                .filter(|(_, from, to)| {
                    treatywatch_core::parse_date(from).is_ok_and(|f| f <= on)
                        && to.is_none_or(|t| treatywatch_core::parse_date(t).is_ok_and(|t| t >= on))
                })
                .filter_map(|(code, _, _)| code.parse().ok().and_then(|c| data.state(c)))
                .collect()
        };
        if !members.iter().any(|m| m.code == s.code) {
            return c.set(
                Verdict::NotCheckable,
                format!(
                    "{} is not counted in {} on {on} in the record's list.",
                    s.name, g.name
                ),
            );
        }
        // Each member's date for the act: consent deposited, or withdrawal received.
        let mut dated: Vec<(Date, &'d State)> = members
            .iter()
            .filter_map(|m| {
                // From the actions themselves: no full report for every member.
                self.first_act(m, aim, on).map(|d| (d, *m))
            })
            .collect();
        dated.sort_by_key(|(d, m)| (*d, m.code));
        let act = if aim == Aim::Withdraw {
            "withdrawal received"
        } else {
            "consent deposited"
        };
        let Some(own) = dated
            .iter()
            .find(|(_, m)| m.code == s.code)
            .map(|(d, _)| *d)
        else {
            return c.set(
                Verdict::Contradicted,
                format!("The record shows no {act} for {} by {on}.", s.name),
            );
        };
        let edge = if first {
            dated.first().map(|(d, _)| *d)
        } else {
            dated.last().map(|(d, _)| *d)
        };
        let edge = edge.expect("the state itself is in the list");
        let tied: Vec<&str> = dated
            .iter()
            .filter(|(d, m)| *d == edge && m.code != s.code)
            .map(|(_, m)| m.name.as_str())
            .collect();
        let word = if first { "first" } else { "last" };
        c.fact(
            day(own),
            format!("{}: {act} on {own}", s.name),
            &self.action_sources(
                s,
                if aim == Aim::Withdraw {
                    ActionKind::Withdrawal
                } else {
                    ActionKind::Signature
                },
            ),
        );
        c.cite(&self.sources(&self.treaty.status_sources));
        if own == edge {
            let with = if tied.is_empty() {
                String::new()
            } else {
                format!(", on the same day as {}", tied.join(", "))
            };
            c.set(
                Verdict::Supported,
                format!(
                    "Of {} ({} members with a {act} by {on}), {} was the {word}: {own}{with}.",
                    g.name,
                    dated.len(),
                    s.name
                ),
            )
        } else {
            let who: Vec<&str> = dated
                .iter()
                .filter(|(d, _)| *d == edge)
                .map(|(_, m)| m.name.as_str())
                .collect();
            c.set(
                Verdict::Contradicted,
                format!(
                    "Of {}, the {word} with a {act} by {on} was {} ({edge}); {}'s came on {own}.",
                    g.name,
                    who.join(", "),
                    s.name
                ),
            )
        }
    }

    /// Use of mines, against the record's documented use: supported when a record
    /// covers the time the text gives (or it gives none); never contradicted, since the
    /// record cannot show that mines were not used.
    fn used(&self, s: &'d State, d: &Draft) -> Checked<'d> {
        let mut c = Checked::new(Reading::Record);
        let mut dates = Vec::new();
        for (r, sources) in self.engine.records(self.treaty, s) {
            if r.kind.as_str() == "use_allegation"
                && r.date.earliest().is_some_and(|e| e <= self.horizon)
            {
                c.fact(
                    Some(r.date.clone()),
                    format!("documented use: {}", r.detail),
                    &sources,
                );
                dates.push(r.date.clone());
            }
        }
        if dates.is_empty() {
            return c.set(
                Verdict::NotCheckable,
                format!("The record holds no documented use of mines by {}.", s.name),
            );
        }
        let earliest = dates.iter().filter_map(|x| x.earliest()).min();
        // "New evidence of use", "still laying mines": the year before the article.
        if d.when.is_none() && d.extra == Extra::Recent {
            let from = self.as_of.saturating_sub(jiff::Span::new().years(1));
            let year = When::Range(from, self.as_of);
            if !dates.iter().any(|x| year.overlaps(x)) {
                let latest = dates.iter().filter_map(|x| x.earliest()).max();
                return c.set(
                    Verdict::NotCheckable,
                    format!(
                        "The text speaks of recent use; the record's documented use of mines by \
                         {} goes up to {} and holds none in the year before {} ({from} to {}).",
                        s.name,
                        latest.map_or("-".to_string(), |e| e.to_string()),
                        self.as_of,
                        self.as_of
                    ),
                );
            }
        }
        let covered = match d.when {
            None => true,
            // "since 2014": the record must go back that far.
            Some(w) if d.since => w
                .range()
                .zip(earliest)
                .is_some_and(|((a, _), e)| e.year() <= a.year()),
            Some(w) => dates.iter().any(|x| w.overlaps(x)),
        };
        if covered {
            c.set(
                Verdict::Supported,
                format!(
                    "The record documents use of mines by {} (listed, with their sources).",
                    s.name
                ),
            )
        } else {
            c.set(
                Verdict::NotCheckable,
                format!(
                    "The record documents use of mines by {} from {}, not for the time the \
                     text gives.",
                    s.name,
                    earliest.map_or("-".to_string(), |e| e.to_string())
                ),
            )
        }
    }
}

/// A city id in words.
fn city(id: &str) -> &'static str {
    match id {
        "oslo" => "Oslo",
        "ottawa" => "Ottawa",
        "dublin" => "Dublin",
        "new_york" => "New York",
        _ => "another city",
    }
}

/// A record kind's name in words.
fn words_of(kind: &str) -> String {
    kind.replace('_', " ")
}

/// What a count can be, on the record's counts of one day: some phrasings fit more
/// than one reading ("164 parties" is the States Parties, or the states that had joined).
fn count_readings(k: Counts, what: CountWhat) -> Vec<(usize, &'static str)> {
    match what {
        // News writing does not tell a consent deposited from one in force ("162
        // countries have joined", "151 States are parties"), and uses "signed" and
        // "ratified" for joining ("signed by 162 countries" for 162 parties): a count
        // fits when it fits any of these readings, and is contradicted only when it
        // fits none.
        CountWhat::Joined => vec![
            (k.joined, "states that had joined"),
            (k.parties, "States Parties"),
        ],
        CountWhat::Parties => vec![
            (k.parties, "States Parties"),
            (k.joined, "states that had joined"),
        ],
        CountWhat::Signed => vec![
            (k.signed_ever, "states that had signed"),
            (
                k.joined,
                "states that had joined (\"signed\" read as joined)",
            ),
            (k.parties, "States Parties (\"signed\" read as joined)"),
        ],
        CountWhat::Ratified => vec![
            (
                k.ratified,
                "states that had ratified (accepted or approved), accessions aside",
            ),
            (
                k.joined,
                "states that had joined (\"ratified\" read as joined)",
            ),
            (k.parties, "States Parties (\"ratified\" read as joined)"),
        ],
        CountWhat::SignedOnly => vec![(k.signatories, "signatories that had not ratified")],
        CountWhat::Outside => vec![
            (k.outside, "states that had neither signed nor joined"),
            (
                k.outside + k.signatories + k.withdrawn,
                "states that were not parties (nor had joined)",
            ),
        ],
        CountWhat::Withdrawing => vec![],
    }
}
