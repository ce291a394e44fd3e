//! Kiosk target, emit stage: the kiosk's own interface strings (controls, messages) in the
//! languages the standard library supports (it en de fr sl); other languages fall back to
//! English.

/// The languages the strings below are written in, same order as each array.
const LANGUAGES: [&str; 5] = ["it", "en", "de", "fr", "sl"];

type Strings = [&'static str; 5];

pub const CONFIRM: Strings = ["Conferma", "Confirm", "Bestätigen", "Confirmer", "Potrdi"];
pub const SKIP: Strings = ["Salta", "Skip", "Überspringen", "Passer", "Preskoči"];
pub const CHANGE_LANGUAGE: Strings = [
    "Cambia lingua",
    "Change language",
    "Sprache wechseln",
    "Changer de langue",
    "Zamenjaj jezik",
];
pub const NEEDS_JAVASCRIPT: Strings = [
    "Questo chiosco richiede JavaScript.",
    "This kiosk needs JavaScript.",
    "Dieser Kiosk benötigt JavaScript.",
    "Cette borne nécessite JavaScript.",
    "Ta kiosk potrebuje JavaScript.",
];
/// For staff, when the kiosk's address names a site the survey does not list (`{site}` is
/// what it names, `{sites}` the survey's site ids).
pub const SITE_UNKNOWN: Strings = [
    "Chiosco non configurato: la sede «{site}» non è tra quelle del questionario ({sites}). \
     Correggere ?site= nell'indirizzo. Nessuna risposta viene raccolta.",
    "Kiosk not configured: the site «{site}» is not one of the survey's sites ({sites}). \
     Correct ?site= in the address. No response is collected.",
    "Kiosk nicht konfiguriert: der Standort «{site}» gehört nicht zur Umfrage ({sites}). \
     Korrigieren Sie ?site= in der Adresse. Es werden keine Antworten erfasst.",
    "Borne non configurée : le site « {site} » n'est pas un site de l'enquête ({sites}). \
     Corrigez ?site= dans l'adresse. Aucune réponse n'est recueillie.",
    "Kiosk ni nastavljen: lokacija »{site}« ni med lokacijami vprašalnika ({sites}). \
     Popravite ?site= v naslovu. Odgovori se ne zbirajo.",
];
/// For staff, when the kiosk's address names a site and the survey lists none.
pub const SITE_NONE: Strings = [
    "Chiosco non configurato: il questionario non elenca sedi, ma l'indirizzo indica «{site}». \
     Togliere ?site= dall'indirizzo. Nessuna risposta viene raccolta.",
    "Kiosk not configured: the survey lists no sites, but the address names «{site}». \
     Remove ?site= from the address. No response is collected.",
    "Kiosk nicht konfiguriert: die Umfrage hat keine Standorte, die Adresse nennt aber «{site}». \
     Entfernen Sie ?site= aus der Adresse. Es werden keine Antworten erfasst.",
    "Borne non configurée : l'enquête n'a pas de sites, mais l'adresse indique « {site} ». \
     Retirez ?site= de l'adresse. Aucune réponse n'est recueillie.",
    "Kiosk ni nastavljen: vprašalnik nima lokacij, naslov pa navaja »{site}«. \
     Odstranite ?site= iz naslova. Odgovori se ne zbirajo.",
];
pub const PICK_BETWEEN: Strings = [
    "Scelga da {min} a {max} risposte, poi tocchi Conferma.",
    "Choose {min} to {max} answers, then tap Confirm.",
    "Wählen Sie {min} bis {max} Antworten und tippen Sie dann auf Bestätigen.",
    "Choisissez de {min} à {max} réponses, puis touchez Confirmer.",
    "Izberite od {min} do {max} odgovorov in tapnite Potrdi.",
];
pub const PICK_EXACTLY: Strings = [
    "Scelga {n} risposte, poi tocchi Conferma.",
    "Choose {n} answers, then tap Confirm.",
    "Wählen Sie {n} Antworten und tippen Sie dann auf Bestätigen.",
    "Choisissez {n} réponses, puis touchez Confirmer.",
    "Število odgovorov, ki jih izberete: {n}. Nato tapnite Potrdi.",
];
pub const PICK_ONE: Strings = [
    "Scelga una risposta, poi tocchi Conferma.",
    "Choose one answer, then tap Confirm.",
    "Wählen Sie eine Antwort und tippen Sie dann auf Bestätigen.",
    "Choisissez une réponse, puis touchez Confirmer.",
    "Izberite en odgovor in tapnite Potrdi.",
];

/// How many answers a `multi` takes, in `language`: "Choose 1 to 3 answers, then tap Confirm."
pub fn pick_hint(min: u32, max: u32, language: &str) -> String {
    let strings = match (min, max) {
        (_, 1) => &PICK_ONE,
        (min, max) if min == max => &PICK_EXACTLY,
        _ => &PICK_BETWEEN,
    };
    get(strings, language)
        .replace("{min}", &min.to_string())
        .replace("{max}", &max.to_string())
        .replace("{n}", &max.to_string())
}

/// The string in `language`, English when the language has none.
pub fn get(strings: &Strings, language: &str) -> &'static str {
    let index = LANGUAGES.iter().position(|l| *l == language).unwrap_or(1);
    strings.get(index).copied().unwrap_or_default()
}

/// A language's own name, for the language switch: `Deutsch`, `Slovenščina`.
pub fn language_name(language: &str) -> String {
    match language {
        "it" => "Italiano".into(),
        "en" => "English".into(),
        "de" => "Deutsch".into(),
        "fr" => "Français".into(),
        "sl" => "Slovenščina".into(),
        "es" => "Español".into(),
        "lld" => "Ladin".into(),
        other => other.to_uppercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_exist_in_every_language_and_fall_back_to_english() {
        for strings in [
            CONFIRM,
            SKIP,
            CHANGE_LANGUAGE,
            NEEDS_JAVASCRIPT,
            PICK_BETWEEN,
            PICK_EXACTLY,
            PICK_ONE,
        ] {
            assert!(strings.iter().all(|s| !s.trim().is_empty()));
        }
        assert_eq!(get(&CONFIRM, "de"), "Bestätigen");
        assert_eq!(get(&CONFIRM, "ja"), "Confirm");
        assert_eq!(language_name("sl"), "Slovenščina");
        assert_eq!(language_name("hr"), "HR");
    }

    #[test]
    fn pick_hints_say_how_many() {
        assert_eq!(pick_hint(1, 3, "en"), "Choose 1 to 3 answers, then tap Confirm.");
        assert_eq!(pick_hint(2, 2, "it"), "Scelga 2 risposte, poi tocchi Conferma.");
        assert_eq!(
            pick_hint(1, 1, "de"),
            "Wählen Sie eine Antwort und tippen Sie dann auf Bestätigen."
        );
        for language in LANGUAGES {
            for (min, max) in [(1, 3), (2, 2), (1, 1)] {
                assert!(
                    !pick_hint(min, max, language).contains('{'),
                    "{language} {min} {max}"
                );
            }
        }
    }
}
