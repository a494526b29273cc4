//! Any text as a UN status table or index: the importer reports problems, never panics,
//! and what it imports always parses as a dataset.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treatywatch_data::DataFile;
use treatywatch_untc::{Table, TreatyMeta, import, merged_files, read_index};

/// The tests' mini dataset (states Alpha, Beta, Gamma; treaty `mini`, UN reference
/// XXVI-5), and one organisation: small, so each run is fast.
const MINI: [(&str, &str); 6] = [
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
        concat!(
            "untc = \"XXVI-5\"\n",
            include_str!("../../crates/treatywatch-data/tests/fixtures/mini/treaties/mini.toml")
        ),
    ),
    (
        "actions/mini.csv",
        include_str!("../../crates/treatywatch-data/tests/fixtures/mini/actions/mini.csv"),
    ),
    (
        "conflicts.csv",
        include_str!("../../crates/treatywatch-data/tests/fixtures/mini/conflicts.csv"),
    ),
    (
        "entities.toml",
        "[EU]\nname = \"European Union\"\nkind = \"organisation\"\nsources = [\"table\"]\n",
    ),
];

const INDEX: &str = "chapter_no,treaty_no,treaty_name,url,chapter_url,chapter_name\n\
    26,5,\"Mine Ban Convention. Oslo, 18 September 1997\",http://x/?mtdsg_no=XXVI-5&chapter=26,x,Disarmament\n\
    26,9,\"A treaty. Nowhere, 1 January 2000\",http://x/?mtdsg_no=XXVI-9&chapter=26,x,Disarmament\n";

fuzz_target!(|input: &[u8]| {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    let files: Vec<DataFile> = MINI
        .iter()
        .map(|(path, text)| DataFile {
            path: path.to_string(),
            text: text.to_string(),
        })
        .collect();
    let base = treatywatch_data::parse(&files).expect("the mini dataset parses");
    // The text as an index, then as two tables (a registry treaty and an unknown one).
    let _ = read_index(text);
    let (index, _): (Vec<TreatyMeta>, _) = read_index(INDEX);
    let tables = [
        Table {
            path: "treaties/26-5.csv".into(),
            text: text.to_string(),
        },
        Table {
            path: "treaties/26-9.csv".into(),
            text: text.to_string(),
        },
    ];
    let imported = import(&tables, &index, &base);
    let merged = merged_files(&files, &base, &imported);
    let data = treatywatch_data::parse(&merged).expect("an import always gives a dataset that parses");
    let engine = treatywatch_core::engine::Engine::new(&data);
    for t in &data.treaties {
        let _ = engine.statuses(t, jiff::civil::date(2026, 1, 1));
    }
});
