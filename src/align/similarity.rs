//! Sentence similarity: IDF-weighted stemmed tokens, character trigrams, and
//! shared numbers, dates and entities.
//!
//! Used by the aligner and by `newsdiff-eval`, so the figures the evaluation
//! prints are the figures of the code that runs.

use crate::model::{Claim, Sentence};
use crate::normalize;
use std::collections::{HashMap, HashSet};

/// What the similarity looks at in one sentence (or a merged group).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Stemmed content tokens, deduplicated.
    pub tokens: HashSet<String>,
    /// Character trigrams of the folded content words, deduplicated.
    pub trigrams: HashSet<String>,
    /// Keys of facts: number values, date keys, entity keys.
    pub facts: HashSet<String>,
}

impl Features {
    /// Features of a bare text (no claims).
    pub fn from_text(text: &str) -> Features {
        let mut features = Features::default();
        for (_, word) in normalize::words(text) {
            let folded = normalize::fold(word);
            if normalize::is_stopword(&folded) {
                continue;
            }
            add_trigrams(&mut features.trigrams, &folded);
            features.tokens.insert(normalize::stem(&folded));
        }
        features
    }

    /// Features of an extracted sentence: its text plus its claims' keys.
    pub fn from_sentence(sentence: &Sentence) -> Features {
        let mut features = Features::from_text(&sentence.text);
        for claim in &sentence.claims {
            if let Some(key) = fact_key(claim) {
                features.facts.insert(key);
            }
        }
        features
    }

    /// Features of sentences read as one (for 1:2 and 2:1 groups).
    pub fn merged(parts: &[&Features]) -> Features {
        let mut out = Features::default();
        for part in parts {
            out.tokens.extend(part.tokens.iter().cloned());
            out.trigrams.extend(part.trigrams.iter().cloned());
            out.facts.extend(part.facts.iter().cloned());
        }
        out
    }
}

/// The key under which a claim counts as "the same fact" on both sides.
pub fn fact_key(claim: &Claim) -> Option<String> {
    match claim {
        Claim::Number(n) => Some(format!("n:{}", n.value)),
        Claim::Date(d) => Some(format!("d:{}", d.key)),
        Claim::Entity(e) => Some(format!("e:{}", e.key)),
        Claim::Attribution(_) => None,
    }
}

fn add_trigrams(out: &mut HashSet<String>, folded: &str) {
    let chars: Vec<char> = format!(" {folded} ").chars().collect();
    if chars.len() < 3 {
        return;
    }
    for window in chars.windows(3) {
        out.insert(window.iter().collect());
    }
}

/// Inverse document frequencies of tokens over a set of sentences.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    weights: HashMap<String, f64>,
    documents: usize,
}

impl Idf {
    /// Counts, for each token, how many of `sentences` contain it.
    pub fn new<'a>(sentences: impl IntoIterator<Item = &'a Features>) -> Idf {
        let mut frequency: HashMap<String, usize> = HashMap::new();
        let mut documents = 0;
        for features in sentences {
            documents += 1;
            for token in &features.tokens {
                *frequency.entry(token.clone()).or_default() += 1;
            }
        }
        let weights = frequency
            .into_iter()
            .map(|(token, df)| (token, idf(documents, df)))
            .collect();
        Idf { weights, documents }
    }

    /// The weight of a token; unseen tokens weigh as if seen once.
    pub fn weight(&self, token: &str) -> f64 {
        self.weights
            .get(token)
            .copied()
            .unwrap_or_else(|| idf(self.documents.max(1), 1))
    }

    /// How many sentences contain the token.
    pub fn document_count(&self) -> usize {
        self.documents
    }
}

/// Smoothed IDF, always positive so a token both sides share never counts against them.
fn idf(documents: usize, frequency: usize) -> f64 {
    (1.0 + (documents as f64 + 1.0) / (frequency as f64 + 0.5)).ln()
}

/// Similarity of two sentences in [0, 1].
///
/// A weighted mean of three overlaps, each a Dice coefficient: IDF-weighted
/// stems (what the sentences are about), character trigrams (spelling
/// variants and derivations the stemmer misses: "recognition" and
/// "recognize"), and fact keys (the same number or name however written).
/// The fact term only counts when either side has facts.
pub fn similarity(a: &Features, b: &Features, idf: &Idf) -> f64 {
    let weighted = |set: &HashSet<String>| set.iter().map(|t| idf.weight(t)).sum::<f64>();
    let shared: f64 = a
        .tokens
        .iter()
        .filter(|t| b.tokens.contains(*t))
        .map(|t| idf.weight(t))
        .sum();
    let total = weighted(&a.tokens) + weighted(&b.tokens);
    let token_score = if total > 0.0 {
        2.0 * shared / total
    } else {
        0.0
    };
    let trigram_score = dice(&a.trigrams, &b.trigrams);
    let (mut score, mut weight) = (0.65 * token_score + 0.35 * trigram_score, 1.0);
    if !a.facts.is_empty() || !b.facts.is_empty() {
        score += 0.25 * dice(&a.facts, &b.facts);
        weight += 0.25;
    }
    (score / weight).clamp(0.0, 1.0)
}

fn dice(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|x| b.contains(*x)).count();
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sim(a: &str, b: &str) -> f64 {
        let (fa, fb) = (Features::from_text(a), Features::from_text(b));
        let idf = Idf::new([&fa, &fb]);
        similarity(&fa, &fb, &idf)
    }

    #[test]
    fn identical_sentences_score_one() {
        assert!(
            (sim(
                "Putin said talks will start.",
                "Putin said talks will start."
            ) - 1.0)
                .abs()
                < 1e-9
        );
    }

    #[test]
    fn unrelated_sentences_score_low() {
        assert!(
            sim(
                "Putin said talks will start.",
                "Rain fell on the harbour all night."
            ) < 0.15
        );
    }

    #[test]
    fn paraphrase_scores_above_default_threshold() {
        let s = sim(
            "Putin on Friday said hundreds of fighters were massing in northern Afghanistan.",
            "Putin confirmed Friday that hundreds of fighters are massing in northern Afghanistan.",
        );
        assert!(s > crate::align::DEFAULT_MIN_SIMILARITY + 0.3, "{s}");
    }

    #[test]
    fn empty_text_scores_zero_not_nan() {
        assert_eq!(sim("", ""), 0.0);
        assert_eq!(sim("...", "Putin"), 0.0);
    }
}
