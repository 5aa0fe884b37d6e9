//! Amparos for the case-file tests: each its own data folder, store and
//! blob store, and its own identity.

#![allow(dead_code)]

#[path = "../../../amparo-print/tests/support/packet_fixture.rs"]
pub mod packet_fixture;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use amparo_casefile::{AmparoCode, DeviceKeys, Manifest, SendTo, send_case};
use amparo_core::{BlobStore, Contact, Keys, Store};

/// One person's Amparo.
pub struct Amparo {
    pub dir: tempfile::TempDir,
    pub store: Store,
    pub blobs: BlobStore,
}

impl Amparo {
    /// An Amparo with no case.
    pub fn empty() -> Self {
        let dir = tempfile::tempdir().expect("data folder");
        let mut store = Store::open(dir.path(), &Keys::fixed_for_tests()).expect("store");
        amparo_casefile::sign_custody(&mut store).expect("custody signer");
        let blobs = BlobStore::open(dir.path(), &Keys::fixed_for_tests()).expect("blobs");
        Self { dir, store, blobs }
    }

    /// An Amparo holding the packet fixture's case (photos, tattoo records,
    /// three signed declarations with scans, a packet); and that case's id.
    pub fn with_case(photos: usize) -> (Self, String) {
        let f = packet_fixture::packet_fixture(photos, 640, 480);
        let case_id = f.case_id.clone();
        let mut store = f.store;
        amparo_casefile::sign_custody(&mut store).expect("custody signer");
        (
            Self {
                dir: f.dir,
                store,
                blobs: f.blobs,
            },
            case_id,
        )
    }

    /// Gives this Amparo its name (the one its custody entries carry).
    pub fn named(&mut self, name: &str) {
        self.store.rename_device(name).expect("rename");
        amparo_casefile::sign_custody(&mut self.store).expect("custody signer");
    }

    /// This Amparo's code.
    pub fn code(&mut self) -> AmparoCode {
        DeviceKeys::of(&mut self.store).expect("keys").code()
    }

    /// Adds `other` as a contact named `name`.
    pub fn add(&mut self, name: &str, other: &mut Amparo) -> Contact {
        let code = other.code();
        self.store
            .add_contact(name, &code.signing_key, &code.encryption_key)
            .expect("contact")
    }

    /// Every file under the data folder's blob store.
    pub fn stored_files(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        walk(&self.dir.path().join("blobs"), &mut found);
        found.sort();
        found
    }
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found);
        } else {
            found.push(path);
        }
    }
}

// Case files taken apart and put together again, as someone who wants to
// harm the receiver would.

pub fn identity(a: &Amparo) -> age::x25519::Identity {
    let stored = a.store.device_identity().expect("read").expect("identity");
    age::x25519::Identity::from_str(&stored.encryption_secret).expect("parse")
}

pub fn unseal(path: &Path, who: &Amparo) -> Vec<u8> {
    let file = std::fs::read(path).expect("read");
    let decryptor = age::Decryptor::new_buffered(&file[..]).expect("age");
    let id = identity(who);
    let mut reader = decryptor
        .decrypt(std::iter::once(&id as &dyn age::Identity))
        .expect("decrypt");
    let mut plain = Vec::new();
    reader.read_to_end(&mut plain).expect("plain");
    plain
}

pub fn seal_for(plain: &[u8], who: &Amparo, path: &Path) {
    let recipient = identity(who).to_public();
    let encryptor =
        age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
            .expect("encryptor");
    let mut out = Vec::new();
    let mut writer = encryptor.wrap_output(&mut out).expect("wrap");
    writer.write_all(plain).expect("write");
    writer.finish().expect("finish");
    std::fs::write(path, out).expect("write file");
}

pub type Entries = Vec<(String, Vec<u8>)>;

pub fn entries(tar_bytes: &[u8]) -> Entries {
    let mut archive = tar::Archive::new(tar_bytes);
    archive
        .entries()
        .expect("entries")
        .map(|e| {
            let mut e = e.expect("entry");
            let path = e.path().expect("path").display().to_string();
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes).expect("bytes");
            (path, bytes)
        })
        .collect()
}

/// A tar archive of `entries`, their names written as they are (`..`
/// and `/` included, which the tar crate itself would refuse to write).
pub fn tar_of(entries: &Entries) -> Vec<u8> {
    let mut builder = tar::Builder::new(Vec::new());
    for (path, bytes) in entries {
        let mut header = tar::Header::new_old();
        header.as_old_mut().name[..path.len()].copy_from_slice(path.as_bytes());
        header.set_size(bytes.len() as u64);
        header.set_mode(0o600);
        header.set_cksum();
        builder.append(&header, &bytes[..]).expect("append");
    }
    builder.into_inner().expect("tar")
}

pub fn manifest_of(entries: &Entries) -> Manifest {
    serde_json::from_slice(&entries[0].1).expect("manifest")
}

/// Puts `manifest` in, signed by a key of its own: what someone who wants
/// to harm the receiver can always make.
pub fn signed_by_a_stranger(entries: &mut Entries, mut manifest: Manifest) {
    let pair = minisign::KeyPair::generate_unencrypted_keypair().expect("keys");
    manifest.sender.signing_key = pair.pk.to_base64();
    let bytes = serde_json::to_vec(&manifest).expect("json");
    let signature = minisign::sign(None, &pair.sk, &bytes[..], None, None).expect("sign");
    entries[0].1 = bytes;
    entries[1].1 = signature.into_string().into_bytes();
}

pub fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(bytes))
}

pub struct Setup {
    pub mother: Amparo,
    pub advocate: Amparo,
    pub case_id: String,
    pub file: PathBuf,
    pub _out: tempfile::TempDir,
}

/// The example case with one photo, sent by the mother to the advocate.
pub fn setup() -> Setup {
    let mut mother = Amparo::empty();
    let case_id = mother.store.add_example_case().expect("example").id;
    let photos = tempfile::tempdir().expect("photos");
    let photo = photos.path().join("IMG_0001.jpg");
    packet_fixture::picture(5, 320, 240)
        .save(&photo)
        .expect("photo");
    amparo_media::import_photos(
        &mut mother.store,
        &mother.blobs,
        &case_id,
        &[photo],
        &std::sync::atomic::AtomicBool::new(false),
        |_| {},
    )
    .expect("import");
    sent(mother, case_id)
}

/// The mother's case `case_id`, sent to a new advocate.
pub fn sent(mut mother: Amparo, case_id: String) -> Setup {
    let mut advocate = Amparo::empty();
    let contact = mother.add("Ana", &mut advocate);
    let out = tempfile::tempdir().expect("out");
    let file = out.path().join("case.amparo");
    send_case(
        &mut mother.store,
        &mother.blobs,
        &case_id,
        &SendTo::Contacts(vec![contact]),
        &file,
    )
    .expect("send: the sender's signature is genuine");
    Setup {
        mother,
        advocate,
        case_id,
        file,
        _out: out,
    }
}

/// Changes the records' bytes with `change`, lists them again in the
/// manifest and signs it as a stranger: what a sender who wants to harm the
/// receiver can make of the records.
pub fn records_changed(list: &mut Entries, change: impl FnOnce(&mut Vec<u8>)) {
    let at = list
        .iter()
        .position(|(p, _)| p == "case.json")
        .expect("rows");
    change(&mut list[at].1);
    let mut manifest = manifest_of(list);
    manifest.items[0].sha256 = sha256(&list[at].1);
    manifest.items[0].size = list[at].1.len() as u64;
    signed_by_a_stranger(list, manifest);
}

/// [`records_changed`], with the records read as rows.
pub fn rows_changed(list: &mut Entries, change: impl FnOnce(&mut amparo_core::CaseRows)) {
    records_changed(list, |bytes| {
        let mut rows: amparo_core::CaseRows = serde_json::from_slice(bytes).expect("rows");
        change(&mut rows);
        *bytes = serde_json::to_vec(&rows).expect("json");
    });
}

/// The text of a PDF, pages separated by form feeds, in the order drawn
/// (pdftotext -raw), with typographic quotes made plain.
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("packet.pdf");
    std::fs::write(&path, pdf).expect("pdf");
    let out = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, `make deps`)");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .replace(['\u{201c}', '\u{201d}'], "\"")
        .replace('\u{2019}', "'")
}
