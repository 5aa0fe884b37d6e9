//! The Amparo desktop window: a thin Tauri shell over `amparo-core` and
//! `amparo-media`.
//!
//! The window reaches the core through one command, `call`, which runs any
//! operation the catalog (`amparo-ops`) marks for the window, and a few
//! commands of its own that open dialogs or the system viewer before
//! running a catalog operation. Errors cross as `{ code, message, fields }`
//! for the UI to translate. No logic lives in the shell; `amparo call`
//! reaches every operation the same way.

// In release builds on Windows, no console window opens beside the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod call;
mod case_file_commands;
mod document_commands;
#[cfg(feature = "e2e")]
mod e2e_commands;
mod file_commands;
mod folder_dialog;
mod main_window;
mod media_scheme;
mod one_instance;
mod print_commands;
#[cfg(target_os = "linux")]
mod screen_lock;
mod start_marks;
mod translation_commands;
mod viewer;

use std::path::PathBuf;

use amparo_ops::Slot;
use file_commands::DroppedFiles;
use tauri::{DragDropEvent, Emitter, Manager, RunEvent, WindowEvent};
use viewer::OpenedPdfs;

/// The commands of every build, then those only end-to-end test builds add.
macro_rules! commands {
    ($($extra:path),*) => {
        tauri::generate_handler![
            call::call,
            file_commands::back_up,
            file_commands::restore_backup,
            file_commands::import_picked_photos,
            file_commands::import_dropped_photos,
            file_commands::cancel_import,
            document_commands::add_picked_documents,
            document_commands::read_pages,
            document_commands::stop_reading_pages,
            print_commands::preview_statement,
            print_commands::save_statement_pdf,
            print_commands::open_statement_pdf,
            print_commands::open_family_summary,
            print_commands::save_calendar,
            translation_commands::open_translator_copy,
            translation_commands::save_translation_sheet,
            translation_commands::open_translation_sheet,
            file_commands::pick_signed_scans,
            print_commands::preview_packet,
            print_commands::save_packet_pdf,
            print_commands::open_packet_pdf,
            print_commands::export_for_counsel,
            case_file_commands::send_case_file,
            case_file_commands::pick_case_file,
            case_file_commands::preview_picked_case_file,
            case_file_commands::open_picked_case_file,
            case_file_commands::case_file_given,
            case_file_commands::take_given_case_file,
            start_marks::mark_drawn,
            $($extra),*
        ]
    };
}

fn main() {
    // Started as a decoding worker: serve, and never open a window.
    amparo_media::serve_if_worker();
    if let Ok(workers) = amparo_media::WorkerCommand::this_program() {
        amparo_media::isolate_decoding(workers);
    }
    start_marks::begin();
    let data_dir = amparo_core::resolve_data_dir(data_dir_argument());
    let given = one_instance::given_case_file();
    let dir = data_dir.as_ref().ok().cloned();
    let slot = Slot::open(data_dir);
    // Another window has this data folder: it takes the case file and
    // comes to the front, and this start ends. When no window answers (an
    // `amparo` command has the folder), this one opens and says so.
    if slot.in_use()
        && let Some(dir) = &dir
        && one_instance::hand_over(dir, given.clone())
    {
        return;
    }
    slot.tidy();
    let given_case_file = case_file_commands::GivenCaseFile::default();
    if let Some(path) = given {
        given_case_file.give(path);
    }
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(slot)
        .manage(given_case_file)
        .manage(DroppedFiles::default())
        .manage(OpenedPdfs::default())
        .manage(case_file_commands::PickedCaseFile::default())
        .register_asynchronous_uri_scheme_protocol(media_scheme::SCHEME, media_scheme::handle)
        .setup(|app| {
            #[cfg(target_os = "linux")]
            screen_lock::watch(app.handle());
            if let Some(dir) = app.state::<Slot>().held_dir() {
                one_instance::listen(app.handle(), dir);
            }
            main_window::open(app.handle())
        })
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
    let builder = builder
        .manage(folder_dialog::NextPick::default())
        .invoke_handler(commands!(
            e2e_commands::e2e_import_paths,
            e2e_commands::e2e_opened_pdfs,
            e2e_commands::e2e_keep_scans,
            e2e_commands::e2e_pick_next
        ));
    let app = match builder.build(tauri::generate_context!()) {
        Ok(app) => app,
        Err(error) => {
            eprintln!("Amparo could not start its window: {error}");
            std::process::exit(1);
        }
    };
    app.run(|app, event| {
        // PDFs opened in the system viewer go when the app does (and at the
        // next start, after a crash).
        if let RunEvent::Exit = event {
            app.state::<Slot>().clear_printed();
        }
    });
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
