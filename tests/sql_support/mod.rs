//! Shared by the SQL, load and agreement tests: the example surveys, a private PostgreSQL
//! schema per test (RILEVA_TEST_POSTGRES, required), and row values bound the way
//! `rileva serve` binds them.
#![allow(dead_code)]

use postgres::{Client, NoTls};
use rileva_compiler::{compile, ir, Input};
/// Row values bound by the code `rileva load` and `rileva serve` run (the store's binding).
#[allow(unused_imports)] // each test crate uses a part of this module
pub use rileva_platform::store::bind::{pg_type, pg_values, sqlite_value};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every example and contract survey file, sorted.
pub fn example_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in ["examples", "tests/contract"] {
        let entries =
            std::fs::read_dir(root().join(dir)).unwrap_or_else(|e| panic!("cannot read {dir}: {e}"));
        files.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "rileva")),
        );
    }
    files.sort();
    assert!(!files.is_empty(), "no example surveys found");
    files
}

/// The checked surveys of one source text; panics with the diagnostics if it has errors.
pub fn compile_source(name: &str, source: &str) -> Vec<ir::Survey> {
    let input = Input {
        name: name.to_owned(),
        bytes: source.as_bytes().to_vec(),
    };
    let compilation = compile(&[input], &[]);
    assert!(
        !compilation.has_errors(),
        "{name} does not compile: {:#?}",
        compilation.diagnostics
    );
    compilation.surveys
}

pub fn compile_file(path: &Path) -> Vec<ir::Survey> {
    let source =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    compile_source(&path.display().to_string(), &source)
}

/// Every survey of every example file, with its file.
pub fn example_surveys() -> Vec<(PathBuf, ir::Survey)> {
    let mut out = Vec::new();
    for file in example_files() {
        for survey in compile_file(&file) {
            out.push((file.clone(), survey));
        }
    }
    out
}

/// The throwaway PostgreSQL of the test command. Never skipped: a test that needs it fails.
pub fn postgres_url() -> String {
    match std::env::var("RILEVA_TEST_POSTGRES") {
        Ok(url) if !url.is_empty() => url,
        _ => panic!(
            "RILEVA_TEST_POSTGRES is not set: these tests need a PostgreSQL server. Run \
             scripts/test.sh, or `export RILEVA_TEST_POSTGRES=$(scripts/postgres.sh start)`"
        ),
    }
}

static COUNTER: AtomicU32 = AtomicU32::new(0);

/// A fresh schema of its own, dropped at the end: tests stay independent of each other.
pub struct PgSchema {
    pub client: Client,
    pub name: String,
}

impl PgSchema {
    pub fn new(prefix: &str) -> PgSchema {
        let url = postgres_url();
        let mut client = Client::connect(&url, NoTls)
            .unwrap_or_else(|e| panic!("cannot connect to RILEVA_TEST_POSTGRES={url}: {e}"));
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let name = format!(
            "t_{prefix}_{}_{nanos}_{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        client
            .batch_execute(&format!(
                "SET client_min_messages = warning; CREATE SCHEMA \"{name}\"; SET search_path = \"{name}\""
            ))
            .unwrap_or_else(|e| panic!("cannot create schema {name}: {e}"));
        PgSchema { client, name }
    }

    /// The URL of the test server with this schema as the search path (for `rileva load`).
    pub fn url(&self) -> String {
        let url = postgres_url();
        let sep = if url.contains('?') { '&' } else { '?' };
        format!("{url}{sep}options=-c%20search_path%3D{}", self.name)
    }
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        let _ = self.client.batch_execute(&format!(
            "ROLLBACK; DROP SCHEMA IF EXISTS \"{}\" CASCADE",
            self.name
        ));
    }
}
