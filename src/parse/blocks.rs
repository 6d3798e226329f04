//! Text → blocks (runs of lines between blank lines), then each block's kind.
//!
//! The kind rules are heuristics tuned on news articles as saved from the
//! web: a headline first, then byline, date and photo captions, then the
//! body, then site furniture. Patterns match lowercased reader text (markup
//! removed), never exact seed strings; see [`super::patterns`].

use super::markdown::reader_text;
use super::patterns;
use crate::model::{BlockKind, Span};
use std::borrow::Cow;

/// Paragraphs at least this long (in words) are body text for sure; short
/// blocks before the first of them are front matter (captions, credits).
const REAL_PARAGRAPH_WORDS: usize = 12;
/// A plain first line longer than this is a lede, not a headline.
const MAX_TITLE_WORDS: usize = 20;
/// Short lines between the headline and the body ("Vladimir Putin.") are
/// captions; six words keeps a one-line lede out.
const MAX_SHORT_CAPTION_WORDS: usize = 6;
/// Blocks longer than this are never furniture, byline or caption, so
/// their text is not lowercased for pattern matching.
const MAX_PATTERN_WORDS: usize = 40;

/// A block as cut from the text, before classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RawBlock {
    /// Trimmed of surrounding whitespace, markup included.
    pub span: Span,
    /// True for an ATX heading line (`# …`).
    pub markdown_heading: bool,
}

/// Cuts `text` at blank lines (empty or whitespace only) and around
/// Markdown heading lines, which are blocks of their own. CR before LF is
/// whitespace, so CRLF text cuts exactly like LF text.
pub(super) fn split_blocks(text: &str) -> Vec<RawBlock> {
    let mut blocks = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    let flush = |open: &mut Option<(usize, usize)>, blocks: &mut Vec<RawBlock>| {
        if let Some((start, end)) = open.take() {
            blocks.push(RawBlock {
                span: trim(text, start, end),
                markdown_heading: false,
            });
        }
    };
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos;
        pos += line.len();
        let end = start + line.trim_end_matches(['\n', '\r']).len();
        let content = &text[start..end];
        if content.trim().is_empty() {
            flush(&mut open, &mut blocks);
        } else if is_atx_heading(content) {
            flush(&mut open, &mut blocks);
            blocks.push(RawBlock {
                span: trim(text, start, end),
                markdown_heading: true,
            });
        } else {
            open = Some((open.map_or(start, |(s, _)| s), end));
        }
    }
    flush(&mut open, &mut blocks);
    blocks
}

/// `# Title` … `###### Title`: one to six `#`, then a space or the line end.
fn is_atx_heading(line: &str) -> bool {
    let t = line.trim_start();
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && t[hashes..].chars().next().is_none_or(char::is_whitespace)
}

fn trim(text: &str, start: usize, end: usize) -> Span {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    Span::new(start + lead, start + slice.trim_end().len().max(lead))
}

/// What the rules need to know about one block.
struct Features {
    words: usize,
    single_line: bool,
    markdown_heading: bool,
    /// Reader text, only for blocks of at most [`MAX_PATTERN_WORDS`] words.
    reader: String,
    /// `reader`, lowercased.
    lower: String,
    /// Whole block wrapped in `**…**` or `__…__`.
    bold: bool,
    boilerplate: bool,
    credit: bool,
}

impl Features {
    fn of(text: &str, block: &RawBlock) -> Features {
        let raw = block.span.slice(text);
        let words = raw.split_whitespace().take(MAX_PATTERN_WORDS + 1).count();
        let short = words <= MAX_PATTERN_WORDS;
        let reader = if short {
            reader_text(raw, block.markdown_heading)
        } else {
            Cow::Borrowed("")
        };
        let lower = reader.to_lowercase();
        let bold = ["**", "__"]
            .iter()
            .any(|m| raw.len() > 4 && raw.starts_with(m) && raw.ends_with(m));
        Features {
            words: if short {
                reader.split_whitespace().count()
            } else {
                words
            },
            single_line: !raw.contains('\n'),
            markdown_heading: block.markdown_heading,
            boilerplate: patterns::is_only_url(raw)
                || short && patterns::is_boilerplate(&lower, words),
            credit: short && patterns::is_photo_credit(&reader, &lower),
            reader: reader.into_owned(),
            lower,
            bold,
        }
    }

    /// Front matter that can never be the headline.
    fn is_front_matter(&self) -> bool {
        self.boilerplate
            || self.credit
            || patterns::is_byline(&self.reader, &self.lower, self.words)
            || patterns::is_agency(&self.lower)
            || patterns::is_date_only(&self.lower)
    }

    /// Long enough to be body text for sure.
    fn is_real_paragraph(&self) -> bool {
        self.words >= REAL_PARAGRAPH_WORDS
            && !self.markdown_heading
            && !self.boilerplate
            && !self.credit
    }
}

/// Classifies every block; see the module documentation for the order.
pub(super) fn classify(text: &str, blocks: &[RawBlock]) -> Vec<BlockKind> {
    let features: Vec<Features> = blocks.iter().map(|b| Features::of(text, b)).collect();
    let first_long = features.iter().position(Features::is_real_paragraph);
    let title = find_title(&features, first_long);
    // The body starts at the first real paragraph other than the headline.
    let body_start = features
        .iter()
        .enumerate()
        .position(|(i, f)| Some(i) != title && f.is_real_paragraph());
    features
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let in_body = body_start.is_some_and(|b| i >= b);
            let after_title = title.is_some_and(|t| i > t);
            kind_of(
                f,
                Some(i) == title,
                in_body,
                after_title && body_start.is_some(),
            )
        })
        .collect()
}

/// The headline: the first `#` heading before any real paragraph, else the
/// first block after leading front matter when it is one short line that
/// does not end with a period and has more text below it.
fn find_title(features: &[Features], first_long: Option<usize>) -> Option<usize> {
    let heading = features.iter().position(|f| f.markdown_heading);
    if let Some(h) = heading.filter(|&h| first_long.is_none_or(|p| h < p)) {
        return Some(h);
    }
    let first = features.iter().position(|f| !f.is_front_matter())?;
    let f = &features[first];
    // A text that is one short line (a headline compared with a headline,
    // a one-sentence claim) is all body: a title needs a body under it.
    let has_body_below = features[first + 1..].iter().any(|g| !g.is_front_matter());
    let plain_headline = f.single_line
        && !f.markdown_heading
        && (1..=MAX_TITLE_WORDS).contains(&f.words)
        && !f.reader.ends_with('.')
        && has_body_below;
    plain_headline.then_some(first)
}

fn kind_of(f: &Features, is_title: bool, in_body: bool, before_body_slot: bool) -> BlockKind {
    if is_title {
        return BlockKind::Title;
    }
    if f.markdown_heading {
        return BlockKind::Heading;
    }
    if f.boilerplate {
        return BlockKind::Boilerplate;
    }
    if f.credit {
        return BlockKind::Caption;
    }
    // Inside the body only a clear "By Jane Doe" line is a byline.
    let byline_words = if in_body { 8 } else { MAX_PATTERN_WORDS };
    if f.words <= byline_words && patterns::is_byline(&f.reader, &f.lower, f.words)
        || !in_body && patterns::is_agency(&f.lower)
    {
        return BlockKind::Byline;
    }
    if patterns::is_date_only(&f.lower) {
        return BlockKind::Dateline;
    }
    if f.bold && f.single_line && f.words <= MAX_TITLE_WORDS {
        return BlockKind::Heading;
    }
    // Between the headline and the body, a short line is a photo caption;
    // once the body has started only explicit credits (above) count.
    if !in_body && before_body_slot && f.single_line && f.words <= MAX_SHORT_CAPTION_WORDS {
        return BlockKind::Caption;
    }
    BlockKind::Paragraph
}
