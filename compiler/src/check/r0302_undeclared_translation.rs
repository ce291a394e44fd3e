//! R0302: a translation must be for a language the survey declares, and a `translations`
//! key must name something (docs/language.md §2). Judged on what the survey itself writes: its
//! header, body, sections, questions and `translations` blocks. Modules and lists may carry
//! more languages than one survey uses; their extra translations are simply not used.

use super::context::SurveyCx;
use crate::diagnostics::{closest, Code, Diagnostic, Diagnostics};
use crate::syntax::ast;

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    let mut texts = Vec::new();
    let mut blocks = Vec::new();
    for h in &cx.survey.ast.header {
        match h {
            ast::HeaderStmt::Title(t) => texts.push(t),
            ast::HeaderStmt::Kiosk(k) => texts.extend(k.thanks.as_ref()),
            ast::HeaderStmt::Sites(b) => texts.extend(b.sites.iter().map(|s| &s.label)),
            _ => {}
        }
    }
    collect(&cx.survey.ast.body, &mut texts, &mut blocks);
    for text in texts {
        for t in &text.translations {
            undeclared(cx, &t.language, "this translation", sink);
        }
    }
    for block in blocks {
        undeclared(cx, &block.language, "this block", sink);
    }
    unresolved_keys(cx, sink);
}

fn collect<'a>(
    items: &'a [ast::BodyItem],
    texts: &mut Vec<&'a ast::Text>,
    blocks: &mut Vec<&'a ast::TranslationsBlock>,
) {
    for item in items {
        match item {
            ast::BodyItem::Section(s) => {
                texts.push(&s.title);
                collect(&s.body, texts, blocks);
            }
            ast::BodyItem::Question(q) => {
                texts.extend(q.wording.as_ref());
                for p in &q.properties {
                    if let ast::Property::Help(h) = p {
                        texts.push(h);
                    }
                }
                texts.extend(q.codes.iter().map(|c| &c.label));
            }
            ast::BodyItem::Check(c) => texts.push(&c.message),
            ast::BodyItem::Translations(b) => blocks.push(b),
            ast::BodyItem::Use(_) | ast::BodyItem::Error(_) => {}
        }
    }
}

fn undeclared(cx: &SurveyCx<'_>, language: &ast::Ident, what: &str, sink: &mut Diagnostics) {
    let languages = cx.survey.languages();
    if languages.contains(&language.name) {
        return;
    }
    let declared: Vec<String> = languages.iter().map(|l| format!("`{l}`")).collect();
    let mut d = Diagnostic::new(
        Code::R0302,
        format!(
            "translation for `{}`, which the survey does not declare",
            language.name
        ),
        language.span,
        format!("`{}` is not among the survey's languages", language.name),
    )
    .with_help(format!(
        "add `{}` to `languages` (now {}), or remove {what}",
        language.name,
        declared.join(" ")
    ));
    if let Some(span) = cx.survey.header.languages_span {
        d = d.with_secondary(span, "the survey's languages");
    }
    sink.push(d);
}

fn unresolved_keys(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    // The candidates for "did you mean" are only needed when a key names nothing.
    if cx.survey.unresolved_keys.is_empty() {
        return;
    }
    let candidates = known_keys(cx);
    let sites = if cx.survey.header.sites.is_empty() {
        ""
    } else {
        ", `sites.SITE`"
    };
    for key in &cx.survey.unresolved_keys {
        let mut d = Diagnostic::new(
            Code::R0302,
            format!("`translations {}` key `{}` names nothing", key.language, key.key),
            key.span,
            "no question, help, code, section or `title` has this key",
        );
        d = match closest(&key.key, candidates.iter().map(String::as_str)) {
            Some(near) => d.with_help(format!("did you mean `{near}`?")),
            None => d.with_help(format!(
                "a key is a question id, `question.help`, `question.code`, `list.code`, a section id{sites} or `title`"
            )),
        };
        sink.push(d);
    }
}

/// Every key that names something in the survey.
fn known_keys(cx: &SurveyCx<'_>) -> Vec<String> {
    let mut keys = vec!["title".to_owned()];
    for q in &cx.survey.questions {
        keys.push(q.id.clone());
        if q.help.is_some() {
            keys.push(format!("{}.help", q.id));
        }
        for c in &q.codes {
            let owner = match c.list.and_then(|l| cx.db.lists.get(l)) {
                Some(list) => list.name.clone(),
                None => q.id.clone(),
            };
            keys.push(format!("{owner}.{}", c.value));
        }
    }
    keys.extend(cx.survey.sections.iter().map(|s| s.id.clone()));
    keys.extend(cx.survey.header.sites.iter().map(|s| format!("sites.{}", s.id)));
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use crate::check::testing::{survey, with_code};

    #[test]
    fn undeclared_languages() {
        let src = survey(
            "  question q: yesno { \"Q?\" en \"Q?\" fr \"Q?\" }\n  translations de {\n    q \"F?\"\n  }",
        );
        let found = with_code(&src, "R0302");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|d| d.message.contains("does not declare")));
    }

    #[test]
    fn keys_that_name_nothing() {
        let src = survey(
            "  question voto: scale soddisfazione5 { \"Voto?\" en \"Mark?\" }\n  translations en {\n    \
             vot \"Mark\"\n    soddisfazione5.7 \"Seven\"\n    soddisfazione5.9 \"Don't know\"\n    voto.help \"x\"\n  }",
        );
        let found = with_code(&src, "R0302");
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].help.as_deref(), Some("did you mean `voto`?"));
    }
}
