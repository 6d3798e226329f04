//! Text → [`Document`]: blocks (title, byline, …), then sentences with byte spans.

use crate::model::Document;

/// Parses plain text or Markdown into blocks and sentences (claims left empty).
pub fn parse(path: &str, text: &str) -> Document {
    let _ = text;
    Document {
        path: path.to_string(),
        text: text.to_string(),
        title: None,
        byline: None,
        dateline: None,
        blocks: Vec::new(),
        sentences: Vec::new(),
    }
}
