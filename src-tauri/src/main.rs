//! The Amparo desktop window: a thin Tauri shell over `amparo-core` and
//! `amparo-media`.
//!
//! Each command here does one core call and hands back its result, or the
//! error as `{ code, message, fields }` for the UI to translate. No logic
//! lives in the shell; the `amparo` command reaches the same core calls.

// In release builds on Windows, no console window opens beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod folder_dialog;
mod media_scheme;
mod packet_commands;
mod photo_commands;
mod statement_commands;
mod store_slot;
mod tattoo_commands;
mod timeline_commands;

use std::path::PathBuf;

use photo_commands::{DroppedFiles, ImportCancel};
use store_slot::StoreSlot;
use tauri::{DragDropEvent, Emitter, Manager, WindowEvent};

/// The commands of every build, then those only end-to-end test builds add.
macro_rules! commands {
    ($($extra:path),*) => {
        tauri::generate_handler![
            commands::startup,
            commands::set_locale,
            commands::mark_notice_read,
            commands::list_cases,
            commands::deleted_cases,
            commands::get_case,
            commands::check_case,
            commands::create_case,
            commands::update_case,
            commands::delete_case,
            commands::restore_case,
            commands::erase_case,
            commands::add_example_case,
            commands::back_up,
            commands::restore_backup,
            photo_commands::list_photos,
            photo_commands::get_photo,
            photo_commands::update_photo_details,
            photo_commands::import_picked_photos,
            photo_commands::import_dropped_photos,
            photo_commands::cancel_import,
            tattoo_commands::list_tattoos,
            tattoo_commands::create_tattoo,
            tattoo_commands::update_tattoo,
            tattoo_commands::delete_tattoo,
            timeline_commands::list_events,
            timeline_commands::known_dates,
            timeline_commands::create_event,
            timeline_commands::update_event,
            timeline_commands::delete_event,
            timeline_commands::list_allegations,
            timeline_commands::create_allegation,
            timeline_commands::update_allegation,
            timeline_commands::delete_allegation,
            timeline_commands::reported_criteria,
            timeline_commands::set_reported_criteria,
            timeline_commands::case_deadlines,
            timeline_commands::add_due_date,
            timeline_commands::delete_due_date,
            timeline_commands::filing_days_before,
            timeline_commands::set_filing_days_before,
            timeline_commands::search_cases,
            statement_commands::list_declarants,
            statement_commands::create_declarant,
            statement_commands::update_declarant,
            statement_commands::delete_declarant,
            statement_commands::list_statements,
            statement_commands::get_statement,
            statement_commands::create_statement,
            statement_commands::update_statement,
            statement_commands::delete_statement,
            statement_commands::statement_checks,
            statement_commands::exhibit_letters,
            statement_commands::assign_exhibit_letter,
            statement_commands::list_wording,
            statement_commands::set_wording,
            packet_commands::get_packet,
            packet_commands::save_packet,
            packet_commands::preview_packet,
            packet_commands::save_packet_pdf,
            packet_commands::open_packet_pdf,
            packet_commands::counsel_gps_files,
            packet_commands::export_for_counsel,
            statement_commands::preview_statement,
            statement_commands::save_statement_pdf,
            statement_commands::open_statement_pdf,
            statement_commands::pick_signed_scans,
            statement_commands::sign_statement,
            $($extra),*
        ]
    };
}

fn main() {
    let data_dir = amparo_core::resolve_data_dir(data_dir_argument());
    let slot = StoreSlot::open(data_dir);
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(slot)
        .manage(DroppedFiles::default())
        .manage(ImportCancel::default())
        .manage(statement_commands::Previews::default())
        .manage(statement_commands::OpenedPdfs::default())
        .register_asynchronous_uri_scheme_protocol(media_scheme::SCHEME, media_scheme::handle)
        .on_window_event(|window, event| {
            // Dropped files stay here; the UI is only told that some came.
            if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
                if let Ok(mut held) = window.state::<DroppedFiles>().0.lock() {
                    held.clone_from(paths);
                }
                let _ = window.emit("files-dropped", paths.len());
            }
        });
    #[cfg(not(feature = "e2e"))]
    let builder = builder.invoke_handler(commands!());
    #[cfg(feature = "e2e")]
    let builder = builder.invoke_handler(commands!(
        photo_commands::e2e_import_paths,
        statement_commands::e2e_opened_pdfs,
        statement_commands::e2e_keep_scans
    ));
    if let Err(error) = builder.run(tauri::generate_context!()) {
        eprintln!("Amparo could not start its window: {error}");
        std::process::exit(1);
    }
}

/// `--data-dir DIR` or `--data-dir=DIR` on the command line.
fn data_dir_argument() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        if text == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(dir) = text.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(dir));
        }
    }
    None
}
