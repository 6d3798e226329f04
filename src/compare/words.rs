//! The word diff of one aligned group.

use crate::model::report::{DiffOp, DiffTag};
use crate::text::segment::word_bounds;
use rustc_hash::FxHashMap;
use similar::{capture_diff_slices, Algorithm, ChangeTag};

/// A deterministic word-level diff (UAX#29 words, Patience algorithm, no
/// deadline), with adjacent changes of one kind joined into runs.
pub fn word_diff<'a>(left: &'a str, right: &'a str) -> Vec<DiffOp> {
    // Copies are common (a third of the pairs of a rewritten article): the
    // diff of equal texts is one equal run, without tokenizing.
    if left == right {
        return if left.is_empty() {
            Vec::new()
        } else {
            vec![DiffOp {
                op: DiffTag::Equal,
                text: left.to_string(),
            }]
        };
    }
    // The same UAX#29 words as `diff_unicode_words`, split by the faster
    // segmenter the other stages use.
    let words = |text| -> Vec<&str> { word_bounds(text).map(|(_, w)| w).collect() };
    let (left_words, right_words) = (words(left), words(right));
    // Diffed as numbers (equal words, equal numbers): the diff only tests
    // words for equality and hashes them to find the unique ones, and a
    // number does both in one instruction. similar does the same itself
    // from a hundred words up; the operations are the same either way.
    let mut numbers: FxHashMap<&'a str, u32> = FxHashMap::default();
    let mut number = |words: &[&'a str]| -> Vec<u32> {
        words
            .iter()
            .map(|&word| {
                let next = numbers.len() as u32;
                *numbers.entry(word).or_insert(next)
            })
            .collect()
    };
    let left_ids = number(&left_words);
    let right_ids = number(&right_words);
    let mut runs: Vec<DiffOp> = Vec::new();
    for diff_op in capture_diff_slices(Algorithm::Patience, &left_ids, &right_ids) {
        for change in diff_op.iter_changes(&left_ids, &right_ids) {
            let (op, word) = match change.tag() {
                ChangeTag::Equal => (DiffTag::Equal, change.old_index()),
                ChangeTag::Delete => (DiffTag::Delete, change.old_index()),
                ChangeTag::Insert => (DiffTag::Insert, change.new_index()),
            };
            let words = if op == DiffTag::Insert {
                &right_words
            } else {
                &left_words
            };
            push(&mut runs, op, word.map_or("", |at| words[at]));
        }
    }
    bridge_spaces(runs)
}

fn push(runs: &mut Vec<DiffOp>, op: DiffTag, text: &str) {
    match runs.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => runs.push(DiffOp {
            op,
            text: text.to_string(),
        }),
    }
}

/// Joins changes separated only by whitespace into one deletion and one
/// insertion, so "[-takeover-]{+power+} [-on-]{+in+}" reads as
/// "[-takeover on-]{+power in+}". The bridging space goes to both sides,
/// so each side's text still rebuilds exactly.
fn bridge_spaces(runs: Vec<DiffOp>) -> Vec<DiffOp> {
    let mut out: Vec<DiffOp> = Vec::with_capacity(runs.len());
    let (mut deleted, mut inserted) = (String::new(), String::new());
    for (k, run) in runs.iter().enumerate() {
        let inside_change = !deleted.is_empty() || !inserted.is_empty();
        let next_changes = runs.get(k + 1).is_some_and(|n| n.op != DiffTag::Equal);
        match run.op {
            DiffTag::Delete => deleted.push_str(&run.text),
            DiffTag::Insert => inserted.push_str(&run.text),
            DiffTag::Equal if inside_change && next_changes && run.text.trim().is_empty() => {
                deleted.push_str(&run.text);
                inserted.push_str(&run.text);
            }
            DiffTag::Equal => {
                flush(&mut out, &mut deleted, &mut inserted);
                push(&mut out, DiffTag::Equal, &run.text);
            }
        }
    }
    flush(&mut out, &mut deleted, &mut inserted);
    out
}

fn flush(out: &mut Vec<DiffOp>, deleted: &mut String, inserted: &mut String) {
    if !deleted.is_empty() {
        push(out, DiffTag::Delete, &std::mem::take(deleted));
    }
    if !inserted.is_empty() {
        push(out, DiffTag::Insert, &std::mem::take(inserted));
    }
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
    fn changes_separated_by_a_space_read_as_one() {
        assert_eq!(
            ops(
                "talks on the takeover on Tuesday.",
                "talks on the power in Afghanistan."
            ),
            vec![
                (DiffTag::Equal, "talks on the ".to_string()),
                (DiffTag::Delete, "takeover on Tuesday".to_string()),
                (DiffTag::Insert, "power in Afghanistan".to_string()),
                (DiffTag::Equal, ".".to_string()),
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
