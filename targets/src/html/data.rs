//! HTML target: the data the page's script reads (survey metadata, each question's rules and
//! routing as the IR's own `Expr` JSON, checks, messages), built as a JSON value and made
//! safe to sit inside `<script type="application/json">`.

use super::i18n::Strings;
use super::question::Control;
use rileva_compiler::ir::{Question, QuestionKind, Survey};
use rileva_compiler::response::SPECIFY_MAX_CHARS;
use serde_json::{json, Map, Value};

/// Everything the script needs to route, validate and send one response.
pub fn form_data(survey: &Survey, questions: &[&Question], lang: &str, ui: &Strings, thanks: &str) -> Value {
    let mut data = json!({
        "survey": survey.id,
        "version": survey.version,
        "language": lang,
        "channel": "web",
        "specify_max_length": SPECIFY_MAX_CHARS,
        "questions": questions.iter().map(|q| question_data(q)).collect::<Vec<_>>(),
        "checks": survey.checks.iter().map(|c| json!({
            "condition": c.condition,
            "message": c.message.get(lang).trim(),
            "questions": c.condition.questions(),
        })).collect::<Vec<_>>(),
        "messages": {
            "required": ui.err_required,
            "max_length": ui.err_max_length,
            "number": ui.err_number,
            "min_picks": ui.err_min_picks,
            "min_one": ui.err_min_one,
            "max_picks": ui.err_max_picks,
            "max_one": ui.err_max_one,
            "summary": ui.error_summary,
            "sending": ui.sending,
            "resend": ui.resend,
            "send_failed": ui.send_failed,
            "send_unavailable": ui.send_unavailable,
            "send_rejected": ui.send_rejected,
            "send_refused": ui.send_refused,
            "send_conflict": ui.send_conflict,
            "thanks": thanks,
        },
    });
    // The survey's site ids, only when it lists sites: the script sends `?site=` of the
    // page's address as the response's `site` when it is one of them.
    if let (Value::Object(map), false) = (&mut data, survey.sites.is_empty()) {
        let ids: Vec<&str> = survey.sites.iter().map(|s| s.id.as_str()).collect();
        map.insert("sites".into(), json!(ids));
    }
    data
}

fn question_data(question: &Question) -> Value {
    let mut q = Map::new();
    q.insert("id".into(), json!(question.id));
    q.insert("control".into(), json!(answer_control(question.kind)));
    q.insert("required".into(), json!(question.required));
    q.insert("show_if".into(), json!(question.show_if));
    let missing: Vec<i64> = question
        .codes
        .iter()
        .filter(|c| c.missing)
        .map(|c| c.value)
        .collect();
    q.insert("missing".into(), json!(missing));
    let specify: Vec<i64> = question.specify_codes().map(|c| c.value).collect();
    q.insert("specify".into(), json!(specify));
    if let Some(range) = question.range {
        q.insert("min".into(), json!(range.min));
        q.insert("max".into(), json!(range.max));
    }
    if let Some(max) = question.max_length {
        q.insert("max_length".into(), json!(max));
    }
    if question.kind == QuestionKind::Multi {
        q.insert("min_picks".into(), json!(question.min_picks.unwrap_or(1)));
        q.insert("max_picks".into(), json!(question.max_picks));
    }
    Value::Object(q)
}

/// How the script reads an answer: the theme's look does not matter here.
fn answer_control(kind: QuestionKind) -> Control {
    match kind {
        QuestionKind::Multi => Control::Checkboxes,
        QuestionKind::Number => Control::Number,
        QuestionKind::Text => Control::Textarea,
        _ => Control::Radios,
    }
}

/// Serialise `value` for an inline `<script type="application/json">`: `<`, `>` and `&`
/// (and the JavaScript line separators) become `\u` escapes, which JSON reads back
/// unchanged, so no text of the survey can close the script element.
pub fn script_json(value: &Value) -> String {
    let text = value.to_string();
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_the_script_element() {
        let value = json!({"t": "</script><!-- & \u{2028}"});
        let safe = script_json(&value);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        let back: Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, value);
    }
}
