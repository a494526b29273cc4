//! One alias table for everyone who appears in treaty tables: the states of
//! `states.toml` (names, formal names, aliases, former names), and the entities of
//! `entities.toml` (former states, organisations, territories).

use std::collections::HashMap;

use treatywatch_core::names::{NameIndex, normalize};
use treatywatch_core::{Dataset, Entity, State, StateCode, UnknownState};

/// Who a name in a table is.
#[derive(Clone, Copy, Debug)]
pub enum Participant<'d> {
    State(&'d State),
    Entity(&'d Entity),
}

/// Resolves participant names as the UN wrote them.
pub struct Participants<'d> {
    states: NameIndex,
    by_code: HashMap<StateCode, &'d State>,
    entities: HashMap<String, &'d Entity>,
}

/// Removes footnote marks the UN puts after names: `Germany2,3`, `France*`, `China ¹`.
pub fn strip_footnotes(name: &str) -> &str {
    name.trim().trim_end_matches(|c: char| {
        c.is_ascii_digit() || matches!(c, ',' | '*' | ' ' | '†' | '‡') || "¹²³⁴⁵⁶⁷⁸⁹⁰".contains(c)
    })
}

impl<'d> Participants<'d> {
    pub fn new(data: &'d Dataset) -> Participants<'d> {
        let (states, _collisions) = NameIndex::build(&data.states);
        let by_code = data.states.iter().map(|s| (s.code, s)).collect();
        let mut entities = HashMap::new();
        for e in &data.entities {
            for n in std::iter::once(&e.id)
                .chain(std::iter::once(&e.name))
                .chain(&e.aliases)
            {
                let key = normalize(n);
                if !key.is_empty() {
                    entities.entry(key).or_insert(e);
                }
            }
        }
        Participants {
            states,
            by_code,
            entities,
        }
    }

    /// Resolves a name (footnote marks removed first) to a state or an entity.
    pub fn resolve(&self, name: &str) -> Result<Participant<'d>, UnknownState> {
        let clean = strip_footnotes(name);
        match self
            .states
            .resolve(clean, |c| self.by_code.contains_key(&c))
        {
            Ok(code) => Ok(Participant::State(self.by_code[&code])),
            Err(e) => match self.entities.get(&normalize(clean)) {
                Some(entity) => Ok(Participant::Entity(entity)),
                None => Err(e),
            },
        }
    }
}
