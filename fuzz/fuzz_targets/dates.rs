//! Date parsing: any string gives a date or an error, never a panic, and a parsed date
//! prints back as the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use treatywatch_core::{SourceDate, parse_date};

fuzz_target!(|s: &str| {
    if let Ok(d) = parse_date(s) {
        assert_eq!(d.to_string(), s);
    }
    if let Ok(d) = s.parse::<SourceDate>() {
        assert!(d.earliest() <= d.latest());
        assert_eq!(d.to_string().parse::<SourceDate>().unwrap(), d);
    }
});
