//! Report → human text: a summary line, then each aligned pair that differs
//! with its word diff, then attribution changes, facts, and unaligned sentences.
//!
//! Without colour, the word diff uses `[-deleted-]{+inserted+}` as
//! `git diff --word-diff=plain` and `wdiff` do.

use super::escape::escape_control;
use super::Renderer;
use crate::model::report::{DiffTag, Fact, Report, SideReport};
use crate::model::BlockKind;
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};

/// The human-readable renderer.
pub struct TextRenderer {
    /// Emit ANSI colours.
    pub color: bool,
}

const DELETE: Style = AnsiColor::Red.on_default();
const INSERT: Style = AnsiColor::Green.on_default();
const HEADING: Style = Style::new().bold();
const DIM: Style = Style::new().dimmed();

impl TextRenderer {
    fn paint(&self, style: Style, text: &str) -> String {
        let text = escape_control(text);
        if self.color {
            format!("{}{}{}", style.render(), text, style.render_reset())
        } else {
            text.into_owned()
        }
    }

    fn heading(&self, out: &mut dyn Write, title: &str, count: usize) -> io::Result<()> {
        writeln!(
            out,
            "\n{}",
            self.paint(HEADING, &format!("{title} ({count})"))
        )
    }
}

fn sentence_text(side: &SideReport, index: usize) -> &str {
    side.sentences
        .get(index)
        .map(|s| s.text.as_str())
        .unwrap_or("")
}

fn location(side: &SideReport, index: usize) -> String {
    match side.sentences.get(index) {
        Some(s) => format!("{}:{}:{}", escape_control(&side.path), s.line, s.column),
        None => escape_control(&side.path).into_owned(),
    }
}

fn indices(prefix: char, list: &[usize]) -> String {
    list.iter()
        .map(|i| format!("{prefix}{i}"))
        .collect::<Vec<_>>()
        .join("+")
}

impl Renderer for TextRenderer {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        writeln!(
            out,
            "{} → {}",
            self.paint(HEADING, &report.left.path),
            self.paint(HEADING, &report.right.path)
        )?;
        writeln!(out, "{}", super::summary_line(&report.summary))?;
        for change in &report.metadata_changes {
            let text = |t: &Option<String>| t.clone().unwrap_or_else(|| "(none)".into());
            let field = change.field.name();
            writeln!(
                out,
                "{field}: {} → {}",
                self.paint(DELETE, &text(&change.left_text)),
                self.paint(INSERT, &text(&change.right_text))
            )?;
        }
        for change in &report.credit_changes {
            let at = match (change.left, change.right) {
                (Some(i), _) => location(&report.left, i),
                (None, Some(j)) => location(&report.right, j),
                (None, None) => String::new(),
            };
            writeln!(
                out,
                "credit: {}  {}",
                self.paint(HEADING, &change.detail),
                self.paint(DIM, &at)
            )?;
        }
        self.render_pairs(report, out)?;
        self.render_attribution(report, out)?;
        self.render_facts(
            out,
            "Omitted facts (left only)",
            &report.facts.omitted,
            &report.left,
        )?;
        self.render_facts(
            out,
            "Added facts (right only)",
            &report.facts.added,
            &report.right,
        )?;
        if !report.facts.changed.is_empty() {
            self.heading(out, "Changed facts", report.facts.changed.len())?;
            for c in &report.facts.changed {
                writeln!(
                    out,
                    "  L{} ↔ R{} {}: {} → {}",
                    c.left,
                    c.right,
                    c.kind.name(),
                    self.paint(DELETE, &c.left_text),
                    self.paint(INSERT, &c.right_text)
                )?;
            }
        }
        self.render_only(out, "Left only", &report.left_only, &report.left, 'L')?;
        self.render_only(out, "Right only", &report.right_only, &report.right, 'R')
    }
}

impl TextRenderer {
    fn render_pairs(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let changed: Vec<_> = report
            .pairs
            .iter()
            .filter(|p| p.diff.iter().any(|d| d.op != DiffTag::Equal))
            .collect();
        self.heading(out, "Reworded", changed.len())?;
        for pair in &changed {
            let moved = if pair.moved { ", moved" } else { "" };
            writeln!(
                out,
                "  {} ↔ {}  {}",
                indices('L', &pair.left),
                indices('R', &pair.right),
                self.paint(
                    DIM,
                    &format!(
                        "similarity {:.2}{moved}, {}",
                        pair.similarity,
                        location(&report.right, pair.right[0])
                    )
                )
            )?;
            let mut line = String::from("    ");
            for op in &pair.diff {
                line.push_str(&match (op.op, self.color) {
                    (DiffTag::Equal, _) => escape_control(&op.text).into_owned(),
                    (DiffTag::Delete, true) => self.paint(DELETE.strikethrough(), &op.text),
                    (DiffTag::Insert, true) => self.paint(INSERT.underline(), &op.text),
                    (DiffTag::Delete, false) => format!("[-{}-]", escape_control(&op.text)),
                    (DiffTag::Insert, false) => format!("{{+{}+}}", escape_control(&op.text)),
                });
            }
            writeln!(out, "{line}")?;
        }
        let same = report.pairs.len() - changed.len();
        if same > 0 {
            writeln!(
                out,
                "  {}",
                self.paint(DIM, &format!("{same} identical pairs not shown"))
            )?;
        }
        Ok(())
    }

    fn render_attribution(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        if report.attribution_changes.is_empty() {
            return Ok(());
        }
        self.heading(out, "Attribution changes", report.attribution_changes.len())?;
        for c in &report.attribution_changes {
            let at = match (c.left, c.right) {
                (Some(l), Some(r)) => format!("L{l} ↔ R{r}"),
                (Some(l), None) => format!("L{l}"),
                (None, Some(r)) => format!("R{r}"),
                (None, None) => String::new(),
            };
            let kind = c.kind.name();
            let speaker = c.speaker.as_deref().unwrap_or("(unnamed)");
            // "sounds stronger" when the new cue presents the statement as
            // more (or less) certain than the old one did.
            let tone = match (c.left_certainty, c.right_certainty) {
                (Some(was), Some(now)) if was < now => ", sounds more certain",
                (Some(was), Some(now)) if was > now => ", sounds less certain",
                _ => "",
            };
            writeln!(
                out,
                "  {at} {kind}: {}{tone} ({})",
                self.paint(HEADING, &c.detail),
                escape_control(speaker)
            )?;
            if let (Some(lq), Some(rq)) = (&c.left_quote, &c.right_quote) {
                writeln!(
                    out,
                    "    - \"{}\"\n    + \"{}\"",
                    self.paint(DELETE, lq),
                    self.paint(INSERT, rq)
                )?;
            }
        }
        Ok(())
    }

    fn render_facts(
        &self,
        out: &mut dyn Write,
        title: &str,
        facts: &[Fact],
        side: &SideReport,
    ) -> io::Result<()> {
        if facts.is_empty() {
            return Ok(());
        }
        self.heading(out, title, facts.len())?;
        for f in facts {
            let kind = f.kind.name();
            writeln!(
                out,
                "  {:<7} {}  {}",
                kind,
                self.paint(HEADING, &f.text),
                self.paint(DIM, &location(side, f.sentence))
            )?;
        }
        Ok(())
    }

    fn render_only(
        &self,
        out: &mut dyn Write,
        title: &str,
        list: &[usize],
        side: &SideReport,
        prefix: char,
    ) -> io::Result<()> {
        if list.is_empty() {
            return Ok(());
        }
        self.heading(out, title, list.len())?;
        for &i in list {
            let tag = match side.sentences.get(i).map(|s| s.kind) {
                None | Some(BlockKind::Paragraph) => String::new(),
                Some(kind) => format!(" [{}]", kind.name()),
            };
            writeln!(
                out,
                "  {prefix}{i}{tag} {}",
                escape_control(sentence_text(side, i))
            )?;
        }
        Ok(())
    }
}
