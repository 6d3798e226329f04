//! A sentence's extraction context: its tokens (from [`crate::text::tokenize`])
//! and the quotation spans among them. Every extractor works on these.

use crate::model::{Document, Sentence, Span};
#[cfg(test)]
use crate::text::tokenize::tokenize;
use crate::text::tokenize::Tok;
use std::borrow::Cow;

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

/// The closer of a TeX-style quotation (two apostrophes), which no single
/// character is.
const TEX_CLOSE: char = '\u{0}';

/// Finds quotations: straight `"…"`, curly `“…”`, guillemets `«…»`, TeX
/// style ``` ``…'' ``` (two backticks, two apostrophes), and
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
        let doubled = |mark: char| {
            toks.get(k + 1)
                .is_some_and(|n| n.text.starts_with(mark) && !n.space_before)
        };
        match open {
            // TeX style, as tokenised corpora write quotes: ``…''.
            Some((o, TEX_CLOSE)) if c == '\'' && doubled('\'') => {
                mark(&mut inside, o + 1, k, quotes.len());
                quotes.push(QuoteSpan {
                    open: Some(o),
                    close: Some(k + 1),
                    content: (toks[o].end, t.start),
                });
                open = None;
            }
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
                if c == '`' && doubled('`') {
                    open = Some((k + 1, TEX_CLOSE));
                    continue;
                }
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
