//! DDI target, the XML writer: the document is written straight into one `String` as the
//! schemes are walked (`open`, `leaf`, `empty`, `close`), indented by two spaces, and every
//! text and attribute value is escaped here, by [`push_escaped`], and nowhere else. No
//! markup is put together by hand outside this module, and no tree of the document is built.

use std::cell::OnceCell;

/// Attributes of one element, in the order written.
pub type Attributes<'a> = &'a [(&'a str, &'a str)];

/// A new line and the spaces of an indentation, copied at once (a deeper element copies
/// more spaces after it).
const NEW_LINE: &str = "\n                                                                ";

/// The depths up to which a [`Group`] is prepared (deeper ones are put together each time).
const GROUP_DEPTHS: usize = 16;

/// A leaf element escaped once and written many times (in a [`Group`]).
#[derive(Debug, Clone)]
pub struct Leaf(String);

impl Leaf {
    /// `<name>text</name>`, `text` escaped.
    pub fn new(name: &str, text: &str) -> Self {
        let mut out = String::with_capacity(2 * name.len() + text.len() + 5);
        out.push('<');
        out.push_str(name);
        push_leaf_rest(&mut out, name, &[text]);
        Leaf(out)
    }
}

/// Leaves written together many times, where only the end of one leaf's text changes (an
/// object's `r:Agency`, `r:ID` `<survey>-<type>-...`, `r:Version`): indented and escaped
/// once for each variant and depth, so that writing them is a few copies ([`Xml::group`]).
#[derive(Debug, Clone)]
pub struct Group {
    before: Vec<Leaf>,
    /// The leaf whose text varies.
    name: String,
    variants: Vec<Variant>,
}

/// One way of ending a [`Group`]: the start of the varying text and the leaves after it.
#[derive(Debug, Clone)]
pub struct Variant {
    /// Escaped.
    start: String,
    after: Vec<Leaf>,
    /// At each depth below [`GROUP_DEPTHS`], once it is first written: the markup before
    /// the rest of the varying text and after it.
    by_depth: [OnceCell<(String, String)>; GROUP_DEPTHS],
}

impl Variant {
    /// The varying text starting with `start`, then the leaves `after`.
    pub fn new(start: &str, after: Vec<Leaf>) -> Self {
        let mut escaped = String::with_capacity(start.len());
        push_escaped(&mut escaped, start);
        Variant {
            start: escaped,
            after,
            by_depth: std::array::from_fn(|_| OnceCell::new()),
        }
    }
}

impl Group {
    /// The leaves `before`, then `<name>` with the varying text, then a variant's leaves.
    pub fn new(before: Vec<Leaf>, name: &str, variants: Vec<Variant>) -> Self {
        Group {
            before,
            name: name.to_owned(),
            variants,
        }
    }

    /// The markup before the rest of the varying text and after it, at `depth`.
    fn around(&self, variant: &Variant, depth: usize) -> (String, String) {
        let mut before = String::new();
        for leaf in &self.before {
            push_indent(&mut before, depth);
            before.push_str(&leaf.0);
        }
        push_indent(&mut before, depth);
        before.push('<');
        before.push_str(&self.name);
        before.push('>');
        before.push_str(&variant.start);
        let mut after = String::new();
        after.push_str("</");
        after.push_str(&self.name);
        after.push('>');
        for leaf in &variant.after {
            push_indent(&mut after, depth);
            after.push_str(&leaf.0);
        }
        (before, after)
    }
}

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
        push_escaped(&mut self.out, text);
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// `<name>text</name>` whose text is `parts` one after the other (an id, without
    /// building it as a `String` first).
    pub fn leaf_of_parts(&mut self, name: &str, parts: &[&str]) {
        self.start(name, &[]);
        push_leaf_rest(&mut self.out, name, parts);
    }

    /// The leaves of `group` as the next children, ended as variant number `variant` (none
    /// when there is no such variant), then each of `names` after a `-` (see [`push_name`]).
    pub fn group(&mut self, group: &Group, variant: usize, names: &[&str]) {
        let Some(variant) = group.variants.get(variant) else {
            return;
        };
        self.finish_start_tag();
        let depth = self.open.len();
        let unprepared;
        let (before, after) = match variant.by_depth.get(depth) {
            Some(cell) => cell.get_or_init(|| group.around(variant, depth)),
            None => {
                unprepared = group.around(variant, depth);
                &unprepared
            }
        };
        self.out.push_str(before);
        for name in names {
            self.out.push('-');
            push_name(&mut self.out, name);
        }
        self.out.push_str(after);
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
        self.finish_start_tag();
        self.indent();
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            push_escaped(&mut self.out, value);
            self.out.push('"');
        }
    }

    /// The `>` of the parent's start tag, once it has a child.
    fn finish_start_tag(&mut self) {
        if std::mem::take(&mut self.unfinished) {
            self.out.push('>');
        }
    }

    /// A new line, then two spaces per element open.
    fn indent(&mut self) {
        push_indent(&mut self.out, self.open.len());
    }
}

/// A new line, then two spaces per level of `depth`.
fn push_indent(out: &mut String, depth: usize) {
    let mut width = 1 + 2 * depth;
    let mut line = NEW_LINE;
    while width > 0 {
        let spaces = line.get(..width).unwrap_or(line);
        out.push_str(spaces);
        width -= spaces.len();
        line = &NEW_LINE[1..];
    }
}

/// The rest of a leaf after `<name`: `>`, the parts escaped, `</name>`.
fn push_leaf_rest(out: &mut String, name: &str, parts: &[&str]) {
    out.push('>');
    for part in parts {
        push_escaped(out, part);
    }
    out.push_str("</");
    out.push_str(name);
    out.push('>');
}

/// `text` appended to `out` with `&`, `<`, `>`, `"` and `'` written as `&amp;`, `&lt;`,
/// `&gt;`, `&quot;` and `&apos;` (the bytes of quick-xml's `escape`), the runs between
/// them copied whole. Every other character, control or not, is copied as it is.
pub fn push_escaped(out: &mut String, text: &str) {
    if !needs_escape(text) {
        out.push_str(text);
        return;
    }
    let mut run = 0;
    for (i, byte) in text.bytes().enumerate() {
        if let Some(entity) = entity(byte) {
            // `i` is at an ASCII byte, so both slices end on character boundaries.
            out.push_str(text.get(run..i).unwrap_or_default());
            out.push_str(entity);
            run = i + 1;
        }
    }
    out.push_str(text.get(run..).unwrap_or_default());
}

/// The entity `byte` is written as, if it is escaped.
fn entity(byte: u8) -> Option<&'static str> {
    Some(match byte {
        b'&' => "&amp;",
        b'<' => "&lt;",
        b'>' => "&gt;",
        b'"' => "&quot;",
        b'\'' => "&apos;",
        _ => return None,
    })
}

/// `name` appended to `out` with every character outside `[A-Za-z0-9_-]` written `-`: the
/// characters of a DDI id, which leave nothing to escape.
pub fn push_name(out: &mut String, name: &str) {
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    if name.bytes().all(|b| allowed(char::from(b))) {
        out.push_str(name);
    } else {
        out.extend(name.chars().map(|c| if allowed(c) { c } else { '-' }));
    }
}

/// Some byte of `text` is escaped. The fold does not stop at the first one, so the compiler
/// checks many bytes per instruction; the common text has none.
fn needs_escape(text: &str) -> bool {
    text.bytes().fold(false, |any, b| {
        any | matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')
    })
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

    /// The bytes quick-xml's `escape` gives (what the file held before this writer escaped
    /// by itself), for texts with every escaped character, controls and non-ASCII.
    #[test]
    fn escaping_is_quick_xml_escape() {
        let texts = [
            "",
            "plain",
            "&",
            "<>",
            "a&b<c>d\"e'f",
            "&&&&''\"\"<<>>",
            "già & più: «così» <è> 'né' \"ché\" ",
            "\u{0}\u{1}\t\n\r\u{7f}\u{85}\u{2028}\u{fffd}",
            "tail &",
            "& head",
            "日本語 <b>漢字</b> 😀&😀",
            "ends in a long run of text without anything to escape at all, past 32 bytes",
        ];
        for text in texts {
            let mut out = String::from("x");
            push_escaped(&mut out, text);
            assert_eq!(out, format!("x{}", quick_xml::escape::escape(text)), "{text:?}");
        }
    }

    #[test]
    fn prepared_leaves_and_parts_are_escaped() {
        let mut xml = Xml::new();
        xml.open("a", &[]);
        xml.leaf_of_parts("r:ID", &["p<", "-", "q"]);
        assert_eq!(
            xml.finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <r:ID>p&lt;-q</r:ID>\n</a>\n"
        );
    }

    /// A group is the bytes of its leaves written one by one, at a prepared depth (twice:
    /// the second time from what the first prepared) and deeper than those prepared.
    #[test]
    fn a_group_is_its_leaves_written_one_by_one() {
        let group = Group::new(
            vec![Leaf::new("r:Agency", "x&y")],
            "r:ID",
            vec![
                Variant::new("s<-", vec![Leaf::new("r:Version", "1'0"), Leaf::new("v", "")]),
                Variant::new("t", Vec::new()),
            ],
        );
        for depth in [0, 1, 3, 3, GROUP_DEPTHS - 1, GROUP_DEPTHS, GROUP_DEPTHS + 5] {
            let (mut grouped, mut one_by_one) = (Xml::new(), Xml::new());
            for xml in [&mut grouped, &mut one_by_one] {
                for _ in 0..depth {
                    xml.open("e", &[]);
                }
            }
            grouped.group(&group, 0, &["k.>", "", "n"]);
            grouped.group(&group, 1, &[]);
            grouped.group(&group, 2, &["none"]);
            one_by_one.leaf("r:Agency", &[], "x&y");
            one_by_one.leaf("r:ID", &[], "s<--k----n");
            one_by_one.leaf("r:Version", &[], "1'0");
            one_by_one.leaf("v", &[], "");
            one_by_one.leaf("r:Agency", &[], "x&y");
            one_by_one.leaf("r:ID", &[], "t");
            assert_eq!(grouped.finish(), one_by_one.finish(), "depth {depth}");
        }
    }

    #[test]
    fn names_keep_only_the_characters_of_an_id() {
        let mut out = String::new();
        for name in ["a_b-C9", "istat.scales.x", "è<&>\"'z", ""] {
            push_name(&mut out, name);
            out.push('|');
        }
        assert_eq!(out, "a_b-C9|istat-scales-x|------z||");
    }

    #[test]
    fn deep_elements_are_indented_past_the_spaces_copied_at_once() {
        let mut xml = Xml::new();
        for _ in 0..40 {
            xml.open("e", &[]);
        }
        xml.leaf("t", &[], "");
        let out = xml.finish();
        assert!(out.contains(&format!("\n{}<t></t>\n", " ".repeat(80))), "{out}");
        assert!(out.ends_with("\n</e>\n"));
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
