//! Reading the repository's own sources: files of a folder, and the codes a file gives.

use rileva_compiler::diagnostics::Code;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

pub fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
}

/// Every file below `rel` (a folder of the repository) whose name ends with `ext`, sorted.
pub fn files(rel: &str, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root().join(rel)];
    while let Some(dir) = stack.pop() {
        let entries =
            std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(ext) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The part of a Rust file that is not its `#[cfg(test)] mod tests`, and nothing of a
/// test-only file (`tests.rs`, `testing.rs`, `*_tests.rs`).
pub fn non_test_source(path: &Path) -> String {
    let name = path.file_name().unwrap().to_string_lossy();
    if name == "tests.rs" || name == "testing.rs" || name.ends_with("_tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]\nmod tests {") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Every code named `Code::R....` in `text`.
pub fn codes_named(text: &str) -> BTreeSet<Code> {
    let mut out = BTreeSet::new();
    for (i, _) in text.match_indices("Code::R") {
        let digits = &text[i + 6..(i + 11).min(text.len())];
        if let Some(code) = Code::parse(digits) {
            out.insert(code);
        }
    }
    out
}

/// The codes given by the non-test code of every Rust file below `rel`.
pub fn codes_given_below(rel: &str) -> BTreeSet<Code> {
    files(rel, ".rs")
        .iter()
        .flat_map(|p| codes_named(&non_test_source(p)))
        .collect()
}

/// Every code a text names, `R0201-R0204` ranges expanded over `Code::ALL`.
pub fn codes_written(text: &str) -> BTreeSet<Code> {
    let mut out = BTreeSet::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(at) = text[i..].find('R').map(|j| i + j) {
        i = at + 1;
        let Some(first) = text.get(at..at + 5).and_then(Code::parse) else {
            continue;
        };
        out.insert(first);
        if bytes.get(at + 5) == Some(&b'-') {
            if let Some(last) = text.get(at + 6..at + 11).and_then(Code::parse) {
                out.extend(Code::ALL.iter().copied().filter(|c| (first..=last).contains(c)));
                i = at + 11;
            }
        }
    }
    out
}
