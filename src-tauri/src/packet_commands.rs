//! Commands for the evidence packet: read and save it, preview it, save or
//! open its PDF (or parts), and export it for counsel. Long prints report
//! their progress through a channel.

use std::path::{Path, PathBuf};

use amparo_core::{Error, ErrorPayload, PacketDraft};
use amparo_print::{
    CounselExport, PacketProgress, PacketPurpose, PacketView, Preview, PrintError, PrintedPacket,
};
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use crate::statement_commands::{OpenedPdfs, PRINTED, Previews, open_in_viewer, print_error};
use crate::store_slot::StoreSlot;

type Reply<T> = Result<T, ErrorPayload>;

fn blobs(slot: &StoreSlot) -> Reply<&amparo_core::BlobStore> {
    slot.blobs()
        .ok_or_else(|| ErrorPayload::from(&Error::NoDataDir))
}

fn io(e: std::io::Error) -> ErrorPayload {
    ErrorPayload::from(&Error::Io(e))
}

#[tauri::command]
pub fn get_packet(slot: State<'_, StoreSlot>, case_id: String) -> Reply<PacketView> {
    let blob_store = blobs(&slot)?;
    slot.with_print(|s| amparo_print::packet_view(s, blob_store, &case_id))
        .map_err(print_error)
}

#[tauri::command]
pub fn save_packet(
    slot: State<'_, StoreSlot>,
    case_id: String,
    draft: PacketDraft,
) -> Reply<PacketView> {
    slot.with(|s| s.save_packet(&case_id, &draft).map(|_| ()))?;
    get_packet(slot, case_id)
}

fn reporter(progress: Channel<PacketProgress>) -> impl Fn(PacketProgress) + Sync {
    move |p| {
        let _ = progress.send(p);
    }
}

/// Renders the saved packet as a draft; its pages are served as images.
#[tauri::command]
pub async fn preview_packet(
    slot: State<'_, StoreSlot>,
    previews: State<'_, Previews>,
    case_id: String,
    progress: Channel<PacketProgress>,
) -> Reply<Preview> {
    let blob_store = blobs(&slot)?;
    let report = reporter(progress);
    let pages = slot
        .with_print(|s| amparo_print::preview_packet(s, blob_store, &case_id, &report))
        .map_err(print_error)?;
    Ok(previews.hold(pages))
}

fn print(
    slot: &StoreSlot,
    case_id: &str,
    purpose: PacketPurpose,
    progress: Channel<PacketProgress>,
) -> Reply<PrintedPacket> {
    let blob_store = blobs(slot)?;
    let report = reporter(progress);
    slot.with_print(|s| amparo_print::print_packet(s, blob_store, case_id, purpose, &report))
        .map_err(print_error)
}

/// `chosen` for one file; `chosen` without `.pdf` plus `_PartN.pdf` for parts.
fn file_paths(chosen: &Path, printed: &PrintedPacket) -> Vec<PathBuf> {
    if printed.files.len() == 1 {
        return vec![chosen.to_path_buf()];
    }
    let stem = chosen
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| amparo_print::PACKET_FILE_BASE.into());
    (1..=printed.files.len())
        .map(|k| chosen.with_file_name(format!("{stem}_Part{k}.pdf")))
        .collect()
}

fn day() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

fn write_all(paths: &[PathBuf], printed: &PrintedPacket) -> Reply<()> {
    for (path, file) in paths.iter().zip(&printed.files) {
        std::fs::write(path, &file.pdf).map_err(io)?;
    }
    Ok(())
}

/// Prints the packet and asks where to save it (parts beside each other).
/// The files written, or none when cancelled.
#[tauri::command]
pub async fn save_packet_pdf(
    app: AppHandle,
    slot: State<'_, StoreSlot>,
    case_id: String,
    purpose: PacketPurpose,
    title: String,
    progress: Channel<PacketProgress>,
) -> Reply<Vec<String>> {
    let printed = print(&slot, &case_id, purpose, progress)?;
    let name = format!("{}-{}.pdf", amparo_print::PACKET_FILE_BASE, day());
    let picked = crate::folder_dialog::pick_pdf_path(app, title, name).await;
    let Some(chosen) = picked else {
        return Ok(Vec::new());
    };
    let paths = file_paths(&chosen, &printed);
    write_all(&paths, &printed)?;
    Ok(paths.iter().map(|p| p.display().to_string()).collect())
}

/// Prints the packet into the private `printed/` folder and opens it (each
/// part) in the system's PDF viewer.
#[tauri::command]
pub async fn open_packet_pdf(
    slot: State<'_, StoreSlot>,
    opened: State<'_, OpenedPdfs>,
    case_id: String,
    purpose: PacketPurpose,
    progress: Channel<PacketProgress>,
) -> Reply<u32> {
    let printed = print(&slot, &case_id, purpose, progress)?;
    let dir = slot
        .dir()
        .ok_or_else(|| ErrorPayload::from(&Error::NoDataDir))?
        .join(PRINTED);
    std::fs::create_dir_all(&dir).map_err(io)?;
    let what = match purpose {
        PacketPurpose::Draft => "draft",
        PacketPurpose::Filing => "filing",
    };
    let chosen = dir.join(format!(
        "{}-{what}-{}.pdf",
        amparo_print::PACKET_FILE_BASE,
        day()
    ));
    let paths = file_paths(&chosen, &printed);
    write_all(&paths, &printed)?;
    for path in &paths {
        open_in_viewer(path, &opened)?;
    }
    Ok(paths.len() as u32)
}

/// The originals of the packet whose files carry a GPS position.
#[tauri::command]
pub fn counsel_gps_files(slot: State<'_, StoreSlot>, case_id: String) -> Reply<Vec<String>> {
    let blob_store = blobs(&slot)?;
    slot.with_print(|s| amparo_print::gps_originals(s, blob_store, &case_id))
        .map_err(print_error)
}

/// Asks for a folder and writes the export for counsel into a new folder
/// in it (named by the date, never by the person). None when cancelled.
#[tauri::command]
pub async fn export_for_counsel(
    app: AppHandle,
    slot: State<'_, StoreSlot>,
    case_id: String,
    include_gps: bool,
    title: String,
    progress: Channel<PacketProgress>,
) -> Reply<Option<CounselExport>> {
    let Some(parent) = crate::folder_dialog::pick_folder(app, title).await else {
        return Ok(None);
    };
    let blob_store = blobs(&slot)?;
    let mut out = parent.join(format!("For-counsel-{}", day()));
    let mut n = 2;
    while out.exists() {
        out = parent.join(format!("For-counsel-{}-{n}", day()));
        n += 1;
    }
    let report = reporter(progress);
    slot.with_print(|s| {
        amparo_print::export_counsel(s, blob_store, &case_id, &out, include_gps, &report)
    })
    .map(Some)
    .map_err(|e: PrintError| print_error(e))
}
