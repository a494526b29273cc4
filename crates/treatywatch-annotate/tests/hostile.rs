//! Hostile input: huge, binary, or built to repeat. Each gets a clear error or a bounded
//! result, never a panic. (No timings are asserted; `README.md` gives measurements.)

mod common;

use common::{annotate, annotate_bytes};
use treatywatch_annotate::{InputError, MAX_CLAIMS, MAX_INPUT_BYTES, MAX_MENTIONS};

#[test]
fn a_50_mb_input_is_refused_with_its_size() {
    let big = vec![b'a'; 50 * 1024 * 1024];
    let err = annotate_bytes(&big, None).unwrap_err();
    assert_eq!(
        err,
        InputError::TooLarge {
            size: 50 * 1024 * 1024,
            limit: MAX_INPUT_BYTES
        }
    );
    assert!(err.to_string().contains("52428800 bytes"), "{err}");
}

/// A fixed pseudo-random byte stream (xorshift), so the test is the same every run.
fn noise(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_data_is_refused_with_the_offset() {
    let bytes = noise(1 << 20, 0x9e37_79b9_7f4a_7c15);
    match annotate_bytes(&bytes, None).unwrap_err() {
        InputError::NotUtf8 { offset, byte } => {
            assert!(std::str::from_utf8(&bytes[..offset]).is_ok());
            assert_eq!(bytes[offset], byte);
        }
        InputError::TruncatedUtf8 { .. } | InputError::Binary { .. } => {}
        e => panic!("unexpected error {e}"),
    }
    // Valid UTF-8 with NUL bytes (an executable's strings, a UTF-16 file) is binary.
    let err = annotate_bytes("F\0i\0n\0".as_bytes(), None).unwrap_err();
    assert_eq!(err, InputError::Binary { offset: 1 });
    let utf16: Vec<u8> = "Finland"
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    assert!(matches!(
        annotate_bytes(&utf16, None),
        Err(InputError::Binary { .. })
    ));
}

#[test]
fn a_phrase_repeated_100000_times_over_the_limit_is_refused() {
    let text = "Finland joined the Ottawa Convention in 2011. ".repeat(100_000);
    assert!(text.len() > MAX_INPUT_BYTES);
    assert!(matches!(
        annotate_bytes(text.as_bytes(), None),
        Err(InputError::TooLarge { .. })
    ));
}

#[test]
fn a_claim_repeated_100000_times_gives_a_bounded_result() {
    let text = format!(
        "The Ottawa Convention. {}",
        "Ukraine withdrew. ".repeat(100_000)
    );
    assert!(text.len() <= MAX_INPUT_BYTES);
    let a = annotate(&text, Some("2025-08-01"));
    assert!(a.truncated);
    assert_eq!(a.claims.len(), MAX_CLAIMS);
    assert!(a.state_mentions.len() <= MAX_MENTIONS);
    assert!(a.notes.iter().any(|n| n.contains("unusually dense")));
    assert_eq!(a.states.len(), 1);
}

#[test]
fn one_endless_sentence_of_names_and_triggers_is_bounded() {
    // No full stop anywhere: one sentence of 100,000 states, treaty names and triggers.
    let text = "Finland, Ottawa Convention signed decree 2011 ".repeat(40_000);
    assert!(text.len() <= MAX_INPUT_BYTES);
    let a = annotate(&text, None);
    assert!(a.claims.len() <= MAX_CLAIMS);
    assert!(a.treaty_mentions.len() <= MAX_MENTIONS);
    assert!(a.dates.len() <= MAX_MENTIONS);
}

#[test]
fn a_long_list_of_states_is_cut_short() {
    let text = format!(
        "{} have not signed the Ottawa Convention.",
        "China, Russia, India, ".repeat(30_000)
    );
    let a = annotate(&text, Some("2025-01-01"));
    // Repeated names count once, and a list is read back at most 30 states.
    assert!(a.claims.len() <= 30);
}

#[test]
fn odd_text_does_not_panic() {
    for text in [
        "",
        " ",
        "\n\n\n",
        ".",
        "...!?",
        "Ottawa Convention",
        "Ottawa Convention.signed.Finland.",
        "\u{feff}Finland\u{200b}joined the Ottawa Convention in 2012\u{2028}",
        "Finland’s withdrawal from the Ottawa Convention took effect on February 29, 2026.",
        "On 31 February Finland signed the Ottawa Convention.",
        "Ottawa Convention: More than 999 countries; 0 states; 99999 nations.",
        "Ottawa Convention\r\nFinland signed\r\n",
        "ÖTTAWA CONVENTION FINLAND SIGNED IT IN 1997",
        "Mine Ban Treaty \u{1F600} Україна підписала в 1999",
    ] {
        let a = annotate(text, None);
        for c in &a.claims {
            assert_eq!(&text[c.span.start..c.span.end], c.text);
        }
    }
}

#[test]
fn triggers_that_run_past_their_sentence() {
    // Sentences end at line breaks and question marks; some trigger phrases may not.
    for text in [
        "The Ottawa Convention came\ninto force",
        "The Ottawa Convention came\ninto force\n",
        "Ottawa Convention. Finland plans? to withdraw",
        "Ottawa Convention. Poland's president signed a\ndecree",
        "Ottawa Convention. Finland's withdrawal?took effect",
        "Ottawa Convention. The Sejm voted?",
    ] {
        let a = annotate(text, Some("2025-07-01"));
        for c in &a.claims {
            assert_eq!(&text[c.span.start..c.span.end], c.text);
        }
    }
}
