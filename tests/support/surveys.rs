//! The surveys every data test runs on: `examples/*.rileva`, the contract files
//! `tests/contract/*.rileva`, and `tests/support/surveys/*.rileva` (constructs the
//! examples do not use, such as a missing code under `>=`), compiled to IR.

use rileva_compiler::{compile, ir, Input};
use std::path::{Path, PathBuf};

/// Every example, contract and support survey file, sorted within each folder.
pub fn paths() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["examples", "tests/contract", "tests/support/surveys"] {
        let entries = std::fs::read_dir(root.join(dir)).unwrap_or_else(|e| panic!("cannot read {dir}: {e}"));
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "rileva"))
            .collect();
        files.sort();
        out.extend(files);
    }
    assert!(!out.is_empty(), "no example or contract file found");
    out
}

/// The one survey `path` defines; panics with the diagnostics when it has errors.
pub fn compile_file(path: &Path) -> ir::Survey {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let input = Input {
        name: path.display().to_string(),
        bytes,
    };
    let compilation = compile(&[input], &[]);
    let errors: Vec<String> = compilation
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| format!("{}: {}", d.code.as_str(), d.message))
        .collect();
    assert!(errors.is_empty(), "{} has errors: {errors:#?}", path.display());
    let mut surveys = compilation.surveys;
    assert_eq!(surveys.len(), 1, "{} should define one survey", path.display());
    surveys.remove(0)
}

/// `(file stem, survey)` for every example and contract file: `contract_inps_hub_prestazioni`
/// for a contract file, the bare stem for an example.
pub fn all() -> Vec<(String, ir::Survey)> {
    paths()
        .into_iter()
        .map(|p| {
            let stem = p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let in_contract = p.parent().is_some_and(|d| d.ends_with("contract"));
            let name = if in_contract {
                format!("contract_{stem}")
            } else {
                stem
            };
            (name, compile_file(&p))
        })
        .collect()
}
