//! Warnings: facts about the two inputs that make the report misleading
//! unless someone says them. They are in the Report (`warnings`), which
//! the CLI prints on standard error; they count as no difference and
//! change no exit status.

use crate::lexicon::quotes::is_quotation_mark;
use crate::model::report::{PairReport, Side, Warning, WarningKind};
use crate::model::Document;

/// A side that quotes this often, against a side without one quotation
/// mark, is a copy whose marks were lost (a plain-text export, a CMS that
/// strips them) rather than a rewrite that paraphrased every quote. Fewer
/// quotes than this are too few to tell.
const MANY_QUOTES: usize = 3;

/// How a document quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct QuoteCount {
    /// Statements the extractor found quoted (attributions with quoted
    /// words) in aligned sentences: what the comparison reports as altered
    /// or made indirect. Unaligned sentences have nothing to be compared
    /// with, so an empty or unrelated other side warns of nothing.
    quotes: usize,
    /// True when the text holds any quotation mark at all.
    marks: bool,
}

impl QuoteCount {
    /// Counts `document`'s quotes in the sentences `aligned` names and
    /// looks for any quotation mark in the whole text.
    fn of(document: &Document, aligned: &[usize]) -> QuoteCount {
        let quotes = aligned
            .iter()
            .filter_map(|&i| document.sentences.get(i))
            .flat_map(|s| s.attributions())
            .filter(|a| a.quote.is_some())
            .count();
        QuoteCount {
            quotes,
            marks: document.text.chars().any(is_quotation_mark),
        }
    }
}

/// The warning for a pair where one side has no quotation mark at all and
/// the other quotes [`MANY_QUOTES`] times or more: every quote would then
/// come out as a change.
pub(super) fn quote_warning(
    pairs: &[PairReport],
    left: &Document,
    right: &Document,
) -> Option<Warning> {
    let aligned = |side: fn(&PairReport) -> &Vec<usize>| -> Vec<usize> {
        pairs.iter().flat_map(side).copied().collect()
    };
    let l = QuoteCount::of(left, &aligned(|p| &p.left));
    let r = QuoteCount::of(right, &aligned(|p| &p.right));
    // The comparison reports a left quote with an unquoted partner as made
    // indirect; a right quote with an unquoted partner as an added quote.
    // A bare side must also have no quote the extractor found: straight
    // single marks ('We will,' he said) are not counted as marks, being
    // apostrophes too, but the extractor tells them apart.
    let bare = |c: QuoteCount| !c.marks && c.quotes == 0;
    let (side, bare, quoting, count, effect) = if bare(r) && l.quotes >= MANY_QUOTES {
        (Side::Right, right, left, l.quotes, "made indirect")
    } else if bare(l) && r.quotes >= MANY_QUOTES {
        (Side::Left, left, right, r.quotes, "added")
    } else {
        return None;
    };
    Some(Warning {
        kind: WarningKind::QuotationMarksMissing,
        side,
        message: format!(
            "{} has no quotation marks at all while {} has {count} quoted statements; if the \
             marks were lost in conversion, every quote is reported as {effect}",
            bare.path, quoting.path
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUOTED: &str = "Putin said: \u{201c}We will talk.\u{201d}\n\n\
        \u{201c}We are ready,\u{201d} Lavrov said.\n\n\
        \"It is time,\" the envoy said.\n\n\
        Peskov said: \u{201c}No date is set.\u{201d}\n";
    const BARE: &str = "Putin said: We will talk.\n\n\
        We are ready, Lavrov said.\n\n\
        It is time, the envoy said.\n\n\
        Peskov said: No date is set.\n";

    fn doc(path: &str, text: &str) -> Document {
        crate::analyse(path, text)
    }

    /// Every sentence of `document`.
    fn all(document: &Document) -> Vec<usize> {
        (0..document.sentences.len()).collect()
    }

    /// The warning for two texts, as the Report gives it.
    fn warn_for(left: (&str, &str), right: (&str, &str)) -> Option<String> {
        let (l, r) = (doc(left.0, left.1), doc(right.0, right.1));
        let report = crate::compare_documents(&l, &r, &crate::Options::default());
        assert!(report.warnings.len() <= 1);
        let warning = report.warnings.into_iter().next()?;
        assert_eq!(warning.kind, WarningKind::QuotationMarksMissing);
        // The side named is the bare one, first in the message.
        let bare = if warning.side == Side::Left {
            left.0
        } else {
            right.0
        };
        assert!(warning.message.starts_with(bare), "{}", warning.message);
        Some(warning.message)
    }

    #[test]
    fn quotes_and_marks_are_counted() {
        let quoted = doc("q", QUOTED);
        let count = QuoteCount::of(&quoted, &all(&quoted));
        assert!(count.quotes >= MANY_QUOTES, "{count:?}");
        assert!(count.marks);
        assert_eq!(QuoteCount::of(&quoted, &[]).quotes, 0);
        let bare = doc("b", BARE);
        assert_eq!(
            QuoteCount::of(&bare, &all(&bare)),
            QuoteCount {
                quotes: 0,
                marks: false
            }
        );
    }

    #[test]
    fn stripped_marks_warn_naming_both_sides_in_either_direction() {
        let warning = warn_for(("wire.txt", QUOTED), ("site.txt", BARE)).unwrap();
        assert!(
            warning.starts_with("site.txt has no quotation marks at all while wire.txt has"),
            "{warning}"
        );
        assert!(warning.ends_with("made indirect") && !warning.contains('\n'));
        let warning = warn_for(("wire.txt", BARE), ("site.txt", QUOTED)).unwrap();
        assert!(warning.starts_with("wire.txt has no"), "{warning}");
        assert!(warning.ends_with("added"));
    }

    #[test]
    fn no_warning_when_both_quote_or_too_few_quotes() {
        assert_eq!(warn_for(("a", QUOTED), ("b", QUOTED)), None);
        assert_eq!(warn_for(("a", BARE), ("b", BARE)), None);
        let one = "Putin said: \u{201c}We will talk.\u{201d}\n";
        assert_eq!(warn_for(("a", one), ("b", BARE)), None);
    }

    #[test]
    fn no_warning_against_an_empty_or_unrelated_side() {
        // Nothing aligned: no quote is compared, none reads as made indirect.
        assert_eq!(warn_for(("a", QUOTED), ("b", "")), None);
        let unrelated = "The river rose overnight.\n\nFarmers moved their herds uphill.\n";
        assert_eq!(warn_for(("a", QUOTED), ("b", unrelated)), None);
    }

    #[test]
    fn straight_single_quotes_found_by_the_extractor_are_quotes() {
        let single = "Putin said: 'We will talk.'\n\n'We are ready,' Lavrov said.\n";
        let single_doc = doc("s", single);
        let count = QuoteCount::of(&single_doc, &all(&single_doc));
        assert!(!count.marks && count.quotes > 0, "{count:?}");
        assert_eq!(warn_for(("a", QUOTED), ("s", single)), None);
    }

    #[test]
    fn an_apostrophe_is_not_a_quotation_mark() {
        let count = QuoteCount::of(&doc("a", "Putin\u{2019}s envoy didn't come.\n"), &[]);
        assert!(!count.marks);
        assert!(QuoteCount::of(&doc("a", "A \u{2018}so-called\u{2019} deal.\n"), &[]).marks);
    }
}
