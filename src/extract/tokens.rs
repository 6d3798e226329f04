//! Sentence text → word and punctuation tokens with byte offsets, plus the
//! quotation spans of the sentence. Every other extractor works on these.

use crate::model::{Document, Sentence, Span};
use crate::text::normalize::fold;
use crate::text::segment::{is_escape, word_bounds};
use crate::text::vocabulary::{Token, Vocabulary};
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
    pub(super) fn is(&self, c: char) -> bool {
        !self.word && self.text.starts_with(c)
    }

    /// True for a word whose folded form is `w`.
    pub(super) fn is_word(&self, w: &str) -> bool {
        self.word && self.folded == w
    }

    /// End of the token without a possessive `'s` / `’s`, so an entity span
    /// covers "Kremlin" in "Kremlin's".
    pub(super) fn name_end(&self) -> usize {
        for suffix in ["'s", "\u{2019}s"] {
            if self.text.len() > suffix.len() && self.text.ends_with(suffix) {
                return self.end - suffix.len();
            }
        }
        self.end
    }

    /// True when the word carries a possessive `'s`.
    pub(super) fn possessive(&self) -> bool {
        self.word && self.name_end() != self.end
    }

    /// True for acronyms: at least two letters, all uppercase ("IS", "U.S").
    pub(super) fn acronym(&self) -> bool {
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
/// (The document keeps these tokens: see [`Ctx::of_document`].)
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

/// A quotation inside one sentence, by token indices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct QuoteSpan {
    /// Index of the opening mark, `None` when the quote was opened before
    /// this sentence.
    pub open: Option<usize>,
    /// Index of the closing mark, `None` when it runs past the sentence.
    pub close: Option<usize>,
    /// Byte range of the words between the marks (relative).
    pub content: (usize, usize),
}

/// Finds quotations: straight `"…"`, curly `“…”`, guillemets `«…»`, and
/// single `‘…’` or `'…'` when the opening mark starts a word. Single marks
/// are not used otherwise, because they double as apostrophes.
/// Returns the quotes and, for each token, the quote it sits in (marks
/// excluded).
pub(crate) fn find_quotes(text: &str, toks: &[Tok<'_>]) -> (Vec<QuoteSpan>, Vec<Option<usize>>) {
    let mut quotes: Vec<QuoteSpan> = Vec::new();
    let mut inside = vec![None; toks.len()];
    // (index of the opening mark, the mark that closes it)
    let mut open: Option<(usize, char)> = None;
    for (k, t) in toks.iter().enumerate() {
        if t.word {
            continue;
        }
        let c = t.text.chars().next().unwrap_or(' ');
        match open {
            Some((o, closer)) if c == closer || (closer == '\u{201d}' && c == '"') => {
                mark(&mut inside, o + 1, k, quotes.len());
                quotes.push(QuoteSpan {
                    open: Some(o),
                    close: Some(k),
                    content: (toks[o].end, t.start),
                });
                open = None;
            }
            Some(_) => {}
            None => {
                let closer = match c {
                    // A straight mark glued to the word or comma before it
                    // and followed by a space closes a quote that began in
                    // an earlier sentence (`…overdose," Ms Smith said.`):
                    // an opening mark is glued to the word after it instead.
                    '"' if quotes.is_empty() && closes_earlier_quote(toks, k) => {
                        record_earlier_quote(&mut inside, &mut quotes, k, t.start);
                        continue;
                    }
                    '"' => '"',
                    '\u{201c}' | '\u{201e}' => '\u{201d}',
                    '\u{ab}' => '\u{bb}',
                    '\u{2018}' if t.space_before => '\u{2019}',
                    // A straight single mark opens a quote only at a word
                    // start, glued to a letter ("said 'thank you'"); inside
                    // a word it is an apostrophe ("don't", "'90s").
                    '\'' if opens_single(toks, k) => '\'',
                    // A closing curly mark with nothing open: the quote
                    // began in an earlier sentence.
                    '\u{201d}' | '\u{bb}' if quotes.is_empty() => {
                        record_earlier_quote(&mut inside, &mut quotes, k, t.start);
                        continue;
                    }
                    _ => continue,
                };
                open = Some((k, closer));
            }
        }
    }
    if let Some((o, closer)) = open {
        // A single quote never closed was an apostrophe after all.
        if closer != '\u{2019}' && closer != '\'' {
            let end = text.trim_end().len().max(toks[o].end);
            mark(&mut inside, o + 1, toks.len(), quotes.len());
            quotes.push(QuoteSpan {
                open: Some(o),
                close: None,
                content: (toks[o].end, end),
            });
        }
    }
    (quotes, inside)
}

/// True when the straight `'` at `k` can open a quotation: at the start or
/// after a space, and glued to a word that starts with a letter.
fn opens_single(toks: &[Tok<'_>], k: usize) -> bool {
    toks[k].space_before
        && toks
            .get(k + 1)
            .is_some_and(|n| n.word && !n.space_before && n.text.starts_with(char::is_alphabetic))
}

/// True when the straight `"` at `k` has no space before it, follows a word
/// or sentence punctuation, and is followed by a space or the end.
fn closes_earlier_quote(toks: &[Tok<'_>], k: usize) -> bool {
    let Some(prev) = k.checked_sub(1).map(|p| &toks[p]) else {
        return false;
    };
    let glued_after = !toks[k].space_before
        && (prev.word || matches!(prev.text, "," | "." | "?" | "!" | ";" | "\u{2026}"));
    let free_before = toks
        .get(k + 1)
        .is_none_or(|n| n.space_before || matches!(n.text, "," | "." | ";" | ":" | ")"));
    glued_after && free_before
}

/// Marks tokens `from..to` as inside quote number `q`.
/// Records a quote that opened in an earlier sentence and closes at token
/// `k`: everything before it is quoted.
fn record_earlier_quote(
    inside: &mut [Option<usize>],
    quotes: &mut Vec<QuoteSpan>,
    k: usize,
    end: usize,
) {
    mark(inside, 0, k, quotes.len());
    quotes.push(QuoteSpan {
        open: None,
        close: Some(k),
        content: (0, end),
    });
}

fn mark(inside: &mut [Option<usize>], from: usize, to: usize, q: usize) {
    for slot in inside.iter_mut().take(to).skip(from) {
        *slot = Some(q);
    }
}

/// One sentence ready for the extractors: its text, where it sits in the
/// document, its tokens and its quotations.
pub(crate) struct Ctx<'a> {
    /// The sentence as in the document (markup included).
    pub text: &'a str,
    /// Byte offset of `text` in the document.
    pub base: usize,
    /// Tokens of `text`.
    pub toks: Vec<Tok<'a>>,
    /// Quotations of `text`.
    pub quotes: Vec<QuoteSpan>,
    /// For each token, the quotation it sits in.
    pub in_quote: Vec<Option<usize>>,
}

impl<'a> Ctx<'a> {
    /// Tokenizes `text`, found at `base` in the document.
    #[cfg(test)]
    pub(crate) fn new(text: &'a str, base: usize) -> Ctx<'a> {
        Ctx::of_tokens(text, base, tokenize(text))
    }

    /// The context of `text`, found at `base`, given its [`tokenize`]d
    /// tokens.
    pub(super) fn of_tokens(text: &'a str, base: usize, toks: Vec<Tok<'a>>) -> Ctx<'a> {
        let (quotes, in_quote) = find_quotes(text, &toks);
        Ctx {
            text,
            base,
            toks,
            quotes,
            in_quote,
        }
    }

    /// The context of a sentence of an extracted document, from the
    /// tokens and vocabulary the document keeps: the tokens [`Ctx::new`]
    /// would find, without splitting and folding the text again.
    pub(super) fn of_document(doc: &'a Document, sentence: &Sentence) -> Option<Ctx<'a>> {
        let text = doc.text.get(sentence.span.start..sentence.span.end)?;
        let vocabulary = &doc.vocabulary;
        let toks = doc
            .tokens_of(sentence.index)
            .iter()
            .filter(|t| !t.is_link())
            .map(|&t| {
                let (start, end) = (t.start(), t.end(vocabulary));
                let written = text.get(start..end).unwrap_or_default();
                let word = t.word_id().map(|id| vocabulary.word(id));
                Tok {
                    start,
                    end,
                    text: written,
                    folded: Cow::Borrowed(word.map_or(written, |w| &*w.folded)),
                    word: word.is_some(),
                    cap: word.is_some_and(|w| w.is_capitalised()),
                    space_before: t.space_before(),
                    link: false,
                }
            })
            .collect();
        Some(Ctx::of_tokens(text, sentence.span.start, toks))
    }

    /// A context with the text only, for work that needs no tokens.
    pub(super) fn untokenized(text: &'a str, base: usize) -> Ctx<'a> {
        Ctx {
            text,
            base,
            toks: Vec::new(),
            quotes: Vec::new(),
            in_quote: Vec::new(),
        }
    }

    /// Absolute span of the relative byte range `start..end`.
    pub(super) fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.base + start, self.base + end.max(start))
    }

    /// Absolute span of tokens `from..to` (`to` exclusive, `from < to`).
    pub(super) fn tok_span(&self, from: usize, to: usize) -> Span {
        self.span(self.toks[from].start, self.toks[to - 1].end)
    }

    /// The text of tokens `from..to` as written.
    pub(super) fn tok_text(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.toks[from].start..self.toks[to - 1].end]
    }

    /// The folded word at `k`, or "" past the end or for punctuation.
    pub(super) fn word(&self, k: usize) -> &str {
        match self.toks.get(k) {
            Some(t) if t.word => &t.folded,
            _ => "",
        }
    }

    /// True when token `k` starts a clause: the sentence start, or right
    /// after an opening quote, a colon or a parenthesis.
    pub(super) fn clause_initial(&self, k: usize) -> bool {
        k == 0
            || self.toks[k - 1].text.starts_with([
                '"', '\u{201c}', '\u{ab}', '\u{2018}', '\'', ':', '(', '[', '#',
            ])
    }
}

#[cfg(test)]
mod document_tests {
    use super::*;

    #[test]
    fn a_documents_tokens_give_the_context_the_text_gives() {
        let text = "By AFP\n\n\"We _will_ fight,\" Ms O\u{2019}Neill said at https://x.org/a1, “Café” 2,000.";
        let doc = crate::analyse("t", text);
        for sentence in &doc.sentences {
            let raw = &doc.text[sentence.span.start..sentence.span.end];
            let fresh = Ctx::new(raw, sentence.span.start);
            let kept = Ctx::of_document(&doc, sentence).expect("a context");
            let view = |c: &Ctx<'_>| -> Vec<(usize, usize, String, String, bool, bool, bool)> {
                c.toks
                    .iter()
                    .map(|t| {
                        (
                            t.start,
                            t.end,
                            t.text.to_string(),
                            t.folded.to_string(),
                            t.word,
                            t.cap,
                            t.space_before,
                        )
                    })
                    .collect()
            };
            assert_eq!(view(&fresh), view(&kept));
            assert_eq!(fresh.quotes, kept.quotes);
        }
    }
}
