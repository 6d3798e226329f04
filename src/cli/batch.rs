//! `newsdiff batch MANIFEST`: many pairs in, JSON Lines out, with a progress
//! bar on standard error when it is a terminal.

use super::check::RuleArgs;
use super::{InputArgs, DIFFERENT, TROUBLE};
use anyhow::{bail, Context, Result};
use clap::Args as ClapArgs;
use indicatif::{ProgressBar, ProgressStyle};
use newsdiff::batch::{parse_manifest, BatchSettings, ManifestSource, Status};
use std::io::{self, IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

/// `newsdiff batch MANIFEST`.
#[derive(Debug, Clone, ClapArgs)]
pub struct BatchArgs {
    /// JSON Lines file of {"left": path, "right": path, "id": any}, or - for
    /// standard input. Relative paths are taken from the manifest's folder
    /// (from the current folder for standard input); absolute paths as they
    /// are.
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

/// Compares every pair and writes one JSON line each, in input order.
pub fn run(config: &BatchConfig) -> Result<ExitCode> {
    let mut text = String::new();
    if config.manifest == "-" {
        io::stdin()
            .read_to_string(&mut text)
            .context("cannot read the manifest from standard input")?;
    } else {
        text = std::fs::read_to_string(&config.manifest)
            .with_context(|| format!("cannot read manifest {}", config.manifest))?;
    }
    let source = if config.manifest == "-" {
        ManifestSource::Stdin
    } else {
        ManifestSource::File(Path::new(&config.manifest))
    };
    let entries = parse_manifest(&text, source);
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = config.jobs {
        pool = pool.num_threads(jobs);
    }
    let pool = pool.build().context("cannot start worker threads")?;

    let progress = if io::stderr().is_terminal() {
        let bar = ProgressBar::new(entries.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} pairs {elapsed}") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };

    // Results are written a chunk at a time, so output streams in input
    // order while memory stays bounded on long manifests.
    let chunk = pool.current_num_threads() * 16;
    let mut out = io::BufWriter::new(io::stdout().lock());
    let (mut worst, mut failed) = (Status::Same, 0);
    for entries in entries.chunks(chunk.max(1)) {
        let results =
            pool.install(|| newsdiff::batch::run(entries, &config.settings, &|| progress.inc(1)));
        for result in &results {
            serde_json::to_writer(&mut out, result)?;
            writeln!(out)?;
            worst = worst.max(result.status());
            failed += usize::from(result.status() == Status::Failed);
        }
        out.flush()?;
    }
    progress.finish_and_clear();
    if failed > 0 {
        eprintln!(
            "newsdiff: {failed} of {} pairs could not be compared (see their \"error\")",
            entries.len()
        );
    }
    Ok(match worst {
        Status::Same => ExitCode::SUCCESS,
        Status::Different => ExitCode::from(DIFFERENT),
        Status::Failed => ExitCode::from(TROUBLE),
    })
}
