//! The findings of a [`Report`] as one list, most severe first: what the
//! text and GitHub renderers print, in the order they print it.
//!
//! Nothing here is decided anew: each entry is one entry of the report's
//! lists (or one `moved` pair), its severity is
//! [`FindingKind::severity`], and the words are the report's own.

use crate::model::report::{
    AttributionChange, AttributionChangeKind, CreditChangeKind, CreditSource, DiffOp, DiffTag,
    FactKind, MetadataField, MoveKind, PairReport, PairsOf, Report,
};
use crate::model::severity::{FindingKind, Severity};

/// One finding, ready to print.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding<'r> {
    /// Which kind of finding, for its severity.
    pub kind: FindingKind,
    /// [`FindingKind::severity`] of `kind`.
    pub severity: Severity,
    /// The GitHub annotation title after "newsdiff " ("quote_altered",
    /// "number changed"): the names earlier versions printed.
    pub name: String,
    /// The finding in an editor's words ("quote altered", "number cut").
    pub label: String,
    /// What changed, in one line (may be empty).
    pub message: String,
    /// The speaker as resolved, with the words as written when they differ:
    /// "Putin (as “He”)".
    pub speaker: Option<String>,
    /// Left sentence, when the finding has one (an aligned partner included).
    pub left: Option<usize>,
    /// Right sentence, likewise.
    pub right: Option<usize>,
    /// Words of the left sentence the finding is about, to trim around.
    pub left_focus: Option<&'r str>,
    /// Words of the right sentence the finding is about.
    pub right_focus: Option<&'r str>,
    /// An altered quote's word diff (from the Report).
    pub quote_diff: Option<&'r [DiffOp]>,
    /// The aligned pair the finding sits on, if any.
    pub pair: Option<&'r PairReport>,
}

impl<'r> Finding<'r> {
    fn new(kind: FindingKind, name: String, label: String, message: String) -> Finding<'r> {
        Finding {
            kind,
            severity: kind.severity(),
            name,
            label,
            message,
            speaker: None,
            left: None,
            right: None,
            left_focus: None,
            right_focus: None,
            quote_diff: None,
            pair: None,
        }
    }
}

/// How a pair moved and what that means, in words.
pub fn move_meaning(kind: Option<MoveKind>) -> (&'static str, &'static str) {
    match kind {
        Some(MoveKind::Reordered) => ("reordered", "out of story order, told earlier or later"),
        Some(MoveKind::Relocated) => (
            "relocated",
            "in story order, but lifted over a passage only one side has",
        ),
        None => ("moved", "sits elsewhere in the story"),
    }
}

/// "Putin", or "Putin (as “He”)" when the sentence names the speaker
/// otherwise.
pub fn speaker_display(change: &AttributionChange) -> Option<String> {
    let speaker = change.speaker.as_deref()?;
    Some(match change.speaker_as_written.as_deref() {
        Some(written) if written != speaker => format!("{speaker} (as “{written}”)"),
        _ => speaker.to_string(),
    })
}

/// True when the pair's two sides read word for word the same.
pub fn identical(pair: &PairReport) -> bool {
    pair.diff.iter().all(|d| d.op == DiffTag::Equal)
}

/// Words for a kind of changed fact.
fn changed_label(kind: FactKind) -> String {
    match kind {
        FactKind::Polarity => "statement reversed".to_string(),
        FactKind::Entity => "name changed".to_string(),
        kind => format!("{} changed", kind.name()),
    }
}

/// Words for a kind of attribution change.
fn attribution_label(kind: AttributionChangeKind) -> &'static str {
    match kind {
        AttributionChangeKind::CueChanged => "cue changed",
        AttributionChangeKind::SpeakerChanged => "speaker changed",
        AttributionChangeKind::QuoteAltered => "quote altered",
        AttributionChangeKind::QuoteMadeIndirect => "quote made indirect",
        AttributionChangeKind::AttributionDropped => "attribution dropped",
        AttributionChangeKind::AttributionAdded => "attribution added",
    }
}

fn attribution<'r>(pairs: &PairsOf<'r>, c: &'r AttributionChange) -> Finding<'r> {
    // "sounds more certain" when the new cue presents the statement as
    // more (or less) certain than the old one did.
    let tone = match (c.left_certainty, c.right_certainty) {
        (Some(was), Some(now)) if was < now => ", sounds more certain",
        (Some(was), Some(now)) if was > now => ", sounds less certain",
        _ => "",
    };
    // The label already says what happened: keep only the detail's
    // particulars ("speaker changed: A → B" gives "A → B"); an altered
    // quote shows its word diff instead.
    let detail = match c.kind {
        AttributionChangeKind::QuoteAltered => "",
        AttributionChangeKind::SpeakerChanged
        | AttributionChangeKind::AttributionDropped
        | AttributionChangeKind::AttributionAdded => c
            .detail
            .split_once(": ")
            .map_or(c.detail.as_str(), |(_, particulars)| particulars),
        _ => c.detail.as_str(),
    };
    let mut f = Finding::new(
        FindingKind::Attribution(c.kind),
        c.kind.name().to_string(),
        attribution_label(c.kind).to_string(),
        format!("{detail}{tone}"),
    );
    // Named once: not again after a message that names the speaker.
    f.speaker = speaker_display(c).filter(|s| !detail.contains(s.as_str()));
    f.pair = pairs.of(c.left, c.right);
    // A dropped (or added) credit names one sentence; its aligned partner
    // is the evidence that the other side states it without the credit.
    f.left = c
        .left
        .or_else(|| f.pair.and_then(|p| p.left.first().copied()));
    f.right = c
        .right
        .or_else(|| f.pair.and_then(|p| p.right.first().copied()));
    // The quote, else the cue as written (a cue change's detail quotes
    // both: "said" became "confirmed"), else the cue's lemma, which starts
    // the cue as written when the verb is regular ("note" in "noted").
    let (left_cue, right_cue) = (c.left_cue_text.as_deref(), c.right_cue_text.as_deref());
    f.left_focus = c.left_quote.as_deref().or(left_cue);
    f.right_focus = c.right_quote.as_deref().or(right_cue);
    f.quote_diff = c.quote_diff.as_deref();
    f
}

/// Every finding of `report`, most severe first; within one severity in
/// the order a desk reads them: changed facts, attribution changes (by
/// [`AttributionChangeKind::BY_IMPORTANCE`]), credits, headline and date
/// line, facts cut, facts added, moved pairs.
pub fn findings(report: &Report) -> Vec<Finding<'_>> {
    let mut out = Vec::new();
    let pairs = PairsOf::new(report);
    let mut changed: Vec<_> = report.facts.changed.iter().collect();
    // A reversal after the changed figures it outranks nothing of.
    changed.sort_by_key(|c| c.kind == FactKind::Polarity);
    for c in changed {
        let mut f = Finding::new(
            FindingKind::Changed(c.kind),
            format!("{} changed", c.kind.name()),
            changed_label(c.kind),
            format!("\"{}\" → \"{}\"", c.left_text, c.right_text),
        );
        f.left = Some(c.left);
        f.right = Some(c.right);
        f.left_focus = Some(&c.left_text);
        f.right_focus = Some(&c.right_text);
        f.pair = pairs.of(Some(c.left), Some(c.right));
        out.push(f);
    }
    for kind in AttributionChangeKind::BY_IMPORTANCE {
        for c in report.attribution_changes.iter().filter(|c| c.kind == kind) {
            out.push(attribution(&pairs, c));
        }
    }
    for c in &report.credit_changes {
        let label = match c.kind {
            CreditChangeKind::CreditDropped => "credit dropped",
            CreditChangeKind::CreditAdded => "credit added",
        };
        let place = match c.source {
            CreditSource::Byline => "in the byline",
            CreditSource::PhotoCredit => "in a photo credit",
            CreditSource::Dateline => "in the dateline",
        };
        let mut f = Finding::new(
            FindingKind::Credit(c.kind),
            c.kind.name().to_string(),
            label.to_string(),
            format!("\"{}\" {place}", c.credit),
        );
        f.left = c.left;
        f.right = c.right;
        f.left_focus = c.left.map(|_| c.credit.as_str());
        f.right_focus = c.right.map(|_| c.credit.as_str());
        out.push(f);
    }
    for m in &report.metadata_changes {
        let label = match m.field {
            MetadataField::Title => "headline changed",
            MetadataField::Dateline => "date line changed",
        };
        let none = |t: &Option<String>| t.clone().unwrap_or_else(|| "(none)".into());
        let mut f = Finding::new(
            FindingKind::Metadata(m.field),
            format!("{} changed", m.field.name()),
            label.to_string(),
            format!("\"{}\" → \"{}\"", none(&m.left_text), none(&m.right_text)),
        );
        f.left = m.left;
        f.right = m.right;
        out.push(f);
    }
    for fact in &report.facts.omitted {
        let mut f = Finding::new(
            FindingKind::Omitted(fact.kind),
            format!("{} omitted", fact.kind.name()),
            format!("{} cut", fact.kind.name()),
            format!("\"{}\"", fact.text),
        );
        f.left = Some(fact.sentence);
        f.left_focus = Some(&fact.text);
        out.push(f);
    }
    for fact in &report.facts.added {
        let mut f = Finding::new(
            FindingKind::Added(fact.kind),
            format!("{} added", fact.kind.name()),
            format!("{} added", fact.kind.name()),
            format!("\"{}\"", fact.text),
        );
        f.right = Some(fact.sentence);
        f.right_focus = Some(&fact.text);
        out.push(f);
    }
    for pair in report.pairs.iter().filter(|p| p.moved) {
        let same = if identical(pair) {
            "word for word the same"
        } else {
            "also reworded"
        };
        let (how, meaning) = move_meaning(pair.move_kind);
        let mut f = Finding::new(
            FindingKind::Moved,
            "moved".to_string(),
            format!("moved ({how})"),
            format!("{meaning}; {same}"),
        );
        f.left = pair.left.first().copied();
        f.right = pair.right.first().copied();
        f.pair = Some(pair);
        out.push(f);
    }
    // Stable: the order above holds within one severity.
    out.sort_by_key(|f| f.severity);
    out
}

/// The reworded pairs as findings (lowest severity): `--format github
/// --min-severity low` annotates them; the text report lists them in a
/// section of their own, with their word diffs.
pub fn reworded(report: &Report) -> Vec<Finding<'_>> {
    report
        .pairs
        .iter()
        .filter(|p| !identical(p))
        .map(|pair| {
            let diff = super::bracketed(&pair.diff);
            let mut f = Finding::new(
                FindingKind::Reworded,
                "reworded".to_string(),
                "reworded".to_string(),
                diff,
            );
            f.left = pair.left.first().copied();
            f.right = pair.right.first().copied();
            f.pair = Some(pair);
            f
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn report(left: &str, right: &str) -> Report {
        crate::compare_texts("l.txt", left, "r.txt", right, &Options::default())
    }

    #[test]
    fn a_changed_number_comes_before_a_cue_change_and_a_cut_fact() {
        let r = report(
            "The mayor said the bridge cost 12 million euros. Work starts in March in Vienna. The council met on Monday.",
            "The mayor claimed the bridge cost 15 million euros. Work starts in March. The council met on Monday.",
        );
        let list = findings(&r);
        let severities: Vec<Severity> = list.iter().map(|f| f.severity).collect();
        let mut sorted = severities.clone();
        sorted.sort();
        assert_eq!(severities, sorted);
        assert_eq!(list[0].label, "number changed", "{list:#?}");
        assert!(list.iter().any(|f| f.label == "cue changed"), "{list:#?}");
    }

    #[test]
    fn a_dropped_attribution_names_its_aligned_partner() {
        let r = report(
            "The council approved a new bridge on Monday, the mayor said. It opens in May.",
            "The council approved a new bridge on Monday. It opens in May.",
        );
        let dropped = findings(&r)
            .into_iter()
            .find(|f| f.name == "attribution_dropped")
            .expect("attribution dropped");
        assert_eq!((dropped.left, dropped.right), (Some(0), Some(0)));
        assert_eq!(dropped.severity, Severity::High);
    }

    #[test]
    fn a_resolved_pronoun_shows_as_written_too() {
        let mut change = AttributionChange {
            kind: AttributionChangeKind::CueChanged,
            left: Some(1),
            right: Some(1),
            speaker: Some("Putin".into()),
            speaker_as_written: Some("He".into()),
            left_cue: None,
            right_cue: None,
            left_cue_text: None,
            right_cue_text: None,
            left_certainty: None,
            right_certainty: None,
            detail: String::new(),
            left_quote: None,
            right_quote: None,
            quote_diff: None,
        };
        assert_eq!(speaker_display(&change).unwrap(), "Putin (as “He”)");
        change.speaker_as_written = None;
        assert_eq!(speaker_display(&change).unwrap(), "Putin");
    }

    #[test]
    fn every_moved_pair_is_a_finding_identical_or_not() {
        let r = report(
            "Alpha beta gamma delta said. One two three four five.\n\nSix seven eight nine ten. Eleven twelve thirteen fourteen.",
            "Six seven eight nine ten. Eleven twelve thirteen fourteen.\n\nAlpha beta gamma delta said. One two three four five.",
        );
        let moved = findings(&r)
            .into_iter()
            .filter(|f| f.kind == FindingKind::Moved)
            .count();
        assert_eq!(moved, r.summary.moved);
        assert!(moved > 0, "{:?}", r.pairs);
    }
}
