//! Attribution changes inside one aligned group: who said it, how, and in
//! whose words.

use crate::model::{Attribution, Sentence};
use crate::normalize;
use crate::report::{AttributionChange, AttributionChangeKind as Kind};

/// Compares the attributions of the left and right sentences of one group.
///
/// Attributions are matched speaker by speaker (in reading order within one
/// speaker); a left attribution left over is dropped, a right one added, and
/// a lone pair of leftovers with different speakers is a speaker change.
pub fn compare_group(left: &[&Sentence], right: &[&Sentence]) -> Vec<AttributionChange> {
    let lefts: Vec<(usize, &Attribution)> = with_index(left);
    let rights: Vec<(usize, &Attribution)> = with_index(right);
    let mut right_taken = vec![false; rights.len()];
    let mut left_unmatched = Vec::new();
    let mut changes = Vec::new();
    for &(li, la) in &lefts {
        let partner = rights
            .iter()
            .enumerate()
            .find(|(k, (_, ra))| !right_taken[*k] && same_speaker(la, ra));
        match partner {
            Some((k, &(ri, ra))) => {
                right_taken[k] = true;
                changes.extend(compare_matched(li, la, ri, ra));
            }
            None => left_unmatched.push((li, la)),
        }
    }
    let right_unmatched: Vec<(usize, &Attribution)> = rights
        .iter()
        .zip(&right_taken)
        .filter(|(_, taken)| !**taken)
        .map(|(r, _)| *r)
        .collect();
    if let ([(li, la)], [(ri, ra)]) = (left_unmatched.as_slice(), right_unmatched.as_slice()) {
        if la.speaker.is_some() && ra.speaker.is_some() {
            let mut change = base(Kind::SpeakerChanged, Some(*li), Some(*ri), la, Some(ra));
            change.detail = format!(
                "speaker changed: {} → {}",
                la.speaker.as_deref().unwrap_or_default(),
                ra.speaker.as_deref().unwrap_or_default()
            );
            changes.push(change);
            changes.extend(
                compare_matched(*li, la, *ri, ra)
                    .into_iter()
                    .filter(|c| c.kind != Kind::CueChanged),
            );
            return changes;
        }
    }
    for (li, la) in left_unmatched
        .into_iter()
        .filter(|(_, a)| a.speaker.is_some())
    {
        let mut change = base(Kind::AttributionDropped, Some(li), None, la, None);
        change.detail = format!("source credit dropped: {} {}", speaker_name(la), la.cue);
        changes.push(change);
    }
    for (ri, ra) in right_unmatched
        .into_iter()
        .filter(|(_, a)| a.speaker.is_some())
    {
        let mut change = base(Kind::AttributionAdded, None, Some(ri), ra, None);
        change.left_cue = None;
        change.right_cue = Some(ra.cue_lemma.clone());
        change.detail = format!("source credit added: {} {}", speaker_name(ra), ra.cue);
        changes.push(change);
    }
    changes
}

fn with_index<'a>(sentences: &[&'a Sentence]) -> Vec<(usize, &'a Attribution)> {
    sentences
        .iter()
        .flat_map(|s| s.attributions().map(move |a| (s.index, a)))
        .collect()
}

fn speaker_name(a: &Attribution) -> &str {
    a.speaker.as_deref().unwrap_or("(unnamed)")
}

/// Two attributions name one speaker when their keys agree, or when their
/// mentions share a content word ("the Kremlin's envoy" and "the Kremlin's
/// special envoy, Zamir Kabulov"). Unnamed speakers match each other.
pub fn same_speaker(a: &Attribution, b: &Attribution) -> bool {
    match (&a.speaker_key, &b.speaker_key) {
        (Some(x), Some(y)) if x == y => return true,
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
    AttributionChange {
        kind,
        left,
        right,
        speaker: la
            .speaker
            .clone()
            .or_else(|| ra.and_then(|r| r.speaker.clone())),
        left_cue: Some(la.cue_lemma.clone()),
        right_cue: ra.map(|r| r.cue_lemma.clone()),
        detail: String::new(),
        left_quote: None,
        right_quote: None,
    }
}

/// Changes between two attributions of one speaker.
fn compare_matched(
    li: usize,
    la: &Attribution,
    ri: usize,
    ra: &Attribution,
) -> Vec<AttributionChange> {
    let mut changes = Vec::new();
    if la.cue_lemma != ra.cue_lemma {
        let mut change = base(Kind::CueChanged, Some(li), Some(ri), la, Some(ra));
        change.detail = format!("\"{}\" became \"{}\"", la.cue, ra.cue);
        changes.push(change);
    }
    match (&la.quote, &ra.quote) {
        (Some(lq), Some(rq)) if quote_words(&lq.text) != quote_words(&rq.text) => {
            let mut change = base(Kind::QuoteAltered, Some(li), Some(ri), la, Some(ra));
            change.detail = "words inside the quotation marks differ".to_string();
            change.left_quote = Some(lq.text.clone());
            change.right_quote = Some(rq.text.clone());
            changes.push(change);
        }
        (Some(lq), None) if la.direct && !ra.direct => {
            let mut change = base(Kind::QuoteMadeIndirect, Some(li), Some(ri), la, Some(ra));
            change.detail = "direct quote turned into reported speech".to_string();
            change.left_quote = Some(lq.text.clone());
            changes.push(change);
        }
        _ => {}
    }
    changes
}

/// The words of a quote, compared without case, punctuation or quote-mark
/// style, so only a change of wording counts as an alteration.
fn quote_words(text: &str) -> Vec<String> {
    normalize::words(text)
        .map(|(_, w)| normalize::fold(w))
        .collect()
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
}
