//! Test builders for the conformance stage and the estimate: IR surveys and a standard spec
//! (a model of `istat.cx 2024.1`) written by hand, so the rules are tested without the parser.

use super::spec::{ProfileSpec, StandardSpec, SurveySpans};
use crate::ir::{self, Channel, Code, Question, QuestionKind, Survey};
use crate::ir_builder;
pub use crate::ir_builder::text;
use crate::source::{FileId, Span};

/// The survey's file in test spans.
pub const SURVEY_FILE: FileId = FileId(0);
/// The standard's file in test spans.
pub const STANDARD_FILE: FileId = FileId(1);

pub fn span(file: FileId, start: usize) -> Span {
    Span::new(file, start, start + 5)
}

pub fn code(value: i64, it: &str, en: &str) -> Code {
    ir_builder::code(value, text(&[("it", it), ("en", en)]))
}

/// An optional question with no codes, asked on every channel, defined at `span`.
pub fn question(id: &str, kind: QuestionKind, it: &str, en: &str, span: Span) -> Question {
    Question {
        wording: text(&[("it", it), ("en", en)]),
        channels: Vec::new(),
        span,
        ..ir_builder::question(id, kind)
    }
}

fn facilita5() -> Vec<Code> {
    let mut codes = vec![
        code(1, "Per niente facile", "Not at all easy"),
        code(2, "Poco facile", "Slightly easy"),
        code(3, "Abbastanza facile", "Fairly easy"),
        code(4, "Facile", "Easy"),
        code(5, "Molto facile", "Very easy"),
        code(9, "Non so", "Don't know"),
    ];
    if let Some(c) = codes.last_mut() {
        c.missing = true;
    }
    codes
}

fn soddisfazione5() -> Vec<Code> {
    let mut codes = vec![
        code(1, "Per niente soddisfatto", "Not at all satisfied"),
        code(2, "Poco soddisfatto", "Slightly satisfied"),
        code(3, "Abbastanza soddisfatto", "Fairly satisfied"),
        code(4, "Molto soddisfatto", "Very satisfied"),
        code(5, "Del tutto soddisfatto", "Completely satisfied"),
        code(9, "Non so", "Don't know"),
    ];
    if let Some(c) = codes.last_mut() {
        c.missing = true;
    }
    codes
}

fn locked(mut q: Question, codes: Vec<Code>) -> Question {
    q.locked = true;
    q.required = true;
    q.codes = codes;
    q
}

/// Module `core`, abridged to three questions: two locked scales and the routed multi.
fn core() -> Vec<Question> {
    let s = |n: usize| span(STANDARD_FILE, 1000 + n * 100);
    let facilita = question(
        "facilita",
        QuestionKind::Scale,
        "Quanto è stato facile usare il servizio?",
        "How easy was it to use the service?",
        s(0),
    );
    let soddisfazione = question(
        "soddisfazione",
        QuestionKind::Scale,
        "Complessivamente, quanto è soddisfatto del servizio?",
        "Overall, how satisfied are you with the service?",
        s(1),
    );
    let mut motivi = question(
        "motivi",
        QuestionKind::Multi,
        "Che cosa non ha funzionato?",
        "What did not work?",
        s(2),
    );
    motivi.locked = true;
    motivi.max_picks = Some(3);
    motivi.show_if = Some(ir::Expr::Compare {
        question: "soddisfazione".into(),
        cmp: ir::CmpOp::Le,
        value: 2,
    });
    motivi.codes = vec![
        code(1, "Informazioni poco chiare", "Unclear information"),
        code(2, "Procedura troppo lunga", "Procedure too long"),
        Code {
            specify: true,
            ..code(99, "Altro", "Other")
        },
    ];
    vec![
        locked(facilita, facilita5()),
        locked(soddisfazione, soddisfazione5()),
        motivi,
    ]
}

fn servizio_online() -> Vec<Question> {
    let s = |n: usize| span(STANDARD_FILE, 2000 + n * 100);
    let mut tempo = question(
        "tempo",
        QuestionKind::Choice,
        "Quanto tempo le ha richiesto completare la procedura?",
        "How long did the procedure take?",
        s(0),
    );
    tempo.codes = vec![
        code(1, "Meno di 5 minuti", "Less than 5 minutes"),
        code(2, "Più di 5 minuti", "More than 5 minutes"),
    ];
    let problemi = question(
        "problemi_tecnici",
        QuestionKind::Yesno,
        "Ha incontrato problemi tecnici?",
        "Did you have technical problems?",
        s(1),
    );
    vec![tempo, problemi]
}

fn approfondimento() -> Vec<Question> {
    let mut q = question(
        "suggerimenti",
        QuestionKind::Text,
        "Che cosa potremmo migliorare?",
        "What could we improve?",
        span(STANDARD_FILE, 3000),
    );
    q.max_length = Some(500);
    q.channels = vec![Channel::Web, Channel::App];
    vec![q]
}

fn profile(
    name: &str,
    kinds: &[&str],
    require: &[&str],
    allow: &[&str],
    extra: u32,
    at: usize,
) -> ProfileSpec {
    let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    ProfileSpec {
        name: name.to_owned(),
        service_kinds: Some(list(kinds)),
        pa_kinds: None,
        require: list(require),
        allow: list(allow),
        extra_max: Some(extra),
        span: span(STANDARD_FILE, at),
        service_kinds_span: span(STANDARD_FILE, at + 10),
        pa_kinds_span: span(STANDARD_FILE, at + 20),
        require_span: span(STANDARD_FILE, at + 30),
        extra_max_span: span(STANDARD_FILE, at + 40),
    }
}

/// A model of `istat.cx 2024.1` (abridged modules, the real profile rules).
pub fn istat_cx() -> StandardSpec {
    StandardSpec {
        name: "istat.cx".into(),
        package: "istat.cx".into(),
        version: "2024.1".into(),
        languages: vec!["it".into()],
        channels: vec![Channel::Web, Channel::App, Channel::Kiosk],
        anonymous: true,
        max_minutes: Some(3),
        profiles: vec![
            profile(
                "istanza_online",
                &["istanza_online", "prenotazione"],
                &["core", "servizio_online"],
                &["approfondimento"],
                2,
                500,
            ),
            profile(
                "informativo",
                &["informativo"],
                &["core"],
                &["approfondimento"],
                1,
                600,
            ),
        ],
        modules: vec![
            ("core".into(), core()),
            ("servizio_online".into(), servizio_online()),
            ("approfondimento".into(), approfondimento()),
        ],
        span: span(STANDARD_FILE, 10),
        version_span: span(STANDARD_FILE, 20),
        languages_span: span(STANDARD_FILE, 30),
        channels_span: span(STANDARD_FILE, 40),
        anonymous_span: span(STANDARD_FILE, 50),
        max_minutes_span: span(STANDARD_FILE, 60),
    }
}

/// The questions of a module as `use` lowers them: tagged, on the survey's channels.
pub fn used(standard: &StandardSpec, module: &str, channels: &[Channel]) -> Vec<Question> {
    let full = format!("{}.{}", standard.package, module);
    standard
        .module(module)
        .unwrap_or_default()
        .iter()
        .map(|q| {
            let mut q = q.clone();
            q.module = Some(full.clone());
            q.channels = if q.channels.is_empty() {
                channels.to_vec()
            } else {
                channels
                    .iter()
                    .copied()
                    .filter(|c| q.channels.contains(c))
                    .collect()
            };
            q
        })
        .collect()
}

/// An extra question of the survey itself, at `n` in the survey file.
pub fn extra(id: &str, n: usize) -> Question {
    let mut q = question(
        id,
        QuestionKind::Yesno,
        "Domanda aggiuntiva?",
        "Extra question?",
        span(SURVEY_FILE, 5000 + n * 100),
    );
    q.codes = vec![code(1, "Sì", "Yes"), code(2, "No", "No")];
    q.channels = vec![Channel::Web];
    q
}

/// A survey conforming to `istat.cx 2024.1 profile istanza_online`: core, servizio_online,
/// one extra question.
pub fn conforming_survey(standard: &StandardSpec) -> Survey {
    let web = [Channel::Web];
    let mut questions = used(standard, "core", &web);
    questions.extend(used(standard, "servizio_online", &web));
    questions.push(extra("documenti", 0));
    let mut survey = ir_builder::survey("inps.hub_prestazioni", questions);
    survey.title = text(&[("it", "Valuta il servizio"), ("en", "Rate the service")]);
    survey.channels = web.to_vec();
    survey.agency = Some(ir::Agency {
        code: "inps".into(),
        kind: Some("ente_previdenziale".into()),
    });
    survey.service = Some(ir::Service {
        code: "hub-prestazioni".into(),
        kind: Some("istanza_online".into()),
    });
    survey.conforms = Some(ir::Conformance {
        standard: "istat.cx".into(),
        version: "2024.1".into(),
        profile: "istanza_online".into(),
    });
    survey
}

/// Spans of the survey's header statements and `use` lines, all in [`SURVEY_FILE`].
pub fn survey_spans(survey: &Survey) -> SurveySpans {
    let mut uses: Vec<(String, Span)> = Vec::new();
    for q in &survey.questions {
        if let Some(m) = &q.module {
            if !uses.iter().any(|(n, _)| n == m) {
                uses.push((m.clone(), span(SURVEY_FILE, 400 + uses.len() * 10)));
            }
        }
    }
    SurveySpans {
        name: span(SURVEY_FILE, 10),
        conforms: span(SURVEY_FILE, 20),
        languages: span(SURVEY_FILE, 30),
        channels: span(SURVEY_FILE, 40),
        agency_kind: span(SURVEY_FILE, 50),
        service_kind: span(SURVEY_FILE, 60),
        uses,
    }
}

/// The questions of a module written out in the survey (a migrated legacy questionnaire),
/// defined from `at` in the survey file.
pub fn reproduced(standard: &StandardSpec, module: &str, channels: &[Channel], at: usize) -> Vec<Question> {
    used(standard, module, channels)
        .into_iter()
        .enumerate()
        .map(|(i, mut q)| {
            q.module = None;
            q.span = span(SURVEY_FILE, at + i * 100);
            q
        })
        .collect()
}
