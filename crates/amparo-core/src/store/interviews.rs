//! Guided interviews in the store: saved as they go, to finish later, and
//! finished all at once: the case (new, or the one it adds to), the family
//! member and each witness as declarants with a draft statement, the
//! tattoo records and the chronology's events are made in one transaction,
//! or nothing is. A refused answer is named by its place in the interview
//! (`person.aNumber`, `tattoos.0.bodyLocation`).

use std::collections::HashMap;

use rusqlite::{OptionalExtension, params};

use super::{Store, now};
use crate::case::{Case, CaseDraft, Person};
use crate::declarant::DeclarantDraft;
use crate::error::{Error, FieldError, Result};
use crate::evidence_link::{EvidenceLink, LinkKind};
use crate::interview::{
    InterviewAnswers, InterviewDone, SavedInterview, answerer_paragraphs, witness_paragraphs,
};
use crate::statement::{Caption, Paragraph, StatementDraft};
use crate::tattoo::TattooDraft;
use crate::timeline::{EventDraft, EventKind};
use crate::wording::fill;

impl Store {
    /// Saves the answers so far and the question reached; a new saved
    /// interview when `id` is none. Its id.
    pub fn save_interview(
        &mut self,
        id: Option<&str>,
        case_id: Option<&str>,
        step: &str,
        answers: &InterviewAnswers,
    ) -> Result<String> {
        if let Some(case_id) = case_id {
            self.case(case_id)?;
        }
        let json =
            serde_json::to_string(answers).map_err(|e| Error::Serialization(e.to_string()))?;
        let id = match id {
            Some(id) => {
                let changed = self.conn().execute(
                    "UPDATE interviews SET step = ?2, answers = ?3, updated_at = ?4 WHERE id = ?1",
                    params![id, step, json, now()],
                )?;
                if changed == 0 {
                    return Err(Error::NotFound(id.to_owned()));
                }
                id.to_owned()
            }
            None => {
                let id = uuid::Uuid::now_v7().to_string();
                self.conn().execute(
                    "INSERT INTO interviews (id, case_id, step, answers, updated_at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![id, case_id, step, json, now()],
                )?;
                id
            }
        };
        Ok(id)
    }

    /// The interview `id` as last saved.
    pub fn interview(&self, id: &str) -> Result<SavedInterview> {
        self.conn()
            .query_row(
                "SELECT id, case_id, step, answers, updated_at FROM interviews WHERE id = ?1",
                [id],
                saved_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))?
    }

    /// The interviews not finished yet, the latest first.
    pub fn unfinished_interviews(&self) -> Result<Vec<SavedInterview>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, case_id, step, answers, updated_at FROM interviews
             ORDER BY updated_at DESC, id DESC",
        )?;
        let rows = stmt
            .query_map([], saved_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter().collect()
    }

    /// Throws away an interview not finished.
    pub fn discard_interview(&mut self, id: &str) -> Result<()> {
        if self
            .conn()
            .execute("DELETE FROM interviews WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound(id.to_owned()));
        }
        Ok(())
    }

    /// Makes the records the interview's answers describe, all or none,
    /// and forgets the saved interview.
    pub fn finish_interview(&mut self, id: &str) -> Result<InterviewDone> {
        let saved = self.interview(id)?;
        self.conn.execute_batch("SAVEPOINT interview")?;
        let made = self
            .make_from_interview(saved.case_id.as_deref(), &saved.answers)
            .and_then(|done| {
                self.conn()
                    .execute("DELETE FROM interviews WHERE id = ?1", [id])?;
                Ok(done)
            });
        match made {
            Ok(done) => {
                self.conn.execute_batch("RELEASE interview")?;
                Ok(done)
            }
            Err(e) => {
                self.conn
                    .execute_batch("ROLLBACK TO interview; RELEASE interview")?;
                Err(e)
            }
        }
    }

    fn make_from_interview(
        &mut self,
        case_id: Option<&str>,
        answers: &InterviewAnswers,
    ) -> Result<InterviewDone> {
        let wording = self.wording_map()?;
        let lang = if answers.language == "es" { "es" } else { "en" };
        let say = |key: &str, values: &[(&str, &str)]| {
            let text = wording
                .get(&format!("{key}.{lang}"))
                .or_else(|| wording.get(&format!("{key}.en")))
                .map_or("", String::as_str);
            fill(text, values)
        };
        let case = match case_id {
            Some(id) => self.case(id)?,
            None => self.create_case(&case_draft(answers))?,
        };
        let person = if case.person.used_name.trim().is_empty() {
            case.person.record_name.clone()
        } else {
            case.person.used_name.clone()
        };

        let mut tattoos = 0;
        for (i, t) in answers.tattoos.iter().enumerate() {
            let draft = TattooDraft {
                body_location: t.body_location.clone(),
                shows_images: t.shows.clone(),
                made_when: t.made_when,
                made_where: t.made_where.clone(),
                made_by: t.made_by.clone(),
                meaning_language: lang.to_owned(),
                meaning_original: t.meaning.clone(),
                similar_others: t.similar_others.clone(),
                ..TattooDraft::default()
            };
            let tattoo = self
                .create_tattoo(&case.id, &draft)
                .map_err(under(&format!("tattoos.{i}")))?;
            tattoos += 1;
            if t.made_when.is_some() {
                self.create_event(
                    &case.id,
                    &EventDraft {
                        date: t.made_when,
                        place: t.made_where.clone(),
                        kind: EventKind::Other,
                        description: fill(
                            &english(&wording, "interviewEventTattoo"),
                            &[("where", t.body_location.trim())],
                        ),
                        sources: vec![EvidenceLink {
                            kind: LinkKind::Tattoo,
                            id: tattoo.id,
                            paragraph: None,
                            page: None,
                        }],
                        ..EventDraft::default()
                    },
                )
                .map_err(under(&format!("tattoos.{i}")))?;
            }
        }

        let a = &answers.answerer;
        let statement_id = self.declarant_with_draft(
            &case,
            &DeclarantDraft {
                full_name: a.full_name.clone(),
                relationship: a.relationship.clone(),
                contact: a.contact.clone(),
                ..DeclarantDraft::default()
            },
            lang,
            answerer_paragraphs(answers, &person, &say),
            "answerer",
        )?;
        for (i, w) in answers.witnesses.iter().enumerate() {
            self.declarant_with_draft(
                &case,
                &DeclarantDraft {
                    full_name: w.full_name.clone(),
                    relationship: w.relationship.clone(),
                    contact: w.contact.clone(),
                    ..DeclarantDraft::default()
                },
                lang,
                witness_paragraphs(w, &person, &say),
                &format!("witnesses.{i}"),
            )?;
        }
        Ok(InterviewDone {
            case_id: case.id,
            statement_id,
            tattoos,
            witnesses: u32::try_from(answers.witnesses.len()).unwrap_or(u32::MAX),
        })
    }

    /// A declarant and their draft statement in `lang`; the statement's id.
    fn declarant_with_draft(
        &mut self,
        case: &Case,
        draft: &DeclarantDraft,
        lang: &str,
        paragraphs: Vec<Paragraph>,
        answered_at: &str,
    ) -> Result<String> {
        let declarant = self
            .create_declarant(&case.id, draft)
            .map_err(under(answered_at))?;
        let name = declarant.record.full_name.clone();
        let court = case
            .hearings
            .iter()
            .find(|h| !h.court.trim().is_empty())
            .map(|h| format!("Immigration Court, {}", h.court.trim()))
            .unwrap_or_default();
        let statement = self.create_statement(
            &case.id,
            &StatementDraft {
                declarant_id: declarant.id,
                title: format!("Declaration of {name}"),
                title_original: if lang == "es" {
                    format!("Declaración de {name}")
                } else {
                    format!("Declaration of {name}")
                },
                language: lang.to_owned(),
                paragraphs,
                caption: Caption {
                    court,
                    ..Caption::default()
                },
                name_on_every_page: true,
                ..StatementDraft::default()
            },
        )?;
        Ok(statement.id)
    }
}

fn saved_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Result<SavedInterview>> {
    let answers: String = r.get(3)?;
    Ok(serde_json::from_str(&answers)
        .map_err(|e| Error::Serialization(e.to_string()))
        .and_then(|answers| {
            Ok(SavedInterview {
                id: r.get(0)?,
                case_id: r.get(1)?,
                step: r.get(2)?,
                answers,
                updated_at: r.get(4)?,
            })
        }))
}

/// The case a new interview describes.
fn case_draft(answers: &InterviewAnswers) -> CaseDraft {
    let p = &answers.person;
    CaseDraft {
        person: Person {
            record_name: p.record_name.clone(),
            birth_date: p.birth_date,
            country_of_birth: p.country_of_birth.clone(),
            a_number: p.a_number.clone(),
            ..Person::default()
        },
        custody: answers.custody.clone(),
        hearings: answers.hearing.iter().cloned().collect(),
        ..CaseDraft::default()
    }
}

fn english(wording: &HashMap<String, String>, key: &str) -> String {
    wording
        .get(&format!("{key}.en"))
        .cloned()
        .unwrap_or_default()
}

/// Names a refused field by where the interview asked it.
fn under(place: &str) -> impl Fn(Error) -> Error + '_ {
    move |e| match e {
        Error::Invalid(fields) => Error::Invalid(
            fields
                .into_iter()
                .map(|f| FieldError {
                    field: format!("{place}.{}", f.field),
                    problem: f.problem,
                })
                .collect(),
        ),
        other => other,
    }
}
