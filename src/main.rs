//! The `newsdiff` binary: flags in, report out, `diff`-style exit status.

mod cli;

use clap::Parser;
use newsdiff::render::{json::JsonRenderer, text::TextRenderer, Renderer};
use std::io::{self, Write};
use std::process::ExitCode;

/// Exit status as in `diff`: 0 same, 1 different, 2 trouble.
const DIFFERENT: u8 = 1;
const TROUBLE: u8 = 2;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`newsdiff a b | head`) is the reader's choice, not trouble.
            if err
                .downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsdiff: {err:#}");
            ExitCode::from(TROUBLE)
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let config = cli::Config::try_from(cli::Args::parse())?;
    let report = cli::compare(&config)?;
    let renderer: Box<dyn Renderer> = match config.format {
        cli::Format::Text => Box::new(TextRenderer {
            color: config.color,
        }),
        cli::Format::Json => Box::new(JsonRenderer),
    };
    let mut out = io::BufWriter::new(io::stdout().lock());
    renderer.render(&report, &mut out)?;
    out.flush()?;
    Ok(if report.has_differences() {
        ExitCode::from(DIFFERENT)
    } else {
        ExitCode::SUCCESS
    })
}
