//! The other report's multiword names, indexed for spelling variants: a
//! name is compared ([`same_name`]) only with the names that could be a
//! variant of it, not with every name, so a transcript with tens of
//! thousands of names is matched by the same rule as an article.
//!
//! [`same_name`] holds when a window of the other name matches ours word
//! for word loosely (equal, abbreviated, or one letter off), or when the
//! other name is a shorter run of ours with the same last word. So a
//! variant's window starts with a word that equals our first word, is one
//! letter off it (the two then share a word with one letter deleted, or
//! one is the other with a letter deleted), or abbreviates it or is
//! abbreviated by it (the same first letter, one of them at most three
//! letters long); and a shorter run ends with our last word. The index
//! looks up exactly these, and [`same_name`] decides.

use super::names::same_name;
use crate::text::normalize::{key_of, Key};
use rustc_hash::FxHashSet;

/// Longest word, in letters, that can abbreviate another ("mt", "st").
const ABBREVIATION: usize = 3;

/// Names, each as its folded words, with the lookups above.
#[derive(Default)]
pub(super) struct NameIndex {
    names: Vec<Vec<String>>,
    /// (lookup key, name) for every lookup of every name, sorted by
    /// [`NameIndex::finish`]: one flat table rather than a map of lists,
    /// as a transcript's names give hundreds of thousands of keys.
    keys: Vec<(Key, u32)>,
}

/// The kinds of lookup, each hashed under a tag of its own.
const BY_FIRST: u8 = 1;
const SHORT_BY_FIRST: u8 = 2;
const BY_LAST: u8 = 3;

impl NameIndex {
    /// Adds a multiword name.
    pub(super) fn push(&mut self, words: Vec<String>) {
        let id = self.names.len() as u32;
        for word in &words {
            self.keys.extend(deletions(word).map(|key| (key, id)));
            if let Some(first) = word.chars().next() {
                self.keys
                    .push((tagged(BY_FIRST, first.encode_utf8(&mut [0; 4])), id));
                if word.chars().count() <= ABBREVIATION {
                    let key = tagged(SHORT_BY_FIRST, first.encode_utf8(&mut [0; 4]));
                    self.keys.push((key, id));
                }
            }
        }
        if let Some(last) = words.last() {
            self.keys.push((tagged(BY_LAST, last), id));
        }
        self.names.push(words);
    }

    /// Sorts the lookups once every name is in; until then none is found.
    pub(super) fn finish(&mut self) {
        self.keys.sort_unstable();
        self.keys.dedup();
        self.keys.shrink_to_fit();
    }

    /// The names under `key`.
    fn under(&self, key: Key) -> impl Iterator<Item = u32> + '_ {
        let from = self.keys.partition_point(|&(k, _)| k < key);
        self.keys[from..]
            .iter()
            .take_while(move |&&(k, _)| k == key)
            .map(|&(_, id)| id)
    }

    /// True when some indexed name names what `ours` names
    /// ([`same_name`]).
    pub(super) fn has_variant_of(&self, ours: &[String]) -> bool {
        let (Some(first), Some(last)) = (ours.first(), ours.last()) else {
            return false;
        };
        let mut candidates: FxHashSet<u32> = FxHashSet::default();
        for key in deletions(first) {
            candidates.extend(self.under(key));
        }
        if let Some(letter) = first.chars().next() {
            let by = if first.chars().count() <= ABBREVIATION {
                BY_FIRST
            } else {
                SHORT_BY_FIRST
            };
            candidates.extend(self.under(tagged(by, letter.encode_utf8(&mut [0; 4]))));
        }
        candidates.extend(self.under(tagged(BY_LAST, last)));
        candidates
            .into_iter()
            .any(|id| same_name(ours, &self.names[id as usize]))
    }
}

/// `text` hashed under a lookup's tag (a byte no word starts with).
fn tagged(tag: u8, text: &str) -> Key {
    key_of(std::iter::once(tag).chain(text.bytes()))
}

/// The word itself and the word with each one letter deleted, hashed
/// without building the strings.
fn deletions(word: &str) -> impl Iterator<Item = Key> + '_ {
    let cuts = word
        .char_indices()
        .map(|(at, c)| (at, at + c.len_utf8()))
        .chain(std::iter::once((word.len(), word.len())));
    cuts.map(move |(from, to)| key_of(word[..from].bytes().chain(word[to..].bytes())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_string).collect()
    }

    /// The index finds what a scan of every name finds.
    #[test]
    fn the_index_answers_as_a_scan_of_every_name() {
        let names = [
            "heydar aliyev",
            "unesco world heritage site",
            "maritime museum",
            "mount everest",
            "gordon advisers",
            "st petersburg",
            "raite family",
        ];
        let mut index = NameIndex::default();
        for n in names {
            index.push(name(n));
        }
        index.finish();
        let queries = [
            "heidar aliyev",
            "world heritage sites",
            "international maritime museum",
            "mt everest",
            "gordon advisors",
            "saint petersburg",
            "rait family",
            "iran aliyev",
            "ozy media",
            "mount kenya",
        ];
        for q in queries {
            let ours = name(q);
            let scan = names.iter().any(|n| same_name(&ours, &name(n)));
            assert_eq!(index.has_variant_of(&ours), scan, "{q}");
        }
        assert!(index.has_variant_of(&name("heidar aliyev")));
        assert!(index.has_variant_of(&name("mt everest")));
        assert!(!index.has_variant_of(&name("ozy media")));
    }
}
