//! The reporting-cue lexicon: every inflected form of a cue mapped to its
//! lemma, so "said", "says" and "saying" all compare as "say".
//!
//! The lemmas follow the reporting verbs of news style guides (the AP
//! Stylebook's "said" entry and the Reuters Handbook list of loaded
//! alternatives: "claimed", "admitted", "insisted" …), because a second
//! report changing "said" to "claimed" or "admitted" is exactly what a reader
//! should be told about.
//!
//! The table itself is `data/lexicon/cues.tsv`, one row a lemma: its
//! certainty, the source of that judgement, and its forms. `build.rs` turns
//! it into the typed [`CUES`] (expanding regular verbs with
//! `lexicon/inflect.rs`) and refuses a row it cannot read, so
//! the lemma, its forms and its certainty are kept in one place.

use crate::model::Certainty;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// One reporting cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    /// The lemma cues are compared by ("say", "point out", "according to").
    pub lemma: &'static str,
    /// How sure the cue makes the reported content sound.
    pub certainty: Certainty,
    /// What that judgement rests on.
    pub source: Source,
    /// Every form, folded ("said", "pointed out", "quoted as saying").
    pub forms: &'static [&'static str],
}

/// Where a cue's certainty class comes from (see the notes below).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// The AP Stylebook's "said" entry: neutral attribution.
    Ap,
    /// The reporting-verb literature (Hyland; Thompson and Ye;
    /// Caldas-Coulthard): factive and emphatic, or tentative verbs.
    Hyland,
    /// Not judged by a source: neutral, so a cue added later never makes
    /// `check` fail by surprise.
    Unjudged,
}

include!(concat!(env!("OUT_DIR"), "/cues.rs"));

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

/// The certainty class of a cue lemma (lowercase, as `extract` gives it).
/// A lemma the table does not hold is neutral, for the reason of
/// [`Source::Unjudged`].
pub(crate) fn certainty(lemma: &str) -> Certainty {
    let lemma = lemma.trim().to_lowercase();
    CUES.iter()
        .find(|c| c.lemma == lemma)
        .map_or(Certainty::Neutral, |c| c.certainty)
}

/// Number of distinct cue lemmas.
#[cfg(test)]
pub(crate) fn lemma_count() -> usize {
    CUES.len()
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
        for cue in CUES {
            let lemma = cue.lemma;
            for form in cue.forms {
                let words: Vec<String> = form.split(' ').map(str::to_string).collect();
                let base = *form == lemma && lemma != "according to";
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
    fn every_lemma_is_listed_once_and_among_its_forms_or_inflected() {
        let mut lemmas: Vec<&str> = CUES.iter().map(|c| c.lemma).collect();
        lemmas.sort_unstable();
        lemmas.dedup();
        assert_eq!(lemmas.len(), CUES.len());
        for cue in CUES {
            let head = cue.lemma.split(' ').next().unwrap_or_default();
            assert!(
                cue.forms.iter().any(|f| f.starts_with(head)),
                "{}",
                cue.lemma
            );
        }
    }

    #[test]
    fn a_judged_class_names_its_source_and_unjudged_cues_are_neutral() {
        for cue in CUES {
            match cue.source {
                Source::Unjudged | Source::Ap => {
                    assert_eq!(cue.certainty, Certainty::Neutral, "{}", cue.lemma)
                }
                Source::Hyland => {
                    assert_ne!(cue.certainty, Certainty::Neutral, "{}", cue.lemma)
                }
            }
        }
    }

    #[test]
    fn regular_rows_are_expanded_at_build_time() {
        let point_out = CUES.iter().find(|c| c.lemma == "point out");
        assert_eq!(
            point_out.map(|c| c.forms),
            Some(&["point out", "points out", "pointed out", "pointing out"][..])
        );
        let emphasize = CUES.iter().find(|c| c.lemma == "emphasize");
        assert!(emphasize
            .is_some_and(|c| c.forms.contains(&"emphasized") && c.forms.contains(&"emphasised")));
    }
}
