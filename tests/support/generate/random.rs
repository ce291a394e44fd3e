//! Seeded random changes to a valid response, with no expectation: awkward values for
//! answers (codes out of domain, `2.0`, `-0.0`, strings, `null`, arrays), removed keys,
//! stray specify texts. The judges must still agree with each other on every one.

use super::values::{self, Rng};
use rileva_compiler::ir;
use serde_json::{json, Value};

/// Values that sit on the edge of some answer's domain.
fn awkward(rng: &mut Rng) -> Value {
    let pool = [
        json!(-1),
        json!(0),
        json!(1),
        json!(2),
        json!(3),
        json!(5),
        json!(9),
        json!(10),
        json!(11),
        json!(99),
        json!(100),
        json!(2.0),
        json!(2.5),
        json!(-0.0),
        json!(1e3),
        json!(1e300),
        json!(u64::MAX),
        json!("1"),
        json!(""),
        json!("x"),
        json!("a\u{0}b"),
        json!(values::text_of_length(201)),
        json!(values::text_of_length(501)),
        Value::Null,
        json!(true),
        json!([]),
        json!([1]),
        json!([1, 1]),
        json!([2, 99]),
        json!([1, 2, 3, 4]),
        json!([1.0, 3]),
        json!(["1"]),
        json!({}),
    ];
    pool[rng.below(pool.len())].clone()
}

/// A key of `answers` to change: a question, a specify key, or an unknown one.
fn some_key(survey: &ir::Survey, rng: &mut Rng) -> String {
    let q = &survey.questions[rng.below(survey.questions.len())];
    match (rng.below(10), q.specify_codes().next()) {
        (0, _) => "zz_unknown".into(),
        (1 | 2, Some(code)) => q.specify_key(code.value),
        _ => q.id.clone(),
    }
}

/// `base` with one to three random changes.
pub fn change(survey: &ir::Survey, base: &Value, seed: u64) -> Value {
    let mut rng = Rng::new(seed);
    let mut response = base.clone();
    for _ in 0..=rng.below(3) {
        let key = some_key(survey, &mut rng);
        let Some(answers) = response["answers"].as_object_mut() else {
            break;
        };
        match rng.below(10) {
            0..=5 => {
                answers.insert(key, awkward(&mut rng));
            }
            6 | 7 => {
                answers.remove(&key);
            }
            8 => {
                let q = &survey.questions[rng.below(survey.questions.len())];
                answers.insert(q.id.clone(), values::answer(q, &mut rng));
            }
            _ => {
                let field = ["language", "channel", "submitted_at"][rng.below(3)];
                response[field] = json!(["it", "web", "kiosk", "2026-02-29T10:00:00Z", "fr"][rng.below(5)]);
            }
        }
    }
    response
}
