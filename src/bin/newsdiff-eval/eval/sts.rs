//! sts-news (`pairs.tsv`: id, subset, score, sentence1, sentence2) →
//! correlation of newsdiff's similarity with the gold 0–5 score.

use super::metrics::{at_threshold, pearson, spearman};
use super::pairs::{evaluate_pairs, fallback_note};
use super::{clip, read_tsv, required_file, Config, Table};
use anyhow::{Context, Result};
use std::collections::BTreeSet;
use std::path::Path;

/// Gold at or above this: "should align as a paraphrase" (README rule).
const SHOULD_ALIGN: f64 = 4.0;
/// Gold at or below this: "must not align".
const MUST_NOT_ALIGN: f64 = 1.0;

/// One scored pair.
#[derive(Debug, Clone)]
pub struct Pair {
    /// Corpus id.
    pub id: String,
    /// `headlines-2013`, …, `msrpar-2012-test`.
    pub subset: String,
    /// Gold similarity 0–5.
    pub score: f64,
    /// First text.
    pub left: String,
    /// Second text.
    pub right: String,
}

/// Reads `pairs.tsv`.
pub fn load(folder: &Path) -> Result<Vec<Pair>> {
    let path = required_file(folder, "pairs.tsv")?;
    read_tsv(&path, &["id", "subset", "score", "sentence1", "sentence2"])?
        .into_iter()
        .map(|mut row| {
            let score: f64 = row[2].trim().parse().with_context(|| {
                format!(
                    "{}: pair {}: score {:?} is not a number",
                    path.display(),
                    row[0],
                    row[2]
                )
            })?;
            Ok(Pair {
                id: std::mem::take(&mut row[0]),
                subset: std::mem::take(&mut row[1]),
                score,
                left: std::mem::take(&mut row[3]),
                right: std::mem::take(&mut row[4]),
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
    let mut table = Table::new("sts-news", &folder.display().to_string());
    table.compared = pairs.len();
    table.items = format!("{} scored pairs", pairs.len());

    // Each subset, then the two families, then everything.
    let subsets: BTreeSet<&str> = pairs.iter().map(|p| p.subset.as_str()).collect();
    // (name, subset prefix): an exact subset name is its own prefix, and
    // no subset name is a prefix of another.
    let mut groups: Vec<(String, String)> = subsets
        .into_iter()
        .map(|s| (s.to_string(), s.to_string()))
        .collect();
    groups.push(("headlines".into(), "headlines".into()));
    groups.push(("msrpar".into(), "msrpar".into()));
    groups.push(("all".into(), String::new()));
    for (name, prefix) in &groups {
        let (gold, predicted): (Vec<f64>, Vec<f64>) = pairs
            .iter()
            .zip(&outcomes)
            .filter(|(p, _)| p.subset.starts_with(prefix.as_str()))
            .map(|(p, o)| (p.score, o.similarity))
            .unzip();
        let key = name.replace('-', "_");
        table.score(
            &format!("{key}_pearson"),
            &format!("{name} (n={}): Pearson", gold.len()),
            pearson(&predicted, &gold),
        );
        table.score(
            &format!("{key}_spearman"),
            &format!("{name} (n={}): Spearman", gold.len()),
            spearman(&predicted, &gold),
        );
    }
    let t = config.min_similarity;
    let clear: Vec<(f64, bool)> = pairs
        .iter()
        .zip(&outcomes)
        .filter(|(p, _)| p.score >= SHOULD_ALIGN || p.score <= MUST_NOT_ALIGN)
        .map(|(p, o)| (o.similarity, p.score >= SHOULD_ALIGN))
        .collect();
    let c = at_threshold(&clear, t);
    table.count(
        "clear_pairs",
        "clear pairs (gold >= 4 or <= 1)",
        clear.len(),
    );
    table.prf("clear", &format!("clear pairs, align at {t:.2}"), &c);

    table.note(format!("similarity: {}", config.idf.describe()));
    table.note("clear pairs: gold >= 4 should align, gold <= 1 must not, the middle is ignored (README rule)");
    if let Some(note) = fallback_note(&outcomes) {
        table.note(note);
    }
    if config.examples > 0 {
        // Largest disagreement between the similarity and the gold scaled to [0, 1].
        let mut worst: Vec<(usize, f64)> = outcomes
            .iter()
            .enumerate()
            .map(|(i, o)| (i, o.similarity - pairs[i].score / 5.0))
            .collect();
        worst.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
        for &(i, _) in worst.iter().take(config.examples * 2) {
            let p = &pairs[i];
            table.examples.push(format!(
                "{} gold {:.2} sim {:.3}: {} ‖ {}",
                p.id,
                p.score,
                outcomes[i].similarity,
                clip(&p.left, 100),
                clip(&p.right, 100)
            ));
        }
    }
    Ok(table)
}
