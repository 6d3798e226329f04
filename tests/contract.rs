//! The JSON contract, version 1, re-declared with `deny_unknown_fields` (as
//! ripgrep's `tests/json.rs` does): renaming or removing a field fails here,
//! and so does a new field nobody added to this contract and to
//! `schema/report-v1.schema.json`.

#![allow(dead_code)]

use serde::{Deserialize, Deserializer};
use serde_json::Value;
mod common;
use common::{stdout, LEFT, RIGHT};

/// A field that must be present, though it may be null (plain `Option`
/// would accept a missing field).
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    Option::deserialize(d)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Report {
    version: u32,
    left: Side,
    right: Side,
    pairs: Vec<Pair>,
    left_only: Vec<usize>,
    right_only: Vec<usize>,
    attribution_changes: Vec<AttributionChange>,
    facts: Facts,
    credit_changes: Vec<CreditChange>,
    metadata_changes: Vec<MetadataChange>,
    summary: Summary,
    /// `check` and `batch --check` only.
    #[serde(default)]
    rules: Option<Vec<RuleOutcome>>,
    /// `batch` only.
    #[serde(default)]
    id: Option<Value>,
    /// Additive; left out when there are none.
    #[serde(default)]
    warnings: Option<Vec<Warning>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Warning {
    kind: String,
    side: String,
    message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Side {
    path: String,
    #[serde(deserialize_with = "nullable")]
    title: Option<String>,
    #[serde(deserialize_with = "nullable")]
    byline: Option<String>,
    /// Web pages only: left out for text input.
    #[serde(default)]
    byline_source: Option<String>,
    #[serde(deserialize_with = "nullable")]
    dateline: Option<String>,
    sentences: Vec<Sentence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Sentence {
    index: usize,
    text: String,
    span: [usize; 2],
    /// Web pages only: left out for text input.
    #[serde(default)]
    source_span: Option<[usize; 2]>,
    kind: String,
    line: usize,
    column: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    left: Vec<usize>,
    right: Vec<usize>,
    similarity: f64,
    moved: bool,
    #[serde(default)]
    move_kind: Option<String>,
    /// Present only in a `--semantic` run: `lexical` or `semantic`.
    #[serde(default)]
    scorer: Option<String>,
    diff: Vec<DiffOp>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DiffOp {
    op: String,
    text: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributionChange {
    kind: String,
    #[serde(deserialize_with = "nullable")]
    left: Option<usize>,
    #[serde(deserialize_with = "nullable")]
    right: Option<usize>,
    #[serde(deserialize_with = "nullable")]
    speaker: Option<String>,
    #[serde(default)]
    speaker_as_written: Option<String>,
    #[serde(default)]
    left_certainty: Option<String>,
    #[serde(default)]
    right_certainty: Option<String>,
    #[serde(deserialize_with = "nullable")]
    left_cue: Option<String>,
    #[serde(deserialize_with = "nullable")]
    right_cue: Option<String>,
    #[serde(default)]
    left_cue_text: Option<String>,
    #[serde(default)]
    right_cue_text: Option<String>,
    detail: String,
    #[serde(default)]
    left_quote: Option<String>,
    #[serde(default)]
    right_quote: Option<String>,
    /// Additive: an altered quote's word diff.
    #[serde(default)]
    quote_diff: Option<Vec<DiffOp>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Facts {
    omitted: Vec<Fact>,
    added: Vec<Fact>,
    changed: Vec<FactChange>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fact {
    kind: String,
    text: String,
    #[serde(default)]
    value: Option<f64>,
    sentence: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactChange {
    kind: String,
    left_text: String,
    right_text: String,
    left: usize,
    right: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CreditChange {
    kind: String,
    credit: String,
    source: String,
    #[serde(deserialize_with = "nullable")]
    left: Option<usize>,
    #[serde(deserialize_with = "nullable")]
    right: Option<usize>,
    detail: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MetadataChange {
    field: String,
    #[serde(deserialize_with = "nullable")]
    left_text: Option<String>,
    #[serde(deserialize_with = "nullable")]
    right_text: Option<String>,
    #[serde(deserialize_with = "nullable")]
    left: Option<usize>,
    #[serde(deserialize_with = "nullable")]
    right: Option<usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Summary {
    left_sentences: usize,
    right_sentences: usize,
    pairs: usize,
    left_only: usize,
    right_only: usize,
    attribution_changes: usize,
    omitted_facts: usize,
    added_facts: usize,
    changed_facts: usize,
    moved: usize,
    reworded: usize,
    credit_changes: usize,
    metadata_changes: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleOutcome {
    rule: String,
    enabled: bool,
    passed: bool,
    failures: Vec<RuleFailure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFailure {
    location: Location,
    message: String,
    #[serde(deserialize_with = "nullable")]
    left: Option<SentenceRef>,
    #[serde(deserialize_with = "nullable")]
    right: Option<SentenceRef>,
    #[serde(deserialize_with = "nullable")]
    left_text: Option<String>,
    #[serde(deserialize_with = "nullable")]
    right_text: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Location {
    path: String,
    line: usize,
    column: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SentenceRef {
    index: usize,
    path: String,
    line: usize,
    column: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchError {
    #[serde(deserialize_with = "nullable")]
    id: Option<Value>,
    line: usize,
    error: String,
}

#[test]
fn comparison_document_has_exactly_the_v1_fields() {
    let text = stdout(&["--format", "json", LEFT, RIGHT]);
    let report: Report = serde_json::from_str(&text).unwrap();
    assert_eq!(report.version, 1);
    assert!(report.rules.is_none() && report.id.is_none());
    // The seed's two sides both quote: no warning, and none written out.
    assert!(report.warnings.is_none());
    assert!(report
        .attribution_changes
        .iter()
        .any(|c| c.left_quote.is_some()));
    assert!(report.facts.omitted.iter().any(|f| f.value.is_some()));
    // An altered quote carries its word diff, which rebuilds both quotes.
    let altered: Vec<_> = report
        .attribution_changes
        .iter()
        .filter(|c| c.kind == "quote_altered")
        .collect();
    assert!(!altered.is_empty());
    for c in altered {
        let diff = c.quote_diff.as_ref().expect("quote_diff");
        let side = |skip: &str| -> String {
            diff.iter()
                .filter(|d| d.op != skip)
                .map(|d| d.text.as_str())
                .collect()
        };
        assert_eq!(Some(side("insert")), c.left_quote);
        assert_eq!(Some(side("delete")), c.right_quote);
        assert!(diff.iter().any(|d| d.op != "equal"));
    }
    // "said" -> "confirmed": neutral to stronger, in the report itself.
    assert!(report.attribution_changes.iter().any(|c| {
        c.kind == "cue_changed"
            && c.left_certainty.as_deref() == Some("neutral")
            && c.right_certainty.as_deref() == Some("stronger")
    }));
    // The seed's left is credited "By AFP"; the right credits nobody.
    assert!(report
        .credit_changes
        .iter()
        .any(|c| c.kind == "credit_dropped" && c.credit == "AFP" && c.source == "byline"));
    assert!(report.metadata_changes.iter().any(|m| m.field == "title"));
}

#[test]
fn check_document_is_v1_plus_rules() {
    let text = stdout(&["check", "--no-config", "--format", "json", LEFT, RIGHT]);
    let report: Report = serde_json::from_str(&text).unwrap();
    let rules = report.rules.expect("check adds rules");
    assert_eq!(rules.len(), 10);
    assert!(rules.iter().any(|r| !r.failures.is_empty()));
}

#[test]
fn batch_lines_are_v1_plus_id_or_an_error() {
    let text = stdout(&[
        "batch",
        "--check",
        "--no-config",
        "fixtures/batch/broken-middle.jsonl",
    ]);
    let mut errors = 0;
    for line in text.lines() {
        let value: Value = serde_json::from_str(line).unwrap();
        if value.get("error").is_some() {
            serde_json::from_value::<BatchError>(value).unwrap();
            errors += 1;
        } else {
            let report: Report = serde_json::from_value(value).unwrap();
            assert!(report.rules.is_some());
        }
    }
    assert_eq!(errors, 2);
}

#[test]
fn a_renamed_field_is_caught() {
    let text = stdout(&["--format", "json", LEFT, RIGHT]);
    let renamed = text.replacen("\"left_only\"", "\"left_unaligned\"", 1);
    assert!(serde_json::from_str::<Report>(&renamed).is_err());
    let missing_null = text.replacen("\"dateline\": null,", "", 1);
    assert_ne!(missing_null, text);
    assert!(serde_json::from_str::<Report>(&missing_null).is_err());
}
