//! DDI target, texts: names, labels and respondent texts, one entry per survey language
//! with `xml:lang`, in the survey's language order. A language whose text is empty is left
//! out rather than written empty.

use super::xml::Element;
use rileva_compiler::ir::Text;

/// `<el><r:String>value</r:String></el>`: a name that is not translated (an identifier).
pub fn name(element: &str, value: &str) -> Element {
    Element::new(element).child(Element::text("r:String", value))
}

/// `<el><r:String xml:lang="it">...</r:String>...</el>`, or `None` when every text is empty.
pub fn names(element: &str, text: &Text, languages: &[String]) -> Option<Element> {
    let strings: Vec<Element> = each(text, languages)
        .map(|(lang, value)| Element::text("r:String", value).attr("xml:lang", lang))
        .collect();
    (!strings.is_empty()).then(|| Element::new(element).children(strings))
}

/// One `r:Label` with an `r:Content xml:lang` per language (none when every text is empty).
pub fn label(text: &Text, languages: &[String]) -> Vec<Element> {
    let contents: Vec<Element> = each(text, languages)
        .map(|(lang, value)| Element::text("r:Content", value).attr("xml:lang", lang))
        .collect();
    if contents.is_empty() {
        Vec::new()
    } else {
        vec![Element::new("r:Label").children(contents)]
    }
}

/// `d:QuestionText`, `d:InstructionText`, `d:DisplayText`: one element per language, each
/// `<el audienceLanguage="it"><d:LiteralText><d:Text xml:lang="it">...`.
pub fn dynamic(element: &str, text: &Text, languages: &[String]) -> Vec<Element> {
    each(text, languages)
        .map(|(lang, value)| {
            Element::new(element).attr("audienceLanguage", lang).child(
                Element::new("d:LiteralText").child(Element::text("d:Text", value).attr("xml:lang", lang)),
            )
        })
        .collect()
}

/// `r:Description` with one `r:Content`: author documentation, in the author's language.
pub fn description(doc: Option<&str>) -> Option<Element> {
    let doc = doc.map(str::trim).filter(|d| !d.is_empty())?;
    Some(Element::new("r:Description").child(Element::text("r:Content", doc)))
}

/// `(language, trimmed text)` for every survey language with a non-empty text.
fn each<'a>(text: &'a Text, languages: &'a [String]) -> impl Iterator<Item = (&'a str, &'a str)> {
    languages
        .iter()
        .map(|lang| (lang.as_str(), text.get(lang).trim()))
        .filter(|(_, value)| !value.is_empty())
}
