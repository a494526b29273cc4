//! The things treatywatch knows about: states, treaties, sources, depositary actions and
//! armed-conflict periods. Plain data; the rules live in [`crate::rules`] and the
//! reasoning in [`crate::engine`].

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::date::{Date, SourceDate};
use crate::rules::Rules;

/// An ISO 3166-1 alpha-3 code, stored upper-case: `FIN`, `UKR`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StateCode([u8; 3]);

impl StateCode {
    /// The code as a string slice.
    pub fn as_str(&self) -> &str {
        // Only ASCII upper-case letters are ever stored.
        std::str::from_utf8(&self.0).expect("ASCII")
    }
}

/// A string that is not three ASCII letters.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO 3166-1 alpha-3 code: expected three letters such as FIN")]
pub struct StateCodeError(pub String);

impl FromStr for StateCode {
    type Err = StateCodeError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        if b.len() != 3 || !b.iter().all(u8::is_ascii_alphabetic) {
            return Err(StateCodeError(s.to_string()));
        }
        Ok(StateCode([
            b[0].to_ascii_uppercase(),
            b[1].to_ascii_uppercase(),
            b[2].to_ascii_uppercase(),
        ]))
    }
}

impl fmt::Display for StateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for StateCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for StateCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for StateCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A treaty's short id: a lower-case slug such as `apmbc` or `ccm`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TreatyId(pub String);

impl TreatyId {
    /// Whether `s` is a valid treaty id: 1 to 32 characters of `a-z`, `0-9` and `-`,
    /// starting with a letter.
    pub fn is_valid(s: &str) -> bool {
        !s.is_empty()
            && s.len() <= 32
            && s.as_bytes()[0].is_ascii_lowercase()
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TreatyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The id of a source in the dataset's source list.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SourceId(pub String);

impl fmt::Display for SourceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a fact was written down: a data file and a line in it. Errors about the fact
/// name this place.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default)]
pub struct Origin {
    pub file: Arc<str>,
    pub line: u32,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// What kind of source it is, which decides when the facts it supports became public.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// An article, statement or report: its facts are public from its publication date.
    #[default]
    Publication,
    /// A record kept as things happen (the depositary's status table, a treaty body's
    /// country page): each fact it records is public from the fact's own date.
    Record,
}

/// A public source behind one or more facts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    #[serde(skip)]
    pub id: SourceId,
    pub title: String,
    pub publisher: String,
    pub date: SourceDate,
    pub url: String,
    #[serde(skip)]
    pub kind: SourceKind,
    #[serde(skip)]
    pub origin: Origin,
}

impl Source {
    /// The day a fact dated `fact` that this source supports became public, as a careful
    /// reader would have known it: the fact's own day for a record, else the latest day
    /// the source can have been published (`None` when undated).
    pub fn public_from(&self, fact: Date) -> Option<Date> {
        match self.kind {
            SourceKind::Record => Some(fact),
            SourceKind::Publication => self.date.latest().map(|d| d.max(fact)),
        }
    }
}

/// What kind of entity a state is, for the purpose of counting who can take part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StateKind {
    /// A member of the United Nations.
    UnMember,
    /// A non-member observer state (Holy See, State of Palestine).
    Observer,
    /// A state that is not a UN member but takes part in UN treaties (Cook Islands, Niue).
    NonMember,
}

/// A dated fact with its source, such as a state's independence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dated {
    pub date: Date,
    pub source: SourceId,
}

/// A state that can take part in treaties.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub code: StateCode,
    /// The UN's current short name.
    pub name: String,
    /// The official long name, if different.
    pub formal: String,
    pub kind: StateKind,
    /// Other names in use, in English and other languages.
    pub aliases: Vec<String>,
    /// Names the UN used for the state before.
    pub former: Vec<String>,
    /// Adjectives and nouns for its people or government (Finnish, Finn).
    pub demonyms: Vec<String>,
    /// The date it became independent, for successions that take effect from then.
    pub independence: Option<Dated>,
    /// The first day it exists as a state, for one that came into being after 1945
    /// (independence, unification, or the day after the former state it continues
    /// ended); `None` for older states. Research panels have rows for it from then.
    pub from: Option<Dated>,
    pub origin: Origin,
}

/// The kind of instrument by which a state consents to be bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ConsentKind {
    Ratification,
    Acceptance,
    Approval,
    Accession,
    Succession,
    /// A signature that itself binds the state (UN table suffix `s`).
    DefinitiveSignature,
    /// Formal confirmation by an international organisation (suffix `c`).
    FormalConfirmation,
    /// A notification of consent to be bound, as the UN records it for the protocols of
    /// the Certain Conventional Weapons Convention (suffix `P` where the table's header
    /// says "Consent to be bound(P)").
    ConsentToBeBound,
    /// Participation under a clause of the treaty ("Participation(P)", "Participation
    /// under article ...").
    Participation,
    /// Consent established by a treaty's simplified procedure (suffix `p`).
    SimplifiedProcedure,
    /// A notification that the state applies the instrument (the annexes of the
    /// Convention on the Privileges and Immunities of the Specialized Agencies).
    Application,
}

impl ConsentKind {
    pub const ALL: [ConsentKind; 11] = [
        ConsentKind::Ratification,
        ConsentKind::Acceptance,
        ConsentKind::Approval,
        ConsentKind::Accession,
        ConsentKind::Succession,
        ConsentKind::DefinitiveSignature,
        ConsentKind::FormalConfirmation,
        ConsentKind::ConsentToBeBound,
        ConsentKind::Participation,
        ConsentKind::SimplifiedProcedure,
        ConsentKind::Application,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ConsentKind::Ratification => "ratification",
            ConsentKind::Acceptance => "acceptance",
            ConsentKind::Approval => "approval",
            ConsentKind::Accession => "accession",
            ConsentKind::Succession => "succession",
            ConsentKind::DefinitiveSignature => "definitive_signature",
            ConsentKind::FormalConfirmation => "formal_confirmation",
            ConsentKind::ConsentToBeBound => "consent_to_be_bound",
            ConsentKind::Participation => "participation",
            ConsentKind::SimplifiedProcedure => "simplified_procedure",
            ConsentKind::Application => "application",
        }
    }
}

impl fmt::Display for ConsentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a depositary action does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ActionKind {
    /// Signature subject to ratification, acceptance or approval.
    Signature,
    /// An instrument of consent to be bound.
    Consent(ConsentKind),
    /// A declaration of provisional application (recorded; does not change status).
    ProvisionalApplication,
    /// An instrument of withdrawal (denunciation) received by the depositary.
    Withdrawal,
    /// A withdrawal retracted before it took effect.
    WithdrawalRetracted,
    /// A declared suspension of the treaty. Recorded; whether it has any legal effect
    /// depends on the treaty's suspension rule.
    SuspensionDeclared,
}

impl ActionKind {
    /// Every spelling accepted in data files, with its meaning.
    pub const NAMES: [(&'static str, ActionKind); 16] = [
        ("signature", ActionKind::Signature),
        (
            "ratification",
            ActionKind::Consent(ConsentKind::Ratification),
        ),
        ("acceptance", ActionKind::Consent(ConsentKind::Acceptance)),
        ("approval", ActionKind::Consent(ConsentKind::Approval)),
        ("accession", ActionKind::Consent(ConsentKind::Accession)),
        ("succession", ActionKind::Consent(ConsentKind::Succession)),
        (
            "definitive_signature",
            ActionKind::Consent(ConsentKind::DefinitiveSignature),
        ),
        (
            "formal_confirmation",
            ActionKind::Consent(ConsentKind::FormalConfirmation),
        ),
        (
            "consent_to_be_bound",
            ActionKind::Consent(ConsentKind::ConsentToBeBound),
        ),
        (
            "participation",
            ActionKind::Consent(ConsentKind::Participation),
        ),
        (
            "simplified_procedure",
            ActionKind::Consent(ConsentKind::SimplifiedProcedure),
        ),
        ("application", ActionKind::Consent(ConsentKind::Application)),
        (
            "provisional_application",
            ActionKind::ProvisionalApplication,
        ),
        ("withdrawal", ActionKind::Withdrawal),
        ("withdrawal_retracted", ActionKind::WithdrawalRetracted),
        ("suspension_declared", ActionKind::SuspensionDeclared),
    ];

    pub fn as_str(self) -> &'static str {
        ActionKind::NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(n, _)| *n)
            .expect("every kind is named")
    }

    /// Order of actions on the same day: a signature comes before a consent given the
    /// same day (Canada signed and ratified on 3 December 1997).
    pub fn same_day_rank(self) -> u8 {
        match self {
            ActionKind::Signature => 0,
            ActionKind::Consent(_) => 1,
            ActionKind::ProvisionalApplication => 2,
            ActionKind::Withdrawal => 3,
            ActionKind::WithdrawalRetracted => 4,
            ActionKind::SuspensionDeclared => 5,
        }
    }
}

impl FromStr for ActionKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ActionKind::NAMES
            .iter()
            .find(|(n, _)| *n == s)
            .map(|(_, k)| *k)
            .ok_or_else(|| {
                let names: Vec<&str> = ActionKind::NAMES.iter().map(|(n, _)| *n).collect();
                format!("unknown action `{s}`: expected one of {}", names.join(", "))
            })
    }
}

impl fmt::Display for ActionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One depositary action: a row of the UN status table or a later notification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub treaty: TreatyId,
    pub state: StateCode,
    pub kind: ActionKind,
    pub date: Date,
    /// One or more sources for the action.
    pub sources: Vec<SourceId>,
    /// A curator's note in their own words (may be empty).
    pub note: String,
    pub origin: Origin,
}

/// A period in which a state was engaged in an armed conflict, for treaties whose
/// withdrawal cannot take effect during one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictPeriod {
    pub state: StateCode,
    pub start: Date,
    /// The day the conflict ended; `None` while it continues.
    pub end: Option<Date>,
    pub description: String,
    pub sources: Vec<SourceId>,
    pub origin: Origin,
}

impl ConflictPeriod {
    /// Whether the state was engaged in this conflict on `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.start <= day && self.end.is_none_or(|end| day < end)
    }
}

/// A treaty with its rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Treaty {
    pub id: TreatyId,
    /// Other ids users may type: the UN reference (`XXVI-5`), common short names.
    pub aliases: Vec<String>,
    /// The full title.
    pub name: String,
    /// The name most people use (Mine Ban Treaty).
    pub short_name: String,
    /// The UN Treaty Collection reference, such as `XXVI-5`.
    pub untc: Option<String>,
    pub adopted: Option<Date>,
    pub opened_for_signature: Option<Date>,
    /// The general entry-into-force date as recorded by sources, checked against the
    /// date computed from the rules and the deposits.
    pub entry_into_force: Option<Date>,
    /// The last day the record of this treaty speaks for, when it is known only from a
    /// status table captured then (an import): after it, statuses are unknown. `None`
    /// for a treaty curated to the dataset's latest fact.
    pub known_until: Option<Date>,
    pub rules: Rules,
    /// The treaty text and other sources for its rules.
    pub sources: Vec<SourceId>,
    /// Sources for the list of participants, cited when a state has taken no action.
    pub status_sources: Vec<SourceId>,
    /// Obligations with deadlines.
    pub obligations: Vec<crate::obligations::ObligationRule>,
    pub origin: Origin,
    /// Where individual fields were written, for errors about them.
    pub field_origins: Vec<(&'static str, Origin)>,
}

impl Treaty {
    /// Where `field` was written, or where the treaty was.
    pub fn origin_of(&self, field: &str) -> &Origin {
        self.field_origins
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(&self.origin, |(_, o)| o)
    }
}

/// A coding scheme for states that research data sets use beside ISO alpha-3.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CodeSystem {
    /// ISO 3166-1 numeric (the UN's M49 country codes).
    Iso3n,
    /// Correlates of War state number (`ccode`).
    Cow,
    /// Gleditsch and Ward state number (`gwcode`).
    Gw,
}

impl CodeSystem {
    pub const ALL: [CodeSystem; 3] = [CodeSystem::Iso3n, CodeSystem::Cow, CodeSystem::Gw];

    pub fn as_str(self) -> &'static str {
        match self {
            CodeSystem::Iso3n => "iso3n",
            CodeSystem::Cow => "cow",
            CodeSystem::Gw => "gw",
        }
    }
}

/// One state's code in a [`CodeSystem`], for the days it applies (`data/codes.csv`): the
/// Correlates of War number of Germany is 260 to 1990-10-02 and 255 after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SystemCode {
    /// A state's alpha-3 code or a historical state's entity id.
    pub id: String,
    pub system: CodeSystem,
    pub code: u16,
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub source: SourceId,
    pub origin: Origin,
}

impl SystemCode {
    /// Whether the code applies on `day`.
    pub fn covers(&self, day: Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day <= u)
    }
}

/// What an [`Entity`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    /// A state that no longer exists (Yugoslavia, the USSR), with its successors.
    HistoricalState,
    /// An international organisation (the European Union, the World Health
    /// Organization).
    Organisation,
    /// A territory that is not a state (Hong Kong, the Cayman Islands).
    Territory,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::HistoricalState => "historical_state",
            EntityKind::Organisation => "organisation",
            EntityKind::Territory => "territory",
        }
    }
}

/// A participant in treaty tables that is not one of the states in `states.toml`: a
/// former state, an international organisation or a territory. Entities let names in
/// imported tables resolve and be explained; they are never counted among the states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Upper-case id: ISO 3166 codes where one exists (`YUG`, `HKG`), else a short
    /// acronym (`EU`, `WHO`).
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    /// Other names, including the ones treaty tables use.
    pub aliases: Vec<String>,
    /// For a historical state, the states that succeeded it.
    pub successors: Vec<StateCode>,
    /// For a historical state, the successor that continued its legal personality
    /// (the Russian Federation for the USSR), if any.
    pub continued_by: Option<StateCode>,
    /// For a territory, the state responsible for it.
    pub part_of: Option<StateCode>,
    /// For a historical state, the first and last day it existed, where known.
    pub from: Option<Date>,
    pub until: Option<Date>,
    pub sources: Vec<SourceId>,
    /// A curator's note in their own words.
    pub note: String,
    pub origin: Origin,
}

/// What the dataset says of itself (`data/dataset.toml`): the name, version and licence a
/// citation of it gives, and a digest of its files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DatasetMeta {
    /// "treatywatch dataset".
    pub title: String,
    /// The curators' version, changed with every release of the data (`2026.1`); see
    /// the "Data" part of CHANGELOG.md. Empty when the files carry none.
    pub version: String,
    /// The data's licence as an SPDX identifier (`CC-BY-4.0`).
    pub license: String,
    /// Where the licence's text is.
    pub license_url: String,
    /// 16 hex digits: a hash of every file's path and text, so two copies with the same
    /// version but different content can be told apart.
    pub digest: String,
}

/// A dataset's identity as programs and people see it: [`DatasetMeta`] and the date of
/// the latest fact the dataset holds. Every document, export and page carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DatasetIdentity {
    pub title: String,
    /// The curators' version of the data (`2026.1`), or `unversioned`; with
    /// `+untc.FROM..TO` when UN status tables were imported into it, FROM and TO the
    /// earliest and latest day up to which a table is known (`2026.2+untc.2013-01-01..2014-09-01`).
    pub version: String,
    /// The date of the latest fact recorded (an action, a domestic step, a record, the
    /// start or end of a conflict): how current the data is.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, format = Date))]
    pub latest_fact: Option<Date>,
    /// SPDX identifier of the data's licence.
    pub license: String,
    pub license_url: String,
    /// A hash of the dataset's files (16 hex digits).
    pub digest: String,
}

impl DatasetIdentity {
    /// "treatywatch dataset 2026.1 (latest fact 2026-02-20, digest 0123456789abcdef)".
    pub fn line(&self) -> String {
        let latest = self
            .latest_fact
            .map_or_else(|| "no facts".to_string(), |d| format!("latest fact {d}"));
        format!(
            "{} {} ({latest}, digest {})",
            self.title, self.version, self.digest
        )
    }
}

/// Everything the engine reasons over.
#[derive(Clone, Debug, Default)]
pub struct Dataset {
    /// The dataset's name, version, licence and digest.
    pub meta: DatasetMeta,
    pub sources: Vec<Source>,
    pub states: Vec<State>,
    /// Participants that are not states: former states, organisations, territories.
    pub entities: Vec<Entity>,
    pub treaties: Vec<Treaty>,
    pub actions: Vec<Action>,
    pub conflicts: Vec<ConflictPeriod>,
    /// Domestic steps: evidence of intent, kept apart from legal acts.
    pub steps: Vec<crate::evidence::Step>,
    /// Records of stockpiles, production, use and obligations' milestones.
    pub records: Vec<crate::evidence::Record>,
    /// Research codes of states (ISO numeric, Correlates of War, Gleditsch-Ward).
    pub codes: Vec<SystemCode>,
}

impl Dataset {
    pub fn source(&self, id: &SourceId) -> Option<&Source> {
        self.sources.iter().find(|s| &s.id == id)
    }

    pub fn state(&self, code: StateCode) -> Option<&State> {
        self.states.iter().find(|s| s.code == code)
    }

    /// The day a fact dated `fact` became public, by the earliest of its `sources` to make
    /// it public ([`Source::public_from`]); `None` if no source is known or dated.
    pub fn public_from(&self, sources: &[SourceId], fact: Date) -> Option<Date> {
        sources
            .iter()
            .filter_map(|id| self.source(id))
            .filter_map(|s| s.public_from(fact))
            .min()
    }

    /// The dataset as a careful reader knew it on `day`: every action, step, record and
    /// conflict period that became public after `day` is left out. States, treaties and
    /// their rules, and sources are kept.
    pub fn as_known_on(&self, day: Date) -> Dataset {
        let by_id: std::collections::HashMap<&str, &Source> =
            self.sources.iter().map(|s| (s.id.0.as_str(), s)).collect();
        let known = |sources: &[SourceId], fact: Option<Date>| -> bool {
            let Some(fact) = fact else { return false };
            sources
                .iter()
                .filter_map(|id| by_id.get(id.0.as_str()))
                .filter_map(|s| s.public_from(fact))
                .min()
                .is_some_and(|d| d <= day)
        };
        Dataset {
            meta: self.meta.clone(),
            sources: self.sources.clone(),
            states: self.states.clone(),
            entities: self.entities.clone(),
            treaties: self.treaties.clone(),
            codes: self.codes.clone(),
            actions: self
                .actions
                .iter()
                .filter(|a| known(&a.sources, Some(a.date)))
                .cloned()
                .collect(),
            conflicts: self
                .conflicts
                .iter()
                .filter(|c| known(&c.sources, Some(c.start)))
                .cloned()
                .collect(),
            steps: self
                .steps
                .iter()
                .filter(|s| known(&s.sources, s.date.latest()))
                .cloned()
                .collect(),
            records: self
                .records
                .iter()
                .filter(|r| known(&r.sources, r.date.latest()))
                .cloned()
                .collect(),
        }
    }

    /// The date of the latest fact recorded: the latest action, the latest step or
    /// record (by the earliest day its date can be), or the latest start or end of a
    /// conflict. `None` for a dataset with no facts.
    pub fn latest_fact(&self) -> Option<Date> {
        let actions = self.actions.iter().map(|a| a.date);
        let steps = self.steps.iter().filter_map(|s| s.date.earliest());
        let records = self.records.iter().filter_map(|r| r.date.earliest());
        let conflicts = self
            .conflicts
            .iter()
            .flat_map(|c| std::iter::once(c.start).chain(c.end));
        actions.chain(steps).chain(records).chain(conflicts).max()
    }

    /// The dataset's identity: its meta and the date of its latest fact.
    pub fn identity(&self) -> DatasetIdentity {
        let m = &self.meta;
        let or = |s: &str, default: &str| {
            if s.is_empty() {
                default.to_string()
            } else {
                s.to_string()
            }
        };
        // A dataset merged with imported status tables says so in its version: the
        // curators' version, then `+untc.` and the range of the tables' known_until.
        let bounded = self.treaties.iter().filter_map(|t| t.known_until);
        let (lo, hi) = bounded.fold((None, None), |(lo, hi): (Option<Date>, Option<Date>), d| {
            (
                Some(lo.map_or(d, |l| l.min(d))),
                Some(hi.map_or(d, |h| h.max(d))),
            )
        });
        let mut version = or(&m.version, "unversioned");
        if let (Some(lo), Some(hi)) = (lo, hi) {
            version = format!("{version}+untc.{lo}..{hi}");
        }
        DatasetIdentity {
            title: or(&m.title, "treatywatch dataset"),
            version,
            latest_fact: self.latest_fact(),
            license: or(&m.license, "unknown"),
            license_url: m.license_url.clone(),
            digest: m.digest.clone(),
        }
    }

    /// Finds a treaty by id, UN reference, name, short name or alias, ignoring case,
    /// accents and punctuation (`apmbc`, `XXVI-5`, `XXVI.5`, `Ottawa Convention`, `mine ban
    /// treaty`). A name two treaties share finds neither ([`crate::names::find_treaty`]).
    pub fn treaty(&self, query: &str) -> Option<&Treaty> {
        crate::names::find_treaty(&self.treaties, query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_codes_are_three_letters_upper_cased() {
        assert_eq!("fin".parse::<StateCode>().unwrap().as_str(), "FIN");
        assert!("FI".parse::<StateCode>().is_err());
        assert!("F1N".parse::<StateCode>().is_err());
        assert!("FÍN".parse::<StateCode>().is_err());
    }

    #[test]
    fn action_names_round_trip() {
        for (name, kind) in ActionKind::NAMES {
            assert_eq!(name.parse::<ActionKind>().unwrap(), kind);
            assert_eq!(kind.as_str(), name);
        }
        let err = "ratify".parse::<ActionKind>().unwrap_err();
        assert!(err.contains("ratification"), "{err}");
    }

    #[test]
    fn treaty_ids() {
        assert!(TreatyId::is_valid("apmbc"));
        assert!(TreatyId::is_valid("ccw-p2"));
        assert!(!TreatyId::is_valid("APMBC"));
        assert!(!TreatyId::is_valid("1abc"));
        assert!(!TreatyId::is_valid(""));
    }
}
