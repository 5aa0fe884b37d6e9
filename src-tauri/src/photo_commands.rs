//! Commands for photos: pages of a case's photos, one photo, what the
//! family says it shows, and imports (from the file picker, from files
//! dropped on the window, and, in end-to-end test builds only, by path).
//!
//! Paths never come from the webview in a normal build: the picker opens
//! from Rust, and dropped files are held here until the UI says which case
//! they go to.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use amparo_core::{Error, ErrorPayload, Photo, PhotoDetails, PhotoPage};
use amparo_media::{ImportProgress, ImportSummary, import_photos};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::store_slot::StoreSlot;

type Reply<T> = Result<T, ErrorPayload>;

/// Files dropped on the window, waiting for the UI to name their case.
#[derive(Default)]
pub struct DroppedFiles(pub Mutex<Vec<PathBuf>>);

/// Set to stop the running import.
#[derive(Default)]
pub struct ImportCancel(pub AtomicBool);

#[tauri::command]
pub fn list_photos(
    slot: State<'_, StoreSlot>,
    case_id: String,
    offset: u32,
    limit: u32,
) -> Reply<PhotoPage> {
    slot.with(|s| s.photos(&case_id, offset, limit.min(500)))
}

#[tauri::command]
pub fn get_photo(slot: State<'_, StoreSlot>, id: String) -> Reply<Photo> {
    slot.with(|s| s.photo(&id))
}

#[tauri::command]
pub fn update_photo_details(
    slot: State<'_, StoreSlot>,
    id: String,
    details: PhotoDetails,
) -> Reply<Photo> {
    slot.with(|s| s.update_photo_details(&id, &details))
}

#[tauri::command]
pub fn cancel_import(cancel: State<'_, ImportCancel>) {
    cancel.0.store(true, Ordering::Relaxed);
}

/// Opens the file picker and imports what the user picks; `None` when
/// they cancel the picker.
#[tauri::command]
pub async fn import_picked_photos(
    app: AppHandle,
    case_id: String,
    title: String,
    progress: Channel<ImportProgress>,
) -> Reply<Option<ImportSummary>> {
    let picker = app.clone();
    let picked = tauri::async_runtime::spawn_blocking(move || {
        picker
            .dialog()
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
        .filter_map(|f| f.into_path().ok())
        .collect();
    if paths.is_empty() {
        return Ok(None);
    }
    run(app, case_id, paths, Some(progress)).await.map(Some)
}

/// Imports the files last dropped on the window into `case_id`.
#[tauri::command]
pub async fn import_dropped_photos(
    app: AppHandle,
    case_id: String,
    progress: Channel<ImportProgress>,
) -> Reply<ImportSummary> {
    let paths = std::mem::take(
        &mut *app
            .state::<DroppedFiles>()
            .0
            .lock()
            .map_err(|_| storage("dropped files"))?,
    );
    run(app, case_id, paths, Some(progress)).await
}

/// End-to-end tests cannot drive the native file picker: this imports
/// paths given by the test. It exists only in builds with the `e2e` feature.
#[cfg(feature = "e2e")]
#[tauri::command]
pub async fn e2e_import_paths(
    app: AppHandle,
    case_id: String,
    paths: Vec<String>,
) -> Reply<ImportSummary> {
    run(
        app,
        case_id,
        paths.into_iter().map(PathBuf::from).collect(),
        None,
    )
    .await
}

/// Imports on a worker thread so the window stays responsive.
async fn run(
    app: AppHandle,
    case_id: String,
    paths: Vec<PathBuf>,
    progress: Option<Channel<ImportProgress>>,
) -> Reply<ImportSummary> {
    tauri::async_runtime::spawn_blocking(move || {
        let slot = app.state::<StoreSlot>();
        let cancel = app.state::<ImportCancel>();
        cancel.0.store(false, Ordering::Relaxed);
        let blobs = slot
            .blobs()
            .cloned()
            .ok_or_else(|| ErrorPayload::from(&Error::NoDataDir))?;
        slot.with(|store| {
            import_photos(store, &blobs, &case_id, &paths, &cancel.0, |p| {
                if let Some(channel) = &progress {
                    let _ = channel.send(p);
                }
            })
        })
    })
    .await
    .map_err(|_| storage("the import stopped unexpectedly"))?
}

fn storage(what: &str) -> ErrorPayload {
    ErrorPayload {
        code: "storage".into(),
        message: what.to_owned(),
        fields: Vec::new(),
    }
}
