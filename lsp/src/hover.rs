//! Hover (docs/editor.md): a question's wording in every language, type, codes, routing
//! and lock; a list's codes; a module's, standard's or profile's doc; a keyword's meaning.

use crate::analysis::Model;
use crate::definition::Target;
use rileva_compiler::resolve::model::{CodeDef, QuestionDef, SurveyDef, TextDef};
use rileva_compiler::resolve::standard;
use rileva_compiler::syntax::ast;
use std::fmt::Write;

/// The Markdown shown for a target.
pub fn markdown(model: &Model, target: &Target<'_>) -> String {
    match target {
        Target::Question(survey, q) => question(model, survey, q),
        Target::List(id) => list(model, *id),
        Target::Module(id) => module(model, *id),
        Target::Standard(id) => standard(model, *id),
        Target::Profile(id, p) => profile(model, *id, p),
        Target::Kind(k) => format!(
            "**kind** `{}` ({} kind){}",
            k.name,
            k.category,
            kind_label(model, k)
        ),
        Target::Package(idx) => package(model, *idx),
        Target::Keyword(word, line) => format!("**{word}**: {line}"),
    }
}

/// A text in every language it has, the survey's languages first, in their order.
fn texts(out: &mut String, text: &TextDef, languages: &[String]) {
    if let Some(all) = &text.universal {
        let _ = writeln!(out, "- {all}");
    }
    let others = text.values.keys().filter(|l| !languages.contains(l));
    for language in languages.iter().chain(others) {
        if let Some(value) = text.values.get(language) {
            let _ = writeln!(out, "- `{language}` {value}");
        }
    }
}

fn one_line(text: &TextDef, languages: &[String]) -> String {
    languages
        .iter()
        .filter_map(|l| text.get(l))
        .collect::<Vec<_>>()
        .join(" / ")
}

fn type_name(model: &Model, q: &QuestionDef) -> String {
    let list = q
        .list
        .and_then(|id| model.db.lists.get(id))
        .map(|l| format!(" `{}`", l.full_name))
        .unwrap_or_default();
    match &q.ast.ty {
        ast::QuestionType::Scale(_) => format!("scale{list}"),
        ast::QuestionType::Choice(_) => format!("choice{list}"),
        ast::QuestionType::Multi(_) => format!("multi{list}"),
        ast::QuestionType::Faces => "faces".to_owned(),
        ast::QuestionType::Rating(n) => format!("rating {}", n.value),
        ast::QuestionType::Nps => "nps".to_owned(),
        ast::QuestionType::YesNo => "yesno".to_owned(),
        ast::QuestionType::Number { min, max } => format!("number {}..{}", min.value, max.value),
        ast::QuestionType::Text { .. } => format!("text max {}", q.max_length.unwrap_or(500)),
    }
}

fn codes(out: &mut String, codes: &[CodeDef], languages: &[String]) {
    if codes.is_empty() {
        return;
    }
    out.push_str("\n**Codes**\n\n");
    for c in codes {
        let mut marks = String::new();
        if c.missing {
            marks.push_str(" *(missing)*");
        }
        if c.specify {
            marks.push_str(" *(specify)*");
        }
        let _ = writeln!(out, "- `{}` {}{marks}", c.value, one_line(&c.label, languages));
    }
}

fn question(model: &Model, survey: &SurveyDef, q: &QuestionDef) -> String {
    let languages = survey.languages();
    let mut out = format!("**question** `{}`: {}\n\n", q.id, type_name(model, q));
    let mut facts = Vec::new();
    if q.required {
        facts.push("required".to_owned());
    }
    if q.personal {
        facts.push("personal".to_owned());
    }
    if let Some(m) = &q.module {
        facts.push(format!("from module `{}`", m.full_name));
    }
    if q.locked {
        let by = survey
            .header
            .conforms
            .as_ref()
            .map(|c| format!(" by standard `{} {}`", c.standard_name, c.version))
            .or_else(|| {
                let m = model.db.modules.get(q.module.as_ref()?.module)?;
                let std = model.db.standards.iter().find(|s| s.file == m.file)?;
                Some(format!(" by standard `{}`", std.name))
            })
            .unwrap_or_default();
        facts.push(format!("locked{by}"));
    }
    if !facts.is_empty() {
        let _ = writeln!(out, "{}\n", facts.join(" · "));
    }
    if let Some(wording) = &q.wording {
        texts(&mut out, wording, languages);
    }
    if let Some(help) = &q.help {
        out.push_str("\n**Help**\n\n");
        texts(&mut out, help, languages);
    }
    codes(&mut out, &q.codes, languages);
    if let Some((min, max)) = q.range {
        let _ = writeln!(out, "\nValues {min} to {max}.");
    }
    if let Some(expr) = &q.show_if {
        let _ = writeln!(out, "\n**Shown if** `{}`", model.sources.snippet(expr.span));
    } else {
        out.push_str("\nAsked of every respondent.\n");
    }
    if let Some(doc) = &q.ast.doc {
        let _ = write!(out, "\n---\n{doc}\n");
    }
    out
}

fn list(model: &Model, id: usize) -> String {
    let Some(l) = model.db.lists.get(id) else {
        return String::new();
    };
    let kind = match l.ast.kind {
        ast::CodeListKind::Scale => "scale",
        ast::CodeListKind::Options => "options",
    };
    let default = model
        .db
        .files
        .get(l.file)
        .map_or("it".to_owned(), |f| f.default_language.clone());
    let mut out = format!("**{kind}** `{}`\n", l.full_name);
    if let Some(doc) = &l.ast.doc {
        let _ = writeln!(out, "\n{doc}");
    }
    let codes: Vec<CodeDef> = l
        .ast
        .codes
        .iter()
        .map(|c| CodeDef {
            value: c.code.value,
            label: TextDef::from_ast(&c.label, &default),
            missing: c.missing,
            specify: c.specify,
            span: c.span,
            list: Some(id),
            builtin: false,
        })
        .collect();
    let mut languages = vec![default];
    for c in &codes {
        for l in c.label.values.keys() {
            if !languages.contains(l) {
                languages.push(l.clone());
            }
        }
    }
    self::codes(&mut out, &codes, &languages);
    if let Some(p) = &l.ast.positive {
        let values: Vec<String> = p.codes.iter().map(|c| c.value.to_string()).collect();
        let _ = writeln!(out, "\nPositive answers: {}", values.join(", "));
    }
    out
}

fn module(model: &Model, id: usize) -> String {
    let Some(m) = model.db.modules.get(id) else {
        return String::new();
    };
    let mut out = format!("**module** `{}`\n", m.full_name);
    if let Some(title) = &m.ast.title {
        let _ = writeln!(out, "\n{}", title.default.value);
    }
    if let Some(doc) = &m.ast.doc {
        let _ = writeln!(out, "\n{doc}");
    }
    out
}

fn standard(model: &Model, id: usize) -> String {
    let Some(s) = model.db.standards.get(id) else {
        return String::new();
    };
    let version = standard::standard_version(&s.ast).map_or("", |v| v.text.as_str());
    let mut out = format!("**standard** `{}` {version}\n", s.name);
    if let Some(doc) = &s.ast.doc {
        let _ = writeln!(out, "\n{doc}");
    }
    let profiles: Vec<String> = standard::profiles(&s.ast)
        .map(|p| format!("`{}`", p.name.name))
        .collect();
    if !profiles.is_empty() {
        let _ = writeln!(out, "\nProfiles: {}", profiles.join(", "));
    }
    out
}

fn kinds(list: &ast::KindList) -> String {
    match list {
        ast::KindList::Any(_) => "any".to_owned(),
        ast::KindList::Kinds(ids) => ids
            .iter()
            .map(|i| format!("`{}`", i.name))
            .collect::<Vec<_>>()
            .join(" "),
    }
}

fn names(ids: &[ast::Ident]) -> String {
    ids.iter()
        .map(|i| format!("`{}`", i.name))
        .collect::<Vec<_>>()
        .join(" ")
}

fn profile(model: &Model, id: usize, p: &ast::Profile) -> String {
    let std = model.db.standards.get(id).map_or("", |s| s.name.as_str());
    let mut out = format!("**profile** `{}` of standard `{std}`\n", p.name.name);
    if let Some(title) = &p.title {
        let _ = writeln!(out, "\n{}", title.default.value);
    }
    if let Some(doc) = &p.doc {
        let _ = writeln!(out, "\n{doc}");
    }
    out.push('\n');
    for stmt in &p.statements {
        let line = match stmt {
            ast::ProfileStmt::ServiceKinds(k, _) => format!("- service kinds {}", kinds(k)),
            ast::ProfileStmt::PaKinds(k, _) => format!("- PA kinds {}", kinds(k)),
            ast::ProfileStmt::Require(ids, _) => format!("- requires {}", names(ids)),
            ast::ProfileStmt::Allow(ids, _) => format!("- allows {}", names(ids)),
            ast::ProfileStmt::ExtraMax(n, _) => format!("- at most {} extra questions", n.value),
            ast::ProfileStmt::Error(_) => continue,
        };
        let _ = writeln!(out, "{line}");
    }
    out
}

fn kind_label(model: &Model, k: &rileva_compiler::resolve::model::KindEntry) -> String {
    let Some(file) = model.db.files.get(k.file) else {
        return String::new();
    };
    file.ast
        .items
        .iter()
        .filter_map(|item| match item {
            ast::Item::Kinds(kinds) if kinds.category.name == k.category => Some(kinds),
            _ => None,
        })
        .flat_map(|kinds| &kinds.kinds)
        .find(|d| d.name.name == k.name)
        .map(|d| format!(": {}", d.label.default.value))
        .unwrap_or_default()
}

fn package(model: &Model, idx: usize) -> String {
    let Some(file) = model.db.files.get(idx) else {
        return String::new();
    };
    let name = file.package().unwrap_or("");
    let doc = file.ast.items.iter().find_map(|item| match item {
        ast::Item::Standard(s) => s.doc.clone(),
        _ => None,
    });
    let mut out = format!("**package** `{name}`\n");
    if let Some(doc) = doc {
        let _ = writeln!(out, "\n{doc}");
    }
    out
}
