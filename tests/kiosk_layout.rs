//! Property tests of the kiosk layout engine: on any screen from 320 x 320 to 3840 x 2160,
//! landscape or portrait, a survey either gets R0502 or a layout whose buttons lie inside the
//! screen, do not overlap, keep their least size and read at 4.5:1.

#[path = "../targets/src/kiosk/fixture.rs"]
#[allow(dead_code)]
mod fixture;

use proptest::prelude::*;
use rileva_compiler::ir;
use rileva_targets::kiosk::colors::{contrast, Rgb, MIN_TEXT_CONTRAST};
use rileva_targets::kiosk::layout::{self, Shape};
use rileva_targets::kiosk::model::{Rect, Screen};
use rileva_targets::kiosk::{screens, validate};

fn sized(width: u32, height: u32) -> ir::Survey {
    let mut survey = fixture::survey();
    survey.kiosk.width = width;
    survey.kiosk.height = height;
    survey
}

/// Every rectangle of every screen inside the screen and apart; least sizes; contrast.
fn assert_sound(survey: &ir::Survey) -> Result<(), TestCaseError> {
    let (w, h) = (survey.kiosk.width, survey.kiosk.height);
    let layout = screens::build(survey, "/responses").map_err(|_| TestCaseError::fail("no layout"))?;
    for screen in &layout.screens {
        let Screen::Question(q) = screen else { continue };
        let mut rects: Vec<Rect> = vec![q.header];
        for b in &q.buttons {
            let least = if b.face.is_some() {
                layout::MIN_FACE_PX
            } else {
                layout::MIN_TARGET_PX
            };
            prop_assert!(
                b.rect.width >= least && b.rect.height >= least,
                "{} {:?}",
                b.id,
                b.rect
            );
            let (bg, fg) = (Rgb::parse(&b.background), Rgb::parse(&b.text_color));
            let (bg, fg) = (bg.expect("hex"), fg.expect("hex"));
            prop_assert!(contrast(bg, fg) >= MIN_TEXT_CONTRAST);
            rects.push(b.rect);
        }
        for c in &q.controls {
            prop_assert!(
                c.rect.width >= layout::MIN_CONTROL_WIDTH_PX && c.rect.height >= layout::MIN_TARGET_PX
            );
            rects.push(c.rect);
        }
        for (i, a) in rects.iter().enumerate() {
            prop_assert!(a.within(w, h), "{}: {a:?} outside {w}x{h}", q.question);
            for b in &rects[i + 1..] {
                prop_assert!(!a.overlaps(b), "{}: {a:?} overlaps {b:?}", q.question);
            }
        }
        if q.buttons.iter().any(|b| b.face.is_some()) {
            prop_assert!(
                q.buttons.iter().all(|b| b.rect.y == q.buttons[0].rect.y),
                "faces in one row"
            );
            prop_assert_eq!(
                q.buttons.iter().map(|b| b.code).collect::<Vec<_>>(),
                vec![3, 2, 1]
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_screen_gets_a_sound_layout_or_r0502(width in 320u32..=3840, height in 320u32..=2160) {
        let survey = sized(width, height);
        let diagnostics = validate(&survey);
        if diagnostics.is_empty() {
            assert_sound(&survey)?;
        } else {
            prop_assert!(diagnostics.iter().all(|d| d.code == rileva_compiler::diagnostics::Code::R0502));
            prop_assert!(screens::build(&survey, "/responses").is_err());
        }
        // Screens a kiosk is sold with always fit.
        if width >= 480 && height >= 480 {
            prop_assert!(validate(&survey).is_empty(), "{width}x{height} should fit");
        }
    }

    #[test]
    fn portrait_and_landscape_of_one_size_both_work(a in 480u32..=2160, b in 480u32..=2160) {
        assert_sound(&sized(a.max(b), a.min(b)))?;
        assert_sound(&sized(a.min(b), a.max(b)))?;
    }

    #[test]
    fn the_engine_alone_keeps_its_invariants(
        width in 320u32..=3840,
        height in 320u32..=2160,
        buttons in 1usize..=11,
        longest in 1usize..=60,
        icon in any::<bool>(),
        controls in 0u8..8,
    ) {
        let shape = if icon { Shape::Icon } else { Shape::Text { longest } };
        let spec = layout::ScreenSpec {
            buttons,
            shape,
            language: controls & 1 != 0,
            skip: controls & 2 != 0,
            confirm: controls & 4 != 0,
        };
        if let Ok(p) = layout::place(width, height, &spec) {
            let mut rects = vec![p.header];
            rects.extend(p.buttons.iter().copied());
            rects.extend([p.language, p.skip, p.confirm].into_iter().flatten());
            prop_assert_eq!(p.buttons.len(), buttons);
            for (i, r) in rects.iter().enumerate() {
                prop_assert!(r.within(width, height));
                prop_assert!(rects[i + 1..].iter().all(|o| !r.overlaps(o)));
            }
            prop_assert!(p.buttons.iter().all(|r| r.width >= 44 && r.height >= 44));
        }
    }
}

#[test]
fn a_tiny_screen_gives_r0502_for_an_eight_option_choice() {
    let mut survey = sized(200, 150);
    let mut eight = fixture::question(
        "ufficio",
        ir::QuestionKind::Choice,
        fixture::text("Ufficio?", "Office?"),
        vec![],
    );
    eight.codes = (1..=8)
        .map(|v| fixture::code(v, &format!("Ufficio {v}"), &format!("Office {v}")))
        .collect();
    survey.questions = vec![eight];
    let diagnostics = validate(&survey);
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(
        diagnostics[0].primary.message,
        "this question needs 8 buttons of at least 44 px"
    );
}
