//! SQL target, escaping: the only place where names and texts become SQL tokens. Every
//! identifier is double-quoted, every text a single-quoted literal, and comment text is
//! reduced to a safe alphabet, so no survey text can end a token early.

/// The two databases the target writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    Postgres,
    Sqlite,
}

impl Dialect {
    /// The type of a code or number column: `integer` when every value fits 32 bits.
    pub fn integer(self, fits_32_bits: bool) -> &'static str {
        match (self, fits_32_bits) {
            (Dialect::Postgres, true) => "integer",
            (Dialect::Postgres, false) => "bigint",
            (Dialect::Sqlite, _) => "INTEGER",
        }
    }

    pub fn text(self) -> &'static str {
        match self {
            Dialect::Postgres => "text",
            Dialect::Sqlite => "TEXT",
        }
    }

    /// A true/false column: PostgreSQL `boolean`, SQLite `INTEGER` holding 0 or 1.
    pub fn boolean(self) -> &'static str {
        match self {
            Dialect::Postgres => "boolean",
            Dialect::Sqlite => "INTEGER",
        }
    }

    /// A boolean literal in a codebook row.
    pub fn bool_literal(self, value: bool) -> &'static str {
        match (self, value) {
            (Dialect::Postgres, true) => "TRUE",
            (Dialect::Postgres, false) => "FALSE",
            (Dialect::Sqlite, true) => "1",
            (Dialect::Sqlite, false) => "0",
        }
    }

    /// The function that counts the characters of a text: both count Unicode scalar
    /// values, not bytes.
    pub fn char_length(self) -> &'static str {
        match self {
            Dialect::Postgres => "char_length",
            Dialect::Sqlite => "length",
        }
    }
}

/// `"name"`, with any `"` doubled: safe for every name, whatever it contains.
pub fn ident(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 2);
    push_ident(&mut out, name);
    out
}

/// [`ident`] of `name`, appended to `out`.
pub fn push_ident(out: &mut String, name: &str) {
    out.reserve(name.len() + 2);
    out.push('"');
    if name.contains('"') {
        out.push_str(&name.replace('"', "\"\""));
    } else {
        out.push_str(name);
    }
    out.push('"');
}

/// `'text'`, with any `'` doubled. Neither database treats `\` specially in a standard
/// literal (PostgreSQL has `standard_conforming_strings` on since 9.1; the file sets it).
/// A NUL character cannot be stored by PostgreSQL and ends a C string in SQLite, so it is
/// written as U+FFFD; texts reach the literal otherwise unchanged.
pub fn literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    push_literal(&mut out, text);
    out
}

/// [`literal`] of `text`, appended to `out`.
pub fn push_literal(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('\'');
    // Both characters are ASCII: looking at the bytes finds them without decoding UTF-8.
    if text.as_bytes().contains(&b'\'') || text.as_bytes().contains(&0) {
        for c in text.chars() {
            match c {
                '\'' => out.push_str("''"),
                '\0' => out.push('\u{FFFD}'),
                c => out.push(c),
            }
        }
    } else {
        out.push_str(text);
    }
    out.push('\'');
}

/// Text for a `--` comment line: printable ASCII only, every other character (line breaks
/// included) becomes `?`, so a comment can never end early or hide a statement.
pub fn comment(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '?' })
        .collect()
}

/// A comma-separated list of integers: `1, 2, 9`.
pub fn integers(values: impl IntoIterator<Item = i64>) -> String {
    let mut out = String::new();
    push_integers(&mut out, values);
    out
}

/// [`integers`], appended to `out`.
pub fn push_integers(out: &mut String, values: impl IntoIterator<Item = i64>) {
    for (i, v) in values.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        push_integer(out, v);
    }
}

/// `value` in decimal (`-12`), appended to `out` without going through `fmt` (a codebook
/// has several integers per row): the compiler's one decimal writer.
pub use rileva_compiler::ir::push_integer;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_double_their_quotes() {
        assert_eq!(ident("soddisfazione"), "\"soddisfazione\"");
        assert_eq!(ident("a\"b"), "\"a\"\"b\"");
    }

    #[test]
    fn literals_double_single_quotes_and_keep_the_rest() {
        assert_eq!(literal("dell'INPS"), "'dell''INPS'");
        assert_eq!(literal("a\\b\n*/ --"), "'a\\b\n*/ --'");
        assert_eq!(literal("x\0y"), "'x\u{FFFD}y'");
    }

    #[test]
    fn integers_print_as_display_does() {
        for v in [0, 7, -7, 10, 1_000_000, i64::MAX, i64::MIN, i64::MIN + 1] {
            let mut out = String::new();
            push_integer(&mut out, v);
            assert_eq!(out, v.to_string());
        }
        assert_eq!(integers([1, -2, 99]), "1, -2, 99");
    }

    #[test]
    fn comments_keep_only_printable_ascii() {
        assert_eq!(comment("a\nDROP TABLE x; -- è"), "a?DROP TABLE x; -- ?");
        assert_eq!(comment("line\r\u{2028}end"), "line??end");
    }
}
