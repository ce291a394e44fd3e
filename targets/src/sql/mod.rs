//! SQL target: the response table of docs/language.md §10 and its codebook, for PostgreSQL
//! (`sql/postgres.sql`) and SQLite (`sql/sqlite.sql`).
//!
//! Stages: [`table`] lists the response table's columns and the CHECK constraints that accept
//! exactly the rows of valid responses (the reference is `rileva_compiler::response`), with
//! [`expr`] turning `show if` and `check` conditions into two-valued SQL; [`codebook`] lists
//! the tables that describe it; [`view`] turns both into already-escaped SQL pieces; the
//! minijinja templates in `templates/sql/` (embedded with `include_str!`) only lay them out.
//! [`row`] maps one JSON response onto the table for `rileva load` and the tests.
//! [`family`] is the one table of several minor versions, [`migrate`] the scripts of
//! `rileva diff --sql` (docs/versions.md).
//!
//! Escaping is decided in Rust, never by the template engine: every identifier goes through
//! [`quote::ident`] (double quotes, `"` doubled), every text through [`quote::literal`]
//! (single quotes, `'` doubled; PostgreSQL gets `standard_conforming_strings = on`, so a
//! backslash is an ordinary character), and `--` comment lines through [`quote::comment`]
//! (printable ASCII only, so a newline in a text can never end a comment). Survey texts
//! reach the file only as literals: in codebook INSERTs and PostgreSQL `COMMENT ON`. The
//! environment's auto-escaping is off, so the templates print the pieces unchanged.
//!
//! Running a file twice is safe: `CREATE TABLE IF NOT EXISTS`, and the codebook's INSERTs
//! skip rows already there (`ON CONFLICT DO NOTHING`, `INSERT OR IGNORE`). The file has no
//! BEGIN/COMMIT, so `rileva load` can run it inside its own transaction.

pub mod codebook;
pub mod expr;
pub mod family;
pub mod migrate;
pub mod quote;
pub mod row;
pub mod table;
mod timestamp;
pub mod view;

use crate::OutputFile;
use minijinja::{AutoEscape, Environment};
use quote::Dialect;
use rileva_compiler::diagnostics::{Code, Diagnostic};
use rileva_compiler::ir;

const POSTGRES_TEMPLATE: &str = include_str!("../../templates/sql/postgres.sql.j2");
const SQLITE_TEMPLATE: &str = include_str!("../../templates/sql/sqlite.sql.j2");

/// `sql/postgres.sql` and `sql/sqlite.sql`.
pub fn emit(survey: &ir::Survey) -> Vec<OutputFile> {
    let versions = [survey];
    // The codebook's rows are written once for both files; the two files are two tasks,
    // which the build runs on both cores beside the other targets.
    let codebook = view::Codebook::new(&versions);
    let file = |dialect| {
        render(
            &view::file_with(&versions, codebook.tables(dialect), dialect),
            dialect,
        )
    };
    let (postgres, sqlite) = rayon::join(|| file(Dialect::Postgres), || file(Dialect::Sqlite));
    vec![
        OutputFile::text("sql/postgres.sql", postgres),
        OutputFile::text("sql/sqlite.sql", sqlite),
    ]
}

/// The whole SQL file for one database.
pub fn script(survey: &ir::Survey, dialect: Dialect) -> String {
    script_versions(&[survey], dialect)
}

/// The SQL file of the one table that holds several minor versions of a survey, in version
/// order (docs/versions.md; [`family`]). With one version it is [`script`].
pub fn script_versions(versions: &[&ir::Survey], dialect: Dialect) -> String {
    render(&view::file_versions(versions, dialect), dialect)
}

/// Lay out a file's pieces with the dialect's template.
fn render(view: &view::FileView, dialect: Dialect) -> String {
    let (name, source) = match dialect {
        Dialect::Postgres => ("postgres.sql", POSTGRES_TEMPLATE),
        Dialect::Sqlite => ("sqlite.sql", SQLITE_TEMPLATE),
    };
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::None);
    env.set_keep_trailing_newline(true);
    // The templates are part of the binary and take only strings: rendering cannot fail on
    // any survey, and a broken template fails every test.
    env.add_template(name, source)
        .and_then(|()| env.get_template(name))
        .and_then(|t| t.render(view))
        .unwrap_or_else(|e| {
            format!(
                "-- rileva: internal error in the SQL template: {}\n",
                quote::comment(&e.to_string())
            )
        })
}

/// R0103 for each name this target would create that PostgreSQL cannot hold: more than 63
/// bytes (a table name from a long survey id, a column from a long id and a large code).
pub fn validate(survey: &ir::Survey) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let longest_table = codebook::kinds(survey)
        .into_iter()
        .map(|kind| view::codebook_name(survey, kind))
        .chain([survey.table.clone()])
        .max_by_key(String::len)
        .unwrap_or_default();
    if longest_table.len() > view::MAX_IDENTIFIER_BYTES {
        out.push(
            Diagnostic::new(
                Code::R0103,
                format!(
                    "the SQL table `{longest_table}` of survey `{}` is longer than {} bytes",
                    survey.id,
                    view::MAX_IDENTIFIER_BYTES
                ),
                survey.span,
                "this survey's id",
            )
            .with_help("choose a shorter survey id: PostgreSQL cuts longer names"),
        );
    }
    for column in table::columns(survey) {
        if column.name.len() <= view::MAX_IDENTIFIER_BYTES {
            continue;
        }
        if let Some(q) = column.question {
            out.push(
                Diagnostic::new(
                    Code::R0103,
                    format!(
                        "the SQL column `{}` is longer than {} bytes",
                        column.name,
                        view::MAX_IDENTIFIER_BYTES
                    ),
                    q.span,
                    "this question's column",
                )
                .with_help("choose a shorter question id or smaller codes: PostgreSQL cuts longer names"),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests;
