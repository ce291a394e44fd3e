//! Unit tests of the HTML target on hand-built IR (fixture.rs): files, structure, words of
//! conditions, escaping, themes, channels, determinism.

use super::fixture::{self, cmp, question, text};
use super::*;
use crate::HtmlTheme;
use rileva_compiler::ir::{Channel, CmpOp, Expr, QuestionKind};

fn page(survey: &ir::Survey, lang: &str, theme: HtmlTheme) -> String {
    let options = Options {
        html_theme: theme,
        endpoint: None,
    };
    let files = emit(survey, &options);
    let file = files
        .iter()
        .find(|f| f.path == format!("form.{lang}.html"))
        .unwrap_or_else(|| {
            panic!(
                "no form.{lang}.html among {:?}",
                files.iter().map(|f| &f.path).collect::<Vec<_>>()
            )
        });
    String::from_utf8(file.contents.clone()).expect("UTF-8")
}

fn plain(survey: &ir::Survey, lang: &str) -> String {
    page(survey, lang, HtmlTheme::Plain)
}

#[test]
fn one_page_per_language_named_by_language() {
    let files = emit(&fixture::inps(), &Options::default());
    let names: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(names, ["form.it.html", "form.en.html"]);
    let it = plain(&fixture::inps(), "it");
    assert!(
        it.starts_with("<!DOCTYPE html>\n<html lang=\"it\">"),
        "{}",
        &it[..80]
    );
    assert!(it.contains(r#"<meta name="viewport" content="width=device-width, initial-scale=1">"#));
    assert!(it.contains("<title>Valuta il servizio</title>"));
    assert!(plain(&fixture::inps(), "en").contains("<html lang=\"en\">"));
}

#[test]
fn page_is_self_contained() {
    let html = plain(&fixture::inps(), "it");
    for external in ["<link", "src=", "http://", "https://", "@import", "url("] {
        assert!(!html.contains(external), "page refers outside itself: {external}");
    }
    assert_eq!(html.matches("<script").count(), 2, "the data and the script");
}

#[test]
fn every_group_is_a_fieldset_with_legend_and_every_field_is_labelled() {
    let html = plain(&fixture::inps(), "it");
    // soddisfazione, motivi, problemi_tecnici, consiglio are groups; eta and commento fields.
    assert_eq!(html.matches("<fieldset").count(), 4);
    assert_eq!(html.matches("<legend").count(), 4);
    for id in [
        "eta-input",
        "commento-input",
        "motivi_99_text",
        "soddisfazione-9",
        "consiglio-0",
    ] {
        assert!(html.contains(&format!("for=\"{id}\"")), "no label for {id}");
        assert!(html.contains(&format!("id=\"{id}\"")), "no field {id}");
    }
    assert!(html.contains("<h2 class=\"rileva-section\" id=\"section-inps\">Domande dell&#x27;INPS</h2>"));
}

#[test]
fn required_is_said_in_words_and_help_is_linked() {
    let it = plain(&fixture::inps(), "it");
    assert!(it.contains("<span class=\"rileva-required\">(obbligatoria)</span>"));
    assert!(it.contains("role=\"radiogroup\" aria-required=\"true\""));
    assert!(plain(&fixture::inps(), "en").contains("(required)"));
    assert!(it.contains(
        r#"<small id="commento-help" class="form-text rileva-help">Non inserisca dati personali.</small>"#
    ));
    assert!(
        it.contains(r#"aria-describedby="commento-help""#),
        "help says enough: no hint"
    );
    assert!(it.contains(r#"aria-describedby="motivi-hint motivi-cond""#));
    assert!(it.contains(r#"maxlength="500""#));
    assert!(
        it.contains(r#"name="motivi_99_text" maxlength="500""#),
        "specify texts as long as validate accepts"
    );
    assert!(it.contains(r#"min="18" max="120""#));
}

#[test]
fn conditions_are_said_in_words() {
    let it = plain(&fixture::inps(), "it");
    assert!(it.contains(
        "Rispondere solo se alla domanda «Complessivamente, quanto è soddisfatto del servizio?» \
         ha risposto «Per niente soddisfatto» o «Poco soddisfatto»."
    ));
    // not (soddisfazione <= 2) also holds when unanswered: said as "did not answer".
    assert!(it.contains("non ha risposto «Per niente soddisfatto» o «Poco soddisfatto»."));
    let en = plain(&fixture::inps(), "en");
    assert!(en.contains(
        "Answer only if you answered “Not at all satisfied” or “Slightly satisfied” to the question \
         “Overall, how satisfied are you with the service?”."
    ));
}

#[test]
fn condition_words_follow_the_expression() {
    let survey = fixture::inps();
    let ui = i18n::strings("it");
    let say = |e: &Expr| words::condition_sentence(&survey, e, "it", ui);
    let q = "«Complessivamente, quanto è soddisfatto del servizio?»";
    // An ordering comparison never matches the missing code 9; `!=` does.
    assert_eq!(
        say(&cmp("soddisfazione", CmpOp::Ge, 4)),
        format!(
            "Rispondere solo se alla domanda {q} ha risposto «Molto soddisfatto» o «Del tutto soddisfatto»."
        )
    );
    assert!(say(&cmp("soddisfazione", CmpOp::Ne, 1)).contains("«Del tutto soddisfatto» o «Non so»"));
    let both = Expr::Not {
        operand: Box::new(Expr::Or {
            operands: vec![
                Expr::Has {
                    question: "motivi".into(),
                    code: 99,
                },
                Expr::And {
                    operands: vec![
                        cmp("eta", CmpOp::Lt, 30),
                        Expr::Answered {
                            question: "commento".into(),
                        },
                    ],
                },
            ],
        }),
    };
    assert_eq!(
        say(&both),
        "Rispondere solo se alla domanda «Che cosa non ha funzionato?» non ha scelto «Altro» e \
         (alla domanda «Quanti anni ha?» non ha risposto un numero minore di 30 oppure non ha risposto \
         alla domanda «Vuole aggiungere qualcosa?»)."
    );
}

#[test]
fn stars_are_said_out_of_the_top() {
    let survey = fixture::valutazione();
    let html = plain(&survey, "it");
    assert!(html.contains("ha risposto «4 su 5» o «5 su 5»."));
    assert!(html.contains(r#"<label class="form-check-label" for="valutazione-1">1 su 5</label>"#));
}

#[test]
fn routing_data_is_the_ir_expression() {
    let html = plain(&fixture::inps(), "it");
    assert!(
        html.contains(r#""show_if":{"op":"compare","question":"soddisfazione","cmp":"\u003c=","value":2}"#)
    );
    assert!(html.contains(r#""missing":[9]"#));
    assert!(html.contains(r#""specify":[99]"#));
    assert!(html.contains(r#""channel":"web""#));
}

#[test]
fn texts_never_become_markup() {
    let html = plain(&fixture::hostile(), "it");
    assert!(!html.contains("<script>alert"), "a survey text became a script");
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>bold</b>"));
    assert!(!html.contains("</textarea> &"));
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2f;script&gt; &amp; &#x27;q&#x27;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert_eq!(html.matches("<script").count(), 2);
    assert_eq!(html.matches("</script>").count(), 2);
    let bootstrap = page(&fixture::hostile(), "it", HtmlTheme::BootstrapItalia);
    assert!(!bootstrap.contains("<script>alert"));
}

#[test]
fn the_endpoint_is_the_form_action_escaped() {
    let options = Options {
        html_theme: HtmlTheme::Plain,
        endpoint: Some("/r?a=1&b=\"2\"".into()),
    };
    let html = String::from_utf8(emit(&fixture::inps(), &options)[0].contents.clone()).expect("UTF-8");
    assert!(html.contains(r#"action="&#x2f;r?a=1&amp;b=&quot;2&quot;" method="post""#));
    assert!(plain(&fixture::inps(), "it").contains(r#"action="&#x2f;responses""#));
}

#[test]
fn only_web_questions_appear_and_no_web_means_no_form() {
    let mut survey = fixture::inps();
    survey.questions[2].channels = vec![Channel::Kiosk];
    let html = plain(&survey, "it");
    assert!(!html.contains("problemi_tecnici"));
    survey.channels = vec![Channel::Kiosk];
    assert!(emit(&survey, &Options::default()).is_empty());
}

#[test]
fn other_languages_get_english_interface_marked_as_english() {
    let mut survey = fixture::inps();
    survey.languages = vec!["es".into()];
    let html = plain(&survey, "es");
    assert!(html.contains("<html lang=\"es\">"));
    assert!(html
        .contains("<button type=\"submit\" class=\"btn btn-primary\" lang=\"en\" disabled>Submit</button>"));
    assert!(html.contains("<span class=\"rileva-required\" lang=\"en\">(required)</span>"));
    // The texts the script writes (sending, failed sends) go into elements marked English.
    for id in [
        "rileva-send-error",
        "rileva-status",
        "rileva-thanks-note",
        "rileva-nojs",
    ] {
        let start = html.find(&format!("id=\"{id}\"")).expect(id);
        let tag_end = start + html[start..].find('>').expect("tag end");
        assert!(html[start..tag_end].contains("lang=\"en\""), "{id}");
    }
}

#[test]
fn without_javascript_the_page_says_it_cannot_send_and_offers_no_button() {
    for (lang, theme) in [("it", HtmlTheme::Plain), ("en", HtmlTheme::BootstrapItalia)] {
        let survey = fixture::inps();
        let html = page(&survey, lang, theme);
        let ui = super::i18n::strings(lang);
        // The collection service takes JSON only: a native form post could never be stored.
        assert!(html.contains(&format!(">{}</p>", ui.needs_javascript)), "{lang}");
        assert!(
            html.contains(&format!(" disabled>{}</button>", ui.submit)),
            "{lang}"
        );
        assert!(!html.contains("type=\"hidden\""), "no fields for a native post");
        assert!(html.contains("id=\"rileva-send-error\""));
    }
}

#[test]
fn interface_strings_exist_in_each_language() {
    for (lang, submit) in [
        ("it", "Invia"),
        ("en", "Submit"),
        ("de", "Absenden"),
        ("fr", "Envoyer"),
        ("sl", "Pošlji"),
    ] {
        let mut survey = fixture::inps();
        survey.languages = vec![lang.into()];
        assert!(
            plain(&survey, lang).contains(&format!(" disabled>{submit}</button>")),
            "{lang}"
        );
    }
}

#[test]
fn bootstrap_italia_rating_component_has_the_checker_attributes() {
    let html = page(&fixture::valutazione(), "it", HtmlTheme::BootstrapItalia);
    assert!(html.contains(r#"--bootstrap-italia-version:"2.8.0""#));
    assert!(html.contains(&format!(
        "--bootstrap-italia-version:\"{BOOTSTRAP_ITALIA_VERSION}\""
    )));
    assert!(html.contains(r#"<div class="cmp-rating" data-element="feedback">"#));
    assert!(html.contains(
        r#"data-element="feedback-title">Quanto sono chiare le informazioni su questa pagina?</h2>"#
    ));
    assert!(html.contains(r#"<legend class="visually-hidden">Valuta da 1 a 5 stelle la pagina</legend>"#));
    for n in 1..=5 {
        assert!(html.contains(&format!(r#"data-element="feedback-rate-{n}"><svg"#)));
        assert!(html.contains(&format!(
            r#"<span class="visually-hidden">Valuta {n} stelle su 5</span>"#
        )));
    }
    let five = html.find("feedback-rate-5").expect("star 5");
    assert!(
        five < html.find("feedback-rate-1").expect("star 1"),
        "stars go 5 -> 1"
    );
    assert!(html.contains(r#"class="rating" role="radiogroup" aria-required="true""#));
    assert!(html.contains(r#"data-element="feedback-rating-positive""#));
    assert!(html.contains(r#"data-element="feedback-rating-negative""#));
    assert_eq!(
        html.matches(r#"data-element="feedback-rating-question""#).count(),
        2
    );
    assert_eq!(
        html.matches(r#"data-element="feedback-rating-answer""#).count(),
        10
    );
    assert!(html.contains(r#"data-element="feedback-rating-answer">Le indicazioni erano chiare</label>"#));
    assert!(html.contains(r#"data-element="feedback-input-text""#));
    assert!(html.contains(">Dettaglio</label>"));
    assert!(html.contains("Grazie, il tuo parere ci aiuterà a migliorare il servizio!"));
    assert!(html.contains(r#"class="btn btn-primary""#));
    assert!(html.contains(r#"<small id="dettagli-help" class="form-text rileva-help">"#));
}

#[test]
fn plain_theme_has_no_bootstrap_markers() {
    let html = plain(&fixture::valutazione(), "it");
    assert!(!html.contains("data-element"));
    assert!(!html.contains("bootstrap-italia-version"));
    assert!(html.contains("Grazie, il tuo parere ci aiuterà a migliorare il servizio!"));
}

#[test]
fn unlabelled_built_in_codes_get_interface_words() {
    let mut survey = fixture::inps();
    let mut yesno = question(
        "aiuto",
        QuestionKind::Yesno,
        "Ha chiesto aiuto?",
        "Did you ask for help?",
    );
    yesno.codes = vec![
        ir::Code {
            value: 1,
            label: text(&[]),
            missing: false,
            specify: false,
        },
        ir::Code {
            value: 2,
            label: text(&[]),
            missing: false,
            specify: false,
        },
    ];
    survey.questions.push(yesno);
    survey.languages = vec!["de".into()];
    let html = plain(&survey, "de");
    assert!(html.contains(">Ja</label>") && html.contains(">Nein</label>"));
}

#[test]
fn output_is_deterministic() {
    for theme in [HtmlTheme::Plain, HtmlTheme::BootstrapItalia] {
        let options = Options {
            html_theme: theme,
            endpoint: None,
        };
        assert_eq!(emit(&fixture::inps(), &options), emit(&fixture::inps(), &options));
    }
}

/// A survey text that holds the placeholder the page's blocks are spliced at (a private-use
/// character, `splice.rs`): the page is the one rendered with the markup itself, the text
/// printed as any other.
#[test]
fn a_title_holding_a_splice_placeholder_is_printed_as_written() {
    for placeholder in ["\u{E002}0\u{E003}", "\u{E002}1\u{E003}", "\u{E002}"] {
        let mut marked = fixture::inps();
        marked.title = text(&[("it", "TITOLO"), ("en", "TITLE")]);
        let mut holding = fixture::inps();
        holding.title = text(&[("it", placeholder), ("en", placeholder)]);
        for theme in [HtmlTheme::Plain, HtmlTheme::BootstrapItalia] {
            for (lang, mark) in [("it", "TITOLO"), ("en", "TITLE")] {
                let expected = page(&marked, lang, theme).replace(mark, placeholder);
                assert_eq!(
                    page(&holding, lang, theme),
                    expected,
                    "{placeholder:?} {lang} {theme:?}"
                );
            }
        }
    }
}
