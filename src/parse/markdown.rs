//! Markdown-ish source text → the text a reader sees.
//!
//! News articles saved as Markdown carry a little inline markup (`*x*`,
//! `**x**`, `[x](url)`, `<https://…>`, `# Heading`). Comparing two reports
//! must not see that markup as wording, so every sentence also gets a
//! markup-free text. The spans keep pointing at the markup; only the text
//! is cleaned. This is a deliberately small subset of CommonMark: it never
//! fails, never panics, and runs in linear time on any input.

use crate::text::fold_whitespace;
use std::borrow::Cow;

/// Returns the reader's text of `raw`: inline markup removed, runs of
/// whitespace (line breaks included) folded to one space, trimmed.
///
/// `heading` says that `raw` starts a Markdown heading line, whose leading
/// `#`s (and optional closing `#`s) are markup too.
///
/// Borrows `raw` when it already reads as written, as most text does.
pub(super) fn reader_text(raw: &str, heading: bool) -> Cow<'_, str> {
    if !heading && reads_as_written(raw) {
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(rewrite(raw, heading))
    }
}

/// The reader's text of `raw`, built.
fn rewrite(raw: &str, heading: bool) -> String {
    let body = if heading {
        strip_heading_marks(raw)
    } else {
        raw
    };
    let mut out = String::with_capacity(body.len());
    inline(body, &mut out);
    fold_whitespace(&out)
}

/// True when `raw` holds no byte that may start markup and its whitespace
/// is already single spaces between words: its reader text is itself.
fn reads_as_written(raw: &str) -> bool {
    let mut after_space = true;
    // Byte by byte: every markup byte is ASCII, and only a few characters
    // past ASCII are whitespace, so only their first bytes are decoded.
    for (at, &b) in raw.as_bytes().iter().enumerate() {
        if b == b' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if b.is_ascii() {
            if b.is_ascii_whitespace() || b == 0x0b || MARKUP_STARTS.contains(&char::from(b)) {
                return false;
            }
            after_space = false;
        } else if b >= 0xc0 {
            if raw[at..].chars().next().is_some_and(char::is_whitespace) {
                return false;
            }
            after_space = false;
        }
    }
    !after_space || raw.is_empty()
}

/// The bytes `inline` treats as possible markup.
const MARKUP_STARTS: [char; 7] = ['\\', '!', '[', '<', '*', '_', '&'];

/// Removes the `#` run that opens an ATX heading and the optional closing run.
fn strip_heading_marks(raw: &str) -> &str {
    let trimmed = raw.trim_start();
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return raw;
    }
    let rest = trimmed[hashes..].trim();
    // A closing sequence counts only when a space separates it ("# C#" keeps its '#').
    let without_close = rest.trim_end_matches('#');
    if without_close.len() < rest.len()
        && (without_close.is_empty() || without_close.ends_with(char::is_whitespace))
    {
        without_close.trim_end()
    } else {
        rest
    }
}

/// Appends the reader's text of `s` to `out`.
fn inline(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < s.len() {
        let b = bytes[i];
        match b {
            // `\*` is a literal star, not emphasis.
            b'\\' if i + 1 < s.len() && bytes[i + 1].is_ascii_punctuation() => {
                out.push(bytes[i + 1] as char);
                i += 2;
                continue;
            }
            b'!' if bytes.get(i + 1) == Some(&b'[') => {
                if let Some((label, end)) = link_at(s, i + 1) {
                    inline(label, out);
                    i = end;
                    continue;
                }
            }
            b'[' => {
                if let Some((label, end)) = link_at(s, i) {
                    inline(label, out);
                    i = end;
                    continue;
                }
            }
            b'<' => {
                if let Some((url, end)) = autolink_at(s, i) {
                    out.push_str(url);
                    i = end;
                    continue;
                }
            }
            b'&' => {
                if let Some((decoded, len)) = entity_at(&s[i..]) {
                    out.push(decoded);
                    i += len;
                    continue;
                }
            }
            b'*' | b'_' => {
                let run_end = i + bytes[i..].iter().take_while(|&&c| c == b).count();
                let prev = s[..i].chars().next_back();
                let next = s[run_end..].chars().next();
                if !is_emphasis_delimiter(prev, next) {
                    out.push_str(&s[i..run_end]);
                }
                i = run_end;
                continue;
            }
            _ => {}
        }
        // Copy up to the next byte that may start markup, at once. Those
        // bytes are ASCII, so the cut is always on a char boundary.
        let end = bytes[i + 1..]
            .iter()
            .position(|&b| MARKUP_STARTS.contains(&char::from(b)))
            .map_or(s.len(), |p| i + 1 + p);
        out.push_str(&s[i..end]);
        i = end;
    }
}

/// A `*`/`_` run is emphasis markup when it opens or closes a word: text on
/// one side, space or punctuation on the other (CommonMark's "flanking",
/// simplified). A run inside a word (`snake_case`) or between spaces
/// (`2 * 3`, a lone `*`) stays as text.
fn is_emphasis_delimiter(prev: Option<char>, next: Option<char>) -> bool {
    let open_side = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || is_punct(c));
    let is_text = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    let opens = is_text(next) && open_side(prev);
    let closes = is_text(prev) && open_side(next);
    opens || closes
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Parses `[label](destination)` starting at the `[` at `open`; returns the
/// label and the byte after `)`.
///
/// The label scan stops at the next `[`, so every byte is scanned for a
/// label at most once and unclosed brackets (`[[[[…`) stay linear; the
/// destination may not contain whitespace (titles are not supported).
fn link_at(s: &str, open: usize) -> Option<(&str, usize)> {
    let bytes = s.as_bytes();
    let close = open
        + 1
        + bytes[open + 1..]
            .iter()
            .position(|&b| b == b']' || b == b'[')?;
    if bytes[close] != b']' || bytes.get(close + 1) != Some(&b'(') {
        return None;
    }
    let dest_start = close + 2;
    let dest_len = bytes[dest_start..]
        .iter()
        .position(|&b| b == b')' || b == b'(' || b.is_ascii_whitespace())?;
    if bytes[dest_start + dest_len] != b')' {
        return None;
    }
    Some((&s[open + 1..close], dest_start + dest_len + 1))
}

/// Decodes the HTML character reference that `s` starts with (`&amp;`,
/// `&#39;`, `&#x2019;`); returns the character and the reference's length.
/// Wire copy often carries them escaped ("AT&amp;T"), and the reader sees
/// the character, so "amp" must not become a word. Only the few names
/// seen in news copy are known; anything else stays as text.
fn entity_at(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(10).position(|&b| b == b';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => '\u{a0}',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            // NUL and the surrogates are no characters (CommonMark reads
            // them as U+FFFD); keep the text as written instead.
            char::from_u32(code).filter(|c| *c != '\0')?
        }
    };
    Some((c, end + 1))
}

/// Parses `<https://…>` (or `http:`, `mailto:`) starting at `open`; returns
/// the address and the byte after `>`.
fn autolink_at(s: &str, open: usize) -> Option<(&str, usize)> {
    let rest = &s[open + 1..];
    let head = rest.get(..8).unwrap_or(rest).to_ascii_lowercase();
    if !["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| head.starts_with(scheme))
    {
        return None;
    }
    let len = rest
        .bytes()
        .position(|b| b == b'>' || b == b'<' || b.is_ascii_whitespace())?;
    (rest.as_bytes()[len] == b'>').then(|| (&rest[..len], open + 1 + len + 1))
}

#[cfg(test)]
mod tests {
    use super::{reader_text, rewrite};
    use proptest::prelude::*;
    use std::borrow::Cow;

    #[test]
    fn text_without_markup_or_loose_whitespace_is_borrowed() {
        assert!(matches!(
            reader_text("He said: \"No.\"", false),
            Cow::Borrowed(_)
        ));
        for owned in ["a  b", " a", "a ", "a\nb", "a\u{a0}b", "*a*", "a_b", "# A"] {
            let heading = owned.starts_with('#');
            assert!(
                matches!(reader_text(owned, heading), Cow::Owned(_)),
                "{owned:?}"
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]
        /// Borrowing is only a shortcut: the text is the one `rewrite` builds.
        #[test]
        fn borrowed_text_is_the_rewritten_text(raw in "[a-z_*\\[\\]()<>!\\\\ \t\n\u{b}\u{a0}\u{2003}\u{3000}é€.&;#]{0,24}") {
            prop_assert_eq!(reader_text(&raw, false).into_owned(), rewrite(&raw, false));
        }
    }

    #[test]
    fn emphasis_is_removed() {
        assert_eq!(
            reader_text("*Islamic State is banned.*", false),
            "Islamic State is banned."
        );
        assert_eq!(
            reader_text("a **bold** and _it_ word", false),
            "a bold and it word"
        );
        assert_eq!(reader_text("(*x*)", false), "(x)");
    }

    #[test]
    fn stars_and_underscores_inside_words_or_alone_stay() {
        assert_eq!(reader_text("snake_case_name", false), "snake_case_name");
        assert_eq!(reader_text("2 * 3", false), "2 * 3");
        assert_eq!(reader_text("*", false), "*");
        assert_eq!(reader_text(r"\*not\*", false), "*not*");
    }

    #[test]
    fn links_keep_their_label_and_autolinks_their_address() {
        assert_eq!(reader_text("By [AFP](#)", false), "By AFP");
        assert_eq!(reader_text("![a photo](x.jpg) here", false), "a photo here");
        assert_eq!(
            reader_text("<https://example.com/a-b>", false),
            "https://example.com/a-b"
        );
        assert_eq!(reader_text("[**bold** label](u)", false), "bold label");
    }

    #[test]
    fn broken_markup_is_kept_as_text() {
        assert_eq!(reader_text("[unclosed (link", false), "[unclosed (link");
        assert_eq!(reader_text("[x](no close", false), "[x](no close");
        assert_eq!(reader_text("a < b > c", false), "a < b > c");
        assert_eq!(reader_text("[[[[", false), "[[[[");
        assert_eq!(reader_text("<https://x", false), "<https://x");
    }

    #[test]
    fn headings_lose_their_hashes() {
        assert_eq!(
            reader_text("## **'We need to interact'**", true),
            "'We need to interact'"
        );
        assert_eq!(reader_text("# Title #", true), "Title");
        assert_eq!(reader_text("# Learning C#", true), "Learning C#");
        assert_eq!(reader_text("#", true), "");
    }

    #[test]
    fn character_references_are_decoded() {
        // Found by the pulldown-cmark bake-off (docs/bakeoffs.md): msrp and
        // sts-news copy carries "&amp;" and "&apos;".
        assert_eq!(reader_text("AT&amp;T said", false), "AT&T said");
        assert_eq!(
            reader_text("Global Crossing&apos;s chief", false),
            "Global Crossing's chief"
        );
        assert_eq!(reader_text("&#39;a&#x2019;b&quot;", false), "'a\u{2019}b\"");
        assert_eq!(reader_text("a&nbsp;b", false), "a b");
        // Not references: kept as written.
        for kept in [
            "Tom & Jerry",
            "R&D;",
            "&bogus; x",
            "&#0;",
            "&#xD800;",
            "&",
            "&amp",
        ] {
            assert_eq!(reader_text(kept, false), kept, "{kept:?}");
        }
    }

    #[test]
    fn whitespace_is_folded() {
        assert_eq!(
            reader_text("  one\r\ntwo \t three  ", false),
            "one two three"
        );
    }
}
