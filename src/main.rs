//! The `newsdiff` binary: flags in, report out, `diff`-style exit status.

#![forbid(unsafe_code)]

mod cli;

use clap::Parser;
use std::io;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = match cli::Args::try_parse() {
        Ok(args) => args,
        Err(err) => return usage_error(err),
    };
    let result = cli::Config::try_from(args).and_then(cli::run);
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

/// Help and version go to stdout as clap writes them; a usage error
/// becomes the one-line error every other failure is (exit 2), clap's
/// usage block and "For more information" hint folded into one line.
fn usage_error(err: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        err.exit();
    }
    eprintln!(
        "newsdiff: {} (see --help)",
        one_line(&err.render().to_string())
    );
    ExitCode::from(cli::TROUBLE)
}

/// The message part of a rendered clap error on one line: the lines before
/// the first blank one, "error: " removed, inner whitespace folded.
fn one_line(rendered: &str) -> String {
    let message: Vec<&str> = rendered
        .lines()
        .take_while(|line| !line.trim().is_empty())
        .map(str::trim)
        .collect();
    let joined = message.join(" ");
    joined
        .strip_prefix("error: ")
        .unwrap_or(&joined)
        .to_string()
}

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
