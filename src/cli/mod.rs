//! Command definitions (clap) and dispatch to one module per command.

mod build;
mod check;
pub mod config;
mod diff;
mod explain;
mod fmt;
mod inputs;
mod load;
mod lsp;
mod new;
mod render;
mod replace;
mod report;
mod responses;
mod sarif;
mod schema;
mod serve;
mod validate;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// How a command ended: its exit status (docs/language.md §14).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0: no error.
    Ok,
    /// 1: the inputs have errors.
    Errors,
    /// 2: the command itself could not run.
    Failure,
}

impl From<Status> for ExitCode {
    fn from(s: Status) -> ExitCode {
        ExitCode::from(match s {
            Status::Ok => 0,
            Status::Errors => 1,
            Status::Failure => 2,
        })
    }
}

/// A failure of the command itself (usage, unreadable file): exit status 2.
pub type CliError = String;

#[derive(Parser, Debug)]
#[command(
    name = "rileva",
    version,
    about = "Compiler for questionnaire definitions: check, build, validate, load, serve"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other CI dashboards.
    Sarif,
}

/// `rileva diff --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    Json,
    /// SARIF 2.1.0: one result per change, on the new version's question.
    Sarif,
}

/// `rileva diff --sql`: the database the migration is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SqlDialect {
    Postgres,
    Sqlite,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    Human,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaArg {
    Ir,
    Diagnostics,
    KioskLayout,
    Report,
}

#[derive(clap::Args, Debug, Clone)]
pub struct LibArgs {
    /// A folder of extra packages: `a/b.rileva` below it is package `a.b`. Added to the
    /// `lib` folders of the nearest `rileva.toml`.
    #[arg(long = "lib", value_name = "DIR")]
    pub lib: Vec<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check surveys and packages; report every problem.
    Check {
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Fail (exit 1) on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        #[command(flatten)]
        libs: LibArgs,
        /// Files, or folders: every `.rileva` file below them.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Check, then generate every target (or those named) under OUT/<survey id>/.
    Build(build::BuildArgs),
    /// Re-indent source files, keeping every comment and string.
    ///
    /// `--check` writes nothing and fails (exit 1) when a file would change.
    Fmt {
        /// Write nothing; list the files that would change, with a short diff.
        #[arg(long)]
        check: bool,
        /// Files, or folders: every `.rileva` file below them.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Compare two versions of a survey: every change, breaking or compatible.
    ///
    /// Fails (exit 1) on a breaking change when NEW's major version is not greater than OLD's.
    Diff {
        /// The earlier version's survey file (with --sql, or a folder of every earlier
        /// version of the survey, compared by its latest).
        #[arg(value_name = "OLD")]
        old: PathBuf,
        /// The later version's survey file.
        #[arg(value_name = "NEW")]
        new: PathBuf,
        #[arg(long, value_enum, default_value = "human")]
        format: DiffFormat,
        /// Print the SQL migration that takes OLD's tables to tables that also accept NEW,
        /// instead of the changes (docs/versions.md).
        #[arg(long, value_enum, value_name = "DATABASE")]
        sql: Option<SqlDialect>,
        #[command(flatten)]
        libs: LibArgs,
    },
    /// Write a first survey for an administration and a service, from a standard's profile.
    ///
    /// Chooses the profile of the standard that covers the kinds of administration and of
    /// service, and writes a survey that `rileva check` accepts as written. In a terminal it
    /// asks for every value not given; elsewhere (CI) it takes flags only. Never overwrites.
    New(new::NewArgs),
    /// Print the documentation of a diagnostic code.
    Explain {
        #[arg(value_name = "CODE")]
        code: String,
    },
    /// Validate responses (one JSON object per line) against a survey.
    Validate {
        survey: PathBuf,
        responses: PathBuf,
        #[arg(long, value_enum, default_value = "human")]
        format: DataFormat,
        #[command(flatten)]
        libs: LibArgs,
    },
    /// Validate responses, then insert the accepted ones in one transaction.
    Load {
        survey: PathBuf,
        responses: PathBuf,
        /// `sqlite:FILE` or `postgres://...`
        #[arg(long, value_name = "URL")]
        db: String,
        #[arg(long, value_enum, default_value = "human")]
        format: DataFormat,
        #[command(flatten)]
        libs: LibArgs,
    },
    /// Compute the indicators of stored responses: report.json, HTML pages or CSV tables.
    Report(report::ReportArgs),
    /// Collect responses: serve the forms and kiosk pages, store each response once.
    ///
    /// Exits 1 when a survey has errors, 2 when it cannot start (database, address, tables
    /// that do not match), 0 after SIGTERM or Ctrl-C once the requests in flight are done.
    Serve(serve::ServeArgs),
    /// Speak the Language Server Protocol on stdin and stdout, for editors.
    ///
    /// `lib` folders come from the `rileva.toml` of the workspace root and from the
    /// client's `initializationOptions` (`{"lib": ["DIR"]}`).
    Lsp {
        /// Talk over stdin and stdout (the only transport; accepted for editors that pass it).
        #[arg(long)]
        stdio: bool,
    },
    /// Print the JSON Schema of one of rileva's own formats.
    Schema {
        #[arg(value_enum)]
        which: SchemaArg,
    },
}

pub fn run(cli: Cli) -> Result<Status, CliError> {
    match cli.command {
        Command::Check {
            format,
            deny_warnings,
            libs,
            paths,
        } => check::run(&paths, &libs, format, deny_warnings),
        Command::Build(args) => build::run(args),
        Command::Fmt { check, paths } => fmt::run(&paths, check),
        Command::Diff {
            old,
            new,
            format,
            sql,
            libs,
        } => diff::run(&old, &new, format, sql, &libs),
        Command::New(args) => new::run(args),
        Command::Explain { code } => explain::run(&code),
        Command::Validate {
            survey,
            responses,
            format,
            libs,
        } => validate::run(&survey, &responses, format, &libs),
        Command::Load {
            survey,
            responses,
            db,
            format,
            libs,
        } => load::run(&survey, &responses, &db, format, &libs),
        Command::Report(args) => report::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Lsp { stdio: _ } => lsp::run(),
        Command::Schema { which } => schema::run(which),
    }
}

#[cfg(test)]
mod tests {
    use clap::ValueEnum;
    use rileva_targets::Target;

    /// `--target` takes exactly the targets of `Target::ALL`, each by its `name()`: a variant
    /// left out of `ALL`, or a `name()` that differs from its `--target` value, fails here.
    #[test]
    fn target_values_are_the_targets() {
        assert_eq!(Target::value_variants(), Target::ALL.as_slice());
        for target in Target::ALL {
            let value = target
                .to_possible_value()
                .expect("every target is a --target value");
            assert_eq!(value.get_name(), target.name());
        }
    }
}
