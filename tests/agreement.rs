//! The property that matters most: for every example and contract survey,
//! every judge gives the same verdict on every generated response, and that verdict is the
//! generator's expectation. Adding a judge is one function in [`JUDGES`].

mod sql_support;
mod support;

use rileva_compiler::ir;
use rileva_compiler::response::{self, Kind};
use serde_json::Value;
use std::collections::BTreeSet;
use support::generate::{self, Expect};

/// A judge's verdict on one response: `Err` says why it rejected it.
type Verdict = Result<(), String>;

/// A judge, ready for one survey (tables created, schema compiled...).
type Judge = Box<dyn FnMut(&Value) -> Verdict>;

/// How to make a judge for one survey.
type MakeJudge = fn(&ir::Survey) -> Judge;

/// Every judge: a name and how to make it for one survey.
const JUDGES: &[(&str, MakeJudge)] = &[
    ("json-schema", json_schema),
    ("validate", validate),
    ("sqlite", sqlite),
    ("postgres", postgres),
];

/// The generated JSON Schema, through the independent `jsonschema` crate (draft 2020-12).
fn json_schema(survey: &ir::Survey) -> Judge {
    let files = rileva_targets::Target::JsonSchema.emit(survey, &Default::default());
    let schema: Value = serde_json::from_slice(&files[0].contents).expect("the schema is JSON");
    let validator = jsonschema::draft202012::new(&schema)
        .unwrap_or_else(|e| panic!("{}: the schema does not compile: {e}", survey.id));
    Box::new(move |response| {
        let errors: Vec<String> = validator
            .iter_errors(response)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors.join("; "))
        }
    })
}

/// `rileva validate`'s judgement: `rileva_compiler::response::validate`.
fn validate(survey: &ir::Survey) -> Judge {
    let survey = survey.clone();
    Box::new(move |response| {
        let reasons = response::validate(&survey, response);
        if reasons.is_empty() {
            Ok(())
        } else {
            Err(reasons
                .iter()
                .map(|r| r.message.as_str())
                .collect::<Vec<_>>()
                .join("; "))
        }
    })
}

#[test]
fn every_judge_agrees_on_every_generated_response() {
    let mut problems = Vec::new();
    let mut responses = 0;
    let mut kinds_seen = BTreeSet::new();
    let surveys = support::surveys::all();
    for (name, survey) in &surveys {
        let mut judges: Vec<(&str, Judge)> = JUDGES.iter().map(|(n, make)| (*n, make(survey))).collect();
        let cases = generate::cases(survey);
        assert!(
            cases.iter().any(|c| c.accepted()),
            "{name}: no valid response generated"
        );
        for case in &cases {
            responses += 1;
            let want = case.accepted();
            for (judge, verdict) in judges.iter_mut().map(|(n, j)| (*n, j(&case.response))) {
                if verdict.is_ok() != want {
                    problems.push(format!(
                        "{name} / {} / {judge}: expected {:?}, got {verdict:?}\n  {}",
                        case.label, case.expect, case.response
                    ));
                }
            }
            if let Expect::Reject(kind) = case.expect {
                kinds_seen.insert(kind);
                let given: Vec<Kind> = response::validate(survey, &case.response)
                    .iter()
                    .map(|r| r.kind)
                    .collect();
                if !given.contains(&kind) {
                    problems.push(format!(
                        "{name} / {}: validate gave {given:?}, not {kind:?}",
                        case.label
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} disagreement(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    let untried: Vec<&Kind> = Kind::ALL
        .iter()
        .filter(|k| **k != Kind::NotJson && !kinds_seen.contains(k))
        .collect();
    assert!(untried.is_empty(), "no generated response exercises {untried:?}");
    println!(
        "agreement: {responses} responses x {} judges agree ({} surveys)",
        JUDGES.len(),
        surveys.len()
    );
}

/// The generated SQLite table (in memory, STRICT): the response's row is inserted in its own
/// transaction, rolled back. A response the table cannot represent (`sql::row::row` says
/// why: another survey, a key with no column, a wrong JSON type) has no row: rejected.
fn sqlite(survey: &ir::Survey) -> Judge {
    use rileva_targets::sql::{quote::Dialect, row, script};
    let db = rusqlite::Connection::open_in_memory().expect("open SQLite");
    db.execute_batch(&script(survey, Dialect::Sqlite))
        .unwrap_or_else(|e| panic!("{}: sqlite.sql does not run: {e}", survey.id));
    let insert = row::insert_sql(survey, Dialect::Sqlite);
    let survey = survey.clone();
    Box::new(move |response| {
        let values = row::row(&survey, response).map_err(|why| format!("no row: {why}"))?;
        db.execute_batch("BEGIN").map_err(|e| e.to_string())?;
        let result = db.prepare_cached(&insert).and_then(|mut s| {
            s.execute(rusqlite::params_from_iter(
                values.iter().map(sql_support::sqlite_value),
            ))
        });
        db.execute_batch("ROLLBACK").map_err(|e| e.to_string())?;
        result.map(|_| ()).map_err(|e| e.to_string())
    })
}

/// The generated PostgreSQL table, in a schema of its own on RILEVA_TEST_POSTGRES: the row is
/// inserted through the prepared INSERT `rileva load` uses, each in its own transaction
/// (autocommit, one round trip; accepted rows stay until the schema is dropped, and no
/// constraint looks at other rows).
fn postgres(survey: &ir::Survey) -> Judge {
    use rileva_targets::sql::{quote::Dialect, row, script, table::ValueType};
    let mut pg = sql_support::PgSchema::new("agreement");
    pg.client
        .batch_execute("SET synchronous_commit = off")
        .expect("session setting");
    pg.client
        .batch_execute(&script(survey, Dialect::Postgres))
        .unwrap_or_else(|e| panic!("{}: postgres.sql does not run: {e}", survey.id));
    let types: Vec<ValueType> = row::insert_columns(survey).iter().map(|c| c.value).collect();
    let pg_types: Vec<_> = types.iter().map(|t| sql_support::pg_type(*t)).collect();
    let insert = pg
        .client
        .prepare_typed(&row::insert_sql(survey, Dialect::Postgres), &pg_types)
        .unwrap_or_else(|e| panic!("{}: the INSERT does not prepare: {e}", survey.id));
    let survey = survey.clone();
    Box::new(move |response| {
        let values = row::row(&survey, response).map_err(|why| format!("no row: {why}"))?;
        let boxed = sql_support::pg_values(&values, &types);
        let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = boxed
            .iter()
            .map(|b| b.as_ref() as &(dyn postgres::types::ToSql + Sync))
            .collect();
        pg.client
            .execute(&insert, &refs)
            .map(|_| ())
            .map_err(|e| e.as_db_error().map_or(e.to_string(), |d| d.message().to_owned()))
    })
}

/// Random changes per survey in `every_judge_agrees_on_random_changes`.
const RANDOM_CHANGES: usize = 300;

/// Seeded random changes to valid responses (awkward values, removed keys, stray specify
/// texts): no expectation, but every judge must give the same verdict.
#[test]
fn every_judge_agrees_on_random_changes() {
    let mut problems = Vec::new();
    let (mut responses, mut accepted) = (0, 0);
    for (name, survey) in &support::surveys::all() {
        let mut judges: Vec<(&str, Judge)> = JUDGES.iter().map(|(n, make)| (*n, make(survey))).collect();
        let valid = generate::valid(survey);
        for i in 0..RANDOM_CHANGES {
            let response = generate::random::change(survey, &valid[i % valid.len()], i as u64);
            let verdicts: Vec<(&str, Verdict)> = judges.iter_mut().map(|(n, j)| (*n, j(&response))).collect();
            responses += 1;
            accepted += usize::from(verdicts[0].1.is_ok());
            if verdicts.iter().any(|(_, v)| v.is_ok() != verdicts[0].1.is_ok()) {
                problems.push(format!("{name} #{i}: {verdicts:?}\n  {response}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} disagreement(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(
        accepted > 0 && accepted < responses,
        "{accepted} of {responses} accepted: no contrast"
    );
    println!(
        "agreement on random changes: {responses} responses ({accepted} accepted) x {} judges agree",
        JUDGES.len()
    );
}
