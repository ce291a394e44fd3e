//! Test fixtures for the HTML target: hand-built IR surveys shaped like the contract's
//! (INPS online service with routing, a multi with `specify`, text, number, yes/no and a
//! check; the Designers Italia rating component; a survey whose texts try to be markup).

use rileva_compiler::ir::*;
use rileva_compiler::ir_builder;
pub use rileva_compiler::ir_builder::text;

fn code(value: i64, it: &str, en: &str) -> Code {
    ir_builder::code(value, text(&[("it", it), ("en", en)]))
}

pub fn question(id: &str, kind: QuestionKind, it: &str, en: &str) -> Question {
    Question {
        wording: text(&[("it", it), ("en", en)]),
        ..ir_builder::question(id, kind)
    }
}

pub fn cmp(question: &str, cmp: CmpOp, value: i64) -> Expr {
    Expr::Compare {
        question: question.into(),
        cmp,
        value,
    }
}

fn soddisfazione5() -> Vec<Code> {
    let mut codes = vec![
        code(1, "Per niente soddisfatto", "Not at all satisfied"),
        code(2, "Poco soddisfatto", "Slightly satisfied"),
        code(3, "Abbastanza soddisfatto", "Fairly satisfied"),
        code(4, "Molto soddisfatto", "Very satisfied"),
        code(5, "Del tutto soddisfatto", "Completely satisfied"),
        code(9, "Non so", "Don't know"),
    ];
    codes[5].missing = true;
    codes
}

fn survey(id: &str, languages: &[&str], questions: Vec<Question>) -> Survey {
    let mut survey = ir_builder::survey(id, questions);
    survey.title = text(&[("it", "Valuta il servizio"), ("en", "Rate the service")]);
    survey.languages = languages.iter().map(|l| l.to_string()).collect();
    survey.kiosk.thanks = text(&[("it", "Grazie"), ("en", "Thank you")]);
    survey.estimated_seconds = 60;
    survey
}

/// Like the contract's `inps.hub_prestazioni`, with every web-form control.
pub fn inps() -> Survey {
    let mut soddisfazione = question(
        "soddisfazione",
        QuestionKind::Scale,
        "Complessivamente, quanto è soddisfatto del servizio?",
        "Overall, how satisfied are you with the service?",
    );
    soddisfazione.required = true;
    soddisfazione.codes = soddisfazione5();
    soddisfazione.module = Some("istat.cx.core".into());

    let mut motivi = question(
        "motivi",
        QuestionKind::Multi,
        "Che cosa non ha funzionato?",
        "What did not work?",
    );
    motivi.codes = vec![
        code(1, "Informazioni poco chiare", "Unclear information"),
        code(2, "Procedura troppo lunga", "Procedure too long"),
        code(3, "Problemi tecnici", "Technical problems"),
        code(99, "Altro", "Other"),
    ];
    motivi.codes[3].specify = true;
    motivi.max_picks = Some(3);
    motivi.show_if = Some(cmp("soddisfazione", CmpOp::Le, 2));
    motivi.module = Some("istat.cx.core".into());

    let mut problemi = question(
        "problemi_tecnici",
        QuestionKind::Yesno,
        "Ha incontrato problemi tecnici?",
        "Did you have technical problems?",
    );
    problemi.codes = vec![code(1, "Sì", "Yes"), code(2, "No", "No")];

    let mut eta = question("eta", QuestionKind::Number, "Quanti anni ha?", "How old are you?");
    eta.range = Some(Range { min: 18, max: 120 });
    eta.section = Some("inps".into());

    let mut nps = question(
        "consiglio",
        QuestionKind::Nps,
        "Consiglierebbe il servizio?",
        "Would you recommend the service?",
    );
    nps.codes = (0..=10)
        .map(|v| code(v, &v.to_string(), &v.to_string()))
        .collect();
    nps.section = Some("inps".into());
    nps.show_if = Some(Expr::Not {
        operand: Box::new(cmp("soddisfazione", CmpOp::Le, 2)),
    });

    let mut commento = question(
        "commento",
        QuestionKind::Text,
        "Vuole aggiungere qualcosa?",
        "Anything to add?",
    );
    commento.max_length = Some(500);
    commento.help = Some(text(&[
        ("it", "Non inserisca dati personali."),
        ("en", "Do not enter personal data."),
    ]));
    commento.section = Some("inps".into());

    let mut s = survey(
        "inps.hub_prestazioni",
        &["it", "en"],
        vec![soddisfazione, motivi, problemi, eta, nps, commento],
    );
    s.sections = vec![SectionInfo {
        id: "inps".into(),
        title: text(&[("it", "Domande dell'INPS"), ("en", "INPS questions")]),
    }];
    s.checks = vec![Check {
        condition: Expr::Or {
            operands: vec![
                Expr::Not {
                    operand: Box::new(Expr::Answered {
                        question: "eta".into(),
                    }),
                },
                cmp("eta", CmpOp::Ge, 18),
            ],
        },
        message: text(&[
            ("it", "L'età deve essere almeno 18."),
            ("en", "Age must be at least 18."),
        ]),
        span: Default::default(),
    }];
    s
}

/// The Designers Italia rating component (`designers_italia.valutazione.chiarezza`).
pub fn valutazione() -> Survey {
    let module = Some("designers_italia.valutazione.chiarezza".to_string());
    let mut rating = question(
        "valutazione",
        QuestionKind::Rating,
        "Quanto sono chiare le informazioni su questa pagina?",
        "How clear is the information on this page?",
    );
    rating.required = true;
    rating.codes = (1..=5).map(|v| code(v, &v.to_string(), &v.to_string())).collect();
    let follow_up = |id: &str, wording: &str, labels: [&str; 5], show_if: Expr| {
        let mut q = question(id, QuestionKind::Choice, wording, wording);
        q.codes = labels.iter().zip(1..).map(|(l, v)| code(v, l, l)).collect();
        q.show_if = Some(show_if);
        q
    };
    let positive = follow_up(
        "aspetti_positivi",
        "Quali sono stati gli aspetti che hai preferito?",
        [
            "Le indicazioni erano chiare",
            "Le indicazioni erano complete",
            "Capivo sempre che stavo procedendo correttamente",
            "Non ho avuto problemi tecnici",
            "Altro",
        ],
        cmp("valutazione", CmpOp::Ge, 4),
    );
    let negative = follow_up(
        "difficolta",
        "Dove hai incontrato le maggiori difficoltà?",
        [
            "A volte le indicazioni non erano chiare",
            "A volte le indicazioni non erano complete",
            "A volte non capivo se stavo procedendo correttamente",
            "Ho avuto problemi tecnici",
            "Altro",
        ],
        cmp("valutazione", CmpOp::Le, 3),
    );
    let mut dettagli = question(
        "dettagli",
        QuestionKind::Text,
        "Vuoi aggiungere altri dettagli?",
        "Would you like to add more details?",
    );
    dettagli.max_length = Some(200);
    dettagli.help = Some(text(&[
        ("it", "Inserire massimo 200 caratteri"),
        ("en", "Enter at most 200 characters"),
    ]));
    let mut questions = vec![rating, positive, negative, dettagli];
    for q in &mut questions {
        q.module = module.clone();
        q.locked = true;
    }
    let mut s = survey("roma.pagina_informativa", &["it"], questions);
    s.title = text(&[("it", "Valutazione della pagina")]);
    s
}

/// Every text of the survey tries to be markup.
pub fn hostile() -> Survey {
    let evil = "<script>alert(\"x\")</script> & 'q' \"dq\" </textarea>";
    let mut choice = question("scelta", QuestionKind::Choice, evil, evil);
    choice.help = Some(text(&[("it", evil)]));
    choice.codes = vec![code(1, evil, evil), code(2, "<b>bold</b>", "<b>bold</b>")];
    choice.codes[0].specify = true;
    let mut then = question("poi", QuestionKind::Text, "<img src=x onerror=alert(1)>", "x");
    then.show_if = Some(cmp("scelta", CmpOp::Eq, 1));
    let mut s = survey("prova.ostile", &["it"], vec![choice, then]);
    s.title = text(&[("it", evil)]);
    s.sections = vec![SectionInfo {
        id: "s".into(),
        title: text(&[("it", evil)]),
    }];
    s.checks = vec![Check {
        condition: Expr::Answered {
            question: "scelta".into(),
        },
        message: text(&[("it", evil)]),
        span: Default::default(),
    }];
    s
}
