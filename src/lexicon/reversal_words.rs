//! The word lists behind [`super::reversals`], as data: `build.rs` includes
//! this file, stems every word once with the library's own normalizer and
//! writes sorted tables the library binary-searches, so no run pays for
//! stemming them. The library itself does not compile this file.

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
pub const REVERSALS: &[(&[&str], &[&str])] = &[
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
pub const CONVERSES: &[(&str, &str)] = &[
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

/// Common verbs with so many senses that some WordNet sense of them has an
/// antonym in nearly any context ("stand" / "run" as candidates, "break" /
/// "make" even): their WordNet antonyms are not trusted. The curated table
/// still lists the reversals they take part in.
#[rustfmt::skip]
pub const POLYSEMOUS: &[&str] = &[
        "make", "made", "break", "broke", "broken", "run", "ran", "stand", "stood", "sit", "sat",
        "set", "take", "took", "taken", "give", "gave", "given", "get", "got", "go", "went",
        "gone", "come", "came", "put", "hold", "held", "let", "turn", "play", "work", "keep",
        "kept", "leave", "left", "right", "find", "found", "lose", "lost", "see", "saw", "show",
        "showed", "shown", "look", "way", "part", "light", "heavy", "hard", "easy", "close", "far",
        "near",
    ];
