//! UAX#29 word boundaries, with a fast path for ASCII.
//!
//! Every stage splits sentences into words (extract's tokens, alignment
//! features, fact words, the word diff), and unicode-segmentation's general
//! state machine was the largest single cost on long inputs. Most news text
//! is ASCII, where the rules reduce to a handful of character classes. So
//! the text is cut where UAX#29 always breaks (next to ASCII whitespace with
//! an ASCII character on the other side); pieces made only of ASCII are
//! split here and any other piece is handed to unicode-segmentation. The
//! result is the same as `split_word_bound_indices` (a property test in
//! `tests/properties.rs` checks it on arbitrary text).

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// Word-bound segments of `text` with their byte offsets: words, single
/// punctuation characters and whitespace runs, covering the whole text.
pub fn word_bounds(text: &str) -> WordBounds<'_> {
    WordBounds {
        text,
        at: 0,
        piece_end: 0,
        inner: None,
    }
}

/// Iterator returned by [`word_bounds`].
pub struct WordBounds<'a> {
    text: &'a str,
    /// Start of the next segment.
    at: usize,
    /// End of the ASCII piece being split (`at` when none is).
    piece_end: usize,
    /// A piece holding other characters, split by unicode-segmentation, and
    /// its offset in `text`.
    inner: Option<(usize, UWordBoundIndices<'a>)>,
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if let Some((base, pieces)) = &mut self.inner {
            if let Some((offset, segment)) = pieces.next() {
                return Some((*base + offset, segment));
            }
            self.inner = None;
        }
        let bytes = self.text.as_bytes();
        if self.at >= bytes.len() {
            return None;
        }
        if self.at == self.piece_end {
            let (end, ascii) = piece_end(bytes, self.at);
            if !ascii {
                let start = self.at;
                self.at = end;
                self.piece_end = end;
                let mut pieces = self.text[start..end].split_word_bound_indices();
                let first = pieces.next().map(|(offset, s)| (start + offset, s));
                self.inner = Some((start, pieces));
                return first;
            }
            self.piece_end = end;
        }
        let start = self.at;
        let end = ascii_segment_end(&bytes[..self.piece_end], start);
        self.at = end;
        Some((start, &self.text[start..end]))
    }
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// True when UAX#29 breaks between `bytes[k - 1]` and `bytes[k]` whatever
/// surrounds them: both ASCII, one of them whitespace, and not a run of
/// spaces (WB3d) or CR LF (WB3).
fn always_breaks(bytes: &[u8], k: usize) -> bool {
    let (before, after) = (bytes[k - 1], bytes[k]);
    before.is_ascii()
        && after.is_ascii()
        && (is_ascii_space(before) || is_ascii_space(after))
        && !(before == b' ' && after == b' ')
        && !(before == b'\r' && after == b'\n')
}

/// End of the piece starting at `start`, and whether it is all ASCII.
fn piece_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut ascii = bytes[start].is_ascii();
    let mut k = start + 1;
    // No cut falls between two letters or digits: run over them first.
    while k < bytes.len()
        && bytes[k].is_ascii_alphanumeric()
        && bytes[k - 1].is_ascii_alphanumeric()
    {
        k += 1;
    }
    while k < bytes.len() && !always_breaks(bytes, k) {
        ascii &= bytes[k].is_ascii();
        k += 1;
    }
    (k, ascii)
}

/// Word-break classes of ASCII characters (UAX#29, table 3).
#[derive(Clone, Copy, PartialEq)]
enum Class {
    Letter,
    Numeric,
    ExtendNumLet,
    /// MidLetter, MidNumLet and Single_Quote: join letters.
    MidLetter,
    /// MidNum, MidNumLet and Single_Quote: join digits.
    MidNum,
    /// MidNumLet and Single_Quote: join both.
    MidBoth,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Numeric,
        b'_' => Class::ExtendNumLet,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidBoth,
        _ => Class::Other,
    }
}

/// End of the segment starting at `start` inside an all-ASCII piece.
fn ascii_segment_end(piece: &[u8], start: usize) -> usize {
    // A whitespace piece is one segment: the piece ends at every other break.
    if is_ascii_space(piece[start]) {
        return piece.len();
    }
    let at = |k: usize| piece.get(k).map_or(Class::Other, |&b| class(b));
    let mut k = start + 1;
    // Letters and digits always join (WB5, WB8–WB10): run over them first.
    if piece[start].is_ascii_alphanumeric() {
        while k < piece.len() && piece[k].is_ascii_alphanumeric() {
            k += 1;
        }
    }
    while k < piece.len() && joins(at(k.wrapping_sub(2)), at(k - 1), at(k), at(k + 1)) {
        k += 1;
    }
    k
}

/// True when there is no break between `before` and `after` (WB5–WB13b).
fn joins(two_before: Class, before: Class, after: Class, two_after: Class) -> bool {
    use Class::*;
    let joins_letters = |c: Class| matches!(c, MidLetter | MidBoth);
    let joins_digits = |c: Class| matches!(c, MidNum | MidBoth);
    match (before, after) {
        (Letter | Numeric, Letter | Numeric) => true,
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) => true,
        (ExtendNumLet, Letter | Numeric) => true,
        (Letter, mid) if joins_letters(mid) && two_after == Letter => true,
        (mid, Letter) if joins_letters(mid) && two_before == Letter => true,
        (Numeric, mid) if joins_digits(mid) && two_after == Numeric => true,
        (mid, Numeric) if joins_digits(mid) && two_before == Numeric => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Segments<'a> = Vec<(usize, &'a str)>;

    fn both(text: &str) -> (Segments<'_>, Segments<'_>) {
        (
            word_bounds(text).collect(),
            text.split_word_bound_indices().collect(),
        )
    }

    #[test]
    fn matches_unicode_segmentation_on_tricky_ascii() {
        for text in [
            "",
            "U.S. troops, 2,000 of them, left at 3.30 p.m.; it's over.",
            "a:b a.b a'b 1.2 1,2 1;2 1'2 a_b _a 1_ __ a1b 1a.",
            "  x\t\ty\r\n\r\nz\n\n.. ,, 'a' \"b\" a. .a 1. .1",
            "end.",
        ] {
            let (fast, reference) = both(text);
            assert_eq!(fast, reference, "{text:?}");
        }
    }

    #[test]
    fn matches_unicode_segmentation_around_other_characters() {
        for text in [
            "Peña’s “quote” — done",
            "a \u{301}b e\u{301}te 👍🏽 x\u{200d}y",
            "日本語の文 and English",
            " \u{301} ",
        ] {
            let (fast, reference) = both(text);
            assert_eq!(fast, reference, "{text:?}");
        }
    }
}
