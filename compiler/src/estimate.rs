//! Completion-time estimate of docs/language.md §11, shared by `check` (shown) and R0408.
//!
//! # The model
//!
//! A respondent reads at **180 words a minute** (one word costs a third of a second) and
//! answers in **3 s per closed answer** and **30 s per free-text answer**. Choices made here,
//! where docs/language.md §11 is silent:
//!
//! - **Words** are counted in the survey's default language (the first of `languages`) by
//!   splitting on whitespace: `"Complessivamente, quanto è soddisfatto del servizio?"` is 6 words.
//!   A text missing in the default language (only in a survey with errors) is counted in the
//!   first language it has.
//! - **What is read**: the survey title once; each section title once, when the section holds a
//!   question asked on the channel; for every question its wording, its help and the label of
//!   every code it offers, missing codes (`Non so`) included, since all are on screen. `check`
//!   messages (shown only on a rejected answer) and the kiosk thank-you are not counted.
//! - **Answers**: `text` costs 30 s; every other type costs 3 s once per question: a `multi` is
//!   one answer (a few taps), a `number` is one short entry.
//! - **Routing**: a question with `show if` is counted in full, as if always asked. The
//!   standard's `max minutes` is a promise to every respondent, so the estimate is the worst
//!   case, not an average over routes.
//! - **`specify` texts** are not counted: the free text behind "Altro" is optional and written
//!   only by those who choose that code; counting 30 s for it would price a choice the
//!   respondent makes, not one the survey imposes.
//! - **Channels**: each channel of the survey is a path of the questions asked on it (a question
//!   with `channels web` is not on the kiosk path). The estimate is that of the **longest**
//!   channel path, again the worst case; [`Estimate::channel`] names it.
//!
//! Seconds are rounded up once, on the total: `ceil(words / 3 + answer seconds)`.

use crate::ir::{Channel, Question, QuestionKind, Survey, Text};

/// Words read per minute.
pub const WORDS_PER_MINUTE: u32 = 180;
/// Seconds to give one closed answer (scale, choice, multi, faces, rating, nps, yesno, number).
pub const CLOSED_ANSWER_SECONDS: u32 = 3;
/// Seconds to write one free-text answer.
pub const FREE_TEXT_SECONDS: u32 = 30;

/// The cost of one question on the estimated path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionCost {
    pub id: String,
    /// Words of the wording, help and code labels.
    pub words: u32,
    /// Seconds to answer: [`CLOSED_ANSWER_SECONDS`] or [`FREE_TEXT_SECONDS`].
    pub answer_seconds: u32,
}

impl QuestionCost {
    /// Reading plus answering, rounded up to whole seconds.
    pub fn seconds(&self) -> u32 {
        seconds_of(self.words, self.answer_seconds)
    }
}

/// The estimate of one survey, with its breakdown so `check` and R0408 can explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Estimate {
    /// The whole path, rounded up.
    pub seconds: u32,
    /// The channel whose path is the longest (the survey's first channel on a tie).
    pub channel: Channel,
    /// Words of the title and the section titles read on the path.
    pub heading_words: u32,
    /// Every question asked on the path, in order.
    pub questions: Vec<QuestionCost>,
}

impl Estimate {
    /// The `n` costliest questions, costliest first (survey order on a tie).
    pub fn costliest(&self, n: usize) -> Vec<&QuestionCost> {
        let mut sorted: Vec<&QuestionCost> = self.questions.iter().collect();
        sorted.sort_by_key(|q| std::cmp::Reverse(q.words + 3 * q.answer_seconds));
        sorted.truncate(n);
        sorted
    }
}

/// Estimated completion time of `survey` in seconds (the longest channel path).
pub fn estimate_seconds(survey: &Survey) -> u32 {
    let costs = costs(survey);
    channels(survey)
        .into_iter()
        .map(|channel| path(survey, &costs, channel).seconds)
        .max()
        .unwrap_or_default()
}

/// The estimate with its breakdown (see the module doc for the model).
pub fn estimate(survey: &Survey) -> Estimate {
    let costs = costs(survey);
    let mut best: Option<Path> = None;
    for channel in channels(survey) {
        let path = path(survey, &costs, channel);
        match &best {
            Some(b) if b.seconds >= path.seconds => {}
            _ => best = Some(path),
        }
    }
    best.unwrap_or_else(|| path(survey, &costs, Channel::Web))
        .into_estimate(survey, &costs)
}

/// The estimate for the questions asked on one channel.
pub fn estimate_channel(survey: &Survey, channel: Channel) -> Estimate {
    let costs = costs(survey);
    path(survey, &costs, channel).into_estimate(survey, &costs)
}

/// The survey's channels, or `web` when it names none.
fn channels(survey: &Survey) -> Vec<Channel> {
    if survey.channels.is_empty() {
        vec![Channel::Web]
    } else {
        survey.channels.clone()
    }
}

/// Each question's words and answer seconds, in survey order: counted once for every
/// channel (a question costs the same on each path that asks it).
fn costs(survey: &Survey) -> Vec<(u32, u32)> {
    let language = survey.default_language();
    survey.questions.iter().map(|q| count(q, language)).collect()
}

fn is_asked(question: &Question, channel: Channel) -> bool {
    question.channels.is_empty() || question.channels.contains(&channel)
}

/// One channel's path, without its questions' breakdown.
struct Path {
    channel: Channel,
    seconds: u32,
    heading_words: u32,
}

fn path(survey: &Survey, costs: &[(u32, u32)], channel: Channel) -> Path {
    let language = survey.default_language();
    // The sections holding an asked question, gathered once: a lookup per section, not a
    // scan of every question per section (quadratic in a survey of many sections).
    let asked_sections: std::collections::HashSet<&str> = survey
        .questions
        .iter()
        .filter(|q| is_asked(q, channel))
        .filter_map(|q| q.section.as_deref())
        .collect();
    let section_words: u32 = survey
        .sections
        .iter()
        .filter(|s| asked_sections.contains(s.id.as_str()))
        .map(|s| words(&s.title, language))
        .sum();
    let heading_words = words(&survey.title, language) + section_words;
    let asked = survey
        .questions
        .iter()
        .zip(costs)
        .filter(|(q, _)| is_asked(q, channel));
    let question_words: u32 = asked.clone().map(|(_, (words, _))| words).sum();
    let answer_seconds: u32 = asked.map(|(_, (_, seconds))| seconds).sum();
    Path {
        channel,
        seconds: seconds_of(heading_words + question_words, answer_seconds),
        heading_words,
    }
}

impl Path {
    fn into_estimate(self, survey: &Survey, costs: &[(u32, u32)]) -> Estimate {
        let questions = survey
            .questions
            .iter()
            .zip(costs)
            .filter(|(q, _)| is_asked(q, self.channel))
            .map(|(q, &(words, answer_seconds))| QuestionCost {
                id: q.id.clone(),
                words,
                answer_seconds,
            })
            .collect();
        Estimate {
            seconds: self.seconds,
            channel: self.channel,
            heading_words: self.heading_words,
            questions,
        }
    }
}

/// What one question costs to read and answer, in `language`.
pub fn question_cost(question: &Question, language: &str) -> QuestionCost {
    let (words, answer_seconds) = count(question, language);
    QuestionCost {
        id: question.id.clone(),
        words,
        answer_seconds,
    }
}

/// A question's words (wording, help, code labels) and its answer seconds.
fn count(question: &Question, language: &str) -> (u32, u32) {
    let help = question.help.as_ref().map_or(0, |h| words(h, language));
    let labels: u32 = question.codes.iter().map(|c| words(&c.label, language)).sum();
    let answer_seconds = match question.kind {
        QuestionKind::Text => FREE_TEXT_SECONDS,
        _ => CLOSED_ANSWER_SECONDS,
    };
    (words(&question.wording, language) + help + labels, answer_seconds)
}

/// Whitespace-separated words of `text` in `language` (else in its first language).
pub fn words(text: &Text, language: &str) -> u32 {
    let s = text
        .0
        .get(language)
        .or_else(|| text.0.values().next())
        .map_or("", String::as_str);
    u32::try_from(word_count(s)).unwrap_or(u32::MAX)
}

/// `s.split_whitespace().count()`; an ASCII text is counted over its bytes (the ASCII
/// characters `char::is_whitespace` takes: tab to carriage return, and space).
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    let space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
    let mut count = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        let starts = !space(b) && !in_word;
        count += usize::from(starts);
        in_word = !space(b);
    }
    count
}

/// Reading `words` at [`WORDS_PER_MINUTE`] plus `answer_seconds`, rounded up.
fn seconds_of(words: u32, answer_seconds: u32) -> u32 {
    let per_second = WORDS_PER_MINUTE / 60;
    words.div_ceil(per_second).saturating_add(answer_seconds)
}

/// A duration for people: `45 s`, `3 min`, `2 min 10 s`.
pub fn format_duration(seconds: u32) -> String {
    let (minutes, rest) = (seconds / 60, seconds % 60);
    match (minutes, rest) {
        (0, s) => format!("{s} s"),
        (m, 0) => format!("{m} min"),
        (m, s) => format!("{m} min {s} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conformance::testing::{code, conforming_survey, istat_cx, question, span, text, SURVEY_FILE};
    use crate::ir::{CmpOp, Expr, SectionInfo};

    #[test]
    fn durations_read_like_people_say_them() {
        assert_eq!(format_duration(0), "0 s");
        assert_eq!(format_duration(45), "45 s");
        assert_eq!(format_duration(60), "1 min");
        assert_eq!(format_duration(130), "2 min 10 s");
        assert_eq!(format_duration(200), "3 min 20 s");
    }

    #[test]
    fn counts_title_wordings_and_every_label() {
        let survey = conforming_survey(&istat_cx());
        let estimate = estimate(&survey);
        let words: Vec<(&str, u32)> = estimate
            .questions
            .iter()
            .map(|q| (q.id.as_str(), q.words))
            .collect();
        // facilita: 7 words + labels 3+2+2+1+2+2 ("Non so" included); motivi: 5 + 3+3+1.
        assert_eq!(
            words,
            vec![
                ("facilita", 19),
                ("soddisfazione", 20),
                ("motivi", 12),
                ("tempo", 16),
                ("problemi_tecnici", 4),
                ("documenti", 4),
            ]
        );
        assert_eq!(estimate.heading_words, 3, "«Valuta il servizio»");
        // 78 words at 3 a second = 26 s, plus 6 closed answers of 3 s = 44 s.
        assert_eq!(estimate.seconds, 44);
        assert_eq!(estimate_seconds(&survey), 44);
    }

    /// A counter survey on `web kiosk`: a faces question everywhere, a free text on the web
    /// only, in a section.
    fn counter_survey() -> Survey {
        let mut survey = conforming_survey(&istat_cx());
        survey.title = text(&[("it", "Valuti lo sportello")]);
        survey.channels = vec![Channel::Web, Channel::Kiosk];
        survey.sections = vec![SectionInfo {
            id: "comune".into(),
            title: text(&[("it", "Domande del Comune")]),
        }];
        let mut faces = question(
            "giudizio",
            QuestionKind::Faces,
            "Come valuta il servizio ricevuto?",
            "How do you rate the service?",
            span(SURVEY_FILE, 0),
        );
        faces.codes = vec![
            code(1, "Negativo", "Negative"),
            code(2, "Sufficiente", "Fair"),
            code(3, "Positivo", "Positive"),
        ];
        let mut commento = question(
            "commento",
            QuestionKind::Text,
            "Vuole aggiungere qualcosa?",
            "Anything to add?",
            span(SURVEY_FILE, 100),
        );
        commento.help = Some(text(&[("it", "Non inserisca dati personali.")]));
        commento.channels = vec![Channel::Web];
        commento.section = Some("comune".into());
        survey.questions = vec![faces, commento];
        survey
    }

    #[test]
    fn the_longest_channel_path_counts() {
        let survey = counter_survey();
        // web: title 3 + section 3 + faces 5+3 + text 3 + help 4 = 21 words = 7 s; 3 s + 30 s.
        let web = estimate_channel(&survey, Channel::Web);
        assert_eq!((web.heading_words, web.seconds), (6, 40));
        // kiosk: no free text, and its section has nothing to show: 3 + 8 words = 4 s; 3 s.
        let kiosk = estimate_channel(&survey, Channel::Kiosk);
        assert_eq!((kiosk.heading_words, kiosk.seconds), (3, 7));
        let longest = estimate(&survey);
        assert_eq!((longest.channel, longest.seconds), (Channel::Web, 40));
    }

    #[test]
    fn routed_questions_count_fully_and_specify_texts_do_not() {
        let mut survey = counter_survey();
        survey.channels = vec![Channel::Kiosk];
        let mut motivo = question(
            "motivo",
            QuestionKind::Choice,
            "Per quale motivo?",
            "Why?",
            span(SURVEY_FILE, 200),
        );
        motivo.show_if = Some(Expr::Compare {
            question: "giudizio".into(),
            cmp: CmpOp::Eq,
            value: 1,
        });
        motivo.codes = vec![
            code(1, "Tempo di attesa", "Waiting time"),
            code(99, "Altro", "Other"),
        ];
        motivo.codes[1].specify = true;
        motivo.channels = vec![Channel::Kiosk];
        survey.questions.push(motivo);
        // kiosk: 3 + 8 + (3 + 3 + 1) = 18 words = 6 s; two closed answers, no specify text.
        assert_eq!(estimate(&survey).seconds, 12);
    }

    #[test]
    fn word_count_is_split_whitespace() {
        for s in [
            "",
            " ",
            "uno",
            " due  parole ",
            "a\tb\nc\u{000B}d\u{000C}e\rf",
            "x  ",
            "già\u{00A0}fatto sì",
        ] {
            assert_eq!(super::word_count(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn words_are_counted_in_the_default_language() {
        let mut survey = counter_survey();
        survey.languages = vec!["en".into(), "it".into()];
        survey.channels = vec![Channel::Kiosk];
        // "How do you rate the service?" 6 words + labels 3; the title has no `en`: its `it`.
        let estimate = estimate(&survey);
        assert_eq!(estimate.questions[0].words, 9);
        assert_eq!(estimate.seconds, 4 + 3);
    }
}
