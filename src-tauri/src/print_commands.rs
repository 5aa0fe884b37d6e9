//! Printing after a dialog or into the system viewer: previews (served
//! as images by the media scheme), saved PDFs and the export for counsel.
//! What prints and how files are named is decided in `amparo-ops`.

use amparo_ops::files;
use serde_json::{Value, json};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use amparo_core::ErrorPayload;

use crate::call::off_main;
use crate::folder_dialog::{Saving, pick_folder, pick_save_path};
use crate::viewer::{OpenedPdfs, open_in_viewer};

type Reply<T> = Result<T, ErrorPayload>;

/// Renders the statement's pages for the preview.
#[tauri::command]
pub async fn preview_statement(app: AppHandle, id: String, purpose: Value) -> Reply<Value> {
    off_main(
        app,
        "preview_statement",
        json!({ "id": id, "purpose": purpose }),
        None,
    )
    .await
}

/// Asks where to save the statement's PDF and writes it there.
#[tauri::command]
pub async fn save_statement_pdf(
    app: AppHandle,
    id: String,
    purpose: amparo_print::Purpose,
    title: String,
) -> Reply<Option<Value>> {
    let name = files::declaration_name(purpose, &files::today());
    let Some(path) = pick_save_path(app.clone(), title, name, Saving::Pdf).await else {
        return Ok(None);
    };
    let input = json!({ "id": id, "purpose": purpose, "path": path });
    off_main(app, "print_statement_to", input, None)
        .await
        .map(Some)
}

/// Writes the statement's PDF into the private `printed/` folder and opens
/// it in the system viewer.
#[tauri::command]
pub async fn open_statement_pdf(
    app: AppHandle,
    opened: State<'_, OpenedPdfs>,
    id: String,
    purpose: Value,
) -> Reply<()> {
    let input = json!({ "id": id, "purpose": purpose });
    let path = off_main(app, "print_statement_for_viewer", input, None).await?;
    open_in_viewer(path.as_str().unwrap_or_default(), &opened)
}

/// Writes the case's family summary in `language` into the private
/// `printed/` folder and opens it in the system viewer, to print.
#[tauri::command]
pub async fn open_family_summary(
    app: AppHandle,
    opened: State<'_, OpenedPdfs>,
    case_id: String,
    language: String,
) -> Reply<()> {
    let input = json!({ "caseId": case_id, "language": language });
    let path = off_main(app, "print_family_summary_for_viewer", input, None).await?;
    open_in_viewer(path.as_str().unwrap_or_default(), &opened)
}

/// Asks where to save the case's calendar file (hearings and due dates,
/// for a phone) and writes it; the path, or `None` when cancelled.
#[tauri::command]
pub async fn save_calendar(
    app: AppHandle,
    case_id: String,
    language: String,
    title: String,
) -> Reply<Option<Value>> {
    let name = files::calendar_name(&files::today());
    let Some(path) = pick_save_path(app.clone(), title, name, Saving::Calendar).await else {
        return Ok(None);
    };
    let input = json!({ "caseId": case_id, "language": language, "path": path });
    off_main(app, "export_calendar_to", input, None)
        .await
        .map(Some)
}

/// Renders the saved packet as a draft for the preview.
#[tauri::command]
pub async fn preview_packet(
    app: AppHandle,
    case_id: String,
    progress: Channel<Value>,
) -> Reply<Value> {
    off_main(
        app,
        "preview_packet",
        json!({ "caseId": case_id }),
        Some(progress),
    )
    .await
}

/// Prints the packet and asks where to save it; the files written.
#[tauri::command]
pub async fn save_packet_pdf(
    app: AppHandle,
    case_id: String,
    purpose: Value,
    title: String,
    progress: Channel<Value>,
) -> Reply<Value> {
    let name = files::packet_name(&files::today());
    let Some(path) = pick_save_path(app.clone(), title, name, Saving::Pdf).await else {
        return Ok(json!([]));
    };
    let input = json!({ "caseId": case_id, "purpose": purpose, "path": path });
    off_main(app, "print_packet_to", input, Some(progress)).await
}

/// Prints the packet into the private `printed/` folder and opens each file.
#[tauri::command]
pub async fn open_packet_pdf(
    app: AppHandle,
    opened: State<'_, OpenedPdfs>,
    case_id: String,
    purpose: Value,
    progress: Channel<Value>,
) -> Reply<u32> {
    let input = json!({ "caseId": case_id, "purpose": purpose });
    let written = off_main(app, "print_packet_for_viewer", input, Some(progress)).await?;
    let paths: Vec<&str> = written
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    for path in &paths {
        open_in_viewer(path, &opened)?;
    }
    Ok(paths.len() as u32)
}

/// Asks for a folder and writes the export for counsel in it: encrypted
/// to `passphrase` (or one the core makes), or plain only when asked.
#[tauri::command]
pub async fn export_for_counsel(
    app: AppHandle,
    case_id: String,
    include_gps: bool,
    plain: bool,
    passphrase: Option<String>,
    title: String,
    progress: Channel<Value>,
) -> Reply<Option<Value>> {
    let Some(folder) = pick_folder(app.clone(), title).await else {
        return Ok(None);
    };
    let input = json!({
        "caseId": case_id,
        "includeGps": include_gps,
        "folder": folder,
        "plain": plain,
        "passphrase": passphrase,
    });
    off_main(app, "export_counsel", input, Some(progress))
        .await
        .map(Some)
}
