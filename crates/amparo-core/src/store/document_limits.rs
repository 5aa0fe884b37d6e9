//! How large a PDF this installation files: a setting, so an advocate can
//! file a 600-page country report, and a machine with little memory can
//! be kept from trying.

use super::Store;
use crate::document::DocumentLimits;
use crate::error::{Error, FieldError, FieldProblem, Result};

const MAX_MEGABYTES: &str = "document_max_megabytes";
const MAX_PAGES: &str = "document_max_pages";

/// The largest limits that can be set: past them a PDF is not a document
/// a court reads but a library.
const MEGABYTES_CEILING: u32 = 2_048;
const PAGES_CEILING: u32 = 100_000;

impl Store {
    /// The limits PDFs are filed under.
    pub fn document_limits(&self) -> Result<DocumentLimits> {
        let default = DocumentLimits::default();
        let read = |key: &str, ceiling: u32, fallback: u32| -> Result<u32> {
            Ok(self
                .setting(key)?
                .and_then(|v| v.parse().ok())
                .filter(|v| (1..=ceiling).contains(v))
                .unwrap_or(fallback))
        };
        Ok(DocumentLimits {
            max_megabytes: read(MAX_MEGABYTES, MEGABYTES_CEILING, default.max_megabytes)?,
            max_pages: read(MAX_PAGES, PAGES_CEILING, default.max_pages)?,
        })
    }

    /// Changes the limits; nothing changes when either is out of range.
    pub fn set_document_limits(&mut self, limits: &DocumentLimits) -> Result<DocumentLimits> {
        let mut errors = Vec::new();
        if !(1..=MEGABYTES_CEILING).contains(&limits.max_megabytes) {
            errors.push(FieldError::new("maxMegabytes", FieldProblem::Unknown));
        }
        if !(1..=PAGES_CEILING).contains(&limits.max_pages) {
            errors.push(FieldError::new("maxPages", FieldProblem::Unknown));
        }
        if !errors.is_empty() {
            return Err(Error::Invalid(errors));
        }
        self.put_setting(MAX_MEGABYTES, &limits.max_megabytes.to_string())?;
        self.put_setting(MAX_PAGES, &limits.max_pages.to_string())?;
        self.document_limits()
    }
}
