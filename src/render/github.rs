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
use super::Renderer;
use crate::check::CheckedReport;
use crate::model::report::{AttributionChangeKind as Kind, DiffTag, Report, SideReport};
use std::io::{self, Write};

/// Error annotations GitHub shows per step.
pub const MAX_ANNOTATIONS: usize = 10;

/// GitHub Actions annotations.
pub struct GithubRenderer;

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
    annotations: &[Annotation],
    summary_level: &str,
    summary_title: &str,
    summary: &str,
) -> io::Result<()> {
    for (shown, a) in annotations.iter().enumerate() {
        if shown < MAX_ANNOTATIONS - 1 {
            writeln!(
                out,
                "::error file={},line={},col={},title={}::{}",
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
        let annotations: Vec<Annotation> = checked
            .rules
            .iter()
            .flat_map(|o| o.failures.iter().map(move |f| (o.rule, f)))
            .map(|(rule, f)| {
                let what = texts(f);
                Annotation {
                    path: f.location.path.clone(),
                    line: f.location.line,
                    column: f.location.column,
                    title: format!("newsdiff {rule}"),
                    message: if what.is_empty() {
                        f.message.clone()
                    } else {
                        format!("{}: {what}", f.message)
                    },
                }
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

fn text(side: &SideReport, index: usize) -> &str {
    side.sentences.get(index).map_or("", |s| s.text.as_str())
}

impl Renderer for GithubRenderer {
    /// Findings of a plain comparison, most important first: changed facts,
    /// credit and headline changes, attribution changes, omitted and added
    /// facts, unaligned sentences, reworded pairs.
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let (left, right) = (&report.left, &report.right);
        let mut notes = Vec::new();
        for c in &report.facts.changed {
            notes.push(at(
                right,
                c.right,
                format!("newsdiff {} changed", c.kind.name()),
                format!("\"{}\" → \"{}\"", c.left_text, c.right_text),
            ));
        }
        for c in &report.credit_changes {
            let (side, index) = match (c.left, c.right) {
                (Some(l), _) => (left, l),
                (None, Some(r)) => (right, r),
                (None, None) => (left, usize::MAX),
            };
            notes.push(at(
                side,
                index,
                format!("newsdiff {}", c.kind.name()),
                c.detail.clone(),
            ));
        }
        for m in &report.metadata_changes {
            let text = |t: &Option<String>| t.clone().unwrap_or_else(|| "(none)".into());
            notes.push(at(
                right,
                m.right.unwrap_or(usize::MAX),
                format!("newsdiff {} changed", m.field.name()),
                format!("\"{}\" → \"{}\"", text(&m.left_text), text(&m.right_text)),
            ));
        }
        for kind in Kind::BY_IMPORTANCE {
            for c in report.attribution_changes.iter().filter(|c| c.kind == kind) {
                let (side, index) = match (c.right, c.left) {
                    (Some(r), _) => (right, r),
                    (None, Some(l)) => (left, l),
                    (None, None) => (left, usize::MAX),
                };
                notes.push(at(
                    side,
                    index,
                    format!("newsdiff {}", kind.name()),
                    c.detail.clone(),
                ));
            }
        }
        for f in &report.facts.omitted {
            let title = format!("newsdiff {} omitted", f.kind.name());
            notes.push(at(left, f.sentence, title, format!("\"{}\"", f.text)));
        }
        for f in &report.facts.added {
            let title = format!("newsdiff {} added", f.kind.name());
            notes.push(at(right, f.sentence, title, format!("\"{}\"", f.text)));
        }
        for &i in &report.left_only {
            let title = "newsdiff left only".to_string();
            notes.push(at(left, i, title, text(left, i).to_string()));
        }
        for &j in &report.right_only {
            let title = "newsdiff right only".to_string();
            notes.push(at(right, j, title, text(right, j).to_string()));
        }
        for pair in &report.pairs {
            if pair.diff.iter().all(|d| d.op == DiffTag::Equal) {
                continue;
            }
            let words: String = pair
                .diff
                .iter()
                .map(|d| match d.op {
                    DiffTag::Equal => d.text.clone(),
                    DiffTag::Delete => format!("[-{}-]", d.text),
                    DiffTag::Insert => format!("{{+{}+}}", d.text),
                })
                .collect();
            let j = pair.right.first().copied().unwrap_or(usize::MAX);
            notes.push(at(right, j, "newsdiff reworded".to_string(), words));
        }
        let summary = super::summary_line(&report.summary);
        let level = if report.has_differences() {
            "error"
        } else {
            "notice"
        };
        write_annotations(out, &notes, level, "newsdiff", &summary)
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
