//! Certainty classes of attribution cue lemmas ("say", "confirm", "claim").
//!
//! A cue that swaps "said" for "confirmed" tells the reader the statement is
//! more certain than the source made it; "said" → "claimed" tells them it is
//! less. Both are editorial changes a CI job may want to stop.
//!
//! Where the classes come from:
//! - **Neutral**: the AP Stylebook's guidance that "said" is the neutral
//!   attribution verb, almost always the right choice, because other verbs
//!   carry a judgement; "told", "added", "noted" and "according to" report
//!   speech without judging it.
//! - **Stronger**: verbs the reporting-verb literature calls *factive*
//!   (the reporter presents the content as true: "confirm", "point out",
//!   "make clear", "acknowledge", "reveal") or *emphatic* ("stress",
//!   "insist", "emphasise"). See K. Hyland, "Activity and evaluation:
//!   reporting practices in academic writing" (2002), and G. Thompson and
//!   Y. Ye, "Evaluation in the reporting verbs used in academic papers" (1991).
//! - **Weaker**: verbs that distance the reporter from the content or mark it
//!   as tentative ("claim", "allege", "suggest", "indicate", "imply"); the AP
//!   Stylebook warns that "claimed" casts doubt on the speaker. Hyland's
//!   *tentative* and *counter-factive* categories, and C. R. Caldas-Coulthard,
//!   "On reporting reporting" (1994), on illocutionary glosses in news.
//!
//! A lemma on none of the lists counts as neutral, so a cue the extractor
//! learns later never makes `check` fail by surprise.

use serde::Serialize;

/// How sure a cue makes a reported statement sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Distances the reporter or hedges ("claim", "allege", "suggest").
    Weaker,
    /// Reports without judging ("say", "tell", "according to").
    Neutral,
    /// Presents the content as true or insisted upon ("confirm", "stress").
    Stronger,
}

impl Certainty {
    /// The snake_case name used in messages and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Certainty::Weaker => "weaker",
            Certainty::Neutral => "neutral",
            Certainty::Stronger => "stronger",
        }
    }
}

/// Cues that report speech without judging it.
pub const NEUTRAL: &[&str] = &[
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
    "mention",
    "ask",
    "answer",
    "recall",
    "warn",
    "continue",
];

/// Factive and emphatic cues: the content sounds established or insisted on.
pub const STRONGER: &[&str] = &[
    "confirm",
    "stress",
    "insist",
    "emphasise",
    "emphasize",
    "point out",
    "make clear",
    "assert",
    "affirm",
    "declare",
    "maintain",
    "underline",
    "underscore",
    "reveal",
    "acknowledge",
    "admit",
    "establish",
    "show",
    "prove",
    "reiterate",
];

/// Tentative and distancing cues: the content sounds doubtful.
pub const WEAKER: &[&str] = &[
    "claim",
    "allege",
    "suggest",
    "indicate",
    "imply",
    "hint",
    "purport",
    "contend",
    "speculate",
    "believe",
    "think",
    "argue",
    "reportedly",
    "allegedly",
];

/// The certainty class of a cue lemma (lowercase, as `extract` gives it).
/// Unknown lemmas are neutral.
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
}
