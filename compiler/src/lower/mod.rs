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

/// Lower every survey of the inputs; runs conformance on each (it reads the IR).
pub fn lower(db: &Db, sink: &mut Diagnostics) -> Lowered {
    let mut lowered = Lowered::default();
    for s in &db.surveys {
        let mut survey = survey::lower_survey(db, s);
        survey.estimated_seconds = estimate::estimate_seconds(&survey);
        if let Some(id) = s.header.conforms.as_ref().and_then(|c| c.standard) {
            if let Some(spec) = standard::standard_spec(db, id) {
                let spans = survey_spans(s);
                sink.extend(conformance::check_conformance(&survey, &spans, &spec));
                lowered
                    .standards
                    .insert(format!("{} {}", spec.name, spec.version), spec);
            }
        }
        lowered.summaries.push(SurveySummary {
            id: survey.id.clone(),
            file: db.file(s.file).map(|f| f.id).unwrap_or_default(),
            estimated_seconds: Some(survey.estimated_seconds),
        });
        lowered.surveys.push(survey);
    }
    lowered
}
