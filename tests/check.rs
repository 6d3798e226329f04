//! `newsdiff check`: one passing and one failing fixture per rule, config
//! file discovery and precedence, and exit statuses.

mod common;
use assert_cmd::assert::Assert;
use common::{assert_trouble, fixture, json, newsdiff_cmd, scratch, text, ROOT};
use predicates::prelude::*;
use std::path::{Path, PathBuf};

fn config_dir() -> PathBuf {
    Path::new(ROOT).join("fixtures/check_config")
}

/// Where discovery finds `fixtures/check_config/newsdiff.toml` by walking up.
fn deeper() -> PathBuf {
    config_dir().join("nested/deeper")
}

/// Runs `check` on a fixture with built-in defaults and extra flags.
fn check(case: &str, flags: &[&str]) -> Assert {
    let (left, right) = fixture(case);
    newsdiff_cmd()
        .args(["check", "--no-config"])
        .args(flags)
        .args([left, right])
        .assert()
}

/// Runs `check` from `dir` (so config discovery starts there).
fn check_in(dir: &Path, args: &[&str]) -> Assert {
    newsdiff_cmd()
        .current_dir(dir)
        .arg("check")
        .args(args)
        .assert()
}

/// The pass fixture passes `rule` alone (exit 0); the fail fixture fails it
/// (exit 1) with one line naming the rule, a file:line:column and both texts.
fn rule_case(rule: &str, case: &str, expected_texts: &[&str]) {
    check(&format!("check_{case}_pass"), &["--only", rule])
        .code(0)
        .stdout(predicate::str::contains("1 rule passed"));

    let fail = check(&format!("check_{case}_fail"), &["--only", rule]).code(1);
    let text = text(&fail);
    let line = text
        .lines()
        .find(|l| l.contains(&format!(": {rule}: ")))
        .unwrap_or_else(|| panic!("no failure line for {rule}: {text}"));
    let location = format!("check_{case}_fail/");
    assert!(line.contains(&location), "{line}");
    assert!(
        line.split(": ").next().unwrap().split(':').count() >= 3,
        "file:line:column expected: {line}"
    );
    for expected in expected_texts {
        assert!(line.contains(expected), "{expected:?} missing from {line}");
    }
    assert!(text
        .lines()
        .last()
        .unwrap()
        .contains("1 rule failed with 1 failure"));
}

#[test]
fn no_altered_quote() {
    rule_case(
        "no_altered_quote",
        "quote",
        &[
            "\"This bridge will carry",
            "\"This bridge is going to carry",
        ],
    );
}

#[test]
fn no_changed_number() {
    rule_case(
        "no_changed_number",
        "number",
        &["\"12 million\" → \"15 million\""],
    );
}

#[test]
fn no_polarity_change() {
    rule_case(
        "no_polarity_change",
        "polarity",
        &[
            "statement turned into its denial or opposite",
            "\"assembly approved\" → \"assembly did not approve\"",
        ],
    );
}

#[test]
fn no_speaker_change() {
    rule_case("no_speaker_change", "speaker", &["Kovacs", "Peter Lang"]);
}

#[test]
fn no_attribution_dropped() {
    rule_case(
        "no_attribution_dropped",
        "dropped",
        &["Mayor Anna Kovacs said.\" → \"The city council"],
    );
}

#[test]
fn no_certainty_change() {
    rule_case(
        "no_certainty_change",
        "certainty",
        &["weaker", "\"say\" (neutral)", "\"claim\" (weaker)"],
    );
}

#[test]
fn source_credit_kept() {
    rule_case(
        "source_credit_kept",
        "credit",
        &["\"AFP\"", "\"By AFP\" → \"By Jane Doe\""],
    );
}

#[test]
fn max_omitted_facts() {
    rule_case(
        "max_omitted_facts",
        "omitted",
        &["number omitted", "\"12 million\" → (none)"],
    );
}

#[test]
fn min_alignment() {
    rule_case(
        "min_alignment",
        "alignment",
        &["no aligned partner", "Construction will cost"],
    );
}

#[test]
fn certainty_direction_flag_limits_the_rule() {
    // "said" → "claimed" is weaker: only --certainty stronger lets it pass.
    check(
        "check_certainty_fail",
        &["--only", "no_certainty_change", "--certainty", "stronger"],
    )
    .code(0);
}

#[test]
fn omitted_entity_allowed_by_default_but_not_when_limited() {
    check(
        "check_omitted_pass",
        &["--only", "max_omitted_facts", "--max-omitted", "entity=0"],
    )
    .code(1)
    .stdout(predicate::str::contains("entity omitted"));
}

#[test]
fn similarity_threshold_flag_fails_a_paraphrase() {
    check("check_alignment_pass", &["--min-alignment", "0.99"])
        .code(1)
        .stdout(predicate::str::contains(
            "min_alignment: aligned with similarity",
        ));
}

#[test]
fn disabled_rule_does_not_fail() {
    check("check_quote_fail", &["--disable", "no_altered_quote"]).code(0);
}

#[test]
fn json_adds_rules_to_the_v1_document() {
    let doc = json(&check("check_number_fail", &["--format", "json"]).code(1));
    assert_eq!(doc["version"], 1);
    let rules = doc["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 10);
    let number = rules
        .iter()
        .find(|r| r["rule"] == "no_changed_number")
        .unwrap();
    assert_eq!(number["passed"], false);
    let failure = &number["failures"][0];
    assert_eq!(failure["left_text"], "12 million");
    assert_eq!(failure["right_text"], "15 million");
    assert_eq!(failure["location"]["line"], 9);
    assert_eq!(failure["left"]["index"], failure["right"]["index"]);
}

#[test]
fn seed_pair_fails_the_expected_rules() {
    let out = check_in(
        Path::new(ROOT),
        &[
            "--no-config",
            "fixtures/seed/000_25f73cc4789ee869.txt",
            "fixtures/seed/001_a074dd1f99a3bdcb.txt",
        ],
    )
    .code(1);
    let text = text(&out);
    for rule in [
        "no_altered_quote",
        "no_certainty_change",
        "max_omitted_facts",
    ] {
        assert!(text.contains(&format!(": {rule}: ")), "{rule}: {text}");
    }
    assert!(text.contains("\"14,000\" → (none)"), "{text}");
}

// Config file discovery and precedence: defaults < newsdiff.toml < flags.

#[test]
fn config_file_is_found_in_a_parent_folder() {
    let (left, right) = fixture("check_certainty_fail");
    check_in(&deeper(), &[&left, &right]).code(0);
}

#[test]
fn flag_wins_over_config_file() {
    let (left, right) = fixture("check_certainty_fail");
    check_in(
        &deeper(),
        &["--enable", "no_certainty_change", &left, &right],
    )
    .code(1);

    let (left, right) = fixture("check_omitted_fail");
    // The file allows 5 omitted numbers.
    check_in(&deeper(), &[&left, &right]).code(0);
    check_in(&deeper(), &["--max-omitted", "number=0", &left, &right]).code(1);
}

#[test]
fn no_config_ignores_the_discovered_file() {
    let (left, right) = fixture("check_certainty_fail");
    check_in(&deeper(), &["--no-config", &left, &right]).code(1);
}

#[test]
fn explicit_config_path_replaces_discovery() {
    let (left, right) = fixture("check_alignment_pass");
    let strict = config_dir().join("strict.toml");
    check_in(
        &deeper(),
        &["--config", strict.to_str().unwrap(), &left, &right],
    )
    .code(1)
    .stdout(predicate::str::contains("min_alignment"));
}

/// The one-line error of `check --config fixtures/check_config/<file>`.
fn config_error(file: &str, needles: &[&str]) -> String {
    let (left, right) = fixture("check_quote_pass");
    let path = config_dir().join(file);
    assert_trouble(
        check_in(
            &config_dir(),
            &["--config", path.to_str().unwrap(), &left, &right],
        ),
        needles,
    )
}

#[test]
fn unknown_config_key_is_an_error_naming_file_line_column_and_key() {
    config_error(
        "bad_key.toml",
        &["bad_key.toml:2:1: rules.min_alignment.similarty: unknown field `similarty`"],
    );
}

#[test]
fn wrong_config_type_is_an_error_naming_file_line_column_and_key() {
    config_error(
        "bad_value.toml",
        &["bad_value.toml:2:11: rules.no_changed_number.enabled: invalid type"],
    );
}

#[test]
fn out_of_range_config_value_is_an_error_naming_file_line_column_and_key() {
    config_error(
        "bad_range.toml",
        &["bad_range.toml:2:14: rules.min_alignment.similarity: must be between 0 and 1"],
    );
}

#[test]
fn missing_config_file_is_trouble() {
    check("check_quote_pass", &[]).code(0);
    let (left, right) = fixture("check_quote_pass");
    assert_trouble(
        check_in(
            &config_dir(),
            &["--config", "/no/such/newsdiff.toml", &left, &right],
        ),
        &["/no/such/newsdiff.toml: "],
    );
}

#[test]
fn bad_rule_flags_exit_2() {
    check("check_quote_pass", &["--enable", "no_such_rule"]).code(2);
    check("check_quote_pass", &["--max-omitted", "planet=1"]).code(2);
    check("check_quote_pass", &["--min-alignment", "2"]).code(2);
}

#[test]
fn default_usage_still_compares_and_a_file_named_check_is_reachable() {
    let (left, right) = fixture("check_number_fail");
    newsdiff_cmd().args([&left, &right]).assert().code(1);
    let dir = scratch("check", "file_named_check");
    std::fs::copy(&left, dir.join("check")).unwrap();
    newsdiff_cmd()
        .current_dir(&dir)
        .args(["./check", "./check"])
        .assert()
        .code(0);
}

#[test]
fn completions_and_man_page_come_from_the_clap_definition() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        newsdiff_cmd()
            .args(["generate", "completions", shell])
            .assert()
            .code(0)
            .stdout(predicate::str::contains("min-alignment"));
    }
    newsdiff_cmd()
        .args(["generate", "man"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with(".ie"))
        .stdout(predicate::str::contains(".TH newsdiff 1"));
    // Offered in --help (tests/cli.rs checks the page itself).
    newsdiff_cmd()
        .arg("--help")
        .assert()
        .stdout(predicate::str::contains("check"))
        .stdout(predicate::str::contains("generate"));
}
