//! Findings counted by kind, and per 100 aligned pairs: on a rewrite that
//! keeps the meaning (OneStopEnglish's simplified levels) nearly every
//! changed fact and attribution change is a false alarm, so these rates are
//! false-alarm rates. The counts are those of `scripts/finding-rates` on the
//! command's JSON: `changed_<fact kind>`, the attribution change kind,
//! `omitted_<fact kind>` and `added_<fact kind>`; pairs are the report's
//! aligned groups.

use super::table::{Cell, Grid};
use newsdiff::model::report::{AttributionChangeKind, FactKind, Report};
use std::collections::BTreeMap;

/// Findings by kind over some reports.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FindingCounts {
    /// Aligned groups of the reports.
    pub pairs: usize,
    /// Findings by kind name (`changed_polarity`, `speaker_changed`, …).
    pub by_kind: BTreeMap<String, usize>,
}

/// Fact kinds a changed fact can have, in reading order.
const CHANGED: [FactKind; 5] = [
    FactKind::Polarity,
    FactKind::Number,
    FactKind::Date,
    FactKind::Entity,
    FactKind::Quote,
];

/// Fact kinds an omitted or added fact can have (polarity is only changed).
const ONE_SIDED: [FactKind; 4] = [
    FactKind::Number,
    FactKind::Entity,
    FactKind::Date,
    FactKind::Quote,
];

/// Attribution change kinds, in reading order.
const ATTRIBUTION: [AttributionChangeKind; 6] = [
    AttributionChangeKind::AttributionAdded,
    AttributionChangeKind::AttributionDropped,
    AttributionChangeKind::SpeakerChanged,
    AttributionChangeKind::CueChanged,
    AttributionChangeKind::QuoteAltered,
    AttributionChangeKind::QuoteMadeIndirect,
];

impl FindingCounts {
    /// Counts one report's findings.
    pub fn add(&mut self, report: &Report) {
        self.pairs += report.pairs.len();
        let mut bump = |key: String| *self.by_kind.entry(key).or_default() += 1;
        for c in &report.facts.changed {
            bump(format!("changed_{}", c.kind.name()));
        }
        for c in &report.attribution_changes {
            bump(c.kind.name().to_string());
        }
        for f in &report.facts.omitted {
            bump(format!("omitted_{}", f.kind.name()));
        }
        for f in &report.facts.added {
            bump(format!("added_{}", f.kind.name()));
        }
    }

    /// Adds another set of counts.
    pub fn merge(&mut self, other: &FindingCounts) {
        self.pairs += other.pairs;
        for (k, n) in &other.by_kind {
            *self.by_kind.entry(k.clone()).or_default() += n;
        }
    }

    /// Findings of one kind.
    pub fn count(&self, kind: &str) -> usize {
        self.by_kind.get(kind).copied().unwrap_or(0)
    }

    /// Changed facts (every kind) per 100 aligned pairs.
    pub fn changed_facts_rate(&self) -> f64 {
        let n = CHANGED
            .iter()
            .map(|k| self.count(&format!("changed_{}", k.name())))
            .sum();
        per_100(n, self.pairs)
    }

    /// Attribution changes (every kind) per 100 aligned pairs.
    pub fn attribution_changes_rate(&self) -> f64 {
        let n = ATTRIBUTION.iter().map(|k| self.count(k.name())).sum();
        per_100(n, self.pairs)
    }
}

/// `n` per 100 `pairs` (0 without pairs).
fn per_100(n: usize, pairs: usize) -> f64 {
    100.0 * n as f64 / pairs.max(1) as f64
}

/// Every kind a row is shown for: each changed, attribution, omitted and
/// added kind, in that order (fixed, so the rows are the same every run).
pub fn kinds() -> Vec<String> {
    let mut out: Vec<String> = CHANGED
        .iter()
        .map(|k| format!("changed_{}", k.name()))
        .collect();
    out.extend(ATTRIBUTION.iter().map(|k| k.name().to_string()));
    for side in ["omitted", "added"] {
        out.extend(ONE_SIDED.iter().map(|k| format!("{side}_{}", k.name())));
    }
    out
}

/// A grid of every kind's count and rate, one pair of columns per named
/// group of counts (`adv-ele`, …).
pub fn grid(key: &str, title: &str, groups: &[(&str, &FindingCounts)]) -> Grid {
    let columns: Vec<(String, String)> = groups
        .iter()
        .flat_map(|(name, _)| {
            let k = name.replace('-', "_");
            [
                (format!("{k}_count"), format!("{name}: n")),
                (format!("{k}_per_100"), "per 100".to_string()),
            ]
        })
        .collect();
    let mut grid = Grid {
        key: key.to_string(),
        title: title.to_string(),
        columns,
        rows: Vec::new(),
    };
    let mut rows = kinds();
    // A kind the fixed list does not know yet still shows.
    for (_, counts) in groups {
        for k in counts.by_kind.keys() {
            if !rows.contains(k) {
                rows.push(k.clone());
            }
        }
    }
    for kind in rows {
        let cells = groups
            .iter()
            .flat_map(|(_, c)| {
                let n = c.count(&kind);
                [Cell::Count(n), Cell::Number(per_100(n, c.pairs))]
            })
            .collect();
        grid.row(&kind, cells);
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_are_counted_by_kind_and_per_100_pairs() {
        let report = newsdiff::compare_texts(
            "l",
            "The minister said the plan did work. Rain fell on 3 May.",
            "r",
            "The minister said the plan did not work. Rain fell on 3 May.",
            &newsdiff::Options::default(),
        );
        let mut counts = FindingCounts::default();
        counts.add(&report);
        assert_eq!(counts.pairs, report.pairs.len());
        let total: usize = counts.by_kind.values().sum();
        let findings = report.facts.changed.len()
            + report.facts.omitted.len()
            + report.facts.added.len()
            + report.attribution_changes.len();
        assert_eq!(total, findings);
        let mut twice = counts.clone();
        twice.merge(&counts);
        assert_eq!(twice.pairs, 2 * counts.pairs);
        assert_eq!(twice.changed_facts_rate(), counts.changed_facts_rate());
        assert_eq!(
            counts.changed_facts_rate(),
            100.0 * report.facts.changed.len() as f64 / counts.pairs.max(1) as f64
        );
        assert_eq!(
            counts.attribution_changes_rate(),
            100.0 * report.attribution_changes.len() as f64 / counts.pairs.max(1) as f64
        );
    }

    #[test]
    fn the_grid_has_a_row_per_kind_and_unknown_kinds_too() {
        let mut counts = FindingCounts {
            pairs: 200,
            ..FindingCounts::default()
        };
        counts.by_kind.insert("changed_polarity".into(), 5);
        counts.by_kind.insert("something_new".into(), 1);
        let g = grid("rates", "rates", &[("adv-ele", &counts)]);
        assert_eq!(g.rows.len(), kinds().len() + 1);
        let polarity = g
            .rows
            .iter()
            .find(|(k, _)| k == "changed_polarity")
            .unwrap();
        assert_eq!(polarity.1, vec![Cell::Count(5), Cell::Number(2.5)]);
        assert_eq!(g.columns[1].0, "adv_ele_per_100");
    }
}
