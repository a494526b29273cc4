//! The corpus's label files (`annotate --eval`): any label file and article text give
//! labels or errors that name a line and a field, never a panic; every label's span
//! points at its quote. The input is the label file, a NUL byte, then the article.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &[u8]| {
    let Some(nul) = input.iter().position(|&b| b == 0) else {
        return;
    };
    let (Ok(src), Ok(text)) = (
        std::str::from_utf8(&input[..nul]),
        std::str::from_utf8(&input[nul + 1..]),
    ) else {
        return;
    };
    match treatywatch_annotate::eval::parse(src, text) {
        Ok(l) => {
            for c in &l.claims {
                assert_eq!(&text[c.span.start..c.span.end], c.quote);
            }
            for t in &l.traps {
                assert_eq!(&text[t.span.start..t.span.end], t.quote);
            }
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for e in errors {
                assert!(!e.to_string().is_empty());
            }
        }
    }
});
