//! The store: one door to SQLite and PostgreSQL for `load`, `serve` and `report`.
//!
//! - [`Database`]: what `--db` names (`sqlite:FILE`, `postgres://...`).
//! - [`Tables`]: one survey's generated script (the DDL of `build --target sql`), its
//!   INSERT and the parameter types, for one dialect.
//! - [`schema`]: creates the tables when absent and refuses tables of another shape.
//! - [`sqlite`] and [`postgres`]: `load`'s one transaction, fed one row at a time by
//!   [`Rows`] (memory does not grow with the file), and `serve`'s idempotent insert of one
//!   response (a writer thread for SQLite, a connection pool for PostgreSQL).
//! - [`bind`]: a row's values as each driver's parameters.
//!
//! Idempotency keys live in the table [`IDEMPOTENCY_TABLE`], under a primary key, and are
//! inserted in the same transaction as the response row: several processes on one
//! PostgreSQL store each key once.

pub mod bind;
mod copy;
pub mod postgres;
pub mod read;
pub mod schema;
pub mod sqlite;

use rileva_compiler::ir;
use rileva_targets::sql::quote::Dialect;
use rileva_targets::sql::row::{self, Param};
use rileva_targets::sql::table::ValueType;

/// What `--db` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// `sqlite:FILE`: created when absent.
    Sqlite(String),
    /// `postgres://...` or `postgresql://...`, passed to the client as written.
    Postgres(String),
}

impl Database {
    pub fn parse(url: &str) -> Result<Database, String> {
        if let Some(path) = url.strip_prefix("sqlite:") {
            if path.is_empty() {
                return Err("--db sqlite: needs a file name, e.g. sqlite:responses.db".into());
            }
            return Ok(Database::Sqlite(path.to_owned()));
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(Database::Postgres(url.to_owned()));
        }
        Err(format!(
            "--db {url}: expected sqlite:FILE or postgres://USER@HOST:PORT/DATABASE"
        ))
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Database::Sqlite(_) => Dialect::Sqlite,
            Database::Postgres(_) => Dialect::Postgres,
        }
    }

    /// The URL without a password, for messages and logs.
    pub fn display(&self) -> String {
        match self {
            Database::Sqlite(path) => format!("sqlite:{path}"),
            Database::Postgres(url) => redact(url),
        }
    }
}

/// `postgres://user:secret@host/db` -> `postgres://user:***@host/db`.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let (authority, tail) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    match authority.rsplit_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{name}:***@{host}{tail}")
        }
        _ => url.to_owned(),
    }
}

/// One survey's tables in one dialect: what creates them and what inserts a row.
#[derive(Debug, Clone)]
pub struct Tables {
    /// The response table, e.g. `inps_hub_prestazioni_v1`.
    pub table: String,
    /// The whole generated script: response table and codebook (`build --target sql`).
    pub script: String,
    /// `INSERT INTO "t" (...) VALUES (...)`, parameters in [`row::insert_columns`] order.
    pub insert: String,
    /// `COPY "t" (...) FROM STDIN`, the same columns in the same order: `load`'s rows.
    pub copy: String,
    /// The parameter type of each INSERT column, in order.
    pub types: Vec<ValueType>,
}

impl Tables {
    pub fn new(survey: &ir::Survey, dialect: Dialect) -> Tables {
        Tables::with_script(survey, dialect, rileva_targets::sql::script(survey, dialect))
    }

    /// One version's tables when `versions` (this one among them) share its table: the
    /// script of the table of every minor version (docs/versions.md), this version's INSERT.
    pub fn of_version(survey: &ir::Survey, versions: &[&ir::Survey], dialect: Dialect) -> Tables {
        let family = rileva_targets::sql::family::sorted(versions);
        let script = rileva_targets::sql::script_versions(&family, dialect);
        Tables::with_script(survey, dialect, script)
    }

    fn with_script(survey: &ir::Survey, dialect: Dialect, script: String) -> Tables {
        Tables {
            table: survey.table.clone(),
            script,
            insert: row::insert_sql(survey, dialect),
            copy: row::copy_sql(survey),
            types: row::insert_columns(survey).iter().map(|c| c.value).collect(),
        }
    }

    /// The INSERT that also gives back the row's `response_id`.
    pub fn insert_returning(&self) -> String {
        format!("{} RETURNING \"response_id\"", self.insert)
    }
}

/// The tables of each survey (same order) when several versions are given together: the
/// minor versions of one major version share one table. Refused when two versions that
/// would share a table differ by a breaking change (they need a new major version).
pub fn tables_of_versions(surveys: &[ir::Survey], dialect: Dialect) -> Result<Vec<Tables>, String> {
    use rileva_compiler::diff;
    let mut out = Vec::new();
    for survey in surveys {
        let family: Vec<&ir::Survey> = surveys.iter().filter(|s| s.table == survey.table).collect();
        let sorted = rileva_targets::sql::family::sorted(&family);
        for pair in sorted.windows(2) {
            let report = diff::compare(pair[0], pair[1]);
            if !report.ok {
                let first = report
                    .changes
                    .iter()
                    .find(|c| c.kind == diff::Impact::Breaking)
                    .map(|c| c.message.clone())
                    .unwrap_or_default();
                return Err(format!(
                    "{} {} and {} would share table {}, but {} has breaking changes ({first}): it needs version {}",
                    survey.id,
                    pair[0].version,
                    pair[1].version,
                    survey.table,
                    pair[1].version,
                    report.needed_version()
                ));
            }
        }
        out.push(Tables::of_version(survey, &family, dialect));
    }
    Ok(out)
}

/// What `load` stores, pulled one at a time: each accepted response's row with the index
/// of its table (in the `tables` given to `load`). An `Err` (the file could not be read
/// further, a row could not be made) stops the load: nothing is stored.
pub type Rows<'a> = &'a mut dyn Iterator<Item = Result<(usize, Vec<Param>), String>>;

/// Why `load` stored nothing (its transaction was rolled back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The database could not be reached, refused the tables, or refused a row.
    Database(String),
    /// [`Rows`] gave an error.
    Rows(String),
}

/// Where idempotency keys are kept (one table for every survey of the database).
pub const IDEMPOTENCY_TABLE: &str = "rileva_idempotency";

/// The DDL of [`IDEMPOTENCY_TABLE`]: the key (primary key), the response table and row it
/// names, and the SHA-256 of the canonical JSON of the body first sent with it. No time, no
/// address: nothing that could tie a response to a person or a visit.
pub fn idempotency_ddl(dialect: Dialect) -> &'static str {
    match dialect {
        Dialect::Sqlite => {
            "CREATE TABLE IF NOT EXISTS \"rileva_idempotency\" (\n  \"idempotency_key\" TEXT PRIMARY KEY,\n  \"response_table\" TEXT NOT NULL,\n  \"response_id\" INTEGER NOT NULL,\n  \"body_sha256\" TEXT NOT NULL\n) STRICT;\n"
        }
        Dialect::Postgres => {
            "CREATE TABLE IF NOT EXISTS \"rileva_idempotency\" (\n  \"idempotency_key\" text PRIMARY KEY,\n  \"response_table\" text NOT NULL,\n  \"response_id\" bigint NOT NULL,\n  \"body_sha256\" text NOT NULL\n);\n"
        }
    }
}

/// One response for [`sqlite::Writer::store`] or [`postgres::Pool::store`].
#[derive(Debug, Clone)]
pub struct Submission {
    /// Index into the tables the store was opened with.
    pub tables: usize,
    pub row: Vec<Param>,
    pub key: String,
    /// SHA-256 (hex) of the body's canonical JSON.
    pub digest: String,
}

/// What storing a [`Submission`] did. Returned only after the transaction committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// A new row, committed with its key.
    New(i64),
    /// The key was already stored with the same body: that row.
    Replayed(i64),
    /// The key was already stored with another body (or for another table).
    Conflict,
}

/// Why a response was not stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The database does not answer, or refused for a passing reason: try again later.
    Unavailable(String),
    /// The database refused the row itself (a constraint): a disagreement between the
    /// table and the validator, i.e. a bug in rileva.
    Refused(String),
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Unavailable(m) => write!(f, "the database is unavailable: {m}"),
            StoreError::Refused(m) => write!(f, "the database refused the response: {m}"),
        }
    }
}

/// Why a store could not be opened for `serve`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// The database cannot be reached or used.
    Unavailable(String),
    /// Existing tables differ from the surveys' tables: every difference found.
    Mismatch(Vec<String>),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Unavailable(m) => write!(f, "{m}"),
            OpenError::Mismatch(diffs) => {
                writeln!(f, "existing tables do not match the survey's tables:")?;
                for d in diffs {
                    writeln!(f, "  - {d}")?;
                }
                write!(
                    f,
                    "for a new minor version, migrate the tables with the script of `rileva diff OLD NEW --sql` and serve every version they hold (docs/versions.md); else use another database, or move the old tables away (a new major version gets new tables)"
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_messages() {
        let db = Database::parse("postgres://app:s3cret@db.example:5432/cx").unwrap();
        assert_eq!(db.display(), "postgres://app:***@db.example:5432/cx");
        let db = Database::parse("postgres://app@db.example/cx").unwrap();
        assert_eq!(db.display(), "postgres://app@db.example/cx");
        assert!(Database::parse("mysql://x").is_err());
        assert!(Database::parse("sqlite:").is_err());
    }
}
