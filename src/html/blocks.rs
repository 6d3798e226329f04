//! Article HTML (as the extractor returns it) → blocks of reader text.
//!
//! Block elements end a block; inline elements and text join into it, with
//! whitespace folded to single spaces, so a block never holds a blank line
//! (the text parser then cuts the extracted text exactly at our blocks).

use crate::model::BlockKind;
use crate::text::fold_whitespace;
use dom_query::{Document, NodeRef};

/// One block of the article, reader text only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HtmlBlock {
    /// Heading, caption or paragraph (boilerplate is decided later).
    pub kind: BlockKind,
    /// The text, whitespace folded, never empty.
    pub text: String,
    /// How many of the text's non-space characters are inside links: a
    /// block that is all link is a pointer to another page.
    pub link_chars: usize,
}

impl HtmlBlock {
    /// Share of the block's non-space characters inside links.
    pub(crate) fn link_share(&self) -> f64 {
        let total = self.text.chars().filter(|c| !c.is_whitespace()).count();
        if total == 0 {
            0.0
        } else {
            self.link_chars as f64 / total as f64
        }
    }
}

/// Elements whose content is never read: code, styling, embedded objects.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "head", "button",
    "select", "textarea", "form", "nav",
];

/// Elements that end the running block (HTML's block-level content, plus
/// `br`, which saved pages use between paragraphs).
const BLOCK_LEVEL: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "figure",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "br",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "address",
    "details",
    "summary",
];

/// Walks the article's tree and returns its blocks in reading order.
/// `max_depth` bounds the recursion; deeper content is read as text of the
/// element at the bound (the caller refuses pathological pages earlier).
pub(crate) fn article_blocks(article_html: &str, max_depth: usize) -> Vec<HtmlBlock> {
    let document = Document::from(article_html);
    let mut walker = Walker {
        blocks: Vec::new(),
        open: String::new(),
        max_depth,
        in_link: 0,
        link_chars: 0,
    };
    walker.walk(&document.root(), BlockKind::Paragraph, 0);
    walker.flush(BlockKind::Paragraph);
    walker.blocks
}

struct Walker {
    blocks: Vec<HtmlBlock>,
    open: String,
    max_depth: usize,
    /// How many `<a>` elements the walk is inside.
    in_link: usize,
    /// Non-space characters of `open` read inside a link.
    link_chars: usize,
}

impl Walker {
    fn flush(&mut self, kind: BlockKind) {
        let text = fold_whitespace(&self.open);
        self.open.clear();
        let link_chars = std::mem::take(&mut self.link_chars);
        if !text.is_empty() {
            self.blocks.push(HtmlBlock {
                kind,
                text,
                link_chars,
            });
        }
    }

    /// Saved pages put words in sibling elements with no space between
    /// ("…Queens.</span><span>Credit</span><span>Chang W. Lee…"), which CSS
    /// lays out apart. Where the running text ends a sentence or a
    /// lower-case word and the element opens with a capital, a space goes
    /// between (a split inside a word, "<b>T</b>he", is left alone).
    fn space_if_glued(&mut self, element: &NodeRef) {
        let Some(last) = self.open.chars().next_back() else {
            return;
        };
        let ends_word = last.is_lowercase() || matches!(last, '.' | '!' | '?' | ':' | ';' | ')');
        // The first letter only: the whole text of every inline element
        // would be quadratic in the nesting.
        let first = element
            .descendants_it()
            .filter(NodeRef::is_text)
            .find_map(|t| t.text().trim_start().chars().next());
        if ends_word && first.is_some_and(char::is_uppercase) {
            self.open.push(' ');
        }
    }

    fn walk(&mut self, node: &NodeRef, kind: BlockKind, depth: usize) {
        for child in node.children_it(false) {
            if child.is_text() {
                let text = child.text();
                if self.in_link > 0 {
                    self.link_chars += text.chars().filter(|c| !c.is_whitespace()).count();
                }
                self.open.push_str(&text);
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.node_name().map(|n| n.to_ascii_lowercase());
            let name = name.as_deref().unwrap_or("");
            if SKIPPED.contains(&name) {
                continue;
            }
            if depth >= self.max_depth {
                self.open.push(' ');
                self.open.push_str(&child.text());
                continue;
            }
            if !BLOCK_LEVEL.contains(&name) {
                // A photo credit marked up inside a caption (schema.org's
                // `copyrightHolder`, `creator`) is a caption block of its
                // own, as a reader sees it under the picture.
                let credit = kind == BlockKind::Caption && is_credit_element(&child);
                if credit {
                    self.flush(kind);
                }
                self.space_if_glued(&child);
                let link = usize::from(name == "a");
                self.in_link += link;
                self.walk(&child, kind, depth + 1);
                self.in_link -= link;
                if credit {
                    self.flush(kind);
                }
                continue;
            }
            let inner = match name {
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
                "figcaption" => BlockKind::Caption,
                _ => kind,
            };
            // Text before a block element is a block of its own.
            self.flush(kind);
            self.walk(&child, inner, depth + 1);
            self.flush(inner);
        }
    }
}

/// An element schema.org microdata marks as a picture's credit.
fn is_credit_element(node: &NodeRef) -> bool {
    node.attr("itemprop").is_some_and(|p| {
        let p = p.to_ascii_lowercase();
        ["copyrightholder", "creator", "author", "copyrightnotice"]
            .iter()
            .any(|name| p.split_whitespace().any(|w| w == *name))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_texts(html: &str) -> Vec<(BlockKind, String)> {
        article_blocks(html, 100)
            .into_iter()
            .map(|b| (b.kind, b.text))
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_captions_are_blocks() {
        let got = kinds_and_texts(
            "<div><h2>Aftermath</h2><p>One <b>bold</b>\n  claim.</p>\
             <figure><img src=x><figcaption>A man. Photo: AFP</figcaption></figure>\
             <ul><li>First</li><li>Second</li></ul></div>",
        );
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading, "Aftermath".into()),
                (BlockKind::Paragraph, "One bold claim.".into()),
                (BlockKind::Caption, "A man. Photo: AFP".into()),
                (BlockKind::Paragraph, "First".into()),
                (BlockKind::Paragraph, "Second".into()),
            ]
        );
    }

    #[test]
    fn scripts_and_styles_are_never_text() {
        let got = kinds_and_texts("<p>Kept.<script>var x = 2000;</script><style>p{}</style></p>");
        assert_eq!(got, vec![(BlockKind::Paragraph, "Kept.".into())]);
    }

    #[test]
    fn a_marked_photo_credit_is_its_own_caption_block() {
        let got = kinds_and_texts(
            "<figure><figcaption><span>Workers in Queens.</span><span itemprop=\"copyrightHolder\">\
             <span>Credit</span><span>Chang W. Lee/The New York Times</span></span></figcaption></figure>",
        );
        assert_eq!(
            got,
            vec![
                (BlockKind::Caption, "Workers in Queens.".into()),
                (
                    BlockKind::Caption,
                    "Credit Chang W. Lee/The New York Times".into()
                ),
            ]
        );
    }

    #[test]
    fn glued_sibling_elements_get_a_space_only_between_words() {
        let got = kinds_and_texts(
            "<p><span>One.</span><span>Two</span> <b>T</b>hree <i>new</i><i>York</i></p>",
        );
        assert_eq!(
            got,
            vec![(BlockKind::Paragraph, "One. Two Three new York".into())]
        );
    }

    #[test]
    fn link_text_is_counted() {
        let blocks = article_blocks(
            "<p>Read <a href=x>the full report</a> here.</p><p><a href=y>Other story</a></p>",
            100,
        );
        assert_eq!(blocks[0].link_chars, "thefullreport".len());
        assert_eq!(blocks[1].link_share(), 1.0);
        assert!(blocks[0].link_share() < 0.7);
    }

    #[test]
    fn line_breaks_end_blocks() {
        let got = kinds_and_texts("<div>One line.<br><br>Another line.</div>");
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn whitespace_folds_to_single_spaces() {
        assert_eq!(fold_whitespace(" a\u{a0}\n\n b\t"), "a b");
    }
}
