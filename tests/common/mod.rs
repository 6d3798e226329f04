//! What several integration tests share: the seed fixtures and a way to run
//! the binary.

// Each test binary compiles this module and uses its own part of it.
#![allow(dead_code)]

use std::process::{Command, Output};

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

/// Runs the newsdiff binary from the repository root.
pub fn newsdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsdiff"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .expect("run newsdiff")
}

/// The standard output of a newsdiff run, whatever its exit status.
pub fn stdout(args: &[&str]) -> String {
    String::from_utf8(newsdiff(args).stdout).expect("UTF-8 output")
}
