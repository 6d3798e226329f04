//! Whole-document tests: the seed articles, CRLF, positions, odd input.

use super::*;
use crate::model::Span;

const LEFT: &str = include_str!("../../fixtures/seed/000_25f73cc4789ee869.txt");
const RIGHT: &str = include_str!("../../fixtures/seed/001_a074dd1f99a3bdcb.txt");

fn kinds(doc: &Document) -> Vec<(BlockKind, String)> {
    doc.blocks
        .iter()
        .map(|b| {
            (
                b.kind,
                markdown::reader_text(b.span.slice(&doc.text), false).into_owned(),
            )
        })
        .collect()
}

/// Spans in order, not overlapping, trimmed, on char boundaries, inside the
/// text, and covering every non-whitespace byte of every block.
fn assert_spans_sound(doc: &Document) {
    let text = &doc.text;
    let mut previous_end = 0;
    for s in &doc.sentences {
        let Span { start, end } = s.span;
        assert!(
            previous_end <= start && start <= end && end <= text.len(),
            "{s:?}"
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{s:?}"
        );
        let slice = s.span.slice(text);
        assert_eq!(slice.trim(), slice, "{s:?}");
        assert!(!slice.is_empty());
        previous_end = end;
    }
    for (i, block) in doc.blocks.iter().enumerate() {
        let covered: usize = doc
            .sentences
            .iter()
            .filter(|s| s.block == i)
            .map(|s| {
                s.span
                    .slice(text)
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .count()
            })
            .sum();
        let total = block
            .span
            .slice(text)
            .chars()
            .filter(|c| !c.is_whitespace())
            .count();
        assert_eq!(covered, total, "block {i} not fully covered");
    }
    for (i, s) in doc.sentences.iter().enumerate() {
        assert_eq!(s.index, i);
        assert_eq!(s.kind, doc.blocks[s.block].kind);
    }
}

#[test]
fn left_seed_front_matter_and_furniture() {
    let doc = parse("left", LEFT);
    assert_eq!(
        doc.title.as_deref(),
        Some("IS Fighters Massing in Afghanistan, Says Putin Ahead of Talks")
    );
    assert_eq!(doc.byline.as_deref(), Some("By AFP"));
    assert_eq!(doc.dateline.as_deref(), Some("October 15, 2021"));
    let kinds = kinds(&doc);
    use BlockKind::*;
    assert_eq!(kinds[0].0, Title);
    assert_eq!(kinds[1], (Byline, "By AFP".into()));
    assert_eq!(kinds[2], (Dateline, "October 15, 2021".into()));
    assert_eq!(kinds[3], (Caption, "Hoshang Hashimi / AFP".into()));
    assert_eq!(kinds[4].0, Paragraph);
    let heading: Vec<_> = kinds.iter().filter(|k| k.0 == Heading).collect();
    assert_eq!(heading.len(), 1);
    let n = kinds.len();
    assert_eq!(
        kinds[n - 3],
        (
            Paragraph,
            "Islamic State is a terrorist organization banned in Russia.".into()
        )
    );
    assert_eq!(kinds[n - 2], (Boilerplate, "Original url:".into()));
    assert_eq!(kinds[n - 1].0, Boilerplate);
    assert_eq!(kinds.iter().filter(|k| k.0 == Paragraph).count(), 16);
    assert_spans_sound(&doc);
}

#[test]
fn left_seed_body_sentences() {
    let doc = parse("left", LEFT);
    let body: Vec<&Sentence> = doc.sentences.iter().filter(|s| s.kind.is_body()).collect();
    assert_eq!(body.len(), 17);
    assert!(body[0]
        .text
        .starts_with("Russian President Vladimir Putin on Friday said"));
    assert_eq!(
        body[3].text,
        "\"According to our intelligence, the number of (IS) members alone in northern Afghanistan is about 2,000 people,\" Putin said during a video conference meeting with leaders of other ex-Soviet states."
    );
    let heading = body[7];
    assert_eq!(
        (heading.kind, heading.text.as_str()),
        (BlockKind::Heading, "'We need to interact'")
    );
    assert_eq!(heading.span.slice(LEFT), "## **'We need to interact'**");
    let italic = body[16];
    assert_eq!(
        italic.text,
        "Islamic State is a terrorist organization banned in Russia."
    );
    assert_eq!(
        italic.span.slice(LEFT),
        "*Islamic State is a terrorist organization banned in Russia.*"
    );
    assert!(body[10]
        .text
        .ends_with("changing situation in Afghanistan\"."));
}

#[test]
fn right_seed_blocks() {
    let doc = parse("right", RIGHT);
    assert_eq!(
        doc.title.as_deref(),
        Some("Putin warns of a buildup of ISIS fighters in Afghanistan")
    );
    assert_eq!(
        (doc.byline.as_deref(), doc.dateline.as_deref()),
        (None, None)
    );
    let kinds = kinds(&doc);
    use BlockKind::*;
    assert_eq!(kinds[1], (Caption, "Vladimir Putin.".into()));
    assert_eq!(kinds[2], (Caption, "(archive photo)".into()));
    assert!(kinds[3..12].iter().all(|k| k.0 == Paragraph));
    assert_eq!(kinds[12].0, Boilerplate);
    assert_eq!(kinds.len(), 13);
    let body = doc.sentences.iter().filter(|s| s.kind.is_body()).count();
    assert_eq!(body, 9);
    let last_body = doc.sentences.iter().rfind(|s| s.kind.is_body()).unwrap();
    assert!(last_body
        .text
        .ends_with("\"We understand that we have to communicate with them.\""));
    assert_spans_sound(&doc);
}

#[test]
fn front_matter_rules_on_other_articles() {
    use BlockKind::*;
    let text = "By Jane Doe and John Roe\n\nReuters\n\nFriday, 15 October 2021\n\n\
        Plain headline with no period at all\n\nPhoto: Jane Doe\n\n\
        This opening paragraph is long enough to count as real body text for sure.\n\n\
        **Why it matters**\n\nShort line here.\n\n(Getty Images)\n\n\
        By Tuesday, talks had failed.\n\nRead more: other stories\n\n\
        Sign up for our newsletter\n\nhttps://example.com/story\n\n\
        Copyright 2021 Example News. All rights reserved.";
    let doc = parse("t", text);
    let found: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        found,
        [
            Byline,
            Byline,
            Dateline,
            Title,
            Caption,
            Paragraph,
            Heading,
            Paragraph,
            Caption,
            Paragraph,
            Boilerplate,
            Boilerplate,
            Boilerplate,
            Boilerplate
        ]
    );
    assert_eq!(doc.byline.as_deref(), Some("By Jane Doe and John Roe"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Plain headline with no period at all")
    );
    assert_eq!(doc.dateline.as_deref(), Some("Friday, 15 October 2021"));
}

#[test]
fn a_first_line_with_a_period_is_not_a_title() {
    let doc = parse("t", "Mr. Smith met U.S. officials. They left.");
    assert_eq!(doc.title, None);
    let texts: Vec<_> = doc
        .sentences
        .iter()
        .map(|s| (s.kind, s.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            (BlockKind::Paragraph, "Mr. Smith met U.S. officials."),
            (BlockKind::Paragraph, "They left.")
        ]
    );
}

#[test]
fn line_and_column_point_at_the_span_start() {
    let doc = parse("t", "# Title\n\nÉté one. Two here.\n  Third.");
    let found: Vec<_> = doc
        .sentences
        .iter()
        .map(|s| (s.line, s.column, s.text.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (1, 1, "Title"),
            (3, 1, "Été one."),
            (3, 10, "Two here."),
            (4, 3, "Third.")
        ]
    );
    let left = parse("left", LEFT);
    assert_eq!((left.sentences[0].line, left.sentences[0].column), (3, 1));
}

#[test]
fn crlf_reads_like_lf_and_spans_slice_the_original() {
    for source in [
        LEFT,
        RIGHT,
        "A line\nwrapped here. Next one.\n\nMr. Smith left.",
    ] {
        let crlf = source.replace('\n', "\r\n");
        let (lf_doc, crlf_doc) = (parse("lf", source), parse("crlf", &crlf));
        let texts = |d: &Document| {
            d.sentences
                .iter()
                .map(|s| (s.text.clone(), s.kind, s.line, s.column))
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&lf_doc), texts(&crlf_doc));
        for (a, b) in lf_doc.sentences.iter().zip(&crlf_doc.sentences) {
            assert_eq!(
                a.span.slice(source),
                b.span.slice(&crlf).replace("\r\n", "\n")
            );
        }
        assert_spans_sound(&crlf_doc);
    }
}

#[test]
fn long_unpunctuated_input_is_cut() {
    let doc = parse("long", &"lorem ".repeat(400_000));
    assert!(doc.sentences.len() > 1000);
    assert!(doc
        .sentences
        .iter()
        .all(|s| s.span.len() <= MAX_SENTENCE_BYTES));
    assert_spans_sound(&doc);
    let lines = "word\n".repeat(50_000);
    let doc = parse("lines", &lines);
    assert!(doc
        .sentences
        .iter()
        .all(|s| s.span.len() <= MAX_SENTENCE_BYTES));
    assert_spans_sound(&doc);
}

#[test]
fn odd_input_never_panics_and_keeps_spans_sound() {
    let accents = "é".repeat(2000);
    let tricky = [
        "",
        " ",
        "\n\n\n",
        "\r\n\r\n",
        "\u{0}\u{1}\u{7f}",
        "*",
        "**",
        "[",
        "[x](",
        "](",
        "<",
        "<http://",
        "#",
        "# ",
        "######## x",
        "By",
        "By ",
        "e\u{301}. A\u{301}.",
        "مرحبا. بالعالم؟ نعم.",
        "👍🏽. 🇺🇦! ok",
        "\u{feff}x",
        "a\rb\rc.",
        "Mr.",
        "U.S.",
        "\"",
        "“”",
        "1.",
        "*a.* *b.*",
        "[[[[[[[[[[",
        "__init__",
        "\u{2028}x\u{2029}y",
        "\t\t*\t\t",
        "...",
        "!!!\n???",
        "* . *\n\n_",
        "**By AFP**\n\n**Title**",
        "x\u{85}y. Z.",
        "Oct.",
        "No. 1. No. 2.",
        accents.as_str(),
    ];
    for input in tricky {
        let doc = parse("odd", input);
        assert_spans_sound(&doc);
        let doubled = format!("{input}\n\n{input}\r\n{input}");
        assert_spans_sound(&parse("odd", &doubled));
    }
}

#[test]
fn print_seed_sentences() {
    // Run with `--nocapture` to review the seeds' segmentation by eye.
    for (name, source) in [("left", LEFT), ("right", RIGHT)] {
        for s in &parse(name, source).sentences {
            let head: String = s.text.chars().take(50).collect();
            println!("{name} {:>2} {:<11} {head}", s.index, s.kind.name());
        }
    }
}

proptest::proptest! {
    /// Any text, and text dense in markup and punctuation, gives sound spans.
    #[test]
    fn any_text_gives_sound_spans(
        any in "(?s).{0,200}",
        dense in "[aZé .!?\"”*_#\\[\\]()<>:/\n\r\t-]{0,200}",
    ) {
        assert_spans_sound(&parse("any", &any));
        assert_spans_sound(&parse("dense", &dense));
    }
}
