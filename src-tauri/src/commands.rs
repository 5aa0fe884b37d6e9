//! The commands the UI invokes, one per core operation.

use amparo_core::{
    BackupSummary, Case, CaseDraft, CaseSummary, ErrorPayload, FieldError, Preferences,
};
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::folder_dialog::pick_folder;
use crate::store_slot::StoreSlot;

type Reply<T> = Result<T, ErrorPayload>;

/// What the window needs to draw its first screen.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Startup {
    preferences: Preferences,
}

#[tauri::command]
pub fn startup(slot: State<'_, StoreSlot>) -> Reply<Startup> {
    slot.with(|s| {
        Ok(Startup {
            preferences: s.preferences()?,
        })
    })
}

#[tauri::command]
pub fn set_locale(slot: State<'_, StoreSlot>, locale: String) -> Reply<Preferences> {
    slot.with(|s| s.set_locale(&locale))
}

#[tauri::command]
pub fn mark_notice_read(slot: State<'_, StoreSlot>) -> Reply<Preferences> {
    slot.with(|s| s.mark_notice_read())
}

#[tauri::command]
pub fn list_cases(slot: State<'_, StoreSlot>, query: String) -> Reply<Vec<CaseSummary>> {
    slot.with(|s| s.list_cases(&query))
}

#[tauri::command]
pub fn deleted_cases(slot: State<'_, StoreSlot>) -> Reply<Vec<CaseSummary>> {
    slot.with(|s| s.deleted_cases())
}

#[tauri::command]
pub fn get_case(slot: State<'_, StoreSlot>, id: String) -> Reply<Case> {
    slot.with(|s| s.case(&id))
}

#[tauri::command]
pub fn check_case(draft: CaseDraft) -> Vec<FieldError> {
    amparo_core::check_draft(&draft)
}

#[tauri::command]
pub fn create_case(slot: State<'_, StoreSlot>, draft: CaseDraft) -> Reply<Case> {
    slot.with(|s| s.create_case(&draft))
}

#[tauri::command]
pub fn update_case(slot: State<'_, StoreSlot>, id: String, draft: CaseDraft) -> Reply<Case> {
    slot.with(|s| s.update_case(&id, &draft))
}

#[tauri::command]
pub fn delete_case(slot: State<'_, StoreSlot>, id: String, typed_name: String) -> Reply<()> {
    slot.with(|s| s.delete_case(&id, &typed_name))
}

#[tauri::command]
pub fn restore_case(slot: State<'_, StoreSlot>, id: String) -> Reply<Case> {
    slot.with(|s| s.restore_case(&id))
}

#[tauri::command]
pub fn erase_case(slot: State<'_, StoreSlot>, id: String, typed_name: String) -> Reply<()> {
    slot.with(|s| s.erase_case(&id, &typed_name))
}

#[tauri::command]
pub fn add_example_case(slot: State<'_, StoreSlot>) -> Reply<Case> {
    slot.with(|s| s.add_example_case())
}

/// Asks for a folder and writes a backup into a new `amparo-backup-<time>`
/// folder inside it. `None` when the user cancels.
#[tauri::command]
pub async fn back_up(
    app: AppHandle,
    slot: State<'_, StoreSlot>,
    title: String,
) -> Reply<Option<BackupSummary>> {
    let Some(parent) = pick_folder(app, title).await else {
        return Ok(None);
    };
    slot.with(|s| s.backup_into(&parent)).map(Some)
}

/// Asks for a backup folder and restores it; the replaced data is kept.
/// `None` when the user cancels.
#[tauri::command]
pub async fn restore_backup(
    app: AppHandle,
    slot: State<'_, StoreSlot>,
    title: String,
) -> Reply<Option<String>> {
    let Some(folder) = pick_folder(app, title).await else {
        return Ok(None);
    };
    slot.reopen_after(|dir| amparo_core::restore_backup(dir, &folder))
        .map(|kept| Some(kept.map(|p| p.display().to_string()).unwrap_or_default()))
}
