//! The `newsdiff-eval` binary: data set folder in, table of figures out.
//!
//! `newsdiff-eval msrp ../shared/eval/msrp/dev` evaluates one set;
//! `newsdiff-eval all ../shared/eval` runs every set's `dev/` (ecbplus-pairs:
//! its own folder). Everything
//! that computes is in `eval/` beside this file; this file maps flags to its config.

#![forbid(unsafe_code)]

use anyhow::{bail, Result};
use clap::{Parser, ValueEnum};
mod eval;

use eval::{Config, DataSet, IdfSource, Table};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Measure newsdiff on the public evaluation data sets.
///
/// SET is one of msrp, sts-news, iterater-wikinews, summedits-news, gum-news,
/// ecbplus-news, ecbplus-pairs, onestopenglish (or the short forms sts,
/// iterater, …), html (FOLDER: shared/html-pages), or `all` with FOLDER the folder that holds every set (runs
/// each `dev/`, and ecbplus-pairs' own folder).
#[derive(Debug, Parser)]
#[command(name = "newsdiff-eval", version, about, long_about)]
struct Args {
    /// The data set, or `all`.
    set: String,
    /// The data set's folder (e.g. ../shared/eval/msrp/dev), or for `all` the
    /// folder holding the sets (e.g. ../shared/eval).
    folder: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Where sentence-pair similarities take their Idf from.
    #[arg(long, value_enum, default_value_t = Idf::Pair)]
    idf: Idf,
    /// Alignment threshold to evaluate (default: newsdiff's).
    #[arg(long, default_value_t = newsdiff::align::DEFAULT_MIN_SIMILARITY, value_name = "S")]
    min_similarity: f64,
    /// List this many worst errors per data set.
    #[arg(long, default_value_t = 0, value_name = "N")]
    examples: usize,
    /// Align and score with the sentence encoder (newsdiff --semantic);
    /// every set is also run with the words alone, and both are shown.
    #[cfg(feature = "embed")]
    #[arg(long)]
    semantic: bool,
    /// The model folder for --semantic (default: as newsdiff finds it).
    #[cfg(feature = "embed")]
    #[arg(long, value_name = "DIR")]
    model: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Tables for people.
    Text,
    /// One JSON document for scripts.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Idf {
    /// Over the pair's two documents, as the aligner does.
    Pair,
    /// Over every sentence of the data set.
    Corpus,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if err
                .downcast_ref::<io::Error>()
                .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            eprintln!("newsdiff-eval: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<()> {
    let args = Args::parse();
    if !(0.0..=1.0).contains(&args.min_similarity) {
        bail!("--min-similarity must be between 0 and 1");
    }
    let config = Config {
        idf: match args.idf {
            Idf::Pair => IdfSource::Pair,
            Idf::Corpus => IdfSource::Corpus,
        },
        min_similarity: args.min_similarity,
        examples: args.examples,
        #[cfg(feature = "embed")]
        semantic: if args.semantic || args.model.is_some() {
            let dir = newsdiff::embed::model_dir(args.model.as_deref());
            Some(std::sync::Arc::new(newsdiff::embed::Model::open(&dir)?))
        } else {
            None
        },
    };
    let start = std::time::Instant::now();
    let run_sets = |config: &Config| -> Result<Vec<Table>> {
        if args.set == "all" {
            return eval::run_all(&args.folder, config);
        }
        if args.set == "html" {
            return Ok(vec![eval::html::evaluate(&args.folder, config)?]);
        }
        let Some(set) = DataSet::from_name(&args.set) else {
            bail!("unknown data set {:?} (try msrp, sts-news, iterater-wikinews, summedits-news, gum-news, ecbplus-news, ecbplus-pairs, onestopenglish, html or all)", args.set);
        };
        Ok(vec![eval::run(set, &args.folder, config)?])
    };
    // With --semantic, every set runs twice: the words alone first, then
    // with the model, so one run shows the difference and what it costs.
    #[cfg(feature = "embed")]
    let words_only: Option<Vec<Table>> = match config.semantic {
        Some(_) => Some(run_sets(&Config {
            semantic: None,
            ..config.clone()
        })?),
        None => None,
    };
    #[cfg(not(feature = "embed"))]
    let words_only: Option<Vec<Table>> = None;
    let tables: Vec<Table> = run_sets(&config)?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.format {
        Format::Text => {
            if let Some(words_only) = &words_only {
                writeln!(out, "=== words only ===\n")?;
                for t in words_only {
                    writeln!(out, "{}", t.to_text())?;
                }
                writeln!(out, "=== --semantic ===\n")?;
            }
            for t in &tables {
                writeln!(out, "{}", t.to_text())?;
            }
            writeln!(out, "total time: {:.2} s", start.elapsed().as_secs_f64())?;
        }
        Format::Json => {
            let mut doc = serde_json::json!({
                "version": 1,
                "sets": tables.iter().map(Table::to_json).collect::<Vec<_>>(),
                "seconds": start.elapsed().as_secs_f64(),
            });
            if let Some(words_only) = &words_only {
                doc["words_only_sets"] = words_only.iter().map(Table::to_json).collect();
            }
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}
