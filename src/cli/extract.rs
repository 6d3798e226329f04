//! `newsdiff extract INPUT`: the text newsdiff reads, so a user can check
//! what was taken from a web page (sentence spans point into this text).

use super::InputArgs;
use anyhow::{Context, Result};
use clap::Args as ClapArgs;
use newsdiff::input::DecodeOptions;
use std::io::{self, Write};
use std::process::ExitCode;

/// Flags of `newsdiff extract`.
#[derive(Debug, Clone, ClapArgs)]
pub struct ExtractArgs {
    /// The input (a file, - for standard input, or an http(s) URL).
    #[arg(value_name = "INPUT")]
    pub path: String,
    #[command(flatten)]
    pub read: InputArgs,
}

/// A validated `extract`.
#[derive(Debug, Clone)]
pub struct ExtractConfig {
    /// Input path.
    pub input: String,
    /// How to read it.
    pub decode: DecodeOptions,
}

impl TryFrom<ExtractArgs> for ExtractConfig {
    type Error = anyhow::Error;

    fn try_from(args: ExtractArgs) -> Result<ExtractConfig> {
        let (decode, _) = args.read.validate()?;
        Ok(ExtractConfig {
            input: args.path,
            decode,
        })
    }
}

/// Writes the text as read, with a final line break.
pub fn run(config: &ExtractConfig) -> Result<ExitCode> {
    let loaded =
        newsdiff::input::read_article(&config.input, config.decode).context("cannot read input")?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let text = loaded.text();
    out.write_all(text.as_bytes())?;
    if !text.ends_with('\n') {
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
