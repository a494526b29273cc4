//! The certainty gate: a claim is `contradicted` only when its reading is certain (its
//! state named in its own clause, an explicit date when the contradiction rests on the
//! date, a plain statement of fact); otherwise `not_checkable`, saying what was
//! uncertain. Finland ratified the Mine Ban Treaty on 9 January 2012.

mod common;

use common::{all, annotate, no_contradiction, one};
use treatywatch_annotate::{ClaimKind, Language, Options, Verdict};

#[test]
fn a_state_named_with_an_explicit_wrong_year_is_still_contradicted() {
    let a = annotate(
        "Finland ratified the Mine Ban Treaty in 2009.",
        Some("2025-06-01"),
    );
    let c = one(&a, ClaimKind::Ratified, "FIN");
    assert_eq!(c.verdict, Verdict::Contradicted, "{}", all(&a));
    assert!(!c.note.starts_with("Not contradicted"), "{}", c.note);
}

#[test]
fn a_state_found_through_a_pronoun_is_not_contradicted() {
    let a = annotate(
        "Finland has long debated the Mine Ban Treaty. It ratified the treaty in 2009.",
        Some("2025-06-01"),
    );
    let c = one(&a, ClaimKind::Ratified, "FIN");
    assert_eq!(c.verdict, Verdict::NotCheckable, "{}", all(&a));
    assert!(c.note.contains("pronoun"), "{}", c.note);
    assert!(c.note.starts_with("Not contradicted"), "{}", c.note);
    no_contradiction(&a);
}

#[test]
fn a_pronoun_with_the_right_year_is_still_supported() {
    // The gate only holds back contradictions.
    let a = annotate(
        "Finland has long debated the Mine Ban Treaty. It ratified the treaty in 2012.",
        Some("2025-06-01"),
    );
    assert_eq!(
        one(&a, ClaimKind::Ratified, "FIN").verdict,
        Verdict::Supported,
        "{}",
        all(&a)
    );
}

#[test]
fn a_list_with_but_not_gives_no_contradiction() {
    // Wrongly: Finland is a party. The list has an exception in it, so its reading is
    // not certain enough to contradict the record.
    let a = annotate(
        "The Mine Ban Treaty has been joined by more than 160 countries, but not by the United \
         States or Finland.",
        Some("2025-06-01"),
    );
    no_contradiction(&a);
    let c = one(&a, ClaimKind::NotJoined, "FIN");
    assert_eq!(c.verdict, Verdict::NotCheckable, "{}", all(&a));
    assert!(c.note.contains("exception"), "{}", c.note);
    // The United States is outside: supported as before.
    assert_eq!(
        one(&a, ClaimKind::NotJoined, "USA").verdict,
        Verdict::Supported
    );
    // "Neither ... nor": wrongly, Finland has signed.
    let a = annotate(
        "Neither Russia nor Finland has signed the Mine Ban Treaty.",
        Some("2025-06-01"),
    );
    no_contradiction(&a);
}

#[test]
fn a_relative_date_gives_no_contradiction() {
    // Norway signed on 3 December 1997 and ratified on 9 July 1998; "two years later" is
    // 1999, wrongly, but the reading rests on a relative date.
    let a = annotate(
        "Norway signed the Mine Ban Treaty in 1997 after a long debate. Norway ratified the \
         treaty two years later.",
        Some("2025-06-01"),
    );
    let c = one(&a, ClaimKind::Ratified, "NOR");
    assert_eq!(c.verdict, Verdict::NotCheckable, "{}", all(&a));
    assert!(c.note.contains("relative"), "{}", c.note);
    no_contradiction(&a);
}

#[test]
fn a_relative_date_the_contradiction_does_not_rest_on_still_contradicts() {
    // Finland never withdrew: wrong whatever "last month" is.
    let a = annotate(
        "Finland withdrew from the Mine Ban Treaty last month.",
        Some("2025-06-01"),
    );
    let c = one(&a, ClaimKind::Withdrew, "FIN");
    assert_eq!(c.verdict, Verdict::Contradicted, "{}", all(&a));
    assert!(c.note.contains("not relied on"), "{}", c.note);
}

#[test]
fn a_quotation_is_not_contradicted() {
    let a = annotate(
        "\"Finland ratified the Mine Ban Treaty in 2009,\" the minister said.",
        Some("2025-06-01"),
    );
    let c = one(&a, ClaimKind::Ratified, "FIN");
    assert_eq!(c.verdict, Verdict::NotCheckable, "{}", all(&a));
    assert!(c.note.contains("quotation"), "{}", c.note);
}

#[test]
fn a_subject_from_a_relative_clause_is_not_contradicted() {
    let a = annotate(
        "The debate moved to Finland, which ratified the Mine Ban Treaty in 2009.",
        Some("2025-06-01"),
    );
    no_contradiction(&a);
}

#[test]
fn outside_english_a_contradiction_needs_an_explicit_date() {
    let opts = |l| Options {
        article_date: Some(common::date("2025-06-01")),
        today: common::date(common::TODAY),
        language: Some(l),
    };
    // "Finland ratified the convention in 2009": a named state, an explicit year.
    let a = common::annotator()
        .annotate_bytes(
            "Suomi ratifioi Ottawan sopimuksen vuonna 2009.".as_bytes(),
            &opts(Language::Fi),
        )
        .unwrap();
    let c = one(&a, ClaimKind::Ratified, "FIN");
    assert_eq!(c.verdict, Verdict::Contradicted, "{}", all(&a));
    // "Finland has withdrawn from the convention": no date, so not contradicted.
    let a = common::annotator()
        .annotate_bytes(
            "Финляндия вышла из Оттавской конвенции.".as_bytes(),
            &opts(Language::Ru),
        )
        .unwrap();
    no_contradiction(&a);
}
