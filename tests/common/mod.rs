//! What the integration tests share: the seed and fixture paths, the binary
//! as an [`assert_cmd::Command`], and the check that a run was trouble.

// Each test binary compiles this module and uses its own part of it.
#![allow(dead_code)]

use assert_cmd::assert::Assert;
use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The repository root: tests run from here, so relative fixture paths work.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The seed story as the wire published it.
pub const LEFT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/seed/000_25f73cc4789ee869.txt"
);

/// The seed story as another outlet rewrote it.
pub const RIGHT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/fixtures/seed/001_a074dd1f99a3bdcb.txt"
);

/// The newsdiff binary, to run from the repository root (`current_dir`
/// changes that); add arguments, then `.assert()` or `.output()`.
pub fn newsdiff_cmd() -> Command {
    let mut cmd = Command::cargo_bin("newsdiff").expect("cargo builds newsdiff for its tests");
    cmd.current_dir(ROOT);
    cmd
}

/// Runs newsdiff from the repository root.
pub fn newsdiff(args: &[&str]) -> Output {
    newsdiff_cmd().args(args).output().expect("run newsdiff")
}

/// The standard output of a newsdiff run, whatever its exit status.
pub fn stdout(args: &[&str]) -> String {
    String::from_utf8(newsdiff(args).stdout).expect("UTF-8 output")
}

/// The standard output of a finished run, as text.
pub fn text(assert: &Assert) -> String {
    String::from_utf8_lossy(&assert.get_output().stdout).into_owned()
}

/// The standard output of a finished run, parsed as one JSON document.
pub fn json(assert: &Assert) -> serde_json::Value {
    serde_json::from_slice(&assert.get_output().stdout).expect("valid JSON")
}

/// `fixtures/<case>/left.txt` and `right.txt`, as absolute paths.
pub fn fixture(case: &str) -> (String, String) {
    let dir = Path::new(ROOT).join("fixtures").join(case);
    let path = |side: &str| dir.join(side).to_string_lossy().into_owned();
    (path("left.txt"), path("right.txt"))
}

/// A fresh, empty folder for one test's files, under cargo's temp folder
/// for integration tests.
pub fn scratch(group: &str, test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(group)
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Trouble as the README promises it: exit 2, nothing on stdout, and
/// exactly one line on stderr that contains every needle and no panic.
/// Returns that line.
pub fn assert_trouble(assert: Assert, needles: &[&str]) -> String {
    let mut assert = assert
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::function(|s: &str| s.lines().count() == 1))
        .stderr(predicate::str::contains("panicked").not());
    for &needle in needles {
        assert = assert.stderr(predicate::str::contains(needle));
    }
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

/// The model installed in `dir`, or `None` (a real-model test then passes
/// with a note) unless NEWSDIFF_REQUIRE_MODEL is set, as CI sets it after
/// installing the models.
#[cfg(feature = "embed")]
pub fn installed_model(dir: &Path) -> Option<newsdiff::embed::Model> {
    match newsdiff::embed::Model::open(dir) {
        Ok(model) => Some(model),
        Err(e) if std::env::var_os("NEWSDIFF_REQUIRE_MODEL").is_some() => {
            panic!("NEWSDIFF_REQUIRE_MODEL is set: {e}")
        }
        Err(e) => {
            eprintln!("skipped, no model: {e}");
            None
        }
    }
}
