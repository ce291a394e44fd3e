//! DDI target, the logical product: categories (one per code of a code list), code lists
//! (one per named list of the survey, shared by the questions that use it with the same
//! codes; otherwise one per question) and variables (one per question, plus one per
//! `specify` free text), in the `l:` namespace.

use super::ids::{Id, Ids, Kind};
use super::text::{label, name};
use super::xml::Xml;
use rileva_compiler::ir::{Code, Question, QuestionKind, Survey, Text};
use rileva_compiler::response::{DEFAULT_TEXT_MAX_CHARS, SPECIFY_MAX_CHARS};

/// One DDI code list: the codes of one or more questions.
#[derive(Debug)]
pub struct CodeList<'a> {
    /// `istat.scales.soddisfazione5`, or the question id for a list of its own.
    pub name: &'a str,
    pub codes: &'a [Code],
}

impl<'a> CodeList<'a> {
    pub fn id(&self) -> Id<'a> {
        Id::new(Kind::CodeList, self.name)
    }
}

/// The code lists of a survey, in the order their first question is asked.
pub fn code_lists<'a>(survey: &'a Survey, ids: &Ids) -> Vec<CodeList<'a>> {
    let mut out: Vec<CodeList<'a>> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for q in survey.questions.iter().filter(|q| q.kind.is_coded()) {
        let name = list_name(ids, q);
        if seen.insert(name) {
            out.push(CodeList {
                name,
                codes: &q.codes,
            });
        }
    }
    out
}

/// The name of the code list of `question`: its named list when every question naming it
/// has the same codes, else the question's id.
pub fn list_name<'a>(ids: &Ids, question: &'a Question) -> &'a str {
    match &question.code_list {
        Some(named) if ids.shared_lists.contains(named) => named,
        _ => &question.id,
    }
}

pub fn category_scheme(xml: &mut Xml, survey: &Survey, lists: &[CodeList], ids: &Ids) {
    ids.open_scheme(
        xml,
        Kind::CategoryScheme,
        "l:CategorySchemeName",
        &format!("{} categories", survey.id),
    );
    for list in lists {
        for code in list.codes {
            let missing: &[(&str, &str)] = if code.missing {
                &[("isMissing", "true")]
            } else {
                &[]
            };
            xml.open("l:Category", missing);
            let value = code.value.to_string();
            ids.identity(xml, Id::of_parts(Kind::Category, list.name, &value));
            label(xml, &code.label, &survey.languages);
            xml.close();
        }
    }
    xml.close();
}

pub fn code_list_scheme(xml: &mut Xml, survey: &Survey, lists: &[CodeList], ids: &Ids) {
    ids.open_scheme(
        xml,
        Kind::CodeListScheme,
        "l:CodeListSchemeName",
        &format!("{} code lists", survey.id),
    );
    for list in lists {
        xml.open("l:CodeList", &[]);
        ids.identity(xml, list.id());
        name(xml, "l:CodeListName", list.name);
        xml.leaf("r:RecommendedDataType", &[], "integer");
        for code in list.codes {
            xml.open("l:Code", &[]);
            let value = code.value.to_string();
            ids.identity(xml, Id::of_parts(Kind::Code, list.name, &value));
            let category = Id::of_parts(Kind::Category, list.name, &value);
            ids.reference(xml, "r:CategoryReference", category);
            xml.leaf("r:Value", &[], &value);
            xml.close();
        }
        xml.close();
    }
    xml.close();
}

pub fn variable_scheme(xml: &mut Xml, survey: &Survey, ids: &Ids) {
    ids.open_scheme(
        xml,
        Kind::VariableScheme,
        "l:VariableSchemeName",
        &format!("{} variables", survey.id),
    );
    for q in &survey.questions {
        variable(xml, q, &q.id, &q.wording, survey, ids, |xml| {
            question_representation(xml, q, ids);
        });
        for code in q.specify_codes() {
            variable(
                xml,
                q,
                &q.specify_key(code.value),
                &code.label,
                survey,
                ids,
                |xml| {
                    xml.empty(
                        "r:TextRepresentation",
                        &[("maxLength", &SPECIFY_MAX_CHARS.to_string())],
                    );
                },
            );
        }
    }
    xml.close();
}

/// One `l:Variable` named `var`, labelled `text`, of question `q`; `representation` writes
/// what goes inside its `l:VariableRepresentation`.
fn variable(
    xml: &mut Xml,
    q: &Question,
    var: &str,
    text: &Text,
    survey: &Survey,
    ids: &Ids,
    representation: impl FnOnce(&mut Xml),
) {
    xml.open("l:Variable", &[]);
    ids.identity(xml, Id::new(Kind::Variable, var));
    name(xml, "l:VariableName", var);
    label(xml, text, &survey.languages);
    ids.reference(xml, "r:QuestionReference", Id::new(Kind::QuestionItem, &q.id));
    xml.open("l:VariableRepresentation", &[]);
    representation(xml);
    xml.close();
    xml.close();
}

/// How a question's answer is represented: its code list (missing codes listed in
/// `missingValue`), its number range, or its text length.
fn question_representation(xml: &mut Xml, q: &Question, ids: &Ids) {
    match q.kind {
        QuestionKind::Number => numeric(xml, "r:NumericRepresentation", q),
        QuestionKind::Text => xml.empty("r:TextRepresentation", &[("maxLength", &text_max(q))]),
        _ => {
            coded(xml, "r:CodeRepresentation", q, ids);
            xml.close();
        }
    }
}

/// Opens `element` with the code list reference of `q`'s codes (missing codes listed in
/// `missingValue`); the caller may add children, then closes it.
pub fn coded(xml: &mut Xml, element: &'static str, q: &Question, ids: &Ids) {
    let missing: Vec<String> = q
        .codes
        .iter()
        .filter(|c| c.missing)
        .map(|c| c.value.to_string())
        .collect();
    let missing = missing.join(" ");
    if missing.is_empty() {
        xml.open(element, &[]);
    } else {
        xml.open(element, &[("missingValue", &missing)]);
    }
    let list = Id::new(Kind::CodeList, list_name(ids, q));
    ids.reference(xml, "r:CodeListReference", list);
}

pub fn numeric(xml: &mut Xml, element: &'static str, q: &Question) {
    xml.open(element, &[]);
    if let Some(range) = q.range {
        xml.open("r:NumberRange", &[]);
        xml.leaf("r:Low", &[("isInclusive", "true")], &range.min.to_string());
        xml.leaf("r:High", &[("isInclusive", "true")], &range.max.to_string());
        xml.close();
    }
    xml.leaf("r:NumericTypeCode", &[], "Integer");
    xml.close();
}

pub fn text_max(q: &Question) -> String {
    q.max_length.unwrap_or(DEFAULT_TEXT_MAX_CHARS).to_string()
}
