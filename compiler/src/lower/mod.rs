//! Lower stage: the resolved, checked database -> [`crate::ir::Survey`] for the targets.
//!
//! Every survey is lowered even when it has errors (its summary and conformance need it);
//! `compile` hands the targets only surveys of a clean run. Each survey that `conforms` to a
//! resolved standard is checked against its [`crate::conformance::StandardSpec`] here.

pub mod builtin;
pub mod positive;
mod question;
mod standard;
mod survey;

pub use question::{lower_cmp, lower_expr, lower_question, Languages};
pub use survey::{survey_spans, table_name};

use crate::diagnostics::Diagnostics;
use crate::resolve::model::{StandardId, SurveyDef};
use crate::resolve::Db;
use crate::{conformance, estimate, ir, SurveySummary};
use std::collections::BTreeMap;

#[derive(Debug, Default)]
pub struct Lowered {
    pub surveys: Vec<ir::Survey>,
    pub summaries: Vec<SurveySummary>,
    /// The standards the surveys conform to, by name and version (`istat.cx 2024.1`).
    pub standards: BTreeMap<String, conformance::StandardSpec>,
}

/// The standards defined in input files (not in packages), lowered.
pub fn input_standards(db: &Db) -> Vec<conformance::StandardSpec> {
    (0..db.standards.len())
        .filter(|id| {
            db.standards
                .get(*id)
                .and_then(|s| db.files.get(s.file))
                .is_some_and(|f| f.is_input())
        })
        .filter_map(|id| standard::standard_spec(db, id))
        .collect()
}

/// Lower every survey of the inputs, taking them over (their texts move into the IR); runs
/// conformance on each (it reads the IR). Each standard is lowered once, however many
/// surveys conform to it.
pub fn lower(db: &Db, surveys: Vec<SurveyDef>, sink: &mut Diagnostics) -> Lowered {
    let mut lowered = Lowered::default();
    let mut specs: BTreeMap<StandardId, Option<conformance::StandardSpec>> = BTreeMap::new();
    for s in surveys {
        let file = db.file(s.file).map(|f| f.id).unwrap_or_default();
        let conforms = s.header.conforms.as_ref().and_then(|c| c.standard);
        let spans = conforms.map(|_| survey_spans(&s));
        let mut survey = survey::lower_survey(db, s);
        survey.estimated_seconds = estimate::estimate_seconds(&survey);
        if let (Some(id), Some(spans)) = (conforms, spans) {
            let spec = specs.entry(id).or_insert_with(|| standard::standard_spec(db, id));
            if let Some(spec) = spec {
                sink.extend(conformance::check_conformance(&survey, &spans, spec));
                let key = format!("{} {}", spec.name, spec.version);
                lowered.standards.entry(key).or_insert_with(|| spec.clone());
            }
        }
        lowered.summaries.push(SurveySummary {
            id: survey.id.clone(),
            file,
            estimated_seconds: Some(survey.estimated_seconds),
        });
        lowered.surveys.push(survey);
    }
    lowered
}
