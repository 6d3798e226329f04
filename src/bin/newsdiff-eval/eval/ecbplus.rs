//! ecbplus-news (`<topic>_ecbplus.json` clusters) → how well newsdiff lines
//! up sentences of different outlets' reports of one event.
//!
//! Each document is rebuilt as text, one ECB+ sentence a paragraph (sentence
//! 0, the page URL, left out), and read with [`newsdiff::analyse`]; every pair of
//! documents of a cluster is aligned with [`newsdiff::align::align`]. A newsdiff
//! sentence stands for the ECB+ sentences its span overlaps.
//!
//! Gold (README rule): two sentences of different documents, both
//! `coref_annotated`, are *event-linked* when they hold mentions of the same
//! cross-document ACTION instance (ids without `:`; `<doc>:<m_id>` ids are
//! within-document chains). Figures:
//! - recall: share of event-linked pairs that newsdiff aligns;
//! - aligned pairs (both annotated) that share **no** cross-document instance
//!   of any kind: aligned without any linked mention;
//! - precision proxy: share of aligned annotated pairs that are event-linked
//!   or share a HUMAN/LOC/TIME instance. Same event is not same content, so
//!   this is no alignment precision.

use super::metrics::ratio;
use super::{read_json_folder, Config, Table};
use anyhow::Result;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

/// One cluster file.
#[derive(Debug, Clone, Deserialize)]
pub struct Cluster {
    /// Its documents. (The file also names the cluster, e.g. `13_ecbplus`;
    /// the file name says the same.)
    pub documents: Vec<ClusterDocument>,
}

/// One news article of a cluster.
#[derive(Debug, Clone, Deserialize)]
pub struct ClusterDocument {
    /// Document name.
    pub doc: String,
    /// Its sentences (tokens joined by spaces).
    pub sentences: Vec<ClusterSentence>,
    /// Mentions that belong to a coreference chain.
    pub mentions: Vec<Mention>,
}

/// One sentence.
#[derive(Debug, Clone, Deserialize)]
pub struct ClusterSentence {
    /// Position in the document.
    pub index: usize,
    /// Text.
    pub text: String,
    /// Fully annotated for coreference.
    pub coref_annotated: bool,
}

/// One mention.
#[derive(Debug, Clone, Deserialize)]
pub struct Mention {
    /// ACTION_*, NEG_*, HUMAN_PART_*, NON_HUMAN_PART*, LOC_*, TIME_*.
    pub tag: String,
    /// Sentence index.
    pub sentence: usize,
    /// Gold identity.
    pub instance: String,
}

/// A document read by newsdiff, with what each ECB+ sentence carries.
struct Prepared {
    doc: newsdiff::Document,
    /// For each newsdiff sentence, the ECB+ sentences its span overlaps.
    ecb_of: Vec<Vec<usize>>,
    /// Per ECB+ sentence: annotated?, cross-doc ACTION instances, other
    /// cross-doc instances used by the precision proxy, all cross-doc instances.
    annotated: Vec<bool>,
    actions: Vec<HashSet<String>>,
    participants: Vec<HashSet<String>>,
    any: Vec<HashSet<String>>,
    /// ECB+ sentences covered by an alignable newsdiff sentence.
    alignable: HashSet<usize>,
}

fn prepare(document: &ClusterDocument) -> Prepared {
    let n = document
        .sentences
        .iter()
        .map(|s| s.index + 1)
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    let mut ranges: Vec<(usize, usize, usize)> = Vec::new();
    for s in document.sentences.iter().filter(|s| s.index > 0) {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&s.text);
        ranges.push((s.index, start, text.len()));
    }
    let doc = newsdiff::analyse(&document.doc, &text);
    let ecb_of: Vec<Vec<usize>> = doc
        .sentences
        .iter()
        .map(|s| {
            ranges
                .iter()
                .filter(|&&(_, a, b)| a < s.span.end && s.span.start < b)
                .map(|&(i, _, _)| i)
                .collect()
        })
        .collect();
    let mut annotated = vec![false; n];
    for s in &document.sentences {
        annotated[s.index] = s.coref_annotated;
    }
    let mut actions = vec![HashSet::new(); n];
    let mut participants = vec![HashSet::new(); n];
    let mut any = vec![HashSet::new(); n];
    for m in &document.mentions {
        if m.instance.contains(':') || m.sentence >= n {
            continue;
        }
        if m.tag.starts_with("ACTION") {
            actions[m.sentence].insert(m.instance.clone());
        }
        if m.tag.starts_with("HUMAN") || m.tag.starts_with("LOC") || m.tag.starts_with("TIME") {
            participants[m.sentence].insert(m.instance.clone());
        }
        any[m.sentence].insert(m.instance.clone());
    }
    let alignable = doc
        .alignable()
        .flat_map(|s| ecb_of[s.index].iter().copied())
        .collect();
    Prepared {
        doc,
        ecb_of,
        annotated,
        actions,
        participants,
        any,
        alignable,
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    linked: usize,
    linked_found: usize,
    linked_not_alignable: usize,
    linked_alignable_found: usize,
    aligned_annotated: usize,
    aligned_unlinked: usize,
    aligned_related: usize,
    document_pairs: usize,
}

fn shares(a: &HashSet<String>, b: &HashSet<String>) -> bool {
    a.iter().any(|x| b.contains(x))
}

fn pair_counts(left: &Prepared, right: &Prepared, config: &Config) -> Counts {
    let mut counts = Counts {
        document_pairs: 1,
        ..Counts::default()
    };
    let alignment = config.align(&left.doc, &right.doc);
    let mut aligned: HashSet<(usize, usize)> = HashSet::new();
    for pair in &alignment.pairs {
        for &i in &pair.left {
            for &j in &pair.right {
                for &a in &left.ecb_of[i] {
                    for &b in &right.ecb_of[j] {
                        aligned.insert((a, b));
                    }
                }
            }
        }
    }
    for a in 0..left.annotated.len() {
        for b in 0..right.annotated.len() {
            if left.annotated[a]
                && right.annotated[b]
                && shares(&left.actions[a], &right.actions[b])
            {
                counts.linked += 1;
                let found = aligned.contains(&(a, b));
                counts.linked_found += usize::from(found);
                if left.alignable.contains(&a) && right.alignable.contains(&b) {
                    counts.linked_alignable_found += usize::from(found);
                } else {
                    counts.linked_not_alignable += 1;
                }
            }
        }
    }
    for &(a, b) in &aligned {
        if !(left.annotated[a] && right.annotated[b]) {
            continue;
        }
        counts.aligned_annotated += 1;
        counts.aligned_unlinked += usize::from(!shares(&left.any[a], &right.any[b]));
        counts.aligned_related += usize::from(
            shares(&left.actions[a], &right.actions[b])
                || shares(&left.participants[a], &right.participants[b]),
        );
    }
    counts
}

/// Reads every `*.json` cluster of `folder`, sorted by name.
pub fn load(folder: &Path) -> Result<Vec<Cluster>> {
    read_json_folder(folder, "cluster")
}

/// Evaluates the clusters in `folder`.
pub fn evaluate(folder: &Path, config: &Config) -> Result<Table> {
    let clusters = load(folder)?;
    let prepared: Vec<Vec<Prepared>> = clusters
        .par_iter()
        .map(|c| c.documents.par_iter().map(prepare).collect())
        .collect();
    let jobs: Vec<(usize, usize, usize)> = prepared
        .iter()
        .enumerate()
        .flat_map(|(c, docs)| {
            (0..docs.len()).flat_map(move |i| (i + 1..docs.len()).map(move |j| (c, i, j)))
        })
        .collect();
    let per_pair: Vec<Counts> = jobs
        .par_iter()
        .map(|&(c, i, j)| pair_counts(&prepared[c][i], &prepared[c][j], config))
        .collect();
    let mut t = Counts::default();
    for c in &per_pair {
        t.linked += c.linked;
        t.linked_found += c.linked_found;
        t.linked_not_alignable += c.linked_not_alignable;
        t.linked_alignable_found += c.linked_alignable_found;
        t.aligned_annotated += c.aligned_annotated;
        t.aligned_unlinked += c.aligned_unlinked;
        t.aligned_related += c.aligned_related;
        t.document_pairs += c.document_pairs;
    }
    let documents: usize = clusters.iter().map(|c| c.documents.len()).sum();
    let mut table = Table::new("ecbplus-news", &folder.display().to_string());
    table.compared = t.document_pairs;
    table.items = format!(
        "{} clusters, {} documents, {} document pairs",
        clusters.len(),
        documents,
        t.document_pairs
    );
    table.count(
        "event_linked_pairs",
        "event-linked sentence pairs (gold)",
        t.linked,
    );
    table.score(
        "event_linked_recall",
        "event-linked pairs aligned (recall)",
        ratio(t.linked_found, t.linked),
    );
    table.score(
        "event_linked_not_alignable",
        "  share with a side not alignable (title, caption…)",
        ratio(t.linked_not_alignable, t.linked),
    );
    table.score(
        "event_linked_recall_alignable",
        "  recall on pairs with both sides alignable",
        ratio(t.linked_alignable_found, t.linked - t.linked_not_alignable),
    );
    table.count(
        "aligned_annotated_pairs",
        "aligned pairs, both sentences annotated",
        t.aligned_annotated,
    );
    table.count(
        "aligned_unlinked_pairs",
        "  of which share no linked mention",
        t.aligned_unlinked,
    );
    table.score(
        "aligned_unlinked_share",
        "  share with no linked mention",
        ratio(t.aligned_unlinked, t.aligned_annotated),
    );
    table.score(
        "precision_proxy",
        "  share event-linked or sharing HUMAN/LOC/TIME (precision proxy)",
        ratio(t.aligned_related, t.aligned_annotated),
    );
    table.note("documents rebuilt one ECB+ sentence a paragraph, URL line left out; every document pair of a cluster aligned");
    table.note("event-linked: both sentences coref_annotated and sharing a cross-document ACTION instance; 'no linked mention': no shared cross-document instance of any kind");
    table.note("same event is not same content: the proxy is not alignment precision");
    Ok(table)
}
