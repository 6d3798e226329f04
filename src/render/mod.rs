//! [`Report`] → bytes, one renderer per format behind [`Renderer`].
//!
//! Renderers compute nothing: every figure they print is in the report.

pub mod check;
pub mod escape;
pub mod github;
pub mod json;
pub mod text;

use crate::model::report::{Report, Summary};
use check::{CheckJsonRenderer, CheckRenderer, CheckTextRenderer};
use std::io::{self, Write};

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

/// The renderer of a comparison in `format`; `color` styles text output.
/// Formats are matched to renderers here and nowhere else.
pub fn renderer(format: Format, color: bool) -> Box<dyn Renderer> {
    match format {
        Format::Text => Box::new(text::TextRenderer { color }),
        Format::Json => Box::new(json::JsonRenderer),
        Format::Github => Box::new(github::GithubRenderer),
    }
}

/// The renderer of a checked comparison (`newsdiff check`) in `format`.
pub fn check_renderer(format: Format) -> Box<dyn CheckRenderer> {
    match format {
        Format::Text => Box::new(CheckTextRenderer),
        Format::Json => Box::new(CheckJsonRenderer),
        Format::Github => Box::new(github::GithubRenderer),
    }
}

/// The one-line summary of a comparison, written by every renderer that
/// prints one (text, github), so they cannot drift apart.
pub fn summary_line(s: &Summary) -> String {
    let mut parts = vec![format!("{} aligned ({} moved)", s.pairs, s.moved)];
    parts.push(format!("{} left only", s.left_only));
    parts.push(format!("{} right only", s.right_only));
    parts.push(counted(s.attribution_changes, "attribution change"));
    if s.credit_changes > 0 {
        parts.push(counted(s.credit_changes, "credit change"));
    }
    if s.metadata_changes > 0 {
        parts.push(counted(s.metadata_changes, "headline/date change"));
    }
    parts.push(format!("{} omitted", s.omitted_facts));
    parts.push(format!("{} added", s.added_facts));
    parts.push(counted(s.changed_facts, "changed fact"));
    parts.join(", ")
}

/// "1 credit change", "2 credit changes".
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Writes a report in one output format.
pub trait Renderer {
    /// Writes `report` to `out`.
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line_counts_in_the_singular_and_plural() {
        let s = Summary {
            pairs: 3,
            moved: 1,
            attribution_changes: 1,
            credit_changes: 2,
            changed_facts: 0,
            ..Summary::default()
        };
        assert_eq!(
            summary_line(&s),
            "3 aligned (1 moved), 0 left only, 0 right only, 1 attribution change, \
             2 credit changes, 0 omitted, 0 added, 0 changed facts"
        );
    }
}
