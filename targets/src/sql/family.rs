//! SQL target, versions: the one response table that holds every minor version of a survey's
//! major version (docs/versions.md). Its columns are the first version's, then each column a
//! later version adds, in the order it adds them (where `ALTER TABLE ... ADD COLUMN` puts
//! them); a column is NOT NULL only when every version fills it. Its constraints keep each
//! version's rules for that version's rows: a rule every version shares keeps its name and
//! text; a rule that differs, or that some versions lack, is guarded by `survey_version`.
//! Per version, two more kinds of rule: `<question>_absent` (the columns of a question the
//! version does not ask are NULL) and `<question>_required` (its required answers where the
//! table could not say NOT NULL). With one version everything is exactly [`super::table`]'s.

use super::quote::{ident, literal, Dialect};
use super::table::{self, Constraint};
use rileva_compiler::ir;
use std::collections::{BTreeMap, HashMap, HashSet};

/// One column of the table of several versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyColumn {
    pub name: String,
    /// The question it belongs to, if any.
    pub question: Option<String>,
    /// Its definition in the dialect (type, NOT NULL, a SQLite boolean's CHECK).
    pub definition: String,
    pub not_null: bool,
}

/// The versions of one table in version order, each once (the last given wins).
pub fn sorted<'a>(versions: &[&'a ir::Survey]) -> Vec<&'a ir::Survey> {
    let mut by: BTreeMap<Vec<u64>, &ir::Survey> = BTreeMap::new();
    for v in versions {
        by.insert(rileva_compiler::diff::version_key(&v.version), v);
    }
    by.into_values().collect()
}

/// Every column, in table order.
pub fn columns(versions: &[&ir::Survey], dialect: Dialect) -> Vec<FamilyColumn> {
    // Per column: every version fills it so far, how many versions have it, the latest.
    let mut found: Vec<(bool, usize, table::Column<'_>)> = Vec::new();
    // Column name -> its position in `found`.
    let mut position: foldhash::HashMap<String, usize> = foldhash::HashMap::default();
    for survey in versions {
        for c in table::columns(survey) {
            let not_null = c.not_null(survey);
            match position.get(&c.name).map(|&i| &mut found[i]) {
                Some((all, count, latest)) => {
                    *all &= not_null;
                    *count += 1;
                    // The latest version's type (a widened range may need 64 bits).
                    *latest = c;
                }
                None => {
                    position.insert(c.name.clone(), found.len());
                    found.push((not_null, 1, c));
                }
            }
        }
    }
    found
        .into_iter()
        .map(|(all, count, c)| {
            // A column some version lacks is NULL in that version's rows.
            let not_null = all && count == versions.len();
            FamilyColumn {
                definition: c.definition_with(dialect, not_null),
                name: c.name.clone(),
                question: c.question.map(|q| q.id.clone()),
                not_null,
            }
        })
        .collect()
}

/// Each column's definition ([`FamilyColumn::definition`]), in table order. With one
/// version these are [`table::Column::definition`]'s, made without comparing versions.
pub fn definitions(versions: &[&ir::Survey], dialect: Dialect) -> Vec<String> {
    match versions {
        [one] => table::columns(one)
            .iter()
            .map(|c| c.definition(dialect, one))
            .collect(),
        _ => columns(versions, dialect)
            .into_iter()
            .map(|c| c.definition)
            .collect(),
    }
}

/// Every constraint, in a stable order: `survey_version`, then each rule by first appearance.
pub fn constraints(versions: &[&ir::Survey], dialect: Dialect) -> Vec<Constraint> {
    if let [one] = versions {
        return table::constraints(one, dialect);
    }
    let family = columns(versions, dialect);
    // name -> (check text -> the versions that have it), in first-appearance order.
    let mut order: Vec<String> = Vec::new();
    let mut rules: BTreeMap<String, Vec<(String, Vec<&str>)>> = BTreeMap::new();
    for survey in versions {
        for c in version_rules(survey, &family, dialect) {
            let groups = rules.entry(c.name.clone()).or_insert_with(|| {
                order.push(c.name.clone());
                Vec::new()
            });
            match groups.iter_mut().find(|(check, _)| *check == c.check) {
                Some((_, vs)) => vs.push(&survey.version),
                None => groups.push((c.check, vec![&survey.version])),
            }
        }
    }
    let all: Vec<String> = versions.iter().map(|v| literal(&v.version)).collect();
    let mut out = vec![Constraint {
        name: "survey_version".to_owned(),
        check: format!(
            "COALESCE({} IN ({}), FALSE)",
            ident("survey_version"),
            all.join(", ")
        ),
    }];
    for name in order {
        let groups = &rules[&name];
        let check = match groups.as_slice() {
            [(check, vs)] if vs.len() == versions.len() => check.clone(),
            [(check, vs)] => guarded(vs, check),
            _ => groups
                .iter()
                .map(|(check, vs)| format!("({})", guarded(vs, check)))
                .collect::<Vec<_>>()
                .join(" AND "),
        };
        out.push(Constraint { name, check });
    }
    out
}

/// `check` binds the rows of `versions` only. `survey_version` is NOT NULL, so this stays
/// two-valued.
fn guarded(versions: &[&str], check: &str) -> String {
    let list: Vec<String> = versions.iter().map(|v| literal(v)).collect();
    format!(
        "{} NOT IN ({}) OR ({check})",
        ident("survey_version"),
        list.join(", ")
    )
}

/// One version's rules in the table of several: its own constraints but `survey_version`,
/// then NULL where it asks nothing, then its required answers the table leaves nullable.
fn version_rules(survey: &ir::Survey, family: &[FamilyColumn], dialect: Dialect) -> Vec<Constraint> {
    let mut out: Vec<Constraint> = table::constraints(survey, dialect)
        .into_iter()
        .filter(|c| c.name != "survey_version")
        .collect();
    let own: HashSet<String> = table::columns(survey).into_iter().map(|c| c.name).collect();
    let mut absent: Vec<(String, Vec<String>)> = Vec::new();
    // Owner -> its position in `absent`.
    let mut position: HashMap<String, usize> = HashMap::new();
    for f in family {
        if own.contains(&f.name) {
            continue;
        }
        let owner = f.question.clone().unwrap_or_else(|| f.name.clone());
        let test = format!("{} IS NULL", ident(&f.name));
        match position.get(&owner) {
            Some(&i) => absent[i].1.push(test),
            None => {
                position.insert(owner.clone(), absent.len());
                absent.push((owner, vec![test]));
            }
        }
    }
    // The columns some version leaves NULL.
    let nullable: HashSet<&str> = family
        .iter()
        .filter(|f| !f.not_null)
        .map(|f| f.name.as_str())
        .collect();
    out.extend(absent.into_iter().map(|(owner, tests)| Constraint {
        name: format!("{owner}_absent"),
        check: tests.join(" AND "),
    }));
    for q in &survey.questions {
        let tests: Vec<String> = table::question_columns(q)
            .iter()
            .filter(|c| c.not_null(survey))
            .filter(|c| nullable.contains(c.name.as_str()))
            .map(|c| format!("{} IS NOT NULL", ident(&c.name)))
            .collect();
        if !tests.is_empty() {
            out.push(Constraint {
                name: format!("{}_required", q.id),
                check: tests.join(" AND "),
            });
        }
    }
    out
}
