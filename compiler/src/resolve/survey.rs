//! Resolve stage: one survey. Header, then the body with used modules expanded, then the
//! survey's `translations` blocks, then duplicate ids (R0102) and the question names that
//! routing and checks read (R0101). Every pass runs whatever the earlier ones found.

use super::expand::Expander;
use super::header::build_header;
use super::model::{FileIdx, QuestionDef, SectionDef, SurveyDef, UnitKind};
use super::scope::Scope;
use super::translate::{apply_block, Reach, Targets};
use crate::diagnostics::{closest, Code, Diagnostic, Diagnostics};
use crate::syntax::ast;
use std::collections::BTreeSet;
use std::sync::Arc;

pub fn build_survey(
    scope: &Scope<'_>,
    file: FileIdx,
    survey: &Arc<ast::Survey>,
    used_lists: &mut BTreeSet<usize>,
    sink: &mut Diagnostics,
) -> SurveyDef {
    let mut header = build_header(scope, file, survey, sink);
    let language = header
        .languages
        .first()
        .cloned()
        .unwrap_or_else(|| "it".to_owned());
    let expanded = Expander::new(scope, used_lists, sink).survey_body(&survey.body, file, &language);
    let mut questions = expanded.questions;
    let mut sections = expanded.sections;
    let mut unresolved_keys = expanded.unresolved_keys;
    let reach = Reach {
        questions: 0..questions.len(),
        sections: 0..sections.len(),
        lists: scope.lists,
        title: true,
    };
    for block in &expanded.blocks {
        let mut targets = Targets {
            questions: &mut questions,
            sections: &mut sections,
            title: header.title.as_mut(),
            sites: &mut header.sites,
        };
        apply_block(block, &reach, &mut targets, &mut unresolved_keys, sink);
    }
    report_duplicate_questions(&questions, sink);
    report_duplicate_sections(&sections, sink);
    let def = SurveyDef {
        kind: UnitKind::Survey,
        id: survey.name.dotted(),
        file,
        ast: Arc::clone(survey),
        header,
        questions,
        sections,
        checks: expanded.checks,
        uses: expanded.uses,
        unresolved_keys,
    };
    report_unknown_questions(&def, sink);
    def
}

/// Where a question came from, for "defined here" labels.
fn origin_note(q: &QuestionDef) -> String {
    match &q.module {
        Some(m) => format!("`{}` is defined in module `{}`", q.id, m.full_name),
        None => format!("`{}` is first defined here", q.id),
    }
}

fn report_duplicate_questions(questions: &[QuestionDef], sink: &mut Diagnostics) {
    let mut first: foldhash::HashMap<&str, &QuestionDef> = foldhash::HashMap::default();
    for q in questions {
        let Some(earlier) = first.get(q.id.as_str()) else {
            first.insert(&q.id, q);
            continue;
        };
        // A module used twice: point at the second `use`.
        let (span, label) = match (&q.module, &earlier.module) {
            (Some(m), Some(e)) if m.module == e.module => (m.use_span, "this module is already used"),
            (Some(m), _) => (m.use_span, "this `use` brings the same question id again"),
            (None, _) => (q.name_span(), "a question with this id already exists"),
        };
        let mut d = Diagnostic::new(
            Code::R0102,
            format!("question `{}` is defined twice in the survey", q.id),
            span,
            label,
        )
        .with_secondary(earlier.name_span(), origin_note(earlier))
        .with_help("give the question another id: ids name the response's variables and must be unique");
        if let Some(m) = &earlier.module {
            d = d.with_secondary(m.use_span, format!("module `{}` is used here", m.full_name));
        }
        sink.push(d);
    }
}

fn report_duplicate_sections(sections: &[SectionDef], sink: &mut Diagnostics) {
    let mut first: foldhash::HashMap<&str, &SectionDef> = foldhash::HashMap::default();
    for s in sections {
        match first.get(s.id.as_str()) {
            None => {
                first.insert(&s.id, s);
            }
            Some(earlier) => sink.push(
                Diagnostic::new(
                    Code::R0102,
                    format!("section `{}` is defined twice in the survey", s.id),
                    s.name_span,
                    "a section with this id already exists",
                )
                .with_secondary(earlier.name_span, "first defined here")
                .with_help("give the section another id"),
            ),
        }
    }
}

/// Every question name read by `show if` and `check` must name a question of the survey.
pub fn report_unknown_questions(survey: &SurveyDef, sink: &mut Diagnostics) {
    // `closest` takes the least (distance, id): the order of the candidates does not matter.
    let ids: foldhash::HashSet<&str> = survey.questions.iter().map(|q| q.id.as_str()).collect();
    let exprs = survey
        .questions
        .iter()
        .filter_map(|q| q.show_if.as_ref())
        .chain(survey.checks.iter().map(|c| &c.condition));
    for expr in exprs {
        for name in referenced_questions(expr) {
            if ids.contains(name.name.as_str()) {
                continue;
            }
            let mut d = Diagnostic::new(
                Code::R0101,
                format!("unknown question `{}`", name.name),
                name.span,
                "no question of the survey has this id",
            );
            if let Some(near) = closest(&name.name, ids.iter().copied()) {
                d = d.with_help(format!("did you mean `{near}`?"));
            }
            sink.push(d);
        }
    }
}

/// The question names an expression reads, in order, with repeats.
pub fn referenced_questions(expr: &ast::Expr) -> Vec<&ast::Ident> {
    let mut out = Vec::new();
    collect(expr, &mut out);
    out
}

fn collect<'e>(expr: &'e ast::Expr, out: &mut Vec<&'e ast::Ident>) {
    match &expr.kind {
        ast::ExprKind::Or(a, b) | ast::ExprKind::And(a, b) => {
            collect(a, out);
            collect(b, out);
        }
        ast::ExprKind::Not(e) | ast::ExprKind::Paren(e) => collect(e, out),
        ast::ExprKind::Compare { question, .. }
        | ast::ExprKind::In { question, .. }
        | ast::ExprKind::Has { question, .. }
        | ast::ExprKind::Answered(question) => out.push(question),
    }
}
