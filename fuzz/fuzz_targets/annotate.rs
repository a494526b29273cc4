//! The article annotator: any bytes are annotated or refused with an error, never a
//! panic, and every span in the annotation points at its own text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use treatywatch_annotate::{Annotator, Options};
use treatywatch_core::Dataset;
use treatywatch_core::engine::Engine;

static DATA: OnceLock<Dataset> = OnceLock::new();
static ENGINE: OnceLock<Engine<'static>> = OnceLock::new();
static ANNOTATOR: OnceLock<Annotator<'static, 'static>> = OnceLock::new();

fuzz_target!(|bytes: &[u8]| {
    let data = DATA.get_or_init(|| treatywatch_data::embedded().unwrap());
    let engine = ENGINE.get_or_init(|| Engine::new(data));
    let annotator =
        ANNOTATOR.get_or_init(|| Annotator::new(engine, data.treaty("apmbc").unwrap()));
    let today = jiff::civil::date(2026, 11, 1);
    let opts = Options {
        article_date: None,
        today,
        language: None,
    };
    if let Ok(a) = annotator.annotate_bytes(bytes, &opts) {
        let text = std::str::from_utf8(bytes).unwrap();
        for c in &a.claims {
            assert_eq!(&text[c.span.start..c.span.end], c.text);
        }
        let _ = treatywatch_annotate::html::page(&a, text);
    }
});
