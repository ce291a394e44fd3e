//! `rileva report`'s figures proven independently: responses with a known distribution
//! (tests/python/generate_responses.py) are stored by `rileva load` in real SQLite and real
//! PostgreSQL; `rileva report --format json` must give the same bytes from both, and every
//! count, mean, Wilson interval and NPS interval must match numpy and statsmodels to 1e-9
//! (tests/python/check_report.py). Needs RILEVA_TEST_POSTGRES and the venv of scripts/test.sh.

mod common;
mod report_support;
mod sql_support;

use common::rileva;
use report_support::{generate, python};
use sql_support::PgSchema;
use std::fs;

const SURVEYS: &str = "tests/report";

/// Report both databases with the same flags; return the JSON text (identical for both).
fn report_from_both(dir: &std::path::Path, sqlite: &str, pg: &str, flags: &[&str]) -> String {
    let mut texts = Vec::new();
    for (name, db) in [("sqlite", sqlite), ("postgres", pg)] {
        let out = dir.join(format!("report-{name}"));
        let out = out.to_str().unwrap();
        let mut args = vec!["report", SURVEYS, "--db", db, "--format", "json", "--out", out];
        args.extend(flags);
        let (code, stdout, stderr) = rileva(&args);
        assert_eq!(code, 0, "report from {name}: {stdout}{stderr}");
        texts.push(fs::read_to_string(format!("{out}/report.json")).unwrap());
    }
    assert!(
        texts[0] == texts[1],
        "SQLite and PostgreSQL give different report.json for {flags:?}"
    );
    fs::write(dir.join("report.json"), &texts[0]).unwrap();
    texts.remove(0)
}

#[test]
fn figures_agree_with_numpy_and_statsmodels_on_sqlite_and_postgres() {
    let dir = tempfile::tempdir().unwrap();
    let a = generate(dir.path(), "prova.sportello_a", 1500, 11, "2026-09-01", 91, "");
    let b = generate(dir.path(), "prova.sportello_b", 700, 12, "2026-09-01", 91, "");
    let sqlite = format!("sqlite:{}", dir.path().join("r.db").display());
    let schema = PgSchema::new("report");
    let pg = schema.url();
    for db in [&sqlite, &pg] {
        for (survey, file) in [("sportello_a", &a), ("sportello_b", &b)] {
            let source = format!("{SURVEYS}/{survey}.rileva");
            let (code, stdout, stderr) = rileva(&["load", &source, file.to_str().unwrap(), "--db", db]);
            assert_eq!(code, 0, "load {survey}: {stdout}{stderr}");
        }
    }
    for (flags, check) in [
        (vec![], vec![]),
        (
            vec!["--by", "month", "--by-channel"],
            vec!["--by", "month", "--by-channel"],
        ),
        (
            vec!["--by-channel", "--min-cell", "400"],
            vec!["--by-channel", "--min-cell", "400"],
        ),
    ] {
        let text = report_from_both(dir.path(), &sqlite, &pg, &flags);
        assert!(!text.contains("TESTO-LIBERO"), "free text in the report");
        let report = dir.path().join("report.json");
        let mut args = vec![
            "check_report.py".to_owned(),
            report.display().to_string(),
            a.display().to_string(),
            b.display().to_string(),
        ];
        args.extend(check.iter().map(|s| s.to_string()));
        let (ok, out) = python(&args);
        println!("{flags:?}: {out}");
        assert!(ok, "independent computation disagrees for {flags:?}:\n{out}");
    }
}

#[test]
fn the_checker_catches_a_wrong_figure() {
    // The independent check is not vacuous: one count changed by one is reported.
    let dir = tempfile::tempdir().unwrap();
    let a = generate(dir.path(), "prova.sportello_a", 200, 5, "2026-09-01", 30, "");
    let db = format!("sqlite:{}", dir.path().join("r.db").display());
    let (code, _, stderr) = rileva(&[
        "load",
        "tests/report/sportello_a.rileva",
        a.to_str().unwrap(),
        "--db",
        &db,
    ]);
    assert_eq!(code, 0, "{stderr}");
    let out = dir.path().join("out");
    let (code, _, stderr) = rileva(&[
        "report",
        "tests/report/sportello_a.rileva",
        "--db",
        &db,
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let text = fs::read_to_string(out.join("report.json")).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let answered = &mut json["surveys"][0]["questions"][0]["answered"];
    *answered = serde_json::json!(answered.as_u64().unwrap() + 1);
    let bad = dir.path().join("bad.json");
    fs::write(&bad, serde_json::to_string(&json).unwrap()).unwrap();
    let (ok, out) = python(&[
        "check_report.py".into(),
        bad.display().to_string(),
        a.display().to_string(),
    ]);
    assert!(!ok && out.contains("answered"), "{out}");
}
