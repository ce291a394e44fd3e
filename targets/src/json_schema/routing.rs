//! Which answers must and must not be there: required answers, routing (`show if`),
//! channel-limited questions, specify texts only with their code, and every `check`.

use super::condition::condition;
use super::question::specify_dependency;
use crate::pretty::Writer;
use rileva_compiler::ir;
use rileva_compiler::response::expr_text;

/// When a question is asked, which says where its rule goes.
enum Asked<'a> {
    /// On every channel, always: in `answers`' `required` if it is required.
    Always,
    /// On every channel, when `show if` holds: an entry of `answers`' `allOf`.
    When(&'a ir::Expr),
    /// On some channels only: an entry of the top-level `allOf` (it reads `channel`).
    OnSomeChannels,
}

fn asked<'a>(survey: &ir::Survey, q: &'a ir::Question) -> Asked<'a> {
    let limited = survey.channels.iter().any(|c| !q.channels.contains(c));
    match (&q.show_if, limited) {
        (None, false) => Asked::Always,
        (Some(show_if), false) => Asked::When(show_if),
        (_, true) => Asked::OnSomeChannels,
    }
}

/// What the `answers` object must satisfy beyond each answer's own schema, as its keys
/// `required` (questions always asked and required), `dependentSchemas` (a specify text
/// requires its code) and `allOf` (routing of questions asked on every channel, then the
/// checks); each only when it has something.
pub fn answers_rules(w: &mut Writer, survey: &ir::Survey) {
    let required: Vec<&str> = survey
        .questions
        .iter()
        .filter(|q| q.required && matches!(asked(survey, q), Asked::Always))
        .map(|q| q.id.as_str())
        .collect();
    if !required.is_empty() {
        w.key("required").strs(required);
    }
    if survey
        .questions
        .iter()
        .any(|q| q.specify_codes().next().is_some())
    {
        w.key("dependentSchemas").object(|w| {
            for q in &survey.questions {
                for code in q.specify_codes() {
                    specify_dependency(w.key(&q.specify_key(code.value)), q, code.value);
                }
            }
        });
    }
    let routed = |q| match asked(survey, q) {
        Asked::When(show_if) => Some((q, show_if)),
        _ => None,
    };
    if !survey.checks.is_empty() || survey.questions.iter().any(|q| routed(q).is_some()) {
        w.key("allOf").array(|w| {
            for (q, show_if) in survey.questions.iter().filter_map(routed) {
                when(w, survey, q, show_if);
            }
            for c in &survey.checks {
                check(w, survey, c);
            }
        });
    }
}

/// The top-level `allOf` of the channel-limited questions, when there are any.
pub fn top_rules(w: &mut Writer, survey: &ir::Survey) {
    let limited = |q: &&ir::Question| matches!(asked(survey, q), Asked::OnSomeChannels);
    if survey.questions.iter().any(|q| limited(&q)) {
        w.key("allOf").array(|w| {
            for q in survey.questions.iter().filter(limited) {
                channel_limited(w, survey, q);
            }
        });
    }
}

/// Answered only when `show if` holds; then required, if it is.
fn when(w: &mut Writer, survey: &ir::Survey, q: &ir::Question, show_if: &ir::Expr) {
    w.object(|w| {
        w.key("$comment")
            .str(&format!("{} is asked only when {}", q.id, expr_text(show_if)));
        condition(w.key("if"), survey, show_if);
        if q.required {
            w.key("then").object(|w| w.key("required").strs([&q.id]));
        }
        w.key("else").object(|w| not_required(w, q));
    });
}

/// `"not": {"required": [q]}`: `q` is absent.
fn not_required(w: &mut Writer, q: &ir::Question) {
    w.key("not").object(|w| w.key("required").strs([&q.id]));
}

/// At the top level: asked when the response's channel is one of the question's (and its
/// `show if` holds); then required, if it is; else absent.
fn channel_limited(w: &mut Writer, survey: &ir::Survey, q: &ir::Question) {
    let channels: Vec<&str> = survey
        .channels
        .iter()
        .filter(|c| q.channels.contains(c))
        .map(|c| c.as_str())
        .collect();
    let mut asked_when = channels.join(" or ");
    if let Some(show_if) = &q.show_if {
        asked_when.push_str(&format!(", when {}", expr_text(show_if)));
    }
    let answers = |w: &mut Writer, rule: &dyn Fn(&mut Writer)| {
        w.object(|w| w.key("properties").object(|w| w.key("answers").object(rule)))
    };
    w.object(|w| {
        w.key("$comment")
            .str(&format!("{} is asked only on {asked_when}", q.id));
        w.key("if").object(|w| {
            w.key("properties").object(|w| {
                if channels.is_empty() {
                    w.key("channel").bool(false);
                } else {
                    w.key("channel").object(|w| w.key("enum").strs(&channels));
                }
                if let Some(show_if) = &q.show_if {
                    condition(w.key("answers"), survey, show_if);
                }
            })
        });
        if q.required {
            answers(w.key("then"), &|w| w.key("required").strs([&q.id]));
        }
        answers(w.key("else"), &|w| not_required(w, q));
    });
}

/// A `check`: its condition must hold; its message (default language) as the description.
fn check(w: &mut Writer, survey: &ir::Survey, check: &ir::Check) {
    w.object(|w| {
        w.key("$comment")
            .str(&format!("check {}", expr_text(&check.condition)));
        w.key("description")
            .str(check.message.get(survey.default_language()));
        w.key("allOf").array(|w| condition(w, survey, &check.condition));
    });
}
