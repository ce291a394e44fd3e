//! DDI target, texts: names, labels and respondent texts, one entry per survey language
//! with `xml:lang`, in the survey's language order. A language whose text is empty is left
//! out rather than written empty.

use super::xml::Xml;
use rileva_compiler::ir::Text;

/// `<el><r:String>value</r:String></el>`: a name that is not translated (an identifier).
pub fn name(xml: &mut Xml, element: &'static str, value: &str) {
    xml.open(element, &[]);
    xml.leaf("r:String", &[], value);
    xml.close();
}

/// `<el><r:String xml:lang="it">...</r:String>...</el>`, nothing when every text is empty.
pub fn names(xml: &mut Xml, element: &'static str, text: &Text, languages: &[String]) {
    in_languages(xml, element, "r:String", text, languages);
}

/// One `r:Label` with an `r:Content xml:lang` per language (none when every text is empty).
pub fn label(xml: &mut Xml, text: &Text, languages: &[String]) {
    in_languages(xml, "r:Label", "r:Content", text, languages);
}

/// `<element><entry xml:lang="it">...</entry>...</element>`, nothing when every text is empty.
fn in_languages(xml: &mut Xml, element: &'static str, entry: &str, text: &Text, languages: &[String]) {
    if !any(text, languages) {
        return;
    }
    xml.open(element, &[]);
    for (lang, value) in each(text, languages) {
        xml.leaf(entry, &[("xml:lang", lang)], value);
    }
    xml.close();
}

/// `d:QuestionText`, `d:InstructionText`, `d:DisplayText`: one element per language, each
/// `<el audienceLanguage="it"><d:LiteralText><d:Text xml:lang="it">...`.
pub fn dynamic(xml: &mut Xml, element: &'static str, text: &Text, languages: &[String]) {
    for (lang, value) in each(text, languages) {
        xml.open(element, &[("audienceLanguage", lang)]);
        xml.open("d:LiteralText", &[]);
        xml.leaf("d:Text", &[("xml:lang", lang)], value);
        xml.close();
        xml.close();
    }
}

/// `r:Description` with one `r:Content`: author documentation, in the author's language.
pub fn description(xml: &mut Xml, doc: Option<&str>) {
    if let Some(doc) = doc.map(str::trim).filter(|d| !d.is_empty()) {
        xml.open("r:Description", &[]);
        xml.leaf("r:Content", &[], doc);
        xml.close();
    }
}

/// Some survey language has a non-empty text.
pub fn any(text: &Text, languages: &[String]) -> bool {
    each(text, languages).next().is_some()
}

/// `(language, trimmed text)` for every survey language with a non-empty text.
fn each<'a>(text: &'a Text, languages: &'a [String]) -> impl Iterator<Item = (&'a str, &'a str)> {
    languages
        .iter()
        .map(|lang| (lang.as_str(), text.get(lang).trim()))
        .filter(|(_, value)| !value.is_empty())
}
