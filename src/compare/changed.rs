//! Facts that changed value between aligned sentences: numbers, dates, and
//! polarity (see [`polarity`](super::polarity)).

use super::facts::{DocFacts, FactKey, Found};
use super::polarity;
use super::values::{dates_agree, dates_comparable, Quantity};
use crate::align::Alignment;
use crate::model::report::{DiffOp, FactChange, FactKind};
use crate::model::Document;

/// Numbers and dates whose value differs inside an aligned group: each
/// side's values that no value of the other side of the group says in any
/// wording, paired in reading order with the first comparable one (a
/// length with a length, a count of people with a count of people, a
/// weekday with a weekday). Each change comes with the keys of its two
/// facts (none for a polarity change), so that they are not also reported
/// as omitted and added.
pub(super) fn changed_facts<'a>(
    left: &Document,
    right: &Document,
    alignment: &Alignment,
    diffs: &[Vec<DiffOp>],
    left_facts: &DocFacts<'a>,
    right_facts: &DocFacts<'a>,
) -> Vec<(FactChange, Option<(FactKey<'a>, FactKey<'a>)>)> {
    let mut out = Vec::new();
    for (pair, diff) in alignment.pairs.iter().zip(diffs) {
        let l = left_facts.of_group(&pair.left);
        let r = right_facts.of_group(&pair.right);
        for kind in [FactKind::Number, FactKind::Date] {
            let only = |from: &[&Found<'a>], other: &[&Found<'a>]| -> Vec<Found<'a>> {
                from.iter()
                    .filter(|f| f.kind() == kind && !other.iter().any(|o| same(f, o)))
                    .map(|&f| f.clone())
                    .collect()
            };
            let (left_only, right_only) = (only(&l, &r), only(&r, &l));
            let mut used = vec![false; right_only.len()];
            for lf in left_only {
                let Some(k) =
                    (0..right_only.len()).find(|&k| !used[k] && comparable(&lf, &right_only[k]))
                else {
                    continue;
                };
                used[k] = true;
                let rf = right_only[k].clone();
                out.push((
                    FactChange {
                        kind,
                        left_text: lf.text.to_string(),
                        right_text: rf.text.to_string(),
                        left: lf.sentence,
                        right: rf.sentence,
                    },
                    Some((lf.key, rf.key)),
                ));
            }
        }
        // Word for word the same: nothing to negate or reverse.
        if same_text(left, &pair.left, right, &pair.right) {
            continue;
        }
        // One polarity change a pair at most: a denial that also swaps a
        // word for its antonym is one reversal, not two.
        let (left_text, left_starts) = joined(left, &pair.left);
        let (right_text, right_starts) = joined(right, &pair.right);
        if let Some(change) = polarity::polarity_change(
            [&left.vocabulary, &right.vocabulary],
            diff,
            (&left_text, &pair.left, &left_starts),
            (&right_text, &pair.right, &right_starts),
        ) {
            out.push((change, None));
        }
    }
    out
}

/// Two facts say the same value: the same kind of fact, and the same
/// amount or date however written.
fn same(a: &Found<'_>, b: &Found<'_>) -> bool {
    match (&a.key, &b.key) {
        (FactKey::Number(_), FactKey::Number(_)) => {
            a.key == b.key || Quantity::of(a).same(&Quantity::of(b))
        }
        (FactKey::Date(x), FactKey::Date(y)) => dates_agree(x, y),
        _ => a.key == b.key,
    }
}

/// Two differing facts are worth reporting as one changed into the other.
fn comparable(a: &Found<'_>, b: &Found<'_>) -> bool {
    match (&a.key, &b.key) {
        (FactKey::Number(_), FactKey::Number(_)) => Quantity::of(a).comparable(&Quantity::of(b)),
        (FactKey::Date(x), FactKey::Date(y)) => dates_comparable(x, y),
        _ => a.kind() == b.kind(),
    }
}

/// The group's sentences joined by spaces (as in its word diff), and where
/// each starts.
fn joined(doc: &Document, group: &[usize]) -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut starts = Vec::with_capacity(group.len());
    for &i in group {
        if !text.is_empty() {
            text.push(' ');
        }
        starts.push(text.len());
        text.push_str(&doc.sentences[i].text);
    }
    (text, starts)
}

/// True when the two groups are the same sentences, character for character.
fn same_text(
    left: &Document,
    left_group: &[usize],
    right: &Document,
    right_group: &[usize],
) -> bool {
    left_group.len() == right_group.len()
        && left_group
            .iter()
            .zip(right_group)
            .all(|(&i, &j)| left.sentences[i].text == right.sentences[j].text)
}
