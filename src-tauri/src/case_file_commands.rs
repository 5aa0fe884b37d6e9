//! Case files after a native dialog: sending writes one into a folder the
//! user picks; opening keeps the file the user picked here, so the webview
//! only ever says "check it" or "open it", never a path.

use std::path::PathBuf;
use std::sync::Mutex;

use amparo_core::ErrorPayload;
use serde_json::{Value, json};
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::DialogExt;

use crate::call::off_main;
use crate::folder_dialog::{chosen_by_test, pick_folder};

type Reply<T> = Result<T, ErrorPayload>;

/// The case file the user picked last, until it is opened or another is.
#[derive(Default)]
pub struct PickedCaseFile(pub Mutex<Option<PathBuf>>);

/// A case file Amparo was started with (a double-click), until the window
/// takes it: at once when unlocked, else after the user unlocks.
#[derive(Default)]
pub struct GivenCaseFile(Mutex<Option<PathBuf>>);

impl GivenCaseFile {
    /// Holds `path` for the window; a later one replaces it.
    pub fn give(&self, path: PathBuf) {
        if let Ok(mut held) = self.0.lock() {
            *held = Some(path);
        }
    }

    fn take(&self) -> Option<PathBuf> {
        self.0.lock().ok().and_then(|mut held| held.take())
    }

    fn waiting(&self) -> bool {
        self.0.lock().is_ok_and(|held| held.is_some())
    }
}

/// Whether a case file Amparo was given waits to be opened.
#[tauri::command]
pub fn case_file_given(given: tauri::State<'_, GivenCaseFile>) -> bool {
    given.waiting()
}

/// Takes the case file Amparo was given as if the user had picked it, and
/// says what opening it would bring (none waiting: nothing).
#[tauri::command]
pub async fn take_given_case_file(app: AppHandle) -> Reply<Option<Value>> {
    let Some(path) = app.state::<GivenCaseFile>().take() else {
        return Ok(None);
    };
    keep_picked(&app, path);
    run_picked(app, None, "dryRun").await.map(Some)
}

/// Asks for a folder and writes a case file of the case into it, for the
/// contacts `contact_ids`, or to `passphrase`.
#[tauri::command]
pub async fn send_case_file(
    app: AppHandle,
    case_id: String,
    contact_ids: Vec<String>,
    passphrase: Option<String>,
    title: String,
) -> Reply<Option<Value>> {
    let Some(folder) = pick_folder(app.clone(), title).await else {
        return Ok(None);
    };
    let input = json!({
        "caseId": case_id,
        "contactIds": contact_ids,
        "passphrase": passphrase,
        "folder": folder,
    });
    off_main(app, "send_case", input, None).await.map(Some)
}

/// Asks for a case file, keeps it, and says what opening it would bring
/// (or that it needs its passphrase).
#[tauri::command]
pub async fn pick_case_file(app: AppHandle, title: String) -> Reply<Option<Value>> {
    let dialog = app.clone();
    let chosen = chosen_by_test(&app);
    let picked = tauri::async_runtime::spawn_blocking(move || {
        if let Some(chosen) = chosen {
            return Some(tauri_plugin_dialog::FilePath::Path(chosen));
        }
        dialog
            .dialog()
            .file()
            .set_title(title)
            .add_filter("Amparo", &["amparo"])
            .blocking_pick_file()
    })
    .await
    .ok()
    .flatten()
    .and_then(|f| f.into_path().ok());
    let Some(path) = picked else {
        return Ok(None);
    };
    keep_picked(&app, path);
    run_picked(app, None, "dryRun").await.map(Some)
}

fn keep_picked(app: &AppHandle, path: PathBuf) {
    if let Ok(mut held) = app.state::<PickedCaseFile>().0.lock() {
        *held = Some(path);
    }
}

/// Checks the picked case file again, with the passphrase typed.
#[tauri::command]
pub async fn preview_picked_case_file(app: AppHandle, passphrase: Option<String>) -> Reply<Value> {
    run_picked(app, passphrase, "dryRun").await
}

/// Opens the picked case file: its case is taken here.
#[tauri::command]
pub async fn open_picked_case_file(app: AppHandle, passphrase: Option<String>) -> Reply<Value> {
    run_picked(app, passphrase, "open").await
}

async fn run_picked(app: AppHandle, passphrase: Option<String>, mode: &str) -> Reply<Value> {
    let path = app
        .state::<PickedCaseFile>()
        .0
        .lock()
        .ok()
        .and_then(|held| held.clone())
        .ok_or_else(|| ErrorPayload::new("notFound", "no case file was picked"))?;
    let input = json!({ "path": path, "passphrase": passphrase, "mode": mode });
    off_main(app, "open_case_file", input, None).await
}
