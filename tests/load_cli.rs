//! `rileva load`, through the binary, on real databases: every example's generated valid
//! responses load into SQLite and PostgreSQL, come back value for value, and decode through
//! the codebook with one join; a file with rejected lines loads its accepted lines and exits
//! 1; a database error rolls back everything (no table, no row), even on a line near the end
//! of a long file, and the lines after it are still judged; a load killed with SIGKILL in
//! mid-stream stores nothing and the same lines load again; usage errors exit 2.

mod sql_support;
mod support;

use rileva_compiler::ir::{self, QuestionKind};
use rileva_targets::sql::row::{self, Param};
use serde_json::Value;
use sql_support::PgSchema;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn rileva(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(args)
        .output()
        .expect("run rileva")
}

fn text(output: &Output) -> String {
    format!(
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn write_lines(dir: &Path, name: &str, lines: &[Value]) -> PathBuf {
    let path = dir.join(name);
    let body: Vec<String> = lines.iter().map(Value::to_string).collect();
    std::fs::write(&path, body.join("\n") + "\n").expect("write responses");
    path
}

fn load(survey: &Path, responses: &Path, db: &str) -> Output {
    let args = [
        "load",
        &survey.display().to_string(),
        &responses.display().to_string(),
        "--db",
        db,
    ]
    .map(|s| s.to_owned());
    rileva(&args.iter().map(String::as_str).collect::<Vec<_>>())
}

/// A stored value as JSON: integers, booleans (SQLite 0/1 read as integers), texts, null.
fn expected_json(param: &Param, sqlite: bool) -> Value {
    match param {
        Param::Null => Value::Null,
        Param::Integer(i) => Value::from(*i),
        Param::Text(s) => Value::from(s.clone()),
        Param::Boolean(b) if sqlite => Value::from(i64::from(*b)),
        Param::Boolean(b) => Value::from(*b),
    }
}

fn sqlite_rows(db: &Path, survey: &ir::Survey) -> Vec<Vec<Value>> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let columns: Vec<String> = row::insert_columns(survey)
        .iter()
        .map(|c| format!("\"{}\"", c.name))
        .collect();
    let sql = format!(
        "SELECT {} FROM \"{}\" ORDER BY response_id",
        columns.join(", "),
        survey.table
    );
    let mut stmt = conn.prepare(&sql).expect("select");
    let rows = stmt
        .query_map([], |r| {
            (0..columns.len())
                .map(|i| {
                    Ok(match r.get::<_, rusqlite::types::Value>(i)? {
                        rusqlite::types::Value::Integer(v) => Value::from(v),
                        rusqlite::types::Value::Text(t) => Value::from(t),
                        rusqlite::types::Value::Null => Value::Null,
                        other => Value::from(format!("{other:?}")),
                    })
                })
                .collect::<Result<Vec<Value>, rusqlite::Error>>()
        })
        .expect("query")
        .collect::<Result<Vec<_>, _>>()
        .expect("rows");
    rows
}

fn pg_rows(pg: &mut PgSchema, survey: &ir::Survey) -> Vec<Vec<Value>> {
    let columns: Vec<String> = row::insert_columns(survey)
        .iter()
        .map(|c| c.name.clone())
        .collect();
    let sql = format!(
        "SELECT to_jsonb(r)::text FROM \"{}\" r ORDER BY response_id",
        survey.table
    );
    pg.client
        .query(&sql, &[])
        .expect("select")
        .iter()
        .map(|r| {
            let object: Value = serde_json::from_str(r.get::<_, &str>(0)).expect("JSON row");
            columns.iter().map(|c| object[c].clone()).collect()
        })
        .collect()
}

/// How many tables the SQLite file holds (it is opened as `load` left it).
fn sqlite_tables(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open");
    conn.query_row(
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
        [],
        |r| r.get(0),
    )
    .expect("count")
}

/// How many tables the test's schema holds.
fn pg_tables(pg: &mut PgSchema) -> i64 {
    pg.client
        .query_one(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()",
            &[],
        )
        .expect("count")
        .get(0)
}

/// Compare stored rows with the rows of the responses (all but `submitted_at`, which
/// PostgreSQL stores as an instant).
fn assert_rows(survey: &ir::Survey, responses: &[Value], stored: &[Vec<Value>], sqlite: bool) {
    assert_eq!(stored.len(), responses.len(), "{}: rows stored", survey.id);
    let timestamp = row::insert_columns(survey)
        .iter()
        .position(|c| c.name == "submitted_at")
        .expect("submitted_at");
    for (response, got) in responses.iter().zip(stored) {
        let want: Vec<Value> = row::row(survey, response)
            .expect("a valid response has a row")
            .iter()
            .map(|p| expected_json(p, sqlite))
            .collect();
        for (i, (w, g)) in want.iter().zip(got).enumerate() {
            if i != timestamp {
                assert_eq!(w, g, "{}: column {i} of {response}", survey.id);
            }
        }
        assert!(!got[timestamp].is_null());
    }
}

/// Decode one answer of every coded question and every option column through the codebook.
fn decode_queries(survey: &ir::Survey) -> Vec<(String, Vec<String>)> {
    let t = &survey.table;
    let language = survey.default_language();
    let mut out = Vec::new();
    for q in survey.questions.iter().filter(|q| q.kind.is_coded()) {
        if q.kind == QuestionKind::Multi {
            let sql = format!(
                "SELECT c.label FROM \"{t}_columns\" col JOIN \"{t}_codes\" c \
                 ON c.question_id = col.question_id AND c.code = col.code AND c.language = '{language}' \
                 WHERE col.question_id = '{}' AND col.role = 'option' ORDER BY col.position",
                q.id
            );
            out.push((
                sql,
                q.codes.iter().map(|c| c.label.get(language).to_owned()).collect(),
            ));
        } else {
            let sql = format!(
                "SELECT r.\"{q}\", c.label FROM \"{t}\" r JOIN \"{t}_codes\" c \
                 ON c.question_id = '{q}' AND c.code = r.\"{q}\" AND c.language = '{language}' \
                 ORDER BY r.response_id",
                q = q.id
            );
            out.push((sql, Vec::new()));
        }
    }
    out
}

/// Every decoded label is the IR's label of that code; every answered code decodes.
fn check_decoded_sqlite(db: &Path, survey: &ir::Survey, responses: &[Value]) {
    let conn = rusqlite::Connection::open(db).expect("open");
    let language = survey.default_language();
    for (q, (sql, option_labels)) in survey
        .questions
        .iter()
        .filter(|q| q.kind.is_coded())
        .zip(decode_queries(survey))
    {
        let mut stmt = conn.prepare(&sql).expect("decode query");
        if q.kind == QuestionKind::Multi {
            let labels: Vec<String> = stmt
                .query_map([], |r| r.get(0))
                .expect("q")
                .map(|r| r.expect("row"))
                .collect();
            assert_eq!(labels, option_labels, "{}: options of {}", survey.id, q.id);
            continue;
        }
        let decoded: Vec<(i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("q")
            .map(|r| r.expect("row"))
            .collect();
        let answered = responses
            .iter()
            .filter(|r| r["answers"].get(&q.id).is_some())
            .count();
        assert_eq!(
            decoded.len(),
            answered,
            "{}: every answer to {} decodes",
            survey.id,
            q.id
        );
        for (code, label) in decoded {
            assert_eq!(q.code(code).map(|c| c.label.get(language)), Some(label.as_str()));
        }
    }
}

fn check_decoded_pg(pg: &mut PgSchema, survey: &ir::Survey, responses: &[Value]) {
    let language = survey.default_language();
    for (q, (sql, option_labels)) in survey
        .questions
        .iter()
        .filter(|q| q.kind.is_coded())
        .zip(decode_queries(survey))
    {
        let rows = pg.client.query(&sql, &[]).expect("decode query");
        if q.kind == QuestionKind::Multi {
            let labels: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
            assert_eq!(labels, option_labels, "{}: options of {}", survey.id, q.id);
            continue;
        }
        let answered = responses
            .iter()
            .filter(|r| r["answers"].get(&q.id).is_some())
            .count();
        assert_eq!(
            rows.len(),
            answered,
            "{}: every answer to {} decodes",
            survey.id,
            q.id
        );
        for r in rows {
            let code: i64 = r
                .try_get::<_, i32>(0)
                .map(i64::from)
                .or_else(|_| r.try_get(0))
                .expect("code");
            let label: String = r.get(1);
            assert_eq!(q.code(code).map(|c| c.label.get(language)), Some(label.as_str()));
        }
    }
}

#[test]
fn every_example_loads_into_sqlite_and_decodes() {
    let dir = tempfile::tempdir().expect("temp dir");
    for path in support::surveys::paths() {
        let survey = support::surveys::compile_file(&path);
        let name = survey.table.clone();
        let valid = support::generate::valid(&survey);
        let responses = write_lines(dir.path(), &format!("{name}.jsonl"), &valid);
        let db = dir.path().join(format!("{name}.db"));
        let output = load(&path, &responses, &format!("sqlite:{}", db.display()));
        assert_eq!(output.status.code(), Some(0), "{name}: {}", text(&output));
        assert!(
            String::from_utf8_lossy(&output.stdout).contains(&format!("loaded {} response(s)", valid.len()))
        );
        assert_rows(&survey, &valid, &sqlite_rows(&db, &survey), true);
        check_decoded_sqlite(&db, &survey, &valid);
    }
}

#[test]
fn every_example_loads_into_postgres_and_decodes() {
    let dir = tempfile::tempdir().expect("temp dir");
    for path in support::surveys::paths() {
        let survey = support::surveys::compile_file(&path);
        let name = survey.table.clone();
        let mut pg = PgSchema::new("load");
        let valid = support::generate::valid(&survey);
        let responses = write_lines(dir.path(), &format!("{name}.jsonl"), &valid);
        let output = load(&path, &responses, &pg.url());
        assert_eq!(output.status.code(), Some(0), "{name}: {}", text(&output));
        assert_rows(&survey, &valid, &pg_rows(&mut pg, &survey), false);
        check_decoded_pg(&mut pg, &survey, &valid);
    }
}

/// The contract's INPS survey, three valid responses and one invalid between them.
fn mixed(dir: &Path) -> (PathBuf, ir::Survey, Vec<Value>, PathBuf) {
    let path = sql_support::root().join("tests/contract/inps_hub_prestazioni.rileva");
    let survey = support::surveys::compile_file(&path);
    let valid = support::generate::valid(&survey);
    assert!(valid.len() >= 3);
    let mut bad = valid[1].clone();
    bad["answers"]["nonesiste"] = Value::from(1);
    let lines = vec![valid[0].clone(), bad, valid[2].clone(), valid[3].clone()];
    let file = write_lines(dir, "mixed.jsonl", &lines);
    (
        path,
        survey,
        vec![valid[0].clone(), valid[2].clone(), valid[3].clone()],
        file,
    )
}

#[test]
fn rejected_lines_are_reported_and_the_accepted_ones_loaded() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, survey, accepted, file) = mixed(dir.path());
    let db = dir.path().join("mixed.db");
    let output = load(&path, &file, &format!("sqlite:{}", db.display()));
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("line 2: rejected") && stdout.contains("nonesiste"),
        "{stdout}"
    );
    assert!(stdout.contains("loaded 3 response(s)"), "{stdout}");
    assert_rows(&survey, &accepted, &sqlite_rows(&db, &survey), true);

    let mut pg = PgSchema::new("mixed");
    let output = load(&path, &file, &pg.url());
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert_rows(&survey, &accepted, &pg_rows(&mut pg, &survey), false);

    // Loading again adds the rows again and leaves the codebook as it was.
    let codes: i64 = pg
        .client
        .query_one(&format!("SELECT count(*) FROM \"{}_codes\"", survey.table), &[])
        .expect("count")
        .get(0);
    let output = load(&path, &file, &pg.url());
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let twice: Vec<Value> = accepted.iter().chain(&accepted).cloned().collect();
    assert_rows(&survey, &twice, &pg_rows(&mut pg, &survey), false);
    let again: i64 = pg
        .client
        .query_one(&format!("SELECT count(*) FROM \"{}_codes\"", survey.table), &[])
        .expect("count")
        .get(0);
    assert_eq!(codes, again);
}

#[test]
fn json_report_counts_lines_and_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, survey, _, file) = mixed(dir.path());
    let db = format!("sqlite:{}", dir.path().join("json.db").display());
    let args = [
        "load",
        &path.display().to_string(),
        &file.display().to_string(),
        "--db",
        &db,
        "--format",
        "json",
    ]
    .map(|s| s.to_owned());
    let output = rileva(&args.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let report: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(report["responses"], 4);
    assert_eq!(report["accepted"], 3);
    assert_eq!(report["loaded"], 3);
    assert_eq!(report["rejected"][0]["line"], 2);
    assert_eq!(report["rejected"][0]["reasons"][0]["kind"], "unknown_key");
    assert_eq!(report["table"], survey.table.as_str());
    assert!(report["database_error"].is_null());
}

#[test]
fn a_database_error_leaves_nothing_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, survey, _, file) = mixed(dir.path());
    // A table of that name with another shape: refused by the same table check as `serve`
    // (store::schema), before anything is created or inserted.
    let db = dir.path().join("clash.db");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch(&format!(
        "CREATE TABLE \"{}\" (response_id INTEGER PRIMARY KEY)",
        survey.table
    ))
    .expect("create");
    drop(conn);
    let output = load(&path, &file, &format!("sqlite:{}", db.display()));
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("database error")
            && stderr.contains("do not match")
            && stderr.contains(&survey.table),
        "{stderr}"
    );
    assert!(stderr.contains("nothing was loaded"), "{stderr}");
    assert_eq!(sqlite_tables(&db), 1, "no codebook table was created");

    let mut pg = PgSchema::new("clash");
    pg.client
        .batch_execute(&format!(
            "CREATE TABLE \"{}\" (response_id bigint PRIMARY KEY)",
            survey.table
        ))
        .expect("create");
    let output = load(&path, &file, &pg.url());
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("do not match") && stderr.contains(&survey.table),
        "{}",
        text(&output)
    );
    assert_eq!(pg_tables(&mut pg), 1, "no codebook table was created");
}

#[test]
fn tables_of_another_shape_are_refused_as_serve_refuses_them() {
    // The survey's own tables with one more CHECK: every column is there, so only the
    // shared table check (store::schema) can tell; nothing is loaded.
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, survey, accepted, _) = mixed(dir.path());
    let file = write_lines(dir.path(), "valid.jsonl", &accepted);
    let alter = format!(
        "ALTER TABLE \"{t}\" ADD CONSTRAINT only_one CHECK (response_id < 2)",
        t = survey.table
    );
    let mut pg = PgSchema::new("reshaped");
    let sql = rileva_targets::sql::script(&survey, rileva_targets::sql::quote::Dialect::Postgres);
    pg.client.batch_execute(&sql).expect("create tables");
    pg.client.batch_execute(&alter).expect("alter");
    let output = load(&path, &file, &pg.url());
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("do not match") && stderr.contains("only_one"),
        "{}",
        text(&output)
    );
    assert!(pg_rows(&mut pg, &survey).is_empty());

    // The same tables as the survey's (made by an earlier load): accepted, rows added.
    let db = dir.path().join("twice.db");
    let url = format!("sqlite:{}", db.display());
    for round in 1..=2 {
        let output = load(&path, &file, &url);
        assert_eq!(output.status.code(), Some(0), "load {round}: {}", text(&output));
    }
    assert_eq!(sqlite_rows(&db, &survey).len(), 2 * accepted.len());
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch(&format!(
        "DROP TABLE \"{t}\"; CREATE TABLE \"{t}\" (response_id INTEGER PRIMARY KEY, survey_version TEXT)",
        t = survey.table
    ))
    .expect("reshape");
    drop(conn);
    let output = load(&path, &file, &url);
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("do not match"),
        "{}",
        text(&output)
    );
}

#[test]
fn a_constraint_violation_rolls_back_every_row() {
    // A unique index on `survey_version` (an index, not a constraint of the table, so the
    // table check lets it pass) rejects the second response: the first one, already
    // inserted, is rolled back with it.
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, survey, accepted, _) = mixed(dir.path());
    let file = write_lines(dir.path(), "valid.jsonl", &accepted);
    let mut pg = PgSchema::new("violation");
    let sql = rileva_targets::sql::script(&survey, rileva_targets::sql::quote::Dialect::Postgres);
    pg.client.batch_execute(&sql).expect("create tables");
    pg.client
        .batch_execute(&format!(
            "CREATE UNIQUE INDEX only_one ON \"{t}\" (survey_version)",
            t = survey.table
        ))
        .expect("index");
    let output = load(&path, &file, &pg.url());
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("only_one"),
        "{}",
        text(&output)
    );
    assert!(pg_rows(&mut pg, &survey).is_empty());
}

#[test]
fn unreachable_database_and_bad_urls() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, _, _, file) = mixed(dir.path());
    let output = load(&path, &file, "postgres://postgres@127.0.0.1:1/postgres");
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot connect"));
    for bad in ["mysql://x", "sqlite:", "responses.db"] {
        let output = load(&path, &file, bad);
        assert_eq!(output.status.code(), Some(2), "{bad}: {}", text(&output));
    }
}

/// 3,000 accepted lines, the database refusing the 1,499th (a trigger, which the table check
/// lets pass), then a rejected line: rows are sent as lines are read (on PostgreSQL the COPY
/// has streamed several sends of rows past the refused one before the server's error comes
/// back), yet nothing is stored, and the line after the refused one is still judged and
/// reported in the same run.
#[test]
fn a_refused_line_near_the_end_stores_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, survey, accepted, _) = mixed(dir.path());
    let mut lines: Vec<Value> = accepted.iter().cycle().take(3_000).cloned().collect();
    lines[1_498]["submitted_at"] = Value::from("2031-01-01T00:00:00Z");
    let mut body: Vec<String> = lines.iter().map(Value::to_string).collect();
    body.push("{not json".to_owned());
    let file = dir.path().join("late.jsonl");
    std::fs::write(&file, body.join("\n") + "\n").expect("write");
    let expect_report = |output: &Output| {
        assert_eq!(output.status.code(), Some(1), "{}", text(output));
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("line 3001: rejected"), "{}", text(output));
        assert!(
            stdout.contains(": 3001 responses: 3000 accepted, 1 rejected"),
            "{}",
            text(output)
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("refused near the end") && stderr.contains("nothing was loaded"),
            "{}",
            text(output)
        );
    };
    let t = &survey.table;

    let db = dir.path().join("late.db");
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch(&rileva_targets::sql::script(
        &survey,
        rileva_targets::sql::quote::Dialect::Sqlite,
    ))
    .expect("create tables");
    conn.execute_batch(&format!(
        "CREATE TRIGGER refuse BEFORE INSERT ON \"{t}\" \
         WHEN NEW.submitted_at = '2031-01-01T00:00:00Z' \
         BEGIN SELECT RAISE(ABORT, 'refused near the end'); END"
    ))
    .expect("trigger");
    drop(conn);
    expect_report(&load(&path, &file, &format!("sqlite:{}", db.display())));
    assert!(sqlite_rows(&db, &survey).is_empty());

    let mut pg = PgSchema::new("late");
    let sql = rileva_targets::sql::script(&survey, rileva_targets::sql::quote::Dialect::Postgres);
    pg.client.batch_execute(&sql).expect("create tables");
    pg.client
        .batch_execute(&format!(
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
             IF NEW.submitted_at = '2031-01-01T00:00:00Z' THEN RAISE EXCEPTION 'refused near the end'; END IF; \
             RETURN NEW; END $$; \
             CREATE TRIGGER refuse BEFORE INSERT ON \"{t}\" FOR EACH ROW EXECUTE FUNCTION refuse()"
        ))
        .expect("trigger");
    expect_report(&load(&path, &file, &pg.url()));
    assert!(pg_rows(&mut pg, &survey).is_empty());

    // Without the trigger the same file stores its 3,000 accepted lines, in order.
    pg.client
        .batch_execute(&format!("DROP TRIGGER refuse ON \"{t}\""))
        .expect("drop");
    let output = load(&path, &file, &pg.url());
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert_rows(&survey, &lines, &pg_rows(&mut pg, &survey), false);
}

/// `load` killed with SIGKILL in the middle of its stream (its standard input still open, so
/// it cannot have reached the commit), once the database shows rows arriving: nothing is
/// stored, not even the tables it created, and the same lines loaded again are stored once
/// each. PostgreSQL shows the rows in `pg_stat_progress_copy`; SQLite spills them into the file
/// while its rollback journal holds the old pages.
#[test]
fn a_load_killed_mid_stream_stores_nothing_and_loads_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, survey, accepted, _) = mixed(dir.path());
    let chunk: String = accepted
        .iter()
        .cycle()
        .take(1_000)
        .map(|line| line.to_string() + "\n")
        .collect();

    let db = dir.path().join("killed.db");
    let sqlite_url = format!("sqlite:{}", db.display());
    let journal = dir.path().join("killed.db-journal");
    // Rows spilled from SQLite's page cache into the file, their pages in the journal.
    let sent = kill_mid_stream(&path, &sqlite_url, &chunk, || {
        journal.exists() && std::fs::metadata(&db).is_ok_and(|m| m.len() > 0)
    });
    assert_eq!(
        sqlite_tables(&db),
        0,
        "SQLite kept tables of a load killed after {sent} lines"
    );
    load_again(&path, &survey, &accepted, sent, dir.path(), &sqlite_url, || {
        sqlite_rows(&db, &survey)
    });

    let mut pg = PgSchema::new("killed");
    let url = format!("{}&application_name={}", pg.url(), pg.name);
    let probe = format!(
        "SELECT coalesce(max(p.tuples_processed), 0) FROM pg_stat_progress_copy p \
         JOIN pg_stat_activity a USING (pid) WHERE a.application_name = '{}'",
        pg.name
    );
    let mut watcher =
        postgres::Client::connect(&sql_support::postgres_url(), postgres::NoTls).expect("connect");
    let sent = kill_mid_stream(&path, &url, &chunk, || {
        watcher.query_one(&probe, &[]).expect("progress").get::<_, i64>(0) > 0
    });
    // The server ends the killed session's transaction when it sees the socket close.
    let gone = format!(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = '{}'",
        pg.name
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while watcher.query_one(&gone, &[]).expect("sessions").get::<_, i64>(0) > 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the killed session never ended"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(
        pg_tables(&mut pg),
        0,
        "PostgreSQL kept tables of a load killed after {sent} lines"
    );
    load_again(&path, &survey, &accepted, sent, dir.path(), &url, || {
        pg_rows(&mut pg, &survey)
    });
}

/// Start `load` on standard input, send `chunk` until `arrived` says the database has rows
/// of this load, then SIGKILL it with its input still open. The number of lines sent.
fn kill_mid_stream(survey: &Path, db: &str, chunk: &str, mut arrived: impl FnMut() -> bool) -> usize {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(["load", &survey.display().to_string(), "-", "--db", db])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("start rileva load");
    let mut input = child.stdin.take().expect("stdin");
    let mut sent = 0;
    while !arrived() {
        assert!(
            sent < 500_000,
            "no row of the load reached {db} after {sent} lines"
        );
        assert!(
            child.try_wait().expect("wait").is_none(),
            "load ended before the kill"
        );
        input.write_all(chunk.as_bytes()).expect("send lines");
        input.flush().expect("flush");
        sent += chunk.lines().count();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        child.try_wait().expect("wait").is_none(),
        "load ended before the kill"
    );
    child.kill().expect("SIGKILL");
    child.wait().expect("reap");
    drop(input);
    sent
}

/// The lines a killed load was sent, loaded again from a file: every one stored, once.
fn load_again(
    survey_path: &Path,
    survey: &ir::Survey,
    accepted: &[Value],
    sent: usize,
    dir: &Path,
    db: &str,
    mut rows: impl FnMut() -> Vec<Vec<Value>>,
) {
    let lines: Vec<Value> = accepted.iter().cycle().take(sent).cloned().collect();
    let file = write_lines(dir, "again.jsonl", &lines);
    let output = load(survey_path, &file, db);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output));
    assert_rows(survey, &lines, &rows(), db.starts_with("sqlite:"));
}
