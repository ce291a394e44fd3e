//! Completion in each context of docs/editor.md. The context (the blocks around the
//! cursor and the statement being typed, over several lines if it runs over them) comes
//! from the syntax tree ([`crate::context`]); what is offered comes from the resolved
//! model and the standard library's catalog: statement keywords where a statement may
//! start, question types after `:`, lists after their type keyword, earlier question ids
//! in an expression, a question's codes after `=`, `in [` and `has`, modules after `use`,
//! packages after `import`, standards, versions and profiles after `conforms`, kinds
//! after `kind`.

use crate::analysis::Model;
use crate::context;
use crate::definition::units_at;
use crate::keywords;
use crate::tokens;
use lsp_types::{CompletionItem, CompletionItemKind, Documentation, MarkupContent, MarkupKind};
use rileva_compiler::catalog;
use rileva_compiler::diagnostics::Diagnostics;
use rileva_compiler::resolve::model::SurveyDef;
use rileva_compiler::resolve::scope::Namespace;
use rileva_compiler::resolve::standard;
use rileva_compiler::source::{FileId, Span};
use rileva_compiler::stdlib;
use rileva_compiler::syntax::{self, ast, keywords as kw};
use rileva_compiler::LibPackage;

/// Where the name being typed starts: the cursor, or the start of the partial name.
fn name_start(text: &str, offset: usize) -> usize {
    text[..offset]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        .last()
        .map_or(offset, |(i, _)| i)
}

fn item(label: impl Into<String>, kind: CompletionItemKind, detail: Option<String>) -> CompletionItem {
    CompletionItem {
        label: label.into(),
        kind: Some(kind),
        detail,
        ..CompletionItem::default()
    }
}

fn keyword_items(words: &[&str]) -> Vec<CompletionItem> {
    words
        .iter()
        .map(|w| CompletionItem {
            documentation: keywords::describe(w).map(|d| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: d.to_owned(),
                })
            }),
            ..item(*w, CompletionItemKind::KEYWORD, None)
        })
        .collect()
}

/// The completion items at `offset` of the document.
pub fn complete(model: &Model, libs: &[LibPackage], text: &str, offset: usize) -> Vec<CompletionItem> {
    let offset = offset.min(text.len());
    if !text.is_char_boundary(offset) || tokens::in_string_or_comment(text, offset) {
        return Vec::new();
    }
    let start = name_start(text, offset);
    let context = context::at(text, start);
    let words: Vec<&str> = context.words.iter().map(String::as_str).collect();
    let first = words.first().copied();
    let last = words.last().copied();
    let n = words.len();
    if n == 0 {
        return keyword_items(match context.blocks.last().map(String::as_str) {
            None => kw::ITEMS,
            Some("survey") => kw::SURVEY_ENTRY,
            Some("module" | "section") => kw::BODY,
            Some("standard") => kw::STANDARD,
            Some("profile") => kw::PROFILE,
            Some("kiosk") => kw::KIOSK,
            Some("question") => QUESTION_BLOCK,
            Some(_) => &[],
        });
    }
    match (first, last) {
        (Some("import"), _) if n == 1 => packages(libs),
        (Some("use"), _) if n == 1 => names(model, Namespace::Module),
        (Some("conforms"), _) => conforms(libs, &words),
        (Some(category @ ("agency" | "service")), Some("kind")) => kinds(model, category),
        (Some("question"), Some(":")) => keyword_items(kw::QUESTION_TYPES),
        (Some("question"), Some(ty @ ("scale" | "choice" | "multi"))) if words[n - 2] == ":" => {
            let kind = if ty == "scale" {
                ast::CodeListKind::Scale
            } else {
                ast::CodeListKind::Options
            };
            names(model, Namespace::List)
                .into_iter()
                .filter(|i| list_kind(model, i) == Some(kind))
                .collect()
        }
        _ if is_expression(&words) => expression(model, &words, offset),
        _ => Vec::new(),
    }
}

/// The kinds of one category: those of the standard library's catalog with their labels,
/// then any a package of the project declares.
fn kinds(model: &Model, category: &str) -> Vec<CompletionItem> {
    let (category, catalog) = if category == "agency" {
        ("pa", catalog::stdlib().pa_kinds)
    } else {
        ("service", catalog::stdlib().service_kinds)
    };
    let mut items: Vec<CompletionItem> = catalog
        .iter()
        .map(|k| {
            let label = [("it", ""), ("en", " / ")]
                .iter()
                .filter(|(l, _)| k.label.0.contains_key(*l))
                .map(|(l, sep)| format!("{sep}{}", k.label.get(l)))
                .collect::<String>();
            item(&k.id, CompletionItemKind::ENUM_MEMBER, Some(label))
        })
        .collect();
    for k in model.db.kinds.iter().filter(|k| k.category == category) {
        if !items.iter().any(|i| i.label == k.name) {
            items.push(item(
                &k.name,
                CompletionItemKind::ENUM_MEMBER,
                Some(format!("{category} kind")),
            ));
        }
    }
    items
}

/// Properties of a question block, and `missing` for its inline codes.
const QUESTION_BLOCK: &[&str] = &[
    "help", "required", "show", "channels", "personal", "locked", "min", "max", "missing",
];

fn is_expression(words: &[&str]) -> bool {
    matches!(words, ["show", "if", ..] | ["check", ..])
}

fn expression(model: &Model, words: &[&str], offset: usize) -> Vec<CompletionItem> {
    let n = words.len();
    let last = words[n - 1];
    let unit = units_at(model, offset).into_iter().next();
    let Some(unit) = unit else { return Vec::new() };
    let codes_of = |id: &str| codes(unit, id);
    match last {
        "=" | "!=" | "<" | "<=" | ">" | ">=" | "has" if n >= 2 => codes_of(words[n - 2]),
        // A `check` may name any question of the survey; `show if` only those asked before.
        "if" | "and" | "or" | "not" | "(" | "answered" | "check" if words[0] == "check" => {
            earlier_questions(model, unit, usize::MAX)
        }
        "if" | "and" | "or" | "not" | "(" | "answered" => earlier_questions(model, unit, offset),
        _ => {
            // `ufficio in [1, ` : the codes of the question before `in`.
            let open = words.iter().rposition(|w| *w == "[");
            match open {
                Some(i) if i >= 2 && words[i - 1] == "in" && !words[i..].contains(&"]") => {
                    codes_of(words[i - 2])
                }
                _ => Vec::new(),
            }
        }
    }
}

fn codes(unit: &SurveyDef, id: &str) -> Vec<CompletionItem> {
    let Some(q) = unit.question(id) else {
        return Vec::new();
    };
    let languages = unit.languages();
    q.codes
        .iter()
        .map(|c| {
            let label = languages.first().and_then(|l| c.label.get(l)).unwrap_or("");
            CompletionItem {
                sort_text: Some(format!("{:012}", c.value)),
                ..item(
                    c.value.to_string(),
                    CompletionItemKind::ENUM_MEMBER,
                    Some(label.to_owned()),
                )
            }
        })
        .collect()
}

/// The questions asked before the one around `offset` (all of them outside a question).
fn earlier_questions(model: &Model, unit: &SurveyDef, offset: usize) -> Vec<CompletionItem> {
    let input = model.input_idx();
    // The question around the cursor, or the first after it: the tree may have lost the
    // one being typed, which then holds no span.
    let current = unit
        .questions
        .iter()
        .position(|q| Some(q.file) == input && q.ast.span.end as usize > offset)
        .unwrap_or(unit.questions.len());
    let languages = unit.languages();
    unit.questions[..current]
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let wording = q
                .wording
                .as_ref()
                .and_then(|w| languages.first().and_then(|l| w.get(l)))
                .map(str::to_owned);
            CompletionItem {
                sort_text: Some(format!("{i:06}")),
                ..item(&q.id, CompletionItemKind::FIELD, wording)
            }
        })
        .collect()
}

/// Lists or modules visible from the document, each spelled as the document may write it:
/// bare when that resolves to it, else in full.
fn names(model: &Model, ns: Namespace) -> Vec<CompletionItem> {
    let Some(input) = model.input_idx() else {
        return Vec::new();
    };
    let scope = model.db.scope();
    let resolves = |name: &str, id: usize| {
        let path = ast::Path {
            segments: name
                .split('.')
                .map(|s| ast::Ident {
                    name: s.to_owned(),
                    span: Span::default(),
                })
                .collect(),
            span: Span::default(),
        };
        scope.lookup(ns, input, &path, &mut Diagnostics::default()) == Some(id)
    };
    let entries: Vec<(&str, &str, usize)> = match ns {
        Namespace::List => model
            .db
            .lists
            .iter()
            .enumerate()
            .map(|(i, l)| (l.name.as_str(), l.full_name.as_str(), i))
            .collect(),
        Namespace::Module => model
            .db
            .modules
            .iter()
            .enumerate()
            .map(|(i, m)| (m.name.as_str(), m.full_name.as_str(), i))
            .collect(),
    };
    let kind = match ns {
        Namespace::List => CompletionItemKind::ENUM,
        Namespace::Module => CompletionItemKind::MODULE,
    };
    entries
        .into_iter()
        .filter_map(|(bare, full, id)| {
            // Modules are written in full (`use istat.cx.core`) when they are imported.
            let label = if resolves(bare, id) && (ns == Namespace::List || bare == full) {
                bare
            } else if resolves(full, id) {
                full
            } else {
                return None;
            };
            Some(CompletionItem {
                data: Some(serde_json::json!({ "id": id })),
                ..item(label, kind, Some(full.to_owned()))
            })
        })
        .collect()
}

fn list_kind(model: &Model, item: &CompletionItem) -> Option<ast::CodeListKind> {
    let id = item.data.as_ref()?.get("id")?.as_u64()?;
    Some(model.db.lists.get(usize::try_from(id).ok()?)?.ast.kind)
}

fn packages(libs: &[LibPackage]) -> Vec<CompletionItem> {
    stdlib::PACKAGES
        .iter()
        .map(|p| {
            item(
                p.package,
                CompletionItemKind::MODULE,
                Some("standard library".to_owned()),
            )
        })
        .chain(
            libs.iter()
                .map(|l| item(&l.package, CompletionItemKind::MODULE, Some(l.name.clone()))),
        )
        .collect()
}

/// A standard found in the standard library or a package: its name, version and
/// profiles with their titles.
struct StandardInfo {
    name: String,
    version: String,
    title: Option<String>,
    profiles: Vec<(String, Option<String>)>,
}

/// Every standard of the standard library's catalog, then of the project's packages.
fn standards(libs: &[LibPackage]) -> Vec<StandardInfo> {
    let mut out: Vec<StandardInfo> = catalog::stdlib()
        .standards
        .into_iter()
        .map(|s| StandardInfo {
            title: s.title.as_ref().map(|t| t.get("it").to_owned()),
            profiles: s
                .profiles
                .iter()
                .map(|p| (p.name.clone(), p.title.as_ref().map(|t| t.get("it").to_owned())))
                .collect(),
            name: s.name,
            version: s.version,
        })
        .collect();
    for lib in libs {
        let source = String::from_utf8_lossy(&lib.bytes);
        let (file, _) = syntax::parse(FileId(0), &source);
        for item in &file.items {
            if let ast::Item::Standard(s) = item {
                out.push(StandardInfo {
                    name: s.name.dotted(),
                    version: standard::standard_version(s)
                        .map(|v| v.text.clone())
                        .unwrap_or_default(),
                    title: None,
                    profiles: standard::profiles(s)
                        .map(|p| {
                            (
                                p.name.name.clone(),
                                p.title.as_ref().map(|t| t.default.value.clone()),
                            )
                        })
                        .collect(),
                });
            }
        }
    }
    out
}

fn conforms(libs: &[LibPackage], words: &[&str]) -> Vec<CompletionItem> {
    let all = standards(libs);
    match words {
        [_] => {
            let mut items: Vec<CompletionItem> = Vec::new();
            for s in &all {
                if !items.iter().any(|i| i.label == s.name) {
                    let detail = s.title.clone().unwrap_or_else(|| "standard".to_owned());
                    items.push(item(&s.name, CompletionItemKind::CLASS, Some(detail)));
                }
            }
            items
        }
        [_, name] => all
            .iter()
            .filter(|s| s.name == *name)
            .map(|s| {
                item(
                    &s.version,
                    CompletionItemKind::VALUE,
                    Some(format!("version of {name}")),
                )
            })
            .collect(),
        [_, _, _] => keyword_items(&["profile"]),
        [_, name, version, "profile"] => all
            .iter()
            .filter(|s| s.name == *name && s.version == *version)
            .flat_map(|s| &s.profiles)
            .map(|(p, title)| item(p, CompletionItemKind::INTERFACE, title.clone()))
            .collect(),
        _ => Vec::new(),
    }
}
