//! Fitting text into columns: trimming a sentence around the words a
//! finding is about, and wrapping a marked sentence into a column, both by
//! display width (UAX #11, via `unicode-width`), never inside a character.

use crate::model::report::{DiffOp, DiffTag};
use unicode_width::UnicodeWidthChar;

/// Columns `text` takes on a terminal (East Asian wide characters count
/// two, combining marks none).
pub fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The byte range of `needle` in `text`, where it starts a word if it
/// does anywhere ("note" finds "noted", not "denote"; scripts without
/// spaces have no word starts to find), if it is there.
pub fn find(text: &str, needle: Option<&str>) -> Option<(usize, usize)> {
    let needle = needle.filter(|n| !n.is_empty())?;
    let word_start = |at: usize| {
        !text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
    };
    let at = text
        .match_indices(needle)
        .map(|(at, _)| at)
        .find(|&at| word_start(at))
        .or_else(|| text.find(needle).filter(|_| !needle.is_ascii()))?;
    Some((at, at + needle.len()))
}

/// The byte range of one side's text that a word diff changes, first
/// change to last: `left` picks the left side (equal and deleted runs),
/// else the right (equal and inserted runs). `None` when nothing changes.
pub fn changed_range(diff: &[DiffOp], left: bool) -> Option<(usize, usize)> {
    let mut at = 0;
    let mut range: Option<(usize, usize)> = None;
    for op in diff {
        let here = match (op.op, left) {
            (DiffTag::Equal, _) => {
                at += op.text.len();
                continue;
            }
            (DiffTag::Delete, true) | (DiffTag::Insert, false) => op.text.len(),
            // A change only the other side has sits between two words here.
            _ => 0,
        };
        let (start, end) = (at, at + here);
        range = Some(range.map_or((start, end), |(s, e)| (s.min(start), e.max(end))));
        at = end;
    }
    range
}

/// `text` in at most `max` columns: whole when it fits, else a window
/// around `focus` (a byte range), cut at spaces where it can be, with "…"
/// at each cut end.
pub fn clip(text: &str, focus: Option<(usize, usize)>, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    let budget = max.saturating_sub(2).max(1);
    let (focus_start, focus_end) = focus.unwrap_or((0, 0));
    let focus_start = floor_boundary(text, focus_start.min(text.len()));
    // Start at the beginning when the focus starts in the first half; else
    // a third of the budget before the focus, so the reader sees what leads
    // to it.
    let mut start = 0;
    if width(&text[..focus_start]) > budget / 2 {
        start = focus_start;
        let mut lead = 0;
        for (i, c) in text[..focus_start].char_indices().rev() {
            if lead + char_width(c) > budget / 3 {
                break;
            }
            lead += char_width(c);
            start = i;
        }
    }
    let mut end = take_width(text, start, budget);
    if end == text.len() {
        // The window reaches the end: spend what is left before it.
        let mut used = width(&text[start..]);
        for (i, c) in text[..start].char_indices().rev() {
            if used + char_width(c) > budget {
                break;
            }
            used += char_width(c);
            start = i;
        }
    }
    // Cut at spaces, as long as the focus stays inside.
    if start > 0 {
        if let Some(space) = text[start..focus_start].find(' ') {
            start += space + 1;
        }
    }
    if end < text.len() {
        // Keep the whole focus when it fits, else at least its start.
        let keep = if focus_end <= end {
            focus_end
        } else {
            focus_start
        };
        let keep = floor_boundary(text, keep.clamp(start, end));
        if let Some(space) = text[keep..end].rfind(' ') {
            if keep + space > start {
                end = keep + space;
            }
        }
    }
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if end < text.len() {
        out.push('…');
    }
    out
}

/// The largest char boundary at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The end of the longest run from `start` that fits in `columns`.
fn take_width(text: &str, start: usize, columns: usize) -> usize {
    let mut used = 0;
    for (i, c) in text[start..].char_indices() {
        if used + char_width(c) > columns {
            return start + i;
        }
        used += char_width(c);
    }
    text.len()
}

/// How a piece of a wrapped line is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// In both texts.
    Plain,
    /// Only on the left.
    Deleted,
    /// Only on the right.
    Inserted,
}

/// One line of a column: marked pieces and the columns they take.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    /// The pieces, in order.
    pub pieces: Vec<(Mark, String)>,
    /// Their display width.
    pub width: usize,
}

impl Line {
    /// Drops the spaces a line ends with (they would only pad a break).
    fn trim_end(&mut self) {
        while let Some((_, text)) = self.pieces.last_mut() {
            let kept = text.trim_end_matches(' ').len();
            self.width -= text.len() - kept;
            text.truncate(kept);
            if !text.is_empty() {
                break;
            }
            self.pieces.pop();
        }
    }

    fn push(&mut self, mark: Mark, text: &str) {
        self.width += width(text);
        match self.pieces.last_mut() {
            Some((m, t)) if *m == mark => t.push_str(text),
            _ => self.pieces.push((mark, text.to_string())),
        }
    }
}

/// Wraps marked pieces into lines of at most `columns` display columns:
/// at spaces where it can (a word whose parts are marked differently,
/// "[-ex-]Soviet", stays whole), and inside a word longer than a line
/// only between characters. Spaces at a line break are dropped.
pub fn wrap(pieces: &[(Mark, String)], columns: usize) -> Vec<Line> {
    let columns = columns.max(1);
    // Words (runs without spaces, possibly of several marks) and the
    // spaces between them.
    let mut words: Vec<Vec<(Mark, &str)>> = Vec::new();
    let mut glued = false;
    for (mark, text) in pieces {
        for run in split_keeping_spaces(text) {
            let space = run.starts_with(' ');
            match words.last_mut() {
                Some(word) if glued && !space => word.push((*mark, run)),
                _ => words.push(vec![(*mark, run)]),
            }
            glued = !space;
        }
    }
    let mut lines = vec![Line::default()];
    for word in words {
        let w: usize = word.iter().map(|(_, t)| width(t)).sum();
        let line = lines.last_mut().expect("at least one line");
        if word[0].1.starts_with(' ') {
            if line.width > 0 && line.width + w <= columns {
                line.push(word[0].0, word[0].1);
            } else if line.width > 0 {
                line.trim_end();
                lines.push(Line::default());
            }
            continue;
        }
        if line.width + w > columns && line.width > 0 {
            line.trim_end();
            lines.push(Line::default());
        }
        for (mark, text) in word {
            for c in text.chars() {
                let line = lines.last_mut().expect("at least one line");
                if line.width + char_width(c) > columns && line.width > 0 {
                    lines.push(Line::default());
                }
                let mut buf = [0; 4];
                lines
                    .last_mut()
                    .expect("at least one line")
                    .push(mark, c.encode_utf8(&mut buf));
            }
        }
    }
    lines
}

/// Runs of spaces and runs of other characters, in order.
fn split_keeping_spaces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_space = None;
    for (i, c) in text.char_indices() {
        let space = c == ' ';
        if in_space.is_some_and(|s| s != space) {
            out.push(&text[start..i]);
            start = i;
        }
        in_space = Some(space);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_matches_at_a_word_start_only() {
        assert_eq!(
            find("He denoted, then noted it", Some("note")),
            Some((17, 21))
        );
        assert_eq!(find("He said so", Some("say")), None);
        assert_eq!(find("He said so", None), None);
    }

    #[test]
    fn a_focus_near_the_start_keeps_the_start() {
        let text = "Russian President Vladimir Putin on Friday said hundreds of fighters were massing in the north";
        let clipped = clip(text, find(text, Some("said")), 90);
        assert!(clipped.starts_with("Russian President"), "{clipped}");
        assert!(
            clipped.ends_with('…') && !clipped.ends_with(" …"),
            "{clipped}"
        );
    }

    #[test]
    fn a_short_text_is_not_clipped() {
        assert_eq!(clip("Putin said so.", None, 40), "Putin said so.");
    }

    #[test]
    fn a_long_text_is_trimmed_around_its_focus_at_spaces() {
        let text = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let focus = find(text, Some("eight"));
        let clipped = clip(text, focus, 24);
        assert!(clipped.contains("eight"), "{clipped}");
        assert!(
            clipped.starts_with('…') && clipped.ends_with('…'),
            "{clipped}"
        );
        assert!(width(&clipped) <= 24, "{clipped}");
        // Cut between words, not inside one.
        let inner = clipped.trim_matches('…');
        assert!(text.contains(inner), "{clipped}");
        assert!(inner.split(' ').all(|w| text.split(' ').any(|t| t == w)));
    }

    #[test]
    fn clipping_never_splits_a_wide_character() {
        let text = "東京都の知事は記者団に対して新しい橋の建設費が増えたと述べた";
        let clipped = clip(text, find(text, Some("建設費")), 12);
        assert!(width(&clipped) <= 12, "{clipped}");
        assert!(clipped.contains("建設費"), "{clipped}");
    }

    #[test]
    fn clipping_any_focus_of_any_text_stays_in_bounds() {
        let texts = [
            "a",
            "東京都の知事は記者団に対して新しい橋の建設費が増えたと述べた",
            "Ünïcödé wörds and e\u{301}mojis 👩‍👩‍👧 in a sentence that is long enough to clip",
            "nospacesatallinthisverylongtokenthatgoesonandonandonforever",
        ];
        for text in texts {
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            for &start in &bounds {
                for &end in bounds.iter().filter(|&&e| e >= start).step_by(7) {
                    for max in [1, 5, 12, 40] {
                        let clipped = clip(text, Some((start, end)), max);
                        assert!(
                            width(&clipped) <= max.max(3),
                            "{text:?} {start}..{end} {max}: {clipped}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn changed_range_spans_the_first_to_the_last_change_of_a_side() {
        let diff = vec![
            DiffOp {
                op: DiffTag::Equal,
                text: "He ".into(),
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
                text: " so.".into(),
            },
        ];
        assert_eq!(changed_range(&diff, true), Some((3, 7)));
        assert_eq!(changed_range(&diff, false), Some((3, 10)));
        assert_eq!(changed_range(&diff[..1], true), None);
    }

    #[test]
    fn wrapping_fits_the_width_and_keeps_every_character() {
        let pieces = vec![
            (Mark::Plain, "The council ".to_string()),
            (Mark::Deleted, "approved".to_string()),
            (
                Mark::Plain,
                " a 東京大橋 bridge, supercalifragilistic.".to_string(),
            ),
        ];
        let lines = wrap(&pieces, 9);
        assert!(lines.iter().all(|l| l.width <= 9), "{lines:?}");
        let joined: String = lines
            .iter()
            .flat_map(|l| l.pieces.iter().map(|(_, t)| t.as_str()))
            .collect::<String>()
            .replace(' ', "");
        assert_eq!(
            joined,
            "Thecouncilapproveda東京大橋bridge,supercalifragilistic."
        );
        assert!(lines.iter().any(|l| l
            .pieces
            .iter()
            .any(|(m, t)| *m == Mark::Deleted && t == "approved")));
    }

    #[test]
    fn a_word_marked_in_parts_is_not_broken_between_its_parts() {
        let pieces = vec![
            (Mark::Plain, "leaders of other ".to_string()),
            (Mark::Deleted, "ex-".to_string()),
            (Mark::Plain, "Soviet states".to_string()),
        ];
        let lines = wrap(&pieces, 20);
        let texts: Vec<String> = lines
            .iter()
            .map(|l| l.pieces.iter().map(|(_, t)| t.as_str()).collect())
            .collect();
        assert_eq!(texts, ["leaders of other", "ex-Soviet states"]);
    }

    #[test]
    fn a_wide_character_never_straddles_a_column_edge() {
        let pieces = vec![(Mark::Plain, "ab東京".to_string())];
        let lines = wrap(&pieces, 3);
        // "ab" leaves one column: too few for 東, which starts the next line.
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines[0].width, 2);
        assert!(lines.iter().all(|l| l.width <= 3));
    }
}
