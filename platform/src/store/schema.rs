//! The store, tables: create the surveys' tables when absent, and refuse existing tables of
//! another shape. The expected shape is not written down twice: the generated scripts are
//! run in a scratch place (an in-memory SQLite, a PostgreSQL schema rolled back at once)
//! and the database's own description of both is compared, so any difference the database
//! can see (a column, a type, a CHECK) is found.

use super::{idempotency_ddl, OpenError};
use rileva_targets::sql::quote::{ident, Dialect};
use rusqlite::{Connection, OptionalExtension};
use std::collections::BTreeMap;
use tokio_postgres::Client;

/// Table name -> the lines that describe it (columns in order, then constraints).
type Description = BTreeMap<String, Vec<String>>;

/// What differs between the expected tables and those found (only tables found are judged).
fn differences(expected: &Description, found: &Description) -> Vec<String> {
    let mut out = Vec::new();
    for (table, want) in expected {
        let Some(have) = found.get(table) else {
            continue;
        };
        if want == have {
            continue;
        }
        let missing: Vec<&String> = want.iter().filter(|l| !have.contains(l)).collect();
        let extra: Vec<&String> = have.iter().filter(|l| !want.contains(l)).collect();
        let mut what = Vec::new();
        if let Some(l) = missing.first() {
            what.push(format!("expected {l}"));
        }
        if let Some(l) = extra.first() {
            what.push(format!("found {l}"));
        }
        if what.is_empty() {
            what.push("its columns are in another order".to_owned());
        }
        let more = missing.len() + extra.len();
        let more = if more > 2 {
            format!(" (and {} more difference(s))", more - 2)
        } else {
            String::new()
        };
        out.push(format!("table {table}: {}{more}", what.join("; ")));
    }
    out
}

fn sqlite_describe(conn: &Connection) -> rusqlite::Result<Description> {
    let mut out = Description::new();
    let mut tables =
        conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")?;
    let rows = tables.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?))
    })?;
    for row in rows {
        let (name, sql) = row?;
        // The CREATE text, one line per column or constraint, spacing normalised.
        let sql = sql.unwrap_or_default().replace("IF NOT EXISTS ", "");
        let lines = sql
            .lines()
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .map(|l| l.trim_end_matches(',').to_owned())
            .filter(|l| !l.is_empty())
            .collect();
        out.insert(name, lines);
    }
    Ok(out)
}

/// What [`sqlite_prepare`] and [`postgres_prepare`] create besides the surveys' tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// `serve`: the idempotency table too.
    Idempotency,
    /// `load`: the surveys' tables only.
    None,
}

impl Keys {
    fn ddl(self, dialect: Dialect) -> Option<&'static str> {
        match self {
            Keys::Idempotency => Some(idempotency_ddl(dialect)),
            Keys::None => None,
        }
    }
}

/// SQLite: check every table the scripts would create against `conn`, then create what is
/// absent, in one IMMEDIATE transaction.
pub fn sqlite_prepare(conn: &mut Connection, scripts: &[String], keys: Keys) -> Result<(), OpenError> {
    let tx = conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| OpenError::Unavailable(e.to_string()))?;
    sqlite_check_and_create(&tx, scripts, keys)?;
    tx.commit().map_err(|e| OpenError::Unavailable(e.to_string()))
}

/// SQLite, inside the caller's (IMMEDIATE) transaction: refuse tables of another shape,
/// then create what is absent. `load` runs it in the transaction that inserts its rows.
pub fn sqlite_check_and_create(tx: &Connection, scripts: &[String], keys: Keys) -> Result<(), OpenError> {
    let sql_error = |e: rusqlite::Error| OpenError::Unavailable(e.to_string());
    let scratch = Connection::open_in_memory().map_err(sql_error)?;
    let ddl: Vec<&str> = scripts
        .iter()
        .map(String::as_str)
        .chain(keys.ddl(Dialect::Sqlite))
        .collect();
    for script in &ddl {
        scratch.execute_batch(script).map_err(sql_error)?;
    }
    let expected = sqlite_describe(&scratch).map_err(sql_error)?;
    let found = sqlite_describe(tx).map_err(sql_error)?;
    let diffs = differences(&expected, &found);
    if !diffs.is_empty() {
        return Err(OpenError::Mismatch(diffs));
    }
    for script in &ddl {
        tx.execute_batch(script).map_err(sql_error)?;
    }
    Ok(())
}

/// Whether a table exists in SQLite (for messages and tests).
pub fn sqlite_has_table(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [name],
        |_| Ok(()),
    )
    .optional()
    .map(|r| r.is_some())
}

const PG_COLUMNS: &str = "SELECT c.relname::text, 'column ' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) \
    || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END \
    || CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END \
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
    WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped \
    ORDER BY c.relname, a.attnum";

const PG_CONSTRAINTS: &str = "SELECT c.relname::text, 'constraint ' || quote_ident(co.conname) || ' ' || pg_get_constraintdef(co.oid) \
    FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace \
    WHERE n.nspname = $1 ORDER BY c.relname, co.conname";

async fn pg_describe(
    tx: &tokio_postgres::Transaction<'_>,
    schema: &str,
) -> Result<Description, tokio_postgres::Error> {
    // Constraint texts name other tables unqualified only when their schema is the first in
    // the search path: describe each schema with itself first.
    tx.batch_execute(&format!("SET LOCAL search_path TO {}", ident(schema)))
        .await?;
    let mut out = Description::new();
    for query in [PG_COLUMNS, PG_CONSTRAINTS] {
        for row in tx.query(query, &[&schema]).await? {
            out.entry(row.get::<_, String>(0))
                .or_default()
                .push(row.get::<_, String>(1));
        }
    }
    Ok(out)
}

/// An arbitrary constant: the advisory lock that makes concurrent starts create tables one
/// at a time.
const CREATE_LOCK: i64 = 0x7269_6c65_7661;

/// PostgreSQL: in one transaction under an advisory lock, check every table the scripts
/// would create against the current schema, then create what is absent.
pub async fn postgres_prepare(client: &mut Client, scripts: &[String], keys: Keys) -> Result<(), OpenError> {
    let tx = client.transaction().await.map_err(pg)?;
    postgres_check_and_create(&tx, scripts, keys).await?;
    tx.commit().await.map_err(pg)
}

fn pg(e: tokio_postgres::Error) -> OpenError {
    OpenError::Unavailable(super::postgres::message(&e))
}

/// PostgreSQL, inside the caller's transaction: the UTF8 check, the advisory lock, refuse
/// tables of another shape, create what is absent. `load` runs it in the transaction that
/// inserts its rows.
pub async fn postgres_check_and_create(
    tx: &tokio_postgres::Transaction<'_>,
    scripts: &[String],
    keys: Keys,
) -> Result<(), OpenError> {
    let encoding: String = tx
        .query_one("SHOW server_encoding", &[])
        .await
        .map_err(pg)?
        .get(0);
    if encoding != "UTF8" {
        return Err(OpenError::Unavailable(format!(
            "the database's encoding is {encoding}, not UTF8: lengths would not be counted in characters"
        )));
    }
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&CREATE_LOCK])
        .await
        .map_err(pg)?;
    let target: Option<String> = tx
        .query_one("SELECT current_schema()", &[])
        .await
        .map_err(pg)?
        .get(0);
    let target = target.ok_or_else(|| {
        OpenError::Unavailable("no schema of the search_path exists: tables cannot be created".into())
    })?;
    let ddl: Vec<&str> = scripts
        .iter()
        .map(String::as_str)
        .chain(keys.ddl(Dialect::Postgres))
        .collect();
    let scratch = format!("rileva_check_{}", std::process::id());
    tx.batch_execute("SAVEPOINT rileva_check").await.map_err(pg)?;
    tx.batch_execute(&format!(
        "CREATE SCHEMA {}; SET LOCAL search_path TO {}",
        ident(&scratch),
        ident(&scratch)
    ))
    .await
    .map_err(pg)?;
    for script in &ddl {
        tx.batch_execute(script).await.map_err(pg)?;
    }
    let expected = pg_describe(tx, &scratch).await.map_err(pg)?;
    let found = pg_describe(tx, &target).await.map_err(pg)?;
    // Also undoes the SET LOCAL search_paths.
    tx.batch_execute("ROLLBACK TO SAVEPOINT rileva_check")
        .await
        .map_err(pg)?;
    let diffs = differences(&expected, &found);
    if !diffs.is_empty() {
        return Err(OpenError::Mismatch(diffs));
    }
    for script in &ddl {
        tx.batch_execute(script).await.map_err(pg)?;
    }
    Ok(())
}
