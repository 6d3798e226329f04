//! Sentence tokens → [`Attribution`]s: who said what, with which cue.
//!
//! Patterns, for a cue found by the [`lexicon`](super::lexicon):
//! - `"quote," X said` / `"quote," said X` → direct, content = the quote;
//! - `X said: "quote"`, `X said (that) "quote"`, `X made clear, "quote"` →
//!   direct;
//! - `X said (Friday) (that) clause` → indirect, content = the clause up to
//!   the next attribution of the sentence; a quote inside the clause makes
//!   it direct (mixed quotation), with that quote;
//! - `clause, X said (during …).` → indirect, content = the clause before;
//! - `according to X` → speaker after the cue, content on the other side;
//! - `…, but noted that …` → a cue with no subject of its own takes the
//!   speaker of the previous attribution of the sentence.
//!
//! A cue counts only next to a plausible speaker (see
//! [`speakers`](super::speakers)), and never inside a quotation.

use super::context::{Ctx, QuoteSpan};
use super::cues::{match_at, CueMatch};
use super::speakers::{self, SpeakerKind};
use crate::lexicon::quotes;
use crate::model::{Attribution, Quote};

/// Words that can follow a cue before its clause starts ("said on Friday
/// that", "confirmed Friday that").
fn skippable_after_cue(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    let w = t.folded.as_ref();
    (t.word && (super::dates::is_weekday(w) && t.cap))
        || (w == "on"
            && ctx
                .toks
                .get(k + 1)
                .is_some_and(|n| n.cap && super::dates::is_weekday(&n.folded)))
        || matches!(
            w,
            "today" | "yesterday" | "also" | "again" | "later" | "earlier" | ":" | ","
        )
        || (t.word && !t.cap && w.len() > 4 && w.ends_with("ly"))
}

/// Prepositions that start a trailing adverbial after a sentence-final cue
/// ("Putin said during a video conference").
const TRAILING: &[&str] = &[
    "inside",
    "outside",
    "near",
    "amid",
    "following",
    "during",
    "in",
    "at",
    "after",
    "before",
    "as",
    "while",
    "when",
    "on",
    "from",
    "via",
    "with",
    "referring",
    "adding",
    "citing",
    "according",
    "speaking",
    "without",
];

struct Pending {
    cue: CueMatch,
    speaker: Option<(usize, usize)>,
    /// Speaker after the cue: "said Putin", "according to X".
    inverted: bool,
    key: Option<String>,
    kind: SpeakerKind,
    /// Speaker taken from the previous attribution ("…, but noted").
    inherited: bool,
}

/// Finds the attributions of a sentence, each with its speaker's kind for
/// the document pass that resolves pronouns.
pub(crate) fn find(ctx: &Ctx<'_>) -> Vec<(Attribution, SpeakerKind)> {
    let n = ctx.toks.len();
    let mut pending: Vec<Pending> = Vec::new();
    let mut k = 0;
    while k < n {
        let t = &ctx.toks[k];
        let cue = match match_at(ctx, k) {
            Some(c) if ctx.in_quote[k].is_none() && (!t.cap || ctx.clause_initial(k)) => c,
            _ => {
                k += 1;
                continue;
            }
        };
        // "the said company"
        if ctx.word(k.wrapping_sub(1)) == "the" && cue.lemma == "say" {
            k += 1;
            continue;
        }
        if noun_use(ctx, cue) || not_reporting(ctx, cue) {
            k = cue.to;
            continue;
        }
        if let Some(p) = speaker_for(ctx, cue, pending.last()) {
            pending.push(p);
        }
        k = cue.to;
    }
    let mut out = Vec::with_capacity(pending.len());
    for (i, p) in pending.iter().enumerate() {
        // The clause of this cue ends where the next attribution begins.
        let limit = pending.get(i + 1).map_or(n, clause_start);
        let floor = i
            .checked_sub(1)
            .map_or(0, |j| pending[j].cue.to.max(speaker_end(&pending[j])));
        out.push((build(ctx, p, floor, limit), p.kind));
    }
    out
}

/// Cues whose `-s` form is also a plural noun ("Soviet states", "IS
/// claims", "news reports").
const NOUN_HOMOGRAPHS: &[&str] = &[
    "state", "claim", "report", "note", "comment", "estimate", "promise", "pledge", "vow",
    "signal", "hint", "reply", "remark", "warn", "reason", "suspect", "show", "find",
];

/// True for an `-s` form used as a noun: followed by punctuation, the end,
/// or a preposition, where the verb would take "that" or an object.
pub(super) fn noun_use(ctx: &Ctx<'_>, cue: CueMatch) -> bool {
    let t = &ctx.toks[cue.from];
    if cue.base || !t.folded.ends_with('s') || !NOUN_HOMOGRAPHS.contains(&cue.lemma) {
        return false;
    }
    // "he replies": a subject pronoun makes it a verb.
    if matches!(
        ctx.word(cue.from.wrapping_sub(1)),
        "he" | "she" | "it" | "who"
    ) {
        return false;
    }
    match ctx.toks.get(cue.to) {
        None => true,
        // "The agency notes, "…"": a verb introducing a quotation.
        Some(n)
            if (n.is(',') || n.is(':'))
                && ctx
                    .toks
                    .get(cue.to + 1)
                    .is_some_and(|q| q.text.starts_with(quotes::OPENING_DOUBLE)) =>
        {
            false
        }
        Some(n) => {
            !n.word
                || matches!(
                    n.folded.as_ref(),
                    "of" | "in"
                        | "on"
                        | "at"
                        | "from"
                        | "by"
                        | "with"
                        | "and"
                        | "or"
                        | "were"
                        | "are"
                        | "have"
                )
        }
    }
}

fn speaker_end(p: &Pending) -> usize {
    p.speaker.filter(|_| p.inverted).map_or(0, |s| s.1)
}

/// First token of an attribution's own words (its speaker or its cue).
fn clause_start(p: &Pending) -> usize {
    match p.speaker {
        Some((s, _)) if !p.inverted && !p.inherited && s < p.cue.from => s,
        _ => p.cue.from,
    }
}

fn speaker_for(ctx: &Ctx<'_>, cue: CueMatch, previous: Option<&Pending>) -> Option<Pending> {
    let make = |speaker: (usize, usize), inverted: bool| {
        let (key, kind) = speakers::key(ctx, speaker.0, speaker.1);
        Pending {
            cue,
            speaker: Some(speaker),
            inverted,
            key,
            kind,
            inherited: false,
        }
    };
    if cue.lemma == "according to" {
        return speakers::after(ctx, cue.to, true).map(|s| make(s, true));
    }
    // "the BBC Urdu service describing her experiences": an -ing form
    // reports only in a progressive ("people are asking").
    if ctx.word(cue.from).ends_with("ing") && !passive_auxiliary(ctx, cue.from) {
        return None;
    }
    if let Some(s) = speakers::before(ctx, cue.from, cue.base) {
        if comparative(ctx, s.0) {
            return None;
        }
        return research_fits(ctx, cue, s).then(|| make(speakers::with_title(ctx, s), false));
    }
    // British style "WHO say": an acronym takes a plural verb.
    if cue.base && cue.lemma == "say" {
        if let Some(s) = speakers::before(ctx, cue.from, false) {
            if s.1 == s.0 + 1 && ctx.toks[s.0].acronym() {
                return Some(make(s, false));
            }
        }
    }
    let prev = cue.from.checked_sub(1).map(|p| &ctx.toks[p]);
    // After "told" comes the listener, never the speaker ("told the
    // Guardian").
    let inverted = (break_before(prev) && !cue.base && cue.lemma != "tell")
        .then(|| speakers::after(ctx, cue.to, false))
        .flatten();
    // "…, died in prison, said prison spokesman Al Quintero.": a speaker
    // closing the sentence after the cue beats a subject far before it.
    if let Some(s) = inverted.filter(|s| !ctx.toks.get(s.1).is_some_and(|t| t.word)) {
        return Some(make(s, true));
    }
    if let Some(s) = speakers::before_appositive(ctx, cue.from, cue.base) {
        return research_fits(ctx, cue, s).then(|| make(s, false));
    }
    if let Some(s) = inverted {
        return Some(make(s, true));
    }
    // "…, but noted that …": the subject is the previous speaker's.
    if matches!(ctx.word(cue.from.wrapping_sub(1)), "and" | "but") {
        let p = previous?;
        return Some(Pending {
            cue,
            speaker: p.speaker,
            inverted: p.inverted,
            key: p.key.clone(),
            kind: p.kind,
            inherited: true,
        });
    }
    None
}

/// True when the speaker starting at `s` is the standard of a comparison,
/// not a source: "twice as many as people believed", "more than experts
/// expected".
fn comparative(ctx: &Ctx<'_>, s: usize) -> bool {
    match ctx.word(s.wrapping_sub(1)) {
        "than" => true,
        "as" => (s.saturating_sub(5)..s - 1).any(|j| matches!(ctx.word(j), "as" | "so" | "same")),
        _ => false,
    }
}

/// Cues that report only for research speakers ("the study found", "the
/// data show") or before a "that" clause; otherwise they name an act
/// ("police found the car", "he showed the photos").
const RESEARCH_CUES: &[&str] = &["find", "show", "conclude"];

fn research_fits(ctx: &Ctx<'_>, cue: CueMatch, speaker: (usize, usize)) -> bool {
    !RESEARCH_CUES.contains(&cue.lemma)
        || speakers::is_research_noun(ctx.word(speaker.1 - 1))
        || ctx.word(cue.to) == "that"
}

/// True when a form of "be" stands before token `k`, maybe with one adverb
/// between ("was initially denied").
pub(super) fn passive_auxiliary(ctx: &Ctx<'_>, k: usize) -> bool {
    let be = |j: usize| {
        matches!(
            ctx.word(j),
            "was" | "were" | "is" | "are" | "be" | "been" | "being"
        )
    };
    let adverb = |j: usize| ctx.word(j).len() > 4 && ctx.word(j).ends_with("ly");
    be(k.wrapping_sub(1)) || (adverb(k.wrapping_sub(1)) && be(k.wrapping_sub(2)))
}

/// True for a cue used in a sense that reports nothing: "asked the council
/// to help" (a request), "maintained a policy" (kept up).
pub(super) fn not_reporting(ctx: &Ctx<'_>, cue: CueMatch) -> bool {
    // Passive "the team was denied", "he was told", "King was asked what
    // she saw": the subject is not the speaker, whatever the verb.
    let passive = cue.to == cue.from + 1
        && !cue.base
        && passive_auxiliary(ctx, cue.from)
        && (ctx.word(cue.from).ends_with("ed")
            || matches!(
                ctx.word(cue.from),
                "said" | "told" | "shown" | "found" | "written"
            ));
    if passive {
        return true;
    }
    match cue.lemma {
        // "asked the council to help", "asks us for data": requests.
        // "asked the council to help", "asks us for data", "asked him
        // difficult questions": requests, not reports.
        "ask" => (cue.to..(cue.to + 8).min(ctx.toks.len()))
            .take_while(|&j| ctx.toks[j].word)
            .any(|j| {
                ctx.word(j) == "to"
                    || (j < cue.to + 4 && matches!(ctx.word(j), "for" | "questions" | "question"))
            }),
        // "vowed to make it a reality": an intention, no statement.
        "vow" | "pledge" | "promise" | "threaten" => ctx.word(cue.to) == "to",
        // "responded with ladder trucks", "replied to the letter": an
        // action, unless a quote gives what was said.
        "respond" | "reply" => {
            matches!(
                ctx.word(cue.to),
                "with" | "to" | "by" | "within" | "quickly"
            ) && ctx.quotes.is_empty()
        }
        // "think about it": no opinion reported.
        "think" => matches!(ctx.word(cue.to), "about" | "of"),
        // "The findings will add to the controversy".
        "add" => ctx.word(cue.to) == "to",
        "maintain" => matches!(
            ctx.word(cue.to),
            "a" | "an" | "the" | "its" | "their" | "his" | "her" | "our"
        ),
        _ => false,
    }
}

/// True at the sentence start or after a comma or a closing quote: the
/// places where an inverted "said Putin" can stand.
fn break_before(prev: Option<&crate::text::tokenize::Tok<'_>>) -> bool {
    match prev {
        None => true,
        Some(t) => {
            !t.word
                && (t.is(',')
                    || t.text
                        .starts_with(['"', '\u{201d}', '\u{bb}', '\u{2019}', '\'']))
        }
    }
}

/// The quote that closes right before token `k` (allowing a comma between).
fn quote_closing_before<'c>(ctx: &'c Ctx<'_>, k: usize) -> Option<&'c QuoteSpan> {
    let mut j = k.checked_sub(1)?;
    if ctx.toks[j].is(',') {
        j = j.checked_sub(1)?;
    }
    ctx.quotes.iter().find(|q| q.close == Some(j))
}

pub(crate) fn quote_of(ctx: &Ctx<'_>, q: &QuoteSpan) -> Quote {
    let raw = &ctx.text[q.content.0..q.content.1];
    let lead = raw.len() - raw.trim_start().len();
    // Punctuation at the end belongs to the reporting frame in English
    // style ("…people," Putin said), so it is not part of the words.
    let kept =
        raw.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':'));
    let start = q.content.0 + lead.min(kept.len());
    let end = q.content.0 + kept.len().max(lead);
    Quote {
        text: ctx.text[start..end].to_string(),
        span: ctx.span(start, end),
    }
}

fn build(ctx: &Ctx<'_>, p: &Pending, floor: usize, limit: usize) -> Attribution {
    let cue = p.cue;
    let mut attribution = Attribution {
        speaker: p.speaker.map(|(a, b)| ctx.tok_text(a, b).to_string()),
        speaker_key: p.key.clone(),
        cue: ctx.tok_text(cue.from, cue.to).to_string(),
        cue_lemma: cue.lemma.to_string(),
        cue_span: ctx.tok_span(cue.from, cue.to),
        speaker_span: p.speaker.map(|(a, b)| ctx.tok_span(a, b)),
        quote: None,
        direct: false,
        content_span: None,
        speaker_resolved: None,
    };
    let before_speaker = match p.speaker {
        Some((s, _)) if !p.inverted && !p.inherited => s,
        _ => cue.from,
    };
    // `"quote," X said` / `"quote," said X`
    if let Some(q) = quote_closing_before(ctx, before_speaker) {
        return with_quote(ctx, attribution, q);
    }
    // Content after the cue (and after an inverted speaker).
    let mut start = if p.inverted {
        speaker_end(p).max(cue.to)
    } else {
        cue.to
    };
    // "…, according to X." and "…, says a study of spending." — the
    // content is before the cue: an inverted speech tag after a comma
    // follows what it reports, and the words after its speaker belong to
    // the speaker ("of spending"), not to the statement.
    // Set off by commas inside the statement ("The plan, says the agency,
    // will cost more"), it reports both parts; the longer one stands for
    // the statement, and a quotation after it is the speaker's words.
    let tag_after_clause = cue.from > floor && ctx.toks[cue.from - 1].is(',');
    if p.inverted && cue.from > floor && (cue.lemma == "according to" || tag_after_clause) {
        let end = speaker_end(p).max(cue.to);
        let limit = limit.min(ctx.toks.len());
        let words = |from: usize, to: usize| (from..to).filter(|&j| ctx.toks[j].word).count();
        let resumes = cue.lemma != "according to" && end < limit && ctx.toks[end].is(',');
        let quoted_after = (end + 1..limit).any(|j| ctx.in_quote[j].is_some());
        let statement_after =
            resumes && (quoted_after || words(end + 1, limit) > words(floor, cue.from));
        if !statement_after {
            return with_clause(ctx, attribution, floor, cue.from);
        }
        // The part after is read below as any content after a cue is (a
        // quotation there is the speaker's words).
    }
    while start < limit && skippable_after_cue(ctx, start) {
        start += 1;
    }
    // One "that" ends the skipping: what follows is the clause, even when
    // it starts with a weekday ("that Tuesday's talks …").
    if start < limit && ctx.word(start) == "that" {
        start += 1;
    }
    if cue.lemma == "tell" {
        // "told reporters that …": skip the listener.
        if let Some(that) = (start..limit.min(start + 6)).find(|&j| ctx.word(j) == "that") {
            start = that + 1;
        }
    }
    if let Some(qi) = ctx.in_quote.get(start).copied().flatten() {
        return with_quote(ctx, attribution, &ctx.quotes[qi]);
    }
    if start < limit && ctx.toks[start].text.starts_with(quotes::OPENING) {
        if let Some(q) = ctx.quotes.iter().find(|q| q.open == Some(start)) {
            return with_quote(ctx, attribution, q);
        }
    }
    // "A, Microsoft said, and then B": a credit set off by commas reports
    // the clause before it.
    let parenthetical = !p.inverted
        && ctx.toks.get(cue.to).is_some_and(|t| t.is(','))
        && before_speaker > floor
        && ctx.toks[before_speaker - 1].is(',')
        && (floor..before_speaker)
            .filter(|&j| ctx.toks[j].word)
            .count()
            >= 3;
    if parenthetical {
        return with_clause(ctx, attribution, floor, before_speaker);
    }
    let trailing = start >= limit
        || !ctx.toks[start].word
        || (TRAILING.contains(&ctx.word(start)) && !has_that(ctx, start, limit));
    // "X said during a reception, he had restored …": the adverbial ends at
    // a comma and the clause follows.
    if trailing && start < limit && ctx.toks[start].word {
        let resumes = (start..limit).find(|&j| ctx.toks[j].is(',')).filter(|&j| {
            ctx.toks.get(j + 1).is_some_and(|n| {
                matches!(n.folded.as_ref(), "he" | "she" | "they" | "we" | "it" | "i")
                    || n.text.starts_with(['"', '\u{201c}'])
            })
        });
        if let Some(comma) = resumes {
            attribution = with_clause(ctx, attribution, comma + 1, limit);
            if let Some(qi) = (comma + 1..limit).find_map(|j| ctx.in_quote[j]) {
                attribution.quote = Some(quote_of(ctx, &ctx.quotes[qi]));
                attribution.direct = true;
            }
            return attribution;
        }
    }
    if trailing && !p.inverted && before_speaker > floor {
        // "clause, X said."
        return with_clause(ctx, attribution, floor, before_speaker);
    }
    if trailing {
        if let Some(that) = (start..limit).find(|&j| ctx.word(j) == "that") {
            start = that + 1;
        }
    }
    attribution = with_clause(ctx, attribution, start, limit);
    // A quote inside the clause: mixed quotation, counted as direct.
    let first_quote = (start..limit)
        .filter_map(|j| ctx.in_quote[j])
        .find(|&qi| !is_title(ctx, &ctx.quotes[qi]));
    if let Some(qi) = first_quote {
        attribution.quote = Some(quote_of(ctx, &ctx.quotes[qi]));
        attribution.direct = true;
    }
    attribution
}

/// True when a "that" follows before the next comma: "said in a statement
/// that …" still reports forward.
fn has_that(ctx: &Ctx<'_>, from: usize, limit: usize) -> bool {
    (from..limit)
        .take_while(|&j| ctx.toks[j].word)
        .any(|j| ctx.word(j) == "that")
}

/// True for a quoted name or title, not words anybody said: "a poem
/// called 'That Beast Called Age'", "a film titled "Home"".
fn is_title(ctx: &Ctx<'_>, q: &QuoteSpan) -> bool {
    q.open.and_then(|o| o.checked_sub(1)).is_some_and(|k| {
        matches!(
            ctx.word(k),
            "called" | "named" | "titled" | "entitled" | "dubbed" | "nicknamed" | "headlined"
        )
    })
}

fn with_quote(ctx: &Ctx<'_>, mut a: Attribution, q: &QuoteSpan) -> Attribution {
    let quote = quote_of(ctx, q);
    a.content_span = Some(quote.span);
    a.quote = Some(quote);
    a.direct = true;
    a
}

/// Sets the content to tokens `from..to`, trimmed of edge punctuation and
/// of a dangling conjunction ("…, while", "… but").
fn with_clause(ctx: &Ctx<'_>, mut a: Attribution, mut from: usize, mut to: usize) -> Attribution {
    let edge = |k: usize| {
        let t = &ctx.toks[k];
        (!t.word && !t.text.starts_with(quotes::DOUBLE))
            || matches!(
                t.folded.as_ref(),
                "while" | "but" | "and" | "as" | "whereas"
            )
    };
    to = to.min(ctx.toks.len());
    while from < to && !ctx.toks[from].word && edge(from) {
        from += 1;
    }
    while to > from && edge(to - 1) {
        to -= 1;
    }
    if from < to {
        a.content_span = Some(ctx.tok_span(from, to));
    }
    a
}
