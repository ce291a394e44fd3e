//! DDI target, identity: the agency, id and version of every object, and references to them.
//!
//! - **Agency**: `it.ipa.<IPA code>` from the survey's `agency`, with `_` written `-`
//!   (a DDI agency id allows letters, digits and `-` only): `c_h501` -> `it.ipa.c-h501`.
//!   A survey without `agency` gets [`NO_AGENCY`].
//! - **Id**: `<survey id>-<object type>-<name>`, the survey id's `.` written `-` (a DDI id
//!   allows one dot, followed by capitals only): `inps-hub_prestazioni-QuestionItem-tempo`.
//!   The same survey always gives the same ids, so a new build replaces the old objects.
//! - **Version**: the survey's version (`1.2.0`) on every object.

use super::xml::Xml;
use rileva_compiler::ir::{Code, Survey};
use std::collections::{HashMap, HashSet};

/// The agency of a survey that names none.
pub const NO_AGENCY: &str = "it.rileva.unassigned";

/// The identity shared by every object of one survey's file.
#[derive(Debug, Clone)]
pub struct Ids {
    pub agency: String,
    pub version: String,
    base: String,
    /// The named code lists every question naming them gives the same codes (computed once:
    /// [`super::logical::list_name`] asks for each question).
    pub shared_lists: HashSet<String>,
}

impl Ids {
    pub fn new(survey: &Survey) -> Self {
        let agency = match &survey.agency {
            Some(a) => format!("it.ipa.{}", agency_part(&a.code)),
            None => NO_AGENCY.to_owned(),
        };
        Ids {
            agency,
            version: survey.version.clone(),
            base: id_part(&survey.id),
            shared_lists: shared_lists(survey),
        }
    }

    /// The id of an object: `<survey>-<kind>-<name>` (`<survey>-<kind>` for an empty name).
    pub fn id(&self, kind: &str, name: &str) -> String {
        let mut id = String::with_capacity(self.base.len() + kind.len() + name.len() + 2);
        id.push_str(&self.base);
        id.push('-');
        id.push_str(kind);
        if !name.is_empty() {
            id.push('-');
            push_id_part(&mut id, name);
        }
        id
    }

    /// `r:Agency`, `r:ID`, `r:Version`: the first children of every identifiable object.
    pub fn identity(&self, xml: &mut Xml, id: &str) {
        xml.leaf("r:Agency", &[], &self.agency);
        xml.leaf("r:ID", &[], id);
        xml.leaf("r:Version", &[], &self.version);
    }

    /// Open the maintainable scheme `element` (`d:QuestionScheme`): its identity (id
    /// `<survey>-QuestionScheme`), then `name_element` holding `name`. Its items follow; the
    /// caller closes it.
    pub fn open_scheme(&self, xml: &mut Xml, element: &'static str, name_element: &'static str, name: &str) {
        xml.open(element, &[]);
        let kind = element.split_once(':').map_or(element, |(_, kind)| kind);
        self.identity(xml, &self.id(kind, ""));
        super::text::name(xml, name_element, name);
    }

    /// An element `name` that points at object `id` of type `of`
    /// (`r:QuestionReference` -> `QuestionItem`).
    pub fn reference(&self, xml: &mut Xml, name: &'static str, of: &str, id: &str) {
        xml.open(name, &[]);
        self.identity(xml, id);
        xml.leaf("r:TypeOfObject", &[], of);
        xml.close();
    }
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

/// A name as part of a DDI id: `.` and any other character outside `[A-Za-z0-9_-]` as `-`.
fn id_part(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_id_part(&mut out, name);
    out
}

/// [`id_part`] of `name`, appended to `out`.
fn push_id_part(out: &mut String, name: &str) {
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if name.chars().all(allowed) {
        out.push_str(name);
    } else {
        out.extend(name.chars().map(|c| if allowed(c) { c } else { '-' }));
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
        assert_eq!(ids.agency, "it.ipa.c-h501");
        assert_eq!(
            ids.id("CodeList", "istat.scales.soddisfazione5"),
            "roma-anagrafe_sportello-CodeList-istat-scales-soddisfazione5"
        );
        assert_eq!(
            ids.id("QuestionScheme", ""),
            "roma-anagrafe_sportello-QuestionScheme"
        );
        s.agency = None;
        assert_eq!(Ids::new(&s).agency, NO_AGENCY);
    }
}
