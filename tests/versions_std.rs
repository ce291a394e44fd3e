//! Several versions of one standard (docs/versions.md): the test standard `ente.cx` in
//! `tests/versions_lib`, version 2025.1 (package `ente.cx`) and 2026.1 (package
//! `ente.cx_2026_1`). A survey that conforms to the older one still checks, together with
//! one that conforms to the newer; `diff` of the two standard files lists what changed in
//! their locked questions.

mod common;

use common::rileva;

const LIB: &str = "tests/versions_lib";

#[test]
fn surveys_of_either_version_of_a_standard_check() {
    for path in [
        "tests/versions_std/ufficio_2025.rileva",
        "tests/versions_std/ufficio_2026.rileva",
        // Both versions of the survey in one run, each with its version of the standard.
        "tests/versions_std",
    ] {
        let (status, out, err) = rileva(&["check", "--deny-warnings", "--lib", LIB, path]);
        assert_eq!(status, 0, "{path}: {out}{err}");
    }
}

#[test]
fn a_survey_of_the_new_version_needs_the_new_modules() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = std::fs::read_to_string("tests/versions_std/ufficio_2026.rileva")
        .expect("read")
        .replace("use ente.cx_2026_1.core", "use ente.cx.core")
        .replace("import ente.cx_2026_1", "import ente.cx");
    let file = dir.path().join("old_modules.rileva");
    std::fs::write(&file, source).expect("write");
    let (status, out, err) = rileva(&[
        "check",
        "--format",
        "json",
        "--lib",
        LIB,
        &file.display().to_string(),
    ]);
    assert_eq!(status, 1, "{out}{err}");
    assert!(
        out.contains("R0401"),
        "2026.1 requires its own core module: {out}"
    );
}

#[test]
fn diff_of_two_standard_versions_lists_the_locked_changes() {
    let (status, out, err) = rileva(&[
        "diff",
        "--lib",
        LIB,
        "tests/versions_lib/ente/cx.rileva",
        "tests/versions_lib/ente/cx_2026_1.rileva",
    ]);
    assert_eq!(status, 0, "{out}{err}");
    insta::assert_snapshot!("standard_diff", out);
    let (_, json, _) = rileva(&[
        "diff",
        "--format",
        "json",
        "tests/versions_lib/ente/cx.rileva",
        "tests/versions_lib/ente/cx_2026_1.rileva",
    ]);
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(report["old"]["version"], "2025.1");
    assert_eq!(report["changes"].as_array().map(Vec::len), Some(2), "{json}");
}
