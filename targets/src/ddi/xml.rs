//! DDI target, the XML writer: the document is written straight into one `String` as the
//! schemes are walked (`open`, `leaf`, `empty`, `close`), indented by two spaces, and every
//! text and attribute value is escaped here, by quick-xml's `escape`, and nowhere else. No
//! markup is put together by hand outside this module, and no tree of the document is built.

use quick_xml::escape::escape;

/// Attributes of one element, in the order written.
pub type Attributes<'a> = &'a [(&'a str, &'a str)];

/// A document being written: the XML declaration, then the elements as they are given.
#[derive(Debug)]
pub struct Xml {
    out: String,
    /// The names of the elements open, outermost first.
    open: Vec<&'static str>,
    /// The last start tag still lacks its `>`: it becomes `/>` if the element is closed
    /// before it has any child.
    unfinished: bool,
}

impl Default for Xml {
    fn default() -> Self {
        Self::new()
    }
}

impl Xml {
    /// A document with its XML declaration.
    pub fn new() -> Self {
        Self::with_capacity(0)
    }

    /// A document expected to take about `bytes` (reserved once, so a large document is not
    /// copied as it grows).
    pub fn with_capacity(bytes: usize) -> Self {
        let mut out = String::with_capacity(bytes);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Xml {
            out,
            open: Vec::new(),
            unfinished: false,
        }
    }

    /// `<name a="v">`: later elements are its children until [`Xml::close`].
    pub fn open(&mut self, name: &'static str, attributes: Attributes) {
        self.start(name, attributes);
        self.unfinished = true;
        self.open.push(name);
    }

    /// `</name>` of the innermost element open, or `/>` when it has no child.
    pub fn close(&mut self) {
        let Some(name) = self.open.pop() else {
            return;
        };
        if std::mem::take(&mut self.unfinished) {
            self.out.push_str("/>");
            return;
        }
        self.indent();
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// `<name a="v">text</name>` (`<name></name>` for an empty text).
    pub fn leaf(&mut self, name: &str, attributes: Attributes, text: &str) {
        self.start(name, attributes);
        self.out.push('>');
        self.out.push_str(&escape(text));
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// `<name a="v"/>`: an element without children.
    pub fn empty(&mut self, name: &str, attributes: Attributes) {
        self.start(name, attributes);
        self.out.push_str("/>");
    }

    /// The document, ending with a newline; elements still open are closed.
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            self.close();
        }
        self.out.push('\n');
        self.out
    }

    /// `<name a="v"` on a new line (a text never precedes a tag: texts are leaves).
    fn start(&mut self, name: &str, attributes: Attributes) {
        if std::mem::take(&mut self.unfinished) {
            self.out.push('>');
        }
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape(*value));
            self.out.push('"');
        }
    }

    fn indent(&mut self) {
        self.out.push('\n');
        for _ in 0..self.open.len() {
            self.out.push_str("  ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut xml = Xml::new();
        xml.leaf("r:String", &[("xml:lang", "it\"<'")], "A & B <c> \"d\" 'e'");
        assert_eq!(
            xml.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<r:String xml:lang=\"it&quot;&lt;&apos;\">A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;</r:String>\n"
        );
    }

    #[test]
    fn nested_elements_are_indented_and_empty_ones_closed() {
        let mut xml = Xml::new();
        xml.open("a", &[]);
        xml.leaf("b", &[], "x");
        xml.empty("c", &[("n", "1")]);
        xml.leaf("d", &[], "");
        xml.open("e", &[]);
        xml.empty("f", &[]);
        xml.close();
        xml.open("g", &[("k", "v")]);
        assert_eq!(
            xml.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <b>x</b>\n  <c n=\"1\"/>\n  <d></d>\n  <e>\n    <f/>\n  </e>\n  <g k=\"v\"/>\n</a>\n"
        );
    }
}
