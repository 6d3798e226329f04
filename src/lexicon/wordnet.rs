//! WordNet knowledge on stemmed token keys: stem key → synonym groups, and
//! stem key → antonym stem keys.
//!
//! The tables come from Princeton WordNet 3.0 (`data/wordnet/`, regenerated
//! by `scripts/make-wordnet-tables`, licence in `data/wordnet/LICENSE`).
//! `build.rs` turns them into sorted fixed-size records in OUT_DIR, which are
//! included in the binary and binary-searched: no start-up cost.
//!
//! Synonyms are conservative: two words share a group only when one synset is
//! among the first two senses of each (same part of speech, single words,
//! both among the 50,000 most frequent English words).

use crate::text::normalize::{self, Key};

/// Synonym records: stem key (`u64` LE), group id (`u32` LE).
static SYNONYMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_synonyms.bin"));
const SYNONYM_RECORD: usize = 12;

/// Antonym records: stem key (`u64` LE), antonym stem key (`u64` LE).
static ANTONYMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_antonyms.bin"));
const ANTONYM_RECORD: usize = 16;

/// A synonym group id (a WordNet synset, renumbered).
pub(crate) type Group = u32;

/// The little-endian `u64` at byte `at` of a table record.
pub(crate) fn u64_at(table: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(table[at..at + 8].try_into().unwrap_or_default())
}

/// The little-endian `u32` at byte `at` of a table record.
pub(crate) fn u32_at(table: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(table[at..at + 4].try_into().unwrap_or_default())
}

/// The records of `table` whose leading key is `token`, as a byte slice.
pub(crate) fn records_of(table: &'static [u8], record: usize, token: Key) -> &'static [u8] {
    let count = table.len() / record;
    let key_at = |i: usize| u64_at(table, i * record);
    // Lower bound, then the run of equal keys.
    let (mut low, mut high) = (0, count);
    while low < high {
        let mid = (low + high) / 2;
        if key_at(mid) < token {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    let mut end = low;
    while end < count && key_at(end) == token {
        end += 1;
    }
    &table[low * record..end * record]
}

/// The synonym groups of a stemmed token key (none for most tokens).
pub(crate) fn synonym_groups(token: Key) -> impl Iterator<Item = Group> {
    records_of(SYNONYMS, SYNONYM_RECORD, token)
        .chunks_exact(SYNONYM_RECORD)
        .map(|r| u32::from_le_bytes(r[8..12].try_into().unwrap_or_default()))
}

/// The stem keys of the antonyms of a stemmed token key.
pub(crate) fn antonyms(token: Key) -> impl Iterator<Item = Key> {
    records_of(ANTONYMS, ANTONYM_RECORD, token)
        .chunks_exact(ANTONYM_RECORD)
        .map(|r| u64_at(r, 8))
}

/// The stem key of a word as written.
pub(crate) fn word_key(word: &str) -> Key {
    normalize::key(&normalize::stem_word(word))
}

/// True when two words are synonyms under the conservative rule above.
pub(crate) fn are_synonyms(a: &str, b: &str) -> bool {
    let b_groups: Vec<Group> = synonym_groups(word_key(b)).collect();
    synonym_groups(word_key(a)).any(|g| b_groups.contains(&g))
}

/// True when WordNet lists the words as antonyms.
pub(crate) fn are_antonyms(a: &str, b: &str) -> bool {
    let b = word_key(b);
    antonyms(word_key(a)).any(|k| k == b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_synonyms_are_found() {
        assert!(are_synonyms("buy", "purchase"));
        assert!(are_synonyms("bought", "purchased"));
        assert!(!are_synonyms("buy", "sell"));
        assert!(!are_synonyms("Putin", "Kremlin"));
    }

    #[test]
    fn textbook_antonyms_are_found_both_ways() {
        assert!(are_antonyms("increase", "decrease"));
        assert!(are_antonyms("decreased", "increased"));
        assert!(are_antonyms("guilty", "innocent"));
        assert!(!are_antonyms("increase", "rise"));
    }

    #[test]
    fn unknown_tokens_have_no_entries() {
        assert_eq!(synonym_groups(word_key("Kabulov")).count(), 0);
        assert_eq!(antonyms(word_key("Kabulov")).count(), 0);
    }
}
