//! Documents in after a native dialog, and the reading of their scanned
//! pages in the background with progress and Stop.

use amparo_core::ErrorPayload;
use amparo_ops::Slot;
use serde_json::{Value, json};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::call::off_main;
use crate::folder_dialog::pick_documents;

type Reply<T> = Result<T, ErrorPayload>;

/// Lets the user pick PDFs or photos of pages and adds them to the case
/// with `details`; null when they cancel.
#[tauri::command]
pub async fn add_picked_documents(
    app: AppHandle,
    case_id: String,
    details: Value,
    title: String,
) -> Reply<Option<Value>> {
    let paths = pick_documents(app.clone(), title).await;
    if paths.is_empty() {
        return Ok(None);
    }
    let input = json!({ "caseId": case_id, "paths": paths, "details": details });
    off_main(app, "add_documents", input, None).await.map(Some)
}

/// Reads a document's pages that have no text, off the window's thread.
#[tauri::command]
pub async fn read_pages(app: AppHandle, id: String, progress: Channel<Value>) -> Reply<Value> {
    off_main(
        app,
        "read_document_pages",
        json!({ "id": id }),
        Some(progress),
    )
    .await
}

/// Stops reading pages after those under way; what was read stays.
#[tauri::command]
pub fn stop_reading_pages(slot: State<'_, Slot>) {
    slot.cancel_import();
}
