//! `--format github`: GitHub Actions workflow commands, escaped as GitHub
//! documents, most important first, summary last.

mod common;
use assert_cmd::assert::Assert;
use common::{newsdiff_cmd, scratch, text, ROOT};
use std::path::Path;

/// Runs `newsdiff check --no-config --format github` on a pair.
fn check_github(left: &str, right: &str) -> Assert {
    newsdiff_cmd()
        .args(["check", "--no-config", "--format", "github", left, right])
        .assert()
}

const SEED_LEFT: &str = "fixtures/seed/000_25f73cc4789ee869.txt";
const SEED_RIGHT: &str = "fixtures/seed/001_a074dd1f99a3bdcb.txt";

#[test]
fn check_failure_is_an_error_annotation_at_its_sentence() {
    let out = check_github(
        "fixtures/check_number_fail/left.txt",
        "fixtures/check_number_fail/right.txt",
    )
    .code(1);
    let text = text(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "::error file=fixtures/check_number_fail/right.txt,line=9,col=1,title=newsdiff no_changed_number::number changed: \"12 million\" → \"15 million\""
    );
    assert!(
        lines
            .last()
            .unwrap()
            .starts_with("::error title=newsdiff check::1 of 10 rules failed"),
        "{text}"
    );
}

#[test]
fn passing_check_is_one_notice() {
    check_github(
        "fixtures/check_quote_pass/left.txt",
        "fixtures/check_quote_pass/right.txt",
    )
    .code(0)
    .stdout("::notice title=newsdiff check::all 10 rules passed\n");
}

#[test]
fn at_most_nine_annotations_then_the_summary_last() {
    let out = check_github(SEED_LEFT, SEED_RIGHT).code(1);
    let text = text(&out);
    let annotations: Vec<&str> = text.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 10, "{text}");
    // Most important first: altered quotes lead.
    assert!(annotations[0].contains("title=newsdiff no_altered_quote"));
    let summary = text.lines().last().unwrap();
    assert!(
        summary.starts_with("::error title=newsdiff check::"),
        "{summary}"
    );
    assert!(summary.contains("more in the log"), "{summary}");
    // The rest stay readable in the log.
    assert!(text
        .lines()
        .any(|l| l.contains(": newsdiff min_alignment: ")));
}

#[test]
fn plain_comparison_annotates_findings() {
    let out = newsdiff_cmd()
        .args(["--format", "github", SEED_LEFT, SEED_RIGHT])
        .assert()
        .code(1);
    let text = text(&out);
    assert!(text.starts_with("::error file="), "{text}");
    assert!(text.contains("title=newsdiff quote_altered"), "{text}");
    assert!(text
        .lines()
        .last()
        .unwrap()
        .starts_with("::error title=newsdiff::"));
}

#[test]
fn messages_and_properties_are_escaped() {
    let dir = scratch("github", "escapes");
    let source = Path::new(ROOT).join("fixtures/check_certainty_fail");
    // A path with a comma and a colon, and a sentence with a percent sign.
    let left = dir.join("a,b:left.txt");
    let right = dir.join("a,b:right.txt");
    let with_percent = |p: &Path| {
        std::fs::read_to_string(p)
            .unwrap()
            .replace("a new river bridge", "a 100% new river bridge")
    };
    std::fs::write(&left, with_percent(&source.join("left.txt"))).unwrap();
    std::fs::write(&right, with_percent(&source.join("right.txt"))).unwrap();
    let out = newsdiff_cmd()
        .current_dir(&dir)
        .args(["check", "--no-config", "--format", "github"])
        .args(["a,b:left.txt", "a,b:right.txt"])
        .assert();
    let text = text(&out);
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("::error file=a%2Cb%3Aright.txt,"),
        "{first}"
    );
    assert!(first.contains("100%25 new"), "percent escaped: {first}");
    assert!(!first.contains("100% "), "{first}");
}
