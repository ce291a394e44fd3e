//! `--served FILE.csv`: users served per day and site (`date,site,served`), the denominator
//! of the participation rate as "Mettiamoci la faccia" reported it (judgements ÷ users
//! served). Read whole and checked before any query: every bad line is reported at once.

use super::model::{Participation, ParticipationRow};
use super::{parse_day, survey_sites, Scope};
use chrono::NaiveDate;
use rileva_compiler::ir;
use std::collections::{BTreeMap, BTreeSet};

/// One line of the file: a day, a site (none: the survey has no sites) and a count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServedDay {
    pub day: NaiveDate,
    pub site: Option<String>,
    pub served: u64,
}

pub type Served = Vec<ServedDay>;

/// Parse and check the CSV: the header `date,site,served`, real days, a site of one of
/// `surveys` or empty, a count of users, and each (date, site) once.
pub fn parse(text: &str, surveys: &[ir::Survey], _scope: &Scope) -> Result<Served, Vec<String>> {
    let known: BTreeSet<String> = surveys.iter().flat_map(survey_sites).collect();
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut errors = Vec::new();
    match reader.headers() {
        Ok(h) if h.iter().collect::<Vec<_>>() == ["date", "site", "served"] => {}
        Ok(h) => errors.push(format!(
            "--served: the header is {:?}, expected date,site,served",
            h.iter().collect::<Vec<_>>().join(",")
        )),
        Err(e) => errors.push(format!("--served: {e}")),
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                errors.push(format!("--served line {line}: {e}"));
                continue;
            }
        };
        let field = |i: usize| record.get(i).unwrap_or("");
        let day = parse_day(field(0)).map_err(|e| format!("--served line {line}: date {e}"));
        let site = match field(1) {
            "" => Ok(None),
            s if known.contains(s) => Ok(Some(s.to_owned())),
            s => Err(format!(
                "--served line {line}: {s:?} is not a site of the surveys reported"
            )),
        };
        let served = field(2).parse::<u64>().map_err(|_| {
            format!(
                "--served line {line}: served {:?} is not a whole number of users",
                field(2)
            )
        });
        match (day, site, served) {
            (Ok(day), Ok(site), Ok(served)) => {
                if !seen.insert((day, site.clone())) {
                    errors.push(format!(
                        "--served line {line}: {day} and this site are already given"
                    ));
                }
                out.push(ServedDay { day, site, served });
            }
            (day, site, served) => errors.extend([day.err(), site.err(), served.err()].into_iter().flatten()),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The participation rows of `survey`: served counts in scope summed per (period, site),
/// each with the responses `responses(period, site)` counts in the database. A survey
/// without sites takes the lines without a site; a survey with sites takes those of its
/// sites and the lines without one (matched to responses without a site).
pub fn participation(
    survey: &ir::Survey,
    scope: &Scope,
    served: &Served,
    responses: impl Fn(&Option<String>, &Option<String>) -> u64,
) -> Participation {
    let sites = survey_sites(survey);
    let mut cells: BTreeMap<(Option<String>, Option<String>), u64> = BTreeMap::new();
    for line in served {
        let in_scope = scope.from.map_or(true, |f| line.day >= f) && scope.to.map_or(true, |t| line.day <= t);
        let ours = line.site.as_ref().map_or(true, |s| sites.contains(s));
        if in_scope && ours {
            let period = scope.by.map(|p| p.of(line.day));
            *cells.entry((period, line.site.clone())).or_default() += line.served;
        }
    }
    let row = |period: Option<String>, site: Option<String>, served: u64, responses: u64| {
        let shown = responses >= scope.min_cell;
        ParticipationRow {
            period,
            site,
            served,
            responses: shown.then_some(responses),
            rate: if shown && served > 0 {
                Some(responses as f64 / served as f64)
            } else {
                None
            },
            suppressed: !shown,
        }
    };
    let mut rows = Vec::new();
    let (mut all_served, mut all_responses) = (0, 0);
    for ((period, site), served) in cells {
        let n = responses(&period, &site);
        all_served += served;
        all_responses += n;
        rows.push(row(period, site, served, n));
    }
    Participation {
        rows,
        total: row(None, None, all_served, all_responses),
    }
}
