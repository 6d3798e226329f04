//! [`SharedText`]: a sentence's text without a copy of it.

use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

/// A text that is usually a range of a document's text, shared with it.
///
/// Most sentences read exactly as written, and a long transcript holds
/// tens of thousands: sharing the document's text instead of copying each
/// sentence saves a copy of the input per document, and another per report.
/// A sentence whose reader text differs (Markdown markup, folded line
/// breaks) holds a text of its own. Cloning is cheap either way; it reads,
/// compares, prints and serialises as the `str` it stands for.
#[derive(Clone)]
pub struct SharedText {
    source: Arc<str>,
    range: Range<usize>,
}

impl SharedText {
    /// The part `range` of `source`. Panics if `range` is not on char
    /// boundaries of `source`, as slicing would.
    pub fn slice(source: &Arc<str>, range: Range<usize>) -> SharedText {
        let _ = &source[range.clone()];
        SharedText {
            source: Arc::clone(source),
            range,
        }
    }

    pub fn as_str(&self) -> &str {
        &self.source[self.range.clone()]
    }
}

impl Deref for SharedText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for SharedText {
    fn from(text: String) -> SharedText {
        let range = 0..text.len();
        SharedText {
            source: Arc::from(text),
            range,
        }
    }
}

impl From<&str> for SharedText {
    fn from(text: &str) -> SharedText {
        SharedText {
            source: Arc::from(text),
            range: 0..text.len(),
        }
    }
}

impl Default for SharedText {
    fn default() -> SharedText {
        SharedText::from("")
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &SharedText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedText {}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl Serialize for SharedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_reads_as_its_part_of_the_source() {
        let source: Arc<str> = Arc::from("Putin said. He left.");
        let text = SharedText::slice(&source, 12..20);
        assert_eq!(text, "He left.");
        assert_eq!(text.len(), 8);
        assert_eq!(text, SharedText::from("He left."));
        assert_eq!(format!("{text} {text:?}"), "He left. \"He left.\"");
        assert_eq!(serde_json::to_string(&text).unwrap(), "\"He left.\"");
    }

    #[test]
    #[should_panic]
    fn a_slice_off_a_char_boundary_is_refused() {
        let source: Arc<str> = Arc::from("é");
        let _ = SharedText::slice(&source, 0..1);
    }
}
