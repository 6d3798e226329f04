//! Manifest lines → pairs: each side a path (or URL) or the text itself.
//!
//! A line is one JSON object. Each side is given by exactly one of `left`
//! (a path or URL) and `left_text` (the text itself), likewise `right` and
//! `right_text`; `left_name`/`right_name` name an inline text in the report
//! (default `<left_text>`/`<right_text>`); `id` is any JSON value. Unknown
//! keys, a key given twice, or a side given twice or not at all are errors
//! at the line's `manifest:line[:column]`.

use crate::input::fetch::is_url;
use serde::Deserialize;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// One side of a pair.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A file or URL to read (`left`/`right`), resolved as
    /// [`ManifestSource`] says.
    Path(String),
    /// The text itself (`left_text`/`right_text`) and its name in the report.
    Text {
        /// The name the report gives the input.
        name: String,
        /// The input's text.
        text: String,
    },
}

impl Input {
    /// The name the report gives this input: the path or URL as resolved,
    /// or the inline text's name.
    pub fn name(&self) -> &str {
        match self {
            Input::Path(path) => path,
            Input::Text { name, .. } => name,
        }
    }
}

/// One pair as the manifest names it.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchPair {
    /// The reference report.
    pub left: Input,
    /// The report to compare with it.
    pub right: Input,
    /// Any JSON value the caller uses to match results to inputs.
    pub id: Option<Value>,
}

/// A manifest line as written, before its sides are checked.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    left: Option<String>,
    right: Option<String>,
    left_text: Option<String>,
    right_text: Option<String>,
    left_name: Option<String>,
    right_name: Option<String>,
    #[serde(default)]
    id: Option<Value>,
}

/// One non-blank manifest line, parsed or not.
#[derive(Debug, Clone, PartialEq)]
pub struct ManifestEntry {
    /// 1-based line number in the manifest.
    pub line: usize,
    /// The pair, or why the line is not one (the message starts with the
    /// manifest's name and the line number).
    pub pair: Result<BatchPair, String>,
    /// The line's `id` when the line is a JSON object that has one, also
    /// when the pair is refused (so its error line can carry it).
    pub id: Option<Value>,
}

/// Where a manifest was read from, for its messages and its relative paths.
#[derive(Debug, Clone, Copy)]
pub enum ManifestSource<'a> {
    /// A file: messages name it, relative paths are taken from its folder.
    File(&'a Path),
    /// Standard input: relative paths are taken from the current folder.
    Stdin,
}

/// [`ManifestSource`] owned, for the threads of a streamed batch.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    /// The name messages give the manifest.
    name: String,
    /// The folder relative paths are taken from; `None` for the current one.
    folder: Option<PathBuf>,
}

impl From<ManifestSource<'_>> for Origin {
    fn from(source: ManifestSource<'_>) -> Origin {
        match source {
            ManifestSource::File(path) => Origin {
                name: path.display().to_string(),
                // A manifest named without a folder ("pairs.jsonl") has the
                // empty parent: the current folder, nothing to join.
                folder: path
                    .parent()
                    .filter(|folder| !folder.as_os_str().is_empty())
                    .map(Path::to_path_buf),
            },
            ManifestSource::Stdin => Origin {
                name: String::from("<stdin>"),
                folder: None,
            },
        }
    }
}

impl Origin {
    /// `path` as the pair names it, made to work from the current folder:
    /// relative to the manifest's folder, absolute paths, URLs (and `-`) as
    /// they are. The result is also the name the report gives the input, so
    /// its `file:line:col` places open from the current folder too.
    fn resolve(&self, path: String) -> String {
        match &self.folder {
            Some(folder) if path != "-" && !is_url(&path) && Path::new(&path).is_relative() => {
                folder.join(&path).to_string_lossy().into_owned()
            }
            _ => path,
        }
    }

    /// The error message for line `line`: `manifest:line` then `message`,
    /// which starts with `:column: ` or `: `.
    pub(crate) fn at(&self, line: usize, message: &str) -> String {
        format!("{}:{line}{message}", self.name)
    }

    /// Parses manifest line number `line` (its bytes, without the line
    /// break).
    pub(crate) fn entry(&self, line: usize, bytes: &[u8]) -> ManifestEntry {
        let (pair, id) = match parse_line(bytes) {
            Ok(written) => {
                let id = written.id.clone();
                (self.pair(written).map_err(|e| self.at(line, &e)), id)
            }
            Err((error, id)) => (Err(self.at(line, &error)), id),
        };
        ManifestEntry { line, pair, id }
    }

    /// The pair a well-formed line names, or why its sides do not add up.
    fn pair(&self, line: Line) -> Result<BatchPair, String> {
        let left = self.side("left", line.left, line.left_text, line.left_name)?;
        let right = self.side("right", line.right, line.right_text, line.right_name)?;
        Ok(BatchPair {
            left,
            right,
            id: line.id,
        })
    }

    fn side(
        &self,
        side: &str,
        path: Option<String>,
        text: Option<String>,
        name: Option<String>,
    ) -> Result<Input, String> {
        match (path, text, name) {
            (Some(_), Some(_), _) => Err(format!(
                ": both `{side}` and `{side}_text` given; one input per side"
            )),
            (Some(_), None, Some(_)) => Err(format!(
                ": `{side}_name` names a `{side}_text`; a path is its own name"
            )),
            (Some(path), None, None) => Ok(Input::Path(self.resolve(path))),
            (None, Some(text), name) => Ok(Input::Text {
                name: name.unwrap_or_else(|| format!("<{side}_text>")),
                text,
            }),
            (None, None, _) => Err(format!(
                ": missing `{side}` (a path or URL) or `{side}_text` (the text itself)"
            )),
        }
    }
}

/// Splits a manifest into entries; blank lines are skipped. Errors name
/// the manifest and the line (`pairs.jsonl:4: not a JSON object ...`), and
/// the pairs' relative paths are resolved as [`ManifestSource`] says.
///
/// A line is one JSON object. Each side is given by exactly one of `left`
/// (a path or URL) and `left_text` (the text itself), likewise `right` and
/// `right_text`; `left_name`/`right_name` name an inline text in the report
/// (default `<left_text>`/`<right_text>`); `id` is any JSON value. Unknown
/// keys, a key given twice, or a side given twice or not at all are errors.
pub fn parse_manifest(text: &str, source: ManifestSource<'_>) -> Vec<ManifestEntry> {
    let origin = Origin::from(source);
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| origin.entry(i + 1, l.as_bytes()))
        .collect()
}

/// One manifest line as written; the error starts with `:column: `, the
/// place in the line, when serde_json gives one, else with `: `, and comes
/// with the line's `id` when it is an object that has one.
fn parse_line(line: &[u8]) -> Result<Line, (String, Option<Value>)> {
    // Straight into the line's type, so a key given twice is an error too.
    let error = match serde_json::from_slice::<Line>(line) {
        Ok(pair) => return Ok(pair),
        Err(error) => error,
    };
    let not_an_object = match serde_json::from_slice::<Value>(line) {
        Err(_) => None,
        Ok(Value::Object(object)) => {
            let id = object.get("id").filter(|id| !id.is_null()).cloned();
            return Err((placed(&error, ""), id));
        }
        Ok(Value::Array(_)) => Some("an array"),
        Ok(Value::String(_)) => Some("a string"),
        Ok(Value::Number(_)) => Some("a number"),
        Ok(Value::Bool(_)) => Some("a boolean"),
        Ok(Value::Null) => Some("null"),
    };
    Err((
        match not_an_object {
            Some(what) => format!(": not a JSON object ({what})"),
            None => placed(&error, "not a JSON object: "),
        },
        None,
    ))
}

/// `:column: what message`. serde_json places its errors in the text it was
/// given, one manifest line, so its "at line 1 column N" is replaced by the
/// column alone (the caller puts the manifest's line number before it).
fn placed(error: &serde_json::Error, what: &str) -> String {
    let message = error.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(m, _)| m);
    if error.column() == 0 {
        format!(": {what}{message}")
    } else {
        format!(":{}: {what}{message}", error.column())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str, path: &str) -> Vec<ManifestEntry> {
        parse_manifest(text, ManifestSource::File(Path::new(path)))
    }

    fn error(entry: &ManifestEntry) -> &str {
        entry.pair.as_ref().unwrap_err()
    }

    fn pair_of(entry: ManifestEntry) -> BatchPair {
        entry.pair.unwrap()
    }

    #[test]
    fn manifest_skips_blank_lines_and_keeps_line_numbers() {
        let entries = file(
            "{\"left\":\"a\",\"right\":\"b\",\"id\":7}\n\nnot json\n",
            "pairs.jsonl",
        );
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].pair.as_ref().unwrap().id, Some(Value::from(7)));
        assert_eq!(entries[1].line, 3);
        assert!(entries[1].pair.is_err());
    }

    #[test]
    fn a_line_that_is_not_json_is_not_a_json_object_at_its_line_and_column() {
        let entries = file("\n% not json\n", "m/pairs.jsonl");
        assert_eq!(
            error(&entries[0]),
            "m/pairs.jsonl:2:1: not a JSON object: expected value"
        );
    }

    #[test]
    fn json_other_than_an_object_says_what_it_is() {
        let entries = parse_manifest("[1, 2]\n\"a\"\nnull\n", ManifestSource::Stdin);
        assert_eq!(
            error(&entries[0]),
            "<stdin>:1: not a JSON object (an array)"
        );
        assert_eq!(
            error(&entries[1]),
            "<stdin>:2: not a JSON object (a string)"
        );
        assert_eq!(error(&entries[2]), "<stdin>:3: not a JSON object (null)");
    }

    #[test]
    fn unknown_manifest_key_is_an_error_that_keeps_the_id() {
        let entries = file(
            "{\"left\":\"a\",\"right\":\"b\",\"rigth\":\"c\",\"id\":\"x\"}",
            "p.jsonl",
        );
        let err = error(&entries[0]);
        assert!(err.starts_with("p.jsonl:1:"), "{err}");
        assert!(
            err.contains("rigth") && !err.contains("not a JSON object"),
            "{err}"
        );
        assert_eq!(entries[0].id, Some(Value::from("x")));
    }

    #[test]
    fn a_key_given_twice_is_an_error() {
        let entries = file("{\"left\":\"a\",\"left\":\"b\",\"right\":\"c\"}", "p.jsonl");
        assert!(error(&entries[0]).contains("duplicate field"));
    }

    #[test]
    fn relative_paths_are_taken_from_the_manifest_folder() {
        let line = "{\"left\":\"../a.txt\",\"right\":\"/abs/b.txt\"}";
        let pair = pair_of(file(line, "fixtures/batch/p.jsonl").remove(0));
        assert_eq!(
            Path::new(pair.left.name()),
            Path::new("fixtures/batch").join("../a.txt")
        );
        assert_eq!(pair.right, Input::Path("/abs/b.txt".into()));
        // No folder in the manifest's name, or standard input: as written.
        let pair = pair_of(file(line, "p.jsonl").remove(0));
        assert_eq!(pair.left.name(), "../a.txt");
        let pair = pair_of(parse_manifest(line, ManifestSource::Stdin).remove(0));
        assert_eq!(pair.left.name(), "../a.txt");
    }

    #[test]
    fn urls_are_not_taken_from_the_manifest_folder() {
        let line = "{\"left\":\"https://example.org/a\",\"right\":\"HTTP://x/b\"}";
        let pair = pair_of(file(line, "m/p.jsonl").remove(0));
        assert_eq!(pair.left.name(), "https://example.org/a");
        assert_eq!(pair.right.name(), "HTTP://x/b");
    }

    #[test]
    fn inline_texts_stand_beside_paths_with_names() {
        let line = r#"{"id": 3, "left_text": "A said.", "right": "b.txt"}"#;
        let pair = pair_of(file(line, "m/p.jsonl").remove(0));
        assert_eq!(
            pair.left,
            Input::Text {
                name: "<left_text>".into(),
                text: "A said.".into()
            }
        );
        assert_eq!(
            pair.right,
            Input::Path(format!("m{}b.txt", std::path::MAIN_SEPARATOR))
        );
        let line = r#"{"left_text": "A.", "right_text": "B.", "right_name": "wire/9"}"#;
        let pair = pair_of(file(line, "p.jsonl").remove(0));
        assert_eq!(pair.right.name(), "wire/9");
        assert_eq!(pair.left.name(), "<left_text>");
    }

    #[test]
    fn a_side_given_twice_or_not_at_all_is_an_error_at_its_line() {
        let entries = file(
            concat!(
                "{\"left\":\"a\",\"left_text\":\"A.\",\"right\":\"b\"}\n",
                "{\"left\":\"a\",\"id\":5}\n",
                "{\"left\":\"a\",\"left_name\":\"n\",\"right\":\"b\"}\n",
            ),
            "p.jsonl",
        );
        assert_eq!(
            error(&entries[0]),
            "p.jsonl:1: both `left` and `left_text` given; one input per side"
        );
        assert_eq!(
            error(&entries[1]),
            "p.jsonl:2: missing `right` (a path or URL) or `right_text` (the text itself)"
        );
        assert_eq!(entries[1].id, Some(Value::from(5)));
        assert!(error(&entries[2]).contains("a path is its own name"));
    }
}
