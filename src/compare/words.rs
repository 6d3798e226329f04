//! The word diff of one aligned group.

use crate::model::report::{DiffOp, DiffTag};
use crate::model::Document;
use crate::text::normalize::{self, Key};
use crate::text::segment::word_bounds;
use rustc_hash::FxHashMap;
use similar::{capture_diff_slices, Algorithm, ChangeTag};

/// The word diff of an aligned group: the sentences `left_group` of
/// `left` against `right_group` of `right`, each side's sentences joined
/// by a space. The same diff as [`word_diff`] of the joined texts, read
/// off the tokens extract made when every sentence reads as written (the
/// tokens then index its text), so the text is not split into words again;
/// a sentence whose markup was removed falls back to [`word_diff`].
pub(super) fn group_diff(
    left: &Document,
    left_group: &[usize],
    right: &Document,
    right_group: &[usize],
) -> Vec<DiffOp> {
    let (l, r) = (texts(left, left_group), texts(right, right_group));
    // Copies are common (a third of the pairs of a rewritten article): one
    // equal run, without looking at a token.
    if l == r {
        return equal_run(l.join(" "));
    }
    match (pieces(left, left_group), pieces(right, right_group)) {
        (Some(lp), Some(rp)) => diff_pieces(&lp, &rp),
        _ => word_diff(&l.join(" "), &r.join(" ")),
    }
}

/// The reader texts of a group's sentences, which [`group_diff`] joins
/// by a space (an index past the end has none).
fn texts<'d>(doc: &'d Document, group: &[usize]) -> Vec<&'d str> {
    group
        .iter()
        .filter_map(|&i| doc.sentences.get(i).map(|s| s.text.as_str()))
        .collect()
}

/// The pieces of a group's joined text that the diff compares, in order:
/// each token, and each run of text between tokens (spaces, dropped
/// markup), keyed so that equal texts have equal keys. `None` when a
/// sentence's tokens do not index its reader text.
fn pieces<'d>(doc: &'d Document, group: &[usize]) -> Option<Vec<(Key, &'d str)>> {
    const JOIN: &str = " ";
    let mut out = Vec::new();
    for (k, &i) in group.iter().enumerate() {
        let sentence = doc.sentences.get(i)?;
        if !sentence.reads_as_written(&doc.text) {
            return None;
        }
        let text = sentence.text.as_str();
        if k > 0 {
            out.push((normalize::key(JOIN), JOIN));
        }
        let mut at = 0;
        for &token in doc.tokens_of(i) {
            let (start, end) = (token.start(), token.end(&doc.vocabulary));
            let (Some(gap), Some(piece)) = (text.get(at..start), text.get(start..end)) else {
                return None;
            };
            push_gap(&mut out, gap);
            let key = match token.word_id() {
                Some(id) => doc.vocabulary.word(id).written_key,
                None => normalize::key(piece),
            };
            out.push((key, piece));
            at = end;
        }
        push_gap(&mut out, text.get(at..)?);
    }
    Some(out)
}

/// The text between two tokens, cut as [`word_diff`] would cut it: one
/// piece for the usual space, else its UAX#29 words (a terminal escape or
/// a dropped `*` is a piece of its own, apart from the spaces around it).
fn push_gap<'d>(out: &mut Vec<(Key, &'d str)>, gap: &'d str) {
    if gap.bytes().all(|b| b == b' ') {
        if !gap.is_empty() {
            out.push((normalize::key(gap), gap));
        }
        return;
    }
    out.extend(word_bounds(gap).map(|(_, piece)| (normalize::key(piece), piece)));
}

/// The diff of two piece lists, as runs.
fn diff_pieces(left: &[(Key, &str)], right: &[(Key, &str)]) -> Vec<DiffOp> {
    let left_keys: Vec<Key> = left.iter().map(|p| p.0).collect();
    let right_keys: Vec<Key> = right.iter().map(|p| p.0).collect();
    let mut runs: Vec<DiffOp> = Vec::new();
    for diff_op in capture_diff_slices(Algorithm::Patience, &left_keys, &right_keys) {
        for change in diff_op.iter_changes(&left_keys, &right_keys) {
            let piece = match change.tag() {
                ChangeTag::Insert => change.new_index().map(|at| (DiffTag::Insert, right[at].1)),
                tag => change.old_index().map(|at| {
                    let op = if tag == ChangeTag::Equal {
                        DiffTag::Equal
                    } else {
                        DiffTag::Delete
                    };
                    (op, left[at].1)
                }),
            };
            if let Some((op, text)) = piece {
                push(&mut runs, op, text);
            }
        }
    }
    bridge_spaces(runs)
}

/// A deterministic word-level diff (UAX#29 words, Patience algorithm, no
/// deadline), with adjacent changes of one kind joined into runs.
pub(crate) fn word_diff<'a>(left: &'a str, right: &'a str) -> Vec<DiffOp> {
    // Copies are common (a third of the pairs of a rewritten article): the
    // diff of equal texts is one equal run, without tokenizing.
    if left == right {
        return equal_run(left.to_string());
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

/// The diff of a text with itself: one equal run (none for no text).
fn equal_run(text: String) -> Vec<DiffOp> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![DiffOp {
            op: DiffTag::Equal,
            text,
        }]
    }
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

    fn joined(doc: &Document, group: &[usize]) -> String {
        texts(doc, group).join(" ")
    }

    fn ops(left: &str, right: &str) -> Vec<(DiffTag, String)> {
        word_diff(left, right)
            .into_iter()
            .map(|d| (d.op, d.text))
            .collect()
    }

    #[test]
    fn a_group_diff_reads_tokens_and_agrees_with_the_text_diff() {
        let left = crate::analyse("l", "Putin said it. The talks, on Tuesday, failed.\n");
        let right = crate::analyse("r", "Putin confirmed it. The talks on Tuesday failed!\n");
        let (l, r) = ([0, 1], [0, 1]);
        assert!(pieces(&left, &l).is_some() && pieces(&right, &r).is_some());
        let by_text = word_diff(&joined(&left, &l), &joined(&right, &r));
        assert_eq!(group_diff(&left, &l, &right, &r), by_text);
        assert!(by_text
            .iter()
            .any(|d| d.op == DiffTag::Insert && d.text == "confirmed"));
        // One sentence against two, and each alone.
        assert_eq!(
            group_diff(&left, &[1], &right, &r),
            word_diff(&joined(&left, &[1]), &joined(&right, &r))
        );
    }

    fn whole(doc: &Document) -> Vec<usize> {
        (0..doc.sentences.len()).collect()
    }

    fn rebuilt(diff: &[DiffOp], without: DiffTag) -> String {
        diff.iter()
            .filter(|d| d.op != without)
            .map(|d| d.text.as_str())
            .collect()
    }

    proptest::proptest! {
        /// On plain prose the token diff is the text diff, run for run.
        #[test]
        fn the_token_diff_is_the_text_diff_on_prose(
            l in "[A-Z][a-z]{1,6}( [a-z0-9]{1,6}[,;]?){0,8}[.!?]( [A-Z][a-z]{1,5}( [a-z]{1,5}){0,5}[.?]){0,2}",
            r in "[A-Z][a-z]{1,6}( [a-z0-9]{1,6}[,;]?){0,8}[.!?]( [A-Z][a-z]{1,5}( [a-z]{1,5}){0,5}[.?]){0,2}",
        ) {
            let (left, right) = (crate::analyse("l", &l), crate::analyse("r", &r));
            let (lg, rg) = (whole(&left), whole(&right));
            let diff = group_diff(&left, &lg, &right, &rg);
            proptest::prop_assert_eq!(&diff, &word_diff(&joined(&left, &lg), &joined(&right, &rg)));
        }

        /// On any text, the runs rebuild both sides' reader texts.
        #[test]
        fn the_group_diff_rebuilds_both_texts(
            l in "[a-zA-Z0-9 _*.,!\u{1b}\\[\\]'’“”é-]{0,60}",
            r in "[a-zA-Z0-9 _*.,!\u{1b}\\[\\]'’“”é-]{0,60}",
        ) {
            let (left, right) = (crate::analyse("l", &l), crate::analyse("r", &r));
            let (lg, rg) = (whole(&left), whole(&right));
            let diff = group_diff(&left, &lg, &right, &rg);
            proptest::prop_assert_eq!(rebuilt(&diff, DiffTag::Insert), joined(&left, &lg));
            proptest::prop_assert_eq!(rebuilt(&diff, DiffTag::Delete), joined(&right, &rg));
        }
    }

    #[test]
    fn a_sentence_without_its_markup_is_diffed_by_its_text() {
        let left = crate::analyse("l", "**Putin** said it was over.\n");
        let right = crate::analyse("r", "Putin confirmed it was over.\n");
        assert!(
            pieces(&left, &[0]).is_none(),
            "the reader text is not the input"
        );
        let diff = group_diff(&left, &[0], &right, &[0]);
        assert_eq!(
            diff,
            word_diff("Putin said it was over.", "Putin confirmed it was over.")
        );
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
