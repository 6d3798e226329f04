//! Candidate pairs from an inverted index over stemmed tokens.
//!
//! Comparing every left sentence with every right one costs n×m similarity
//! computations; a 5 MB transcript has tens of thousands of sentences. Only
//! pairs that share a token can be similar, so the index finds them, and only
//! the best few per left sentence are scored in full.

use super::similarity::{Features, Idf, Key};
use std::collections::HashMap;

/// Right sentences a left sentence is scored against, at most.
const PER_SENTENCE: usize = 12;

/// Tokens found in more right sentences than this do not seed candidates
/// (they still count in the similarity): they are the story's own topic
/// words and would make every pair a candidate.
const MAX_POSTINGS: usize = 64;

/// Pairs `(left position, right position)` worth scoring, sorted.
pub fn find(left: &[Features], right: &[Features], idf: &Idf) -> Vec<(usize, usize)> {
    let mut postings: HashMap<Key, Vec<usize>> = HashMap::new();
    for (b, features) in right.iter().enumerate() {
        for &token in &features.tokens {
            postings.entry(token).or_default().push(b);
        }
    }
    let mut score = vec![0.0f64; right.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut pairs = Vec::new();
    for (a, features) in left.iter().enumerate() {
        for &token in &features.tokens {
            let Some(list) = postings.get(&token) else {
                continue;
            };
            if list.len() > MAX_POSTINGS {
                continue;
            }
            let weight = idf.weight(token);
            for &b in list {
                if score[b] == 0.0 {
                    touched.push(b);
                }
                score[b] += weight;
            }
        }
        touched.sort_by(|&x, &y| score[y].total_cmp(&score[x]).then(x.cmp(&y)));
        pairs.extend(touched.iter().take(PER_SENTENCE).map(|&b| (a, b)));
        for &b in &touched {
            score[b] = 0.0;
        }
        touched.clear();
    }
    pairs.sort_unstable();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_pairs_sharing_a_token_are_candidates() {
        let left = vec![
            Features::from_text("Putin spoke"),
            Features::from_text("Rain fell"),
        ];
        let right = vec![
            Features::from_text("Snow fell"),
            Features::from_text("Putin left"),
        ];
        let idf = Idf::new(left.iter().chain(&right));
        assert_eq!(find(&left, &right, &idf), vec![(0, 1), (1, 0)]);
    }
}
