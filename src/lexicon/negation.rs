//! Negation: the words that deny the clause they stand in, the words that
//! negate without a negator, and the auxiliaries that stand in for one
//! another around a negator. All folded (lowercase, straight apostrophe).

/// Negators written as words of their own.
const NEGATORS: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot",
];

/// Contractions whose apostrophe was lost ("dont", "wasnt"): a plain-text
/// export or a CMS that strips quotation marks strips apostrophes too, and
/// the copy says the same as the original ("I don't" / "I dont"). "wont"
/// and "cant" are also rare nouns ("as is his wont"); in news text they
/// are nearly always the contraction.
const BARE_CONTRACTIONS: &[&str] = &[
    "dont", "doesnt", "didnt", "isnt", "arent", "wasnt", "werent", "havent", "hasnt", "hadnt",
    "wont", "wouldnt", "cant", "couldnt", "shouldnt", "mustnt", "neednt", "shant", "aint",
    "mightnt", "darent", "oughtnt",
];

/// True when the folded word negates its clause: a negator, or a
/// contraction with "n't" (its apostrophe kept or lost).
pub(crate) fn is_negator(folded: &str) -> bool {
    NEGATORS.contains(&folded) || folded.ends_with("n't") || BARE_CONTRACTIONS.contains(&folded)
}

/// True when `word` and `next` are a contraction split at its apostrophe:
/// "couldn ’ t", as a text tokenised and joined again with spaces writes
/// "couldn't".
pub(crate) fn is_split_contraction(word: &str, next: &str) -> bool {
    next == "t"
        && BARE_CONTRACTIONS
            .iter()
            .any(|c| c.strip_suffix('t') == Some(word))
}

/// Verbs that negate the verb after "to" like "not" does: "failed to
/// fall" and "did not fall", "refusing to name" and "not naming", "declined
/// to give details" and "gave no details" say the same.
pub(crate) fn negates_the_verb_after(word: &str) -> bool {
    matches!(
        word,
        "fail"
            | "fails"
            | "failed"
            | "failing"
            | "refuse"
            | "refuses"
            | "refused"
            | "refusing"
            | "decline"
            | "declines"
            | "declined"
            | "declining"
    )
}

/// Words that negate without a negator ("unable to", "the lack of",
/// "denied that").
const IMPLICIT_NEGATORS: &[&str] = &[
    "unable",
    "incapable",
    "inability",
    "unlikely",
    "absence",
    "absent",
    "lack",
    "lacks",
    "lacked",
    "lacking",
    "instead",
    "unless",
    "without",
    "deny",
    "denies",
    "denied",
    "stop",
    "stops",
    "stopped",
    "prevent",
    "prevents",
    "prevented",
    "few",
    // "removed from the bill": not in it; "remove the need": not needed.
    "remove",
    "removes",
    "removed",
    "removing",
    // "declined comment": did not comment.
    "decline",
    "declines",
    "declined",
    "declining",
    // "their failure to get a turnout": they did not get it.
    "failure",
    // "less-severe decline": not severe.
    "less",
    // "the myth that X": X is not so.
    "myth",
    "myths",
    "misconception",
    "non",
    "hardly",
    "barely",
    "little",
];

/// True when `word` negates without a negator, given the words `before`
/// and `next` around it: one of [`IMPLICIT_NEGATORS`], or "rather than",
/// "as opposed", "far from", "yet to" ("is yet to open" says "has not
/// opened"), "ruled out" ("ruled out using mirrors to slow it" says they
/// would not slow it), "ill-" before a participle ("ill-equipped to deal"
/// says "not able to deal"), or a word whose negative prefix makes it the
/// antonym of the rest ([`negated_by_its_prefix`]: "might sound
/// unrealistic" says "might not sound possible").
pub(crate) fn is_implicit_negator(before: &str, word: &str, next: &str) -> bool {
    IMPLICIT_NEGATORS.contains(&word)
        || (word == "rather" && next == "than")
        || (word == "opposed" && before == "as")
        || (word == "far" && next == "from")
        || (word == "yet" && next == "to")
        || (matches!(word, "rule" | "rules" | "ruled" | "ruling") && next == "out")
        || (word == "ill" && next.len() > 4 && next.ends_with("ed"))
        || negated_by_its_prefix(word)
}

/// Negative prefixes of English adjectives ("unknown", "impossible",
/// "illegal", "irregular", "dishonest").
const NEGATIVE_PREFIXES: &[&str] = &["un", "in", "im", "il", "ir", "dis"];

/// True when `word` is a negative prefix on a word that WordNet lists as
/// its antonym: "unrealistic" / "realistic", "impossible" / "possible".
/// The antonym test keeps out the words that only look prefixed
/// ("invaluable", "discover", "income", "united").
pub(crate) fn negated_by_its_prefix(word: &str) -> bool {
    NEGATIVE_PREFIXES.iter().any(|prefix| {
        word.strip_prefix(prefix)
            .is_some_and(|rest| rest.len() >= 4 && super::wordnet::are_antonyms(word, rest))
    })
}

/// Auxiliaries that stand in for one another around a negator ("has" →
/// "doesn't have", "will" → "won't"), by class.
pub(crate) fn auxiliary_class(folded: &str) -> Option<u8> {
    Some(match folded {
        "be" | "is" | "are" | "was" | "were" | "been" | "am" => 0,
        "have" | "has" | "had" => 1,
        "do" | "does" | "did" => 2,
        "will" | "would" | "won't" | "wouldn't" | "wont" | "wouldnt" => 3,
        "can" | "could" | "cannot" | "can't" | "couldn't" | "cant" | "couldnt" => 4,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contraction_negates_with_or_without_its_apostrophe() {
        for w in [
            "not", "never", "didn't", "cannot", "no", "dont", "wasnt", "couldnt",
        ] {
            assert!(is_negator(w), "{w}");
        }
        for w in ["now", "know", "note", "don", "nothingness", "isn"] {
            assert!(!is_negator(w), "{w}");
        }
        assert_eq!(auxiliary_class("wont"), auxiliary_class("will"));
        assert!(is_split_contraction("couldn", "t"));
        assert!(is_split_contraction("can", "t"));
        assert!(!is_split_contraction("couldn", "the"));
        assert!(!is_split_contraction("mr", "t"));
        assert_eq!(auxiliary_class("cant"), auxiliary_class("can"));
    }

    #[test]
    fn a_negative_prefix_negates_only_where_wordnet_says_so() {
        for w in [
            "unrealistic",
            "unknown",
            "impossible",
            "inaccurate",
            "dishonest",
            "illegal",
            "irregular",
            "unhappy",
            "unclear",
        ] {
            assert!(negated_by_its_prefix(w), "{w}");
        }
        for w in [
            "invaluable",
            "discover",
            "income",
            "inside",
            "united",
            "important",
            "display",
            "dismiss",
            "impress",
            "understand",
            "universal",
            "under",
            "until",
            "realistic",
        ] {
            assert!(!negated_by_its_prefix(w), "{w}");
        }
    }

    #[test]
    fn implicit_negators_read_their_neighbours() {
        assert!(is_implicit_negator("he", "ruled", "out"));
        assert!(!is_implicit_negator("he", "ruled", "the"));
        assert!(is_implicit_negator("are", "ill", "equipped"));
        assert!(!is_implicit_negator("was", "ill", "for"));
        assert!(is_implicit_negator("", "unable", "to"));
        assert!(is_implicit_negator("is", "yet", "to"));
        assert!(!is_implicit_negator("not", "yet", "."));
        assert!(is_implicit_negator("", "rather", "than"));
        assert!(!is_implicit_negator("", "rather", "good"));
    }
}
