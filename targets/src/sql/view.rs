//! SQL target, view model: every piece of SQL the templates lay out, already quoted and
//! escaped in Rust ([`super::quote`]). The templates never see a raw survey text.

use super::codebook::{self, FieldType, Value};
use super::family;
use super::quote::{comment, ident, literal, push_ident, push_integer, push_literal, Dialect};
use super::table::{self, Role};
use rileva_compiler::ir;
use serde::Serialize;
use std::collections::HashMap;

/// PostgreSQL's longest identifier, in bytes; longer names are cut by the server.
pub const MAX_IDENTIFIER_BYTES: usize = 63;

/// Rows per INSERT statement in the codebook.
const ROWS_PER_INSERT: usize = 100;

// The templates get each list of lines as one string (see [`indented`] and [`statements`]):
// a loop of the template engine per row of a 10,000-question codebook was most of its time.

#[derive(Debug, Serialize)]
pub struct FileView {
    /// `--` comment lines, sanitised.
    pub header: Vec<String>,
    pub tables: Vec<TableView>,
    /// `COMMENT ON` statements (PostgreSQL only), given to the template as one string.
    #[serde(serialize_with = "statements")]
    pub comments: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct TableView {
    /// Quoted name.
    pub name: String,
    /// A sanitised comment line.
    pub about: String,
    /// Column definitions and table constraints, one item per line, given to the template
    /// as one string.
    #[serde(serialize_with = "indented")]
    pub items: Vec<String>,
    pub inserts: Vec<InsertView>,
}

#[derive(Debug, Serialize)]
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

pub fn file(survey: &ir::Survey, dialect: Dialect) -> FileView {
    file_versions(&[survey], dialect)
}

/// The file for the table that holds several minor versions of one survey, oldest first
/// (docs/versions.md): one response table for all, each codebook table once, the rows every
/// version adds to it.
pub fn file_versions(versions: &[&ir::Survey], dialect: Dialect) -> FileView {
    file_with(versions, &codebooks(versions), dialect)
}

/// Each version's codebook tables, with their rows: the same for both dialects, so
/// [`super::emit`] builds them once for its two files.
pub fn codebooks(versions: &[&ir::Survey]) -> Vec<Vec<codebook::Table>> {
    versions.iter().map(|v| codebook::tables(v)).collect()
}

/// [`file_versions`] with the versions' [`codebooks`] already built.
pub fn file_with(versions: &[&ir::Survey], codebooks: &[Vec<codebook::Table>], dialect: Dialect) -> FileView {
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
    tables.extend(codebook_tables_with(versions, codebooks, dialect));
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
/// every version that an earlier one did not already insert. A version's rows are cut into
/// INSERTs of [`ROWS_PER_INSERT`] before the rows already inserted are left out.
pub fn codebook_tables(versions: &[&ir::Survey], dialect: Dialect) -> Vec<TableView> {
    codebook_tables_with(versions, &codebooks(versions), dialect)
}

/// [`codebook_tables`] with the versions' [`codebooks`] already built.
fn codebook_tables_with(
    versions: &[&ir::Survey],
    codebooks: &[Vec<codebook::Table>],
    dialect: Dialect,
) -> Vec<TableView> {
    let mut out: Vec<TableView> = Vec::new();
    // Per table, the rows of the versions before this one (kept only for a later version).
    // Only membership is asked of these sets, so their order never reaches the file.
    let mut earlier: HashMap<String, foldhash::HashSet<String>> = HashMap::new();
    for (i, (survey, tables)) in versions.iter().zip(codebooks).enumerate() {
        for t in tables {
            let mut view = codebook_table(survey, t, dialect);
            let rows = rows(t, dialect);
            let before = earlier.get(&view.name);
            let mut here: foldhash::HashSet<&str> = foldhash::HashSet::default();
            here.reserve(rows.len());
            let keep: Vec<bool> = rows
                .iter()
                .map(|r| here.insert(r.as_str()) && !before.is_some_and(|b| b.contains(r)))
                .collect();
            drop(here);
            if i + 1 < versions.len() {
                let seen = earlier.entry(view.name.clone()).or_default();
                seen.extend(rows.iter().cloned());
            }
            let columns: Vec<String> = t.columns.iter().map(|(name, _, _)| ident(name)).collect();
            let columns = columns.join(", ");
            let mut rows = rows.into_iter().zip(keep).peekable();
            while rows.peek().is_some() {
                let kept: Vec<String> = rows
                    .by_ref()
                    .take(ROWS_PER_INSERT)
                    .filter(|(_, k)| *k)
                    .map(|(r, _)| r)
                    .collect();
                if !kept.is_empty() {
                    view.inserts.push(InsertView {
                        columns: columns.clone(),
                        rows: kept,
                    });
                }
            }
            match out.iter_mut().find(|o| o.name == view.name) {
                Some(o) => o.inserts.extend(view.inserts),
                None => out.push(view),
            }
        }
    }
    out
}

/// The response table of one or several versions of a survey.
pub fn response_table(versions: &[&ir::Survey], dialect: Dialect) -> TableView {
    let latest = versions.last().copied();
    let mut items: Vec<String> = family::columns(versions, dialect)
        .into_iter()
        .map(|c| c.definition)
        .collect();
    let constraints = family::constraints(versions, dialect);
    let names = fit_names(constraints.iter().map(|c| c.name.clone()));
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
        inserts: Vec::new(),
    }
}

fn codebook_table(survey: &ir::Survey, t: &codebook::Table, dialect: Dialect) -> TableView {
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
        inserts: Vec::new(),
    }
}

/// Each row of `t` as `('x', 1, TRUE)`.
fn rows(t: &codebook::Table, dialect: Dialect) -> Vec<String> {
    t.rows
        .iter()
        .map(|row| {
            let mut out = String::with_capacity(16 * row.len() + 2);
            out.push('(');
            for (i, v) in row.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_value(&mut out, v, dialect);
            }
            out.push(')');
            out
        })
        .collect()
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
        let text = match (c.role, c.question) {
            (Role::Id, _) => "Assigned by the database.".to_owned(),
            (Role::Metadata, _) => metadata_about(&c.name).to_owned(),
            (Role::Site, _) => {
                "The site (office, counter) where the response was collected, if known.".to_owned()
            }
            (Role::Answer, Some(q)) => q.wording.get(language).to_owned(),
            (role, Some(q)) => {
                let label = c
                    .code
                    .and_then(|v| q.code(v))
                    .map(|code| code.label.get(language));
                let what = if role == Role::Specify { " (text)" } else { "" };
                format!(
                    "{} - {}{what}",
                    q.wording.get(language),
                    label.unwrap_or_default()
                )
            }
            (_, None) => continue,
        };
        out.push(format!(
            "COMMENT ON COLUMN {table}.{} IS {}",
            ident(&c.name),
            literal(&text)
        ));
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
pub fn fit_names(names: impl IntoIterator<Item = String>) -> Vec<String> {
    // Only membership is asked of `taken`: its order never reaches the file.
    let mut taken = foldhash::HashSet::default();
    let mut out = Vec::new();
    for (i, name) in names.into_iter().enumerate() {
        if name.len() <= MAX_IDENTIFIER_BYTES && !taken.contains(&name) {
            taken.insert(name.clone());
            out.push(name);
            continue;
        }
        let mut candidate = name.clone();
        let mut attempt = 0;
        while candidate.len() > MAX_IDENTIFIER_BYTES || taken.contains(&candidate) {
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
        taken.insert(candidate.clone());
        out.push(candidate);
    }
    out
}
