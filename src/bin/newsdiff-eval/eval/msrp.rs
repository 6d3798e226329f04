//! msrp (`pairs.tsv`: id, label, sentence1, sentence2) → paraphrase figures.
//!
//! A pair is predicted "paraphrase" when its similarity (see [`super::pairs`])
//! reaches the alignment threshold: "these two sentences would be aligned".

use super::metrics::{at_threshold, best_threshold, ratio, Confusion};
use super::pairs::{evaluate_pairs, fallback_note};
use super::{clip, read_tsv, required_file, Config, Table};
use anyhow::{bail, Result};
use std::path::Path;

/// One labelled pair.
#[derive(Debug, Clone)]
pub struct Pair {
    /// Corpus id.
    pub id: String,
    /// Gold: paraphrase.
    pub paraphrase: bool,
    /// First sentence (left).
    pub left: String,
    /// Second sentence (right).
    pub right: String,
}

/// Reads `pairs.tsv`.
pub fn load(folder: &Path) -> Result<Vec<Pair>> {
    let path = required_file(folder, "pairs.tsv")?;
    read_tsv(&path, &["id", "label", "sentence1", "sentence2"])?
        .into_iter()
        .map(|mut row| {
            let paraphrase = match row[1].trim() {
                "1" => true,
                "0" => false,
                other => bail!(
                    "{}: pair {}: label {other:?} is not 0 or 1",
                    path.display(),
                    row[0]
                ),
            };
            Ok(Pair {
                id: std::mem::take(&mut row[0]),
                paraphrase,
                left: std::mem::take(&mut row[2]),
                right: std::mem::take(&mut row[3]),
            })
        })
        .collect()
}

/// Evaluates the pairs in `folder`.
pub fn evaluate(folder: &Path, config: &Config) -> Result<Table> {
    let pairs = load(folder)?;
    let texts: Vec<(String, String)> = pairs
        .iter()
        .map(|p| (p.left.clone(), p.right.clone()))
        .collect();
    let outcomes = evaluate_pairs(&texts, config);
    let scored: Vec<(f64, bool)> = outcomes
        .iter()
        .zip(&pairs)
        .map(|(o, p)| (o.similarity, p.paraphrase))
        .collect();

    let mut table = Table::new("msrp", &folder.display().to_string());
    let positives = pairs.iter().filter(|p| p.paraphrase).count();
    table.compared = pairs.len();
    table.items = format!("{} sentence pairs, {} paraphrases", pairs.len(), positives);
    let t = config.min_similarity;
    let at_default = at_threshold(&scored, t);
    table.number("threshold", "threshold (newsdiff's alignment threshold)", t);
    table.score(
        "accuracy",
        &format!("accuracy at {t:.2}"),
        at_default.accuracy(),
    );
    table.prf("paraphrase", &format!("paraphrase at {t:.2}"), &at_default);
    if let Some(best) = best_threshold(&scored, Confusion::accuracy) {
        table.number(
            "best_accuracy_threshold",
            "best threshold on dev (by accuracy)",
            best.threshold,
        );
        table.score("best_accuracy", "  its accuracy", best.confusion.accuracy());
        table.score("best_accuracy_f1", "  its F1", best.confusion.f1());
    }
    if let Some(best) = best_threshold(&scored, Confusion::f1) {
        table.number(
            "best_f1_threshold",
            "best threshold on dev (by F1)",
            best.threshold,
        );
        table.score("best_f1", "  its F1", best.confusion.f1());
        table.score(
            "best_f1_accuracy",
            "  its accuracy",
            best.confusion.accuracy(),
        );
    }
    let all_positive = Confusion::from_decisions(pairs.iter().map(|p| (true, p.paraphrase)));
    table.score(
        "all_positive_f1",
        "baseline: all-positive F1",
        all_positive.f1(),
    );
    table.score(
        "majority_accuracy",
        "baseline: majority-class accuracy",
        ratio(positives.max(pairs.len() - positives), pairs.len()),
    );
    let aligned = Confusion::from_decisions(
        outcomes
            .iter()
            .zip(&pairs)
            .map(|(o, p)| (o.aligned, p.paraphrase)),
    );
    table.score(
        "aligned_accuracy",
        "newsdiff align() pairs them: accuracy",
        aligned.accuracy(),
    );
    table.prf("aligned", "newsdiff align() pairs them", &aligned);
    let fact_rate = |gold: bool| {
        let group: Vec<_> = outcomes
            .iter()
            .zip(&pairs)
            .filter(|(_, p)| p.paraphrase == gold)
            .collect();
        ratio(
            group.iter().filter(|(o, _)| o.fact_change).count(),
            group.len(),
        )
    };
    table.score(
        "fact_change_rate_negatives",
        "fact/attribution change reported, 0-pairs",
        fact_rate(false),
    );
    table.score(
        "fact_change_rate_positives",
        "fact/attribution change reported, 1-pairs",
        fact_rate(true),
    );

    table.note(format!("similarity: {}", config.idf.describe()));
    table.note("predicted paraphrase = similarity >= threshold; best thresholds are chosen on this same dev set (optimistic)");
    table.note("align() row: the full aligner on the two one-sentence documents (candidate index + threshold)");
    if let Some(note) = fallback_note(&outcomes) {
        table.note(note);
    }
    if config.examples > 0 {
        let mut errors: Vec<(usize, f64)> = outcomes
            .iter()
            .enumerate()
            .filter(|(i, o)| (o.similarity >= t) != pairs[*i].paraphrase)
            .map(|(i, o)| (i, o.similarity))
            .collect();
        // Worst first: positives with the lowest score, negatives with the highest.
        errors.sort_by(|a, b| {
            let badness = |(i, s): (usize, f64)| if pairs[i].paraphrase { -s } else { s };
            badness(*b).total_cmp(&badness(*a))
        });
        for kind in [true, false] {
            for &(i, s) in errors
                .iter()
                .filter(|(i, _)| pairs[*i].paraphrase == kind)
                .take(config.examples)
            {
                let p = &pairs[i];
                table.examples.push(format!(
                    "{} {} sim {:.3}: {} ‖ {}",
                    if kind { "FN" } else { "FP" },
                    p.id,
                    s,
                    clip(&p.left, 120),
                    clip(&p.right, 120)
                ));
            }
        }
    }
    Ok(table)
}
