//! Kiosk target, emit stage: making survey texts safe for the HTML page and the SVG previews.
//! Characters that XML 1.0 and HTML forbid even when escaped become U+FFFD, then markup
//! characters are escaped.

/// Whether `c` may appear in XML 1.0 character data and in HTML text.
fn allowed(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => true,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => false,
        '\u{fdd0}'..='\u{fdef}' => false,
        _ => (u32::from(c) & 0xfffe) != 0xfffe,
    }
}

/// `text` with every forbidden character replaced by U+FFFD.
pub fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if allowed(c) { c } else { '\u{fffd}' })
        .collect()
}

/// Escapes `text` for XML character data and attribute values (either quote), with the
/// DDI writer's escaping of the five markup characters.
pub fn xml_escape(text: &str) -> String {
    let clean = clean(text);
    let mut out = String::with_capacity(clean.len());
    crate::ddi::xml::push_escaped(&mut out, &clean);
    out
}

/// JSON for a `<script type="application/json">` element: `<`, `>` and `&` as `\u` escapes,
/// so no `</script>` or comment opener can end the element early.
pub fn json_for_script(json: &str) -> String {
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_forbidden_characters_replaced() {
        assert_eq!(
            xml_escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &apos;y&apos;&lt;/script&gt;"
        );
        assert_eq!(
            clean("a\u{1}b\u{ffff}c\u{fdd0}\u{1fffe}"),
            "a\u{fffd}b\u{fffd}c\u{fffd}\u{fffd}"
        );
        assert_eq!(clean("Città\tperò\n€"), "Città\tperò\n€");
        assert_eq!(
            json_for_script(r#"{"a":"</script><!--&"}"#),
            r#"{"a":"\u003c/script\u003e\u003c!--\u0026"}"#
        );
    }
}
