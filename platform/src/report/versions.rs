//! Several versions of one survey in one report (docs/versions.md): the versions given for a
//! survey id are reported as one survey, the latest, on the questions every version asks
//! alike (`rileva_targets::sql::migrate::pooled`, the rule of the `<survey>_all` view); the
//! others are listed with the reason they were not merged. One major version reads its one
//! table, which holds every minor version; several read the `<survey>_all` view that the
//! major migration of `rileva diff --sql` creates.

use super::model::NotMerged;
use rileva_compiler::diff::version_key;
use rileva_compiler::ir;
use rileva_targets::sql::migrate::{all_view_name, pooled};

/// One survey of the report: what is reported as one survey, and what was left out.
pub struct Merged {
    pub survey: ir::Survey,
    pub not_merged: Vec<NotMerged>,
    /// The versions whose files were given: rows of any other version cannot be judged
    /// comparable, so the report refuses them (docs/report.md).
    pub given: Vec<String>,
}

/// The surveys given, one per id (in the order their ids first appear), versions merged.
pub fn merge(surveys: &[ir::Survey]) -> Vec<Merged> {
    let mut ids: Vec<&str> = Vec::new();
    for s in surveys {
        if !ids.contains(&s.id.as_str()) {
            ids.push(&s.id);
        }
    }
    ids.into_iter()
        .filter_map(|id| {
            let versions: Vec<&ir::Survey> = surveys.iter().filter(|s| s.id == id).collect();
            let latest = versions.iter().max_by_key(|s| version_key(&s.version))?;
            let given = versions.iter().map(|s| s.version.clone()).collect();
            if versions.len() == 1 {
                return Some(Merged {
                    survey: (*latest).clone(),
                    not_merged: Vec::new(),
                    given,
                });
            }
            let (kept, left) = pooled(&versions);
            let mut survey = (*latest).clone();
            survey.questions.retain(|q| kept.contains(&q.id));
            let majors: Vec<&str> = versions.iter().map(|v| v.table.as_str()).collect();
            if majors.iter().any(|t| *t != latest.table) {
                survey.table = all_view_name(latest);
                // The view has `site` only when every major version lists sites.
                if versions.iter().any(|v| v.sites.is_empty()) {
                    survey.sites.clear();
                }
            }
            Some(Merged {
                survey,
                not_merged: left
                    .into_iter()
                    .map(|(question, reason)| NotMerged { question, reason })
                    .collect(),
                given,
            })
        })
        .collect()
}
