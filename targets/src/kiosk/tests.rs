//! Kiosk target, tests: the layout of a hand-built survey, R0502, escaping in page and SVG.

use super::colors::{contrast, Rgb, MIN_TEXT_CONTRAST};
use super::fixture;
use super::model::*;
use super::*;
use rileva_compiler::ir::{Channel, Expr, QuestionKind};
use rileva_compiler::source::{FileId, Span};

fn layout_of(survey: &ir::Survey) -> Layout {
    screens::build(survey, "/responses").unwrap_or_else(|_| panic!("{} should fit", survey.id))
}

fn questions(layout: &Layout) -> Vec<&QuestionScreen> {
    layout
        .screens
        .iter()
        .filter_map(|s| match s {
            Screen::Question(q) => Some(q.as_ref()),
            Screen::Thanks(_) => None,
        })
        .collect()
}

fn file<'a>(files: &'a [OutputFile], path: &str) -> &'a str {
    let f = files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("no {path}"));
    std::str::from_utf8(&f.contents).expect("utf-8")
}

#[test]
fn one_screen_per_kiosk_question_then_thanks() {
    let layout = layout_of(&fixture::survey());
    let ids: Vec<&str> = questions(&layout).iter().map(|q| q.question.as_str()).collect();
    // `commento` is asked on the web only.
    assert_eq!(
        ids,
        ["giudizio", "motivo", "prima_volta", "stelle", "servizi", "attesa"]
    );
    let numbers: Vec<u32> = layout.screens.iter().map(Screen::number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7]);
    let Some(Screen::Thanks(thanks)) = layout.screens.last() else {
        panic!("thanks last")
    };
    assert_eq!(thanks.next, 1);
    assert_eq!(
        thanks.text.get("en").map(String::as_str),
        Some("Thank you for your feedback")
    );
    let q = questions(&layout);
    assert_eq!(
        q[0].navigation,
        Navigation {
            after_answer: AfterAnswer::Next,
            next: 2
        }
    );
    assert_eq!(
        q[5].navigation,
        Navigation {
            after_answer: AfterAnswer::Submit,
            next: 7
        }
    );
    assert_eq!(q[1].show_if, fixture::survey().questions[1].show_if);
    assert_eq!(q[5].missing_codes, [9]);
    assert_eq!(layout.channel, "kiosk");
}

#[test]
fn faces_are_green_first_with_their_codes_and_drawn_faces() {
    let layout = layout_of(&fixture::survey());
    let faces = &questions(&layout)[0].buttons;
    let codes: Vec<i64> = faces.iter().map(|b| b.code).collect();
    assert_eq!(codes, [3, 2, 1]);
    let drawn: Vec<Option<Face>> = faces.iter().map(|b| b.face).collect();
    assert_eq!(drawn, [Some(Face::Happy), Some(Face::Neutral), Some(Face::Sad)]);
    assert_eq!(faces[0].background, colors::FACE_GREEN.to_string());
    assert_eq!(faces[2].label.get("it").map(String::as_str), Some("Negativo"));
    assert!(faces
        .windows(2)
        .all(|w| w[0].rect.right() <= w[1].rect.x && w[0].rect.y == w[1].rect.y));
    assert!(faces
        .iter()
        .all(|b| b.rect.width >= layout::MIN_FACE_PX && b.rect.height >= layout::MIN_FACE_PX));
}

#[test]
fn every_label_reads_at_4_5_to_1_and_every_rect_is_sound() {
    let layout = layout_of(&fixture::survey());
    for q in questions(&layout) {
        let mut rects = vec![q.header];
        for (bg, fg) in q
            .buttons
            .iter()
            .map(|b| (&b.background, &b.text_color))
            .chain(q.controls.iter().map(|c| (&c.background, &c.text_color)))
        {
            let (bg, fg) = (Rgb::parse(bg).expect("hex"), Rgb::parse(fg).expect("hex"));
            assert!(
                contrast(bg, fg) >= MIN_TEXT_CONTRAST,
                "{} {bg} on {fg}",
                q.question
            );
        }
        rects.extend(q.buttons.iter().map(|b| b.rect));
        rects.extend(q.controls.iter().map(|c| c.rect));
        for (i, a) in rects.iter().enumerate() {
            assert!(a.within(1280, 800));
            assert!(
                rects[i + 1..].iter().all(|b| !a.overlaps(b)),
                "{}: {a:?}",
                q.question
            );
        }
        assert!(q
            .buttons
            .iter()
            .all(|b| b.rect.width >= 44 && b.rect.height >= 44));
        assert!(q.label_font_px >= 14 && q.wording_font_px >= 14);
    }
}

#[test]
fn controls_follow_the_question() {
    let layout = layout_of(&fixture::survey());
    let q = questions(&layout);
    let actions = |i: usize| q[i].controls.iter().map(|c| c.action).collect::<Vec<_>>();
    // Required faces: only the language switch. Optional multi: switch, skip, confirm.
    assert_eq!(actions(0), [Action::Language]);
    assert_eq!(actions(4), [Action::Language, Action::Skip, Action::Confirm]);
    assert_eq!(
        (q[4].min_picks, q[4].max_picks, q[4].selection),
        (Some(1), Some(2), Selection::Multi)
    );
    let switch = &q[0].controls[0];
    assert_eq!(switch.label.get("it").map(String::as_str), Some("English"));
    assert_eq!(switch.label.get("en").map(String::as_str), Some("Italiano"));
    // One language: no switch.
    let mut survey = fixture::survey();
    survey.languages = vec!["it".into()];
    assert!(questions(&layout_of(&survey))[0].controls.is_empty());
}

#[test]
fn no_kiosk_channel_means_no_files_and_no_diagnostics() {
    let mut survey = fixture::survey();
    survey.channels = vec![Channel::Web];
    survey.kiosk.width = 100;
    assert!(emit(&survey, &Options::default()).is_empty());
    assert!(validate(&survey).is_empty());
}

#[test]
fn emit_writes_layout_pages_and_one_svg_per_screen() {
    let files = emit(&fixture::survey(), &Options::default());
    let mut paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    paths.sort();
    let mut expected = vec!["kiosk/layout.json", "kiosk/kiosk.en.html", "kiosk/kiosk.it.html"];
    let svgs: Vec<String> = (1..=7).map(|n| format!("kiosk/screen-{n}.svg")).collect();
    expected.extend(svgs.iter().map(String::as_str));
    expected.sort();
    assert_eq!(paths, expected);
    let parsed: Layout =
        serde_json::from_str(file(&files, "kiosk/layout.json")).expect("layout.json reads back");
    assert_eq!(parsed, layout_of(&fixture::survey()));
    assert_eq!(
        emit(&fixture::survey(), &Options::default()),
        files,
        "deterministic"
    );
}

#[test]
fn r0502_on_a_tiny_screen_names_the_question_and_a_screen_that_fits() {
    let mut survey = fixture::survey();
    survey.kiosk.width = 200;
    survey.kiosk.height = 150;
    survey.kiosk.span = Span::new(FileId(0), 500, 520);
    let mut eight = fixture::question(
        "ufficio",
        QuestionKind::Choice,
        fixture::text("Ufficio?", "Office?"),
        vec![],
    );
    eight.codes = (1..=8)
        .map(|v| fixture::code(v, &format!("Ufficio {v}"), &format!("Office {v}")))
        .collect();
    survey.questions = vec![eight.clone()];
    let diagnostics = validate(&survey);
    assert_eq!(diagnostics.len(), 1);
    let d = &diagnostics[0];
    assert_eq!(d.code, Code::R0502);
    assert!(d.is_error());
    assert_eq!(d.primary.span, eight.span);
    assert_eq!(
        d.primary.message,
        "this question needs 8 buttons of at least 44 px"
    );
    assert_eq!(d.secondary.len(), 1);
    assert_eq!(d.secondary[0].span, survey.kiosk.span);
    let help = d.help.clone().expect("help");
    assert!(help.contains("channels web"), "{help}");
    // The screen the help names fits, and a 5% smaller one does not.
    let size: Vec<u32> = help
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .take(2)
        .collect();
    let spec = screens::spec(&survey, &eight);
    assert!(layout::place(size[0], size[1], &spec).is_ok(), "{help}");
    assert!(
        layout::place(size[0] * 95 / 100, size[1] * 95 / 100, &spec).is_err(),
        "{help}"
    );
    assert!(emit(&survey, &Options::default()).is_empty());
    // A default kiosk block has no span: no secondary label.
    survey.kiosk.span = Span::default();
    assert!(validate(&survey)[0].secondary.is_empty());
}

#[test]
fn texts_are_escaped_in_page_layout_and_svg() {
    let mut survey = fixture::survey();
    let nasty = r#"<script>alert("x")</script> & 'quoted' </svg>"#;
    survey.questions[0].wording.0.insert("it".into(), nasty.into());
    survey.questions[1].codes[0]
        .label
        .0
        .insert("it".into(), nasty.into());
    survey.title.0.insert("it".into(), nasty.into());
    let files = emit(&survey, &Options::default());
    let page = file(&files, "kiosk/kiosk.it.html");
    assert!(!page.contains("<script>alert"), "raw markup in the page");
    assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;&#x2f;script&gt; &amp; &#x27;quoted&#x27;"));
    // Exactly the template's two scripts, and the config JSON cannot close its element.
    assert_eq!(page.matches("<script").count(), 2);
    assert_eq!(page.matches("</script>").count(), 2);
    for n in [1, 2, 7] {
        let svg = file(&files, &format!("kiosk/screen-{n}.svg"));
        assert!(!svg.contains("<script"), "screen {n}");
        assert_eq!(
            svg.matches("</svg>").count(),
            1 + svg.matches("<svg x=").count(),
            "screen {n}"
        );
    }
    let svg = file(&files, "kiosk/screen-1.svg");
    assert!(
        svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
        "{svg}"
    );
    assert!(svg.contains("&amp;") && svg.contains("&apos;quoted&apos;"));
}

#[test]
fn page_runs_offline_and_carries_every_language() {
    let files = emit(
        &fixture::survey(),
        &Options {
            endpoint: Some("https://example.org/r".into()),
            ..Default::default()
        },
    );
    let page = file(&files, "kiosk/kiosk.en.html");
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    for external in ["src=", "<link", "@import", "url("] {
        assert!(!page.contains(external), "{external} in the page");
    }
    assert!(page.contains(r#""endpoint":"https://example.org/r""#));
    assert!(page.contains(r#"<span lang="it" hidden>Come valuta il servizio ricevuto?</span>"#));
    assert!(page.contains(r#"<span lang="en">How do you rate the service you received?</span>"#));
    assert!(page.len() < 40 * 1024, "page weight {} bytes", page.len());
}

#[test]
fn routing_is_the_ir_expression() {
    let layout = layout_of(&fixture::survey());
    let json = serde_json::to_value(&layout).expect("json");
    let motivo = &json["screens"][1]["show_if"];
    assert_eq!(
        motivo,
        &serde_json::json!({"op": "compare", "question": "giudizio", "cmp": "=", "value": 1})
    );
    let parsed: Expr = serde_json::from_value(json["screens"][4]["show_if"].clone()).expect("expr");
    assert!(matches!(parsed, Expr::Not { .. }));
}

#[test]
fn absurd_kiosk_sizes_do_not_panic() {
    for (width, height) in [(u32::MAX, u32::MAX), (0, 0), (1, u32::MAX)] {
        let mut survey = fixture::survey();
        survey.kiosk.width = width;
        survey.kiosk.height = height;
        let diagnostics = validate(&survey);
        let files = emit(&survey, &Options::default());
        assert!(diagnostics.is_empty() != files.is_empty(), "{width}x{height}");
    }
}
