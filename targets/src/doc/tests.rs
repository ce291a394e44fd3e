//! Doc target, unit tests on hand-built surveys: one document per language, conditions in
//! the page's words (negations pushed down, code sets computed), every language side by
//! side, locked questions and their standard, every survey text escaped.

use super::{emit, view, words};
use crate::html::fixture::{cmp, hostile, inps, valutazione};
use rileva_compiler::ir::{CmpOp, Conformance, Expr};

fn page_text(survey: &rileva_compiler::ir::Survey, lang: &str) -> String {
    let files = emit(survey);
    let file = files
        .iter()
        .find(|f| f.path == format!("doc/questionnaire.{lang}.html"))
        .unwrap_or_else(|| panic!("no {lang} document"));
    String::from_utf8(file.contents.clone()).expect("UTF-8")
}

#[test]
fn one_document_per_survey_language() {
    let paths: Vec<String> = emit(&inps()).into_iter().map(|f| f.path).collect();
    assert_eq!(paths, ["doc/questionnaire.it.html", "doc/questionnaire.en.html"]);
}

#[test]
fn routing_in_words_names_the_codes_that_satisfy_it() {
    let survey = inps();
    let it = super::i18n::strings("it");
    let en = super::i18n::strings("en");
    let le2 = cmp("soddisfazione", CmpOp::Le, 2);
    assert_eq!(
        words::routing(&survey, &le2, "it", it),
        "Chiesta solo se «soddisfazione» è 1 «Per niente soddisfatto» o 2 «Poco soddisfatto»."
    );
    assert_eq!(
        words::routing(&survey, &le2, "en", en),
        "Asked only if “soddisfazione” is 1 “Not at all satisfied” or 2 “Slightly satisfied”."
    );
    // not (<= 2): the codes above 2, the missing code 9 included, or no answer at all.
    let not = Expr::Not {
        operand: Box::new(le2),
    };
    assert_eq!(
        words::routing(&survey, &not, "en", en),
        "Asked only if “soddisfazione” is not 1 “Not at all satisfied” or 2 “Slightly satisfied” or is unanswered."
    );
}

#[test]
fn negations_are_pushed_down_with_de_morgan() {
    let survey = inps();
    let en = super::i18n::strings("en");
    let check = &survey.checks[0].condition;
    assert_eq!(
        words::check(&survey, check, "en", en),
        "A response is accepted only if “eta” is unanswered or “eta” is at least 18."
    );
    let both = Expr::Not {
        operand: Box::new(Expr::And {
            operands: vec![
                Expr::Has {
                    question: "motivi".into(),
                    code: 3,
                },
                cmp("problemi_tecnici", CmpOp::Eq, 2),
            ],
        }),
    };
    assert_eq!(
        words::clause(&survey, &both, "it", super::i18n::strings("it")),
        "«motivi» non comprende 3 «Problemi tecnici» o «problemi_tecnici» non è 2 «No» o non ha risposta"
    );
}

#[test]
fn every_language_side_by_side_in_each_document() {
    let html = page_text(&inps(), "en");
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("<td lang=\"it\">Complessivamente, quanto è soddisfatto del servizio?</td>"));
    assert!(html.contains("<td lang=\"en\">Overall, how satisfied are you with the service?</td>"));
    assert!(
        html.contains("<td lang=\"en\">Do not enter personal data.</td>"),
        "help in English"
    );
    assert!(
        html.contains("break-before: page"),
        "a section starts a printed page"
    );
}

#[test]
fn locked_questions_name_their_standard() {
    let mut survey = valutazione();
    let html = page_text(&survey, "it");
    assert!(html.contains("Bloccata dallo standard designers_italia.valutazione (modulo designers_italia.valutazione.chiarezza)"));
    survey.conforms = Some(Conformance {
        standard: "designers_italia".into(),
        version: "2024.1".into(),
        profile: "pagina".into(),
    });
    assert_eq!(
        view::locking_standard(&survey, "designers_italia.valutazione.chiarezza"),
        "designers_italia 2024.1"
    );
    assert_eq!(view::locking_standard(&survey, "istat.cx.core"), "istat.cx");
}

#[test]
fn every_survey_text_is_escaped() {
    let html = page_text(&hostile(), "it");
    assert!(!html.contains("<script>alert"), "no script from the survey");
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>bold</b>"));
    assert!(
        html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2f;script&gt;"),
        "{html}"
    );
}

#[test]
fn the_same_survey_gives_the_same_bytes() {
    assert_eq!(emit(&inps()), emit(&inps()));
}

/// A survey text that holds the placeholder the document's blocks are spliced at (a
/// private-use character, `splice.rs`): the document is the one rendered with the markup
/// itself, the text printed as any other.
#[test]
fn a_title_holding_a_splice_placeholder_is_printed_as_written() {
    use crate::html::fixture::text;
    for placeholder in ["\u{E002}0\u{E003}", "\u{E002}1\u{E003}", "\u{E002}"] {
        let mut marked = inps();
        marked.title = text(&[("it", "TITOLO"), ("en", "TITLE")]);
        let mut holding = inps();
        holding.title = text(&[("it", placeholder), ("en", placeholder)]);
        for lang in ["it", "en"] {
            // The document shows every language's title.
            let expected = page_text(&marked, lang)
                .replace("TITOLO", placeholder)
                .replace("TITLE", placeholder);
            assert_eq!(page_text(&holding, lang), expected, "{placeholder:?} {lang}");
        }
    }
}
