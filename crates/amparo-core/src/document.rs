//! Documents filed in a case: papers and PDFs (a passport, a Notice to
//! Appear, a festival's program, a country report), each with its pages
//! and the text read from them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::remembered_date::RememberedDate;

/// How large a PDF may be to be filed. Both are settings a person can
/// raise: a 600-page country report is real evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentLimits {
    /// Largest file, in megabytes (2^20 bytes).
    pub max_megabytes: u32,
    /// Most pages, declared or real.
    pub max_pages: u32,
}

impl DocumentLimits {
    /// The largest file, in bytes.
    pub fn max_bytes(&self) -> u64 {
        u64::from(self.max_megabytes) << 20
    }
}

impl Default for DocumentLimits {
    fn default() -> Self {
        Self {
            max_megabytes: 200,
            max_pages: 1_000,
        }
    }
}

/// What kind of paper a document is; a packet groups exhibits by it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DocumentKind {
    /// Passport, cédula, birth certificate.
    Identity,
    /// From DHS or another government: a Notice to Appear, an I-213, a
    /// gang-validation form.
    Government,
    /// From a court: an order, a notice of hearing.
    Court,
    /// A report on the country's conditions.
    CountryConditions,
    /// A news article, a festival's program, a publication.
    Publication,
    /// A letter (an employer's, a church's).
    Letter,
    /// Medical records.
    Medical,
    /// School or work records.
    SchoolOrWork,
    /// Anything else.
    #[default]
    Other,
}

impl DocumentKind {
    /// The name stored and typed on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Identity => "identity",
            Self::Government => "government",
            Self::Court => "court",
            Self::CountryConditions => "countryConditions",
            Self::Publication => "publication",
            Self::Letter => "letter",
            Self::Medical => "medical",
            Self::SchoolOrWork => "schoolOrWork",
            Self::Other => "other",
        }
    }

    /// Every kind, in the order a packet groups them.
    pub const ALL: [Self; 9] = [
        Self::Identity,
        Self::Government,
        Self::Court,
        Self::CountryConditions,
        Self::Publication,
        Self::Letter,
        Self::Medical,
        Self::SchoolOrWork,
        Self::Other,
    ];

    /// The kind named `text`, as [`DocumentKind::as_str`] writes it.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The group of tabs a document is filed under in a packet, in the order
/// practice groups them (LEGAL-FORMATS.md 3a: identity, declarations,
/// photographs, country conditions, government documents, other).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentGroup {
    /// Identity documents, first.
    Identity,
    /// Country conditions (reports, and news and publications about the
    /// place and its customs).
    CountryConditions,
    /// Government and court documents.
    Government,
    /// Everything else.
    Other,
}

impl DocumentGroup {
    /// The group a kind of document is filed under.
    pub fn of(kind: DocumentKind) -> Self {
        match kind {
            DocumentKind::Identity => Self::Identity,
            DocumentKind::CountryConditions | DocumentKind::Publication => Self::CountryConditions,
            DocumentKind::Government | DocumentKind::Court => Self::Government,
            DocumentKind::Letter
            | DocumentKind::Medical
            | DocumentKind::SchoolOrWork
            | DocumentKind::Other => Self::Other,
        }
    }

    /// The group's name in the index.
    pub fn index_name(self) -> &'static str {
        match self {
            Self::Identity => "Identity documents",
            Self::CountryConditions => "Country conditions",
            Self::Government => "Government documents",
            Self::Other => "Other",
        }
    }
}

/// Where a page's text came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TextSource {
    /// No text yet (a scan waiting for OCR, or a page with none).
    #[default]
    None,
    /// The PDF's own text.
    Pdf,
    /// Read from the page's image by OCR.
    Ocr,
    /// Typed or corrected by a person.
    Typed,
}

impl TextSource {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Pdf => "pdf",
            Self::Ocr => "ocr",
            Self::Typed => "typed",
        }
    }

    pub(crate) fn parse(text: &str) -> Self {
        match text {
            "pdf" => Self::Pdf,
            "ocr" => Self::Ocr,
            "typed" => Self::Typed,
            _ => Self::None,
        }
    }
}

/// What the family says about a document; the same for a PDF and for
/// photographed pages.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentDetails {
    /// What it is ("Notice to Appear", "Partida de nacimiento").
    pub title: String,
    /// Its kind.
    pub kind: DocumentKind,
    /// The date it bears, as precisely as known.
    pub dated: Option<RememberedDate>,
    /// Who issued or wrote it.
    pub issued_by: String,
    /// Its language, a code such as "es"; "en" for English.
    pub language: String,
}

/// One page of a PDF about to be filed, as the reader found it.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPdfPage {
    /// Width as shown, in points.
    pub width_pt: f32,
    /// Height as shown, in points.
    pub height_pt: f32,
    /// The page's own text.
    pub text: String,
}

/// A PDF about to be filed as a document; its bytes already in the blob
/// store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPdfDocument {
    /// What the family says about it.
    pub details: DocumentDetails,
    /// The PDF's SHA-256.
    pub sha256: String,
    /// The file's name as it came.
    pub file_name: String,
    /// Its size in bytes.
    pub byte_size: u64,
    /// Its pages, in order.
    pub pages: Vec<NewPdfPage>,
}

/// A photo or scan of a paper page about to be filed; its bytes already
/// in the blob store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPagePhoto {
    /// The original's SHA-256.
    pub sha256: String,
    /// The file's name as it came.
    pub file_name: String,
    /// Its real format.
    pub format: crate::PhotoFormat,
    /// Its size in bytes.
    pub byte_size: u64,
    /// Its width and height upright (after EXIF orientation), in pixels.
    pub width: u32,
    /// See `width`.
    pub height: u32,
}

/// A page of a document.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentPage {
    /// Its id.
    pub id: String,
    /// Its number in the document, from 1.
    pub number: u32,
    /// For a PDF's page: its index in the PDF, from 0.
    pub pdf_page: Option<u32>,
    /// For a photographed page: its original's SHA-256.
    pub sha256: Option<String>,
    /// For a photographed page: the file's name as it came.
    pub file_name: String,
    /// Quarter turns clockwise, in degrees.
    pub rotation: u16,
    /// Width as shown, in points.
    pub width_pt: f32,
    /// Height as shown, in points.
    pub height_pt: f32,
    /// The text on the page.
    pub text: String,
    /// Where that text came from.
    pub text_source: TextSource,
    /// Its English translation, when the document is in another language.
    pub translation: String,
}

/// A document in a case, with its pages.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// Its id.
    pub id: String,
    /// The case it is filed in.
    pub case_id: String,
    /// What the family says about it.
    pub details: DocumentDetails,
    /// For a PDF: the original's SHA-256.
    pub pdf_sha256: Option<String>,
    /// For a PDF: the file's name as it came.
    pub file_name: String,
    /// For a PDF: its size in bytes.
    pub byte_size: u64,
    /// Whether its pages are settled (a PDF always is).
    pub filed: bool,
    /// When it was added (UTC, RFC 3339).
    pub added_at: String,
    /// Its pages, in order.
    pub pages: Vec<DocumentPage>,
}

/// A document as a list shows it, without its pages' text.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSummary {
    /// Its id.
    pub id: String,
    /// What the family says about it.
    pub details: DocumentDetails,
    /// How many pages it has.
    pub page_count: u32,
    /// How many of them have no text yet.
    pub pages_without_text: u32,
    /// Whether it is one PDF.
    pub is_pdf: bool,
    /// Whether its pages are settled.
    pub filed: bool,
}

/// A document just added: the new one, or the one already filed from the
/// same file in the same case.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentAdded {
    /// The document.
    pub document: Document,
    /// Whether the same file was already filed in the case.
    pub duplicate: bool,
}
