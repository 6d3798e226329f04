//! onestopenglish (`<Article>/{adv,int,ele}.txt`, `silver_alignments.jsonl`)
//! → agreement with the corpus authors' silver aligner, and throughput.
//!
//! The `adv` text is the left side, `ele` (or `int`) the right; both are read
//! with [`newsdiff::analyse`] and aligned with [`newsdiff::align::align`]. A silver
//! sentence is located in its document by its text reduced to lower-case
//! letters and digits (the silver text lost its curly quotes); it stands for
//! the newsdiff sentences overlapping where it was found. Silver pairs that
//! cannot be located are left out and counted.
//! - recall: share of located silver pairs for which newsdiff aligns a
//!   sentence standing for the left one with a sentence standing for the
//!   right one;
//! - precision: of newsdiff's aligned pairs (each left×right of a group)
//!   whose left sentence stands for some silver left sentence, the share that
//!   agree with a silver pair (the silver lists no unaligned sentences, so
//!   other pairs cannot be judged).
//!
//! The same reports, compared, give false-alarm rates: the simplified level
//! keeps the story's meaning, so nearly every changed fact and attribution
//! change found there is false ([`super::finding_rates`]).

use super::finding_rates::{self, FindingCounts};
use super::metrics::{f1, ratio};
use super::{read_jsonl, read_text, required_file, Config, Table};
use anyhow::{bail, Context, Result};
use newsdiff::model::Document;
use rayon::prelude::*;
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::path::Path;
use std::time::Instant;

/// One silver pair.
#[derive(Debug, Clone, Deserialize)]
pub struct SilverPair {
    /// Article folder name.
    pub article: String,
    /// `adv-ele`, `adv-int` or `ele-int`.
    pub levels: String,
    /// Sentence of the first level.
    pub left: String,
    /// Sentence of the second level.
    pub right: String,
}

/// The level pairs evaluated: (silver `levels`, right level file).
const LEVELS: [(&str, &str); 2] = [("adv-ele", "ele"), ("adv-int", "int")];

/// A document with a letters-and-digits view for locating silver sentences.
struct Located {
    doc: Document,
    folded: String,
    /// Byte offset in `doc.text` of each byte of `folded`.
    origin: Vec<usize>,
}

fn fold(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

impl Located {
    fn new(doc: Document) -> Located {
        let mut folded = String::new();
        let mut origin = Vec::new();
        for (b, c) in doc.text.char_indices() {
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    folded.push(l);
                    origin.extend(std::iter::repeat_n(b, l.len_utf8()));
                }
            }
        }
        Located {
            doc,
            folded,
            origin,
        }
    }

    /// Newsdiff sentences overlapping where `sentence` first occurs.
    fn find(&self, sentence: &str) -> Option<Vec<usize>> {
        self.find_within(sentence, 0..self.doc.text.len())
    }

    /// The same, for an occurrence inside `within` (bytes of the document).
    fn find_within(&self, sentence: &str, within: Range<usize>) -> Option<Vec<usize>> {
        let needle = fold(sentence);
        if needle.is_empty() {
            return None;
        }
        let from = self.origin.partition_point(|&b| b < within.start);
        let to = self.origin.partition_point(|&b| b < within.end);
        let at = from + self.folded.get(from..to)?.find(&needle)?;
        let start = self.origin[at];
        let end = self.origin[at + needle.len() - 1] + 1;
        let ids: Vec<usize> = self
            .doc
            .sentences
            .iter()
            .filter(|s| s.span.start < end && start < s.span.end)
            .map(|s| s.index)
            .collect();
        (!ids.is_empty()).then_some(ids)
    }
}

#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    silver: usize,
    located: usize,
    agreed: usize,
    judged: usize,
    judged_correct: usize,
    sentences: usize,
    seconds: f64,
}

impl Counts {
    /// Precision of the judged links and recall of the located pairs.
    fn precision_recall(&self) -> (f64, f64) {
        (
            ratio(self.judged_correct, self.judged),
            ratio(self.agreed, self.located),
        )
    }
}

fn article_counts(
    folder: &Path,
    article: &str,
    silver: &[&SilverPair],
    config: &Config,
) -> Result<([Counts; 2], [FindingCounts; 2])> {
    let dir = folder.join(article);
    let read = |level: &str| read_text(&required_file(&dir, &format!("{level}.txt"))?);
    let texts = [read("adv")?, read("int")?, read("ele")?];
    let start = Instant::now();
    let [adv, int, ele] = texts.map(|t| newsdiff::analyse(article, &t));
    let alignments = [config.align(&adv, &ele), config.align(&adv, &int)];
    let seconds = start.elapsed().as_secs_f64();
    let sentences = adv.sentences.len() + int.sentences.len() + ele.sentences.len();
    // Compared outside the timed part: the throughput figure is of
    // analyse and align only, as it always was.
    let mut findings = [FindingCounts::default(), FindingCounts::default()];
    for (k, right) in [&ele, &int].into_iter().enumerate() {
        findings[k].add(&newsdiff::compare::compare(&adv, right, &alignments[k]));
    }
    let adv = Located::new(adv);
    let rights = [Located::new(ele), Located::new(int)];

    let mut out = [Counts::default(); 2];
    for (k, (levels, _)) in LEVELS.iter().enumerate() {
        let pairs = silver.iter().filter(|p| p.levels == *levels);
        let located = locate(pairs, |l| adv.find(l), |r| rights[k].find(r));
        out[k] = agreement(&aligned_links(&alignments[k]), &located);
    }
    // Pipeline time and sentences are counted once per article, on the first row.
    out[0].sentences = sentences;
    out[0].seconds = seconds;
    Ok((out, findings))
}

/// Silver pairs with the newsdiff sentences standing for each side (`None`
/// when a side cannot be located), given how to locate each side.
fn locate<'a>(
    pairs: impl Iterator<Item = &'a &'a SilverPair>,
    left: impl Fn(&str) -> Option<Vec<usize>>,
    right: impl Fn(&str) -> Option<Vec<usize>>,
) -> Vec<Option<(Vec<usize>, Vec<usize>)>> {
    pairs
        .map(|pair| left(&pair.left).zip(right(&pair.right)))
        .collect()
}

/// Every (left, right) link of an alignment's groups.
fn aligned_links(alignment: &newsdiff::align::Alignment) -> HashSet<(usize, usize)> {
    alignment
        .pairs
        .iter()
        .flat_map(|p| {
            p.left
                .iter()
                .flat_map(move |&i| p.right.iter().map(move |&j| (i, j)))
        })
        .collect()
}

/// Recall and precision counts of `aligned` against the located pairs.
fn agreement(
    aligned: &HashSet<(usize, usize)>,
    silver: &[Option<(Vec<usize>, Vec<usize>)>],
) -> Counts {
    let located: Vec<&(Vec<usize>, Vec<usize>)> = silver.iter().flatten().collect();
    let mut c = Counts {
        silver: silver.len(),
        located: located.len(),
        ..Counts::default()
    };
    c.agreed = located
        .iter()
        .filter(|(l, r)| {
            l.iter()
                .any(|i| r.iter().any(|j| aligned.contains(&(*i, *j))))
        })
        .count();
    let silver_left: HashSet<usize> = located
        .iter()
        .flat_map(|(l, _)| l.iter().copied())
        .collect();
    for &(i, j) in aligned {
        if silver_left.contains(&i) {
            c.judged += 1;
            c.judged_correct += usize::from(
                located
                    .iter()
                    .any(|(l, r)| l.contains(&i) && r.contains(&j)),
            );
        }
    }
    c
}

/// All articles as one long document per level (in folder order, a blank
/// line between), aligned in one call and scored like the articles: each
/// silver sentence is located inside its own article's part. The eval's
/// documents are short; this is how alignment fares at length on real
/// rewrites.
fn one_document_counts(
    folder: &Path,
    names: &[&String],
    by_article: &HashMap<&str, Vec<&SilverPair>>,
    config: &Config,
) -> Result<[Counts; 2]> {
    let mut texts = [String::new(), String::new(), String::new()];
    let mut parts: Vec<[Range<usize>; 3]> = Vec::new();
    for name in names {
        let dir = folder.join(name.as_str());
        let mut ranges = [0..0, 0..0, 0..0];
        for (k, level) in ["adv", "int", "ele"].iter().enumerate() {
            let text = read_text(&required_file(&dir, &format!("{level}.txt"))?)?;
            let start = texts[k].len();
            texts[k].push_str(text.trim_end());
            ranges[k] = start..texts[k].len();
            texts[k].push_str("\n\n");
        }
        parts.push(ranges);
    }
    let [adv, int, ele] = texts.map(|t| newsdiff::analyse("all articles", &t));
    let alignments = [config.align(&adv, &ele), config.align(&adv, &int)];
    let adv = Located::new(adv);
    let rights = [(Located::new(ele), 2), (Located::new(int), 1)];
    let mut out = [Counts::default(); 2];
    for (k, (levels, _)) in LEVELS.iter().enumerate() {
        let mut located = Vec::new();
        for (name, ranges) in names.iter().zip(&parts) {
            let silver = by_article
                .get(name.as_str())
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let (right, level) = &rights[k];
            located.extend(locate(
                silver.iter().filter(|p| p.levels == *levels),
                |l| adv.find_within(l, ranges[0].clone()),
                |r| right.find_within(r, ranges[*level].clone()),
            ));
        }
        out[k] = agreement(&aligned_links(&alignments[k]), &located);
    }
    Ok(out)
}

/// Evaluates the articles in `folder`.
pub fn evaluate(folder: &Path, config: &Config) -> Result<Table> {
    let silver: Vec<SilverPair> = read_jsonl(&required_file(folder, "silver_alignments.jsonl")?)?;
    let mut articles: BTreeSet<String> = BTreeSet::new();
    for entry in
        std::fs::read_dir(folder).with_context(|| format!("reading {}", folder.display()))?
    {
        let path = entry?.path();
        if path.is_dir() {
            if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                articles.insert(name.to_string());
            }
        }
    }
    if articles.is_empty() {
        bail!("no article folder in {}", folder.display());
    }
    let mut by_article: HashMap<&str, Vec<&SilverPair>> = HashMap::new();
    for pair in &silver {
        by_article
            .entry(pair.article.as_str())
            .or_default()
            .push(pair);
    }
    let names: Vec<&String> = articles.iter().collect();
    let per_article: Vec<([Counts; 2], [FindingCounts; 2])> = names
        .par_iter()
        .map(|a| {
            let pairs = by_article.get(a.as_str()).map(Vec::as_slice).unwrap_or(&[]);
            article_counts(folder, a, pairs, config)
        })
        .collect::<Result<_>>()?;
    let one_document = one_document_counts(folder, &names, &by_article, config)?;

    let mut table = Table::new("onestopenglish", &folder.display().to_string());
    // Each article is compared adv–ele and adv–int.
    table.compared = 2 * articles.len();
    table.items = format!(
        "{} articles × 3 levels, {} silver pairs",
        articles.len(),
        silver.len()
    );
    let mut sentences = 0;
    let mut seconds = 0.0;
    let mut findings = [FindingCounts::default(), FindingCounts::default()];
    for (k, (levels, _)) in LEVELS.iter().enumerate() {
        let mut t = Counts::default();
        for (c, f) in per_article.iter().map(|(c, f)| (&c[k], &f[k])) {
            findings[k].merge(f);
            t.silver += c.silver;
            t.located += c.located;
            t.agreed += c.agreed;
            t.judged += c.judged;
            t.judged_correct += c.judged_correct;
            sentences += c.sentences;
            seconds += c.seconds;
        }
        let key = levels.replace('-', "_");
        let (p, r) = t.precision_recall();
        table.count(
            &format!("{key}_located"),
            &format!("{levels}: silver pairs located"),
            t.located,
        );
        table.count(
            &format!("{key}_silver"),
            &format!("{levels}: silver pairs listed"),
            t.silver,
        );
        table.score(
            &format!("{key}_precision"),
            &format!("{levels}: precision vs silver"),
            p,
        );
        table.score(
            &format!("{key}_recall"),
            &format!("{levels}: recall vs silver"),
            r,
        );
        table.score(
            &format!("{key}_f1"),
            &format!("{levels}: F1 vs silver"),
            f1(p, r),
        );
        let (p, r) = one_document[k].precision_recall();
        table.score(
            &format!("{key}_one_document_recall"),
            &format!("{levels}, all articles as one document: recall"),
            r,
        );
        table.score(
            &format!("{key}_one_document_f1"),
            &format!("{levels}, all articles as one document: F1"),
            f1(p, r),
        );
        rate_figures(&mut table, &key, levels, &findings[k]);
    }
    table.grids.push(finding_rates::grid(
        "finding_rates",
        "findings per kind, per 100 aligned pairs (meaning kept: changed facts and attribution changes are false alarms)",
        &[(LEVELS[0].0, &findings[0]), (LEVELS[1].0, &findings[1])],
    ));
    table.count(
        "sentences",
        "sentences analysed (adv + int + ele)",
        sentences,
    );
    table.number(
        "sentences_per_second",
        "throughput, sentences/s per core (analyse ×3 + align ×2)",
        (seconds > 0.0).then(|| sentences as f64 / seconds),
    );
    table.note("SILVER reference (automatic cosine aligner of the corpus authors): agreement, not accuracy");
    table.note(
        "precision judged only on newsdiff pairs whose left sentence is in a located silver pair",
    );
    table.note("throughput: summed per-article pipeline time (one core), file reading excluded");
    table.note("one document: every article of a level concatenated, aligned in one call");
    table.note("finding rates: the levels compared as the newsdiff command compares two files (scripts/finding-rates counts the same); pairs are aligned groups");
    Ok(table)
}

/// The false-alarm headline figures of one level pair: aligned pairs, and
/// changed facts and attribution changes per 100 of them.
fn rate_figures(table: &mut Table, key: &str, levels: &str, counts: &FindingCounts) {
    table.count(
        &format!("{key}_aligned_pairs"),
        &format!("{levels}: aligned pairs (groups) compared"),
        counts.pairs,
    );
    table.number(
        &format!("{key}_changed_facts_per_100"),
        &format!("{levels}: changed facts per 100 pairs (false alarms)"),
        counts.changed_facts_rate(),
    );
    table.number(
        &format!("{key}_attribution_changes_per_100"),
        &format!("{levels}: attribution changes per 100 pairs (nearly all false)"),
        counts.attribution_changes_rate(),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sentence_is_located_inside_the_given_part_only() {
        let text = "The river rose. Crops failed.\n\nThe river rose. Roads closed.";
        let doc = Located::new(newsdiff::analyse("t", text));
        assert_eq!(doc.find("the river rose"), Some(vec![0]));
        let second = text.rfind("The river").unwrap();
        assert_eq!(
            doc.find_within("The river rose.", second..text.len()),
            Some(vec![2])
        );
        assert_eq!(doc.find_within("Crops failed", second..text.len()), None);
    }

    #[test]
    fn agreement_counts_links_against_located_pairs() {
        let aligned: HashSet<(usize, usize)> = [(0, 0), (1, 2), (2, 1)].into();
        let silver = vec![Some((vec![0], vec![0])), Some((vec![1], vec![1])), None];
        let c = agreement(&aligned, &silver);
        assert_eq!((c.silver, c.located, c.agreed), (3, 2, 1));
        // Links from sentences 0 and 1 are judged; the one from 2 is not.
        assert_eq!((c.judged, c.judged_correct), (2, 1));
    }
}
