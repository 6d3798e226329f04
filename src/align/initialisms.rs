//! Initialisms and the names they stand for: "UAE" and "the United Arab
//! Emirates", "USGS" and "the US Geological Survey", "IMF" and "the
//! International Monetary Fund".
//!
//! Two outlets often differ only in this: one spells the name out, the
//! other writes its initials. As tokens the two share nothing, and the name
//! is often the rarest, heaviest part of the sentence, so the pair fell
//! below the threshold ("The temblor was felt as far away as Oman and the
//! United Arab Emirates." / "... was felt in the neighbouring Gulf states
//! of Oman and the UAE."). A sentence records the initials of each word
//! written in capitals, and the initials of each run of capitalised words
//! (and of its sub-runs, since a run may start with "The" or a sentence's
//! first word); the similarity counts an initialism on one side and its
//! run on the other as shared.

use super::similarity::{key, Key};
use rustc_hash::FxHashSet;
use std::sync::Arc;

/// Words of a run whose initials are taken, at most: a longer run (an
/// all-capitals headline) adds sub-runs as the square of its length.
const MAX_RUN: usize = 8;

/// An initialism has this many letters.
const LETTERS: std::ops::RangeInclusive<usize> = 2..=6;

/// Lower-case words that may join a name's capitalised words ("Bank of
/// England", "Department for Education") without a letter of their own.
const CONNECTORS: [&str; 4] = ["of", "for", "and", "the"];

/// The initialisms of a sentence and the runs of capitalised words they
/// may stand for, each a sorted list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Initialisms {
    /// (initials key, the word's stem) of each word written in capitals.
    pub acronyms: Vec<(Key, Key)>,
    /// Each run of two or more capitalised words, and each sub-run, by its
    /// initials; its content words are `stems[start..end]`.
    pub runs: Vec<Run>,
    /// The stems of the runs' content words, run by run.
    pub stems: Vec<Key>,
}

/// A run of capitalised words; see [`Initialisms::runs`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Run {
    pub initials: Key,
    pub start: u32,
    pub end: u32,
}

impl Initialisms {
    /// True when the sentence has neither.
    pub fn is_empty(&self) -> bool {
        self.acronyms.is_empty() && self.runs.is_empty()
    }

    /// The content words' stems of a run.
    pub fn stems_of(&self, run: &Run) -> &[Key] {
        self.stems
            .get(run.start as usize..run.end as usize)
            .unwrap_or_default()
    }

    /// Several sentences' initialisms, as one sentence's (merged groups).
    pub fn merged<'a>(parts: impl IntoIterator<Item = &'a Initialisms>) -> Initialisms {
        let mut out = Initialisms::default();
        for part in parts {
            out.acronyms.extend_from_slice(&part.acronyms);
            let offset = out.stems.len() as u32;
            out.stems.extend_from_slice(&part.stems);
            out.runs.extend(part.runs.iter().map(|r| Run {
                initials: r.initials,
                start: r.start + offset,
                end: r.end + offset,
            }));
        }
        out.finish();
        out
    }

    fn finish(&mut self) {
        self.acronyms.sort_unstable();
        self.acronyms.dedup();
        self.runs.sort_unstable();
        self.runs.dedup();
        // A side's initialisms are held at once.
        self.acronyms.shrink_to_fit();
        self.runs.shrink_to_fit();
        self.stems.shrink_to_fit();
    }
}

/// Keeps, of each side's sentences' initialisms, only what can meet the
/// other side: initialisms that the other side spells out somewhere, runs
/// whose initials the other side writes somewhere. The similarity is the
/// same, and the many sentences whose names are never abbreviated on the
/// other side hold nothing.
pub(super) fn prune(sides: [&mut [Option<Arc<Initialisms>>]; 2]) {
    let keys = |side: &[Option<Arc<Initialisms>>]| {
        let (mut acronyms, mut runs) = (FxHashSet::default(), FxHashSet::default());
        for i in side.iter().flatten() {
            acronyms.extend(i.acronyms.iter().map(|a| a.0));
            runs.extend(i.runs.iter().map(|r| r.initials));
        }
        (acronyms, runs)
    };
    let [left, right] = sides;
    let (left_keys, right_keys) = (keys(left), keys(right));
    for (side, (other_acronyms, other_runs)) in [(left, &right_keys), (right, &left_keys)] {
        for slot in side.iter_mut() {
            let Some(i) = slot.as_deref() else {
                continue;
            };
            let mut kept = Initialisms {
                acronyms: i
                    .acronyms
                    .iter()
                    .filter(|a| other_runs.contains(&a.0))
                    .copied()
                    .collect(),
                ..Initialisms::default()
            };
            for run in i
                .runs
                .iter()
                .filter(|r| other_acronyms.contains(&r.initials))
            {
                let start = kept.stems.len() as u32;
                kept.stems.extend_from_slice(i.stems_of(run));
                kept.runs.push(Run {
                    initials: run.initials,
                    start,
                    end: kept.stems.len() as u32,
                });
            }
            kept.finish();
            *slot = (!kept.is_empty()).then(|| Arc::new(kept));
        }
    }
}

/// One word of a sentence as the scan needs it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word<'t> {
    /// The word as written.
    pub text: &'t str,
    /// The word's stem, when it is a content word.
    pub stem: Option<Key>,
    /// True when only space comes between the previous word and this one,
    /// or the full stop of dotted initials ("U.S. Navy": the word is
    /// "U.S"): punctuation between two words ends a run ("Oman, Dubai").
    pub joined: bool,
}

/// The initials a word gives to a run ("UAE" → "uae", "U.S." → "us",
/// "United" → "u"), and whether it is written in capitals.
fn letters_of(word: &str) -> Option<(String, bool)> {
    let first = word.chars().next()?;
    if !first.is_ascii_uppercase() {
        return None;
    }
    let letters: String = word
        .chars()
        .filter(|c| *c != '.')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let capitals = LETTERS.contains(&letters.len())
        && word.chars().all(|c| c == '.' || c.is_ascii_uppercase());
    if capitals {
        Some((letters, true))
    } else {
        Some((first.to_ascii_lowercase().to_string(), false))
    }
}

/// One word of a run: its letters, its stem, and whether it is a
/// connector ("of"), whose letter some initialisms keep ("BoE") and others
/// drop ("FBI").
type Member = (String, Option<Key>, bool);

/// The initialisms of a sentence, given its words in reading order.
pub(super) fn scan(words: &[Word]) -> Initialisms {
    let mut out = Initialisms::default();
    let mut run: Vec<Member> = Vec::new();
    // A connector after the run, waiting for a capitalised word.
    let mut pending: Option<&str> = None;
    for word in words {
        if !word.joined {
            add_runs(&run, &mut out);
            run.clear();
            pending = None;
        }
        match letters_of(word.text) {
            Some((letters, capitals)) => {
                if capitals {
                    if let Some(stem) = word.stem {
                        out.acronyms.push((initials_key(&letters), stem));
                    }
                }
                if let Some(connector) = pending.take() {
                    run.push((connector[..1].to_string(), None, true));
                }
                run.push((letters, word.stem, false));
            }
            None if !run.is_empty() && pending.is_none() && CONNECTORS.contains(&word.text) => {
                pending = Some(word.text);
            }
            None => {
                add_runs(&run, &mut out);
                run.clear();
                pending = None;
            }
        }
    }
    add_runs(&run, &mut out);
    out.finish();
    out
}

/// Adds every sub-run of two or more capitalised words of `run` (its
/// first [`MAX_RUN`] members), with and without its connectors' letters,
/// whose initials could be an initialism's.
fn add_runs(run: &[Member], out: &mut Initialisms) {
    let run = &run[..run.len().min(MAX_RUN)];
    for start in (0..run.len()).filter(|&i| !run[i].2) {
        for end in (start + 1..run.len()).filter(|&j| !run[j].2) {
            let members = &run[start..=end];
            let first = out.stems.len();
            out.stems.extend(members.iter().filter_map(|m| m.1));
            let (Ok(from), Ok(to)) = (u32::try_from(first), u32::try_from(out.stems.len())) else {
                return;
            };
            let with: String = members.iter().map(|m| m.0.as_str()).collect();
            let without: String = members
                .iter()
                .filter(|m| !m.2)
                .map(|m| m.0.as_str())
                .collect();
            let mut added = false;
            for initials in [with, without] {
                if from < to && LETTERS.contains(&initials.len()) {
                    out.runs.push(Run {
                        initials: initials_key(&initials),
                        start: from,
                        end: to,
                    });
                    added = true;
                }
            }
            if !added {
                out.stems.truncate(first);
            }
        }
    }
}

fn initials_key(initials: &str) -> Key {
    key(&format!("initials:{initials}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scanned(text: &str) -> Initialisms {
        let words: Vec<(usize, &str)> = crate::text::normalize::words(text).collect();
        let words: Vec<Word> = words
            .iter()
            .enumerate()
            .map(|(k, &(at, w))| Word {
                text: w,
                stem: Some(key(&w.to_lowercase())),
                joined: k > 0 && {
                    let (before, previous) = words[k - 1];
                    let dotted = previous.contains('.');
                    text[before + previous.len()..at]
                        .trim_start_matches(|c: char| dotted && c == '.')
                        .chars()
                        .all(char::is_whitespace)
                },
            })
            .collect();
        scan(&words)
    }

    fn has_run(i: &Initialisms, initials: &str) -> bool {
        i.runs.iter().any(|r| r.initials == initials_key(initials))
    }

    #[test]
    fn runs_of_capitalised_words_give_their_initials() {
        let i = scanned("It was felt in Oman and the United Arab Emirates on Sunday.");
        assert!(has_run(&i, "uae"));
        // "Emirates on Sunday": a lower-case word that is no connector ends the run.
        assert!(!has_run(&i, "uaes"));
        let i = scanned("The US Geological Survey said the Bank of England agreed.");
        assert!(has_run(&i, "usgs"));
        assert!(has_run(&i, "tusgs"));
        // A run's stems are its content words'.
        let run = i
            .runs
            .iter()
            .find(|r| r.initials == initials_key("usgs"))
            .unwrap();
        assert_eq!(i.stems_of(run).len(), 3);
    }

    #[test]
    fn words_in_capitals_are_initialisms() {
        let i = scanned("The USGS and the U.S. Navy said so.");
        let keys: Vec<Key> = i.acronyms.iter().map(|a| a.0).collect();
        assert!(keys.contains(&initials_key("usgs")));
        assert!(keys.contains(&initials_key("us")));
        assert!(has_run(&i, "usn"));
    }

    #[test]
    fn pruning_keeps_only_what_meets_the_other_side() {
        let held = |text: &str| Some(Arc::new(scanned(text)));
        let mut left = vec![
            held("The United Arab Emirates and the Red Crescent said."),
            held("The BBC reported it."),
        ];
        let mut right = vec![held("The UAE said."), held("Plain words only.")];
        prune([&mut left, &mut right]);
        let left_runs = left[0].as_deref().expect("the UAE run is kept");
        assert!(has_run(left_runs, "uae") && !has_run(left_runs, "rc"));
        // Nothing on the right spells out BBC; nothing on the left writes
        // the initials of the right's runs.
        assert!(left[1].is_none());
        let right_acronyms = right[0].as_deref().expect("UAE is kept");
        assert_eq!(right_acronyms.acronyms.len(), 1);
        assert!(right_acronyms.runs.is_empty());
        assert!(right[1].is_none());
    }

    #[test]
    fn punctuation_ends_a_run() {
        let i = scanned("They visited Oman, Dubai and Qatar.");
        assert!(!has_run(&i, "od"));
        assert!(has_run(&i, "dq"));
        // The connector's letter is kept and dropped.
        let i = scanned("The Federal Bureau of Investigation and the Bank of England.");
        assert!(has_run(&i, "fbi") && has_run(&i, "fboi"));
        assert!(has_run(&i, "boe") && has_run(&i, "be"));
    }
}
