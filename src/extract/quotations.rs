//! Quotations that run over sentences and paragraphs: the document pass
//! that carries a credit from the sentence that opens or closes a
//! quotation to the sentences inside it.

use super::attribution::quote_of;
use super::context::{Ctx, QuoteSpan};
use crate::model::{Attribution, Claim, Document, Quote};

/// How a sentence takes part in a quotation that spans sentences.
#[derive(Clone, Copy, PartialEq)]
enum QuoteRole {
    /// No quotation mark.
    Plain,
    /// Opens a quotation it does not close: its last quote.
    Opens,
    /// Closes a quotation opened earlier (and opens none after).
    Closes,
    /// Closes an earlier quotation and opens another.
    ClosesAndOpens,
    /// Is one quotation from its first to its last word.
    Whole,
    /// Anything else (quotes opened and closed inside).
    Other,
}

fn quote_role(ctx: &Ctx<'_>) -> QuoteRole {
    let (Some(first), Some(last)) = (ctx.quotes.first(), ctx.quotes.last()) else {
        return QuoteRole::Plain;
    };
    let trailing = |k: usize| ctx.toks[k + 1..].iter().all(|t| !t.word);
    match (first.open, last.close) {
        (None, None) => QuoteRole::ClosesAndOpens,
        (None, Some(_)) => QuoteRole::Closes,
        (Some(0), Some(c)) if ctx.quotes.len() == 1 && trailing(c) => QuoteRole::Whole,
        (Some(_), None) => QuoteRole::Opens,
        _ => QuoteRole::Other,
    }
}

/// The quoted words of a sentence that belongs to a quotation spanning
/// sentences: after the opening mark, before the closing one, or all of it.
fn continued_quote(ctx: &Ctx<'_>, role: QuoteRole) -> Option<Quote> {
    let q = match role {
        QuoteRole::Plain => QuoteSpan {
            open: None,
            close: None,
            content: (0, ctx.text.len()),
        },
        QuoteRole::Opens => *ctx.quotes.last()?,
        QuoteRole::Closes | QuoteRole::Whole => *ctx.quotes.first()?,
        _ => return None,
    };
    let quote = quote_of(ctx, &q);
    (!quote.text.is_empty()).then_some(quote)
}

/// What the quotation pass needs of one body sentence, found by the first
/// pass while the sentence's tokens are at hand, so it is tokenized once.
pub(crate) struct SentenceQuotes {
    role: QuoteRole,
    /// The quoted words when the sentence is part of a quotation spanning
    /// sentences and has no attribution of its own (plain sentences: none).
    // Boxed, as `last`: one record is kept per body sentence until the
    // document pass, and few sentences have either.
    quote: Option<Box<Quote>>,
    /// Its last quotation, when it closes one quotation and opens another.
    last: Option<Box<Quote>>,
    /// True when its first token is an opening quotation mark.
    opens_at_start: bool,
}

impl SentenceQuotes {
    /// `attributed`: the sentence has an attribution of its own.
    pub(crate) fn of(ctx: &Ctx<'_>, attributed: bool) -> SentenceQuotes {
        let role = quote_role(ctx);
        let opens_at_start = ctx.quotes.first().is_some_and(|q| q.open == Some(0));
        if attributed {
            return SentenceQuotes {
                role,
                quote: None,
                last: None,
                opens_at_start,
            };
        }
        SentenceQuotes {
            role,
            quote: match role {
                QuoteRole::Plain => None,
                _ => continued_quote(ctx, role).map(Box::new),
            },
            last: match role {
                QuoteRole::ClosesAndOpens => ctx.quotes.last().map(|q| Box::new(quote_of(ctx, q))),
                _ => None,
            },
            opens_at_start,
        }
    }
}

/// Longest quotation, in sentences, that one attribution is carried over.
const MAX_QUOTE_SENTENCES: usize = 12;

/// True when sentence `i` starts a paragraph: a new block, or a new line
/// in a block whose paragraphs are lines (text with no blank lines).
fn starts_paragraph(doc: &Document, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| doc.sentences.get(p)) else {
        return true;
    };
    let Some(s) = doc.sentences.get(i) else {
        return true;
    };
    prev.block != s.block
        || doc
            .text
            .get(prev.span.end..s.span.start)
            .is_some_and(|gap| gap.contains('\n'))
}

/// Document pass: the sentences of a quotation spanning sentences that have
/// no cue of their own take the attribution of the sentence that opened or
/// closed it (`He said: "A.` / `B.` / `C."`, or `"A.` / `B," he said.`), and
/// a sentence that is one whole quotation takes the attribution of the
/// sentence before it (`…, she said.` / `"B."`). A quotation runs over
/// paragraphs the way news style writes it: each continuing paragraph opens
/// with a quotation mark, and one that does not ends the quotation. One
/// opened with no credit of its own, right after a sentence that quotes
/// somebody, is theirs. The copy keeps the cue and speaker (so they are not
/// counted twice) and gets the sentence's own quote as content. Linear:
/// each sentence is tokenized once and joins at most one run.
pub(crate) fn continue_quotes(doc: &mut Document, sentence_quotes: &[Option<SentenceQuotes>]) {
    // Sentences waiting for a speaker, with their quotes.
    let mut run: Vec<(usize, Quote)> = Vec::new();
    // The attributions carried over are read in place (`doc` is only read
    // until the copies are added at the end).
    let mut opener: Option<&Attribution> = None;
    let mut inside = false;
    // The last attribution, with only whole quotes after it.
    let mut previous: Option<(usize, &Attribution)> = None;
    let mut found: Vec<(usize, Attribution)> = Vec::new();
    let flush = |run: &mut Vec<(usize, Quote)>,
                 from: Option<&Attribution>,
                 found: &mut Vec<(usize, Attribution)>| {
        if let Some(a) = from {
            for (i, q) in run.drain(..) {
                let mut copy = a.clone();
                copy.content_span = Some(q.span);
                copy.quote = Some(q);
                copy.direct = true;
                found.push((i, copy));
            }
        }
        run.clear();
    };
    let read: &Document = doc;
    for (i, sentence) in read.sentences.iter().enumerate() {
        let text = read.text.get(sentence.span.start..sentence.span.end);
        let info = sentence_quotes.get(i).and_then(Option::as_ref);
        let (Some(text), true, Some(info)) = (text, sentence.kind.is_body(), info) else {
            flush(&mut run, opener, &mut found);
            (inside, opener, previous) = (false, None, None);
            continue;
        };
        let role = info.role;
        let own = sentence.attributions().next();
        let paragraph = starts_paragraph(read, i);
        // A plain sentence is quoted whole, but only inside a quotation:
        // its quote is made here, when needed, not for every sentence.
        let quote = match role {
            QuoteRole::Plain if inside && own.is_none() && !paragraph => {
                continued_quote(&Ctx::untokenized(text, sentence.span.start), role)
            }
            QuoteRole::Plain => None,
            _ => info.quote.as_deref().cloned(),
        };
        // A paragraph opening with a quotation mark while a quotation is
        // open continues it (the closing mark is left off before it).
        let continues = inside && paragraph && own.is_none() && info.opens_at_start;
        let mut taken = false;
        if inside {
            match role {
                QuoteRole::Plain if paragraph => {
                    flush(&mut run, opener, &mut found);
                    inside = false;
                }
                QuoteRole::Plain => run.extend(quote.clone().map(|q| (i, q))),
                QuoteRole::Closes | QuoteRole::ClosesAndOpens => {
                    run.extend(quote.clone().map(|q| (i, q)));
                    flush(&mut run, own.or(opener), &mut found);
                    inside = false;
                }
                QuoteRole::Opens if continues => {
                    run.extend(quote.clone().map(|q| (i, q)));
                    taken = true;
                }
                QuoteRole::Whole if continues => {
                    run.extend(quote.clone().map(|q| (i, q)));
                    flush(&mut run, opener, &mut found);
                    inside = false;
                    taken = true;
                }
                _ => {
                    flush(&mut run, opener, &mut found);
                    inside = false;
                }
            }
            if run.len() >= MAX_QUOTE_SENTENCES {
                flush(&mut run, opener, &mut found);
                inside = false;
            }
        }
        let just_before = previous.filter(|(at, _)| *at + 1 == i).map(|(_, a)| a);
        if taken {
        } else if !inside && matches!(role, QuoteRole::Opens | QuoteRole::ClosesAndOpens) {
            inside = true;
            opener = own;
            if own.is_none() {
                let opened = match role {
                    QuoteRole::Opens => quote,
                    _ => info.last.as_deref().cloned(),
                };
                run.extend(opened.map(|q| (i, q)));
                // Opened with no credit right after a quoting sentence.
                if role == QuoteRole::Opens && info.opens_at_start {
                    opener = just_before;
                }
            }
        } else if !inside && role == QuoteRole::Whole && own.is_none() {
            if let (Some((_, a)), Some(q)) = (previous, quote) {
                let mut copy = a.clone();
                copy.content_span = Some(q.span);
                copy.quote = Some(q);
                found.push((i, copy));
            }
        }
        match own {
            // News style quotes a speaker right after reporting them
            // ("X said that …" / "“…”"): an indirect credit counts too.
            Some(a) => previous = Some((i, a)),
            // A whole quote keeps the credit going for the next one.
            None if role == QuoteRole::Whole => {
                previous = previous.map(|(_, a)| (i, a));
            }
            None => previous = None,
        }
    }
    flush(&mut run, opener, &mut found);
    for (i, a) in found {
        if let Some(s) = doc.sentences.get_mut(i) {
            s.claims.push(Claim::Attribution(Box::new(a)));
        }
    }
}
