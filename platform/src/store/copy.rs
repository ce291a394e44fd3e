//! The store, PostgreSQL bulk load: `load`'s rows sent with `COPY ... FROM STDIN` in COPY's
//! text format, streamed to the server while the next responses are judged, one table at a
//! time. Rows of another table wait in a buffer of their own until it is worth switching.

use super::postgres::message;
use super::{LoadError, Tables};
use bytes::{BufMut, BytesMut};
use futures_util::SinkExt;
use rileva_targets::sql::row::Param;
use std::pin::Pin;
use tokio_postgres::{CopyInSink, Transaction};

/// Bytes of rows handed to the server at a time: it copies them while the next are judged.
const SEND: usize = 64 * 1024;
/// Bytes of rows of a table other than the one being copied that may wait before the copy
/// switches to that table. Memory holds at most this much per table.
const WAIT: usize = 1024 * 1024;

/// `load`'s rows on their way into one transaction.
pub struct Copier<'t> {
    tables: &'t [Tables],
    /// Rows not yet sent, per table, in COPY's text format.
    waiting: Vec<BytesMut>,
    /// Rows sent so far, per table (for the error message).
    sent: Vec<usize>,
    /// Rows waiting, per table.
    rows: Vec<usize>,
    /// The table whose COPY is open, and its sink.
    open: Option<(usize, Pin<Box<CopyInSink<bytes::Bytes>>>)>,
}

impl<'t> Copier<'t> {
    pub fn new(tables: &'t [Tables]) -> Copier<'t> {
        Copier {
            tables,
            waiting: tables.iter().map(|_| BytesMut::new()).collect(),
            sent: vec![0; tables.len()],
            rows: vec![0; tables.len()],
            open: None,
        }
    }

    /// Take one row of table `table`; sends what is due.
    pub async fn push(&mut self, tx: &Transaction<'_>, table: usize, row: &[Param]) -> Result<(), LoadError> {
        let buffer = self
            .waiting
            .get_mut(table)
            .ok_or_else(|| LoadError::Rows(format!("no table {table}")))?;
        encode_row(row, buffer);
        self.rows[table] += 1;
        let is_open = matches!(&self.open, Some((t, _)) if *t == table);
        if !is_open && (self.open.is_none() || self.waiting[table].len() >= WAIT) {
            // The table being copied keeps its unsent rows for a later COPY.
            self.close().await?;
            self.start(tx, table).await?;
        }
        if self.waiting[table].len() >= SEND && matches!(&self.open, Some((t, _)) if *t == table) {
            self.send(table).await?;
        }
        Ok(())
    }

    /// Send every row still waiting and end the last COPY.
    pub async fn finish(mut self, tx: &Transaction<'_>) -> Result<(), LoadError> {
        if let Some((table, _)) = &self.open {
            let table = *table;
            self.send(table).await?;
            self.close().await?;
        }
        for table in 0..self.tables.len() {
            if self.rows[table] > 0 {
                self.start(tx, table).await?;
                self.send(table).await?;
                self.close().await?;
            }
        }
        Ok(())
    }

    async fn start(&mut self, tx: &Transaction<'_>, table: usize) -> Result<(), LoadError> {
        let statement = self.tables[table].copy.clone();
        let sink = tx
            .copy_in(&statement)
            .await
            .map_err(|e| self.refused(table, &e))?;
        self.open = Some((table, Box::pin(sink)));
        Ok(())
    }

    async fn send(&mut self, table: usize) -> Result<(), LoadError> {
        let bytes = self.waiting[table].split().freeze();
        let rows = std::mem::take(&mut self.rows[table]);
        if bytes.is_empty() {
            return Ok(());
        }
        self.sent[table] += rows;
        let Some((_, sink)) = self.open.as_mut() else {
            return Err(LoadError::Database("no COPY is open".into()));
        };
        let result = sink.send(bytes).await;
        result.map_err(|e| self.refused(table, &e))
    }

    /// End the open COPY: the server has then checked every row it was sent.
    async fn close(&mut self) -> Result<(), LoadError> {
        if let Some((table, mut sink)) = self.open.take() {
            let result = sink.as_mut().finish().await;
            result.map_err(|e| self.refused(table, &e))?;
        }
        Ok(())
    }

    fn refused(&self, table: usize, error: &tokio_postgres::Error) -> LoadError {
        LoadError::Database(format!(
            "copying {} accepted response(s) into {}: {}",
            self.sent[table] + self.rows[table],
            self.tables[table].table,
            message(error)
        ))
    }
}

/// Append one row in COPY's text format: values separated by tabs, `\N` for NULL, `t` and `f`
/// for booleans, and a backslash before a backslash, newline, carriage return or tab in text.
pub fn encode_row(row: &[Param], out: &mut BytesMut) {
    for (i, param) in row.iter().enumerate() {
        if i > 0 {
            out.put_u8(b'\t');
        }
        match param {
            Param::Null => out.put_slice(b"\\N"),
            Param::Integer(n) => out.put_slice(itoa::Buffer::new().format(*n).as_bytes()),
            Param::Boolean(b) => out.put_u8(if *b { b't' } else { b'f' }),
            Param::Text(s) => escape(s, out),
        }
    }
    out.put_u8(b'\n');
}

fn escape(text: &str, out: &mut BytesMut) {
    let mut rest = text.as_bytes();
    while let Some(at) = rest
        .iter()
        .position(|b| matches!(b, b'\\' | b'\n' | b'\r' | b'\t'))
    {
        out.put_slice(&rest[..at]);
        out.put_slice(match rest[at] {
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            _ => b"\\t",
        });
        rest = &rest[at + 1..];
    }
    out.put_slice(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_in_copy_text_format() {
        let mut out = BytesMut::new();
        let row = [
            Param::Text("1.0.0".into()),
            Param::Integer(-42),
            Param::Null,
            Param::Boolean(true),
            Param::Boolean(false),
            Param::Text("a\\b\tc\nd\re \\N".into()),
            Param::Text(String::new()),
        ];
        encode_row(&row, &mut out);
        assert_eq!(
            &out[..],
            b"1.0.0\t-42\t\\N\tt\tf\ta\\\\b\\tc\\nd\\re \\\\N\t\n".as_slice()
        );
    }
}
