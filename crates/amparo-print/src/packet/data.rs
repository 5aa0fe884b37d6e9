//! The shape of an evidence packet as `templates/packet.typ` reads it from
//! `sys.inputs.data`. Field names are the template's keys (kebab-case);
//! a key a template reads must be a field here, which `template_keys`
//! checks.

use serde::Serialize;

use crate::set_data::{Caption, Certificate, Part};

/// The whole packet.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct PacketData {
    /// The PDF's metadata title: the kind of document, never a person's
    /// name or text the user typed (viewers show it in title bars and
    /// recent-file lists).
    pub pdf_title: &'static str,
    /// The title printed on the cover and above the filer's signature.
    pub document_title: String,
    pub example: bool,
    pub draft: bool,
    pub numbering: PageNumbering,
    pub cover: Cover,
    pub index: Index,
    pub exhibits: Vec<ExhibitData>,
    /// The certificate of service; none when CM/ECF serves the filing.
    pub service: Option<Certificate>,
    /// The scan of the certificate of service after it was signed.
    pub service_scan: Option<String>,
    pub submitted: Submitted,
    /// How to verify the originals: counsel's, never a court's, in a
    /// federal filing.
    pub verify: Option<Verify>,
    /// The custody log's summary, when chosen.
    pub custody: Option<CustodySummary>,
}

/// What the custody log says of the exhibits' originals: each device's
/// entries for each file (by SHA-256), the case's hand-offs, and whether
/// the log verifies.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct CustodySummary {
    pub title: &'static str,
    pub paragraphs: [&'static str; 2],
    pub handed_title: &'static str,
    pub handed: Vec<CustodyLine>,
    pub rows: Vec<CustodyRow>,
    pub check: String,
    pub problems: Vec<String>,
}

/// One entry of the log as the page prints it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct CustodyLine {
    /// When (UTC), as the log has it to the minute.
    pub when: String,
    /// What, and on which device.
    pub text: String,
}

/// One original and its entries.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct CustodyRow {
    pub letter: String,
    pub file: String,
    pub sha256: String,
    pub entries: Vec<CustodyLine>,
}

/// The filer's signature block: "Respectfully submitted," a line to sign
/// on, the printed name, the role and the date.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct Submitted {
    /// Its page's name in the index and bookmarks.
    pub title: &'static str,
    pub text: String,
    pub name: String,
    pub role: &'static str,
    /// A federal bar number, under the name.
    pub bar_number: Option<String>,
    /// "/s/ Name" on the line, for a filer who signs through CM/ECF.
    pub e_signature: Option<String>,
    pub signed_on: Option<String>,
    /// The scan of the index page after the filer signed it.
    pub scan: Option<String>,
}

/// How pages are numbered across the packet and its parts.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct PageNumbering {
    pub prefix: String,
    /// Digits a number is padded to; 0 without a prefix.
    pub width: usize,
    /// A range repeats the prefix ("R-000004–R-000008"), or not ("App.
    /// 4–8").
    pub repeat_prefix: bool,
    pub first: u32,
    /// Exhibit indexes where parts 2, 3, ... begin.
    pub part_starts: Vec<usize>,
    pub parts: usize,
}

/// The cover: the immigration court's form, or a federal caption.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct Cover {
    /// `immigrationCourt` or `federalCourt`.
    pub profile: &'static str,
    pub detained: bool,
    pub filer: Vec<String>,
    pub court: String,
    pub city: String,
    pub name: String,
    pub a_number: String,
    pub judge: String,
    pub hearing: String,
    pub title: String,
    pub caption: Caption,
}

/// The index page.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct Index {
    pub title: &'static str,
    /// "Exhibit" or "Tab": the index's first column and the slip sheets.
    pub item_word: &'static str,
}

/// One exhibit: its slip sheet and index row, and what it shows.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct ExhibitData {
    pub letter: String,
    /// The kind of evidence it is filed under in the index.
    pub group: &'static str,
    pub description: String,
    pub bookmark: String,
    #[serde(flatten)]
    pub body: ExhibitBody,
    /// The certificate of translation of text printed in this exhibit,
    /// printed right after it (Practice Manual 3.3(a): attached to what it
    /// certifies).
    pub translation: Option<Certificate>,
    /// The scan of that certificate after the translator signed it.
    pub translation_scan: Option<String>,
}

/// What an exhibit shows, by `kind`.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub(crate) enum ExhibitBody {
    Photo(PhotoExhibit),
    Tattoo(TattooExhibit),
    Statement(StatementExhibit),
    Chronology(TableExhibit<ChronologyRow>),
    Rebuttal(TableExhibit<RebuttalRow>),
    Document(DocumentExhibit),
}

/// A document's pages, and its English translation when it is in another
/// language.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct DocumentExhibit {
    /// Where the packet's World serves its PDF, for a PDF.
    pub pdf: Option<String>,
    pub pages: Vec<DocumentPageData>,
    pub document_translation: Option<DocumentTranslation>,
}

/// One page of a document as placed.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct DocumentPageData {
    /// The page in the PDF, from 1 (typst counts so).
    pub pdf_page: Option<u32>,
    /// A photographed page's print copy.
    pub image: Option<String>,
    /// Quarter turns clockwise, in degrees.
    pub rotation: u16,
    /// The size it is placed at before it is turned, in inches: as large
    /// as the page's free area allows, its proportions kept.
    pub width_in: f32,
    pub height_in: f32,
    /// "Exhibit K, page 3 of 12", at the foot of the page.
    pub label: String,
}

/// A document's English translation, page by page (label, text).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DocumentTranslation {
    pub title: String,
    pub pages: Vec<(String, String)>,
}

/// A photograph and its caption rows (label, text).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct PhotoExhibit {
    pub image: String,
    pub caption: Vec<(&'static str, String)>,
}

/// A tattoo record: its photos, its fields (label, text), its meaning.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TattooExhibit {
    pub title: String,
    pub photos: Vec<LabelledImage>,
    pub fields: Vec<(&'static str, String)>,
    pub meaning: Option<Meaning>,
}

/// An image with the line printed under it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct LabelledImage {
    pub image: String,
    pub label: String,
}

/// A tattoo's meaning in the person's words, its translation, and where
/// it is sworn.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct Meaning {
    pub original_label: String,
    pub original: String,
    pub english_label: String,
    pub english: String,
    pub sworn: Vec<String>,
}

/// A statement in the packet: a signed one as the pages of its stored
/// filing set (`frozen`), an unsigned one as a draft declaration set
/// (`parts`).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct StatementExhibit {
    pub parts: Vec<Part>,
    pub frozen: Option<FrozenPages>,
}

/// The stored filing set of a signed version, placed page by page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct FrozenPages {
    /// Where the packet's World serves the PDF.
    pub pdf: String,
    pub pages: usize,
}

/// A table printed as an exhibit.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct TableExhibit<R> {
    pub table: Table<R>,
}

/// A titled table.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Table<R> {
    pub title: &'static str,
    pub rows: Vec<R>,
}

/// A row of the chronology.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct ChronologyRow {
    pub date: String,
    pub what: String,
    pub place: String,
    pub sources: Vec<String>,
}

/// A row of the rebuttal table.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct RebuttalRow {
    pub criterion: String,
    pub claim: String,
    pub source: Vec<String>,
    pub points: String,
    pub response: String,
    pub evidence: Vec<String>,
    pub open: bool,
}

/// How to verify the originals.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Verify {
    pub title: &'static str,
    pub paragraphs: [&'static str; 2],
    pub rows: Vec<VerifyRow>,
}

/// One original file and its SHA-256.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct VerifyRow {
    pub letter: String,
    pub file: String,
    pub sha256: String,
}
