//! The store: one door to SQLite and PostgreSQL for `load`, `serve` and `report`.
pub mod read;
