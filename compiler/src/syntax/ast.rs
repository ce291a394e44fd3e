//! The syntax tree: owned, every node carries its [`Span`]. Produced by `syntax::parse`,
//! read by `resolve`. It holds what was written, nothing inferred. Surveys and questions
//! are behind an [`Arc`]: resolve keeps each one beside what it resolved without copying it.

use crate::source::Span;
use std::sync::Arc;

/// A name as written. The grammar reads any run of letters, digits, `_` and `-`, so an
/// invalid spelling (`Soddisfazione`, `tempo-attesa`) reaches the checker (R0103).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A dotted name: `istat.cx.core`, `s.accordo5`, `soddisfazione`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    pub segments: Vec<Ident>,
    pub span: Span,
}

impl Path {
    pub fn dotted(&self) -> String {
        self.segments
            .iter()
            .map(|s| s.name.as_str())
            .collect::<Vec<_>>()
            .join(".")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntLit {
    pub value: i64,
    pub span: Span,
}

/// A string literal with its escapes decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrLit {
    pub value: String,
    pub span: Span,
}

/// A version as written: `2024.1`, `1.0.0`, `2009`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub text: String,
    pub span: Span,
}

/// A duration: `20s` is 20, `2m` is 120 (seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duration {
    pub seconds: u64,
    pub span: Span,
}

/// A respondent-facing text: the default-language string, then `LANG "..."` translations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub default: StrLit,
    pub translations: Vec<Translation>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub language: Ident,
    pub text: StrLit,
}

/// `///` lines before an item, joined with newlines, without the slashes.
pub type Doc = Option<String>;

#[derive(Debug, Clone, PartialEq)]
pub struct File {
    pub items: Vec<Item>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Import(Import),
    CodeList(CodeList),
    Kinds(Kinds),
    Module(Module),
    Standard(Standard),
    Survey(Arc<Survey>),
    /// Text that could not be parsed; R0001 was reported for it.
    Error(Span),
}

/// `import istat.scales as s`
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    pub package: Path,
    pub alias: Option<Ident>,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeListKind {
    /// `scale`: ordinal, higher is more positive.
    Scale,
    /// `options`: nominal.
    Options,
}

/// `scale NAME { ... }` or `options NAME { ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct CodeList {
    pub kind: CodeListKind,
    pub name: Ident,
    pub codes: Vec<CodeDef>,
    /// `positive 4 5`: the codes that count as a positive answer (scales only).
    pub positive: Option<Positive>,
    pub doc: Doc,
    pub span: Span,
}

/// `positive 4 5` in a scale: the codes that count as a positive answer in indicators.
#[derive(Debug, Clone, PartialEq)]
pub struct Positive {
    pub codes: Vec<IntLit>,
    pub span: Span,
}

/// `1 "Per niente" en "Not at all"`, `missing 9 "Non so"`, `99 "Altro" specify`
#[derive(Debug, Clone, PartialEq)]
pub struct CodeDef {
    pub code: IntLit,
    pub label: Text,
    pub missing: bool,
    pub specify: bool,
    pub span: Span,
}

/// `kinds pa { comune "Comune" ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct Kinds {
    /// `pa` or `service`.
    pub category: Ident,
    pub kinds: Vec<KindDef>,
    pub doc: Doc,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct KindDef {
    pub name: Ident,
    pub label: Text,
    pub span: Span,
}

/// `module core { ... }`: questions and sections a survey can `use`.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub name: Ident,
    pub title: Option<Text>,
    pub body: Vec<BodyItem>,
    pub doc: Doc,
    pub span: Span,
}

/// `standard istat.cx { ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct Standard {
    pub name: Path,
    pub statements: Vec<StandardStmt>,
    pub doc: Doc,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StandardStmt {
    Version(Version),
    Title(Text),
    Languages(Vec<Ident>, Span),
    Channels(Vec<Ident>, Span),
    Anonymous(Span),
    /// `max minutes 3`
    MaxMinutes(IntLit, Span),
    Profile(Profile),
    Error(Span),
}

/// `profile istanza_online "..." { ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub name: Ident,
    pub title: Option<Text>,
    pub statements: Vec<ProfileStmt>,
    pub doc: Doc,
    pub span: Span,
}

/// A list of kinds, or `any`.
#[derive(Debug, Clone, PartialEq)]
pub enum KindList {
    Any(Span),
    Kinds(Vec<Ident>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ProfileStmt {
    /// `service kinds istanza_online prenotazione`
    ServiceKinds(KindList, Span),
    /// `pa kinds any`
    PaKinds(KindList, Span),
    /// `require core servizio_online`
    Require(Vec<Ident>, Span),
    /// `allow approfondimento`
    Allow(Vec<Ident>, Span),
    /// `extra max 5`
    ExtraMax(IntLit, Span),
    Error(Span),
}

/// `survey inps.hub_prestazioni { ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    pub name: Path,
    pub header: Vec<HeaderStmt>,
    pub body: Vec<BodyItem>,
    pub doc: Doc,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum HeaderStmt {
    Version(Version),
    Title(Text),
    Languages(Vec<Ident>, Span),
    /// `agency "inps" kind ente_previdenziale`
    Agency {
        code: StrLit,
        kind: Option<Ident>,
        span: Span,
    },
    /// `service "hub-prestazioni" kind istanza_online`
    Service {
        code: StrLit,
        kind: Option<Ident>,
        span: Span,
    },
    Channels(Vec<Ident>, Span),
    /// `conforms istat.cx 2024.1 profile istanza_online`
    Conforms {
        standard: Path,
        version: Version,
        profile: Ident,
        span: Span,
    },
    Kiosk(KioskBlock),
    Sites(SitesBlock),
    Anonymous(Span),
    Error(Span),
}

/// `sites { centro "Anagrafe centrale" en "Central registry office" ... }`: the places
/// (offices, counters) where the survey is collected.
#[derive(Debug, Clone, PartialEq)]
pub struct SitesBlock {
    pub sites: Vec<SiteDef>,
    pub span: Span,
}

/// `centro "Anagrafe centrale" en "Central registry office"`
#[derive(Debug, Clone, PartialEq)]
pub struct SiteDef {
    pub name: Ident,
    pub label: Text,
    pub span: Span,
}

/// `kiosk { screen 1280 x 800  reset after 20s  thanks "..." }`
#[derive(Debug, Clone, PartialEq)]
pub struct KioskBlock {
    pub screen: Option<(IntLit, IntLit)>,
    pub reset_after: Option<Duration>,
    pub thanks: Option<Text>,
    pub span: Span,
}

/// What may stand in a survey, module or section body.
#[derive(Debug, Clone, PartialEq)]
pub enum BodyItem {
    Use(Use),
    Section(Section),
    Question(Arc<Question>),
    Check(Check),
    Translations(TranslationsBlock),
    Error(Span),
}

/// `use istat.cx.core`
#[derive(Debug, Clone, PartialEq)]
pub struct Use {
    pub module: Path,
    pub span: Span,
}

/// `section inps "Domande dell'INPS" en "INPS questions" { ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub name: Ident,
    pub title: Text,
    pub body: Vec<BodyItem>,
    pub doc: Doc,
    pub span: Span,
}

/// `question ID: TYPE { TEXT properties... codes... }`
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub name: Ident,
    pub ty: QuestionType,
    /// The wording; `None` when the block does not start with a text (reported by the parser).
    pub wording: Option<Text>,
    pub properties: Vec<Property>,
    /// Inline codes of `choice { ... }` / `multi { ... }`.
    pub codes: Vec<CodeDef>,
    pub doc: Doc,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum QuestionType {
    /// `scale NAME`
    Scale(Path),
    /// `choice NAME` or `choice` with inline codes (`None`).
    Choice(Option<Path>),
    Multi(Option<Path>),
    Faces,
    /// `rating N`
    Rating(IntLit),
    Nps,
    YesNo,
    /// `number A..B`
    Number {
        min: IntLit,
        max: IntLit,
    },
    /// `text max N`, or `text` (max 500)
    Text {
        max: Option<IntLit>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Property {
    Help(Text),
    Required(Span),
    ShowIf(Expr),
    Channels(Vec<Ident>, Span),
    Personal(Span),
    Locked(Span),
    Min(IntLit, Span),
    Max(IntLit, Span),
}

/// `check EXPR else TEXT`
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub condition: Expr,
    pub message: Text,
    pub span: Span,
}

/// `translations de { key "text" ... }`
#[derive(Debug, Clone, PartialEq)]
pub struct TranslationsBlock {
    pub language: Ident,
    pub entries: Vec<TranslationEntry>,
    pub span: Span,
}

/// `soddisfazione5.1 "Überhaupt nicht zufrieden"`
#[derive(Debug, Clone, PartialEq)]
pub struct TranslationEntry {
    pub key: Vec<KeySegment>,
    pub text: StrLit,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum KeySegment {
    Name(Ident),
    Code(IntLit),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }

    pub fn is_ordering(self) -> bool {
        !matches!(self, CmpOp::Eq | CmpOp::Ne)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Or(Box<Expr>, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
    /// `( EXPR )`, kept so spans and `fmt` stay faithful.
    Paren(Box<Expr>),
    /// `soddisfazione <= 2`
    Compare {
        question: Ident,
        op: CmpOp,
        value: IntLit,
    },
    /// `ufficio in [1, 2]`
    In {
        question: Ident,
        values: Vec<IntLit>,
    },
    /// `motivi has 99`
    Has {
        question: Ident,
        code: IntLit,
    },
    /// `answered commento`
    Answered(Ident),
}
