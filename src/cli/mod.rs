//! Command-line flags, and their mapping to a validated configuration.
//!
//! The library never sees clap: [`Args`] becomes a [`Config`] here, in one
//! place (`impl TryFrom<Args> for Config`), and [`run`] carries it out.

mod batch;
mod check;
mod extract;
mod generate;

use anyhow::{anyhow, bail, Context, Result};
use clap::{Args as ClapArgs, Parser, Subcommand, ValueEnum};
use newsdiff::html::InputFormat;
use newsdiff::input::{parse_size, DecodeOptions, DEFAULT_MAX_BYTES_TEXT};
use newsdiff::model::severity::Severity;
use newsdiff::render::text::TextRenderer;
use newsdiff::render::View;
use newsdiff::Options;
use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Duration;

/// Exit status as in `diff`: 0 same (or every rule passed), 1 different (or
/// a rule failed), 2 trouble.
pub const DIFFERENT: u8 = 1;
/// See [`DIFFERENT`].
pub const TROUBLE: u8 = 2;

/// `--timeout`'s default, [`newsdiff::input::fetch::DEFAULT_TIMEOUT`] in
/// seconds (a test checks they agree).
const DEFAULT_TIMEOUT_TEXT: &str = "30";

/// Compare two news reports of one story: wording, attribution, and facts
/// omitted or added.
///
/// Exit status: 0 no reportable difference, 1 differences found, 2 trouble.
/// To compare a file named like a subcommand (check, batch, extract, generate),
/// write ./check.
#[derive(Debug, Parser)]
#[command(
    name = "newsdiff",
    version,
    about,
    long_about,
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true
)]
pub struct Args {
    /// What to do instead of comparing one pair.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The reference report (a file, - for standard input, or an http(s)
    /// URL).
    #[arg(required = true)]
    pub left: Option<String>,
    /// The report to compare with it.
    #[arg(required = true)]
    pub right: Option<String>,
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub view: ViewArgs,
}

/// How a plain comparison is shown (not `check`, whose output is one line
/// per failed rule).
#[derive(Debug, Clone, ClapArgs)]
pub struct ViewArgs {
    /// Keep the [-deleted-] and {+inserted+} brackets in coloured output,
    /// so a diff pasted into an email or ticket keeps its meaning.
    #[arg(long)]
    pub markers: bool,
    /// Show reworded pairs in two columns, left and right, sized to the
    /// terminal (COLUMNS, else the terminal's width, else 100).
    #[arg(long)]
    pub side_by_side: bool,
    /// With --format github: annotate findings of this severity or higher.
    #[arg(long, value_enum, default_value_t = SeverityArg::Medium, value_name = "LEVEL")]
    pub min_severity: SeverityArg,
}

/// `--min-severity` (the severities of `newsdiff::model::severity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    /// Changed numbers, dates and quotes, reversals, misattributions,
    /// dropped credits.
    High,
    /// Also cue changes, quotes made indirect, facts cut, a new headline.
    Medium,
    /// Every finding: added facts and credits, moved and reworded pairs too.
    Low,
}

impl From<SeverityArg> for Severity {
    fn from(arg: SeverityArg) -> Severity {
        match arg {
            SeverityArg::High => Severity::High,
            SeverityArg::Medium => Severity::Medium,
            SeverityArg::Low => Severity::Low,
        }
    }
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply editorial rules to one pair: exit 0 when all pass, 1 when any
    /// fails, 2 on trouble.
    #[command(after_help = check::rules_help())]
    Check(check::CheckArgs),
    /// Compare many pairs from a JSON Lines manifest (paths, URLs or texts
    /// inline), in parallel; write one JSON result a line, in manifest
    /// order, each as soon as it is done.
    #[command(after_help = check::rules_help())]
    Batch(batch::BatchArgs),
    /// Write the text newsdiff reads from one input (for a web page, the
    /// extracted article: blocks separated by blank lines), which sentence
    /// spans point into.
    Extract(extract::ExtractArgs),
    /// Write shell completions or the man page to standard output.
    Generate(generate::GenerateArgs),
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
    #[command(flatten)]
    pub input: InputArgs,
}

/// How inputs are read and aligned.
#[derive(Debug, Clone, ClapArgs)]
pub struct InputArgs {
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// Largest input accepted per side: bytes, or with k, M or G for powers
    /// of 1024 (10k = 10240 bytes, 50M = 52428800).
    #[arg(long, default_value = DEFAULT_MAX_BYTES_TEXT, value_name = "SIZE")]
    pub max_bytes: String,
    /// Sentences less similar than this (0 to 1) are not aligned.
    #[arg(long, default_value_t = newsdiff::align::DEFAULT_MIN_SIMILARITY, value_name = "S")]
    pub min_similarity: f64,
    /// How inputs are read: auto reads a file that starts like a web page
    /// (<!doctype html>, <html>, <head>, <body>) as one, else as text.
    #[arg(long, value_enum, default_value_t = InputFormatArg::Auto, value_name = "FORMAT")]
    pub input: InputFormatArg,
    /// For a URL input: seconds allowed for the whole fetch, redirects and
    /// body included (decimals allowed: 0.5).
    #[arg(long, default_value = DEFAULT_TIMEOUT_TEXT, value_name = "SECONDS")]
    pub timeout: String,
    /// Rescore the sentence pairs the words leave in doubt with a sentence
    /// encoder (all-MiniLM-L6-v2, installed by scripts/get-model).
    #[cfg(feature = "embed")]
    #[arg(long)]
    pub semantic: bool,
    /// The model folder for --semantic, which it implies (default:
    /// $NEWSDIFF_MODEL, else ${XDG_CACHE_HOME:-~/.cache}/newsdiff/all-minilm-l6-v2);
    /// `e5` names multilingual-e5-small where scripts/get-model e5 puts it,
    /// `minilm` the default.
    #[cfg(feature = "embed")]
    #[arg(long, value_name = "DIR")]
    pub model: Option<std::path::PathBuf>,
}

/// `--input`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormatArg {
    /// A web page when the content looks like one, else text.
    Auto,
    /// A web page: its article is extracted.
    Html,
    /// Plain text.
    Text,
    /// Markdown (read by the same parser as text).
    Markdown,
}

impl From<InputFormatArg> for InputFormat {
    fn from(arg: InputFormatArg) -> InputFormat {
        match arg {
            InputFormatArg::Auto => InputFormat::Auto,
            InputFormatArg::Html => InputFormat::Html,
            InputFormatArg::Text => InputFormat::Text,
            InputFormatArg::Markdown => InputFormat::Markdown,
        }
    }
}

pub use newsdiff::render::Format;

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

/// A validated command.
#[derive(Debug, Clone)]
pub enum Config {
    /// `newsdiff LEFT RIGHT`.
    Compare(CompareConfig),
    /// `newsdiff check LEFT RIGHT`.
    Check(check::CheckConfig),
    /// `newsdiff batch MANIFEST`.
    Batch(batch::BatchConfig),
    /// `newsdiff generate ...`.
    Generate(generate::GenerateArgs),
    /// `newsdiff extract INPUT`.
    Extract(extract::ExtractConfig),
}

/// A validated comparison configuration.
#[derive(Debug, Clone)]
pub struct CompareConfig {
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
    /// Brackets, columns and the github annotation threshold.
    pub view: View,
}

impl TryFrom<Args> for Config {
    type Error = anyhow::Error;

    fn try_from(args: Args) -> Result<Config> {
        match args.command {
            Some(Command::Check(check)) => Ok(Config::Check(check.try_into()?)),
            Some(Command::Batch(batch)) => Ok(Config::Batch(batch.try_into()?)),
            Some(Command::Generate(generate)) => Ok(Config::Generate(generate)),
            Some(Command::Extract(extract)) => Ok(Config::Extract(extract.try_into()?)),
            None => {
                // clap guarantees both when there is no subcommand.
                let (Some(left), Some(right)) = (args.left, args.right) else {
                    bail!("two inputs are needed: newsdiff LEFT RIGHT");
                };
                let mut config = CompareConfig::new(left, right, &args.common)?;
                config.view = args.view.validate(config.color);
                Ok(Config::Compare(config))
            }
        }
    }
}

impl CompareConfig {
    fn new(left: String, right: String, common: &CommonArgs) -> Result<CompareConfig> {
        if left == "-" && right == "-" {
            bail!("only one input can be standard input (-)");
        }
        let (decode, options) = common.input.validate()?;
        // One comparison embeds once: the model's pages need not stay
        // resident while the claims are compared and the report written.
        #[cfg(feature = "embed")]
        if let Some(model) = &options.semantic {
            model.release_after_use();
        }
        Ok(CompareConfig {
            left,
            right,
            decode,
            options,
            format: common.format,
            color: use_color(common.color),
            view: View::default(),
        })
    }
}

impl ViewArgs {
    /// The view of a comparison coloured or not.
    fn validate(&self, color: bool) -> View {
        View {
            text: TextRenderer {
                color,
                markers: self.markers,
                side_by_side: self.side_by_side.then(terminal_columns),
            },
            min_severity: self.min_severity.into(),
        }
    }
}

/// Columns of the terminal `--side-by-side` fills: `COLUMNS` when set (the
/// shell's own figure, and a way to choose), else what the terminal says
/// (console asks it, TIOCGWINSZ on Unix), else 100 when standard output is
/// no terminal (a pipe, a file).
fn terminal_columns() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .or_else(|| {
            console::Term::stdout()
                .size_checked()
                .map(|(_, columns)| usize::from(columns))
        })
        .unwrap_or(100)
}

impl InputArgs {
    /// Validated reading and pipeline options.
    fn validate(&self) -> Result<(DecodeOptions, Options)> {
        if !(0.0..=1.0).contains(&self.min_similarity) {
            bail!(
                "--min-similarity must be between 0 and 1, got {}",
                self.min_similarity
            );
        }
        let max_bytes = parse_size(&self.max_bytes).map_err(|e| anyhow!("--max-bytes: {e}"))?;
        Ok((
            DecodeOptions {
                lossy: self.lossy,
                max_bytes,
                format: self.input.into(),
                timeout: parse_timeout(&self.timeout)?,
            },
            Options {
                min_similarity: self.min_similarity,
                #[cfg(feature = "embed")]
                semantic: self.semantic_model()?,
            },
        ))
    }

    /// The model `--semantic` or `--model` asks for, its folder checked now
    /// so that a missing or corrupt model is one line before any work.
    #[cfg(feature = "embed")]
    fn semantic_model(&self) -> Result<Option<std::sync::Arc<newsdiff::embed::Model>>> {
        if !self.semantic && self.model.is_none() {
            return Ok(None);
        }
        let dir = newsdiff::embed::model_dir(self.model.as_deref());
        let model = newsdiff::embed::Model::open(&dir)?;
        Ok(Some(std::sync::Arc::new(model)))
    }
}

/// `--timeout`: a positive number of seconds, decimals allowed.
fn parse_timeout(text: &str) -> Result<Duration> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|seconds| *seconds > 0.0)
        .and_then(|seconds| Duration::try_from_secs_f64(seconds).ok())
        .ok_or_else(|| anyhow!("--timeout: {text:?} is not a positive number of seconds"))
}

/// Whether text output is coloured. `auto` is anstream's reading of the
/// terminal and the environment (NO_COLOR, CLICOLOR, CLICOLOR_FORCE,
/// TERM=dumb), the conventions other CLI tools follow, instead of a
/// hand-kept subset of them.
fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            anstream::AutoStream::choice(&std::io::stdout()) != anstream::ColorChoice::Never
        }
    }
}

/// A comparison and the documents it was made from.
pub struct Compared {
    pub report: newsdiff::Report,
    pub documents: (newsdiff::Document, newsdiff::Document),
}

/// Ends the process's use of a comparison's data without freeing it: the
/// process exits next, and freeing documents and report piece by piece
/// took 25-30 ms at megabytes (the OS takes the memory back at once). For
/// one-shot commands only, never in a loop.
pub fn leave_to_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Reads both inputs and compares them.
pub fn compare(config: &CompareConfig) -> Result<Compared> {
    let left = newsdiff::input::read_article(&config.left, config.decode)
        .context("cannot read left input")?;
    let right = newsdiff::input::read_article(&config.right, config.decode)
        .context("cannot read right input")?;
    let (left_name, right_name) = (display_name(&config.left), display_name(&config.right));
    let documents = newsdiff::analyse_loaded(left_name, left, right_name, right);
    let report = newsdiff::compare_documents(&documents.0, &documents.1, &config.options);
    // The Report's warnings, one line each on standard error: they change
    // neither the findings nor the exit status.
    for warning in &report.warnings {
        eprintln!("newsdiff: warning: {}", warning.message);
    }
    Ok(Compared { report, documents })
}

/// The name an input is shown by: `<stdin>` for `-`, as other tools print
/// standard input, else the path as given.
fn display_name(path: &str) -> &str {
    if path == "-" {
        "<stdin>"
    } else {
        path
    }
}

/// Carries out a validated command; the exit status on success.
pub fn run(config: Config) -> Result<ExitCode> {
    match config {
        Config::Compare(config) => run_compare(&config),
        Config::Check(config) => check::run(&config),
        Config::Batch(config) => batch::run(&config),
        Config::Generate(args) => generate::run(&args),
        Config::Extract(config) => extract::run(&config),
    }
}

fn run_compare(config: &CompareConfig) -> Result<ExitCode> {
    let compared = compare(config)?;
    let report = &compared.report;
    let renderer = newsdiff::render::renderer(config.format, config.view);
    let mut out = io::BufWriter::new(io::stdout().lock());
    renderer.render(report, &mut out)?;
    out.flush()?;
    let differs = report.has_differences();
    leave_to_exit(compared);
    Ok(exit(differs))
}

/// 1 when `differs`, else 0.
fn exit(differs: bool) -> ExitCode {
    if differs {
        ExitCode::from(DIFFERENT)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeout_takes_positive_seconds_with_decimals() {
        assert_eq!(parse_timeout("30").unwrap(), Duration::from_secs(30));
        assert_eq!(parse_timeout(" 0.5 ").unwrap(), Duration::from_millis(500));
        for junk in ["0", "-1", "", "ten", "NaN", "inf", "1e400"] {
            let error = parse_timeout(junk).unwrap_err().to_string();
            assert!(
                error.contains("positive number of seconds"),
                "{junk}: {error}"
            );
        }
    }

    #[test]
    fn timeout_default_is_the_library_default() {
        assert_eq!(
            parse_timeout(DEFAULT_TIMEOUT_TEXT).unwrap(),
            newsdiff::input::fetch::DEFAULT_TIMEOUT
        );
    }
}
