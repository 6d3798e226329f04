//! A manifest of pairs → one result per pair, in manifest order, compared
//! in parallel on every core (rayon).
//!
//! Each manifest line is one JSON object naming two inputs, each a path or
//! URL (`left`, `right`) or the text itself (`left_text`, `right_text`), and
//! an optional `id` ([`parse_manifest`] has the format). A line that cannot be
//! parsed or a pair that cannot be read becomes a [`BatchResult::Failed`];
//! the others go on. Relative paths are taken from the manifest's folder, as
//! a Makefile's or a Cargo.toml's are, so a manifest works from any current
//! folder; a manifest read from standard input has no folder, and its
//! relative paths are taken from the current one. [`stream`] reads the
//! manifest and writes the results as it goes.

mod manifest;
pub mod stream;

pub use manifest::{parse_manifest, BatchPair, Input, ManifestEntry, ManifestSource};

use crate::check::{self, RuleConfig, RuleOutcome};
use crate::input::{article_from_bytes, read_article, DecodeOptions, Loaded};
use crate::model::report::Report;
use crate::Options;
use rayon::prelude::*;
use serde::Serialize;
use serde_json::Value;

/// What every pair of a batch shares.
#[derive(Debug, Clone, Default)]
pub struct BatchSettings {
    /// How to read inputs.
    pub decode: DecodeOptions,
    /// What the pipeline looks for.
    pub options: Options,
    /// Rules to apply to each report, if any (`batch --check`).
    pub rules: Option<RuleConfig>,
}

/// The result of one pair: one JSON line of output.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum BatchResult {
    /// The pair was compared: the version 1 document plus `id` (and `rules`).
    Compared(Box<Compared>),
    /// The pair could not be compared.
    Failed(Failed),
}

/// A compared pair.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compared {
    /// The manifest's `id`, or null.
    pub id: Option<Value>,
    /// The comparison.
    #[serde(flatten)]
    pub report: Report,
    /// Rule outcomes, with `--check`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<Vec<RuleOutcome>>,
}

/// A pair that could not be compared.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "batch_error", deny_unknown_fields)]
pub struct Failed {
    /// The manifest's `id`, or null (also when the line is not valid JSON).
    pub id: Option<Value>,
    /// 1-based manifest line.
    #[schemars(range(min = 1))]
    pub line: usize,
    /// What went wrong, in one line.
    pub error: String,
}

/// How one pair came out, for the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// No difference (or, with rules, every rule passed).
    Same,
    /// Differences (or, with rules, a rule failed).
    Different,
    /// The pair could not be compared.
    Failed,
}

impl BatchResult {
    /// How the pair came out.
    pub fn status(&self) -> Status {
        match self {
            BatchResult::Failed(_) => Status::Failed,
            BatchResult::Compared(c) => {
                let differs = match &c.rules {
                    Some(rules) => rules.iter().any(|r| !r.passed),
                    None => c.report.has_differences(),
                };
                if differs {
                    Status::Different
                } else {
                    Status::Same
                }
            }
        }
    }
}

/// Compares one manifest entry.
pub fn run_entry(entry: &ManifestEntry, settings: &BatchSettings) -> BatchResult {
    compare_entry(entry.clone(), settings)
}

/// [`run_entry`], taking the entry: an inline text becomes its document's
/// text instead of being copied.
pub fn compare_entry(entry: ManifestEntry, settings: &BatchSettings) -> BatchResult {
    let pair = match entry.pair {
        Ok(pair) => pair,
        Err(error) => {
            return BatchResult::Failed(Failed {
                id: entry.id,
                line: entry.line,
                error,
            })
        }
    };
    let BatchPair { left, right, id } = pair;
    let (left_name, right_name) = (left.name().to_string(), right.name().to_string());
    let (left, right) = match (read(left, "left", settings), read(right, "right", settings)) {
        (Ok(l), Ok(r)) => (l, r),
        (Err(error), _) | (_, Err(error)) => {
            return BatchResult::Failed(Failed {
                id,
                line: entry.line,
                error,
            })
        }
    };
    // Web pages are read as their article, as `newsdiff LEFT RIGHT` reads them.
    let (left, right) = crate::analyse_loaded(&left_name, left, &right_name, right);
    let report = crate::compare_documents(&left, &right, &settings.options);
    let rules = settings
        .rules
        .as_ref()
        .map(|config| check::check(&report, config));
    BatchResult::Compared(Box::new(Compared { id, report, rules }))
}

/// Reads one side of a pair: a file or URL, or the inline text (with the
/// same limit, checks and page detection as a file's bytes).
fn read(input: Input, side: &str, settings: &BatchSettings) -> Result<Loaded, String> {
    let read = match input {
        Input::Path(path) if path == "-" => {
            return Err(format!(
                "{side} input: standard input (-) is the manifest's in batch mode"
            ))
        }
        Input::Path(path) => read_article(&path, settings.decode),
        // The manifest's JSON made the text valid UTF-8; its bytes are
        // checked as a file's would be (size, NUL, BOM, a web page).
        Input::Text { name, text } => article_from_bytes(&name, text.into_bytes(), settings.decode),
    };
    read.map_err(|e| format!("cannot read {side} input: {e}"))
}

/// Compares every entry on all cores; results come back in input order.
/// `on_done` is called once per finished pair (from any thread), for a
/// progress bar.
pub fn run(
    entries: &[ManifestEntry],
    settings: &BatchSettings,
    on_done: &(dyn Fn() + Sync),
) -> Vec<BatchResult> {
    entries
        .par_iter()
        .map(|entry| {
            let result = run_entry(entry, settings);
            on_done();
            result
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn file(text: &str, path: &str) -> Vec<ManifestEntry> {
        parse_manifest(text, ManifestSource::File(Path::new(path)))
    }

    #[test]
    fn standard_input_named_in_a_manifest_stays_an_error_not_a_path() {
        let line = "{\"left\":\"-\",\"right\":\"b\"}";
        let entries = file(line, "m/p.jsonl");
        assert_eq!(
            entries[0].pair.as_ref().unwrap().left,
            Input::Path("-".into())
        );
        let results = run(&entries, &BatchSettings::default(), &|| {});
        assert_eq!(results[0].status(), Status::Failed);
    }

    #[test]
    fn missing_file_fails_only_its_pair() {
        let entries = file(
            "{\"left\":\"/nonexistent/a\",\"right\":\"/nonexistent/b\"}",
            "p.jsonl",
        );
        let results = run(&entries, &BatchSettings::default(), &|| {});
        assert_eq!(results[0].status(), Status::Failed);
    }

    #[test]
    fn inline_texts_are_compared_under_their_names() {
        let entries = file(
            r#"{"id": "s1", "left_text": "Police said 12 people were hurt.", "right_text": "Police said 15 people were hurt.", "right_name": "site"}"#,
            "p.jsonl",
        );
        let results = run(&entries, &BatchSettings::default(), &|| {});
        let BatchResult::Compared(compared) = &results[0] else {
            panic!("{:?}", results[0]);
        };
        assert_eq!(compared.id, Some(Value::from("s1")));
        assert_eq!(compared.report.left.path, "<left_text>");
        assert_eq!(compared.report.right.path, "site");
        assert_eq!(compared.report.facts.changed.len(), 1);
    }

    #[test]
    fn an_inline_text_over_max_bytes_fails_like_a_file() {
        let entries = file(
            r#"{"left_text": "Twelve words.", "right_text": "x"}"#,
            "p.jsonl",
        );
        let settings = BatchSettings {
            decode: DecodeOptions {
                max_bytes: 5,
                ..DecodeOptions::default()
            },
            ..BatchSettings::default()
        };
        let BatchResult::Failed(failed) = &run(&entries, &settings, &|| {})[0] else {
            panic!("an oversize text is refused");
        };
        assert_eq!(
            failed.error,
            "cannot read left input: <left_text>: input is over the size limit of 5 bytes (raise it with --max-bytes)"
        );
    }
}
