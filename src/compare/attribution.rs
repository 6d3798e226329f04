//! Attribution changes inside one aligned group: who said it, how, and in
//! whose words.
//!
//! Precision comes first: a credit counts as dropped (or added) only when
//! the other side really lacks a credit for that content, and a speaker
//! change needs both sides to name different people for one statement.

use crate::align::AlignedPair;
use crate::model::{Attribution, Document, Sentence};
use crate::normalize;
use crate::report::{AttributionChange, AttributionChangeKind as Kind};
use rustc_hash::FxHashSet;

/// Share of a content's words that another content must carry for the two
/// to be one statement.
const SAME_CONTENT: f64 = 0.5;

/// Least share of shared words for two credits of one speaker to report
/// one statement (a cue changed, a quote made indirect): lower than
/// [`SAME_CONTENT`], because a rewording keeps fewer words.
const SAME_STATEMENT: f64 = 0.25;

/// One side of an aligned group, with what the checks read of it.
struct Side<'a> {
    doc: &'a Document,
    /// The group's sentences, in order.
    sentences: Vec<&'a Sentence>,
    /// The group's attributions, with their sentence index.
    attributions: Vec<(usize, &'a Attribution)>,
    /// Folded words of the group's sentences.
    words: FxHashSet<String>,
    /// True when a sentence of the group carries a quotation mark.
    quoted: bool,
}

impl<'a> Side<'a> {
    fn new(doc: &'a Document, group: &[usize]) -> Side<'a> {
        let sentences: Vec<&Sentence> =
            group.iter().filter_map(|&i| doc.sentences.get(i)).collect();
        let attributions = sentences
            .iter()
            .flat_map(|s| s.attributions().map(move |a| (s.index, a)))
            .collect();
        let words = sentences
            .iter()
            .flat_map(|s| normalize::words(&s.text).map(|(_, w)| normalize::fold(w)))
            .collect();
        let quoted = sentences.iter().any(|s| s.text.contains(QUOTE_MARKS));
        Side {
            doc,
            sentences,
            attributions,
            words,
            quoted,
        }
    }

    /// The content words (stemmed) an attribution reports, from its span.
    fn content(&self, a: &Attribution) -> Vec<String> {
        a.content_span
            .and_then(|c| self.doc.text.get(c.start..c.end))
            .map(normalize::content_tokens)
            .unwrap_or_default()
    }

    /// Attributions of the sentences just before and after the group.
    fn neighbours(&self) -> impl Iterator<Item = &'a Attribution> {
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

const QUOTE_MARKS: &[char] = &['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}', '\u{2018}'];

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
pub fn compare_group(
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
        change.detail = format!("source credit dropped: {} {}", speaker_name(la), la.cue);
        changes.push(change);
    }
    for (ri, ra) in right_unmatched {
        if ra.speaker.is_none() || !own_cue(&r, ri, ra) || credited(ra, &r, &l, &paired) {
            continue;
        }
        let mut change = base(Kind::AttributionAdded, None, Some(ri), ra, None);
        change.left_cue = None;
        change.right_cue = Some(ra.cue_lemma.clone());
        change.detail = format!("source credit added: {} {}", speaker_name(ra), ra.cue);
        changes.push(change);
    }
    changes.extend(hedges(&l, &r));
    changes
}

/// A reporting hedge ("reportedly", "were said to") on one side only, when
/// the other side credits nobody for the group: the claim lost (or gained)
/// its hedge.
fn hedges(l: &Side<'_>, r: &Side<'_>) -> Option<AttributionChange> {
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
        let there: Vec<String> = other
            .sentences
            .iter()
            .flat_map(|s| normalize::content_tokens(&s.text))
            .collect();
        !hedged.is_empty() && overlap(&hedged, &there) >= SAME_CONTENT
    };
    let (kind, left, right, hedge) = match (hedge_of(l), hedge_of(r)) {
        (Some((li, (h, rest))), None) if uncredited(r) && carried(&rest, r) => {
            (Kind::AttributionDropped, Some(li), None, h)
        }
        (None, Some((ri, (h, rest)))) if uncredited(l) && carried(&rest, l) => {
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
        detail: format!(
            "reporting hedge {}: {hedge}",
            if dropped { "dropped" } else { "added" }
        ),
        left_quote: None,
        right_quote: None,
    })
}

/// True when two credits can name one speaker: not one person and one
/// group by their pronouns ("he" / "They").
fn compatible(a: &Attribution, b: &Attribution) -> bool {
    let number = |x: &Attribution| match x.speaker.as_deref().map(normalize::fold).as_deref() {
        Some("he" | "she" | "i") => Some(true),
        Some("they" | "we") => Some(false),
        _ => None,
    };
    !matches!((number(a), number(b)), (Some(x), Some(y)) if x != y)
}

/// Share of `a`'s words that `b` carries.
fn overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let b: FxHashSet<&str> = b.iter().map(String::as_str).collect();
    a.iter().filter(|w| b.contains(w.as_str())).count() as f64 / a.len() as f64
}

/// True when the other side still credits what `a` (of side `own`) reports:
/// the same speaker elsewhere in the group, the speaker named in it, a
/// credit of the same content to a speaker described otherwise, or, for
/// quoted words, the same speaker in the sentence before or after (a quote
/// cut into sentences differently, a credit given once for a quotation).
fn credited(a: &Attribution, own: &Side<'_>, other: &Side<'_>, paired: &[&Attribution]) -> bool {
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
        let words = normalize::content_tokens(&q.text);
        let quoted: Vec<String> = other
            .sentences
            .iter()
            .flat_map(|s| normalize::content_tokens(&s.text))
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
fn mentions(side: &Side<'_>, a: &Attribution) -> bool {
    a.speaker_key
        .as_deref()
        .and_then(|k| k.split(' ').next_back())
        .is_some_and(|w| side.words.contains(w))
}

/// True when the speaker, as written, is a name: see [`is_name`]. A single
/// word opening its sentence is capitalised anyway ("Customers said"), so
/// only an acronym counts there.
fn named(side: &Side<'_>, a: &Attribution) -> bool {
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
fn is_name(mention: &str) -> bool {
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
        detail: String::new(),
        left_quote: None,
        right_quote: None,
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
    let before = side.doc.text.get(..a.cue_span.start)?;
    let (at, word) = normalize::words(before).last()?;
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
    let same_statement = lc.is_empty()
        || rc.is_empty()
        || overlap(&lc, &rc).max(overlap(&rc, &lc)) >= SAME_STATEMENT;
    let (lm, rm) = (cue_adverb(l, la), cue_adverb(r, ra));
    let cue_differs = la.cue_lemma != ra.cue_lemma || lm != rm;
    if cue_differs && own_cue(l, li, la) && own_cue(r, ri, ra) && same_statement {
        let mut change = base(Kind::CueChanged, Some(li), Some(ri), la, Some(ra));
        let with = |adverb: Option<&str>, cue: &str| match adverb {
            Some(a) => format!("{a} {cue}"),
            None => cue.to_string(),
        };
        change.detail = format!("\"{}\" became \"{}\"", with(lm, &la.cue), with(rm, &ra.cue));
        changes.push(change);
    }
    match (&la.quote, &ra.quote) {
        (Some(lq), Some(rq)) if altered(&quote_words(&lq.text), &quote_words(&rq.text)) => {
            let mut change = base(Kind::QuoteAltered, Some(li), Some(ri), la, Some(ra));
            change.detail = "words inside the quotation marks differ".to_string();
            change.left_quote = Some(lq.text.clone());
            change.right_quote = Some(rq.text.clone());
            changes.push(change);
        }
        // Made indirect: the reported speech says what the quote said.
        (Some(lq), None)
            if la.direct
                && !ra.direct
                && overlap(&normalize::content_tokens(&lq.text), &rc) >= SAME_STATEMENT =>
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
/// words in order ("A, and B" / "A." "B").
fn altered(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.is_empty() {
        return !long.is_empty();
    }
    !long.windows(short.len()).any(|w| w == short)
}

/// The words of a quote, compared without case, punctuation or quote-mark
/// style, so only a change of wording counts as an alteration.
fn quote_words(text: &str) -> Vec<String> {
    normalize::words(text)
        .map(|(_, w)| american(normalize::fold(w)))
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
mod tests {
    use super::*;

    fn said_by(speaker: &str) -> Attribution {
        let span = crate::model::Span::new(0, 0);
        Attribution {
            speaker: Some(speaker.to_string()),
            speaker_key: None,
            cue: "said".into(),
            cue_lemma: "say".into(),
            cue_span: span,
            speaker_span: None,
            quote: None,
            direct: false,
            content_span: None,
            speaker_resolved: None,
        }
    }

    #[test]
    fn unresolved_pronoun_is_the_same_speaker_as_itself() {
        // Regression: "he" with no antecedent has no key and no content
        // word, and was reported as "speaker changed: he → he".
        assert!(same_speaker(&said_by("he"), &said_by("He")));
        assert!(!same_speaker(&said_by("he"), &said_by("she")));
        assert!(same_speaker(
            &said_by("the Kremlin's envoy"),
            &said_by("the Kremlin's special envoy")
        ));
    }

    #[test]
    fn quote_style_and_case_are_not_alterations() {
        assert_eq!(
            quote_words("We understand, that’s all."),
            quote_words("we understand that's all")
        );
        assert_ne!(
            quote_words("we need to interact"),
            quote_words("we have to communicate")
        );
    }

    #[test]
    fn only_names_make_a_speaker_change() {
        assert!(is_name("Genesee County Sheriff Robert J Pickell"));
        assert!(is_name("UNICEF"));
        assert!(is_name("Moira Austin of the Anaphylaxis Campaign"));
        for not_a_name in [
            "The judge",
            "he",
            "She",
            "Iran's seismologic center",
            "state media",
            "a senior scientist at Carnegie Mellon's Robotics Institute",
        ] {
            assert!(!is_name(not_a_name), "{not_a_name}");
        }
    }

    #[test]
    fn two_names_sharing_a_place_are_two_speakers() {
        // Regression: "Genesee County" made Gage and Pickell one speaker.
        let mut gage = said_by("Genesee County Undersheriff James Gage");
        gage.speaker_key = Some("gage".into());
        let mut pickell = said_by("Genesee County Sheriff Robert J Pickell");
        pickell.speaker_key = Some("pickell".into());
        assert!(!same_speaker(&gage, &pickell));
    }

    #[test]
    fn british_spelling_is_not_an_alteration() {
        // Regression: "realized" / "realised" was an altered quote.
        assert_eq!(
            quote_words("He probably realized the colour"),
            quote_words("He probably realised the color")
        );
        assert_ne!(quote_words("four hours"), quote_words("for hours"));
    }

    #[test]
    fn an_excerpt_or_a_split_quote_is_not_altered() {
        let whole =
            quote_words("the Act has protected wildlife, and we should improve it, not weaken it");
        assert!(!altered(
            &whole,
            &quote_words("we should improve it, not weaken it")
        ));
        assert!(!altered(
            &whole,
            &quote_words("The Act has protected wildlife.")
        ));
        assert!(altered(
            &quote_words("we will not raise taxes"),
            &quote_words("we will raise taxes")
        ));
    }
}

#[cfg(test)]
mod pipeline_tests {
    use crate::report::{AttributionChange, AttributionChangeKind as Kind};

    fn changes(left: &str, right: &str) -> Vec<AttributionChange> {
        crate::compare_texts("l.txt", left, "r.txt", right, &crate::Options::default())
            .attribution_changes
    }

    fn kinds(left: &str, right: &str) -> Vec<Kind> {
        changes(left, right).iter().map(|c| c.kind).collect()
    }

    #[test]
    fn pronoun_speaker_is_reported_by_name() {
        let found = changes(
            "Putin said the talks would start on Tuesday.\n\nHe said they had plans to move between countries.",
            "Putin said the talks would start on Tuesday.\n\nHe pointed out that they had plans to move between countries.",
        );
        let cue = found
            .iter()
            .find(|c| c.kind == Kind::CueChanged)
            .expect("a cue change");
        assert_eq!(cue.speaker.as_deref(), Some("Putin"));
        assert_eq!(cue.speaker_as_written.as_deref(), Some("He"));
    }

    #[test]
    fn speaker_named_in_other_wording_is_no_added_credit() {
        // Regression: "claims from the government's lawyers that …" carries
        // the credit as a noun; "the government said" added nothing.
        let found = kinds(
            "The court rejected claims from the government's lawyers that too much time had passed since the war.",
            "The government's lawyers said that too much time had passed since the war.",
        );
        assert!(!found.contains(&Kind::AttributionAdded), "{found:?}");
    }

    #[test]
    fn descriptor_against_name_is_no_speaker_change() {
        let found = kinds(
            "The judge said in 2011 that there was evidence of systematic torture of detainees.",
            "McCombe said in 2011 that there was evidence of systematic torture of detainees.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn two_names_for_one_statement_are_a_speaker_change() {
        let found = kinds(
            "Deputies chased him at speeds of more than 100 mph before he pulled over, Undersheriff James Gage said.",
            "Deputies chased him at speeds of more than 100 mph before he pulled over, Sheriff Robert Pickell said.",
        );
        assert_eq!(found, vec![Kind::SpeakerChanged]);
    }

    #[test]
    fn a_quote_and_another_statement_are_not_made_indirect() {
        // Regression: "he added: "We never meant to deceive them"" against
        // "he said that the group had betrayed its customers" was a quote
        // made indirect and a cue change.
        let found = kinds(
            "Days later, Desaki resigned, conceding that the group had betrayed its customers, although he added: \"We never had the intention to deceive them.\"",
            "Days later, Desaki resigned – he said that the group had betrayed its customers.",
        );
        assert!(!found.contains(&Kind::QuoteMadeIndirect), "{found:?}");
        assert!(!found.contains(&Kind::CueChanged), "{found:?}");
        let found = kinds(
            "Tamir said: \"This temporary workaround is like applying a Band-Aid to a wound.\"",
            "Tamir said that the patch is a temporary workaround, like applying a Band-Aid to a wound.",
        );
        assert_eq!(found, vec![Kind::QuoteMadeIndirect]);
    }

    #[test]
    fn a_quote_made_indirect_is_not_also_an_omitted_quote() {
        let report = crate::compare_texts(
            "l.txt",
            "Tamir said: \"This temporary workaround is like applying a Band-Aid to a wound.\"",
            "r.txt",
            "Tamir said that the patch is a temporary workaround, like applying a Band-Aid to a wound.",
            &crate::Options::default(),
        );
        assert_eq!(report.attribution_changes.len(), 1);
        assert!(
            report
                .facts
                .omitted
                .iter()
                .all(|f| f.kind != crate::report::FactKind::Quote),
            "{:?}",
            report.facts.omitted
        );
    }

    #[test]
    fn a_credit_added_to_words_quoted_on_both_sides_is_no_added_credit() {
        // Regression: the left quotes the mayor's words in a quotation
        // credited a paragraph before; the right names him in the sentence.
        let found = kinds(
            "\"The work I can create, as mayor, is temporary and it will not last.",
            "But Piscedda says, \"The work I can create, as mayor, is temporary and it will not last.",
        );
        assert!(!found.contains(&Kind::AttributionAdded), "{found:?}");
    }

    #[test]
    fn a_hedge_dropped_or_added_is_a_credit_change() {
        let found = changes(
            "Three climbers with Mr Buckley were said to have been rescued after a night on the mountain.",
            "Three climbers who were with Mr Buckley were rescued after a night on the mountain.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, Kind::AttributionDropped);
        assert_eq!(found[0].left_cue.as_deref(), Some("said to"));
        let found = kinds(
            "Microsoft has released a temporary patch for its browser.",
            "Microsoft has reportedly issued a temporary patch for its browser.",
        );
        assert_eq!(found, vec![Kind::AttributionAdded]);
        // A clause cut with its hedge is an omission.
        let found = kinds(
            "The building houses law offices and the accounting firm where the shooting was believed to have occurred.",
            "The building houses law offices and the accounting firm.",
        );
        assert!(found.is_empty(), "{found:?}");
        // Both hedged: nothing.
        let found = kinds(
            "Microsoft has reportedly released a temporary patch for its browser.",
            "Microsoft has allegedly issued a temporary patch for its browser.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_framing_adverb_changes_the_cue() {
        let found = changes(
            "LaRue said he advised against the burglary.",
            "LaRue always said he advised against the burglary.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].kind, Kind::CueChanged);
        assert_eq!(found[0].detail, "\"said\" became \"always said\"");
        // A time adverb is no framing.
        let found = kinds(
            "LaRue said he advised against the burglary.",
            "LaRue later said he advised against the burglary.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_real_dropped_credit_is_still_found() {
        let found = kinds(
            "His body was recovered by rescuers on Sunday afternoon, according to local media reports.",
            "His body was recovered by rescuers on Sunday afternoon.",
        );
        assert_eq!(found, vec![Kind::AttributionDropped]);
    }
}
