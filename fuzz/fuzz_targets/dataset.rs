//! Any text in any dataset file: parsing and checking report problems, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treatywatch_data::DataFile;

/// The tests' mini dataset: small, so each run is fast.
const MINI: [(&str, &str); 7] = [
    (
        "sources.toml",
        include_str!("../../crates/treatywatch-data/tests/fixtures/mini/sources.toml"),
    ),
    (
        "states.toml",
        include_str!("../../crates/treatywatch-data/tests/fixtures/mini/states.toml"),
    ),
    (
        "treaties/mini.toml",
        include_str!("../../crates/treatywatch-data/tests/fixtures/mini/treaties/mini.toml"),
    ),
    (
        "actions/mini.csv",
        include_str!("../../crates/treatywatch-data/tests/fixtures/mini/actions/mini.csv"),
    ),
    (
        "evidence/mini.csv",
        include_str!("../../crates/treatywatch-data/tests/fixtures/mini/evidence/mini.csv"),
    ),
    (
        "records/mini.csv",
        include_str!("../../crates/treatywatch-data/tests/fixtures/mini/records/mini.csv"),
    ),
    (
        "conflicts.csv",
        include_str!("../../crates/treatywatch-data/tests/fixtures/mini/conflicts.csv"),
    ),
];

fuzz_target!(|input: &[u8]| {
    let Some((&which, rest)) = input.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let replaced = which as usize % MINI.len();
    // The mini dataset with one file replaced by the fuzzer's text.
    let files: Vec<DataFile> = MINI
        .iter()
        .enumerate()
        .map(|(i, (path, original))| DataFile {
            path: path.to_string(),
            text: if i == replaced { text } else { original }.to_string(),
        })
        .collect();
    if let Ok((data, _)) = treatywatch_data::load(&files, jiff::civil::date(2026, 11, 26)) {
        let engine = treatywatch_core::engine::Engine::new(&data);
        for t in &data.treaties {
            let _ = engine.statuses(t, jiff::civil::date(2026, 1, 1));
        }
    }
});
