//! `rileva check` and `build` use every core (rayon: files parsed, targets validated and
//! emitted in parallel); what they print and write must be the bytes of a one-thread run.
//! Every example and contract survey in one run, with 1 thread and with 4.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rileva(threads: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(args)
        .current_dir(root())
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .expect("rileva runs")
}

/// Every file under `dir` (relative path -> bytes).
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("read");
                out.insert(path.strip_prefix(dir).expect("under").to_path_buf(), bytes);
            }
        }
    }
    out
}

#[test]
fn parallel_runs_give_the_bytes_of_a_serial_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut built = Vec::new();
    for threads in ["1", "4"] {
        let out = dir.path().join(format!("threads-{threads}"));
        let out_arg = out.display().to_string();
        let build = rileva(
            threads,
            &["build", "--out", &out_arg, "examples", "tests/contract"],
        );
        assert_eq!(
            build.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&build.stderr)
        );
        // The message names the folder, which differs: compare the rest of it.
        let message = String::from_utf8_lossy(&build.stdout).replace(&out_arg, "OUT");
        let check = rileva(
            threads,
            &["check", "--format", "json", "examples", "tests/contract"],
        );
        assert_eq!(check.status.code(), Some(0));
        built.push((message, check.stdout, tree(&out)));
    }
    let (serial, parallel) = (&built[0], &built[1]);
    assert_eq!(serial.0, parallel.0, "build's message");
    assert_eq!(serial.1, parallel.1, "check --format json");
    let names = |t: &BTreeMap<PathBuf, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&serial.2), names(&parallel.2), "the same files");
    assert!(
        serial.2.len() > 100,
        "every target of every survey: {}",
        serial.2.len()
    );
    for (path, bytes) in &serial.2 {
        assert!(parallel.2[path] == *bytes, "{} differs", path.display());
    }
    // Diagnostics too: a folder with errors in several files reports them in one order.
    let broken = dir.path().join("broken");
    std::fs::create_dir(&broken).expect("mkdir");
    for k in 0..8 {
        let text =
            format!("survey x.s{k} {{ version 1.0.0 title \"T\" question q: scala{k} {{ \"?\" }} }}\n");
        std::fs::write(broken.join(format!("s{k}.rileva")), text).expect("write");
    }
    let broken = broken.display().to_string();
    let one = rileva("1", &["check", "--format", "json", &broken]);
    let four = rileva("4", &["check", "--format", "json", &broken]);
    assert_eq!(one.status.code(), Some(1));
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout);
}
