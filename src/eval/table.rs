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
    /// Worst errors, for whoever improves the method (with `--examples`).
    pub examples: Vec<String>,
    /// Wall time of the evaluation, seconds.
    pub seconds: f64,
}

impl Table {
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
        for note in &self.notes {
            let _ = writeln!(out, "  * {note}");
        }
        if !self.examples.is_empty() {
            let _ = writeln!(out, "  examples:");
            for e in &self.examples {
                let _ = writeln!(out, "    {e}");
            }
        }
        let _ = writeln!(out, "  time: {:.2} s", self.seconds);
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
        json!({
            "set": self.set,
            "folder": self.folder,
            "items": self.items,
            "figures": figures,
            "labels": labels,
            "notes": self.notes,
            "examples": self.examples,
            "seconds": self.seconds,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
