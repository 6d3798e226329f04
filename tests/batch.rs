//! `newsdiff batch`: JSON Lines in and out, input order kept, one broken
//! pair never stopping the rest, `diff`-style exit status over all pairs.

mod common;
use assert_cmd::assert::Assert;
use common::{newsdiff_cmd, ROOT};
use predicates::prelude::*;
use std::path::Path;

/// Runs `newsdiff batch` with `args` from the repository root.
fn batch(args: &[&str]) -> Assert {
    newsdiff_cmd().arg("batch").args(args).assert()
}

/// Runs `newsdiff batch -` with `manifest` on standard input.
fn batch_stdin(manifest: &str) -> Assert {
    newsdiff_cmd()
        .args(["batch", "-"])
        .write_stdin(manifest)
        .assert()
}

fn lines(out: &Assert) -> Vec<serde_json::Value> {
    String::from_utf8(out.get_output().stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON document"))
        .collect()
}

const BROKEN: &str = "fixtures/batch/broken-middle.jsonl";

#[test]
fn broken_pair_in_the_middle_fails_alone_and_order_is_kept() {
    // A pair failed to run: exit 2.
    let out = batch(&[BROKEN]).code(2);
    let results = lines(&out);
    assert_eq!(results.len(), 5, "one result per non-blank line");

    assert_eq!(results[0]["id"], "same");
    assert_eq!(results[0]["version"], 1);
    assert_eq!(results[1]["id"], 2);
    assert_eq!(
        results[1]["facts"]["changed"][0]["right_text"],
        "15 million"
    );

    assert_eq!(results[2]["id"], "broken");
    assert_eq!(results[2]["line"], 3);
    let error = results[2]["error"].as_str().unwrap();
    assert!(error.contains("fixtures/batch/missing.txt"), "{error}");
    assert!(results[2].get("version").is_none());

    assert_eq!(results[3]["id"], serde_json::Value::Null);
    assert_eq!(results[3]["line"], 4);
    let error = results[3]["error"].as_str().unwrap();
    assert!(
        error.starts_with("fixtures/batch/broken-middle.jsonl:4:"),
        "{error}"
    );
    assert!(error.contains("not a JSON object"), "{error}");

    assert_eq!(results[4]["id"], serde_json::Value::Null);
    assert_eq!(
        results[4]["attribution_changes"][0]["kind"],
        "quote_altered"
    );

    out.stderr(predicate::str::contains("2 of 5 pairs"));
}

#[test]
fn manifest_from_stdin_takes_paths_from_the_current_folder() {
    let manifest = std::fs::read_to_string(Path::new(ROOT).join(BROKEN)).unwrap();
    // The fixture's paths are relative to its own folder; from stdin they
    // are taken from the current one, so run there.
    let out = newsdiff_cmd()
        .current_dir(Path::new(ROOT).join("fixtures/batch"))
        .args(["batch", "-"])
        .write_stdin(manifest.clone())
        .assert()
        .code(2);
    let results = lines(&out);
    assert_eq!(results.len(), 5);
    assert_eq!(results[0]["left"]["path"], "../check_quote_pass/left.txt");
    assert!(results[3]["error"]
        .as_str()
        .unwrap()
        .starts_with("<stdin>:4:"));
    // From the repository root the same paths point nowhere.
    let results = lines(&batch_stdin(&manifest).code(2));
    assert!(results[0]["error"]
        .as_str()
        .unwrap()
        .contains("cannot read"));
}

#[test]
fn manifest_paths_are_relative_to_the_manifest_folder_and_absolute_ones_kept() {
    let dir = common::scratch("batch", "relative_paths");
    std::fs::create_dir_all(dir.join("wire")).unwrap();
    let (left, right) = common::fixture("check_number_fail");
    std::fs::copy(&left, dir.join("wire/1.txt")).unwrap();
    let manifest = dir.join("pairs.jsonl");
    std::fs::write(
        &manifest,
        format!("{{\"left\": \"wire/1.txt\", \"right\": {right:?}}}\n[\"wire/1.txt\"]\n"),
    )
    .unwrap();
    // Run from the repository root, where wire/1.txt does not exist.
    let out = batch(&[manifest.to_str().unwrap()]).code(2);
    let results = lines(&out);
    let path = results[0]["left"]["path"].as_str().unwrap();
    assert_eq!(Path::new(path), dir.join("wire/1.txt"));
    assert_eq!(results[0]["right"]["path"], right.as_str());
    assert_eq!(
        results[0]["facts"]["changed"][0]["right_text"],
        "15 million"
    );
    let error = results[1]["error"].as_str().unwrap();
    assert_eq!(
        error,
        format!("{}:2: not a JSON object (an array)", manifest.display())
    );
}

#[test]
fn differences_without_failures_exit_1_and_no_differences_exit_0() {
    let manifest = concat!(
        r#"{"left": "fixtures/check_number_fail/left.txt", "right": "fixtures/check_number_fail/right.txt"}"#,
        "\n",
        r#"{"left": "fixtures/check_quote_pass/left.txt", "right": "fixtures/check_quote_pass/left.txt"}"#,
        "\n"
    );
    batch_stdin(manifest).code(1);
    let same = concat!(
        r#"{"left": "fixtures/check_quote_pass/left.txt", "right": "fixtures/check_quote_pass/left.txt"}"#,
        "\n"
    );
    batch_stdin(same).code(0);
}

#[test]
fn check_adds_rules_and_exit_follows_them() {
    // check_quote_pass differs in wording but breaks no rule.
    let out = batch(&["--check", "--no-config", "fixtures/batch/same.jsonl"]).code(0);
    let results = lines(&out);
    assert_eq!(results[0]["rules"].as_array().unwrap().len(), 10);
    assert!(results[0]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["passed"] == true));

    let out = batch(&["--check", "--no-config", "--jobs", "1", BROKEN]).code(2);
    let results = lines(&out);
    let quote = results[4]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "no_altered_quote")
        .unwrap()
        .clone();
    assert_eq!(quote["passed"], false);
}

#[test]
fn rule_flags_without_check_are_an_error() {
    batch(&["--disable", "min_alignment", BROKEN])
        .code(2)
        .stdout(predicate::str::is_empty());
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    batch(&["fixtures/batch/same.jsonl"]).stderr(predicate::str::is_empty());
}

#[test]
fn missing_manifest_is_trouble() {
    batch(&["fixtures/batch/nope.jsonl"])
        .code(2)
        .stdout(predicate::str::is_empty());
}
