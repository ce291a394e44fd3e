//! The rules of the check stage, one row each: the file, the codes it gives, what it runs on.
//! A new rule is a file `rNNNN_what.rs`, its `mod` line in `mod.rs` and a row here;
//! `tests/house/rules.rs` fails when a rule file has no row or its codes differ from the row's.

use super::context::SurveyCx;
use super::*;
use crate::diagnostics::{Code, Diagnostics};
use crate::resolve::Db;

/// What a rule runs on.
#[derive(Clone, Copy)]
pub(crate) enum Run {
    /// Once per survey of the inputs.
    Surveys(fn(&SurveyCx<'_>, &mut Diagnostics)),
    /// Once per survey and once per module of the inputs (rules about questions).
    SurveysAndModules(fn(&SurveyCx<'_>, &mut Diagnostics)),
    /// Once over the whole database (rules about packages' items).
    Database(fn(&Db, &mut Diagnostics)),
}

/// One rule of the check stage.
pub struct Rule {
    /// The file under `compiler/src/check/`, without `.rs`.
    pub module: &'static str,
    /// Every code the rule can give.
    pub codes: &'static [Code],
    pub(crate) run: Run,
}

const fn rule(module: &'static str, codes: &'static [Code], run: Run) -> Rule {
    Rule { module, codes, run }
}

use Run::{Database, Surveys, SurveysAndModules};

/// Every rule of the check stage, in the order they run.
pub const RULES: &[Rule] = &[
    rule("r0001_header", &[Code::R0001], Surveys(r0001_header::check)),
    rule(
        "r0101_question_channels",
        &[Code::R0101],
        SurveysAndModules(r0101_question_channels::check),
    ),
    rule(
        "r0103_agency_code",
        &[Code::R0103],
        Surveys(r0103_agency_code::check),
    ),
    rule(
        "r0103_identifiers",
        &[Code::R0103],
        SurveysAndModules(r0103_identifiers::check),
    ),
    rule(
        "r0103_identifiers",
        &[Code::R0103],
        Database(r0103_identifiers::check_items),
    ),
    rule(
        "r0201_operator_type",
        &[Code::R0201],
        SurveysAndModules(r0201_operator_type::check),
    ),
    rule(
        "r0202_codes",
        &[Code::R0202],
        SurveysAndModules(r0202_codes::check),
    ),
    rule(
        "r0202_positive_codes",
        &[Code::R0202, Code::R0102],
        Database(r0202_positive_codes::check_items),
    ),
    rule(
        "r0203_forward_routing",
        &[Code::R0203],
        Surveys(r0203_forward_routing::check),
    ),
    rule(
        "r0204_bounds",
        &[Code::R0204],
        SurveysAndModules(r0204_bounds::check),
    ),
    rule(
        "r0301_missing_translation",
        &[Code::R0301],
        SurveysAndModules(r0301_missing_translation::check),
    ),
    rule(
        "r0302_undeclared_translation",
        &[Code::R0302],
        Surveys(r0302_undeclared_translation::check),
    ),
    rule(
        "r0501_kiosk_type",
        &[Code::R0501],
        Surveys(r0501_kiosk_type::check),
    ),
    rule(
        "r0601_never_shown",
        &[Code::R0601],
        Surveys(r0601_never_shown::check),
    ),
    rule(
        "r0602_unused_list",
        &[Code::R0602],
        Database(r0602_unused_list::check),
    ),
    rule(
        "r0603_long_wording",
        &[Code::R0603],
        Surveys(r0603_long_wording::check),
    ),
];
