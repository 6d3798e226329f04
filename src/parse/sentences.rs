//! A block's span → the spans of its sentences.
//!
//! UAX #29 sentence bounds (`segment::sentence_bounds`) do the first cut; this
//! module then joins the pieces that news prose does not end at
//! (abbreviations, initials, `"Why?" he asked`, a line break with no
//! punctuation) and cuts sentences that have no punctuation at all.
//! Everything is one pass over the block, so the cost is linear.

use crate::lexicon::calendar::{is_month, is_weekday};
use crate::model::Span;

/// The longest sentence span, in bytes.
///
/// Text with no sentence punctuation (a 2 MB line, 50,000 one-word lines)
/// would otherwise become one giant "sentence", and later stages (word diff,
/// n-gram similarity) are super-linear in sentence length. Such text is cut
/// at the last whitespace before the limit, or at a char boundary when the
/// window has no whitespace. Real sentences are far shorter (news style
/// guides aim at 20–30 words, about 200 bytes).
pub const MAX_SENTENCE_BYTES: usize = 1500;

/// Titles that are never the last word of a sentence: a name follows.
const TITLES: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "col.", "lt.", "sgt.", "capt.", "gov.", "sen.",
    "rep.", "rev.", "st.", "maj.", "adm.", "cmdr.", "hon.", "pres.", "vs.", "e.g.", "i.e.",
];

/// Abbreviations that may end a sentence ("moved to the U.S. The next day")
/// but usually do not ("U.S. President Joe Biden"): they join unless the
/// next word is a common sentence opener.
const AMBIGUOUS: &[&str] = &[
    "u.s.", "u.k.", "u.n.", "e.u.", "u.a.e.", "inc.", "corp.", "ltd.", "co.", "jr.", "sr.",
];

/// Abbreviations that join only before a number ("Aug. 15", "No. 5").
const BEFORE_NUMBER: &[&str] = &[
    "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
    "dec.", "no.", "nos.", "vol.", "fig.", "art.", "p.", "pp.",
];

/// Clock abbreviations: a sentence goes on after them when the next word
/// says more about the time ("10 a.m. Monday", "5 p.m. ET").
const CLOCK: &[&str] = &["a.m.", "p.m."];

/// Time zones that, after a clock abbreviation, belong to the same time
/// (weekdays and months do too: `patterns`).
const TIME_ZONES: &[&str] = &[
    "et", "est", "edt", "ct", "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "bst",
    "utc",
];

/// Words that usually open a sentence; after an ambiguous abbreviation they
/// mean the abbreviation ended the sentence.
const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "in",
    "on",
    "at",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "its",
    "our",
    "their",
    "what",
    "when",
    "where",
    "why",
    "how",
    "who",
    "after",
    "before",
    "meanwhile",
    "however",
    "if",
    "as",
    "so",
    "yet",
    "some",
    "many",
    "officials",
];

/// Splits the block at `block` into sentence spans: in order, not
/// overlapping, trimmed of whitespace, covering every other byte.
pub(super) fn split_sentences(text: &str, block: Span) -> Vec<Span> {
    let s = &text[block.start..block.end];
    // (start, end, has_alphanumeric), relative to the block.
    let mut pieces: Vec<(usize, usize, bool)> = Vec::new();
    for (start, piece) in crate::text::segment::sentence_bounds(s) {
        let end = start + piece.len();
        let has_text = piece.chars().any(char::is_alphanumeric);
        if let Some(last) = pieces.last_mut() {
            // A piece with no letters or digits (a closing `*`, a stray quote)
            // is not a sentence of its own; neither is text before it.
            if !last.2 || !has_text || should_join(&s[last.0..last.1], piece) {
                last.1 = end;
                last.2 |= has_text;
                continue;
            }
            // "**Bold.** Next": UAX #29 cuts before the closing `**`; give it back.
            let run = closing_markup(piece, &s[..start]);
            if run > 0 {
                last.1 = start + run;
                pieces.push((start + run, end, has_text));
                continue;
            }
        }
        pieces.push((start, end, has_text));
    }
    let mut spans = Vec::with_capacity(pieces.len());
    for (start, end, _) in pieces {
        cut_long(
            text,
            trim(text, block.start + start, block.start + end),
            &mut spans,
        );
    }
    spans
}

/// The whole block as one sentence (titles, captions, headings), still cut
/// at [`MAX_SENTENCE_BYTES`].
pub(super) fn whole_block(text: &str, block: Span) -> Vec<Span> {
    let mut spans = Vec::new();
    cut_long(text, trim(text, block.start, block.end), &mut spans);
    spans
}

/// True when the boundary between `before` and `next` is not a sentence end.
fn should_join(before: &str, next: &str) -> bool {
    // "?110 billion" (a lost currency sign), "Yahoo!News": UAX #29 cuts
    // after `?` and `!` even with no space; prose never does.
    if before.ends_with(['?', '!']) && next.starts_with(char::is_alphanumeric) {
        return true;
    }
    let before = before.trim_end();
    let next = next.trim_start();
    let Some(first) = next.chars().next() else {
        return true;
    };
    // "Why?" he asked. / e.g. the … / a line break inside a sentence.
    if first.is_lowercase() || !ends_with_terminal(before) {
        return true;
    }
    let original = last_word(before);
    let word = original.to_lowercase();
    if TITLES.contains(&word.as_str()) || is_initial(original) && !starts_with_opener(next) {
        return true;
    }
    if BEFORE_NUMBER.contains(&word.as_str()) {
        return first.is_ascii_digit();
    }
    if CLOCK.contains(&word.as_str()) {
        let next_word = first_word(next);
        let next_word = next_word.as_str();
        return TIME_ZONES.contains(&next_word) || is_weekday(next_word) || is_month(next_word);
    }
    AMBIGUOUS.contains(&word.as_str()) && !starts_with_opener(next)
}

/// True when `s` ends with `.`, `!`, `?` or `…`, possibly followed by
/// closing quotes, brackets or emphasis markup.
fn ends_with_terminal(s: &str) -> bool {
    let core = s.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '*', '_']);
    core.ends_with(['.', '!', '?', '…', '。', '！', '？', '؟', '।'])
}

/// The last word of `s`, without leading quotes, brackets or
/// markup. Looks at most 32 bytes back, enough for any abbreviation, so a
/// long run with no space costs nothing.
fn last_word(s: &str) -> &str {
    let mut from = s.len().saturating_sub(32);
    while !s.is_char_boundary(from) {
        from += 1;
    }
    let tail = &s[from..];
    let word = tail.rsplit(char::is_whitespace).next().unwrap_or(tail);
    word.trim_start_matches(|c: char| !c.is_alphanumeric())
}

/// A single capital with a period: the initial of a name ("John F. Kennedy").
/// "Plan B. Then …" is the price: the next word must not be a common opener.
/// Places written as dotted initials, which end sentences ("in Washington
/// D.C. Image: …") where a person's initials do not.
const DOTTED_PLACES: &[&str] = &[
    "d.c.", "l.a.", "n.y.", "n.j.", "n.c.", "s.c.", "n.h.", "s.f.",
];

/// A name's initials: one to three capitals, each with its dot ("G.",
/// "E.J.", "J.R.R."), after which a name goes on ("Hynix CEO E.J. Woo");
/// not the initials of a place ([`DOTTED_PLACES`]; "U.S." and its like
/// are [`AMBIGUOUS`]).
fn is_initial(word: &str) -> bool {
    if DOTTED_PLACES.contains(&word.to_lowercase().as_str()) {
        return false;
    }
    let mut chars = word.chars();
    let mut letters = 0;
    loop {
        match (chars.next(), chars.next()) {
            (Some(c), Some('.')) if c.is_uppercase() => letters += 1,
            (None, _) => return (1..=3).contains(&letters),
            _ => return false,
        }
    }
}

fn starts_with_opener(next: &str) -> bool {
    OPENERS.contains(&first_word(next).as_str())
}

/// The first word of `next`, lowercased, at most 16 characters.
fn first_word(next: &str) -> String {
    next.chars()
        .skip_while(|c| !c.is_alphanumeric())
        .take_while(|c| c.is_alphanumeric())
        .take(16)
        .collect::<String>()
        .to_lowercase()
}

/// Length of a `*`/`_` run that opens `piece`, directly follows text in
/// `before`, and is followed by whitespace: it closes the previous sentence.
fn closing_markup(piece: &str, before: &str) -> usize {
    let run = piece
        .bytes()
        .take_while(|&b| b == b'*' || b == b'_')
        .count();
    let glued = before
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    let then_space = piece[run..].chars().next().is_none_or(char::is_whitespace);
    if run > 0 && glued && then_space {
        run
    } else {
        0
    }
}

/// Narrows `[start, end)` to exclude surrounding whitespace.
fn trim(text: &str, start: usize, end: usize) -> Span {
    let slice = &text[start..end];
    let lead = slice.len() - slice.trim_start().len();
    Span::new(start + lead, start + slice.trim_end().len().max(lead))
}

/// Pushes `span` onto `out`, cut into pieces of at most [`MAX_SENTENCE_BYTES`].
fn cut_long(text: &str, span: Span, out: &mut Vec<Span>) {
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let (end, next) = match window.rfind(char::is_whitespace) {
            Some(at) if at > 0 => {
                let width = window[at..].chars().next().map_or(1, char::len_utf8);
                (start + at, start + at + width)
            }
            _ => (limit, limit),
        };
        let piece = trim(text, start, end);
        if !piece.is_empty() {
            out.push(piece);
        }
        start = trim(text, next, span.end).start;
    }
    if start < span.end {
        out.push(trim(text, start, span.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        split_sentences(s, Span::new(0, s.len()))
            .into_iter()
            .map(|span| span.slice(s))
            .collect()
    }

    #[test]
    fn titles_and_country_abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Smith met U.S. officials. They left."),
            ["Mr. Smith met U.S. officials.", "They left."]
        );
        assert_eq!(
            split("Dr. Jones and Gen. Lee spoke. Then Sen. Ray."),
            ["Dr. Jones and Gen. Lee spoke.", "Then Sen. Ray."]
        );
        assert_eq!(
            split("The U.S. Army left. Then U.N. Secretary-General spoke."),
            ["The U.S. Army left.", "Then U.N. Secretary-General spoke."]
        );
        assert_eq!(
            split("He moved to the U.S. The next day he left."),
            ["He moved to the U.S.", "The next day he left."]
        );
    }

    #[test]
    fn latin_and_company_abbreviations() {
        assert_eq!(
            split("Fruit, e.g. Apples, is good. Yes."),
            ["Fruit, e.g. Apples, is good.", "Yes."]
        );
        assert_eq!(
            split("Apples, pears, etc. are sold. Fine."),
            ["Apples, pears, etc. are sold.", "Fine."]
        );
        assert_eq!(
            split("Acme Inc. Chief Jo Bo quit. Sad."),
            ["Acme Inc. Chief Jo Bo quit.", "Sad."]
        );
        assert_eq!(
            split("It was Russia vs. Ukraine. Done."),
            ["It was Russia vs. Ukraine.", "Done."]
        );
    }

    #[test]
    fn numbers_months_and_times() {
        assert_eq!(
            split("It rose 2.5 percent. Then fell."),
            ["It rose 2.5 percent.", "Then fell."]
        );
        assert_eq!(
            split("He is No. 5 Downing's guest. Ok."),
            ["He is No. 5 Downing's guest.", "Ok."]
        );
        assert_eq!(
            split("On Aug. 15 Kabul fell. Then more."),
            ["On Aug. 15 Kabul fell.", "Then more."]
        );
        assert_eq!(
            split("At 5 p.m. local time it ended. Then."),
            ["At 5 p.m. local time it ended.", "Then."]
        );
        assert_eq!(
            split("Item 3.1 applies. Yes."),
            ["Item 3.1 applies.", "Yes."]
        );
    }

    #[test]
    fn a_clock_time_goes_on_into_its_day_or_zone() {
        assert_eq!(
            split("It began at 10:30 a.m. Monday in Troy. Police came."),
            ["It began at 10:30 a.m. Monday in Troy.", "Police came."]
        );
        assert_eq!(
            split("Polls close at 8 p.m. ET on Tuesday. Results follow."),
            ["Polls close at 8 p.m. ET on Tuesday.", "Results follow."]
        );
        // Month abbreviations too ("6 p.m. Sept. 7", from msrp dev).
        assert_eq!(
            split("Voting runs from 1 to 6 p.m. Sept. 7. Results follow."),
            ["Voting runs from 1 to 6 p.m. Sept. 7.", "Results follow."]
        );
        // Any other capital after the time still starts a sentence.
        assert_eq!(
            split("It ended at 5 p.m. Police left."),
            ["It ended at 5 p.m.", "Police left."]
        );
    }

    #[test]
    fn question_mark_glued_to_a_number_is_no_sentence_end() {
        // Regression: the corpus's lost euro sign, "?110 billion", was cut
        // into two sentences.
        assert_eq!(
            split("Losses reached ?110 billion last year. Then more."),
            ["Losses reached ?110 billion last year.", "Then more."]
        );
        assert_eq!(split("Why? Nobody knows."), ["Why?", "Nobody knows."]);
    }

    #[test]
    fn initials_do_not_end_sentences() {
        assert_eq!(
            split("John F. Kennedy spoke. Then J. R. R. Tolkien wrote."),
            ["John F. Kennedy spoke.", "Then J. R. R. Tolkien wrote."]
        );
        // Initials written together: the name goes on.
        assert_eq!(
            split("Hynix CEO E.J. Woo condemned it. J.P. Morgan agreed."),
            ["Hynix CEO E.J. Woo condemned it.", "J.P. Morgan agreed."]
        );
        // A place's initials still end a sentence.
        assert_eq!(
            split("He moved to Washington D.C. Police said so."),
            ["He moved to Washington D.C.", "Police said so."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            split("\"We left the sentence.\" Putin said so."),
            ["\"We left the sentence.\"", "Putin said so."]
        );
        assert_eq!(
            split("\"Why?\" he asked. \"Go!\" she said."),
            ["\"Why?\" he asked.", "\"Go!\" she said."]
        );
        assert_eq!(
            split("\"They are refugees,\" Putin said. Ok."),
            ["\"They are refugees,\" Putin said.", "Ok."]
        );
        assert_eq!(
            split("He said “we will see.” Then left."),
            ["He said “we will see.”", "Then left."]
        );
    }

    #[test]
    fn line_breaks_end_sentences_only_after_punctuation() {
        assert_eq!(
            split("one line\nand another\nThird Line. Done.\nNext"),
            ["one line\nand another\nThird Line.", "Done.", "Next"]
        );
        assert_eq!(split("First.\r\nSecond."), ["First.", "Second."]);
    }

    #[test]
    fn markup_stays_inside_the_span() {
        assert_eq!(split("*Italic sentence.*"), ["*Italic sentence.*"]);
        assert_eq!(
            split("**Bold one.** Plain two."),
            ["**Bold one.**", "Plain two."]
        );
        assert_eq!(split("* . *"), ["* . *"]);
    }

    #[test]
    fn long_text_without_punctuation_is_cut_under_the_limit() {
        let s = "word ".repeat(2000);
        let spans = split_sentences(&s, Span::new(0, s.len()));
        assert!(spans.len() > 5);
        for span in &spans {
            assert!(span.len() <= MAX_SENTENCE_BYTES);
            assert!(span.slice(&s).starts_with("word") && span.slice(&s).ends_with("word"));
        }
        let s = "é".repeat(3000);
        let spans = split_sentences(&s, Span::new(0, s.len()));
        assert!(spans.iter().all(|span| span.len() <= MAX_SENTENCE_BYTES));
        assert_eq!(spans.iter().map(Span::len).sum::<usize>(), s.len());
    }
}
