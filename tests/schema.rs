//! `schema/report-v1.schema.json` is generated from the report types
//! (schemars reads their serde attributes and `///` docs), and real output
//! validates against it: the plain comparison, `check --format json`, and
//! `batch` lines (compared and failed).
//!
//! After changing a report type, regenerate the file with
//! `UPDATE_SCHEMA=1 cargo test --test schema` and review its diff: a field
//! added is fine within version 1, a field renamed or removed is not.

use newsdiff::batch::Failed;
use newsdiff::check::RuleOutcome;
use newsdiff::model::report::Report;
use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde_json::{json, Value};
mod common;
use common::{stdout, LEFT, RIGHT};

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/schema/report-v1.schema.json");

/// Where the schema says it lives; kept from the hand-written version.
const SCHEMA_ID: &str = "https://github.com/newsdiff/newsdiff/schema/report-v1.schema.json";

/// What `newsdiff --format json` prints, `newsdiff check --format json`
/// prints (with `rules`), and each compared line of `newsdiff batch` holds
/// (with `id`, and `rules` under --check); a batch line for a pair that
/// could not be compared is a `$defs/batch_error` instead. Fields are added
/// within a version, never renamed or removed; this schema lists exactly
/// what the current version emits, so tests/schema.rs fails when output and
/// schema drift. Generated from newsdiff's report types.
// One schema for the three outputs, as the hand-written file had: the
// library's `Report`, `check::CheckedReport` and `batch::Compared` are this
// document with neither, one or both of the optional fields.
#[derive(JsonSchema)]
#[schemars(
    title = "newsdiff report, contract version 1",
    deny_unknown_fields,
    extend("$id" = SCHEMA_ID)
)]
#[allow(dead_code)] // read by the derive only
struct Document {
    /// batch only: the manifest line's id, or null.
    #[schemars(skip_serializing_if = "Option::is_none", with = "Value")]
    id: Option<Value>,
    #[schemars(flatten)]
    report: Report,
    /// check, and batch --check: every rule's outcome, most important first.
    #[schemars(skip_serializing_if = "Option::is_none", with = "Vec<RuleOutcome>")]
    rules: Option<Vec<RuleOutcome>>,
}

/// The schema of the output, as the types describe it (serialised form:
/// an `Option` field is required and nullable unless it is skipped when
/// `None`).
fn generated_schema() -> Value {
    let mut generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator();
    // Referenced from nowhere in the document: a failed batch line is its own
    // shape, and consumers (and `batch_lines_match_the_schema`) pick it by name.
    generator.subschema_for::<Failed>();
    generator.into_root_schema_for::<Document>().to_value()
}

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string(SCHEMA_PATH).unwrap()).unwrap()
}

#[test]
fn committed_schema_is_the_generated_one() {
    let generated = serde_json::to_string_pretty(&generated_schema()).unwrap() + "\n";
    if std::env::var("UPDATE_SCHEMA").as_deref() == Ok("1") {
        // Written aside and renamed, so the other tests of this run never
        // read half a file.
        let aside = format!("{SCHEMA_PATH}.new");
        std::fs::write(&aside, &generated).unwrap();
        std::fs::rename(&aside, SCHEMA_PATH).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(SCHEMA_PATH).unwrap();
    if committed != generated {
        let differs = generated
            .lines()
            .zip(committed.lines())
            .position(|(g, c)| g != c);
        let line = differs.unwrap_or(generated.lines().count().min(committed.lines().count()));
        let at = |text: &str| text.lines().nth(line).unwrap_or("(end of file)").to_owned();
        panic!(
            "schema/report-v1.schema.json is not what the report types generate; \
             first difference at line {}:\n  committed: {}\n  generated: {}\n\
             Regenerate it with `UPDATE_SCHEMA=1 cargo test --test schema` and review the diff.",
            line + 1,
            at(&committed),
            at(&generated),
        );
    }
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

/// The seed comparison, as a JSON value to spoil.
fn seed_document() -> Value {
    serde_json::from_str(&stdout(&["--format", "json", LEFT, RIGHT])).unwrap()
}

fn is_valid(doc: &Value) -> bool {
    jsonschema::validator_for(&schema()).unwrap().is_valid(doc)
}

#[test]
fn schema_rejects_a_field_nested_objects_do_not_have() {
    let mut doc = seed_document();
    assert!(is_valid(&doc));
    doc["pairs"][0]["score"] = json!(0.5);
    assert!(!is_valid(&doc));
}

#[test]
fn schema_rejects_a_missing_nullable_field() {
    // `title` is null when absent, never left out.
    let mut doc = seed_document();
    doc["left"]
        .as_object_mut()
        .unwrap()
        .remove("title")
        .unwrap();
    assert!(!is_valid(&doc));
}

#[test]
fn schema_rejects_a_kind_not_in_snake_case() {
    let mut doc = seed_document();
    doc["left"]["sentences"][0]["kind"] = json!("Paragraph");
    assert!(!is_valid(&doc));
    let mut doc = seed_document();
    doc["attribution_changes"][0]["kind"] = json!("QuoteAltered");
    assert!(!is_valid(&doc));
}

#[test]
fn schema_rejects_null_for_a_field_left_out_when_absent() {
    // `speaker_as_written`, `left_certainty`, `value`... are left out, not
    // null: the schema gives their inner type only.
    for field in ["speaker_as_written", "left_certainty", "left_quote"] {
        let mut doc = seed_document();
        doc["attribution_changes"][0][field] = Value::Null;
        assert!(!is_valid(&doc), "{field}: null accepted");
    }
    let mut doc = seed_document();
    doc["facts"]["omitted"][0]["value"] = Value::Null;
    assert!(!is_valid(&doc));
}

#[test]
fn schema_rejects_lines_from_zero_and_similarity_above_one() {
    let mut doc = seed_document();
    doc["left"]["sentences"][0]["line"] = json!(0);
    assert!(!is_valid(&doc));
    let mut doc = seed_document();
    doc["pairs"][0]["similarity"] = json!(1.5);
    assert!(!is_valid(&doc));
    let mut doc = seed_document();
    doc["version"] = json!(2);
    assert!(!is_valid(&doc));
}
