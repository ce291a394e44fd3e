//! HTML target, interface strings: the words of the form that are not the survey's own
//! (buttons, validation messages, "required", thank-you, "specify", condition phrases).
//!
//! They exist in `it en de fr sl` (the languages of the standard library's texts). A survey
//! language outside these gets the English strings, and the page marks those elements
//! `lang="en"` where it can.
//! Placeholders in braces (`{max}`, `{q}`, `{a}`) are filled by [`fill`].

use serde::Serialize;

/// Every interface string of the form in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Strings {
    /// The language these strings are in (`en` for a fallback).
    pub lang: &'static str,
    pub submit: &'static str,
    pub sending: &'static str,
    /// The submit button after a failed send: it sends the same response again.
    pub resend: &'static str,
    /// No answer from the network (the answers stay on the page).
    pub send_failed: &'static str,
    /// The service answered 5xx, 408 or 429: busy or down for now.
    pub send_unavailable: &'static str,
    /// The service answered 422; its reasons follow in a list.
    pub send_rejected: &'static str,
    /// `{status}`: any other refusal (4xx).
    pub send_refused: &'static str,
    /// The service answered 409: an earlier send of this response was stored.
    pub send_conflict: &'static str,
    /// Shown until the script runs: without it the page cannot send (the service takes JSON only).
    pub needs_javascript: &'static str,
    pub required_mark: &'static str,
    pub required_note: &'static str,
    pub thanks_title: &'static str,
    pub thanks: &'static str,
    /// `{label}`: the label of the option that carries the free text.
    pub specify: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub error_summary: &'static str,
    pub err_required: &'static str,
    pub err_max_length: &'static str,
    pub err_number: &'static str,
    pub err_min_picks: &'static str,
    pub err_min_one: &'static str,
    pub err_max_picks: &'static str,
    /// A multi that allows one pick only (`max 1`).
    pub err_max_one: &'static str,
    pub hint_number: &'static str,
    pub hint_max_picks: &'static str,
    pub hint_max_one: &'static str,
    pub hint_max_length: &'static str,
    /// `{n}` of `{max}`: the label of a star of a rating question.
    pub out_of: &'static str,
    pub words: &'static Words,
    /// The Designers Italia rating component's own texts.
    pub feedback: &'static Feedback,
}

/// Phrases that say a `show if` condition in words.
#[derive(Debug, Clone, Serialize)]
pub struct Words {
    /// `{c}`: the condition. "Rispondere solo se {c}."
    pub only_if: &'static str,
    /// `{q}`: the question's wording, `{a}`: the answers, joined by `or`.
    pub answered_with: &'static str,
    pub not_answered_with: &'static str,
    pub selected: &'static str,
    pub not_selected: &'static str,
    pub answered: &'static str,
    pub not_answered: &'static str,
    /// Joins the answers of a list ("«A», «B» o «C»").
    pub or: &'static str,
    /// Joins two conditions ("... oppure ...").
    pub or_clause: &'static str,
    pub and: &'static str,
    /// Opening and closing quotes of a question's wording and of an answer's label.
    pub open_quote: &'static str,
    pub close_quote: &'static str,
    /// A number answer compared with `{v}`: `=`, `!=`, `<`, `<=`, `>`, `>=`.
    pub number: [&'static str; 6],
}

/// Texts of the Designers Italia rating component (the docs of
/// `stdlib/designers_italia/valutazione.rileva`, docs/language.md §12).
#[derive(Debug, Clone, Serialize)]
pub struct Feedback {
    pub stars_group: &'static str,
    /// `{n}`: the star.
    pub star: &'static str,
    pub detail_label: &'static str,
    pub thanks: &'static str,
}

/// The strings for a page in `language`; English for a language without its own.
pub fn strings(language: &str) -> &'static Strings {
    match language {
        "it" => &IT,
        "de" => &DE,
        "fr" => &FR,
        "sl" => &SL,
        _ => &EN,
    }
}

/// `{name}` placeholders: the targets' one [`fill`](crate::words::fill).
pub use crate::words::fill;

static IT: Strings = Strings {
    lang: "it",
    submit: "Invia",
    sending: "Invio in corso…",
    resend: "Invia di nuovo",
    send_failed: "Le risposte non sono state inviate: la connessione non risponde. Le risposte restano in questa pagina: controlli la connessione e prema «Invia di nuovo».",
    send_unavailable: "Le risposte non sono state inviate: il servizio non è disponibile in questo momento. Le risposte restano in questa pagina: riprovi tra qualche minuto con «Invia di nuovo».",
    send_rejected: "Il servizio non ha accettato le risposte per questi motivi:",
    send_refused: "Il servizio non ha accettato le risposte (errore {status}). Le risposte restano in questa pagina: può riprovare più tardi con «Invia di nuovo».",
    send_conflict: "Le sue risposte erano già arrivate con un invio precedente; le modifiche fatte dopo non sono state registrate.",
    needs_javascript: "Per inviare le risposte è necessario JavaScript: lo attivi nel browser e ricarichi la pagina.",
    required_mark: "(obbligatoria)",
    required_note: "Le domande indicate come «(obbligatoria)» richiedono una risposta.",
    thanks_title: "Risposte inviate",
    thanks: "Grazie per aver risposto.",
    specify: "{label}: specificare",
    yes: "Sì",
    no: "No",
    error_summary: "Ci sono risposte da correggere:",
    err_required: "Questa domanda è obbligatoria: scelga o scriva una risposta.",
    err_max_length: "Il testo può avere al massimo {max} caratteri (ora ne ha {n}).",
    err_number: "Inserisca un numero intero da {min} a {max}.",
    err_min_picks: "Scelga almeno {min} risposte.",
    err_min_one: "Scelga almeno una risposta.",
    err_max_picks: "Scelga al massimo {max} risposte.",
    err_max_one: "Scelga una sola risposta.",
    hint_number: "Un numero intero da {min} a {max}.",
    hint_max_picks: "Può scegliere fino a {max} risposte.",
    hint_max_one: "Può scegliere una sola risposta.",
    hint_max_length: "Al massimo {max} caratteri.",
    out_of: "{n} su {max}",
    words: &Words {
        only_if: "Rispondere solo se {c}.",
        answered_with: "alla domanda {q} ha risposto {a}",
        not_answered_with: "alla domanda {q} non ha risposto {a}",
        selected: "alla domanda {q} ha scelto {a}",
        not_selected: "alla domanda {q} non ha scelto {a}",
        answered: "ha risposto alla domanda {q}",
        not_answered: "non ha risposto alla domanda {q}",
        or: "o",
        or_clause: "oppure",
        and: "e",
        open_quote: "«",
        close_quote: "»",
        number: [
            "il numero {v}",
            "un numero diverso da {v}",
            "un numero minore di {v}",
            "un numero non superiore a {v}",
            "un numero maggiore di {v}",
            "un numero non inferiore a {v}",
        ],
    },
    feedback: &Feedback {
        stars_group: "Valuta da 1 a 5 stelle la pagina",
        star: "Valuta {n} stelle su 5",
        detail_label: "Dettaglio",
        thanks: "Grazie, il tuo parere ci aiuterà a migliorare il servizio!",
    },
};

static EN: Strings = Strings {
    lang: "en",
    submit: "Submit",
    sending: "Sending…",
    resend: "Send again",
    send_failed: "Your answers were not sent: the connection is not responding. They are still on this page: check your connection and press “Send again”.",
    send_unavailable: "Your answers were not sent: the service is not available right now. They are still on this page: try again in a few minutes with “Send again”.",
    send_rejected: "The service did not accept your answers, for these reasons:",
    send_refused: "The service did not accept your answers (error {status}). They are still on this page: you can try again later with “Send again”.",
    send_conflict: "Your answers had already arrived with an earlier send; changes made after it were not recorded.",
    needs_javascript: "Sending your answers needs JavaScript: turn it on in your browser and reload the page.",
    required_mark: "(required)",
    required_note: "Questions marked “(required)” need an answer.",
    thanks_title: "Answers sent",
    thanks: "Thank you for your answers.",
    specify: "{label}: please specify",
    yes: "Yes",
    no: "No",
    error_summary: "Some answers need correcting:",
    err_required: "This question is required: please choose or write an answer.",
    err_max_length: "The text can have at most {max} characters (it now has {n}).",
    err_number: "Enter a whole number from {min} to {max}.",
    err_min_picks: "Choose at least {min} answers.",
    err_min_one: "Choose at least one answer.",
    err_max_picks: "Choose at most {max} answers.",
    err_max_one: "Choose only one answer.",
    hint_number: "A whole number from {min} to {max}.",
    hint_max_picks: "You can choose up to {max} answers.",
    hint_max_one: "You can choose only one answer.",
    hint_max_length: "At most {max} characters.",
    out_of: "{n} out of {max}",
    words: &Words {
        only_if: "Answer only if {c}.",
        answered_with: "you answered {a} to the question {q}",
        not_answered_with: "you did not answer {a} to the question {q}",
        selected: "you chose {a} in the question {q}",
        not_selected: "you did not choose {a} in the question {q}",
        answered: "you answered the question {q}",
        not_answered: "you did not answer the question {q}",
        or: "or",
        or_clause: "or",
        and: "and",
        open_quote: "“",
        close_quote: "”",
        number: [
            "the number {v}",
            "a number other than {v}",
            "a number less than {v}",
            "a number of at most {v}",
            "a number greater than {v}",
            "a number of at least {v}",
        ],
    },
    feedback: &Feedback {
        stars_group: "Rate the page from 1 to 5 stars",
        star: "Rate {n} stars out of 5",
        detail_label: "Details",
        thanks: "Thank you, your feedback will help us improve the service!",
    },
};

static DE: Strings = Strings {
    lang: "de",
    submit: "Absenden",
    sending: "Wird gesendet…",
    resend: "Erneut senden",
    send_failed: "Ihre Antworten wurden nicht gesendet: Die Verbindung antwortet nicht. Die Antworten bleiben auf dieser Seite: Prüfen Sie die Verbindung und klicken Sie auf „Erneut senden“.",
    send_unavailable: "Ihre Antworten wurden nicht gesendet: Der Dienst ist im Moment nicht erreichbar. Die Antworten bleiben auf dieser Seite: Versuchen Sie es in einigen Minuten mit „Erneut senden“.",
    send_rejected: "Der Dienst hat die Antworten aus diesen Gründen nicht angenommen:",
    send_refused: "Der Dienst hat die Antworten nicht angenommen (Fehler {status}). Die Antworten bleiben auf dieser Seite: Sie können es später mit „Erneut senden“ versuchen.",
    send_conflict: "Ihre Antworten waren bereits bei einem früheren Senden angekommen; spätere Änderungen wurden nicht gespeichert.",
    needs_javascript: "Zum Senden der Antworten wird JavaScript benötigt: Aktivieren Sie es im Browser und laden Sie die Seite neu.",
    required_mark: "(Pflichtfrage)",
    required_note: "Fragen mit „(Pflichtfrage)“ müssen beantwortet werden.",
    thanks_title: "Antworten gesendet",
    thanks: "Vielen Dank für Ihre Antworten.",
    specify: "{label}: bitte angeben",
    yes: "Ja",
    no: "Nein",
    error_summary: "Einige Antworten müssen korrigiert werden:",
    err_required: "Dies ist eine Pflichtfrage: Bitte wählen oder schreiben Sie eine Antwort.",
    err_max_length: "Der Text darf höchstens {max} Zeichen haben (jetzt {n}).",
    err_number: "Geben Sie eine ganze Zahl von {min} bis {max} ein.",
    err_min_picks: "Wählen Sie mindestens {min} Antworten.",
    err_min_one: "Wählen Sie mindestens eine Antwort.",
    err_max_picks: "Wählen Sie höchstens {max} Antworten.",
    err_max_one: "Wählen Sie nur eine Antwort.",
    hint_number: "Eine ganze Zahl von {min} bis {max}.",
    hint_max_picks: "Sie können bis zu {max} Antworten wählen.",
    hint_max_one: "Sie können nur eine Antwort wählen.",
    hint_max_length: "Höchstens {max} Zeichen.",
    out_of: "{n} von {max}",
    words: &Words {
        only_if: "Nur beantworten, wenn {c}.",
        answered_with: "Sie die Frage {q} mit {a} beantwortet haben",
        not_answered_with: "Sie die Frage {q} nicht mit {a} beantwortet haben",
        selected: "Sie bei der Frage {q} {a} gewählt haben",
        not_selected: "Sie bei der Frage {q} nicht {a} gewählt haben",
        answered: "Sie die Frage {q} beantwortet haben",
        not_answered: "Sie die Frage {q} nicht beantwortet haben",
        or: "oder",
        or_clause: "oder",
        and: "und",
        open_quote: "„",
        close_quote: "“",
        number: [
            "der Zahl {v}",
            "einer Zahl ungleich {v}",
            "einer Zahl kleiner als {v}",
            "einer Zahl von höchstens {v}",
            "einer Zahl größer als {v}",
            "einer Zahl von mindestens {v}",
        ],
    },
    feedback: &Feedback {
        stars_group: "Bewerten Sie die Seite mit 1 bis 5 Sternen",
        star: "Mit {n} von 5 Sternen bewerten",
        detail_label: "Details",
        thanks: "Danke, Ihre Meinung hilft uns, den Dienst zu verbessern!",
    },
};

static FR: Strings = Strings {
    lang: "fr",
    submit: "Envoyer",
    sending: "Envoi en cours…",
    resend: "Renvoyer",
    send_failed: "Vos réponses n’ont pas été envoyées\u{a0}: la connexion ne répond pas. Elles restent sur cette page\u{a0}: vérifiez la connexion et appuyez sur «\u{a0}Renvoyer\u{a0}».",
    send_unavailable: "Vos réponses n’ont pas été envoyées\u{a0}: le service n’est pas disponible pour le moment. Elles restent sur cette page\u{a0}: réessayez dans quelques minutes avec «\u{a0}Renvoyer\u{a0}».",
    send_rejected: "Le service n’a pas accepté vos réponses, pour ces raisons\u{a0}:",
    send_refused: "Le service n’a pas accepté vos réponses (erreur {status}). Elles restent sur cette page\u{a0}: vous pourrez réessayer plus tard avec «\u{a0}Renvoyer\u{a0}».",
    send_conflict: "Vos réponses étaient déjà arrivées lors d’un envoi précédent\u{a0}; les modifications faites ensuite n’ont pas été enregistrées.",
    needs_javascript: "L’envoi des réponses nécessite JavaScript\u{a0}: activez-le dans votre navigateur et rechargez la page.",
    required_mark: "(obligatoire)",
    required_note: "Les questions marquées « (obligatoire) » demandent une réponse.",
    thanks_title: "Réponses envoyées",
    thanks: "Merci pour vos réponses.",
    specify: "{label} : préciser",
    yes: "Oui",
    no: "Non",
    error_summary: "Certaines réponses sont à corriger :",
    err_required: "Cette question est obligatoire : choisissez ou écrivez une réponse.",
    err_max_length: "Le texte peut compter au plus {max} caractères (il en a {n}).",
    err_number: "Saisissez un nombre entier de {min} à {max}.",
    err_min_picks: "Choisissez au moins {min} réponses.",
    err_min_one: "Choisissez au moins une réponse.",
    err_max_picks: "Choisissez au plus {max} réponses.",
    err_max_one: "Choisissez une seule réponse.",
    hint_number: "Un nombre entier de {min} à {max}.",
    hint_max_picks: "Vous pouvez choisir jusqu’à {max} réponses.",
    hint_max_one: "Vous ne pouvez choisir qu’une réponse.",
    hint_max_length: "Au plus {max} caractères.",
    out_of: "{n} sur {max}",
    words: &Words {
        only_if: "Répondre uniquement si {c}.",
        answered_with: "vous avez répondu {a} à la question {q}",
        not_answered_with: "vous n’avez pas répondu {a} à la question {q}",
        selected: "vous avez choisi {a} à la question {q}",
        not_selected: "vous n’avez pas choisi {a} à la question {q}",
        answered: "vous avez répondu à la question {q}",
        not_answered: "vous n’avez pas répondu à la question {q}",
        or: "ou",
        or_clause: "ou",
        and: "et",
        open_quote: "«\u{a0}",
        close_quote: "\u{a0}»",
        number: [
            "le nombre {v}",
            "un nombre différent de {v}",
            "un nombre inférieur à {v}",
            "un nombre d’au plus {v}",
            "un nombre supérieur à {v}",
            "un nombre d’au moins {v}",
        ],
    },
    feedback: &Feedback {
        stars_group: "Notez la page de 1 à 5 étoiles",
        star: "Noter {n} étoiles sur 5",
        detail_label: "Détail",
        thanks: "Merci, votre avis nous aidera à améliorer le service !",
    },
};

static SL: Strings = Strings {
    lang: "sl",
    submit: "Pošlji",
    sending: "Pošiljanje…",
    resend: "Pošlji znova",
    send_failed: "Odgovori niso bili poslani: povezava se ne odziva. Odgovori ostanejo na tej strani: preverite povezavo in pritisnite gumb »Pošlji znova«.",
    send_unavailable: "Odgovori niso bili poslani: storitev trenutno ni na voljo. Odgovori ostanejo na tej strani: poskusite znova čez nekaj minut z gumbom »Pošlji znova«.",
    send_rejected: "Storitev odgovorov ni sprejela iz teh razlogov:",
    send_refused: "Storitev odgovorov ni sprejela (napaka {status}). Odgovori ostanejo na tej strani: pozneje lahko poskusite znova z gumbom »Pošlji znova«.",
    send_conflict: "Vaši odgovori so že prispeli s prejšnjim pošiljanjem; poznejše spremembe niso bile shranjene.",
    needs_javascript: "Za pošiljanje odgovorov je potreben JavaScript: vklopite ga v brskalniku in znova naložite stran.",
    required_mark: "(obvezno)",
    required_note: "Na vprašanja, označena z »(obvezno)«, je treba odgovoriti.",
    thanks_title: "Odgovori poslani",
    thanks: "Hvala za vaše odgovore.",
    specify: "{label}: navedite",
    yes: "Da",
    no: "Ne",
    error_summary: "Nekatere odgovore je treba popraviti:",
    err_required: "To vprašanje je obvezno: izberite ali napišite odgovor.",
    err_max_length: "Besedilo ima lahko največ {max} znakov (zdaj jih ima {n}).",
    err_number: "Vnesite celo število od {min} do {max}.",
    err_min_picks: "Izbranih je premalo odgovorov: najmanj {min}.",
    err_min_one: "Izberite vsaj en odgovor.",
    err_max_picks: "Izbranih je preveč odgovorov: največ {max}.",
    err_max_one: "Izberite samo en odgovor.",
    hint_number: "Celo število od {min} do {max}.",
    hint_max_picks: "Največje število odgovorov: {max}.",
    hint_max_one: "Izberete lahko samo en odgovor.",
    hint_max_length: "Največ {max} znakov.",
    out_of: "{n} od {max}",
    words: &Words {
        only_if: "Odgovorite samo, če {c}.",
        answered_with: "ste na vprašanje {q} odgovorili {a}",
        not_answered_with: "na vprašanje {q} niste odgovorili {a}",
        selected: "ste pri vprašanju {q} izbrali {a}",
        not_selected: "pri vprašanju {q} niste izbrali {a}",
        answered: "ste odgovorili na vprašanje {q}",
        not_answered: "niste odgovorili na vprašanje {q}",
        or: "ali",
        or_clause: "ali",
        and: "in",
        open_quote: "»",
        close_quote: "«",
        number: [
            "število {v}",
            "število, različno od {v}",
            "število, manjše od {v}",
            "število, ki ni večje od {v}",
            "število, večje od {v}",
            "število, ki ni manjše od {v}",
        ],
    },
    feedback: &Feedback {
        stars_group: "Ocenite stran z 1 do 5 zvezdicami",
        star: "Ocenite s {n} od 5 zvezdic",
        detail_label: "Podrobnosti",
        thanks: "Hvala, vaše mnenje nam bo pomagalo izboljšati storitev!",
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(strings("es").lang, "en");
        assert_eq!(strings("de").submit, "Absenden");
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill("{n} of {max}, {n}", &[("n", "3"), ("max", "5")]),
            "3 of 5, 3"
        );
        assert_eq!(fill("{q}: {a}", &[("q", "{a}?"), ("a", "x")]), "{a}?: x");
        assert_eq!(fill("{x} {", &[]), "{x} {");
    }

    #[test]
    fn send_messages_name_the_resend_button_in_every_language() {
        for lang in ["it", "en", "de", "fr", "sl"] {
            let ui = strings(lang);
            for message in [ui.send_failed, ui.send_unavailable, ui.send_refused] {
                assert!(message.contains(ui.resend), "{lang}: {message}");
            }
            assert!(ui.send_refused.contains("{status}"), "{lang}");
            assert!(!ui.needs_javascript.is_empty() && !ui.send_conflict.is_empty());
        }
    }

    #[test]
    fn designers_italia_texts_are_exact() {
        let it = strings("it").feedback;
        assert_eq!(it.stars_group, "Valuta da 1 a 5 stelle la pagina");
        assert_eq!(fill(it.star, &[("n", "4")]), "Valuta 4 stelle su 5");
        assert_eq!(
            it.thanks,
            "Grazie, il tuo parere ci aiuterà a migliorare il servizio!"
        );
    }
}
