//! The report card, `rileva report`: indicators as SQL aggregates, rendered for people and machines.
//!
//! Pipeline: [`query`] writes one aggregate query per grouping (no row of a response ever
//! leaves the database, only counts); [`figures`] turns counts into the indicators of
//! [`stats`] with disclosure control; [`served`] reads `--served`; [`compare`] lines up
//! the locked questions of one standard version; [`model`] is `report.json`; [`html`] and
//! [`csv`] render it. Positive codes come from the IR (`ir::Question::positive_codes`,
//! set by the compiler): the report never decides which answers count as positive. See docs/report.md for every formula and decision.

pub mod compare;
mod compute;
pub mod csv;
pub mod figures;
pub mod html;
pub mod model;
pub mod query;
pub mod served;
pub mod stats;
pub mod versions;

use crate::store::read::Reader;
use crate::store::Database;
use chrono::{Datelike, NaiveDate};
use rileva_compiler::ir;

pub use model::Report;

/// `--by`: the period responses are grouped by, in UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO 8601 week, `2026-W47`.
    Week,
    Month,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    /// The period a day falls in, written as the databases write it.
    pub fn of(self, day: NaiveDate) -> String {
        match self {
            Period::Day => day.format("%Y-%m-%d").to_string(),
            Period::Week => {
                let week = day.iso_week();
                format!("{:04}-W{:02}", week.year(), week.week())
            }
            Period::Month => day.format("%Y-%m").to_string(),
        }
    }
}

/// One grouping dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Period(Period),
    Site,
    Channel,
}

/// What the report covers and how it groups.
#[derive(Debug, Clone)]
pub struct Scope {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub by: Option<Period>,
    pub by_site: bool,
    pub by_channel: bool,
    /// At least 1.
    pub min_cell: u64,
}

/// Parse `--from` / `--to`: a real day written `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let ok = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(day) if ok => Ok(day),
        _ => Err(format!("{text:?} is not a day written YYYY-MM-DD")),
    }
}

/// The site ids of a survey; empty when it lists none, and then its
/// table has no `site` column.
pub fn survey_sites(survey: &ir::Survey) -> Vec<String> {
    survey.sites.iter().map(|s| s.id.clone()).collect()
}

/// Compute the report of `surveys` from the responses in `source`. `served` is the text of
/// the `--served` CSV. Every problem found is returned, not only the first.
pub fn report(
    surveys: &[ir::Survey],
    source: &Database,
    scope: &Scope,
    served: Option<&str>,
) -> Result<Report, Vec<String>> {
    let served = match served {
        Some(text) => Some(served::parse(text, surveys, scope)?),
        None => None,
    };
    let mut reader = Reader::open(source).map_err(|e| vec![e])?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let merged = versions::merge(surveys);
    for m in &merged {
        match compute::survey(&mut reader, &m.survey, &m.given, scope, served.as_ref()) {
            Ok(mut report) => {
                report.not_merged = m.not_merged.clone();
                out.push(report)
            }
            Err(e) => errors.push(format!("{}: {e}", m.survey.id)),
        }
    }
    let surveys: Vec<ir::Survey> = merged.into_iter().map(|m| m.survey).collect();
    let surveys = surveys.as_slice();
    if !errors.is_empty() {
        return Err(errors);
    }
    let comparisons = compare::comparisons(surveys, &out);
    Ok(Report {
        format: model::REPORT_FORMAT,
        scope: model::Scope {
            from: scope.from.map(|d| d.to_string()),
            to: scope.to.map(|d| d.to_string()),
            by: scope.by.map(|p| p.as_str().to_owned()),
            by_site: scope.by_site,
            by_channel: scope.by_channel,
            min_cell: scope.min_cell,
            z: stats::Z95,
        },
        surveys: out,
        comparisons,
    })
}

/// `report.json`: pretty, with a final newline.
pub fn json(report: &Report) -> String {
    let mut text = serde_json::to_string_pretty(report).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of `report.json` (`rileva schema report`).
pub fn schema() -> schemars::schema::RootSchema {
    schemars::schema_for!(Report)
}
