//! The response generator: from any `ir::Survey`, responses that every judge (JSON Schema,
//! `rileva validate`, SQLite, PostgreSQL) must accept, and responses each must reject, each
//! tagged with the reason. Deterministic: the same survey gives the same cases.
//!
//! Use: `for case in generate::cases(&survey) { ... case.response ... case.expect ... }`.

mod holds;
mod invalid;
pub mod random;
mod valid;
pub mod values;

use rileva_compiler::ir;
use rileva_compiler::response::Kind;
use serde_json::Value;

/// What every judge must say of a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Accept,
    /// Rejected, and `rileva validate` names at least this reason.
    Reject(Kind),
}

/// One generated response and the verdict it must get.
#[derive(Debug, Clone)]
pub struct Case {
    /// What it exercises, for failure messages: `motivi: too many`.
    pub label: String,
    pub response: Value,
    pub expect: Expect,
}

impl Case {
    pub fn accept(label: String, response: Value) -> Self {
        Case {
            label,
            response,
            expect: Expect::Accept,
        }
    }

    pub fn reject(label: String, response: Value, kind: Kind) -> Self {
        Case {
            label,
            response,
            expect: Expect::Reject(kind),
        }
    }

    pub fn accepted(&self) -> bool {
        self.expect == Expect::Accept
    }
}

/// The valid responses along every routing path (bounded), with their index as label.
pub fn valid(survey: &ir::Survey) -> Vec<Value> {
    valid::generate(survey).valid
}

/// Every case for `survey`: the valid responses, those that fail only a `check`, and one
/// or more invalid mutation of a valid response per kind the survey can have.
pub fn cases(survey: &ir::Survey) -> Vec<Case> {
    let generated = valid::generate(survey);
    let mut out: Vec<Case> = generated
        .valid
        .iter()
        .enumerate()
        .map(|(i, r)| Case::accept(format!("valid #{i}"), r.clone()))
        .collect();
    out.extend(
        generated
            .failing_checks
            .into_iter()
            .enumerate()
            .map(|(i, r)| Case::reject(format!("fails a check #{i}"), r, Kind::CheckFailed)),
    );
    out.extend(invalid::invalid(survey, &generated.valid));
    out
}
