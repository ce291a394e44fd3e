//! `rileva report PATH... --db URL`: compile the surveys, compute their indicators in the
//! database (rileva_platform::report), and write report.json plus the HTML pages or the
//! CSV tables under `--out`. Nothing is written unless every survey's report was computed.

use super::build::write_atomically;
use super::{check, inputs, CliError, Format, LibArgs, Status};
use clap::ValueEnum;
use rileva_platform::report::{self, Period, Scope};
use rileva_platform::store::Database;
use std::fs;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodArg {
    Day,
    Week,
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// report.json and report.<lang>.html
    Html,
    /// report.json only
    Json,
    /// report.json and one CSV per table
    Csv,
}

#[derive(clap::Args, Debug)]
pub struct ReportArgs {
    /// `sqlite:FILE` or `postgres://...`
    #[arg(long, value_name = "URL")]
    pub db: String,
    /// First day included, YYYY-MM-DD (UTC).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day included, YYYY-MM-DD (UTC).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Group by period (UTC; weeks are ISO 8601).
    #[arg(long, value_enum)]
    pub by: Option<PeriodArg>,
    /// Group by site (surveys with `sites`).
    #[arg(long)]
    pub by_site: bool,
    /// Group by channel.
    #[arg(long)]
    pub by_channel: bool,
    /// Users served, a CSV `date,site,served`: gives participation rates.
    #[arg(long, value_name = "FILE.csv")]
    pub served: Option<PathBuf>,
    /// Groups and questions with fewer responses show no figures.
    #[arg(long, value_name = "K", default_value_t = 5)]
    pub min_cell: u64,
    /// Language of the pages and labels (it, en); repeat for several.
    #[arg(long = "lang", value_name = "LANG")]
    pub langs: Vec<String>,
    #[arg(long, value_enum, default_value = "html")]
    pub format: ReportFormat,
    #[arg(long, default_value = "report")]
    pub out: PathBuf,
    #[command(flatten)]
    pub libs: LibArgs,
    /// Files, or folders: every `.rileva` file below them.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

pub fn run(args: ReportArgs) -> Result<Status, CliError> {
    let source = Database::parse(&args.db)?;
    let scope = scope(&args)?;
    let langs = if args.langs.is_empty() {
        vec!["it".to_owned()]
    } else {
        args.langs.clone()
    };
    if let Some(bad) = langs
        .iter()
        .find(|l| !report::html::LANGUAGES.contains(&l.as_str()))
    {
        return Err(format!(
            "--lang {bad}: the report speaks {}",
            report::html::LANGUAGES.join(", ")
        ));
    }
    let served = match &args.served {
        Some(path) => {
            Some(fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?)
        }
        None => None,
    };
    let compilation = inputs::check_paths(&args.paths, &args.libs)?;
    check::report(&compilation, &compilation.diagnostics, Format::Human);
    if check::status(&compilation.diagnostics, false) != Status::Ok {
        eprintln!("no report: fix the errors above first");
        return Ok(Status::Errors);
    }
    let surveys = &compilation.surveys;
    let computed = match report::report(surveys, &source, &scope, served.as_deref()) {
        Ok(r) => r,
        Err(errors) => {
            for e in &errors {
                eprintln!("error: {e}");
            }
            eprintln!("no report written");
            return Ok(Status::Errors);
        }
    };
    // Several versions of one survey are reported as one (docs/versions.md).
    let merged: Vec<_> = report::versions::merge(surveys)
        .into_iter()
        .map(|m| m.survey)
        .collect();
    let surveys = &merged;
    let mut files: Vec<(PathBuf, Vec<u8>)> =
        vec![(args.out.join("report.json"), report::json(&computed).into_bytes())];
    match args.format {
        ReportFormat::Json => {}
        ReportFormat::Html => {
            for lang in &langs {
                let page = report::html::render(&computed, surveys, lang)
                    .map_err(|e| format!("internal error in the report template: {e}"))?;
                files.push((args.out.join(format!("report.{lang}.html")), page.into_bytes()));
            }
        }
        ReportFormat::Csv => {
            for table in report::csv::tables(&computed, surveys, &langs[0]) {
                files.push((args.out.join(table.name), table.text.into_bytes()));
            }
        }
    }
    for (path, contents) in &files {
        write_atomically(path, contents)?;
    }
    println!(
        "wrote {} file(s) for {} survey(s) under {}",
        files.len(),
        surveys.len(),
        args.out.display()
    );
    Ok(Status::Ok)
}

fn scope(args: &ReportArgs) -> Result<Scope, CliError> {
    let day = |flag: &str, v: &Option<String>| -> Result<_, CliError> {
        v.as_deref()
            .map(report::parse_day)
            .transpose()
            .map_err(|e| format!("--{flag}: {e}"))
    };
    let from = day("from", &args.from)?;
    let to = day("to", &args.to)?;
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return Err(format!("--from {f} is after --to {t}"));
        }
    }
    if args.min_cell == 0 {
        return Err("--min-cell must be at least 1".into());
    }
    Ok(Scope {
        from,
        to,
        by: args.by.map(|p| match p {
            PeriodArg::Day => Period::Day,
            PeriodArg::Week => Period::Week,
            PeriodArg::Month => Period::Month,
        }),
        by_site: args.by_site,
        by_channel: args.by_channel,
        min_cell: args.min_cell,
    })
}
