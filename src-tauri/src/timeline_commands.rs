//! Commands for the chronology, allegations, deadlines and search.

use amparo_core::{
    Allegation, AllegationDraft, Deadline, DueDate, DueDateDraft, ErrorPayload, Event, EventDraft,
    KnownDate, ReportedCriterion, SearchResults,
};
use tauri::State;

use crate::store_slot::StoreSlot;

type Reply<T> = Result<T, ErrorPayload>;

/// The most places a search shows.
const SEARCH_LIMIT: u32 = 50;

#[tauri::command]
pub fn list_events(slot: State<'_, StoreSlot>, case_id: String) -> Reply<Vec<Event>> {
    slot.with(|s| s.events(&case_id))
}

#[tauri::command]
pub fn known_dates(slot: State<'_, StoreSlot>, case_id: String) -> Reply<Vec<KnownDate>> {
    slot.with(|s| s.known_dates(&case_id))
}

#[tauri::command]
pub fn create_event(
    slot: State<'_, StoreSlot>,
    case_id: String,
    draft: EventDraft,
) -> Reply<Event> {
    slot.with(|s| s.create_event(&case_id, &draft))
}

#[tauri::command]
pub fn update_event(slot: State<'_, StoreSlot>, id: String, draft: EventDraft) -> Reply<Event> {
    slot.with(|s| s.update_event(&id, &draft))
}

#[tauri::command]
pub fn delete_event(slot: State<'_, StoreSlot>, id: String) -> Reply<()> {
    slot.with(|s| s.delete_event(&id))
}

#[tauri::command]
pub fn list_allegations(slot: State<'_, StoreSlot>, case_id: String) -> Reply<Vec<Allegation>> {
    slot.with(|s| s.allegations(&case_id))
}

#[tauri::command]
pub fn create_allegation(
    slot: State<'_, StoreSlot>,
    case_id: String,
    draft: AllegationDraft,
) -> Reply<Allegation> {
    slot.with(|s| s.create_allegation(&case_id, &draft))
}

#[tauri::command]
pub fn update_allegation(
    slot: State<'_, StoreSlot>,
    id: String,
    draft: AllegationDraft,
) -> Reply<Allegation> {
    slot.with(|s| s.update_allegation(&id, &draft))
}

#[tauri::command]
pub fn delete_allegation(slot: State<'_, StoreSlot>, id: String) -> Reply<()> {
    slot.with(|s| s.delete_allegation(&id))
}

#[tauri::command]
pub fn reported_criteria(slot: State<'_, StoreSlot>) -> Reply<Vec<ReportedCriterion>> {
    slot.with(|s| s.reported_criteria())
}

#[tauri::command]
pub fn set_reported_criteria(
    slot: State<'_, StoreSlot>,
    list: Vec<ReportedCriterion>,
) -> Reply<Vec<ReportedCriterion>> {
    slot.with(|s| s.set_reported_criteria(&list))
}

#[tauri::command]
pub fn case_deadlines(slot: State<'_, StoreSlot>, case_id: String) -> Reply<Vec<Deadline>> {
    slot.with(|s| s.deadlines(&case_id))
}

#[tauri::command]
pub fn add_due_date(
    slot: State<'_, StoreSlot>,
    case_id: String,
    draft: DueDateDraft,
) -> Reply<DueDate> {
    slot.with(|s| s.add_due_date(&case_id, &draft))
}

#[tauri::command]
pub fn delete_due_date(slot: State<'_, StoreSlot>, id: String) -> Reply<()> {
    slot.with(|s| s.delete_due_date(&id))
}

#[tauri::command]
pub fn filing_days_before(slot: State<'_, StoreSlot>) -> Reply<u32> {
    slot.with(|s| s.filing_days_before())
}

#[tauri::command]
pub fn set_filing_days_before(slot: State<'_, StoreSlot>, days: u32) -> Reply<u32> {
    slot.with(|s| s.set_filing_days_before(days))
}

#[tauri::command]
pub fn search_cases(slot: State<'_, StoreSlot>, query: String) -> Reply<SearchResults> {
    slot.with(|s| s.search(&query, SEARCH_LIMIT))
}
