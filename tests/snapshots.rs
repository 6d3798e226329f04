//! Whole-report snapshots: the seed pair as JSON, text, github and `check
//! --format github`, the text report of two `fixtures/check_*` pairs, and
//! the JSON report of every `fixtures/check_*` pair, run through
//! the real binary from the repository root with relative paths (so the paths
//! in the output are the same on every machine).
//!
//! A snapshot is a claim that the output is right, not merely a record of
//! what the code printed. Every finding in every `.snap` file under
//! `tests/snapshots/` was checked by hand against both input texts; the
//! verdicts (true, or KNOWN FALSE with the reason) are in
//! `tests/snapshots/REVIEW.md`. A changed snapshot must be reviewed against
//! REVIEW.md before it is accepted: a finding that disappears must have been
//! false, a finding that appears must be true, and REVIEW.md is updated in the
//! same commit. Accepting a diff unread turns this safety net into a
//! rubber stamp.
//!
//! With `CI=true` insta writes nothing and a missing or different snapshot
//! fails the test; locally a mismatch writes a `.snap.new` next to the
//! `.snap` for review (`cargo insta review`, or compare and rename by hand).

use std::path::Path;

mod common;
use common::newsdiff;

const SEED_LEFT: &str = "fixtures/seed/000_25f73cc4789ee869.txt";
const SEED_RIGHT: &str = "fixtures/seed/001_a074dd1f99a3bdcb.txt";

/// Runs newsdiff from the repository root, checks its exit status and that it
/// wrote nothing to standard error, and returns its standard output.
fn run(args: &[&str], status: i32) -> String {
    let out = newsdiff(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(status), "{args:?}: {stderr}");
    assert!(stderr.is_empty(), "{args:?} wrote to stderr: {stderr}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Snapshots under `tests/snapshots/<name>.snap`, with the command line as the
/// snapshot's description so a reviewer can rerun it.
fn snapshot(name: &str, args: &[&str], output: &str) {
    insta::with_settings!({
        prepend_module_to_snapshot => false,
        description => format!("newsdiff {}", args.join(" ")),
        omit_expression => true,
    }, {
        insta::assert_snapshot!(name, output);
    });
}

/// The JSON report of a pair, checked to be valid JSON before it is compared
/// verbatim (field order and number formatting are part of the contract).
fn json_snapshot(name: &str, left: &str, right: &str, status: i32) {
    let args = ["--format", "json", left, right];
    let output = run(&args, status);
    serde_json::from_str::<serde_json::Value>(&output).expect("valid JSON");
    snapshot(name, &args, &output);
}

#[test]
fn seed_json() {
    json_snapshot("seed_json", SEED_LEFT, SEED_RIGHT, 1);
}

#[test]
fn seed_text() {
    let args = ["--color", "never", SEED_LEFT, SEED_RIGHT];
    snapshot("seed_text", &args, &run(&args, 1));
}

/// The text report of a `fixtures/check_*` pair, as an editor reads it.
fn text_snapshot(case: &str) {
    let (left, right) = (
        format!("fixtures/{case}/left.txt"),
        format!("fixtures/{case}/right.txt"),
    );
    let args = ["--color", "never", &left, &right];
    snapshot(&format!("{case}_text"), &args, &run(&args, 1));
}

/// A dropped credit: the finding shows its aligned partner.
#[test]
fn check_dropped_fail_text() {
    text_snapshot("check_dropped_fail");
}

/// A speaker changed, and the new speaker's name added.
#[test]
fn check_speaker_fail_text() {
    text_snapshot("check_speaker_fail");
}

/// The findings of a plain comparison as GitHub annotations (default
/// `--min-severity medium`).
#[test]
fn seed_github() {
    let args = ["--format", "github", SEED_LEFT, SEED_RIGHT];
    snapshot("seed_github", &args, &run(&args, 1));
}

#[test]
fn seed_check_github() {
    let args = [
        "check",
        "--no-config",
        "--format",
        "github",
        SEED_LEFT,
        SEED_RIGHT,
    ];
    snapshot("seed_check_github", &args, &run(&args, 1));
}

/// One test per `fixtures/check_*` pair, with the exit status of the plain
/// comparison (0: nothing reportable, 1: differences).
macro_rules! check_pairs {
    ($($case:ident => $status:expr,)*) => {
        $(
            #[test]
            fn $case() {
                let dir = format!("fixtures/{}", stringify!($case));
                json_snapshot(
                    &format!("{}_json", stringify!($case)),
                    &format!("{dir}/left.txt"),
                    &format!("{dir}/right.txt"),
                    $status,
                );
            }
        )*

        /// A new `fixtures/check_*` pair must get a snapshot (and a review)
        /// too, so the list above must name every pair on disk.
        #[test]
        fn every_check_pair_has_a_snapshot_test() {
            let listed: Vec<&str> = vec![$(stringify!($case)),*];
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
            let mut on_disk: Vec<String> = std::fs::read_dir(&root)
                .expect("fixtures directory")
                .filter_map(|entry| entry.ok())
                .map(|entry| entry.path())
                .filter(|path| path.join("left.txt").is_file() && path.join("right.txt").is_file())
                .filter_map(|path| path.file_name()?.to_str().map(str::to_owned))
                .filter(|name| name.starts_with("check_"))
                .collect();
            on_disk.sort();
            let mut listed: Vec<String> = listed.into_iter().map(str::to_owned).collect();
            listed.sort();
            assert_eq!(listed, on_disk);
        }
    };
}

check_pairs! {
    check_alignment_fail => 1,
    check_alignment_pass => 1,
    check_certainty_fail => 1,
    check_certainty_pass => 1,
    check_credit_fail => 1,
    check_credit_pass => 1,
    check_dropped_fail => 1,
    check_dropped_pass => 1,
    check_number_fail => 1,
    check_number_pass => 1,
    check_omitted_fail => 1,
    check_omitted_pass => 1,
    check_polarity_fail => 1,
    check_polarity_pass => 1,
    check_quote_fail => 1,
    check_quote_pass => 1,
    check_speaker_fail => 1,
    check_speaker_pass => 1,
}
