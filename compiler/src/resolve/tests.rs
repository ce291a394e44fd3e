//! Resolve stage tests: packages, names, duplicates and standards, on small sources.

use crate::diagnostics::Diagnostic;
use crate::{compile, Compilation, Input, LibPackage};

fn input(src: &str) -> Input {
    Input {
        name: "test.rileva".to_owned(),
        bytes: src.as_bytes().to_vec(),
    }
}

fn lib(package: &str, src: &str) -> LibPackage {
    LibPackage {
        package: package.to_owned(),
        name: format!("lib/{}.rileva", package.replace('.', "/")),
        bytes: src.as_bytes().to_vec(),
    }
}

fn run(src: &str, libs: &[LibPackage]) -> Compilation {
    compile(&[input(src)], libs)
}

fn with_code(c: &Compilation, code: &str) -> Vec<Diagnostic> {
    c.diagnostics
        .iter()
        .filter(|d| d.code.as_str() == code)
        .cloned()
        .collect()
}

const HEADER: &str = "  version 1.0.0\n  title \"T\"\n";

#[test]
fn bare_full_and_aliased_names() {
    for (import, ty) in [
        ("import istat.scales", "accordo5"),
        ("import istat.scales", "istat.scales.accordo5"),
        ("import istat.scales as s", "s.accordo5"),
    ] {
        let src = format!("{import}\nsurvey a.b {{\n{HEADER}  question q: scale {ty} {{ \"Q?\" }}\n}}\n");
        let c = run(&src, &[]);
        assert!(c.diagnostics.is_empty(), "{ty}: {:?}", c.diagnostics);
        let q = &c.surveys[0].questions[0];
        assert_eq!(q.code_list.as_deref(), Some("istat.scales.accordo5"));
    }
}

#[test]
fn local_items_win_over_imported_ones() {
    let src = format!(
        "import istat.scales\nscale accordo5 {{\n  1 \"No\"\n  2 \"Sì\"\n}}\nsurvey a.b {{\n{HEADER}  \
         question q: scale accordo5 {{ \"Q?\" }}\n}}\n"
    );
    let c = run(&src, &[]);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    assert_eq!(c.surveys[0].questions[0].codes.len(), 2);
}

#[test]
fn ambiguous_bare_name_lists_candidates() {
    let other = lib("comune.scale", "scale accordo5 {\n  1 \"No\"\n  2 \"Sì\"\n}\n");
    let src = format!(
        "import istat.scales\nimport comune.scale\nsurvey a.b {{\n{HEADER}  question q: scale accordo5 {{ \"Q?\" }}\n}}\n"
    );
    let c = run(&src, &[other]);
    let found = with_code(&c, "R0105");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert!(found[0].primary.message.contains("`istat.scales.accordo5`"));
    assert!(found[0].primary.message.contains("`comune.scale.accordo5`"));
}

#[test]
fn missing_package_and_import_cycle() {
    let a = lib("ente.a", "import ente.b\nscale x {\n  1 \"A\"\n}\n");
    let b = lib("ente.b", "import ente.a\n");
    let src = "import ente.a\nimport ente.zzz\nsurvey a.b {\n  version 1.0.0\n  title \"T\"\n}\n";
    let c = run(src, &[a, b]);
    let found = with_code(&c, "R0104");
    assert_eq!(found.len(), 2, "{:?}", c.diagnostics);
    assert!(found
        .iter()
        .any(|d| d.message == "import cycle: ente.a -> ente.b -> ente.a"));
    assert!(found.iter().any(|d| d.message == "package `ente.zzz` not found"));
}

#[test]
fn qualified_name_of_a_package_not_imported() {
    let src = format!("survey a.b {{\n{HEADER}  question q: scale istat.scales.accordo5 {{ \"Q?\" }}\n}}\n");
    let c = run(&src, &[]);
    let found = with_code(&c, "R0101");
    assert_eq!(found.len(), 1, "{:?}", c.diagnostics);
    assert_eq!(
        found[0].help.as_deref(),
        Some("add `import istat.scales` at the top of the file")
    );
}

#[test]
fn unknown_kind_language_and_channel() {
    let src = "survey a.b {\n  version 1.0.0\n  title \"T\"\n  languages it ita\n  channels web kiosko\n  \
               agency \"inps\" kind ente_previdenzial\n}\n";
    let c = run(src, &[]);
    let helps: Vec<String> = with_code(&c, "R0101")
        .into_iter()
        .filter_map(|d| d.help)
        .collect();
    assert_eq!(
        helps,
        [
            "write `it`",
            "did you mean `kiosk`?",
            "did you mean `ente_previdenziale`?"
        ]
    );
}

#[test]
fn duplicates_in_one_run() {
    let src = "options o {\n  1 \"A\"\n  1 \"B\"\n}\nsurvey a.b {\n  version 1.0.0\n  title \"T\"\n  \
               question q: choice o { \"Q?\" }\n  question q: yesno { \"Q?\" }\n  \
               section s \"S\" { question r: yesno { \"R?\" } }\n  section s \"S\" { question t: yesno { \"T?\" } }\n}\n";
    let c = run(src, &[]);
    let messages: Vec<String> = with_code(&c, "R0102").into_iter().map(|d| d.message).collect();
    assert_eq!(
        messages,
        [
            "code 1 is written twice in `o`",
            "question `q` is defined twice in the survey",
            "section `s` is defined twice in the survey"
        ]
    );
}

#[test]
fn module_used_twice_is_a_duplicate_at_the_second_use() {
    let src = "import istat.cx\nsurvey a.b {\n  version 1.0.0\n  title \"T\" en \"T\"\n  languages it en\n  \
               use istat.cx.servizio_online\n  use istat.cx.servizio_online\n}\n";
    let c = run(src, &[]);
    let found = with_code(&c, "R0102");
    assert_eq!(found.len(), 2, "{:?}", c.diagnostics);
    assert!(found
        .iter()
        .all(|d| d.primary.message == "this module is already used"));
}

#[test]
fn unknown_standard_version_profile() {
    for (conforms, message) in [
        (
            "istat.cxx 2024.1 profile sportello",
            "unknown standard `istat.cxx`",
        ),
        (
            "istat.cx 2020.1 profile sportello",
            "standard `istat.cx` has no version `2020.1`",
        ),
        (
            "istat.cx 2024.1 profile sportelo",
            "standard `istat.cx` 2024.1 has no profile `sportelo`",
        ),
    ] {
        let src = format!(
            "import istat.cx\nsurvey a.b {{\n{HEADER}  conforms {conforms}\n  use istat.cx.core\n}}\n"
        );
        let c = run(&src, &[]);
        let found = with_code(&c, "R0406");
        assert_eq!(found.len(), 1, "{conforms}: {:?}", c.diagnostics);
        assert_eq!(found[0].message, message);
    }
}

#[test]
fn invalid_utf8_is_reported_at_its_byte() {
    let mut bytes = b"survey a.b {\n  version 1.0.0\n  title \"T".to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(b"\"\n}\n");
    let c = compile(
        &[Input {
            name: "bad.rileva".to_owned(),
            bytes,
        }],
        &[],
    );
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.message.contains("UTF-8"))
        .expect("R0001");
    assert_eq!(d.primary.span.start, 39);
}

#[test]
fn survey_translations_reach_lists_and_module_questions() {
    let src = "import istat.cx\nsurvey a.b {\n  version 1.0.0\n  title \"T\" de \"T\"\n  languages it de\n  \
               use istat.cx.servizio_online\n  translations de {\n    tempo \"Wie lange?\"\n    tempo.1 \"a\"\n    \
               tempo.2 \"b\"\n    tempo.3 \"c\"\n    tempo.4 \"d\"\n    problemi_tecnici \"Probleme?\"\n  }\n}\n";
    let c = run(src, &[]);
    assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
    let q = &c.surveys[0].questions[0];
    assert_eq!(q.wording.get("de"), "Wie lange?");
    assert_eq!(q.codes[0].label.get("de"), "a");
    assert_eq!(c.surveys[0].questions[1].codes[0].label.get("de"), "Ja");
}

#[test]
fn modules_of_an_input_file_are_checked_without_a_survey() {
    let src = "import istat.scales\nmodule base {\n  question voto: scale soddisfazione5 { \"Voto?\" en \"Mark?\" }\n  \
               question perche: text {\n    \"Perché?\"\n    show if vot < 2 or voto has 3\n  }\n}\n\
               standard ente.cx {\n  version 2025.1\n  title \"S\" en \"S\"\n  languages it en\n}\n";
    let c = run(src, &[]);
    let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["R0301", "R0101", "R0201"], "{:?}", c.diagnostics);
}

#[test]
fn names_of_a_standard_in_the_inputs() {
    let src = "module base {\n  question q: yesno { \"Q?\" }\n}\nstandard ente.cx {\n  version 2025.1\n  \
               title \"S\"\n  languages it xx\n  channels web chiosco\n  profile p \"P\" {\n    \
               service kinds sportelo\n    pa kinds comune\n    require bas\n  }\n}\n";
    let c = run(src, &[]);
    let helps: Vec<String> = with_code(&c, "R0101")
        .into_iter()
        .filter_map(|d| d.help)
        .collect();
    assert_eq!(helps.len(), 4, "{:?}", c.diagnostics);
    assert_eq!(helps[2], "did you mean `sportello`?");
    assert_eq!(helps[3], "did you mean `base`?");
}
