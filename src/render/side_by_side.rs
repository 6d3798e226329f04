//! `--side-by-side`: a reworded pair as two columns, the left sentence with
//! its deleted words marked, the right with its inserted words marked,
//! wrapped by display width to the terminal's columns.

use super::layout::{wrap, Line, Mark};
use super::text::{mark_of, TextRenderer, DELETE, INSERT};
use crate::model::report::{DiffOp, DiffTag};
use std::io::{self, Write};

/// Indent before the left column.
const INDENT: &str = "    ";
/// Between the columns.
const GUTTER: &str = " │ ";
/// Narrowest column worth drawing; below it the columns overflow instead.
const MIN_COLUMN: usize = 12;

/// The width of each of the two columns in a terminal `columns` wide.
pub(super) fn column_width(columns: usize) -> usize {
    (columns.saturating_sub(INDENT.len() + GUTTER.chars().count()) / 2).max(MIN_COLUMN)
}

/// One side of a diff as marked pieces; the brackets are part of the text
/// when they are shown, so wrapping counts their width.
fn side(diff: &[DiffOp], keep: DiffTag, brackets: bool) -> Vec<(Mark, String)> {
    diff.iter()
        .filter(|d| d.op == DiffTag::Equal || d.op == keep)
        .map(|d| {
            let mark = mark_of(d.op);
            let text = match (mark, brackets) {
                (Mark::Deleted, true) => format!("[-{}-]", d.text),
                (Mark::Inserted, true) => format!("{{+{}+}}", d.text),
                _ => d.text.clone(),
            };
            (mark, text)
        })
        .collect()
}

impl TextRenderer {
    fn column(&self, line: Option<&Line>) -> (String, usize) {
        let Some(line) = line else {
            return (String::new(), 0);
        };
        let text = line
            .pieces
            .iter()
            .map(|(mark, text)| match mark {
                Mark::Plain => text.clone(),
                Mark::Deleted => self.paint(DELETE.strikethrough(), text),
                Mark::Inserted => self.paint(INSERT.underline(), text),
            })
            .collect();
        (text, line.width)
    }

    /// Writes `diff` as two columns in a terminal `columns` wide.
    pub(super) fn side_by_side(
        &self,
        diff: &[DiffOp],
        columns: usize,
        out: &mut dyn Write,
    ) -> io::Result<()> {
        let width = column_width(columns);
        let brackets = !self.color || self.markers;
        // Escaped before wrapping, so an escape's width is counted.
        let escape = |pieces: Vec<(Mark, String)>| -> Vec<(Mark, String)> {
            pieces
                .into_iter()
                .map(|(m, t)| (m, super::escape::escape_control(&t).into_owned()))
                .collect()
        };
        let left = wrap(&escape(side(diff, DiffTag::Delete, brackets)), width);
        let right = wrap(&escape(side(diff, DiffTag::Insert, brackets)), width);
        for row in 0..left.len().max(right.len()) {
            let (l, used) = self.column(left.get(row));
            let (r, _) = self.column(right.get(row));
            let pad = " ".repeat(width.saturating_sub(used));
            let line = format!("{INDENT}{l}{pad}{GUTTER}{r}");
            writeln!(out, "{}", line.trim_end())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::layout::width;

    fn diff() -> Vec<DiffOp> {
        vec![
            DiffOp {
                op: DiffTag::Equal,
                text: "The mayor ".into(),
            },
            DiffOp {
                op: DiffTag::Delete,
                text: "said".into(),
            },
            DiffOp {
                op: DiffTag::Insert,
                text: "claimed".into(),
            },
            DiffOp {
                op: DiffTag::Equal,
                text: " the bridge will open in May.".into(),
            },
        ]
    }

    #[test]
    fn columns_fit_the_terminal_and_mark_each_side() {
        let mut out = Vec::new();
        TextRenderer::default()
            .side_by_side(&diff(), 40, &mut out)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.lines().all(|l| width(l) <= 40), "{text}");
        assert!(
            text.contains("[-said-]") && text.contains("{+claimed+}"),
            "{text}"
        );
        // Each side shows only its own change, in its own column.
        let (l, r): (Vec<&str>, Vec<&str>) = text
            .lines()
            .map(|line| line.split_once('│').unwrap())
            .unzip();
        let (l, r) = (l.concat(), r.concat());
        assert!(l.contains("[-said-]") && !l.contains("claimed"), "{text}");
        assert!(r.contains("{+claimed+}") && !r.contains("said"), "{text}");
    }

    #[test]
    fn colour_without_markers_drops_the_brackets() {
        let mut out = Vec::new();
        let renderer = TextRenderer {
            color: true,
            ..TextRenderer::default()
        };
        renderer.side_by_side(&diff(), 80, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains("[-") && text.contains("\u{1b}["), "{text:?}");
    }
}
