//! Comparison stage tests: one edit of a small survey per class of change.

use super::*;
use crate::{compile, Input};

const BASE: &str = r#"
scale s3 {
  1 "Male" en "Bad"
  2 "Così così" en "So so"
  3 "Bene" en "Good"
  missing 9 "Non so" en "Don't know"
}

survey t.diff {
  version 1.0.0
  title "Prova" en "Test"
  languages it en
  channels web kiosk

  question giudizio: scale s3 {
    "Come è andata?" en "How did it go?"
    required
  }
  question motivi: multi {
    "Perché?" en "Why?"
    show if giudizio <= 1
    max 2
    1 "Attesa" en "Waiting"
    2 "Personale" en "Staff"
    99 "Altro" en "Other" specify
  }
  question eta: number 18..99 {
    "Quanti anni ha?" en "How old are you?"
    channels web
  }
  question note: text max 300 {
    "Note" en "Notes"
    channels web
  }
  check not (motivi has 99 and motivi has 1) else "No" en "No"
}
"#;

fn survey(text: &str) -> crate::ir::Survey {
    let c = compile(
        &[Input {
            name: "t.rileva".to_owned(),
            bytes: text.as_bytes().to_vec(),
        }],
        &[],
    );
    let errors: Vec<_> = c.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    c.surveys.into_iter().next().expect("one survey")
}

/// The changes of BASE edited by `from` -> `to` (each must occur).
fn changes(edits: &[(&str, &str)]) -> Report {
    let mut text = BASE.to_owned();
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    compare(&survey(BASE), &survey(&text))
}

fn only(edits: &[(&str, &str)], kind: Impact, expected: &str) {
    exactly(edits, &[(kind, expected)]);
}

fn exactly(edits: &[(&str, &str)], expected: &[(Impact, &str)]) {
    let report = changes(edits);
    let messages: Vec<(Impact, &str)> = report
        .changes
        .iter()
        .map(|c| (c.kind, c.message.as_str()))
        .collect();
    assert_eq!(messages, expected, "{edits:?}");
}

const POSITIVE_3_9: &str = "question `giudizio`: positive codes changed from 3 to 3, 9: its share of \
                            positive answers would not be comparable with earlier figures";

#[test]
fn the_same_survey_has_no_change() {
    let report = changes(&[]);
    assert!(report.changes.is_empty());
    assert!(report.ok && !report.requires_major);
}

#[test]
fn breaking_changes() {
    use Impact::Breaking as B;
    only(
        &[("    max 2\n", "    max 1\n")],
        B,
        "question `motivi`: most options to pick reduced from 2 to 1",
    );
    only(
        &[("    2 \"Personale\" en \"Staff\"\n", "")],
        B,
        "question `motivi`: code 2 «Personale» removed: answers with it would be rejected",
    );
    only(
        &[("\"Personale\"", "\"Cortesia\"")],
        B,
        "question `motivi`: code 2 label changed from «Personale» to «Cortesia»: the code would mean something else",
    );
    only(
        &[("\"Quanti anni ha?\"", "\"Quanti anni ha compiuto?\"")],
        B,
        "question `eta`: wording changed from «Quanti anni ha?» to «Quanti anni ha compiuto?»: the answers would mean something else",
    );
    only(
        &[("18..99", "20..99")],
        B,
        "question `eta`: range changed from 18..99 to 20..99: it is narrower",
    );
    only(
        &[("max 300", "max 200")],
        B,
        "question `note`: longest answer reduced from 300 to 200 characters",
    );
    only(
        &[(
            "    channels web\n  }\n  question note",
            "    required\n    channels web\n  }\n  question note",
        )],
        B,
        "question `eta`: now required: earlier responses without it would be rejected",
    );
    only(
        &[("giudizio <= 1", "giudizio <= 2")],
        B,
        "question `motivi`: routing changed from `giudizio <= 1` to `giudizio <= 2`",
    );
    exactly(
        &[("missing 9", "9")],
        &[
            (
                B,
                "question `giudizio`: code 9 «Non so» is no longer a missing code: it would count in indicators",
            ),
            (B, POSITIVE_3_9),
        ],
    );
    only(
        &[("\"Altro\" en \"Other\" specify", "\"Altro\" en \"Other\"")],
        B,
        "question `motivi`: code 99 «Altro» no longer opens a specify text: stored texts would lose their column",
    );
    only(
        &[("channels web kiosk", "channels web")],
        B,
        "channel `kiosk` removed: responses from it would be rejected",
    );
}

/// `text` without its `en "..."` translations.
fn without_english(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(" en \"") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 5..];
        rest = after.find('"').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out.replace("languages it en", "languages it")
}

#[test]
fn a_language_removed_is_breaking() {
    let report = compare(&survey(BASE), &survey(&without_english(BASE)));
    let messages: Vec<&str> = report.changes.iter().map(|c| c.message.as_str()).collect();
    assert_eq!(
        messages,
        vec!["language `en` removed: responses in it would be rejected"]
    );
    assert_eq!(report.changes[0].kind, Impact::Breaking);
    // The other way round: added, and every text translated (in other languages only).
    let report = compare(&survey(&without_english(BASE)), &survey(BASE));
    assert_eq!(report.changes[0].message, "language `en` added");
    assert!(
        report.changes.iter().all(|c| c.kind == Impact::Compatible),
        "{report:#?}"
    );
}

#[test]
fn compatible_changes() {
    use Impact::Compatible as C;
    only(
        &[("\"Staff\"", "\"Personnel\"")],
        C,
        "question `motivi`: code 2 label changed in en",
    );
    only(
        &[("\"How old are you?\"", "\"Your age?\"")],
        C,
        "question `eta`: wording changed in en",
    );
    only(
        &[("18..99", "16..120")],
        C,
        "question `eta`: range changed from 18..99 to 16..120: it is wider",
    );
    only(
        &[("max 300", "max 500")],
        C,
        "question `note`: longest answer raised from 300 to 500 characters",
    );
    only(
        &[(
            "    99 \"Altro\"",
            "    3 \"Costi\" en \"Costs\"\n    99 \"Altro\"",
        )],
        C,
        "question `motivi`: code 3 «Costi» added",
    );
    only(
        &[(
            "    \"Note\" en \"Notes\"\n",
            "    \"Note\" en \"Notes\"\n    help \"Facoltativo\" en \"Optional\"\n",
        )],
        C,
        "question `note`: help added",
    );
    only(
        &[(
            "    \"Come è andata?\" en \"How did it go?\"\n    required\n",
            "    \"Come è andata?\" en \"How did it go?\"\n",
        )],
        C,
        "question `giudizio`: no longer required",
    );
    only(
        &[("title \"Prova\"", "title \"Prova nuova\"")],
        C,
        "title changed from «Prova» to «Prova nuova»",
    );
    only(
        &[(
            "  check not",
            "  question extra: yesno {\n    \"Altro?\" en \"More?\"\n  }\n  check not",
        )],
        C,
        "question `extra` «Altro?» added",
    );
}

#[test]
fn a_point_added_to_a_scale_is_breaking_a_missing_code_is_not() {
    exactly(
        &[(
            "  3 \"Bene\" en \"Good\"\n",
            "  3 \"Bene\" en \"Good\"\n  4 \"Ottimo\" en \"Great\"\n",
        )],
        &[
            (
                Impact::Breaking,
                "question `giudizio`: code 4 «Ottimo» added to an ordinal question: the points of its scale change",
            ),
            (
                Impact::Breaking,
                "question `giudizio`: positive codes changed from 3 to 3, 4: its share of positive \
                 answers would not be comparable with earlier figures",
            ),
        ],
    );
    only(
        &[(
            "  missing 9",
            "  missing 8 \"Non risponde\" en \"No answer\"\n  missing 9",
        )],
        Impact::Compatible,
        "question `giudizio`: code 8 «Non risponde» added",
    );
}

#[test]
fn a_rename_is_one_change_and_routing_follows_it() {
    let report = changes(&[
        ("question giudizio:", "question valutazione:"),
        ("giudizio <= 1", "valutazione <= 1"),
    ]);
    let messages: Vec<&str> = report.changes.iter().map(|c| c.message.as_str()).collect();
    assert_eq!(
        messages,
        vec!["question `giudizio` renamed to `valutazione`: its response key and column change"]
    );
    assert_eq!(report.changes[0].question.as_deref(), Some("valutazione"));
}

#[test]
fn removed_and_added_questions_in_survey_order() {
    let report = changes(&[
        (
            "question eta: number 18..99 {\n    \"Quanti anni ha?\"",
            "question anni: number 18..99 {\n    \"Età?\"",
        ),
        (
            "  check not (motivi has 99 and motivi has 1) else \"No\" en \"No\"\n",
            "",
        ),
    ]);
    let summary: Vec<(Impact, Option<&str>)> = report
        .changes
        .iter()
        .map(|c| (c.kind, c.question.as_deref()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (Impact::Breaking, Some("eta")),
            (Impact::Compatible, Some("anni")),
            (Impact::Compatible, None),
        ],
        "{report:#?}"
    );
    assert!(report.changes[2]
        .message
        .starts_with("check `not (motivi has 99 and motivi has 1)` removed"));
}

#[test]
fn moved_questions_are_compatible() {
    let report = changes(&[
        ("  question note: text max 300 {\n    \"Note\" en \"Notes\"\n    channels web\n  }\n", ""),
        ("  question eta:", "  question note: text max 300 {\n    \"Note\" en \"Notes\"\n    channels web\n  }\n  question eta:"),
    ]);
    let messages: Vec<&str> = report.changes.iter().map(|c| c.message.as_str()).collect();
    assert_eq!(messages, vec!["question `note` moved (now after `motivi`)"]);
}

#[test]
fn a_new_check_and_a_new_required_question_are_breaking() {
    let report = changes(&[(
        "  check not",
        "  question extra: yesno {\n    \"Altro?\" en \"More?\"\n    required\n  }\n  check eta >= 20 else \"Età\" en \"Age\"\n  check not",
    )]);
    let kinds: Vec<Impact> = report.changes.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, vec![Impact::Breaking, Impact::Breaking], "{report:#?}");
    assert!(report.changes[1].message.contains("check `eta >= 20` added"));
}

#[test]
fn the_major_version_decides() {
    let breaking = [("max 300", "max 200")];
    let report = changes(&breaking);
    assert!(report.requires_major && !report.ok);
    assert_eq!(report.needed_version(), "2.0.0");
    let report = changes(&[breaking[0], ("version 1.0.0", "version 2.0.0")]);
    assert!(report.requires_major && report.ok);
    let report = changes(&[("max 300", "max 400"), ("version 1.0.0", "version 1.1.0")]);
    assert!(!report.requires_major && report.ok);
}

#[test]
fn a_new_id_is_said_and_the_rest_compared() {
    let report = changes(&[("survey t.diff", "survey t.altro"), ("max 300", "max 400")]);
    assert_eq!(report.changes.len(), 2);
    assert_eq!(report.changes[0].kind, Impact::Breaking);
    assert!(report.changes[0]
        .message
        .starts_with("survey id changed from `t.diff` to `t.altro`"));
}

#[test]
fn major_reads_the_first_number() {
    assert_eq!(major("1.2.0"), Some(1));
    assert_eq!(major("10.0.0"), Some(10));
    assert_eq!(major("x"), None);
}

#[test]
fn more_breaking_classes() {
    use Impact::Breaking as B;
    only(
        &[("question eta: number 18..99", "question eta: text max 10")],
        B,
        "question `eta`: type changed from number to text",
    );
    only(
        &[(
            "    required\n  }\n  question motivi",
            "    required\n    channels web\n  }\n  question motivi",
        )],
        B,
        "question `giudizio`: no longer asked on kiosk: answers from there would be rejected",
    );
    only(
        &[("    max 2\n", "    min 2\n    max 2\n")],
        B,
        "question `motivi`: fewest options to pick raised from 1 to 2",
    );
    only(
        &[("    show if giudizio <= 1\n", "")],
        B,
        "question `motivi`: routing removed: now always asked (was only when `giudizio <= 1`)",
    );
}

#[test]
fn more_compatible_classes() {
    use Impact::Compatible as C;
    only(
        &[("else \"No\" en \"No\"", "else \"Non va\" en \"No\"")],
        C,
        "check `not (motivi has 99 and motivi has 1)`: message changed",
    );
    only(
        &[("\"Personale\" en \"Staff\"", "\"Personale\" en \"Staff\" specify")],
        C,
        "question `motivi`: code 2 «Personale» now opens a specify text",
    );
    only(
        &[("    max 2\n", "")],
        C,
        "question `motivi`: most options to pick raised from 2 to 3",
    );
}

#[test]
fn rating_stars_changed_is_one_breaking_change() {
    let text = |stars: u8| {
        format!(
            "survey t.r {{\n  version 1.0.0\n  title \"T\"\n  question voto: rating {stars} {{\n    \"Voto?\"\n  }}\n}}\n"
        )
    };
    let report = compare(&survey(&text(5)), &survey(&text(7)));
    let messages: Vec<&str> = report.changes.iter().map(|c| c.message.as_str()).collect();
    assert_eq!(
        messages,
        vec![
            "question `voto`: rating changed from 5 to 7 stars: a number of stars would mean something else"
        ]
    );
    assert!(report.requires_major);
}

#[test]
fn agency_and_service_codes_are_breaking_their_kinds_compatible() {
    let with_parties = |agency: &str, service: &str| {
        BASE.replace(
            "  channels web kiosk\n",
            &format!("  channels web kiosk\n  agency {agency}\n  service {service}\n"),
        )
    };
    let old = survey(&with_parties(
        "\"inps\" kind ente_previdenziale",
        "\"hub\" kind istanza_online",
    ));
    let messages = |new: &str| -> Vec<(Impact, String)> {
        compare(&old, &survey(new))
            .changes
            .into_iter()
            .map(|c| (c.kind, c.message))
            .collect()
    };
    assert_eq!(
        messages(&with_parties(
            "\"inail\" kind ente_previdenziale",
            "\"hub\" kind istanza_online"
        )),
        vec![(
            Impact::Breaking,
            "agency changed from \"inps\" to \"inail\": the answers would be about another administration"
                .to_owned()
        )]
    );
    assert_eq!(
        messages(&with_parties(
            "\"inps\" kind ente_previdenziale",
            "\"cruscotto\" kind istanza_online"
        )),
        vec![(
            Impact::Breaking,
            "service changed from \"hub\" to \"cruscotto\": the answers would be about another service"
                .to_owned()
        )]
    );
    let kinds = messages(&with_parties(
        "\"inps\" kind ente_previdenziale",
        "\"hub\" kind cruscotto",
    ));
    assert_eq!(kinds.len(), 1, "{kinds:?}");
    assert_eq!(kinds[0].0, Impact::Compatible, "{kinds:?}");
    assert!(kinds[0].1.starts_with("service kind"), "{kinds:?}");
}

#[test]
fn positive_codes_changed_are_breaking() {
    only(
        &[("  missing 9 \"Non so\"", "  positive 2 3\n  missing 9 \"Non so\"")],
        Impact::Breaking,
        "question `giudizio`: positive codes changed from 3 to 2, 3: its share of positive answers \
         would not be comparable with earlier figures",
    );
}

#[test]
fn a_site_removed_is_breaking_a_site_added_or_relabelled_is_not() {
    let sites = "  channels web kiosk\n  sites {\n    centro \"Centro\" en \"Centre\"\n  }\n";
    let two = "  channels web kiosk\n  sites {\n    centro \"Sede\" en \"Centre\"\n    sud \"Sud\" en \"South\"\n  }\n";
    let with_sites = BASE.replacen("  channels web kiosk\n", sites, 1);
    let report = compare(&survey(BASE), &survey(&with_sites));
    let messages: Vec<(Impact, &str)> = report
        .changes
        .iter()
        .map(|c| (c.kind, c.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [(
            Impact::Compatible,
            "site `centro` «Centro» added (the response table gains a nullable `site` column)"
        )]
    );
    let report = compare(
        &survey(&with_sites),
        &survey(&BASE.replacen("  channels web kiosk\n", two, 1)),
    );
    let messages: Vec<(Impact, &str)> = report
        .changes
        .iter()
        .map(|c| (c.kind, c.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            (
                Impact::Compatible,
                "site `centro` relabelled from «Centro» to «Sede»"
            ),
            (Impact::Compatible, "site `sud` «Sud» added"),
        ]
    );
    let report = compare(
        &survey(&BASE.replacen("  channels web kiosk\n", two, 1)),
        &survey(&with_sites),
    );
    assert_eq!(report.changes[0].kind, Impact::Breaking);
    assert_eq!(
        report.changes[0].message,
        "site `sud` «Sud» removed: responses collected there would be rejected"
    );
    let report = compare(&survey(&with_sites), &survey(BASE));
    assert!(report.requires_major, "{:?}", report.changes);
    assert!(report.changes[0].message.contains("lists no sites any more"));
}
