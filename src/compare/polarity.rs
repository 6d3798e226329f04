//! Polarity changes between aligned groups: a statement turned into its
//! denial ("approved" → "not approved") or a word swapped for its opposite
//! ("rose" → "fell").

use crate::lexicon;
use crate::model::Document;
use crate::normalize;
use crate::report::{FactChange, FactKind};

/// A statement turned into its denial, or back: the aligned groups differ in
/// how many negating words they hold ("did not", "no", "never", "n't").
pub(super) fn negation_change(
    left: &GroupWords<'_>,
    left_group: &[usize],
    right: &GroupWords<'_>,
    right_group: &[usize],
) -> Option<FactChange> {
    let (l, r) = (&left.negators, &right.negators);
    (l.len() != r.len()).then(|| FactChange {
        kind: FactKind::Polarity,
        left_text: l.join(" "),
        right_text: r.join(" "),
        left: left_group[0],
        right: right_group[0],
    })
}

/// A word turned into its opposite: one side has a word whose WordNet
/// antonym (or a synonym's, see `lexicon::opposites`) the other side has in
/// its place ("rose" → "fell", "guilty" →
/// "innocent"). Both words must be missing from the other side, so a
/// sentence that names both ("won or lost") on each side is no change.
pub(super) fn antonym_change(left: &GroupWords<'_>, right: &GroupWords<'_>) -> Option<FactChange> {
    let (l, r) = (&left.content, &right.content);
    let has = |words: &[GroupWord], key: normalize::Key| words.iter().any(|w| w.key == key);
    // An antonym swap needs a word only the right has; most pairs have few.
    if r.iter().all(|w| has(l, w.key)) {
        return None;
    }
    for word in l.iter().filter(|w| !has(r, w.key)) {
        for antonym in lexicon::opposites(word.key) {
            if has(l, antonym) {
                continue;
            }
            if let Some(other) = r.iter().find(|w| w.key == antonym) {
                return Some(FactChange {
                    kind: FactKind::Polarity,
                    left_text: word.text.to_string(),
                    right_text: other.text.to_string(),
                    left: word.sentence,
                    right: other.sentence,
                });
            }
        }
    }
    None
}

/// A content word of an aligned group, with its stem key.
struct GroupWord<'a> {
    text: &'a str,
    key: normalize::Key,
    sentence: usize,
}

/// The words of an aligned group that polarity changes look at, from one
/// pass over its text.
pub(super) struct GroupWords<'a> {
    /// Content words (stopwords left out).
    content: Vec<GroupWord<'a>>,
    /// Negating words, folded, in order.
    negators: Vec<String>,
}

impl<'a> GroupWords<'a> {
    pub(super) fn of(
        memo: &mut normalize::WordMemo,
        doc: &'a Document,
        group: &[usize],
    ) -> GroupWords<'a> {
        let mut words = GroupWords {
            content: Vec::new(),
            negators: Vec::new(),
        };
        for &i in group {
            for (_, word) in normalize::words(&doc.sentences[i].text) {
                memo.with(word, |info| {
                    if is_negator(&info.folded) {
                        words.negators.push(info.folded.to_string());
                    }
                    if let Some(key) = info.key {
                        words.content.push(GroupWord {
                            text: word,
                            key,
                            sentence: i,
                        });
                    }
                });
            }
        }
        words
    }
}

/// Words that negate the clause they are in (folded).
fn is_negator(folded: &str) -> bool {
    matches!(
        folded,
        "not"
            | "no"
            | "never"
            | "none"
            | "nobody"
            | "nothing"
            | "neither"
            | "nor"
            | "cannot"
            | "without"
    ) || folded.ends_with("n't")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::FactKind;

    #[test]
    fn negators_include_contractions() {
        for w in ["not", "never", "didn't", "cannot", "no"] {
            assert!(is_negator(w), "{w}");
        }
        for w in ["note", "know", "nothingness", "now"] {
            assert!(!is_negator(w), "{w}");
        }
    }

    #[test]
    fn a_denial_of_an_aligned_statement_is_a_changed_fact() {
        let report = crate::compare_texts(
            "a",
            "The minister said the plan was approved by the cabinet on Monday.",
            "b",
            "The minister said the plan was not approved by the cabinet on Monday.",
            &crate::Options::default(),
        );
        let negations: Vec<_> = report
            .facts
            .changed
            .iter()
            .filter(|c| c.kind == FactKind::Polarity)
            .collect();
        assert_eq!(negations.len(), 1, "{:?}", report.facts.changed);
        assert_eq!(
            (
                negations[0].left_text.as_str(),
                negations[0].right_text.as_str()
            ),
            ("", "not")
        );
    }

    #[test]
    fn an_antonym_swap_in_an_aligned_statement_is_a_polarity_change() {
        let report = crate::compare_texts(
            "a",
            "Exports from the region decreased sharply in the third quarter, officials said.",
            "b",
            "Exports from the region increased sharply in the third quarter, officials said.",
            &crate::Options::default(),
        );
        let polarity: Vec<_> = report
            .facts
            .changed
            .iter()
            .filter(|c| c.kind == FactKind::Polarity)
            .collect();
        assert_eq!(polarity.len(), 1, "{:?}", report.facts.changed);
        assert_eq!(
            (
                polarity[0].left_text.as_str(),
                polarity[0].right_text.as_str()
            ),
            ("decreased", "increased")
        );
    }

    #[test]
    fn a_denial_with_an_antonym_is_one_polarity_change() {
        let report = crate::compare_texts(
            "a",
            "The court found the former mayor guilty of fraud on Tuesday.",
            "b",
            "The court did not find the former mayor innocent of fraud on Tuesday.",
            &crate::Options::default(),
        );
        let polarity = report
            .facts
            .changed
            .iter()
            .filter(|c| c.kind == FactKind::Polarity)
            .count();
        assert_eq!(polarity, 1, "{:?}", report.facts.changed);
    }
}
