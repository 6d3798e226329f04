//! The README's commands run as written (issue 14): every `sh` and
//! `console` block is read, each newsdiff command in it is run on the files
//! it names, and a `console` block's shown output must be what the command
//! prints. Commands too slow for the test suite are listed in `SLOW` and
//! only checked to name files that exist.

mod common;
use common::{newsdiff_cmd, ROOT};
use std::path::Path;

/// Command prefixes the suite does not run: building release binaries,
/// the test suite itself, the benchmark and the evaluation harness (CI runs
/// `cargo test`; `tests/eval_smoke.rs` runs the harness on small input).
const SLOW: &[&str] = &[
    "cargo test",
    "cargo run --release --bin newsdiff-eval",
    "cargo run --release --example",
    "scripts/bench",
    "NEWSDIFF=",
];

/// (block language, lines) of every fenced `sh` / `console` block.
fn blocks(readme: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in readme.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(lang)) if lang == "sh" || lang == "console" => {
                current = Some((lang.to_string(), Vec::new()))
            }
            (Some(_), Some("")) => out.extend(current.take()),
            (Some((_, lines)), _) => lines.push(line.to_string()),
            _ => {}
        }
    }
    out
}

/// A command line without its comment and output redirection, as words.
fn words(command: &str) -> Vec<String> {
    let command = command.split(" # ").next().unwrap_or(command);
    let command = command.split(" > ").next().unwrap_or(command);
    command.split_whitespace().map(str::to_string).collect()
}

/// The newsdiff arguments of a README command, `None` for other tools.
fn newsdiff_args(command: &str) -> Option<Vec<String>> {
    let words = words(command);
    let rest = match words.first().map(String::as_str) {
        Some("newsdiff") => &words[1..],
        Some("cargo")
            if words.get(1..4) == Some(&["run".into(), "--release".into(), "--".into()]) =>
        {
            &words[4..]
        }
        _ => return None,
    };
    // Globs as a shell expands them: only `*.txt` in one folder is used.
    let mut args = Vec::new();
    for word in rest {
        match word.strip_suffix("*.txt") {
            Some(folder) => {
                let mut files: Vec<String> = std::fs::read_dir(Path::new(ROOT).join(folder))
                    .unwrap()
                    .map(|e| format!("{folder}{}", e.unwrap().file_name().to_string_lossy()))
                    .filter(|f| f.ends_with(".txt"))
                    .collect();
                files.sort();
                args.extend(files);
            }
            None => args.push(word.clone()),
        }
    }
    Some(args)
}

#[test]
fn every_readme_command_runs_as_written() {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let mut ran = 0;
    for (lang, lines) in blocks(&readme) {
        let mut i = 0;
        while i < lines.len() {
            let line = &lines[i];
            let command = match lang.as_str() {
                "console" => match line.strip_prefix("$ ") {
                    Some(c) => c,
                    None => {
                        i += 1;
                        continue;
                    }
                },
                _ => line.as_str(),
            };
            // What a console block shows after the command, up to the next one.
            let shown: Vec<&str> = lines[i + 1..]
                .iter()
                .take_while(|l| lang == "console" && !l.starts_with("$ "))
                .map(String::as_str)
                .collect();
            i += 1 + shown.len();
            if command.trim().is_empty() || SLOW.iter().any(|s| command.starts_with(s)) {
                continue;
            }
            let args = newsdiff_args(command)
                .unwrap_or_else(|| panic!("README command not covered here: {command}"));
            for arg in args
                .iter()
                .filter(|a| a.contains('/') && !a.starts_with('-'))
            {
                assert!(
                    Path::new(ROOT).join(arg).exists(),
                    "{command}: no file {arg}"
                );
            }
            let output = newsdiff_cmd().args(&args).output().unwrap();
            let code = output.status.code();
            assert!(
                code == Some(0) || code == Some(1),
                "{command}: exit {code:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            if !shown.is_empty() {
                let printed = String::from_utf8_lossy(&output.stdout);
                assert_eq!(printed.trim_end(), shown.join("\n"), "{command}");
            }
            ran += 1;
        }
    }
    assert!(ran >= 5, "only {ran} README commands found");
}
