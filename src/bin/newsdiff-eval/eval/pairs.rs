//! Sentence pairs (msrp, sts, summedits) → what newsdiff makes of each pair:
//! its similarity, whether `align` pairs the two texts, and whether
//! `compare` reports a fact or attribution change.
//!
//! The similarity is the adapter the library does not have yet ("similarity
//! of two raw texts the way newsdiff scores two one-sentence documents"):
//! analyse each text as a document, merge the features of its alignable
//! sentences (a text the parser splits in two is read as a 1:2 group would
//! be), and score with an [`Idf`] over the two documents' sentences, exactly
//! the statistics [`newsdiff::align::align`] uses — or, with
//! [`IdfSource::Corpus`], over every sentence of the data set.

use super::finding_rates::FindingCounts;
use super::{Config, IdfSource};
use newsdiff::align::similarity::{similarity, Features, Idf};
use newsdiff::model::Document;
use rayon::prelude::*;

/// One text, analysed as newsdiff analyses an input file.
#[derive(Debug, Clone)]
pub struct AnalysedText {
    /// The document.
    pub doc: Document,
    /// Features of the sentences that stand for the text: the alignable
    /// ones, or every sentence when the parser found none alignable.
    pub features: Vec<Features>,
    /// True when no sentence was alignable (a one-line text read as a title,
    /// say), so `features` fell back to every sentence.
    pub fallback: bool,
}

/// Analyses one text with [`newsdiff::analyse`].
pub fn analyse_text(name: &str, text: &str) -> AnalysedText {
    let doc = newsdiff::analyse(name, text);
    let mut features: Vec<Features> = doc.alignable().map(Features::from_sentence).collect();
    let fallback = features.is_empty();
    if fallback {
        features = doc.sentences.iter().map(Features::from_sentence).collect();
    }
    AnalysedText {
        doc,
        features,
        fallback,
    }
}

/// What newsdiff makes of one pair.
#[derive(Debug, Clone, PartialEq)]
pub struct PairOutcome {
    /// Similarity of the merged features, in [0, 1].
    pub similarity: f64,
    /// Either side fell back to non-alignable sentences.
    pub fallback: bool,
    /// `align` at the configured threshold pairs at least one sentence.
    pub aligned: bool,
    /// `compare` reports a fact or attribution change (see
    /// [`super::reports_fact_change`]).
    pub fact_change: bool,
    /// The report's findings by kind (see [`super::finding_rates`]).
    pub findings: FindingCounts,
}

/// Scores every (left, right) pair, in parallel.
pub fn evaluate_pairs(pairs: &[(String, String)], config: &Config) -> Vec<PairOutcome> {
    let analysed: Vec<(AnalysedText, AnalysedText)> = pairs
        .par_iter()
        .map(|(l, r)| (analyse_text("left", l), analyse_text("right", r)))
        .collect();
    let corpus_idf = match config.idf {
        IdfSource::Corpus => Some(Idf::new(
            analysed
                .iter()
                .flat_map(|(l, r)| l.features.iter().chain(&r.features)),
        )),
        IdfSource::Pair => None,
    };
    analysed
        .par_iter()
        .map(|(l, r)| {
            let pair_idf;
            let idf = match &corpus_idf {
                Some(idf) => idf,
                None => {
                    pair_idf = Idf::new(l.features.iter().chain(&r.features));
                    &pair_idf
                }
            };
            let alignment = config.align(&l.doc, &r.doc);
            let report = newsdiff::compare::compare(&l.doc, &r.doc, &alignment);
            let mut findings = FindingCounts::default();
            findings.add(&report);
            PairOutcome {
                similarity: config.pair_similarity(
                    [&l.doc, &r.doc],
                    merged_similarity(&l.features, &r.features, idf),
                ),
                fallback: l.fallback || r.fallback,
                aligned: !alignment.pairs.is_empty(),
                fact_change: super::reports_fact_change(&report),
                findings,
            }
        })
        .collect()
}

/// Similarity of two sentence groups read as one sentence each.
pub fn merged_similarity(left: &[Features], right: &[Features], idf: &Idf) -> f64 {
    let l: Vec<&Features> = left.iter().collect();
    let r: Vec<&Features> = right.iter().collect();
    similarity(&Features::merged(&l), &Features::merged(&r), idf)
}

/// How many outcomes fell back, as a footer note (none when zero).
pub fn fallback_note(outcomes: &[PairOutcome]) -> Option<String> {
    let n = outcomes.iter().filter(|o| o.fallback).count();
    (n > 0).then(|| {
        format!(
            "{n} of {} pairs had a side with no alignable sentence (parsed as title/caption, or empty): scored on all its sentences instead; newsdiff itself would not align them",
            outcomes.len()
        )
    })
}
