//! Pretty-printed JSON for the json-schema and ir targets: byte for byte
//! `serde_json::to_string_pretty` (two spaces, `": "`, a newline before each item), into a
//! buffer reserved once, each line's indentation written in one piece. [`to_vec`] prints a
//! `Serialize` value (the IR); [`Writer`] writes JSON key by key with no value built first
//! (the schema of 10,000 questions: building and dropping a `serde_json::Value` cost more than
//! printing it).

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};
use std::io::{self, Write};

/// `value` as `serde_json::to_string_pretty` prints it, followed by a newline, as UTF-8
/// bytes (serde_json writes only valid UTF-8: its strings come from `&str`); `bytes` is the
/// size expected, reserved at once.
pub fn to_vec(value: &impl Serialize, bytes: usize) -> serde_json::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(bytes);
    value.serialize(&mut Serializer::with_formatter(&mut out, Pretty::default()))?;
    out.push(b'\n');
    Ok(out)
}

/// serde_json's `PrettyFormatter` with a two-space indent, its layout rules kept exactly.
#[derive(Debug, Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// A newline and spaces enough for most depths; deeper lines are written in several pieces.
const LINE: &str = match std::str::from_utf8(&LINE_BYTES) {
    Ok(line) => line,
    Err(_) => "\n",
};

const LINE_BYTES: [u8; 129] = {
    let mut line = [b' '; 129];
    line[0] = b'\n';
    line
};

/// Gives `push` a new line at `depth` (two spaces a level): in one piece up to 64 levels,
/// in several deeper.
fn new_line(depth: usize, mut push: impl FnMut(&'static str)) {
    let spaces = LINE.len() - 1;
    let mut left = depth * 2;
    let first = left.min(spaces);
    push(&LINE[..1 + first]);
    left -= first;
    while left > 0 {
        let n = left.min(spaces);
        push(&LINE[1..1 + n]);
        left -= n;
    }
}

/// A new line at `depth`.
fn write_line<W: ?Sized + Write>(writer: &mut W, depth: usize) -> io::Result<()> {
    let mut written = Ok(());
    new_line(depth, |piece| {
        if written.is_ok() {
            written = writer.write_all(piece.as_bytes());
        }
    });
    written
}

impl Pretty {
    fn begin<W: ?Sized + Write>(&mut self, writer: &mut W, open: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(open)
    }

    fn end<W: ?Sized + Write>(&mut self, writer: &mut W, close: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            write_line(writer, self.depth)?;
        }
        writer.write_all(close)
    }

    fn item<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        write_line(writer, self.depth)
    }
}

impl Formatter for Pretty {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.begin(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.end(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// JSON written in order, laid out as [`to_vec`] lays out the same value. An object's
/// keys are written by its caller, each once (a `serde_json::Map` would keep one of two).
///
/// `w.object(|w| { w.key("type").str("object"); w.key("required").strs(["a"]); })`
#[derive(Debug)]
pub struct Writer {
    out: String,
    depth: usize,
    /// The innermost open object or array has no item yet.
    empty: bool,
    /// A key was just written: its value follows it on the same line.
    after_key: bool,
}

impl Writer {
    /// A writer whose buffer holds `bytes` before it grows.
    pub fn with_capacity(bytes: usize) -> Self {
        Writer {
            out: String::with_capacity(bytes),
            depth: 0,
            empty: true,
            after_key: false,
        }
    }

    /// The JSON written, followed by a newline.
    pub fn finish(mut self) -> String {
        self.out.push('\n');
        self.out
    }

    /// The next key of the open object; its value is the next thing written.
    pub fn key(&mut self, key: &str) -> &mut Self {
        self.item();
        escape(&mut self.out, key);
        self.out.push(':');
        self.out.push(' ');
        self.after_key = true;
        self
    }

    /// An object whose keys and values `body` writes.
    pub fn object(&mut self, body: impl FnOnce(&mut Self)) {
        self.open('{');
        body(self);
        self.close('}');
    }

    /// An array whose items `body` writes.
    pub fn array(&mut self, body: impl FnOnce(&mut Self)) {
        self.open('[');
        body(self);
        self.close(']');
    }

    pub fn str(&mut self, text: &str) {
        self.value();
        escape(&mut self.out, text);
    }

    /// An integer in decimal, as serde_json writes it (without going through `fmt`).
    pub fn int(&mut self, n: impl Into<i64>) {
        self.value();
        rileva_compiler::ir::push_integer(&mut self.out, n.into());
    }

    pub fn bool(&mut self, b: bool) {
        self.value();
        self.out.push_str(if b { "true" } else { "false" });
    }

    /// An array of strings.
    pub fn strs<S: AsRef<str>>(&mut self, items: impl IntoIterator<Item = S>) {
        self.array(|w| items.into_iter().for_each(|s| w.str(s.as_ref())));
    }

    /// An array of integers.
    pub fn ints(&mut self, items: impl IntoIterator<Item = i64>) {
        self.array(|w| items.into_iter().for_each(|n| w.int(n)));
    }

    /// Before a value: nothing after its key; in an array, the separator and indentation.
    fn value(&mut self) {
        if self.after_key {
            self.after_key = false;
        } else if self.depth > 0 {
            self.item();
        }
    }

    /// A new line for the next item of the open object or array, `,` after the one before.
    fn item(&mut self) {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        self.newline();
    }

    fn newline(&mut self) {
        new_line(self.depth, |piece| self.out.push_str(piece));
    }

    fn open(&mut self, bracket: char) {
        self.value();
        self.out.push(bracket);
        self.depth += 1;
        self.empty = true;
    }

    /// Closes the innermost object or array: on a line of its own unless it is empty.
    fn close(&mut self, bracket: char) {
        self.depth = self.depth.saturating_sub(1);
        if !self.empty {
            self.newline();
        }
        self.out.push(bracket);
        self.empty = false;
    }
}

/// What serde_json writes after a backslash for each byte it escapes (`u` for `\u00xx`), 0
/// for a byte it writes as it is: `"`, `\` and the control characters U+0000 to U+001F are
/// escaped; `/`, U+007F and every byte of a non-ASCII character are not.
const ESCAPES: [u8; 256] = {
    let mut escapes = [0; 256];
    let mut byte = 0;
    while byte < 0x20 {
        escapes[byte] = b'u';
        byte += 1;
    }
    escapes[0x08] = b'b';
    escapes[0x09] = b't';
    escapes[0x0a] = b'n';
    escapes[0x0c] = b'f';
    escapes[0x0d] = b'r';
    escapes[b'"' as usize] = b'"';
    escapes[b'\\' as usize] = b'\\';
    escapes
};

/// `text` as a JSON string, escaped as serde_json escapes it ([`ESCAPES`]).
fn escape(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    let mut plain = 0;
    for (i, &byte) in text.as_bytes().iter().enumerate() {
        let escape = ESCAPES[usize::from(byte)];
        if escape == 0 {
            continue;
        }
        // Only ASCII bytes are escaped, so `i` and `i + 1` are character boundaries.
        out.push_str(&text[plain..i]);
        plain = i + 1;
        out.push('\\');
        out.push(char::from(escape));
        if escape == b'u' {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
    }
    out.push_str(&text[plain..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::Writer;
    use serde_json::{json, Value};

    /// `value` through the [`Writer`], key by key.
    fn write(w: &mut Writer, value: &Value) {
        match value {
            Value::Null => unreachable!("the schema has no null"),
            Value::Bool(b) => w.bool(*b),
            Value::Number(n) => w.int(n.as_i64().expect("an integer")),
            Value::String(s) => w.str(s),
            Value::Array(items) => w.array(|w| items.iter().for_each(|v| write(w, v))),
            Value::Object(map) => w.object(|w| {
                for (k, v) in map {
                    write(w.key(k), v);
                }
            }),
        }
    }

    fn written(value: &Value) -> String {
        let mut w = Writer::with_capacity(0);
        write(&mut w, value);
        w.finish()
    }

    #[test]
    fn prints_what_serde_json_prints() {
        for value in values()
            .into_iter()
            .chain([json!(null), json!({"f": [1.5, null]})])
        {
            let expected = serde_json::to_string_pretty(&value).unwrap() + "\n";
            assert_eq!(super::to_vec(&value, 0).unwrap(), expected.as_bytes());
        }
    }

    #[test]
    fn the_writer_writes_what_serde_json_prints() {
        for value in values() {
            let expected = serde_json::to_string_pretty(&value).unwrap() + "\n";
            assert_eq!(written(&value), expected);
        }
    }

    /// Every character that serde_json escapes, and some it does not (`/`, U+007F, non-ASCII).
    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_ascii: String = (0..=0x7f_u8).map(char::from).collect();
        for text in [
            every_ascii.as_str(),
            "\u{0}\u{1f}\"\\/é€😀\u{7f}\u{80}\u{2028}",
            "plain",
            "",
            "\n",
            "a\"b",
        ] {
            assert_eq!(written(&json!(text)), serde_json::to_string(text).unwrap() + "\n");
            let as_key = json!({ text: [text] });
            assert_eq!(
                written(&as_key),
                serde_json::to_string_pretty(&as_key).unwrap() + "\n"
            );
        }
    }

    fn values() -> Vec<Value> {
        let deep = (0..70).fold(json!([1, "x"]), |v, i| json!({ format!("k{i}"): [v, {}, []] }));
        vec![
            json!([]),
            json!({}),
            json!({"a": [1, 2, {"b": [], "c": {}}], "d": "é\"\n", "e": [[[]]], "f": -15}),
            json!([true, false, i64::MIN, i64::MAX, 0, "", {"": ""}]),
            json!("top"),
            json!(7),
            deep,
        ]
    }
}
