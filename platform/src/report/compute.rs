//! One survey's report: its versions, the overall figures, the groups and participation,
//! each from one aggregate query run in the database.

use super::figures::{self, Counts};
use super::model::{Group, Participation, PeriodCount, SiteLabel, StandardRef, SurveyReport};
use super::query;
use super::served::Served;
use super::stats::Z95;
use super::{survey_sites, Key, Scope};
use crate::store::read::{Cell, Kind, Reader};
use rileva_compiler::ir;
use rileva_targets::sql::quote::Dialect;

/// The grouping keys asked for that this survey has.
pub fn group_keys(survey: &ir::Survey, scope: &Scope) -> Vec<Key> {
    let mut keys = Vec::new();
    if let Some(by) = scope.by {
        keys.push(Key::Period(by));
    }
    if scope.by_site && !survey_sites(survey).is_empty() {
        keys.push(Key::Site);
    }
    if scope.by_channel {
        keys.push(Key::Channel);
    }
    keys
}

fn dialect(reader: &Reader) -> Dialect {
    match reader {
        Reader::Sqlite(_) => Dialect::Sqlite,
        Reader::Postgres(_) => Dialect::Postgres,
    }
}

/// A group's key values (text or NULL) and its counts, sorted by key (byte order, NULL
/// first) so that both databases list groups alike.
pub type Row = (Vec<Option<String>>, u64, Counts);

pub fn run(reader: &mut Reader, aggregate: &query::Aggregate) -> Result<Vec<Row>, String> {
    let width = aggregate.keys.len();
    let mut rows = Vec::new();
    for cells in reader.rows(&aggregate.sql, &aggregate.kinds())? {
        let keys: Vec<Option<String>> = cells[..width]
            .iter()
            .map(|c| c.text().map(str::to_owned))
            .collect();
        let responses = u64::try_from(cells[width].count()).unwrap_or(0);
        let counts = Counts::read(&aggregate.measures, &cells[width + 1..])?;
        rows.push((keys, responses, counts));
    }
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(rows)
}

pub fn survey(
    reader: &mut Reader,
    survey: &ir::Survey,
    given: &[String],
    scope: &Scope,
    served: Option<&Served>,
) -> Result<SurveyReport, String> {
    if !reader.table_exists(&survey.table)? {
        if survey.table == rileva_targets::sql::migrate::all_view_name(survey) {
            return Err(format!(
                "the database has no view {}: several major versions are reported through it; create it with the major migration of `rileva diff OLD NEW --sql` (docs/versions.md)",
                survey.table
            ));
        }
        return Err(format!(
            "the database has no table {}: store responses with `rileva load` or `rileva serve` first",
            survey.table
        ));
    }
    let dialect = dialect(reader);
    let mut versions: Vec<String> = reader
        .rows(&query::versions(survey, scope, dialect), &[Kind::Text])?
        .into_iter()
        .filter_map(|row| match row.into_iter().next() {
            Some(Cell::Text(v)) => Some(v),
            _ => None,
        })
        .collect();
    versions.sort();
    let unknown: Vec<&str> = versions
        .iter()
        .filter(|v| !given.contains(v))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        return Err(format!(
            "the table {} holds responses of version {} but only {} was given: give the file of \
             every version collected (serve's folder of earlier versions too), so that only \
             comparable questions are merged",
            survey.table,
            unknown.join(", "),
            given.join(", ")
        ));
    }
    let total = run(reader, &query::aggregate(survey, scope, &[], dialect, true))?;
    let (responses, counts) = total
        .into_iter()
        .next()
        .map(|(_, n, c)| (n, c))
        .unwrap_or_default();
    let shown = responses >= scope.min_cell;
    let questions = if shown {
        figures::questions(survey, &counts, scope.min_cell, Z95)
    } else {
        withheld_questions(survey)
    };
    let keys = group_keys(survey, scope);
    let groups = if keys.is_empty() {
        None
    } else {
        let rows = run(reader, &query::aggregate(survey, scope, &keys, dialect, true))?;
        Some(
            rows.into_iter()
                .map(|row| group(survey, scope, &keys, row))
                .collect(),
        )
    };
    let timeline = match scope.by {
        Some(by) => {
            let rows = run(
                reader,
                &query::aggregate(survey, scope, &[Key::Period(by)], dialect, false),
            )?;
            Some(
                rows.into_iter()
                    .map(|(keys, n, _)| PeriodCount {
                        period: keys.into_iter().next().flatten().unwrap_or_default(),
                        responses: (n >= scope.min_cell).then_some(n),
                        suppressed: n < scope.min_cell,
                    })
                    .collect(),
            )
        }
        None => None,
    };
    let participation = match served {
        Some(served) => Some(participation(reader, survey, scope, served, dialect)?),
        None => None,
    };
    Ok(SurveyReport {
        survey: survey.id.clone(),
        version: survey.version.clone(),
        versions,
        standard: survey.conforms.as_ref().map(|c| StandardRef {
            standard: c.standard.clone(),
            version: c.version.clone(),
            profile: c.profile.clone(),
        }),
        sites: survey
            .sites
            .iter()
            .map(|s| SiteLabel {
                id: s.id.clone(),
                label: s.label.0.clone(),
            })
            .collect(),
        responses: shown.then_some(responses),
        suppressed: !shown,
        questions,
        groups,
        timeline,
        participation,
        not_merged: Vec::new(),
    })
}

fn withheld_questions(survey: &ir::Survey) -> Vec<crate::report::model::QuestionFigures> {
    survey
        .questions
        .iter()
        .filter(|q| query::reported(q))
        .map(figures::withheld)
        .collect()
}

fn group(survey: &ir::Survey, scope: &Scope, keys: &[Key], (values, responses, counts): Row) -> Group {
    let mut out = Group {
        period: None,
        site: None,
        channel: None,
        responses: None,
        suppressed: true,
        questions: withheld_questions(survey),
    };
    for (key, value) in keys.iter().zip(values) {
        match key {
            Key::Period(_) => out.period = value,
            Key::Site => out.site = Some(value),
            Key::Channel => out.channel = value,
        }
    }
    if responses >= scope.min_cell {
        out.suppressed = false;
        out.responses = Some(responses);
        out.questions = figures::questions(survey, &counts, scope.min_cell, Z95);
    }
    out
}

/// Responses per (period, site) from the database, matched to the served counts.
fn participation(
    reader: &mut Reader,
    survey: &ir::Survey,
    scope: &Scope,
    served: &Served,
    dialect: Dialect,
) -> Result<Participation, String> {
    let mut keys = Vec::new();
    if let Some(by) = scope.by {
        keys.push(Key::Period(by));
    }
    let has_sites = !survey_sites(survey).is_empty();
    if has_sites {
        keys.push(Key::Site);
    }
    let rows = run(reader, &query::aggregate(survey, scope, &keys, dialect, false))?;
    let responses = |period: &Option<String>, site: &Option<String>| -> u64 {
        rows.iter()
            .filter(|(values, _, _)| {
                let mut values = values.iter();
                let period_ok = scope.by.is_none() || values.next() == Some(period);
                let site_ok = !has_sites || values.next() == Some(site);
                period_ok && site_ok
            })
            .map(|(_, n, _)| n)
            .sum()
    };
    Ok(super::served::participation(survey, scope, served, responses))
}
