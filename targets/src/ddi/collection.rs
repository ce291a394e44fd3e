//! DDI target, data collection (`d:`): question items, the help texts as instructions, the
//! control constructs (a question construct per question, an if-then-else per `show if`
//! and per `check`, a sequence per section, one main sequence) and the instrument.
//!
//! Conditions are `r:Command`s in program language [`PROGRAM_LANGUAGE`]: the IR's `Expr`
//! in rileva's own syntax (`soddisfazione <= 2`), whose names are the variable names.

use super::ids::{Id, Ids, Kind};
use super::logical::{coded, numeric, text_max};
use super::text::{any, description, dynamic, label, name, names};
use super::xml::Xml;
use rileva_compiler::estimate::question_cost;
use rileva_compiler::ir::{Expr, Question, QuestionKind, Survey};
use rileva_compiler::response::expr_text;
use std::collections::{HashMap, HashSet};

/// `r:ProgramLanguage` of every condition.
pub const PROGRAM_LANGUAGE: &str = "rileva";
/// `d:TypeOfIfThenElse` of a `show if` and of a `check`.
pub const ROUTING: &str = "routing";
pub const CHECK: &str = "check";

fn user_attribute(xml: &mut Xml, key: &str, value: &str) {
    xml.open("r:UserAttributePair", &[]);
    xml.leaf_of_parts("r:AttributeKey", &["rileva:", key]);
    xml.leaf("r:AttributeValue", &[], value);
    xml.close();
}

pub fn question_scheme(xml: &mut Xml, survey: &Survey, ids: &Ids) {
    ids.open_scheme(
        xml,
        Kind::QuestionScheme,
        "d:QuestionSchemeName",
        &format!("{} questions", survey.id),
    );
    for q in &survey.questions {
        question_item(xml, survey, q, ids);
    }
    xml.close();
}

fn question_item(xml: &mut Xml, survey: &Survey, q: &Question, ids: &Ids) {
    let seconds = question_cost(q, survey.default_language()).seconds().to_string();
    xml.open("d:QuestionItem", &[("estimatedSecondsResponseTime", &seconds)]);
    ids.identity(xml, Id::new(Kind::QuestionItem, &q.id));
    user_attribute(xml, "kind", q.kind.as_str());
    if q.required {
        user_attribute(xml, "required", "true");
    }
    if q.locked {
        user_attribute(xml, "locked", "true");
    }
    if q.personal {
        user_attribute(xml, "personal", "true");
    }
    if let Some(module) = &q.module {
        user_attribute(xml, "module", module);
    }
    let channels: Vec<&str> = q.channels.iter().map(|c| c.as_str()).collect();
    user_attribute(xml, "channels", &channels.join(" "));
    name(xml, "d:QuestionItemName", &q.id);
    description(xml, q.doc.as_deref());
    dynamic(xml, "d:QuestionText", &q.wording, &survey.languages);
    response_domain(xml, q, ids);
    if q.help
        .as_ref()
        .is_some_and(|h| !h.0.values().all(|v| v.trim().is_empty()))
    {
        let instruction = Id::new(Kind::Instruction, &q.id);
        ids.reference(xml, "d:InterviewerInstructionReference", instruction);
    }
    xml.close();
}

fn response_domain(xml: &mut Xml, q: &Question, ids: &Ids) {
    match q.kind {
        QuestionKind::Number => numeric(xml, "d:NumericDomain", q),
        QuestionKind::Text => xml.empty("d:TextDomain", &[("maxLength", &text_max(q))]),
        QuestionKind::Multi => {
            let most = q
                .max_picks
                .unwrap_or(u32::try_from(q.codes.len()).unwrap_or(u32::MAX));
            coded(xml, "d:CodeDomain", q, ids);
            let least = q.min_picks.unwrap_or(1).to_string();
            let most = most.to_string();
            xml.empty(
                "r:ResponseCardinality",
                &[("minimumResponses", &least), ("maximumResponses", &most)],
            );
            xml.close();
        }
        _ => {
            coded(xml, "d:CodeDomain", q, ids);
            xml.close();
        }
    }
}

/// Some question has a help text in a survey language: the instruction scheme is written.
pub fn has_instructions(survey: &Survey) -> bool {
    survey
        .questions
        .iter()
        .any(|q| q.help.as_ref().is_some_and(|h| any(h, &survey.languages)))
}

/// The help texts, one instruction per question that has one; call only when
/// [`has_instructions`].
pub fn instruction_scheme(xml: &mut Xml, survey: &Survey, ids: &Ids) {
    ids.open_scheme(
        xml,
        Kind::InterviewerInstructionScheme,
        "d:InterviewerInstructionSchemeName",
        &format!("{} help texts", survey.id),
    );
    for q in &survey.questions {
        let Some(help) = q.help.as_ref().filter(|h| any(h, &survey.languages)) else {
            continue;
        };
        xml.open("d:Instruction", &[]);
        ids.identity(xml, Id::new(Kind::Instruction, &q.id));
        name(xml, "d:InstructionName", &format!("{} help", q.id));
        dynamic(xml, "d:InstructionText", help, &survey.languages);
        xml.close();
    }
    xml.close();
}

/// An `r:Command` in rileva's syntax inside a `d:IfCondition`.
fn condition(xml: &mut Xml, expr: &Expr) {
    xml.open("d:IfCondition", &[]);
    xml.open("r:Command", &[]);
    xml.leaf("r:ProgramLanguage", &[], PROGRAM_LANGUAGE);
    xml.leaf("r:CommandContent", &[], &expr_text(expr));
    xml.close();
    xml.close();
}

/// Opens control construct `kind` with its identity and name; the caller adds the rest and
/// closes it.
fn construct(xml: &mut Xml, kind: &'static str, ids: &Ids, id: Id, construct_name: &str) {
    xml.open(kind, &[]);
    ids.identity(xml, id);
    name(xml, "d:ConstructName", construct_name);
}

/// The entry construct of each question (its if-then-else when it has a `show if`, else its
/// question construct), with its section, in order.
struct Entry<'a> {
    section: Option<&'a str>,
    id: Id<'a>,
}

pub fn control_construct_scheme(xml: &mut Xml, survey: &Survey, ids: &Ids) {
    let entries: Vec<Entry> = survey
        .questions
        .iter()
        .map(|q| match &q.show_if {
            Some(_) => Entry {
                section: q.section.as_deref(),
                id: Id::of_parts(Kind::IfThenElse, "show", &q.id),
            },
            None => Entry {
                section: q.section.as_deref(),
                id: Id::new(Kind::QuestionConstruct, &q.id),
            },
        })
        .collect();
    ids.open_scheme(
        xml,
        Kind::ControlConstructScheme,
        "d:ControlConstructSchemeName",
        &format!("{} routing", survey.id),
    );
    main_sequence(xml, survey, ids, &entries);
    for q in &survey.questions {
        let qc = Id::new(Kind::QuestionConstruct, &q.id);
        construct(xml, "d:QuestionConstruct", ids, qc, &q.id);
        ids.reference(xml, "r:QuestionReference", Id::new(Kind::QuestionItem, &q.id));
        xml.close();
        if let Some(expr) = &q.show_if {
            let ite = Id::of_parts(Kind::IfThenElse, "show", &q.id);
            construct(xml, "d:IfThenElse", ids, ite, &format!("show if, {}", q.id));
            xml.leaf("d:TypeOfIfThenElse", &[], ROUTING);
            condition(xml, expr);
            ids.reference(xml, "d:ThenConstructReference", qc);
            xml.close();
        }
    }
    // The entries of each section, in question order.
    let mut members: HashMap<&str, Vec<&Entry>> = HashMap::new();
    for entry in &entries {
        if let Some(section) = entry.section {
            members.entry(section).or_default().push(entry);
        }
    }
    for section in &survey.sections {
        let Some(members) = members.get(section.id.as_str()) else {
            continue;
        };
        let seq = Id::of_parts(Kind::Sequence, "section", &section.id);
        construct(xml, "d:Sequence", ids, seq, &section.id);
        label(xml, &section.title, &survey.languages);
        xml.leaf("d:TypeOfSequence", &[], "section");
        for m in members {
            ids.reference(xml, "d:ControlConstructReference", m.id);
        }
        xml.close();
    }
    for (i, check) in survey.checks.iter().enumerate() {
        let n = (i + 1).to_string();
        let statement = Id::of_parts(Kind::StatementItem, "check", &n);
        construct(
            xml,
            "d:StatementItem",
            ids,
            statement,
            &format!("check {n} message"),
        );
        dynamic(xml, "d:DisplayText", &check.message, &survey.languages);
        xml.close();
        let ite = Id::of_parts(Kind::IfThenElse, "check", &n);
        let failed = Expr::Not {
            operand: Box::new(check.condition.clone()),
        };
        construct(xml, "d:IfThenElse", ids, ite, &format!("check {n}"));
        xml.leaf("d:TypeOfIfThenElse", &[], CHECK);
        condition(xml, &failed);
        ids.reference(xml, "d:ThenConstructReference", statement);
        xml.close();
    }
    xml.close();
}

/// The questionnaire's sequence: each section (where its first question is) or question
/// without a section, in order, then each check.
fn main_sequence(xml: &mut Xml, survey: &Survey, ids: &Ids, entries: &[Entry]) {
    construct(
        xml,
        "d:Sequence",
        ids,
        Id::new(Kind::Sequence, "main"),
        &survey.id,
    );
    label(xml, &survey.title, &survey.languages);
    xml.leaf("d:TypeOfSequence", &[], "questionnaire");
    let mut sections_seen: HashSet<&str> = HashSet::new();
    for entry in entries {
        match entry.section {
            Some(s) => {
                if sections_seen.insert(s) {
                    let seq = Id::of_parts(Kind::Sequence, "section", s);
                    ids.reference(xml, "d:ControlConstructReference", seq);
                }
            }
            None => ids.reference(xml, "d:ControlConstructReference", entry.id),
        }
    }
    for i in 1..=survey.checks.len() {
        let n = i.to_string();
        let ite = Id::of_parts(Kind::IfThenElse, "check", &n);
        ids.reference(xml, "d:ControlConstructReference", ite);
    }
    xml.close();
}

pub fn instrument_scheme(xml: &mut Xml, survey: &Survey, ids: &Ids) {
    ids.open_scheme(
        xml,
        Kind::InstrumentScheme,
        "d:InstrumentSchemeName",
        &format!("{} instrument", survey.id),
    );
    xml.open("d:Instrument", &[]);
    ids.identity(xml, Id::of_kind(Kind::Instrument));
    let channels: Vec<&str> = survey.channels.iter().map(|c| c.as_str()).collect();
    user_attribute(xml, "survey", &survey.id);
    user_attribute(xml, "channels", &channels.join(" "));
    user_attribute(xml, "anonymous", if survey.anonymous { "true" } else { "false" });
    user_attribute(xml, "estimated_seconds", &survey.estimated_seconds.to_string());
    if let Some(agency) = &survey.agency {
        user_attribute(xml, "agency", &agency.code);
    }
    if let Some(service) = &survey.service {
        user_attribute(xml, "service", &service.code);
    }
    if let Some(c) = &survey.conforms {
        let conforms = format!("{} {} profile {}", c.standard, c.version, c.profile);
        user_attribute(xml, "conforms", &conforms);
    }
    names(xml, "d:InstrumentName", &survey.title, &survey.languages);
    description(xml, survey.doc.as_deref());
    xml.leaf("d:TypeOfInstrument", &[], "self-administered questionnaire");
    ids.reference(
        xml,
        "d:ControlConstructReference",
        Id::new(Kind::Sequence, "main"),
    );
    for l in &survey.languages {
        xml.leaf("d:FieldedLanguages", &[], l);
    }
    xml.close();
    xml.close();
}
