//! Check stage: one rule per file, each with its codes, dispatched from the table
//! [`RULES`] (`rules.rs`); all errors of a run.
//!
//! Rules read the resolved database ([`crate::resolve::Db`]) and never fail on it: where
//! resolve left a placeholder (an unknown list, an unknown question), the rule skips what it
//! cannot judge, since resolve already reported it.
//!
//! Header problems that are not names use the closest codes, documented in their files:
//! a missing `version` or `title`, or a version that is not semver, is R0001 (what the header
//! needs, in words: [`r0001_header`]); an agency IPA code of the wrong shape is R0103
//! ([`r0103_agency_code`]); unknown languages, channels and kinds are R0101 (resolve).

mod context;
mod domain;
mod r0001_header;
mod r0101_question_channels;
mod r0103_agency_code;
mod r0103_identifiers;
mod r0201_operator_type;
mod r0202_codes;
mod r0202_positive_codes;
mod r0203_forward_routing;
mod r0204_bounds;
mod r0301_missing_translation;
mod r0302_undeclared_translation;
mod r0501_kiosk_type;
mod r0601_never_shown;
mod r0602_unused_list;
mod r0603_long_wording;
mod rules;
#[cfg(test)]
mod testing;
#[cfg(test)]
pub(crate) use testing::compile_src as testing_compile;

pub use context::SurveyCx;
pub use rules::{Rule, RULES};

use rules::Run;

use crate::diagnostics::Diagnostics;
use crate::resolve::Db;
use crate::source::SourceMap;

/// Run every rule of [`RULES`] on the surveys and modules of the inputs.
pub fn check(db: &Db, sources: &SourceMap, sink: &mut Diagnostics) {
    for survey in &db.surveys {
        let cx = SurveyCx::new(db, survey, sources);
        for rule in RULES {
            if let Run::Surveys(run) | Run::SurveysAndModules(run) = rule.run {
                run(&cx, sink);
            }
        }
    }
    // Modules of the inputs, on their own: the rules about questions, not about a survey.
    for unit in &db.packages {
        let cx = SurveyCx::new(db, unit, sources);
        for rule in RULES {
            if let Run::SurveysAndModules(run) = rule.run {
                run(&cx, sink);
            }
        }
    }
    for rule in RULES {
        if let Run::Database(run) = rule.run {
            run(db, sink);
        }
    }
}
