//! The rule tables of the check and conformance stages against their files: every file
//! that gives a code has a row, every row names a file, and a row's codes are the codes its
//! file gives (named as `Code::R....`, or in the file's first `//!` line when a helper of an
//! earlier stage builds the diagnostic).

use super::scan;
use rileva_compiler::diagnostics::Code;
use rileva_compiler::{check, conformance};
use std::collections::{BTreeMap, BTreeSet};

/// The codes of each rule file of `folder`, as the file gives them.
fn given(folder: &str, helpers: &[&str]) -> BTreeMap<String, (BTreeSet<Code>, BTreeSet<Code>)> {
    let mut out = BTreeMap::new();
    for path in scan::files(folder, ".rs") {
        let module = path.file_stem().unwrap().to_string_lossy().into_owned();
        let source = scan::non_test_source(&path);
        let named = scan::codes_named(&source);
        if module == "rules" || source.is_empty() {
            continue; // the table itself, or a test-only file
        }
        if helpers.contains(&module.as_str()) {
            assert!(
                named.is_empty(),
                "{folder}/{module}.rs gives {named:?}: make it a rule with a row"
            );
            continue;
        }
        let first_line = source.lines().next().unwrap_or_default();
        out.insert(module, (named, scan::codes_written(first_line)));
    }
    out
}

fn compare(folder: &str, helpers: &[&str], rows: &[(&str, &[Code])]) {
    let files = given(folder, helpers);
    let mut by_module: BTreeMap<&str, BTreeSet<Code>> = BTreeMap::new();
    for (module, codes) in rows {
        by_module.entry(module).or_default().extend(codes.iter().copied());
    }
    for (module, (named, documented)) in &files {
        let Some(row) = by_module.get(module.as_str()) else {
            panic!("{folder}/{module}.rs has no row in the rule table (CONTRIBUTING.md, add a rule)");
        };
        assert!(
            named.is_subset(row),
            "{folder}/{module}.rs gives {named:?}, its row says {row:?}"
        );
        let unexplained: Vec<&Code> = row
            .difference(named)
            .filter(|c| !documented.contains(c))
            .collect();
        assert!(
            unexplained.is_empty(),
            "the row of {folder}/{module}.rs names {unexplained:?}, which the file neither gives nor documents"
        );
    }
    for module in by_module.keys() {
        assert!(
            files.contains_key(*module),
            "a row names {folder}/{module}.rs, which is not a rule file"
        );
    }
}

#[test]
fn every_check_rule_file_has_its_row() {
    let rows: Vec<(&str, &[Code])> = check::RULES.iter().map(|r| (r.module, r.codes)).collect();
    compare("compiler/src/check", &["mod", "context", "domain"], &rows);
    for path in scan::files("compiler/src/check", ".rs") {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let is_rule =
            name.len() > 6 && name.starts_with('r') && name[1..5].bytes().all(|b| b.is_ascii_digit());
        if is_rule {
            assert!(
                rows.iter().any(|(m, _)| *m == name),
                "check/{name}.rs has no row in check::RULES"
            );
        }
    }
}

#[test]
fn every_conformance_rule_file_has_its_row() {
    let rows: Vec<(&str, &[Code])> = conformance::RULES.iter().map(|r| (r.module, r.codes)).collect();
    let helpers = ["mod", "expr_text", "layout", "locked_diff", "spec"];
    compare("compiler/src/conformance", &helpers, &rows);
}

#[test]
fn the_scan_sees_codes_and_ranges() {
    let named = scan::codes_named("Diagnostic::new(Code::R0402, ..); Code::R0103");
    assert_eq!(named, BTreeSet::from([Code::R0103, Code::R0402]));
    let written = scan::codes_written("R0001, R0201-R0203 and R0601");
    assert_eq!(
        written,
        BTreeSet::from([Code::R0001, Code::R0201, Code::R0202, Code::R0203, Code::R0601])
    );
}
