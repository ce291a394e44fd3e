//! Target `validate`: one JSON line -> `response::judge_line` (what `rileva validate` runs
//! on each line: UTF-8, JSON, then `response::validate`) against every example, contract
//! and support survey: never a panic; the line's verdict is `validate`'s; and the judges of
//! tests/agreement.rs agree on it: `validate` accepts it exactly when the survey's JSON
//! Schema (the `jsonschema` crate, draft 2020-12) does and when it has a row that inserts
//! into the survey's SQLite table (STRICT, with the generated constraints; rolled back).

use rileva_compiler::{ir, response};
use rileva_targets::sql::quote::Dialect;
use rileva_targets::sql::row::{self, Param};
use rileva_targets::Target;
use serde_json::Value;

/// One survey with its judges.
struct Judged {
    survey: ir::Survey,
    schema: jsonschema::Validator,
    insert: String,
}

struct Judges {
    surveys: Vec<Judged>,
    db: rusqlite::Connection,
}

fn judges() -> Judges {
    let db = rusqlite::Connection::open_in_memory().expect("SQLite in memory");
    let mut surveys = Vec::new();
    for survey in crate::examples::surveys() {
        let file = &Target::JsonSchema.emit(&survey, &Default::default())[0];
        let schema: Value = serde_json::from_slice(&file.contents).expect("the schema is JSON");
        let schema = jsonschema::draft202012::new(&schema).expect("the schema compiles");
        // The script says IF NOT EXISTS: two versions may share a table.
        db.execute_batch(&rileva_targets::sql::script(&survey, Dialect::Sqlite))
            .unwrap_or_else(|e| panic!("{}: sqlite.sql does not run: {e}", survey.id));
        let insert = row::insert_sql(&survey, Dialect::Sqlite);
        surveys.push(Judged {
            survey,
            schema,
            insert,
        });
    }
    Judges { surveys, db }
}

fn sqlite(param: &Param) -> rusqlite::types::Value {
    use rusqlite::types::Value as V;
    match param {
        Param::Null => V::Null,
        Param::Integer(i) => V::Integer(*i),
        Param::Text(s) => V::Text(s.clone()),
        Param::Boolean(b) => V::Integer(i64::from(*b)),
    }
}

impl Judges {
    /// The row of `value` inserted into its table under a savepoint rolled back at once;
    /// `Err` says why there is no row or why SQLite refused it.
    fn insert(&self, judged: &Judged, value: &Value) -> Result<(), String> {
        let values = row::row(&judged.survey, value).map_err(|why| format!("no row: {why}"))?;
        self.db.execute_batch("SAVEPOINT fuzz").expect("savepoint");
        let inserted = self
            .db
            .prepare_cached(&judged.insert)
            .and_then(|mut s| s.execute(rusqlite::params_from_iter(values.iter().map(sqlite))));
        self.db
            .execute_batch("ROLLBACK TO fuzz; RELEASE fuzz")
            .expect("rollback");
        inserted.map(|_| ()).map_err(|e| e.to_string())
    }
}

thread_local! {
    static JUDGES: Judges = judges();
}

pub fn run(data: &[u8]) {
    // One line, as `rileva validate` and `load` cut their input.
    let line = data.split(|b| *b == b'\n').next().unwrap_or_default();
    JUDGES.with(|judges| {
        for judged in &judges.surveys {
            let Some(verdict) = response::judge_line(&judged.survey, 1, line) else {
                return;
            };
            for r in &verdict.rejections {
                assert!(!r.message.is_empty(), "a rejection without a message: {r:?}");
            }
            let Some(value) = verdict.response else {
                assert!(!verdict.accepted(), "a line that is not JSON accepted");
                continue;
            };
            let reasons = response::validate(&judged.survey, &value);
            assert_eq!(
                reasons.len(),
                verdict.rejections.len(),
                "the line's verdict is not validate's"
            );
            let id = &judged.survey.id;
            let schema: Vec<String> = judged
                .schema
                .iter_errors(&value)
                .map(|e| format!("{e} at {}", e.instance_path))
                .collect();
            let table = judges.insert(judged, &value);
            let accepted = reasons.is_empty();
            assert!(
                accepted == schema.is_empty() && accepted == table.is_ok(),
                "{id}: the judges disagree on {value}: validate {reasons:?}; JSON Schema {schema:?}; SQLite {table:?}"
            );
        }
    });
}
