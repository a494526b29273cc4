//! Short articles written for each claim type and each verdict.

mod common;

use common::{annotate, first, one, verdict};
use treatywatch_annotate::{ArticleDateSource, ClaimKind, Reading, Verdict};

#[test]
fn no_treaty_mention_means_no_claims() {
    let a = annotate(
        "Finland joined NATO in 2023. Lithuania signed a trade deal with Poland in 2011.",
        Some("2024-01-01"),
    );
    assert!(a.claims.is_empty());
    assert!(a.treaty_mentions.is_empty());
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("does not name the Mine Ban Treaty"))
    );
    let codes: Vec<&str> = a.states.iter().map(|s| s.state.as_str()).collect();
    assert_eq!(codes, vec!["FIN", "LTU", "POL"]);
}

#[test]
fn a_sentence_about_another_treaty_is_not_read_as_a_claim() {
    let a = annotate(
        "The Ottawa Convention bans anti-personnel mines. Finland joined NATO in 2023. \
         Lithuania left the Convention on Cluster Munitions in 2025.",
        Some("2025-07-01"),
    );
    assert!(
        a.claims.is_empty(),
        "{:?}",
        a.claims.iter().map(|c| &c.text).collect::<Vec<_>>()
    );
}

#[test]
fn names_in_other_languages_are_found() {
    let a = annotate(
        "Україна, Литва, Suomi und Polska; Finnland trat 2012 bei. La Lituanie et les États-Unis. \
         Латвия и Эстония. 中国 и Россия.",
        None,
    );
    let codes: Vec<&str> = a.states.iter().map(|s| s.state.as_str()).collect();
    for code in [
        "UKR", "LTU", "FIN", "POL", "USA", "LVA", "EST", "CHN", "RUS",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    let ukr = a
        .state_mentions
        .iter()
        .find(|m| m.state.as_str() == "UKR")
        .unwrap();
    assert_eq!(ukr.text, "Україна");
    assert_eq!(ukr.span.start, 0);
    assert_eq!(ukr.span.end, "Україна".len());
}

#[test]
fn common_words_are_not_states() {
    let a = annotate(
        "Let us polish the text. Latin America and South American states joined the Mine Ban Treaty.",
        None,
    );
    assert!(
        a.states.is_empty(),
        "{:?}",
        a.states.iter().map(|s| s.state).collect::<Vec<_>>()
    );
}

#[test]
fn signing() {
    assert_eq!(
        verdict(
            "Ukraine signed the Mine Ban Treaty on 24 February 1999.",
            None,
            ClaimKind::Signed,
            "UKR"
        ),
        Verdict::Supported
    );
    let a = annotate("Ukraine signed the Mine Ban Treaty in 2001.", None);
    let c = one(&a, ClaimKind::Signed, "UKR");
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert!(c.note.contains("1999-02-24"));
    // Finland never signed: it acceded.
    let a = annotate("Finland signed the Ottawa Convention in 1997.", None);
    let c = one(&a, ClaimKind::Signed, "FIN");
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert!(
        c.note.contains("never signed") && c.note.contains("accession"),
        "{}",
        c.note
    );
    // A decree or a law signed is not the treaty signed.
    let a = annotate(
        "The Ottawa Convention. Poland's president signed the law in July 2025.",
        Some("2025-08-01"),
    );
    assert!(common::claims(&a, ClaimKind::Signed, "POL").is_empty());
    assert_eq!(one(&a, ClaimKind::Law, "POL").verdict, Verdict::Supported);
}

#[test]
fn ratifying_and_joining() {
    assert_eq!(
        verdict(
            "Ukraine ratified the Mine Ban Treaty on 27 December 2005.",
            None,
            ClaimKind::Ratified,
            "UKR"
        ),
        Verdict::Supported
    );
    // The state, not its parliament, said to ratify in May 2005: the legal act came
    // later, and the month holds a domestic step.
    let a = annotate("Ukraine ratified the Mine Ban Treaty in May 2005.", None);
    let c = one(&a, ClaimKind::Ratified, "UKR");
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert!(c.domestic_step_reported_as_legal_act);
    assert!(
        c.note.contains("2005-12-27") && c.note.contains("domestic step"),
        "{}",
        c.note
    );
    assert_eq!(
        verdict(
            "Finland joined the Ottawa Convention in 2012.",
            None,
            ClaimKind::Joined,
            "FIN"
        ),
        Verdict::Supported
    );
    assert_eq!(
        verdict(
            "Finland has been a party to the Ottawa Convention since 2012.",
            None,
            ClaimKind::Joined,
            "FIN"
        ),
        Verdict::Supported
    );
    assert_eq!(
        verdict(
            "The United States joined the Mine Ban Treaty in 1999.",
            None,
            ClaimKind::Joined,
            "USA"
        ),
        Verdict::Contradicted
    );
    // A parliament with no recorded steps: the record cannot say.
    let a = annotate(
        "The Bundestag ratified the Ottawa Convention in 1998.",
        None,
    );
    let c = one(&a, ClaimKind::Ratified, "DEU");
    assert_eq!(c.verdict, Verdict::NotCheckable);
    assert_eq!(c.reading, Reading::DomesticStep);
}

#[test]
fn not_signed_and_not_joined() {
    let a = annotate(
        "Ukraine, Finland and Egypt have not signed the Mine Ban Treaty.",
        Some("2025-01-01"),
    );
    let ukr = one(&a, ClaimKind::NotSigned, "UKR");
    assert_eq!(ukr.verdict, Verdict::Contradicted);
    assert!(ukr.note.contains("1999-02-24"));
    let fin = one(&a, ClaimKind::NotSigned, "FIN");
    assert_eq!(fin.verdict, Verdict::Contradicted);
    assert!(fin.note.contains("accession"), "{}", fin.note);
    assert_eq!(
        one(&a, ClaimKind::NotSigned, "EGY").verdict,
        Verdict::Supported
    );
    // The states after the verb, its clause a relative one: read, but not certainly
    // enough to contradict the record (the certainty gate).
    let a = annotate(
        "Among the states that have not signed the Mine Ban Treaty are Ukraine, Finland and Egypt.",
        Some("2025-01-01"),
    );
    let ukr = one(&a, ClaimKind::NotSigned, "UKR");
    assert_eq!(ukr.verdict, Verdict::NotCheckable);
    assert!(ukr.note.contains("1999-02-24"), "{}", ukr.note);
    assert!(ukr.note.starts_with("Not contradicted"), "{}", ukr.note);
    assert_eq!(
        one(&a, ClaimKind::NotSigned, "EGY").verdict,
        Verdict::Supported
    );
    assert_eq!(
        verdict(
            "Poland has not joined the Ottawa Convention.",
            Some("2020-01-01"),
            ClaimKind::NotJoined,
            "POL"
        ),
        Verdict::Contradicted
    );
    assert_eq!(
        verdict(
            "Poland has not joined the Ottawa Convention.",
            Some("2010-01-01"),
            ClaimKind::NotJoined,
            "POL"
        ),
        Verdict::Supported
    );
}

#[test]
fn withdrawing_as_a_legal_act() {
    // Ukraine declared a suspension; no withdrawal was deposited.
    let a = annotate(
        "Ukraine withdrew from the Ottawa Convention.",
        Some("2025-08-01"),
    );
    let c = one(&a, ClaimKind::Withdrew, "UKR");
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert!(c.domestic_step_reported_as_legal_act);
    assert!(
        c.note.contains("No instrument of withdrawal") && c.note.contains("suspension"),
        "{}",
        c.note
    );
    assert!(
        c.facts
            .iter()
            .any(|f| f.text.contains("Decree No. 441/2025"))
    );
    // Lithuania's withdrawal was received on 2025-06-27 and took effect on 2025-12-27:
    // "has withdrawn" in July says more than the notice (the half-truth the record
    // exists to catch); "has notified its withdrawal" is right; in January, "has
    // withdrawn" is right.
    let a = annotate(
        "Lithuania has withdrawn from the Mine Ban Treaty.",
        Some("2025-07-01"),
    );
    let c = one(&a, ClaimKind::Withdrew, "LTU");
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert!(
        c.note.contains("2025-12-27") && c.note.contains("remains a State Party"),
        "{}",
        c.note
    );
    let a = annotate(
        "Lithuania has notified the UN of its withdrawal from the Mine Ban Treaty.",
        Some("2025-07-01"),
    );
    assert_eq!(
        one(&a, ClaimKind::WithdrawalNotified, "LTU").verdict,
        Verdict::Supported
    );
    let a = annotate(
        "Lithuania has withdrawn from the Mine Ban Treaty.",
        Some("2026-01-05"),
    );
    assert_eq!(
        one(&a, ClaimKind::Withdrew, "LTU").verdict,
        Verdict::Supported
    );
    assert_eq!(
        verdict(
            "Finland's withdrawal from the Ottawa Convention took effect on January 10, 2026.",
            None,
            ClaimKind::WithdrawalEffect,
            "FIN"
        ),
        Verdict::Supported
    );
    let a = annotate(
        "Poland notified the UN of its withdrawal from the Ottawa Convention in June 2025.",
        None,
    );
    let c = one(&a, ClaimKind::WithdrawalNotified, "POL");
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert!(c.note.contains("2025-08-20"), "{}", c.note);
}

#[test]
fn intentions_to_withdraw() {
    let a = annotate(
        "Finland plans to withdraw from the Ottawa Convention.",
        Some("2025-05-01"),
    );
    let c = one(&a, ClaimKind::IntendsToWithdraw, "FIN");
    assert_eq!(c.verdict, Verdict::Supported);
    assert_eq!(c.reading, Reading::DomesticStep);
    assert_eq!(
        verdict(
            "Germany plans to withdraw from the Ottawa Convention.",
            Some("2025-05-01"),
            ClaimKind::IntendsToWithdraw,
            "DEU"
        ),
        Verdict::NotCheckable
    );
    assert_eq!(
        verdict(
            "The United States plans to withdraw from the Mine Ban Treaty.",
            Some("2025-05-01"),
            ClaimKind::IntendsToWithdraw,
            "USA"
        ),
        // An intention reported, not an act: never contradicted (the certainty gate).
        Verdict::NotCheckable
    );
}

#[test]
fn suspension_decrees_votes_and_laws() {
    let a = annotate(
        "Ukraine suspended the Ottawa Convention.",
        Some("2025-08-01"),
    );
    let c = one(&a, ClaimKind::Suspended, "UKR");
    assert_eq!(c.verdict, Verdict::Supported);
    assert!(c.note.contains("no suspension clause"), "{}", c.note);
    let a = annotate(
        "Finland's parliament voted 157 to 18 on June 19 to withdraw from the Ottawa Convention.",
        Some("2025-07-01"),
    );
    let c = one(&a, ClaimKind::Vote, "FIN");
    assert_eq!(c.verdict, Verdict::Supported);
    assert_eq!(c.reading, Reading::DomesticStep);
    // A vote dated within the record's account of the withdrawal (it begins on
    // 2025-03-18) at another time than the record's is contradicted; one dated before that
    // account begins is not refuted (an earlier, rejected bill is not in the record).
    assert_eq!(
        verdict(
            "The Seimas voted in April 2025 to leave the Ottawa Convention.",
            Some("2025-07-01"),
            ClaimKind::Vote,
            "LTU"
        ),
        Verdict::Contradicted
    );
    let a = annotate(
        "The Seimas voted in March 2024 to leave the Ottawa Convention.",
        Some("2025-07-01"),
    );
    let c = one(&a, ClaimKind::Vote, "LTU");
    assert_eq!(c.verdict, Verdict::NotCheckable, "{}", c.note);
    assert!(c.note.contains("begin on 2025-03-18"), "{}", c.note);
    assert_eq!(
        verdict(
            "Poland's president signed a decree on withdrawal from the Ottawa Convention.",
            Some("2025-09-01"),
            ClaimKind::Decree,
            "POL"
        ),
        Verdict::NotCheckable
    );
    // The object of a decree is not a second claim.
    let a = annotate(
        "On June 29, Ukraine's president signed a decree on withdrawal from the Ottawa Convention.",
        Some("2025-07-01"),
    );
    assert_eq!(
        a.claims.len(),
        1,
        "{:?}",
        a.claims.iter().map(|c| c.kind).collect::<Vec<_>>()
    );
}

#[test]
fn counts() {
    let a = annotate(
        "Only 120 countries have joined the Mine Ban Treaty.",
        Some("2025-01-01"),
    );
    let c = &a.claims[0];
    assert_eq!(c.kind, ClaimKind::Count);
    assert_eq!(c.verdict, Verdict::Contradicted);
    let a = annotate(
        "The Ottawa Convention has 164 States Parties.",
        Some("2024-01-01"),
    );
    assert_eq!(
        a.claims[0].verdict,
        Verdict::Supported,
        "{}",
        a.claims[0].note
    );
    let a = annotate(
        "Nearly 170 countries have joined the Ottawa Convention.",
        Some("2024-01-01"),
    );
    assert_eq!(
        a.claims[0].verdict,
        Verdict::Supported,
        "{}",
        a.claims[0].note
    );
    // A number of countries with nothing about joining is not a count of the treaty.
    let a = annotate("The Ottawa Convention. Exports went to 40 countries.", None);
    assert!(a.claims.is_empty());
}

#[test]
fn treaty_facts_and_the_withdrawal_rule() {
    let a = annotate(
        "The Mine Ban Treaty was adopted in Oslo in 1998 and entered into force on 1 March 1999.",
        None,
    );
    let adopted = first(&a, ClaimKind::TreatyAdopted);
    assert_eq!(adopted.verdict, Verdict::Contradicted);
    let eif = first(&a, ClaimKind::EntryIntoForce);
    assert_eq!(eif.verdict, Verdict::Supported);
    assert_eq!(
        verdict(
            "The Mine Ban Treaty entered into force for Ukraine on 1 June 2006.",
            None,
            ClaimKind::EntryIntoForce,
            "UKR"
        ),
        Verdict::Supported
    );
    let a = annotate(
        "Under the Ottawa Convention, a withdrawal takes effect after a three-month notice.",
        None,
    );
    let p = first(&a, ClaimKind::WithdrawalPeriod);
    assert_eq!(p.verdict, Verdict::Contradicted);
    assert_eq!(p.reading, Reading::TreatyFact);
}

#[test]
fn stockpiles_production_and_arsenals() {
    assert_eq!(
        verdict(
            "Before joining the Ottawa Convention, Finland had about 1 million anti-personnel mines.",
            None,
            ClaimKind::Stockpile,
            "FIN"
        ),
        Verdict::Supported
    );
    let a = annotate(
        "Lithuania plans production of anti-personnel mines after leaving the Ottawa Convention.",
        Some("2025-07-09"),
    );
    let c = one(&a, ClaimKind::Production, "LTU");
    assert_eq!(c.verdict, Verdict::NotCheckable);
    assert_eq!(c.reading, Reading::BeyondRecord);
    assert_eq!(
        verdict(
            "Under the Ottawa Convention, Ukraine had the third largest arsenal.",
            None,
            ClaimKind::Arsenal,
            "UKR"
        ),
        Verdict::NotCheckable
    );
}

#[test]
fn the_article_date_can_come_from_a_dateline() {
    let a = annotate(
        "Published: 9 July 2025\n\nOn June 29 Ukraine's president signed a decree on withdrawal from the Ottawa Convention.",
        None,
    );
    assert_eq!(a.article_date_source, ArticleDateSource::Dateline);
    assert_eq!(a.article_date.unwrap().to_string(), "2025-07-09");
    let june = a.dates.iter().find(|d| d.text == "June 29").unwrap();
    assert_eq!(june.resolved.as_ref().unwrap().to_string(), "2025-06-29");
    assert_eq!(
        one(&a, ClaimKind::Decree, "UKR").verdict,
        Verdict::Supported
    );
    // A date in the body is not a dateline.
    let body = "The Ottawa Convention was adopted in Oslo, as everyone who covered the talks in \
                those weeks will remember, on September 18, 1997, after long negotiations.";
    assert_eq!(
        annotate(body, None).article_date_source,
        ArticleDateSource::None
    );
}

#[test]
fn a_claim_needs_the_treaty_named_somewhere_in_the_article_not_in_its_sentence() {
    let a = annotate(
        "The Ottawa Convention bans anti-personnel mines.\n\nFinland joined in 2011.",
        Some("2025-07-09"),
    );
    let c = one(&a, ClaimKind::Joined, "FIN");
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert_eq!(c.text, "Finland joined in 2011");
}
