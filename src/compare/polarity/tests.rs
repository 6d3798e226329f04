use crate::model::report::{FactChange, FactKind};

fn polarity(left: &str, right: &str) -> Vec<FactChange> {
    let report = crate::compare_texts("a", left, "b", right, &crate::Options::default());
    report
        .facts
        .changed
        .into_iter()
        .filter(|c| c.kind == FactKind::Polarity)
        .collect()
}

fn texts(changes: &[FactChange]) -> Vec<(&str, &str)> {
    changes
        .iter()
        .map(|c| (c.left_text.as_str(), c.right_text.as_str()))
        .collect()
}

#[test]
fn a_contraction_that_lost_its_apostrophe_still_negates() {
    // A plain-text export strips apostrophes with the quotation marks.
    let found = polarity(
        "\u{201c}I don\u{2019}t believe it\u{2019}s whitening,\u{201d} he said.",
        "I dont believe its whitening, he said.",
    );
    assert_eq!(found, vec![]);
    // A real denial is still one, either way of writing it.
    let found = polarity(
        "The officials said the bridge was safe to use.",
        "The officials said the bridge wasnt safe to use.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn yet_to_is_a_negation() {
    let found = polarity(
        "Known as the Cat Emporium, it is yet to open but is billed as a cafe.",
        "Called the Cat Emporium, it is not open yet but is advertised as a cafe.",
    );
    assert_eq!(found, vec![]);
}

#[test]
fn a_denial_of_an_aligned_statement_shows_the_predicate_on_both_sides() {
    let found = polarity(
        "The minister said the plan was approved by the cabinet on Monday.",
        "The minister said the plan was not approved by the cabinet on Monday.",
    );
    assert_eq!(texts(&found), vec![("was approved", "was not approved")]);
}

#[test]
fn a_negated_verb_in_the_changed_words_is_a_denial() {
    let found = polarity(
        "The label compares the drink with cow's milk, the agency said.",
        "The label does not compare the drink with cow's milk, the agency said.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].right_text, "label does not compare");
}

#[test]
fn failing_to_act_is_a_denial_of_acting() {
    let found = polarity(
        "The telescope captured images of the distant galaxy last year.",
        "The telescope failed to capture images of the distant galaxy last year.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn failed_to_fall_and_did_not_fall_are_no_reversal() {
    let found = polarity(
        "Share prices failed to fall after the announcement on Monday.",
        "Share prices did not fall after the announcement on Monday.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_dropped_clause_with_a_negator_is_no_reversal() {
    let found = polarity(
        "The team reached the summit on Friday, although it did not plant a flag there.",
        "The team reached the summit on Friday.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_negator_added_elsewhere_is_no_reversal() {
    let found = polarity(
        "Officials said the storm damaged many homes along the coast.",
        "Officials said the storm damaged many homes along the coast, but no one was hurt.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_moved_negator_is_no_reversal() {
    let found = polarity(
        "No students were hospitalized after the incident at the school.",
        "Students were not hospitalized after the incident at the school.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn no_polarity_finding_has_an_empty_side() {
    let pairs = [
        (
            "The minister said the plan was approved.",
            "The minister said the plan was not approved.",
        ),
        (
            "Police found evidence of poisoning at the school.",
            "Police found no evidence of poisoning at the school.",
        ),
        (
            "The company will cut prices next year, it said.",
            "The company won't cut prices next year, it said.",
        ),
        ("Not approved.", "Approved."),
    ];
    for (l, r) in pairs {
        for c in polarity(l, r) {
            assert!(
                !c.left_text.is_empty() && !c.right_text.is_empty(),
                "{l} / {r}: {c:?}"
            );
        }
    }
}

#[test]
fn each_reversal_pair_exchanged_in_place_is_a_polarity_change() {
    let cases = [
        (
            "The council approved the new budget on Monday.",
            "The council rejected the new budget on Monday.",
            "approved",
            "rejected",
        ),
        (
            "The bank raised interest rates by half a point.",
            "The bank cut interest rates by half a point.",
            "raised",
            "cut",
        ),
        (
            "Police arrested the two suspects on Sunday night.",
            "Police released the two suspects on Sunday night.",
            "arrested",
            "released",
        ),
        (
            "The home side won the final in extra time.",
            "The home side lost the final in extra time.",
            "won",
            "lost",
        ),
        (
            "The ministry confirmed the report of a deal.",
            "The ministry denied the report of a deal.",
            "confirmed",
            "denied",
        ),
        (
            "The spokesman said the report was accurate.",
            "The spokesman denied the report was accurate.",
            "said",
            "denied",
        ),
        (
            "Oil prices rose sharply in early trading.",
            "Oil prices fell sharply in early trading.",
            "rose",
            "fell",
        ),
        (
            "Exports from the region decreased sharply in the third quarter.",
            "Exports from the region increased sharply in the third quarter.",
            "decreased",
            "increased",
        ),
        (
            "The jury found the former mayor guilty of fraud.",
            "The jury found the former mayor innocent of fraud.",
            "guilty",
            "innocent",
        ),
    ];
    for (l, r, a, b) in cases {
        let found = polarity(l, r);
        assert_eq!(texts(&found), vec![(a, b)], "{l} / {r}");
    }
}

#[test]
fn an_antonym_of_a_synonym_is_no_reversal() {
    // "cold" ~ "stale" ↔ "fresh"... : "close" is no antonym of "cold" itself.
    let found = polarity(
        "Temperatures stayed cold overnight in the valley, forecasters said.",
        "Temperatures stayed close to freezing overnight in the valley, forecasters said.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn opposites_far_apart_in_a_rewritten_stretch_are_no_reversal() {
    let found = polarity(
        "The wealthy nations agreed to send money to help the region rebuild quickly after the floods.",
        "Money will go to the region from countries that are not poor, so that it can rebuild after the floods.",
    );
    assert!(found.iter().all(|c| c.left_text != "wealthy"), "{found:?}");
}

#[test]
fn converses_are_no_reversal() {
    let found = polarity(
        "The club sold the striker to a rival for a record fee.",
        "The club bought the striker from a rival for a record fee.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_denial_with_an_antonym_is_one_polarity_change() {
    let found = polarity(
        "The court found the former mayor guilty of fraud on Tuesday.",
        "The court did not find the former mayor innocent of fraud on Tuesday.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_denial_said_twice_over_is_no_reversal() {
    // "did not win" and "lost" say the same.
    let found = polarity(
        "The incumbent did not win the vote in the capital.",
        "The incumbent lost the vote in the capital.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_negated_replacement_before_a_kept_clause_is_a_denial() {
    let found = polarity(
        "Staff are now forced to delete the app from their work phones.",
        "Staff are not required to delete the app from their work phones.",
    );
    assert_eq!(
        texts(&found),
        vec![("are now forced to", "are not required to")]
    );
}

#[test]
fn a_reversed_function_word_and_an_un_prefix_are_opposites() {
    let found = polarity(
        "The plan seeks to get the most value from the billions it has.",
        "The plan seeks to get the least value from the billions it has.",
    );
    assert_eq!(texts(&found), vec![("most", "least")]);
    let found = polarity(
        "The agency tested small, uncrewed aircraft over the city.",
        "The agency tested small, crewed aircraft over the city.",
    );
    assert_eq!(texts(&found), vec![("uncrewed", "crewed")]);
}

#[test]
fn an_opposite_exchanged_in_one_clause_counts_when_the_other_clause_names_it() {
    // "delete" is still in the right's second clause; the first clause
    // exchanges it for "keep".
    let found = polarity(
        "Staff must delete the app from work phones, and delete it from personal phones too.",
        "Staff must keep the app on work phones, and delete it from personal phones too.",
    );
    assert_eq!(texts(&found), vec![("delete", "keep")]);
}

#[test]
fn a_stem_shared_with_an_antonym_is_no_reversal() {
    // "costly" ↔ "cheap" in WordNet, and "costly" stems to "cost".
    let found = polarity(
        "The suits are uncomfortable, so the team is now looking at low-cost alternatives.",
        "The suits are uncomfortable, so the team is now looking at cheaper alternatives.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_negator_in_a_rewritten_clause_is_no_reversal() {
    let found = polarity(
        "Results are frequently positive in individuals who do not have an allergy or a food intolerance.",
        "The test often shows people have an allergy or a food intolerance when this is wrong.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn two_reversals_in_one_change_say_the_same() {
    let found = polarity(
        "A study found that schoolchildren in England are the least fit they have ever been.",
        "A study found that schoolchildren in England are more unfit than they have ever been.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_question_is_not_denied_by_a_statement() {
    let found = polarity(
        "\"Do you really want to encourage people to depend on their phones?\" he said.",
        "\"We don't want to encourage people to depend on their phones,\" he said.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_word_broken_in_two_is_no_denial() {
    // A PDF export dropped the "fi" ligature: "cant" is the tail of
    // "significant", not "can't".
    for broken in ["signi cant", "signifi cant"] {
        let found = polarity(
            "This could be causing a significant problem that we need to look into.",
            &format!("This could be causing a {broken} problem that we need to look into."),
        );
        assert_eq!(found, vec![], "{broken}");
    }
    // A real "cant" still denies.
    let found = polarity(
        "Officials said the families can return to the town this week.",
        "Officials said the families cant return to the town this week.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_negative_prefix_or_a_ruled_out_says_what_a_not_says() {
    for (left, right) in [
        (
            "It might sound unrealistic but they have destroyed the campaign hopes of Bush.",
            "It might not sound possible but they have destroyed the campaign hopes of Bush.",
        ),
        (
            "He ruled out the idea of using the mirrors to slow down global warming.",
            "He said the mirror could cool buildings but the mirrors would not slow down global warming.",
        ),
        (
            "Most institutions are ill-equipped to deal with it, Murray said.",
            "Most institutions are not able to deal with it, Murray said.",
        ),
    ] {
        assert_eq!(polarity(left, right), vec![], "{right}");
    }
    // Without the prefix, the added "not" is a denial.
    let found = polarity(
        "It might sound realistic but they have destroyed the campaign hopes of Bush.",
        "It might not sound realistic but they have destroyed the campaign hopes of Bush.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_negation_under_another_on_the_same_side_is_no_denial() {
    for (left, right) in [
        (
            "That is not to say vaping rates might not change, but they look steady.",
            "The number of people vaping might change, but they look steady.",
        ),
        (
            "The research shatters the myth that how we farm does not affect the food we eat.",
            "The research showed that how we farm affects the food we eat.",
        ),
    ] {
        assert_eq!(polarity(left, right), vec![], "{left}");
    }
    // Two clauses each denied are still a reversal.
    let found = polarity(
        "The senator did not attend the hearing and did not vote on the bill.",
        "The senator attended the hearing and voted on the bill.",
    );
    assert!(!found.is_empty(), "{found:?}");
}

#[test]
fn a_contraction_split_at_its_apostrophe_still_negates() {
    let found = polarity(
        "But a police spokesman said the witness told detectives she couldn \u{2019} t see the incident clearly from the angle.",
        "A police spokesman said that when King was asked what she saw by detectives, she told them she couldn't see what the boys were doing from the angle.",
    );
    assert_eq!(found, vec![]);
    let found = polarity(
        "The officials said the bridge was safe to use after the storm.",
        "The officials said the bridge wasn ' t safe to use after the storm.",
    );
    assert_eq!(
        texts(&found),
        vec![("bridge was safe", "bridge wasn ' t safe")]
    );
}

#[test]
fn refusing_to_is_refused_to() {
    let found = polarity(
        "After refusing to name his attacker in court, the shaken Costello retired, making Genovese kingpin of the family.",
        "The frightened Costello refused to name his attacker in court, and left Genovese to take over the mob.",
    );
    assert_eq!(found, vec![]);
}

#[test]
fn a_denial_for_an_insistence_on_a_negation_says_the_same() {
    // The word diff pairs the left's "not" with the right's later one.
    let found = polarity(
        "Although LaRue insisted he was not Deep Throat, and that the source was a combination of several people, Woodward and Bernstein have insisted Deep Throat was one person.",
        "LaRue denied that he was Deep Throat, and Woodward said he will not reveal the source's name until after Deep Throat dies.",
    );
    assert_eq!(found, vec![]);
    let found = polarity(
        "The company confirmed that the factory would close next year, a spokesman said.",
        "The company denied that the factory would close next year, a spokesman said.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_headline_that_kills_and_charges_is_no_reversal() {
    let found = polarity(
        "Woman Killed In Queens Hit-And-Run, Driver Charged\n\nThe woman died at the scene.",
        "Queens hit and run leaves woman dead\n\nThe woman died at the scene.",
    );
    assert_eq!(found, vec![]);
}

#[test]
fn a_word_that_negates_by_its_meaning_says_what_not_says() {
    for (left, right) in [
        (
            "Frist said he intended to work to get the loan provision removed from the final bill.",
            "Frist said he intended to work to see that the loan provision was not in the final bill.",
        ),
        (
            "The company confirmed it operated the coach, but gave no details other than the ages.",
            "The company confirmed it had been operating the coach, but declined to give details other than the ages.",
        ),
        (
            "The spokesman said that a search is in progress but would not comment on its status.",
            "The spokesman said a search is ongoing but declined comment on its status.",
        ),
        (
            "That is evident from their failure, three times in a row, to get a big enough turnout.",
            "Three times in a row, they failed to get a big enough turnout.",
        ),
        (
            "The therapy doubled the risk of dementia and did not prevent mild cognitive impairment.",
            "The therapy doubled the risk of dementia and did not prevent less-severe mental decline.",
        ),
    ] {
        let found = polarity(left, right);
        assert_eq!(found, vec![], "{right}");
    }
    // Declining to a figure is falling.
    let found = polarity(
        "The share of workers covered by employers dropped from 62.3 percent in 2001 to 61.3 percent.",
        "The share of workers covered by employers declined to 61.3 percent in 2002.",
    );
    assert_eq!(found, vec![]);
    // Declining to do is not doing.
    let found = polarity(
        "The minister agreed to give details of the plan on Monday.",
        "The minister declined to give details of the plan on Monday.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn votes_counted_as_no_are_no_negation() {
    let found = polarity(
        "Three no votes would kill the expansion for now, officials said.",
        "It would take three votes to kill the expansion for now, officials said.",
    );
    assert_eq!(found, vec![]);
}

#[test]
fn an_age_or_last_year_opposes_nothing() {
    let found = polarity(
        "The student was shot and killed by a teen gang member, the supervisor said.",
        "The student was fatally shot by a 14-year-old gang member, the supervisor said.",
    );
    assert_eq!(found, vec![]);
    let found = polarity(
        "Spider-Man snatched $114.7 million in its debut last year and went on to capture more.",
        "Spider-Man snatched $114.7 million in its first weekend and went on to take in more.",
    );
    assert_eq!(found, vec![]);
    // The first and the last of something still oppose.
    let found = polarity(
        "He was the first runner to cross the line in the final race.",
        "He was the last runner to cross the line in the final race.",
    );
    assert_eq!(found.len(), 1, "{found:?}");
}
#[test]
fn a_denied_opposite_says_the_same() {
    let found = polarity(
        "\"His comments were extremely inappropriate and the decision was an easy one,\" MSNBC spokesman Jeremy Gaines said.",
        "\"Savage made an extremely inappropriate comment and the decision to cancel the program was not difficult,\" MSNBC spokesman Jeremy Gaines said.",
    );
    assert_eq!(found, vec![]);
}
