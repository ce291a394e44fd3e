//! SQL target, escaping: texts with quotes, backslashes, `*/`, `--`, `$$`, newlines, line
//! separators, bidi controls and non-Latin letters, in every position a survey text can take
//! (title, section, wording, help, labels, check message, doc comments), come back intact
//! from the codebook tables and PostgreSQL's COMMENTs, and stay inert: the files create
//! exactly their seven tables and nothing else runs. A hand-built IR adds identifiers with
//! double quotes, which the grammar cannot write.

mod sql_support;

use rileva_compiler::ir;
use rileva_targets::sql::quote::Dialect;
use rileva_targets::sql::row::{insert_columns, insert_sql, row};
use rileva_targets::sql::script;
use sql_support::{compile_source, pg_type, pg_values, sqlite_value, PgSchema};
use std::collections::BTreeSet;

const NASTY: &str = r#"/// Survey doc: 'quotes' "double" */ /* -- and
/// a second line; DROP TABLE x; --
survey prova.testi {
  version 1.0.0
  title "Titolo: l'ufficio \"centrale\" */ -- fine\nDROP TABLE x; \\ 🙂" el "Τίτλος 'ελληνικά' */ --\nτέλος"
  languages it el
  channels web

  section s1 "Sezione 'uno' */ --\n;" el "Ενότητα \"ένα\" \\'" {
    /// Question doc: O'Brien */ -- $$ E'\\x27'
    question q1: choice {
      "Domanda con 'apici', \"virgolette\", \\barra\\, */ /* -- e\na capo; DROP TABLE q1;--" el "Ερώτηση; DROP TABLE x; --\n'"
      help "Aiuto $$ E'x' \u{2028} fine\u{d}" el "Βοήθεια \u{202E} RTL 日本語 العربية"
      1 "Sì, 'certo'" el "Ναι 'βέβαια'"
      2 "No -- */\n" el "Όχι\\"
      99 "Altro: 日本語 العربية" el "Άλλο ''" specify
    }
    question q2: multi {
      "Scelte \\' multiple" el "Πολλαπλές"
      1 "Uno'); DROP TABLE x; --" el "Ένα"
      2 "Due \"\"" el "Δύο"
    }
  }
  check not (q1 = 2) or answered q2 else "Messaggio 'check' */ --\nx" el "Μήνυμα '"
}
"#;

fn nasty() -> ir::Survey {
    let mut surveys = compile_source("nasty.rileva", NASTY);
    assert_eq!(surveys.len(), 1);
    surveys.remove(0)
}

/// The same survey with identifiers that need quoting inside quoted names.
fn nasty_names() -> ir::Survey {
    let mut survey = nasty();
    survey.table = "t\"; DROP TABLE x; --".to_owned();
    let renames = [("q1", "q\"1 --"), ("q2", "Q2 \"'")];
    for (old, new) in renames {
        for q in &mut survey.questions {
            if q.id == old {
                q.id = new.to_owned();
            }
        }
    }
    for check in &mut survey.checks {
        check.condition = rename_expr(&check.condition, &renames);
    }
    survey
}

fn rename_expr(expr: &ir::Expr, renames: &[(&str, &str)]) -> ir::Expr {
    let mut json = serde_json::to_value(expr).expect("serialise");
    if let Some(op) = json.as_object_mut() {
        rename_in(op, renames);
    }
    serde_json::from_value(json).expect("deserialise")
}

fn rename_in(object: &mut serde_json::Map<String, serde_json::Value>, renames: &[(&str, &str)]) {
    for (key, value) in object.iter_mut() {
        match value {
            serde_json::Value::String(s) if key == "question" => {
                if let Some((_, new)) = renames.iter().find(|(old, _)| old == s) {
                    *s = (*new).to_owned();
                }
            }
            serde_json::Value::Object(o) => rename_in(o, renames),
            serde_json::Value::Array(items) => items
                .iter_mut()
                .filter_map(|i| i.as_object_mut())
                .for_each(|o| rename_in(o, renames)),
            _ => {}
        }
    }
}

/// Every text the codebook must carry: (scope, item, language, text).
fn expected_texts(survey: &ir::Survey) -> BTreeSet<(String, String, String, String)> {
    let mut out = BTreeSet::new();
    let mut add = |scope: &str, item: &str, text: &ir::Text| {
        for (language, value) in &text.0 {
            out.insert((scope.to_owned(), item.to_owned(), language.clone(), value.clone()));
        }
    };
    add("survey", &survey.id, &survey.title);
    for s in &survey.sections {
        add("section", &s.id, &s.title);
    }
    for q in &survey.questions {
        add("question", &q.id, &q.wording);
        if let Some(help) = &q.help {
            add("help", &q.id, help);
        }
    }
    for (i, c) in survey.checks.iter().enumerate() {
        add("check", &(i + 1).to_string(), &c.message);
    }
    out
}

fn expected_labels(survey: &ir::Survey) -> BTreeSet<(String, i64, String, String)> {
    let mut out = BTreeSet::new();
    for q in &survey.questions {
        for c in &q.codes {
            for (language, label) in &c.label.0 {
                out.insert((q.id.clone(), c.value, language.clone(), label.clone()));
            }
        }
    }
    out
}

/// A valid response whose texts are nasty too, so the INSERT path is covered.
fn response(survey: &ir::Survey) -> serde_json::Value {
    let q1 = &survey.questions[0].id;
    let q2 = &survey.questions[1].id;
    serde_json::json!({
        "survey": survey.id, "version": survey.version, "language": "el", "channel": "web",
        "submitted_at": "2026-11-22T10:15:00Z",
        "answers": { q1: 99, format!("{q1}_99_text"): "x'); DROP TABLE y; -- */ \\ \"z\"\nΆλλο", q2: [1, 2] }
    })
}

fn sqlite_roundtrip(survey: &ir::Survey) {
    let sql = script(survey, Dialect::Sqlite);
    for line in sql.lines().filter(|l| l.starts_with("--")) {
        assert!(line.chars().all(|c| c.is_ascii_graphic() || c == ' '), "{line}");
    }
    let db = rusqlite::Connection::open_in_memory().expect("open");
    db.execute_batch(&sql).expect("run the script");
    db.execute_batch(&sql).expect("run the script again");
    let tables: BTreeSet<String> = db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("tables");
    let suffixes = [
        "",
        "_questions",
        "_codes",
        "_columns",
        "_texts",
        "_checks",
        "_survey",
    ];
    let wanted: BTreeSet<String> = suffixes.iter().map(|s| format!("{}{s}", survey.table)).collect();
    assert_eq!(tables, wanted, "exactly the seven tables");
    let texts: BTreeSet<(String, String, String, String)> = db
        .prepare(&format!(
            "SELECT scope, item, language, text FROM \"{}_texts\"",
            survey.table.replace('"', "\"\"")
        ))
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect()
        })
        .expect("texts");
    assert_eq!(texts, expected_texts(survey));
    let labels: BTreeSet<(String, i64, String, String)> = db
        .prepare(&format!(
            "SELECT question_id, code, language, label FROM \"{}_codes\"",
            survey.table.replace('"', "\"\"")
        ))
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
                .collect()
        })
        .expect("labels");
    assert_eq!(labels, expected_labels(survey));
    let doc: Option<String> = db
        .query_row(
            &format!(
                "SELECT doc FROM \"{}_questions\" WHERE position = 1",
                survey.table.replace('"', "\"\"")
            ),
            [],
            |r| r.get(0),
        )
        .expect("doc");
    assert_eq!(doc, survey.questions[0].doc);
    let survey_doc: Option<String> = db
        .query_row(
            &format!(
                "SELECT value FROM \"{}_survey\" WHERE key = 'doc'",
                survey.table.replace('"', "\"\"")
            ),
            [],
            |r| r.get(0),
        )
        .expect("survey doc");
    assert_eq!(survey_doc, survey.doc);
    let values = row(survey, &response(survey)).expect("a row");
    db.execute(
        &insert_sql(survey, Dialect::Sqlite),
        rusqlite::params_from_iter(values.iter().map(sqlite_value)),
    )
    .expect("insert");
    let specify_column = survey.questions[0].specify_key(99);
    let stored: String = db
        .query_row(
            &format!(
                "SELECT \"{}\" FROM \"{}\"",
                specify_column.replace('"', "\"\""),
                survey.table.replace('"', "\"\"")
            ),
            [],
            |r| r.get(0),
        )
        .expect("read back");
    assert_eq!(
        Some(stored.as_str()),
        response(survey)["answers"][&specify_column].as_str()
    );
}

fn postgres_roundtrip(survey: &ir::Survey) {
    let mut pg = PgSchema::new("safety");
    let sql = script(survey, Dialect::Postgres);
    for _ in 0..2 {
        let mut tx = pg.client.transaction().expect("begin");
        tx.batch_execute(&sql).expect("run the script");
        tx.commit().expect("commit");
    }
    let table = survey.table.replace('"', "\"\"");
    let tables: BTreeSet<String> = pg
        .client
        .query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
            &[],
        )
        .expect("tables")
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(tables.len(), 7, "{tables:?}");
    let texts: BTreeSet<(String, String, String, String)> = pg
        .client
        .query(
            &format!("SELECT scope, item, language, text FROM \"{table}_texts\""),
            &[],
        )
        .expect("texts")
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect();
    assert_eq!(texts, expected_texts(survey));
    let labels: BTreeSet<(String, i64, String, String)> = pg
        .client
        .query(
            &format!("SELECT question_id, code, language, label FROM \"{table}_codes\""),
            &[],
        )
        .expect("labels")
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3)))
        .collect();
    assert_eq!(labels, expected_labels(survey));
    let regclass = format!("\"{table}\"");
    let title: Option<String> = pg
        .client
        .query_one(
            "SELECT obj_description(to_regclass($1), 'pg_class')",
            &[&regclass],
        )
        .expect("table comment")
        .get(0);
    assert_eq!(
        title.as_deref(),
        Some(survey.title.get(survey.default_language()))
    );
    let wording: Option<String> = pg
        .client
        .query_one(
            "SELECT col_description(to_regclass($1), a.attnum) FROM pg_attribute a \
             WHERE a.attrelid = to_regclass($1) AND a.attname = $2",
            &[&regclass, &survey.questions[0].id],
        )
        .expect("column comment")
        .get(0);
    assert_eq!(
        wording.as_deref(),
        Some(survey.questions[0].wording.get(survey.default_language()))
    );
    let values = row(survey, &response(survey)).expect("a row");
    let types: Vec<_> = insert_columns(survey).iter().map(|c| c.value).collect();
    let pg_types: Vec<_> = types.iter().map(|t| pg_type(*t)).collect();
    let insert = pg
        .client
        .prepare_typed(&insert_sql(survey, Dialect::Postgres), &pg_types)
        .expect("prepare");
    let boxed = pg_values(&values, &types);
    let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = boxed
        .iter()
        .map(|b| b.as_ref() as &(dyn postgres::types::ToSql + Sync))
        .collect();
    pg.client.execute(&insert, &refs).expect("insert");
    let specify_column = survey.questions[0].specify_key(99).replace('"', "\"\"");
    let stored: String = pg
        .client
        .query_one(&format!("SELECT \"{specify_column}\" FROM \"{table}\""), &[])
        .expect("read back")
        .get(0);
    assert_eq!(
        Some(stored.as_str()),
        response(survey)["answers"][&survey.questions[0].specify_key(99)].as_str()
    );
}

#[test]
fn nasty_texts_survive_sqlite() {
    sqlite_roundtrip(&nasty());
}

#[test]
fn nasty_names_survive_sqlite() {
    sqlite_roundtrip(&nasty_names());
}

#[test]
fn nasty_texts_survive_postgres() {
    postgres_roundtrip(&nasty());
}

#[test]
fn nasty_names_survive_postgres() {
    postgres_roundtrip(&nasty_names());
}

#[test]
fn the_fixture_is_really_nasty() {
    let survey = nasty();
    let all: String = expected_texts(&survey).into_iter().map(|t| t.3).collect();
    for needle in [
        "'",
        "\"",
        "\\",
        "*/",
        "--",
        "\n",
        "$$",
        "\u{2028}",
        "\u{202E}",
        "日本語",
        "Τίτλος",
    ] {
        assert!(all.contains(needle), "the fixture lacks {needle:?}");
    }
    assert!(survey.doc.as_deref().is_some_and(|d| d.contains("*/")));
}

/// The command-line clients read a file line by line and run lines that start with `.`
/// (sqlite3) or `\` (psql) as their own commands; inside a literal those lines must stay text.
#[test]
fn cli_clients_keep_command_lines_inside_literals() {
    let dir = tempfile::tempdir().expect("temp dir");
    let marker = dir.path().join("pwned");
    let m = marker.display().to_string();
    let source = format!(
        "survey prova.punto {{\n  version 1.0.0\n  title \"Titolo\\n.shell touch {m}\\n.quit\\n;\"\n  \
         languages it\n  channels web\n  question q1: yesno {{\n    \"Domanda\\n\\\\! touch {m}\\n\\\\q\\n\"\n  }}\n}}\n"
    );
    let survey = compile_source("punto.rileva", &source).remove(0);
    let title = survey.title.get("it").to_owned();
    assert!(title.contains("\n.shell touch"), "{title:?}");
    assert!(survey.questions[0].wording.get("it").contains("\n\\! touch"));

    let lite = dir.path().join("sqlite.sql");
    std::fs::write(&lite, script(&survey, Dialect::Sqlite)).expect("write");
    let db = dir.path().join("punto.db");
    let output = std::process::Command::new("sqlite3")
        .arg("-bail")
        .arg(&db)
        .arg(format!(".read {}", lite.display()))
        .arg(format!(
            "SELECT text FROM \"{}_texts\" WHERE scope = 'survey'",
            survey.table
        ))
        .output()
        .expect("the sqlite3 CLI is needed: apt-get install -y sqlite3");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout), format!("{title}\n"));

    let pg = PgSchema::new("psql");
    let sql = dir.path().join("postgres.sql");
    std::fs::write(&sql, script(&survey, Dialect::Postgres)).expect("write");
    let output = std::process::Command::new("psql")
        .env("PGOPTIONS", format!("-c search_path={}", pg.name))
        .args(["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-f"])
        .arg(&sql)
        .arg(sql_support::postgres_url())
        .output()
        .expect("psql is needed: apt-get install -y postgresql-client");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let mut pg = pg;
    let wording: String = pg
        .client
        .query_one(
            &format!(
                "SELECT text FROM \"{}_texts\" WHERE scope = 'question'",
                survey.table
            ),
            &[],
        )
        .expect("wording")
        .get(0);
    assert_eq!(wording, survey.questions[0].wording.get("it"));
    assert!(!marker.exists(), "a client ran a command hidden in a text");
}
