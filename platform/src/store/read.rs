//! Read-only queries on either database, for `rileva report`: open a connection that can
//! not write, ask whether a table exists, and run an aggregate query whose every column is
//! either a text or an integer. Rows come back as plain [`Cell`]s, so callers never see
//! which database answered.

use super::Database;
use postgres::{Client, NoTls};
use rusqlite::{Connection, OpenFlags};

/// The type a query's column is read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Integer,
}

/// One value of a result row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Null,
    Integer(i64),
    Text(String),
}

impl Cell {
    /// The integer, with NULL (a SUM over no rows) as 0.
    pub fn count(&self) -> i64 {
        match self {
            Cell::Integer(i) => *i,
            _ => 0,
        }
    }

    pub fn text(&self) -> Option<&str> {
        match self {
            Cell::Text(s) => Some(s),
            _ => None,
        }
    }
}

/// An open read-only connection.
pub enum Reader {
    Sqlite(Connection),
    Postgres(Box<Client>),
}

impl Reader {
    /// Connect. A SQLite file is opened read-only and must exist; a PostgreSQL session is
    /// set read-only, so no statement of the report can change the data.
    pub fn open(source: &Database) -> Result<Reader, String> {
        match source {
            Database::Sqlite(path) => {
                let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
                let connection = Connection::open_with_flags(path, flags)
                    .map_err(|e| format!("cannot open {path}: {e}"))?;
                Ok(Reader::Sqlite(connection))
            }
            Database::Postgres(url) => {
                let mut client = Client::connect(url, NoTls).map_err(|e| format!("cannot connect: {e}"))?;
                client
                    .batch_execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
                    .map_err(|e| pg_message(&e))?;
                Ok(Reader::Postgres(Box::new(client)))
            }
        }
    }

    /// Does a table of this name exist (in PostgreSQL: in the search path)?
    pub fn table_exists(&mut self, table: &str) -> Result<bool, String> {
        match self {
            Reader::Sqlite(c) => c
                .query_row(
                    "SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?1",
                    [table],
                    |row| row.get::<_, i64>(0),
                )
                .map(|n| n > 0)
                .map_err(|e| e.to_string()),
            Reader::Postgres(c) => c
                .query_one("SELECT to_regclass(quote_ident($1)) IS NOT NULL", &[&table])
                .map(|row| row.get::<_, bool>(0))
                .map_err(|e| pg_message(&e)),
        }
    }

    /// Run `sql` (no parameters) and read each column as `kinds` says.
    pub fn rows(&mut self, sql: &str, kinds: &[Kind]) -> Result<Vec<Vec<Cell>>, String> {
        match self {
            Reader::Sqlite(c) => sqlite_rows(c, sql, kinds).map_err(|e| format!("{e}\nin: {sql}")),
            Reader::Postgres(c) => {
                let rows = c
                    .query(sql, &[])
                    .map_err(|e| format!("{}\nin: {sql}", pg_message(&e)))?;
                rows.iter()
                    .map(|row| {
                        kinds
                            .iter()
                            .enumerate()
                            .map(|(i, kind)| match kind {
                                Kind::Text => row
                                    .try_get::<_, Option<String>>(i)
                                    .map(|v| v.map_or(Cell::Null, Cell::Text)),
                                Kind::Integer => row
                                    .try_get::<_, Option<i64>>(i)
                                    .map(|v| v.map_or(Cell::Null, Cell::Integer)),
                            })
                            .collect::<Result<Vec<Cell>, _>>()
                            .map_err(|e| pg_message(&e))
                    })
                    .collect()
            }
        }
    }
}

fn sqlite_rows(c: &Connection, sql: &str, kinds: &[Kind]) -> rusqlite::Result<Vec<Vec<Cell>>> {
    let mut statement = c.prepare(sql)?;
    let mut rows = statement.query([])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut cells = Vec::with_capacity(kinds.len());
        for (i, kind) in kinds.iter().enumerate() {
            cells.push(match kind {
                Kind::Text => row.get::<_, Option<String>>(i)?.map_or(Cell::Null, Cell::Text),
                Kind::Integer => row.get::<_, Option<i64>>(i)?.map_or(Cell::Null, Cell::Integer),
            });
        }
        out.push(cells);
    }
    Ok(out)
}

/// The server's own words when it gave some.
fn pg_message(error: &postgres::Error) -> String {
    match error.as_db_error() {
        Some(db) => format!("{}: {}", db.severity(), db.message()),
        None => error.to_string(),
    }
}
