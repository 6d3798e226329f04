//! Web pages in: the binary on small hand-written pages and hostile HTML.

use assert_cmd::Command;
use std::time::{Duration, Instant};

fn newsdiff() -> Command {
    Command::cargo_bin("newsdiff").unwrap()
}

#[test]
fn extract_prints_the_article_as_blocks() {
    let out = newsdiff()
        .args(["extract", "fixtures/html/bridge.html"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("# Bridge reopens after repairs\n\n"),
        "{text}"
    );
    assert!(
        text.contains("\n\nThe bridge on Monday. Photograph: Lee Chan/AFP\n\n"),
        "{text}"
    );
    assert!(!text.contains("launch") && !text.contains("Home"), "{text}");
}

#[test]
fn page_with_no_article_is_one_line_exit_2() {
    let dir = std::env::temp_dir().join("newsdiff-html-empty.html");
    std::fs::write(
        &dir,
        "<!doctype html><html><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    let path = dir.to_str().unwrap();
    let out = newsdiff()
        .args([path, "fixtures/html/bridge.html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("no article text found in {path}")),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
}

#[test]
fn twenty_thousand_nested_divs_are_refused_fast() {
    let page = format!(
        "<!doctype html><html><body>{}<p>x</p></body></html>",
        "<div>".repeat(20_000)
    );
    let start = Instant::now();
    let out = newsdiff()
        .args(["extract", "-"])
        .write_stdin(page)
        .output()
        .unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("nested deeper"));
}

#[test]
fn input_text_reads_a_page_as_text() {
    let out = newsdiff()
        .args(["extract", "--input", "text", "fixtures/html/bridge.html"])
        .output()
        .unwrap();
    assert!(String::from_utf8(out.stdout).unwrap().contains("<script>"));
}
