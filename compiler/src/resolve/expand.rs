//! Resolve stage: walk a survey's (or a module's) body, expanding every `use` in place into
//! the module's questions, sections and checks, and applying each module's own
//! `translations` blocks to what it brought. A module that uses itself is R0104.

use super::model::{
    CheckDef, FileIdx, ModuleId, ModuleUse, QuestionDef, SectionDef, TextDef, UnresolvedKey, UseDef,
};
use super::question::{build_question, QuestionSite};
use super::scope::{Namespace, Scope};
use super::translate::{apply_block, Reach, Targets};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::source::Span;
use crate::syntax::ast;
use std::collections::BTreeSet;

/// How deep modules may use modules.
const MAX_MODULE_DEPTH: usize = 16;

/// What a body expands to.
#[derive(Debug, Default)]
pub struct Expanded {
    pub questions: Vec<QuestionDef>,
    pub sections: Vec<SectionDef>,
    pub checks: Vec<CheckDef>,
    /// The top-level `use` statements.
    pub uses: Vec<UseDef>,
    /// The top-level `translations` blocks, not applied yet (the owner applies them).
    pub blocks: Vec<ast::TranslationsBlock>,
    /// Keys of modules' blocks that named nothing.
    pub unresolved_keys: Vec<UnresolvedKey>,
}

/// Where a body is written.
#[derive(Clone)]
struct Ctx<'c> {
    file: FileIdx,
    default_language: &'c str,
    section: Option<String>,
    module: Option<ModuleUse>,
}

pub struct Expander<'a, 's> {
    scope: &'a Scope<'s>,
    sink: &'a mut Diagnostics,
    used_lists: &'a mut BTreeSet<usize>,
    out: Expanded,
    module_stack: Vec<ModuleId>,
}

impl<'a, 's> Expander<'a, 's> {
    pub fn new(scope: &'a Scope<'s>, used_lists: &'a mut BTreeSet<usize>, sink: &'a mut Diagnostics) -> Self {
        Expander {
            scope,
            sink,
            used_lists,
            out: Expanded::default(),
            module_stack: Vec::new(),
        }
    }

    /// Expand a survey's body, written in `file` with texts in `default_language`.
    pub fn survey_body(mut self, body: &[ast::BodyItem], file: FileIdx, default_language: &str) -> Expanded {
        let ctx = Ctx {
            file,
            default_language,
            section: None,
            module: None,
        };
        let blocks = self.walk(body, &ctx);
        self.out.blocks = blocks;
        self.out
    }

    /// Expand one module on its own, as a standard defines it: its blocks are applied.
    pub fn module_alone(mut self, module: ModuleId) -> Expanded {
        let span = self
            .scope
            .modules
            .get(module)
            .map(|m| m.ast.name.span)
            .unwrap_or_default();
        let ctx = Ctx {
            file: self.scope.modules.get(module).map(|m| m.file).unwrap_or_default(),
            default_language: "it",
            section: None,
            module: None,
        };
        self.expand_module(module, span, &ctx);
        self.out
    }

    /// Walk items; returns the `translations` blocks written at this level.
    fn walk(&mut self, items: &[ast::BodyItem], ctx: &Ctx<'_>) -> Vec<ast::TranslationsBlock> {
        let mut blocks = Vec::new();
        for item in items {
            match item {
                ast::BodyItem::Use(u) => self.use_module(u, ctx),
                ast::BodyItem::Section(s) => {
                    self.out.sections.push(SectionDef {
                        id: s.name.name.clone(),
                        title: TextDef::from_ast(&s.title, ctx.default_language),
                        name_span: s.name.span,
                        module: ctx.module.clone(),
                    });
                    let inner = Ctx {
                        section: Some(s.name.name.clone()),
                        ..ctx.clone()
                    };
                    blocks.extend(self.walk(&s.body, &inner));
                }
                ast::BodyItem::Question(q) => {
                    let site = QuestionSite {
                        file: ctx.file,
                        default_language: ctx.default_language,
                        section: ctx.section.clone(),
                        module: ctx.module.clone(),
                    };
                    let def = build_question(self.scope, &site, q, self.used_lists, self.sink);
                    self.out.questions.push(def);
                }
                ast::BodyItem::Check(c) => self.out.checks.push(CheckDef {
                    condition: c.condition.clone(),
                    message: TextDef::from_ast(&c.message, ctx.default_language),
                    span: c.span,
                    module: ctx.module.clone(),
                }),
                ast::BodyItem::Translations(t) => blocks.push(t.clone()),
                ast::BodyItem::Error(_) => {}
            }
        }
        blocks
    }

    fn use_module(&mut self, u: &ast::Use, ctx: &Ctx<'_>) {
        let id = self
            .scope
            .lookup(Namespace::Module, ctx.file, &u.module, self.sink);
        if ctx.module.is_none() {
            let full_name = id
                .and_then(|i| self.scope.modules.get(i))
                .map(|m| m.full_name.clone())
                .unwrap_or_else(|| u.module.dotted());
            self.out.uses.push(UseDef {
                module: id,
                full_name,
                span: u.span,
            });
        }
        if let Some(id) = id {
            self.expand_module(id, u.span, ctx);
        }
    }

    fn expand_module(&mut self, id: ModuleId, use_span: Span, ctx: &Ctx<'_>) {
        let scope = self.scope;
        let Some(module) = scope.modules.get(id) else {
            return;
        };
        if self.module_stack.contains(&id) || self.module_stack.len() >= MAX_MODULE_DEPTH {
            self.sink.push(
                Diagnostic::new(
                    Code::R0104,
                    format!("module `{}` uses itself", module.full_name),
                    use_span,
                    "this `use` closes a cycle of modules",
                )
                .with_help("remove the `use` that leads back to the module"),
            );
            return;
        }
        let (q_start, s_start) = (self.out.questions.len(), self.out.sections.len());
        let language = scope
            .files
            .get(module.file)
            .map(|f| f.default_language.as_str())
            .unwrap_or("it");
        let inner = Ctx {
            file: module.file,
            default_language: language,
            section: ctx.section.clone(),
            module: Some(ModuleUse {
                module: id,
                full_name: module.full_name.clone(),
                use_span: ctx.module.as_ref().map(|m| m.use_span).unwrap_or(use_span),
            }),
        };
        self.module_stack.push(id);
        let blocks = self.walk(&module.ast.body, &inner);
        self.module_stack.pop();
        let reach = Reach {
            questions: q_start..self.out.questions.len(),
            sections: s_start..self.out.sections.len(),
            lists: scope.lists,
            title: false,
        };
        for block in &blocks {
            let mut targets = Targets {
                questions: &mut self.out.questions,
                sections: &mut self.out.sections,
                title: None,
                sites: &mut [],
            };
            apply_block(
                block,
                &reach,
                &mut targets,
                &mut self.out.unresolved_keys,
                self.sink,
            );
        }
    }
}
