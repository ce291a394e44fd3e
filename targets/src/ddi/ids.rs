//! DDI target, identity: the agency, id and version of every object, and references to them.
//!
//! - **Agency**: `it.ipa.<IPA code>` from the survey's `agency`, with `_` written `-`
//!   (a DDI agency id allows letters, digits and `-` only): `c_h501` -> `it.ipa.c-h501`.
//!   A survey without `agency` gets [`NO_AGENCY`].
//! - **Id**: `<survey id>-<object type>-<name>`, the survey id's `.` written `-` (a DDI id
//!   allows one dot, followed by capitals only): `inps-hub_prestazioni-QuestionItem-tempo`.
//!   The same survey always gives the same ids, so a new build replaces the old objects.
//! - **Version**: the survey's version (`1.2.0`) on every object.

use super::xml::{Group, Leaf, Xml};
use rileva_compiler::ir::{Code, Survey};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// The agency of a survey that names none.
pub const NO_AGENCY: &str = "it.rileva.unassigned";

/// The identity shared by every object of one survey's file.
#[derive(Debug, Clone)]
pub struct Ids {
    /// `r:Agency`, `r:ID` (`<survey>-` and the rest), `r:Version`: prepared once for the
    /// whole file.
    identity: Group,
    /// The named code lists every question naming them gives the same codes (computed once:
    /// [`super::logical::list_name`] asks for each question).
    pub shared_lists: HashSet<String>,
}

/// The id of one object of type `kind`, written where it goes rather than built as a
/// `String`: `<survey>-<kind>`, then `-<name>` for a non-empty name, where the name is
/// `first`, or `first-second` when `second` is not empty.
#[derive(Debug, Clone, Copy)]
pub struct Id<'a> {
    pub kind: &'static str,
    first: &'a str,
    second: &'a str,
}

impl<'a> Id<'a> {
    /// The id of object `name` of type `kind` (`QuestionItem`, `tempo`).
    pub fn new(kind: &'static str, name: &'a str) -> Self {
        Self::of_parts(kind, name, "")
    }

    /// The id of object `first-second` (`IfThenElse`, `show`, `tempo`).
    pub fn of_parts(kind: &'static str, first: &'a str, second: &'a str) -> Self {
        Id { kind, first, second }
    }

    /// The id of a maintainable scheme, `<survey>-<kind>`.
    pub fn scheme(kind: &'static str) -> Self {
        Self::new(kind, "")
    }
}

impl Ids {
    pub fn new(survey: &Survey) -> Self {
        let agency = match &survey.agency {
            Some(a) => format!("it.ipa.{}", agency_part(&a.code)),
            None => NO_AGENCY.to_owned(),
        };
        let base = id_part(&survey.id).into_owned();
        let identity = Group::new(
            vec![Leaf::new("r:Agency", &agency)],
            "r:ID",
            &format!("{base}-"),
            vec![Leaf::new("r:Version", &survey.version)],
        );
        Ids {
            identity,
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
        let parts = id_parts(&id);
        let parts: [&str; 5] = std::array::from_fn(|i| parts[i].as_ref());
        xml.group(&self.identity, &parts);
    }

    /// Open the maintainable scheme `element` (`d:QuestionScheme`): its identity (id
    /// `<survey>-QuestionScheme`), then `name_element` holding `name`. Its items follow; the
    /// caller closes it.
    pub fn open_scheme(&self, xml: &mut Xml, element: &'static str, name_element: &'static str, name: &str) {
        xml.open(element, &[]);
        let kind = element.split_once(':').map_or(element, |(_, kind)| kind);
        self.identity(xml, Id::scheme(kind));
        super::text::name(xml, name_element, name);
    }

    /// An element `name` that points at object `id`, of the type of its kind
    /// (`r:QuestionReference` -> `QuestionItem`).
    pub fn reference(&self, xml: &mut Xml, name: &'static str, id: Id) {
        xml.open(name, &[]);
        self.identity(xml, id);
        xml.leaf("r:TypeOfObject", &[], id.kind);
        xml.close();
    }
}

/// The parts of `id` after `<survey>-`: the kind, then the name.
fn id_parts<'a>(id: &Id<'a>) -> [Cow<'a, str>; 5] {
    let dash = |present: bool| Cow::Borrowed(if present { "-" } else { "" });
    [
        Cow::Borrowed(id.kind),
        dash(!id.first.is_empty() || !id.second.is_empty()),
        id_part(id.first),
        dash(!id.second.is_empty()),
        id_part(id.second),
    ]
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

/// A name as part of a DDI id: `.` and any other character outside `[A-Za-z0-9_-]` as `-`
/// (borrowed when there is none, as for most names).
fn id_part(name: &str) -> Cow<'_, str> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if name.bytes().all(|b| allowed(char::from(b))) {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(name.chars().map(|c| if allowed(c) { c } else { '-' }).collect())
    }
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
        let scheme = Id::scheme("QuestionScheme");
        assert_eq!(ids.written("r:Agency", scheme), "it.ipa.c-h501");
        assert_eq!(ids.written("r:Version", scheme), s.version);
        assert_eq!(
            ids.written("r:ID", Id::new("CodeList", "istat.scales.soddisfazione5")),
            "roma-anagrafe_sportello-CodeList-istat-scales-soddisfazione5"
        );
        assert_eq!(
            ids.written("r:ID", Id::of_parts("Category", "a.b", "-1")),
            "roma-anagrafe_sportello-Category-a-b--1"
        );
        assert_eq!(
            ids.written("r:ID", scheme),
            "roma-anagrafe_sportello-QuestionScheme"
        );
        s.agency = None;
        assert_eq!(Ids::new(&s).written("r:Agency", scheme), NO_AGENCY);
    }
}
