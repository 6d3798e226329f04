//! One side's vocabulary: each distinct word as written is folded, stemmed,
//! cut into trigrams and looked up in WordNet once, and a sentence is a
//! list of word ids until its [`Features`] are needed.
//!
//! Folding, stemming and the table searches cost far more than a lookup,
//! and a text repeats its words. Keeping sentences as word ids also lets
//! the aligner build one side's features only while it scores them, rather
//! than holding both sides' trigram sets at once.

use super::initialisms::{self, Initialisms};
use super::similarity::{
    add_trigrams, sort_set, synonym_entries, Features, Key, KeyHasher, Trigram,
};
use crate::lexicon;
use crate::text::normalize;
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::sync::Arc;

/// The ids of a sentence's distinct content words (stopwords left out).
pub type WordIds = Box<[u32]>;

/// The id given to stopwords, which add nothing to features.
const STOPWORD: u32 = u32::MAX;

/// The words of one side's sentences; see the module comment.
#[derive(Default)]
pub struct Vocabulary {
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<ContentWord>,
    groups: HashMap<Key, Box<[lexicon::Group]>, KeyHasher>,
    /// A sentence's word ids while `words_of` collects them: one buffer
    /// reused, instead of a vector grown for every sentence.
    scratch: Vec<u32>,
    /// A sentence's words in order, with their ids, for the initialisms.
    ordered: Vec<(usize, usize, u32)>,
}

/// What features take from one content word.
struct ContentWord {
    stem: Key,
    /// Character trigrams of the folded word.
    trigrams: Box<[Trigram]>,
}

impl Vocabulary {
    /// The content words of `text`, learning the new ones.
    pub fn words_of(&mut self, text: &str) -> WordIds {
        self.words_and_initialisms_of(text).0
    }

    /// [`Vocabulary::words_of`], with the sentence's initialisms and the
    /// runs of capitalised words they may stand for.
    pub fn words_and_initialisms_of(&mut self, text: &str) -> (WordIds, Initialisms) {
        let mut ids = std::mem::take(&mut self.scratch);
        let mut ordered = std::mem::take(&mut self.ordered);
        ids.clear();
        ordered.clear();
        let mut capitals = false;
        for (at, word) in normalize::words(text) {
            let id = match self.ids.get(word) {
                Some(&id) => id,
                None => self.learn(word),
            };
            if id != STOPWORD {
                ids.push(id);
            }
            // Only a sentence with a capitalised word after its first can
            // have a run or an initialism worth the scan.
            capitals |= word.starts_with(|c: char| c.is_ascii_uppercase())
                && (!ordered.is_empty()
                    || word.chars().filter(char::is_ascii_uppercase).count() > 1);
            ordered.push((at, word.len(), id));
        }
        let initialisms = if capitals {
            let words: Vec<initialisms::Word> = ordered
                .iter()
                .map(|&(at, len, id)| initialisms::Word {
                    at,
                    text: text.get(at..at + len).unwrap_or_default(),
                    stem: self.words.get(id as usize).map(|w| w.stem),
                })
                .collect();
            initialisms::scan(text, &words)
        } else {
            Initialisms::default()
        };
        ids.sort_unstable();
        ids.dedup();
        let words = ids.as_slice().into();
        self.scratch = ids;
        self.ordered = ordered;
        (words, initialisms)
    }

    fn learn(&mut self, word: &str) -> u32 {
        let info = normalize::WordInfo::of(word);
        let id = match (info.key, u32::try_from(self.words.len())) {
            (Some(stem), Ok(id)) if id != STOPWORD => {
                let mut trigrams = Vec::new();
                add_trigrams(&mut trigrams, &info.folded);
                self.words.push(ContentWord {
                    stem,
                    trigrams: trigrams.into_boxed_slice(),
                });
                self.groups
                    .entry(stem)
                    .or_insert_with(|| lexicon::synonym_groups(stem).collect());
                id
            }
            // A stopword, or past four billion distinct words, which no
            // input within the size limit reaches.
            _ => STOPWORD,
        };
        self.ids.insert(word.into(), id);
        id
    }

    /// Renumbers the trigrams of both sides' words 0, 1, 2, … (the same
    /// trigram the same number on both sides) and returns how many there
    /// are, so that a sentence's trigrams fit a small bitmap
    /// ([`super::similarity::TrigramBits`]). Renumbering keeps which
    /// trigrams are equal, so every Dice overlap stays the same; features
    /// built before and after must not be compared.
    pub fn number_trigrams(sides: [&mut Vocabulary; 2]) -> usize {
        let mut numbers: FxHashMap<Trigram, Trigram> = FxHashMap::default();
        for side in sides {
            for word in &mut side.words {
                for trigram in word.trigrams.iter_mut() {
                    let next = numbers.len() as Trigram;
                    *trigram = *numbers.entry(*trigram).or_insert(next);
                }
            }
        }
        numbers.len()
    }

    /// The stemmed tokens of a sentence's words, as a sorted set.
    pub fn tokens(&self, words: &[u32]) -> Vec<Key> {
        let mut tokens: Vec<Key> = words.iter().map(|&w| self.words[w as usize].stem).collect();
        sort_set(&mut tokens);
        tokens
    }

    /// The features of a sentence's words with the given fact keys (a
    /// sorted set) and initialisms.
    pub fn features(
        &self,
        words: &[u32],
        facts: Vec<Key>,
        initialisms: Option<Arc<Initialisms>>,
    ) -> Features {
        let tokens = self.tokens(words);
        let count = words
            .iter()
            .map(|&w| self.words[w as usize].trigrams.len())
            .sum();
        let mut trigrams = Vec::with_capacity(count);
        for &w in words {
            trigrams.extend_from_slice(&self.words[w as usize].trigrams);
        }
        sort_set(&mut trigrams);
        let synonyms = synonym_entries(&tokens, |token, out| {
            if let Some(groups) = self.groups.get(&token) {
                out.extend_from_slice(groups);
            }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_and_repeats_add_no_word() {
        let mut vocabulary = Vocabulary::default();
        assert_eq!(
            vocabulary.words_of("The Putin, the Putin and Putin!").len(),
            1
        );
        // Spellings are words of their own but one token.
        let spellings = vocabulary.words_of("Putin putin PUTIN");
        assert_eq!(
            (spellings.len(), vocabulary.tokens(&spellings).len()),
            (3, 1)
        );
        assert!(vocabulary.words_of("the and of").is_empty());
    }

    #[test]
    fn a_shared_vocabulary_gives_the_features_of_a_fresh_one() {
        let sentences = [
            "Russia bought 2,000 tanks.",
            "The company purchased a factory in Ohio.",
            "Tanks were bought by Russia in Ohio.",
        ];
        let mut shared = Vocabulary::default();
        let words: Vec<WordIds> = sentences.iter().map(|s| shared.words_of(s)).collect();
        for (text, words) in sentences.iter().zip(&words) {
            let mut fresh = Vocabulary::default();
            let alone = fresh.words_of(text);
            assert_eq!(
                shared.features(words, vec![7], None),
                fresh.features(&alone, vec![7], None)
            );
        }
        assert!(!shared
            .features(&words[1], Vec::new(), None)
            .synonyms
            .is_empty());
    }
}
