//! `newsdiff check`: rule flags and config file → [`RuleConfig`], then the
//! rules applied to one pair.

use super::{exit, CommonArgs, CompareConfig};
use anyhow::{bail, Context, Result};
use clap::{Args as ClapArgs, ValueEnum};
use newsdiff::check::config::{check_similarity, find_config, parse_config};
use newsdiff::check::{check_report, Limit, Rule, RuleConfig};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// The rule list under `check --help`, built from [`Rule::ALL`] so it
/// names every rule there is and no other.
pub fn rules_help() -> String {
    let width = Rule::ALL.iter().map(|r| r.name().len()).max().unwrap_or(0);
    let mut help = String::from("Rules (most important first; every rule is on by default):\n");
    for rule in Rule::ALL {
        help.push_str(&format!(
            "  {:width$}  {}\n",
            rule.name(),
            rule.description()
        ));
    }
    help.push_str("Rule names also take - for _ (--disable min-alignment).");
    help
}

/// `newsdiff check LEFT RIGHT`.
#[derive(Debug, Clone, ClapArgs)]
pub struct CheckArgs {
    /// The reference report (a file, - for standard input, or an http(s)
    /// URL).
    pub left: String,
    /// The report to check against it.
    pub right: String,
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub rules: RuleArgs,
}

/// Flags that choose and tune rules. They win over the config file.
#[derive(Debug, Clone, Default, ClapArgs)]
pub struct RuleArgs {
    /// Rule config file [default: newsdiff.toml in the current folder or its parents].
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Ignore any newsdiff.toml: built-in defaults and flags only.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Run only these rules (comma-separated or repeated; names below).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub only: Vec<Rule>,
    /// Turn these rules on (comma-separated or repeated).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub enable: Vec<Rule>,
    /// Turn these rules off (comma-separated or repeated).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub disable: Vec<Rule>,
    /// Omitted facts allowed, per kind: number, date, quote, entity or total;
    /// N is a count or "unlimited" (repeatable; turns max_omitted_facts on).
    #[arg(long, value_name = "KIND=N")]
    pub max_omitted: Vec<String>,
    /// Lowest similarity (0 to 1) a left body sentence's pair may have
    /// (turns min_alignment on).
    #[arg(long, value_name = "S")]
    pub min_alignment: Option<f64>,
    /// Which certainty changes fail no_certainty_change.
    #[arg(long, value_enum, value_name = "DIRECTION")]
    pub certainty: Option<CertaintyDirection>,
    /// Let no_altered_quote accept a direct quote turned into reported speech.
    #[arg(long)]
    pub allow_made_indirect: bool,
}

/// Which way a cue change must go to fail `no_certainty_change`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CertaintyDirection {
    /// Stronger or weaker.
    Both,
    /// Only a cue that makes the statement sound more certain.
    Stronger,
    /// Only a cue that makes the statement sound less certain.
    Weaker,
}

/// A validated `check` command.
#[derive(Debug, Clone)]
pub struct CheckConfig {
    /// The comparison to check.
    pub compare: CompareConfig,
    /// Defaults, then the config file, then flags.
    pub rules: RuleConfig,
}

impl TryFrom<CheckArgs> for CheckConfig {
    type Error = anyhow::Error;

    fn try_from(args: CheckArgs) -> Result<CheckConfig> {
        Ok(CheckConfig {
            compare: CompareConfig::new(args.left, args.right, &args.common)?,
            rules: args.rules.resolve()?,
        })
    }
}

impl RuleArgs {
    /// True when any rule flag was given.
    pub fn any_rule_flag(&self) -> bool {
        self.config.is_some()
            || self.no_config
            || !self.only.is_empty()
            || !self.enable.is_empty()
            || !self.disable.is_empty()
            || !self.max_omitted.is_empty()
            || self.min_alignment.is_some()
            || self.certainty.is_some()
            || self.allow_made_indirect
    }

    /// Built-in defaults, then the config file, then these flags.
    pub fn resolve(&self) -> Result<RuleConfig> {
        let file = match (&self.config, self.no_config) {
            (Some(path), _) => Some(path.clone()),
            (None, true) => None,
            (None, false) => {
                let cwd = std::env::current_dir().context("cannot find the current folder")?;
                find_config(&cwd)
            }
        };
        // The file's settings are already merged over the defaults.
        let mut rules = match &file {
            Some(path) => {
                // Read here rather than by `load_config`, so that a missing
                // file reads "cannot read config PATH: reason", apart from a
                // file that is there but wrong ("PATH:line:col: key: ...").
                let source = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read config {}", path.display()))?;
                parse_config(path, &source)?
            }
            None => RuleConfig::default(),
        };
        self.apply(&mut rules)?;
        // "All 0 rules passed" would let a CI job pass that checks nothing.
        if Rule::ALL.into_iter().all(|rule| !rules.enabled(rule)) {
            if self.only.is_empty() {
                // Only the file and --disable turn rules off.
                let by = match (file, self.disable.is_empty()) {
                    (Some(path), true) => format!("{} turns", path.display()),
                    (Some(path), false) => format!("{} and --disable turn", path.display()),
                    (None, _) => String::from("--disable turns"),
                };
                bail!("no rule left to run: {by} every rule off");
            }
            let only: Vec<_> = self.only.iter().map(|r| r.name()).collect();
            bail!(
                "no rule left to run: --disable turns off every rule --only names ({})",
                only.join(", ")
            );
        }
        Ok(rules)
    }

    fn apply(&self, rules: &mut RuleConfig) -> Result<()> {
        if let Some(rule) = self.enable.iter().find(|r| self.disable.contains(r)) {
            bail!("--enable and --disable both name {rule}");
        }
        if !self.only.is_empty() {
            for rule in Rule::ALL {
                rules.set_enabled(rule, self.only.contains(&rule));
            }
        }
        for &rule in &self.enable {
            rules.set_enabled(rule, true);
        }
        for &rule in &self.disable {
            rules.set_enabled(rule, false);
        }
        for setting in &self.max_omitted {
            let (kind, limit) = setting
                .split_once('=')
                .with_context(|| format!("--max-omitted expects KIND=N, got {setting:?}"))?;
            let limit: Limit = limit
                .parse()
                .map_err(|e| anyhow::anyhow!("--max-omitted {kind}: {e}"))?;
            let o = &mut rules.max_omitted_facts;
            match kind.trim() {
                "number" => o.number = limit,
                "date" => o.date = limit,
                "quote" => o.quote = limit,
                "entity" => o.entity = limit,
                "total" => o.total = limit,
                other => bail!(
                    "--max-omitted: unknown fact kind {other:?} (kinds: number, date, quote, entity, total)"
                ),
            }
            o.enabled = true;
        }
        if let Some(s) = self.min_alignment {
            check_similarity(s).map_err(|e| anyhow::anyhow!("--min-alignment {e}"))?;
            rules.min_alignment.similarity = s;
            rules.min_alignment.enabled = true;
        }
        if let Some(direction) = self.certainty {
            let c = &mut rules.no_certainty_change;
            c.stronger = direction != CertaintyDirection::Weaker;
            c.weaker = direction != CertaintyDirection::Stronger;
        }
        if self.allow_made_indirect {
            rules.no_altered_quote.allow_made_indirect = true;
        }
        Ok(())
    }
}

/// Compares the pair, applies the rules, prints the outcome.
pub fn run(config: &CheckConfig) -> Result<ExitCode> {
    let compared = super::compare(&config.compare)?;
    let checked = check_report(compared.report, &config.rules);
    let renderer = newsdiff::render::check_renderer(config.compare.format);
    let mut out = io::BufWriter::new(io::stdout().lock());
    renderer.render_check(&checked, &mut out)?;
    out.flush()?;
    let failed = !checked.passed();
    super::leave_to_exit((checked, compared.documents));
    Ok(exit(failed))
}
