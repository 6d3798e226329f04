//! Amounts a report states without a numeral: "within a decade" is ten
//! years, "half a century" fifty, "for a week" one week. They are no facts
//! of their own (an editor does not miss "a week"), but the report that
//! says "a decade" carries the other's "ten years", which is no added
//! number.

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
            let Some(unit) = spelled_unit(w) else {
                continue;
            };
            let before = |back: usize| k.checked_sub(back).map(|i| words[i]);
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
