//! SQL target, view model: every piece of SQL the templates lay out, already quoted and
//! escaped in Rust ([`super::quote`]). The templates never see a raw survey text.

use super::codebook::{self, FieldType, Value};
use super::family;
use super::quote::{comment, ident, literal, push_ident, push_integer, push_literal, Dialect};
use super::table::{self, Role};
use rileva_compiler::ir;
use serde::Serialize;
use std::borrow::Cow;
use std::collections::HashMap;

/// PostgreSQL's longest identifier, in bytes; longer names are cut by the server.
pub const MAX_IDENTIFIER_BYTES: usize = 63;

/// Rows per INSERT statement in the codebook.
const ROWS_PER_INSERT: usize = 100;

// The templates get each list of lines as one string (see [`indented`] and [`statements`]):
// a loop of the template engine per row of a 10,000-question codebook was most of its time.

#[derive(Debug, Serialize)]
pub struct FileView<'a> {
    /// `--` comment lines, sanitised.
    pub header: Vec<String>,
    pub tables: Vec<TableView<'a>>,
    /// `COMMENT ON` statements (PostgreSQL only), given to the template as one string.
    #[serde(serialize_with = "statements")]
    pub comments: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct TableView<'a> {
    /// Quoted name.
    pub name: String,
    /// A sanitised comment line.
    pub about: String,
    /// Column definitions and table constraints, one item per line, given to the template
    /// as one string.
    #[serde(serialize_with = "indented")]
    pub items: Vec<String>,
    /// Borrowed from a [`Codebook`] that makes both files.
    pub inserts: Cow<'a, [InsertView]>,
}

#[derive(Debug, Clone, Serialize)]
pub struct InsertView {
    /// `"a", "b"`
    pub columns: String,
    /// `('x', 1)`, one per row, given to the template as one string.
    #[serde(serialize_with = "indented")]
    pub rows: Vec<String>,
}

/// The lines as the templates print them: each indented by two spaces, a comma at the end
/// of every line but the last, no newline after the last.
fn indented<S: serde::Serializer>(lines: &[String], serializer: S) -> Result<S::Ok, S::Error> {
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 4).sum());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str("  ");
        out.push_str(line);
    }
    serializer.serialize_str(&out)
}

/// Each statement followed by `;` and a newline.
fn statements<S: serde::Serializer>(lines: &[String], serializer: S) -> Result<S::Ok, S::Error> {
    let mut out = String::with_capacity(lines.iter().map(|l| l.len() + 2).sum());
    for line in lines {
        out.push_str(line);
        out.push_str(";\n");
    }
    serializer.serialize_str(&out)
}

pub fn file(survey: &ir::Survey, dialect: Dialect) -> FileView<'static> {
    file_versions(&[survey], dialect)
}

/// The file for the table that holds several minor versions of one survey, oldest first
/// (docs/versions.md): one response table for all, each codebook table once, the rows every
/// version adds to it.
pub fn file_versions(versions: &[&ir::Survey], dialect: Dialect) -> FileView<'static> {
    file_with(versions, Codebook::new(versions).into_tables(dialect), dialect)
}

/// [`file_versions`] with the codebook tables already made ([`Codebook::tables`]).
pub fn file_with<'a>(
    versions: &[&ir::Survey],
    codebook: Vec<TableView<'a>>,
    dialect: Dialect,
) -> FileView<'a> {
    let Some(latest) = versions.last() else {
        return FileView {
            header: Vec::new(),
            tables: Vec::new(),
            comments: Vec::new(),
        };
    };
    let database = match dialect {
        Dialect::Postgres => "PostgreSQL",
        Dialect::Sqlite => "SQLite",
    };
    let list: Vec<&str> = versions.iter().map(|v| v.version.as_str()).collect();
    let header = vec![
        comment(&format!(
            "rileva: response table and codebook of survey {} {} for {database}.",
            latest.id,
            list.join(", ")
        )),
        "Generated from the survey's source: do not edit. Safe to run more than once.".to_owned(),
    ];
    let mut tables = vec![response_table(versions, dialect)];
    tables.extend(codebook);
    let comments = match dialect {
        Dialect::Postgres => comments_of(latest),
        Dialect::Sqlite => Vec::new(),
    };
    FileView {
        header,
        tables,
        comments,
    }
}

/// Each codebook table once (as the first version that has it creates it), with the rows of
/// every version that an earlier one did not already insert.
pub fn codebook_tables(versions: &[&ir::Survey], dialect: Dialect) -> Vec<TableView<'static>> {
    Codebook::new(versions).into_tables(dialect)
}

/// The codebook tables of both dialects, their rows written once: the dialects write every
/// value alike but a boolean, so a table without boolean columns has one list of INSERTs for
/// both (`rileva build` writes the two files from one `Codebook`).
pub struct Codebook {
    tables: Vec<CodebookTable>,
}

/// One codebook table in both dialects.
struct CodebookTable {
    postgres: TableView<'static>,
    /// The SQLite column definitions and key.
    sqlite_items: Vec<String>,
    /// The SQLite INSERTs, `None` when they are PostgreSQL's (no boolean column).
    sqlite_inserts: Option<Vec<InsertView>>,
}

impl Codebook {
    /// Each codebook table once (as the first version that has it creates it), with the rows
    /// of every version that an earlier one did not already insert. A version's rows are cut
    /// into INSERTs of [`ROWS_PER_INSERT`] before the rows already inserted are left out.
    pub fn new(versions: &[&ir::Survey]) -> Codebook {
        let mut out: Vec<CodebookTable> = Vec::new();
        // Per table, the rows of the versions before this one (kept only for a later
        // version). Only membership is asked of these sets, so their order never reaches the
        // file. PostgreSQL's rows stand for both dialects: a table's columns have fixed types,
        // so two rows are the same in one dialect exactly when they are in the other.
        let mut earlier: HashMap<String, foldhash::HashSet<String>> = HashMap::new();
        for (i, survey) in versions.iter().enumerate() {
            for t in codebook::tables(survey) {
                let mut postgres = codebook_table(survey, &t, Dialect::Postgres);
                let sqlite_items = codebook_table(survey, &t, Dialect::Sqlite).items;
                let (rows, sqlite_rows) = rows(&t);
                let before = earlier.get(&postgres.name);
                let mut here: foldhash::HashSet<&str> = foldhash::HashSet::default();
                here.reserve(rows.len());
                let keep: Vec<bool> = rows
                    .iter()
                    .map(|r| here.insert(r.as_str()) && !before.is_some_and(|b| b.contains(r)))
                    .collect();
                drop(here);
                if i + 1 < versions.len() {
                    let seen = earlier.entry(postgres.name.clone()).or_default();
                    seen.extend(rows.iter().cloned());
                }
                let columns: Vec<String> = t.columns.iter().map(|(name, _, _)| ident(name)).collect();
                let columns = columns.join(", ");
                let inserts = inserts(&columns, rows, &keep);
                let sqlite_inserts = sqlite_rows.map(|r| self::inserts(&columns, r, &keep));
                match out.iter_mut().find(|o| o.postgres.name == postgres.name) {
                    Some(o) => {
                        o.postgres.inserts.to_mut().extend(inserts);
                        if let (Some(mine), Some(more)) = (&mut o.sqlite_inserts, sqlite_inserts) {
                            mine.extend(more);
                        }
                    }
                    None => {
                        postgres.inserts = Cow::Owned(inserts);
                        out.push(CodebookTable {
                            postgres,
                            sqlite_items,
                            sqlite_inserts,
                        });
                    }
                }
            }
        }
        Codebook { tables: out }
    }

    /// The tables in `dialect`, borrowing their INSERTs.
    pub fn tables(&self, dialect: Dialect) -> Vec<TableView<'_>> {
        self.tables
            .iter()
            .map(|t| match (dialect, &t.sqlite_inserts) {
                (Dialect::Postgres, _) => TableView {
                    items: t.postgres.items.clone(),
                    ..t.postgres.borrowed()
                },
                (Dialect::Sqlite, inserts) => TableView {
                    items: t.sqlite_items.clone(),
                    inserts: Cow::Borrowed(inserts.as_deref().unwrap_or(&t.postgres.inserts)),
                    ..t.postgres.borrowed()
                },
            })
            .collect()
    }

    /// The tables in `dialect`, owning their INSERTs.
    pub fn into_tables(self, dialect: Dialect) -> Vec<TableView<'static>> {
        self.tables
            .into_iter()
            .map(|t| match (dialect, t.sqlite_inserts) {
                (Dialect::Postgres, _) => t.postgres,
                (Dialect::Sqlite, inserts) => TableView {
                    items: t.sqlite_items,
                    inserts: inserts.map_or(t.postgres.inserts, Cow::Owned),
                    ..t.postgres
                },
            })
            .collect()
    }
}

impl TableView<'_> {
    /// The name and description of this table, its items and INSERTs left empty.
    fn borrowed(&self) -> TableView<'_> {
        TableView {
            name: self.name.clone(),
            about: self.about.clone(),
            items: Vec::new(),
            inserts: Cow::Borrowed(self.inserts.as_ref()),
        }
    }
}

/// The rows kept (`keep`, one flag per row), in INSERTs of at most [`ROWS_PER_INSERT`] of the
/// rows given: a run of rows that keeps none has no INSERT.
fn inserts(columns: &str, rows: Vec<String>, keep: &[bool]) -> Vec<InsertView> {
    let mut out = Vec::with_capacity(rows.len().div_ceil(ROWS_PER_INSERT));
    let mut rows = rows.into_iter();
    for run in keep.chunks(ROWS_PER_INSERT) {
        let mut kept = Vec::with_capacity(run.len());
        for (&k, row) in run.iter().zip(rows.by_ref()) {
            if k {
                kept.push(row);
            }
        }
        if !kept.is_empty() {
            out.push(InsertView {
                columns: columns.to_owned(),
                rows: kept,
            });
        }
    }
    out
}

/// The response table of one or several versions of a survey.
pub fn response_table(versions: &[&ir::Survey], dialect: Dialect) -> TableView<'static> {
    let latest = versions.last().copied();
    let mut items = family::definitions(versions, dialect);
    let constraints = family::constraints(versions, dialect);
    let names = fit_names(constraints.iter().map(|c| c.name.as_str()));
    items.extend(constraints.iter().zip(names).map(|(c, name)| {
        let mut item = String::with_capacity(name.len() + c.check.len() + 22);
        item.push_str("CONSTRAINT ");
        push_ident(&mut item, &name);
        item.push_str(" CHECK (");
        item.push_str(&c.check);
        item.push(')');
        item
    }));
    TableView {
        name: ident(latest.map(|s| s.table.as_str()).unwrap_or_default()),
        about: comment(&format!(
            "Responses: one row per response to {}.",
            latest.map(|s| s.id.as_str()).unwrap_or_default()
        )),
        items,
        inserts: Cow::Owned(Vec::new()),
    }
}

fn codebook_table(survey: &ir::Survey, t: &codebook::Table, dialect: Dialect) -> TableView<'static> {
    let mut items: Vec<String> = t
        .columns
        .iter()
        .map(|(name, field, nullable)| {
            let sql_type = match (field, dialect) {
                (FieldType::Text, d) => d.text(),
                (FieldType::Integer, d) => d.integer(true),
                (FieldType::BigInteger, d) => d.integer(false),
                (FieldType::Boolean, d) => d.boolean(),
            };
            let mut def = format!("{} {sql_type}", ident(name));
            if !nullable {
                def.push_str(" NOT NULL");
            }
            if *field == FieldType::Boolean && dialect == Dialect::Sqlite {
                def.push_str(&format!(" CHECK ({} IN (0, 1))", ident(name)));
            }
            def
        })
        .collect();
    let key: Vec<String> = t.key.iter().map(|k| ident(k)).collect();
    items.push(format!("PRIMARY KEY ({})", key.join(", ")));
    TableView {
        name: ident(&codebook_name(survey, t.kind)),
        about: comment(&format!("Codebook: {}.", t.kind.about())),
        items,
        inserts: Cow::Owned(Vec::new()),
    }
}

/// Each row of `t` as `('x', 1, TRUE)` for PostgreSQL, and as `('x', 1, 1)` for SQLite when
/// `t` has a boolean column (`None` when the rows are the same in both). Each value is
/// written once: SQLite's row copies PostgreSQL's text but for the booleans. A row is
/// written into one reused buffer, then copied into a `String` of its own length.
fn rows(t: &codebook::Table) -> (Vec<String>, Option<Vec<String>>) {
    let booleans = t.columns.iter().any(|(_, field, _)| *field == FieldType::Boolean);
    let mut postgres = Vec::with_capacity(t.rows.len());
    let mut sqlite = Vec::with_capacity(if booleans { t.rows.len() } else { 0 });
    let mut pg = String::new();
    let mut lite = String::new();
    for row in &t.rows {
        pg.clear();
        lite.clear();
        // How much of `pg` is already in `lite`.
        let mut copied = 0;
        pg.push('(');
        for (i, v) in row.iter().enumerate() {
            if i > 0 {
                pg.push_str(", ");
            }
            let start = pg.len();
            push_value(&mut pg, v, Dialect::Postgres);
            if let (true, Value::Boolean(b)) = (booleans, v) {
                lite.push_str(&pg[copied..start]);
                lite.push_str(Dialect::Sqlite.bool_literal(*b));
                copied = pg.len();
            }
        }
        pg.push(')');
        if booleans {
            lite.push_str(&pg[copied..]);
            sqlite.push(lite.as_str().to_owned());
        }
        postgres.push(pg.as_str().to_owned());
    }
    (postgres, booleans.then_some(sqlite))
}

/// `inps_hub_prestazioni_v1_questions`
pub fn codebook_name(survey: &ir::Survey, kind: codebook::Kind) -> String {
    format!("{}_{}", survey.table, kind.suffix())
}

fn push_value(out: &mut String, v: &Value, dialect: Dialect) {
    match v {
        Value::Null => out.push_str("NULL"),
        Value::Text(s) => push_literal(out, s),
        Value::Integer(i) => push_integer(out, *i),
        Value::Boolean(b) => out.push_str(dialect.bool_literal(*b)),
    }
}

/// `COMMENT ON` the response table (the survey title), each of its columns (the question's
/// wording, and the option's label), and each codebook table, in the default language.
pub fn comments_of(survey: &ir::Survey) -> Vec<String> {
    let language = survey.default_language();
    let table = ident(&survey.table);
    let mut out = vec![format!(
        "COMMENT ON TABLE {table} IS {}",
        literal(survey.title.get(language))
    )];
    for c in table::columns(survey) {
        let mut statement = String::with_capacity(table.len() + c.name.len() + 96);
        statement.push_str("COMMENT ON COLUMN ");
        statement.push_str(&table);
        statement.push('.');
        push_ident(&mut statement, &c.name);
        statement.push_str(" IS ");
        match (c.role, c.question) {
            (Role::Id, _) => push_literal(&mut statement, "Assigned by the database."),
            (Role::Metadata, _) => push_literal(&mut statement, metadata_about(&c.name)),
            (Role::Site, _) => push_literal(
                &mut statement,
                "The site (office, counter) where the response was collected, if known.",
            ),
            (Role::Answer, Some(q)) => push_literal(&mut statement, q.wording.get(language)),
            (role, Some(q)) => {
                let label = c
                    .code
                    .and_then(|v| q.code(v))
                    .map(|code| code.label.get(language));
                let what = if role == Role::Specify { " (text)" } else { "" };
                let text = [q.wording.get(language), " - ", label.unwrap_or_default(), what].concat();
                push_literal(&mut statement, &text);
            }
            (_, None) => continue,
        }
        out.push(statement);
    }
    for kind in codebook::kinds(survey) {
        out.push(format!(
            "COMMENT ON TABLE {} IS {}",
            ident(&codebook_name(survey, kind)),
            literal(&format!("Codebook of {}: {}.", survey.id, kind.about()))
        ));
    }
    out
}

fn metadata_about(column: &str) -> &'static str {
    match column {
        "survey_version" => "The survey version the response answers.",
        "language" => "The language the respondent answered in.",
        "channel" => "The channel the response came from.",
        _ => "When the response was submitted.",
    }
}

/// Constraint names that are unique and fit PostgreSQL's identifier limit: a name too long
/// or already taken is cut and given its position as a suffix.
pub fn fit_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    // Only membership is asked of these sets: their order never reaches the file. `given`
    // holds the names kept as they were, `made` the names cut here.
    let mut given: foldhash::HashSet<&str> = foldhash::HashSet::default();
    let mut made: foldhash::HashSet<String> = foldhash::HashSet::default();
    let taken = |n: &str, given: &foldhash::HashSet<&str>, made: &foldhash::HashSet<String>| {
        given.contains(n) || made.contains(n)
    };
    let mut out = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        if name.len() <= MAX_IDENTIFIER_BYTES && !taken(name, &given, &made) {
            given.insert(name);
            out.push(name.to_owned());
            continue;
        }
        let mut candidate = name.to_owned();
        let mut attempt = 0;
        while candidate.len() > MAX_IDENTIFIER_BYTES || taken(&candidate, &given, &made) {
            attempt += 1;
            let suffix = if attempt == 1 {
                format!("_{}", i + 1)
            } else {
                format!("_{}_{attempt}", i + 1)
            };
            let mut cut = (MAX_IDENTIFIER_BYTES - suffix.len()).min(name.len());
            while !name.is_char_boundary(cut) {
                cut -= 1;
            }
            candidate = format!("{}{suffix}", &name[..cut]);
        }
        made.insert(candidate.clone());
        out.push(candidate);
    }
    out
}
