//! Property tests: arbitrary text, and text built from the words articles use, never
//! panics, and every span the annotation gives points at its own text.

mod common;

use proptest::prelude::*;
use treatywatch_annotate::{Annotator, Options};

const WORDS: &[&str] = &[
    "Finland",
    "Finnish",
    "Ukraine",
    "Ukraine’s",
    "Lithuania",
    "Russia",
    "the United States",
    "Verkhovna Rada",
    "parliament",
    "President",
    "Ottawa Convention",
    "Mine Ban Treaty",
    "the convention",
    "signed",
    "did not sign",
    "have not signed",
    "ratified",
    "joined",
    "joining",
    "withdrew",
    "plans to withdraw",
    "suspended",
    "a decree",
    "voted",
    "came into force",
    "adopted",
    "withdrawal took effect",
    "six-month",
    "more than",
    "160 countries",
    "had over a million mines",
    "production",
    "arsenal",
    "in",
    "on",
    "and",
    ",",
    ".",
    "\n",
    "June 29",
    "February 1999",
    "2011",
    "since 1999",
    "18 September 1997",
    "2025-06-29",
    "NATO",
    "Suomi",
    "Україна",
    "U.S.",
    "No.",
    "“",
    "”",
    "é",
    "\u{0301}",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..120).prop_map(|w| w.join(" "))
}

fn check(annotator: &Annotator<'_, '_>, text: &str, date: Option<&str>) {
    let a = annotator
        .annotate(
            text,
            &Options {
                article_date: date.map(common::date),
                today: common::date(common::TODAY),
                language: None,
            },
        )
        .unwrap();
    for c in &a.claims {
        assert!(c.span.start <= c.span.end && c.span.end <= text.len());
        assert_eq!(&text[c.span.start..c.span.end], c.text);
    }
    for m in &a.state_mentions {
        assert_eq!(&text[m.span.start..m.span.end], m.text);
    }
    for d in &a.dates {
        assert_eq!(&text[d.span.start..d.span.end], d.text);
    }
    assert_eq!(
        a.summary.supported + a.summary.contradicted + a.summary.not_checkable,
        a.claims.len()
    );
    let _ = treatywatch_annotate::html::page(&a, text);
    serde_json::to_string(&a).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn article_like_text_never_panics(text in article(), dated in any::<bool>()) {
        check(common::annotator(), &text, dated.then_some("2025-07-09"));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        check(common::annotator(), &text, None);
    }

    #[test]
    fn arbitrary_bytes_are_text_or_a_clear_error(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = common::annotate_bytes(&bytes, None);
    }
}
