//! `rileva validate SURVEY RESPONSES.jsonl`: compile the survey, judge each response line
//! with `rileva_compiler::response`, report every rejected line with every reason.
//! `load` reuses [`read_and_judge`] and [`report`].

use super::{check, inputs, CliError, DataFormat, Format, LibArgs, Status};
use rileva_compiler::ir;
use rileva_compiler::response::{judge_lines, LineVerdict, Rejection};
use serde::Serialize;
use std::fs;
use std::path::Path;

pub fn run(survey: &Path, responses: &Path, format: DataFormat, libs: &LibArgs) -> Result<Status, CliError> {
    match read_and_judge(survey, responses, format, libs)? {
        Judged::SurveyHasErrors => Ok(Status::Errors),
        Judged::Ready { survey, verdicts } => {
            report(&survey, &verdicts, format);
            if verdicts.iter().all(LineVerdict::accepted) {
                Ok(Status::Ok)
            } else {
                Ok(Status::Errors)
            }
        }
    }
}

/// The survey and the verdict on every line, or the survey's errors (already printed).
pub enum Judged {
    SurveyHasErrors,
    Ready {
        survey: Box<ir::Survey>,
        verdicts: Vec<LineVerdict>,
    },
}

/// Compile SURVEY (its errors are printed in `format`), read RESPONSES, judge every line.
/// A SURVEY that is unreadable or holds not exactly one survey, or unreadable RESPONSES,
/// is a failure of the command (exit 2).
pub fn read_and_judge(
    survey: &Path,
    responses: &Path,
    format: DataFormat,
    libs: &LibArgs,
) -> Result<Judged, CliError> {
    let compilation = inputs::check_paths(&[survey.to_path_buf()], libs)?;
    let diagnostics = &compilation.diagnostics;
    if check::status(diagnostics, false) != Status::Ok {
        let format = match format {
            DataFormat::Human => Format::Human,
            DataFormat::Json => Format::Json,
        };
        check::report(&compilation, diagnostics, format);
        return Ok(Judged::SurveyHasErrors);
    }
    let mut surveys = compilation.surveys;
    if surveys.len() != 1 {
        return Err(format!(
            "{} defines {} surveys; name a file with exactly one",
            survey.display(),
            surveys.len()
        ));
    }
    let survey = surveys.remove(0);
    let bytes = fs::read(responses).map_err(|e| format!("cannot read {}: {e}", responses.display()))?;
    let verdicts = judge_lines(&survey, &bytes);
    Ok(Judged::Ready {
        survey: Box::new(survey),
        verdicts,
    })
}

/// `--format json`: the whole report as one object.
#[derive(Debug, Serialize)]
struct JsonReport<'a> {
    responses: usize,
    accepted: usize,
    rejected: Vec<JsonLine<'a>>,
}

#[derive(Debug, Serialize)]
struct JsonLine<'a> {
    line: usize,
    reasons: &'a [Rejection],
}

/// Print every rejected line with its reasons, then a summary line
/// (`inps.hub_prestazioni: 12 responses: 11 accepted, 1 rejected`).
pub fn report(survey: &ir::Survey, verdicts: &[LineVerdict], format: DataFormat) {
    let rejected: Vec<&LineVerdict> = verdicts.iter().filter(|v| !v.accepted()).collect();
    let accepted = verdicts.len() - rejected.len();
    match format {
        DataFormat::Json => {
            let report = JsonReport {
                responses: verdicts.len(),
                accepted,
                rejected: rejected
                    .iter()
                    .map(|v| JsonLine {
                        line: v.line,
                        reasons: &v.rejections,
                    })
                    .collect(),
            };
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default());
        }
        DataFormat::Human => {
            for v in &rejected {
                println!("line {}: rejected", v.line);
                for r in &v.rejections {
                    println!("  - {}: {}", r.kind.as_str(), r.message);
                }
            }
            println!(
                "{}: {} responses: {accepted} accepted, {} rejected",
                survey.id,
                verdicts.len(),
                rejected.len()
            );
        }
    }
}
