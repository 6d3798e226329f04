//! Evaluation on the public data sets in `shared/eval/`: a data set folder →
//! a [`Table`] of figures.
//!
//! Every evaluator runs the library's own pipeline ([`newsdiff::analyse`],
//! [`newsdiff::align::align`], [`newsdiff::compare_texts`]) — never a copy — so the
//! figures are the figures of the code that ships. Each data set's loader and
//! evaluator lives in its own file; the metric arithmetic in [`metrics`].

pub mod ecbplus;
pub mod ecbplus_pairs;
pub mod finding_rates;
pub mod gum;
pub mod html;
pub mod html_pages;
pub mod html_scoring;
pub mod iterater;
pub mod metrics;
pub mod msrp;
pub mod onestop;
pub mod pair_scoring;
pub mod pairs;
pub mod sts;
pub mod summedits;
pub mod table;

use anyhow::{bail, Context, Result};
use serde::de::DeserializeOwned;
use std::path::{Path, PathBuf};
use std::time::Instant;
pub use table::Table;

/// The data sets, in the order `all` runs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataSet {
    /// MSR Paraphrase Corpus.
    Msrp,
    /// SemEval STS news headlines and MSRpar.
    Sts,
    /// IteraTeR-HUMAN Wikinews revisions.
    Iterater,
    /// SummEdits news.
    Summedits,
    /// GUM news articles.
    Gum,
    /// ECB+ news clusters.
    Ecbplus,
    /// ECB+ article pairs with hand-made comparison gold.
    EcbplusPairs,
    /// OneStopEnglish rewrites.
    Onestop,
}

impl DataSet {
    /// Every data set.
    pub const ALL: [DataSet; 8] = [
        DataSet::Msrp,
        DataSet::Sts,
        DataSet::Iterater,
        DataSet::Summedits,
        DataSet::Gum,
        DataSet::Ecbplus,
        DataSet::EcbplusPairs,
        DataSet::Onestop,
    ];

    /// The folder name under `shared/eval/`, also the name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            DataSet::Msrp => "msrp",
            DataSet::Sts => "sts-news",
            DataSet::Iterater => "iterater-wikinews",
            DataSet::Summedits => "summedits-news",
            DataSet::Gum => "gum-news",
            DataSet::Ecbplus => "ecbplus-news",
            DataSet::EcbplusPairs => "ecbplus-pairs",
            DataSet::Onestop => "onestopenglish",
        }
    }

    /// The folder `all` evaluates under `root`: `<root>/<name>/dev`, or the
    /// set's own folder for ecbplus-pairs (it has no dev/test split: its
    /// `texts/` and `gold/` sit in the set's folder).
    pub fn folder_in(self, root: &Path) -> PathBuf {
        let folder = root.join(self.name());
        match self {
            DataSet::EcbplusPairs => folder,
            _ => folder.join("dev"),
        }
    }

    /// Parses a name; the short forms (`sts`, `iterater`, …) are accepted.
    pub fn from_name(name: &str) -> Option<DataSet> {
        DataSet::ALL.into_iter().find(|d| {
            d.name() == name
                || d.name().split('-').next() == Some(name)
                || (name == "onestop" && *d == DataSet::Onestop)
        })
    }
}

/// Where the Idf weights of a sentence-pair similarity come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum IdfSource {
    /// Over the two documents' sentences, as [`newsdiff::align::align`] does.
    #[default]
    Pair,
    /// Over every sentence of the data set (unsupervised corpus statistics).
    Corpus,
}

impl IdfSource {
    /// How the table footer names it.
    pub fn describe(self) -> &'static str {
        match self {
            IdfSource::Pair => "idf over the pair's two documents (what newsdiff's aligner does)",
            IdfSource::Corpus => "idf over all sentences of the data set (--idf corpus)",
        }
    }
}

/// What an evaluation run may vary.
#[derive(Debug, Clone)]
pub struct Config {
    /// Idf source for sentence-pair similarities.
    pub idf: IdfSource,
    /// The alignment threshold evaluated (default: newsdiff's).
    pub min_similarity: f64,
    /// How many worst errors to list per data set (0: none).
    pub examples: usize,
    /// The sentence encoder of `--semantic`: every alignment, comparison
    /// and pair similarity then uses it.
    #[cfg(feature = "embed")]
    pub semantic: Option<std::sync::Arc<newsdiff::embed::Model>>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            idf: IdfSource::Pair,
            min_similarity: newsdiff::align::DEFAULT_MIN_SIMILARITY,
            examples: 0,
            #[cfg(feature = "embed")]
            semantic: None,
        }
    }
}

impl Config {
    /// The pipeline options of this run.
    pub fn options(&self) -> newsdiff::Options {
        newsdiff::Options {
            min_similarity: self.min_similarity,
            #[cfg(feature = "embed")]
            semantic: self.semantic.clone(),
        }
    }

    /// Aligns two documents as newsdiff does with this run's options.
    pub fn align(
        &self,
        left: &newsdiff::Document,
        right: &newsdiff::Document,
    ) -> newsdiff::align::Alignment {
        #[cfg(feature = "embed")]
        if let Some(model) = &self.semantic {
            return newsdiff::align::align_semantic(left, right, self.min_similarity, &**model);
        }
        newsdiff::align::align(left, right, self.min_similarity)
    }

    /// The similarity of a sentence pair scored on its own: the lexical
    /// one, or with `--semantic` its combination with the cosine of the
    /// two texts' embeddings under the model's weights
    /// (`align::semantic::combine_with`).
    pub fn pair_similarity(&self, docs: [&newsdiff::Document; 2], lexical: f64) -> f64 {
        #[cfg(feature = "embed")]
        if let Some(model) = &self.semantic {
            let texts = docs.map(|d| d.text.trim());
            if let Ok(v) = model.embed(&texts) {
                let cosine = newsdiff::embed::cosine(&v[0], &v[1]);
                use newsdiff::align::semantic::{combine_with, Embedder};
                return combine_with(&model.weights(), cosine, lexical);
            }
        }
        let _ = docs;
        lexical
    }
}

/// Evaluates one data set on the files in `folder` (e.g. `shared/eval/msrp/dev`).
pub fn run(set: DataSet, folder: &Path, config: &Config) -> Result<Table> {
    if !folder.is_dir() {
        bail!("{}: no such folder {}", set.name(), folder.display());
    }
    let start = Instant::now();
    let mut table = match set {
        DataSet::Msrp => msrp::evaluate(folder, config),
        DataSet::Sts => sts::evaluate(folder, config),
        DataSet::Iterater => iterater::evaluate(folder, config),
        DataSet::Summedits => summedits::evaluate(folder, config),
        DataSet::Gum => gum::evaluate(folder, config),
        DataSet::Ecbplus => ecbplus::evaluate(folder, config),
        DataSet::EcbplusPairs => ecbplus_pairs::evaluate(folder, config),
        DataSet::Onestop => onestop::evaluate(folder, config),
    }
    .with_context(|| set.name().to_string())?;
    table.seconds = start.elapsed().as_secs_f64();
    Ok(table)
}

/// Evaluates every data set in its folder under `root` ([`DataSet::folder_in`]),
/// and the web pages of `html-pages` in or beside `root` when present.
pub fn run_all(root: &Path, config: &Config) -> Result<Vec<Table>> {
    if !root.is_dir() {
        bail!("no such folder {}", root.display());
    }
    let mut tables = DataSet::ALL
        .into_iter()
        .map(|set| run(set, &set.folder_in(root), config))
        .collect::<Result<Vec<Table>>>()?;
    // The saved web pages sit beside the eval sets (shared/html-pages); they
    // are read in under a second, so `all` takes them when they are there.
    let pages = [root.join("html-pages"), root.join("../html-pages")]
        .into_iter()
        .find(|p| p.is_dir());
    if let Some(pages) = pages {
        tables.push(html::evaluate(&pages, config).context("html-pages")?);
    }
    Ok(tables)
}

/// True when a report says a fact changed: any changed, omitted or added
/// fact, or an attribution change of who said what or in which words. A
/// changed cue ("reported" → "disclosed") changes the framing, not the fact,
/// so it does not count. The rule used for "meaning changed" on iterater and
/// "fact changed" on summedits.
pub fn reports_fact_change(report: &newsdiff::Report) -> bool {
    !report.facts.changed.is_empty()
        || !report.facts.omitted.is_empty()
        || !report.facts.added.is_empty()
        || report
            .attribution_changes
            .iter()
            .any(|c| c.kind != newsdiff::model::report::AttributionChangeKind::CueChanged)
}

/// Reads a whole UTF-8 file, naming it on failure.
pub(crate) fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))
}

/// Reads a JSON Lines file into `T`s; a bad line is an error naming the line.
pub(crate) fn read_jsonl<T: DeserializeOwned>(path: &Path) -> Result<Vec<T>> {
    let text = read_text(path)?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| {
            serde_json::from_str(line)
                .with_context(|| format!("{} line {}: malformed record", path.display(), n + 1))
        })
        .collect()
}

/// Reads one JSON file into a `T`.
pub(crate) fn read_json<T: DeserializeOwned>(path: &Path) -> Result<T> {
    let text = read_text(path)?;
    serde_json::from_str(&text).with_context(|| format!("{}: malformed JSON", path.display()))
}

/// Reads every `*.json` file of `folder`, sorted by name; `what` names one
/// file's content in the error when there is none.
pub(crate) fn read_json_folder<T: DeserializeOwned>(folder: &Path, what: &str) -> Result<Vec<T>> {
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(folder)
        .with_context(|| format!("reading {}", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        anyhow::bail!("no .json {what} in {}", folder.display());
    }
    paths.iter().map(|p| read_json(p)).collect()
}

/// Reads a tab-separated file with a header line; returns, for every data
/// line, the cells of the `columns` asked for, in that order.
pub(crate) fn read_tsv(path: &Path, columns: &[&str]) -> Result<Vec<Vec<String>>> {
    let text = read_text(path)?;
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .with_context(|| format!("{}: empty file", path.display()))?
        .split('\t')
        .collect();
    let positions: Vec<usize> = columns
        .iter()
        .map(|c| {
            header
                .iter()
                .position(|h| h.trim() == *c)
                .with_context(|| format!("{}: no column {c:?} in the header", path.display()))
        })
        .collect::<Result<_>>()?;
    let mut rows = Vec::new();
    for (n, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let cells: Vec<&str> = line.split('\t').collect();
        if cells.len() != header.len() {
            bail!(
                "{} line {}: expected {} tab-separated cells, found {}",
                path.display(),
                n + 2,
                header.len(),
                cells.len()
            );
        }
        rows.push(positions.iter().map(|&p| cells[p].to_string()).collect());
    }
    Ok(rows)
}

/// `folder/name`, failing with a clear message when the file is missing.
pub(crate) fn required_file(folder: &Path, name: &str) -> Result<PathBuf> {
    let path = folder.join(name);
    if !path.is_file() {
        bail!("missing file {}", path.display());
    }
    Ok(path)
}

/// Byte offset of every code-point index of `text` (one past the end included),
/// to turn the data sets' Python string offsets into byte spans.
pub(crate) fn char_to_byte(text: &str) -> Vec<usize> {
    let mut out: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    out.push(text.len());
    out
}

/// Truncates a text for an example line.
pub(crate) fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_resolve() {
        assert_eq!(DataSet::from_name("sts"), Some(DataSet::Sts));
        assert_eq!(DataSet::from_name("sts-news"), Some(DataSet::Sts));
        assert_eq!(DataSet::from_name("onestop"), Some(DataSet::Onestop));
        assert_eq!(DataSet::from_name("nope"), None);
        // The short form stays the older set; the pairs set is named in full.
        assert_eq!(DataSet::from_name("ecbplus"), Some(DataSet::Ecbplus));
        assert_eq!(
            DataSet::from_name("ecbplus-pairs"),
            Some(DataSet::EcbplusPairs)
        );
    }

    #[test]
    fn ecbplus_pairs_has_no_dev_folder() {
        let root = Path::new("/data");
        assert_eq!(
            DataSet::EcbplusPairs.folder_in(root),
            Path::new("/data/ecbplus-pairs")
        );
        assert_eq!(DataSet::Msrp.folder_in(root), Path::new("/data/msrp/dev"));
    }

    #[test]
    fn code_points_map_to_bytes() {
        let map = char_to_byte("aé€b");
        assert_eq!(map, vec![0, 1, 3, 6, 7]);
    }

    #[test]
    fn missing_folder_is_an_error_not_a_panic() {
        let err = run(
            DataSet::Msrp,
            Path::new("/nonexistent/msrp/dev"),
            &Config::default(),
        )
        .unwrap_err();
        assert!(format!("{err:#}").contains("no such folder"));
    }
}
