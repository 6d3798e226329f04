//! Web pages in: the binary on small hand-written pages and hostile HTML.

use assert_cmd::Command;

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
fn twenty_thousand_nested_divs_are_refused() {
    // Refused by a linear tag scan before any tree is built (extractors took
    // 36 s or more on such a page); speed itself is the benchmark's job.
    let page = format!(
        "<!doctype html><html><body>{}<p>x</p></body></html>",
        "<div>".repeat(20_000)
    );
    let out = newsdiff()
        .args(["extract", "-"])
        .write_stdin(page)
        .output()
        .unwrap();
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

/// `batch` reads a page in a manifest as its article, as the plain
/// comparison does (it read the page's markup as text).
#[test]
fn batch_reads_a_page_as_its_article() {
    let dir = std::env::temp_dir().join(format!("newsdiff-html-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = std::fs::canonicalize("fixtures/html/bridge.html").unwrap();
    let manifest = dir.join("pages.jsonl");
    let line = serde_json::json!({"left": page, "right": page, "id": "page"});
    std::fs::write(&manifest, format!("{line}\n")).unwrap();
    let out = newsdiff()
        .args(["batch", manifest.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        result["left"]["title"], "Bridge reopens after repairs",
        "{result}"
    );
    let sentences = result["left"]["sentences"].as_array().unwrap();
    assert!(
        sentences
            .iter()
            .all(|s| !s["text"].as_str().unwrap().contains('<')),
        "{result}"
    );
}

/// A page's report says where its byline came from; a text's has no such
/// field (its JSON is as before).
#[test]
fn report_names_where_a_page_byline_came_from() {
    let out = newsdiff()
        .args([
            "--format",
            "json",
            "fixtures/html/bridge.html",
            "fixtures/seed/000_25f73cc4789ee869.txt",
        ])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["left"]["byline"], "Ana Ruiz", "{report}");
    assert_eq!(report["left"]["byline_source"], "meta", "{report}");
    assert!(report["right"].get("byline_source").is_none(), "{report}");
}
