//! `amparo document ...`.

use amparo_core::{
    BlobStore, DocumentDetails, DocumentLimits, Error, FieldError, RememberedDate, Result, Store,
};
use amparo_media::{DocumentFiledResult, add_documents, read_document_pages};

use crate::args::{DocumentCommand, PageAction};
use crate::output::emit;

pub fn run(
    store: &mut Store,
    blobs: &BlobStore,
    command: &DocumentCommand,
    json: bool,
) -> Result<()> {
    match command {
        DocumentCommand::Add {
            case_id,
            files,
            kind,
            title,
            issued_by,
            language,
            dated,
        } => {
            let dated =
                match dated {
                    Some(text) => Some(RememberedDate::parse_typed(text).map_err(|problem| {
                        Error::Invalid(vec![FieldError::new("dated", problem)])
                    })?),
                    None => None,
                };
            let details = DocumentDetails {
                title: title.clone(),
                // One of the kinds' names: clap offers no other.
                kind: amparo_core::DocumentKind::parse(kind).unwrap_or_default(),
                dated,
                issued_by: issued_by.clone(),
                language: language.clone(),
            };
            let filed = add_documents(store, blobs, case_id, files, &details)?;
            emit(json, &filed, || {
                let mut out = String::new();
                for f in &filed {
                    out.push_str(&match &f.result {
                        DocumentFiledResult::Filed {
                            document_id,
                            duplicate,
                            pages,
                            pages_without_text,
                        } => format!(
                            "{}  {}  {document_id}  {pages} page{}{}\n",
                            if *duplicate { "already there" } else { "filed" },
                            f.file_name,
                            if *pages == 1 { "" } else { "s" },
                            match pages_without_text {
                                0 => String::new(),
                                n => format!(
                                    ", {n} without text (scanned): amparo document read {document_id}"
                                ),
                            }
                        ),
                        DocumentFiledResult::Started { document_id, pages } => format!(
                            "started  {}  {document_id}  {pages} page{}: put them in order (amparo document page), then: amparo document file {document_id}\n",
                            f.file_name,
                            if *pages == 1 { "" } else { "s" },
                        ),
                        DocumentFiledResult::Refused { message, .. } => {
                            format!("refused  {}  {message}\n", f.file_name)
                        }
                    });
                }
                out
            })?;
            if filed
                .iter()
                .any(|f| matches!(f.result, DocumentFiledResult::Refused { .. }))
            {
                std::process::exit(1);
            }
            Ok(())
        }
        DocumentCommand::List { case_id } => {
            store.case(case_id)?;
            let list = store.documents(case_id)?;
            emit(json, &list, || {
                let mut out = String::new();
                for d in &list {
                    out.push_str(&format!(
                        "{}  {}  {}  {} page{}{}\n",
                        d.id,
                        d.details.kind.as_str(),
                        d.details.title,
                        d.page_count,
                        if d.page_count == 1 { "" } else { "s" },
                        match d.pages_without_text {
                            0 => String::new(),
                            n => format!(" ({n} without text)"),
                        }
                    ));
                }
                if list.is_empty() {
                    out.push_str("no documents\n");
                }
                out
            })
        }
        DocumentCommand::Show { id } => {
            let document = store.document(id)?;
            emit(json, &document, || {
                let d = &document.details;
                let mut out = format!(
                    "{}\nkind: {}\ndated: {}\nissued by: {}\nlanguage: {}\n",
                    d.title,
                    d.kind.as_str(),
                    d.dated.map(|date| date.encode()).unwrap_or_default(),
                    d.issued_by,
                    d.language,
                );
                if let Some(sha) = &document.pdf_sha256 {
                    out.push_str(&format!(
                        "PDF: {} ({} bytes), SHA-256 {sha}\n",
                        document.file_name, document.byte_size
                    ));
                }
                for page in &document.pages {
                    out.push_str(&format!(
                        "page {}: {:.0} x {:.0} pt, {} characters of text ({:?})\n",
                        page.number,
                        page.width_pt,
                        page.height_pt,
                        page.text.chars().count(),
                        page.text_source
                    ));
                }
                out
            })
        }
        DocumentCommand::Text { id, page } => {
            let document = store.document(id)?;
            let pages: Vec<_> = document
                .pages
                .iter()
                .filter(|p| page.is_none_or(|n| p.number == n))
                .collect();
            if pages.is_empty() {
                return Err(Error::NotFound(format!(
                    "page {} of {id}",
                    page.unwrap_or(0)
                )));
            }
            emit(json, &pages, || {
                pages
                    .iter()
                    .map(|p| format!("=== page {} ===\n{}\n", p.number, p.text))
                    .collect()
            })
        }
        DocumentCommand::Translate {
            id,
            page,
            text,
            file,
        }
        | DocumentCommand::Correct {
            id,
            page,
            text,
            file,
        } => {
            let words = match (text, file) {
                (Some(text), _) => text.clone(),
                (None, Some(path)) => std::fs::read_to_string(path)?,
                (None, None) => String::new(),
            };
            let document = store.document(id)?;
            let page_id = page_id(&document, *page)?;
            let saved = if matches!(command, DocumentCommand::Translate { .. }) {
                store.set_document_page_translation(&page_id, &words)?
            } else {
                store.set_document_page_text(&page_id, &words)?
            };
            emit(json, &saved, || {
                format!("page {page} of {} saved\n", document.details.title)
            })
        }
        DocumentCommand::Page { id, page, action } => {
            let document = store.document(id)?;
            let page_id = page_id(&document, *page)?;
            let changed = match action {
                PageAction::TurnRight => store.turn_document_page(&page_id, true)?,
                PageAction::TurnLeft => store.turn_document_page(&page_id, false)?,
                PageAction::Up => store.move_document_page(&page_id, true)?,
                PageAction::Down => store.move_document_page(&page_id, false)?,
                PageAction::Remove => store.remove_document_page(&page_id)?,
            };
            emit(json, &changed, || pages_in_order(&changed))
        }
        DocumentCommand::File { id } => {
            let document = store.file_document(id)?;
            emit(json, &document, || {
                format!(
                    "filed: {} ({} pages)\n",
                    document.details.title,
                    document.pages.len()
                )
            })
        }
        DocumentCommand::Read { id } => {
            use std::io::Write;
            // Ctrl+C ends the command; every page read so far is saved.
            let never = std::sync::atomic::AtomicBool::new(false);
            let mut stderr = std::io::stderr();
            let read = read_document_pages(store, blobs, id, &never, |p| {
                let _ = write!(
                    stderr,
                    "\rreading pages {}/{} ({} could not be read)",
                    p.done, p.total, p.failed
                );
            })?;
            let _ = writeln!(stderr);
            emit(json, &read, || {
                let mut out = format!("{} page(s) read\n", read.read);
                for f in &read.failed {
                    out.push_str(&format!("page {}: {}\n", f.page, f.message));
                }
                if read.left > 0 {
                    out.push_str(&format!(
                        "{} page(s) left for next time (stopped)\n",
                        read.left
                    ));
                }
                out
            })
        }
        DocumentCommand::Limits { megabytes, pages } => {
            let mut limits = store.document_limits()?;
            if megabytes.is_some() || pages.is_some() {
                limits = store.set_document_limits(&DocumentLimits {
                    max_megabytes: megabytes.unwrap_or(limits.max_megabytes),
                    max_pages: pages.unwrap_or(limits.max_pages),
                })?;
            }
            emit(json, &limits, || {
                format!(
                    "PDFs up to {} MB and {} pages\n",
                    limits.max_megabytes, limits.max_pages
                )
            })
        }
    }
}

/// The id of page `number` of `document`.
fn page_id(document: &amparo_core::Document, number: u32) -> Result<String> {
    document
        .pages
        .iter()
        .find(|p| p.number == number)
        .map(|p| p.id.clone())
        .ok_or_else(|| Error::NotFound(format!("page {number} of {}", document.id)))
}

/// A photographed document's pages as they stand, one line each.
fn pages_in_order(document: &amparo_core::Document) -> String {
    let mut out = String::new();
    for p in &document.pages {
        out.push_str(&format!(
            "page {}: {}{}\n",
            p.number,
            p.file_name,
            match p.rotation {
                0 => String::new(),
                r => format!(" (turned {r}°)"),
            }
        ));
    }
    out
}
