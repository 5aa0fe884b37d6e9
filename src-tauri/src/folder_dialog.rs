//! Native folder and save pickers, opened from Rust so that the webview
//! never names a path on disk: it can only ask for a backup or a PDF, and
//! the user picks where.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

/// End-to-end test builds only: the path the test chose for the next folder
/// or case-file picker, since a test cannot drive the native dialog.
#[cfg(feature = "e2e")]
#[derive(Default)]
pub struct NextPick(pub std::sync::Mutex<Option<PathBuf>>);

/// What the test chose for this picker, in an end-to-end build.
pub fn chosen_by_test(app: &AppHandle) -> Option<PathBuf> {
    #[cfg(feature = "e2e")]
    {
        use tauri::Manager;
        app.state::<NextPick>().0.lock().ok()?.take()
    }
    #[cfg(not(feature = "e2e"))]
    {
        let _ = app;
        None
    }
}

/// Asks the user for a folder; `None` when they cancel. `title` comes from
/// the UI, already in the user's language.
pub async fn pick_folder(app: AppHandle, title: String) -> Option<PathBuf> {
    if let Some(chosen) = chosen_by_test(&app) {
        return Some(chosen);
    }
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog().file().set_title(title).blocking_pick_folder()
    })
    .await
    .ok()
    .flatten()
    .and_then(|folder| folder.into_path().ok())
}

/// What a save dialog saves, for its file-type filter.
#[derive(Debug, Clone, Copy)]
pub enum Saving {
    /// A printed PDF.
    Pdf,
    /// A calendar file for a phone (`.ics`).
    Calendar,
    /// A plain text file (a translation sheet).
    Text,
}

impl Saving {
    fn filter(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Self::Pdf => ("PDF", &["pdf"]),
            Self::Calendar => ("iCalendar", &["ics"]),
            Self::Text => ("Text", &["txt"]),
        }
    }
}

/// Asks where to save a file of the kind `what`, suggesting `name`; `None`
/// when they cancel.
pub async fn pick_save_path(
    app: AppHandle,
    title: String,
    name: String,
    what: Saving,
) -> Option<PathBuf> {
    if let Some(chosen) = chosen_by_test(&app) {
        return Some(chosen);
    }
    let (label, extensions) = what.filter();
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .set_file_name(name)
            .add_filter(label, extensions)
            .blocking_save_file()
    })
    .await
    .ok()
    .flatten()
    .and_then(|p| p.into_path().ok())
}

/// Asks for one text file; `None` when cancelled.
pub async fn pick_text_file(app: AppHandle, title: String) -> Option<PathBuf> {
    if let Some(chosen) = chosen_by_test(&app) {
        return Some(chosen);
    }
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .add_filter("Text", &["txt"])
            .blocking_pick_file()
    })
    .await
    .ok()
    .flatten()
    .and_then(|p| p.into_path().ok())
}

/// Asks for image files (photos, scans of signed pages); none when they
/// cancel.
pub async fn pick_images(app: AppHandle, title: String) -> Vec<PathBuf> {
    tauri::async_runtime::spawn_blocking(move || {
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
    .unwrap_or_default()
    .into_iter()
    .filter_map(|f| f.into_path().ok())
    .collect()
}

/// Asks for documents: PDFs, or photos and scans of paper pages; none
/// when they cancel.
pub async fn pick_documents(app: AppHandle, title: String) -> Vec<PathBuf> {
    if let Some(chosen) = chosen_by_test(&app) {
        return vec![chosen];
    }
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .add_filter(
                "PDF, photos, scans",
                &[
                    "pdf", "PDF", "jpg", "jpeg", "png", "webp", "tif", "tiff", "heic", "heif",
                ],
            )
            .blocking_pick_files()
    })
    .await
    .ok()
    .flatten()
    .unwrap_or_default()
    .into_iter()
    .filter_map(|f| f.into_path().ok())
    .collect()
}
