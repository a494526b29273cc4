//! Any text as a UN status table or index: the importer reports problems, never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treatywatch_untc::{Table, TreatyMeta, import, read_index};

const INDEX: &str = "chapter_no,treaty_no,treaty_name,url,chapter_url,chapter_name\n\
    26,5,\"Mine Ban Convention. Oslo, 18 September 1997\",http://x/?mtdsg_no=XXVI-5&chapter=26,x,Disarmament\n\
    26,9,\"A treaty. Nowhere, 1 January 2000\",http://x/?mtdsg_no=XXVI-9&chapter=26,x,Disarmament\n";

fuzz_target!(|input: &[u8]| {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    thread_local! {
        static BASE: treatywatch_core::Dataset =
            treatywatch_data::embedded().expect("the embedded dataset parses");
    }
    // The text as an index, then as two tables (a curated treaty and an unknown one).
    let _ = read_index(text);
    let (index, _): (Vec<TreatyMeta>, _) = read_index(INDEX);
    let tables = [
        Table { path: "treaties/26-5.csv".into(), text: text.to_string() },
        Table { path: "treaties/26-9.csv".into(), text: text.to_string() },
    ];
    BASE.with(|base| {
        let imported = import(&tables, &index, base);
        let files = treatywatch_untc::merged_files(&treatywatch_data::embedded_files(), base, &imported);
        // Whatever the import gives must load as a dataset.
        treatywatch_data::parse(&files).expect("an import always gives a dataset that parses");
    });
});
