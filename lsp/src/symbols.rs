//! Document symbols: the outline of a file from its syntax tree (survey, sections and
//! questions; modules, lists, kinds, standards and profiles).

use crate::convert::LineIndex;
use lsp_types::{DocumentSymbol, SymbolKind};
use rileva_compiler::source::{FileId, Span};
use rileva_compiler::syntax::{self, ast};

/// The outline of `text`; what did not parse is left out.
pub fn outline(text: &str, index: &LineIndex<'_>) -> Vec<DocumentSymbol> {
    let (file, _) = syntax::parse(FileId(0), text);
    file.items
        .iter()
        .filter_map(|item| item_symbol(item, index))
        .collect()
}

#[allow(deprecated)] // `deprecated` is a required field of the protocol's struct
fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    name_span: Span,
    children: Vec<DocumentSymbol>,
    index: &LineIndex<'_>,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range: index.range(span),
        selection_range: index.range(name_span),
        children: (!children.is_empty()).then_some(children),
    }
}

fn item_symbol(item: &ast::Item, index: &LineIndex<'_>) -> Option<DocumentSymbol> {
    Some(match item {
        ast::Item::Survey(s) => symbol(
            s.name.dotted(),
            Some("survey".to_owned()),
            SymbolKind::FILE,
            s.span,
            s.name.span,
            body(&s.body, index),
            index,
        ),
        ast::Item::Module(m) => symbol(
            m.name.name.clone(),
            Some("module".to_owned()),
            SymbolKind::MODULE,
            m.span,
            m.name.span,
            body(&m.body, index),
            index,
        ),
        ast::Item::CodeList(l) => symbol(
            l.name.name.clone(),
            Some(
                match l.kind {
                    ast::CodeListKind::Scale => "scale",
                    ast::CodeListKind::Options => "options",
                }
                .to_owned(),
            ),
            SymbolKind::ENUM,
            l.span,
            l.name.span,
            Vec::new(),
            index,
        ),
        ast::Item::Kinds(k) => symbol(
            format!("kinds {}", k.category.name),
            None,
            SymbolKind::ENUM,
            k.span,
            k.category.span,
            k.kinds
                .iter()
                .map(|d| {
                    symbol(
                        d.name.name.clone(),
                        Some(d.label.default.value.clone()),
                        SymbolKind::ENUM_MEMBER,
                        d.span,
                        d.name.span,
                        Vec::new(),
                        index,
                    )
                })
                .collect(),
            index,
        ),
        ast::Item::Standard(s) => symbol(
            s.name.dotted(),
            Some("standard".to_owned()),
            SymbolKind::CLASS,
            s.span,
            s.name.span,
            s.statements
                .iter()
                .filter_map(|st| match st {
                    ast::StandardStmt::Profile(p) => Some(symbol(
                        p.name.name.clone(),
                        Some("profile".to_owned()),
                        SymbolKind::INTERFACE,
                        p.span,
                        p.name.span,
                        Vec::new(),
                        index,
                    )),
                    _ => None,
                })
                .collect(),
            index,
        ),
        ast::Item::Import(_) | ast::Item::Error(_) => return None,
    })
}

fn body(items: &[ast::BodyItem], index: &LineIndex<'_>) -> Vec<DocumentSymbol> {
    items
        .iter()
        .filter_map(|item| match item {
            ast::BodyItem::Section(s) => Some(symbol(
                s.name.name.clone(),
                Some(s.title.default.value.clone()),
                SymbolKind::NAMESPACE,
                s.span,
                s.name.span,
                body(&s.body, index),
                index,
            )),
            ast::BodyItem::Question(q) => Some(symbol(
                q.name.name.clone(),
                q.wording.as_ref().map(|w| w.default.value.clone()),
                SymbolKind::FIELD,
                q.span,
                q.name.span,
                Vec::new(),
                index,
            )),
            ast::BodyItem::Use(u) => Some(symbol(
                format!("use {}", u.module.dotted()),
                None,
                SymbolKind::PACKAGE,
                u.span,
                u.module.span,
                Vec::new(),
                index,
            )),
            _ => None,
        })
        .collect()
}
