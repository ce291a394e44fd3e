//! UI tests: every fixture under `tests/ui/` is checked by the real binary; the rendered
//! report (no colours, fixed width) and the JSON are snapshotted, and the fixture must give
//! the code its name starts with (`R0101_unknown_scale.rileva`; fixtures in `syntax/` give R0001).

mod common;

use common::rileva;
use std::path::Path;

/// The code a fixture must produce, from its file name or folder.
fn expected_code(path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    if path.parent().is_some_and(|p| p.ends_with("syntax")) {
        return "R0001".into();
    }
    name.split('_').next().unwrap().to_owned()
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

#[test]
fn ui_fixtures() {
    insta::glob!("ui/**/*.rileva", |path| {
        let rel = relative(path);
        let source = std::fs::read_to_string(path).unwrap_or_else(|_| "<not UTF-8>".into());
        // `tests/ui_lib` holds `--lib` packages for fixtures that need one (R0105).
        let (status, human_out, human_err) = rileva(&["check", "--lib", "tests/ui_lib", &rel]);
        let (_, json, _) = rileva(&["check", "--lib", "tests/ui_lib", "--format", "json", &rel]);
        let code = expected_code(path);
        let parsed: serde_json::Value = serde_json::from_str(&json).expect("check --format json prints JSON");
        let codes: Vec<&str> = parsed["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d["code"].as_str())
            .collect();
        assert!(
            codes.contains(&code.as_str()),
            "{rel} should give {code}, gave {codes:?}"
        );
        let warning_only = code.starts_with("R06");
        let expected_status = if warning_only { 0 } else { 1 };
        assert_eq!(status, expected_status, "{rel}: exit status");
        insta::assert_snapshot!(format!(
            "----- SOURCE\n{source}\n----- EXIT {status}\n----- STDOUT\n{human_out}----- STDERR\n{human_err}----- JSON\n{json}"
        ));
    });
}

#[test]
fn every_code_has_a_failing_fixture() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/ui");
    let mut found = std::collections::BTreeSet::new();
    let mut stack = vec![dir];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "rileva") {
                found.insert(expected_code(&p));
            }
        }
    }
    let missing: Vec<&str> = rileva_compiler::diagnostics::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .filter(|c| !found.contains(*c))
        .collect();
    assert!(
        missing.is_empty(),
        "codes without a failing fixture in tests/ui: {missing:?}"
    );
}
