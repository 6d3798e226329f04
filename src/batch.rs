//! A manifest of pairs → one result per pair, in input order, compared in
//! parallel on every core (rayon).
//!
//! Each manifest line is one JSON object, `{"left": path, "right": path,
//! "id": any}` (`id` optional). A line that cannot be parsed or a pair that
//! cannot be read becomes a [`BatchResult::Failed`]; the others go on.
//! Relative paths are taken from the current folder, as a shell would.

use crate::check::{self, RuleConfig, RuleOutcome};
use crate::input::{read_input, DecodeOptions};
use crate::model::report::Report;
use crate::Options;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One pair as the manifest names it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchPair {
    /// The reference report.
    pub left: String,
    /// The report to compare with it.
    pub right: String,
    /// Any JSON value the caller uses to match results to inputs.
    #[serde(default)]
    pub id: Option<Value>,
}

/// One non-blank manifest line, parsed or not.
#[derive(Debug, Clone, PartialEq)]
pub struct ManifestEntry {
    /// 1-based line number in the manifest.
    pub line: usize,
    /// The pair, or why the line is not one.
    pub pair: Result<BatchPair, String>,
}

/// Splits a manifest into entries; blank lines are skipped.
pub fn parse_manifest(text: &str) -> Vec<ManifestEntry> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| ManifestEntry {
            line: i + 1,
            pair: serde_json::from_str::<BatchPair>(l)
                .map_err(|e| format!("manifest line {}: {e}", i + 1)),
        })
        .collect()
}

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
    let pair = match &entry.pair {
        Ok(pair) => pair,
        Err(error) => {
            return BatchResult::Failed(Failed {
                id: None,
                line: entry.line,
                error: error.clone(),
            })
        }
    };
    let failed = |error: String| {
        BatchResult::Failed(Failed {
            id: pair.id.clone(),
            line: entry.line,
            error,
        })
    };
    let read = |path: &str, side: &str| {
        if path == "-" {
            return Err(format!(
                "{side} input: standard input (-) is the manifest's in batch mode"
            ));
        }
        read_input(path, settings.decode).map_err(|e| format!("cannot read {side} input: {e}"))
    };
    let (left, right) = match (read(&pair.left, "left"), read(&pair.right, "right")) {
        (Ok(l), Ok(r)) => (l, r),
        (Err(e), _) | (_, Err(e)) => return failed(e),
    };
    let report = crate::compare_owned(&pair.left, left, &pair.right, right, &settings.options);
    let rules = settings
        .rules
        .as_ref()
        .map(|config| check::check(&report, config));
    BatchResult::Compared(Box::new(Compared {
        id: pair.id.clone(),
        report,
        rules,
    }))
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

    #[test]
    fn manifest_skips_blank_lines_and_keeps_line_numbers() {
        let entries = parse_manifest("{\"left\":\"a\",\"right\":\"b\",\"id\":7}\n\nnot json\n");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].pair.as_ref().unwrap().id, Some(Value::from(7)));
        assert_eq!(entries[1].line, 3);
        assert!(entries[1].pair.is_err());
    }

    #[test]
    fn unknown_manifest_key_is_an_error() {
        let entries = parse_manifest("{\"left\":\"a\",\"right\":\"b\",\"rigth\":\"c\"}");
        let err = entries[0].pair.as_ref().unwrap_err();
        assert!(err.contains("rigth"), "{err}");
    }

    #[test]
    fn missing_file_fails_only_its_pair() {
        let entries = parse_manifest("{\"left\":\"/nonexistent/a\",\"right\":\"/nonexistent/b\"}");
        let results = run(&entries, &BatchSettings::default(), &|| {});
        assert_eq!(results[0].status(), Status::Failed);
    }
}
