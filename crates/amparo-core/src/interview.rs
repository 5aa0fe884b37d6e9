//! "Tell us what happened / Cuéntenos qué pasó": the guided interview a
//! family member answers one plain question at a time, and the records its
//! answers become. An answer left out ("I don't know") is an empty field,
//! never a guess. The statement drafted for the family member is in their
//! own language, built only from their answers with sentences that are
//! wording settings (`interview*`), so a lawyer can change every word the
//! app adds; nothing legal is added.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::case::{Custody, Hearing};
use crate::remembered_date::RememberedDate;
use crate::statement::Paragraph;

/// Everything the interview asked, as answered so far.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct InterviewAnswers {
    /// The language the family member answers in (`es`, `en`): their
    /// statement is drafted in it.
    pub language: String,
    /// Who is answering; they become a declarant of the case.
    pub answerer: Answerer,
    /// The person the case is about (asked only for a new case).
    pub person: InterviewPerson,
    /// Where the person is now and how the family reaches them (asked
    /// only for a new case; transfers and removal are not asked).
    pub custody: Custody,
    /// The next hearing, when one is known.
    pub hearing: Option<Hearing>,
    /// Each tattoo, in the family's words.
    pub tattoos: Vec<InterviewTattoo>,
    /// Others who can explain (the tattoo artist, a festival's organisers,
    /// an employer).
    pub witnesses: Vec<Witness>,
    /// The questions answered "I don't know", by the window's name for
    /// them, so that coming back shows them as answered.
    pub unknown: Vec<String>,
}

/// The family member answering.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Answerer {
    /// Their full name.
    pub full_name: String,
    /// What they are to the person ("his mother", "su madre").
    pub relationship: String,
    /// How to reach them.
    pub contact: String,
}

/// The person, as the family knows them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct InterviewPerson {
    /// Full name as on the government's papers.
    pub record_name: String,
    /// Date of birth, as precisely as known.
    pub birth_date: Option<RememberedDate>,
    /// Country of birth.
    pub country_of_birth: String,
    /// The A-number, as typed.
    pub a_number: String,
}

/// A tattoo, in the family's words.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct InterviewTattoo {
    /// Where on the body.
    pub body_location: String,
    /// What it shows (words, images).
    pub shows: String,
    /// When it was made.
    pub made_when: Option<RememberedDate>,
    /// Where it was made.
    pub made_where: String,
    /// Who made it.
    pub made_by: String,
    /// What it means, in their words.
    pub meaning: String,
    /// Who else has one like it.
    pub similar_others: String,
}

/// Someone else who can explain.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct Witness {
    /// Their full name.
    pub full_name: String,
    /// Who they are to the person ("the tattoo artist").
    pub relationship: String,
    /// How to reach them.
    pub contact: String,
    /// What they can explain, in the family's words.
    pub topics: String,
}

/// What finishing an interview made.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterviewDone {
    /// The case, new or added to.
    pub case_id: String,
    /// The family member's draft statement.
    pub statement_id: String,
    /// How many tattoo records were made.
    pub tattoos: u32,
    /// How many witnesses were added as declarants (each with a draft).
    pub witnesses: u32,
}

/// An interview saved to finish later.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedInterview {
    /// Its id.
    pub id: String,
    /// The case it adds to; none for a new case.
    pub case_id: Option<String>,
    /// The question it stopped at, by the window's name for it.
    pub step: String,
    /// The answers so far.
    pub answers: InterviewAnswers,
    /// When it was last saved, UTC.
    pub updated_at: String,
}

/// Reads a wording setting in the interview's language.
pub(crate) type Say<'a> = dyn Fn(&str, &[(&str, &str)]) -> String + 'a;

fn paragraph(original: String) -> Paragraph {
    Paragraph {
        original,
        english: String::new(),
        exhibits: Vec::new(),
    }
}

/// `text` as it was typed, ended with a period unless it already ends a
/// sentence: a typed answer fills the end of a drafted sentence.
fn ended(text: &str) -> String {
    let text = text.trim();
    match text.chars().last() {
        Some('.' | '!' | '?' | '…' | '»' | '"' | '”' | ')') | None => text.to_owned(),
        Some(_) => format!("{text}."),
    }
}

/// The family member's statement: who they are, then each tattoo as they
/// told it. Only what was answered is written.
pub(crate) fn answerer_paragraphs(
    answers: &InterviewAnswers,
    person: &str,
    say: &Say,
) -> Vec<Paragraph> {
    let a = &answers.answerer;
    let lang = if answers.language == "es" { "es" } else { "en" };
    let mut out = vec![paragraph(if a.relationship.trim().is_empty() {
        say("interviewIntroName", &[("name", a.full_name.trim())])
    } else {
        say(
            "interviewIntro",
            &[
                ("name", a.full_name.trim()),
                ("relationship", a.relationship.trim()),
                ("person", person),
            ],
        )
    })];
    for t in &answers.tattoos {
        let mut sentences = vec![say(
            "interviewTattoo",
            &[("person", person), ("where", t.body_location.trim())],
        )];
        if !t.shows.trim().is_empty() {
            sentences.push(say("interviewTattooShows", &[("shows", t.shows.trim())]));
        }
        let (by, place) = (t.made_by.trim(), t.made_where.trim());
        match (by.is_empty(), place.is_empty()) {
            (false, false) => sentences.push(say(
                "interviewTattooByIn",
                &[("artist", by), ("place", place)],
            )),
            (false, true) => sentences.push(say("interviewTattooBy", &[("artist", by)])),
            (true, false) => sentences.push(say("interviewTattooWhere", &[("place", place)])),
            (true, true) => {}
        }
        if let Some(when) = t.made_when {
            sentences.push(say(
                "interviewTattooWhen",
                &[("when", &when.in_words(lang))],
            ));
        }
        out.push(paragraph(sentences.join(" ")));
        if !t.meaning.trim().is_empty() {
            out.push(paragraph(say(
                "interviewTattooMeaning",
                &[("person", person), ("meaning", &ended(&t.meaning))],
            )));
        }
        if !t.similar_others.trim().is_empty() {
            out.push(paragraph(say(
                "interviewTattooOthers",
                &[("others", &ended(&t.similar_others))],
            )));
        }
    }
    out
}

/// A witness's draft: who they are, and what the family says they can
/// explain, for the witness to rewrite in their own words.
pub(crate) fn witness_paragraphs(w: &Witness, person: &str, say: &Say) -> Vec<Paragraph> {
    let intro = if w.relationship.trim().is_empty() {
        say(
            "interviewWitnessIntro",
            &[("name", w.full_name.trim()), ("person", person)],
        )
    } else {
        say(
            "interviewWitnessIntroRole",
            &[
                ("name", w.full_name.trim()),
                ("person", person),
                ("relationship", w.relationship.trim()),
            ],
        )
    };
    let mut out = vec![paragraph(intro)];
    if !w.topics.trim().is_empty() {
        out.push(paragraph(say(
            "interviewWitnessTopics",
            &[("topics", &ended(&w.topics))],
        )));
    }
    out
}
