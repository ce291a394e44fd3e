//! The store on PostgreSQL: `load`'s one transaction (COPY as rows are read: `copy.rs`), and
//! `serve`'s [`Pool`] (tokio-postgres through deadpool), where each response is one short
//! transaction: insert the row, insert its key; a key already there rolls the row back.

use super::bind::{pg_type, pg_values};
use super::copy::Copier;
use super::schema::{self, Keys};
use super::{LoadError, OpenError, Rows, StoreError, Stored, Submission, Tables};
use deadpool_postgres::{Manager, ManagerConfig, RecyclingMethod, Runtime, Timeouts};
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::error::{DbError, SqlState};
use tokio_postgres::types::{ToSql, Type};
use tokio_postgres::NoTls;

/// `rileva load`: one transaction that checks existing tables as `serve` does (refusing
/// tables of another shape), creates what is absent and copies the rows `rows` gives with
/// `COPY ... FROM STDIN` ([`Copier`]), streamed while the next are read; any error rolls it
/// back. Memory holds at most a megabyte of rows per table. tokio-postgres, so `load` and
/// `serve` share one table check; the connection runs on a worker thread of its own, so it
/// writes to the server while this thread judges the next responses. The number of rows
/// committed.
pub fn load(url: &str, tables: &[Tables], rows: Rows<'_>) -> Result<usize, LoadError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .map_err(|e| LoadError::Database(format!("cannot start the runtime: {e}")))?
        .block_on(load_async(url, tables, rows))
}

async fn load_async(url: &str, tables: &[Tables], rows: Rows<'_>) -> Result<usize, LoadError> {
    let database = |e: tokio_postgres::Error| LoadError::Database(message(&e));
    let (mut client, connection) = tokio_postgres::connect(url, NoTls)
        .await
        .map_err(|e| LoadError::Database(format!("cannot connect: {}", message(&e))))?;
    let connection = tokio::spawn(connection);
    let tx = client.transaction().await.map_err(database)?;
    let scripts: Vec<String> = tables.iter().map(|t| t.script.clone()).collect();
    schema::postgres_check_and_create(&tx, &scripts, Keys::None)
        .await
        .map_err(|e| LoadError::Database(e.to_string()))?;
    let mut copier = Copier::new(tables);
    let mut count = 0;
    for row in rows {
        let (table, values) = row.map_err(LoadError::Rows)?;
        copier.push(&tx, table, &values).await?;
        count += 1;
    }
    copier.finish(&tx).await?;
    tx.commit().await.map_err(database)?;
    drop(client);
    let _ = connection.await;
    Ok(count)
}

/// The server's own words (severity, message, detail) when there are some.
pub fn message(error: &tokio_postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => db_message(db),
        None => error.to_string(),
    }
}

fn db_message(db: &DbError) -> String {
    let mut out = format!("{}: {}", db.severity(), db.message());
    if let Some(detail) = db.detail() {
        out.push_str(&format!(" ({detail})"));
    }
    out
}

/// How long `serve` waits for a connection, and for one response's transaction.
const WAIT: Duration = Duration::from_secs(5);

/// `serve`'s connections to one PostgreSQL.
#[derive(Clone)]
pub struct Pool {
    pool: deadpool_postgres::Pool,
    tables: Arc<Vec<Tables>>,
}

impl Pool {
    /// Connect, check and create the tables (one process at a time), keep a pool.
    pub async fn open(url: &str, tables: Vec<Tables>, size: usize) -> Result<Pool, OpenError> {
        let config: tokio_postgres::Config = url
            .parse()
            .map_err(|e| OpenError::Unavailable(format!("--db: {e}")))?;
        let mut config = config;
        config.connect_timeout(WAIT);
        let manager = Manager::from_config(
            config,
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = deadpool_postgres::Pool::builder(manager)
            .max_size(size)
            .runtime(Runtime::Tokio1)
            .timeouts(Timeouts {
                wait: Some(WAIT),
                create: Some(WAIT),
                recycle: Some(WAIT),
            })
            .build()
            .map_err(|e| OpenError::Unavailable(e.to_string()))?;
        let mut client = pool
            .get()
            .await
            .map_err(|e| OpenError::Unavailable(format!("cannot connect: {}", pool_message(&e))))?;
        let scripts: Vec<String> = tables.iter().map(|t| t.script.clone()).collect();
        schema::postgres_prepare(&mut client, &scripts, Keys::Idempotency).await?;
        Ok(Pool {
            pool,
            tables: Arc::new(tables),
        })
    }

    /// Store one response; `Ok` only once its transaction has committed.
    pub async fn store(&self, s: &Submission) -> Result<Stored, StoreError> {
        match tokio::time::timeout(2 * WAIT, self.store_within(s)).await {
            Ok(result) => result,
            Err(_) => Err(StoreError::Unavailable(
                "the database did not answer in time".into(),
            )),
        }
    }

    async fn store_within(&self, s: &Submission) -> Result<Stored, StoreError> {
        let tables = &self.tables[s.tables];
        let mut client = self
            .pool
            .get()
            .await
            .map_err(|e| StoreError::Unavailable(pool_message(&e)))?;
        let types: Vec<Type> = tables.types.iter().map(|t| pg_type(*t)).collect();
        let tx = client.transaction().await.map_err(classify)?;
        let insert = tx
            .prepare_typed_cached(&tables.insert_returning(), &types)
            .await
            .map_err(classify)?;
        let values = pg_values(&s.row, &tables.types);
        let refs: Vec<&(dyn ToSql + Sync)> =
            values.iter().map(|v| v.as_ref() as &(dyn ToSql + Sync)).collect();
        let id: i64 = tx.query_one(&insert, &refs).await.map_err(classify)?.get(0);
        let key = tx
            .prepare_cached(
                "INSERT INTO \"rileva_idempotency\" (\"idempotency_key\", \"response_table\", \"response_id\", \"body_sha256\") \
                 VALUES ($1, $2, $3, $4) ON CONFLICT (\"idempotency_key\") DO NOTHING",
            )
            .await
            .map_err(classify)?;
        let inserted = tx
            .execute(&key, &[&s.key, &tables.table, &id, &s.digest])
            .await
            .map_err(classify)?;
        if inserted == 1 {
            tx.commit().await.map_err(classify)?;
            return Ok(Stored::New(id));
        }
        // The key was committed by another request (perhaps another process): this row goes.
        tx.rollback().await.map_err(classify)?;
        let row = client
            .query_one(
                "SELECT \"response_table\", \"response_id\", \"body_sha256\" FROM \"rileva_idempotency\" WHERE \"idempotency_key\" = $1",
                &[&s.key],
            )
            .await
            .map_err(classify)?;
        let (table, id, digest): (String, i64, String) = (row.get(0), row.get(1), row.get(2));
        Ok(if table == tables.table && digest == s.digest {
            Stored::Replayed(id)
        } else {
            Stored::Conflict
        })
    }

    /// Whether the database answers a query.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let work = async {
            let client = self
                .pool
                .get()
                .await
                .map_err(|e| StoreError::Unavailable(pool_message(&e)))?;
            client.simple_query("SELECT 1").await.map_err(classify)?;
            Ok(())
        };
        tokio::time::timeout(WAIT, work).await.unwrap_or_else(|_| {
            Err(StoreError::Unavailable(
                "the database did not answer in time".into(),
            ))
        })
    }

    /// The pool, for read-only queries (`rileva report`).
    pub fn inner(&self) -> &deadpool_postgres::Pool {
        &self.pool
    }
}

fn pool_message(e: &deadpool_postgres::PoolError) -> String {
    match e {
        deadpool_postgres::PoolError::Backend(e) => message(e),
        other => other.to_string(),
    }
}

/// A constraint violation is the row's fault (a bug: the validator accepted it); anything
/// else (connection lost, server shutting down, out of resources) is passing.
fn classify(e: tokio_postgres::Error) -> StoreError {
    let constraint = e.code().is_some_and(|c| {
        [
            SqlState::CHECK_VIOLATION,
            SqlState::NOT_NULL_VIOLATION,
            SqlState::UNIQUE_VIOLATION,
            SqlState::INVALID_DATETIME_FORMAT,
            SqlState::DATETIME_FIELD_OVERFLOW,
            SqlState::NUMERIC_VALUE_OUT_OF_RANGE,
        ]
        .contains(c)
    });
    if constraint {
        StoreError::Refused(message(&e))
    } else {
        StoreError::Unavailable(message(&e))
    }
}
