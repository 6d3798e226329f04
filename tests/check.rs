//! `newsdiff check`: one passing and one failing fixture per rule, config
//! file discovery and precedence, and exit statuses.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(case: &str) -> (String, String) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(case);
    let path = |side: &str| dir.join(side).to_string_lossy().into_owned();
    (path("left.txt"), path("right.txt"))
}

fn config_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/check_config")
}

fn newsdiff_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsdiff"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run newsdiff")
}

/// Runs `check` on a fixture with built-in defaults and extra flags.
fn check(case: &str, flags: &[&str]) -> Output {
    let (left, right) = fixture(case);
    let mut args = vec!["check", "--no-config"];
    args.extend_from_slice(flags);
    args.extend([left.as_str(), right.as_str()]);
    newsdiff_in(Path::new(env!("CARGO_MANIFEST_DIR")), &args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The pass fixture passes `rule` alone (exit 0); the fail fixture fails it
/// (exit 1) with one line naming the rule, a file:line:column and both texts.
fn rule_case(rule: &str, case: &str, expected_texts: &[&str]) {
    let pass = check(&format!("check_{case}_pass"), &["--only", rule]);
    assert_eq!(
        pass.status.code(),
        Some(0),
        "{rule} pass: {}",
        stdout(&pass)
    );
    assert!(stdout(&pass).contains("all 1 rules passed"));

    let fail = check(&format!("check_{case}_fail"), &["--only", rule]);
    let text = stdout(&fail);
    assert_eq!(fail.status.code(), Some(1), "{rule} fail: {text}");
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
    assert!(text.lines().last().unwrap().contains("1 of 1 rules failed"));
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
    let out = check(
        "check_certainty_fail",
        &["--only", "no_certainty_change", "--certainty", "stronger"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn omitted_entity_allowed_by_default_but_not_when_limited() {
    let out = check(
        "check_omitted_pass",
        &["--only", "max_omitted_facts", "--max-omitted", "entity=0"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("entity omitted"));
}

#[test]
fn similarity_threshold_flag_fails_a_paraphrase() {
    let out = check("check_alignment_pass", &["--min-alignment", "0.99"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("min_alignment: aligned with similarity"));
}

#[test]
fn disabled_rule_does_not_fail() {
    let out = check("check_quote_fail", &["--disable", "no_altered_quote"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn json_adds_rules_to_the_v1_document() {
    let out = check("check_number_fail", &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["version"], 1);
    let rules = doc["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 9);
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
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = newsdiff_in(
        root,
        &[
            "check",
            "--no-config",
            "fixtures/seed/000_25f73cc4789ee869.txt",
            "fixtures/seed/001_a074dd1f99a3bdcb.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
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
    let deeper = config_dir().join("nested/deeper");
    let out = newsdiff_in(&deeper, &["check", &left, &right]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
}

#[test]
fn flag_wins_over_config_file() {
    let (left, right) = fixture("check_certainty_fail");
    let deeper = config_dir().join("nested/deeper");
    let out = newsdiff_in(
        &deeper,
        &["check", "--enable", "no_certainty_change", &left, &right],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));

    let (left, right) = fixture("check_omitted_fail");
    let out = newsdiff_in(&deeper, &["check", &left, &right]);
    assert_eq!(out.status.code(), Some(0), "file allows 5 omitted numbers");
    let out = newsdiff_in(
        &deeper,
        &["check", "--max-omitted", "number=0", &left, &right],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
}

#[test]
fn no_config_ignores_the_discovered_file() {
    let (left, right) = fixture("check_certainty_fail");
    let deeper = config_dir().join("nested/deeper");
    let out = newsdiff_in(&deeper, &["check", "--no-config", &left, &right]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn explicit_config_path_replaces_discovery() {
    let (left, right) = fixture("check_alignment_pass");
    let strict = config_dir().join("strict.toml");
    let deeper = config_dir().join("nested/deeper");
    let out = newsdiff_in(
        &deeper,
        &["check", "--config", strict.to_str().unwrap(), &left, &right],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(stdout(&out).contains("min_alignment"));
}

fn config_error(file: &str) -> String {
    let (left, right) = fixture("check_quote_pass");
    let path = config_dir().join(file);
    let out = newsdiff_in(
        &config_dir(),
        &["check", "--config", path.to_str().unwrap(), &left, &right],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    stderr
}

#[test]
fn unknown_config_key_is_an_error_naming_it() {
    let stderr = config_error("bad_key.toml");
    assert!(stderr.contains("bad_key.toml:2:1"), "{stderr}");
    assert!(stderr.contains("rules.min_alignment.similarty"), "{stderr}");
}

#[test]
fn bad_config_value_is_an_error_naming_the_key() {
    let stderr = config_error("bad_value.toml");
    assert!(
        stderr.contains("rules.no_changed_number.enabled"),
        "{stderr}"
    );
    let stderr = config_error("bad_range.toml");
    assert!(
        stderr.contains("rules.min_alignment.similarity: must be between 0 and 1"),
        "{stderr}"
    );
}

#[test]
fn missing_config_file_is_trouble() {
    let out = check("check_quote_pass", &[]);
    assert_eq!(out.status.code(), Some(0));
    let (left, right) = fixture("check_quote_pass");
    let out = newsdiff_in(
        &config_dir(),
        &["check", "--config", "/no/such/newsdiff.toml", &left, &right],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn bad_rule_flags_exit_2() {
    assert_eq!(
        check("check_quote_pass", &["--enable", "no_such_rule"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        check("check_quote_pass", &["--max-omitted", "planet=1"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        check("check_quote_pass", &["--min-alignment", "2"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn default_usage_still_compares_and_a_file_named_check_is_reachable() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (left, right) = fixture("check_number_fail");
    let out = newsdiff_in(root, &[&left, &right]);
    assert_eq!(out.status.code(), Some(1));
    let dir = std::env::temp_dir().join(format!("newsdiff-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(&left, dir.join("check")).unwrap();
    let out = newsdiff_in(&dir, &["./check", "./check"]);
    assert_eq!(out.status.code(), Some(0), "{:?}", out);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn completions_and_man_page_come_from_the_clap_definition() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = newsdiff_in(root, &["generate", "completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(stdout(&out).contains("min-alignment"), "{shell}");
    }
    let man = newsdiff_in(root, &["generate", "man"]);
    assert_eq!(man.status.code(), Some(0));
    assert!(stdout(&man).starts_with(".ie"));
    assert!(stdout(&man).contains(".TH newsdiff 1"));
    // Hidden: not offered in --help.
    let help = stdout(&newsdiff_in(root, &["--help"]));
    assert!(
        help.contains("check") && !help.contains("generate"),
        "{help}"
    );
}
