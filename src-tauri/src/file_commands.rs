//! Files in and out after a native dialog: backups, restores, photo
//! imports (picked or dropped on the window) and scans of signed pages.
//! The webview never names a path: the user picks, Rust reads or writes.

use std::path::PathBuf;

use amparo_core::ErrorPayload;
use amparo_ops::Slot;
use serde_json::{Value, json};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::call::off_main;
use crate::folder_dialog::{pick_folder, pick_images};

type Reply<T> = Result<T, ErrorPayload>;

/// Files dropped on the window, waiting for the UI to name their case.
#[derive(Default)]
pub struct DroppedFiles(pub std::sync::Mutex<Vec<PathBuf>>);

/// Asks for a folder and writes a backup into a new folder inside it.
#[tauri::command]
pub async fn back_up(app: AppHandle, title: String) -> Reply<Option<Value>> {
    let Some(folder) = pick_folder(app.clone(), title).await else {
        return Ok(None);
    };
    off_main(app, "back_up_into", json!({ "folder": folder }), None)
        .await
        .map(Some)
}

/// Asks for a backup folder and restores it; the replaced data is kept.
#[tauri::command]
pub async fn restore_backup(app: AppHandle, title: String) -> Reply<Option<Value>> {
    let Some(folder) = pick_folder(app.clone(), title).await else {
        return Ok(None);
    };
    off_main(
        app,
        "restore_backup_from",
        json!({ "folder": folder }),
        None,
    )
    .await
    .map(Some)
}

/// Opens the file picker and imports what the user picks.
#[tauri::command]
pub async fn import_picked_photos(
    app: AppHandle,
    case_id: String,
    title: String,
    progress: Channel<Value>,
) -> Reply<Option<Value>> {
    let paths = pick_images(app.clone(), title).await;
    if paths.is_empty() {
        return Ok(None);
    }
    let input = json!({ "caseId": case_id, "paths": paths });
    off_main(app, "import_photos", input, Some(progress))
        .await
        .map(Some)
}

/// Imports the files last dropped on the window.
#[tauri::command]
pub async fn import_dropped_photos(
    app: AppHandle,
    dropped: State<'_, DroppedFiles>,
    case_id: String,
    progress: Channel<Value>,
) -> Reply<Value> {
    let paths = dropped
        .0
        .lock()
        .map(|mut held| std::mem::take(&mut *held))
        .unwrap_or_default();
    let input = json!({ "caseId": case_id, "paths": paths });
    off_main(app, "import_photos", input, Some(progress)).await
}

/// Stops the running import after the files already under way.
#[tauri::command]
pub fn cancel_import(slot: State<'_, Slot>) {
    slot.cancel_import();
}

/// Lets the user pick scans or photos of the signed pages and keeps them.
#[tauri::command]
pub async fn pick_signed_scans(app: AppHandle, title: String) -> Reply<Value> {
    let paths = pick_images(app.clone(), title).await;
    off_main(app, "keep_scans", json!({ "paths": paths }), None).await
}
