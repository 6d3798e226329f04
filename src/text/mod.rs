//! Text before any stage reads it for meaning: UAX#29 segmentation with
//! terminal escape sequences kept whole (`segment`), the folding,
//! stemming and stopword rules every stage compares words by (`normalize`),
//! the one tokenizer (`tokenize`), and a document's words analysed once by
//! those rules (`vocabulary`).

pub mod normalize;
// A character class the binary needs too (the stripped-quotes warning).
pub use crate::lexicon::quotes::is_quotation_mark;
pub mod segment;
pub(crate) mod tokenize;
pub mod vocabulary;

/// Folds every run of whitespace (non-breaking spaces included) to one
/// space and trims the ends: reader text, page titles and bylines.
pub(crate) fn fold_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
