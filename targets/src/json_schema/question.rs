//! The schema of one answer: a code (with its labels), a set of codes, a number, a text,
//! and the specify texts that go with some codes.

use rileva_compiler::ir::{self, QuestionKind};
use rileva_compiler::response::{DEFAULT_TEXT_MAX_CHARS, SPECIFY_MAX_CHARS};
use serde_json::{json, Map, Value};

/// The `answers` property of `q`: title (wording) and description (help) in the default
/// language, then what its answer may be.
pub fn answer(survey: &ir::Survey, q: &ir::Question) -> Value {
    let lang = survey.default_language();
    let mut schema = Map::new();
    schema.insert("title".into(), json!(q.wording.get(lang)));
    if let Some(help) = &q.help {
        schema.insert("description".into(), json!(help.get(lang)));
    }
    match q.kind {
        QuestionKind::Multi => {
            schema.insert("type".into(), json!("array"));
            schema.insert("items".into(), codes(survey, q));
            schema.insert("uniqueItems".into(), json!(true));
            schema.insert("minItems".into(), json!(q.min_picks.unwrap_or(1).max(1)));
            if let Some(max) = q.max_picks {
                schema.insert("maxItems".into(), json!(max));
            }
        }
        QuestionKind::Number => {
            let range = q.range.unwrap_or(ir::Range {
                min: i64::MIN,
                max: i64::MAX,
            });
            schema.insert("type".into(), json!("integer"));
            schema.insert("minimum".into(), json!(range.min));
            schema.insert("maximum".into(), json!(range.max));
        }
        QuestionKind::Text => {
            insert_text(&mut schema, q.max_length.unwrap_or(DEFAULT_TEXT_MAX_CHARS));
        }
        _ => {
            schema.insert("type".into(), json!("integer"));
            schema.extend(codes(survey, q).as_object().cloned().unwrap_or_default());
        }
    }
    Value::Object(schema)
}

/// `{"oneOf": [{"const": 1, "title": label, "description": other languages}...]}`: the
/// codes, each titled in the default language; its description gives the labels in the
/// other languages (`en: Very satisfied; de: Sehr zufrieden`) and says when it is a
/// missing code or opens a specify text.
fn codes(survey: &ir::Survey, q: &ir::Question) -> Value {
    let lang = survey.default_language();
    let one_of: Vec<Value> = q
        .codes
        .iter()
        .map(|code| {
            let mut c = Map::new();
            c.insert("const".into(), json!(code.value));
            c.insert("title".into(), json!(code.label.get(lang)));
            let description = code_description(survey, q, code);
            if !description.is_empty() {
                c.insert("description".into(), json!(description));
            }
            Value::Object(c)
        })
        .collect();
    json!({"oneOf": one_of})
}

fn code_description(survey: &ir::Survey, q: &ir::Question, code: &ir::Code) -> String {
    let mut parts: Vec<String> = Vec::new();
    if code.missing {
        parts.push("missing code".into());
    }
    if code.specify {
        parts.push(format!("opens the text {}", q.specify_key(code.value)));
    }
    let labels: Vec<String> = survey
        .languages
        .iter()
        .skip(1)
        .map(|l| format!("{l}: {}", code.label.get(l)))
        .collect();
    if !labels.is_empty() {
        parts.push(labels.join("; "));
    }
    parts.join(". ")
}

/// The specify texts of `q`, keyed `motivi_99_text`, each titled with its code's label.
pub fn specify_texts(survey: &ir::Survey, q: &ir::Question) -> Vec<(String, Value)> {
    let lang = survey.default_language();
    q.specify_codes()
        .map(|code| {
            let mut schema = Map::new();
            schema.insert(
                "title".into(),
                json!(format!("{}: {}", q.wording.get(lang), code.label.get(lang))),
            );
            insert_text(&mut schema, SPECIFY_MAX_CHARS);
            (q.specify_key(code.value), Value::Object(schema))
        })
        .collect()
}

/// A non-empty text of at most `max` characters, without U+0000 (PostgreSQL cannot store it).
fn insert_text(schema: &mut Map<String, Value>, max: u32) {
    schema.insert("type".into(), json!("string"));
    schema.insert("minLength".into(), json!(1));
    schema.insert("maxLength".into(), json!(max));
    schema.insert("pattern".into(), json!(NO_NUL));
}

/// Any text without U+0000 (ECMA-262 syntax).
pub const NO_NUL: &str = "^[^\\u0000]*$";

/// When a specify text is present, its code is picked.
pub fn specify_dependency(q: &ir::Question, code: i64) -> Value {
    let picked = if q.kind == QuestionKind::Multi {
        json!({"type": "array", "contains": {"const": code}})
    } else {
        json!({"const": code})
    };
    json!({"required": [q.id], "properties": {q.id.clone(): picked}})
}
