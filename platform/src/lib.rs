//! rileva-platform: everything that touches a database or the network, on top of the
//! compiler's IR and its `response` meaning (never the syntax tree).
//!
//! - `store`: one door to SQLite and PostgreSQL (connect, create or check tables,
//!   idempotent insert, reads); `load`, `serve` and `report` use it.
//! - `serve`: the HTTP collection service (`rileva serve`).
//! - `report`: indicators computed by SQL in the database, rendered as JSON, CSV, HTML.

pub mod report;
pub mod serve;
pub mod store;
