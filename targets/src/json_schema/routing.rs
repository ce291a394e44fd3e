//! Which answers must and must not be there: required answers, routing (`show if`),
//! channel-limited questions, specify texts only with their code, and every `check`.

use super::condition::condition;
use super::question::specify_dependency;
use rileva_compiler::ir;
use rileva_compiler::response::expr_text;
use serde_json::{json, Map, Value};

/// What the `answers` object must satisfy beyond each answer's own schema.
pub struct AnswerRules {
    /// Questions always asked and required.
    pub required: Vec<String>,
    /// `dependentSchemas`: a specify text requires its code.
    pub dependent: Map<String, Value>,
    /// Routing of questions asked on every channel, then the checks.
    pub all_of: Vec<Value>,
    /// Top-level entries for channel-limited questions (they read `channel`).
    pub top_all_of: Vec<Value>,
}

pub fn rules(survey: &ir::Survey) -> AnswerRules {
    let mut rules = AnswerRules {
        required: Vec::new(),
        dependent: Map::new(),
        all_of: Vec::new(),
        top_all_of: Vec::new(),
    };
    for q in &survey.questions {
        let limited = survey.channels.iter().any(|c| !q.channels.contains(c));
        match (&q.show_if, limited) {
            (None, false) if q.required => rules.required.push(q.id.clone()),
            (None, false) => {}
            (Some(show_if), false) => rules.all_of.push(routed(survey, q, show_if)),
            (_, true) => rules.top_all_of.push(channel_limited(survey, q)),
        }
        for code in q.specify_codes() {
            rules
                .dependent
                .insert(q.specify_key(code.value), specify_dependency(q, code.value));
        }
    }
    rules
        .all_of
        .extend(survey.checks.iter().map(|c| check(survey, c)));
    rules
}

/// Answered only when `show if` holds; then required, if it is.
fn routed(survey: &ir::Survey, q: &ir::Question, show_if: &ir::Expr) -> Value {
    let mut entry = Map::new();
    entry.insert(
        "$comment".into(),
        json!(format!("{} is asked only when {}", q.id, expr_text(show_if))),
    );
    entry.insert("if".into(), condition(survey, show_if));
    if q.required {
        entry.insert("then".into(), json!({"required": [q.id]}));
    }
    entry.insert("else".into(), json!({"not": {"required": [q.id]}}));
    Value::Object(entry)
}

/// At the top level: asked when the response's channel is one of the question's (and its
/// `show if` holds); then required, if it is; else absent.
fn channel_limited(survey: &ir::Survey, q: &ir::Question) -> Value {
    let channels: Vec<&str> = survey
        .channels
        .iter()
        .filter(|c| q.channels.contains(c))
        .map(|c| c.as_str())
        .collect();
    let mut when = vec![channels.join(" or ")];
    let mut asked = Map::new();
    asked.insert(
        "channel".into(),
        if channels.is_empty() {
            Value::Bool(false)
        } else {
            json!({"enum": channels})
        },
    );
    if let Some(show_if) = &q.show_if {
        when.push(format!("when {}", expr_text(show_if)));
        asked.insert("answers".into(), condition(survey, show_if));
    }
    let mut entry = Map::new();
    entry.insert(
        "$comment".into(),
        json!(format!("{} is asked only on {}", q.id, when.join(", "))),
    );
    entry.insert("if".into(), json!({"properties": asked}));
    if q.required {
        entry.insert(
            "then".into(),
            json!({"properties": {"answers": {"required": [q.id]}}}),
        );
    }
    entry.insert(
        "else".into(),
        json!({"properties": {"answers": {"not": {"required": [q.id]}}}}),
    );
    Value::Object(entry)
}

/// A `check`: its condition must hold; its message (default language) as the description.
fn check(survey: &ir::Survey, check: &ir::Check) -> Value {
    json!({
        "$comment": format!("check {}", expr_text(&check.condition)),
        "description": check.message.get(survey.default_language()),
        "allOf": [condition(survey, &check.condition)],
    })
}
