//! Who is speaking: the noun phrase next to a cue, and its canonical key.
//!
//! A speaker is a capitalised name with its titles ("Russian President
//! Vladimir Putin"), a descriptor ("Russia's foreign ministry", "the
//! Kremlin's envoy to Afghanistan", "officials") or a pronoun. Lowercase
//! heads must be in [`SPEAKER_NOUNS`]: without a part-of-speech tagger this
//! list is what keeps "the claims were" from reading as "X claims".

use super::context::Ctx;
use super::entities::{alias, demonym};
use crate::lexicon::cues::is_cue_word;
use crate::lexicon::speakers::{
    BETWEEN, MODIFIERS, ORG_NOUNS, PERSON_NOUNS, RESEARCH_NOUNS, SPEAKER_NOUNS,
};
use crate::text::normalize::is_stopword;

/// True for a folded word heading a research speaker.
pub(crate) fn is_research_noun(w: &str) -> bool {
    RESEARCH_NOUNS.contains(&w)
        || RESEARCH_NOUNS.contains(&singular(w))
        || plural_ies_noun(w, RESEARCH_NOUNS)
}

/// What kind of speaker a phrase is, for pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpeakerKind {
    /// A named person or a one-person descriptor ("the envoy").
    Person,
    /// An organisation, place or plural ("the ministry", "officials").
    Group,
    /// "he", "she", "I".
    PersonPronoun,
    /// "they", "it", "we".
    GroupPronoun,
}

fn singular(w: &str) -> &str {
    w.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(w)
}

/// True for a speaker noun in the plural "-ies" ("studies", "authorities"
/// is listed as is).
fn plural_ies_noun(w: &str, nouns: &[&str]) -> bool {
    w.strip_suffix("ies")
        .filter(|s| s.len() > 2)
        .is_some_and(|stem| nouns.iter().any(|n| n.strip_suffix('y') == Some(stem)))
}

/// True for a folded word that can head a lowercase speaker phrase.
pub(crate) fn is_speaker_noun(w: &str) -> bool {
    SPEAKER_NOUNS.contains(&w)
        || SPEAKER_NOUNS.contains(&singular(w))
        || plural_ies_noun(w, SPEAKER_NOUNS)
}

fn pronoun_kind(w: &str) -> Option<SpeakerKind> {
    match w {
        "he" | "she" | "i" => Some(SpeakerKind::PersonPronoun),
        "they" | "it" | "we" => Some(SpeakerKind::GroupPronoun),
        _ => None,
    }
}

/// True for a capitalised word that can be part of a name at `k`: not a
/// function word, not a sentence-initial "Earlier"/"However".
fn name_word(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    t.word
        && (t.cap || t.acronym())
        && ctx.in_quote[k].is_none()
        && t.text.starts_with(char::is_alphabetic)
        && (t.acronym() || !is_stopword(&t.folded))
        && !(ctx.clause_initial(k) && (t.folded.ends_with("ly") || is_cue_word(&t.folded)))
        && !matches!(
            t.folded.as_ref(),
            "earlier" | "later" | "however" | "meanwhile" | "when" | "where" | "why" | "how"
                | "once" | "since" | "until" | "unless" | "whether" | "although" | "though"
                | "because"
        )
        // "ex-Soviet", "pro-Western": part of a modifier, not a name;
        // "Al-Maeena", "al-Amr" are names.
        && (k <= 1 || t.space_before || !ctx.toks[k - 1].is('-') || name_prefix(&ctx.toks[k - 2]))
}

/// True for the part before the hyphen of a hyphenated name: a
/// capitalised word ("Al-Maeena", "Jean-Paul") or an Arabic article or
/// kinship particle ("al-Amr", "bin-Said").
fn name_prefix(t: &crate::text::tokenize::Tok<'_>) -> bool {
    t.word
        && (t.cap
            || matches!(
                t.folded.as_ref(),
                "al" | "el" | "ad" | "bin" | "ibn" | "abu"
            ))
}

fn modifier(ctx: &Ctx<'_>, k: usize) -> bool {
    let t = &ctx.toks[k];
    let next_is_noun = ctx
        .toks
        .get(k + 1)
        .is_some_and(|n| is_speaker_noun(&n.folded));
    t.word
        && !t.cap
        && !BETWEEN.contains(&t.folded.as_ref())
        && !matches!(
            t.folded.as_ref(),
            "now" | "so" | "when" | "where" | "why" | "how"
        )
        && (MODIFIERS.contains(&t.folded.as_ref())
            || (next_is_noun && !is_stopword(&t.folded) && !is_cue_word(&t.folded)))
}

/// The speaker phrase ending right before the cue at `cue`, as a token
/// range. `base` asks for a plural or pronoun subject (see
/// [`super::cues::CueMatch::base`]).
pub(crate) fn before(ctx: &Ctx<'_>, cue: usize, base: bool) -> Option<(usize, usize)> {
    let mut end = cue;
    // "The World Health Organization (WHO) said": skip the acronym.
    if end >= 4
        && ctx.toks[end - 1].is(')')
        && ctx.toks[end - 3].is('(')
        && ctx.toks[end - 2].acronym()
    {
        end -= 3;
    }
    while end > 0 && cue - end < 6 {
        let t = &ctx.toks[end - 1];
        let time = t.cap && super::dates::is_weekday(&t.folded);
        let on_time = t.is_word("on") && end < cue && ctx.toks[end].cap;
        let adverb = !t.cap && t.folded.len() > 4 && t.folded.ends_with("ly");
        if t.word && (BETWEEN.contains(&t.folded.as_ref()) || time || on_time || adverb) {
            end -= 1;
        } else {
            break;
        }
    }
    let head = end.checked_sub(1)?;
    let t = &ctx.toks[head];
    if !t.word || ctx.in_quote[head].is_some() || t.possessive() {
        return None;
    }
    if let Some(kind) = pronoun_kind(&t.folded) {
        let plural = kind == SpeakerKind::GroupPronoun || t.folded == "i";
        return (!base || plural).then_some((head, end));
    }
    // A common noun, also capitalised at the clause start ("Officials say").
    let noun = (!t.cap || ctx.clause_initial(head)) && is_speaker_noun(&t.folded);
    if !(noun || name_word(ctx, head)) {
        return None;
    }
    // Plurals without an -s take the base form too ("police say"), and so
    // do collective nouns in British style ("the team say").
    let plural = t.folded.ends_with('s')
        || matches!(
            t.folded.as_ref(),
            "police"
                | "people"
                | "data"
                | "media"
                | "team"
                | "government"
                | "committee"
                | "council"
                | "panel"
                | "family"
                | "group"
                | "company"
        );
    if base && !(noun && plural) {
        return None;
    }
    let mut start = head;
    while start > 0 && end - start < 12 {
        let i = start - 1;
        let w = ctx.word(i);
        // The front of a hyphenated name: "Al-" of "Al-Sayed".
        if ctx.toks[i].is('-')
            && !ctx.toks[i].space_before
            && i > 0
            && name_prefix(&ctx.toks[i - 1])
            && ctx.in_quote[i - 1].is_none()
        {
            start = i - 1;
            continue;
        }
        // "Mr. Harrigan": the period of an abbreviated title.
        if ctx.toks[i].is('.')
            && !ctx.toks[i].space_before
            && i > 0
            && abbreviated_title(ctx, i - 1)
        {
            start = i - 1;
            continue;
        }
        if ctx.in_quote[i].is_some() || !ctx.toks[i].word {
            break;
        }
        if matches!(
            w,
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our"
        ) {
            start = i;
            break;
        }
        // "chairman and CEO Gary Costley": two titles of one person.
        let titles = w == "and"
            && i > 0
            && is_speaker_noun(ctx.word(i - 1))
            && (is_speaker_noun(ctx.word(i + 1))
                || crate::lexicon::names::is_title(ctx.word(i + 1))
                || ctx.toks.get(i + 1).is_some_and(|t| t.acronym()));
        if titles {
            start = i;
            continue;
        }
        let prep = matches!(w, "of" | "to" | "for" | "on" | "at" | "in")
            && i > 0
            && (is_speaker_noun(ctx.word(i - 1)) || name_word(ctx, i - 1));
        if name_word(ctx, i) || modifier(ctx, i) || prep || (!ctx.toks[i].cap && is_speaker_noun(w))
        {
            start = i;
        } else {
            break;
        }
    }
    if start > 0 && is_preposition(ctx.word(start - 1)) && !noun {
        return head_before_preposition(ctx, start - 1);
    }
    Some((start, end))
}

fn is_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "of"
            | "from"
            | "by"
            | "for"
            | "with"
            | "at"
            | "on"
            | "to"
            | "about"
            | "into"
            | "against"
            | "like"
            | "across"
            | "over"
    )
}

/// A name right after a preposition is its object, not the subject of the
/// cue ("a study published in Science has found", "regions of Europe
/// showed"): the subject is a speaker noun a few words before the
/// preposition at `prep` ("a study"), or there is none.
fn head_before_preposition(ctx: &Ctx<'_>, prep: usize) -> Option<(usize, usize)> {
    let lowest = prep.saturating_sub(4);
    let mut j = prep;
    while j > lowest {
        j -= 1;
        let t = &ctx.toks[j];
        if !t.word || ctx.in_quote[j].is_some() || is_cue_word(&t.folded) {
            return None;
        }
        if !t.cap && is_speaker_noun(&t.folded) {
            let start = match ctx.word(j.wrapping_sub(1)) {
                "a" | "an" | "the" => j - 1,
                _ => j,
            };
            return Some((start, j + 1));
        }
    }
    None
}

/// True when a speaker phrase starting at `k` opens its clause: the
/// sentence start, after an opening mark, or after a closing quote
/// (`"…," Jane Roe, a nurse, said`).
fn opens_clause(ctx: &Ctx<'_>, k: usize) -> bool {
    ctx.clause_initial(k)
        || ctx.toks[k - 1].text.starts_with(['\u{201d}', '\u{bb}'])
        || after_introduction(ctx, k)
}

/// True when only a connective or a short introductory phrase opens the
/// sentence before `k`: "But Ann Roe, …", "However, Ann Roe, …", "On
/// Friday, Ann Roe, …".
fn after_introduction(ctx: &Ctx<'_>, k: usize) -> bool {
    let connective =
        |j: usize| matches!(ctx.word(j), "but" | "and" | "however" | "meanwhile" | "yet");
    if k == 1 && connective(0) {
        return true;
    }
    let Some(comma) = k.checked_sub(1).filter(|&c| ctx.toks[c].is(',')) else {
        return false;
    };
    let plain = (0..comma).all(|j| {
        let t = &ctx.toks[j];
        t.word && ctx.in_quote[j].is_none() && !is_cue_word(&t.folded)
    });
    // One adverb ("However,", "Yesterday,") or a phrase opened by a
    // preposition ("On Friday,", "In a statement,"), never a name ("Ann
    // Roe, a nurse, said").
    let w = ctx.word(0);
    let adverb = comma == 1
        && (connective(0)
            || matches!(
                w,
                "yesterday" | "today" | "earlier" | "later" | "separately"
            )
            || (w.len() > 4 && w.ends_with("ly")));
    let phrase = (2..=4).contains(&comma)
        && matches!(
            w,
            "on" | "in" | "at" | "after" | "before" | "during" | "earlier" | "last"
        );
    plain && (adverb || phrase)
}

/// Where the speaker phrase starting at `s` really starts when it opens its
/// clause: `s` itself, or up to eight tokens earlier over title words the
/// lists lack ("Major general Ann Roe", "Khaled Al-Maeena": hyphenated
/// names). `None` when a function word or a cue comes first ("He met Roe").
fn clause_opening(ctx: &Ctx<'_>, s: usize) -> Option<usize> {
    let mut k = s;
    while !opens_clause(ctx, k) {
        if s - k >= 8 {
            return None;
        }
        let t = &ctx.toks[k - 1];
        let title = t.word && !is_stopword(&t.folded) && !is_cue_word(&t.folded);
        let hyphen = t.is('-') && !t.space_before;
        if !(title || hyphen) || ctx.in_quote[k - 1].is_some() {
            return None;
        }
        k -= 1;
    }
    Some(k)
}

/// The speaker of a cue set off by an appositive or a parenthetical:
/// "Jane Roe, a spokeswoman for the firm, said", "Officials, who asked not
/// to be named, say". The phrase must open its clause, so "He met Roe,
/// the envoy, said …" is left alone. Looks back at most 30 tokens.
pub(crate) fn before_appositive(ctx: &Ctx<'_>, cue: usize, base: bool) -> Option<(usize, usize)> {
    let comma = cue.checked_sub(1)?;
    if !ctx.toks[comma].is(',') {
        return None;
    }
    if let Some(name) = name_after_title(ctx, comma) {
        return Some(name);
    }
    let mut k = comma;
    loop {
        let t = &ctx.toks[k];
        if ctx.in_quote[k].is_some() || t.text.starts_with(['"', '\u{201c}', '\u{201d}', ':', ';'])
        {
            return None;
        }
        if t.is(',') {
            if let Some((s, e)) = before(ctx, k, base) {
                if let Some(s) = clause_opening(ctx, s).filter(|_| e == k) {
                    return Some((s, e));
                }
            }
        }
        if k == 0 || comma - k >= 30 {
            return None;
        }
        k -= 1;
    }
}

/// The name set off between two commas right before the cue, after a title
/// that holds a speaker noun: "The head of the union, Ann Roe, said". The
/// name needs two words, so "In Paris, Roe, said" is left alone.
fn name_after_title(ctx: &Ctx<'_>, comma: usize) -> Option<(usize, usize)> {
    let (s, e) = before(ctx, comma, false)?;
    let first_comma = s.checked_sub(1)?;
    let all_names = (s..e).all(|k| name_word(ctx, k));
    if e != comma || e - s < 2 || !all_names || !ctx.toks[first_comma].is(',') {
        return None;
    }
    // The title is the clause's whole opening noun phrase: no comma or
    // relative pronoun before it ("Piscedda, who belongs to the party of
    // the Prime Minister, Matteo Renzi, denies" credits Piscedda).
    let lowest = first_comma.saturating_sub(12);
    let mut k = first_comma;
    while k > lowest && !ctx.clause_initial(k) {
        k -= 1;
        let t = &ctx.toks[k];
        if ctx.in_quote[k].is_some()
            || (!t.word && !t.is('-'))
            || matches!(
                t.folded.as_ref(),
                "who" | "which" | "that" | "whose" | "whom"
            )
        {
            return None;
        }
    }
    let titled = ctx.clause_initial(k) && (k..first_comma).any(|j| is_speaker_noun(ctx.word(j)));
    titled.then_some((s, e))
}

/// Widens a name speaker to the title set before it by a comma:
/// "Chile's Foreign Minister, Ana Ruiz said" → the whole phrase, so the
/// span covers both ways of naming her. The key stays the name's.
pub(crate) fn with_title(ctx: &Ctx<'_>, speaker: (usize, usize)) -> (usize, usize) {
    let (s, e) = speaker;
    let Some(comma) = s.checked_sub(1) else {
        return speaker;
    };
    if !ctx.toks[comma].is(',') || !name_word(ctx, s) {
        return speaker;
    }
    match before(ctx, comma, false) {
        Some((title, end))
            if end == comma
                && ctx.toks[comma - 1].cap
                && is_speaker_noun(ctx.word(comma - 1))
                && PERSON_NOUNS.contains(&singular(ctx.word(comma - 1))) =>
        {
            (title, e)
        }
        _ => speaker,
    }
}

/// The speaker phrase starting at token `at` (inverted "said Putin", or
/// after "according to"). With `long`, the phrase runs to the next
/// punctuation and takes an appositive name ("the envoy, Zamir Kabulov").
pub(crate) fn after(ctx: &Ctx<'_>, at: usize, long: bool) -> Option<(usize, usize)> {
    let t = ctx.toks.get(at)?;
    if !long && matches!(pronoun_kind(&t.folded), Some(SpeakerKind::PersonPronoun)) {
        return Some((at, at + 1));
    }
    // "said Thursday", "said in the statement": when and where, not who.
    let w = t.folded.as_ref();
    if crate::lexicon::calendar::is_weekday(w)
        || crate::lexicon::calendar::is_month(w)
        || is_preposition(w)
        || matches!(w, "today" | "yesterday" | "tonight" | "earlier" | "later")
    {
        return None;
    }
    let mut i = at;
    if matches!(ctx.word(i), "the" | "a" | "an") || (long && ctx.word(i) == "our") {
        i += 1;
    }
    // "said 56-year-old Louise Haggerty": the age is part of the phrase.
    if !ctx.word(i).is_empty()
        && ctx.word(i).bytes().all(|b| b.is_ascii_digit())
        && ctx.toks.get(i + 1).is_some_and(|t| t.is('-'))
        && matches!(ctx.word(i + 2), "year" | "years")
        && ctx.toks.get(i + 3).is_some_and(|t| t.is('-'))
        && ctx.word(i + 4) == "old"
    {
        i += 5;
    }
    let mut end = None;
    while i < ctx.toks.len() && i - at < 16 {
        let t = &ctx.toks[i];
        if ctx.in_quote[i].is_some() {
            break;
        }
        // "said Troy police Lt. Gerry Scherlinck": the period of an
        // abbreviated title belongs to the phrase when a name follows.
        if t.is('.')
            && !t.space_before
            && i > at
            && abbreviated_title(ctx, i - 1)
            && ctx.toks.get(i + 1).is_some_and(|n| n.word && n.cap)
        {
            i += 1;
            continue;
        }
        // "said Garcia-Moreno": a hyphenated name is one name.
        if t.is('-')
            && !t.space_before
            && end == Some(i)
            && ctx.toks.get(i + 1).is_some_and(|n| !n.space_before)
            && i + 1 < ctx.toks.len()
            && name_word(ctx, i + 1)
        {
            i += 1;
            continue;
        }
        if !t.word {
            if long && t.is(',') && end.is_some() {
                // An appositive name closing the sentence.
                let mut j = i + 1;
                while j < ctx.toks.len() && name_word(ctx, j) {
                    j += 1;
                }
                let closes = !matches!(ctx.toks.get(j), Some(n) if n.word || n.is(','));
                if j > i + 1 && closes {
                    end = Some(j);
                }
            }
            break;
        }
        let w = t.folded.as_ref();
        if name_word(ctx, i) || is_speaker_noun(w) {
            end = Some(i + 1);
        } else if matches!(w, "of" | "the" | "on" | "to" | "for" | "in" | "at" | "and")
            || modifier(ctx, i)
        {
        } else if long
            && !is_stopword(w)
            && (!is_cue_word(w) || plural_noun(ctx, at, i))
            && !matches!(w, "who" | "which")
        {
            // "prepared remarks seen by Reuters": a participle does not
            // end the phrase, which then stops at "by", not at "seen".
            if !participle(w) {
                end = Some(i + 1);
            }
        } else {
            break;
        }
        i += 1;
    }
    end.map(|e| (at, e))
}

/// True when the cue word at `i`, inside a speaker phrase that starts at
/// `at`, is a plural noun ("prepared remarks", "media reports"): it ends
/// in "s" and follows a word of the phrase.
fn plural_noun(ctx: &Ctx<'_>, at: usize, i: usize) -> bool {
    i > at && ctx.word(i).ends_with('s') && ctx.toks[i - 1].word
}

/// A past participle, as it qualifies a noun ("figures released",
/// "remarks seen"): the regular "-ed" and a few irregular forms.
fn participle(w: &str) -> bool {
    (w.len() > 4 && w.ends_with("ed"))
        || matches!(
            w,
            "seen" | "given" | "shown" | "written" | "taken" | "made" | "known" | "sent"
        )
}

/// True when token `k` is a title written short ("Lt", "Sgt", "Gov"), so a
/// period after it ends the abbreviation, not the phrase.
fn abbreviated_title(ctx: &Ctx<'_>, k: usize) -> bool {
    let w = ctx.word(k);
    ctx.toks[k].cap && w.len() <= 4 && crate::lexicon::names::is_title(w)
}

/// The canonical key of the speaker phrase `from..to` and its kind. Names
/// key by their last token (the family name), aliases by the alias table,
/// descriptors by their last two content words before any preposition.
pub(crate) fn key(ctx: &Ctx<'_>, from: usize, to: usize) -> (Option<String>, SpeakerKind) {
    if to == from + 1 {
        if let Some(kind) = pronoun_kind(ctx.word(from)) {
            return (None, kind);
        }
    }
    // A person's name before "of"/"at" and their organisation: "Moira
    // Austin of the Anaphylaxis Campaign", "Scott Veirs of Beamreach". A
    // title alone before it is no name ("Secretary of State John Kerry").
    let lead = (from..to).take_while(|&k| name_word(ctx, k)).count();
    if lead >= 2
        && matches!(ctx.word(from + lead), "of" | "at" | "from")
        && !is_speaker_noun(ctx.word(from + lead - 1))
        && !ORG_NOUNS.contains(&ctx.word(from + lead - 1))
    {
        return (
            Some(ctx.word(from + lead - 1).to_string()),
            SpeakerKind::Person,
        );
    }
    // The trailing run of name words: "Vladimir Putin", "Zamir Kabulov".
    let mut run = to;
    while run > from && name_word(ctx, run - 1) && (run == to || !ctx.toks[run - 1].possessive()) {
        run -= 1;
    }
    let mut before_run = run;
    while before_run > from && ctx.word(before_run - 1) == "the" {
        before_run -= 1;
    }
    let attached = before_run > from
        && matches!(
            ctx.word(before_run - 1),
            "of" | "to" | "for" | "on" | "at" | "in"
        )
        && to - run == 1;
    if run < to && !attached {
        let words: Vec<&str> = (run..to).map(|k| ctx.word(k)).collect();
        let joined = words.join(" ").replace('.', "");
        if let Some(a) = alias(&joined) {
            return (Some(a.to_string()), SpeakerKind::Group);
        }
        let last = words[words.len() - 1];
        // An acronym alone names an organisation ("the IUCN said").
        if words.len() == 1 && ctx.toks[run].acronym() {
            return (Some(last.to_string()), SpeakerKind::Group);
        }
        if !ORG_NOUNS.contains(&last) {
            return (Some(last.to_string()), SpeakerKind::Person);
        }
    }
    // A descriptor: content words before the first preposition.
    let stop = (from..to)
        .find(|&k| k > from && matches!(ctx.word(k), "of" | "to" | "for" | "on" | "at" | "in"))
        .unwrap_or(to);
    let words: Vec<&str> = (from..stop)
        .map(|k| ctx.word(k))
        .filter(|w| !w.is_empty() && !is_stopword(w))
        .collect();
    let content: Vec<&str> = match words.iter().filter(|w| demonym(w).is_none()).count() {
        0 => words,
        _ => words.into_iter().filter(|w| demonym(w).is_none()).collect(),
    };
    let tail = &content[content.len().saturating_sub(2)..];
    let Some(last) = tail.last() else {
        return (None, SpeakerKind::Group);
    };
    let kind = if PERSON_NOUNS.contains(last) {
        SpeakerKind::Person
    } else {
        SpeakerKind::Group
    };
    (Some(tail.join(" ")), kind)
}
