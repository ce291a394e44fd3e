//! The collection service, `rileva serve`: routes, problem documents, idempotent storage.
