//! `newsdiff batch` as a stream (issue 16): texts inline in the manifest,
//! each result out as soon as its pair is done, so it works behind a pipe
//! that stays open (Spark's `RDD.pipe`).

mod common;
use common::{newsdiff_cmd, ROOT};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

fn lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8(stdout.to_vec())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON document"))
        .collect()
}

fn inline(id: usize, left: &str, right: &str) -> String {
    serde_json::json!({"id": id, "left_text": left, "right_text": right}).to_string()
}

fn fixture_text(case: &str, side: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/fixtures/{case}/{side}.txt")).unwrap()
}

#[test]
fn inline_texts_give_the_report_their_files_give() {
    let (left, right) = (
        fixture_text("check_number_fail", "left"),
        fixture_text("check_number_fail", "right"),
    );
    let manifest = format!(
        "{}\n{}\n",
        inline(1, &left, &right),
        serde_json::json!({
            "id": 2,
            "left": "fixtures/check_number_fail/left.txt",
            "right_text": right,
            "right_name": "site/2",
        })
    );
    let out = newsdiff_cmd()
        .args(["batch", "-"])
        .write_stdin(manifest)
        .assert()
        .code(1);
    let results = lines(&out.get_output().stdout);
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["left"]["path"], "<left_text>");
    assert_eq!(
        results[1]["left"]["path"],
        "fixtures/check_number_fail/left.txt"
    );
    assert_eq!(results[1]["right"]["path"], "site/2");
    // The same findings as the two files compared directly.
    let files = common::json(
        &newsdiff_cmd()
            .args([
                "--format",
                "json",
                "fixtures/check_number_fail/left.txt",
                "fixtures/check_number_fail/right.txt",
            ])
            .assert()
            .code(1),
    );
    for result in &results {
        assert_eq!(result["facts"], files["facts"]);
        assert_eq!(result["summary"], files["summary"]);
        assert_eq!(result["pairs"], files["pairs"]);
    }
}

#[test]
fn a_side_given_twice_or_missing_is_an_error_at_path_line() {
    let dir = common::scratch("batch_stream", "side_errors");
    let manifest = dir.join("pairs.jsonl");
    std::fs::write(
        &manifest,
        concat!(
            r#"{"id": "a", "left": "x.txt", "left_text": "X.", "right_text": "Y."}"#,
            "\n\n",
            r#"{"id": "b", "left_text": "X."}"#,
            "\n",
            r#"{"id": "c", "left_text": "Police said.", "right_text": "Police said."}"#,
            "\n",
        ),
    )
    .unwrap();
    let out = newsdiff_cmd()
        .args(["batch", manifest.to_str().unwrap()])
        .assert()
        .code(2);
    let results = lines(&out.get_output().stdout);
    let name = manifest.display();
    assert_eq!(results[0]["id"], "a");
    assert_eq!(results[0]["line"], 1);
    assert_eq!(
        results[0]["error"],
        format!("{name}:1: both `left` and `left_text` given; one input per side")
    );
    assert_eq!(results[1]["id"], "b");
    assert_eq!(
        results[1]["error"],
        format!("{name}:3: missing `right` (a path or URL) or `right_text` (the text itself)")
    );
    assert_eq!(results[2]["id"], "c");
    assert_eq!(results[2]["version"], 1);
}

#[test]
fn output_keeps_manifest_order_with_two_jobs() {
    // Long pairs first, short ones after: the short ones finish first.
    let long = fixture_text("check_number_fail", "left").repeat(30);
    let mut manifest = String::new();
    for id in 0..24 {
        let text = if id % 4 == 0 {
            long.as_str()
        } else {
            "The mayor said so."
        };
        manifest.push_str(&inline(id, text, "The mayor said it."));
        manifest.push('\n');
    }
    let out = newsdiff_cmd()
        .args(["batch", "--jobs", "2", "-"])
        .write_stdin(manifest)
        .assert()
        .code(1);
    let ids: Vec<_> = lines(&out.get_output().stdout)
        .iter()
        .map(|l| l["id"].as_u64().unwrap())
        .collect();
    assert_eq!(ids, (0..24).collect::<Vec<_>>());
}

#[test]
fn r16_first_result_is_out_before_the_manifest_ends() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsdiff"))
        .current_dir(ROOT)
        .args(["batch", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (sender, results) = mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines() {
            let Ok(line) = line else { return };
            if sender.send(line).is_err() {
                return;
            }
        }
    });
    // A generous bound for a debug build on a busy machine; a batch that
    // waited for the end of its manifest would never answer.
    let wait = Duration::from_secs(60);
    for id in 0..2 {
        writeln!(
            stdin,
            "{}",
            inline(id, "Police said 12 were hurt.", "Police said 15 were hurt.")
        )
        .unwrap();
        stdin.flush().unwrap();
        let line = results
            .recv_timeout(wait)
            .unwrap_or_else(|_| panic!("no result for pair {id} while the manifest is open"));
        let result: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(result["id"], id);
        assert_eq!(result["facts"]["changed"][0]["right_text"], "15");
    }
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(1));
}
