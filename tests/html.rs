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
        text.contains("\n\nThe bridge on Monday.\n\nPhotograph: Lee Chan/AFP\n\n"),
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

/// Two hand-written pages of one story: the second drops the photo
/// credit's agency ("Photograph: Lena Park / AFP" → "Photograph: Lena
/// Park") and changes the owner's quote. Exactly those two findings, and
/// nothing else: the nav, script, footer and metadata of the pages make
/// none.
#[test]
fn a_dropped_caption_credit_and_a_changed_quote_are_the_only_findings() {
    let out = newsdiff()
        .args([
            "--format",
            "json",
            "fixtures/html/caption_credit/left.html",
            "fixtures/html/caption_credit/right.html",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut kinds: Vec<String> = Vec::new();
    for list in ["credit_changes", "attribution_changes"] {
        for change in report[list].as_array().unwrap() {
            kinds.push(change["kind"].as_str().unwrap().to_string());
        }
    }
    for list in ["omitted", "added", "changed"] {
        for _ in report["facts"][list].as_array().unwrap() {
            kinds.push(format!("fact_{list}"));
        }
    }
    for change in report["metadata_changes"].as_array().unwrap() {
        kinds.push(format!("metadata_{}", change["field"].as_str().unwrap()));
    }
    assert_eq!(kinds, vec!["credit_dropped", "quote_altered"], "{report:#}");
    let credit = &report["credit_changes"][0];
    assert_eq!(
        (&credit["credit"], &credit["source"]),
        (&"AFP".into(), &"photo_credit".into())
    );
    let quote = &report["attribution_changes"][0];
    assert_eq!(quote["left_quote"], "We lost everything in an hour");
    assert_eq!(quote["right_quote"], "We lost nearly everything");
    assert_eq!(quote["speaker"], "the owner");
    // Everything else of the article is paired word for word.
    assert_eq!(report["summary"]["left_only"], 0);
    assert_eq!(report["summary"]["right_only"], 0);
    assert_eq!(report["summary"]["reworded"], 1);
}

/// A page compared with itself has no difference at all.
#[test]
fn a_page_against_itself_has_no_findings() {
    let page = "fixtures/html/caption_credit/left.html";
    let out = newsdiff().args([page, page]).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// Writes a page to a temporary file named for the test, and returns its path.
fn temp_page(name: &str, html: &str) -> String {
    let path = std::env::temp_dir().join(format!("newsdiff-html-{}-{name}", std::process::id()));
    std::fs::write(&path, html).unwrap();
    path.to_str().unwrap().to_string()
}

fn wire_page(dateline: &str) -> String {
    format!(
        "<!doctype html><html><head><title>Cargo ship lost</title></head><body><article>\
         <p>{dateline} An unmanned cargo ship heading to the space station broke up over Siberia on Thursday, the space agency said.</p>\
         <p>The ship had lifted off on schedule from the launch complex and was to dock with the station on Saturday, officials said.</p>\
         <p>Most of the debris burnt up in the atmosphere, and what fell to the ground landed in a remote and uninhabited area.</p>\
         </article></body></html>"
    )
}

/// The wire a dateline names is a credit: "MOSCOW (AP) —" on one page and
/// "MOSCOW —" on the other is the AP credit dropped.
#[test]
fn a_wire_dropped_from_the_dateline_is_a_credit_finding() {
    let left = temp_page("wire-left.html", &wire_page("MOSCOW (AP) —"));
    let right = temp_page("wire-right.html", &wire_page("MOSCOW —"));
    let out = newsdiff()
        .args(["--format", "json", &left, &right])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["left"]["dateline"], "MOSCOW (AP) —", "{report:#}");
    let credits = report["credit_changes"].as_array().unwrap();
    assert_eq!(credits.len(), 1, "{report:#}");
    assert_eq!(credits[0]["kind"], "credit_dropped");
    assert_eq!(credits[0]["credit"], "AP");
    assert_eq!(credits[0]["source"], "dateline");
    assert_eq!(out.status.code(), Some(1));
}

/// An unknown `<meta charset>` is ignored and the page read as UTF-8.
#[test]
fn a_bogus_charset_declaration_falls_back_to_utf8() {
    let page = "<!doctype html><html><head><meta charset=\"x-bogus\"><title>Café reopens</title></head>\
        <body><article><p>The café on the corner reopened on Monday after a year of repairs, its owner told the town’s newspaper.</p>\
        <p>Customers queued from seven in the morning, and the first hundred coffees were served free of charge, she said.</p>\
        </article></body></html>";
    let out = newsdiff()
        .args(["extract", &temp_page("bogus.html", page)])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("The café on the corner"), "{text}");
    assert!(text.contains("town’s"), "{text}");
}

/// A multi-megabyte attribute (an inlined image, a tracking blob) is
/// neither text nor a reason to fail.
#[test]
fn a_huge_attribute_is_skipped_not_read() {
    let blob = "A".repeat(4 * 1024 * 1024);
    let page = format!(
        "<!doctype html><html><head><title>Storm</title></head><body><article>\
         <img src=\"data:image/png;base64,{blob}\" data-track=\"{blob}\">\
         <p>The storm cut power to thousands of homes along the coast on Sunday night, the utility company said.</p>\
         <p>Crews worked through the night to restore lines, and most homes had power again by the afternoon.</p>\
         </article></body></html>"
    );
    let out = newsdiff()
        .args(["extract", &temp_page("huge-attribute.html", &page)])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("The storm cut power"), "{text}");
    assert!(!text.contains("AAAA"), "an attribute was read as text");
    assert!(text.len() < 2000, "{} bytes", text.len());
}

/// Letters and digits, lower-cased.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Every sentence of the article points into the HTML bytes it was read
/// from: the page's bytes there, tags and entities dropped, spell the
/// sentence. The title is found in `<title>`.
#[test]
fn source_spans_point_into_the_page_html() {
    let path = "fixtures/html/caption_credit/left.html";
    let html = std::fs::read_to_string(path).unwrap();
    let out = newsdiff()
        .args(["--format", "json", path, path])
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sentences = report["left"]["sentences"].as_array().unwrap();
    let mut found = 0;
    for s in sentences {
        let Some(span) = s["source_span"].as_array() else {
            continue;
        };
        let (start, end) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        let slice = &html[start..end];
        let without_tags: String = slice
            .split('<')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('>').map_or("", |(_, t)| t)
                }
            })
            .collect();
        assert_eq!(
            folded(&without_tags),
            folded(s["text"].as_str().unwrap()),
            "{slice}"
        );
        found += 1;
    }
    // All but the byline and the date, which come from <meta> attributes.
    assert_eq!(found, sentences.len() - 2, "{report:#}");
    let quote = sentences
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains("We lost"))
        .unwrap();
    let start = quote["source_span"][0].as_u64().unwrap() as usize;
    assert!(html[start..].starts_with("We lost everything"));
}
