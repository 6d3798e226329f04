//! [`Table`]: the figures of one data set, and their text and JSON forms.
//!
//! Like the main report, a table is computed once and only read by the
//! renderers: the text view and the JSON view show the same numbers.

use serde_json::{json, Map, Value};
use std::fmt::Write as _;

/// How a figure reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A share or a score in [0, 1] (or a correlation in [-1, 1]): 3 decimals.
    Score,
    /// A count of items.
    Count,
    /// A plain number (a threshold, a rate per second): 2 decimals.
    Number,
}

/// One measured figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// snake_case name scripts read (`msrp_accuracy` would be redundant: the
    /// set is the table's name, so `accuracy`).
    pub key: String,
    /// What a person reads.
    pub label: String,
    /// The value; `None` when undefined (a correlation of a constant).
    pub value: Option<f64>,
    /// How to print it.
    pub unit: Unit,
}

/// One cell of a [`Grid`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell {
    /// A share or a score: 3 decimals (`None`: undefined).
    Score(Option<f64>),
    /// A count.
    Count(usize),
    /// A plain number: 2 decimals.
    Number(f64),
    /// `found` of `total`, printed `found/total`.
    Of(usize, usize),
}

impl Cell {
    fn text(self) -> String {
        match self {
            Cell::Score(None) => "n/a".to_string(),
            Cell::Score(Some(v)) => format!("{v:.3}"),
            Cell::Count(n) => n.to_string(),
            Cell::Number(v) => format!("{v:.2}"),
            Cell::Of(found, total) => format!("{found}/{total}"),
        }
    }

    fn json(self) -> Value {
        match self {
            Cell::Score(v) => v
                .filter(|v| v.is_finite())
                .map_or(Value::Null, |v| json!(v)),
            Cell::Count(n) => json!(n),
            Cell::Number(v) => json!(v),
            Cell::Of(found, total) => json!([found, total]),
        }
    }
}

/// A breakdown of a set's figures: named rows of the same columns (one row
/// per pair of a set, say). JSON: `{row: {column key: value}}`, a `found/total`
/// cell as `[found, total]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    /// snake_case name scripts read.
    pub key: String,
    /// What a person reads above the rows.
    pub title: String,
    /// Column keys (snake_case) and headings, in order.
    pub columns: Vec<(String, String)>,
    /// Row names and cells (one per column).
    pub rows: Vec<(String, Vec<Cell>)>,
}

impl Grid {
    /// An empty grid with these (key, heading) columns.
    pub fn new(key: &str, title: &str, columns: &[(&str, &str)]) -> Grid {
        Grid {
            key: key.to_string(),
            title: title.to_string(),
            columns: columns
                .iter()
                .map(|(k, h)| (k.to_string(), h.to_string()))
                .collect(),
            rows: Vec::new(),
        }
    }

    /// Appends a row.
    pub fn row(&mut self, name: &str, cells: Vec<Cell>) {
        self.rows.push((name.to_string(), cells));
    }

    fn write_text(&self, out: &mut String) {
        let _ = writeln!(out, "  {}:", self.title);
        let cells: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|(_, c)| c.iter().map(|c| c.text()).collect())
            .collect();
        let name_width = self
            .rows
            .iter()
            .map(|(n, _)| n.chars().count())
            .max()
            .unwrap_or(0);
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(k, (_, h))| {
                cells
                    .iter()
                    .filter_map(|r| r.get(k))
                    .map(|c| c.chars().count())
                    .chain([h.chars().count()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut line = format!("    {}", " ".repeat(name_width));
        for ((_, h), w) in self.columns.iter().zip(&widths) {
            let _ = write!(line, "  {h:>w$}");
        }
        let _ = writeln!(out, "{}", line.trim_end());
        for ((name, _), row) in self.rows.iter().zip(&cells) {
            let pad = name_width - name.chars().count();
            let mut line = format!("    {name}{}", " ".repeat(pad));
            for (c, w) in row.iter().zip(&widths) {
                let _ = write!(line, "  {c:>w$}");
            }
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }

    fn to_json(&self) -> Value {
        let rows: Map<String, Value> = self
            .rows
            .iter()
            .map(|(name, cells)| {
                let row: Map<String, Value> = self
                    .columns
                    .iter()
                    .zip(cells)
                    .map(|((k, _), c)| (k.clone(), c.json()))
                    .collect();
                (name.clone(), Value::Object(row))
            })
            .collect();
        json!({ "title": self.title, "rows": rows })
    }
}

/// The figures of one data set.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Data set name (`msrp`, `sts-news`, …).
    pub set: String,
    /// Folder the data came from.
    pub folder: String,
    /// What was evaluated, in a few words ("2,940 sentence pairs").
    pub items: String,
    /// Figures in reading order.
    pub figures: Vec<Figure>,
    /// Rules and caveats a reader needs to interpret the figures.
    pub notes: Vec<String>,
    /// Breakdowns (per pair, per kind…), printed after the figures.
    pub grids: Vec<Grid>,
    /// Worst errors, for whoever improves the method (with `--examples`).
    pub examples: Vec<String>,
    /// Wall time of the evaluation, seconds.
    pub seconds: f64,
    /// How many pairs of texts (article or sentence pairs) the evaluation
    /// compared, for the time a pair; 0 for sets of single documents.
    pub compared: usize,
}

impl Table {
    /// Wall time a compared pair of texts, when the set compares pairs.
    pub fn seconds_per_pair(&self) -> Option<f64> {
        (self.compared > 0).then(|| self.seconds / self.compared as f64)
    }

    /// An empty table for a set and folder.
    pub fn new(set: &str, folder: &str) -> Table {
        Table {
            set: set.to_string(),
            folder: folder.to_string(),
            ..Table::default()
        }
    }

    /// Appends a score in [0, 1] (or a correlation).
    pub fn score(&mut self, key: &str, label: &str, value: impl Into<Option<f64>>) {
        self.push(key, label, value.into(), Unit::Score);
    }

    /// Appends a count.
    pub fn count(&mut self, key: &str, label: &str, value: usize) {
        self.push(key, label, Some(value as f64), Unit::Count);
    }

    /// Appends a plain number.
    pub fn number(&mut self, key: &str, label: &str, value: impl Into<Option<f64>>) {
        self.push(key, label, value.into(), Unit::Number);
    }

    /// Appends precision, recall and F1 under `prefix_precision`, … keys.
    pub fn prf(&mut self, prefix: &str, label: &str, c: &super::metrics::Confusion) {
        self.score(
            &format!("{prefix}_precision"),
            &format!("{label}: precision"),
            c.precision(),
        );
        self.score(
            &format!("{prefix}_recall"),
            &format!("{label}: recall"),
            c.recall(),
        );
        self.score(&format!("{prefix}_f1"), &format!("{label}: F1"), c.f1());
    }

    /// Appends a note for the footer.
    pub fn note(&mut self, text: impl Into<String>) {
        self.notes.push(text.into());
    }

    fn push(&mut self, key: &str, label: &str, value: Option<f64>, unit: Unit) {
        // NaN is never a figure: it would print as "NaN" and break JSON.
        let value = value.filter(|v| v.is_finite());
        self.figures.push(Figure {
            key: key.to_string(),
            label: label.to_string(),
            value,
            unit,
        });
    }

    /// The value of a figure by key.
    #[cfg(test)]
    pub fn get(&self, key: &str) -> Option<f64> {
        self.figures
            .iter()
            .find(|f| f.key == key)
            .and_then(|f| f.value)
    }

    /// The table for people.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "== {} ({}) — {}", self.set, self.folder, self.items);
        let width = self
            .figures
            .iter()
            .map(|f| f.label.chars().count())
            .max()
            .unwrap_or(0);
        for f in &self.figures {
            let value = match (f.value, f.unit) {
                (None, _) => "n/a".to_string(),
                (Some(v), Unit::Score) => format!("{v:.3}"),
                (Some(v), Unit::Count) => format!("{}", v as u64),
                (Some(v), Unit::Number) => format!("{v:.2}"),
            };
            let pad = width - f.label.chars().count();
            let _ = writeln!(out, "  {}{}  {:>9}", f.label, " ".repeat(pad), value);
        }
        for grid in &self.grids {
            grid.write_text(&mut out);
        }
        for note in &self.notes {
            let _ = writeln!(out, "  * {note}");
        }
        if !self.examples.is_empty() {
            let _ = writeln!(out, "  examples:");
            for e in &self.examples {
                let _ = writeln!(out, "    {e}");
            }
        }
        match self.seconds_per_pair() {
            Some(each) => {
                let _ = writeln!(
                    out,
                    "  time: {:.2} s ({:.1} ms a pair of texts)",
                    self.seconds,
                    each * 1000.0
                );
            }
            None => {
                let _ = writeln!(out, "  time: {:.2} s", self.seconds);
            }
        }
        out
    }

    /// The table for scripts: `figures` maps each key to its value (or null).
    pub fn to_json(&self) -> Value {
        let figures: Map<String, Value> = self
            .figures
            .iter()
            .map(|f| (f.key.clone(), f.value.map_or(Value::Null, |v| json!(v))))
            .collect();
        let labels: Map<String, Value> = self
            .figures
            .iter()
            .map(|f| (f.key.clone(), json!(f.label)))
            .collect();
        let grids: Map<String, Value> = self
            .grids
            .iter()
            .map(|g| (g.key.clone(), g.to_json()))
            .collect();
        json!({
            "set": self.set,
            "folder": self.folder,
            "items": self.items,
            "figures": figures,
            "labels": labels,
            "grids": grids,
            "notes": self.notes,
            "examples": self.examples,
            "seconds": self.seconds,
            "seconds_per_pair": self.seconds_per_pair(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_a_pair_is_shown_only_for_sets_of_pairs() {
        let mut t = Table::new("x", "dir");
        t.seconds = 2.0;
        assert!(t.to_text().contains("time: 2.00 s\n"), "{}", t.to_text());
        assert_eq!(t.to_json()["seconds_per_pair"], Value::Null);
        t.compared = 8;
        assert!(t
            .to_text()
            .contains("time: 2.00 s (250.0 ms a pair of texts)"));
        assert_eq!(t.to_json()["seconds_per_pair"], json!(0.25));
    }

    #[test]
    fn nan_becomes_null_and_text_shows_na() {
        let mut t = Table::new("x", "dir");
        t.score("a", "A", f64::NAN);
        t.count("n", "N", 3);
        assert_eq!(t.get("a"), None);
        assert_eq!(t.to_json()["figures"]["a"], Value::Null);
        assert_eq!(t.to_json()["figures"]["n"], json!(3.0));
        assert!(t.to_text().contains("n/a"));
    }

    #[test]
    fn a_grid_prints_aligned_columns_and_json_rows() {
        let mut t = Table::new("x", "dir");
        let mut g = Grid::new("per_pair", "per pair", &[("f1", "F1"), ("facts", "facts")]);
        g.row("short", vec![Cell::Score(Some(0.5)), Cell::Of(3, 10)]);
        g.row("a longer name", vec![Cell::Score(None), Cell::Of(12, 100)]);
        t.grids.push(g);
        let text = t.to_text();
        let lines: Vec<&str> = text
            .lines()
            .filter(|l| l.contains("short") || l.contains("longer"))
            .collect();
        assert_eq!(lines.len(), 2);
        // Right-aligned columns end at the same place on every row.
        assert_eq!(lines[0].len(), lines[1].len(), "{text}");
        assert!(lines[0].ends_with("0.500    3/10"), "{text}");
        let json = t.to_json();
        assert_eq!(
            json["grids"]["per_pair"]["rows"]["short"]["facts"],
            json!([3, 10])
        );
        assert_eq!(
            json["grids"]["per_pair"]["rows"]["a longer name"]["f1"],
            Value::Null
        );
    }
}
