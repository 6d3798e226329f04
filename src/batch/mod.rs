//! A manifest of pairs → one result per pair, in input order, compared in
//! parallel on every core (rayon).
//!
//! Each manifest line is one JSON object, `{"left": path, "right": path,
//! "id": any}` (`id` optional). A line that cannot be parsed or a pair that
//! cannot be read becomes a [`BatchResult::Failed`]; the others go on.
//! Relative paths are taken from the manifest's folder, as a Makefile's or
//! a Cargo.toml's are, so a manifest works from any current folder; a
//! manifest read from standard input has no folder, and its relative paths
//! are taken from the current one.

use crate::check::{self, RuleConfig, RuleOutcome};
use crate::input::{read_article, DecodeOptions};
use crate::model::report::Report;
use crate::Options;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::path::Path;

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

/// Where a manifest was read from, for its messages and its relative paths.
#[derive(Debug, Clone, Copy)]
pub enum ManifestSource<'a> {
    /// A file: messages name it, relative paths are taken from its folder.
    File(&'a Path),
    /// Standard input: relative paths are taken from the current folder.
    Stdin,
}

impl ManifestSource<'_> {
    /// The name messages give the manifest.
    fn name(&self) -> String {
        match self {
            ManifestSource::File(path) => path.display().to_string(),
            ManifestSource::Stdin => String::from("<stdin>"),
        }
    }

    /// `path` as the pair names it, made to work from the current folder:
    /// relative to the manifest's folder, absolute paths (and `-`) as they
    /// are. The result is also the name the report gives the input, so its
    /// `file:line:col` places open from the current folder too.
    fn resolve(&self, path: String) -> String {
        let folder = match self {
            ManifestSource::File(manifest) => manifest.parent(),
            ManifestSource::Stdin => None,
        };
        match folder {
            // A manifest named without a folder ("pairs.jsonl") has the
            // empty parent: the current folder, nothing to join.
            Some(folder)
                if !folder.as_os_str().is_empty()
                    && path != "-"
                    && Path::new(&path).is_relative() =>
            {
                folder.join(&path).to_string_lossy().into_owned()
            }
            _ => path,
        }
    }
}

/// Splits a manifest into entries; blank lines are skipped. Errors name
/// the manifest and the line (`pairs.jsonl:4: not a JSON object ...`), and
/// the pairs' relative paths are resolved as [`ManifestSource`] says.
pub fn parse_manifest(text: &str, source: ManifestSource<'_>) -> Vec<ManifestEntry> {
    let name = source.name();
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| ManifestEntry {
            line: i + 1,
            pair: parse_line(l)
                .map(|pair| BatchPair {
                    left: source.resolve(pair.left),
                    right: source.resolve(pair.right),
                    id: pair.id,
                })
                .map_err(|e| format!("{name}:{}{e}", i + 1)),
        })
        .collect()
}

/// One manifest line as a pair; the error starts with `:column: `, the
/// place in the line, when serde_json gives one, else with `: `.
fn parse_line(line: &str) -> Result<BatchPair, String> {
    // Straight into the pair, so a key given twice is an error too.
    let error = match serde_json::from_str::<BatchPair>(line) {
        Ok(pair) => return Ok(pair),
        Err(error) => error,
    };
    let not_an_object = match serde_json::from_str::<Value>(line) {
        Err(_) => None,
        Ok(Value::Object(_)) => return Err(placed(&error, "")),
        Ok(Value::Array(_)) => Some("an array"),
        Ok(Value::String(_)) => Some("a string"),
        Ok(Value::Number(_)) => Some("a number"),
        Ok(Value::Bool(_)) => Some("a boolean"),
        Ok(Value::Null) => Some("null"),
    };
    Err(match not_an_object {
        Some(what) => format!(": not a JSON object ({what})"),
        None => placed(&error, "not a JSON object: "),
    })
}

/// `:column: what message`. serde_json places its errors in the text it was
/// given, one manifest line, so its "at line 1 column N" is replaced by the
/// column alone (the caller puts the manifest's line number before it).
fn placed(error: &serde_json::Error, what: &str) -> String {
    let message = error.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    if error.column() == 0 {
        format!(": {what}{message}")
    } else {
        format!(":{}: {what}{message}", error.column())
    }
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
        read_article(path, settings.decode).map_err(|e| format!("cannot read {side} input: {e}"))
    };
    let (left, right) = match (read(&pair.left, "left"), read(&pair.right, "right")) {
        (Ok(l), Ok(r)) => (l, r),
        (Err(e), _) | (_, Err(e)) => return failed(e),
    };
    // Web pages are read as their article, as `newsdiff LEFT RIGHT` reads them.
    let (left, right) = crate::analyse_loaded(&pair.left, left, &pair.right, right);
    let report = crate::compare_documents(&left, &right, &settings.options);
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

    fn file(text: &str, path: &str) -> Vec<ManifestEntry> {
        parse_manifest(text, ManifestSource::File(Path::new(path)))
    }

    fn error(entry: &ManifestEntry) -> &str {
        entry.pair.as_ref().unwrap_err()
    }

    #[test]
    fn manifest_skips_blank_lines_and_keeps_line_numbers() {
        let entries = file(
            "{\"left\":\"a\",\"right\":\"b\",\"id\":7}\n\nnot json\n",
            "pairs.jsonl",
        );
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].pair.as_ref().unwrap().id, Some(Value::from(7)));
        assert_eq!(entries[1].line, 3);
        assert!(entries[1].pair.is_err());
    }

    #[test]
    fn a_line_that_is_not_json_is_not_a_json_object_at_its_line_and_column() {
        let entries = file("\n% not json\n", "m/pairs.jsonl");
        assert_eq!(
            error(&entries[0]),
            "m/pairs.jsonl:2:1: not a JSON object: expected value"
        );
    }

    #[test]
    fn json_other_than_an_object_says_what_it_is() {
        let entries = parse_manifest("[1, 2]\n\"a\"\nnull\n", ManifestSource::Stdin);
        assert_eq!(
            error(&entries[0]),
            "<stdin>:1: not a JSON object (an array)"
        );
        assert_eq!(
            error(&entries[1]),
            "<stdin>:2: not a JSON object (a string)"
        );
        assert_eq!(error(&entries[2]), "<stdin>:3: not a JSON object (null)");
    }

    #[test]
    fn unknown_manifest_key_is_an_error() {
        let entries = file(
            "{\"left\":\"a\",\"right\":\"b\",\"rigth\":\"c\"}",
            "p.jsonl",
        );
        let err = error(&entries[0]);
        assert!(err.starts_with("p.jsonl:1:"), "{err}");
        assert!(
            err.contains("rigth") && !err.contains("not a JSON object"),
            "{err}"
        );
    }

    #[test]
    fn a_key_given_twice_is_an_error() {
        let entries = file("{\"left\":\"a\",\"left\":\"b\",\"right\":\"c\"}", "p.jsonl");
        assert!(error(&entries[0]).contains("duplicate field"));
    }

    #[test]
    fn relative_paths_are_taken_from_the_manifest_folder() {
        let line = "{\"left\":\"../a.txt\",\"right\":\"/abs/b.txt\"}";
        let pair = file(line, "fixtures/batch/p.jsonl").remove(0).pair.unwrap();
        assert_eq!(
            Path::new(&pair.left),
            Path::new("fixtures/batch").join("../a.txt")
        );
        assert_eq!(pair.right, "/abs/b.txt");
        // No folder in the manifest's name, or standard input: as written.
        let pair = file(line, "p.jsonl").remove(0).pair.unwrap();
        assert_eq!(pair.left, "../a.txt");
        let pair = parse_manifest(line, ManifestSource::Stdin)
            .remove(0)
            .pair
            .unwrap();
        assert_eq!(pair.left, "../a.txt");
    }

    #[test]
    fn standard_input_named_in_a_manifest_stays_an_error_not_a_path() {
        let line = "{\"left\":\"-\",\"right\":\"b\"}";
        let entries = file(line, "m/p.jsonl");
        assert_eq!(entries[0].pair.as_ref().unwrap().left, "-");
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
}
