//! Emit, templates of repeated fragments (one question's markup): a minijinja template
//! rendered once per *shape* of its view, then filled with each view's texts.
//!
//! A survey of 10,000 questions has a few dozen shapes (the control, which texts are
//! present, the number of options...). For each new shape the template is rendered with a
//! copy of the view whose texts are placeholders; the output is cut at the placeholders
//! into a [`Skeleton`] of literal markup and text slots, cached by shape. Each view is then
//! written by copying the skeleton's markup and its own texts, escaped as minijinja's
//! `HtmlEscape` escapes where the template escaped the placeholder. The bytes are those of
//! rendering the template with the view itself, provided a fragment template only prints
//! its texts and tests whether they are empty (no filters, no comparisons on them): the
//! shape keeps every other value (booleans, options, numbers, enums), and a placeholder is
//! empty exactly when its text is.

#[cfg(doc)]
use minijinja::HtmlEscape;
use minijinja::{context, Error, ErrorKind, Template, Value};
use serde::Serialize;
use std::collections::hash_map::{Entry, HashMap};
use std::hash::{Hash, Hasher};

/// Opens a placeholder: `OPEN <slot> QUOTE CLOSE`, private-use characters no template or
/// interface string holds. The quote tells whether the template escaped it (`&quot;`).
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';
const RAW: &str = "\"";
const ESCAPED: &str = "&quot;";

/// A view a fragment template lays out. Its `==` is a shape's: finding a view's skeleton
/// compares its shape with the one cached, once per view, so the views compare their strings
/// with [`same_str`] (every text of a shape is empty).
pub trait Fragment: Serialize + Eq {
    /// This view with each printed text replaced by `slots.text(..)`; every other value kept.
    fn shape<'a>(&'a self, slots: &mut Slots<'a>) -> Self;
}

/// `a == b` without a call for empty strings, and short ones compared inline: the derived
/// `==` calls `memcmp` for each string, empty or not, and comparing shapes was a seventh of
/// a build's time.
#[inline]
pub fn same_str(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

/// [`same_str`] of two optional strings.
#[inline]
pub fn same_option<A: AsRef<str>, B: AsRef<str>>(a: &Option<A>, b: &Option<B>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same_str(a.as_ref(), b.as_ref()),
        (None, None) => true,
        _ => false,
    }
}

/// [`same_str`] of two lists of strings, item by item.
#[inline]
pub fn same_strs(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same_str(a, b))
}

/// The texts of one view, in the order [`Fragment::shape`] met them. To find the shape of
/// a view the texts are only collected (the shape's texts are all empty, which costs no
/// allocation, and which of them are empty is kept beside it); to render a new shape they
/// become placeholders.
pub struct Slots<'a> {
    texts: Vec<&'a str>,
    placeholders: bool,
}

impl<'a> Slots<'a> {
    /// The text's placeholder, or nothing while only collecting (an empty text has an
    /// empty placeholder, so that tests on it agree). A `String`, or a `Cow` where the view
    /// borrows its texts.
    pub fn text<T: From<String>>(&mut self, text: &'a str) -> T {
        let slot = self.texts.len();
        self.texts.push(text);
        if !self.placeholders || text.is_empty() {
            return T::from(String::new());
        }
        T::from(format!("{OPEN}{slot}{RAW}{CLOSE}"))
    }

    pub fn option<S: AsRef<str>, T: From<String>>(&mut self, text: &'a Option<S>) -> Option<T> {
        text.as_ref().map(|t| self.text(t.as_ref()))
    }

    /// Which texts are empty, one bit each.
    fn empty(&self) -> Vec<u64> {
        let mut bits = vec![0u64; self.texts.len().div_ceil(64)];
        for (i, text) in self.texts.iter().enumerate() {
            if text.is_empty() {
                bits[i / 64] |= 1 << (i % 64);
            }
        }
        bits
    }
}

/// A shape's output: markup, and the slots where a view's texts go.
#[derive(Debug)]
enum Piece {
    Markup(String),
    Text { slot: usize, escaped: bool },
}

#[derive(Debug)]
struct Skeleton {
    pieces: Vec<Piece>,
    /// The slots printed escaped more than once (a question's id, in each of its options):
    /// each view's text of such a slot is escaped once, then copied.
    reused: Vec<bool>,
}

/// A shape as the skeletons' key, with its number of texts and which of them are empty.
/// Only those two are hashed (a few words, where hashing the whole shape walks every
/// option); keys are compared whole. Equal shapes have as many texts, so equal keys hash
/// alike.
#[derive(Debug, PartialEq, Eq)]
struct Key<F> {
    slots: usize,
    empty: Vec<u64>,
    shape: F,
}

impl<F> Hash for Key<F> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.slots.hash(state);
        self.empty.hash(state);
    }
}

/// One fragment template, with the values every fragment shares (`globals`) and the
/// skeletons of the shapes met so far, by shape (texts emptied) and empty texts.
pub struct Fragments<'t, F> {
    template: Template<'t, 't>,
    /// The name under which the template reads each view (`q`).
    name: &'static str,
    globals: Value,
    skeletons: HashMap<Key<F>, Skeleton, foldhash::fast::RandomState>,
    /// The escaped texts of the reused slots of the view being written, and where each is.
    escaped: String,
    escaped_at: Vec<(usize, usize)>,
}

impl<'t, F: Fragment> Fragments<'t, F> {
    pub fn new(template: Template<'t, 't>, name: &'static str, globals: Value) -> Self {
        Fragments {
            template,
            name,
            globals,
            skeletons: HashMap::default(),
            escaped: String::new(),
            escaped_at: Vec::new(),
        }
    }

    /// Append `view`'s markup to `out`: the bytes of rendering the template with it.
    pub fn render_into(&mut self, view: &F, out: &mut String) -> Result<(), Error> {
        let mut slots = Slots {
            texts: Vec::with_capacity(32),
            placeholders: false,
        };
        let shape = view.shape(&mut slots);
        let key = Key {
            slots: slots.texts.len(),
            empty: slots.empty(),
            shape,
        };
        let skeleton = match self.skeletons.entry(key) {
            Entry::Occupied(known) => known.into_mut(),
            Entry::Vacant(new) => {
                let mut placeholders = Slots {
                    texts: Vec::with_capacity(slots.texts.len()),
                    placeholders: true,
                };
                let shape = Value::from_serialize(view.shape(&mut placeholders));
                let view = Value::from_iter([(self.name, shape)]);
                let ctx = context! { ..view, ..self.globals.clone() };
                let skeleton = parse(&self.template.render(ctx)?, slots.texts.len())?;
                new.insert(skeleton)
            }
        };
        self.escaped.clear();
        self.escaped_at.clear();
        for (text, reused) in slots.texts.iter().zip(&skeleton.reused) {
            let start = self.escaped.len();
            if *reused {
                escape_into(&mut self.escaped, text);
            }
            self.escaped_at.push((start, self.escaped.len()));
        }
        for piece in &skeleton.pieces {
            match piece {
                Piece::Markup(markup) => out.push_str(markup),
                Piece::Text { slot, escaped } => {
                    let text = slots.texts.get(*slot).copied().unwrap_or_default();
                    match (escaped, skeleton.reused.get(*slot)) {
                        (false, _) => out.push_str(text),
                        (true, Some(true)) => {
                            let at = self.escaped_at.get(*slot).map(|&(start, end)| start..end);
                            out.push_str(at.and_then(|at| self.escaped.get(at)).unwrap_or_default());
                        }
                        (true, _) => escape_into(out, text),
                    }
                }
            }
        }
        Ok(())
    }
}

/// Test support for the targets that lay out fragments: each of `views` laid out through
/// its shape's skeleton is the bytes of rendering the template with the view itself.
/// `what` names a view in the failure message.
#[cfg(test)]
pub(crate) fn assert_filled_as_rendered<'v, F: Fragment + 'v>(
    template: &Template<'_, '_>,
    globals: Value,
    views: impl IntoIterator<Item = &'v F>,
    what: impl Fn(&F) -> String,
) {
    let mut fragments = Fragments::new(template.clone(), "q", globals.clone());
    for view in views {
        let mut filled = String::new();
        fragments.render_into(view, &mut filled).expect("filled");
        let direct = template
            .render(context! { q => view, ..globals.clone() })
            .expect("rendered");
        assert_eq!(filled, direct, "{}", what(view));
    }
}

/// `text` escaped as minijinja's [`HtmlEscape`] escapes it (the test below compares them),
/// without going through `fmt` for each text.
fn escape_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    // Most texts hold none of these bytes: look at all of them without stopping early, which
    // the compiler does many bytes at a time, and copy the text whole.
    let special = bytes.iter().fold(false, |found, b| {
        found | matches!(b, b'<' | b'>' | b'&' | b'"' | b'\'' | b'/')
    });
    if !special {
        out.push_str(text);
        return;
    }
    let mut start = 0;
    for (i, b) in bytes.iter().enumerate() {
        let entity = match b {
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'&' => "&amp;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            b'/' => "&#x2f;",
            _ => continue,
        };
        // Only ASCII bytes are cut at, so each piece is whole characters.
        out.push_str(&text[start..i]);
        out.push_str(entity);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

/// Cut a shape's output at its placeholders.
fn parse(output: &str, slots: usize) -> Result<Skeleton, Error> {
    let mut pieces = Vec::new();
    let mut rest = output;
    while let Some(start) = rest.find(OPEN) {
        if start > 0 {
            pieces.push(Piece::Markup(rest[..start].to_owned()));
        }
        let after = &rest[start + OPEN.len_utf8()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let slot: usize = after[..digits]
            .parse()
            .map_err(|_| bug("a placeholder without its slot"))?;
        let tail = &after[digits..];
        let (escaped, tail) = if let Some(t) = tail.strip_prefix(ESCAPED) {
            (true, t)
        } else if let Some(t) = tail.strip_prefix(RAW) {
            (false, t)
        } else {
            return Err(bug("a placeholder changed by a filter"));
        };
        let Some(tail) = tail.strip_prefix(CLOSE) else {
            return Err(bug("a placeholder changed by a filter"));
        };
        if slot >= slots {
            return Err(bug("a placeholder of no slot"));
        }
        pieces.push(Piece::Text { slot, escaped });
        rest = tail;
    }
    if !rest.is_empty() {
        pieces.push(Piece::Markup(rest.to_owned()));
    }
    let mut printed = vec![0usize; slots];
    for piece in &pieces {
        if let Piece::Text { slot, escaped: true } = piece {
            printed[*slot] += 1;
        }
    }
    let reused = printed.into_iter().map(|n| n > 1).collect();
    Ok(Skeleton { pieces, reused })
}

fn bug(what: &str) -> Error {
    Error::new(ErrorKind::InvalidOperation, format!("fragment template: {what}"))
}

/// Unit tests of fragment templates: filling a shape's skeleton gives the bytes of
/// rendering the template with the view itself, for escaped, raw, empty and absent texts.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates::environment;
    use serde::Serialize;

    /// The shapes' string comparisons are `==` on every pair of these strings.
    #[test]
    fn same_str_is_string_equality() {
        let strings = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "it",
            "en",
            "è",
            "é",
            "\u{E000}0\"\u{E001}",
            "abc",
        ];
        for a in strings {
            for b in strings {
                assert_eq!(same_str(a, b), a == b, "{a:?} {b:?}");
                assert_eq!(same_option(&Some(a), &Some(b)), a == b);
                assert_eq!(same_strs(&[a.to_owned()], &[b.to_owned()]), a == b);
            }
            assert!(!same_option(&Some(a), &None::<&str>));
            assert!(!same_strs(&[a.to_owned()], &[]));
        }
        assert!(same_option(&None::<&str>, &None::<String>));
    }

    #[derive(Debug, PartialEq, Eq, Serialize)]
    struct Item {
        id: String,
        label: String,
        note: Option<String>,
        raw: String,
        count: u32,
        tags: Vec<String>,
    }

    impl Fragment for Item {
        fn shape<'a>(&'a self, slots: &mut Slots<'a>) -> Self {
            Item {
                id: slots.text(&self.id),
                label: slots.text(&self.label),
                note: slots.option(&self.note),
                raw: slots.text(&self.raw),
                count: self.count,
                tags: self.tags.iter().map(|t| slots.text(t)).collect(),
            }
        }
    }

    const TEMPLATE: &str = "<p id=\"{{ i.id }}-{{ i.count }}\" title=\"{{ i.label }}\">{{ i.label }}\
    {% if i.label %} [labelled]{% endif %}{% if i.note %}<small>{{ i.note }}</small>{% endif %}\
    {{ i.raw|safe }}{% for t in i.tags %}<b>{{ t }}</b>{% if loop.last %}.{% endif %}{% endfor %}\
    {{ sep }}</p>\n";

    fn item(id: &str, label: &str, note: Option<&str>, raw: &str, count: u32, tags: &[&str]) -> Item {
        Item {
            id: id.to_owned(),
            label: label.to_owned(),
            note: note.map(str::to_owned),
            raw: raw.to_owned(),
            count,
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        }
    }

    #[test]
    fn filled_skeletons_are_the_bytes_of_rendering_each_view() {
        let env = environment(&[("item.html", TEMPLATE)]).expect("template");
        let template = env.get_template("item.html").expect("template");
        let globals = context! { sep => "<hr>" };
        let mut fragments = Fragments::new(template.clone(), "i", globals.clone());
        let items = [
            item(
                "a",
                "Tom & \"Jerry\" </script>",
                None,
                "<em>x</em>",
                1,
                &["x", "y"],
            ),
            item("b", "", Some("l'orario / 'sì'"), "", 2, &[]),
            item("c", "plain", Some(""), "<br>", 1, &["<z>"]),
            item(
                "d",
                "\u{E000}0\"\u{E001} looks like a placeholder",
                None,
                "\u{E000}",
                1,
                &["x", "y"],
            ),
            item(
                "a",
                "Tom & \"Jerry\" </script>",
                None,
                "<em>x</em>",
                1,
                &["x", "y"],
            ),
        ];
        let mut filled = String::new();
        let mut direct = String::new();
        for i in &items {
            fragments.render_into(i, &mut filled).expect("fill");
            let ctx = context! { i => i, ..globals.clone() };
            direct.push_str(&template.render(ctx).expect("render"));
        }
        assert_eq!(filled, direct);
        assert!(
            filled.contains("Tom &amp; &quot;Jerry&quot; &lt;&#x2f;script&gt;"),
            "{filled}"
        );
        assert!(filled.contains("<em>x</em>"), "raw text left raw: {filled}");
        // a and d share a shape; b and c have their own.
        assert_eq!(fragments.skeletons.len(), 3, "{:?}", fragments.skeletons.keys());
    }

    #[test]
    fn texts_are_escaped_as_minijinja_escapes_them() {
        let mut every_ascii: String = (0u8..128).map(char::from).collect();
        every_ascii.push_str("é l'«orario» / \u{E000} &amp; ");
        for text in [every_ascii.as_str(), "", "plain", "<>", "&", "a/b\"c'd"] {
            let mut out = String::new();
            escape_into(&mut out, text);
            assert_eq!(out, minijinja::HtmlEscape(text).to_string(), "{text:?}");
        }
    }

    #[test]
    fn a_placeholder_a_filter_broke_is_an_error_not_wrong_markup() {
        let env = environment(&[("item.html", "{{ i.label|reverse }}")]).expect("template");
        let template = env.get_template("item.html").expect("template");
        let mut fragments = Fragments::new(template, "i", context! {});
        let mut out = String::new();
        let error = fragments
            .render_into(&item("a", "label", None, "", 1, &[]), &mut out)
            .expect_err("a changed placeholder");
        assert!(error.to_string().contains("fragment template"), "{error}");
    }
}
