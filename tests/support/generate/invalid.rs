//! Invalid responses, each made by changing one thing in a valid one and tagged with the
//! reason a judge must give. Kinds a survey cannot have are skipped (no multi, no
//! too-many-picks).

use super::holds::holds;
use super::values::{self, Rng};
use super::Case;
use rileva_compiler::ir::{self, QuestionKind};
use rileva_compiler::response::Kind;
use serde_json::{json, Map, Value};

/// The answers of a generated (valid) response.
fn answers(response: &Value) -> &Map<String, Value> {
    response["answers"]
        .as_object()
        .expect("generated responses have answers")
}

fn answers_mut(response: &mut Value) -> &mut Map<String, Value> {
    response["answers"]
        .as_object_mut()
        .expect("generated responses have answers")
}

/// The first valid response, looking from `start` on, for which `fits` holds.
fn base(valid: &[Value], start: usize, fits: impl Fn(&Value) -> bool) -> Option<&Value> {
    let n = valid.len();
    (0..n).map(|i| &valid[(start + i) % n]).find(|r| fits(r))
}

/// A copy of `base` with `change` applied, expected to be rejected for `kind`.
fn case(label: String, base: &Value, kind: Kind, change: impl FnOnce(&mut Value)) -> Case {
    let mut response = base.clone();
    change(&mut response);
    Case::reject(label, response, kind)
}

/// Every question-level and metadata-level invalid response for `survey`.
pub fn invalid(survey: &ir::Survey, valid: &[Value]) -> Vec<Case> {
    let mut out = Vec::new();
    if valid.is_empty() {
        return out;
    }
    for (i, q) in survey.questions.iter().enumerate() {
        if let Some(b) = base(valid, i, |r| answers(r).contains_key(&q.id)) {
            out.extend(bad_values(q, b));
            if q.required {
                let label = format!("{}: required, removed", q.id);
                out.push(case(label, b, Kind::MissingRequired, |r| {
                    let a = answers_mut(r);
                    a.remove(&q.id);
                    for code in q.specify_codes() {
                        a.remove(&q.specify_key(code.value));
                    }
                }));
            }
        }
        out.extend(not_asked(survey, q, valid, i));
        out.extend(specify(q, valid, i));
    }
    out.extend(metadata(survey, &valid[0]));
    out
}

/// Answers outside the question's domain, or of the wrong type.
fn bad_values(q: &ir::Question, b: &Value) -> Vec<Case> {
    let id = q.id.as_str();
    let set = |value: Value| move |r: &mut Value| drop(answers_mut(r).insert(id.to_owned(), value));
    let label = |what: &str| format!("{id}: {what}");
    let mut out = Vec::new();
    match q.kind {
        QuestionKind::Multi => {
            let codes: Vec<i64> = q.codes.iter().map(|c| c.value).collect();
            let (min, max) = (values::min_picks(q), values::max_picks(q));
            out.push(case(
                label("not a code"),
                b,
                Kind::NotACode,
                set(json!([values::not_a_code(q)])),
            ));
            out.push(case(
                label("not an array"),
                b,
                Kind::WrongType,
                set(json!(codes[0])),
            ));
            out.push(case(label("no pick"), b, Kind::TooFewPicks, set(json!([]))));
            out.push(case(
                label("a pick twice"),
                b,
                Kind::DuplicatePick,
                set(json!([codes[0], codes[0]])),
            ));
            if min > 1 {
                out.push(case(
                    label("too few"),
                    b,
                    Kind::TooFewPicks,
                    set(json!(codes[..min - 1])),
                ));
            }
            if codes.len() > max {
                out.push(case(
                    label("too many"),
                    b,
                    Kind::TooManyPicks,
                    set(json!(codes[..=max])),
                ));
            }
        }
        QuestionKind::Number => {
            let r = values::range(q);
            if let Some(above) = r.max.checked_add(1) {
                out.push(case(label("above range"), b, Kind::OutOfRange, set(json!(above))));
            }
            if let Some(below) = r.min.checked_sub(1) {
                out.push(case(label("below range"), b, Kind::OutOfRange, set(json!(below))));
            }
            out.push(case(
                label("a fraction"),
                b,
                Kind::WrongType,
                set(json!(r.min as f64 + 0.5)),
            ));
            out.push(case(
                label("a string"),
                b,
                Kind::WrongType,
                set(json!(r.min.to_string())),
            ));
        }
        QuestionKind::Text => {
            let max = q.max_length.unwrap_or(500);
            let long = values::text_of_length(max + 1);
            out.push(case(
                label("one character too long"),
                b,
                Kind::TooLong,
                set(json!(long)),
            ));
            out.push(case(label("empty"), b, Kind::EmptyText, set(json!(""))));
            out.push(case(label("U+0000"), b, Kind::NulInText, set(json!("a\u{0}b"))));
            out.push(case(label("a number"), b, Kind::WrongType, set(json!(42))));
        }
        _ => {
            let code = q.codes[0].value;
            out.push(case(
                label("not a code"),
                b,
                Kind::NotACode,
                set(json!(values::not_a_code(q))),
            ));
            out.push(case(
                label("a string"),
                b,
                Kind::WrongType,
                set(json!(code.to_string())),
            ));
            out.push(case(label("null"), b, Kind::WrongType, set(Value::Null)));
            out.push(case(label("a boolean"), b, Kind::WrongType, set(json!(true))));
            // 2.0 is the integer 2 for JSON Schema, so for every judge
            let mut same = b.clone();
            let answer = answers(b)[id].as_i64().unwrap_or(code);
            answers_mut(&mut same).insert(id.to_owned(), json!(answer as f64));
            out.push(Case::accept(label("the code as 2.0"), same));
        }
    }
    out
}

/// Answers to a question where it is not asked: its `show if` fails, or another channel.
fn not_asked(survey: &ir::Survey, q: &ir::Question, valid: &[Value], start: usize) -> Vec<Case> {
    let mut rng = Rng::new(start as u64);
    let value = values::answer(q, &mut rng);
    let on_channel = |r: &Value| q.channels.iter().any(|c| r["channel"] == c.as_str());
    let mut out = Vec::new();
    if let Some(show_if) = &q.show_if {
        let hidden = |r: &Value| on_channel(r) && !holds(survey, show_if, answers(r));
        if let Some(b) = base(valid, start, hidden) {
            let label = format!("{}: answered though hidden", q.id);
            out.push(case(label, b, Kind::AnsweredHidden, |r| {
                answers_mut(r).insert(q.id.clone(), value.clone());
            }));
        }
    }
    if let Some(b) = base(valid, start, |r| !on_channel(r)) {
        let label = format!("{}: answered on another channel", q.id);
        out.push(case(label, b, Kind::AnsweredOffChannel, |r| {
            answers_mut(r).insert(q.id.clone(), value);
        }));
    }
    out
}

/// Specify texts without their code, too long or empty.
fn specify(q: &ir::Question, valid: &[Value], start: usize) -> Vec<Case> {
    let mut out = Vec::new();
    for code in q.specify_codes() {
        let key = q.specify_key(code.value);
        let picked = |r: &Value| {
            let a = &answers(r).get(&q.id);
            a.and_then(Value::as_i64) == Some(code.value)
                || a.and_then(Value::as_array)
                    .is_some_and(|p| p.contains(&json!(code.value)))
        };
        let answered_without = |r: &Value| answers(r).contains_key(&q.id) && !picked(r);
        if let Some(b) = base(valid, start, answered_without).or_else(|| base(valid, start, |r| !picked(r))) {
            out.push(case(
                format!("{key}: code not picked"),
                b,
                Kind::SpecifyWithoutCode,
                |r| {
                    answers_mut(r).insert(key.clone(), json!(values::text(3, 500)));
                },
            ));
        }
        if let Some(b) = base(valid, start, picked) {
            let long = values::text_of_length(rileva_compiler::response::SPECIFY_MAX_CHARS + 1);
            out.push(case(format!("{key}: too long"), b, Kind::TooLong, |r| {
                answers_mut(r).insert(key.clone(), json!(long));
            }));
            out.push(case(format!("{key}: empty"), b, Kind::EmptyText, |r| {
                answers_mut(r).insert(key.clone(), json!(""));
            }));
        }
    }
    out
}

/// `site`: in a survey with sites, a value that is none of them (another id, a label, a
/// capitalised id, an empty string, a number, null); in a survey without sites, any `site`.
fn sites(survey: &ir::Survey, b: &Value) -> Vec<Case> {
    let set = |value: Value| move |r: &mut Value| r["site"] = value;
    let Some(first) = survey.sites.first() else {
        return vec![case(
            "site in a survey without sites".into(),
            b,
            Kind::UnknownKey,
            set(json!("centro")),
        )];
    };
    let label = first.label.get(survey.default_language()).to_owned();
    [
        json!("altrove"),
        json!(label),
        json!(first.id.to_uppercase()),
        json!(""),
        json!(1),
        Value::Null,
    ]
    .into_iter()
    .map(|bad| case(format!("site {bad}"), b, Kind::UnknownSite, set(bad)))
    .collect()
}

/// Wrong metadata, unknown keys, and responses that are not objects.
fn metadata(survey: &ir::Survey, b: &Value) -> Vec<Case> {
    let set = |key: &'static str, value: Value| move |r: &mut Value| r[key] = value;
    let mut out = vec![
        case("unknown answer key".into(), b, Kind::UnknownKey, |r| {
            answers_mut(r).insert("zz_sconosciuta".into(), json!(1));
        }),
        case(
            "unknown top-level key".into(),
            b,
            Kind::UnknownKey,
            set("response_id", json!(1)),
        ),
        case(
            "another survey".into(),
            b,
            Kind::WrongSurvey,
            set("survey", json!("altro.questionario")),
        ),
        case(
            "another version".into(),
            b,
            Kind::WrongVersion,
            set("version", json!("0.0.1")),
        ),
        case(
            "an unknown language".into(),
            b,
            Kind::UnknownLanguage,
            set("language", json!("xx")),
        ),
        case(
            "an unknown channel".into(),
            b,
            Kind::UnknownChannel,
            set("channel", json!("fax")),
        ),
        case(
            "answers not an object".into(),
            b,
            Kind::WrongType,
            set("answers", json!([])),
        ),
    ];
    if let Some(lang) = ["it", "en", "de", "fr", "sl"]
        .iter()
        .find(|l| !survey.languages.iter().any(|s| s == *l))
    {
        out.push(case(
            format!("language {lang}"),
            b,
            Kind::UnknownLanguage,
            set("language", json!(lang)),
        ));
    }
    if let Some(c) = ir::Channel::ALL.iter().find(|c| !survey.channels.contains(c)) {
        out.push(case(
            format!("channel {}", c.as_str()),
            b,
            Kind::UnknownChannel,
            set("channel", json!(c.as_str())),
        ));
    }
    out.extend(sites(survey, b));
    for bad in values::BAD_TIMESTAMPS {
        out.push(case(
            format!("submitted_at {bad:?}"),
            b,
            Kind::BadTimestamp,
            set("submitted_at", json!(bad)),
        ));
    }
    for key in rileva_compiler::response::METADATA_KEYS {
        out.push(case(format!("no {key}"), b, Kind::MissingField, |r| {
            r.as_object_mut().expect("an object").remove(key);
        }));
    }
    for not_object in [json!([]), json!("risposta"), json!(42), Value::Null] {
        out.push(Case::reject(
            format!("{not_object} as a response"),
            not_object,
            Kind::NotAnObject,
        ));
    }
    out
}
