//! Python keyword arguments → the library's validated settings, with the
//! CLI's messages (`min_similarity` for `--min-similarity`, and so on).

use newsdiff::check::config::parse_config;
use newsdiff::check::{Rule, RuleConfig};
use newsdiff::html::InputFormat;
use newsdiff::input::{DecodeOptions, DEFAULT_MAX_BYTES};
use newsdiff::Options;
use std::path::Path;

/// How every pair of one call is read and compared.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    /// Size limit, `lossy`, and text or web page.
    pub(crate) decode: DecodeOptions,
    /// What the pipeline looks for.
    pub(crate) options: Options,
}

/// Validates the keyword arguments every comparing function takes. The
/// messages are the CLI's, with the argument's Python name.
pub(crate) fn settings(
    min_similarity: f64,
    input: &str,
    lossy: bool,
    max_bytes: Option<u64>,
) -> Result<Settings, String> {
    if !(0.0..=1.0).contains(&min_similarity) {
        return Err(format!(
            "min_similarity must be between 0 and 1, got {min_similarity}"
        ));
    }
    let format = match input {
        "auto" => InputFormat::Auto,
        "html" => InputFormat::Html,
        "text" => InputFormat::Text,
        "markdown" => InputFormat::Markdown,
        other => {
            return Err(format!(
                "input must be one of auto, html, text, markdown, got {other:?}"
            ))
        }
    };
    Ok(Settings {
        // Texts are passed in, never fetched: the URL timeout and any
        // option added later keep their defaults.
        decode: DecodeOptions {
            lossy,
            max_bytes: max_bytes.unwrap_or(DEFAULT_MAX_BYTES),
            format,
            ..DecodeOptions::default()
        },
        // The `embed` feature adds a field to Options: built from the
        // default, this stays right with and without it.
        #[allow(clippy::needless_update)]
        options: Options {
            min_similarity,
            ..Options::default()
        },
    })
}

/// Where `check`'s rules come from.
pub(crate) enum RulesSource {
    /// The built-in defaults (`newsdiff check --no-config`).
    Defaults,
    /// The text of a `newsdiff.toml` file.
    Toml(String),
    /// The `[rules]` table as JSON (a Python dict, dumped by `json`).
    Json(String),
}

/// The name rule errors give the rules they were passed as.
const RULES: &str = "rules";

/// The rules `check` applies: the defaults, changed key by key by the
/// source, as `newsdiff check` merges a config file over them.
pub(crate) fn rule_config(source: RulesSource) -> Result<RuleConfig, String> {
    let rules = match source {
        RulesSource::Defaults => RuleConfig::default(),
        RulesSource::Toml(text) => {
            parse_config(Path::new(RULES), &text).map_err(|e| e.to_string())?
        }
        RulesSource::Json(json) => {
            // Through a `Value`, so that errors name the key but no line and
            // column of a JSON text the caller never wrote.
            let value: serde_json::Value =
                serde_json::from_str(&json).map_err(|e| format!("{RULES}: {e}"))?;
            serde_path_to_error::deserialize::<_, RuleConfig>(value).map_err(|e| {
                let key = e.path().to_string();
                if key.is_empty() || key == "." {
                    format!("{RULES}: {}", e.into_inner())
                } else {
                    format!("{RULES}: {key}: {}", e.into_inner())
                }
            })?
        }
    };
    // "All 0 rules passed" would let a job pass that checks nothing (the
    // CLI refuses it too).
    if Rule::ALL.into_iter().all(|rule| !rules.enabled(rule)) {
        return Err(format!("no rule left to run: {RULES} turn every rule off"));
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_out_of_range_is_refused_as_the_cli_words_it() {
        let err = settings(1.5, "auto", false, None).unwrap_err();
        assert_eq!(err, "min_similarity must be between 0 and 1, got 1.5");
        assert!(settings(f64::NAN, "auto", false, None).is_err());
        assert!(settings(0.4, "pdf", false, None)
            .unwrap_err()
            .contains("auto, html, text, markdown"));
    }

    #[test]
    fn json_rules_merge_over_the_defaults_and_name_a_bad_key() {
        let rules = rule_config(RulesSource::Json(
            r#"{"no_reordering": {"enabled": false}}"#.into(),
        ))
        .unwrap();
        assert!(!rules.enabled(Rule::NoReordering));
        assert!(rules.enabled(Rule::NoAlteredQuote));
        let err = rule_config(RulesSource::Json(
            r#"{"no_reordering": {"enabled": "no"}}"#.into(),
        ))
        .unwrap_err();
        assert!(
            err.starts_with("rules: no_reordering.enabled: invalid type"),
            "{err}"
        );
        let err = rule_config(RulesSource::Json(r#"{"no_reorderin": {}}"#.into())).unwrap_err();
        assert!(err.contains("unknown field `no_reorderin`"), "{err}");
    }

    #[test]
    fn toml_rules_are_read_as_a_config_file() {
        let rules = rule_config(RulesSource::Toml(
            "[rules.min_alignment]\nsimilarity = 0.6\n".into(),
        ))
        .unwrap();
        assert_eq!(rules.min_alignment.similarity, 0.6);
        let err = rule_config(RulesSource::Toml("[rules.x]\n".into())).unwrap_err();
        assert!(err.starts_with("rules:1:"), "{err}");
    }

    #[test]
    fn rules_that_turn_everything_off_are_refused() {
        let off: Vec<String> = Rule::ALL
            .iter()
            .map(|r| format!("\"{}\": {{\"enabled\": false}}", r.name()))
            .collect();
        let err = rule_config(RulesSource::Json(format!("{{{}}}", off.join(",")))).unwrap_err();
        assert_eq!(err, "no rule left to run: rules turn every rule off");
    }
}
