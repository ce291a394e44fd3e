//! Builders of IR values for tests and tools: a text from language pairs, a code, and a
//! question and a survey with plain defaults, to complete with struct update syntax
//! (`Question { required: true, ..question("eta", QuestionKind::Number) }`).

use crate::ir::{Channel, Code, Kiosk, Question, QuestionKind, Survey, Text};
use crate::source::Span;

/// A text from `(language, text)` pairs: `text(&[("it", "Sì"), ("en", "Yes")])`.
pub fn text(pairs: &[(&str, &str)]) -> Text {
    Text(
        pairs
            .iter()
            .map(|(language, text)| (language.to_string(), text.to_string()))
            .collect(),
    )
}

/// A code with its label, neither a missing code nor one with `specify`.
pub fn code(value: i64, label: Text) -> Code {
    Code {
        value,
        label,
        missing: false,
        specify: false,
    }
}

/// An optional question of `kind` asked on the web: no wording, codes, positive codes,
/// routing, limits, section, module or doc, at the default span.
pub fn question(id: &str, kind: QuestionKind) -> Question {
    Question {
        id: id.to_owned(),
        kind,
        wording: Text::default(),
        help: None,
        required: false,
        show_if: None,
        channels: vec![Channel::Web],
        personal: false,
        locked: false,
        codes: Vec::new(),
        code_list: None,
        positive_codes: Vec::new(),
        range: None,
        max_length: None,
        min_picks: None,
        max_picks: None,
        section: None,
        module: None,
        doc: None,
        span: Span::default(),
    }
}

/// An anonymous survey version 1.0.0 in Italian and English on the web, its table named from
/// the id (`inps.hub_prestazioni` -> `inps_hub_prestazioni_v1`), the default kiosk settings
/// (1280 x 800, reset after 20 s), and no title, header, sections, checks or estimate.
pub fn survey(id: &str, questions: Vec<Question>) -> Survey {
    Survey {
        id: id.to_owned(),
        version: "1.0.0".to_owned(),
        table: format!("{}_v1", id.replace('.', "_")),
        title: Text::default(),
        languages: vec!["it".to_owned(), "en".to_owned()],
        channels: vec![Channel::Web],
        anonymous: true,
        agency: None,
        service: None,
        conforms: None,
        kiosk: Kiosk {
            width: 1280,
            height: 800,
            reset_after_seconds: 20,
            thanks: Text::default(),
            span: Span::default(),
        },
        sites: Vec::new(),
        sections: Vec::new(),
        questions,
        checks: Vec::new(),
        estimated_seconds: 0,
        doc: None,
        span: Span::default(),
        index: crate::ir::QuestionIndex::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_plain() {
        let q = question("eta", QuestionKind::Number);
        assert_eq!(
            (q.id.as_str(), q.channels.as_slice()),
            ("eta", &[Channel::Web][..])
        );
        assert!(!q.required && q.codes.is_empty() && q.wording.0.is_empty());
        let s = survey("inps.hub_prestazioni", vec![q]);
        assert_eq!(s.table, "inps_hub_prestazioni_v1");
        assert_eq!(s.languages, ["it", "en"]);
        assert_eq!(text(&[("it", "Sì"), ("en", "Yes")]).get("en"), "Yes");
        assert!(!code(9, Text::default()).missing);
    }
}
