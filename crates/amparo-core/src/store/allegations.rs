//! Allegations in the store, each saved with the evidence that answers it
//! in one transaction, and the editable reference list of reported
//! criteria.

use rusqlite::{OptionalExtension, Row, params};

use super::links::{LinkTable, check_links, read_links, trimmed, write_links};
use super::removals::Removable;
use super::{Store, now};
use crate::allegation::{
    Allegation, AllegationDraft, AllegationStatus, ReportedCriterion, default_reported_criteria,
};
use crate::error::{Error, FieldError, FieldProblem, Result};
use crate::evidence_link::{EvidenceLink, LinkKind};
use crate::remembered_date::RememberedDate;

const LINE_MAX: usize = 2_000;
const TEXT_MAX: usize = 20_000;
const POINTS_MAX: u32 = 1_000;
const REPORTED_CRITERIA: &str = "reported_criteria";

impl Store {
    /// Validates `draft` and records it as an allegation of the case.
    pub fn create_allegation(
        &mut self,
        case_id: &str,
        draft: &AllegationDraft,
    ) -> Result<Allegation> {
        self.case_exists(case_id)?;
        let clean = self.check_allegation(case_id, draft)?;
        let id = uuid::Uuid::now_v7().to_string();
        let stamp = now();
        let tx = self.conn.savepoint()?;
        tx.execute(
            "INSERT INTO allegations (id, case_id, criterion, position, created_at, updated_at)
             VALUES (?1, ?2, ?3,
                (SELECT coalesce(max(position), 0) + 1 FROM allegations WHERE case_id = ?2), ?4, ?4)",
            params![id, case_id, clean.criterion, stamp],
        )?;
        write(&tx, &id, &clean, &stamp)?;
        tx.commit()?;
        self.allegation(&id)
    }

    /// Validates `draft` and replaces the allegation `id` with it.
    pub fn update_allegation(&mut self, id: &str, draft: &AllegationDraft) -> Result<Allegation> {
        let case_id = self.allegation(id)?.case_id;
        let clean = self.check_allegation(&case_id, draft)?;
        let tx = self.conn.savepoint()?;
        write(&tx, id, &clean, &now())?;
        tx.commit()?;
        self.allegation(id)
    }

    /// The allegation `id`.
    pub fn allegation(&self, id: &str) -> Result<Allegation> {
        let mut found = self
            .conn()
            .query_row(
                "SELECT * FROM allegations WHERE id = ?1",
                [id],
                allegation_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))?;
        found.allegation.answers = read_links(self.conn(), LinkTable::AllegationAnswers, id)?;
        Ok(found)
    }

    /// The allegations of a case, in the order they were recorded.
    pub fn allegations(&self, case_id: &str) -> Result<Vec<Allegation>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT * FROM allegations WHERE case_id = ?1 ORDER BY position")?;
        let mut found: Vec<Allegation> = stmt
            .query_map([case_id], allegation_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        for a in &mut found {
            a.allegation.answers = read_links(self.conn(), LinkTable::AllegationAnswers, &a.id)?;
        }
        Ok(found)
    }

    /// Removes an allegation (the evidence it linked stays in the case).
    pub fn delete_allegation(&mut self, id: &str) -> Result<()> {
        self.remove(Removable::Allegation, id)
    }

    /// The reference list of criteria as reported in the press: the
    /// built-in one until a lawyer changes it.
    pub fn reported_criteria(&self) -> Result<Vec<ReportedCriterion>> {
        Ok(self
            .setting(REPORTED_CRITERIA)?
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_else(default_reported_criteria))
    }

    /// Replaces the reference list; an empty list brings back the built-in
    /// one. A criterion needs a name.
    pub fn set_reported_criteria(
        &mut self,
        list: &[ReportedCriterion],
    ) -> Result<Vec<ReportedCriterion>> {
        if list.is_empty() {
            self.conn()
                .execute("DELETE FROM settings WHERE key = ?1", [REPORTED_CRITERIA])?;
            return self.reported_criteria();
        }
        let mut errors = Vec::new();
        let clean: Vec<ReportedCriterion> = list
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let name = trimmed(&c.name, &format!("{i}.name"), LINE_MAX, &mut errors);
                if name.is_empty() {
                    errors.push(FieldError::new(format!("{i}.name"), FieldProblem::Required));
                }
                ReportedCriterion {
                    name,
                    points: trimmed(&c.points, &format!("{i}.points"), LINE_MAX, &mut errors),
                    form: trimmed(&c.form, &format!("{i}.form"), LINE_MAX, &mut errors),
                }
            })
            .collect();
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        let text = serde_json::to_string(&clean).unwrap_or_else(|_| "[]".into());
        self.put_setting(REPORTED_CRITERIA, &text)?;
        self.reported_criteria()
    }

    fn check_allegation(&self, case_id: &str, draft: &AllegationDraft) -> Result<AllegationDraft> {
        let mut errors = Vec::new();
        let mut out = draft.clone();
        out.made_by = trimmed(&out.made_by, "madeBy", LINE_MAX, &mut errors);
        out.document = trimmed(&out.document, "document", LINE_MAX, &mut errors);
        out.criterion = trimmed(&out.criterion, "criterion", LINE_MAX, &mut errors);
        if out.criterion.is_empty() {
            errors.push(FieldError::new("criterion", FieldProblem::Required));
        }
        out.claim = trimmed(&out.claim, "claim", TEXT_MAX, &mut errors);
        out.response = trimmed(&out.response, "response", TEXT_MAX, &mut errors);
        if out.points.is_some_and(|p| p > POINTS_MAX) {
            errors.push(FieldError::new("points", FieldProblem::TooLong));
        }
        if let Some(d) = out.document_date
            && let Err(problem) = d.check()
        {
            errors.push(FieldError::new("documentDate", problem));
        }
        out.answers = check_links(self.conn(), case_id, &out.answers, "answers", &mut errors)?;
        if let Some(source) = out.source.take() {
            if source.kind == LinkKind::Document {
                let field = "source";
                let mut checked = check_links(self.conn(), case_id, &[source], field, &mut errors)?;
                // check_links names its one link "source.0"; the form has
                // one field for it.
                for e in errors.iter_mut().filter(|e| e.field == "source.0") {
                    e.field = field.into();
                }
                out.source = checked.pop();
            } else {
                errors.push(FieldError::new("source", FieldProblem::Unknown));
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(Error::Invalid(errors))
        }
    }
}

fn write(tx: &rusqlite::Connection, id: &str, a: &AllegationDraft, stamp: &str) -> Result<()> {
    tx.execute(
        "UPDATE allegations SET made_by = ?2, document = ?3, document_date = ?4, criterion = ?5,
            points = ?6, claim = ?7, response = ?8, status = ?9, updated_at = ?10,
            source_document_id = ?11, source_page = ?12
         WHERE id = ?1",
        params![
            id,
            a.made_by,
            a.document,
            a.document_date.map(|d| d.encode()),
            a.criterion,
            a.points,
            a.claim,
            a.response,
            a.status.as_str(),
            stamp,
            a.source.as_ref().map(|s| &s.id),
            a.source.as_ref().and_then(|s| s.page).unwrap_or(0)
        ],
    )?;
    write_links(tx, LinkTable::AllegationAnswers, id, &a.answers)
}

fn allegation_from_row(r: &Row<'_>) -> rusqlite::Result<Allegation> {
    let source_page: u32 = r.get("source_page")?;
    Ok(Allegation {
        id: r.get("id")?,
        case_id: r.get("case_id")?,
        allegation: AllegationDraft {
            made_by: r.get("made_by")?,
            document: r.get("document")?,
            document_date: r
                .get::<_, Option<String>>("document_date")?
                .as_deref()
                .and_then(RememberedDate::decode),
            criterion: r.get("criterion")?,
            points: r.get("points")?,
            claim: r.get("claim")?,
            response: r.get("response")?,
            status: AllegationStatus::parse(&r.get::<_, String>("status")?),
            answers: Vec::new(),
            source: r
                .get::<_, Option<String>>("source_document_id")?
                .map(|id| EvidenceLink {
                    kind: LinkKind::Document,
                    id,
                    paragraph: None,
                    page: (source_page > 0).then_some(source_page),
                }),
        },
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}
