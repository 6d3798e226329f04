//! Whether the other side of a group still credits a statement, and
//! whether a speaker is a name: the checks that keep attribution changes
//! precise (see [`super::attribution`]).

use super::attribution::{content_stems, same_speaker, Side, QUOTE_MARKS, SAME_CONTENT};
use super::names::{acronym, initials};
use crate::model::report::{AttributionChange, AttributionChangeKind as Kind};
use crate::model::Attribution;
use crate::text::normalize;
use rustc_hash::FxHashSet;

/// A reporting hedge ("reportedly", "were said to") on one side only, when
/// the other side credits nobody for the group and states the claim firmly:
/// the claim lost (or gained) its hedge.
pub(super) fn hedges(l: &Side<'_>, r: &Side<'_>) -> Option<AttributionChange> {
    let hedge_of = |side: &Side<'_>| {
        side.sentences
            .iter()
            .find_map(|s| crate::extract::hedge(side.doc, s).map(|h| (s.index, h)))
    };
    let uncredited = |side: &Side<'_>| {
        side.attributions.is_empty()
            && !side
                .sentences
                .iter()
                .any(|s| crate::extract::has_unread_credit(side.doc, s))
    };
    // What the hedge hedges must be on the other side too: a clause cut
    // with its hedge ("where the shooting was believed to have occurred")
    // is an omission, not a firmer claim.
    let carried = |rest: &str, other: &Side<'_>| {
        let hedged: Vec<String> = normalize::content_tokens(rest)
            .into_iter()
            .take(8)
            .collect();
        let there: Vec<_> = other
            .sentences
            .iter()
            .flat_map(|s| content_stems(other.doc.words_of(s.index)))
            .collect();
        !hedged.is_empty() && overlap(&hedged, &there) >= SAME_CONTENT
    };
    // A side that makes the claim a likelihood ("probably") still hedges
    // it: trading "is thought to" for "probably" drops no hedge.
    let firm = |side: &Side<'_>| {
        !side.sentences.iter().any(|s| {
            side.doc
                .words_of(s.index)
                .any(|w| crate::lexicon::hedges::is_epistemic(&w.folded))
        })
    };
    let (kind, left, right, hedge) = match (hedge_of(l), hedge_of(r)) {
        (Some((li, (h, rest))), None) if uncredited(r) && firm(r) && carried(&rest, r) => {
            (Kind::AttributionDropped, Some(li), None, h)
        }
        (None, Some((ri, (h, rest)))) if uncredited(l) && firm(l) && carried(&rest, l) => {
            (Kind::AttributionAdded, None, Some(ri), h)
        }
        _ => return None,
    };
    let dropped = kind == Kind::AttributionDropped;
    Some(AttributionChange {
        kind,
        left,
        right,
        speaker: None,
        speaker_as_written: None,
        left_cue: dropped.then(|| hedge.to_lowercase()),
        right_cue: (!dropped).then(|| hedge.to_lowercase()),
        left_cue_text: dropped.then(|| hedge.to_string()),
        right_cue_text: (!dropped).then(|| hedge.to_string()),
        left_certainty: None,
        right_certainty: None,
        detail: format!(
            "reporting hedge {}: {hedge}",
            if dropped { "dropped" } else { "added" }
        ),
        left_quote: None,
        right_quote: None,
        quote_diff: None,
    })
}

/// True when two credits can name one speaker: not one person and one
/// group by their pronouns ("he" / "They").
pub(super) fn compatible(a: &Attribution, b: &Attribution) -> bool {
    let number = |x: &Attribution| match x.speaker.as_deref().map(normalize::fold).as_deref() {
        Some("he" | "she" | "i") => Some(true),
        Some("they" | "we") => Some(false),
        _ => None,
    };
    !matches!((number(a), number(b)), (Some(x), Some(y)) if x != y)
}

/// Share of `a`'s words that `b` carries.
pub(super) fn overlap<A: AsRef<str>, B: AsRef<str>>(a: &[A], b: &[B]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let b: FxHashSet<&str> = b.iter().map(AsRef::as_ref).collect();
    a.iter().filter(|w| b.contains(w.as_ref())).count() as f64 / a.len() as f64
}

/// True when the other side still credits what `a` (of side `own`) reports:
/// the same speaker elsewhere in the group, the speaker named in it, a
/// credit of the same content to a speaker described otherwise, or, for
/// quoted words, the same speaker in the sentence before or after (a quote
/// cut into sentences differently, a credit given once for a quotation).
pub(super) fn credited(
    a: &Attribution,
    own: &Side<'_>,
    other: &Side<'_>,
    paired: &[&Attribution],
) -> bool {
    if other.attributions.iter().any(|(_, o)| same_speaker(a, o)) || mentions(other, a) {
        return true;
    }
    let content = own.content(a);
    if !content.is_empty()
        && other
            .attributions
            .iter()
            .filter(|(_, o)| !paired.iter().any(|p| std::ptr::eq(*p, *o)))
            .any(|(_, o)| overlap(&content, &other.content(o)) >= SAME_CONTENT)
    {
        return true;
    }
    if (a.direct || other.quoted) && other.neighbours().any(|o| same_speaker(a, o)) {
        return true;
    }
    // The other side quotes the same words: who said them is left to the
    // quotation's context there, not taken away. Only for a sentence of
    // quoted speech (not a phrase quoted inside a report, "to 'high'").
    let speech =
        |q: &&crate::model::Quote| a.direct && other.quoted && a.content_span == Some(q.span);
    if let Some(q) = a.quote.as_ref().filter(speech) {
        let words: Vec<_> = content_stems(own.doc.words_within(q.span)).collect();
        let quoted: Vec<_> = other
            .sentences
            .iter()
            .flat_map(|s| content_stems(other.doc.words_of(s.index)))
            .collect();
        if words.len() >= 4 && overlap(&words, &quoted) >= SAME_CONTENT {
            return true;
        }
    }
    // A credit the extractor could not read ("the software giant said",
    // "were said to", "she reflected") may be this one.
    other
        .sentences
        .iter()
        .any(|s| crate::extract::has_unread_credit(other.doc, s))
}

/// True when the side's sentences name `a`'s speaker in any role ("rejected
/// the government's claim that …", "For Ann Roe, …"): the credit is
/// reworded, not gone. The speaker's key is its family name, alias or
/// descriptor; its last word is the one a rewording keeps.
pub(super) fn mentions(side: &Side<'_>, a: &Attribution) -> bool {
    a.speaker_key
        .as_deref()
        .and_then(|k| k.split(' ').next_back())
        .is_some_and(|w| side.has_word(w))
        || a.speaker
            .as_deref()
            .is_some_and(|s| named_by_initials(side, s))
}

/// True when the side names the speaker in its other form: an acronym of
/// three letters or more ("The USGS") spelled out by a run of capitalised
/// words there ("the US Geological Survey"), or a name of several words
/// given there as its acronym.
fn named_by_initials(side: &Side<'_>, speaker: &str) -> bool {
    let head = normalize::words(speaker).last().map(|(_, w)| w);
    if let Some(letters) = head.and_then(acronym).filter(|l| l.chars().count() >= 3) {
        return side.sentences.iter().any(|s| spells(&s.text, &letters));
    }
    let capitalised = normalize::words(speaker)
        .filter(|(_, w)| w.starts_with(char::is_uppercase))
        .count();
    let short = initials(speaker);
    capitalised >= 2 && short.chars().count() >= 3 && side.has_word(&short)
}

/// True when some run of capitalised words in `text` has `letters` as its
/// initials (connectives such as "of" may sit inside the run).
fn spells(text: &str, letters: &str) -> bool {
    let words: Vec<&str> = normalize::words(text).map(|(_, w)| w).collect();
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    (0..words.len()).filter(|&i| capital(words[i])).any(|i| {
        // The run's initials, one word at a time (a connective adds none).
        let mut spelled = String::new();
        for &word in words[i..].iter().take(8) {
            if !capital(word) && !matches!(word, "of" | "and" | "for") {
                return false;
            }
            spelled.push_str(&initials(word));
            if capital(word) && spelled == letters {
                return true;
            }
            if spelled.len() > letters.len() {
                return false;
            }
        }
        false
    })
}

/// True when the speaker, as written, is a name: see [`is_name`]. A single
/// word opening its sentence is capitalised anyway ("Customers said"), so
/// only an acronym counts there.
pub(super) fn named(side: &Side<'_>, a: &Attribution) -> bool {
    let Some(speaker) = a.speaker.as_deref() else {
        return false;
    };
    is_name(speaker)
        && !(normalize::words(speaker).count() == 1
            && !is_acronym(speaker)
            && opens_sentence(side, a))
}

/// True when a mention's head is capitalised and no pronoun: its last word,
/// or the last before a preposition ("James Gage", "UNICEF", "Moira Austin
/// of the Campaign", not "the judge", "He", "Iran's seismologic center", "a
/// scientist at Carnegie Mellon").
pub(super) fn is_name(mention: &str) -> bool {
    let head = normalize::words(mention)
        .take_while(|(_, w)| {
            !matches!(
                normalize::fold(w).as_str(),
                "of" | "at" | "for" | "from" | "in" | "with" | "to" | "on"
            )
        })
        .last()
        .map(|(_, w)| w);
    match head {
        Some(w) => {
            let folded = normalize::fold(w);
            w.starts_with(char::is_uppercase)
                && !matches!(folded.as_str(), "he" | "she" | "i" | "we" | "they" | "it")
        }
        None => false,
    }
}

fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
}

/// True when the speaker mention is the first word of its sentence: only
/// quotation marks and space since a sentence end or the text start.
fn opens_sentence(side: &Side<'_>, a: &Attribution) -> bool {
    let Some(before) = a.speaker_span.and_then(|sp| side.doc.text.get(..sp.start)) else {
        return false;
    };
    let mut lead = before
        .chars()
        .rev()
        .skip_while(|c| c.is_whitespace() || QUOTE_MARKS.contains(c) || *c == '\'' || *c == '*');
    match lead.next() {
        None => true,
        Some(c) => matches!(c, '.' | '!' | '?' | '\n' | '\u{2019}' | '\u{201d}' | ':'),
    }
}
