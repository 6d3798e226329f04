//! [`CheckedReport`] → bytes: what `newsdiff check` prints.
//!
//! Text output is one line per failure, `path:line:column: rule: message:
//! "left" → "right"`, as compilers, ruff and cargo print diagnostics, then a
//! summary line. JSON output is the version 1 document plus a `rules` array.

use super::counted;
use super::escape::escape_control;
use crate::check::{CheckedReport, RuleFailure};
use std::io::{self, Write};

/// Writes the outcome of `newsdiff check` in one output format.
pub trait CheckRenderer {
    /// Writes `checked` to `out`.
    fn render_check(&self, checked: &CheckedReport, out: &mut dyn Write) -> io::Result<()>;
}

/// One line per failure, then a summary line.
pub struct CheckTextRenderer;

/// The version 1 document plus `rules`, pretty-printed.
pub struct CheckJsonRenderer;

/// `"left" → "right"`, with `(none)` for a missing side; empty when neither.
pub fn texts(failure: &RuleFailure) -> String {
    let quoted = |t: &Option<String>| match t {
        Some(t) => format!("\"{t}\""),
        None => "(none)".to_string(),
    };
    match (&failure.left_text, &failure.right_text) {
        (None, None) => String::new(),
        (l, r) => format!("{} → {}", quoted(l), quoted(r)),
    }
}

/// The one-line summary both text and GitHub output end with: "all 9
/// rules passed", "1 rule passed", "2 of 10 rules failed with 1 failure: …".
pub fn summary(checked: &CheckedReport) -> String {
    let enabled = checked.enabled_rules();
    if checked.passed() {
        match enabled {
            1 => "1 rule passed".to_string(),
            n => format!("all {n} rules passed"),
        }
    } else {
        let failed: Vec<_> = checked
            .rules
            .iter()
            .filter(|r| !r.passed)
            .map(|r| r.rule.name())
            .collect();
        let rules = match enabled {
            1 => "1 rule failed".to_string(),
            n => format!("{} of {n} rules failed", checked.failed_rules()),
        };
        format!(
            "{rules} with {}: {}",
            counted(checked.failure_count(), "failure"),
            failed.join(", ")
        )
    }
}

impl CheckRenderer for CheckTextRenderer {
    fn render_check(&self, checked: &CheckedReport, out: &mut dyn Write) -> io::Result<()> {
        for outcome in &checked.rules {
            for failure in &outcome.failures {
                let at = &failure.location;
                let what = texts(failure);
                let line = if what.is_empty() {
                    format!(
                        "{}:{}:{}: {}: {}",
                        at.path, at.line, at.column, outcome.rule, failure.message
                    )
                } else {
                    format!(
                        "{}:{}:{}: {}: {}: {what}",
                        at.path, at.line, at.column, outcome.rule, failure.message
                    )
                };
                writeln!(out, "{}", escape_control(&line))?;
            }
        }
        writeln!(out, "newsdiff check: {}", summary(checked))
    }
}

impl CheckRenderer for CheckJsonRenderer {
    fn render_check(&self, checked: &CheckedReport, out: &mut dyn Write) -> io::Result<()> {
        super::json::write_pretty(checked, out)
    }
}
