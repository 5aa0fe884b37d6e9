//! What a data folder holds after Amparo was killed and started again, read
//! the way the crash harness compares it: the cases, the photos, the text
//! and signatures of one statement, and every way the folder could be
//! half-written (SQLite's own check, rows without their files, files
//! without their rows, a printed PDF or a backup cut short).

use std::collections::{BTreeSet, HashSet};
use std::fmt;
use std::path::Path;
use std::process::Command;

use amparo_core::{BlobStore, DerivativeKind, Store, Vault};
use sha2::Digest;

/// The part of a case folder the harness follows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Seen {
    /// Every case, in the list or in Deleted.
    pub cases: BTreeSet<String>,
    /// Every photo, as (case, SHA-256 of its original).
    pub photos: BTreeSet<(String, String)>,
    /// The followed statement's first paragraph, as stored.
    pub statement_text: String,
    /// How many signed versions the followed statement has.
    pub signed: usize,
}

impl Seen {
    /// What `expected` holds that this does not: the items lost.
    pub fn missing_from(&self, expected: &Seen) -> Vec<String> {
        let mut lost = Vec::new();
        for case in expected.cases.difference(&self.cases) {
            lost.push(format!("case {case}"));
        }
        for (case, sha) in expected.photos.difference(&self.photos) {
            lost.push(format!("photo {sha} of case {case}"));
        }
        if self.statement_text != expected.statement_text {
            lost.push(format!(
                "statement text {:?} (found {:?})",
                expected.statement_text, self.statement_text
            ));
        }
        if self.signed < expected.signed {
            lost.push(format!(
                "{} signed version(s)",
                expected.signed - self.signed
            ));
        }
        lost
    }
}

impl fmt::Display for Seen {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} case(s), {} photo(s), statement {:?}, {} signed",
            self.cases.len(),
            self.photos.len(),
            self.statement_text,
            self.signed
        )
    }
}

/// Opens the data folder as Amparo does (the restart has already run) and
/// reads what it holds, with every sign of a half-written state found on
/// the way. Stored files are named by their content and never rewritten,
/// so each is read whole once: `verified` remembers which were.
pub fn read(
    data: &Path,
    passphrase: &str,
    statement: &str,
    verified: &mut HashSet<String>,
) -> (Seen, Vec<String>) {
    let mut damage = Vec::new();
    let vault = Vault::unlock(data, passphrase).expect("unlock");
    let store = Store::open(data, vault.keys()).expect("open the store");
    let blobs = BlobStore::open(data, vault.keys()).expect("open the stored files");
    damage.extend(
        store
            .integrity_problems()
            .expect("integrity check")
            .into_iter()
            .map(|p| format!("SQLite: {p}")),
    );
    let mut seen = Seen::default();
    let listed = store.list_cases("").expect("cases");
    let deleted = store.deleted_cases().expect("deleted cases");
    for case in listed.iter().chain(&deleted) {
        seen.cases.insert(case.id.clone());
        let page = store.photos(&case.id, 0, 10_000).expect("photos");
        for photo in page.photos {
            seen.photos.insert((case.id.clone(), photo.sha256.clone()));
            for kind in [DerivativeKind::Thumb, DerivativeKind::Print] {
                let key = format!("{}/{kind:?}", photo.sha256);
                if verified.contains(&key) {
                    continue;
                }
                match blobs.read_derivative(&photo.sha256, kind) {
                    Ok(_) => _ = verified.insert(key),
                    Err(_) => damage.push(format!("photo {} has no {kind:?} copy", photo.sha256)),
                }
            }
        }
    }
    if let Ok(s) = store.statement(statement) {
        seen.statement_text = s.draft.paragraphs[0].original.clone();
        seen.signed = s.signed.len();
    }
    for sha in store.referenced_hashes().expect("hashes") {
        if verified.contains(&sha) {
            continue;
        }
        match blobs.read_original(&sha) {
            Ok(bytes) if hex(&sha2::Sha256::digest(&bytes)) == sha => _ = verified.insert(sha),
            Ok(_) => damage.push(format!("stored file {sha} does not match its hash")),
            Err(e) => damage.push(format!("a row names {sha}, which is not stored: {e}")),
        }
    }
    // The restart swept what no row names; anything left is a file
    // without its row.
    let unnamed = blobs.sweep_unnamed(&store).expect("sweep");
    if unnamed > 0 {
        damage.push(format!("{unnamed} stored file(s) no row names"));
    }
    (seen, damage)
}

/// Whether the stored file `sha256` is still in the data folder.
pub fn holds_original(data: &Path, passphrase: &str, sha256: &str) -> bool {
    let vault = Vault::unlock(data, passphrase).expect("unlock");
    BlobStore::open(data, vault.keys())
        .expect("open the stored files")
        .has_original(sha256)
}

/// The visible entries of the folder where prints and backups go that are
/// not whole: a PDF cut short, a backup folder whose sums do not check.
/// Hidden `.NAME.partial` leftovers are counted apart.
pub fn broken_outputs(out: &Path) -> (Vec<String>, usize) {
    let mut broken = Vec::new();
    let mut hidden = 0;
    for entry in std::fs::read_dir(out).expect("list the output folder") {
        let path = entry.expect("entry").path();
        let name = path
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        if name.starts_with('.') {
            hidden += 1;
        } else if path.is_dir() {
            if !backup_checks(&path) {
                broken.push(format!("backup {name} does not check"));
            }
        } else if !pdf_is_whole(&path) {
            broken.push(format!("PDF {name} is not whole"));
        }
    }
    (broken, hidden)
}

/// The backup's `SHA256SUMS` checked the way the README tells a family.
pub fn backup_checks(folder: &Path) -> bool {
    Command::new("sha256sum")
        .args(["--check", "--quiet", "--strict", "SHA256SUMS"])
        .current_dir(folder)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A PDF poppler reads to its end.
pub fn pdf_is_whole(path: &Path) -> bool {
    let bytes = std::fs::read(path).unwrap_or_default();
    bytes.starts_with(b"%PDF-")
        && bytes.trim_ascii_end().ends_with(b"%%EOF")
        && Command::new("pdfinfo")
            .arg(path)
            .output()
            .expect("pdfinfo (poppler-utils, installed by make deps)")
            .status
            .success()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
