//! The store on SQLite: `load`'s one transaction (rows inserted as they are read), and `serve`'s [`Writer`], one thread
//! that owns the only connection and commits what it is sent in groups (one transaction,
//! one savepoint per response), so a burst costs one disk sync instead of one per response.

use super::bind::{sqlite_value, SqliteParam};
use super::schema::{self, Keys};
use super::{LoadError, OpenError, Rows, StoreError, Stored, Submission, Tables};
use rusqlite::{params_from_iter, Connection, ErrorCode, OptionalExtension, TransactionBehavior};
use std::sync::mpsc;
use std::time::Duration;
use tokio::sync::oneshot;

/// How long a statement waits for another process's lock before the database counts as
/// unavailable.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The most responses committed in one transaction.
const GROUP: usize = 256;

fn open(path: &str) -> rusqlite::Result<Connection> {
    let connection = Connection::open(path)?;
    connection.busy_timeout(BUSY_TIMEOUT)?;
    Ok(connection)
}

/// `rileva load`: one IMMEDIATE transaction that checks existing tables as `serve` does
/// (refusing tables of another shape), creates what is absent and inserts each row as
/// `rows` gives it, through one prepared statement per table; any error rolls it back (the
/// transaction is dropped uncommitted). The number of rows committed.
pub fn load(path: &str, tables: &[Tables], rows: Rows<'_>) -> Result<usize, LoadError> {
    let database = |e: rusqlite::Error| LoadError::Database(e.to_string());
    let mut connection = open(path).map_err(|e| LoadError::Database(format!("cannot open {path}: {e}")))?;
    let tx = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(database)?;
    let scripts: Vec<String> = tables.iter().map(|t| t.script.clone()).collect();
    schema::sqlite_check_and_create(&tx, &scripts, Keys::None)
        .map_err(|e| LoadError::Database(e.to_string()))?;
    let mut count = 0;
    {
        let mut inserts = tables
            .iter()
            .map(|t| tx.prepare(&t.insert))
            .collect::<Result<Vec<_>, _>>()
            .map_err(database)?;
        for row in rows {
            let (table, values) = row.map_err(LoadError::Rows)?;
            let insert = inserts
                .get_mut(table)
                .ok_or_else(|| LoadError::Rows(format!("no table {table}")))?;
            insert
                .execute(params_from_iter(values.iter().map(SqliteParam)))
                .map_err(|e| {
                    LoadError::Database(format!("inserting accepted response {}: {e}", count + 1))
                })?;
            count += 1;
        }
    }
    tx.commit().map_err(database)?;
    Ok(count)
}

enum Job {
    Store(Submission, oneshot::Sender<Result<Stored, StoreError>>),
    Ping(oneshot::Sender<Result<(), StoreError>>),
}

/// The handle `serve` keeps: cheap to clone, sends work to the writer thread.
#[derive(Clone)]
pub struct Writer {
    jobs: mpsc::Sender<Job>,
}

impl Writer {
    /// Open (or create) the file, check and create the tables, start the writer thread.
    pub fn open(path: &str, tables: Vec<Tables>) -> Result<Writer, OpenError> {
        let mut conn = open(path).map_err(|e| OpenError::Unavailable(format!("cannot open {path}: {e}")))?;
        // WAL lets readers (`rileva report`, sqlite3) work while responses arrive;
        // synchronous FULL makes every commit durable before its answer.
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
            .map_err(|e| OpenError::Unavailable(format!("cannot use {path}: {e}")))?;
        let scripts: Vec<String> = tables.iter().map(|t| t.script.clone()).collect();
        schema::sqlite_prepare(&mut conn, &scripts, Keys::Idempotency)?;
        let (jobs, queue) = mpsc::channel();
        std::thread::Builder::new()
            .name("rileva-sqlite-writer".into())
            .spawn(move || writer(conn, tables, queue))
            .map_err(|e| OpenError::Unavailable(format!("cannot start the writer: {e}")))?;
        Ok(Writer { jobs })
    }

    pub async fn store(&self, submission: Submission) -> Result<Stored, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job::Store(submission, reply))
            .map_err(|_| StoreError::Unavailable("the SQLite writer has stopped".into()))?;
        answer
            .await
            .unwrap_or_else(|_| Err(StoreError::Unavailable("the SQLite writer has stopped".into())))
    }

    /// Whether the database answers a query.
    pub async fn ping(&self) -> Result<(), StoreError> {
        let (reply, answer) = oneshot::channel();
        self.jobs
            .send(Job::Ping(reply))
            .map_err(|_| StoreError::Unavailable("the SQLite writer has stopped".into()))?;
        answer
            .await
            .unwrap_or_else(|_| Err(StoreError::Unavailable("the SQLite writer has stopped".into())))
    }
}

fn writer(mut conn: Connection, tables: Vec<Tables>, queue: mpsc::Receiver<Job>) {
    let inserts: Vec<String> = tables.iter().map(Tables::insert_returning).collect();
    while let Ok(first) = queue.recv() {
        let mut group = vec![first];
        while group.len() < GROUP {
            match queue.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        commit_group(&mut conn, &tables, &inserts, group);
    }
}

/// Store a group in one transaction; answer each job only after the commit (or with the
/// error that prevented it).
fn commit_group(conn: &mut Connection, tables: &[Tables], inserts: &[String], group: Vec<Job>) {
    let mut pings = Vec::new();
    let mut stores = Vec::new();
    for job in group {
        match job {
            Job::Ping(reply) => pings.push(reply),
            Job::Store(s, reply) => stores.push((s, reply)),
        }
    }
    let result = (|| -> rusqlite::Result<Vec<Result<Stored, StoreError>>> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.query_row("SELECT 1", [], |_| Ok(()))?;
        let mut outcomes = Vec::new();
        for (submission, _) in &stores {
            tx.execute_batch("SAVEPOINT response")?;
            let outcome = store_one(&tx, tables, inserts, submission);
            match &outcome {
                Ok(Ok(Stored::New(_))) => tx.execute_batch("RELEASE response")?,
                _ => tx.execute_batch("ROLLBACK TO response; RELEASE response")?,
            }
            outcomes.push(outcome.or_else(|e| match e {
                StoreFailure::Row(e) => Ok(Err(refused_or_unavailable(e))),
                StoreFailure::Db(e) => Err(e),
            })?);
        }
        tx.commit()?;
        Ok(outcomes)
    })();
    match result {
        Ok(outcomes) => {
            for ((_, reply), outcome) in stores.into_iter().zip(outcomes) {
                let _ = reply.send(outcome);
            }
            for reply in pings {
                let _ = reply.send(Ok(()));
            }
        }
        Err(e) => {
            let message = e.to_string();
            for (_, reply) in stores {
                let _ = reply.send(Err(StoreError::Unavailable(message.clone())));
            }
            for reply in pings {
                let _ = reply.send(Err(StoreError::Unavailable(message.clone())));
            }
        }
    }
}

enum StoreFailure {
    /// This response's statement failed: only it is answered with the error.
    Row(rusqlite::Error),
    /// The transaction itself failed.
    Db(rusqlite::Error),
}

fn store_one(
    tx: &rusqlite::Transaction<'_>,
    tables: &[Tables],
    inserts: &[String],
    s: &Submission,
) -> Result<Result<Stored, StoreError>, StoreFailure> {
    let table = &tables[s.tables].table;
    let existing = tx
        .prepare_cached(
            "SELECT \"response_table\", \"response_id\", \"body_sha256\" FROM \"rileva_idempotency\" WHERE \"idempotency_key\" = ?1",
        )
        .and_then(|mut q| {
            q.query_row([&s.key], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?)))
                .optional()
        })
        .map_err(StoreFailure::Db)?;
    if let Some((stored_table, id, digest)) = existing {
        return Ok(Ok(if &stored_table == table && digest == s.digest {
            Stored::Replayed(id)
        } else {
            Stored::Conflict
        }));
    }
    let id: i64 = tx
        .prepare_cached(&inserts[s.tables])
        .and_then(|mut q| q.query_row(params_from_iter(s.row.iter().map(sqlite_value)), |r| r.get(0)))
        .map_err(StoreFailure::Row)?;
    tx.prepare_cached(
        "INSERT INTO \"rileva_idempotency\" (\"idempotency_key\", \"response_table\", \"response_id\", \"body_sha256\") VALUES (?1, ?2, ?3, ?4)",
    )
    .and_then(|mut q| q.execute(rusqlite::params![s.key, table, id, s.digest]))
    .map_err(StoreFailure::Db)?;
    Ok(Ok(Stored::New(id)))
}

fn refused_or_unavailable(e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::ConstraintViolation) => StoreError::Refused(e.to_string()),
        _ => StoreError::Unavailable(e.to_string()),
    }
}
