//! Runs `newsdiff-eval` on the sts-news dev set (the fastest pair set, about
//! 0.3 s) and checks that its figures stay above floors.
//!
//! Measured on 2026-11-23 (main at the merge of the parse and extract
//! stages): all-pairs Pearson 0.734, Spearman 0.702, headlines Pearson 0.745,
//! clear-pair F1 0.920. Floors sit about 0.03 below, so a real regression
//! fails and noise does not. The data lives in `../shared/eval` beside the
//! repository (as in CI); without it the test prints a note and passes.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn sts_dev_figures_stay_above_their_floors() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/sts-news/dev");
    if !folder.join("pairs.tsv").is_file() {
        eprintln!(
            "note: {} is absent; eval smoke test skipped",
            folder.display()
        );
        return;
    }
    let output = Command::new(env!("CARGO_BIN_EXE_newsdiff-eval"))
        .args(["sts-news", folder.to_str().unwrap(), "--format", "json"])
        .output()
        .expect("newsdiff-eval runs");
    assert!(
        output.status.success(),
        "newsdiff-eval failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(doc["version"], 1);
    let figures = &doc["sets"][0]["figures"];
    for (key, floor) in [
        ("all_pearson", 0.70),
        ("all_spearman", 0.67),
        ("headlines_pearson", 0.71),
        ("clear_f1", 0.89),
    ] {
        let value = figures[key]
            .as_f64()
            .unwrap_or_else(|| panic!("figure {key} missing in {figures}"));
        assert!(
            value >= floor,
            "{key} = {value:.3}, below its floor {floor}"
        );
    }
}

#[test]
fn a_missing_folder_is_a_one_line_error() {
    let output = Command::new(env!("CARGO_BIN_EXE_newsdiff-eval"))
        .args(["msrp", "/nonexistent/msrp/dev"])
        .output()
        .expect("newsdiff-eval runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    assert!(stderr.contains("no such folder"), "{stderr}");
}
