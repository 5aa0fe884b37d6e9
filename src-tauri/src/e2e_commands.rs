//! Commands only end-to-end test builds have (the `e2e` feature): tests
//! cannot drive native file pickers or see the system viewer.

use amparo_core::ErrorPayload;
use serde_json::{Value, json};
use tauri::{AppHandle, State};

use crate::call::off_main;
use crate::viewer::OpenedPdfs;

/// Imports paths given by the test, as the file picker would.
#[tauri::command]
pub async fn e2e_import_paths(
    app: AppHandle,
    case_id: String,
    paths: Vec<String>,
) -> Result<Value, ErrorPayload> {
    off_main(
        app,
        "import_photos",
        json!({ "caseId": case_id, "paths": paths }),
        None,
    )
    .await
}

/// Keeps scans from paths, as the file picker would.
#[tauri::command]
pub async fn e2e_keep_scans(app: AppHandle, paths: Vec<String>) -> Result<Value, ErrorPayload> {
    off_main(app, "keep_scans", json!({ "paths": paths }), None).await
}

/// The PDFs that "Open / Print" would have opened.
#[tauri::command]
pub fn e2e_opened_pdfs(opened: State<'_, OpenedPdfs>) -> Vec<String> {
    opened.0.lock().map(|l| l.clone()).unwrap_or_default()
}

/// What the next folder or case-file picker answers, as if the user had
/// picked `path` in it.
#[tauri::command]
pub fn e2e_pick_next(next: State<'_, crate::folder_dialog::NextPick>, path: String) {
    if let Ok(mut held) = next.0.lock() {
        *held = Some(path.into());
    }
}
