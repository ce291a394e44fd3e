//! Syntax stage: R0001 messages in words, recovery after errors, and limits that keep the
//! parser from panicking or overflowing the stack.

use rileva_compiler::diagnostics::{Code, Diagnostic};
use rileva_compiler::source::FileId;
use rileva_compiler::syntax::ast::*;
use rileva_compiler::syntax::parse;

const GRAMMAR: &str = include_str!("../src/syntax/grammar.pest");

/// Rule names that are also the plain English words the messages use.
const ENGLISH: &[&str] = &[
    "name",
    "path",
    "version",
    "duration",
    "string",
    "text",
    "translation",
    "alias",
    "item",
    "property",
    "answered",
];

fn diagnostics(text: &str) -> Vec<Diagnostic> {
    parse(FileId(0), text).1
}

fn survey_body(text: &str) -> (Vec<BodyItem>, Vec<Diagnostic>) {
    let (file, diags) = parse(FileId(0), text);
    match file.items.into_iter().find(|i| matches!(i, Item::Survey(_))) {
        Some(Item::Survey(s)) => (s.body.clone(), diags),
        _ => panic!("no survey in {text:?}"),
    }
}

/// Every `name = ...` rule of the grammar that is not an English word.
fn rule_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = GRAMMAR
        .lines()
        .filter_map(|line| line.split_once('=').map(|(head, _)| head.trim()))
        .filter(|head| !head.is_empty() && head.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .filter(|head| !ENGLISH.contains(head))
        .collect();
    names.extend(["EOI", "SOI", "Rule", "positives", "negatives"]);
    names
}

const BROKEN: &[&str] = &[
    "survey a.b {\n question q: sclae accordo5 { \"Q?\" }\n}",
    "survey a.b {\n question q: yesno {\n \"Q?\"\n requird\n }\n}",
    "survey a.b {\n question q: yesno { \"Q?\n }\n}",
    "survey a.b {\n question q: yesno { \"Q?\" show if a <= }\n}",
    "survey a.b {\n question q: yesno { \"Q?\" show if (a = 1 }\n}",
    "survey a.b {\n question q: yesno { \"Q?\" show if a in [1 2] }\n}",
    "survey a.b {\n question q yesno { \"Q?\" }\n}",
    "survey a.b {\n question q: number 1.. { \"Q?\" }\n}",
    "survey a.b {\n check a = 1 \"msg\"\n}",
    "survey a.b {\n version\n}",
    "survey a.b {\n conforms istat.cx 2024.1 istanza\n}",
    "survey a.b {\n kiosk { screen 10 by 20 }\n}",
    "survey a.b {\n kiosk { reset after 20 }\n}",
    "survey a.b {\n section s { }\n}",
    "survey a.b {\n translations de { a.1 }\n}",
    "survey a.b {\n question q: yesno { \"Q?\" }\n",
    "survey a.b {",
    "survey {\n}",
    "Survey a.b {\n}",
    "scale s { 1 \"a\" zwei \"b\" }",
    "scale s { 1 }",
    "options o { missing \"x\" }",
    "kinds pa { Comune }",
    "import",
    "import a as",
    "standard a.b {\n max minutes\n}",
    "standard a.b {\n profile p { pa kind any }\n}",
    "standard a.b {\n profile p { extra 3 }\n}",
    "module m {\n title\n}",
    "}",
    "\"",
    "(((",
    "èèè ∑ 🙂",
    "survey a.b { question q: yesno { \"bad \\q escape\" } }",
    "survey a.b { question q: rating 99999999999999999999 { \"Q?\" } }",
];

#[test]
fn messages_are_words_not_rule_names() {
    let rules = rule_names();
    assert!(rules.contains(&"question_type") && rules.contains(&"kw_if") && !rules.contains(&"text"));
    for text in BROKEN {
        let found = diagnostics(text);
        assert!(!found.is_empty(), "no diagnostic for {text:?}");
        for d in &found {
            assert_eq!(d.code, Code::R0001, "{text:?}");
            let help = d.help.as_deref().unwrap_or("");
            assert!(!help.is_empty(), "no help for {text:?}: {d:?}");
            for part in [d.message.as_str(), d.primary.message.as_str(), help] {
                for word in part.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                    assert!(
                        !rules.contains(&word),
                        "rule name `{word}` in {part:?} for {text:?}"
                    );
                }
            }
            let span = d.primary.span;
            assert!(
                span.end as usize <= text.len() && span.start <= span.end,
                "{text:?}: {span:?}"
            );
            assert!(span.start < span.end, "zero-width span for {text:?}: {d:?}");
        }
    }
}

#[test]
fn messages_say_what_was_expected_and_found() {
    let first = |text: &str| diagnostics(text).into_iter().next().expect("a diagnostic");
    let d = first("survey a.b {\n question q: sclae accordo5 { \"Q?\" }\n}");
    assert_eq!(
        d.message,
        "expected a question type such as `scale`, `choice`, `yesno`, `text`, found `sclae`"
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `scale`?"));
    let text = "survey a.b {\n question q: yesno {\n \"Q?\"\n requird\n }\n}";
    let d = first(text);
    assert!(
        d.message
            .contains("a property such as `help`, `required`, `show if`"),
        "{}",
        d.message
    );
    assert!(
        d.message.contains("`}` to close the question block"),
        "{}",
        d.message
    );
    assert!(d.message.ends_with("found `requird`"));
    assert_eq!(&text[d.primary.span.range()], "requird");
    assert_eq!(d.help.as_deref(), Some("did you mean `required`?"));
    let d = first("survey a.b {\n question q: yesno { \"Q?\n }\n}");
    assert!(d.message.starts_with("unterminated text"), "{}", d.message);
    assert!(d.help.unwrap().contains("closing `\"`"));
    let d = first("survey a.b {\n question q: yesno { help \"x\" }\n}");
    assert!(d.message.contains("no wording"), "{}", d.message);
    let d = first("survey a.b {\n check a = 1 \"msg\"\n}");
    assert!(d.message.starts_with("expected `else`"), "{}", d.message);
}

#[test]
fn end_of_file_points_at_the_last_character() {
    let text = "survey a.b {\n question q: yesno { \"Q?\" }\n  \n";
    let found = diagnostics(text);
    assert_eq!(found.len(), 1);
    let d = &found[0];
    assert_eq!(
        d.message,
        "expected `}` to close the survey `a.b`, found end of file"
    );
    assert_eq!(&text[d.primary.span.range()], "}");
    assert_eq!(&text[d.secondary[0].span.range()], "survey a.b {");
    let d = &diagnostics("survey a.b { question q: yesno {")[0];
    assert!(d.message.ends_with("found end of file"), "{}", d.message);
    assert_eq!(d.primary.span.end, 32);
}

#[test]
fn three_errors_in_three_questions_are_all_reported() {
    let text = r#"survey a.b {
  version 1.0.0
  question uno: yesno {
    "Primo?"
    requird
  }
  question due: sclae accordo5 {
    "Secondo?"
  }
  question buona: yesno { "Buona?" }
  question tre: yesno {
    "Terzo?"
    show if uno = 
  }
  question ultima: yesno { "Ultima?" }
}
"#;
    let (body, diags) = survey_body(text);
    assert_eq!(diags.len(), 3, "{diags:#?}");
    let lines: Vec<usize> = diags
        .iter()
        .map(|d| text[..d.primary.span.start as usize].lines().count())
        .collect();
    assert_eq!(lines, [5, 7, 14]);
    let shape: Vec<&str> = body
        .iter()
        .map(|b| match b {
            BodyItem::Question(q) => q.name.name.as_str(),
            BodyItem::Error(_) => "error",
            _ => "?",
        })
        .collect();
    assert_eq!(shape, ["error", "error", "buona", "error", "ultima"]);
}

#[test]
fn an_unclosed_question_block_does_not_swallow_the_next_question() {
    let text =
        "survey a.b {\n  question uno: yesno {\n    \"Primo?\"\n  question due: yesno { \"Due?\" }\n}\n";
    let (body, diags) = survey_body(text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(matches!(&body[..], [BodyItem::Error(_), BodyItem::Question(q)] if q.name.name == "due"));
}

#[test]
fn recovery_in_headers_standards_profiles_and_top_level() {
    let text = r#"scale s { 1 "a" zwei "b" }
standard a.b {
  version
  title "T"
  profile p {
    pa kind any
    extra max 2
  }
}
}
survey a.b {
  versione 1.0.0
  title "T"
  question q: yesno { "Q?" }
}
"#;
    let (file, diags) = parse(FileId(0), text);
    assert_eq!(diags.len(), 5, "{diags:#?}");
    let [Item::CodeList(list), Item::Standard(st), Item::Error(_), Item::Survey(sv)] = file.items.as_slice()
    else {
        panic!("{:#?}", file.items)
    };
    let codes: Vec<i64> = list.codes.iter().map(|c| c.code.value).collect();
    assert_eq!(codes, [1], "the good code of the broken scale is kept");
    assert!(matches!(
        &st.statements[..2],
        [StandardStmt::Error(_), StandardStmt::Title(_)]
    ));
    let StandardStmt::Profile(p) = &st.statements[2] else {
        panic!()
    };
    assert!(matches!(
        &p.statements[..],
        [ProfileStmt::Error(_), ProfileStmt::ExtraMax(..)]
    ));
    assert!(matches!(
        &sv.header[..],
        [HeaderStmt::Error(_), HeaderStmt::Title(_)]
    ));
    assert_eq!(sv.body.len(), 1);
}

#[test]
fn bad_escapes_and_huge_numbers_are_syntax_errors() {
    let text = "survey a.b { question q: yesno { \"bad \\q escape\" } }";
    let d = &diagnostics(text)[0];
    assert_eq!(&text[d.primary.span.range()], "\\q");
    assert!(d.help.as_deref().unwrap().contains("\\n"));
    let d = &diagnostics("survey a.b { question q: rating 99999999999999999999 { \"Q?\" } }")[0];
    assert_eq!(d.message, "number too large");
    let d = &diagnostics("survey a.b { question q: yesno { \"\\u{110000}\" } }")[0];
    assert!(d.message.contains("\\u{...}"), "{}", d.message);
}

fn nested_parens(n: usize) -> String {
    format!(
        "survey a.b {{ question q: yesno {{ \"Q?\" show if {}a = 1{} }} }}",
        "(".repeat(n),
        ")".repeat(n)
    )
}

#[test]
fn nesting_up_to_the_limit_parses() {
    assert!(diagnostics(&nested_parens(64)).is_empty());
    let nots = format!("survey a.b {{ check {}a = 1 else \"x\" }}", "not ".repeat(64));
    assert!(diagnostics(&nots).is_empty());
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let too_deep = |text: &str| {
        let found = diagnostics(text);
        assert!(
            found
                .iter()
                .any(|d| d.message.contains("nested too deeply (more than 64 levels)")),
            "{found:#?}"
        );
    };
    too_deep(&nested_parens(65));
    too_deep(&nested_parens(10_000));
    too_deep(&format!(
        "survey a.b {{ check {}a = 1 else \"x\" }}",
        "not ".repeat(10_000)
    ));
    too_deep(&format!(
        "survey a.b {{ check {}a = 1 else \"x\" }}",
        "not (".repeat(5_000)
    ));
    let sections = format!(
        "survey a.b {{\n{}{}}}",
        "section s \"S\" {\n".repeat(10_000),
        "}\n".repeat(10_000)
    );
    too_deep(&sections);
    // After a too-deep expression, the next question is still read.
    let text = format!(
        "{}\nsurvey c.d {{ question q: yesno {{ \"Q?\" show if }} }}",
        nested_parens(1000)
    );
    assert_eq!(diagnostics(&text).len(), 2);
    assert!(diagnostics(&"(".repeat(100_000)).len() == 1);
}

#[test]
fn a_megabyte_file_parses() {
    let question = "  question q: scale accordo5 {\n    \"Era chiaro quali documenti allegare?\" en \"Was it clear?\"\n    show if soddisfazione <= 2 and not (a in [1, 2] or b has 4)\n  }\n";
    let text = format!(
        "survey a.b {{\n{}}}\n",
        question.repeat(1_000_000 / question.len() + 1)
    );
    assert!(text.len() > 1_000_000);
    let (body, diags) = survey_body(&text);
    assert!(diags.is_empty());
    assert!(body.len() > 5_000);
}

#[test]
fn errors_inside_a_block_with_a_broken_head_are_still_reported() {
    let text = "survey Inps hub {\n  question a: sclae x { \"A?\" }\n}\nsurvey c.d {\n  section s {\n    question b: yesno { \"B?\" requird }\n  }\n  question ok: yesno { \"Ok?\" }\n}\n";
    let (file, diags) = parse(FileId(0), text);
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(diags.len(), 4, "{messages:#?}");
    assert!(
        messages[1].contains("found `sclae`") && messages[3].contains("found `requird`"),
        "{messages:#?}"
    );
    let [Item::Error(_), Item::Survey(s)] = file.items.as_slice() else {
        panic!("{:#?}", file.items)
    };
    assert!(matches!(&s.body[..], [BodyItem::Error(_), BodyItem::Question(q)] if q.name.name == "ok"));
}

#[test]
fn a_question_without_its_opening_brace_does_not_close_the_survey() {
    let text =
        "survey a.b {\n  question uno: yesno\n    \"Primo?\"\n    }\n  question due: yesno { \"Due?\" }\n}\n";
    let (body, diags) = survey_body(text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert!(matches!(&body[..], [BodyItem::Error(_), BodyItem::Question(q)] if q.name.name == "due"));
}

#[test]
fn a_doc_comment_before_nothing_is_an_error() {
    for text in [
        "///",
        "/// a doc for nothing\n",
        "survey a.b {\n  title \"T\"\n  /// dangling\n}\n",
    ] {
        let found = diagnostics(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:#?}");
        assert_eq!(found[0].message, "this doc comment documents nothing");
        assert!(text[found[0].primary.span.range()].starts_with("///"));
    }
}

fn translations_of(body: &[BodyItem]) -> Vec<String> {
    let block = body.iter().find_map(|b| match b {
        BodyItem::Translations(t) => Some(t),
        _ => None,
    });
    let Some(block) = block else {
        panic!("no translations block in {body:#?}")
    };
    block
        .entries
        .iter()
        .map(|e| {
            let key: Vec<String> = e
                .key
                .iter()
                .map(|seg| match seg {
                    KeySegment::Name(n) => n.name.clone(),
                    KeySegment::Code(c) => c.value.to_string(),
                })
                .collect();
            format!("{}={}", key.join("."), e.text.value)
        })
        .collect()
}

#[test]
fn a_broken_translation_keeps_the_other_entries() {
    let text = r#"survey a.b {
  translations de {
    uno "Eins"
    due.1 "Zwei
    tre "Drei"
    quattro Vier ohne Anführungszeichen
    cinque.help "Fünf"
    sei.9 "Sechs"
    title "Titel"
  }
  question ultima: yesno { "Ultima?" }
}
"#;
    let (body, diags) = survey_body(text);
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(diags.len(), 2, "{messages:#?}");
    assert!(diags.iter().all(|d| d.code == Code::R0001));
    assert_eq!(messages[0], "unterminated text");
    assert!(messages[1].ends_with("found `Vier`"), "{messages:#?}");
    assert!(messages[1].contains("a text in quotes"), "{messages:#?}");
    assert_eq!(&text[diags[1].primary.span.range()], "Vier");
    assert_eq!(
        translations_of(&body),
        [
            "uno=Eins",
            "tre=Drei",
            "cinque.help=Fünf",
            "sei.9=Sechs",
            "title=Titel"
        ]
    );
    assert!(matches!(body.last(), Some(BodyItem::Question(q)) if q.name.name == "ultima"));
}

#[test]
fn a_translations_block_without_its_closing_brace_ends_at_the_next_statement() {
    let text = "survey a.b {
  translations de {
    uno \"Eins\"
  question q: yesno { \"Q?\" }
}
";
    let (body, diags) = survey_body(text);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(
        diags[0].message,
        "expected `}` to close the translations block, found `question`"
    );
    assert_eq!(translations_of(&body), ["uno=Eins"]);
    assert!(matches!(body.last(), Some(BodyItem::Question(q)) if q.name.name == "q"));
}

#[test]
fn a_broken_code_keeps_the_other_codes() {
    let text = r#"scale soddisfazione5 {
  1 "Per niente" en "Not at all"
  2 "Poco
    en "Slightly"
  3 "Abbastanza"
    en "Fairly"
  quattro "Molto"
  5 "Del tutto" en "Completely"
  missing 9 "Non so"
}
options motivi { 1 "Attesa"  2 "Personale" sl  99 "Altro" specify }
survey a.b {
  question q: yesno { "Q?" }
}
"#;
    let (file, diags) = parse(FileId(0), text);
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(diags.len(), 3, "{messages:#?}");
    assert_eq!(messages[0], "unterminated text");
    assert!(messages[1].ends_with("found `quattro`"), "{messages:#?}");
    assert!(messages[1].contains("`}` to close the scale"), "{messages:#?}");
    assert!(messages[2].ends_with("found `sl`"), "{messages:#?}");
    let [Item::CodeList(scale), Item::CodeList(options), Item::Survey(_)] = file.items.as_slice() else {
        panic!("{:#?}", file.items)
    };
    let codes = |list: &CodeList| -> Vec<(i64, bool)> {
        list.codes.iter().map(|c| (c.code.value, c.missing)).collect()
    };
    assert_eq!(codes(scale), [(1, false), (3, false), (5, false), (9, true)]);
    assert_eq!(
        scale.codes[1].label.translations.len(),
        1,
        "a translation on its own line stays"
    );
    // On one line, what follows the broken code is skipped up to the `}`.
    assert_eq!(codes(options), [(1, false), (2, false)]);
}

#[test]
fn a_broken_kind_keeps_the_other_kinds() {
    let text = r#"kinds pa {
  comune "Comune"
    de "Gemeinde"
  Regione Lazio
  asl "Azienda sanitaria locale" de "Sanitätsbetrieb"
  ente_previdenziale "Ente previdenziale"
}
survey a.b {
  kiosk {
    screen 1280 by 800
    reset after 20s
    thanks "Grazie"
      en "Thank you"
  }
}
"#;
    let (file, diags) = parse(FileId(0), text);
    let messages: Vec<&str> = diags.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(diags.len(), 2, "{messages:#?}");
    assert!(messages[0].ends_with("found `Lazio`"), "{messages:#?}");
    assert!(messages[1].ends_with("found `by`"), "{messages:#?}");
    let [Item::Kinds(kinds), Item::Survey(survey)] = file.items.as_slice() else {
        panic!("{:#?}", file.items)
    };
    let names: Vec<&str> = kinds.kinds.iter().map(|k| k.name.name.as_str()).collect();
    assert_eq!(names, ["comune", "asl", "ente_previdenziale"]);
    assert_eq!(kinds.kinds[0].label.translations.len(), 1);
    let [HeaderStmt::Kiosk(kiosk)] = survey.header.as_slice() else {
        panic!("{:#?}", survey.header)
    };
    assert!(kiosk.screen.is_none());
    assert_eq!(kiosk.reset_after.as_ref().map(|d| d.seconds), Some(20));
    assert_eq!(kiosk.thanks.as_ref().map(|t| t.translations.len()), Some(1));
}

/// The Bolzano contract survey with one translation line replaced, through the whole pipeline.
fn compile_bolzano_with(good: &str, broken: &str) -> Vec<Diagnostic> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/contract/bolzano_anagrafe_bilingue.rileva");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(text.contains(good), "the contract file no longer holds {good:?}");
    let input = rileva_compiler::Input {
        name: "bolzano.rileva".to_owned(),
        bytes: text.replacen(good, broken, 1).into_bytes(),
    };
    rileva_compiler::compile(&[input], &[]).diagnostics
}

#[test]
fn one_broken_translation_does_not_make_the_others_missing() {
    for broken in [
        "facilita5.1 \"Überhaupt nicht einfach",
        "facilita5.1 Überhaupt nicht einfach",
    ] {
        let diags = compile_bolzano_with("facilita5.1 \"Überhaupt nicht einfach\"", broken);
        let shown: Vec<String> = diags
            .iter()
            .map(|d| format!("{} {}", d.code, d.message))
            .collect();
        let syntax = diags.iter().filter(|d| d.code == Code::R0001).count();
        assert_eq!(syntax, 1, "{broken:?}: {shown:#?}");
        // Only the broken entry's own text lacks its translation.
        let missing: Vec<&str> = diags
            .iter()
            .filter(|d| d.code == Code::R0301)
            .map(|d| d.message.as_str())
            .collect();
        assert!(
            missing.iter().all(|m| m.contains("code 1 of `facilita5`")) && missing.len() <= 1,
            "{broken:?}: {shown:#?}"
        );
        assert_eq!(diags.len(), syntax + missing.len(), "{broken:?}: {shown:#?}");
    }
}
