//! states.toml against the ISO 3166-1 data of the `isocountry` crate: every code is an
//! assigned alpha-3 code, and every state's ISO English name is known to the alias table
//! (as its name, formal name, an alias or a former name).

use isocountry::CountryCode;
use treatywatch_core::engine::Engine;

#[test]
fn every_code_is_iso_3166_alpha_3_and_every_iso_name_resolves() {
    let data = treatywatch_data::embedded().unwrap();
    let engine = Engine::new(&data);
    let mut problems = Vec::new();
    for s in &data.states {
        match CountryCode::for_alpha3(s.code.as_str()) {
            Err(_) => problems.push(format!("{}: not an ISO 3166-1 alpha-3 code", s.code)),
            Ok(iso) => match engine.resolve_state(iso.name()) {
                Ok(found) if found.code == s.code => {}
                Ok(found) => problems.push(format!(
                    "{}: the ISO name `{}` resolves to {}",
                    s.code,
                    iso.name(),
                    found.code
                )),
                Err(_) => problems.push(format!(
                    "{}: the ISO name `{}` is not in the alias table",
                    s.code,
                    iso.name()
                )),
            },
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn entities_are_not_states() {
    let data = treatywatch_data::embedded().unwrap();
    for e in &data.entities {
        // Former states keep their ISO 3166-3 codes, which ISO 3166-1 no longer assigns.
        if let Ok(c) = e.id.parse::<treatywatch_core::StateCode>() {
            assert!(data.state(c).is_none(), "{} is also a state", e.id);
        }
    }
    assert!(data.entities.len() >= 37);
}
