//! Unit tests of the kiosk layout engine: geometry invariants over many screen sizes.

use super::*;

fn spec(buttons: usize, shape: Shape) -> ScreenSpec {
    ScreenSpec {
        buttons,
        shape,
        language: false,
        skip: false,
        confirm: false,
    }
}

fn all_rects(p: &Placement) -> Vec<Rect> {
    let mut rects = vec![p.header];
    rects.extend(p.buttons.iter().copied());
    rects.extend([p.language, p.skip, p.confirm].into_iter().flatten());
    rects
}

/// Every rectangle inside the screen, none overlapping, buttons at least their least side.
fn assert_sound(width: u32, height: u32, s: &ScreenSpec, p: &Placement) {
    let rects = all_rects(p);
    for (i, a) in rects.iter().enumerate() {
        assert!(a.within(width, height), "{a:?} outside {width}x{height}");
        for b in &rects[i + 1..] {
            assert!(!a.overlaps(b), "{a:?} overlaps {b:?} on {width}x{height}");
        }
    }
    assert_eq!(p.buttons.len(), s.buttons);
    for b in &p.buttons {
        assert!(
            b.width >= s.shape.min_side() && b.height >= s.shape.min_side(),
            "{b:?}"
        );
    }
    for c in [p.language, p.skip, p.confirm].into_iter().flatten() {
        assert!(
            c.width >= MIN_CONTROL_WIDTH_PX && c.height >= MIN_TARGET_PX,
            "{c:?}"
        );
    }
}

const SHAPES: [Shape; 4] = [
    Shape::Face,
    Shape::Icon,
    Shape::Text { longest: 8 },
    Shape::Text { longest: 40 },
];

#[test]
fn layouts_are_sound_on_many_screen_sizes() {
    let mut placed = 0;
    for width in (320..=3840).step_by(97) {
        for height in (320..=2160).step_by(89) {
            for shape in SHAPES {
                for n in [2, 3, 5, 6, 8, 10, 11] {
                    let n = if shape == Shape::Face { 3 } else { n };
                    let s = ScreenSpec {
                        language: n % 2 == 0,
                        skip: n > 5,
                        confirm: n == 8,
                        ..spec(n, shape)
                    };
                    if let Ok(p) = place(width, height, &s) {
                        assert_sound(width, height, &s, &p);
                        placed += 1;
                    }
                }
            }
        }
    }
    assert!(placed > 10_000, "only {placed} layouts fitted");
}

#[test]
fn common_kiosk_screens_fit_everything_a_kiosk_may_ask() {
    for (width, height) in [
        (1280, 800),
        (800, 1280),
        (1920, 1080),
        (1080, 1920),
        (1024, 600),
        (800, 480),
    ] {
        for shape in SHAPES {
            let n = if shape == Shape::Face { 3 } else { 8 };
            let s = ScreenSpec {
                language: true,
                skip: true,
                confirm: true,
                ..spec(n, shape)
            };
            let p = place(width, height, &s).unwrap_or_else(|_| panic!("{width}x{height} {shape:?}"));
            assert_sound(width, height, &s, &p);
        }
    }
}

#[test]
fn faces_stand_in_one_row_and_are_large() {
    let p = place(1280, 800, &spec(3, Shape::Face)).expect("fits");
    let ys: Vec<u32> = p.buttons.iter().map(|b| b.y).collect();
    assert_eq!(ys, vec![ys[0]; 3]);
    assert!(
        p.buttons.windows(2).all(|w| w[0].right() < w[1].x),
        "left to right"
    );
    assert!(
        p.buttons.iter().all(|b| b.width >= 300 && b.height >= 300),
        "{:?}",
        p.buttons
    );
    // Portrait too: still one row.
    let p = place(800, 1280, &spec(3, Shape::Face)).expect("fits");
    assert!(p.buttons.iter().all(|b| b.y == p.buttons[0].y && b.width >= 200));
}

#[test]
fn the_grid_maximises_button_size() {
    // Two yes/no buttons on a landscape screen: side by side, not stacked.
    let p = place(1280, 800, &spec(2, Shape::Icon)).expect("fits");
    assert_eq!(p.buttons[0].y, p.buttons[1].y);
    // On a tall narrow screen they stack.
    let p = place(600, 1900, &spec(2, Shape::Icon)).expect("fits");
    assert_eq!(p.buttons[0].x, p.buttons[1].x);
    // Ten stars on landscape: two rows of five beat one row of ten.
    let p = place(1280, 800, &spec(10, Shape::Icon)).expect("fits");
    assert_eq!(p.buttons.iter().filter(|b| b.y == p.buttons[0].y).count(), 5);
    // No other column count gives a larger least side than the chosen one.
    let chosen = p.buttons[0].width.min(p.buttons[0].height);
    let bands = bands(1280, 800, false).expect("bands");
    for cols in 1..=10 {
        let (w, h) = cell(bands.content, bands.gap, 10, cols).expect("cell");
        assert!(w.min(h) <= chosen, "{cols} columns give {w}x{h} > {chosen}");
    }
}

#[test]
fn an_eight_option_choice_does_not_fit_a_tiny_screen() {
    let err = place(200, 150, &spec(8, Shape::Text { longest: 20 })).expect_err("too small");
    assert_eq!(
        err,
        Unfit {
            buttons: 8,
            min_side: MIN_TARGET_PX
        }
    );
    let err = place(300, 400, &spec(3, Shape::Face)).expect_err("faces need 3 x 120 px");
    assert_eq!(err.min_side, MIN_FACE_PX);
    assert!(place(0, 0, &spec(2, Shape::Icon)).is_err());
    assert!(place(10, 5000, &spec(2, Shape::Icon)).is_err());
}

#[test]
fn wrap_keeps_words_and_cuts_only_overlong_ones() {
    assert_eq!(
        wrap("Come valuta il servizio ricevuto?", 12),
        ["Come valuta", "il servizio", "ricevuto?"]
    );
    assert_eq!(wrap("  ", 10), Vec::<String>::new());
    assert_eq!(
        wrap("Donaudampfschifffahrt", 8),
        ["Donaudam", "pfschiff", "fahrt"]
    );
    assert_eq!(wrap("a Überspringen b", 6), ["a", "Übersp", "ringen", "b"]);
    assert!(wrap("x", 0).iter().all(|l| l.chars().count() == 1));
}

#[test]
fn fonts_shrink_to_fit_every_language() {
    let area = Rect {
        x: 0,
        y: 0,
        width: 600,
        height: 100,
    };
    let short = fit_font(["Sì"], area, 14, 48);
    assert_eq!(short, 48);
    let long = "Esito negativo della richiesta presentata allo sportello anagrafico del comune";
    let both = fit_font(["Sì", long], area, 14, 48);
    assert!((14..48).contains(&both));
    let per_line = chars_per_line(area.width, both);
    let lines = wrap(long, per_line).len() as f64;
    assert!(lines * f64::from(both) * LINE_HEIGHT <= 100.0);
}

#[test]
fn absurd_screens_neither_panic_nor_escape_the_screen() {
    for (width, height) in [
        (u32::MAX, u32::MAX),
        (u32::MAX, 1),
        (1, u32::MAX),
        (0, 0),
        (100_000, 800),
    ] {
        for shape in SHAPES {
            let s = ScreenSpec {
                language: true,
                skip: true,
                confirm: true,
                ..spec(8, shape)
            };
            if let Ok(p) = place(width, height, &s) {
                assert_sound(width, height, &s, &p);
            }
        }
    }
    let (icon, label) = split_button(
        Rect {
            x: 0,
            y: 0,
            width: MAX_SIDE_PX,
            height: MAX_SIDE_PX,
        },
        true,
    );
    assert!(icon.is_some() && label.height > 0);
}
