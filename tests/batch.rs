//! `newsdiff batch`: JSON Lines in and out, input order kept, one broken
//! pair never stopping the rest, `diff`-style exit status over all pairs.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn newsdiff(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdiff"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newsdiff");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON document"))
        .collect()
}

const BROKEN: &str = "fixtures/batch/broken-middle.jsonl";

#[test]
fn broken_pair_in_the_middle_fails_alone_and_order_is_kept() {
    let out = newsdiff(&["batch", BROKEN], None);
    assert_eq!(out.status.code(), Some(2), "a pair failed to run");
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
    assert!(results[3]["error"].as_str().unwrap().contains("line 4"));

    assert_eq!(results[4]["id"], serde_json::Value::Null);
    assert_eq!(
        results[4]["attribution_changes"][0]["kind"],
        "quote_altered"
    );

    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("2 of 5 pairs"), "{stderr}");
}

#[test]
fn manifest_from_stdin() {
    let manifest =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(BROKEN)).unwrap();
    let out = newsdiff(&["batch", "-"], Some(&manifest));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(lines(&out).len(), 5);
}

#[test]
fn differences_without_failures_exit_1_and_no_differences_exit_0() {
    let manifest = concat!(
        r#"{"left": "fixtures/check_number_fail/left.txt", "right": "fixtures/check_number_fail/right.txt"}"#,
        "\n",
        r#"{"left": "fixtures/check_quote_pass/left.txt", "right": "fixtures/check_quote_pass/left.txt"}"#,
        "\n"
    );
    assert_eq!(
        newsdiff(&["batch", "-"], Some(manifest)).status.code(),
        Some(1)
    );
    let same = concat!(
        r#"{"left": "fixtures/check_quote_pass/left.txt", "right": "fixtures/check_quote_pass/left.txt"}"#,
        "\n"
    );
    assert_eq!(newsdiff(&["batch", "-"], Some(same)).status.code(), Some(0));
}

#[test]
fn check_adds_rules_and_exit_follows_them() {
    // check_quote_pass differs in wording but breaks no rule.
    let out = newsdiff(
        &[
            "batch",
            "--check",
            "--no-config",
            "fixtures/batch/same.jsonl",
        ],
        None,
    );
    let results = lines(&out);
    assert_eq!(out.status.code(), Some(0), "{results:?}");
    assert_eq!(results[0]["rules"].as_array().unwrap().len(), 9);
    assert!(results[0]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["passed"] == true));

    let out = newsdiff(
        &["batch", "--check", "--no-config", "--jobs", "1", BROKEN],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
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
    let out = newsdiff(&["batch", "--disable", "min_alignment", BROKEN], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let out = newsdiff(&["batch", "fixtures/batch/same.jsonl"], None);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn missing_manifest_is_trouble() {
    let out = newsdiff(&["batch", "fixtures/batch/nope.jsonl"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}
