//! Tattoo records in the store, each saved with its photo links in one
//! transaction.

use rusqlite::{Connection, OptionalExtension, Row, params};

use super::removals::Removable;
use super::{Store, now, today};
use crate::error::{Error, FieldError, FieldProblem, Result};
use crate::remembered_date::RememberedDate;
use crate::tattoo::{Tattoo, TattooDraft, TattooPhoto, TattooPhotoRole};
use crate::validate::{latest_past_day, past_date};

const LINE_MAX: usize = 2_000;
const TEXT_MAX: usize = 50_000;

impl Store {
    /// Validates `draft` and files it as a new tattoo record of the case.
    pub fn create_tattoo(&mut self, case_id: &str, draft: &TattooDraft) -> Result<Tattoo> {
        let clean = check(draft)?;
        let id = uuid::Uuid::now_v7().to_string();
        let stamp = now();
        let tx = self.conn.savepoint()?;
        let exists: Option<i64> = tx
            .query_row("SELECT 1 FROM cases WHERE id = ?1", [case_id], |r| r.get(0))
            .optional()?;
        if exists.is_none() {
            return Err(Error::NotFound(case_id.to_owned()));
        }
        tx.execute(
            "INSERT INTO tattoos (id, case_id, body_location, position, created_at, updated_at)
             VALUES (?1, ?2, ?3,
                (SELECT coalesce(max(position), 0) + 1 FROM tattoos WHERE case_id = ?2), ?4, ?4)",
            params![id, case_id, clean.body_location, stamp],
        )?;
        write(&tx, &id, case_id, &clean, &stamp)?;
        tx.commit()?;
        self.tattoo(&id)
    }

    /// Validates `draft` and replaces the tattoo record `id` with it.
    pub fn update_tattoo(&mut self, id: &str, draft: &TattooDraft) -> Result<Tattoo> {
        let clean = check(draft)?;
        let tx = self.conn.savepoint()?;
        let case_id: String = tx
            .query_row("SELECT case_id FROM tattoos WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))?;
        write(&tx, id, &case_id, &clean, &now())?;
        tx.commit()?;
        self.tattoo(id)
    }

    /// The tattoo record `id`.
    pub fn tattoo(&self, id: &str) -> Result<Tattoo> {
        let mut tattoo = self
            .conn()
            .query_row("SELECT * FROM tattoos WHERE id = ?1", [id], tattoo_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))?;
        tattoo.record.photos = self.tattoo_photos(id)?;
        Ok(tattoo)
    }

    /// The tattoo records of a case, in the order they were filed.
    pub fn tattoos(&self, case_id: &str) -> Result<Vec<Tattoo>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM tattoos WHERE case_id = ?1 ORDER BY position")?;
        let mut found: Vec<Tattoo> = stmt
            .query_map([case_id], tattoo_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        for tattoo in &mut found {
            tattoo.record.photos = self.tattoo_photos(&tattoo.id)?;
        }
        Ok(found)
    }

    /// Removes a tattoo record (its photos stay in the case); it can be
    /// undone for a while ([`Store::undo_removal`]).
    pub fn delete_tattoo(&mut self, id: &str) -> Result<()> {
        self.remove(Removable::Tattoo, id)
    }

    fn tattoo_photos(&self, id: &str) -> Result<Vec<TattooPhoto>> {
        let mut stmt = self.conn().prepare(
            "SELECT photo_id, role FROM tattoo_photos WHERE tattoo_id = ?1 ORDER BY position",
        )?;
        let photos = stmt
            .query_map([id], |r| {
                Ok(TattooPhoto {
                    photo_id: r.get(0)?,
                    role: role_from(&r.get::<_, String>(1)?),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(photos)
    }
}

fn write(tx: &Connection, id: &str, case_id: &str, t: &TattooDraft, stamp: &str) -> Result<()> {
    tx.execute(
        "UPDATE tattoos SET body_location = ?2, shows_text = ?3, shows_images = ?4,
            made_when = ?5, made_where = ?6, made_by = ?7, meaning_language = ?8,
            meaning_original = ?9, meaning_english = ?10, why = ?11, context = ?12,
            similar_others = ?13, earlier_explanations = ?14, updated_at = ?15
         WHERE id = ?1",
        params![
            id,
            t.body_location,
            t.shows_text,
            t.shows_images,
            t.made_when.map(|d| d.encode()),
            t.made_where,
            t.made_by,
            t.meaning_language,
            t.meaning_original,
            t.meaning_english,
            t.why,
            t.context,
            t.similar_others,
            t.earlier_explanations,
            stamp,
        ],
    )?;
    tx.execute("DELETE FROM tattoo_photos WHERE tattoo_id = ?1", [id])?;
    for (position, link) in t.photos.iter().enumerate() {
        let same_case: Option<i64> = tx
            .query_row(
                "SELECT 1 FROM photos WHERE id = ?1 AND case_id = ?2",
                params![link.photo_id, case_id],
                |r| r.get(0),
            )
            .optional()?;
        if same_case.is_none() {
            return Err(Error::NotFound(format!(
                "photo {} in this case",
                link.photo_id
            )));
        }
        tx.execute(
            "INSERT INTO tattoo_photos (tattoo_id, photo_id, role, position) VALUES (?1, ?2, ?3, ?4)",
            params![id, link.photo_id, role_str(link.role), position as i64],
        )?;
    }
    Ok(())
}

fn check(draft: &TattooDraft) -> Result<TattooDraft> {
    let mut errors = Vec::new();
    let mut out = draft.clone();
    let mut text = |value: &mut String, field: &str, max: usize| {
        *value = value.trim().to_owned();
        if value.chars().count() > max {
            errors.push(FieldError::new(field, FieldProblem::TooLong));
        }
    };
    text(&mut out.body_location, "bodyLocation", LINE_MAX);
    text(&mut out.shows_text, "showsText", TEXT_MAX);
    text(&mut out.shows_images, "showsImages", TEXT_MAX);
    text(&mut out.made_where, "madeWhere", LINE_MAX);
    text(&mut out.made_by, "madeBy", LINE_MAX);
    text(&mut out.meaning_language, "meaningLanguage", LINE_MAX);
    text(&mut out.meaning_original, "meaningOriginal", TEXT_MAX);
    text(&mut out.meaning_english, "meaningEnglish", TEXT_MAX);
    text(&mut out.why, "why", TEXT_MAX);
    text(&mut out.context, "context", TEXT_MAX);
    text(&mut out.similar_others, "similarOthers", TEXT_MAX);
    text(
        &mut out.earlier_explanations,
        "earlierExplanations",
        TEXT_MAX,
    );
    if out.body_location.is_empty() {
        errors.push(FieldError::new("bodyLocation", FieldProblem::Required));
    }
    past_date(
        &out.made_when,
        "madeWhen",
        latest_past_day(today()),
        &mut errors,
    );
    let mut seen = std::collections::HashSet::new();
    out.photos.retain(|p| seen.insert(p.photo_id.clone()));
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::Invalid(errors))
    }
}

fn role_str(role: TattooPhotoRole) -> &'static str {
    match role {
        TattooPhotoRole::CloseUp => "closeUp",
        TattooPhotoRole::Context => "context",
    }
}

fn role_from(text: &str) -> TattooPhotoRole {
    match text {
        "context" => TattooPhotoRole::Context,
        _ => TattooPhotoRole::CloseUp,
    }
}

fn tattoo_from_row(r: &Row<'_>) -> rusqlite::Result<Tattoo> {
    Ok(Tattoo {
        id: r.get("id")?,
        case_id: r.get("case_id")?,
        record: TattooDraft {
            body_location: r.get("body_location")?,
            shows_text: r.get("shows_text")?,
            shows_images: r.get("shows_images")?,
            made_when: r
                .get::<_, Option<String>>("made_when")?
                .as_deref()
                .and_then(RememberedDate::decode),
            made_where: r.get("made_where")?,
            made_by: r.get("made_by")?,
            meaning_language: r.get("meaning_language")?,
            meaning_original: r.get("meaning_original")?,
            meaning_english: r.get("meaning_english")?,
            why: r.get("why")?,
            context: r.get("context")?,
            similar_others: r.get("similar_others")?,
            earlier_explanations: r.get("earlier_explanations")?,
            photos: Vec::new(),
        },
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}
