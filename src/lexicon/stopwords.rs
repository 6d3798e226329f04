//! Function words that carry no topic. Alignment weighs a sentence by its
//! other words, and fact and quote checks skip these.

use std::sync::OnceLock;

/// True for function words that carry no topic: articles, auxiliaries,
/// pronouns, common prepositions and conjunctions. Checked on folded words.
pub fn is_stopword(folded: &str) -> bool {
    // A short list on purpose: words such as "not", "no", numbers and
    // reporting verbs stay, because changing them changes the meaning.
    const STOP: &[&str] = &[
        "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "by", "with",
        "from", "as", "into", "about", "than", "that", "this", "these", "those", "which", "who",
        "whom", "whose", "what", "is", "are", "was", "were", "be", "been", "being", "am", "has",
        "have", "had", "having", "do", "does", "did", "it", "its", "he", "she", "they", "them",
        "their", "his", "her", "him", "we", "our", "us", "you", "your", "i", "me", "my", "s",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "also",
        "there", "here", "so", "if", "then", "such", "some", "any", "each", "other", "both", "up",
        "out", "over", "under", "after", "before", "while", "during", "between", "through", "own",
        "same", "just", "very", "too", "more", "most", "per", "via", "upon", "onto",
    ];
    static SET: OnceLock<rustc_hash::FxHashSet<&'static str>> = OnceLock::new();
    let set = SET.get_or_init(|| STOP.iter().copied().collect());
    set.contains(folded) || (folded.len() == 1 && !folded.as_bytes()[0].is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_stopwords_and_negators_are_not() {
        for w in ["the", "of", "was", "they", "x"] {
            assert!(is_stopword(w), "{w}");
        }
        // Changing these changes the meaning, so they must count.
        for w in ["not", "no", "never", "said", "2", "putin"] {
            assert!(!is_stopword(w), "{w}");
        }
    }
}
