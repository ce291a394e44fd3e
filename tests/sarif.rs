//! `--format sarif` (docs/ci.md §1), read as code scanning reads it: one run, the driver with
//! one rule per code whose help is `rileva explain`'s text, results at the same positions as
//! `--format json` (exclusive end columns), URIs relative to the working directory, stdlib
//! labels under their own base, fingerprints that survive lines inserted above and change when
//! the flagged text changes; `diff --format sarif` of two surveys and of two standards; every log passes the SARIF Multitool's
//! `validate` with no error (npm `@microsoft/sarif-multitool`, installed in `tests/tools`).

mod common;

use common::rileva;
use rileva_compiler::diagnostics::Code;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn run_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run rileva");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

fn results(log: &Value) -> &Vec<Value> {
    log["runs"][0]["results"].as_array().expect("results")
}

#[test]
fn check_log_has_the_contract_fields_at_the_json_positions() {
    let (status, out, _) = rileva(&["check", "--format", "sarif", "tests/ui"]);
    assert_eq!(status, 1);
    let log = json(&out);
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().is_some_and(|s| s.contains("sarif")));
    assert_eq!(log["runs"].as_array().map(Vec::len), Some(1));
    let driver = &log["runs"][0]["tool"]["driver"];
    assert_eq!(driver["name"], "rileva");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    assert!(driver["informationUri"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://")));
    let rules = driver["rules"].as_array().expect("rules");
    let ids: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(ids, codes);
    for (rule, code) in rules.iter().zip(Code::ALL) {
        let (_, explained, _) = rileva(&["explain", code.as_str()]);
        assert_eq!(rule["help"]["text"], explained.as_str(), "{code}");
        assert_eq!(rule["shortDescription"]["text"], code.title());
        assert!(rule["fullDescription"]["text"]
            .as_str()
            .is_some_and(|t| !t.is_empty()));
        assert!(rule["helpUri"]
            .as_str()
            .is_some_and(|u| u.ends_with(&format!("{code}.md"))));
    }

    let (_, out, _) = rileva(&["check", "--format", "json", "tests/ui"]);
    let diagnostics = json(&out)["diagnostics"]
        .as_array()
        .cloned()
        .expect("diagnostics");
    let results = results(&log);
    assert_eq!(results.len(), diagnostics.len());
    let mut stdlib_labels = 0;
    for (r, d) in results.iter().zip(&diagnostics) {
        assert_eq!(r["ruleId"], d["code"]);
        assert_eq!(ids[r["ruleIndex"].as_u64().unwrap_or(999) as usize], d["code"]);
        assert_eq!(r["level"], d["severity"]);
        assert!(r["message"]["text"]
            .as_str()
            .is_some_and(|m| m.starts_with(d["message"].as_str().unwrap_or("?"))));
        let location = &r["locations"][0]["physicalLocation"];
        assert_eq!(
            location["artifactLocation"]["uri"], d["file"],
            "relative to the working directory"
        );
        let region = &location["region"];
        for (sarif, json) in [
            ("startLine", "line"),
            ("startColumn", "column"),
            ("endLine", "end_line"),
            ("endColumn", "end_column"),
        ] {
            assert_eq!(region[sarif], d[json], "{sarif} of {r}");
        }
        let labels = d["labels"].as_array().map_or(0, Vec::len);
        let related = r["relatedLocations"].as_array().map_or(0, Vec::len);
        assert_eq!(related, labels - 1, "secondary labels as related locations: {r}");
        for l in r["relatedLocations"].as_array().into_iter().flatten() {
            let artifact = &l["physicalLocation"]["artifactLocation"];
            if artifact["uriBaseId"] == "RILEVA_STDLIB" {
                stdlib_labels += 1;
                let uri = artifact["uri"].as_str().unwrap_or("");
                let path = format!("stdlib/{uri}");
                assert!(
                    rileva_compiler::stdlib::PACKAGES.iter().any(|p| p.path == path),
                    "{l}"
                );
            }
        }
        assert!(r["partialFingerprints"]["rileva/v1"].is_string());
    }
    assert!(stdlib_labels > 0, "a conformance label points into the stdlib");
    let base = &log["runs"][0]["originalUriBaseIds"]["RILEVA_STDLIB"]["uri"];
    assert!(base.as_str().is_some_and(|u| u.ends_with("/stdlib/")), "{base}");
}

#[test]
fn a_clean_check_is_a_log_without_results() {
    let (status, out, _) = rileva(&["check", "--format", "sarif", "examples"]);
    assert_eq!(status, 0);
    assert_eq!(json(&out)["runs"][0]["results"], serde_json::json!([]));
}

/// (ruleId, fingerprint, startLine) of every result of `check --format sarif FILE` in `dir`.
fn fingerprints(dir: &Path, file: &str) -> Vec<(String, String, u64)> {
    let (status, out) = run_in(dir, &["check", "--format", "sarif", file]);
    assert_eq!(status, 1, "{out}");
    let mut found: Vec<(String, String, u64)> = results(&json(&out))
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap_or("").to_owned(),
                r["partialFingerprints"]["rileva/v1"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned(),
                r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .unwrap_or(0),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn fingerprints_stay_when_lines_are_inserted_above() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = std::fs::read_to_string("tests/ui/R0402_locked_altered.rileva").expect("fixture");
    std::fs::write(dir.path().join("s.rileva"), &source).expect("write");
    let before = fingerprints(dir.path(), "s.rileva");
    assert!(before.len() >= 2, "{before:?}");
    let first_line = before.iter().map(|(_, _, l)| *l).min().unwrap_or(1) as usize;

    // Three lines just above the first flagged line: every result moves, none changes.
    let mut lines: Vec<&str> = source.lines().collect();
    lines.splice(first_line - 1..first_line - 1, ["", "  // Una nota / a note", ""]);
    std::fs::write(dir.path().join("s.rileva"), lines.join("\n") + "\n").expect("write");
    let after = fingerprints(dir.path(), "s.rileva");
    let strip = |v: &[(String, String, u64)]| -> Vec<(String, String)> {
        v.iter().map(|(r, f, _)| (r.clone(), f.clone())).collect()
    };
    assert_eq!(strip(&before), strip(&after));
    let moved: Vec<u64> = before.iter().map(|(_, _, l)| l + 3).collect();
    let mut lines_after: Vec<u64> = after.iter().map(|(_, _, l)| *l).collect();
    let mut expected = moved;
    lines_after.sort();
    expected.sort();
    assert_eq!(lines_after, expected, "every result is 3 lines lower");

    // Editing the flagged text itself gives that result a new fingerprint.
    let edited = source.replacen("Quanto è stato semplice", "Quanto è stato molto semplice", 1);
    assert_ne!(edited, source);
    std::fs::write(dir.path().join("s.rileva"), edited).expect("write");
    let changed = fingerprints(dir.path(), "s.rileva");
    assert_ne!(strip(&before), strip(&changed));
}

#[test]
fn diff_log_points_at_the_new_version() {
    let old = "tests/diff/sportello_v1.rileva";
    let new = "tests/diff/sportello_v1_1_breaking.rileva";
    let (status, out, _) = rileva(&["diff", "--format", "sarif", old, new]);
    assert_eq!(status, 1);
    let log = json(&out);
    let (_, report, _) = rileva(&["diff", "--format", "json", old, new]);
    let changes = json(&report)["changes"].as_array().cloned().expect("changes");
    let results = results(&log);
    assert_eq!(results.len(), changes.len());
    for (r, c) in results.iter().zip(&changes) {
        assert_eq!(r["ruleId"], c["kind"]);
        assert_eq!(r["message"]["text"], c["message"]);
        let expected = if c["kind"] == "breaking" { "error" } else { "note" };
        assert_eq!(r["level"], expected);
        assert_eq!(
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            new
        );
    }
    let (status, out, _) = rileva(&[
        "diff",
        "--format",
        "sarif",
        old,
        "tests/diff/sportello_v1_1_compatible.rileva",
    ]);
    assert_eq!(status, 0);
    assert!(results_of(&out).iter().all(|r| r["level"] == "note"));
    // A file with errors: one log with the errors of both files.
    let bad = "tests/diff/not_compiling.rileva";
    let (status, out, _) = rileva(&["diff", "--format", "sarif", bad, bad]);
    assert_eq!(status, 1);
    assert!(results_of(&out)
        .iter()
        .all(|r| r["ruleId"].as_str().is_some_and(|c| c.starts_with('R'))));
}

/// Two versions of a standard (no survey): the same log, each locked change on the new
/// file's question, as code scanning shows a survey's.
#[test]
fn diff_log_of_two_standards_points_at_the_new_file() {
    let (old, new) = (
        "tests/versions_lib/ente/cx.rileva",
        "tests/versions_lib/ente/cx_2026_1.rileva",
    );
    let (status, out, err) = rileva(&["diff", "--format", "sarif", old, new]);
    assert_eq!(status, 0, "{out}{err}");
    let (_, report, _) = rileva(&["diff", "--format", "json", old, new]);
    let changes = json(&report)["changes"].as_array().cloned().expect("changes");
    let results = results_of(&out);
    assert_eq!(results.len(), changes.len());
    assert!(!results.is_empty());
    let source = std::fs::read_to_string(new).expect("read");
    for (r, c) in results.iter().zip(&changes) {
        assert_eq!(r["ruleId"], c["kind"]);
        assert_eq!(r["message"]["text"], c["message"]);
        let location = &r["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], new);
        // The region starts on the line that declares the changed question.
        let line = location["region"]["startLine"].as_u64().expect("line") as usize;
        let question = c["question"].as_str().expect("a question");
        assert!(
            source.lines().nth(line - 1).is_some_and(|l| l.contains(question)),
            "line {line} of {new} is not question {question}"
        );
    }
}

fn results_of(out: &str) -> Vec<Value> {
    results(&json(out)).clone()
}

/// The Multitool's package, installed by `scripts/test.sh` (`npm ci` in tests/tools).
fn tools() -> PathBuf {
    multitool();
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/node_modules/@microsoft/sarif-multitool-linux")
}

/// The Multitool installed by `scripts/test.sh` (`npm ci` in tests/tools).
fn multitool() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/node_modules/.bin/sarif-multitool");
    assert!(
        path.exists(),
        "{} is missing: run `npm ci` in tests/tools (scripts/test.sh does)",
        path.display()
    );
    path
}

#[test]
fn every_log_passes_the_sarif_multitool() {
    let dir = tempfile::tempdir().expect("temp dir");
    let logs: [(&str, &[&str]); 6] = [
        ("every-code.sarif", &["check", "--format", "sarif", "tests/ui"]),
        ("examples.sarif", &["check", "--format", "sarif", "examples"]),
        (
            "breaking.sarif",
            &[
                "diff",
                "--format",
                "sarif",
                "tests/diff/sportello_v1.rileva",
                "tests/diff/sportello_v1_1_breaking.rileva",
            ],
        ),
        (
            "compatible.sarif",
            &[
                "diff",
                "--format",
                "sarif",
                "tests/diff/sportello_v1.rileva",
                "tests/diff/sportello_v1_1_compatible.rileva",
            ],
        ),
        (
            "standard.sarif",
            &[
                "diff",
                "--format",
                "sarif",
                "tests/versions_lib/ente/cx.rileva",
                "tests/versions_lib/ente/cx_2026_1.rileva",
            ],
        ),
        (
            "diff-errors.sarif",
            &[
                "diff",
                "--format",
                "sarif",
                "tests/diff/not_compiling.rileva",
                "tests/diff/sportello_v1.rileva",
            ],
        ),
    ];
    let mut files = Vec::new();
    for (name, args) in logs {
        let (_, out, err) = rileva(args);
        json(&out);
        let path = dir.path().join(name);
        std::fs::write(&path, out).unwrap_or_else(|e| panic!("{name}: {e} {err}"));
        files.push(path);
    }
    // The full SARIF 2.1.0 schema (the one the Multitool ships), every nested object.
    let schema = json(&std::fs::read_to_string(tools().join("sarif-2.1.0.json")).expect("the SARIF schema"));
    let validator = jsonschema::draft202012::new(&schema).expect("a valid schema");
    for file in &files {
        let log = json(&std::fs::read_to_string(file).expect("log"));
        let errors: Vec<String> = validator
            .iter_errors(&log)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(errors.is_empty(), "{}: {}", file.display(), errors.join("\n"));
    }
    // A broken log must be reported, or this test could not fail.
    let broken = dir.path().join("broken.sarif");
    std::fs::write(&broken, r#"{"version": "9.9", "runz": []}"#).expect("write");
    files.push(broken);
    let report = dir.path().join("validation.sarif");
    let out = Command::new(multitool())
        .arg("validate")
        .args(&files)
        .arg("--output")
        .arg(&report)
        .output()
        .expect("run the SARIF Multitool");
    let console = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let validation = json(&std::fs::read_to_string(&report).unwrap_or_else(|e| panic!("{e}: {console}")));
    let errors: Vec<String> = validation["runs"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|run| run["results"].as_array().cloned().unwrap_or_default())
        .filter(|r| r["level"] == "error" || r["level"].is_null())
        .map(|r| {
            format!(
                "{}: {} in {}",
                r["ruleId"], r["message"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            )
        })
        .collect();
    assert!(out.status.success(), "{console}");
    let (broken, ours): (Vec<String>, Vec<String>) =
        errors.into_iter().partition(|e| e.contains("broken.sarif"));
    assert!(
        ours.is_empty(),
        "the Multitool found errors:\n{}\n{console}",
        ours.join("\n")
    );
    assert!(
        broken.len() >= 2,
        "the Multitool did not report the broken log: {console}"
    );
}
