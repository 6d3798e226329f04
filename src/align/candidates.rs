//! Candidate pairs from an inverted index over stemmed tokens.
//!
//! Comparing every left sentence with every right one costs n×m similarity
//! computations; a 5 MB transcript has tens of thousands of sentences. Only
//! pairs that share a token can be similar, so the index finds them, and only
//! the best few per left sentence are scored in full.

use super::similarity::{Features, Idf, Key, Prepared, TrigramBits};
use rustc_hash::FxHashMap;

/// Right sentences a left sentence is scored against, at most.
pub(super) const PER_SENTENCE: usize = 12;

/// Tokens found in more right sentences than this seed candidates only in
/// a band around where the left sentence is expected (they count in full
/// in the similarity): they are the story's own topic words, and seeding
/// from all their sentences would make every pair a candidate.
const MAX_POSTINGS: usize = 64;

/// Right sentences either side of the expected position that a common
/// token still seeds. Without the band a sentence made only of common
/// words (a long text that repeats itself, a transcript's "Thank you.")
/// had no candidate at all, and a file compared with itself came out
/// unaligned.
const BAND: usize = 16;

/// Left sentences per parallel task; below two of these the search runs on
/// one thread.
const CHUNK: usize = 1024;

/// Chunks per thread searched before their pairs are gathered: enough to
/// even out chunks of unequal cost.
const BATCH_PER_THREAD: usize = 4;

/// The right sentences (positions) that have each token.
pub(super) struct Index(FxHashMap<Key, Vec<u32>>);

impl Index {
    /// Indexes the right side's sentences by their tokens.
    pub(super) fn of(right: &[Features]) -> Index {
        let mut postings: FxHashMap<Key, Vec<u32>> = FxHashMap::default();
        for (b, features) in (0u32..).zip(right) {
            for &token in &features.tokens {
                postings.entry(token).or_default().push(b);
            }
        }
        Index(postings)
    }
}

/// Calls `visit(left sentence, its trigrams, left position, right
/// position)` on the pairs worth scoring, in (left, right) order, and keeps
/// what it returns. A left sentence's features are built (`left`) when it
/// is searched and dropped after; visiting while the candidates are found,
/// rather than listing them all first, keeps memory flat, and long
/// documents are searched on several threads. `index` is the [`Index`]
/// of `right`; `trigram_count` bounds the features' trigram numbers
/// ([`TrigramBits`]).
pub(super) fn find<T: Send>(
    left_count: usize,
    left: impl Fn(usize) -> Features + Sync,
    (right, index): (&[Features], &Index),
    idf: &Idf,
    trigram_count: usize,
    visit: impl Fn(&Prepared, &TrigramBits, usize, usize) -> Option<T> + Sync,
) -> Vec<T> {
    let postings = &index.0;
    let search = |from: usize| {
        let to = (from + CHUNK).min(left_count);
        let mut score = vec![0.0f64; right.len()];
        let mut touched: Vec<usize> = Vec::new();
        let mut trigrams = TrigramBits::new(trigram_count);
        let mut weights: Vec<f64> = Vec::new();
        let mut out = Vec::new();
        // Where the previous left sentence's best candidate points, one on;
        // a chunk starts from the diagonal.
        let mut expected = from * right.len() / left_count.max(1);
        for a in from..to {
            let features = left(a);
            let band = expected.saturating_sub(BAND)..=expected + BAND;
            for &token in &features.tokens {
                let Some(list) = postings.get(&token) else {
                    continue;
                };
                let list = if list.len() > MAX_POSTINGS {
                    // Postings are in sentence order.
                    let start = list.partition_point(|&b| (b as usize) < *band.start());
                    let end = list.partition_point(|&b| (b as usize) <= *band.end());
                    &list[start..end]
                } else {
                    list
                };
                let weight = idf.weight(token);
                for &b in list {
                    let b = b as usize;
                    if score[b] == 0.0 {
                        touched.push(b);
                    }
                    score[b] += weight;
                }
            }
            // Best first by shared weight; among equals (a repeated
            // sentence) the one nearest where this sentence is expected,
            // then the earlier.
            let near = expected;
            let rank = |&x: &usize, &y: &usize| {
                score[y]
                    .total_cmp(&score[x])
                    .then(x.abs_diff(near).cmp(&y.abs_diff(near)))
                    .then(x.cmp(&y))
            };
            expected = touched
                .iter()
                .min_by(|x, y| rank(x, y))
                .map_or(near + 1, |&b| b + 1);
            // The best few: a selection, not a sort of every sentence touched.
            if touched.len() > PER_SENTENCE {
                touched.select_nth_unstable_by(PER_SENTENCE, rank);
            }
            for &b in &touched {
                score[b] = 0.0;
            }
            touched.truncate(PER_SENTENCE);
            touched.sort_unstable();
            weights.clear();
            weights.extend(features.tokens.iter().map(|&t| idf.weight(t)));
            let prepared = Prepared {
                features: &features,
                total: weights.iter().sum(),
                weights: &weights,
            };
            trigrams.fill(&features.trigrams);
            out.extend(
                touched
                    .drain(..)
                    .filter_map(|b| visit(&prepared, &trigrams, a, b)),
            );
            trigrams.clear(&features.trigrams);
        }
        out
    };
    let starts: Vec<usize> = (0..left_count).step_by(CHUNK).collect();
    if starts.len() < 2 {
        return starts.into_iter().flat_map(search).collect();
    }
    use rayon::prelude::*;
    // A few chunks per thread at a time, each batch moved into the result
    // and freed before the next: collecting every chunk's pairs and then
    // flattening held all the candidates twice (on a text that repeats
    // itself, twelve per sentence: the peak of the whole run).
    let batch = BATCH_PER_THREAD * rayon::current_num_threads().max(1);
    let mut out = Vec::new();
    for starts in starts.chunks(batch) {
        let parts: Vec<Vec<T>> = starts.par_iter().map(|&from| search(from)).collect();
        out.reserve(parts.iter().map(Vec::len).sum());
        for part in parts {
            out.extend(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pairs_sharing_a_token_are_candidates() {
        let left = [
            Features::from_text("Putin spoke"),
            Features::from_text("Rain fell"),
        ];
        let right = vec![
            Features::from_text("Snow fell"),
            Features::from_text("Putin left"),
        ];
        let idf = Idf::new(left.iter().chain(&right));
        assert_eq!(
            find(
                left.len(),
                |a| left[a].clone(),
                (&right, &Index::of(&right)),
                &idf,
                0,
                |_, _, a, b| Some((a, b))
            ),
            vec![(0, 1), (1, 0)]
        );
    }

    #[test]
    fn a_long_search_keeps_left_right_order_across_batches() {
        // More chunks than one batch holds on any pool: the pairs are
        // gathered batch by batch and must come out as one ordered run.
        let count = CHUNK * (BATCH_PER_THREAD * rayon::current_num_threads().max(1) + 2);
        let texts: Vec<String> = (0..count).map(|i| format!("Report{i} arrived")).collect();
        let left: Vec<Features> = texts.iter().map(|t| Features::from_text(t)).collect();
        let idf = Idf::new(left.iter().chain(&left));
        let found = find(
            count,
            |a| left[a].clone(),
            (&left, &Index::of(&left)),
            &idf,
            0,
            |_, _, a, b| (a == b).then_some(a),
        );
        assert_eq!(found, (0..count).collect::<Vec<_>>());
    }

    #[test]
    fn a_text_that_repeats_itself_keeps_a_bounded_number_of_candidates_a_sentence() {
        // Every sentence shares every token with every other: the
        // candidates must stay at most PER_SENTENCE a left sentence (linear
        // memory), not one per pair of twins (quadratic).
        let count = 3 * CHUNK;
        let left: Vec<Features> = (0..count)
            .map(|i| Features::from_text(["U.S. Army said.", "Jan. 5 Army said."][i % 2]))
            .collect();
        let idf = Idf::new(left.iter().chain(&left));
        let found = find(
            count,
            |a| left[a].clone(),
            (&left, &Index::of(&left)),
            &idf,
            0,
            |_, _, a, b| Some((a, b)),
        );
        assert!(found.len() >= count, "{} candidates", found.len());
        assert!(
            found.len() <= PER_SENTENCE * count,
            "{} candidates",
            found.len()
        );
    }
}
