//! Formatting stage tests: each layout rule, continuation lines, refusal of bad syntax.

use super::*;

fn formats_to(input: &str, expected: &str) {
    let out = layout(input);
    assert_eq!(out, expected, "\n--- got\n{out}\n--- expected\n{expected}");
    assert_eq!(layout(&out), out, "not idempotent");
    assert_eq!(contents(input), contents(&out), "content changed");
}

#[test]
fn indents_by_brace_depth() {
    formats_to(
        "survey a.b {\nversion 1.0.0\n      question q: yesno {\n\"Ok?\"\n}\n}",
        "survey a.b {\n  version 1.0.0\n  question q: yesno {\n    \"Ok?\"\n  }\n}\n",
    );
}

#[test]
fn tabs_trailing_spaces_and_final_newlines() {
    formats_to(
        "scale s {\t\n\t1 \"A\"   \n\t\t2 \"B\"\r\n}\n\n\n",
        "scale s {\n  1 \"A\"\n  2 \"B\"\n}\n",
    );
}

#[test]
fn blank_lines_collapse_and_leave_block_edges() {
    formats_to(
        "\n\nimport istat.cx\n\n\n\nsurvey a.b {\n\n  version 1.0.0\n\n\n  title \"T\"\n\n}\n",
        "import istat.cx\n\nsurvey a.b {\n  version 1.0.0\n\n  title \"T\"\n}\n",
    );
}

#[test]
fn translations_under_a_wording_keep_their_extra_indentation() {
    let input =
        "module m {\n  question q: yesno {\n    \"Ok?\"\n      en \"Ok?\"\n      de \"Gut?\"\n  }\n}\n";
    formats_to(input, input);
    // Re-indented with their statement.
    formats_to(
        "module m {\nquestion q: yesno {\n\"Ok?\"\n  en \"Ok?\"\n}\n}\n",
        "module m {\n  question q: yesno {\n    \"Ok?\"\n      en \"Ok?\"\n  }\n}\n",
    );
    // A translation flush with its wording is moved in one step.
    formats_to(
        "module m {\n  question q: yesno {\n    \"Ok?\"\n    en \"Ok?\"\n  }\n}\n",
        "module m {\n  question q: yesno {\n    \"Ok?\"\n      en \"Ok?\"\n  }\n}\n",
    );
}

#[test]
fn a_split_check_keeps_its_alignment() {
    let input = "survey a.b {\n  check not (x has 5\n             and (x has 1\n                  or x has 2))\n    else \"No\"\n}\n";
    formats_to(input, input);
    let shifted: String = input.lines().map(|l| format!("    {l}\n")).collect();
    formats_to(&shifted, input);
}

#[test]
fn entries_of_translation_and_kinds_blocks_are_not_continuations() {
    let input = "survey a.b {\n  translations de {\n    q \"A\"\n    en \"B\"\n  }\n}\n\
                 kinds pa {\n  comune \"Comune\"\n    en \"Municipality\"\n  asl \"ASL\"\n}\n";
    formats_to(input, input);
}

#[test]
fn codes_and_specify() {
    formats_to(
        "options o {\n1 \"A\"\n    en \"A\"\n99 \"Altro\"\nspecify\nmissing 9 \"Non so\"\n}\n",
        "options o {\n  1 \"A\"\n      en \"A\"\n  99 \"Altro\"\n    specify\n  missing 9 \"Non so\"\n}\n",
    );
}

#[test]
fn sites_and_positive_codes() {
    formats_to(
        "survey a.b {\nsites {\ncentro \"Centro\"\nen \"Centre\"\nsud \"Sud\" en \"South\"\n}\n}\n\
         scale s {\n1 \"No\"\n2 \"Sì\"\npositive 2\nmissing 9 \"Non so\"\n}\n",
        "survey a.b {\n  sites {\n    centro \"Centro\"\n      en \"Centre\"\n    sud \"Sud\" en \"South\"\n  }\n}\n\
         scale s {\n  1 \"No\"\n  2 \"Sì\"\n  positive 2\n  missing 9 \"Non so\"\n}\n",
    );
}

#[test]
fn routing_over_two_lines() {
    formats_to(
        "module m {\nquestion q: yesno {\n\"Ok?\"\nshow if a = 1 and\nb = 2\nrequired\n}\n}\n",
        "module m {\n  question q: yesno {\n    \"Ok?\"\n    show if a = 1 and\n      b = 2\n    required\n  }\n}\n",
    );
}

#[test]
fn comments_are_kept_and_placed() {
    formats_to(
        "// head  \n/// doc\nmodule m { // opens\n// inside\nquestion q: yesno {\n\"Ok?\"\n// before en\n  en \"Ok\" // trailing\n// last\n}\n}\n",
        "// head\n/// doc\nmodule m { // opens\n  // inside\n  question q: yesno {\n    \"Ok?\"\n      // before en\n      en \"Ok\" // trailing\n    // last\n  }\n}\n",
    );
}

#[test]
fn braces_and_comment_markers_in_strings_are_text() {
    let input = "survey a.b {\n  title \"{ // }\" en \"}}\"\n  version 1.0.0\n}\n";
    formats_to(input, input);
}

#[test]
fn an_empty_file_stays_empty() {
    formats_to("", "");
    formats_to("\n \n\t\n", "");
}

#[test]
fn a_byte_order_mark_is_kept() {
    formats_to("\u{FEFF}import a\n", "\u{FEFF}import a\n");
}

#[test]
fn refuses_a_file_that_does_not_parse() {
    let errors = format(crate::source::FileId(0), "survey a.b {\n  version\n").unwrap_err();
    assert!(!errors.is_empty());
    assert!(errors.iter().all(|d| d.code == crate::diagnostics::Code::R0001));
}

#[test]
fn formats_a_file_that_parses() {
    let text = "survey a.b {\nversion 1.0.0\ntitle \"T\"\n}\n";
    let out = format(crate::source::FileId(0), text).expect("parses");
    assert_eq!(out, "survey a.b {\n  version 1.0.0\n  title \"T\"\n}\n");
}

mod properties {
    use super::super::{contents, layout};
    use proptest::prelude::*;

    /// Text made of the characters the layout cares about, valid syntax or not.
    fn source() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("{"),
                Just("}"),
                Just("\""),
                Just("\\"),
                Just("//"),
                Just("\n"),
                Just("\n\n"),
                Just(" "),
                Just("\t"),
                Just("\r"),
                Just("en \"x\""),
                Just("question"),
                Just("kinds"),
                Just("translations"),
                Just("and"),
                Just("9"),
                Just("é"),
            ],
            0..60,
        )
        .prop_map(|parts| parts.concat())
    }

    proptest! {
        #[test]
        fn layout_is_idempotent_and_keeps_every_line(text in source()) {
            let once = layout(&text);
            prop_assert_eq!(layout(&once), once.clone());
            prop_assert_eq!(contents(&text), contents(&once));
        }
    }
}
