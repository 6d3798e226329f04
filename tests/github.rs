//! `--format github`: GitHub Actions workflow commands, escaped as GitHub
//! documents, most important first, summary last.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::newsdiff;

fn text(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

const SEED_LEFT: &str = "fixtures/seed/000_25f73cc4789ee869.txt";
const SEED_RIGHT: &str = "fixtures/seed/001_a074dd1f99a3bdcb.txt";

#[test]
fn check_failure_is_an_error_annotation_at_its_sentence() {
    let out = newsdiff(&[
        "check",
        "--no-config",
        "--format",
        "github",
        "fixtures/check_number_fail/left.txt",
        "fixtures/check_number_fail/right.txt",
    ]);
    assert_eq!(out.status.code(), Some(1));
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
            .starts_with("::error title=newsdiff check::1 of 9 rules failed"),
        "{text}"
    );
}

#[test]
fn passing_check_is_one_notice() {
    let out = newsdiff(&[
        "check",
        "--no-config",
        "--format",
        "github",
        "fixtures/check_quote_pass/left.txt",
        "fixtures/check_quote_pass/right.txt",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out),
        "::notice title=newsdiff check::all 9 rules passed\n"
    );
}

#[test]
fn at_most_nine_annotations_then_the_summary_last() {
    let out = newsdiff(&[
        "check",
        "--no-config",
        "--format",
        "github",
        SEED_LEFT,
        SEED_RIGHT,
    ]);
    assert_eq!(out.status.code(), Some(1));
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
    let out = newsdiff(&["--format", "github", SEED_LEFT, SEED_RIGHT]);
    assert_eq!(out.status.code(), Some(1));
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
    let dir = std::env::temp_dir().join(format!("newsdiff-github-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/check_certainty_fail");
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
    let out = Command::new(env!("CARGO_BIN_EXE_newsdiff"))
        .current_dir(&dir)
        .args(["check", "--no-config", "--format", "github"])
        .args(["a,b:left.txt", "a,b:right.txt"])
        .output()
        .unwrap();
    let text = text(&out);
    std::fs::remove_dir_all(&dir).ok();
    let first = text.lines().next().unwrap();
    assert!(
        first.starts_with("::error file=a%2Cb%3Aright.txt,"),
        "{first}"
    );
    assert!(first.contains("100%25 new"), "percent escaped: {first}");
    assert!(!first.contains("100% "), "{first}");
}
