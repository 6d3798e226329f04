//! [`Document`] → [`Document`] with the claims of every body sentence
//! filled in: attributions, numbers, dates and entities.
//!
//! Each sentence is read from the original text (`doc.text[span]`) so that
//! every claim span is an exact byte range of the input; Markdown emphasis
//! is skipped by the tokenizer. The tokens of every sentence (headlines and
//! captions too) and the document's vocabulary are kept in the Document,
//! so that later stages read words without splitting the text again. Sentences are processed independently, then
//! two document passes run in reading order: pronoun speakers take the key
//! of the last speaker of their kind, and entity mentions share keys
//! (family names, acronyms). Everything is linear in the text length: the
//! look-arounds are bounded by a constant number of tokens.

mod attribution;
mod credits;
mod cues;
mod dates;
mod entities;

mod context;
mod numbers;
mod quotations;
mod resolve;
mod speakers;
mod units;

#[cfg(test)]
mod tests;

/// The name tables, which the comparison reads the other report's text by.
pub(crate) use crate::lexicon::demonyms::{alias, demonym, is_country, is_state};
pub(crate) use numbers::is_number_word;
pub(crate) use units::{measure, spelled_unit};

use crate::model::{Claim, Document, Span};
use crate::text::tokenize;
use crate::text::vocabulary::{Token, Tokens, Vocabulary};
use context::Ctx;
use rustc_hash::FxHashSet;

/// The tokens of a text outside any document (a test sentence, an
/// evaluation pair), with its words learnt in `vocabulary`: the same
/// tokens `extract` gives a sentence of that text.
pub fn tokens_of_text(text: &str, vocabulary: &mut Vocabulary) -> Vec<Token> {
    tokenize::tokenize_with_links(text)
        .iter()
        .map(|t| tokenize::token_of(vocabulary, t))
        .collect()
}

/// Returns a copy of `doc` whose body sentences (paragraphs and headings)
/// carry their claims, ordered by where they start. Metadata sentences
/// (title, byline, dateline, caption, boilerplate) get none.
pub fn extract(doc: &Document) -> Document {
    extract_owned(doc.clone())
}

/// [`extract`], filling in `doc` itself rather than a copy.
pub fn extract_owned(doc: Document) -> Document {
    let mut out = doc;
    // The text is read while the sentences are filled in: it is taken out
    // for this pass and put back for the document passes.
    let text = std::mem::take(&mut out.text);
    let count = out.sentences.len();
    let mut kinds = Vec::with_capacity(count);
    let mut entity_candidates = Vec::new();
    let mut quotes = Vec::with_capacity(count);
    // Every sentence's words, headlines and captions too: the later
    // stages read these tokens rather than the text.
    let mut vocabulary = Vocabulary::default();
    let mut sentence_tokens = Tokens::with_capacity(text.len() / 5 + 16);
    for (index, sentence) in out.sentences.iter_mut().enumerate() {
        sentence.claims.clear();
        let text = text.get(sentence.span.start..sentence.span.end);
        let (Some(text), true) = (text, sentence.kind.is_body()) else {
            let toks = text.map(tokenize::tokenize_with_links).unwrap_or_default();
            sentence_tokens
                .push_sentence(toks.iter().map(|t| tokenize::token_of(&mut vocabulary, t)));
            kinds.push(Vec::new());
            quotes.push(None);
            continue;
        };
        let toks = tokenize::tokenize_with_links(text);
        sentence_tokens.push_sentence(toks.iter().map(|t| tokenize::token_of(&mut vocabulary, t)));
        let ctx = Ctx::of_tokens(text, sentence.span.start, tokenize::without_links(toks));
        let mut taken = vec![false; ctx.toks.len()];
        let found = attribution::find(&ctx);
        kinds.push(found.iter().map(|(_, kind)| *kind).collect());
        quotes.push(Some(quotations::SentenceQuotes::of(
            &ctx,
            !found.is_empty(),
        )));
        let dates = dates::find(&ctx, &mut taken);
        let numbers = numbers::find(&ctx, &mut taken);
        // Sized exactly, here and for the entities below: a text of short
        // sentences has one claim buffer per sentence, and growing each
        // from empty would leave room for four claims where one is used.
        sentence.claims = Vec::with_capacity(found.len() + dates.len() + numbers.len());
        sentence.claims.extend(
            found
                .into_iter()
                .map(|(a, _)| Claim::Attribution(Box::new(a))),
        );
        sentence.claims.extend(dates.into_iter().map(Claim::Date));
        sentence
            .claims
            .extend(numbers.into_iter().map(|n| Claim::Number(Box::new(n))));
        entities::find(&ctx, &taken, index, &mut entity_candidates);
    }
    out.text = text;
    sentence_tokens.shrink_to_fit();
    vocabulary.shrink_to_fit();
    out.vocabulary = vocabulary;
    out.tokens = sentence_tokens;
    resolve::resolve(&mut out, &kinds, &quotes);
    // People the document quotes: "Zamir Kabulov" keys as "kabulov" even
    // when the short form never appears alone, matching his speaker key.
    let people: FxHashSet<String> = out
        .sentences
        .iter()
        .zip(&kinds)
        .flat_map(|(s, k)| s.attributions().zip(k))
        .filter(|(_, kind)| **kind == speakers::SpeakerKind::Person)
        .filter_map(|(a, _)| a.speaker_key.clone())
        .collect();
    // The first pass's records are read: freed before the entities are keyed.
    drop((kinds, quotes));
    let mut entities = entities::unify(entity_candidates, &people).into_iter();
    for (index, sentence) in out.sentences.iter_mut().enumerate() {
        let mine = entities
            .as_slice()
            .iter()
            .take_while(|c| c.sentence == index)
            .count();
        sentence.claims.reserve_exact(mine);
        sentence
            .claims
            .extend(entities.by_ref().take(mine).map(|c| Claim::Entity(c.claim)));
        // Stable, so attributions keep their cue order on ties.
        sentence.claims.sort_by_key(|c| position(c).start);
    }
    out
}

/// True when `sentence` (its text in `doc`) carries a credit that none of
/// its attributions stands for: a reporting verb whose speaker was not
/// found, a hedge ("reportedly", "were said to"), or a speech tag with a
/// verb the lexicon lacks. A comparison must not call the credit missing
/// from a sentence like that.
pub fn has_unread_credit(doc: &Document, sentence: &crate::model::Sentence) -> bool {
    let Some(ctx) = Ctx::of_document(doc, sentence) else {
        return false;
    };
    let attributed: Vec<Span> = sentence.attributions().map(|a| a.cue_span).collect();
    credits::unread_credit(&ctx, &attributed)
}

/// The reporting hedge of `sentence`, as written ("reportedly",
/// "allegedly", or a passive credit with no source: "said to", "believed
/// to", "understood that"), with the text of the sentence after it (what
/// it hedges).
pub fn hedge(doc: &Document, sentence: &crate::model::Sentence) -> Option<(String, String)> {
    let ctx = Ctx::of_document(doc, sentence)?;
    credits::hedge(&ctx).map(|(h, rest)| (h.to_string(), rest.to_string()))
}

/// Where a claim sits: an attribution by its cue, the others by their text.
fn position(claim: &Claim) -> Span {
    match claim {
        Claim::Attribution(a) => a.cue_span,
        Claim::Number(n) => n.span,
        Claim::Entity(e) => e.span,
        Claim::Date(d) => d.span,
    }
}
