//! UAX#29 word and sentence boundaries, with fast paths for ASCII.
//!
//! Every stage splits sentences into words (extract's tokens, alignment
//! features, fact words, the word diff), and unicode-segmentation's general
//! state machine was the largest single cost on long inputs. Most news text
//! is ASCII, where the rules reduce to a handful of character classes. So
//! the text is cut where UAX#29 always breaks (next to ASCII whitespace with
//! an ASCII character on the other side); pieces made only of ASCII are
//! split here and any other piece is handed to unicode-segmentation. The
//! result is the same as `split_word_bound_indices` (a property test in
//! `tests/properties.rs` checks it on arbitrary text). Sentence bounds of
//! an all-ASCII block follow the few rules that apply to ASCII; other
//! blocks go to unicode-segmentation (checked the same way).
//!
//! One exception to UAX#29: a terminal escape sequence (`ESC [ 31 m`, an
//! OSC title ended by BEL, their C1 forms U+009B and U+009D) is one segment
//! of its own, and the rules start afresh after it. Otherwise its
//! parameters join the next word ("31mred") and turn into numbers;
//! [`is_escape`] lets the stages skip such segments.

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

/// True for a segment that is a terminal escape sequence: no word, no
/// punctuation, nothing a reader sees.
pub fn is_escape(segment: &str) -> bool {
    starts_escape(segment.as_bytes())
}

const ESC: u8 = 0x1b;
/// UTF-8 of the C1 controls CSI (U+009B) and OSC (U+009D), the one-character
/// forms of `ESC [` and `ESC ]`, and ST (U+009C), which closes an OSC.
const C1_CSI: [u8; 2] = [0xc2, 0x9b];
const C1_OSC: [u8; 2] = [0xc2, 0x9d];
const C1_ST: [u8; 2] = [0xc2, 0x9c];

fn starts_escape(bytes: &[u8]) -> bool {
    match bytes {
        [ESC, ..] => true,
        [0xc2, next, ..] => [C1_CSI[1], C1_OSC[1]].contains(next),
        _ => false,
    }
}

/// Length of the escape sequence at the start of `rest` (0 when none starts
/// there), as ECMA-48 delimits it: a CSI (`ESC [` or U+009B, parameters,
/// intermediates, a final byte); a control string (OSC `ESC ]` or U+009D,
/// DCS, SOS, PM, APC) closed by BEL or ST (`ESC \` or U+009C); or ESC,
/// intermediates and a final byte. A sequence cut short ends before the
/// byte that breaks it, and a control string not closed on its line is
/// only its opener: the text after it stays text. Every byte taken is
/// ASCII, an opener or closer, or inside a closed control string, so the
/// end is a character boundary.
pub fn escape_len(rest: &[u8]) -> usize {
    let within =
        |k: usize, low: u8, high: u8| rest.get(k).is_some_and(|b| (low..=high).contains(b));
    let string =
        matches!(rest, [ESC, b']' | b'P' | b'X' | b'^' | b'_', ..]) || rest.starts_with(&C1_OSC);
    if string {
        for (k, &b) in rest.iter().enumerate().skip(2) {
            match b {
                0x07 => return k + 1,
                ESC if rest.get(k + 1) == Some(&b'\\') => return k + 2,
                0xc2 if rest.get(k + 1) == Some(&C1_ST[1]) => return k + 2,
                ESC | b'\n' => return 2,
                _ => {}
            }
        }
        return 2;
    }
    let (mut k, csi) = match rest {
        [ESC, b'[', ..] => (2, true),
        _ if rest.starts_with(&C1_CSI) => (2, true),
        [ESC, ..] => (1, false),
        _ => return 0,
    };
    if csi {
        // Parameters.
        while within(k, 0x30, 0x3f) {
            k += 1;
        }
    }
    // Intermediates, then the final byte.
    while within(k, 0x20, 0x2f) {
        k += 1;
    }
    let final_low = if csi { 0x40 } else { 0x30 };
    k + usize::from(within(k, final_low, 0x7e))
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
            match pieces.next() {
                Some((offset, segment)) if !is_escape(segment) => {
                    return Some((*base + offset, segment));
                }
                // The sequence, and the text after it, start afresh below.
                Some((offset, _)) => {
                    self.at = *base + offset;
                    self.piece_end = self.at;
                }
                None => {}
            }
            self.inner = None;
        }
        let bytes = self.text.as_bytes();
        if self.at >= bytes.len() {
            return None;
        }
        let start = self.at;
        // UAX#29 always breaks before ESC and the C1 controls (their class
        // is Other, which joins nothing before it), so a sequence can only
        // start a segment: testing segment starts finds every one.
        if matches!(bytes[start], ESC | 0xc2) && starts_escape(&bytes[start..]) {
            let end = start + escape_len(&bytes[start..]);
            self.at = end;
            self.piece_end = end;
            return Some((start, &self.text[start..end]));
        }
        if self.at == self.piece_end {
            if let Some(end) = whole_piece_segment(bytes, self.at) {
                self.at = end;
                self.piece_end = end;
                return Some((start, &self.text[start..end]));
            }
            let (end, ascii) = piece_end(bytes, self.at);
            if !ascii {
                self.at = end;
                self.piece_end = end;
                let mut pieces = self.text[start..end].split_word_bound_indices();
                let first = pieces.next().map(|(offset, s)| (start + offset, s));
                self.inner = Some((start, pieces));
                return first;
            }
            self.piece_end = end;
        }
        let end = ascii_segment_end(&bytes[..self.piece_end], start);
        self.at = end;
        Some((start, &self.text[start..end]))
    }
}

/// Flags of a byte, looked up in [`BYTE_FLAGS`]: the word loops test one
/// table entry per byte instead of a chain of comparisons.
const SPACE: u8 = 1;
/// `[A-Za-z0-9_]`: letters, digits and the underscore all join (WB5,
/// WB8–WB10, WB13a, WB13b).
const WORD: u8 = 2;
const LETTER: u8 = 4;
const DIGIT: u8 = 8;
/// MidLetter, MidNumLet and Single_Quote: join two letters (WB6, WB7).
const JOINS_LETTERS: u8 = 16;
/// MidNum, MidNumLet and Single_Quote: join two digits (WB11, WB12).
const JOINS_DIGITS: u8 = 32;

static BYTE_FLAGS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = match c {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => SPACE,
            b'a'..=b'z' | b'A'..=b'Z' => WORD | LETTER,
            b'0'..=b'9' => WORD | DIGIT,
            b'_' => WORD,
            b':' => JOINS_LETTERS,
            b',' | b';' => JOINS_DIGITS,
            b'.' | b'\'' => JOINS_LETTERS | JOINS_DIGITS,
            _ => 0,
        };
        b += 1;
    }
    table
};

fn flags(b: u8) -> u8 {
    BYTE_FLAGS[usize::from(b)]
}

/// True when UAX#29 breaks between `bytes[k - 1]` and `bytes[k]` whatever
/// surrounds them: both ASCII, one of them whitespace, and not a run of
/// spaces (WB3d) or CR LF (WB3).
fn always_breaks(bytes: &[u8], k: usize) -> bool {
    let (before, after) = (bytes[k - 1], bytes[k]);
    // The space test first: it is the one that fails inside a word.
    (flags(before) | flags(after)) & SPACE != 0
        && (before | after).is_ascii()
        && !(before == b' ' && after == b' ')
        && !(before == b'\r' && after == b'\n')
}

/// End of the piece starting at `start`, and whether it is all ASCII.
fn piece_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut high = bytes[start];
    let mut k = start + 1;
    while k < bytes.len() && !always_breaks(bytes, k) {
        high |= bytes[k];
        k += 1;
    }
    (k, high.is_ascii())
}

/// The end of the piece starting at `start` when the piece is one segment
/// of the two commonest kinds, found in one scan: an ASCII word with
/// whitespace or the end of the text after it, or a run of spaces with an
/// ASCII character or the end after it. `None` for anything else, which
/// the general path (piece, then segments) handles.
fn whole_piece_segment(bytes: &[u8], start: usize) -> Option<usize> {
    let first = flags(bytes[start]);
    if bytes[start] == b' ' {
        let mut k = start + 1;
        while k < bytes.len() && bytes[k] == b' ' {
            k += 1;
        }
        // A space run joins only spaces (WB3d); what follows it, if ASCII,
        // always breaks from it (`always_breaks`).
        return (k == bytes.len() || bytes[k].is_ascii()).then_some(k);
    }
    if first & WORD == 0 {
        return None;
    }
    let end = ascii_segment_end(bytes, start);
    // The word's scan looked at ASCII only; a non-ASCII byte right after a
    // mid character it stopped at could still join (WB4), but then the
    // next byte is not whitespace and the general path takes over.
    (end == bytes.len() || flags(bytes[end]) & SPACE != 0).then_some(end)
}

/// End of the segment starting at `start` inside an all-ASCII piece.
fn ascii_segment_end(piece: &[u8], start: usize) -> usize {
    let first = flags(piece[start]);
    // A whitespace piece is one segment: the piece ends at every other break.
    if first & SPACE != 0 {
        return piece.len();
    }
    // Punctuation stands alone: a mid character at a segment start could
    // only join by WB7, and then WB6 would have joined it to what precedes.
    if first & WORD == 0 {
        return start + 1;
    }
    let mut k = start + 1;
    loop {
        while k < piece.len() && flags(piece[k]) & WORD != 0 {
            k += 1;
        }
        // "U.S", "it's", "2,000", "3.5": a mid character between two
        // letters or two digits joins them (WB6, WB7, WB11, WB12).
        let (Some(&mid), Some(&next)) = (piece.get(k), piece.get(k + 1)) else {
            return k;
        };
        let (before, mid, next) = (flags(piece[k - 1]), flags(mid), flags(next));
        let letters = before & next & LETTER != 0 && mid & JOINS_LETTERS != 0;
        let digits = before & next & DIGIT != 0 && mid & JOINS_DIGITS != 0;
        if !(letters || digits) {
            return k;
        }
        k += 2;
    }
}

/// UAX#29 sentence-bound pieces of `text` with their byte offsets, as
/// `split_sentence_bound_indices` gives them: the same fast path for ASCII
/// text (a property test checks the two agree), the library otherwise.
pub fn sentence_bounds(text: &str) -> Vec<(usize, &str)> {
    if !text.is_ascii() {
        return text.split_sentence_bound_indices().collect();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for end in ascii_sentence_breaks(text.as_bytes()) {
        out.push((start, &text[start..end]));
        start = end;
    }
    out
}

/// Sentence-break classes of ASCII characters (UAX#29, table 4).
#[derive(Clone, Copy, PartialEq)]
enum SentenceClass {
    ParaSep,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Other,
}

fn sentence_class(b: u8) -> SentenceClass {
    use SentenceClass::*;
    match b {
        b'\r' | b'\n' => ParaSep,
        b' ' | b'\t' | 0x0b | 0x0c => Sp,
        b'a'..=b'z' => Lower,
        b'A'..=b'Z' => Upper,
        b'0'..=b'9' => Numeric,
        b'.' => ATerm,
        b'!' | b'?' => STerm,
        b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}' => Close,
        b',' | b'-' | b':' | b';' => SContinue,
        _ => Other,
    }
}

/// Ends of the sentence pieces of an ASCII text (the last is its length).
fn ascii_sentence_breaks(bytes: &[u8]) -> Vec<usize> {
    use SentenceClass::*;
    let class = |k: usize| bytes.get(k).map(|&b| sentence_class(b));
    let mut ends = Vec::new();
    let mut k = 0;
    while k < bytes.len() {
        match sentence_class(bytes[k]) {
            // SB3, SB4: after CR LF, CR or LF.
            ParaSep => {
                k += if bytes[k] == b'\r' && bytes.get(k + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                if k < bytes.len() {
                    ends.push(k);
                }
            }
            ATerm | STerm => {
                // SB8a: terminators run on; the last one decides.
                let mut last = k;
                while matches!(class(last + 1), Some(ATerm | STerm)) {
                    last += 1;
                }
                let aterm = bytes[last] == b'.';
                let after_term = class(last + 1);
                // SB6, SB7: "3.5", "U.S" (an ATerm glued to what follows).
                let glued = aterm
                    && (after_term == Some(Numeric)
                        || (after_term == Some(Upper)
                            && last > 0
                            && matches!(sentence_class(bytes[last - 1]), Upper | Lower)));
                // SB9, SB10: Close* Sp* stay with the terminator.
                let mut end = last + 1;
                while class(end) == Some(Close) {
                    end += 1;
                }
                while class(end) == Some(Sp) {
                    end += 1;
                }
                // SB8: after an ATerm, a lowercase word further on (past
                // anything but letters, ParaSep and terminators) continues.
                let lower_follows = aterm && {
                    let mut m = end;
                    while matches!(class(m), Some(Numeric | Close | Sp | SContinue | Other)) {
                        m += 1;
                    }
                    class(m) == Some(Lower)
                };
                // SB8a: a comma, colon or another terminator continues.
                let continues = matches!(class(end), Some(SContinue | ATerm | STerm));
                if glued || lower_follows || continues {
                    k = last + 1;
                    continue;
                }
                // SB11: break after the terminator, Close*, Sp* and one ParaSep.
                if class(end) == Some(ParaSep) {
                    end += if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                }
                if end < bytes.len() {
                    ends.push(end);
                }
                k = end;
            }
            _ => k += 1,
        }
    }
    if !bytes.is_empty() {
        ends.push(bytes.len());
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_bounds_match_unicode_segmentation_on_news_prose() {
        for text in [
            "The U.S. Army left. It rained at 3.30 p.m. on Friday! Why? \"No.\" he said.",
            "e.g. the end.  (Really.)  Next: a list; more...\r\nNew line.\n\nLast",
            "A.B. C. d",
            "Peña said “no.” Then",
        ] {
            let reference: Vec<_> = text.split_sentence_bound_indices().collect();
            assert_eq!(sentence_bounds(text), reference, "{text:?}");
        }
    }

    fn assert_word_bounds_match(texts: &[&str]) {
        for text in texts {
            let reference: Vec<_> = text.split_word_bound_indices().collect();
            assert_eq!(word_bounds(text).collect::<Vec<_>>(), reference, "{text:?}");
        }
    }

    #[test]
    fn matches_unicode_segmentation_on_tricky_ascii() {
        assert_word_bounds_match(&[
            "",
            "U.S. troops, 2,000 of them, left at 3.30 p.m.; it's over.",
            "a:b a.b a'b 1.2 1,2 1;2 1'2 a_b _a 1_ __ a1b 1a.",
            "  x\t\ty\r\n\r\nz\n\n.. ,, 'a' \"b\" a. .a 1. .1",
            "end.",
        ]);
    }

    #[test]
    fn matches_unicode_segmentation_around_other_characters() {
        assert_word_bounds_match(&[
            "Peña’s “quote” — done",
            "Mr. Peña left. He said “no.” Then",
            "a \u{301}b e\u{301}te 👍🏽 x\u{200d}y",
            "日本語の文 and English",
            " \u{301} ",
            // A word or space run that looks whole until a non-ASCII byte.
            "said \u{3000}and x  \u{301}y ab.\u{301}c d word\u{200d} z",
        ]);
    }

    #[test]
    fn escape_sequences_are_delimited_as_terminals_read_them() {
        let len = |s: &str| escape_len(s.as_bytes());
        assert_eq!(len("\u{1b}[31mred"), 5);
        assert_eq!(len("\u{1b}[0m"), 4);
        assert_eq!(len("\u{1b}[?25h!"), 6);
        assert_eq!(len("\u{1b}]0;title\u{7}rest"), 10);
        assert_eq!(len("\u{1b}]8;;http://x\u{1b}\\link"), 15);
        assert_eq!(len("\u{1b}(Bx"), 3);
        // Cut short: the sequence ends before the byte that breaks it.
        assert_eq!(len("\u{1b}[31\u{e9}t\u{e9}"), 4);
        assert_eq!(len("\u{1b}"), 1);
        assert_eq!(len("\u{1b}\u{e9}"), 1);
        // A title never closed on its line leaves the line as text.
        assert_eq!(len("\u{1b}]0;no bell here\nnext"), 2);
        assert_eq!(len("\u{1b}]0;another \u{1b}[0m"), 2);
        // The one-character C1 forms of CSI and OSC, and ST.
        assert_eq!(len("\u{9b}2Jtext"), 4);
        assert_eq!(len("\u{9d}0;title\u{9c}rest"), 11);
        assert_eq!(len("\u{9d}0;title\u{7}"), 10);
        assert_eq!(len("\u{9d}unclosed"), 2);
        assert_eq!(len("plain"), 0);
        assert_eq!(len("\u{e9}"), 0);
    }

    #[test]
    fn an_escape_sequence_is_one_segment_and_words_start_afresh() {
        let segments: Vec<_> = word_bounds("a \u{1b}[31mred\u{1b}[0m 2,\u{1b}[1m000")
            .map(|(_, s)| s)
            .collect();
        assert_eq!(
            segments,
            [
                "a",
                " ",
                "\u{1b}[31m",
                "red",
                "\u{1b}[0m",
                " ",
                "2",
                ",",
                "\u{1b}[1m",
                "000"
            ]
        );
        assert!(segments.iter().filter(|s| is_escape(s)).count() == 3);
        assert!(!is_escape("red") && !is_escape("") && !is_escape("\u{e9}"));
        let c1: Vec<_> = word_bounds("a\u{9b}2Jb").map(|(_, s)| s).collect();
        assert_eq!(c1, ["a", "\u{9b}2J", "b"]);
    }
}
