//! Amounts a report states without a number fact: "within a decade" is
//! ten years, "half a century" fifty, "for a week" one week; and the
//! numbers the extractor reads as no amount, an age ("the 26-year-old")
//! and "one" ("one in 400"). They are no facts of their own (an editor
//! does not miss "a week"), but the report that says "a decade" carries the
//! other's "ten years", and "26-year-old Harold Kilpatrick" the other's
//! "Harold Kilpatrick, 26".

use super::Quantity;
use crate::extract::{measure, spelled_unit};
use crate::model::Document;

/// Every unwritten amount of `doc`, as quantities of their unit. Read only
/// when a number fact is not carried otherwise: most comparisons never
/// call it.
pub(super) fn unwritten_quantities(doc: &Document) -> Vec<Quantity<'static>> {
    let mut out = Vec::new();
    for sentence in &doc.sentences {
        let words: Vec<&str> = doc.words_of(sentence.index).map(|w| &*w.folded).collect();
        for (k, w) in words.iter().enumerate() {
            let before = |back: usize| k.checked_sub(back).map(|i| words[i]);
            if let Some(count) = unread_count(w, before(1), before(2)) {
                out.push(Quantity::unread_count(count));
                continue;
            }
            let Some(unit) = spelled_unit(w) else {
                continue;
            };
            if !matches!(before(1), Some("a" | "an")) {
                continue;
            }
            // "half a century", "a quarter of a century", else one.
            let value = match (before(3), before(2)) {
                (_, Some("half")) => 0.5,
                (Some("quarter"), Some("of")) => 0.25,
                _ => 1.0,
            };
            if let Some(measure) = measure(value, unit) {
                out.push(Quantity::unwritten(unit, measure, value));
            }
        }
    }
    out
}

/// The count a number the extractor reads as no amount says: the age of
/// "26-year-old" (at its "old", after "year" and the digits), or the 1 of
/// "one".
fn unread_count(word: &str, before: Option<&str>, two_before: Option<&str>) -> Option<f64> {
    if word == "one" {
        return Some(1.0);
    }
    let age = word == "old" && matches!(before, Some("year" | "years"));
    let digits = two_before.filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
    age.then_some(digits).flatten().and_then(|d| d.parse().ok())
}
