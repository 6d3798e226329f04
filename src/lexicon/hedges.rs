//! Hedges: the words that keep a claim short of a firm statement. A
//! reporting hedge leaves the source out ("reportedly"); an epistemic one
//! makes the claim a likelihood ("probably", "may have been"). All folded.

/// Adverbs that credit an unnamed source: the claim is somebody's, not the
/// paper's.
pub(crate) const REPORTING: &[&str] = &["reportedly", "allegedly", "purportedly", "supposedly"];

/// Words that make a claim a likelihood. A report that trades a reporting
/// hedge for one of these ("is thought to have been" / "probably") still
/// hedges: the claim is no firmer. "could" and "would" are left out: they
/// say ability and condition as often as likelihood.
const EPISTEMIC: &[&str] = &[
    "probably",
    "likely",
    "possibly",
    "perhaps",
    "maybe",
    "apparently",
    "presumably",
    "seemingly",
    "may",
    "might",
];

/// True when the folded word makes its claim a likelihood.
pub(crate) fn is_epistemic(folded: &str) -> bool {
    EPISTEMIC.contains(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn likelihood_words_are_epistemic_and_ability_words_are_not() {
        assert!(is_epistemic("probably"));
        assert!(is_epistemic("may"));
        assert!(!is_epistemic("could"));
        assert!(
            !is_epistemic("reportedly"),
            "a reporting hedge is its own kind"
        );
    }
}
