//! `cargo bench --bench serve`: accepted responses per second through the real `rileva serve`
//! (8 concurrent HTTP clients, each response with its own key), next to inserting the same
//! rows directly into the same database in the same run (8 connections for PostgreSQL, one
//! for SQLite, one committed transaction per response with its key, as the server commits
//! them), and the ratio. SQLite runs on a temporary file; PostgreSQL on RILEVA_TEST_POSTGRES
//! (required: the bench fails without it). Prints a Markdown table.

#[path = "../tests/serve/mod.rs"]
mod serve;

use rileva_compiler::{compile, ir, Input};
use rileva_platform::store::bind::{pg_type, pg_values, sqlite_value};
use rileva_platform::store::{idempotency_ddl, Tables};
use rileva_targets::sql::quote::Dialect;
use rileva_targets::sql::row;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

const RESPONSES: usize = 3000;
const CLIENTS: usize = 8;

fn survey() -> ir::Survey {
    let path = serve::root().join(serve::KIOSK);
    let bytes = std::fs::read(&path).expect("read the kiosk example");
    let c = compile(
        &[Input {
            name: path.display().to_string(),
            bytes,
        }],
        &[],
    );
    c.surveys.into_iter().next().expect("the kiosk survey compiles")
}

/// Responses per second through the server at `db`.
fn through_server(db: &str, prefix: &str) -> f64 {
    let server = serve::start(&[serve::KIOSK, "--db", db, "--rate-limit", "0"]);
    let bodies: Vec<String> = (0..RESPONSES)
        .map(|i| serve::kiosk_response(i).to_string())
        .collect();
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..CLIENTS {
            s.spawn(|| {
                let agent = serve::agent();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= RESPONSES {
                        break;
                    }
                    let key = format!("{prefix}-{i}");
                    let answer = serve::post(&agent, server.port, Some(&key), &bodies[i]).expect("an answer");
                    assert_eq!(answer.status, 201, "{}", answer.body);
                }
            });
        }
    });
    RESPONSES as f64 / started.elapsed().as_secs_f64()
}

const KEY_INSERT_SQLITE: &str = "INSERT INTO \"rileva_idempotency\" (\"idempotency_key\", \"response_table\", \"response_id\", \"body_sha256\") VALUES (?1, ?2, ?3, ?4)";
const KEY_INSERT_PG: &str = "INSERT INTO \"rileva_idempotency\" (\"idempotency_key\", \"response_table\", \"response_id\", \"body_sha256\") VALUES ($1, $2, $3, $4)";

fn sqlite_direct(survey: &ir::Survey, path: &std::path::Path) -> f64 {
    let tables = Tables::new(survey, Dialect::Sqlite);
    let rows: Vec<_> = (0..RESPONSES)
        .map(|i| row::row(survey, &serve::kiosk_response(i)).expect("a row"))
        .collect();
    let mut conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
        .unwrap();
    conn.execute_batch(&tables.script).unwrap();
    conn.execute_batch(idempotency_ddl(Dialect::Sqlite)).unwrap();
    let insert = tables.insert_returning();
    let started = Instant::now();
    for (i, values) in rows.iter().enumerate() {
        let tx = conn.transaction().unwrap();
        let id: i64 = tx
            .prepare_cached(&insert)
            .unwrap()
            .query_row(rusqlite::params_from_iter(values.iter().map(sqlite_value)), |r| {
                r.get(0)
            })
            .unwrap();
        tx.prepare_cached(KEY_INSERT_SQLITE)
            .unwrap()
            .execute(rusqlite::params![format!("d-{i}"), tables.table, id, "x"])
            .unwrap();
        tx.commit().unwrap();
    }
    RESPONSES as f64 / started.elapsed().as_secs_f64()
}

/// A fresh schema of the PostgreSQL of RILEVA_TEST_POSTGRES, and its URL.
fn pg_schema(base: &str, name: &str) -> String {
    let mut client =
        postgres::Client::connect(base, postgres::NoTls).expect("connect to RILEVA_TEST_POSTGRES");
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}"
        ))
        .unwrap();
    let sep = if base.contains('?') { '&' } else { '?' };
    format!("{base}{sep}options=-c%20search_path%3D{name}")
}

fn postgres_direct(survey: &ir::Survey, url: &str) -> f64 {
    let tables = Tables::new(survey, Dialect::Postgres);
    let mut setup = postgres::Client::connect(url, postgres::NoTls).unwrap();
    setup.batch_execute(&tables.script).unwrap();
    setup.batch_execute(idempotency_ddl(Dialect::Postgres)).unwrap();
    let rows: Vec<_> = (0..RESPONSES)
        .map(|i| row::row(survey, &serve::kiosk_response(i)).expect("a row"))
        .collect();
    let types: Vec<_> = tables.types.iter().map(|t| pg_type(*t)).collect();
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..CLIENTS {
            s.spawn(|| {
                let mut client = postgres::Client::connect(url, postgres::NoTls).unwrap();
                let insert = client.prepare_typed(&tables.insert_returning(), &types).unwrap();
                let key = client.prepare(KEY_INSERT_PG).unwrap();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= RESPONSES {
                        break;
                    }
                    let values = pg_values(&rows[i], &tables.types);
                    let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = values
                        .iter()
                        .map(|v| v.as_ref() as &(dyn postgres::types::ToSql + Sync))
                        .collect();
                    let mut tx = client.transaction().unwrap();
                    let id: i64 = tx.query_one(&insert, &refs).unwrap().get(0);
                    tx.execute(&key, &[&format!("d-{i}"), &tables.table, &id, &"x"])
                        .unwrap();
                    tx.commit().unwrap();
                }
            });
        }
    });
    RESPONSES as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    // `cargo test --benches` runs benches with --bench absent: nothing to measure then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let base = std::env::var("RILEVA_TEST_POSTGRES")
        .expect("RILEVA_TEST_POSTGRES must name a PostgreSQL (scripts/postgres.sh start)");
    let survey = survey();
    let dir = serve::temp_dir();
    let served = through_server(&format!("sqlite:{}", dir.path().join("served.db").display()), "s");
    let direct = sqlite_direct(&survey, &dir.path().join("direct.db"));
    let pg_served = through_server(&pg_schema(&base, "bench_serve_served"), "s");
    let pg_direct = postgres_direct(&survey, &pg_schema(&base, "bench_serve_direct"));
    println!("{RESPONSES} responses, {CLIENTS} clients, survey lecce.anagrafe_kiosk\n");
    println!("| database | rileva serve (responses/s) | direct insert (rows/s) | ratio |");
    println!("| --- | --- | --- | --- |");
    println!("| SQLite | {served:.0} | {direct:.0} | {:.2} |", served / direct);
    println!(
        "| PostgreSQL | {pg_served:.0} | {pg_direct:.0} | {:.2} |",
        pg_served / pg_direct
    );
}
