//! Credits no attribution stands for: reporting verbs whose speaker was
//! not found, hedges ("reportedly", "were said to") and speech tags with
//! verbs the lexicon lacks. The comparison reads them so that it never
//! calls a credit missing from a sentence that words it otherwise.

use super::attribution::{not_reporting, noun_use, passive_auxiliary};
use super::context::Ctx;
use super::cues::match_at;
use crate::lexicon::cues::is_cue_word;

/// Cues that often name an act rather than a report ("police found the
/// car", "she wrote a blog", "asked for help"): a missed credit is not
/// assumed from them.
const ACT_CUES: &[&str] = &[
    "find",
    "show",
    "conclude",
    "describe",
    "accuse",
    "urge",
    "promise",
    "pledge",
    "vow",
    "threaten",
    "recommend",
    "ask",
    "reason",
    "suspect",
    "maintain",
    "signal",
    "hint",
    "write",
];

/// Verbs of saying the cue lexicon leaves out (they are rare, or loaded in
/// ways the cue comparison should not judge), which still credit a source.
const OTHER_CREDITS: &[&str] = &[
    "citing",
    "cited",
    "confided",
    "recounted",
    "quipped",
    "joked",
    "mused",
    "reflected",
];

/// True when the sentence holds a credit that none of its attributions
/// (their cues at `attributed`) stands for: a reporting verb whose speaker
/// was not found ("the software giant said"), a passive hedge ("were said
/// to"), an adverb hedge ("reportedly"), or a speech tag after a quote with
/// a verb the lexicon lacks ("…," she reflected.). Used to keep a credit
/// from being called dropped or added when the other side words it in a
/// way the extractor cannot read.
pub(crate) fn unread_credit(ctx: &Ctx<'_>, attributed: &[crate::model::Span]) -> bool {
    for k in 0..ctx.toks.len() {
        if ctx.in_quote[k].is_some() || !ctx.toks[k].word {
            continue;
        }
        if crate::lexicon::hedges::REPORTING.contains(&ctx.word(k))
            || OTHER_CREDITS.contains(&ctx.word(k))
            || introduces_quote(ctx, k)
        {
            return true;
        }
        let Some(cue) = match_at(ctx, k) else {
            continue;
        };
        if attributed.contains(&ctx.tok_span(cue.from, cue.to))
            || (ctx.word(k.wrapping_sub(1)) == "the" && cue.lemma == "say")
            || noun_use(ctx, cue)
        {
            continue;
        }
        // "were said to", "are being urged to", "it was found": a credit
        // with its source left out.
        if !cue.base && passive_auxiliary(ctx, cue.from) {
            return true;
        }
        // "took to Twitter to say:".
        let infinitive = cue.base && ctx.word(k.wrapping_sub(1)) == "to";
        // "The numbers show that …" reports, "police found the car" not.
        let reports_that = ctx.word(cue.to) == "that";
        let act = ACT_CUES.contains(&cue.lemma) && !reports_that;
        // A plural speaker's "say" is the base form: "Shoppers say that
        // …", and after the statement, "…, say the researchers."
        let inverted_tag = cue.from > 0
            && ctx.toks[cue.from - 1].is(',')
            && ctx.toks.get(cue.to).is_some_and(|t| {
                t.word && (t.cap || matches!(t.folded.as_ref(), "the" | "a" | "an"))
            });
        let plural = cue.base && (reports_that || inverted_tag);
        if act || (cue.base && cue.lemma != "according to" && !infinitive && !plural) {
            continue;
        }
        if !not_reporting(ctx, cue) {
            return true;
        }
    }
    ctx.quotes
        .iter()
        .filter_map(|q| q.close)
        .any(|c| speech_tag(ctx, c))
}

/// The reporting hedge of a sentence, if any: an adverb ("reportedly") or
/// a passive credit with its source left out ("were said to", "is believed
/// to", "it is understood that"), as written, and the text after it.
pub(crate) fn hedge<'a>(ctx: &Ctx<'a>) -> Option<(&'a str, &'a str)> {
    for k in 0..ctx.toks.len() {
        if ctx.in_quote[k].is_some() || !ctx.toks[k].word {
            continue;
        }
        let rest = |to: usize| ctx.text.get(ctx.toks[to - 1].end..).unwrap_or_default();
        if crate::lexicon::hedges::REPORTING.contains(&ctx.word(k)) {
            return Some((ctx.tok_text(k, k + 1), rest(k + 1)));
        }
        let passive = matches!(
            ctx.word(k),
            "said"
                | "reported"
                | "believed"
                | "thought"
                | "alleged"
                | "understood"
                | "rumoured"
                | "rumored"
        ) && (passive_auxiliary(ctx, k) || reduced_relative(ctx, k));
        if passive && matches!(ctx.word(k + 1), "to" | "that") {
            return Some((ctx.tok_text(k, k + 2), rest(k + 2)));
        }
    }
    None
}

/// True when the participle at `k` opens a relative clause with its "who
/// is" left out: "among those rumored to be Deep Throat", "a man believed
/// to be the gunman". After a pronoun or another function word the
/// participle is active ("he said to be careful").
fn reduced_relative(ctx: &Ctx<'_>, k: usize) -> bool {
    let Some(before) = k.checked_sub(1).filter(|&b| ctx.toks[b].word) else {
        return false;
    };
    let infinitive = ctx.word(k + 1) == "to" && matches!(ctx.word(k + 2), "be" | "have");
    ctx.word(before) == "those"
        || (infinitive
            && !ctx.toks[before].cap
            && !crate::text::normalize::is_stopword(ctx.word(before)))
}

/// The pronouns that open a speech tag or a quotation's introduction ("…,"
/// she reflected; He continued: "…"). Not "it": a thing speaks in no tag.
fn speaker_pronoun(folded: &str) -> bool {
    matches!(folded, "he" | "she" | "they" | "we" | "i")
}

/// True when the word at `k` introduces a quotation after a colon, with
/// its speaker before it: "She continued: \"Our research …\"" credits
/// her, whatever the verb.
fn introduces_quote(ctx: &Ctx<'_>, k: usize) -> bool {
    let w = ctx.word(k);
    let verb = !ctx.toks[k].cap && w.len() > 3 && (w.ends_with("ed") || w.ends_with('s'));
    let speaker = k.checked_sub(1).is_some_and(|p| {
        let t = &ctx.toks[p];
        t.word && (t.cap || speaker_pronoun(&t.folded))
    });
    let quote_after = ctx.toks.get(k + 1).is_some_and(|t| t.is(':'))
        && (ctx.in_quote.get(k + 2).is_some_and(Option::is_some)
            || ctx
                .toks
                .get(k + 2)
                .is_some_and(|t| t.text.starts_with(crate::lexicon::quotes::OPENING)));
    verb && speaker && quote_after
}

/// True when a short tag follows the quote closing at `close`: the quote
/// ends in punctuation, then an optional comma, one to four words opened
/// by a pronoun or a name and closed by a verb form ("…," she reflected.),
/// then the end or a comma. A nickname ("The Chin" Gigante) is no tag.
fn speech_tag(ctx: &Ctx<'_>, close: usize) -> bool {
    let spoken = close
        .checked_sub(1)
        .is_some_and(|p| matches!(ctx.toks[p].text, "," | "." | "?" | "!"));
    if !spoken {
        return false;
    }
    let mut j = close + 1;
    if ctx.toks.get(j).is_some_and(|t| t.is(',')) {
        j += 1;
    }
    let Some(first) = ctx.toks.get(j) else {
        return false;
    };
    let opens = first.word && (first.cap || speaker_pronoun(&first.folded));
    let words = ctx.toks[j..].iter().take_while(|t| t.word).count();
    let after = ctx.toks.get(j + words);
    let verb = |t: &crate::text::tokenize::Tok<'_>| {
        let w = &t.folded;
        w.ends_with("ed") || w.ends_with('s') || is_cue_word(w)
    };
    let short = (1..=4).contains(&words)
        && verb(&ctx.toks[j + words - 1])
        && after.is_none_or(|t| t.is('.') || t.is(',') || t.is('!') || t.is('?'));
    // "…," he confided to the crowd.
    let pronoun_verb =
        speaker_pronoun(&first.folded) && ctx.toks.get(j + 1).is_some_and(|t| t.word && verb(t));
    opens && (short || pronoun_verb)
}
