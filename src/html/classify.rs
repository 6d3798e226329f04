//! The kind of an article block read from a page: story text, furniture,
//! byline, time stamp or photo credit, by the text parser's patterns and
//! by what a page's markup shows (links, furniture labels).

use super::blocks::HtmlBlock;
use crate::model::BlockKind;
use crate::parse::patterns;

/// A block with at least this share of its letters inside links, and at
/// most [`LINK_FURNITURE_WORDS`] words, is a link to another page.
pub(super) const LINK_FURNITURE_SHARE: f64 = 0.8;
/// Longest all-link block taken for furniture: a related story's headline
/// with its standfirst; a longer one may be a story paragraph that links.
pub(super) const LINK_FURNITURE_WORDS: usize = 25;

/// A paragraph this long (in words) is running text of the story: the
/// text parser's "real paragraph".
pub(super) const STORY_PARAGRAPH_WORDS: usize = 12;

/// Whole lines that label page furniture rather than say anything:
/// advertising slots, comment and sharing widgets, lists of other stories.
/// The text parser's furniture openers ("Read more:", "Sign up for") are
/// for text saved from a page; these are the labels a page's markup keeps.
const FURNITURE_LINES: &[&str] = &[
    "ad",
    "advert",
    "advertisement",
    "comment",
    "comments",
    "don't miss",
    "don’t miss",
    "email the author",
    "loading",
    "loading content",
    "more stories",
    "most popular",
    "most read",
    "popular",
    "recommended",
    "related",
    "related stories",
    "share",
    "share this",
    "sponsored",
    "tags",
    "tell us what you think",
    "this slideshow requires javascript",
    "trending",
    "view author archive",
    "you may also like",
    "you might also like",
];

/// A block that is one of [`FURNITURE_LINES`], case, spacing and closing
/// punctuation aside ("You may also like...", "Tags:").
pub(super) fn is_furniture_line(lower: &str) -> bool {
    let label = lower
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '…');
    FURNITURE_LINES.contains(&label.trim_end())
}

/// A text's length in words, counting about six characters as one where
/// words are not spaced (Japanese, Chinese): 12 "words" is a sentence or
/// two in either.
pub(super) fn text_length(text: &str) -> usize {
    let words = text.split_whitespace().count();
    words.max(text.chars().count() / 6)
}

/// A short block (not a caption) that is nearly all link text.
pub(super) fn is_link_furniture(block: &HtmlBlock) -> bool {
    block.kind != BlockKind::Caption
        && block.link_share() >= LINK_FURNITURE_SHARE
        && text_length(&block.text) <= LINK_FURNITURE_WORDS
}

/// A body block is boilerplate when the text parser's furniture patterns
/// say so ("Related: …", "Read more:"), a photo credit when they say that,
/// a byline when it is a short "By …" line or an agency's name alone (the
/// text parser's rule inside a body), a date line when it is only a date or
/// time stamp, else a paragraph.
pub(super) fn paragraph_kind(text: &str) -> BlockKind {
    let words = text.split_whitespace().count();
    // The patterns are for short lines; a long paragraph is body text.
    if words > 40 {
        return BlockKind::Paragraph;
    }
    let lower = text.to_lowercase();
    if patterns::is_only_url(text)
        || patterns::is_boilerplate(&lower, words)
        || is_furniture_line(&lower)
    {
        BlockKind::Boilerplate
    } else if patterns::is_photo_credit(text, &lower) {
        BlockKind::Caption
    } else if words <= 8 && patterns::is_byline(text, &lower, words) || patterns::is_agency(&lower)
    {
        BlockKind::Byline
    } else if patterns::is_date_only(&lower.replace(';', ",")) {
        // "PUBLISHED: 10:48, Tue, Nov 19, 2019": the page's time stamp
        // (two stamps may be joined by a semicolon).
        BlockKind::Dateline
    } else {
        BlockKind::Paragraph
    }
}

/// Words that open a caption's credit ("… on Tuesday. Photograph: Lena
/// Park").
const CREDIT_OPENERS: [&str; 7] = [
    "photograph:",
    "photo:",
    "photos:",
    "picture:",
    "image:",
    "credit:",
    "source:",
];

/// Longest credit cut from the end of a caption, in words.
const MAX_CREDIT_WORDS: usize = 10;

/// Where a caption's trailing credit starts, when the caption describes
/// the picture first: "(Ellen M. Banner / The Seattle Times)" at its end
/// (a part the text parser's patterns call a photo credit), or a credit
/// opener after the description's last sentence ("… two years. Source:
/// Supplied"). The credit is then a caption block of its own, as the
/// page's markup does where it marks one up.
pub(super) fn caption_credit_at(text: &str) -> Option<usize> {
    let at = if text.ends_with(')') {
        let open = text.rfind('(')?;
        let part = &text[open..];
        patterns::is_photo_credit(part, &part.to_lowercase()).then_some(open)?
    } else {
        let lower = text.to_lowercase();
        // Offsets of `lower` are those of `text` only where lowercasing
        // kept every byte length.
        if lower.len() != text.len() {
            return None;
        }
        CREDIT_OPENERS
            .iter()
            .filter_map(|opener| lower.rfind(opener))
            .filter(|&at| text[..at].trim_end().ends_with(['.', '!', '?', '”', '"']))
            .max()?
    };
    let (description, credit) = (text[..at].trim_end(), &text[at..]);
    (!description.is_empty() && credit.split_whitespace().count() <= MAX_CREDIT_WORDS).then_some(at)
}
