//! `newsdiff generate`: shell completions and the man page, generated from
//! the clap definition so they never drift from the flags.

use anyhow::Result;
use clap::{Args as ClapArgs, CommandFactory, Subcommand};
use clap_complete::Shell;
use std::io::{self, Write};
use std::process::ExitCode;

/// `newsdiff generate completions SHELL` or `newsdiff generate man`.
#[derive(Debug, Clone, ClapArgs)]
pub struct GenerateArgs {
    /// What to generate.
    #[command(subcommand)]
    pub what: Generate,
}

/// Generated files.
#[derive(Debug, Clone, Subcommand)]
pub enum Generate {
    /// A completion script for SHELL.
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        shell: Shell,
    },
    /// The man page, in roff (`man -l -` shows it).
    Man,
}

/// Writes the requested file to standard output.
pub fn run(args: &GenerateArgs) -> Result<ExitCode> {
    let mut command = super::Args::command();
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.what {
        Generate::Completions { shell } => {
            clap_complete::generate(shell, &mut command, "newsdiff", &mut out);
        }
        Generate::Man => clap_mangen::Man::new(command).render(&mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
