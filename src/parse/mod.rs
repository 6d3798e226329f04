//! Text → [`Document`]: blocks (title, byline, …), then sentences with byte spans.
//!
//! Three steps, each linear in the input:
//! 1. `blocks` cuts the text at blank lines and Markdown headings and
//!    gives every block a kind;
//! 2. `sentences` cuts each block into sentence spans;
//! 3. `markdown` gives every sentence the text a reader sees.
//!
//! Spans point into the text exactly as given (CRLF included), so any later
//! finding can be shown at its source.

mod blocks;
mod markdown;
pub(crate) mod patterns;
mod sentences;

pub use sentences::MAX_SENTENCE_BYTES;

use crate::model::{Block, BlockKind, Document, Sentence, SharedText};
use std::borrow::Cow;
use std::sync::Arc;

/// Parses plain text or Markdown into blocks and sentences (claims left empty).
///
/// Never panics; every sentence span is trimmed, on char boundaries, in
/// order and not overlapping, and every non-whitespace byte of a block lies
/// in exactly one sentence.
pub fn parse(path: &str, text: &str) -> Document {
    parse_shared(path, Arc::from(text))
}

/// [`parse`], taking `text` by value.
pub fn parse_owned(path: &str, text: String) -> Document {
    parse_shared(path, Arc::from(text))
}

/// [`parse_owned`] on a text whose blocks are already classified (an
/// article read from a web page): `kinds` gives the kind of each block, in
/// order. When the text does not cut into exactly that many blocks, the
/// text rules classify it instead.
pub fn parse_with_kinds(path: &str, text: String, kinds: &[BlockKind]) -> Document {
    parse_classified(path, Arc::from(text), Some(kinds))
}

/// Sentences that read as written share the document's text.
fn parse_shared(path: &str, source: Arc<str>) -> Document {
    parse_classified(path, source, None)
}

fn parse_classified(path: &str, source: Arc<str>, given: Option<&[BlockKind]>) -> Document {
    let text = &*source;
    let raw_blocks = blocks::split_blocks(text);
    let kinds = match given {
        Some(given) if given.len() == raw_blocks.len() => given.to_vec(),
        _ => blocks::classify(text, &raw_blocks),
    };
    let mut position = Position::new(text);
    let mut doc = Document {
        path: path.to_string(),
        text: Arc::clone(&source),
        title: None,
        byline: None,
        byline_source: None,
        dateline: None,
        blocks: Vec::with_capacity(raw_blocks.len()),
        sentences: Vec::new(),
        vocabulary: Default::default(),
        tokens: Default::default(),
    };
    for (block_index, (raw, &kind)) in raw_blocks.iter().zip(&kinds).enumerate() {
        doc.blocks.push(Block {
            kind,
            span: raw.span,
        });
        let field = match kind {
            BlockKind::Title => Some(&mut doc.title),
            BlockKind::Byline => Some(&mut doc.byline),
            BlockKind::Dateline => Some(&mut doc.dateline),
            _ => None,
        };
        if let Some(field @ None) = field {
            *field = Some(
                markdown::reader_text(raw.span.slice(text), raw.markdown_heading).into_owned(),
            );
        }
        // Only body text and furniture hold several sentences; a headline,
        // byline, date or caption is read as one unit even with a period inside.
        let spans = match kind {
            BlockKind::Paragraph | BlockKind::Boilerplate => {
                sentences::split_sentences(text, raw.span)
            }
            _ => sentences::whole_block(text, raw.span),
        };
        for span in spans {
            let (line, column) = position.advance_to(span.start);
            let heading_start = raw.markdown_heading && span.start == raw.span.start;
            doc.sentences.push(Sentence {
                index: doc.sentences.len(),
                // A sentence whose markup-looking bytes ("!", "*") turn
                // out to be no markup reads as written too: shared.
                text: match markdown::reader_text(span.slice(text), heading_start) {
                    Cow::Owned(own) if own != span.slice(text) => own.into(),
                    _ => SharedText::slice(&source, span.start..span.end),
                },
                span,
                source_span: None,
                kind,
                block: block_index,
                line,
                column,
                claims: Vec::new(),
            });
        }
    }
    doc
}

/// Walks the text once, forward, to turn byte offsets into 1-based line and
/// column (in chars). Sentence starts only grow, so the walk stays linear
/// even on a 2 MB line cut into many sentences.
struct Position<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    column: usize,
}

impl<'a> Position<'a> {
    fn new(text: &'a str) -> Self {
        Position {
            text,
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    fn advance_to(&mut self, offset: usize) -> (usize, usize) {
        // Counted on bytes: a line break is one byte, and a character is
        // every byte that does not continue a UTF-8 sequence.
        let chars = |bytes: &[u8]| bytes.iter().filter(|&&b| (b & 0xc0) != 0x80).count();
        let walked = &self.text.as_bytes()[self.offset..offset];
        match walked.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                self.line += walked.iter().filter(|&&b| b == b'\n').count();
                self.column = 1 + chars(&walked[last + 1..]);
            }
            None => self.column += chars(walked),
        }
        self.offset = offset;
        (self.line, self.column)
    }
}

#[cfg(test)]
mod tests;
