//! iterater-wikinews (`sentence_edits.jsonl`, `doc_revisions.jsonl`) →
//! wording-vs-meaning figures and an exact-correspondence alignment test.
//!
//! **Meaning changed.** Each edited sentence pair is compared as two
//! one-sentence documents; it is flagged when the report has a changed,
//! omitted or added fact or an attribution change other than a cue change
//! ([`super::reports_fact_change`]). Gold positive: `label ==
//! "meaning-changed"`; negatives: fluency, clarity, coherence, style. Rows
//! labelled `others` are left out.
//!
//! **Alignment gold, derived** (README: `after_revision` is `before_revision`
//! with the edits applied). Over newsdiff's own alignable sentences:
//! 1. a left sentence is *touched* when an edit's character range (converted
//!    to bytes) overlaps its span; an insertion touches the sentences on both
//!    sides of its point when it falls on a boundary (conservative);
//! 2. an untouched left sentence must align 1:1 to the right sentence with
//!    the same text (whitespace collapsed); when a text occurs several times
//!    the k-th left occurrence goes to the k-th right one, and when the
//!    counts differ, or no identical right sentence exists (the parser split
//!    the new text differently), the sentence is left out as unresolved;
//! 3. a left sentence inside a `D` edit must be left-only; a right sentence
//!    whose text lies inside an `A` edit's new text (and that the left does
//!    not have) must be right-only.
//!
//! A predicted pair (each left×right of an aligned group) is a true positive
//! when it is a gold pair, a false positive when it is not but one of its
//! sentences has a known gold fate (2 or 3); pairs of two edited sentences
//! have no gold and are not counted.

use super::metrics::{ratio, Confusion};
use super::pairs::evaluate_pairs;
use super::{char_to_byte, read_jsonl, required_file, Config, Table};
use anyhow::Result;
use newsdiff::model::Document;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// One row of `sentence_edits.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct SentenceEdit {
    /// Intent: fluency, clarity, coherence, style, meaning-changed, others.
    pub label: String,
    /// Before the edit.
    pub before_sent: String,
    /// After the edit.
    pub after_sent: String,
}

/// One row of `doc_revisions.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct Revision {
    /// Wikinews article id.
    pub doc_id: String,
    /// Older version.
    pub before_revision: String,
    /// Newer version.
    pub after_revision: String,
    /// Gold edits, offsets in code points of `before_revision`.
    pub edit_actions: Vec<Edit>,
}

/// One gold edit.
#[derive(Debug, Clone, Deserialize)]
pub struct Edit {
    /// `A` add, `D` delete, `R` replace.
    #[serde(rename = "type")]
    pub kind: String,
    /// New text (for A and R).
    pub after: Option<String>,
    /// Start, code points into `before_revision`.
    pub start_char_pos: usize,
    /// End, code points into `before_revision`.
    pub end_char_pos: usize,
}

/// Evaluates the files in `folder`.
pub fn evaluate(folder: &Path, config: &Config) -> Result<Table> {
    let edits: Vec<SentenceEdit> = read_jsonl(&required_file(folder, "sentence_edits.jsonl")?)?;
    let revisions: Vec<Revision> = read_jsonl(&required_file(folder, "doc_revisions.jsonl")?)?;
    let mut table = Table::new("iterater-wikinews", &folder.display().to_string());
    table.compared = revisions.len();
    table.items = format!(
        "{} revision pairs, {} edited sentence pairs",
        revisions.len(),
        edits.len()
    );
    alignment_figures(&mut table, &revisions, config)?;
    meaning_figures(&mut table, &edits, config);
    Ok(table)
}

fn meaning_figures(table: &mut Table, edits: &[SentenceEdit], config: &Config) {
    let rows: Vec<&SentenceEdit> = edits.iter().filter(|e| e.label != "others").collect();
    let texts: Vec<(String, String)> = rows
        .iter()
        .map(|e| (e.before_sent.clone(), e.after_sent.clone()))
        .collect();
    let outcomes = evaluate_pairs(&texts, config);
    let confusion = Confusion::from_decisions(
        outcomes
            .iter()
            .zip(&rows)
            .map(|(o, e)| (o.fact_change, e.label == "meaning-changed")),
    );
    table.prf(
        "meaning_changed",
        "meaning changed (fact/attribution change)",
        &confusion,
    );
    table.score(
        "meaning_false_alarm_rate",
        "false alarms on wording-only edits",
        confusion.false_alarm_rate(),
    );
    let mut by_label: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (o, e) in outcomes.iter().zip(&rows) {
        let entry = by_label.entry(e.label.as_str()).or_default();
        entry.0 += usize::from(o.fact_change);
        entry.1 += 1;
    }
    for (label, (flagged, total)) in by_label {
        table.score(
            &format!("flag_rate_{}", label.replace('-', "_")),
            &format!("flagged, {label} (n={total})"),
            ratio(flagged, total),
        );
    }
    table.note("meaning changed: a row is flagged when its report has a changed/omitted/added fact or an attribution change other than a cue change; `others` rows left out");
}

/// Gold and predicted pairs of one revision, counted.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    pairs: Confusion,
    unresolved: usize,
    left_only_gold: usize,
    left_only_found: usize,
    right_only_gold: usize,
    right_only_found: usize,
}

fn alignment_figures(table: &mut Table, revisions: &[Revision], config: &Config) -> Result<()> {
    let per_revision: Vec<Counts> = revisions
        .par_iter()
        .map(|r| revision_counts(r, config))
        .collect::<Result<_>>()?;
    let mut total = Counts::default();
    for c in &per_revision {
        total.pairs += c.pairs;
        total.unresolved += c.unresolved;
        total.left_only_gold += c.left_only_gold;
        total.left_only_found += c.left_only_found;
        total.right_only_gold += c.right_only_gold;
        total.right_only_found += c.right_only_found;
    }
    table.count(
        "gold_pairs",
        "untouched sentences with an identical partner (gold pairs)",
        total.pairs.true_positive + total.pairs.false_negative,
    );
    table.prf("alignment", "exact-correspondence alignment", &total.pairs);
    table.count(
        "unresolved",
        "untouched sentences left out (unresolved)",
        total.unresolved,
    );
    table.score(
        "deleted_left_only_recall",
        &format!(
            "whole-sentence deletions left-only (n={})",
            total.left_only_gold
        ),
        ratio(total.left_only_found, total.left_only_gold),
    );
    table.score(
        "added_right_only_recall",
        &format!(
            "whole-sentence additions right-only (n={})",
            total.right_only_gold
        ),
        ratio(total.right_only_found, total.right_only_gold),
    );
    table.note("alignment gold derived from the edits (see eval::iterater docs): untouched sentence → its identical copy; pairs of two edited sentences are not scored");
    Ok(())
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn revision_counts(revision: &Revision, config: &Config) -> Result<Counts> {
    let before = &revision.before_revision;
    let bytes = char_to_byte(before);
    let byte_at = |c: usize| -> Result<usize> {
        bytes.get(c).copied().ok_or_else(|| {
            anyhow::anyhow!(
                "revision {}: edit offset {c} beyond the text ({} characters)",
                revision.doc_id,
                bytes.len() - 1
            )
        })
    };
    let mut edits = Vec::new();
    for e in &revision.edit_actions {
        edits.push((byte_at(e.start_char_pos)?, byte_at(e.end_char_pos)?, e));
    }
    let left = newsdiff::analyse("before", before);
    let right = newsdiff::analyse("after", &revision.after_revision);
    let alignment = config.align(&left, &right);

    let left_ids: Vec<usize> = left.alignable().map(|s| s.index).collect();
    let right_ids: Vec<usize> = right.alignable().map(|s| s.index).collect();
    let text_of = |doc: &Document, i: usize| collapse(&doc.sentences[i].text);
    let touched = |i: usize| {
        let span = left.sentences[i].span;
        edits.iter().any(|&(s, e, _)| {
            if s == e {
                span.start <= s && s <= span.end
            } else {
                s < span.end && e > span.start
            }
        })
    };
    let trimmed_within = |i: usize, s: usize, e: usize| {
        let span = left.sentences[i].span;
        let text = &left.text[span.start..span.end];
        let start = span.start + (text.len() - text.trim_start().len());
        let end = span.end - (text.len() - text.trim_end().len());
        s <= start && end <= e
    };

    // Occurrences of each text, in order, on each side.
    let mut left_by_text: HashMap<String, Vec<usize>> = HashMap::new();
    for &i in &left_ids {
        left_by_text.entry(text_of(&left, i)).or_default().push(i);
    }
    let mut right_by_text: HashMap<String, Vec<usize>> = HashMap::new();
    for &j in &right_ids {
        right_by_text.entry(text_of(&right, j)).or_default().push(j);
    }

    let mut counts = Counts::default();
    let mut gold: HashSet<(usize, usize)> = HashSet::new();
    let mut known_left: HashSet<usize> = HashSet::new();
    let mut known_right: HashSet<usize> = HashSet::new();
    for &i in &left_ids {
        if touched(i) {
            continue;
        }
        let text = text_of(&left, i);
        let lefts = &left_by_text[&text];
        match right_by_text.get(&text) {
            Some(rights) if rights.len() == lefts.len() => {
                let k = lefts.iter().position(|&x| x == i).unwrap_or(0);
                gold.insert((i, rights[k]));
                known_left.insert(i);
                known_right.insert(rights[k]);
            }
            _ => counts.unresolved += 1,
        }
    }
    let left_only: HashSet<usize> = alignment.left_only.iter().copied().collect();
    let right_only: HashSet<usize> = alignment.right_only.iter().copied().collect();
    for &i in &left_ids {
        let deleted = edits
            .iter()
            .any(|&(s, e, edit)| edit.kind == "D" && trimmed_within(i, s, e));
        if deleted && !known_left.contains(&i) {
            known_left.insert(i);
            counts.left_only_gold += 1;
            counts.left_only_found += usize::from(left_only.contains(&i));
        }
    }
    let added_texts: Vec<String> = edits
        .iter()
        .filter(|(_, _, e)| e.kind == "A")
        .filter_map(|(_, _, e)| e.after.as_deref().map(collapse))
        .collect();
    for &j in &right_ids {
        let text = text_of(&right, j);
        let added = !text.is_empty()
            && !left_by_text.contains_key(&text)
            && added_texts.iter().any(|a| a.contains(&text));
        if added && !known_right.contains(&j) {
            known_right.insert(j);
            counts.right_only_gold += 1;
            counts.right_only_found += usize::from(right_only.contains(&j));
        }
    }

    let mut found: HashSet<(usize, usize)> = HashSet::new();
    for pair in &alignment.pairs {
        for &i in &pair.left {
            for &j in &pair.right {
                if gold.contains(&(i, j)) {
                    found.insert((i, j));
                } else if known_left.contains(&i) || known_right.contains(&j) {
                    counts.pairs.false_positive += 1;
                }
            }
        }
    }
    counts.pairs.true_positive = found.len();
    counts.pairs.false_negative = gold.len() - found.len();
    Ok(counts)
}
