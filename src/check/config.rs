//! Rule settings: the defaults, the `newsdiff.toml` file, and how the two
//! (and command-line flags, applied by the caller) combine.
//!
//! Precedence, lowest first: built-in defaults, then the config file, then
//! flags. Merging is key by key: a file that sets only
//! `rules.max_omitted_facts.entity` keeps every other default.

use super::rules::Rule;
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

/// Settings of every rule. [`Default`] is what `newsdiff check` applies
/// with no config file and no flags.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleConfig {
    /// `no_altered_quote`: words inside quotation marks must not change.
    pub no_altered_quote: QuoteRule,
    /// `no_changed_number`: no number may change value between aligned sentences.
    pub no_changed_number: bool,
    /// `no_polarity_change`: no statement may turn into its denial or its
    /// opposite ("approved" → "not approved", "rose" → "fell").
    pub no_polarity_change: bool,
    /// `no_speaker_change`: no statement may be credited to somebody else.
    pub no_speaker_change: bool,
    /// `no_attribution_dropped`: no credited statement may lose its speaker.
    pub no_attribution_dropped: bool,
    /// `no_certainty_change`: no cue may make a statement sound more or less certain.
    pub no_certainty_change: CertaintyRule,
    /// `source_credit_kept`: the left byline's credit must appear on the right.
    pub source_credit_kept: bool,
    /// `max_omitted_facts`: at most so many left facts missing on the right.
    pub max_omitted_facts: OmittedRule,
    /// `min_alignment`: every left body sentence aligned at least this well.
    pub min_alignment: AlignmentRule,
}

/// Settings of `no_altered_quote`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct QuoteRule {
    /// Whether the rule runs.
    pub enabled: bool,
    /// Accept a direct quote turned into reported speech.
    pub allow_made_indirect: bool,
}

/// Settings of `no_certainty_change`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CertaintyRule {
    /// Whether the rule runs.
    pub enabled: bool,
    /// Fail when a cue makes a statement sound more certain ("said" → "confirmed").
    pub stronger: bool,
    /// Fail when a cue makes a statement sound less certain ("said" → "claimed").
    pub weaker: bool,
}

/// Settings of `max_omitted_facts`: a limit per fact kind and in total.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
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

/// Settings of `min_alignment`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AlignmentRule {
    /// Whether the rule runs.
    pub enabled: bool,
    /// Lowest similarity (0 to 1) a left body sentence's pair may have.
    pub similarity: f64,
}

/// Default `min_alignment.similarity`: the aligner's own threshold, so by
/// default the rule asks only that every left body sentence be aligned.
pub const DEFAULT_ALIGNMENT_SIMILARITY: f64 = crate::align::DEFAULT_MIN_SIMILARITY;

impl Default for RuleConfig {
    fn default() -> Self {
        RuleConfig {
            no_altered_quote: QuoteRule {
                enabled: true,
                allow_made_indirect: false,
            },
            no_changed_number: true,
            no_polarity_change: true,
            no_speaker_change: true,
            no_attribution_dropped: true,
            no_certainty_change: CertaintyRule {
                enabled: true,
                stronger: true,
                weaker: true,
            },
            source_credit_kept: true,
            // Figures, dates and quotes are what a rewrite must not lose;
            // dropping a name or two is ordinary editing.
            max_omitted_facts: OmittedRule {
                enabled: true,
                number: Limit::AtMost(0),
                date: Limit::AtMost(0),
                quote: Limit::AtMost(0),
                entity: Limit::Unlimited,
                total: Limit::Unlimited,
            },
            min_alignment: AlignmentRule {
                enabled: true,
                similarity: DEFAULT_ALIGNMENT_SIMILARITY,
            },
        }
    }
}

impl RuleConfig {
    /// Whether `rule` runs.
    pub fn enabled(&self, rule: Rule) -> bool {
        match rule {
            Rule::NoAlteredQuote => self.no_altered_quote.enabled,
            Rule::NoChangedNumber => self.no_changed_number,
            Rule::NoPolarityChange => self.no_polarity_change,
            Rule::NoSpeakerChange => self.no_speaker_change,
            Rule::NoAttributionDropped => self.no_attribution_dropped,
            Rule::NoCertaintyChange => self.no_certainty_change.enabled,
            Rule::SourceCreditKept => self.source_credit_kept,
            Rule::MaxOmittedFacts => self.max_omitted_facts.enabled,
            Rule::MinAlignment => self.min_alignment.enabled,
        }
    }

    /// Turns `rule` on or off.
    pub fn set_enabled(&mut self, rule: Rule, on: bool) {
        match rule {
            Rule::NoAlteredQuote => self.no_altered_quote.enabled = on,
            Rule::NoChangedNumber => self.no_changed_number = on,
            Rule::NoPolarityChange => self.no_polarity_change = on,
            Rule::NoSpeakerChange => self.no_speaker_change = on,
            Rule::NoAttributionDropped => self.no_attribution_dropped = on,
            Rule::NoCertaintyChange => self.no_certainty_change.enabled = on,
            Rule::SourceCreditKept => self.source_credit_kept = on,
            Rule::MaxOmittedFacts => self.max_omitted_facts.enabled = on,
            Rule::MinAlignment => self.min_alignment.enabled = on,
        }
    }

    /// Applies the settings a config file names, key by key.
    pub fn apply_file(&mut self, file: &FileConfig) {
        let Some(rules) = &file.rules else { return };
        if let Some(r) = &rules.no_altered_quote {
            set(&mut self.no_altered_quote.enabled, r.enabled);
            set(
                &mut self.no_altered_quote.allow_made_indirect,
                r.allow_made_indirect,
            );
        }
        for (target, toggle) in [
            (&mut self.no_changed_number, &rules.no_changed_number),
            (&mut self.no_polarity_change, &rules.no_polarity_change),
            (&mut self.no_speaker_change, &rules.no_speaker_change),
            (
                &mut self.no_attribution_dropped,
                &rules.no_attribution_dropped,
            ),
            (&mut self.source_credit_kept, &rules.source_credit_kept),
        ] {
            if let Some(t) = toggle {
                set(target, t.enabled);
            }
        }
        if let Some(r) = &rules.no_certainty_change {
            let c = &mut self.no_certainty_change;
            set(&mut c.enabled, r.enabled);
            set(&mut c.stronger, r.stronger);
            set(&mut c.weaker, r.weaker);
        }
        if let Some(r) = &rules.max_omitted_facts {
            let o = &mut self.max_omitted_facts;
            set(&mut o.enabled, r.enabled);
            set(&mut o.number, r.number);
            set(&mut o.date, r.date);
            set(&mut o.quote, r.quote);
            set(&mut o.entity, r.entity);
            set(&mut o.total, r.total);
        }
        if let Some(r) = &rules.min_alignment {
            set(&mut self.min_alignment.enabled, r.enabled);
            set(&mut self.min_alignment.similarity, r.similarity);
        }
    }
}

fn set<T: Copy>(target: &mut T, value: Option<T>) {
    if let Some(v) = value {
        *target = v;
    }
}

/// The contents of `newsdiff.toml`. Every key is optional; unknown keys are
/// errors, so a misspelt rule never passes silently.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    /// The `[rules.*]` tables.
    pub rules: Option<FileRules>,
}

/// `[rules]`: one table per rule.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileRules {
    pub no_altered_quote: Option<FileQuoteRule>,
    pub no_changed_number: Option<FileToggle>,
    pub no_polarity_change: Option<FileToggle>,
    pub no_speaker_change: Option<FileToggle>,
    pub no_attribution_dropped: Option<FileToggle>,
    pub no_certainty_change: Option<FileCertaintyRule>,
    pub source_credit_kept: Option<FileToggle>,
    pub max_omitted_facts: Option<FileOmittedRule>,
    pub min_alignment: Option<FileAlignmentRule>,
}

/// A rule with no setting but on/off.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileToggle {
    /// `enabled = true|false`.
    pub enabled: Option<bool>,
}

/// `[rules.no_altered_quote]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileQuoteRule {
    pub enabled: Option<bool>,
    pub allow_made_indirect: Option<bool>,
}

/// `[rules.no_certainty_change]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileCertaintyRule {
    pub enabled: Option<bool>,
    pub stronger: Option<bool>,
    pub weaker: Option<bool>,
}

/// `[rules.max_omitted_facts]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileOmittedRule {
    pub enabled: Option<bool>,
    pub number: Option<Limit>,
    pub date: Option<Limit>,
    pub quote: Option<Limit>,
    pub entity: Option<Limit>,
    pub total: Option<Limit>,
}

/// `[rules.min_alignment]`.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct FileAlignmentRule {
    pub enabled: Option<bool>,
    pub similarity: Option<f64>,
}

/// A config file that could not be read or is not valid.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct ConfigError {
    /// The file, with `:line:column` when the place is known.
    pub path: String,
    /// What is wrong, naming the key.
    pub message: String,
}

/// Parses the text of a config file; `path` is used in messages only.
pub fn parse_config(path: &Path, source: &str) -> Result<FileConfig, ConfigError> {
    let config: FileConfig = toml::from_str(source).map_err(|e| {
        let (place, key) = match e.span() {
            Some(span) => {
                let (line, column) = line_column(source, span.start);
                (format!(":{line}:{column}"), key_at(source, span.start))
            }
            None => (String::new(), None),
        };
        let message = e.message().trim().replace('\n', " ");
        ConfigError {
            path: format!("{}{place}", path.display()),
            message: match key {
                Some(key) => format!("{key}: {message}"),
                None => message,
            },
        }
    })?;
    validate(&config).map_err(|message| ConfigError {
        path: path.display().to_string(),
        message,
    })?;
    Ok(config)
}

/// Checks values serde cannot: ranges.
fn validate(config: &FileConfig) -> Result<(), String> {
    let similarity = config
        .rules
        .as_ref()
        .and_then(|r| r.min_alignment.as_ref())
        .and_then(|r| r.similarity);
    if let Some(s) = similarity {
        check_similarity(s).map_err(|e| format!("rules.min_alignment.similarity: {e}"))?;
    }
    Ok(())
}

/// A similarity threshold must lie in [0, 1].
pub fn check_similarity(s: f64) -> Result<(), String> {
    if (0.0..=1.0).contains(&s) {
        Ok(())
    } else {
        Err(format!("must be between 0 and 1, got {s}"))
    }
}

/// Reads and parses a config file.
pub fn load_config(path: &Path) -> Result<FileConfig, ConfigError> {
    let source = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: path.display().to_string(),
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

fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The dotted key at `offset`: the table header above it, then the key on
/// its line (the text before `=`, or the word at `offset` for an unknown key).
fn key_at(source: &str, offset: usize) -> Option<String> {
    let offset = offset.min(source.len());
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let line = &source[line_start..line_end];
    let trimmed = line.trim();
    if trimmed.starts_with('[') {
        return Some(
            trimmed
                .trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_string(),
        );
    }
    let key = line.split('=').next()?.trim().trim_matches('"');
    if key.is_empty() {
        return None;
    }
    let table = source[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && !l.starts_with("[["))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    Some(match table {
        Some(t) => format!("{t}.{key}"),
        None => key.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<FileConfig, ConfigError> {
        parse_config(Path::new("newsdiff.toml"), s)
    }

    #[test]
    fn file_overrides_only_the_keys_it_names() {
        let file = parse("[rules.max_omitted_facts]\nentity = 2\n").unwrap();
        let mut rules = RuleConfig::default();
        rules.apply_file(&file);
        assert_eq!(rules.max_omitted_facts.entity, Limit::AtMost(2));
        assert_eq!(rules.max_omitted_facts.number, Limit::AtMost(0));
    }

    #[test]
    fn unknown_key_is_named_with_its_table() {
        let err = parse("[rules.min_alignment]\nsimilarty = 0.5\n").unwrap_err();
        let text = err.to_string();
        assert!(text.contains("rules.min_alignment.similarty"), "{text}");
        assert!(text.starts_with("newsdiff.toml:2:1:"), "{text}");
    }

    #[test]
    fn unknown_rule_is_named() {
        let err = parse("[rules.no_such_rule]\nenabled = true\n").unwrap_err();
        assert!(err.to_string().contains("no_such_rule"), "{err}");
    }

    #[test]
    fn bad_value_names_its_key() {
        let err = parse("[rules.no_changed_number]\nenabled = \"yes\"\n").unwrap_err();
        assert!(
            err.to_string().contains("rules.no_changed_number.enabled"),
            "{err}"
        );
    }

    #[test]
    fn out_of_range_similarity_is_an_error() {
        let err = parse("[rules.min_alignment]\nsimilarity = 1.5\n").unwrap_err();
        assert!(
            err.to_string()
                .contains("rules.min_alignment.similarity: must be between 0 and 1"),
            "{err}"
        );
    }

    #[test]
    fn limit_accepts_unlimited_and_rejects_negative() {
        let file = parse("[rules.max_omitted_facts]\nnumber = \"unlimited\"\n").unwrap();
        let limit = file.rules.unwrap().max_omitted_facts.unwrap().number;
        assert_eq!(limit, Some(Limit::Unlimited));
        assert!(parse("[rules.max_omitted_facts]\nnumber = -1\n").is_err());
    }
}
