//! State-name resolution: any string resolves or gets suggestions, never a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use treatywatch_core::Dataset;
use treatywatch_core::engine::Engine;

static DATA: OnceLock<Dataset> = OnceLock::new();
static ENGINE: OnceLock<Engine<'static>> = OnceLock::new();

fuzz_target!(|s: &str| {
    let data = DATA.get_or_init(|| treatywatch_data::embedded().unwrap());
    let engine = ENGINE.get_or_init(|| Engine::new(data));
    match engine.resolve_state(s) {
        Ok(state) => assert!(data.state(state.code).is_some()),
        Err(e) => assert!(e.suggestions.len() <= 5),
    }
    let _ = treatywatch_core::names::normalize(s);
});
