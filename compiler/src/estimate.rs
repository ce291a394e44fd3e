//! Completion-time estimate of language.md §10, shared by `check` (shown) and R0408.
//!
//! # The model
//!
//! A respondent reads at **180 words a minute** (one word costs a third of a second) and
//! answers in **3 s per closed answer** and **30 s per free-text answer**. Choices made here,
//! where language.md §10 is silent:
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
    estimate(survey).seconds
}

/// The estimate with its breakdown (see the module doc for the model).
pub fn estimate(survey: &Survey) -> Estimate {
    let channels: Vec<Channel> = if survey.channels.is_empty() {
        vec![Channel::Web]
    } else {
        survey.channels.clone()
    };
    let mut best: Option<Estimate> = None;
    for channel in channels {
        let path = estimate_channel(survey, channel);
        match &best {
            Some(b) if b.seconds >= path.seconds => {}
            _ => best = Some(path),
        }
    }
    best.unwrap_or_else(|| estimate_channel(survey, Channel::Web))
}

/// The estimate for the questions asked on one channel.
pub fn estimate_channel(survey: &Survey, channel: Channel) -> Estimate {
    let language = survey.default_language();
    let asked: Vec<&Question> = survey
        .questions
        .iter()
        .filter(|q| q.channels.is_empty() || q.channels.contains(&channel))
        .collect();
    let section_words: u32 = survey
        .sections
        .iter()
        .filter(|s| asked.iter().any(|q| q.section.as_deref() == Some(s.id.as_str())))
        .map(|s| words(&s.title, language))
        .sum();
    let heading_words = words(&survey.title, language) + section_words;
    let questions: Vec<QuestionCost> = asked.iter().map(|q| question_cost(q, language)).collect();
    let total_words = heading_words + questions.iter().map(|q| q.words).sum::<u32>();
    let answer_seconds = questions.iter().map(|q| q.answer_seconds).sum();
    Estimate {
        seconds: seconds_of(total_words, answer_seconds),
        channel,
        heading_words,
        questions,
    }
}

/// What one question costs to read and answer, in `language`.
pub fn question_cost(question: &Question, language: &str) -> QuestionCost {
    let help = question.help.as_ref().map_or(0, |h| words(h, language));
    let labels: u32 = question.codes.iter().map(|c| words(&c.label, language)).sum();
    let answer_seconds = match question.kind {
        QuestionKind::Text => FREE_TEXT_SECONDS,
        _ => CLOSED_ANSWER_SECONDS,
    };
    QuestionCost {
        id: question.id.clone(),
        words: words(&question.wording, language) + help + labels,
        answer_seconds,
    }
}

/// Whitespace-separated words of `text` in `language` (else in its first language).
pub fn words(text: &Text, language: &str) -> u32 {
    let s = text
        .0
        .get(language)
        .or_else(|| text.0.values().next())
        .map_or("", String::as_str);
    u32::try_from(s.split_whitespace().count()).unwrap_or(u32::MAX)
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
