//! [`Report`] → bytes, one renderer per format behind [`Renderer`].
//!
//! Renderers compute nothing: every figure they print is in the report.

pub mod check;
pub mod escape;
pub mod findings;
pub mod github;
pub mod json;
pub mod layout;
mod side_by_side;
mod summary;
pub mod text;

use crate::model::report::{DiffOp, DiffTag, Report};
use crate::model::severity::Severity;
use check::{CheckJsonRenderer, CheckRenderer, CheckTextRenderer};
use std::io::{self, Write};

pub use summary::{counted, summary_line};

/// The output formats (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable report for people.
    Text,
    /// One JSON document (contract version 1).
    Json,
    /// GitHub Actions annotations, one per finding.
    Github,
}

/// How a comparison is shown, beyond its format.
#[derive(Debug, Clone, Copy)]
pub struct View {
    /// Colours, brackets and columns of text output.
    pub text: text::TextRenderer,
    /// The least severe finding `--format github` annotates.
    pub min_severity: Severity,
}

impl Default for View {
    fn default() -> Self {
        View {
            text: text::TextRenderer::default(),
            min_severity: Severity::Medium,
        }
    }
}

/// The renderer of a comparison in `format`, shown as `view` says.
/// Formats are matched to renderers here and nowhere else.
pub fn renderer(format: Format, view: View) -> Box<dyn Renderer> {
    match format {
        Format::Text => Box::new(view.text),
        Format::Json => Box::new(json::JsonRenderer),
        Format::Github => Box::new(github::GithubRenderer {
            min_severity: view.min_severity,
        }),
    }
}

/// The renderer of a checked comparison (`newsdiff check`) in `format`.
pub fn check_renderer(format: Format) -> Box<dyn CheckRenderer> {
    match format {
        Format::Text => Box::new(CheckTextRenderer),
        Format::Json => Box::new(CheckJsonRenderer),
        // Check annotates rule failures, each of which matters.
        Format::Github => Box::new(github::GithubRenderer {
            min_severity: Severity::Low,
        }),
    }
}

/// A word diff as plain text, `[-deleted-]` and `{+inserted+}` marked (the
/// `git diff --word-diff` and wdiff convention).
pub(crate) fn bracketed(diff: &[DiffOp]) -> String {
    diff.iter()
        .map(|d| match d.op {
            DiffTag::Equal => d.text.clone(),
            DiffTag::Delete => format!("[-{}-]", d.text),
            DiffTag::Insert => format!("{{+{}+}}", d.text),
        })
        .collect()
}

/// Writes a report in one output format.
pub trait Renderer {
    /// Writes `report` to `out`.
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}
