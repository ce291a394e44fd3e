//! `rileva report`'s figures proven independently: responses with a known distribution
//! (tests/python/generate_responses.py) are stored by `rileva load` in real SQLite and real
//! PostgreSQL; `rileva report --format json` must give the same bytes from both, and every
//! count, mean, Wilson interval and NPS interval must match numpy and statsmodels to 1e-9
//! (tests/python/check_report.py, which reads what the surveys declare from their IR), for
//! every grouping (period, site, channel), --from/--to, --served participation, the
//! comparison across surveys of one standard and --min-cell disclosure. Needs
//! RILEVA_TEST_POSTGRES and the venv of scripts/test.sh: without them it fails, never skips.

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

/// Users served per day and site (`date,site,served`), deterministic: both sites of
/// sportello_a, lines without a site (sportello_b, and sportello_a's responses without
/// one), and a few days nobody counted.
fn served_csv(dir: &std::path::Path) -> std::path::PathBuf {
    // 2026-09-01 + 91 days: September, October, November.
    let days = (1..=30u32)
        .map(|d| format!("2026-09-{d:02}"))
        .chain((1..=31).map(|d| format!("2026-10-{d:02}")))
        .chain((1..=30).map(|d| format!("2026-11-{d:02}")));
    let mut text = String::from("date,site,served\n");
    for (day, date) in (0u32..).zip(days) {
        if day % 17 == 16 {
            continue;
        }
        for (i, site) in ["centro", "nord", ""].iter().enumerate() {
            let served = 30 + (day * 7 + i as u32 * 11) % 41;
            text.push_str(&format!("{date},{site},{served}\n"));
        }
    }
    let path = dir.join("served.csv");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn figures_agree_with_numpy_and_statsmodels_on_sqlite_and_postgres() {
    let dir = tempfile::tempdir().unwrap();
    let a = generate(
        dir.path(),
        "prova.sportello_a",
        1500,
        11,
        "2026-09-01",
        91,
        "centro,nord,-",
    );
    let b = generate(dir.path(), "prova.sportello_b", 700, 12, "2026-09-01", 91, "");
    let served = served_csv(dir.path());
    let served = served.to_str().unwrap();
    // What the surveys declare, for the checker: their IR, as `rileva build` writes it.
    let ir = dir.path().join("ir");
    let (code, stdout, stderr) = rileva(&["build", SURVEYS, "--target", "ir", "--out", ir.to_str().unwrap()]);
    assert_eq!(code, 0, "build --target ir: {stdout}{stderr}");
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
    let runs: [&[&str]; 5] = [
        // Totals, every indicator and the comparison of the standard's locked questions.
        &[],
        // Every grouping at once, with participation per month and site.
        &["--by", "month", "--by-site", "--by-channel", "--served", served],
        // A window by ISO week: --from/--to cut responses and served counts alike.
        &[
            "--by",
            "week",
            "--by-site",
            "--from",
            "2026-09-15",
            "--to",
            "2026-10-20",
            "--served",
            served,
        ],
        // Days: small cells, so disclosure control withholds many groups and rates.
        &[
            "--by",
            "day",
            "--by-site",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-07",
            "--served",
            served,
        ],
        // A high --min-cell: sportello_b (700) withheld whole and left out of comparisons.
        &[
            "--by-site",
            "--by-channel",
            "--min-cell",
            "800",
            "--served",
            served,
        ],
    ];
    for flags in runs {
        let text = report_from_both(dir.path(), &sqlite, &pg, flags);
        assert!(!text.contains("TESTO-LIBERO"), "free text in the report");
        let report = dir.path().join("report.json");
        let mut args = vec![
            "check_report.py".to_owned(),
            report.display().to_string(),
            a.display().to_string(),
            b.display().to_string(),
            "--ir".to_owned(),
            ir.display().to_string(),
        ];
        args.extend(flags.iter().map(|s| s.to_string()));
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
    let ir = dir.path().join("ir");
    let (code, _, stderr) = rileva(&[
        "build",
        "tests/report/sportello_a.rileva",
        "--target",
        "ir",
        "--out",
        ir.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let (ok, out) = python(&[
        "check_report.py".into(),
        bad.display().to_string(),
        a.display().to_string(),
        "--ir".into(),
        ir.display().to_string(),
    ]);
    assert!(!ok && out.contains("answered"), "{out}");
}
