//! Hostile and odd inputs, run through the real binary.
//!
//! Each case ends in one of two ways, never a panic or a hang:
//! - trouble: exit 2, nothing on stdout, one line on stderr naming the input;
//! - a documented result (listed on each test), with exit 0 or 1 and output
//!   that is valid JSON whose spans point into the input.
//!
//! Big inputs are generated here into a temp folder (nothing big is
//! committed). Nothing is timed: a case that is slow in a debug build fails
//! by making the suite slow, which is itself the finding.

use assert_cmd::prelude::*;
use serde_json::Value;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::{assert_trouble, newsdiff, newsdiff_cmd, LEFT, RIGHT};

/// A fresh folder for one test's inputs.
fn scratch(test: &str) -> std::path::PathBuf {
    common::scratch("robustness", test)
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_string()
}

/// Exit 0 or 1, no stderr, and a JSON report whose every sentence span is a
/// char-boundary range of `texts` (left, right) holding the sentence.
fn json_report(args: &[&str], texts: [&str; 2]) -> Value {
    let mut full = vec!["--format", "json"];
    full.extend_from_slice(args);
    let out = newsdiff(&full);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    for (side, text) in ["left", "right"].into_iter().zip(texts) {
        let mut previous_end = 0;
        for s in report[side]["sentences"].as_array().unwrap() {
            let (start, end) = (
                s["span"][0].as_u64().unwrap() as usize,
                s["span"][1].as_u64().unwrap() as usize,
            );
            assert!(
                previous_end <= start && start < end,
                "{side} span {start}..{end}"
            );
            assert!(text.get(start..end).is_some(), "{side} span {start}..{end}");
            previous_end = end;
        }
    }
    report
}

fn sentence_count(report: &Value, side: &str) -> usize {
    report[side]["sentences"].as_array().unwrap().len()
}

fn seed(path: &str) -> String {
    fs::read_to_string(path).unwrap()
}

/// Deterministic pseudo-random words (xorshift), so big inputs are not one
/// phrase repeated.
fn words(count: usize, seed: u64) -> Vec<String> {
    const SYLLABLES: [&str; 16] = [
        "ka", "ro", "vin", "tel", "ma", "si", "dor", "an", "bel", "lu", "mir", "os", "ten", "gra",
        "pe", "zu",
    ];
    let mut state = seed | 1;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..count)
        .map(|_| {
            let n = 1 + next() % 3;
            (0..n)
                .map(|_| SYLLABLES[(next() % 16) as usize])
                .collect::<String>()
        })
        .collect()
}

#[test]
fn missing_file_is_trouble() {
    assert_trouble(
        newsdiff(&[LEFT, "/no/such/file.txt"]).assert(),
        &["/no/such/file.txt"],
    );
    assert_trouble(
        newsdiff(&["/no/such/left.txt", RIGHT]).assert(),
        &["/no/such/left.txt"],
    );
}

#[test]
fn unreadable_file_is_trouble() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("unreadable");
    let path = write(&dir, "secret.txt", "Some text.");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::File::open(&path).is_ok() {
        // Running as root: permissions do not stop us; nothing to test.
        return;
    }
    assert_trouble(newsdiff(&[LEFT, &path]).assert(), &["secret.txt", "denied"]);
}

#[test]
fn directory_is_trouble() {
    let dir = scratch("directory");
    let path = dir.to_str().unwrap();
    assert_trouble(newsdiff(&[LEFT, path]).assert(), &[path, "directory"]);
}

/// Documented: an empty (or whitespace-only) input has no sentences; two of
/// them are the same (exit 0); against a real article everything on the
/// other side is unaligned (exit 1).
#[test]
fn empty_files_have_no_sentences() {
    let dir = scratch("empty");
    let empty = write(&dir, "empty.txt", "");
    let blank = write(&dir, "blank.txt", " \n\r\n\t\n");
    let out = newsdiff(&["--format", "json", &empty, &blank]);
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(sentence_count(&report, "left"), 0);
    assert_eq!(sentence_count(&report, "right"), 0);

    let report = json_report(&[&empty, RIGHT], ["", &seed(RIGHT)]);
    assert_eq!(report["summary"]["pairs"], 0);
    assert!(report["right_only"].as_array().unwrap().len() > 5);
    assert_eq!(newsdiff(&[&empty, RIGHT]).status.code(), Some(1));
}

#[test]
fn binary_data_is_trouble() {
    let dir = scratch("binary");
    let path = write(&dir, "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_trouble(
        newsdiff(&[LEFT, &path]).assert(),
        &["image.png", "binary", "offset 8"],
    );
}

/// Documented: invalid UTF-8 is an error naming the byte offset (counted in
/// the file, BOM included); `--lossy` replaces bad bytes with U+FFFD.
#[test]
fn invalid_utf8_names_the_offset_and_lossy_replaces() {
    let dir = scratch("invalid_utf8");
    let path = write(
        &dir,
        "latin1.txt",
        b"\xEF\xBB\xBFCaf\xE9 owner said prices rose.",
    );
    assert_trouble(
        newsdiff(&[LEFT, &path]).assert(),
        &["latin1.txt", "invalid UTF-8", "byte offset 6", "--lossy"],
    );
    let report = json_report(
        &["--lossy", LEFT, &path],
        [&seed(LEFT), "Caf\u{FFFD} owner said prices rose."],
    );
    let text = report["right"]["sentences"][0]["text"].as_str().unwrap();
    assert!(text.contains('\u{FFFD}'), "{text}");
}

/// Documented: a UTF-8 BOM and CRLF line ends change nothing but the spans,
/// which stay exact byte ranges of the input as read (after the BOM).
#[test]
fn bom_and_crlf_align_like_lf() {
    let dir = scratch("bom_crlf");
    let lf_text = seed(LEFT).replace("\r\n", "\n");
    let crlf_text = lf_text.replace('\n', "\r\n");
    let lf = write(&dir, "lf.txt", &lf_text);
    let crlf = write(&dir, "crlf.txt", format!("\u{FEFF}{crlf_text}"));
    let by_lf = json_report(&[&lf, RIGHT], [&lf_text, &seed(RIGHT)]);
    let by_crlf = json_report(&[&crlf, RIGHT], [&crlf_text, &seed(RIGHT)]);
    for key in [
        "pairs",
        "left_only",
        "right_only",
        "attribution_changes",
        "facts",
    ] {
        assert_eq!(by_lf[key], by_crlf[key], "{key}");
    }
    let (a, b) = (
        by_lf["left"]["sentences"].as_array().unwrap(),
        by_crlf["left"]["sentences"].as_array().unwrap(),
    );
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert_eq!(x["text"], y["text"]);
        let slice = |s: &Value, text: &str| {
            let span = (
                s["span"][0].as_u64().unwrap(),
                s["span"][1].as_u64().unwrap(),
            );
            text[span.0 as usize..span.1 as usize].replace("\r\n", "\n")
        };
        assert_eq!(slice(x, &lf_text), slice(y, &crlf_text));
    }
}

/// Documented: text with no sentence punctuation is cut into sentences of
/// at most `MAX_SENTENCE_BYTES` at word boundaries.
#[test]
fn two_megabytes_without_punctuation() {
    let dir = scratch("no_punctuation");
    let mut text = String::new();
    let vocabulary = words(5000, 7);
    let mut i = 0;
    while text.len() < 2_000_000 {
        text.push_str(&vocabulary[(i * 7919) % vocabulary.len()]);
        text.push(' ');
        i += 1;
    }
    let path = write(&dir, "flat.txt", &text);
    let report = json_report(&[LEFT, &path], [&seed(LEFT), &text]);
    let max = newsdiff::parse::MAX_SENTENCE_BYTES as u64;
    let sentences = report["right"]["sentences"].as_array().unwrap();
    assert!(sentences.len() > 1000);
    assert!(sentences
        .iter()
        .all(|s| s["span"][1].as_u64().unwrap() - s["span"][0].as_u64().unwrap() <= max));
}

/// Documented: a 100 KB "sentence" is cut like text without punctuation.
#[test]
fn one_hundred_kilobyte_sentence() {
    let dir = scratch("long_sentence");
    let mut text = String::from("The minister said that ");
    text.push_str(&words(20_000, 11).join(", and "));
    text.push('.');
    let path = write(&dir, "long.txt", &text);
    let report = json_report(&[&path, &path], [&text, &text]);
    assert!(sentence_count(&report, "left") > 60);
    assert_eq!(report["left_only"].as_array().unwrap().len(), 0);
}

/// Documented: lines without punctuation join into sentences up to the
/// length limit (a line break alone is not a sentence end).
#[test]
fn fifty_thousand_one_word_lines() {
    let dir = scratch("one_word_lines");
    let text = words(50_000, 13).join("\n");
    let other = words(50_000, 17).join("\n");
    let path = write(&dir, "lines.txt", &text);
    let other_path = write(&dir, "other.txt", &other);
    json_report(&[&path, &other_path], [&text, &other]);
}

/// Documented: a long text that repeats itself (here the seed story a
/// hundred times: every word is in a hundred sentences or more) aligns
/// with itself sentence for sentence.
#[test]
fn a_text_repeated_a_hundred_times_aligns_with_itself() {
    let dir = scratch("repeated");
    let story = seed(LEFT);
    let text = format!("{story}\n\n").repeat(100);
    let path = write(&dir, "repeated.txt", &text);
    let report = json_report(&[&path, &path], [&text, &text]);
    let summary = &report["summary"];
    assert_eq!(summary["left_only"], 0, "{summary}");
    assert_eq!(summary["right_only"], 0, "{summary}");
    // The rest of the 2,300 sentences are the copies' metadata (title,
    // byline...), which is compared apart.
    assert!(summary["pairs"].as_u64().unwrap() > 1900, "{summary}");
    for pair in report["pairs"].as_array().unwrap() {
        assert_eq!(pair["left"], pair["right"], "{pair}");
    }
}

/// Documented: every script is text; spans stay on char boundaries.
#[test]
fn right_to_left_and_mixed_scripts() {
    let dir = scratch("scripts");
    let left = "\u{645}\u{631}\u{62D}\u{628}\u{627} \u{628}\u{627}\u{644}\u{639}\u{627}\u{644}\u{645}. \
                Putin said \u{201C}\u{5E9}\u{5DC}\u{5D5}\u{5DD}\u{201D} to 2,000 people. \
                \u{4E60}\u{8FD1}\u{5E73}\u{8BF4}\u{FF0C}\u{8C08}\u{5224}\u{5C06}\u{5F00}\u{59CB}\u{3002}\u{4ED6}\u{8D70}\u{4E86}\u{3002} \
                \u{92E}\u{94B}\u{926}\u{940} \u{928}\u{947} \u{915}\u{939}\u{93E}\u{964} \
                \u{202E}reversed\u{202C} text here.\n\n\u{41F}\u{443}\u{442}\u{438}\u{43D} \u{441}\u{43A}\u{430}\u{437}\u{430}\u{43B}.";
    let right = left.replace("2,000", "two thousand");
    let l = write(&dir, "left.txt", left);
    let r = write(&dir, "right.txt", &right);
    json_report(&[&l, &r], [left, &right]);
    let out = newsdiff(&["--color", "never", &l, &r]);
    assert!(matches!(out.status.code(), Some(0 | 1)));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{202E}'), "bidi override escaped: {text}");
}

/// Documented: emoji (ZWJ sequences, flags, skin tones) and combining marks
/// are kept as written; a word with a combining accent matches its
/// precomposed form.
#[test]
fn emoji_and_combining_marks() {
    let dir = scratch("emoji");
    let left = "The cafe\u{301} owner \u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467} said prices rose \u{1F4C8}. \
                Fans waved \u{1F1FA}\u{1F1E6} flags \u{1F44D}\u{1F3FD}. Z\u{351}\u{34B}a\u{35B}l\u{328}g\u{316}o text.";
    let right = "The caf\u{E9} owner said prices rose. Fans waved flags \u{1F44D}.";
    let l = write(&dir, "left.txt", left);
    let r = write(&dir, "right.txt", right);
    let report = json_report(&[&l, &r], [left, right]);
    assert!(
        report["summary"]["pairs"].as_u64().unwrap() >= 2,
        "{report}"
    );
}

/// Documented: control characters from the input never reach the terminal
/// raw in text output (shown as `\u{1b}` and the like); JSON keeps them as
/// string escapes, so they parse back exactly.
#[test]
fn control_sequences_are_escaped() {
    let dir = scratch("control");
    let hostile = "Putin said \u{1b}[31mred\u{1b}[0m talks start.\u{7} \
                   See \u{1b}]8;;http://evil.example\u{1b}\\the link\u{1b}]8;;\u{1b}\\ now. \
                   A title change \u{1b}]0;pwned\u{7} and C1 \u{9b}2J here.\u{8}\u{8} \
                   Form\u{c}feed and \u{7f} delete.";
    let plain = "Putin said talks start. See the link now. A title change here.";
    let l = write(&dir, "hostile.txt", hostile);
    let r = write(&dir, "plain.txt", plain);
    for args in [[&l, &r], [&r, &l]] {
        let out = newsdiff(&["--color", "never", args[0], args[1]]);
        assert_eq!(out.status.code(), Some(1));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "raw control character in {text:?}"
        );
        assert!(text.contains("\\u{1b}"), "{text}");
    }
    let out = newsdiff(&["--format", "json", &l, &r]);
    let json = String::from_utf8(out.stdout).unwrap();
    assert!(!json.contains('\u{1b}') && !json.contains('\u{7}'));
    assert!(json.contains("\\u001b"));
    let report: Value = serde_json::from_str(&json).unwrap();
    let texts: String = report["left"]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect();
    assert!(texts.contains("\u{1b}[31mred"), "{texts:?}");
}

/// Documented: a terminal escape sequence is invisible to the analysis. Its
/// parameters do not join the next word ("31mred") or become numbers, so a
/// coloured copy aligns with the plain text word for word, and the word
/// diff shows the sequences themselves (escaped) as the only change.
#[test]
fn escape_sequences_hide_no_words_and_make_no_facts() {
    let dir = scratch("escapes_analysis");
    let coloured = "Officials said \u{1b}[1;31m14,000\u{1b}[0m people fled \u{1b}]0;x\u{7}the \
                    \u{1b}[4mcoastal\u{1b}[24m town on Monday.";
    let plain = "Officials said 14,000 people fled the coastal town on Monday.";
    let l = write(&dir, "coloured.txt", coloured);
    let r = write(&dir, "plain.txt", plain);
    let out = newsdiff(&["--format", "json", &l, &r]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let pair = &report["pairs"][0];
    assert_eq!(pair["similarity"], 1.0, "{pair}");
    let facts = &report["facts"];
    for side in ["omitted", "added", "changed"] {
        assert_eq!(facts[side].as_array().unwrap().len(), 0, "{facts}");
    }
    let changed: Vec<&str> = pair["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|op| op["op"] != "equal")
        .map(|op| op["text"].as_str().unwrap())
        .collect();
    assert!(
        changed.iter().all(|t| t.starts_with('\u{1b}')),
        "{changed:?}"
    );
    assert_eq!(changed.len(), 5, "{changed:?}");
}

/// Documented: a reader that stops reading (`newsdiff a b | head`) ends the
/// run quietly with exit 0.
#[test]
fn closed_stdout_pipe_exits_quietly() {
    let dir = scratch("closed_pipe");
    // Enough output to overflow the pipe buffer (64 KB on Linux).
    let text = words(8_000, 3)
        .chunks(12)
        .map(|c| c.join(" ") + ".")
        .collect::<Vec<_>>()
        .join(" ");
    let path = write(&dir, "long.txt", &text);
    for format in ["json", "text"] {
        // A plain std Command: assert_cmd reads stdout to the end, and this
        // test must close it unread.
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsdiff"))
            .args(["--format", format, &path, &path])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{format}: {stderr}");
        assert!(stderr.is_empty(), "{format}: {stderr}");
    }
    // The same through a shell pipe, as people type it.
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "'{}' --format json '{path}' '{path}' | head -c 10 >/dev/null",
            env!("CARGO_BIN_EXE_newsdiff")
        ))
        .output()
        .unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn size_limit_is_a_clear_error() {
    assert_trouble(
        newsdiff(&["--max-bytes", "1000", LEFT, RIGHT]).assert(),
        &[
            "000_25f73cc4789ee869.txt",
            "size limit of 1000 bytes",
            "--max-bytes",
        ],
    );
    // Standard input has no size to check first: it is read up to the limit
    // (the reader may stop early; assert_cmd ignores the broken pipe).
    assert_trouble(
        newsdiff_cmd()
            .args(["--max-bytes", "1000", "-", RIGHT])
            .write_stdin(seed(LEFT))
            .assert(),
        &["size limit"],
    );
    // At the limit exactly is fine.
    let size = fs::metadata(RIGHT).unwrap().len().to_string();
    assert_eq!(
        newsdiff(&["--max-bytes", &size, RIGHT, RIGHT])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn standard_input_reads_like_a_file() {
    let from_stdin = common::json(
        &newsdiff_cmd()
            .args(["--format", "json", "-", RIGHT])
            .write_stdin(seed(LEFT))
            .assert(),
    );
    let from_file = json_report(&[LEFT, RIGHT], [&seed(LEFT), &seed(RIGHT)]);
    assert_eq!(from_stdin["pairs"], from_file["pairs"]);
    assert_eq!(from_stdin["facts"], from_file["facts"]);
}
