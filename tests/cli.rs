//! The command line a newcomer meets: what `--help` and the man page
//! document, and the one-line errors for flags that cannot work.

mod common;
use common::{assert_trouble, fixture, json, newsdiff_cmd, scratch, text, LEFT, RIGHT, ROOT};
use predicates::prelude::*;
use std::path::Path;

/// Every rule name, as `check --format json` reports them (from the same
/// rule list the help is built from, but through the checker, not the help).
fn rule_names() -> Vec<String> {
    let (left, right) = fixture("check_quote_pass");
    let out = newsdiff_cmd()
        .args(["check", "--no-config", "--format", "json", &left, &right])
        .assert();
    json(&out)["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["rule"].as_str().unwrap().to_string())
        .collect()
}

fn man_page() -> String {
    text(&newsdiff_cmd().args(["generate", "man"]).assert().code(0))
}

#[test]
fn help_offers_every_subcommand_generate_included() {
    let help = text(&newsdiff_cmd().arg("--help").assert().code(0));
    for command in ["check", "batch", "generate"] {
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(&format!("{command} "))),
            "{command} missing from --help:\n{help}"
        );
    }
    let generate = text(&newsdiff_cmd().args(["generate", "--help"]).assert().code(0));
    assert!(generate.contains("completions") && generate.contains("man"));
}

#[test]
fn check_help_lists_every_rule_by_name() {
    let names = rule_names();
    assert_eq!(names.len(), 10);
    for flag in ["-h", "--help"] {
        let help = text(&newsdiff_cmd().args(["check", flag]).assert().code(0));
        for name in &names {
            // One line per rule: its name, then what it asks for.
            assert!(
                help.lines()
                    .any(|l| l.trim_start().starts_with(&format!("{name} "))),
                "check {flag} does not list {name}:\n{help}"
            );
        }
    }
    // batch --check takes the same rule flags, so it lists them too.
    let help = text(&newsdiff_cmd().args(["batch", "--help"]).assert().code(0));
    assert!(names.iter().all(|n| help.contains(n.as_str())));
}

#[test]
fn man_page_has_exit_status_rules_and_config_file() {
    let page = man_page();
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        ".SH COMMANDS",
        ".SH RULES",
        ".SH FILES",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(section), "{section} missing");
    }
    for command in ["newsdiff check", "newsdiff batch", "newsdiff generate"] {
        assert!(page.contains(&format!(".SS \"{command}\"")), "{command}");
    }
    assert!(page.contains("newsdiff generate completions SHELL"));
    let rules = &page[page.find(".SH RULES").unwrap()..page.find(".SH FILES").unwrap()];
    for name in rule_names() {
        assert!(rules.contains(&format!("\\fB{name}\\fR")), "{name}");
    }
    // roff writes "-" as "\-".
    let files = page[page.find(".SH FILES").unwrap()..].replace("\\-", "-");
    assert!(files.contains("newsdiff.toml") && files.contains("parent folder"));
    assert!(files.contains("--config") && files.contains("--no-config"));
    let status = &page[page.find(".SH \"EXIT STATUS\"").unwrap()..];
    for code in ["\\fB0\\fR", "\\fB1\\fR", "\\fB2\\fR"] {
        assert!(status.contains(code), "exit status {code}");
    }
}

#[test]
fn man_page_names_no_page_that_is_not_generated() {
    // `generate man` makes one page, newsdiff(1); clap_mangen's default
    // SUBCOMMANDS section pointed at newsdiff-check(1) and others.
    let page = man_page().replace("\\-", "-");
    let generated = ["newsdiff"];
    let mut rest = page.as_str();
    while let Some(at) = rest.find("newsdiff") {
        let after = &rest[at..];
        let name: String = after
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if after[name.len()..].starts_with('(') {
            assert!(
                generated.contains(&name.as_str()),
                "{name}(…) is not generated"
            );
        }
        rest = &after["newsdiff".len()..];
    }
    assert!(!page.contains("newsdiff-check"));
    // And groff reads it without complaint, when groff is there.
    if let Ok(out) = std::process::Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().unwrap().write_all(page.as_bytes())?;
            child.wait_with_output()
        })
    {
        assert!(
            out.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn only_and_disable_of_the_same_rule_leave_nothing_to_run() {
    let (left, right) = fixture("check_quote_pass");
    let out = newsdiff_cmd()
        .args(["check", "--no-config", "--only", "no_altered_quote"])
        .args(["--disable", "no-altered-quote", &left, &right])
        .assert();
    assert_trouble(out, &["no rule left to run", "no_altered_quote"]);
    // Every rule off by --disable alone is the same trouble.
    let all = rule_names().join(",");
    let out = newsdiff_cmd()
        .args(["check", "--no-config", "--disable", &all, &left, &right])
        .assert();
    assert_trouble(out, &["no rule left to run", "--disable"]);
}

#[test]
fn a_config_file_that_turns_every_rule_off_is_trouble() {
    let dir = scratch("cli", "config_all_off");
    let config = dir.join("newsdiff.toml");
    let off: String = rule_names()
        .iter()
        .map(|r| format!("[rules.{r}]\nenabled = false\n"))
        .collect();
    std::fs::write(&config, off).unwrap();
    let (left, right) = fixture("check_quote_pass");
    let out = newsdiff_cmd()
        .current_dir(&dir)
        .args(["check", &left, &right])
        .assert();
    assert_trouble(
        out,
        &["no rule left to run", "newsdiff.toml turns every rule off"],
    );
    // One rule back on is a check again.
    newsdiff_cmd()
        .current_dir(&dir)
        .args(["check", "--enable", "min_alignment", &left, &right])
        .assert()
        .code(0);
}

#[test]
fn missing_config_file_cannot_be_read() {
    let (left, right) = fixture("check_quote_pass");
    let dir = scratch("cli", "missing_config");
    let out = newsdiff_cmd()
        .current_dir(&dir)
        .args(["check", "--config", "missing.toml", &left, &right])
        .assert();
    let line = assert_trouble(
        out,
        &[
            "cannot read config missing.toml: ",
            "No such file or directory",
        ],
    );
    assert!(line.starts_with("newsdiff: cannot read config"), "{line}");
    // batch --check reads it the same way.
    let out = newsdiff_cmd()
        .current_dir(&dir)
        .args(["batch", "--check", "--config", "missing.toml", "-"])
        .write_stdin("")
        .assert();
    assert_trouble(out, &["cannot read config missing.toml"]);
}

#[test]
fn max_bytes_takes_k_m_and_g_in_powers_of_1024() {
    let size = std::fs::metadata(LEFT).unwrap().len();
    assert!(
        size > 1024 && size < 20 * 1024,
        "the seed is a few KiB: {size}"
    );
    // 1k = 1024 bytes: too small for the seed, named as such.
    assert_trouble(
        newsdiff_cmd()
            .args(["--max-bytes", "1k", LEFT, RIGHT])
            .assert(),
        &["size limit of 1024 bytes"],
    );
    newsdiff_cmd()
        .args(["--max-bytes", "20k", LEFT, RIGHT])
        .assert()
        .code(1);
    for size in ["50M", "1G", "1g", "52428800"] {
        newsdiff_cmd()
            .args(["--max-bytes", size, LEFT, LEFT])
            .assert()
            .code(0);
    }
    // check and batch read it the same way.
    let (left, right) = fixture("check_quote_pass");
    newsdiff_cmd()
        .args(["check", "--no-config", "--max-bytes", "2M", &left, &right])
        .assert()
        .code(0);
}

#[test]
fn junk_max_bytes_is_one_line_saying_what_is_accepted() {
    for junk in ["lots", "1.5M", "10T", "-5"] {
        assert_trouble(
            newsdiff_cmd()
                .args([&format!("--max-bytes={junk}"), LEFT, RIGHT])
                .assert(),
            &["--max-bytes", junk, "not a size", "10k or 50M"],
        );
    }
    assert_trouble(
        newsdiff_cmd()
            .args(["batch", "--max-bytes", "big", "-"])
            .write_stdin("")
            .assert(),
        &["--max-bytes", "not a size"],
    );
}

#[test]
fn help_documents_max_bytes_units_and_its_default() {
    let help = text(&newsdiff_cmd().arg("--help").assert().code(0));
    assert!(help.contains("powers of 1024"), "{help}");
    assert!(help.contains("[default: 50M]"), "{help}");
}

/// Four attributed quotes, and the same story with every quotation mark
/// stripped, as a plain-text export does.
const QUOTED: &str = "Talks set for Friday\n\n\
    Putin said on Monday: \u{201c}We will talk to them in Geneva.\u{201d}\n\n\
    \u{201c}We are ready for a long negotiation,\u{201d} Lavrov told reporters.\n\n\
    \"It is time to end the war,\" the envoy said in a statement.\n\n\
    Peskov said: \u{201c}No date has been set for a second round.\u{201d}\n";

fn stripped() -> String {
    QUOTED.replace(['\u{201c}', '\u{201d}', '"'], "")
}

#[test]
fn a_side_without_quotation_marks_against_many_quotes_warns_once() {
    let dir = scratch("cli", "stripped_quotes");
    std::fs::write(dir.join("wire.txt"), QUOTED).unwrap();
    std::fs::write(dir.join("site.txt"), stripped()).unwrap();
    let out = newsdiff_cmd()
        .current_dir(&dir)
        .args(["--format", "json", "wire.txt", "site.txt"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(
            "newsdiff: warning: site.txt has no quotation marks at all while wire.txt has"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("made indirect"), "{stderr}");
    // The report on stdout says it too, for scripts (an additive field).
    let report = json(&out);
    assert_eq!(report["version"], 1);
    let warnings = report["warnings"].as_array().expect("warnings");
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0]["kind"], "quotation_marks_missing");
    assert_eq!(warnings[0]["side"], "right");
    assert!(stderr.contains(warnings[0]["message"].as_str().unwrap()));

    // check warns too; the other way round the quotes read as added.
    let out = newsdiff_cmd()
        .current_dir(&dir)
        .args(["check", "--no-config", "site.txt", "wire.txt"])
        .assert();
    out.stderr(predicate::str::starts_with(
        "newsdiff: warning: site.txt has no quotation marks",
    ))
    .stderr(predicate::str::contains("added"));
}

#[test]
fn quoted_pairs_and_the_seed_give_no_warning() {
    newsdiff_cmd()
        .args([LEFT, RIGHT])
        .assert()
        .code(1)
        .stderr(predicate::str::is_empty());
    let dir = scratch("cli", "both_quoted");
    std::fs::write(dir.join("a.txt"), QUOTED).unwrap();
    std::fs::write(dir.join("b.txt"), stripped()).unwrap();
    newsdiff_cmd()
        .current_dir(&dir)
        .args(["a.txt", "a.txt"])
        .assert()
        .code(0)
        .stderr(predicate::str::is_empty());
    newsdiff_cmd()
        .current_dir(&dir)
        .args(["b.txt", "b.txt"])
        .assert()
        .code(0)
        .stderr(predicate::str::is_empty());
}

#[test]
fn fixture_manifests_run_from_any_folder() {
    let elsewhere = scratch("cli", "elsewhere");
    for manifest in ["same.jsonl", "broken-middle.jsonl"] {
        let path = Path::new(ROOT).join("fixtures/batch").join(manifest);
        let out = newsdiff_cmd()
            .current_dir(&elsewhere)
            .args(["batch", path.to_str().unwrap()])
            .assert();
        let stdout = text(&out);
        let compared = stdout
            .lines()
            .filter(|l| l.contains("\"version\":1"))
            .count();
        let expected = if manifest == "same.jsonl" { 2 } else { 3 };
        assert_eq!(compared, expected, "{manifest}:\n{stdout}");
    }
}

/// clap's usage errors (a bad value, an unknown flag, a missing file
/// argument) are one line on stderr and exit 2, as every other error.
#[test]
fn usage_errors_are_one_line() {
    for (args, needle) in [
        (
            vec!["--format", "yaml", LEFT, RIGHT],
            "invalid value 'yaml' for '--format",
        ),
        (
            vec!["--bogus", LEFT, RIGHT],
            "unexpected argument '--bogus'",
        ),
        (vec![LEFT], "required arguments were not provided"),
        (
            vec!["check", "--only", "nope", LEFT, RIGHT],
            "unknown rule \"nope\"",
        ),
    ] {
        assert_trouble(newsdiff_cmd().args(&args).assert(), &["newsdiff: ", needle]);
    }
}

/// Help and version are still printed in full, to stdout, exit 0.
#[test]
fn help_and_version_are_not_errors() {
    newsdiff_cmd()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("newsdiff "));
    newsdiff_cmd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage:"));
}
