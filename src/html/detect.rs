//! Bytes → is it a web page, and in which character encoding.

use encoding_rs::{Encoding, UTF_8};

/// How far into the input the markers of a page are looked for. A saved
/// page names its doctype, `<html>` or `<head>` in the first few hundred
/// bytes; 1024 is also how far browsers look for `<meta charset>`
/// (HTML Living Standard, "prescan a byte stream": the first 1024 bytes).
const SNIFF_BYTES: usize = 1024;

/// What kind of input a file is read as (`--input`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// HTML when the content looks like a page, else text.
    #[default]
    Auto,
    /// A web page: the article is extracted.
    Html,
    /// Plain text (Markdown markup is read as well).
    Text,
    /// Markdown: read by the same parser as text.
    Markdown,
}

impl InputFormat {
    /// Whether `bytes` are to be read as a web page under this format.
    pub fn is_html(self, bytes: &[u8]) -> bool {
        match self {
            InputFormat::Auto => looks_like_html(bytes),
            InputFormat::Html => true,
            InputFormat::Text | InputFormat::Markdown => false,
        }
    }
}

/// True when the input starts like a web page: after a BOM, whitespace and
/// comments, it opens with a tag, and its first kilobyte has
/// `<!doctype html`, `<html`, `<head` or `<body` (ASCII case ignored). A
/// text article that only mentions a tag further on stays text.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else { return false };
    if bytes[start] != b'<' {
        return false;
    }
    let head = &bytes[start..bytes.len().min(start + SNIFF_BYTES)];
    let lower = head.to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body"]
        .iter()
        .any(|marker| contains(&lower, marker.as_bytes()))
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Decodes a page: the encoding a BOM names, else the one a `<meta
/// charset>` or `http-equiv` content type in the first kilobyte names,
/// else UTF-8. Bad bytes become U+FFFD, as in a browser: a page with one
/// stray byte is still worth reading.
pub fn decode_page(bytes: &[u8]) -> String {
    let (encoding, bom_length) = Encoding::for_bom(bytes)
        .or_else(|| declared_encoding(bytes).map(|e| (e, 0)))
        .unwrap_or((UTF_8, 0));
    let (text, _, _) = encoding.decode(&bytes[bom_length..]);
    text.into_owned()
}

/// The encoding named by `charset=` in the first kilobyte (this covers both
/// `<meta charset="…">` and `<meta http-equiv="Content-Type"
/// content="text/html; charset=…">`). UTF-16 declared inside an ASCII
/// document is a lie the standard says to read as UTF-8.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes[..bytes.len().min(SNIFF_BYTES)].to_ascii_lowercase();
    let at = head.windows(8).position(|w| w == b"charset=")? + 8;
    let label: Vec<u8> = head[at..]
        .iter()
        .copied()
        .skip_while(|&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&b| b.is_ascii_alphanumeric() || b"-_:.".contains(&b))
        .collect();
    let encoding = Encoding::for_label(&label)?;
    Some(
        if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE {
            UTF_8
        } else {
            encoding
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_recognised_by_their_start() {
        assert!(looks_like_html(b"<!DOCTYPE html><p>x"));
        assert!(looks_like_html(b"\xEF\xBB\xBF  \n<html lang=en>"));
        assert!(looks_like_html(b"<!-- saved --><head><title>x</title>"));
        assert!(looks_like_html(b"<div></div><body>"));
    }

    #[test]
    fn text_that_mentions_tags_is_not_a_page() {
        assert!(!looks_like_html(b"The <html> tag opens a page."));
        assert!(!looks_like_html(b"# Title\n\n<b>bold</b> words"));
        assert!(!looks_like_html(b"<b>Breaking</b>: no page markers here"));
        assert!(!looks_like_html(b""));
    }

    #[test]
    fn format_flag_overrides_detection() {
        assert!(InputFormat::Html.is_html(b"plain words"));
        assert!(!InputFormat::Text.is_html(b"<!doctype html>"));
        assert!(!InputFormat::Markdown.is_html(b"<html>"));
    }

    #[test]
    fn meta_charset_picks_the_encoding() {
        let page = b"<html><head><meta charset=\"windows-1252\"></head><p>caf\xE9</p>";
        assert!(decode_page(page).contains("caf\u{e9}"));
        let equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\"><p>\xB9</p>";
        assert!(decode_page(equiv).contains('\u{161}'));
    }

    #[test]
    fn bom_beats_declaration_and_default_is_utf8() {
        let page = b"\xEF\xBB\xBF<meta charset=windows-1252><p>caf\xC3\xA9</p>";
        assert!(decode_page(page).contains("caf\u{e9}"));
        assert!(!decode_page(page).starts_with('\u{feff}'));
        assert!(decode_page("<p>café</p>".as_bytes()).contains("café"));
    }

    #[test]
    fn bad_or_unknown_declarations_fall_back_to_utf8() {
        assert!(decode_page("<meta charset=nonsense><p>café</p>".as_bytes()).contains("café"));
        assert!(decode_page("<meta charset=utf-16><p>café</p>".as_bytes()).contains("café"));
        assert!(decode_page(b"<p>a\xFFb</p>").contains("a\u{FFFD}b"));
    }
}
