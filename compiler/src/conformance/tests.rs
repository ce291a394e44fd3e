//! Conformance stage tests: each rule fires on a hand-built survey with the right message and
//! labels, and stays silent on a conforming one.

use super::testing::*;
use super::{check_conformance, StandardSpec};
use crate::diagnostics::{Code, Diagnostic};
use crate::ir::{Channel, CmpOp, Expr, QuestionKind, Survey};

fn run(survey: &Survey, standard: &StandardSpec) -> Vec<Diagnostic> {
    check_conformance(survey, &survey_spans(survey), standard)
}

fn codes(diagnostics: &[Diagnostic]) -> Vec<Code> {
    diagnostics.iter().map(|d| d.code).collect()
}

fn messages(diagnostics: &[Diagnostic]) -> Vec<&str> {
    diagnostics.iter().map(|d| d.message.as_str()).collect()
}

/// A survey that reproduces `core` and `servizio_online` instead of using them.
fn legacy(standard: &StandardSpec) -> Survey {
    let mut survey = conforming_survey(standard);
    let mut questions = reproduced(standard, "core", &[Channel::Web], 1000);
    questions.extend(reproduced(standard, "servizio_online", &[Channel::Web], 2000));
    questions.push(extra("documenti", 0));
    survey.questions = questions;
    survey
}

#[test]
fn conforming_surveys_pass() {
    let standard = istat_cx();
    assert_eq!(run(&conforming_survey(&standard), &standard), vec![]);
    assert_eq!(
        run(&legacy(&standard), &standard),
        vec![],
        "an exact reproduction conforms"
    );
    let mut with_optional = conforming_survey(&standard);
    with_optional
        .questions
        .extend(used(&standard, "approfondimento", &[Channel::Web]));
    assert_eq!(
        run(&with_optional, &standard),
        vec![],
        "allowed modules are not extra"
    );
}

#[test]
fn r0401_missing_module() {
    let standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    survey
        .questions
        .retain(|q| q.module.as_deref() != Some("istat.cx.servizio_online"));
    let found = run(&survey, &standard);
    assert_eq!(codes(&found), vec![Code::R0401]);
    let d = &found[0];
    assert_eq!(
        d.message,
        "required module `istat.cx.servizio_online` is missing: profile `istanza_online` of istat.cx 2024.1 requires it"
    );
    assert_eq!(d.primary.span, survey_spans(&survey).conforms);
    let profile = standard.profile("istanza_online").map(|p| p.require_span);
    assert_eq!(d.secondary[0].span, profile.unwrap_or_default());
    assert_eq!(
        d.secondary[0].message,
        "required by profile `istanza_online` here"
    );
    assert_eq!(
        d.help.as_deref(),
        Some("add `use istat.cx.servizio_online` before any other question, in the order core and servizio_online")
    );
}

#[test]
fn r0401_modules_out_of_order() {
    let standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    survey.questions = used(&standard, "servizio_online", &[Channel::Web]);
    survey.questions.extend(used(&standard, "core", &[Channel::Web]));
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec![
            "required module `istat.cx.servizio_online` comes before `istat.cx.core`: profile \
             `istanza_online` requires `core` and `servizio_online` in this order"
        ]
    );
    let spans = survey_spans(&survey);
    assert_eq!(
        found[0].primary.span, spans.uses[0].1,
        "points at `use istat.cx.servizio_online`"
    );
}

#[test]
fn r0401_incomplete_and_reordered_reproduction() {
    let standard = istat_cx();
    let mut survey = legacy(&standard);
    survey.questions.retain(|q| q.id != "motivi");
    survey.questions.swap(0, 1);
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec![
            "required module `istat.cx.core` is incomplete: question `motivi` is missing",
            "the questions of required module `istat.cx.core` are out of order: `facilita` comes after `soddisfazione`",
        ]
    );
    assert!(found.iter().all(|d| d.code == Code::R0401));
    assert_eq!(found[1].primary.span, survey.questions[1].span);
}

#[test]
fn r0401_optional_module_before_required() {
    let standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    let optional = used(&standard, "approfondimento", &[Channel::Web]);
    survey.questions.splice(3..3, optional);
    let found = run(&survey, &standard);
    assert_eq!(codes(&found), vec![Code::R0401]);
    assert!(found[0]
        .message
        .starts_with("optional module `istat.cx.approfondimento` comes before"));
}

#[test]
fn r0402_reproduction_altered() {
    let standard = istat_cx();
    let mut survey = legacy(&standard);
    let facilita = &mut survey.questions[0];
    facilita
        .wording
        .0
        .insert("it".into(), "Quanto è stato semplice usare il servizio?".into());
    facilita
        .wording
        .0
        .insert("de".into(), "Wie einfach war es?".into());
    facilita.required = false;
    facilita.codes.retain(|c| c.value != 9);
    let motivi = &mut survey.questions[2];
    motivi.show_if = Some(Expr::Compare {
        question: "soddisfazione".into(),
        cmp: CmpOp::Le,
        value: 3,
    });
    motivi.codes[0]
        .label
        .0
        .insert("it".into(), "Informazioni confuse".into());
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec![
            "locked question `facilita` of `istat.cx.core` altered: wording in `it` changed from \
             «Quanto è stato facile usare il servizio?» to «Quanto è stato semplice usare il servizio?»",
            "locked question `facilita` of `istat.cx.core` altered: `required` dropped",
            "locked question `facilita` of `istat.cx.core` altered: code 9 removed",
            "locked question `motivi` of `istat.cx.core` altered: routing changed from \
             `show if soddisfazione <= 2` to `show if soddisfazione <= 3`",
            "locked question `motivi` of `istat.cx.core` altered: label of code 1 in `it` changed from \
             «Informazioni poco chiare» to «Informazioni confuse»",
        ]
    );
    let d = &found[0];
    assert_eq!((d.code, d.primary.span), (Code::R0402, survey.questions[0].span));
    assert_eq!(d.secondary[0].span, standard.modules[0].1[0].span);
    assert_eq!(
        d.secondary[0].message,
        "locked in `istat.cx.core` of istat.cx 2024.1 here"
    );
}

#[test]
fn r0402_unlocked_required_question_reproduced_is_compared() {
    let standard = istat_cx();
    let mut survey = legacy(&standard);
    let tempo = &mut survey.questions[3];
    tempo.kind = QuestionKind::Multi;
    tempo.channels = vec![];
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec!["question of required module `tempo` of `istat.cx.servizio_online` altered: type changed from `choice` to `multi`"]
    );
}

#[test]
fn r0402_renamed_question_is_found_in_place() {
    let standard = istat_cx();
    let mut survey = legacy(&standard);
    survey.questions[1].id = "soddisfazione_generale".into();
    survey.questions[2].show_if = Some(Expr::Compare {
        question: "soddisfazione_generale".into(),
        cmp: CmpOp::Le,
        value: 2,
    });
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec![
            "locked question `soddisfazione` of `istat.cx.core` altered: id changed from `soddisfazione` \
             to `soddisfazione_generale`"
        ]
    );
}

#[test]
fn r0402_translations_in_other_languages_are_free() {
    let standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    survey.languages.push("de".into());
    for q in &mut survey.questions {
        q.wording.0.insert("de".into(), "Übersetzung".into());
        q.wording.0.insert("en".into(), "A better English wording".into());
    }
    assert_eq!(run(&survey, &standard), vec![]);
}

#[test]
fn r0402_used_question_overridden_in_the_standard_language() {
    let standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    survey.questions[1]
        .wording
        .0
        .insert("it".into(), "Soddisfatto?".into());
    let found = run(&survey, &standard);
    assert_eq!(codes(&found), vec![Code::R0402]);
    let spans = survey_spans(&survey);
    assert_eq!(
        found[0].primary.span, spans.uses[0].1,
        "a used question points at its `use`"
    );
}

#[test]
fn r0403_too_many_extra_questions() {
    let standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    survey.questions.push(extra("commento", 1));
    survey.questions.push(extra("recapito", 2));
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec!["3 extra questions, but profile `istanza_online` of istat.cx 2024.1 allows at most 2"]
    );
    let d = &found[0];
    assert_eq!(
        d.primary.span, survey.questions[7].span,
        "points at the first question over the limit"
    );
    assert_eq!(d.primary.message, "extra question 3 of 3");
    assert_eq!(d.secondary[0].message, "`extra max 2` here");
    assert_eq!(
        d.help.as_deref(),
        Some("the extra questions are `documenti`, `commento` and `recapito`; remove 1")
    );
}

#[test]
fn r0403_questions_of_other_modules_count_as_extra() {
    let mut standard = istat_cx();
    for p in &mut standard.profiles {
        p.extra_max = None;
    }
    let mut survey = conforming_survey(&standard);
    survey.questions.retain(|q| q.id != "documenti");
    let mut other = extra("ufficio", 0);
    other.module = Some("inps.moduli.ufficio".into());
    survey.questions.push(other);
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec!["1 extra question, but profile `istanza_online` of istat.cx 2024.1 allows no extra question"]
    );
    let help = found[0].help.as_deref().unwrap_or_default();
    assert!(
        help.contains("`inps.moduli.ufficio` is not required or allowed by the profile"),
        "{help}"
    );
}

#[test]
fn r0403_extra_question_before_required_modules() {
    let standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    let documenti = survey.questions.remove(5);
    survey.questions.insert(3, documenti);
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec!["extra question `documenti` comes before required module `istat.cx.servizio_online`"]
    );
    assert_eq!(found[0].code, Code::R0403);
}

#[test]
fn r0403_module_used_before_required_is_reported_once() {
    let standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    let mut other = vec![extra("ufficio", 0), extra("sportello", 1)];
    for q in &mut other {
        q.module = Some("inps.moduli.ufficio".into());
    }
    survey.questions.retain(|q| q.id != "documenti");
    survey.questions.splice(3..3, other);
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec![
            "module `inps.moduli.ufficio`, extra to profile `istanza_online`, comes before required module \
             `istat.cx.servizio_online`"
        ]
    );
    assert_eq!(
        found[0].primary.span,
        survey_spans(&survey).uses[1].1,
        "at its `use` line"
    );
}

#[test]
fn r0301_standard_language_not_offered() {
    let mut standard = istat_cx();
    standard.languages.push("de".into());
    let survey = conforming_survey(&standard);
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec!["the survey does not offer the language `de` of istat.cx 2024.1, to which it conforms"]
    );
    assert_eq!(found[0].code, Code::R0301);
    assert_eq!(found[0].primary.span, survey_spans(&survey).languages);
    assert_eq!(found[0].secondary[0].span, standard.languages_span);
    assert_eq!(
        found[0].help.as_deref(),
        Some("write `languages it en de` and translate every text")
    );
}

#[test]
fn r0404_personal_question_in_anonymous_standard() {
    let mut standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    survey.questions[5].personal = true;
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec!["question `documenti` collects personal data, but istat.cx 2024.1 is anonymous"]
    );
    assert_eq!(found[0].secondary[0].span, standard.anonymous_span);
    standard.anonymous = false;
    assert_eq!(
        run(&survey, &standard),
        vec![],
        "allowed when the standard is not anonymous"
    );
}

#[test]
fn r0405_service_kind_not_covered() {
    let standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    if let Some(service) = &mut survey.service {
        service.kind = Some("informativo".into());
    }
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec!["service kind `informativo` is not covered by profile `istanza_online` of istat.cx 2024.1"]
    );
    assert_eq!(found[0].primary.span, survey_spans(&survey).service_kind);
    assert_eq!(
        found[0].help.as_deref(),
        Some("profile `informativo` covers `informativo`: write `conforms istat.cx 2024.1 profile informativo`, or correct the kind")
    );
}

#[test]
fn r0405_missing_service_and_pa_kind() {
    let mut standard = istat_cx();
    for p in &mut standard.profiles {
        p.pa_kinds = Some(vec!["comune".into()]);
    }
    let mut survey = conforming_survey(&standard);
    survey.service = None;
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec![
            "the survey names no service kind, but profile `istanza_online` of istat.cx 2024.1 is defined per service kind",
            "PA kind `ente_previdenziale` is not covered by profile `istanza_online` of istat.cx 2024.1",
        ]
    );
    assert_eq!(
        found[0].help.as_deref(),
        Some("add `service \"...\" kind istanza_online` to the survey's header")
    );
}

#[test]
fn r0407_channel_not_allowed() {
    let standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    survey.channels = vec![Channel::Web, Channel::Phone];
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec!["channel `phone` is not allowed by istat.cx 2024.1, which allows web app kiosk"]
    );
    assert_eq!(found[0].primary.span, survey_spans(&survey).channels);
    assert_eq!(found[0].secondary[0].span, standard.channels_span);
}

#[test]
fn r0408_estimate_above_the_limit() {
    let mut standard = istat_cx();
    standard.max_minutes = Some(1);
    let mut survey = conforming_survey(&standard);
    let mut commento = extra("commento", 1);
    commento.kind = crate::ir::QuestionKind::Text;
    commento.codes.clear();
    commento.wording = text(&[("it", "Vuole aggiungere qualcosa?")]);
    survey.questions.push(commento);
    // 81 words (27 s) + 6 closed answers (18 s) + 1 free text (30 s) = 75 s.
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec!["estimated 1 min 15 s, above the 1 min limit of istat.cx 2024.1"]
    );
    assert_eq!(found[0].primary.span, survey_spans(&survey).conforms);
    assert_eq!(found[0].secondary[0].span, standard.max_minutes_span);
    let help = found[0].help.as_deref().unwrap_or_default();
    assert!(
        help.starts_with(
            "cut 15 s or more: the costliest questions are `commento` 31 s, `soddisfazione` 10 s, `facilita` 10 s;"
        ),
        "{help}"
    );
    standard.max_minutes = Some(2);
    assert_eq!(run(&survey, &standard), vec![]);
}

#[test]
fn unknown_profile_runs_only_profile_free_rules() {
    let standard = istat_cx();
    let mut survey = conforming_survey(&standard);
    survey.questions.clear();
    if let Some(c) = &mut survey.conforms {
        c.profile = "nessuno".into();
    }
    assert_eq!(
        run(&survey, &standard),
        vec![],
        "R0406 is the caller's; no R0401 without a profile"
    );
}

#[test]
fn r0402_positive_codes_are_part_of_a_locked_question() {
    let mut standard = istat_cx();
    for (_, questions) in &mut standard.modules {
        for q in questions.iter_mut().filter(|q| q.id == "soddisfazione") {
            q.positive_codes = vec![3, 4, 5];
        }
    }
    let mut survey = legacy(&standard);
    assert_eq!(run(&survey, &standard), vec![], "the same positive codes conform");
    let soddisfazione = survey
        .questions
        .iter_mut()
        .find(|q| q.id == "soddisfazione")
        .expect("soddisfazione");
    soddisfazione.positive_codes = vec![4, 5];
    let found = run(&survey, &standard);
    assert_eq!(
        messages(&found),
        vec!["locked question `soddisfazione` of `istat.cx.core` altered: positive codes changed from 3 4 5 to 4 5"]
    );
}
