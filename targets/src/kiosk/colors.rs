//! Kiosk target, emit stage: button colours and WCAG 2.1 contrast, so every label reads at
//! least 4.5:1 on its button (docs/language.md §9).

use std::fmt;

/// The least contrast ratio of a label on its button (WCAG 2.1 AA, normal text).
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

/// An sRGB colour, 8 bits a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// Near-black and white: the two label colours a button may get.
pub const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

/// Screen background and the wording drawn on it.
pub const SCREEN_BACKGROUND: Rgb = Rgb(0xf4, 0xf6, 0xf8);
pub const SCREEN_TEXT: Rgb = INK;

/// Face colours of "Mettiamoci la faccia": green satisfied, yellow neutral, red unsatisfied.
pub const FACE_GREEN: Rgb = Rgb(0x1e, 0x7b, 0x34);
pub const FACE_YELLOW: Rgb = Rgb(0xf5, 0xc2, 0x1b);
pub const FACE_RED: Rgb = Rgb(0xc0, 0x1c, 0x28);
/// Ordinary answer buttons, missing codes (`Non so`) and the navigation controls.
pub const ANSWER_BLUE: Rgb = Rgb(0x0b, 0x5c, 0xad);
pub const MISSING_GREY: Rgb = Rgb(0x5f, 0x6b, 0x76);
pub const CONTROL_DARK: Rgb = Rgb(0x33, 0x3d, 0x47);
pub const CONFIRM_GREEN: Rgb = Rgb(0x1e, 0x7b, 0x34);

impl Rgb {
    /// Parses `#rrggbb`.
    pub fn parse(hex: &str) -> Option<Rgb> {
        let digits = hex.strip_prefix('#')?;
        if digits.len() != 6 || !digits.is_ascii() {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(digits.get(i..i + 2)?, 16).ok();
        Some(Rgb(channel(0)?, channel(2)?, channel(4)?))
    }

    /// WCAG 2.1 relative luminance, 0 (black) to 1 (white).
    pub fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let s = f64::from(c) / 255.0;
            if s <= 0.04045 {
                s / 12.92
            } else {
                ((s + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// Each channel scaled by `factor` (below 1 darkens).
    fn scaled(self, factor: f64) -> Rgb {
        let scale = |c: u8| (f64::from(c) * factor).round().clamp(0.0, 255.0) as u8;
        Rgb(scale(self.0), scale(self.1), scale(self.2))
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// WCAG 2.1 contrast ratio of two colours, 1 to 21.
pub fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// A button's colours: its background and the label colour drawn on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    pub background: Rgb,
    pub text: Rgb,
}

/// The label colour (ink or white) that reads best on `background`; when neither reaches
/// [`MIN_TEXT_CONTRAST`], the background is darkened step by step until white does.
pub fn readable(background: Rgb) -> Paint {
    let mut background = background;
    for _ in 0..64 {
        let text = if contrast(background, INK) >= contrast(background, WHITE) {
            INK
        } else {
            WHITE
        };
        if contrast(background, text) >= MIN_TEXT_CONTRAST {
            return Paint { background, text };
        }
        background = background.scaled(0.9);
    }
    // 0.9^64 of any channel rounds to black, where white reads at 21:1.
    Paint {
        background: Rgb(0, 0, 0),
        text: WHITE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luminance_and_contrast_match_wcag_reference_values() {
        assert!((Rgb(0, 0, 0).luminance() - 0.0).abs() < 1e-9);
        assert!((WHITE.luminance() - 1.0).abs() < 1e-9);
        assert!((contrast(Rgb(0, 0, 0), WHITE) - 21.0).abs() < 1e-9);
        // #777777 on white is the classic 4.48:1 that just fails AA.
        let grey = contrast(Rgb(0x77, 0x77, 0x77), WHITE);
        assert!((grey - 4.48).abs() < 0.01, "{grey}");
        assert_eq!(contrast(FACE_RED, WHITE), contrast(WHITE, FACE_RED));
    }

    #[test]
    fn every_palette_colour_gets_a_label_of_at_least_4_5() {
        let palette = [
            FACE_GREEN,
            FACE_YELLOW,
            FACE_RED,
            ANSWER_BLUE,
            MISSING_GREY,
            CONTROL_DARK,
            CONFIRM_GREEN,
        ];
        for colour in palette {
            let paint = readable(colour);
            assert_eq!(paint.background, colour, "{colour} should not need darkening");
            assert!(
                contrast(paint.background, paint.text) >= MIN_TEXT_CONTRAST,
                "{colour}"
            );
        }
        assert!(contrast(SCREEN_BACKGROUND, SCREEN_TEXT) >= MIN_TEXT_CONTRAST);
    }

    #[test]
    fn any_colour_is_made_readable() {
        let mut darkened = 0;
        for r in (0..=255u32).step_by(15) {
            for g in (0..=255u32).step_by(15) {
                for b in (0..=255u32).step_by(15) {
                    let colour = Rgb(r as u8, g as u8, b as u8);
                    let paint = readable(colour);
                    assert!(
                        contrast(paint.background, paint.text) >= MIN_TEXT_CONTRAST,
                        "{colour}"
                    );
                    if paint.background != colour {
                        darkened += 1;
                        assert_eq!(paint.text, WHITE);
                    }
                }
            }
        }
        // Mid-tones exist where neither near-black nor white reaches 4.5:1.
        assert!(darkened > 0);
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(FACE_YELLOW.to_string(), "#f5c21b");
        assert_eq!(Rgb::parse("#f5c21b"), Some(FACE_YELLOW));
        assert_eq!(Rgb::parse("f5c21b"), None);
        assert_eq!(Rgb::parse("#f5c2"), None);
        assert_eq!(Rgb::parse("#é5c21b"), None);
    }
}
