//! Real output validates against `schema/report-v1.schema.json`: the plain
//! comparison, `check --format json`, and `batch` lines (compared and failed).

use serde_json::{json, Value};
mod common;
use common::{stdout, LEFT, RIGHT};

fn schema() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/report-v1.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn assert_valid(schema: &Value, instance: &Value) {
    let validator = jsonschema::validator_for(schema).expect("the schema is valid");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn seed_comparison_matches_the_schema() {
    let doc: Value = serde_json::from_str(&stdout(&["--format", "json", LEFT, RIGHT])).unwrap();
    // Make sure the document exercises the schema, not an empty pipeline.
    assert!(!doc["attribution_changes"].as_array().unwrap().is_empty());
    assert!(!doc["facts"]["omitted"].as_array().unwrap().is_empty());
    assert_valid(&schema(), &doc);
}

#[test]
fn check_output_matches_the_schema() {
    let text = stdout(&["check", "--no-config", "--format", "json", LEFT, RIGHT]);
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert!(doc["rules"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["passed"] == false));
    assert_valid(&schema(), &doc);
}

#[test]
fn batch_lines_match_the_schema() {
    let text = stdout(&[
        "batch",
        "--check",
        "--no-config",
        "fixtures/batch/broken-middle.jsonl",
    ]);
    let schema = schema();
    let error_schema = json!({ "$defs": schema["$defs"], "$ref": "#/$defs/batch_error" });
    for line in text.lines() {
        let doc: Value = serde_json::from_str(line).unwrap();
        if doc.get("error").is_some() {
            assert_valid(&error_schema, &doc);
        } else {
            assert_valid(&schema, &doc);
        }
    }
}

#[test]
fn schema_rejects_a_renamed_field() {
    let mut doc: Value = serde_json::from_str(&stdout(&["--format", "json", LEFT, RIGHT])).unwrap();
    let pairs = doc.as_object_mut().unwrap().remove("pairs").unwrap();
    doc["aligned_pairs"] = pairs;
    let validator = jsonschema::validator_for(&schema()).unwrap();
    assert!(!validator.is_valid(&doc));
}
