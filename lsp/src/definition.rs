//! What a name under the cursor stands for ([`Target`]), and where it is defined.
//!
//! The words before the name on its line say which kind of name it is (`import`, `use`,
//! `conforms ... profile`, `kind`); otherwise a question id of the survey around the
//! cursor wins, then a scale or options list, a module, a standard, a kind, a profile,
//! looked up with the resolve stage's own scope rules (local items first, then imports).

use crate::analysis::Model;
use crate::tokens::{self, Word};
use rileva_compiler::diagnostics::Diagnostics;
use rileva_compiler::resolve::model::{FileIdx, KindEntry, QuestionDef, SurveyDef};
use rileva_compiler::resolve::scope::Namespace;
use rileva_compiler::resolve::standard;
use rileva_compiler::source::Span;
use rileva_compiler::syntax::ast;

/// A named thing of the model.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    Question(&'a SurveyDef, &'a QuestionDef),
    List(usize),
    Module(usize),
    Standard(usize),
    Profile(usize, &'a ast::Profile),
    Kind(&'a KindEntry),
    Package(FileIdx),
    Keyword(&'static str, &'static str),
}

impl Target<'_> {
    /// Where it is defined: its name in its file (a package: the file's start).
    pub fn span(&self, model: &Model) -> Option<Span> {
        let db = &model.db;
        Some(match self {
            Target::Question(_, q) => q.name_span(),
            Target::List(id) => db.lists.get(*id)?.ast.name.span,
            Target::Module(id) => db.modules.get(*id)?.ast.name.span,
            Target::Standard(id) => db.standards.get(*id)?.ast.name.span,
            Target::Profile(_, p) => p.name.span,
            Target::Kind(k) => k.span,
            Target::Package(idx) => Span::new(db.files.get(*idx)?.id, 0, 0),
            Target::Keyword(..) => return None,
        })
    }
}

/// The units of the document whose questions a name may mean: the survey around the
/// offset first, then the document's other surveys and its modules.
pub fn units_at(model: &Model, offset: usize) -> Vec<&SurveyDef> {
    let Some(input) = model.input_idx() else {
        return Vec::new();
    };
    let around = |s: &&SurveyDef| s.ast.span.range().contains(&offset);
    let mine = model
        .db
        .surveys
        .iter()
        .chain(&model.db.packages)
        .filter(|s| s.file == input);
    let (mut first, rest): (Vec<&SurveyDef>, Vec<&SurveyDef>) = mine.partition(around);
    first.extend(rest);
    first
}

fn path(text: &str) -> ast::Path {
    ast::Path {
        segments: text
            .split('.')
            .map(|s| ast::Ident {
                name: s.to_owned(),
                span: Span::default(),
            })
            .collect(),
        span: Span::default(),
    }
}

fn lookup(model: &Model, ns: Namespace, text: &str) -> Option<usize> {
    let input = model.input_idx()?;
    let mut sink = Diagnostics::default();
    model.db.scope().lookup(ns, input, &path(text), &mut sink)
}

fn question<'a>(model: &'a Model, offset: usize, id: &str) -> Option<Target<'a>> {
    units_at(model, offset)
        .into_iter()
        .find_map(|s| Some(Target::Question(s, s.question(id)?)))
}

fn standard_named(model: &Model, offset: usize, name: &str) -> Option<usize> {
    let conformed = units_at(model, offset)
        .into_iter()
        .find_map(|s| s.header.conforms.as_ref().and_then(|c| c.standard))
        .filter(|id| model.db.standards.get(*id).is_some_and(|s| s.name == name));
    conformed.or_else(|| model.db.standards.iter().position(|s| s.name == name))
}

fn profile<'a>(model: &'a Model, offset: usize, name: &str) -> Option<Target<'a>> {
    let conformed = units_at(model, offset)
        .into_iter()
        .find_map(|s| s.header.conforms.as_ref().and_then(|c| c.standard));
    let ids = conformed.into_iter().chain(0..model.db.standards.len());
    ids.into_iter().find_map(|id| {
        let std = model.db.standards.get(id)?;
        let p = standard::profiles(&std.ast).find(|p| p.name.name == name)?;
        Some(Target::Profile(id, p))
    })
}

fn kind<'a>(model: &'a Model, category: Option<&str>, name: &str) -> Option<Target<'a>> {
    model
        .db
        .kinds
        .iter()
        .find(|k| k.name == name && category.map_or(true, |c| c == k.category))
        .map(Target::Kind)
}

/// What the name at `offset` of the document stands for.
pub fn target_at<'a>(model: &'a Model, text: &str, offset: usize) -> Option<Target<'a>> {
    let word = tokens::word_at(text, offset)?;
    let before = tokens::words_before(text, word.start);
    let first = before.first().map(String::as_str);
    let last = before.last().map(String::as_str);
    match (first, last) {
        (Some("import"), _) => {
            return model
                .db
                .files
                .iter()
                .position(|f| f.package() == Some(word.text))
                .map(Target::Package)
        }
        (Some("use"), _) => return lookup(model, Namespace::Module, word.text).map(Target::Module),
        (Some("conforms"), Some("profile")) => return profile(model, offset, word.text),
        (Some("conforms"), Some("conforms")) => {
            return standard_named(model, offset, word.text).map(Target::Standard)
        }
        (Some(category @ ("agency" | "service")), Some("kind")) => {
            let category = if category == "agency" { "pa" } else { "service" };
            return kind(model, Some(category), word.text);
        }
        _ => {}
    }
    generic(model, &word, offset)
}

fn generic<'a>(model: &'a Model, word: &Word<'_>, offset: usize) -> Option<Target<'a>> {
    let head = tokens::segment(word, 0);
    let single = !word.text.contains('.');
    // A question id, or a translations key `question.code`.
    if single || word.segment == 0 {
        if let Some(t) = question(model, offset, head) {
            return Some(t);
        }
    }
    if let Some(id) = lookup(model, Namespace::List, word.text) {
        return Some(Target::List(id));
    }
    // `soddisfazione5.1` in translations: the list, when the cursor is on its name.
    if !single && word.segment == 0 {
        if let Some(id) = lookup(model, Namespace::List, head) {
            return Some(Target::List(id));
        }
    }
    if let Some(id) = lookup(model, Namespace::Module, word.text) {
        return Some(Target::Module(id));
    }
    if let Some(id) = standard_named(model, offset, word.text) {
        return Some(Target::Standard(id));
    }
    if single {
        if let Some(t) = kind(model, None, word.text).or_else(|| profile(model, offset, word.text)) {
            return Some(t);
        }
        if let Some(line) = crate::keywords::describe(word.text) {
            let keyword = rileva_compiler::syntax::keywords::ITEMS
                .iter()
                .chain(rileva_compiler::syntax::keywords::SURVEY_ENTRY)
                .chain(rileva_compiler::syntax::keywords::STANDARD)
                .chain(rileva_compiler::syntax::keywords::PROFILE)
                .chain(rileva_compiler::syntax::keywords::KIOSK)
                .chain(rileva_compiler::syntax::keywords::PROPERTIES)
                .chain(rileva_compiler::syntax::keywords::QUESTION_TYPES)
                .find(|k| **k == word.text)
                .copied()
                .or_else(|| EXTRA_KEYWORDS.iter().find(|k| **k == word.text).copied())?;
            return Some(Target::Keyword(keyword, line));
        }
    }
    None
}

/// Keywords that start no statement: operators and modifiers.
const EXTRA_KEYWORDS: &[&str] = &[
    "kind", "else", "if", "missing", "specify", "and", "or", "not", "in", "has", "answered", "positive",
    "any", "as", "after", "profile", "x",
];
