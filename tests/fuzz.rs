//! The fuzz targets' properties (`fuzz/src/targets/`, the same code `cargo fuzz` runs) on
//! every crash the fuzzers found, minimized and kept in `tests/fuzz/<target>/`, and on every
//! committed seed of `fuzz/seeds/<target>/`: a crash fixed once stays fixed
//! (docs/reliability.md). The `validate` seeds are generated from the example surveys:
//! `RILEVA_UPDATE_SEEDS=1 cargo test --test fuzz` writes them again.

#[path = "../fuzz/src/lib.rs"]
mod rileva_fuzz;
mod support;

// The fuzz crate's modules say `crate::check`: here its items are at the root.
use rileva_fuzz::*;

use rileva_compiler::response;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files of a folder, sorted; none when it does not exist.
fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// The folders of sources every source target also starts from (`scripts/fuzz.sh` passes
/// the same to libFuzzer).
const SOURCE_SEEDS: [&str; 4] = ["examples", "tests/contract", "tests/ui", "tests/fmt"];

/// Each target's `run` on each of its kept crashes and seeds; one failure message per file.
#[test]
fn every_kept_crash_and_seed_holds_every_property() {
    let mut failures = Vec::new();
    let mut ran = 0;
    for (name, run) in targets::ALL {
        let mut inputs = files(&root().join("tests/fuzz").join(name));
        inputs.extend(files(&root().join("fuzz/seeds").join(name)));
        if name != "validate" {
            for dir in SOURCE_SEEDS {
                inputs.extend(files(&root().join(dir)));
            }
        }
        assert!(!inputs.is_empty(), "target {name} has no seed");
        for file in inputs {
            let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            ran += 1;
            if let Err(panic) = std::panic::catch_unwind(|| run(&bytes)) {
                let why = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{name} {}: {why}", file.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {ran} inputs fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The `validate` seeds: per survey, its first valid responses and a few rejected for one
/// reason each, one JSON line per file; each valid seed is accepted by its survey.
#[test]
fn the_validate_seeds_are_the_generated_responses() {
    let dir = root().join("fuzz/seeds/validate");
    let mut expected = Vec::new();
    for (name, survey) in support::surveys::all() {
        let cases = support::generate::cases(&survey);
        let valid = cases.iter().filter(|c| c.accepted()).take(2);
        let mut kinds = BTreeSet::new();
        let rejected = cases
            .iter()
            .filter(|c| !c.accepted())
            .filter(|c| kinds.insert(format!("{:?}", c.expect)))
            .take(3);
        for (i, case) in valid.chain(rejected).enumerate() {
            let verdict = if case.accepted() { "valid" } else { "invalid" };
            let file = dir.join(format!("{name}.{i}.{verdict}.json"));
            let line = serde_json::to_string(&case.response).expect("JSON");
            assert_eq!(
                response::validate(&survey, &case.response).is_empty(),
                case.accepted(),
                "{name}: {}",
                case.label
            );
            expected.push((file, line));
        }
    }
    if std::env::var_os("RILEVA_UPDATE_SEEDS").is_some() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create fuzz/seeds/validate");
        for (file, line) in &expected {
            std::fs::write(file, format!("{line}\n")).expect("write a seed");
        }
    }
    let committed: BTreeSet<PathBuf> = files(&dir).into_iter().collect();
    let names: BTreeSet<PathBuf> = expected.iter().map(|(f, _)| f.clone()).collect();
    assert!(
        committed == names,
        "fuzz/seeds/validate is stale (RILEVA_UPDATE_SEEDS=1 cargo test --test fuzz): missing {:?}, extra {:?}",
        names.difference(&committed).collect::<Vec<_>>(),
        committed.difference(&names).collect::<Vec<_>>()
    );
    for (file, line) in &expected {
        let text = std::fs::read_to_string(file).expect("read a seed");
        assert_eq!(
            text.trim_end(),
            line,
            "{} is stale: RILEVA_UPDATE_SEEDS=1 cargo test --test fuzz",
            file.display()
        );
    }
}

/// The libFuzzer dictionary of the source targets, `fuzz/rileva.dict`: every literal of the
/// grammar (`compiler/src/syntax/grammar.pest`), keywords and operators, so that mutations
/// insert whole tokens. Written again by `RILEVA_UPDATE_SEEDS=1 cargo test --test fuzz`.
#[test]
fn the_source_dictionary_is_every_literal_of_the_grammar() {
    let grammar =
        std::fs::read_to_string(root().join("compiler/src/syntax/grammar.pest")).expect("grammar.pest");
    let mut literals = BTreeSet::new();
    for line in grammar.lines().filter(|l| !l.trim_start().starts_with("//")) {
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c != '"' {
                continue;
            }
            let mut literal = String::new();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => match chars.next() {
                        Some('n') => literal.push('\n'),
                        Some('r') => literal.push('\r'),
                        Some('t') => literal.push('\t'),
                        Some('u') => {
                            let code: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                            literal.extend(u32::from_str_radix(&code, 16).ok().and_then(char::from_u32));
                        }
                        Some(other) => literal.push(other),
                        None => {}
                    },
                    c => literal.push(c),
                }
            }
            if !literal.is_empty() {
                literals.insert(literal);
            }
        }
    }
    assert!(
        literals.contains("survey") && literals.contains(">="),
        "{literals:?}"
    );
    let mut dict = String::from(
        "# libFuzzer dictionary of the source targets: every literal of grammar.pest (tests/fuzz.rs)\n",
    );
    for literal in &literals {
        dict.push('"');
        for byte in literal.bytes() {
            match byte {
                b'"' | b'\\' => dict.push_str(&format!("\\{}", byte as char)),
                0x20..=0x7e => dict.push(byte as char),
                _ => dict.push_str(&format!("\\x{byte:02X}")),
            }
        }
        dict.push_str("\"\n");
    }
    let file = root().join("fuzz/rileva.dict");
    if std::env::var_os("RILEVA_UPDATE_SEEDS").is_some() {
        std::fs::write(&file, &dict).expect("write fuzz/rileva.dict");
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == dict,
        "fuzz/rileva.dict is stale: RILEVA_UPDATE_SEEDS=1 cargo test --test fuzz"
    );
}
