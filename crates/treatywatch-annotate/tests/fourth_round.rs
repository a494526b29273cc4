//! Failure classes found by the fourth corpus round (2026-12), each as a short article of
//! our own.

mod common;

use common::{annotate, claims, no_contradiction, one};
use treatywatch_annotate::{ClaimKind, Verdict};

#[test]
fn the_rules_period_said_of_a_state_is_its_obligation() {
    // "Oman will have four years to destroy": Art. 4's period, said of Oman, checked
    // against the rule and Oman's own deadline; "ten years to clear" against Art. 5's.
    let a = annotate(
        "Oman deposited its instrument of accession to the Mine Ban Treaty on Wednesday. \
         From then on, Oman will have four years to destroy any stockpiled mines and ten \
         years to clear mined land under its control.",
        Some("2014-08-21"),
    );
    let obl: Vec<_> = claims(&a, ClaimKind::Obligation, "OMN");
    assert_eq!(obl.len(), 2, "{obl:?}");
    for c in obl {
        assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
    }
    no_contradiction(&a);
}

#[test]
fn a_wrong_period_said_of_a_state_is_contradicted_but_more_time_is_not() {
    let a = annotate(
        "Poland ratified the Mine Ban Treaty in December 2012. Poland must destroy its \
         stockpile within six years.",
        Some("2013-01-10"),
    );
    let c = one(&a, ClaimKind::Obligation, "POL");
    assert_eq!(c.verdict, Verdict::Contradicted, "{}", c.note);
    let a = annotate(
        "Chile is a party to the Mine Ban Treaty. In 2011 the other parties granted Chile \
         a further eight years to clear its minefields.",
        Some("2012-01-10"),
    );
    no_contradiction(&a);
}

#[test]
fn a_pronoun_carries_the_state_past_a_semicolon_but_it_may_be_the_treaty() {
    // "Mozambique ... has until March 2009 to clear; its stockpile must be destroyed
    // within four years": Mozambique's. "It gives each state that joins four years":
    // the treaty's rule, no state's obligation.
    let a = annotate(
        "Mozambique ratified the Mine Ban Treaty last August and has until March 2009 to \
         clear all mined areas; its stockpile must be destroyed within four years.",
        Some("1999-03-01"),
    );
    let obl = claims(&a, ClaimKind::Obligation, "MOZ");
    assert_eq!(obl.len(), 2, "{obl:?}");
    for c in obl {
        assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
    }
    let a = annotate(
        "The United States has not joined the Mine Ban Treaty. It gives each state that \
         joins four years to destroy its stockpiles.",
        Some("2014-06-27"),
    );
    assert!(
        claims(&a, ClaimKind::Obligation, "USA").is_empty(),
        "{}",
        common::all(&a)
    );
    no_contradiction(&a);
}

#[test]
fn the_first_reports_period_and_date() {
    let a = annotate(
        "Sri Lanka joined the Mine Ban Treaty in December 2017. It must submit an initial \
         transparency report within 180 days of the treaty taking effect.",
        Some("2018-01-10"),
    );
    let c = one(&a, ClaimKind::Obligation, "LKA");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
    no_contradiction(&a);
}
