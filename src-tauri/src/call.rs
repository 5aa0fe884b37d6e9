//! The window's one door to the core: `call(op, input)` runs any operation
//! the catalog marks `window` (crates/amparo-ops/src/catalog.rs). Adding an
//! operation there needs nothing here. The shell's own commands (dialogs,
//! the system viewer) each run one `host` operation, named in [`WRAPPED`],
//! which the command line reaches with `amparo call` too.

use amparo_core::ErrorPayload;
use amparo_ops::{Reach, Slot};
use serde_json::Value;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

/// Runs the operation `op` with its JSON `input` off the main thread.
#[tauri::command(async)]
pub fn call(slot: State<'_, Slot>, op: String, input: Value) -> Result<Value, ErrorPayload> {
    slot.call(&op, input, Reach::Window, &|_| {})
        .map_err(ErrorPayload::from)
}

/// Runs a `host` operation for one of the shell's own commands, which name
/// the files themselves (after a dialog); progress goes to `progress`.
pub fn host(
    slot: &Slot,
    op: &str,
    input: Value,
    progress: &(dyn Fn(Value) + Sync),
) -> Result<Value, ErrorPayload> {
    slot.call(op, input, Reach::Host, progress)
        .map_err(ErrorPayload::from)
}

/// Each shell command and the operation it runs after its dialog. Read by
/// the test below, which keeps every command the window invokes reachable
/// from `amparo call`.
#[cfg_attr(not(test), allow(dead_code))]
pub const WRAPPED: &[(&str, &str)] = &[
    ("back_up", "back_up_into"),
    ("restore_backup", "restore_backup_from"),
    ("import_picked_photos", "import_photos"),
    ("import_dropped_photos", "import_photos"),
    ("cancel_import", "import_photos"),
    ("add_picked_documents", "add_documents"),
    ("read_pages", "read_document_pages"),
    ("stop_reading_pages", "read_document_pages"),
    ("preview_statement", "preview_statement"),
    ("save_statement_pdf", "print_statement_to"),
    ("open_statement_pdf", "print_statement_for_viewer"),
    ("open_family_summary", "print_family_summary_for_viewer"),
    ("save_calendar", "export_calendar_to"),
    ("open_translator_copy", "print_translator_copy_for_viewer"),
    ("save_translation_sheet", "save_translation_sheet_to"),
    ("open_translation_sheet", "read_translation_sheet_from"),
    ("pick_signed_scans", "keep_scans"),
    ("preview_packet", "preview_packet"),
    ("save_packet_pdf", "print_packet_to"),
    ("open_packet_pdf", "print_packet_for_viewer"),
    ("export_for_counsel", "export_counsel"),
    ("send_case_file", "send_case"),
    ("pick_case_file", "open_case_file"),
    ("preview_picked_case_file", "open_case_file"),
    ("open_picked_case_file", "open_case_file"),
    // A case file given by a double-click is opened as a picked one.
    ("case_file_given", "open_case_file"),
    ("take_given_case_file", "open_case_file"),
];

fn send(channel: &Channel<Value>) -> impl Fn(Value) + Sync + '_ {
    move |value| {
        let _ = channel.send(value);
    }
}

fn quiet(_: Value) {}

/// Runs `op` on a worker thread, so the window stays responsive.
pub async fn off_main(
    app: AppHandle,
    op: &'static str,
    input: Value,
    progress: Option<Channel<Value>>,
) -> Result<Value, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(move || {
        let slot = app.state::<Slot>();
        match &progress {
            Some(channel) => host(&slot, op, input, &send(channel)),
            None => host(&slot, op, input, &quiet),
        }
    })
    .await
    .map_err(|_| ErrorPayload::new("storage", format!("{op} stopped unexpectedly")))?
}

#[cfg(test)]
mod tests {
    use super::WRAPPED;

    /// Every command the window invokes is `call` or a shell command that
    /// runs a catalog operation, so `amparo call` reaches whatever the
    /// window does.
    #[test]
    fn every_command_the_window_invokes_reaches_a_catalog_operation() {
        let backend = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/backend/tauri.ts"),
        )
        .expect("read tauri.ts");
        let mut invoked = Vec::new();
        for piece in backend.split("call('").skip(1) {
            invoked.push(piece.split('\'').next().unwrap_or_default().to_owned());
        }
        assert!(invoked.len() > 10, "tauri.ts invokes {invoked:?}");
        for command in invoked {
            if command == "call" {
                continue;
            }
            let (_, op) = WRAPPED
                .iter()
                .find(|(c, _)| *c == command)
                .unwrap_or_else(|| {
                    panic!("the window invokes {command}, which runs no catalog operation")
                });
            assert!(
                amparo_ops::find(op).is_ok(),
                "{command} runs {op}, which is not in the catalog"
            );
        }
    }
}
