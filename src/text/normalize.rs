//! Text → normalised tokens, shared by `extract` and `align`.
//!
//! A token is a UAX#29 word, NFKC-folded, lowercased, with diacritics and
//! possessive `'s` removed, then Snowball-stemmed ("confirmed" → "confirm").

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::cell::RefCell;
use std::sync::OnceLock;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

// Stopwords are knowledge, kept in the lexicon; every stage asks here.
pub use crate::lexicon::stopwords::is_stopword;

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// A token, trigram or fact key, hashed: features are compared millions of
/// times on long inputs, and sorted integer sets intersect without
/// allocating. 64-bit FNV-1a makes collisions negligible at article scale.
pub type Key = u64;

/// Hashes a string to a [`Key`] (FNV-1a, stable across runs and machines).
pub fn key(text: &str) -> Key {
    key_of(text.bytes())
}

/// Hashes bytes to a [`Key`].
pub fn key_of(bytes: impl IntoIterator<Item = u8>) -> Key {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Folds a word for comparison: NFKC, lowercase, no diacritics, straight
/// apostrophes, no possessive `'s`.
pub fn fold(word: &str) -> String {
    // Most news text is ASCII; it needs neither normalisation pass.
    let mut out: String = if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        fold_unicode(word)
    };
    if out.ends_with("'s") && out.len() > 2 {
        out.truncate(out.len() - 2);
    } else if out.ends_with('\'') {
        out.pop();
    }
    out
}

fn fold_unicode(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
    {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02bc}' => out.push('\''),
            other => match without_diacritic(other) {
                Some(plain) => out.push_str(plain),
                None => out.push(other),
            },
        }
    }
    out.nfkc().collect()
}

/// Latin letters whose stroke or ligature Unicode does not decompose, as an
/// English text without them writes them: "Mysłajek" is "Myslajek",
/// "Søren" "Soren", "Straße" "Strasse".
fn without_diacritic(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'ø' => "o",
        'đ' => "d",
        'ħ' => "h",
        'ı' => "i",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => return None,
    })
}

/// Stems a folded word with the Snowball English stemmer.
pub fn stem(folded: &str) -> String {
    // A Snowball stem costs about three thousand instructions. A document
    // stems each of its words once, into its vocabulary
    // ([`super::vocabulary::Vocabulary`]), but the two reports of one
    // story share most of their words and are analysed on the same thread
    // when short: a per-thread memo serves the second report's repeats
    // (without it the seed pair costs 4.1 ms of CPU instead of 3.4 ms, a
    // fifth of it in the stemmer). It is emptied when full, so a long
    // `newsdiff batch` holds at most MEMO_LIMIT words a thread.
    const MEMO_LIMIT: usize = 1 << 14;
    thread_local! {
        static MEMO: RefCell<FxHashMap<Box<str>, Box<str>>> = RefCell::default();
    }
    MEMO.with_borrow_mut(|memo| {
        if let Some(stem) = memo.get(folded) {
            return stem.to_string();
        }
        let stem = stemmer().stem(folded).into_owned();
        if memo.len() >= MEMO_LIMIT {
            memo.clear();
        }
        memo.insert(folded.into(), stem.as_str().into());
        stem
    })
}

/// Folds then stems.
pub fn stem_word(word: &str) -> String {
    stem(&fold(word))
}

/// Words of `text` with their byte offsets (UAX#29 word bounds that contain a
/// letter or digit).
pub fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    super::segment::word_bounds(text)
        .filter(|(_, w)| !super::segment::is_escape(w) && w.chars().any(char::is_alphanumeric))
}

/// Stemmed content tokens of `text`, in order (stopwords dropped).
pub fn content_tokens(text: &str) -> Vec<String> {
    words(text)
        .map(|(_, w)| fold(w))
        .filter(|w| !is_stopword(w))
        .map(|w| stem(&w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_found() {
        for w in ["a", "the", "which", "via", "onto", "own"] {
            assert!(is_stopword(w), "{w}");
        }
    }

    #[test]
    fn fold_removes_diacritics_case_and_possessive() {
        assert_eq!(fold("Kremlin’s"), "kremlin");
        assert_eq!(fold("Café"), "cafe");
        assert_eq!(fold("ＡＦＰ"), "afp");
        assert_eq!(fold("Mysłajek"), "myslajek");
        assert_eq!(fold("Søren"), "soren");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn stem_joins_inflections() {
        assert_eq!(stem_word("confirmed"), stem_word("confirms"));
        assert_eq!(stem_word("fighters"), "fighter");
    }

    #[test]
    fn content_tokens_drop_function_words() {
        assert_eq!(
            content_tokens("The talks on the Taliban"),
            vec!["talk", "taliban"]
        );
    }
}
