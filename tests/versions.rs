//! Versions over time on real databases (docs/versions.md): responses of 1.0.0 are loaded,
//! the minor migration of `rileva diff --sql` runs (twice), 1.1.0's responses are loaded,
//! then the major migration and 2.0.0's. After each migration no stored row has changed,
//! the table is the one `serve` and `load` expect for those versions, and the four judges
//! (JSON Schema, `validate`, the table itself, generated rules) agree on every generated
//! valid and invalid response of every version. SQLite and PostgreSQL alike.

mod sql_support;
mod support;

use rileva_compiler::ir;
use rileva_compiler::response;
use rileva_targets::sql::migrate::{all_view_name, migration};
use rileva_targets::sql::quote::{ident, Dialect};
use rileva_targets::sql::{family, row, script_versions};
use serde_json::Value;
use std::path::Path;

fn version(file: &str) -> ir::Survey {
    let mut surveys = sql_support::compile_file(&Path::new("tests/versions").join(file));
    surveys.remove(0)
}

/// What the test asks of a database.
trait Db {
    fn dialect(&self) -> Dialect;
    fn exec(&mut self, sql: &str) -> Result<(), String>;
    /// Insert one response's row; committed when `keep`, else rolled back.
    fn insert(&mut self, survey: &ir::Survey, response: &Value, keep: bool) -> Result<(), String>;
    /// One text per row, in `response_id` order, of the given columns.
    fn rows(&mut self, table: &str, columns: &[String]) -> Vec<String>;
    /// Whether the table is exactly the one `script_versions(versions)` creates: "" when it
    /// is, else the differences.
    fn differs(&mut self, versions: &[&ir::Survey]) -> String;
    fn count(&mut self, sql: &str) -> i64;
}

struct Sqlite {
    conn: rusqlite::Connection,
    _dir: tempfile::TempDir,
}

impl Db for Sqlite {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }
    fn exec(&mut self, sql: &str) -> Result<(), String> {
        self.conn.execute_batch(sql).map_err(|e| e.to_string())
    }
    fn insert(&mut self, survey: &ir::Survey, response: &Value, keep: bool) -> Result<(), String> {
        let values = row::row(survey, response).map_err(|why| format!("no row: {why}"))?;
        self.exec("BEGIN")?;
        let result = self
            .conn
            .prepare_cached(&row::insert_sql(survey, Dialect::Sqlite))
            .and_then(|mut s| {
                s.execute(rusqlite::params_from_iter(
                    values.iter().map(sql_support::sqlite_value),
                ))
            });
        self.exec(if keep && result.is_ok() {
            "COMMIT"
        } else {
            "ROLLBACK"
        })?;
        result.map(|_| ()).map_err(|e| e.to_string())
    }
    fn rows(&mut self, table: &str, columns: &[String]) -> Vec<String> {
        let quoted: Vec<String> = columns.iter().map(|c| format!("quote({})", ident(c))).collect();
        let sql = format!(
            "SELECT {} FROM {} ORDER BY \"response_id\"",
            quoted.join(" || ',' || "),
            ident(table)
        );
        let mut statement = self.conn.prepare(&sql).expect("select rows");
        let rows = statement.query_map([], |r| r.get::<_, String>(0)).expect("rows");
        rows.map(|r| r.expect("a row")).collect()
    }
    fn differs(&mut self, versions: &[&ir::Survey]) -> String {
        // What `serve` and `load` run before they write: the check of existing tables.
        let script = script_versions(versions, Dialect::Sqlite);
        let tx = self.conn.transaction().expect("transaction");
        let result = rileva_platform::store::schema::sqlite_check_and_create(
            &tx,
            &[script],
            rileva_platform::store::schema::Keys::None,
        );
        tx.rollback().expect("rollback");
        result.err().map(|e| e.to_string()).unwrap_or_default()
    }
    fn count(&mut self, sql: &str) -> i64 {
        self.conn.query_row(sql, [], |r| r.get(0)).expect("count")
    }
}

struct Postgres {
    pg: sql_support::PgSchema,
}

/// Columns (name, type, NOT NULL) and constraints (name, definition as PostgreSQL prints
/// it) of one table of `schema`.
const PG_SHAPE: &str = "SELECT coalesce((SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) \
    || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END, E'\\n' ORDER BY a.attnum) FROM pg_attribute a \
    WHERE a.attrelid = (quote_ident($1) || '.' || quote_ident($2))::regclass AND a.attnum > 0 AND NOT a.attisdropped), '') \
    || E'\\n' || coalesce((SELECT string_agg(quote_ident(conname) || ' ' || pg_get_constraintdef(oid), E'\\n' ORDER BY conname) \
    FROM pg_constraint WHERE conrelid = (quote_ident($1) || '.' || quote_ident($2))::regclass), '')";

impl Db for Postgres {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }
    fn exec(&mut self, sql: &str) -> Result<(), String> {
        self.pg.client.batch_execute(sql).map_err(|e| {
            let _ = self.pg.client.batch_execute("ROLLBACK");
            e.as_db_error().map_or(e.to_string(), |d| d.message().to_owned())
        })
    }
    fn insert(&mut self, survey: &ir::Survey, response: &Value, keep: bool) -> Result<(), String> {
        use rileva_targets::sql::table::ValueType;
        let values = row::row(survey, response).map_err(|why| format!("no row: {why}"))?;
        let types: Vec<ValueType> = row::insert_columns(survey).iter().map(|c| c.value).collect();
        let pg_types: Vec<_> = types.iter().map(|t| sql_support::pg_type(*t)).collect();
        let boxed = sql_support::pg_values(&values, &types);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = boxed
            .iter()
            .map(|b| b.as_ref() as &(dyn postgres::types::ToSql + Sync))
            .collect();
        let mut tx = self.pg.client.transaction().map_err(|e| e.to_string())?;
        let result = tx
            .prepare_typed(&row::insert_sql(survey, Dialect::Postgres), &pg_types)
            .and_then(|s| tx.execute(&s, &refs));
        let result = result
            .map(|_| ())
            .map_err(|e| e.as_db_error().map_or(e.to_string(), |d| d.message().to_owned()));
        if keep && result.is_ok() {
            tx.commit().map_err(|e| e.to_string())?;
        } else {
            tx.rollback().map_err(|e| e.to_string())?;
        }
        result
    }
    fn rows(&mut self, table: &str, columns: &[String]) -> Vec<String> {
        let quoted: Vec<String> = columns
            .iter()
            .map(|c| format!("quote_nullable({})", ident(c)))
            .collect();
        let sql = format!(
            "SELECT concat_ws(',', {}) FROM {} ORDER BY \"response_id\"",
            quoted.join(", "),
            ident(table)
        );
        self.pg
            .client
            .query(&sql, &[])
            .expect("select rows")
            .iter()
            .map(|r| r.get::<_, String>(0))
            .collect()
    }
    fn differs(&mut self, versions: &[&ir::Survey]) -> String {
        let table = versions[0].table.clone();
        let fresh = sql_support::PgSchema::new("versions_fresh");
        let mut fresh = Postgres { pg: fresh };
        fresh
            .exec(&script_versions(versions, Dialect::Postgres))
            .expect("the script of the versions runs");
        let shape = |db: &mut Postgres| -> String {
            let schema = db.pg.name.clone();
            db.pg
                .client
                .query_one(PG_SHAPE, &[&schema, &table])
                .expect("describe")
                .get(0)
        };
        let (want, have) = (shape(&mut fresh), shape(self));
        if want == have {
            String::new()
        } else {
            format!("expected:\n{want}\nfound:\n{have}")
        }
    }
    fn count(&mut self, sql: &str) -> i64 {
        self.pg.client.query_one(sql, &[]).expect("count").get(0)
    }
}

/// Every generated case of `survey`, judged by the table, `validate` and the JSON Schema:
/// each verdict must be the generator's expectation. Returns the disagreements.
fn judge(db: &mut dyn Db, survey: &ir::Survey) -> Vec<String> {
    let files = rileva_targets::Target::JsonSchema.emit(survey, &Default::default());
    let schema: Value = serde_json::from_slice(&files[0].contents).expect("the schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("the schema compiles");
    let mut problems = Vec::new();
    let cases = support::generate::cases(survey);
    assert!(cases.len() > 20, "{}: too few cases", survey.version);
    for case in &cases {
        let want = case.accepted();
        let verdicts = [
            ("json-schema", validator.is_valid(&case.response)),
            ("validate", response::validate(survey, &case.response).is_empty()),
            ("table", db.insert(survey, &case.response, false).is_ok()),
        ];
        for (judge, got) in verdicts {
            if got != want {
                problems.push(format!(
                    "{:?} {} / {} / {judge}: expected {want}, got {got}\n  {}",
                    db.dialect(),
                    survey.version,
                    case.label,
                    case.response
                ));
            }
        }
    }
    problems
}

/// Insert every generated valid response of `survey`; returns how many.
fn load(db: &mut dyn Db, survey: &ir::Survey) -> i64 {
    let valid = support::generate::valid(survey);
    for response in &valid {
        db.insert(survey, response, true)
            .unwrap_or_else(|e| panic!("{} refused a valid response: {e}\n  {response}", survey.version));
    }
    valid.len() as i64
}

fn column_names(versions: &[&ir::Survey], dialect: Dialect) -> Vec<String> {
    family::columns(versions, dialect)
        .into_iter()
        .map(|c| c.name)
        .collect()
}

/// The whole story on one database.
fn over_time(db: &mut dyn Db) {
    let dialect = db.dialect();
    let (v1, v11, v2) = (
        version("sportello_1_0_0.rileva"),
        version("sportello_1_1_0.rileva"),
        version("sportello_2_0_0.rileva"),
    );
    let table = v1.table.clone();
    db.exec(&script_versions(&[&v1], dialect))
        .expect("1.0.0's tables");
    let n1 = load(db, &v1);
    let before = db.rows(&table, &column_names(&[&v1], dialect));
    assert_eq!(before.len() as i64, n1);

    let minor = migration(&[&v1], &v11, dialect);
    for run in 1..=2 {
        db.exec(&minor)
            .unwrap_or_else(|e| panic!("{dialect:?} minor migration, run {run}: {e}\n{minor}"));
        assert_eq!(
            db.rows(&table, &column_names(&[&v1], dialect)),
            before,
            "{dialect:?}: run {run} of the minor migration changed a stored row"
        );
        let new_columns: Vec<String> = column_names(&[&v1, &v11], dialect)
            .into_iter()
            .filter(|c| !column_names(&[&v1], dialect).contains(c))
            .collect();
        let nulls = format!(
            "SELECT count(*) FROM {} WHERE {}",
            ident(&table),
            new_columns
                .iter()
                .map(|c| format!("{} IS NULL", ident(c)))
                .collect::<Vec<_>>()
                .join(" AND ")
        );
        assert_eq!(db.count(&nulls), n1, "the new columns are NULL in 1.0.0's rows");
    }
    let differs = db.differs(&[&v1, &v11]);
    assert!(
        differs.is_empty(),
        "{dialect:?}: the migrated table is not 1.0.0+1.1.0's: {differs}"
    );
    let mut problems = judge(db, &v1);
    problems.extend(judge(db, &v11));
    let n11 = load(db, &v11);

    let all_v1 = column_names(&[&v1, &v11], dialect);
    let before = db.rows(&table, &all_v1);
    assert_eq!(before.len() as i64, n1 + n11);
    let major = migration(&[&v1, &v11], &v2, dialect);
    for run in 1..=2 {
        db.exec(&major)
            .unwrap_or_else(|e| panic!("{dialect:?} major migration, run {run}: {e}\n{major}"));
        assert_eq!(
            db.rows(&table, &all_v1),
            before,
            "{dialect:?}: the major migration changed a row"
        );
    }
    let differs = db.differs(&[&v2]);
    assert!(differs.is_empty(), "{dialect:?}: 2.0.0's table: {differs}");
    problems.extend(judge(db, &v2));
    problems.extend(judge(db, &v11));
    let n2 = load(db, &v2);
    assert!(
        problems.is_empty(),
        "{} disagreement(s):\n{}",
        problems.len(),
        problems.join("\n")
    );

    let view = ident(&all_view_name(&v2));
    assert_eq!(db.count(&format!("SELECT count(*) FROM {view}")), n1 + n11 + n2);
    // A minor version of 2.0.0 once the view exists: the table is migrated under the view.
    let mut v21 = v2.clone();
    v21.version = "2.1.0".to_owned();
    let before = db.rows(&v2.table, &column_names(&[&v2], dialect));
    let minor = migration(&[&v2], &v21, dialect);
    for run in 1..=2 {
        db.exec(&minor)
            .unwrap_or_else(|e| panic!("{dialect:?} 2.1.0 under the view, run {run}: {e}\n{minor}"));
        assert_eq!(db.rows(&v2.table, &column_names(&[&v2], dialect)), before);
    }
    assert_eq!(db.count(&format!("SELECT count(*) FROM {view}")), n1 + n11 + n2);
    assert_eq!(
        db.count(&format!(
            "SELECT count(*) FROM {view} WHERE \"response_table\" = '{table}' AND \"soddisfazione\" IS NOT NULL"
        )),
        n1 + n11,
        "every 1.x response is in the view with its answer"
    );
    println!("{dialect:?}: {n1} + {n11} + {n2} responses across 1.0.0, 1.1.0 and 2.0.0");
}

#[test]
fn sqlite_keeps_every_version_over_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let conn = rusqlite::Connection::open(dir.path().join("responses.db")).expect("open");
    over_time(&mut Sqlite { conn, _dir: dir });
}

#[test]
fn postgres_keeps_every_version_over_time() {
    over_time(&mut Postgres {
        pg: sql_support::PgSchema::new("versions"),
    });
}

/// The generated migrations, as `rileva diff --sql` prints them: reviewed once, then any
/// change shows in the diff of a snapshot.
#[test]
fn migrations_are_snapshots() {
    let (v1, v11, v2) = (
        version("sportello_1_0_0.rileva"),
        version("sportello_1_1_0.rileva"),
        version("sportello_2_0_0.rileva"),
    );
    for (dialect, name) in [(Dialect::Postgres, "postgres"), (Dialect::Sqlite, "sqlite")] {
        let minor = migration(&[&v1], &v11, dialect);
        assert_eq!(minor, migration(&[&v1], &v11, dialect), "deterministic");
        insta::assert_snapshot!(format!("minor_{name}"), minor);
        insta::assert_snapshot!(format!("major_{name}"), migration(&[&v1, &v11], &v2, dialect));
        insta::assert_snapshot!(
            format!("table_1_0_0_and_1_1_0_{name}"),
            script_versions(&[&v1, &v11], dialect)
        );
    }
}

/// Texts reach a migration only as literals: a new version whose label is an injection
/// attempt migrates, and the codebook holds the label verbatim.
#[test]
fn migration_texts_are_escaped() {
    let v1 = version("sportello_1_0_0.rileva");
    let source = std::fs::read_to_string("tests/versions/sportello_1_1_0.rileva")
        .expect("read")
        .replace(
            "5 \"Orari di apertura\" en \"Opening hours\"",
            "5 \"Orari'); DROP TABLE \\\"comune_sportello_tributi_v1\\\"; --\" en \"It's \\\\ late\"",
        );
    let v11 = sql_support::compile_source("hostile.rileva", &source).remove(0);
    let label = v11
        .question("motivi")
        .and_then(|q| q.code(5))
        .map(|c| c.label.get("it").to_owned());
    assert_eq!(
        label.as_deref(),
        Some("Orari'); DROP TABLE \"comune_sportello_tributi_v1\"; --")
    );
    let conn = rusqlite::Connection::open_in_memory().expect("open");
    conn.execute_batch(&script_versions(&[&v1], Dialect::Sqlite))
        .expect("1.0.0");
    conn.execute_batch(&migration(&[&v1], &v11, Dialect::Sqlite))
        .expect("the migration runs");
    let stored: String = conn
        .query_row(
            "SELECT label FROM comune_sportello_tributi_v1_codes WHERE question_id = 'motivi' AND code = 5 AND language = 'it'",
            [],
            |r| r.get(0),
        )
        .expect("the new code's label");
    assert_eq!(Some(stored), label);
    let mut pg = Postgres {
        pg: sql_support::PgSchema::new("versions_escape"),
    };
    pg.exec(&script_versions(&[&v1], Dialect::Postgres))
        .expect("1.0.0");
    pg.exec(&migration(&[&v1], &v11, Dialect::Postgres))
        .expect("the migration runs");
    let stored: String = pg
        .pg
        .client
        .query_one(
            "SELECT label FROM comune_sportello_tributi_v1_codes WHERE question_id = 'motivi' AND code = 5 AND language = 'en'",
            &[],
        )
        .expect("the new code's label")
        .get(0);
    assert_eq!(stored, "It's \\ late");
}
