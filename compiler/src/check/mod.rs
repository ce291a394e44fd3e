//! Check stage: one rule per file, each with its code; all errors of a run.
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
mod r0203_forward_routing;
mod r0204_bounds;
mod r0301_missing_translation;
mod r0302_undeclared_translation;
mod r0501_kiosk_type;
mod r0601_never_shown;
mod r0602_unused_list;
mod r0603_long_wording;
#[cfg(test)]
mod testing;
#[cfg(test)]
pub(crate) use testing::compile_src as testing_compile;

pub use context::SurveyCx;

use crate::diagnostics::Diagnostics;
use crate::resolve::Db;
use crate::source::SourceMap;

pub fn check(db: &Db, sources: &SourceMap, sink: &mut Diagnostics) {
    for survey in &db.surveys {
        let cx = SurveyCx::new(db, survey, sources);
        r0001_header::check(&cx, sink);
        r0101_question_channels::check(&cx, sink);
        r0103_agency_code::check(&cx, sink);
        r0103_identifiers::check(&cx, sink);
        r0201_operator_type::check(&cx, sink);
        r0202_codes::check(&cx, sink);
        r0203_forward_routing::check(&cx, sink);
        r0204_bounds::check(&cx, sink);
        r0301_missing_translation::check(&cx, sink);
        r0302_undeclared_translation::check(&cx, sink);
        r0501_kiosk_type::check(&cx, sink);
        r0601_never_shown::check(&cx, sink);
        r0603_long_wording::check(&cx, sink);
    }
    // Modules of the inputs, on their own: the rules about questions, not about a survey.
    for unit in &db.packages {
        let cx = SurveyCx::new(db, unit, sources);
        r0101_question_channels::check(&cx, sink);
        r0103_identifiers::check(&cx, sink);
        r0201_operator_type::check(&cx, sink);
        r0202_codes::check(&cx, sink);
        r0204_bounds::check(&cx, sink);
        r0301_missing_translation::check(&cx, sink);
    }
    r0103_identifiers::check_items(db, sink);
    r0602_unused_list::check(db, sink);
}
