//! Commands for declarants, statements, exhibit letters and printing.
//! Printing runs in Rust: the preview's pages are rasterised here and served
//! through the media scheme, and PDFs are written here and opened in the
//! system viewer, so the webview never handles a PDF or names a path.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use amparo_core::{
    BlobStore, Declarant, DeclarantDraft, Error, ErrorPayload, ExhibitItem, ExhibitLetter,
    PrintCheck, SignedVersion, SigningRecord, Statement, StatementDraft, StatementSummary,
    WordingEntry,
};
use amparo_print::{Pages, Preview, PrintError, Purpose, ScanAdded};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::store_slot::StoreSlot;

type Reply<T> = Result<T, ErrorPayload>;

/// The pages of the latest preview, served as PNGs by the media scheme.
#[derive(Default)]
pub struct Previews(pub Mutex<Option<(String, Arc<Pages>)>>);

impl Previews {
    /// Keeps `pages` as the latest preview, under a new token.
    pub fn hold(&self, pages: Pages) -> Preview {
        let token = uuid::Uuid::now_v7().simple().to_string();
        let count = pages.count() as u32;
        if let Ok(mut held) = self.0.lock() {
            *held = Some((token.clone(), Arc::new(pages)));
        }
        Preview {
            token,
            pages: count,
        }
    }
}

/// PDFs opened in the system viewer; under test, opened nowhere and only
/// recorded here. (Only e2e builds read the list.)
#[derive(Default)]
#[cfg_attr(not(feature = "e2e"), allow(dead_code))]
pub struct OpenedPdfs(pub Mutex<Vec<PathBuf>>);

/// The folder of the data folder where PDFs opened for printing are written.
pub const PRINTED: &str = "printed";

/// What a print is for, as the UI asks.
pub type PrintPurpose = Purpose;

pub(crate) fn print_error(e: PrintError) -> ErrorPayload {
    match e {
        PrintError::Core(inner) => ErrorPayload::from(&inner),
        PrintError::NotReady(_) => ErrorPayload {
            code: "notReady".into(),
            message: e.to_string(),
            fields: Vec::new(),
        },
        other => ErrorPayload {
            code: other.code().into(),
            message: other.to_string(),
            fields: Vec::new(),
        },
    }
}

fn blobs(slot: &StoreSlot) -> Reply<&BlobStore> {
    slot.blobs()
        .ok_or_else(|| ErrorPayload::from(&Error::NoDataDir))
}

#[tauri::command]
pub fn list_declarants(slot: State<'_, StoreSlot>, case_id: String) -> Reply<Vec<Declarant>> {
    slot.with(|s| s.declarants(&case_id))
}

#[tauri::command]
pub fn create_declarant(
    slot: State<'_, StoreSlot>,
    case_id: String,
    draft: DeclarantDraft,
) -> Reply<Declarant> {
    slot.with(|s| s.create_declarant(&case_id, &draft))
}

#[tauri::command]
pub fn update_declarant(
    slot: State<'_, StoreSlot>,
    id: String,
    draft: DeclarantDraft,
) -> Reply<Declarant> {
    slot.with(|s| s.update_declarant(&id, &draft))
}

#[tauri::command]
pub fn delete_declarant(slot: State<'_, StoreSlot>, id: String) -> Reply<()> {
    slot.with(|s| s.delete_declarant(&id))
}

#[tauri::command]
pub fn list_statements(
    slot: State<'_, StoreSlot>,
    case_id: String,
) -> Reply<Vec<StatementSummary>> {
    slot.with(|s| s.statements(&case_id))
}

#[tauri::command]
pub fn get_statement(slot: State<'_, StoreSlot>, id: String) -> Reply<Statement> {
    slot.with(|s| s.statement(&id))
}

#[tauri::command]
pub fn create_statement(
    slot: State<'_, StoreSlot>,
    case_id: String,
    draft: StatementDraft,
) -> Reply<Statement> {
    slot.with(|s| s.create_statement(&case_id, &draft))
}

#[tauri::command]
pub fn update_statement(
    slot: State<'_, StoreSlot>,
    id: String,
    draft: StatementDraft,
) -> Reply<Statement> {
    slot.with(|s| s.update_statement(&id, &draft))
}

#[tauri::command]
pub fn delete_statement(slot: State<'_, StoreSlot>, id: String) -> Reply<()> {
    slot.with(|s| s.delete_statement(&id))
}

#[tauri::command]
pub fn statement_checks(slot: State<'_, StoreSlot>, id: String) -> Reply<Vec<PrintCheck>> {
    slot.with_print(|s| amparo_print::statement_checks(s, &id))
        .map_err(print_error)
}

#[tauri::command]
pub fn exhibit_letters(slot: State<'_, StoreSlot>, case_id: String) -> Reply<Vec<ExhibitLetter>> {
    slot.with(|s| s.exhibit_letters(&case_id))
}

#[tauri::command]
pub fn assign_exhibit_letter(
    slot: State<'_, StoreSlot>,
    item: ExhibitItem,
) -> Reply<ExhibitLetter> {
    slot.with(|s| s.assign_exhibit_letter(&item))
}

#[tauri::command]
pub fn list_wording(slot: State<'_, StoreSlot>) -> Reply<Vec<WordingEntry>> {
    slot.with(|s| s.wording())
}

#[tauri::command]
pub fn set_wording(
    slot: State<'_, StoreSlot>,
    key: String,
    text: String,
) -> Reply<Vec<WordingEntry>> {
    slot.with(|s| s.set_wording(&key, &text))
}

/// Renders the pages of `purpose` for the preview.
#[tauri::command]
pub async fn preview_statement(
    slot: State<'_, StoreSlot>,
    previews: State<'_, Previews>,
    id: String,
    purpose: PrintPurpose,
) -> Reply<Preview> {
    let pages = slot
        .with_print(|s| {
            // A stored filing set is a PDF, not pages: its preview is the
            // draft of the same text.
            let purpose = if purpose == Purpose::Filing {
                Purpose::Draft
            } else {
                purpose
            };
            amparo_print::preview_statement(s, &id, purpose)
        })
        .map_err(print_error)?;
    Ok(previews.hold(pages))
}

fn pdf_for(slot: &StoreSlot, id: &str, purpose: PrintPurpose) -> Reply<Vec<u8>> {
    let blob_store = blobs(slot)?;
    slot.with_print(|s| match purpose {
        PrintPurpose::Draft => amparo_print::print_statement(s, id, Purpose::Draft),
        PrintPurpose::ForSignature => amparo_print::print_statement(s, id, Purpose::ForSignature),
        PrintPurpose::Filing => {
            let last = s
                .statement(id)?
                .signed
                .last()
                .map(|v| v.number)
                .ok_or_else(|| Error::NotFound("a signed version".into()))?;
            amparo_print::print_signed(s, blob_store, id, last)
        }
    })
    .map_err(print_error)
}

/// File names never carry the person's name: the purpose and the date.
fn suggested_name(purpose: PrintPurpose) -> String {
    let day = time::OffsetDateTime::now_utc().date();
    let what = match purpose {
        PrintPurpose::Draft => "declaration-draft",
        PrintPurpose::ForSignature => "declaration-for-signature",
        PrintPurpose::Filing => "declaration-filing-set",
    };
    format!("{what}-{day}.pdf")
}

/// Asks where to save the PDF and writes it there. `None` when cancelled.
#[tauri::command]
pub async fn save_statement_pdf(
    app: AppHandle,
    slot: State<'_, StoreSlot>,
    id: String,
    purpose: PrintPurpose,
    title: String,
) -> Reply<Option<String>> {
    let pdf = pdf_for(&slot, &id, purpose)?;
    let picked = crate::folder_dialog::pick_pdf_path(app, title, suggested_name(purpose)).await;
    let Some(path) = picked else {
        return Ok(None);
    };
    std::fs::write(&path, &pdf).map_err(|e| ErrorPayload::from(&Error::Io(e)))?;
    Ok(Some(path.display().to_string()))
}

/// Writes the PDF into the private `printed/` folder of the data folder and
/// opens it in the system's PDF viewer, from which the user prints.
#[tauri::command]
pub async fn open_statement_pdf(
    slot: State<'_, StoreSlot>,
    opened: State<'_, OpenedPdfs>,
    id: String,
    purpose: PrintPurpose,
) -> Reply<()> {
    let pdf = pdf_for(&slot, &id, purpose)?;
    let dir = slot
        .dir()
        .ok_or_else(|| ErrorPayload::from(&Error::NoDataDir))?
        .join(PRINTED);
    let io = |e: std::io::Error| ErrorPayload::from(&Error::Io(e));
    std::fs::create_dir_all(&dir).map_err(io)?;
    let path = dir.join(suggested_name(purpose));
    std::fs::write(&path, &pdf).map_err(io)?;
    open_in_viewer(&path, &opened)
}

#[cfg(not(feature = "e2e"))]
pub(crate) fn open_in_viewer(path: &std::path::Path, _opened: &OpenedPdfs) -> Reply<()> {
    open::that_detached(path).map_err(|e| ErrorPayload::from(&Error::Io(e)))
}

#[cfg(feature = "e2e")]
pub(crate) fn open_in_viewer(path: &std::path::Path, opened: &OpenedPdfs) -> Reply<()> {
    if let Ok(mut list) = opened.0.lock() {
        list.push(path.to_path_buf());
    }
    Ok(())
}

/// Under test: the PDFs that "Open / Print" would have opened.
#[cfg(feature = "e2e")]
#[tauri::command]
pub fn e2e_opened_pdfs(opened: State<'_, OpenedPdfs>) -> Vec<String> {
    opened
        .0
        .lock()
        .map(|l| l.iter().map(|p| p.display().to_string()).collect())
        .unwrap_or_default()
}

/// Lets the user pick scans or photos of the signed pages; keeps each
/// original with a print copy and returns their hashes.
#[tauri::command]
pub async fn pick_signed_scans(
    app: AppHandle,
    slot: State<'_, StoreSlot>,
    title: String,
) -> Reply<Vec<ScanAdded>> {
    let picked = tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .add_filter(
                "Images",
                &["jpg", "jpeg", "png", "webp", "tif", "tiff", "heic", "heif"],
            )
            .blocking_pick_files()
    })
    .await
    .ok()
    .flatten()
    .unwrap_or_default();
    let paths: Vec<PathBuf> = picked
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect();
    keep_scans(blobs(&slot)?, &paths)
}

fn keep_scans(blobs: &BlobStore, paths: &[PathBuf]) -> Reply<Vec<ScanAdded>> {
    paths
        .iter()
        .map(|path| {
            let sha256 = amparo_media::keep_image(blobs, path).map_err(|e| ErrorPayload {
                code: e.code().into(),
                message: e.to_string(),
                fields: Vec::new(),
            })?;
            let file_name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(ScanAdded { sha256, file_name })
        })
        .collect()
}

/// Under test: keeps scans from paths, as the file picker would.
#[cfg(feature = "e2e")]
#[tauri::command]
pub fn e2e_keep_scans(slot: State<'_, StoreSlot>, paths: Vec<PathBuf>) -> Reply<Vec<ScanAdded>> {
    keep_scans(blobs(&slot)?, &paths)
}

/// Records the signing and stores the filing set as printed now.
#[tauri::command]
pub fn sign_statement(
    slot: State<'_, StoreSlot>,
    id: String,
    signing: SigningRecord,
    scans: Vec<String>,
) -> Reply<SignedVersion> {
    let blob_store = blobs(&slot)?;
    if let Some(missing) = scans.iter().find(|h| !blob_store.has_original(h)) {
        return Err(ErrorPayload::from(&Error::NotFound(format!(
            "scan {missing}"
        ))));
    }
    slot.with_print(|s| amparo_print::sign_statement(s, blob_store, &id, &signing, &scans))
        .map_err(print_error)
}
