//! SQL target on real databases: every example's generated SQL runs on PostgreSQL
//! (RILEVA_TEST_POSTGRES), on SQLite through rusqlite and through the `sqlite3` CLI with
//! `-bail`, twice in a row without error or duplicate codebook rows; and the files are
//! deterministic and pinned by snapshots.

mod sql_support;

use rileva_compiler::ir;
use rileva_targets::sql::quote::Dialect;
use rileva_targets::sql::{emit, script};
use sql_support::{example_surveys, PgSchema};
use std::process::Command;

/// Rows in each codebook table and the response table, by table name.
fn sqlite_counts(db: &rusqlite::Connection) -> Vec<(String, i64)> {
    let mut names = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()
        })
        .expect("list tables");
    names.retain(|n| !n.starts_with("sqlite_"));
    names
        .into_iter()
        .map(|n| {
            let count = db
                .query_row(&format!("SELECT count(*) FROM \"{n}\""), [], |r| r.get(0))
                .expect("count rows");
            (n, count)
        })
        .collect()
}

/// The response table and six codebook tables, and `<table>_sites` in a survey with sites.
fn expected_tables(survey: &ir::Survey) -> usize {
    7 + usize::from(!survey.sites.is_empty())
}

#[test]
fn every_example_runs_twice_on_sqlite() {
    for (file, survey) in example_surveys() {
        let sql = script(&survey, Dialect::Sqlite);
        let db = rusqlite::Connection::open_in_memory().expect("open SQLite");
        db.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("{}: first run: {e}", file.display()));
        let first = sqlite_counts(&db);
        db.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("{}: second run: {e}", file.display()));
        assert_eq!(
            first,
            sqlite_counts(&db),
            "{}: the second run changed rows",
            file.display()
        );
        let tables = expected_tables(&survey);
        assert_eq!(
            first.len(),
            tables,
            "{}: response table and six codebook tables (seven with sites)",
            file.display()
        );
        assert!(first.iter().any(|(n, c)| n == &survey.table && *c == 0));
        let strict: i64 = db
            .query_row(
                "SELECT count(*) FROM pragma_table_list WHERE strict = 1 AND schema = 'main'",
                [],
                |r| r.get(0),
            )
            .expect("table list");
        assert_eq!(
            strict as usize,
            tables,
            "{}: every table is STRICT",
            file.display()
        );
    }
}

#[test]
fn every_example_runs_twice_in_the_sqlite3_cli() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (_, survey) in example_surveys() {
        let path = dir.path().join(format!("{}.sql", survey.table));
        std::fs::write(&path, script(&survey, Dialect::Sqlite)).expect("write SQL");
        let db = dir.path().join(format!("{}.db", survey.table));
        let read = format!(".read {}", path.display());
        let output = Command::new("sqlite3")
            .arg("-bail")
            .arg(&db)
            .args([
                &read,
                &read,
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table';",
            ])
            .output()
            .expect("the sqlite3 CLI is needed: apt-get install -y sqlite3");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            output.status.success() && stderr.is_empty(),
            "{}: {stderr}",
            survey.id
        );
        assert_eq!(
            String::from_utf8_lossy(&output.stdout).trim(),
            expected_tables(&survey).to_string(),
            "{}",
            survey.id
        );
    }
}

fn pg_counts(client: &mut postgres::Client) -> Vec<(String, i64)> {
    let tables: Vec<String> = client
        .query(
            "SELECT table_name::text FROM information_schema.tables \
             WHERE table_schema = current_schema() ORDER BY 1",
            &[],
        )
        .expect("list tables")
        .iter()
        .map(|r| r.get(0))
        .collect();
    tables
        .into_iter()
        .map(|t| {
            let count: i64 = client
                .query_one(&format!("SELECT count(*) FROM \"{t}\""), &[])
                .expect("count rows")
                .get(0);
            (t, count)
        })
        .collect()
}

/// Run the PostgreSQL script as `psql --single-transaction` would.
fn run_pg(pg: &mut PgSchema, survey: &ir::Survey) {
    let sql = script(survey, Dialect::Postgres);
    let mut tx = pg.client.transaction().expect("begin");
    tx.batch_execute(&sql).unwrap_or_else(|e| {
        panic!(
            "{}: {}",
            survey.id,
            e.as_db_error().map_or(e.to_string(), |d| d.to_string())
        )
    });
    tx.commit().expect("commit");
}

#[test]
fn every_example_runs_twice_on_postgres() {
    for (file, survey) in example_surveys() {
        let mut pg = PgSchema::new("scripts");
        run_pg(&mut pg, &survey);
        let first = pg_counts(&mut pg.client);
        run_pg(&mut pg, &survey);
        assert_eq!(
            first,
            pg_counts(&mut pg.client),
            "{}: the second run changed rows",
            file.display()
        );
        assert_eq!(first.len(), expected_tables(&survey), "{}", file.display());
        let comments: i64 = pg
            .client
            .query_one(
                "SELECT count(*) FROM pg_description d JOIN pg_class c ON c.oid = d.objoid \
                 WHERE c.relname = $1 AND c.relnamespace = current_schema()::regnamespace",
                &[&survey.table],
            )
            .expect("comments")
            .get(0);
        let columns = rileva_targets::sql::table::columns(&survey).len() as i64;
        assert_eq!(
            comments,
            columns + 1,
            "{}: table and every column described",
            survey.id
        );
    }
}

#[test]
fn output_is_deterministic() {
    let first: Vec<_> = example_surveys().into_iter().map(|(_, s)| emit(&s)).collect();
    let second: Vec<_> = example_surveys().into_iter().map(|(_, s)| emit(&s)).collect();
    assert_eq!(first, second);
}

#[test]
fn snapshots_of_every_example() {
    for (_, survey) in example_surveys() {
        for file in emit(&survey) {
            let text = String::from_utf8(file.contents).expect("UTF-8");
            let name = format!("{}__{}", survey.table, file.path.replace(['/', '.'], "_"));
            insta::assert_snapshot!(name, text);
        }
    }
}

/// Two runs of the binary (two processes, so two hash seeds) write the same bytes.
#[test]
fn build_writes_the_same_files_twice() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut outputs = Vec::new();
    for run in ["a", "b"] {
        let out = dir.path().join(run);
        // The files of examples/ itself (examples/versions/ holds later versions of some of
        // them, which build writes under <id>/ as the latest: docs/versions.md).
        let status = Command::new(env!("CARGO_BIN_EXE_rileva"))
            .args(["build", "--target", "sql", "--out"])
            .arg(&out)
            .args(
                example_surveys()
                    .iter()
                    .map(|(f, _)| f.clone())
                    .filter(|f| f.starts_with(sql_support::root().join("examples")))
                    .collect::<std::collections::BTreeSet<_>>(),
            )
            .status()
            .expect("run rileva build");
        assert!(status.success());
        let mut files = Vec::new();
        for (_, survey) in example_surveys()
            .iter()
            .filter(|(f, _)| f.starts_with(sql_support::root().join("examples")))
        {
            for name in ["postgres.sql", "sqlite.sql"] {
                let path = out.join(&survey.id).join("sql").join(name);
                files.push(std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
            }
        }
        assert!(!files.is_empty());
        outputs.push(files);
    }
    assert_eq!(outputs[0], outputs[1]);
    let emitted: Vec<Vec<u8>> = example_surveys()
        .iter()
        .filter(|(f, _)| f.starts_with(sql_support::root().join("examples")))
        .flat_map(|(_, s)| emit(s).into_iter().map(|f| f.contents))
        .collect();
    assert_eq!(outputs[0], emitted, "build writes what the target emits");
}
