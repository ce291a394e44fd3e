//! `rileva diff`: fixture pairs under tests/diff/ (a first version, compatible changes,
//! breaking changes under a minor version), the major-version rule of docs/language.md §14, the
//! JSON shape, a changed survey id, and the refusals (errors: 1; unreadable or no survey: 2).

mod common;

use common::rileva;
use std::fs;

const V1: &str = "tests/diff/sportello_v1.rileva";
const COMPATIBLE: &str = "tests/diff/sportello_v1_1_compatible.rileva";
const BREAKING: &str = "tests/diff/sportello_v1_1_breaking.rileva";

fn json(args: &[&str]) -> (i32, serde_json::Value) {
    let (status, out, err) = rileva(args);
    let value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}{err}"));
    (status, value)
}

/// A copy of a fixture with one edit, in a temporary folder.
fn edited(fixture: &str, from: &str, to: &str) -> (tempfile::TempDir, String) {
    let text = fs::read_to_string(fixture).expect("fixture");
    assert!(text.contains(from), "{from}");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("edited.rileva");
    fs::write(&path, text.replacen(from, to, 1)).expect("write");
    (dir, path.to_string_lossy().into_owned())
}

#[test]
fn compatible_changes_pass() {
    let (status, out, err) = rileva(&["diff", V1, COMPATIBLE]);
    assert_eq!(status, 0, "{err}");
    assert!(out.lines().skip(1).all(|l| !l.starts_with("breaking:")), "{out}");
    insta::assert_snapshot!("compatible", out);
}

#[test]
fn breaking_changes_under_a_minor_version_fail() {
    let (status, out, err) = rileva(&["diff", V1, BREAKING]);
    assert_eq!(status, 1, "{err}");
    assert!(out.contains("breaking changes need version 2.0.0"), "{out}");
    assert!(
        out.contains("breaking: question `motivi`: code 4 «Tempi di risposta» removed"),
        "{out}"
    );
    insta::assert_snapshot!("breaking", out);
}

#[test]
fn breaking_changes_with_a_new_major_version_pass() {
    let (_dir, v2) = edited(BREAKING, "version 1.1.0", "version 2.0.0");
    let (status, out, err) = rileva(&["diff", V1, &v2]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("breaking: "), "the changes are still listed: {out}");
    assert!(
        out.contains("ok: the breaking changes come with a new major version"),
        "{out}"
    );
}

#[test]
fn the_same_file_has_no_change() {
    let (status, out, _) = rileva(&["diff", V1, V1]);
    assert_eq!(status, 0);
    assert!(out.ends_with("no changes\n"), "{out}");
}

#[test]
fn json_report_shape() {
    let (status, v) = json(&["diff", V1, BREAKING, "--format", "json"]);
    assert_eq!(status, 1);
    assert_eq!(v["old"]["id"], "comune.sportello_tributi");
    assert_eq!(v["old"]["version"], "1.0.0");
    assert_eq!(v["new"]["version"], "1.1.0");
    assert_eq!(v["requires_major"], true);
    assert_eq!(v["ok"], false);
    let changes = v["changes"].as_array().expect("changes");
    assert!(!changes.is_empty());
    for change in changes {
        let keys: Vec<&str> = change
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["kind", "question", "message"]);
        assert!(change["kind"] == "breaking" || change["kind"] == "compatible");
        assert!(change["question"].is_string() || change["question"].is_null());
    }
    let removed = changes
        .iter()
        .find(|c| c["message"].as_str().is_some_and(|m| m.contains("code 4")))
        .expect("code 4 removed");
    assert_eq!(removed["kind"], "breaking");
    assert_eq!(removed["question"], "motivi");
    let channel = changes
        .iter()
        .find(|c| c["question"].is_null())
        .expect("a survey change");
    assert_eq!(
        channel["message"],
        "channel `kiosk` removed: responses from it would be rejected"
    );

    let (status, v) = json(&["diff", V1, COMPATIBLE, "--format", "json"]);
    assert_eq!(status, 0);
    assert_eq!(v["requires_major"], false);
    assert_eq!(v["ok"], true);
}

#[test]
fn a_changed_survey_id_is_breaking_and_the_rest_is_compared() {
    let (_dir, other) = edited(
        COMPATIBLE,
        "survey comune.sportello_tributi",
        "survey comune.tributi",
    );
    let (status, v) = json(&["diff", V1, &other, "--format", "json"]);
    assert_eq!(status, 1);
    let changes = v["changes"].as_array().expect("changes");
    assert_eq!(changes[0]["kind"], "breaking");
    assert!(changes[0]["message"].as_str().is_some_and(
        |m| m.starts_with("survey id changed from `comune.sportello_tributi` to `comune.tributi`")
    ));
    assert!(changes.len() > 5, "the rest is compared: {v}");
}

#[test]
fn a_version_with_errors_is_not_compared() {
    let (status, out, err) = rileva(&["diff", V1, "tests/diff/not_compiling.rileva"]);
    assert_eq!(status, 1, "{out}{err}");
    assert!(err.contains("R0101"), "{err}");
    assert!(err.contains("not compared"), "{err}");
    assert!(out.is_empty(), "{out}");
}

#[test]
fn unreadable_files_and_packages_are_usage_errors() {
    let (status, _, err) = rileva(&["diff", V1, "tests/diff/no_such_file.rileva"]);
    assert_eq!(status, 2, "{err}");
    let (status, _, err) = rileva(&["diff", "stdlib/istat/scales.rileva", V1]);
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("defines no survey"), "{err}");
}
