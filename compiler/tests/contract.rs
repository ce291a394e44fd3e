//! The four contract surveys (tests/contract/) compile with zero diagnostics, and their IR
//! holds what docs/language.md promises: modules expanded in place, translations applied,
//! defaults filled in.

use rileva_compiler::ir::{Channel, QuestionKind};
use rileva_compiler::{compile, Compilation, Input};
use std::path::Path;

fn compile_contract(name: &str) -> Compilation {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/contract")
        .join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    compile(
        &[Input {
            name: name.to_owned(),
            bytes,
        }],
        &[],
    )
}

fn clean(name: &str) -> rileva_compiler::ir::Survey {
    let c = compile_contract(name);
    let shown: Vec<String> = c
        .diagnostics
        .iter()
        .map(|d| {
            format!(
                "{} {} at {:?}",
                d.code,
                d.message,
                c.sources
                    .get(d.primary.span.file)
                    .line_col(d.primary.span.start as usize)
            )
        })
        .collect();
    assert!(c.diagnostics.is_empty(), "{name}:\n{}", shown.join("\n"));
    assert_eq!(c.surveys.len(), 1, "{name}");
    c.surveys.into_iter().next().expect("one survey")
}

#[test]
fn inps_hub_prestazioni() {
    let s = clean("inps_hub_prestazioni.rileva");
    assert_eq!(s.id, "inps.hub_prestazioni");
    assert_eq!(s.table, "inps_hub_prestazioni_v1");
    assert_eq!(s.languages, ["it", "en"]);
    assert_eq!(s.channels, [Channel::Web]);
    let ids: Vec<&str> = s.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "facilita",
            "informazioni",
            "efficacia",
            "soddisfazione",
            "motivi",
            "tempo",
            "problemi_tecnici",
            "documenti",
            "commento"
        ]
    );
    let facilita = s.question("facilita").expect("facilita");
    assert_eq!(facilita.module.as_deref(), Some("istat.cx.core"));
    assert_eq!(facilita.code_list.as_deref(), Some("istat.scales.facilita5"));
    assert!(facilita.required && facilita.locked);
    assert_eq!(facilita.codes.len(), 6);
    assert!(facilita.codes.iter().any(|c| c.value == 9 && c.missing));
    let documenti = s.question("documenti").expect("documenti");
    assert_eq!(documenti.section.as_deref(), Some("inps"));
    assert!(documenti.show_if.is_some());
    let yesno = s.question("problemi_tecnici").expect("problemi_tecnici");
    assert_eq!(
        yesno.codes.iter().map(|c| c.label.get("it")).collect::<Vec<_>>(),
        ["Sì", "No"]
    );
    assert_eq!(s.question("commento").and_then(|q| q.max_length), Some(500));
    assert_eq!(s.question("motivi").and_then(|q| q.max_picks), Some(3));
    assert!(s.estimated_seconds > 0);
}

#[test]
fn bolzano_translations_reach_module_questions() {
    let s = clean("bolzano_anagrafe_bilingue.rileva");
    assert_eq!(s.languages, ["it", "de"]);
    let facilita = s.question("facilita").expect("facilita");
    assert_eq!(
        facilita.wording.get("de"),
        "Wie einfach war es, den Dienst zu nutzen?"
    );
    assert_eq!(facilita.codes[0].label.get("de"), "Überhaupt nicht einfach");
    // English of the stdlib is dropped: the survey does not offer it.
    assert!(facilita.wording.0.keys().all(|l| l == "it" || l == "de"));
    let suggerimenti = s.question("suggerimenti").expect("suggerimenti");
    assert_eq!(suggerimenti.channels, [Channel::Web]);
    assert_eq!(suggerimenti.kind, QuestionKind::Text);
}

#[test]
fn comune_pagina_valutazione() {
    let s = clean("comune_pagina_valutazione.rileva");
    let first = s.questions.first().expect("a question");
    assert_eq!(first.kind, QuestionKind::Rating);
    assert_eq!(
        first.codes.iter().map(|c| c.value).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
}

#[test]
fn lecce_kiosk_defaults_and_faces() {
    let s = clean("lecce_anagrafe_sportello.rileva");
    assert_eq!(s.channels, [Channel::Kiosk, Channel::Web]);
    assert_eq!(
        (s.kiosk.width, s.kiosk.height, s.kiosk.reset_after_seconds),
        (1280, 800, 20)
    );
    assert_eq!(s.kiosk.thanks.get("en"), "Thank you for your feedback");
    let giudizio = s.question("giudizio").expect("giudizio");
    assert_eq!(giudizio.kind, QuestionKind::Faces);
    assert_eq!(
        giudizio.codes.iter().map(|c| c.value).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert!(giudizio.codes.iter().all(|c| !c.label.get("en").is_empty()));
}
