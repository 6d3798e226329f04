//! The word diff of one aligned group.

use crate::report::{DiffOp, DiffTag};
use similar::{Algorithm, ChangeTag, TextDiff};

/// A deterministic word-level diff (UAX#29 words, Patience algorithm, no
/// deadline), with adjacent changes of one kind joined into runs.
pub fn word_diff(left: &str, right: &str) -> Vec<DiffOp> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Patience)
        .diff_unicode_words(left, right);
    let mut runs: Vec<DiffOp> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffTag::Equal,
            ChangeTag::Delete => DiffTag::Delete,
            ChangeTag::Insert => DiffTag::Insert,
        };
        match runs.last_mut() {
            Some(last) if last.op == op => last.text.push_str(change.value()),
            _ => runs.push(DiffOp {
                op,
                text: change.value().to_string(),
            }),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(left: &str, right: &str) -> Vec<(DiffTag, String)> {
        word_diff(left, right)
            .into_iter()
            .map(|d| (d.op, d.text))
            .collect()
    }

    #[test]
    fn changed_verb_is_one_delete_and_one_insert() {
        assert_eq!(
            ops("Putin said it.", "Putin confirmed it."),
            vec![
                (DiffTag::Equal, "Putin ".to_string()),
                (DiffTag::Delete, "said".to_string()),
                (DiffTag::Insert, "confirmed".to_string()),
                (DiffTag::Equal, " it.".to_string()),
            ]
        );
    }

    #[test]
    fn runs_rebuild_both_texts() {
        let (l, r) = (
            "A day later, the Taliban will talk.",
            "The next day, the Taliban will discuss.",
        );
        let diff = word_diff(l, r);
        let left: String = diff
            .iter()
            .filter(|d| d.op != DiffTag::Insert)
            .map(|d| d.text.as_str())
            .collect();
        let right: String = diff
            .iter()
            .filter(|d| d.op != DiffTag::Delete)
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!((left.as_str(), right.as_str()), (l, r));
    }
}
