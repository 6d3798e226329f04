//! Web page bytes → the article as text and blocks, ready for `parse`.
//!
//! A page is decoded ([`decode_page`]), its article found by `dom_smoothie`
//! (a port of Mozilla's Readability.js), and read **as blocks**: headings,
//! paragraphs, list items, block quotes and figure captions. The blocks are
//! written out as an *extracted text* (blocks separated by blank lines,
//! the title as a `# ` line, section headings as `## ` lines), which the
//! ordinary text parser then reads with the block kinds given here. So
//! every later stage is unchanged, and every sentence span points into the
//! extracted text (what `newsdiff extract PAGE.html` prints), not into the
//! HTML bytes.
//!
//! What is read: the title (site suffix removed), byline, publication date,
//! the article's blocks. What is dropped: scripts, styles, forms,
//! navigation, everything the extractor judges outside the article.

mod blocks;
mod classify;
mod detect;
mod meta;
mod source;

pub use detect::{decode_page, looks_like_html, InputFormat};
pub use meta::{BylineSource, PageMeta};
pub use source::BlockSource;

use crate::model::{BlockKind, Document};
use crate::parse::patterns;
use classify::{
    caption_credit_at, is_link_furniture, paragraph_kind, text_length, STORY_PARAGRAPH_WORDS,
};
use thiserror::Error;

/// Deepest element nesting accepted. Real article pages go to about 50
/// levels; 20,000 nested `<div>`s made every extractor tried take 36 s or
/// more, so a page past this bound is refused before it is parsed.
pub const MAX_NESTING: usize = 512;

/// Longest heading, in words (the text parser's longest headline): a
/// longer `<h2>` is prose set large.
const MAX_HEADING_WORDS: usize = 20;

/// How many of the body's first paragraphs may open with the wire
/// dateline: the story's first paragraph, after a gallery's captions.
const DATELINE_PARAGRAPHS: usize = 5;

/// Why a page gives no article.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum HtmlError {
    /// The extractor found no article text.
    #[error("no article text found")]
    NoArticle,
    /// The page nests elements deeper than [`MAX_NESTING`].
    #[error("HTML nested deeper than {MAX_NESTING} elements; not read as a page")]
    TooDeep,
}

/// An article read from a page: the extracted text, the kind of each of
/// its blocks, and what the page says about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// Blocks separated by blank lines; what sentence spans point into.
    pub text: String,
    /// The kind of every block of `text`, in order.
    pub kinds: Vec<BlockKind>,
    /// Index in `kinds` of the first block of the article's body: the ones
    /// before it (title, byline, date) come from the page's metadata.
    pub body_start: usize,
    /// Title, byline (and its source), date and site name.
    pub meta: PageMeta,
    /// Where each block is in the page, when it could be found again.
    pub sources: Vec<Option<BlockSource>>,
}

impl Extracted {
    /// The blocks of the article's body in order, as a reader sees them
    /// (a heading without its `## `).
    pub fn body_blocks(&self) -> impl Iterator<Item = (BlockKind, &str)> {
        self.text
            .split("\n\n")
            .zip(&self.kinds)
            .skip(self.body_start)
            .map(|(text, &kind)| match kind {
                BlockKind::Heading => (kind, text.strip_prefix("## ").unwrap_or(text)),
                _ => (kind, text),
            })
    }
}

/// Extracts the article of a decoded page.
pub fn extract_article(html: &str) -> Result<Extracted, HtmlError> {
    if nesting_depth(html) > MAX_NESTING {
        return Err(HtmlError::TooDeep);
    }
    let mut readability =
        dom_smoothie::Readability::new(html, None, None).map_err(|_| HtmlError::NoArticle)?;
    let source = meta::byline_source(&readability);
    let article = readability.parse().map_err(|_| HtmlError::NoArticle)?;
    let body = blocks::article_blocks(&article.content, MAX_NESTING);
    let site_name = meta::non_empty(article.site_name.as_deref());
    let title = meta::clean_title(&article.title, site_name.as_deref());
    // A "byline" that is only a time stamp is the page's date element
    // marked up as its byline (Readability reads one on seattletimes-1).
    let byline = meta::non_empty(article.byline.as_deref()).filter(|b| !meta::is_time_stamp(b));
    let page = PageMeta {
        title: (!title.is_empty()).then(|| title.clone()),
        byline_source: byline.as_ref().map(|_| source),
        byline,
        published: meta::non_empty(article.published_time.as_deref()),
        site_name,
    };
    let mut out = Builder::default();
    if let Some(title) = &page.title {
        out.push(BlockKind::Title, &format!("# {title}"));
    }
    if let Some(byline) = &page.byline {
        out.push(BlockKind::Byline, byline);
    }
    if let Some(date) = &page.published {
        out.push(BlockKind::Dateline, date);
    }
    let body_start = out.kinds.len();
    // The extractor's content often repeats the headline as its first
    // heading: it is the title already.
    let repeats_title = |b: &blocks::HtmlBlock| page.title.as_deref() == Some(b.text.as_str());
    // The story's last paragraph: the last block of running text.
    let story_end = body
        .iter()
        .rposition(|b| {
            b.kind == BlockKind::Paragraph
                && !is_link_furniture(b)
                && text_length(&b.text) >= STORY_PARAGRAPH_WORDS
        })
        .unwrap_or(0);
    let (mut body_blocks, mut dateline_found) = (0, false);
    for (i, block) in body.iter().enumerate() {
        if i == 0 && repeats_title(block) {
            continue;
        }
        // After the story's last paragraph, a short block that is all
        // link points to another page (a related story, a tag, "View
        // author archive"), and a heading heads no story text ("More from
        // UK" over other stories' headlines): furniture. Readability weighs link density the
        // same way, per container; inside the story such a line ("Read
        // also: …") is left to the furniture patterns.
        if i > story_end && (is_link_furniture(block) || block.kind == BlockKind::Heading) {
            out.push(BlockKind::Boilerplate, &block.text);
            continue;
        }
        let kind = match block.kind {
            // A "heading" of prose length is a paragraph set in large type
            // (a gallery's caption in an <h2>, say): read as text.
            BlockKind::Heading if block.text.split_whitespace().count() <= MAX_HEADING_WORDS => {
                out.push(BlockKind::Heading, &format!("## {}", block.text));
                continue;
            }
            BlockKind::Caption => BlockKind::Caption,
            _ => paragraph_kind(&block.text),
        };
        if kind == BlockKind::Caption {
            if let Some(at) = caption_credit_at(&block.text) {
                out.push(kind, block.text[..at].trim_end());
                out.push(kind, &block.text[at..]);
                continue;
            }
        }
        if kind != BlockKind::Paragraph {
            out.push(kind, &block.text);
            continue;
        }
        body_blocks += 1;
        // The story's first paragraph may open with a wire dateline
        // ("MOSCOW (AP) — …"): a block of its own, as in print. Gallery
        // captions and counters may come before it.
        if !dateline_found && body_blocks <= DATELINE_PARAGRAPHS {
            if let Some(end) = patterns::wire_dateline(&block.text) {
                dateline_found = true;
                out.push(BlockKind::Dateline, block.text[..end].trim_end());
                out.push(BlockKind::Paragraph, block.text[end..].trim_start());
                continue;
            }
        }
        out.push(kind, &block.text);
    }
    if body_blocks == 0 {
        return Err(HtmlError::NoArticle);
    }
    let sources = block_sources(html, &out.text, body_start);
    Ok(Extracted {
        text: out.text,
        kinds: out.kinds,
        body_start,
        meta: page,
        sources,
    })
}

/// Where each block of the extracted text is in the page (see
/// [`source`]). Body blocks are looked up in reading order; the metadata
/// blocks before `body_start` anywhere, without moving the body's cursor
/// (a title is in `<title>` first).
fn block_sources(html: &str, text: &str, body_start: usize) -> Vec<Option<BlockSource>> {
    let blocks = text.split("\n\n");
    let Some(index) = source::SourceIndex::of(html) else {
        return blocks.map(|_| None).collect();
    };
    let mut cursor = 0;
    blocks
        .enumerate()
        .map(|(i, block)| {
            let folded = source::fold(block);
            if i < body_start {
                index.locate(&folded, &mut 0)
            } else {
                index.locate(&folded, &mut cursor)
            }
        })
        .collect()
}

/// Parses and extracts an article read from a page, as
/// [`crate::analyse_owned`] does for text.
pub fn analyse_extracted(path: &str, extracted: Extracted) -> Document {
    let Extracted {
        text,
        kinds,
        meta,
        sources,
        ..
    } = extracted;
    let mut doc = crate::parse::parse_with_kinds(path, text, &kinds);
    // The byline block is the page's own only when it is the first one.
    if doc.byline.is_some() && doc.byline == meta.byline {
        doc.byline_source = meta.byline_source;
    }
    set_source_spans(&mut doc, &sources);
    crate::extract::extract_owned(doc)
}

/// Gives each sentence the page bytes from its first letter or digit to
/// its last, when its block was found in the page and the parser cut the
/// text into the blocks given.
fn set_source_spans(doc: &mut Document, sources: &[Option<BlockSource>]) {
    if doc.blocks.len() != sources.len() {
        return;
    }
    let text = std::sync::Arc::clone(&doc.text);
    for sentence in &mut doc.sentences {
        let (Some(block), Some(Some(source))) =
            (doc.blocks.get(sentence.block), sources.get(sentence.block))
        else {
            continue;
        };
        let before = text
            .get(block.span.start..sentence.span.start)
            .unwrap_or("");
        let skip = source::fold(before).len();
        let len = source::fold(sentence.span.slice(&text)).len();
        sentence.source_span = source
            .range(skip, len)
            .map(|(start, end)| crate::model::Span::new(start, end));
    }
}

#[derive(Default)]
struct Builder {
    text: String,
    kinds: Vec<BlockKind>,
}

impl Builder {
    fn push(&mut self, kind: BlockKind, line: &str) {
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.text.push_str(line);
        self.kinds.push(kind);
    }
}

/// Void elements (HTML Living Standard §13.1.2) and elements whose end tag
/// may be left out: neither holds the nesting open in a way this count can
/// see, so neither is counted.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "rb", "rt", "rp", "optgroup", "param", "html", "head", "body",
];

/// An upper estimate of the element nesting of a page, by a linear scan
/// of its tags (no tree is built): open tags add one, close tags take one.
/// Text inside `<script>` and `<style>` is skipped whole.
fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        i += offset + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| name_start + n);
        if name_end == name_start {
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        let tag_end = bytes[name_end..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |n| name_end + n);
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        if closing {
            depth = depth.saturating_sub(usize::from(!NOT_NESTING.contains(&name.as_str())));
        } else if name == "script" || name == "style" {
            let close = format!("</{name}");
            let from = tag_end.min(bytes.len());
            i = bytes[from..]
                .windows(close.len())
                .position(|w| w.eq_ignore_ascii_case(close.as_bytes()))
                .map_or(bytes.len(), |n| from + n);
            continue;
        } else if !self_closing && !NOT_NESTING.contains(&name.as_str()) {
            depth += 1;
            deepest = deepest.max(depth);
        }
        i = tag_end.min(bytes.len());
    }
    deepest
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

#[cfg(test)]
mod tests;
