//! Word pairs that reverse a statement when one replaces the other
//! ("approved" → "rejected"): WordNet antonyms of a word's own senses, a
//! curated table for the pairs WordNet misses, and the `un-` prefix.

use super::wordnet::{antonyms, word_key};
use crate::text::normalize::Key;

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

/// The converse pairs by stem key, stemmed once: `reverses` asks for
/// every candidate word pair of every aligned sentence pair.
fn is_converse(a: Key, b: Key) -> bool {
    static KEYS: std::sync::OnceLock<Vec<(Key, Key)>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        CONVERSES
            .iter()
            .map(|(x, y)| (word_key(x), word_key(y)))
            .collect()
    })
    .iter()
    .any(|&(x, y)| (a, b) == (x, y) || (a, b) == (y, x))
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
    // Stemmed once, not on every call (it was a sixth of the seed pair's
    // instructions).
    static KEYS: std::sync::OnceLock<rustc_hash::FxHashSet<Key>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| WORDS.iter().map(|w| word_key(w)).collect())
        .contains(&k)
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
#[cfg(test)]
pub fn are_reversals(a: &str, b: &str) -> bool {
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
