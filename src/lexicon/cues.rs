//! The reporting-cue lexicon: every inflected form of a cue mapped to its
//! lemma, so "said", "says" and "saying" all compare as "say".
//!
//! The lemmas follow the reporting verbs of news style guides (the AP
//! Stylebook's "said" entry and the Reuters Handbook list of loaded
//! alternatives: "claimed", "admitted", "insisted" …), because a second
//! report changing "said" to "claimed" or "admitted" is exactly what a reader
//! should be told about.

use crate::model::Certainty;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Lemmas with their forms; an empty list means a regular English verb whose
/// forms [`regular_forms`] derives. The first word of a multiword lemma is
/// inflected ("point out" → "pointed out").
const CUES: &[(&str, &[&str])] = &[
    ("say", &["say", "says", "said", "saying"]),
    ("tell", &["tell", "tells", "told", "telling"]),
    ("write", &["write", "writes", "wrote", "written", "writing"]),
    ("admit", &["admit", "admits", "admitted", "admitting"]),
    (
        "signal",
        &[
            "signal",
            "signals",
            "signalled",
            "signaled",
            "signalling",
            "signaling",
        ],
    ),
    (
        "make clear",
        &[
            "make clear",
            "makes clear",
            "made clear",
            "making clear",
            "made it clear",
            "makes it clear",
        ],
    ),
    ("according to", &["according to"]),
    ("say", &["quoted as saying"]),
    ("tell", &["told reporters", "told journalists"]),
    (
        "emphasize",
        &["emphasise", "emphasises", "emphasised", "emphasising"],
    ),
    ("think", &["think", "thinks", "thought", "thinking"]),
    ("find", &["find", "finds", "found", "finding"]),
    ("show", &["show", "shows", "showed", "shown", "showing"]),
    ("add", &[]),
    ("state", &[]),
    ("confirm", &[]),
    ("announce", &[]),
    ("deny", &[]),
    ("claim", &[]),
    ("allege", &[]),
    ("warn", &[]),
    ("stress", &[]),
    ("insist", &[]),
    ("note", &[]),
    ("point out", &[]),
    ("indicate", &[]),
    ("explain", &[]),
    ("argue", &[]),
    ("suggest", &[]),
    ("acknowledge", &[]),
    ("assert", &[]),
    ("declare", &[]),
    ("report", &[]),
    ("reveal", &[]),
    ("estimate", &[]),
    ("predict", &[]),
    ("believe", &[]),
    ("describe", &[]),
    ("accuse", &[]),
    ("urge", &[]),
    ("ask", &[]),
    ("reply", &[]),
    ("respond", &[]),
    ("comment", &[]),
    ("maintain", &[]),
    ("emphasize", &[]),
    ("underline", &[]),
    ("reiterate", &[]),
    ("concede", &[]),
    ("complain", &[]),
    ("recall", &[]),
    ("promise", &[]),
    ("vow", &[]),
    ("pledge", &[]),
    ("hint", &[]),
    ("observe", &[]),
    ("caution", &[]),
    ("disclose", &[]),
    ("contend", &[]),
    ("remark", &[]),
    ("affirm", &[]),
    ("assure", &[]),
    ("testify", &[]),
    ("threaten", &[]),
    ("conclude", &[]),
    ("reason", &[]),
    ("recommend", &[]),
    ("suspect", &[]),
];

// Certainty classes of the cue lemmas above.
//
// Certainty classes of attribution cue lemmas ("say", "confirm", "claim").
//
// A cue that swaps "said" for "confirmed" tells the reader the statement is
// more certain than the source made it; "said" → "claimed" tells them it is
// less. Both are editorial changes a CI job may want to stop.
//
// Where the classes come from:
// - **Neutral**: the AP Stylebook's guidance that "said" is the neutral
//   attribution verb, almost always the right choice, because other verbs
//   carry a judgement; "told", "added", "noted" and "according to" report
//   speech without judging it.
// - **Stronger**: verbs the reporting-verb literature calls *factive*
//   (the reporter presents the content as true: "confirm", "point out",
//   "make clear", "acknowledge", "reveal") or *emphatic* ("stress",
//   "insist", "emphasise"). See K. Hyland, "Activity and evaluation:
//   reporting practices in academic writing" (2002), and G. Thompson and
//   Y. Ye, "Evaluation in the reporting verbs used in academic papers" (1991).
// - **Weaker**: verbs that distance the reporter from the content or mark it
//   as tentative ("claim", "allege", "suggest", "indicate", "imply"); the AP
//   Stylebook warns that "claimed" casts doubt on the speaker. Hyland's
//   *tentative* and *counter-factive* categories, and C. R. Caldas-Coulthard,
//   "On reporting reporting" (1994), on illocutionary glosses in news.
//
// A lemma on none of the lists counts as neutral, so a cue the extractor
// learns later never makes `check` fail by surprise.

/// Cues that report speech without judging it. Neutral is also the class
/// of any lemma on no list; this one records the lemmas judged neutral
/// (the tests check it overlaps no other class and names real cues).
#[cfg(test)]
const NEUTRAL: &[&str] = &[
    "say",
    "tell",
    "add",
    "note",
    "state",
    "report",
    "according to",
    "explain",
    "announce",
    "describe",
    "write",
    "reply",
    "respond",
    "comment",
    "remark",
    "ask",
    "recall",
    "warn",
];

/// Factive and emphatic cues: the content sounds established or insisted on.
const STRONGER: &[&str] = &[
    "confirm",
    "stress",
    "insist",
    "emphasize",
    "point out",
    "make clear",
    "assert",
    "affirm",
    "declare",
    "maintain",
    "underline",
    "reveal",
    "acknowledge",
    "admit",
    "show",
    "reiterate",
];

/// Tentative and distancing cues: the content sounds doubtful.
const WEAKER: &[&str] = &[
    "claim", "allege", "suggest", "indicate", "hint", "contend", "believe", "think", "argue",
];

/// The certainty class of a cue lemma (lowercase, as `extract` gives it).
/// A lemma on none of the lists is neutral, so a cue added to [`CUES`]
/// later never makes `check` fail by surprise.
pub fn certainty(lemma: &str) -> Certainty {
    let lemma = lemma.trim().to_lowercase();
    if STRONGER.contains(&lemma.as_str()) {
        Certainty::Stronger
    } else if WEAKER.contains(&lemma.as_str()) {
        Certainty::Weaker
    } else {
        Certainty::Neutral
    }
}

/// Number of distinct cue lemmas.
#[cfg(test)]
pub(crate) fn lemma_count() -> usize {
    let mut lemmas: Vec<&str> = CUES.iter().map(|(l, _)| *l).collect();
    lemmas.sort_unstable();
    lemmas.dedup();
    lemmas.len()
}

/// Base, third person, past and -ing forms of a regular verb.
fn regular_forms(verb: &str) -> Vec<String> {
    let b = verb.as_bytes();
    let last = b[b.len() - 1];
    let before = if b.len() > 1 { b[b.len() - 2] } else { b'a' };
    let vowel = |c: u8| b"aeiou".contains(&c);
    let stem = &verb[..verb.len() - 1];
    let third = if ["s", "sh", "ch", "x", "z"]
        .iter()
        .any(|s| verb.ends_with(s))
    {
        format!("{verb}es")
    } else if last == b'y' && !vowel(before) {
        format!("{stem}ies")
    } else {
        format!("{verb}s")
    };
    let past = if last == b'e' {
        format!("{verb}d")
    } else if last == b'y' && !vowel(before) {
        format!("{stem}ied")
    } else {
        format!("{verb}ed")
    };
    let ing = if last == b'e' && before != b'e' {
        format!("{stem}ing")
    } else {
        format!("{verb}ing")
    };
    vec![verb.to_string(), third, past, ing]
}

/// One form of a cue: its folded words and its lemma.
#[derive(Debug)]
pub(crate) struct Form {
    /// The folded words of the form ("pointed", "out").
    pub words: Vec<String>,
    /// The lemma it inflects ("point out").
    pub lemma: &'static str,
    /// The uninflected form ("say", "claim"), which doubles as a noun.
    pub base: bool,
}

/// Forms keyed by their first word, longest first.
fn table() -> &'static FxHashMap<String, Vec<Form>> {
    static TABLE: OnceLock<FxHashMap<String, Vec<Form>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: FxHashMap<String, Vec<Form>> = FxHashMap::default();
        for (lemma, forms) in CUES {
            let mut lemma_words = lemma.split(' ');
            let verb = lemma_words.next().unwrap_or(lemma);
            let rest: Vec<&str> = lemma_words.collect();
            let listed: Vec<String> = if forms.is_empty() {
                regular_forms(verb)
                    .into_iter()
                    .map(|f| {
                        std::iter::once(f.as_str())
                            .chain(rest.iter().copied())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect()
            } else {
                forms.iter().map(|f| f.to_string()).collect()
            };
            for form in listed {
                let words: Vec<String> = form.split(' ').map(str::to_string).collect();
                let base = form == *lemma && *lemma != "according to";
                table
                    .entry(words[0].clone())
                    .or_default()
                    .push(Form { words, lemma, base });
            }
        }
        for forms in table.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        table
    })
}

/// The cue forms whose first word is `word` (folded), longest first.
pub(crate) fn forms_starting(word: &str) -> Option<&'static [Form]> {
    table().get(word).map(Vec::as_slice)
}

/// True when a folded word is the first word of some form of a cue.
pub(crate) fn is_cue_word(w: &str) -> bool {
    table().contains_key(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_examples_are_classified() {
        for neutral in ["say", "tell", "according to"] {
            assert_eq!(certainty(neutral), Certainty::Neutral, "{neutral}");
        }
        for stronger in ["confirm", "stress", "insist", "point out", "make clear"] {
            assert_eq!(certainty(stronger), Certainty::Stronger, "{stronger}");
        }
        for weaker in ["claim", "allege", "suggest"] {
            assert_eq!(certainty(weaker), Certainty::Weaker, "{weaker}");
        }
    }

    #[test]
    fn unknown_cue_is_neutral() {
        assert_eq!(certainty("whisper"), Certainty::Neutral);
    }

    #[test]
    fn lists_do_not_overlap() {
        for cue in STRONGER {
            assert!(!WEAKER.contains(cue) && !NEUTRAL.contains(cue), "{cue}");
        }
        for cue in WEAKER {
            assert!(!NEUTRAL.contains(cue), "{cue}");
        }
    }

    #[test]
    fn every_certainty_lemma_is_a_cue_lemma() {
        // A class for a lemma extract never gives is dead knowledge (12
        // such lemmas were kept in check's own list).
        let lemmas: Vec<&str> = CUES.iter().map(|(l, _)| *l).collect();
        for lemma in NEUTRAL.iter().chain(STRONGER).chain(WEAKER) {
            assert!(lemmas.contains(lemma), "{lemma}");
        }
    }
}
