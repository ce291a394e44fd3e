//! Kiosk target, tests: a hand-built IR survey shaped like a counter survey of "Mettiamoci la
//! faccia" (faces; a reason on red; a yes/no; stars; a multi; a scale with a missing code).

use rileva_compiler::ir::*;
use rileva_compiler::ir_builder;
use rileva_compiler::source::{FileId, Span};

pub fn text(it: &str, en: &str) -> Text {
    ir_builder::text(&[("it", it), ("en", en)])
}

pub fn code(value: i64, it: &str, en: &str) -> Code {
    ir_builder::code(value, text(it, en))
}

pub fn question(id: &str, kind: QuestionKind, wording: Text, codes: Vec<Code>) -> Question {
    Question {
        wording,
        channels: vec![Channel::Web, Channel::Kiosk],
        codes,
        span: Span::new(FileId(0), 10 * id.len(), 10 * id.len() + 5),
        ..ir_builder::question(id, kind)
    }
}

pub fn survey() -> Survey {
    let giudizio = Question {
        required: true,
        ..question(
            "giudizio",
            QuestionKind::Faces,
            text(
                "Come valuta il servizio ricevuto?",
                "How do you rate the service you received?",
            ),
            vec![
                code(1, "Negativo", "Negative"),
                code(2, "Sufficiente", "Fair"),
                code(3, "Positivo", "Positive"),
            ],
        )
    };
    let motivo = Question {
        show_if: Some(Expr::Compare {
            question: "giudizio".into(),
            cmp: CmpOp::Eq,
            value: 1,
        }),
        ..question(
            "motivo",
            QuestionKind::Choice,
            text("Per quale motivo?", "For what reason?"),
            vec![
                code(1, "Tempo di attesa", "Waiting time"),
                code(2, "Comportamento del personale", "Staff behaviour"),
                code(3, "Necessità di tornare", "Having to come back"),
                code(4, "Esito negativo della richiesta", "Request not granted"),
            ],
        )
    };
    let prima_volta = question(
        "prima_volta",
        QuestionKind::Yesno,
        text(
            "È la prima volta che viene allo sportello?",
            "Is this your first visit?",
        ),
        vec![code(1, "Sì", "Yes"), code(2, "No", "No")],
    );
    let stelle = question(
        "stelle",
        QuestionKind::Rating,
        text(
            "Quante stelle darebbe all'ufficio?",
            "How many stars would you give the office?",
        ),
        (1..=5).map(|v| code(v, &v.to_string(), &v.to_string())).collect(),
    );
    let servizi = Question {
        min_picks: Some(1),
        max_picks: Some(2),
        show_if: Some(Expr::Not {
            operand: Box::new(Expr::Compare {
                question: "stelle".into(),
                cmp: CmpOp::Le,
                value: 2,
            }),
        }),
        ..question(
            "servizi",
            QuestionKind::Multi,
            text("Per quali servizi è venuto?", "Which services did you come for?"),
            vec![
                code(1, "Carta d'identità", "Identity card"),
                code(2, "Certificati", "Certificates"),
                code(3, "Residenza", "Residence"),
                code(99, "Altro", "Other"),
            ],
        )
    };
    let mut non_so = code(9, "Non so", "Don't know");
    non_so.missing = true;
    let attesa = question(
        "attesa",
        QuestionKind::Scale,
        text(
            "Quanto è soddisfatto del tempo di attesa?",
            "How satisfied are you with the waiting time?",
        ),
        vec![
            code(1, "Per niente soddisfatto", "Not at all satisfied"),
            code(2, "Poco soddisfatto", "Slightly satisfied"),
            code(3, "Abbastanza soddisfatto", "Fairly satisfied"),
            code(4, "Molto soddisfatto", "Very satisfied"),
            code(5, "Del tutto soddisfatto", "Completely satisfied"),
            non_so,
        ],
    );
    let commento = Question {
        channels: vec![Channel::Web],
        max_length: Some(500),
        ..question(
            "commento",
            QuestionKind::Text,
            text("Vuole aggiungere qualcosa?", "Anything to add?"),
            vec![],
        )
    };
    let questions = vec![giudizio, motivo, prima_volta, stelle, servizi, attesa, commento];
    let mut survey = ir_builder::survey("prova.sportello", questions);
    survey.title = text("Valuti lo sportello", "Rate the counter");
    survey.channels = vec![Channel::Web, Channel::Kiosk];
    survey.kiosk.thanks = text("Grazie per la sua valutazione", "Thank you for your feedback");
    survey.estimated_seconds = 40;
    survey
}
