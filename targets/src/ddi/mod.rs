//! DDI target: `ddi/ddi-3.3.xml`, the survey as DDI-Lifecycle 3.3 metadata for statistical
//! offices and data archives (the mapping is in `docs/ddi.md`).
//!
//! One `FragmentInstance` holds one fragment per maintainable scheme, each with its items
//! inline: the instrument, the control constructs (routing), the questions, the help texts,
//! the categories, the code lists and the variables. [`ids`] gives every object its agency,
//! id and version; [`logical`] and [`collection`] write the schemes, as they walk the IR,
//! into one [`xml::Xml`] writer, which indents and escapes (no tree of the document is built:
//! at 10,000 questions it is 50 MB of XML).

mod collection;
mod ids;
mod logical;
mod text;
mod xml;

#[cfg(test)]
mod tests;

use crate::OutputFile;
use ids::{Id, Ids};
use rileva_compiler::ir;
use xml::Xml;

pub use collection::{CHECK, PROGRAM_LANGUAGE, ROUTING};
pub use ids::NO_AGENCY;

/// The path of the file, relative to `OUT/<survey id>/`.
pub const PATH: &str = "ddi/ddi-3.3.xml";

pub const NAMESPACES: [(&str, &str); 4] = [
    ("xmlns", "ddi:instance:3_3"),
    ("xmlns:r", "ddi:reusable:3_3"),
    ("xmlns:d", "ddi:datacollection:3_3"),
    ("xmlns:l", "ddi:logicalproduct:3_3"),
];

pub fn emit(survey: &ir::Survey) -> Vec<OutputFile> {
    vec![OutputFile::text(PATH, fragment_instance(survey))]
}

/// One maintainable scheme of the document: its element and how it is written.
struct Scheme {
    element: &'static str,
    write: fn(&mut Xml, &ir::Survey, &[logical::CodeList], &Ids),
}

/// The whole document.
fn fragment_instance(survey: &ir::Survey) -> String {
    let ids = Ids::new(survey);
    let lists = logical::code_lists(survey, &ids);
    let mut schemes = vec![
        Scheme {
            element: "d:InstrumentScheme",
            write: |xml, survey, _, ids| collection::instrument_scheme(xml, survey, ids),
        },
        Scheme {
            element: "d:ControlConstructScheme",
            write: |xml, survey, _, ids| collection::control_construct_scheme(xml, survey, ids),
        },
        Scheme {
            element: "d:QuestionScheme",
            write: |xml, survey, _, ids| collection::question_scheme(xml, survey, ids),
        },
    ];
    if collection::has_instructions(survey) {
        schemes.push(Scheme {
            element: "d:InterviewerInstructionScheme",
            write: |xml, survey, _, ids| collection::instruction_scheme(xml, survey, ids),
        });
    }
    if !lists.is_empty() {
        schemes.push(Scheme {
            element: "l:CategoryScheme",
            write: logical::category_scheme,
        });
        schemes.push(Scheme {
            element: "l:CodeListScheme",
            write: logical::code_list_scheme,
        });
    }
    schemes.push(Scheme {
        element: "l:VariableScheme",
        write: |xml, survey, _, ids| logical::variable_scheme(xml, survey, ids),
    });
    // About 5 KB per question in two languages (50 MB at 10,000 questions).
    let mut xml = Xml::with_capacity(4096 * (survey.questions.len() + 1));
    xml.open("FragmentInstance", &NAMESPACES);
    for scheme in &schemes {
        // Every scheme's id is `<survey>-<scheme type>`.
        let kind = scheme
            .element
            .split_once(':')
            .map_or(scheme.element, |(_, local)| local);
        ids.reference(&mut xml, "TopLevelReference", Id::scheme(kind));
    }
    for scheme in &schemes {
        xml.open("Fragment", &[]);
        (scheme.write)(&mut xml, survey, &lists, &ids);
        xml.close();
    }
    xml.finish()
}
