//! [`Rule`]: which rules `check` knows, in what order, and their names.
//!
//! Both the settings ([`super::config`]) and the rules themselves
//! ([`super::rules`]) name rules by this type, so it lives apart from
//! either: the settings depend on it alone, the rules on it and on the
//! settings, and nothing depends back.

use serde::Serialize;
use std::fmt;

/// A rule `check` can apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, schemars::JsonSchema)]
#[schemars(rename = "rule")]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Words inside quotation marks must not change.
    NoAlteredQuote,
    /// No number may change value between aligned sentences.
    NoChangedNumber,
    /// No statement may turn into its denial or its opposite.
    NoPolarityChange,
    /// No statement may be credited to somebody else.
    NoSpeakerChange,
    /// No credited statement may lose its speaker.
    NoAttributionDropped,
    /// No cue may make a statement sound more or less certain.
    NoCertaintyChange,
    /// The left byline's credit ("By AFP") must appear on the right.
    SourceCreditKept,
    /// No passage may be moved out of story order.
    NoReordering,
    /// At most so many left facts may be missing on the right.
    MaxOmittedFacts,
    /// Every left body sentence aligned at least so well.
    MinAlignment,
}

impl Rule {
    /// Every rule, most important first.
    pub const ALL: [Rule; 10] = [
        Rule::NoAlteredQuote,
        Rule::NoChangedNumber,
        Rule::NoPolarityChange,
        Rule::NoSpeakerChange,
        Rule::NoAttributionDropped,
        Rule::NoCertaintyChange,
        Rule::SourceCreditKept,
        Rule::NoReordering,
        Rule::MaxOmittedFacts,
        Rule::MinAlignment,
    ];

    /// What the rule asks for, in one line: the rule list of `check --help`
    /// and of the man page is built from this.
    pub fn description(self) -> &'static str {
        match self {
            Rule::NoAlteredQuote => "words inside quotation marks must not change",
            Rule::NoChangedNumber => "no number may change value between aligned sentences",
            Rule::NoPolarityChange => "no statement may turn into its denial or its opposite",
            Rule::NoSpeakerChange => "no statement may be credited to somebody else",
            Rule::NoAttributionDropped => "no credited statement may lose its speaker",
            Rule::NoCertaintyChange => "no cue may make a statement sound more or less certain",
            Rule::SourceCreditKept => {
                "the left byline's credit (\"By AFP\") must appear on the right"
            }
            Rule::NoReordering => "no sentence may be moved out of story order",
            Rule::MaxOmittedFacts => "at most so many left facts may be missing on the right",
            Rule::MinAlignment => "every left body sentence must be aligned at least so well",
        }
    }

    /// The snake_case name used in flags, the config file and output.
    pub fn name(self) -> &'static str {
        match self {
            Rule::NoAlteredQuote => "no_altered_quote",
            Rule::NoChangedNumber => "no_changed_number",
            Rule::NoPolarityChange => "no_polarity_change",
            Rule::NoSpeakerChange => "no_speaker_change",
            Rule::NoAttributionDropped => "no_attribution_dropped",
            Rule::NoCertaintyChange => "no_certainty_change",
            Rule::SourceCreditKept => "source_credit_kept",
            Rule::NoReordering => "no_reordering",
            Rule::MaxOmittedFacts => "max_omitted_facts",
            Rule::MinAlignment => "min_alignment",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Rule, String> {
        let wanted = s.trim().replace('-', "_");
        Rule::ALL
            .into_iter()
            .find(|r| r.name() == wanted)
            .ok_or_else(|| {
                let names: Vec<_> = Rule::ALL.iter().map(|r| r.name()).collect();
                format!("unknown rule {s:?} (rules: {})", names.join(", "))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_round_trip() {
        for rule in Rule::ALL {
            assert_eq!(rule.name().parse::<Rule>(), Ok(rule));
        }
        assert_eq!("no-altered-quote".parse::<Rule>(), Ok(Rule::NoAlteredQuote));
        assert!("nope".parse::<Rule>().is_err());
    }

    #[test]
    fn every_rule_has_a_one_line_description() {
        for rule in Rule::ALL {
            let d = rule.description();
            assert!(!d.is_empty() && !d.contains('\n'), "{rule}: {d:?}");
        }
    }
}
