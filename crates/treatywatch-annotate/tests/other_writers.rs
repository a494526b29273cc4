//! Failure classes found by development articles written by other hands (the 56 added
//! in the second corpus round), each as a short article of our own.

mod common;

use common::{annotate, claims, no_contradiction, one};
use treatywatch_annotate::{ClaimKind, Verdict};

#[test]
fn a_date_before_another_verbs_subject_stays_with_its_own_verb() {
    // "2004" is Estonia's; Lithuania's is "a year earlier" (2003), and Latvia "followed"
    // (joined) in 2005.
    let a = annotate(
        "Estonia acceded to the Mine Ban Treaty in 2004, Lithuania ratified it a year \
         earlier and Latvia followed in 2005.",
        Some("2025-12-27"),
    );
    let ltu = one(&a, ClaimKind::Ratified, "LTU");
    assert_eq!(ltu.verdict, Verdict::Supported, "{}", ltu.note);
    assert!(ltu.note.contains("2003"), "{}", ltu.note);
    let lva = one(&a, ClaimKind::Joined, "LVA");
    assert_eq!(lva.verdict, Verdict::Supported, "{}", lva.note);
    no_contradiction(&a);
    // A date that opens the clause is its own.
    let a = annotate(
        "Poland signed the Mine Ban Treaty in 1997 and, in 2012, ratified it.",
        Some("2025-12-27"),
    );
    assert_eq!(
        one(&a, ClaimKind::Ratified, "POL").verdict,
        Verdict::Supported
    );
}

#[test]
fn did_not_ratify_until_is_a_ratification() {
    let a = annotate(
        "Poland, which signed the Mine Ban Treaty in 1997, did not ratify until 2012 and \
         went on to destroy more than a million stockpiled mines by 2016.",
        Some("2025-03-18"),
    );
    assert_eq!(
        one(&a, ClaimKind::Ratified, "POL").verdict,
        Verdict::Supported
    );
    no_contradiction(&a);
    // The wrong year is caught.
    let a = annotate(
        "Poland did not ratify the Mine Ban Treaty until 2013.",
        Some("2025-03-18"),
    );
    assert_eq!(
        one(&a, ClaimKind::Ratified, "POL").verdict,
        Verdict::Contradicted
    );
}

#[test]
fn a_count_dated_by_a_month_fits_any_day_of_it() {
    // 122 states signed in Ottawa on 3-4 December 1997; by 31 December there were 123.
    let a = annotate(
        "The Mine Ban Treaty was signed in Ottawa by 122 governments in December 1997.",
        Some("2025-12-27"),
    );
    let c = a
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Count)
        .expect("a count");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
    // A figure that fits no day of the month is still contradicted.
    let a = annotate(
        "The Mine Ban Treaty was signed in Ottawa by 150 governments in December 1997.",
        Some("2025-12-27"),
    );
    let c = a
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Count)
        .expect("a count");
    assert_eq!(c.verdict, Verdict::Contradicted, "{}", c.note);
}

#[test]
fn withdrawn_while_the_notice_is_pending_is_contradicted() {
    // Received 27 June (Baltic states), 10 July (Finland); Poland's only on 20 August.
    let a = annotate(
        "Latvia, Lithuania, Estonia, Finland and Poland have already withdrawn from the \
         Mine Ban Treaty this year.",
        Some("2025-07-19"),
    );
    for code in ["LVA", "LTU", "EST", "FIN", "POL"] {
        let c = one(&a, ClaimKind::Withdrew, code);
        assert_eq!(c.verdict, Verdict::Contradicted, "{code}: {}", c.note);
    }
    // Said of the future, it is not.
    let a = annotate(
        "The three Baltic states leave the Mine Ban Treaty on Dec. 27.",
        Some("2025-12-02"),
    );
    no_contradiction(&a);
}

#[test]
fn negations_after_a_list() {
    let a = annotate(
        "The largest stockpiles of anti-personnel mines are those of China, Russia, the \
         United States and Pakistan, none of which has joined the Mine Ban Treaty. New use \
         by Myanmar and Iran, none of which are parties, was recorded. Neither South Korea \
         nor North Korea has joined the treaty.",
        Some("2024-11-21"),
    );
    for code in ["CHN", "RUS", "USA", "PAK", "MMR", "IRN", "KOR", "PRK"] {
        let c = one(&a, ClaimKind::NotJoined, code);
        assert_eq!(c.verdict, Verdict::Supported, "{code}: {}", c.note);
    }
    no_contradiction(&a);
}

#[test]
fn an_apposition_with_a_state_in_it_is_not_the_subject() {
    let a = annotate(
        "The withdrawals weaken a Mine Ban Treaty that Russia, the country the Baltic states \
         fear, has never joined.",
        Some("2025-06-28"),
    );
    assert_eq!(
        one(&a, ClaimKind::NotJoined, "RUS").verdict,
        Verdict::Supported
    );
    assert!(claims(&a, ClaimKind::NotJoined, "LTU").is_empty());
    no_contradiction(&a);
}

#[test]
fn a_relative_clause_right_after_one_state_is_its_own() {
    // The half-truth from the mission statement: Finland's accession was deposited in
    // 2012.
    let a = annotate(
        "Finland, which only joined the Mine Ban Treaty in 2011, now wants to leave it.",
        Some("2025-04-10"),
    );
    assert_eq!(
        one(&a, ClaimKind::Joined, "FIN").verdict,
        Verdict::Contradicted
    );
    // After a list it may hang on the last item only: not contradicted.
    let a = annotate(
        "Among the signatories of the Mine Ban Treaty were Britain, France and Japan, as \
         well as Poland, which signed on Wednesday even though officials in Warsaw have said \
         ratification could take some time.",
        Some("1997-12-04"),
    );
    no_contradiction(&a);
}

#[test]
fn what_a_modal_or_a_group_word_makes_of_the_act() {
    // "would then become the first state ever to leave": not a withdrawal.
    let a = annotate(
        "Lithuania would then become the first state ever to leave the Convention on \
         Cluster Munitions. The Mine Ban Treaty is not affected.",
        Some("2024-07-20"),
    );
    no_contradiction(&a);
    // "among the first countries to sign": no rank claimed.
    let a = annotate(
        "Mozambique was among the first countries to sign the Mine Ban Treaty.",
        Some("2015-09-17"),
    );
    assert!(claims(&a, ClaimKind::GroupRank, "MOZ").is_empty());
    // "signed by its president": a law, not the treaty.
    let a = annotate(
        "Latvia was the first of the five to put a Mine Ban Treaty withdrawal law on the \
         books, signed by its president in April.",
        Some("2025-07-01"),
    );
    assert!(claims(&a, ClaimKind::Signed, "LVA").is_empty());
}

#[test]
fn entry_into_force_for_a_state_not_named() {
    // "для неї договір набув чинності": Ukraine's entry into force, not the treaty's.
    let a = annotate(
        "Україна підписала Оттавську конвенцію 24 лютого 1999 року, а для неї договір \
         набув чинності 1 червня 2006 року.",
        Some("2025-06-29"),
    );
    assert!(
        a.claims
            .iter()
            .all(|c| !(c.kind == ClaimKind::EntryIntoForce && c.state.is_none())),
        "{:?}",
        a.claims
            .iter()
            .map(|c| (c.kind, c.state))
            .collect::<Vec<_>>()
    );
    no_contradiction(&a);
}

#[test]
fn a_year_after_the_treatys_name_is_the_treatys() {
    let a = annotate(
        "Польша в пятницу, 20 февраля, официально перестала быть участницей Оттавской \
         конвенции 1997 года.",
        Some("2026-02-21"),
    );
    no_contradiction(&a);
}

#[test]
fn deadlines_dates_and_ordinal_places() {
    let a = annotate(
        "Mozambique's clearance deadline under the Mine Ban Treaty was extended in 2008 to \
         March 2014. Zimbabwe's clearance deadline now runs to 2019.",
        Some("2015-09-17"),
    );
    let moz = one(&a, ClaimKind::Obligation, "MOZ");
    assert_eq!(moz.verdict, Verdict::Supported, "{}", moz.note);
    let zwe = one(&a, ClaimKind::Obligation, "ZWE");
    assert_ne!(zwe.verdict, Verdict::Supported, "{}", zwe.note);
    let a = annotate(
        "Oman became the 162nd State Party to the Mine Ban Treaty. The Marshall Islands \
         later became the 166th state to ratify it. Chile became the 31st State Party to \
         clear all mined areas.",
        Some("2025-08-21"),
    );
    assert_eq!(one(&a, ClaimKind::Count, "OMN").verdict, Verdict::Supported);
    assert_eq!(
        one(&a, ClaimKind::Count, "MHL").verdict,
        Verdict::Contradicted
    );
    assert!(claims(&a, ClaimKind::Count, "CHL").is_empty());
}

#[test]
fn a_body_without_its_state_takes_the_state_before() {
    let a = annotate(
        "Finland will leave the Mine Ban Treaty. Parliament approved the exit by 157 votes \
         to 18 in June.",
        Some("2025-07-11"),
    );
    let v = one(&a, ClaimKind::Vote, "FIN");
    assert_eq!(v.verdict, Verdict::Supported, "{}", v.note);
}
