//! A short sentence that a much longer one carries almost whole: the editor
//! cut the long one down ("He also discounted rumors he was Deep Throat."
//! for "LaRue discounted rumors that he was Deep Throat, saying the
//! mysterious source ... was ...").
//!
//! The Dice overlap of the similarity counts everything the long sentence
//! adds against the pair, so a cut scores far below the threshold though
//! every word of the short sentence is in the long one. What the short
//! sentence is compared with is only the part of the long one that carries
//! it: its overlap is the share of the SHORTER sentence's weight (and
//! trigrams) that the longer one has.
//!
//! A containment is weaker evidence than a similarity: a short sentence is
//! also carried by a side clause of a sentence about something else. So it
//! never competes with the similar pairs. It is a second pass that pairs
//! two sentences both left unaligned, in the story order of the pairs
//! around them, when the short one has several content words and nearly
//! all of its weight is in the long one.

use super::chain::Candidate;
use super::similarity::{shared_positions, Features, Prepared, TrigramBits};
use super::Group;
use std::collections::BTreeMap;

/// The short sentence weighs at most this share of the long one: between
/// sentences of like length the Dice overlap already says it all.
const CUT_RATIO: f64 = 0.5;

/// At least this share of the short sentence's token weight must be in the
/// long one.
const CONTAINED_SHARE: f64 = 0.8;

/// The short sentence must share at least this many content tokens: one
/// or two words ("He died.") are in many sentences by chance.
const MIN_SHARED_TOKENS: usize = 3;

/// Share of the trigram overlap in the containment score, as in the
/// similarity (`similarity::TRIGRAM_SHARE`).
const TRIGRAM_SHARE: f64 = 0.25;

/// The containment score of a pair whose similarity fell below the
/// threshold: `Some` when one sentence is a cut of the other (see the
/// module comment), with the overlap of the short one in the long one.
/// `a` is prepared as for the similarity (weights by position, trigrams
/// marked in `a_trigrams`); `b_total` is `b`'s summed token weight.
pub(super) fn containment(
    a: &Prepared,
    a_trigrams: &TrigramBits,
    b: &Features,
    b_total: f64,
) -> Option<f64> {
    let (short, long) = if a.total <= b_total {
        (a.total, b_total)
    } else {
        (b_total, a.total)
    };
    if short <= 0.0 || short > CUT_RATIO * long {
        return None;
    }
    let (mut shared, mut count) = (0.0, 0usize);
    shared_positions(&a.features.tokens, &b.tokens, |i, _| {
        shared += a.weights[i];
        count += 1;
    });
    let share = shared / short;
    if count < MIN_SHARED_TOKENS || share < CONTAINED_SHARE {
        return None;
    }
    let fewer = a.features.trigrams.len().min(b.trigrams.len());
    let trigram_share = if fewer == 0 {
        0.0
    } else {
        a_trigrams.count_in(&b.trigrams) as f64 / fewer as f64
    };
    Some(((1.0 - TRIGRAM_SHARE) * share + TRIGRAM_SHARE * trigram_share).clamp(0.0, 1.0))
}

/// A pair below the similarity threshold whose short sentence the long one
/// carries.
#[derive(Debug, Clone, Copy)]
pub(super) struct Cut {
    /// The pair, with its similarity: what the pair reports, so that a
    /// heavy cut still reads as a low similarity.
    pub candidate: Candidate,
    /// The short sentence's overlap in the long one ([`containment`]).
    pub containment: f64,
}

/// Adds the containment pairs (`cuts`) whose sentences are both still
/// unaligned and that fit the story order of the in-order groups around
/// them, most contained first. `sides` are the two sides' sentence counts.
pub(super) fn add_cuts(groups: &mut Vec<Group>, mut cuts: Vec<Cut>, sides: [usize; 2]) {
    if cuts.is_empty() {
        return;
    }
    let (mut left_used, mut right_used) = (vec![false; sides[0]], vec![false; sides[1]]);
    // In-order groups by first left position: (last left, first right,
    // last right).
    let mut order: BTreeMap<usize, (usize, usize, usize)> = BTreeMap::new();
    for g in groups.iter() {
        g.left.iter().for_each(|&a| left_used[a] = true);
        g.right.iter().for_each(|&b| right_used[b] = true);
        if g.moved.is_none() {
            order.insert(
                g.left[0],
                (
                    g.left[g.left.len() - 1],
                    g.right[0],
                    g.right[g.right.len() - 1],
                ),
            );
        }
    }
    // Pairs are distinct, so the unstable sort gives the one order.
    cuts.sort_unstable_by(|x, y| {
        let (a, b) = (&x.candidate, &y.candidate);
        y.containment
            .total_cmp(&x.containment)
            .then((a.left(), a.right()).cmp(&(b.left(), b.right())))
    });
    for Cut { candidate: c, .. } in cuts {
        if left_used[c.left()] || right_used[c.right()] {
            continue;
        }
        let after_previous =
            order
                .range(..c.left())
                .next_back()
                .is_none_or(|(_, &(last_left, _, last_right))| {
                    last_left < c.left() && last_right < c.right()
                });
        let before_next = order
            .range(c.left() + 1..)
            .next()
            .is_none_or(|(_, &(_, first_right, _))| c.right() < first_right);
        if !(after_previous && before_next) {
            continue;
        }
        left_used[c.left()] = true;
        right_used[c.right()] = true;
        order.insert(c.left(), (c.left(), c.right(), c.right()));
        groups.push(Group {
            left: vec![c.left()],
            right: vec![c.right()],
            similarity: c.similarity,
            moved: None,
        });
    }
}
