//! The heaviest order-preserving chain of candidate pairs.
//!
//! A chain takes pairs whose left and right positions both strictly
//! increase; its weight is the sum of their similarities. This is the sparse
//! form of the classic alignment dynamic programme (Needleman–Wunsch with
//! free gaps), solved in O(k log m) for k candidates with a Fenwick tree of
//! prefix maxima instead of an n×m table.

/// A scored candidate pair, by positions into each side's alignable list.
///
/// The positions are held in 32 bits: a long text that repeats itself
/// keeps twelve candidates a sentence, and 16 bytes a candidate instead of
/// 24 is a third of alignment's peak there. A side has far fewer than 2^32
/// sentences at any input size the program accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Candidate {
    left: u32,
    right: u32,
    /// Similarity in [0, 1].
    pub similarity: f64,
}

impl Candidate {
    /// The pair (`left`, `right`) at `similarity`.
    pub(super) fn new(left: usize, right: usize, similarity: f64) -> Candidate {
        debug_assert!(u32::try_from(left.max(right)).is_ok());
        Candidate {
            left: left as u32,
            right: right as u32,
            similarity,
        }
    }

    /// Left position.
    pub(super) fn left(&self) -> usize {
        self.left as usize
    }

    /// Right position.
    pub(super) fn right(&self) -> usize {
        self.right as usize
    }
}

/// Returns the chain, in increasing order. Ties go to the earlier candidate.
pub(super) fn heaviest_chain(candidates: &[Candidate]) -> Vec<Candidate> {
    // Candidates are numbered in 32 bits: the working arrays are then 16
    // bytes a candidate instead of 32, and a run has at most twelve a
    // sentence (far below 2^32 at the input size limit). Beyond that the
    // rest is left out rather than overflowing.
    let candidates = &candidates[..candidates.len().min(NONE as usize)];
    let Some(max_right) = candidates.iter().map(Candidate::right).max() else {
        return Vec::new();
    };
    let mut order: Vec<u32> = (0..candidates.len() as u32).collect();
    // Within one left position, visit right positions downwards so that two
    // candidates of the same left sentence can never chain.
    // Pairs are distinct, so the unstable sort gives the one order.
    order.sort_unstable_by_key(|&i| {
        let c = &candidates[i as usize];
        (c.left, std::cmp::Reverse(c.right))
    });
    let mut tree = PrefixMax::new(max_right + 1);
    let mut best = vec![0.0; candidates.len()];
    let mut back: Vec<u32> = vec![NONE; candidates.len()];
    for &i in &order {
        let c = candidates[i as usize];
        let (before, from) = tree.query(c.right());
        best[i as usize] = before + c.similarity;
        back[i as usize] = from;
        tree.update(c.right(), best[i as usize], i);
    }
    drop(order);
    let mut at = (0..candidates.len()).max_by(|&x, &y| best[x].total_cmp(&best[y]).then(y.cmp(&x)));
    let mut chain = Vec::new();
    while let Some(i) = at {
        chain.push(candidates[i]);
        at = (back[i] != NONE).then_some(back[i] as usize);
    }
    chain.reverse();
    chain
}

/// No candidate: the end of a chain.
const NONE: u32 = u32::MAX;

/// Fenwick tree answering "best chain weight ending strictly before r".
struct PrefixMax {
    /// Best weight and the candidate (or [`NONE`]) it ends on.
    nodes: Vec<(f64, u32)>,
}

impl PrefixMax {
    fn new(size: usize) -> PrefixMax {
        PrefixMax {
            nodes: vec![(0.0, NONE); size + 1],
        }
    }

    /// Maximum over positions `< right`.
    fn query(&self, right: usize) -> (f64, u32) {
        let mut best = (0.0, NONE);
        let mut i = right;
        while i > 0 {
            if self.nodes[i].0 > best.0 {
                best = self.nodes[i];
            }
            i &= i - 1;
        }
        best
    }

    fn update(&mut self, right: usize, value: f64, from: u32) {
        let mut i = right + 1;
        while i < self.nodes.len() {
            if value > self.nodes[i].0 {
                self.nodes[i] = (value, from);
            }
            i += i & i.wrapping_neg();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(left: usize, right: usize, similarity: f64) -> Candidate {
        Candidate::new(left, right, similarity)
    }

    fn positions(chain: &[Candidate]) -> Vec<(usize, usize)> {
        chain.iter().map(|c| (c.left(), c.right())).collect()
    }

    #[test]
    fn keeps_order_and_prefers_weight() {
        // (1,0) crosses (0,1); together (0,1)+(2,2) outweigh (1,0)+(2,2).
        let chain = heaviest_chain(&[c(0, 1, 0.9), c(1, 0, 0.5), c(2, 2, 0.8)]);
        assert_eq!(positions(&chain), vec![(0, 1), (2, 2)]);
    }

    #[test]
    fn one_left_sentence_is_used_once() {
        let chain = heaviest_chain(&[c(0, 0, 0.6), c(0, 1, 0.7)]);
        assert_eq!(positions(&chain), vec![(0, 1)]);
    }

    #[test]
    fn many_weak_pairs_can_beat_one_strong_crossing_pair() {
        let chain = heaviest_chain(&[c(0, 3, 0.9), c(1, 0, 0.4), c(2, 1, 0.4), c(3, 2, 0.4)]);
        assert_eq!(positions(&chain), vec![(1, 0), (2, 1), (3, 2)]);
    }

    #[test]
    fn empty_input_gives_empty_chain() {
        assert!(heaviest_chain(&[]).is_empty());
    }
}
