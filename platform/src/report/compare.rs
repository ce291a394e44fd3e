//! Comparison across surveys: for each standard version that several of the
//! reported surveys conform to, one table per locked ordinal question of that standard,
//! one row per survey (answered, positive share and its interval), sorted by share. Locked
//! questions have the same wording and codes everywhere, which is what makes them comparable.
//! A survey or question withheld by disclosure control is left out and listed as withheld.

use super::model::{Comparison, ComparisonRow, SurveyReport};
use rileva_compiler::ir;
use std::collections::BTreeMap;

pub fn comparisons(surveys: &[ir::Survey], reports: &[SurveyReport]) -> Vec<Comparison> {
    let mut by_standard: BTreeMap<(String, String), Vec<(&ir::Survey, &SurveyReport)>> = BTreeMap::new();
    for (survey, report) in surveys.iter().zip(reports) {
        if let Some(c) = &survey.conforms {
            by_standard
                .entry((c.standard.clone(), c.version.clone()))
                .or_default()
                .push((survey, report));
        }
    }
    let mut out = Vec::new();
    for ((standard, version), members) in by_standard {
        if members.len() < 2 {
            continue;
        }
        // The locked ordinal questions, in the order the first survey asks them.
        let mut ids: Vec<&str> = Vec::new();
        for (survey, _) in &members {
            for q in survey
                .questions
                .iter()
                .filter(|q| q.locked && q.kind.is_ordinal() && q.kind.is_coded())
            {
                if !ids.contains(&q.id.as_str()) {
                    ids.push(&q.id);
                }
            }
        }
        for id in ids {
            if let Some(c) = compare(&standard, &version, id, &members) {
                out.push(c);
            }
        }
    }
    out
}

fn compare(
    standard: &str,
    version: &str,
    id: &str,
    members: &[(&ir::Survey, &SurveyReport)],
) -> Option<Comparison> {
    let asking: Vec<_> = members
        .iter()
        .filter_map(|(s, r)| s.question(id).map(|q| (q, *r)))
        .collect();
    if asking.len() < 2 {
        return None;
    }
    let codes = asking[0].0.positive_codes.clone();
    let mut rows = Vec::new();
    let mut withheld = Vec::new();
    for (q, report) in &asking {
        let figures = report.questions.iter().find(|f| f.question == id);
        let positive = figures.and_then(|f| Some((f.answered?, f.positive.as_ref()?)));
        match positive {
            Some((answered, p)) if !report.suppressed && q.positive_codes == codes => {
                rows.push(ComparisonRow {
                    survey: report.survey.clone(),
                    answered,
                    share: p.share,
                    ci95: p.ci95,
                })
            }
            _ => withheld.push(report.survey.clone()),
        }
    }
    rows.sort_by(|a, b| b.share.total_cmp(&a.share).then_with(|| a.survey.cmp(&b.survey)));
    withheld.sort();
    Some(Comparison {
        standard: standard.to_owned(),
        version: version.to_owned(),
        question: id.to_owned(),
        codes,
        rows,
        withheld,
    })
}
