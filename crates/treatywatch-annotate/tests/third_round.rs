//! Failure classes found by the third corpus round (development articles by new writers,
//! 2026-12), each as a short article of our own.

mod common;

use common::{annotate, no_contradiction, none_contradicted, one};
use treatywatch_annotate::{ClaimKind, Verdict};

#[test]
fn a_date_the_verb_runs_into_is_the_verbs_and_gapped_states_after_a_group_get_theirs() {
    // "leave on Dec. 27": the date begins inside the words that make the verb; it is the
    // Baltic states' date, not Finland's "Jan. 10". Finland and Poland, with no verb of
    // their own, get their own dates.
    let a = annotate(
        "The three Baltic states leave the Mine Ban Treaty on Dec. 27, Finland on Jan. 10 \
         and Poland on Feb. 20.",
        Some("2025-12-01"),
    );
    for st in ["EST", "LVA", "LTU", "FIN", "POL"] {
        let c = one(&a, ClaimKind::WithdrawalEffect, st);
        assert_eq!(c.verdict, Verdict::Supported, "{st}: {}", c.note);
    }
    no_contradiction(&a);
}

#[test]
fn a_date_offset_by_days_before_the_verb_moves_the_date() {
    // "on 2 December 1997, two days before ... signed": 4 December, the signature.
    let a = annotate(
        "A cable published in August 2011 records that officials met envoys of the Marshall \
         Islands, Micronesia and Palau on 2 December 1997, two days before the Marshall \
         Islands signed the Mine Ban Treaty.",
        Some("2012-12-17"),
    );
    let c = one(&a, ClaimKind::Signed, "MHL");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
    no_contradiction(&a);
}

#[test]
fn recent_use_needs_a_record_from_the_year_before() {
    // The record's Ukrainian use is of 2022-2024: "new evidence" in December 2025 is not
    // borne out by it, nor refuted.
    let a = annotate(
        "The Landmine Monitor found new evidence of mine use by Ukraine, a State Party to \
         the Mine Ban Treaty.",
        Some("2025-12-01"),
    );
    let c = one(&a, ClaimKind::Use, "UKR");
    assert_eq!(c.verdict, Verdict::NotCheckable, "{}", c.note);
    assert!(c.note.contains("recent"), "{}", c.note);
}

#[test]
fn counts_read_as_news_writing_uses_them() {
    // "signed by 162 countries" for 162 parties; "151 States are parties" with one more
    // bound later; neither is contradicted.
    for (text, date) in [
        (
            "Since 1997 the Mine Ban Treaty has been signed by 162 countries.",
            "2017-12-04",
        ),
        (
            "To date, 151 States are parties to the Mine Ban Treaty, and three more have \
             signed it but have yet to ratify.",
            "2006-09-15",
        ),
        (
            "The Mine Ban Treaty has by now been ratified or acceded to by 164 countries, and \
             signed by one more that has not yet ratified.",
            "2018-07-17",
        ),
    ] {
        let a = annotate(text, Some(date));
        assert!(
            a.claims
                .iter()
                .any(|c| c.kind == ClaimKind::Count && c.verdict == Verdict::Supported),
            "{text}: {:#?}",
            a.claims
                .iter()
                .map(|c| (&c.kind, &c.verdict, &c.note))
                .collect::<Vec<_>>()
        );
        no_contradiction(&a);
    }
    // A wrong count is still caught.
    let a = annotate(
        "The Mine Ban Treaty has been signed by 150 countries.",
        Some("2017-12-04"),
    );
    assert!(
        a.claims
            .iter()
            .any(|c| c.kind == ClaimKind::Count && c.verdict == Verdict::Contradicted)
    );
}

#[test]
fn counts_of_some_states_or_of_other_things_are_not_counts_of_members() {
    none_contradicted(&[
        // Delegations from some of the states outside.
        (
            "Among the participants were delegations from 12 countries that have not joined \
             the Mine Ban Treaty.",
            "2019-11-30",
        ),
        // A count of states that finished clearance.
        (
            "Since the Mine Ban Treaty was signed, 29 countries once dotted with the devices \
             have been declared free of mines.",
            "2017-12-04",
        ),
        // "among the first forty": a place, not a total.
        (
            "Britain ratified in 1998, among the first forty countries whose ratifications \
             brought the Mine Ban Treaty into force.",
            "2022-08-01",
        ),
        // Said of the future.
        (
            "After Poland leaves, 161 states will remain parties to the Mine Ban Treaty.",
            "2026-02-16",
        ),
        (
            "Після виходу Польщі учасниками Оттавської конвенції залишиться 161 держава.",
            "2026-02-16",
        ),
    ]);
}

#[test]
fn a_further_n_signatories_beside_the_parties_have_not_ratified() {
    let a = annotate(
        "The Mine Ban Treaty counts 164 States Parties and a further 1 signatory.",
        Some("2024-01-10"),
    );
    no_contradiction(&a);
}

#[test]
fn contrasts_unlike_and_not_by_lists() {
    let a = annotate(
        "Unlike Ukraine, Russia has never signed up to the Ottawa Convention.",
        Some("2024-07-29"),
    );
    assert_eq!(
        one(&a, ClaimKind::Signed, "UKR").verdict,
        Verdict::Supported
    );
    assert_eq!(
        one(&a, ClaimKind::NotSigned, "RUS").verdict,
        Verdict::Supported
    );
    no_contradiction(&a);
    let a = annotate(
        "The Mine Ban Treaty has since been ratified by more than 160 countries -- but not by \
         the US, not by China and, crucially, not by Russia.",
        Some("2025-07-04"),
    );
    for st in ["USA", "CHN", "RUS"] {
        assert_eq!(
            one(&a, ClaimKind::NotJoined, st).verdict,
            Verdict::Supported,
            "{st}"
        );
    }
    no_contradiction(&a);
}

#[test]
fn the_last_holdout_is_a_rank_in_the_past() {
    let a = annotate(
        "The United States is now the only NATO member outside the Mine Ban Treaty: Poland, \
         the last holdout in the European Union, ratified in 2012.",
        Some("2017-12-04"),
    );
    assert_eq!(
        one(&a, ClaimKind::Ratified, "POL").verdict,
        Verdict::Supported
    );
    no_contradiction(&a);
}

#[test]
fn phrasings_that_are_not_the_treatys_acts() {
    none_contradicted(&[
        // An approval of a law.
        (
            "Finnish lawmakers backed leaving the Mine Ban Treaty, 157 to 18, and President \
             Alexander Stubb signed off on it the following month.",
            "2026-01-14",
        ),
        // "a war that had left it among the most mined nations".
        (
            "Mozambique declared on Thursday that it is free of the threat of landmines, \
             decades after a civil war that had left it among the most heavily mined nations \
             in the Mine Ban Treaty's first years.",
            "2015-09-17",
        ),
    ]);
}

#[test]
fn dates_of_asides_and_of_other_clauses_stay_there_in_other_languages() {
    // Russian: the participle phrase's 1997 is the adoption's; 2003 is the joining's.
    let a = annotate(
        "Литва присоединилась к Оттавской конвенции, принятой в Осло в 1997 году, в 2003 году.",
        Some("2025-03-06"),
    );
    assert_eq!(
        one(&a, ClaimKind::Joined, "LTU").verdict,
        Verdict::Supported
    );
    no_contradiction(&a);
    // Finnish: 2012 is the joining's, not the destroying's ("ja" = "and").
    let a = annotate(
        "Suomi liittyi Ottawan sopimukseen vuonna 2012 ja hävitti varastostaan yli miljoona \
         miinaa.",
        Some("2025-07-11"),
    );
    no_contradiction(&a);
    // Latvian: "adopted in 1997, and more than 160 states have joined it": now.
    let a = annotate(
        "Otavas konvencija tika pieņemta 1997. gadā, un tai ir pievienojušās vairāk nekā 160 \
         valstis.",
        Some("2025-04-16"),
    );
    assert_eq!(
        common::first(&a, ClaimKind::Count).verdict,
        Verdict::Supported
    );
    // Lithuanian: in force "for our country" is Lithuania's date, not the treaty's.
    let a = annotate(
        "Lietuva Otavos konvenciją ratifikavo 2003 m., o sutartis mūsų šaliai įsigaliojo 2003 \
         m. lapkričio 1 d.",
        Some("2025-12-27"),
    );
    no_contradiction(&a);
}

#[test]
fn an_act_done_again_borrows_the_verb_before_in_every_language() {
    for (text, st) in [
        (
            "Lithuania, Latvia and Estonia notified the UN of their withdrawal from the Mine \
             Ban Treaty on 27 June. Finland did so on 10 July.",
            "FIN",
        ),
        (
            "Litwa, Łotwa i Estonia notyfikowały ONZ o wypowiedzeniu konwencji ottawskiej 27 \
             czerwca. Finlandia zrobiła to 10 lipca.",
            "FIN",
        ),
    ] {
        let a = annotate(text, Some("2025-07-11"));
        let c = one(&a, ClaimKind::WithdrawalNotified, st);
        assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
    }
}

#[test]
fn a_treaty_that_ceases_to_bind_a_state_is_its_withdrawal_not_an_entry_into_force() {
    let a = annotate(
        "Konwencja ottawska przestanie obowiązywać Polskę 20 lutego 2026 r.",
        Some("2025-11-20"),
    );
    assert_eq!(
        one(&a, ClaimKind::WithdrawalEffect, "POL").verdict,
        Verdict::Supported
    );
    no_contradiction(&a);
}

#[test]
fn our_country_is_the_state_of_the_articles_language_and_never_certain() {
    // Right: supported.
    let a = annotate(
        "Lietuva Otavos konvenciją ratifikavo 2003 m. gegužę, o mūsų šaliai ji įsigaliojo 2003 \
         m. lapkričio 1 d.",
        Some("2025-12-27"),
    );
    let c = one(&a, ClaimKind::EntryIntoForce, "LTU");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
    // Wrong: not contradicted on a guess.
    let a = annotate(
        "Lietuva Otavos konvenciją ratifikavo 2003 m. gegužę, o mūsų šaliai ji įsigaliojo 2005 \
         m. lapkričio 1 d.",
        Some("2025-12-27"),
    );
    no_contradiction(&a);
}

#[test]
fn forms_of_the_regions_languages_read_this_round() {
    for (text, kind, st) in [
        // Russian: imperfective "did not join".
        (
            "Россия к Оттавской конвенции не присоединялась.",
            ClaimKind::NotJoined,
            "RUS",
        ),
        // Russian: "remains a party".
        (
            "Украина формально остается участницей Оттавской конвенции.",
            ClaimKind::Joined,
            "UKR",
        ),
        // Finnish: "are still in".
        (
            "Ruotsi ja Norja ovat yhä mukana Ottawan sopimuksessa.",
            ClaimKind::Joined,
            "NOR",
        ),
        // Estonian: "are members of the convention".
        (
            "Ka Läti ja Leedu on Ottawa konventsiooni liikmed.",
            ClaimKind::Joined,
            "LVA",
        ),
        // Latvian: "remained outside".
        (
            "Otavas konvencijai nav pievienojusies Ķīna, un ārpus tās palikušas arī ASV.",
            ClaimKind::NotJoined,
            "USA",
        ),
    ] {
        let a = annotate(text, Some("2025-12-01"));
        let found = common::claims(&a, kind, st);
        assert!(
            found.iter().any(|c| c.verdict == Verdict::Supported),
            "{text}: {}",
            common::all(&a)
        );
        no_contradiction(&a);
    }
}

#[test]
fn obligations_said_as_news_writing_says_them() {
    // "asked for more time": an extension; "gave Ukraine until 2033": a deadline.
    let a = annotate(
        "Ukraine asked for more time to clear its mined areas under the Mine Ban Treaty. Last \
         November the States Parties gave Ukraine until 1 December 2033 to clear them.",
        Some("2024-07-01"),
    );
    assert!(
        common::claims(&a, ClaimKind::Obligation, "UKR").len() >= 2,
        "{}",
        common::all(&a)
    );
    no_contradiction(&a);
}

#[test]
fn a_month_whose_year_the_words_beside_it_give() {
    // "saman vuoden heinäkuussa": July of the year named before (2012).
    let a = annotate(
        "Suomi liittyi Ottawan sopimukseen tammikuussa 2012, ja sopimus tuli Suomen osalta \
         voimaan saman vuoden heinäkuussa.",
        Some("2025-06-12"),
    );
    let c = one(&a, ClaimKind::EntryIntoForce, "FIN");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
}

#[test]
fn a_duty_with_its_date_is_a_deadline() {
    let a = annotate(
        "Belarus joined the Mine Ban Treaty in 2003 and was required to destroy its stocks by \
         1 March 2008.",
        Some("2017-04-01"),
    );
    let c = one(&a, ClaimKind::Obligation, "BLR");
    assert_eq!(c.verdict, Verdict::Supported, "{}", c.note);
    // "went on to destroy ... by 2016" is the act, not a duty.
    let a = annotate(
        "Poland did not ratify the Mine Ban Treaty until 2012 and went on to destroy more than \
         a million stockpiled mines by 2016.",
        Some("2025-03-18"),
    );
    no_contradiction(&a);
}

#[test]
fn the_first_to_quit_is_not_contradicted_while_the_notice_is_pending() {
    let a = annotate(
        "Lithuania, Latvia and Estonia have formally told the United Nations they are leaving \
         the Ottawa Convention, making them the first states ever to quit the 1997 treaty.",
        Some("2025-06-28"),
    );
    for st in ["LTU", "LVA", "EST"] {
        assert_eq!(
            one(&a, ClaimKind::WithdrawalNotified, st).verdict,
            Verdict::Supported
        );
    }
    no_contradiction(&a);
}

#[test]
fn numbers_that_are_not_counts_of_states() {
    for (text, date) in [
        // A condition: "six months after 40 countries have ratified it".
        (
            "The Mine Ban Treaty will become binding six months after 40 countries have \
             ratified it.",
            "1997-12-04",
        ),
        // An article's number: "за статтею 4 держава" ("under Article 4 the state").
        (
            "Проте повністю виконати зобов'язання за статтею 4 держава так і не змогла, хоча \
             Оттавська конвенція цього вимагає.",
            "2025-07-20",
        ),
    ] {
        let a = annotate(text, Some(date));
        assert!(
            a.claims.iter().all(|c| c.kind != ClaimKind::Count),
            "{text}: {}",
            common::all(&a)
        );
    }
    // Polish: the adoption's month is not the opening's.
    let a = annotate(
        "Traktat, przyjęty w Oslo we wrześniu 1997 r. i otwarty do podpisu w Ottawie, wszedł \
         w życie w 1999 r.",
        Some("2026-02-20"),
    );
    no_contradiction(&a);
}

#[test]
fn failure_classes_of_the_fourth_held_out_set() {
    // Measured once, then opened and moved into development (see docs/annotate.md).
    none_contradicted(&[
        // "is not bound by" is not joining.
        (
            "Russia, which is not bound by the Mine Ban Treaty, has laid mines on a vast scale.",
            "2024-11-20",
        ),
        // "binds 166 states, but five of them are leaving": not a count of those leaving.
        (
            "The Ottawa Convention came into force in 1999 and binds 166 states, but five of \
             them are in the process of leaving it.",
            "2025-12-01",
        ),
        // "from Russia, and Vilnius notified": Russia is not in the list.
        (
            "Lithuania's parliament voted to leave the Mine Ban Treaty, citing the threat from \
             Russia, and Vilnius formally notified the United Nations of its withdrawal.",
            "2025-06-28",
        ),
        // "US allies": the name qualifies the subject.
        (
            "Cluster munitions, which many US allies have renounced under the Oslo \
             Convention, are banned by a treaty like the Mine Ban Treaty.",
            "2024-11-20",
        ),
        // Delegates from some states; States Parties that aligned with a statement.
        (
            "More than 700 delegates from 126 states attended the Meeting of the States \
             Parties to the Mine Ban Treaty. In all, 93 States Parties aligned themselves with \
             joint statements.",
            "2025-12-05",
        ),
        // A year is not a number of years ("срок которого истек в 2010 году").
        (
            "Оттавская конвенция запрещает мины. Киев так и не выполнил обязательство \
             уничтожить накопленные запасы противопехотных мин, срок которого истек в 2010 году.",
            "2024-11-20",
        ),
        // A vote before the record's steps towards withdrawal begin: not refuted.
        (
            "Veel 2023. aasta jaanuaris hääletas riigikogu Ottawa konventsiooni denonsseerimise \
             eelnõu esimesel lugemisel menetlusest välja.",
            "2025-03-18",
        ),
    ]);
    // "that Kyiv has joined": not "at Kyiv".
    let a = annotate(
        "The move sits awkwardly with the Mine Ban Treaty that Kyiv itself has signed up to.",
        Some("2024-11-20"),
    );
    assert_eq!(
        one(&a, ClaimKind::Joined, "UKR").verdict,
        Verdict::Supported
    );
    no_contradiction(&a);
    // Estonian: "riigikogu" in lower case is the parliament, not the state.
    let a = annotate(
        "Eesti ühines Ottawa konventsiooniga 2004. aastal, pärast seda kui riigikogu oli sama \
         aasta märtsis selle ratifitseerinud.",
        Some("2025-03-18"),
    );
    no_contradiction(&a);
}

#[test]
fn more_phrasings_of_the_last_batches() {
    // Ukrainian: "remains a State Party", "will leave on 27 December".
    let a = annotate(
        "Україна залишається державою-учасницею Оттавської конвенції. Литва, Латвія та \
         Естонія вийдуть з договору 27 грудня.",
        Some("2025-12-01"),
    );
    assert_eq!(
        one(&a, ClaimKind::Joined, "UKR").verdict,
        Verdict::Supported
    );
    no_contradiction(&a);
    // Polish: "the same was done by", "outside it remain".
    let a = annotate(
        "Polska wypowiedziała konwencję ottawską; 27 czerwca to samo zrobiły Litwa, Łotwa i \
         Estonia. Poza nią pozostają m.in. Stany Zjednoczone, Rosja i Chiny.",
        Some("2025-12-01"),
    );
    assert_eq!(
        one(&a, ClaimKind::NotJoined, "CHN").verdict,
        Verdict::Supported
    );
    no_contradiction(&a);
    // English: "remains bound by it", "has never been a party", a step done again by a
    // body, "has yet to notify" as a negation.
    let a = annotate(
        "Ukraine remains bound by the Mine Ban Treaty. Russia has never been a party to the \
         treaty. Latvia's Saeima voted on 16 April to leave the treaty, and Lithuania's Seimas \
         did so on 8 May.",
        Some("2025-06-01"),
    );
    assert_eq!(
        one(&a, ClaimKind::Joined, "UKR").verdict,
        Verdict::Supported
    );
    assert_eq!(
        one(&a, ClaimKind::NotJoined, "RUS").verdict,
        Verdict::Supported
    );
    assert_eq!(one(&a, ClaimKind::Vote, "LTU").verdict, Verdict::Supported);
    no_contradiction(&a);
}
