//! Lower stage: the built-in codes and labels of `faces`, `yesno`, `rating` and `nps`, and the
//! default kiosk thank-you, in every language the standard library supports (it en de fr sl).

/// The languages the built-in labels exist in.
pub const LANGUAGES: [&str; 5] = ["it", "en", "de", "fr", "sl"];

/// One built-in label in each of [`LANGUAGES`], same order.
pub type Labels = [&'static str; 5];

/// `faces`: 1 red, 2 yellow, 3 green, labelled as in "Mettiamoci la faccia".
pub const FACES: [(i64, Labels); 3] = [
    (1, ["Negativo", "Negative", "Negativ", "Négatif", "Negativno"]),
    (2, ["Sufficiente", "Fair", "Ausreichend", "Suffisant", "Zadostno"]),
    (3, ["Positivo", "Positive", "Positiv", "Positif", "Pozitivno"]),
];

/// `yesno`: 1 yes, 2 no.
pub const YESNO: [(i64, Labels); 2] = [
    (1, ["Sì", "Yes", "Ja", "Oui", "Da"]),
    (2, ["No", "No", "Nein", "Non", "Ne"]),
];

/// The kiosk's thank-you screen when the survey writes no `thanks`.
pub const KIOSK_THANKS: Labels = [
    "Grazie per la sua valutazione",
    "Thank you for your feedback",
    "Vielen Dank für Ihre Bewertung",
    "Merci pour votre évaluation",
    "Hvala za vašo oceno",
];

/// Kiosk defaults (docs/language.md §4).
pub const KIOSK_WIDTH: u32 = 1280;
pub const KIOSK_HEIGHT: u32 = 800;
pub const KIOSK_RESET_SECONDS: u32 = 20;

/// `nps`: 0..10.
pub const NPS_RANGE: (i64, i64) = (0, 10);

/// `text` without `max`.
pub const TEXT_MAX_DEFAULT: i64 = 500;

/// The most stars a `rating` may have (docs/language.md §6: 3..10).
pub const RATING_MIN: i64 = 3;
pub const RATING_MAX: i64 = 10;

/// `(language, label)` pairs of one built-in label.
pub fn pairs(labels: &Labels) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
    LANGUAGES.iter().copied().zip(labels.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_is_written_in_every_language() {
        for (_, labels) in FACES.iter().chain(YESNO.iter()) {
            assert!(labels.iter().all(|l| !l.trim().is_empty()));
        }
        assert!(KIOSK_THANKS.iter().all(|l| !l.trim().is_empty()));
        assert_eq!(pairs(&YESNO[0].1).next(), Some(("it", "Sì")));
    }
}
