//! Pretty-printed JSON for the json-schema and ir targets: byte for byte
//! `serde_json::to_string_pretty` (two spaces, `": "`, a newline before each item), written
//! into a buffer reserved once, with each line's indentation written in one piece: serde_json's
//! own formatter writes it one level at a time, which was most of the cost of the deeply nested
//! JSON Schema at 10,000 questions.

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};
use std::io::{self, Write};

/// `value` as `serde_json::to_string_pretty` prints it, followed by a newline; `bytes` is
/// the size expected, reserved at once.
pub fn to_string(value: &impl Serialize, bytes: usize) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(bytes);
    value.serialize(&mut Serializer::with_formatter(&mut out, Pretty::default()))?;
    out.push(b'\n');
    // serde_json writes only valid UTF-8 (its strings come from `&str`).
    String::from_utf8(out).map_err(|e| serde::ser::Error::custom(e.to_string()))
}

/// serde_json's `PrettyFormatter` with a two-space indent, its layout rules kept exactly.
#[derive(Debug, Default)]
struct Pretty {
    depth: usize,
    has_value: bool,
}

/// Spaces enough for most depths; deeper lines are written in several pieces.
const SPACES: &[u8; 128] = &[b' '; 128];

fn indent<W: ?Sized + Write>(writer: &mut W, depth: usize) -> io::Result<()> {
    let mut left = depth * 2;
    while left > 0 {
        let n = left.min(SPACES.len());
        writer.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
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
            writer.write_all(b"\n")?;
            indent(writer, self.depth)?;
        }
        writer.write_all(close)
    }

    fn item<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        indent(writer, self.depth)
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn prints_what_serde_json_prints() {
        let deep = (0..70).fold(json!([1, "x"]), |v, i| json!({ format!("k{i}"): [v, {}, []] }));
        for value in [
            json!(null),
            json!([]),
            json!({}),
            json!({"a": [1, 2, {"b": [], "c": {}}], "d": "é\"\n", "e": [[[]]], "f": 1.5}),
            deep,
        ] {
            let expected = serde_json::to_string_pretty(&value).unwrap() + "\n";
            assert_eq!(super::to_string(&value, 0).unwrap(), expected);
        }
    }
}
