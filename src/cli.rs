//! Command-line flags, and their mapping to a validated configuration.
//!
//! The library never sees clap: `Args` becomes a [`Config`] here, in one place.

use anyhow::{bail, Context, Result};
use clap::{Args as ClapArgs, Parser, ValueEnum};
use newsdiff::input::{DecodeOptions, DEFAULT_MAX_BYTES};
use newsdiff::Options;
use std::io::IsTerminal;

/// Compare two news reports of one story: wording, attribution, and facts
/// omitted or added.
///
/// Exit status: 0 no reportable difference, 1 differences found, 2 trouble.
#[derive(Debug, Parser)]
#[command(name = "newsdiff", version, about, long_about)]
pub struct Args {
    /// The reference report (a file, or - for standard input).
    pub left: String,
    /// The report to compare with it.
    pub right: String,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Flags shared by every way of running a comparison.
#[derive(Debug, Clone, ClapArgs)]
pub struct CommonArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// When to use colours in text output (NO_COLOR is honoured under auto).
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// Largest input accepted, in bytes, per side.
    #[arg(long, default_value_t = DEFAULT_MAX_BYTES, value_name = "BYTES")]
    pub max_bytes: u64,
    /// Sentences less similar than this (0 to 1) are not aligned.
    #[arg(long, default_value_t = newsdiff::align::DEFAULT_MIN_SIMILARITY, value_name = "S")]
    pub min_similarity: f64,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A readable report for people.
    Text,
    /// One JSON document (contract version 1).
    Json,
}

/// Colour choice, as in ripgrep and git.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// A validated comparison configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// Left input path.
    pub left: String,
    /// Right input path.
    pub right: String,
    /// How to read inputs.
    pub decode: DecodeOptions,
    /// What the pipeline looks for.
    pub options: Options,
    /// Output format.
    pub format: Format,
    /// Whether text output is coloured.
    pub color: bool,
}

impl TryFrom<Args> for Config {
    type Error = anyhow::Error;

    fn try_from(args: Args) -> Result<Config> {
        if args.left == "-" && args.right == "-" {
            bail!("only one input can be standard input (-)");
        }
        let common = args.common;
        if !(0.0..=1.0).contains(&common.min_similarity) {
            bail!(
                "--min-similarity must be between 0 and 1, got {}",
                common.min_similarity
            );
        }
        Ok(Config {
            left: args.left,
            right: args.right,
            decode: DecodeOptions {
                lossy: common.lossy,
                max_bytes: common.max_bytes,
            },
            options: Options {
                min_similarity: common.min_similarity,
            },
            format: common.format,
            color: use_color(common.color),
        })
    }
}

fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

/// Reads both inputs and compares them.
pub fn compare(config: &Config) -> Result<newsdiff::Report> {
    let left = newsdiff::input::read_input(&config.left, config.decode)
        .context("cannot read left input")?;
    let right = newsdiff::input::read_input(&config.right, config.decode)
        .context("cannot read right input")?;
    Ok(newsdiff::compare_texts(
        &config.left,
        &left,
        &config.right,
        &right,
        &config.options,
    ))
}
