//! Sentence text → word and punctuation tokens with byte offsets: the one
//! tokenizer. `extract` reads these [`Tok`]s (through its context) and
//! stores each sentence's as compact [`Token`]s in the document, which
//! alignment, the word diff and the fact comparison then read.

use super::normalize::fold;
use super::segment::{is_escape, word_bounds};
use super::vocabulary::{Token, Vocabulary};
use std::borrow::Cow;

/// One word or one punctuation character of a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'a> {
    /// Byte offset of the first byte, relative to the sentence slice.
    pub start: usize,
    /// One past the last byte, relative to the sentence slice.
    pub end: usize,
    /// The token as written.
    pub text: &'a str,
    /// [`fold`]ed text (possessive `'s` removed) for words; the character for
    /// punctuation.
    pub folded: Cow<'a, str>,
    /// True for words (anything holding a letter or digit).
    pub word: bool,
    /// True when the first character is uppercase.
    pub cap: bool,
    /// True when whitespace (or the sentence start) comes right before.
    pub space_before: bool,
    /// True for the tokens of a bare URL or an autolink (`<http…>`): the
    /// reader sees them, no extractor does.
    pub link: bool,
}

impl Tok<'_> {
    /// True for a punctuation token that is exactly `c`.
    pub(crate) fn is(&self, c: char) -> bool {
        !self.word && self.text.starts_with(c)
    }

    /// True for a word whose folded form is `w`.
    pub(crate) fn is_word(&self, w: &str) -> bool {
        self.word && self.folded == w
    }

    /// End of the token without a possessive `'s` / `’s`, so an entity span
    /// covers "Kremlin" in "Kremlin's".
    pub(crate) fn name_end(&self) -> usize {
        for suffix in ["'s", "\u{2019}s"] {
            if self.text.len() > suffix.len() && self.text.ends_with(suffix) {
                return self.end - suffix.len();
            }
        }
        self.end
    }

    /// True when the word carries a possessive `'s`.
    pub(crate) fn possessive(&self) -> bool {
        self.word && self.name_end() != self.end
    }

    /// True for acronyms: at least two letters, all uppercase ("IS", "U.S").
    pub(crate) fn acronym(&self) -> bool {
        // Most words start lowercase: no need to look further.
        if !self.word || self.text.starts_with(char::is_lowercase) {
            return false;
        }
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        self.word
            && letters >= 2
            && self
                .text
                .chars()
                .all(|c| c.is_uppercase() || c == '.' || c.is_ascii_digit())
    }
}

/// Splits a sentence into tokens. Markdown emphasis (`*`, `_`) is dropped so
/// patterns see through it, and link targets (`[x](url)`, `<url>`, bare
/// `http://…`) are dropped so their digits and words are never claims.
/// (The document keeps these tokens: see `extract`'s context.)
#[cfg(test)]
pub(crate) fn tokenize(text: &str) -> Vec<Tok<'_>> {
    without_links(tokenize_with_links(text))
}

/// The tokens of [`tokenize`] and, marked [`Tok::link`], those of bare
/// URLs and autolinks: the words a reader sees (`[x](url)` shows `x`
/// only), as the document's tokens keep them.
pub(crate) fn tokenize_with_links(text: &str) -> Vec<Tok<'_>> {
    // News prose runs about six bytes a token: room for that up front
    // spares the vector's doubling steps on every sentence.
    let mut out: Vec<Tok> = Vec::with_capacity(text.len() / 6 + 4);
    let mut space = true;
    for (at, seg) in word_bounds(text) {
        if seg.chars().all(char::is_whitespace) {
            space = true;
            continue;
        }
        // Invisible on a terminal; its parameters are no number.
        if is_escape(seg) {
            continue;
        }
        if seg.chars().any(char::is_alphanumeric) {
            // `_` joins words under UAX#29; as Markdown it is emphasis.
            let trimmed_start = seg.trim_start_matches('_');
            let lead = seg.len() - trimmed_start.len();
            let word = trimmed_start.trim_end_matches('_');
            if word.is_empty() {
                continue;
            }
            out.push(Tok {
                start: at + lead,
                end: at + lead + word.len(),
                text: word,
                folded: fold_word(word),
                word: true,
                cap: word.chars().next().is_some_and(char::is_uppercase),
                space_before: space || lead > 0,
                link: false,
            });
        } else {
            for (off, c) in seg.char_indices() {
                if c == '*' || c == '_' {
                    continue;
                }
                let start = at + off;
                let end = start + c.len_utf8();
                out.push(Tok {
                    start,
                    end,
                    text: &text[start..end],
                    folded: Cow::Borrowed(&text[start..end]),
                    word: false,
                    cap: false,
                    space_before: space,
                    link: false,
                });
                space = false;
            }
        }
        space = false;
    }
    mark_links(out)
}

/// `toks` without the tokens marked [`Tok::link`].
pub(crate) fn without_links(mut toks: Vec<Tok<'_>>) -> Vec<Tok<'_>> {
    if toks.iter().any(|t| t.link) {
        toks.retain(|t| !t.link);
    }
    toks
}

/// The document token of `t`, its word learnt in `vocabulary`.
pub(crate) fn token_of(vocabulary: &mut Vocabulary, t: &Tok<'_>) -> Token {
    if t.word {
        let id = vocabulary.intern(t.text, &t.folded);
        Token::word(id, t.start, t.space_before).with_link(t.link)
    } else {
        let c = t.text.chars().next().unwrap_or(' ');
        Token::punctuation(c, t.start, t.space_before).with_link(t.link)
    }
}

/// [`fold`], with a fast path for the common case: an ASCII word with no
/// apostrophe folds to its lowercase (NFKD/NFKC and the possessive rule
/// change nothing there), without two Unicode normalisation passes.
/// Most words are already lowercase ASCII and are borrowed as they are.
fn fold_word(word: &str) -> Cow<'_, str> {
    if word.is_ascii() && !word.contains('\'') {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else {
        Cow::Owned(fold(word))
    }
}

/// Removes the tokens of link targets, and marks those of autolinks and
/// bare URLs.
fn mark_links<'a>(toks: Vec<Tok<'a>>) -> Vec<Tok<'a>> {
    let mark = |keep: &mut Vec<Tok<'a>>, from: usize, to: usize| {
        keep.extend(
            toks[from..to]
                .iter()
                .cloned()
                .map(|t| Tok { link: true, ..t }),
        );
    };
    let mut keep = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let next = toks.get(i + 1);
        // `](url)`: skip from `(` to the matching `)`.
        if t.is(']') && next.is_some_and(|n| n.is('(') && !n.space_before) {
            keep.push(toks[i].clone());
            i = skip_until(&toks, i + 2, |x| x.is(')')) + 1;
            continue;
        }
        // `<http…>` autolinks.
        if t.is('<') && next.is_some_and(|n| n.folded.starts_with("http")) {
            let end = (skip_until(&toks, i + 1, |x| x.is('>')) + 1).min(toks.len());
            mark(&mut keep, i, end);
            i = end;
            continue;
        }
        // Bare `http://…` runs to the next whitespace.
        if (t.is_word("http") || t.is_word("https")) && next.is_some_and(|n| n.is(':')) {
            let end = skip_until(&toks, i + 1, |x| x.space_before);
            mark(&mut keep, i, end);
            i = end;
            continue;
        }
        keep.push(toks[i].clone());
        i += 1;
    }
    keep
}

/// Index of the first token at or after `from` that satisfies `stop`, or the
/// token count.
fn skip_until(toks: &[Tok<'_>], from: usize, stop: impl Fn(&Tok<'_>) -> bool) -> usize {
    (from..toks.len())
        .find(|&k| stop(&toks[k]))
        .unwrap_or(toks.len())
}
