//! `rileva validate SURVEY RESPONSES.jsonl`: compile the survey, judge each response line
//! with `rileva_compiler::response` as it is read ([`responses::Verdicts`]), report every
//! rejected line with every reason. `load` reuses [`compile_one`] and [`Tally`].
//!
//! Memory does not grow with the file: the human report prints each rejected line when it
//! is judged; `--format json` (one object, counts first) keeps only the rejected lines'
//! reasons until the end.

use super::responses;
use super::{check, inputs, CliError, DataFormat, Format, LibArgs, Status};
use rileva_compiler::ir;
use rileva_compiler::response::{LineVerdict, Rejection};
use serde::Serialize;
use std::path::Path;

pub fn run(survey: &Path, responses: &Path, format: DataFormat, libs: &LibArgs) -> Result<Status, CliError> {
    let Some(surveys) = compile_one(survey, format, libs)? else {
        return Ok(Status::Errors);
    };
    let mut tally = Tally::new(format);
    for verdict in responses::open(&surveys, responses)? {
        tally.record(&verdict?.1);
    }
    tally.report(latest(&surveys));
    Ok(if tally.all_accepted() {
        Status::Ok
    } else {
        Status::Errors
    })
}

/// Compile SURVEY: one survey, or several versions of one survey (docs/versions.md), in
/// the order found; `None` when it has errors (already printed in `format`). A SURVEY that
/// is unreadable or holds no survey or several surveys is a failure of the command (exit 2).
pub fn compile_one(
    survey: &Path,
    format: DataFormat,
    libs: &LibArgs,
) -> Result<Option<Vec<ir::Survey>>, CliError> {
    let compilation = inputs::check_paths(&[survey.to_path_buf()], libs)?;
    let diagnostics = &compilation.diagnostics;
    if check::status(diagnostics, false) != Status::Ok {
        let format = match format {
            DataFormat::Human => Format::Human,
            DataFormat::Json => Format::Json,
        };
        check::report(&compilation, diagnostics, format);
        return Ok(None);
    }
    let surveys = compilation.surveys;
    let ids: std::collections::BTreeSet<&str> = surveys.iter().map(|s| s.id.as_str()).collect();
    if ids.len() != 1 {
        return Err(format!(
            "{} defines {} surveys; name a file with exactly one (or the versions of one survey)",
            survey.display(),
            ids.len()
        ));
    }
    Ok(Some(surveys))
}

/// The latest of several versions of one survey (never called with none).
pub fn latest(surveys: &[ir::Survey]) -> &ir::Survey {
    let index = rileva_compiler::response::pick_version(surveys, &serde_json::Value::Null);
    &surveys[index]
}

/// One rejected line of the JSON report.
#[derive(Debug, Serialize)]
pub struct JsonLine {
    pub line: usize,
    pub reasons: Vec<Rejection>,
}

/// The counts of a run and what the report needs of each verdict, kept as lines are judged.
pub struct Tally {
    format: DataFormat,
    pub responses: usize,
    pub accepted: usize,
    /// Rejected lines for `--format json` (the human report has printed them already).
    pub rejected: Vec<JsonLine>,
    rejected_count: usize,
}

/// `--format json`: the whole report as one object.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    responses: usize,
    accepted: usize,
    rejected: &'a [JsonLine],
}

impl Tally {
    pub fn new(format: DataFormat) -> Tally {
        Tally {
            format,
            responses: 0,
            accepted: 0,
            rejected: Vec::new(),
            rejected_count: 0,
        }
    }

    /// Count one verdict; a rejected line is printed now (human) or kept (JSON).
    pub fn record(&mut self, verdict: &LineVerdict) {
        self.responses += 1;
        if verdict.accepted() {
            self.accepted += 1;
            return;
        }
        self.rejected_count += 1;
        match self.format {
            DataFormat::Human => {
                println!("line {}: rejected", verdict.line);
                for r in &verdict.rejections {
                    println!("  - {}: {}", r.kind.as_str(), r.message);
                }
            }
            DataFormat::Json => self.rejected.push(JsonLine {
                line: verdict.line,
                reasons: verdict.rejections.clone(),
            }),
        }
    }

    pub fn all_accepted(&self) -> bool {
        self.rejected_count == 0
    }

    /// The end of the report: the summary line
    /// (`inps.hub_prestazioni: 12 responses: 11 accepted, 1 rejected`), or the JSON object.
    pub fn report(&self, survey: &ir::Survey) {
        match self.format {
            DataFormat::Json => {
                let report = JsonReport {
                    responses: self.responses,
                    accepted: self.accepted,
                    rejected: &self.rejected,
                };
                println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
            }
            DataFormat::Human => println!(
                "{}: {} responses: {} accepted, {} rejected",
                survey.id, self.responses, self.accepted, self.rejected_count
            ),
        }
    }
}
