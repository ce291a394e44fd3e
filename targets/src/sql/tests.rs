//! SQL target, unit tests on a hand-built survey shaped like the contract's
//! `inps.hub_prestazioni`: what the generated SQL says, not yet what a database does with it
//! (that is tests/sql_*.rs at the root, on real PostgreSQL and SQLite).

use super::quote::Dialect;
use super::*;
use rileva_compiler::ir::{
    Channel, CmpOp, Code as IrCode, Expr, Question, QuestionKind, Range, Survey, Text,
};
use rileva_compiler::ir_builder;

fn text(it: &str, en: &str) -> Text {
    ir_builder::text(&[("it", it), ("en", en)])
}

fn code(value: i64, it: &str) -> IrCode {
    ir_builder::code(value, text(it, &format!("{it} (en)")))
}

fn scale(id: &str) -> Question {
    let mut codes: Vec<IrCode> = (1..=5).map(|v| code(v, &format!("punto {v}"))).collect();
    codes.push(IrCode {
        missing: true,
        ..code(9, "Non so")
    });
    question(id, QuestionKind::Scale, codes)
}

fn question(id: &str, kind: QuestionKind, codes: Vec<IrCode>) -> Question {
    Question {
        wording: text(&format!("Domanda {id}?"), &format!("Question {id}?")),
        channels: vec![Channel::Web, Channel::Kiosk],
        codes,
        ..ir_builder::question(id, kind)
    }
}

fn low_satisfaction() -> Expr {
    Expr::Compare {
        question: "soddisfazione".to_owned(),
        cmp: CmpOp::Le,
        value: 2,
    }
}

pub fn survey() -> Survey {
    let mut motivi = question(
        "motivi",
        QuestionKind::Multi,
        vec![code(1, "Tempi"), code(2, "Personale"), code(99, "Altro")],
    );
    if let Some(other) = motivi.codes.last_mut() {
        other.specify = true;
    }
    motivi.max_picks = Some(2);
    motivi.show_if = Some(low_satisfaction());
    let mut documenti = scale("documenti");
    documenti.show_if = Some(low_satisfaction());
    documenti.required = true;
    let mut eta = question("eta", QuestionKind::Number, Vec::new());
    eta.range = Some(Range { min: 18, max: 99 });
    let mut commento = question("commento", QuestionKind::Text, Vec::new());
    commento.max_length = Some(500);
    commento.channels = vec![Channel::Web];
    let mut soddisfazione = scale("soddisfazione");
    soddisfazione.required = true;
    let questions = vec![soddisfazione, motivi, documenti, eta, commento];
    let mut survey = ir_builder::survey("inps.hub_prestazioni", questions);
    survey.title = text("Valuta il servizio", "Rate the service");
    survey.channels = vec![Channel::Web, Channel::Kiosk];
    survey.kiosk.thanks = text("Grazie", "Thanks");
    survey.checks = vec![ir::Check {
        condition: Expr::Not {
            operand: Box::new(Expr::Has {
                question: "motivi".to_owned(),
                code: 99,
            }),
        },
        message: text("Niente altro", "Nothing else"),
        span: Default::default(),
    }];
    survey.estimated_seconds = 60;
    survey
}

fn find<'a>(sql: &'a str, start: &str) -> &'a str {
    sql.lines()
        .find(|l| l.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no line starting with {start} in\n{sql}"))
}

#[test]
fn emits_one_file_per_database() {
    let files = emit(&survey());
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(paths, ["sql/postgres.sql", "sql/sqlite.sql"]);
}

#[test]
fn columns_follow_the_questions() {
    let names: Vec<String> = table::columns(&survey()).into_iter().map(|c| c.name).collect();
    assert_eq!(
        names,
        [
            "response_id",
            "survey_version",
            "language",
            "channel",
            "submitted_at",
            "soddisfazione",
            "motivi_1",
            "motivi_2",
            "motivi_99",
            "motivi_99_text",
            "documenti",
            "eta",
            "commento"
        ]
    );
}

#[test]
fn required_and_always_asked_is_not_null() {
    let sql = script(&survey(), Dialect::Postgres);
    assert_eq!(
        find(&sql, "\"soddisfazione\" "),
        "  \"soddisfazione\" integer NOT NULL,"
    );
    // Asked only when soddisfazione <= 2: a CHECK, not NOT NULL.
    assert_eq!(find(&sql, "\"documenti\" "), "  \"documenti\" integer,");
    assert!(sql.contains(
        "CONSTRAINT \"documenti_required\" CHECK (NOT (COALESCE(\"soddisfazione\" <= 2 AND \
         \"soddisfazione\" NOT IN (9), FALSE)) OR \"documenti\" IS NOT NULL)"
    ));
}

#[test]
fn channel_limited_questions_are_null_elsewhere() {
    let sql = script(&survey(), Dialect::Sqlite);
    assert!(sql.contains(
        "CONSTRAINT \"commento_not_asked\" CHECK ((COALESCE(\"channel\" IN ('web'), FALSE)) OR (\"commento\" IS NULL))"
    ));
}

#[test]
fn multi_options_are_booleans_with_picks_bounded() {
    let pg = script(&survey(), Dialect::Postgres);
    assert!(pg.contains("\"motivi_1\" boolean,"));
    assert!(pg.contains(
        "CONSTRAINT \"motivi_picks\" CHECK (\"motivi_1\" IS NULL OR COALESCE(\"motivi_1\"::integer + \
         \"motivi_2\"::integer + \"motivi_99\"::integer BETWEEN 1 AND 2, FALSE))"
    ));
    let lite = script(&survey(), Dialect::Sqlite);
    assert!(lite.contains("\"motivi_1\" INTEGER CHECK (\"motivi_1\" IS NULL OR \"motivi_1\" IN (0, 1)),"));
    assert!(lite.contains("CONSTRAINT \"check_1\" CHECK (NOT (COALESCE(\"motivi_99\" = 1, FALSE)))"));
}

#[test]
fn specify_text_only_with_its_code() {
    let pg = script(&survey(), Dialect::Postgres);
    assert!(pg.contains(
        "CONSTRAINT \"motivi_99_specify\" CHECK (\"motivi_99_text\" IS NULL OR COALESCE(\"motivi_99\", FALSE))"
    ));
    assert!(pg.contains(
        "CONSTRAINT \"motivi_99_specify_length\" CHECK (\"motivi_99_text\" IS NULL OR \
         char_length(\"motivi_99_text\") BETWEEN 1 AND 500)"
    ));
}

#[test]
fn tables_are_strict_and_created_only_if_absent() {
    let lite = script(&survey(), Dialect::Sqlite);
    assert_eq!(lite.matches("CREATE TABLE IF NOT EXISTS").count(), 7);
    assert_eq!(lite.matches(") STRICT;").count(), 7);
    assert!(!lite.contains("INSERT INTO"));
    let pg = script(&survey(), Dialect::Postgres);
    assert_eq!(
        pg.matches("ON CONFLICT DO NOTHING;").count(),
        pg.matches("INSERT INTO").count()
    );
}

#[test]
fn texts_are_literals_and_comments_are_sanitised() {
    let mut s = survey();
    s.id = "x.y\nDROP TABLE z; --".to_owned();
    s.title = Text::single("it", "l'a \"b\" */ --\nDROP TABLE t;");
    let pg = script(&s, Dialect::Postgres);
    assert!(pg.contains("COMMENT ON TABLE \"inps_hub_prestazioni_v1\" IS 'l''a \"b\" */ --\nDROP TABLE t;';"));
    for line in pg.lines().filter(|l| l.starts_with("--")) {
        assert!(!line.contains("DROP TABLE t"), "{line}");
    }
    assert!(pg.contains("-- rileva: response table and codebook of survey x.y?DROP TABLE z; -- 1.0.0"));
}

#[test]
fn output_is_deterministic() {
    assert_eq!(emit(&survey()), emit(&survey()));
}

#[test]
fn long_names_are_diagnosed() {
    let mut s = survey();
    assert!(validate(&s).is_empty());
    s.table = "t".repeat(60);
    s.questions[1].id = "m".repeat(48);
    if let Some(c) = s.questions[1].codes.first_mut() {
        c.value = 1_000_000_000_000_000;
    }
    let messages: Vec<String> = validate(&s).into_iter().map(|d| d.message).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("table"));
    assert!(messages[1].contains("column"));
}

#[test]
fn constraint_names_fit_and_stay_unique() {
    let long = "q".repeat(70);
    let names = view::fit_names([long.as_str(), "a", "a", long.as_str()]);
    assert!(names.iter().all(|n| n.len() <= view::MAX_IDENTIFIER_BYTES));
    assert_eq!(names[1], "a");
    assert_eq!(names[2], "a_3");
    assert_ne!(names[0], names[3]);
}

#[test]
fn snapshot_hand_built_survey() {
    insta::assert_snapshot!("hand_built_postgres", script(&survey(), Dialect::Postgres));
    insta::assert_snapshot!("hand_built_sqlite", script(&survey(), Dialect::Sqlite));
}

mod rows {
    use super::super::row::{insert_columns, insert_sql, row, Param};
    use super::super::table::ValueType;
    use super::*;
    use serde_json::json;

    fn response(answers: serde_json::Value) -> serde_json::Value {
        json!({"survey": "inps.hub_prestazioni", "version": "1.0.0", "language": "it",
               "channel": "web", "submitted_at": "2026-11-22T10:15:00Z", "answers": answers})
    }

    #[test]
    fn a_response_becomes_one_value_per_column() {
        let s = survey();
        let values = row(
            &s,
            &response(json!({"soddisfazione": 2.0, "motivi": [99, 1],
            "motivi_99_text": "altro", "commento": "ok"})),
        )
        .expect("a row");
        assert_eq!(values.len(), insert_columns(&s).len());
        assert_eq!(
            values,
            [
                Param::Text("1.0.0".into()),
                Param::Text("it".into()),
                Param::Text("web".into()),
                Param::Text("2026-11-22T10:15:00Z".into()),
                Param::Integer(2),
                Param::Boolean(true),
                Param::Boolean(false),
                Param::Boolean(true),
                Param::Text("altro".into()),
                Param::Null,
                Param::Null,
                Param::Text("ok".into()),
            ]
        );
    }

    #[test]
    fn missing_metadata_is_null_for_not_null_to_reject() {
        let mut r = response(json!({}));
        r.as_object_mut().map(|o| o.remove("language"));
        assert_eq!(row(&survey(), &r).expect("a row")[1], Param::Null);
    }

    #[test]
    fn shapes_the_table_cannot_hold_have_no_row() {
        let s = survey();
        for answers in [
            json!({"motivi": [1, 1]}),
            json!({"motivi": [7]}),
            json!({"motivi": 1}),
            json!({"soddisfazione": "2"}),
            json!({"soddisfazione": null}),
            json!({"soddisfazione": 2.5}),
            json!({"soddisfazione": 1e30}),
            json!({"nessuna": 1}),
            json!({"commento": 5}),
        ] {
            assert!(row(&s, &response(answers.clone())).is_err(), "{answers}");
        }
        let mut other = response(json!({}));
        other["survey"] = json!("altro.sondaggio");
        assert!(row(&s, &other).is_err());
        other = response(json!({}));
        other["extra"] = json!(1);
        assert!(row(&s, &other).is_err());
    }

    #[test]
    fn inserts_are_parameterised() {
        let s = survey();
        let lite = insert_sql(&s, Dialect::Sqlite);
        assert!(lite.starts_with("INSERT INTO \"inps_hub_prestazioni_v1\" (\"survey_version\", "));
        assert!(lite.ends_with("?11, ?12)"));
        let pg = insert_sql(&s, Dialect::Postgres);
        assert!(pg.contains("CASE WHEN $4 ~ '^(?:"));
        assert!(pg.contains("THEN CAST($4 AS timestamptz) END, $5,"));
    }

    #[test]
    fn a_number_without_range_is_wide() {
        let mut s = survey();
        s.questions[3].range = None;
        let eta = insert_columns(&s)
            .into_iter()
            .find(|c| c.name == "eta")
            .map(|c| c.value);
        assert_eq!(eta, Some(ValueType::Integer { wide: true }));
    }
}

#[test]
fn the_codebook_kinds_are_the_tables_built() {
    let mut s = survey();
    for _ in 0..2 {
        let built: Vec<codebook::Kind> = codebook::tables(&s).iter().map(|t| t.kind).collect();
        assert_eq!(codebook::kinds(&s), built);
        s.sites.push(rileva_compiler::ir::Site {
            id: "centro".into(),
            label: text("Centro", "Centre"),
        });
    }
    assert!(codebook::kinds(&s).contains(&codebook::Kind::Sites));
}
