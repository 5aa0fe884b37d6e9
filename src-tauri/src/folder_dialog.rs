//! Native folder pickers, opened from Rust so that the webview never names a
//! path on disk: it can only ask for a backup, and the user picks where.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// Asks the user for a folder; `None` when they cancel. `title` comes from
/// the UI, already in the user's language.
pub async fn pick_folder(app: AppHandle, title: String) -> Option<PathBuf> {
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog().file().set_title(title).blocking_pick_folder()
    })
    .await
    .ok()
    .flatten()
    .and_then(|folder| folder.into_path().ok())
}
