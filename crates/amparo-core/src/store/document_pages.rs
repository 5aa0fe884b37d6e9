//! A document put together from photos or scans of its paper pages:
//! pages added in the order given, then turned, moved and removed until
//! the family files it; after that they never change (its text and
//! translation still may).

use rusqlite::{OptionalExtension, params};

use super::custody::{CustodyAction, record};
use super::documents::insert_document;
use super::{Store, now};
use crate::document::{Document, DocumentDetails, NewPagePhoto};
use crate::error::{Error, FieldError, FieldProblem, Result};

/// Pages of a photographed document: a long one is better filed as a PDF.
const PAGES_MAX: usize = 500;

/// A photo's pixels as a page's size in points: only the proportions
/// matter, and 200 pixels to the inch is what a phone photo of a letter
/// page comes to.
fn points(pixels: u32) -> f64 {
    f64::from(pixels.max(1)) * 72.0 / 200.0
}

impl Store {
    /// Starts a document from photos or scans of its pages, in order. Their
    /// originals must already be in the blob store. It is not filed yet:
    /// its pages can still be turned, moved and removed.
    pub fn add_photographed_document(
        &mut self,
        case_id: &str,
        details: &DocumentDetails,
        pages: &[NewPagePhoto],
    ) -> Result<Document> {
        let details = super::documents::check_details(details)?;
        if pages.is_empty() || pages.len() > PAGES_MAX {
            return Err(Error::Invalid(vec![FieldError::new(
                "pages",
                if pages.is_empty() {
                    FieldProblem::Required
                } else {
                    FieldProblem::TooLong
                },
            )]));
        }
        let tx = self.conn.savepoint()?;
        let id = insert_document(&tx, case_id, &details, None)?;
        for (index, p) in pages.iter().enumerate() {
            tx.execute(
                "INSERT INTO document_pages (id, document_id, position, sha256, file_name,
                    format, byte_size, width_pt, height_pt)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    uuid::Uuid::now_v7().to_string(),
                    id,
                    index + 1,
                    p.sha256,
                    p.file_name,
                    p.format.as_str(),
                    p.byte_size as i64,
                    points(p.width),
                    points(p.height),
                ],
            )?;
            record(
                &tx,
                self.signer.as_deref(),
                case_id,
                CustodyAction::Imported,
                &format!("document:{id}"),
                &p.sha256,
            )?;
        }
        tx.commit()?;
        self.document(&id)
    }

    /// Turns a page of an unfiled document a quarter turn.
    pub fn turn_document_page(&mut self, page_id: &str, clockwise: bool) -> Result<Document> {
        let document_id = self.unfiled_document_of(page_id)?;
        let quarter = if clockwise { 90 } else { 270 };
        self.conn().execute(
            "UPDATE document_pages SET rotation = (rotation + ?2) % 360 WHERE id = ?1",
            params![page_id, quarter],
        )?;
        self.document(&document_id)
    }

    /// Moves a page of an unfiled document one place up (towards page 1)
    /// or down; at either end it stays.
    pub fn move_document_page(&mut self, page_id: &str, up: bool) -> Result<Document> {
        let document_id = self.unfiled_document_of(page_id)?;
        let tx = self.conn.savepoint()?;
        let position: i64 = tx.query_row(
            "SELECT position FROM document_pages WHERE id = ?1",
            [page_id],
            |r| r.get(0),
        )?;
        let other = if up { position - 1 } else { position + 1 };
        let neighbour: Option<String> = tx
            .query_row(
                "SELECT id FROM document_pages WHERE document_id = ?1 AND position = ?2",
                params![document_id, other],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(neighbour) = neighbour {
            // Through a number past the last, which no page holds, so the
            // pair never collides.
            tx.execute(
                "UPDATE document_pages SET position =
                    (SELECT max(position) + 1 FROM document_pages WHERE document_id = ?2)
                 WHERE id = ?1",
                params![page_id, document_id],
            )?;
            tx.execute(
                "UPDATE document_pages SET position = ?2 WHERE id = ?1",
                params![neighbour, position],
            )?;
            tx.execute(
                "UPDATE document_pages SET position = ?2 WHERE id = ?1",
                params![page_id, other],
            )?;
        }
        tx.commit()?;
        self.document(&document_id)
    }

    /// Removes a page of an unfiled document (its photo goes with the
    /// next sweep when nothing else names it). The last page stays: a
    /// document has at least one.
    pub fn remove_document_page(&mut self, page_id: &str) -> Result<Document> {
        let document_id = self.unfiled_document_of(page_id)?;
        let tx = self.conn.savepoint()?;
        let count: i64 = tx.query_row(
            "SELECT count(*) FROM document_pages WHERE document_id = ?1",
            [&document_id],
            |r| r.get(0),
        )?;
        if count <= 1 {
            return Err(Error::Invalid(vec![FieldError::new(
                "pages",
                FieldProblem::Required,
            )]));
        }
        let position: i64 = tx.query_row(
            "SELECT position FROM document_pages WHERE id = ?1",
            [page_id],
            |r| r.get(0),
        )?;
        tx.execute("DELETE FROM document_pages WHERE id = ?1", [page_id])?;
        // One by one from the lowest, so no two pages ever share a number.
        let later: Vec<String> = {
            let mut stmt = tx.prepare(
                "SELECT id FROM document_pages WHERE document_id = ?1 AND position > ?2
                 ORDER BY position",
            )?;
            stmt.query_map(params![document_id, position], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        for id in later {
            tx.execute(
                "UPDATE document_pages SET position = position - 1 WHERE id = ?1",
                [id],
            )?;
        }
        tx.commit()?;
        self.document(&document_id)
    }

    /// Files a photographed document: its pages, their order and turns
    /// are settled for good.
    pub fn file_document(&mut self, id: &str) -> Result<Document> {
        // Filing one already filed changes nothing; no such document is
        // said by reading it back.
        self.conn().execute(
            "UPDATE documents SET filed_at = ?2, updated_at = ?2
             WHERE id = ?1 AND filed_at IS NULL",
            params![id, now()],
        )?;
        self.document(id)
    }

    /// The document a page belongs to, refused once it is filed.
    fn unfiled_document_of(&self, page_id: &str) -> Result<String> {
        let (document_id, filed): (String, bool) = self
            .conn()
            .query_row(
                "SELECT d.id, d.filed_at IS NOT NULL FROM document_pages p
                 JOIN documents d ON d.id = p.document_id WHERE p.id = ?1",
                [page_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(page_id.to_owned()))?;
        if filed {
            return Err(Error::DocumentFiled);
        }
        Ok(document_id)
    }
}
