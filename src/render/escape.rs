//! Makes input text safe to print on a terminal.
//!
//! Articles come from other people; a control sequence inside one (ANSI
//! colours, OSC 8 links, a terminal title change, BEL) must show as text,
//! never act on the reader's terminal. Bidirectional overrides are escaped
//! too, since they can make printed text read differently from its bytes,
//! and so are the invisible format characters (zero-width space and
//! joiners, word joiner, byte order mark, soft hyphen, tag characters): an
//! editor must see that a sentence carries one, since it makes two words
//! that look the same differ (Unicode TR36 §2, UTS #39 on invisible
//! characters).

use std::borrow::Cow;
use std::fmt::Write;

/// True for characters that must not reach a terminal raw.
fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || is_invisible_format(c)
}

/// The bidirectional controls of UAX #9: embeddings and overrides
/// (U+202A–U+202E), isolates (U+2066–U+2069), and the marks LRM, RLM, ALM.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Format characters (general category Cf) that print as nothing: soft
/// hyphen, Mongolian vowel separator, zero-width space, non-joiner and
/// joiner, word joiner and the invisible operators, the deprecated format
/// characters, the byte order mark (zero-width no-break space),
/// interlinear annotation marks and the tag characters.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200D}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// Returns `text` with every control, bidi-control or invisible format
/// character written as a visible escape (`\n`, `\t`, `\u{1b}`).
pub fn escape_control(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ansi_and_osc_sequences_are_made_visible() {
        let hostile = "red \u{1b}[31mtext\u{7} \u{1b}]8;;http://x\u{1b}\\";
        let safe = escape_control(hostile);
        assert!(!safe.chars().any(|c| c.is_control()), "{safe}");
        assert!(safe.contains("\\u{1b}[31m"));
    }

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(
            escape_control("Putin said — «да»."),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn invisible_format_characters_are_escaped() {
        assert_eq!(
            escape_control("a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}f"),
            "a\\u{200b}b\\u{200c}c\\u{200d}d\\u{2060}e\\u{feff}f"
        );
        assert_eq!(
            escape_control("x\u{2067}y\u{E0041}"),
            "x\\u{2067}y\\u{e0041}"
        );
    }

    #[test]
    fn visible_non_ascii_stays_as_written() {
        // Not format characters: a no-break space and a variation selector
        // show (or change a glyph), so they stay.
        assert!(matches!(
            escape_control("10\u{A0}km ☺\u{FE0F}"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn bidi_override_is_escaped() {
        assert_eq!(escape_control("a\u{202E}b"), "a\\u{202e}b");
    }
}
