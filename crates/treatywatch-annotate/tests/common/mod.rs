//! Shared helpers: the embedded dataset, loaded once, and annotation with a fixed today.
#![allow(dead_code)]

use std::sync::OnceLock;

use treatywatch_annotate::{Annotation, Annotator, Claim, ClaimKind, InputError, Options, Verdict};
use treatywatch_core::engine::Engine;
use treatywatch_core::{Dataset, Date, parse_date};

/// "Today" in every test, so answers do not move with the clock.
pub const TODAY: &str = "2026-11-01";

pub fn data() -> &'static Dataset {
    static DATA: OnceLock<Dataset> = OnceLock::new();
    DATA.get_or_init(|| treatywatch_data::embedded().expect("the embedded dataset loads"))
}

pub fn date(s: &str) -> Date {
    parse_date(s).unwrap()
}

/// One annotator for all the tests of a binary: building it compiles its patterns.
pub fn annotator() -> &'static Annotator<'static, 'static> {
    static ENGINE: OnceLock<Engine<'static>> = OnceLock::new();
    static ANNOTATOR: OnceLock<Annotator<'static, 'static>> = OnceLock::new();
    ANNOTATOR.get_or_init(|| {
        let engine = ENGINE.get_or_init(|| Engine::new(data()));
        Annotator::new(engine, data().treaty("apmbc").unwrap())
    })
}

pub fn annotate_bytes(
    bytes: &[u8],
    article: Option<&str>,
) -> Result<Annotation<'static>, InputError> {
    annotator().annotate_bytes(
        bytes,
        &Options {
            article_date: article.map(date),
            today: date(TODAY),
            language: None,
        },
    )
}

pub fn annotate(text: &str, article: Option<&str>) -> Annotation<'static> {
    annotate_bytes(text.as_bytes(), article).expect("the text is accepted")
}

/// The claims of one kind about one state.
pub fn claims<'a>(
    a: &'a Annotation<'static>,
    kind: ClaimKind,
    state: &str,
) -> Vec<&'a Claim<'static>> {
    a.claims
        .iter()
        .filter(|c| c.kind == kind && c.state.is_some_and(|s| s.as_str() == state))
        .collect()
}

/// The one claim of a kind about a state; fails with the annotation's claims otherwise.
pub fn one<'a>(a: &'a Annotation<'static>, kind: ClaimKind, state: &str) -> &'a Claim<'static> {
    let found = claims(a, kind, state);
    assert_eq!(
        found.len(),
        1,
        "expected one {kind:?} claim about {state}, got: {:#?}",
        a.claims
            .iter()
            .map(|c| (c.kind, c.state, c.verdict, c.text.clone()))
            .collect::<Vec<_>>()
    );
    found[0]
}

/// The verdict on the one claim of a kind about a state in `text`.
pub fn verdict(text: &str, article: Option<&str>, kind: ClaimKind, state: &str) -> Verdict {
    one(&annotate(text, article), kind, state).verdict
}

/// The first claim of a kind.
pub fn first<'a>(a: &'a Annotation<'static>, kind: ClaimKind) -> &'a Claim<'static> {
    a.claims
        .iter()
        .find(|c| c.kind == kind)
        .expect("a claim of that kind")
}

/// Every claim of the annotation, a line each, for assertion messages.
pub fn all(a: &Annotation<'static>) -> String {
    a.claims
        .iter()
        .map(|c| {
            format!(
                "{:?} {:?} {:?} {:?} {:?}: {}",
                c.kind,
                c.state.map(|s| s.as_str().to_string()),
                c.modality,
                c.verdict,
                c.text,
                c.note
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// No claim of the annotation says contradicted.
pub fn no_contradiction(a: &Annotation<'static>) {
    assert!(
        a.claims.iter().all(|c| c.verdict != Verdict::Contradicted),
        "{}",
        all(a)
    );
}

/// No claim says contradicted in any of these short articles (text, article date).
pub fn none_contradicted(cases: &[(&str, &str)]) {
    for (text, date) in cases {
        no_contradiction(&annotate(text, Some(date)));
    }
}
