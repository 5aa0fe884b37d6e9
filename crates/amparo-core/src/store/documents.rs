//! Documents in the store: the blob store holds each PDF or page photo
//! byte for byte; these rows hold what the family says about a document,
//! its pages in order, and the text read from each.

use rusqlite::{OptionalExtension, Row, params};

use super::custody::{CustodyAction, record};
use super::statements::is_language_tag;
use super::{Store, now, today};
use crate::document::{
    Document, DocumentAdded, DocumentDetails, DocumentKind, DocumentPage, DocumentSummary,
    NewPdfDocument, TextSource,
};
use crate::error::{Error, FieldError, FieldProblem, Result};
use crate::remembered_date::RememberedDate;
use crate::validate::{latest_past_day, past_date};

const LINE_MAX: usize = 2_000;
/// A page of small type holds about 10,000 characters; a typed correction
/// or translation may be longer than what was read, not without end.
const PAGE_TEXT_MAX: usize = 100_000;

impl Store {
    /// Files a PDF in a case as one document, its pages the PDF's own. Its
    /// bytes must already be in the blob store. The same PDF filed again
    /// in the same case is not duplicated: the document already there is
    /// answered.
    pub fn add_pdf_document(
        &mut self,
        case_id: &str,
        new: &NewPdfDocument,
    ) -> Result<DocumentAdded> {
        let details = check_details(&new.details)?;
        let tx = self.conn.savepoint()?;
        let existing: Option<String> = tx
            .query_row(
                "SELECT id FROM documents WHERE case_id = ?1 AND pdf_sha256 = ?2",
                params![case_id, new.sha256],
                |r| r.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            drop(tx);
            return Ok(DocumentAdded {
                document: self.document(&id)?,
                duplicate: true,
            });
        }
        let id = insert_document(
            &tx,
            case_id,
            &details,
            Some(PdfOriginal {
                sha256: &new.sha256,
                file_name: &new.file_name,
                byte_size: new.byte_size,
            }),
        )?;
        {
            let mut page = tx.prepare(
                "INSERT INTO document_pages (id, document_id, position, pdf_page, width_pt,
                    height_pt, text, text_source)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for (index, p) in new.pages.iter().enumerate() {
                let text: String = p.text.chars().take(PAGE_TEXT_MAX).collect();
                let source = if text.trim().is_empty() {
                    TextSource::None
                } else {
                    TextSource::Pdf
                };
                page.execute(params![
                    uuid::Uuid::now_v7().to_string(),
                    id,
                    index + 1,
                    index,
                    f64::from(p.width_pt),
                    f64::from(p.height_pt),
                    text,
                    source.as_str(),
                ])?;
            }
        }
        record(
            &tx,
            self.signer.as_deref(),
            case_id,
            CustodyAction::Imported,
            &format!("document:{id}"),
            &new.sha256,
        )?;
        tx.commit()?;
        Ok(DocumentAdded {
            document: self.document(&id)?,
            duplicate: false,
        })
    }

    /// Whether `sha256` is the PDF of a document of a case that is not in
    /// the Deleted list: the only PDFs whose pages the window draws.
    pub fn is_shown_document_pdf(&self, sha256: &str) -> Result<bool> {
        Ok(self
            .conn()
            .query_row(
                "SELECT 1 FROM documents d JOIN cases c ON c.id = d.case_id
                 WHERE d.pdf_sha256 = ?1 AND c.deleted_at IS NULL LIMIT 1",
                [sha256],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// The document `id` with its pages.
    pub fn document(&self, id: &str) -> Result<Document> {
        let conn = self.conn();
        let mut document = conn
            .query_row(
                "SELECT * FROM documents WHERE id = ?1",
                [id],
                document_from_row,
            )
            .optional()?
            .ok_or_else(|| Error::NotFound(id.to_owned()))?;
        let mut stmt = conn.prepare_cached(
            "SELECT * FROM document_pages WHERE document_id = ?1 ORDER BY position",
        )?;
        document.pages = stmt
            .query_map([id], page_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(document)
    }

    /// A case's documents in filing order, without their pages' text.
    pub fn documents(&self, case_id: &str) -> Result<Vec<DocumentSummary>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT d.*,
                (SELECT count(*) FROM document_pages p WHERE p.document_id = d.id) AS page_count,
                (SELECT count(*) FROM document_pages p
                 WHERE p.document_id = d.id AND trim(p.text) = '') AS pages_without_text
             FROM documents d WHERE d.case_id = ?1 ORDER BY d.position",
        )?;
        let rows = stmt
            .query_map([case_id], |r| {
                let document = document_from_row(r)?;
                Ok(DocumentSummary {
                    id: document.id,
                    details: document.details,
                    page_count: r.get("page_count")?,
                    pages_without_text: r.get("pages_without_text")?,
                    is_pdf: document.pdf_sha256.is_some(),
                    filed: document.filed,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Saves what the family says about a document. Nothing changes when
    /// a field is wrong.
    pub fn update_document_details(
        &mut self,
        id: &str,
        details: &DocumentDetails,
    ) -> Result<Document> {
        let clean = check_details(details)?;
        let changed = self.conn().execute(
            "UPDATE documents SET title = ?2, kind = ?3, dated = ?4, issued_by = ?5,
                language = ?6, updated_at = ?7
             WHERE id = ?1",
            params![
                id,
                clean.title,
                clean.kind.as_str(),
                clean.dated.map(|d| d.encode()).unwrap_or_default(),
                clean.issued_by,
                clean.language,
                now(),
            ],
        )?;
        if changed == 0 {
            return Err(Error::NotFound(id.to_owned()));
        }
        self.document(id)
    }

    /// Corrects the text read from a page (OCR gets words wrong); it is
    /// then "typed". Nothing changes when it is too long.
    pub fn set_document_page_text(&mut self, page_id: &str, text: &str) -> Result<DocumentPage> {
        let text = page_text(text, "text")?;
        let source = if text.trim().is_empty() {
            TextSource::None
        } else {
            TextSource::Typed
        };
        self.change_page(
            page_id,
            "UPDATE document_pages SET text = ?2, text_source = ?3 WHERE id = ?1",
            &text,
            Some(source.as_str()),
        )
    }

    /// Saves the text OCR read from a page, unless a person has typed or
    /// corrected it (their words win); says whether it was saved.
    pub fn set_document_page_ocr(&mut self, page_id: &str, text: &str) -> Result<bool> {
        let text = page_text(text, "text")?;
        let changed = self.conn().execute(
            "UPDATE document_pages SET text = ?2, text_source = 'ocr'
             WHERE id = ?1 AND text_source <> 'typed'",
            params![page_id, text],
        )?;
        Ok(changed == 1)
    }

    /// Saves a page's English translation.
    pub fn set_document_page_translation(
        &mut self,
        page_id: &str,
        translation: &str,
    ) -> Result<DocumentPage> {
        let translation = page_text(translation, "translation")?;
        self.change_page(
            page_id,
            "UPDATE document_pages SET translation = ?2 WHERE id = ?1",
            &translation,
            None,
        )
    }

    fn change_page(
        &mut self,
        page_id: &str,
        sql: &str,
        value: &str,
        source: Option<&str>,
    ) -> Result<DocumentPage> {
        let tx = self.conn.savepoint()?;
        let changed = match source {
            Some(source) => tx.execute(sql, params![page_id, value, source])?,
            None => tx.execute(sql, params![page_id, value])?,
        };
        if changed == 0 {
            return Err(Error::NotFound(page_id.to_owned()));
        }
        tx.execute(
            "UPDATE documents SET updated_at = ?2
             WHERE id = (SELECT document_id FROM document_pages WHERE id = ?1)",
            params![page_id, now()],
        )?;
        tx.commit()?;
        Ok(self.conn().query_row(
            "SELECT * FROM document_pages WHERE id = ?1",
            [page_id],
            page_from_row,
        )?)
    }
}

/// A PDF document's original, as its row names it.
pub(super) struct PdfOriginal<'a> {
    pub sha256: &'a str,
    pub file_name: &'a str,
    pub byte_size: u64,
}

/// Writes a document's row in `case_id` (refused when there is no such
/// case) and answers its id. A PDF is filed at once (its pages are the
/// PDF's own); photographed pages wait to be put in order.
/// How many pages of document `id` a citation may name: all of them once
/// it is filed, none before (its pages may still move, and "p. 4" would
/// come to point elsewhere).
pub(super) fn citable_pages(conn: &rusqlite::Connection, id: &str) -> Result<u32> {
    Ok(conn.query_row(
        "SELECT count(*) FROM document_pages WHERE document_id = ?1
            AND (SELECT filed_at FROM documents WHERE id = ?1) IS NOT NULL",
        [id],
        |r| r.get(0),
    )?)
}

pub(super) fn insert_document(
    tx: &rusqlite::Connection,
    case_id: &str,
    details: &DocumentDetails,
    pdf: Option<PdfOriginal<'_>>,
) -> Result<String> {
    let case_exists: Option<i64> = tx
        .query_row("SELECT 1 FROM cases WHERE id = ?1", [case_id], |r| r.get(0))
        .optional()?;
    if case_exists.is_none() {
        return Err(Error::NotFound(case_id.to_owned()));
    }
    let id = uuid::Uuid::now_v7().to_string();
    let at = now();
    tx.execute(
        "INSERT INTO documents (id, case_id, title, kind, dated, issued_by, language,
            pdf_sha256, file_name, byte_size, filed_at, added_at, updated_at, position)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12,
            (SELECT coalesce(max(position), 0) + 1 FROM documents WHERE case_id = ?2))",
        params![
            id,
            case_id,
            details.title,
            details.kind.as_str(),
            details.dated.map(|d| d.encode()).unwrap_or_default(),
            details.issued_by,
            details.language,
            pdf.as_ref().map(|p| p.sha256),
            pdf.as_ref().map_or("", |p| p.file_name),
            pdf.as_ref().map_or(0, |p| p.byte_size as i64),
            pdf.is_some().then_some(&at),
            at,
        ],
    )?;
    Ok(id)
}

/// A page's text as kept: line ends made plain, refused past the limit.
fn page_text(text: &str, field: &str) -> Result<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    if text.chars().count() > PAGE_TEXT_MAX {
        return Err(Error::Invalid(vec![FieldError::new(
            field,
            FieldProblem::TooLong,
        )]));
    }
    Ok(text.trim_end().to_owned())
}

pub(super) fn check_details(details: &DocumentDetails) -> Result<DocumentDetails> {
    let mut errors = Vec::new();
    let mut out = details.clone();
    out.title = out.title.trim().to_owned();
    out.issued_by = out.issued_by.trim().to_owned();
    out.language = out.language.trim().to_ascii_lowercase();
    if out.title.is_empty() {
        errors.push(FieldError::new("title", FieldProblem::Required));
    } else if out.title.chars().count() > LINE_MAX {
        errors.push(FieldError::new("title", FieldProblem::TooLong));
    }
    if out.issued_by.chars().count() > LINE_MAX {
        errors.push(FieldError::new("issuedBy", FieldProblem::TooLong));
    }
    if out.language.is_empty() {
        out.language = "en".into();
    } else if !is_language_tag(&out.language) {
        errors.push(FieldError::new("language", FieldProblem::Unknown));
    }
    past_date(&out.dated, "dated", latest_past_day(today()), &mut errors);
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(Error::Invalid(errors))
    }
}

fn document_from_row(r: &Row<'_>) -> rusqlite::Result<Document> {
    let dated: String = r.get("dated")?;
    let filed_at: Option<String> = r.get("filed_at")?;
    Ok(Document {
        id: r.get("id")?,
        case_id: r.get("case_id")?,
        details: DocumentDetails {
            title: r.get("title")?,
            kind: DocumentKind::parse(&r.get::<_, String>("kind")?).unwrap_or_default(),
            dated: RememberedDate::decode(&dated),
            issued_by: r.get("issued_by")?,
            language: r.get("language")?,
        },
        pdf_sha256: r.get("pdf_sha256")?,
        file_name: r.get("file_name")?,
        byte_size: r.get::<_, i64>("byte_size")?.max(0) as u64,
        filed: filed_at.is_some(),
        added_at: r.get("added_at")?,
        pages: Vec::new(),
    })
}

fn page_from_row(r: &Row<'_>) -> rusqlite::Result<DocumentPage> {
    Ok(DocumentPage {
        id: r.get("id")?,
        number: r.get("position")?,
        pdf_page: r.get("pdf_page")?,
        sha256: r.get("sha256")?,
        file_name: r.get("file_name")?,
        rotation: r.get("rotation")?,
        width_pt: r.get::<_, f64>("width_pt")? as f32,
        height_pt: r.get::<_, f64>("height_pt")? as f32,
        text: r.get("text")?,
        text_source: TextSource::parse(&r.get::<_, String>("text_source")?),
        translation: r.get("translation")?,
    })
}
