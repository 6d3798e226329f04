//! Tests of `newsdiff.toml`: the merge over the defaults, the accepted
//! values, and errors that name `file:line:column` and the dotted key.

use super::*;

fn parse(s: &str) -> Result<RuleConfig, ConfigError> {
    parse_config(Path::new("newsdiff.toml"), s)
}

fn error(s: &str) -> String {
    let text = parse(s).unwrap_err().to_string();
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    text
}

#[test]
fn file_overrides_only_the_keys_it_names() {
    let rules = parse("[rules.max_omitted_facts]\nentity = 2\n").unwrap();
    assert_eq!(rules.max_omitted_facts.entity, Limit::AtMost(2));
    let expected = RuleConfig {
        max_omitted_facts: OmittedRule {
            entity: Limit::AtMost(2),
            ..OmittedRule::default()
        },
        ..RuleConfig::default()
    };
    assert_eq!(rules, expected);
}

#[test]
fn empty_file_and_empty_tables_keep_the_defaults() {
    assert_eq!(parse("").unwrap(), RuleConfig::default());
    assert_eq!(parse("[rules]\n").unwrap(), RuleConfig::default());
    let tables: String = Rule::ALL.iter().map(|r| format!("[rules.{r}]\n")).collect();
    assert_eq!(parse(&tables).unwrap(), RuleConfig::default());
}

#[test]
fn defaults_written_out_read_back_as_the_defaults() {
    // The README's sample file is every key at its default: the types can
    // write it and read it back unchanged.
    let text = toml::to_string(&ConfigFile::default()).unwrap();
    assert!(text.contains("entity = \"unlimited\""), "{text}");
    assert_eq!(parse(&text).unwrap(), RuleConfig::default());
}

#[test]
fn every_rule_has_its_table_under_its_own_name() {
    let value = toml::Value::try_from(RuleConfig::default()).unwrap();
    let mut tables: Vec<&str> = value
        .as_table()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    let mut names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
    tables.sort_unstable();
    names.sort_unstable();
    assert_eq!(tables, names);
    for rule in Rule::ALL {
        assert_eq!(
            value[rule.name()]["enabled"].as_bool(),
            Some(true),
            "{rule}"
        );
    }
}

#[test]
fn toggles_turn_rules_off_one_by_one() {
    for rule in Rule::ALL {
        let rules = parse(&format!("[rules.{rule}]\nenabled = false\n")).unwrap();
        for other in Rule::ALL {
            assert_eq!(rules.enabled(other), other != rule, "{rule} off, {other}");
        }
    }
}

#[test]
fn set_enabled_reaches_every_rule() {
    let mut rules = RuleConfig::default();
    for rule in Rule::ALL {
        rules.set_enabled(rule, false);
        assert!(!rules.enabled(rule), "{rule}");
    }
    assert!(Rule::ALL.iter().all(|&r| !rules.enabled(r)));
}

#[test]
fn dotted_keys_and_inline_tables_are_the_same_settings() {
    let expected = parse("[rules.min_alignment]\nsimilarity = 0.5\n").unwrap();
    assert_eq!(expected.min_alignment.similarity, 0.5);
    assert_eq!(
        parse("rules.min_alignment.similarity = 0.5\n").unwrap(),
        expected
    );
    assert_eq!(
        parse("[rules]\nmin_alignment = { similarity = 0.5 }\n").unwrap(),
        expected
    );
}

#[test]
fn limit_accepts_a_count_or_unlimited_and_rejects_negative() {
    let rules = parse("[rules.max_omitted_facts]\nnumber = \"unlimited\"\ndate = 3\n").unwrap();
    assert_eq!(rules.max_omitted_facts.number, Limit::Unlimited);
    assert_eq!(rules.max_omitted_facts.date, Limit::AtMost(3));
    let text = error("[rules.max_omitted_facts]\nnumber = -1\n");
    assert!(
        text.starts_with("newsdiff.toml:2:10: rules.max_omitted_facts.number: "),
        "{text}"
    );
    assert!(text.contains("\"unlimited\""), "{text}");
    assert!(parse("[rules.max_omitted_facts]\nnumber = \"lots\"\n").is_err());
}

#[test]
fn similarity_may_be_written_as_a_whole_number() {
    let rules = parse("[rules.min_alignment]\nsimilarity = 1\n").unwrap();
    assert_eq!(rules.min_alignment.similarity, 1.0);
}

#[test]
fn unknown_key_names_file_line_column_and_its_table() {
    assert_eq!(
        error("[rules.min_alignment]\nsimilarty = 0.5\n"),
        "newsdiff.toml:2:1: rules.min_alignment.similarty: \
         unknown field `similarty`, expected `enabled` or `similarity`"
    );
}

#[test]
fn unknown_rule_and_unknown_top_level_table_are_named() {
    let text = error("\n[rules.no_such_rule]\nenabled = true\n");
    assert!(
        text.starts_with("newsdiff.toml:2:8: rules.no_such_rule: unknown field `no_such_rule`"),
        "{text}"
    );
    let text = error("[rule.min_alignment]\n");
    assert!(
        text.starts_with("newsdiff.toml:1:2: rule: unknown field `rule`"),
        "{text}"
    );
}

#[test]
fn wrong_type_names_file_line_column_and_key() {
    assert_eq!(
        error("[rules.no_changed_number]\nenabled = \"yes\"\n"),
        "newsdiff.toml:2:11: rules.no_changed_number.enabled: \
         invalid type: string \"yes\", expected a boolean"
    );
    // A table where a value belongs, and a value where a table belongs.
    let text = error("rules = 3\n");
    assert!(
        text.starts_with("newsdiff.toml:1:9: rules: invalid type"),
        "{text}"
    );
    let text = error("[rules]\nmin_alignment = true\n");
    assert!(
        text.starts_with("newsdiff.toml:2:17: rules.min_alignment: invalid type"),
        "{text}"
    );
}

#[test]
fn out_of_range_similarity_names_file_line_column_and_key() {
    assert_eq!(
        error("# strict\n[rules.min_alignment]\nsimilarity = 1.5\n"),
        "newsdiff.toml:3:14: rules.min_alignment.similarity: must be between 0 and 1, got 1.5"
    );
    assert!(error("[rules.min_alignment]\nsimilarity = -0.1\n").contains("got -0.1"));
    assert!(error("[rules.min_alignment]\nsimilarity = nan\n").contains("got NaN"));
}

#[test]
fn key_path_is_exact_for_dotted_keys_and_inline_tables() {
    // The key comes from the deserializer, not from reading the line back,
    // so it is right however the file spells the table.
    let text = error("[rules]\nmin_alignment = { similarity = 2 }\n");
    assert!(
        text.starts_with("newsdiff.toml:2:32: rules.min_alignment.similarity: must be between"),
        "{text}"
    );
    let text = error("[rules]\nno_changed_number.enabld = true\n");
    assert!(
        text.starts_with("newsdiff.toml:2:19: rules.no_changed_number.enabld: unknown field"),
        "{text}"
    );
}

#[test]
fn syntax_error_is_one_line_with_its_place() {
    let text = error("[rules.min_alignment\nsimilarity = 0.5\n");
    assert!(text.starts_with("newsdiff.toml:1:"), "{text}");
    let text = error("[rules.min_alignment]\nsimilarity = 0.5\nsimilarity = 0.6\n");
    assert!(text.starts_with("newsdiff.toml:3:1: "), "{text}");
}

#[test]
fn place_counts_characters_not_bytes() {
    assert_eq!(line_column("a = \"é\"\nb", 9), (2, 1));
    assert_eq!(line_column("x = \"éé\" y", 10), (1, 9));
    // Inside a character, or past the end: no panic, the nearest place.
    assert_eq!(line_column("é", 1), (1, 1));
    assert_eq!(line_column("ab", 99), (1, 3));
}

#[test]
fn unreadable_file_names_the_file() {
    let err = load_config(Path::new("/no/such/newsdiff.toml")).unwrap_err();
    assert_eq!(err.place, None);
    assert!(
        err.to_string().starts_with("/no/such/newsdiff.toml: "),
        "{err}"
    );
}

#[test]
fn config_file_is_found_in_a_parent_folder() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/check_config");
    assert_eq!(
        find_config(&root.join("nested/deeper")),
        Some(root.join(CONFIG_FILE))
    );
}

#[test]
fn wrong_type_for_a_table_says_what_belongs_there() {
    // Not a Rust type name ("struct Toggle"): the words a file writer knows.
    let text = error("[rules]\nno_changed_number = false\n");
    assert!(
        text.ends_with("invalid type: boolean `false`, expected a table such as `enabled = true`"),
        "{text}"
    );
    assert!(!error("rules = 3\n").contains("struct"));
}
