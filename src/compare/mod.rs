//! [`Alignment`] → [`Report`]: word diffs, attribution changes, fact changes.

mod attribution;
mod carried;
mod changed;
mod credit;
mod facts;
mod metadata;
mod name_index;
mod names;
mod polarity;
mod values;
mod warnings;
mod words;

use crate::align::{AlignedPair, Alignment};
pub use crate::model::report::Report;
use crate::model::report::{
    AttributionChange, AttributionChangeKind, DiffOp, DiffTag, FactKind, PairReport,
    SentenceReport, SideReport, Summary, CONTRACT_VERSION,
};
use crate::model::Document;
pub use attribution::same_speaker;
use rustc_hash::FxHashSet;
pub(crate) use words::word_diff;

/// Aligned pairs from which the pairs are diffed on several threads; below
/// this the hand-off costs more than the diffs.
const PARALLEL_PAIRS: usize = 256;

/// Compares two extracted documents along an alignment.
pub fn compare(left: &Document, right: &Document, alignment: &Alignment) -> Report {
    // Word diffs and attribution changes are per pair; facts look at the
    // whole documents. The two halves are independent, so they run at once,
    // and long documents also share the pairs out (in order, so the report
    // is the same as a sequential run).
    let big = alignment.pairs.len() >= PARALLEL_PAIRS;
    // Each pair's word diff is made once: the report shows it and the
    // polarity check reads it.
    let diff_one = |pair: &AlignedPair| words::group_diff(left, &pair.left, right, &pair.right);
    let diffs: Vec<Vec<DiffOp>> = if big {
        use rayon::prelude::*;
        alignment.pairs.par_iter().map(diff_one).collect()
    } else {
        alignment.pairs.iter().map(diff_one).collect()
    };
    let attributions = || {
        let compare_one = |pair| attribution::compare_group(left, right, pair);
        if big {
            use rayon::prelude::*;
            alignment
                .pairs
                .par_iter()
                .flat_map_iter(compare_one)
                .collect()
        } else {
            alignment.pairs.iter().flat_map(compare_one).collect()
        }
    };
    let facts = || facts::compare_facts(left, right, alignment, &diffs);
    let (attribution_changes, mut facts): (Vec<AttributionChange>, _) =
        crate::parallel::join_if(big, attributions, facts);
    let pairs: Vec<PairReport> = alignment
        .pairs
        .iter()
        .zip(diffs)
        .map(|(pair, diff)| pair_report(pair, diff))
        .collect();
    // A quote made indirect is one finding: its words are not also an
    // omitted quote.
    // Looked up, not searched: a transcript has thousands of each.
    let made_indirect: FxHashSet<(usize, &str)> = attribution_changes
        .iter()
        .filter(|c| c.kind == AttributionChangeKind::QuoteMadeIndirect)
        .filter_map(|c| Some((c.left?, c.left_quote.as_deref()?)))
        .collect();
    facts.omitted.retain(|f| {
        f.kind != FactKind::Quote || !made_indirect.contains(&(f.sentence, f.text.as_str()))
    });
    let credit_changes = metadata::credit_changes(left, right);
    let metadata_changes = metadata::metadata_changes(left, right);
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
        moved: pairs.iter().filter(|p| p.moved).count(),
        reworded: pairs
            .iter()
            .filter(|p| p.diff.iter().any(|d| d.op != DiffTag::Equal))
            .count(),
        credit_changes: credit_changes.len(),
        metadata_changes: metadata_changes.len(),
    };
    let warnings = warnings::quote_warning(&pairs, left, right)
        .into_iter()
        .collect();
    Report {
        version: CONTRACT_VERSION,
        left: side(left),
        right: side(right),
        pairs,
        left_only: alignment.left_only.clone(),
        right_only: alignment.right_only.clone(),
        attribution_changes,
        facts,
        credit_changes,
        metadata_changes,
        summary,
        warnings,
    }
}

/// The report of one aligned group, with its word diff.
fn pair_report(pair: &AlignedPair, diff: Vec<DiffOp>) -> PairReport {
    PairReport {
        left: pair.left.clone(),
        right: pair.right.clone(),
        similarity: (pair.similarity * 1000.0).round() / 1000.0,
        moved: pair.moved.is_some(),
        move_kind: pair.moved,
        scorer: pair.scorer,
        diff,
    }
}

fn side(doc: &Document) -> SideReport {
    SideReport {
        path: doc.path.clone(),
        title: doc.title.clone(),
        byline: doc.byline.clone(),
        byline_source: doc.byline_source,
        dateline: doc.dateline.clone(),
        sentences: doc
            .sentences
            .iter()
            .map(|s| SentenceReport {
                index: s.index,
                text: s.text.clone(),
                span: [s.span.start, s.span.end],
                source_span: s.source_span.map(|r| [r.start, r.end]),
                kind: s.kind,
                line: s.line,
                column: s.column,
            })
            .collect(),
    }
}
