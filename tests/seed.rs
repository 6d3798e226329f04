//! The seed story (AFP via The Moscow Times vs a rewritten version): the
//! findings an editor expects, checked on the binary's JSON output.

use serde_json::Value;

mod common;
use common::{json, newsdiff_cmd, LEFT, RIGHT};

/// The seed pair's JSON report; the pair differs, so newsdiff exits 1.
fn report() -> Value {
    json(
        &newsdiff_cmd()
            .args(["--format", "json", LEFT, RIGHT])
            .assert()
            .code(1),
    )
}

/// Index of the one sentence on `side` whose text contains `needle`.
fn find(report: &Value, side: &str, needle: &str) -> usize {
    let hits: Vec<usize> = report[side]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["text"].as_str().unwrap().contains(needle))
        .map(|s| s["index"].as_u64().unwrap() as usize)
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "{side} sentences containing {needle:?}: {hits:?}"
    );
    hits[0]
}

fn pair_of(report: &Value, left: usize) -> Option<&Value> {
    report["pairs"].as_array().unwrap().iter().find(|p| {
        p["left"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i.as_u64() == Some(left as u64))
    })
}

fn indices(v: &Value) -> Vec<usize> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_u64().unwrap() as usize)
        .collect()
}

/// (left needle, right needle) of every gold pair of the seed story.
const GOLD_PAIRS: &[(&str, &str)] = &[
    (
        "Putin on Friday said hundreds of fighters",
        "Putin confirmed Friday that hundreds",
    ),
    (
        "will join talks on the Taliban takeover",
        "will join Tuesday's talks",
    ),
    ("A day later, the Taliban", "The next day, the Taliban"),
    (
        "According to our intelligence",
        "According to our intelligence",
    ),
    (
        "He said they had plans",
        "He pointed out that they were planning",
    ),
    (
        "Earlier this week, Putin warned",
        "Earlier this week, Putin warned",
    ),
    (
        "On Friday, Putin said IS leaders",
        "Putin noted Friday that ISIS leaders",
    ),
    (
        "Terrorists are seeking to infiltrate",
        "The terrorists seek to penetrate",
    ),
    (
        "no need to rush with official recognition",
        "no need to rush to officially recognize",
    ),
];

#[test]
fn every_gold_pair_is_aligned() {
    let r = report();
    for (left, right) in GOLD_PAIRS {
        let (i, j) = (find(&r, "left", left), find(&r, "right", right));
        let pair = pair_of(&r, i).unwrap_or_else(|| panic!("left {i} ({left:?}) is not aligned"));
        assert!(
            indices(&pair["right"]).contains(&j),
            "left {i} aligned to {} instead of {j}",
            pair["right"]
        );
    }
}

#[test]
fn the_relocated_recognition_sentence_is_marked_moved() {
    let r = report();
    let i = find(&r, "left", "no need to rush with official recognition");
    assert_eq!(pair_of(&r, i).unwrap()["moved"], true);
    // It keeps the story order: it was lifted over the cut paragraphs, not
    // reordered, and the report says so.
    assert_eq!(pair_of(&r, i).unwrap()["move_kind"], "relocated");
    // The sentences that keep their place are not moved.
    let first = find(&r, "left", "Putin on Friday said hundreds of fighters");
    assert_eq!(pair_of(&r, first).unwrap()["moved"], false);
    assert!(pair_of(&r, first).unwrap().get("move_kind").is_none());
}

#[test]
fn left_only_sentences_are_the_cut_paragraphs() {
    let r = report();
    let left_only = indices(&r["left_only"]);
    for needle in [
        "seized control of Kabul",
        "Tuesday's talks would focus",
        "breakthrough solutions",
        "The Kremlin has reached out",
        "cautiously optimistic",
        "In the 1980s",
        "banned in Russia",
    ] {
        let i = find(&r, "left", needle);
        assert!(
            left_only.contains(&i),
            "{needle:?} (left {i}) should be left only"
        );
        assert!(pair_of(&r, i).is_none());
    }
}

#[test]
fn only_the_boilerplate_line_is_right_only() {
    let r = report();
    let j = find(&r, "right", "Follow our latest");
    assert_eq!(indices(&r["right_only"]), vec![j]);
    assert_eq!(r["right"]["sentences"][j]["kind"], "boilerplate");
}

fn cue_changes(r: &Value) -> Vec<(usize, String, String)> {
    r["attribution_changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "cue_changed")
        .map(|c| {
            (
                c["left"].as_u64().unwrap() as usize,
                c["left_cue"].as_str().unwrap().to_string(),
                c["right_cue"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn the_five_cue_changes_are_reported() {
    let r = report();
    let changes = cue_changes(&r);
    for (needle, right_cue) in [
        ("Putin on Friday said hundreds", "confirm"),
        ("He said they had plans", "point out"),
        ("Earlier this week, Putin warned", "indicate"),
        ("On Friday, Putin said IS leaders", "note"),
        ("no need to rush with official recognition", "stress"),
    ] {
        let i = find(&r, "left", needle);
        assert!(
            changes
                .iter()
                .any(|(l, from, to)| *l == i && from == "say" && to == right_cue),
            "say → {right_cue} missing for left {i}: {changes:?}"
        );
    }
    // Putin "warned" on both sides: not a change.
    let warned = find(&r, "left", "Earlier this week, Putin warned");
    assert!(!changes
        .iter()
        .any(|(l, from, _)| *l == warned && from == "warn"));
}

#[test]
fn the_three_altered_quotes_are_reported() {
    let r = report();
    let altered: Vec<usize> = r["attribution_changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "quote_altered")
        .map(|c| c["left"].as_u64().unwrap() as usize)
        .collect();
    for needle in [
        "According to our intelligence",
        "Terrorists are seeking to infiltrate",
        "we need to interact with them",
    ] {
        let i = find(&r, "left", needle);
        assert!(
            altered.contains(&i),
            "quote in left {i} ({needle:?}) not reported altered: {altered:?}"
        );
    }
}

#[test]
fn omitted_figures_are_reported_and_rewritten_numbers_are_not_changes() {
    let r = report();
    let omitted: Vec<String> = r["facts"]["omitted"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["text"].as_str().unwrap().to_string())
        .collect();
    for fact in [
        "14,000",
        "two million",
        "seven million",
        "mid-August",
        "1980s",
    ] {
        assert!(
            omitted.iter().any(|t| t.contains(fact)),
            "{fact} not omitted: {omitted:?}"
        );
    }
    let changed = r["facts"]["changed"].as_array().unwrap();
    assert!(
        !changed
            .iter()
            .any(|c| c["left_text"].as_str().unwrap().contains("2,000")),
        "2,000 vs two thousand is the same value: {changed:?}"
    );
    assert!(
        !omitted.iter().any(|t| t == "2,000"),
        "2,000 is on the right as two thousand"
    );
}

#[test]
fn spans_point_at_the_sentence_text() {
    let r = report();
    let text = std::fs::read_to_string(LEFT).unwrap();
    for s in r["left"]["sentences"].as_array().unwrap() {
        let (start, end) = (
            s["span"][0].as_u64().unwrap() as usize,
            s["span"][1].as_u64().unwrap() as usize,
        );
        let original = &text[start..end];
        let first_word = s["text"]
            .as_str()
            .unwrap()
            .split_whitespace()
            .next()
            .unwrap_or("");
        let first_word = first_word.trim_matches(|c: char| !c.is_alphanumeric());
        assert!(
            original.contains(first_word),
            "span {start}..{end} {original:?} lacks {first_word:?}"
        );
    }
}
