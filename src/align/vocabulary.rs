//! One side's words as the similarity reads them: the document's
//! [`Vocabulary`] (analysed once, by `extract`), its trigrams renumbered
//! for both sides at once, and each sentence's content words as ids until
//! its [`Features`] are needed.
//!
//! Keeping sentences as word ids lets the aligner build one side's
//! features only while it scores them, rather than holding both sides'
//! trigram sets at once.

use super::initialisms::{self, Initialisms};
use super::similarity::{fact_keys, held, sort_set, synonym_entries, Features, Key};
use crate::model::{Document, Sentence};
use crate::text::vocabulary::{Token, Trigram, Vocabulary, WordId};
use rustc_hash::FxHashMap;

/// The ids of a sentence's distinct content words (stopwords left out).
pub(super) type WordIds = Box<[WordId]>;

/// A document's words, with trigram numbers of the aligner's own.
pub(super) struct Words<'v> {
    vocabulary: &'v Vocabulary,
    /// [`Vocabulary::all_trigrams`], renumbered by
    /// [`Words::number_trigrams`] (the hashes until then).
    trigrams: Vec<Trigram>,
}

impl<'v> Words<'v> {
    /// The words of `vocabulary`, trigrams as hashed.
    pub(super) fn new(vocabulary: &'v Vocabulary) -> Words<'v> {
        Words {
            vocabulary,
            trigrams: vocabulary.all_trigrams().to_vec(),
        }
    }

    /// The content words of a sentence, given its text as written and its
    /// tokens, with its initialisms and the runs of capitalised words they
    /// may stand for.
    pub(super) fn of_sentence(&self, text: &str, tokens: &[Token]) -> (WordIds, Initialisms) {
        let vocabulary = self.vocabulary;
        let mut ids: Vec<WordId> = Vec::with_capacity(tokens.len());
        let mut capitals = false;
        let mut seen_word = false;
        for token in tokens {
            let Some(id) = token.word_id() else {
                continue;
            };
            let word = vocabulary.word(id);
            if !word.is_stopword() {
                ids.push(id);
            }
            // Only a sentence with a capitalised word after its first can
            // have a run or an initialism worth the scan.
            if !capitals && word.is_capitalised() {
                let written = token_text(text, token, vocabulary);
                capitals = written.starts_with(|c: char| c.is_ascii_uppercase())
                    && (seen_word || written.chars().filter(char::is_ascii_uppercase).count() > 1);
            }
            seen_word = true;
        }
        let initialisms = if capitals {
            initialisms::scan(&scan_words(text, tokens, vocabulary))
        } else {
            Initialisms::default()
        };
        ids.sort_unstable();
        ids.dedup();
        (ids.into_boxed_slice(), initialisms)
    }

    /// The content words and initialisms of sentence `sentence` of `doc`.
    pub(super) fn of_document_sentence(
        &self,
        doc: &Document,
        sentence: &Sentence,
    ) -> (WordIds, Initialisms) {
        let text = doc
            .text
            .get(sentence.span.start..sentence.span.end)
            .unwrap_or_default();
        self.of_sentence(text, doc.tokens_of(sentence.index))
    }

    /// Renumbers the trigrams of both sides' words 0, 1, 2, … (the same
    /// trigram the same number on both sides) and returns how many there
    /// are, so that a sentence's trigrams fit a small bitmap
    /// ([`super::similarity::TrigramBits`]). Renumbering keeps which
    /// trigrams are equal, so every Dice overlap stays the same; features
    /// built before and after must not be compared.
    pub(super) fn number_trigrams(sides: [&mut Words; 2]) -> usize {
        let mut numbers: FxHashMap<Trigram, Trigram> = FxHashMap::default();
        for side in sides {
            for trigram in side.trigrams.iter_mut() {
                let next = numbers.len() as Trigram;
                *trigram = *numbers.entry(*trigram).or_insert(next);
            }
        }
        numbers.len()
    }

    /// The stemmed tokens of a sentence's words, as a sorted set.
    pub(super) fn tokens(&self, words: &[WordId]) -> Vec<Key> {
        let mut tokens: Vec<Key> = words
            .iter()
            .map(|&w| self.vocabulary.word(w).stem_key)
            .collect();
        sort_set(&mut tokens);
        tokens
    }

    /// The features of a sentence's words with the given fact keys (a
    /// sorted set) and initialisms.
    pub(super) fn features(
        &self,
        words: &[WordId],
        facts: Vec<Key>,
        initialisms: Option<std::sync::Arc<Initialisms>>,
    ) -> Features {
        let vocabulary = self.vocabulary;
        // One word for each stem: spellings of a word share its groups.
        let mut by_stem: Vec<(Key, WordId)> = words
            .iter()
            .map(|&w| (vocabulary.word(w).stem_key, w))
            .collect();
        by_stem.sort_unstable();
        by_stem.dedup_by_key(|(stem, _)| *stem);
        let tokens: Vec<Key> = by_stem.iter().map(|&(stem, _)| stem).collect();
        let count = words
            .iter()
            .map(|&w| vocabulary.trigram_range(w).len())
            .sum();
        let mut trigrams = Vec::with_capacity(count);
        for &w in words {
            trigrams.extend_from_slice(&self.trigrams[vocabulary.trigram_range(w)]);
        }
        sort_set(&mut trigrams);
        let synonyms = synonym_entries(&by_stem, |(_, w), out| {
            out.extend_from_slice(vocabulary.groups(w));
        });
        Features {
            tokens,
            trigrams,
            facts,
            synonyms,
            initialisms,
        }
    }
}

/// The text of a token of a sentence written `text`.
fn token_text<'t>(text: &'t str, token: &Token, vocabulary: &Vocabulary) -> &'t str {
    text.get(token.start()..token.end(vocabulary))
        .unwrap_or_default()
}

/// The words of a sentence as the initialisms scan reads them. Two words
/// are joined when nothing but space comes between them, or the full stop
/// of dotted initials ("U.S. Navy": the word is "U.S"); Markdown emphasis
/// is no token, so "**Bank** of England" is one run as it reads.
fn scan_words<'t>(
    text: &'t str,
    tokens: &[Token],
    vocabulary: &Vocabulary,
) -> Vec<initialisms::Word<'t>> {
    let mut out: Vec<initialisms::Word> = Vec::new();
    // Whether the gap since the previous word still joins it to the next.
    let mut joined = false;
    for token in tokens {
        match token.word_id() {
            Some(id) => {
                let written = token_text(text, token, vocabulary);
                out.push(initialisms::Word {
                    text: written,
                    stem: vocabulary.word(id).content_key(),
                    joined: joined && !out.is_empty(),
                });
                joined = true;
            }
            None => {
                let dotted = out.last().is_some_and(|w| w.text.contains('.'));
                joined &= dotted && token.punctuation_char() == Some('.') && !token.space_before();
            }
        }
    }
    out
}

impl Features {
    /// Features of a bare text (no claims).
    pub fn from_text(text: &str) -> Features {
        let mut vocabulary = Vocabulary::default();
        let tokens = crate::extract::tokens_of_text(text, &mut vocabulary);
        let words = Words::new(&vocabulary);
        let (ids, initialisms) = words.of_sentence(text, &tokens);
        words.features(&ids, Vec::new(), held(initialisms))
    }

    /// Features of an extracted sentence on its own: its text plus its
    /// claims' keys.
    pub fn from_sentence(sentence: &Sentence) -> Features {
        let mut vocabulary = Vocabulary::default();
        let tokens = crate::extract::tokens_of_text(&sentence.text, &mut vocabulary);
        let words = Words::new(&vocabulary);
        let (ids, initialisms) = words.of_sentence(&sentence.text, &tokens);
        words.features(&ids, fact_keys(sentence), held(initialisms))
    }
}

#[cfg(test)]
mod tests {
    use super::super::similarity::{similarity, similarity_prepared, Idf, Prepared, TrigramBits};
    use super::*;
    use crate::extract::tokens_of_text;

    fn words_of(vocabulary: &mut Vocabulary, text: &str) -> WordIds {
        let tokens = crate::extract::tokens_of_text(text, vocabulary);
        Words::new(vocabulary).of_sentence(text, &tokens).0
    }

    #[test]
    fn stopwords_and_repeats_add_no_word() {
        let mut vocabulary = Vocabulary::default();
        assert_eq!(
            words_of(&mut vocabulary, "The Putin, the Putin and Putin!").len(),
            1
        );
        // Spellings are words of their own but one token.
        let spellings = words_of(&mut vocabulary, "Putin putin PUTIN");
        let tokens = Words::new(&vocabulary).tokens(&spellings);
        assert_eq!((spellings.len(), tokens.len()), (3, 1));
        assert!(words_of(&mut vocabulary, "the and of").is_empty());
    }

    #[test]
    fn a_shared_vocabulary_gives_the_features_of_a_fresh_one() {
        let sentences = [
            "Russia bought 2,000 tanks.",
            "The company purchased a factory in Ohio.",
            "Tanks were bought by Russia in Ohio.",
        ];
        let mut shared = Vocabulary::default();
        let words: Vec<WordIds> = sentences.iter().map(|s| words_of(&mut shared, s)).collect();
        for (text, words) in sentences.iter().zip(&words) {
            let mut fresh = Vocabulary::default();
            let alone = words_of(&mut fresh, text);
            assert_eq!(
                Words::new(&shared).features(words, vec![7], None),
                Words::new(&fresh).features(&alone, vec![7], None)
            );
        }
        assert!(!Words::new(&shared)
            .features(&words[1], Vec::new(), None)
            .synonyms
            .is_empty());
    }

    #[test]
    fn markdown_emphasis_reads_as_plain_text() {
        let plain = Features::from_text("The Bank of England raised rates, the BoE said.");
        let marked = Features::from_text("The **Bank of England** raised _rates_, the *BoE* said.");
        assert_eq!(plain, marked);
        assert!(plain.initialisms.is_some());
    }

    #[test]
    fn prepared_scoring_gives_the_merge_result() {
        let left = [
            "Russia bought 2,000 tanks in Ohio, officials said.",
            "The company purchased a factory.",
            "",
        ];
        let right = [
            "Officials confirmed Russia had bought tanks in Ohio.",
            "A factory was bought by the firm.",
            "Rain fell.",
        ];
        let (mut lv, mut rv) = (Vocabulary::default(), Vocabulary::default());
        let lt: Vec<_> = left.iter().map(|t| tokens_of_text(t, &mut lv)).collect();
        let rt: Vec<_> = right.iter().map(|t| tokens_of_text(t, &mut rv)).collect();
        let (mut lv, mut rv) = (Words::new(&lv), Words::new(&rv));
        let lw: Vec<_> = left
            .iter()
            .zip(&lt)
            .map(|(t, k)| lv.of_sentence(t, k))
            .collect();
        let rw: Vec<_> = right
            .iter()
            .zip(&rt)
            .map(|(t, k)| rv.of_sentence(t, k))
            .collect();
        let count = Words::number_trigrams([&mut lv, &mut rv]);
        let lf: Vec<_> = lw
            .iter()
            .map(|(w, i)| lv.features(w, Vec::new(), held(i.clone())))
            .collect();
        let rf: Vec<_> = rw
            .iter()
            .map(|(w, i)| rv.features(w, Vec::new(), held(i.clone())))
            .collect();
        let idf = Idf::new(lf.iter().chain(&rf));
        let weights =
            |f: &Features| -> Vec<f64> { f.tokens.iter().map(|&t| idf.weight(t)).collect() };
        let mut bits = TrigramBits::new(count);
        for a in &lf {
            let a_weights = weights(a);
            let prepared_a = Prepared {
                features: a,
                weights: &a_weights,
                total: idf.total(&a.tokens),
            };
            bits.fill(&a.trigrams);
            for b in &rf {
                let b_total = idf.total(&b.tokens);
                assert_eq!(
                    similarity_prepared(&prepared_a, &bits, b, b_total, &idf),
                    similarity(a, b, &idf)
                );
            }
            bits.clear(&a.trigrams);
            assert_eq!(bits.count_in(&a.trigrams), 0);
        }
        // Numbering keeps which trigrams are equal across the sides: the
        // scores are those of features never renumbered.
        for (a, text_a) in lf.iter().zip(left) {
            for (b, text_b) in rf.iter().zip(right) {
                let fresh = (Features::from_text(text_a), Features::from_text(text_b));
                assert_eq!(similarity(a, b, &idf), similarity(&fresh.0, &fresh.1, &idf));
            }
        }
    }
}
