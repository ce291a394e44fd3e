//! `rileva load` into PostgreSQL: one transaction that runs the generated script and inserts
//! every row through one prepared statement; any error rolls it back.

use super::bind::{pg_type, pg_values};
use super::Batch;
use postgres::error::DbError;
use postgres::types::{ToSql, Type};
use postgres::{Client, NoTls};

pub fn load(url: &str, batch: &Batch) -> Result<(), String> {
    let mut client = Client::connect(url, NoTls).map_err(|e| format!("cannot connect: {}", message(&e)))?;
    let encoding: String = client
        .query_one("SHOW server_encoding", &[])
        .map_err(|e| message(&e))?
        .get(0);
    if encoding != "UTF8" {
        // Lengths are counted in characters only in a UTF8 database.
        return Err(format!("the database's encoding is {encoding}, not UTF8"));
    }
    let mut tx = client.transaction().map_err(|e| message(&e))?;
    tx.batch_execute(&batch.script)
        .map_err(|e| format!("creating the tables: {}", message(&e)))?;
    let types: Vec<Type> = batch.types.iter().map(|t| pg_type(*t)).collect();
    let insert = tx.prepare_typed(&batch.insert, &types).map_err(|e| message(&e))?;
    for (index, row) in batch.rows.iter().enumerate() {
        let values = pg_values(row, &batch.types);
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|v| v.as_ref()).collect();
        tx.execute(&insert, &refs)
            .map_err(|e| format!("inserting accepted response {}: {}", index + 1, message(&e)))?;
    }
    tx.commit().map_err(|e| message(&e))?;
    Ok(())
}

/// The server's own words (severity, message, detail) when there are some.
pub fn message(error: &postgres::Error) -> String {
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
