//! `rileva fmt`: the messy fixture's formatted text (snapshot); every `.rileva` file of the
//! repository that parses formats idempotently and keeps its comments and strings byte for
//! byte; `--check` exit statuses; a file with a syntax error is refused and nothing written;
//! the standard library, the examples and the contract files are already formatted.

mod common;

use common::rileva;
use rileva_compiler::format::{contents, format};
use rileva_compiler::source::FileId;
use std::fs;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn messy() -> String {
    fs::read_to_string(root().join("tests/fmt/messy.rileva")).expect("fixture")
}

/// Every `.rileva` file below the folders of the repository that hold them.
fn repository_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else { return };
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if path.is_dir() && name != "node_modules" && name != "target" {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rileva") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    for dir in ["stdlib", "examples", "tests", "compiler", "targets", "benches"] {
        walk(&root().join(dir), &mut files);
    }
    files
}

/// The strings (with their quotes) and the comments (without trailing whitespace) of a
/// source, in order: read independently of the formatter.
fn strings_and_comments(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines() {
        let mut rest = line;
        while let Some(at) = rest.find(['"', '/']) {
            let tail = &rest[at..];
            if tail.starts_with("//") {
                found.push(tail.trim_end().to_owned());
                break;
            }
            if !tail.starts_with('"') {
                rest = &tail[1..];
                continue;
            }
            let mut end = tail.len();
            let mut escaped = false;
            for (i, c) in tail.char_indices().skip(1) {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    _ => {}
                }
            }
            found.push(tail[..end].to_owned());
            rest = &tail[end..];
        }
    }
    found
}

#[test]
fn the_messy_fixture_is_laid_out() {
    let text = messy();
    let formatted = format(FileId(0), &text).expect("the fixture parses");
    insta::assert_snapshot!("messy", formatted);
    assert_eq!(
        format(FileId(0), &formatted).ok().as_deref(),
        Some(formatted.as_str())
    );
    assert_eq!(strings_and_comments(&text), strings_and_comments(&formatted));
}

#[test]
fn every_repository_file_that_parses_formats_idempotently_and_keeps_its_text() {
    let files = repository_files();
    assert!(files.len() > 40, "{} files", files.len());
    let mut formatted_files = 0;
    for path in &files {
        let Ok(text) = fs::read_to_string(path) else {
            continue;
        };
        let Ok(once) = format(FileId(0), &text) else {
            continue;
        };
        let twice = format(FileId(0), &once).expect("formatted text parses");
        assert_eq!(once, twice, "{} is not formatted idempotently", path.display());
        assert_eq!(
            contents(&text),
            contents(&once),
            "{}: a line changed",
            path.display()
        );
        assert_eq!(
            strings_and_comments(&text),
            strings_and_comments(&once),
            "{}: a string or comment changed",
            path.display()
        );
        formatted_files += 1;
    }
    assert!(formatted_files > 35, "{formatted_files} files parsed");
}

#[test]
fn stdlib_examples_and_contract_files_are_formatted() {
    let (status, out, err) = rileva(&["fmt", "--check", "stdlib", "examples", "tests/contract"]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("already formatted"), "{out}");
}

#[test]
fn check_lists_a_file_that_would_change_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("messy.rileva");
    fs::write(&path, messy()).expect("write");
    let file = path.to_string_lossy().into_owned();
    let (status, out, _) = rileva(&["fmt", "--check", &file]);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("messy.rileva: would be reformatted"), "{out}");
    assert!(out.contains("@@ -1,"), "a short diff: {out}");
    assert!(
        out.contains("+// rileva fmt fixture: every layout rule at once.\n"),
        "{out}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), messy(), "--check wrote");

    // A folder is every file below it; formatting makes --check pass.
    let folder = dir.path().to_string_lossy().into_owned();
    let (status, out, _) = rileva(&["fmt", &folder]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("formatted "), "{out}");
    let written = fs::read_to_string(&path).expect("read");
    assert_eq!(written, format(FileId(0), &messy()).expect("parses"));
    let (status, out, _) = rileva(&["fmt", "--check", &folder]);
    assert_eq!(status, 0, "{out}");
    let leftovers: Vec<_> = fs::read_dir(dir.path()).expect("list").flatten().collect();
    assert_eq!(leftovers.len(), 1, "no temporary file is left behind");
}

#[test]
fn a_file_with_a_syntax_error_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("a_messy.rileva");
    let bad = dir.path().join("b_broken.rileva");
    let broken = "survey a.b {\n    version\n  title \"T\"\n}\n";
    fs::write(&good, messy()).expect("write");
    fs::write(&bad, broken).expect("write");
    let folder = dir.path().to_string_lossy().into_owned();
    let (status, _, err) = rileva(&["fmt", &folder]);
    assert_eq!(status, 1, "{err}");
    assert!(err.contains("R0001"), "{err}");
    assert!(err.contains("nothing formatted"), "{err}");
    assert_eq!(fs::read_to_string(&good).expect("read"), messy());
    assert_eq!(fs::read_to_string(&bad).expect("read"), broken);
}

#[test]
fn an_unreadable_path_is_a_usage_error() {
    let (status, _, err) = rileva(&["fmt", "--check", "tests/fmt/no_such_file.rileva"]);
    assert_eq!(status, 2, "{err}");
}
