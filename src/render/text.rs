//! Report → human text, findings first:
//!
//! 1. the two paths and the verdict ([`super::summary_line`]);
//! 2. the findings by severity (high, medium, low; see
//!    [`crate::model::severity`]), each with its evidence: `file:line:col`
//!    of each side and the sentences, trimmed around the change, or for an
//!    altered quote a word diff of the quote;
//! 3. the reworded pairs with their word diffs (or side by side);
//! 4. the sentences cut from the left and added on the right.
//!
//! Without colour, and with colour under `--markers`, the word diff uses
//! `[-deleted-]{+inserted+}` as `git diff --word-diff=plain` and `wdiff` do,
//! so a diff pasted into an email keeps its meaning without red and green.

use super::escape::escape_control;
use super::findings::{findings, identical, Finding};
use super::layout::{changed_range, clip, find, Mark};
use super::Renderer;
use crate::model::report::{DiffOp, DiffTag, PairReport, Report, SideReport};
use crate::model::severity::{FindingKind, Severity};
use crate::model::BlockKind;
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};

/// The terminal width the layout fits, as `--side-by-side` assumes when
/// there is no terminal (word diffs are not cut; the terminal wraps them).
const LINE_COLUMNS: usize = 100;

/// Columns a sentence of evidence is trimmed to: with its indent and
/// marker, a line fits [`LINE_COLUMNS`].
const EVIDENCE_COLUMNS: usize = 92;

/// The human-readable renderer. `TextRenderer::default()` is plain text.
#[derive(Debug, Clone, Copy, Default)]
pub struct TextRenderer {
    /// Emit ANSI colours.
    pub color: bool,
    /// Keep the `[-…-]`/`{+…+}` brackets when colouring.
    pub markers: bool,
    /// Show reworded pairs in two columns, in this many terminal columns.
    pub side_by_side: Option<usize>,
}

/// Deleted words, and the left side's marker.
pub(super) const DELETE: Style = AnsiColor::Red.on_default();
/// Inserted words, and the right side's marker.
pub(super) const INSERT: Style = AnsiColor::Green.on_default();
const HEADING: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

impl TextRenderer {
    /// `text`, escaped, in `style` when colouring.
    pub(super) fn paint(&self, style: Style, text: &str) -> String {
        let text = escape_control(text);
        if self.color {
            format!("{}{}{}", style.render(), text, style.render_reset())
        } else {
            text.into_owned()
        }
    }

    /// A run of a word diff, marked by colour, brackets or both.
    pub(super) fn mark(&self, mark: Mark, text: &str) -> String {
        let brackets = !self.color || self.markers;
        let (style, open, close) = match mark {
            Mark::Plain => return escape_control(text).into_owned(),
            // Struck through and underlined as well as red and green, so
            // the change shows to a reader who does not tell the colours apart.
            Mark::Deleted => (DELETE.strikethrough(), "[-", "-]"),
            Mark::Inserted => (INSERT.underline(), "{+", "+}"),
        };
        let text = if brackets {
            format!("{open}{text}{close}")
        } else {
            text.to_string()
        };
        if self.color {
            self.paint(style, &text)
        } else {
            escape_control(&text).into_owned()
        }
    }

    /// A word diff on one line.
    fn diff_line(&self, diff: &[DiffOp]) -> String {
        diff.iter()
            .map(|op| self.mark(mark_of(op.op), &op.text))
            .collect()
    }

    fn heading(&self, out: &mut dyn Write, title: &str) -> io::Result<()> {
        writeln!(out, "\n{}", self.paint(HEADING, title))
    }
}

/// The mark of a diff run.
pub(super) fn mark_of(tag: DiffTag) -> Mark {
    match tag {
        DiffTag::Equal => Mark::Plain,
        DiffTag::Delete => Mark::Deleted,
        DiffTag::Insert => Mark::Inserted,
    }
}

fn sentence_text(side: &SideReport, index: usize) -> &str {
    side.sentences
        .get(index)
        .map(|s| s.text.as_str())
        .unwrap_or("")
}

/// `path:line:col` of a sentence (escaped when printed).
fn location(side: &SideReport, index: usize) -> String {
    match side.sentences.get(index) {
        Some(s) => format!("{}:{}:{}", side.path, s.line, s.column),
        None => side.path.clone(),
    }
}

/// `L4`, `R3+R4`.
fn indices(prefix: char, list: &[usize]) -> String {
    list.iter()
        .map(|i| format!("{prefix}{i}"))
        .collect::<Vec<_>>()
        .join("+")
}

/// "High (6)", with what the severity means.
fn severity_heading(severity: Severity, count: usize) -> String {
    let meaning = match severity {
        Severity::High => "the rewrite says something else",
        Severity::Medium => "it says it differently or says less",
        Severity::Low => "it adds or rearranges",
    };
    let name = match severity {
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
    };
    format!("{name} ({count}): {meaning}")
}

impl Renderer for TextRenderer {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "{} → {}",
            self.paint(HEADING, &report.left.path),
            self.paint(HEADING, &report.right.path)
        )?;
        writeln!(out, "{}", escape_control(&super::summary_line(report)))?;
        let list = findings(report);
        for severity in [Severity::High, Severity::Medium, Severity::Low] {
            let these: Vec<&Finding> = list.iter().filter(|f| f.severity == severity).collect();
            if these.is_empty() {
                continue;
            }
            self.heading(out, &severity_heading(severity, these.len()))?;
            for f in these {
                self.render_finding(report, f, out)?;
            }
        }
        self.render_pairs(report, out)?;
        self.render_only(out, "Cut", &report.left_only, &report.left, 'L')?;
        self.render_only(out, "Added", &report.right_only, &report.right, 'R')
    }
}

impl TextRenderer {
    fn render_finding(&self, report: &Report, f: &Finding, out: &mut dyn Write) -> io::Result<()> {
        let speaker = f
            .speaker
            .as_deref()
            .map(|s| format!(" ({s})"))
            .unwrap_or_default();
        let message = if f.message.is_empty() {
            String::new()
        } else {
            format!(": {}", f.message)
        };
        writeln!(
            out,
            "  {}{}{}",
            self.paint(HEADING, &f.label),
            escape_control(&message),
            escape_control(&speaker)
        )?;
        let (left, right) = (&report.left, &report.right);
        let at = |side: &SideReport, prefix: char, i: usize| {
            format!("{prefix}{i} {}", location(side, i))
        };
        let place = match (f.left, f.right) {
            (Some(l), Some(r)) => format!("{} ↔ {}", at(left, 'L', l), at(right, 'R', r)),
            (Some(l), None) => at(left, 'L', l),
            (None, Some(r)) => at(right, 'R', r),
            (None, None) => String::new(),
        };
        if 4 + super::layout::width(&place) > LINE_COLUMNS {
            // Long paths: one side a line, so neither wraps mid-path.
            for (i, half) in place.split(" ↔ ").enumerate() {
                let half = if i == 0 {
                    half.to_string()
                } else {
                    format!("↔ {half}")
                };
                writeln!(out, "    {}", self.paint(DIM, &half))?;
            }
        } else if !place.is_empty() {
            writeln!(out, "    {}", self.paint(DIM, &place))?;
        }
        if matches!(f.kind, FindingKind::Metadata(_)) {
            // The message quotes both headlines (or date lines) already.
            return Ok(());
        }
        if let Some(diff) = f.quote_diff {
            // The quote's own word diff: what changed inside the marks,
            // instead of two near-identical copies.
            return writeln!(out, "    “{}”", self.diff_line(diff));
        }
        let one_pair = f.pair.filter(|p| p.left.len() == 1 && p.right.len() == 1);
        if let (Some(pair), true) = (one_pair, f.pair.is_some_and(identical)) {
            let text = sentence_text(left, pair.left[0]);
            return writeln!(
                out,
                "    = {}",
                escape_control(&clip(text, None, EVIDENCE_COLUMNS))
            );
        }
        let side_line = |side: &SideReport, i: usize, focus: Option<&str>, is_left: bool| {
            let text = sentence_text(side, i);
            let range = find(text, focus).or_else(|| {
                one_pair
                    .filter(|p| side_text(p, is_left) == text)
                    .and_then(|p| changed_range(&p.diff, is_left))
            });
            escape_control(&clip(text, range, EVIDENCE_COLUMNS)).into_owned()
        };
        if let Some(l) = f.left {
            let line = side_line(left, l, f.left_focus, true);
            writeln!(out, "    {} {line}", self.paint(DELETE, "-"))?;
        }
        if let Some(r) = f.right {
            let line = side_line(right, r, f.right_focus, false);
            writeln!(out, "    {} {line}", self.paint(INSERT, "+"))?;
        }
        Ok(())
    }

    fn render_pairs(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let changed: Vec<&PairReport> = report.pairs.iter().filter(|p| !identical(p)).collect();
        if !changed.is_empty() {
            self.heading(out, &format!("Reworded ({})", changed.len()))?;
        }
        for pair in &changed {
            let moved = if pair.moved { ", moved" } else { "" };
            // Lines only: the files are named above, and the findings give
            // each side's full file:line:col.
            let line = |side: &SideReport, i: usize| side.sentences.get(i).map_or(0, |s| s.line);
            let place = format!(
                "similarity {:.2}{moved}, line {} ↔ line {}",
                pair.similarity,
                line(&report.left, pair.left[0]),
                line(&report.right, pair.right[0])
            );
            writeln!(
                out,
                "  {} ↔ {}  {}",
                indices('L', &pair.left),
                indices('R', &pair.right),
                self.paint(DIM, &place)
            )?;
            match self.side_by_side {
                Some(columns) => self.side_by_side(&pair.diff, columns, out)?,
                None => writeln!(out, "    {}", self.diff_line(&pair.diff))?,
            }
        }
        let same = report.pairs.len() - changed.len();
        if same > 0 {
            let moved = report
                .pairs
                .iter()
                .filter(|p| p.moved && identical(p))
                .count();
            let listed = if moved > 0 {
                format!(", not shown here but for the {moved} moved (listed above)")
            } else {
                ", not shown".to_string()
            };
            let pairs = super::counted(same, "pair");
            let note = format!("{pairs} word for word the same{listed}");
            writeln!(out, "\n{}", self.paint(DIM, &note))?;
        }
        Ok(())
    }

    fn render_only(
        &self,
        out: &mut dyn Write,
        what: &str,
        list: &[usize],
        side: &SideReport,
        prefix: char,
    ) -> io::Result<()> {
        if list.is_empty() {
            return Ok(());
        }
        let title = format!(
            "{what} ({}): only in {}",
            list.len(),
            escape_control(&side.path)
        );
        self.heading(out, &title)?;
        for &i in list {
            let tag = match side.sentences.get(i).map(|s| s.kind) {
                None | Some(BlockKind::Paragraph) => String::new(),
                Some(kind) => format!(" [{}]", kind.name()),
            };
            let line = side.sentences.get(i).map_or(0, |s| s.line);
            writeln!(
                out,
                "  {prefix}{i}{tag} {}  {}",
                escape_control(sentence_text(side, i)),
                self.paint(DIM, &format!("line {line}"))
            )?;
        }
        Ok(())
    }
}

/// One side's text as the pair's diff spells it.
fn side_text(pair: &PairReport, left: bool) -> String {
    pair.diff
        .iter()
        .filter(|d| match d.op {
            DiffTag::Equal => true,
            DiffTag::Delete => left,
            DiffTag::Insert => !left,
        })
        .map(|d| d.text.as_str())
        .collect()
}
