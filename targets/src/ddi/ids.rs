//! DDI target, identity: the agency, id and version of every object, and references to them.
//!
//! - **Agency**: `it.ipa.<IPA code>` from the survey's `agency`, with `_` written `-`
//!   (a DDI agency id allows letters, digits and `-` only): `c_h501` -> `it.ipa.c-h501`.
//!   A survey without `agency` gets [`NO_AGENCY`].
//! - **Id**: `<survey id>-<object type>-<name>`, the survey id's `.` written `-` (a DDI id
//!   allows one dot, followed by capitals only): `inps-hub_prestazioni-QuestionItem-tempo`.
//!   The same survey always gives the same ids, so a new build replaces the old objects.
//! - **Version**: the survey's version (`1.2.0`) on every object.

use super::xml::{push_name, Group, Leaf, Variant, Xml};
use rileva_compiler::ir::{Code, Survey};
use std::collections::{HashMap, HashSet};

/// The agency of a survey that names none.
pub const NO_AGENCY: &str = "it.rileva.unassigned";

/// The DDI types of the objects of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    InstrumentScheme,
    ControlConstructScheme,
    QuestionScheme,
    InterviewerInstructionScheme,
    CategoryScheme,
    CodeListScheme,
    VariableScheme,
    Instrument,
    Sequence,
    QuestionConstruct,
    IfThenElse,
    StatementItem,
    QuestionItem,
    Instruction,
    Category,
    CodeList,
    Code,
    Variable,
}

impl Kind {
    pub const ALL: [Kind; 18] = [
        Kind::InstrumentScheme,
        Kind::ControlConstructScheme,
        Kind::QuestionScheme,
        Kind::InterviewerInstructionScheme,
        Kind::CategoryScheme,
        Kind::CodeListScheme,
        Kind::VariableScheme,
        Kind::Instrument,
        Kind::Sequence,
        Kind::QuestionConstruct,
        Kind::IfThenElse,
        Kind::StatementItem,
        Kind::QuestionItem,
        Kind::Instruction,
        Kind::Category,
        Kind::CodeList,
        Kind::Code,
        Kind::Variable,
    ];

    /// The element of an object of this type (`d:QuestionItem`).
    pub fn element(self) -> &'static str {
        match self {
            Kind::InstrumentScheme => "d:InstrumentScheme",
            Kind::ControlConstructScheme => "d:ControlConstructScheme",
            Kind::QuestionScheme => "d:QuestionScheme",
            Kind::InterviewerInstructionScheme => "d:InterviewerInstructionScheme",
            Kind::CategoryScheme => "l:CategoryScheme",
            Kind::CodeListScheme => "l:CodeListScheme",
            Kind::VariableScheme => "l:VariableScheme",
            Kind::Instrument => "d:Instrument",
            Kind::Sequence => "d:Sequence",
            Kind::QuestionConstruct => "d:QuestionConstruct",
            Kind::IfThenElse => "d:IfThenElse",
            Kind::StatementItem => "d:StatementItem",
            Kind::QuestionItem => "d:QuestionItem",
            Kind::Instruction => "d:Instruction",
            Kind::Category => "l:Category",
            Kind::CodeList => "l:CodeList",
            Kind::Code => "l:Code",
            Kind::Variable => "l:Variable",
        }
    }

    /// The name of the type (`QuestionItem`), in ids and `r:TypeOfObject`.
    pub fn name(self) -> &'static str {
        let element = self.element();
        element.split_once(':').map_or(element, |(_, name)| name)
    }
}

/// The identity shared by every object of one survey's file.
#[derive(Debug, Clone)]
pub struct Ids {
    /// `r:Agency`, `r:ID` and `r:Version`, a variant for each [`Kind`] (in the order of
    /// [`Kind::ALL`]) whose id starts `<survey>-<kind>`: prepared once for the whole file.
    identity: Group,
    /// The same, with the `r:TypeOfObject` of a reference after `r:Version`.
    reference: Group,
    /// The named code lists every question naming them gives the same codes (computed once:
    /// [`super::logical::list_name`] asks for each question).
    pub shared_lists: HashSet<String>,
}

/// The id of one object of type `kind`, written where it goes rather than built as a
/// `String`: `<survey>-<kind>`, then `-<name>` for a non-empty name, where the name is
/// `first`, or `first-second` when `second` is not empty.
#[derive(Debug, Clone, Copy)]
pub struct Id<'a> {
    pub kind: Kind,
    first: &'a str,
    second: &'a str,
}

impl<'a> Id<'a> {
    /// The id of object `name` of type `kind` (`QuestionItem`, `tempo`).
    pub fn new(kind: Kind, name: &'a str) -> Self {
        Self::of_parts(kind, name, "")
    }

    /// The id of object `first-second` (`IfThenElse`, `show`, `tempo`).
    pub fn of_parts(kind: Kind, first: &'a str, second: &'a str) -> Self {
        Id { kind, first, second }
    }

    /// The id of a maintainable scheme or of the instrument, `<survey>-<kind>`.
    pub fn of_kind(kind: Kind) -> Self {
        Self::new(kind, "")
    }

    /// The parts of the name, each written after a `-`.
    fn names(&self) -> [&'a str; 2] {
        [self.first, self.second]
    }

    /// How many of [`Id::names`] are written.
    fn written_names(&self) -> usize {
        match (self.first, self.second) {
            ("", "") => 0,
            (_, "") => 1,
            _ => 2,
        }
    }
}

impl Ids {
    pub fn new(survey: &Survey) -> Self {
        let agency = match &survey.agency {
            Some(a) => format!("it.ipa.{}", agency_part(&a.code)),
            None => NO_AGENCY.to_owned(),
        };
        let mut base = String::with_capacity(survey.id.len());
        push_name(&mut base, &survey.id);
        let version = Leaf::new("r:Version", &survey.version);
        let group = |after: &dyn Fn(Kind) -> Vec<Leaf>| {
            let variants = Kind::ALL
                .iter()
                .map(|&kind| Variant::new(&format!("{base}-{}", kind.name()), after(kind)))
                .collect();
            Group::new(vec![Leaf::new("r:Agency", &agency)], "r:ID", variants)
        };
        Ids {
            identity: group(&|_| vec![version.clone()]),
            reference: group(&|kind| vec![version.clone(), Leaf::new("r:TypeOfObject", kind.name())]),
            shared_lists: shared_lists(survey),
        }
    }

    /// The text of leaf `element` (`r:ID`) in the identity of `id` (the tests compare it).
    #[cfg(test)]
    pub fn written(&self, element: &str, id: Id) -> String {
        let mut xml = Xml::new();
        self.identity(&mut xml, id);
        let doc = xml.finish();
        let open = format!("<{element}>");
        let start = doc.find(&open).map_or(0, |i| i + open.len());
        let end = doc.find(&format!("</{element}>")).unwrap_or(start);
        doc.get(start..end).unwrap_or_default().to_owned()
    }

    /// `r:Agency`, `r:ID`, `r:Version`: the first children of every identifiable object.
    pub fn identity(&self, xml: &mut Xml, id: Id) {
        write(xml, &self.identity, id);
    }

    /// Open the maintainable scheme of type `kind` (`d:QuestionScheme`): its identity (id
    /// `<survey>-QuestionScheme`), then `name_element` holding `name`. Its items follow; the
    /// caller closes it.
    pub fn open_scheme(&self, xml: &mut Xml, kind: Kind, name_element: &'static str, name: &str) {
        xml.open(kind.element(), &[]);
        self.identity(xml, Id::of_kind(kind));
        super::text::name(xml, name_element, name);
    }

    /// An element `name` that points at object `id`, of the type of its kind
    /// (`r:QuestionReference` -> `QuestionItem`).
    pub fn reference(&self, xml: &mut Xml, name: &'static str, id: Id) {
        xml.open(name, &[]);
        write(xml, &self.reference, id);
        xml.close();
    }
}

/// The leaves of `group` for `id`.
fn write(xml: &mut Xml, group: &Group, id: Id) {
    // `Kind::ALL` is in the order of the declaration, so a kind's number is its index.
    let variant = id.kind as usize;
    let names = id.names();
    xml.group(group, variant, names.get(..id.written_names()).unwrap_or(&[]));
}

/// The named code lists whose questions all have the same codes.
fn shared_lists(survey: &Survey) -> HashSet<String> {
    let mut first: HashMap<&str, &[Code]> = HashMap::new();
    let mut unshared: HashSet<&str> = HashSet::new();
    for q in &survey.questions {
        if let Some(named) = &q.code_list {
            let codes = first.entry(named).or_insert(&q.codes);
            if *codes != q.codes.as_slice() {
                unshared.insert(named);
            }
        }
    }
    first
        .into_keys()
        .filter(|name| !unshared.contains(name))
        .map(str::to_owned)
        .collect()
}

/// An IPA code as one part of a DDI agency id: letters, digits and `-` only, at most 63.
fn agency_part(code: &str) -> String {
    let part: String = code
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .take(63)
        .collect();
    if part.is_empty() {
        "unassigned".to_owned()
    } else {
        part
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rileva_compiler::ir::Agency;
    use rileva_compiler::ir_builder::survey;

    #[test]
    fn agency_and_ids_follow_the_ddi_patterns() {
        let mut s = survey("roma.anagrafe_sportello", Vec::new());
        s.agency = Some(Agency {
            code: "c_h501".into(),
            kind: None,
        });
        let ids = Ids::new(&s);
        let scheme = Id::of_kind(Kind::QuestionScheme);
        assert_eq!(ids.written("r:Agency", scheme), "it.ipa.c-h501");
        assert_eq!(ids.written("r:Version", scheme), s.version);
        assert_eq!(
            ids.written("r:ID", Id::new(Kind::CodeList, "istat.scales.soddisfazione5")),
            "roma-anagrafe_sportello-CodeList-istat-scales-soddisfazione5"
        );
        assert_eq!(
            ids.written("r:ID", Id::of_parts(Kind::Category, "a.b", "-1")),
            "roma-anagrafe_sportello-Category-a-b--1"
        );
        assert_eq!(
            ids.written("r:ID", scheme),
            "roma-anagrafe_sportello-QuestionScheme"
        );
        s.agency = None;
        assert_eq!(Ids::new(&s).written("r:Agency", scheme), NO_AGENCY);
    }

    #[test]
    fn every_kind_is_at_its_number_in_all() {
        for (i, kind) in Kind::ALL.iter().enumerate() {
            assert_eq!(*kind as usize, i, "{kind:?}");
        }
    }
}
