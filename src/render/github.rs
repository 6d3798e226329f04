//! Report or check outcome → GitHub Actions workflow commands, so a workflow
//! shows each finding on the pull request at its `file:line:column`.
//!
//! Format and escaping as GitHub documents for workflow commands
//! (<https://docs.github.com/actions/reference/workflow-commands-for-github-actions>):
//! `::error file=F,line=L,col=C,title=T::MESSAGE`, where the message escapes
//! `%`, `\r`, `\n` as `%25`, `%0D`, `%0A`, and property values also escape
//! `:` and `,` as `%3A` and `%2C`.
//!
//! GitHub shows at most ten error annotations per step. The first
//! [`MAX_ANNOTATIONS`] − 1 findings, most important first, become
//! annotations; the rest are printed as plain log lines; a summary
//! annotation comes last, so it is always shown.

use super::check::{summary, texts, CheckRenderer};
use super::escape::escape_control;
use super::findings::{findings, reworded, Finding};
use super::Renderer;
use crate::check::CheckedReport;
use crate::model::report::{Report, SideReport};
use crate::model::severity::Severity;
use std::io::{self, Write};

/// Error annotations GitHub shows per step.
pub const MAX_ANNOTATIONS: usize = 10;

/// GitHub Actions annotations.
pub struct GithubRenderer {
    /// The least severe finding of a plain comparison that is annotated
    /// (`--min-severity`); `check` annotates every rule failure.
    pub min_severity: Severity,
}

/// Escapes a workflow command message.
pub fn escape_data(text: &str) -> String {
    let text = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    escape_control(&text).into_owned()
}

/// Escapes a workflow command property value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// One annotation: where, a title, a message.
struct Annotation {
    path: String,
    line: usize,
    column: usize,
    title: String,
    message: String,
}

fn write_annotations(
    out: &mut dyn Write,
    annotations: &[(&str, Annotation)],
    summary_level: &str,
    summary_title: &str,
    summary: &str,
) -> io::Result<()> {
    for (shown, (level, a)) in annotations.iter().enumerate() {
        if shown < MAX_ANNOTATIONS - 1 {
            writeln!(
                out,
                "::{level} file={},line={},col={},title={}::{}",
                escape_property(&a.path),
                a.line,
                a.column,
                escape_property(&a.title),
                escape_data(&a.message)
            )?;
        } else {
            // Beyond GitHub's limit: keep it in the log, readable.
            writeln!(
                out,
                "{}",
                escape_control(&format!(
                    "{}:{}:{}: {}: {}",
                    a.path, a.line, a.column, a.title, a.message
                ))
            )?;
        }
    }
    let hidden = annotations.len().saturating_sub(MAX_ANNOTATIONS - 1);
    let summary = if hidden > 0 {
        format!("{summary} ({hidden} more in the log)")
    } else {
        summary.to_string()
    };
    writeln!(
        out,
        "::{summary_level} title={}::{}",
        escape_property(summary_title),
        escape_data(&summary)
    )
}

impl CheckRenderer for GithubRenderer {
    fn render_check(&self, checked: &CheckedReport, out: &mut dyn Write) -> io::Result<()> {
        let annotations: Vec<(&str, Annotation)> = checked
            .rules
            .iter()
            .flat_map(|o| o.failures.iter().map(move |f| (o.rule, f)))
            .map(|(rule, f)| {
                let what = texts(f);
                let annotation = Annotation {
                    path: f.location.path.clone(),
                    line: f.location.line,
                    column: f.location.column,
                    title: format!("newsdiff {rule}"),
                    message: if what.is_empty() {
                        f.message.clone()
                    } else {
                        format!("{}: {what}", f.message)
                    },
                };
                ("error", annotation)
            })
            .collect();
        let level = if checked.passed() { "notice" } else { "error" };
        write_annotations(
            out,
            &annotations,
            level,
            "newsdiff check",
            &summary(checked),
        )
    }
}

fn at(side: &SideReport, index: usize, title: String, message: String) -> Annotation {
    let (line, column) = side
        .sentences
        .get(index)
        .map_or((1, 1), |s| (s.line, s.column));
    Annotation {
        path: side.path.clone(),
        line,
        column,
        title,
        message,
    }
}

/// The annotation command of a severity: an error for what changes the
/// story, a warning for what changes its tone, a notice for the rest.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "notice",
    }
}

/// The message of one finding: what changed, who said it, and for an
/// altered quote the quote's word diff.
fn message(f: &Finding) -> String {
    let mut message = if f.message.is_empty() {
        f.label.clone()
    } else {
        f.message.clone()
    };
    if let Some(speaker) = &f.speaker {
        message.push_str(&format!(" ({speaker})"));
    }
    if let Some(diff) = f.quote_diff {
        message.push_str(&format!(": “{}”", super::bracketed(diff)));
    }
    message
}

impl Renderer for GithubRenderer {
    /// One annotation per finding of severity `min_severity` or higher,
    /// most severe first ([`findings`]), at the right sentence where there
    /// is one (that is the file a pull request changes), else the left.
    /// The summary comes last, at the level of the most severe finding.
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let (left, right) = (&report.left, &report.right);
        let mut shown = Vec::new();
        let mut notes = Vec::new();
        let mut all = findings(report);
        all.extend(reworded(report));
        for f in all.iter().filter(|f| f.severity <= self.min_severity) {
            let title = format!("newsdiff {}", f.name);
            let note = match (f.right, f.left) {
                (Some(r), _) => at(right, r, title, message(f)),
                (None, Some(l)) => at(left, l, title, message(f)),
                (None, None) => at(left, usize::MAX, title, message(f)),
            };
            shown.push(f.severity);
            notes.push((level(f.severity), note));
        }
        let summary = super::summary_line(report);
        let summary_level = match shown.iter().min() {
            Some(&most) => level(most),
            None => "notice",
        };
        write_annotations(out, &notes, summary_level, "newsdiff", &summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_escapes_percent_and_line_breaks() {
        assert_eq!(escape_data("50%\r\nup"), "50%25%0D%0Aup");
    }

    #[test]
    fn property_escapes_colon_and_comma() {
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }

    #[test]
    fn other_control_characters_are_made_visible() {
        assert_eq!(escape_data("a\u{1b}[31m"), "a\\u{1b}[31m");
    }
}
