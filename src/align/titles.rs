//! The two headlines as one aligned pair.
//!
//! A headline is not alignable body text (`Document::alignable`): it is a
//! handful of words, so the similarity of two headlines of one story is far
//! below the body threshold ("Sacked worker shoots ex-colleagues" against
//! "1 dead, 2 hurt in Mich. office shooting"), and letting it compete with
//! body sentences would pair it with the lead that expands it. But two
//! reports' headlines stand for each other by their role, as an editor
//! reads them: the headline pairs with the headline and with nothing else.
//! They pair when they share any content (a stem or a synonym), which keeps
//! two unrelated texts' headlines apart.

use super::similarity::{for_shared, Features};
use super::AlignedPair;
use crate::model::{BlockKind, Document};

/// The headline pair of two documents, when both have a headline and the
/// headlines share a content word.
pub(super) fn title_pair(left: &Document, right: &Document) -> Option<AlignedPair> {
    let ids = |doc: &Document| -> Vec<usize> {
        doc.sentences
            .iter()
            .filter(|s| s.kind == BlockKind::Title)
            .map(|s| s.index)
            .collect()
    };
    let (left_ids, right_ids) = (ids(left), ids(right));
    if left_ids.is_empty() || right_ids.is_empty() {
        return None;
    }
    let text = |doc: &Document, ids: &[usize]| -> String {
        ids.iter()
            .filter_map(|&i| doc.sentences.get(i))
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (a, b) = (
        Features::from_text(&text(left, &left_ids)),
        Features::from_text(&text(right, &right_ids)),
    );
    if !shares_content(&a, &b) {
        return None;
    }
    // Weighed over the two headlines alone: what the pair's diff shows.
    let idf = super::similarity::Idf::new([&a, &b]);
    Some(AlignedPair {
        left: left_ids,
        right: right_ids,
        similarity: super::similarity::similarity(&a, &b, &idf),
        moved: None,
        scorer: None,
    })
}

/// True when two texts have a stem or a synonym group in common.
fn shares_content(a: &Features, b: &Features) -> bool {
    let mut shared = false;
    for_shared(&a.tokens, &b.tokens, |_| shared = true);
    if shared {
        return true;
    }
    let groups = |f: &Features| {
        let mut g: Vec<_> = f.synonyms.iter().map(|e| e.0).collect();
        g.dedup();
        g
    };
    for_shared(&groups(a), &groups(b), |_| shared = true);
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair_of(left: &str, right: &str) -> Option<AlignedPair> {
        title_pair(&crate::analyse("l", left), &crate::analyse("r", right))
    }

    const BODY: &str = "The council met on Tuesday evening to discuss the budget.\n\n\
                        Members voted to delay the decision until spring.";

    #[test]
    fn headlines_with_a_shared_word_pair_however_low_their_similarity() {
        let pair = pair_of(
            &format!("Sacked worker shoots ex-colleagues\n\n{BODY}"),
            &format!(
                "1 dead, 2 hurt in office shooting; police say suspect had worked there\n\n{BODY}"
            ),
        )
        .expect("the headlines share 'shoot'");
        assert_eq!((pair.left, pair.right), (vec![0], vec![0]));
        assert!(pair.similarity < crate::align::DEFAULT_MIN_SIMILARITY);
        assert!(pair.moved.is_none());
    }

    #[test]
    fn headlines_that_share_nothing_stay_apart() {
        let (left, right) = (
            crate::analyse("l", &format!("Floods sweep northern valleys\n\n{BODY}")),
            crate::analyse("r", &format!("Minister resigns over tax row\n\n{BODY}")),
        );
        let has_title = |d: &Document| d.sentences.iter().any(|s| s.kind == BlockKind::Title);
        assert!(has_title(&left) && has_title(&right));
        assert!(title_pair(&left, &right).is_none());
    }

    #[test]
    fn no_pair_without_a_headline_on_both_sides() {
        assert!(pair_of(&format!("Council delays budget\n\n{BODY}"), BODY).is_none());
    }
}
