//! `newsdiff._newsdiff`, the native half of the `newsdiff` Python package:
//! texts in (not paths: engines hold texts in columns), the JSON contract
//! version 1 out, as the CLI writes it.
//!
//! Every function releases the GIL while it compares, and no panic reaches
//! Python: bad input is a `ValueError` with the CLI's one-line message, a
//! bug a `RuntimeError` (see [`run::guarded`]). `python/newsdiff/` holds
//! the pure-Python half (`compare`, `check`, `newsdiff.spark`).

mod run;
mod settings;

use newsdiff::align::DEFAULT_MIN_SIMILARITY;
use newsdiff::check::check_report;
use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use run::{compare_all, compare_pair, guarded, Failure, Pair};
use serde::Serialize;
use settings::{rule_config, settings, RulesSource, Settings};

/// The name an input without a name is given in the report and in errors,
/// as the CLI names standard input `<stdin>`.
const LEFT: &str = "<left>";
/// See [`LEFT`].
const RIGHT: &str = "<right>";

impl From<Failure> for PyErr {
    fn from(failure: Failure) -> PyErr {
        match failure {
            Failure::Input(message) => PyValueError::new_err(message),
            Failure::Panic(_) => PyRuntimeError::new_err(failure.message()),
        }
    }
}

/// A `str` as its UTF-8, or `bytes` as they are (then decoded as the CLI
/// decodes a file: BOM, invalid UTF-8, `lossy`).
fn text_bytes(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = obj.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    if obj.cast::<PyString>().is_ok() {
        // A lone surrogate is a UnicodeEncodeError here, a ValueError.
        return Ok(obj.extract::<String>()?.into_bytes());
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be str or bytes, not {}",
        obj.get_type().name()?
    )))
}

fn name(given: Option<String>, default: &str) -> String {
    given.unwrap_or_else(|| default.to_string())
}

fn to_json(value: &impl Serialize, pretty: bool) -> PyResult<String> {
    let json = if pretty {
        // What `--format json` prints: pretty, then a newline.
        serde_json::to_string_pretty(value).map(|mut s| {
            s.push('\n');
            s
        })
    } else {
        serde_json::to_string(value)
    };
    json.map_err(|e| PyRuntimeError::new_err(format!("cannot write the report as JSON: {e}")))
}

fn checked_settings(
    min_similarity: f64,
    input: &str,
    lossy: bool,
    max_bytes: Option<u64>,
) -> PyResult<Settings> {
    settings(min_similarity, input, lossy, max_bytes).map_err(PyValueError::new_err)
}

/// Compare two texts; the report as JSON (contract version 1).
///
/// With `pretty=True` (the default) the string is byte for byte what
/// `newsdiff --format json LEFT RIGHT` prints for the same texts when the
/// files are named `left_name` and `right_name` (default `<left>` and
/// `<right>`); with `pretty=False` it is one line. Texts are `str`, or
/// `bytes` decoded as the CLI decodes a file. `input` is the CLI's
/// `--input` (`auto` reads a text that starts like a web page as one).
/// Raises ValueError with the CLI's message on input it refuses (a NUL
/// byte, invalid UTF-8 bytes, over `max_bytes`, a page with no article).
#[pyfunction]
#[pyo3(signature = (left, right, *, min_similarity = DEFAULT_MIN_SIMILARITY, left_name = None,
    right_name = None, input = "auto", lossy = false, max_bytes = None, pretty = true))]
#[allow(clippy::too_many_arguments)]
fn compare_json(
    py: Python<'_>,
    left: &Bound<'_, PyAny>,
    right: &Bound<'_, PyAny>,
    min_similarity: f64,
    left_name: Option<String>,
    right_name: Option<String>,
    input: &str,
    lossy: bool,
    max_bytes: Option<u64>,
    pretty: bool,
) -> PyResult<String> {
    let settings = checked_settings(min_similarity, input, lossy, max_bytes)?;
    let pair = Pair {
        left: text_bytes(left, "left")?,
        right: text_bytes(right, "right")?,
        left_name: name(left_name, LEFT),
        right_name: name(right_name, RIGHT),
    };
    py.detach(|| {
        let report = compare_pair(pair, &settings)?;
        guarded(|| Ok(to_json(&report, pretty)))
    })?
}

/// Compare two texts and apply `newsdiff check`'s rules; the outcome as
/// JSON: the report plus a `rules` array, byte for byte what `newsdiff
/// check --format json --no-config` prints when `pretty=True`.
///
/// `rules`: None for the built-in defaults; a dict shaped as a
/// newsdiff.toml's `[rules]` table (`{"no_reordering": {"enabled":
/// False}}`), merged key by key over the defaults; or a str holding a whole
/// newsdiff.toml. No config file is looked for. Raises ValueError for
/// input the CLI refuses and for rules it would refuse.
#[pyfunction]
#[pyo3(signature = (left, right, *, rules = None, min_similarity = DEFAULT_MIN_SIMILARITY,
    left_name = None, right_name = None, input = "auto", lossy = false, max_bytes = None,
    pretty = true))]
#[allow(clippy::too_many_arguments)]
fn check_json(
    py: Python<'_>,
    left: &Bound<'_, PyAny>,
    right: &Bound<'_, PyAny>,
    rules: Option<&Bound<'_, PyAny>>,
    min_similarity: f64,
    left_name: Option<String>,
    right_name: Option<String>,
    input: &str,
    lossy: bool,
    max_bytes: Option<u64>,
    pretty: bool,
) -> PyResult<String> {
    let settings = checked_settings(min_similarity, input, lossy, max_bytes)?;
    let source = match rules {
        None => RulesSource::Defaults,
        Some(rules) if rules.is_none() => RulesSource::Defaults,
        Some(rules) if rules.cast::<PyString>().is_ok() => RulesSource::Toml(rules.extract()?),
        Some(rules) if rules.cast::<PyDict>().is_ok() => {
            let json = py.import("json")?.call_method1("dumps", (rules,))?;
            RulesSource::Json(json.extract()?)
        }
        Some(rules) => {
            return Err(PyTypeError::new_err(format!(
                "rules must be a dict, a newsdiff.toml text (str) or None, not {}",
                rules.get_type().name()?
            )))
        }
    };
    let config = rule_config(source).map_err(PyValueError::new_err)?;
    let pair = Pair {
        left: text_bytes(left, "left")?,
        right: text_bytes(right, "right")?,
        left_name: name(left_name, LEFT),
        right_name: name(right_name, RIGHT),
    };
    py.detach(|| {
        let report = compare_pair(pair, &settings)?;
        guarded(|| Ok(to_json(&check_report(report, &config), pretty)))
    })?
}

/// The pairs of `compare_many`: tuples `(left, right)` or `(left, right,
/// left_name, right_name)`, copied out of Python before the GIL is let go.
fn extract_pairs(pairs: &Bound<'_, PyAny>) -> PyResult<Vec<Pair>> {
    let mut out = Vec::new();
    for (index, item) in pairs.try_iter()?.enumerate() {
        let item = item?;
        let len = item.len()?;
        if len != 2 && len != 4 {
            return Err(PyTypeError::new_err(format!(
                "pair {index}: expected (left, right) or (left, right, left_name, right_name), got {len} items"
            )));
        }
        let names = |i: usize, default: &str| -> PyResult<String> {
            if len == 2 {
                return Ok(default.to_string());
            }
            Ok(name(
                item.get_item(i)?.extract::<Option<String>>()?,
                default,
            ))
        };
        out.push(Pair {
            left: text_bytes(&item.get_item(0)?, "left")?,
            right: text_bytes(&item.get_item(1)?, "right")?,
            left_name: names(2, LEFT)?,
            right_name: names(3, RIGHT)?,
        });
    }
    Ok(out)
}

/// Compare many pairs in parallel; one report a pair, in input order, each
/// as one line of JSON (a `newsdiff batch` line without its `id`).
///
/// `pairs`: an iterable of `(left, right)` or `(left, right, left_name,
/// right_name)` tuples. The GIL is released while the pairs are compared,
/// on rayon's pool: `threads=None` uses every core (or RAYON_NUM_THREADS),
/// a number starts a pool of that many threads for the call. A pair the
/// CLI would refuse raises ValueError naming the pair (`errors="raise"`),
/// or with `errors="json"` becomes `{"error": "..."}` in its place.
#[pyfunction]
#[pyo3(signature = (pairs, *, threads = None, min_similarity = DEFAULT_MIN_SIMILARITY,
    input = "auto", lossy = false, max_bytes = None, errors = "raise"))]
#[allow(clippy::too_many_arguments)]
fn compare_many(
    py: Python<'_>,
    pairs: &Bound<'_, PyAny>,
    threads: Option<usize>,
    min_similarity: f64,
    input: &str,
    lossy: bool,
    max_bytes: Option<u64>,
    errors: &str,
) -> PyResult<Vec<String>> {
    let raise = match errors {
        "raise" => true,
        "json" => false,
        other => {
            return Err(PyValueError::new_err(format!(
                "errors must be \"raise\" or \"json\", got {other:?}"
            )))
        }
    };
    let settings = checked_settings(min_similarity, input, lossy, max_bytes)?;
    let pairs = extract_pairs(pairs)?;
    let results = py
        .detach(|| compare_all(pairs, &settings, threads, |r| serde_json::to_string(&r)))
        .map_err(PyValueError::new_err)?;
    let mut out = Vec::with_capacity(results.len());
    for (index, result) in results.into_iter().enumerate() {
        match result {
            Ok(Ok(json)) => out.push(json),
            Ok(Err(e)) => return Err(PyRuntimeError::new_err(format!("pair {index}: {e}"))),
            Err(Failure::Input(message)) if raise => {
                return Err(PyValueError::new_err(format!("pair {index}: {message}")))
            }
            Err(failure @ Failure::Panic(_)) if raise => {
                return Err(PyRuntimeError::new_err(format!(
                    "pair {index}: {}",
                    failure.message()
                )))
            }
            Err(failure) => out.push(serde_json::json!({ "error": failure.message() }).to_string()),
        }
    }
    Ok(out)
}

/// One row of `newsdiff.spark.compare_batches`: the report as one line of
/// JSON, its summary counts, whether it differs, or why there is none.
type Row = (
    Option<String>,
    Option<Py<PyDict>>,
    Option<bool>,
    Option<String>,
);

/// `compare_batches`' engine: the columns of one batch in, one [`Row`] a
/// pair out (a failed pair is a row with its error, so one bad article
/// does not fail a Spark job). Not public API: use `newsdiff.spark`.
#[pyfunction]
#[pyo3(signature = (lefts, rights, *, left_names = None, right_names = None, threads = None,
    min_similarity = DEFAULT_MIN_SIMILARITY, input = "auto", lossy = false, max_bytes = None))]
#[allow(clippy::too_many_arguments)]
fn _compare_rows(
    py: Python<'_>,
    lefts: Vec<Bound<'_, PyAny>>,
    rights: Vec<Bound<'_, PyAny>>,
    left_names: Option<Vec<Option<String>>>,
    right_names: Option<Vec<Option<String>>>,
    threads: Option<usize>,
    min_similarity: f64,
    input: &str,
    lossy: bool,
    max_bytes: Option<u64>,
) -> PyResult<Vec<Row>> {
    if lefts.len() != rights.len() {
        return Err(PyValueError::new_err(format!(
            "{} left texts but {} right texts",
            lefts.len(),
            rights.len()
        )));
    }
    let settings = checked_settings(min_similarity, input, lossy, max_bytes)?;
    let name_at = |names: &Option<Vec<Option<String>>>, i: usize, default: &str| {
        name(
            names.as_ref().and_then(|n| n.get(i).cloned().flatten()),
            default,
        )
    };
    let mut pairs = Vec::with_capacity(lefts.len());
    for (i, (left, right)) in lefts.iter().zip(&rights).enumerate() {
        pairs.push(Pair {
            left: text_bytes(left, "left")?,
            right: text_bytes(right, "right")?,
            left_name: name_at(&left_names, i, LEFT),
            right_name: name_at(&right_names, i, RIGHT),
        });
    }
    drop((lefts, rights));
    let results = py
        .detach(|| {
            compare_all(pairs, &settings, threads, |report| {
                let json = serde_json::to_string(&report).map_err(|e| e.to_string())?;
                let summary = serde_json::to_value(report.summary).map_err(|e| e.to_string())?;
                Ok::<_, String>((json, summary, report.has_differences()))
            })
        })
        .map_err(PyValueError::new_err)?;
    results
        .into_iter()
        .map(|result| match result.map(|r| r.map_err(Failure::Panic)) {
            Ok(Ok((json, summary, differs))) => {
                let counts = PyDict::new(py);
                if let serde_json::Value::Object(map) = summary {
                    for (key, value) in map {
                        counts.set_item(key, value.as_u64())?;
                    }
                }
                Ok((Some(json), Some(counts.unbind()), Some(differs), None))
            }
            Ok(Err(failure)) | Err(failure) => Ok((None, None, None, Some(failure.message()))),
        })
        .collect()
}

/// Panics inside the guard, for the tests that show a panic arrives as a
/// RuntimeError rather than an abort. Not public API.
#[pyfunction]
fn _panic_for_test(py: Python<'_>) -> PyResult<()> {
    py.detach(|| guarded(|| -> Result<(), Failure> { panic!("raised on purpose") }))?;
    Ok(())
}

// Every Rust allocation of the module (documents, reports, JSON) goes
// through mimalloc, as in the CLI; Python's own objects do not.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The native module.
#[pymodule]
fn _newsdiff(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("DEFAULT_MIN_SIMILARITY", DEFAULT_MIN_SIMILARITY)?;
    m.add_function(wrap_pyfunction!(compare_json, m)?)?;
    m.add_function(wrap_pyfunction!(check_json, m)?)?;
    m.add_function(wrap_pyfunction!(compare_many, m)?)?;
    m.add_function(wrap_pyfunction!(_compare_rows, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_test, m)?)?;
    Ok(())
}
