//! Unit tests of the meaning of a response, on a hand-written IR (`fixture_survey.json`).

use super::timestamp::is_rfc3339;
use super::*;
use crate::ir::{CmpOp, Expr};
use serde_json::json;

fn survey() -> ir::Survey {
    serde_json::from_str(include_str!("fixture_survey.json")).expect("fixture is a valid IR")
}

fn response(channel: &str, answers: Value) -> Value {
    json!({"survey": "test.fixture", "version": "1.0.0", "language": "it", "channel": channel,
           "submitted_at": "2026-11-22T10:15:00Z", "answers": answers})
}

fn kinds(value: &Value) -> Vec<Kind> {
    validate(&survey(), value).into_iter().map(|r| r.kind).collect()
}

#[test]
fn accepts_valid_responses_on_each_channel() {
    let web = response(
        "web",
        json!({"soddisfazione": 2, "motivi": [1, 99], "motivi_99_text": "Straße \"x\" */ --",
               "tempo": 99, "tempo_99_text": "日本 😀", "commento": "città"}),
    );
    assert_eq!(validate(&survey(), &web), vec![]);
    let kiosk = response("kiosk", json!({"soddisfazione": 9, "stelle": 3, "eta": 40}));
    assert_eq!(validate(&survey(), &kiosk), vec![]);
    // a specify text is optional even when its code is picked; 2.0 is the integer 2
    let plain = response("web", json!({"soddisfazione": 2.0, "motivi": [99]}));
    assert_eq!(validate(&survey(), &plain), vec![]);
}

#[test]
fn reports_every_reason_not_only_the_first() {
    let bad = json!({"survey": "x", "version": "2.0.0", "language": "xx", "channel": "fax",
                     "submitted_at": "ieri", "answers": {"soddisfazione": 7, "altro": 1}, "extra": 1});
    assert_eq!(
        kinds(&bad),
        vec![
            Kind::WrongSurvey,
            Kind::WrongVersion,
            Kind::UnknownLanguage,
            Kind::UnknownChannel,
            Kind::BadTimestamp,
            Kind::UnknownKey,
            Kind::UnknownKey,
            Kind::NotACode
        ]
    );
}

#[test]
fn metadata_problems() {
    assert_eq!(kinds(&json!([1])), vec![Kind::NotAnObject]);
    assert_eq!(kinds(&json!({})).len(), 6);
    let mut r = response("web", json!({"soddisfazione": 3}));
    r["answers"] = json!([]);
    assert_eq!(kinds(&r), vec![Kind::WrongType]);
    let mut r = response("web", json!({"soddisfazione": 3}));
    r["channel"] = json!("phone");
    assert_eq!(kinds(&r), vec![Kind::UnknownChannel]);
    r["soddisfazione"] = json!(3);
    let rejections = validate(&survey(), &r);
    assert!(rejections
        .iter()
        .any(|x| x.message.contains("belongs inside `answers`")));
}

#[test]
fn routing_and_required() {
    let hidden = response("web", json!({"soddisfazione": 4, "motivi": [1]}));
    assert_eq!(kinds(&hidden), vec![Kind::AnsweredHidden]);
    // 9 is a missing code: `soddisfazione <= 2` does not hold
    let missing = response("web", json!({"soddisfazione": 9, "motivi": [1]}));
    assert_eq!(kinds(&missing), vec![Kind::AnsweredHidden]);
    assert_eq!(kinds(&response("web", json!({}))), vec![Kind::MissingRequired]);
    let r = validate(
        &survey(),
        &response("web", json!({"soddisfazione": 5, "tempo": 1, "eta": 30})),
    );
    assert_eq!(r[0].kind, Kind::AnsweredHidden);
    assert!(r[0].message.contains("not answered tempo"), "{}", r[0].message);
}

#[test]
fn channels_limit_questions() {
    let kiosk = response(
        "kiosk",
        json!({"soddisfazione": 3, "commento": "ciao", "stelle": 2}),
    );
    assert_eq!(kinds(&kiosk), vec![Kind::AnsweredOffChannel]);
    assert_eq!(
        kinds(&response("kiosk", json!({"soddisfazione": 3}))),
        vec![Kind::MissingRequired]
    );
    let web = response("web", json!({"soddisfazione": 3, "stelle": 2}));
    assert_eq!(kinds(&web), vec![Kind::AnsweredOffChannel]);
}

#[test]
fn values_of_each_type() {
    let cases = [
        (json!({"soddisfazione": "3"}), vec![Kind::WrongType]),
        (json!({"soddisfazione": 2.5}), vec![Kind::WrongType]),
        (json!({"soddisfazione": null}), vec![Kind::WrongType]),
        (json!({"soddisfazione": 6}), vec![Kind::NotACode]),
        (json!({"soddisfazione": 3, "eta": 17}), vec![Kind::OutOfRange]),
        (json!({"soddisfazione": 3, "eta": 1e300}), vec![Kind::OutOfRange]),
        (json!({"soddisfazione": 3, "commento": ""}), vec![Kind::EmptyText]),
        (
            json!({"soddisfazione": 3, "commento": "è".repeat(21)}),
            vec![Kind::TooLong],
        ),
        (json!({"soddisfazione": 3, "commento": 5}), vec![Kind::WrongType]),
        (
            json!({"soddisfazione": 3, "commento": "a\u{0}b"}),
            vec![Kind::NulInText],
        ),
        (
            json!({"soddisfazione": 1, "motivi": [1, 1]}),
            vec![Kind::DuplicatePick],
        ),
        (json!({"soddisfazione": 1, "motivi": []}), vec![Kind::TooFewPicks]),
        (
            json!({"soddisfazione": 1, "motivi": [1, 2, 3, 4]}),
            vec![Kind::TooManyPicks],
        ),
        (json!({"soddisfazione": 1, "motivi": [7]}), vec![Kind::NotACode]),
        (json!({"soddisfazione": 1, "motivi": 1}), vec![Kind::WrongType]),
    ];
    for (answers, expected) in cases {
        assert_eq!(kinds(&response("web", answers.clone())), expected, "{answers}");
    }
    assert!(kinds(&response(
        "web",
        json!({"soddisfazione": 3, "commento": "è".repeat(20)})
    ))
    .is_empty());
}

#[test]
fn specify_texts_need_their_code() {
    let cases = [
        (
            json!({"soddisfazione": 1, "motivi": [1], "motivi_99_text": "x"}),
            vec![Kind::SpecifyWithoutCode],
        ),
        (
            json!({"soddisfazione": 3, "tempo": 1, "tempo_99_text": "x"}),
            vec![Kind::SpecifyWithoutCode],
        ),
        (
            json!({"soddisfazione": 3, "tempo_99_text": "x"}),
            vec![Kind::SpecifyWithoutCode],
        ),
        (
            json!({"soddisfazione": 3, "tempo": 99, "tempo_99_text": ""}),
            vec![Kind::EmptyText],
        ),
        (
            json!({"soddisfazione": 3, "tempo": 99, "tempo_1_text": "x"}),
            vec![Kind::UnknownKey],
        ),
    ];
    for (answers, expected) in cases {
        assert_eq!(kinds(&response("web", answers.clone())), expected, "{answers}");
    }
}

#[test]
fn answer_keys_follow_a_survey_edited_after_their_first_use() {
    let mut s = survey();
    assert!(s.is_answer_key("tempo") && s.is_answer_key("tempo_99_text"));
    assert!(!s.is_answer_key("tempo_1_text"));
    for spelled in [
        "tempo_099_text",
        "tempo_+99_text",
        "tempo_99_text_",
        "tempo99_text",
    ] {
        assert!(!s.is_answer_key(spelled), "{spelled}");
    }
    s.questions.retain(|q| q.id != "tempo");
    assert!(!s.is_answer_key("tempo") && !s.is_answer_key("tempo_99_text"));
    assert!(s.is_answer_key("soddisfazione"));
}

#[test]
fn checks_are_judged() {
    let r = validate(
        &survey(),
        &response("web", json!({"soddisfazione": 3, "tempo": 1, "problemi": 1})),
    );
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].kind, Kind::CheckFailed);
    assert!(
        r[0].message.contains("not (tempo = 1 and problemi = 1)"),
        "{}",
        r[0].message
    );
    assert!(r[0].message.contains("Tempi brevi e problemi?"));
}

#[test]
fn eval_is_two_valued() {
    let s = survey();
    let answers = json!({"soddisfazione": 9, "motivi": [2, 99], "eta": 30});
    let answers = answers.as_object().expect("object");
    let cmp = |question: &str, cmp, value| Expr::Compare {
        question: question.into(),
        cmp,
        value,
    };
    assert!(
        !eval(&s, &cmp("soddisfazione", CmpOp::Ge, 1), answers),
        "missing code orders nothing"
    );
    assert!(eval(&s, &cmp("soddisfazione", CmpOp::Eq, 9), answers));
    assert!(eval(&s, &cmp("soddisfazione", CmpOp::Ne, 1), answers));
    assert!(
        !eval(&s, &cmp("tempo", CmpOp::Ne, 1), answers),
        "absent: != is false too"
    );
    let not_absent = Expr::Not {
        operand: Box::new(cmp("tempo", CmpOp::Le, 2)),
    };
    assert!(eval(&s, &not_absent, answers));
    assert!(eval(&s, &cmp("eta", CmpOp::Gt, 29), answers));
    let has = |code| Expr::Has {
        question: "motivi".into(),
        code,
    };
    assert!(eval(&s, &has(99), answers) && !eval(&s, &has(1), answers));
    let within = Expr::In {
        question: "eta".into(),
        values: vec![30, 31],
    };
    assert!(eval(&s, &within, answers));
    assert!(eval(&s, &Expr::And { operands: vec![] }, answers));
    assert!(!eval(&s, &Expr::Or { operands: vec![] }, answers));
}

#[test]
fn expressions_print_with_needed_parentheses() {
    let a = Expr::Answered { question: "a".into() };
    let or = Expr::Or {
        operands: vec![a.clone(), a.clone()],
    };
    let and = Expr::And {
        operands: vec![or.clone(), a.clone()],
    };
    assert_eq!(expr_text(&and), "(answered a or answered a) and answered a");
    let not = Expr::Not {
        operand: Box::new(and),
    };
    assert_eq!(expr_text(&not), "not ((answered a or answered a) and answered a)");
    let cmp = Expr::Compare {
        question: "q".into(),
        cmp: CmpOp::Le,
        value: 2,
    };
    let not_cmp = Expr::Not {
        operand: Box::new(cmp),
    };
    assert_eq!(expr_text(&not_cmp), "not (q <= 2)");
}

#[test]
fn timestamps() {
    for ok in [
        "2026-11-22T10:15:00Z",
        "2026-11-22t10:15:00.123z",
        "2024-02-29T23:59:59+01:00",
        "2000-02-29T00:00:00.123456789-15:59",
        "0001-01-01T00:00:00Z",
    ] {
        assert!(is_rfc3339(ok), "{ok}");
    }
    for bad in [
        "2026-11-22 10:15:00Z",
        "2026-11-22T10:15:00",
        "2025-02-29T10:15:00Z",
        "1900-02-29T10:15:00Z",
        "2026-04-31T10:15:00Z",
        "2026-13-01T10:15:00Z",
        "0000-01-01T00:00:00Z",
        "2026-11-22T24:00:00Z",
        "2026-11-22T23:59:60Z",
        "2026-11-22T10:15:00.Z",
        "2026-11-22T10:15:00.1234567890Z",
        "2026-11-22T10:15:00+16:00",
        "2026-11-22T10:15:00+0100",
        "2026-11-22T10:15:00Z\n",
        "２026-11-22T10:15:00Z",
        "",
    ] {
        assert!(!is_rfc3339(bad), "{bad}");
    }
}

#[test]
fn json_lines_are_judged_one_by_one() {
    let valid = response("web", json!({"soddisfazione": 3})).to_string();
    let text = format!("\u{feff}{valid}\r\n\n   \n{{not json\n[1]\n\u{1}\n{valid}");
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(b"\n\xff\xfe\n");
    let verdicts = judge_lines(&survey(), &bytes);
    let summary: Vec<(usize, bool)> = verdicts.iter().map(|v| (v.line, v.accepted())).collect();
    assert_eq!(
        summary,
        vec![
            (1, true),
            (4, false),
            (5, false),
            (6, false),
            (7, true),
            (8, false)
        ]
    );
    assert_eq!(verdicts[1].rejections[0].kind, Kind::NotJson);
    assert_eq!(verdicts[2].rejections[0].kind, Kind::NotAnObject);
    assert!(verdicts[5].rejections[0].message.contains("UTF-8"));
}

#[test]
fn kinds_have_stable_names() {
    for kind in Kind::ALL {
        let json = serde_json::to_value(kind).expect("serialises");
        assert_eq!(json, json!(kind.as_str()));
    }
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// JSON values whose keys are often the survey's own, so deep checks run.
    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            "[a-z0-9 \\\\\"\u{0}-\u{7f}è日😀]{0,12}".prop_map(Value::from),
        ];
        let keys = prop_oneof![
            Just("soddisfazione".to_owned()),
            Just("motivi".to_owned()),
            Just("motivi_99_text".to_owned()),
            Just("eta".to_owned()),
            Just("commento".to_owned()),
            Just("answers".to_owned()),
            Just("channel".to_owned()),
            "[a-z_]{1,8}",
        ];
        leaf.prop_recursive(4, 64, 8, move |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::from),
                proptest::collection::btree_map(keys.clone(), inner, 0..6)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn any_bytes_are_judged(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let verdicts = judge_lines(&survey(), &bytes);
            prop_assert!(verdicts.iter().all(|v| v.line >= 1));
        }

        #[test]
        fn any_json_is_judged(answers in json_value(), channel in json_value()) {
            let mut r = response("web", answers);
            r["channel"] = channel;
            let _ = validate(&survey(), &r);
            let _ = validate(&survey(), &r["answers"]);
        }
    }
}

#[test]
fn site_is_optional_and_one_of_the_surveys_sites() {
    let mut s = survey();
    let plain = response("web", json!({"soddisfazione": 3}));
    let at = |site: Value| {
        let mut r = plain.clone();
        r["site"] = site;
        r
    };
    let judged = |s: &ir::Survey, r: &Value| validate(s, r).into_iter().map(|r| r.kind).collect::<Vec<_>>();
    // A survey without sites accepts no `site` key.
    assert_eq!(judged(&s, &at(json!("centro"))), vec![Kind::UnknownKey]);
    s.sites = vec![ir::Site {
        id: "centro".into(),
        label: ir::Text::single("it", "Anagrafe centrale"),
    }];
    assert_eq!(judged(&s, &plain), vec![], "never required");
    assert_eq!(judged(&s, &at(json!("centro"))), vec![]);
    for bad in [
        json!("periferia"),
        json!("Centro"),
        json!(""),
        json!(null),
        json!(1),
    ] {
        assert_eq!(judged(&s, &at(bad.clone())), vec![Kind::UnknownSite], "{bad}");
    }
}
