//! Lower stage: one resolved survey -> [`ir::Survey`], with the defaults of docs/language.md §4
//! (language `it`, channel `web`, the kiosk's 1280 x 800, 20 s and thank-you), and the
//! spans conformance points at ([`SurveySpans`]).

use super::builtin;
use super::question::{lower_expr, lower_question, to_u32, Languages};
use crate::conformance::SurveySpans;
use crate::ir;
use crate::resolve::model::{SurveyDef, TextDef};
use crate::resolve::Db;
use crate::source::Span;
use crate::syntax::ast;

/// Lower one survey, taking its texts over (the strings move into the IR).
pub fn lower_survey(db: &Db, s: SurveyDef) -> ir::Survey {
    let header = s.header;
    let languages = Languages::Only(&header.languages);
    let version = header
        .version
        .as_ref()
        .map(|v| v.text.clone())
        .unwrap_or_default();
    let kiosk = kiosk(header.kiosk.as_ref(), header.thanks, s.ast.name.span, languages);
    ir::Survey {
        table: table_name(&s.id, &version),
        id: s.id,
        version,
        title: header.title.map(|t| languages.text(t)).unwrap_or_default(),
        languages: header.languages.clone(),
        channels: header.channels.clone(),
        anonymous: header.anonymous,
        agency: header.agency.as_ref().map(|(code, kind)| ir::Agency {
            code: code.value.clone(),
            kind: kind.as_ref().map(|k| k.name.clone()),
        }),
        service: header.service.as_ref().map(|(code, kind)| ir::Service {
            code: code.value.clone(),
            kind: kind.as_ref().map(|k| k.name.clone()),
        }),
        conforms: header.conforms.as_ref().map(|c| ir::Conformance {
            standard: c.standard_name.clone(),
            version: c.version.clone(),
            profile: c.profile.clone(),
        }),
        kiosk,
        sites: header
            .sites
            .into_iter()
            .map(|x| ir::Site {
                id: x.id,
                label: languages.text(x.label),
            })
            .collect(),
        sections: s
            .sections
            .into_iter()
            .map(|x| ir::SectionInfo {
                id: x.id,
                title: languages.text(x.title),
            })
            .collect(),
        questions: s
            .questions
            .into_iter()
            .map(|q| lower_question(db, q, languages, &header.channels))
            .collect(),
        checks: s
            .checks
            .into_iter()
            .map(|c| ir::Check {
                condition: lower_expr(&c.condition),
                message: languages.text(c.message),
                span: c.span,
            })
            .collect(),
        estimated_seconds: 0,
        doc: s.ast.doc.clone(),
        span: s.ast.name.span,
        index: ir::QuestionIndex::default(),
    }
}

/// `inps.hub_prestazioni` 1.0.0 -> `inps_hub_prestazioni_v1`.
pub fn table_name(id: &str, version: &str) -> String {
    let major: String = version.chars().take_while(char::is_ascii_digit).collect();
    let major = major.trim_start_matches('0');
    let major = if major.is_empty() { "0" } else { major };
    format!("{}_v{major}", id.replace('.', "_"))
}

fn kiosk(
    block: Option<&ast::KioskBlock>,
    thanks: TextDef,
    name: Span,
    languages: Languages<'_>,
) -> ir::Kiosk {
    let (width, height) = block
        .and_then(|k| k.screen.as_ref())
        .map(|(w, h)| (to_u32(w.value), to_u32(h.value)))
        .unwrap_or((builtin::KIOSK_WIDTH, builtin::KIOSK_HEIGHT));
    let reset = block
        .and_then(|k| k.reset_after.as_ref())
        .map(|d| u32::try_from(d.seconds).unwrap_or(u32::MAX))
        .unwrap_or(builtin::KIOSK_RESET_SECONDS);
    ir::Kiosk {
        width,
        height,
        reset_after_seconds: reset,
        thanks: languages.text(thanks),
        span: block.map(|k| k.span).unwrap_or(name),
    }
}

/// Where the survey wrote what conformance points at.
pub fn survey_spans(s: &SurveyDef) -> SurveySpans {
    let mut spans = SurveySpans {
        name: s.ast.name.span,
        uses: s.uses.iter().map(|u| (u.full_name.clone(), u.span)).collect(),
        ..SurveySpans::default()
    };
    for stmt in &s.ast.header {
        match stmt {
            ast::HeaderStmt::Conforms { span, .. } => spans.conforms = *span,
            ast::HeaderStmt::Languages(_, span) => spans.languages = *span,
            ast::HeaderStmt::Channels(_, span) => spans.channels = *span,
            ast::HeaderStmt::Agency { kind, span, .. } => spans.agency_kind = kind_span(kind, *span),
            ast::HeaderStmt::Service { kind, span, .. } => spans.service_kind = kind_span(kind, *span),
            _ => {}
        }
    }
    spans
}

fn kind_span(kind: &Option<ast::Ident>, statement: Span) -> Span {
    kind.as_ref().map(|k| k.span).unwrap_or(statement)
}

#[cfg(test)]
mod tests {
    use super::table_name;

    #[test]
    fn table_names_carry_the_major_version() {
        assert_eq!(
            table_name("inps.hub_prestazioni", "1.0.0"),
            "inps_hub_prestazioni_v1"
        );
        assert_eq!(
            table_name("bolzano.anagrafe_online", "2.1.0"),
            "bolzano_anagrafe_online_v2"
        );
        assert_eq!(table_name("a.b", "0.3.1"), "a_b_v0");
        assert_eq!(table_name("a.b", ""), "a_b_v0");
    }
}
