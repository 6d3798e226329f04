//! Document pass: pronoun speakers take the key and the name of the
//! speaker they refer to, then quotations spanning sentences carry their
//! credits (see [`super::quotations`]).

use super::speakers::SpeakerKind;
use crate::model::{Attribution, Document};

/// Gives pronoun speakers the key and the name of the most recent speaker
/// of their kind, in reading order across the document: "he"/"she" the
/// last person, "they"/"it" the last organisation or plural. Only
/// attributions count as antecedents: a speaker is what a later "he said"
/// most often refers to.
pub(crate) fn resolve(
    doc: &mut Document,
    kinds: &[Vec<SpeakerKind>],
    quotes: &[Option<super::quotations::SentenceQuotes>],
) {
    // People the document credits: a sentence opening with one of their
    // names makes them the antecedent of a later "he", even when that
    // sentence credits nobody ("Obama also visited the department. “…,” he
    // told employees.").
    let people: rustc_hash::FxHashSet<String> = doc
        .sentences
        .iter()
        .zip(kinds)
        .flat_map(|(s, k)| s.attributions().zip(k))
        .filter(|(_, kind)| **kind == SpeakerKind::Person)
        .filter_map(|(a, _)| a.speaker_key.clone())
        .collect();
    let (mut person, mut group): (Antecedent, Antecedent) = (None, None);
    for (sentence, kinds) in doc.sentences.iter_mut().zip(kinds) {
        let credited_person = kinds.contains(&SpeakerKind::Person);
        let attributions = sentence.claims.iter_mut().filter_map(|c| match c {
            crate::model::Claim::Attribution(a) => Some(a),
            _ => None,
        });
        for (a, kind) in attributions.zip(kinds) {
            resolve_one(a, *kind, &mut person, &mut group);
        }
        if !credited_person {
            if let Some(subject) = opening_name(&sentence.text, &people) {
                person = Some(subject);
            }
        }
    }
    super::quotations::continue_quotes(doc, quotes);
}

/// The name opening a sentence, as (key, words), when its last word is the
/// key of a person the document credits: "Obama also helped celebrate …",
/// "But Mr Gaskin said …". A leading connective is skipped.
fn opening_name(text: &str, people: &rustc_hash::FxHashSet<String>) -> Option<(String, String)> {
    let mut words = crate::text::normalize::words(text).peekable();
    if words.peek().is_some_and(|(_, w)| {
        matches!(
            w.to_lowercase().as_str(),
            "but" | "and" | "however" | "meanwhile"
        )
    }) {
        words.next();
    }
    let run: Vec<&str> = words
        .take_while(|(_, w)| w.starts_with(char::is_uppercase))
        .map(|(_, w)| w)
        .take(4)
        .collect();
    let last = crate::text::normalize::fold(run.last()?);
    people.contains(&last).then(|| (last, run.join(" ")))
}

/// The last speaker of one kind: its key and its name as written.
type Antecedent = Option<(String, String)>;

fn resolve_one(
    a: &mut Attribution,
    kind: SpeakerKind,
    person: &mut Antecedent,
    group: &mut Antecedent,
) {
    match kind {
        SpeakerKind::PersonPronoun | SpeakerKind::GroupPronoun => {
            let antecedent = if kind == SpeakerKind::PersonPronoun {
                person
            } else {
                group
            };
            // "I" and "we" inside a quote-less sentence have a key of their
            // own only when resolved; a pronoun keyed already keeps it.
            if a.speaker_key.is_none() {
                if let Some((key, name)) = antecedent.as_ref() {
                    a.speaker_key = Some(key.clone());
                    a.speaker_resolved = Some(name.clone());
                }
            }
        }
        SpeakerKind::Person | SpeakerKind::Group => {
            a.speaker_resolved = a.speaker.clone();
            if let (Some(key), Some(name)) = (&a.speaker_key, &a.speaker) {
                let slot = if kind == SpeakerKind::Person {
                    person
                } else {
                    group
                };
                *slot = Some((key.clone(), name.clone()));
            }
        }
    }
}
