//! Word pairs that reverse a statement when one replaces the other
//! ("approved" → "rejected"): WordNet antonyms of a word's own senses, a
//! curated table for the pairs WordNet misses, and the `un-` prefix.

#[cfg(test)]
use super::wordnet::word_key;
use super::wordnet::{antonyms, records_of, u32_at, u64_at};
use crate::text::normalize::Key;

/// Curated reversal records (stem key `u64`, pair index `u32`, side `u32`),
/// sorted; built by `build.rs` from `reversal_words.rs` (`REVERSALS`): word
/// families whose members reverse each other's meaning ("approve" /
/// "reject"), which WordNet lists only under other senses or not at all.
static REVERSAL_RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/reversals.bin"));
const REVERSAL_RECORD: usize = 16;

/// Converse records (stem key, stem key), both directions, sorted
/// (`CONVERSES`: "buy" / "sell" report one event).
static CONVERSE_RECORDS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/converses.bin"));
const CONVERSE_RECORD: usize = 16;

/// Stem keys of verbs whose WordNet antonyms are not trusted, sorted
/// (`POLYSEMOUS`).
static POLYSEMOUS_KEYS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/polysemous.bin"));

/// (pair index, side) of each curated family a stem key belongs to.
fn families(key: Key) -> impl Iterator<Item = (u32, u32)> {
    records_of(REVERSAL_RECORDS, REVERSAL_RECORD, key)
        .chunks_exact(REVERSAL_RECORD)
        .map(|r| (u32_at(r, 8), u32_at(r, 12)))
}

/// True when the curated table lists the two stem keys on opposite sides of
/// one pair of families.
pub(crate) fn listed_reversal(a: Key, b: Key) -> bool {
    families(a).any(|(n, side)| families(b).any(|(m, other)| m == n && other != side))
}

fn is_converse(a: Key, b: Key) -> bool {
    records_of(CONVERSE_RECORDS, CONVERSE_RECORD, a)
        .chunks_exact(CONVERSE_RECORD)
        .any(|r| u64_at(r, 8) == b)
}

/// True when a word with stem key `a` replaced by one with stem key `b`
/// reverses a statement: WordNet lists `b` as an antonym of `a` itself (not
/// of a synonym of it), or the curated reversal table pairs them, and
/// they are not converses ("buy" / "sell").
pub(crate) fn reverses(a: Key, b: Key) -> bool {
    a != b
        && !is_converse(a, b)
        && (listed_reversal(a, b)
            || (!polysemous(a) && !polysemous(b) && antonyms(a).any(|k| k == b)))
}

/// True when WordNet lists the two as antonyms in any sense, its untrusted
/// polysemous words too ("easy" / "difficult"): for the checks that a
/// negation says the same as an opposite ("was not difficult" / "was an
/// easy one"), which only ever keep a finding out.
pub(crate) fn may_oppose(a: Key, b: Key) -> bool {
    reverses(a, b) || antonyms(a).any(|k| k == b)
}

/// Common verbs with so many senses that some WordNet sense of them has an
/// antonym in nearly any context: their WordNet antonyms are not trusted
/// (see `POLYSEMOUS` in `reversal_words.rs`).
fn polysemous(k: Key) -> bool {
    !records_of(POLYSEMOUS_KEYS, 8, k).is_empty()
}

/// True when one folded word is the other with the negating prefix "un"
/// ("crewed" / "uncrewed", "popular" / "unpopular"). Short stems are left
/// out: "under", "until" and "unit" negate nothing.
pub(crate) fn negated_by_prefix(a: &str, b: &str) -> bool {
    let prefixed = |long: &str, short: &str| {
        short.chars().count() >= 4 && long.strip_prefix("un") == Some(short)
    };
    prefixed(a, b) || prefixed(b, a)
}

/// [`reverses`] on words as written.
#[cfg(test)]
pub(crate) fn are_reversals(a: &str, b: &str) -> bool {
    reverses(word_key(a), word_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::wordnet::are_antonyms;

    #[test]
    fn reversal_pairs_reverse_both_ways() {
        for (a, b) in [
            ("approved", "rejected"),
            ("raised", "cut"),
            ("arrested", "released"),
            ("won", "lost"),
            ("confirmed", "denied"),
            ("said", "denied"),
            ("rose", "fell"),
            ("increased", "decreased"),
            ("guilty", "innocent"),
        ] {
            assert!(are_reversals(a, b), "{a} / {b}");
            assert!(are_reversals(b, a), "{b} / {a}");
        }
    }

    #[test]
    fn antonyms_of_synonyms_are_not_reversals() {
        // "recent" ~ "new" ↔ "old": a hop through a synonym, not an antonym
        // of the word itself.
        assert!(!are_reversals("recent", "showed"));
        assert!(!are_reversals("cold", "close"));
        assert!(!are_reversals("gain", "increase"));
        assert!(!are_reversals("rise", "increase"));
    }

    #[test]
    fn a_rare_sense_of_a_satellite_adjective_opposes_nothing() {
        // "dead" of a battery, of an investment: WordNet's later senses.
        assert!(!are_antonyms("charged", "dead"));
        assert!(!are_antonyms("dead", "profitable"));
        assert!(are_antonyms("alive", "dead"));
        // Direct antonyms are kept in every sense.
        assert!(are_antonyms("gain", "loss"));
    }

    #[test]
    fn an_un_prefix_negates_a_word_of_four_letters_or_more() {
        assert!(negated_by_prefix("uncrewed", "crewed"));
        assert!(negated_by_prefix("popular", "unpopular"));
        assert!(!negated_by_prefix("under", "der"));
        assert!(!negated_by_prefix("unit", "it"));
    }

    #[test]
    fn converses_are_not_reversals() {
        assert!(are_antonyms("buy", "sell"));
        assert!(!are_reversals("bought", "sold"));
    }
}
