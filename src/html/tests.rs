use super::classify::{caption_credit_at, is_furniture_line, text_length};
use super::*;

const PAGE: &str = r#"<!doctype html><html><head><title>Bridge reopens after repairs | Daily Courier</title>
<meta property="og:site_name" content="Daily Courier">
<meta name="author" content="Ana Ruiz">
<meta property="article:published_time" content="2024-03-05T09:00:00Z">
<script>var launch = 2000;</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The old river bridge reopened on Monday after eight months of repairs, the city council said in a statement.</p>
<figure><img src="b.jpg"><figcaption>The bridge on Monday. Photograph: Lee Chan/AFP</figcaption></figure>
<p>"It is safer than it has ever been," the mayor told reporters, adding that traffic would be limited at first.</p>
<p>Engineers replaced 40 steel cables and resurfaced the deck, which carries about 12,000 cars a day.</p>
</article><footer>Copyright Daily Courier</footer></body></html>"#;

#[test]
fn article_reads_as_classified_blocks() {
    let got = extract_article(PAGE).unwrap();
    assert!(
        got.text.starts_with("# Bridge reopens after repairs\n\n"),
        "{}",
        got.text
    );
    assert!(!got.text.contains("Daily Courier\n"), "{}", got.text);
    assert!(!got.text.contains("launch"), "{}", got.text);
    assert!(!got.text.contains("color"), "{}", got.text);
    assert!(got.text.contains("Photograph: Lee Chan/AFP"));
    assert_eq!(got.kinds[0], BlockKind::Title);
    assert!(got.kinds.contains(&BlockKind::Byline), "{:?}", got.kinds);
    assert!(got.kinds.contains(&BlockKind::Caption), "{:?}", got.kinds);
    assert_eq!(got.text.split("\n\n").count(), got.kinds.len());
}

#[test]
fn document_takes_title_byline_and_date() {
    let doc = analyse_extracted("page.html", extract_article(PAGE).unwrap());
    assert_eq!(doc.title.as_deref(), Some("Bridge reopens after repairs"));
    assert_eq!(doc.byline.as_deref(), Some("Ana Ruiz"));
    assert_eq!(doc.dateline.as_deref(), Some("2024-03-05T09:00:00Z"));
    // The caption and its credit, each a caption block.
    let captions: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Caption)
        .map(|b| b.span.slice(&doc.text))
        .collect();
    assert_eq!(
        captions,
        vec!["The bridge on Monday.", "Photograph: Lee Chan/AFP"]
    );
}

#[test]
fn page_without_article_is_an_error() {
    let empty =
        "<!doctype html><html><head><title>x</title></head><body><nav>Home</nav></body></html>";
    assert_eq!(extract_article(empty), Err(HtmlError::NoArticle));
}

#[test]
fn furniture_lines_are_boilerplate() {
    assert_eq!(
        paragraph_kind("Related: Storm season starts early"),
        BlockKind::Boilerplate
    );
    assert_eq!(
        paragraph_kind("The council met on Monday."),
        BlockKind::Paragraph
    );
}

#[test]
fn nesting_is_counted_without_optional_end_tags() {
    assert_eq!(nesting_depth("<div><div><p>a<p>b<br><img></div></div>"), 2);
    assert_eq!(nesting_depth("<ul><li>a<li>b<li>c</ul>"), 1);
    assert_eq!(
        nesting_depth("<script>'<div><div><div>'</script><div></div>"),
        1
    );
    let deep = "<div>".repeat(20_000);
    assert_eq!(nesting_depth(&deep), 20_000);
    assert_eq!(extract_article(&deep), Err(HtmlError::TooDeep));
}

#[test]
fn wire_dateline_opening_the_story_is_a_dateline_block() {
    let page = "<!doctype html><html><head><title>Cargo ship lost</title></head><body><article>\
        <p>1 / 5</p>\
        <p>MOSCOW (AP) — An unmanned Russian cargo spaceship broke up in the atmosphere over Siberia on Thursday, the space agency said.</p>\
        <p>LONDON — A later paragraph that opens like a dateline stays a paragraph of the story as written.</p>\
        </article></body></html>";
    let got = extract_article(page).unwrap();
    let blocks: Vec<(BlockKind, &str)> = got.body_blocks().collect();
    assert_eq!(blocks[1], (BlockKind::Dateline, "MOSCOW (AP) —"));
    assert!(blocks[2].1.starts_with("An unmanned"), "{blocks:?}");
    assert_eq!(blocks[2].0, BlockKind::Paragraph);
    assert!(blocks[3].1.starts_with("LONDON —"), "{blocks:?}");
    let doc = analyse_extracted("page.html", got);
    assert_eq!(doc.dateline.as_deref(), Some("MOSCOW (AP) —"));
}

#[test]
fn a_prose_length_heading_is_read_as_a_paragraph() {
    let long = "In this photo dated Tuesday the rocket booster with the cargo ship is installed on a launch pad in Baikonur, Kazakhstan, before the launch";
    let page = format!(
        "<!doctype html><html><body><article><h2>{long}</h2><h2>Aftermath</h2>\
         <p>The cargo ship broke up in the atmosphere over Siberia on Thursday, the space agency said in a statement.</p>\
         </article></body></html>"
    );
    let got = extract_article(&page).unwrap();
    let kinds: Vec<BlockKind> = got.body_blocks().map(|(k, _)| k).collect();
    assert_eq!(
        kinds,
        vec![
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::Paragraph
        ]
    );
}

/// A page whose article ends in a list of other stories, a time stamp and
/// furniture labels, each of a kind the comparison should not align.
const FURNISHED: &str = r#"<!doctype html><html><head><title>Harbour reopens</title></head><body><article>
<p>PUBLISHED: 10:48, Tue, Nov 19, 2019</p>
<p>The harbour reopened to ferries on Tuesday after storm damage to the main pier was repaired, the port authority said.</p>
<p>Advert</p>
<p>Ferry operators said timetables would return to normal by the weekend, with extra crossings on Saturday to clear the backlog.</p>
<h2>More from the coast</h2>
<h3><a href="/a">Lifeboat crew rescues two sailors off the point</a></h3>
<p><a href="/b">Seal pup found on the beach returns to the sea</a></p>
<p>You may also like...</p>
</article></body></html>"#;

#[test]
fn time_stamps_furniture_and_trailing_links_are_not_story_text() {
    let got = extract_article(FURNISHED).unwrap();
    let kinds: Vec<(BlockKind, &str)> = got.body_blocks().collect();
    let kind_of = |start: &str| {
        kinds
            .iter()
            .find(|(_, t)| t.trim_start_matches("## ").starts_with(start))
            .map(|(k, _)| *k)
    };
    assert_eq!(kind_of("PUBLISHED"), Some(BlockKind::Dateline), "{kinds:?}");
    assert_eq!(kind_of("Advert"), Some(BlockKind::Boilerplate));
    assert_eq!(kind_of("More from"), Some(BlockKind::Boilerplate));
    assert_eq!(kind_of("Lifeboat"), Some(BlockKind::Boilerplate));
    assert_eq!(kind_of("Seal pup"), Some(BlockKind::Boilerplate));
    assert_eq!(kind_of("You may also"), Some(BlockKind::Boilerplate));
    assert_eq!(kind_of("Ferry operators"), Some(BlockKind::Paragraph));
}

#[test]
fn a_linked_line_inside_the_story_stays_text() {
    // Only after the story's last paragraph is an all-link line furniture.
    let page = r#"<!doctype html><html><body><article>
<p>The council approved the new bridge on Monday after a debate that lasted most of the afternoon and evening.</p>
<p><a href="/r">The full report is online</a></p>
<p>Work is due to start in the spring and should take two years, according to the plans the council published.</p>
</article></body></html>"#;
    let got = extract_article(page).unwrap();
    assert!(got
        .body_blocks()
        .any(|(k, t)| k == BlockKind::Paragraph && t == "The full report is online"));
}

#[test]
fn furniture_labels_match_whole_lines_only() {
    assert!(is_furniture_line("you may also like..."));
    assert!(is_furniture_line("tags:"));
    assert!(is_furniture_line("comments"));
    assert!(!is_furniture_line(
        "comments from the minister angered the unions."
    ));
    assert!(!is_furniture_line("shares fell"));
}

#[test]
fn unspaced_scripts_are_measured_in_characters() {
    assert_eq!(text_length("three short words"), 3);
    // 72 characters of Japanese: a sentence or two, 12 "words".
    assert_eq!(text_length(&"語".repeat(72)), 12);
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of markup, text and broken markup, glued at random.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("<p>".to_string()),
            Just("</p>".to_string()),
            Just("<figure><figcaption>".to_string()),
            Just("<span itemprop=\"copyrightHolder\">Credit".to_string()),
            Just("</figcaption></figure>".to_string()),
            Just("<a href='x>y'>".to_string()),
            Just("</a>".to_string()),
            Just("<h2>".to_string()),
            Just("</h2>".to_string()),
            Just("<script>var x = '</p>';</script>".to_string()),
            Just("<!-- c".to_string()),
            Just("&eacute;&#x41;&#1;&bogus;&".to_string()),
            Just("MOSCOW (AP) — ".to_string()),
            Just("<".to_string()),
            "[A-Za-zé語 .,;“”'—-]{0,40}".prop_map(|s| s),
            Just("The council approved the new bridge on Monday after a long debate in the chamber. ".to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Any page: no panic; every sentence span and source span in
        /// bounds and in order.
        #[test]
        fn any_page_reads_without_panic_and_spans_stay_inside(
            pieces in proptest::collection::vec(piece(), 0..40)
        ) {
            let html = format!("<!doctype html><html><body><article>{}</article></body></html>", pieces.concat());
            if let Ok(got) = extract_article(&html) {
                prop_assert_eq!(got.sources.len(), got.kinds.len());
                let doc = analyse_extracted("page.html", got);
                for s in &doc.sentences {
                    prop_assert!(s.span.start <= s.span.end && s.span.end <= doc.text.len());
                    if let Some(source) = s.source_span {
                        prop_assert!(source.start <= source.end && source.end <= html.len());
                        prop_assert!(html.is_char_boundary(source.start) && html.is_char_boundary(source.end));
                    }
                }
            }
        }
    }
}

#[test]
fn a_captions_trailing_credit_is_cut_off() {
    fn cut(t: &str) -> Option<(&str, &str)> {
        caption_credit_at(t).map(|at| (t[..at].trim_end(), &t[at..]))
    }
    assert_eq!(
        cut("Whole Foods cut the price of halibut. (Ellen M. Banner / The Seattle Times)"),
        Some((
            "Whole Foods cut the price of halibut.",
            "(Ellen M. Banner / The Seattle Times)"
        ))
    );
    assert_eq!(
        cut("A new Bill would require providers to store metadata. Source: Supplied"),
        Some((
            "A new Bill would require providers to store metadata.",
            "Source: Supplied"
        ))
    );
    assert_eq!(
        cut("Plague can be easily vaccinated (Image: GETTY)"),
        Some(("Plague can be easily vaccinated", "(Image: GETTY)"))
    );
    // A credit alone, or a caption that only mentions a photo, stays whole.
    assert_eq!(cut("Photograph: Lena Park / AFP"), None);
    assert_eq!(cut("The photo: a man on a bridge (left)"), None);
    assert_eq!(cut("Firefighters outside the warehouse on Tuesday."), None);
}
