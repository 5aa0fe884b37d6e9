//! The translation hand-off from the window: the translator's copy opened
//! to print, the translation sheet saved where the family chooses (to
//! e-mail or copy to a USB stick), and a filled sheet picked and read.

use amparo_ops::files;
use serde_json::{Value, json};
use tauri::{AppHandle, State};

use amparo_core::ErrorPayload;

use crate::call::off_main;
use crate::folder_dialog::{Saving, pick_save_path, pick_text_file};
use crate::viewer::{OpenedPdfs, open_in_viewer};

type Reply<T> = Result<T, ErrorPayload>;

/// Writes statement `id`'s copy for its translator (headings in
/// `language`) into the private `printed/` folder and opens it to print.
#[tauri::command]
pub async fn open_translator_copy(
    app: AppHandle,
    opened: State<'_, OpenedPdfs>,
    id: String,
    language: String,
) -> Reply<()> {
    let input = json!({ "id": id, "language": language });
    let path = off_main(app, "print_translator_copy_for_viewer", input, None).await?;
    open_in_viewer(path.as_str().unwrap_or_default(), &opened)
}

/// Asks where to save statement `id`'s translation sheet and writes it;
/// the path, or `None` when cancelled.
#[tauri::command]
pub async fn save_translation_sheet(
    app: AppHandle,
    id: String,
    title: String,
) -> Reply<Option<Value>> {
    let name = files::translation_sheet_name(&files::today());
    let Some(path) = pick_save_path(app.clone(), title, name, Saving::Text).await else {
        return Ok(None);
    };
    let input = json!({ "id": id, "path": path });
    off_main(app, "save_translation_sheet_to", input, None)
        .await
        .map(Some)
}

/// Asks for a filled translation sheet and reads what it brings for
/// statement `id`; `None` when cancelled.
#[tauri::command]
pub async fn open_translation_sheet(
    app: AppHandle,
    id: String,
    title: String,
) -> Reply<Option<Value>> {
    let Some(path) = pick_text_file(app.clone(), title).await else {
        return Ok(None);
    };
    let input = json!({ "id": id, "path": path });
    off_main(app, "read_translation_sheet_from", input, None)
        .await
        .map(Some)
}
