//! `rileva load SURVEY RESPONSES.jsonl --db URL`: validate every line like `rileva validate`,
//! then, in ONE transaction, create the tables `build --target sql` generates (if absent) and
//! insert every accepted response with a parameterised INSERT.
//!
//! Outcomes (docs/language.md §14):
//! - every line accepted and stored: exit 0;
//! - some lines rejected: they are reported (line numbers and reasons, as `validate` does),
//!   the accepted ones are still stored, exit 1;
//! - a database error (unreachable, a table of another shape, a constraint): the
//!   transaction is rolled back, so nothing at all is written, the database's message is
//!   printed, exit 1;
//! - the command cannot run (unreadable files, a malformed `--db`): exit 2.

use super::validate::{self, Judged};
use super::{CliError, DataFormat, LibArgs, Status};
use rileva_compiler::ir;
use rileva_compiler::response::{LineVerdict, Rejection};
use rileva_platform::store::{self, Batch, Database, Tables};
use rileva_targets::sql::quote::Dialect;
use rileva_targets::sql::row;
use serde::Serialize;
use std::path::Path;

pub fn run(
    survey: &Path,
    responses: &Path,
    db: &str,
    format: DataFormat,
    libs: &LibArgs,
) -> Result<Status, CliError> {
    let database = Database::parse(db)?;
    let (survey, verdicts) = match validate::read_and_judge(survey, responses, format, libs)? {
        Judged::SurveyHasErrors => return Ok(Status::Errors),
        Judged::Ready { survey, verdicts } => (survey, verdicts),
    };
    let batch = batch(&survey, &verdicts, database.dialect())?;
    let outcome = match &database {
        Database::Sqlite(path) => store::sqlite::load(path, &batch),
        Database::Postgres(url) => store::postgres::load(url, &batch),
    };
    report(&survey, &verdicts, format, &outcome, batch.rows.len());
    let all_accepted = verdicts.iter().all(LineVerdict::accepted);
    Ok(if outcome.is_ok() && all_accepted {
        Status::Ok
    } else {
        Status::Errors
    })
}

/// The rows of the accepted lines. An accepted response always has a row (the table and
/// `response::validate` agree); if one had none, that is a bug in rileva and nothing is
/// loaded.
fn batch(survey: &ir::Survey, verdicts: &[LineVerdict], dialect: Dialect) -> Result<Batch, CliError> {
    let mut rows = Vec::new();
    for verdict in verdicts.iter().filter(|v| v.accepted()) {
        let Some(response) = &verdict.response else {
            continue;
        };
        let values = row::row(survey, response).map_err(|why| {
            format!(
                "line {}: accepted, but it has no row ({why}); this is a bug in rileva, nothing was loaded",
                verdict.line
            )
        })?;
        rows.push(values);
    }
    Ok(Batch {
        tables: Tables::new(survey, dialect),
        rows,
    })
}

/// `--format json`: the validation report of `validate` plus what was loaded.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    responses: usize,
    accepted: usize,
    rejected: Vec<JsonLine<'a>>,
    table: &'a str,
    /// Rows inserted; 0 when the database failed.
    loaded: usize,
    /// The database's message when the transaction was rolled back.
    database_error: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct JsonLine<'a> {
    line: usize,
    reasons: &'a [Rejection],
}

fn report(
    survey: &ir::Survey,
    verdicts: &[LineVerdict],
    format: DataFormat,
    outcome: &Result<(), String>,
    rows: usize,
) {
    let loaded = if outcome.is_ok() { rows } else { 0 };
    match format {
        DataFormat::Json => {
            let report = JsonReport {
                responses: verdicts.len(),
                accepted: verdicts.iter().filter(|v| v.accepted()).count(),
                rejected: verdicts
                    .iter()
                    .filter(|v| !v.accepted())
                    .map(|v| JsonLine {
                        line: v.line,
                        reasons: &v.rejections,
                    })
                    .collect(),
                table: &survey.table,
                loaded,
                database_error: outcome.as_ref().err().map(String::as_str),
            };
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        }
        DataFormat::Human => {
            validate::report(survey, verdicts, format);
            match outcome {
                Ok(()) => println!("loaded {loaded} response(s) into {}", survey.table),
                Err(message) => {
                    eprintln!("database error: {message}");
                    eprintln!("rolled back: nothing was loaded");
                }
            }
        }
    }
}
