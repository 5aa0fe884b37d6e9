//! The hand-off to counsel: a folder (and the same as a .zip) with the
//! packet, every original named by its exhibit letter, and a SHA256SUMS
//! file that `sha256sum -c` accepts. Originals that carry a GPS position
//! (photos, tattoo photos and scans of signed pages alike, in EXIF or XMP)
//! go only when the user has agreed.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use amparo_core::{BlobStore, Error, Store};
use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::error::PrintError;
use crate::packet::checks::packet_ready;
use crate::packet::model::original_files;
use crate::packet::print::{PacketProgress, PacketPurpose, print_packet};

/// What was written for counsel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CounselExport {
    /// The folder.
    pub folder: String,
    /// The .zip beside it.
    pub zip: String,
    /// Files in the folder, SHA256SUMS included.
    pub files: u32,
    /// The packet went as a draft (something still blocks a filing print).
    pub draft: bool,
    /// Originals with a GPS position that were left out (no consent).
    pub gps_left_out: Vec<String>,
}

/// The originals of the case's packet that carry a GPS position, by the
/// name they would have in the export.
pub fn gps_originals(
    store: &Store,
    blobs: &BlobStore,
    case_id: &str,
) -> Result<Vec<String>, PrintError> {
    let g = crate::packet::gather::gather(store, case_id, None)?;
    let originals: Vec<_> = g.exhibits.iter().map(|e| e.originals(blobs)).collect();
    let names = original_files(&g, &originals);
    Ok(originals
        .iter()
        .flatten()
        .zip(names.iter().flatten())
        .filter(|(o, _)| {
            o.gps
                || blobs
                    .read_original(&o.sha256)
                    .is_ok_and(|bytes| amparo_media::carries_position(&bytes))
        })
        .map(|(_, n)| n.clone())
        .collect())
}

fn sha_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// Writes the export into the new folder `out` and `out.zip`. `include_gps`
/// is the user's consent to hand over originals that carry a position.
pub fn export_counsel(
    store: &Store,
    blobs: &BlobStore,
    case_id: &str,
    out: &Path,
    include_gps: bool,
    progress: &(dyn Fn(PacketProgress) + Sync),
) -> Result<CounselExport, PrintError> {
    if out.exists() && fs::read_dir(out)?.next().is_some() {
        return Err(Error::DestinationNotEmpty(out.display().to_string()).into());
    }
    let checks = crate::packet::print::packet_checks(store, blobs, case_id)?;
    let draft = !packet_ready(&checks);
    let purpose = if draft {
        PacketPurpose::Draft
    } else {
        PacketPurpose::Filing
    };
    let printed = print_packet(store, blobs, case_id, purpose, progress)?;

    let g = crate::packet::gather::gather(store, case_id, None)?;
    let originals: Vec<_> = g.exhibits.iter().map(|e| e.originals(blobs)).collect();
    let names = original_files(&g, &originals);

    // Written beside the destination first, so a failure leaves no
    // half-made folder under the chosen name.
    let parent = out.parent().unwrap_or(Path::new("."));
    let base = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "counsel".into());
    let staging = parent.join(format!(".{base}.partial"));
    if staging.exists() {
        fs::remove_dir_all(&staging)?;
    }
    fs::create_dir_all(&staging)?;
    let mut entries: Vec<(String, String)> = Vec::new();
    let mut put = |name: &str, bytes: &[u8]| -> Result<(), PrintError> {
        fs::write(staging.join(name), bytes)?;
        entries.push((sha_hex(bytes), name.to_owned()));
        Ok(())
    };
    for file in &printed.files {
        put(&file.name, &file.pdf)?;
    }
    let mut gps_left_out = Vec::new();
    for (o, name) in originals.iter().flatten().zip(names.iter().flatten()) {
        // Scans of signed pages are photos too: their position is looked
        // for in the bytes, in EXIF and in XMP, like every original's.
        let bytes = blobs.read_original(&o.sha256)?;
        if (o.gps || amparo_media::carries_position(&bytes)) && !include_gps {
            gps_left_out.push(name.clone());
            continue;
        }
        if sha_hex(&bytes) != o.sha256 {
            return Err(PrintError::Core(Error::CorruptDatabase(format!(
                "the stored original for {name} does not match its SHA-256"
            ))));
        }
        put(name, &bytes)?;
    }
    let sums: String = entries
        .iter()
        .map(|(sha, name)| format!("{sha}  {name}\n"))
        .collect();
    fs::write(staging.join("SHA256SUMS"), sums.as_bytes())?;
    let files = entries.len() as u32 + 1;

    if out.exists() {
        fs::remove_dir(out)?;
    }
    fs::rename(&staging, out)?;
    let zip_path = zip_of(out, &base)?;
    Ok(CounselExport {
        folder: out.display().to_string(),
        zip: zip_path.display().to_string(),
        files,
        draft,
        gps_left_out,
    })
}

/// `folder` as `folder.zip`, its files under one directory of the same name.
fn zip_of(folder: &Path, base: &str) -> Result<PathBuf, PrintError> {
    use zip::write::SimpleFileOptions;
    let path = folder.with_file_name(format!("{base}.zip"));
    let partial = folder.with_file_name(format!(".{base}.zip.partial"));
    let mut names: Vec<String> = fs::read_dir(folder)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let fail = |e: zip::result::ZipError| PrintError::Io(std::io::Error::other(e.to_string()));
    let mut zip = zip::ZipWriter::new(fs::File::create(&partial)?);
    for name in names {
        let bytes = fs::read(folder.join(&name))?;
        // Photos and PDFs are compressed already; text is not.
        let method = if name == "SHA256SUMS" {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .large_file(bytes.len() as u64 >= u32::MAX as u64);
        zip.start_file(format!("{base}/{name}"), options)
            .map_err(fail)?;
        zip.write_all(&bytes)?;
    }
    zip.finish().map_err(fail)?.sync_all()?;
    fs::rename(&partial, &path)?;
    Ok(path)
}
