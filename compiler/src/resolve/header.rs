//! Resolve stage: a survey's header statements. Languages (ISO 639-1), channels and kinds
//! are names: an unknown one is R0101 and is left out; a statement written twice, or a
//! language or channel listed twice, is R0102, and so is a site written twice in `sites`.
//! Missing `version` / `title` are left to check.

use super::model::{Conforms, FileIdx, Header, SiteDef, TextDef};
use super::scope::Scope;
use crate::diagnostics::{closest, Code, Diagnostic, Diagnostics};
use crate::ir::Channel;
use crate::lower::builtin;
use crate::source::Span;
use crate::syntax::ast;

/// ISO 639-1 language codes.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr \
cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu \
hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo \
lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu \
rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt \
tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Three-letter and spelled-out names of the languages Italian administrations use.
const LANGUAGE_ALIASES: [(&str, &str); 15] = [
    ("ita", "it"),
    ("italiano", "it"),
    ("italian", "it"),
    ("eng", "en"),
    ("english", "en"),
    ("deu", "de"),
    ("ger", "de"),
    ("deutsch", "de"),
    ("german", "de"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("french", "fr"),
    ("slv", "sl"),
    ("slovenian", "sl"),
    ("sloveno", "sl"),
];

pub fn is_language(tag: &str) -> bool {
    ISO_639_1.split_whitespace().any(|l| l == tag)
}

/// Resolve the header of a survey written in `file`.
pub fn build_header(
    scope: &Scope<'_>,
    file: FileIdx,
    survey: &ast::Survey,
    sink: &mut Diagnostics,
) -> Header {
    let mut header = Header::default();
    let mut seen: Vec<(&'static str, Span)> = Vec::new();
    let mut title: Option<&ast::Text> = None;
    for stmt in &survey.header {
        let Some((name, span)) = statement_name(stmt) else {
            continue;
        };
        if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
            sink.push(
                Diagnostic::new(
                    Code::R0102,
                    format!("`{name}` is written twice in survey `{}`", survey.name.dotted()),
                    span,
                    "written again here",
                )
                .with_secondary(*first, "first written here")
                .with_help(format!("keep one `{name}` statement")),
            );
            continue;
        }
        seen.push((name, span));
        match stmt {
            ast::HeaderStmt::Version(v) => header.version = Some(v.clone()),
            ast::HeaderStmt::Title(t) => title = Some(t),
            ast::HeaderStmt::Languages(ids, span) => {
                header.languages = languages(ids, sink);
                header.languages_span = Some(*span);
            }
            ast::HeaderStmt::Channels(ids, span) => {
                header.channels = channels(ids, sink);
                header.channels_span = Some(*span);
            }
            ast::HeaderStmt::Agency { code, kind, span } => {
                let kind = kind.clone().filter(|k| scope.check_kind("pa", file, k, sink));
                header.agency = Some((code.clone(), kind));
                header.agency_span = Some(*span);
            }
            ast::HeaderStmt::Service { code, kind, span } => {
                let kind = kind
                    .clone()
                    .filter(|k| scope.check_kind("service", file, k, sink));
                header.service = Some((code.clone(), kind));
                header.service_span = Some(*span);
            }
            ast::HeaderStmt::Conforms {
                standard,
                version,
                profile,
                span,
            } => {
                header.conforms = Some(Conforms {
                    standard_name: standard.dotted(),
                    version: version.text.clone(),
                    profile: profile.name.clone(),
                    span: *span,
                    standard: None,
                })
            }
            ast::HeaderStmt::Kiosk(k) => header.kiosk = Some(k.clone()),
            ast::HeaderStmt::Sites(_) => {}
            ast::HeaderStmt::Anonymous(_) => header.anonymous = true,
            ast::HeaderStmt::Error(_) => {}
        }
    }
    if header.languages.is_empty() {
        header.languages = vec!["it".to_owned()];
    }
    if header.channels.is_empty() {
        header.channels = vec![Channel::Web];
    }
    let default_language = header
        .languages
        .first()
        .cloned()
        .unwrap_or_else(|| "it".to_owned());
    header.title = title.map(|t| TextDef::from_ast(t, &default_language));
    let block = survey.header.iter().find_map(|stmt| match stmt {
        ast::HeaderStmt::Sites(block) => Some(block),
        _ => None,
    });
    header.sites = block.map_or_else(Vec::new, |b| sites(b, &default_language, sink));
    header.thanks = thanks(header.kiosk.as_ref(), &default_language, survey.name.span);
    header
}

fn statement_name(stmt: &ast::HeaderStmt) -> Option<(&'static str, Span)> {
    Some(match stmt {
        ast::HeaderStmt::Version(v) => ("version", v.span),
        ast::HeaderStmt::Title(t) => ("title", t.span),
        ast::HeaderStmt::Languages(_, s) => ("languages", *s),
        ast::HeaderStmt::Agency { span, .. } => ("agency", *span),
        ast::HeaderStmt::Service { span, .. } => ("service", *span),
        ast::HeaderStmt::Channels(_, s) => ("channels", *s),
        ast::HeaderStmt::Conforms { span, .. } => ("conforms", *span),
        ast::HeaderStmt::Kiosk(k) => ("kiosk", k.span),
        ast::HeaderStmt::Sites(b) => ("sites", b.span),
        ast::HeaderStmt::Anonymous(s) => ("anonymous", *s),
        ast::HeaderStmt::Error(_) => return None,
    })
}

/// The kiosk thank-you as written, or the built-in one.
fn thanks(kiosk: Option<&ast::KioskBlock>, default_language: &str, span: Span) -> TextDef {
    match kiosk.and_then(|k| k.thanks.as_ref()) {
        Some(t) => TextDef::from_ast(t, default_language),
        None => TextDef {
            values: builtin::pairs(&builtin::KIOSK_THANKS)
                .map(|(l, t)| (l.to_owned(), t.to_owned()))
                .collect(),
            universal: None,
            span: kiosk.map(|k| k.span).unwrap_or(span),
        },
    }
}

/// The sites of a `sites { }` block, each id once; a repeated id is reported (R0102).
/// Their spelling is judged by check (R0103), like every identifier.
fn sites(block: &ast::SitesBlock, default_language: &str, sink: &mut Diagnostics) -> Vec<SiteDef> {
    let mut out: Vec<SiteDef> = Vec::new();
    for site in &block.sites {
        if let Some(first) = out.iter().find(|s| s.id == site.name.name) {
            sink.push(
                Diagnostic::new(
                    Code::R0102,
                    format!("site `{}` is defined twice", site.name.name),
                    site.name.span,
                    "a site with this id already exists",
                )
                .with_secondary(first.name_span, "first defined here")
                .with_help("give each office or counter its own id: responses name their site by it"),
            );
            continue;
        }
        out.push(SiteDef {
            id: site.name.name.clone(),
            label: TextDef::from_ast(&site.label, default_language),
            name_span: site.name.span,
        });
    }
    out
}

/// Valid, distinct language tags; the others reported.
pub fn languages(ids: &[ast::Ident], sink: &mut Diagnostics) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in ids {
        if !is_language(&id.name) {
            sink.push(unknown_language(id));
        } else if out.contains(&id.name) {
            sink.push(listed_twice("language", id, ids));
        } else {
            out.push(id.name.clone());
        }
    }
    out
}

fn unknown_language(id: &ast::Ident) -> Diagnostic {
    let lower = id.name.to_lowercase();
    let suggestion = if is_language(&lower) {
        Some(lower.clone())
    } else {
        LANGUAGE_ALIASES
            .iter()
            .find(|(alias, _)| *alias == lower)
            .map(|(_, tag)| (*tag).to_owned())
    };
    let d = Diagnostic::new(
        Code::R0101,
        format!("unknown language `{}`", id.name),
        id.span,
        "not an ISO 639-1 language code",
    );
    match suggestion {
        Some(tag) => d.with_help(format!("write `{tag}`")),
        None => d.with_help("write a two-letter ISO 639-1 code such as `it`, `en`, `de`, `fr` or `sl`"),
    }
}

/// Valid, distinct channels; the others reported.
pub fn channels(ids: &[ast::Ident], sink: &mut Diagnostics) -> Vec<Channel> {
    let mut out: Vec<Channel> = Vec::new();
    for id in ids {
        match Channel::parse(&id.name) {
            Some(c) if out.contains(&c) => sink.push(listed_twice("channel", id, ids)),
            Some(c) => out.push(c),
            None => sink.push(unknown_channel(id)),
        }
    }
    out
}

pub fn unknown_channel(id: &ast::Ident) -> Diagnostic {
    let names = Channel::ALL.map(Channel::as_str);
    let d = Diagnostic::new(
        Code::R0101,
        format!("unknown channel `{}`", id.name),
        id.span,
        "not a channel",
    );
    match closest(&id.name.to_lowercase(), names) {
        Some(near) => d.with_help(format!("did you mean `{near}`?")),
        None => d.with_help("the channels are `web`, `kiosk`, `app` and `phone`"),
    }
}

fn listed_twice(what: &str, id: &ast::Ident, all: &[ast::Ident]) -> Diagnostic {
    let mut d = Diagnostic::new(
        Code::R0102,
        format!("{what} `{}` is listed twice", id.name),
        id.span,
        "listed again here",
    )
    .with_help(format!("list each {what} once"));
    if let Some(first) = all.iter().find(|i| i.name == id.name) {
        d = d.with_secondary(first.span, "first listed here");
    }
    d
}
