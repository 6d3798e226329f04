//! Source credits and headline: who the report says it comes from (the
//! byline "By AFP", a photo credit "Hoshang Hashimi / AFP", the wire a
//! dateline names, "MOSCOW (AP) —") and what it is called, compared
//! between the two reports.
//!
//! A credit is dropped when the right report names it nowhere: not in its
//! byline, not in a photo credit, not in its text ("the agency AFP
//! reported" keeps the credit). Added credits are the same test the other
//! way round. Names are compared as whole words, without case.

use crate::model::report::{
    CreditChange, CreditChangeKind, CreditSource, MetadataChange, MetadataField,
};
use crate::model::{BlockKind, Document, Sentence};
use rustc_hash::FxHashMap;

/// Credits dropped and added between two documents, left credits first.
pub(super) fn credit_changes(left: &Document, right: &Document) -> Vec<CreditChange> {
    let mut changes = Vec::new();
    let (left_credits, right_credits) = (document_credits(left), document_credits(right));
    let in_right = Names::of(right, left_credits.iter().map(|(c, _, _)| c.as_str()));
    let in_left = Names::of(left, right_credits.iter().map(|(c, _, _)| c.as_str()));
    for (credit, source, sentence) in left_credits {
        if !in_right.mentions(&credit) {
            changes.push(CreditChange {
                kind: CreditChangeKind::CreditDropped,
                detail: format!("{} credit \"{credit}\" dropped", source.name()),
                credit,
                source,
                left: Some(sentence),
                right: None,
            });
        }
    }
    for (credit, source, sentence) in right_credits {
        if !in_left.mentions(&credit) {
            changes.push(CreditChange {
                kind: CreditChangeKind::CreditAdded,
                detail: format!("{} credit \"{credit}\" added", source.name()),
                credit,
                source,
                left: None,
                right: Some(sentence),
            });
        }
    }
    changes
}

/// Headline and date line changes. A headline counts whenever the two
/// differ (one missing included): it is what a reader meets first. A date
/// line counts only when both reports have one, since many copies simply
/// leave it out and that says nothing about the story.
pub(super) fn metadata_changes(left: &Document, right: &Document) -> Vec<MetadataChange> {
    let mut changes = Vec::new();
    let first = |doc: &Document, kind| {
        doc.sentences
            .iter()
            .find(|s| s.kind == kind)
            .map(|s| s.index)
    };
    let differ = |a: &Option<String>, b: &Option<String>| match (a, b) {
        (Some(a), Some(b)) => squeezed(a) != squeezed(b),
        (None, None) => false,
        _ => true,
    };
    if differ(&left.title, &right.title) {
        changes.push(MetadataChange {
            field: MetadataField::Title,
            left_text: left.title.clone(),
            right_text: right.title.clone(),
            left: first(left, BlockKind::Title),
            right: first(right, BlockKind::Title),
        });
    }
    if left.dateline.is_some()
        && right.dateline.is_some()
        && differ(&left.dateline, &right.dateline)
    {
        changes.push(MetadataChange {
            field: MetadataField::Dateline,
            left_text: left.dateline.clone(),
            right_text: right.dateline.clone(),
            left: first(left, BlockKind::Dateline),
            right: first(right, BlockKind::Dateline),
        });
    }
    changes
}

/// Case and spacing do not make another headline.
fn squeezed(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every distinct credit of a document (by name and source) with where it comes from and the
/// sentence that carries it, in reading order.
fn document_credits(doc: &Document) -> Vec<(String, CreditSource, usize)> {
    let mut out: Vec<(String, CreditSource, usize)> = Vec::new();
    for sentence in &doc.sentences {
        let found = match sentence.kind {
            BlockKind::Byline => byline_credits(&sentence.text)
                .into_iter()
                .map(|c| (c, CreditSource::Byline))
                .collect(),
            BlockKind::Caption => photo_credits(sentence)
                .into_iter()
                .map(|c| (c, CreditSource::PhotoCredit))
                .collect(),
            // "MOSCOW (AP) —": the wire the story comes from.
            BlockKind::Dateline => crate::parse::patterns::dateline_source(&sentence.text)
                .map(|c| (c.to_string(), CreditSource::Dateline))
                .into_iter()
                .collect(),
            _ => Vec::new(),
        };
        for (credit, source) in found {
            // One finding per name and place: the byline's "AFP" and the
            // photo credit's "AFP" are two credits an editor may lose.
            if !out
                .iter()
                .any(|(c, s, _)| *s == source && c.eq_ignore_ascii_case(&credit))
            {
                out.push((credit, source, sentence.index));
            }
        }
    }
    out
}

/// The credits a byline names: "By AFP" → ["AFP"], "By Jane Doe and
/// Reuters" → ["Jane Doe", "Reuters"].
pub(super) fn byline_credits(byline: &str) -> Vec<String> {
    let trimmed = byline.trim();
    let body = match trimmed.get(..3) {
        Some(by) if by.eq_ignore_ascii_case("by ") => &trimmed[3..],
        _ => trimmed,
    };
    split_names(body)
}

/// Markers after which a caption names its source ("Photo: Reuters").
const CREDIT_MARKERS: &[&str] = &[
    "photograph:",
    "photo:",
    "photos:",
    "photo by",
    "image:",
    "credit:",
    "©",
];

/// The names a photo credit gives: "Hoshang Hashimi / AFP" → ["Hoshang
/// Hashimi", "AFP"], "Photo: Reuters" → ["Reuters"]. A caption that only
/// describes the picture ("(archive photo)", "Vladimir Putin.") gives none.
fn photo_credits(sentence: &Sentence) -> Vec<String> {
    let text = sentence.text.as_str().trim();
    if let Some(rest) = credit_line(text) {
        return split_names(&rest.replace(" for ", " / "));
    }
    let lower = text.to_lowercase();
    for marker in CREDIT_MARKERS {
        // Lowercasing can change byte lengths outside ASCII; take the
        // credit from the original text only when the offsets agree.
        if let Some(at) = lower.find(marker) {
            if lower.len() == text.len() {
                if let Some(rest) = text.get(at + marker.len()..) {
                    return split_names(rest);
                }
            }
        }
    }
    if text.contains(" / ") && text.split_whitespace().count() <= 12 {
        return split_names(text);
    }
    Vec::new()
}

/// The names of a caption that is only a credit line in the New York
/// Times' style, "Credit Chang W. Lee/The New York Times" or "Credit
/// Kirsten Luce for The New York Times" (a page may repeat the word:
/// "Credit Credit …"). A slash or " for " must follow, so a caption that
/// opens with the word ("Credit Suisse shares fell") is no credit line.
fn credit_line(text: &str) -> Option<&str> {
    let mut rest = text;
    while let Some(after) = rest
        .get(..7)
        .filter(|w| w.eq_ignore_ascii_case("credit "))
        .map(|_| rest[7..].trim_start())
    {
        rest = after;
    }
    (rest.len() < text.len() && (rest.contains('/') || rest.contains(" for "))).then_some(rest)
}

/// Splits a credit line into names, keeping only parts that look like a
/// name (capitalised, at most five words), so a stray phrase is no credit.
fn split_names(body: &str) -> Vec<String> {
    body.split([',', '/', '&', ';', '|'])
        .flat_map(|part| part.split(" and "))
        .map(|c| {
            c.trim()
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_string()
        })
        .filter(|c| {
            c.chars().next().is_some_and(char::is_uppercase) && c.split_whitespace().count() <= 5
        })
        .collect()
}

/// Where a document uses the words of a few names: one pass over its
/// text, remembering only those words. A wire feed of thousands of
/// articles has thousands of credits; searching the whole text once per
/// credit made the comparison quadratic (5 MB a side: 0.85 s -> 26 s).
struct Names {
    /// Word id (into the names' words) of each word of the document, in
    /// reading order; `GAP` for any other word and between sentences, so
    /// that a name never runs across a sentence end.
    stream: Vec<u32>,
    ids: FxHashMap<String, u32>,
    /// Where each word id occurs in `stream`.
    at: Vec<Vec<usize>>,
}

const GAP: u32 = u32::MAX;

/// A name's words, lowercased: what credits are compared by.
fn name_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

impl Names {
    /// Indexes where `doc` (every sentence, metadata included) uses the
    /// words of `names`.
    fn of<'a>(doc: &Document, names: impl Iterator<Item = &'a str>) -> Names {
        let mut ids: FxHashMap<String, u32> = FxHashMap::default();
        for name in names {
            for w in name_words(name) {
                let next = ids.len() as u32;
                ids.entry(w).or_insert(next);
            }
        }
        let mut index = Names {
            stream: Vec::new(),
            at: vec![Vec::new(); ids.len()],
            ids,
        };
        if index.ids.is_empty() {
            return index;
        }
        for sentence in &doc.sentences {
            for w in name_words(&sentence.text) {
                let id = index.ids.get(&w).copied().unwrap_or(GAP);
                if id != GAP {
                    index.at[id as usize].push(index.stream.len());
                }
                index.stream.push(id);
            }
            index.stream.push(GAP);
        }
        index
    }

    /// True when the document holds `name`'s words in a row, ignoring case.
    fn mentions(&self, name: &str) -> bool {
        let Some(words) = name_words(name)
            .map(|w| self.ids.get(&w).copied())
            .collect::<Option<Vec<u32>>>()
        else {
            return false;
        };
        let Some(&first) = words.first() else {
            return false;
        };
        self.at[first as usize]
            .iter()
            .any(|&p| self.stream.get(p..p + words.len()) == Some(words.as_slice()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_credits_are_split() {
        assert_eq!(byline_credits("By AFP"), vec!["AFP"]);
        assert_eq!(
            byline_credits("By Jane Doe and Reuters"),
            vec!["Jane Doe", "Reuters"]
        );
        assert_eq!(byline_credits("AFP / Reuters"), vec!["AFP", "Reuters"]);
    }

    #[test]
    fn credit_must_be_whole_words_in_one_sentence() {
        let doc = crate::analyse(
            "b",
            "Photo: AFP.\n\nAFPX reported it, said Jane.\n\nRoe met him.\n",
        );
        let names = Names::of(&doc, ["afp", "AFPX", "Jane Roe", ""].into_iter());
        assert!(names.mentions("AFP"));
        assert!(names.mentions("afpx"));
        assert!(!names.mentions("Reuters"));
        // "Jane" ends one sentence and "Roe" opens the next: no name.
        assert!(!names.mentions("Jane Roe"));
        assert!(!names.mentions(""));
    }

    fn compared(left: &str, right: &str) -> crate::Report {
        crate::compare_texts("a", left, "b", right, &crate::Options::default())
    }

    #[test]
    fn a_dropped_agency_byline_is_a_credit_change() {
        let body = "The minister resigned on Monday after a vote in parliament.";
        let report = compared(
            &format!("# Minister resigns\n\nBy AFP\n\n{body}\n"),
            &format!("# Minister resigns\n\n{body}\n"),
        );
        let credits: Vec<_> = report
            .credit_changes
            .iter()
            .map(|c| (c.kind, c.credit.as_str(), c.source))
            .collect();
        assert_eq!(
            credits,
            vec![(CreditChangeKind::CreditDropped, "AFP", CreditSource::Byline)]
        );
        assert!(report.has_differences());
    }

    #[test]
    fn a_credit_named_in_the_other_text_is_kept() {
        let report = compared(
            "# Minister resigns\n\nBy AFP\n\nThe minister resigned on Monday.\n",
            "# Minister resigns\n\nThe minister resigned on Monday, AFP reported.\n",
        );
        assert!(
            report.credit_changes.is_empty(),
            "{:?}",
            report.credit_changes
        );
    }

    #[test]
    fn a_photo_credit_names_photographer_and_agency() {
        let report = compared(
            "# Minister resigns\n\nBy Reuters\n\nJane Roe / AFP\n\nThe minister resigned on Monday after a long vote.\n",
            "# Minister resigns\n\nBy Reuters\n\nThe minister resigned on Monday after a long vote.\n",
        );
        let dropped: Vec<_> = report
            .credit_changes
            .iter()
            .map(|c| (c.credit.as_str(), c.source))
            .collect();
        assert_eq!(
            dropped,
            vec![
                ("Jane Roe", CreditSource::PhotoCredit),
                ("AFP", CreditSource::PhotoCredit)
            ]
        );
    }

    #[test]
    fn a_credit_line_names_photographer_and_paper() {
        assert_eq!(
            credit_line("Credit Credit Chang W. Lee/The New York Times"),
            Some("Chang W. Lee/The New York Times")
        );
        assert_eq!(
            credit_line("Credit Kirsten Luce for The New York Times"),
            Some("Kirsten Luce for The New York Times")
        );
        assert_eq!(credit_line("Credit Suisse shares fell"), None);
        assert_eq!(credit_line("Workers in Queens."), None);
        let doc = crate::analyse("x", "Credit Kirsten Luce for The New York Times\n");
        assert_eq!(
            photo_credits(&doc.sentences[0]),
            vec!["Kirsten Luce", "The New York Times"]
        );
    }

    #[test]
    fn the_wire_a_dateline_names_is_a_credit() {
        let body = "An unmanned cargo ship broke up over Siberia on Thursday, the agency said.";
        let dateline = |d: &str| {
            let mut doc = crate::analyse("x", &format!("# Ship lost\n\n{d}\n\n{body}\n"));
            doc.blocks[1].kind = BlockKind::Dateline;
            doc.sentences[1].kind = BlockKind::Dateline;
            doc
        };
        let (left, right) = (dateline("MOSCOW (AP) —"), dateline("MOSCOW —"));
        let changes = credit_changes(&left, &right);
        let got: Vec<_> = changes
            .iter()
            .map(|c| (c.kind, c.credit.as_str(), c.source))
            .collect();
        assert_eq!(
            got,
            vec![(
                CreditChangeKind::CreditDropped,
                "AP",
                CreditSource::Dateline
            )]
        );
    }

    #[test]
    fn a_changed_headline_alone_is_a_difference() {
        // Regression: the text renderer printed the new headline, but the
        // JSON had no finding and the exit status was 0.
        let body = "The minister resigned on Monday after a vote in parliament.";
        let report = compared(
            &format!("# Minister resigns\n\n{body}\n"),
            &format!("# Minister quits after vote\n\n{body}\n"),
        );
        assert_eq!(report.metadata_changes.len(), 1);
        assert_eq!(report.metadata_changes[0].field, MetadataField::Title);
        assert_eq!(report.summary.metadata_changes, 1);
        assert!(report.has_differences());
    }

    #[test]
    fn the_same_headline_in_other_case_is_no_change() {
        let body = "The minister resigned on Monday after a vote in parliament.";
        let report = compared(
            &format!("# Minister Resigns\n\n{body}\n"),
            &format!("# Minister  resigns\n\n{body}\n"),
        );
        // No headline finding; the word diff of the headline pair still
        // shows the case change to whoever reads the reworded pairs.
        assert!(report.metadata_changes.is_empty());
        assert_eq!(report.summary.metadata_changes, 0);
    }
}
