//! Every command takes every version (docs/versions.md). Publishing while collecting: `rileva serve` collects
//! 1.0.0; the minor migration of `rileva diff --sql sqlite` runs; `serve` restarts on the same
//! database with 1.0.0, 1.1.0 and 2.0.0: the old pages keep working, responses to every
//! version are stored, each in its major version's table.

mod report_support;
mod serve;
mod sql_support;
mod support;

use serve::{agent, get, post, sqlite_count, start, try_start};
use std::path::Path;
use std::process::Command;

const V1: &str = "tests/versions/sportello_1_0_0.rileva";
const V11: &str = "tests/versions/sportello_1_1_0.rileva";
const V2: &str = "tests/versions/sportello_2_0_0.rileva";

fn survey(file: &str) -> rileva_compiler::ir::Survey {
    sql_support::compile_file(&serve::root().join(file)).remove(0)
}

#[test]
fn serve_collects_every_version_after_the_migration() {
    let dir = serve::temp_dir();
    let db = dir.path().join("r.db");
    let db_arg = format!("sqlite:{}", db.display());
    let a = agent();
    let (v1, v11, v2) = (survey(V1), survey(V11), survey(V2));
    let first = support::generate::valid(&v1);

    let mut server = start(&[V1, "--db", &db_arg]);
    let stored = post(&a, server.port, Some("v1-a"), &first[0].to_string()).unwrap();
    assert_eq!(stored.status, 201, "{}", stored.body);
    server.terminate();

    // 1.1.0 is not served on 1.0.0's table until the table is migrated.
    let refused = try_start(&[V1, V11, "--db", &db_arg])
        .err()
        .expect("serve refuses the old table");
    assert_eq!(refused.0, Some(2), "{}", refused.1);
    assert!(refused.1.contains("comune_sportello_tributi_v1"), "{}", refused.1);
    assert!(
        refused.1.contains("rileva diff OLD NEW --sql"),
        "says how: {}",
        refused.1
    );

    let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(["diff", V1, V11, "--sql", "sqlite"])
        .current_dir(serve::root())
        .output()
        .expect("run rileva diff");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let migration = String::from_utf8(out.stdout).expect("UTF-8");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch(&migration).expect("the migration runs");
    drop(conn);

    let server = start(&[V1, V11, V2, "--db", &db_arg]);
    for (key, response) in [
        ("v1-b", &first[1 % first.len()]),
        ("v11-a", &support::generate::valid(&v11)[0]),
        ("v2-a", &support::generate::valid(&v2)[0]),
    ] {
        let answer = post(&a, server.port, Some(key), &response.to_string()).unwrap();
        assert_eq!(answer.status, 201, "{key}: {}", answer.body);
    }
    // An old page keeps working beside the new one.
    for path in [
        "/s/comune.sportello_tributi@1.0.0/form.it.html",
        "/s/comune.sportello_tributi@1.1.0/form.it.html",
        "/s/comune.sportello_tributi/form.it.html",
    ] {
        assert_eq!(get(&a, &server.url(path)).unwrap().status, 200, "{path}");
    }
    let latest = get(&a, &server.url("/s/comune.sportello_tributi/form.it.html")).unwrap();
    assert!(
        latest.body.contains("2.0.0"),
        "the plain URL serves the latest version"
    );
    // A response of 1.0.0 that uses 1.1.0's new question is still refused.
    let mut stray = first[0].clone();
    stray["answers"]["prenotazione"] = serde_json::json!(1);
    let answer = post(&a, server.port, Some("v1-stray"), &stray.to_string()).unwrap();
    assert_eq!(answer.status, 422, "{}", answer.body);
    assert_eq!(sqlite_count(&db, "comune_sportello_tributi_v1"), 3);
    assert_eq!(sqlite_count(&db, "comune_sportello_tributi_v2"), 1);
}

#[test]
fn serve_refuses_minor_versions_with_breaking_changes() {
    let dir = serve::temp_dir();
    let db_arg = format!("sqlite:{}", dir.path().join("r.db").display());
    let refused = try_start(&[V1, "tests/diff/sportello_v1_1_breaking.rileva", "--db", &db_arg])
        .err()
        .expect("serve refuses");
    assert_eq!(refused.0, Some(2), "{}", refused.1);
    assert!(refused.1.contains("needs version 2.0.0"), "{}", refused.1);
}

#[test]
fn load_and_validate_judge_each_response_by_its_version() {
    let dir = serve::temp_dir();
    let (v1, v11, v2) = (survey(V1), survey(V11), survey(V2));
    let mut wrong = support::generate::valid(&v11)[0].clone();
    wrong["version"] = serde_json::json!("1.9.0");
    // A 1.0.0 response may not answer the question 1.1.0 added.
    let mut stray = support::generate::valid(&v1)[0].clone();
    stray["answers"]["prenotazione"] = serde_json::json!(1);
    let lines = [
        support::generate::valid(&v1)[0].to_string(),
        support::generate::valid(&v11)[0].to_string(),
        support::generate::valid(&v2)[0].to_string(),
        wrong.to_string(),
        stray.to_string(),
    ];
    let file = dir.path().join("responses.jsonl");
    std::fs::write(&file, lines.join("\n") + "\n").expect("write");
    let file = file.display().to_string();
    let rileva = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
            .args(args)
            .current_dir(serve::root())
            .output()
            .expect("run rileva");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
        )
    };
    let (status, out) = rileva(&["validate", "tests/versions", &file]);
    assert_eq!(status, Some(1), "{out}");
    assert!(out.contains("5 responses: 3 accepted, 2 rejected"), "{out}");
    assert!(
        out.contains("line 4: rejected") && out.contains("line 5: rejected"),
        "{out}"
    );
    let db = dir.path().join("r.db");
    let (status, out) = rileva(&[
        "load",
        "tests/versions",
        &file,
        "--db",
        &format!("sqlite:{}", db.display()),
    ]);
    assert_eq!(status, Some(1), "{out}");
    assert!(
        out.contains("loaded 3 response(s) into comune_sportello_tributi_v1, comune_sportello_tributi_v2"),
        "{out}"
    );
    assert_eq!(sqlite_count(&db, "comune_sportello_tributi_v1"), 2);
    assert_eq!(sqlite_count(&db, "comune_sportello_tributi_v2"), 1);
}

#[test]
fn report_merges_versions_on_comparable_questions() {
    let dir = serve::temp_dir();
    let (v1, v11, v2) = (survey(V1), survey(V11), survey(V2));
    let mut lines = Vec::new();
    for v in [&v1, &v11, &v2] {
        for mut r in support::generate::valid(v) {
            // Free text the report must never show (tests/python/check_report.py looks).
            if r["channel"] == "web" && v.question("commento").is_some() {
                r["answers"]["commento"] = serde_json::json!("TESTO-LIBERO");
            }
            lines.push(r.to_string());
        }
    }
    let file = dir.path().join("responses.jsonl");
    std::fs::write(&file, lines.join("\n") + "\n").expect("write");
    let db = dir.path().join("r.db");
    let db_arg = format!("sqlite:{}", db.display());
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
            .args(args)
            .current_dir(serve::root())
            .output()
            .expect("run rileva");
        let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
        (out.status.code(), text, out.stdout)
    };
    let (status, out, _) = run(&[
        "load",
        "tests/versions",
        &file.display().to_string(),
        "--db",
        &db_arg,
    ]);
    assert_eq!(status, Some(0), "{out}");
    let out_dir = dir.path().join("report");
    let report_args = [
        "report",
        "tests/versions",
        "--db",
        &db_arg,
        "--min-cell",
        "1",
        "--format",
        "json",
        "--out",
    ];
    let mut args = report_args.to_vec();
    let out_arg = out_dir.display().to_string();
    args.push(&out_arg);
    // Two major versions are reported through the view of the major migration.
    let (status, out, _) = run(&args);
    assert_eq!(status, Some(1), "{out}");
    assert!(out.contains("comune_sportello_tributi_all"), "{out}");
    let old = dir.path().join("v1");
    std::fs::create_dir(&old).expect("mkdir");
    for f in [V1, V11] {
        std::fs::copy(f, old.join(Path::new(f).file_name().unwrap())).expect("copy");
    }
    let (status, out, migration) = run(&["diff", &old.display().to_string(), V2, "--sql", "sqlite"]);
    assert_eq!(status, Some(0), "{out}");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch(&String::from_utf8(migration).unwrap())
        .expect("the major migration runs");
    drop(conn);
    let (status, out, _) = run(&args);
    assert_eq!(status, Some(0), "{out}");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("report.json")).unwrap()).unwrap();
    let surveys = report["surveys"].as_array().unwrap();
    assert_eq!(surveys.len(), 1, "the three versions are one survey");
    let s = &surveys[0];
    assert_eq!(s["versions"], serde_json::json!(["1.0.0", "1.1.0", "2.0.0"]));
    assert_eq!(s["responses"], serde_json::json!(lines.len()));
    let merged: Vec<&str> = s["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["question"].as_str().unwrap())
        .collect();
    assert_eq!(merged, ["soddisfazione", "prenotazione"]);
    let left: Vec<&str> = s["not_merged"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["question"].as_str().unwrap())
        .collect();
    assert_eq!(left, ["motivi", "sportello", "attesa", "commento"]);
    let answered = s["questions"][0]["answered"].as_u64().unwrap();
    let expected = lines
        .iter()
        .filter(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["answers"]["soddisfazione"].as_i64().is_some_and(|c| c != 9)
        })
        .count() as u64;
    assert_eq!(
        answered, expected,
        "soddisfazione answered in every version, missing code apart"
    );

    // One version's file on a table that holds two: refused, naming the version left out,
    // rather than counting 1.0.0's codes under 1.1.0's labels. Nothing is written.
    let alone = dir.path().join("alone");
    let alone_arg = alone.display().to_string();
    let (status, out, _) = run(&[
        "report",
        V11,
        "--db",
        &db_arg,
        "--min-cell",
        "1",
        "--out",
        &alone_arg,
    ]);
    assert_eq!(status, Some(1), "{out}");
    assert!(
        out.contains("holds responses of version 1.0.0 but only 1.1.0 was given"),
        "{out}"
    );
    assert!(!alone.exists(), "nothing written on a refused report");

    // Every figure of the merged report, computed again by tests/python/check_report.py
    // from the responses and the versions' IR, with its own reading of comparability.
    let ir = dir.path().join("ir");
    let (status, out, _) = run(&[
        "build",
        "tests/versions",
        "--target",
        "ir",
        "--out",
        &ir.display().to_string(),
    ]);
    assert_eq!(status, Some(0), "{out}");
    let (ok, out) = report_support::python(&[
        "check_report.py".into(),
        out_dir.join("report.json").display().to_string(),
        file.display().to_string(),
        "--ir".into(),
        ir.display().to_string(),
        "--min-cell".into(),
        "1".into(),
    ]);
    assert!(ok, "the independent computation disagrees:\n{out}");
    assert!(out.contains("figures compared"), "{out}");
}

#[test]
fn serve_on_postgres_accepts_the_migrated_table() {
    let pg = sql_support::PgSchema::new("versions_serve");
    let url = pg.url();
    let a = agent();
    let (v1, v11) = (survey(V1), survey(V11));
    let mut server = start(&[V1, "--db", &url]);
    let first = support::generate::valid(&v1);
    assert_eq!(
        post(&a, server.port, Some("pg-1"), &first[0].to_string())
            .unwrap()
            .status,
        201
    );
    server.terminate();
    let refused = try_start(&[V1, V11, "--db", &url])
        .err()
        .expect("not before the migration");
    assert_eq!(refused.0, Some(2), "{}", refused.1);
    let out = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(["diff", V1, V11, "--sql", "postgres"])
        .current_dir(serve::root())
        .output()
        .expect("run rileva diff");
    assert_eq!(out.status.code(), Some(0));
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let migration = String::from_utf8(out.stdout).unwrap();
    client.batch_execute(&migration).expect("the migration runs");
    client.batch_execute(&migration).expect("and runs again");
    let server = start(&[V1, V11, "--db", &url]);
    for (key, response) in [
        ("pg-2", &first[1 % first.len()]),
        ("pg-3", &support::generate::valid(&v11)[0]),
    ] {
        let answer = post(&a, server.port, Some(key), &response.to_string()).unwrap();
        assert_eq!(answer.status, 201, "{key}: {}", answer.body);
    }
    let versions: Vec<String> = client
        .query(
            "SELECT survey_version FROM comune_sportello_tributi_v1 ORDER BY response_id",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(versions, ["1.0.0", "1.0.0", "1.1.0"]);
}
