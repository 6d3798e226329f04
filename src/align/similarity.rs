//! Sentence similarity: IDF-weighted stemmed tokens, character trigrams, and
//! shared numbers, dates and entities.
//!
//! Used by the aligner and by `newsdiff-eval`, so the figures the evaluation
//! prints are the figures of the code that runs.

use crate::model::{Claim, Sentence};
use crate::normalize;
use std::collections::HashMap;

use crate::normalize::key_of;
pub use crate::normalize::{key, Key};

/// What the similarity looks at in one sentence (or a merged group).
/// Each field is a sorted set without duplicates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Stemmed content tokens.
    pub tokens: Vec<Key>,
    /// Character trigrams of the folded content words.
    pub trigrams: Vec<Key>,
    /// Fact keys: number values, date keys, entity keys.
    pub facts: Vec<Key>,
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
            features.tokens.push(key(&normalize::stem(&folded)));
        }
        sort_set(&mut features.tokens);
        sort_set(&mut features.trigrams);
        features
    }

    /// Features of an extracted sentence: its text plus its claims' keys.
    pub fn from_sentence(sentence: &Sentence) -> Features {
        let mut features = Features::from_text(&sentence.text);
        features.facts = sentence
            .claims
            .iter()
            .filter_map(|c| fact_key(c).map(|k| key(&k)))
            .collect();
        sort_set(&mut features.facts);
        features
    }

    /// Features of sentences read as one (for 1:2 and 2:1 groups).
    pub fn merged(parts: &[&Features]) -> Features {
        let union = |field: fn(&Features) -> &Vec<Key>| {
            let mut all: Vec<Key> = parts
                .iter()
                .flat_map(|p| field(p).iter().copied())
                .collect();
            sort_set(&mut all);
            all
        };
        Features {
            tokens: union(|f| &f.tokens),
            trigrams: union(|f| &f.trigrams),
            facts: union(|f| &f.facts),
        }
    }

    /// True when the token is among this sentence's tokens.
    pub fn has_token(&self, token: Key) -> bool {
        self.tokens.binary_search(&token).is_ok()
    }
}

fn sort_set(keys: &mut Vec<Key>) {
    keys.sort_unstable();
    keys.dedup();
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

/// Character trigrams of ` word `, hashed without building strings.
fn add_trigrams(out: &mut Vec<Key>, folded: &str) {
    let mut window = [' '; 3];
    let mut filled = 1;
    let mut buffer = [0u8; 12];
    for c in folded.chars().chain(std::iter::once(' ')) {
        window = [window[1], window[2], c];
        filled += 1;
        if filled >= 3 {
            let mut len = 0;
            for ch in window {
                len += ch.encode_utf8(&mut buffer[len..]).len();
            }
            out.push(key_of(buffer[..len].iter().copied()));
        }
    }
}

/// Inverse document frequencies of tokens over a set of sentences.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    weights: HashMap<Key, f64>,
    documents: usize,
}

impl Idf {
    /// Counts, for each token, how many of `sentences` contain it.
    pub fn new<'a>(sentences: impl IntoIterator<Item = &'a Features>) -> Idf {
        let mut frequency: HashMap<Key, usize> = HashMap::new();
        let mut documents = 0;
        for features in sentences {
            documents += 1;
            for &token in &features.tokens {
                *frequency.entry(token).or_default() += 1;
            }
        }
        let weights = frequency
            .into_iter()
            .map(|(token, df)| (token, idf(documents, df)))
            .collect();
        Idf { weights, documents }
    }

    /// The weight of a token; unseen tokens weigh as if seen once.
    pub fn weight(&self, token: Key) -> f64 {
        let doc = self
            .weights
            .get(&token)
            .copied()
            .unwrap_or_else(|| idf(self.documents.max(1), 1));
        background_weight(token) * doc
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

/// General-English rarity of a stemmed token: 8 minus its Zipf frequency
/// (so "say" ≈ 2, "Putin" ≈ 4, a word outside the list 6).
///
/// Document frequencies alone cannot weigh the words of two one-sentence
/// texts (every word is seen once or twice); a background frequency list
/// can. The table is built from `data/word_frequency.tsv` by `build.rs`:
/// sorted 12-byte records, a little-endian `u64` stem key then an `f32` Zipf
/// frequency summed over the words sharing the stem.
pub fn background_weight(token: Key) -> f64 {
    static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word_frequency.bin"));
    const RECORD: usize = 12;
    let records = TABLE.len() / RECORD;
    let key_at = |i: usize| {
        u64::from_le_bytes(
            TABLE[i * RECORD..i * RECORD + 8]
                .try_into()
                .unwrap_or_default(),
        )
    };
    let (mut low, mut high) = (0, records);
    let mut zipf = UNKNOWN_ZIPF;
    while low < high {
        let mid = (low + high) / 2;
        match key_at(mid).cmp(&token) {
            std::cmp::Ordering::Less => low = mid + 1,
            std::cmp::Ordering::Greater => high = mid,
            std::cmp::Ordering::Equal => {
                let bytes = TABLE[mid * RECORD + 8..mid * RECORD + 12]
                    .try_into()
                    .unwrap_or_default();
                zipf = f64::from(f32::from_le_bytes(bytes));
                break;
            }
        }
    }
    (8.0 - zipf).clamp(0.5, 8.0 - UNKNOWN_ZIPF)
}

/// Words outside the 50,000 most frequent are taken as this frequent
/// (the list ends near Zipf 2.5).
const UNKNOWN_ZIPF: f64 = 2.0;

/// Similarity of two sentences in [0, 1].
///
/// A weighted mean of two Dice overlaps: weighted stems (what the sentences
/// are about; weight = background rarity × document IDF) and character
/// trigrams (spelling variants and derivations the stemmer misses:
/// "recognition" and "recognize"); then a bonus for shared fact keys.
pub fn similarity(a: &Features, b: &Features, idf: &Idf) -> f64 {
    let weighted = |set: &[Key]| set.iter().map(|&t| idf.weight(t)).sum::<f64>();
    let mut shared = 0.0;
    for_shared(&a.tokens, &b.tokens, |t| shared += idf.weight(t));
    let total = weighted(&a.tokens) + weighted(&b.tokens);
    let token_score = if total > 0.0 {
        2.0 * shared / total
    } else {
        0.0
    };
    let trigram_score = dice(&a.trigrams, &b.trigrams);
    let mut score = (1.0 - TRIGRAM_SHARE) * token_score + TRIGRAM_SHARE * trigram_score;
    // Shared facts (the same number or name however written) only ever
    // raise the score: a fact one side lacks is already a missing token,
    // and counting it twice cost accuracy on every dev set.
    if !a.facts.is_empty() && !b.facts.is_empty() {
        score += FACT_BONUS * dice(&a.facts, &b.facts) * (1.0 - score);
    }
    score.clamp(0.0, 1.0)
}

/// Share of the character-trigram overlap in the score (the rest is the
/// weighted token overlap). Chosen on the msrp and sts dev sets: 0.2–0.35
/// are within 0.002 of each other.
const TRIGRAM_SHARE: f64 = 0.25;

/// How far shared facts close the gap to 1.
const FACT_BONUS: f64 = 0.1;

/// Calls `f` on every key two sorted sets share (a linear merge).
pub fn for_shared(a: &[Key], b: &[Key], mut f: impl FnMut(Key)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

fn dice(a: &[Key], b: &[Key]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 0.0;
    }
    let mut shared = 0usize;
    for_shared(a, b, |_| shared += 1);
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
    fn trigrams_hash_like_their_strings() {
        let mut hashed = Vec::new();
        add_trigrams(&mut hashed, "ab");
        assert_eq!(hashed, vec![key(" ab"), key("ab ")]);
        hashed.clear();
        add_trigrams(&mut hashed, "é");
        assert_eq!(hashed, vec![key(" é ")]);
    }

    #[test]
    fn merged_features_are_the_sorted_union() {
        let (a, b) = (
            Features::from_text("Putin spoke"),
            Features::from_text("Putin left"),
        );
        let merged = Features::merged(&[&a, &b]);
        assert_eq!(merged.tokens.len(), 3);
        assert!(merged.tokens.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn background_weight_ranks_rare_words_higher() {
        let weight = |w: &str| background_weight(key(&normalize::stem_word(w)));
        assert!(
            weight("said") < weight("massing"),
            "{} {}",
            weight("said"),
            weight("massing")
        );
        assert!(weight("massing") < weight("Kabulov"));
        // Inflections share a stem and so a weight.
        assert_eq!(weight("confirmed"), weight("confirms"));
        assert_eq!(weight("Kabulov"), 8.0 - UNKNOWN_ZIPF);
    }

    #[test]
    fn empty_text_scores_zero_not_nan() {
        assert_eq!(sim("", ""), 0.0);
        assert_eq!(sim("...", "Putin"), 0.0);
    }
}
