//! Sentence similarity: IDF-weighted stemmed tokens, character trigrams, and
//! shared numbers, dates and entities.
//!
//! Used by the aligner and by `newsdiff-eval`, so the figures the evaluation
//! prints are the figures of the code that runs.

use crate::lexicon;
use crate::model::{Claim, Sentence};
use std::collections::HashMap;
use std::sync::Arc;

pub use super::initialisms::Initialisms;
use crate::text::normalize::key_of;
pub use crate::text::normalize::{key, Key};
pub use crate::text::vocabulary::Trigram;

/// What the similarity looks at in one sentence (or a merged group).
/// Each field is a sorted set without duplicates.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Features {
    /// Stemmed content tokens.
    pub tokens: Vec<Key>,
    /// Character trigrams of the folded content words.
    pub trigrams: Vec<Trigram>,
    /// Fact keys: number values, date keys, entity keys.
    pub facts: Vec<Key>,
    /// (WordNet synonym group, position in `tokens`) for every token in a
    /// group, sorted, so that two sentences' synonyms meet in one linear
    /// merge. A position rather than the key halves the size of the list.
    pub synonyms: Vec<(lexicon::Group, u32)>,
    /// Initialisms and the runs of capitalised words they may stand for;
    /// `None` for the many sentences without any (a side's features are
    /// held at once).
    pub initialisms: Option<Arc<Initialisms>>,
}

impl Features {
    /// Features of sentences read as one (for 1:2 and 2:1 groups).
    pub fn merged(parts: &[&Features]) -> Features {
        fn union<T: Ord + Copy>(parts: &[&Features], field: fn(&Features) -> &Vec<T>) -> Vec<T> {
            let mut all: Vec<T> = parts
                .iter()
                .flat_map(|p| field(p).iter().copied())
                .collect();
            sort_set(&mut all);
            all
        }
        let tokens = union(parts, |f| &f.tokens);
        Features {
            synonyms: synonym_entries(&tokens, |token, out| {
                out.extend(lexicon::synonym_groups(token))
            }),
            tokens,
            trigrams: union(parts, |f| &f.trigrams),
            facts: union(parts, |f| &f.facts),
            initialisms: held(Initialisms::merged(
                parts.iter().filter_map(|p| p.initialisms.as_deref()),
            )),
        }
    }

    /// True when the token is among this sentence's tokens.
    pub fn has_token(&self, token: Key) -> bool {
        self.tokens.binary_search(&token).is_ok()
    }
}

/// The initialisms as features hold them: shared with the side that
/// scanned them, `None` for a sentence without any.
pub(super) fn held(initialisms: Initialisms) -> Option<Arc<Initialisms>> {
    (!initialisms.is_empty()).then(|| Arc::new(initialisms))
}

/// The synonym entries of a sorted token set (each token given as a `T`
/// that `groups_of` knows it by); `groups_of` adds a token's groups to a
/// list.
pub(super) fn synonym_entries<T: Copy>(
    tokens: &[T],
    mut groups_of: impl FnMut(T, &mut Vec<lexicon::Group>),
) -> Vec<(lexicon::Group, u32)> {
    let mut entries: Vec<(lexicon::Group, u32)> = Vec::new();
    let mut groups = Vec::new();
    for (at, &token) in (0u32..).zip(tokens) {
        groups.clear();
        groups_of(token, &mut groups);
        entries.extend(groups.iter().map(|&g| (g, at)));
    }
    entries.sort_unstable();
    entries.shrink_to_fit();
    entries
}

/// Sorts and dedups in place, then gives back the spare capacity: the
/// features of a whole side are held at once. The set moves to a block of
/// its exact size rather than shrinking in place, because an allocator
/// may keep a shrunk block at its old size (mimalloc does when the new
/// size is over half the old, as after a dedup): 3-6 MB on the 5m pair.
pub(super) fn sort_set<T: Ord + Copy>(keys: &mut Vec<T>) {
    keys.sort_unstable();
    keys.dedup();
    if keys.capacity() > keys.len() {
        *keys = keys.as_slice().to_vec();
    }
}

/// The fact keys of a sentence's claims, as a sorted set.
pub fn fact_keys(sentence: &Sentence) -> Vec<Key> {
    let mut facts: Vec<Key> = sentence.claims.iter().filter_map(fact_key).collect();
    sort_set(&mut facts);
    facts
}

/// The key under which a claim counts as "the same fact" for alignment: a
/// number by its value alone (a count and the same value with a unit
/// still speak of one fact, coarser than compare's [`NumberKey`]), a date
/// and an entity by their normalised keys. Hashed from the typed fields,
/// each kind under its own tag; no string is built.
///
/// [`NumberKey`]: crate::model::NumberKey
pub fn fact_key(claim: &Claim) -> Option<Key> {
    let tagged = |tag: u8, bytes: &[u8]| key_of(std::iter::once(tag).chain(bytes.iter().copied()));
    match claim {
        Claim::Number(n) => Some(tagged(b'n', &n.value.to_bits().to_le_bytes())),
        Claim::Date(d) => Some(tagged(b'd', d.key.as_bytes())),
        Claim::Entity(e) => Some(tagged(b'e', e.key.as_bytes())),
        Claim::Attribution(_) => None,
    }
}

/// Inverse document frequencies of tokens over a set of sentences.
#[derive(Debug, Clone, Default)]
pub struct Idf {
    /// Final weight (document IDF × background rarity) of every token seen,
    /// computed once: `similarity` asks for each token's weight many times.
    weights: HashMap<Key, f64, KeyHasher>,
    documents: usize,
}

/// Keys are already FNV hashes; hashing them again (SipHash) only costs time.
pub(super) type KeyHasher = std::hash::BuildHasherDefault<PassThrough>;

/// A `Hasher` that takes a `u64` key as its own hash.
#[derive(Default)]
pub struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed here; fold any other input FNV-style.
        self.0 = bytes.iter().fold(self.0, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

impl Idf {
    /// Counts, for each token, how many of `sentences` contain it.
    pub fn new<'a>(sentences: impl IntoIterator<Item = &'a Features>) -> Idf {
        Idf::of_token_sets(sentences.into_iter().map(|f| f.tokens.as_slice()))
    }

    /// [`Idf::new`] given each sentence's tokens (a sorted set).
    pub fn of_token_sets<'a>(sentences: impl IntoIterator<Item = &'a [Key]>) -> Idf {
        let mut frequency: HashMap<Key, usize, KeyHasher> = HashMap::default();
        let mut documents = 0;
        for tokens in sentences {
            documents += 1;
            for &token in tokens {
                *frequency.entry(token).or_default() += 1;
            }
        }
        let weights = frequency
            .into_iter()
            .map(|(token, df)| (token, idf(documents, df) * background_weight(token)))
            .collect();
        Idf { weights, documents }
    }

    /// The weight of a token; unseen tokens weigh as if seen once.
    pub fn weight(&self, token: Key) -> f64 {
        match self.weights.get(&token) {
            Some(&weight) => weight,
            None => idf(self.documents.max(1), 1) * background_weight(token),
        }
    }

    /// The summed weight of a sentence's tokens.
    pub fn total(&self, tokens: &[Key]) -> f64 {
        tokens.iter().map(|&t| self.weight(t)).sum()
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
    let totals = [idf.total(&a.tokens), idf.total(&b.tokens)];
    let mut shared_trigrams = 0;
    for_shared(&a.trigrams, &b.trigrams, |_| shared_trigrams += 1);
    let weights = (
        |i: usize| idf.weight(a.tokens[i]),
        |j: usize| idf.weight(b.tokens[j]),
    );
    score([a, b], weights, totals, shared_trigrams, idf)
}

/// One sentence readied to be scored against many (see
/// [`similarity_prepared`]): its tokens' weights looked up once and their
/// sum.
pub struct Prepared<'a> {
    pub features: &'a Features,
    /// [`Idf::weight`] of each token, by position.
    pub weights: &'a [f64],
    pub total: f64,
}

/// [`similarity`] of a prepared sentence `a`, its trigrams marked
/// in `a_trigrams`, and `b` with its total token weight: a bit test per
/// trigram of `b` instead of a merge of two lists of a hundred, the
/// largest cost of the candidate search, and `a`'s weights read by
/// position. The trigrams of both must be numbered by the same
/// `Words::number_trigrams` (in `vocabulary`). Same result as `similarity`.
pub fn similarity_prepared(
    a: &Prepared,
    a_trigrams: &TrigramBits,
    b: &Features,
    b_total: f64,
    idf: &Idf,
) -> f64 {
    let shared_trigrams = a_trigrams.count_in(&b.trigrams);
    // Only the synonym pass asks for b's weights, for a token or two.
    let weights = (|i: usize| a.weights[i], |j: usize| idf.weight(b.tokens[j]));
    score(
        [a.features, b],
        weights,
        [a.total, b_total],
        shared_trigrams,
        idf,
    )
}

/// The similarity given the token weights of both sentences (by position)
/// and how many trigrams they share.
fn score(
    [a, b]: [&Features; 2],
    weights: (impl Fn(usize) -> f64, impl Fn(usize) -> f64),
    totals: [f64; 2],
    shared_trigrams: usize,
    idf: &Idf,
) -> f64 {
    let mut shared = 0.0;
    // Which token positions the other side also has: the synonym pass
    // looks only at the others, and asks for each of them.
    let (mut a_in_b, mut b_in_a) = (Positions::default(), Positions::default());
    let mut shared_count = 0;
    shared_positions(&a.tokens, &b.tokens, |i, j| {
        shared += weights.0(i);
        shared_count += 1;
        a_in_b.insert(i);
        b_in_a.insert(j);
    });
    // A synonym pairs a token each side lacks: none when either side's
    // tokens are all shared (often, between a sentence and its rewrite).
    if shared_count < a.tokens.len().min(b.tokens.len()) {
        shared += synonym_overlap(a, b, [&a_in_b, &b_in_a], &weights);
    }
    shared += spelled_out(a, b, idf) + spelled_out(b, a, idf);
    let total = totals[0] + totals[1];
    let token_score = if total > 0.0 {
        2.0 * shared / total
    } else {
        0.0
    };
    let trigram_score = dice_of(shared_trigrams, a.trigrams.len(), b.trigrams.len());
    let mut score = (1.0 - TRIGRAM_SHARE) * token_score + TRIGRAM_SHARE * trigram_score;
    // Shared facts (the same number or name however written) only ever
    // raise the score: a fact one side lacks is already a missing token,
    // and counting it twice cost accuracy on every dev set.
    if !a.facts.is_empty() && !b.facts.is_empty() {
        score += FACT_BONUS * dice(&a.facts, &b.facts) * (1.0 - score);
    }
    score.clamp(0.0, 1.0)
}

/// Weight shared through initialisms: each initialism of `a` that `b` lacks
/// as a word but spells out as a run of capitalised words ("UAE", "the
/// United Arab Emirates") counts as shared, the initialism's weight on
/// `a`'s side and the run's words that `a` lacks on `b`'s (half of each,
/// as a shared token counts half its weight on each side of the Dice).
fn spelled_out(a: &Features, b: &Features, idf: &Idf) -> f64 {
    let (Some(ours), Some(theirs)) = (a.initialisms.as_deref(), b.initialisms.as_deref()) else {
        return 0.0;
    };
    let mut shared = 0.0;
    for &(initials, stem) in &ours.acronyms {
        if b.has_token(stem) {
            continue;
        }
        let Ok(at) = theirs.runs.binary_search_by_key(&initials, |r| r.initials) else {
            continue;
        };
        let spelled: f64 = theirs
            .stems_of(&theirs.runs[at])
            .iter()
            .filter(|&&t| !a.has_token(t))
            .map(|&t| idf.weight(t))
            .sum();
        shared += (idf.weight(stem) + spelled) / 2.0;
    }
    shared
}

/// A set of dense trigram numbers (see `Words::number_trigrams` (in `vocabulary`)) as
/// a bitmap, filled with one sentence's trigrams and cleared after.
pub struct TrigramBits {
    words: Vec<u64>,
}

impl TrigramBits {
    /// An empty set for numbers below `count`.
    pub fn new(count: usize) -> TrigramBits {
        TrigramBits {
            words: vec![0; count.div_ceil(64)],
        }
    }

    /// Marks `trigrams`.
    pub fn fill(&mut self, trigrams: &[Trigram]) {
        for &t in trigrams {
            if let Some(word) = self.words.get_mut(t as usize / 64) {
                *word |= 1 << (t % 64);
            }
        }
    }

    /// Unmarks `trigrams` (those `fill` marked), leaving the set empty.
    pub fn clear(&mut self, trigrams: &[Trigram]) {
        for &t in trigrams {
            if let Some(word) = self.words.get_mut(t as usize / 64) {
                *word = 0;
            }
        }
    }

    /// How many of `trigrams` are marked.
    pub fn count_in(&self, trigrams: &[Trigram]) -> usize {
        trigrams
            .iter()
            .map(|&t| {
                let word = self.words.get(t as usize / 64).copied().unwrap_or(0);
                ((word >> (t % 64)) & 1) as usize
            })
            .sum()
    }
}

/// Share of the character-trigram overlap in the score (the rest is the
/// weighted token overlap). Chosen on the msrp and sts dev sets: 0.2–0.35
/// are within 0.002 of each other.
const TRIGRAM_SHARE: f64 = 0.25;

/// How far shared facts close the gap to 1.
const FACT_BONUS: f64 = 0.1;

/// How much a synonym counts of the weight of the same word: a synonym
/// ("bought" for "purchased") is nearly, not quite, the same meaning.
const SYNONYM_CREDIT: f64 = 0.8;

/// Weight shared through synonyms: each token one side lacks may pair with
/// one token of a shared WordNet group that the other side lacks, and counts
/// [`SYNONYM_CREDIT`] of the two tokens' mean weight.
fn synonym_overlap(
    a: &Features,
    b: &Features,
    shared: [&Positions; 2],
    weights: &(impl Fn(usize) -> f64, impl Fn(usize) -> f64),
) -> f64 {
    // Few tokens of a sentence have a synonym on the other side: a small
    // fixed list of the ones already paired avoids allocating. Tokens are
    // a set, so a position stands for its token.
    const MAX_PAIRS: usize = 16;
    let [a_in_b, b_in_a] = shared;
    let mut paired_a = [0u32; MAX_PAIRS];
    let mut paired_b = [0u32; MAX_PAIRS];
    let mut pairs = 0;
    let mut shared = 0.0;
    let run_end = |entries: &[(lexicon::Group, u32)], from: usize, group| {
        from + entries[from..].iter().take_while(|e| e.0 == group).count()
    };
    let (mut i, mut j) = (0, 0);
    while i < a.synonyms.len() && j < b.synonyms.len() && pairs < MAX_PAIRS {
        let group = a.synonyms[i].0;
        match group.cmp(&b.synonyms[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                let a_end = run_end(&a.synonyms, i, group);
                let b_end = run_end(&b.synonyms, j, group);
                for &(_, at) in &a.synonyms[i..a_end] {
                    if a_in_b.contains(at as usize) || paired_a[..pairs].contains(&at) {
                        continue;
                    }
                    let partner = b.synonyms[j..b_end]
                        .iter()
                        .map(|e| e.1)
                        .filter(|&bt| !b_in_a.contains(bt as usize))
                        .find(|bt| !paired_b[..pairs].contains(bt));
                    if let Some(bt) = partner {
                        let mean = (weights.0(at as usize) + weights.1(bt as usize)) / 2.0;
                        shared += SYNONYM_CREDIT * mean;
                        paired_a[pairs] = at;
                        paired_b[pairs] = bt;
                        pairs += 1;
                        if pairs == MAX_PAIRS {
                            break;
                        }
                    }
                }
                i = a_end;
                j = b_end;
            }
        }
    }
    shared
}

/// A set of token positions of one sentence: a bit per position for the
/// first 1,024 (a sentence is at most 1,500 bytes), a list past them.
#[derive(Default)]
struct Positions {
    bits: [u64; 16],
    beyond: Vec<usize>,
}

impl Positions {
    fn insert(&mut self, at: usize) {
        match self.bits.get_mut(at / 64) {
            Some(word) => *word |= 1 << (at % 64),
            None => self.beyond.push(at),
        }
    }

    fn contains(&self, at: usize) -> bool {
        match self.bits.get(at / 64) {
            Some(word) => word & (1 << (at % 64)) != 0,
            None => self.beyond.contains(&at),
        }
    }
}

/// Calls `f` on every key two sorted sets share (a linear merge).
pub fn for_shared<T: Ord + Copy>(a: &[T], b: &[T], mut f: impl FnMut(T)) {
    shared_positions(a, b, |i, _| f(a[i]));
}

/// Calls `f(i, j)` for every `a[i] == b[j]` of two sorted sets, in order.
pub(super) fn shared_positions<T: Ord>(a: &[T], b: &[T], mut f: impl FnMut(usize, usize)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        // Which side steps is data, not control flow: the order of two
        // sets' keys is random, and a mispredicted branch per step cost
        // more than the comparisons.
        let (x, y) = (&a[i], &b[j]);
        if x == y {
            f(i, j);
        }
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
}

fn dice<T: Ord + Copy>(a: &[T], b: &[T]) -> f64 {
    let mut shared = 0usize;
    for_shared(a, b, |_| shared += 1);
    dice_of(shared, a.len(), b.len())
}

/// Dice coefficient of two sets of the given sizes sharing `shared`.
fn dice_of(shared: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        return 0.0;
    }
    2.0 * shared as f64 / (a + b) as f64
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
        let weight = |w: &str| background_weight(key(&crate::text::normalize::stem_word(w)));
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
    fn synonyms_raise_a_paraphrase_above_its_no_synonym_score() {
        let (a, b) = (
            Features::from_text("The company bought a factory in Ohio."),
            Features::from_text("The company purchased a factory in Ohio."),
        );
        let idf = Idf::new([&a, &b]);
        let with = similarity(&a, &b, &idf);
        let without = similarity(
            &Features {
                synonyms: Vec::new(),
                ..a.clone()
            },
            &b,
            &idf,
        );
        assert!(with > without + 0.05, "{with} {without}");
        // A word is no synonym of an unrelated one.
        assert!(
            sim(
                "The company bought a factory.",
                "The company sold a factory."
            ) < with
        );
    }

    #[test]
    fn empty_text_scores_zero_not_nan() {
        assert_eq!(sim("", ""), 0.0);
        assert_eq!(sim("...", "Putin"), 0.0);
    }
}
