//! The `newsdiff` binary: flags in, report out, `diff`-style exit status.

#![forbid(unsafe_code)]

mod cli;

use clap::Parser;
use std::io;
use std::process::ExitCode;

fn main() -> ExitCode {
    let result = cli::Config::try_from(cli::Args::parse()).and_then(cli::run);
    match result {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`newsdiff a b | head`) is the reader's choice, not trouble.
            if err
                .chain()
                .filter_map(|e| e.downcast_ref::<io::Error>())
                .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsdiff: {err:#}");
            ExitCode::from(cli::TROUBLE)
        }
    }
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
