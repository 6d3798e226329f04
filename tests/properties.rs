//! Properties of the parser and of the whole pipeline over arbitrary input.
//!
//! For any text, `parse`:
//! - does not panic;
//! - gives blocks whose spans are inside the text, on char boundaries, in
//!   order and not overlapping;
//! - gives sentences whose spans are non-empty, inside their block, on char
//!   boundaries, trimmed (no whitespace at either end), in order and not
//!   overlapping, and numbered 0, 1, 2, …;
//! - covers the body: every non-whitespace byte of each block lies in
//!   exactly one sentence (sentences are cut from blocks without gaps, so a
//!   byte is lost or doubled only by a bug);
//! - keeps every sentence within `MAX_SENTENCE_BYTES`.
//!
//! For any text, `segment::word_bounds` (the ASCII fast path) gives exactly
//! the segments of unicode-segmentation's `split_word_bound_indices`, run
//! on the text between terminal escape sequences (each sequence is one
//! segment).
//!
//! For any two texts, the pipeline does not panic, its JSON is valid and
//! parses back, and its indices point at real sentences.
//!
//! Inputs mix fully arbitrary Unicode with prose-like text built from the
//! parser's own hazards (abbreviations, quotes, Markdown, CR, odd scripts).

use newsdiff::model::Document;
use newsdiff::parse::{parse, MAX_SENTENCE_BYTES};
use newsdiff::render::{json::JsonRenderer, text::TextRenderer, Renderer};
use proptest::prelude::*;

/// Pieces that exercise the sentence and block rules.
const PIECES: &[&str] = &[
    "Putin",
    "said",
    "the",
    "U.S.",
    "Mr.",
    "Dr.",
    "J.",
    "R.",
    "No.",
    "5",
    "2.5",
    "Aug.",
    "p.m.",
    "e.g.",
    "etc.",
    "Inc.",
    "\"",
    "“",
    "”",
    "'",
    "’",
    "«",
    "»",
    "(",
    ")",
    "[",
    "]",
    "*",
    "**",
    "_",
    "__",
    "#",
    "## ",
    "-",
    "—",
    "…",
    ".",
    "..",
    "!",
    "?",
    "?!",
    ",",
    ";",
    ":",
    "\n",
    "\n\n",
    "\r\n",
    "\r\n\r\n",
    "\r",
    "\t",
    " ",
    "  ",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
    "\u{feff}",
    "By",
    "AFP",
    "Reuters",
    "October 15, 2021",
    "http://x.y/z",
    "<https://a.b>",
    "[link](u)",
    "said.",
    "he",
    "asked.",
    "They",
    "2,000",
    "two",
    "thousand",
    "percent",
    "\u{645}\u{631}",
    "\u{5E9}\u{5DC}",
    "\u{4E60}\u{3002}",
    "\u{964}",
    "\u{61F}",
    "\u{FF01}",
    "e\u{301}",
    "\u{1F469}\u{200D}\u{1F469}",
    "\u{1F1FA}\u{1F1E6}",
    "\u{202E}",
    "\u{1b}[31m",
    "\u{7}",
    "\u{0}",
    "\u{FFFD}",
    "Ⅻ",
    "ﬁ",
    "Ａ",
    "İ",
    "ß",
];

fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "[a-zA-Z]{1,12}",
            1 => any::<char>().prop_map(String::from),
        ],
        0..80,
    )
    .prop_map(|parts| {
        let mut text = String::new();
        for (i, part) in parts.iter().enumerate() {
            if i > 0 && i % 3 == 0 {
                text.push(' ');
            }
            text.push_str(part);
        }
        text
    })
}

/// Prose from the ASCII pieces only: the sentence splitter's fast path.
fn ascii_prose() -> impl Strategy<Value = String> {
    let ascii: Vec<&str> = PIECES.iter().copied().filter(|p| p.is_ascii()).collect();
    prop::collection::vec(prop::sample::select(ascii), 0..40).prop_map(|parts| parts.join(" "))
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prose(),
        1 => any::<String>(),
        1 => prop::collection::vec(any::<char>(), 0..300).prop_map(|c| c.into_iter().collect()),
    ]
}

fn check_document(text: &str, doc: &Document) -> Result<(), TestCaseError> {
    let mut previous_block_end = 0;
    for block in &doc.blocks {
        let span = block.span;
        prop_assert!(previous_block_end <= span.start && span.start <= span.end);
        prop_assert!(text.get(span.start..span.end).is_some(), "block {span:?}");
        previous_block_end = span.end;
    }
    let mut previous_end = 0;
    for (i, s) in doc.sentences.iter().enumerate() {
        let span = s.span;
        prop_assert_eq!(s.index, i);
        prop_assert!(span.start < span.end, "empty sentence {:?}", span);
        prop_assert!(previous_end <= span.start, "overlap at {:?}", span);
        let slice = text.get(span.start..span.end);
        prop_assert!(slice.is_some(), "not on char boundaries: {:?}", span);
        let slice = slice.unwrap();
        prop_assert_eq!(slice.trim(), slice, "untrimmed sentence");
        prop_assert!(span.len() <= MAX_SENTENCE_BYTES, "too long: {:?}", span);
        let block = doc.blocks[s.block].span;
        prop_assert!(block.start <= span.start && span.end <= block.end);
        previous_end = span.end;
    }
    // Coverage: each non-whitespace char of a block is in exactly one
    // sentence of that block (sentences are in order, so a sweep suffices).
    for (b, block) in doc.blocks.iter().enumerate() {
        let spans: Vec<_> = doc
            .sentences
            .iter()
            .filter(|s| s.block == b)
            .map(|s| s.span)
            .collect();
        let mut next = 0;
        for (offset, c) in block.span.slice(text).char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let at = block.span.start + offset;
            while next < spans.len() && spans[next].end <= at {
                next += 1;
            }
            let covered = next < spans.len() && spans[next].start <= at;
            prop_assert!(covered, "byte {} ({:?}) in no sentence", at, c);
        }
    }
    Ok(())
}

/// The word bounds `segment::word_bounds` promises: unicode-segmentation's
/// on the text between terminal escape sequences, each sequence one segment.
fn uax29_between_escapes(text: &str) -> Vec<(usize, &str)> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let chunk_end = text[at..]
            .find(['\u{1b}', '\u{9b}', '\u{9d}'])
            .map_or(text.len(), |k| at + k);
        let chunk = &text[at..chunk_end];
        out.extend(chunk.split_word_bound_indices().map(|(k, s)| (at + k, s)));
        if chunk_end == text.len() {
            break;
        }
        let end = chunk_end + newsdiff::text::segment::escape_len(&text.as_bytes()[chunk_end..]);
        out.push((chunk_end, &text[chunk_end..end]));
        at = end;
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn word_bounds_match_unicode_segmentation(
        text in prop_oneof![
            any_text(),
            "[a-zA-Z0-9 .,;:'_\"\t\r\n-]{0,60}",
            // Where the ASCII pieces meet what they hand on: marks, joiners,
            // ideographic space, Hebrew, flags.
            "[ab1 .,;:'_\"\t\r\n\u{301}\u{3000}\u{200d}\u{5d0}é🇫👍\u{ad}]{0,30}",
            // Escape sequences, whole, cut short and unclosed, among words.
            "[a1 ;\\[\\]m\u{7}\u{1b}\u{9b}\u{9c}\u{9d}\n\\\\(é]{0,30}",
        ]
    ) {
        let fast: Vec<_> = newsdiff::text::segment::word_bounds(&text).collect();
        prop_assert_eq!(fast, uax29_between_escapes(&text));
    }

    #[test]
    fn sentence_bounds_match_unicode_segmentation(
        text in prop_oneof![
            any_text(),
            "[a-zA-Z0-9 .!?,;:'\"()\\[\\]{}_\t\r\n-]{0,80}",
            ascii_prose(),
        ]
    ) {
        use unicode_segmentation::UnicodeSegmentation;
        let fast = newsdiff::text::segment::sentence_bounds(&text);
        let reference: Vec<_> = text.split_sentence_bound_indices().collect();
        prop_assert_eq!(fast, reference);
    }

    #[test]
    fn parse_spans_are_exact(text in any_text()) {
        let doc = parse("p", &text);
        check_document(&text, &doc)?;
    }

    #[test]
    fn crlf_parses_like_lf(text in prose()) {
        let lf = text.replace('\r', "");
        let crlf = lf.replace('\n', "\r\n");
        let (a, b) = (parse("lf", &lf), parse("crlf", &crlf));
        let texts = |d: &Document| d.sentences.iter().map(|s| s.text.clone()).collect::<Vec<_>>();
        prop_assert_eq!(texts(&a), texts(&b));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn pipeline_gives_valid_json(left in any_text(), right in any_text()) {
        let report = newsdiff::compare_texts("l", &left, "r", &right, &newsdiff::Options::default());
        let mut json = Vec::new();
        JsonRenderer.render(&report, &mut json).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&json).expect("valid JSON");
        let count = |side: &str| value[side]["sentences"].as_array().unwrap().len() as u64;
        let (n_left, n_right) = (count("left"), count("right"));
        for pair in value["pairs"].as_array().unwrap() {
            prop_assert!(pair["left"].as_array().unwrap().iter().all(|i| i.as_u64().unwrap() < n_left));
            prop_assert!(pair["right"].as_array().unwrap().iter().all(|i| i.as_u64().unwrap() < n_right));
        }
        for (side, text) in [("left", &left), ("right", &right)] {
            for s in value[side]["sentences"].as_array().unwrap() {
                let (a, b) = (s["span"][0].as_u64().unwrap() as usize, s["span"][1].as_u64().unwrap() as usize);
                prop_assert!(text.get(a..b).is_some());
            }
        }
        let mut out = Vec::new();
        TextRenderer::default().render(&report, &mut out).unwrap();
        let shown = String::from_utf8(out).expect("text output is UTF-8");
        prop_assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "raw control char");
    }

    /// A text compared with itself aligns every sentence, stopword-only
    /// sentences ("R.]", "So it is.") included, and reports no difference.
    #[test]
    fn identical_texts_align_every_sentence(text in prose()) {
        let report = newsdiff::compare_texts("a", &text, "b", &text, &newsdiff::Options::default());
        prop_assert!(report.left_only.is_empty(), "left only: {:?}", report.left_only);
        prop_assert!(report.right_only.is_empty(), "right only: {:?}", report.right_only);
        prop_assert!(report.facts.omitted.is_empty() && report.facts.added.is_empty());
        prop_assert!(!report.has_differences());
    }
}

proptest! {
    // Long inputs: few cases, each a few hundred sentences.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A text repeated until its words are in far more sentences than the
    /// candidate index seeds from everywhere (`MAX_POSTINGS`) still aligns
    /// with itself: the band around the expected position finds each copy.
    #[test]
    fn a_repeated_text_aligns_with_itself(text in prose(), copies in 20usize..60) {
        let long = format!("{text}\n\n").repeat(copies);
        let report = newsdiff::compare_texts("a", &long, "b", &long, &newsdiff::Options::default());
        prop_assert!(report.left_only.is_empty(), "left only: {:?}", report.left_only);
        prop_assert!(report.right_only.is_empty(), "right only: {:?}", report.right_only);
        prop_assert!(!report.has_differences());
    }
}
