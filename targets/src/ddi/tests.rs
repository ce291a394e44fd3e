//! DDI target, unit tests on hand-built surveys: every reference has its object in the
//! document, every maintainable carries agency, id and version, texts carry `xml:lang`,
//! conditions are written in rileva's syntax. The tests read the written bytes back into a
//! small tree with quick-xml. The schema validation and the round trip of every example run
//! in Python (tests/python/test_ddi.py).

use crate::html::fixture::{cmp, inps};
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};
use rileva_compiler::ir::{Agency, CmpOp, Survey};
use std::collections::HashSet;

/// An element read back from the document.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter()
    }

    fn inner_text(&self) -> String {
        self.text.clone()
    }

    fn descendants(&self) -> Vec<&Element> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.descendants());
        }
        out
    }
}

/// The document of `survey`, parsed: its root element.
fn fragment_instance(survey: &Survey) -> Element {
    let xml = super::fragment_instance(survey);
    let mut reader = Reader::from_str(&xml);
    let mut stack = vec![Element::default()];
    let start = |e: &quick_xml::events::BytesStart| Element {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        attributes: e
            .attributes()
            .map(|a| {
                let a = a.expect("a well-formed attribute");
                let value = a
                    .normalized_value(XmlVersion::Implicit1_0)
                    .expect("an escaped value")
                    .into_owned();
                (String::from_utf8_lossy(a.key.as_ref()).into_owned(), value)
            })
            .collect(),
        ..Element::default()
    };
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(start(&e)),
            Event::Empty(e) => {
                let element = start(&e);
                stack.last_mut().expect("a parent").children.push(element);
            }
            Event::End(_) => {
                let element = stack.pop().expect("an open element");
                stack.last_mut().expect("a parent").children.push(element);
            }
            Event::Text(t) => {
                let text = t.decode().expect("UTF-8 text");
                let text = quick_xml::escape::unescape(&text).expect("escaped text");
                stack.last_mut().expect("an open element").text.push_str(&text);
            }
            Event::GeneralRef(r) => {
                let name = r.decode().expect("a reference name");
                let entity = format!("&{name};");
                let text = quick_xml::escape::unescape(&entity).expect("a known entity");
                stack.last_mut().expect("an open element").text.push_str(&text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut document = stack.pop().expect("the document");
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.pop().expect("the root")
}

fn child_text(e: &Element, name: &str) -> Option<String> {
    e.elements().find(|c| c.name == name).map(Element::inner_text)
}

#[test]
fn texts_and_attributes_read_back_unescaped() {
    let mut survey = inps();
    survey.questions[0].doc = Some("A & B <c> \"d\" 'e'".into());
    let root = fragment_instance(&survey);
    let contents: Vec<String> = root
        .descendants()
        .into_iter()
        .filter(|e| e.name == "r:Content")
        .map(Element::inner_text)
        .collect();
    assert!(
        contents.iter().any(|c| c == "A & B <c> \"d\" 'e'"),
        "{contents:?}"
    );
}

/// `(agency, id, version)` of every identifiable object, with its local element name.
fn objects(root: &Element) -> HashSet<(String, String, String, String)> {
    root.descendants()
        .into_iter()
        .filter(|e| !e.name.ends_with("Reference"))
        .filter_map(|e| {
            let local = e.name.split_once(':').map_or(e.name.as_str(), |(_, l)| l);
            Some((
                child_text(e, "r:Agency")?,
                child_text(e, "r:ID")?,
                child_text(e, "r:Version")?,
                local.to_owned(),
            ))
        })
        .collect()
}

#[test]
fn every_reference_points_at_an_object_of_its_type() {
    let root = fragment_instance(&inps());
    let known = objects(&root);
    let references: Vec<&Element> = root
        .descendants()
        .into_iter()
        .filter(|e| e.name.ends_with("Reference"))
        .collect();
    assert!(references.len() > 20, "{} references", references.len());
    for r in references {
        let key = (
            child_text(r, "r:Agency").unwrap_or_default(),
            child_text(r, "r:ID").unwrap_or_default(),
            child_text(r, "r:Version").unwrap_or_default(),
            child_text(r, "r:TypeOfObject").unwrap_or_default(),
        );
        assert!(known.contains(&key), "{} points at nothing: {key:?}", r.name);
    }
}

#[test]
fn every_scheme_is_maintained_by_the_survey_agency() {
    let mut survey = inps();
    survey.agency = Some(Agency {
        code: "inps".into(),
        kind: None,
    });
    let root = fragment_instance(&survey);
    let schemes: Vec<&Element> = root
        .elements()
        .filter(|e| e.name == "Fragment")
        .flat_map(Element::elements)
        .collect();
    assert!(schemes.len() >= 6);
    for scheme in schemes {
        assert_eq!(
            child_text(scheme, "r:Agency").as_deref(),
            Some("it.ipa.inps"),
            "{}",
            scheme.name
        );
        assert_eq!(child_text(scheme, "r:Version").as_deref(), Some("1.0.0"));
        assert!(child_text(scheme, "r:ID").is_some_and(|id| id.starts_with("inps-hub_prestazioni-")));
    }
}

#[test]
fn question_texts_are_in_every_language_and_routing_in_rileva_syntax() {
    let mut survey = inps();
    survey.questions[1].show_if = Some(cmp(&survey.questions[0].id.clone(), CmpOp::Le, 2));
    let root = fragment_instance(&survey);
    let texts: Vec<&Element> = root
        .descendants()
        .into_iter()
        .filter(|e| e.name == "d:Text")
        .collect();
    let langs: HashSet<&str> = texts
        .iter()
        .flat_map(|t| {
            t.attributes
                .iter()
                .filter(|(k, _)| k == "xml:lang")
                .map(|(_, v)| v.as_str())
        })
        .collect();
    assert_eq!(langs, HashSet::from(["it", "en"]));
    let commands: Vec<String> = root
        .descendants()
        .into_iter()
        .filter(|e| e.name == "r:CommandContent")
        .map(Element::inner_text)
        .collect();
    let expected = format!("{} <= 2", survey.questions[0].id);
    assert!(commands.contains(&expected), "{commands:?}");
}

#[test]
fn the_same_survey_gives_the_same_bytes() {
    let a = super::emit(&inps());
    let b = super::emit(&inps());
    assert_eq!(a, b);
    assert_eq!(a[0].path, "ddi/ddi-3.3.xml");
}
