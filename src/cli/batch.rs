//! `newsdiff batch MANIFEST`: many pairs in, JSON Lines out as each pair is
//! done, with a progress bar on standard error when it is a terminal.

use super::check::RuleArgs;
use super::{InputArgs, DIFFERENT, TROUBLE};
use anyhow::{bail, Context, Result};
use clap::Args as ClapArgs;
use indicatif::{ProgressBar, ProgressStyle};
use newsdiff::batch::stream::{stream, StreamError};
use newsdiff::batch::{BatchSettings, ManifestSource, Status};
use std::fs::File;
use std::io::{self, BufRead, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

/// `newsdiff batch MANIFEST`.
#[derive(Debug, Clone, ClapArgs)]
pub struct BatchArgs {
    /// JSON Lines file of {"left": path, "right": path, "id": any}, or - for
    /// standard input; "left_text"/"right_text" give a text itself instead
    /// of a path. Relative paths are taken from the manifest's folder (from
    /// the current folder for standard input); absolute paths and URLs as
    /// they are.
    pub manifest: String,
    #[command(flatten)]
    pub input: InputArgs,
    /// Apply the check rules to each pair and add a "rules" array; exit 1
    /// then means a rule failed, not merely a difference.
    #[arg(long)]
    pub check: bool,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Pairs compared at once [default: one per core].
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

/// A validated `batch` command.
#[derive(Debug, Clone)]
pub struct BatchConfig {
    /// Manifest path, or `-`.
    pub manifest: String,
    /// Shared by every pair.
    pub settings: BatchSettings,
    /// Worker threads; `None` for one per core.
    pub jobs: Option<usize>,
}

impl TryFrom<BatchArgs> for BatchConfig {
    type Error = anyhow::Error;

    fn try_from(args: BatchArgs) -> Result<BatchConfig> {
        if !args.check && args.rules.any_rule_flag() {
            bail!("rule flags apply only with --check");
        }
        if args.jobs == Some(0) {
            bail!("--jobs must be at least 1");
        }
        let (decode, options) = args.input.validate()?;
        let rules = if args.check {
            Some(args.rules.resolve()?)
        } else {
            None
        };
        Ok(BatchConfig {
            manifest: args.manifest,
            settings: BatchSettings {
                decode,
                options,
                rules,
            },
            jobs: args.jobs,
        })
    }
}

/// Compares every pair and writes one JSON line each, in manifest order,
/// each as soon as it and the lines before it are done.
pub fn run(config: &BatchConfig) -> Result<ExitCode> {
    let stdin = config.manifest == "-";
    let manifest: Box<dyn BufRead + Send> = if stdin {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        // Opened here, so a missing manifest is trouble before any output.
        let file = File::open(&config.manifest)
            .with_context(|| format!("cannot read manifest {}", config.manifest))?;
        Box::new(io::BufReader::new(file))
    };
    let source = if stdin {
        ManifestSource::Stdin
    } else {
        ManifestSource::File(Path::new(&config.manifest))
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = config.jobs {
        pool = pool.num_threads(jobs);
    }
    let pool = pool.build().context("cannot start worker threads")?;

    let progress = if io::stderr().is_terminal() {
        progress_bar(&config.manifest)
    } else {
        ProgressBar::hidden()
    };
    let out = io::BufWriter::new(io::stdout().lock());
    let summary = stream(manifest, source, &config.settings, &pool, out, &mut |_| {
        progress.inc(1)
    });
    progress.finish_and_clear();
    let summary = match summary {
        Ok(summary) => summary,
        // A closed pipe stays an io::Error, for main to tell it apart.
        Err(StreamError::Output(error)) => return Err(error.into()),
        Err(error) => bail!(error),
    };
    if summary.failed > 0 {
        eprintln!(
            "newsdiff: {} of {} pairs could not be compared (see their \"error\")",
            summary.failed, summary.pairs
        );
    }
    Ok(match summary.worst {
        Status::Same => ExitCode::SUCCESS,
        Status::Different => ExitCode::from(DIFFERENT),
        Status::Failed => ExitCode::from(TROUBLE),
    })
}

/// The bar on a terminal: out of the manifest's line count when it is a
/// file (counted in one quick pass), a running count for standard input,
/// whose length is not known until it ends.
fn progress_bar(manifest: &str) -> ProgressBar {
    let lines = (manifest != "-")
        .then(|| count_lines(Path::new(manifest)).ok())
        .flatten();
    let (bar, template) = match lines {
        Some(lines) => (
            ProgressBar::new(lines),
            "{bar:40} {pos}/{len} pairs {elapsed}",
        ),
        None => (ProgressBar::no_length(), "{pos} pairs {elapsed} {per_sec}"),
    };
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar
}

/// Non-blank lines of a file, read in blocks, nothing kept.
fn count_lines(path: &Path) -> io::Result<u64> {
    let mut reader = io::BufReader::with_capacity(1 << 16, File::open(path)?);
    let (mut lines, mut blank) = (0, true);
    loop {
        let block = reader.fill_buf()?;
        if block.is_empty() {
            return Ok(lines + u64::from(!blank));
        }
        for &byte in block {
            if byte == b'\n' {
                lines += u64::from(!blank);
                blank = true;
            } else if !byte.is_ascii_whitespace() {
                blank = false;
            }
        }
        let used = block.len();
        reader.consume(used);
    }
}
