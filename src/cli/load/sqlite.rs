//! `rileva load` into SQLite: one IMMEDIATE transaction that runs the generated script and
//! inserts every row; any error rolls it back (the transaction is dropped uncommitted).

use super::bind::sqlite_value;
use super::Batch;
use rusqlite::{params_from_iter, Connection, TransactionBehavior};
use std::time::Duration;

pub fn load(path: &str, batch: &Batch) -> Result<(), String> {
    let mut connection = Connection::open(path).map_err(|e| format!("cannot open {path}: {e}"))?;
    connection
        .busy_timeout(Duration::from_secs(10))
        .map_err(|e| e.to_string())?;
    let tx = connection
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| e.to_string())?;
    tx.execute_batch(&batch.script)
        .map_err(|e| format!("creating the tables: {e}"))?;
    {
        let mut insert = tx.prepare(&batch.insert).map_err(|e| e.to_string())?;
        for (index, row) in batch.rows.iter().enumerate() {
            insert
                .execute(params_from_iter(row.iter().map(sqlite_value)))
                .map_err(|e| format!("inserting accepted response {}: {e}", index + 1))?;
        }
    }
    tx.commit().map_err(|e| e.to_string())
}
