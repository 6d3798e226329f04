//! Rule settings: the defaults, and the `newsdiff.toml` file that changes
//! them (command-line flags are applied afterwards by the caller).
//!
//! The settings types are the file format. Each derives `Deserialize` with
//! `#[serde(default)]`, so a key the file leaves out keeps its default
//! (merging is key by key: a file that sets only
//! `rules.max_omitted_facts.entity` keeps every other default), and with
//! `#[serde(deny_unknown_fields)]`, so a misspelt key is an error rather
//! than a setting silently ignored. Precedence, lowest first: built-in
//! defaults, then the config file, then flags.

use super::rule::Rule;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// The config file name looked for in the current folder and its parents.
pub const CONFIG_FILE: &str = "newsdiff.toml";

/// An upper bound on a count: a number, or no bound at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// At most this many.
    AtMost(usize),
    /// Any number (`"unlimited"` in the file and on the command line).
    Unlimited,
}

impl Serialize for Limit {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Limit::AtMost(n) => s.serialize_u64(*n as u64),
            Limit::Unlimited => s.serialize_str("unlimited"),
        }
    }
}

impl Limit {
    /// True when `count` stays within the limit.
    pub fn allows(self, count: usize) -> bool {
        match self {
            Limit::AtMost(n) => count <= n,
            Limit::Unlimited => true,
        }
    }
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::AtMost(n) => write!(f, "{n}"),
            Limit::Unlimited => f.write_str("unlimited"),
        }
    }
}

impl std::str::FromStr for Limit {
    type Err = String;

    fn from_str(s: &str) -> Result<Limit, String> {
        match s.trim() {
            "unlimited" => Ok(Limit::Unlimited),
            n => n.parse().map(Limit::AtMost).map_err(|_| {
                format!("expected a non-negative whole number or \"unlimited\", got {s:?}")
            }),
        }
    }
}

impl<'de> Deserialize<'de> for Limit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Limit, D::Error> {
        struct LimitVisitor;
        impl Visitor<'_> for LimitVisitor {
            type Value = Limit;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a non-negative whole number or \"unlimited\"")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Limit, E> {
                usize::try_from(v)
                    .map(Limit::AtMost)
                    .map_err(|_| E::custom("limit too large"))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Limit, E> {
                u64::try_from(v)
                    .map_err(|_| E::invalid_value(de::Unexpected::Signed(v), &self))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Limit, E> {
                match v {
                    "unlimited" => Ok(Limit::Unlimited),
                    _ => Err(E::invalid_value(de::Unexpected::Str(v), &self)),
                }
            }
        }
        d.deserialize_any(LimitVisitor)
    }
}

/// Settings of every rule, one table per rule (`[rules.no_altered_quote]`,
/// …); the field names are [`Rule::name`]s. [`Default`] is what
/// `newsdiff check` applies with no config file and no flags.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(
    default,
    deny_unknown_fields,
    expecting = "a table with a table per rule"
)]
pub struct RuleConfig {
    /// `no_altered_quote`: words inside quotation marks must not change.
    pub no_altered_quote: QuoteRule,
    /// `no_changed_number`: no number may change value between aligned sentences.
    pub no_changed_number: Toggle,
    /// `no_polarity_change`: no statement may turn into its denial or its
    /// opposite ("approved" → "not approved", "rose" → "fell").
    pub no_polarity_change: Toggle,
    /// `no_speaker_change`: no statement may be credited to somebody else.
    pub no_speaker_change: Toggle,
    /// `no_attribution_dropped`: no credited statement may lose its speaker.
    pub no_attribution_dropped: Toggle,
    /// `no_certainty_change`: no cue may make a statement sound more or less certain.
    pub no_certainty_change: CertaintyRule,
    /// `source_credit_kept`: the left byline's credit must appear on the right.
    pub source_credit_kept: Toggle,
    /// `no_reordering`: no sentence moved out of story order (a pair
    /// lifted over a cut passage, in order, is no reordering).
    pub no_reordering: Toggle,
    /// `max_omitted_facts`: at most so many left facts missing on the right.
    pub max_omitted_facts: OmittedRule,
    /// `min_alignment`: every left body sentence aligned at least this well.
    pub min_alignment: AlignmentRule,
}

/// Settings of a rule that has no setting but on or off.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(
    default,
    deny_unknown_fields,
    expecting = "a table such as `enabled = true`"
)]
pub struct Toggle {
    /// Whether the rule runs.
    pub enabled: bool,
}

impl Default for Toggle {
    fn default() -> Self {
        Toggle { enabled: true }
    }
}

/// Settings of `no_altered_quote`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(
    default,
    deny_unknown_fields,
    expecting = "a table of no_altered_quote settings"
)]
pub struct QuoteRule {
    /// Whether the rule runs.
    pub enabled: bool,
    /// Accept a direct quote turned into reported speech.
    pub allow_made_indirect: bool,
}

impl Default for QuoteRule {
    fn default() -> Self {
        QuoteRule {
            enabled: true,
            allow_made_indirect: false,
        }
    }
}

/// Settings of `no_certainty_change`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(
    default,
    deny_unknown_fields,
    expecting = "a table of no_certainty_change settings"
)]
pub struct CertaintyRule {
    /// Whether the rule runs.
    pub enabled: bool,
    /// Fail when a cue makes a statement sound more certain ("said" → "confirmed").
    pub stronger: bool,
    /// Fail when a cue makes a statement sound less certain ("said" → "claimed").
    pub weaker: bool,
}

impl Default for CertaintyRule {
    fn default() -> Self {
        CertaintyRule {
            enabled: true,
            stronger: true,
            weaker: true,
        }
    }
}

/// Settings of `max_omitted_facts`: a limit per fact kind and in total.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(
    default,
    deny_unknown_fields,
    expecting = "a table of max_omitted_facts settings"
)]
pub struct OmittedRule {
    /// Whether the rule runs.
    pub enabled: bool,
    /// Omitted numbers allowed.
    pub number: Limit,
    /// Omitted dates allowed.
    pub date: Limit,
    /// Omitted quotes allowed.
    pub quote: Limit,
    /// Omitted named entities allowed.
    pub entity: Limit,
    /// Omitted facts of any kind allowed.
    pub total: Limit,
}

impl Default for OmittedRule {
    fn default() -> Self {
        // Figures, dates and quotes are what a rewrite must not lose;
        // dropping a name or two is ordinary editing.
        OmittedRule {
            enabled: true,
            number: Limit::AtMost(0),
            date: Limit::AtMost(0),
            quote: Limit::AtMost(0),
            entity: Limit::Unlimited,
            total: Limit::Unlimited,
        }
    }
}

/// Settings of `min_alignment`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(
    default,
    deny_unknown_fields,
    expecting = "a table of min_alignment settings"
)]
pub struct AlignmentRule {
    /// Whether the rule runs.
    pub enabled: bool,
    /// Lowest similarity (0 to 1) a left body sentence's pair may have.
    /// Checked while the file is read, so a range error has a place.
    #[serde(deserialize_with = "similarity_in_range")]
    pub similarity: f64,
}

impl Default for AlignmentRule {
    fn default() -> Self {
        AlignmentRule {
            enabled: true,
            similarity: DEFAULT_ALIGNMENT_SIMILARITY,
        }
    }
}

/// Default `min_alignment.similarity`: the aligner's own threshold, so by
/// default the rule asks only that every left body sentence be aligned.
pub const DEFAULT_ALIGNMENT_SIMILARITY: f64 = crate::align::DEFAULT_MIN_SIMILARITY;

/// A similarity threshold must lie in [0, 1] (NaN does not).
pub fn check_similarity(s: f64) -> Result<(), String> {
    if (0.0..=1.0).contains(&s) {
        Ok(())
    } else {
        Err(format!("must be between 0 and 1, got {s}"))
    }
}

fn similarity_in_range<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    let s = f64::deserialize(d)?;
    check_similarity(s).map_err(de::Error::custom)?;
    Ok(s)
}

impl RuleConfig {
    /// Whether `rule` runs.
    pub fn enabled(&self, rule: Rule) -> bool {
        match rule {
            Rule::NoAlteredQuote => self.no_altered_quote.enabled,
            Rule::NoChangedNumber => self.no_changed_number.enabled,
            Rule::NoPolarityChange => self.no_polarity_change.enabled,
            Rule::NoSpeakerChange => self.no_speaker_change.enabled,
            Rule::NoAttributionDropped => self.no_attribution_dropped.enabled,
            Rule::NoCertaintyChange => self.no_certainty_change.enabled,
            Rule::SourceCreditKept => self.source_credit_kept.enabled,
            Rule::NoReordering => self.no_reordering.enabled,
            Rule::MaxOmittedFacts => self.max_omitted_facts.enabled,
            Rule::MinAlignment => self.min_alignment.enabled,
        }
    }

    /// Turns `rule` on or off.
    pub fn set_enabled(&mut self, rule: Rule, on: bool) {
        let enabled = match rule {
            Rule::NoAlteredQuote => &mut self.no_altered_quote.enabled,
            Rule::NoChangedNumber => &mut self.no_changed_number.enabled,
            Rule::NoPolarityChange => &mut self.no_polarity_change.enabled,
            Rule::NoSpeakerChange => &mut self.no_speaker_change.enabled,
            Rule::NoAttributionDropped => &mut self.no_attribution_dropped.enabled,
            Rule::NoCertaintyChange => &mut self.no_certainty_change.enabled,
            Rule::SourceCreditKept => &mut self.source_credit_kept.enabled,
            Rule::NoReordering => &mut self.no_reordering.enabled,
            Rule::MaxOmittedFacts => &mut self.max_omitted_facts.enabled,
            Rule::MinAlignment => &mut self.min_alignment.enabled,
        };
        *enabled = on;
    }
}

/// The whole of `newsdiff.toml`: the `[rules.*]` tables, each optional.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(
    default,
    deny_unknown_fields,
    expecting = "a table such as `[rules.min_alignment]`"
)]
struct ConfigFile {
    rules: RuleConfig,
}

/// A config file that could not be read or is not valid. It prints as one
/// line, `path:line:column: key: message`, the place and the dotted key
/// left out when they are not known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file.
    pub path: PathBuf,
    /// 1-based line and column (in characters) of the offending key or
    /// value.
    pub place: Option<(usize, usize)>,
    /// The dotted key at fault (`rules.min_alignment.similarity`).
    pub key: Option<String>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.place {
            write!(f, ":{line}:{column}")?;
        }
        f.write_str(": ")?;
        if let Some(key) = &self.key {
            write!(f, "{key}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ConfigError {}

/// Parses the text of a config file into settings: the defaults, changed
/// key by key by what the file sets. `path` is used in messages only.
pub fn parse_config(path: &Path, source: &str) -> Result<RuleConfig, ConfigError> {
    let error = |e: toml::de::Error, key: Option<String>| ConfigError {
        path: path.to_path_buf(),
        place: e.span().map(|span| line_column(source, span.start)),
        key,
        // toml's messages are one line today; a config error stays one
        // line whatever a later version says.
        message: e.message().trim().replace('\n', " "),
    };
    // toml's spans give the place; serde_path_to_error gives the dotted key
    // (toml tracks keys too but does not expose them).
    let document = toml::Deserializer::parse(source).map_err(|e| error(e, None))?;
    let file: ConfigFile = serde_path_to_error::deserialize(document).map_err(|e| {
        let key = (e.path().iter().len() > 0).then(|| e.path().to_string());
        error(e.into_inner(), key)
    })?;
    Ok(file.rules)
}

/// Reads and parses a config file.
pub fn load_config(path: &Path) -> Result<RuleConfig, ConfigError> {
    let source = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.to_path_buf(),
        place: None,
        key: None,
        message: e.to_string(),
    })?;
    parse_config(path, &source)
}

/// The nearest `newsdiff.toml` in `start` or its parents, as ruff and cargo
/// look for theirs.
pub fn find_config(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .map(|dir| dir.join(CONFIG_FILE))
        .find(|p| p.is_file())
}

/// 1-based line and column (in characters) of byte `offset` in `source`.
fn line_column(source: &str, offset: usize) -> (usize, usize) {
    // A span always falls on a character boundary; should one not, the
    // place moves back to the character it is inside instead of panicking.
    let offset = (0..=offset.min(source.len()))
        .rev()
        .find(|&i| source.is_char_boundary(i))
        .unwrap_or(0);
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
