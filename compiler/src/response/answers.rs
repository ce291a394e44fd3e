//! A response's answers: unknown keys, which questions are asked (channel and `show if`),
//! each answer's value, specify texts, and the survey's `check`s.

use super::metadata::shown;
use super::text::{expr_text, list};
use super::{eval, integer, json_type, Kind, Rejection, DEFAULT_TEXT_MAX_CHARS, SPECIFY_MAX_CHARS};
use crate::diagnostics::closest;
use crate::ir::{self, Question, QuestionKind};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

pub(super) fn check(
    survey: &ir::Survey,
    channel: Option<ir::Channel>,
    answers: &Map<String, Value>,
    out: &mut Vec<Rejection>,
) {
    unknown_keys(survey, answers, out);
    for q in &survey.questions {
        presence(survey, q, channel, answers, out);
        if let Some(value) = answers.get(&q.id) {
            match q.kind {
                QuestionKind::Multi => multi(q, value, out),
                QuestionKind::Number => number(q, value, out),
                QuestionKind::Text => text(&q.id, value, q.max_length.unwrap_or(DEFAULT_TEXT_MAX_CHARS), out),
                _ => single_code(q, value, out),
            }
        }
        specify(q, answers, out);
    }
    for check in &survey.checks {
        if !eval(survey, &check.condition, answers) {
            out.push(Rejection::new(
                Kind::CheckFailed,
                None,
                format!(
                    "check `{}` does not hold: \"{}\"",
                    expr_text(&check.condition),
                    check.message.get(survey.default_language())
                ),
            ));
        }
    }
}

/// Keys that are neither a question id nor a specify key, looked up in the survey's index
/// (built once per survey); the list of known keys is made only when one is unknown, for
/// the hint, and once for all the unknown keys of the response.
fn unknown_keys(survey: &ir::Survey, answers: &Map<String, Value>, out: &mut Vec<Rejection>) {
    let mut known: Option<BTreeSet<String>> = None;
    for key in answers.keys().filter(|k| !survey.is_answer_key(k)) {
        let known = known.get_or_insert_with(|| {
            let mut known: BTreeSet<String> = survey.questions.iter().map(|q| q.id.clone()).collect();
            for q in &survey.questions {
                known.extend(q.specify_codes().map(|c| q.specify_key(c.value)));
            }
            known
        });
        let hint = closest(key, known.iter().map(String::as_str))
            .map(|c| format!("; did you mean `{c}`?"))
            .unwrap_or_default();
        out.push(Rejection::new(
            Kind::UnknownKey,
            Some(key),
            format!("`{key}` is not a question of this survey{hint}"),
        ));
    }
}

/// Answered when asked only: not on another channel, not when `show if` fails; and, when
/// required and asked, answered.
fn presence(
    survey: &ir::Survey,
    q: &Question,
    channel: Option<ir::Channel>,
    answers: &Map<String, Value>,
    out: &mut Vec<Rejection>,
) {
    let on_channel = match channel {
        Some(c) => Some(q.channels.contains(&c)),
        None if survey.channels.iter().all(|c| q.channels.contains(c)) => Some(true),
        None => None,
    };
    let shown = q.show_if.as_ref().map_or(true, |e| eval(survey, e, answers));
    let answered = answers.contains_key(&q.id);
    let key = Some(q.id.as_str());
    match (on_channel, answered) {
        (Some(false), true) => {
            let only: Vec<&str> = q.channels.iter().map(|c| c.as_str()).collect();
            let on = channel.map_or("", |c| c.as_str());
            out.push(Rejection::new(
                Kind::AnsweredOffChannel,
                key,
                format!(
                    "`{}` is answered, but it is not asked on channel {on} (only {})",
                    q.id,
                    only.join(", ")
                ),
            ));
        }
        (_, true) if !shown => {
            let condition = q.show_if.as_ref().map(expr_text).unwrap_or_default();
            out.push(Rejection::new(
                Kind::AnsweredHidden,
                key,
                format!(
                    "`{}` is answered, but its condition `{condition}` does not hold",
                    q.id
                ),
            ));
        }
        (Some(true), false) if shown && q.required => out.push(Rejection::new(
            Kind::MissingRequired,
            key,
            format!("`{}` is required and asked, but not answered", q.id),
        )),
        _ => {}
    }
}

fn single_code(q: &Question, value: &Value, out: &mut Vec<Rejection>) {
    match integer(value) {
        None => out.push(wrong_type(&q.id, value, "a code (a whole number)")),
        Some(x) if !q.codes.iter().any(|c| i128::from(c.value) == x) => out.push(not_a_code(q, value)),
        Some(_) => {}
    }
}

fn multi(q: &Question, value: &Value, out: &mut Vec<Rejection>) {
    let Value::Array(items) = value else {
        out.push(wrong_type(&q.id, value, "an array of codes"));
        return;
    };
    let mut seen = BTreeSet::new();
    let mut repeated = BTreeSet::new();
    for item in items {
        match integer(item) {
            None => out.push(wrong_type(&q.id, item, "a code (a whole number)")),
            Some(x) if !q.codes.iter().any(|c| i128::from(c.value) == x) => out.push(not_a_code(q, item)),
            Some(x) if !seen.insert(x) && repeated.insert(x) => out.push(Rejection::new(
                Kind::DuplicatePick,
                Some(&q.id),
                format!("`{}` picks {x} more than once", q.id),
            )),
            Some(_) => {}
        }
    }
    let min = q.min_picks.unwrap_or(1).max(1) as usize;
    if items.len() < min {
        out.push(Rejection::new(
            Kind::TooFewPicks,
            Some(&q.id),
            format!("`{}` picks {} option(s), at least {min}", q.id, items.len()),
        ));
    }
    if let Some(max) = q.max_picks.filter(|m| items.len() > *m as usize) {
        out.push(Rejection::new(
            Kind::TooManyPicks,
            Some(&q.id),
            format!("`{}` picks {} options, at most {max}", q.id, items.len()),
        ));
    }
}

fn number(q: &Question, value: &Value, out: &mut Vec<Rejection>) {
    let range = q.range.unwrap_or(ir::Range {
        min: i64::MIN,
        max: i64::MAX,
    });
    match integer(value) {
        None => out.push(wrong_type(&q.id, value, "a whole number")),
        Some(x) if x < i128::from(range.min) || x > i128::from(range.max) => out.push(Rejection::new(
            Kind::OutOfRange,
            Some(&q.id),
            format!(
                "`{}` is {}, outside {}..{}",
                q.id,
                shown(value),
                range.min,
                range.max
            ),
        )),
        Some(_) => {}
    }
}

fn text(key: &str, value: &Value, max: u32, out: &mut Vec<Rejection>) {
    let Value::String(s) = value else {
        out.push(wrong_type(key, value, "a text"));
        return;
    };
    let length = s.chars().count();
    if length == 0 {
        out.push(Rejection::new(
            Kind::EmptyText,
            Some(key),
            format!("`{key}` is an empty text: leave an unanswered question out instead"),
        ));
    } else if length > max as usize {
        out.push(Rejection::new(
            Kind::TooLong,
            Some(key),
            format!("`{key}` has {length} characters, at most {max}"),
        ));
    }
    if s.contains('\0') {
        out.push(Rejection::new(
            Kind::NulInText,
            Some(key),
            format!("`{key}` contains the character U+0000, which databases cannot store"),
        ));
    }
}

/// Each specify text present: a text, and its code picked.
fn specify(q: &Question, answers: &Map<String, Value>, out: &mut Vec<Rejection>) {
    for code in q.specify_codes() {
        let key = q.specify_key(code.value);
        let Some(value) = answers.get(&key) else {
            continue;
        };
        text(&key, value, SPECIFY_MAX_CHARS, out);
        let wanted = i128::from(code.value);
        let picked = match answers.get(&q.id) {
            Some(Value::Array(items)) if q.kind == QuestionKind::Multi => {
                items.iter().any(|i| integer(i) == Some(wanted))
            }
            Some(answer) if q.kind != QuestionKind::Multi => integer(answer) == Some(wanted),
            _ => false,
        };
        if !picked {
            out.push(Rejection::new(
                Kind::SpecifyWithoutCode,
                Some(&key),
                format!("`{key}` is given, but `{}` does not pick {}", q.id, code.value),
            ));
        }
    }
}

fn wrong_type(key: &str, value: &Value, expected: &str) -> Rejection {
    Rejection::new(
        Kind::WrongType,
        Some(key),
        format!(
            "`{key}` must be {expected}, not {} ({})",
            json_type(value),
            shown(value)
        ),
    )
}

fn not_a_code(q: &Question, value: &Value) -> Rejection {
    let codes: Vec<i64> = q.codes.iter().map(|c| c.value).collect();
    Rejection::new(
        Kind::NotACode,
        Some(&q.id),
        format!(
            "`{}` has {}, not one of its codes {}",
            q.id,
            shown(value),
            list(&codes)
        ),
    )
}
