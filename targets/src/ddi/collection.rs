//! DDI target, data collection (`d:`): question items, the help texts as instructions, the
//! control constructs (a question construct per question, an if-then-else per `show if`
//! and per `check`, a sequence per section, one main sequence) and the instrument.
//!
//! Conditions are `r:Command`s in program language [`PROGRAM_LANGUAGE`]: the IR's `Expr`
//! in rileva's own syntax (`soddisfazione <= 2`), whose names are the variable names.

use super::ids::Ids;
use super::logical::{coded, numeric, text_max};
use super::text::{description, dynamic, label, name, names};
use super::xml::Element;
use rileva_compiler::estimate::question_cost;
use rileva_compiler::ir::{Expr, Question, QuestionKind, Survey};
use rileva_compiler::response::expr_text;

/// `r:ProgramLanguage` of every condition.
pub const PROGRAM_LANGUAGE: &str = "rileva";
/// `d:TypeOfIfThenElse` of a `show if` and of a `check`.
pub const ROUTING: &str = "routing";
pub const CHECK: &str = "check";

fn user_attribute(key: &str, value: &str) -> Element {
    Element::new("r:UserAttributePair")
        .child(Element::text("r:AttributeKey", format!("rileva:{key}")))
        .child(Element::text("r:AttributeValue", value))
}

pub fn question_scheme(survey: &Survey, ids: &Ids) -> Element {
    let id = ids.id("QuestionScheme", "");
    Element::new("d:QuestionScheme")
        .children(ids.identity(&id))
        .child(name("d:QuestionSchemeName", &format!("{} questions", survey.id)))
        .children(survey.questions.iter().map(|q| question_item(survey, q, ids)))
}

fn question_item(survey: &Survey, q: &Question, ids: &Ids) -> Element {
    let seconds = question_cost(q, survey.default_language()).seconds();
    let mut attributes = vec![user_attribute("kind", q.kind.as_str())];
    if q.required {
        attributes.push(user_attribute("required", "true"));
    }
    if q.locked {
        attributes.push(user_attribute("locked", "true"));
    }
    if q.personal {
        attributes.push(user_attribute("personal", "true"));
    }
    if let Some(module) = &q.module {
        attributes.push(user_attribute("module", module));
    }
    let channels: Vec<&str> = q.channels.iter().map(|c| c.as_str()).collect();
    attributes.push(user_attribute("channels", &channels.join(" ")));
    let mut item = Element::new("d:QuestionItem")
        .attr("estimatedSecondsResponseTime", seconds.to_string())
        .children(ids.identity(&ids.id("QuestionItem", &q.id)))
        .children(attributes)
        .child(name("d:QuestionItemName", &q.id))
        .children(description(q.doc.as_deref()))
        .children(dynamic("d:QuestionText", &q.wording, &survey.languages))
        .child(response_domain(q, ids));
    if q.help
        .as_ref()
        .is_some_and(|h| !h.0.values().all(|v| v.trim().is_empty()))
    {
        let instruction = ids.id("Instruction", &q.id);
        item.push(ids.reference("d:InterviewerInstructionReference", "Instruction", &instruction));
    }
    item
}

fn response_domain(q: &Question, ids: &Ids) -> Element {
    match q.kind {
        QuestionKind::Number => numeric("d:NumericDomain", q),
        QuestionKind::Text => Element::new("d:TextDomain").attr("maxLength", text_max(q)),
        QuestionKind::Multi => {
            let most = q
                .max_picks
                .unwrap_or(u32::try_from(q.codes.len()).unwrap_or(u32::MAX));
            coded("d:CodeDomain", q, ids).child(
                Element::new("r:ResponseCardinality")
                    .attr("minimumResponses", q.min_picks.unwrap_or(1).to_string())
                    .attr("maximumResponses", most.to_string()),
            )
        }
        _ => coded("d:CodeDomain", q, ids),
    }
}

/// The help texts, one instruction per question that has one; `None` when none has.
pub fn instruction_scheme(survey: &Survey, ids: &Ids) -> Option<Element> {
    let instructions: Vec<Element> = survey
        .questions
        .iter()
        .filter_map(|q| {
            let texts = dynamic("d:InstructionText", q.help.as_ref()?, &survey.languages);
            (!texts.is_empty()).then(|| {
                Element::new("d:Instruction")
                    .children(ids.identity(&ids.id("Instruction", &q.id)))
                    .child(name("d:InstructionName", &format!("{} help", q.id)))
                    .children(texts)
            })
        })
        .collect();
    if instructions.is_empty() {
        return None;
    }
    let id = ids.id("InterviewerInstructionScheme", "");
    Some(
        Element::new("d:InterviewerInstructionScheme")
            .children(ids.identity(&id))
            .child(name(
                "d:InterviewerInstructionSchemeName",
                &format!("{} help texts", survey.id),
            ))
            .children(instructions),
    )
}

/// An `r:Command` in rileva's syntax inside a `d:IfCondition`.
fn condition(expr: &Expr) -> Element {
    Element::new("d:IfCondition").child(
        Element::new("r:Command")
            .child(Element::text("r:ProgramLanguage", PROGRAM_LANGUAGE))
            .child(Element::text("r:CommandContent", expr_text(expr))),
    )
}

fn construct(kind: &str, ids: &Ids, id: &str, construct_name: &str) -> Element {
    Element::new(kind)
        .children(ids.identity(id))
        .child(name("d:ConstructName", construct_name))
}

pub fn control_construct_scheme(survey: &Survey, ids: &Ids) -> Element {
    let mut constructs: Vec<Element> = Vec::new();
    // (section, construct id) of each question's entry point, in order.
    let mut entries: Vec<(Option<&str>, String)> = Vec::new();
    for q in &survey.questions {
        let qc = ids.id("QuestionConstruct", &q.id);
        constructs.push(
            construct("d:QuestionConstruct", ids, &qc, &q.id).child(ids.reference(
                "r:QuestionReference",
                "QuestionItem",
                &ids.id("QuestionItem", &q.id),
            )),
        );
        let entry = match &q.show_if {
            Some(expr) => {
                let ite = ids.id("IfThenElse", &format!("show-{}", q.id));
                constructs.push(
                    construct("d:IfThenElse", ids, &ite, &format!("show if, {}", q.id))
                        .child(Element::text("d:TypeOfIfThenElse", ROUTING))
                        .child(condition(expr))
                        .child(ids.reference("d:ThenConstructReference", "QuestionConstruct", &qc)),
                );
                ite
            }
            None => qc,
        };
        entries.push((q.section.as_deref(), entry));
    }
    for section in &survey.sections {
        let members: Vec<&String> = entries
            .iter()
            .filter(|(s, _)| *s == Some(section.id.as_str()))
            .map(|(_, e)| e)
            .collect();
        if members.is_empty() {
            continue;
        }
        let seq = ids.id("Sequence", &format!("section-{}", section.id));
        constructs.push(
            construct("d:Sequence", ids, &seq, &section.id)
                .children(label(&section.title, &survey.languages))
                .child(Element::text("d:TypeOfSequence", "section"))
                .children(
                    members
                        .into_iter()
                        .map(|m| ids.reference("d:ControlConstructReference", type_of(m), m)),
                ),
        );
    }
    main_sequence(survey, ids, constructs, &entries)
}

fn main_sequence(
    survey: &Survey,
    ids: &Ids,
    mut constructs: Vec<Element>,
    entries: &[(Option<&str>, String)],
) -> Element {
    let mut order: Vec<(String, &str)> = Vec::new();
    for (section, entry) in entries {
        match section {
            Some(s) => {
                let seq = ids.id("Sequence", &format!("section-{s}"));
                if !order.iter().any(|(id, _)| *id == seq) {
                    order.push((seq, "Sequence"));
                }
            }
            None => order.push((entry.clone(), type_of(entry))),
        }
    }
    for (i, check) in survey.checks.iter().enumerate() {
        let n = (i + 1).to_string();
        let statement = ids.id("StatementItem", &format!("check-{n}"));
        constructs.push(
            construct("d:StatementItem", ids, &statement, &format!("check {n} message")).children(dynamic(
                "d:DisplayText",
                &check.message,
                &survey.languages,
            )),
        );
        let ite = ids.id("IfThenElse", &format!("check-{n}"));
        let failed = Expr::Not {
            operand: Box::new(check.condition.clone()),
        };
        constructs.push(
            construct("d:IfThenElse", ids, &ite, &format!("check {n}"))
                .child(Element::text("d:TypeOfIfThenElse", CHECK))
                .child(condition(&failed))
                .child(ids.reference("d:ThenConstructReference", "StatementItem", &statement)),
        );
        order.push((ite, "IfThenElse"));
    }
    let main = ids.id("Sequence", "main");
    constructs.insert(
        0,
        construct("d:Sequence", ids, &main, &survey.id)
            .children(label(&survey.title, &survey.languages))
            .child(Element::text("d:TypeOfSequence", "questionnaire"))
            .children(
                order
                    .iter()
                    .map(|(id, of)| ids.reference("d:ControlConstructReference", of, id)),
            ),
    );
    let id = ids.id("ControlConstructScheme", "");
    Element::new("d:ControlConstructScheme")
        .children(ids.identity(&id))
        .child(name(
            "d:ControlConstructSchemeName",
            &format!("{} routing", survey.id),
        ))
        .children(constructs)
}

/// The DDI type of an entry construct from its id.
fn type_of(id: &str) -> &'static str {
    if id.contains("-IfThenElse-") {
        "IfThenElse"
    } else {
        "QuestionConstruct"
    }
}

pub fn instrument_scheme(survey: &Survey, ids: &Ids) -> Element {
    let channels: Vec<&str> = survey.channels.iter().map(|c| c.as_str()).collect();
    let mut attributes = vec![
        user_attribute("survey", &survey.id),
        user_attribute("channels", &channels.join(" ")),
        user_attribute("anonymous", if survey.anonymous { "true" } else { "false" }),
        user_attribute("estimated_seconds", &survey.estimated_seconds.to_string()),
    ];
    if let Some(agency) = &survey.agency {
        attributes.push(user_attribute("agency", &agency.code));
    }
    if let Some(service) = &survey.service {
        attributes.push(user_attribute("service", &service.code));
    }
    if let Some(c) = &survey.conforms {
        let conforms = format!("{} {} profile {}", c.standard, c.version, c.profile);
        attributes.push(user_attribute("conforms", &conforms));
    }
    let instrument = Element::new("d:Instrument")
        .children(ids.identity(&ids.id("Instrument", "")))
        .children(attributes)
        .children(names("d:InstrumentName", &survey.title, &survey.languages))
        .children(description(survey.doc.as_deref()))
        .child(Element::text(
            "d:TypeOfInstrument",
            "self-administered questionnaire",
        ))
        .child(ids.reference(
            "d:ControlConstructReference",
            "Sequence",
            &ids.id("Sequence", "main"),
        ))
        .children(
            survey
                .languages
                .iter()
                .map(|l| Element::text("d:FieldedLanguages", l)),
        );
    let id = ids.id("InstrumentScheme", "");
    Element::new("d:InstrumentScheme")
        .children(ids.identity(&id))
        .child(name(
            "d:InstrumentSchemeName",
            &format!("{} instrument", survey.id),
        ))
        .child(instrument)
}
