//! Commands for tattoo records.

use amparo_core::{ErrorPayload, Tattoo, TattooDraft};
use tauri::State;

use crate::store_slot::StoreSlot;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub fn list_tattoos(slot: State<'_, StoreSlot>, case_id: String) -> Reply<Vec<Tattoo>> {
    slot.with(|s| s.tattoos(&case_id))
}

#[tauri::command]
pub fn create_tattoo(
    slot: State<'_, StoreSlot>,
    case_id: String,
    draft: TattooDraft,
) -> Reply<Tattoo> {
    slot.with(|s| s.create_tattoo(&case_id, &draft))
}

#[tauri::command]
pub fn update_tattoo(slot: State<'_, StoreSlot>, id: String, draft: TattooDraft) -> Reply<Tattoo> {
    slot.with(|s| s.update_tattoo(&id, &draft))
}

#[tauri::command]
pub fn delete_tattoo(slot: State<'_, StoreSlot>, id: String) -> Reply<()> {
    slot.with(|s| s.delete_tattoo(&id))
}
