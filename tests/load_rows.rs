//! `rileva load` stores the rows `rileva serve` stores: the same responses (a question of
//! every kind, NULLs, free texts with tabs, newlines, carriage returns, backslashes, `\N`,
//! quotes, unicode and control characters, date-times in every accepted shape) loaded into
//! PostgreSQL (COPY) and posted to the real server (one INSERT each) give equal rows, and
//! loaded into SQLite (a prepared INSERT) the same values.

mod serve;
mod sql_support;

use serde_json::{Map, Value};
use sql_support::PgSchema;
use std::process::Command;

const SURVEY: &str = "tests/load/every_type.rileva";
const RESPONSES: &str = "tests/load/every_type.jsonl";
const TABLE: &str = "prova_ogni_tipo_v1";

fn responses() -> Vec<Value> {
    let text = std::fs::read_to_string(serve::root().join(RESPONSES)).expect("read responses");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn load(db: &str) {
    let output = Command::new(env!("CARGO_BIN_EXE_rileva"))
        .args(["load", SURVEY, RESPONSES, "--db", db])
        .current_dir(serve::root())
        .output()
        .expect("run rileva load");
    assert_eq!(
        output.status.code(),
        Some(0),
        "load into {db}:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every row of the table without its `response_id`, in the order stored.
fn pg_rows(schema: &mut PgSchema) -> Vec<Map<String, Value>> {
    let sql = format!("SELECT (to_jsonb(r) - 'response_id')::text FROM \"{TABLE}\" r ORDER BY response_id");
    schema
        .client
        .query(&sql, &[])
        .expect("select")
        .iter()
        .map(|r| serde_json::from_str(r.get::<_, &str>(0)).expect("a JSON row"))
        .collect()
}

fn sqlite_rows(db: &std::path::Path) -> Vec<Map<String, Value>> {
    use rusqlite::types::Value as Sql;
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM \"{TABLE}\" ORDER BY response_id"))
        .expect("select");
    let names: Vec<String> = stmt.column_names().iter().map(|s| s.to_string()).collect();
    let rows = stmt
        .query_map([], |r| {
            let mut row = Map::new();
            for (i, name) in names.iter().enumerate().filter(|(_, n)| *n != "response_id") {
                let value = match r.get::<_, Sql>(i)? {
                    Sql::Integer(v) => Value::from(v),
                    Sql::Text(t) => Value::from(t),
                    Sql::Null => Value::Null,
                    other => panic!("{name}: {other:?}"),
                };
                row.insert(name.clone(), value);
            }
            Ok(row)
        })
        .expect("query");
    rows.map(|r| r.expect("row")).collect()
}

#[test]
fn load_stores_the_rows_serve_stores_on_postgres_and_sqlite() {
    let responses = responses();
    assert!(responses.len() >= 10);

    let mut loaded = PgSchema::new("load_rows");
    load(&loaded.url());
    let copied = pg_rows(&mut loaded);

    let mut served = PgSchema::new("serve_rows");
    let server = serve::start(&[SURVEY, "--db", &served.url(), "--rate-limit", "0"]);
    let agent = serve::agent();
    for (i, response) in responses.iter().enumerate() {
        let answer = serve::post(&agent, server.port, Some(&format!("k{i}")), &response.to_string())
            .expect("serve answers");
        assert_eq!(answer.status, 201, "line {}: {}", i + 1, answer.body);
    }
    drop(server);
    let inserted = pg_rows(&mut served);
    assert_eq!(copied.len(), responses.len());
    assert_eq!(
        copied, inserted,
        "load's COPY and serve's INSERT store the same rows"
    );

    // Every text is stored as written.
    for (response, row) in responses.iter().zip(&copied) {
        for (key, value) in response["answers"].as_object().expect("answers") {
            if value.is_string() {
                assert_eq!(&row[key], value, "{key}");
            }
        }
    }

    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("rows.db");
    load(&format!("sqlite:{}", db.display()));
    let sqlite = sqlite_rows(&db);
    assert_eq!(sqlite.len(), copied.len());
    for ((response, pg), lite) in responses.iter().zip(&copied).zip(&sqlite) {
        let mut columns: Vec<&String> = pg.keys().collect();
        let mut lite_columns: Vec<&String> = lite.keys().collect();
        columns.sort();
        lite_columns.sort();
        assert_eq!(columns, lite_columns, "the same columns");
        for (column, value) in pg {
            let want = match value {
                // SQLite keeps the accepted text, PostgreSQL the instant.
                _ if column == "submitted_at" => response["submitted_at"].clone(),
                Value::Bool(b) => Value::from(i64::from(*b)),
                other => other.clone(),
            };
            assert_eq!(lite[column], want, "{column} of {response}");
        }
    }
}
