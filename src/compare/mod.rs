//! [`Alignment`] → [`Report`]: word diffs, attribution changes, fact changes.

mod attribution;
mod facts;
mod words;

use crate::align::Alignment;
use crate::model::{Document, Sentence};
pub use crate::report::Report;
use crate::report::{PairReport, SentenceReport, SideReport, Summary, CONTRACT_VERSION};
pub use attribution::same_speaker;
pub use words::word_diff;

/// Compares two extracted documents along an alignment.
pub fn compare(left: &Document, right: &Document, alignment: &Alignment) -> Report {
    let mut pairs = Vec::with_capacity(alignment.pairs.len());
    let mut attribution_changes = Vec::new();
    for pair in &alignment.pairs {
        let l: Vec<&Sentence> = pair.left.iter().map(|&i| &left.sentences[i]).collect();
        let r: Vec<&Sentence> = pair.right.iter().map(|&j| &right.sentences[j]).collect();
        attribution_changes.extend(attribution::compare_group(&l, &r));
        pairs.push(PairReport {
            left: pair.left.clone(),
            right: pair.right.clone(),
            similarity: (pair.similarity * 1000.0).round() / 1000.0,
            moved: pair.moved,
            diff: word_diff(&joined(&l), &joined(&r)),
        });
    }
    let facts = facts::compare_facts(left, right, alignment);
    let summary = Summary {
        left_sentences: left.sentences.len(),
        right_sentences: right.sentences.len(),
        pairs: pairs.len(),
        left_only: alignment.left_only.len(),
        right_only: alignment.right_only.len(),
        attribution_changes: attribution_changes.len(),
        omitted_facts: facts.omitted.len(),
        added_facts: facts.added.len(),
        changed_facts: facts.changed.len(),
    };
    Report {
        version: CONTRACT_VERSION,
        left: side(left),
        right: side(right),
        pairs,
        left_only: alignment.left_only.clone(),
        right_only: alignment.right_only.clone(),
        attribution_changes,
        facts,
        summary,
    }
}

fn joined(sentences: &[&Sentence]) -> String {
    sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn side(doc: &Document) -> SideReport {
    SideReport {
        path: doc.path.clone(),
        title: doc.title.clone(),
        byline: doc.byline.clone(),
        dateline: doc.dateline.clone(),
        sentences: doc
            .sentences
            .iter()
            .map(|s| SentenceReport {
                index: s.index,
                text: s.text.clone(),
                span: [s.span.start, s.span.end],
                kind: s.kind.name(),
                line: s.line,
                column: s.column,
            })
            .collect(),
    }
}
