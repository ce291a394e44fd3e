//! Sites and positive codes in the IR of the counter examples: what `rileva report` reads
//! (docs/language.md §3 and §4), so a change to them is seen here.

mod support;

use rileva_compiler::ir::QuestionKind;
use std::path::Path;

fn example(name: &str) -> rileva_compiler::ir::Survey {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name);
    support::surveys::compile_file(&path)
}

#[test]
fn the_counter_examples_list_their_sites_in_every_language() {
    let lecce = example("lecce_anagrafe_kiosk.rileva");
    let ids: Vec<&str> = lecce.sites.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["centro", "santa_rosa", "frigole"]);
    for site in &lecce.sites {
        assert!(
            lecce.languages.iter().all(|l| !site.label.get(l).is_empty()),
            "{site:?}"
        );
    }
    let roma = example("roma_anagrafe_sportello.rileva");
    assert_eq!(roma.sites.len(), 3);
    assert_eq!(roma.sites[0].label.get("en"), "Municipio I (city centre)");
}

#[test]
fn every_ordinal_question_carries_its_positive_codes() {
    let lecce = example("lecce_anagrafe_kiosk.rileva");
    let giudizio = lecce.question("giudizio").expect("giudizio");
    assert_eq!(giudizio.kind, QuestionKind::Faces);
    assert_eq!(giudizio.positive_codes, [3], "the green face");
    assert!(lecce
        .question("motivo")
        .expect("motivo")
        .positive_codes
        .is_empty());
    let roma = example("roma_anagrafe_sportello.rileva");
    let positive = |id: &str| roma.question(id).expect(id).positive_codes.clone();
    assert_eq!(
        positive("soddisfazione"),
        [3, 4, 5],
        "soddisfazione5 names `positive 3 4 5`"
    );
    assert_eq!(positive("facilita"), [4, 5], "facilita5: the default rule");
    assert_eq!(positive("efficacia"), [3], "esito3: the default rule");
    for (_, survey) in support::surveys::all() {
        for q in &survey.questions {
            let ordinal = matches!(
                q.kind,
                QuestionKind::Scale | QuestionKind::Faces | QuestionKind::Rating | QuestionKind::Nps
            );
            assert_eq!(!q.positive_codes.is_empty(), ordinal, "{} {}", survey.id, q.id);
            for code in &q.positive_codes {
                let c = q
                    .code(*code)
                    .unwrap_or_else(|| panic!("{} {}: {code}", survey.id, q.id));
                assert!(!c.missing, "{} {}: {code} is a missing code", survey.id, q.id);
            }
        }
    }
}
