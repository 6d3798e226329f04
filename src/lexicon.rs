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

use crate::normalize::{self, Key};

/// Synonym records: stem key (`u64` LE), group id (`u32` LE).
static SYNONYMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_synonyms.bin"));
const SYNONYM_RECORD: usize = 12;

/// Group member records: group id (`u32` LE), stem key (`u64` LE).
static GROUPS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_groups.bin"));

/// Antonym records: stem key (`u64` LE), antonym stem key (`u64` LE).
static ANTONYMS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/wordnet_antonyms.bin"));
const ANTONYM_RECORD: usize = 16;

/// A synonym group id (a WordNet synset, renumbered).
pub type Group = u32;

fn u64_at(table: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(table[at..at + 8].try_into().unwrap_or_default())
}

/// The records of `table` whose leading key is `token`, as a byte slice.
fn records_of(table: &'static [u8], record: usize, token: Key) -> &'static [u8] {
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
pub fn synonym_groups(token: Key) -> impl Iterator<Item = Group> {
    records_of(SYNONYMS, SYNONYM_RECORD, token)
        .chunks_exact(SYNONYM_RECORD)
        .map(|r| u32::from_le_bytes(r[8..12].try_into().unwrap_or_default()))
}

/// The stem keys of the antonyms of a stemmed token key.
pub fn antonyms(token: Key) -> impl Iterator<Item = Key> {
    records_of(ANTONYMS, ANTONYM_RECORD, token)
        .chunks_exact(ANTONYM_RECORD)
        .map(|r| u64_at(r, 8))
}

/// The stem keys sharing a synonym group with `token` (itself included when
/// it has a group).
pub fn synonyms(token: Key) -> impl Iterator<Item = Key> {
    synonym_groups(token).flat_map(group_members)
}

fn group_members(group: Group) -> impl Iterator<Item = Key> {
    let count = GROUPS.len() / SYNONYM_RECORD;
    let group_at =
        |i: usize| u32::from_le_bytes(GROUPS[i * 12..i * 12 + 4].try_into().unwrap_or_default());
    let start = partition(count, |i| group_at(i) < group);
    let end = partition(count, |i| group_at(i) <= group);
    GROUPS[start * SYNONYM_RECORD..end * SYNONYM_RECORD]
        .chunks_exact(SYNONYM_RECORD)
        .map(|r| u64_at(r, 4))
}

/// The first index in `0..count` where `before` turns false.
fn partition(count: usize, before: impl Fn(usize) -> bool) -> usize {
    let (mut low, mut high) = (0, count);
    while low < high {
        let mid = (low + high) / 2;
        if before(mid) {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    low
}

fn word_key(word: &str) -> Key {
    normalize::key(&normalize::stem_word(word))
}

/// True when two words are synonyms under the conservative rule above.
pub fn are_synonyms(a: &str, b: &str) -> bool {
    let b_groups: Vec<Group> = synonym_groups(word_key(b)).collect();
    synonym_groups(word_key(a)).any(|g| b_groups.contains(&g))
}

/// True when WordNet lists the words as antonyms.
pub fn are_antonyms(a: &str, b: &str) -> bool {
    let b = word_key(b);
    antonyms(word_key(a)).any(|k| k == b)
}

/// Word families whose members reverse each other's meaning when one
/// replaces the other in a statement: each entry is two families, and any
/// word of the first reverses any word of the second. WordNet lists some of
/// these only under other senses, or not at all ("arrest" / "release",
/// "say" / "deny"); news reports change them when a story is updated
/// ("the bill was approved" → "rejected"). Irregular forms are listed: the
/// stemmer cannot bring "rose" back to "rise". Kept to reversals of one
/// predicate: converse pairs ("buy" / "sell", "before" / "after"), where
/// swapping the subject and object keeps the meaning, are left out on
/// purpose, and so are words with a common sense outside the pair
/// ("back", "free", "drop" as a noun is rare enough to stay).
const REVERSALS: &[(&[&str], &[&str])] = &[
    (
        &[
            "approve", "approved", "approval", "endorse", "accept", "accepted",
        ],
        &[
            "reject",
            "rejected",
            "rejection",
            "veto",
            "vetoed",
            "refuse",
            "refused",
        ],
    ),
    (
        &[
            "raise",
            "raised",
            "increase",
            "increased",
            "boost",
            "boosted",
            "hike",
            "hiked",
            "rise",
            "rose",
            "risen",
            "grow",
            "grew",
            "grown",
            "gain",
            "gained",
            "climb",
            "climbed",
            "jump",
            "jumped",
            "soar",
            "soared",
            "expand",
            "expanded",
            "higher",
        ],
        &[
            "cut",
            "reduce",
            "reduced",
            "lower",
            "lowered",
            "decrease",
            "decreased",
            "fall",
            "fell",
            "fallen",
            "drop",
            "dropped",
            "decline",
            "declined",
            "sink",
            "sank",
            "sunk",
            "plunge",
            "plunged",
            "slump",
            "slumped",
            "shrink",
            "shrank",
            "shrunk",
            "tumble",
            "tumbled",
        ],
    ),
    (
        &[
            "arrest", "arrested", "detain", "detained", "jail", "jailed", "imprison",
        ],
        &["release", "released", "freed"],
    ),
    (
        &["convict", "convicted", "guilty", "condemn", "condemned"],
        &["acquit", "acquitted", "innocent", "exonerate", "exonerated"],
    ),
    (
        &["win", "won", "winner", "victory", "victorious"],
        &["lose", "lost", "loser", "loss", "defeated"],
    ),
    (
        &[
            "confirm",
            "confirmed",
            "admit",
            "admitted",
            "acknowledge",
            "acknowledged",
            "say",
            "said",
            "says",
            "assert",
            "asserted",
            "insist",
            "insisted",
        ],
        &["deny", "denied", "denies", "denial"],
    ),
    (
        &["succeed", "succeeded", "success", "successful"],
        &["fail", "failed", "failure", "unsuccessful"],
    ),
    (
        &[
            "allow",
            "allowed",
            "permit",
            "permitted",
            "legalise",
            "legalize",
            "authorise",
            "authorize",
        ],
        &[
            "ban",
            "banned",
            "forbid",
            "forbidden",
            "prohibit",
            "prohibited",
            "outlaw",
            "outlawed",
        ],
    ),
    (
        &["open", "opened", "reopen", "reopened"],
        &["close", "closed", "shut"],
    ),
    (
        &[
            "start", "started", "begin", "began", "begun", "launch", "launched", "resume",
            "resumed",
        ],
        &[
            "stop",
            "stopped",
            "end",
            "ended",
            "halt",
            "halted",
            "suspend",
            "suspended",
            "cease",
            "ceased",
        ],
    ),
    (
        &[
            "include", "included", "add", "added", "keep", "kept", "retain", "retained",
        ],
        &[
            "exclude", "excluded", "remove", "removed", "delete", "deleted", "scrap", "scrapped",
        ],
    ),
    (
        &["hire", "hired"],
        &["fire", "fired", "dismiss", "dismissed", "sack", "sacked"],
    ),
    (
        &["survive", "survived", "survivor", "alive"],
        &["die", "died", "dead", "killed"],
    ),
    (
        &[
            "strengthen",
            "strengthened",
            "improve",
            "improved",
            "better",
        ],
        &[
            "weaken",
            "weakened",
            "worsen",
            "worsened",
            "worse",
            "deteriorate",
            "deteriorated",
        ],
    ),
    (
        &["support", "supported", "favour", "favor"],
        &["oppose", "opposed", "opposition"],
    ),
    (
        &["legal", "lawful", "true", "accurate", "correct"],
        &[
            "illegal",
            "unlawful",
            "false",
            "inaccurate",
            "incorrect",
            "wrong",
        ],
    ),
    (&["agree", "agreed"], &["disagree", "disagreed"]),
    (
        &["most", "more", "greater", "maximum", "majority"],
        &["least", "less", "fewer", "minimum", "minority"],
    ),
];

/// Antonym pairs WordNet lists that are converses, not reversals: "X sold
/// it to Y" and "Y bought it from X" report one event.
const CONVERSES: &[(&str, &str)] = &[
    ("buy", "sell"),
    ("bought", "sold"),
    ("lend", "borrow"),
    ("give", "take"),
    ("give", "receive"),
    ("send", "receive"),
    ("teach", "learn"),
    ("before", "after"),
    ("above", "below"),
    ("import", "export"),
    ("parent", "child"),
    ("employer", "employee"),
    ("come", "go"),
    ("bring", "take"),
];

/// Reversal table by stem key: (pair index, side) of each listed word.
fn reversal_index() -> &'static rustc_hash::FxHashMap<Key, Vec<(u16, bool)>> {
    static INDEX: std::sync::OnceLock<rustc_hash::FxHashMap<Key, Vec<(u16, bool)>>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: rustc_hash::FxHashMap<Key, Vec<(u16, bool)>> = Default::default();
        for (n, (first, second)) in REVERSALS.iter().enumerate() {
            let n = u16::try_from(n).unwrap_or(u16::MAX);
            for (words, side) in [(first, false), (second, true)] {
                for w in words.iter() {
                    let entry = index.entry(word_key(w)).or_default();
                    if !entry.contains(&(n, side)) {
                        entry.push((n, side));
                    }
                }
            }
        }
        index
    })
}

/// True when the curated table lists the two stem keys on opposite sides of
/// one pair of families.
pub fn listed_reversal(a: Key, b: Key) -> bool {
    let index = reversal_index();
    let (Some(a), Some(b)) = (index.get(&a), index.get(&b)) else {
        return false;
    };
    a.iter().any(|&(n, side)| b.contains(&(n, !side)))
}

fn is_converse(a: Key, b: Key) -> bool {
    CONVERSES.iter().any(|(x, y)| {
        let (x, y) = (word_key(x), word_key(y));
        (a, b) == (x, y) || (a, b) == (y, x)
    })
}

/// True when a word with stem key `a` replaced by one with stem key `b`
/// reverses a statement: WordNet lists `b` as an antonym of `a` itself (not
/// of a synonym of it), or the curated [`REVERSALS`] table pairs them, and
/// they are not converses ("buy" / "sell").
pub fn reverses(a: Key, b: Key) -> bool {
    a != b
        && !is_converse(a, b)
        && (listed_reversal(a, b)
            || (!polysemous(a) && !polysemous(b) && antonyms(a).any(|k| k == b)))
}

/// Common verbs with so many senses that some WordNet sense of them has an
/// antonym in nearly any context ("stand" / "run" as candidates, "break" /
/// "make" even): their WordNet antonyms are not trusted. The curated table
/// still lists the reversals they take part in.
fn polysemous(k: Key) -> bool {
    const WORDS: &[&str] = &[
        "make", "made", "break", "broke", "broken", "run", "ran", "stand", "stood", "sit", "sat",
        "set", "take", "took", "taken", "give", "gave", "given", "get", "got", "go", "went",
        "gone", "come", "came", "put", "hold", "held", "let", "turn", "play", "work", "keep",
        "kept", "leave", "left", "right", "find", "found", "lose", "lost", "see", "saw", "show",
        "showed", "shown", "look", "way", "part", "light", "heavy", "hard", "easy", "close", "far",
        "near",
    ];
    WORDS.iter().any(|w| word_key(w) == k)
}

/// True when one folded word is the other with the negating prefix "un"
/// ("crewed" / "uncrewed", "popular" / "unpopular"). Short stems are left
/// out: "under", "until" and "unit" negate nothing.
pub fn negated_by_prefix(a: &str, b: &str) -> bool {
    let prefixed = |long: &str, short: &str| {
        short.chars().count() >= 4 && long.strip_prefix("un") == Some(short)
    };
    prefixed(a, b) || prefixed(b, a)
}

/// [`reverses`] on words as written.
pub fn are_reversals(a: &str, b: &str) -> bool {
    reverses(word_key(a), word_key(b))
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

    #[test]
    fn unknown_tokens_have_no_entries() {
        assert_eq!(synonym_groups(word_key("Kabulov")).count(), 0);
        assert_eq!(antonyms(word_key("Kabulov")).count(), 0);
    }
}
