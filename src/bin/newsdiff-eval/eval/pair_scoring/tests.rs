//! The scoring rules on hand-made findings (no pipeline involved, so the
//! rules are checked whatever the pipeline finds).

use super::*;

fn sentences(texts: &[&str]) -> Vec<String> {
    texts.iter().map(|t| t.to_string()).collect()
}

/// A left text of three sentences, a right text of two; the report
/// aligns 0↔0 and 1↔1 and leaves left 2 unaligned.
fn findings() -> Findings {
    Findings {
        left_sentences: sentences(&[
            "Police said 14 people died in Springfield.",
            "The mayor visited the scene on Monday.",
            "Officials counted 300 homes damaged.",
        ]),
        right_sentences: sentences(&[
            "Fourteen people died in Springfield, police said.",
            "The mayor came to the scene.",
        ]),
        pairs: vec![(vec![0], vec![0], false), (vec![1], vec![1], true)],
        left_only: vec![2],
        ..Findings::default()
    }
}

fn left_text(f: &Findings) -> String {
    f.left_sentences.join(" ")
}

fn right_text(f: &Findings) -> String {
    f.right_sentences.join(" ")
}

fn gold() -> Gold {
    Gold {
        pairs: vec![
            (
                "Police said 14 people".into(),
                "Fourteen people died".into(),
            ),
            ("The mayor visited".into(), "The mayor came".into()),
        ],
        ..Gold::default()
    }
}

#[test]
fn alignment_counts_distinct_links_and_unlocated_gold_as_missed() {
    let f = findings();
    let mut g = gold();
    // The same link twice counts once; a substring no sentence contains
    // cannot be matched and is a miss.
    g.pairs
        .push(("The mayor visited".into(), "The mayor came".into()));
    g.pairs
        .push(("split across".into(), "The mayor came".into()));
    let s = score(&g, &f, &left_text(&f), &right_text(&f));
    assert_eq!(s.gold_pairs, 3);
    assert_eq!(s.unlocated_pairs, 1);
    assert_eq!(s.alignment.true_positive, 2);
    assert_eq!(s.alignment.false_positive, 0);
    assert_eq!(s.alignment.false_negative, 1);
}

#[test]
fn a_reported_fact_overlapping_the_gold_fact_finds_it() {
    let mut f = findings();
    // "on Monday" lies inside the reported "Monday"'s gold text and vice
    // versa: either containment counts, case-insensitive.
    f.omitted = vec!["monday".into()];
    let g = Gold {
        omitted_facts: vec!["on Monday".into()],
        ..gold()
    };
    let s = score(&g, &f, &left_text(&f), &right_text(&f));
    assert_eq!((s.omitted_found, s.omitted_gold), (1, 1));
    assert_eq!((s.facts_on_gold, s.facts_reported), (1, 1));
    // A reported fact elsewhere neither finds it nor is on the gold.
    f.omitted = vec!["Springfield".into()];
    let s = score(&g, &f, &left_text(&f), &right_text(&f));
    assert_eq!((s.omitted_found, s.facts_on_gold), (0, 0));
}

#[test]
fn a_fact_in_a_left_only_sentence_is_found_without_a_reported_fact() {
    let f = findings();
    let g = Gold {
        omitted_facts: vec!["300 homes".into()],
        // Right 1 is aligned, so its fact is not found this way.
        added_facts: vec!["came to".into()],
        ..gold()
    };
    let s = score(&g, &f, &left_text(&f), &right_text(&f));
    assert_eq!((s.omitted_found, s.omitted_gold), (1, 1));
    assert_eq!((s.added_found, s.added_gold), (0, 1));
    assert_eq!(s.facts_reported, 0);
}

#[test]
fn a_fact_the_other_text_carries_as_whole_words_is_sure_false() {
    let mut f = findings();
    // "springfield" is in the right text (any case): sure-false.
    // "Spring" is only part of a word there, "14" is shorter than three
    // characters: neither is.
    f.omitted = vec!["springfield".into(), "Spring".into(), "14".into()];
    let s = score(&gold(), &f, &left_text(&f), &right_text(&f));
    assert_eq!(s.sure_false, vec!["omitted \"springfield\"".to_string()]);
    assert_eq!(s.facts_reported, 3);
}

#[test]
fn whole_words_need_no_word_character_on_either_side() {
    assert!(occurs_as_whole_words("Gulf", "the Persian gulf."));
    assert!(occurs_as_whole_words(
        "\"We act\"",
        "he said \"we act\" then"
    ));
    assert!(!occurs_as_whole_words("Gulf", "Gulfport"));
    assert!(!occurs_as_whole_words("port", "Gulfport"));
    assert!(!occurs_as_whole_words("Île", "l'île_x"));
    assert!(occurs_as_whole_words("île", "à L'ÎLE."));
    assert!(!occurs_as_whole_words("", "anything"));
    assert!(!occurs_as_whole_words("longer", "long"));
}

#[test]
fn a_dropped_credit_is_found_on_its_side_and_other_kinds_on_the_pair() {
    let mut f = findings();
    let g = Gold {
        attribution_changes: vec![
            GoldAttribution {
                left: Some("Police said 14".into()),
                right: Some("Fourteen people".into()),
                kind: "attribution_dropped".into(),
            },
            GoldAttribution {
                left: Some("The mayor visited".into()),
                right: Some("The mayor came".into()),
                kind: "cue_changed".into(),
            },
        ],
        ..gold()
    };
    // A speaker change on the left sentence only stands for the dropped
    // credit; a cue change on another pair does not find the second.
    f.attribution = vec![
        (AttributionChangeKind::SpeakerChanged, Some(0), None),
        (AttributionChangeKind::CueChanged, Some(2), Some(1)),
    ];
    let s = score(&g, &f, &left_text(&f), &right_text(&f));
    assert_eq!((s.attribution_found, s.attribution_gold), (1, 2));
    // Precision: the second change's right sentence carries a gold change.
    assert_eq!((s.attribution_on_gold, s.attribution_reported), (2, 2));
    assert!(s.attribution_off_gold.is_empty());
    f.attribution = vec![(AttributionChangeKind::QuoteAltered, Some(1), Some(1))];
    let s = score(&g, &f, &left_text(&f), &right_text(&f));
    assert_eq!(s.attribution_found, 1);
    // Off the gold: a change on sentences with no gold change is listed.
    f.attribution = vec![(AttributionChangeKind::CueChanged, Some(2), None)];
    let s = score(&g, &f, &left_text(&f), &right_text(&f));
    assert_eq!(s.attribution_on_gold, 0);
    assert_eq!(
        s.attribution_off_gold,
        vec!["cue_changed: Officials counted 300 homes damaged. ‖ -".to_string()]
    );
}

#[test]
fn a_changed_number_counts_on_its_gold_pair_only() {
    let mut f = findings();
    let g = Gold {
        changed_numbers: vec![("Police said 14".into(), "Fourteen people".into())],
        ..gold()
    };
    f.changed = vec![(FactKind::Number, 0, 0), (FactKind::Number, 1, 1)];
    let s = score(&g, &f, &left_text(&f), &right_text(&f));
    assert_eq!((s.numbers_found, s.numbers_gold), (1, 1));
    assert_eq!((s.numbers_on_gold, s.numbers_reported), (1, 2));
}
