//! The hand-off to counsel: the packet, every original named by its
//! exhibit letter, and a SHA256SUMS file that `sha256sum -c` accepts, as one
//! .zip encrypted to a passphrase (`<name>.zip.age`, opened with the `age`
//! command) unless the user asks for a plain folder and .zip, which anyone
//! who gets them can read. Originals that carry a GPS position (photos,
//! tattoo photos and scans of signed pages alike, in EXIF or XMP) go only
//! when the user has agreed.

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
use crate::packet::print::{PacketProgress, PacketPurpose, print_packet_for_counsel};
use crate::packet::seal::{self, SealedZip};

/// How the export is protected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CounselProtection {
    /// One encrypted file, opened with this passphrase (at least 8
    /// characters); with none, Amparo makes one and returns it.
    Passphrase(Option<String>),
    /// A plain folder and .zip: readable by anyone who gets them.
    Plain,
}

/// What was written for counsel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CounselExport {
    /// The file to hand over: the encrypted `.zip.age`, or the plain `.zip`.
    pub file: String,
    /// The plain folder beside it; none when encrypted.
    pub folder: Option<String>,
    /// The file is encrypted to a passphrase.
    pub encrypted: bool,
    /// The passphrase Amparo made, to tell counsel (shown once); none when
    /// the user typed their own or the export is plain.
    pub passphrase: Option<String>,
    /// How counsel opens and checks it: one command a line.
    pub open_with: Vec<String>,
    /// Files in the export, SHA256SUMS included.
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

/// Writes the export for counsel named after the new folder `out`: as
/// `out.zip.age` (encrypted), or as the folder `out` and `out.zip` (plain).
/// `include_gps` is the user's consent to hand over originals that carry a
/// position.
pub fn export_counsel(
    store: &Store,
    blobs: &BlobStore,
    case_id: &str,
    out: &Path,
    include_gps: bool,
    protection: &CounselProtection,
    progress: &(dyn Fn(PacketProgress) + Sync),
) -> Result<CounselExport, PrintError> {
    // A passphrase too short is refused before anything is printed.
    let (passphrase, made) = match protection {
        CounselProtection::Passphrase(Some(own)) => {
            seal::checked(own)?;
            (Some(own.clone()), false)
        }
        CounselProtection::Passphrase(None) => (Some(seal::make_passphrase()?), true),
        CounselProtection::Plain => (None, false),
    };
    let parent = out.parent().unwrap_or(Path::new("."));
    let base = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "counsel".into());
    let sealed_path = parent.join(format!("{base}.zip.age"));
    let zip_path = parent.join(format!("{base}.zip"));
    let taken = match passphrase {
        Some(_) => sealed_path.exists().then_some(&sealed_path),
        None if out.exists() && fs::read_dir(out)?.next().is_some() => Some(&out.to_path_buf()),
        None => zip_path.exists().then_some(&zip_path),
    };
    if let Some(taken) = taken {
        return Err(Error::DestinationNotEmpty(taken.display().to_string()).into());
    }

    let checks = crate::packet::print::packet_checks(store, blobs, case_id)?;
    let draft = !packet_ready(&checks);
    let purpose = if draft {
        PacketPurpose::Draft
    } else {
        PacketPurpose::Filing
    };
    let printed = print_packet_for_counsel(store, blobs, case_id, purpose, progress)?;
    let mut pdfs: Vec<(&str, &[u8])> = printed
        .files
        .iter()
        .map(|f| (f.name.as_str(), f.pdf.as_slice()))
        .collect();
    // Which pages show who the person is: counsel decides what may be
    // filed publicly or under initials.
    if let Some(note) = &printed.identifiers {
        pdfs.push((IDENTIFIERS_FILE, note.as_bytes()));
    }
    let originals = Originals::gather(store, blobs, case_id)?;
    // SHA256SUMS signed by this Amparo (when its keys are open), so counsel
    // can check who sent the files as well as the files.
    let mut signer_key = None;
    let mut sign = |sums: &[u8]| {
        let (key, signature) =
            store.sign_as_this_device(sums, "SHA256SUMS of an export for counsel")?;
        signer_key = Some(key);
        Some(signature)
    };

    let (written, gps_left_out) = match &passphrase {
        Some(passphrase) => {
            let mut sealed = SealedZip::create(&sealed_path, passphrase)?;
            let mut put = |name: &str, bytes: &[u8]| sealed.put(&format!("{base}/{name}"), bytes);
            match each_file(&pdfs, &originals, blobs, include_gps, &mut put, &mut sign) {
                Ok(done) => {
                    sealed.finish()?;
                    done
                }
                Err(e) => {
                    sealed.abandon();
                    return Err(e);
                }
            }
        }
        None => {
            // Written beside the destination first, so a failure leaves no
            // half-made folder under the chosen name.
            let staging = parent.join(format!(".{base}.partial"));
            if staging.exists() {
                fs::remove_dir_all(&staging)?;
            }
            fs::create_dir_all(&staging)?;
            let mut put = |name: &str, bytes: &[u8]| Ok(fs::write(staging.join(name), bytes)?);
            let done = each_file(&pdfs, &originals, blobs, include_gps, &mut put, &mut sign)?;
            if out.exists() {
                fs::remove_dir(out)?;
            }
            fs::rename(&staging, out)?;
            zip_of(out, &base, &zip_path)?;
            done
        }
    };
    let (file, folder) = match passphrase {
        Some(_) => (sealed_path, None),
        None => (zip_path, Some(out.display().to_string())),
    };
    Ok(CounselExport {
        file: file.display().to_string(),
        folder,
        encrypted: protection != &CounselProtection::Plain,
        passphrase: if made { passphrase } else { None },
        open_with: open_with(
            &base,
            protection != &CounselProtection::Plain,
            signer_key.as_deref(),
        ),
        files: written,
        draft,
        gps_left_out,
    })
}

/// The note in counsel's export naming the pages that show identifiers.
pub const IDENTIFIERS_FILE: &str = "Pages-with-identifiers.txt";

/// The case's originals in packet order, with the names they go by.
struct Originals {
    files: Vec<(crate::packet::gather::Original, String)>,
}

impl Originals {
    fn gather(store: &Store, blobs: &BlobStore, case_id: &str) -> Result<Self, PrintError> {
        let g = crate::packet::gather::gather(store, case_id, None)?;
        let originals: Vec<_> = g.exhibits.iter().map(|e| e.originals(blobs)).collect();
        let names = original_files(&g, &originals);
        Ok(Self {
            files: originals
                .into_iter()
                .flatten()
                .zip(names.into_iter().flatten())
                .collect(),
        })
    }
}

/// Where each file of the export goes: the plain folder or the sealed zip.
type Put<'a> = dyn FnMut(&str, &[u8]) -> Result<(), PrintError> + 'a;

/// Hands `put` every file of the export (the packet's PDFs, the originals
/// counsel may have, SHA256SUMS last, then its signature when `sign` gives
/// one); how many were put, and the originals left out for their position.
fn each_file(
    pdfs: &[(&str, &[u8])],
    originals: &Originals,
    blobs: &BlobStore,
    include_gps: bool,
    put: &mut Put<'_>,
    sign: &mut dyn FnMut(&[u8]) -> Option<String>,
) -> Result<(u32, Vec<String>), PrintError> {
    let mut sums = String::new();
    let mut files = 0;
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), PrintError> {
        put(name, bytes)?;
        sums.push_str(&format!("{}  {name}\n", sha_hex(bytes)));
        files += 1;
        Ok(())
    };
    for (name, pdf) in pdfs {
        add(name, pdf)?;
    }
    let mut gps_left_out = Vec::new();
    for (o, name) in &originals.files {
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
        add(name, &bytes)?;
    }
    put("SHA256SUMS", sums.as_bytes())?;
    if let Some(signature) = sign(sums.as_bytes()) {
        put("SHA256SUMS.minisig", signature.as_bytes())?;
        return Ok((files + 2, gps_left_out));
    }
    Ok((files + 1, gps_left_out))
}

/// The commands counsel runs: decrypt (when encrypted), unpack, check the
/// signature (when signed by `key`), check the files.
fn open_with(base: &str, encrypted: bool, key: Option<&str>) -> Vec<String> {
    let word = shell_word(base);
    let mut lines = Vec::new();
    if encrypted {
        let zip = shell_word(&format!("{base}.zip"));
        let sealed = shell_word(&format!("{base}.zip.age"));
        lines.push(format!("age -d -o {zip} {sealed}"));
        lines.push(format!("unzip {zip}"));
    }
    lines.push(format!("cd {word}"));
    if let Some(key) = key {
        lines.push(format!("minisign -Vm SHA256SUMS -P {}", shell_word(key)));
    }
    lines.push("sha256sum -c SHA256SUMS".into());
    lines
}

/// `name` as one shell word: quoted when it holds anything but letters,
/// digits and `-_.`.
fn shell_word(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    {
        name.to_owned()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
    }
}

/// How an entry is stored: photos and PDFs are compressed already; text
/// is not.
pub(super) fn zip_options(name: &str, len: usize) -> zip::write::SimpleFileOptions {
    let method = if name.ends_with("SHA256SUMS") {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    zip::write::SimpleFileOptions::default()
        .compression_method(method)
        .large_file(len as u64 >= u32::MAX as u64)
}

/// `folder` as `path`, its files under one directory named `base`.
fn zip_of(folder: &Path, base: &str, path: &Path) -> Result<PathBuf, PrintError> {
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
        zip.start_file(format!("{base}/{name}"), zip_options(&name, bytes.len()))
            .map_err(fail)?;
        zip.write_all(&bytes)?;
    }
    zip.finish().map_err(fail)?.sync_all()?;
    fs::rename(&partial, path)?;
    Ok(path.to_owned())
}
