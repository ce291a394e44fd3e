//! `rileva report`'s outputs on fixed responses (tests/report/*.responses.jsonl, loaded into
//! SQLite): report.json as an insta snapshot and valid against `rileva schema report`; the
//! HTML pages in Italian and English (figures formatted for the language, every survey text
//! escaped, no free text); the CSV tables; and the errors, reported with nothing written.

mod common;

use common::rileva;
use std::fs;
use std::path::Path;

/// A SQLite file with the fixed responses of both fixture surveys.
fn loaded(dir: &Path) -> String {
    let db = format!("sqlite:{}", dir.join("r.db").display());
    for survey in ["sportello_a", "sportello_b"] {
        let (code, out, err) = rileva(&[
            "load",
            &format!("tests/report/{survey}.rileva"),
            &format!("tests/report/{survey}.responses.jsonl"),
            "--db",
            &db,
        ]);
        assert_eq!(code, 0, "{out}{err}");
    }
    db
}

fn report(db: &str, out: &Path, extra: &[&str]) -> (i32, String, String) {
    let mut args = vec![
        "report",
        "tests/report",
        "--db",
        db,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    rileva(&args)
}

#[test]
fn report_json_snapshot_and_schema() {
    let dir = tempfile::tempdir().unwrap();
    let db = loaded(dir.path());
    let out = dir.path().join("out");
    let (code, stdout, stderr) = report(&db, &out, &["--format", "json", "--by", "month", "--by-channel"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let text = fs::read_to_string(out.join("report.json")).unwrap();
    insta::assert_snapshot!("report_json", text);

    let (code, schema, _) = rileva(&["schema", "report"]);
    assert_eq!(code, 0);
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    let validator = jsonschema::draft7::new(&schema).expect("a valid JSON Schema");
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "report.json does not match its schema: {errors:#?}"
    );
    // The schema is not vacuous: a share given as text is refused.
    let mut bad = json.clone();
    bad["surveys"][0]["questions"][0]["positive"]["share"] = serde_json::json!("81%");
    assert!(!validator.is_valid(&bad));
}

#[test]
fn html_pages_format_figures_for_their_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = loaded(dir.path());
    let out = dir.path().join("out");
    let (code, stdout, stderr) = report(&db, &out, &["--lang", "it", "--lang", "en", "--by", "month"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    let share = json["surveys"][0]["questions"][0]["positive"]["share"]
        .as_f64()
        .unwrap();
    let percent = format!("{:.1}", (share * 1000.0).round() / 10.0);
    let it = fs::read_to_string(out.join("report.it.html")).unwrap();
    let en = fs::read_to_string(out.join("report.en.html")).unwrap();
    assert!(it.starts_with("<!DOCTYPE html>\n<html lang=\"it\">"));
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(
        it.contains(&format!("{}%", percent.replace('.', ","))),
        "Italian page lacks {percent}% with a comma"
    );
    assert!(
        en.contains(&format!("{percent}%")),
        "English page lacks {percent}%"
    );
    for page in [&it, &en] {
        assert!(!page.contains("TESTO-LIBERO"), "free text on the page");
        assert!(page.contains("<svg role=\"img\""), "no chart");
        assert!(page.contains("<polyline"), "no line over time");
        assert!(
            !page.contains("<script") && !page.contains("<link") && !page.contains("src="),
            "not self-contained"
        );
    }
}

#[test]
fn every_survey_text_is_escaped_and_free_text_never_shown() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("e.db").display());
    let survey = "tests/e2e/fixtures/escaping.rileva";
    let (code, out, err) = rileva(&[
        "load",
        survey,
        "tests/report/escaping.responses.jsonl",
        "--db",
        &db,
    ]);
    assert_eq!(code, 0, "{out}{err}");
    for format in ["html", "csv"] {
        let out = dir.path().join(format);
        let (code, stdout, stderr) = rileva(&[
            "report",
            survey,
            "--db",
            &db,
            "--format",
            format,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stdout}{stderr}");
        for entry in fs::read_dir(&out).unwrap() {
            let path = entry.unwrap().path();
            let text = fs::read_to_string(&path).unwrap();
            assert!(!text.contains("TESTO-LIBERO"), "free text in {}", path.display());
            if format == "html" && path.extension().is_some_and(|e| e == "html") {
                assert!(
                    !text.contains("<script"),
                    "unescaped markup in {}",
                    path.display()
                );
                assert!(!text.contains("<img"), "unescaped markup in {}", path.display());
                assert!(
                    text.contains("Tom &amp; Jerry &quot;due&quot;"),
                    "a label is missing or escaped twice"
                );
            }
        }
    }
}

#[test]
fn csv_tables_one_per_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = loaded(dir.path());
    let out = dir.path().join("out");
    let (code, stdout, stderr) = report(&db, &out, &["--format", "csv", "--by", "week", "--lang", "en"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let mut names: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "comparisons.csv",
            "prova.sportello_a.counts.csv",
            "prova.sportello_a.group_counts.csv",
            "prova.sportello_a.groups.csv",
            "prova.sportello_a.indicators.csv",
            "prova.sportello_b.counts.csv",
            "prova.sportello_b.group_counts.csv",
            "prova.sportello_b.groups.csv",
            "prova.sportello_b.indicators.csv",
            "report.json",
        ]
    );
    let counts = fs::read_to_string(out.join("prova.sportello_a.counts.csv")).unwrap();
    assert!(counts.starts_with("question,code,label,missing,count,share\r\n"));
    assert!(counts.contains("facilita,9,Don't know,true,"), "{counts}");
    let by_group = fs::read_to_string(out.join("prova.sportello_a.group_counts.csv")).unwrap();
    assert!(
        by_group.starts_with("period,site,site_label,channel,question,code,label,missing,count,share\r\n"),
        "{by_group}"
    );
    assert!(by_group.contains(",facilita,9,Don't know,true,"), "{by_group}");
}

#[test]
fn errors_are_reported_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    // No table: the database holds no response of these surveys.
    let empty = format!("sqlite:{}", dir.path().join("empty.db").display());
    rusqlite::Connection::open(dir.path().join("empty.db"))
        .unwrap()
        .execute_batch("CREATE TABLE x (y)")
        .unwrap();
    let (code, _, stderr) = report(&empty, &out, &[]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("prova.sportello_a") && stderr.contains("prova.sportello_b"),
        "{stderr}"
    );
    assert!(!out.exists(), "something was written");
    // A day that does not exist, a bad --min-cell, a missing database file: exit 2.
    let db = loaded(dir.path());
    for extra in [
        &["--from", "2026-02-30"][..],
        &["--min-cell", "0"],
        &["--from", "2026-10-01", "--to", "2026-09-01"],
    ] {
        let (code, _, stderr) = report(&db, &out, extra);
        assert_eq!(code, 2, "{extra:?}: {stderr}");
    }
    let (code, _, _) = report("sqlite:/nonexistent/r.db", &out, &[]);
    assert_eq!(code, 1);
    // Every bad line of --served is reported in one run.
    let served = dir.path().join("served.csv");
    fs::write(
        &served,
        "date,site,served\n2026-09-31,,10\n2026-09-02,nowhere,5\n2026-09-03,,many\n",
    )
    .unwrap();
    let (code, _, stderr) = report(&db, &out, &["--served", served.to_str().unwrap()]);
    assert_eq!(code, 1, "{stderr}");
    for line in ["line 2", "line 3", "line 4"] {
        assert!(stderr.contains(line), "{line} not reported: {stderr}");
    }
    assert!(!out.exists(), "something was written");
}

#[test]
fn participation_rate_is_responses_over_served() {
    let dir = tempfile::tempdir().unwrap();
    let db = loaded(dir.path());
    let out = dir.path().join("out");
    let served = dir.path().join("served.csv");
    let mut csv = String::from("date,site,served\n");
    for day in 1..=30 {
        csv.push_str(&format!("2026-09-{day:02},,10\n"));
    }
    fs::write(&served, csv).unwrap();
    let (code, stdout, stderr) = report(
        &db,
        &out,
        &[
            "--format",
            "json",
            "--served",
            served.to_str().unwrap(),
            "--to",
            "2026-09-30",
        ],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("report.json")).unwrap()).unwrap();
    for survey in json["surveys"].as_array().unwrap() {
        let total = &survey["participation"]["total"];
        assert_eq!(total["served"], 300);
        let responses = survey["responses"].as_u64().unwrap();
        assert_eq!(
            total["responses"].as_u64(),
            Some(responses),
            "every response of September is counted"
        );
        assert_eq!(total["rate"].as_f64(), Some(responses as f64 / 300.0));
    }
}
