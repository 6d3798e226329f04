//! Exit status as in `diff`: 0 same, 1 different, 2 trouble with a one-line error.

mod common;
use common::{assert_trouble, json, newsdiff_cmd, scratch, LEFT, RIGHT};
use predicates::prelude::*;

#[test]
fn identical_inputs_exit_0_and_report_nothing() {
    let out = newsdiff_cmd()
        .args(["--format", "json", LEFT, LEFT])
        .assert()
        .code(0);
    let report = json(&out);
    assert_eq!(report["left_only"].as_array().unwrap().len(), 0);
    assert_eq!(report["attribution_changes"].as_array().unwrap().len(), 0);
    assert!(report["summary"]["pairs"].as_u64().unwrap() > 10);
}

#[test]
fn different_inputs_exit_1() {
    newsdiff_cmd().args([LEFT, RIGHT]).assert().code(1);
}

#[test]
fn missing_file_exits_2_with_one_line_error() {
    let out = newsdiff_cmd().args([LEFT, "/no/such/file.txt"]).assert();
    assert_trouble(out, &["/no/such/file.txt"]);
}

#[test]
fn bad_flag_exits_2() {
    newsdiff_cmd()
        .args(["--format", "yaml", LEFT, RIGHT])
        .assert()
        .code(2);
    newsdiff_cmd()
        .args(["--min-similarity", "1.5", LEFT, RIGHT])
        .assert()
        .code(2);
}

#[test]
fn text_output_without_colour_marks_word_changes() {
    newsdiff_cmd()
        .args(["--color", "never", LEFT, RIGHT])
        .assert()
        // No escape codes under --color never.
        .stdout(predicate::str::contains('\u{1b}').not())
        // "Putin on Friday said" → "Putin confirmed Friday that".
        .stdout(predicate::str::contains(
            "[-on-]{+confirmed+} Friday [-said-]{+that+}",
        ));
}

#[test]
fn stopword_only_sentence_aligns_with_its_copy() {
    // "So it is." has no content token, so the similarity cannot see it; it
    // used to stay unaligned and an identical pair exited 1.
    let path = scratch("exit_codes", "stopwords").join("a.txt");
    std::fs::write(
        &path,
        "The council met on Monday.\n\nSo it is.\n\nThe vote was close.\n",
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let out = newsdiff_cmd()
        .args(["--format", "json", path, path])
        .assert()
        .code(0);
    assert_eq!(json(&out)["summary"]["pairs"], 3);
}
