//! The Amparo desktop window: a thin Tauri shell over `amparo-core`.
//!
//! Each command here does one core call and hands back its result, or the
//! error as `{ code, message, fields }` for the UI to translate. No logic
//! lives in the shell; the `amparo` command reaches the same core calls.

// In release builds on Windows, no console window opens beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod folder_dialog;
mod store_slot;

use std::path::PathBuf;

use store_slot::StoreSlot;

fn main() {
    let data_dir = amparo_core::resolve_data_dir(data_dir_argument());
    let slot = StoreSlot::open(data_dir);
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(slot)
        .invoke_handler(tauri::generate_handler![
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
        ])
        .run(tauri::generate_context!());
    if let Err(error) = app {
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
