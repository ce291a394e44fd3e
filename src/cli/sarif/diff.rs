//! `rileva diff --format sarif`: one result per change, on the changed question of the new
//! version (or on the survey or standard, for a change of the header or a question that went
//! away).
//! Two rules: `breaking` (an error when the major version was not raised, else a warning) and
//! `compatible` (a note).

use super::location::{Fingerprints, Locator};
use super::{log, message, rule, Rule, REPOSITORY};
use rileva_compiler::conformance::StandardSpec;
use rileva_compiler::diff::{Impact, Report};
use rileva_compiler::ir::{Question, Survey};
use rileva_compiler::source::{Origin, SourceMap, Span};
use serde_sarif::sarif::{Result as SarifResult, ResultLevel, Sarif};

const BREAKING_HELP: &str = "A breaking change can invalidate stored responses or the comparability \
of results: a response valid for the old version may be rejected by the new one, a stored column \
goes away, or the same code would mean something else. It needs a new major version of the survey \
(`version 2.0.0`): `rileva diff` then prints the migration to a new response table and the view \
that joins the versions. See `docs/sql.md` and the comparison rules in `compiler/src/diff/mod.rs`.";

const COMPATIBLE_HELP: &str = "A compatible change keeps every stored response valid and every \
question comparable (a question added as optional, a code added to a nominal question, a new \
translation): a new minor version is enough, and the response table only gains columns.";

/// The new version of a comparison: a survey or a standard, with the questions its
/// results point at.
pub struct NewVersion<'a> {
    pub id: &'a str,
    pub span: Span,
    pub questions: Vec<&'a Question>,
}

impl<'a> NewVersion<'a> {
    pub fn survey(survey: &'a Survey) -> Self {
        NewVersion {
            id: &survey.id,
            span: survey.span,
            questions: survey.questions.iter().collect(),
        }
    }

    /// A standard's questions, every module's in order.
    pub fn standard(standard: &'a StandardSpec) -> Self {
        NewVersion {
            id: &standard.name,
            span: standard.span,
            questions: standard.modules.iter().flat_map(|(_, qs)| qs).collect(),
        }
    }
}

/// The log of a comparison: `report` of `new`, whose sources locate the questions.
pub fn diff_log(report: &Report, new: &NewVersion, sources: &SourceMap) -> Sarif {
    let locator = Locator::new(sources);
    let rules = vec![
        rule(Rule {
            id: "breaking",
            title: "breaking change",
            full:
                "A change that invalidates stored responses or comparability; it needs a new major version.",
            help: BREAKING_HELP,
            help_uri: format!("{REPOSITORY}/blob/main/docs/ci.md#rileva-diff"),
            level: "error",
        }),
        rule(Rule {
            id: "compatible",
            title: "compatible change",
            full: "A change that keeps stored responses valid and questions comparable.",
            help: COMPATIBLE_HELP,
            help_uri: format!("{REPOSITORY}/blob/main/docs/ci.md#rileva-diff"),
            level: "note",
        }),
    ];
    let mut fingerprints = Fingerprints::default();
    let results: Vec<SarifResult> = report
        .changes
        .iter()
        .map(|change| {
            let span = change
                .question
                .as_deref()
                .and_then(|id| new.questions.iter().find(|q| q.id == id))
                .map(|q| q.span)
                .filter(|span| is_input(sources, *span))
                .unwrap_or(new.span);
            let (rule_index, level) = match change.kind {
                Impact::Breaking if !report.ok => (0, ResultLevel::Error),
                Impact::Breaking => (0, ResultLevel::Warning),
                Impact::Compatible => (1, ResultLevel::Note),
            };
            let question = change.question.as_deref().unwrap_or("");
            SarifResult::builder()
                .rule_id(change.kind.as_str())
                .rule_index(rule_index)
                .level(level)
                .message(message(&change.message))
                .locations(vec![locator.location(span, None)])
                .partial_fingerprints(fingerprints.next(&[
                    change.kind.as_str(),
                    new.id,
                    question,
                    &change.message,
                ]))
                .build()
        })
        .collect();
    log(rules, results, locator.bases([new.span]))
}

fn is_input(sources: &SourceMap, span: Span) -> bool {
    sources.get(span.file).origin == Origin::Input
}
