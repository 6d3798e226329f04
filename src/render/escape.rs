//! Makes input text safe to print on a terminal.
//!
//! Articles come from other people; a control sequence inside one (ANSI
//! colours, OSC 8 links, a terminal title change, BEL) must show as text,
//! never act on the reader's terminal. Bidirectional overrides are escaped
//! too, since they can make printed text read differently from its bytes.

use std::borrow::Cow;
use std::fmt::Write;

/// True for characters that must not reach a terminal raw.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Returns `text` with every control or bidi-override character written as
/// a visible escape (`\n`, `\t`, `\u{1b}`).
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
    fn bidi_override_is_escaped() {
        assert_eq!(escape_control("a\u{202E}b"), "a\\u{202e}b");
    }
}
