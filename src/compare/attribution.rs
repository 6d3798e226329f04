//! Attribution changes inside one aligned group: who said it, how, and in
//! whose words.
//!
//! Precision comes first: a credit counts as dropped (or added) only when
//! the other side really lacks a credit for that content, and a speaker
//! change needs both sides to name different people for one statement.

use super::credit::{compatible, credited, hedges, is_name, mentions, named, overlap};
use crate::align::AlignedPair;
use crate::model::report::{AttributionChange, AttributionChangeKind as Kind};
use crate::model::{Attribution, Document, Quote, Sentence};
use crate::text::normalize;
use crate::text::vocabulary::Word;
use std::borrow::Cow;

/// Share of a content's words that another content must carry for the two
/// to be one statement.
pub(super) const SAME_CONTENT: f64 = 0.5;

/// Least share of shared words for two credits of one speaker to report
/// one statement (a cue changed, a quote made indirect): lower than
/// [`SAME_CONTENT`], because a rewording keeps fewer words.
pub(super) const SAME_STATEMENT: f64 = 0.25;

/// One side of an aligned group, with what the checks read of it.
pub(super) struct Side<'a> {
    pub(super) doc: &'a Document,
    /// The group's sentences, in order.
    pub(super) sentences: Vec<&'a Sentence>,
    /// The group's attributions, with their sentence index.
    pub(super) attributions: Vec<(usize, &'a Attribution)>,
    /// True when a sentence of the group carries a quotation mark.
    pub(super) quoted: bool,
}

impl<'a> Side<'a> {
    fn new(doc: &'a Document, group: &[usize]) -> Side<'a> {
        let sentences: Vec<&Sentence> =
            group.iter().filter_map(|&i| doc.sentences.get(i)).collect();
        let attributions = sentences
            .iter()
            .flat_map(|s| s.attributions().map(move |a| (s.index, a)))
            .collect();
        let quoted = sentences.iter().any(|s| s.text.contains(QUOTE_MARKS));
        Side {
            doc,
            sentences,
            attributions,
            quoted,
        }
    }

    /// True when a sentence of the group has the word `folded`. Asked
    /// only of credits left unmatched, so the group's tokens are scanned
    /// rather than a set of its words built for every group.
    pub(super) fn has_word(&self, folded: &str) -> bool {
        self.sentences
            .iter()
            .any(|s| self.doc.words_of(s.index).any(|w| &*w.folded == folded))
    }

    /// The content words (stemmed) an attribution reports, from its span:
    /// the tokens of the sentences that hold it.
    pub(super) fn content(&self, a: &Attribution) -> Vec<Cow<'a, str>> {
        let Some(c) = a.content_span else {
            return Vec::new();
        };
        content_stems(self.doc.words_within(c)).collect()
    }

    /// The content words of [`Side::content`] that are no names: what the
    /// statement says, not whom it is about.
    fn predicate(&self, a: &Attribution) -> Vec<Cow<'a, str>> {
        let Some(c) = a.content_span else {
            return Vec::new();
        };
        content_stems(self.doc.words_within(c).filter(|w| !w.is_capitalised())).collect()
    }

    /// Attributions of the sentences just before and after the group.
    pub(super) fn neighbours(&self) -> impl Iterator<Item = &'a Attribution> {
        let first = self.sentences.first().map(|s| s.index);
        let last = self.sentences.last().map(|s| s.index);
        let before = first.and_then(|i| i.checked_sub(1));
        let after = last.map(|i| i + 1);
        let doc = self.doc;
        [before, after]
            .into_iter()
            .flatten()
            .filter_map(move |i| doc.sentences.get(i))
            .flat_map(|s| s.attributions())
    }
}

/// The stems of the content words among `words`.
pub(super) fn content_stems<'d>(
    words: impl Iterator<Item = &'d Word>,
) -> impl Iterator<Item = Cow<'d, str>> {
    words
        .filter(|w| !w.is_stopword())
        .map(|w| Cow::Borrowed(&*w.stem))
}

pub(super) use crate::lexicon::quotes::ANY as QUOTE_MARKS;

/// Compares the attributions of the left and right sentences of one group.
///
/// Attributions are matched speaker by speaker (in reading order within one
/// speaker). Leftovers that report the same content are one statement told
/// by two speakers: a speaker change when both sides name different people,
/// nothing when one side only describes or refers to them ("the judge",
/// "he"). A leftover is dropped (or added) only when the other side has no
/// credit for it: not the same speaker anywhere in the group or, for
/// quoted words, in the sentence next to it, no mention of the speaker, and
/// no other credit of the same content.
pub(super) fn compare_group(
    left: &Document,
    right: &Document,
    pair: &AlignedPair,
) -> Vec<AttributionChange> {
    let l = Side::new(left, &pair.left);
    let r = Side::new(right, &pair.right);
    let mut right_taken = vec![false; r.attributions.len()];
    let mut left_unmatched = Vec::new();
    let mut changes = Vec::new();
    for &(li, la) in &l.attributions {
        // Of the speaker's credits on the right, the one reporting the most
        // of the same words (the first on ties).
        let lc = l.content(la);
        let mut partner: Option<(usize, &(usize, &Attribution))> = None;
        let mut best = -1.0;
        for (k, candidate) in r.attributions.iter().enumerate() {
            if right_taken[k] || !same_speaker(la, candidate.1) {
                continue;
            }
            let score = overlap(&lc, &r.content(candidate.1));
            if score > best {
                (best, partner) = (score, Some((k, candidate)));
            }
        }
        match partner {
            Some((k, &(ri, ra))) => {
                right_taken[k] = true;
                changes.extend(compare_matched(&l, li, la, &r, ri, ra));
            }
            None => left_unmatched.push((li, la)),
        }
    }
    let mut right_unmatched: Vec<(usize, &Attribution)> = r
        .attributions
        .iter()
        .zip(&right_taken)
        .filter(|(_, taken)| !**taken)
        .map(|(x, _)| *x)
        .collect();
    let lone = left_unmatched.len() == 1 && right_unmatched.len() == 1;
    // Leftovers that report one statement.
    let mut left_rest = Vec::new();
    // Attributions already spent on a statement of their own.
    let mut paired: Vec<&Attribution> = Vec::new();
    for (li, la) in left_unmatched {
        let lc = l.content(la);
        let partner = right_unmatched.iter().position(|&(_, ra)| {
            let rc = r.content(ra);
            if lc.is_empty() || rc.is_empty() {
                lone
            } else {
                overlap(&lc, &rc) >= SAME_CONTENT || overlap(&rc, &lc) >= SAME_CONTENT
            }
        });
        let Some(k) = partner else {
            left_rest.push((li, la));
            continue;
        };
        let (ri, ra) = right_unmatched.remove(k);
        paired.extend([la, ra]);
        // Both credits written in these sentences (not carried from a
        // quotation's opener), both names, neither named on the other side.
        let written = own_cue(&l, li, la) && own_cue(&r, ri, ra);
        if written && named(&l, la) && named(&r, ra) && !mentions(&r, la) && !mentions(&l, ra) {
            let mut change = base(Kind::SpeakerChanged, Some(li), Some(ri), la, Some(ra));
            change.detail = format!(
                "speaker changed: {} → {}",
                la.speaker.as_deref().unwrap_or_default(),
                ra.speaker.as_deref().unwrap_or_default()
            );
            changes.push(change);
            changes.extend(
                compare_matched(&l, li, la, &r, ri, ra)
                    .into_iter()
                    .filter(|c| c.kind != Kind::CueChanged),
            );
        } else if compatible(la, ra) {
            // One speaker named two ways ("Customers" / "Users", "he" /
            // "Lumbuenamo"): compared as the same speaker.
            changes.extend(compare_matched(&l, li, la, &r, ri, ra));
        }
    }
    // A quotation's later sentences carry their opener's credit: whether
    // that credit was dropped is read where it is written.
    for (li, la) in left_rest {
        if la.speaker.is_none() || !own_cue(&l, li, la) || credited(la, &l, &r, &paired) {
            continue;
        }
        let mut change = base(Kind::AttributionDropped, Some(li), None, la, None);
        change.detail = format!("source credit dropped: {}", credit(la));
        changes.push(change);
    }
    for (ri, ra) in right_unmatched {
        if ra.speaker.is_none() || !own_cue(&r, ri, ra) || credited(ra, &r, &l, &paired) {
            continue;
        }
        let mut change = base(Kind::AttributionAdded, None, Some(ri), ra, None);
        change.left_cue = None;
        change.right_cue = Some(ra.cue_lemma.clone());
        change.right_cue_text = change.left_cue_text.take();
        change.detail = format!("source credit added: {}", credit(ra));
        changes.push(change);
    }
    changes.extend(hedges(&l, &r));
    changes
}

/// The credit as a reader would write it: "Lieberman said", and for the
/// cue that is a preposition, "according to the report".
fn credit(a: &Attribution) -> String {
    let name = speaker_name(a);
    if a.cue_lemma == "according to" {
        format!("{} {name}", a.cue)
    } else {
        format!("{name} {}", a.cue)
    }
}

fn speaker_name(a: &Attribution) -> &str {
    a.speaker_resolved
        .as_deref()
        .or(a.speaker.as_deref())
        .unwrap_or("(unnamed)")
}

/// Two attributions name one speaker when their keys agree, or when their
/// mentions share a content word ("the Kremlin's envoy" and "the Kremlin's
/// special envoy, Zamir Kabulov"). Unnamed speakers match each other.
pub fn same_speaker(a: &Attribution, b: &Attribution) -> bool {
    match (&a.speaker_key, &b.speaker_key) {
        (Some(x), Some(y)) if x == y => return true,
        // One name spelled two ways: "Schooff" / "Blair Schoof", "Anne
        // McClellan" / "Anne McLellan", the family name one letter off.
        (Some(x), Some(y)) if spelled_alike(x, y) => return true,
        // Two people's names: "Undersheriff James Gage" is not "Sheriff
        // Robert Pickell" for sharing "Genesee County".
        (Some(_), Some(_))
            if [a, b]
                .iter()
                .all(|s| s.speaker.as_deref().is_some_and(is_name)) =>
        {
            return false;
        }
        _ => {}
    }
    match (&a.speaker, &b.speaker) {
        // The same words name the same speaker, even an unresolved "he".
        (Some(x), Some(y)) if normalize::fold(x.trim()) == normalize::fold(y.trim()) => true,
        (Some(x), Some(y)) => {
            let (x, y) = (normalize::content_tokens(x), normalize::content_tokens(y));
            x.iter().any(|t| y.contains(t))
        }
        (None, None) => true,
        _ => false,
    }
}

/// True when two speaker keys end in family names of five letters or more
/// that one letter turns into each other.
fn spelled_alike(x: &str, y: &str) -> bool {
    fn family(key: &str) -> &str {
        key.rsplit(' ').next().unwrap_or_default()
    }
    let (a, b) = (family(x), family(y));
    a != b && a.chars().count().min(b.chars().count()) >= 5 && super::names::one_edit(a, b)
}

fn base(
    kind: Kind,
    left: Option<usize>,
    right: Option<usize>,
    la: &Attribution,
    ra: Option<&Attribution>,
) -> AttributionChange {
    // The speaker as a reader would name them (a pronoun resolved), with
    // the sentence's own words kept when they differ.
    let named_by = if la.speaker.is_some() {
        Some(la)
    } else {
        ra.filter(|r| r.speaker.is_some())
    };
    let as_written = named_by.and_then(|a| a.speaker.clone());
    let speaker = named_by
        .and_then(|a| a.speaker_resolved.clone())
        .or_else(|| as_written.clone());
    AttributionChange {
        kind,
        left,
        right,
        speaker_as_written: as_written.filter(|w| Some(w) != speaker.as_ref()),
        speaker,
        left_cue: Some(la.cue_lemma.clone()),
        right_cue: ra.map(|r| r.cue_lemma.clone()),
        left_cue_text: Some(la.cue.clone()),
        right_cue_text: ra.map(|r| r.cue.clone()),
        left_certainty: None,
        right_certainty: None,
        detail: String::new(),
        left_quote: None,
        right_quote: None,
        quote_diff: None,
    }
}

/// True when the attribution's cue lies in the sentence `index` of the
/// side: a quotation's later sentences carry their opener's cue, which that
/// sentence never wrote.
fn own_cue(side: &Side<'_>, index: usize, a: &Attribution) -> bool {
    side.doc
        .sentences
        .get(index)
        .is_some_and(|s| s.span.start <= a.cue_span.start && a.cue_span.end <= s.span.end)
}

/// Adverbs that change what a cue says of its statement ("always said",
/// "falsely claimed"); time adverbs ("later said") do not.
const CUE_ADVERBS: &[&str] = &[
    "always",
    "repeatedly",
    "often",
    "frequently",
    "never",
    "publicly",
    "privately",
    "falsely",
    "wrongly",
    "consistently",
    "initially",
];

/// The framing adverb right before an attribution's cue, if any.
fn cue_adverb(side: &Side<'_>, a: &Attribution) -> Option<&'static str> {
    // The few bytes before the cue hold the word: reading the whole text
    // before it would make a long document quadratic.
    let text = &side.doc.text;
    let mut from = a.cue_span.start.saturating_sub(24);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..a.cue_span.start)?;
    let (at, word) = normalize::words(before).last()?;
    // A word cut by the window is no adverb.
    if at == 0 && from > 0 {
        return None;
    }
    // Only the word right before the cue ("LaRue always said").
    if before.len() - (at + word.len()) > 1 {
        return None;
    }
    let folded = normalize::fold(word);
    CUE_ADVERBS.iter().find(|w| **w == folded).copied()
}

/// Changes between two attributions of one speaker.
fn compare_matched(
    l: &Side<'_>,
    li: usize,
    la: &Attribution,
    r: &Side<'_>,
    ri: usize,
    ra: &Attribution,
) -> Vec<AttributionChange> {
    let mut changes = Vec::new();
    let (lc, rc) = (l.content(la), r.content(ra));
    // Two credits of one speaker for different statements compare nothing.
    // Sharing a name is not saying the same: "Deep Throat was one person"
    // and "he will not reveal the source's name until after Deep Throat
    // dies" share only whom they are about.
    let says_the_same = || {
        let (lp, rp) = (l.predicate(la), r.predicate(ra));
        lp.is_empty() || rp.is_empty() || overlap(&lp, &rp) > 0.0
    };
    let same_statement = lc.is_empty()
        || rc.is_empty()
        || (overlap(&lc, &rc).max(overlap(&rc, &lc)) >= SAME_STATEMENT && says_the_same());
    let (lm, rm) = (cue_adverb(l, la), cue_adverb(r, ra));
    let cue_differs = la.cue_lemma != ra.cue_lemma || lm != rm;
    if cue_differs && own_cue(l, li, la) && own_cue(r, ri, ra) && same_statement {
        let mut change = base(Kind::CueChanged, Some(li), Some(ri), la, Some(ra));
        change.left_certainty = Some(crate::lexicon::cues::certainty(&la.cue_lemma));
        change.right_certainty = Some(crate::lexicon::cues::certainty(&ra.cue_lemma));
        let with = |adverb: Option<&str>, cue: &str| match adverb {
            Some(a) => format!("{a} {cue}"),
            None => cue.to_string(),
        };
        change.detail = format!("\"{}\" became \"{}\"", with(lm, &la.cue), with(rm, &ra.cue));
        changes.push(change);
    }
    match (&la.quote, &ra.quote) {
        (Some(lq), Some(rq)) if altered(&quote_words(l.doc, lq), &quote_words(r.doc, rq)) => {
            let mut change = base(Kind::QuoteAltered, Some(li), Some(ri), la, Some(ra));
            change.detail = "words inside the quotation marks differ".to_string();
            change.left_quote = Some(lq.text.clone());
            change.right_quote = Some(rq.text.clone());
            change.quote_diff = Some(super::word_diff(&lq.text, &rq.text));
            changes.push(change);
        }
        // Made indirect: the reported speech says what the quote said.
        (Some(lq), None)
            if la.direct
                && !ra.direct
                && overlap(
                    &content_stems(l.doc.words_within(lq.span)).collect::<Vec<_>>(),
                    &rc,
                ) >= SAME_STATEMENT =>
        {
            let mut change = base(Kind::QuoteMadeIndirect, Some(li), Some(ri), la, Some(ra));
            change.detail = "direct quote turned into reported speech".to_string();
            change.left_quote = Some(lq.text.clone());
            changes.push(change);
        }
        _ => {}
    }
    changes
}

/// True when two quotes' words differ other than by one being an excerpt
/// of the other: a quote cut shorter, or split into sentences, keeps its
/// words in order ("A, and B" / "A." "B"). Nor is a word joined or split
/// at a hyphen an alteration ("co-mingling" / "comingling").
fn altered(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return !long.is_empty();
    }
    !long.windows(short.len()).any(|w| w == short) && a.concat() != b.concat()
}

/// The words of a quote, compared without case, punctuation or quote-mark
/// style, so only a change of wording counts as an alteration: the
/// folded words of its tokens, a month by its number ("Sept." is
/// September).
fn quote_words(doc: &Document, quote: &Quote) -> Vec<String> {
    doc.words_within(quote.span)
        .map(|w| quote_word(w.folded.to_string()))
        .collect()
}

fn quote_word(folded: String) -> String {
    match crate::lexicon::calendar::month_number(&folded) {
        Some(month) => format!("month {month}"),
        None => american(folded),
    }
}

/// [`quote_words`] of a quote's text alone.
#[cfg(test)]
fn text_quote_words(text: &str) -> Vec<String> {
    normalize::words(text)
        .map(|(_, w)| quote_word(normalize::fold(w)))
        .collect()
}

/// A folded word in American spelling, so a quote copied across the
/// Atlantic ("realised" / "realized", "colour" / "color") is not altered.
/// Applied to both sides alike; only endings no two English words differ
/// by are rewritten.
fn american(word: String) -> String {
    const ENDINGS: &[(&str, &str)] = &[
        ("isation", "ization"),
        ("isations", "izations"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("ising", "izing"),
        ("ise", "ize"),
        ("yse", "yze"),
        ("ysed", "yzed"),
        ("our", "or"),
        ("ours", "ors"),
        ("oured", "ored"),
    ];
    for (british, us) in ENDINGS {
        if let Some(stem) = word.strip_suffix(british) {
            // Short words keep their ending: "rise", "prise", "four", "hour".
            if stem.len() >= 3 {
                return format!("{stem}{us}");
            }
        }
    }
    word
}

#[cfg(test)]
#[path = "attribution_tests.rs"]
mod tests;
