//! R0103: identifiers are `[a-z][a-z0-9_]*`, at most 48 characters (they become SQL columns
//! and JSON keys), and a question id must not clash with a column the targets generate:
//! `response_id`, `survey_version`, `language`, `channel`, `submitted_at`, `site` (in a
//! survey with `sites`), a multi's
//! `<question>_<code>` or a specify text's `<question>_<code>_text`. The help gives the
//! snake_case spelling. Site ids follow the same rules (they are response values and SQL
//! literals, and name the site in `translations` keys).

use super::context::SurveyCx;
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::ir::QuestionKind;
use crate::resolve::model::QuestionDef;
use crate::resolve::Db;
use crate::source::Span;

/// The longest identifier: SQL column names and JSON keys.
pub const MAX_LEN: usize = 48;

/// Columns of every response table, before the questions' own.
pub const GENERATED_COLUMNS: [&str; 5] = [
    "response_id",
    "survey_version",
    "language",
    "channel",
    "submitted_at",
];

pub fn check(cx: &SurveyCx<'_>, sink: &mut Diagnostics) {
    let survey = cx.survey;
    for segment in &survey.ast.name.segments {
        identifier(&segment.name, segment.span, "survey id", sink);
    }
    let columns = generated_columns(cx);
    for q in survey.questions.iter().filter(|q| cx.in_input(q.name_span())) {
        identifier(&q.id, q.name_span(), "question id", sink);
        clashes(q, &columns, sink);
        if q.id == "site" && !survey.header.sites.is_empty() {
            sink.push(
                Diagnostic::new(
                    Code::R0103,
                    "question id `site` clashes with the `site` column of a survey with sites",
                    q.name_span(),
                    "the response table of a survey with `sites` already has this column",
                )
                .with_help("rename the question, e.g. `sede` or `site_risposta`"),
            );
        }
    }
    for s in survey.sections.iter().filter(|s| cx.in_input(s.name_span)) {
        identifier(&s.id, s.name_span, "section id", sink);
    }
    // Site ids go into every response (`"site": "centro"`) and a SQL CHECK.
    for site in &survey.header.sites {
        identifier(&site.id, site.name_span, "site id", sink);
    }
}

/// Lists and modules of the input files.
pub fn check_items(db: &Db, sink: &mut Diagnostics) {
    for l in db.lists.iter().filter(|l| db.is_input(l.file)) {
        identifier(&l.name, l.ast.name.span, "list name", sink);
    }
    for m in db.modules.iter().filter(|m| db.is_input(m.file)) {
        identifier(&m.name, m.ast.name.span, "module name", sink);
    }
}

/// Report `name` when it is not a valid identifier.
fn identifier(name: &str, span: Span, what: &str, sink: &mut Diagnostics) {
    let Some(problem) = problem(name) else { return };
    let fixed = snake_case(name);
    let help = if fixed.is_empty() || fixed == name {
        "use lowercase letters, digits and `_`, starting with a letter".to_owned()
    } else {
        format!("write `{fixed}`")
    };
    sink.push(
        Diagnostic::new(Code::R0103, format!("invalid {what} `{name}`"), span, problem).with_help(help),
    );
}

/// What is wrong with `name` as an identifier, if anything.
pub fn problem(name: &str) -> Option<String> {
    let mut chars = name.chars();
    match chars.next() {
        None => return Some("an identifier cannot be empty".to_owned()),
        Some(c) if !c.is_ascii_lowercase() => {
            return Some(format!(
                "starts with `{c}`: identifiers start with a lowercase letter"
            ))
        }
        _ => {}
    }
    if let Some(c) = name.chars().find(|c| c.is_uppercase()) {
        return Some(format!("`{c}` is a capital: identifiers are lowercase"));
    }
    if name.contains('-') {
        return Some("`-` is not allowed: use `_`".to_owned());
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_'))
    {
        return Some(format!("`{c}` is not allowed: use a-z, 0-9 and `_`"));
    }
    let len = name.chars().count();
    (len > MAX_LEN).then(|| format!("{len} characters: at most {MAX_LEN} are allowed"))
}

/// `TempoAttesa` / `tempo-attesa` -> `tempo_attesa`; accents dropped, cut to 48.
pub fn snake_case(name: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c.is_uppercase() && prev_lower {
            out.push('_');
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        for l in c.to_lowercase() {
            out.push(match l {
                'à' | 'á' => 'a',
                'è' | 'é' => 'e',
                'ì' | 'í' => 'i',
                'ò' | 'ó' => 'o',
                'ù' | 'ú' => 'u',
                c if c.is_ascii_lowercase() || c.is_ascii_digit() => c,
                _ => '_',
            });
        }
    }
    let mut collapsed = String::new();
    for c in out.chars() {
        if !(c == '_' && collapsed.ends_with('_')) {
            collapsed.push(c);
        }
    }
    let trimmed = collapsed.trim_matches('_');
    let mut fixed = match trimmed.chars().next() {
        Some(c) if c.is_ascii_digit() => format!("q_{trimmed}"),
        _ => trimmed.to_owned(),
    };
    fixed.truncate(MAX_LEN);
    fixed.trim_end_matches('_').to_owned()
}

/// Columns generated for multi options and specify texts: column -> (question, code).
fn generated_columns<'a>(cx: &SurveyCx<'a>) -> foldhash::HashMap<String, (&'a QuestionDef, i64)> {
    let mut out = foldhash::HashMap::default();
    for q in &cx.survey.questions {
        for c in &q.codes {
            if q.kind == QuestionKind::Multi {
                out.entry(format!("{}_{}", q.id, c.value)).or_insert((q, c.value));
            }
            if c.specify {
                out.entry(format!("{}_{}_text", q.id, c.value))
                    .or_insert((q, c.value));
            }
        }
    }
    out
}

/// A question id equal to a generated column.
fn clashes(
    q: &QuestionDef,
    columns: &foldhash::HashMap<String, (&QuestionDef, i64)>,
    sink: &mut Diagnostics,
) {
    if GENERATED_COLUMNS.contains(&q.id.as_str()) {
        sink.push(
            Diagnostic::new(
                Code::R0103,
                format!("question id `{}` clashes with a generated column", q.id),
                q.name_span(),
                "every response table already has this column",
            )
            .with_help(format!(
                "rename the question, e.g. `{}_risposta`; the reserved columns are {}",
                q.id,
                GENERATED_COLUMNS.join(", ")
            )),
        );
    }
    if let Some((other, code)) = columns.get(&q.id) {
        sink.push(
            Diagnostic::new(
                Code::R0103,
                format!(
                    "question id `{}` clashes with a column of question `{}`",
                    q.id, other.id
                ),
                q.name_span(),
                format!("`{}` is generated for code {code} of `{}`", q.id, other.id),
            )
            .with_secondary(other.name_span(), "that question is defined here")
            .with_help(format!("rename the question, e.g. `{}_risposta`", q.id)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::testing::{survey, with_code};

    #[test]
    fn snake_case_spellings() {
        assert_eq!(snake_case("Soddisfazione"), "soddisfazione");
        assert_eq!(snake_case("tempo-attesa"), "tempo_attesa");
        assert_eq!(snake_case("TempoAttesa"), "tempo_attesa");
        assert_eq!(snake_case("1scelta"), "q_1scelta");
        assert_eq!(snake_case(&"a".repeat(60)).len(), 48);
    }

    #[test]
    fn problems() {
        assert!(problem("soddisfazione").is_none());
        assert!(problem("Soddisfazione").is_some());
        assert!(problem("tempo-attesa").is_some());
        assert!(problem(&"a".repeat(49)).is_some());
        assert!(problem(&"a".repeat(48)).is_none());
    }

    #[test]
    fn capitals_and_dashes_in_question_ids() {
        let src = survey(
            "  question Soddisfazione: yesno { \"Soddisfatto?\" en \"Satisfied?\" }\n  \
             question tempo-attesa: yesno { \"Attesa?\" en \"Wait?\" }",
        );
        let found = with_code(&src, "R0103");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].help.as_deref(), Some("write `soddisfazione`"));
        assert_eq!(found[1].help.as_deref(), Some("write `tempo_attesa`"));
    }

    #[test]
    fn generated_column_clashes() {
        let src = survey(
            "  question language: yesno { \"Lingua?\" en \"Language?\" }\n  \
             question motivi: multi { \"Motivi?\" en \"Reasons?\"\n    1 \"A\" en \"A\"\n    \
             2 \"Altro\" en \"Other\" specify }\n  \
             question motivi_2_text: yesno { \"Altro?\" en \"Other?\" }",
        );
        let found = with_code(&src, "R0103");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[1].message.contains("column of question `motivi`"));
    }
}
