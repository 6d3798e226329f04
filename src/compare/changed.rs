//! Facts that changed value between aligned sentences: numbers, dates, and
//! polarity (see [`polarity`](super::polarity)).

use super::facts::{DocFacts, Found};
use super::polarity;
use crate::align::Alignment;
use crate::model::Document;
use crate::normalize;
use crate::report::{FactChange, FactKind};
use std::borrow::Cow;

/// Numbers and dates whose value differs inside an aligned group: each side's
/// values the other side of the group lacks, paired in reading order.
pub(super) fn changed_facts<'a>(
    left: &Document,
    right: &Document,
    alignment: &Alignment,
    left_facts: &DocFacts<'a>,
    right_facts: &DocFacts<'a>,
) -> Vec<(FactChange, Cow<'a, str>, Cow<'a, str>)> {
    let mut out = Vec::new();
    let mut memo = normalize::WordMemo::default();
    for pair in &alignment.pairs {
        let l = left_facts.of_group(&pair.left);
        let r = right_facts.of_group(&pair.right);
        for kind in [FactKind::Number, FactKind::Date] {
            let only = |from: &[&Found<'a>], other: &[&Found<'a>]| -> Vec<Found<'a>> {
                from.iter()
                    .filter(|f| {
                        f.kind == kind && !other.iter().any(|o| o.kind == kind && o.key == f.key)
                    })
                    .map(|&f| f.clone())
                    .collect()
            };
            for (lf, rf) in only(&l, &r).into_iter().zip(only(&r, &l)) {
                out.push((
                    FactChange {
                        kind,
                        left_text: lf.text.to_string(),
                        right_text: rf.text.to_string(),
                        left: lf.sentence,
                        right: rf.sentence,
                    },
                    lf.key,
                    rf.key,
                ));
            }
        }
        // Word for word the same: nothing to negate or reverse.
        if same_text(left, &pair.left, right, &pair.right) {
            continue;
        }
        // One polarity change a pair at most: a denial that also swaps a
        // word for its antonym is one reversal, not two.
        let (lw, rw) = (
            polarity::GroupWords::of(&mut memo, left, &pair.left),
            polarity::GroupWords::of(&mut memo, right, &pair.right),
        );
        if let Some(change) = polarity::negation_change(&lw, &pair.left, &rw, &pair.right)
            .or_else(|| polarity::antonym_change(&lw, &rw))
        {
            out.push((change, Cow::Borrowed(""), Cow::Borrowed("")));
        }
    }
    out
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
