//! The text report an editor acts on, and the flags that shape it:
//! findings first, moved pairs as findings, `--markers`, `--side-by-side`,
//! `--format github --min-severity`, `<stdin>`, invisible characters.

mod common;
use common::{json, newsdiff_cmd, scratch, text, LEFT, RIGHT};
use unicode_width::UnicodeWidthStr;

/// The seed's left story with its second half of body paragraphs told
/// first: the same sentences, out of order.
fn shuffled_seed() -> String {
    let seed = std::fs::read_to_string(LEFT).unwrap();
    let paragraphs: Vec<&str> = seed.split("\n\n").collect();
    assert!(paragraphs.len() > 22, "the seed's paragraphs");
    let mut shuffled: Vec<&str> = paragraphs[..6].to_vec();
    shuffled.extend(&paragraphs[14..22]);
    shuffled.extend(&paragraphs[6..14]);
    shuffled.extend(&paragraphs[22..]);
    shuffled.join("\n\n")
}

#[test]
fn paragraph_shuffled_copy_exits_1_and_lists_its_moved_pairs() {
    let dir = scratch("report_text", "shuffled");
    let copy = dir.join("shuffled.txt");
    std::fs::write(&copy, shuffled_seed()).unwrap();
    let copy = copy.to_string_lossy().into_owned();
    let report = json(
        &newsdiff_cmd()
            .args(["--format", "json", LEFT, &copy])
            .assert()
            .code(1),
    );
    let moved = report["summary"]["moved"].as_u64().unwrap() as usize;
    assert!(moved >= 8, "{}", report["summary"]);
    assert_eq!(report["summary"]["reworded"], 0, "a copy, word for word");

    let out = newsdiff_cmd()
        .args(["--color", "never", LEFT, &copy])
        .assert()
        .code(1);
    let text = text(&out);
    // Every moved pair is listed, identical as they are, and says how it moved.
    let listed = text.lines().filter(|l| l.contains("  moved (")).count();
    assert_eq!(listed, moved, "{text}");
    assert!(
        text.contains("moved (reordered): out of story order"),
        "{text}"
    );
    assert!(text.contains("; word for word the same"), "{text}");
    let verdict = text.lines().nth(1).unwrap();
    assert!(verdict.starts_with("The rewrite reorders "), "{verdict}");
    assert!(
        verdict.ends_with("; 20 of 20 sentences kept word for word."),
        "{verdict}"
    );
}

#[test]
fn findings_come_before_the_word_diffs_most_severe_first() {
    let out = newsdiff_cmd()
        .args(["--color", "never", LEFT, RIGHT])
        .assert()
        .code(1);
    let text = text(&out);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} missing: {text}"))
    };
    assert!(at("\nHigh (") < at("\nMedium ("));
    assert!(at("\nMedium (") < at("\nLow ("));
    assert!(at("\nLow (") < at("\nReworded ("));
    assert!(at("\nReworded (") < at("\nCut (10): only in "));
    // A resolved pronoun shows as written too.
    assert!(text.contains("(Putin (as “He”))"), "{text}");
    // The seed's in-order L18 ↔ R11 does not read as a reorder.
    assert!(text.contains("moved (relocated): in story order"), "{text}");
    assert!(!text.contains("left only") && !text.contains("right only"));
}

#[test]
fn color_alone_drops_the_brackets_and_markers_keep_them() {
    let (l, r) = common::fixture("check_quote_fail");
    let colored = text(
        &newsdiff_cmd()
            .args(["--color", "always", &l, &r])
            .assert()
            .code(1),
    );
    assert!(colored.contains("\u{1b}["), "{colored:?}");
    assert!(!colored.contains("{+is going to+}"), "{colored}");
    let marked = text(
        &newsdiff_cmd()
            .args(["--color", "always", "--markers", &l, &r])
            .assert()
            .code(1),
    );
    assert!(marked.contains("\u{1b}["), "{marked:?}");
    assert!(marked.contains("{+is going to+}"), "{marked}");
    assert!(marked.contains("[-will-]"), "{marked}");
}

#[test]
fn side_by_side_fits_the_columns_it_is_given() {
    for columns in ["60", "100", "143"] {
        let out = newsdiff_cmd()
            .env("COLUMNS", columns)
            .args(["--color", "never", "--side-by-side", LEFT, RIGHT])
            .assert()
            .code(1);
        let text = text(&out);
        let width: usize = columns.parse().unwrap();
        let rows: Vec<&str> = text.lines().filter(|l| l.contains(" │ ")).collect();
        assert!(rows.len() > 10, "{text}");
        for row in rows {
            assert!(row.width() <= width, "{} > {width}: {row}", row.width());
        }
        // Deleted words on the left, inserted words on the right.
        let left: String = text
            .lines()
            .filter_map(|l| l.split_once(" │ ").map(|(l, _)| l))
            .collect();
        assert!(left.contains("[-said-]") && !left.contains("{+"), "{text}");
    }
}

#[test]
fn side_by_side_without_a_terminal_is_100_columns() {
    let out = newsdiff_cmd()
        .env_remove("COLUMNS")
        .args(["--color", "never", "--side-by-side", LEFT, RIGHT])
        .assert()
        .code(1);
    let text = text(&out);
    let widest = text
        .lines()
        .filter(|l| l.contains(" │ "))
        .map(UnicodeWidthStr::width)
        .max()
        .unwrap();
    assert!((90..=100).contains(&widest), "{widest}: {text}");
}

#[test]
fn github_annotates_findings_from_the_severity_asked() {
    let github = |level: &str| {
        text(
            &newsdiff_cmd()
                .args(["--format", "github", "--min-severity", level, LEFT, RIGHT])
                .assert()
                .code(1),
        )
    };
    let high = github("high");
    let titles = |out: &str| -> Vec<String> {
        out.lines()
            .filter_map(|l| l.split_once("title=newsdiff ")?.1.split_once("::"))
            .map(|(t, _)| t.to_string())
            .collect()
    };
    assert_eq!(
        titles(&high),
        [
            "quote_altered",
            "quote_altered",
            "quote_altered",
            "credit_dropped",
            "credit_dropped",
            "credit_dropped"
        ],
        "{high}"
    );
    assert!(high.lines().all(|l| !l.starts_with("::warning")), "{high}");
    // The altered quote's annotation says what changed inside the marks.
    assert!(high.contains("[-2,000 people-]{+two thousand+}"), "{high}");
    let medium = github("medium");
    assert!(medium.contains("::warning file="), "{medium}");
    assert!(!medium.contains("newsdiff reworded"), "{medium}");
    assert!(!medium.contains("newsdiff entity omitted"), "{medium}");
    let low = github("low");
    assert!(low.contains("newsdiff reworded"), "{low}");
    assert!(low.contains("newsdiff moved"), "{low}");
    // The summary comes last in every case.
    for out in [&high, &medium, &low] {
        let last = out.lines().last().unwrap();
        assert!(
            last.starts_with("::error title=newsdiff::The rewrite alters 3 quotes"),
            "{last}"
        );
    }
}

#[test]
fn standard_input_is_shown_as_stdin() {
    let seed = std::fs::read_to_string(LEFT).unwrap();
    let out = newsdiff_cmd()
        .args(["--color", "never", "-", RIGHT])
        .write_stdin(seed)
        .assert()
        .code(1);
    let text = text(&out);
    assert!(text.starts_with("<stdin> → "), "{text}");
    assert!(text.contains("L7 <stdin>:19:1"), "{text}");
}

#[test]
fn invisible_format_characters_are_shown_escaped() {
    let dir = scratch("report_text", "invisible");
    let left = dir.join("left.txt");
    let right = dir.join("right.txt");
    std::fs::write(&left, "The council approved the bridge on Monday.\n").unwrap();
    std::fs::write(
        &right,
        "The council approved the\u{200B} bridge on\u{2066} Monday\u{FEFF}.\n",
    )
    .unwrap();
    let out = newsdiff_cmd()
        .args(["--color", "never"])
        .arg(&left)
        .arg(&right)
        .assert();
    let text = text(&out);
    for raw in ['\u{200B}', '\u{2066}', '\u{FEFF}'] {
        assert!(!text.contains(raw), "raw {raw:?} in {text}");
    }
    assert!(text.contains("\\u{200b}"), "{text}");
}

#[test]
fn an_unknown_severity_is_trouble() {
    let out = newsdiff_cmd()
        .args([
            "--format",
            "github",
            "--min-severity",
            "urgent",
            LEFT,
            RIGHT,
        ])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("high, medium, low"), "{stderr}");
}

#[test]
fn view_flags_leave_the_json_report_alone() {
    let plain = newsdiff_cmd()
        .args(["--format", "json", LEFT, RIGHT])
        .output()
        .unwrap();
    let flagged = newsdiff_cmd()
        .args([
            "--format",
            "json",
            "--markers",
            "--side-by-side",
            LEFT,
            RIGHT,
        ])
        .args(["--min-severity", "high"])
        .output()
        .unwrap();
    assert_eq!(plain.stdout, flagged.stdout);
}

/// `check` fails a shuffled copy too (issue 14: it passed, "45 identical
/// pairs not shown"), through `no_reordering`, and only that rule; the
/// seed's rewrite, whose one moved sentence keeps the story order, passes
/// that rule.
#[test]
fn check_fails_a_shuffled_copy_on_no_reordering_only() {
    let dir = scratch("report_text", "shuffled_check");
    let copy = dir.join("shuffled.txt");
    std::fs::write(&copy, shuffled_seed()).unwrap();
    let copy = copy.to_string_lossy().into_owned();
    let doc = json(
        &newsdiff_cmd()
            .args(["check", "--no-config", "--format", "json", LEFT, &copy])
            .assert()
            .code(1),
    );
    let failed: Vec<&str> = doc["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["passed"] == false)
        .map(|r| r["rule"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["no_reordering"], "{}", doc["rules"]);
    let seed = json(
        &newsdiff_cmd()
            .args(["check", "--no-config", "--format", "json", LEFT, RIGHT])
            .assert()
            .code(1),
    );
    let reordering = seed["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["rule"] == "no_reordering")
        .unwrap();
    assert_eq!(reordering["passed"], true, "{reordering}");
}
