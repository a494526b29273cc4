//! Failure classes found by the third corpus round (development articles by new writers,
//! 2026-12), each as a short article of our own.

mod common;

use common::{annotate, no_contradiction, one};
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
