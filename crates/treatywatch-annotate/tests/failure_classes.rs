//! Issue 9's classes of failure, each as short articles of our own: what the checker
//! read wrongly on unseen articles, and what it reads now.

mod common;

use common::{all, annotate, claims, no_contradiction, one};
use treatywatch_annotate::{ClaimKind, Language, Modality, Reading, Verdict};

#[test]
fn negation_and_contrast_inside_lists() {
    // The states after "but not" are outside, not among those that ratified.
    let a = annotate(
        "The Mine Ban Treaty has been ratified by 164 countries, but not by the United States, \
         Russia or China.",
        Some("2024-06-01"),
    );
    for code in ["USA", "RUS", "CHN"] {
        let c = one(&a, ClaimKind::NotJoined, code);
        assert_eq!(c.verdict, Verdict::Supported, "{code}: {}", c.note);
        assert_eq!(c.modality, Modality::Negated);
    }
    no_contradiction(&a);
    // "neither ... nor", "except", "do not include".
    let a = annotate(
        "Neither Russia nor China has signed the Ottawa Convention. Its parties do not include \
         the United States, India or Pakistan.",
        Some("2025-01-01"),
    );
    assert_eq!(
        one(&a, ClaimKind::NotSigned, "RUS").verdict,
        Verdict::Supported
    );
    assert_eq!(
        one(&a, ClaimKind::NotSigned, "CHN").verdict,
        Verdict::Supported
    );
    for code in ["USA", "IND", "PAK"] {
        assert_eq!(
            one(&a, ClaimKind::NotJoined, code).verdict,
            Verdict::Supported,
            "{code}"
        );
    }
    no_contradiction(&a);
    // "including" gives the clause's event to the states it lists: here wrongly. The
    // state's verb is not in its own words, so the reading is not certain enough to
    // contradict the record (the certainty gate): not checkable, the record's answer in
    // the note.
    let a = annotate(
        "More than 160 countries have joined the Mine Ban Treaty, including the United States.",
        Some("2025-01-01"),
    );
    let usa = one(&a, ClaimKind::Joined, "USA");
    assert_eq!(usa.verdict, Verdict::NotCheckable);
    assert!(usa.note.starts_with("Not contradicted"), "{}", usa.note);
    assert_eq!(
        a.claims
            .iter()
            .filter(|c| c.kind == ClaimKind::Count)
            .count(),
        1,
        "{}",
        all(&a)
    );
}

#[test]
fn rules_described_are_not_facts_claimed() {
    // A rule: no claim that an instrument was received, and the rule is checked.
    let a = annotate(
        "Under the Ottawa Convention, a withdrawal takes effect six months after the UN \
         Secretary-General receives the instrument. If the withdrawing state is engaged in an \
         armed conflict, the withdrawal does not take effect before the conflict ends.",
        Some("2025-06-01"),
    );
    assert!(a.claims.iter().all(|c| c.state.is_none()), "{}", all(&a));
    let p = a
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::WithdrawalPeriod)
        .expect("the period");
    assert_eq!(p.verdict, Verdict::Supported);
    let r = a
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::TreatyRule)
        .expect("the armed-conflict clause");
    assert_eq!(r.verdict, Verdict::Supported, "{}", r.note);
    assert!(r.note.contains("armed conflict"), "{}", r.note);
    // A period counted from the wrong event is contradicted.
    let a = annotate(
        "The Ottawa Convention. The withdrawal will take effect six months after the adoption of \
         this decision.",
        Some("2025-05-08"),
    );
    let p = a
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::WithdrawalPeriod)
        .expect("the period");
    assert_eq!(p.verdict, Verdict::Contradicted, "{}", p.note);
    // Future and conditional sentences are not checked as past events.
    let a = annotate(
        "If Lithuania withdrew from the Ottawa Convention, it could buy mines.",
        Some("2024-01-01"),
    );
    let c = one(&a, ClaimKind::Withdrew, "LTU");
    assert_eq!(c.modality, Modality::Conditional);
    assert_eq!(c.verdict, Verdict::NotCheckable);
    let a = annotate(
        "Somalia will join the Mine Ban Treaty in the coming months.",
        Some("2011-11-28"),
    );
    let c = one(&a, ClaimKind::Joined, "SOM");
    assert_eq!(c.modality, Modality::Future);
    assert_eq!(c.verdict, Verdict::NotCheckable);
    // What the treaty forbids: checked against Art. 1, never against a state.
    let a = annotate(
        "The Mine Ban Treaty prohibits the use, stockpiling, production and transfer of \
         anti-personnel mines. The treaty bans all landmines, including anti-tank mines.",
        Some("2025-01-01"),
    );
    let rules: Vec<_> = a
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::TreatyRule)
        .collect();
    assert_eq!(rules.len(), 2, "{}", all(&a));
    assert_eq!(rules[0].verdict, Verdict::Supported);
    assert_eq!(rules[1].verdict, Verdict::Contradicted, "{}", rules[1].note);
}

#[test]
fn dates_and_subjects_across_clauses() {
    // The side clause's dates stay in it; "on Saturday" is the main verb's.
    let a = annotate(
        "Lithuania, which ratified the Ottawa Convention in 2003 and destroyed its stockpile in \
         2004, withdrew on Saturday.",
        Some("2025-12-29"),
    );
    let w = one(&a, ClaimKind::Withdrew, "LTU");
    assert_eq!(w.claimed_date.as_ref().unwrap().to_string(), "2025-12-27");
    assert_eq!(w.verdict, Verdict::Supported, "{}", w.note);
    let r = one(&a, ClaimKind::Ratified, "LTU");
    assert_eq!(r.claimed_date.as_ref().unwrap().to_string(), "2003");
    assert_eq!(r.verdict, Verdict::Supported);
    // A state named inside a relative clause, after a preposition, is not the subject.
    let a = annotate(
        "Norway, which shares a border with Russia, remains a party to the Mine Ban Treaty.",
        Some("2025-06-01"),
    );
    assert!(
        claims(&a, ClaimKind::Joined, "RUS").is_empty(),
        "{}",
        all(&a)
    );
    assert_eq!(
        one(&a, ClaimKind::Joined, "NOR").verdict,
        Verdict::Supported
    );
    // "respectively" pairs the states with their dates.
    let a = annotate(
        "Lithuania, Estonia and Latvia joined the Ottawa Convention in 2003, 2004 and 2005 \
         respectively.",
        Some("2025-06-29"),
    );
    for code in ["LTU", "EST", "LVA"] {
        assert_eq!(
            one(&a, ClaimKind::Joined, code).verdict,
            Verdict::Supported,
            "{code}"
        );
    }
    // A verb left out: "Estonia since 2004".
    let a = annotate(
        "Lithuania had been bound by the Ottawa Convention since 2003, Estonia since 2004 and \
         Latvia since 2006.",
        Some("2025-12-29"),
    );
    for code in ["LTU", "EST", "LVA"] {
        assert_eq!(
            one(&a, ClaimKind::Joined, code).verdict,
            Verdict::Supported,
            "{code}"
        );
    }
}

#[test]
fn gaps_in_the_record_are_not_contradictions() {
    // The record holds no domestic steps of Finland towards joining.
    let a = annotate(
        "Finland's parliament approved accession to the Ottawa Convention in 2011.",
        Some("2012-01-10"),
    );
    let c = one(&a, ClaimKind::Vote, "FIN");
    assert_eq!(c.verdict, Verdict::NotCheckable, "{}", c.note);
    assert!(
        c.note
            .contains("no parliamentary vote towards joining by Finland"),
        "{}",
        c.note
    );
    // A government announcement the record does not hold, on another day.
    let a = annotate(
        "The Ottawa Convention. The Finnish government approved its proposal to withdraw at the \
         end of May.",
        Some("2025-06-20"),
    );
    let c = one(&a, ClaimKind::Decision, "FIN");
    assert_eq!(c.verdict, Verdict::NotCheckable, "{}", c.note);
    // A stockpile figure the record does not hold is not contradicted.
    let a = annotate(
        "Before joining the Ottawa Convention, Finland had about 3 million anti-personnel mines.",
        Some("2025-06-20"),
    );
    assert_eq!(
        one(&a, ClaimKind::Stockpile, "FIN").verdict,
        Verdict::NotCheckable
    );
}

#[test]
fn phrasings_once_missed() {
    let cases: &[(&str, &str, ClaimKind, &str, Verdict)] = &[
        (
            "Finland is in the process of withdrawing from the Ottawa Convention.",
            "2025-06-01",
            ClaimKind::IntendsToWithdraw,
            "FIN",
            Verdict::Supported,
        ),
        (
            "Poland has turned its back on the Mine Ban Treaty.",
            "2025-09-01",
            ClaimKind::IntendsToWithdraw,
            "POL",
            Verdict::Supported,
        ),
        (
            "Latvia is moving to abandon the Ottawa Convention.",
            "2025-04-01",
            ClaimKind::IntendsToWithdraw,
            "LVA",
            Verdict::Supported,
        ),
        (
            "Lithuania decided to denounce the Ottawa Convention.",
            "2025-05-09",
            ClaimKind::IntendsToWithdraw,
            "LTU",
            Verdict::Supported,
        ),
        (
            "Finland's withdrawal from the Ottawa Convention has officially taken effect.",
            "2026-01-10",
            ClaimKind::WithdrawalEffect,
            "FIN",
            Verdict::Supported,
        ),
        (
            "Finland's parliament approved the withdrawal from the Ottawa Convention by a vote of \
             157 to 18.",
            "2025-06-20",
            ClaimKind::Vote,
            "FIN",
            Verdict::Supported,
        ),
        (
            "The United States refused to sign the Mine Ban Treaty.",
            "2025-01-01",
            ClaimKind::NotSigned,
            "USA",
            Verdict::Supported,
        ),
        (
            "Finland's parliament approved the withdrawal from the Ottawa Convention by a vote of \
             175 to 18.",
            "2025-06-20",
            ClaimKind::Vote,
            "FIN",
            Verdict::Contradicted,
        ),
    ];
    for (text, date, kind, state, want) in cases {
        let a = annotate(text, Some(date));
        let c = one(&a, *kind, state);
        assert_eq!(c.verdict, *want, "{text}: {}", c.note);
    }
    // "neither country is a party", and compound names in lists.
    let a = annotate(
        "India and Pakistan are often named together. Neither country is a party to the \
         Ottawa Convention, and neither are Iran, Israel or North and South Korea.",
        Some("2025-01-01"),
    );
    for code in ["IND", "PAK"] {
        assert_eq!(
            one(&a, ClaimKind::NotJoined, code).verdict,
            Verdict::Supported,
            "{code}"
        );
    }
    let codes: Vec<&str> = a.state_mentions.iter().map(|m| m.state.as_str()).collect();
    assert!(
        codes.contains(&"PRK") && codes.contains(&"KOR"),
        "{codes:?}"
    );
    no_contradiction(&a);
    // A cabinet's and a committee's decisions are domestic steps.
    let a = annotate(
        "The Ottawa Convention. On 1 April 2025 the Finnish government decided to prepare the \
         withdrawal. The defence committee backed the withdrawal in May.",
        Some("2025-06-01"),
    );
    let d: Vec<_> = a
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::Decision)
        .collect();
    assert!(!d.is_empty(), "{}", all(&a));
    assert!(d.iter().all(|c| c.reading == Reading::DomesticStep));
    no_contradiction(&a);
}

#[test]
fn relative_dates() {
    // 2025-07-11 is a Friday.
    let a = annotate(
        "Finland formally notified the UN of its withdrawal from the Ottawa Convention on \
         Thursday.",
        Some("2025-07-11"),
    );
    let c = one(&a, ClaimKind::WithdrawalNotified, "FIN");
    assert_eq!(c.claimed_date.as_ref().unwrap().to_string(), "2025-07-10");
    assert_eq!(c.verdict, Verdict::Supported);
    let a = annotate(
        "Estonia, Latvia and Lithuania notified the UN of their withdrawal from the Ottawa \
         Convention late last month.",
        Some("2025-07-08"),
    );
    for code in ["EST", "LVA", "LTU"] {
        let c = one(&a, ClaimKind::WithdrawalNotified, code);
        assert_eq!(c.claimed_date.as_ref().unwrap().to_string(), "2025-06");
        assert_eq!(c.verdict, Verdict::Supported, "{code}");
    }
    let a = annotate(
        "Poland's withdrawal from the Ottawa Convention takes effect today.",
        Some("2026-02-20"),
    );
    assert_eq!(
        one(&a, ClaimKind::WithdrawalEffect, "POL").verdict,
        Verdict::Supported
    );
    let a = annotate(
        "Poland signed the Ottawa Convention in 1997 and ratified it fifteen years later. \
         Finland acceded in 2012 and the treaty entered into force for it the same year.",
        Some("2025-01-01"),
    );
    assert_eq!(
        one(&a, ClaimKind::Ratified, "POL")
            .claimed_date
            .as_ref()
            .unwrap()
            .to_string(),
        "2012"
    );
    assert_eq!(
        one(&a, ClaimKind::Ratified, "POL").verdict,
        Verdict::Supported
    );
    assert_eq!(
        one(&a, ClaimKind::EntryIntoForce, "FIN").verdict,
        Verdict::Supported
    );
}

#[test]
fn the_treaty_described_not_named() {
    let a = annotate(
        "Finland acceded to the treaty banning anti-personnel mines in 2012.",
        Some("2025-01-01"),
    );
    assert_eq!(
        one(&a, ClaimKind::Joined, "FIN").verdict,
        Verdict::Supported
    );
    // "the convention" with no name, in an article about landmines.
    let a = annotate(
        "Landmines kill civilians long after wars end. Poland ratified the convention in 2012.",
        Some("2025-01-01"),
    );
    assert_eq!(
        one(&a, ClaimKind::Ratified, "POL").verdict,
        Verdict::Supported
    );
    assert!(
        a.notes.iter().any(|n| n.contains("names no treaty")),
        "{:?}",
        a.notes
    );
    // ... but not in an article about something else.
    let a = annotate(
        "Poland ratified the convention in 2012.",
        Some("2025-01-01"),
    );
    assert!(a.claims.is_empty());
}

#[test]
fn claims_of_other_shapes() {
    let a = annotate(
        "The Mine Ban Treaty was adopted in Oslo on 18 September 1997 and opened for signature \
         in Ottawa on 3-4 December 1997.",
        Some("2025-01-01"),
    );
    assert_eq!(
        a.claims
            .iter()
            .find(|c| c.kind == ClaimKind::TreatyAdopted)
            .unwrap()
            .verdict,
        Verdict::Supported
    );
    assert_eq!(
        a.claims
            .iter()
            .find(|c| c.kind == ClaimKind::TreatyOpened)
            .unwrap()
            .verdict,
        Verdict::Supported
    );
    let a = annotate(
        "The Ottawa Convention was adopted in Ottawa in 1997.",
        Some("2025-01-01"),
    );
    let c = a
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::TreatyAdopted)
        .unwrap();
    assert_eq!(c.verdict, Verdict::Contradicted);
    assert!(c.note.contains("Oslo"), "{}", c.note);
    // First and last of a group.
    let a = annotate(
        "Poland was the last EU member state to join the Mine Ban Treaty.",
        Some("2014-01-01"),
    );
    assert_eq!(
        one(&a, ClaimKind::GroupRank, "POL").verdict,
        Verdict::Supported
    );
    let a = annotate(
        "Finland was the last EU member state to join the Mine Ban Treaty.",
        Some("2014-01-01"),
    );
    assert_eq!(
        one(&a, ClaimKind::GroupRank, "FIN").verdict,
        Verdict::Contradicted
    );
    // Signatories on a date, and stockpile figures against the records.
    let a = annotate(
        "By March 1999, 133 states had signed the Ottawa Convention.",
        Some("2025-01-01"),
    );
    let c = a
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Count)
        .unwrap();
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
    let a = annotate(
        "Poland destroyed its stockpile of more than one million mines by 2016, as the Ottawa \
         Convention requires.",
        Some("2025-01-01"),
    );
    let c = one(&a, ClaimKind::Obligation, "POL");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
}

#[test]
fn no_claims_from_words_inside_the_title() {
    let a = annotate(
        "The Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of \
         Anti-Personnel Mines and on their Destruction was adopted in 1997. Finland joined in \
         2012.",
        Some("2025-01-01"),
    );
    assert!(
        a.claims
            .iter()
            .all(|c| c.kind != ClaimKind::Production && c.kind != ClaimKind::Use),
        "{}",
        all(&a)
    );
    assert_eq!(
        one(&a, ClaimKind::Joined, "FIN").verdict,
        Verdict::Supported
    );
}

#[test]
fn seven_more_languages() {
    let cases: &[(&str, Language, ClaimKind, &str, Verdict)] = &[
        (
            "Lietuva prie Otavos konvencijos prisijungė 2003 metais.",
            Language::Lt,
            ClaimKind::Joined,
            "LTU",
            Verdict::Supported,
        ),
        (
            "Latvija Otavas konvencijai pievienojās 2005. gada 1. jūlijā.",
            Language::Lv,
            ClaimKind::Joined,
            "LVA",
            Verdict::Supported,
        ),
        (
            "Eesti ühines Ottawa konventsiooniga 2004. aastal.",
            Language::Et,
            ClaimKind::Joined,
            "EST",
            Verdict::Supported,
        ),
        (
            "Suomi liittyi Ottawan sopimukseen vuonna 2011.",
            Language::Fi,
            ClaimKind::Joined,
            "FIN",
            Verdict::Contradicted,
        ),
        (
            "Polska podpisała konwencję ottawską 4 grudnia 1997 r.",
            Language::Pl,
            ClaimKind::Signed,
            "POL",
            Verdict::Supported,
        ),
        (
            "Україна підписала Оттавську конвенцію 24 лютого 1999 року.",
            Language::Uk,
            ClaimKind::Signed,
            "UKR",
            Verdict::Supported,
        ),
        (
            "Россия не подписала Оттавскую конвенцию.",
            Language::Ru,
            ClaimKind::NotSigned,
            "RUS",
            Verdict::Supported,
        ),
    ];
    for (text, lang, kind, state, want) in cases {
        let a = annotate(text, Some("2025-01-01"));
        assert_eq!(a.language, *lang, "{text}");
        let c = one(&a, *kind, state);
        assert_eq!(c.verdict, *want, "{text}: {}", c.note);
        // Notes are in English.
        assert!(c.note.is_ascii() || c.note.contains(' '), "{}", c.note);
    }
    // Inflected names: "Suomen", "Lietuvos", "Польщі".
    let a = annotate(
        "Suomen eduskunta hyväksyi irtautumisen Ottawan sopimuksesta kesäkuussa 2025.",
        Some("2025-06-20"),
    );
    let c = one(&a, ClaimKind::Vote, "FIN");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
    // Withdrawal taking effect, in Latvian.
    let a = annotate(
        "Šodien, 27. decembrī, stājas spēkā Latvijas izstāšanās no Otavas konvencijas.",
        Some("2025-12-27"),
    );
    assert_eq!(
        one(&a, ClaimKind::WithdrawalEffect, "LVA").verdict,
        Verdict::Supported
    );
}

#[test]
fn a_dateline_on_a_long_first_line() {
    let text = "HELSINKI, July 10, 2025 (Reuters) - Finland formally notified the United Nations \
                of its withdrawal from the Ottawa Convention on anti-personnel mines on Thursday, \
                the foreign ministry said, citing the changed security situation in the region.";
    assert!(text.lines().next().unwrap().len() > 100);
    let a = annotate(text, None);
    assert_eq!(a.article_date.unwrap().to_string(), "2025-07-10");
    let c = one(&a, ClaimKind::WithdrawalNotified, "FIN");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
    // A historical date at the start of a long first line is not a dateline.
    let text = "On 18 September 1997 the Mine Ban Treaty was adopted in Oslo after three weeks of \
                negotiations among the governments of the Ottawa Process and the campaigners.";
    assert!(annotate(text, None).article_date.is_none());
}

#[test]
fn several_states_behind_one_body_or_one_verb() {
    // One body of several states: a claim for each, the agent after "recommendation by".
    let a = annotate(
        "Estonia is leaving the Ottawa Convention. Its parliament acted on a joint \
         recommendation by the defence ministers of Estonia, Latvia, Lithuania and Poland.",
        Some("2025-04-20"),
    );
    for code in ["EST", "LVA", "LTU", "POL"] {
        assert_eq!(
            claims(&a, ClaimKind::Decision, code).len(),
            1,
            "{code}: {}",
            all(&a)
        );
    }
    no_contradiction(&a);
    // A verb left out after "and neither has", "as have".
    let a = annotate(
        "Russia and China have never joined the Mine Ban Treaty, and neither has Iran.",
        Some("2025-01-01"),
    );
    let c = one(&a, ClaimKind::NotJoined, "IRN");
    assert_eq!(c.verdict, Verdict::Supported, "{}", all(&a));
    // "None of the five": the last five states named, not "none" read as one.
    let a = annotate(
        "Estonia, Latvia and Lithuania have passed laws to leave the Ottawa Convention; \
         Finland's parliament voted last week and Poland's bill is in the Sejm. None of the \
         five has yet handed an instrument of withdrawal to the United Nations.",
        Some("2025-06-20"),
    );
    for code in ["EST", "LVA", "LTU", "FIN", "POL"] {
        let c = one(&a, ClaimKind::NotWithdrawn, code);
        assert_eq!(c.verdict, Verdict::Supported, "{code}: {}", all(&a));
    }
    // "similar plans" takes its aim from the sentences before.
    let a = annotate(
        "Латвия вышла из Оттавской конвенции. О похожих планах заявляли власти Польши и Эстонии.",
        Some("2026-01-15"),
    );
    for code in ["POL", "EST"] {
        assert_eq!(
            claims(&a, ClaimKind::IntendsToWithdraw, code).len(),
            1,
            "{code}: {}",
            all(&a)
        );
    }
}

#[test]
fn other_bodies_and_relative_clauses() {
    // The European Union named as a place does not hide the sentence's claims; NATO
    // as the object of "joined" still does.
    let a = annotate(
        "Mines are banned by the Ottawa Convention. Within the European Union, Finland and \
         Poland were the last to join. Finland joined NATO in 2023.",
        Some("2024-01-01"),
    );
    assert_eq!(claims(&a, ClaimKind::Joined, "FIN").len(), 1, "{}", all(&a));
    assert!(
        a.claims.iter().all(|c| !c.text.contains("NATO in 2023")),
        "{}",
        all(&a)
    );
    // A list inside a relative clause about the treaty is the treaty's, not Latvia's.
    let a = annotate(
        "Latvia left the Ottawa Convention, which bans the use, production and transfer of \
         anti-personnel mines, on 27 December 2025.",
        Some("2026-01-10"),
    );
    assert!(
        claims(&a, ClaimKind::Production, "LVA").is_empty(),
        "{}",
        all(&a)
    );
    // A relative clause on an unnamed noun: "states that have not joined" is nobody.
    let a = annotate(
        "Eesti ei saa lubada olukorda, kus miine võiksid kasutada riigid, kes \
         Ottawa konventsiooniga ühinenud ei ole.",
        Some("2023-01-20"),
    );
    assert!(
        claims(&a, ClaimKind::Joined, "EST").is_empty(),
        "{}",
        all(&a)
    );
}

#[test]
fn rules_the_record_does_not_hold_are_not_checked() {
    // Art. 2 and Art. 19 are not in the record: not checkable, never contradicted.
    let a = annotate(
        "The Mine Ban Treaty defines an anti-personnel mine as a mine designed to be exploded \
         by the presence of a person. Reservations to it are allowed.",
        Some("2025-01-01"),
    );
    let rules: Vec<_> = a
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::TreatyRule)
        .collect();
    assert_eq!(rules.len(), 2, "{}", all(&a));
    assert!(
        rules.iter().all(|c| c.verdict == Verdict::NotCheckable),
        "{}",
        all(&a)
    );
    // Art. 20 is: notice to the other parties, and a retraction before it takes effect.
    let a = annotate(
        "Under the Mine Ban Treaty a state must give notice to all other States Parties. A \
         state may retract its notice before the six months are over.",
        Some("2025-01-01"),
    );
    let rules: Vec<_> = a
        .claims
        .iter()
        .filter(|c| c.kind == ClaimKind::TreatyRule)
        .collect();
    assert_eq!(rules.len(), 2, "{}", all(&a));
    assert!(
        rules.iter().all(|c| c.verdict == Verdict::Supported),
        "{}",
        all(&a)
    );
    // An extension of the wrong length is contradicted.
    let a = annotate(
        "A State Party of the Ottawa Convention may ask for an extension of up to five years.",
        Some("2025-01-01"),
    );
    let c = a
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::TreatyRule)
        .expect("a rule");
    assert_eq!(c.verdict, Verdict::Contradicted, "{}", all(&a));
}

#[test]
fn word_forms_once_missed() {
    // Polish: the past plural of men ends in -li, not -ły.
    let a = annotate(
        "W marcu ministrowie obrony Polski i Litwy zarekomendowali wypowiedzenie konwencji \
         ottawskiej.",
        Some("2025-04-01"),
    );
    for code in ["POL", "LTU"] {
        assert_eq!(
            claims(&a, ClaimKind::IntendsToWithdraw, code).len(),
            1,
            "{code}: {}",
            all(&a)
        );
    }
    // Finnish: "ilmoittivat vetäytyvänsä" is an announced intention, not a notice.
    let a = annotate(
        "Viro ja Latvia ilmoittivat keväällä vetäytyvänsä Ottawan sopimuksesta.",
        Some("2025-06-01"),
    );
    for code in ["EST", "LVA"] {
        let c = one(&a, ClaimKind::IntendsToWithdraw, code);
        assert_eq!(c.verdict, Verdict::Supported, "{code}: {}", all(&a));
    }
    // "joint" is not "join"; a count of states must be exact.
    let a = annotate(
        "The Ottawa Convention was opened for signature on 3-4 December 1997, when 123 states \
         signed it.",
        Some("1998-01-01"),
    );
    let c = a
        .claims
        .iter()
        .find(|c| c.kind == ClaimKind::Count)
        .expect("a count");
    assert_eq!(c.verdict, Verdict::Contradicted, "{}", all(&a));
}
