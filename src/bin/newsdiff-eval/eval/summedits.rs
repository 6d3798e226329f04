//! summedits-news (`pairs.jsonl`) → fact-change detection figures.
//!
//! Rule: newsdiff compares the seed (left) with the edit (right); the pair is
//! flagged "a fact changed" when the report has any changed, omitted or added
//! fact, or an attribution change other than a cue change
//! ([`super::reports_fact_change`]). The
//! unedited seeds (`is_original`) are left out: comparing a text with itself
//! says nothing.

use super::metrics::{ratio, Confusion};
use super::pairs::{evaluate_pairs, PairOutcome};
use super::table::{Cell, Grid};
use super::{clip, read_jsonl, required_file, Config, Table};
use anyhow::Result;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One row of `pairs.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct Row {
    /// SummEdits id.
    pub id: String,
    /// 1 consistent, 0 a fact changed.
    pub label: u8,
    /// Error types of an inconsistent edit (may be empty).
    #[serde(default)]
    pub edit_types: Vec<String>,
    /// The seed sentence (left).
    pub original_summary: String,
    /// The edited sentence (right).
    pub summary: String,
    /// The seed compared with itself.
    #[serde(default)]
    pub is_original: bool,
}

/// Evaluates the pairs in `folder`.
pub fn evaluate(folder: &Path, config: &Config) -> Result<Table> {
    let path = required_file(folder, "pairs.jsonl")?;
    let rows: Vec<Row> = read_jsonl::<Row>(&path)?
        .into_iter()
        .filter(|r| !r.is_original)
        .collect();
    let texts: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.original_summary.clone(), r.summary.clone()))
        .collect();
    let outcomes = evaluate_pairs(&texts, config);
    let changed = |r: &Row| r.label == 0;
    let confusion = Confusion::from_decisions(
        outcomes
            .iter()
            .zip(&rows)
            .map(|(o, r)| (o.fact_change, changed(r))),
    );

    let mut table = Table::new("summedits-news", &folder.display().to_string());
    let inconsistent = rows.iter().filter(|r| changed(r)).count();
    table.compared = rows.len();
    table.items = format!(
        "{} edited pairs ({} fact changed, {} consistent)",
        rows.len(),
        inconsistent,
        rows.len() - inconsistent
    );
    table.prf("fact_changed", "fact changed", &confusion);
    table.score(
        "false_alarm_rate",
        "false alarms on consistent pairs",
        confusion.false_alarm_rate(),
    );
    let mut by_type: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (o, r) in outcomes.iter().zip(&rows).filter(|(_, r)| changed(r)) {
        let types: Vec<&str> = if r.edit_types.is_empty() {
            vec!["untyped"]
        } else {
            r.edit_types.iter().map(String::as_str).collect()
        };
        for t in types {
            let entry = by_type.entry(t).or_default();
            entry.0 += usize::from(o.fact_change);
            entry.1 += 1;
        }
    }
    for (t, (found, total)) in &by_type {
        table.score(
            &format!("recall_{t}"),
            &format!("recall, {t} (n={total})"),
            ratio(*found, *total),
        );
    }
    table.score(
        "aligned_rate",
        "edited pairs that align() pairs",
        ratio(
            outcomes.iter().filter(|o| o.aligned).count(),
            outcomes.len(),
        ),
    );
    table.grids.push(flagged_by(&outcomes, &rows));
    table.note("flagged = the report has a changed, omitted or added fact, or an attribution change other than a cue change; seeds compared with themselves are left out");
    table.note("a pair with several edit types counts in the recall of each");
    table.note("by finding kind: pairs whose report has that kind (a pair with several kinds counts under each; cue_changed alone does not flag a pair)");
    if config.examples > 0 {
        let misses = outcomes
            .iter()
            .zip(&rows)
            .filter(|(o, r)| changed(r) && !o.fact_change)
            .take(config.examples);
        let alarms = outcomes
            .iter()
            .zip(&rows)
            .filter(|(o, r)| !changed(r) && o.fact_change)
            .take(config.examples);
        for (kind, (_, r)) in misses
            .map(|x| ("missed", x))
            .chain(alarms.map(|x| ("false alarm", x)))
        {
            table.examples.push(format!(
                "{kind} {} [{}]: {} ‖ {}",
                r.id,
                r.edit_types.join(","),
                clip(&r.original_summary, 110),
                clip(&r.summary, 110)
            ));
        }
    }
    Ok(table)
}

/// Per finding kind, how many consistent pairs (false alarms) and how many
/// fact-changed pairs have it in their report: which findings the false
/// alarms come from.
fn flagged_by(outcomes: &[PairOutcome], rows: &[Row]) -> Grid {
    let consistent = rows.iter().filter(|r| r.label != 0).count();
    let changed = rows.len() - consistent;
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (o, r) in outcomes.iter().zip(rows) {
        for kind in o.findings.by_kind.keys() {
            let entry = by_kind.entry(kind).or_default();
            if r.label == 0 {
                entry.1 += 1;
            } else {
                entry.0 += 1;
            }
        }
    }
    let mut grid = Grid::new(
        "by_finding_kind",
        "pairs by finding kind",
        &[
            ("consistent_pairs", "consistent (false alarm)"),
            ("changed_pairs", "fact changed"),
        ],
    );
    for (kind, (alarms, hits)) in by_kind {
        grid.row(
            kind,
            vec![Cell::Of(alarms, consistent), Cell::Of(hits, changed)],
        );
    }
    grid
}
