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
pub(crate) mod xml;

#[cfg(test)]
mod tests;

use crate::OutputFile;
use ids::{Id, Ids, Kind};
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

/// One maintainable scheme of the document: its type and how it is written.
struct Scheme {
    kind: Kind,
    write: fn(&mut Xml, &ir::Survey, &[logical::CodeList], &Ids),
}

/// The whole document.
fn fragment_instance(survey: &ir::Survey) -> String {
    let ids = Ids::new(survey);
    let lists = logical::code_lists(survey, &ids);
    let mut schemes = vec![
        Scheme {
            kind: Kind::InstrumentScheme,
            write: |xml, survey, _, ids| collection::instrument_scheme(xml, survey, ids),
        },
        Scheme {
            kind: Kind::ControlConstructScheme,
            write: |xml, survey, _, ids| collection::control_construct_scheme(xml, survey, ids),
        },
        Scheme {
            kind: Kind::QuestionScheme,
            write: |xml, survey, _, ids| collection::question_scheme(xml, survey, ids),
        },
    ];
    if collection::has_instructions(survey) {
        schemes.push(Scheme {
            kind: Kind::InterviewerInstructionScheme,
            write: |xml, survey, _, ids| collection::instruction_scheme(xml, survey, ids),
        });
    }
    if !lists.is_empty() {
        schemes.push(Scheme {
            kind: Kind::CategoryScheme,
            write: logical::category_scheme,
        });
        schemes.push(Scheme {
            kind: Kind::CodeListScheme,
            write: logical::code_list_scheme,
        });
    }
    schemes.push(Scheme {
        kind: Kind::VariableScheme,
        write: |xml, survey, _, ids| logical::variable_scheme(xml, survey, ids),
    });
    // About 5 KB per question in two languages (51 MB at 10,000 questions): reserved once.
    let mut xml = Xml::with_capacity(5200 * (survey.questions.len() + 1));
    xml.open("FragmentInstance", &NAMESPACES);
    for scheme in &schemes {
        // Every scheme's id is `<survey>-<scheme type>`.
        ids.reference(&mut xml, "TopLevelReference", Id::of_kind(scheme.kind));
    }
    for scheme in &schemes {
        xml.open("Fragment", &[]);
        (scheme.write)(&mut xml, survey, &lists, &ids);
        xml.close();
    }
    xml.finish()
}
