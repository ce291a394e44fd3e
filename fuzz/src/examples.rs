//! The example, contract and support surveys (`examples/`, `tests/contract/`,
//! `tests/support/surveys/`), read and checked once per fuzzing process: what the `validate`
//! target judges its JSON lines against.

use rileva_compiler::ir;
use std::path::PathBuf;

/// The repository's root, where `examples/` is: this crate's parent, or the crate itself when
/// `tests/fuzz.rs` includes this file.
pub fn root() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    if dir.join("examples").is_dir() {
        dir
    } else {
        dir.join("..")
    }
}

/// Every checked survey of every example and contract file, sorted by file.
pub fn surveys() -> Vec<ir::Survey> {
    let mut files = Vec::new();
    for dir in ["examples", "tests/contract", "tests/support/surveys"] {
        let entries =
            std::fs::read_dir(root().join(dir)).unwrap_or_else(|e| panic!("cannot read {dir}: {e}"));
        files.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "rileva")),
        );
    }
    files.sort();
    let mut surveys = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let compilation = crate::check(&[crate::input(&file.display().to_string(), &bytes)]);
        assert!(!compilation.has_errors(), "{} does not check", file.display());
        surveys.extend(compilation.surveys);
    }
    assert!(!surveys.is_empty(), "no example surveys");
    surveys
}
