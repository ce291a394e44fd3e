//! Every target over every survey (PRQL's `compileall`): each example, contract and support
//! survey passes the library's full check ([`rileva_targets::check`]) and every target of
//! [`Target::ALL`] emits its files, twice the same bytes, under distinct paths. A target
//! added to `Target::ALL` is built here with no change to this file.

mod support;

use rileva_compiler::Input;
use rileva_targets::{check, Options, Target};
use std::collections::BTreeSet;

#[test]
fn every_target_builds_every_survey() {
    let paths = support::surveys::paths();
    let contract = paths
        .iter()
        .filter(|p| p.parent().is_some_and(|d| d.ends_with("contract")));
    assert!(
        contract.count() >= 4,
        "the contract surveys are in tests/contract"
    );
    let mut emitting: BTreeSet<&str> = BTreeSet::new();
    for path in &paths {
        let input = Input {
            name: path.display().to_string(),
            bytes: std::fs::read(path).unwrap(),
        };
        let checked = check(std::slice::from_ref(&input), &[]);
        let errors: Vec<String> = checked
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        assert_eq!(checked.surveys.len(), 1, "{}", path.display());
        let survey = &checked.surveys[0];
        let mut seen = BTreeSet::new();
        for target in Target::ALL {
            // A target may emit nothing for a survey it does not serve (the kiosk for a
            // survey without the kiosk channel), but each emits for some survey below.
            let files = target.emit(survey, &Options::default());
            if !files.is_empty() {
                emitting.insert(target.name());
            }
            assert_eq!(
                files,
                target.emit(survey, &Options::default()),
                "{} is deterministic",
                target.name()
            );
            for file in files {
                assert!(
                    !file.contents.is_empty(),
                    "{}: {} is empty",
                    path.display(),
                    file.path
                );
                assert!(
                    seen.insert(file.path.clone()),
                    "{}: two targets write {}",
                    path.display(),
                    file.path
                );
            }
        }
        assert!(!seen.is_empty(), "{} gives no file at all", path.display());
    }
    let all: BTreeSet<&str> = Target::ALL.iter().map(|t| t.name()).collect();
    assert_eq!(emitting, all, "every target emits files for some survey");
}
