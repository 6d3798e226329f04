//! `newsdiff generate`: shell completions and the man page, generated from
//! the clap definition so they never drift from the flags.
//!
//! The man page is one page, `newsdiff(1)`, with every subcommand in it:
//! clap_mangen's own SUBCOMMANDS section points at `newsdiff-check(1)` and
//! the like, pages nobody installs. The rule list, the exit status and the
//! config file come from the same constants the program runs on.

use super::{DIFFERENT, TROUBLE};
use anyhow::Result;
use clap::{Args as ClapArgs, CommandFactory, Subcommand};
use clap_complete::Shell;
use clap_mangen::roff::{bold, roman, Roff};
use clap_mangen::Man;
use newsdiff::check::config::CONFIG_FILE;
use newsdiff::check::Rule;
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
    /// A completion script for SHELL, on standard output.
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        shell: Shell,
    },
    /// The man page newsdiff(1), in roff, on standard output (`man -l -`
    /// shows it).
    Man,
}

/// Writes the requested file to standard output.
pub fn run(args: &GenerateArgs) -> Result<ExitCode> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    match args.what {
        Generate::Completions { shell } => {
            let mut command = super::Args::command();
            clap_complete::generate(shell, &mut command, "newsdiff", &mut out);
        }
        Generate::Man => out.write_all(man_page()?.as_bytes())?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The whole man page, newsdiff(1).
pub fn man_page() -> io::Result<String> {
    let mut command = super::Args::command();
    command.build();
    let man = Man::new(command.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    let mut page = String::from_utf8_lossy(&page).into_owned();
    for render in [
        Man::render_name_section,
        Man::render_synopsis_section,
        Man::render_description_section,
        Man::render_options_section,
    ] {
        page.push_str(&rendered(&man, render)?);
    }

    page.push_str(".SH COMMANDS\n");
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        let sub_man = Man::new(sub.clone());
        page.push_str(&subsection(&format!("newsdiff {}", sub.get_name())));
        for render in [
            Man::render_synopsis_section,
            Man::render_description_section,
            Man::render_options_section,
        ] {
            page.push_str(&without_heading(&rendered(&sub_man, render)?));
            // Without their headings the parts would run into one paragraph.
            page.push_str(".PP\n");
        }
        // `generate` has subcommands of its own: list them by their full
        // command line rather than as pages.
        for nested in sub.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut roff = Roff::new();
            roff.control("TP", []);
            let mut usage = format!("newsdiff {} {}", sub.get_name(), nested.get_name());
            for arg in nested.get_positionals() {
                usage.push_str(&format!(" {}", arg.get_id().as_str().to_uppercase()));
            }
            roff.text([bold(usage)]);
            if let Some(about) = nested.get_about() {
                roff.text([roman(about.to_string())]);
            }
            page.push_str(&roff.to_roff());
        }
    }
    page.push_str(&extra_sections().to_roff());
    page.push_str(&rendered(&man, Man::render_version_section)?);
    Ok(page)
}

/// RULES, FILES, EXIT STATUS and ENVIRONMENT, which clap does not know.
fn extra_sections() -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["RULES"]);
    roff.text([roman(
        "What newsdiff check applies, most important first; every rule is on by default. \
         Names take - for _ in flags (--disable min-alignment).",
    )]);
    for rule in Rule::ALL {
        roff.control("TP", []);
        roff.text([bold(rule.name())]);
        roff.text([roman(rule.description())]);
    }

    roff.control("SH", ["FILES"]);
    roff.control("TP", []);
    roff.text([bold(CONFIG_FILE)]);
    roff.text([roman(format!(
        "Rule settings for check and batch --check. Looked for in the current folder, \
         then in each parent folder; --config PATH names a file instead, --no-config \
         uses none. Precedence, lowest first: built-in defaults, then the file (key by \
         key), then flags. Unknown keys and bad values are errors naming \
         {CONFIG_FILE}:line:column and the dotted key."
    ))]);

    roff.control("SH", ["EXIT STATUS"]);
    let status = |roff: &mut Roff, code: u8, text: &str| {
        roff.control("TP", []);
        roff.text([bold(code.to_string())]);
        roff.text([roman(text)]);
    };
    status(
        &mut roff,
        0,
        "No reportable difference (check: every rule passed; batch: every pair the same). \
         Also --help, --version, generate, and a closed output pipe (newsdiff a b | head).",
    );
    status(
        &mut roff,
        DIFFERENT,
        "Differences found: unaligned, moved or reworded sentences, attribution, fact, \
         credit, headline or date line changes (check: a rule failed; batch: some pair differs, or \
         with --check fails a rule, and none was trouble).",
    );
    status(
        &mut roff,
        TROUBLE,
        "Trouble: a bad flag, an unreadable or invalid input or config file, no rule left \
         to run; a one-line error goes to standard error. In batch: the manifest cannot \
         be read, or any pair could not be compared (its line carries the error).",
    );

    roff.control("SH", ["ENVIRONMENT"]);
    roff.text([roman(
        "Under --color auto: NO_COLOR (set: no colour), CLICOLOR=0 (no colour), \
         CLICOLOR_FORCE=1 (colour a pipe too), TERM=dumb (no colour).",
    )]);
    // ureq reads these (Proxy::try_from_env) for URL inputs.
    roff.control("PP", []);
    roff.text([roman(
        "For URL inputs: HTTPS_PROXY, HTTP_PROXY or ALL_PROXY (a proxy to go through), \
         NO_PROXY (hosts reached directly).",
    )]);
    roff
}

/// One section of `man`, as text, without the roff preamble.
fn rendered(man: &Man, render: fn(&Man, &mut dyn Write) -> io::Result<()>) -> io::Result<String> {
    let mut buf = Vec::new();
    render(man, &mut buf)?;
    Ok(without_preamble(&String::from_utf8_lossy(&buf)).to_owned())
}

/// A `.SS` line for `title`.
fn subsection(title: &str) -> String {
    let mut roff = Roff::new();
    roff.control("SS", [title]);
    roff.to_roff()
}

/// `rendered` without the two apostrophe-definition lines roff puts at the
/// top of every rendering: the page needs them once, from its title.
fn without_preamble(rendered: &str) -> &str {
    let mut rest = rendered;
    for prefix in [".ie \\n(.g", ".el .ds Aq"] {
        if rest.starts_with(prefix) {
            rest = rest.split_once('\n').map_or("", |(_, r)| r);
        }
    }
    rest
}

/// A section's body without its `.SH` heading, for a subcommand's part of
/// the page (its synopsis, description and options go under its `.SS`).
fn without_heading(section: &str) -> String {
    section
        .lines()
        .filter(|l| !l.starts_with(".SH "))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preamble_is_dropped_once() {
        let rendered = ".ie \\n(.g .ds Aq \\(aq\n.el .ds Aq '\n.SH NAME\n";
        assert_eq!(without_preamble(rendered), ".SH NAME\n");
        assert_eq!(without_preamble(".SH NAME\n"), ".SH NAME\n");
    }

    #[test]
    fn man_page_has_one_preamble_and_every_rule() {
        let page = man_page().unwrap();
        assert_eq!(page.matches(".el .ds Aq").count(), 1);
        for rule in Rule::ALL {
            // roff writes `_` as is and `-` as `\-`.
            assert!(page.contains(rule.name()), "{rule} missing");
        }
        assert!(page.contains("HTTPS_PROXY"), "proxy variables missing");
    }
}
