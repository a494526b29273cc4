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

#[test]
fn a_state_among_them_before_but_is_not_in_the_list_after() {
    // "Germany among them, but Russia, the United States and China have never joined":
    // Germany is not said to be outside; the three are.
    let a = annotate(
        "More than 160 countries have ratified the Mine Ban Treaty, Germany among them, but \
         Russia, the United States and China have never joined.",
        Some("2025-06-28"),
    );
    assert!(
        claims(&a, ClaimKind::NotJoined, "DEU").is_empty(),
        "{}",
        common::all(&a)
    );
    for st in ["RUS", "USA", "CHN"] {
        assert_eq!(
            one(&a, ClaimKind::NotJoined, st).verdict,
            Verdict::Supported
        );
    }
    no_contradiction(&a);
}

#[test]
fn steps_waited_for_started_or_eventual_are_not_acts() {
    let a = annotate(
        "Ukraine, which signed the Mine Ban Treaty in 1999, is still waiting for a \
         ratification vote in parliament. Tonga's Prime Minister had started the accession \
         process. The United States intends eventually to join the treaty; activists urged \
         Washington to set a deadline for joining.",
        Some("2005-11-16"),
    );
    no_contradiction(&a);
}

#[test]
fn a_year_naming_the_treaty_and_a_total_of_signatories() {
    // "1997. gadā noslēgtajai Otavas konvencijai ... vairāk nekā 160 valstis": the year
    // names the treaty; the count is of today. "a total of 126 signatories": all that
    // had signed, ratified or not.
    let a = annotate(
        "Otavas konvencija.\n1997. gadā noslēgtajai Otavas konvencijai pievienojušās \
         vairāk nekā 160 valstis.",
        Some("2025-06-27"),
    );
    assert_eq!(
        common::first(&a, ClaimKind::Count).verdict,
        Verdict::Supported
    );
    let a = annotate(
        "Mine Ban Treaty news. Twenty states have ratified the Mine Ban Treaty. A further \
         four states have signed it since December, for a total of 126 signatories.",
        Some("1998-06-23"),
    );
    no_contradiction(&a);
}

#[test]
fn the_place_of_another_verb_and_another_instrument_ratified() {
    let a = annotate(
        "The Ottawa Convention, adopted on September 18, 1997, was signed by Poland in \
         Ottawa that December. In a related step, Ukraine ratified Protocol V to the \
         Convention on Conventional Weapons in May 2005.",
        Some("2025-06-26"),
    );
    no_contradiction(&a);
}

#[test]
fn dates_in_a_row_after_a_list_pair_up_and_signed_up_is_joined() {
    // "Estonia and Latvia ... acceded in 2004 and 2005": in order, as with
    // "respectively". "had signed up years earlier": joined, not signed.
    let a = annotate(
        "Estonia and Latvia, which never signed the Mine Ban Treaty, acceded in 2004 and \
         2005. Poland joined in 2012; the three Baltic states had signed up years earlier.",
        Some("2025-03-20"),
    );
    assert!(
        claims(&a, ClaimKind::Signed, "EST").is_empty(),
        "{}",
        common::all(&a)
    );
    no_contradiction(&a);
}

#[test]
fn a_count_of_those_before_another_state_is_not_dated_by_the_sentence() {
    let a = annotate(
        "Burkina Faso ratified the Mine Ban Treaty on Wednesday; the treaty now enters into \
         force on March 1, 1999, for Burkina Faso and the 39 states that ratified before it.",
        Some("1998-09-17"),
    );
    no_contradiction(&a);
}
