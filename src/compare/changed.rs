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
/// wording, paired with a comparable one (a length with a length, a count
/// of people with a count of people, a weekday with a weekday): numbers
/// nearest in size first, so that "fell 6.11 to 1003.27, having shed
/// 19.67" / "fell 4.39 to 998.88" pairs 1003.27 with 998.88, not with
/// 4.39; dates, and numbers as near, in reading order. Each change comes
/// with the keys of its two facts (none for a polarity change), so that
/// they are not also reported as omitted and added.
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
                    .filter(|f| {
                        f.kind() == kind && !f.converts && !other.iter().any(|o| same(f, o))
                    })
                    .map(|&f| f.clone())
                    .collect()
            };
            let (left_only, right_only) = (only(&l, &r), only(&r, &l));
            for (i, k) in pair_nearest(&left_only, &right_only) {
                let (lf, rf) = (left_only[i].clone(), right_only[k].clone());
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

/// The comparable pairs of `left` and `right` facts, each fact in one pair
/// at most, in the left's reading order. The pairing chosen has as many
/// pairs as can be; then the fewest pairs a hundredfold or more apart in
/// size ([`FAR_APART`]: "seven million" is no change of "54,416" when
/// "seven" is there for it, though "$5bn" / "$5mn", alone, is one); then
/// the least total gap in size ([`size_gap`]); then reading order. Found
/// exactly for the few facts a sentence has; past [`EXACT_PAIRING`] facts
/// a side, greedily, the nearest pairs first.
fn pair_nearest(left: &[Found<'_>], right: &[Found<'_>]) -> Vec<(usize, usize)> {
    let gaps: Vec<Vec<Option<f64>>> = left
        .iter()
        .map(|l| {
            right
                .iter()
                .map(|r| comparable(l, r).then(|| size_gap(l, r)))
                .collect()
        })
        .collect();
    if left.len() <= EXACT_PAIRING && right.len() <= EXACT_PAIRING {
        let mut search = Search {
            gaps: &gaps,
            used: vec![false; right.len()],
            current: Vec::new(),
            best: (Vec::new(), Cost::default()),
        };
        search.from(0, Cost::default());
        return search.best.0;
    }
    let mut candidates: Vec<(f64, usize, usize)> = Vec::new();
    for (i, row) in gaps.iter().enumerate() {
        for (k, gap) in row.iter().enumerate() {
            if let Some(g) = gap {
                candidates.push((*g, i, k));
            }
        }
    }
    candidates.sort_by(|a, b| a.0.total_cmp(&b.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let (mut left_used, mut right_used) = (vec![false; left.len()], vec![false; right.len()]);
    let mut pairs = Vec::new();
    for (_, i, k) in candidates {
        if !left_used[i] && !right_used[k] {
            (left_used[i], right_used[k]) = (true, true);
            pairs.push((i, k));
        }
    }
    pairs.sort_unstable();
    pairs
}

/// Two numbers this many orders of magnitude apart (a hundredfold) are
/// unlikely to be one quantity changed.
const FAR_APART: f64 = 2.0;

/// Most facts of one kind a side of a pair has for [`pair_nearest`] to
/// try every pairing: 209 pairings at four a side (13,327 at six, too many
/// for a long table of figures); a sentence seldom has three.
const EXACT_PAIRING: usize = 4;

/// What a pairing of [`pair_nearest`] costs, lower first: its pairs at
/// least [`FAR_APART`], then its total gap in size.
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd)]
struct Cost {
    far: usize,
    gap: f64,
}

impl Cost {
    fn with(self, gap: f64) -> Cost {
        Cost {
            far: self.far + usize::from(gap >= FAR_APART),
            gap: self.gap + gap,
        }
    }
}

/// The exhaustive search of [`pair_nearest`].
struct Search<'g> {
    /// The gap in size of each comparable (left, right) pair.
    gaps: &'g [Vec<Option<f64>>],
    used: Vec<bool>,
    current: Vec<(usize, usize)>,
    best: (Vec<(usize, usize)>, Cost),
}

impl Search<'_> {
    /// Tries every pairing of the left facts from `i` on: each takes an
    /// unused comparable right fact, or none. Right facts are tried in
    /// reading order and a tie keeps the first found, so reading order
    /// breaks ties.
    fn from(&mut self, i: usize, cost: Cost) {
        let Some(row) = self.gaps.get(i) else {
            let (pairs, best) = (self.current.len(), self.best.0.len());
            if pairs > best || (pairs == best && cost < self.best.1) {
                self.best = (self.current.clone(), cost);
            }
            return;
        };
        for (k, gap) in row.iter().enumerate() {
            let Some(gap) = *gap else {
                continue;
            };
            if self.used[k] {
                continue;
            }
            self.used[k] = true;
            self.current.push((i, k));
            self.from(i + 1, cost.with(gap));
            self.current.pop();
            self.used[k] = false;
        }
        self.from(i + 1, cost);
    }
}

/// How far apart two numbers are in size: the distance of their ratio
/// from 1, in orders of magnitude, compared in one unit. Dates, zero and
/// numbers of opposite sign are all as near as each other.
fn size_gap(a: &Found<'_>, b: &Found<'_>) -> f64 {
    if !matches!((&a.key, &b.key), (FactKey::Number(_), FactKey::Number(_))) {
        return 0.0;
    }
    let (x, y) = (Quantity::of(a).magnitude(), Quantity::of(b).magnitude());
    if x * y <= 0.0 {
        return 0.0;
    }
    (x / y).log10().abs()
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
        // The day a source spoke is no changed form of the day of the event
        // ("ambushed the convoy Saturday" / "said Sunday, a day after").
        (FactKey::Date(x), FactKey::Date(y)) => {
            a.reporting == b.reporting && dates_comparable(x, y)
        }
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
