//! CLI tests: the contract files and every example check clean; exit statuses of docs/language.md §14;
//! `explain` knows every code; `schema` prints JSON Schemas; `build` writes nothing on error, not even when
//! its last file cannot be written.

mod common;

use common::rileva;
use std::path::{Path, PathBuf};

fn rileva_files(dir: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "rileva"))
        .map(|p| format!("{dir}/{}", p.file_name().unwrap().to_string_lossy()))
        .collect();
    files.sort();
    files
}

fn assert_clean(file: &str) {
    let (status, out, _) = rileva(&["check", "--format", "json", "--deny-warnings", file]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON report");
    assert_eq!(
        v["diagnostics"].as_array().map(Vec::len),
        Some(0),
        "{file}: {out}"
    );
    assert_eq!(status, 0, "{file}");
}

#[test]
fn contract_files_check_clean() {
    let files = rileva_files("tests/contract");
    assert_eq!(files.len(), 4);
    files.iter().for_each(|f| assert_clean(f));
}

#[test]
fn examples_check_clean() {
    let files = rileva_files("examples");
    assert!(files.len() >= 10, "the brief's services: {files:?}");
    files.iter().for_each(|f| assert_clean(f));
}

#[test]
fn check_shows_the_estimate() {
    let (status, out, _) = rileva(&["check", "tests/contract/inps_hub_prestazioni.rileva"]);
    assert_eq!(status, 0);
    assert!(out.contains("inps.hub_prestazioni: estimated "), "{out}");
    assert!(out.contains(" s") || out.contains(" min"), "{out}");
}

#[test]
fn stdlib_checks_clean() {
    let (status, out, err) = rileva(&["check", "--deny-warnings", "stdlib"]);
    assert_eq!(status, 0, "{out}{err}");
}

#[test]
fn folder_paths_check_every_file_below() {
    let (status, out, err) = rileva(&["check", "--format", "json", "tests/contract"]);
    assert_eq!(status, 0, "{out}{err}");
}

#[test]
fn unreadable_input_is_status_2() {
    let (status, _, err) = rileva(&["check", "tests/does-not-exist.rileva"]);
    assert_eq!(status, 2);
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn usage_error_is_status_2() {
    let (status, _, _) = rileva(&["check", "--format", "yaml", "x.rileva"]);
    assert_eq!(status, 2);
}

#[test]
fn explain_knows_every_code() {
    for code in rileva_compiler::diagnostics::Code::ALL {
        let (status, out, _) = rileva(&["explain", code.as_str()]);
        assert_eq!(status, 0);
        assert!(out.starts_with(&format!("# {}", code.as_str())), "{code}: {out}");
        for section in ["## What it means", "## Why", "## Example", "## Fix"] {
            assert!(out.contains(section), "{code} doc lacks {section}");
        }
    }
    let (status, _, err) = rileva(&["explain", "R9999"]);
    assert_eq!(status, 2);
    assert!(err.contains("unknown diagnostic code"));
}

#[test]
fn schemas_are_json_schemas() {
    for which in ["ir", "diagnostics", "kiosk-layout"] {
        let (status, out, _) = rileva(&["schema", which]);
        assert_eq!(status, 0);
        let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
        assert!(v["$schema"].is_string(), "{which}: {out}");
        assert!(
            v["properties"].is_object() || v["definitions"].is_object(),
            "{which}"
        );
    }
}

/// The IR's shape is a contract with every reader (targets, `rileva report`): a change to it
/// shows up here for review.
#[test]
fn the_ir_schema_is_reviewed() {
    let (status, out, _) = rileva(&["schema", "ir"]);
    assert_eq!(status, 0);
    insta::assert_snapshot!("schema_ir", out);
}

/// A survey whose one question names an unknown scale (R0101 on line 4), written in `dir`.
fn unknown_scale_file(dir: &Path) -> PathBuf {
    let file = dir.join("bad.rileva");
    std::fs::write(
        &file,
        "survey a.b {\n  version 1.0.0\n  title \"T\"\n  question q: scale nope { \"Q?\" }\n}\n",
    )
    .unwrap();
    file
}

#[test]
fn json_format_has_the_fields_of_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let file = unknown_scale_file(dir.path());
    let (status, out, _) = rileva(&["check", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(status, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let d = &v["diagnostics"][0];
    for key in [
        "code",
        "severity",
        "message",
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "help",
        "labels",
    ] {
        assert!(d.get(key).is_some(), "missing {key} in {d}");
    }
    assert_eq!(d["code"], "R0101");
    assert_eq!(d["line"], 4);
}

#[test]
fn github_format_annotates() {
    let dir = tempfile::tempdir().unwrap();
    let file = unknown_scale_file(dir.path());
    let (status, out, _) = rileva(&["check", "--format", "github", file.to_str().unwrap()]);
    assert_eq!(status, 1);
    assert!(out.starts_with("::error file="), "{out}");
    assert!(out.contains("title=R0101::"), "{out}");
}

#[test]
fn build_writes_nothing_when_check_fails() {
    let dir = tempfile::tempdir().unwrap();
    let good = "tests/contract/inps_hub_prestazioni.rileva";
    let bad = dir.path().join("bad.rileva");
    std::fs::write(
        &bad,
        "survey a.b { version 1.0.0 title \"T\" question q: yesno { \"Q?\" show if zz = 1 } }",
    )
    .unwrap();
    let out = dir.path().join("out");
    let (status, _, _) = rileva(&[
        "build",
        "--out",
        out.to_str().unwrap(),
        good,
        bad.to_str().unwrap(),
    ]);
    assert_eq!(status, 1);
    assert!(!out.exists(), "nothing may be written");
}

/// Every file and folder under `dir`, relative to it.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                todo.push(path.clone());
            }
            out.push(path.strip_prefix(dir).unwrap().to_path_buf());
        }
    }
    out.sort();
    out
}

#[test]
fn build_leaves_nothing_when_a_later_file_cannot_be_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // A file where the last target (ir) needs its folder: every other file of both surveys
    // is written first, to temporaries, and must be gone again.
    let blocker = out.join("inps.hub_prestazioni").join("ir");
    std::fs::create_dir_all(blocker.parent().unwrap()).unwrap();
    std::fs::write(&blocker, "not a folder").unwrap();
    let args = [
        "build",
        "--out",
        out.to_str().unwrap(),
        "examples/roma_gebac.rileva",
        "tests/contract/inps_hub_prestazioni.rileva",
    ];
    let (status, _, err) = rileva(&args);
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("cannot create"), "{err}");
    assert_eq!(
        entries(&out),
        [
            PathBuf::from("inps.hub_prestazioni"),
            PathBuf::from("inps.hub_prestazioni/ir")
        ],
        "only what was there before"
    );
    std::fs::remove_file(&blocker).unwrap();
    let (status, _, err) = rileva(&args);
    assert_eq!(status, 0, "{err}");
    let written = entries(&out);
    assert!(
        written.contains(&PathBuf::from("inps.hub_prestazioni/ir/survey.json")),
        "{written:?}"
    );
    assert!(
        !written.iter().any(|p| p.to_string_lossy().contains(".tmp-")),
        "{written:?}"
    );
}

#[test]
fn a_build_over_a_previous_one_replaces_every_file_and_leaves_no_temporary() {
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("s.rileva");
    let survey = |title: &str| {
        format!("survey a.b {{ version 1.0.0 title \"{title}\" question q: yesno {{ \"Q?\" }} }}")
    };
    let (out, fresh) = (dir.path().join("out"), dir.path().join("fresh"));
    let build = |into: &Path| {
        let (status, _, err) = rileva(&["build", "--out", into.to_str().unwrap(), source.to_str().unwrap()]);
        assert_eq!(status, 0, "{err}");
    };
    std::fs::write(&source, survey("Prima")).unwrap();
    build(&out);
    let first = entries(&out);
    // The second build exchanges each file in place with its new bytes (src/cli/replace.rs):
    // the same files as a build into an empty folder, with the same bytes, and nothing else.
    std::fs::write(&source, survey("Seconda")).unwrap();
    build(&out);
    build(&fresh);
    assert_eq!(entries(&out), first);
    assert_eq!(entries(&out), entries(&fresh));
    for path in entries(&fresh) {
        if fresh.join(&path).is_file() {
            let (got, want) = (
                std::fs::read(out.join(&path)).unwrap(),
                std::fs::read(fresh.join(&path)).unwrap(),
            );
            assert!(got == want, "{} differs from a fresh build", path.display());
        }
    }
    let form = std::fs::read_to_string(out.join("a.b/form.it.html")).unwrap();
    assert!(form.contains("Seconda") && !form.contains("Prima"), "{form}");
}

/// A build over its previous output leaves each file that already holds its bytes as it
/// is (the same inode: not even renamed), and puts every other one in place: one survey
/// edited among several rewrites its own files only, and a file changed by hand, even to
/// bytes of the same length, gets its bytes back.
#[test]
fn a_build_over_its_output_rewrites_only_the_files_that_change() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let (a, c) = (dir.path().join("a.rileva"), dir.path().join("c.rileva"));
    let survey = |id: &str, title: &str| {
        format!("survey {id} {{ version 1.0.0 title \"{title}\" question q: yesno {{ \"Q?\" }} }}")
    };
    let (out, fresh) = (dir.path().join("out"), dir.path().join("fresh"));
    let build = |into: &Path| {
        let (status, _, err) = rileva(&[
            "build",
            "--out",
            into.to_str().unwrap(),
            a.to_str().unwrap(),
            c.to_str().unwrap(),
        ]);
        assert_eq!(status, 0, "{err}");
    };
    let inodes = |root: &Path| -> std::collections::BTreeMap<PathBuf, u64> {
        entries(root)
            .into_iter()
            .filter(|p| root.join(p).is_file())
            .map(|p| {
                let inode = std::fs::metadata(root.join(&p)).unwrap().ino();
                (p, inode)
            })
            .collect()
    };
    std::fs::write(&a, survey("a.b", "Prima")).unwrap();
    std::fs::write(&c, survey("c.d", "Altra")).unwrap();
    build(&out);
    let before = inodes(&out);
    // Same length, other bytes: only reading them tells.
    let hand = out.join("c.d/response.schema.json");
    let mut edited = std::fs::read(&hand).unwrap();
    edited[0] = b' ';
    std::fs::write(&hand, edited).unwrap();
    std::fs::write(&a, survey("a.b", "Terza")).unwrap();
    build(&out);
    build(&fresh);
    let after = inodes(&out);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>()
    );
    for (path, inode) in &after {
        let (got, want) = (
            std::fs::read(out.join(path)).unwrap(),
            std::fs::read(fresh.join(path)).unwrap(),
        );
        assert!(got == want, "{} differs from a fresh build", path.display());
        let kept = *inode == before[path];
        let changed = path.starts_with("a.b") && path.extension().is_some_and(|e| e == "html" || e == "xml")
            || path == Path::new("c.d/response.schema.json");
        if changed {
            assert!(
                !kept,
                "{} holds new bytes but was not put in place",
                path.display()
            );
        } else if path.starts_with("c.d") {
            assert!(
                kept,
                "{} already held its bytes but was rewritten",
                path.display()
            );
        }
    }
    assert!(entries(&out)
        .iter()
        .all(|p| !p.to_string_lossy().contains(".tmp-")));
}

#[test]
fn warnings_fail_only_when_denied() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("warn.rileva");
    std::fs::write(
        &file,
        "options unused { 1 \"A\" 2 \"B\" }\nsurvey a.b {\n  version 1.0.0\n  title \"T\"\n  question q: yesno { \"Q?\" }\n}\n",
    )
    .unwrap();
    let (status, _, err) = rileva(&["check", file.to_str().unwrap()]);
    assert_eq!(status, 0, "{err}");
    assert!(err.contains("R0602"), "{err}");
    let (status, _, _) = rileva(&["check", "--deny-warnings", file.to_str().unwrap()]);
    assert_eq!(status, 1);
}
