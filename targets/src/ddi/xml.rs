//! DDI target, the XML tree: elements are built as values ([`Element`]) and written once by
//! quick-xml, which escapes every text and attribute. No markup is ever put together by hand.

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

/// One XML element: a qualified name (`r:ID`), its attributes in order, and its children.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Node>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    pub fn new(name: &str) -> Self {
        Element {
            name: name.to_owned(),
            attributes: Vec::new(),
            children: Vec::new(),
        }
    }

    /// `<name>text</name>`
    pub fn text(name: &str, text: impl Into<String>) -> Self {
        Element::new(name).with_text(text)
    }

    pub fn attr(mut self, key: &str, value: impl Into<String>) -> Self {
        self.attributes.push((key.to_owned(), value.into()));
        self
    }

    pub fn with_text(mut self, text: impl Into<String>) -> Self {
        self.children.push(Node::Text(text.into()));
        self
    }

    pub fn child(mut self, child: Element) -> Self {
        self.children.push(Node::Element(child));
        self
    }

    pub fn children(mut self, children: impl IntoIterator<Item = Element>) -> Self {
        self.children.extend(children.into_iter().map(Node::Element));
        self
    }

    pub fn push(&mut self, child: Element) {
        self.children.push(Node::Element(child));
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// Every element of this tree, this one first, depth first.
    #[cfg(test)]
    pub fn descendants(&self) -> Vec<&Element> {
        let mut out = vec![self];
        for child in self.elements() {
            out.extend(child.descendants());
        }
        out
    }

    /// The text directly inside this element.
    pub fn inner_text(&self) -> String {
        self.children
            .iter()
            .filter_map(|n| match n {
                Node::Text(t) => Some(t.as_str()),
                Node::Element(_) => None,
            })
            .collect()
    }
}

/// The document: an XML declaration, then `root` indented by two spaces, then a newline.
pub fn to_string(root: &Element) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    // Writing into a Vec cannot fail; the results are checked all the same.
    let written = writer
        .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .and_then(|()| write_element(&mut writer, root));
    let mut bytes = writer.into_inner();
    if let Err(e) = written {
        bytes = format!("<!-- rileva: the XML writer failed: {e} -->").into_bytes();
    }
    bytes.push(b'\n');
    String::from_utf8(bytes).unwrap_or_default()
}

fn write_element(writer: &mut Writer<Vec<u8>>, element: &Element) -> std::io::Result<()> {
    let mut start = BytesStart::new(element.name.as_str());
    for (key, value) in &element.attributes {
        start.push_attribute((key.as_str(), value.as_str()));
    }
    if element.children.is_empty() {
        return writer.write_event(Event::Empty(start));
    }
    writer.write_event(Event::Start(start))?;
    for child in &element.children {
        match child {
            Node::Element(e) => write_element(writer, e)?,
            Node::Text(t) => writer.write_event(Event::Text(BytesText::new(t)))?,
        }
    }
    writer.write_event(Event::End(BytesEnd::new(element.name.as_str())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let root = Element::new("r:String")
            .attr("xml:lang", "it\"<")
            .with_text("A & B <c> \"d\"");
        let xml = to_string(&root);
        assert_eq!(
            xml,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r:String xml:lang=\"it&quot;&lt;\">A &amp; B &lt;c&gt; &quot;d&quot;</r:String>\n"
        );
    }

    #[test]
    fn nested_elements_are_indented_and_empty_ones_closed() {
        let root = Element::new("a")
            .child(Element::text("b", "x"))
            .child(Element::new("c"));
        assert_eq!(
            to_string(&root),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <b>x</b>\n  <c/>\n</a>\n"
        );
    }
}
