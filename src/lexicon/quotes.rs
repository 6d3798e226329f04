//! Quotation marks, by the job they do. The quote finder in
//! `extract/context.rs` pairs them (an opener with its closer); the stages
//! below ask only which marks can open a quotation or are marks at all.

/// Double marks that open a quotation: straight, curly, guillemet.
pub(crate) const OPENING_DOUBLE: &[char] = &['"', '\u{201c}', '\u{ab}'];

/// Marks that can open a quotation, single ones included (a single mark
/// opens one only at a word start: the quote finder decides).
pub(crate) const OPENING: &[char] = &['"', '\u{201c}', '\u{ab}', '\u{2018}', '\''];

/// Double marks, opening or closing.
pub(crate) const DOUBLE: &[char] = &['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}'];

/// Marks whose presence shows a sentence quotes somebody: the double marks,
/// the opening single curly mark (the closing one, U+2019, is also the
/// apostrophe of "don’t") and the backtick of a TeX-style ``quote''.
pub(crate) const ANY: &[char] = &[
    '"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}', '\u{2018}', '`',
];

/// Unicode's Quotation_Mark property (PropList.txt), without the two
/// characters English also writes as apostrophes (`'` and U+2019), which
/// would make almost every text count as quoting.
pub fn is_quotation_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{ab}'
            | '\u{bb}'
            | '\u{2018}'
            | '\u{201a}'..='\u{201f}'
            | '\u{2039}'
            | '\u{203a}'
            | '\u{2e42}'
            | '\u{300c}'..='\u{300f}'
            | '\u{301d}'..='\u{301f}'
            | '\u{fe41}'..='\u{fe44}'
            | '\u{ff02}'
            | '\u{ff07}'
            | '\u{ff62}'
            | '\u{ff63}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_mark_is_a_quotation_mark_or_a_typewriter_stand_in() {
        // The straight apostrophe, and the backtick of TeX-style ``quotes''.
        for &c in OPENING.iter().chain(DOUBLE).chain(ANY) {
            assert!(is_quotation_mark(c) || c == '\'' || c == '`', "{c:?}");
        }
        assert!(!is_quotation_mark('\u{2019}'));
    }
}
