//! Syntax stage: each construct of docs/language.md §1-9 parses into the expected tree.

use rileva_compiler::source::FileId;
use rileva_compiler::syntax::ast::*;
use rileva_compiler::syntax::parse;

fn parse_clean(text: &str) -> File {
    let (file, diagnostics) = parse(FileId(0), text);
    assert!(
        diagnostics.is_empty(),
        "unexpected diagnostics for {text:?}: {diagnostics:#?}"
    );
    file
}

/// The body of the only survey of `text`.
fn body(text: &str) -> Vec<BodyItem> {
    match parse_clean(text).items.into_iter().next() {
        Some(Item::Survey(s)) => s.body.clone(),
        other => panic!("expected a survey, got {other:?}"),
    }
}

fn question(text: &str) -> Question {
    let source = format!("survey a.b {{\n{text}\n}}\n");
    match body(&source).into_iter().next() {
        Some(BodyItem::Question(q)) => (*q).clone(),
        other => panic!("expected a question, got {other:?}"),
    }
}

fn show_if(condition: &str) -> Expr {
    let q = question(&format!("question q: yesno {{ \"Q?\" show if {condition} }}"));
    match q.properties.into_iter().next() {
        Some(Property::ShowIf(e)) => e,
        other => panic!("expected show if, got {other:?}"),
    }
}

/// A compact rendering of an expression: `or(a=1, and(b=1, not(c=1)))`.
fn render(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Or(l, r) => format!("or({}, {})", render(l), render(r)),
        ExprKind::And(l, r) => format!("and({}, {})", render(l), render(r)),
        ExprKind::Not(x) => format!("not({})", render(x)),
        ExprKind::Paren(x) => format!("({})", render(x)),
        ExprKind::Compare { question, op, value } => {
            format!("{}{}{}", question.name, op.as_str(), value.value)
        }
        ExprKind::In { question, values } => {
            let codes: Vec<String> = values.iter().map(|v| v.value.to_string()).collect();
            format!("{} in [{}]", question.name, codes.join(","))
        }
        ExprKind::Has { question, code } => format!("{} has {}", question.name, code.value),
        ExprKind::Answered(q) => format!("answered {}", q.name),
    }
}

#[test]
fn precedence_not_and_or() {
    assert_eq!(
        render(&show_if("a = 1 or b = 1 and not c = 1")),
        "or(a=1, and(b=1, not(c=1)))"
    );
    assert_eq!(render(&show_if("not a = 1 and b = 1")), "and(not(a=1), b=1)");
    assert_eq!(
        render(&show_if("a = 1 or b = 1 or c = 1")),
        "or(or(a=1, b=1), c=1)"
    );
    assert_eq!(
        render(&show_if("(a = 1 or b = 1) and c = 1")),
        "and((or(a=1, b=1)), c=1)"
    );
    assert_eq!(
        render(&show_if(
            "not (x != -1) and y in [1, 2,] or z has 99 and answered w"
        )),
        "or(and(not((x!=-1)), y in [1,2]), and(z has 99, answered w))"
    );
    for op in ["=", "!=", "<", "<=", ">", ">="] {
        assert_eq!(render(&show_if(&format!("a {op} 2"))), format!("a{op}2"));
    }
    assert_eq!(render(&show_if("a>=-3")), "a>=-3");
}

#[test]
fn expression_spans_cover_their_text() {
    let text = "survey a.b {\n question q: yesno { \"Q?\" show if a = 1 or not b = 2 }\n}";
    let Some(BodyItem::Question(q)) = body(text).into_iter().next() else {
        panic!()
    };
    let Some(Property::ShowIf(e)) = q.properties.first() else {
        panic!()
    };
    assert_eq!(&text[e.span.range()], "a = 1 or not b = 2");
}

#[test]
fn keywords_and_odd_spellings_as_question_ids() {
    for id in [
        "version",
        "help",
        "question",
        "text",
        "not",
        "answered",
        "in",
        "Soddisfazione",
        "tempo-attesa",
        "città",
    ] {
        let q = question(&format!("question {id}: yesno {{ \"Q?\" }}"));
        assert_eq!(q.name.name, id);
    }
    assert_eq!(render(&show_if("not not = 1")), "not(not=1)");
    assert_eq!(render(&show_if("answered answered")), "answered answered");
    assert_eq!(
        render(&show_if("help = 1 and version in [2]")),
        "and(help=1, version in [2])"
    );
}

#[test]
fn every_question_type() {
    let ty = |t: &str| question(&format!("question q: {t} {{ \"Q?\" }}")).ty;
    assert!(matches!(ty("scale s.accordo5"), QuestionType::Scale(p) if p.dotted() == "s.accordo5"));
    assert!(matches!(ty("choice motivi"), QuestionType::Choice(Some(p)) if p.dotted() == "motivi"));
    assert!(matches!(ty("choice"), QuestionType::Choice(None)));
    assert!(matches!(ty("multi motivi"), QuestionType::Multi(Some(_))));
    assert!(matches!(ty("multi"), QuestionType::Multi(None)));
    assert!(matches!(ty("faces"), QuestionType::Faces));
    assert!(matches!(ty("rating 5"), QuestionType::Rating(n) if n.value == 5));
    assert!(matches!(ty("nps"), QuestionType::Nps));
    assert!(matches!(ty("yesno"), QuestionType::YesNo));
    assert!(
        matches!(ty("number -10..-1"), QuestionType::Number { min, max } if min.value == -10 && max.value == -1)
    );
    assert!(
        matches!(ty("number 0 .. 120"), QuestionType::Number { min, max } if min.value == 0 && max.value == 120)
    );
    assert!(matches!(ty("text max 200"), QuestionType::Text { max: Some(m) } if m.value == 200));
    assert!(matches!(ty("text"), QuestionType::Text { max: None }));
}

#[test]
fn every_property_and_inline_codes() {
    let q = question(
        r#"/// Why it went wrong.
  question motivi: multi {
    "Che cosa non ha funzionato?" en "What did not work?" de "Was hat nicht funktioniert?"
    help "Al massimo tre." en "At most three."
    required
    show if soddisfazione <= 2
    channels web kiosk
    personal
    locked
    min 1
    max 3
    1 "Tempi di attesa" en "Waiting time"
    missing 9 "Non so"
    99 "Altro" en "Other" specify
  }"#,
    );
    assert_eq!(q.doc.as_deref(), Some("Why it went wrong."));
    let wording = q.wording.unwrap();
    assert_eq!(wording.translations.len(), 2);
    assert_eq!(wording.translations[1].language.name, "de");
    let kinds: Vec<&str> = q
        .properties
        .iter()
        .map(|p| match p {
            Property::Help(_) => "help",
            Property::Required(_) => "required",
            Property::ShowIf(_) => "show if",
            Property::Channels(c, _) if c.len() == 2 => "channels",
            Property::Personal(_) => "personal",
            Property::Locked(_) => "locked",
            Property::Min(n, _) if n.value == 1 => "min",
            Property::Max(n, _) if n.value == 3 => "max",
            _ => "?",
        })
        .collect();
    assert_eq!(
        kinds,
        ["help", "required", "show if", "channels", "personal", "locked", "min", "max"]
    );
    let codes: Vec<(i64, bool, bool, usize)> = q
        .codes
        .iter()
        .map(|c| (c.code.value, c.missing, c.specify, c.label.translations.len()))
        .collect();
    assert_eq!(
        codes,
        [(1, false, false, 1), (9, true, false, 0), (99, false, true, 1)]
    );
}

#[test]
fn strings_escapes_and_translations_before_keywords() {
    let q = question(r#"question q: yesno { "Dica \"sì\"\\\n\u{e8}" help "h" required }"#);
    assert_eq!(q.wording.unwrap().default.value, "Dica \"sì\"\\\nè");
    assert_eq!(q.properties.len(), 2);
}

#[test]
fn items_scales_options_kinds_imports() {
    let file = parse_clean(
        r#"import istat.scales as s
import istat.cx
/// Satisfaction.
/// Five points.
scale soddisfazione5 { 1 "Per niente" en "Not at all" missing 9 "Non so" }
options motivi { 1 "Tempi" 99 "Altro" specify }
kinds pa { comune "Comune" en "Municipality" asl "ASL" ente "Ente" de "Körperschaft" }
"#,
    );
    let [Item::Import(a), Item::Import(b), Item::CodeList(scale), Item::CodeList(options), Item::Kinds(kinds)] =
        file.items.as_slice()
    else {
        panic!("{:#?}", file.items)
    };
    assert_eq!(
        (
            a.package.dotted().as_str(),
            a.alias.as_ref().unwrap().name.as_str()
        ),
        ("istat.scales", "s")
    );
    assert!(b.alias.is_none());
    assert_eq!(
        (scale.kind, scale.doc.as_deref()),
        (CodeListKind::Scale, Some("Satisfaction.\nFive points."))
    );
    assert!(scale.codes[1].missing);
    assert_eq!(options.kind, CodeListKind::Options);
    assert!(options.codes[1].specify);
    let names: Vec<&str> = kinds.kinds.iter().map(|k| k.name.name.as_str()).collect();
    assert_eq!(names, ["comune", "asl", "ente"]);
    assert_eq!(kinds.kinds[2].label.translations[0].text.value, "Körperschaft");
}

#[test]
fn module_with_title_and_standard_with_profiles() {
    let file = parse_clean(
        r#"/// Core module.
module core {
  title "Nucleo comune"
  section a "A" { question q: yesno { "Q?" } }
  use other.module
  check q = 1 else "Deve rispondere sì" en "Must answer yes"
}
/// The standard.
standard istat.cx {
  version 2024.1
  title "CX" en "CX"
  languages it en
  channels web app kiosk
  anonymous
  max minutes 3
  /// Online applications.
  profile istanza_online "Istanze online" {
    service kinds istanza_online prenotazione
    pa kinds any
    require core servizio_online
    allow approfondimento
    extra max 5
  }
  profile minimo { pa kinds comune }
}
"#,
    );
    let Item::Module(module) = &file.items[0] else {
        panic!()
    };
    assert_eq!(module.doc.as_deref(), Some("Core module."));
    assert_eq!(module.title.as_ref().unwrap().default.value, "Nucleo comune");
    assert!(matches!(
        &module.body[..],
        [BodyItem::Section(_), BodyItem::Use(_), BodyItem::Check(_)]
    ));
    let Item::Standard(standard) = &file.items[1] else {
        panic!()
    };
    let kinds: Vec<&str> = standard
        .statements
        .iter()
        .map(|s| match s {
            StandardStmt::Version(_) => "version",
            StandardStmt::Title(_) => "title",
            StandardStmt::Languages(l, _) if l.len() == 2 => "languages",
            StandardStmt::Channels(c, _) if c.len() == 3 => "channels",
            StandardStmt::Anonymous(_) => "anonymous",
            StandardStmt::MaxMinutes(n, _) if n.value == 3 => "max minutes",
            StandardStmt::Profile(_) => "profile",
            _ => "?",
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "version",
            "title",
            "languages",
            "channels",
            "anonymous",
            "max minutes",
            "profile",
            "profile"
        ]
    );
    let StandardStmt::Profile(profile) = &standard.statements[6] else {
        panic!()
    };
    assert_eq!(profile.doc.as_deref(), Some("Online applications."));
    assert_eq!(profile.title.as_ref().unwrap().default.value, "Istanze online");
    assert!(
        matches!(&profile.statements[0], ProfileStmt::ServiceKinds(KindList::Kinds(k), _) if k.len() == 2)
    );
    assert!(matches!(
        &profile.statements[1],
        ProfileStmt::PaKinds(KindList::Any(_), _)
    ));
    assert!(matches!(&profile.statements[2], ProfileStmt::Require(m, _) if m.len() == 2));
    assert!(matches!(&profile.statements[3], ProfileStmt::Allow(m, _) if m.len() == 1));
    assert!(matches!(&profile.statements[4], ProfileStmt::ExtraMax(n, _) if n.value == 5));
}

#[test]
fn survey_header_anonymous_kiosk_minutes_and_translation_keys() {
    let file = parse_clean(
        r#"survey a.b {
  version 1.2.0
  title "T"
  anonymous
  agency "inps"
  kiosk { thanks "Grazie" reset after 2m }
  translations en { title "Title" q.help "Help" motivi.99 "Other" s.x.1 "deep" }
}"#,
    );
    let Item::Survey(s) = &file.items[0] else { panic!() };
    assert!(matches!(s.header[2], HeaderStmt::Anonymous(_)));
    assert!(matches!(&s.header[3], HeaderStmt::Agency { kind: None, .. }));
    let HeaderStmt::Kiosk(k) = &s.header[4] else {
        panic!()
    };
    assert_eq!(k.reset_after.as_ref().unwrap().seconds, 120);
    assert!(k.screen.is_none());
    let BodyItem::Translations(t) = &s.body[0] else {
        panic!()
    };
    let keys: Vec<usize> = t.entries.iter().map(|e| e.key.len()).collect();
    assert_eq!(keys, [1, 2, 2, 3]);
    assert!(matches!(&t.entries[2].key[1], KeySegment::Code(c) if c.value == 99));
    assert!(matches!(&t.entries[1].key[1], KeySegment::Name(n) if n.name == "help"));
}

#[test]
fn crlf_line_endings_parse_like_lf() {
    let text = "/// Doc.\r\nsurvey a.b {\r\n  title \"T\" en \"T\"\r\n  question q: yesno {\r\n    \"Q?\"\r\n  }\r\n}\r\n";
    let file = parse_clean(text);
    let Item::Survey(s) = &file.items[0] else { panic!() };
    assert_eq!(s.doc.as_deref(), Some("Doc."));
    assert_eq!(s.body.len(), 1);
}

#[test]
fn empty_and_comment_only_files() {
    for text in ["", "   \n\t\n", "\u{FEFF}// nothing here\n//// not a doc\n"] {
        let (file, diagnostics) = parse(FileId(3), text);
        assert!(file.items.is_empty() && diagnostics.is_empty());
    }
}
