//! The article annotator: any bytes are annotated or refused with an error, never a
//! panic, and every span in the annotation points at its own text. The first byte
//! chooses the language (told from the text, or one of the eight), so that every
//! language's word lists meet arbitrary text.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use treatywatch_annotate::{Annotator, Language, Options};
use treatywatch_core::Dataset;
use treatywatch_core::engine::Engine;

static DATA: OnceLock<Dataset> = OnceLock::new();
static ENGINE: OnceLock<Engine<'static>> = OnceLock::new();
static ANNOTATOR: OnceLock<Annotator<'static, 'static>> = OnceLock::new();

fuzz_target!(|input: &[u8]| {
    let data = DATA.get_or_init(|| treatywatch_data::embedded().unwrap());
    let engine = ENGINE.get_or_init(|| Engine::new(data));
    let annotator =
        ANNOTATOR.get_or_init(|| Annotator::new(engine, data.treaty("apmbc").unwrap()));
    let Some((&choice, bytes)) = input.split_first() else {
        return;
    };
    let language = match choice % 10 {
        0 | 9 => None,
        i => Some(Language::ALL[usize::from(i) - 1]),
    };
    let today = jiff::civil::date(2026, 11, 1);
    let opts = Options {
        article_date: (choice & 0x80 != 0).then(|| jiff::civil::date(2025, 7, 11)),
        today,
        language,
    };
    if let Ok(a) = annotator.annotate_bytes(bytes, &opts) {
        let text = std::str::from_utf8(bytes).unwrap();
        for c in &a.claims {
            assert_eq!(&text[c.span.start..c.span.end], c.text);
        }
        for m in &a.state_mentions {
            assert_eq!(&text[m.span.start..m.span.end], m.text);
        }
        for d in &a.dates {
            assert_eq!(&text[d.span.start..d.span.end], d.text);
        }
        let _ = treatywatch_annotate::html::page(&a, text);
    }
});
