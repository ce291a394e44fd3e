//! The collection service, storage: the one store `serve` writes to, SQLite or PostgreSQL.

use crate::store::{postgres, sqlite, Database, OpenError, StoreError, Stored, Submission, Tables};

/// Connections kept to PostgreSQL by one process.
const POOL_SIZE: usize = 16;

#[derive(Clone)]
pub enum Backend {
    Sqlite(sqlite::Writer),
    Postgres(postgres::Pool),
}

impl Backend {
    pub async fn open(db: &Database, tables: Vec<Tables>) -> Result<Backend, OpenError> {
        match db {
            Database::Sqlite(path) => {
                let path = path.clone();
                tokio::task::spawn_blocking(move || sqlite::Writer::open(&path, tables))
                    .await
                    .map_err(|e| OpenError::Unavailable(e.to_string()))?
                    .map(Backend::Sqlite)
            }
            Database::Postgres(url) => postgres::Pool::open(url, tables, POOL_SIZE)
                .await
                .map(Backend::Postgres),
        }
    }

    pub async fn store(&self, submission: Submission) -> Result<Stored, StoreError> {
        match self {
            Backend::Sqlite(w) => w.store(submission).await,
            Backend::Postgres(p) => p.store(&submission).await,
        }
    }

    pub async fn ping(&self) -> Result<(), StoreError> {
        match self {
            Backend::Sqlite(w) => w.ping().await,
            Backend::Postgres(p) => p.ping().await,
        }
    }
}
