//! Texts → [`Report`]s, one pair or many on a rayon pool, with no Python
//! object in sight: everything here runs with the GIL released.

use crate::settings::Settings;
use newsdiff::Report;
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// One pair to compare: the texts as bytes (a `str` as its UTF-8) and the
/// names the report and messages give them.
pub(crate) struct Pair {
    /// The reference report.
    pub(crate) left: Vec<u8>,
    /// The report compared with it.
    pub(crate) right: Vec<u8>,
    /// The left input's display name (the report's `left.path`).
    pub(crate) left_name: String,
    /// The right input's display name.
    pub(crate) right_name: String,
}

/// Why a pair has no report.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Failure {
    /// The input cannot be compared (binary, invalid UTF-8, too large, a
    /// page with no article): the CLI's one-line message. A `ValueError`.
    Input(String),
    /// The library panicked: a bug, reported rather than crossing into
    /// Python. A `RuntimeError`.
    Panic(String),
}

impl Failure {
    /// The message, as a failed row or `errors="json"` holds it.
    pub(crate) fn message(&self) -> String {
        match self {
            Failure::Input(message) => message.clone(),
            Failure::Panic(message) => format!("internal error in newsdiff: {message}"),
        }
    }
}

/// Runs `f`, turning a panic into [`Failure::Panic`] so that it never
/// unwinds into the interpreter (or through a rayon worker).
pub(crate) fn guarded<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| String::from("a panic with no message"));
            Err(Failure::Panic(message))
        }
    }
}

/// Compares one pair as `newsdiff LEFT RIGHT` compares two files: the same
/// reading, the same report, the same message on bad input ("cannot read
/// left input: NAME: ...").
pub(crate) fn compare_pair(pair: Pair, settings: &Settings) -> Result<Report, Failure> {
    guarded(|| {
        let read = |name: &str, bytes: Vec<u8>, side: &str| {
            newsdiff::load(name, bytes, settings.decode)
                .map_err(|e| Failure::Input(format!("cannot read {side} input: {e}")))
        };
        let left = read(&pair.left_name, pair.left, "left")?;
        let right = read(&pair.right_name, pair.right, "right")?;
        let (left, right) =
            newsdiff::analyse_loaded(&pair.left_name, left, &pair.right_name, right);
        Ok(newsdiff::compare_documents(
            &left,
            &right,
            &settings.options,
        ))
    })
}

/// Compares every pair, in parallel, results in input order; `f` turns
/// each report into what the caller keeps (JSON, a summary), on the worker
/// that made it, so reports are dropped as they are done.
///
/// `threads`: `None` runs on rayon's global pool (every core, or
/// `RAYON_NUM_THREADS`); a number builds a pool of that many threads for
/// this call, so that the library's own parallel steps stay on it too (one
/// thread per engine task means one core per task).
pub(crate) fn compare_all<T: Send>(
    pairs: Vec<Pair>,
    settings: &Settings,
    threads: Option<usize>,
    f: impl Fn(Report) -> T + Sync,
) -> Result<Vec<Result<T, Failure>>, String> {
    let run = || {
        pairs
            .into_par_iter()
            .map(|pair| {
                let report = compare_pair(pair, settings)?;
                guarded(|| Ok(f(report)))
            })
            .collect()
    };
    match threads {
        None => Ok(run()),
        Some(0) => Err(String::from("threads must be at least 1, got 0")),
        Some(n) => {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .thread_name(|i| format!("newsdiff-{i}"))
                .build()
                .map_err(|e| format!("cannot start {n} threads: {e}"))?;
            Ok(pool.install(run))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::settings;

    fn pair(left: &str, right: &str) -> Pair {
        Pair {
            left: left.as_bytes().to_vec(),
            right: right.as_bytes().to_vec(),
            left_name: "<left>".into(),
            right_name: "<right>".into(),
        }
    }

    #[test]
    fn a_nul_byte_is_the_cli_message_for_its_side() {
        let s = settings(0.4, "auto", false, None).unwrap();
        let err = compare_pair(pair("Fine.", "a\0b"), &s).unwrap_err();
        assert_eq!(
            err,
            Failure::Input(
                "cannot read right input: <right>: binary data (NUL byte at offset 1); newsdiff compares text"
                    .into()
            )
        );
    }

    #[test]
    fn a_panic_becomes_a_failure_not_an_unwind() {
        let result: Result<(), Failure> = guarded(|| panic!("boom"));
        assert_eq!(result, Err(Failure::Panic("boom".into())));
    }

    #[test]
    fn many_pairs_keep_their_order_and_fail_alone() {
        let s = settings(0.4, "auto", false, None).unwrap();
        let pairs = vec![
            pair("One said hello.", "One said hello."),
            pair("x\0", "y"),
            pair("Two.", "Three."),
        ];
        let out = compare_all(pairs, &s, Some(2), |r| r.summary.left_sentences).unwrap();
        assert_eq!(out[0], Ok(1));
        assert!(matches!(out[1], Err(Failure::Input(_))));
        assert_eq!(out[2], Ok(1));
        assert!(compare_all(Vec::new(), &s, Some(0), |_| ()).is_err());
    }
}
