//! DDI target: `ddi/ddi-3.3.xml`, the survey as DDI-Lifecycle 3.3 metadata for statistical
//! offices and data archives (the mapping is in `docs/ddi.md`).
//!
//! One `FragmentInstance` holds one fragment per maintainable scheme, each with its items
//! inline: the instrument, the control constructs (routing), the questions, the help texts,
//! the categories, the code lists and the variables. [`ids`] gives every object its agency,
//! id and version; [`logical`] and [`collection`] build the schemes as an [`xml::Element`]
//! tree; [`xml`] writes it with quick-xml.

mod collection;
mod ids;
mod logical;
mod text;
mod xml;

#[cfg(test)]
mod tests;

use crate::OutputFile;
use ids::Ids;
use rileva_compiler::ir;
use xml::Element;

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
    vec![OutputFile::text(PATH, xml::to_string(&fragment_instance(survey)))]
}

/// The whole document as a tree.
fn fragment_instance(survey: &ir::Survey) -> Element {
    let ids = Ids::new(survey);
    let lists = logical::code_lists(survey, &ids);
    let mut schemes = vec![
        collection::instrument_scheme(survey, &ids),
        collection::control_construct_scheme(survey, &ids),
        collection::question_scheme(survey, &ids),
    ];
    schemes.extend(collection::instruction_scheme(survey, &ids));
    if !lists.is_empty() {
        schemes.push(logical::category_scheme(survey, &lists, &ids));
        schemes.push(logical::code_list_scheme(survey, &lists, &ids));
    }
    schemes.push(logical::variable_scheme(survey, &ids));
    let mut root = Element::new("FragmentInstance");
    for (key, value) in NAMESPACES {
        root = root.attr(key, value);
    }
    for scheme in &schemes {
        let kind = scheme
            .name
            .split_once(':')
            .map_or(scheme.name.as_str(), |(_, local)| local);
        let id = scheme
            .elements()
            .find(|e| e.name == "r:ID")
            .map(Element::inner_text)
            .unwrap_or_default();
        root.push(ids.reference("TopLevelReference", kind, &id));
    }
    root.children(schemes.into_iter().map(|s| Element::new("Fragment").child(s)))
}
