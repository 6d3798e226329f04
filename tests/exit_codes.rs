//! Exit status as in `diff`: 0 same, 1 different, 2 trouble with a one-line error.

mod common;
use common::{newsdiff, LEFT, RIGHT};

#[test]
fn identical_inputs_exit_0_and_report_nothing() {
    let out = newsdiff(&["--format", "json", LEFT, LEFT]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["left_only"].as_array().unwrap().len(), 0);
    assert_eq!(report["attribution_changes"].as_array().unwrap().len(), 0);
    assert!(report["summary"]["pairs"].as_u64().unwrap() > 10);
}

#[test]
fn different_inputs_exit_1() {
    assert_eq!(newsdiff(&[LEFT, RIGHT]).status.code(), Some(1));
}

#[test]
fn missing_file_exits_2_with_one_line_error() {
    let out = newsdiff(&[LEFT, "/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("/no/such/file.txt"), "{stderr}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_flag_exits_2() {
    assert_eq!(
        newsdiff(&["--format", "yaml", LEFT, RIGHT]).status.code(),
        Some(2)
    );
    assert_eq!(
        newsdiff(&["--min-similarity", "1.5", LEFT, RIGHT])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn text_output_without_colour_marks_word_changes() {
    let out = newsdiff(&["--color", "never", LEFT, RIGHT]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{1b}'),
        "no escape codes under --color never"
    );
    // "Putin on Friday said" → "Putin confirmed Friday that".
    assert!(
        text.contains("[-on-]{+confirmed+} Friday [-said-]{+that+}"),
        "{text}"
    );
}

#[test]
fn stopword_only_sentence_aligns_with_its_copy() {
    // "So it is." has no content token, so the similarity cannot see it; it
    // used to stay unaligned and an identical pair exited 1.
    let dir = std::env::temp_dir().join(format!("newsdiff-stopwords-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("a.txt");
    std::fs::write(
        &path,
        "The council met on Monday.\n\nSo it is.\n\nThe vote was close.\n",
    )
    .unwrap();
    let path = path.to_str().unwrap();
    let out = newsdiff(&["--format", "json", path, path]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["pairs"], 3);
}
