//! DDI target, the logical product: categories (one per code of a code list), code lists
//! (one per named list of the survey, shared by the questions that use it with the same
//! codes; otherwise one per question) and variables (one per question, plus one per
//! `specify` free text), in the `l:` namespace.

use super::ids::Ids;
use super::text::{label, name};
use super::xml::Element;
use rileva_compiler::ir::{Code, Question, QuestionKind, Survey};
use rileva_compiler::response::{DEFAULT_TEXT_MAX_CHARS, SPECIFY_MAX_CHARS};

/// One DDI code list: the codes of one or more questions.
#[derive(Debug)]
pub struct CodeList<'a> {
    /// `istat.scales.soddisfazione5`, or the question id for a list of its own.
    pub name: String,
    pub codes: &'a [Code],
    pub id: String,
}

/// The code lists of a survey, in the order their first question is asked.
pub fn code_lists<'a>(survey: &'a Survey, ids: &Ids) -> Vec<CodeList<'a>> {
    let mut out: Vec<CodeList<'a>> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for q in survey.questions.iter().filter(|q| q.kind.is_coded()) {
        let key = list_name(ids, q);
        if seen.insert(key.clone()) {
            let id = ids.id("CodeList", &key);
            out.push(CodeList {
                name: key,
                codes: &q.codes,
                id,
            });
        }
    }
    out
}

/// The name of the code list of `question`: its named list when every question naming it
/// has the same codes, else the question's id.
pub fn list_name(ids: &Ids, question: &Question) -> String {
    match &question.code_list {
        Some(named) if ids.shared_lists.contains(named) => named.clone(),
        _ => question.id.clone(),
    }
}

fn category_id(ids: &Ids, list: &CodeList, code: &Code) -> String {
    ids.id("Category", &format!("{}-{}", list.name, code.value))
}

pub fn category_scheme(survey: &Survey, lists: &[CodeList], ids: &Ids) -> Element {
    let id = ids.id("CategoryScheme", "");
    let mut scheme = Element::new("l:CategoryScheme")
        .children(ids.identity(&id))
        .child(name("l:CategorySchemeName", &format!("{} categories", survey.id)));
    for list in lists {
        for code in list.codes {
            let mut category = Element::new("l:Category");
            if code.missing {
                category = category.attr("isMissing", "true");
            }
            scheme.push(
                category
                    .children(ids.identity(&category_id(ids, list, code)))
                    .children(label(&code.label, &survey.languages)),
            );
        }
    }
    scheme
}

pub fn code_list_scheme(survey: &Survey, lists: &[CodeList], ids: &Ids) -> Element {
    let id = ids.id("CodeListScheme", "");
    let mut scheme = Element::new("l:CodeListScheme")
        .children(ids.identity(&id))
        .child(name("l:CodeListSchemeName", &format!("{} code lists", survey.id)));
    for list in lists {
        let mut element = Element::new("l:CodeList")
            .children(ids.identity(&list.id))
            .child(name("l:CodeListName", &list.name))
            .child(Element::text("r:RecommendedDataType", "integer"));
        for code in list.codes {
            let code_id = ids.id("Code", &format!("{}-{}", list.name, code.value));
            element.push(
                Element::new("l:Code")
                    .children(ids.identity(&code_id))
                    .child(ids.reference("r:CategoryReference", "Category", &category_id(ids, list, code)))
                    .child(Element::text("r:Value", code.value.to_string())),
            );
        }
        scheme.push(element);
    }
    scheme
}

pub fn variable_scheme(survey: &Survey, ids: &Ids) -> Element {
    let id = ids.id("VariableScheme", "");
    let mut scheme = Element::new("l:VariableScheme")
        .children(ids.identity(&id))
        .child(name("l:VariableSchemeName", &format!("{} variables", survey.id)));
    for q in &survey.questions {
        let representation = question_representation(q, ids);
        scheme.push(variable(
            q,
            &q.id,
            label(&q.wording, &survey.languages),
            representation,
            ids,
        ));
        for code in q.specify_codes() {
            let text = Element::new("r:TextRepresentation").attr("maxLength", SPECIFY_MAX_CHARS.to_string());
            let labels = label(&code.label, &survey.languages);
            scheme.push(variable(q, &q.specify_key(code.value), labels, text, ids));
        }
    }
    scheme
}

fn variable(q: &Question, var: &str, labels: Vec<Element>, representation: Element, ids: &Ids) -> Element {
    Element::new("l:Variable")
        .children(ids.identity(&ids.id("Variable", var)))
        .child(name("l:VariableName", var))
        .children(labels)
        .child(ids.reference(
            "r:QuestionReference",
            "QuestionItem",
            &ids.id("QuestionItem", &q.id),
        ))
        .child(Element::new("l:VariableRepresentation").child(representation))
}

/// How a question's answer is represented: its code list (missing codes listed in
/// `missingValue`), its number range, or its text length.
fn question_representation(q: &Question, ids: &Ids) -> Element {
    match q.kind {
        QuestionKind::Number => numeric("r:NumericRepresentation", q),
        QuestionKind::Text => Element::new("r:TextRepresentation").attr("maxLength", text_max(q)),
        _ => coded("r:CodeRepresentation", q, ids),
    }
}

pub fn coded(element: &str, q: &Question, ids: &Ids) -> Element {
    let missing: Vec<String> = q
        .codes
        .iter()
        .filter(|c| c.missing)
        .map(|c| c.value.to_string())
        .collect();
    let mut out = Element::new(element);
    if !missing.is_empty() {
        out = out.attr("missingValue", missing.join(" "));
    }
    let list = ids.id("CodeList", &list_name(ids, q));
    out.child(ids.reference("r:CodeListReference", "CodeList", &list))
}

pub fn numeric(element: &str, q: &Question) -> Element {
    let mut out = Element::new(element);
    if let Some(range) = q.range {
        out = out.child(
            Element::new("r:NumberRange")
                .child(Element::text("r:Low", range.min.to_string()).attr("isInclusive", "true"))
                .child(Element::text("r:High", range.max.to_string()).attr("isInclusive", "true")),
        );
    }
    out.child(Element::text("r:NumericTypeCode", "Integer"))
}

pub fn text_max(q: &Question) -> String {
    q.max_length.unwrap_or(DEFAULT_TEXT_MAX_CHARS).to_string()
}
