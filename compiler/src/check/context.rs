//! Check stage: what every rule reads about one survey, and small helpers over it.

use crate::ir::Channel;
use crate::resolve::model::{QuestionDef, SurveyDef, TextDef};
use crate::resolve::Db;
use crate::source::{SourceMap, Span};
use crate::syntax::ast;

/// Where an expression is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprOwner {
    /// The `show if` of the question at this index.
    ShowIf(usize),
    /// The `check` at this index.
    Check(usize),
}

pub struct SurveyCx<'a> {
    pub db: &'a Db,
    pub survey: &'a SurveyDef,
    pub sources: &'a SourceMap,
    /// Question id -> index of its first definition (looked up, never iterated).
    index: foldhash::HashMap<&'a str, usize>,
}

impl<'a> SurveyCx<'a> {
    pub fn new(db: &'a Db, survey: &'a SurveyDef, sources: &'a SourceMap) -> Self {
        let mut index = foldhash::HashMap::default();
        index.reserve(survey.questions.len());
        for (i, q) in survey.questions.iter().enumerate() {
            index.entry(q.id.as_str()).or_insert(i);
        }
        SurveyCx {
            db,
            survey,
            sources,
            index,
        }
    }

    /// Whether `span` lies in one of the user's input files.
    pub fn in_input(&self, span: Span) -> bool {
        self.db.files.iter().any(|f| f.id == span.file && f.is_input())
    }

    /// The first question with this id, and its index.
    pub fn question(&self, name: &str) -> Option<(usize, &'a QuestionDef)> {
        let i = *self.index.get(name)?;
        self.survey.questions.get(i).map(|q| (i, q))
    }

    /// Every routing and check expression of the survey.
    pub fn exprs(&self) -> Vec<(ExprOwner, &'a ast::Expr)> {
        let survey = self.survey;
        let show_ifs = survey
            .questions
            .iter()
            .enumerate()
            .filter_map(|(i, q)| q.show_if.as_ref().map(|e| (ExprOwner::ShowIf(i), e)));
        let checks = survey
            .checks
            .iter()
            .enumerate()
            .map(|(i, c)| (ExprOwner::Check(i), &c.condition));
        show_ifs.chain(checks).collect()
    }

    /// The survey's channels other than `channel`, for help texts (`channels web app`).
    pub fn other_channels(&self, channel: Channel) -> Vec<&'static str> {
        self.survey
            .header
            .channels
            .iter()
            .filter(|c| **c != channel)
            .map(|c| c.as_str())
            .collect()
    }

    /// The channels a question is asked on: the survey's, narrowed by its `channels`.
    pub fn asked_on(&self, q: &QuestionDef) -> Vec<Channel> {
        let declared = q.declared_channels();
        self.survey
            .header
            .channels
            .iter()
            .copied()
            .filter(|c| declared.as_ref().map_or(true, |d| d.contains(c)))
            .collect()
    }

    /// A question's primary span for a problem of a text: the text when the user wrote it,
    /// else the survey's `use` of the module (the text is then a secondary label).
    pub fn text_site(&self, q_module_use: Option<Span>, text: &TextDef) -> (Span, Option<Span>) {
        if self.in_input(text.span) {
            return (text.span, None);
        }
        let at = q_module_use.unwrap_or(self.survey.ast.name.span);
        (at, Some(text.span))
    }
}

/// The leaves of an expression: comparisons, `in`, `has`, `answered`.
pub fn atoms(expr: &ast::Expr) -> Vec<&ast::Expr> {
    let mut out = Vec::new();
    collect_atoms(expr, &mut out);
    out
}

fn collect_atoms<'e>(expr: &'e ast::Expr, out: &mut Vec<&'e ast::Expr>) {
    match &expr.kind {
        ast::ExprKind::Or(a, b) | ast::ExprKind::And(a, b) => {
            collect_atoms(a, out);
            collect_atoms(b, out);
        }
        ast::ExprKind::Not(e) | ast::ExprKind::Paren(e) => collect_atoms(e, out),
        _ => out.push(expr),
    }
}

/// The question an atom reads.
pub fn atom_question(atom: &ast::Expr) -> Option<&ast::Ident> {
    match &atom.kind {
        ast::ExprKind::Compare { question, .. }
        | ast::ExprKind::In { question, .. }
        | ast::ExprKind::Has { question, .. }
        | ast::ExprKind::Answered(question) => Some(question),
        _ => None,
    }
}

/// `1, 2, 3, 4, 5, 9`
pub fn code_values(q: &QuestionDef) -> String {
    q.codes
        .iter()
        .map(|c| c.value.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `1 "Per niente soddisfatto", 2 "Poco soddisfatto", ...` in `language`, at most `limit`.
pub fn code_labels(q: &QuestionDef, language: &str, limit: usize) -> String {
    let mut parts: Vec<String> = q
        .codes
        .iter()
        .take(limit)
        .map(|c| match c.label.get(language) {
            Some(l) if l != c.value.to_string() => format!("{} \"{l}\"", c.value),
            _ => c.value.to_string(),
        })
        .collect();
    if q.codes.len() > limit {
        parts.push("...".to_owned());
    }
    parts.join(", ")
}
