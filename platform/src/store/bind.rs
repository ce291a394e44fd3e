//! The store, binding: a row's values as PostgreSQL and SQLite parameters. The SQL tests
//! use it (`tests/sql_support`), so they bind rows exactly as `serve` does, and as `load`
//! does on SQLite (on PostgreSQL `load` copies them: `copy.rs`).

use rileva_targets::sql::row::Param;
use rileva_targets::sql::table::ValueType;
use tokio_postgres::types::{ToSql, Type};

/// The PostgreSQL type each parameter is sent as. Integers go as `bigint` and are cast to
/// the column's type on assignment; `submitted_at` goes as text into the INSERT's check.
pub fn pg_type(value: ValueType) -> Type {
    match value {
        ValueType::Integer { .. } => Type::INT8,
        ValueType::Boolean => Type::BOOL,
        ValueType::Text | ValueType::Timestamp => Type::TEXT,
    }
}

/// Boxed PostgreSQL parameters for one row; a NULL is typed like its column.
pub fn pg_values(row: &[Param], types: &[ValueType]) -> Vec<Box<dyn ToSql + Sync + Send>> {
    row.iter()
        .zip(types)
        .map(|(param, ty)| -> Box<dyn ToSql + Sync + Send> {
            match (param, ty) {
                (Param::Integer(i), _) => Box::new(*i),
                (Param::Text(s), _) => Box::new(s.clone()),
                (Param::Boolean(b), _) => Box::new(*b),
                (Param::Null, ValueType::Integer { .. }) => Box::new(None::<i64>),
                (Param::Null, ValueType::Boolean) => Box::new(None::<bool>),
                (Param::Null, _) => Box::new(None::<String>),
            }
        })
        .collect()
}

/// A row value as SQLite stores it: booleans as 0 and 1.
pub fn sqlite_value(param: &Param) -> rusqlite::types::Value {
    use rusqlite::types::Value;
    match param {
        Param::Null => Value::Null,
        Param::Integer(i) => Value::Integer(*i),
        Param::Text(s) => Value::Text(s.clone()),
        Param::Boolean(b) => Value::Integer(i64::from(*b)),
    }
}

/// A row value bound by reference on SQLite (`load` binds every value without copying it).
pub struct SqliteParam<'a>(pub &'a Param);

impl rusqlite::ToSql for SqliteParam<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, Value, ValueRef};
        Ok(match self.0 {
            Param::Null => ToSqlOutput::Owned(Value::Null),
            Param::Integer(i) => ToSqlOutput::Owned(Value::Integer(*i)),
            Param::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            Param::Boolean(b) => ToSqlOutput::Owned(Value::Integer(i64::from(*b))),
        })
    }
}
