//! Phrasings found by the ten English development articles added after the certainty
//! gate, each as a short article of our own.

mod common;

use common::{all, annotate, claims, no_contradiction, one};
use treatywatch_annotate::{ClaimKind, Verdict};

#[test]
fn vote_figures_belong_to_the_nearest_vote_before_them() {
    // The figures are Lithuania's: Estonia's vote, two verbs earlier, has none.
    let a = annotate(
        "The Ottawa Convention is losing members. Estonia's parliament voted on 4 June to \
         withdraw, Latvia's Saeima approved its exit law in April and Lithuania's Seimas \
         voted 107 to 0 in May.",
        Some("2025-06-26"),
    );
    let est = one(&a, ClaimKind::Vote, "EST");
    assert_eq!(est.verdict, Verdict::Supported, "{}", est.note);
    let ltu = one(&a, ClaimKind::Vote, "LTU");
    assert_eq!(ltu.verdict, Verdict::Supported, "{}", ltu.note);
    no_contradiction(&a);
    // A vote with its own figures still has them.
    let a = annotate(
        "Finland's parliament approved leaving the Ottawa Convention by 157 votes to 18 in June.",
        Some("2025-07-11"),
    );
    let fin = one(&a, ClaimKind::Vote, "FIN");
    assert_eq!(fin.verdict, Verdict::Supported, "{}", fin.note);
}

#[test]
fn the_treaty_taking_effect_for_a_state_is_its_entry_into_force() {
    // "took effect for Finland in 2012": the treaty's entry into force for Finland,
    // not the treaty's own (1999) nor a withdrawal.
    let a = annotate(
        "Poland ratified the Mine Ban Treaty in 2012, and the treaty took effect for it in \
         2013. The treaty took effect for Finland in 2012. The treaty takes effect for Tonga \
         on 1 December 2025.",
        Some("2025-12-29"),
    );
    for code in ["POL", "FIN", "TON"] {
        let c = one(&a, ClaimKind::EntryIntoForce, code);
        assert_eq!(c.verdict, Verdict::Supported, "{code}: {}", c.note);
    }
    no_contradiction(&a);
}

#[test]
fn a_state_named_as_an_owner_is_not_the_subject() {
    // "Oman's neighbours have not joined": the neighbours, not Oman (a party since 2014),
    // are outside the treaty.
    let a = annotate(
        "Oman has joined the Mine Ban Treaty. Saudi Arabia and the United Arab Emirates, \
         Oman's neighbours, have not joined.",
        Some("2014-08-21"),
    );
    for code in ["SAU", "ARE"] {
        let c = one(&a, ClaimKind::NotJoined, code);
        assert_eq!(c.verdict, Verdict::Supported, "{code}: {}", c.note);
    }
    no_contradiction(&a);
}

/// A withdrawal's taking effect, of whichever kind it is read as, supported.
fn effect_supported(a: &treatywatch_annotate::Annotation<'static>, code: &str) {
    let found: Vec<_> = a
        .claims
        .iter()
        .filter(|c| {
            matches!(c.kind, ClaimKind::WithdrawalEffect | ClaimKind::Withdrew)
                && c.state.is_some_and(|s| s.as_str() == code)
        })
        .collect();
    assert!(!found.is_empty(), "{code}: no claim\n{}", all(a));
    for c in found {
        assert_eq!(c.verdict, Verdict::Supported, "{code}: {}", c.note);
    }
}

#[test]
fn ukrainian_forms_of_the_new_articles() {
    // The effect before the withdrawal ("набув чинності вихід Латвії, ..."), the
    // Lithuanian Seimas with a capital adjective, the imperfective "не підписувала".
    let a = annotate(
        "Країни Балтії залишили Оттавську конвенцію. 27 грудня 2025 року набув чинності \
         вихід Латвії, Естонії та Литви з Конвенції про заборону протипіхотних мін. \
         Литовський Сейм проголосував за вихід 8 травня 2025 року. Росія не підписувала \
         Оттавську конвенцію.",
        Some("2025-12-28"),
    );
    for code in ["LVA", "EST", "LTU"] {
        effect_supported(&a, code);
    }
    let ltu = one(&a, ClaimKind::Vote, "LTU");
    assert_eq!(ltu.verdict, Verdict::Supported, "{}", ltu.note);
    assert!(claims(&a, ClaimKind::Vote, "LVA").is_empty(), "{}", all(&a));
    let rus = one(&a, ClaimKind::NotSigned, "RUS");
    assert_eq!(rus.verdict, Verdict::Supported, "{}", rus.note);
    no_contradiction(&a);
}

#[test]
fn polish_forms_of_the_new_articles() {
    // "weszła w życie w stosunku do Polski" is Poland's entry into force, not the
    // treaty's (1999); "przestały w sobotę być stronami"; "Litewski Sejm zagłosował";
    // "złożyły swoje notyfikacje"; parties named before the count.
    let a = annotate(
        "Konwencja ottawska weszła w życie w stosunku do Polski 1 czerwca 2013 roku. \
         Litwa, Łotwa i Estonia przestały w sobotę być stronami konwencji ottawskiej. \
         Litewski Sejm zagłosował za wyjściem z konwencji 8 maja. Litwa, Łotwa i Estonia \
         złożyły swoje notyfikacje 27 czerwca.",
        Some("2025-12-28"),
    );
    let pol = one(&a, ClaimKind::EntryIntoForce, "POL");
    assert_eq!(pol.verdict, Verdict::Supported, "{}", pol.note);
    for code in ["LVA", "EST", "LTU"] {
        effect_supported(&a, code);
        let n = one(&a, ClaimKind::WithdrawalNotified, code);
        assert_eq!(n.verdict, Verdict::Supported, "{code}: {}", n.note);
    }
    let ltu = one(&a, ClaimKind::Vote, "LTU");
    assert_eq!(ltu.verdict, Verdict::Supported, "{}", ltu.note);
    no_contradiction(&a);
    let a = annotate(
        "Polska złożyła dokument ratyfikacyjny konwencji ottawskiej. Stronami traktatu jest \
         obecnie 160 państw.",
        Some("2012-12-28"),
    );
    let count = a
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Count)
        .unwrap_or_else(|| panic!("no count\n{}", all(&a)));
    assert_eq!(count.verdict, Verdict::Supported, "{}", count.note);
    no_contradiction(&a);
}
