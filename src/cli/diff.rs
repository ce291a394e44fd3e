//! `rileva diff OLD NEW [--format human|json|sarif]`: compile two versions of a survey, compare
//! them (compiler `diff`), print every change as breaking or compatible. Exit status 1 when a
//! breaking change comes without a greater major version (docs/language.md §14), or when either
//! file has errors; 2 when a file cannot be read or does not define exactly one survey.

use super::{check, inputs, sarif, CliError, DiffFormat, Format, LibArgs, Status};
use rileva_compiler::diagnostics::Diagnostic;
use rileva_compiler::diff::{self, Impact, Report};
use rileva_compiler::ir::Survey;
use rileva_compiler::source::SourceMap;
use rileva_compiler::Compilation;
use std::path::{Path, PathBuf};

pub fn run(old: &Path, new: &Path, format: DiffFormat, libs: &LibArgs) -> Result<Status, CliError> {
    let before = compile(old, libs)?;
    let after = compile(new, libs)?;
    let (Ok(old_survey), Ok(new_survey)) = (&before, &after) else {
        report_errors(&[(old, &before), (new, &after)], format);
        return Ok(Status::Errors);
    };
    let report = diff::compare(&old_survey.0, &new_survey.0);
    match format {
        DiffFormat::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        DiffFormat::Human => print!("{}", human(&report)),
        DiffFormat::Sarif => print!(
            "{}",
            sarif::to_json(&sarif::diff_log(&report, &new_survey.0, &new_survey.1.sources))
        ),
    }
    Ok(if report.ok { Status::Ok } else { Status::Errors })
}

/// A file's one checked survey with its compilation, or the compilation that has errors.
type Compiled = Result<(Survey, Compilation), Compilation>;

/// Compile one file; 2 when it cannot be read or does not define exactly one survey.
fn compile(path: &Path, libs: &LibArgs) -> Result<Compiled, CliError> {
    let mut compilation = inputs::compile_paths(&[PathBuf::from(path)], libs)?;
    if compilation.has_errors() {
        return Ok(Err(compilation));
    }
    let mut surveys = std::mem::take(&mut compilation.surveys).into_iter();
    match (surveys.next(), surveys.next()) {
        (Some(survey), None) => Ok(Ok((survey, compilation))),
        (None, _) => Err(format!("{} defines no survey", path.display())),
        (Some(_), Some(_)) => Err(format!(
            "{} defines more than one survey; diff compares one survey with one survey",
            path.display()
        )),
    }
}

/// The diagnostics of the files with errors, in the chosen format; SARIF as one log.
fn report_errors(files: &[(&Path, &Compiled)], format: DiffFormat) {
    let failed: Vec<(&Path, &Compilation)> = files
        .iter()
        .filter_map(|(path, c)| c.as_ref().err().map(|c| (*path, c)))
        .collect();
    match format {
        DiffFormat::Sarif => {
            let parts: Vec<(&SourceMap, &[Diagnostic])> = failed
                .iter()
                .map(|(_, c)| (&c.sources, c.diagnostics.as_slice()))
                .collect();
            print!("{}", sarif::to_json(&sarif::check_log(&parts)));
        }
        DiffFormat::Json | DiffFormat::Human => {
            let format = if format == DiffFormat::Json {
                Format::Json
            } else {
                Format::Human
            };
            for (_, c) in &failed {
                check::report(c, &c.diagnostics, format);
            }
        }
    }
    for (path, _) in &failed {
        eprintln!("{}: not compared, it has errors", path.display());
    }
}

/// One line per change, then a summary and the verdict.
pub fn human(report: &Report) -> String {
    let mut out = format!(
        "{} {} -> {} {}\n",
        report.old.id, report.old.version, report.new.id, report.new.version
    );
    for change in &report.changes {
        out.push_str(&format!("{}: {}\n", change.kind.as_str(), change.message));
    }
    let (breaking, compatible) = (report.count(Impact::Breaking), report.count(Impact::Compatible));
    if report.changes.is_empty() {
        out.push_str("no changes\n");
        return out;
    }
    out.push_str(&format!(
        "{breaking} breaking, {compatible} compatible change(s)\n"
    ));
    if !report.ok {
        out.push_str(&format!(
            "error: breaking changes need version {} (the new version is {})\n",
            report.needed_version(),
            report.new.version
        ));
    } else if report.requires_major {
        out.push_str("ok: the breaking changes come with a new major version\n");
    }
    out
}
