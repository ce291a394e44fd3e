//! Shared by the report tests: the venv's Python (made by scripts/test.sh; a test that needs
//! it fails without it) and generated responses.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `RILEVA_PYTHON`, else `.venv/bin/python`; panics with how to make it when absent.
pub fn python_bin() -> PathBuf {
    let path = std::env::var_os("RILEVA_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".venv/bin/python"));
    assert!(
        path.exists(),
        "{} not found: run scripts/test.sh, which makes .venv from tests/python/requirements.txt",
        path.display()
    );
    path
}

/// Run a script of tests/python with `args`; (success, stdout and stderr).
pub fn python(args: &[String]) -> (bool, String) {
    let out = Command::new(python_bin())
        .args(args)
        .current_dir(root().join("tests/python"))
        .output()
        .expect("run python");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text.trim().to_owned())
}

/// `generate_responses.py SURVEY N SEED START DAYS --sites SITES` into `dir`.
pub fn generate(dir: &Path, survey: &str, n: u32, seed: u32, start: &str, days: u32, sites: &str) -> PathBuf {
    let file = dir.join(format!("{survey}-{seed}.jsonl"));
    let out = Command::new(python_bin())
        .args([
            "generate_responses.py",
            survey,
            &n.to_string(),
            &seed.to_string(),
            start,
            &days.to_string(),
        ])
        .args(["--sites", sites])
        .current_dir(root().join("tests/python"))
        .output()
        .expect("run python");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    std::fs::write(&file, &out.stdout).unwrap();
    file
}
