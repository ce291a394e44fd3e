//! Responses along every routing path: every combination (bounded) of the answers that
//! routing and checks read, and of the channels, with seeded values for the other
//! questions. A combination that fails a `check` is kept as an expected `check_failed`.

use super::holds::holds;
use super::values::{self, Rng};
use rileva_compiler::ir::{self, Expr, QuestionKind};
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

/// At most this many combinations per survey.
const MAX_COMBINATIONS: usize = 1500;

/// The valid responses, and those that fail only a `check`.
pub struct Generated {
    pub valid: Vec<Value>,
    pub failing_checks: Vec<Value>,
}

pub fn generate(survey: &ir::Survey) -> Generated {
    let read = routing_questions(survey);
    let mut dimensions: Vec<Vec<Option<Value>>> = read.iter().map(|q| domain(survey, q)).collect();
    dimensions.push(survey.channels.iter().map(|c| Some(json!(c.as_str()))).collect());
    let mut seen = BTreeSet::new();
    let mut out = Generated {
        valid: Vec::new(),
        failing_checks: Vec::new(),
    };
    for (index, combination) in combinations(&dimensions).into_iter().enumerate() {
        let (channel, chosen) = combination.split_last().expect("the channel dimension is last");
        let channel = channel.as_ref().and_then(Value::as_str).unwrap_or("web");
        let picked: Vec<(&str, &Option<Value>)> = read.iter().map(|q| q.id.as_str()).zip(chosen).collect();
        let response = build(survey, index, channel, &picked);
        if !seen.insert(response.to_string()) {
            continue;
        }
        let answers = response["answers"].as_object().cloned().unwrap_or_default();
        if survey
            .checks
            .iter()
            .all(|c| holds(survey, &c.condition, &answers))
        {
            out.valid.push(response);
        } else {
            out.failing_checks.push(response);
        }
    }
    out
}

/// The questions that a `show if` or a `check` reads, in survey order.
fn routing_questions(survey: &ir::Survey) -> Vec<&ir::Question> {
    let mut names = BTreeSet::new();
    let exprs = survey
        .questions
        .iter()
        .filter_map(|q| q.show_if.as_ref())
        .chain(survey.checks.iter().map(|c| &c.condition));
    for expr in exprs {
        names.extend(expr.questions().into_iter().map(str::to_owned));
    }
    survey
        .questions
        .iter()
        .filter(|q| names.contains(&q.id))
        .collect()
}

/// The answers worth trying for a question routing reads: absent, every code, for a multi
/// every single pick, every pair and the most picks, for a number its bounds and each side
/// of every constant it is compared with.
fn domain(survey: &ir::Survey, q: &ir::Question) -> Vec<Option<Value>> {
    let mut out = vec![None];
    match q.kind {
        QuestionKind::Multi => {
            let codes: Vec<i64> = q.codes.iter().map(|c| c.value).collect();
            let (min, max) = (values::min_picks(q), values::max_picks(q));
            let mut sets: Vec<Vec<i64>> = Vec::new();
            sets.extend(codes.iter().map(|c| vec![*c]));
            for (i, a) in codes.iter().enumerate() {
                sets.extend(codes.iter().skip(i + 1).map(|b| vec![*a, *b]));
            }
            sets.push(codes.iter().take(max).copied().collect());
            out.extend(
                sets.into_iter()
                    .filter(|s| (min..=max).contains(&s.len()))
                    .map(|s| Some(json!(s))),
            );
        }
        QuestionKind::Number => {
            let r = values::range(q);
            let mut numbers = BTreeSet::from([r.min, r.max]);
            for v in constants(survey, &q.id) {
                numbers.extend([v.saturating_sub(1), v, v.saturating_add(1)]);
            }
            out.extend(
                numbers
                    .into_iter()
                    .filter(|n| (r.min..=r.max).contains(n))
                    .map(|n| Some(json!(n))),
            );
        }
        QuestionKind::Text => out.push(Some(json!(values::text(1, q.max_length.unwrap_or(500))))),
        _ => out.extend(q.codes.iter().map(|c| Some(json!(c.value)))),
    }
    out
}

/// The numbers `question` is compared with anywhere in the survey.
fn constants(survey: &ir::Survey, question: &str) -> Vec<i64> {
    fn walk(expr: &Expr, question: &str, out: &mut Vec<i64>) {
        match expr {
            Expr::Or { operands } | Expr::And { operands } => {
                operands.iter().for_each(|e| walk(e, question, out))
            }
            Expr::Not { operand } => walk(operand, question, out),
            Expr::Compare {
                question: q, value, ..
            } if q == question => out.push(*value),
            Expr::In { question: q, values } if q == question => out.extend(values),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let exprs = survey
        .questions
        .iter()
        .filter_map(|q| q.show_if.as_ref())
        .chain(survey.checks.iter().map(|c| &c.condition));
    exprs.for_each(|e| walk(e, question, &mut out));
    out
}

/// Every combination of one value per dimension when they are few; otherwise a seeded
/// sample that still tries every value of every dimension.
fn combinations<T: Clone>(dimensions: &[Vec<T>]) -> Vec<Vec<T>> {
    let total = dimensions
        .iter()
        .try_fold(1usize, |acc, d| acc.checked_mul(d.len().max(1)));
    let nth = |mut n: usize| -> Vec<T> {
        dimensions
            .iter()
            .map(|d| {
                let v = d[n % d.len()].clone();
                n /= d.len();
                v
            })
            .collect()
    };
    match total {
        Some(total) if total <= MAX_COMBINATIONS => (0..total).map(nth).collect(),
        _ => {
            let longest = dimensions.iter().map(Vec::len).max().unwrap_or(0);
            let mut rng = Rng::new(7);
            (0..MAX_COMBINATIONS)
                .map(|i| {
                    let pick = |d: &Vec<T>, rng: &mut Rng| {
                        if i < longest {
                            i % d.len()
                        } else {
                            rng.below(d.len())
                        }
                    };
                    dimensions.iter().map(|d| d[pick(d, &mut rng)].clone()).collect()
                })
                .collect()
        }
    }
}

/// One response: questions in order, each asked one (on this channel, `show if` holding)
/// answered with the chosen value when routing reads it, else a seeded value.
fn build(survey: &ir::Survey, index: usize, channel: &str, picked: &[(&str, &Option<Value>)]) -> Value {
    let mut rng = Rng::new(index as u64);
    let mut answers = Map::new();
    for q in &survey.questions {
        let on_channel = q.channels.iter().any(|c| c.as_str() == channel);
        if !on_channel || !q.show_if.as_ref().map_or(true, |e| holds(survey, e, &answers)) {
            continue;
        }
        let chosen = picked.iter().find(|(id, _)| *id == q.id).map(|(_, v)| *v);
        let value = match chosen {
            Some(Some(v)) => Some(v.clone()),
            Some(None) if !q.required => None,
            _ if q.required || rng.chance(75) => Some(values::answer(q, &mut rng)),
            _ => None,
        };
        let Some(value) = value else { continue };
        let mut texts = Vec::new();
        for code in q.specify_codes() {
            let picked = value.as_i64() == Some(code.value)
                || value.as_array().is_some_and(|a| a.contains(&json!(code.value)));
            if picked && rng.chance(70) {
                let text = values::text(rng.below(values::NASTY_TEXTS.len()), 500);
                texts.push((q.specify_key(code.value), json!(text)));
            }
        }
        answers.insert(q.id.clone(), value);
        answers.extend(texts);
    }
    envelope(survey, index, channel, answers)
}

/// The metadata around `answers`. In a survey with sites, one response in `sites + 1` has
/// no `site` (it is never required) and the others name each site in turn.
pub fn envelope(survey: &ir::Survey, index: usize, channel: &str, answers: Map<String, Value>) -> Value {
    let mut response = json!({
        "survey": survey.id,
        "version": survey.version,
        "language": survey.languages[index % survey.languages.len()],
        "channel": channel,
        "submitted_at": values::TIMESTAMPS[index % values::TIMESTAMPS.len()],
        "answers": answers,
    });
    if let Some(site) = survey.sites.get(index % (survey.sites.len() + 1)) {
        response["site"] = json!(site.id);
    }
    response
}
