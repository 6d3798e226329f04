//! Runs `newsdiff-eval` on the sts-news dev set (the fastest pair set, about
//! 0.3 s) and checks that its figures stay above floors.
//!
//! Measured on 2026-11-23 (main at the merge of the parse and extract
//! stages): all-pairs Pearson 0.734, Spearman 0.702, headlines Pearson 0.745,
//! clear-pair F1 0.920. Floors sit about 0.03 below, so a real regression
//! fails and noise does not. The data lives in `../shared/eval` beside the
//! repository (as in CI); without it the test prints a note and passes.

use assert_cmd::prelude::*;
use assert_cmd::Command;
use predicates::prelude::*;
use std::path::PathBuf;

fn newsdiff_eval() -> Command {
    Command::cargo_bin("newsdiff-eval").expect("cargo builds newsdiff-eval for its tests")
}

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
    let output = newsdiff_eval()
        .args(["sts-news", folder.to_str().unwrap(), "--format", "json"])
        .assert()
        .success();
    let doc: serde_json::Value =
        serde_json::from_slice(&output.get_output().stdout).expect("valid JSON");
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
    newsdiff_eval()
        .args(["msrp", "/nonexistent/msrp/dev"])
        .assert()
        .code(2)
        .stderr(predicate::function(|s: &str| s.trim().lines().count() == 1))
        .stderr(predicate::str::contains("no such folder"));
}

/// A tiny ecbplus-pairs set written here (not the real data): two texts that
/// share two sentences, the left with one more.
fn tiny_ecbplus_pairs_set() -> PathBuf {
    let root = std::env::temp_dir().join(format!("newsdiff-eval-pairs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("texts")).unwrap();
    std::fs::create_dir_all(root.join("gold")).unwrap();
    let shared = "A storm hit the northern coast on Tuesday, the weather office said.\n\n\
                  The river flooded three villages near the harbour town.\n";
    std::fs::write(
        root.join("texts/a.txt"),
        format!("{shared}\nThe football club of Bremen cancelled its Saturday match.\n"),
    )
    .unwrap();
    std::fs::write(root.join("texts/b.txt"), shared).unwrap();
    let gold = serde_json::json!({
        "left": "texts/a.txt",
        "right": "texts/b.txt",
        "note": "hand-made for the smoke test",
        "pairs": [
            ["A storm hit the northern coast", "A storm hit the northern coast"],
            ["The river flooded three villages", "The river flooded three villages"]
        ],
        "left_only": ["The football club of Bremen"],
        "right_only": [],
        "moved": [],
        "omitted_facts": ["Bremen"],
        "added_facts": [],
        "changed_numbers": [],
        "attribution_changes": []
    });
    std::fs::write(root.join("gold/tiny.json"), gold.to_string()).unwrap();
    root
}

#[test]
fn ecbplus_pairs_scores_a_hand_made_gold_pair() {
    let root = tiny_ecbplus_pairs_set();
    let output = newsdiff_eval()
        .args(["ecbplus-pairs", root.to_str().unwrap(), "--format", "json"])
        .output()
        .expect("newsdiff-eval runs");
    let _ = std::fs::remove_dir_all(&root);
    let output = output.assert().success();
    let doc: serde_json::Value =
        serde_json::from_slice(&output.get_output().stdout).expect("valid JSON");
    let set = &doc["sets"][0];
    assert_eq!(set["set"], "ecbplus-pairs");
    let figures = &set["figures"];
    let figure = |key: &str| {
        figures[key]
            .as_f64()
            .unwrap_or_else(|| panic!("figure {key} missing in {figures}"))
    };
    // Identical sentences align, one to one, and nothing else does.
    assert_eq!(figure("gold_pairs"), 2.0);
    assert_eq!(figure("alignment_precision"), 1.0);
    assert_eq!(figure("alignment_recall"), 1.0);
    // The left-only sentence carries the omitted fact, found either way.
    assert_eq!(figure("omitted_fact_recall"), 1.0);
    // Nothing the right text carries word for word is reported missing.
    assert_eq!(figure("sure_false_facts"), 0.0);
    let row = &set["grids"]["per_pair"]["rows"]["tiny"];
    assert_eq!(row["omitted_facts"], serde_json::json!([1, 1]), "{row}");
}
