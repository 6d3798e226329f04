//! [`Report`] + [`RuleConfig`] → [`RuleOutcome`]s: the rules `newsdiff check`
//! applies, for CI jobs that guard editorial consistency.
//!
//! Rules only read the report; they find nothing the report does not hold.
//! Outcomes come in [`Rule::ALL`] order (most important first), and each
//! failure carries where it is and the texts on both sides, so renderers
//! only print.

pub mod config;
pub mod rule;
pub mod rules;

pub use config::{Limit, RuleConfig};
pub use rule::Rule;

use crate::model::report::Report;
use serde::Serialize;

/// One rule's result on one report.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "rule_outcome", deny_unknown_fields)]
pub struct RuleOutcome {
    /// The rule.
    pub rule: Rule,
    /// False when the configuration turned the rule off (it then passes).
    pub enabled: bool,
    /// True when the rule found nothing to object to.
    pub passed: bool,
    /// What the rule objects to, in reading order.
    pub failures: Vec<RuleFailure>,
}

/// One thing a rule objects to.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "rule_failure", deny_unknown_fields)]
pub struct RuleFailure {
    /// Where to look: the right sentence when there is one (the report under
    /// review), else the left one.
    pub location: Location,
    /// What is wrong, in one line.
    pub message: String,
    /// The left sentence concerned, if any.
    pub left: Option<SentenceRef>,
    /// The right sentence concerned, if any.
    pub right: Option<SentenceRef>,
    /// The left wording at issue (a quote, a figure, a sentence).
    pub left_text: Option<String>,
    /// The right wording at issue, if the right has any.
    pub right_text: Option<String>,
}

/// A `file:line:column` place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "location", deny_unknown_fields)]
pub struct Location {
    /// The input path as given.
    pub path: String,
    /// 1-based line.
    #[schemars(range(min = 1))]
    pub line: usize,
    /// 1-based column, in characters.
    #[schemars(range(min = 1))]
    pub column: usize,
}

/// A sentence of one side, with its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[schemars(rename = "sentence_ref", deny_unknown_fields)]
pub struct SentenceRef {
    /// 0-based index into that side's `sentences`.
    pub index: usize,
    /// The input path.
    pub path: String,
    /// 1-based line of the sentence start.
    #[schemars(range(min = 1))]
    pub line: usize,
    /// 1-based column of the sentence start.
    #[schemars(range(min = 1))]
    pub column: usize,
}

/// A report together with the outcome of every rule: what `check --format
/// json` prints (the version 1 document plus a `rules` array).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CheckedReport {
    /// The comparison.
    #[serde(flatten)]
    pub report: Report,
    /// Every rule's outcome, most important first.
    pub rules: Vec<RuleOutcome>,
}

impl CheckedReport {
    /// True when every rule passed.
    pub fn passed(&self) -> bool {
        self.rules.iter().all(|r| r.passed)
    }

    /// Number of failures over all rules.
    pub fn failure_count(&self) -> usize {
        self.rules.iter().map(|r| r.failures.len()).sum()
    }

    /// Number of rules that failed.
    pub fn failed_rules(&self) -> usize {
        self.rules.iter().filter(|r| !r.passed).count()
    }

    /// Number of rules that ran.
    pub fn enabled_rules(&self) -> usize {
        self.rules.iter().filter(|r| r.enabled).count()
    }
}

/// Applies every rule of `config` to `report`.
pub fn check(report: &Report, config: &RuleConfig) -> Vec<RuleOutcome> {
    Rule::ALL
        .into_iter()
        .map(|rule| {
            let enabled = config.enabled(rule);
            let failures = if enabled {
                rules::evaluate(rule, report, config)
            } else {
                Vec::new()
            };
            RuleOutcome {
                rule,
                enabled,
                passed: failures.is_empty(),
                failures,
            }
        })
        .collect()
}

/// Runs [`check`] and keeps the report with its outcomes.
pub fn check_report(report: Report, config: &RuleConfig) -> CheckedReport {
    let rules = check(&report, config);
    CheckedReport { report, rules }
}
