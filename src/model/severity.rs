//! How much each kind of finding matters to an editor: one table that the
//! renderers sort by and `--format github` filters by.
//!
//! The order follows what a news desk must act on first: a changed number,
//! date or quote, a reversal, a statement credited to somebody else or to
//! nobody, a dropped source credit; then changes of tone (a stronger or
//! weaker cue, a quote made indirect, a changed headline) and facts cut;
//! then what only adds or rearranges.

use super::report::{AttributionChangeKind, CreditChangeKind, FactKind, MetadataField};
use serde::Serialize;

/// How much a finding matters, most first (`High < Medium < Low` in `Ord`,
/// so an ascending sort puts the most important first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The rewrite says something else: a changed number, date or quote, a
    /// reversal, a misattributed or unattributed statement, a dropped credit.
    High,
    /// The rewrite says it differently or says less: a cue of other
    /// certainty, a quote made indirect, a fact cut, a changed headline.
    Medium,
    /// The rewrite adds or rearranges: added facts or attributions, moved
    /// and reworded sentences, a changed date line.
    Low,
}

impl Severity {
    /// The snake_case name used in JSON, flags and text output.
    pub fn name(self) -> &'static str {
        match self {
            Severity::High => "high",
            Severity::Medium => "medium",
            Severity::Low => "low",
        }
    }
}

/// Every kind of finding a Report holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FindingKind {
    /// An entry of `attribution_changes`.
    Attribution(AttributionChangeKind),
    /// An entry of `facts.omitted`.
    Omitted(FactKind),
    /// An entry of `facts.added`.
    Added(FactKind),
    /// An entry of `facts.changed`.
    Changed(FactKind),
    /// An entry of `credit_changes`.
    Credit(CreditChangeKind),
    /// An entry of `metadata_changes`.
    Metadata(MetadataField),
    /// A pair out of story order or lifted over a cut (`moved`).
    Moved,
    /// An aligned pair whose wording differs.
    Reworded,
}

impl FindingKind {
    /// The one severity table.
    pub fn severity(self) -> Severity {
        use AttributionChangeKind as A;
        use FindingKind::*;
        match self {
            Attribution(A::QuoteAltered | A::SpeakerChanged | A::AttributionDropped) => {
                Severity::High
            }
            Attribution(A::CueChanged | A::QuoteMadeIndirect) => Severity::Medium,
            Attribution(A::AttributionAdded) => Severity::Low,
            Changed(FactKind::Entity) => Severity::Medium,
            Changed(_) => Severity::High,
            Omitted(FactKind::Entity) => Severity::Low,
            Omitted(_) => Severity::Medium,
            Added(_) => Severity::Low,
            Credit(CreditChangeKind::CreditDropped) => Severity::High,
            Credit(CreditChangeKind::CreditAdded) => Severity::Low,
            Metadata(MetadataField::Title) => Severity::Medium,
            Metadata(MetadataField::Dateline) => Severity::Low,
            Moved | Reworded => Severity::Low,
        }
    }
}

impl AttributionChangeKind {
    /// [`FindingKind::severity`] of this kind.
    pub fn severity(self) -> Severity {
        FindingKind::Attribution(self).severity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_changes_the_story_outranks_what_changes_its_tone() {
        assert_eq!(
            FindingKind::Changed(FactKind::Number).severity(),
            Severity::High
        );
        assert_eq!(
            FindingKind::Changed(FactKind::Polarity).severity(),
            Severity::High
        );
        assert_eq!(
            FindingKind::Credit(CreditChangeKind::CreditDropped).severity(),
            Severity::High
        );
        assert_eq!(
            AttributionChangeKind::CueChanged.severity(),
            Severity::Medium
        );
        assert_eq!(FindingKind::Reworded.severity(), Severity::Low);
        assert!(Severity::High < Severity::Medium && Severity::Medium < Severity::Low);
    }

    #[test]
    fn attribution_kinds_by_importance_run_from_high_to_low() {
        let severities: Vec<Severity> = AttributionChangeKind::BY_IMPORTANCE
            .iter()
            .map(|k| k.severity())
            .collect();
        let mut sorted = severities.clone();
        sorted.sort();
        assert_eq!(severities, sorted);
    }
}
