//! Declarants in the store.

use rusqlite::{OptionalExtension, Row, params};

use super::{Store, now, today};
use crate::declarant::{Declarant, DeclarantDraft, ReadsEnglish};
use crate::error::{Error, FieldError, FieldProblem, Result};
use crate::remembered_date::RememberedDate;
use crate::validate::{latest_past_day, past_date};

const LINE_MAX: usize = 2_000;

impl Store {
    /// Validates `draft` and adds it as a declarant of the case.
    pub fn create_declarant(&mut self, case_id: &str, draft: &DeclarantDraft) -> Result<Declarant> {
        let d = check(draft)?;
        self.case_exists(case_id)?;
        let id = uuid::Uuid::now_v7().to_string();
        let stamp = now();
        self.conn().execute(
            "INSERT INTO declarants (id, case_id, full_name, position, created_at, updated_at)
             VALUES (?1, ?2, ?3,
                (SELECT coalesce(max(position), 0) + 1 FROM declarants WHERE case_id = ?2), ?4, ?4)",
            params![id, case_id, d.full_name, stamp],
        )?;
        self.write_declarant(&id, &d, &stamp)?;
        self.declarant(&id)
    }

    /// Validates `draft` and replaces the declarant `id` with it.
    pub fn update_declarant(&mut self, id: &str, draft: &DeclarantDraft) -> Result<Declarant> {
        let d = check(draft)?;
        self.declarant(id)?;
        self.write_declarant(id, &d, &now())?;
        self.declarant(id)
    }

    /// The declarant `id`.
    pub fn declarant(&self, id: &str) -> Result<Declarant> {
        self.conn()
            .query_row(
                "SELECT * FROM declarants WHERE id = ?1",
                [id],
                declarant_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))
    }

    /// The declarants of a case, in the order they were added.
    pub fn declarants(&self, case_id: &str) -> Result<Vec<Declarant>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM declarants WHERE case_id = ?1 ORDER BY position")?;
        let found = stmt
            .query_map([case_id], declarant_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(found)
    }

    /// Removes a declarant who has no statement.
    pub fn delete_declarant(&mut self, id: &str) -> Result<()> {
        let statements: i64 = self.conn().query_row(
            "SELECT count(*) FROM statements WHERE declarant_id = ?1",
            [id],
            |r| r.get(0),
        )?;
        if statements > 0 {
            return Err(Error::InUse(format!(
                "the declarant has {statements} statement(s); remove them first"
            )));
        }
        if self
            .conn()
            .execute("DELETE FROM declarants WHERE id = ?1", [id])?
            == 0
        {
            return Err(Error::NotFound(id.to_owned()));
        }
        Ok(())
    }

    pub(crate) fn case_exists(&self, case_id: &str) -> Result<()> {
        self.conn()
            .query_row("SELECT 1 FROM cases WHERE id = ?1", [case_id], |r| {
                r.get::<_, i64>(0)
            })
            .optional()?
            .map(|_| ())
            .ok_or_else(|| Error::NotFound(case_id.to_owned()))
    }

    fn write_declarant(&self, id: &str, d: &DeclarantDraft, stamp: &str) -> Result<()> {
        let languages = serde_json::to_string(&d.languages).unwrap_or_else(|_| "[]".into());
        self.conn().execute(
            "UPDATE declarants SET full_name = ?2, is_the_person = ?3, relationship = ?4,
                known_since = ?5, age = ?6, birth_date = ?7, city = ?8, country = ?9,
                contact = ?10, languages = ?11, reads_english = ?12, updated_at = ?13
             WHERE id = ?1",
            params![
                id,
                d.full_name,
                d.is_the_person,
                d.relationship,
                d.known_since.map(|x| x.encode()),
                d.age,
                d.birth_date.map(|x| x.encode()),
                d.city,
                d.country,
                d.contact,
                languages,
                reads_str(d.reads_english),
                stamp,
            ],
        )?;
        Ok(())
    }
}

fn check(draft: &DeclarantDraft) -> Result<DeclarantDraft> {
    let mut errors = Vec::new();
    let mut out = draft.clone();
    let mut line = |value: &mut String, field: &str| {
        *value = value.trim().to_owned();
        if value.chars().count() > LINE_MAX {
            errors.push(FieldError::new(field, FieldProblem::TooLong));
        }
    };
    line(&mut out.full_name, "fullName");
    line(&mut out.relationship, "relationship");
    line(&mut out.city, "city");
    line(&mut out.country, "country");
    line(&mut out.contact, "contact");
    out.languages = out
        .languages
        .iter()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .collect();
    if out.full_name.is_empty() {
        errors.push(FieldError::new("fullName", FieldProblem::Required));
    }
    if out.age.is_some_and(|a| a > 130) {
        errors.push(FieldError::new("age", FieldProblem::YearOutOfRange));
    }
    let latest = latest_past_day(today());
    past_date(&out.known_since, "knownSince", latest, &mut errors);
    past_date(&out.birth_date, "birthDate", latest, &mut errors);
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::Invalid(errors))
    }
}

fn reads_str(r: ReadsEnglish) -> &'static str {
    match r {
        ReadsEnglish::Unknown => "unknown",
        ReadsEnglish::Yes => "yes",
        ReadsEnglish::No => "no",
    }
}

fn reads_from(text: &str) -> ReadsEnglish {
    match text {
        "yes" => ReadsEnglish::Yes,
        "no" => ReadsEnglish::No,
        _ => ReadsEnglish::Unknown,
    }
}

fn date(r: &Row<'_>, column: &str) -> rusqlite::Result<Option<RememberedDate>> {
    Ok(r.get::<_, Option<String>>(column)?
        .as_deref()
        .and_then(RememberedDate::decode))
}

fn declarant_from_row(r: &Row<'_>) -> rusqlite::Result<Declarant> {
    Ok(Declarant {
        id: r.get("id")?,
        case_id: r.get("case_id")?,
        record: DeclarantDraft {
            full_name: r.get("full_name")?,
            is_the_person: r.get("is_the_person")?,
            relationship: r.get("relationship")?,
            known_since: date(r, "known_since")?,
            age: r.get("age")?,
            birth_date: date(r, "birth_date")?,
            city: r.get("city")?,
            country: r.get("country")?,
            contact: r.get("contact")?,
            languages: serde_json::from_str(&r.get::<_, String>("languages")?).unwrap_or_default(),
            reads_english: reads_from(&r.get::<_, String>("reads_english")?),
        },
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}
