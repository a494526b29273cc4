//! The shared article (a copy in tests/fixtures), annotated end to end.

mod common;

use common::{annotate, first, one};
use treatywatch_annotate::{ArticleDateSource, ClaimKind, Reading, Verdict};

const ARTICLE: &str = include_str!("fixtures/2025-lithuania-finland-mine-production.txt");
/// The Reuters story behind the article is of 2025-07-09.
const ARTICLE_DATE: &str = "2025-07-09";

#[test]
fn every_state_it_names_is_found() {
    let a = annotate(ARTICLE, Some(ARTICLE_DATE));
    let codes: Vec<&str> = a.states.iter().map(|s| s.state.as_str()).collect();
    for code in [
        "LTU", "FIN", "UKR", "RUS", "POL", "LVA", "EST", "CHN", "USA", "IND", "PAK",
    ] {
        assert!(codes.contains(&code), "{code} not found in {codes:?}");
    }
    assert_eq!(codes.len(), 11, "{codes:?}");
    // Demonyms and bodies count as mentions of their state.
    let via = |text: &str| {
        a.state_mentions
            .iter()
            .find(|m| m.text == text)
            .map(|m| m.state.as_str())
    };
    assert_eq!(via("Lithuanian"), Some("LTU"));
    assert_eq!(via("Finnish"), Some("FIN"));
    assert_eq!(via("Verkhovna Rada"), Some("UKR"));
    // Every span is where its text is.
    for m in &a.state_mentions {
        assert_eq!(&ARTICLE[m.span.start..m.span.end], m.text);
    }
    assert!(
        a.treaty_mentions
            .iter()
            .any(|t| t.text == "Ottawa Convention")
    );
}

#[test]
fn finland_joining_in_2011_is_contradicted() {
    let a = annotate(ARTICLE, Some(ARTICLE_DATE));
    let c = one(&a, ClaimKind::Joined, "FIN");
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert!(
        c.text.contains("joining the Ottawa Convention in 2011"),
        "{}",
        c.text
    );
    assert_eq!(c.claimed_date.as_ref().unwrap().to_string(), "2011");
    assert!(
        c.note.contains("2012-01-09") && c.note.contains("accession"),
        "{}",
        c.note
    );
    assert!(c.facts.iter().any(|f| {
        f.text
            .contains("entered into force for Finland on 2012-07-01")
    }));
    assert!(!c.sources.is_empty());
    assert_eq!(&ARTICLE[c.span.start..c.span.end], c.text);
}

#[test]
fn ukraine_signing_in_february_1999_is_supported() {
    let a = annotate(ARTICLE, Some(ARTICLE_DATE));
    let c = one(&a, ClaimKind::Signed, "UKR");
    assert_eq!(c.verdict, Verdict::Supported);
    assert_eq!(c.claimed_date.as_ref().unwrap().to_string(), "1999-02");
    assert!(c.note.contains("1999-02-24"), "{}", c.note);
    assert!(c.sources.iter().any(|s| s.url.contains("XXVI-5")));
}

#[test]
fn the_radas_ratification_in_may_2005_is_a_domestic_step_reported_as_a_legal_act() {
    let a = annotate(ARTICLE, Some(ARTICLE_DATE));
    let c = one(&a, ClaimKind::Ratified, "UKR");
    assert_eq!(c.actor.as_deref(), Some("Verkhovna Rada"));
    assert_eq!(c.verdict, Verdict::Supported);
    assert!(c.domestic_step_reported_as_legal_act);
    assert_eq!(c.reading, Reading::DomesticStepReportedAsLegalAct);
    assert!(c.note.contains("2005-05-18"), "{}", c.note);
    assert!(
        c.note.contains("deposit") && c.note.contains("2005-12-27"),
        "{}",
        c.note
    );
    assert!(
        c.sources
            .iter()
            .any(|s| s.title.contains("Landmine Monitor Report 2006"))
    );
}

#[test]
fn more_than_160_countries_is_supported_by_the_count_on_the_article_date() {
    let a = annotate(ARTICLE, Some(ARTICLE_DATE));
    let counts: Vec<_> = a
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Count)
        .collect();
    assert_eq!(counts.len(), 1);
    let c = counts[0];
    assert_eq!(c.text, "More than 160 countries");
    assert_eq!(c.verdict, Verdict::Supported);
    assert!(c.note.contains("166 states that had joined"), "{}", c.note);
    assert!(!c.sources.is_empty());
}

#[test]
fn the_five_named_non_signatories_are_supported() {
    let a = annotate(ARTICLE, Some(ARTICLE_DATE));
    for code in ["CHN", "RUS", "USA", "IND", "PAK"] {
        let list: Vec<_> = common::claims(&a, ClaimKind::NotSigned, code)
            .into_iter()
            .filter(|c| c.text.contains("Among") || c.text.contains("have not signed"))
            .collect();
        assert_eq!(list.len(), 1, "{code}");
        assert_eq!(
            list[0].verdict,
            Verdict::Supported,
            "{code}: {}",
            list[0].note
        );
        assert!(!list[0].sources.is_empty(), "{code}");
    }
    // "since Russia did not sign the document" too.
    assert!(
        common::claims(&a, ClaimKind::NotSigned, "RUS")
            .iter()
            .any(|c| c.text == "Russia did not sign")
    );
}

#[test]
fn the_other_claims_get_their_verdicts() {
    let a = annotate(ARTICLE, Some(ARTICLE_DATE));
    // The decree of June 29 is a domestic step, and it happened.
    let d = one(&a, ClaimKind::Decree, "UKR");
    assert_eq!(d.verdict, Verdict::Supported);
    assert_eq!(d.reading, Reading::DomesticStep);
    assert_eq!(d.claimed_date.as_ref().unwrap().to_string(), "2025-06-29");
    assert!(d.note.contains("no instrument of withdrawal"), "{}", d.note);
    // The six-month withdrawal process matches Art. 20.
    let p: Vec<_> = a
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::WithdrawalPeriod)
        .collect();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].verdict, Verdict::Supported);
    assert!(p[0].note.contains("Art. 20"));
    // Announced intentions to withdraw.
    for code in ["LTU", "FIN", "POL", "LVA", "EST"] {
        assert_eq!(
            one(&a, ClaimKind::IntendsToWithdraw, code).verdict,
            Verdict::Supported,
            "{code}"
        );
    }
    // The treaty's own dates.
    assert_eq!(
        first(&a, ClaimKind::TreatyAdopted).verdict,
        Verdict::Supported
    );
    assert_eq!(
        first(&a, ClaimKind::EntryIntoForce).verdict,
        Verdict::Supported
    );
    // Plans to produce and rankings of arsenals are beyond the record.
    assert!(
        a.claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Production)
            .all(|c| c.verdict == Verdict::NotCheckable)
    );
    assert_eq!(
        one(&a, ClaimKind::Arsenal, "UKR").verdict,
        Verdict::NotCheckable
    );
    assert_eq!(a.summary.claims, a.claims.len());
    assert_eq!(
        a.summary.supported + a.summary.contradicted + a.summary.not_checkable,
        a.claims.len()
    );
}

#[test]
fn status_cards_on_the_article_date_and_today() {
    let a = annotate(ARTICLE, Some(ARTICLE_DATE));
    let card = |code: &str| a.states.iter().find(|s| s.state.as_str() == code).unwrap();
    let fin = card("FIN");
    assert_eq!(
        fin.on_article_date.as_ref().unwrap().status.as_str(),
        "party"
    );
    assert_eq!(fin.today.status.as_str(), "withdrawn");
    let ltu = card("LTU");
    assert_eq!(
        ltu.on_article_date.as_ref().unwrap().status.as_str(),
        "withdrawal_pending"
    );
    assert_eq!(card("UKR").today.status.as_str(), "party");
    assert!(!card("UKR").today.sources.is_empty());
}

#[test]
fn json_has_codes_spans_verdicts_facts_and_sources() {
    let a = annotate(ARTICLE, Some(ARTICLE_DATE));
    let v = serde_json::to_value(&a).unwrap();
    assert_eq!(v["treaty"], "apmbc");
    assert_eq!(v["article_date"], "2025-07-09");
    assert_eq!(v["article_date_source"], "given");
    assert!(
        v["states"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["state"] == "UKR")
    );
    let claim = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "joined")
        .unwrap();
    assert_eq!(claim["state"], "FIN");
    assert_eq!(claim["verdict"], "contradicted");
    assert!(claim["span"]["start"].as_u64().unwrap() < claim["span"]["end"].as_u64().unwrap());
    assert!(!claim["facts"].as_array().unwrap().is_empty());
    assert!(
        claim["sources"][0]["url"]
            .as_str()
            .unwrap()
            .starts_with("http")
    );
    let ratified = v["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "ratified")
        .unwrap();
    assert_eq!(ratified["domestic_step_reported_as_legal_act"], true);
    assert_eq!(ratified["reading"], "domestic_step_reported_as_legal_act");
}

#[test]
fn without_a_date_it_says_none_was_found_and_checks_as_of_today() {
    let a = annotate(ARTICLE, None);
    assert_eq!(a.article_date, None);
    assert_eq!(a.article_date_source, ArticleDateSource::None);
    assert_eq!(a.checked_on.to_string(), common::TODAY);
    assert!(a.notes.iter().any(|n| n.contains("No article date")));
    // "June 29" has no year to be placed in; the decree is still found by its day.
    let june = a.dates.iter().find(|d| d.text == "June 29").unwrap();
    assert!(june.resolved.is_none());
    assert_eq!(
        one(&a, ClaimKind::Decree, "UKR").verdict,
        Verdict::Supported
    );
    assert!(a.states.iter().all(|s| s.on_article_date.is_none()));
}

#[test]
fn the_page_marks_every_claim_and_escapes_the_text() {
    let a = annotate(ARTICLE, Some(ARTICLE_DATE));
    let page = treatywatch_annotate::html::page(&a, ARTICLE);
    assert!(page.starts_with("<!DOCTYPE html>"));
    for c in &a.claims {
        assert!(
            page.contains(&format!("id=\"c{}\"", c.id)),
            "claim {}",
            c.id
        );
        assert!(
            page.contains(&format!("href=\"#c{}\"", c.id)),
            "badge {}",
            c.id
        );
    }
    assert!(!page.contains("<script"));
    assert!(!page.contains("<img") && !page.contains("<link") && !page.contains("@import"));
}
