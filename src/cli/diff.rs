//! `rileva diff OLD NEW [--format human|json|sarif]`: compile two versions of a survey, compare
//! them (compiler `diff`), print every change as breaking or compatible. Exit status 1 when a
//! breaking change comes without a greater major version (docs/language.md §14), or when either
//! file has errors; 2 when a file cannot be read or does not define exactly one survey.

use super::{check, inputs, sarif, CliError, DiffFormat, Format, LibArgs, SqlDialect, Status};
use rileva_compiler::conformance::StandardSpec;
use rileva_compiler::diagnostics::Diagnostic;
use rileva_compiler::diff::{self, Impact, Report};
use rileva_compiler::ir::Survey;
use rileva_compiler::source::SourceMap;
use rileva_compiler::Compilation;
use rileva_targets::sql::migrate;
use rileva_targets::sql::quote::Dialect;
use std::path::{Path, PathBuf};

pub fn run(
    old: &Path,
    new: &Path,
    format: DiffFormat,
    sql: Option<SqlDialect>,
    libs: &LibArgs,
) -> Result<Status, CliError> {
    if let Some(status) = standards(old, new, format, libs)? {
        return Ok(status);
    }
    let before = compile(old, libs, sql.is_some())?;
    let after = compile(new, libs, false)?;
    let (Ok(old_survey), Ok(new_survey)) = (&before, &after) else {
        report_errors(&[(old, &before), (new, &after)], format);
        return Ok(Status::Errors);
    };
    let report = diff::compare(&old_survey.0, &new_survey.0);
    if let Some(dialect) = sql {
        return print_migration(
            &old_survey.1.surveys,
            &old_survey.0,
            &new_survey.0,
            &report,
            dialect,
        );
    }
    match format {
        DiffFormat::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        DiffFormat::Human => print!("{}", human(&report)),
        DiffFormat::Sarif => print!(
            "{}",
            sarif::to_json(&sarif::diff_log(
                &report,
                &sarif::NewVersion::survey(&new_survey.0),
                &new_survey.1.sources
            ))
        ),
    }
    Ok(if report.ok { Status::Ok } else { Status::Errors })
}

/// Two files that each define one standard and no survey: their locked questions compared
/// (docs/versions.md); `None` when they are not two standards.
fn standards(old: &Path, new: &Path, format: DiffFormat, libs: &LibArgs) -> Result<Option<Status>, CliError> {
    let one_standard = |path: &Path| -> Result<Option<(StandardSpec, SourceMap)>, CliError> {
        let compilation = inputs::compile_paths(&[PathBuf::from(path)], libs)?;
        let mut standards = compilation.standards;
        Ok((compilation.surveys.is_empty() && standards.len() == 1)
            .then(|| (standards.remove(0), compilation.sources)))
    };
    let (Some((before, _)), Some((after, sources))) = (one_standard(old)?, one_standard(new)?) else {
        return Ok(None);
    };
    if before.name != after.name {
        return Err(format!(
            "{} defines standard {} and {} defines {}: diff compares two versions of one standard",
            old.display(),
            before.name,
            new.display(),
            after.name
        ));
    }
    let report = diff::compare_standards(&before, &after);
    match format {
        DiffFormat::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        DiffFormat::Human => print!("{}", human(&report)),
        DiffFormat::Sarif => print!(
            "{}",
            sarif::to_json(&sarif::diff_log(
                &report,
                &sarif::NewVersion::standard(&after),
                &sources
            ))
        ),
    }
    Ok(Some(if report.ok { Status::Ok } else { Status::Errors }))
}

/// A file's one checked survey (the latest, when `several` versions of it are allowed) with
/// its compilation (holding the other versions), or the compilation that has errors.
type Compiled = Result<(Survey, Compilation), Compilation>;

/// Compile one file or folder; 2 when it cannot be read or does not define exactly one
/// survey (or, when `several`, versions of exactly one survey).
fn compile(path: &Path, libs: &LibArgs, several: bool) -> Result<Compiled, CliError> {
    let mut compilation = inputs::compile_paths(&[PathBuf::from(path)], libs)?;
    if compilation.has_errors() {
        return Ok(Err(compilation));
    }
    let ids: std::collections::BTreeSet<&str> = compilation.surveys.iter().map(|s| s.id.as_str()).collect();
    let count = compilation.surveys.len();
    if ids.len() > 1 || (count > 1 && !several) {
        return Err(format!(
            "{} defines more than one survey; diff compares one survey with one survey",
            path.display()
        ));
    }
    let latest = compilation
        .surveys
        .iter()
        .max_by_key(|s| diff::version_key(&s.version))
        .cloned();
    match latest {
        Some(survey) => {
            if !several {
                compilation.surveys.clear();
            }
            Ok(Ok((survey, compilation)))
        }
        None => Err(format!("{} defines no survey", path.display())),
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

/// `--sql`: the migration from the tables of every version in OLD to tables that also
/// accept NEW, on stdout; exit 1 (nothing printed on stdout) when NEW may not share OLD's
/// table or comes before it.
fn print_migration(
    olds: &[Survey],
    latest: &Survey,
    new: &Survey,
    report: &Report,
    dialect: SqlDialect,
) -> Result<Status, CliError> {
    let dialect = match dialect {
        SqlDialect::Postgres => Dialect::Postgres,
        SqlDialect::Sqlite => Dialect::Sqlite,
    };
    let refuse = |why: String| {
        eprint!("{}", human(report));
        eprintln!("error: no migration: {why}");
        Ok(Status::Errors)
    };
    if !report.ok {
        return refuse(format!(
            "the breaking changes need version {}",
            report.needed_version()
        ));
    }
    if diff::version_key(&new.version) <= diff::version_key(&latest.version) {
        return refuse(format!(
            "{} {} is not later than {}",
            new.id, new.version, latest.version
        ));
    }
    if new.id != latest.id {
        return refuse(format!("{} and {} are different surveys", latest.id, new.id));
    }
    let olds: Vec<&Survey> = olds.iter().collect();
    print!("{}", migrate::migration(&olds, new, dialect));
    Ok(Status::Ok)
}
