//! Prints: which version of a statement prints for what, where PDFs are
//! written, and the packet's parts. The window and the command line both
//! come here, so they print the same thing.

use std::path::Path;

use amparo_core::{
    BlobStore, Error as CoreError, PacketDraft, SignedVersion, SigningRecord, Store,
};
use amparo_print::{PacketProgress, PacketPurpose, PacketView, Preview, PrintedPacket, Purpose};

use crate::error::Error;
use crate::files;
use crate::operation::Context;

pub use crate::intake::{import, keep_scan, keep_scans};
pub use crate::startup::Startup;

/// A statement's PDF for `purpose`. A filing print is the latest signed
/// version's filing set exactly as stored when it was marked signed (its
/// bytes are re-hashed first); it is never typeset again.
pub fn statement_pdf(
    store: &Store,
    blobs: &BlobStore,
    id: &str,
    purpose: Purpose,
) -> Result<Vec<u8>, Error> {
    Ok(match purpose {
        Purpose::Draft | Purpose::ForSignature => {
            amparo_print::print_statement(store, id, purpose)?
        }
        Purpose::Filing => {
            let last = store
                .statement(id)?
                .signed
                .last()
                .map(|v| v.number)
                .ok_or_else(|| CoreError::NotFound("a signed version".into()))?;
            amparo_print::print_signed(store, blobs, id, last)?
        }
    })
}

/// Renders the statement's pages for the preview. A filing set is stored as
/// a PDF, not as pages: its preview is the draft of the same text.
pub fn preview_statement(
    cx: &mut Context<'_>,
    id: &str,
    purpose: Purpose,
) -> Result<Preview, Error> {
    let purpose = if purpose == Purpose::Filing {
        Purpose::Draft
    } else {
        purpose
    };
    let pages = amparo_print::preview_statement(cx.store, id, purpose)?;
    Ok(cx.previews.hold(pages))
}

/// Writes the statement's PDF to `path`.
pub fn statement_to(
    cx: &mut Context<'_>,
    id: &str,
    purpose: Purpose,
    path: &Path,
) -> Result<String, Error> {
    let pdf = statement_pdf(cx.store, cx.blobs, id, purpose)?;
    amparo_core::write_whole(path, &pdf).map_err(CoreError::Io)?;
    Ok(path.display().to_string())
}

/// Writes the statement's PDF into the private `printed/` folder.
pub fn statement_for_viewer(
    cx: &mut Context<'_>,
    id: &str,
    purpose: Purpose,
) -> Result<String, Error> {
    let dir = files::printed_dir(cx.dir).map_err(CoreError::Io)?;
    let path = dir.join(files::declaration_name(purpose, &files::today()));
    statement_to(cx, id, purpose, &path)
}

/// Writes the case's family summary in `language` to `path`.
pub fn family_summary_to(
    cx: &mut Context<'_>,
    case_id: &str,
    language: &str,
    path: &Path,
) -> Result<String, Error> {
    let pdf = amparo_print::family_summary(cx.store, case_id, language)?.pdf()?;
    amparo_core::write_whole(path, &pdf).map_err(CoreError::Io)?;
    Ok(path.display().to_string())
}

/// Writes the case's coming hearings and due dates, in `language`, as an
/// iCalendar file at `path`.
pub fn calendar_to(
    cx: &mut Context<'_>,
    case_id: &str,
    language: &str,
    path: &Path,
) -> Result<String, Error> {
    let ics = amparo_print::family_calendar(cx.store, case_id, language)?;
    amparo_core::write_whole(path, ics.as_bytes()).map_err(CoreError::Io)?;
    Ok(path.display().to_string())
}

/// Writes the case's family summary into the private `printed/` folder.
pub fn family_summary_for_viewer(
    cx: &mut Context<'_>,
    case_id: &str,
    language: &str,
) -> Result<String, Error> {
    let dir = files::printed_dir(cx.dir).map_err(CoreError::Io)?;
    let path = dir.join(files::family_summary_name(language, &files::today()));
    family_summary_to(cx, case_id, language, &path)
}

/// Records the signing, after checking that every scan named is kept.
pub fn sign(
    cx: &mut Context<'_>,
    id: &str,
    signing: &SigningRecord,
    scans: &[String],
) -> Result<SignedVersion, Error> {
    if let Some(missing) = scans.iter().find(|h| !cx.blobs.has_original(h)) {
        return Err(CoreError::NotFound(format!("scan {missing}")).into());
    }
    Ok(amparo_print::sign_statement(
        cx.store, cx.blobs, id, signing, scans,
    )?)
}

/// Saves the packet and answers with the view the window shows.
pub fn save_packet(
    cx: &mut Context<'_>,
    case_id: &str,
    draft: &PacketDraft,
) -> Result<PacketView, Error> {
    cx.store.save_packet(case_id, draft)?;
    Ok(amparo_print::packet_view(cx.store, cx.blobs, case_id)?)
}

/// Packet progress as JSON for the host (the store itself is not shared
/// with the print's worker threads, only this).
fn reporter<'a>(
    progress: &'a (dyn Fn(serde_json::Value) + Sync),
) -> impl Fn(PacketProgress) + Sync + 'a {
    move |p| {
        if let Ok(value) = serde_json::to_value(p) {
            progress(value);
        }
    }
}

/// Renders the saved packet as a draft for the preview.
pub fn preview_packet(cx: &mut Context<'_>, case_id: &str) -> Result<Preview, Error> {
    let pages = amparo_print::preview_packet(cx.store, cx.blobs, case_id, &reporter(cx.progress))?;
    Ok(cx.previews.hold(pages))
}

fn print_packet(
    cx: &Context<'_>,
    case_id: &str,
    purpose: PacketPurpose,
) -> Result<PrintedPacket, Error> {
    Ok(amparo_print::print_packet(
        cx.store,
        cx.blobs,
        case_id,
        purpose,
        &reporter(cx.progress),
    )?)
}

fn write_parts(chosen: &Path, printed: &PrintedPacket) -> Result<Vec<String>, Error> {
    let paths = files::packet_paths(chosen, printed);
    for (path, file) in paths.iter().zip(&printed.files) {
        amparo_core::write_whole(path, &file.pdf).map_err(CoreError::Io)?;
    }
    Ok(paths.iter().map(|p| p.display().to_string()).collect())
}

/// Prints the packet to `path`, its parts beside it when it was split.
pub fn packet_to(
    cx: &mut Context<'_>,
    case_id: &str,
    purpose: PacketPurpose,
    path: &Path,
) -> Result<Vec<String>, Error> {
    let printed = print_packet(cx, case_id, purpose)?;
    write_parts(path, &printed)
}

/// Prints the packet into the private `printed/` folder.
pub fn packet_for_viewer(
    cx: &mut Context<'_>,
    case_id: &str,
    purpose: PacketPurpose,
) -> Result<Vec<String>, Error> {
    let printed = print_packet(cx, case_id, purpose)?;
    let dir = files::printed_dir(cx.dir).map_err(CoreError::Io)?;
    write_parts(
        &dir.join(files::packet_printed_name(purpose, &files::today())),
        &printed,
    )
}

/// Writes the export for counsel inside `parent`, named by the day (never
/// by the person): one file encrypted to `passphrase` (or to one Amparo
/// makes), or, only when `plain` is asked for, a folder and .zip that
/// anyone can read. With `plain`, a passphrase is refused rather than
/// ignored.
pub fn export_counsel(
    cx: &mut Context<'_>,
    case_id: &str,
    include_gps: bool,
    parent: &Path,
    plain: bool,
    passphrase: Option<String>,
) -> Result<amparo_print::CounselExport, Error> {
    let protection = match (plain, passphrase) {
        (false, passphrase) => amparo_print::CounselProtection::Passphrase(passphrase),
        (true, None) => amparo_print::CounselProtection::Plain,
        (true, Some(_)) => {
            return Err(CoreError::Invalid(vec![amparo_core::FieldError::new(
                "passphrase",
                amparo_core::FieldProblem::Unknown,
            )])
            .into());
        }
    };
    let out = files::counsel_folder(parent, &files::today());
    Ok(amparo_print::export_counsel(
        cx.store,
        cx.blobs,
        case_id,
        &out,
        include_gps,
        &protection,
        &reporter(cx.progress),
    )?)
}
