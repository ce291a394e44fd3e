//! Syntax stage: the contract files and the stdlib parse without diagnostics, into the tree
//! the resolver expects.

use rileva_compiler::source::FileId;
use rileva_compiler::syntax::ast::*;
use rileva_compiler::syntax::parse;

const INPS: &str = include_str!("../../tests/contract/inps_hub_prestazioni.rileva");
const LECCE: &str = include_str!("../../tests/contract/lecce_anagrafe_sportello.rileva");
const BOLZANO: &str = include_str!("../../tests/contract/bolzano_anagrafe_bilingue.rileva");
const ROMA: &str = include_str!("../../tests/contract/comune_pagina_valutazione.rileva");

fn parse_clean(text: &str) -> File {
    let (file, diagnostics) = parse(FileId(0), text);
    assert!(diagnostics.is_empty(), "unexpected diagnostics: {diagnostics:#?}");
    file
}

fn survey(file: &File) -> &Survey {
    file.items
        .iter()
        .find_map(|item| match item {
            Item::Survey(s) => Some(s),
            _ => None,
        })
        .expect("a survey")
}

fn snippet(text: &str, span: rileva_compiler::source::Span) -> &str {
    &text[span.range()]
}

#[test]
fn inps_survey_header_and_section() {
    let file = parse_clean(INPS);
    let imports: Vec<String> = file
        .items
        .iter()
        .filter_map(|i| match i {
            Item::Import(import) => Some(import.package.dotted()),
            _ => None,
        })
        .collect();
    assert_eq!(imports, ["istat.cx", "istat.scales"]);
    let s = survey(&file);
    assert_eq!(s.name.dotted(), "inps.hub_prestazioni");
    assert!(matches!(&s.header[0], HeaderStmt::Version(v) if v.text == "1.0.0"));
    let HeaderStmt::Title(title) = &s.header[1] else {
        panic!("title")
    };
    assert_eq!(title.default.value, "Valuta il servizio");
    assert_eq!(title.translations[0].language.name, "en");
    assert_eq!(title.translations[0].text.value, "Rate the service");
    let HeaderStmt::Languages(langs, _) = &s.header[2] else {
        panic!("languages")
    };
    assert_eq!(
        langs.iter().map(|l| l.name.as_str()).collect::<Vec<_>>(),
        ["it", "en"]
    );
    let HeaderStmt::Agency { code, kind, .. } = &s.header[3] else {
        panic!("agency")
    };
    assert_eq!(
        (code.value.as_str(), kind.as_ref().unwrap().name.as_str()),
        ("inps", "ente_previdenziale")
    );
    let HeaderStmt::Conforms {
        standard,
        version,
        profile,
        span,
    } = &s.header[6]
    else {
        panic!("conforms")
    };
    assert_eq!(
        (standard.dotted().as_str(), version.text.as_str()),
        ("istat.cx", "2024.1")
    );
    assert_eq!(profile.name, "istanza_online");
    assert_eq!(
        snippet(INPS, *span),
        "conforms istat.cx 2024.1 profile istanza_online"
    );

    assert!(matches!(&s.body[0], BodyItem::Use(u) if u.module.dotted() == "istat.cx.core"));
    let BodyItem::Section(section) = &s.body[2] else {
        panic!("section")
    };
    assert_eq!(section.name.name, "inps");
    assert_eq!(section.title.default.value, "Domande dell'INPS");
    let BodyItem::Question(documenti) = &section.body[0] else {
        panic!("question")
    };
    assert_eq!(documenti.name.name, "documenti");
    assert!(matches!(&documenti.ty, QuestionType::Scale(p) if p.dotted() == "accordo5"));
    let wording = documenti.wording.as_ref().unwrap();
    assert_eq!(
        wording.translations[0].text.value,
        "Was it clear which documents to attach?"
    );
    let [Property::ShowIf(cond)] = documenti.properties.as_slice() else {
        panic!("show if")
    };
    let ExprKind::Compare { question, op, value } = &cond.kind else {
        panic!("compare")
    };
    assert_eq!(
        (question.name.as_str(), *op, value.value),
        ("soddisfazione", CmpOp::Le, 2)
    );
    assert_eq!(snippet(INPS, cond.span), "soddisfazione <= 2");
    assert!(snippet(INPS, documenti.span).starts_with("question documenti"));
    assert!(snippet(INPS, documenti.span).ends_with('}'));

    let BodyItem::Question(commento) = &section.body[1] else {
        panic!("question")
    };
    assert!(matches!(&commento.ty, QuestionType::Text { max: Some(m) } if m.value == 500));
    let [Property::Help(help)] = commento.properties.as_slice() else {
        panic!("help")
    };
    assert_eq!(help.default.value, "Non inserisca dati personali.");
}

#[test]
fn lecce_kiosk_and_inline_codes() {
    let file = parse_clean(LECCE);
    let s = survey(&file);
    assert_eq!(
        s.doc.as_deref(),
        Some("Counter survey at the registry office; the kiosk sits beside each counter.")
    );
    let HeaderStmt::Channels(channels, _) = &s.header[5] else {
        panic!("channels")
    };
    assert_eq!(
        channels.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(),
        ["kiosk", "web"]
    );
    assert!(matches!(&s.header[6], HeaderStmt::Conforms { version, .. } if version.text == "2009"));
    let HeaderStmt::Kiosk(kiosk) = &s.header[7] else {
        panic!("kiosk")
    };
    let (w, h) = kiosk.screen.as_ref().unwrap();
    assert_eq!((w.value, h.value), (1280, 800));
    assert_eq!(kiosk.reset_after.as_ref().unwrap().seconds, 20);
    assert_eq!(
        kiosk.thanks.as_ref().unwrap().translations[0].text.value,
        "Thank you for your feedback"
    );
    let BodyItem::Question(ufficio) = &s.body[1] else {
        panic!("question")
    };
    assert!(matches!(ufficio.ty, QuestionType::Choice(None)));
    let codes: Vec<(i64, &str, &str)> = ufficio
        .codes
        .iter()
        .map(|c| {
            (
                c.code.value,
                c.label.default.value.as_str(),
                c.label.translations[0].text.value.as_str(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            (1, "Anagrafe", "Registry"),
            (2, "Stato civile", "Civil status"),
            (3, "Elettorale", "Electoral office")
        ]
    );
}

#[test]
fn bolzano_translation_keys() {
    let file = parse_clean(BOLZANO);
    let s = survey(&file);
    let BodyItem::Translations(block) = &s.body[3] else {
        panic!("translations")
    };
    assert_eq!(block.language.name, "de");
    let key = |entry: &TranslationEntry| {
        entry
            .key
            .iter()
            .map(|seg| match seg {
                KeySegment::Name(n) => n.name.clone(),
                KeySegment::Code(c) => format!("#{}", c.value),
            })
            .collect::<Vec<_>>()
            .join(".")
    };
    let keys: Vec<String> = block.entries.iter().map(key).collect();
    assert!(keys.contains(&"motivi.#99".to_owned()));
    assert!(keys.contains(&"soddisfazione5.#1".to_owned()));
    assert!(keys.contains(&"facilita".to_owned()));
    let umlaut = block.entries.iter().find(|e| key(e) == "facilita5.#5").unwrap();
    assert_eq!(umlaut.text.value, "Äußerst einfach");
}

#[test]
fn roma_uses_one_module() {
    let file = parse_clean(ROMA);
    let s = survey(&file);
    assert_eq!(s.body.len(), 1);
    assert!(matches!(&s.header[6], HeaderStmt::Conforms { profile, .. } if profile.name == "pagina"));
}

#[test]
fn stdlib_and_example_sources_parse_cleanly() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../stdlib");
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut stack = vec![std::path::PathBuf::from(root), std::path::PathBuf::from(examples)];
    let mut seen = 0;
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rileva") {
                let text = std::fs::read_to_string(&path).unwrap();
                let (file, diagnostics) = parse(FileId(0), &text);
                assert!(diagnostics.is_empty(), "{}: {diagnostics:#?}", path.display());
                assert!(!file.items.iter().any(|i| matches!(i, Item::Error(_))));
                seen += 1;
            }
        }
    }
    assert!(seen > 0 || !std::path::Path::new(root).exists());
}
