//! Unit tests of the JSON Schema target on the hand-written IR of the response tests; the
//! agreement with an independent validator is proven in the root `tests/agreement.rs`.

use super::keywords::unknown_keywords;
use super::*;
use rileva_compiler::ir::{CmpOp, Expr};
use serde_json::{json, Value};

fn survey() -> ir::Survey {
    let json = include_str!("../../../compiler/src/response/fixture_survey.json");
    serde_json::from_str(json).expect("fixture is a valid IR")
}

/// The schema of `survey`, read back from the bytes [`emit`] writes.
fn schema(survey: &ir::Survey) -> Value {
    serde_json::from_slice(&emit(survey)[0].contents).expect("the schema is JSON")
}

/// The schema of `expr`, read back from the bytes written.
fn condition(survey: &ir::Survey, expr: &Expr) -> Value {
    let mut w = Writer::with_capacity(0);
    super::condition::condition(&mut w, survey, expr);
    serde_json::from_str(&w.finish()).expect("the condition is JSON")
}

#[test]
fn emits_one_pretty_file_the_same_every_time() {
    let files = emit(&survey());
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].path, "response.schema.json");
    assert_eq!(files, emit(&survey()));
    let text = String::from_utf8(files[0].contents.clone()).expect("UTF-8");
    assert!(text.starts_with("{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"));
    assert!(text.ends_with("}\n"));
}

#[test]
fn uses_only_known_keywords() {
    assert_eq!(unknown_keywords(&schema(&survey())), Vec::<String>::new());
}

#[test]
fn the_keyword_walk_finds_unknown_keys_in_schema_positions_only() {
    let s = json!({"properties": {"x-a": {"x-b": 1, "enum": [{"x-c": 1}]}},
                   "allOf": [true, {"x/d": 2}], "if": {"x~e": 3}});
    assert_eq!(
        unknown_keywords(&s),
        vec!["/properties/x-a/x-b", "/allOf/1/x~1d", "/if/x~0e"]
    );
}

#[test]
fn names_the_survey_and_closes_every_object() {
    let s = schema(&survey());
    assert_eq!(s["$id"], "urn:rileva:survey:test.fixture:1.0.0");
    assert_eq!(s["title"], "Valuta il servizio");
    assert_eq!(s["additionalProperties"], false);
    assert_eq!(
        s["required"],
        json!([
            "survey",
            "version",
            "language",
            "channel",
            "submitted_at",
            "answers"
        ])
    );
    let p = &s["properties"];
    assert_eq!(p["survey"], json!({"const": "test.fixture"}));
    assert_eq!(p["language"], json!({"enum": ["it", "en"]}));
    assert_eq!(p["channel"], json!({"enum": ["web", "kiosk"]}));
    assert_eq!(p["submitted_at"]["pattern"], timestamp::PATTERN);
    assert_eq!(p["answers"]["additionalProperties"], false);
    assert_eq!(p["answers"]["required"], json!(["soddisfazione"]));
}

#[test]
fn answers_have_their_domains() {
    let s = schema(&survey());
    let a = &s["properties"]["answers"]["properties"];
    let keys: Vec<&String> = a.as_object().expect("object").keys().collect();
    assert_eq!(
        keys,
        [
            "soddisfazione",
            "motivi",
            "motivi_99_text",
            "tempo",
            "tempo_99_text",
            "problemi",
            "eta",
            "commento",
            "stelle"
        ]
    );
    assert_eq!(
        a["soddisfazione"]["oneOf"][5],
        json!({"const": 9, "title": "Non so", "description": "missing code. en: Don't know"})
    );
    assert_eq!(a["motivi"]["maxItems"], 3);
    assert_eq!(a["motivi"]["minItems"], 1);
    assert_eq!(a["motivi"]["uniqueItems"], true);
    assert_eq!(a["motivi_99_text"]["maxLength"], 500);
    assert_eq!(
        a["eta"],
        json!({"title": "Quanti anni ha?", "type": "integer", "minimum": 18, "maximum": 99})
    );
    assert_eq!(a["commento"]["maxLength"], 20);
    assert_eq!(a["commento"]["minLength"], 1);
    assert_eq!(a["tempo"]["description"], "Una risposta");
}

#[test]
fn routing_specify_and_checks() {
    let s = schema(&survey());
    let answers = &s["properties"]["answers"];
    let motivi = &answers["allOf"][0];
    assert_eq!(
        motivi["if"],
        json!({"required": ["soddisfazione"], "properties": {"soddisfazione": {"enum": [1, 2]}}})
    );
    assert_eq!(motivi["else"], json!({"not": {"required": ["motivi"]}}));
    assert!(motivi.get("then").is_none(), "motivi is optional");
    assert_eq!(
        answers["dependentSchemas"]["motivi_99_text"],
        json!({"required": ["motivi"], "properties": {"motivi": {"type": "array", "contains": {"const": 99}}}})
    );
    assert_eq!(
        answers["dependentSchemas"]["tempo_99_text"],
        json!({"required": ["tempo"], "properties": {"tempo": {"const": 99}}})
    );
    let check = &answers["allOf"][2];
    assert_eq!(check["description"], "Tempi brevi e problemi?");
    let stelle = &s["allOf"][1];
    assert_eq!(
        stelle["if"],
        json!({"properties": {"channel": {"enum": ["kiosk"]}}})
    );
    assert_eq!(
        stelle["then"],
        json!({"properties": {"answers": {"required": ["stelle"]}}})
    );
}

#[test]
fn conditions_follow_two_valued_logic() {
    let s = survey();
    let cmp = |question: &str, cmp, value| Expr::Compare {
        question: question.into(),
        cmp,
        value,
    };
    let ge = condition(&s, &cmp("soddisfazione", CmpOp::Ge, 4));
    assert_eq!(
        ge["properties"]["soddisfazione"],
        json!({"enum": [4, 5]}),
        "9 is a missing code"
    );
    let ne = condition(&s, &cmp("soddisfazione", CmpOp::Ne, 4));
    assert_eq!(
        ne["properties"]["soddisfazione"],
        json!({"enum": [1, 2, 3, 5, 9]})
    );
    assert_eq!(condition(&s, &cmp("soddisfazione", CmpOp::Gt, 5)), json!(false));
    let lt = condition(&s, &cmp("eta", CmpOp::Lt, 30));
    assert_eq!(
        lt,
        json!({"required": ["eta"], "properties": {"eta": {"type": "integer", "exclusiveMaximum": 30}}})
    );
    assert_eq!(condition(&s, &Expr::Or { operands: vec![] }), json!(false));
    assert_eq!(condition(&s, &Expr::And { operands: vec![] }), json!(true));
    let within = Expr::In {
        question: "tempo".into(),
        values: vec![2, 7],
    };
    assert_eq!(
        condition(&s, &within)["properties"]["tempo"],
        json!({"enum": [2]})
    );
}
