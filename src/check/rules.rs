//! The rules: each reads a [`Report`] and returns its failures.
//!
//! [`Rule::ALL`] lists them most important first; `check` reports them in
//! that order, so a reader (or GitHub, which shows only the first ten
//! annotations) meets an altered quote before a weakly aligned sentence.

use super::config::{Limit, RuleConfig};
use super::rule::Rule;
use super::{Location, RuleFailure, SentenceRef};
use crate::model::report::{
    AttributionChangeKind as Kind, CreditChangeKind, FactKind, MoveKind, PairReport, PairsOf,
    Report, SideReport,
};
use crate::model::BlockKind;

/// Failures of one rule on one report.
pub fn evaluate(rule: Rule, report: &Report, config: &RuleConfig) -> Vec<RuleFailure> {
    match rule {
        Rule::NoAlteredQuote => altered_quotes(report, config),
        Rule::NoChangedNumber => changed_facts(report, FactKind::Number, "number changed"),
        Rule::NoPolarityChange => changed_facts(
            report,
            FactKind::Polarity,
            "statement turned into its denial or opposite",
        ),
        Rule::NoSpeakerChange => attribution_kind(report, Kind::SpeakerChanged),
        Rule::NoAttributionDropped => attribution_kind(report, Kind::AttributionDropped),
        Rule::NoCertaintyChange => certainty_changes(report, config),
        Rule::SourceCreditKept => source_credit(report),
        Rule::NoReordering => reordered(report),
        Rule::MaxOmittedFacts => omitted_facts(report, config),
        Rule::MinAlignment => weak_alignment(report, config),
    }
}

fn sentence(side: &SideReport, index: Option<usize>) -> Option<SentenceRef> {
    let s = side.sentences.get(index?)?;
    Some(SentenceRef {
        index: s.index,
        path: side.path.clone(),
        line: s.line,
        column: s.column,
    })
}

fn text_of(side: &SideReport, index: Option<usize>) -> Option<String> {
    side.sentences.get(index?).map(|s| s.text.to_string())
}

/// The right sentences of `pair`, joined.
fn right_text(report: &Report, pair: &PairReport) -> String {
    pair.right
        .iter()
        .filter_map(|&j| text_of(&report.right, Some(j)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A failure located at the right sentence when there is one (the report
/// under review), else at the left one, else at the start of the left file.
fn failure(
    report: &Report,
    left: Option<usize>,
    right: Option<usize>,
    message: String,
    left_text: Option<String>,
    right_text: Option<String>,
) -> RuleFailure {
    let left = sentence(&report.left, left);
    let right = sentence(&report.right, right);
    let location = match right.as_ref().or(left.as_ref()) {
        Some(s) => Location {
            path: s.path.clone(),
            line: s.line,
            column: s.column,
        },
        None => Location {
            path: report.left.path.clone(),
            line: 1,
            column: 1,
        },
    };
    RuleFailure {
        location,
        message,
        left,
        right,
        left_text,
        right_text,
    }
}

fn altered_quotes(report: &Report, config: &RuleConfig) -> Vec<RuleFailure> {
    report
        .attribution_changes
        .iter()
        .filter(|c| match c.kind {
            Kind::QuoteAltered => true,
            Kind::QuoteMadeIndirect => !config.no_altered_quote.allow_made_indirect,
            _ => false,
        })
        .map(|c| {
            let right_text = match c.kind {
                Kind::QuoteAltered => c.right_quote.clone(),
                _ => text_of(&report.right, c.right),
            };
            failure(
                report,
                c.left,
                c.right,
                c.detail.clone(),
                c.left_quote.clone(),
                right_text,
            )
        })
        .collect()
}

fn changed_facts(report: &Report, kind: FactKind, message: &str) -> Vec<RuleFailure> {
    report
        .facts
        .changed
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| {
            failure(
                report,
                Some(c.left),
                Some(c.right),
                message.to_string(),
                Some(c.left_text.clone()),
                Some(c.right_text.clone()),
            )
        })
        .collect()
}

fn attribution_kind(report: &Report, kind: Kind) -> Vec<RuleFailure> {
    let pairs = PairsOf::new(report);
    report
        .attribution_changes
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| {
            // A dropped credit names no right sentence: show the aligned one.
            let aligned = |l: usize| pairs.of(Some(l), None)?.right.first().copied();
            let right = c.right.or_else(|| c.left.and_then(aligned));
            failure(
                report,
                c.left,
                right,
                c.detail.clone(),
                text_of(&report.left, c.left),
                text_of(&report.right, right),
            )
        })
        .collect()
}

/// Pairs out of story order (`move_kind: reordered`); a pair relocated
/// over a cut passage keeps the order and passes.
fn reordered(report: &Report) -> Vec<RuleFailure> {
    report
        .pairs
        .iter()
        .filter(|p| p.move_kind == Some(MoveKind::Reordered))
        .map(|p| {
            let (left, right) = (p.left.first().copied(), p.right.first().copied());
            failure(
                report,
                left,
                right,
                "sentence moved out of story order".to_string(),
                text_of(&report.left, left),
                text_of(&report.right, right),
            )
        })
        .collect()
}

fn certainty_changes(report: &Report, config: &RuleConfig) -> Vec<RuleFailure> {
    let rule = config.no_certainty_change;
    report
        .attribution_changes
        .iter()
        .filter(|c| c.kind == Kind::CueChanged)
        .filter_map(|c| {
            let (from, to) = (c.left_cue.as_deref()?, c.right_cue.as_deref()?);
            let (was, now) = (c.left_certainty?, c.right_certainty?);
            let direction = match now.cmp(&was) {
                std::cmp::Ordering::Greater if rule.stronger => "stronger",
                std::cmp::Ordering::Less if rule.weaker => "weaker",
                _ => return None,
            };
            let message = format!(
                "cue makes the statement sound {direction}: \"{from}\" ({}) became \"{to}\" ({})",
                was.name(),
                now.name()
            );
            Some(failure(
                report,
                c.left,
                c.right,
                message,
                text_of(&report.left, c.left),
                text_of(&report.right, c.right),
            ))
        })
        .collect()
}

/// Every credit the report says was dropped (byline or photo credit).
fn source_credit(report: &Report) -> Vec<RuleFailure> {
    // The right's byline, if it has one, is where a reader looks for the
    // credit.
    let right_at = report
        .right
        .sentences
        .iter()
        .find(|s| s.kind == BlockKind::Byline)
        .map(|s| s.index);
    report
        .credit_changes
        .iter()
        .filter(|c| c.kind == CreditChangeKind::CreditDropped)
        .map(|c| {
            let left_text = text_of(&report.left, c.left);
            failure(
                report,
                c.left,
                right_at,
                format!("source credit \"{}\" dropped", c.credit),
                left_text,
                report.right.byline.clone(),
            )
        })
        .collect()
}

fn omitted_facts(report: &Report, config: &RuleConfig) -> Vec<RuleFailure> {
    let rule = config.max_omitted_facts;
    let omitted = &report.facts.omitted;
    let over = |kind: Option<FactKind>, limit: Limit| {
        let count = omitted
            .iter()
            .filter(|f| kind.is_none_or(|k| f.kind == k))
            .count();
        (!limit.allows(count)).then_some(count)
    };
    let total_over = over(None, rule.total);
    omitted
        .iter()
        .filter_map(|fact| {
            let limit = match fact.kind {
                FactKind::Number => rule.number,
                FactKind::Date => rule.date,
                FactKind::Quote => rule.quote,
                FactKind::Entity => rule.entity,
                // Polarity flips are only ever changed facts, never omitted.
                FactKind::Polarity => rule.total,
            };
            let kind = fact.kind.name();
            let message = match (over(Some(fact.kind), limit), total_over) {
                (Some(count), _) => {
                    format!(
                        "{kind} omitted ({count} {kind} facts omitted, at most {limit} allowed)"
                    )
                }
                (None, Some(count)) => format!(
                    "{kind} omitted ({count} facts omitted, at most {} allowed)",
                    rule.total
                ),
                (None, None) => return None,
            };
            Some(failure(
                report,
                Some(fact.sentence),
                None,
                message,
                Some(fact.text.clone()),
                None,
            ))
        })
        .collect()
}

fn weak_alignment(report: &Report, config: &RuleConfig) -> Vec<RuleFailure> {
    let threshold = config.min_alignment.similarity;
    let pairs = PairsOf::new(report);
    report
        .left
        .sentences
        .iter()
        .filter(|s| s.kind.is_body())
        .filter_map(|s| match pairs.of(Some(s.index), None) {
            None => Some(failure(
                report,
                Some(s.index),
                None,
                "left sentence has no aligned partner".to_string(),
                Some(s.text.to_string()),
                None,
            )),
            Some(pair) if pair.similarity < threshold => Some(failure(
                report,
                Some(s.index),
                pair.right.first().copied(),
                format!(
                    "aligned with similarity {:.2}, below {threshold}",
                    pair.similarity
                ),
                Some(s.text.to_string()),
                Some(right_text(report, pair)),
            )),
            Some(_) => None,
        })
        .collect()
}
