//! Resolve stage: the resolved model. Every name is looked up once here; what did not
//! resolve is a placeholder (`None`, `codes_known == false`), so later stages never fail.

use crate::ir;
use crate::source::{FileId, Span};
use crate::syntax::ast;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Index of a loaded file in [`super::Db::files`].
pub type FileIdx = usize;
/// Index of a named code list in [`super::Db::lists`].
pub type ListId = usize;
/// Index of a module in [`super::Db::modules`].
pub type ModuleId = usize;
/// Index of a standard in [`super::Db::standards`].
pub type StandardId = usize;

/// Where a loaded file comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileKind {
    /// A file the user asked to check: its items are checked, its lists warned about.
    Input,
    /// A package of the embedded stdlib or of a `--lib` folder.
    Package(String),
}

/// One parsed file with its resolved imports.
#[derive(Debug, Clone)]
pub struct LoadedFile {
    pub id: FileId,
    pub kind: FileKind,
    pub ast: ast::File,
    pub imports: Vec<ImportRef>,
    /// The language of its texts' default strings: the first of its first survey's or
    /// standard's `languages`, else `it`.
    pub default_language: String,
}

impl LoadedFile {
    pub fn is_input(&self) -> bool {
        self.kind == FileKind::Input
    }

    pub fn package(&self) -> Option<&str> {
        match &self.kind {
            FileKind::Package(p) => Some(p),
            FileKind::Input => None,
        }
    }
}

/// `import istat.scales as s`, with the file it loaded (`None` when missing: R0104).
#[derive(Debug, Clone)]
pub struct ImportRef {
    pub package: String,
    pub alias: Option<String>,
    pub file: Option<FileIdx>,
    pub span: Span,
}

/// A `scale` or `options` item.
#[derive(Debug, Clone)]
pub struct ListDef {
    pub name: String,
    /// `istat.scales.soddisfazione5`; the bare name for a list of an input file.
    pub full_name: String,
    pub file: FileIdx,
    pub ast: ast::CodeList,
}

/// A `module` item.
#[derive(Debug, Clone)]
pub struct ModuleDef {
    pub name: String,
    /// `istat.cx.core`; the bare name for a module of an input file.
    pub full_name: String,
    pub file: FileIdx,
    pub ast: ast::Module,
}

/// A `standard` item.
#[derive(Debug, Clone)]
pub struct StandardDef {
    /// `istat.cx`
    pub name: String,
    pub file: FileIdx,
    pub ast: ast::Standard,
}

/// One kind of `kinds pa` / `kinds service`.
#[derive(Debug, Clone)]
pub struct KindEntry {
    /// `pa` or `service`.
    pub category: String,
    pub name: String,
    pub file: FileIdx,
    pub span: Span,
}

/// A respondent-facing text after every translation source was applied: inline
/// translations, then the module's `translations` blocks, then the survey's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextDef {
    /// Language tag -> text.
    pub values: BTreeMap<String, String>,
    /// The same text in every language (the numbers of `rating` and `nps` labels).
    pub universal: Option<String>,
    /// Where it is written (for built-in labels: the question's type).
    pub span: Span,
}

impl TextDef {
    /// The default string and inline translations of a written text.
    pub fn from_ast(text: &ast::Text, default_language: &str) -> Self {
        let mut values = BTreeMap::new();
        values.insert(default_language.to_owned(), text.default.value.clone());
        for t in &text.translations {
            values
                .entry(t.language.name.clone())
                .or_insert_with(|| t.text.value.clone());
        }
        TextDef {
            values,
            universal: None,
            span: text.span,
        }
    }

    pub fn universal(text: String, span: Span) -> Self {
        TextDef {
            values: BTreeMap::new(),
            universal: Some(text),
            span,
        }
    }

    pub fn get(&self, language: &str) -> Option<&str> {
        self.values
            .get(language)
            .map(String::as_str)
            .or(self.universal.as_deref())
    }

    /// The languages of `languages` this text has no translation for.
    pub fn missing<'a>(&self, languages: &'a [String]) -> Vec<&'a str> {
        languages
            .iter()
            .filter(|l| self.get(l).is_none())
            .map(String::as_str)
            .collect()
    }

    /// The text restricted to `languages`, for the IR. A text in exactly those languages
    /// (the usual case) moves its strings over as they are.
    pub fn into_ir(self, languages: &[String]) -> ir::Text {
        let exact = self.universal.is_none()
            && self.values.len() == languages.len()
            && languages.iter().all(|l| self.values.contains_key(l));
        if exact {
            return ir::Text(self.values);
        }
        let mut text = BTreeMap::new();
        for l in languages {
            if let Some(t) = self.get(l) {
                text.insert(l.clone(), t.to_owned());
            }
        }
        ir::Text(text)
    }

    /// Every language it has, for a standard (no survey to narrow it).
    pub fn into_ir_all(self) -> ir::Text {
        ir::Text(self.values)
    }
}

/// One code a question accepts, its label merged.
#[derive(Debug, Clone)]
pub struct CodeDef {
    pub value: i64,
    pub label: TextDef,
    pub missing: bool,
    pub specify: bool,
    pub span: Span,
    /// The named list it comes from; `None` for inline and built-in codes.
    pub list: Option<ListId>,
    /// A built-in label (`faces`, `yesno`, `rating`, `nps`).
    pub builtin: bool,
}

/// A module a question came from by `use`.
#[derive(Debug, Clone)]
pub struct ModuleUse {
    pub module: ModuleId,
    /// `istat.cx.core`
    pub full_name: String,
    /// The survey's `use` statement.
    pub use_span: Span,
}

/// A question, its type resolved.
#[derive(Debug, Clone)]
pub struct QuestionDef {
    /// The question as written, shared with the file's syntax tree.
    pub ast: Arc<ast::Question>,
    pub id: String,
    pub kind: ir::QuestionKind,
    pub wording: Option<TextDef>,
    pub help: Option<TextDef>,
    pub codes: Vec<CodeDef>,
    /// The named list of `scale NAME`, `choice NAME`, `multi NAME`.
    pub list: Option<ListId>,
    /// False when a named list did not resolve: code checks are skipped (R0101 was given).
    pub codes_known: bool,
    /// `number A..B`
    pub range: Option<(i64, i64)>,
    /// `text max N` (500 when not written).
    pub max_length: Option<i64>,
    pub min_picks: Option<(i64, Span)>,
    pub max_picks: Option<(i64, Span)>,
    pub required: bool,
    pub personal: bool,
    pub locked: bool,
    pub show_if: Option<ast::Expr>,
    /// `channels web kiosk` as written on the question.
    pub channels: Option<(Vec<ast::Ident>, Span)>,
    pub section: Option<String>,
    pub module: Option<ModuleUse>,
    /// The file it is written in.
    pub file: FileIdx,
}

impl QuestionDef {
    pub fn span(&self) -> Span {
        self.ast.span
    }

    pub fn name_span(&self) -> Span {
        self.ast.name.span
    }

    pub fn code(&self, value: i64) -> Option<&CodeDef> {
        self.codes.iter().find(|c| c.value == value)
    }

    /// The channels declared on the question that are valid channel names.
    pub fn declared_channels(&self) -> Option<Vec<ir::Channel>> {
        self.channels
            .as_ref()
            .map(|(ids, _)| ids.iter().filter_map(|i| ir::Channel::parse(&i.name)).collect())
    }

    /// The question's inline option codes (`choice { ... }`), not a named list's.
    pub fn has_inline_codes(&self) -> bool {
        !self.ast.codes.is_empty()
    }
}

/// A `section` of a survey or module.
#[derive(Debug, Clone)]
pub struct SectionDef {
    pub id: String,
    pub title: TextDef,
    pub name_span: Span,
    pub module: Option<ModuleUse>,
}

/// `check EXPR else TEXT`
#[derive(Debug, Clone)]
pub struct CheckDef {
    pub condition: ast::Expr,
    pub message: TextDef,
    pub span: Span,
    pub module: Option<ModuleUse>,
}

/// A `use` statement resolved to its module (`None` when unknown: R0101 was given).
#[derive(Debug, Clone)]
pub struct UseDef {
    pub module: Option<ModuleId>,
    /// Full name when resolved, else the path as written.
    pub full_name: String,
    pub span: Span,
}

/// What a `translations` key names (docs/language.md §2).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTarget {
    Title,
    Wording(usize),
    Help(usize),
    /// A code of one question (`question.code`), by question index.
    QuestionCode(usize, i64),
    /// A code of a named list (`list.code`), for every question using it.
    ListCode(ListId, i64),
    Section(usize),
    /// A site's label (`sites.centro`), by index in [`Header::sites`].
    Site(usize),
}

/// A `translations` entry whose key names nothing (R0302).
#[derive(Debug, Clone)]
pub struct UnresolvedKey {
    pub key: String,
    pub span: Span,
    pub language: String,
}

/// The survey's header, names resolved; invalid entries left out (reported by resolve).
#[derive(Debug, Clone, Default)]
pub struct Header {
    pub version: Option<ast::Version>,
    pub title: Option<TextDef>,
    /// Valid language tags in order; `["it"]` when none is declared.
    pub languages: Vec<String>,
    pub languages_span: Option<Span>,
    /// Valid channels in order; `[web]` when none is declared.
    pub channels: Vec<ir::Channel>,
    pub channels_span: Option<Span>,
    pub agency: Option<(ast::StrLit, Option<ast::Ident>)>,
    pub agency_span: Option<Span>,
    pub service: Option<(ast::StrLit, Option<ast::Ident>)>,
    pub service_span: Option<Span>,
    pub conforms: Option<Conforms>,
    pub kiosk: Option<ast::KioskBlock>,
    /// The `sites { }` block's sites, in order; a site written twice is left out (R0102).
    pub sites: Vec<SiteDef>,
    /// The kiosk thank-you: written, or the built-in one.
    pub thanks: TextDef,
    pub anonymous: bool,
}

impl Header {
    pub fn has_channel(&self, channel: ir::Channel) -> bool {
        self.channels.contains(&channel)
    }
}

/// One site of `sites { }`: an office or counter where the survey is collected.
#[derive(Debug, Clone)]
pub struct SiteDef {
    pub id: String,
    pub label: TextDef,
    /// The site id as written.
    pub name_span: Span,
}

/// `conforms S V profile P`, the standard found when it exists with that version.
#[derive(Debug, Clone)]
pub struct Conforms {
    pub standard_name: String,
    pub version: String,
    pub profile: String,
    pub span: Span,
    /// Resolved when standard, version and profile all exist (else R0406 was given).
    pub standard: Option<StandardId>,
}

/// What a [`SurveyDef`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A `survey` item.
    Survey,
    /// The modules of one input file, in order, checked on their own (a standard's author
    /// runs `rileva check` on the package): the header is synthetic, from its standard.
    Package,
}

/// A survey with its used modules expanded in place, every name resolved.
#[derive(Debug, Clone)]
pub struct SurveyDef {
    pub kind: UnitKind,
    pub id: String,
    pub file: FileIdx,
    /// The survey as written, shared with the file's syntax tree.
    pub ast: Arc<ast::Survey>,
    pub header: Header,
    pub questions: Vec<QuestionDef>,
    pub sections: Vec<SectionDef>,
    pub checks: Vec<CheckDef>,
    pub uses: Vec<UseDef>,
    pub unresolved_keys: Vec<UnresolvedKey>,
}

impl SurveyDef {
    /// The first question with this id.
    pub fn question(&self, id: &str) -> Option<&QuestionDef> {
        self.questions.iter().find(|q| q.id == id)
    }

    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.questions.iter().position(|q| q.id == id)
    }

    pub fn languages(&self) -> &[String] {
        &self.header.languages
    }

    pub fn name_span(&self) -> Span {
        self.ast.name.span
    }
}
