//! The report page's own words in Italian and English, and figures written the way each
//! language writes them: `81,3%` and `1.500` in Italian, `81.3%` and `1,500` in English.

/// Every fixed text of the page.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Words {
    pub page_title: &'static str,
    pub scope: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub whole_period: &'static str,
    pub grouped_by: &'static str,
    pub min_cell: &'static str,
    pub survey: &'static str,
    pub version: &'static str,
    pub versions: &'static str,
    pub not_merged: &'static str,
    pub standard: &'static str,
    pub responses: &'static str,
    pub indicators: &'static str,
    pub question: &'static str,
    pub answered: &'static str,
    pub mean: &'static str,
    pub positive: &'static str,
    pub positive_codes: &'static str,
    pub ci95: &'static str,
    pub nps: &'static str,
    pub nps_note: &'static str,
    pub code: &'static str,
    pub label: &'static str,
    pub count: &'static str,
    pub share: &'static str,
    pub missing_code: &'static str,
    pub distribution: &'static str,
    pub ranking: &'static str,
    pub multi_note: &'static str,
    pub over_time: &'static str,
    pub period: &'static str,
    pub site: &'static str,
    pub no_site: &'static str,
    pub channel: &'static str,
    pub groups: &'static str,
    pub participation: &'static str,
    pub participation_note: &'static str,
    pub served: &'static str,
    pub rate: &'static str,
    pub total: &'static str,
    pub comparisons: &'static str,
    pub comparison_note: &'static str,
    pub withheld: &'static str,
    pub fewer_than: &'static str,
    pub no_data: &'static str,
    pub data_table: &'static str,
    pub chart: &'static str,
    pub method: &'static str,
}

const IT: Words = Words {
    page_title: "Rapporto sulle risposte",
    scope: "Ambito",
    from: "dal",
    to: "al",
    whole_period: "tutte le risposte registrate",
    grouped_by: "Raggruppamento",
    min_cell: "Soglia di riservatezza",
    survey: "Questionario",
    version: "Versione",
    versions: "Versioni delle risposte",
    not_merged: "Domande non unite tra le versioni",
    standard: "Standard",
    responses: "Risposte",
    indicators: "Indicatori",
    question: "Domanda",
    answered: "Risposte valide",
    mean: "Media",
    positive: "Quota di giudizi positivi",
    positive_codes: "codici positivi",
    ci95: "intervallo di confidenza al 95%",
    nps: "Net Promoter Score",
    nps_note: "punti: % di 9–10 meno % di 0–6; intervallo di Wald corretto",
    code: "Codice",
    label: "Modalità",
    count: "Frequenza",
    share: "Quota",
    missing_code: "mancante, escluso dagli indicatori",
    distribution: "Distribuzione delle risposte",
    ranking: "Modalità in ordine di frequenza",
    multi_note: "risposta multipla: le quote possono sommare più del 100%",
    over_time: "Risposte nel tempo",
    period: "Periodo",
    site: "Sede",
    no_site: "senza sede",
    channel: "Canale",
    groups: "Per gruppo",
    participation: "Tasso di partecipazione",
    participation_note: "giudizi espressi ÷ utenti serviti, per sede e periodo",
    served: "Utenti serviti",
    rate: "Tasso",
    total: "Totale",
    comparisons: "Confronto tra questionari dello stesso standard",
    comparison_note: "domanda bloccata dello standard: stessa formulazione e stessi codici in ogni questionario",
    withheld: "Esclusi per riservatezza",
    fewer_than: "meno di {k}",
    no_data: "nessun dato",
    data_table: "Dati del grafico",
    chart: "Grafico",
    method: "Metodo: quote con intervallo di Wilson al 95% (z = 1,959964); i codici mancanti sono esclusi dagli indicatori; i gruppi e le domande con meno risposte della soglia non mostrano dati.",
};

const EN: Words = Words {
    page_title: "Report on the responses",
    scope: "Scope",
    from: "from",
    to: "to",
    whole_period: "every stored response",
    grouped_by: "Grouped by",
    min_cell: "Disclosure threshold",
    survey: "Survey",
    version: "Version",
    versions: "Versions of the responses",
    not_merged: "Questions not merged across versions",
    standard: "Standard",
    responses: "Responses",
    indicators: "Indicators",
    question: "Question",
    answered: "Valid answers",
    mean: "Mean",
    positive: "Share of positive answers",
    positive_codes: "positive codes",
    ci95: "95% confidence interval",
    nps: "Net Promoter Score",
    nps_note: "points: % of 9–10 minus % of 0–6; adjusted-Wald interval",
    code: "Code",
    label: "Answer",
    count: "Count",
    share: "Share",
    missing_code: "missing, left out of the indicators",
    distribution: "Distribution of the answers",
    ranking: "Answers by count",
    multi_note: "multiple answers: shares may add up to more than 100%",
    over_time: "Responses over time",
    period: "Period",
    site: "Site",
    no_site: "no site",
    channel: "Channel",
    groups: "By group",
    participation: "Participation rate",
    participation_note: "judgements given ÷ users served, per site and period",
    served: "Users served",
    rate: "Rate",
    total: "Total",
    comparisons: "Comparison of the surveys of one standard",
    comparison_note: "a locked question of the standard: the same wording and codes in every survey",
    withheld: "Withheld for confidentiality",
    fewer_than: "fewer than {k}",
    no_data: "no data",
    data_table: "Data of the chart",
    chart: "Chart",
    method: "Method: shares with a 95% Wilson interval (z = 1.959964); missing codes are left out of the indicators; groups and questions with fewer responses than the threshold show no figures.",
};

/// The words of `lang` (one of [`super::LANGUAGES`]; anything else gets English).
pub fn words(lang: &str) -> &'static Words {
    match lang {
        "it" => &IT,
        _ => &EN,
    }
}

/// How a language writes numbers.
#[derive(Debug, Clone, Copy)]
pub struct Numbers {
    decimal: char,
    thousands: char,
}

impl Numbers {
    pub fn of(lang: &str) -> Numbers {
        match lang {
            "it" => Numbers {
                decimal: ',',
                thousands: '.',
            },
            _ => Numbers {
                decimal: '.',
                thousands: ',',
            },
        }
    }

    /// A count with thousands separators: `1.500`.
    pub fn count(self, n: u64) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(self.thousands);
            }
            out.push(c);
        }
        out
    }

    /// A number with `places` decimals, halves rounded away from zero as published
    /// statistics round them (81,25 → 81,3): `3,74`.
    pub fn decimal(self, x: f64, places: usize) -> String {
        let scale = 10f64.powi(places as i32);
        let text = format!("{:.*}", places, (x * scale).round() / scale);
        let (sign, body) = match text.strip_prefix('-') {
            Some(rest) if rest.chars().any(|c| c.is_ascii_digit() && c != '0') => ("−", rest),
            Some(rest) => ("", rest),
            None => ("", text.as_str()),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        let int = self.count(int.parse().unwrap_or(0));
        if frac.is_empty() {
            format!("{sign}{int}")
        } else {
            format!("{sign}{int}{}{frac}", self.decimal)
        }
    }

    /// A fraction as a percentage with one decimal: 0.8125 → `81,3%`.
    pub fn percent(self, share: f64) -> String {
        format!("{}%", self.decimal(share * 100.0, 1))
    }

    /// An interval of shares: `72,2–87,5%`.
    pub fn percent_interval(self, [low, high]: [f64; 2]) -> String {
        format!(
            "{}–{}%",
            self.decimal(low * 100.0, 1),
            self.decimal(high * 100.0, 1)
        )
    }
}

const MONTHS_IT: [&str; 12] = [
    "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
];
const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A period of `report.json` as the page's language writes it: a month `2026-09` is
/// `set 2026` / `Sep 2026`, a day `2026-09-21` is `21/09/2026` in Italian (ISO in English,
/// whose readers write days in two orders); an ISO week `2026-W39` stays as it is.
pub fn period(lang: &str, text: &str) -> String {
    let parts: Vec<&str> = text.split('-').collect();
    let month = |m: &str| m.parse::<usize>().ok().filter(|m| (1..=12).contains(m));
    match parts.as_slice() {
        [year, m] if year.len() == 4 && m.len() == 2 => match month(m) {
            Some(m) if lang == "it" => format!("{} {year}", MONTHS_IT[m - 1]),
            Some(m) => format!("{} {year}", MONTHS_EN[m - 1]),
            None => text.to_owned(),
        },
        [year, m, d] if lang == "it" && year.len() == 4 && month(m).is_some() && d.len() == 2 => {
            format!("{d}/{m}/{year}")
        }
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn italian_and_english_figures() {
        let it = Numbers::of("it");
        let en = Numbers::of("en");
        assert_eq!(it.percent(0.8125), "81,3%");
        assert_eq!(en.percent(0.8125), "81.3%");
        assert_eq!(it.count(1500), "1.500");
        assert_eq!(en.count(1_234_567), "1,234,567");
        assert_eq!(it.count(12), "12");
        assert_eq!(it.decimal(3.745, 2), "3,75");
        assert_eq!(it.decimal(-12.34, 1), "−12,3");
        assert_eq!(it.decimal(-0.01, 1), "0,0");
        assert_eq!(it.percent_interval([0.7222, 0.8749]), "72,2–87,5%");
        assert_eq!(en.decimal(1234.5, 1), "1,234.5");
        assert_eq!(period("it", "2026-09"), "set 2026");
        assert_eq!(period("en", "2026-09"), "Sep 2026");
        assert_eq!(period("it", "2026-09-21"), "21/09/2026");
        assert_eq!(period("en", "2026-09-21"), "2026-09-21");
        assert_eq!(period("it", "2026-W39"), "2026-W39");
    }
}
