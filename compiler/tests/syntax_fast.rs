//! Syntax stage: the fast path (`syntax/fast/`) gives exactly the tree and the diagnostics
//! that pest and the builder give, on every `.rileva` file of the repository and on mutated
//! variants of them (each line deleted in turn, each file cut at every token), and it does
//! read most entries of the examples (so it cannot silently stop being taken).

use rileva_compiler::source::FileId;
use rileva_compiler::syntax::{parse_with, EntryCounts};
use std::path::{Path, PathBuf};

/// Every `.rileva` file of the repository, in a stable order.
fn sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut found = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !matches!(name.as_str(), "target" | "node_modules" | ".git" | ".venv") {
                    dirs.push(path);
                }
            } else if name.ends_with(".rileva") {
                let text = std::fs::read_to_string(&path).expect("a .rileva file reads as UTF-8");
                found.push((path, text));
            }
        }
    }
    found.sort();
    assert!(
        found.len() > 50,
        "expected the repository's .rileva files, found {}",
        found.len()
    );
    found
}

/// Parse `text` both ways, assert the same tree and diagnostics, return the fast run's counts.
fn same(what: &str, text: &str) -> EntryCounts {
    let (fast_tree, fast_diags, counts) = parse_with(FileId(3), text, true);
    let (pest_tree, pest_diags, pest_counts) = parse_with(FileId(3), text, false);
    assert_eq!(pest_counts.fast, 0, "{what}: the fast path ran while disabled");
    assert_eq!(fast_diags, pest_diags, "{what}: the diagnostics differ");
    assert_eq!(fast_tree, pest_tree, "{what}: the trees differ");
    counts
}

#[test]
fn every_file_parses_the_same_both_ways() {
    let mut examples = EntryCounts::default();
    for (path, text) in sources() {
        let counts = same(&path.display().to_string(), &text);
        if path.components().any(|c| c.as_os_str() == "examples") {
            examples.fast += counts.fast;
            examples.pest += counts.pest;
        }
    }
    let total = examples.fast + examples.pest;
    assert!(
        examples.fast * 100 >= total * 95,
        "the fast path read only {} of the examples' {total} entries",
        examples.fast
    );
}

#[test]
fn every_file_with_a_line_deleted_parses_the_same_both_ways() {
    for (path, text) in sources() {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for deleted in 0..lines.len() {
            let mutated: String = lines
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != deleted)
                .map(|(_, line)| *line)
                .collect();
            same(
                &format!("{} without line {}", path.display(), deleted + 1),
                &mutated,
            );
        }
    }
}

/// Byte offsets where a token starts or ends: whitespace next to non-whitespace, and the
/// edges of punctuation, so that the cuts fall inside strings, names and expressions too.
fn boundaries(text: &str) -> Vec<usize> {
    let mut cuts: Vec<usize> = text
        .char_indices()
        .zip(text.char_indices().skip(1))
        .filter(|&((_, a), (_, b))| a.is_whitespace() != b.is_whitespace() || "{}()[]:,.\"".contains(b))
        .map(|(_, (i, _))| i)
        .collect();
    cuts.push(text.len());
    cuts
}

#[test]
fn files_cut_at_every_token_parse_the_same_both_ways() {
    let chosen = [
        "tests/support/surveys/edge_cases.rileva",
        "tests/contract/bolzano_anagrafe_bilingue.rileva",
        "stdlib/istat/cx.rileva",
        "tests/ui/syntax/positive_in_options.rileva",
    ];
    let sources = sources();
    for name in chosen {
        let (path, text) = sources
            .iter()
            .find(|(path, _)| path.ends_with(name))
            .unwrap_or_else(|| panic!("{name} is in the repository"));
        for cut in boundaries(text) {
            same(&format!("{} cut at byte {cut}", path.display()), &text[..cut]);
        }
    }
}
