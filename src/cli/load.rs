//! `rileva load SURVEY RESPONSES.jsonl --db URL`: judge every line like `rileva validate`,
//! and, in ONE transaction, create the tables `build --target sql` generates (if absent) and
//! store every accepted response as soon as it is judged (SQLite: a prepared INSERT per row;
//! PostgreSQL: `COPY ... FROM STDIN`, platform/src/store/copy.rs). Memory does not grow with
//! the file (docs/language.md §14).
//!
//! Outcomes (docs/language.md §14), all-or-nothing per run:
//! - every line accepted and stored: exit 0;
//! - some lines rejected: they are reported (line numbers and reasons, as `validate` does),
//!   the accepted ones are still stored, exit 1;
//! - a database error (unreachable, a table of another shape, a constraint, on any row): the
//!   transaction is rolled back, so nothing at all is written; the rest of the file is
//!   still judged, so every rejected line is reported in the same run, then the database's
//!   message; exit 1;
//! - the command cannot run (unreadable files, a malformed `--db`, a read error in the
//!   middle of the file): rolled back, nothing written, exit 2.

use super::responses;
use super::validate::{self, JsonLine, Tally};
use super::{CliError, DataFormat, LibArgs, Status};
use rileva_compiler::ir;
use rileva_platform::store::{self, Database, LoadError, Tables};
use rileva_targets::sql::row::{self, Param};
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
    let Some(surveys) = validate::compile_one(survey, format, libs)? else {
        return Ok(Status::Errors);
    };
    let verdicts = responses::open(&surveys, responses)?;
    // Several versions: each response goes to its major version's table, which holds
    // every minor version given (docs/versions.md).
    let tables = store::tables_of_versions(&surveys, database.dialect())?;
    let mut tally = Tally::new(format);
    let mut rows = AcceptedRows {
        makers: surveys.iter().map(row::RowMaker::new).collect(),
        verdicts,
        tally: &mut tally,
        failure: None,
    };
    let outcome = match &database {
        Database::Sqlite(path) => store::sqlite::load(path, &tables, &mut rows),
        Database::Postgres(url) => store::postgres::load(url, &tables, &mut rows),
    };
    // After a database error the rest of the file is still judged and reported.
    rows.by_ref().for_each(drop);
    if let Some(failure) = rows.failure {
        return Err(failure);
    }
    let outcome = match outcome {
        Ok(loaded) => Ok(loaded),
        Err(LoadError::Database(message)) => Err(message),
        Err(LoadError::Rows(message)) => return Err(message),
    };
    report(&surveys, &tables, &tally, format, &outcome);
    Ok(if outcome.is_ok() && tally.all_accepted() {
        Status::Ok
    } else {
        Status::Errors
    })
}

/// The rows of the accepted lines, judged and tallied as the store pulls them. A read
/// error, or an accepted response without a row (the table and `response::validate`
/// agree, so that is a bug in rileva), ends the rows with an `Err`: nothing is loaded.
struct AcceptedRows<'a> {
    /// Each survey's rows, in the surveys' order.
    makers: Vec<row::RowMaker<'a>>,
    verdicts: responses::Verdicts<'a>,
    tally: &'a mut Tally,
    /// Why the rows ended early (the command fails with it).
    failure: Option<CliError>,
}

impl Iterator for AcceptedRows<'_> {
    type Item = Result<(usize, Vec<Param>), String>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failure.is_some() {
            return None;
        }
        for verdict in self.verdicts.by_ref() {
            let (index, verdict) = match verdict {
                Ok(verdict) => verdict,
                Err(e) => return Some(Err(self.fail(e))),
            };
            self.tally.record(&verdict);
            let Some(response) = verdict.response.as_ref().filter(|_| verdict.accepted()) else {
                continue;
            };
            return Some(match self.makers[index].row(response) {
                Ok(values) => Ok((index, values)),
                Err(why) => Err(self.fail(format!(
                    "line {}: accepted, but it has no row ({why}); this is a bug in rileva, nothing was loaded",
                    verdict.line
                ))),
            });
        }
        None
    }
}

impl AcceptedRows<'_> {
    fn fail(&mut self, message: String) -> String {
        self.failure = Some(message.clone());
        message
    }
}

/// `--format json`: the validation report of `validate` plus what was loaded.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    responses: usize,
    accepted: usize,
    rejected: &'a [JsonLine],
    /// The table of the latest version given.
    table: &'a str,
    /// Every table written, when several major versions were given.
    #[serde(skip_serializing_if = "Option::is_none")]
    tables: Option<Vec<&'a str>>,
    /// Rows inserted; 0 when the database failed.
    loaded: usize,
    /// The database's message when the transaction was rolled back.
    database_error: Option<&'a str>,
}

fn report(
    surveys: &[ir::Survey],
    tables: &[Tables],
    tally: &Tally,
    format: DataFormat,
    outcome: &Result<usize, String>,
) {
    let loaded = *outcome.as_ref().unwrap_or(&0);
    let survey = validate::latest(surveys);
    let mut names: Vec<&str> = tables.iter().map(|t| t.table.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    match format {
        DataFormat::Json => {
            let report = JsonReport {
                responses: tally.responses,
                accepted: tally.accepted,
                rejected: &tally.rejected,
                table: &survey.table,
                tables: (names.len() > 1).then(|| names.clone()),
                loaded,
                database_error: outcome.as_ref().err().map(String::as_str),
            };
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        }
        DataFormat::Human => {
            tally.report(survey);
            match outcome {
                Ok(_) => println!("loaded {loaded} response(s) into {}", names.join(", ")),
                Err(message) => {
                    eprintln!("database error: {message}");
                    eprintln!("rolled back: nothing was loaded");
                }
            }
        }
    }
}
